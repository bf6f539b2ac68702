//! Fixation files (`GraphEvolution(..)` and `Multilevel(..)`, issue 25
//! item 5): every loading error at the file's line and column, a sweep's
//! cells equal to direct calls of the library (`graph_fixation`,
//! `Multilevel::fixation`) with the cell's seed, and a seed that
//! reproduces the results bit for bit; payoffs from played matches
//! (`game: Matches(..)`, issue 25 item 3) equal a direct `payoff_table`
//! call.

use std::path::PathBuf;

use twolevel_game::graph::GraphSpec;
use twolevel_tournament::config::FileKind;
use twolevel_tournament::config::graph::generate_graph;
use twolevel_tournament::evolution::Selection;
use twolevel_tournament::evolution::graph::{
    GraphDynamics, PayoffScale, UpdateRule, donation_game, graph_fixation,
};
use twolevel_tournament::evolution::multilevel::{Aggregation, Multilevel, MultilevelParams};
use twolevel_tournament::file::{AnyFile, FileResults};
use twolevel_tournament::fixation_file::{FIXATION_MEASURES, FixationFile};
use twolevel_tournament::progress::NoProgress;
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::sweep_file::Sweep;

const GRAPH_FILE: &str = r#"GraphEvolution(
    name: "rule",
    graphs: [
        Cycle(nodes: 12),
        RandomRegular(nodes: 12, degree: 3),
    ],
    graph_seed: 3,
    dynamics: DeathBirth,
    selection: Linear(0.1),
    payoffs: Accumulated,
    game: Donation(benefit: 4.0, cost: 1.0),
    runs: 300,
    seed: 5,
)"#;

const GROUP_FILE: &str = r#"Multilevel(
    name: "groups",
    groups: [(n: 3, m: 4), (n: 2, m: 5)],
    split_probability: 0.05,
    selection: Linear(0.1),
    payoffs: Accumulated,
    game: Donation(benefit: 3.0, cost: 1.0),
    runs: 200,
    seed: 5,
)"#;

/// A scratch folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-fixfile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The error of loading `text` as `bad.ron`, which must name the line and
/// column `at` (`"L:C"`) and contain every one of `words`.
fn refused(text: &str, at: &str, words: &[&str]) {
    let error = AnyFile::from_ron(text, "bad.ron").unwrap_err().to_string();
    assert!(error.contains(&format!("bad.ron:{at}")), "{at}: {error}");
    for word in words {
        assert!(error.contains(word), "{word}: {error}");
    }
}

#[test]
fn fixation_files_load_as_their_kinds() {
    assert_eq!(FileKind::of(GRAPH_FILE), FileKind::GraphEvolution);
    assert_eq!(FileKind::of(GROUP_FILE), FileKind::Multilevel);
    let graph = AnyFile::from_ron(GRAPH_FILE, "g.ron").unwrap();
    assert_eq!(graph.kind(), FileKind::GraphEvolution);
    let groups = AnyFile::from_ron(GROUP_FILE, "m.ron").unwrap();
    assert_eq!(groups.kind(), FileKind::Multilevel);
    assert_eq!(
        groups.into_fixation().unwrap().units(),
        ["n=3 m=4", "n=2 m=5"]
    );
}

