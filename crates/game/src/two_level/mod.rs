//! The two-level game: a policy payoff (international, absolute gains) and a
//! political payoff (domestic, relative gains and audience), blended by each
//! state's orientation and the politicization of the issue.
//!
//! The formulas are those of `docs/model.md` (sections 1 and 2):
//!
//! ```text
//! policy_i    = base_i(a_i, a_j) - theta * pi_i * (1 - coop_share)
//! political_i = kappa_eff_i * (policy_i - policy_j) + b * [a_i == D]
//!               - alpha * theta * pi_i * (1 - coop_share)      (or a given matrix)
//! kappa_eff_i = kappa * (1 + gamma * pi_i^2)
//! w_eff_i     = w_i + (1 - w_i) * beta * pi_i
//! u_i         = (1 - w_eff_i) * policy_i + w_eff_i * political_i
//! ```
//!
//! `pi_i` is the politicization of the problem in front of state i's own
//! public; one shared `pi` is the case `pi_i = pi_j`. `alpha` is domestic
//! accountability (the accelerator reaches politicians too) and `gamma`
//! securitization's amplification of relative gains (the brake); with
//! `alpha = gamma = 0` the game is the first version of the model, bit for
//! bit.
//!
//! The module holds, one concept a file:
//!
//! - `levels.rs`: the two levels a state's payoff depends on,
//!   [`Politicization`] (`pi`) and [`Orientation`] (the political weight
//!   `w`), and a state's [`Role`] in an asymmetric game;
//! - `game.rs`: the game itself, [`TwoLevelGame`], with its file form
//!   [`RawTwoLevelGame`] and its [`PoliticalPayoff`] rule;
//! - `payoff.rs`: one round's [`Payoff`] (utility, policy and political
//!   parts) and [`blend`], the utility at an effective political weight;
//! - `stage_table.rs`: the precomputed [`StageTable`] a match reads once
//!   per round, the [`StageTableBuilder`] that refills it when the levels
//!   move (also with each state's [`DomesticTerms`]), and the
//!   [`OrientedWeights`] of fixed orientations;
//! - `domestic.rs`: [`DomesticTerms`], what a state's domestic arena adds
//!   to its political payoff (docs/actors.md).

mod domestic;
mod game;
mod levels;
mod payoff;
mod stage_table;

pub use domestic::DomesticTerms;
pub use game::{PoliticalPayoff, RawTwoLevelGame, TwoLevelGame};
pub use levels::{Orientation, Politicization, Role};
pub use payoff::{Payoff, blend};
pub use stage_table::{OrientedWeights, StageTable, StageTableBuilder};

/// The largest payoff magnitude accepted anywhere: a game's policy and
/// political payoffs (for every politicization), a payoff table's entries
/// and a group game's payoffs. 1e100 leaves room for every total over a
/// long match, every blend, and every product with an intensity of
/// selection (itself at most 1e100) summed over a population, to stay
/// finite; `docs/guide.md` lists it with the other limits.
pub const PAYOFF_LIMIT: f64 = 1e100;
