//! Round-robin tournaments: every pair of players meets, repeatedly.
//!
//! A [`RoundRobin`] plays the pairs `(i, j)` with `i < j` (and `i == j`
//! when self-play is on, between two fresh clones of the strategy), each
//! `repetitions` times. Match `(i, j, repetition)` draws from its own RNG,
//! derived from the master seed and those three numbers
//! ([`seeding::match_rng`](crate::seeding::match_rng)), and the matches are
//! collected and summed in a fixed order, so the results are bit-identical
//! whether the matches run serially or on any number of rayon threads.
//!
//! ## Scores
//!
//! Every score is kept in the three [`Currency`]s of `docs/model.md` section 10:
//! the policy payoff (absolute gains, comparable between all players), the
//! political payoff (relative gains at home) and the player's own utility
//! (its blend with its own effective political weight, on its own scale and
//! therefore **not** comparable between players with different weights).
//!
//! As in the Python `axelrod` library's `ResultSet`, a player's score in a
//! repetition is its *normalised score*: the mean, over its matches against
//! the other players, of its payoff per turn, in each currency. Self-play
//! matches are left out of the scores and wins (they enter the payoff and
//! cooperation matrices), except in a one-player tournament where they are
//! all there is. A *win in a currency* is a match in which the player's
//! total in that currency exceeds its partner's; wins are counted in every
//! currency.
//!
//! The ranking sorts players by the mean over repetitions of the chosen
//! [`RankingMetric`] (policy payoff per turn by default), best first, ties
//! kept in the order the players were given. (`axelrod` ranks by the
//! median; with a deterministic tournament the two agree. In the classic
//! game, with `w = 0` and `pi = 0`, the three currencies' policy and utility
//! coincide, so the ranking is `axelrod`'s.) Standard deviations over
//! repetitions use the `n - 1` divisor and are 0 for a single repetition.
//!
//! ## Reading the results
//!
//! [`RoundRobinResults`] keeps everything positional (in the order the
//! players were given) and serializes with serde; its views read it by
//! name: [`RoundRobinResults::player`] gives a [`PlayerResults`] (score,
//! rank, wins and payoffs in every currency, cooperation, and every
//! [`Matchup`] against a partner), [`RoundRobinResults::ranked`] iterates
//! over the players best first.
//!
//! ```
//! use twolevel_game::Currency;
//! use twolevel_strategies::{Defector, TitForTat};
//! use twolevel_tournament::{Entrant, MatchConfig, RoundRobin};
//!
//! let players = vec![
//!     Entrant::classic(Box::new(TitForTat)),
//!     Entrant::classic(Box::new(Defector)),
//! ];
//! let results = RoundRobin::new(MatchConfig::classic(200)?, players)?.play();
//!
//! let tft = results.player("Tit For Tat").expect("a player of that name");
//! assert_eq!(tft.rank(), 2);
//! assert_eq!(tft.scores()[Currency::Policy], 199.0 / 200.0);
//! assert_eq!(tft.wins().policy, 0.0);
//! let against = tft.against("Defector").expect("they met");
//! assert_eq!(Some(against.payoff.political), results.payoff_matrix(Currency::Political)[0][1]);
//! assert_eq!(against.cooperation, 1.0 / 200.0);
//!
//! for player in results.ranked() {
//!     println!("{}. {} {:.3}", player.rank(), player.name(), player.score());
//! }
//! // Per-pair payoff matrices are kept in every currency.
//! assert_eq!(results.payoff_matrix(Currency::Utility)[1][0], Some(204.0 / 200.0));
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```
//!
//! ## Files
//!
//! - `entrant.rs`: [`Entrant`], a player of a round robin.
//! - `tournament.rs`: [`RoundRobin`], its settings and its play.
//! - `schedule.rs`: the order in which the matches are played and summed,
//!   and which matches repeat an earlier one.
//! - `sums.rs`: the running sums kept while the matches are played.
//! - `means.rs`: [`MatchMeans`], means over the matches, each weighing
//!   the same, summed while they play (for lever runs and sweeps).
//! - `arenas.rs`: the domestic arenas' sums and results
//!   ([`ArenaResults`]), for a tournament
//!   [with arenas](RoundRobin::with_domestic).
//! - `network.rs`: [`NetworkSpread`], a spatial tournament played in
//!   epochs between which politicization spreads along the edges or a
//!   bureaucratic network raises autonomy ([`NetworkRule`]).
//! - `timing.rs`: a tournament of one actor's spending rules
//!   ([`TimingResults`], from a file's `timing` block).
//! - `results.rs`: [`RoundRobinResults`] and its views ([`PlayerResults`],
//!   [`Matchup`]), [`MatchRecord`], [`RankingRow`], [`Summary`] and
//!   [`RankingMetric`].
//!
//! [`Currency`]: twolevel_game::Currency

mod arenas;
mod entrant;
mod means;
mod network;
mod results;
mod schedule;
mod sums;
mod timing;
mod tournament;

pub use arenas::{
    ActorOutcome, ActorSummary, ArenaResults, PairArenas, RoundEnd, RoundMeans, StateArenas,
};
pub use entrant::Entrant;
pub(crate) use entrant::preset_settings;
pub use means::MatchMeans;
pub use network::{
    EpochSummary, MAX_EPOCHS, NetworkResults, NetworkRule, NetworkRun, NetworkSpread, autonomy,
    next_politicization,
};
pub(crate) use results::total_in;
pub use results::{
    MatchRecord, Matchup, PlayerResults, RankingMetric, RankingRow, RoundRobinResults,
    SpatialResults, Summary,
};
pub use timing::{RuleOutcome, TimingResults};
pub(crate) use tournament::{ARENA_BATCH, BATCH};
pub use tournament::{DEFAULT_ARENA_SERIES, RoundRobin};
