//! Society files: a society of states (and optionally a sweep over the
//! institution's q and mu, and an evolution of rules) described in RON.
//!
//! ```ron
//! Society(
//!     name: "example",
//!     groups: [
//!         (rule: "Discriminator", count: 90),
//!         (rule: "Society Ledger", count: 10, political_weight: 0.5, politicization: 0.2,
//!          params: {"tolerance": 3.0}),
//!     ],
//!     norm: "stern judging",
//!     institution: Public,
//!     q: 1.0, e: 0.02, mu: 0.02,
//!     game: (benefit: 2.0, cost: 1.0, levels: (theta: 4.0, beta: 0.8)),
//!     steps: 200000,
//!     seed: 42,
//!     sweep: Some((q: [0.25, 1.0], mu: [0.01, 0.1])),
//! )
//! ```
//!
//! Only `name`, `groups` and `steps` are required:
//!
//! | field         | default            | meaning |
//! |---------------|--------------------|---------|
//! | `description` | `""`               | free text |
//! | `groups`      | (required)         | `(rule: .., count: .., political_weight: 0, politicization: 0, norm: None, params: {})` (`norm: Some("simple standing")`: the group judges by its own norm, private assessment only); a rule by name (`Discriminator`, `ALLC`, `ALLD`, `Generalized Reciprocity`, `Society Ledger` with `tolerance`, `Specific Reciprocity`, `Leading Eight L1`..`L8`) |
//! | `norm`        | `"stern judging"`  | `"image scoring"`, `"simple standing"`, `"shunning"`, `"L1"`..`"L8"` |
//! | `institution` | `Public`           | or `Private` (each state its own images; Z at most 65,536) |
//! | `q`           | `1.0`              | observation probability, in [0, 1] |
//! | `e`           | `0.0`              | execution error, in [0, 1] |
//! | `mu`          | `0.0`              | assessment error, in [0, 1] |
//! | `game`        | `(benefit: 2.0, cost: 1.0)` | the donation game, with the two-level parameters in `levels` (a `game` block of a tournament file; its political payoff must be `Derived`) |
//! | `mode`        | `Donation`         | or `SimultaneousPd` |
//! | `warmup`      | `0`                | steps run before measuring |
//! | `steps`       | (required)         | measured steps, at least 1 |
//! | `seed`        | `0`                | the seed of every run (each sweep point starts from it) |
//! | `replicates`  | `1`                | runs per sweep point, from seeds `seed`, `seed + 1`, ...; the CSV gives their mean and standard error |
//! | `sweep`       | `None`             | `Some((q: [..], mu: [..]))`: the grid of q and mu (an omitted list is the base value) |
//! | `evolution`   | `None`             | `Some((currency: Policy, beta: 1.0, mutation: 0.01, generations: 1000, steps_per_generation: 1000, evolving: Rule))`; `evolving: Norm` evolves each state's norm (private assessment) |
//! | `output`      | `None`             | folder for the CSV and JSON results |
//!
//! Every error names the file, a line and a column and what was expected,
//! before anything runs: syntax errors, unknown fields and unknown norms
//! where RON finds them; values out of range, unknown rules (with close
//! matches) and too small a society at the field that holds them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file};
use twolevel_game::error::{WholeRange, check_unit_interval, deserialize_seed};
use twolevel_game::{Currency, Norm, ParameterError, TwoLevelGame};
use twolevel_strategies::society::build_rule_with;

use super::engine::Trait;
use super::evolution::RuleEvolution;
use super::params::{
    EncounterMode, Group, Institution, SocietyParams, check_population, norm_kinds,
};
use super::payoffs::DonationGame;

/// The shipped society file (`tournaments/institutions.ron`), compiled in.
pub const DEFAULT_SOCIETY: &str = include_str!("../../tournaments/institutions.ron");

/// The display origin of [`DEFAULT_SOCIETY`] in error messages.
pub const DEFAULT_SOCIETY_ORIGIN: &str = "<embedded tournaments/institutions.ron>";

/// The donation game as written in a society file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GameEntry {
    /// The benefit b to the recipient of a cooperation (default 2).
    #[serde(default = "two")]
    pub benefit: f64,
    /// The cost c to the donor of a cooperation (default 1).
    #[serde(default = "one")]
    pub cost: f64,
    /// The two-level parameters (theta, beta, alpha, gamma, the derived
    /// political payoff); the policy matrix is replaced by the donation
    /// game.
    #[serde(default)]
    pub levels: TwoLevelGame,
}

