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

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, ByCurrency, Currency, Norm, ParameterError, Payoff, Standing};
use twolevel_strategies::society::{DonorView, SocietyRule, build_rule_with};

use super::params::{EncounterMode, Group, Institution, SocietyParams, check_population};
use super::payoffs::{DonationGame, PayoffClass, PayoffTables};
use super::standings::{BitMatrix, Standings};

/// What the states have done since the counters were last cleared.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct SocietyCounters {
    /// Donor actions taken (one a step in donation mode, two in
    /// simultaneous mode).
    pub actions: u64,
    /// Actions that were intended as C.
    pub intended_cooperations: u64,
    /// Actions executed as C.
    pub cooperations: u64,
    /// The sum over steps of the good share after each step.
    pub good_share_sum: f64,
    /// Steps taken.
    pub steps: u64,
}

impl SocietyCounters {
    /// The share of actions executed as C.
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        ratio(self.cooperations, self.actions)
    }

    /// The time average of the good share (see [`Society::good_share`]).
    #[must_use]
    pub fn mean_good_share(&self) -> f64 {
        if self.steps == 0 {
            0.0
        } else {
            self.good_share_sum / self.steps as f64
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(numerator: u64, denominator: u64) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// One act to assess: a donor's executed action towards a recipient.
#[derive(Clone, Copy, Debug)]
struct Act {
    donor: usize,
    action: Action,
    recipient: usize,
}

/// What a state last received: none yet, C or D.
const RECEIVED_NOTHING: u8 = 2;

/// A society of states; see the [module documentation](self).
#[derive(Debug)]
pub struct Society {
    params: SocietyParams,
    /// One rule object per kind (a group's rule); states share them.
    rules: Vec<Box<dyn SocietyRule>>,
    kind_names: Vec<String>,
    kind_of: Vec<u32>,
    class_of: Vec<u32>,
    tables: PayoffTables,
    standings: Standings,
    /// Good standings (public) or good images (private), kept current.
    good_count: u64,
    last_received: Vec<u8>,
    given: Vec<u64>,
    received: Vec<u64>,
    totals: Vec<ByCurrency<f64>>,
    encounters: Vec<u64>,
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
        let mut kind_of = Vec::with_capacity(size);
        for (k, group) in groups.iter().enumerate() {
            let kind = u32::try_from(k)
                .map_err(|_| ParameterError::new("groups", "at most 2^32 groups"))?;
            kind_of.extend(std::iter::repeat_n(kind, group.count as usize));
        }
        let standings = match params.institution() {
            Institution::Public => Standings::Public(vec![Standing::Good; size]),
            Institution::Private => Standings::Private(BitMatrix::all_good(size)),
        };
        let good_count = match params.institution() {
            Institution::Public => size as u64,
            Institution::Private => (size as u64) * (size as u64),
        };
        Ok(Society {
            params,
            rules,
            kind_names: groups.iter().map(|g| g.rule.clone()).collect(),
            class_of: kind_of.clone(),
            kind_of,
            tables: PayoffTables::new(game, &classes),
            standings,
            good_count,
            last_received: vec![RECEIVED_NOTHING; size],
            given: vec![0; size],
            received: vec![0; size],
            totals: vec![ByCurrency::default(); size],
            encounters: vec![0; size],
            counters: SocietyCounters::default(),
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
        let size = self.size() as u64;
        let pairs = match self.standings {
            Standings::Public(_) => size,
            Standings::Private(_) => size * size,
        };
        ratio(self.good_count, pairs)
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
        let mut counts = vec![0; self.rules.len()];
        for &kind in &self.kind_of {
            counts[kind as usize] += 1;
        }
        counts
    }

    /// A state's mean payoff per encounter (as donor or recipient) in
    /// `currency` since the payoffs were last cleared; 0 before its first.
    #[must_use]
    pub fn mean_payoff(&self, state: usize, currency: Currency) -> f64 {
        let encounters = self.encounters[state];
        if encounters == 0 {
            0.0
        } else {
            self.totals[state][currency] / encounters as f64
        }
    }

    /// Every state's total payoffs since they were last cleared.
    #[must_use]
    pub fn totals(&self) -> &[ByCurrency<f64>] {
        &self.totals
    }

    /// Clears the counters (not the standings, memories or payoffs).
    pub fn clear_counters(&mut self) {
        self.counters = SocietyCounters::default();
    }

    /// Clears the payoff totals and encounter counts.
    pub fn clear_payoffs(&mut self) {
        self.totals.fill(ByCurrency::default());
        self.encounters.fill(0);
    }

    /// Switches `state` to the rule of `kind` (its payoff class stays).
    pub(crate) fn set_kind(&mut self, state: usize, kind: u32) {
        self.kind_of[state] = kind;
    }

    /// The number of kinds.
    pub(crate) fn kind_count(&self) -> usize {
        self.rules.len()
    }

    /// Runs `steps` steps with the caller's RNG and returns the counters
    /// of these steps (which are also added to [`Society::counters`]).
    pub fn run<R: Rng>(&mut self, steps: u64, rng: &mut R) -> SocietyCounters {
        let before = self.counters;
        for _ in 0..steps {
            self.step(rng);
        }
        let after = self.counters;
        SocietyCounters {
            actions: after.actions - before.actions,
            intended_cooperations: after.intended_cooperations - before.intended_cooperations,
            cooperations: after.cooperations - before.cooperations,
            good_share_sum: after.good_share_sum - before.good_share_sum,
            steps: after.steps - before.steps,
        }
    }

    /// One step: a donation, or a simultaneous round, by the encounter
    /// mode.
    #[inline]
    pub fn step<R: Rng>(&mut self, rng: &mut R) {
        let size = self.kind_of.len() as u32;
        let first = rng.random_range(0..size) as usize;
        let mut second = rng.random_range(0..size - 1) as usize;
        if second >= first {
            second += 1;
        }
        match self.params.mode() {
            EncounterMode::Donation => {
                let action = self.act(first, second, rng);
                self.observe(
                    &[Act {
                        donor: first,
                        action,
                        recipient: second,
                    }],
                    rng,
                );
                let classes = [self.class_of[first], self.class_of[second]].map(|c| c as usize);
                let payoffs = *self.tables.donation(classes[0], classes[1], action);
                self.credit(first, second, payoffs);
                self.deliver(first, second, action);
            }
            EncounterMode::SimultaneousPd => {
                let actions = [self.act(first, second, rng), self.act(second, first, rng)];
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
                    rng,
                );
                let classes = [self.class_of[first], self.class_of[second]].map(|c| c as usize);
                let payoffs = *self.tables.round(classes[0], classes[1], actions);
                self.credit(first, second, payoffs);
                self.deliver(first, second, actions[0]);
                self.deliver(second, first, actions[1]);
            }
        }
        self.counters.steps += 1;
        self.counters.good_share_sum += self.good_share();
    }

    /// The donor decides and executes (with execution error).
    #[inline]
    fn act<R: Rng>(&mut self, donor: usize, recipient: usize, rng: &mut R) -> Action {
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
        let intended = self.rules[self.kind_of[donor] as usize].decide(&view, rng);
        let error = self.params.execution_error();
        let action = if intended == Action::C && error > 0.0 && rng.random::<f64>() < error {
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
    fn credit(&mut self, first: usize, second: usize, payoffs: [Payoff; 2]) {
        for (state, payoff) in [(first, payoffs[0]), (second, payoffs[1])] {
            let total = &mut self.totals[state];
            total.policy += payoff.policy;
            total.political += payoff.political;
            total.utility += payoff.utility;
            self.encounters[state] += 1;
        }
    }

    /// The recipient receives the donor's executed action.
    #[inline]
    fn deliver(&mut self, donor: usize, recipient: usize, action: Action) {
        self.last_received[recipient] = action as u8;
        let cooperated = u64::from(action == Action::C);
        self.given[donor] += cooperated;
        self.received[recipient] += cooperated;
        self.rules[self.kind_of[recipient] as usize].received(
            recipient as u32,
            donor as u32,
            action,
        );
    }

    /// The new standing one observer assigns for one act, with the
    /// assessment error.
    #[inline]
    fn judge<R: Rng>(
        norm: Norm,
        mu: f64,
        donor: Standing,
        act: Act,
        recipient: Standing,
        rng: &mut R,
    ) -> Standing {
        let judged = norm.assess(donor, act.action, recipient);
        if mu > 0.0 && rng.random::<f64>() < mu {
            judged.flip()
        } else {
            judged
        }
    }

    /// Assesses the acts of one encounter: all are judged on the
    /// standings before it, then written.
    fn observe<R: Rng>(&mut self, acts: &[Act], rng: &mut R) {
        let norm = self.params.norm();
        let mu = self.params.assessment_error();
        let q = self.params.observation();
        match &mut self.standings {
            Standings::Public(standings) => {
                if q < 1.0 && rng.random::<f64>() >= q {
                    return;
                }
                let mut judged = [Standing::Good; 2];
                for (slot, act) in judged.iter_mut().zip(acts) {
                    *slot = Self::judge(
                        norm,
                        mu,
                        standings[act.donor],
                        *act,
                        standings[act.recipient],
                        rng,
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
                let mut observer = next_observer(None, q, size, rng);
                while let Some(k) = observer {
                    let mut judged = [Standing::Good; 2];
                    for (slot, act) in judged.iter_mut().zip(acts) {
                        *slot = Self::judge(
                            norm,
                            mu,
                            images.get(k, act.donor),
                            *act,
                            images.get(k, act.recipient),
                            rng,
                        );
                    }
                    for (new, act) in judged.iter().zip(acts) {
                        let old = images.set(k, act.donor, *new);
                        self.good_count =
                            self.good_count + u64::from(new.is_good()) - u64::from(old.is_good());
                    }
                    observer = next_observer(Some(k), q, size, rng);
                }
            }
        }
    }
}

/// The next observer after `current` among `0..size`, each observing
/// independently with probability `q`: a geometric skip, so that a step
/// costs O(qZ) draws rather than Z.
#[inline]
fn next_observer<R: Rng>(
    current: Option<usize>,
    q: f64,
    size: usize,
    rng: &mut R,
) -> Option<usize> {
    let start = current.map_or(0, |k| k + 1);
    let next = if q >= 1.0 {
        start
    } else if q <= 0.0 {
        return None;
    } else {
        // P(skip >= s) = (1 - q)^s: s = floor(ln U / ln(1 - q)) with U in (0, 1].
        let uniform = 1.0 - rng.random::<f64>();
        let skip = (uniform.ln() / (-q).ln_1p()).floor();
        if skip >= size as f64 {
            return None;
        }
        start + skip as usize
    };
    (next < size).then_some(next)
}
