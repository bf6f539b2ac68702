//! The match engine against a plain reference loop: for random games,
//! orientations, politics, elections, noise and strategies, `play_match`
//! gives the same moves and (up to rounding) the same totals as a
//! round-by-round loop that calls `TwoLevelGame::payoffs` every turn. This
//! covers both the static fast path and the general loop.

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_core::RngCore;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Action, Bimatrix, Classifier, ElectionCycle, Horizon, Orientation, PayoffMatrix,
    PoliticalPayoff, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
    View,
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
    strategies: [&'static str; 2],
    seed: u64,
}

fn flip_with(p: f64, a: Action, rng: &mut dyn RngCore) -> Action {
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
    let mut pi = setup.politics.initial();
    let mut pi_sum = 0.0;
    for turn in 0..setup.turns {
        let orientations = [0, 1].map(|k| match &setup.election {
            Some(e) => e.orientation_at(turn, setup.orientations[k]),
            None => setup.orientations[k],
        });
        let table = setup.game.stage_table(pi, orientations);
        let own = [table.row_utilities(), table.column_utilities()]
            .map(|u| PayoffMatrix::from_entries(u).unwrap());
        let mut chosen = [Action::C; 2];
        for k in 0..2 {
            let partner = if setup.perception_noise > 0.0 {
                &seen[k]
            } else {
                &moves[1 - k]
            };
            let view = View {
                own: &moves[k],
                partner,
                politicization: pi.value(),
                payoffs: &own[k],
                score: totals[k].utility,
                known_length: setup.length_known.then_some(setup.turns),
            };
            chosen[k] = players[k].decide(&view, &mut rng);
        }
        let played = chosen.map(|a| flip_with(setup.action_noise, a, &mut rng));
        if setup.perception_noise > 0.0 {
            for k in 0..2 {
                let a = flip_with(setup.perception_noise, played[1 - k], &mut rng);
                seen[k].push(a);
            }
        }
        let payoffs = setup.game.payoffs(played[0], played[1], pi, orientations);
        for k in 0..2 {
            totals[k].utility += payoffs[k].utility;
            totals[k].policy += payoffs[k].policy;
            totals[k].political += payoffs[k].political;
            totals[k].cooperations += u32::from(played[k].is_cooperation());
            moves[k].push(played[k]);
        }
        pi_sum += pi.value();
        if let Some(d) = setup.politics.dynamics() {
            let visibilities = setup.visibilities.map(|v| v.unwrap_or(d.visibility()));
            let public: f64 = (0..2)
                .filter(|&k| played[k].is_defection())
                .map(|k| visibilities[k])
                .sum();
            pi = d.next(pi, public);
        }
    }
    let result = MatchResult {
        turns: setup.turns,
        players: totals,
        mean_politicization: pi_sum / f64::from(setup.turns),
        final_politicization: pi.value(),
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
    let settings =
        [0, 1].map(|k| PlayerSettings::new(setup.orientations[k], setup.visibilities[k]).unwrap());
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
}

const STRATEGIES: [&str; 8] = [
    "Tit For Tat",
    "Cooperator",
    "Defector",
    "Random",
    "Win-Stay Lose-Shift",
    "GTFT",
    "Grudger",
    "Alternator",
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
        turns in 1_u32..60,
        dynamic in any::<bool>(),
        pi0 in unit(),
        (visibility, up, down) in (unit(), 0.0..0.3, 0.0..0.3),
        election in prop::option::of((1_u32..12, 0_u32..12, unit())),
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
        ).unwrap();
        let pi0 = Politicization::new(pi0).unwrap();
        let politics = if dynamic {
            Politics::Dynamic {
                initial: pi0,
                dynamics: PoliticizationDynamics::new(visibility, up, down).unwrap(),
            }
        } else {
            Politics::Fixed(pi0)
        };
        let election = election.and_then(|(term, lead, boost)| {
            ElectionCycle::new(term, lead.min(term - 1), boost).ok()
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

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn RngCore) -> Action {
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
