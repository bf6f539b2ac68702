//! The society engine: random encounters, assessment and payoffs.
//!
//! Each step draws a donor uniformly among the Z states and a recipient
//! uniformly among the other Z - 1 (in
//! [`EncounterMode::SimultaneousPd`], a random pair that acts
//! simultaneously). The donor's rule decides from a
//! [`DonorView`]; an intended C becomes D with probability `e`; the
//! institution (public assessment) or each state (private assessment)
//! observes with probability `q` and assigns the donor the standing its
//! norm gives, flipped with probability `mu`. Every state accumulates its
//! payoffs in the three currencies and counts its encounters.
//!
//! A step allocates nothing (a rule with per-partner memory may grow its
//! memory the first time a pair meets); public assessment costs O(1) a
//! step, private assessment O(qZ) (each observer judges independently;
//! observers are drawn by geometric skips).
//!
//! ## Speed
//!
//! A rule that depends only on the two standings (the discriminator, ALLC,
//! ALLD, the leading eight's rules: those with a
//! [`SocietyRule::standing_table`]) is decided by a table lookup, without
//! a dynamic call; the history every other rule may read (last action
//! received, cooperations given and received) is kept only when such a
//! rule is present. The random numbers come from the caller's RNG through
//! the step's draws (module `draws`): two 32-bit numbers from each 64-bit
//! draw, exactly uniform indices, and coins compared as integers with
//! `round(p 2^32)`, so e, q and mu act to within 2^-33. The good count is
//! summed as an integer each step. Under public assessment with only
//! such table rules, the donation steps run in a loop of their own, with
//! the same draws and results, that dispatches once per run rather than
//! once per step; when such a run is long (at least Z steps per payoff
//! class) and its payoffs lie on a grid on which every partial sum is
//! exact (integer b and c with w = pi = 0, for one), it counts each
//! state's encounters by partner's class, role and action and credits
//! the counts at the end, which gives the same totals bit for bit.

use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::{Action, ByCurrency, Currency, Norm, ParameterError, Payoff, Standing};
use twolevel_strategies::society::{DonorView, SocietyRule, StandingTable, build_rule_with};

use super::counters::{SocietyCounters, ratio};
use super::draws::{Chance, StepDraws};
use super::params::{
    EncounterMode, Group, Institution, SocietyParams, check_population, norm_kinds,
};
use super::payoffs::{DonationGame, PayoffClass, PayoffTables};
use super::standings::{BitMatrix, Standings};

/// One act to assess: a donor's executed action towards a recipient.
#[derive(Clone, Copy, Debug)]
struct Act {
    donor: usize,
    action: Action,
    recipient: usize,
}

/// A trait of a state that evolution can change: its action rule or,
/// under private assessment, the norm by which it judges others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Trait {
    /// The action rule (one of the kinds, a group's rule each).
    #[default]
    Rule,
    /// The norm by which the state judges (private assessment; one of
    /// [`Society::norms`]).
    Norm,
}

/// A state's payoffs and encounters since they were last cleared, kept
/// together (32 bytes, aligned) so that crediting an encounter touches one
/// cache line per state.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
pub struct StateTotals {
    /// The total payoff in each currency.
    pub payoff: ByCurrency<f64>,
    /// The encounters, as donor or recipient.
    pub encounters: u64,
}

/// What a state last received: none yet, C or D.
const RECEIVED_NOTHING: u8 = 2;

/// How a kind of rule decides: by its standing table, as bits (bit
/// `2 own + recipient` set when the action is C), or by calling the rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Decision {
    Table(u8),
    Dynamic,
}

impl Decision {
    fn of(rule: &dyn SocietyRule) -> Decision {
        rule.standing_table()
            .map_or(Decision::Dynamic, |table: StandingTable| {
                let mut bits = 0;
                for (own, row) in table.iter().enumerate() {
                    for (recipient, action) in row.iter().enumerate() {
                        if *action == Action::C {
                            bits |= 1 << (2 * own + recipient);
                        }
                    }
                }
                Decision::Table(bits)
            })
    }
}

/// The probabilities of a society's coins, as integer thresholds.
#[derive(Clone, Copy, Debug)]
struct Chances {
    execution_error: Chance,
    observation: Chance,
    assessment_error: Chance,
    /// `ln(1 - q)`, the scale of the geometric skips between private
    /// observers.
    ln_unobserved: f64,
}

