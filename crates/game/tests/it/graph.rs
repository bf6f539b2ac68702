//! Graphs: the families' structure (degrees, edge counts, wrap-around),
//! seeded generators giving the same graph for the same seed, and named
//! errors for bad edge lists and parameters.

use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::SeedableRng;
use twolevel_game::graph::{Graph, GraphSpec, Neighbourhood};

fn rng(seed: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(seed)
}

/// Every edge appears in both ends' rows, rows are sorted, no self-loop.
fn assert_simple(graph: &Graph) {
    for i in 0..graph.node_count() {
        let row = graph.neighbours(i);
        assert!(
            row.windows(2).all(|w| w[0] < w[1]),
            "row {i} sorted, no repeats"
        );
        for &j in row {
            assert_ne!(j as usize, i);
            assert!(graph.has_edge(j as usize, i), "{i}-{j} in both rows");
        }
    }
    assert_eq!(graph.edges().count(), graph.edge_count());
}

#[test]
fn lattices_are_periodic_with_four_or_eight_neighbours() {
    let von_neumann = GraphSpec::Lattice {
        width: 5,
        height: 4,
        neighbourhood: Neighbourhood::VonNeumann,
    }
    .generate(&mut rng(0))
    .unwrap();
    assert_eq!(von_neumann.node_count(), 20);
    assert_eq!(von_neumann.edge_count(), 40);
    assert_eq!(von_neumann.regular_degree(), Some(4));
    // Cell (0, 0) wraps to (4, 0) and (0, 3).
    assert_eq!(von_neumann.neighbours(0), &[1, 4, 5, 15]);
    assert_simple(&von_neumann);
    let moore = GraphSpec::Lattice {
        width: 3,
        height: 3,
        neighbourhood: Neighbourhood::Moore,
    }
    .generate(&mut rng(0))
    .unwrap();
    // On a 3 x 3 torus every other cell is a Moore neighbour.
    assert_eq!(moore.regular_degree(), Some(8));
    assert_eq!(moore.edge_count(), 36);
    assert_simple(&moore);
}

#[test]
fn cycles_and_their_mean_degree() {
    let cycle = GraphSpec::Cycle { nodes: 7 }.generate(&mut rng(0)).unwrap();
    assert_eq!(cycle.regular_degree(), Some(2));
    assert_eq!(cycle.neighbours(0), &[1, 6]);
    assert_eq!(cycle.mean_degree(), 2.0);
    assert_simple(&cycle);
}

#[test]
fn random_regular_graphs_are_regular_simple_and_seeded() {
    for (nodes, degree) in [(10, 3), (100, 4), (50, 12), (1000, 6)] {
        let spec = GraphSpec::RandomRegular { nodes, degree };
        let graph = spec.generate(&mut rng(5)).unwrap();
        assert_eq!(graph.regular_degree(), Some(degree), "{nodes} {degree}");
        assert_simple(&graph);
        assert_eq!(
            graph,
            spec.generate(&mut rng(5)).unwrap(),
            "same seed, same graph"
        );
        assert_ne!(graph, spec.generate(&mut rng(6)).unwrap(), "another seed");
    }
    // A complete graph is the only 9-regular graph on 10 nodes.
    let complete = GraphSpec::RandomRegular {
        nodes: 10,
        degree: 9,
    }
    .generate(&mut rng(1))
    .unwrap();
    assert_eq!(complete.edge_count(), 45);
}

#[test]
fn erdos_renyi_edge_counts_match_their_mean() {
    let (nodes, p) = (2000, 0.005);
    let pairs = (nodes * (nodes - 1) / 2) as f64;
    let (mean, sd) = (pairs * p, (pairs * p * (1.0 - p)).sqrt());
    for seed in 0..5 {
        let graph = GraphSpec::ErdosRenyi { nodes, p }
            .generate(&mut rng(seed))
            .unwrap();
        assert_simple(&graph);
        let edges = graph.edge_count() as f64;
        assert!(
            (edges - mean).abs() < 5.0 * sd,
            "{edges} against {mean} +- {sd}"
        );
        assert!(edges <= GraphSpec::ErdosRenyi { nodes, p }.expected_edges());
    }
    let empty = GraphSpec::ErdosRenyi { nodes: 5, p: 0.0 }
        .generate(&mut rng(0))
        .unwrap();
    assert_eq!(empty.edge_count(), 0);
    let full = GraphSpec::ErdosRenyi { nodes: 5, p: 1.0 }
        .generate(&mut rng(0))
        .unwrap();
    assert_eq!(full.edge_count(), 10);
}

