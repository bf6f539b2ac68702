//! The typed parameters of a registered player: its [`ParamSpec`]s (name,
//! [`ParamKind`] with default and valid range, one-line doc), the check of
//! given values against them, and the checked [`Params`] a builder reads.

use std::collections::BTreeMap;
use std::fmt;

use twolevel_game::{CloneBoxed, ParameterError, PlayerKind};

use super::{ParamValue, StrategyError};

/// One parameter of a strategy: its name (as written in RON), its kind
/// with default and valid range, and a one-line description.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// The name, as written in a spec's `params`.
    pub name: &'static str,
    /// The kind of value, its default and its valid range.
    pub kind: ParamKind,
    /// A one-line description.
    pub doc: &'static str,
}

impl ParamSpec {
    /// A parameter declaration.
    #[must_use]
    pub const fn new(name: &'static str, kind: ParamKind, doc: &'static str) -> Self {
        ParamSpec { name, kind, doc }
    }

    /// The default value, or `None` when the strategy works it out itself
    /// (the doc says how).
    #[must_use]
    pub fn default_value(&self) -> Option<ParamValue> {
        match self.kind {
            ParamKind::Number { default, .. } => default.map(ParamValue::Number),
            ParamKind::Count {
                default, unbounded, ..
            } => match default {
                Some(count) => Some(ParamValue::from(count)),
                None if unbounded => Some(ParamValue::Number(f64::INFINITY)),
                None => None,
            },
            // Amounts are at most `MAX_AMOUNT`, exact as an `f64`.
            #[allow(clippy::cast_precision_loss)]
            ParamKind::Amount { default, .. } => Some(ParamValue::Number(default as f64)),
            ParamKind::Bool { default } => Some(ParamValue::Bool(default)),
            ParamKind::Choice { default, .. } | ParamKind::Text { default } => {
                Some(ParamValue::from(default))
            }
        }
    }

    /// Checks a given value (or takes the default) for the strategy
    /// `strategy`.
    fn check<'a>(
        &self,
        given: Option<&'a ParamValue>,
        strategy: &str,
    ) -> Result<Checked<'a>, StrategyError> {
        let Some(value) = given else {
            return Ok(self.kind.default_checked());
        };
        let wrong_type = || StrategyError::WrongType {
            strategy: strategy.to_owned(),
            param: self.name.to_owned(),
            expected: self.kind.to_string(),
            found: format!("{} ({value})", value.kind()),
        };
        let out_of_range = |got: &dyn fmt::Display| StrategyError::InvalidParameter {
            strategy: strategy.to_owned(),
            param: self.name.to_owned(),
            reason: format!("expected {}, got {got}", self.kind),
        };
        match self.kind {
            ParamKind::Number { min, max, .. } => {
                let x = as_number(value).ok_or_else(wrong_type)?;
                if min.admits_from_below(x) && max.admits_from_above(x) {
                    Ok(Checked::Number(Some(x)))
                } else {
                    Err(out_of_range(&x))
                }
            }
            ParamKind::Count { min, unbounded, .. } => {
                let x = as_number(value).ok_or_else(wrong_type)?;
                if unbounded && x == f64::INFINITY {
                    Ok(Checked::Count(None))
                } else if x.fract() == 0.0 && (f64::from(min)..=f64::from(u32::MAX)).contains(&x) {
                    // The range check above makes the conversion exact.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    Ok(Checked::Count(Some(x as u32)))
                } else {
                    Err(out_of_range(&x))
                }
            }
            ParamKind::Amount { min, .. } => {
                let x = as_number(value).ok_or_else(wrong_type)?;
                ParamKind::whole_amount(x, min)
                    .map(Checked::Amount)
                    .ok_or_else(|| out_of_range(&x))
            }
            ParamKind::Bool { .. } => match value {
                ParamValue::Bool(b) => Ok(Checked::Bool(*b)),
                _ => Err(wrong_type()),
            },
            ParamKind::Choice { choices, .. } => match value {
                ParamValue::Text(text) => choices
                    .iter()
                    .find(|choice| choice.eq_ignore_ascii_case(text))
                    .map(|&choice| Checked::Text(choice))
                    .ok_or_else(|| out_of_range(&format_args!("{text:?}"))),
                _ => Err(wrong_type()),
            },
            ParamKind::Text { .. } => match value {
                ParamValue::Text(text) => Ok(Checked::Text(text)),
                _ => Err(wrong_type()),
            },
        }
    }
}

