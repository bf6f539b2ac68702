//! What a match with domestic arenas precomputes once (each side's actors
//! as flat arrays, the webs that touch the match, each budget's plan) and
//! computes each round: the influence weights, the webs' pooling, the
//! channels' effects and the domestic position (`docs/actors.md`).
//!
//! ## Work per round
//!
//! An actor without a budget and outside every web (a *static* actor) has
//! the weight `a_k = access(kind_k) c_k s_k` in every round of an access
//! period, times `g = 1 + gamma pi_i^2` if it is political-oriented. The
//! channel sums are linear in the weights, so each side keeps, per access
//! period, the sums of its static policy-oriented actors and of its static
//! political-oriented ones, and a round combines them as `P + g Q` whatever
//! the number of actors. Their influence shares `a_k (1 or g) / D_t` are
//! summed the same way, as `a_k sum_t (1 or g_t) / D_t`, settled at the end
//! of each access period. Without budgets the domestic position is found
//! over prefix sums of the same two groups along the actors sorted by
//! position (the cumulative weight `A_j + g B_j` grows with `j`), searched
//! from last round's index. Actors with a budget or in a web (*dynamic* actors) are
//! computed one by one each round; with a budget in the arena every weight
//! is, and the median is a walk over them.
//!
//! Everything lives in buffers that are cleared and refilled per match,
//! so that a round allocates nothing.

use twolevel_game::Politicization;
use twolevel_game::actors::{
    Actor, ArenaEffects, ArenaRates, Budget, ChannelSet, ChannelSums, MedianOrder,
    SpendingCalendar, SpendingMoment, SpendingPlan, epistemic_factor, politicization_factor, pool,
    positive_and_finite,
};
use twolevel_game::lanes::Lanes;

use super::MatchBuffers;
use crate::domestic::Domestic;

/// No web: the actor is in no coalition.
const NO_WEB: usize = usize::MAX;

/// One side's arena, flattened for the match.
#[derive(Clone, Debug, Default)]
pub(crate) struct SideScratch {
    /// Whether the side's state has an arena.
    pub(super) has_arena: bool,
    /// `c_k s_k` for an actor without a budget, `s_k` for one with.
    base: Vec<f64>,
    /// Each actor's kind index.
    kind: Vec<usize>,
    /// Whether each actor is political-oriented.
    political: Vec<bool>,
    /// Each actor's position and salience.
    pub(super) position: Vec<f64>,
    pub(super) salience: Vec<f64>,
    channels: Vec<ChannelSet>,
    /// The web each actor belongs to, or [`NO_WEB`].
    web: Vec<usize>,
    /// Each actor's spending plan, if it has a budget.
    plan: Vec<Option<SpendingPlan>>,
    /// What is left of each budget.
    remaining: Vec<f64>,
    /// What each actor spent over the match.
    pub(super) spent: Vec<f64>,
    /// Each actor's influence weight `v_k` this round (dynamic actors; all
    /// actors when the arena has a budget).
    raw: Vec<f64>,
    /// Each actor's summed influence shares.
    pub(super) shares: Vec<f64>,
    /// The actors with a budget or in a web, and the others.
    dynamic: Vec<usize>,
    statics: Vec<usize>,
    /// Whether an actor has a budget.
    budgeted: bool,
    order: MedianOrder,
    /// Along `order`, the prefix sums of the non-budget actors' weights
    /// `a_k`, policy-oriented and political-oriented, this period, each
    /// with the position it reaches (one entry for the median's search).
    prefix: MedianPrefix,
    /// The static actors' channel sums this period, policy-oriented (0)
    /// and political-oriented (1), at weights `a_k`.
    fixed: [ChannelSums; 2],
    /// `sum_t 1 / D_t` and `sum_t g_t / D_t` over this period's rounds.
    inverse_engaged: [f64; 2],
    rates: ArenaRates,
    /// The access by kind this round, and the next transition.
    access: [f64; 3],
    next_transition: usize,
    /// `g` this round.
    factor: f64,
    /// The index in `order` of the last domestic position found.
    last_median: std::cell::Cell<usize>,
}

/// Where a web member sits, seen from one side of the match.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Seat {
    /// In the side's own arena.
    Own(usize),
    /// In the partner's arena (another state).
    Partner(usize),
    /// In a third state, with its standing weight base `c_k s_k` (or
    /// `B / T * s_k`) and kind.
    Third { base: f64, kind: usize },
}

/// A web member.
#[derive(Clone, Copy, Debug)]
struct Member {
    state: usize,
    seats: [Seat; 2],
    position: f64,
    channels: ChannelSet,
}

