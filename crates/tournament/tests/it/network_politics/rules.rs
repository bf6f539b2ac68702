//! The spread's rules: exact updates on small graphs, today's spatial
//! tournament when nothing moves, bounds, threads and located errors.

use std::fs;

use twolevel_game::graph::Graph;
use twolevel_game::{Orientation, Politicization, Politics, TwoLevelGame};
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::file::AnyFile;
use twolevel_tournament::progress::NoProgress;
use twolevel_tournament::round_robin::{NetworkRule, NetworkSpread};
use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RoundRobin};

use super::shipped;

/// A 4-cycle of Cooperator, Defector, Cooperator, Defector (no noise, 10
/// turns) at fixed politics `pi`, every state with political weight `w`;
/// the second defector's visibility is `visibility`.
fn alternating_cycle(pi: f64, w: f64, visibility: f64) -> RoundRobin {
    let entrants = (0..4)
        .map(|i| {
            let name = if i % 2 == 0 { "Cooperator" } else { "Defector" };
            let own = if i == 3 { Some(visibility) } else { None };
            let settings = PlayerSettings::new(Orientation::new(w).unwrap(), own).unwrap();
            Entrant::new(
                format!("{name} {i}"),
                build(&StrategySpec::new(name)).unwrap(),
                settings,
            )
        })
        .collect();
    let config = MatchConfig::classic(10)
        .unwrap()
        .with_politics(Politics::Fixed(Politicization::new(pi).unwrap()));
    let graph = Graph::from_edges(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]).unwrap();
    RoundRobin::new(config, entrants)
        .unwrap()
        .with_graph(graph)
        .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn politicization_rises_with_neighbours_visible_defections_and_decays_in_calm() {
    let rr = alternating_cycle(0.4, 0.0, 0.5);
    let rule = NetworkRule::Politicization {
        rate: 0.5,
        decay: 0.3,
        cap: 0.8,
    };
    let run = NetworkSpread::new(vec![rule], 3)
        .unwrap()
        .play(&rr, &NoProgress)
        .unwrap();
    let record = &run.network;
    // Epoch 0 plays at the tournament's level; cooperation as played.
    assert_eq!(record.politicization[0], vec![0.4; 4]);
    assert_eq!(record.cooperation[0], vec![1.0, 0.0, 1.0, 0.0]);
    // Cooperators see their neighbours defect: node 0's neighbours are the
    // defectors 1 (visibility 1) and 3 (visibility 0.5), s = 0.75:
    // 0.4 + 0.5 * 0.75 - 0.3 * 0.25 * 0.4 = 0.745; node 2 the same.
    // Defectors see calm (s = 0): 0.4 - 0.3 * 0.4 = 0.28.
    let after = &record.politicization[1];
    assert!(
        close(after[0], 0.745) && close(after[2], 0.745),
        "{after:?}"
    );
    assert!(close(after[1], 0.28) && close(after[3], 0.28), "{after:?}");
    // Next epoch the cooperators reach the cap, the defectors decay on.
    let after = &record.politicization[2];
    assert!(close(after[0], 0.8), "{after:?}");
    assert!(close(after[1], 0.28 * 0.7), "{after:?}");
    assert!(close(record.final_politicization[1], 0.28 * 0.7 * 0.7));
    // The per-epoch means are the means of the per-node levels.
    assert!(close(
        record.epochs[1].mean_politicization,
        (0.745 + 0.28) / 2.0
    ));
    assert!(close(record.epochs[0].cooperation, 0.5));
}

