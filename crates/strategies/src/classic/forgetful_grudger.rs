//! Forgetful Grudger: a grudge that lasts ten rounds.
//!
//! Rule: cooperate until the partner defects; then defect for ten rounds,
//! after which the grudge is forgotten. A partner defection seen while the
//! grudge is held does not lengthen it, but one seen in the round the grudge
//! ends starts a new one at once. Original by Geraint Palmer;
//! `ForgetfulGrudger` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// How many rounds a grudge lasts.
const GRUDGE_LENGTH: u32 = 10;

/// Defects for ten rounds after a partner defection, then forgives.
#[derive(Clone, Debug, Default)]
pub struct ForgetfulGrudger {
    grudged: bool,
    grudge_rounds: u32,
}

impl Strategy for ForgetfulGrudger {
    fn name(&self) -> &str {
        "Forgetful Grudger"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(GRUDGE_LENGTH))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if self.grudge_rounds == GRUDGE_LENGTH {
            self.grudge_rounds = 0;
            self.grudged = false;
        }
        if view.partner_last() == Some(Action::D) {
            self.grudged = true;
        }
        if self.grudged {
            self.grudge_rounds += 1;
            Action::D
        } else {
            Action::C
        }
    }

    fn reset(&mut self) {
        *self = ForgetfulGrudger::default();
    }
}

/// The registry entry of [`ForgetfulGrudger`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Forgetful Grudger",
    "Defects for ten rounds after a partner defection, then forgives.",
    default_build::<ForgetfulGrudger, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(
            play(&mut ForgetfulGrudger::default(), &mut Defector, 13).0,
            "CDDDDDDDDDDDD"
        );
        let mut once = Cycler::new("DCCCCCCCCCCCCCCC").unwrap();
        assert_eq!(
            play(&mut ForgetfulGrudger::default(), &mut once, 14).0,
            "CDDDDDDDDDDCCC"
        );
    }
}
