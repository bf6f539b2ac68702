//! `twolevel sweep` and `twolevel run` on sweep files whose base is a
//! regime file, a society file or a negotiation file: the same engine,
//! folders and plots as a round-robin sweep, and shards merged byte for
//! byte; a negotiation sweep's own plots.

use std::fs;
use std::path::PathBuf;

use crate::support::{self, ok};

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    support::scratch("cli", name)
}

const REGIME: &str = r#"Regime(
    game: (size: 3, policy: CollectiveRisk(endowment: 1.0, cost_share: 0.1, risk: 0.9, threshold: 2)),
    horizon: Fixed(turns: 10),
    repetitions: 1,
    seed: 5,
    entrants: [
        (strategy: (name: "Conditional Cooperator", params: {"quorum": 2})),
        (strategy: (name: "MFN Free Rider"), w: 0.2),
    ],
)"#;

const SOCIETY: &str = r#"Society(
    name: "small",
    groups: [(rule: "Discriminator", count: 8), (rule: "ALLD", count: 2)],
    e: 0.02,
    steps: 200,
    seed: 3,
)"#;

#[test]
fn regime_and_society_bases_sweep_with_plots_and_shards() {
    let dir = scratch("other-bases");
    fs::write(dir.join("regime.ron"), REGIME).unwrap();
    fs::write(dir.join("society.ron"), SOCIETY).unwrap();
    for (base, path) in [("regime.ron", "action_noise"), ("society.ron", "mu")] {
        let sweep = dir.join(format!("sweep-{base}"));
        fs::write(
            &sweep,
            format!(
                "Sweep(name: \"s\", base: \"{base}\", grid: [(path: \"{path}\", values: [0.0, \
                 0.1])], replicates: 2)"
            ),
        )
        .unwrap();
        let sweep = sweep.to_str().unwrap();
        let whole = dir.join(format!("whole-{base}"));
        // With plots: the units without a plotted measure draw no line.
        ok(&["sweep", sweep, "-q", "-o", whole.to_str().unwrap()]);
        assert!(whole.join("sweep_cooperation_rate.svg").is_file());
        let mut shards = Vec::new();
        for k in 1..=2 {
            let shard = dir.join(format!("shard-{k}-{base}"));
            let shard = shard.to_str().unwrap().to_owned();
            let k = format!("{k}/2");
            ok(&[
                "sweep",
                sweep,
                "-q",
                "--no-plots",
                "--shard",
                &k,
                "-o",
                &shard,
            ]);
            shards.push(shard);
        }
        let merged = dir.join(format!("merged-{base}"));
        let merged = merged.to_str().unwrap();
        ok(&["merge", "-q", "-o", merged, &shards[0], &shards[1]]);
        for file in ["sweep.csv", "summary.csv"] {
            assert_eq!(
                fs::read(whole.join(file)).unwrap(),
                fs::read(PathBuf::from(merged).join(file)).unwrap(),
                "{base}: {file}"
            );
        }
        // `twolevel run` runs it too, and counts its points.
        let by_run = dir.join(format!("run-{base}"));
        let printed = ok(&["run", sweep, "--no-plots", "-o", by_run.to_str().unwrap()]);
        assert!(
            printed.contains("s: 2 points x 2 replicates = 4 cells"),
            "{printed}"
        );
        assert_eq!(
            fs::read(whole.join("sweep.csv")).unwrap(),
            fs::read(by_run.join("sweep.csv")).unwrap()
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

/// The shipped sweep over a negotiation file (`tournaments/sweep-tau.ron`)
/// draws, for each pair, the zone of agreement with A's share and the
/// outcome rates; `twolevel plot` draws the same files again from the
/// folder.
#[test]
fn the_shipped_tau_sweep_draws_the_zone_and_the_outcomes() {
    let dir = scratch("sweep-tau");
    let sweep = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tournaments/sweep-tau.ron"
    );
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let printed = ok(&["sweep", sweep, "-o", out]);
    assert!(
        printed.contains("tau: 7 points x 3 replicates = 21 cells"),
        "{printed}"
    );
    let out = PathBuf::from(out);
    let mut drawn = Vec::new();
    for pair in 0..5 {
        for plot in ["zone", "outcomes"] {
            let path = out.join(format!("negotiation_{plot}_{pair}.svg"));
            drawn.push((path.clone(), fs::read(&path).unwrap()));
        }
    }
    assert!(!out.join("negotiation_zone_5.svg").exists());
    // Pair 3 is the Union against Emerging, whose zone closes as tau rises.
    let zone = String::from_utf8(fs::read(out.join("negotiation_zone_3.svg")).unwrap()).unwrap();
    for label in [
        "Union vs Emerging",
        "zone of agreement (R_A to 1 - R_B)",
        "A&apos;s mean agreed share (s.e.)",
    ] {
        assert!(
            zone.contains(label) || zone.contains(&label.replace("&apos;", "'")),
            "{label}"
        );
    }
    let outcomes =
        String::from_utf8(fs::read(out.join("negotiation_outcomes_3.svg")).unwrap()).unwrap();
    for label in [
        "ratified",
        "withdrawn after an election",
        "involuntary defection",
    ] {
        assert!(outcomes.contains(label), "{label}");
    }
    for (path, _) in &drawn {
        fs::remove_file(path).unwrap();
    }
    ok(&["plot", out.to_str().unwrap()]);
    for (path, bytes) in &drawn {
        assert_eq!(&fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    let _ = fs::remove_dir_all(&dir);
}