/// A society of states; see the [module documentation](self).
#[derive(Debug)]
pub struct Society {
    params: SocietyParams,
    /// One rule object per kind (a group's rule); states share them.
    rules: Vec<Box<dyn SocietyRule>>,
    /// How each kind decides.
    decisions: Vec<Decision>,
    /// Whether some kind calls its rule, which may then read the history
    /// (last action received, cooperations given and received).
    keeps_history: bool,
    chances: Chances,
    kind_names: Vec<String>,
    kind_of: Vec<u32>,
    /// The distinct norms (the society's first, then the groups').
    norms: Vec<Norm>,
    /// The index in `norms` of each state's norm (under public
    /// assessment always 0, the institution's).
    norm_of: Vec<u32>,
    class_of: Vec<u32>,
    tables: PayoffTables,
    standings: Standings,
    /// Good standings (public) or good images (private), kept current.
    good_count: u64,
    last_received: Vec<u8>,
    given: Vec<u64>,
    received: Vec<u64>,
    tallies: Vec<StateTotals>,
    /// Encounters counted per state, partner's payoff class, role and
    /// action during a run (see [`Society::run_public_tables`]), empty
    /// until a run counts, all zero between runs.
    encounter_counts: Vec<u32>,
    counters: SocietyCounters,
}

impl Society {
    /// A society of the given groups (each a kind of rule and a payoff
    /// class), everyone in good standing in everyone's eyes.
    ///
    /// Errors: fewer than 2 states or more than the institution allows
    /// (field `population`), an unknown rule (field `groups[k].rule`) or a
    /// rule parameter it does not take or accept (field
    /// `groups[k].params.NAME`).
    pub fn new(
        params: SocietyParams,
        game: &DonationGame,
        groups: &[Group],
    ) -> Result<Society, ParameterError> {
        let size: usize = groups.iter().map(|g| g.count as usize).sum();
        check_population(size, params.institution())?;
        let mut rules = Vec::with_capacity(groups.len());
        for (k, group) in groups.iter().enumerate() {
            rules.push(
                build_rule_with(&group.rule, &group.params)
                    .map_err(|e| e.within(&format!("groups[{k}]")))?,
            );
        }
        let classes: Vec<PayoffClass> = groups
            .iter()
            .map(|g| PayoffClass {
                pi: g.politicization,
                orientation: g.political_weight,
            })
            .collect();
        let (norms, norm_of_group) = norm_kinds(&params, groups)?;
        let mut kind_of = Vec::with_capacity(size);
        let mut norm_of = Vec::with_capacity(size);
        for (k, group) in groups.iter().enumerate() {
            let kind = u32::try_from(k)
                .map_err(|_| ParameterError::new("groups", "at most 2^32 groups"))?;
            kind_of.extend(std::iter::repeat_n(kind, group.count as usize));
            norm_of.extend(std::iter::repeat_n(norm_of_group[k], group.count as usize));
        }
        let standings = match params.institution() {
            Institution::Public => Standings::Public(vec![Standing::Good; size]),
            Institution::Private => Standings::Private(BitMatrix::all_good(size)),
        };
        let good_count = match params.institution() {
            Institution::Public => size as u64,
            Institution::Private => (size as u64) * (size as u64),
        };
        let decisions: Vec<Decision> = rules.iter().map(|rule| Decision::of(&**rule)).collect();
        let chances = Chances {
            execution_error: Chance::new(params.execution_error()),
            observation: Chance::new(params.observation()),
            assessment_error: Chance::new(params.assessment_error()),
            ln_unobserved: (-params.observation()).ln_1p(),
        };
        Ok(Society {
            params,
            keeps_history: decisions.contains(&Decision::Dynamic),
            decisions,
            chances,
            rules,
            kind_names: groups.iter().map(|g| g.rule.clone()).collect(),
            class_of: kind_of.clone(),
            kind_of,
            norms,
            norm_of,
            tables: PayoffTables::new(game, &classes),
            standings,
            good_count,
            last_received: vec![RECEIVED_NOTHING; size],
            given: vec![0; size],
            received: vec![0; size],
            tallies: vec![StateTotals::default(); size],
            encounter_counts: Vec::new(),
            counters: SocietyCounters {
                pairs: good_count,
                ..SocietyCounters::default()
            },
        })
    }

