//! The negotiation engine (`docs/model.md` sections 13 and 14): the
//! simulated rate of involuntary defection agrees with its closed form
//! within standard errors; an agreement at `z = 1/2` with `psi = 0` plays
//! today's game bit for bit; carrots and sanctions of zero change nothing
//! bit for bit; side payments and sanctions are booked as the model says,
//! the sanctions applied in play (every currency);
//! runs are reproducible from the seed; invalid input names its field.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    EstimateNoise, Orientation, PayoffMatrix, Politicization, Ratifier, Resources, Strategy,
    Threshold, TwoLevelGame,
};
use twolevel_strategies::{
    Coercer, Cooperator, Defector, Grudger, Random, Retaliation, SuspiciousTitForTat, TitForTat,
};
use twolevel_tournament::negotiation::{
    Bargaining, NegotiatingState, NegotiationConfig, PairNegotiation, negotiate,
};
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

/// A state whose only ratifier holds reservation `reservation`.
fn state(reservation: f64, strategy: Box<dyn Strategy>) -> NegotiatingState {
    NegotiatingState::new(
        vec![Ratifier::new(1.0, 1.0 - reservation).unwrap()],
        Threshold::majority(),
        0.9,
        strategy,
        PlayerSettings::POLICY,
    )
    .unwrap()
}

fn classic(turns: u32) -> MatchConfig {
    MatchConfig::classic(turns).unwrap()
}

#[test]
fn the_failure_rate_agrees_with_the_closed_form() {
    let cases = [
        // (R_A, R_B, epsilon): z^u = 1 / 1.9 (Rubinstein, 0.9 and 0.9).
        (0.2, 0.3, 0.1),  // z^u inside the zone: no failure
        (0.2, 0.6, 0.1),  // z^u above 1 - R_B: failure 1/2
        (0.55, 0.3, 0.2), // R_A raises the proposal, inside the zone: none
        (0.6, 0.5, 0.2),  // empty zone: failure (g + eps) / (2 eps) = 1/4
        (0.6, 0.5, 0.05), // empty zone, small noise: never proposed
        (0.5, 0.49, 0.3), // open zone [0.5, 0.51], z^u above its edge
    ];
    let mut pairs: Vec<[NegotiatingState; 2]> = cases
        .iter()
        .map(|&(r_a, r_b, eps)| {
            [
                state(r_a, Box::new(TitForTat)),
                state(r_b, Box::new(TitForTat)).with_noise(EstimateNoise::new(eps).unwrap()),
            ]
        })
        .collect();
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, classic(5))
        .with_repetitions(4000)
        .unwrap()
        .with_seed(23);
    let results = negotiate(&mut pairs, &config).unwrap();
    let expected = [0.0, 0.5, 0.0, 0.25, 0.0, 0.5];
    for (pair, (&closed, case)) in results.iter().zip(expected.iter().zip(&cases)) {
        assert!(
            (pair.failure_probability - closed).abs() < 1e-12,
            "{case:?}"
        );
        let failed = pair.failed;
        let reached = pair.reached;
        if closed == 0.0 || closed == 1.0 {
            assert_eq!(failed.mean, closed, "{case:?}");
        } else {
            assert!(
                (failed.mean - closed).abs() <= 4.0 * failed.standard_error,
                "{case:?}: {} +- {} vs {closed}",
                failed.mean,
                failed.standard_error
            );
        }
        let p = pair.proposal_probability;
        assert!(
            (reached.mean - p).abs() <= 4.0 * reached.standard_error + 1e-12,
            "{case:?}: reached {} vs {p}",
            reached.mean
        );
        // Every ratified agreement lies in both true win-sets.
        let [r_a, r_b] = pair.reservations.map(Option::unwrap);
        for run in pair.runs.iter().filter(|r| r.ratified) {
            let z = run.share.unwrap();
            assert!(z >= r_a && z <= 1.0 - r_b);
        }
    }
}

/// Plays one negotiation of one pair and returns its results.
fn one_pair(pair: [NegotiatingState; 2], config: &NegotiationConfig) -> PairNegotiation {
    negotiate(&mut [pair], config).unwrap().remove(0)
}

