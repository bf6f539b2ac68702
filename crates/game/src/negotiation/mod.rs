//! Ratification and negotiation: Putnam's two-level game
//! (`docs/model.md` sections 13 and 14, derived in `docs/negotiation.md`).
//!
//! Level II: each state's [`Ratifier`]s (a weight and a position) and its
//! [`Threshold`] `tau_i` give its [`WinSet`], the shares `z_i >= R_i` it
//! ratifies (`R_i` a weighted quantile of the reservations `1 - x_k`; an
//! empty win-set is [`WinSet::Empty`], not a number). A state without an
//! arena ratifies by its government alone ([`WinSet::of_government`],
//! `R_i = w_eff`). The [`Zone`] of agreement for A's share is
//! `[R_A, 1 - R_B]`, empty when `R_A + R_B > 1`.
//!
//! Level I: the negotiators bargain by a [`Protocol`] (Rubinstein's
//! alternating offers, [`rubinstein_share`], checked against the finite
//! game's backward induction [`alternating_offers_share`]; or Nash
//! bargaining, symmetric or weighted), and the domestic constraint clamps
//! the result: `z* = min(max(z^u, R_A), 1 - R_B)`.
//!
//! Uncertainty: A proposes on an estimate of `R_B` with [`EstimateNoise`]
//! ([`propose`]); [`involuntary_defection_probability`] is the closed-form
//! probability that the proposal falls outside B's true win-set.
//!
//! [`Leverage`]: side payments and sanction threats move the partner's
//! reservations. [`Agreement`]: a ratified share turns the stage game into
//! the agreement's game.
//!
//! The module holds, one concept a file: `ratifier.rs`, `win_set.rs`,
//! `zone.rs`, `bargaining.rs`, `uncertainty.rs`, `leverage.rs` and
//! `agreement.rs`.

mod agreement;
mod bargaining;
mod leverage;
mod ratifier;
mod uncertainty;
mod win_set;
mod zone;

pub use agreement::Agreement;
pub use bargaining::{Protocol, alternating_offers_share, rubinstein_share};
pub use leverage::Leverage;
pub use ratifier::{Ratifier, Threshold};
pub use uncertainty::{
    EstimateNoise, involuntary_defection_probability, proposal_probability, propose,
};
pub use win_set::{Reservation, WinSet};
pub use zone::{NoZone, Zone};
