//! Round robins from Python: from a tournament file, from RON text or
//! from Python objects, and their results.

use std::path::PathBuf;

use numpy::IntoPyArray;
use numpy::PyArray2;
use numpy::ndarray::Array2;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use twolevel::game::Currency;
use twolevel::tournament::config::{FileKind, PresetCatalog};
use twolevel::tournament::file::AnyFile;
use twolevel::tournament::round_robin::Summary;
use twolevel::tournament::{RankingRow, RoundRobinResults, Tournament};

use twolevel::game::error::WholeRange;
use twolevel::tournament::config::RawTournament;

use crate::convert::{
    self, RoundRobinSpec, optional_matrix, ranking_name, to_python, value_error, whole_option,
};

/// The origin named in errors about tournaments built from Python objects.
pub const PYTHON_ORIGIN: &str = "<python>";

/// The pure-Python module that builds data frames and plots
/// (`python/twolevel/_notebook.py`), which imports pandas and matplotlib
/// only when they are used.
pub fn notebook(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("twolevel._notebook")
}

/// Reads and validates a round-robin tournament file ([`AnyFile`]);
/// `seed` replaces the file's seeds ([`AnyFile::with_seed`]: the round
/// robin's and its evolution block's).
pub fn load_file(path: PathBuf, seed: Option<u64>) -> PyResult<Tournament> {
    let file = AnyFile::from_file_as(&path, FileKind::RoundRobin).map_err(value_error)?;
    Ok(into_tournament(file, seed))
}

/// Parses and validates round-robin RON text (presets from the built-in
/// ones); `origin` names the text in errors.
pub fn load_ron(text: &str, origin: &str, seed: Option<u64>) -> PyResult<Tournament> {
    let catalog = PresetCatalog::builtin().map_err(value_error)?;
    let file = AnyFile::from_ron_as(text, origin, FileKind::RoundRobin, Some(&catalog))
        .map_err(value_error)?;
    Ok(into_tournament(file, seed))
}

/// The tournament of a file loaded as a round robin, with its seeds
/// replaced by `seed` when one is given.
fn into_tournament(file: AnyFile, seed: Option<u64>) -> Tournament {
    file.with_seed_option(seed)
        .into_tournament()
        .expect("a file loaded as a round robin holds one")
}

/// Plays a tournament's round robin without holding the interpreter lock.
fn play(py: Python<'_>, tournament: &Tournament) -> TournamentResults {
    // The Python results keep every match record, as they did before round
    // robins summed while playing.
    let round_robin = tournament.round_robin.clone().with_match_records(true);
    let results = py.detach(|| round_robin.play());
    TournamentResults {
        name: tournament.name.clone(),
        results,
    }
}

/// The results of a round robin: rankings, standings, matrices in every
/// currency (policy payoff, political payoff, own utility) and every
/// match.
///
/// Currencies are named "policy", "political" and "utility". The policy
/// payoff is comparable between all players; each player's utility is on
/// its own scale.
#[pyclass(module = "twolevel", frozen)]
pub struct TournamentResults {
    name: String,
    results: RoundRobinResults,
}

impl TournamentResults {
    /// A players-by-repetitions array of one summary's values per
    /// repetition, players in the order given.
    fn per_repetition<'py>(
        &self,
        py: Python<'py>,
        summary: impl Fn(&RankingRow) -> &Summary,
    ) -> Bound<'py, PyArray2<f64>> {
        let standings = &self.results.standings;
        let repetitions = self.results.repetitions as usize;
        Array2::from_shape_fn((standings.len(), repetitions), |(i, r)| {
            summary(&standings[i]).per_repetition[r]
        })
        .into_pyarray(py)
    }
}

#[pymethods]
impl TournamentResults {
    /// The tournament's name.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The player names, in the order the players were given.
    #[getter]
    fn names(&self) -> Vec<&str> {
        self.results.names().collect()
    }

    /// The player names from best to worst.
    #[getter]
    fn ranked_names(&self) -> Vec<&str> {
        self.results.ranked_names().collect()
    }

    /// What the ranking sorts by: "policy", "political", "utility" or
    /// "wins_" and a currency.
    #[getter]
    fn metric(&self) -> String {
        ranking_name(self.results.metric)
    }

    /// The number of repetitions of every match.
    #[getter]
    fn repetitions(&self) -> u32 {
        self.results.repetitions
    }

