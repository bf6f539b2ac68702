//! Multilateral regimes: groups of N states playing iterated N-state games
//! (`docs/regimes.md`).
//!
//! - [`play`]: one iterated regime, [`play_regime`] under a
//!   [`RegimeConfig`] (group game, horizon, action noise, fixed or dynamic
//!   politicization per state, expected or sampled risk).
//! - [`config`]: regime tournament files in RON
//!   ([`RawRegimeTournament`]; `tournaments/climate.ron`, `tournaments/mfn.ron`).
//! - [`tournament`]: a [`RegimeTournament`] over every group composition
//!   of its entrants (or a seeded sample), with results per entrant and per
//!   composition in the three currencies and the regime's success.
//!
//! ```
//! use twolevel_game::{GroupGame, GroupPolicy, Horizon};
//! use twolevel_strategies::regime::{ConditionalCooperator, MfnFreeRider, RegimeDefector};
//! use twolevel_tournament::regime::{RegimeConfig, RegimeMember, RegimeTournament};
//!
//! let game = GroupGame::new(4, GroupPolicy::public_goods(3.0, 1.0))?;
//! let config = RegimeConfig::new(game, Horizon::fixed(50)?);
//! let entrants = vec![
//!     RegimeMember::new(Box::new(ConditionalCooperator::new(2))),
//!     RegimeMember::new(Box::new(MfnFreeRider::default())),
//!     RegimeMember::new(Box::new(RegimeDefector)),
//! ];
//! let results = RegimeTournament::new(config, entrants)?.play();
//! assert_eq!(results.compositions.len(), 15); // C(3 + 4 - 1, 4)
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

pub mod config;
pub mod play;
pub mod tournament;

pub use config::{RawRegimeEntrant, RawRegimeTournament};
pub use play::{RegimeBuffers, RegimeConfig, RegimeMember, RegimeResult, RiskMode, play_regime};
pub use tournament::{
    CompositionResult, RegimeStanding, RegimeTournament, RegimeTournamentResults,
    composition_count, compositions, multinomial_probability,
};
