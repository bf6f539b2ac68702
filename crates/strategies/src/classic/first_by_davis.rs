//! First by Davis: cooperates for ten rounds, then plays Grudger.
//!
//! Rule: cooperate in the first `rounds_to_cooperate` rounds (10 by
//! default); afterwards defect if the partner has ever defected, cooperate
//! otherwise. Morton Davis's entry in Axelrod's first tournament, eighth
//! (Axelrod 1980); `FirstByDavis` in the Python `axelrod` library, named
//! `"First by Davis: 10"`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::support::MoveCounts;

use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Cooperates unconditionally at first, then holds any defection as a
/// grudge for the rest of the match.
#[derive(Clone, Debug)]
pub struct FirstByDavis {
    rounds_to_cooperate: u32,
    name: String,
    /// The partner's moves counted so far, so that asking whether it ever
    /// defected costs constant work per round.
    partner: MoveCounts,
}

impl FirstByDavis {
    /// A player that cooperates unconditionally for `rounds_to_cooperate`
    /// rounds before turning into Grudger.
    #[must_use]
    pub fn new(rounds_to_cooperate: u32) -> Self {
        FirstByDavis {
            rounds_to_cooperate,
            name: format!("First by Davis: {rounds_to_cooperate}"),
            partner: MoveCounts::default(),
        }
    }
}

impl Default for FirstByDavis {
    /// Ten unconditional cooperations, as in Axelrod's report.
    fn default() -> Self {
        FirstByDavis::new(10)
    }
}

impl Strategy for FirstByDavis {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.turn() < self.rounds_to_cooperate as usize
            || self.partner.update(view.partner).defections() == 0
        {
            Action::C
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        self.partner = MoveCounts::default();
    }
}

/// The registry entry of [`FirstByDavis`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Davis",
    "Cooperates unconditionally at first, then holds any defection as a grudge.",
    |params| params.finish(Ok(FirstByDavis::new(params.count("rounds_to_cooperate")))),
)
.with_params(&[ParamSpec::new(
    "rounds_to_cooperate",
    ParamKind::count(10, 0),
    "The number of opening rounds of unconditional cooperation.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::test_support::assert_same_moves_as_reference;
    use crate::classic::{Alternator, Cycler, Defector};
    use crate::testing::play;

    /// The rule as it was first written: it looks for a defection in the
    /// partner's whole history every round.
    #[derive(Clone, Debug)]
    struct ScanningDavis;

    impl Strategy for ScanningDavis {
        fn name(&self) -> &str {
            "Scanning Davis"
        }

        fn classifier(&self) -> Classifier {
            Classifier::deterministic(None)
        }

        fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
            if view.turn() < 10 || !view.partner.contains(&Action::D) {
                Action::C
            } else {
                Action::D
            }
        }

        fn reset(&mut self) {}
    }

    #[test]
    fn counting_makes_the_scanning_rules_moves() {
        assert_same_moves_as_reference(&mut FirstByDavis::default(), &mut ScanningDavis, 300);
    }

    #[test]
    fn expected_sequences() {
        assert_eq!(
            play(&mut FirstByDavis::default(), &mut Defector, 13).0,
            "CCCCCCCCCCDDD"
        );
        assert_eq!(
            play(&mut FirstByDavis::new(2), &mut Alternator, 5).0,
            "CCDDD"
        );
        let mut late = Cycler::new("CCCCCCCCCCCCD").unwrap();
        assert_eq!(
            play(&mut FirstByDavis::default(), &mut late, 15).0,
            "CCCCCCCCCCCCCDD"
        );
    }
}
