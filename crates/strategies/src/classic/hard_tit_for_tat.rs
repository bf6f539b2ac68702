//! Hard Tit For Tat: retaliates for any defection in the last three rounds.
//!
//! Rule: cooperate first; then defect if the partner defected in any of the
//! last three rounds, cooperate otherwise (PD2017, "Hard Tit For Tat");
//! `HardTitForTat` in the Python `axelrod` library.

use super::retaliation::retaliate_within;
use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// How many of the partner's recent moves are checked for a defection.
const WINDOW: usize = 3;

/// Defects if the partner defected in any of the last three rounds.
#[derive(Clone, Debug, Default)]
pub struct HardTitForTat;

impl Strategy for HardTitForTat {
    fn name(&self) -> &str {
        "Hard Tit For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(WINDOW as u32))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        retaliate_within(view.partner, WINDOW)
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`HardTitForTat`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Hard Tit For Tat",
    "Defects if the partner defected in any of the last three rounds.",
    default_build::<HardTitForTat, _>,
)
.with_aliases(&["HTFT"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut HardTitForTat, &mut Defector, 4).0, "CDDD");
        assert_eq!(play(&mut HardTitForTat, &mut Alternator, 5).0, "CCDDD");
        let mut cycler = Cycler::new("DCCCCC").unwrap();
        assert_eq!(play(&mut HardTitForTat, &mut cycler, 8).0, "CDDDCCCD");
    }
}
