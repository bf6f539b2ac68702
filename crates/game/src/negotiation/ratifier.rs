//! The ratifiers of a state ([`Ratifier`]: a weight and a position) and
//! its ratification threshold ([`Threshold`], `tau`).

use crate::error::{
    ParameterError, check_non_negative, check_positive_fraction, check_unit_interval,
};

/// One ratifier of an agreement in a state: its weight `v_k` in the vote
/// and its position `x_k` in [0, 1] (0 a nationalist that concedes nothing,
/// 1 an internationalist that concedes everything).
///
/// Ratifier k accepts a share `z` of the gains for its state iff
/// `z >= r_k = 1 - x_k`, its [reservation](Ratifier::reservation).
/// An arena (the domestic actors of `docs/model.md` section 12) feeds
/// the negotiation one ratifier per actor with a vote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratifier {
    weight: f64,
    position: f64,
}

impl Ratifier {
    /// A ratifier of weight `weight` (finite, non-negative: the error names
    /// `weight`) at position `position` (in [0, 1]: the error names
    /// `position`).
    pub fn new(weight: f64, position: f64) -> Result<Self, ParameterError> {
        Ok(Ratifier {
            weight: check_non_negative("weight", weight)?,
            position: check_unit_interval("position", position)?,
        })
    }

    /// The ratifier's weight `v_k`.
    #[must_use]
    pub const fn weight(&self) -> f64 {
        self.weight
    }

    /// The ratifier's position `x_k`.
    #[must_use]
    pub const fn position(&self) -> f64 {
        self.position
    }

    /// The smallest share the ratifier accepts, `r_k = 1 - x_k`.
    #[must_use]
    pub fn reservation(&self) -> f64 {
        1.0 - self.position
    }
}

/// The share `tau_i` in (0, 1] of the ratifiers' total weight that must
/// accept an agreement for the state to ratify it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threshold(f64);

impl Threshold {
    /// A threshold `tau` in (0, 1] (the error names `tau`).
    pub fn new(tau: f64) -> Result<Self, ParameterError> {
        check_positive_fraction("tau", tau).map(Threshold)
    }

    /// A simple majority, `tau = 1/2`.
    #[must_use]
    pub const fn majority() -> Self {
        Threshold(0.5)
    }

    /// A treaty supermajority, `tau = 2/3` (the United States Senate's).
    #[must_use]
    pub const fn supermajority() -> Self {
        Threshold(2.0 / 3.0)
    }

    /// Unanimity, `tau = 1`: every ratifier with weight holds a veto.
    #[must_use]
    pub const fn unanimity() -> Self {
        Threshold(1.0)
    }

    /// The value `tau`.
    #[must_use]
    pub const fn value(self) -> f64 {
        self.0
    }
}
