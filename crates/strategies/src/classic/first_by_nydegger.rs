//! First by Nydegger: a memory-three lookup table.
//!
//! Rule: Tit For Tat for the first three rounds, except that it defects in
//! round 3 if the partner played `D C` in rounds 1 and 2 (this is
//! `axelrod`'s reading of "if it was the only one to cooperate on the first
//! move and the only one to defect on the second move"). From round 4 on it
//! scores the last three rounds: `A = 16 a1 + 4 a2 + a3`, where `a1` is the
//! most recent round and each round counts 2 for a partner defection plus 1
//! for its own; it defects exactly when `A` is one of 1, 6, 7, 17, 22, 23,
//! 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61. Rudy Nydegger's entry
//! in Axelrod's first tournament, third (Axelrod 1980; Nydegger 1978);
//! `FirstByNydegger` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// The values of `A` on which the rule defects.
const DEFECT_ON: [u32; 19] = [
    1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61,
];

/// Weights of the last three rounds, most recent first.
const WEIGHTS: [u32; 3] = [16, 4, 1];

/// Decides from a weighted score of the last three outcomes.
#[derive(Clone, Debug, Default)]
pub struct FirstByNydegger;

/// A round's score: 2 for the partner's defection plus 1 for one's own.
fn round_score(own: Action, partner: Action) -> u32 {
    2 * partner.index() as u32 + own.index() as u32
}

impl Strategy for FirstByNydegger {
    fn name(&self) -> &str {
        "First by Nydegger"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(3))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let tit_for_tat = view.partner_last().unwrap_or(Action::C);
        // Rounds are counted back from the end of the histories, which may
        // hold only the last moves (the memory depth is 3).
        let (own, partner) = (view.own, view.partner);
        match view.turn() {
            0 | 1 => tit_for_tat,
            2 if partner.ends_with(&[Action::D, Action::C]) => Action::D,
            2 => tit_for_tat,
            _ => {
                let score: u32 = WEIGHTS
                    .iter()
                    .zip(own.iter().rev().zip(partner.iter().rev()))
                    .map(|(weight, (&own, &partner))| weight * round_score(own, partner))
                    .sum();
                if DEFECT_ON.contains(&score) {
                    Action::D
                } else {
                    Action::C
                }
            }
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`FirstByNydegger`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Nydegger",
    "Decides from a weighted score of the last three outcomes.",
    default_build::<FirstByNydegger, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut FirstByNydegger, &mut Cooperator, 5).0, "CCCCC");
        // After C/D, D/D, D/D: A = 16*3 + 4*3 + 2 = 62, so C; then A is
        // 47, 43 and 42 (C/D rounds score 2), none of which defects.
        assert_eq!(play(&mut FirstByNydegger, &mut Defector, 9).0, "CDDCCCCCC");
        assert_eq!(play(&mut FirstByNydegger, &mut Alternator, 6).0, "CCDCDC");
    }

    #[test]
    fn scores_outcomes_as_documented() {
        assert_eq!(round_score(Action::C, Action::C), 0);
        assert_eq!(round_score(Action::D, Action::C), 1);
        assert_eq!(round_score(Action::C, Action::D), 2);
        assert_eq!(round_score(Action::D, Action::D), 3);
    }
}
