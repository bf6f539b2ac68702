//! Fixation files: evolution on graphs (`GraphEvolution(..)`) and
//! multilevel selection (`Multilevel(..)`) as files of their own kind, run
//! by `twolevel run FILE` and swept by the sweep engine like every other
//! kind. Both estimate the probability that one mutant takes over a
//! resident population, beside the neutral `1/N` and the analytic
//! condition of the rule they illustrate (Nowak 2006's network and group
//! rules).
//!
//! ```ron
//! GraphEvolution(
//!     name: "network-rule",
//!     graphs: [
//!         Cycle(nodes: 16),
//!         Lattice(width: 4, height: 4, neighbourhood: VonNeumann),
//!         RandomRegular(nodes: 16, degree: 3),
//!     ],
//!     dynamics: DeathBirth,
//!     selection: Linear(0.1),
//!     payoffs: Accumulated,
//!     game: Donation(benefit: 5.0, cost: 1.0),
//!     runs: 2000,
//!     seed: 7,
//! )
//! ```
//!
//! | field | default | meaning |
//! |-------|---------|---------|
//! | `name` | | the file's name |
//! | `description` | `""` | free text |
//! | `graphs` | `[]` | generated graphs (`Cycle`, `Lattice`, `RandomRegular`, `ErdosRenyi`, `BarabasiAlbert`, as in a round-robin file's `graph`); each is one unit of the results (one series of a sweep's plot) |
//! | `edges` | `[]` | graphs read from edge lists, as a spatial round-robin file's `edges` (CSV with `source` and `target` columns, or a RON `Graph(..)`), paths relative to the file's folder; one unit each, after those of `graphs` (at least one graph in all) |
//! | `graph_seed` | `0` | the seed random graphs are drawn from (`--seed` does not change it: the structure is part of the scenario) |
//! | `dynamics` | `DeathBirth` | `BirthDeath` or `Imitation` ([`UpdateRule`]) |
//! | `selection` | `Exponential(1.0)` | `Linear(w)` (weak selection for small `w`) or `Exponential(beta)` |
//! | `payoffs` | `Accumulated` | or `Averaged`: a node's payoff is the sum or the mean over its neighbours |
//! | `game` | | `Donation(benefit: b, cost: c)`, `Stage(game: (..), political_weight: w, politicization: pi)` (a symmetric two-level game's blended stage payoffs), `Matches(mutant: (name: "Tit For Tat"), resident: (name: "Defector"), horizon: Fixed(turns: 10), currency: Policy, repetitions: 1)` (payoffs from played matches, below) or `Matrix(cc: .., cd: .., dc: .., dd: ..)`, strategy C first ([`FixationGame`]) |
//! | `mutant` | `Cooperator` | or `Defector`: the single mutant's strategy, among residents of the other |
//! | `runs` | | runs per graph |
//! | `max_updates` | `1000000000` | the update cap of a run (a run stopped there counts as not fixed) |
//! | `snapshot` | `0` | updates of one extra run from a half-and-half start whose state `twolevel run` draws (0: none) |
//! | `seed` | `0` | master seed; graph `i` runs with the seed derived from it and `i` |
//! | `output` | `None` | folder for `fixation.csv` and `fixation.json` |
//!
//! A multilevel file (Traulsen and Nowak 2006) lists group settings
//! instead of graphs:
//!
//! ```ron
//! Multilevel(
//!     name: "group-selection",
//!     groups: [(n: 3, m: 6), (n: 4, m: 8)],
//!     split_probability: 0.02,
//!     selection: Linear(0.1),
//!     payoffs: Accumulated,
//!     game: Donation(benefit: 3.0, cost: 1.0),
//!     runs: 2000,
//!     seed: 7,
//! )
//! ```
//!
//! with `groups` (each `(n: maximum group size, m: number of groups)`, one
//! unit each), `split_probability` (`q`, default `0.02`), `payoffs`
//! (`Accumulated`, Traulsen and Nowak's, or `Averaged`, the default as in
//! [`Aggregation`]), `max_steps` (default 10^9 births a run) and the
//! other fields as above.
//!
//! Payoffs are those of the 2x2 game as written, in policy units (no
//! political currency enters), or for `Stage(..)` the blended utility of
//! a two-level stage game at the given `w` and `pi`; the results name
//! the currency.
//!
//! `Matches(..)` plays its payoffs: the round robin of the `mutant`
//! strategy (C, row 0) and the `resident` strategy (D, row 1), each
//! against the other and against its own kind, `repetitions` matches a
//! pair under `horizon` in the two-level `game` (the default game when
//! left out) with both players at `political_weight` (default 0), played
//! with the file's `seed` before the runs. The table is the mean payoff
//! per turn in `currency` (`Policy`, the default, `Political` or
//! `Utility`) of [`payoff_table`]; the
//! strategies are those of a round-robin file's `Inline` players
//! (`(name: .., params: {..})`), and the results name the currency. The
//! file's `mutant: Cooperator` (the default) makes the `mutant` strategy
//! the single mutant; `Defector` one resident-strategy player among
//! mutant-strategy players. The selection is checked against the table
//! of the file's own seed; a table of another seed (`--seed`, a sweep's
//! cells) is checked when it runs. The matches' memory and turns are
//! checked before they are played, and the file's work counts their turns.
//!
//! The results ([`FixationResults`]) give, per unit, the fraction of runs
//! the mutant fixed, its standard error, the neutral `1/N`, and the
//! analytic values: for death-birth updating on a `k`-regular graph of `N`
//! nodes the sigma rule `sigma a + b > c + sigma d` with
//! `sigma = ((k + 1) N - 4k) / ((k - 1) N)` (Ohtsuki et al. 2006 for
//! large `N`; Chen 2013 for finite `N`), whose donation-game form is
//! `b/c > (N - 2) / (N/k - 2)`; for groups, `b/c > 1 + n/(m - 2)` and the
//! rare-splitting fixation probability, exact in the intensity
//! ([`Multilevel::rare_splitting_fixation`]). Every error names the file
//! and the line and column of the field at fault.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file};
use twolevel_game::error::{WholeRange, check_finite, deserialize_seed};
use twolevel_game::graph::{Graph, GraphSpec, Neighbourhood, below};
use twolevel_game::{Currency, Horizon, Orientation, ParameterError, Politicization, TwoLevelGame};
use twolevel_strategies::registry::{self, StrategySpec};

