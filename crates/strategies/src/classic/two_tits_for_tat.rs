//! Two Tits For Tat: answers each defection with two.
//!
//! Rule: cooperate, and defect when the partner defected in either of the
//! last two rounds (Axelrod 1984); `TwoTitsForTat` in the Python `axelrod`
//! library.

use super::retaliation::retaliate_within;
use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Defects if the partner defected in either of the last two rounds.
#[derive(Clone, Debug, Default)]
pub struct TwoTitsForTat;

impl Strategy for TwoTitsForTat {
    fn name(&self) -> &str {
        "Two Tits For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(2))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        retaliate_within(view.partner, 2)
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`TwoTitsForTat`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Two Tits For Tat",
    "Defects if the partner defected in either of the last two rounds.",
    default_build::<TwoTitsForTat, _>,
)
.with_aliases(&["TTFT", "2TFT"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut TwoTitsForTat, &mut Defector, 4).0, "CDDD");
        assert_eq!(play(&mut TwoTitsForTat, &mut Alternator, 5).0, "CCDDD");
        let mut cycler = Cycler::new("DCCCC").unwrap();
        assert_eq!(play(&mut TwoTitsForTat, &mut cycler, 8).0, "CDDCCCDD");
    }
}
