//! Tit For Tat: specific reciprocity.
//!
//! Rule: cooperate in the first round, then play what the partner played in
//! the previous round (as perceived). Anatol Rapoport's entry, the winner of
//! both of Axelrod's tournaments (Axelrod 1980a, 1980b, 1984); in Keohane's
//! (1986) terms, the model of specific reciprocity: equivalent exchange in a
//! strict sequence.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Cooperates first, then copies the partner's last move.
#[derive(Clone, Debug, Default)]
pub struct TitForTat;

impl Strategy for TitForTat {
    fn name(&self) -> &str {
        "Tit For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        view.partner_last().unwrap_or(Action::C)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        Some(MemoryOnePlayer::TIT_FOR_TAT)
    }
}

/// The registry entry of [`TitForTat`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Tit For Tat",
    "Cooperates first, then copies the partner's last move.",
    default_build::<TitForTat, _>,
)
.with_aliases(&["TFT"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::play;
    use crate::{Cooperator, Defector};

    #[test]
    fn copies_the_partner() {
        let (own, _) = play(&mut TitForTat, &mut Defector, 4);
        assert_eq!(own, "CDDD");
        let (own, _) = play(&mut TitForTat, &mut Cooperator, 3);
        assert_eq!(own, "CCC");
    }
}