use crate::config::graph::{generate_graph, read_edge_list};
use crate::evolution::graph::{
    GraphDynamics, GraphPopulation, PayoffScale, UpdateRule, graph_fixation,
};
use crate::evolution::multilevel::{Aggregation, Multilevel, MultilevelParams, donation_threshold};
use crate::evolution::{PayoffTable, Selection, payoff_table, run_rng};
use crate::play::{MatchConfig, PlayerSettings};
use crate::round_robin::{Entrant, RoundRobin};
use crate::seeding::derive_seed;

/// The 2x2 game of a fixation file, strategy C (cooperate, row 0) first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum FixationGame {
    /// The donation game: a cooperator pays `cost` for its partner to get
    /// `benefit` (`R = b - c`, `S = -c`, `T = b`, `P = 0`).
    Donation {
        /// The benefit `b`.
        benefit: f64,
        /// The cost `c`.
        cost: f64,
    },
    /// The stage game of a symmetric two-level game for states of
    /// political weight `political_weight` at politicization
    /// `politicization`: each state's blended utility per round
    /// ([`TwoLevelGame::blended_matrix`]; the policy payoff at `w = 0`,
    /// `pi = 0`).
    Stage {
        /// The two-level game (the default game when left out).
        #[serde(default)]
        game: TwoLevelGame,
        /// The states' political weight `w` in [0, 1].
        #[serde(default)]
        political_weight: f64,
        /// The politicization `pi` in [0, 1].
        #[serde(default)]
        politicization: f64,
    },
    /// Payoffs from played matches: the mean payoff per turn, in
    /// `currency`, of the `mutant` strategy (row 0, strategy C) and the
    /// `resident` strategy (row 1) against each other and against their
    /// own kind, over `repetitions` matches of each pair under `horizon`
    /// ([`payoff_table`] of the round robin of the two, self-play
    /// included), played with the file's seed.
    Matches {
        /// The mutant's strategy, as in a round-robin file's `Inline`
        /// player (`(name: "Tit For Tat")`, with `params` if any).
        mutant: StrategySpec,
        /// The residents' strategy.
        resident: StrategySpec,
        /// The matches' horizon (`Fixed(turns: ..)` or `Continuation(..)`,
        /// as in a round-robin file; its default when left out).
        #[serde(default)]
        horizon: Horizon,
        /// The currency of the payoffs: `Policy` (the default),
        /// `Political` or `Utility`.
        #[serde(default)]
        currency: Currency,
        /// Matches of each pair (default 1).
        #[serde(default = "one_repetition", deserialize_with = "read_repetitions")]
        repetitions: u32,
        /// The two-level game the matches are played in (the default game
        /// when left out).
        #[serde(default)]
        game: TwoLevelGame,
        /// Both players' political weight `w` in [0, 1] (default 0).
        #[serde(default)]
        political_weight: f64,
    },
    /// Any 2x2 game: the payoff of C against C, C against D, D against C
    /// and D against D.
    Matrix {
        /// C against C (`R`).
        cc: f64,
        /// C against D (`S`).
        cd: f64,
        /// D against C (`T`).
        dc: f64,
        /// D against D (`P`).
        dd: f64,
    },
}

fn one_repetition() -> u32 {
    1
}

impl FixationGame {
    /// The entries `[CC, CD, DC, DD]` (a stage game's weight and
    /// politicization clamped to [0, 1]; loading refuses them outside);
    /// `None` for [`Matches`](FixationGame::Matches), whose entries come
    /// from matches played with a seed ([`FixationFile::entries`]).
    #[must_use]
    pub fn entries(&self) -> Option<[f64; 4]> {
        Some(match *self {
            FixationGame::Donation { benefit, cost } => [benefit - cost, -cost, benefit, 0.0],
            FixationGame::Stage {
                ref game,
                political_weight,
                politicization,
            } => {
                let m = game.blended_matrix(
                    Orientation::clamped(political_weight),
                    Politicization::clamped(politicization),
                );
                [m.r(), m.s(), m.t(), m.p()]
            }
            FixationGame::Matches { .. } => return None,
            FixationGame::Matrix { cc, cd, dc, dd } => [cc, cd, dc, dd],
        })
    }

    /// The currency the game's payoffs are in, in words.
    #[must_use]
    pub fn currency(&self) -> String {
        match *self {
            FixationGame::Stage {
                political_weight,
                politicization,
                ..
            } => format!(
                "utility (the two-level stage game's blended payoff at w = {political_weight}, \
                 pi = {politicization}; the policy payoff at w = 0, pi = 0)"
            ),
            FixationGame::Matches {
                currency,
                political_weight,
                ..
            } => format!(
                "{currency} (mean payoff per turn of the played matches, both players at w = \
                 {political_weight})"
            ),
            _ => "policy (the 2x2 game's payoffs as written; no political currency enters)"
                .to_owned(),
        }
    }

    /// `b / c` of a donation game (`None` for a matrix or a zero cost).
    #[must_use]
    pub fn benefit_cost_ratio(&self) -> Option<f64> {
        match *self {
            FixationGame::Donation { benefit, cost } if cost != 0.0 => Some(benefit / cost),
            _ => None,
        }
    }

    /// Checks the game's values (the error names the entry under `game`).
    fn check(&self) -> Result<(), ParameterError> {
        let within = |e: ParameterError| e.within("game");
        match self {
            FixationGame::Donation { benefit, cost } => {
                check_finite("benefit", *benefit).map_err(within)?;
                check_finite("cost", *cost).map_err(within)?;
            }
            FixationGame::Stage {
                game,
                political_weight,
                politicization,
            } => {
                Orientation::new(*political_weight)
                    .map_err(|e| within(ParameterError::new("political_weight", e.reason)))?;
                Politicization::new(*politicization)
                    .map_err(|e| within(ParameterError::new("politicization", e.reason)))?;
                if !game.is_symmetric() {
                    return Err(ParameterError::new(
                        "game.game",
                        "expected a symmetric game: nodes and group members have no roles",
                    ));
                }
            }
            FixationGame::Matches {
                political_weight, ..
            } => {
                Orientation::new(*political_weight)
                    .map_err(|e| within(ParameterError::new("political_weight", e.reason)))?;
            }
            FixationGame::Matrix { .. } => {}
        }
        Ok(())
    }