    /// The number of states Z.
    #[must_use]
    pub fn size(&self) -> usize {
        self.kind_of.len()
    }

    /// The parameters.
    #[must_use]
    pub const fn params(&self) -> &SocietyParams {
        &self.params
    }

    /// The share of good standings (public assessment) or of good images
    /// over all Z^2 observer-subject pairs (private assessment).
    #[must_use]
    pub fn good_share(&self) -> f64 {
        ratio(self.good_count, self.counters.pairs)
    }

    /// The bytes allocated for the standings: Z bytes under public
    /// assessment, the image matrix (`Z^2` bits, each row rounded up to
    /// whole 64-bit words) under private assessment.
    #[must_use]
    pub fn standings_bytes(&self) -> usize {
        self.standings.bytes()
    }

    /// The bytes allocated for everything kept per state (standings or
    /// images, kinds, payoff classes, history, payoff totals, encounter
    /// counts, and the per-run encounter counts by partner class, role and
    /// action once a run has used them); the rule objects' own memory
    /// (per-partner memory of specific reciprocity) is not counted.
    #[must_use]
    pub fn state_bytes(&self) -> usize {
        fn bytes<T>(v: &Vec<T>) -> usize {
            v.capacity() * std::mem::size_of::<T>()
        }
        self.standings.bytes()
            + bytes(&self.kind_of)
            + bytes(&self.norm_of)
            + bytes(&self.class_of)
            + bytes(&self.last_received)
            + bytes(&self.given)
            + bytes(&self.received)
            + bytes(&self.tallies)
            + bytes(&self.encounter_counts)
    }

    /// How `observer` sees `subject` (the public standing under public
    /// assessment, whoever the observer).
    #[must_use]
    pub fn standing(&self, observer: usize, subject: usize) -> Standing {
        self.standings.seen_by(observer, subject)
    }

    /// The counters since they were last cleared.
    #[must_use]
    pub const fn counters(&self) -> &SocietyCounters {
        &self.counters
    }

    /// The rule names of the kinds (one per group, in group order).
    #[must_use]
    pub fn kind_names(&self) -> &[String] {
        &self.kind_names
    }

    /// The kind (group index of its current rule) of each state.
    #[must_use]
    pub fn kinds(&self) -> &[u32] {
        &self.kind_of
    }

    /// How many states follow each kind's rule.
    #[must_use]
    pub fn kind_counts(&self) -> Vec<u32> {
        self.counts(Trait::Rule)
    }

    /// The distinct norms of the society: its own first, then the groups'
    /// (private assessment) in group order.
    #[must_use]
    pub fn norms(&self) -> &[Norm] {
        &self.norms
    }

    /// The index in [`Society::norms`] of the norm each state judges by.
    #[must_use]
    pub fn norm_indices(&self) -> &[u32] {
        &self.norm_of
    }

    /// How many states judge by each of [`Society::norms`].
    #[must_use]
    pub fn norm_counts(&self) -> Vec<u32> {
        self.counts(Trait::Norm)
    }

    /// How many states hold each variant of a trait.
    pub(crate) fn counts(&self, which: Trait) -> Vec<u32> {
        let mut counts = vec![0; self.variants(which)];
        for &variant in self.traits(which) {
            counts[variant as usize] += 1;
        }
        counts
    }

    /// Each state's variant of a trait.
    pub(crate) fn traits(&self, which: Trait) -> &[u32] {
        match which {
            Trait::Rule => &self.kind_of,
            Trait::Norm => &self.norm_of,
        }
    }

    /// The number of variants of a trait (kinds of rule, or norms).
    pub(crate) fn variants(&self, which: Trait) -> usize {
        match which {
            Trait::Rule => self.rules.len(),
            Trait::Norm => self.norms.len(),
        }
    }

    /// Switches `state` to a variant of a trait (its payoff class stays).
    pub(crate) fn set_trait(&mut self, which: Trait, state: usize, variant: u32) {
        match which {
            Trait::Rule => self.kind_of[state] = variant,
            Trait::Norm => self.norm_of[state] = variant,
        }
    }