#[test]
fn loading_errors_name_the_field_at_its_line_and_column() {
    // A graph's own parameter, under its entry in `graphs`.
    refused(
        &GRAPH_FILE.replace("Cycle(nodes: 12)", "Cycle(nodes: 2)"),
        "4:",
        &["graphs[0]", "nodes"],
    );
    // No runs, too many, and a number of runs no count can be: one range,
    // the same words.
    for runs in ["0", "100000001", "-1", "5000000000"] {
        refused(
            &GRAPH_FILE.replace("runs: 300", &format!("runs: {runs}")),
            "12:",
            &[
                "runs",
                &format!("expected a whole number of runs from 1 to 100000000, got {runs}"),
            ],
        );
    }
    // The caps on a run, the same way (0 and a number no count can be).
    for cap in ["0", "-1"] {
        refused(
            &GRAPH_FILE.replace("runs: 300", &format!("runs: 300, max_updates: {cap}")),
            "12:",
            &[
                "max_updates",
                &format!(
                    "expected a whole number of updates from 1 to {}, got {cap}",
                    u64::MAX
                ),
            ],
        );
        refused(
            &GROUP_FILE.replace("runs: 200", &format!("runs: 200, max_steps: {cap}")),
            "8:",
            &[
                "max_steps",
                &format!(
                    "expected a whole number of steps from 1 to {}, got {cap}",
                    u64::MAX
                ),
            ],
        );
    }
    // A selection too strong for the payoffs a node can get (a cooperator
    // with 3 defecting neighbours gets -3 c; 1 - w + w (-3 c * 10) < 0).
    refused(
        &GRAPH_FILE.replace("cost: 1.0", "cost: 10.0"),
        "9:",
        &["selection"],
    );
    // The same graph twice.
    refused(
        &GRAPH_FILE.replace("RandomRegular(nodes: 12, degree: 3)", "Cycle(nodes: 12)"),
        "5:",
        &["graphs[1]", "already graphs[0]"],
    );
    // A field the kind does not have.
    refused(
        &GRAPH_FILE.replace("runs: 300", "runs: 300, turns: 4"),
        "12:",
        &["turns"],
    );
    // A group of one.
    refused(
        &GROUP_FILE.replace("(n: 3, m: 4)", "(n: 1, m: 4)"),
        "3:",
        &["groups[0].n"],
    );
    // A split probability out of (0, 1].
    refused(
        &GROUP_FILE.replace("0.05", "1.5"),
        "4:",
        &["split_probability"],
    );
    // A payoff that is not a number.
    refused(
        &GROUP_FILE.replace("benefit: 3.0", "benefit: inf"),
        "7:",
        &["game"],
    );
}

#[test]
fn a_seed_reproduces_the_results_bit_for_bit() {
    for text in [GRAPH_FILE, GROUP_FILE] {
        let play = |seed| match AnyFile::from_ron(text, "f.ron")
            .unwrap()
            .with_seed(seed)
            .play()
            .unwrap()
        {
            FileResults::Fixation(results) => *results,
            other => panic!("{other:?}"),
        };
        let (a, b, c) = (play(9), play(9), play(10));
        assert_eq!(a.csv(), b.csv());
        for (x, y) in a.rows.iter().zip(&b.rows) {
            assert_eq!(x.probability.to_bits(), y.probability.to_bits());
            assert_eq!(x.standard_error.to_bits(), y.standard_error.to_bits());
        }
        assert_ne!(a.csv(), c.csv(), "another seed, other runs");
        assert_eq!(a.seed, 9);
    }
}