    /// The round robin of a [`Matches`](FixationGame::Matches) game (the
    /// mutant's strategy entrant 0, the residents' entrant 1, self-play
    /// included), its strategies, horizon and work checked; `None` for
    /// the other games. Errors name `game.mutant`, `game.resident`,
    /// `game.horizon` or `game.repetitions` in the file at `origin`.
    fn round_robin(&self, origin: &Path) -> Result<Option<RoundRobin>, ConfigError> {
        let FixationGame::Matches {
            mutant,
            resident,
            horizon,
            repetitions,
            game,
            political_weight,
            ..
        } = self
        else {
            return Ok(None);
        };
        let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e.within("game"));
        let settings = PlayerSettings::new(
            Orientation::new(*political_weight)
                .map_err(|e| invalid(ParameterError::new("political_weight", e.reason)))?,
            None,
        )
        .map_err(invalid)?;
        let mut entrants = Vec::with_capacity(2);
        for (field, spec) in [("mutant", mutant), ("resident", resident)] {
            let strategy = registry::build(spec)
                .map_err(|e| ConfigError::strategy(origin, format!("game.{field}"), e))?;
            entrants.push(Entrant::new(
                format!("{field}: {}", spec.name),
                strategy,
                settings,
            ));
        }
        let round_robin = MatchConfig::new(*game, *horizon)
            .and_then(|config| RoundRobin::new(config, entrants))
            .and_then(|r| r.with_repetitions(*repetitions))
            .and_then(|r| r.with_self_play(true))
            .map_err(invalid)?;
        // The memory of the matches' move histories (a long horizon with
        // strategies of unbounded memory) and their turns, before they
        // are played.
        crate::config::check_run_size(&round_robin, None).map_err(invalid)?;
        crate::config::check_run_work(&round_robin, None, 0, 1).map_err(invalid)?;
        Ok(Some(round_robin))
    }

    /// A phrase naming the game and its values (`entries` those the file
    /// plays with).
    fn describe(&self, entries: [f64; 4]) -> String {
        match *self {
            FixationGame::Donation { benefit, cost } => {
                format!("donation game b = {benefit}, c = {cost}")
            }
            FixationGame::Stage {
                political_weight,
                politicization,
                ..
            } => {
                let [a, b, c, d] = entries;
                format!(
                    "two-level stage game at w = {political_weight}, pi = {politicization} \
                     (CC = {a:.4}, CD = {b:.4}, DC = {c:.4}, DD = {d:.4})"
                )
            }
            FixationGame::Matches {
                ref mutant,
                ref resident,
                horizon,
                repetitions,
                ..
            } => {
                let [a, b, c, d] = entries;
                let length = match horizon.turns() {
                    Some(turns) => format!("{turns} turns"),
                    None => format!(
                        "continuation probability {} (mean length {:.1})",
                        horizon.continuation_probability(),
                        horizon.expected_length()
                    ),
                };
                format!(
                    "matches of {} (C) and {} (D), {length}, repetitions {repetitions} \
                     (CC = {a:.4}, CD = {b:.4}, DC = {c:.4}, DD = {d:.4})",
                    mutant.name, resident.name
                )
            }
            FixationGame::Matrix { cc, cd, dc, dd } => {
                format!("2x2 game CC = {cc}, CD = {cd}, DC = {dc}, DD = {dd}")
            }
        }
    }
}

/// The entries `[CC, CD, DC, DD]` of `game`: as written, or for a
/// [`Matches`](FixationGame::Matches) game the mean payoffs per turn in
/// its currency of `round_robin` played with `seed` ([`payoff_table`]).
fn game_entries(
    game: &FixationGame,
    round_robin: Option<&RoundRobin>,
    seed: u64,
) -> Result<[f64; 4], ParameterError> {
    match (game, round_robin) {
        (FixationGame::Matches { currency, .. }, Some(round_robin)) => {
            let results = round_robin.clone().with_seed(seed).play();
            let table = payoff_table(&results, *currency)?;
            Ok([
                table.get(0, 0),
                table.get(0, 1),
                table.get(1, 0),
                table.get(1, 1),
            ])
        }
        _ => game
            .entries()
            .ok_or_else(|| ParameterError::new("game", "the matches of the game were not set up")),
    }
}

/// The checked 2x2 table of `entries` (the error names `game`).
fn entries_table([a, b, c, d]: [f64; 4]) -> Result<PayoffTable, ParameterError> {
    PayoffTable::two_by_two(a, b, c, d).map_err(|e| e.within("game"))
}

/// Checks a file's `game` read from `origin` and finds its entries with
/// the file's `seed` (a [`Matches`](FixationGame::Matches) game's matches
/// played): the round robin of a `Matches` game, the entries `[CC, CD,
/// DC, DD]` and their payoff table.
fn load_game(
    game: &FixationGame,
    origin: &Path,
    seed: u64,
) -> Result<(Option<RoundRobin>, [f64; 4], PayoffTable), ConfigError> {
    let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e);
    game.check().map_err(invalid)?;
    let matches = game.round_robin(origin)?;
    let entries = game_entries(game, matches.as_ref(), seed).map_err(invalid)?;
    let table = entries_table(entries).map_err(invalid)?;
    Ok((matches, entries, table))
}

/// The single mutant's strategy (the residents play the other).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mutant {
    /// One cooperator (row 0) among defectors.
    #[default]
    Cooperator,
    /// One defector (row 1) among cooperators.
    Defector,
}

impl Mutant {
    /// The mutant's row and the residents'.
    #[must_use]
    pub const fn rows(self) -> (usize, usize) {
        match self {
            Mutant::Cooperator => (0, 1),
            Mutant::Defector => (1, 0),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Mutant::Cooperator => "one cooperator among defectors",
            Mutant::Defector => "one defector among cooperators",
        }
    }
}

/// One group setting of a multilevel file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSetting {
    /// The maximum group size `n`.
    #[serde(deserialize_with = "read_group_size")]
    pub n: u32,
    /// The number of groups `m`.
    #[serde(deserialize_with = "read_groups")]
    pub m: u32,
}

/// The valid ranges of the files' whole-number fields: a value its type
/// cannot hold (negative, too wide, fractional) is refused naming the
/// field and this range; values the type holds get the checks of
/// [`RawGraphEvolution::validate`] and [`RawMultilevel::validate`].
mod ranges {
    use twolevel_game::error::WholeRange;

