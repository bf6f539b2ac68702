//! Grudger: cooperates until the partner's first defection, then defects
//! for ever.
//!
//! Rule: play `C` while the partner has never defected, `D` afterwards.
//! James W. Friedman's entry in Axelrod's first tournament (Axelrod 1980),
//! also known as Grim Trigger; `Grudger` in the Python `axelrod` library.

use rand_core::RngCore;
use twolevel_game::{Action, Classifier, Strategy, View};

/// Cooperates until the partner defects once, then always defects.
#[derive(Clone, Debug, Default)]
pub struct Grudger;

impl Strategy for Grudger {
    fn name(&self) -> &str {
        "Grudger"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn RngCore) -> Action {
        // The scan stops at the first defection, so a grudge costs O(1).
        if view.partner.contains(&Action::D) {
            Action::D
        } else {
            Action::C
        }
    }

    fn reset(&mut self) {}

    fn clone_box(&self) -> Box<dyn Strategy> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cooperator, Cycler};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut Grudger, &mut Cooperator, 4).0, "CCCC");
        assert_eq!(play(&mut Grudger, &mut Alternator, 5).0, "CCDDD");
        let mut cycler = Cycler::new("CCCCD").unwrap();
        assert_eq!(play(&mut Grudger, &mut cycler, 8).0, "CCCCCDDD");
    }
}
