//! Tournament files: a round robin (and optionally an evolutionary process)
//! described in RON.
//!
//! ```ron
//! Tournament(
//!     name: "example",
//!     description: "Politicians against a tit-for-tat with half its mind on politics.",
//!     players: [
//!         Preset("politician"),
//!         Inline(name: "TFT-0.5", strategy: (name: "Tit For Tat"), political_weight: 0.5),
//!     ],
//!     game: (theta: 4.0, beta: 0.8),
//!     horizon: Fixed(turns: 200),
//!     politics: Fixed(0.5),
//!     repetitions: 10,
//!     seed: 42,
//!     output: Some("output/example"),
//! )
//! ```
//!
//! Only `name` and `players` are required; every other field has a default:
//!
//! | field              | default                         | meaning |
//! |--------------------|---------------------------------|---------|
//! | `description`      | `""`                            | free text |
//! | `game`             | `()` (theta 4, beta 0.8, alpha 1, gamma 2, Axelrod payoffs) | the two-level game |
//! | `horizon`          | `Fixed(turns: 200)`             | or `Continuation(delta: 0.99654)` |
//! | `politics`         | `Fixed(0.0)`                    | or `Dynamic(initial: .., dynamics: (..))` |
//! | `election`         | `None`                          | `Some((term: 50, lead: 10, boost: 0.5, patience: 0.5))` (`patience`, the campaign factor on every player's patience, defaults to 1) |
//! | `action_noise`     | `0.0`                           | probability a move is flipped |
//! | `perception_noise` | `0.0`                           | probability a partner's move is misread |
//! | `length_known`     | `false`                         | players told the number of turns |
//! | `repetitions`      | `1`                             | at least 1 |
//! | `seed`             | `0`                             | master seed |
//! | `self_play`        | `true`                          | each player also meets a clone of itself |
//! | `ranking`          | `Policy`                        | or `Political`, `Utility`, `Wins(Policy)`, `Wins(Political)`, `Wins(Utility)` |
//! | `output`           | `None`                          | folder for the CSV and JSON results, relative to the working directory |
//! | `evolution`        | `None`                          | an [`EvolutionConfig`] block |
//! | `coalitions`       | `[]`                            | coalitions of actors of the players' arenas ([`CoalitionEntry`]) |
//! | `timing`           | `None`                          | one actor's spending rules compared ([`TimingEntry`]) |
//! | `arena_series`     | `10000`                         | the most rounds of a match the per-round arena series keep (a longer match is sampled every `k`-th round; 0: none) |
//! | `graph`            | `None`                          | a spatial tournament: `Some(Lattice(width: 4, height: 4))`, `Some(Cycle(nodes: 8))`, ... ([`GraphSpec`]); player `i` is node `i`, only neighbours meet |
//! | `graph_seed`       | `0`                             | the seed of a random `graph` |
//! | `edges`            | `None`                          | a spatial tournament's edge list, `Some("edges.csv")` or a RON `Graph(..)` ([`graph`](mod@graph)) |
//! | `node_attributes`  | `None`                          | a CSV table of node attributes for the graph |
//! | `spread`           | `[]`                            | rules that move each state between epochs of a spatial tournament: `[Politicization(rate: 0.3, decay: 0.2, cap: 1.0)]`, `[Autonomy(base: 0.1, rate: 0.6)]` ([`NetworkRule`]) |
//! | `epochs`           | `1`                             | the epochs a `spread` plays ([`NetworkSpread`]) |
//!
//! A player is either `Preset("name")`, a preset from the `strategies/`
//! folder, or `Inline(name: .., strategy: (name: .., params: {..}),
//! political_weight: .., visibility: .., patience: .., securitizing: ..,
//! politicization: .., role: ..)`, where `political_weight` defaults to 0,
//! `visibility` to `None` (the dynamics' default), `patience` to 1,
//! `securitizing` to 0, `politicization` to `None` (the tournament's level)
//! and `role` to `None` (in an asymmetric game: both roles equally often).
//! An `Inline` player may also carry `arena: Some((..))`, its state's
//! domestic arena ([`ArenaEntry`]: actors written in place or read from a
//! CSV actor table; see `docs/actors.md`), and so may a preset, written
//! with its fields: `Preset((name: "politician", arena: Some((..))))`
//! ([`PresetEntry`]). A tournament without any arena plays exactly as
//! before.
//!
//! Presets resolve first from the `strategies/` folder next to the folder
//! of the tournament file (for `tournaments/x.ron`, `strategies/`), when it
//! exists, then from the presets built into the library.
//!
//! Unknown fields are rejected, so a typo is an error. Every error names
//! the file, and the line and column for syntax errors or the field for
//! invalid values, before anything runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, leading_struct_name, parse_ron, read_text_file};
use twolevel_game::error::{WholeRange, deserialize_seed};
use twolevel_game::graph::GraphSpec;
use twolevel_game::{
    Classifier, ElectionCycle, Horizon, Orientation, ParameterError, Politicization, Politics,
    Role, TwoLevelGame,
};
use twolevel_strategies::preset::{Preset, builtin_presets, load_dir};
use twolevel_strategies::registry::{self, StrategySpec};

mod arena;
pub mod graph;

pub use arena::{
    ActorEntry, ArenaEntry, CoalitionEntry, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, TimingEntry,
    TimingPlan,
};

use crate::evolution::EvolutionConfig;
use crate::play::{MatchConfig, PlayerSettings};
use crate::round_robin::{
    Entrant, NetworkResults, NetworkRule, NetworkSpread, RankingMetric, RoundRobin,
    RoundRobinResults, preset_settings,
};