    pub(super) const RUNS: WholeRange = crate::evolution::graph::FIXATION_RUNS;
    pub(super) const REPETITIONS: WholeRange =
        WholeRange::new("repetitions", "repetitions", 1, u32::MAX as u64);
    pub(super) const GROUP_SIZE: WholeRange = WholeRange::new("n", "members", 2, u32::MAX as u64);
    pub(super) const GROUPS: WholeRange = WholeRange::new("m", "groups", 1, u32::MAX as u64);
    pub(super) const MAX_UPDATES: WholeRange =
        WholeRange::new("max_updates", "updates", 1, u64::MAX);
    pub(super) const MAX_STEPS: WholeRange = WholeRange::new("max_steps", "steps", 1, u64::MAX);
    pub(super) const SNAPSHOT: WholeRange = WholeRange::new("snapshot", "updates", 0, u64::MAX);
    pub(super) const GRAPH_SEED: WholeRange = WholeRange::seed("graph_seed");
}

/// Checks a whole-number field against its range once the file is read
/// (reading refused only what the field's type cannot hold), so that every
/// refusal of the field is worded alike.
fn check_in_range(
    origin: &Path,
    range: WholeRange,
    value: impl Into<i128>,
) -> Result<(), ConfigError> {
    range
        .check(value.into())
        .map(|_| ())
        .map_err(|e| ConfigError::from_parameter(origin, e))
}

/// Reads `runs` ([`ranges::RUNS`]).
fn read_runs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    ranges::RUNS.deserialize(d)
}

/// Reads a `Matches` game's `repetitions` ([`ranges::REPETITIONS`]).
fn read_repetitions<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    ranges::REPETITIONS.deserialize(d)
}

/// Reads a group setting's `n` ([`ranges::GROUP_SIZE`]).
fn read_group_size<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    ranges::GROUP_SIZE.deserialize(d)
}

/// Reads a group setting's `m` ([`ranges::GROUPS`]).
fn read_groups<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    ranges::GROUPS.deserialize(d)
}

/// Reads `max_updates` ([`ranges::MAX_UPDATES`]).
fn read_max_updates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    ranges::MAX_UPDATES.deserialize(d)
}

/// Reads `max_steps` ([`ranges::MAX_STEPS`]).
fn read_max_steps<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    ranges::MAX_STEPS.deserialize(d)
}

/// Reads `snapshot` ([`ranges::SNAPSHOT`]).
fn read_snapshot<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    ranges::SNAPSHOT.deserialize(d)
}

/// Reads `graph_seed` ([`ranges::GRAPH_SEED`]).
fn read_graph_seed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    ranges::GRAPH_SEED.deserialize(d)
}

fn default_max() -> u64 {
    1_000_000_000
}

fn default_split() -> f64 {
    0.02
}

/// A graph-evolution file as written; see the [module
/// documentation](self).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "GraphEvolution", deny_unknown_fields)]
pub struct RawGraphEvolution {
    /// The file's name.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// The generated graphs, one unit each.
    #[serde(default)]
    pub graphs: Vec<GraphSpec>,
    /// Graphs read from edge lists (CSV with `source` and `target`
    /// columns, or a RON `Graph(..)`), relative to the file's folder, one
    /// unit each after those of `graphs`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edges: Vec<String>,
    /// The seed random graphs are drawn from.
    #[serde(default, deserialize_with = "read_graph_seed")]
    pub graph_seed: u64,
    /// The update rule.
    #[serde(default)]
    pub dynamics: UpdateRule,
    /// Payoff to fitness.
    #[serde(default)]
    pub selection: Selection,
    /// Accumulated or averaged payoffs.
    #[serde(default)]
    pub payoffs: PayoffScale,
    /// The 2x2 game.
    pub game: FixationGame,
    /// The mutant's strategy.
    #[serde(default)]
    pub mutant: Mutant,
    /// Runs per graph.
    #[serde(deserialize_with = "read_runs")]
    pub runs: u32,
    /// The update cap of a run.
    #[serde(default = "default_max", deserialize_with = "read_max_updates")]
    pub max_updates: u64,
    /// Updates of the drawn snapshot run (0: none).
    #[serde(default, deserialize_with = "read_snapshot")]
    pub snapshot: u64,
    /// The master seed.
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// The folder for the result files, if any.
    #[serde(default)]
    pub output: Option<String>,
}

/// A multilevel-selection file as written; see the [module
/// documentation](self).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Multilevel", deny_unknown_fields)]
pub struct RawMultilevel {
    /// The file's name.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// The group settings, one unit each.
    pub groups: Vec<GroupSetting>,
    /// The probability `q` that a full group splits.
    #[serde(default = "default_split")]
    pub split_probability: f64,
    /// Payoff to fitness.
    #[serde(default)]
    pub selection: Selection,
    /// Accumulated or averaged payoffs within a group.
    #[serde(default)]
    pub payoffs: Aggregation,
    /// The 2x2 game.
    pub game: FixationGame,
    /// The mutant's strategy.
    #[serde(default)]
    pub mutant: Mutant,
    /// Runs per group setting.
    #[serde(deserialize_with = "read_runs")]
    pub runs: u32,
    /// The step cap of a run.
    #[serde(default = "default_max", deserialize_with = "read_max_steps")]
    pub max_steps: u64,
    /// The master seed.
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// The folder for the result files, if any.
    #[serde(default)]
    pub output: Option<String>,
}

/// The process a fixation file runs.
#[derive(Clone, Debug)]
pub enum FixationModel {
    /// Evolution on graphs: each unit a graph.
    Graphs {
        /// The graphs, generated, with their unit names.
        graphs: Vec<(String, Graph)>,
        /// The update rule, selection and payoff scale.
        dynamics: GraphDynamics,
        /// The update cap of a run.
        max_updates: u64,
        /// Updates of the snapshot run (0: none).
        snapshot: u64,
    },
    /// Multilevel selection: each unit a group setting.
    Groups {
        /// The processes, with their unit names.
        processes: Vec<(String, Multilevel)>,
    },
}

/// A validated fixation file (`GraphEvolution(..)` or `Multilevel(..)`),
/// ready to run.
#[derive(Clone, Debug)]
pub struct FixationFile {
    /// The file's name.
    pub name: String,
    /// Free text.
    pub description: String,
    /// The folder for the result files, if any.
    pub output: Option<PathBuf>,
    /// The process and its units.
    pub model: FixationModel,
    /// The 2x2 game.
    pub game: FixationGame,
    /// The mutant's strategy.
    pub mutant: Mutant,
    /// Runs per unit.
    pub runs: u32,
    /// The master seed.
    pub seed: u64,
    /// The round robin of a [`Matches`](FixationGame::Matches) game, played
    /// with the master seed for the game's entries.
    matches: Option<RoundRobin>,
}

