//! Evolution from Python: the evolutionary process of a tournament file,
//! Moran and Fermi (pairwise comparison) runs and the deterministic
//! dynamics on a payoff table, and the analytic functions (fixation
//! probabilities and times, the rare-mutation stationary distribution,
//! the cooperation thresholds and the paradox of politicization).

use std::path::PathBuf;

use numpy::{IntoPyArray, PyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList};
use twolevel::game::{
    Anchor, NoThreshold, Orientation, ParameterError, PayoffMatrix, Politicization, TwoLevelGame,
    paradox_of_politicization_with,
};
use twolevel::tournament::evolution::{
    EvolutionConfig, EvolutionOutcome, FixationMatrix, FixationSummary, Initial, PayoffTable,
    Process, RawEvolutionConfig, Record, Selection, Update, conditional_fixation_time, evolve,
    evolve_tournament, fixation_probability,
};

use twolevel::game::error::WholeRange;
use twolevel::tournament::evolution::analytic::POPULATION;

use crate::convert::{from_python, matrix, value_error, whole, whole_option};
use crate::tournament::{load_file, load_ron};

/// The process of a name: "moran", "fermi" (or "pairwise_comparison"),
/// "ecological" or "replicator".
fn process(name: &str) -> PyResult<Process> {
    match name
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
        .as_str()
    {
        "moran" => Ok(Process::Moran),
        "fermi" | "pairwise_comparison" | "pairwisecomparison" => Ok(Process::PairwiseComparison),
        "ecological" => Ok(Process::Ecological),
        "replicator" => Ok(Process::Replicator),
        _ => Err(value_error(format!(
            "unknown process \"{name}\"; expected \"moran\", \"fermi\", \"ecological\" or \
             \"replicator\""
        ))),
    }
}

/// A refused intensity of selection or imitation, named as the Python
/// argument `intensity` rather than as the RON field it would be in a file.
fn intensity_error(error: ParameterError) -> PyErr {
    value_error(ParameterError {
        field: "intensity".to_owned(),
        ..error
    })
}

/// The Moran payoff-to-fitness map of a name and intensity: "exponential"
/// (`exp(intensity * payoff)`) or "linear" (`1 - w + w * payoff`).
fn selection(name: &str, intensity: f64) -> PyResult<Selection> {
    let map = match name.trim().to_ascii_lowercase().as_str() {
        "exponential" => Selection::exponential(intensity),
        "linear" => Selection::linear(intensity),
        _ => {
            return Err(value_error(format!(
                "unknown selection \"{name}\"; expected \"exponential\" or \"linear\""
            )));
        }
    };
    map.map_err(intensity_error)
}

/// The update rule of a finite-population process: Moran with the
/// selection map, or Fermi (pairwise comparison) with `intensity` as its
/// imitation intensity beta.
fn update(process_name: &str, selection_name: &str, intensity: f64) -> PyResult<Update> {
    match process(process_name)? {
        Process::Moran => Ok(Update::moran(selection(selection_name, intensity)?)),
        Process::PairwiseComparison => Update::fermi(intensity).map_err(intensity_error),
        _ => Err(value_error(format!(
            "the analytic functions need a finite-population process (\"moran\" or \"fermi\"), \
             got \"{process_name}\""
        ))),
    }
}

/// A payoff table from rows of payoffs per turn (a list of lists or a
/// square numpy array).
fn payoff_table(rows: Vec<Vec<f64>>) -> PyResult<PayoffTable> {
    PayoffTable::new(rows).map_err(value_error)
}

/// The matrix of fixation probabilities `[invader, resident]` as a numpy
/// array (the neutral `1/N` on the diagonal).
fn fixation_array<'py>(
    py: Python<'py>,
    fixation: &FixationMatrix,
) -> Bound<'py, numpy::PyArray2<f64>> {
    let n = fixation.len();
    let rows: Vec<Vec<f64>> = (0..n)
        .map(|invader| {
            (0..n)
                .map(|resident| fixation.get(invader, resident).value)
                .collect()
        })
        .collect();
    matrix(py, &rows)
}

