//! Presenting round-robin results: an aligned text table ([`Display`]) and
//! CSV and JSON files in an output folder ([`RoundRobinResults::write_to`]).
//!
//! The files written are:
//!
//! - `ranking.csv`: one row per player, best first, with the mean and
//!   standard deviation over repetitions of each score in each currency
//!   (`policy_mean`, `policy_sd`, `political_mean`, `political_sd`,
//!   `utility_mean`, `utility_sd`), the wins in each currency
//!   (`wins_policy_mean`, ...) and the cooperation rate;
//! - `payoff_matrix_policy.csv`, `payoff_matrix_political.csv`,
//!   `payoff_matrix_utility.csv` and `cooperation_matrix.csv`: one row and
//!   one column per player (empty cells for pairs that did not meet);
//! - `results.json`: the ranking, the standings and the matrices (payoffs
//!   and wins in each currency, cooperation) in one compact JSON document;
//! - for a tournament with domestic arenas only: `arena_pairs.csv` (per
//!   pair and side: cooperation as a share of rounds, payoffs per turn in
//!   each currency), `actors.csv` (per actor: influence share, spending in
//!   capability units and payoff in the actor's own currency, over all its
//!   state's matches with standard deviations, then per partner),
//!   `series.csv` (per pair, side and round: mean domestic position, `pi`
//!   and cooperation) and an `arenas` entry in `results.json`; and
//!   `timing.csv` from a file's `timing` block
//!   ([`TimingResults::write_csv`](crate::round_robin::TimingResults::write_csv));
//! - for a spatial tournament only (a round robin on a graph):
//!   `nodes.csv` (per node: its player, its degree and its payoff per turn
//!   accumulated and averaged over its neighbours in each currency) and a
//!   `spatial` entry in `results.json`;
//! - only on request ([`OutputOptions::matches`]), the per-match records:
//!   `matches.csv`, one row per match with both players' totals in each
//!   currency, and a `matches` list in `results.json`. Their size grows
//!   with players squared times repetitions, so they are off by default.
//!
//! Every file is written atomically ([`write_atomically`]), and the folder
//! is replaced as a whole ([`OutputSet`]): a failed or interrupted write
//! leaves the previous results as they were, never a mix of old and new.
//!
//! Regime tournament results ([`RegimeTournamentResults`]) are written to
//! any [`Write`]: an aligned text table ([`Display`]), the standings and
//! the compositions as CSV
//! ([`RegimeTournamentResults::write_standings_csv`],
//! [`RegimeTournamentResults::write_compositions_csv`]) and everything as
//! JSON ([`RegimeTournamentResults::write_json`]).
//!
//! The utility columns are each player's own blend of policy and political
//! payoff with its own political weight: on its own scale, not comparable
//! between players with different weights (see [`Currency`]).
//!
//! ## Files
//!
//! One renderer per domain, and what they share:
//!
//! - `round_robin.rs`: the ranking table and the round robin's output
//!   folder ([`RoundRobinResults::write_to`], [`OutputOptions`]).
//! - `arenas.rs`: the domestic arenas' section of the report and their
//!   files (`arena_pairs.csv`, `actors.csv`, `series.csv`, `timing.csv`),
//!   only for a tournament with arenas.
//! - `regime.rs`: the regime tournament's table, CSV and JSON.
//! - `evolution.rs`: what an evolution block produced, as text.
//! - `society.rs`: a society sweep's table.
//! - `levers.rs`: the lever report's table.
//! - `negotiation.rs`: a negotiation file's report, CSV and JSON
//!   ([`NegotiationResults`](crate::negotiation::NegotiationResults)).
//! - `table.rs`: names in text tables ([`table_name`]).
//! - `files.rs`: [`OutputError`] and the atomic CSV and JSON writers
//!   ([`write_csv`], [`write_json_file`]).
//!
//! [`Display`]: std::fmt::Display
//! [`Write`]: std::io::Write
//! [`Currency`]: twolevel_game::Currency
//! [`OutputSet`]: crate::output::OutputSet
//! [`write_atomically`]: crate::output::write_atomically
//! [`RoundRobinResults::write_to`]: crate::round_robin::RoundRobinResults::write_to
//! [`RegimeTournamentResults`]: crate::regime::RegimeTournamentResults
//! [`RegimeTournamentResults::write_standings_csv`]: crate::regime::RegimeTournamentResults::write_standings_csv
//! [`RegimeTournamentResults::write_compositions_csv`]: crate::regime::RegimeTournamentResults::write_compositions_csv
//! [`RegimeTournamentResults::write_json`]: crate::regime::RegimeTournamentResults::write_json

mod arenas;
mod evolution;
mod files;
mod levers;
mod negotiation;
mod network;
mod regime;
mod round_robin;
mod society;
mod table;

pub use files::{OutputError, write_csv, write_json_file};
pub use negotiation::{PAIRS_CSV_HEADER, RUNS_CSV_HEADER};
pub use round_robin::OutputOptions;
use table::name_column_width;
pub use table::{TABLE_NAME_CHARS, table_name};