/// A graph's unit name: its family and size, with its degree.
fn graph_unit(spec: &GraphSpec) -> String {
    match *spec {
        GraphSpec::Cycle { nodes } => format!("cycle N={nodes} k=2"),
        GraphSpec::Lattice {
            width,
            height,
            neighbourhood,
        } => match neighbourhood {
            Neighbourhood::VonNeumann => format!("von Neumann lattice {width}x{height} k=4"),
            Neighbourhood::Moore => format!("Moore lattice {width}x{height} k=8"),
        },
        GraphSpec::RandomRegular { nodes, degree } => {
            format!("random regular N={nodes} k={degree}")
        }
        GraphSpec::ErdosRenyi { nodes, p } => format!("Erdos-Renyi N={nodes} p={p}"),
        GraphSpec::BarabasiAlbert { nodes, links } => {
            format!("Barabasi-Albert N={nodes} links={links}")
        }
    }
}

/// An edge-list graph's unit name: its file as written (commas made
/// semicolons, so that the CSV table stays one cell a unit), its size and
/// its degree (the mean degree when the graph is not regular).
fn edges_unit(file: &str, graph: &Graph) -> String {
    let file = file.replace(',', ";");
    let n = graph.node_count();
    match graph.regular_degree() {
        Some(k) => format!("edges {file} N={n} k={k}"),
        None => format!("edges {file} N={n} mean k={:.2}", graph.mean_degree()),
    }
}

/// A group setting's unit name.
fn group_unit(setting: GroupSetting) -> String {
    format!("n={} m={}", setting.n, setting.m)
}

/// Refuses an empty name or output folder, naming the field.
fn check_common(origin: &Path, name: &str, output: Option<&str>) -> Result<(), ConfigError> {
    if name.trim().is_empty() {
        return Err(ConfigError::invalid(
            origin,
            "name",
            "expected a non-empty name",
        ));
    }
    if output.is_some_and(|o| o.trim().is_empty()) {
        return Err(ConfigError::invalid(
            origin,
            "output",
            "expected a folder name (or `None` for no files), got an empty one",
        ));
    }
    Ok(())
}

/// Refuses two units of the same name, naming `field[k]`.
fn check_units(origin: &Path, field: &str, units: &[String]) -> Result<(), ConfigError> {
    if units.is_empty() {
        return Err(ConfigError::invalid(
            origin,
            field,
            "expected at least one entry",
        ));
    }
    for (k, unit) in units.iter().enumerate() {
        if let Some(first) = units[..k].iter().position(|u| u == unit) {
            return Err(ConfigError::invalid(
                origin,
                format!("{field}[{k}]"),
                format!("`{unit}` is already {field}[{first}]; list each once"),
            ));
        }
    }
    Ok(())
}

impl RawGraphEvolution {
    /// Validates the file read from `origin`: every graph generated (its
    /// memory checked first), the selection checked against the payoffs
    /// each graph's nodes can get, and the work checked.
    pub fn validate(self, origin: impl AsRef<Path>) -> Result<FixationFile, ConfigError> {
        let origin = origin.as_ref();
        let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e);
        check_common(origin, &self.name, self.output.as_deref())?;
        let units: Vec<String> = self.graphs.iter().map(graph_unit).collect();
        if self.edges.is_empty() {
            check_units(origin, "graphs", &units)?;
        } else {
            if !units.is_empty() {
                check_units(origin, "graphs", &units)?;
            }
            check_units(origin, "edges", &self.edges)?;
        }
        check_in_range(origin, ranges::RUNS, self.runs)?;
        check_in_range(origin, ranges::MAX_UPDATES, self.max_updates)?;
        let (matches, _, table) = load_game(&self.game, origin, self.seed)?;
        let dynamics = GraphDynamics::new(self.dynamics, self.selection).with_payoffs(self.payoffs);
        let mut graphs = Vec::with_capacity(self.graphs.len() + self.edges.len());
        for (i, (spec, unit)) in self.graphs.iter().zip(units).enumerate() {
            let field = format!("graphs[{i}]");
            let graph = generate_graph(spec, self.graph_seed, &field).map_err(invalid)?;
            if !crate::evolution::graph::is_connected(&graph) {
                return Err(invalid(ParameterError::new(
                    field,
                    "the graph drawn is not connected: a part without the mutant could never be \
                     taken over (change `graph_seed` or the graph)",
                )));
            }
            // The selection must give every payoff a node can get a
            // positive fitness.
            GraphPopulation::new(&graph, &table, dynamics).map_err(invalid)?;
            graphs.push((unit, graph));
        }
        let folder = origin.parent().unwrap_or(Path::new(""));
        for (i, file) in self.edges.iter().enumerate() {
            let field = format!("edges[{i}]");
            // Errors inside the edge list name that file, its line and
            // its column, as a spatial round robin's `edges` do.
            let graph = read_edge_list(&folder.join(file), None)?;
            if graph.node_count() < 2 || !crate::evolution::graph::is_connected(&graph) {
                return Err(invalid(ParameterError::new(
                    field,
                    format!(
                        "the graph of `{file}` is not connected (or has fewer than two nodes): \
                         a part without the mutant could never be taken over"
                    ),
                )));
            }
            GraphPopulation::new(&graph, &table, dynamics).map_err(invalid)?;
            graphs.push((edges_unit(file, &graph), graph));
        }
        let file = FixationFile {
            name: self.name,
            description: self.description,
            output: self.output.map(PathBuf::from),
            model: FixationModel::Graphs {
                graphs,
                dynamics,
                max_updates: self.max_updates,
                snapshot: self.snapshot,
            },
            game: self.game,
            mutant: self.mutant,
            runs: self.runs,
            seed: self.seed,
            matches,
        };
        file.check_work().map_err(invalid)?;
        Ok(file)
    }
}

