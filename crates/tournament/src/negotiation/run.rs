//! Negotiate, ratify and play: [`negotiate`] runs every repetition of
//! every pair; at elections the arenas change and the agreement is kept,
//! renegotiated or withdrawn from.

use rand::{RngExt, SeedableRng};
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Agreement, EstimateNoise, HorizonKind, Instruments, ParameterError, Protocol, TwoLevelGame,
    WinSet, Zone, involuntary_defection_probability, proposal_probability, propose,
};

use super::ledger::{Ledger, Levers};
use super::{
    NegotiatingState, NegotiationConfig, NegotiationRun, PairNegotiation, Rate, Withdrawal,
};
use crate::play::{
    GameSwitch, InstrumentRecord, MatchBuffers, MatchConfig, PlayerTotals, geometric_length,
    play_match_scheduled, play_match_under,
};
use crate::seeding::derive_seed;

/// Negotiates, ratifies and plays every pair `config.repetitions()` times.
///
/// Per pair, the true win-sets are those of each state's ratifiers under
/// the partner's leverage. Per repetition `r` of pair `p`, with the RNG
/// [`derive_seed`]`(seed, [p, r])`:
///
/// 1. A sees B's reservation with B's noise (one uniform draw, only when
///    the noise is above 0) and proposes the constrained share of the
///    protocol in the zone it sees; no proposal when that zone (or either
///    true win-set) is empty.
/// 2. A ratifies its own proposal; B ratifies iff the proposal lies in
///    its true win-set. A proposal B rejects is an involuntary defection.
/// 3. Under a ratified agreement the states play the agreement's game
///    (share, compliance cost `psi`), and each state's side payment and
///    sanction are instruments of the match engine ([`play_match_under`]):
///    a side payment is paid in the round after each of the partner's
///    cooperations (`t` from the payer, `eta t` to the partner), a
///    sanction hits the partner in the round after each of its
///    defections, in every currency and in the payoffs the strategies see
///    (what the last round triggers is never paid; the totals are in
///    [`NegotiationRun::instruments`]); without one they play the status
///    quo, the config's game, with no side payment and no sanction. The
///    match draws from the same RNG, after the estimate.
/// 4. When the match has an election cycle and a state has successor
///    arenas ([`NegotiatingState::with_successors`]), the match's length
///    is drawn first (for a continuation horizon) and the agreements are
///    charted term by term: at each election the new arenas give new
///    win-sets; an agreement whose share both still ratify stays;
///    otherwise A proposes anew (renegotiation) and, if that fails, the
///    state whose new win-set excludes the share withdraws. Without an
///    agreement in force the states negotiate again (a withdrawn state
///    may rejoin). The term after an election is played in the same
///    match: the strategies keep their state and history, the
///    politicization levels run on, and the game switches at the
///    election round to the renegotiated agreement's game (or the status
///    quo's after a withdrawal).
/// 5. When the negotiators hoard their bargaining chips
///    ([`NegotiatingState::with_hoarding`]), every ratified agreement (the
///    first, a renegotiated one, one reached after a withdrawal) takes
///    effect only after the sum of their hoarding rounds, the status quo
///    played meanwhile in the same match; an agreement is lost when the
///    delay outlasts the match (its length drawn first for a
///    continuation horizon). The run reports the rounds of delay and
///    whether no agreement ever took effect. Without hoarding and without
///    new arenas nothing changes, draw for draw.
///
/// Fails (naming the field) when a protocol's discount factors or an
/// agreement's payoffs are invalid.
pub fn negotiate(
    pairs: &mut [[NegotiatingState; 2]],
    config: &NegotiationConfig,
) -> Result<Vec<PairNegotiation>, ParameterError> {
    let mut buffers = MatchBuffers::new();
    let mut out = Vec::with_capacity(pairs.len());
    for (p, pair) in pairs.iter_mut().enumerate() {
        out.push(negotiate_pair(p, pair, config, &mut buffers)?);
    }
    Ok(out)
}

/// What one attempt at an agreement gave.
#[derive(Clone, Copy, Debug)]
struct Attempt {
    /// A's estimate of B's reservation, when B's win-set is not empty.
    seen: Option<f64>,
    /// A's proposal, when it saw an open zone.
    share: Option<f64>,
    /// Both states ratified the proposal.
    ratified: bool,
}

impl Attempt {
    /// The share in force after this attempt.
    fn agreed(&self) -> Option<f64> {
        self.share.filter(|_| self.ratified)
    }
}