#[test]
fn an_even_agreement_without_cost_plays_todays_game_bit_for_bit() {
    let game = TwoLevelGame::default();
    let pi = Politicization::new(0.4).unwrap();
    let play = MatchConfig::new(game, twolevel_game::Horizon::fixed(60).unwrap())
        .unwrap()
        .with_politics(twolevel_game::Politics::Fixed(pi))
        .with_action_noise(0.05)
        .unwrap();
    let settings = [
        PlayerSettings::with_orientation(Orientation::new(0.3).unwrap()),
        PlayerSettings::POLICY,
    ];
    let make = || {
        [
            NegotiatingState::new(
                vec![Ratifier::new(1.0, 0.8).unwrap()],
                Threshold::majority(),
                0.9,
                Box::new(Random::new(0.7).unwrap()),
                settings[0],
            )
            .unwrap(),
            NegotiatingState::new(
                vec![Ratifier::new(1.0, 0.7).unwrap()],
                Threshold::majority(),
                0.9,
                Box::new(TitForTat),
                settings[1],
            )
            .unwrap(),
        ]
    };
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, play)
        .with_repetitions(5)
        .unwrap()
        .with_seed(7);
    let result = one_pair(make(), &config);
    let mut buffers = MatchBuffers::new();
    for (r, run) in result.runs.iter().enumerate() {
        assert!(run.ratified);
        assert_eq!(run.share, Some(0.5));
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(7, &[0, r as u64]));
        let today = play_match(
            &play,
            [&mut Random::new(0.7).unwrap(), &mut TitForTat],
            &settings,
            &mut buffers,
            &mut rng,
        );
        assert_eq!(run.turns, today.turns);
        for k in 0..2 {
            let [a, b] = [run.totals[k], today.players[k]];
            assert_eq!(a.utility.to_bits(), b.utility.to_bits());
            assert_eq!(a.policy.to_bits(), b.policy.to_bits());
            assert_eq!(a.political.to_bits(), b.political.to_bits());
            assert_eq!(a.cooperations, b.cooperations);
        }
    }
    // Carrots and sanctions of zero change nothing, bit for bit.
    let rich = Resources::new(3.0, 2.0).unwrap();
    let [a, b] = make();
    let zero = [
        a.with_resources(rich, 0.0, 0.5, 0.0, 0.4).unwrap(),
        b.with_resources(rich, 0.0, 1.0, 0.0, 0.0).unwrap(),
    ];
    let with_zero = one_pair(zero, &config);
    assert_eq!(with_zero, result);
    for (x, y) in with_zero.runs.iter().zip(&result.runs) {
        for k in 0..2 {
            assert_eq!(x.totals[k].utility.to_bits(), y.totals[k].utility.to_bits());
            assert_eq!(x.net_policy(k).to_bits(), y.net_policy(k).to_bits());
        }
    }
}