impl RawMultilevel {
    /// Validates the file read from `origin`: every group setting's
    /// parameters and the selection against the payoffs, and the work.
    pub fn validate(self, origin: impl AsRef<Path>) -> Result<FixationFile, ConfigError> {
        let origin = origin.as_ref();
        let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e);
        check_common(origin, &self.name, self.output.as_deref())?;
        let units: Vec<String> = self.groups.iter().copied().map(group_unit).collect();
        check_units(origin, "groups", &units)?;
        check_in_range(origin, ranges::RUNS, self.runs)?;
        check_in_range(origin, ranges::MAX_STEPS, self.max_steps)?;
        let (matches, game, _) = load_game(&self.game, origin, self.seed)?;
        let mut processes = Vec::with_capacity(self.groups.len());
        for (i, (setting, unit)) in self.groups.iter().zip(units).enumerate() {
            let field = format!("groups[{i}]");
            let params =
                MultilevelParams::new(setting.n, setting.m, self.selection, self.split_probability)
                    .map_err(|e| {
                        // The group fields are written `n` and `m` in the file.
                        let e = match e.field.as_str() {
                            "max_group_size" => ParameterError::new("n", e.reason),
                            "groups" => ParameterError::new("m", e.reason),
                            _ => return invalid(e),
                        };
                        invalid(e.within(&field))
                    })?
                    .with_aggregation(self.payoffs)
                    .with_max_steps(self.max_steps);
            let process = Multilevel::new(params, game).map_err(|e| {
                if e.field.starts_with("game") {
                    invalid(e)
                } else {
                    invalid(ParameterError::new("selection", e.reason))
                }
            })?;
            processes.push((unit, process));
        }
        // `Multilevel::fixation` keeps every run's outcome until it counts
        // them, and a run holds three numbers a group.
        let largest_m = self
            .groups
            .iter()
            .map(|g| f64::from(g.m))
            .fold(0.0, f64::max);
        crate::limits::check_memory(
            "runs",
            "the multilevel runs' outcomes",
            f64::from(self.runs)
                * std::mem::size_of::<crate::evolution::multilevel::MultilevelRun>() as f64
                + largest_m * 16.0 * rayon::current_num_threads() as f64,
        )
        .map_err(invalid)?;
        let file = FixationFile {
            name: self.name,
            description: self.description,
            output: self.output.map(PathBuf::from),
            model: FixationModel::Groups { processes },
            game: self.game,
            mutant: self.mutant,
            runs: self.runs,
            seed: self.seed,
            matches,
        };
        file.check_work().map_err(invalid)?;
        Ok(file)
    }
}

/// The expected updates of one fixation run in a population of `n`: most
/// single mutants die out within `n (1 + ln n)` updates (the neutral
/// Moran process's unconditional absorption time), capped at `cap`.
fn run_work(n: f64, cap: u64) -> f64 {
    (n * (1.0 + n.ln().max(0.0))).min(cap as f64)
}

impl FixationFile {
    /// Parses and validates fixation RON text (`GraphEvolution(..)` or
    /// `Multilevel(..)`) read from `origin`; every error names `origin`
    /// and the line and column of the field at fault.
    pub fn from_ron(text: &str, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        let loaded = match crate::config::FileKind::of(text) {
            crate::config::FileKind::Multilevel => {
                parse_ron::<RawMultilevel>(text, origin)?.validate(origin)
            }
            _ => parse_ron::<RawGraphEvolution>(text, origin)?.validate(origin),
        };
        loaded.map_err(|error| error.located_in(text))
    }