/// An evolution outcome as a dict: "shares" and "times" arrays for the
/// deterministic dynamics; for the stochastic processes "runs" (one dict
/// per run: "steps", "counts" (rows by types), "final_counts",
/// "steps_taken", "fixation" (a dict with "winner" and "step", or None)),
/// and the summary "fixations" (runs won per type), "unfixed" and
/// "mean_generations".
fn outcome_dict<'py>(
    py: Python<'py>,
    outcome: &EvolutionOutcome,
    types: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    match outcome {
        EvolutionOutcome::Shares(trajectory) => {
            dict.set_item("times", trajectory.times.clone().into_pyarray(py))?;
            dict.set_item("shares", matrix(py, &trajectory.shares))?;
        }
        EvolutionOutcome::Runs(runs) => {
            let list = PyList::empty(py);
            for run in runs {
                let row = PyDict::new(py);
                let counts: Vec<Vec<u32>> = run
                    .counts
                    .chunks(run.types.max(1))
                    .map(<[u32]>::to_vec)
                    .collect();
                row.set_item("steps", run.steps.clone().into_pyarray(py))?;
                row.set_item("counts", matrix(py, &counts))?;
                row.set_item("final_counts", run.final_counts.clone())?;
                row.set_item("steps_taken", run.steps_taken)?;
                let fixation = match run.fixation {
                    Some(f) => {
                        let fixed = PyDict::new(py);
                        fixed.set_item("winner", f.winner)?;
                        fixed.set_item("step", f.step)?;
                        fixed.into_any()
                    }
                    None => py.None().into_bound(py),
                };
                row.set_item("fixation", fixation)?;
                list.append(row)?;
            }
            let summary = FixationSummary::new(runs, types);
            dict.set_item("runs", list)?;
            dict.set_item("fixations", summary.wins)?;
            dict.set_item("unfixed", summary.unfixed)?;
            dict.set_item("mean_generations", summary.mean_generations)?;
        }
    }
    Ok(dict)
}

/// Plays a tournament's round robin and runs its `evolution` block.
fn evolve_loaded<'py>(
    py: Python<'py>,
    tournament: &twolevel::tournament::Tournament,
) -> PyResult<Bound<'py, PyDict>> {
    // A seed given to the loader has replaced the block's own seed too
    // (`AnyFile::with_seed`), as in the Rust example.
    let Some(config) = tournament.evolution.clone() else {
        return Err(value_error(format!(
            "{} has no `evolution` block: add `evolution: Some((process: Moran))` (see \
             docs/evolution.md)",
            tournament.origin.display()
        )));
    };
    let round_robin = &tournament.round_robin;
    let evolution = py
        .detach(|| evolve_tournament(round_robin, &config))
        .map_err(value_error)?;
    let dict = outcome_dict(py, &evolution.outcome, evolution.names.len())?;
    dict.set_item("names", evolution.names.clone())?;
    dict.set_item("fitness", evolution.fitness.label())?;
    dict.set_item("table", matrix(py, &evolution.table.to_rows()))?;
    dict.set_item("mean_match_length", evolution.mean_match_length)?;
    dict.set_item(
        "fixation",
        evolution.fixation.as_ref().map(|f| fixation_array(py, f)),
    )?;
    dict.set_item(
        "stationary",
        evolution.stationary.clone().map(|s| s.into_pyarray(py)),
    )?;
    Ok(dict)
}

/// Plays the round robin of a tournament file and runs its `evolution`
/// block on the payoffs; `seed` replaces the seeds of the round robin and
/// of the runs.
///
/// Returns a dict: "names", "fitness" (the currency selection acted on),
/// "table" (mean payoff per turn, row against column), "mean_match_length",
/// "fixation" (analytic fixation probabilities, invader by resident, for
/// the stochastic processes, else None), "stationary" (the rare-mutation
/// stationary distribution, else None) and the outcome: "times" and
/// "shares" for the ecological and replicator dynamics; "runs",
/// "fixations", "unfixed" and "mean_generations" for the Moran and
/// pairwise-comparison processes.
#[pyfunction]
#[pyo3(signature = (path, *, seed=None))]
pub fn evolve_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let tournament = load_file(path, seed)?;
    evolve_loaded(py, &tournament)
}

