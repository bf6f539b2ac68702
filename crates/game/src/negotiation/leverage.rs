//! Carrots and sticks in negotiation (`docs/model.md` section 14): a side
//! payment `t` to the partner's ratifiers lowers every partner reservation
//! by `eta t` (it enlarges the partner's win-set), and a credible sanction
//! `s` for no agreement lowers them by `s`, except in a share `sigma` of
//! the partner's ratifiers, who answer with defiance: their reservation
//! rises by `s`.

use super::{Ratifier, Reservation};
use crate::error::{ParameterError, check_unit_interval};
use crate::resources::{Carrot, Stick};

/// What a state brings to the table against its partner: a side payment,
/// a sanction threat, and the share `sigma` of the partner's ratifiers
/// (by weight) that defy the threat.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Leverage {
    side_payment: Carrot,
    sanction: Stick,
    defiance: f64,
}

impl Leverage {
    /// No leverage: the partner's reservations stay as they are.
    pub const NONE: Leverage = Leverage {
        side_payment: Carrot::NONE,
        sanction: Stick::NONE,
        defiance: 0.0,
    };

    /// Leverage with a side payment, a sanction threat and the defiant
    /// share `sigma` in [0, 1] of the partner's ratifiers (the error names
    /// `defiance`). Draw the carrot and the stick from the state's
    /// [`Resources`](crate::Resources), which validates them.
    pub fn new(
        side_payment: Carrot,
        sanction: Stick,
        defiance: f64,
    ) -> Result<Self, ParameterError> {
        Ok(Leverage {
            side_payment,
            sanction,
            defiance: check_unit_interval("defiance", defiance)?,
        })
    }

    /// The side payment.
    #[must_use]
    pub const fn side_payment(&self) -> &Carrot {
        &self.side_payment
    }

    /// The sanction threat.
    #[must_use]
    pub const fn sanction(&self) -> &Stick {
        &self.sanction
    }

    /// The defiant share `sigma`.
    #[must_use]
    pub const fn defiance(&self) -> f64 {
        self.defiance
    }

    /// The partner's ratifiers' weights and reservations under this
    /// leverage: every reservation falls by `eta t`; with a sanction `s`
    /// each ratifier's weight splits into `(1 - sigma) v_k` at a
    /// reservation lowered by `s` and `sigma v_k` raised by `s`. Without
    /// leverage the reservations are the ratifiers' own, bit for bit.
    #[must_use]
    pub fn partner_reservations(&self, ratifiers: &[Ratifier]) -> Vec<Reservation> {
        let paid = self.side_payment.received();
        let s = self.sanction.size();
        let mut out = Vec::with_capacity(ratifiers.len() * 2);
        for ratifier in ratifiers {
            let mut base = Reservation::from(ratifier);
            if paid != 0.0 {
                base.reservation -= paid;
            }
            if s == 0.0 {
                out.push(base);
                continue;
            }
            let compliant = (1.0 - self.defiance) * base.weight;
            let defiant = self.defiance * base.weight;
            if compliant > 0.0 {
                out.push(Reservation {
                    weight: compliant,
                    reservation: base.reservation - s,
                });
            }
            if defiant > 0.0 {
                out.push(Reservation {
                    weight: defiant,
                    reservation: base.reservation + s,
                });
            }
        }
        out
    }
}