    /// A state's mean payoff per encounter (as donor or recipient) in
    /// `currency` since the payoffs were last cleared; 0 before its first.
    #[must_use]
    pub fn mean_payoff(&self, state: usize, currency: Currency) -> f64 {
        let StateTotals {
            payoff, encounters, ..
        } = self.tallies[state];
        if encounters == 0 {
            0.0
        } else {
            payoff[currency] / encounters as f64
        }
    }

    /// Every state's payoffs and encounters since they were last cleared.
    #[must_use]
    pub fn tallies(&self) -> &[StateTotals] {
        &self.tallies
    }

    /// Clears the counters (not the standings, memories or payoffs).
    pub fn clear_counters(&mut self) {
        self.counters = SocietyCounters {
            pairs: self.counters.pairs,
            ..SocietyCounters::default()
        };
    }

    /// Clears the payoff totals and encounter counts.
    pub fn clear_payoffs(&mut self) {
        self.tallies.fill(StateTotals::default());
    }

    /// Runs `steps` steps with the caller's RNG and returns the counters
    /// of these steps (which are also added to [`Society::counters`]).
    pub fn run<R: Rng>(&mut self, steps: u64, rng: &mut R) -> SocietyCounters {
        let before = self.counters;
        match self.params.mode() {
            EncounterMode::Donation if self.tables_decide_publicly() => {
                self.run_public_tables(steps, rng);
            }
            EncounterMode::Donation => {
                for _ in 0..steps {
                    self.donation(rng);
                }
            }
            EncounterMode::SimultaneousPd => {
                for _ in 0..steps {
                    self.simultaneous_round(rng);
                }
            }
        }
        self.counters.since(&before)
    }

    /// Whether every kind decides by its standing table under public
    /// assessment, so that [`Society::run_public_tables`] applies.
    fn tables_decide_publicly(&self) -> bool {
        !self.keeps_history && matches!(self.standings, Standings::Public(_))
    }

    /// `steps` donation steps under public assessment when every kind
    /// decides by its standing table. When the payoffs of the run can be
    /// summed exactly in any order ([`PayoffTables::exact_donation_terms`])
    /// and the run is long enough to pay for a pass over the states, each
    /// encounter is counted by state, partner's payoff class, role and
    /// action, and the counts are turned into payoffs at the end of the
    /// run ([`Society::credit_counts`]): the same totals, bit for bit, as
    /// crediting every encounter, with one integer increment per state
    /// instead of three float additions and an encounter count.
    fn run_public_tables<R: Rng>(&mut self, steps: u64, rng: &mut R) {
        if self.counting_pays(steps) {
            let cells = self.size() * self.tables.classes() * 4;
            self.encounter_counts.resize(cells, 0);
            let mut left = steps;
            while left > 0 {
                // No count can pass u32::MAX within a chunk.
                let chunk = left.min(u64::from(u32::MAX));
                self.public_table_steps::<true, R>(chunk, rng);
                self.credit_counts();
                left -= chunk;
            }
        } else {
            self.public_table_steps::<false, R>(steps, rng);
        }
    }

    /// The most payoff classes for which encounters are counted (the
    /// counts take `16 classes` bytes per state).
    const MAX_COUNTED_CLASSES: usize = 8;

    /// Whether a run of `steps` public table steps should count encounters
    /// rather than credit each: the sums stay exact (every state's
    /// encounters, since its payoffs were cleared, within
    /// [`PayoffTables::exact_donation_terms`]), there are few payoff
    /// classes, and the run has at least as many steps as there are counts
    /// to turn into payoffs.
    fn counting_pays(&self, steps: u64) -> bool {
        let classes = self.tables.classes();
        let cells = (self.size() * classes) as u64;
        if classes > Self::MAX_COUNTED_CLASSES || steps < cells {
            return false;
        }
        let most = self.tallies.iter().map(|t| t.encounters).max().unwrap_or(0);
        most.saturating_add(steps) <= self.tables.exact_donation_terms()
    }

