//! Evolutionary dynamics (`early_refusals`: blocks refused before they
//! run, never NaN shares): `dynamics` checks fixation probabilities and the
//! deterministic dynamics against closed forms, egttools and simulation;
//! `invariants` their properties; `tournaments` evolution on round robins
//! and the shipped evolution files; `group_chain` and `pairwise_chain` the
//! full chains of `GroupEvolution` against egttools.

mod dynamics;
mod early_refusals;
mod group_chain;
mod invariants;
mod multilevel;
mod pairwise_chain;
mod tournaments;
