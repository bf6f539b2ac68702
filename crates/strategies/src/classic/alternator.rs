//! Alternator: alternates between cooperation and defection.
//!
//! Rule: cooperate first, then play the opposite of its own last move
//! (Axelrod 1984); `Alternator` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Plays `C`, `D`, `C`, `D`, ... by flipping its own last move.
#[derive(Clone, Debug, Default)]
pub struct Alternator;

impl Strategy for Alternator {
    fn name(&self) -> &str {
        "Alternator"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        view.own_last().map_or(Action::C, Action::flip)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        // The opposite of its own last move, whatever the partner did.
        MemoryOnePlayer::new([0.0, 0.0, 1.0, 1.0], 1.0).ok()
    }
}

/// The registry entry of [`Alternator`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Alternator",
    "Alternates C and D.",
    default_build::<Alternator, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::Defector;
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut Alternator, &mut Defector, 5).0, "CDCDC");
    }
}
