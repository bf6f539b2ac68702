//! # twolevel
//!
//! Axelrod-style iterated-game tournaments in which each state's payoff
//! blends a domestic political payoff with an international policy payoff.
//!
//! This facade re-exports the three crates of the workspace:
//! [`game`] (the two-level game and the `Strategy` trait),
//! [`strategies`] (the players) and [`tournament`] (matches, round robins
//! and evolutionary dynamics). Most users want the [`prelude`].
//!
//! ## Quick start
//!
//! ```
//! use twolevel::prelude::*;
//!
//! let game = TwoLevelGame::default();
//! let m = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
//! assert!(m.is_prisoners_dilemma());
//! ```

pub use twolevel_game as game;
pub use twolevel_strategies as strategies;
pub use twolevel_tournament as tournament;

/// The names most programs need, in one import.
pub mod prelude {
    pub use twolevel_game::rand_core::RngCore;
    pub use twolevel_game::{
        Action, Bimatrix, Classifier, CloneStrategy, ElectionCycle, Horizon, Orientation, Outcome,
        Payoff, PayoffMatrix, PoliticalPayoff, Politicization, PoliticizationDynamics, Politics,
        Strategy, TwoLevelGame, View,
    };
    pub use twolevel_game::{
        Anchor, NoThreshold, PoliticizationParadox, grim_threshold, paradox_of_politicization,
        paradox_of_politicization_with, tft_threshold,
    };
    pub use twolevel_tournament::{
        Entrant, MatchBuffers, MatchConfig, MatchResult, PlayerSettings, RankingMetric, RoundRobin,
        RoundRobinResults, Tournament, play_match,
    };
}
