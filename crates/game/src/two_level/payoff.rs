//! One player's [`Payoff`] for one round (its blended utility and the
//! policy and political parts) and [`blend`], the utility at an effective
//! political weight.

use serde::{Deserialize, Serialize};

/// One player's payoff for one round, with its two parts.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Payoff {
    /// The blended utility, `(1 - w_eff) * policy + w_eff * political`.
    pub utility: f64,
    /// The policy (international, absolute-gains) payoff.
    pub policy: f64,
    /// The political (domestic) payoff.
    pub political: f64,
}

impl Payoff {
    /// The payoff in the given currency.
    #[inline]
    #[must_use]
    pub const fn in_currency(&self, currency: crate::Currency) -> f64 {
        match currency {
            crate::Currency::Policy => self.policy,
            crate::Currency::Political => self.political,
            crate::Currency::Utility => self.utility,
        }
    }
}

/// The blended utility `(1 - w_eff) * policy + w_eff * political`.
///
/// The ends are exact: with `w_eff = 0` the utility is the policy payoff
/// bit for bit (even `-0.0`), with `w_eff = 1` the political payoff, so the
/// classic game is reproduced exactly whatever the political payoff is.
#[inline]
#[must_use]
pub fn blend(w_eff: f64, policy: f64, political: f64) -> f64 {
    if w_eff == 0.0 {
        policy
    } else if w_eff == 1.0 {
        political
    } else {
        (1.0 - w_eff) * policy + w_eff * political
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blend_ends_are_exact() {
        assert_eq!(blend(0.0, -0.0, 7.0).to_bits(), (-0.0_f64).to_bits());
        assert_eq!(blend(1.0, 7.0, -0.0).to_bits(), (-0.0_f64).to_bits());
        assert!((blend(0.25, 4.0, 8.0) - 5.0).abs() < 1e-12);
    }
}
