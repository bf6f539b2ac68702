//! Bully (Reverse Tit For Tat): the opposite of Tit For Tat.
//!
//! Rule: defect first; then cooperate if the partner defected in the last
//! round and defect if it cooperated. Nachbar (1992, "Reverse Tit For Tat");
//! `Bully` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Defects first, then plays the opposite of the partner's last move.
#[derive(Clone, Debug, Default)]
pub struct Bully;

impl Strategy for Bully {
    fn name(&self) -> &str {
        "Bully"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        view.partner_last().map_or(Action::D, Action::flip)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        // The opposite of the partner's last move, defecting first.
        MemoryOnePlayer::new([0.0, 1.0, 0.0, 1.0], 0.0).ok()
    }
}

/// The registry entry of [`Bully`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Bully",
    "Defects first, then plays the opposite of the partner's last move.",
    default_build::<Bully, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut Bully, &mut Cooperator, 3).0, "DDD");
        assert_eq!(play(&mut Bully, &mut Defector, 3).0, "DCC");
        assert_eq!(play(&mut Bully, &mut Alternator, 5).0, "DDCDC");
    }
}