/// [`evolve_file`] on tournament RON text; `origin` names it in errors.
#[pyfunction]
#[pyo3(signature = (text, *, origin="<string>", seed=None))]
pub fn evolve_ron<'py>(
    py: Python<'py>,
    text: &str,
    origin: &str,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let tournament = load_ron(text, origin, seed)?;
    evolve_loaded(py, &tournament)
}

/// Runs an evolutionary process on a payoff table (`table[i][j]`: type
/// i's payoff per turn against type j).
///
/// `process` is "moran" (birth-death, fitness `exp(intensity * payoff)`
/// or, with `selection="linear"`, `1 - w + w * payoff`), "fermi"
/// (pairwise comparison; `intensity` is the imitation intensity beta),
/// "ecological" (Axelrod's discrete replicator map) or "replicator" (the
/// replicator equation, step `step`). `initial` is a list of counts (ints
/// summing to `population`) or of shares (floats summing to 1); equal by
/// default. `record` is "generation", "step" or "final". Runs are seeded
/// from `seed` as in the Rust library, so the same arguments give the same
/// runs. Returns the outcome dict of [`evolve_file`] (without the
/// tournament's fields).
#[pyfunction]
// The integers arrive as any Python object (read by `whole`, so that a
// bad one raises the file's ValueError); `None` stands for the default the
// text signature shows.
#[pyo3(signature = (
    table, *, process="moran", population=None, initial=None, mutation=0.0,
    selection="exponential", intensity=1.0, generations=None, step=0.01, runs=None,
    record="generation", seed=None
), text_signature = "(table, *, process='moran', population=100, initial=None, mutation=0.0, \
    selection='exponential', intensity=1.0, generations=10000, step=0.01, runs=1, \
    record='generation', seed=0)")]
#[allow(clippy::too_many_arguments)]
pub fn evolve_table<'py>(
    py: Python<'py>,
    table: Vec<Vec<f64>>,
    process: &str,
    population: Option<Bound<'py, PyAny>>,
    initial: Option<Bound<'py, PyAny>>,
    mutation: f64,
    selection: &str,
    intensity: f64,
    generations: Option<Bound<'py, PyAny>>,
    step: f64,
    runs: Option<Bound<'py, PyAny>>,
    record: &str,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let defaults = RawEvolutionConfig::default();
    let population = whole_option(population.as_ref(), &EvolutionConfig::POPULATION)?
        .unwrap_or(defaults.population);
    let generations = whole_option(generations.as_ref(), &EvolutionConfig::GENERATIONS)?
        .unwrap_or(defaults.generations);
    let runs = whole_option(runs.as_ref(), &EvolutionConfig::RUNS)?.unwrap_or(defaults.runs);
    let seed = whole_option(seed.as_ref(), &WholeRange::SEED)?.unwrap_or(0);
    let process = self::process(process)?;
    let initial = match initial {
        None => Initial::Equal,
        Some(values) => {
            // Integers (Python's or numpy's) are counts, read as a file's
            // `Counts([..])` is; anything else is shares.
            let integer = |item: &Bound<'py, PyAny>| {
                !item.is_instance_of::<PyBool>()
                    && (item.is_instance_of::<PyInt>() || item.extract::<i128>().is_ok())
            };
            match values.extract::<Vec<Bound<'py, PyAny>>>() {
                Ok(items) if !items.is_empty() && items.iter().all(integer) => Initial::Counts(
                    items
                        .iter()
                        .map(|item| whole(item, &EvolutionConfig::COUNTS))
                        .collect::<PyResult<_>>()?,
                ),
                _ => Initial::Shares(from_python(&values, "initial")?),
            }
        }
    };
    let record = match record.trim().to_ascii_lowercase().as_str() {
        "generation" => Record::Generation,
        "step" => Record::Step,
        "final" => Record::Final,
        _ => {
            return Err(value_error(format!(
                "unknown record \"{record}\"; expected \"generation\", \"step\" or \"final\""
            )));
        }
    };
    let (selection, fermi_beta) = match process {
        Process::PairwiseComparison => (Selection::default(), intensity),
        _ => (self::selection(selection, intensity)?, 1.0),
    };
    let raw = RawEvolutionConfig {
        process,
        population,
        initial,
        mutation,
        selection,
        fermi_beta,
        generations,
        step,
        runs,
        record,
        seed: Some(seed),
        ..RawEvolutionConfig::default()
    };
    let config = EvolutionConfig::try_from(raw).map_err(value_error)?;
    let table = payoff_table(table)?;
    let types = table.len();
    let outcome = py
        .detach(|| evolve(&config, &table, seed))
        .map_err(value_error)?;
    outcome_dict(py, &outcome, types)
}

