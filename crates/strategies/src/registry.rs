//! The strategy registry: building strategies by name from configuration.
//!
//! A [`StrategySpec`] names a strategy and gives its parameters; in RON:
//!
//! ```ron
//! (name: "Diffuse Reciprocity", params: {"tolerance": 2.0, "lambda": 0.9})
//! ```
//!
//! `params` may be left out for the defaults. [`build`] turns a spec into a
//! boxed [`Strategy`], and [`names`] lists every registered name.
//!
//! Names are matched ignoring case, spaces and punctuation, so `"Tit For
//! Tat"`, `"TitForTat"` and `"tit-for-tat"` are the same strategy; a few
//! short aliases (`"TFT"`, `"GTFT"`, ...) are registered too. An unknown
//! name gets an error that lists close matches.
//!
//! ```
//! use twolevel_strategies::registry::{build, StrategyError, StrategySpec};
//!
//! let tft = build(&StrategySpec::new("TitForTat"))?;
//! assert_eq!(tft.name(), "Tit For Tat");
//!
//! let err = build(&StrategySpec::new("Tit For Tatt")).unwrap_err();
//! assert!(matches!(err, StrategyError::UnknownStrategy { ref suggestions, .. }
//!     if suggestions.iter().any(|s| s == "Tit For Tat")));
//! # Ok::<(), StrategyError>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use twolevel_game::{ParameterError, Strategy};

use crate::classic::{
    Alternator, Bully, Cooperator, Cycler, CyclerCCD, Defector, FirstByAnonymous, FirstByDavis,
    FirstByDowning, FirstByFeld, FirstByGraaskamp, FirstByGrofman, FirstByJoss, FirstByNydegger,
    FirstByShubik, FirstBySteinAndRapoport, FirstByTidemanAndChieruzzi, FirstByTullock,
    ForgetfulGrudger, GoByMajority, Gradual, Grudger, Gtft, HardTitForTat, Prober, Random,
    SuspiciousTitForTat, TitFor2Tats, TwoTitsForTat, WinStayLoseShift,
};
use crate::ledger::Valuation;
use crate::{
    ContriteTitForTat, Delegation, DiffuseReciprocity, FreeRider, GearShifting, GearShiftingParams,
    NationalistDefector, TitForTat,
};

/// A strategy named in a configuration file, with its parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategySpec {
    /// The strategy's name or one of its aliases; see [`names`].
    pub name: String,
    /// Parameters by name; missing parameters take their defaults.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, ParamValue>,
}

impl StrategySpec {
    /// A spec for the named strategy with default parameters.
    pub fn new(name: impl Into<String>) -> Self {
        StrategySpec {
            name: name.into(),
            params: BTreeMap::new(),
        }
    }

    /// The same spec with one more parameter.
    #[must_use]
    pub fn with(mut self, param: impl Into<String>, value: impl Into<ParamValue>) -> Self {
        self.params.insert(param.into(), value.into());
        self
    }
}

/// The value of a strategy parameter, as written in RON: a number, a
/// boolean or a string.
///
/// Numbers may be written as integers or floats. An unbounded number (for
/// example an infinite tolerance) may be written as the RON float `inf` or
/// as the text `"inf"` (also `"infinity"` or `"unbounded"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A string, for enumerated choices and patterns.
    Text(String),
}

impl ParamValue {
    /// The kind of value, as named in error messages.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            ParamValue::Number(_) => "a number",
            ParamValue::Bool(_) => "a boolean",
            ParamValue::Text(_) => "a string",
        }
    }
}

impl From<f64> for ParamValue {
    fn from(value: f64) -> Self {
        ParamValue::Number(value)
    }
}

impl From<u32> for ParamValue {
    fn from(value: u32) -> Self {
        ParamValue::Number(f64::from(value))
    }
}

impl From<bool> for ParamValue {
    fn from(value: bool) -> Self {
        ParamValue::Bool(value)
    }
}