/// A web (coalition) that touches the match.
#[derive(Clone, Copy, Debug)]
struct Web {
    /// Its members: `members[start..end]`.
    start: usize,
    end: usize,
    phi: f64,
    epistemic: Option<f64>,
    /// Whether it has a member in each side's state, and one elsewhere.
    home: [bool; 2],
    abroad: [bool; 2],
    /// The members' summed and largest weights the pooled weight was
    /// last computed for, the pooled weight `V_C` and the factor `V_C / S`
    /// on each member's weight (from the side being computed).
    sum: f64,
    max: f64,
    pooled: f64,
    multiplier: f64,
}

/// Everything a match with arenas keeps between rounds.
#[derive(Clone, Default)]
pub(crate) struct Scratch {
    pub(super) sides: [SideScratch; 2],
    members: Vec<Member>,
    webs: Vec<Web>,
    /// Histories for matches played by `play_match` for a record whose
    /// caller's buffers keep only a window.
    pub(super) whole: MatchBuffers,
    /// Whether every actor of the match is static (no budget, no web):
    /// each side's round is then its period sums at `g` alone.
    simple: bool,
}

impl std::fmt::Debug for Scratch {
    /// Scratch space: nothing worth printing.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scratch { .. }")
    }
}

/// What one side's arena does in a round.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pressure {
    pub(super) effects: ArenaEffects,
    pub(super) kappa_factor: f64,
    /// The domestic position, NaN if none.
    pub(super) position: f64,
}

impl Pressure {
    /// What a side without an arena feels: nothing, and no position.
    const NONE: Pressure = Pressure {
        effects: ArenaEffects::NEUTRAL,
        kappa_factor: 1.0,
        position: f64::NAN,
    };
}

impl Scratch {
    /// Loads the arenas of `states` and the webs touching them, and plans
    /// every budget over `calendar`.
    pub(super) fn load(
        &mut self,
        domestic: &Domestic,
        states: [usize; 2],
        calendar: &SpendingCalendar,
    ) {
        for (k, side) in self.sides.iter_mut().enumerate() {
            side.load(domestic, states[k], calendar);
        }
        self.members.clear();
        self.webs.clear();
        for coalition in &domestic.coalitions {
            let home = states.map(|s| coalition.members().iter().any(|m| m.state == s));
            if !(home[0] || home[1]) {
                continue;
            }
            let start = self.members.len();
            for member in coalition.members() {
                let Some(arena) = domestic.arena(member.state) else {
                    continue;
                };
                let Some(actor) = arena.actors().get(member.actor) else {
                    continue;
                };
                let third = Seat::Third {
                    base: standing_base(actor.capability, actor.salience, actor.budget, calendar),
                    kind: actor.kind.index(),
                };
                let seat = |k: usize| {
                    if member.state == states[k] {
                        Seat::Own(member.actor)
                    } else if member.state == states[1 - k] {
                        Seat::Partner(member.actor)
                    } else {
                        third
                    }
                };
                self.members.push(Member {
                    state: member.state,
                    seats: [seat(0), seat(1)],
                    position: actor.position,
                    channels: ChannelSet::of(&actor.channels),
                });
            }
            let web = self.webs.len();
            let members = &self.members[start..];
            for (k, side) in self.sides.iter_mut().enumerate() {
                for member in members {
                    if let Seat::Own(a) = member.seats[k] {
                        side.web[a] = web;
                    }
                }
            }
            let abroad = [0, 1].map(|k| members.iter().any(|m| m.state != states[k]));
            self.webs.push(Web {
                start,
                end: self.members.len(),
                phi: coalition.phi(),
                epistemic: coalition.epistemic(),
                home,
                abroad,
                sum: f64::NAN,
                max: f64::NAN,
                pooled: 0.0,
                multiplier: 1.0,
            });
        }
        for side in self.sides.iter_mut() {
            side.split();
        }
        self.simple = self.webs.is_empty() && self.sides.iter().all(|s| s.dynamic.is_empty());
    }