    /// `steps` donation steps under public assessment when every kind
    /// decides by its standing table: the steps of [`Society::donation`]
    /// with the same draws in the same order and the same results, with the
    /// dispatch on the institution and the decision hoisted out of the loop
    /// and the counters kept in locals. With `COUNT`, each encounter is
    /// counted in `encounter_counts` (for [`Society::credit_counts`])
    /// instead of credited to the tallies.
    fn public_table_steps<const COUNT: bool, R: Rng>(&mut self, steps: u64, rng: &mut R) {
        let Society {
            decisions,
            chances,
            kind_of,
            class_of,
            tables,
            standings,
            good_count,
            tallies,
            encounter_counts,
            counters,
            params,
            ..
        } = self;
        let Standings::Public(standings) = standings else {
            return;
        };
        // Each kind's table as bits (bit `2 own + recipient` set for C).
        let mut table_bits = [0_u8; 64];
        let small = decisions.len() <= table_bits.len();
        for (bits, decision) in table_bits.iter_mut().zip(&*decisions) {
            if let Decision::Table(table) = decision {
                *bits = *table;
            }
        }
        let norm = params.norm();
        let chances = *chances;
        let size = u32::try_from(kind_of.len()).unwrap_or(u32::MAX);
        let classes = tables.classes();
        let mut local = *counters;
        let mut good = *good_count;
        for _ in 0..steps {
            let mut draws = StepDraws::new(rng);
            let (donor, recipient) = draws.distinct_pair(size);
            let kind = kind_of[donor] as usize;
            let bits = if small {
                table_bits[kind]
            } else {
                match decisions[kind] {
                    Decision::Table(bits) => bits,
                    Decision::Dynamic => 0,
                }
            };
            let donor_standing = standings[donor];
            let recipient_standing = standings[recipient];
            let intends_c = bits >> (2 * donor_standing as u8 + recipient_standing as u8) & 1 == 1;
            let action = if intends_c && !draws.happens(chances.execution_error) {
                Action::C
            } else {
                Action::D
            };
            local.intended_cooperations += u64::from(intends_c);
            local.cooperations += u64::from(action == Action::C);
            if draws.happens(chances.observation) {
                let act = Act {
                    donor,
                    action,
                    recipient,
                };
                let new = Self::judge(
                    norm,
                    chances.assessment_error,
                    donor_standing,
                    act,
                    recipient_standing,
                    &mut draws,
                );
                standings[donor] = new;
                good = good + u64::from(new.is_good()) - u64::from(donor_standing.is_good());
            }
            if COUNT {
                // Cell `((state classes + partner's class) 2 + role) 2 + action`.
                let (donor_partner, recipient_partner) = if classes == 1 {
                    (0, 0)
                } else {
                    (class_of[recipient] as usize, class_of[donor] as usize)
                };
                let action = action.index();
                encounter_counts[(donor * classes + donor_partner) * 4 + action] += 1;
                encounter_counts[(recipient * classes + recipient_partner) * 4 + 2 + action] += 1;
            } else {
                let payoffs = tables.donation(
                    class_of[donor] as usize,
                    class_of[recipient] as usize,
                    action,
                );
                Self::credit(tallies, donor, recipient, payoffs);
            }
            local.good_count_sum += u128::from(good);
        }
        local.actions += steps;
        local.steps += steps;
        *counters = local;
        *good_count = good;
    }

    /// Adds the encounters counted in `encounter_counts` to the tallies,
    /// each count times its payoff, and clears the counts. Used only when
    /// the sums are exact ([`Society::counting_pays`]), so the totals are
    /// those of crediting the encounters one by one.
    #[allow(clippy::cast_precision_loss, reason = "counts below 2^32 are exact")]
    fn credit_counts(&mut self) {
        let classes = self.tables.classes();
        for (state, (counts, tally)) in self
            .encounter_counts
            .chunks_exact_mut(classes * 4)
            .zip(&mut self.tallies)
            .enumerate()
        {
            let own = self.class_of[state] as usize;
            for (partner, by_role) in counts.chunks_exact_mut(4).enumerate() {
                for (cell, count) in by_role.iter_mut().enumerate() {
                    if *count == 0 {
                        continue;
                    }
                    let (role, action) = (cell / 2, Action::ALL[cell % 2]);
                    let (donor, recipient) = if role == 0 {
                        (own, partner)
                    } else {
                        (partner, own)
                    };
                    let payoff = &self.tables.donation(donor, recipient, action)[role];
                    let times = f64::from(*count);
                    tally.payoff.policy += times * payoff.policy;
                    tally.payoff.political += times * payoff.political;
                    tally.payoff.utility += times * payoff.utility;
                    tally.encounters += u64::from(*count);
                    *count = 0;
                }
            }
        }
    }

