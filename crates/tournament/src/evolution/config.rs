//! The `evolution` block of a tournament file: which process to run on the
//! round-robin payoffs, with which population, mutation and selection.
//!
//! Evolution follows the indirect evolutionary approach (Güth and Yaari
//! 1992): a state's type (strategy, political weight, patience) is what is
//! inherited or imitated, and selection acts on the payoff in the block's
//! `fitness` currency: the policy payoff by default, the political payoff
//! (electoral survival) or the player's own utility (each actor's own
//! yardstick, which is not comparable between players with different
//! political weights) when the block says so. The `selection` field is the
//! map from that payoff to a reproductive fitness in the Moran process.
//!
//! The block is written in RON as an [`RawEvolutionConfig`] (every field has
//! a default, unknown fields are rejected) and validated into an
//! [`EvolutionConfig`] when it is deserialized:
//!
//! ```
//! use twolevel_game::Currency;
//! use twolevel_tournament::evolution::{EvolutionConfig, Process, SelectionKind};
//!
//! let config: EvolutionConfig = ron::from_str(
//!     "(process: Moran, population: 100, fitness: Policy, selection: Exponential(0.5), runs: 10)",
//! )?;
//! assert_eq!(config.process(), Process::Moran);
//! assert_eq!(config.fitness(), Currency::Policy);
//! assert_eq!(config.selection().kind(), SelectionKind::Exponential(0.5));
//! assert_eq!(config.population(), 100);
//! # Ok::<(), ron::error::SpannedError>(())
//! ```

use serde::{Deserialize, Serialize};
use twolevel_game::error::{
    WholeRange, check_unit_interval, deserialize_seed_option, format_number,
};

pub(crate) use super::selection::check_intensity;
pub use super::selection::{Selection, SelectionKind};

use crate::limits::check_at_most;
use twolevel_game::{Currency, ParameterError};

/// Which evolutionary process runs on the payoff table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Process {
    /// The frequency-dependent Moran birth-death process in a finite
    /// population (Nowak et al. 2004): one individual reproduces with
    /// probability proportional to its fitness, its offspring replaces a
    /// uniformly chosen individual.
    #[default]
    Moran,
    /// Pairwise comparison with the Fermi rule (Traulsen, Nowak & Pacheco
    /// 2006): a random focal individual imitates a random model with
    /// probability `1 / (1 + exp(-beta (payoff_model - payoff_focal)))`.
    PairwiseComparison,
    /// Axelrod's ecological simulation (1984, ch. 3): the discrete-time
    /// replicator map `x_i' = x_i f_i / f_bar` on population shares.
    Ecological,
    /// The continuous replicator equation `dx_i/dt = x_i (f_i - f_bar)`,
    /// integrated in log shares with the adaptive Dormand-Prince 5(4) pair
    /// (see [`replicator`](super::replicator)).
    Replicator,
}

impl Process {
    /// Whether the process is stochastic (a finite population driven by the
    /// RNG) rather than a deterministic map on shares.
    #[must_use]
    pub fn is_stochastic(self) -> bool {
        matches!(self, Process::Moran | Process::PairwiseComparison)
    }
}

/// The initial population.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Initial {
    /// Every player equally represented. In a finite population of `N`
    /// individuals and `n` players, the first `N mod n` players get one
    /// individual more than the others.
    #[default]
    Equal,
    /// Individuals per player, in player order; they must sum to the
    /// population size.
    Counts(#[serde(deserialize_with = "deserialize_counts")] Vec<u32>),
    /// Shares per player, in player order: non-negative, summing to 1. A
    /// finite population rounds them to counts by the largest-remainder
    /// method.
    Shares(Vec<f64>),
}

