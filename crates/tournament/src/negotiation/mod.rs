//! The negotiation engine (`docs/model.md` sections 13 and 14, derived in
//! `docs/negotiation.md`): pairs of states negotiate an agreement at
//! Level I, ratify it at Level II, and play it.
//!
//! - `state.rs`: [`NegotiatingState`], a state at the table: ratifiers
//!   (plain weights and positions, which a domestic arena can feed),
//!   threshold, negotiator's discount factor, the noise of its partner's
//!   estimate of its reservation, resources and leverage, and the strategy
//!   and settings it plays with.
//! - `config.rs`: [`NegotiationConfig`], the [`Bargaining`] protocol, the
//!   compliance cost `psi`, the match, repetitions and seed.
//! - `run.rs`: [`negotiate`], every repetition of every pair, each with
//!   its own RNG from [`derive_seed`](crate::seeding::derive_seed), and
//!   the match played with [`play_match`](crate::play_match).
//! - `file.rs`: negotiation files in RON ([`RawNegotiation`],
//!   [`NegotiationFile`]): states, pairs, protocol, `psi` and the match,
//!   with located errors.
//! - `ledger.rs`: what a pass over a match's moves books (compliant
//!   rounds, side payments, sanctions).
//! - `results.rs`: [`NegotiationRun`] per pair and repetition (reached,
//!   ratified, share, cooperation, compliance, every currency, side
//!   payments and sanctions) and [`PairNegotiation`] per pair (win-sets,
//!   zone, the simulated rate of involuntary defection beside its closed
//!   form); [`NegotiationResults`], a file's results with a
//!   [`PairSummary`] per pair, written as text, CSV and JSON.
//!
//! ```
//! use twolevel_game::{EstimateNoise, Orientation, Politicization, TwoLevelGame};
//! use twolevel_strategies::TitForTat;
//! use twolevel_tournament::negotiation::{Bargaining, NegotiatingState, NegotiationConfig, negotiate};
//! use twolevel_tournament::{MatchConfig, PlayerSettings};
//!
//! let game = TwoLevelGame::classic(twolevel_game::PayoffMatrix::AXELROD);
//! let state = |w: f64| {
//!     NegotiatingState::government(
//!         &game,
//!         Orientation::new(w)?,
//!         Politicization::NONE,
//!         0.9,
//!         Box::new(TitForTat),
//!         PlayerSettings::POLICY,
//!     )
//! };
//! let mut pairs = vec![[state(0.3)?, state(0.4)?.with_noise(EstimateNoise::new(0.1)?)]];
//! let config = NegotiationConfig::new(Bargaining::AlternatingOffers, MatchConfig::classic(50)?)
//!     .with_repetitions(100)?;
//! let results = negotiate(&mut pairs, &config)?;
//! let pair = &results[0];
//! // z^u = 1 / 1.9 lies inside the zone [0.3, 0.6]: nothing fails.
//! assert_eq!(pair.failure_probability, 0.0);
//! assert_eq!(pair.failed.mean, 0.0);
//! assert!(pair.runs.iter().all(|run| run.ratified && run.compliance == Some(1.0)));
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

mod config;
pub mod file;
mod ledger;
mod results;
mod run;
mod state;

pub use config::{Bargaining, NegotiationConfig};
pub use file::{
    NegotiationFile, RawNegotiatingState, RawNegotiation, RawRatifier, RawRatifiers, RawResources,
    RawSanction, RawSidePayment, RawThreshold, arena_ratifiers,
};
pub use results::{
    HoardingSummary, NegotiationResults, NegotiationRun, PairNegotiation, PairReport, PairSummary,
    Rate, SanctionTotals, StateSummary, Withdrawal,
};
pub use run::negotiate;
pub use state::NegotiatingState;
