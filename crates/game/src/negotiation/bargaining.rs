//! Level I: the chief negotiators divide the gains of cooperation, by
//! Rubinstein's (1982) alternating offers or by Nash bargaining
//! ([`Protocol`]), and the domestic constraint clamps the result to the
//! zone of agreement ([`Zone::clamp`]).

use super::Zone;
use crate::error::{ParameterError, check_unit_interval, format_number};

/// How the negotiators divide the gains; A's share `z^u` without domestic
/// constraints is [`Protocol::unconstrained_share`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Protocol {
    /// Rubinstein's alternating offers, A proposing first, with the
    /// negotiators' own discount factors: `z^u = (1 - delta_B) / (1 -
    /// delta_A delta_B)`.
    Rubinstein {
        /// A's negotiator's discount factor, in [0, 1).
        delta_a: f64,
        /// B's negotiator's discount factor, in [0, 1).
        delta_b: f64,
    },
    /// Nash bargaining with bargaining power `weight` for A and
    /// `1 - weight` for B over a gain of 1 with disagreement at 0: `z^u`
    /// maximizes `z^weight (1 - z)^(1 - weight)`, so `z^u = weight`
    /// (1/2 for the symmetric solution).
    Nash {
        /// A's bargaining power, in [0, 1].
        weight: f64,
    },
}

impl Protocol {
    /// Rubinstein's alternating offers with discount factors in [0, 1)
    /// (the error names `delta_a` or `delta_b`).
    pub fn rubinstein(delta_a: f64, delta_b: f64) -> Result<Self, ParameterError> {
        Ok(Protocol::Rubinstein {
            delta_a: check_discount("delta_a", delta_a)?,
            delta_b: check_discount("delta_b", delta_b)?,
        })
    }

    /// The symmetric Nash bargaining solution, `z^u = 1/2`.
    #[must_use]
    pub const fn nash_symmetric() -> Self {
        Protocol::Nash { weight: 0.5 }
    }

    /// The weighted Nash bargaining solution with A's bargaining power
    /// `weight` in [0, 1] (the error names `weight`).
    pub fn nash(weight: f64) -> Result<Self, ParameterError> {
        Ok(Protocol::Nash {
            weight: check_unit_interval("weight", weight)?,
        })
    }

    /// A's share without domestic constraints, `z^u`.
    #[must_use]
    pub fn unconstrained_share(&self) -> f64 {
        match *self {
            Protocol::Rubinstein { delta_a, delta_b } => rubinstein_share(delta_a, delta_b),
            Protocol::Nash { weight } => weight,
        }
    }

    /// A's share under the domestic constraints, `z* = min(max(z^u, R_A),
    /// 1 - R_B)`, or `None` when the zone of agreement is empty.
    #[must_use]
    pub fn constrained_share(&self, zone: &Zone) -> Option<f64> {
        zone.clamp(self.unconstrained_share())
    }
}

/// Checks a negotiator's discount factor: a number in [0, 1).
fn check_discount(field: &str, delta: f64) -> Result<f64, ParameterError> {
    if (0.0..1.0).contains(&delta) {
        Ok(delta)
    } else {
        Err(ParameterError::new(
            field,
            format!(
                "expected a discount factor in [0, 1), got {}",
                format_number(delta)
            ),
        ))
    }
}

/// The proposer's share in Rubinstein's subgame-perfect equilibrium,
/// `(1 - delta_B) / (1 - delta_A delta_B)`, for discount factors in
/// [0, 1) (the proposer discounts with `delta_a`, the responder with
/// `delta_b`). The result lies in [0, 1]; it is 1 when both are 0.
#[must_use]
pub fn rubinstein_share(delta_a: f64, delta_b: f64) -> f64 {
    ((1.0 - delta_b) / (1.0 - delta_a * delta_b)).clamp(0.0, 1.0)
}

/// The first proposer's share in alternating offers that end after
/// `periods` offers with nothing for both (backward induction): in the
/// last period the proposer takes everything; one period earlier the
/// proposer offers the responder exactly the discounted value of proposing
/// next. As `periods` grows the share converges to [`rubinstein_share`]
/// (Stahl 1972, Rubinstein 1982). Zero periods leave nothing to divide
/// (0). Discount factors must lie in [0, 1) (the error names `delta_a` or
/// `delta_b`).
pub fn alternating_offers_share(
    delta_a: f64,
    delta_b: f64,
    periods: u32,
) -> Result<f64, ParameterError> {
    let deltas = [
        check_discount("delta_a", delta_a)?,
        check_discount("delta_b", delta_b)?,
    ];
    if periods == 0 {
        return Ok(0.0);
    }
    // Walk back from the last period: `share` is the share of whoever
    // proposes in the current period; the proposer of period k is A for
    // odd k (A proposes first).
    let mut share = 1.0;
    for period in (1..periods).rev() {
        let responder = if period % 2 == 1 { 1 } else { 0 };
        share = 1.0 - deltas[responder] * share;
    }
    Ok(share)
}