/// Where a stochastic process gets its payoffs from, when it runs on a
/// tournament.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum PayoffMode {
    /// The round robin's mean payoff per turn of each pair, over its
    /// repetitions: exact for deterministic strategies and fixed horizons,
    /// an estimate of the expected payoff otherwise. Fast.
    #[default]
    Mean,
    /// Matches actually played before every step between the types present
    /// (see [`SampledPayoffs`](super::SampledPayoffs)): the payoffs of
    /// stochastic strategies, noise and random match lengths as they fall.
    /// Costs `k (k + 1) / 2` matches per step with `k` types present.
    Matches,
}

/// What a run records of its trajectory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Record {
    /// The state after every generation (for the Moran and pairwise
    /// comparison processes a generation is `N` elementary steps; for the
    /// replicator equation it is one integration step).
    #[default]
    Generation,
    /// The state after every elementary step (birth-death or imitation
    /// event); the same as `Generation` for the deterministic processes.
    Step,
    /// Only the initial and the final state (for fixation experiments with
    /// many runs).
    Final,
}

/// The `evolution` block as written in RON, before validation.
///
/// Every field has a default, so `()` is a valid block: a Moran process in
/// a population of 100 with equal initial counts, no mutation, selection
/// on the policy payoff with fitness `exp(payoff)`, at most 10 000
/// generations, one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, rename = "EvolutionConfig")]
pub struct RawEvolutionConfig {
    /// The process; see [`Process`].
    pub process: Process,
    /// The population size `N` (at least 2). The deterministic processes
    /// only use it to turn initial counts into shares.
    #[serde(deserialize_with = "deserialize_population")]
    pub population: u32,
    /// The initial population; see [`Initial`].
    pub initial: Initial,
    /// The mutation (exploration) probability per reproduction or imitation
    /// event, in [0, 1]. With 0 a stochastic run stops at fixation.
    pub mutation: f64,
    /// The currency selection acts on: the payoff per turn that is a
    /// type's fitness (Moran), what an imitator compares (pairwise
    /// comparison) and what the shares grow by (ecological, replicator).
    /// `Policy` (the default), `Political` or `Utility`; see [`Currency`].
    /// The map written here before the currencies (`Exponential(..)`,
    /// `Linear(..)`) is refused with a message pointing to `selection`.
    #[serde(deserialize_with = "fitness_currency")]
    pub fitness: Currency,
    /// The payoff-to-fitness map of the Moran process; see [`Selection`].
    pub selection: Selection,
    /// Where the stochastic processes get their payoffs; see
    /// [`PayoffMode`].
    pub payoffs: PayoffMode,
    /// The imitation intensity `beta` of the Fermi rule (pairwise
    /// comparison), in [0, [`Selection::MAX_INTENSITY`]].
    pub fermi_beta: f64,
    /// The maximum number of generations (stochastic processes, ecological
    /// map) or recording intervals (replicator equation), at least 1.
    #[serde(deserialize_with = "deserialize_generations")]
    pub generations: u64,
    /// The recording interval `dt > 0` of the replicator equation (the
    /// integrator chooses its own steps within it).
    pub step: f64,
    /// How many independent runs (for fixation frequencies), at least 1.
    #[serde(deserialize_with = "deserialize_runs")]
    pub runs: u32,
    /// What each run records; see [`Record`].
    pub record: Record,
    /// The seed of the runs; `None` reuses the tournament's seed.
    #[serde(deserialize_with = "deserialize_seed_option")]
    pub seed: Option<u64>,
    /// Where to write the trajectories as CSV, if anywhere.
    pub output: Option<String>,
}

/// Reads `Counts([..])`, every count through [`EvolutionConfig::COUNTS`].
fn deserialize_counts<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
    /// One count of individuals.
    struct Count(u32);

    impl<'de> Deserialize<'de> for Count {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            EvolutionConfig::COUNTS.deserialize(d).map(Count)
        }
    }

    Ok(Vec::<Count>::deserialize(d)?
        .into_iter()
        .map(|count| count.0)
        .collect())
}

/// Reads `population` ([`EvolutionConfig::POPULATION`]).
fn deserialize_population<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    EvolutionConfig::POPULATION.deserialize(d)
}