    /// The master seed.
    #[getter]
    fn seed(&self) -> u64 {
        self.results.seed
    }

    /// The mean number of rounds per match.
    #[getter]
    fn mean_match_length(&self) -> f64 {
        self.results.mean_match_length
    }

    /// The ranking, best first: one dict per player with the keys of the
    /// Rust example's `ranking.csv`: "rank", "player", the mean and
    /// standard deviation over repetitions of the payoff per turn in each
    /// currency ("policy_mean", "policy_sd", "political_mean", ...,
    /// "utility_sd"), of the matches won in each currency
    /// ("wins_policy_mean", ...), and "cooperation_rate".
    fn ranking<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = PyList::empty(py);
        for (rank, &player) in self.results.ranking.iter().enumerate() {
            let standing = &self.results.standings[player];
            let row = PyDict::new(py);
            row.set_item("rank", rank + 1)?;
            row.set_item("player", &standing.name)?;
            let scores = standing
                .scores
                .iter()
                .map(|(c, s)| (c.label().to_owned(), s));
            let wins = standing
                .wins
                .iter()
                .map(|(c, s)| (format!("wins_{}", c.label()), s));
            for (name, summary) in scores.chain(wins) {
                row.set_item(format!("{name}_mean"), summary.mean)?;
                row.set_item(format!("{name}_sd"), summary.std)?;
            }
            row.set_item("cooperation_rate", standing.cooperation_rate)?;
            rows.append(row)?;
        }
        Ok(rows)
    }

    /// `payoff_matrix(currency)[i, j]`: player i's mean payoff per turn
    /// against player j in the currency ("policy" by default), averaged
    /// over repetitions; NaN for pairs that did not meet.
    #[pyo3(signature = (currency="policy"))]
    fn payoff_matrix<'py>(
        &self,
        py: Python<'py>,
        currency: &str,
    ) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let currency = convert::currency(currency)?;
        Ok(optional_matrix(py, &self.results.payoff_matrices[currency]))
    }

    /// The payoff matrices of all three currencies, keyed by currency name.
    fn payoff_matrices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let matrices = PyDict::new(py);
        for (currency, rows) in self.results.payoff_matrices.iter() {
            matrices.set_item(currency.label(), optional_matrix(py, rows))?;
        }
        Ok(matrices)
    }

    /// `cooperation_matrix()[i, j]`: the share of rounds in which player i
    /// cooperated against player j, over all repetitions; NaN for pairs
    /// that did not meet.
    fn cooperation_matrix<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray2<f64>> {
        optional_matrix(py, &self.results.cooperation_matrix)
    }

    /// `scores(currency)[i, r]`: player i's payoff per turn in repetition r,
    /// in the currency ("policy" by default), players in the order given.
    #[pyo3(signature = (currency="policy"))]
    fn scores<'py>(&self, py: Python<'py>, currency: &str) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let currency: Currency = convert::currency(currency)?;
        Ok(self.per_repetition(py, |standing| &standing.scores[currency]))
    }

    /// `wins(currency)[i, r]`: the number of matches player i won in
    /// repetition r, in the currency ("policy" by default; a match is won
    /// by the higher total payoff), players in the order given.
    #[pyo3(signature = (currency="policy"))]
    fn wins<'py>(&self, py: Python<'py>, currency: &str) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let currency: Currency = convert::currency(currency)?;
        Ok(self.per_repetition(py, |standing| &standing.wins[currency]))
    }

    /// The ranking as a pandas DataFrame, best first: one row per player,
    /// indexed by "player", with the columns of `ranking()` ("rank", then
    /// "policy_mean", "policy_sd", "political_mean", ..., the wins per
    /// repetition "wins_policy_mean", ..., and "cooperation_rate"); the
    /// column names carry the currencies. Needs pandas (ImportError
    /// otherwise).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("ranking_frame", (slf,))
    }

    /// `payoff_matrix(currency)` as a pandas DataFrame labelled with the
    /// player names: rows are the player, columns the opponent; NaN for
    /// pairs that did not meet. Needs pandas.
    #[pyo3(signature = (currency="policy"))]
    fn payoff_frame<'py>(slf: &Bound<'py, Self>, currency: &str) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("payoff_frame", (slf, currency))
    }

    /// `cooperation_matrix()` as a pandas DataFrame labelled with the
    /// player names (rows the player, columns the opponent). Needs pandas.
    fn cooperation_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("cooperation_frame", (slf,))
    }

    /// `scores(currency)` as a pandas DataFrame: a row per player (indexed
    /// by name, in the order given) and a column per repetition. Needs
    /// pandas.
    #[pyo3(signature = (currency="policy"))]
    fn scores_frame<'py>(slf: &Bound<'py, Self>, currency: &str) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("scores_frame", (slf, currency))
    }

    /// A matplotlib Figure, shown inline in Jupyter: `kind` "boxplot" (each
    /// player's payoff per turn over repetitions, Tukey whiskers at the
    /// most extreme data within 1.5 IQR of the quartiles, outliers drawn),
    /// "wins" (matches won per repetition), "payoff" (the payoff heatmap,
    /// viridis with a colour bar and cell values) or "cooperation" (the
    /// cooperation heatmap), in the currency ("policy" by default) named
    /// on the axis. Needs matplotlib (ImportError otherwise).
    #[pyo3(signature = (kind="boxplot", currency="policy"))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        kind: &str,
        currency: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("plot_results", (slf, kind, currency))
    }

    /// The domestic arenas' results (docs/actors.md) as plain Python
    /// objects, for a tournament file whose players have arenas: "states"
    /// (each state's cooperation and its actors' influence shares,
    /// spending in capability units and payoffs in the actors' own
    /// currency, over repetitions), "pairs" (per pair: cooperation,
    /// payoffs per turn in each currency, actors and per-round series of
    /// domestic position, pi and cooperation) and "coalitions"; None for a
    /// tournament without arenas.
    fn arenas<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.results
            .arenas
            .as_ref()
            .map(|arenas| to_python(py, arenas))
            .transpose()
    }

    /// Everything as plain Python objects (dicts and lists), in the shape
    /// of the `results.json` file the Rust examples write: "metric",
    /// "repetitions", "seed", "standings", "ranking", "payoff_matrices",
    /// "cooperation_matrix", "mean_match_length" and "matches" (and
    /// "arenas" for a tournament with domestic arenas).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.results)
    }

    /// Everything as JSON text, the same as the Rust examples'
    /// `results.json`.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.results).map_err(value_error)
    }

    /// The ranking as an HTML table, which Jupyter shows when a cell ends
    /// with the results (the data frame of `to_pandas()` with pandas, else
    /// the text of `str(results)`).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        notebook(slf.py())?.call_method1("results_html", (slf,))
    }

    /// The ranking table, as the Rust `tournament` example prints it.
    fn __str__(&self) -> String {
        self.results.to_string()
    }

    fn __repr__(&self) -> String {
        format!(
            "<TournamentResults {:?}: {} players, {} repetitions, seed {}, ranked by {}>",
            self.name,
            self.results.standings.len(),
            self.results.repetitions,
            self.results.seed,
            ranking_name(self.results.metric)
        )
    }
}