/// The probability that one mutant of type A takes over a population of
/// `population - 1` residents of type B, for the 2x2 game `game = [a, b,
/// c, d]` (A against A, A against B, B against A, B against B; payoffs per
/// turn), under the Moran process (`selection`, `intensity`) or the
/// Fermi process (`process="fermi"`, `intensity` = beta). Computed in log
/// space (Nowak et al. 2004, Traulsen et al. 2006); with `log=True` the
/// natural logarithm is returned, accurate far below the smallest float.
#[pyfunction]
#[pyo3(name = "fixation_probability", signature = (game, population, *, process="moran", selection="exponential", intensity=1.0, log=false))]
pub fn fixation_probability_of(
    game: [f64; 4],
    population: &Bound<'_, PyAny>,
    process: &str,
    selection: &str,
    intensity: f64,
    log: bool,
) -> PyResult<f64> {
    let population = whole(population, &POPULATION)?;
    let rho = fixation_probability(update(process, selection, intensity)?, game, population)
        .map_err(value_error)?;
    Ok(if log { rho.ln } else { rho.value })
}

/// The mean number of elementary steps one A mutant takes to take over a
/// population of B given that it does (divide by `population` for
/// generations); arguments as in `fixation_probability`.
#[pyfunction]
#[pyo3(signature = (game, population, *, process="moran", selection="exponential", intensity=1.0))]
pub fn fixation_time(
    game: [f64; 4],
    population: &Bound<'_, PyAny>,
    process: &str,
    selection: &str,
    intensity: f64,
) -> PyResult<f64> {
    let population = whole(population, &POPULATION)?;
    conditional_fixation_time(update(process, selection, intensity)?, game, population)
        .map_err(value_error)
}

/// The fixation probabilities of every pair of types of a payoff table:
/// `fixation_matrix(table, N)[i, j]` is the probability that one i takes
/// over a population of j (the neutral 1/N on the diagonal).
#[pyfunction]
#[pyo3(signature = (table, population, *, process="moran", selection="exponential", intensity=1.0))]
pub fn fixation_matrix<'py>(
    py: Python<'py>,
    table: Vec<Vec<f64>>,
    population: Bound<'py, PyAny>,
    process: &str,
    selection: &str,
    intensity: f64,
) -> PyResult<Bound<'py, numpy::PyArray2<f64>>> {
    let population = whole(&population, &POPULATION)?;
    let fixation = FixationMatrix::new(
        update(process, selection, intensity)?,
        &payoff_table(table)?,
        population,
    )
    .map_err(value_error)?;
    Ok(fixation_array(py, &fixation))
}

/// The stationary distribution over the monomorphic states of a payoff
/// table in the limit of rare mutations (Fudenberg and Imhof 2006), from
/// the fixation probabilities of `fixation_matrix`; with `log=True` the
/// natural logarithms.
#[pyfunction]
#[pyo3(signature = (table, population, *, process="moran", selection="exponential", intensity=1.0, log=false))]
#[allow(clippy::too_many_arguments)]
pub fn stationary_distribution<'py>(
    py: Python<'py>,
    table: Vec<Vec<f64>>,
    population: Bound<'py, PyAny>,
    process: &str,
    selection: &str,
    intensity: f64,
    log: bool,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let population = whole(&population, &POPULATION)?;
    let fixation = FixationMatrix::new(
        update(process, selection, intensity)?,
        &payoff_table(table)?,
        population,
    )
    .map_err(value_error)?;
    let distribution = if log {
        fixation.ln_stationary_distribution()
    } else {
        fixation.stationary_distribution()
    };
    Ok(distribution.into_pyarray(py))
}