/// Reads `generations` ([`EvolutionConfig::GENERATIONS`]).
fn deserialize_generations<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    EvolutionConfig::GENERATIONS.deserialize(d)
}

/// Reads `runs` ([`EvolutionConfig::RUNS`]).
fn deserialize_runs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    EvolutionConfig::RUNS.deserialize(d)
}

/// How the `fitness` field may be spelt: a currency, or the
/// payoff-to-fitness map it held before the currencies, which is refused.
#[derive(Deserialize)]
#[serde(rename = "Currency")]
enum FitnessSpelling {
    Policy,
    Political,
    Utility,
    Linear(f64),
    Exponential(f64),
}

/// Deserializes the `fitness` currency; the old spelling of the map fails
/// with a message that names `selection`.
fn fitness_currency<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Currency, D::Error> {
    let old = |map: String| {
        serde::de::Error::custom(format!(
            "`fitness` now names the currency selection acts on: `Policy` (the default), \
             `Political` or `Utility`; the payoff-to-fitness map moved to `selection: {map}`"
        ))
    };
    match FitnessSpelling::deserialize(deserializer)? {
        FitnessSpelling::Policy => Ok(Currency::Policy),
        FitnessSpelling::Political => Ok(Currency::Political),
        FitnessSpelling::Utility => Ok(Currency::Utility),
        FitnessSpelling::Linear(w) => Err(old(format!("Linear({w:?})"))),
        FitnessSpelling::Exponential(beta) => Err(old(format!("Exponential({beta:?})"))),
    }
}

impl Default for RawEvolutionConfig {
    fn default() -> Self {
        RawEvolutionConfig {
            process: Process::Moran,
            population: 100,
            initial: Initial::Equal,
            mutation: 0.0,
            fitness: Currency::Policy,
            selection: Selection::default(),
            payoffs: PayoffMode::Mean,
            fermi_beta: 1.0,
            generations: 10_000,
            step: 0.01,
            runs: 1,
            record: Record::Generation,
            seed: None,
            output: None,
        }
    }
}

/// A validated `evolution` block; see [`RawEvolutionConfig`] for the
/// fields. Build one with `EvolutionConfig::try_from(raw)` or by
/// deserializing, which validates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawEvolutionConfig", into = "RawEvolutionConfig")]
pub struct EvolutionConfig {
    raw: RawEvolutionConfig,
}

impl TryFrom<RawEvolutionConfig> for EvolutionConfig {
    type Error = ParameterError;

