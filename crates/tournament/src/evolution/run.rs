//! Running the configured process: seeding, independent runs in parallel,
//! fixation statistics and CSV output.

use std::io::Write;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use twolevel_game::{Currency, ParameterError};

use super::analytic::FixationMatrix;
use super::config::{EvolutionConfig, Process, Record};
use super::ecological::{SharesTrajectory, ecological, replicator};
use super::payoff::{MatchPlayer, PayoffSource, PayoffTable, SampledPayoffs};
use super::stochastic::{RunOutcome, StochasticParams, Update, simulate};
use crate::progress::{NoProgress, Progress};

/// Something went wrong running or writing an evolutionary process.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EvolutionError {
    /// A parameter was rejected; the error names the field.
    #[error(transparent)]
    Parameter(#[from] ParameterError),
    /// Writing the CSV output to a writer failed.
    #[error("writing the evolution CSV failed: {0}")]
    Csv(#[from] csv::Error),
    /// Writing the CSV output file failed (a full disk, say).
    #[error("writing the evolution CSV `{path}` failed: {source}")]
    Write {
        /// The path of the file.
        path: String,
        /// The underlying error.
        source: csv::Error,
    },
    /// Creating the CSV output file failed.
    #[error("creating the evolution CSV `{path}` failed: {source}")]
    Io {
        /// The path of the file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// The SplitMix64 finalizer: a bijective, well-mixing map of 64-bit words.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seed of run number `run` of an experiment seeded with `seed`: a
/// portable hash of the pair, so that every run has its own stream
/// whatever thread runs it.
#[must_use]
pub fn run_seed(seed: u64, run: u32) -> u64 {
    splitmix64(splitmix64(seed) ^ u64::from(run))
}

/// The RNG of run number `run` of an experiment seeded with `seed`.
#[must_use]
pub fn run_rng(seed: u64, run: u32) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(run_seed(seed, run))
}

/// The update rule of a stochastic process, or `None` for a deterministic
/// one.
#[must_use]
pub fn update_rule(config: &EvolutionConfig) -> Option<Update> {
    match config.process() {
        Process::Moran => Some(Update::moran(config.selection())),
        // The config validated its `fermi_beta` as `Update::fermi` does.
        Process::PairwiseComparison => Some(Update::fermi_checked(config.fermi_beta())),
        Process::Ecological | Process::Replicator => None,
    }
}

/// The parameters of each run of a stochastic process.
fn stochastic_params(config: &EvolutionConfig, update: Update) -> StochasticParams {
    StochasticParams {
        update,
        mutation: config.mutation(),
        max_steps: config
            .generations()
            .saturating_mul(u64::from(config.population())),
        record: config.record(),
    }
}

/// Runs `runs` independent runs in parallel, run `r` with the RNG
/// [`run_rng`]`(seed, r)` and its own payoff source made by `make_source`.
/// The results, in run order, do not depend on the number of threads.
pub fn simulate_runs<S, F>(
    make_source: F,
    initial: &[u32],
    params: &StochasticParams,
    seed: u64,
    runs: u32,
) -> Result<Vec<RunOutcome>, ParameterError>
where
    S: PayoffSource,
    F: Fn() -> Result<S, ParameterError> + Sync,
{
    simulate_runs_reporting(make_source, initial, params, seed, runs, &NoProgress)
}

/// [`simulate_runs`], telling `progress` the number of runs and each
/// finished run; the runs are the same.
fn simulate_runs_reporting<S, F>(
    make_source: F,
    initial: &[u32],
    params: &StochasticParams,
    seed: u64,
    runs: u32,
    progress: &dyn Progress,
) -> Result<Vec<RunOutcome>, ParameterError>
where
    S: PayoffSource,
    F: Fn() -> Result<S, ParameterError> + Sync,
{
    progress.start(u64::from(runs));
    (0..runs)
        .into_par_iter()
        .map(|run| {
            let mut source = make_source()?;
            let mut rng = run_rng(seed, run);
            let outcome = simulate(&mut source, initial, params, &mut rng);
            progress.advance(1);
            outcome
        })
        .collect()
}

/// What an evolutionary process produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EvolutionOutcome {
    /// A deterministic trajectory of shares (ecological map, replicator
    /// equation).
    Shares(SharesTrajectory),
    /// The independent runs of a stochastic process, in run order.
    Runs(Vec<RunOutcome>),
}

/// Runs the configured process on a table of payoffs per turn.
///
/// `tournament_seed` seeds the runs unless the block has its own `seed`.
pub fn evolve(
    config: &EvolutionConfig,
    table: &PayoffTable,
    tournament_seed: u64,
) -> Result<EvolutionOutcome, ParameterError> {
    evolve_reporting(config, table, tournament_seed, &NoProgress)
}

/// [`evolve`], telling `progress` about the stochastic processes' runs
/// (each run one unit) or the deterministic dynamics (one unit, quick).
pub(crate) fn evolve_reporting(
    config: &EvolutionConfig,
    table: &PayoffTable,
    tournament_seed: u64,
    progress: &dyn Progress,
) -> Result<EvolutionOutcome, ParameterError> {
    let every = config.record() != Record::Final;
    let shares = |trajectory: Result<SharesTrajectory, ParameterError>| {
        progress.start(1);
        progress.advance(1);
        trajectory.map(EvolutionOutcome::Shares)
    };
    match config.process() {
        Process::Ecological => {
            let initial = config.initial_shares(table.len())?;
            shares(ecological(table, &initial, config.generations(), every))
        }
        Process::Replicator => {
            let initial = config.initial_shares(table.len())?;
            shares(replicator(
                table,
                &initial,
                config.step(),
                config.generations(),
                every,
            ))
        }
        Process::Moran | Process::PairwiseComparison => evolve_stochastic(
            config,
            table.len(),
            || Ok(table.clone()),
            tournament_seed,
            progress,
        ),
    }
}

/// Runs the configured stochastic process with payoffs sampled from
/// matches actually played (see [`SampledPayoffs`] for the cost): each run
/// gets its own match player from `make_player`.
///
/// The deterministic processes need expected payoffs and are rejected here;
/// use [`evolve`] with the round robin's mean payoff table.
pub fn evolve_sampled<M, F>(
    config: &EvolutionConfig,
    types: usize,
    make_player: F,
    tournament_seed: u64,
) -> Result<EvolutionOutcome, ParameterError>
where
    M: MatchPlayer,
    F: Fn() -> M + Sync,
{
    evolve_sampled_reporting(config, types, make_player, tournament_seed, &NoProgress)
}

/// [`evolve_sampled`], telling `progress` the runs and each finished run.
pub(crate) fn evolve_sampled_reporting<M, F>(
    config: &EvolutionConfig,
    types: usize,
    make_player: F,
    tournament_seed: u64,
    progress: &dyn Progress,
) -> Result<EvolutionOutcome, ParameterError>
where
    M: MatchPlayer,
    F: Fn() -> M + Sync,
{
    evolve_stochastic(
        config,
        types,
        || SampledPayoffs::new(types, make_player()),
        tournament_seed,
        progress,
    )
}

fn evolve_stochastic<S, F>(
    config: &EvolutionConfig,
    types: usize,
    make_source: F,
    tournament_seed: u64,
    progress: &dyn Progress,
) -> Result<EvolutionOutcome, ParameterError>
where
    S: PayoffSource,
    F: Fn() -> Result<S, ParameterError> + Sync,
{
    let Some(update) = update_rule(config) else {
        return Err(ParameterError::new(
            "process",
            "the ecological and replicator dynamics need a payoff table, not sampled matches",
        ));
    };
    let initial = config.initial_counts(types)?;
    let params = stochastic_params(config, update);
    let seed = config.seed().unwrap_or(tournament_seed);
    simulate_runs_reporting(
        make_source,
        &initial,
        &params,
        seed,
        config.runs(),
        progress,
    )
    .map(EvolutionOutcome::Runs)
}

/// How often each type fixed over a set of runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixationSummary {
    /// The number of runs.
    pub runs: u32,
    /// Per type, the number of runs it won.
    pub wins: Vec<u32>,
    /// Runs that did not fix (mutation, or the step limit).
    pub unfixed: u32,
    /// The mean fixation time in generations over the fixed runs, if any.
    pub mean_generations: Option<f64>,
}