#[test]
fn side_payments_and_sanctions_are_booked() {
    let turns = 20;
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.4 }, classic(turns));
    // A pays B 0.5 a round of mutual cooperation, of which B gets 0.4.
    let rich = Resources::new(1.0, 0.0).unwrap();
    let pair = [
        state(0.1, Box::new(Cooperator))
            .with_resources(rich, 0.5, 0.8, 0.0, 0.0)
            .unwrap(),
        state(0.1, Box::new(Cooperator)),
    ];
    let run = one_pair(pair, &config).runs[0];
    assert!(run.ratified && run.share == Some(0.4));
    // The side payment is an instrument of the match: paid in the round
    // after each of B's cooperations, so 19 times in 20 rounds, in every
    // currency and in the engine's record.
    let (n, paid) = (f64::from(turns), f64::from(turns - 1));
    assert!((run.totals[0].policy - (n * 6.0 * 0.4 - paid * 0.5)).abs() < 1e-9);
    assert!((run.totals[1].policy - (n * 6.0 * 0.6 + paid * 0.4)).abs() < 1e-9);
    assert_eq!(run.side_payments, [paid * 0.5, 0.0]);
    let [payer, receiver] = run.instruments.players;
    assert_eq!((payer.carrots, receiver.carrots), (turns - 1, 0));
    assert!((payer.transfers_paid - run.side_payments[0]).abs() < 1e-12);
    assert!((receiver.transfers_received - paid * 0.4).abs() < 1e-12);
    assert_eq!((run.compliance, run.cooperation), (Some(1.0), 1.0));
    // A sanctions B's defections: s = 1 at might 4 costs 0.25 a round,
    // in every round after one in which B defected.
    let mighty = Resources::new(0.0, 4.0).unwrap();
    let pair = [
        state(0.1, Box::new(TitForTat))
            .with_resources(mighty, 0.0, 1.0, 1.0, 0.0)
            .unwrap(),
        state(0.1, Box::new(Defector)),
    ];
    let run = one_pair(pair, &config).runs[0];
    assert!(run.ratified);
    assert_eq!(run.sanctions[0].imposed, turns - 1);
    assert_eq!(run.sanctions[0].cost, f64::from(turns - 1) * 0.25);
    assert_eq!(run.sanctions[1].suffered, f64::from(turns - 1));
    assert_eq!(run.compliance, Some(0.0));
    // The sanctions are applied in play, through the match engine's
    // instruments: the record agrees with the count from the moves, and
    // the policy totals (the utility too, for policy-oriented states)
    // are those of the same agreement without a sanction, less what the
    // sanctions took and cost.
    let [sanctioner, sanctioned] = run.instruments.players;
    assert_eq!((sanctioner.sticks, sanctioned.sticks), (turns - 1, 0));
    assert_eq!(sanctioner.sanctions_imposed, f64::from(turns - 1));
    assert_eq!(sanctioner.sanction_costs, run.sanctions[0].cost);
    assert_eq!(sanctioned.sanctions_suffered, run.sanctions[1].suffered);
    assert_eq!(run.net_policy(1), run.totals[1].policy);
    let unsanctioned = [
        state(0.1, Box::new(TitForTat))
            .with_resources(mighty, 0.0, 1.0, 0.0, 0.0)
            .unwrap(),
        state(0.1, Box::new(Defector)),
    ];
    let before = one_pair(unsanctioned, &config).runs[0];
    assert_eq!(before.share, run.share);
    assert_eq!(
        before.instruments,
        twolevel_tournament::InstrumentRecord::default()
    );
    let lost = [f64::from(turns - 1) * 0.25, f64::from(turns - 1)];
    for (k, lost) in lost.into_iter().enumerate() {
        assert!((before.totals[k].policy - lost - run.totals[k].policy).abs() < 1e-9);
        assert!((before.totals[k].utility - lost - run.totals[k].utility).abs() < 1e-9);
        assert!((run.instruments.players[k].net() + lost).abs() < 1e-12);
    }
    assert_eq!(before.totals[1].cooperations, run.totals[1].cooperations);
    // Without an agreement nothing is paid or sanctioned (here B's
    // ratifiers all defy the threat, so B's win-set is empty).
    let pair = [
        state(0.8, Box::new(TitForTat))
            .with_resources(mighty, 0.0, 1.0, 1.0, 1.0)
            .unwrap(),
        state(0.8, Box::new(Defector)),
    ];
    let run = one_pair(pair, &config).runs[0];
    assert!(!run.reached && run.compliance.is_none());
    assert_eq!(run.sanctions[0].imposed, 0);
    assert!(run.instruments.is_empty());
}

#[test]
fn a_strategys_own_stick_is_kept_unless_the_agreement_sanctions() {
    let turns = 20;
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.4 }, classic(turns));
    let coercer = || Box::new(Coercer::new(0.5, 2.0, Retaliation::TitForTat).unwrap());
    let mighty = Resources::new(0.0, 4.0).unwrap();
    let pair = |sanction: f64| {
        [
            state(0.1, coercer())
                .with_resources(mighty, 0.0, 1.0, sanction, 0.0)
                .unwrap(),
            state(0.1, Box::new(Defector)),
        ]
    };
    // An agreement sanction of zero leaves the coercer's own stick (0.5
    // at might 2) in play, as the match engine plays it without an
    // agreement's instruments.
    let own = one_pair(pair(0.0), &config).runs[0];
    assert!(own.ratified);
    let [coercer_totals, _] = own.instruments.players;
    assert_eq!(coercer_totals.sticks, turns - 1);
    assert_eq!(coercer_totals.sanctions_imposed, f64::from(turns - 1) * 0.5);
    assert_eq!(coercer_totals.sanction_costs, f64::from(turns - 1) * 0.25);
    // The agreement's sanction of 1 (at might 4) replaces it.
    let agreed = one_pair(pair(1.0), &config).runs[0];
    let [coercer_totals, _] = agreed.instruments.players;
    assert_eq!(coercer_totals.sticks, turns - 1);
    assert_eq!(coercer_totals.sanctions_imposed, f64::from(turns - 1));
    assert_eq!(coercer_totals.sanction_costs, f64::from(turns - 1) * 0.25);
}