impl Default for GameEntry {
    fn default() -> Self {
        GameEntry {
            benefit: two(),
            cost: one(),
            levels: TwoLevelGame::default(),
        }
    }
}

fn one() -> f64 {
    1.0
}

fn two() -> f64 {
    2.0
}

fn one_replicate() -> u32 {
    1
}

fn stern_judging() -> Norm {
    Norm::STERN_JUDGING
}

/// The grid of a sweep as written: levels of q and of mu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepEntry {
    /// The observation probabilities (empty: the file's `q`).
    #[serde(default)]
    pub q: Vec<f64>,
    /// The assessment errors (empty: the file's `mu`).
    #[serde(default)]
    pub mu: Vec<f64>,
}

/// An evolution of rules as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvolutionEntry {
    /// The fitness currency (default `Policy`).
    #[serde(default)]
    pub currency: Currency,
    /// The Fermi selection intensity beta (default 1).
    #[serde(default = "one")]
    pub beta: f64,
    /// The mutation probability per revision (default 0).
    #[serde(default)]
    pub mutation: f64,
    /// The number of generations (one revision each).
    #[serde(deserialize_with = "deserialize_generations")]
    pub generations: u64,
    /// The encounters per generation.
    #[serde(deserialize_with = "deserialize_steps_per_generation")]
    pub steps_per_generation: u64,
    /// What evolves: `Rule` (the default) or `Norm` (each state's norm,
    /// private assessment only).
    #[serde(default)]
    pub evolving: Trait,
}

/// A society file as written, before validation; see the [module
/// documentation](self).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Society", deny_unknown_fields)]
pub struct RawSocietyConfig {
    /// The society's name.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// The groups of states.
    pub groups: Vec<Group>,
    /// The assessment norm, by name.
    #[serde(default = "stern_judging")]
    pub norm: Norm,
    /// Public or private assessment.
    #[serde(default)]
    pub institution: Institution,
    /// The observation probability.
    #[serde(default = "one")]
    pub q: f64,
    /// The execution error.
    #[serde(default)]
    pub e: f64,
    /// The assessment error.
    #[serde(default)]
    pub mu: f64,
    /// The donation game and its two-level parameters.
    #[serde(default)]
    pub game: GameEntry,
    /// The encounter mode.
    #[serde(default)]
    pub mode: EncounterMode,
    /// Steps run before measuring.
    #[serde(default, deserialize_with = "deserialize_warmup")]
    pub warmup: u64,
    /// Steps measured.
    #[serde(deserialize_with = "deserialize_steps")]
    pub steps: u64,
    /// The seed.
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// The runs of each sweep point, from seeds `seed`, `seed + 1`, ...
    #[serde(default = "one_replicate", deserialize_with = "deserialize_replicates")]
    pub replicates: u32,
    /// A sweep over q and mu.
    #[serde(default)]
    pub sweep: Option<SweepEntry>,
    /// An evolution of rules.
    #[serde(default)]
    pub evolution: Option<EvolutionEntry>,
    /// The folder for result files.
    #[serde(default)]
    pub output: Option<String>,
}

/// The sizes a society's work grows with, as floats (see
/// [`SocietyConfig::work`]).
#[derive(Clone, Copy, Debug)]
struct SocietyWork {
    points: f64,
    replicates: f64,
    warmup: f64,
    steps: f64,
    generations: f64,
    steps_per_generation: f64,
}

impl SocietyWork {
    fn of(config: &SocietyConfig) -> SocietyWork {
        SocietyWork {
            points: (config.q_levels.len() * config.mu_levels.len()) as f64,
            replicates: f64::from(config.replicates),
            warmup: config.warmup as f64,
            steps: config.steps as f64,
            generations: config.evolution.map_or(0.0, |plan| plan.generations as f64),
            steps_per_generation: config
                .evolution
                .map_or(0.0, |plan| plan.process.steps_per_generation() as f64),
        }
    }
}

/// A validated evolution of rules: the process and how long it runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvolutionPlan {
    /// The pairwise-comparison process.
    pub process: RuleEvolution,
    /// The number of generations.
    pub generations: u64,
    /// The fitness currency (also inside `process`, kept for reports).
    pub currency: Currency,
}

