//! The two levels a state's payoff depends on: the politicization of the
//! issue, [`Politicization`] (`pi`), and the state's orientation,
//! [`Orientation`] (its political weight `w`); and a state's [`Role`] in
//! an asymmetric game.

use serde::{Deserialize, Serialize};

use crate::error::{ParameterError, check_unit_interval};

/// The level of politicization of the shared problem, `pi` in [0, 1]:
/// 0 is non-politicized, about 0.5 politicized, 1 securitized.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Politicization(f64);

impl Politicization {
    /// No politicization: the issue is left to technical policy making.
    pub const NONE: Politicization = Politicization(0.0);
    /// Full securitization.
    pub const SECURITIZED: Politicization = Politicization(1.0);

    /// Builds a level, rejecting values outside [0, 1] (and NaN).
    pub fn new(pi: f64) -> Result<Self, ParameterError> {
        check_unit_interval("pi", pi).map(Politicization)
    }

    /// Builds a level by clamping into [0, 1]; NaN becomes 0. This is the
    /// update rule's clamp for dynamic politicization.
    #[inline]
    #[must_use]
    pub fn clamped(pi: f64) -> Self {
        // A value already in [0, 1] (the usual case) is taken by a branch
        // the processor predicts, rather than through a minimum and a
        // maximum whose latency a match's chain of levels would pay every
        // round; the result is the same.
        if (0.0..=1.0).contains(&pi) {
            Politicization(pi)
        } else if pi.is_nan() {
            Politicization(0.0)
        } else {
            Politicization(pi.clamp(0.0, 1.0))
        }
    }

    /// The level as a number in [0, 1].
    #[inline]
    #[must_use]
    pub const fn value(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Politicization {
    type Error = ParameterError;

    fn try_from(pi: f64) -> Result<Self, Self::Error> {
        Politicization::new(pi)
    }
}

impl From<Politicization> for f64 {
    fn from(pi: Politicization) -> f64 {
        pi.0
    }
}

/// A state's orientation: its political weight `w` in [0, 1], the share of
/// its utility that comes from the domestic political payoff. Politicians
/// are high, bureaucrats low.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Orientation(f64);

impl Orientation {
    /// A pure policy maker (w = 0): the classic game's player.
    pub const POLICY: Orientation = Orientation(0.0);
    /// A pure politician (w = 1).
    pub const POLITICAL: Orientation = Orientation(1.0);

    /// Builds an orientation, rejecting weights outside [0, 1] (and NaN).
    pub fn new(political_weight: f64) -> Result<Self, ParameterError> {
        check_unit_interval("w", political_weight).map(Orientation)
    }

    /// Builds an orientation by clamping into [0, 1]; NaN becomes 0. Used
    /// where a weight is computed from valid weights (an election boost) and
    /// rounding could step a hair outside the interval.
    #[inline]
    #[must_use]
    pub fn clamped(political_weight: f64) -> Self {
        if political_weight.is_nan() {
            Orientation(0.0)
        } else {
            Orientation(political_weight.clamp(0.0, 1.0))
        }
    }

    /// The political weight `w`.
    #[inline]
    #[must_use]
    pub const fn political_weight(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Orientation {
    type Error = ParameterError;

    fn try_from(w: f64) -> Result<Self, Self::Error> {
        Orientation::new(w)
    }
}

impl From<Orientation> for f64 {
    fn from(o: Orientation) -> f64 {
        o.0
    }
}

/// A state's role in an asymmetric game (a [`Bimatrix`](crate::Bimatrix)): state A takes
/// the row payoffs, state B the column payoffs. In a tournament the role
/// belongs to the entrant, never to its position in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The row state.
    A,
    /// The column state.
    B,
}

impl Role {
    /// The other role.
    #[must_use]
    pub const fn other(self) -> Role {
        match self {
            Role::A => Role::B,
            Role::B => Role::A,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamped_levels_are_the_clamp_with_nan_as_zero() {
        let specials = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            0.5,
            1.0,
            1.0 + f64::EPSILON,
            1.0 - f64::EPSILON / 2.0,
            -1e-300,
            1e300,
        ];
        for x in specials {
            let expected = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
            assert_eq!(
                Politicization::clamped(x).value().to_bits(),
                expected.to_bits(),
                "{x}"
            );
        }
    }

    #[test]
    fn out_of_range_levels_are_rejected() {
        assert!(Politicization::new(1.5).is_err());
        assert!(Orientation::new(f64::NAN).is_err());
    }
}
