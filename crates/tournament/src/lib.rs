//! # twolevel-tournament
//!
//! Matches, round-robin and evolutionary tournaments for twolevel.
//!
//! - [`play`]: the match engine, [`play_match`] under a validated
//!   [`MatchConfig`].
//! - [`evolution`]: evolutionary dynamics on round-robin payoffs.

pub mod evolution;
pub mod play;

pub use play::{MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, play_match};
