//! Contrite Tit For Tat: Tit For Tat that apologises for its own
//! accidents.
//!
//! Rule (as `ContriteTitForTat` in the Python `axelrod` library 4.x):
//! cooperate in the first round; then
//!
//! 1. if contrite and its last actual move was `C`, stop being contrite
//!    and cooperate;
//! 2. if its last actual move differs from the move it chose (noise
//!    flipped it), was `D`, and the partner cooperated in that round,
//!    become contrite;
//! 3. play the partner's last move.
//!
//! So when its own accidental defection provokes the partner's
//! retaliation, it does not retaliate back but cooperates until it has
//! cooperated successfully, which ends the echo of defections that noise
//! causes between two Tit For Tat players. The view only shows actual
//! moves, so the strategy remembers the move it chose last.
//!
//! Source: Wu and Axelrod (1995), "How to cope with noise in the iterated
//! prisoner's dilemma"; name and rule as in `axelrod`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Tit For Tat that does not retaliate against retaliation it provoked by
/// accident.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContriteTitForTat {
    contrite: bool,
    intended: Option<Action>,
}

impl ContriteTitForTat {
    fn choose(&mut self, view: &View<'_>) -> Action {
        let (Some(own_last), Some(partner_last)) = (view.own_last(), view.partner_last()) else {
            return Action::C;
        };
        if self.contrite && own_last.is_cooperation() {
            self.contrite = false;
            return Action::C;
        }
        let flipped = self.intended.is_some_and(|intended| intended != own_last);
        if flipped && own_last.is_defection() && partner_last.is_cooperation() {
            self.contrite = true;
        }
        partner_last
    }
}

impl Strategy for ContriteTitForTat {
    fn name(&self) -> &str {
        "Contrite Tit For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(3))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.turn() == 0 {
            self.reset();
        }
        let action = self.choose(view);
        self.intended = Some(action);
        action
    }

    fn reset(&mut self) {
        self.contrite = false;
        self.intended = None;
    }
}

/// The registry entry of [`ContriteTitForTat`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Contrite Tit For Tat",
    "Tit for tat that does not retaliate against a defection its own accidental defection provoked.",
    default_build::<ContriteTitForTat, _>,
).with_aliases(&["CTFT"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::play;
    use crate::{Cooperator, Defector, TitForTat};
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::{PayoffMatrix, Situation};

    #[test]
    fn is_tit_for_tat_without_noise() {
        let (own, _) = play(&mut ContriteTitForTat::default(), &mut Defector, 5);
        assert_eq!(own, "CDDDD");
        let (own, _) = play(&mut ContriteTitForTat::default(), &mut Cooperator, 3);
        assert_eq!(own, "CCC");
    }

    /// Plays against Tit For Tat with the contrite player's moves in the
    /// listed rounds flipped after it chose them.
    fn play_with_flips(turns: usize, flips: &[usize]) -> (String, String) {
        let payoffs = PayoffMatrix::AXELROD;
        let mut rng = Pcg64Mcg::seed_from_u64(0);
        let (mut contrite, mut tft) = (ContriteTitForTat::default(), TitForTat);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for turn in 0..turns {
            let chosen =
                contrite.decide(&View::new(&a, &b, &Situation::classic(payoffs)), &mut rng);
            let other = tft.decide(&View::new(&b, &a, &Situation::classic(payoffs)), &mut rng);
            a.push(if flips.contains(&turn) {
                chosen.flip()
            } else {
                chosen
            });
            b.push(other);
        }
        (
            crate::testing::moves_to_string(&a),
            crate::testing::moves_to_string(&b),
        )
    }

    #[test]
    fn an_accidental_defection_does_not_echo() {
        // Its move in round 2 is flipped to D; Tit For Tat retaliates in
        // round 3; the contrite player accepts it and cooperates, so the
        // echo stops after one round.
        let (own, other) = play_with_flips(8, &[2]);
        assert_eq!(own, "CCDCCCCC");
        assert_eq!(other, "CCCDCCCC");
    }

    #[test]
    fn plain_tit_for_tat_echoes_the_same_accident() {
        let payoffs = PayoffMatrix::AXELROD;
        let mut rng = Pcg64Mcg::seed_from_u64(0);
        let (mut first, mut second) = (TitForTat, TitForTat);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for turn in 0..8 {
            let chosen = first.decide(&View::new(&a, &b, &Situation::classic(payoffs)), &mut rng);
            let other = second.decide(&View::new(&b, &a, &Situation::classic(payoffs)), &mut rng);
            a.push(if turn == 2 { chosen.flip() } else { chosen });
            b.push(other);
        }
        assert_eq!(crate::testing::moves_to_string(&a), "CCDCDCDC");
    }
}