    /// What each side's arena does in round `moments[k].round`: its actors
    /// spend what their rules say at `moments[k]` and weigh at the game's
    /// `gamma`; the webs pool; the channels act. The shares are summed for
    /// the record.
    #[inline(always)]
    pub(super) fn step(
        &mut self,
        domestic: &Domestic,
        states: [usize; 2],
        moments: &[SpendingMoment; 2],
        gamma: f64,
    ) -> [Pressure; 2] {
        if self.simple {
            // What `press` does when no actor has a budget or a web: the
            // same operations, without the loops over none.
            // A method inlined always rather than a closure: LLVM called
            // the closure once a side.
            let [first, second] = &mut self.sides;
            return [
                first.step_alone(domestic, states[0], &moments[0], gamma),
                second.step_alone(domestic, states[1], &moments[1], gamma),
            ];
        }
        for (k, side) in self.sides.iter_mut().enumerate() {
            if side.has_arena {
                side.weigh(domestic, states[k], &moments[k], gamma);
            }
        }
        let round = moments[0].round;
        let first = self.press(domestic, 0, round, false);
        // Two different states see every web member from the same seat
        // (own or partner), so the pooling from side 0's view holds.
        let second = self.press(domestic, 1, round, states[0] != states[1]);
        [first, second]
    }

    /// What side `k`'s arena does in round `t` (after the weights).
    /// `pooled` says whether the webs were pooled this round already from
    /// the other side's view, which is the same one when the two states
    /// differ.
    #[inline(always)]
    fn press(&mut self, domestic: &Domestic, k: usize, t: u32, pooled: bool) -> Pressure {
        // The webs' pooling, seen from side k.
        for web in self.webs.iter_mut() {
            if !web.home[k] || (pooled && web.home[1 - k]) {
                continue;
            }
            let (mut sum, mut max) = (0.0, 0.0_f64);
            for member in &self.members[web.start..web.end] {
                let v = seat_weight(&self.sides, k, member, domestic, t);
                sum += v;
                max = max.max(v);
            }
            // The pooling power only when the weights moved.
            if sum.to_bits() != web.sum.to_bits() || max.to_bits() != web.max.to_bits() {
                web.sum = sum;
                web.max = max;
                web.pooled = pool(sum, max, web.phi);
                web.multiplier = if sum > 0.0 && web.phi != 1.0 {
                    web.pooled / sum
                } else {
                    1.0
                };
            }
        }
        let own = &mut self.sides[k];
        let g = own.factor;
        let mut sums = own.fixed[0].plus_scaled(&own.fixed[1], g);
        let mut arena_weight = sums.total;
        for &a in &own.dynamic {
            let v = own.raw[a];
            arena_weight += v;
            let w = match own.web[a] {
                NO_WEB => v,
                web => v * self.webs[web].multiplier,
            };
            sums.add_domestic(w, own.position[a], own.channels[a]);
        }
        let sovereignty = own.rates.sovereignty;
        let mut kappa_factor = 1.0;
        for web in &self.webs {
            if !web.home[k] {
                continue;
            }
            if web.abroad[k] {
                for member in &self.members[web.start..web.end] {
                    if matches!(member.seats[k], Seat::Own(_)) {
                        continue;
                    }
                    let v = seat_weight(&self.sides, k, member, domestic, t);
                    sums.add_foreign(
                        v * web.multiplier,
                        member.position,
                        member.channels,
                        sovereignty,
                    );
                }
            }
            if let Some(consensus) = web.epistemic {
                kappa_factor *= epistemic_factor(consensus, web.pooled, arena_weight);
            }
        }
        let own = &mut self.sides[k];
        let (effects, inverse) = sums.effects_and_inverse(&own.rates);
        if inverse > 0.0 {
            own.inverse_engaged[0] += inverse;
            own.inverse_engaged[1] += g * inverse;
            for &a in &own.dynamic {
                let w = match own.web[a] {
                    NO_WEB => own.raw[a],
                    web => own.raw[a] * self.webs[web].multiplier,
                };
                own.shares[a] += w * inverse;
            }
        }
        Pressure {
            effects,
            kappa_factor,
            position: own.median(),
        }
    }

    /// Settles the shares of the last access period; the sums of each
    /// actor's shares are then in `sides[k].shares`.
    pub(super) fn finish(&mut self) {
        for side in self.sides.iter_mut() {
            side.settle();
        }
    }
}

/// A member's weight this round seen from side `k`.
#[inline(always)]
fn seat_weight(
    sides: &[SideScratch; 2],
    k: usize,
    member: &Member,
    domestic: &Domestic,
    t: u32,
) -> f64 {
    match member.seats[k] {
        Seat::Own(a) => sides[k].raw[a],
        Seat::Partner(a) => sides[1 - k].raw[a],
        Seat::Third { base, kind } => domestic
            .arena(member.state)
            .map_or(0.0, |arena| arena.access_at(t).by_kind()[kind] * base),
    }
}

