//! Gradual: punishes the partner's n-th defection with n defections, then
//! calms down with two cooperations.
//!
//! Rule (the `axelrod` 4.x version, after the CRISTAL-SMAC `ipd` code and
//! Mathieu and Delahaye's `Gradual`): cooperate first. When not punishing or
//! calming and the partner defected in the last round, defect now and for
//! `d - 1` more rounds, where `d` is the partner's total number of
//! defections so far, then cooperate for two rounds whatever the partner
//! does. Defections made while punishing or calming are not answered
//! separately, but they raise `d` for the next punishment. Beaufils,
//! Delahaye and Mathieu (1997) introduced the strategy; this is `Gradual`
//! in the Python `axelrod` library (not `OriginalGradual`).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::support::MoveCounts;
use crate::registry::{StrategyEntry, default_build};

/// The number of cooperations that follow a punishment.
const CALM_ROUNDS: u32 = 2;

/// Punishes with as many defections as the partner has made, then makes
/// peace with two cooperations.
#[derive(Clone, Debug, Default)]
pub struct Gradual {
    punish_remaining: usize,
    calm_remaining: u32,
    partner: MoveCounts,
}

impl Strategy for Gradual {
    fn name(&self) -> &str {
        "Gradual"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let partner_defections = self.partner.update(view.partner).defections();
        let Some(partner_last) = view.partner_last() else {
            return Action::C;
        };
        if self.punish_remaining > 0 {
            self.punish_remaining -= 1;
            return Action::D;
        }
        if self.calm_remaining > 0 {
            self.calm_remaining -= 1;
            return Action::C;
        }
        if partner_last.is_defection() {
            self.punish_remaining = partner_defections - 1;
            self.calm_remaining = CALM_ROUNDS;
            return Action::D;
        }
        Action::C
    }

    fn reset(&mut self) {
        *self = Gradual::default();
    }
}

/// The registry entry of [`Gradual`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Gradual",
    "Punishes with as many defections as the partner has made, then makes peace with two cooperations.",
    default_build::<Gradual>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        // Against Defector: D (1 defection seen), calm CC, then D x 4
        // (4 defections seen), calm CC, then D x 7 ...
        assert_eq!(
            play(&mut Gradual::default(), &mut Defector, 17).0,
            "CDCCDDDDCCDDDDDDD"
        );
        // A single defection is punished once, then two calm rounds.
        let mut once = Cycler::new("CDCCCCCCCCCCCCCCCCCC").unwrap();
        assert_eq!(play(&mut Gradual::default(), &mut once, 7).0, "CCDCCCC");
    }

    #[test]
    fn reset_forgets_the_punishment() {
        let mut gradual = Gradual::default();
        let first = play(&mut gradual, &mut Defector, 10);
        let second = play(&mut gradual, &mut Defector, 10);
        assert_eq!(first, second);
    }
}
