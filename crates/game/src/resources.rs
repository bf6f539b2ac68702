//! Resources between states (`docs/model.md` section 14): "wealth enables
//! the state to buy influence, military assets enable the state to project
//! influence. One is a carrot, the other a stick."
//!
//! A state has [`Resources`]: wealth `W_i` and might `M_i`, per-round
//! budgets. From them it draws a [`Carrot`] (a side payment `t <= W_i` of
//! policy payoff to the partner, of which the partner gains `eta t`,
//! `eta <= 1`: transfers leak) and a [`Stick`] (a sanction that imposes a
//! loss `s` on the partner at a cost `s / M_i` to the sanctioner; a state
//! without might cannot sanction).

use crate::error::{ParameterError, check_non_negative, check_unit_interval, format_number};

/// A state's per-round budgets: wealth `W_i` (for carrots) and might
/// `M_i` (for sticks).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Resources {
    wealth: f64,
    might: f64,
}

impl Resources {
    /// No wealth and no might: no carrot but the empty one, no stick.
    pub const NONE: Resources = Resources {
        wealth: 0.0,
        might: 0.0,
    };

    /// Resources with wealth and might, both finite and non-negative (a
    /// negative budget is rejected; the error names `wealth` or `might`).
    pub fn new(wealth: f64, might: f64) -> Result<Self, ParameterError> {
        Ok(Resources {
            wealth: check_non_negative("wealth", wealth)?,
            might: check_non_negative("might", might)?,
        })
    }

    /// The wealth `W_i`.
    #[must_use]
    pub const fn wealth(&self) -> f64 {
        self.wealth
    }

    /// The might `M_i`.
    #[must_use]
    pub const fn might(&self) -> f64 {
        self.might
    }

    /// A carrot of `transfer` per round with leakage `leakage` (the share
    /// that reaches the partner, `eta` in [0, 1]). The transfer must be
    /// finite, non-negative and within the wealth (the error names
    /// `transfer` or `leakage`).
    pub fn carrot(&self, transfer: f64, leakage: f64) -> Result<Carrot, ParameterError> {
        let transfer = check_non_negative("transfer", transfer)?;
        let leakage = check_unit_interval("leakage", leakage)?;
        if transfer > self.wealth {
            return Err(ParameterError::new(
                "transfer",
                format!(
                    "a side payment of {} exceeds the wealth {}",
                    format_number(transfer),
                    format_number(self.wealth)
                ),
            ));
        }
        Ok(Carrot { transfer, leakage })
    }

    /// A stick: a sanction of size `size` (finite, non-negative) at a cost
    /// `size / M_i`. A sanction above 0 needs might above 0: a sanction
    /// without might is rejected (the error names `might`); a negative or
    /// non-finite size names `sanction`.
    pub fn stick(&self, size: f64) -> Result<Stick, ParameterError> {
        let size = check_non_negative("sanction", size)?;
        if size == 0.0 {
            return Ok(Stick::NONE);
        }
        if self.might <= 0.0 {
            return Err(ParameterError::new(
                "might",
                format!(
                    "a sanction of {} needs might above 0, got {}",
                    format_number(size),
                    format_number(self.might)
                ),
            ));
        }
        let cost = size / self.might;
        if !cost.is_finite() {
            return Err(ParameterError::new(
                "might",
                format!(
                    "a sanction of {} costs {} at might {}: the might is too small",
                    format_number(size),
                    format_number(cost),
                    format_number(self.might)
                ),
            ));
        }
        Ok(Stick { size, cost })
    }
}

/// A side payment: `transfer` of policy payoff given per round, of which
/// the partner gains `leakage * transfer`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Carrot {
    transfer: f64,
    leakage: f64,
}

impl Carrot {
    /// No side payment.
    pub const NONE: Carrot = Carrot {
        transfer: 0.0,
        leakage: 1.0,
    };

    /// The transfer `t` the payer gives up.
    #[must_use]
    pub const fn transfer(&self) -> f64 {
        self.transfer
    }

    /// The leakage `eta`: the share of the transfer that reaches the
    /// partner.
    #[must_use]
    pub const fn leakage(&self) -> f64 {
        self.leakage
    }

    /// What the partner gains, `eta t`.
    #[must_use]
    pub fn received(&self) -> f64 {
        self.leakage * self.transfer
    }

    /// Returns `true` for a carrot of zero, which changes nothing.
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.transfer == 0.0
    }
}

/// A sanction: a loss `size` imposed on the partner, at `cost`
/// (`size / M_i`) to the sanctioner.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Stick {
    size: f64,
    cost: f64,
}

impl Stick {
    /// No sanction.
    pub const NONE: Stick = Stick {
        size: 0.0,
        cost: 0.0,
    };

    /// The loss `s` imposed on the partner.
    #[must_use]
    pub const fn size(&self) -> f64 {
        self.size
    }

    /// The sanctioner's cost, `s / M_i`.
    #[must_use]
    pub const fn cost(&self) -> f64 {
        self.cost
    }

    /// Returns `true` for a sanction of zero, which changes nothing.
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.size == 0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_bound_carrots_and_sticks() {
        let rich = Resources::new(2.0, 4.0).unwrap();
        let carrot = rich.carrot(1.0, 0.5).unwrap();
        assert_eq!((carrot.transfer(), carrot.received()), (1.0, 0.5));
        assert_eq!(rich.carrot(3.0, 1.0).unwrap_err().field, "transfer");
        let stick = rich.stick(2.0).unwrap();
        assert_eq!((stick.size(), stick.cost()), (2.0, 0.5));
        assert_eq!(Resources::NONE.stick(0.0).unwrap(), Stick::NONE);
    }
}