/// A validated society file, ready to run.
#[derive(Clone, Debug)]
pub struct SocietyConfig {
    /// The society's name.
    pub name: String,
    /// Free text.
    pub description: String,
    /// The groups of states (rules and parameters checked).
    pub groups: Vec<Group>,
    /// The base parameters (norm, institution, q, e, mu, mode).
    pub params: SocietyParams,
    /// The donation game.
    pub game: DonationGame,
    /// Steps run before measuring.
    pub warmup: u64,
    /// Steps measured (at least 1).
    pub steps: u64,
    /// The seed of every run (of a sweep point's first replicate).
    pub seed: u64,
    /// The runs of each sweep point (at least 1).
    pub replicates: u32,
    /// The levels of q to sweep (just the base q without a sweep).
    pub q_levels: Vec<f64>,
    /// The levels of mu to sweep (just the base mu without a sweep).
    pub mu_levels: Vec<f64>,
    /// The evolution of rules, if any.
    pub evolution: Option<EvolutionPlan>,
    /// The folder for result files, if any.
    pub output: Option<PathBuf>,
    /// Where the file was read from.
    pub origin: PathBuf,
}

impl RawSocietyConfig {
    /// Validates the file; errors name the field as written in the file.
    pub fn validate(self, origin: impl AsRef<Path>) -> Result<SocietyConfig, ParameterError> {
        if self.name.trim().is_empty() {
            return Err(ParameterError::new("name", "expected a non-empty name"));
        }
        for (k, group) in self.groups.iter().enumerate() {
            build_rule_with(&group.rule, &group.params)
                .map_err(|e| e.within(&format!("groups[{k}]")))?;
        }
        let size: usize = self.groups.iter().map(|g| g.count as usize).sum();
        check_population(size, self.institution).map_err(|e| {
            ParameterError::new("groups", format!("{} (the counts add up to Z)", e.reason))
        })?;
        let params = SocietyParams::new(
            self.norm,
            self.institution,
            check_unit_interval("q", self.q)?,
            check_unit_interval("e", self.e)?,
            check_unit_interval("mu", self.mu)?,
        )?
        .with_mode(self.mode);
        norm_kinds(&params, &self.groups)?;
        let game = DonationGame::new(self.game.benefit, self.game.cost, &self.game.levels)
            .map_err(|e| e.within("game"))?;
        if self.steps == 0 {
            return Err(ParameterError::new("steps", "expected at least 1 step"));
        }
        if self.replicates == 0 {
            return Err(ParameterError::new(
                "replicates",
                "expected at least 1 run per sweep point",
            ));
        }
        let sweep = self.sweep.unwrap_or_default();
        let levels = |name: &str, values: Vec<f64>, base: f64| {
            if values.is_empty() {
                return Ok(vec![base]);
            }
            for (k, &value) in values.iter().enumerate() {
                check_unit_interval(&format!("sweep.{name}[{k}]"), value)?;
            }
            Ok(values)
        };
        let q_levels = levels("q", sweep.q, self.q)?;
        let mu_levels = levels("mu", sweep.mu, self.mu)?;
        let evolution = self
            .evolution
            .map(|entry| {
                if entry.evolving == Trait::Norm && self.institution == Institution::Public {
                    return Err(ParameterError::new(
                        "evolving",
                        "norms evolve under private assessment only (under public \
                         assessment the institution's norm is everyone's); set \
                         `institution: Private` or evolve `Rule`",
                    ));
                }
                let process = RuleEvolution::new(
                    entry.beta,
                    entry.mutation,
                    entry.steps_per_generation,
                    entry.currency,
                )?
                .evolving(entry.evolving);
                Ok(EvolutionPlan {
                    process,
                    generations: entry.generations,
                    currency: entry.currency,
                })
            })
            .transpose()
            .map_err(|e: ParameterError| e.within("evolution"))?;
        let config = SocietyConfig {
            name: self.name,
            description: self.description,
            groups: self.groups,
            params,
            game,
            warmup: self.warmup,
            steps: self.steps,
            seed: self.seed,
            replicates: self.replicates,
            q_levels,
            mu_levels,
            evolution,
            output: self.output.map(PathBuf::from),
            origin: origin.as_ref().to_path_buf(),
        };
        config.check_size()?;
        Ok(config)
    }
}

impl SocietyConfig {
    /// The same society with its master seed replaced by `seed`: the one
    /// rule [`AnyFile::with_seed`](crate::file::AnyFile::with_seed) and
    /// Python's dict-built societies follow (the evolution block draws
    /// from the same seed).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Parses and validates society RON text read from `origin`; every
    /// error carries the file, a line and a column.
    pub fn from_ron(text: &str, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        parse_ron::<RawSocietyConfig>(text, origin)?
            .validate(origin)
            .map_err(|error| ConfigError::from_parameter(origin, error).located_in(text))
    }

