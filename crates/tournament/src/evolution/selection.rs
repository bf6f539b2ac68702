//! [`Selection`]: how a payoff becomes a reproductive fitness in the
//! Moran process (the `selection` field of an evolution block), and the
//! bound on every intensity of selection or imitation.

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;
use twolevel_game::error::{check_non_negative, check_unit_interval, format_number};

/// How a payoff (in the block's `fitness` currency) becomes a reproductive
/// fitness in the Moran process: the `selection` field of the block.
///
/// A `Selection` is always valid: the only ways to build one are
/// [`Selection::linear`], [`Selection::exponential`], [`Selection::new`]
/// and deserializing, and each refuses, naming the field, an intensity that
/// is not finite, is negative, exceeds [`Selection::MAX_INTENSITY`] or (for
/// the linear map) exceeds 1. Read it back with [`Selection::kind`]. In RON
/// it is written as its [`SelectionKind`]: `Exponential(0.5)` or
/// `Linear(0.1)`.
///
/// ```
/// use twolevel_tournament::evolution::{Selection, SelectionKind};
///
/// let selection = Selection::exponential(0.5)?;
/// assert_eq!(selection.kind(), SelectionKind::Exponential(0.5));
/// assert_eq!(ron::from_str::<Selection>("Exponential(0.5)")?, selection);
/// assert!(Selection::linear(1.5).is_err());
/// assert!(Selection::exponential(f64::NAN).is_err());
/// assert!(ron::from_str::<Selection>("Exponential(1e308)").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SelectionKind", into = "SelectionKind")]
pub struct Selection {
    /// The validated description; private so that it cannot be changed
    /// into an invalid one.
    kind: SelectionKind,
}

/// The description of a [`Selection`], as written in RON files. It is a
/// plain description and is not validated; a [`Selection`] built from it
/// with [`Selection::new`] is, and every `Selection` returns a valid one
/// from [`Selection::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Selection")]
pub enum SelectionKind {
    /// `1 - w + w * payoff` with the selection intensity `w` in [0, 1]:
    /// `w = 0` is neutral drift, `w = 1` makes fitness equal to the payoff.
    /// Every fitness must be positive, which is checked against the payoff
    /// table (its extremes, before anything runs, when they are known).
    Linear(f64),
    /// `exp(beta * payoff)` with `beta` in [0, [`Selection::MAX_INTENSITY`]];
    /// always positive.
    Exponential(f64),
}

impl TryFrom<SelectionKind> for Selection {
    type Error = ParameterError;

    fn try_from(kind: SelectionKind) -> Result<Self, Self::Error> {
        Selection::new(kind)
    }
}

impl From<Selection> for SelectionKind {
    fn from(selection: Selection) -> Self {
        selection.kind
    }
}

impl Default for Selection {
    /// Exponential with `beta = 1`: valid for any payoff table, including
    /// Axelrod's (whose sucker's payoff 0 gives the linear map with `w = 1`
    /// a zero fitness) and blended two-level tables with negative payoffs.
    fn default() -> Self {
        Selection {
            kind: SelectionKind::Exponential(1.0),
        }
    }
}

/// Checks an intensity of selection or imitation (an exponential `beta`, a
/// Fermi `beta`): finite, at least 0 and at most
/// [`Selection::MAX_INTENSITY`].
pub(crate) fn check_intensity(field: &str, value: f64) -> Result<f64, ParameterError> {
    check_non_negative(field, value)?;
    if value > Selection::MAX_INTENSITY {
        return Err(ParameterError::new(
            field,
            format!(
                "expected an intensity of at most {} (the limit that keeps intensity times \
                 payoff finite), got {}",
                format_number(Selection::MAX_INTENSITY),
                format_number(value)
            ),
        ));
    }
    Ok(value)
}

impl Selection {
    /// The largest intensity of selection or imitation (the exponential
    /// map's and the Fermi rule's `beta`). With payoffs bounded by
    /// [`PAYOFF_LIMIT`](twolevel_game::PAYOFF_LIMIT) (also 1e100), every
    /// product of an intensity and a payoff difference, and every sum of
    /// them over an accepted population, stays finite.
    pub const MAX_INTENSITY: f64 = 1e100;

    /// Validates a description: [`Selection::linear`] or
    /// [`Selection::exponential`] according to its kind.
    pub fn new(kind: SelectionKind) -> Result<Self, ParameterError> {
        match kind {
            SelectionKind::Linear(w) => Selection::linear(w),
            SelectionKind::Exponential(beta) => Selection::exponential(beta),
        }
    }

    /// The linear map `1 - w + w * payoff`; `w` must lie in [0, 1]
    /// (the error names `selection.Linear`).
    pub fn linear(w: f64) -> Result<Self, ParameterError> {
        check_unit_interval("selection.Linear", w).map(|w| Selection {
            kind: SelectionKind::Linear(w),
        })
    }

    /// The exponential map `exp(beta * payoff)`; `beta` must lie in
    /// [0, [`Selection::MAX_INTENSITY`]] (the error names
    /// `selection.Exponential`).
    pub fn exponential(beta: f64) -> Result<Self, ParameterError> {
        check_intensity("selection.Exponential", beta).map(|beta| Selection {
            kind: SelectionKind::Exponential(beta),
        })
    }

    /// The validated description, to match on.
    #[must_use]
    pub const fn kind(&self) -> SelectionKind {
        self.kind
    }

    /// The fitness of a payoff.
    #[inline]
    #[must_use]
    pub fn of(self, payoff: f64) -> f64 {
        match self.kind {
            SelectionKind::Linear(w) => 1.0 - w + w * payoff,
            SelectionKind::Exponential(beta) => (beta * payoff).exp(),
        }
    }

    /// The natural logarithm of the fitness of a payoff, exact for the
    /// exponential map (no overflow) and `ln(1 - w + w * payoff)` for the
    /// linear one (`-inf` or NaN when that is not positive).
    #[inline]
    #[must_use]
    pub fn ln_of(self, payoff: f64) -> f64 {
        match self.kind {
            SelectionKind::Linear(w) => (1.0 - w + w * payoff).ln(),
            SelectionKind::Exponential(beta) => beta * payoff,
        }
    }

    /// Checks that every payoff in `[min, max]` has a positive, finite
    /// fitness (the linear map can reach zero or below for negative
    /// payoffs; the exponential map can overflow for huge ones).
    pub fn check_range(self, min_payoff: f64, max_payoff: f64) -> Result<(), ParameterError> {
        let low = self.of(min_payoff);
        let high = self.of(max_payoff);
        if low > 0.0 && high.is_finite() {
            Ok(())
        } else {
            Err(ParameterError::new(
                "selection",
                format!(
                    "expected a positive, finite fitness for every payoff, but payoffs in \
                     [{}, {}] give fitnesses in [{}, {}]; lower the linear selection \
                     intensity or use `Exponential(beta)`",
                    format_number(min_payoff),
                    format_number(max_payoff),
                    format_number(low),
                    format_number(high)
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitness_range() {
        assert!(
            Selection::linear(1.0)
                .unwrap()
                .check_range(-1.0, 5.0)
                .is_err()
        );
        assert!(
            Selection::linear(0.1)
                .unwrap()
                .check_range(-1.0, 5.0)
                .is_ok()
        );
        assert!(
            Selection::exponential(1000.0)
                .unwrap()
                .check_range(-1.0, 5.0)
                .is_err()
        );
        assert!(
            Selection::exponential(1.0)
                .unwrap()
                .check_range(-100.0, 5.0)
                .is_ok()
        );
    }
}
