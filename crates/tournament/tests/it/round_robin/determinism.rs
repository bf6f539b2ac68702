//! The same configuration and seed give bit-identical results serially, in
//! parallel, and on one or two rayon threads; another seed gives other
//! results.

use twolevel_game::{Horizon, Politicization, PoliticizationDynamics, Politics, TwoLevelGame};
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RoundRobin, RoundRobinResults};

/// A stochastic tournament: random strategies, noise of both kinds,
/// dynamic politicization and a continuation horizon.
fn tournament(seed: u64) -> RoundRobin {
    let config = MatchConfig::new(
        TwoLevelGame::default(),
        Horizon::continuation(0.98).unwrap(),
    )
    .and_then(|c| c.with_action_noise(0.05))
    .and_then(|c| c.with_perception_noise(0.02))
    .unwrap()
    .with_politics(Politics::Dynamic {
        initial: Politicization::new(0.3).unwrap(),
        dynamics: PoliticizationDynamics::DEFAULT,
    });
    let entrants = [
        ("Tit For Tat", 0.0),
        ("Random", 0.5),
        ("GTFT", 0.2),
        ("Win-Stay Lose-Shift", 0.8),
        ("Grudger", 0.0),
        ("Defector", 1.0),
    ]
    .iter()
    .map(|&(name, w)| {
        let strategy = build(&StrategySpec::new(name)).unwrap();
        let orientation = twolevel_game::Orientation::new(w).unwrap();
        Entrant::new(
            name,
            strategy,
            PlayerSettings::with_orientation(orientation),
        )
    })
    .collect();
    RoundRobin::new(config, entrants)
        .and_then(|t| t.with_repetitions(5))
        .unwrap()
        .with_seed(seed)
        .with_match_records(true)
}

/// The results as JSON text: equal texts mean bit-identical numbers
/// (serde_json prints every f64 so that it reads back exactly).
fn fingerprint(results: &RoundRobinResults) -> String {
    serde_json::to_string(results).unwrap()
}

#[test]
fn serial_and_parallel_agree_bit_for_bit() {
    let serial = tournament(7).with_parallel(false).play();
    let parallel = tournament(7).with_parallel(true).play();
    assert_eq!(serial, parallel);
    assert_eq!(fingerprint(&serial), fingerprint(&parallel));
}

#[test]
fn one_and_two_threads_agree_bit_for_bit() {
    let t = tournament(11).with_parallel(true);
    let one = t.play_on_threads(1).unwrap();
    let two = t.play_on_threads(2).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let installed = pool.install(|| t.play());
    assert_eq!(fingerprint(&one), fingerprint(&two));
    assert_eq!(fingerprint(&one), fingerprint(&installed));
}

#[test]
fn the_seed_matters_and_replays() {
    let a = tournament(1).play();
    let b = tournament(2).play();
    assert_ne!(fingerprint(&a), fingerprint(&b));
    assert_eq!(fingerprint(&a), fingerprint(&tournament(1).play()));
    // The tournament really is stochastic: lengths vary between matches.
    let lengths: Vec<u32> = a.match_lengths().collect();
    assert!(lengths.iter().any(|&l| l != lengths[0]));
}
