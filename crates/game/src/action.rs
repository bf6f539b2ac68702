//! Actions and outcomes of the stage game.

use serde::{Deserialize, Serialize};

/// One state's move in a round: cooperate or defect.
///
/// `C` concedes and contributes to the joint policy; `D` withholds and plays
/// to the home crowd. The representation is one byte so that histories stay
/// compact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum Action {
    /// Cooperate.
    C = 0,
    /// Defect.
    D = 1,
}

impl Action {
    /// Both actions, cooperation first.
    pub const ALL: [Action; 2] = [Action::C, Action::D];

    /// Returns the other action.
    #[inline]
    #[must_use]
    pub const fn flip(self) -> Action {
        match self {
            Action::C => Action::D,
            Action::D => Action::C,
        }
    }

    /// Returns `true` for [`Action::C`].
    #[inline]
    #[must_use]
    pub const fn is_cooperation(self) -> bool {
        matches!(self, Action::C)
    }

    /// Returns `true` for [`Action::D`].
    #[inline]
    #[must_use]
    pub const fn is_defection(self) -> bool {
        matches!(self, Action::D)
    }

    /// Returns 0 for `C` and 1 for `D`, the index used by payoff tables.
    #[inline]
    #[must_use]
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Action::C => "C",
            Action::D => "D",
        })
    }
}

/// The outcome of one round: the row player's action and the column player's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Outcome {
    /// The action of the focal (row) player.
    pub own: Action,
    /// The action of the partner (column) player.
    pub partner: Action,
}

impl Outcome {
    /// Mutual cooperation, the outcome that pays R.
    pub const CC: Outcome = Outcome::new(Action::C, Action::C);
    /// The sucker's outcome for the focal player, which pays S.
    pub const CD: Outcome = Outcome::new(Action::C, Action::D);
    /// The temptation outcome for the focal player, which pays T.
    pub const DC: Outcome = Outcome::new(Action::D, Action::C);
    /// Mutual defection, the outcome that pays P.
    pub const DD: Outcome = Outcome::new(Action::D, Action::D);
    /// All four outcomes in table order (CC, CD, DC, DD).
    pub const ALL: [Outcome; 4] = [Outcome::CC, Outcome::CD, Outcome::DC, Outcome::DD];

    /// Builds an outcome from the focal player's and the partner's action.
    #[inline]
    #[must_use]
    pub const fn new(own: Action, partner: Action) -> Outcome {
        Outcome { own, partner }
    }

    /// The same outcome seen from the partner's side.
    #[inline]
    #[must_use]
    pub const fn swap(self) -> Outcome {
        Outcome::new(self.partner, self.own)
    }

    /// Index in table order: CC = 0, CD = 1, DC = 2, DD = 3.
    #[inline]
    #[must_use]
    pub const fn index(self) -> usize {
        2 * self.own.index() + self.partner.index()
    }

    /// The number of cooperators in this outcome (0, 1 or 2).
    #[inline]
    #[must_use]
    pub const fn cooperators(self) -> u8 {
        self.own.is_cooperation() as u8 + self.partner.is_cooperation() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flip_is_an_involution() {
        for a in Action::ALL {
            assert_eq!(a.flip().flip(), a);
            assert_ne!(a.flip(), a);
        }
    }

    #[test]
    fn outcome_indices_follow_table_order() {
        for (i, o) in Outcome::ALL.iter().enumerate() {
            assert_eq!(o.index(), i);
        }
        assert_eq!(Outcome::CD.swap(), Outcome::DC);
        assert_eq!(Outcome::CC.cooperators(), 2);
        assert_eq!(Outcome::DD.cooperators(), 0);
    }
}