impl From<&str> for ParamValue {
    fn from(value: &str) -> Self {
        ParamValue::Text(value.to_owned())
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        ParamValue::Text(value)
    }
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Number(x) => write!(f, "{x}"),
            ParamValue::Bool(b) => write!(f, "{b}"),
            ParamValue::Text(s) => write!(f, "{s:?}"),
        }
    }
}

/// A strategy could not be built from its spec.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum StrategyError {
    /// No strategy is registered under the name.
    #[error("unknown strategy `{name}`{}", suggestion_text(suggestions))]
    UnknownStrategy {
        /// The name as given.
        name: String,
        /// Registered names close to it, best first (possibly empty).
        suggestions: Vec<String>,
    },
    /// The strategy has no parameter of that name.
    #[error(
        "strategy `{strategy}` has no parameter `{param}`; {}",
        expected_text(expected)
    )]
    UnknownParameter {
        /// The strategy's display name.
        strategy: String,
        /// The parameter as given.
        param: String,
        /// The parameters the strategy accepts.
        expected: Vec<String>,
    },
    /// The parameter has a value the strategy does not accept.
    #[error("invalid `{param}` for strategy `{strategy}`: {reason}")]
    InvalidParameter {
        /// The strategy's display name.
        strategy: String,
        /// The parameter.
        param: String,
        /// What was wrong and what is expected.
        reason: String,
    },
    /// The parameter has a value of the wrong kind (a string for a number,
    /// for example).
    #[error("invalid `{param}` for strategy `{strategy}`: expected {expected}, got {found}")]
    WrongType {
        /// The strategy's display name.
        strategy: String,
        /// The parameter.
        param: String,
        /// The kind of value expected, for example "a number".
        expected: String,
        /// The value given.
        found: String,
    },
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::from(" (no registered strategy has a similar name)")
    } else {
        let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        format!("; did you mean {}?", quoted.join(" or "))
    }
}

fn expected_text(expected: &[String]) -> String {
    if expected.is_empty() {
        String::from("it takes no parameters")
    } else {
        let quoted: Vec<String> = expected.iter().map(|s| format!("`{s}`")).collect();
        format!("expected one of {}", quoted.join(", "))
    }
}

/// Read access to a spec's parameters while building a strategy, with
/// errors that name the strategy and the parameter.
pub(crate) struct Params<'a> {
    strategy: &'static str,
    values: &'a BTreeMap<String, ParamValue>,
}

impl Params<'_> {
    fn wrong_type(&self, param: &str, expected: &str, found: &ParamValue) -> StrategyError {
        StrategyError::WrongType {
            strategy: self.strategy.to_owned(),
            param: param.to_owned(),
            expected: expected.to_owned(),
            found: format!("{} ({found})", found.kind()),
        }
    }

    /// An [`StrategyError::InvalidParameter`] for `param`.
    pub(crate) fn invalid(&self, param: &str, reason: impl Into<String>) -> StrategyError {
        StrategyError::InvalidParameter {
            strategy: self.strategy.to_owned(),
            param: param.to_owned(),
            reason: reason.into(),
        }
    }

    /// Converts a constructor's [`ParameterError`] into a
    /// [`StrategyError::InvalidParameter`] for this strategy.
    pub(crate) fn rejected(&self, error: ParameterError) -> StrategyError {
        StrategyError::InvalidParameter {
            strategy: self.strategy.to_owned(),
            param: error.field,
            reason: error.reason,
        }
    }

    /// A number, if given. The texts `"inf"`, `"infinity"` and
    /// `"unbounded"` (any case) stand for positive infinity.
    pub(crate) fn number(&self, param: &str) -> Result<Option<f64>, StrategyError> {
        match self.values.get(param) {
            None => Ok(None),
            Some(ParamValue::Number(x)) => Ok(Some(*x)),
            Some(ParamValue::Text(text))
                if ["inf", "+inf", "infinity", "unbounded"]
                    .contains(&text.to_ascii_lowercase().as_str()) =>
            {
                Ok(Some(f64::INFINITY))
            }
            Some(other) => Err(self.wrong_type(param, "a number", other)),
        }
    }

    /// A whole number in `u32`, if given.
    pub(crate) fn count(&self, param: &str) -> Result<Option<u32>, StrategyError> {
        match self.number(param)? {
            None => Ok(None),
            Some(x) if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) => {
                // The range check above makes the conversion exact.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Ok(Some(x as u32))
            }
            Some(x) => Err(self.invalid(param, format!("expected a whole number >= 0, got {x}"))),
        }
    }

    /// A boolean, if given.
    pub(crate) fn boolean(&self, param: &str) -> Result<Option<bool>, StrategyError> {
        match self.values.get(param) {
            None => Ok(None),
            Some(ParamValue::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.wrong_type(param, "a boolean", other)),
        }
    }

    /// A string, if given.
    pub(crate) fn text(&self, param: &str) -> Result<Option<&str>, StrategyError> {
        match self.values.get(param) {
            None => Ok(None),
            Some(ParamValue::Text(text)) => Ok(Some(text)),
            Some(other) => Err(self.wrong_type(param, "a string", other)),
        }
    }
}

