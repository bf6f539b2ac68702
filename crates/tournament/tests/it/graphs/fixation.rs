//! Fixation probabilities on graphs against closed forms: the neutral
//! 1/N (exact in expectation for every rule on a regular graph) and the
//! `b/c > k` rule of Ohtsuki, Hauert, Lieberman and Nowak (2006) for
//! death-birth updating at weak selection, which birth-death updating
//! does not share.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::graph::{GraphSpec, Neighbourhood};
use twolevel_tournament::evolution::graph::{
    GraphDynamics, PayoffScale, UpdateRule, donation_game, graph_fixation, is_connected,
};
use twolevel_tournament::evolution::{PayoffTable, Selection};

const MAX_UPDATES: u64 = 10_000_000;

#[test]
fn neutral_mutants_fix_with_probability_one_over_n() {
    let mut rng = Pcg64Mcg::seed_from_u64(2);
    let graphs = [
        GraphSpec::Cycle { nodes: 12 }.generate(&mut rng).unwrap(),
        GraphSpec::Lattice {
            width: 4,
            height: 4,
            neighbourhood: Neighbourhood::VonNeumann,
        }
        .generate(&mut rng)
        .unwrap(),
        GraphSpec::RandomRegular {
            nodes: 20,
            degree: 3,
        }
        .generate(&mut rng)
        .unwrap(),
    ];
    // Any table: with w = 0 every fitness is 1.
    let table = donation_game(3.0, 1.0).unwrap();
    for graph in &graphs {
        for rule in [
            UpdateRule::DeathBirth,
            UpdateRule::BirthDeath,
            UpdateRule::Imitation,
        ] {
            let dynamics = GraphDynamics::new(rule, Selection::linear(0.0).unwrap());
            let estimate =
                graph_fixation(graph, &table, dynamics, 0, 1, 20_000, MAX_UPDATES, 11).unwrap();
            assert_eq!(estimate.unfinished, 0);
            assert_eq!(estimate.neutral, 1.0 / graph.node_count() as f64);
            // Tolerance: four standard errors (a false alarm about once in
            // 16,000 checks; nine checks here).
            let z = estimate.z_against_neutral().unwrap();
            assert!(
                z.abs() < 4.0,
                "{rule:?} on {} nodes: {estimate:?}",
                graph.node_count()
            );
        }
    }
}

/// Cooperators (0) invading defectors (1) in the donation game on a cycle
/// (k = 2) of 20 nodes at weak selection: Ohtsuki et al.'s condition for
/// death-birth updating is `b/c > (N - 2) / (N/k - 2) = 2.25` here (`b/c >
/// k` as N grows).
fn cooperator_fixation(
    rule: UpdateRule,
    b: f64,
) -> twolevel_tournament::evolution::graph::FixationEstimate {
    let graph = GraphSpec::Cycle { nodes: 20 }
        .generate(&mut Pcg64Mcg::seed_from_u64(0))
        .unwrap();
    let table = donation_game(b, 1.0).unwrap();
    let dynamics = GraphDynamics::new(rule, Selection::linear(0.1).unwrap())
        .with_payoffs(PayoffScale::Accumulated);
    graph_fixation(&graph, &table, dynamics, 0, 1, 40_000, MAX_UPDATES, 5).unwrap()
}

#[test]
fn death_birth_favours_cooperation_when_b_over_c_exceeds_k() {
    // Tolerance: three standard errors on each side of 1/N.
    let above = cooperator_fixation(UpdateRule::DeathBirth, 6.0);
    assert!(
        above.z_against_neutral().unwrap() > 3.0,
        "b/c = 6: {above:?}"
    );
    let below = cooperator_fixation(UpdateRule::DeathBirth, 1.2);
    assert!(
        below.z_against_neutral().unwrap() < -3.0,
        "b/c = 1.2: {below:?}"
    );
    // Birth-death updating never favours cooperation on a cycle.
    let birth_death = cooperator_fixation(UpdateRule::BirthDeath, 6.0);
    assert!(
        birth_death.z_against_neutral().unwrap() < -3.0,
        "BD, b/c = 6: {birth_death:?}"
    );
}

#[test]
fn refusals_name_their_field() {
    let graph = GraphSpec::Cycle { nodes: 5 }
        .generate(&mut Pcg64Mcg::seed_from_u64(0))
        .unwrap();
    let table = PayoffTable::two_by_two(1.0, 1.0, 1.0, 1.0).unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.0).unwrap());
    let field = |result: Result<_, twolevel_game::ParameterError>| result.unwrap_err().field;
    assert_eq!(
        field(graph_fixation(&graph, &table, dynamics, 0, 0, 10, 100, 0)),
        "mutant"
    );
    assert_eq!(
        field(graph_fixation(&graph, &table, dynamics, 2, 0, 10, 100, 0)),
        "mutant"
    );
    assert_eq!(
        field(graph_fixation(&graph, &table, dynamics, 0, 1, 0, 100, 0)),
        "runs"
    );
    let mutating = dynamics.with_mutation(0.1).unwrap();
    assert_eq!(
        field(graph_fixation(&graph, &table, mutating, 0, 1, 10, 100, 0)),
        "mutation"
    );
    let split = twolevel_game::graph::Graph::from_edges(4, &[(0, 1), (2, 3)]).unwrap();
    assert!(!is_connected(&split));
    assert_eq!(
        field(graph_fixation(&split, &table, dynamics, 0, 1, 10, 100, 0)),
        "graph"
    );
}

#[test]
fn estimates_do_not_depend_on_the_thread_count() {
    let graph = GraphSpec::Cycle { nodes: 8 }
        .generate(&mut Pcg64Mcg::seed_from_u64(0))
        .unwrap();
    let table = donation_game(3.0, 1.0).unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.2).unwrap());
    let run = |threads| {
        twolevel_tournament::limits::on_threads(threads, || {
            graph_fixation(&graph, &table, dynamics, 0, 1, 3000, MAX_UPDATES, 4).unwrap()
        })
        .unwrap()
    };
    assert_eq!(run(1), run(2));
}
