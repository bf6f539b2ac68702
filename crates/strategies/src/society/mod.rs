//! Action rules of a society of states (`docs/society.md`): how a donor
//! met at random decides whether to help a recipient it may never meet
//! again.
//!
//! The rules implement [`SocietyRule`], which lives in `twolevel-game`
//! beside the other player traits (`twolevel_game::players::society`) and
//! is re-exported here with its [`DonorView`], [`StandingTable`] and
//! [`standing_table`], so these paths keep working: the society engine of
//! `twolevel-tournament` only builds a [`DonorView`] and applies the
//! action.
//!
//! One population of rule objects serves a whole society: the engine holds
//! one rule object per *kind* of state (all discriminators share one), so a
//! rule that remembers something per state keys it by the state's index
//! ([`SpecificReciprocity`] does).
//!
//! The rules, one a file:
//!
//! - [`Unconditional`]: always C (`ALLC`) or always D (`ALLD`).
//! - [`Discriminator`]: C to a recipient in good standing, D otherwise.
//! - [`NormAction`]: the action rule of an assessment norm, as the leading
//!   eight of Ohtsuki and Iwasa (2004) prescribe it.
//! - [`GeneralizedReciprocity`]: C if the last thing received was C
//!   (Nowak and Roch 2007).
//! - [`SocietyLedger`]: diffuse reciprocity towards the whole society, on
//!   the balance of what the society gave against what it was given.
//! - [`SpecificReciprocity`]: tit for tat with per-partner memory.
//!
//! Each file declares its rule's registry entry (the leading eight's file
//! one per norm), listed in
//! [`SOCIETY_RULES`](crate::registry::SOCIETY_RULES); [`build_rule`] builds
//! any of them by name, with close-match errors; [`build_rule_with`] also
//! takes the rule's parameters (the ledger's tolerance, declared as a
//! [`ParamSpec`](crate::registry::ParamSpec) in its file).

pub(crate) mod discriminator;
pub(crate) mod generalized_reciprocity;
pub(crate) mod norm_action;
pub(crate) mod registry;
pub(crate) mod society_ledger;
pub(crate) mod specific_reciprocity;
pub(crate) mod unconditional;

use twolevel_game::Action;
pub use twolevel_game::{DonorView, SocietyRule, StandingTable, standing_table};

pub use discriminator::Discriminator;
pub use generalized_reciprocity::GeneralizedReciprocity;
pub use norm_action::NormAction;
pub use registry::{RuleEntry, build_rule, build_rule_with, rule_names};
pub use society_ledger::SocietyLedger;
pub use specific_reciprocity::SpecificReciprocity;
pub use unconditional::Unconditional;

/// C when `condition` holds, D otherwise: the decision of every rule that
/// helps on one test (the recipient's standing, the donor's ledger).
#[inline]
#[must_use]
pub(crate) const fn cooperate_if(condition: bool) -> Action {
    if condition { Action::C } else { Action::D }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use twolevel_game::Standing;

    /// A view of state 0 meeting state 1, with the given standings, nothing
    /// received and an empty ledger.
    pub(crate) fn view(own: Standing, recipient: Standing) -> DonorView {
        DonorView {
            donor: 0,
            recipient: 1,
            recipient_standing: recipient,
            own_standing: own,
            last_received: None,
            cooperations_given: 0,
            cooperations_received: 0,
        }
    }

    /// A fixed RNG for rules that draw nothing.
    pub(crate) fn rng() -> rand_pcg::Pcg64Mcg {
        rand_pcg::Pcg64Mcg::new(7)
    }
}
