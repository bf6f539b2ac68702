//! The discriminator: cooperate with recipients in good standing.
//!
//! Rule: C if the recipient is in good standing in the donor's eyes (the
//! institution's standing under public assessment, the donor's own image
//! under private assessment), D otherwise. The conditional strategy of
//! indirect reciprocity (Nowak and Sigmund 1998, Nature 393:573-577;
//! Ohtsuki and Iwasa 2004, J. Theor. Biol. 231:107-120).

use rand_core::Rng;
use twolevel_game::Action;

use super::{DonorView, RuleEntry, SocietyRule, StandingTable, cooperate_if, standing_table};
use crate::registry::default_build;

/// Cooperates with a recipient in good standing, defects against one in bad
/// standing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Discriminator;

impl SocietyRule for Discriminator {
    fn name(&self) -> &str {
        "Discriminator"
    }

    #[inline]
    fn decide(&mut self, view: &DonorView, _rng: &mut dyn Rng) -> Action {
        cooperate_if(view.recipient_standing.is_good())
    }

    fn standing_table(&self) -> Option<StandingTable> {
        Some(standing_table(|_, recipient| {
            cooperate_if(recipient.is_good())
        }))
    }

    fn discriminator_anchor(&self) -> bool {
        true
    }
}

/// The registry entry.
pub(crate) const ENTRY: RuleEntry = RuleEntry::new(
    "Discriminator",
    "Cooperates with a recipient in good standing, defects against one in bad standing.",
    default_build::<Discriminator, _>,
)
.with_aliases(&["DISC"]);

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::{Bad, Good};

    #[test]
    fn follows_the_recipient_standing_only() {
        for own in [Good, Bad] {
            assert_eq!(
                Discriminator.decide(&view(own, Good), &mut rng()),
                Action::C
            );
            assert_eq!(Discriminator.decide(&view(own, Bad), &mut rng()), Action::D);
        }
    }
}
