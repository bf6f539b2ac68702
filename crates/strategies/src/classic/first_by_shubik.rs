//! First by Shubik: retaliates for one round more after each provocation.
//!
//! Rule: cooperate; when the partner defects while this player cooperated,
//! defect for `k` rounds, where `k` is 1 for the first such provocation and
//! grows by one with each later one; then resume cooperation. Defections
//! during a retaliation are not provocations. Martin Shubik's entry in
//! Axelrod's first tournament, fifth (Axelrod 1980; Shubik 1970);
//! `FirstByShubik` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::retaliation::Retaliation;
use crate::registry::{StrategyEntry, default_build};

/// Answers the n-th unprovoked defection with n defections.
#[derive(Clone, Debug, Default)]
pub struct FirstByShubik {
    retaliation: Retaliation,
}

impl Strategy for FirstByShubik {
    fn name(&self) -> &str {
        "First by Shubik"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let (Some(own_last), Some(partner_last)) = (view.own_last(), view.partner_last()) else {
            return Action::C;
        };
        if self.retaliation.is_active() {
            self.retaliation.serve();
            return Action::D;
        }
        if partner_last.is_defection() && own_last.is_cooperation() {
            self.retaliation.escalate();
            return Action::D;
        }
        Action::C
    }

    fn reset(&mut self) {
        *self = FirstByShubik::default();
    }
}

/// The registry entry of [`FirstByShubik`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Shubik",
    "Answers the n-th unprovoked defection with n defections.",
    default_build::<FirstByShubik, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        // Against Defector: D after the first C, then C, D D, C, D D D, ...
        assert_eq!(
            play(&mut FirstByShubik::default(), &mut Defector, 10).0,
            "CDCDDCDDDC"
        );
        let mut cycler = Cycler::new("CDCCCC").unwrap();
        assert_eq!(
            play(&mut FirstByShubik::default(), &mut cycler, 12).0,
            "CCDCCCCCDDCC"
        );
    }
}
