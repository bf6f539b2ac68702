//! Win-Stay Lose-Shift (Pavlov): repeats a move that paid well, switches
//! after one that paid badly.
//!
//! Rule: cooperate first; then cooperate if both players made the same move
//! in the last round (`CC` or `DD`), defect otherwise. Kraines and Kraines
//! (1989), Nowak and Sigmund (1993); `WinStayLoseShift` in the Python
//! `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Cooperates after a round in which both players matched, defects after a
/// round in which they differed.
#[derive(Clone, Debug, Default)]
pub struct WinStayLoseShift;

impl Strategy for WinStayLoseShift {
    fn name(&self) -> &str {
        "Win-Stay Lose-Shift"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        match (view.own_last(), view.partner_last()) {
            (Some(own), Some(partner)) if own != partner => Action::D,
            _ => Action::C,
        }
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        Some(MemoryOnePlayer::WIN_STAY_LOSE_SHIFT)
    }
}

/// The registry entry of [`WinStayLoseShift`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Win-Stay Lose-Shift",
    "Repeats its last move after R or T and switches after S or P.",
    default_build::<WinStayLoseShift, _>,
)
.with_aliases(&["WSLS", "Pavlov"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut WinStayLoseShift, &mut Cooperator, 3).0, "CCC");
        assert_eq!(play(&mut WinStayLoseShift, &mut Defector, 5).0, "CDCDC");
        assert_eq!(play(&mut WinStayLoseShift, &mut Alternator, 6).0, "CCDDCC");
    }
}
