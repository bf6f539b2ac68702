//! # twolevel-game
//!
//! The two-level game that every twolevel tournament plays: a policy payoff
//! (international, absolute gains) blended with a political payoff
//! (domestic, relative gains) by each state's political weight and the
//! politicization of the issue; the shadow of the future; and the
//! [`Strategy`] trait that players implement.
//!
//! This crate does no IO and draws no random numbers.
//!
//! ## Quick start
//!
//! ```
//! use twolevel_game::{Action, Orientation, Politicization, TwoLevelGame};
//!
//! // The default game: Axelrod's payoffs, theta = 4, beta = 0.8.
//! let game = TwoLevelGame::default();
//!
//! // With w = 0 and pi = 0 it is exactly the classic prisoner's dilemma.
//! let classic = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
//! assert_eq!((classic.r(), classic.s(), classic.t(), classic.p()), (3.0, 0.0, 5.0, 1.0));
//!
//! // A politician (w = 0.8) in a politicized issue (pi = 0.5).
//! let pi = Politicization::new(0.5)?;
//! let politician = Orientation::new(0.8)?;
//! let [row, column] = game.payoffs(Action::D, Action::C, pi, [politician, Orientation::POLICY]);
//! assert!(row.political > 0.0 && column.political < 0.0);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

pub mod action;
pub mod analytic;
pub mod dynamics;
pub mod error;
pub mod horizon;
pub mod matrix;
pub mod strategy;
pub mod two_level;

pub use action::{Action, Outcome};
pub use analytic::{
    Anchor, NoThreshold, ParadoxError, PoliticizationParadox, alternation_threshold,
    discounted_value, grim_paths, grim_threshold, paradox_of_politicization,
    paradox_of_politicization_with, periodic_value, tft_paths, tft_threshold,
};
pub use dynamics::{ElectionCycle, PoliticizationDynamics, Politics};
pub use error::ParameterError;
pub use horizon::Horizon;
pub use matrix::{Bimatrix, NotPrisonersDilemma, PayoffMatrix};
pub use strategy::{Classifier, Strategy, View};
pub use two_level::{
    Orientation, Payoff, PoliticalPayoff, Politicization, StageTable, TwoLevelGame,
    TwoLevelGameConfig, blend,
};
