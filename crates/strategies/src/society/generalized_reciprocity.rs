//! Generalized reciprocity: pass on what you received.
//!
//! Rule: C if the last action the donor received (from whoever helped or
//! refused it) was C, and C before it has received anything; D if it was
//! D. "Upstream" reciprocity: help is paid forward to a third party
//! (Nowak and Roch 2007, "Upstream reciprocity and the evolution of
//! gratitude", Proc. R. Soc. B 274:605-610), the purest form of diffuse
//! reciprocity: it needs no reputation and no institution.

use rand_core::Rng;
use twolevel_game::Action;

use super::{DonorView, RuleEntry, SocietyRule};
use crate::registry::default_build;

/// Cooperates if the last action it received was cooperation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GeneralizedReciprocity;

impl SocietyRule for GeneralizedReciprocity {
    fn name(&self) -> &str {
        "Generalized Reciprocity"
    }

    #[inline]
    fn decide(&mut self, view: &DonorView, _rng: &mut dyn Rng) -> Action {
        view.last_received.unwrap_or(Action::C)
    }
}

/// The registry entry.
pub(crate) const ENTRY: RuleEntry = RuleEntry::new(
    "Generalized Reciprocity",
    "Cooperates if the last action it received was cooperation, and before it received any.",
    default_build::<GeneralizedReciprocity, _>,
)
.with_aliases(&["Upstream Reciprocity", "GR"]);

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::{Bad, Good};

    #[test]
    fn passes_on_what_it_received() {
        let mut rule = GeneralizedReciprocity;
        let mut seen = view(Good, Bad);
        assert_eq!(rule.decide(&seen, &mut rng()), Action::C);
        seen.last_received = Some(Action::D);
        assert_eq!(rule.decide(&seen, &mut rng()), Action::D);
        seen.last_received = Some(Action::C);
        seen.recipient_standing = Bad;
        assert_eq!(rule.decide(&seen, &mut rng()), Action::C);
    }
}