    fn try_from(raw: RawEvolutionConfig) -> Result<Self, Self::Error> {
        if raw.population < 2 {
            return Err(ParameterError::new(
                "population",
                format!(
                    "expected a population of at least 2 individuals, got {}",
                    raw.population
                ),
            ));
        }
        check_unit_interval("mutation", raw.mutation)?;
        check_intensity("fermi_beta", raw.fermi_beta)?;
        if raw.generations == 0 {
            return Err(ParameterError::new(
                "generations",
                "expected at least 1 generation, got 0",
            ));
        }
        if !(raw.step.is_finite() && raw.step > 0.0) {
            return Err(ParameterError::new(
                "step",
                format!("expected a finite integration step > 0, got {}", raw.step),
            ));
        }
        if raw.process == Process::Replicator {
            // The run's length in time units, `generations x step`: past
            // 1e100 a payoff of the documented limit (1e100) times the time
            // would leave the range of f64 in the log shares.
            let length = raw.step * raw.generations as f64;
            if length > EvolutionConfig::MAX_REPLICATOR_TIME {
                return Err(ParameterError::new(
                    "step",
                    format!(
                        "expected a recording interval with generations x step at most {} \
                         (the replicator equation's time span), got {} x {} = {}; lower \
                         `step` (or `generations`)",
                        format_number(EvolutionConfig::MAX_REPLICATOR_TIME),
                        raw.generations,
                        format_number(raw.step),
                        format_number(length),
                    ),
                ));
            }
        }
        if raw.runs == 0 {
            return Err(ParameterError::new(
                "runs",
                "expected at least 1 run, got 0",
            ));
        }
        check_at_most(
            "population",
            "individuals",
            u64::from(raw.population),
            u64::from(EvolutionConfig::MAX_POPULATION),
        )?;
        check_at_most(
            "generations",
            "generations",
            raw.generations,
            EvolutionConfig::MAX_GENERATIONS,
        )?;
        check_at_most(
            "runs",
            "runs",
            u64::from(raw.runs),
            u64::from(EvolutionConfig::MAX_RUNS),
        )?;
        if matches!(raw.process, Process::Moran | Process::PairwiseComparison) {
            let events =
                u128::from(raw.generations) * u128::from(raw.population) * u128::from(raw.runs);
            if events > u128::from(EvolutionConfig::MAX_EVENTS) {
                return Err(ParameterError::new(
                    "generations",
                    format!(
                        "generations x population x runs = {events} elementary events, more \
                         than the limit of {} (about hours of work); lower `generations`, \
                         `population` or `runs`",
                        EvolutionConfig::MAX_EVENTS
                    ),
                ));
            }
        }
        match &raw.initial {
            Initial::Equal => {}
            Initial::Counts(counts) => check_counts(counts, raw.population)?,
            Initial::Shares(shares) => {
                check_shares(shares)?;
            }
        }
        if matches!(&raw.output, Some(path) if path.trim().is_empty()) {
            return Err(ParameterError::new(
                "output",
                "expected a file path or no `output`, got an empty path",
            ));
        }
        Ok(EvolutionConfig { raw })
    }
}

impl From<EvolutionConfig> for RawEvolutionConfig {
    fn from(config: EvolutionConfig) -> Self {
        config.raw
    }
}

fn check_counts(counts: &[u32], population: u32) -> Result<(), ParameterError> {
    if counts.is_empty() {
        return Err(ParameterError::new(
            "initial.Counts",
            "expected one count per player, got an empty population",
        ));
    }
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total != u64::from(population) {
        return Err(ParameterError::new(
            "initial.Counts",
            format!("expected counts summing to the population {population}, got {total}"),
        ));
    }
    Ok(())
}

fn check_shares(shares: &[f64]) -> Result<f64, ParameterError> {
    if shares.is_empty() {
        return Err(ParameterError::new(
            "initial.Shares",
            "expected one share per player, got an empty population",
        ));
    }
    if let Some(bad) = shares.iter().find(|s| !(s.is_finite() && **s >= 0.0)) {
        return Err(ParameterError::new(
            "initial.Shares",
            format!("expected finite shares >= 0, got {bad}"),
        ));
    }
    let total: f64 = shares.iter().sum();
    if (total - 1.0).abs() > 1e-9 {
        return Err(ParameterError::new(
            "initial.Shares",
            format!("expected shares summing to 1, got {total}"),
        ));
    }
    Ok(total)
}

fn check_player_count(given: usize, players: usize) -> Result<(), ParameterError> {
    if given == players {
        Ok(())
    } else {
        Err(ParameterError::new(
            "initial",
            format!("expected one entry per player ({players}), got {given}"),
        ))
    }
}

