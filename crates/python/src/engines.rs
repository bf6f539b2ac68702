//! The regime, society and negotiation engines and parameter sweeps from
//! Python: a function each for a file, RON text or a dict with the fields
//! of such a file, returning plain Python dicts.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use twolevel::game::Currency;
use twolevel::tournament::config::{FileKind, PresetCatalog};
use twolevel::tournament::evolution::SocietyEvolution;
use twolevel::tournament::file::AnyFile;
use twolevel::tournament::progress::NoProgress;
use twolevel::tournament::regime::{RawRegimeTournament, RegimeTournament};
use twolevel::tournament::society::{RawSocietyConfig, SocietyConfig, SocietySweep};
use twolevel::tournament::sweep_file::Sweep;

use twolevel::game::error::WholeRange;

use crate::convert::{from_python, matrix, to_python, value_error, whole_option};
use crate::tournament::PYTHON_ORIGIN;

/// Plays a regime tournament and returns its results as a dict: the
/// library's serde form ("standings", "compositions", "sampled",
/// "success_rate", "welfare"; every payoff in the three currencies) plus
/// "ranking", the standings sorted by `ranking` currency, best first.
fn play_regime<'py>(
    py: Python<'py>,
    tournament: &RegimeTournament,
    ranking: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let currency: Currency = crate::convert::currency(ranking)?;
    let results = py.detach(|| tournament.play());
    let dict = to_python(py, &results)?.cast_into::<PyDict>()?;
    let ranked = PyList::empty(py);
    for standing in results.ranking(currency) {
        ranked.append(to_python(py, standing)?)?;
    }
    dict.set_item("ranking", ranked)?;
    dict.set_item("ranked_by", currency.label())?;
    Ok(dict)
}

/// Plays a regime tournament file (`Regime(..)`: n-state groups of every
/// composition of the entrants, or a seeded sample).
///
/// Returns a dict with "standings" (per entrant: "name", "scores" with
/// "policy", "political" and "utility" per round, "cooperation_rate",
/// "seats"), "compositions" (per group: "seats", "payoffs",
/// "cooperation", "success_rate", "welfare"), "sampled", "success_rate"
/// (the share of rounds that met the threshold), "welfare", and
/// "ranking", the standings sorted by the `ranking` currency.
#[pyfunction]
#[pyo3(signature = (path, *, ranking="policy"))]
pub fn run_regime_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    ranking: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let tournament = AnyFile::from_file_as(path, FileKind::Regime)
        .map_err(value_error)?
        .into_regime()
        .expect("a file loaded as a regime tournament holds one");
    play_regime(py, &tournament, ranking)
}

/// [`run_regime_file`] on regime RON text; `origin` names it in errors.
#[pyfunction]
#[pyo3(signature = (text, *, origin="<string>", ranking="policy"))]
pub fn run_regime_ron<'py>(
    py: Python<'py>,
    text: &str,
    origin: &str,
    ranking: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let tournament = AnyFile::from_ron_as(text, origin, FileKind::Regime, None)
        .map_err(value_error)?
        .into_regime()
        .expect("a file loaded as a regime tournament holds one");
    play_regime(py, &tournament, ranking)
}

/// [`run_regime_file`] on a dict with the fields of a regime file, in
/// their Python form: enum variants as one-key dicts, for example
/// `{"game": {"size": 6, "policy": {"CollectiveRisk": {"endowment": 1.0,
/// "cost_share": 0.1, "risk": 0.9, "threshold": 3}}}, "horizon":
/// {"Continuation": {"delta": 0.95}}, "entrants": [{"strategy": {"name":
/// "Conditional Cooperator", "params": {"quorum": 2}}}, {"strategy":
/// {"name": "MFN Free Rider"}, "w": 0.2}], "seed": 7}`.
#[pyfunction]
#[pyo3(signature = (spec, *, ranking="policy"))]
pub fn run_regime<'py>(
    py: Python<'py>,
    spec: Bound<'py, PyAny>,
    ranking: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let file: RawRegimeTournament = from_python(&spec, "regime")?;
    let tournament = file.build(PYTHON_ORIGIN).map_err(value_error)?;
    play_regime(py, &tournament, ranking)
}

