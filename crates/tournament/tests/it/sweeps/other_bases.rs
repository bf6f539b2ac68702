//! Sweeps over a regime base and a society base: a sweep run whole and the
//! same sweep run as shards 1/2 and 2/2 then merged give byte-identical
//! `sweep.csv` and `summary.csv`; each cell plays with the seed derived
//! from the sweep's seed and its replicate, as the file's own loader and
//! `AnyFile::with_seed` would; a lever path is refused at its line and
//! column; a society with its own q and mu grid has a unit per point of it;
//! a sweep file is refused as a base; the replicate-seed rules.

use std::fs;
use std::path::{Path, PathBuf};

use twolevel_tournament::config::FileKind;
use twolevel_tournament::file::{AnyFile, FileResults};
use twolevel_tournament::progress::NoProgress;
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::sweep_file::{BaseKind, Shard, Sweep, merge};

/// A small regime tournament: groups of three, ten rounds, three entrants.
const REGIME: &str = r#"Regime(
    game: (size: 3, policy: CollectiveRisk(endowment: 1.0, cost_share: 0.1, risk: 0.9, threshold: 2)),
    horizon: Fixed(turns: 10),
    action_noise: 0.01,
    risk: Sampled,
    repetitions: 1,
    seed: 5,
    entrants: [
        (strategy: (name: "Conditional Cooperator", params: {"quorum": 2})),
        (strategy: (name: "MFN Free Rider"), w: 0.2),
        (strategy: (name: "Regime Nationalist"), w: 0.8),
    ],
)
"#;

/// A small society: ten states, a few hundred steps.
const SOCIETY: &str = r#"Society(
    name: "small",
    groups: [
        (rule: "Discriminator", count: 8, political_weight: 0.5, politicization: 0.2),
        (rule: "ALLD", count: 2, political_weight: 0.5, politicization: 0.2),
    ],
    norm: "stern judging",
    institution: Public,
    q: 1.0,
    e: 0.02,
    mu: 0.02,
    game: (benefit: 2.0, cost: 1.0, levels: (theta: 4.0, beta: 0.8)),
    warmup: 50,
    steps: 300,
    seed: 3,
)
"#;

const REGIME_SWEEP: &str = r#"Sweep(
    name: "regime-noise",
    base: "regime.ron",
    grid: [(path: "action_noise", values: [0.0, 0.1])],
    replicates: 2,
    seed: Some(9),
)
"#;

const SOCIETY_SWEEP: &str = r#"Sweep(
    name: "society-mu",
    base: "society.ron",
    grid: [(path: "mu", values: [0.0, 0.2]), (path: "q", values: [0.5, 1.0])],
    replicates: 2,
)
"#;

/// A fresh folder holding the two bases.
fn folder(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("twolevel-sweeps-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("regime.ron"), REGIME).unwrap();
    fs::write(folder.join("society.ron"), SOCIETY).unwrap();
    folder
}

/// Runs the sweep whole and as two merged shards; both folders' whole-sweep
/// files must be byte-identical. Returns the whole run's `sweep.csv`.
fn whole_equals_merged_shards(folder: &Path, sweep: &Sweep) -> String {
    let whole = folder.join("whole");
    let run = sweep.run(&whole, None, &NoProgress).unwrap();
    assert!(run.summary.is_some());
    let shards: Vec<PathBuf> = (1..=2)
        .map(|k| {
            let out = folder.join(format!("shard{k}"));
            let run = sweep
                .run(&out, Some(Shard::new(k, 2).unwrap()), &NoProgress)
                .unwrap();
            assert!(run.summary.is_none());
            out
        })
        .collect();
    let merged = folder.join("merged");
    merge(&merged, &shards).unwrap();
    for file in ["sweep.csv", "summary.csv", "sweep.json"] {
        assert_eq!(
            fs::read(whole.join(file)).unwrap(),
            fs::read(merged.join(file)).unwrap(),
            "{file} differs between the whole sweep and the merged shards"
        );
    }
    // The in-memory run gives the same table.
    let tidy = fs::read_to_string(whole.join("sweep.csv")).unwrap();
    assert_eq!(sweep.run_in_memory(&NoProgress).unwrap().tidy, tidy);
    tidy
}

/// The seed column of every row is the derived seed of its replicate.
fn assert_derived_seeds(tidy: &str, master: u64) {
    for line in tidy.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let replicate: u64 = fields[2].parse().unwrap();
        let seed: u64 = fields[3].parse().unwrap();
        assert_eq!(seed, derive_seed(master, &[replicate]), "{line}");
    }
}

