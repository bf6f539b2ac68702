//! The instruments a strategy declares (`docs/model.md` section 14): its
//! standing policy of carrots and sticks in the iterated game.
//!
//! A strategy returns its [`Instruments`] from
//! [`Strategy::instruments`](crate::Strategy::instruments); the match
//! engine reads them once per match, after the reset. A [`Carrot`] is paid
//! after every round in which the partner cooperated, a [`Stick`] imposed
//! after every round in which the partner defected; both land in the next
//! round's payoffs. Both are validated against the state's
//! [`Resources`](crate::Resources) when they are made, and the budgets are
//! per round, so a carrot that exists is always covered by the wealth.

use crate::resources::{Carrot, Stick};

/// A strategy's standing policy of side payments and sanctions.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Instruments {
    /// The side payment paid after each round in which the partner
    /// cooperated, if any.
    pub carrot: Option<Carrot>,
    /// The sanction imposed after each round in which the partner
    /// defected, if any.
    pub stick: Option<Stick>,
}

impl Instruments {
    /// No carrot and no stick: what every strategy declares unless it says
    /// otherwise.
    pub const NONE: Instruments = Instruments {
        carrot: None,
        stick: None,
    };

    /// Returns `true` when the instruments change nothing: no carrot or a
    /// carrot of zero, and no stick or a sanction of zero. The match engine
    /// plays such a match exactly as one without instruments, bit for bit.
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.carrot.is_none_or(|c| c.is_none()) && self.stick.is_none_or(|s| s.is_none())
    }

    /// Each instrument from `self`, or else from `other`: how a strategy
    /// made of members (a delegation) combines its members' policies.
    #[must_use]
    pub fn or(self, other: Instruments) -> Instruments {
        Instruments {
            carrot: self.carrot.or(other.carrot),
            stick: self.stick.or(other.stick),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Resources;

    #[test]
    fn zero_instruments_are_none_and_members_combine_in_order() {
        let resources = Resources::new(1.0, 2.0).unwrap();
        let zero = Instruments {
            carrot: Some(resources.carrot(0.0, 0.5).unwrap()),
            stick: Some(resources.stick(0.0).unwrap()),
        };
        assert!(zero.is_none() && Instruments::NONE.is_none());
        let carrot = Instruments {
            carrot: Some(resources.carrot(1.0, 0.5).unwrap()),
            stick: None,
        };
        let stick = Instruments {
            carrot: None,
            stick: Some(resources.stick(1.0).unwrap()),
        };
        assert!(!carrot.is_none() && !stick.is_none());
        let both = carrot.or(stick);
        assert_eq!((both.carrot, both.stick), (carrot.carrot, stick.stick));
        assert_eq!(stick.or(carrot), both);
    }
}
