//! # twolevel-tournament
//!
//! Matches, round-robin and evolutionary tournaments for twolevel.
//!
//! Files and seeds:
//!
//! - [`file`](mod@file): a file of any kind ([`file::AnyFile`]: round robin,
//!   regime, society or sweep), loaded once, with one `with_seed`, run to
//!   one [`file::FileResults`].
//! - [`config`]: round-robin tournament files in RON, validated before
//!   anything runs, and the shipped files.
//! - [`seeding`]: per-match RNGs derived from the master seed and the
//!   match's coordinates.
//! - [`limits`]: memory estimates and size bounds checked before anything
//!   runs, and the thread-pool runner.
//!
//! Engines, one per kind of game:
//!
//! - [`conditions`]: what repeated play shares in every engine (the game,
//!   the horizon, noise, politics, elections), held by [`MatchConfig`] and
//!   [`regime::RegimeConfig`].
//! - [`play`]: the match engine, [`play_match`] under a validated
//!   [`MatchConfig`], and [`play_arena_match`] with the states' domestic
//!   arenas ([`domestic`]: [`Domestic`], docs/actors.md).
//! - [`round_robin`]: round-robin tournaments, run in parallel with
//!   results independent of the thread count.
//! - [`regime`]: iterated N-state regimes and regime tournaments over
//!   group compositions.
//! - [`society`]: a society of states that meet at random, with
//!   reputations kept by an institution under an assessment norm.
//! - [`evolution`]: evolutionary dynamics on round-robin and group
//!   payoffs, simulated and analytic.
//!
//! Experiments over the engines:
//!
//! - [`levers`]: the seed article's six levers as paired experiments.
//! - [`sweep`]: round robins at fixed levels of politicization (the
//!   paradox of politicization in play).
//! - [`campaigns`]: cooperation inside and outside election campaigns.
//! - [`sweep_file`]: the sweep engine: grids over fields of a file,
//!   replicates, shards, resume and merge.
//! - [`stats`]: the mean, standard deviation and standard errors every
//!   kind of run reports over its repetitions or replicates.
//!
//! Output:
//!
//! - [`report`]: the tables and the CSV and JSON output files, one
//!   renderer per domain.
//! - [`output`]: atomic file writes and output folders replaced whole.
//! - [`progress`]: progress reports from long runs ([`progress::Progress`]).
//!
//! Every result carries the three currencies of
//! [`twolevel_game::Currency`] (policy payoff, political payoff and each
//! player's own utility); rankings, wins and evolutionary fitness name
//! theirs, and the default is the policy payoff.
//!
//! ## Quick start
//!
//! A round robin in code:
//!
//! ```
//! use twolevel_strategies::{Defector, TitForTat};
//! use twolevel_tournament::{Entrant, MatchConfig, RoundRobin};
//!
//! let config = MatchConfig::classic(200)?; // Axelrod's game, 200 turns
//! let players = vec![
//!     Entrant::classic(Box::new(TitForTat)),
//!     Entrant::classic(Box::new(Defector)),
//! ];
//! let results = RoundRobin::new(config, players)?.with_repetitions(3)?.play();
//! // Against each other: TFT scores 199 in 200 turns, the defector 204.
//! // In the classic game policy payoff and utility are the same numbers.
//! assert_eq!(results.payoff_matrices.policy[0][1], Some(199.0 / 200.0));
//! assert_eq!(results.payoff_matrices.utility, results.payoff_matrices.policy);
//! assert_eq!(results.ranked_names().next(), Some("Defector"));
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```
//!
//! A tournament file (here the embedded default, `tournaments/two-level.ron`):
//!
//! ```
//! use twolevel_tournament::Tournament;
//!
//! let tournament = Tournament::embedded_default()?;
//! let results = tournament.round_robin.play();
//! println!("{results}"); // the ranking table
//! assert_eq!(results.standings.len(), tournament.round_robin.entrants().len());
//! # Ok::<(), twolevel_files::ConfigError>(())
//! ```

pub mod campaigns;
pub mod conditions;
pub mod config;
pub mod domestic;
pub mod evolution;
pub mod file;
pub mod fixation_file;
pub mod levers;
pub mod limits;
pub mod negotiation;
pub mod output;
pub mod play;
pub mod progress;
pub mod regime;
pub mod report;
pub mod round_robin;
pub mod seeding;
pub mod society;
pub mod stats;
pub mod sweep;
pub mod sweep_file;

pub use config::{RawTournament, Tournament};
pub use domestic::Domestic;
pub use negotiation::{NegotiatingState, NegotiationConfig, PairNegotiation, negotiate};
pub use play::{
    ArenaRecord, InstrumentRecord, InstrumentTotals, MatchBuffers, MatchConfig, MatchResult,
    PlayerSettings, PlayerTotals, play_arena_match, play_match, play_match_of_length,
    play_match_under, play_match_with_instruments,
};
pub use report::OutputError;
pub use round_robin::{
    Entrant, Matchup, PlayerResults, RankingMetric, RankingRow, RoundRobin, RoundRobinResults,
};