    /// Reads, parses and validates a society file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        SocietyConfig::from_ron(&read_text_file(path)?, path)
    }

    /// The shipped society ([`DEFAULT_SOCIETY`]).
    pub fn embedded_default() -> Result<Self, ConfigError> {
        SocietyConfig::from_ron(DEFAULT_SOCIETY, DEFAULT_SOCIETY_ORIGIN)
    }

    /// The number of states Z.
    #[must_use]
    pub fn size(&self) -> usize {
        self.groups.iter().map(|g| g.count as usize).sum()
    }

    /// The encounters of the longest run: a sweep point's warm-up and
    /// measured steps, or the evolution block's warm-up and generations,
    /// twice each in simultaneous mode (each member of a pair receives).
    fn longest_run(&self) -> f64 {
        let sweep = self.warmup as f64 + self.steps as f64;
        let evolution = self.evolution.map_or(0.0, |plan| {
            self.warmup as f64
                + plan.generations as f64 * plan.process.steps_per_generation() as f64
        });
        let per_step = match self.params.mode() {
            EncounterMode::Donation => 1.0,
            EncounterMode::SimultaneousPd => 2.0,
        };
        sweep.max(evolution) * per_step
    }

    /// The memory one run of the society takes (in bytes, as a float so
    /// that it cannot overflow): everything kept per state (the standing,
    /// or under private assessment a row of `Z` image bits; kind, norm,
    /// payoff class, history, totals; the encounter counts by partner class
    /// when there are few classes; the analytic anchor's vectors), and for
    /// a rule whose memory grows with the encounters
    /// ([`bytes_per_pair`](twolevel_game::SocietyRule::bytes_per_pair)) its
    /// pairs: at most a pair per encounter of the longest run, and at most
    /// its states times `Z`. Runs go one after another, so one society is
    /// alive at a time.
    #[must_use]
    pub fn memory(&self) -> f64 {
        let size = self.size() as f64;
        let classes = self.groups.len();
        let counts = if classes <= 8 {
            16.0 * classes as f64
        } else {
            0.0
        };
        let totals = std::mem::size_of::<super::StateTotals>() as f64;
        let anchor = if super::sweep::anchor_applies(self) {
            80.0
        } else {
            0.0
        };
        let per_state = 1.0 + 3.0 * 4.0 + 1.0 + 2.0 * 8.0 + totals + counts + anchor;
        let images = match self.params.institution() {
            Institution::Public => 0.0,
            Institution::Private => size * 8.0 * (size / 64.0).ceil(),
        };
        let encounters = self.longest_run();
        let pairs: f64 = self
            .groups
            .iter()
            .filter_map(|group| build_rule_with(&group.rule, &group.params).ok())
            .zip(&self.groups)
            .map(|(rule, group)| {
                let pairs = (f64::from(group.count) * size).min(encounters);
                rule.bytes_per_pair() as f64 * pairs
            })
            .sum();
        size * per_state + images + pairs
    }

    /// The work of the file, in encounters: every sweep point's replicates
    /// of warm-up and measured steps, and the evolution block's warm-up and
    /// generations of `steps_per_generation` steps (and a pass over the
    /// states each generation). Under private assessment a step also
    /// updates the images of about `q Z` observers (with the largest q of
    /// the sweep).
    #[must_use]
    pub fn work(&self) -> f64 {
        self.work_with(&SocietyWork::of(self))
    }

    /// The work of the file with the sizes in `sizes`.
    fn work_with(&self, sizes: &SocietyWork) -> f64 {
        let size = self.size() as f64;
        let per_step = match self.params.institution() {
            Institution::Public => 1.0,
            Institution::Private => 1.0 + size * self.q_levels.iter().copied().fold(0.0, f64::max),
        };
        let per_step = per_step
            * match self.params.mode() {
                EncounterMode::Donation => 1.0,
                EncounterMode::SimultaneousPd => 2.0,
            };
        let sweep = sizes.points * sizes.replicates * (sizes.warmup + sizes.steps) * per_step;
        let evolution = if self.evolution.is_some() {
            sizes.warmup * per_step
                + sizes.generations * (sizes.steps_per_generation * per_step + 2.0 * size)
        } else {
            0.0
        };
        sweep + evolution
    }

    /// The estimated size of the society's result files (in bytes;
    /// [`society_output`](crate::limits::society_output)): the sweep's
    /// points and, with an evolution block, a row of counts a generation.
    #[must_use]
    pub fn output_bytes(&self) -> f64 {
        crate::limits::society_output(
            self.q_levels.len() * self.mu_levels.len(),
            self.evolution.map_or(0, |plan| plan.generations),
            // The kinds of rule, or the distinct norms (the society's and
            // the groups'), whichever evolves.
            self.groups.len() + 1,
            self.size(),
        )
    }

    /// Refuses, before anything runs, a society whose [result
    /// files](Self::output_bytes) would exceed the [output
    /// limit](crate::limits::output_limit), naming the field whose part is
    /// the larger: `evolution.generations` (a row a generation) or
    /// `sweep` (a row a grid point).
    pub fn check_output(&self) -> Result<(), ParameterError> {
        let points = self.q_levels.len() * self.mu_levels.len();
        let sweep = crate::limits::society_output(points, 0, 0, 0);
        let total = self.output_bytes();
        let field = if total - sweep > sweep {
            "evolution.generations"
        } else {
            "sweep"
        };
        crate::limits::check_output(field, "the society's result files", total)
    }

    /// Refuses, before anything runs, a society whose [memory](Self::memory)
    /// exceeds the [memory limit](crate::limits::memory_limit) (naming
    /// `groups`, whose counts add up to Z), whose evolution block's history
    /// would not fit ([`SocietyEvolution::check`](crate::evolution::SocietyEvolution::check)),
    /// or whose [work](Self::work)
    /// exceeds the [work limit](crate::limits::work_limit), naming the
    /// field to lower (`replicates`, `sweep`, `warmup`, `steps`,
    /// `evolution.generations` or `evolution.steps_per_generation`).
    pub fn check_size(&self) -> Result<(), ParameterError> {
        crate::limits::check_memory("groups", "the society", self.memory())?;
        // The evolution block's history of counts, one row a generation.
        crate::evolution::SocietyEvolution::check(self)?;
        let sizes = SocietyWork::of(self);
        let at = |change: fn(&mut SocietyWork)| {
            let mut smallest = sizes;
            change(&mut smallest);
            self.work_with(&smallest)
        };
        // The runs' multiplicity first, then their lengths.
        let mut factors = vec![
            ("replicates", at(|s| s.replicates = 1.0)),
            ("sweep", at(|s| s.points = 1.0)),
            ("warmup", at(|s| s.warmup = 0.0)),
            ("steps", at(|s| s.steps = 1.0)),
        ];
        if self.evolution.is_some() {
            factors.push(("evolution.generations", at(|s| s.generations = 1.0)));
            factors.push((
                "evolution.steps_per_generation",
                at(|s| s.steps_per_generation = 1.0),
            ));
        }
        crate::limits::check_work("the society", "encounters", self.work(), &factors)
    }
}

