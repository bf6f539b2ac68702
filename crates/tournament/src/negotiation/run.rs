//! Negotiate, ratify and play: [`negotiate`] runs every repetition of
//! every pair; at elections the arenas change and the agreement is kept,
//! renegotiated or withdrawn from.

use rand::{RngExt, SeedableRng};
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Agreement, EstimateNoise, Horizon, HorizonKind, Instruments, ParameterError, Protocol,
    TwoLevelGame, WinSet, Zone, involuntary_defection_probability, proposal_probability, propose,
};

use super::ledger::{Ledger, Levers};
use super::{
    NegotiatingState, NegotiationConfig, NegotiationRun, PairNegotiation, Rate, Withdrawal,
};
use crate::play::{
    InstrumentRecord, MatchBuffers, MatchConfig, PlayerTotals, geometric_length, play_match_under,
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
///    (share, compliance cost `psi`, each state's side payment paid in
///    each round of mutual cooperation), and each state's sanction hits
///    its partner in the round after each of the partner's defections,
///    in play: through the match engine's instruments
///    ([`play_match_under`]), so it enters every currency and the payoffs
///    the strategies see (what the last round triggers is never paid;
///    the totals are in [`NegotiationRun::instruments`]); without one
///    they play the status quo, the config's game, with no side payment and
///    no sanction. The match draws from the same RNG, after the estimate.
/// 4. When the match has an election cycle and a state has successor
///    arenas ([`NegotiatingState::with_successors`]), the match is played
///    term by term (its length drawn first for a continuation horizon;
///    each term a match of its own, so strategies start afresh with each
///    new government). At each election the new arenas give new win-sets:
///    an agreement whose share both still ratify stays; otherwise A
///    proposes anew (renegotiation) and, if that fails, the state whose
///    new win-set excludes the share withdraws. Without an agreement in
///    force the states negotiate again (a withdrawn state may rejoin).
///
/// 5. When the negotiators hoard their bargaining chips
///    ([`NegotiatingState::with_hoarding`]), a ratified first agreement
///    takes effect only after the sum of their hoarding rounds: the states
///    play the status quo meanwhile (a match of its own: strategies start
///    afresh when the agreement takes effect), and the agreement is lost
///    when the delay outlasts the match (its length drawn first for a
///    continuation horizon). The run reports the delay and the loss.
///    Without hoarding nothing changes, draw for draw.
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
        let mut play = Play {
            pair: &mut *pair,
            config,
            levers: &levers,
            buffers: &mut *buffers,
            totals: [PlayerTotals::default(); 2],
            ledger: Ledger::empty(),
            instruments: InstrumentRecord::default(),
            turns: 0,
            agreement_rounds: 0,
        };
        let mut in_force = first.agreed();
        let mut renegotiations = 0;
        let mut withdrawal = None;
        // The rounds of hoarding still to sit out before the first
        // agreement takes effect.
        let delay = if in_force.is_some() { hoarding } else { 0 };
        let mut pending = delay;
        match terms {
            None if pending == 0 => play.segment(in_force, None, &mut rng)?,
            None => {
                let total = match_length(&config.play, &mut rng);
                play.delayed(in_force, &mut pending, total, &mut rng)?;
            }
            Some(term) => {
                let total = match_length(&config.play, &mut rng);
                let mut k = 0;
                while play.turns < total {
                    if k > 0 {
                        let ws = win_sets_in_term(play.pair, k);
                        match in_force {
                            Some(z) if ws[0].accepts(z) && ws[1].leaves(z) => {}
                            Some(z) => {
                                let again = table.attempt(ws, &mut rng);
                                in_force = again.agreed();
                                if in_force.is_some() {
                                    renegotiations += 1;
                                } else if withdrawal.is_none() {
                                    withdrawal = Some(Withdrawal {
                                        state: usize::from(ws[0].accepts(z)),
                                        round: play.turns,
                                    });
                                }
                            }
                            None => in_force = table.attempt(ws, &mut rng).agreed(),
                        }
                    }
                    let length = term.min(total - play.turns);
                    play.delayed(in_force, &mut pending, length, &mut rng)?;
                    k += 1;
                }
            }
        }
        let Play {
            totals,
            ledger,
            instruments,
            turns,
            agreement_rounds,
            ..
        } = play;
        let cooperations = totals[0].cooperations + totals[1].cooperations;
        // The hoarding outlasted the match: the agreement never took effect.
        let lost = delay > 0 && agreement_rounds == 0;
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
            final_share: in_force.filter(|_| !lost),
            renegotiations,
            withdrawal,
            delay: delay - pending,
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

/// The play of one repetition, segment by segment, and what it summed.
struct Play<'a> {
    pair: &'a mut [NegotiatingState; 2],
    config: &'a NegotiationConfig,
    levers: &'a Levers,
    buffers: &'a mut MatchBuffers,
    totals: [PlayerTotals; 2],
    ledger: Ledger,
    instruments: InstrumentRecord,
    turns: u32,
    agreement_rounds: u32,
}