/// A third-state member's standing weight base: `c_k s_k`, or for a
/// budget the steady rate `B / T` times `s_k`.
fn standing_base(
    capability: f64,
    salience: f64,
    budget: Option<Budget>,
    calendar: &SpendingCalendar,
) -> f64 {
    match budget {
        None => capability * salience,
        Some(budget) => budget.total / calendar.expected_rounds * salience,
    }
}

impl SideScratch {
    /// Loads state `state`'s arena (or none).
    fn load(&mut self, domestic: &Domestic, state: usize, calendar: &SpendingCalendar) {
        for list in [
            &mut self.base,
            &mut self.position,
            &mut self.salience,
            &mut self.remaining,
            &mut self.spent,
            &mut self.raw,
            &mut self.shares,
        ] {
            list.clear();
        }
        self.kind.clear();
        self.political.clear();
        self.channels.clear();
        self.web.clear();
        self.plan.clear();
        self.dynamic.clear();
        self.statics.clear();
        self.next_transition = 0;
        self.inverse_engaged = [0.0; 2];
        self.fixed = [ChannelSums::default(); 2];
        self.factor = 1.0;
        self.budgeted = false;
        self.last_median.set(0);
        let Some(arena) = domestic.arena(state) else {
            self.has_arena = false;
            self.order.reset(&[]);
            self.prefix.clear();
            return;
        };
        self.has_arena = true;
        self.rates = *arena.rates();
        self.access = arena.access().by_kind();
        // Field by field, each list extended once (a push an actor and a
        // list tested the capacity every time).
        let actors = arena.actors();
        self.base
            .extend(actors.iter().map(|actor| match &actor.budget {
                None => actor.capability * actor.salience,
                Some(_) => actor.salience,
            }));
        self.plan.extend(actors.iter().map(|actor| {
            actor
                .budget
                .as_ref()
                .map(|budget| SpendingPlan::new(budget, calendar))
        }));
        self.remaining.extend(
            actors
                .iter()
                .map(|actor| actor.budget.as_ref().map_or(0.0, |budget| budget.total)),
        );
        self.budgeted = actors.iter().any(|actor| actor.budget.is_some());
        self.kind
            .extend(actors.iter().map(|actor| actor.kind.index()));
        self.political
            .extend(actors.iter().map(Actor::is_political));
        self.position
            .extend(actors.iter().map(|actor| actor.position));
        self.salience
            .extend(actors.iter().map(|actor| actor.salience));
        self.channels
            .extend(actors.iter().map(|actor| ChannelSet::of(&actor.channels)));
        self.web.resize(actors.len(), NO_WEB);
        let n = arena.actors().len();
        self.spent.resize(n, 0.0);
        self.raw.resize(n, 0.0);
        self.shares.resize(n, 0.0);
        self.order.reset(&self.position);
    }

    /// Splits the actors into dynamic ones (a budget or a web) and static
    /// ones, once the webs are known, and sums the first period.
    fn split(&mut self) {
        for a in 0..self.base.len() {
            if self.plan[a].is_some() || self.web[a] != NO_WEB {
                self.dynamic.push(a);
            } else {
                self.statics.push(a);
            }
        }
        self.sum_period();
    }

    /// The static actors' channel sums and the prefix sums of the
    /// non-budget actors' weights at this period's access.
    fn sum_period(&mut self) {
        self.fixed = [ChannelSums::default(); 2];
        for &a in &self.statics {
            let weight = self.access[self.kind[a]] * self.base[a];
            let group = usize::from(self.political[a]);
            self.fixed[group].add_domestic(weight, self.position[a], self.channels[a]);
        }
        self.prefix.clear();
        if !self.budgeted {
            let mut sums = [0.0; 2];
            for &a in self.order.indices() {
                let group = usize::from(self.political[a]);
                sums[group] += self.access[self.kind[a]] * self.base[a];
                self.prefix.push(sums[0], sums[1], self.position[a]);
            }
        }
    }

    /// Adds the static actors' shares over the period that ends.
    fn settle(&mut self) {
        for &a in &self.statics {
            let weight = self.access[self.kind[a]] * self.base[a];
            self.shares[a] += weight * self.inverse_engaged[usize::from(self.political[a])];
        }
        self.inverse_engaged = [0.0; 2];
    }

    /// Enters the access periods that begin by round `round` (settling
    /// the shares of each period that ends).
    #[inline(always)]
    fn advance(&mut self, domestic: &Domestic, state: usize, round: u32) {
        if let Some(arena) = domestic.arena(state) {
            let transitions = arena.transitions();
            while let Some(change) = transitions.get(self.next_transition) {
                if change.round > round {
                    break;
                }
                self.settle();
                self.access = change.access.by_kind();
                self.next_transition += 1;
                self.sum_period();
            }
        }
    }