    /// Reads, parses and validates a fixation file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        FixationFile::from_ron(&read_text_file(path)?, path)
    }

    /// Whether the file evolves on graphs (else in groups).
    #[must_use]
    pub fn is_graph(&self) -> bool {
        matches!(self.model, FixationModel::Graphs { .. })
    }

    /// The units, in file order: one per graph or group setting.
    #[must_use]
    pub fn units(&self) -> Vec<String> {
        match &self.model {
            FixationModel::Graphs { graphs, .. } => graphs.iter().map(|(u, _)| u.clone()).collect(),
            FixationModel::Groups { processes } => {
                processes.iter().map(|(u, _)| u.clone()).collect()
            }
        }
    }

    /// The same file with master seed `seed` (the graphs stay those of
    /// `graph_seed`).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The work of the file, in updates (births a multilevel step): per
    /// unit, the runs times the expected updates of a run in a population
    /// of `N` (`N (1 + ln N)`, the neutral process's mean absorption time
    /// from one mutant, capped at the run's cap), and for a graph file the
    /// snapshot run's updates; a [`Matches`](FixationGame::Matches) game
    /// adds the turns of its matches.
    #[must_use]
    pub fn work(&self) -> f64 {
        let runs = f64::from(self.runs);
        let matches = self
            .matches
            .as_ref()
            .map_or(0.0, crate::limits::round_robin_work);
        matches
            + match &self.model {
                FixationModel::Graphs {
                    graphs,
                    max_updates,
                    snapshot,
                    ..
                } => {
                    graphs
                        .iter()
                        .map(|(_, g)| runs * run_work(g.node_count() as f64, *max_updates))
                        .sum::<f64>()
                        .max(0.0)
                        + (*snapshot as f64) * graphs.len() as f64
                }
                FixationModel::Groups { processes } => processes
                    .iter()
                    .map(|(_, p)| {
                        runs * run_work(p.params().population() as f64, p.params().max_steps())
                    })
                    .sum(),
            }
    }

    /// Refuses a file whose [work](Self::work) exceeds the [work
    /// limit](crate::limits::work_limit), naming `runs`.
    pub fn check_work(&self) -> Result<(), ParameterError> {
        let work = self.work();
        crate::limits::check_work(
            "the fixation runs",
            "updates",
            work,
            &[("runs", crate::limits::at_one(work, f64::from(self.runs)))],
        )
    }

    /// The game's entries `[CC, CD, DC, DD]` the file plays with: as
    /// written, or for a [`Matches`](FixationGame::Matches) game the mean
    /// payoffs per turn, in its currency, of its matches played with the
    /// master seed ([`payoff_table`] of their round robin).
    pub fn entries(&self) -> Result<[f64; 4], ParameterError> {
        game_entries(&self.game, self.matches.as_ref(), self.seed)
    }

    /// Runs every unit: unit `i` with the seed derived from the master
    /// seed and `i` ([`derive_seed`]), so a unit's estimate does not
    /// depend on the others or on the number of threads. A
    /// [`Matches`](FixationGame::Matches) game's matches are played first,
    /// with the master seed ([`entries`](Self::entries)).
    pub fn play(&self) -> Result<FixationResults, ParameterError> {
        let (mutant, resident) = self.mutant.rows();
        let entries = self.entries()?;
        let mine = if mutant == 0 {
            entries
        } else {
            let [a, b, c, d] = entries;
            [d, c, b, a]
        };
        let ratio = self.game.benefit_cost_ratio();
        let mut rows = Vec::new();
        let mut snapshots = Vec::new();
        match &self.model {
            FixationModel::Graphs {
                graphs,
                dynamics,
                max_updates,
                snapshot,
            } => {
                let table = entries_table(entries)?;
                for (i, (unit, graph)) in graphs.iter().enumerate() {
                    let seed = derive_seed(self.seed, &[i as u64]);
                    let estimate = graph_fixation(
                        graph,
                        &table,
                        *dynamics,
                        mutant,
                        resident,
                        self.runs,
                        *max_updates,
                        seed,
                    )?;
                    let n = graph.node_count();
                    let analytic = graph
                        .regular_degree()
                        .filter(|_| dynamics.rule == UpdateRule::DeathBirth);
                    let (threshold, condition) = match analytic {
                        Some(k) if k >= 2 => {
                            let (nf, kf) = (n as f64, k as f64);
                            let sigma = ((kf + 1.0) * nf - 4.0 * kf) / ((kf - 1.0) * nf);
                            let [a, b, c, d] = mine;
                            let threshold = (self.game.benefit_cost_ratio().is_some()
                                && mutant == 0
                                && nf > 2.0 * kf)
                                .then(|| (nf - 2.0) / (nf / kf - 2.0));
                            (threshold, Some(sigma * a + b - c - sigma * d))
                        }
                        _ => (None, None),
                    };
                    rows.push(FixationRow {
                        unit: unit.clone(),
                        population: n as u64,
                        mean_degree: graph.mean_degree(),
                        runs: estimate.runs,
                        fixed: estimate.fixed,
                        unfinished: estimate.unfinished,
                        probability: estimate.probability,
                        standard_error: estimate.standard_error,
                        neutral: estimate.neutral,
                        benefit_cost_ratio: ratio,
                        threshold,
                        condition,
                        analytic_probability: None,
                    });
                    if *snapshot > 0 {
                        snapshots.push(Some(graph_snapshot(
                            graph,
                            &table,
                            *dynamics,
                            *snapshot,
                            derive_seed(self.seed, &[i as u64, 1]),
                        )?));
                    } else {
                        snapshots.push(None);
                    }
                }
            }
            FixationModel::Groups { processes } => {
                for (i, (unit, process)) in processes.iter().enumerate() {
                    let seed = derive_seed(self.seed, &[i as u64]);
                    // A played game's entries depend on the master seed,
                    // which `with_seed` may have changed since loading.
                    let process = if self.matches.is_some() {
                        Multilevel::new(*process.params(), entries)?
                    } else {
                        *process
                    };
                    let estimate = process.fixation(mutant, self.runs, seed)?;
                    let params = process.params();
                    let threshold = (ratio.is_some() && mutant == 0)
                        .then(|| donation_threshold(params.max_group_size(), params.groups()))
                        .flatten();
                    // `N rho_weak - 1` is `s Q / 6`: positive exactly
                    // when the weak-selection condition `Q > 0` holds.
                    let population = params.population() as f64;
                    rows.push(FixationRow {
                        unit: unit.clone(),
                        population: params.population(),
                        mean_degree: f64::from(params.max_group_size() - 1),
                        runs: estimate.runs,
                        fixed: estimate.fixed,
                        unfinished: estimate.unfinished,
                        probability: estimate.probability,
                        standard_error: estimate.standard_error,
                        neutral: estimate.neutral,
                        benefit_cost_ratio: ratio,
                        threshold,
                        condition: Some(population * estimate.weak_selection - 1.0),
                        analytic_probability: Some(estimate.rare_splitting),
                    });
                    snapshots.push(None);
                }
            }
        }
        let (process, rule, payoffs) = match &self.model {
            FixationModel::Graphs { dynamics, .. } => (
                "evolution on graphs",
                match dynamics.rule {
                    UpdateRule::DeathBirth => "death-birth updating".to_owned(),
                    UpdateRule::BirthDeath => "birth-death updating".to_owned(),
                    UpdateRule::Imitation => "imitation updating".to_owned(),
                },
                match dynamics.payoffs {
                    PayoffScale::Accumulated => "accumulated (summed over neighbours)",
                    PayoffScale::Averaged => "averaged (mean over neighbours)",
                },
            ),
            FixationModel::Groups { processes } => (
                "multilevel selection",
                format!(
                    "groups split with probability q = {}",
                    processes
                        .first()
                        .map_or(0.0, |(_, p)| p.params().split_probability())
                ),
                match processes.first().map(|(_, p)| p.params().aggregation()) {
                    Some(Aggregation::Accumulated) => "accumulated (summed over group members)",
                    _ => "averaged (mean over group members)",
                },
            ),
        };
        let selection = match &self.model {
            FixationModel::Graphs { dynamics, .. } => dynamics.selection,
            FixationModel::Groups { processes } => processes
                .first()
                .map_or_else(Selection::default, |(_, p)| p.params().selection()),
        };
        Ok(FixationResults {
            name: self.name.clone(),
            process: process.to_owned(),
            rule,
            selection: format!("{:?}", crate::evolution::SelectionKind::from(selection)),
            payoffs: payoffs.to_owned(),
            currency: self.game.currency(),
            game: self.game.describe(entries),
            mutant: self.mutant.describe().to_owned(),
            seed: self.seed,
            rows,
            snapshots,
        })
    }
}

/// One extra run from a half-and-half random start after `updates`
/// updates (the state `twolevel run` draws).
fn graph_snapshot(
    graph: &Graph,
    table: &PayoffTable,
    dynamics: GraphDynamics,
    updates: u64,
    seed: u64,
) -> Result<GraphSnapshot, ParameterError> {
    let mut population = GraphPopulation::new(graph, table, dynamics)?;
    let mut rng = run_rng(seed, 0);
    let start: Vec<u8> = (0..graph.node_count())
        .map(|_| below(&mut rng, 2) as u8)
        .collect();
    population.set_states(&start)?;
    population.run(updates, &mut rng);
    Ok(GraphSnapshot {
        graph: graph.clone(),
        updates,
        states: population.states().to_vec(),
    })
}

/// The state of a graph after a snapshot run: one strategy a node (0 = C).
#[derive(Clone, Debug)]
pub struct GraphSnapshot {
    /// The graph.
    pub graph: Graph,
    /// The updates made from the half-and-half start.
    pub updates: u64,
    /// Each node's strategy (0 = C, 1 = D).
    pub states: Vec<u8>,
}