/// Plays the round robin of a tournament file (RON, `Tournament(..)`).
///
/// Presets resolve from the `strategies/` folder beside the file's folder
/// when it exists, else from the presets built into the library. `seed`
/// replaces the file's seed. Errors (syntax, unknown fields, invalid
/// values) raise ValueError naming the file, line and column or field.
#[pyfunction]
#[pyo3(signature = (path, *, seed=None))]
pub fn run_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<TournamentResults> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let tournament = load_file(path, seed)?;
    Ok(play(py, &tournament))
}

/// Plays the round robin of tournament RON text (`Tournament(..)`), with
/// the built-in presets; `origin` names the text in error messages and
/// `seed` replaces the text's seed.
#[pyfunction]
#[pyo3(signature = (text, *, origin="<string>", seed=None))]
pub fn run_ron<'py>(
    py: Python<'py>,
    text: &str,
    origin: &str,
    seed: Option<Bound<'py, PyAny>>,
) -> PyResult<TournamentResults> {
    let seed: Option<u64> = whole_option(seed.as_ref(), &WholeRange::SEED)?;
    let tournament = load_ron(text, origin, seed)?;
    Ok(play(py, &tournament))
}

/// Builds and plays a round robin from Python objects.
///
/// `players` is a list whose items are a strategy name of the registry
/// ("Tit For Tat"), a preset `{"preset": "politician"}`, or a dict
/// `{"strategy": "GTFT", "params": {"p": 0.3}, "name": "GTFT 0.3",
/// "political_weight": 0.5, "visibility": 0.5, "patience": 0.9,
/// "securitizing": 0.0, "politicization": 0.2, "role": "A"}` in which
/// only "strategy" is required. `game` holds the fields of a tournament
/// file's `game` block (`{"theta": 4.0, "beta": 0.8}`; Axelrod's payoffs
/// and the documented defaults otherwise). The horizon is `turns` rounds
/// (200 by default) or, with `delta`, a continuation probability.
/// `politics` is a number (fixed politicization) or a dict `{"initial":
/// 0.2, "visibility": 0.5, "up": 0.05, "down": 0.1}` (dynamic);
/// `election` a dict `{"term": 50, "lead": 10, "boost": 0.5}`. `ranking`
/// is "policy", "political", "utility" or "wins_" and a currency.
///
/// Everything is validated as a tournament file is: errors raise
/// ValueError naming the field.
#[pyfunction]
// `repetitions` and `seed` arrive as any Python object (read by
// `convert::whole`, so that a bad one raises the file's ValueError);
// `None` stands for the default the text signature shows.
#[pyo3(signature = (
    players, *, game=None, turns=None, delta=None, politics=None, election=None,
    action_noise=0.0, perception_noise=0.0, length_known=false, repetitions=None, seed=None,
    self_play=true, ranking="policy", name="python"
), text_signature = "(players, *, game=None, turns=None, delta=None, politics=None, \
    election=None, action_noise=0.0, perception_noise=0.0, length_known=False, repetitions=1, \
    seed=0, self_play=True, ranking='policy', name='python')")]