#[test]
fn side_payments_and_sanctions_open_a_closed_zone() {
    // Demands 0.6 and 0.6: no zone. A side payment of 0.3 at full
    // pass-through, or a sanction of 0.3 without defiance, lowers B's
    // reservation to 0.3 and opens it; with full defiance it closes again.
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, classic(3));
    let closed = one_pair(
        [
            state(0.6, Box::new(TitForTat)),
            state(0.6, Box::new(TitForTat)),
        ],
        &config,
    );
    assert!(!closed.zone_open && !closed.runs[0].reached);
    let resources = Resources::new(1.0, 1.0).unwrap();
    let with = |transfer, sanction, defiance| {
        one_pair(
            [
                state(0.6, Box::new(TitForTat))
                    .with_resources(resources, transfer, 1.0, sanction, defiance)
                    .unwrap(),
                state(0.6, Box::new(TitForTat)),
            ],
            &config,
        )
    };
    for opened in [with(0.3, 0.0, 0.0), with(0.0, 0.3, 0.0)] {
        assert!(opened.zone_open && opened.runs[0].ratified);
        assert!((opened.reservations[1].unwrap() - 0.3).abs() < 1e-12);
        // z^u = 1 / 1.9 is clamped up to A's reservation.
        assert_eq!(opened.runs[0].share, Some(0.6));
    }
    assert!(!with(0.0, 0.3, 1.0).zone_open);
}

#[test]
fn runs_are_reproducible_from_the_seed() {
    let make = || {
        vec![[
            state(0.3, Box::new(Random::new(0.5).unwrap())),
            state(0.5, Box::new(TitForTat)).with_noise(EstimateNoise::new(0.3).unwrap()),
        ]]
    };
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, classic(30))
        .with_repetitions(50)
        .unwrap()
        .with_seed(99);
    let first = negotiate(&mut make(), &config).unwrap();
    assert_eq!(first, negotiate(&mut make(), &config).unwrap());
    let other = negotiate(&mut make(), &config.with_seed(100)).unwrap();
    assert_ne!(first, other);
}

#[test]
fn invalid_negotiation_input_names_its_field() {
    let err = NegotiatingState::new(
        vec![Ratifier::new(0.0, 0.5).unwrap()],
        Threshold::majority(),
        0.9,
        Box::new(TitForTat),
        PlayerSettings::POLICY,
    )
    .err()
    .unwrap();
    assert_eq!(err.field, "ratifiers");
    let err = NegotiatingState::new(
        vec![Ratifier::new(1.0, 0.5).unwrap()],
        Threshold::majority(),
        1.0,
        Box::new(TitForTat),
        PlayerSettings::POLICY,
    )
    .err()
    .unwrap();
    assert_eq!(err.field, "discount");
    let poor = Resources::new(0.5, 0.0).unwrap();
    let field = |r: Result<NegotiatingState, twolevel_game::ParameterError>| r.err().unwrap().field;
    assert_eq!(
        field(state(0.5, Box::new(TitForTat)).with_resources(poor, 1.0, 1.0, 0.0, 0.0)),
        "transfer"
    );
    assert_eq!(
        field(state(0.5, Box::new(TitForTat)).with_resources(poor, 0.0, 1.0, 0.5, 0.0)),
        "might"
    );
    assert_eq!(
        field(state(0.5, Box::new(TitForTat)).with_resources(poor, 0.0, 1.0, 0.0, 2.0)),
        "defiance"
    );
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, classic(3));
    assert_eq!(config.with_repetitions(0).unwrap_err().field, "repetitions");
    assert_eq!(config.with_compliance_cost(-1.0).unwrap_err().field, "psi");
    let nash = NegotiationConfig::new(Bargaining::Nash { weight: 1.5 }, classic(3));
    let err = negotiate(
        &mut [[
            state(0.2, Box::new(TitForTat)),
            state(0.2, Box::new(TitForTat)),
        ]],
        &nash,
    )
    .unwrap_err();
    assert_eq!(err.field, "weight");
}