/// One unit's estimate, beside the neutral and analytic values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixationRow {
    /// The unit: a graph or a group setting.
    pub unit: String,
    /// The population `N` (nodes, or `n m`).
    pub population: u64,
    /// The mean number of neighbours `k` (on a graph) or of partners
    /// `n - 1` (in a full group).
    pub mean_degree: f64,
    /// The runs made.
    pub runs: u32,
    /// The runs the mutant fixed.
    pub fixed: u32,
    /// The runs stopped at the cap (counted as not fixed).
    pub unfinished: u32,
    /// The fixation probability, `fixed / runs`.
    pub probability: f64,
    /// Its standard error.
    pub standard_error: f64,
    /// The neutral `1/N`.
    pub neutral: f64,
    /// `b / c` of a donation game.
    pub benefit_cost_ratio: Option<f64>,
    /// The analytic `b/c` threshold (donation game, cooperator mutant):
    /// `(N - 2)/(N/k - 2)` under death-birth on a `k`-regular graph,
    /// `1 + n/(m - 2)` for groups.
    pub threshold: Option<f64>,
    /// The analytic condition's value, positive when the mutant is
    /// predicted to beat `1/N` at weak selection: `sigma a + b - c - sigma
    /// d` (death-birth on a regular graph), `N rho_weak - 1` (groups).
    pub condition: Option<f64>,
    /// The rare-splitting fixation probability, exact in the intensity
    /// (groups only).
    pub analytic_probability: Option<f64>,
}

impl FixationRow {
    /// How many standard errors the estimate lies above `1/N` (`None`
    /// when the standard error is 0).
    #[must_use]
    pub fn z_against_neutral(&self) -> Option<f64> {
        crate::stats::z_score(self.probability, self.neutral, self.standard_error)
    }
}

/// The measures of each unit in a sweep's rows, in order; a value a
/// unit does not have (no analytic threshold off regular graphs or for a
/// matrix game) is `NaN`.
pub const FIXATION_MEASURES: [&str; 7] = [
    "fixation_probability",
    "standard_error",
    "neutral",
    "benefit_cost_ratio",
    "threshold",
    "condition",
    "analytic_probability",
];

/// What a fixation file gave ([`FixationFile::play`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FixationResults {
    /// The file's name.
    pub name: String,
    /// `evolution on graphs` or `multilevel selection`.
    pub process: String,
    /// The update rule or the splitting.
    pub rule: String,
    /// The selection as written.
    pub selection: String,
    /// Accumulated or averaged payoffs, in words.
    pub payoffs: String,
    /// The currency of the payoffs.
    pub currency: String,
    /// The game, in words.
    pub game: String,
    /// The mutant, in words.
    pub mutant: String,
    /// The master seed.
    pub seed: u64,
    /// One row per unit.
    pub rows: Vec<FixationRow>,
    /// One snapshot per graph when the file asked for them (not written
    /// to JSON).
    #[serde(skip)]
    pub snapshots: Vec<Option<GraphSnapshot>>,
}

impl FixationResults {
    /// The measures of unit `row` in the order of [`FIXATION_MEASURES`]
    /// (`NaN` for a value the unit does not have).
    #[must_use]
    pub fn measures(&self, row: usize) -> [f64; 7] {
        let r = &self.rows[row];
        let nan = f64::NAN;
        [
            r.probability,
            r.standard_error,
            r.neutral,
            r.benefit_cost_ratio.unwrap_or(nan),
            r.threshold.unwrap_or(nan),
            r.condition.unwrap_or(nan),
            r.analytic_probability.unwrap_or(nan),
        ]
    }

    /// The CSV table: a row per unit (empty cells for values a unit does
    /// not have). Unit names are made by this module and hold no comma.
    #[must_use]
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "unit,population,mean_degree,runs,fixed,unfinished,fixation_probability,\
             standard_error,neutral,benefit_cost_ratio,threshold,condition,analytic_probability\n",
        );
        let opt = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
        for r in &self.rows {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{}",
                r.unit,
                r.population,
                r.mean_degree,
                r.runs,
                r.fixed,
                r.unfinished,
                r.probability,
                r.standard_error,
                r.neutral,
                opt(r.benefit_cost_ratio),
                opt(r.threshold),
                opt(r.condition),
                opt(r.analytic_probability),
            );
        }
        out
    }

    /// Writes `fixation.csv` and `fixation.json` into `folder`.
    pub fn write_files(&self, folder: &Path) -> Result<(), crate::report::OutputError> {
        crate::output::write_atomically(&folder.join("fixation.csv"), |w| {
            w.write_all(self.csv().as_bytes())
        })?;
        crate::report::write_json_file(self, &folder.join("fixation.json"))?;
        Ok(())
    }
}

impl std::fmt::Display for FixationResults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}: {} ({}, selection {}); {}; mutant: {}",
            self.name, self.process, self.rule, self.selection, self.game, self.mutant
        )?;
        writeln!(
            f,
            "payoffs {} in {}; {} runs a unit, seed {}",
            self.payoffs,
            self.currency,
            self.rows.first().map_or(0, |r| r.runs),
            self.seed
        )?;
        let width = self
            .rows
            .iter()
            .map(|r| r.unit.len())
            .max()
            .unwrap_or(4)
            .max(4);
        writeln!(
            f,
            "{:<width$} {:>8} {:>5} {:>9} {:>9} {:>9} {:>7} {:>7} {:>9}",
            "unit", "N", "k", "rho", "SE", "1/N", "z", "b/c*", "condition"
        )?;
        let opt =
            |v: Option<f64>, p: usize| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.p$}"));
        for r in &self.rows {
            writeln!(
                f,
                "{:<width$} {:>8} {:>5.2} {:>9.5} {:>9.5} {:>9.5} {:>7} {:>7} {:>9}",
                r.unit,
                r.population,
                r.mean_degree,
                r.probability,
                r.standard_error,
                r.neutral,
                opt(r.z_against_neutral(), 2),
                opt(r.threshold, 3),
                opt(r.condition, 4),
            )?;
        }
        write!(
            f,
            "rho: the mutant's simulated fixation probability; z: (rho - 1/N) / SE; b/c*: the \
             analytic threshold; condition > 0: the mutant is predicted to beat 1/N at weak \
             selection"
        )
    }
}
