//! What a configuration file says about a strategy ([`StrategySpec`] and
//! its [`ParamValue`]s) and what can go wrong building it
//! ([`StrategyError`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A strategy named in a configuration file, with its parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrategySpec {
    /// The strategy's name or one of its aliases; see [`names`](super::names).
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
#[non_exhaustive]
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

/// The names in backquotes, joined by `separator`; `empty` if there are
/// none, otherwise `before` + the list + `after`.
fn quoted_list(
    names: &[String],
    empty: &str,
    (before, separator, after): (&str, &str, &str),
) -> String {
    if names.is_empty() {
        return empty.to_owned();
    }
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    format!("{before}{}{after}", quoted.join(separator))
}

fn suggestion_text(suggestions: &[String]) -> String {
    quoted_list(
        suggestions,
        " (no registered strategy has a similar name)",
        ("; did you mean ", " or ", "?"),
    )
}

fn expected_text(expected: &[String]) -> String {
    quoted_list(
        expected,
        "it takes no parameters",
        ("expected one of ", ", ", ""),
    )
}
