//! What a match with domestic arenas precomputes once (each side's actors
//! as flat arrays, the webs that touch the match, each budget's plan) and
//! computes each round: the influence weights, the webs' pooling, the
//! channels' effects and the domestic position (`docs/actors.md`).
//!
//! Everything lives in buffers that are cleared and refilled per match,
//! so that a round allocates nothing.

use twolevel_game::actors::{
    ArenaEffects, ArenaRates, Budget, ChannelSet, ChannelSums, MedianOrder, SpendingCalendar,
    SpendingMoment, SpendingPlan, epistemic_factor, politicization_factor, pool,
};

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
    /// What each actor spent this round.
    pub(super) spent: Vec<f64>,
    /// Each actor's influence weight `v_k` this round.
    raw: Vec<f64>,
    /// Each actor's pooled weight `w_k` this round.
    pub(super) effective: Vec<f64>,
    order: MedianOrder,
    rates: ArenaRates,
    /// The access by kind this round, and the next transition.
    access: [f64; 3],
    next_transition: usize,
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
    /// Whether it has a member in each side's state.
    home: [bool; 2],
    /// This round, from the side being computed: the pooled weight and
    /// the factor `V_C / S` on each member's weight.
    pooled: f64,
    multiplier: f64,
}

/// Everything a match with arenas keeps between rounds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scratch {
    pub(super) sides: [SideScratch; 2],
    members: Vec<Member>,
    webs: Vec<Web>,
    /// Histories for matches played by `play_match` for a record whose
    /// caller's buffers keep only a window.
    pub(super) whole: MatchBuffers,
}

/// What one side's arena does in a round.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pressure {
    pub(super) effects: ArenaEffects,
    pub(super) kappa_factor: f64,
    /// The weight engaged, `D_i`.
    pub(super) engaged: f64,
    /// The domestic position, NaN if none.
    pub(super) position: f64,
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
            for (k, side) in self.sides.iter_mut().enumerate() {
                for member in &self.members[start..] {
                    if let Seat::Own(a) = member.seats[k] {
                        side.web[a] = web;
                    }
                }
            }
            self.webs.push(Web {
                start,
                end: self.members.len(),
                phi: coalition.phi(),
                epistemic: coalition.epistemic(),
                home,
                pooled: 0.0,
                multiplier: 1.0,
            });
        }
    }

    /// Each side's influence weights in round `t`, after its actors spent
    /// what their rules say at `moments[k]`, at the politicization levels
    /// `pis` with the game's `gamma`.
    #[inline]
    pub(super) fn weigh(
        &mut self,
        domestic: &Domestic,
        states: [usize; 2],
        moments: &[SpendingMoment; 2],
        gamma: f64,
    ) {
        for (k, side) in self.sides.iter_mut().enumerate() {
            if side.has_arena {
                side.weigh(domestic, states[k], &moments[k], gamma);
            }
        }
    }

    /// What side `k`'s arena does in round `t` (after [`Scratch::weigh`]).
    #[inline]
    pub(super) fn press(&mut self, domestic: &Domestic, k: usize, t: u32) -> Pressure {
        // The webs' pooling, seen from side k.
        for web in self.webs.iter_mut() {
            if !web.home[k] {
                continue;
            }
            let (mut sum, mut max) = (0.0, 0.0_f64);
            for member in &self.members[web.start..web.end] {
                let v = seat_weight(&self.sides, k, member, domestic, t);
                sum += v;
                max = max.max(v);
            }
            web.pooled = pool(sum, max, web.phi);
            web.multiplier = if sum > 0.0 { web.pooled / sum } else { 1.0 };
        }
        let own = &mut self.sides[k];
        let mut sums = ChannelSums::default();
        let mut arena_weight = 0.0;
        for a in 0..own.raw.len() {
            let v = own.raw[a];
            arena_weight += v;
            let w = match own.web[a] {
                NO_WEB => v,
                web => v * self.webs[web].multiplier,
            };
            own.effective[a] = w;
            sums.add_domestic(w, own.position[a], own.channels[a]);
        }
        let sovereignty = own.rates.sovereignty;
        let mut kappa_factor = 1.0;
        for web in &self.webs {
            if !web.home[k] {
                continue;
            }
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
            if let Some(consensus) = web.epistemic {
                kappa_factor *= epistemic_factor(consensus, web.pooled, arena_weight);
            }
        }
        let own = &self.sides[k];
        Pressure {
            effects: sums.effects(&own.rates),
            kappa_factor,
            engaged: sums.total,
            position: own
                .order
                .median(&own.position, &own.raw)
                .unwrap_or(f64::NAN),
        }
    }
}

/// A member's weight this round seen from side `k`.
#[inline]
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
        self.base.clear();
        self.kind.clear();
        self.political.clear();
        self.position.clear();
        self.salience.clear();
        self.channels.clear();
        self.web.clear();
        self.plan.clear();
        self.remaining.clear();
        self.spent.clear();
        self.raw.clear();
        self.effective.clear();
        self.next_transition = 0;
        let Some(arena) = domestic.arena(state) else {
            self.has_arena = false;
            self.order.reset(&[]);
            return;
        };
        self.has_arena = true;
        self.rates = *arena.rates();
        self.access = arena.access().by_kind();
        for actor in arena.actors() {
            let (base, plan, remaining) = match &actor.budget {
                None => (actor.capability * actor.salience, None, 0.0),
                Some(budget) => (
                    actor.salience,
                    Some(SpendingPlan::new(budget, calendar)),
                    budget.total,
                ),
            };
            self.base.push(base);
            self.kind.push(actor.kind.index());
            self.political.push(actor.is_political());
            self.position.push(actor.position);
            self.salience.push(actor.salience);
            self.channels.push(ChannelSet::of(&actor.channels));
            self.web.push(NO_WEB);
            self.plan.push(plan);
            self.remaining.push(remaining);
        }
        let n = arena.actors().len();
        self.spent.resize(n, 0.0);
        self.raw.resize(n, 0.0);
        self.effective.resize(n, 0.0);
        self.order.reset(&self.position);
    }

    /// The influence weights in round `moment.round`, after spending.
    #[inline]
    fn weigh(&mut self, domestic: &Domestic, state: usize, moment: &SpendingMoment, gamma: f64) {
        if let Some(arena) = domestic.arena(state) {
            let transitions = arena.transitions();
            while let Some(change) = transitions.get(self.next_transition) {
                if change.round > moment.round {
                    break;
                }
                self.access = change.access.by_kind();
                self.next_transition += 1;
            }
        }
        let factor = politicization_factor(gamma, moment.pi);
        for a in 0..self.base.len() {
            let capability_share = match &self.plan[a] {
                None => self.base[a],
                Some(plan) => {
                    let spent = plan.spend(moment, self.remaining[a]);
                    self.remaining[a] -= spent;
                    self.spent[a] = spent;
                    spent * self.base[a]
                }
            };
            let v = self.access[self.kind[a]] * capability_share;
            self.raw[a] = if self.political[a] { v * factor } else { v };
        }
    }
}
