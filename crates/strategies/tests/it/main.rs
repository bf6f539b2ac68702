//! The integration tests of `twolevel-strategies`, in one test binary (one
//! link instead of one per file), one module per behaviour:
//!
//! - `axelrod_library`: the classic strategies move for move against the
//!   Python `axelrod` library;
//! - `biased_equivalence`: the self-serving `bias` of the ledger
//!   reciprocators (Keohane's biased equivalence); zero is as before;
//! - `catalogue`: `docs/strategies.md` lists every registered strategy;
//! - `instruments`: the hegemon and the coercer (carrots and sticks) in
//!   the registry: names, parameters, errors naming the field, and the
//!   delegation's forwarding rule;
//! - `memory_depth`: a strategy of bounded memory depth decides the same on
//!   its last moves as on the whole history;
//! - `mission_strategies`: properties of the mission's strategies and of
//!   the registry;
//! - `second_tournament`: the entries of Axelrod's second tournament move
//!   for move against his compiled Fortran, and the published ranking;
//! - `presets`: the shipped preset files load, build and equal the copies
//!   compiled into the library;
//! - `zero_determinant`: zero-determinant strategies enforce their linear
//!   relations.

mod axelrod_library;
mod biased_equivalence;
mod catalogue;
mod instruments;
mod memory_depth;
mod mission_strategies;
mod presets;
mod second_tournament;
mod zero_determinant;