/// How a registered strategy is built.
type Builder = fn(&Params<'_>) -> Result<Box<dyn Strategy>, StrategyError>;

/// One registered strategy.
struct Entry {
    /// The display name, equal to `Strategy::name()` of the built strategy.
    name: &'static str,
    /// Other accepted names.
    aliases: &'static [&'static str],
    /// The parameters the builder reads.
    params: &'static [&'static str],
    /// Builds the strategy from validated parameter names.
    build: Builder,
}

fn boxed<S: Strategy + 'static>(strategy: S) -> Result<Box<dyn Strategy>, StrategyError> {
    Ok(Box::new(strategy))
}

/// The `valuation` parameter of the ledger strategies.
fn valuation(params: &Params<'_>) -> Result<Valuation, StrategyError> {
    params
        .text("valuation")?
        .map_or(Ok(Valuation::Counts), |text| {
            Valuation::parse("valuation", text).map_err(|e| params.rejected(e))
        })
}

fn build_diffuse_reciprocity(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let tolerance = params
        .number("tolerance")?
        .unwrap_or(DiffuseReciprocity::DEFAULT_TOLERANCE);
    let lambda = params
        .number("lambda")?
        .unwrap_or(DiffuseReciprocity::DEFAULT_LAMBDA);
    DiffuseReciprocity::new(tolerance, lambda, valuation(params)?)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

fn build_gear_shifting(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let defaults = GearShiftingParams::default();
    let values = GearShiftingParams {
        initial: params.number("initial")?.unwrap_or(defaults.initial),
        step: params.number("step")?.unwrap_or(defaults.step),
        cap: params.number("cap")?.unwrap_or(defaults.cap),
        patience: params.count("patience")?.unwrap_or(defaults.patience),
        lambda: params.number("lambda")?.unwrap_or(defaults.lambda),
        valuation: valuation(params)?,
    };
    GearShifting::new(values)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

fn build_free_rider(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let lambda = params.number("lambda")?.unwrap_or(1.0);
    let margin = params
        .number("margin")?
        .unwrap_or(FreeRider::DEFAULT_MARGIN);
    let probe_every = params
        .count("probe_every")?
        .unwrap_or(FreeRider::DEFAULT_PROBE_EVERY);
    FreeRider::new(lambda, margin, probe_every)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

fn build_nationalist_defector(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let threshold = params.number("reciprocate_below")?.unwrap_or(0.0);
    NationalistDefector::new(threshold)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

/// The registered name of [`Delegation`], which may not be a member of
/// itself.
const DELEGATION: &str = "Delegation";

/// Builds one member of a delegation, named by the text parameter `param`
/// (default `default`), with its default parameters.
fn delegation_member(
    params: &Params<'_>,
    param: &str,
    default: &str,
) -> Result<Box<dyn Strategy>, StrategyError> {
    let name = params.text(param)?.unwrap_or(default);
    if canonical_name(name)? == DELEGATION {
        return Err(params.invalid(
            param,
            "expected a strategy other than a delegation (delegations do not nest)",
        ));
    }
    build(&StrategySpec::new(name))
}

fn build_delegation(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let politician = delegation_member(params, "politician", "Tit For Tat")?;
    let bureaucrat = delegation_member(params, "bureaucrat", "Diffuse Reciprocity")?;
    let autonomy = params
        .number("autonomy")?
        .unwrap_or(Delegation::DEFAULT_AUTONOMY);
    Delegation::new(politician, bureaucrat, autonomy)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

/// Builds a strategy without parameters from its `Default`.
fn default_of<S: Strategy + Default + 'static>(
    _: &Params<'_>,
) -> Result<Box<dyn Strategy>, StrategyError> {
    boxed(S::default())
}

/// Builds a strategy with one optional probability parameter `name`
/// (default: the strategy's `Default`).
fn with_probability<S: Strategy + Default + 'static>(
    params: &Params<'_>,
    name: &str,
    new: fn(f64) -> Result<S, ParameterError>,
) -> Result<Box<dyn Strategy>, StrategyError> {
    match params.number(name)? {
        None => boxed(S::default()),
        Some(value) => new(value).map_err(|e| params.rejected(e)).and_then(boxed),
    }
}

fn build_cycler(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    match params.text("pattern")? {
        None => boxed(Cycler::default()),
        Some(pattern) => Cycler::new(pattern)
            .map_err(|e| params.rejected(e))
            .and_then(boxed),
    }
}

fn build_go_by_majority(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    // An infinite (or absent) memory depth means the whole history.
    let memory = match params.number("memory_depth")? {
        Some(depth) if depth.is_infinite() && depth > 0.0 => None,
        Some(_) => params.count("memory_depth")?,
        None => None,
    };
    let soft = params.boolean("soft")?.unwrap_or(true);
    GoByMajority::new(memory, soft)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

fn build_first_by_davis(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    match params.count("rounds_to_cooperate")? {
        None => boxed(FirstByDavis::default()),
        Some(rounds) => boxed(FirstByDavis::new(rounds)),
    }
}

fn build_first_by_feld(params: &Params<'_>) -> Result<Box<dyn Strategy>, StrategyError> {
    let start = params.number("start")?.unwrap_or(1.0);
    let end = params.number("end")?.unwrap_or(0.5);
    let rounds = params.count("rounds_of_decay")?.unwrap_or(200);
    FirstByFeld::new(start, end, rounds)
        .map_err(|e| params.rejected(e))
        .and_then(boxed)
}

/// Every registered strategy, in the order [`names`] lists them.
static ENTRIES: &[Entry] = &[
    Entry {
        name: "Tit For Tat",
        aliases: &["TFT"],
        params: &[],
        build: default_of::<TitForTat>,
    },
    Entry {
        name: "Diffuse Reciprocity",
        aliases: &["Diffuse"],
        params: &["tolerance", "lambda", "valuation"],
        build: build_diffuse_reciprocity,
    },
    Entry {
        name: "Gear Shifting",
        aliases: &["Gear Shifter"],
        params: &["initial", "step", "cap", "patience", "lambda", "valuation"],
        build: build_gear_shifting,
    },
    Entry {
        name: "Free Rider",
        aliases: &[],
        params: &["lambda", "margin", "probe_every"],
        build: build_free_rider,
    },
    Entry {
        name: "Nationalist Defector",
        aliases: &["Nationalist"],
        params: &["reciprocate_below"],
        build: build_nationalist_defector,
    },
    Entry {
        name: "Contrite Tit For Tat",
        aliases: &["CTFT"],
        params: &[],
        build: default_of::<ContriteTitForTat>,
    },
    Entry {
        name: DELEGATION,
        aliases: &[],
        params: &["autonomy", "politician", "bureaucrat"],
        build: build_delegation,
    },
    Entry {
        name: "Alternator",
        aliases: &[],
        params: &[],
        build: default_of::<Alternator>,
    },
    Entry {
        name: "Bully",
        aliases: &[],
        params: &[],
        build: default_of::<Bully>,
    },
    Entry {
        name: "Cooperator",
        aliases: &["ALLC", "Always Cooperate"],
        params: &[],
        build: default_of::<Cooperator>,
    },
    Entry {
        name: "Cycler",
        aliases: &[],
        params: &["pattern"],
        build: build_cycler,
    },
    Entry {
        name: "Cycler CCD",
        aliases: &[],
        params: &[],
        build: default_of::<CyclerCCD>,
    },
    Entry {
        name: "Defector",
        aliases: &["ALLD", "Always Defect"],
        params: &[],
        build: default_of::<Defector>,
    },
    Entry {
        name: "First by Anonymous",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByAnonymous>,
    },
    Entry {
        name: "First by Davis",
        aliases: &[],
        params: &["rounds_to_cooperate"],
        build: build_first_by_davis,
    },
    Entry {
        name: "First by Downing",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByDowning>,
    },
    Entry {
        name: "First by Feld",
        aliases: &[],
        params: &["start", "end", "rounds_of_decay"],
        build: build_first_by_feld,
    },
    Entry {
        name: "First by Graaskamp",
        aliases: &[],
        params: &["alpha"],
        build: |params| with_probability(params, "alpha", FirstByGraaskamp::new),
    },
    Entry {
        name: "First by Grofman",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByGrofman>,
    },
    Entry {
        name: "First by Joss",
        aliases: &["Joss"],
        params: &["p"],
        build: |params| with_probability(params, "p", FirstByJoss::new),
    },
    Entry {
        name: "First by Nydegger",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByNydegger>,
    },
    Entry {
        name: "First by Shubik",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByShubik>,
    },
    Entry {
        name: "First by Stein and Rapoport",
        aliases: &[],
        params: &["alpha"],
        build: |params| with_probability(params, "alpha", FirstBySteinAndRapoport::new),
    },
    Entry {
        name: "First by Tideman and Chieruzzi",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByTidemanAndChieruzzi>,
    },
    Entry {
        name: "First by Tullock",
        aliases: &[],
        params: &[],
        build: default_of::<FirstByTullock>,
    },
    Entry {
        name: "Forgetful Grudger",
        aliases: &[],
        params: &[],
        build: default_of::<ForgetfulGrudger>,
    },
    Entry {
        name: "Go By Majority",
        aliases: &["Soft Go By Majority", "Majority"],
        params: &["memory_depth", "soft"],
        build: build_go_by_majority,
    },
    Entry {
        name: "Gradual",
        aliases: &[],
        params: &[],
        build: default_of::<Gradual>,
    },
    Entry {
        name: "Grudger",
        aliases: &["Grim", "Grim Trigger"],
        params: &[],
        build: default_of::<Grudger>,
    },
    Entry {
        name: "GTFT",
        aliases: &["Generous Tit For Tat", "Generous TFT"],
        params: &["p"],
        build: |params| with_probability(params, "p", Gtft::new),
    },
    Entry {
        name: "Hard Tit For Tat",
        aliases: &["HTFT"],
        params: &[],
        build: default_of::<HardTitForTat>,
    },
    Entry {
        name: "Prober",
        aliases: &[],
        params: &[],
        build: default_of::<Prober>,
    },
    Entry {
        name: "Random",
        aliases: &[],
        params: &["p"],
        build: |params| with_probability(params, "p", Random::new),
    },
    Entry {
        name: "Suspicious Tit For Tat",
        aliases: &["STFT"],
        params: &[],
        build: default_of::<SuspiciousTitForTat>,
    },
    Entry {
        name: "Tit For 2 Tats",
        aliases: &["TF2T", "Tit For Two Tats"],
        params: &[],
        build: default_of::<TitFor2Tats>,
    },
    Entry {
        name: "Two Tits For Tat",
        aliases: &["TTFT", "2TFT"],
        params: &[],
        build: default_of::<TwoTitsForTat>,
    },
    Entry {
        name: "Win-Stay Lose-Shift",
        aliases: &["WSLS", "Pavlov"],
        params: &[],
        build: default_of::<WinStayLoseShift>,
    },
];

/// A name in the form used for matching: lowercase letters and digits only.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn find(name: &str) -> Option<&'static Entry> {
    let wanted = normalize(name);
    ENTRIES.iter().find(|entry| {
        normalize(entry.name) == wanted || entry.aliases.iter().any(|a| normalize(a) == wanted)
    })
}

/// How alike two names are, in [0, 1]: Jaro-Winkler similarity of the
/// names with case, spaces and punctuation removed.
fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&normalize(a), &normalize(b))
}

/// The labels of the best-scoring candidates with a similarity of at least
/// 0.8, best first (ties in name order), at most three.
fn best_matches<'a>(scored: impl Iterator<Item = (&'a str, f64)>) -> Vec<&'a str> {
    const THRESHOLD: f64 = 0.8;
    let mut scored: Vec<(f64, &'a str)> = scored
        .filter(|&(_, score)| score >= THRESHOLD)
        .map(|(label, score)| (score, label))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, label)| label).collect()
}