#[test]
fn a_regime_base_sweeps_whole_and_in_shards() {
    let folder = folder("regime");
    let sweep = Sweep::from_ron(REGIME_SWEEP, folder.join("sweep.ron")).unwrap();
    let identity = sweep.identity();
    assert_eq!(identity.kind, BaseKind::Regime);
    assert_eq!(identity.cells, 4);
    assert_eq!(
        identity.players,
        [
            "Conditional Cooperator",
            "MFN Free Rider",
            "Regime Nationalist",
            "regime"
        ]
    );
    assert!(sweep.points().is_empty());
    let tidy = whole_equals_merged_shards(&folder, &sweep);
    assert!(tidy.starts_with("cell,point,replicate,seed,action_noise,player,measure,value\n"));
    // 3 entrants x 4 measures + the regime's 2, per cell.
    assert_eq!(tidy.lines().count(), 1 + 4 * 14);
    assert!(tidy.contains(",MFN Free Rider,score_political,"));
    assert!(tidy.contains(",regime,success_rate,") && tidy.contains(",regime,welfare,"));
    assert_derived_seeds(&tidy, 9);
    let summary = fs::read_to_string(folder.join("whole/summary.csv")).unwrap();
    assert!(!summary.contains("NaN"), "{summary}");
    assert_eq!(summary.lines().count(), 1 + 2 * 14);

    // Cell 3 (point 1, replicate 1) is the base file with action noise 0.1
    // loaded as a regime file and played with the derived seed.
    let seed = derive_seed(9, &[1]);
    let text = REGIME.replace("action_noise: 0.01", "action_noise: 0.1");
    let FileResults::Regime(results) = AnyFile::from_ron(&text, folder.join("regime.ron"))
        .unwrap()
        .with_seed(seed)
        .play()
        .unwrap()
    else {
        panic!("a regime file plays as a regime");
    };
    let expected = format!("3,1,1,{seed},0.1,regime,welfare,{}\n", results.welfare);
    assert!(tidy.contains(&expected), "{expected}");
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn a_society_base_sweeps_whole_and_in_shards() {
    let folder = folder("society");
    let sweep = Sweep::from_ron(SOCIETY_SWEEP, folder.join("sweep.ron")).unwrap();
    let identity = sweep.identity();
    assert_eq!(identity.kind, BaseKind::Society);
    assert_eq!(identity.players, ["society"]);
    // Without a seed in the sweep file, the base's seed is the master seed.
    assert_eq!(identity.seed, 3);
    assert_eq!(identity.cells, 8);
    let tidy = whole_equals_merged_shards(&folder, &sweep);
    assert_eq!(tidy.lines().count(), 1 + 8 * 5);
    for measure in [
        "good_share",
        "cooperation_rate",
        "payoff_policy",
        "payoff_political",
        "payoff_utility",
    ] {
        assert!(tidy.contains(&format!(",society,{measure},")), "{measure}");
    }
    assert_derived_seeds(&tidy, 3);

    // Cell 5 (point 2: mu 0.2, q 0.5; replicate 1) is the society file
    // with those values, run with the derived seed.
    let seed = derive_seed(3, &[1]);
    let text = SOCIETY
        .replace("mu: 0.02", "mu: 0.2")
        .replace("q: 1.0", "q: 0.5");
    let file = AnyFile::from_ron(&text, folder.join("society.ron")).unwrap();
    assert_eq!(file.kind(), FileKind::Society);
    let FileResults::Society { sweep: society, .. } = file.with_seed(seed).play().unwrap() else {
        panic!("a society file plays as a society");
    };
    let expected = format!(
        "5,2,1,{seed},0.2,0.5,society,good_share,{}\n",
        society.points[0].good_share
    );
    assert!(tidy.contains(&expected), "{expected}");
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn lever_paths_are_refused_for_a_regime_base_at_their_position() {
    let folder = folder("lever");
    let text = "Sweep(\n    name: \"lever\",\n    base: \"regime.ron\",\n    grid: [\n        \
                (path: \"lever.knowledge\", values: [0.5]),\n    ],\n)\n";
    let error = Sweep::from_ron(text, folder.join("lever.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("lever.ron:5:"), "{error}");
    assert!(
        error.contains("`lever.knowledge` applies only to a round-robin base"),
        "{error}"
    );
    // Field paths the regime file does not have name themselves.
    let error = Sweep::from_ron(
        &text.replace("lever.knowledge", "gmae.size"),
        folder.join("bad.ron"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("bad.ron:5:") && error.contains("`gmae.size`"),
        "{error}"
    );
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn a_society_with_its_own_grid_has_a_unit_per_grid_point() {
    let folder = folder("society-grid");
    let society = SOCIETY.replace(
        "    seed: 3,\n",
        "    seed: 3,\n    sweep: Some((q: [0.5, 1.0], mu: [0.1])),\n",
    );
    fs::write(folder.join("society.ron"), society).unwrap();
    let text = r#"Sweep(name: "e", base: "society.ron", grid: [(path: "e", values: [0.0, 0.05])])"#;
    let sweep = Sweep::from_ron(text, folder.join("sweep.ron")).unwrap();
    assert_eq!(sweep.identity().players, ["q=0.5 mu=0.1", "q=1 mu=0.1"]);
    let results = sweep.run_in_memory(&NoProgress).unwrap();
    assert_eq!(results.tidy.lines().count(), 1 + 2 * 2 * 5);
    assert!(results.tidy.contains(",q=1 mu=0.1,good_share,"));
    // A sweep file is not a base.
    fs::write(folder.join("inner.ron"), text).unwrap();
    let error = Sweep::from_ron(
        &text.replace("society.ron", "inner.ron"),
        folder.join("outer.ron"),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("`inner.ron` is a sweep file"), "{error}");
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn replicate_seed_rules() {
    use twolevel_tournament::sweep_file::ReplicateSeeds;
    assert_eq!(ReplicateSeeds::Derived.seed(7, 2), derive_seed(7, &[2]));
    assert_eq!(ReplicateSeeds::Consecutive.seed(7, 2), 9);
    assert_eq!(ReplicateSeeds::Consecutive.seed(u64::MAX, 1), 0);
    assert_eq!(ReplicateSeeds::Shared.seed(7, 2), 7);
}