/// The default tournament (`tournaments/two-level.ron`), compiled in.
pub const DEFAULT_TOURNAMENT: &str = include_str!("../tournaments/two-level.ron");

/// Every file of the top-level `tournaments/` folder, compiled in as
/// `(file stem, RON text)` pairs in file-name order: round robins, regime
/// tournaments and societies alike (tell them apart with [`FileKind::of`]).
///
/// The texts come from `crates/tournament/tournaments/`, the crate's own
/// copy of the folder (a published crate cannot read files outside its
/// folder); a test checks that the two folders are identical byte for
/// byte.
///
/// ```
/// use twolevel_tournament::config::{FileKind, shipped_tournament};
///
/// let paradox = shipped_tournament("paradox").expect("shipped");
/// assert_eq!(FileKind::of(paradox), FileKind::RoundRobin);
/// assert_eq!(FileKind::of(shipped_tournament("climate").unwrap()), FileKind::Regime);
/// assert!(shipped_tournament("no-such-file").is_none());
/// ```
pub const SHIPPED_TOURNAMENTS: &[(&str, &str)] = &[
    (
        "actor-levers",
        include_str!("../tournaments/actor-levers.ron"),
    ),
    (
        "autonomy-network",
        include_str!("../tournaments/autonomy-network.ron"),
    ),
    (
        "axelrod-first",
        include_str!("../tournaments/axelrod-first.ron"),
    ),
    (
        "axelrod-second",
        include_str!("../tournaments/axelrod-second.ron"),
    ),
    (
        "axelrod-second-full",
        include_str!("../tournaments/axelrod-second-full.ron"),
    ),
    ("climate", include_str!("../tournaments/climate.ron")),
    (
        "climate-webs",
        include_str!("../tournaments/climate-webs.ron"),
    ),
    (
        "election-cycle",
        include_str!("../tournaments/election-cycle.ron"),
    ),
    (
        "evolution-ecological",
        include_str!("../tournaments/evolution-ecological.ron"),
    ),
    ("evolution", include_str!("../tournaments/evolution.ron")),
    (
        "group-selection",
        include_str!("../tournaments/group-selection.ron"),
    ),
    (
        "institutions",
        include_str!("../tournaments/institutions.ron"),
    ),
    (
        "institutions_mixed",
        include_str!("../tournaments/institutions_mixed.ron"),
    ),
    ("mfn", include_str!("../tournaments/mfn.ron")),
    (
        "network-rule",
        include_str!("../tournaments/network-rule.ron"),
    ),
    ("paradox", include_str!("../tournaments/paradox.ron")),
    ("paris", include_str!("../tournaments/paris.ron")),
    (
        "politicization-network",
        include_str!("../tournaments/politicization-network.ron"),
    ),
    (
        "police-cooperation",
        include_str!("../tournaments/police-cooperation.ron"),
    ),
    (
        "matches-on-graphs",
        include_str!("../tournaments/matches-on-graphs.ron"),
    ),
    (
        "sweep-group-selection",
        include_str!("../tournaments/sweep-group-selection.ron"),
    ),
    (
        "sweep-network-rule",
        include_str!("../tournaments/sweep-network-rule.ron"),
    ),
    ("sweep-tau", include_str!("../tournaments/sweep-tau.ron")),
    (
        "sweep-theta",
        include_str!("../tournaments/sweep-theta.ron"),
    ),
    (
        "sweep-tied-hands",
        include_str!("../tournaments/sweep-tied-hands.ron"),
    ),
    ("trade-war", include_str!("../tournaments/trade-war.ron")),
    ("treaty", include_str!("../tournaments/treaty.ron")),
    ("two-level", include_str!("../tournaments/two-level.ron")),
];

/// The text of the shipped tournament file `tournaments/STEM.ron`, if
/// there is one (see [`SHIPPED_TOURNAMENTS`]).
#[must_use]
pub fn shipped_tournament(stem: &str) -> Option<&'static str> {
    SHIPPED_TOURNAMENTS
        .iter()
        .find(|(name, _)| *name == stem)
        .map(|(_, text)| *text)
}

/// The display origin of [`DEFAULT_TOURNAMENT`] in error messages.
pub const DEFAULT_ORIGIN: &str = "<embedded tournaments/two-level.ron>";

/// The kinds of file in `tournaments/`, told apart by the struct a file
/// starts with: `Tournament(..)` (or an unnamed `(..)`) is a round robin,
/// `Regime(..)` a regime tournament of n-state groups, `Society(..)` a
/// society of states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// A round robin ([`Tournament`]), run by `--example tournament`.
    RoundRobin,
    /// A regime tournament
    /// ([`RawRegimeTournament`](crate::regime::RawRegimeTournament)), run
    /// by `--example regimes` or `--example tournament -- FILE`.
    Regime,
    /// A society of states
    /// ([`SocietyConfig`](crate::society::SocietyConfig)), run by
    /// `--example society` or `--example tournament -- FILE`.
    Society,
    /// A parameter sweep over a base file (`Sweep(..)`), loaded by
    /// [`Sweep`](crate::sweep_file::Sweep) and run by the `twolevel sweep`
    /// command or `--example tournament -- FILE`.
    Sweep,
    /// A negotiation between states (`Negotiation(..)`), loaded by
    /// [`NegotiationFile`](crate::negotiation::NegotiationFile) and run by
    /// `twolevel run` or `--example tournament -- FILE`.
    Negotiation,
    /// Evolution on graphs (`GraphEvolution(..)`): the fixation of one
    /// mutant on each graph, loaded by
    /// [`FixationFile`](crate::fixation_file::FixationFile) and run by
    /// `twolevel run`.
    GraphEvolution,
    /// Multilevel selection (`Multilevel(..)`): the fixation of one mutant
    /// among groups that split, loaded by
    /// [`FixationFile`](crate::fixation_file::FixationFile) and run by
    /// `twolevel run`.
    Multilevel,
}

