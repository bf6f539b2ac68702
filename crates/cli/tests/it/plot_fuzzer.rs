//! No output folder makes `twolevel plot` panic or hang, and every plot it
//! draws is well-formed XML: folders written by `twolevel run` (a round
//! robin with an evolution block) and `twolevel sweep`, then tampered
//! with as a user or a damaged disk might (issue 27, items 1, 5 and 12).
//!
//! Each case copies a folder (of a round robin with evolution, a sweep, a
//! regime or a society), changes one of its read-back files
//! (`results.json`, `evolution.csv`, `evolution.json`, `sweep.csv`,
//! `sweep.json`, `regime.json`, `society_sweep.json`): a number replaced by an edge value (payoffs past
//! f32::MAX, 1e308, NaN), an index out of range, a list cut short, a name
//! with a control character, or the text mutator of the file fuzzers
//! (`crates/tournament/tests/it/support/fuzz_grammar.rs`); then runs
//! `twolevel plot` on it. A case passes when the command draws plots that
//! parse as XML, or is refused with an error that names a file of the
//! folder; a panic (exit status 101), a hang (more than
//! [`PLOT_SECONDS`] seconds) or an error naming no file fails the test
//! and prints the case. An ordinary `cargo test` runs [`PLOT_CASES`]
//! cases; `FUZZ_CASES` and `FUZZ_SEED` run more or others.

use crate::fuzz_grammar;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fuzz_grammar::{env_number, mutated, pick};
use rand::RngExt;
use rand_pcg::Pcg64;
use serde_json::Value;

/// Cases in an ordinary `cargo test` (each starts the command).
const PLOT_CASES: u64 = 40;

/// The longest a case may take before it counts as a hang.
const PLOT_SECONDS: u64 = 60;

/// A round robin of three players with an evolution block (writes
/// `results.json`, `evolution.csv` and `evolution.json`).
const ROUND_ROBIN: &str = r#"Tournament(
    name: "plots",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "Defector", strategy: (name: "Defector")),
        Inline(name: "Random", strategy: (name: "Random")),
    ],
    horizon: Fixed(turns: 10),
    repetitions: 3,
    seed: 5,
    evolution: Some((process: Moran, population: 12, runs: 3, generations: 20, mutation: 0.05)),
)"#;

/// A sweep of two points and two replicates over `base.ron`.
const SWEEP: &str = r#"Sweep(
    name: "plots",
    base: "base.ron",
    grid: [(path: "game.theta", values: [0.0, 2.0])],
    replicates: 2,
)"#;

/// A regime tournament of two entrants (writes `regime.json`).
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

/// A society swept over two q and two mu levels (writes
/// `society_sweep.json`).
const SOCIETY: &str = r#"Society(
    name: "plots",
    groups: [(rule: "Discriminator", count: 10)],
    e: 0.02,
    steps: 200,
    replicates: 2,
    seed: 3,
    sweep: Some((q: [0.5, 1.0], mu: [0.05, 0.2])),
)"#;

/// Numbers a tampered file might hold.
const EDGES: [&str; 12] = [
    "3e39",
    "-3e39",
    "1e308",
    "-1e308",
    "1e100",
    "0",
    "-1",
    "1e-300",
    "4294967295",
    "7",
    "NaN",
    "-0.0",
];

/// Runs the binary with `args`, killed after `seconds`; `None` on a hang.
fn run_with_timeout(args: &[&std::ffi::OsStr], seconds: u64) -> Option<std::process::Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    let start = Instant::now();
    loop {
        if child
            .try_wait()
            .expect("the child can be waited on")
            .is_some()
        {
            return Some(child.wait_with_output().expect("its output"));
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Copies the files of `from` (one level of folders deep is enough for the
/// read-back files; a sweep's `cells` are copied too) into `to`.
fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Every number, string and array in `value`, by JSON pointer.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            out.push(at.to_owned());
            for (k, item) in items.iter().enumerate() {
                pointers(item, &format!("{at}/{k}"), out);
            }
        }
        Value::Object(fields) => {
            for (name, item) in fields {
                pointers(item, &format!("{at}/{name}"), out);
            }
        }
        _ => out.push(at.to_owned()),
    }
}