#[allow(clippy::too_many_arguments)]
pub fn round_robin<'py>(
    py: Python<'py>,
    players: Bound<'py, PyList>,
    game: Option<Bound<'py, PyAny>>,
    turns: Option<Bound<'py, PyAny>>,
    delta: Option<f64>,
    politics: Option<Bound<'py, PyAny>>,
    election: Option<Bound<'py, PyAny>>,
    action_noise: f64,
    perception_noise: f64,
    length_known: bool,
    repetitions: Option<Bound<'py, PyAny>>,
    seed: Option<Bound<'py, PyAny>>,
    self_play: bool,
    ranking: &str,
    name: &str,
) -> PyResult<TournamentResults> {
    let repetitions = whole_option(repetitions.as_ref(), &RawTournament::REPETITIONS)?.unwrap_or(1);
    let seed = whole_option(seed.as_ref(), &WholeRange::SEED)?.unwrap_or(0);
    let spec = RoundRobinSpec {
        name: name.to_owned(),
        players,
        game,
        turns,
        delta,
        politics,
        election,
        action_noise,
        perception_noise,
        length_known,
        repetitions,
        seed,
        self_play,
        ranking: ranking.to_owned(),
    };
    let catalog = PresetCatalog::builtin().map_err(value_error)?;
    let tournament = convert::tournament_file(py, &spec)?
        .validate(PYTHON_ORIGIN, &catalog)
        .map_err(value_error)?;
    Ok(play(py, &tournament))
}

/// The strategies of the registry: one dict per strategy with its
/// "name", "aliases", "summary" and "params" (each with "name", "range",
/// "default" and "doc").
#[pyfunction]
pub fn strategies(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for entry in twolevel::strategies::registry::entries() {
        let row = PyDict::new(py);
        row.set_item("name", entry.name)?;
        row.set_item("aliases", entry.aliases.to_vec())?;
        row.set_item("summary", entry.summary)?;
        let params = PyList::empty(py);
        for spec in entry.params {
            let param = PyDict::new(py);
            param.set_item("name", spec.name)?;
            param.set_item("range", spec.kind.to_string())?;
            param.set_item("default", to_python(py, &spec.default_value())?)?;
            param.set_item("doc", spec.doc)?;
            params.append(param)?;
        }
        row.set_item("params", params)?;
        list.append(row)?;
    }
    Ok(list)
}

/// The names of the presets built into the library (players with a
/// strategy, political weight, visibility, patience and securitizing
/// moves), usable as `{"preset": name}` and `Preset("name")`.
#[pyfunction]
pub fn presets() -> PyResult<Vec<String>> {
    let catalog = PresetCatalog::builtin().map_err(value_error)?;
    Ok(catalog.names().map(str::to_owned).collect())
}