impl FileKind {
    /// The kind of a file's text, from the struct it starts with.
    #[must_use]
    pub fn of(text: &str) -> FileKind {
        match leading_struct_name(text) {
            Some(("Regime", ..)) => FileKind::Regime,
            Some(("Society", ..)) => FileKind::Society,
            Some(("Sweep", ..)) => FileKind::Sweep,
            Some(("Negotiation", ..)) => FileKind::Negotiation,
            Some(("GraphEvolution", ..)) => FileKind::GraphEvolution,
            Some(("Multilevel", ..)) => FileKind::Multilevel,
            _ => FileKind::RoundRobin,
        }
    }

    /// Refuses a regime or society file where a round robin is expected,
    /// at the line and column of its struct name, saying how to run it.
    fn expect_round_robin(text: &str, origin: &Path) -> Result<(), ConfigError> {
        let (what, command) = match FileKind::of(text) {
            FileKind::RoundRobin => return Ok(()),
            FileKind::Regime => (
                "a regime tournament of n-state groups",
                "cargo run --release --example regimes --",
            ),
            FileKind::Society => (
                "a society of states",
                "cargo run --release --example society --",
            ),
            FileKind::Sweep => ("a parameter sweep", "twolevel sweep"),
            FileKind::Negotiation => ("a negotiation between states", "twolevel run"),
            FileKind::GraphEvolution => ("evolution on graphs", "twolevel run"),
            FileKind::Multilevel => ("multilevel selection", "twolevel run"),
        };
        let (name, line, column) = leading_struct_name(text).unwrap_or(("", 1, 1));
        Err(ConfigError::Syntax {
            path: origin.to_path_buf(),
            line,
            column,
            message: format!(
                "`{name}(..)` describes {what}, not a round robin `Tournament(..)`; run it with \
                 `{command} {}`",
                origin.display()
            ),
        })
    }
}

/// A player as written in a tournament file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum PlayerEntry {
    /// A preset, by name (`Preset("politician")`), or by name with its
    /// state's domestic arena (`Preset((name: "politician", arena:
    /// Some((..))))`; see [`PresetEntry`]).
    Preset(PresetEntry),
    /// A player described in place.
    Inline {
        /// The name shown in the results.
        name: String,
        /// The strategy and its parameters.
        strategy: StrategySpec,
        /// The political weight `w` in [0, 1].
        #[serde(default)]
        political_weight: f64,
        /// How public the player's defections are, in [0, 1]; `None` takes
        /// the politicization dynamics' default.
        #[serde(default)]
        visibility: Option<f64>,
        /// The player's patience `h` in (0, 1]: it discounts with
        /// `delta_i = h * delta_t` (default 1).
        #[serde(default = "full_patience")]
        patience: f64,
        /// The securitizing move `s_i` in [0, 1] the player adds to its own
        /// state's politicization every round under dynamic politics
        /// (default 0).
        #[serde(default)]
        securitizing: f64,
        /// The player's own initial (or, under fixed politics, fixed)
        /// politicization `pi_i` in [0, 1]; `None` (the default) takes the
        /// tournament's.
        #[serde(default)]
        politicization: Option<f64>,
        /// The player's role in an asymmetric game: `Some(A)` takes the row
        /// payoffs, `Some(B)` the column payoffs; `None` (the default) plays
        /// both roles equally often.
        #[serde(default)]
        role: Option<Role>,
        /// The state's domestic arena, if any (see [`ArenaEntry`]):
        /// actors written in place or read from a CSV actor table.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arena: Option<Box<ArenaEntry>>,
    },
}

fn full_patience() -> f64 {
    1.0
}

/// A `Preset` player as written: the preset's name alone,
/// `Preset("politician")`, or its name and its state's domestic arena,
/// `Preset((name: "politician", arena: Some((..))))` (the same
/// [`ArenaEntry`] an `Inline` player carries; see `docs/actors.md`).
///
/// ```
/// use twolevel_tournament::config::{PlayerEntry, PresetEntry};
///
/// let plain: PlayerEntry = ron::from_str(r#"Preset("politician")"#).unwrap();
/// assert_eq!(plain, PlayerEntry::Preset(PresetEntry::named("politician")));
/// let text = r#"Preset((name: "politician", arena: Some((actors: [
///     (name: "exporters", capability: 2.0, position: 0.8, salience: 0.9, channels: [Lobby]),
/// ]))))"#;
/// let PlayerEntry::Preset(with_arena) = ron::from_str(text).unwrap() else { panic!() };
/// assert_eq!(with_arena.name, "politician");
/// assert_eq!(with_arena.arena.unwrap().actors[0].name, "exporters");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct PresetEntry {
    /// The preset's name.
    pub name: String,
    /// The state's domestic arena, if any (see [`ArenaEntry`]).
    pub arena: Option<Box<ArenaEntry>>,
}

impl PresetEntry {
    /// The preset called `name`, without an arena.
    #[must_use]
    pub fn named(name: impl Into<String>) -> Self {
        PresetEntry {
            name: name.into(),
            arena: None,
        }
    }
}

/// The written form of a [`PresetEntry`] with fields:
/// `(name: .., arena: ..)`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFields {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    arena: Option<Box<ArenaEntry>>,
}