/// What a pair negotiates with: the protocol's unconstrained share and
/// the noise of A's estimate of B's reservation.
#[derive(Clone, Copy, Debug)]
struct Table {
    z_u: f64,
    noise: EstimateNoise,
}

impl Table {
    /// A proposes on its estimate of B's reservation; both ratify or not.
    fn attempt(&self, win_sets: [WinSet; 2], rng: &mut dyn Rng) -> Attempt {
        let seen = win_sets[1].reservation().map(|r_b| {
            if self.noise.value() > 0.0 {
                self.noise.estimate(r_b, rng.random::<f64>())
            } else {
                r_b
            }
        });
        let share = match (win_sets[0], seen) {
            (WinSet::From(_), Some(seen)) => propose(self.z_u, win_sets[0], seen),
            _ => None,
        };
        let ratified = share.is_some_and(|z| win_sets[0].accepts(z) && win_sets[1].leaves(z));
        Attempt {
            seen,
            share,
            ratified,
        }
    }
}

/// Every repetition of pair `p`.
fn negotiate_pair(
    p: usize,
    pair: &mut [NegotiatingState; 2],
    config: &NegotiationConfig,
    buffers: &mut MatchBuffers,
) -> Result<PairNegotiation, ParameterError> {
    let protocol: Protocol = config
        .bargaining
        .protocol([pair[0].discount(), pair[1].discount()])?;
    let table = Table {
        z_u: protocol.unconstrained_share(),
        noise: pair[1].noise(),
    };
    let win_sets = win_sets_in_term(pair, 0);
    let zone = Zone::new(win_sets[0], win_sets[1]);
    let [closed_proposal, closed_failure] = match (win_sets[0], win_sets[1]) {
        (WinSet::From(r_a), WinSet::From(r_b)) => [
            proposal_probability(r_a, r_b, table.noise),
            involuntary_defection_probability(table.z_u, r_a, r_b, table.noise),
        ],
        _ => [0.0, 0.0],
    };
    let levers = Levers {
        carrots: [*pair[0].carrot(), *pair[1].carrot()],
        sticks: [*pair[0].stick(), *pair[1].stick()],
    };
    let terms = config
        .play
        .election()
        .map(|e| e.term())
        .filter(|_| pair.iter().any(NegotiatingState::has_successors));
    let hoarding = pair[0].hoarding().saturating_add(pair[1].hoarding());
    let mut runs = Vec::with_capacity(config.repetitions as usize);
    for r in 0..config.repetitions {
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(config.seed, &[p as u64, u64::from(r)]));
        let first = table.attempt(win_sets, &mut rng);
        let agreed = first.agreed();
        let (course, played) = if terms.is_none() && (hoarding == 0 || agreed.is_none()) {
            // One agreement (or none) over the whole match, its length
            // drawn by the match engine: as before elections and
            // hoarding were built, draw for draw.
            let course = Course::steady(agreed);
            let played = play(
                pair,
                config,
                &levers,
                buffers,
                &course.regimes,
                None,
                &mut rng,
            )?;
            (course, played)
        } else {
            let total = match_length(&config.play, &mut rng);
            let mut course = Course::steady(None);
            let chart = Chart {
                pair,
                table: &table,
                first: agreed,
                terms,
                hoarding,
                total,
            };
            course.chart(&chart, &mut rng);
            let regimes = &course.regimes;
            let played = play(
                pair,
                config,
                &levers,
                buffers,
                regimes,
                Some(total),
                &mut rng,
            )?;
            (course, played)
        };
        let Played {
            totals,
            ledger,
            instruments,
            turns,
            agreement_rounds,
        } = played;
        let cooperations = totals[0].cooperations + totals[1].cooperations;
        // The hoarding outlasted the match: no agreement ever took effect.
        let lost = hoarding > 0 && first.ratified && agreement_rounds == 0;
        runs.push(NegotiationRun {
            reached: first.share.is_some(),
            ratified: first.ratified,
            share: first.share,
            seen_reservation: first.seen,
            turns,
            cooperation: f64::from(cooperations) / (2.0 * f64::from(turns)),
            compliance: (agreement_rounds > 0)
                .then(|| f64::from(ledger.compliant) / f64::from(agreement_rounds)),
            totals,
            side_payments: ledger.side_payments,
            sanctions: ledger.sanctions,
            instruments,
            final_share: course.final_share(),
            renegotiations: course.renegotiations,
            withdrawal: course.withdrawal,
            delay: course.delay,
            lost,
        });
    }
    Ok(PairNegotiation {
        names: [
            pair[0].strategy_name().to_owned(),
            pair[1].strategy_name().to_owned(),
        ],
        reservations: win_sets.map(WinSet::reservation),
        zone_open: zone.is_open(),
        unconstrained_share: table.z_u,
        constrained_share: protocol.constrained_share(&zone),
        proposal_probability: closed_proposal,
        failure_probability: closed_failure,
        reached: Rate::of(runs.iter().map(|r| r.reached)),
        ratified: Rate::of(runs.iter().map(|r| r.ratified)),
        failed: Rate::of(runs.iter().map(NegotiationRun::involuntary_defection)),
        runs,
    })
}