/// A threshold as a Python value: the number, None when no continuation
/// probability sustains cooperation, an error when only a bounded range
/// does.
fn threshold_value(threshold: Result<f64, NoThreshold>) -> PyResult<Option<f64>> {
    match threshold {
        Ok(delta) => Ok(Some(delta)),
        Err(NoThreshold::Never) => Ok(None),
        Err(bounded) => Err(value_error(bounded)),
    }
}

/// The two-level game of an optional dict of a tournament file's `game`
/// block (the default game without one).
fn game(game: Option<&Bound<'_, PyAny>>) -> PyResult<TwoLevelGame> {
    game.map_or_else(|| Ok(TwoLevelGame::default()), |g| from_python(g, "game"))
}

/// The cooperation thresholds of a symmetric stage game: the smallest
/// continuation probability delta at which cooperation is sustained
/// against grim trigger ("grim", `(T - R) / (T - P)`) and against tit for
/// tat ("tft"), Axelrod (1984).
///
/// Give the stage game as `matrix=(R, S, T, P)`, or as the blended
/// matrix of a two-level game (`game`, a dict of a tournament file's
/// `game` block, default the default game) at a player's
/// `political_weight` w and politicization `politicization` pi. Returns a
/// dict with "grim", "tft" (None where no delta below 1 sustains
/// cooperation) and "matrix", the (R, S, T, P) the thresholds are of.
#[pyfunction]
#[pyo3(signature = (*, matrix=None, game=None, political_weight=0.0, politicization=0.0))]
pub fn thresholds<'py>(
    py: Python<'py>,
    matrix: Option<[f64; 4]>,
    game: Option<Bound<'py, PyAny>>,
    political_weight: f64,
    politicization: f64,
) -> PyResult<Bound<'py, PyDict>> {
    let stage = match matrix {
        Some([r, s, t, p]) => PayoffMatrix::new(r, s, t, p).map_err(value_error)?,
        None => {
            let w = Orientation::new(political_weight).map_err(value_error)?;
            let pi = Politicization::new(politicization).map_err(value_error)?;
            self::game(game.as_ref())?.blended_matrix(w, pi)
        }
    };
    let dict = PyDict::new(py);
    dict.set_item(
        "grim",
        threshold_value(Anchor::GrimTrigger.threshold(&stage))?,
    )?;
    dict.set_item("tft", threshold_value(Anchor::TitForTat.threshold(&stage))?)?;
    dict.set_item("matrix", (stage.r(), stage.s(), stage.t(), stage.p()))?;
    Ok(dict)
}

/// The paradox of politicization: where in [0, 1] politicization pi
/// minimises the cooperation threshold ("grim" or "tft" anchor) of a
/// player with political weight w in the two-level `game` (a dict of a
/// tournament file's `game` block). Returns a dict with "pi_min",
/// "threshold_min", "threshold_at_0" and "threshold_at_1".
#[pyfunction]
#[pyo3(signature = (*, game=None, political_weight=0.5, anchor="grim"))]
pub fn paradox_of_politicization<'py>(
    py: Python<'py>,
    game: Option<Bound<'py, PyAny>>,
    political_weight: f64,
    anchor: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let anchor = match anchor.trim().to_ascii_lowercase().as_str() {
        "grim" | "grim_trigger" => Anchor::GrimTrigger,
        "tft" | "tit_for_tat" => Anchor::TitForTat,
        _ => {
            return Err(value_error(format!(
                "unknown anchor \"{anchor}\"; expected \"grim\" or \"tft\""
            )));
        }
    };
    let w = Orientation::new(political_weight).map_err(value_error)?;
    let paradox = paradox_of_politicization_with(&self::game(game.as_ref())?, w, anchor)
        .map_err(value_error)?;
    let dict = PyDict::new(py);
    dict.set_item("pi_min", paradox.pi_min)?;
    dict.set_item("threshold_min", paradox.threshold_min)?;
    dict.set_item("threshold_at_0", paradox.threshold_at_0)?;
    dict.set_item("threshold_at_1", paradox.threshold_at_1)?;
    Ok(dict)
}
