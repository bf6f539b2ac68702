//! Tit For 2 Tats: forgives a single defection.
//!
//! Rule: cooperate, and defect only when the partner defected in both of the
//! last two rounds. Submitted to Axelrod's second tournament by John Maynard
//! Smith (Axelrod 1984); `TitFor2Tats` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Defects only after two consecutive defections by the partner.
#[derive(Clone, Debug, Default)]
pub struct TitFor2Tats;

impl Strategy for TitFor2Tats {
    fn name(&self) -> &str {
        "Tit For 2 Tats"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(2))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.partner.ends_with(&[Action::D, Action::D]) {
            Action::D
        } else {
            Action::C
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`TitFor2Tats`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Tit For 2 Tats",
    "Defects only after two consecutive defections by the partner.",
    default_build::<TitFor2Tats, _>,
)
.with_aliases(&["TF2T", "Tit For Two Tats"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut TitFor2Tats, &mut Defector, 5).0, "CCDDD");
        assert_eq!(play(&mut TitFor2Tats, &mut Alternator, 6).0, "CCCCCC");
        let mut cycler = Cycler::new("CDDC").unwrap();
        assert_eq!(play(&mut TitFor2Tats, &mut cycler, 8).0, "CCCDCCCD");
    }
}
