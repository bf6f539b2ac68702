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
//! The two-level game reduces to Axelrod's when nobody plays politics:
//!
//! ```
//! use twolevel::prelude::*;
//!
//! let game = TwoLevelGame::default();
//! let m = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
//! assert!(m.is_prisoners_dilemma());
//! assert_eq!((m.r(), m.s(), m.t(), m.p()), (3.0, 0.0, 5.0, 1.0));
//! ```
//!
//! The main job, a round robin from a tournament file (here the embedded
//! default, `tournaments/two-level.ron`), gives the same numbers for the
//! same seed on any number of threads:
//!
//! ```
//! use twolevel::prelude::*;
//!
//! let tournament = Tournament::embedded_default()?;
//! let results = tournament.round_robin.play();
//! println!("{results}"); // the ranking table
//! let again = tournament.round_robin.play();
//! assert_eq!(results.ranked_names().collect::<Vec<_>>(), again.ranked_names().collect::<Vec<_>>());
//! # Ok::<(), twolevel::strategies::config::ConfigError>(())
//! ```

pub use twolevel_game as game;
pub use twolevel_strategies as strategies;
pub use twolevel_tournament as tournament;

/// The names most programs need, in one import.
pub mod prelude {
    pub use twolevel_game::rand_core::Rng;
    pub use twolevel_game::{
        Action, Bimatrix, ByCurrency, Classifier, CloneStrategy, Currency, ElectionCycle, Horizon,
        HorizonKind, Orientation, Outcome, Payoff, PayoffMatrix, PoliticalPayoff, Politicization,
        PoliticizationDynamics, Politics, Strategy, TwoLevelGame, View,
    };
    pub use twolevel_game::{
        Anchor, NoThreshold, PoliticizationParadox, grim_threshold, paradox_of_politicization,
        paradox_of_politicization_with, tft_threshold,
    };
    pub use twolevel_game::{GroupGame, GroupPolicy, RegimeStrategy, RegimeView};
    pub use twolevel_tournament::evolution::{GroupEvolution, GroupPayoffs};
    pub use twolevel_tournament::regime::{
        RegimeConfig, RegimeMember, RegimeTournament, RegimeTournamentFile, RegimeTournamentResults,
    };
    pub use twolevel_tournament::{
        Entrant, MatchBuffers, MatchConfig, MatchResult, PlayerSettings, RankingMetric, RoundRobin,
        RoundRobinResults, Tournament, play_match,
    };
}

/// The society of states (MODEL.md section 11) in one import: norms,
/// action rules, the engine, its files, sweeps, anchor and evolution.
pub mod society {
    pub use twolevel_game::{Norm, Standing};
    pub use twolevel_strategies::society::{
        DonorView, SocietyRule, build_rule, build_rule_with, rule_names,
    };
    pub use twolevel_tournament::society::{
        CSV_HEADER, DonationGame, EncounterMode, GoodCountChain, Group, Institution, RuleEvolution,
        Society, SocietyConfig, SocietyCounters, SocietyParams, SocietyPoint, SocietySweep,
        StandingDynamics,
    };
}