impl EvolutionConfig {
    /// The largest population.
    pub const MAX_POPULATION: u32 = 1_000_000;
    /// The most generations (or recording intervals of the replicator
    /// equation).
    pub const MAX_GENERATIONS: u64 = 100_000_000;
    /// The most independent runs.
    pub const MAX_RUNS: u32 = 1_000_000;
    /// The valid range of `population`: from 2 to
    /// [`EvolutionConfig::MAX_POPULATION`] individuals.
    pub const POPULATION: WholeRange = WholeRange::new(
        "population",
        "individuals",
        2,
        EvolutionConfig::MAX_POPULATION as u64,
    );
    /// The valid range of `generations`: from 1 to
    /// [`EvolutionConfig::MAX_GENERATIONS`].
    pub const GENERATIONS: WholeRange = WholeRange::new(
        "generations",
        "generations",
        1,
        EvolutionConfig::MAX_GENERATIONS,
    );
    /// The widest range of each of the initial `Counts([..])`: from 0 to
    /// [`EvolutionConfig::MAX_POPULATION`] individuals (they must also sum
    /// to the population).
    pub const COUNTS: WholeRange = WholeRange::new(
        "initial",
        "individuals",
        0,
        EvolutionConfig::MAX_POPULATION as u64,
    );
    /// The valid range of `runs`: from 1 to [`EvolutionConfig::MAX_RUNS`].
    pub const RUNS: WholeRange =
        WholeRange::new("runs", "runs", 1, EvolutionConfig::MAX_RUNS as u64);
    /// The longest time span `generations x step` of the replicator
    /// equation: times a payoff of the documented limit (1e100), the log
    /// shares stay far inside the range of f64.
    pub const MAX_REPLICATOR_TIME: f64 = 1e100;
    /// The most elementary events (generations x population x runs) of a
    /// Moran or pairwise-comparison run: about hours of work.
    pub const MAX_EVENTS: u64 = 1_000_000_000_000;

    /// Refuses, before anything runs, a block whose recorded trajectories
    /// for `types` types would exceed the [memory
    /// limit](crate::limits::memory_limit): every run keeps one row of
    /// `types` numbers (and a time) per recorded generation, per step with
    /// [`Record::Step`], or two with [`Record::Final`].
    pub fn check_memory(&self, types: usize) -> Result<(), ParameterError> {
        let row = 8.0 * (types as f64 + 1.0) + 24.0;
        crate::limits::check_memory(
            "generations",
            "recording the evolution's trajectories",
            f64::from(self.raw.runs) * self.recorded_rows() * row,
        )
    }

    /// The rows one run records: one per recorded generation (and the
    /// start), one per step with [`Record::Step`], or two with
    /// [`Record::Final`].
    fn recorded_rows(&self) -> f64 {
        let generations = self.raw.generations as f64 + 1.0;
        match self.raw.record {
            Record::Final => 2.0,
            Record::Generation => generations,
            Record::Step => generations * f64::from(self.raw.population),
        }
    }

    /// The size of the block's `evolution.csv` for `types` types (in bytes,
    /// as a float so that it cannot overflow; see
    /// [`limits::evolution_output`](crate::limits::evolution_output)): every
    /// run's recorded rows for a stochastic process, one trajectory of
    /// recorded generations for the deterministic dynamics.
    #[must_use]
    pub fn output_bytes(&self, types: usize) -> f64 {
        let runs = if self.raw.process.is_stochastic() {
            f64::from(self.raw.runs)
        } else {
            1.0
        };
        crate::limits::evolution_output(runs * self.recorded_rows(), types)
    }

    /// The work of the block for `types` types whose matches run over
    /// `horizon`, in units of [`check_work`](crate::limits::check_work): a
    /// stochastic process does `generations x population x runs`
    /// elementary events, and with `payoffs: Matches` each event first
    /// plays a match between every pair of types present (`k (k + 1) / 2`
    /// matches with `k`, at most the types and the population, counted at
    /// its largest) of the horizon's expected length. The deterministic
    /// dynamics cost a bounded number of steps per generation and count
    /// one unit per generation.
    #[must_use]
    pub fn work(&self, types: usize, horizon: twolevel_game::Horizon) -> f64 {
        self.work_with(
            types,
            horizon,
            self.raw.generations as f64,
            f64::from(self.raw.population),
            f64::from(self.raw.runs),
            self.raw.payoffs,
        )
    }

