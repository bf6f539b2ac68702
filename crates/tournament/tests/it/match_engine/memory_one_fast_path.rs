//! The memory-one fast path against the general engine, bit for bit: every
//! shipped strategy that reports a memory-one rule
//! (`Strategy::memory_one`) plays the same moves, draws the same numbers
//! and earns the same totals (compared as bits) as the same strategy
//! hidden behind a wrapper that reports no rule, so that the engine calls
//! its `decide`. Games, horizons (fixed and continuation), noise levels,
//! fixed and dynamic politics, elections and player settings vary.

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use rand::SeedableRng;
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Action, Bimatrix, Classifier, ElectionCycle, Horizon, Orientation, PayoffMatrix,
    PoliticalPayoff, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
    View,
};
use twolevel_strategies::memory_one::{
    MemoryOne, ZDExtort2, ZDExtort2v2, ZDExtort3, ZDExtort4, ZDExtortion, ZDGTFT2, ZDGen2,
    ZDMischief, ZDSet2, ZeroDeterminant,
};
use twolevel_strategies::{
    Alternator, Bully, Cooperator, Defector, FirstByGrofman, FirstByJoss, Gtft, Random,
    SuspiciousTitForTat, TitForTat, WinStayLoseShift,
};
use twolevel_tournament::{MatchBuffers, MatchConfig, MatchResult, PlayerSettings, play_match};

/// A strategy that plays its inner strategy through `decide` and reports
/// no memory-one rule, so that the engine takes its general loops.
#[derive(Clone, Debug)]
struct Opaque(Box<dyn Strategy>);

impl Strategy for Opaque {
    fn name(&self) -> &str {
        self.0.name()
    }

    fn classifier(&self) -> Classifier {
        self.0.classifier()
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        self.0.decide(view, rng)
    }

    fn reset(&mut self) {
        self.0.reset();
    }
}

/// Every shipped memory-one strategy, with deterministic and stochastic
/// parameters where it has them.
fn memory_one_strategies() -> Vec<Box<dyn Strategy>> {
    let axelrod = PayoffMatrix::AXELROD;
    vec![
        Box::new(TitForTat),
        Box::new(WinStayLoseShift),
        Box::new(Cooperator),
        Box::new(Defector),
        Box::new(SuspiciousTitForTat),
        Box::new(Alternator),
        Box::new(Bully),
        Box::new(Random::default()),
        Box::new(Random::new(0.0).unwrap()),
        Box::new(Random::new(1.0).unwrap()),
        Box::new(FirstByGrofman),
        Box::new(FirstByJoss::default()),
        Box::new(FirstByJoss::new(1.0).unwrap()),
        Box::new(Gtft::new(0.3).unwrap()),
        Box::new(Gtft::new(1.0).unwrap()),
        Box::new(MemoryOne::default()),
        Box::new(MemoryOne::new([0.9, 0.2, 0.6, 0.1], 0.5).unwrap()),
        Box::new(MemoryOne::new([1.0, 0.0, 0.7, 0.0], 0.0).unwrap()),
        Box::new(ZDExtort2::default()),
        Box::new(ZDExtort2v2::default()),
        Box::new(ZDExtort3::default()),
        Box::new(ZDExtort4::default()),
        Box::new(ZDExtortion::default()),
        Box::new(ZDGTFT2::default()),
        Box::new(ZDGen2::default()),
        Box::new(ZDSet2::default()),
        Box::new(ZDMischief::default()),
        Box::new(ZeroDeterminant::extortionate(3.0, 0.05, &axelrod).unwrap()),
        Box::new(ZeroDeterminant::generous(2.0, 0.1, &axelrod).unwrap()),
    ]
}

/// A match set-up: the config, the players' settings, the two strategies
/// (indices into [`memory_one_strategies`]) and the seed.
#[derive(Clone, Debug)]
struct Setup {
    config: MatchConfig,
    settings: [PlayerSettings; 2],
    strategies: [usize; 2],
    seed: u64,
}

/// Plays the set-up's match with the given players; returns the result,
/// the moves and the RNG's next number (so that the draws are compared
/// too).
fn play(setup: &Setup, players: [&mut dyn Strategy; 2]) -> (MatchResult, [Vec<Action>; 2], u64) {
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(setup.seed);
    let result = play_match(
        &setup.config,
        players,
        &setup.settings,
        &mut buffers,
        &mut rng,
    );
    let moves = [buffers.moves(0).to_vec(), buffers.moves(1).to_vec()];
    (result, moves, rng.next_u64())
}

/// Every number of a result as bits, and the counts.
fn bits(result: &MatchResult) -> Vec<u64> {
    let mut bits = vec![u64::from(result.turns)];
    for totals in &result.players {
        bits.extend([totals.utility, totals.policy, totals.political].map(f64::to_bits));
        bits.push(u64::from(totals.cooperations));
    }
    bits.extend(
        [
            result.mean_politicization,
            result.final_politicization,
            result.mean_politicization_by_state[0],
            result.mean_politicization_by_state[1],
            result.final_politicization_by_state[0],
            result.final_politicization_by_state[1],
        ]
        .map(f64::to_bits),
    );
    bits
}

/// Asserts that the fast path (both players reporting their rule) and the
/// general engine (both hidden) give the same match, bit for bit.
fn assert_fast_equals_general(setup: &Setup) {
    let strategies = memory_one_strategies();
    let [a, b] = setup.strategies.map(|i| strategies[i].clone());
    assert!(a.memory_one().is_some() && b.memory_one().is_some());
    let (mut fast_a, mut fast_b) = (a.clone(), b.clone());
    let fast = play(setup, [fast_a.as_mut(), fast_b.as_mut()]);
    let (mut general_a, mut general_b) = (Opaque(a), Opaque(b));
    let general = play(setup, [&mut general_a, &mut general_b]);
    assert_eq!(fast.1, general.1, "moves differ: {setup:?}");
    assert_eq!(
        bits(&fast.0),
        bits(&general.0),
        "{:?} {:?} {setup:?}",
        fast.0,
        general.0
    );
    assert_eq!(
        fast.2, general.2,
        "the RNG was drawn differently: {setup:?}"
    );
}

