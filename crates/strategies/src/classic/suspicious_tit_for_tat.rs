//! Suspicious Tit For Tat: Tit For Tat that opens with a defection.
//!
//! Rule: defect in the first round, then copy the partner's last move.
//! Beaufils et al. (1997, "Mistrust"), Hilbe et al. (2013);
//! `SuspiciousTitForTat` in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// Defects first, then copies the partner's last move.
#[derive(Clone, Debug, Default)]
pub struct SuspiciousTitForTat;

impl Strategy for SuspiciousTitForTat {
    fn name(&self) -> &str {
        "Suspicious Tit For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        view.partner_last().unwrap_or(Action::D)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        // Tit For Tat's four-vector, defecting first.
        MemoryOnePlayer::new([1.0, 0.0, 1.0, 0.0], 0.0).ok()
    }
}

/// The registry entry of [`SuspiciousTitForTat`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Suspicious Tit For Tat",
    "Defects first, then copies the partner's last move.",
    default_build::<SuspiciousTitForTat, _>,
)
.with_aliases(&["STFT"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TitForTat;
    use crate::classic::{Alternator, Cooperator};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        assert_eq!(play(&mut SuspiciousTitForTat, &mut Cooperator, 3).0, "DCC");
        assert_eq!(
            play(&mut SuspiciousTitForTat, &mut Alternator, 5).0,
            "DCDCD"
        );
        // Against Tit For Tat the opening defection echoes for ever.
        let (own, partner) = play(&mut SuspiciousTitForTat, &mut TitForTat, 5);
        assert_eq!((own.as_str(), partner.as_str()), ("DCDCD", "CDCDC"));
    }
}