/// The tidy rows of `measure` as (seed, benefit, unit, value).
fn rows(tidy: &str, measure: &str) -> Vec<(u64, f64, String, f64)> {
    tidy.lines()
        .skip(1)
        .map(|line| line.split(',').collect::<Vec<_>>())
        .filter(|fields| fields[6] == measure)
        .map(|fields| {
            (
                fields[3].parse().unwrap(),
                fields[4].parse().unwrap(),
                fields[5].to_owned(),
                fields[7].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_graph_sweep_gives_the_cells_of_direct_library_calls() {
    let dir = folder("graph");
    std::fs::write(dir.join("base.ron"), GRAPH_FILE).unwrap();
    let sweep = Sweep::from_ron(
        r#"Sweep(name: "s", base: "base.ron",
                 grid: [(path: "game.benefit", values: [1.5, 6.0])], replicates: 2, seed: Some(3))"#,
        dir.join("s.ron"),
    )
    .unwrap();
    assert_eq!(
        sweep.identity().players,
        ["cycle N=12 k=2", "random regular N=12 k=3"]
    );
    let results = sweep.run_in_memory(&NoProgress).unwrap();
    let header = results.tidy.lines().next().unwrap();
    assert_eq!(
        header,
        "cell,point,replicate,seed,game.benefit,player,measure,value"
    );
    assert_eq!(
        results.tidy.lines().count(),
        1 + 4 * 2 * FIXATION_MEASURES.len()
    );
    let specs = [
        GraphSpec::Cycle { nodes: 12 },
        GraphSpec::RandomRegular {
            nodes: 12,
            degree: 3,
        },
    ];
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.1).unwrap())
        .with_payoffs(PayoffScale::Accumulated);
    let probabilities = rows(&results.tidy, "fixation_probability");
    assert_eq!(probabilities.len(), 8);
    for (seed, benefit, unit, value) in probabilities {
        let i = usize::from(unit.starts_with("random"));
        let graph = generate_graph(&specs[i], 3, "graph").unwrap();
        let direct = graph_fixation(
            &graph,
            &donation_game(benefit, 1.0).unwrap(),
            dynamics,
            0,
            1,
            300,
            1_000_000_000,
            derive_seed(seed, &[i as u64]),
        )
        .unwrap();
        assert_eq!(
            value.to_bits(),
            direct.probability.to_bits(),
            "{unit} b = {benefit}"
        );
    }
    // The analytic threshold of death-birth on a k-regular graph.
    for (_, _, unit, value) in rows(&results.tidy, "threshold") {
        let expected = if unit.starts_with("cycle") {
            10.0 / 4.0
        } else {
            10.0 / 2.0
        };
        assert!((value - expected).abs() < 1e-12, "{unit}: {value}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_group_sweep_gives_the_cells_of_direct_library_calls() {
    let dir = folder("groups");
    std::fs::write(dir.join("base.ron"), GROUP_FILE).unwrap();
    let sweep = Sweep::from_ron(
        r#"Sweep(name: "s", base: "base.ron",
                 grid: [(path: "game.benefit", values: [1.0, 4.0])], replicates: 1, seed: Some(8))"#,
        dir.join("s.ron"),
    )
    .unwrap();
    let results = sweep.run_in_memory(&NoProgress).unwrap();
    let settings = [(3, 4), (2, 5)];
    let probabilities = rows(&results.tidy, "fixation_probability");
    assert_eq!(probabilities.len(), 4);
    for (seed, benefit, unit, value) in probabilities {
        let i = usize::from(unit == "n=2 m=5");
        let (n, m) = settings[i];
        let params = MultilevelParams::new(n, m, Selection::linear(0.1).unwrap(), 0.05)
            .unwrap()
            .with_aggregation(Aggregation::Accumulated)
            .with_max_steps(1_000_000_000);
        let direct = Multilevel::donation(params, benefit, 1.0)
            .unwrap()
            .fixation(0, 200, derive_seed(seed, &[i as u64]))
            .unwrap();
        assert_eq!(
            value.to_bits(),
            direct.probability.to_bits(),
            "{unit} b = {benefit}"
        );
    }
    // n = 3, m = 4: b/c > 1 + 3/2; n = 2, m = 5: b/c > 1 + 2/3.
    for (_, _, unit, value) in rows(&results.tidy, "threshold") {
        let expected = if unit == "n=3 m=4" { 2.5 } else { 5.0 / 3.0 };
        assert!((value - expected).abs() < 1e-12, "{unit}: {value}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_too_large_is_refused_before_it_runs() {
    // A hundred million runs on a cycle of 10^4 nodes: about
    // 10^8 * 10^4 * (1 + ln 10^4) = 10^13 updates, over the default work
    // limit of 10^12, refused naming `runs` before anything runs.
    let text = GRAPH_FILE
        .replace("Cycle(nodes: 12)", "Cycle(nodes: 10000)")
        .replace("runs: 300", "runs: 100000000");
    let error = FixationFile::from_ron(&text, "big.ron")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("big.ron:12:") && error.contains("runs"),
        "{error}"
    );
}

#[test]
fn a_two_level_stage_game_gives_its_blended_payoffs_and_names_the_currency() {
    use twolevel_game::{Orientation, Politicization, TwoLevelGame};
    // Averaged payoffs: the default game's accumulated blended payoffs on
    // a 3-regular graph are too large for `Linear(0.1)` (refused).
    let text = GRAPH_FILE
        .replace(
            "Donation(benefit: 4.0, cost: 1.0)",
            "Stage(political_weight: 0.5, politicization: 0.3)",
        )
        .replace("payoffs: Accumulated", "payoffs: Averaged");
    let file = FixationFile::from_ron(&text, "stage.ron").unwrap();
    let m = TwoLevelGame::default().blended_matrix(
        Orientation::new(0.5).unwrap(),
        Politicization::new(0.3).unwrap(),
    );
    assert_eq!(file.game.entries(), Some([m.r(), m.s(), m.t(), m.p()]));
    assert_eq!(file.entries().unwrap(), [m.r(), m.s(), m.t(), m.p()]);
    let results = file.play().unwrap();
    assert!(
        results.currency.starts_with("utility"),
        "{}",
        results.currency
    );
    assert!(results.to_string().contains("utility"));
    // A weight outside [0, 1] is refused at its line and column.
    refused(
        &text.replace("political_weight: 0.5", "political_weight: 1.5"),
        "11:",
        &["game.political_weight"],
    );
}

/// A graph file whose game is played: Generous Tit For Tat (stochastic,
/// so that the seed matters) against Defector, political payoffs.
fn matches_file() -> String {
    GRAPH_FILE
        .replace(
            "Donation(benefit: 4.0, cost: 1.0)",
            r#"Matches(
        mutant: (name: "Generous Tit For Tat"),
        resident: (name: "Defector"),
        horizon: Fixed(turns: 10),
        currency: Political,
        repetitions: 3,
        political_weight: 0.5,
    )"#,
        )
        .replace("payoffs: Accumulated", "payoffs: Averaged")
}

/// The entries `[CC, CD, DC, DD]` of the round robin of `mutant` and
/// `resident` played directly, as the `Matches` game of `matches_file`
/// describes it.
fn direct_entries(seed: u64, currency: twolevel_game::Currency) -> [f64; 4] {
    use twolevel_game::{Horizon, Orientation, TwoLevelGame};
    use twolevel_tournament::evolution::payoff_table;
    use twolevel_tournament::play::{MatchConfig, PlayerSettings};
    use twolevel_tournament::round_robin::{Entrant, RoundRobin};
    let settings = PlayerSettings::new(Orientation::new(0.5).unwrap(), None).unwrap();
    let entrant = |name: &str| {
        Entrant::new(
            name,
            twolevel_strategies::registry::build(
                &twolevel_strategies::registry::StrategySpec::new(name),
            )
            .unwrap(),
            settings,
        )
    };
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(10).unwrap()).unwrap();
    let round_robin = RoundRobin::new(
        config,
        vec![entrant("Generous Tit For Tat"), entrant("Defector")],
    )
    .and_then(|r| r.with_repetitions(3))
    .and_then(|r| r.with_self_play(true))
    .unwrap()
    .with_seed(seed);
    let table = payoff_table(&round_robin.play(), currency).unwrap();
    [
        table.get(0, 0),
        table.get(0, 1),
        table.get(1, 0),
        table.get(1, 1),
    ]
}

#[test]
fn a_played_game_gives_the_payoff_table_of_its_matches() {
    use twolevel_game::Currency;
    let text = matches_file();
    let file = FixationFile::from_ron(&text, "matches.ron").unwrap();
    assert_eq!(file.game.entries(), None);
    let bits = |e: [f64; 4]| e.map(f64::to_bits);
    let entries = file.entries().unwrap();
    assert_eq!(bits(entries), bits(direct_entries(5, Currency::Political)));
    // Another seed plays other matches (Generous Tit For Tat forgives at
    // random), and `with_seed` replays them.
    let other = file.clone().with_seed(6);
    assert_eq!(
        bits(other.entries().unwrap()),
        bits(direct_entries(6, Currency::Political))
    );
    assert_ne!(bits(other.entries().unwrap()), bits(entries));
    // Another currency gives that currency's table.
    let policy = FixationFile::from_ron(
        &text.replace("currency: Political", "currency: Policy"),
        "matches.ron",
    )
    .unwrap();
    assert_eq!(
        bits(policy.entries().unwrap()),
        bits(direct_entries(5, Currency::Policy))
    );
    assert_ne!(bits(policy.entries().unwrap()), bits(entries));
    // The results are those of `graph_fixation` on that table, name the
    // currency, and reproduce bit for bit with the seed.
    let results = file.play().unwrap();
    let [a, b, c, d] = entries;
    let table = twolevel_tournament::evolution::PayoffTable::two_by_two(a, b, c, d).unwrap();
    let graph = generate_graph(&GraphSpec::Cycle { nodes: 12 }, 3, "graph").unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.1).unwrap())
        .with_payoffs(PayoffScale::Averaged);
    let direct = graph_fixation(
        &graph,
        &table,
        dynamics,
        0,
        1,
        300,
        1_000_000_000,
        derive_seed(5, &[0]),
    )
    .unwrap();
    assert_eq!(results.rows[0].fixed, direct.fixed);
    assert!(
        results.currency.starts_with("political"),
        "{}",
        results.currency
    );
    assert!(results.to_string().contains("political"), "{results}");
    assert!(
        results.game.contains("Generous Tit For Tat"),
        "{}",
        results.game
    );
    let again = FixationFile::from_ron(&text, "matches.ron")
        .unwrap()
        .play()
        .unwrap();
    assert_eq!(results.csv(), again.csv());
    // A multilevel file plays the same game, with the seed `with_seed`
    // gives it.
    let groups = GROUP_FILE
        .replace(
            "Donation(benefit: 3.0, cost: 1.0)",
            r#"Matches(mutant: (name: "Generous Tit For Tat"), resident: (name: "Defector"),
        horizon: Fixed(turns: 10), currency: Political, repetitions: 3, political_weight: 0.5)"#,
        )
        .replace("payoffs: Accumulated", "payoffs: Averaged");
    let groups = FixationFile::from_ron(&groups, "groups.ron")
        .unwrap()
        .with_seed(6);
    let params = MultilevelParams::new(3, 4, Selection::linear(0.1).unwrap(), 0.05)
        .unwrap()
        .with_aggregation(Aggregation::Averaged);
    let process = Multilevel::new(params, direct_entries(6, Currency::Political)).unwrap();
    let direct = process.fixation(0, 200, derive_seed(6, &[0])).unwrap();
    assert_eq!(groups.play().unwrap().rows[0].fixed, direct.fixed);
}