    /// The work of the block with the given sizes and payoffs.
    fn work_with(
        &self,
        types: usize,
        horizon: twolevel_game::Horizon,
        generations: f64,
        population: f64,
        runs: f64,
        payoffs: PayoffMode,
    ) -> f64 {
        if !self.raw.process.is_stochastic() {
            return generations;
        }
        let events = generations * population * runs;
        match payoffs {
            PayoffMode::Mean => events,
            PayoffMode::Matches => {
                let present = (types as f64).min(population);
                let matches = present * (present + 1.0) / 2.0;
                events * (1.0 + crate::limits::games_work(matches, horizon, 1.0))
            }
        }
    }

    /// Refuses, before anything runs, a block whose [work](Self::work),
    /// added to `other_work` (the round robin's before it), exceeds the
    /// [work limit](crate::limits::work_limit), naming the field of the
    /// block to lower (`payoffs`, `generations`, `runs` or `population`).
    pub fn check_work(
        &self,
        types: usize,
        horizon: twolevel_game::Horizon,
        other_work: f64,
    ) -> Result<(), ParameterError> {
        let (generations, population, runs, payoffs) = (
            self.raw.generations as f64,
            f64::from(self.raw.population),
            f64::from(self.raw.runs),
            self.raw.payoffs,
        );
        let at = |generations, population, runs, payoffs| {
            other_work + self.work_with(types, horizon, generations, population, runs, payoffs)
        };
        // Played matches first: the mean table is the usual way out.
        let mut factors = Vec::with_capacity(4);
        if payoffs == PayoffMode::Matches && self.raw.process.is_stochastic() {
            factors.push((
                "payoffs",
                at(generations, population, runs, PayoffMode::Mean),
            ));
        }
        factors.extend([
            ("generations", at(1.0, population, runs, payoffs)),
            ("runs", at(generations, population, 1.0, payoffs)),
            ("population", at(generations, 2.0, runs, payoffs)),
        ]);
        crate::limits::check_work(
            "the round robin and its evolution block",
            "match turns and events",
            other_work + self.work(types, horizon),
            &factors,
        )
    }

    /// Refuses, before anything runs, a Moran `selection` that could give a
    /// non-positive or infinite fitness to a payoff in `[low, high]`, the
    /// range of payoffs the round robin can produce (see
    /// [`stage_payoff_range`](super::tournament::stage_payoff_range)). The
    /// other processes do not use `selection` and always pass.
    pub fn check_fitness(&self, low: f64, high: f64) -> Result<(), ParameterError> {
        if self.raw.process != Process::Moran {
            return Ok(());
        }
        let selection = self.raw.selection;
        selection.check_range(low, high).map_err(|_| {
            let advice = match selection.kind() {
                // 1 - w + w * low > 0 exactly when w < 1 / (1 - low).
                SelectionKind::Linear(_) => format!(
                    "use a linear intensity below {} or `Exponential(beta)`",
                    format_number(1.0 / (1.0 - low))
                ),
                // exp(beta * high) is finite while beta * high < ln(f64::MAX).
                SelectionKind::Exponential(_) => format!(
                    "use an exponential intensity below {}",
                    format_number(f64::MAX.ln() / high)
                ),
            };
            ParameterError::new(
                "selection",
                format!(
                    "this game's payoffs per turn in the `fitness` currency can range over \
                     [{}, {}], where {:?} gives fitnesses {} and {}, but every \
                     fitness must be positive and finite; {advice}",
                    format_number(low),
                    format_number(high),
                    selection.kind(),
                    format_number(selection.of(low)),
                    format_number(selection.of(high)),
                ),
            )
        })
    }

    /// The process.
    #[must_use]
    pub fn process(&self) -> Process {
        self.raw.process
    }

    /// The population size `N`.
    #[must_use]
    pub fn population(&self) -> u32 {
        self.raw.population
    }

    /// The initial population as written.
    #[must_use]
    pub fn initial(&self) -> &Initial {
        &self.raw.initial
    }

    /// The mutation probability.
    #[must_use]
    pub fn mutation(&self) -> f64 {
        self.raw.mutation
    }

