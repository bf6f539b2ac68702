//! Unconditional rules: always cooperate (`ALLC`) or always defect
//! (`ALLD`).
//!
//! Rule: play the same action whatever the recipient's standing or the
//! donor's history. The baselines of every indirect-reciprocity model
//! (Nowak and Sigmund 1998, "Evolution of indirect reciprocity by image
//! scoring", Nature 393:573-577): ALLC is exploited, ALLD free-rides.

use rand_core::Rng;
use twolevel_game::Action;

use super::{DonorView, RuleEntry, SocietyRule, StandingTable};

/// Always plays its action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unconditional {
    action: Action,
}

impl Unconditional {
    /// Always cooperate.
    pub const COOPERATE: Unconditional = Unconditional { action: Action::C };
    /// Always defect.
    pub const DEFECT: Unconditional = Unconditional { action: Action::D };

    /// The action it always plays.
    #[must_use]
    pub const fn action(self) -> Action {
        self.action
    }
}

impl SocietyRule for Unconditional {
    fn name(&self) -> &str {
        match self.action {
            Action::C => "ALLC",
            Action::D => "ALLD",
        }
    }

    fn decide(&mut self, _view: &DonorView, _rng: &mut dyn Rng) -> Action {
        self.action
    }

    fn standing_table(&self) -> Option<StandingTable> {
        Some([[self.action; 2]; 2])
    }
}

/// The registry entry of always cooperating.
pub(crate) const COOPERATE_ENTRY: RuleEntry = RuleEntry::new("ALLC", "Always cooperates.", |_| {
    Ok(Box::new(Unconditional::COOPERATE))
})
.with_aliases(&["Cooperator", "Always Cooperate"]);

/// The registry entry of always defecting.
pub(crate) const DEFECT_ENTRY: RuleEntry = RuleEntry::new("ALLD", "Always defects.", |_| {
    Ok(Box::new(Unconditional::DEFECT))
})
.with_aliases(&["Defector", "Always Defect"]);

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::{Bad, Good};

    #[test]
    fn plays_its_action_whatever_it_sees() {
        for (mut rule, action) in [
            (Unconditional::COOPERATE, Action::C),
            (Unconditional::DEFECT, Action::D),
        ] {
            for (own, other) in [(Good, Good), (Bad, Bad), (Good, Bad)] {
                assert_eq!(rule.decide(&view(own, other), &mut rng()), action);
            }
        }
    }
}
