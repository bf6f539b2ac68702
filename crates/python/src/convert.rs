//! Conversions between Python objects and the library's types: errors to
//! Python exceptions, currency names, matrices to numpy arrays, and the
//! Python-friendly spellings of a tournament (player lists, `turns` or
//! `delta`, a number for fixed politics) to the serde shape of a
//! tournament file.
//!
//! Everything the bindings know about the library's file formats lives
//! here, so a change in the library's types touches this module only.

use std::fmt::Display;

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray2};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyString};
use serde::Serialize;
use serde::de::DeserializeOwned;
use twolevel::game::Currency;
use twolevel::game::error::WholeRange;
use twolevel::tournament::RankingMetric;

/// A library error as a Python `ValueError` carrying the library's message
/// (which names the file, line and column, or the field, and what is
/// expected).
pub fn value_error(error: impl Display) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// Reads an integer argument as the whole-number field `range` of a file
/// is read ([`WholeRange::fit`]): any Python integer (or whole float)
/// that the field's type holds. A negative, too large, fractional or
/// non-numeric one raises `ValueError` with the text a file gets for it
/// (``invalid `seed`: expected a whole number from 0 to
/// 18446744073709551615, got -1``), not pyo3's `OverflowError` or
/// `TypeError`. Every integer argument of the module is read here.
pub fn whole<T: TryFrom<i128>>(object: &Bound<'_, PyAny>, range: &WholeRange) -> PyResult<T> {
    let refuse = |got: String| Err(value_error(range.error(&got)));
    if object.is_instance_of::<PyBool>() {
        return refuse(object.str()?.to_string());
    }
    if let Ok(value) = object.extract::<i128>() {
        return range.fit(value).map_err(value_error);
    }
    if object.is_instance_of::<PyInt>() {
        // An integer beyond 128 bits.
        return refuse(object.str()?.to_string());
    }
    match object.extract::<f64>() {
        Ok(value) => range.fit_float(value).map_err(value_error),
        Err(_) => refuse(object.repr()?.to_string()),
    }
}

/// [`whole`] for an optional argument (`None` stays `None`).
pub fn whole_option<T: TryFrom<i128>>(
    object: Option<&Bound<'_, PyAny>>,
    range: &WholeRange,
) -> PyResult<Option<T>> {
    object
        .filter(|o| !o.is_none())
        .map(|o| whole(o, range))
        .transpose()
}

/// Reads a Python object (dicts, lists, numbers, strings) as the library
/// type `T` through its serde form, the same one its RON files use;
/// `what` names the object in the error.
pub fn from_python<T: DeserializeOwned>(object: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    pythonize::depythonize(object).map_err(|e| value_error(format!("invalid {what}: {e}")))
}

/// A library value as plain Python objects (dicts, lists, numbers,
/// strings, `None`) through its serde form.
pub fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(value_error)
}

/// The currency of a name: `"policy"`, `"political"` or `"utility"`
/// (case ignored).
pub fn currency(name: &str) -> PyResult<Currency> {
    Currency::ALL
        .into_iter()
        .find(|c| c.label().eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| {
            value_error(format!(
                "unknown currency \"{name}\"; expected \"policy\", \"political\" or \"utility\""
            ))
        })
}

/// The ranking metric of a name: a currency (`"policy"`, ...) or
/// `"wins_"` followed by a currency (`"wins_policy"`, ...).
pub fn ranking_metric(name: &str) -> PyResult<RankingMetric> {
    let name = name.trim();
    let wins = name
        .get(..5)
        .filter(|prefix| prefix.eq_ignore_ascii_case("wins_"));
    if wins.is_some() {
        return currency(&name[5..]).map(RankingMetric::Wins);
    }
    currency(name)
        .map(|c| match c {
            Currency::Policy => RankingMetric::Policy,
            Currency::Political => RankingMetric::Political,
            Currency::Utility => RankingMetric::Utility,
        })
        .map_err(|_| {
            value_error(format!(
                "unknown ranking \"{name}\"; expected \"policy\", \"political\", \"utility\", \
                 \"wins_policy\", \"wins_political\" or \"wins_utility\""
            ))
        })
}