/// `text` (JSON) with one number, string or array changed.
fn tampered_json(rng: &mut Pcg64, text: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else {
        return mutated(rng, text);
    };
    let mut found = Vec::new();
    pointers(&value, "", &mut found);
    if found.is_empty() {
        return mutated(rng, text);
    }
    let at = found[rng.random_range(0..found.len())].clone();
    let slot = value
        .pointer_mut(&at)
        .expect("a pointer found in the value");
    match slot {
        Value::Array(items) => match rng.random_range(0..3) {
            0 => items.truncate(items.len().saturating_sub(1)),
            1 => items.push(items.first().cloned().unwrap_or(Value::from(99))),
            _ => items.clear(),
        },
        Value::String(_) => {
            *slot = Value::from(pick(rng, &["a\u{1}", "", "<&>", "x\u{fffe}"]));
        }
        _ => {
            let edge = pick(rng, &EDGES);
            // NaN is not JSON: written as text, it is a file the reader must
            // refuse.
            let replacement = format!("__EDGE_{}__", rng.random_range(0..u32::MAX));
            *slot = Value::from(replacement.clone());
            return serde_json::to_string(&value)
                .unwrap()
                .replace(&format!("\"{replacement}\""), edge);
        }
    }
    serde_json::to_string(&value).unwrap()
}

/// `text` (CSV) with rows dropped, a value replaced or a name changed.
fn tampered_csv(rng: &mut Pcg64, text: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.len() < 2 {
        return mutated(rng, text);
    }
    let row = rng.random_range(1..lines.len());
    match rng.random_range(0..7) {
        6 => {
            // A row repeated thousands of times: time-series plots longer
            // than they can show are sampled (the SVG stays small).
            let copies = rng.random_range(20_000..40_000);
            let repeated = lines[row].clone();
            lines.splice(row..row, std::iter::repeat_n(repeated, copies));
        }
        0 => {
            // Every row of one player (or unit), or of one value in column 5.
            let cells: Vec<String> = lines[row].split(',').map(str::to_owned).collect();
            let key = cells[rng.random_range(0..cells.len())].clone();
            let header = lines[0].clone();
            lines.retain(|l| *l == header || !l.split(',').any(|c| c == key));
        }
        1 => {
            let mut cells: Vec<String> = lines[row].split(',').map(str::to_owned).collect();
            let k = rng.random_range(0..cells.len());
            cells[k] = pick(rng, &EDGES).to_owned();
            lines[row] = cells.join(",");
        }
        2 => {
            let mut cells: Vec<String> = lines[0].split(',').map(str::to_owned).collect();
            let k = rng.random_range(0..cells.len());
            cells[k] = pick(rng, &["a\u{1}", "", "\"q\"", "score_../x"]).to_owned();
            lines[0] = cells.join(",");
        }
        3 => lines.truncate(row),
        4 => {
            // A value renamed in every row (a measure names a plot's file).
            let name = pick(
                rng,
                &["score_/../../escaped", "score_a\u{1}", "cooperation_rate"],
            );
            let cells: Vec<&str> = lines[row].split(',').collect();
            let old = format!(",{},", cells[cells.len().saturating_sub(2)]);
            for line in lines.iter_mut().skip(1) {
                *line = line.replace(&old, &format!(",{name},"));
            }
        }
        _ => return mutated(rng, text),
    }
    lines.join("\n") + "\n"
}

/// The largest SVG a tampered folder of three players may give.
const MAX_SVG_BYTES: usize = 256 << 10;

/// Runs `twolevel plot` on `folder`: `Ok(true)` when it drew plots,
/// `Ok(false)` when it refused the folder naming a file, `Err` describing
/// a failure.
fn drive(folder: &Path) -> Result<bool, String> {
    let args = [std::ffi::OsStr::new("plot"), folder.as_os_str()];
    let Some(output) = run_with_timeout(&args, PLOT_SECONDS) else {
        return Err(format!("no answer within {PLOT_SECONDS} s"));
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(101) || stderr.contains("panicked") {
        return Err(format!("panic: {stderr}"));
    }
    if !output.status.success() {
        let names_a_file = [
            "results.json",
            "evolution.csv",
            "evolution.json",
            "sweep.csv",
            "sweep.json",
            "regime.json",
            "society_sweep.json",
        ]
        .iter()
        .any(|name| stderr.contains(name));
        return if names_a_file {
            Ok(false)
        } else {
            Err(format!("an error that names no file: {stderr}"))
        };
    }
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let text = fs::read_to_string(&path).map_err(|e| format!("{e}"))?;
            roxmltree::Document::parse(&text)
                .map_err(|e| format!("{} is not well-formed: {e}", path.display()))?;
            // Long series are sampled: no plot of these small folders
            // comes near 256 KiB (drawn whole, 20,000 points would).
            if text.len() > MAX_SVG_BYTES {
                return Err(format!("{} has {} bytes", path.display(), text.len()));
            }
        }
    }
    Ok(true)
}

