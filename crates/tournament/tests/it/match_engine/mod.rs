//! The match engine: `reference_loop` checks it against a round-by-round
//! loop, `memory_one_fast_path` and `memory_one_markov` its memory-one fast
//! path (against the general engine and against the exact Markov chain),
//! `bounded_history` the mode that keeps only a window of moves, `noise`
//! action and perception noise, and `horizon` the continuation
//! probability.

mod bounded_history;
mod horizon;
mod memory_one_fast_path;
mod memory_one_markov;
mod noise;
mod reference_loop;
