//! Spatial tournaments: a round robin on a graph, where only neighbours
//! meet, against the Python `axelrod` library's `Tournament(..., edges=..)`
//! (fixture `fixtures/axelrod_spatial.json`, made by
//! `scripts/gen_spatial_fixture.py` with axelrod 4.14), per-node payoffs,
//! and graph files with their errors at file:line:column.

use std::fs;

use serde_json::Value;
use twolevel_game::graph::Graph;
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::file::{AnyFile, FileResults};
use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RoundRobin};

fn fixture() -> Value {
    serde_json::from_str(include_str!("../../fixtures/axelrod_spatial.json")).unwrap()
}

fn spatial_round_robin(fixture: &Value) -> RoundRobin {
    let entrants = fixture["players"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| {
            let name = name.as_str().unwrap();
            Entrant::new(
                name,
                build(&StrategySpec::new(name)).unwrap(),
                PlayerSettings::POLICY,
            )
        })
        .collect::<Vec<_>>();
    let edges: Vec<(u32, u32)> = fixture["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32))
        .collect();
    let graph = Graph::from_edges(entrants.len(), &edges).unwrap();
    let config = MatchConfig::classic(fixture["turns"].as_u64().unwrap() as u32)
        .unwrap()
        .with_length_known(true);
    RoundRobin::new(config, entrants)
        .unwrap()
        .with_graph(graph)
        .unwrap()
}

#[test]
fn only_neighbours_meet_and_the_totals_equal_axelrod() {
    let fixture = fixture();
    let round_robin = spatial_round_robin(&fixture);
    let edges = fixture["edges"].as_array().unwrap().len();
    assert_eq!(round_robin.pairs().len(), edges);
    let results = round_robin.with_match_records(true).play();
    assert_eq!(results.matches.len(), edges);
    assert_eq!(results.pairs_met(), edges);
    for (record, expected) in results
        .matches
        .iter()
        .zip(fixture["match_totals"].as_array().unwrap())
    {
        let [i, j] = record.players;
        assert_eq!(
            [i as u64, j as u64],
            [expected[0].as_u64().unwrap(), expected[1].as_u64().unwrap()]
        );
        assert_eq!(
            record.result.players[0].policy,
            expected[2].as_f64().unwrap()
        );
        assert_eq!(
            record.result.players[1].policy,
            expected[3].as_f64().unwrap()
        );
    }
    // Players that are not neighbours did not meet.
    assert!(results.payoff_matrices.policy[0][2].is_none());
    assert!(results.payoff_matrices.policy[0][5].is_some());
    let spatial = results.spatial.as_ref().expect("per-node payoffs");
    let turns = fixture["turns"].as_f64().unwrap();
    for i in 0..results.standings.len() {
        // The accumulated payoff per turn is axelrod's score over the turns;
        // the averaged one its normalised score (and the node's standing).
        let total = fixture["total_scores"][i].as_f64().unwrap();
        assert_eq!(
            (spatial.accumulated.policy[i] * turns).round(),
            total,
            "node {i}"
        );
        let normalised = fixture["normalised_scores"][i].as_f64().unwrap();
        assert!(
            (spatial.averaged.policy[i] - normalised).abs() < 1e-12,
            "node {i}"
        );
        assert!(
            (results.standings[i].scores.policy.mean - normalised).abs() < 1e-12,
            "node {i}"
        );
    }
    assert_eq!(spatial.degree[0], 3);
}

#[test]
fn a_graph_of_the_wrong_size_or_with_an_isolated_node_is_refused() {
    let fixture = fixture();
    let round_robin = spatial_round_robin(&fixture);
    let err = round_robin
        .clone()
        .with_graph(Graph::from_edges(3, &[(0, 1), (1, 2)]).unwrap())
        .unwrap_err();
    assert_eq!(err.field, "graph");
    let lonely = Graph::from_edges(10, &[(0, 1)]).unwrap();
    let err = round_robin.with_graph(lonely).unwrap_err();
    assert!(err.reason.contains("node 2"), "{}", err.reason);
}

fn players(n: usize) -> String {
    (0..n)
        .map(|k| {
            let strategy = ["Tit For Tat", "Defector", "Cooperator"][k % 3];
            format!("Inline(name: \"p{k}\", strategy: (name: \"{strategy}\"))")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn tournament_files_carry_a_generated_graph() {
    let text = format!(
        "Tournament(\n    name: \"ring\",\n    players: [{}],\n    graph: Some(Lattice(width: 3, height: 3)),\n)",
        players(9)
    );
    let file = AnyFile::from_ron(&text, "ring.ron").unwrap();
    let FileResults::RoundRobin { results, .. } = file.play().unwrap() else {
        panic!("a round robin");
    };
    assert_eq!(results.pairs_met(), 18);
    assert_eq!(results.spatial.as_ref().unwrap().degree, vec![4; 9]);
    // A graph of another size is refused at the `graph` field.
    let text = format!(
        "Tournament(\n    name: \"ring\",\n    players: [{}],\n    graph: Some(Cycle(nodes: 5)),\n)",
        players(4)
    );
    let err = AnyFile::from_ron(&text, "ring.ron")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("ring.ron:4:"), "{err}");
    assert!(err.contains("graph"), "{err}");
    let text = format!(
        "Tournament(\n    name: \"ring\",\n    players: [{}],\n    graph: Some(RandomRegular(nodes: 5, degree: 3)),\n)",
        players(5)
    );
    let err = AnyFile::from_ron(&text, "ring.ron")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("ring.ron:4:"), "{err}");
    assert!(err.contains("graph.degree"), "{err}");
}

#[test]
fn edge_files_and_their_errors_at_line_and_column() {
    let dir = std::env::temp_dir().join(format!("twolevel-graphs-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let tournament = dir.join("t.ron");
    let write_tournament = |edges: &str, attributes: &str| {
        fs::write(
            &tournament,
            format!(
                "Tournament(name: \"t\", players: [{}], edges: Some(\"{edges}\"){attributes})",
                players(4)
            ),
        )
        .unwrap();
    };
    fs::write(dir.join("ring.csv"), "source,target\n0,1\n1,2\n2,3\n3,0\n").unwrap();
    fs::write(
        dir.join("nodes.csv"),
        "node,political_weight\n0,0.5\n3,1.0\n",
    )
    .unwrap();
    write_tournament("ring.csv", ", node_attributes: Some(\"nodes.csv\")");
    let file = AnyFile::from_file(&tournament).unwrap();
    let tournament_loaded = file.into_tournament().unwrap();
    let graph = tournament_loaded.round_robin.graph().unwrap();
    assert_eq!(graph.edge_count(), 4);
    assert_eq!(
        graph.attribute("political_weight"),
        Some(&[0.5, 0.0, 0.0, 1.0][..])
    );
    // A self-loop in row 3 (line 4): the error points at it.
    fs::write(dir.join("bad.csv"), "source,target\n0,1\n1,2\n 2,2\n").unwrap();
    write_tournament("bad.csv", "");
    let err = AnyFile::from_file(&tournament).unwrap_err().to_string();
    assert!(err.contains("bad.csv:4:2: row 3"), "{err}");
    // A node out of range in a RON edge list, at its place.
    fs::write(
        dir.join("g.ron"),
        "Graph(\n    nodes: 4,\n    edges: [(0, 1), (1, 7)],\n)",
    )
    .unwrap();
    write_tournament("g.ron", "");
    let err = AnyFile::from_file(&tournament).unwrap_err().to_string();
    assert!(err.contains("g.ron:3:"), "{err}");
    assert!(err.contains("edges[1]"), "{err}");
    // A number that is not a node, at its column.
    fs::write(dir.join("x.csv"), "source,target\n0,1.5\n").unwrap();
    write_tournament("x.csv", "");
    let err = AnyFile::from_file(&tournament).unwrap_err().to_string();
    assert!(err.contains("x.csv:2:3: row 1, column `target`"), "{err}");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_million_node_graph_beyond_the_budget_is_refused_before_it_is_built() {
    use twolevel_tournament::config::graph::generate_graph;
    let spec = twolevel_game::graph::GraphSpec::ErdosRenyi {
        nodes: 1_000_000,
        p: 0.5,
    };
    let err = generate_graph(&spec, 0, "graph").unwrap_err();
    assert_eq!(err.field, "graph");
    assert!(err.reason.contains("limit"), "{}", err.reason);
    // A million-node lattice fits.
    let lattice = twolevel_game::graph::GraphSpec::Lattice {
        width: 1000,
        height: 1000,
        neighbourhood: twolevel_game::graph::Neighbourhood::VonNeumann,
    };
    assert_eq!(
        generate_graph(&lattice, 0, "graph").unwrap().node_count(),
        1_000_000
    );
}