/// Up to three of `candidates` whose names are close to `name` (ignoring
/// case, spaces and punctuation), best first; used for "did you mean"
/// hints on strategy and preset names.
pub fn close_matches<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    best_matches(
        candidates
            .into_iter()
            .map(|candidate| (candidate, similarity(name, candidate))),
    )
}

/// Registered display names close to `name` or to one of their aliases,
/// best first, at most three.
fn suggestions(name: &str) -> Vec<String> {
    best_matches(ENTRIES.iter().map(|entry| {
        let score = std::iter::once(entry.name)
            .chain(entry.aliases.iter().copied())
            .map(|candidate| similarity(name, candidate))
            .fold(0.0, f64::max);
        (entry.name, score)
    }))
    .into_iter()
    .map(str::to_owned)
    .collect()
}

/// The entry registered under `name`, or an unknown-strategy error with
/// close matches.
fn lookup(name: &str) -> Result<&'static Entry, StrategyError> {
    find(name).ok_or_else(|| StrategyError::UnknownStrategy {
        name: name.to_owned(),
        suggestions: suggestions(name),
    })
}

/// Resolves a name or alias (ignoring case, spaces and punctuation) to the
/// registered display name.
pub fn canonical_name(name: &str) -> Result<&'static str, StrategyError> {
    lookup(name).map(|entry| entry.name)
}