/// Writes the source folders into `dir`: `rr` (a round robin with
/// evolution), `sweep`, `regime` and `society`.
fn sources(dir: &Path) -> [PathBuf; 4] {
    fs::create_dir_all(dir).unwrap();
    let rr = dir.join("rr");
    let file = dir.join("rr.ron");
    fs::write(&file, ROUND_ROBIN).unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let output = run_with_timeout(args, 120).expect("the source runs finish");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(&[
        "-q".as_ref(),
        "run".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        rr.as_os_str(),
        "--no-plots".as_ref(),
    ]);
    let base = ROUND_ROBIN.replace(
        "evolution: Some((process: Moran, population: 12, runs: 3, generations: 20, mutation: 0.05)),",
        "",
    );
    fs::write(dir.join("base.ron"), base).unwrap();
    let sweep_file = dir.join("sweep.ron");
    fs::write(&sweep_file, SWEEP).unwrap();
    let sweep = dir.join("sweep");
    run(&[
        "-q".as_ref(),
        "sweep".as_ref(),
        sweep_file.as_os_str(),
        "-o".as_ref(),
        sweep.as_os_str(),
        "--no-plots".as_ref(),
    ]);
    let [regime, society] = [("regime", REGIME), ("society", SOCIETY)].map(|(name, text)| {
        let file = dir.join(format!("{name}.ron"));
        fs::write(&file, text).unwrap();
        let folder = dir.join(name);
        run(&[
            "-q".as_ref(),
            "run".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            folder.as_os_str(),
            "--no-plots".as_ref(),
        ]);
        folder
    });
    [rr, sweep, regime, society]
}

#[test]
fn tampered_output_folders_plot_or_are_refused() {
    let cases = env_number("FUZZ_CASES").unwrap_or(PLOT_CASES);
    let seed = env_number("FUZZ_SEED").unwrap_or(fuzz_grammar::DEFAULT_SEED);
    let mut rng = Pcg64::new(
        u128::from(seed) + 3,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let dir = std::env::temp_dir().join(format!("twolevel-fuzz-plot-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let [rr, sweep, regime, society] = sources(&dir);
    let case = dir.join("case");
    let mut failures = Vec::new();
    let mut drawn = 0;
    for _ in 0..cases {
        let _ = fs::remove_dir_all(&case);
        let (source, files): (&Path, &[&str]) = match rng.random_range(0..4) {
            0 => (&rr, &["results.json", "evolution.csv", "evolution.json"]),
            1 => (&sweep, &["sweep.csv", "sweep.json"]),
            2 => (&regime, &["regime.json"]),
            _ => (&society, &["society_sweep.json"]),
        };
        copy_folder(source, &case);
        let name = pick(&mut rng, files);
        let path = case.join(name);
        let text = fs::read_to_string(&path).unwrap();
        let changed = if name.ends_with(".json") {
            tampered_json(&mut rng, &text)
        } else {
            tampered_csv(&mut rng, &text)
        };
        fs::write(&path, &changed).unwrap();
        match drive(&case) {
            Ok(plotted) => drawn += u64::from(plotted),
            Err(failure) => failures.push(format!("{failure}\n{name}:\n{changed}")),
        }
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} failing cases; the first:\n{}",
        failures.len(),
        failures[0]
    );
    // The tampering leaves most folders drawable: the plots themselves
    // are tested, not only the readers' refusals.
    assert!(
        drawn * 4 >= cases,
        "only {drawn} of {cases} cases drew plots"
    );
}