/// What a repetition's agreements do over its match, and from which
/// round.
struct Course {
    /// Each regime and the round from which it holds, in order, the first
    /// at round 0: the share of the agreement in effect, `None` for the
    /// status quo. Consecutive entries differ.
    regimes: Vec<(u32, Option<f64>)>,
    /// The renegotiations ratified at elections.
    renegotiations: u32,
    /// The first withdrawal.
    withdrawal: Option<Withdrawal>,
    /// The rounds of the status quo played while ratified agreements
    /// waited out the negotiators' hoarding.
    delay: u32,
}

/// What [`Course::chart`] reads: the pair, its table, the first
/// attempt's agreement, the election term (when a state's arena changes
/// at elections), the rounds of hoarding and the match's length.
struct Chart<'a> {
    pair: &'a [NegotiatingState; 2],
    table: &'a Table,
    first: Option<f64>,
    terms: Option<u32>,
    hoarding: u32,
    total: u32,
}

impl Course {
    /// One regime over the whole match.
    fn steady(share: Option<f64>) -> Self {
        Course {
            regimes: vec![(0, share)],
            renegotiations: 0,
            withdrawal: None,
            delay: 0,
        }
    }

    /// Adds the regime `share` from round `round` on, unless it is the
    /// one in effect; one that would have held for no round is replaced.
    fn enter(&mut self, round: u32, share: Option<f64>) {
        if let Some(last) = self.regimes.last_mut()
            && last.0 == round
        {
            last.1 = share;
            let len = self.regimes.len();
            if len > 1 && self.regimes[len - 2].1 == share {
                self.regimes.pop();
            }
        } else if self.regimes.last().is_none_or(|last| last.1 != share) {
            self.regimes.push((round, share));
        }
    }

    /// Charts the match term by term (one term without elections). Each
    /// ratified agreement takes effect after the negotiators' hoarding
    /// (the status quo meanwhile), the first and every later one alike.
    /// At each election the new arenas give new win-sets: an agreement
    /// (in effect or still waiting) whose share both still ratify stays,
    /// on its own clock; otherwise A proposes anew (a renegotiation when
    /// ratified) and, if that fails, the state whose new win-set excludes
    /// the share withdraws. Without an agreement the states negotiate
    /// again. The attempts draw from `rng` in the order of the elections.
    fn chart(&mut self, chart: &Chart<'_>, rng: &mut dyn Rng) {
        let Chart {
            pair,
            table,
            first,
            terms,
            hoarding,
            total,
        } = *chart;
        let mut share = first;
        // The round from which `share` takes effect.
        let mut from = hoarding;
        let (mut start, mut k) = (0_u32, 0_usize);
        loop {
            let end = terms.map_or(total, |term| start.saturating_add(term).min(total));
            match share {
                Some(z) if from <= start => self.enter(start, Some(z)),
                Some(z) => {
                    self.enter(start, None);
                    self.delay += from.min(end) - start;
                    if from < end {
                        self.enter(from, Some(z));
                    }
                }
                None => self.enter(start, None),
            }
            if end >= total {
                break;
            }
            (start, k) = (end, k + 1);
            let ws = win_sets_in_term(pair, k);
            match share {
                Some(z) if ws[0].accepts(z) && ws[1].leaves(z) => {}
                Some(z) => {
                    share = table.attempt(ws, rng).agreed();
                    if share.is_some() {
                        self.renegotiations += 1;
                        from = start.saturating_add(hoarding);
                    } else if self.withdrawal.is_none() {
                        self.withdrawal = Some(Withdrawal {
                            state: usize::from(ws[0].accepts(z)),
                            round: start,
                        });
                    }
                }
                None => {
                    share = table.attempt(ws, rng).agreed();
                    from = start.saturating_add(hoarding);
                }
            }
        }
    }

