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
use crate::{actors, classic, learning, memory_one, reciprocity, regime, second, society};

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
        // Axelrod's second tournament, in the published rank order.
        // BEGIN second
        &second::k92r_rapoport::ENTRY,
        &second::k61r_champion::ENTRY,
        &second::k42r_borufsen::ENTRY,
        &second::k49r_cave::ENTRY,
        &second::k44r_wm_adams::ENTRY,
        &second::k60r_graaskamp_katzen::ENTRY,
        &second::k41r_weiner::ENTRY,
        &second::k75r_harrington::ENTRY,
        &second::k84r_tideman_and_chieruzzi::ENTRY,
        &second::k32r_kluepfel::ENTRY,
        &second::k35r_getzler::ENTRY,
        &second::k68r_leyvraz::ENTRY,
        &second::k72r_white::ENTRY,
        &second::k46r_eatherley::ENTRY,
        &second::k83r_black::ENTRY,
        &second::k47r_richard_hufford::ENTRY,
        &second::k64r_yamachi::ENTRY,
        &second::k51r_colbert::ENTRY,
        &second::k78r_mauk::ENTRY,
        &second::k66r_mikkelson::ENTRY,
        &second::k58r_rowsam::ENTRY,
        &second::k88r_appold::ENTRY,
        &second::k31r_grisell::ENTRY,
        &second::k90r_maynard_smith::ENTRY,
        &second::k39r_almy::ENTRY,
        &second::k79r_ambuehl_and_hickey::ENTRY,
        &second::k67r_feathers::ENTRY,
        &second::k86r_grofman::ENTRY,
        &second::k69r_joss::ENTRY,
        &second::k91r_pinkley::ENTRY,
        &second::k57r_nydegger::ENTRY,
        &second::k70r_pebly::ENTRY,
        &second::k85r_falk_and_langsted::ENTRY,
        &second::k38r_weiderman::ENTRY,
        &second::k40r_robert_adams::ENTRY,
        &second::k80r_dawes_and_batell::ENTRY,
        &second::k37r_lefevre::ENTRY,
        &second::k56r_quayle::ENTRY,
        &second::k43r_anderson::ENTRY,
        &second::k59r_downing::ENTRY,
        &second::k73r_zimmerman::ENTRY,
        &second::k55r_newman::ENTRY,
        &second::k81r_jones::ENTRY,
        &second::k87r_schurmann::ENTRY,
        &second::k53r_nussbacher::ENTRY,
        &second::k76r_gladstein::ENTRY,
        &second::k65r_batell::ENTRY,
        &second::k52r_smith::ENTRY,
        &second::k82r_leyland::ENTRY,
        &second::k45r_mcgurrin::ENTRY,
        &second::k62r_hollander::ENTRY,
        &second::k34r_friedman::ENTRY,
        &second::k48r_george_hufford::ENTRY,
        &second::k50r_smoody::ENTRY,
        &second::k77r_feld::ENTRY,
        &second::k89r_snodgrass::ENTRY,
        &second::k63r_duisman::ENTRY,
        &second::k54r_robertson::ENTRY,
        &second::k33r_rabbie::ENTRY,
        &second::k71r_hall::ENTRY,
        &second::k74r_friedland::ENTRY,
        &second::k93r_random::ENTRY,
        &second::k36r_hotz::ENTRY,
        // END second
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