    /// The round in which the next access period begins (`u32::MAX` for
    /// none).
    fn next_change(&self, domestic: &Domestic, state: usize) -> u32 {
        domestic
            .arena(state)
            .and_then(|arena| arena.transitions().get(self.next_transition))
            .map_or(u32::MAX, |change| change.round)
    }

    /// The influence weights in round `moment.round`, after spending.
    #[inline(always)]
    fn weigh(&mut self, domestic: &Domestic, state: usize, moment: &SpendingMoment, gamma: f64) {
        self.advance(domestic, state, moment.round);
        let factor = politicization_factor(gamma, moment.pi);
        self.factor = factor;
        if self.budgeted {
            // The median walks over every weight.
            for a in 0..self.base.len() {
                self.weigh_actor(a, moment);
            }
        } else {
            for i in 0..self.dynamic.len() {
                let a = self.dynamic[i];
                self.weigh_actor(a, moment);
            }
        }
    }

    /// [`SideScratch::weigh`] and [`SideScratch::press_alone`] for a side
    /// of a match whose actors are all static; nothing without an arena.
    #[inline(always)]
    fn step_alone(
        &mut self,
        domestic: &Domestic,
        state: usize,
        moment: &SpendingMoment,
        gamma: f64,
    ) -> Pressure {
        if self.has_arena {
            self.weigh(domestic, state, moment, gamma);
            self.press_alone()
        } else {
            Pressure::NONE
        }
    }

    /// What the side's arena does this round when every actor of the
    /// match is static ([`Scratch::press`] without budgets and webs, the
    /// same operations): the period sums at `g`, the shares, the median.
    #[inline(always)]
    fn press_alone(&mut self) -> Pressure {
        let effects = press_static(
            &self.fixed,
            &self.rates,
            self.factor,
            &mut self.inverse_engaged,
        );
        Pressure {
            effects,
            kappa_factor: 1.0,
            position: self.median(),
        }
    }

    /// Actor `a`'s weight this round, after it spent.
    #[inline]
    fn weigh_actor(&mut self, a: usize, moment: &SpendingMoment) {
        let capability = match &self.plan[a] {
            None => self.base[a],
            Some(plan) => {
                let spent = plan.spend(moment, self.remaining[a]);
                self.remaining[a] -= spent;
                self.spent[a] += spent;
                spent * self.base[a]
            }
        };
        let v = self.access[self.kind[a]] * capability;
        self.raw[a] = if self.political[a] {
            v * self.factor
        } else {
            v
        };
    }

    /// The domestic position this round, NaN if none.
    #[inline(always)]
    fn median(&self) -> f64 {
        if !self.has_arena {
            return f64::NAN;
        }
        if self.budgeted {
            return self
                .order
                .median(&self.position, &self.raw)
                .unwrap_or(f64::NAN);
        }
        let mut j = self.last_median.get();
        let position = static_median(&self.prefix, self.factor, &mut j);
        self.last_median.set(j);
        position
    }
}

/// The static actors' channel effects at `g = 1 + gamma pi^2` from their
/// period sums `fixed` (policy-oriented, political-oriented), with
/// `sum_t 1 / D_t` and `sum_t g_t / D_t` added to `inverse_engaged`.
#[inline(always)]
fn press_static(
    fixed: &[ChannelSums; 2],
    rates: &ArenaRates,
    g: f64,
    inverse_engaged: &mut [f64; 2],
) -> ArenaEffects {
    let sums = fixed[0].plus_scaled(&fixed[1], g);
    let (effects, inverse) = sums.effects_and_inverse(rates);
    if inverse > 0.0 {
        inverse_engaged[0] += inverse;
        inverse_engaged[1] += g * inverse;
    }
    effects
}

/// The domestic position of an arena without budgets at `g`, over the
/// prefix sums `prefix`, searched from actor `*last` along the order
/// (last round's, written back); NaN without weight.
#[inline(always)]
fn static_median(prefix: &MedianPrefix, g: f64, last: &mut usize) -> f64 {
    let n = prefix.actors();
    if n == 0 {
        return f64::NAN;
    }
    let total = prefix.policy[n] + g * prefix.political[n];
    if !positive_and_finite(total) {
        return f64::NAN;
    }
    prefix.search(g, total, last)
}