    /// One step: a donation, or a simultaneous round, by the encounter
    /// mode.
    #[inline]
    pub fn step<R: Rng>(&mut self, rng: &mut R) {
        match self.params.mode() {
            EncounterMode::Donation => self.donation(rng),
            EncounterMode::SimultaneousPd => self.simultaneous_round(rng),
        }
    }

    /// The donor and the recipient (or the pair) of a step: uniform, and
    /// different.
    #[inline]
    fn pair<R: Rng>(&self, draws: &mut StepDraws<'_, R>) -> (usize, usize) {
        draws.distinct_pair(self.kind_of.len() as u32)
    }

    /// One donation step.
    #[inline]
    fn donation<R: Rng>(&mut self, rng: &mut R) {
        let mut draws = StepDraws::new(rng);
        let (donor, recipient) = self.pair(&mut draws);
        let action = self.act(donor, recipient, &mut draws);
        self.observe(
            &[Act {
                donor,
                action,
                recipient,
            }],
            &mut draws,
        );
        let payoffs = self.tables.donation(
            self.class_of[donor] as usize,
            self.class_of[recipient] as usize,
            action,
        );
        Self::credit(&mut self.tallies, donor, recipient, payoffs);
        self.deliver(donor, recipient, action);
        self.count_step();
    }

    /// One simultaneous round: each of a random pair is donor to the
    /// other, and both acts are judged on the standings before it.
    fn simultaneous_round<R: Rng>(&mut self, rng: &mut R) {
        let mut draws = StepDraws::new(rng);
        let (first, second) = self.pair(&mut draws);
        let actions = [
            self.act(first, second, &mut draws),
            self.act(second, first, &mut draws),
        ];
        self.observe(
            &[
                Act {
                    donor: first,
                    action: actions[0],
                    recipient: second,
                },
                Act {
                    donor: second,
                    action: actions[1],
                    recipient: first,
                },
            ],
            &mut draws,
        );
        let payoffs = self.tables.round(
            self.class_of[first] as usize,
            self.class_of[second] as usize,
            actions,
        );
        Self::credit(&mut self.tallies, first, second, payoffs);
        self.deliver(first, second, actions[0]);
        self.deliver(second, first, actions[1]);
        self.count_step();
    }

    /// Counts a step and the good count after it.
    #[inline]
    fn count_step(&mut self) {
        self.counters.steps += 1;
        self.counters.good_count_sum += u128::from(self.good_count);
    }

    /// The donor decides and executes (with execution error).
    #[inline(always)]
    fn act<R: Rng>(
        &mut self,
        donor: usize,
        recipient: usize,
        draws: &mut StepDraws<'_, R>,
    ) -> Action {
        let kind = self.kind_of[donor] as usize;
        let intended = match self.decisions[kind] {
            Decision::Table(bits) => {
                let own = self.standings.seen_by(donor, donor) as u8;
                let other = self.standings.seen_by(donor, recipient) as u8;
                if bits >> (2 * own + other) & 1 == 1 {
                    Action::C
                } else {
                    Action::D
                }
            }
            Decision::Dynamic => {
                let view = DonorView {
                    donor: donor as u32,
                    recipient: recipient as u32,
                    recipient_standing: self.standings.seen_by(donor, recipient),
                    own_standing: self.standings.seen_by(donor, donor),
                    last_received: match self.last_received[donor] {
                        RECEIVED_NOTHING => None,
                        0 => Some(Action::C),
                        _ => Some(Action::D),
                    },
                    cooperations_given: self.given[donor],
                    cooperations_received: self.received[donor],
                };
                self.rules[kind].decide(&view, draws.rng())
            }
        };
        let action = if intended == Action::C && draws.happens(self.chances.execution_error) {
            Action::D
        } else {
            intended
        };
        self.counters.actions += 1;
        self.counters.intended_cooperations += u64::from(intended == Action::C);
        self.counters.cooperations += u64::from(action == Action::C);
        action
    }

