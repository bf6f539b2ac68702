//! Evolutionary dynamics: `dynamics` checks fixation probabilities and the
//! deterministic dynamics against closed forms, egttools and simulation;
//! `invariants` their properties; `tournaments` evolution on round robins
//! and the shipped evolution files; `group_chain` and `pairwise_chain` the
//! full chains of `GroupEvolution` against egttools.

mod dynamics;
mod group_chain;
mod invariants;
mod pairwise_chain;
mod tournaments;
