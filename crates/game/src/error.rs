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

/// The valid range of a whole-number field of a file (or of an argument
/// of the Python module): its name, the unit it counts and its bounds.
///
/// A file's whole-number fields are read through
/// [`WholeRange::deserialize`] (or [`WholeRange::deserialize_option`]), so
/// that a negative, fractional or too large number is refused with an
/// error naming the field and this range (``invalid `repetitions`:
/// expected a whole number of repetitions from 1 to 4294967295, got -1``)
/// instead of the parser's bare "integer out of bounds"; the Python module
/// reads its integer arguments with the same ranges, so both say the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WholeRange {
    /// The field, as named in files (`repetitions`).
    pub field: &'static str,
    /// What the field counts, in the plural (`repetitions`, `individuals`);
    /// empty for a number that counts nothing (a seed).
    pub unit: &'static str,
    /// The smallest valid value.
    pub min: u64,
    /// The largest valid value.
    pub max: u64,
}

impl WholeRange {
    /// A range of `field` counting `unit`, from `min` to `max`.
    #[must_use]
    pub const fn new(field: &'static str, unit: &'static str, min: u64, max: u64) -> Self {
        WholeRange {
            field,
            unit,
            min,
            max,
        }
    }

    /// A seed: any whole number from 0 to `u64::MAX`.
    #[must_use]
    pub const fn seed(field: &'static str) -> Self {
        WholeRange::new(field, "", 0, u64::MAX)
    }

    /// The range of every file's `seed`.
    pub const SEED: WholeRange = WholeRange::seed("seed");

    /// The error for a value out of the range, `got` as written.
    #[must_use]
    pub fn error(&self, got: &str) -> ParameterError {
        let whole = if self.unit.is_empty() {
            "a whole number".to_owned()
        } else {
            format!("a whole number of {}", self.unit)
        };
        ParameterError::new(
            self.field,
            format!(
                "expected {whole} from {} to {}, got {got}",
                self.min, self.max
            ),
        )
    }

    /// Checks that `value` lies in the whole range.
    pub fn check(&self, value: i128) -> Result<u64, ParameterError> {
        u64::try_from(value)
            .ok()
            .filter(|v| (self.min..=self.max).contains(v))
            .ok_or_else(|| self.error(&value.to_string()))
    }

    /// Converts `value` to the field's type `T`, refusing only what `T`
    /// cannot hold (a negative number, one beyond `T`) with the range's
    /// error. A value `T` holds is left to the field's own validation,
    /// which says what is wrong with it as before.
    pub fn fit<T: TryFrom<i128>>(&self, value: i128) -> Result<T, ParameterError> {
        T::try_from(value).map_err(|_| self.error(&value.to_string()))
    }

    /// Converts a number written as a float to the field's type `T` as
    /// [`WholeRange::fit`] does; a fractional or non-finite one is refused
    /// with the range's error.
    pub fn fit_float<T: TryFrom<i128>>(&self, value: f64) -> Result<T, ParameterError> {
        // Past 2^127 no float converts; 1e30 is far beyond every field.
        if value.fract() == 0.0 && value.abs() < 1e30 {
            // A whole float below 1e30 converts exactly.
            #[allow(clippy::cast_possible_truncation)]
            self.fit(value as i128)
        } else {
            Err(self.error(&format_number(value)))
        }
    }

    /// Reads the field from any number a file or a Python dict may hold
    /// (negative, fractional or beyond its type), refusing those its type
    /// cannot hold with the range's error ([`WholeRange::fit`]).
    pub fn deserialize<'de, T, D>(&self, deserializer: D) -> Result<T, D::Error>
    where
        T: TryFrom<i128>,
        D: serde::Deserializer<'de>,
    {
        deserializer.deserialize_any(WholeVisitor::<T>(*self, std::marker::PhantomData))
    }

    /// [`WholeRange::deserialize`] for an optional field (`Some(5)`, `5`
    /// where the file allows it, or `None`).
    pub fn deserialize_option<'de, T, D>(&self, deserializer: D) -> Result<Option<T>, D::Error>
    where
        T: TryFrom<i128>,
        D: serde::Deserializer<'de>,
    {
        /// Reads `None` or a whole number inside `Some`.
        struct Optional<T>(WholeRange, std::marker::PhantomData<T>);

        impl<'de, T: TryFrom<i128>> serde::de::Visitor<'de> for Optional<T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "`None` or ")?;
                self.0.expecting(f)
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            fn visit_some<D: serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Option<T>, D::Error> {
                self.0.deserialize(deserializer).map(Some)
            }
        }

        deserializer.deserialize_option(Optional::<T>(*self, std::marker::PhantomData))
    }

    /// What a parser expects here, for its own messages.
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a whole number for `{}` from {} to {}",
            self.field, self.min, self.max
        )
    }
}

/// The visitor of [`WholeRange::deserialize`]: accepts integers of any
/// width and whole floats, and converts them with the range's
/// [`WholeRange::fit`] and [`WholeRange::fit_float`].
struct WholeVisitor<T>(WholeRange, std::marker::PhantomData<T>);

impl<T: TryFrom<i128>> serde::de::Visitor<'_> for WholeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
        self.0.fit(i128::from(v)).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
        self.0.fit(i128::from(v)).map_err(E::custom)
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<T, E> {
        self.0.fit(v).map_err(E::custom)
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<T, E> {
        match i128::try_from(v) {
            Ok(v) => self.0.fit(v).map_err(E::custom),
            Err(_) => Err(E::custom(self.0.error(&v.to_string()))),
        }
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<T, E> {
        self.0.fit_float(v).map_err(E::custom)
    }
}

/// Reads a file's `seed` ([`WholeRange::SEED`]) with
/// [`WholeRange::deserialize`], for `#[serde(deserialize_with)]`.
pub fn deserialize_seed<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u64, D::Error> {
    WholeRange::SEED.deserialize(deserializer)
}

/// Reads an optional `seed` ([`WholeRange::SEED`]) with
/// [`WholeRange::deserialize_option`], for `#[serde(deserialize_with)]`.
pub fn deserialize_seed_option<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u64>, D::Error> {
    WholeRange::SEED.deserialize_option(deserializer)
}
