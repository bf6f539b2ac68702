//! Errors for invalid game parameters.

use thiserror::Error;

/// A parameter of the game was rejected.
///
/// Every error names the field it concerns (as written in configuration
/// files, for example `policy.row.T` or `pi`) and says what was expected.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("invalid `{field}`: {reason}")]
pub struct ParameterError {
    /// The field, as named in configuration files.
    pub field: String,
    /// What was wrong and what is expected.
    pub reason: String,
}

impl ParameterError {
    /// Builds an error for `field` with a reason.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        ParameterError {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// Prefixes the field with a parent path, as in `policy.` + `T`.
    #[must_use]
    pub fn within(mut self, parent: &str) -> Self {
        self.field = format!("{parent}.{}", self.field);
        self
    }
}

/// Formats a number for a message in its shortest readable form: as Rust
/// prints it when that is short (`0.25`, `200`, `-3`), in scientific
/// notation otherwise (`1e308` rather than 309 digits, `1e-300` rather than
/// 300 zeros).
#[must_use]
pub fn format_number(value: f64) -> String {
    /// The longest plain form kept; longer ones switch to `1e308` style.
    const LONGEST_PLAIN: usize = 12;
    let plain = value.to_string();
    if plain.len() <= LONGEST_PLAIN {
        plain
    } else {
        format!("{value:e}")
    }
}

/// Checks that `value` is a finite number.
pub fn check_finite(field: &str, value: f64) -> Result<f64, ParameterError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!("expected a finite number, got {}", format_number(value)),
        ))
    }
}

/// Checks that `value` is a finite number in the closed interval [0, 1].
pub fn check_unit_interval(field: &str, value: f64) -> Result<f64, ParameterError> {
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!("expected a number in [0, 1], got {}", format_number(value)),
        ))
    }
}

/// Checks that `value` is a number in the half-open interval (0, 1], such
/// as a patience or a factor that may shrink but not erase a quantity.
pub fn check_positive_fraction(field: &str, value: f64) -> Result<f64, ParameterError> {
    if value > 0.0 && value <= 1.0 {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!("expected a number in (0, 1], got {}", format_number(value)),
        ))
    }
}

/// Checks that `value` is a finite, non-negative number.
pub fn check_non_negative(field: &str, value: f64) -> Result<f64, ParameterError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!(
                "expected a finite number >= 0, got {}",
                format_number(value)
            ),
        ))
    }
}
