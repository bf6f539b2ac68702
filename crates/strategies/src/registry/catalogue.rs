//! The catalogues: every registered player of each kind, in the order they
//! are listed, and the one lookup by name that serves them all.
//!
//! A [`Catalogue`] is a list of [`Entry`]s of one kind with how it suggests
//! close matches; [`STRATEGIES`], [`REGIME_STRATEGIES`] and
//! [`SOCIETY_RULES`] are the three kinds of today. To register a player,
//! declare its `ENTRY` in its own file and add one line to its kind's list
//! here; the order of a list is the order `twolevel strategies`, the
//! catalogue test and the error messages list names in, so new entries go
//! at the end. A new kind of player gets one more list.

use twolevel_game::{RegimeStrategy, SocietyRule, Strategy};

use super::entry::Entry;
use super::names::{Suggest, normalize, suggestions};
use super::{StrategyError, StrategySpec};
use crate::{actors, classic, learning, memory_one, reciprocity, regime, society};

/// Every registered player of one kind (trait object `T`), in order.
#[derive(Debug)]
pub struct Catalogue<T: ?Sized + 'static> {
    entries: &'static [&'static Entry<T>],
    suggest: Suggest,
}

impl<T: ?Sized> Catalogue<T> {
    /// A catalogue of `entries`, listing close matches of an unknown name
    /// as `suggest` says.
    #[must_use]
    pub const fn new(entries: &'static [&'static Entry<T>], suggest: Suggest) -> Self {
        Catalogue { entries, suggest }
    }

    /// Every entry, in catalogue order.
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry<T>> + use<T> {
        self.entries.iter().copied()
    }

    /// The display names of every entry (aliases excluded), in catalogue
    /// order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<T> {
        self.entries().map(|entry| entry.name)
    }

    /// The entry registered under `name` or an alias, ignoring case, spaces
    /// and punctuation.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<&'static Entry<T>> {
        let wanted = normalize(name);
        self.entries().find(|entry| {
            entry
                .spellings()
                .any(|spelling| normalize(spelling) == wanted)
        })
    }

    /// The entry registered under `name` or an alias (as
    /// [`find`](Self::find)), or a [`StrategyError::UnknownStrategy`] with
    /// close matches.
    pub fn lookup(&self, name: &str) -> Result<&'static Entry<T>, StrategyError> {
        self.find(name)
            .ok_or_else(|| StrategyError::UnknownStrategy {
                name: name.to_owned(),
                suggestions: suggestions(name, self.entries, self.suggest),
            })
    }

    /// Builds the player a spec describes: [`lookup`](Self::lookup), then
    /// [`Entry::build_with`].
    pub fn build(&self, spec: &StrategySpec) -> Result<Box<T>, StrategyError> {
        self.lookup(&spec.name)?.build_with(&spec.params)
    }
}

/// Every registered pairwise strategy, in the order
/// [`names`](super::names) lists them.
pub static STRATEGIES: Catalogue<dyn Strategy> = Catalogue::new(
    &[
        &reciprocity::tit_for_tat::ENTRY,
        &reciprocity::diffuse_reciprocity::ENTRY,
        &reciprocity::gear_shifting::ENTRY,
        &actors::free_rider::ENTRY,
        &actors::nationalist_defector::ENTRY,
        &reciprocity::contrite_tit_for_tat::ENTRY,
        &actors::delegation::ENTRY,
        &actors::hegemon::ENTRY,
        &actors::coercer::ENTRY,
        &classic::alternator::ENTRY,
        &classic::bully::ENTRY,
        &classic::cooperator::ENTRY,
        &classic::cycler::ENTRY,
        &classic::cycler_ccd::ENTRY,
        &classic::defector::ENTRY,
        &classic::first_by_anonymous::ENTRY,
        &classic::first_by_davis::ENTRY,
        &classic::first_by_downing::ENTRY,
        &classic::first_by_downing_1980::ENTRY,
        &classic::first_by_feld::ENTRY,
        &classic::first_by_graaskamp::ENTRY,
        &classic::first_by_grofman::ENTRY,
        &classic::first_by_joss::ENTRY,
        &classic::first_by_nydegger::ENTRY,
        &classic::first_by_shubik::ENTRY,
        &classic::first_by_stein_and_rapoport::ENTRY,
        &classic::first_by_tideman_and_chieruzzi::ENTRY,
        &classic::first_by_tullock::ENTRY,
        &classic::forgetful_grudger::ENTRY,
        &classic::go_by_majority::ENTRY,
        &classic::gradual::ENTRY,
        &classic::grudger::ENTRY,
        &classic::gtft::ENTRY,
        &classic::hard_tit_for_tat::ENTRY,
        &classic::prober::ENTRY,
        &classic::random::ENTRY,
        &classic::suspicious_tit_for_tat::ENTRY,
        &classic::tit_for_2_tats::ENTRY,
        &classic::two_tits_for_tat::ENTRY,
        &classic::win_stay_lose_shift::ENTRY,
        &reciprocity::prudent_reciprocator::ENTRY,
        &learning::bush_mosteller::ENTRY,
        &learning::roth_erev::ENTRY,
        &learning::fictitious_play::ENTRY,
        &learning::q_learner::ENTRY,
        &memory_one::generic::ENTRY,
        &memory_one::zero_determinant::EXTORTIONATE_ENTRY,
        &memory_one::zero_determinant::GENEROUS_ENTRY,
        &memory_one::zero_determinant::EQUALIZER_ENTRY,
        &memory_one::zd_extort_2::ENTRY,
        &memory_one::zd_extort_2_v2::ENTRY,
        &memory_one::zd_extort_3::ENTRY,
        &memory_one::zd_extort_4::ENTRY,
        &memory_one::zd_extortion::ENTRY,
        &memory_one::zd_gtft_2::ENTRY,
        &memory_one::zd_gen_2::ENTRY,
        &memory_one::zd_set_2::ENTRY,
        &memory_one::zd_mischief::ENTRY,
    ],
    Suggest::Names,
);