/// Along the order of positions, the prefix sums of the policy- and
/// political-oriented weights and the position each actor reaches, one
/// array each (the median reads two neighbours at once), entry 0 the
/// sentinel before the first actor (no weight, no position).
#[derive(Clone, Debug, Default)]
struct MedianPrefix {
    policy: Vec<f64>,
    political: Vec<f64>,
    position: Vec<f64>,
}

impl MedianPrefix {
    /// Empties the prefix (no actor).
    fn clear(&mut self) {
        self.policy.clear();
        self.political.clear();
        self.position.clear();
    }

    /// Adds the next actor along the order: the sums up to it and its
    /// position (after the sentinel if it is the first).
    fn push(&mut self, policy: f64, political: f64, position: f64) {
        if self.policy.is_empty() {
            self.policy.push(0.0);
            self.political.push(0.0);
            self.position.push(f64::NAN);
        }
        self.policy.push(policy);
        self.political.push(political);
        self.position.push(position);
    }

    /// How many actors the prefix holds.
    fn actors(&self) -> usize {
        self.policy.len().saturating_sub(1)
    }

    /// The median at `g` of weights that sum to `total` (positive and
    /// finite), searched from actor `*last` (written back).
    #[inline(always)]
    fn search(&self, g: f64, total: f64, last: &mut usize) -> f64 {
        // The cumulative weight grows along the order: the median is the
        // first actor `j` at which twice it reaches the total
        // (`reaches(j)`, the prefix at `j + 1`), searched from last
        // round's (the position rarely moves).
        let reaches = |j: usize| {
            let below = self.policy[j + 1] + g * self.political[j + 1];
            below + below >= total
        };
        let mut j = (*last).min(self.actors() - 1);
        while j > 0 && reaches(j - 1) {
            j -= 1;
        }
        while !reaches(j) && j + 1 < self.actors() {
            j += 1;
        }
        *last = j;
        self.position[j + 1]
    }

    /// What the test of actor `last` (within the actors) reads: the
    /// sums before it and up to it, its position, and the sums of all.
    fn window(&self, last: usize) -> MedianWindow {
        let n = self.actors();
        if n == 0 {
            return MedianWindow {
                actor: 0,
                policy: Lanes::splat(0.0),
                political: Lanes::splat(0.0),
                position: f64::NAN,
                top: [0.0, 0.0],
            };
        }
        let j = last.min(n - 1);
        MedianWindow {
            actor: j,
            policy: Lanes([self.policy[j], self.policy[j + 1]]),
            political: Lanes([self.political[j], self.political[j + 1]]),
            position: self.position[j + 1],
            top: [self.policy[n], self.political[n]],
        }
    }
}

/// What a round's median reads when the position does not move, held by
/// value: actor `actor`'s sums before it (lane 0) and up to it (lane 1),
/// its position, and the sums of every actor (`top`; zero without
/// actors, so that the total is not positive and the position NaN).
#[derive(Clone, Copy)]
struct MedianWindow {
    actor: usize,
    policy: Lanes,
    political: Lanes,
    position: f64,
    top: [f64; 2],
}

impl MedianWindow {
    /// The position at `g` if actor `actor` is still the median of
    /// weights summing to `total`: `reaches(actor - 1)` false (lane 0,
    /// the sentinel's false for the first actor) and `reaches(actor)`
    /// true, the operations of [`MedianPrefix::search`].
    #[inline(always)]
    // `!(x >= total)`, not `x < total`: the search's test, false for NaN.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    fn position(&self, g: f64, total: f64) -> Option<f64> {
        let below = self.policy + Lanes::splat(g) * self.political;
        let twice = below + below;
        (!(twice.0[0] >= total) && twice.0[1] >= total).then_some(self.position)
    }
}

/// The arenas of a match whose actors are all static (no budget, no web)
/// round by round, for a loop over written moves: each side's period
/// sums, rates, summed inverse weights and last median index held by
/// value, the access transitions checked against one round number. The
/// same operations as [`Scratch::step`]'s path for such matches, so the
/// same bits.
pub(super) struct StaticArenas<'a> {
    scratch: &'a mut Scratch,
    domestic: &'a Domestic,
    states: [usize; 2],
    gamma: f64,
    sides: [StaticSide; 2],
    /// Both sides' period sums and rates in lanes (lane `k` side `k`'s).
    lanes: StaticLanes,
}

/// What [`press_static`] reads of both sides, in [`Lanes`]: the period
/// sums of the policy- and political-oriented actors and the rates.
#[derive(Clone, Copy)]
struct StaticLanes {
    fixed: [LaneSums; 2],
    lobby: Lanes,
    media: Lanes,
    framing: Lanes,
    expertise: Lanes,
    /// Both sides' `sum_t 1 / D_t` and `sum_t g_t / D_t` so far.
    inverse_engaged: [Lanes; 2],
    /// The sums of every actor's weight along the median's order,
    /// policy-oriented and political-oriented.
    top_policy: Lanes,
    top_political: Lanes,
}