    /// The currency selection acts on.
    #[must_use]
    pub fn fitness(&self) -> Currency {
        self.raw.fitness
    }

    /// The payoff-to-fitness map of the Moran process.
    #[must_use]
    pub fn selection(&self) -> Selection {
        self.raw.selection
    }

    /// Where the stochastic processes get their payoffs.
    #[must_use]
    pub fn payoffs(&self) -> PayoffMode {
        self.raw.payoffs
    }

    /// The Fermi imitation intensity.
    #[must_use]
    pub fn fermi_beta(&self) -> f64 {
        self.raw.fermi_beta
    }

    /// The maximum number of generations or integration steps.
    #[must_use]
    pub fn generations(&self) -> u64 {
        self.raw.generations
    }

    /// The replicator integration step.
    #[must_use]
    pub fn step(&self) -> f64 {
        self.raw.step
    }

    /// The number of independent runs.
    #[must_use]
    pub fn runs(&self) -> u32 {
        self.raw.runs
    }

    /// What each run records.
    #[must_use]
    pub fn record(&self) -> Record {
        self.raw.record
    }

    /// The configured seed, if any (otherwise the tournament's).
    #[must_use]
    pub fn seed(&self) -> Option<u64> {
        self.raw.seed
    }

    /// The CSV output path, if any.
    #[must_use]
    pub fn output(&self) -> Option<&str> {
        self.raw.output.as_deref()
    }

    /// Checks the block against the number of players of the tournament
    /// (one initial count or share per player), before anything runs.
    pub fn check_players(&self, players: usize) -> Result<(), ParameterError> {
        self.initial_counts(players).map(|_| ())
    }

    /// The initial counts of a finite population of [`population`](Self::population)
    /// individuals over `players` types, in player order.
    pub fn initial_counts(&self, players: usize) -> Result<Vec<u32>, ParameterError> {
        if players == 0 {
            return Err(ParameterError::new(
                "players",
                "expected at least one player, got none",
            ));
        }
        let population = self.raw.population;
        match &self.raw.initial {
            Initial::Equal => {
                let n = u32::try_from(players).map_err(|_| {
                    ParameterError::new("players", format!("too many players: {players}"))
                })?;
                Ok((0..n)
                    .map(|i| population / n + u32::from(i < population % n))
                    .collect())
            }
            Initial::Counts(counts) => {
                check_player_count(counts.len(), players)?;
                Ok(counts.clone())
            }
            Initial::Shares(shares) => {
                check_player_count(shares.len(), players)?;
                Ok(largest_remainder(shares, population))
            }
        }
    }

    /// The initial shares over `players` types, in player order (counts
    /// are divided by the population size).
    pub fn initial_shares(&self, players: usize) -> Result<Vec<f64>, ParameterError> {
        match &self.raw.initial {
            Initial::Equal => {
                if players == 0 {
                    return Err(ParameterError::new(
                        "players",
                        "expected at least one player, got none",
                    ));
                }
                Ok(vec![1.0 / players as f64; players])
            }
            Initial::Counts(_) => {
                let counts = self.initial_counts(players)?;
                let total = f64::from(self.raw.population);
                Ok(counts.iter().map(|&c| f64::from(c) / total).collect())
            }
            Initial::Shares(shares) => {
                check_player_count(shares.len(), players)?;
                let total: f64 = shares.iter().sum();
                Ok(shares.iter().map(|s| s / total).collect())
            }
        }
    }
}