fn unit() -> impl proptest::strategy::Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0]
}

/// A game: the classic one, or a two-level game with random parameters
/// (a derived or a given political payoff).
fn games() -> impl proptest::strategy::Strategy<Value = TwoLevelGame> {
    let two_level = (
        0.0..6.0,
        unit(),
        -2.0..2.0,
        0.0..2.0,
        prop_oneof![Just(0.0), 0.0..2.0],
        prop_oneof![Just(0.0), 0.0..3.0],
        any::<bool>(),
    )
        .prop_map(|(theta, beta, kappa, bonus, alpha, gamma, derived)| {
            let political = if derived {
                PoliticalPayoff::Derived {
                    kappa,
                    audience_bonus: bonus,
                }
            } else {
                PoliticalPayoff::Matrix(Bimatrix::symmetric(
                    PayoffMatrix::new(2.0, -1.0, 4.0, bonus).unwrap(),
                ))
            };
            TwoLevelGame::new(Bimatrix::default(), political, theta, beta)
                .and_then(|g| g.with_accountability(alpha, gamma))
                .unwrap()
        });
    prop_oneof![
        1 => Just(TwoLevelGame::classic(PayoffMatrix::AXELROD)),
        3 => two_level,
    ]
}

prop_compose! {
    fn setups()(
        game in games(),
        horizon in prop_oneof![
            (1_u32..80).prop_map(|turns| Horizon::fixed(turns).unwrap()),
            (0.0..0.98).prop_map(|delta| Horizon::continuation(delta).unwrap()),
        ],
        dynamic in any::<bool>(),
        pi0 in unit(),
        (visibility, up, down, rally) in (unit(), 0.0..0.3, 0.0..0.3, unit()),
        election in prop::option::of((1_u32..12, 0_u32..12, unit())),
        action_noise in prop_oneof![Just(0.0), Just(0.05), 0.0..0.5],
        perception_noise in prop_oneof![2 => Just(0.0), 1 => 0.0..0.3],
        length_known in any::<bool>(),
        w in (unit(), unit()),
        v in (prop::option::of(unit()), prop::option::of(unit())),
        securitizing in (prop_oneof![Just(0.0), 0.0..0.05], prop_oneof![Just(0.0), 0.0..0.05]),
        own_pi in (prop::option::of(unit()), prop::option::of(unit())),
        strategies in (0..29_usize, 0..29_usize),
        seed in any::<u64>(),
    ) -> Setup {
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
        let election = election
            .and_then(|(term, lead, boost)| ElectionCycle::new(term, lead.min(term - 1), boost).ok());
        let config = MatchConfig::new(game, horizon)
            .and_then(|c| c.with_action_noise(action_noise))
            .and_then(|c| c.with_perception_noise(perception_noise))
            .unwrap()
            .with_politics(politics)
            .with_election(election)
            .with_length_known(length_known);
        let settings = [(w.0, v.0, securitizing.0, own_pi.0), (w.1, v.1, securitizing.1, own_pi.1)]
            .map(|(w, v, s, own)| {
                PlayerSettings::new(Orientation::new(w).unwrap(), v)
                    .and_then(|settings| settings.with_securitizing(s))
                    .unwrap()
                    .with_politicization(own.map(|pi| Politicization::new(pi).unwrap()))
            });
        Setup {
            config,
            settings,
            strategies: [strategies.0, strategies.1],
            seed,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn fast_path_equals_general_path_bit_for_bit(setup in setups()) {
        assert_fast_equals_general(&setup);
    }
}

/// Every pair of memory-one strategies in the classic game, with and
/// without noise, and in the dynamic-politicization game of the benches.
#[test]
fn every_pair_in_the_classic_and_dynamic_games() {
    let count = memory_one_strategies().len();
    assert_eq!(
        count, 29,
        "the property test's strategy range must cover the list"
    );
    let dynamic = MatchConfig::new(TwoLevelGame::default(), Horizon::AXELROD_FIRST)
        .unwrap()
        .with_politics(Politics::Dynamic {
            initial: Politicization::new(0.5).unwrap(),
            dynamics: PoliticizationDynamics::DEFAULT,
        });
    let classic = MatchConfig::classic(200).unwrap();
    let configs = [
        classic,
        classic.with_action_noise(0.05).unwrap(),
        classic.with_perception_noise(0.1).unwrap(),
        dynamic,
        dynamic.with_action_noise(0.05).unwrap(),
    ];
    for config in configs {
        for i in 0..count {
            for j in 0..count {
                assert_fast_equals_general(&Setup {
                    config,
                    settings: [PlayerSettings::POLICY; 2],
                    strategies: [i, j],
                    seed: (i * count + j) as u64,
                });
            }
        }
    }
}

/// The shipped strategies that are not exactly memory-one report no rule,
/// so the engine keeps calling their `decide`.
#[test]
fn strategies_that_are_not_memory_one_report_no_rule() {
    let not_memory_one: [Box<dyn Strategy>; 4] = [
        Box::new(twolevel_strategies::Grudger::default()),
        Box::new(twolevel_strategies::TitFor2Tats),
        Box::new(Gtft::default()),
        Box::new(twolevel_strategies::FirstByAnonymous),
    ];
    for strategy in &not_memory_one {
        assert!(strategy.memory_one().is_none(), "{}", strategy.name());
    }
}