#[test]
fn a_played_game_is_refused_at_its_line_and_column() {
    let text = matches_file();
    // An unknown strategy, with the close names suggested.
    refused(
        &text.replace("Generous Tit For Tat", "Generous Tit For Tatt"),
        "12:",
        &["game.mutant", "unknown strategy", "did you mean"],
    );
    refused(
        &text.replace("(name: \"Defector\")", "(name: \"Defectorr\")"),
        "13:",
        &["game.resident", "did you mean", "Defector"],
    );
    // A horizon of no turns, and a weight outside [0, 1].
    refused(
        &text.replace("Fixed(turns: 10)", "Fixed(turns: 0)"),
        "14:",
        &["turns"],
    );
    refused(
        &text.replace("political_weight: 0.5", "political_weight: 2.0"),
        "17:",
        &["game.political_weight"],
    );
    refused(
        &text.replace("repetitions: 3", "repetitions: 0"),
        "16:",
        &["repetitions"],
    );
    // Matches too long to play (3 pairs, self-play included, x 1000 x
    // 10^9 turns, over the default work limit of 10^12) are refused
    // before they are played, naming `game.repetitions`.
    refused(
        &text
            .replace("Fixed(turns: 10)", "Fixed(turns: 1000000000)")
            .replace("repetitions: 3", "repetitions: 1000"),
        "16:",
        &["game.repetitions", "match turns"],
    );
}