/// Rounds shares (summing to 1) to integer counts summing to `population`
/// by the largest-remainder (Hamilton) method; ties go to the earlier
/// player.
fn largest_remainder(shares: &[f64], population: u32) -> Vec<u32> {
    let total: f64 = shares.iter().sum();
    let quotas: Vec<f64> = shares
        .iter()
        .map(|s| s / total * f64::from(population))
        .collect();
    // Quotas are in [0, population], so the truncation is exact and in range.
    let mut counts: Vec<u32> = quotas.iter().map(|q| q.floor() as u32).collect();
    let assigned: u32 = counts.iter().sum();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = quotas[a] - quotas[a].floor();
        let rb = quotas[b] - quotas[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order
        .iter()
        .take(population.saturating_sub(assigned) as usize)
    {
        counts[i] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<EvolutionConfig, String> {
        ron::from_str::<EvolutionConfig>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn defaults_are_valid() {
        let config = parse("()").unwrap();
        assert_eq!(config, EvolutionConfig::default());
        assert_eq!(config.population(), 100);
        assert_eq!(config.initial_counts(3).unwrap(), vec![34, 33, 33]);
    }

    #[test]
    fn bad_fields_are_named() {
        for (text, field) in [
            ("(population: 1)", "population"),
            ("(mutation: 1.5)", "mutation"),
            ("(mutation: -0.1)", "mutation"),
            ("(selection: Linear(1.2))", "selection.Linear"),
            ("(selection: Exponential(-1.0))", "selection.Exponential"),
            ("(fermi_beta: -2.0)", "fermi_beta"),
            ("(fermi_beta: 1e308)", "fermi_beta"),
            ("(selection: Exponential(1e101))", "selection.Exponential"),
            ("(generations: 0)", "generations"),
            ("(step: 0.0)", "step"),
            ("(runs: 0)", "runs"),
            (
                "(population: 10, initial: Counts([3, 3]))",
                "initial.Counts",
            ),
            ("(initial: Counts([]))", "initial.Counts"),
            ("(initial: Shares([0.5, 0.6]))", "initial.Shares"),
            ("(output: Some(\"\"))", "output"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.contains(&format!("`{field}`")), "{text}: {err}");
        }
        assert!(parse("(populaton: 10)").unwrap_err().contains("populaton"));
    }

    #[test]
    fn fitness_names_a_currency_and_the_old_map_spelling_is_refused() {
        assert_eq!(parse("()").unwrap().fitness(), Currency::Policy);
        for (text, currency) in [
            ("(fitness: Policy)", Currency::Policy),
            ("(fitness: Political)", Currency::Political),
            ("(fitness: Utility)", Currency::Utility),
        ] {
            assert_eq!(parse(text).unwrap().fitness(), currency);
        }
        // Before the currencies, `fitness` was the payoff-to-fitness map; an
        // old file fails naming the currencies it now expects and where the
        // map went.
        let err = parse("(fitness: Exponential(0.5))").unwrap_err();
        assert!(
            err.contains("Policy")
                && err.contains("Utility")
                && err.contains("selection: Exponential(0.5)"),
            "{err}"
        );
        let err = parse("(fitness: Linear(1.0))").unwrap_err();
        assert!(err.contains("selection: Linear(1.0)"), "{err}");
        assert!(parse("(fitness: Welfare)").unwrap_err().contains("Welfare"));
        assert_eq!(
            parse("(selection: Exponential(0.5))").unwrap().selection(),
            Selection::exponential(0.5).unwrap()
        );
    }

    #[test]
    fn shares_round_to_counts() {
        let config = parse("(population: 10, initial: Shares([0.25, 0.25, 0.5]))").unwrap();
        assert_eq!(config.initial_counts(3).unwrap(), vec![3, 2, 5]);
        assert_eq!(config.initial_shares(3).unwrap(), vec![0.25, 0.25, 0.5]);
        assert_eq!(config.initial_counts(2).unwrap_err().field, "initial");
    }

    #[test]
    fn ron_round_trip() {
        let config = parse(
            "(process: PairwiseComparison, population: 50, initial: Counts([1, 49]), \
             mutation: 0.01, fermi_beta: 2.0, runs: 5, seed: Some(7), output: Some(\"x.csv\"))",
        )
        .unwrap();
        let text = ron::to_string(&config).unwrap();
        assert_eq!(parse(&text).unwrap(), config);
        assert_eq!(config.initial_shares(2).unwrap(), vec![0.02, 0.98]);
    }
}
