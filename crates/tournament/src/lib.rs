//! # twolevel-tournament
//!
//! Matches, round-robin and evolutionary tournaments for twolevel.
//!
//! - [`config`]: tournament files in RON, validated before anything runs.
//! - [`play`]: the match engine, [`play_match`] under a validated
//!   [`MatchConfig`].
//! - [`round_robin`]: round-robin tournaments, run in parallel with
//!   results independent of the thread count ([`seeding`]).
//! - [`report`]: the ranking table and the CSV and JSON output files.
//! - [`evolution`]: evolutionary dynamics on round-robin payoffs.

pub mod config;
pub mod evolution;
pub mod play;
pub mod report;
pub mod round_robin;
pub mod seeding;

pub use config::{Tournament, TournamentFile};
pub use play::{MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, play_match};
pub use report::OutputError;
pub use round_robin::{Entrant, RankingMetric, RoundRobin, RoundRobinResults, Standing};