/// [`ChannelSums`] of both sides, field by field in lanes.
#[derive(Clone, Copy)]
struct LaneSums {
    total: Lanes,
    lobby: Lanes,
    media: Lanes,
    nationalist: Lanes,
    accountability: Lanes,
    expertise: Lanes,
}

impl StaticLanes {
    /// The lanes of `sides`, with the inverse sums so far.
    fn of(sides: &[StaticSide; 2], inverse_engaged: [Lanes; 2]) -> StaticLanes {
        let both = |f: fn(&StaticSide) -> f64| Lanes([f(&sides[0]), f(&sides[1])]);
        let sums = |j: usize| LaneSums {
            total: Lanes([sides[0].fixed[j].total, sides[1].fixed[j].total]),
            lobby: Lanes([sides[0].fixed[j].lobby, sides[1].fixed[j].lobby]),
            media: Lanes([sides[0].fixed[j].media, sides[1].fixed[j].media]),
            nationalist: Lanes([sides[0].fixed[j].nationalist, sides[1].fixed[j].nationalist]),
            accountability: Lanes([
                sides[0].fixed[j].accountability,
                sides[1].fixed[j].accountability,
            ]),
            expertise: Lanes([sides[0].fixed[j].expertise, sides[1].fixed[j].expertise]),
        };
        StaticLanes {
            fixed: [sums(0), sums(1)],
            lobby: both(|s| s.rates.lobby),
            media: both(|s| s.rates.media),
            framing: both(|s| s.rates.framing),
            expertise: both(|s| s.rates.expertise),
            inverse_engaged,
            top_policy: both(|s| s.window.top[0]),
            top_political: both(|s| s.window.top[1]),
        }
    }

    /// [`press_static`] for both sides at once at the factors `g`, the
    /// same operations lane by lane ([`ChannelSums::plus_scaled`], then
    /// [`ChannelSums::effects_and_inverse`]); `None` when a side's total
    /// weight is not positive and finite (that side is neutral, which the
    /// caller computes side by side).
    #[inline(always)]
    fn press(&mut self, g: Lanes) -> Option<[ArenaEffects; 2]> {
        let [policy, political] = &self.fixed;
        let total = policy.total + g * political.total;
        if !(positive_and_finite(total.0[0]) && positive_and_finite(total.0[1])) {
            return None;
        }
        let inverse = total.recip();
        let lobby = self.lobby * ((policy.lobby + g * political.lobby) * inverse);
        let pi_push = self.media * ((policy.media + g * political.media) * inverse);
        let nationalist = policy.nationalist + g * political.nationalist;
        let accountability = policy.accountability + g * political.accountability;
        let expertise = policy.expertise + g * political.expertise;
        let audience_bonus = self.framing * (nationalist * inverse);
        let accountability = self.framing * (accountability * inverse);
        let noise_factor = Lanes::splat(1.0) - self.expertise * (expertise * inverse);
        let inverse_engaged = &mut self.inverse_engaged;
        inverse_engaged[0] = inverse_engaged[0] + inverse;
        inverse_engaged[1] = inverse_engaged[1] + g * inverse;
        let side = |k: usize| ArenaEffects {
            lobby: lobby.0[k],
            pi_push: pi_push.0[k],
            audience_bonus: audience_bonus.0[k],
            accountability: accountability.0[k],
            noise_factor: noise_factor.0[k],
        };
        Some([side(0), side(1)])
    }
}

/// One side of [`StaticArenas`].
#[derive(Clone, Copy)]
struct StaticSide {
    fixed: [ChannelSums; 2],
    rates: ArenaRates,
    median: usize,
    /// What the median reads while it stays at actor `median`.
    window: MedianWindow,
    /// The round of the side's next access transition.
    next_change: u32,
}

impl<'a> StaticArenas<'a> {
    /// The arenas loaded in `scratch` for `states`, if every actor of the
    /// match is static; `gamma` is the game's.
    pub(super) fn of(
        scratch: &'a mut Scratch,
        domestic: &'a Domestic,
        states: [usize; 2],
        gamma: f64,
    ) -> Option<Self> {
        if !scratch.simple {
            return None;
        }
        let side = |k: usize| StaticArenas::held(&scratch.sides[k], domestic, states[k]);
        let sides = [side(0), side(1)];
        let inverse = |j: usize| {
            Lanes([
                scratch.sides[0].inverse_engaged[j],
                scratch.sides[1].inverse_engaged[j],
            ])
        };
        let inverse_engaged = [inverse(0), inverse(1)];
        Some(StaticArenas {
            scratch,
            domestic,
            states,
            gamma,
            lanes: StaticLanes::of(&sides, inverse_engaged),
            sides,
        })
    }