/// The parameters accepted by the named strategy.
pub fn parameters(name: &str) -> Result<&'static [&'static str], StrategyError> {
    lookup(name).map(|entry| entry.params)
}

/// Builds the strategy a spec describes.
///
/// Fails with [`StrategyError::UnknownStrategy`] (listing close matches) for
/// an unknown name, [`StrategyError::UnknownParameter`] for a parameter the
/// strategy does not take, and [`StrategyError::InvalidParameter`] or
/// [`StrategyError::WrongType`] for a bad value.
pub fn build(spec: &StrategySpec) -> Result<Box<dyn Strategy>, StrategyError> {
    let entry = lookup(&spec.name)?;
    if let Some(param) = spec
        .params
        .keys()
        .find(|param| !entry.params.contains(&param.as_str()))
    {
        return Err(StrategyError::UnknownParameter {
            strategy: entry.name.to_owned(),
            param: param.clone(),
            expected: entry.params.iter().map(|&p| p.to_owned()).collect(),
        });
    }
    (entry.build)(&Params {
        strategy: entry.name,
        values: &spec.params,
    })
}

/// The display names of all registered strategies (aliases excluded).
pub fn names() -> impl Iterator<Item = &'static str> {
    ENTRIES.iter().map(|entry| entry.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_ignoring_case_and_punctuation() {
        for name in ["Tit For Tat", "TitForTat", "tit-for-tat", "TFT", "tft"] {
            assert_eq!(canonical_name(name), Ok("Tit For Tat"), "{name}");
        }
    }

    #[test]
    fn close_matches_rank_the_nearest_names_first() {
        let presets = ["politician", "bureaucrat", "free-rider", "nationalist"];
        assert_eq!(close_matches("bureacrat", presets), ["bureaucrat"]);
        assert_eq!(close_matches("Free Rider", presets), ["free-rider"]);
        assert!(close_matches("zzz", presets).is_empty());
    }

    #[test]
    fn every_registered_strategy_builds_with_defaults_under_its_name() {
        // Parametrised classic strategies append their parameters to the
        // name, as `axelrod` does ("Random: 0.5", "Soft Go By Majority").
        for name in names() {
            let strategy = build(&StrategySpec::new(name)).unwrap();
            assert!(
                normalize(strategy.name()).contains(&normalize(name)),
                "{name} built {}",
                strategy.name()
            );
        }
    }

    #[test]
    fn every_classic_strategy_is_registered() {
        // Every type the classic module exports must be reachable by its
        // type name (which matches its registered name or an alias).
        let exported = include_str!("classic/mod.rs")
            .lines()
            .filter_map(|line| line.trim().strip_prefix("pub use "))
            .flat_map(|path| {
                let items = path.trim_end_matches(';').rsplit("::").next().unwrap_or("");
                items
                    .trim_matches(|c| c == '{' || c == '}')
                    .split(',')
                    .map(|item| item.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>();
        assert!(exported.len() >= 18, "{exported:?}");
        for item in exported {
            assert!(find(&item).is_some(), "classic::{item} is not registered");
        }
    }

    #[test]
    fn no_two_registered_names_or_aliases_collide() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in ENTRIES {
            for name in std::iter::once(entry.name).chain(entry.aliases.iter().copied()) {
                assert!(seen.insert(normalize(name)), "{name} is registered twice");
            }
        }
    }

    #[test]
    fn parameters_reach_the_strategy() {
        let random = build(&StrategySpec::new("Random").with("p", 0.25)).unwrap();
        assert_eq!(random.name(), "Random: 0.25");
        let majority =
            build(&StrategySpec::new("Go By Majority").with("memory_depth", 10u32)).unwrap();
        assert_eq!(majority.name(), "Soft Go By Majority: 10");
        let majority =
            build(&StrategySpec::new("Go By Majority").with("memory_depth", "inf")).unwrap();
        assert_eq!(majority.name(), "Soft Go By Majority");
    }

    #[test]
    fn unbounded_tolerance_can_be_written_as_text_or_inf() {
        for value in [ParamValue::from("inf"), ParamValue::from(f64::INFINITY)] {
            let spec = StrategySpec::new("Diffuse Reciprocity").with("tolerance", value);
            let strategy = build(&spec).unwrap();
            assert_eq!(strategy.classifier().memory_depth, Some(0));
        }
        let spec: StrategySpec =
            ron::from_str(r#"(name: "Diffuse", params: {"tolerance": "unbounded"})"#).unwrap();
        assert_eq!(build(&spec).unwrap().classifier().memory_depth, Some(0));
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let err =
            build(&StrategySpec::new("Diffuse Reciprocity").with("tolerance", -1.0)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "tolerance"),
            "{err:?}"
        );
        for lambda in [0.0, 1.5] {
            let err = build(&StrategySpec::new("Diffuse Reciprocity").with("lambda", lambda))
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "invalid `lambda` for strategy `Diffuse Reciprocity`: \
                     expected a number in (0, 1], got {lambda}"
                )
            );
        }
        let err =
            build(&StrategySpec::new("Diffuse Reciprocity").with("lambda", "high")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::WrongType { param, .. } if param == "lambda"),
            "{err:?}"
        );
        let err = build(&StrategySpec::new("Random").with("p", 2.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `p` for strategy `Random`: expected a number in [0, 1], got 2"
        );
        let err = build(&StrategySpec::new("Gear Shifting").with("patience", 1.5)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "patience"),
            "{err:?}"
        );
    }

    #[test]
    fn unknown_names_suggest_close_matches() {
        let err = build(&StrategySpec::new("Tit For Tatt")).unwrap_err();
        match &err {
            StrategyError::UnknownStrategy { suggestions, .. } => {
                assert_eq!(suggestions.first().map(String::as_str), Some("Tit For Tat"));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(
            err.to_string().contains("did you mean `Tit For Tat`"),
            "{err}"
        );
        let err = build(&StrategySpec::new("Zebra")).unwrap_err();
        assert_eq!(
            err,
            StrategyError::UnknownStrategy {
                name: "Zebra".into(),
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn parameters_are_listed_by_any_name() {
        assert_eq!(
            parameters("diffuse reciprocity"),
            Ok(&["tolerance", "lambda", "valuation"][..])
        );
        assert!(matches!(
            parameters("Difuse Reciprocity"),
            Err(StrategyError::UnknownStrategy { suggestions, .. })
                if suggestions.first().map(String::as_str) == Some("Diffuse Reciprocity")
        ));
    }

    #[test]
    fn delegations_are_built_from_member_names() {
        let spec = StrategySpec::new("delegation")
            .with("politician", "TFT")
            .with("bureaucrat", "Grudger")
            .with("autonomy", 0.25);
        let built = build(&spec).unwrap();
        assert_eq!(built.name(), "Delegation: Tit For Tat / Grudger, 0.25");
        assert!(built.classifier().stochastic);
        let defaults = build(&StrategySpec::new("Delegation")).unwrap();
        assert_eq!(
            defaults.name(),
            "Delegation: Tit For Tat / Diffuse Reciprocity, 0.5"
        );
    }

    #[test]
    fn bad_delegations_name_the_parameter() {
        let err = build(&StrategySpec::new("Delegation").with("autonomy", 1.5)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "autonomy"),
            "{err:?}"
        );
        let err =
            build(&StrategySpec::new("Delegation").with("politician", "Tit For Tatt")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::UnknownStrategy { suggestions, .. }
                if suggestions.first().map(String::as_str) == Some("Tit For Tat")),
            "{err:?}"
        );
        let err =
            build(&StrategySpec::new("Delegation").with("bureaucrat", "delegation")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "bureaucrat"),
            "{err:?}"
        );
        let err = build(&StrategySpec::new("Delegation").with("politician", 3.0)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::WrongType { param, .. } if param == "politician"),
            "{err:?}"
        );
    }

    #[test]
    fn unknown_parameters_are_named() {
        let err = build(&StrategySpec::new("Tit For Tat").with("tolerance", 1.0)).unwrap_err();
        assert_eq!(
            err,
            StrategyError::UnknownParameter {
                strategy: "Tit For Tat".into(),
                param: "tolerance".into(),
                expected: vec![],
            }
        );
    }

    #[test]
    fn specs_parse_from_ron_with_optional_params() {
        let spec: StrategySpec = ron::from_str(r#"(name: "Tit For Tat")"#).unwrap();
        assert!(spec.params.is_empty());
        let spec: StrategySpec = ron::from_str(
            r#"(name: "X", params: {"a": 2, "b": 0.5, "c": true, "d": "inf", "e": inf})"#,
        )
        .unwrap();
        assert_eq!(spec.params["a"], ParamValue::Number(2.0));
        assert_eq!(spec.params["b"], ParamValue::Number(0.5));
        assert_eq!(spec.params["c"], ParamValue::Bool(true));
        assert_eq!(spec.params["d"], ParamValue::Text("inf".into()));
        assert_eq!(spec.params["e"], ParamValue::Number(f64::INFINITY));
    }
}