    /// Adds the payoffs of an encounter to both states.
    #[inline]
    fn credit(tallies: &mut [StateTotals], first: usize, second: usize, payoffs: &[Payoff; 2]) {
        for (state, payoff) in [(first, &payoffs[0]), (second, &payoffs[1])] {
            let tally = &mut tallies[state];
            tally.payoff.policy += payoff.policy;
            tally.payoff.political += payoff.political;
            tally.payoff.utility += payoff.utility;
            tally.encounters += 1;
        }
    }

    /// The recipient receives the donor's executed action (kept only when
    /// some rule may read it).
    #[inline]
    fn deliver(&mut self, donor: usize, recipient: usize, action: Action) {
        if !self.keeps_history {
            return;
        }
        self.last_received[recipient] = action as u8;
        let cooperated = u64::from(action == Action::C);
        self.given[donor] += cooperated;
        self.received[recipient] += cooperated;
        let kind = self.kind_of[recipient] as usize;
        if self.decisions[kind] == Decision::Dynamic {
            self.rules[kind].received(recipient as u32, donor as u32, action);
        }
    }

    /// The new standing one observer assigns for one act, with the
    /// assessment error.
    #[inline]
    fn judge<R: Rng>(
        norm: Norm,
        assessment_error: Chance,
        donor: Standing,
        act: Act,
        recipient: Standing,
        draws: &mut StepDraws<'_, R>,
    ) -> Standing {
        let judged = norm.assess(donor, act.action, recipient);
        if draws.happens(assessment_error) {
            judged.flip()
        } else {
            judged
        }
    }

    /// Assesses the acts of one encounter: all are judged on the
    /// standings before it, then written.
    #[inline(always)]
    fn observe<R: Rng>(&mut self, acts: &[Act], draws: &mut StepDraws<'_, R>) {
        let norm = self.params.norm();
        let chances = self.chances;
        match &mut self.standings {
            Standings::Public(standings) => {
                if !draws.happens(chances.observation) {
                    return;
                }
                let mut judged = [Standing::Good; 2];
                for (slot, act) in judged.iter_mut().zip(acts) {
                    *slot = Self::judge(
                        norm,
                        chances.assessment_error,
                        standings[act.donor],
                        *act,
                        standings[act.recipient],
                        draws,
                    );
                }
                for (new, act) in judged.iter().zip(acts) {
                    let old = std::mem::replace(&mut standings[act.donor], *new);
                    self.good_count =
                        self.good_count + u64::from(new.is_good()) - u64::from(old.is_good());
                }
            }
            Standings::Private(images) => {
                let size = images.size();
                let mut observer = next_observer(0, &chances, size, draws);
                while let Some(k) = observer {
                    let norm = self.norms[self.norm_of[k] as usize];
                    let mut judged = [Standing::Good; 2];
                    for (slot, act) in judged.iter_mut().zip(acts) {
                        *slot = Self::judge(
                            norm,
                            chances.assessment_error,
                            images.get(k, act.donor),
                            *act,
                            images.get(k, act.recipient),
                            draws,
                        );
                    }
                    for (new, act) in judged.iter().zip(acts) {
                        let old = images.set(k, act.donor, *new);
                        self.good_count =
                            self.good_count + u64::from(new.is_good()) - u64::from(old.is_good());
                    }
                    observer = next_observer(k + 1, &chances, size, draws);
                }
            }
        }
    }
}

/// The first observer at or after `start` among `0..size`, each observing
/// independently with probability `q`: a geometric skip, so that a step
/// costs O(qZ) draws rather than Z.
#[inline]
fn next_observer<R: Rng>(
    start: usize,
    chances: &Chances,
    size: usize,
    draws: &mut StepDraws<'_, R>,
) -> Option<usize> {
    let q = chances.observation.probability();
    let next = if q >= 1.0 {
        start
    } else if chances.observation.is_never() {
        return None;
    } else {
        // P(skip >= s) = (1 - q)^s: s = floor(ln U / ln(1 - q)) with U in (0, 1].
        let skip = (draws.unit_open().ln() / chances.ln_unobserved).floor();
        if skip >= size as f64 {
            return None;
        }
        start + skip as usize
    };
    (next < size).then_some(next)
}
