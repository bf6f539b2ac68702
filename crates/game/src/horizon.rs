//! The shadow of the future: how long a relationship lasts.

use serde::{Deserialize, Serialize};

use crate::error::{ParameterError, WholeRange};

/// How many rounds a match lasts.
///
/// A `Horizon` is always valid: the only ways to build one are
/// [`Horizon::fixed`], [`Horizon::continuation`], [`Horizon::new`] and
/// deserializing, and each of them refuses a zero-turn match or a
/// continuation probability outside [0, 1) with an error naming the field.
/// Read it back with [`Horizon::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "HorizonKind", into = "HorizonKind")]
pub struct Horizon {
    /// The validated description; private so that it cannot be changed
    /// into an invalid one.
    kind: HorizonKind,
}

/// The description of a [`Horizon`], as written in RON files:
/// `Fixed(turns: 200)` or `Continuation(delta: 0.99654)`.
///
/// This is a plain description and is not validated; a [`Horizon`] built
/// from it with [`Horizon::new`] is. Every `Horizon` returns a valid one
/// from [`Horizon::kind`], so matching on it is safe.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Horizon")]
pub enum HorizonKind {
    /// A fixed number of rounds (Axelrod's first tournament used 200).
    Fixed {
        /// The number of rounds, at least 1 in a valid horizon. Read from
        /// a file as any number, so that a negative, fractional or too
        /// large one is refused naming the field and its range
        /// ([`check_turns`]) instead of with the parser's bare "integer
        /// out of bounds".
        #[serde(deserialize_with = "deserialize_turns")]
        turns: u32,
    },
    /// After each round another follows with probability `delta`; the length
    /// is geometric with mean `1 / (1 - delta)` and at least one round.
    /// Axelrod's second tournament used `delta = 0.99654`.
    Continuation {
        /// The continuation probability, in [0, 1) in a valid horizon.
        delta: f64,
    },
}

impl TryFrom<HorizonKind> for Horizon {
    type Error = ParameterError;

    fn try_from(kind: HorizonKind) -> Result<Self, Self::Error> {
        Horizon::new(kind)
    }
}

impl From<Horizon> for HorizonKind {
    fn from(horizon: Horizon) -> Self {
        horizon.kind
    }
}

impl Horizon {
    /// Axelrod's first tournament: 200 rounds.
    pub const AXELROD_FIRST: Horizon = Horizon {
        kind: HorizonKind::Fixed { turns: 200 },
    };
    /// Axelrod's second tournament: continuation probability 0.99654.
    pub const AXELROD_SECOND: Horizon = Horizon {
        kind: HorizonKind::Continuation { delta: 0.99654 },
    };

    /// Validates a description: [`Horizon::fixed`] or
    /// [`Horizon::continuation`] according to its kind.
    pub fn new(kind: HorizonKind) -> Result<Self, ParameterError> {
        match kind {
            HorizonKind::Fixed { turns } => Horizon::fixed(turns),
            HorizonKind::Continuation { delta } => Horizon::continuation(delta),
        }
    }

    /// A fixed horizon; zero turns is rejected ([`check_turns`]).
    pub fn fixed(turns: u32) -> Result<Self, ParameterError> {
        let turns = check_turns(i128::from(turns))?;
        Ok(Horizon {
            kind: HorizonKind::Fixed { turns },
        })
    }

    /// A continuation horizon; `delta` must lie in [0, 1). A delta of 1
    /// would make every match endless.
    pub fn continuation(delta: f64) -> Result<Self, ParameterError> {
        if (0.0..1.0).contains(&delta) {
            Ok(Horizon {
                kind: HorizonKind::Continuation { delta },
            })
        } else {
            Err(ParameterError::new(
                "delta",
                format!(
                    "expected a continuation probability in [0, 1) (1 would never end), got {delta}"
                ),
            ))
        }
    }

    /// The validated description, to match on.
    #[must_use]
    pub const fn kind(&self) -> HorizonKind {
        self.kind
    }

    /// The number of rounds of a fixed horizon, `None` for a continuation
    /// one.
    #[must_use]
    pub const fn turns(&self) -> Option<u32> {
        match self.kind {
            HorizonKind::Fixed { turns } => Some(turns),
            HorizonKind::Continuation { .. } => None,
        }
    }

    /// The expected number of rounds: `turns`, or `1 / (1 - delta)`.
    #[must_use]
    pub fn expected_length(&self) -> f64 {
        match self.kind {
            HorizonKind::Fixed { turns } => f64::from(turns),
            HorizonKind::Continuation { delta } => 1.0 / (1.0 - delta),
        }
    }

    /// The effective discount factor for analytic results: `delta` for a
    /// continuation horizon, `None` for a fixed one (where backward induction
    /// applies instead).
    #[must_use]
    pub fn discount(&self) -> Option<f64> {
        match self.kind {
            HorizonKind::Fixed { .. } => None,
            HorizonKind::Continuation { delta } => Some(delta),
        }
    }