#[test]
fn barabasi_albert_graphs_grow_by_preferential_attachment() {
    let spec = GraphSpec::BarabasiAlbert {
        nodes: 3000,
        links: 2,
    };
    let graph = spec.generate(&mut rng(3)).unwrap();
    assert_simple(&graph);
    assert_eq!(graph.edge_count() as f64, spec.expected_edges());
    assert!((0..graph.node_count()).all(|i| graph.degree(i) >= 2));
    // Scale-free: hubs far above the mean degree (about 4).
    let max = (0..graph.node_count())
        .map(|i| graph.degree(i))
        .max()
        .unwrap();
    assert!(max > 40, "largest degree {max}");
}

#[test]
fn bad_edge_lists_and_parameters_name_their_field() {
    let loop_error = Graph::from_edges(3, &[(0, 1), (2, 2)]).unwrap_err();
    assert_eq!(loop_error.field, "edges[1]");
    let repeated = Graph::from_edges(3, &[(0, 1), (1, 2), (1, 0)]).unwrap_err();
    assert_eq!(repeated.field, "edges[2]");
    assert!(
        repeated.reason.contains("more than once"),
        "{}",
        repeated.reason
    );
    let out_of_range = Graph::from_edges(3, &[(0, 3)]).unwrap_err();
    assert_eq!(out_of_range.field, "edges[0]");
    assert_eq!(Graph::from_edges(0, &[]).unwrap_err().field, "nodes");
    let graph = Graph::from_edges(3, &[(0, 1)]).unwrap();
    assert_eq!(graph.degree(2), 0);
    assert_eq!(
        graph
            .clone()
            .with_attribute("w", vec![0.0])
            .unwrap_err()
            .field,
        "attributes.w"
    );
    let weighted = graph.with_attribute("w", vec![0.0, 0.5, 1.0]).unwrap();
    assert_eq!(weighted.attribute("w"), Some(&[0.0, 0.5, 1.0][..]));
    for (spec, field) in [
        (GraphSpec::Cycle { nodes: 2 }, "nodes"),
        (
            GraphSpec::Lattice {
                width: 2,
                height: 5,
                neighbourhood: Neighbourhood::VonNeumann,
            },
            "width",
        ),
        (
            GraphSpec::RandomRegular {
                nodes: 5,
                degree: 3,
            },
            "degree",
        ),
        (
            GraphSpec::RandomRegular {
                nodes: 5,
                degree: 5,
            },
            "degree",
        ),
        (GraphSpec::ErdosRenyi { nodes: 5, p: 1.5 }, "p"),
        (
            GraphSpec::ErdosRenyi {
                nodes: 5,
                p: f64::NAN,
            },
            "p",
        ),
        (GraphSpec::BarabasiAlbert { nodes: 5, links: 0 }, "links"),
    ] {
        assert_eq!(
            spec.generate(&mut rng(0)).unwrap_err().field,
            field,
            "{spec:?}"
        );
    }
}

#[test]
fn memory_is_linear_in_nodes_plus_edges() {
    let small = Graph::memory_bytes(1e3, 2e3);
    let large = Graph::memory_bytes(1e6, 2e6);
    assert!((large / small - 1000.0).abs() < 1.0);
    // A million-node lattice takes about 24 MB.
    assert!(large < 30e6);
}

#[test]
fn specs_read_from_ron() {
    let spec: GraphSpec = ron::from_str("Lattice(width: 10, height: 10)").unwrap();
    assert_eq!(
        spec,
        GraphSpec::Lattice {
            width: 10,
            height: 10,
            neighbourhood: Neighbourhood::VonNeumann
        }
    );
    let spec: GraphSpec = ron::from_str("RandomRegular(nodes: 10, degree: 4)").unwrap();
    assert_eq!(spec.node_count(), 10);
    assert!(ron::from_str::<GraphSpec>("Cycle(nodes: 4, colour: 1)").is_err());
}