#[test]
fn a_bureaucratic_network_lowers_the_weight_of_states_with_cooperative_neighbours() {
    // The model's default game at pi = 0.5, where the political payoff
    // differs from the policy payoff, so that the weight shows.
    let rr = alternating_cycle(0.5, 0.5, 1.0);
    let config = (*rr.config()).with_game(TwoLevelGame::default()).unwrap();
    let rr = rr.with_config(config);
    let rule = NetworkRule::Autonomy {
        base: 0.1,
        rate: 0.6,
    };
    let run = NetworkSpread::new(vec![rule], 2)
        .unwrap()
        .play(&rr, &NoProgress)
        .unwrap();
    let record = &run.network;
    // Epoch 0: base autonomy everywhere, weight 0.5 * 0.9.
    assert_eq!(record.autonomy[0], vec![0.1; 4]);
    assert!(record.political_weight[0].iter().all(|&w| close(w, 0.45)));
    // Defectors sit among cooperators: 0.1 + 0.6 = 0.7, weight 0.15;
    // cooperators among defectors keep the base.
    assert!(close(record.autonomy[1][1], 0.7) && close(record.autonomy[1][0], 0.1));
    assert!(close(record.political_weight[1][1], 0.15));
    assert!(close(record.political_weight[1][2], 0.45));
    // Without a politicization rule the levels stay where they started.
    assert_eq!(record.final_politicization, vec![0.5; 4]);
    // The weight enters the payoffs: the last epoch's utilities differ
    // from the first epoch's for the defectors (insulated), in the
    // currency of their own utility; policy payoffs do not move.
    let first = NetworkSpread::new(vec![rule], 1)
        .unwrap()
        .play(&rr, &NoProgress)
        .unwrap();
    let utility = |r: &twolevel_tournament::RoundRobinResults, i: usize| {
        r.player(&format!("Defector {i}")).unwrap().scores()[twolevel_game::Currency::Utility]
    };
    assert_ne!(utility(&run.results, 1), utility(&first.results, 1));
    let policy = |r: &twolevel_tournament::RoundRobinResults| {
        r.spatial.as_ref().unwrap().averaged.policy.clone()
    };
    assert_eq!(policy(&run.results), policy(&first.results));
}

#[test]
fn a_spread_that_moves_nothing_is_todays_spatial_tournament_bit_for_bit() {
    let tournament = shipped("politicization-network.ron");
    let rr = &tournament.round_robin;
    let today = serde_json::to_string(&rr.play()).unwrap();
    for rule in [
        NetworkRule::Politicization {
            rate: 0.0,
            decay: 0.0,
            cap: 1.0,
        },
        NetworkRule::Autonomy {
            base: 0.0,
            rate: 0.0,
        },
    ] {
        let one = NetworkSpread::new(vec![rule], 1)
            .unwrap()
            .play(rr, &NoProgress)
            .unwrap();
        assert_eq!(serde_json::to_string(&one.results).unwrap(), today);
        // Over several epochs nothing moves either.
        let many = NetworkSpread::new(vec![rule], 4)
            .unwrap()
            .play(rr, &NoProgress)
            .unwrap();
        assert!(
            many.network
                .politicization
                .iter()
                .all(|levels| levels.iter().all(|&pi| pi == 0.25))
        );
        assert!(many.network.autonomy.iter().flatten().all(|&a| a == 0.0));
    }
    // The file's own spread moves pi: its last epoch is not today's.
    let spread = tournament.spread.as_ref().unwrap();
    let run = spread.play(rr, &NoProgress).unwrap();
    assert_ne!(serde_json::to_string(&run.results).unwrap(), today);
}

#[test]
fn levels_stay_in_bounds_and_runs_do_not_depend_on_the_threads() {
    let tournament = shipped("politicization-network.ron");
    let spread = NetworkSpread::new(
        vec![
            NetworkRule::Politicization {
                rate: 2.0,
                decay: 1.0,
                cap: 0.9,
            },
            NetworkRule::Autonomy {
                base: 0.5,
                rate: 3.0,
            },
        ],
        6,
    )
    .unwrap();
    let run = |threads: usize, parallel: bool| {
        let rr = tournament.round_robin.clone().with_parallel(parallel);
        twolevel_tournament::limits::on_threads(threads, || {
            spread.play(&rr, &NoProgress).unwrap().network
        })
        .unwrap()
    };
    let serial = run(1, false);
    for threads in [1, 2, 3] {
        assert_eq!(run(threads, true), serial);
    }
    for levels in serial
        .politicization
        .iter()
        .chain([&serial.final_politicization])
    {
        assert!(
            levels.iter().all(|&pi| (0.0..=0.9).contains(&pi)),
            "{levels:?}"
        );
    }
    assert!(
        serial
            .autonomy
            .iter()
            .flatten()
            .all(|&a| (0.5..=1.0).contains(&a))
    );
    assert!(serial.political_weight.iter().flatten().all(|&w| w == 0.0));
}

