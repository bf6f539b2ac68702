//! Specific reciprocity in a society: tit for tat with per-partner memory.
//!
//! Rule: towards a partner never met as a donor before, cooperate; towards
//! one that has been a donor to this state, play what it did last. This is
//! tit for tat (Axelrod 1984) with a memory per partner. In a society of Z
//! states that meet at random the same donor comes back to a given state
//! rarely (about once every Z - 1 encounters as a recipient), so most
//! encounters are first encounters and the rule behaves like
//! unconditional cooperation: the reason specific reciprocity fails in
//! large societies (Nowak and Sigmund 2005, "Evolution of indirect
//! reciprocity", Nature 437:1291-1298).
//!
//! Memory is one entry per (state, partner) pair actually met, in a hash
//! map keyed by both indices; it grows with the number of distinct pairs,
//! never per interaction once a pair is known.

use std::collections::HashMap;

use rand_core::Rng;
use twolevel_game::Action;

use super::{DonorView, RuleEntry, SocietyRule};
use crate::registry::default_build;

/// Tit for tat with one memory per partner.
#[derive(Clone, Debug, Default)]
pub struct SpecificReciprocity {
    /// What `partner` last did to `state`, keyed by `(state << 32) | partner`.
    last_from: HashMap<u64, Action>,
}

/// The memory key of what `partner` did to `state`.
#[inline]
fn key(state: u32, partner: u32) -> u64 {
    (u64::from(state) << 32) | u64::from(partner)
}

impl SpecificReciprocity {
    /// How many (state, partner) pairs it remembers.
    #[must_use]
    pub fn remembered_pairs(&self) -> usize {
        self.last_from.len()
    }
}

impl SocietyRule for SpecificReciprocity {
    fn name(&self) -> &str {
        "Specific Reciprocity"
    }

    #[inline]
    fn decide(&mut self, view: &DonorView, _rng: &mut dyn Rng) -> Action {
        self.last_from
            .get(&key(view.donor, view.recipient))
            .copied()
            .unwrap_or(Action::C)
    }

    fn received(&mut self, recipient: u32, donor: u32, action: Action) {
        self.last_from.insert(key(recipient, donor), action);
    }

    /// A map entry (a key and an action, 16 bytes with alignment, and a
    /// control byte) in a table at most 7/8 full that doubles as it grows:
    /// at most about 40 bytes a pair.
    fn bytes_per_pair(&self) -> usize {
        40
    }

    fn reset(&mut self) {
        self.last_from.clear();
    }
}

/// The registry entry.
pub(crate) const ENTRY: RuleEntry = RuleEntry::new(
    "Specific Reciprocity",
    "Tit for tat with one memory per partner: cooperates with a partner never met, else plays what it did last.",
    default_build::<SpecificReciprocity, _>,
)
.with_aliases(&["Society TFT"]);

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::Good;

    #[test]
    fn remembers_each_partner_separately() {
        let mut rule = SpecificReciprocity::default();
        let seen = view(Good, Good); // state 0 meets state 1
        assert_eq!(rule.decide(&seen, &mut rng()), Action::C);
        rule.received(0, 1, Action::D);
        rule.received(0, 2, Action::C);
        rule.received(1, 0, Action::C);
        assert_eq!(rule.decide(&seen, &mut rng()), Action::D);
        let other = DonorView {
            recipient: 2,
            ..seen
        };
        assert_eq!(rule.decide(&other, &mut rng()), Action::C);
        assert_eq!(rule.remembered_pairs(), 3);
        rule.reset();
        assert_eq!(rule.decide(&seen, &mut rng()), Action::C);
    }
}
