//! Sweeps over a negotiation base: a sweep run whole and as shards 1/2 and
//! 2/2 then merged give byte-identical `sweep.csv` and `summary.csv`; each
//! cell is the negotiation file with the point's values, played with the
//! replicate's derived seed; every pair has the same measures in every
//! cell, `NaN` where a measure is undefined (an empty zone's bounds), and
//! the summary leaves those out; A's share rises with its threshold while
//! the zone is open; an interrupted sweep resumes; a lever path is refused at its line and column.

use std::fs;
use std::path::{Path, PathBuf};

use twolevel_tournament::file::{AnyFile, FileResults};
use twolevel_tournament::progress::NoProgress;
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::sweep_file::{BaseKind, NEGOTIATION_MEASURES, Shard, Sweep, merge};

/// Tied hands (docs/negotiation/tied-hands.ron), small: A's four
/// ratifiers (reservations 0.2, 0.4, 0.6, 0.8) at threshold tau, against
/// B, whose one ratifier leaves A at most 0.7.
const NEGOTIATION: &str = r#"Negotiation(
    name: "tied hands",
    states: [
        (player: Inline(name: "A", strategy: (name: "Tit For Tat")), threshold: Tau(0.33), ratifiers: Inline([(weight: 1.0, position: 0.8), (weight: 1.0, position: 0.6), (weight: 1.0, position: 0.4), (weight: 1.0, position: 0.2)]), noise: 0.05),
        (player: Inline(name: "B", strategy: (name: "Tit For Tat")), ratifiers: Inline([(weight: 1.0, position: 0.7)]), noise: 0.05),
    ],
    protocol: Nash(weight: 0.5),
    horizon: Fixed(turns: 10),
    repetitions: 20,
    seed: 2,
)
"#;

const SWEEP: &str = r#"Sweep(
    name: "tau",
    base: "negotiation.ron",
    grid: [(path: "states[0].threshold", values: [0.25, 0.75, 1.0])],
    replicates: 2,
    seed: Some(4),
)
"#;

