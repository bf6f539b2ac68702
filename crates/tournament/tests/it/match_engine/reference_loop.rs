//! The match engine against a plain reference loop: for random games,
//! orientations, politics, elections, noise and strategies, `play_match`
//! gives the same moves and (up to rounding) the same totals as a
//! round-by-round loop that calls `TwoLevelGame::payoffs` every turn. This
//! covers both the static fast path and the general loop.

use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Action, Bimatrix, Classifier, ElectionCycle, Horizon, Orientation, PayoffMatrix,
    PoliticalPayoff, Politicization, PoliticizationDynamics, Politics, Situation, Strategy,
    TwoLevelGame, View,
};
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, play_match,
};

/// Everything a reference match needs.
#[derive(Clone, Debug)]
struct Setup {
    game: TwoLevelGame,
    turns: u32,
    politics: Politics,
    election: Option<ElectionCycle>,
    action_noise: f64,
    perception_noise: f64,
    length_known: bool,
    orientations: [Orientation; 2],
    visibilities: [Option<f64>; 2],
    patience: [f64; 2],
    securitizing: [f64; 2],
    own_politicization: [Option<Politicization>; 2],
    strategies: [&'static str; 2],
    seed: u64,
}

impl Setup {
    fn settings(&self) -> [PlayerSettings; 2] {
        [0, 1].map(|k| {
            PlayerSettings::new(self.orientations[k], self.visibilities[k])
                .and_then(|s| s.with_patience(self.patience[k]))
                .and_then(|s| s.with_securitizing(self.securitizing[k]))
                .unwrap()
                .with_politicization(self.own_politicization[k])
        })
    }
}

fn flip_with(p: f64, a: Action, rng: &mut dyn Rng) -> Action {
    if p > 0.0 && rng.random::<f64>() < p {
        a.flip()
    } else {
        a
    }
}

/// The reference: one round at a time, payoffs from `TwoLevelGame::payoffs`.
fn reference(setup: &Setup) -> (MatchResult, [Vec<Action>; 2]) {
    let mut players = setup
        .strategies
        .map(|name| build(&StrategySpec::new(name)).unwrap());
    let mut rng = Pcg64Mcg::seed_from_u64(setup.seed);
    let mut moves: [Vec<Action>; 2] = [Vec::new(), Vec::new()];
    // seen[k]: what player k saw of its partner.
    let mut seen: [Vec<Action>; 2] = [Vec::new(), Vec::new()];
    let mut totals = [PlayerTotals::default(); 2];
    let mut pis = setup
        .own_politicization
        .map(|own| own.unwrap_or(setup.politics.initial()));
    let mut pi_sums = [0.0; 2];
    let mut last_utility: [Option<f64>; 2] = [None; 2];
    let delta_t = |turn: u32| {
        if setup.length_known {
            1.0 - 1.0 / f64::from(setup.turns - turn)
        } else {
            1.0 - 1.0 / f64::from(setup.turns)
        }
    };
    for turn in 0..setup.turns {
        let orientations = [0, 1].map(|k| match &setup.election {
            Some(e) => e.orientation_at(turn, setup.orientations[k]),
            None => setup.orientations[k],
        });
        let patience = [0, 1].map(|k| match &setup.election {
            Some(e) if e.is_campaign(turn) => setup.patience[k] * e.patience(),
            _ => setup.patience[k],
        });
        let own = [0, 1].map(|k| {
            let ordered = |own: usize| if k == 0 { own } else { 1 - own };
            let entries = [
                (Action::C, Action::C),
                (Action::C, Action::D),
                (Action::D, Action::C),
                (Action::D, Action::D),
            ]
            .map(|(mine, theirs)| {
                let actions = if k == 0 {
                    [mine, theirs]
                } else {
                    [theirs, mine]
                };
                let payoffs = setup
                    .game
                    .payoffs_uneven(actions[0], actions[1], pis, orientations);
                payoffs[ordered(0)].utility
            });
            PayoffMatrix::from_entries(entries).unwrap()
        });
        let mut chosen = [Action::C; 2];
        for k in 0..2 {
            let partner = if setup.perception_noise > 0.0 {
                &seen[k]
            } else {
                &moves[1 - k]
            };
            let situation = Situation {
                politicization: pis[k].value(),
                partner_politicization: pis[1 - k].value(),
                payoffs: own[k],
                political_weight: setup.game.effective_weight(orientations[k], pis[k]),
                discount: patience[k] * delta_t(turn),
                rounds_to_election: setup.election.map(|e| e.term() - turn % e.term()),
                campaign: setup.election.is_some_and(|e| e.is_campaign(turn)),
                last_utility: last_utility[k],
                score: totals[k].utility,
                known_length: setup.length_known.then_some(setup.turns),
                incentive: 0.0,
            };
            let view = View::new(&moves[k], partner, &situation);
            chosen[k] = players[k].decide(&view, &mut rng);
        }
        let played = chosen.map(|a| flip_with(setup.action_noise, a, &mut rng));
        if setup.perception_noise > 0.0 {
            for k in 0..2 {
                let a = flip_with(setup.perception_noise, played[1 - k], &mut rng);
                seen[k].push(a);
            }
        }
        let payoffs = setup
            .game
            .payoffs_uneven(played[0], played[1], pis, orientations);
        for k in 0..2 {
            totals[k].utility += payoffs[k].utility;
            totals[k].policy += payoffs[k].policy;
            totals[k].political += payoffs[k].political;
            totals[k].cooperations += u32::from(played[k].is_cooperation());
            moves[k].push(played[k]);
            last_utility[k] = Some(payoffs[k].utility);
            pi_sums[k] += pis[k].value();
        }
        if let Some(d) = setup.politics.dynamics() {
            let visible = [0, 1].map(|k| {
                if played[k].is_defection() {
                    setup.visibilities[k].unwrap_or(d.visibility())
                } else {
                    0.0
                }
            });
            // `docs/model.md` section 2, written out: the partner's visible
            // defection, a rally share of one's own, securitizing moves,
            // decay.
            pis = [0, 1].map(|k| {
                let pi = pis[k].value();
                Politicization::clamped(
                    pi + d.up() * (visible[1 - k] + d.rally() * visible[k]) + setup.securitizing[k]
                        - d.down() * pi,
                )
            });
        }
    }
    let means = pi_sums.map(|sum| sum / f64::from(setup.turns));
    let finals = pis.map(Politicization::value);
    let result = MatchResult {
        turns: setup.turns,
        players: totals,
        mean_politicization: (means[0] + means[1]) / 2.0,
        final_politicization: (finals[0] + finals[1]) / 2.0,
        mean_politicization_by_state: means,
        final_politicization_by_state: finals,
    };
    (result, moves)
}

fn engine(setup: &Setup) -> (MatchResult, [Vec<Action>; 2]) {
    let config = MatchConfig::new(setup.game, Horizon::fixed(setup.turns).unwrap())
        .and_then(|c| c.with_action_noise(setup.action_noise))
        .and_then(|c| c.with_perception_noise(setup.perception_noise))
        .unwrap()
        .with_politics(setup.politics)
        .with_election(setup.election)
        .with_length_known(setup.length_known);
    let settings = setup.settings();
    let mut players = setup
        .strategies
        .map(|name| build(&StrategySpec::new(name)).unwrap());
    // Dirty the players and buffers first: the engine must reset them.
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(setup.seed ^ 1);
    let [a, b] = &mut players;
    let _ = play_match(
        &config,
        [a.as_mut(), b.as_mut()],
        &settings,
        &mut buffers,
        &mut rng,
    );
    let mut rng = Pcg64Mcg::seed_from_u64(setup.seed);
    let result = play_match(
        &config,
        [a.as_mut(), b.as_mut()],
        &settings,
        &mut buffers,
        &mut rng,
    );
    (
        result,
        [buffers.moves(0).to_vec(), buffers.moves(1).to_vec()],
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn assert_same(setup: &Setup) {
    let (expected, expected_moves) = reference(setup);
    let (actual, actual_moves) = engine(setup);
    assert_eq!(actual_moves, expected_moves, "{setup:?}");
    assert_eq!(actual.turns, expected.turns);
    for k in 0..2 {
        let (a, e) = (actual.players[k], expected.players[k]);
        assert_eq!(a.cooperations, e.cooperations, "{setup:?}");
        assert!(close(a.utility, e.utility), "utility {a:?} {e:?} {setup:?}");
        assert!(close(a.policy, e.policy), "policy {a:?} {e:?} {setup:?}");
        assert!(
            close(a.political, e.political),
            "political {a:?} {e:?} {setup:?}"
        );
    }
    assert!(close(
        actual.mean_politicization,
        expected.mean_politicization
    ));
    assert!(close(
        actual.final_politicization,
        expected.final_politicization
    ));
    for k in 0..2 {
        assert!(close(
            actual.mean_politicization_by_state[k],
            expected.mean_politicization_by_state[k]
        ));
        assert!(close(
            actual.final_politicization_by_state[k],
            expected.final_politicization_by_state[k]
        ));
    }
}

const STRATEGIES: [&str; 15] = [
    "Tit For Tat",
    "Cooperator",
    "Defector",
    "Random",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Grudger",
    "Alternator",
    "Prudent Reciprocator",
    "Bush-Mosteller",
    "Roth-Erev",
    "Fictitious Play",
    "Q-Learner",
    "ZD-Extort-2",
    "ZD-GTFT-2",
];

fn unit() -> impl proptest::strategy::Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0]
}

prop_compose! {
    fn setups()(
        theta in 0.0..6.0,
        beta in unit(),
        kappa in -2.0..2.0,
        bonus in 0.0..2.0,
        (alpha, gamma) in (prop_oneof![Just(0.0), 0.0..2.0], prop_oneof![Just(0.0), 0.0..3.0]),
        turns in 1_u32..60,
        dynamic in any::<bool>(),
        pi0 in unit(),
        (visibility, up, down, rally) in (unit(), 0.0..0.3, 0.0..0.3, unit()),
        election in prop::option::of((1_u32..12, 0_u32..12, unit(), 0.1..=1.0)),
        patience in (prop_oneof![Just(1.0), 0.1..=1.0], prop_oneof![Just(1.0), 0.1..=1.0]),
        securitizing in (prop_oneof![Just(0.0), 0.0..0.05], prop_oneof![Just(0.0), 0.0..0.05]),
        own_pi in (prop::option::of(unit()), prop::option::of(unit())),
        action_noise in prop_oneof![Just(0.0), 0.0..0.3],
        perception_noise in prop_oneof![Just(0.0), 0.0..0.3],
        length_known in any::<bool>(),
        w in (unit(), unit()),
        v in (prop::option::of(unit()), prop::option::of(unit())),
        s in (0..STRATEGIES.len(), 0..STRATEGIES.len()),
        seed in any::<u64>(),
    ) -> Setup {
        let game = TwoLevelGame::new(
            Bimatrix::default(),
            PoliticalPayoff::Derived { kappa, audience_bonus: bonus },
            theta,
            beta,
        ).and_then(|g| g.with_accountability(alpha, gamma)).unwrap();
        let pi0 = Politicization::new(pi0).unwrap();
        let politics = if dynamic {
            Politics::Dynamic {
                initial: pi0,
                dynamics: PoliticizationDynamics::new(visibility, up, down)
                    .and_then(|d| d.with_rally(rally))
                    .unwrap(),
            }
        } else {
            Politics::Fixed(pi0)
        };
        let election = election.and_then(|(term, lead, boost, patience)| {
            ElectionCycle::new(term, lead.min(term - 1), boost)
                .and_then(|e| e.with_patience(patience))
                .ok()
        });
        Setup {
            game,
            turns,
            politics,
            election,
            action_noise,
            perception_noise,
            length_known,
            orientations: [Orientation::new(w.0).unwrap(), Orientation::new(w.1).unwrap()],
            visibilities: [v.0, v.1],
            patience: [patience.0, patience.1],
            securitizing: [securitizing.0, securitizing.1],
            own_politicization: [own_pi.0, own_pi.1].map(|p| p.map(|x| Politicization::new(x).unwrap())),
            strategies: [STRATEGIES[s.0], STRATEGIES[s.1]],
            seed,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn engine_agrees_with_the_reference_loop(setup in setups()) {
        assert_same(&setup);
    }
}

/// A strategy that records what it is shown and cooperates.
#[derive(Clone, Debug, Default)]
struct Probe {
    seen: Vec<(Option<u32>, f64, f64, usize)>,
}

impl Strategy for Probe {
    fn name(&self) -> &str {
        "Probe"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.seen.push((
            view.known_length,
            view.politicization,
            view.score,
            view.turn(),
        ));
        Action::D
    }

    fn reset(&mut self) {
        self.seen.clear();
    }
}

#[test]
fn views_show_length_politicization_and_score() {
    let dynamics = PoliticizationDynamics::new(1.0, 0.1, 0.0).unwrap();
    let config = MatchConfig::new(
        TwoLevelGame::classic(PayoffMatrix::AXELROD),
        Horizon::fixed(4).unwrap(),
    )
    .unwrap()
    .with_politics(Politics::Dynamic {
        initial: Politicization::NONE,
        dynamics,
    })
    .with_length_known(true);
    let (mut probe, mut other) = (Probe::default(), Probe::default());
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    let result = play_match(
        &config,
        [&mut probe, &mut other],
        &[PlayerSettings::POLICY; 2],
        &mut MatchBuffers::new(),
        &mut rng,
    );
    // Two public defections a round raise pi by 0.2; the classic game has
    // theta = 0, so every round pays P = 1.
    let expected = [
        (Some(4), 0.0, 0.0, 0),
        (Some(4), 0.2, 1.0, 1),
        (Some(4), 0.4, 2.0, 2),
        (Some(4), 0.6000000000000001, 3.0, 3),
    ];
    assert_eq!(probe.seen, expected);
    assert_eq!(result.players[0].utility, 4.0);
    assert!((result.final_politicization - 0.8).abs() < 1e-12);
    // Without `length_known` the length stays hidden.
    let hidden = config.with_length_known(false);
    play_match(
        &hidden,
        [&mut probe, &mut other],
        &[PlayerSettings::POLICY; 2],
        &mut MatchBuffers::new(),
        &mut rng,
    );
    assert!(probe.seen.iter().all(|s| s.0.is_none()));
}

/// What a [`CalendarProbe`] saw in one round.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Seen {
    discount: f64,
    rounds_to_election: Option<u32>,
    campaign: bool,
    last_utility: Option<f64>,
    political_weight: f64,
    pis: [f64; 2],
}

/// A strategy that records its calendar, weight and levels, and defects.
#[derive(Clone, Debug, Default)]
struct CalendarProbe {
    seen: Vec<Seen>,
}

impl Strategy for CalendarProbe {
    fn name(&self) -> &str {
        "Calendar Probe"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.seen.push(Seen {
            discount: view.discount,
            rounds_to_election: view.rounds_to_election,
            campaign: view.campaign,
            last_utility: view.last_utility,
            political_weight: view.political_weight,
            pis: [view.politicization, view.partner_politicization],
        });
        Action::D
    }

    fn reset(&mut self) {
        self.seen.clear();
    }
}

#[test]
fn views_show_each_players_patience_election_and_own_politicization() {
    // Elections every 4 rounds, campaigning in the last 2 with half the
    // patience; a horizon of 8 rounds of unknown length (delta_t = 7/8).
    let election = ElectionCycle::new(4, 2, 0.5)
        .and_then(|e| e.with_patience(0.5))
        .unwrap();
    let dynamics = PoliticizationDynamics::new(1.0, 0.1, 0.0)
        .and_then(|d| d.with_rally(0.0))
        .unwrap();
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(8).unwrap())
        .unwrap()
        .with_politics(Politics::Dynamic {
            initial: Politicization::NONE,
            dynamics,
        })
        .with_election(Some(election));
    let impatient = PlayerSettings::POLICY.with_patience(0.8).unwrap();
    let securitizer = PlayerSettings::POLICY.with_securitizing(0.05).unwrap();
    let (mut a, mut b) = (CalendarProbe::default(), CalendarProbe::default());
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    play_match(
        &config,
        [&mut a, &mut b],
        &[impatient, securitizer],
        &mut MatchBuffers::new(),
        &mut rng,
    );
    let delta_t = 1.0 - 1.0 / 8.0;
    let discounts: Vec<f64> = a.seen.iter().map(|s| s.discount).collect();
    let campaign = 0.8 * 0.5 * delta_t;
    let calm = 0.8 * delta_t;
    assert_eq!(
        discounts,
        [
            calm, calm, campaign, campaign, calm, calm, campaign, campaign
        ]
    );
    let calendar: Vec<(Option<u32>, bool)> = b
        .seen
        .iter()
        .map(|s| (s.rounds_to_election, s.campaign))
        .collect();
    assert_eq!(
        calendar[..4],
        [
            (Some(4), false),
            (Some(3), false),
            (Some(2), true),
            (Some(1), true)
        ]
    );
    assert_eq!(b.seen[0].discount, delta_t);
    assert_eq!(a.seen[0].last_utility, None);
    assert!(a.seen[1].last_utility.is_some());
    // Rally 0: a state's own defection does not raise its own level, the
    // partner's does (0.1 a round); the securitizer adds 0.05 a round to
    // its own level.
    assert_eq!(a.seen[1].pis[0], 0.1);
    assert!((b.seen[1].pis[0] - 0.15).abs() < 1e-12);
    assert_eq!(a.seen[1].pis[1], b.seen[1].pis[0]);
    // w_eff = 0 + beta * pi_i outside campaigns (w = 0, beta = 0.8).
    assert!((a.seen[1].political_weight - 0.8 * 0.1).abs() < 1e-12);
}

#[test]
fn known_length_discount_counts_the_rounds_left() {
    let config = MatchConfig::classic(4).unwrap().with_length_known(true);
    let (mut a, mut b) = (CalendarProbe::default(), CalendarProbe::default());
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    play_match(
        &config,
        [&mut a, &mut b],
        &[PlayerSettings::POLICY; 2],
        &mut MatchBuffers::new(),
        &mut rng,
    );
    let discounts: Vec<f64> = a.seen.iter().map(|s| s.discount).collect();
    assert_eq!(discounts, [0.75, 1.0 - 1.0 / 3.0, 0.5, 0.0]);
}