/// Every registered regime strategy, in the order
/// [`regime_names`](crate::regime::registry::regime_names) lists them.
pub static REGIME_STRATEGIES: Catalogue<dyn RegimeStrategy> = Catalogue::new(
    &[
        &regime::cooperator::ENTRY,
        &regime::defector::ENTRY,
        &regime::conditional_cooperator::ENTRY,
        &regime::diffuse_reciprocity::ENTRY,
        &regime::gear_shifting::ENTRY,
        &regime::mfn_free_rider::ENTRY,
        &regime::nationalist::ENTRY,
    ],
    Suggest::Names,
);

/// Every registered society rule, in the order
/// [`rule_names`](crate::society::rule_names) lists them: the fixed rules,
/// then the leading eight's action rules, L1 first.
pub static SOCIETY_RULES: Catalogue<dyn SocietyRule> = Catalogue::new(
    &[
        &society::unconditional::COOPERATE_ENTRY,
        &society::unconditional::DEFECT_ENTRY,
        &society::discriminator::ENTRY,
        &society::generalized_reciprocity::ENTRY,
        &society::society_ledger::ENTRY,
        &society::specific_reciprocity::ENTRY,
        &society::norm_action::LEADING_EIGHT_ENTRIES[0],
        &society::norm_action::LEADING_EIGHT_ENTRIES[1],
        &society::norm_action::LEADING_EIGHT_ENTRIES[2],
        &society::norm_action::LEADING_EIGHT_ENTRIES[3],
        &society::norm_action::LEADING_EIGHT_ENTRIES[4],
        &society::norm_action::LEADING_EIGHT_ENTRIES[5],
        &society::norm_action::LEADING_EIGHT_ENTRIES[6],
        &society::norm_action::LEADING_EIGHT_ENTRIES[7],
    ],
    Suggest::Spellings,
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails if two spellings of a catalogue normalise alike.
    fn assert_no_collisions<T: ?Sized>(catalogue: &Catalogue<T>) {
        let mut seen = std::collections::BTreeSet::new();
        for entry in catalogue.entries() {
            for name in entry.spellings() {
                assert!(seen.insert(normalize(name)), "{name} is registered twice");
            }
        }
    }

    #[test]
    fn no_two_registered_names_or_aliases_collide() {
        assert_no_collisions(&STRATEGIES);
        assert_no_collisions(&REGIME_STRATEGIES);
        assert_no_collisions(&SOCIETY_RULES);
    }

    #[test]
    fn every_entry_has_a_summary_and_documented_parameters() {
        fn check<T: ?Sized>(catalogue: &Catalogue<T>) {
            for entry in catalogue.entries() {
                assert!(!entry.summary.is_empty(), "{}", entry.name);
                assert!(
                    entry.params.iter().all(|spec| !spec.doc.is_empty()),
                    "{}",
                    entry.name
                );
            }
        }
        check(&STRATEGIES);
        check(&REGIME_STRATEGIES);
        check(&SOCIETY_RULES);
    }
}
