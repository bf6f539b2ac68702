//! First by Downing: plays the best reply to an estimated reactive partner.
//!
//! Rule, as `axelrod` implements Axelrod's (1980) description and Downing
//! (1975): defect in the first two rounds. Keep counts of the partner's
//! cooperations that followed its own cooperations and its own defections
//! one round earlier (the partner's first move counts as a reply to a
//! cooperation). Each round estimate `alpha = P(partner C | own C)` as that
//! count over (own cooperations + 1), and `beta = P(partner C | own D)` as
//! that count over max(own defections, 2); cooperate if
//! `alpha R + (1 - alpha) S > beta T + (1 - beta) P`, defect if it is
//! smaller, and flip its own last move on a tie. The tenth entry of
//! Axelrod's first tournament; `FirstByDowning` in the Python `axelrod`
//! library. The payoffs are the player's own current payoffs
//! ([`Situation::payoffs`](twolevel_game::Situation::payoffs)), where `axelrod` uses the game's.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::support::MoveCounts;
use crate::registry::{StrategyEntry, default_build};

/// Estimates how the partner reacts and plays the better reply.
#[derive(Clone, Debug, Default)]
pub struct FirstByDowning {
    /// Partner cooperations that answered an own cooperation.
    cooperations_after_cooperation: usize,
    /// Partner cooperations that answered an own defection.
    cooperations_after_defection: usize,
    own: MoveCounts,
}

impl Strategy for FirstByDowning {
    fn name(&self) -> &str {
        "First by Downing"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let turn = view.turn();
        let Some(partner_last) = view.partner_last() else {
            return Action::D;
        };
        if turn == 1 {
            if partner_last.is_cooperation() {
                self.cooperations_after_cooperation += 1;
            }
            return Action::D;
        }
        if partner_last.is_cooperation() {
            match view.own[turn - 2] {
                Action::C => self.cooperations_after_cooperation += 1,
                Action::D => self.cooperations_after_defection += 1,
            }
        }
        let own = self.own.update(view.own);
        let alpha = self.cooperations_after_cooperation as f64 / (own.cooperations() + 1) as f64;
        let beta = self.cooperations_after_defection as f64 / own.defections().max(2) as f64;
        let payoffs = view.payoffs;
        let cooperate = alpha * payoffs.r() + (1.0 - alpha) * payoffs.s();
        let defect = beta * payoffs.t() + (1.0 - beta) * payoffs.p();
        if cooperate > defect {
            Action::C
        } else if cooperate < defect {
            Action::D
        } else {
            view.own[turn - 1].flip()
        }
    }

    fn reset(&mut self) {
        *self = FirstByDowning::default();
    }
}

/// The registry entry of [`FirstByDowning`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Downing",
    "Estimates how the partner reacts and plays the better reply.",
    default_build::<FirstByDowning>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TitForTat;
    use crate::classic::{Cooperator, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        let mut player = FirstByDowning::default();
        assert_eq!(play(&mut player, &mut Cooperator, 6).0, "DDCDDD");
        assert_eq!(play(&mut player, &mut Defector, 6).0, "DDDDDD");
        assert_eq!(play(&mut player, &mut TitForTat, 8).0, "DDCCCCCC");
    }
}