/// The valid ranges of a society file's whole-number fields.
impl RawSocietyConfig {
    /// `warmup`: steps run before measuring.
    pub const WARMUP: WholeRange = WholeRange::new("warmup", "steps", 0, u64::MAX);
    /// `steps`: steps measured.
    pub const STEPS: WholeRange = WholeRange::new("steps", "steps", 1, u64::MAX);
    /// `replicates`: runs of each sweep point.
    pub const REPLICATES: WholeRange =
        WholeRange::new("replicates", "replicates", 1, u32::MAX as u64);
    /// `evolution.generations`.
    pub const GENERATIONS: WholeRange = WholeRange::new("generations", "generations", 1, u64::MAX);
    /// `evolution.steps_per_generation`.
    pub const STEPS_PER_GENERATION: WholeRange =
        WholeRange::new("steps_per_generation", "encounters", 1, u64::MAX);
    /// `groups[k].count`: states following a rule.
    pub const COUNT: WholeRange = WholeRange::new("count", "states", 0, u32::MAX as u64);
}

/// Reads `warmup` ([`RawSocietyConfig::WARMUP`]).
fn deserialize_warmup<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    RawSocietyConfig::WARMUP.deserialize(d)
}

/// Reads `steps` ([`RawSocietyConfig::STEPS`]).
fn deserialize_steps<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    RawSocietyConfig::STEPS.deserialize(d)
}

/// Reads `replicates` ([`RawSocietyConfig::REPLICATES`]).
fn deserialize_replicates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawSocietyConfig::REPLICATES.deserialize(d)
}

/// Reads `generations` ([`RawSocietyConfig::GENERATIONS`]).
fn deserialize_generations<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    RawSocietyConfig::GENERATIONS.deserialize(d)
}

/// Reads `steps_per_generation` ([`RawSocietyConfig::STEPS_PER_GENERATION`]).
fn deserialize_steps_per_generation<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<u64, D::Error> {
    RawSocietyConfig::STEPS_PER_GENERATION.deserialize(d)
}

/// Reads a group's `count` ([`RawSocietyConfig::COUNT`]).
pub(crate) fn deserialize_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawSocietyConfig::COUNT.deserialize(d)
}
