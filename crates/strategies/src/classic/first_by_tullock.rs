//! First by Tullock: cooperates a little less than the partner did.
//!
//! Rule: cooperate in the first eleven rounds; afterwards cooperate with
//! probability `max(0, c / 10 - 0.1)`, where `c` is the number of the
//! partner's cooperations in the last ten rounds. Gordon Tullock's entry,
//! thirteenth in Axelrod's first tournament (Axelrod 1980);
//! `FirstByTullock` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::draw::random_choice;
use crate::registry::{StrategyEntry, default_build};

/// The opening cooperations.
const OPENING_COOPERATIONS: usize = 11;
/// The window of partner moves that sets the cooperation rate.
const WINDOW: usize = 10;
/// How much less than the partner this player cooperates.
const SHORTFALL: f64 = 0.1;

/// Cooperates ten percentage points less often than the partner recently
/// did.
#[derive(Clone, Debug, Default)]
pub struct FirstByTullock;

impl FirstByTullock {
    /// The probability of cooperating after the given partner moves.
    fn cooperation_probability(partner: &[Action]) -> f64 {
        let recent = &partner[partner.len().saturating_sub(WINDOW)..];
        let cooperations = recent.iter().filter(|a| a.is_cooperation()).count();
        (cooperations as f64 / WINDOW as f64 - SHORTFALL).max(0.0)
    }
}

impl Strategy for FirstByTullock {
    fn name(&self) -> &str {
        "First by Tullock"
    }

    fn classifier(&self) -> Classifier {
        // `axelrod` classifies it with unbounded memory although the rule
        // reads only the last ten rounds after round eleven.
        Classifier::stochastic(None)
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        if view.turn() < OPENING_COOPERATIONS {
            return Action::C;
        }
        random_choice(Self::cooperation_probability(view.partner), rng)
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`FirstByTullock`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Tullock",
    "Cooperates ten percentage points less often than the partner recently did.",
    default_build::<FirstByTullock, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::{Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    #[test]
    fn opens_cooperatively_then_undercuts_the_partner() {
        assert_eq!(
            play(&mut FirstByTullock, &mut Defector, 15).0,
            format!("{}DDDD", "C".repeat(11))
        );
        let (moves, _) = play_seeded(&mut FirstByTullock, &mut Cooperator, 20_011, 13);
        assert_eq!(&moves[..11], "C".repeat(11));
        assert_binomial(&moves[11..], 0.9);
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut FirstByTullock, &mut Cooperator, 1);
    }
}
