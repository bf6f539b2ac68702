//! Evolutionary dynamics (`early_refusals`: blocks refused before they
//! run, never NaN shares): `dynamics` checks fixation probabilities and the
//! deterministic dynamics against closed forms, egttools and simulation;
//! `invariants` their properties; `tournaments` evolution on round robins
//! and the shipped evolution files; `group_chain` and `pairwise_chain` the
//! full chains of `GroupEvolution` against egttools; `multilevel` the
//! Traulsen-Nowak groups that split, against their rare-splitting limit and
//! the donation game's threshold `b/c = 1 + n/(m-2)`.

mod dynamics;
mod early_refusals;
mod group_chain;
mod invariants;
mod multilevel;
mod pairwise_chain;
mod tournaments;
