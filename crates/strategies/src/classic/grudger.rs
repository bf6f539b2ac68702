//! Grudger: cooperates until the partner's first defection, then defects
//! for ever.
//!
//! Rule: play `C` while the partner has never defected, `D` afterwards.
//! James W. Friedman's entry in Axelrod's first tournament (Axelrod 1980),
//! also known as Grim Trigger; `Grudger` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Cooperates until the partner defects once, then always defects.
#[derive(Clone, Debug, Default)]
pub struct Grudger {
    /// Set once the partner has defected; never cleared within a match.
    grudge: bool,
}

impl Strategy for Grudger {
    fn name(&self) -> &str {
        "Grudger"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        // Only the newest perceived move can start a grudge, so each round
        // costs O(1) however long the match.
        if view.partner_last() == Some(Action::D) {
            self.grudge = true;
        }
        if self.grudge { Action::D } else { Action::C }
    }

    fn reset(&mut self) {
        self.grudge = false;
    }
}

/// The registry entry of [`Grudger`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Grudger",
    "Cooperates until the partner defects once, then always defects.",
    default_build::<Grudger, _>,
)
.with_aliases(&["Grim", "Grim Trigger"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cooperator, Cycler};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut Grudger::default(), &mut Cooperator, 4).0, "CCCC");
        assert_eq!(play(&mut Grudger::default(), &mut Alternator, 5).0, "CCDDD");
        let mut cycler = Cycler::new("CCCCD").unwrap();
        assert_eq!(play(&mut Grudger::default(), &mut cycler, 8).0, "CCCCCDDD");
    }
}