    /// The share of the agreement in effect in the match's last round.
    fn final_share(&self) -> Option<f64> {
        self.regimes.last().and_then(|&(_, share)| share)
    }
}

/// The length of a match played as `play` says: its turns for a fixed
/// horizon, one geometric draw from `rng` for a continuation horizon.
fn match_length(play: &MatchConfig, rng: &mut dyn Rng) -> u32 {
    match play.horizon().kind() {
        HorizonKind::Fixed { turns } => turns,
        HorizonKind::Continuation { delta } => geometric_length(delta, rng.random::<f64>()),
    }
}

/// Both states' win-sets in term `k` (0 before the first election), each
/// under the partner's leverage.
fn win_sets_in_term(pair: &[NegotiatingState; 2], k: usize) -> [WinSet; 2] {
    [
        pair[0].win_set_in_term(k, pair[1].leverage()),
        pair[1].win_set_in_term(k, pair[0].leverage()),
    ]
}

/// What the play of one repetition summed.
struct Played {
    totals: [PlayerTotals; 2],
    ledger: Ledger,
    instruments: InstrumentRecord,
    turns: u32,
    agreement_rounds: u32,
}

/// Plays one repetition's match: one match, in which each of the
/// `regimes` of [`Course`] holds from its round on. Under an agreement
/// the states play its game (share, compliance cost `psi`), and each
/// state's side payment and sanction are instruments of the match, before
/// the strategy's own (a lever of zero is none, so the strategy's own
/// instruments apply as without an agreement, bit for bit); under the
/// status quo the config's game, with no lever. The strategies, the
/// levels and the calendar run on across a change of regime. The match
/// is `total` rounds long or, when `None` (one regime), as long as the
/// config's match draws it.
fn play(
    pair: &mut [NegotiatingState; 2],
    config: &NegotiationConfig,
    levers: &Levers,
    buffers: &mut MatchBuffers,
    regimes: &[(u32, Option<f64>)],
    total: Option<u32>,
    rng: &mut dyn Rng,
) -> Result<Played, ParameterError> {
    let base = &config.play;
    let regime = |share: Option<f64>| -> Result<(TwoLevelGame, [Instruments; 2]), ParameterError> {
        Ok(match share {
            Some(z) => (
                Agreement::new(z, config.compliance_cost)?.game(base.game())?,
                [0, 1].map(|k| Instruments {
                    carrot: Some(levers.carrots[k]).filter(|c| !c.is_none()),
                    stick: Some(levers.sticks[k]).filter(|s| !s.is_none()),
                }),
            ),
            None => (*base.game(), [Instruments::NONE; 2]),
        })
    };
    let first = regimes.first().and_then(|&(_, share)| share);
    let (game, outside) = regime(first)?;
    let match_config = match first {
        Some(_) => base.with_game(game)?,
        None => *base,
    };
    let [a, b] = pair;
    let settings = [*a.settings(), *b.settings()];
    let players = [a.strategy_mut(), b.strategy_mut()];
    let (result, instruments) = match total {
        None => play_match_under(&match_config, players, &settings, buffers, rng, outside),
        Some(total) => {
            let mut schedule = Vec::with_capacity(regimes.len().saturating_sub(1));
            for &(round, share) in regimes.iter().skip(1) {
                let (game, instruments) = regime(share)?;
                schedule.push(GameSwitch {
                    round,
                    game,
                    instruments,
                });
            }
            play_match_scheduled(
                &match_config,
                players,
                &settings,
                buffers,
                rng,
                (total, outside, &schedule),
            )
        }
    };
    Ok(Played {
        totals: result.players,
        ledger: Ledger::of(buffers, levers, regimes),
        instruments,
        turns: result.turns,
        agreement_rounds: agreement_rounds(regimes, result.turns),
    })
}

/// The rounds of a match of `turns` rounds played under an agreement.
fn agreement_rounds(regimes: &[(u32, Option<f64>)], turns: u32) -> u32 {
    regimes
        .iter()
        .enumerate()
        .filter(|(_, (_, share))| share.is_some())
        .map(|(i, &(from, _))| {
            let to = regimes.get(i + 1).map_or(turns, |&(next, _)| next);
            to.min(turns).saturating_sub(from)
        })
        .sum()
}