/// The society of a file loaded as one, with its seed replaced by `seed`
/// when one is given ([`AnyFile::with_seed`]).
fn society_of(file: AnyFile, seed: Option<u64>) -> SocietyConfig {
    file.with_seed_option(seed)
        .into_society()
        .expect("a file loaded as a society holds one")
}

/// Runs a society's sweep over q and mu and, if it has an evolution block,
/// the evolution of rules at the base q and mu, as the Rust `society`
/// example does.
fn run_society_config<'py>(
    py: Python<'py>,
    config: SocietyConfig,
    seed: Option<u64>,
) -> PyResult<Bound<'py, PyDict>> {
    let config = match seed {
        Some(seed) => config.with_seed(seed),
        None => config,
    };
    let sweep = py
        .detach(|| SocietySweep::run(&config))
        .map_err(value_error)?;
    let dict = to_python(py, &sweep)?.cast_into::<PyDict>()?;
    // The block runs as `AnyFile::play` runs it ([`SocietyEvolution::run`]).
    let evolution = match py
        .detach(|| SocietyEvolution::run(&config))
        .map_err(value_error)?
    {
        Some(evolved) => {
            let dict = PyDict::new(py);
            dict.set_item("rules", &evolved.names)?;
            dict.set_item("currency", evolved.currency.label())?;
            dict.set_item("generations", evolved.generations())?;
            dict.set_item("counts", matrix(py, &evolved.history))?;
            dict.into_any()
        }
        None => py.None().into_bound(py),
    };
    dict.set_item("evolution", evolution)?;
    Ok(dict)
}

/// Runs a society file (`Society(..)`): states that meet at random, with
/// reputations kept by an institution, swept over its monitoring q and
/// assessment error mu; `seed` replaces the file's seed.
///
/// Returns a dict with "society", "norm", "institution", "size", "e",
/// "steps", "seed", "anchored" (whether the analytic anchor applies),
/// "points" (per (q, mu): "good_share", "cooperation", the payoff per
/// interaction in each currency, and the analytic values where the anchor
/// applies, else None) and "evolution": None, or for a file with an evolution block a dict with
/// "rules", "currency", "generations" and "counts" (generations + 1 rows
/// by rules: the number of states following each rule).
#[pyfunction]
#[pyo3(signature = (path, *, seed=None))]
pub fn run_society_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let file = AnyFile::from_file_as(path, FileKind::Society).map_err(value_error)?;
    run_society_config(py, society_of(file, seed), None)
}

/// [`run_society_file`] on society RON text; `origin` names it in errors.
#[pyfunction]
#[pyo3(signature = (text, *, origin="<string>", seed=None))]
pub fn run_society_ron<'py>(
    py: Python<'py>,
    text: &str,
    origin: &str,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let file = AnyFile::from_ron_as(text, origin, FileKind::Society, None).map_err(value_error)?;
    run_society_config(py, society_of(file, seed), None)
}

/// [`run_society_file`] on a dict with the fields of a society file, for
/// example `{"name": "s", "groups": [{"rule": "Discriminator", "count":
/// 50}], "norm": "stern judging", "e": 0.02, "mu": 0.02, "steps": 10000,
/// "seed": 7, "sweep": {"mu": [0.01, 0.1]}}`.
#[pyfunction]
#[pyo3(signature = (spec, *, seed=None))]
pub fn run_society<'py>(
    py: Python<'py>,
    spec: Bound<'py, PyAny>,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let file: RawSocietyConfig = from_python(&spec, "society")?;
    let config = file.validate(PYTHON_ORIGIN).map_err(|e| {
        value_error(format!(
            "{PYTHON_ORIGIN}: invalid `{}`: {}",
            e.field, e.reason
        ))
    })?;
    run_society_config(py, config, seed)
}