/// A number as given: a number, or one of the texts `"inf"`, `"+inf"`,
/// `"infinity"` and `"unbounded"` (any case) for positive infinity.
fn as_number(value: &ParamValue) -> Option<f64> {
    match value {
        ParamValue::Number(x) => Some(*x),
        ParamValue::Text(text)
            if ["inf", "+inf", "infinity", "unbounded"]
                .contains(&text.to_ascii_lowercase().as_str()) =>
        {
            Some(f64::INFINITY)
        }
        _ => None,
    }
}

/// The kind of a parameter, with its default and valid range. Its
/// [`Display`](fmt::Display) is what error messages expect, for example
/// "a number in (0, 1]".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamKind {
    /// A real number between two limits. Numbers may also be written as the
    /// texts `"inf"`, `"infinity"` or `"unbounded"`, which are admitted when
    /// `max` is `Limit::Closed(f64::INFINITY)`.
    Number {
        /// The default, or `None` when the strategy works it out itself.
        default: Option<f64>,
        /// The lower limit.
        min: Limit,
        /// The upper limit; `Limit::Open(f64::INFINITY)` means any finite
        /// number, `Limit::Closed(f64::INFINITY)` admits infinity too.
        max: Limit,
    },
    /// A whole number of at least `min`, written as a number.
    Count {
        /// The default; `None` means unbounded (and needs `unbounded`).
        default: Option<u32>,
        /// The smallest value admitted.
        min: u32,
        /// Whether `"inf"` (or the RON float `inf`) is admitted, meaning
        /// no bound.
        unbounded: bool,
    },
    /// A whole number of some unit (cooperations, for example), at least
    /// `min` and at most [`ParamKind::MAX_AMOUNT`], written as a number.
    Amount {
        /// The default.
        default: u64,
        /// The smallest value admitted.
        min: u64,
        /// What is counted, in the plural, as error messages name it.
        unit: &'static str,
    },
    /// A boolean.
    Bool {
        /// The default.
        default: bool,
    },
    /// One of a few texts, matched ignoring case.
    Choice {
        /// The default, one of `choices`.
        default: &'static str,
        /// The admitted texts, in their canonical spelling.
        choices: &'static [&'static str],
    },
    /// Any text, checked by the strategy itself (a pattern or a strategy
    /// name, for example).
    Text {
        /// The default.
        default: &'static str,
    },
}

impl ParamKind {
    /// The largest [`ParamKind::Amount`] admitted, `10^15`: every whole
    /// number up to it is exact as an `f64`.
    pub const MAX_AMOUNT: f64 = 1e15;

    /// `x` as an amount of at least `min`: a whole number from `min` to
    /// [`ParamKind::MAX_AMOUNT`], the check every [`ParamKind::Amount`]
    /// makes; `None` otherwise (NaN included).
    #[must_use]
    pub fn whole_amount(x: f64, min: u64) -> Option<u64> {
        // Amounts are at most `MAX_AMOUNT`, exact as an `f64`.
        #[allow(clippy::cast_precision_loss)]
        let low = min as f64;
        // The check makes the conversion exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        (x >= low && x.fract() == 0.0 && x <= ParamKind::MAX_AMOUNT).then_some(x as u64)
    }

    /// A probability in [0, 1] with a default.
    #[must_use]
    pub const fn probability(default: f64) -> Self {
        ParamKind::Number {
            default: Some(default),
            min: Limit::Closed(0.0),
            max: Limit::Closed(1.0),
        }
    }

    /// A whole number of at least `min`, with a default.
    #[must_use]
    pub const fn count(default: u32, min: u32) -> Self {
        ParamKind::Count {
            default: Some(default),
            min,
            unbounded: false,
        }
    }

    /// The checked form of the default.
    fn default_checked(self) -> Checked<'static> {
        match self {
            ParamKind::Number { default, .. } => Checked::Number(default),
            ParamKind::Count { default, .. } => Checked::Count(default),
            ParamKind::Amount { default, .. } => Checked::Amount(default),
            ParamKind::Bool { default } => Checked::Bool(default),
            ParamKind::Choice { default, .. } | ParamKind::Text { default } => {
                Checked::Text(default)
            }
        }
    }
}

