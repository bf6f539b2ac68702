//! Cycler CCD: repeats `C`, `C`, `D`.
//!
//! Rule: play `C C D` over and over, whatever the partner does. Original by
//! Marc Harper, "Periodic player CCD" in Mittal and Deb (2009); `CyclerCCD`
//! in the Python `axelrod` library.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::Cycler;
use crate::registry::{StrategyEntry, default_build};

/// The cycler with the pattern `CCD`, under its own `axelrod` name.
#[derive(Clone, Debug)]
pub struct CyclerCCD(Cycler);

impl Default for CyclerCCD {
    fn default() -> Self {
        CyclerCCD(Cycler::default().with_name("Cycler CCD"))
    }
}

impl Strategy for CyclerCCD {
    fn name(&self) -> &str {
        self.0.name()
    }

    fn classifier(&self) -> Classifier {
        self.0.classifier()
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        self.0.decide(view, rng)
    }

    fn reset(&mut self) {
        self.0.reset();
    }
}

/// The registry entry of [`CyclerCCD`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Cycler CCD",
    "Plays C, C, D in a loop, under its own name.",
    default_build::<CyclerCCD, _>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::Defector;
    use crate::testing::play;

    #[test]
    fn plays_ccd() {
        let mut cycler = CyclerCCD::default();
        assert_eq!(cycler.name(), "Cycler CCD");
        assert_eq!(cycler.classifier().memory_depth, Some(2));
        assert_eq!(play(&mut cycler, &mut Defector, 7).0, "CCDCCDC");
    }
}
