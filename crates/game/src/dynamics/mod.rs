//! Politicization over time and election cycles (`docs/model.md` sections 2 and 5).
//!
//! - [`PoliticizationDynamics`]: public defections raise `pi`, calm rounds
//!   let it decay:
//!   `pi_{t+1} = clamp(pi_t + up * public_defections_t - down * pi_t, 0, 1)`.
//! - [`Politics`]: a match's politicization is either fixed or dynamic.
//! - [`ElectionCycle`]: in the last `lead` rounds of every term the
//!   incumbents' political weight rises to `w + (1 - w) * boost` and their
//!   patience falls by the factor `patience`.
//!
//! Each state has its own level `pi_i` (politicization is uneven between
//! states): see [`PoliticizationDynamics::next_for_state`]. One shared
//! level is the case of equal levels, a rally share of 1 and no
//! securitizing moves.
//!
//! The two concepts live in their own files: the politicization of the
//! issue (`politicization.rs`) and the electoral calendar of the
//! governments (`elections.rs`).

mod elections;
mod politicization;

pub use elections::{ElectionCycle, RawElectionCycle};
pub use politicization::{PoliticizationDynamics, Politics, RawPoliticizationDynamics};