impl Serialize for PresetEntry {
    /// A preset without an arena is written as its name alone, as before
    /// presets could carry one.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.arena {
            None => serializer.serialize_str(&self.name),
            Some(arena) => PresetFields {
                name: self.name.clone(),
                arena: Some(arena.clone()),
            }
            .serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for PresetEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads a name (a string) or the fields (a struct).
        struct Form;

        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = PresetEntry;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a preset's name, \"politician\", or a preset with an arena, \
                     (name: \"politician\", arena: Some((..)))",
                )
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<PresetEntry, E> {
                Ok(PresetEntry::named(name))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<PresetEntry, A::Error> {
                // The fields are read straight from the file, so that an
                // error inside the arena keeps its line and column.
                let fields =
                    PresetFields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(PresetEntry {
                    name: fields.name,
                    arena: fields.arena,
                })
            }
        }

        deserializer.deserialize_any(Form)
    }
}

/// A tournament file as written, before validation; see the
/// [module documentation](self) for the fields and their defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Tournament", deny_unknown_fields)]
pub struct RawTournament {
    /// The tournament's name.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// The players.
    pub players: Vec<PlayerEntry>,
    /// The game (validated while parsing).
    #[serde(default)]
    pub game: TwoLevelGame,
    /// The horizon (validated while parsing).
    #[serde(default)]
    pub horizon: Horizon,
    /// Fixed or dynamic politicization.
    #[serde(default)]
    pub politics: Politics,
    /// An election cycle, if any.
    #[serde(default)]
    pub election: Option<ElectionCycle>,
    /// The probability that a chosen move is flipped.
    #[serde(default)]
    pub action_noise: f64,
    /// The probability that a player misreads its partner's move.
    #[serde(default)]
    pub perception_noise: f64,
    /// Whether players are told the number of turns of a fixed horizon.
    #[serde(default)]
    pub length_known: bool,
    /// Repetitions of every match.
    #[serde(default = "one", deserialize_with = "deserialize_repetitions")]
    pub repetitions: u32,
    /// The master seed.
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// Whether each player also meets a clone of itself.
    #[serde(default = "yes")]
    pub self_play: bool,
    /// What the ranking sorts by, in which currency (policy payoff per turn
    /// by default).
    #[serde(default)]
    pub ranking: RankingMetric,
    /// The folder for the result files, if any.
    #[serde(default)]
    pub output: Option<String>,
    /// An evolutionary process to run on the round-robin payoffs.
    #[serde(default)]
    pub evolution: Option<EvolutionConfig>,
    /// Coalitions of actors of the players' arenas (webs of influence,
    /// possibly across borders), see [`CoalitionEntry`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coalitions: Vec<CoalitionEntry>,
    /// A timing experiment: one actor's spending rules compared (see
    /// [`TimingEntry`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<TimingEntry>,
    /// The most rounds of a match each per-round arena series keeps
    /// (`series.csv`, the plots over time); a longer match is sampled
    /// every `k`-th round, and 0 keeps none (see
    /// [`RoundRobin::with_arena_series`]).
    #[serde(
        default = "default_arena_series",
        skip_serializing_if = "is_default_arena_series",
        deserialize_with = "deserialize_arena_series"
    )]
    pub arena_series: u32,
    /// A spatial tournament's graph, generated: player `i` is node `i`
    /// and only neighbours meet (see [`graph`](mod@graph)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphSpec>,
    /// The seed of a random `graph` (its own, so that `--seed` changes the
    /// matches, not the structure); 0 by default.
    #[serde(
        default,
        skip_serializing_if = "is_zero",
        deserialize_with = "deserialize_graph_seed"
    )]
    pub graph_seed: u64,
    /// A spatial tournament's graph, read from an edge list (CSV with
    /// `source` and `target` columns, or a RON `Graph(..)`), relative to
    /// the file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges: Option<String>,
    /// A CSV table of node attributes (a `node` column and numeric
    /// columns) for the graph, relative to the file's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_attributes: Option<String>,
    /// Rules that move each state's politicization or autonomy between the
    /// epochs of a spatial tournament ([`NetworkSpread`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spread: Vec<NetworkRule>,
    /// The number of epochs a `spread` plays (1 by default).
    #[serde(
        default = "one",
        skip_serializing_if = "is_one",
        deserialize_with = "deserialize_epochs"
    )]
    pub epochs: u32,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_one(value: &u32) -> bool {
    *value == 1
}

fn default_arena_series() -> u32 {
    crate::round_robin::DEFAULT_ARENA_SERIES
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference.
fn is_default_arena_series(rounds: &u32) -> bool {
    *rounds == default_arena_series()
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference.
fn is_zero(value: &u64) -> bool {
    *value == 0
}

fn one() -> u32 {
    1
}

/// Reads `repetitions` ([`RawTournament::REPETITIONS`]); regime and
/// negotiation files read theirs with it too.
pub(crate) fn deserialize_repetitions<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<u32, D::Error> {
    RawTournament::REPETITIONS.deserialize(d)
}

/// Reads `epochs` ([`RawTournament::EPOCHS`]).
fn deserialize_epochs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawTournament::EPOCHS.deserialize(d)
}

/// Reads `arena_series` ([`RawTournament::ARENA_SERIES`]).
fn deserialize_arena_series<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawTournament::ARENA_SERIES.deserialize(d)
}

/// Reads `graph_seed` ([`RawTournament::GRAPH_SEED`]).
fn deserialize_graph_seed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    RawTournament::GRAPH_SEED.deserialize(d)
}