fn folder(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("twolevel-negsweep-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("negotiation.ron"), NEGOTIATION).unwrap();
    folder
}

/// Runs the sweep whole and as two merged shards and checks that the
/// whole-sweep files are byte-identical; returns the tidy CSV.
fn whole_equals_merged_shards(folder: &Path, sweep: &Sweep) -> String {
    let whole = folder.join("whole");
    assert!(
        sweep
            .run(&whole, None, &NoProgress)
            .unwrap()
            .summary
            .is_some()
    );
    let shards: Vec<PathBuf> = (1..=2)
        .map(|k| {
            let out = folder.join(format!("shard{k}"));
            let run = sweep.run(&out, Some(Shard::new(k, 2).unwrap()), &NoProgress);
            assert!(run.unwrap().summary.is_none());
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
    // A cell holds the negotiation's own result files.
    for file in [
        "negotiation_pairs.csv",
        "negotiation_runs.csv",
        "negotiation.json",
    ] {
        assert!(whole.join("cells/000000").join(file).is_file(), "{file}");
    }
    let tidy = fs::read_to_string(whole.join("sweep.csv")).unwrap();
    assert_eq!(sweep.run_in_memory(&NoProgress).unwrap().tidy, tidy);
    // An interrupted sweep (a cell's folder gone) resumes with that cell
    // alone and writes the same files.
    fs::remove_dir_all(whole.join("cells/000003")).unwrap();
    let run = sweep.run(&whole, None, &NoProgress).unwrap();
    assert_eq!(run.pending.to_run, [3]);
    assert_eq!(fs::read_to_string(whole.join("sweep.csv")).unwrap(), tidy);
    tidy
}

/// The value of `measure` for the pair in the rows of cell `cell`.
fn value(tidy: &str, cell: usize, measure: &str) -> f64 {
    let prefix = format!("{cell},");
    let suffix = format!(",A vs B,{measure},");
    let line = tidy
        .lines()
        .find(|l| l.starts_with(&prefix) && l.contains(&suffix))
        .unwrap_or_else(|| panic!("no {measure} in cell {cell}"));
    line.rsplit(',').next().unwrap().parse().unwrap()
}

#[test]
fn a_negotiation_base_sweeps_whole_and_in_shards() {
    let folder = folder("tau");
    let sweep = Sweep::from_ron(SWEEP, folder.join("sweep.ron")).unwrap();
    let identity = sweep.identity();
    assert_eq!(identity.kind, BaseKind::Negotiation);
    assert_eq!(identity.players, ["A vs B"]);
    assert_eq!(identity.cells, 6);
    let tidy = whole_equals_merged_shards(&folder, &sweep);
    assert!(
        tidy.starts_with("cell,point,replicate,seed,states[0].threshold,player,measure,value\n")
    );
    assert_eq!(tidy.lines().count(), 1 + 6 * NEGOTIATION_MEASURES.len());
    for line in tidy.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let replicate: u64 = fields[2].parse().unwrap();
        assert_eq!(
            fields[3].parse::<u64>().unwrap(),
            derive_seed(4, &[replicate])
        );
    }

    // Cell 3 (point 1: tau 0.75, replicate 1) is the base file with that
    // threshold, played with the derived seed.
    let seed = derive_seed(4, &[1]);
    let text = NEGOTIATION.replace("Tau(0.33)", "Tau(0.75)");
    let FileResults::Negotiation(results) =
        AnyFile::from_ron(&text, folder.join("negotiation.ron"))
            .unwrap()
            .with_seed(seed)
            .play()
            .unwrap()
    else {
        panic!("a negotiation file plays as a negotiation");
    };
    let pair = &results.pairs[0];
    assert_eq!(value(&tidy, 3, "ratified"), pair.negotiation.ratified.mean);
    assert_eq!(value(&tidy, 3, "share"), pair.summary.share.unwrap());
    assert_eq!(
        value(&tidy, 3, "payoff_political_b"),
        pair.summary.states[1].political
    );

    // The zone: R_A is the tau-quantile of A's reservations (0.2, 0.4,
    // 0.6, 0.8) and 1 - R_B = 0.7; at tau 1 R_A = 0.8 > 0.7 and the zone
    // is empty.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    assert_eq!(value(&tidy, 0, "zone_open"), 1.0);
    assert!(close(value(&tidy, 0, "zone_low"), 0.2));
    assert!(close(value(&tidy, 0, "zone_high"), 0.7));
    assert!(close(value(&tidy, 2, "zone_low"), 0.6));
    assert_eq!(value(&tidy, 4, "zone_open"), 0.0);
    assert!(value(&tidy, 4, "zone_low").is_nan() && value(&tidy, 5, "share").is_nan());
    assert_eq!(value(&tidy, 4, "ratified"), 0.0);
    // Schelling's conjecture: A's share rises with tau_A while the zone
    // exists (strictly once R_A is above the unconstrained share 0.5).
    assert!(value(&tidy, 2, "share") > value(&tidy, 0, "share") + 0.05);
    assert!(value(&tidy, 2, "constrained_share") > value(&tidy, 0, "constrained_share"));

    // The summary leaves out the undefined values: point 2's zone bounds
    // and share have no row, its `n` is the replicates that had the
    // measure, and no mean is NaN.
    let summary = fs::read_to_string(folder.join("whole/summary.csv")).unwrap();
    assert!(!summary.contains("NaN"), "{summary}");
    assert!(summary.contains("\n1,0.75,A vs B,zone_low,"), "{summary}");
    assert!(!summary.contains("\n2,1,A vs B,zone_low,"), "{summary}");
    assert!(!summary.contains("\n2,1,A vs B,share,"), "{summary}");
    assert!(
        summary.contains("\n2,1,A vs B,zone_open,0,0,0,2\n"),
        "{summary}"
    );
    let _ = fs::remove_dir_all(&folder);
}

#[test]
fn lever_paths_are_refused_for_a_negotiation_base_at_their_position() {
    let folder = folder("lever");
    let text = SWEEP.replace("states[0].threshold", "lever.knowledge");
    let error = Sweep::from_ron(&text, folder.join("sweep.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("sweep.ron:4:") && error.contains("`Negotiation(..)`"),
        "{error}"
    );
    // A path the negotiation file does not have names itself.
    let text = SWEEP.replace("states[0].threshold", "states[0].thresold");
    let error = Sweep::from_ron(&text, folder.join("sweep.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("`states[0].thresold`") || error.contains("thresold"),
        "{error}"
    );
    let _ = fs::remove_dir_all(&folder);
}

/// The shipped sweep `tournaments/sweep-tau.ron` over `paris.ron`: as
/// the Union's threshold rises, its reservation rises, its share against
/// Emerging rises while the zone of agreement is open (Schelling's
/// conjecture), fewer agreements are ratified, and the zone closes.
#[test]
fn the_shipped_tau_sweep_shows_schellings_conjecture() {
    let folder = folder("shipped");
    for stem in ["sweep-tau", "paris"] {
        let text = twolevel_tournament::config::shipped_tournament(stem).unwrap();
        fs::write(folder.join(format!("{stem}.ron")), text).unwrap();
    }
    let sweep = Sweep::from_file(folder.join("sweep-tau.ron")).unwrap();
    assert_eq!(sweep.identity().kind, BaseKind::Negotiation);
    assert!(
        sweep
            .identity()
            .players
            .contains(&"Union vs Emerging".to_owned())
    );
    let results = sweep.run_in_memory(&NoProgress).unwrap();
    // The printed table shows each pair's zone, share and ratification,
    // `-` where the zone is empty.
    let printed = results.to_string();
    assert!(
        printed.contains("Union vs Emerging")
            && printed.contains("zone_low")
            && printed.contains("ratified"),
        "{printed}"
    );
    let summary = &results.summary;
    let unit = sweep
        .identity()
        .players
        .iter()
        .position(|p| p == "Union vs Emerging")
        .unwrap();
    let mean = |point: usize, measure: &str| {
        let m = summary.measures.iter().position(|x| x == measure).unwrap();
        (summary.counts[point][unit][m] > 0).then(|| summary.stats[point][unit][m].0)
    };
    // Points: tau 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1.
    assert!(mean(2, "zone_low").unwrap() > mean(0, "zone_low").unwrap());
    assert!(mean(2, "share").unwrap() > mean(0, "share").unwrap() + 0.02);
    assert!(mean(2, "ratified").unwrap() < mean(0, "ratified").unwrap());
    for point in 4..7 {
        assert_eq!(mean(point, "zone_open"), Some(0.0));
        assert_eq!(mean(point, "share"), None);
        assert_eq!(mean(point, "ratified"), Some(0.0));
    }
    let _ = fs::remove_dir_all(&folder);
}

/// The shipped sweep `tournaments/sweep-tied-hands.ron` over `treaty.ron`:
/// the Executive's own ratification constraint binds, so its share is
/// `max(z^u, R_A)` and rises with its legislature's threshold `tau_A`
/// (0.208, 0.3, 0.45, 0.6) while the zone of agreement exists; every
/// proposal is ratified and fully complied with; from `tau_A = 0.95`
/// (`R_A = 0.75` above the Partner's 0.65) the zone is gone.
#[test]
fn the_shipped_tied_hands_sweep_shows_the_share_rising_with_tau() {
    let folder = folder("tied-hands");
    for stem in ["sweep-tied-hands", "treaty"] {
        let text = twolevel_tournament::config::shipped_tournament(stem).unwrap();
        fs::write(folder.join(format!("{stem}.ron")), text).unwrap();
    }
    let sweep = Sweep::from_file(folder.join("sweep-tied-hands.ron")).unwrap();
    assert_eq!(sweep.identity().kind, BaseKind::Negotiation);
    let results = sweep.run_in_memory(&NoProgress).unwrap();
    let summary = &results.summary;
    let unit = sweep
        .identity()
        .players
        .iter()
        .position(|p| p == "Executive vs Partner")
        .unwrap();
    let mean = |point: usize, measure: &str| {
        let m = summary.measures.iter().position(|x| x == measure).unwrap();
        (summary.counts[point][unit][m] > 0).then(|| summary.stats[point][unit][m].0)
    };
    // Points: tau 0.1, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.95, 1.
    let z_u = (1.0 - 0.95) / (1.0 - 0.8 * 0.95);
    let expected = [z_u, z_u, 0.3, 0.3, 0.45, 0.45, 0.6, 0.6];
    for (point, &z) in expected.iter().enumerate() {
        let share = mean(point, "share").unwrap();
        assert!((share - z).abs() < 1e-12, "point {point}: {share} vs {z}");
        assert!((mean(point, "constrained_share").unwrap() - share).abs() < 1e-12);
        assert!((mean(point, "unconstrained_share").unwrap() - z_u).abs() < 1e-12);
        assert_eq!(mean(point, "ratified"), Some(1.0));
        assert_eq!(mean(point, "compliance"), Some(1.0));
        assert!((mean(point, "zone_high").unwrap() - 0.65).abs() < 1e-12);
    }
    // The rise is A's own constraint: its reservation, not the partner's
    // bound, sets the share from tau 0.4 on.
    for point in 2..8 {
        let [low, share] = ["zone_low", "share"].map(|m| mean(point, m).unwrap());
        assert!((low - share).abs() < 1e-12, "point {point}");
    }
    // The Executive's policy payoff per round rises with its share: 6 z
    // under full cooperation.
    assert!(mean(7, "payoff_policy_a").unwrap() > mean(0, "payoff_policy_a").unwrap() + 2.0);
    // The zone's end.
    for point in 8..10 {
        assert_eq!(mean(point, "zone_open"), Some(0.0));
        assert_eq!(mean(point, "share"), None);
        assert_eq!(mean(point, "ratified"), Some(0.0));
    }
    let _ = fs::remove_dir_all(&folder);
}

/// The compliance cost `psi`, a state's noise and its side payment are
/// swept by their paths; a side payment the file does not have cannot be.
#[test]
fn psi_noise_and_side_payments_are_swept_by_their_paths() {
    let folder = folder("psi");
    let base = NEGOTIATION.replace(
        "noise: 0.05),\n        (player: Inline(name: \"B\"",
        "noise: 0.05, resources: (wealth: 1.0), side_payment: Some((transfer: 0.1, leakage: 1.0))),\n        (player: Inline(name: \"B\"",
    );
    assert_ne!(base, NEGOTIATION);
    fs::write(folder.join("negotiation.ron"), &base).unwrap();
    let text = r#"Sweep(
    name: "levers",
    base: "negotiation.ron",
    grid: [
        (path: "psi", values: [0.0, 0.5]),
        (path: "states[1].noise", values: [0.0]),
        (path: "states[0].side_payment.transfer", values: [0.0, 0.4]),
    ],
)"#;
    let sweep = Sweep::from_ron(text, folder.join("sweep.ron")).unwrap();
    assert_eq!(sweep.identity().cells, 4);
    let tidy = sweep.run_in_memory(&NoProgress).unwrap().tidy;
    // A pays more side payments with the larger transfer, at either psi.
    for (low, high) in [(0, 1), (2, 3)] {
        assert!(
            value(&tidy, high, "side_payments_a") > value(&tidy, low, "side_payments_a"),
            "{tidy}"
        );
    }
    // The swept values are the file's: point 3 is psi 0.5, noise 0, transfer 0.4.
    let point = base
        .replace("seed: 2,", "seed: 2, psi: 0.5,")
        .replace("transfer: 0.1", "transfer: 0.4")
        .replacen(
            "position: 0.7)]), noise: 0.05",
            "position: 0.7)]), noise: 0.0",
            1,
        );
    let seed = sweep.identity().grid_cells().cell(3).seed;
    let FileResults::Negotiation(results) =
        AnyFile::from_ron(&point, folder.join("negotiation.ron"))
            .unwrap()
            .with_seed(seed)
            .play()
            .unwrap()
    else {
        panic!("a negotiation file plays as a negotiation");
    };
    assert_eq!(
        value(&tidy, 3, "payoff_policy_a"),
        results.pairs[0].summary.states[0].policy
    );
    // Without a side payment in the base there is no transfer to set.
    fs::write(folder.join("negotiation.ron"), NEGOTIATION).unwrap();
    let error = Sweep::from_ron(text, folder.join("sweep.ron"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("side_payment"), "{error}");
    let _ = fs::remove_dir_all(&folder);
}
