//! A society of states: random encounters, reputation and institutions
//! (`docs/society.md`; `docs/society.md` derives the formulas).
//!
//! Specific reciprocity needs to meet the same partner again; in a large
//! society of states that meet at random, cooperation rests on reputation
//! (indirect reciprocity) kept by an institution, or on how the society as
//! a whole has treated a state (generalized reciprocity).
//!
//! - [`params`]: [`SocietyParams`] (norm, [`Institution`], observation q,
//!   execution error e, assessment error mu, [`EncounterMode`]) and the
//!   population's [`Group`]s.
//! - [`payoffs`]: the [`DonationGame`] with the two-level blend, and its
//!   documented mapping onto the two-level game.
//! - [`engine`]: the [`Society`], its steps and each state's
//!   [`StateTotals`].
//! - [`counters`]: [`SocietyCounters`], what the states have done.
//! - [`analytic`]: the anchor: [`StandingDynamics`] (large-population fixed
//!   point) and the exact finite-Z [`GoodCountChain`].
//! - [`evolution`]: [`RuleEvolution`], pairwise comparison (Fermi rule,
//!   mutation) of action rules on a chosen fitness currency.
//! - [`standings`]: public standings and the private [`BitMatrix`].
//! - [`config`]: society files in RON ([`SocietyConfig`]), validated with
//!   file, line and column in every error.
//! - [`sweep`]: [`SocietySweep`], the society run over a grid of q and mu
//!   with the analytic anchor beside it, written as CSV and JSON.
//!
//! The action rules and their trait live in
//! [`twolevel_strategies::society`]; the norms in [`twolevel_game::norms`].
//!
//! ```
//! use rand::SeedableRng;
//! use rand_pcg::Pcg64Mcg;
//! use twolevel_game::Norm;
//! use twolevel_tournament::society::{DonationGame, Group, Institution, Society, SocietyParams};
//!
//! let params = SocietyParams::new(Norm::STERN_JUDGING, Institution::Public, 1.0, 0.02, 0.02)?;
//! let game = DonationGame::with_defaults(2.0, 1.0)?;
//! let mut society = Society::new(params, &game, &[Group::new("Discriminator", 200)])?;
//! let mut rng = Pcg64Mcg::seed_from_u64(1);
//! society.run(20_000, &mut rng);
//! let counters = society.run(100_000, &mut rng);
//! assert!(counters.cooperation_rate() > 0.85);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

pub mod analytic;
pub mod config;
pub mod counters;
mod draws;
pub mod engine;
pub mod evolution;
pub mod params;
pub mod payoffs;
pub mod standings;
pub mod sweep;

pub use analytic::{GoodCountChain, RareInvader, StandingDynamics};
pub use config::{
    DEFAULT_SOCIETY, DEFAULT_SOCIETY_ORIGIN, EvolutionPlan, RawSocietyConfig, SocietyConfig,
};
pub use counters::SocietyCounters;
pub use engine::{Society, StateTotals, Trait};
pub use evolution::RuleEvolution;
pub use params::{
    EncounterMode, Group, Institution, MAX_POPULATION, MAX_PRIVATE_POPULATION, SocietyParams,
};
pub use payoffs::DonationGame;
pub use standings::BitMatrix;
pub use sweep::{CSV_HEADER, SocietyPoint, SocietySweep};