impl fmt::Display for ParamKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ParamKind::Number { min, max, .. } => write_number_range(f, min, max),
            ParamKind::Count { min, unbounded, .. } => {
                write!(f, "a whole number >= {min}")?;
                if unbounded {
                    f.write_str(UNBOUNDED_HINT)?;
                }
                Ok(())
            }
            ParamKind::Amount { min, unit, .. } => write!(f, "a whole number of {unit} >= {min}"),
            ParamKind::Bool { .. } => f.write_str("a boolean"),
            ParamKind::Choice { choices, .. } => {
                let quoted: Vec<String> = choices.iter().map(|c| format!("{c:?}")).collect();
                match quoted.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        let one_of = if rest.len() > 1 { "one of " } else { "" };
                        write!(f, "{one_of}{} or {last}", rest.join(", "))
                    }
                    _ => write!(f, "{}", quoted.join("")),
                }
            }
            ParamKind::Text { .. } => f.write_str("a string"),
        }
    }
}

/// How error messages say that `"inf"` is admitted.
const UNBOUNDED_HINT: &str = " (or \"inf\" for unbounded)";

/// Writes a number range as "a number in (0, 1]", "a number >= 0 (or
/// "inf" for unbounded)", "a finite number > 0", and so on.
fn write_number_range(f: &mut fmt::Formatter<'_>, min: Limit, max: Limit) -> fmt::Result {
    let low = min.value();
    let high = max.value();
    let finite = if max == Limit::Open(f64::INFINITY) {
        "finite "
    } else {
        ""
    };
    match (low.is_finite(), high.is_finite()) {
        (true, true) => {
            let open = if let Limit::Open(_) = min { '(' } else { '[' };
            let close = if let Limit::Open(_) = max { ')' } else { ']' };
            write!(f, "a number in {open}{low}, {high}{close}")
        }
        (true, false) => {
            let op = if let Limit::Open(_) = min { ">" } else { ">=" };
            write!(f, "a {finite}number {op} {low}")?;
            if max == Limit::Closed(f64::INFINITY) {
                f.write_str(UNBOUNDED_HINT)?;
            }
            Ok(())
        }
        (false, true) => {
            let op = if let Limit::Open(_) = max { "<" } else { "<=" };
            write!(f, "a number {op} {high}")
        }
        (false, false) => write!(f, "a {finite}number"),
    }
}

/// One end of a number range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Limit {
    /// The value itself is admitted.
    Closed(f64),
    /// Only values strictly beyond it are admitted.
    Open(f64),
}

impl Limit {
    /// The limiting value.
    #[must_use]
    pub fn value(self) -> f64 {
        match self {
            Limit::Closed(x) | Limit::Open(x) => x,
        }
    }

    /// Whether `x` lies on the admitted side of this lower limit (never for
    /// NaN).
    fn admits_from_below(self, x: f64) -> bool {
        match self {
            Limit::Closed(low) => x >= low,
            Limit::Open(low) => x > low,
        }
    }

    /// Whether `x` lies on the admitted side of this upper limit (never for
    /// NaN).
    fn admits_from_above(self, x: f64) -> bool {
        match self {
            Limit::Closed(high) => x <= high,
            Limit::Open(high) => x < high,
        }
    }
}

/// A parameter value that passed its [`ParamSpec`], or its default.
#[derive(Clone, Copy, Debug)]
enum Checked<'a> {
    /// A number in range; `None` when there is no default.
    Number(Option<f64>),
    /// A whole number in range; `None` for unbounded.
    Count(Option<u32>),
    /// An amount in range.
    Amount(u64),
    /// A boolean.
    Bool(bool),
    /// A choice (in its canonical spelling) or a text.
    Text(&'a str),
}

/// The checked parameters a [`Builder`](super::Builder) reads, by name.
///
/// Every value has passed its [`ParamSpec`]: it is of the declared kind and
/// in range, and missing values are the defaults. Reading a parameter the
/// entry does not declare, or as another kind, is a bug in the entry and
/// panics; the registry's tests build every entry with its defaults.
#[derive(Debug)]
pub struct Params<'a> {
    strategy: &'a str,
    specs: &'a [ParamSpec],
    values: Vec<Checked<'a>>,
}