#[test]
fn a_government_ratifies_at_its_effective_weight() {
    let game = TwoLevelGame::classic(PayoffMatrix::AXELROD);
    let a = NegotiatingState::government(
        &game,
        Orientation::new(0.25).unwrap(),
        Politicization::NONE,
        0.9,
        Box::new(TitForTat),
        PlayerSettings::POLICY,
    )
    .unwrap();
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, classic(3));
    let result = one_pair([a, state(0.1, Box::new(TitForTat))], &config);
    assert_eq!(result.reservations[0], Some(0.25));
}

/// A match of `turns` rounds with an election every `term` rounds.
fn with_elections(turns: u32, term: u32) -> MatchConfig {
    let election = twolevel_game::ElectionCycle::new(term, 2, 0.3).unwrap();
    classic(turns).with_election(Some(election))
}

/// One ratifier with reservation `reservation`.
fn arena(reservation: f64) -> Vec<Ratifier> {
    vec![Ratifier::new(1.0, 1.0 - reservation).unwrap()]
}

#[test]
fn elections_keep_renegotiate_or_withdraw_from_the_agreement() {
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, with_elections(60, 20));
    let run_with = |successors: Vec<f64>| {
        let b = state(0.3, Box::new(TitForTat))
            .with_successors(successors.into_iter().map(arena).collect())
            .unwrap();
        one_pair([state(0.3, Box::new(TitForTat)), b], &config).runs[0]
    };
    // A new government that still ratifies 1/2 keeps the agreement.
    let kept = run_with(vec![0.45]);
    assert_eq!(
        (kept.final_share, kept.renegotiations, kept.withdrawal),
        (Some(0.5), 0, None)
    );
    assert_eq!((kept.turns, kept.compliance), (60, Some(1.0)));
    // One that demands 0.6 excludes 1/2 but leaves [0.3, 0.4]: renegotiated.
    let renegotiated = run_with(vec![0.6]);
    assert_eq!(renegotiated.share, Some(0.5));
    assert!((renegotiated.final_share.unwrap() - 0.4).abs() < 1e-12);
    assert_eq!(
        (renegotiated.renegotiations, renegotiated.withdrawal),
        (1, None)
    );
    // One that demands 0.8 leaves no zone: B withdraws at the first
    // election (round 20), and rejoins when the next government accepts.
    let withdrawn = run_with(vec![0.8]);
    assert_eq!(withdrawn.final_share, None);
    assert_eq!(
        withdrawn.withdrawal,
        Some(twolevel_tournament::negotiation::Withdrawal {
            state: 1,
            round: 20
        })
    );
    assert_eq!(withdrawn.turns, 60);
    assert_eq!(withdrawn.compliance, Some(1.0));
    let rejoined = run_with(vec![0.8, 0.3]);
    assert_eq!(rejoined.final_share, Some(0.5));
    assert_eq!(rejoined.withdrawal.map(|w| w.round), Some(20));
    // The sums run over the whole match: 40 rounds of TFT pairs under the
    // agreement's R = 3 and 20 under the status quo's R = 3.
    assert_eq!(rejoined.totals[0].policy, 180.0);
}

#[test]
fn an_election_cycle_without_new_arenas_plays_one_match() {
    let play = with_elections(40, 10).with_action_noise(0.1).unwrap();
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, play)
        .with_repetitions(3)
        .unwrap()
        .with_seed(5);
    let result = one_pair(
        [
            state(0.2, Box::new(TitForTat)),
            state(0.2, Box::new(TitForTat)),
        ],
        &config,
    );
    let mut buffers = MatchBuffers::new();
    for (r, run) in result.runs.iter().enumerate() {
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(5, &[0, r as u64]));
        let today = play_match(
            &play,
            [&mut TitForTat, &mut TitForTat],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut rng,
        );
        assert_eq!(run.totals, today.players);
        assert_eq!(run.renegotiations, 0);
    }
    // New arenas need weight.
    let err = state(0.2, Box::new(TitForTat))
        .with_successors(vec![arena(0.3), vec![Ratifier::new(0.0, 0.5).unwrap()]])
        .err()
        .unwrap();
    assert_eq!(err.field, "successors[1]");
}

