//! The population on a graph: payoffs kept exactly as they would be
//! computed afresh, whatever the rule, mutation and payoff scale.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::graph::{GraphSpec, Neighbourhood};
use twolevel_tournament::evolution::graph::{
    GraphDynamics, GraphPopulation, PayoffScale, UpdateRule, donation_game,
};
use twolevel_tournament::evolution::{PayoffTable, Selection};

/// A node's payoff computed from scratch.
fn fresh_payoff(
    population: &GraphPopulation<'_>,
    table: &PayoffTable,
    i: usize,
    scale: PayoffScale,
) -> f64 {
    let graph = population.graph();
    let states = population.states();
    let own = usize::from(states[i]);
    let mut total = 0.0;
    let mut counts = vec![0u32; table.len()];
    for &j in graph.neighbours(i) {
        counts[usize::from(states[j as usize])] += 1;
    }
    for (s, &count) in counts.iter().enumerate() {
        total += f64::from(count) * table.get(own, s);
    }
    match scale {
        PayoffScale::Accumulated => total,
        PayoffScale::Averaged => total / graph.degree(i).max(1) as f64,
    }
}

#[test]
fn payoffs_stay_exact_under_every_rule() {
    let graph = GraphSpec::BarabasiAlbert {
        nodes: 200,
        links: 3,
    }
    .generate(&mut Pcg64Mcg::seed_from_u64(1))
    .unwrap();
    let table = PayoffTable::new(vec![
        vec![3.0, 0.0, 1.5],
        vec![5.0, 1.0, 2.0],
        vec![2.5, 0.5, 2.0],
    ])
    .unwrap();
    for rule in [
        UpdateRule::DeathBirth,
        UpdateRule::BirthDeath,
        UpdateRule::Imitation,
    ] {
        for scale in [PayoffScale::Accumulated, PayoffScale::Averaged] {
            let dynamics = GraphDynamics::new(rule, Selection::exponential(0.3).unwrap())
                .with_payoffs(scale)
                .with_mutation(0.01)
                .unwrap();
            let mut population = GraphPopulation::new(&graph, &table, dynamics).unwrap();
            let mut rng = Pcg64Mcg::seed_from_u64(9);
            for round in 0..20 {
                population.run(5_000, &mut rng);
                for i in 0..graph.node_count() {
                    assert_eq!(
                        population.payoffs()[i],
                        fresh_payoff(&population, &table, i, scale),
                        "{rule:?} {scale:?} round {round} node {i}"
                    );
                }
                let counted: usize = population.counts().iter().sum();
                assert_eq!(counted, graph.node_count());
                for (s, &count) in population.counts().iter().enumerate() {
                    let actual = population
                        .states()
                        .iter()
                        .filter(|&&x| usize::from(x) == s)
                        .count();
                    assert_eq!(count, actual);
                }
            }
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_history() {
    let graph = GraphSpec::Lattice {
        width: 20,
        height: 20,
        neighbourhood: Neighbourhood::Moore,
    }
    .generate(&mut Pcg64Mcg::seed_from_u64(0))
    .unwrap();
    let table = donation_game(4.0, 1.0).unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.05).unwrap())
        .with_mutation(0.001)
        .unwrap();
    let run = |seed| {
        let mut population = GraphPopulation::new(&graph, &table, dynamics).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        population.run(100_000, &mut rng);
        population.states().to_vec()
    };
    assert_eq!(run(3), run(3));
    assert_ne!(run(3), run(4));
}

#[test]
fn a_fitness_that_could_reach_zero_is_refused() {
    let graph = GraphSpec::Cycle { nodes: 10 }
        .generate(&mut Pcg64Mcg::seed_from_u64(0))
        .unwrap();
    // Accumulated payoffs reach -2c = -20 on a cycle: 1 - w + w (-20) < 0.
    let table = donation_game(30.0, 10.0).unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.1).unwrap());
    let err = GraphPopulation::new(&graph, &table, dynamics).unwrap_err();
    assert_eq!(err.field, "selection");
    assert!(
        GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.1).unwrap())
            .with_mutation(1.5)
            .is_err()
    );
}

#[test]
fn payoffs_come_from_the_stage_game_or_from_played_matches() {
    use twolevel_game::{Currency, Orientation, Politicization, TwoLevelGame};
    use twolevel_strategies::registry::{StrategySpec, build};
    use twolevel_tournament::evolution::graph::stage_game_table;
    use twolevel_tournament::evolution::payoff_table;
    use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RoundRobin};

    // The stage game's table: the classic game at w = 0, pi = 0.
    let stage = stage_game_table(
        &TwoLevelGame::default(),
        Orientation::POLICY,
        Politicization::NONE,
    );
    assert_eq!(stage.row(0), &[3.0, 0.0]);
    assert_eq!(stage.row(1), &[5.0, 1.0]);
    // The table of played matches: Tit For Tat and Defector over 10 rounds,
    // policy payoff per turn, self-play included.
    let entrants = ["Tit For Tat", "Defector"]
        .iter()
        .map(|name| {
            Entrant::new(
                *name,
                build(&StrategySpec::new(*name)).unwrap(),
                PlayerSettings::POLICY,
            )
        })
        .collect();
    let results = RoundRobin::new(MatchConfig::classic(10).unwrap(), entrants)
        .unwrap()
        .play();
    let played = payoff_table(&results, Currency::Policy).unwrap();
    assert_eq!(played.row(0), &[3.0, 0.9]);
    assert_eq!(played.row(1), &[1.4, 1.0]);
    let graph = GraphSpec::Cycle { nodes: 10 }
        .generate(&mut Pcg64Mcg::seed_from_u64(0))
        .unwrap();
    for table in [&stage, &played] {
        let dynamics =
            GraphDynamics::new(UpdateRule::Imitation, Selection::exponential(1.0).unwrap())
                .with_payoffs(PayoffScale::Averaged);
        let mut population = GraphPopulation::new(&graph, table, dynamics).unwrap();
        population.place(3, 1);
        // One defector among cooperators earns the temptation from both sides.
        assert_eq!(population.payoffs()[3], table.get(1, 0));
        assert_eq!(
            population.payoffs()[2],
            (table.get(0, 0) + table.get(0, 1)) / 2.0
        );
    }
}