fn yes() -> bool {
    true
}

/// A validated tournament, ready to run.
#[derive(Clone, Debug)]
pub struct Tournament {
    /// The tournament's name.
    pub name: String,
    /// Free text.
    pub description: String,
    /// The round robin to play.
    pub round_robin: RoundRobin,
    /// The folder for the result files, if any.
    pub output: Option<PathBuf>,
    /// The evolutionary process to run on the round-robin payoffs, if any.
    pub evolution: Option<EvolutionConfig>,
    /// Where the tournament was read from (a path or a display origin).
    pub origin: PathBuf,
    /// The timing experiment of the file's `timing` block, if any.
    pub timing: Option<TimingPlan>,
    /// The epochs of a spatial tournament and the rules that move its
    /// states between them (the file's `spread` and `epochs`), if any.
    pub spread: Option<NetworkSpread>,
}

impl Tournament {
    /// Plays the round robin, telling `progress` about its matches: once,
    /// or with a `spread` for its epochs, whose record comes back beside
    /// the last epoch's results (what `twolevel run` shows and writes).
    ///
    /// Fails only as [`NetworkSpread::play`] does.
    pub fn play_with_progress(
        &self,
        progress: &dyn crate::progress::Progress,
    ) -> Result<(RoundRobinResults, Option<NetworkResults>), ParameterError> {
        match &self.spread {
            Some(spread) => {
                let run = spread.play(&self.round_robin, progress)?;
                Ok((run.results, Some(run.network)))
            }
            None => Ok((self.round_robin.play_with_progress(progress), None)),
        }
    }
}

/// Where presets come from: a folder's presets first, then the built-in
/// ones.
#[derive(Clone, Debug, Default)]
pub struct PresetCatalog {
    presets: BTreeMap<String, Preset>,
}

impl PresetCatalog {
    /// The presets built into the library.
    pub fn builtin() -> Result<Self, ConfigError> {
        Ok(PresetCatalog {
            presets: builtin_presets()?,
        })
    }

    /// The presets of `folder`, falling back to the built-in ones for
    /// names the folder does not define.
    pub fn with_folder(folder: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let mut catalog = PresetCatalog::builtin()?;
        catalog.presets.extend(load_dir(folder)?);
        Ok(catalog)
    }

    /// The catalog for a tournament file at `path`: the `strategies/`
    /// folder next to the file's folder if it exists, else the built-in
    /// presets.
    pub fn for_tournament_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let folder = path
            .as_ref()
            .parent()
            .and_then(Path::parent)
            .map(|root| root.join("strategies"));
        match folder {
            Some(folder) if folder.is_dir() => PresetCatalog::with_folder(folder),
            _ => PresetCatalog::builtin(),
        }
    }

    /// The preset of that name.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Preset> {
        self.presets.get(name)
    }

    /// The names of all presets, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.presets.keys().map(String::as_str)
    }
}

impl RawTournament {
    /// The valid range of `repetitions`.
    pub const REPETITIONS: WholeRange =
        WholeRange::new("repetitions", "repetitions", 1, u32::MAX as u64);
    /// The valid range of `arena_series` (0 keeps no series).
    pub const ARENA_SERIES: WholeRange =
        WholeRange::new("arena_series", "rounds", 0, u32::MAX as u64);
    /// The valid range of `graph_seed`.
    pub const GRAPH_SEED: WholeRange = WholeRange::seed("graph_seed");
    /// The valid range of `epochs`.
    pub const EPOCHS: WholeRange =
        WholeRange::new("epochs", "epochs", 1, crate::round_robin::MAX_EPOCHS as u64);

