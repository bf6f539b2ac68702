//! Prober: tests whether the partner can be exploited.
//!
//! Rule: play `D`, `C`, `C`; afterwards defect for ever if the partner
//! cooperated in rounds 2 and 3, otherwise play Tit For Tat. Li (2011);
//! `Prober` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// The opening probe.
const OPENING: [Action; 3] = [Action::D, Action::C, Action::C];

/// Opens `D C C`, then exploits a partner that did not retaliate and plays
/// Tit For Tat otherwise.
#[derive(Clone, Debug, Default)]
pub struct Prober;

impl Strategy for Prober {
    fn name(&self) -> &str {
        "Prober"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if let Some(&opening) = OPENING.get(view.turn()) {
            return opening;
        }
        if view.partner.get(1..3) == Some(&[Action::C, Action::C][..]) {
            Action::D
        } else {
            view.partner_last().unwrap_or(Action::C)
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`Prober`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Prober",
    "Opens D C C, then exploits a partner that did not retaliate and plays Tit For Tat otherwise.",
    default_build::<Prober, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TitForTat;
    use crate::classic::{Cooperator, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut Prober, &mut Cooperator, 6).0, "DCCDDD");
        assert_eq!(play(&mut Prober, &mut Defector, 6).0, "DCCDDD");
        // Tit For Tat answers the probe in round 2, so Prober settles down.
        assert_eq!(play(&mut Prober, &mut TitForTat, 7).0, "DCCCCCC");
    }
}