#[test]
fn a_lopsided_deal_is_ratified_yet_fails_in_play() {
    // Two prudent reciprocators (tit for tat while their own grim threshold
    // allows) with delta_i = 0.9 * (1 - 1/200). Under the even deal the
    // threshold is (5 - 3) / 4 = 0.5; A's share 0.2 gives A R = 1.2 and a
    // threshold of 0.95, above its patience: A defects from a deal both
    // states ratified (voluntary defection).
    let settings = PlayerSettings::POLICY.with_patience(0.9).unwrap();
    let prudent = || -> Box<dyn Strategy> {
        Box::new(twolevel_strategies::PrudentReciprocator::new(0.0).unwrap())
    };
    let pair = || {
        [0, 1].map(|_| {
            NegotiatingState::new(
                vec![Ratifier::new(1.0, 1.0).unwrap()],
                Threshold::majority(),
                0.9,
                prudent(),
                settings,
            )
            .unwrap()
        })
    };
    let run = |weight| {
        let config = NegotiationConfig::new(Bargaining::Nash { weight }, classic(200));
        one_pair(pair(), &config).runs[0]
    };
    let [even, lopsided] = [run(0.5), run(0.2)];
    assert!(even.ratified && lopsided.ratified);
    assert_eq!((even.cooperation, even.compliance), (1.0, Some(1.0)));
    assert!(lopsided.compliance.unwrap() < 0.1, "{lopsided:?}");
    assert!(lopsided.cooperation < 0.6);
}

#[test]
fn a_term_after_an_election_continues_the_match() {
    // B's new government demands 0.6 at the election of round 20: the
    // agreement at 1/2 is renegotiated to 0.4 (the zone is [0.3, 0.4]).
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, with_elections(60, 20));
    let renegotiating = |a: Box<dyn Strategy>, b: Box<dyn Strategy>| {
        let b = state(0.3, b).with_successors(vec![arena(0.6)]).unwrap();
        one_pair([state(0.3, a), b], &config).runs[0]
    };
    // The game switches at the election round: 20 rounds of R = 3, then
    // 40 of A's R = 6 * 0.4 (and B's 6 * 0.6), one match of 60 rounds.
    let run = renegotiating(Box::new(TitForTat), Box::new(TitForTat));
    assert_eq!((run.renegotiations, run.turns), (1, 60));
    assert!((run.final_share.unwrap() - 0.4).abs() < 1e-12);
    assert!((run.totals[0].policy - (20.0 * 3.0 + 40.0 * 2.4)).abs() < 1e-9);
    assert!((run.totals[1].policy - (20.0 * 3.0 + 40.0 * 3.6)).abs() < 1e-9);
    assert_eq!(run.compliance, Some(1.0));
    // A grudge carries over the election: the grudger cooperates once, in
    // round 0, and punishes the suspicious opening for the rest of the
    // match. Were each term a match of its own, it would forgive at each
    // election and cooperate once a term (3 times).
    let run = renegotiating(grudger(), Box::new(SuspiciousTitForTat));
    assert_eq!(run.renegotiations, 1);
    assert_eq!(run.totals[0].cooperations, 1);
    assert_eq!(run.totals[1].cooperations, 1);
    // A withdrawal switches to the status quo's game in the same match.
    let b = state(0.3, grudger())
        .with_successors(vec![arena(0.8)])
        .unwrap();
    let run = one_pair([state(0.3, Box::new(SuspiciousTitForTat)), b], &config).runs[0];
    assert_eq!(run.withdrawal.map(|w| w.round), Some(20));
    assert_eq!(run.totals[1].cooperations, 1);
}