    /// Validates the file (read from `origin`) against the presets of
    /// `catalog` and builds the tournament.
    pub fn validate(
        mut self,
        origin: impl AsRef<Path>,
        catalog: &PresetCatalog,
    ) -> Result<Tournament, ConfigError> {
        let origin = origin.as_ref();
        let invalid = |e| ConfigError::from_parameter(origin, e);
        let config = MatchConfig::new(self.game, self.horizon)
            .and_then(|c| c.with_action_noise(self.action_noise))
            .and_then(|c| c.with_perception_noise(self.perception_noise))
            .map_err(invalid)?
            .with_politics(self.politics)
            .with_election(self.election)
            .with_length_known(self.length_known);
        if self.name.trim().is_empty() {
            return Err(ConfigError::invalid(
                origin,
                "name",
                "expected a non-empty name",
            ));
        }
        if self.length_known && self.horizon.turns().is_none() {
            return Err(ConfigError::invalid(
                origin,
                "length_known",
                "a continuation horizon has no length to tell the players; remove \
                 `length_known: true` or use a `Fixed(turns: ..)` horizon",
            ));
        }
        if self.output.as_deref().is_some_and(|o| o.trim().is_empty()) {
            return Err(ConfigError::invalid(
                origin,
                "output",
                "expected a folder name (or `None` for no files), got an empty one",
            ));
        }
        let arenas: Vec<Option<ArenaEntry>> = self
            .players
            .iter_mut()
            .map(|entry| match entry {
                PlayerEntry::Inline { arena, .. } => arena.take().map(|a| *a),
                PlayerEntry::Preset(preset) => preset.arena.take().map(|a| *a),
            })
            .collect();
        let entrants = self
            .players
            .into_iter()
            .enumerate()
            .map(|(k, entry)| entrant(entry, &format!("players[{k}]"), origin, catalog))
            .collect::<Result<Vec<_>, _>>()?;
        // Results are read by name (tables, files, levers): names must
        // tell players apart.
        for (k, entrant) in entrants.iter().enumerate() {
            if let Some(first) = entrants[..k].iter().position(|e| e.name == entrant.name) {
                return Err(ConfigError::invalid(
                    origin,
                    format!("players[{k}].name"),
                    format!(
                        "expected a name of its own, but \"{}\" is already the name of \
                         players[{first}]; give one of them another `name` (an `Inline` \
                         player can wrap the same preset strategy)",
                        entrant.name
                    ),
                ));
            }
        }
        let names: Vec<String> = entrants.iter().map(|e| e.name.clone()).collect();
        let horizon_rounds = planned_match_length(config.horizon()) as u32;
        let arena::DomesticParts { domestic, timing } = arena::domestic_parts(
            arenas,
            &names,
            self.coalitions,
            self.timing,
            origin,
            horizon_rounds,
        )?;
        let mut round_robin = RoundRobin::new(config, entrants)
            .and_then(|r| r.with_repetitions(self.repetitions))
            .and_then(|r| r.with_self_play(self.self_play))
            .map_err(invalid)?
            .with_seed(self.seed)
            .with_ranking(self.ranking)
            .with_arena_series(self.arena_series);
        if let Some(domestic) = domestic {
            round_robin = round_robin.with_domestic(domestic).map_err(invalid)?;
        }
        let graph = match (self.graph, self.edges) {
            (Some(_), Some(_)) => {
                return Err(ConfigError::invalid(
                    origin,
                    "edges",
                    "expected either a generated `graph` or an `edges` file, not both",
                ));
            }
            (Some(spec), None) => {
                Some(graph::generate_graph(&spec, self.graph_seed, "graph").map_err(invalid)?)
            }
            (None, Some(file)) => {
                let folder = origin.parent().unwrap_or(Path::new(""));
                Some(graph::read_edge_list(
                    &folder.join(file),
                    Some(round_robin.entrants().len()),
                )?)
            }
            (None, None) => None,
        };
        match (graph, self.node_attributes) {
            (Some(graph), attributes) => {
                let graph = match attributes {
                    Some(file) => graph::read_node_attributes(
                        &origin.parent().unwrap_or(Path::new("")).join(file),
                        graph,
                    )?,
                    None => graph,
                };
                round_robin = round_robin.with_graph(graph).map_err(invalid)?;
            }
            (None, Some(_)) => {
                return Err(ConfigError::invalid(
                    origin,
                    "node_attributes",
                    "node attributes need a `graph` or an `edges` file",
                ));
            }
            (None, None) => {}
        }
        let spread = if self.spread.is_empty() {
            if self.epochs != 1 {
                return Err(ConfigError::invalid(
                    origin,
                    "epochs",
                    "epochs are played by a `spread`; give one or remove `epochs`",
                ));
            }
            None
        } else {
            if round_robin.graph().is_none() {
                return Err(ConfigError::invalid(
                    origin,
                    "spread",
                    "a spread needs a spatial tournament: give a `graph` or an `edges` file",
                ));
            }
            Some(NetworkSpread::new(self.spread, self.epochs).map_err(invalid)?)
        };
        check_run_size(&round_robin, self.evolution.as_ref()).map_err(invalid)?;
        // A timing block replays the round robin once per spending rule
        // and once for its baseline.
        let replays = timing.as_ref().map_or(0, |plan| plan.rules.len() + 1);
        let epochs = spread.as_ref().map_or(1, NetworkSpread::epochs);
        check_run_work(&round_robin, self.evolution.as_ref(), replays, epochs).map_err(invalid)?;
        Ok(Tournament {
            name: self.name,
            description: self.description,
            round_robin,
            output: self.output.map(PathBuf::from),
            evolution: self.evolution,
            origin: origin.to_path_buf(),
            timing,
            spread,
        })
    }
}

/// The longest match a horizon is planned for: its turns, or for a
/// continuation horizon 50 times the mean length (a longer match has
/// probability below `e^-50`), capped at the longest possible match.
pub(crate) fn planned_match_length(horizon: Horizon) -> f64 {
    match horizon.turns() {
        Some(turns) => f64::from(turns),
        None => (50.0 * horizon.expected_length()).min(f64::from(u32::MAX)),
    }
}