/// The results of a file loaded as a negotiation, played with its seed
/// replaced by `seed` when one is given, as a dict.
fn play_negotiation(
    py: Python<'_>,
    file: AnyFile,
    seed: Option<u64>,
) -> PyResult<Bound<'_, PyDict>> {
    let file = file
        .with_seed_option(seed)
        .into_negotiation()
        .expect("a file loaded as a negotiation holds one");
    let results = py.detach(|| file.play()).map_err(value_error)?;
    to_python(py, &results)?
        .cast_into::<PyDict>()
        .map_err(Into::into)
}

/// Runs a negotiation file (`Negotiation(..)`): pairs of states negotiate
/// an agreement, ratify it and play it; `seed` replaces the file's seed.
///
/// Returns a dict with "name", "protocol", "compliance_cost",
/// "repetitions", "seed" and "pairs" (per pair: "states", "summary" with
/// the rates of compliance, withdrawal and renegotiation, cooperation,
/// the mean agreed share and each state's payoffs per round in every
/// currency, and "negotiation" with the reservations, the zone, the
/// unconstrained and constrained shares, the closed-form probabilities,
/// the simulated rates and every run).
#[pyfunction]
#[pyo3(signature = (path, *, seed=None))]
pub fn run_negotiation_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let file = AnyFile::from_file_as(path, FileKind::Negotiation).map_err(value_error)?;
    play_negotiation(py, file, seed)
}

/// [`run_negotiation_file`] on negotiation RON text (presets from the
/// built-in ones); `origin` names it in errors.
#[pyfunction]
#[pyo3(signature = (text, *, origin="<string>", seed=None))]
pub fn run_negotiation_ron<'py>(
    py: Python<'py>,
    text: &str,
    origin: &str,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let catalog = PresetCatalog::builtin().map_err(value_error)?;
    let file = AnyFile::from_ron_as(text, origin, FileKind::Negotiation, Some(&catalog))
        .map_err(value_error)?;
    play_negotiation(py, file, seed)
}

/// Runs a parameter sweep file (`Sweep(..)`, docs/cluster.md) in memory:
/// every cell of its grid (each point's replicates, with seeds derived
/// from the sweep's seed), as `twolevel sweep` does, writing nothing.
/// `seed` replaces the sweep's master seed.
///
/// Returns a dict with "name", "seed", "replicates", "grid" (per axis:
/// "path" and "values"), "players" (the units of the rows), "tidy" (the
/// text of `sweep.csv`: a row per cell, player and measure) and "summary"
/// (the text of `summary.csv`: mean, standard deviation, standard error
/// and count over replicates per point, player and measure), both CSV
/// text for `pandas.read_csv` (or `twolevel.sweep_frame`). Each measure
/// names its currency (`score_policy`, `score_political`, ...).
#[pyfunction]
#[pyo3(signature = (path, *, seed=None))]
pub fn run_sweep_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let sweep: Sweep = AnyFile::from_file_as(path, FileKind::Sweep)
        .map_err(value_error)?
        .with_seed_option(seed)
        .into_sweep()
        .expect("a file loaded as a sweep holds one");
    let results = py
        .detach(|| sweep.run_in_memory(&NoProgress))
        .map_err(value_error)?;
    let identity = &results.identity;
    let dict = PyDict::new(py);
    dict.set_item("name", &identity.name)?;
    dict.set_item("seed", identity.seed)?;
    dict.set_item("replicates", identity.replicates)?;
    dict.set_item("grid", to_python(py, &identity.grid)?)?;
    dict.set_item("players", &identity.players)?;
    dict.set_item("tidy", &results.tidy)?;
    dict.set_item("summary", results.summary.to_csv(identity))?;
    Ok(dict)
}
