//! The shadow of the future: how long a relationship lasts.

use serde::{Deserialize, Serialize};

use crate::error::ParameterError;

/// How many rounds a match lasts.
///
/// Deserializing validates: a zero-turn match or a continuation probability
/// outside [0, 1) is an error naming the field.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawHorizon", into = "RawHorizon")]
pub enum Horizon {
    /// A fixed number of rounds (Axelrod's first tournament used 200).
    Fixed {
        /// The number of rounds, at least 1.
        turns: u32,
    },
    /// After each round another follows with probability `delta`; the length
    /// is geometric with mean `1 / (1 - delta)` and at least one round.
    /// Axelrod's second tournament used `delta = 0.99654`.
    Continuation {
        /// The continuation probability, in [0, 1).
        delta: f64,
    },
}

/// The unvalidated form of a [`Horizon`], as written in RON files:
/// `Fixed(turns: 200)` or `Continuation(delta: 0.99654)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Horizon")]
pub enum RawHorizon {
    /// See [`Horizon::Fixed`].
    Fixed {
        /// The number of rounds.
        turns: u32,
    },
    /// See [`Horizon::Continuation`].
    Continuation {
        /// The continuation probability.
        delta: f64,
    },
}

impl TryFrom<RawHorizon> for Horizon {
    type Error = ParameterError;

    fn try_from(raw: RawHorizon) -> Result<Self, Self::Error> {
        match raw {
            RawHorizon::Fixed { turns } => Horizon::fixed(turns),
            RawHorizon::Continuation { delta } => Horizon::continuation(delta),
        }
    }
}

impl From<Horizon> for RawHorizon {
    fn from(h: Horizon) -> Self {
        match h {
            Horizon::Fixed { turns } => RawHorizon::Fixed { turns },
            Horizon::Continuation { delta } => RawHorizon::Continuation { delta },
        }
    }
}

impl Horizon {
    /// Axelrod's first tournament: 200 rounds.
    pub const AXELROD_FIRST: Horizon = Horizon::Fixed { turns: 200 };
    /// Axelrod's second tournament: continuation probability 0.99654.
    pub const AXELROD_SECOND: Horizon = Horizon::Continuation { delta: 0.99654 };

    /// A fixed horizon; zero turns is rejected.
    pub fn fixed(turns: u32) -> Result<Self, ParameterError> {
        if turns == 0 {
            Err(ParameterError::new(
                "turns",
                "expected at least 1 turn, got 0",
            ))
        } else {
            Ok(Horizon::Fixed { turns })
        }
    }

    /// A continuation horizon; `delta` must lie in [0, 1). A delta of 1
    /// would make every match endless.
    pub fn continuation(delta: f64) -> Result<Self, ParameterError> {
        if (0.0..1.0).contains(&delta) {
            Ok(Horizon::Continuation { delta })
        } else {
            Err(ParameterError::new(
                "delta",
                format!(
                    "expected a continuation probability in [0, 1) (1 would never end), got {delta}"
                ),
            ))
        }
    }

    /// The expected number of rounds: `turns`, or `1 / (1 - delta)`.
    #[must_use]
    pub fn expected_length(&self) -> f64 {
        match *self {
            Horizon::Fixed { turns } => f64::from(turns),
            Horizon::Continuation { delta } => 1.0 / (1.0 - delta),
        }
    }

    /// The effective discount factor for analytic results: `delta` for a
    /// continuation horizon, `None` for a fixed one (where backward induction
    /// applies instead).
    #[must_use]
    pub fn discount(&self) -> Option<f64> {
        match *self {
            Horizon::Fixed { .. } => None,
            Horizon::Continuation { delta } => Some(delta),
        }
    }
}

impl Default for Horizon {
    fn default() -> Self {
        Horizon::AXELROD_FIRST
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_of_one_is_rejected() {
        let err = Horizon::continuation(1.0).unwrap_err();
        assert_eq!(err.field, "delta");
        assert!(Horizon::continuation(-0.1).is_err());
        assert!(Horizon::continuation(f64::NAN).is_err());
        assert!(Horizon::fixed(0).is_err());
    }

    #[test]
    fn ron_forms() {
        let h: Horizon = ron::from_str("Fixed(turns: 200)").unwrap();
        assert_eq!(h, Horizon::AXELROD_FIRST);
        let h: Horizon = ron::from_str("Continuation(delta: 0.99654)").unwrap();
        assert!((h.expected_length() - 1.0 / 0.00346).abs() < 1e-9);
        assert!(ron::from_str::<Horizon>("Continuation(delta: 1.0)").is_err());
        let text = ron::to_string(&h).unwrap();
        assert_eq!(ron::from_str::<Horizon>(&text).unwrap(), h);
    }
}