impl FixationSummary {
    /// Summarizes runs over `types` types.
    #[must_use]
    pub fn new(runs: &[RunOutcome], types: usize) -> Self {
        let mut wins = vec![0; types];
        let mut total_time = 0.0;
        let mut fixed = 0u32;
        for run in runs {
            if let (Some(f), Some(time)) = (run.fixation, run.fixation_generations()) {
                wins[f.winner] += 1;
                total_time += time;
                fixed += 1;
            }
        }
        let count = u32::try_from(runs.len()).unwrap_or(u32::MAX);
        FixationSummary {
            runs: count,
            wins,
            unfixed: count - fixed,
            mean_generations: (fixed > 0).then(|| total_time / f64::from(fixed)),
        }
    }

    /// The fraction of runs won by each type.
    #[must_use]
    pub fn frequencies(&self) -> Vec<f64> {
        self.wins
            .iter()
            .map(|&w| f64::from(w) / f64::from(self.runs.max(1)))
            .collect()
    }
}

/// The analytic fixation probabilities between every pair of strategies for
/// the configured stochastic process, or `None` for a deterministic one.
pub fn analytic_fixation(
    config: &EvolutionConfig,
    table: &PayoffTable,
) -> Result<Option<FixationMatrix>, ParameterError> {
    update_rule(config)
        .map(|update| FixationMatrix::new(update, table, config.population()))
        .transpose()
}