impl<'a> Params<'a> {
    /// The checked value of the declared parameter `name`.
    fn get(&self, name: &str) -> Checked<'a> {
        let index = self
            .specs
            .iter()
            .position(|spec| spec.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "strategy `{}` declares no parameter `{name}`",
                    self.strategy
                )
            });
        self.values[index]
    }

    /// Panics on reading `name` as the wrong kind.
    fn misread(&self, name: &str, kind: &str) -> ! {
        panic!(
            "strategy `{}` reads its parameter `{name}` as {kind}, not as declared",
            self.strategy
        )
    }

    /// The number `name`; `None` only if it has no default and none was
    /// given.
    #[must_use]
    pub fn optional_number(&self, name: &str) -> Option<f64> {
        match self.get(name) {
            Checked::Number(x) => x,
            _ => self.misread(name, "a number"),
        }
    }

    /// The number `name`, which must have a default.
    #[must_use]
    pub fn number(&self, name: &str) -> f64 {
        self.optional_number(name)
            .unwrap_or_else(|| self.misread(name, "a number with a default"))
    }

    /// The whole number `name`; `None` means unbounded.
    #[must_use]
    pub fn optional_count(&self, name: &str) -> Option<u32> {
        match self.get(name) {
            Checked::Count(n) => n,
            _ => self.misread(name, "a count"),
        }
    }

    /// The whole number `name`, which must have a bounded default.
    #[must_use]
    pub fn count(&self, name: &str) -> u32 {
        self.optional_count(name)
            .unwrap_or_else(|| self.misread(name, "a bounded count"))
    }

    /// The amount `name`.
    #[must_use]
    pub fn amount(&self, name: &str) -> u64 {
        match self.get(name) {
            Checked::Amount(n) => n,
            _ => self.misread(name, "an amount"),
        }
    }

    /// The boolean `name`.
    #[must_use]
    pub fn flag(&self, name: &str) -> bool {
        match self.get(name) {
            Checked::Bool(b) => b,
            _ => self.misread(name, "a boolean"),
        }
    }

    /// The text or choice `name` (a choice in its canonical spelling).
    #[must_use]
    pub fn text(&self, name: &str) -> &'a str {
        match self.get(name) {
            Checked::Text(text) => text,
            _ => self.misread(name, "a text"),
        }
    }

    /// An [`StrategyError::InvalidParameter`] for `param` of this strategy.
    #[must_use]
    pub fn invalid(&self, param: &str, reason: impl Into<String>) -> StrategyError {
        StrategyError::InvalidParameter {
            strategy: self.strategy.to_owned(),
            param: param.to_owned(),
            reason: reason.into(),
        }
    }

    /// Boxes a constructed player of any kind, turning a constructor's
    /// [`ParameterError`] into a [`StrategyError::InvalidParameter`] of this
    /// player.
    pub fn finish<P: CloneBoxed<K>, K: PlayerKind>(
        &self,
        made: Result<P, ParameterError>,
    ) -> Result<Box<K::Player>, StrategyError> {
        match made {
            Ok(player) => Ok(player.into_boxed()),
            Err(error) => Err(self.invalid(&error.field, error.reason)),
        }
    }
}

/// Checks parameter values by name against the declared `specs` of the
/// strategy `strategy` (missing ones take their defaults): the one check
/// shared by every kind of player.
pub(crate) fn check_params<'a>(
    strategy: &'a str,
    specs: &'a [ParamSpec],
    values: &'a BTreeMap<String, ParamValue>,
) -> Result<Params<'a>, StrategyError> {
    if let Some(param) = values
        .keys()
        .find(|name| !specs.iter().any(|spec| spec.name == name.as_str()))
    {
        return Err(StrategyError::UnknownParameter {
            strategy: strategy.to_owned(),
            param: param.clone(),
            expected: specs.iter().map(|p| p.name.to_owned()).collect(),
        });
    }
    let values = specs
        .iter()
        .map(|spec| spec.check(values.get(spec.name), strategy))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Params {
        strategy,
        specs,
        values,
    })
}