#[test]
fn edge_list_graphs_are_units_with_the_threshold_only_when_regular() {
    use twolevel_tournament::config::graph::read_edge_list;
    let dir = folder("edges");
    // A cycle of 12 (2-regular) and a star of 12 (not regular), as CSV,
    // and a RON graph file of the same cycle.
    let mut cycle = String::from("source,target\n");
    for i in 0..12 {
        cycle.push_str(&format!("{i},{}\n", (i + 1) % 12));
    }
    std::fs::write(dir.join("cycle.csv"), &cycle).unwrap();
    let mut star = String::from("source,target\n");
    for i in 1..12 {
        star.push_str(&format!("0,{i}\n"));
    }
    std::fs::write(dir.join("star.csv"), &star).unwrap();
    // Averaged payoffs: the star's hub would sum eleven partners' payoffs,
    // too many for `Linear(0.1)`.
    let text = GRAPH_FILE
        .replace(
            "    graph_seed: 3,",
            "    edges: [\"cycle.csv\", \"star.csv\"],\n    graph_seed: 3,",
        )
        .replace("payoffs: Accumulated", "payoffs: Averaged");
    let path = dir.join("edges.ron");
    std::fs::write(&path, &text).unwrap();
    let file = FixationFile::from_file(&path).unwrap();
    let units = file.units();
    assert_eq!(units.len(), 4, "{units:?}");
    assert_eq!(units[2], "edges cycle.csv N=12 k=2");
    assert!(
        units[3].starts_with("edges star.csv N=12 mean k="),
        "{units:?}"
    );
    let results = file.play().unwrap();
    // Each edge-list unit is `graph_fixation` on the graph read, with the
    // unit's derived seed.
    let table = donation_game(4.0, 1.0).unwrap();
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.1).unwrap())
        .with_payoffs(PayoffScale::Averaged);
    for (k, name) in [(2usize, "cycle.csv"), (3, "star.csv")] {
        let graph = read_edge_list(&dir.join(name), None).unwrap();
        let direct = graph_fixation(
            &graph,
            &table,
            dynamics,
            0,
            1,
            300,
            1_000_000_000,
            derive_seed(5, &[k as u64]),
        )
        .unwrap();
        assert_eq!(results.rows[k].fixed, direct.fixed, "{name}");
        assert_eq!(
            results.rows[k].probability.to_bits(),
            direct.probability.to_bits()
        );
    }
    // The analytic threshold for the regular cycle (that of the generated
    // cycle of the same size), none for the star.
    assert_eq!(results.rows[2].threshold, results.rows[0].threshold);
    assert!(results.rows[2].threshold.is_some());
    assert_eq!(results.rows[3].threshold, None);
    assert_eq!(results.rows[3].condition, None);
    // Edge lists only, no generated graph.
    let only = text.replace(
        "    graphs: [\n        Cycle(nodes: 12),\n        RandomRegular(nodes: 12, degree: 3),\n    ],\n",
        "",
    );
    assert_ne!(only, text);
    std::fs::write(&path, &only).unwrap();
    assert_eq!(FixationFile::from_file(&path).unwrap().units().len(), 2);
    // A disconnected edge list is refused at `edges[1]`, at its line.
    std::fs::write(dir.join("apart.csv"), "source,target\n0,1\n2,3\n").unwrap();
    std::fs::write(&path, text.replace("star.csv", "apart.csv")).unwrap();
    let error = FixationFile::from_file(&path).unwrap_err().to_string();
    assert!(
        error.contains("edges.ron:7:26") && error.contains("edges[1]"),
        "{error}"
    );
    // The same file twice is refused at `edges[1]`.
    std::fs::write(&path, text.replace("star.csv", "cycle.csv")).unwrap();
    let error = FixationFile::from_file(&path).unwrap_err().to_string();
    assert!(
        error.contains("edges[1]") && error.contains("already"),
        "{error}"
    );
    // An error inside the edge list names that file and its line.
    std::fs::write(dir.join("bad.csv"), "source,target\n0,1\n1,x\n").unwrap();
    std::fs::write(&path, text.replace("star.csv", "bad.csv")).unwrap();
    let error = FixationFile::from_file(&path).unwrap_err().to_string();
    assert!(error.contains("bad.csv:3"), "{error}");
    let _ = std::fs::remove_dir_all(&dir);
}