/// Refuses, before anything runs, a tournament (and evolution block) whose
/// memory estimate exceeds [`limits::memory_limit`]. The estimate counts
/// what the round robin keeps ([`limits::round_robin_memory`]), the move histories of
/// the matches running at once ([`limits::match_history_memory`]: one per
/// thread, one byte per move and per perceived move, only a window of the
/// last moves when every entrant's memory depth is bounded), and the
/// trajectories the evolution block records.
pub(crate) fn check_run_size(
    round_robin: &RoundRobin,
    evolution: Option<&EvolutionConfig>,
) -> Result<(), ParameterError> {
    use crate::limits::check_memory;
    let results = crate::limits::round_robin_memory(
        round_robin.entrants().len(),
        round_robin.repetitions(),
        round_robin.match_records(),
    );
    check_memory("repetitions", "the round robin's results", results)?;
    let config = round_robin.config();
    // A match keeps a window of its moves when both players' memories are
    // bounded; the deepest memory of all the entrants bounds every pair's.
    let memory_depth = round_robin
        .entrants()
        .iter()
        .map(|entrant| entrant.strategy.classifier().memory_depth)
        .reduce(Classifier::deeper_memory)
        .flatten();
    let histories = crate::limits::match_history_memory(
        planned_match_length(config.horizon()),
        memory_depth,
        config.perception_noise() > 0.0,
        rayon::current_num_threads(),
    );
    check_memory(
        "horizon",
        "the move histories of the matches played at once",
        histories,
    )?;
    if round_robin.domestic().is_some() {
        // With arenas, every pair keeps per-round sums for both sides (five
        // numbers, 40 bytes, a kept round), the matches of a batch their
        // series (three numbers a kept round and side) and each thread's
        // match record its own (33 bytes a kept round and side). The
        // summaries do not grow with the match.
        let rounds = planned_match_length(config.horizon());
        let every = round_robin.arena_series_every();
        let kept = if every == 0 {
            0.0
        } else {
            (rounds / f64::from(every)).ceil()
        };
        let pairs = round_robin.pairs().len() as f64;
        let batch = crate::round_robin::ARENA_BATCH as f64;
        let threads = rayon::current_num_threads() as f64;
        let series = kept * 2.0 * (pairs * 40.0 + batch * 24.0 + threads * 33.0);
        check_memory("arena_series", "the arena series of every pair", series)?;
    }
    if let Some(evolution) = evolution {
        // A round robin without self-play cannot feed the block: refused
        // here, at `self_play`, rather than after it has been played.
        crate::evolution::check_every_pair_meets(round_robin)?;
        // Wrong-length `Counts` or `Shares` are found here, with the file
        // named, rather than after the round robin has been played.
        let block = |error: ParameterError| error.within("evolution");
        evolution
            .check_players(round_robin.entrants().len())
            .map_err(block)?;
        evolution
            .check_memory(round_robin.entrants().len())
            .map_err(block)?;
        // A selection that some payoff of this game would turn into a
        // non-positive or infinite fitness is refused here too.
        let (low, high) =
            crate::evolution::stage_payoff_range(round_robin.config(), evolution.fitness());
        evolution.check_fitness(low, high).map_err(block)?;
    }
    Ok(())
}

/// Refuses, before anything runs, a tournament whose work estimate
/// exceeds [`limits::work_limit`](crate::limits::work_limit): the round
/// robin's match turns ([`limits::round_robin_work`](crate::limits::round_robin_work)),
/// once more for each of `replays` replays of a timing block, times the
/// `epochs` of a spread, and the
/// matches an evolution block with `payoffs: Matches` plays
/// ([`EvolutionConfig::work`]).
pub(crate) fn check_run_work(
    round_robin: &RoundRobin,
    evolution: Option<&EvolutionConfig>,
    replays: usize,
    epochs: u32,
) -> Result<(), ParameterError> {
    let horizon = round_robin.config().horizon();
    let expected = horizon.expected_length().min(f64::from(u32::MAX));
    let plays = (1.0 + replays as f64) * f64::from(epochs);
    let work = crate::limits::round_robin_work(round_robin) * plays;
    let at_one = crate::limits::at_one;
    let mut factors = vec![
        (
            "repetitions",
            at_one(work, f64::from(round_robin.repetitions())),
        ),
        ("horizon", at_one(work, expected)),
    ];
    if replays > 0 {
        factors.push(("timing", at_one(work, 1.0 + replays as f64)));
    }
    if epochs > 1 {
        factors.push(("epochs", at_one(work, f64::from(epochs))));
    }
    crate::limits::check_work("the round robin", "match turns", work, &factors)?;
    if let Some(evolution) = evolution {
        evolution
            .check_work(round_robin.entrants().len(), horizon, work)
            .map_err(|error| error.within("evolution"))?;
    }
    Ok(())
}

/// Builds the entrant a player entry describes; `field` names the entry in
/// errors.
pub(crate) fn entrant(
    entry: PlayerEntry,
    field: &str,
    origin: &Path,
    catalog: &PresetCatalog,
) -> Result<Entrant, ConfigError> {
    match entry {
        PlayerEntry::Preset(PresetEntry {
            name,
            // Taken out by `RawTournament::validate`.
            arena: _,
        }) => {
            let preset = catalog.get(&name).ok_or_else(|| {
                let known: Vec<&str> = catalog.names().collect();
                let hint = match registry::close_matches(&name, known.iter().copied())[..] {
                    [] => String::new(),
                    ref close => format!("did you mean \"{}\"? ", close.join("\" or \"")),
                };
                ConfigError::invalid(
                    origin,
                    field,
                    format!(
                        "unknown preset \"{name}\"; {hint}known presets: {}",
                        known.join(", ")
                    ),
                )
            })?;
            let strategy = preset
                .build()
                .map_err(|e| ConfigError::strategy(origin, format!("{field}.strategy"), e))?;
            let settings = preset_settings(preset)
                .map_err(|e| ConfigError::from_parameter(origin, e.within(field)))?;
            Ok(Entrant::new(preset.name(), strategy, settings))
        }
        PlayerEntry::Inline {
            name,
            strategy,
            political_weight,
            visibility,
            patience,
            securitizing,
            politicization,
            role,
            // Taken out by `RawTournament::validate`.
            arena: _,
        } => {
            if name.trim().is_empty() {
                return Err(ConfigError::invalid(
                    origin,
                    format!("{field}.name"),
                    "expected a non-empty name",
                ));
            }
            let built = registry::build(&strategy)
                .map_err(|e| ConfigError::strategy(origin, format!("{field}.strategy"), e))?;
            let orientation = Orientation::new(political_weight).map_err(|e| {
                ConfigError::invalid(origin, format!("{field}.political_weight"), e.reason)
            })?;
            let settings = politicization
                .map(Politicization::new)
                .transpose()
                .and_then(|pi| {
                    PlayerSettings::new(orientation, visibility)?
                        .with_patience(patience)?
                        .with_securitizing(securitizing)
                        .map(|s| s.with_politicization(pi))
                })
                .map_err(|e| ConfigError::from_parameter(origin, e.within(field)))?;
            Ok(Entrant::new(name, built, settings).with_role(role))
        }
    }
}