#[test]
fn an_election_that_keeps_the_agreement_is_one_match_bit_for_bit() {
    // B's new government still ratifies 1/2: the whole match is played as
    // the even agreement's game (today's game, bit for bit), so it equals
    // `play_match` on the config, draw for draw, noise and all.
    let play = with_elections(50, 10).with_action_noise(0.1).unwrap();
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, play)
        .with_repetitions(4)
        .unwrap()
        .with_seed(11);
    let b = state(0.2, Box::new(TitForTat))
        .with_successors(vec![arena(0.45), arena(0.3)])
        .unwrap();
    let result = one_pair([state(0.2, grudger()), b], &config);
    let mut buffers = MatchBuffers::new();
    for (r, run) in result.runs.iter().enumerate() {
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(11, &[0, r as u64]));
        let today = play_match(
            &play,
            [&mut Grudger::default(), &mut TitForTat],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut rng,
        );
        assert_eq!(run.totals, today.players);
        assert_eq!((run.renegotiations, run.final_share), (0, Some(0.5)));
    }
}

#[test]
fn hoarding_delays_every_agreement() {
    // Each negotiator hoards 5 rounds, so each agreement waits 10. The
    // first (1/2) takes effect at round 10; B's new government renegotiates
    // it at the election of round 20 to 0.4, which takes effect at round
    // 30: 20 rounds of delay, 40 under agreements, all in one match.
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, with_elections(60, 20));
    let b = state(0.3, Box::new(TitForTat))
        .with_hoarding(5)
        .with_successors(vec![arena(0.6)])
        .unwrap();
    let a = state(0.3, Box::new(TitForTat)).with_hoarding(5);
    let run = one_pair([a, b], &config).runs[0];
    assert_eq!((run.delay, run.lost, run.renegotiations), (20, false, 1));
    assert!((run.final_share.unwrap() - 0.4).abs() < 1e-12);
    // Status quo R = 3 in rounds 0-9 and 20-29, the even deal (R = 3) in
    // 10-19, A's share 0.4 (R = 2.4) in 30-59.
    assert!((run.totals[0].policy - (30.0 * 3.0 + 30.0 * 2.4)).abs() < 1e-9);
    // A renegotiated agreement that waits past the match's end is not in
    // effect at its end; nor is one whose delay outlasts the match.
    let b = state(0.3, Box::new(TitForTat))
        .with_hoarding(25)
        .with_successors(vec![arena(0.6)])
        .unwrap();
    let run = one_pair([state(0.3, Box::new(TitForTat)), b], &config).runs[0];
    // The first waits 20 rounds (its term), the second 25 of its 40.
    assert_eq!((run.delay, run.renegotiations), (20 + 25, 1));
    assert!((run.final_share.unwrap() - 0.4).abs() < 1e-12);
    assert_eq!(run.compliance, Some(1.0));
    let b = state(0.3, Box::new(TitForTat))
        .with_hoarding(45)
        .with_successors(vec![arena(0.6)])
        .unwrap();
    let run = one_pair([state(0.3, Box::new(TitForTat)), b], &config).runs[0];
    assert_eq!((run.delay, run.final_share, run.lost), (60, None, true));
    assert_eq!(run.compliance, None);
}

/// The discounted sum `sum_t delta^t u_t` of state `k`'s utilities over
/// the first `turns` rounds of a negotiated run of `pair()`, each round's
/// utility the difference of the totals of runs one round apart.
fn discounted_run(pair: &dyn Fn() -> [NegotiatingState; 2], k: usize, delta: f64) -> f64 {
    let (mut previous, mut value, mut weight) = (0.0, 0.0, 1.0);
    for n in 1..=120 {
        let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, classic(n));
        let run = one_pair(pair(), &config).runs[0];
        assert!(run.ratified && run.share == Some(0.5));
        let total = run.totals[k].utility;
        value += weight * (total - previous);
        previous = total;
        weight *= delta;
    }
    value
}