#[test]
fn spread_errors_name_the_field_at_its_place_in_the_file() {
    let dir = std::env::temp_dir().join(format!("twolevel-netpol-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let tournament = dir.join("t.ron");
    let write = |rest: &str| {
        fs::write(
            &tournament,
            format!(
                "Tournament(\n    name: \"t\",\n    players: [Inline(name: \"a\", strategy: (name: \"Cooperator\")), \
                 Inline(name: \"b\", strategy: (name: \"Defector\")), \
                 Inline(name: \"c\", strategy: (name: \"Cooperator\")), \
                 Inline(name: \"d\", strategy: (name: \"Defector\"))],\n{rest}\n)"
            ),
        )
        .unwrap();
    };
    let error = |rest: &str| {
        write(rest);
        AnyFile::from_file(&tournament).unwrap_err().to_string()
    };
    let ring = "    graph: Some(Cycle(nodes: 4)),\n";
    let err = error(&format!(
        "{ring}    spread: [Politicization(rate: -1.0, decay: 0.1)],"
    ));
    assert!(err.contains("t.ron:5:"), "{err}");
    assert!(err.contains("spread[0].rate"), "{err}");
    let err = error(&format!(
        "{ring}    spread: [Autonomy(base: 0.0, rate: 1.0), Politicization(rate: 0.1, decay: 1.5)],"
    ));
    assert!(err.contains("spread[1].decay"), "{err}");
    let err = error(&format!(
        "{ring}    spread: [Autonomy(base: 0.0, rate: 1.0), Autonomy(base: 0.2, rate: 1.0)],"
    ));
    assert!(
        err.contains("spread[1]") && err.contains("second Autonomy"),
        "{err}"
    );
    let err = error(&format!(
        "{ring}    spread: [Autonomy(base: 0.0, rate: 1.0)],\n    epochs: 0,"
    ));
    assert!(
        err.contains("t.ron:6:") && err.contains("`epochs`"),
        "{err}"
    );
    let err = error("    spread: [Autonomy(base: 0.0, rate: 1.0)],");
    assert!(
        err.contains("t.ron:4:") && err.contains("`spread`"),
        "{err}"
    );
    let err = error("    epochs: 3,");
    assert!(
        err.contains("t.ron:4:") && err.contains("`epochs`"),
        "{err}"
    );
    // A node attribute outside [0, 1], at its cell of the CSV table.
    fs::write(dir.join("nodes.csv"), "node,politicization\n0,0.2\n1,1.5\n").unwrap();
    let err = error(&format!(
        "{ring}    node_attributes: Some(\"nodes.csv\"),\n    spread: [Politicization(rate: 0.1, decay: 0.1)],"
    ));
    assert!(err.contains("nodes.csv:3:3"), "{err}");
    assert!(err.contains("politicization"), "{err}");
    // In range, the attribute is the starting level.
    fs::write(dir.join("nodes.csv"), "node,politicization\n0,0.2\n1,0.6\n").unwrap();
    write(&format!(
        "{ring}    node_attributes: Some(\"nodes.csv\"),\n    spread: [Politicization(rate: 0.1, decay: 0.1)],\n    epochs: 2,"
    ));
    let loaded = AnyFile::from_file(&tournament)
        .unwrap()
        .into_tournament()
        .unwrap();
    let run = loaded
        .spread
        .as_ref()
        .unwrap()
        .play(&loaded.round_robin, &NoProgress)
        .unwrap();
    assert_eq!(run.network.politicization[0], vec![0.2, 0.6, 0.0, 0.0]);
    fs::remove_dir_all(&dir).ok();
}