    /// What the round loop holds of side `side` (of state `state`).
    fn held(side: &SideScratch, domestic: &Domestic, state: usize) -> StaticSide {
        let window = side.prefix.window(side.last_median.get());
        StaticSide {
            fixed: side.fixed,
            rates: side.rates,
            median: window.actor,
            window,
            next_change: side.next_change(domestic, state),
        }
    }

    /// What each side's arena does in round `round` at the levels `pis`:
    /// both sides' effects at once in lanes (side by side when a side has
    /// no engaged weight), then each side's median.
    #[inline(always)]
    pub(super) fn step(&mut self, round: u32, pis: [Politicization; 2]) -> [Pressure; 2] {
        for k in 0..2 {
            if round >= self.sides[k].next_change {
                self.transition(k, round);
            }
        }
        // `politicization_factor` in lanes.
        let pi = Lanes(pis.map(Politicization::value));
        let g = Lanes::splat(1.0) + Lanes::splat(self.gamma) * pi * pi;
        let effects = match self.lanes.press(g) {
            Some(effects) => effects,
            None => [self.press_alone(0, g.0[0]), self.press_alone(1, g.0[1])],
        };
        // `static_median` with the sums of all in lanes and the test of
        // last round's median held by value.
        let totals = self.lanes.top_policy + g * self.lanes.top_political;
        let mut pressure = |k: usize| {
            let total = totals.0[k];
            let position = if !positive_and_finite(total) {
                f64::NAN
            } else if let Some(position) = self.sides[k].window.position(g.0[k], total) {
                position
            } else {
                self.move_median(k, g.0[k], total)
            };
            Pressure {
                effects: effects[k],
                kappa_factor: 1.0,
                position,
            }
        };
        [pressure(0), pressure(1)]
    }

    /// Side `k`'s median at `g` (its weights summing to `total`) when it
    /// moved from last round's actor: the search, and the new window.
    #[cold]
    #[inline(never)]
    fn move_median(&mut self, k: usize, g: f64, total: f64) -> f64 {
        let prefix = &self.scratch.sides[k].prefix;
        let held = &mut self.sides[k];
        let position = prefix.search(g, total, &mut held.median);
        held.window = prefix.window(held.median);
        position
    }

    /// Side `k`'s effects at `g` by [`press_static`], for a round in which
    /// a side has no engaged weight (neutral effects, nothing added).
    #[cold]
    #[inline(never)]
    fn press_alone(&mut self, k: usize, g: f64) -> ArenaEffects {
        let lanes = &mut self.lanes.inverse_engaged;
        let mut inverse_engaged = [lanes[0].0[k], lanes[1].0[k]];
        let held = &self.sides[k];
        let effects = press_static(&held.fixed, &held.rates, g, &mut inverse_engaged);
        (lanes[0].0[k], lanes[1].0[k]) = (inverse_engaged[0], inverse_engaged[1]);
        effects
    }

    /// Enters side `k`'s access periods that begin by round `round`.
    #[cold]
    #[inline(never)]
    fn transition(&mut self, k: usize, round: u32) {
        self.write_back(k);
        let side = &mut self.scratch.sides[k];
        side.advance(self.domestic, self.states[k], round);
        self.sides[k] = StaticArenas::held(side, self.domestic, self.states[k]);
        let mut inverse_engaged = self.lanes.inverse_engaged;
        inverse_engaged[0].0[k] = side.inverse_engaged[0];
        inverse_engaged[1].0[k] = side.inverse_engaged[1];
        self.lanes = StaticLanes::of(&self.sides, inverse_engaged);
    }

    /// Writes side `k`'s held sums back into the scratch.
    fn write_back(&mut self, k: usize) {
        let side = &mut self.scratch.sides[k];
        let inverse = &self.lanes.inverse_engaged;
        side.inverse_engaged = [inverse[0].0[k], inverse[1].0[k]];
        side.last_median.set(self.sides[k].median);
    }

    /// Writes the held sums back, for [`Scratch::finish`].
    pub(super) fn finish(mut self) {
        self.write_back(0);
        self.write_back(1);
    }
}
