//! First by Grofman: cooperates after agreement, rarely after disagreement.
//!
//! Rule: cooperate in the first round and whenever both players made the
//! same move in the last round; otherwise cooperate with probability 2/7.
//! Bernard Grofman's entry, fourth in Axelrod's first tournament (Axelrod
//! 1980); `FirstByGrofman` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::draw::random_choice;
use crate::registry::{StrategyEntry, default_build};

/// The probability of cooperating after the players' moves differed.
const COOPERATION_AFTER_DISAGREEMENT: f64 = 2.0 / 7.0;

/// Cooperates after matching moves, and with probability 2/7 otherwise.
#[derive(Clone, Debug, Default)]
pub struct FirstByGrofman;

impl Strategy for FirstByGrofman {
    fn name(&self) -> &str {
        "First by Grofman"
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        match (view.own_last(), view.partner_last()) {
            (Some(own), Some(partner)) if own != partner => {
                random_choice(COOPERATION_AFTER_DISAGREEMENT, rng)
            }
            _ => Action::C,
        }
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        let p = COOPERATION_AFTER_DISAGREEMENT;
        MemoryOnePlayer::new([1.0, p, p, 1.0], 1.0).ok()
    }
}

/// The registry entry of [`FirstByGrofman`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Grofman",
    "Cooperates after matching moves, and with probability 2/7 otherwise.",
    default_build::<FirstByGrofman, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    #[test]
    fn cooperates_after_agreement() {
        assert_eq!(
            play(&mut FirstByGrofman, &mut Cooperator, 50).0,
            "C".repeat(50)
        );
    }

    #[test]
    fn cooperates_at_two_sevenths_after_disagreement() {
        // Against Defector every C is followed by a disagreement (draw) and
        // every D by agreement (C), so the draws are the rounds after a C.
        let (moves, _) = play_seeded(&mut FirstByGrofman, &mut Defector, 30_000, 3);
        let draws: String = moves
            .as_bytes()
            .windows(2)
            .filter(|pair| pair[0] == b'C')
            .map(|pair| pair[1] as char)
            .collect();
        assert!(draws.len() > 10_000);
        assert_binomial(&draws, 2.0 / 7.0);
        assert!(
            moves
                .as_bytes()
                .windows(2)
                .all(|p| p[0] == b'C' || p[1] == b'C')
        );
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut FirstByGrofman, &mut Alternator, 9);
    }
}