/// Writes an outcome as CSV with one column per type, named by `names`,
/// and a last column `fitness` naming the currency selection acted on
/// (`policy`, `political` or `utility`).
///
/// Shares: `time,<name>...,fitness`. Runs:
/// `run,step,generation,<name>...,fitness` with the counts of each
/// recorded row.
pub fn write_csv<W: Write>(
    outcome: &EvolutionOutcome,
    names: &[String],
    fitness: Currency,
    writer: W,
) -> Result<(), EvolutionError> {
    let mut csv = csv::Writer::from_writer(writer);
    let types = names.iter().map(String::as_str).chain(["fitness"]);
    let label = [fitness.label().to_owned()];
    match outcome {
        EvolutionOutcome::Shares(trajectory) => {
            csv.write_record(std::iter::once("time").chain(types))?;
            for (time, shares) in trajectory.times.iter().zip(&trajectory.shares) {
                csv.write_record(
                    std::iter::once(time.to_string())
                        .chain(shares.iter().map(f64::to_string))
                        .chain(label.clone()),
                )?;
            }
        }
        EvolutionOutcome::Runs(runs) => {
            csv.write_record(["run", "step", "generation"].into_iter().chain(types))?;
            for (index, run) in runs.iter().enumerate() {
                for (step, counts) in run.rows() {
                    let generation = step as f64 / f64::from(run.population);
                    csv.write_record(
                        [index.to_string(), step.to_string(), generation.to_string()]
                            .into_iter()
                            .chain(counts.iter().map(u32::to_string))
                            .chain(label.clone()),
                    )?;
                }
            }
        }
    }
    csv.flush().map_err(csv::Error::from)?;
    Ok(())
}

/// Writes an outcome as CSV to the file at `path` (see [`write_csv`]).
pub fn write_csv_file(
    outcome: &EvolutionOutcome,
    names: &[String],
    fitness: Currency,
    path: &str,
) -> Result<(), EvolutionError> {
    let file = std::fs::File::create(path).map_err(|source| EvolutionError::Io {
        path: path.to_owned(),
        source,
    })?;
    write_csv(outcome, names, fitness, std::io::BufWriter::new(file)).map_err(|error| match error {
        EvolutionError::Csv(source) => EvolutionError::Write {
            path: path.to_owned(),
            source,
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_seeds_differ() {
        assert_ne!(run_seed(1, 0), run_seed(1, 1));
        assert_ne!(run_seed(1, 0), run_seed(2, 0));
        assert_eq!(run_seed(42, 7), run_seed(42, 7));
    }

    #[test]
    fn csv_of_runs_and_summary() {
        let table = PayoffTable::two_by_two(1.0, 1.0, 1.0, 1.0).unwrap();
        let params = StochasticParams {
            update: Update::fermi(0.0).unwrap(),
            mutation: 0.0,
            max_steps: 4,
            record: Record::Step,
        };
        let runs = simulate_runs(|| Ok(table.clone()), &[2, 2], &params, 3, 2).unwrap();
        let mut out = Vec::new();
        let names = ["A".to_owned(), "B".to_owned()];
        let runs_outcome = EvolutionOutcome::Runs(runs.clone());
        write_csv(&runs_outcome, &names, Currency::Political, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "run,step,generation,A,B,fitness");
        assert_eq!(lines[1], "0,0,0,2,2,political");
        let rows: usize = runs.iter().map(|r| r.steps.len()).sum();
        assert_eq!(lines.len(), 1 + rows);
        assert!(lines[2].starts_with("0,1,0.25,"));

        // Four steps from 2 + 2 cannot all fix: the summary counts the rest.
        let summary = FixationSummary::new(&runs, 2);
        assert_eq!(summary.runs, 2);
        let fixed: u32 = summary.wins.iter().sum();
        assert_eq!(fixed + summary.unfixed, 2);
    }

    #[test]
    fn csv_file_errors_name_the_path() {
        let outcome = EvolutionOutcome::Shares(SharesTrajectory {
            times: vec![0.0],
            shares: vec![vec![1.0]],
        });
        let path = "/nonexistent-folder/evolution.csv";
        let err = write_csv_file(&outcome, &["A".into()], Currency::Policy, path).unwrap_err();
        assert!(err.to_string().contains(path), "{err}");
    }

    #[test]
    fn csv_of_shares() {
        let outcome = EvolutionOutcome::Shares(SharesTrajectory {
            times: vec![0.0, 1.0],
            shares: vec![vec![0.5, 0.5], vec![0.25, 0.75]],
        });
        let mut out = Vec::new();
        let names = ["A".into(), "B".into()];
        write_csv(&outcome, &names, Currency::Policy, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "time,A,B,fitness\n0,0.5,0.5,policy\n1,0.25,0.75,policy\n"
        );
    }
}