#[test]
fn side_payments_in_play_deter_at_the_carrot_thresholds_in_play() {
    // A pays B t = 1 (B gets 0.75) after each of B's cooperations, as the
    // agreement binds it; the agreement's game at 1/2 is Axelrod's.
    let m = PayoffMatrix::AXELROD;
    let (transfer, leakage) = (1.0, 0.75);
    let [payer, receiver] =
        twolevel_game::analytic::carrot_thresholds_in_play(&m, transfer, leakage);
    let (payer, receiver) = (payer.unwrap(), receiver.unwrap());
    assert!((receiver - 2.0 / 4.75).abs() < 1e-15);
    let rich = Resources::new(1.0, 0.0).unwrap();
    let with = |a: Box<dyn Strategy>, b: Box<dyn Strategy>| {
        [
            state(0.1, a)
                .with_resources(rich, transfer, leakage, 0.0, 0.0)
                .unwrap(),
            state(0.1, b),
        ]
    };
    // The receiver B against a grudging payer: cooperating earns R, then
    // R + eta t; deviating T, then P.
    for (delta, deters) in [(receiver + 0.01, true), (receiver - 0.01, false)] {
        let cooperate = discounted_run(&|| with(grudger(), Box::new(Cooperator)), 1, delta);
        let deviate = discounted_run(&|| with(grudger(), Box::new(Defector)), 1, delta);
        assert_eq!(cooperate > deviate, deters, "receiver at delta {delta}");
    }
    // The payer A against a grudging receiver: cooperating earns R, then
    // R - t; deviating T, then P - t once (B cooperated in round 0), then P.
    for (delta, deters) in [(payer + 0.01, true), (payer - 0.01, false)] {
        let cooperate = discounted_run(&|| with(Box::new(Cooperator), grudger()), 0, delta);
        let deviate = discounted_run(&|| with(Box::new(Defector), grudger()), 0, delta);
        let exact = m.t() + delta * (m.p() - transfer) + delta * delta * m.p() / (1.0 - delta);
        assert!((deviate - exact).abs() < 1e-9, "{deviate} {exact}");
        assert_eq!(cooperate > deviate, deters, "payer at delta {delta}");
    }
}

/// A boxed grudger (grim trigger).
fn grudger() -> Box<dyn Strategy> {
    Box::<Grudger>::default()
}

#[test]
fn switches_to_the_same_game_change_nothing_bit_for_bit() {
    // B withdraws at the first election (round 20) and rejoins at the
    // second (40): the game switches twice, between the even agreement's
    // game and the status quo, which are the same game bit for bit. With
    // dynamic politicization, elections and action noise the one match
    // is then `play_match` on the config, bit for bit: the levels, the
    // calendar and the strategies run on over each switch.
    let dynamics = twolevel_game::PoliticizationDynamics::new(0.8, 0.1, 0.05).unwrap();
    let dynamic = twolevel_game::Politics::Dynamic {
        initial: Politicization::new(0.2).unwrap(),
        dynamics,
    };
    let election = twolevel_game::ElectionCycle::new(20, 2, 0.3).unwrap();
    let play = MatchConfig::new(
        TwoLevelGame::default(),
        twolevel_game::Horizon::fixed(60).unwrap(),
    )
    .unwrap()
    .with_politics(dynamic)
    .with_election(Some(election))
    .with_action_noise(0.05)
    .unwrap();
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, play)
        .with_repetitions(5)
        .unwrap()
        .with_seed(3);
    let settings = PlayerSettings::with_orientation(Orientation::new(0.4).unwrap());
    let with_settings = |reservation: f64, strategy: Box<dyn Strategy>| {
        NegotiatingState::new(
            arena(reservation),
            Threshold::majority(),
            0.9,
            strategy,
            settings,
        )
        .unwrap()
    };
    let b = with_settings(0.3, grudger())
        .with_successors(vec![arena(0.8), arena(0.3)])
        .unwrap();
    let result = one_pair([with_settings(0.3, Box::new(TitForTat)), b], &config);
    let mut buffers = MatchBuffers::new();
    for (r, run) in result.runs.iter().enumerate() {
        assert_eq!(run.withdrawal.map(|w| w.round), Some(20));
        assert_eq!(run.final_share, Some(0.5));
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(3, &[0, r as u64]));
        let today = play_match(
            &play,
            [&mut TitForTat, &mut Grudger::default()],
            &[settings; 2],
            &mut buffers,
            &mut rng,
        );
        assert_eq!(run.totals, today.players);
    }
}