/// The name of a ranking metric, as [`ranking_metric`] reads it.
pub fn ranking_name(metric: RankingMetric) -> String {
    match metric {
        RankingMetric::Wins(c) => format!("wins_{}", c.label()),
        other => other.currency().label().to_owned(),
    }
}

/// A square or rectangular matrix of optional numbers as a float64 numpy
/// array, with NaN where a value is missing (pairs that did not meet).
pub fn optional_matrix<'py>(
    py: Python<'py>,
    rows: &[Vec<Option<f64>>],
) -> Bound<'py, PyArray2<f64>> {
    let columns = rows.first().map_or(0, Vec::len);
    Array2::from_shape_fn((rows.len(), columns), |(i, j)| {
        rows[i][j].unwrap_or(f64::NAN)
    })
    .into_pyarray(py)
}

/// A matrix of numbers (rows of equal length) as a numpy array.
pub fn matrix<'py, T: numpy::Element + Copy>(
    py: Python<'py>,
    rows: &[Vec<T>],
) -> Bound<'py, PyArray2<T>> {
    let columns = rows.first().map_or(0, Vec::len);
    Array2::from_shape_fn((rows.len(), columns), |(i, j)| rows[i][j]).into_pyarray(py)
}

/// The serde shape of one player of a tournament built from Python
/// objects.
///
/// A string is a strategy of the registry by name (the player takes the
/// name). A dict either names a preset, `{"preset": "politician"}`, or a
/// strategy, `{"strategy": "GTFT", "params": {"p": 0.3}, "name": ..,
/// "political_weight": .., "visibility": .., "patience": ..,
/// "securitizing": .., "politicization": .., "role": "A" or "B"}` (the
/// fields of an `Inline` player of a tournament file; `name` defaults to
/// the strategy's name).
fn player_entry<'py>(
    py: Python<'py>,
    player: &Bound<'py, PyAny>,
    index: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let entry = PyDict::new(py);
    if let Ok(name) = player.cast::<PyString>() {
        let inline = PyDict::new(py);
        inline.set_item("name", name)?;
        let strategy = PyDict::new(py);
        strategy.set_item("name", name)?;
        inline.set_item("strategy", strategy)?;
        entry.set_item("Inline", inline)?;
        return Ok(entry.into_any());
    }
    let Ok(fields) = player.cast::<PyDict>() else {
        return Err(value_error(format!(
            "invalid players[{index}]: expected a strategy name or a dict, got {}",
            player.get_type().name()?
        )));
    };
    if let Some(preset) = fields.get_item("preset")? {
        if fields.len() > 1 {
            return Err(value_error(format!(
                "invalid players[{index}]: a preset takes no other fields; write an inline player \
                 {{\"strategy\": .., \"political_weight\": ..}} to change its settings"
            )));
        }
        entry.set_item("Preset", preset)?;
        return Ok(entry.into_any());
    }
    let inline = fields.copy()?;
    let Some(strategy) = inline.get_item("strategy")? else {
        return Err(value_error(format!(
            "invalid players[{index}]: expected a \"strategy\" (a registry name) or a \"preset\""
        )));
    };
    let spec = PyDict::new(py);
    spec.set_item("name", &strategy)?;
    if let Some(params) = inline.get_item("params")? {
        spec.set_item("params", params)?;
        inline.del_item("params")?;
    }
    inline.set_item("strategy", spec)?;
    if inline.get_item("name")?.is_none() {
        inline.set_item("name", strategy)?;
    }
    for optional in ["visibility", "politicization", "role"] {
        // Optional fields are `Some(..)` in a file; from Python a value or None.
        if let Some(value) = inline.get_item(optional)?
            && value.is_none()
        {
            inline.del_item(optional)?;
        }
    }
    entry.set_item("Inline", inline)?;
    Ok(entry.into_any())
}