    /// The continuation probability `delta_t` the players discount with
    /// when the length is not told to them (docs/model.md, section 5.1):
    /// `delta` for a continuation horizon, and for a fixed horizon of `T`
    /// turns `1 - 1/T`, the continuation probability of a geometric match
    /// with the same mean length.
    #[must_use]
    pub fn continuation_probability(&self) -> f64 {
        match self.kind {
            HorizonKind::Continuation { delta } => delta,
            HorizonKind::Fixed { turns } => 1.0 - 1.0 / f64::from(turns),
        }
    }
}

/// The fewest turns a fixed horizon may have.
pub const MIN_TURNS: u32 = 1;

/// The valid range of `turns`: from [`MIN_TURNS`] to `u32::MAX`.
pub const TURNS: WholeRange = WholeRange::new("turns", "turns", MIN_TURNS as u64, u32::MAX as u64);

/// Checks a number of turns given as any whole number: it must lie in
/// [`TURNS`]. The error names the field `turns` and the range, so that
/// `turns: -5`, `turns: 0` and `turns: 5000000000` all say what is
/// accepted (in a file, in the Python module and on the command line
/// alike).
pub fn check_turns(turns: i128) -> Result<u32, ParameterError> {
    TURNS
        .check(turns)
        .and_then(|t| u32::try_from(t).map_err(|_| TURNS.error(&t.to_string())))
}

/// Reads `turns` from any number a file or a Python dict may hold
/// (negative, fractional or beyond `u32`), refusing those out of range
/// with [`check_turns`]'s message.
fn deserialize_turns<'de, D>(deserializer: D) -> Result<u32, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let turns: u32 = TURNS.deserialize(deserializer)?;
    check_turns(i128::from(turns)).map_err(serde::de::Error::custom)
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
    fn continuation_probability_is_delta_or_one_minus_one_over_turns() {
        // docs/model.md, section 5.1: the players' delta_t.
        assert_eq!(
            Horizon::continuation(0.95)
                .unwrap()
                .continuation_probability(),
            0.95
        );
        assert_eq!(
            Horizon::fixed(200).unwrap().continuation_probability(),
            0.995
        );
        assert_eq!(Horizon::fixed(1).unwrap().continuation_probability(), 0.0);
    }

    #[test]
    fn delta_of_one_is_rejected() {
        let err = Horizon::continuation(1.0).unwrap_err();
        assert_eq!(err.field, "delta");
        assert!(Horizon::continuation(-0.1).is_err());
        assert!(Horizon::continuation(f64::NAN).is_err());
        assert!(Horizon::fixed(0).is_err());
    }

    /// Issue 12 item 7: a horizon cannot be built around validation; the
    /// description it hands out is the validated one.
    #[test]
    fn only_validated_horizons_exist() {
        assert!(Horizon::new(HorizonKind::Fixed { turns: 0 }).is_err());
        assert!(Horizon::new(HorizonKind::Continuation { delta: 1.0 }).is_err());
        let fixed = Horizon::new(HorizonKind::Fixed { turns: 7 }).unwrap();
        assert_eq!(fixed.kind(), HorizonKind::Fixed { turns: 7 });
        assert_eq!(fixed.turns(), Some(7));
        let continuation = Horizon::continuation(0.5).unwrap();
        assert_eq!(continuation.turns(), None);
        assert_eq!(continuation.discount(), Some(0.5));
        assert_eq!(
            HorizonKind::from(continuation),
            HorizonKind::Continuation { delta: 0.5 }
        );
        let err = ron::from_str::<Horizon>("Fixed(turns: 0)").unwrap_err();
        assert!(err.to_string().contains("turns"), "{err}");
    }

    /// Issue 26: a negative, too large or fractional number of turns names
    /// the field and the range instead of "Integer is out of bounds".
    #[test]
    fn turns_out_of_range_name_the_field_and_the_range() {
        for (text, got) in [
            ("Fixed(turns: -5)", "got -5"),
            ("Fixed(turns: 5000000000)", "got 5000000000"),
            ("Fixed(turns: 0)", "got 0"),
            ("Fixed(turns: 2.5)", "got 2.5"),
        ] {
            let err = ron::from_str::<Horizon>(text).unwrap_err().to_string();
            assert!(
                err.contains(
                    "invalid `turns`: expected a whole number of turns from 1 to 4294967295"
                ) && err.contains(got),
                "{text}: {err}"
            );
        }
        let h: Horizon = ron::from_str("Fixed(turns: 4294967295)").unwrap();
        assert_eq!(h.turns(), Some(u32::MAX));
        let h: Horizon = ron::from_str("Fixed(turns: 7.0)").unwrap();
        assert_eq!(h.turns(), Some(7));
        assert_eq!(check_turns(-5).unwrap_err().field, "turns");
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