impl Play<'_> {
    /// Plays one segment under the agreement `in_force` (the status quo
    /// without one): the config's match when `length` is `None`, a match
    /// of `length` rounds otherwise.
    fn segment(
        &mut self,
        in_force: Option<f64>,
        length: Option<u32>,
        rng: &mut dyn Rng,
    ) -> Result<(), ParameterError> {
        let base = &self.config.play;
        let game = match in_force {
            Some(z) => Agreement::new(z, self.config.compliance_cost)?
                .with_side_payments(self.levers.carrots)
                .game(base.game())?,
            None => *base.game(),
        };
        let play = match (in_force, length) {
            (None, None) => *base,
            (Some(_), None) => base.with_game(game)?,
            (_, Some(length)) => segment_config(base, game, length)?,
        };
        let [a, b] = &mut *self.pair;
        let settings = [*a.settings(), *b.settings()];
        // Under an agreement each state's sanction is an instrument of the
        // match, before the strategy's own. A sanction of zero is none, so
        // the strategy's own instruments apply as without an agreement,
        // bit for bit.
        let outside = match in_force {
            Some(_) => self.levers.sticks.map(|stick| Instruments {
                carrot: None,
                stick: Some(stick).filter(|s| !s.is_none()),
            }),
            None => [Instruments::NONE; 2],
        };
        let (result, instruments) = play_match_under(
            &play,
            [a.strategy_mut(), b.strategy_mut()],
            &settings,
            self.buffers,
            rng,
            outside,
        );
        self.instruments.add(&instruments);
        let ledger = Ledger::of(self.buffers, in_force.map(|_| self.levers));
        // The sums start at +0.0, so adding the first segment to them
        // keeps its bits.
        for (total, part) in self.totals.iter_mut().zip(result.players) {
            total.utility += part.utility;
            total.policy += part.policy;
            total.political += part.political;
            total.cooperations += part.cooperations;
        }
        self.ledger.add(&ledger);
        if in_force.is_some() {
            self.agreement_rounds += result.turns;
        }
        self.turns += result.turns;
        Ok(())
    }
}

impl Play<'_> {
    /// Plays `length` rounds under the agreement `in_force`, of which the
    /// first `pending` (at most `length`, none without an agreement) are
    /// still the status quo while the negotiators hoard their chips;
    /// `pending` is reduced by the rounds sat out. With nothing pending
    /// this is one segment of `length` rounds, as without hoarding.
    fn delayed(
        &mut self,
        in_force: Option<f64>,
        pending: &mut u32,
        length: u32,
        rng: &mut dyn Rng,
    ) -> Result<(), ParameterError> {
        let quo = if in_force.is_some() {
            (*pending).min(length)
        } else {
            0
        };
        if quo > 0 {
            self.segment(None, Some(quo), rng)?;
            *pending -= quo;
        }
        if length > quo {
            self.segment(in_force, Some(length - quo), rng)?;
        }
        Ok(())
    }
}

/// The config's match (noise, politics, elections, known length) over a
/// fixed `length` with `game`.
fn segment_config(
    base: &MatchConfig,
    game: TwoLevelGame,
    length: u32,
) -> Result<MatchConfig, ParameterError> {
    Ok(MatchConfig::new(game, Horizon::fixed(length)?)?
        .with_action_noise(base.action_noise())?
        .with_perception_noise(base.perception_noise())?
        .with_politics(*base.politics())
        .with_election(base.election().copied())
        .with_length_known(base.length_known()))
}