/// The Python spellings of a round robin's settings, read by
/// [`tournament_file`].
pub struct RoundRobinSpec<'py> {
    /// The tournament's name.
    pub name: String,
    /// The players: strategy names or dicts (see [`player_entry`]).
    pub players: Bound<'py, PyList>,
    /// The two-level game as a dict of the file's `game` block.
    pub game: Option<Bound<'py, PyAny>>,
    /// A fixed number of turns: any Python number, checked by the library
    /// as a file's `turns` is (a negative or too large one raises
    /// `ValueError` naming `turns` and its range, not `OverflowError`).
    pub turns: Option<Bound<'py, PyAny>>,
    /// A continuation probability instead of fixed turns.
    pub delta: Option<f64>,
    /// A number (fixed politicization) or a dict `{"initial": ..,
    /// "visibility": .., "up": .., "down": ..}` (dynamic).
    pub politics: Option<Bound<'py, PyAny>>,
    /// An election cycle as a dict of the file's `election` block.
    pub election: Option<Bound<'py, PyAny>>,
    /// The probability that a move is flipped.
    pub action_noise: f64,
    /// The probability that a partner's move is misread.
    pub perception_noise: f64,
    /// Whether players are told the number of turns.
    pub length_known: bool,
    /// Repetitions of every match.
    pub repetitions: u32,
    /// The master seed.
    pub seed: u64,
    /// Whether each player meets a clone of itself.
    pub self_play: bool,
    /// The ranking metric's name.
    pub ranking: String,
}

/// The serde shape of the politics of a round robin: a number is fixed
/// politicization; a dict with `initial` and the dynamics' fields is
/// dynamic politicization.
fn politics_entry<'py>(
    py: Python<'py>,
    politics: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let entry = PyDict::new(py);
    if let Ok(fields) = politics.cast::<PyDict>() {
        let dynamics = fields.copy()?;
        let initial = match dynamics.get_item("initial")? {
            Some(initial) => {
                dynamics.del_item("initial")?;
                initial
            }
            None => 0.0_f64.into_pyobject(py)?.into_any(),
        };
        let dynamic = PyDict::new(py);
        dynamic.set_item("initial", initial)?;
        dynamic.set_item("dynamics", dynamics)?;
        entry.set_item("Dynamic", dynamic)?;
    } else {
        entry.set_item("Fixed", politics)?;
    }
    Ok(entry.into_any())
}

/// The tournament file that `spec` describes, validated by the library
/// exactly as a RON file is (errors name the field, with `<python>` as
/// the file).
pub fn tournament_file(
    py: Python<'_>,
    spec: &RoundRobinSpec<'_>,
) -> PyResult<twolevel::tournament::RawTournament> {
    let file = PyDict::new(py);
    file.set_item("name", &spec.name)?;
    let players = PyList::empty(py);
    for (index, player) in spec.players.iter().enumerate() {
        players.append(player_entry(py, &player, index)?)?;
    }
    file.set_item("players", players)?;
    if let Some(game) = &spec.game {
        file.set_item("game", game)?;
    }
    let horizon = PyDict::new(py);
    match (&spec.turns, spec.delta) {
        (Some(_), Some(_)) => {
            return Err(value_error(
                "give either `turns` (a fixed horizon) or `delta` (a continuation probability), \
                 not both",
            ));
        }
        (_, Some(delta)) => {
            let continuation = PyDict::new(py);
            continuation.set_item("delta", delta)?;
            horizon.set_item("Continuation", continuation)?;
        }
        (turns, None) => {
            let fixed = PyDict::new(py);
            match turns {
                Some(turns) => fixed.set_item("turns", turns)?,
                None => fixed.set_item("turns", 200)?,
            }
            horizon.set_item("Fixed", fixed)?;
        }
    }
    file.set_item("horizon", horizon)?;
    if let Some(politics) = &spec.politics {
        file.set_item("politics", politics_entry(py, politics)?)?;
    }
    if let Some(election) = &spec.election {
        file.set_item("election", election)?;
    }
    file.set_item("action_noise", spec.action_noise)?;
    file.set_item("perception_noise", spec.perception_noise)?;
    file.set_item("length_known", spec.length_known)?;
    file.set_item("repetitions", spec.repetitions)?;
    file.set_item("seed", spec.seed)?;
    file.set_item("self_play", spec.self_play)?;
    file.set_item("ranking", to_python(py, &ranking_metric(&spec.ranking)?)?)?;
    from_python(file.as_any(), "tournament")
}
