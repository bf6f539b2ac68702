//! Negotiate, ratify and play: [`negotiate`] runs every repetition of
//! every pair.

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Action, Agreement, Carrot, ParameterError, Stick, WinSet, involuntary_defection_probability,
    proposal_probability, propose,
};

use super::{
    NegotiatingState, NegotiationConfig, NegotiationRun, PairNegotiation, Rate, SanctionTotals,
};
use crate::play::{MatchBuffers, MatchResult, play_match};
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
///    its partner in every round after the partner defected; without one
///    they play the status quo, the config's game, with no side payment and
///    no sanction. The match draws from the same RNG, after the estimate.
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

/// Every repetition of pair `p`.
fn negotiate_pair(
    p: usize,
    pair: &mut [NegotiatingState; 2],
    config: &NegotiationConfig,
    buffers: &mut MatchBuffers,
) -> Result<PairNegotiation, ParameterError> {
    let protocol = config
        .bargaining
        .protocol([pair[0].discount(), pair[1].discount()])?;
    let z_u = protocol.unconstrained_share();
    let win_sets = [
        pair[0].win_set_under(pair[1].leverage()),
        pair[1].win_set_under(pair[0].leverage()),
    ];
    let zone = twolevel_game::Zone::new(win_sets[0], win_sets[1]);
    let noise = pair[1].noise();
    let [closed_proposal, closed_failure] = match (win_sets[0], win_sets[1]) {
        (WinSet::From(r_a), WinSet::From(r_b)) => [
            proposal_probability(r_a, r_b, noise),
            involuntary_defection_probability(z_u, r_a, r_b, noise),
        ],
        _ => [0.0, 0.0],
    };
    let levers = Levers {
        carrots: [*pair[0].carrot(), *pair[1].carrot()],
        sticks: [*pair[0].stick(), *pair[1].stick()],
    };
    let agreed_game = |z: f64| {
        Agreement::new(z, config.compliance_cost)?
            .with_side_payments(levers.carrots)
            .game(config.play.game())
    };
    let status_quo = config.play;
    let mut runs = Vec::with_capacity(config.repetitions as usize);
    for r in 0..config.repetitions {
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(config.seed, &[p as u64, u64::from(r)]));
        let seen = win_sets[1].reservation().map(|r_b| {
            if noise.value() > 0.0 {
                noise.estimate(r_b, rng.random::<f64>())
            } else {
                r_b
            }
        });
        let share = match (win_sets[0], seen) {
            (WinSet::From(_), Some(seen)) => propose(z_u, win_sets[0], seen),
            _ => None,
        };
        let ratified = share.is_some_and(|z| win_sets[0].accepts(z) && win_sets[1].leaves(z));
        let play = match share.filter(|_| ratified) {
            Some(z) => config.play.with_game(agreed_game(z)?)?,
            None => status_quo,
        };
        let [a, b] = pair;
        let settings = [*a.settings(), *b.settings()];
        let result = play_match(
            &play,
            [a.strategy_mut(), b.strategy_mut()],
            &settings,
            buffers,
            &mut rng,
        );
        let ledger = Ledger::of(buffers, ratified.then_some(&levers));
        runs.push(NegotiationRun {
            reached: share.is_some(),
            ratified,
            share,
            seen_reservation: seen,
            turns: result.turns,
            cooperation: cooperation(&result),
            compliance: ratified.then(|| ledger.compliant_rounds_share(result.turns)),
            totals: result.players,
            side_payments: ledger.side_payments,
            sanctions: ledger.sanctions,
        });
    }
    Ok(PairNegotiation {
        names: [
            pair[0].strategy_name().to_owned(),
            pair[1].strategy_name().to_owned(),
        ],
        reservations: win_sets.map(WinSet::reservation),
        zone_open: zone.is_open(),
        unconstrained_share: z_u,
        constrained_share: protocol.constrained_share(&zone),
        proposal_probability: closed_proposal,
        failure_probability: closed_failure,
        reached: Rate::of(runs.iter().map(|r| r.reached)),
        ratified: Rate::of(runs.iter().map(|r| r.ratified)),
        failed: Rate::of(runs.iter().map(NegotiationRun::involuntary_defection)),
        runs,
    })
}

/// The share of moves that were cooperations, over both states.
fn cooperation(result: &MatchResult) -> f64 {
    let cooperations = result.players[0].cooperations + result.players[1].cooperations;
    f64::from(cooperations) / (2.0 * f64::from(result.turns))
}

/// The side payments and sanctions of a pair, by payer or sanctioner.
struct Levers {
    carrots: [Carrot; 2],
    sticks: [Stick; 2],
}

/// What one pass over a match's moves counts: the rounds without a
/// defection, the side payments and the sanctions.
struct Ledger {
    compliant: u32,
    side_payments: [f64; 2],
    sanctions: [SanctionTotals; 2],
}

impl Ledger {
    /// Counts over the moves in `buffers`; side payments (each round of
    /// mutual cooperation) and sanctions (each round after the partner
    /// defected) only under an agreement with `levers`.
    fn of(buffers: &MatchBuffers, levers: Option<&Levers>) -> Self {
        let moves = [buffers.moves(0), buffers.moves(1)];
        let mut mutual = 0_u32;
        let mut after_defection = [0_u32; 2];
        for (t, (&a, &b)) in moves[0].iter().zip(moves[1]).enumerate() {
            mutual += u32::from(a == Action::C && b == Action::C);
            if t > 0 {
                for (k, count) in after_defection.iter_mut().enumerate() {
                    *count += u32::from(moves[1 - k][t - 1] == Action::D);
                }
            }
        }
        let mut ledger = Ledger {
            compliant: mutual,
            side_payments: [0.0; 2],
            sanctions: [SanctionTotals::default(); 2],
        };
        let Some(levers) = levers else {
            return ledger;
        };
        for (k, &imposed) in after_defection.iter().enumerate() {
            if !levers.carrots[k].is_none() {
                ledger.side_payments[k] = f64::from(mutual) * levers.carrots[k].transfer();
            }
            let stick = &levers.sticks[k];
            if !stick.is_none() {
                ledger.sanctions[k].imposed = imposed;
                ledger.sanctions[k].cost = f64::from(imposed) * stick.cost();
                ledger.sanctions[1 - k].suffered = f64::from(imposed) * stick.size();
            }
        }
        ledger
    }

    /// The share of `turns` rounds without a defection.
    fn compliant_rounds_share(&self, turns: u32) -> f64 {
        f64::from(self.compliant) / f64::from(turns)
    }
}