impl Tournament {
    /// The work of the file, in match turns and events (see
    /// [`limits::check_work`](crate::limits::check_work)): the round robin
    /// ([`limits::round_robin_work`](crate::limits::round_robin_work)),
    /// once more for each replay of a timing block (one per spending rule
    /// and one for its baseline), and the evolution block
    /// ([`EvolutionConfig::work`]).
    #[must_use]
    pub fn work(&self) -> f64 {
        let replays = self.timing.as_ref().map_or(0, |plan| plan.rules.len() + 1);
        let round_robin =
            crate::limits::round_robin_work(&self.round_robin) * (1.0 + replays as f64);
        let evolution = self.evolution.as_ref().map_or(0.0, |evolution| {
            evolution.work(
                self.round_robin.entrants().len(),
                self.round_robin.config().horizon(),
            )
        });
        round_robin + evolution
    }

    /// Parses and validates tournament RON text read from `origin`, with
    /// presets from `catalog`. Every error names `origin` and the line and
    /// column of the field at fault (see [`ConfigError::located_in`]).
    ///
    /// A regime or society file (see [`FileKind`]) is refused with a message
    /// that says how to run it.
    pub fn from_ron(
        text: &str,
        origin: impl AsRef<Path>,
        catalog: &PresetCatalog,
    ) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        FileKind::expect_round_robin(text, origin)?;
        parse_ron::<RawTournament>(text, origin)?
            .validate(origin, catalog)
            .map_err(|error| error.located_in(text))
    }

    /// Reads, parses and validates a tournament file, resolving presets as
    /// described in the [module documentation](self).
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let text = read_text_file(path)?;
        let catalog = PresetCatalog::for_tournament_file(path)?;
        Tournament::from_ron(&text, path, &catalog)
    }

    /// The default tournament ([`DEFAULT_TOURNAMENT`]) with the built-in
    /// presets.
    pub fn embedded_default() -> Result<Self, ConfigError> {
        Tournament::from_ron(
            DEFAULT_TOURNAMENT,
            DEFAULT_ORIGIN,
            &PresetCatalog::builtin()?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Tournament, ConfigError> {
        Tournament::from_ron(text, "test.ron", &PresetCatalog::builtin().unwrap())
    }

    #[test]
    fn minimal_file_takes_the_defaults() {
        let t = load(r#"Tournament(name: "t", players: [Inline(name: "TFT", strategy: (name: "Tit For Tat"))])"#)
            .unwrap();
        let rr = &t.round_robin;
        assert_eq!(rr.repetitions(), 1);
        assert!(rr.self_play());
        assert_eq!(rr.config().horizon(), Horizon::AXELROD_FIRST);
        assert_eq!(rr.entrants()[0].name, "TFT");
        assert!(t.output.is_none() && t.evolution.is_none());
    }

    #[test]
    fn inline_players_carry_patience_securitizing_politicization_and_role() {
        let t = load(
            r#"Tournament(name: "t", players: [
                Inline(name: "hawk", strategy: (name: "Tit For Tat"), patience: 0.5,
                       securitizing: 0.02, politicization: Some(0.3), role: Some(B)),
                Preset("politician"),
            ])"#,
        )
        .unwrap();
        let hawk = &t.round_robin.entrants()[0];
        assert_eq!(hawk.settings.patience(), 0.5);
        assert_eq!(hawk.settings.securitizing(), 0.02);
        assert_eq!(
            hawk.settings.politicization().map(Politicization::value),
            Some(0.3)
        );
        assert_eq!(hawk.role, Some(Role::B));
        let err = load(
            r#"Tournament(name: "t", players: [Inline(name: "x", strategy: (name: "TFT"), patience: 0.0)])"#,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("patience") && err.contains("(0, 1]"), "{err}");
    }

    #[test]
    fn silent_mistakes_are_refused() {
        let err =
            load(r#"Tournament(name: "t", players: [Preset("politician"), Preset("politician")])"#)
                .unwrap_err()
                .to_string();
        assert!(
            err.contains("players[1].name") && err.contains("players[0]"),
            "{err}"
        );
        let err = load(
            r#"Tournament(name: "t", players: [Preset("politician")], horizon: Continuation(delta: 0.9), length_known: true)"#,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("length_known"), "{err}");
        let err =
            load(r#"Tournament(name: "t", players: [Preset("politician")], output: Some(""))"#)
                .unwrap_err()
                .to_string();
        assert!(err.contains("output"), "{err}");
        // A byte-order mark is skipped.
        let with_bom = "\u{feff}Tournament(name: \"t\", players: [Preset(\"politician\")])";
        assert!(load(with_bom).is_ok());
    }

    #[test]
    fn invalid_values_name_file_and_field() {
        let err = load(r#"Tournament(name: "t", players: [Preset("nobody")])"#).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("test.ron") && text.contains("players[0]") && text.contains("nobody"),
            "{text}"
        );
        let err = load(r#"Tournament(name: "t", players: [], )"#).unwrap_err();
        assert!(err.to_string().contains("`players`"), "{err}");
        let err =
            load(r#"Tournament(name: "t", players: [Preset("politician")], action_noise: 1.5)"#)
                .unwrap_err();
        assert!(err.to_string().contains("action_noise"), "{err}");
    }
}
