//! What the unit tests of this crate share: [`Sample`], a small RON
//! record to parse and read.

use serde::Deserialize;

/// A record of two fields, `alpha` (a number) and `beta` (a boolean),
/// refusing any other field: the value the tests parse and read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct Sample {
    /// A number.
    pub(crate) alpha: f64,
    /// A boolean.
    pub(crate) beta: bool,
}
