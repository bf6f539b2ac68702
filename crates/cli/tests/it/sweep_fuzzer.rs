//! No sweep file makes the command panic: generated sweep files (from the grammar of
//! `Sweep(..)`, over a generated base tournament) and mutated ones, run by
//! the `twolevel sweep` command itself, as users run them.
//!
//! A case passes when the command either runs or is refused with an error
//! that names the sweep file or its base file; a panic (exit status 101)
//! fails the test and prints the case. The generators are those of the
//! tournament fuzzer (`crates/tournament/tests/it/support/fuzz_grammar.rs`); each case
//! starts the command, so an ordinary `cargo test` runs [`SWEEP_CASES`]
//! cases, and `FUZZ_CASES` and `FUZZ_SEED` run more or others, as
//! `docs/testing.md` explains.

use crate::fuzz_grammar;

use std::path::Path;
use std::process::Command;

use fuzz_grammar::{count, env_number, generated_tournament, mostly, mutated, pick};
use rand::RngExt;
use rand_pcg::Pcg64;
use twolevel_tournament::config::PresetCatalog;

/// Cases in an ordinary `cargo test` (each starts the command).
const SWEEP_CASES: u64 = 40;

/// Field paths a user might sweep, valid and not.
const PATHS: [&str; 14] = [
    "game.theta",
    "game.beta",
    "repetitions",
    "horizon.turns",
    "horizon.delta",
    "action_noise",
    "politics",
    "seed",
    "players[0].political_weight",
    "players[9].political_weight",
    "lever.knowledge",
    "lever.policy_consensus",
    "lever.no_such_lever",
    "no.such.field",
];

/// A random sweep file from the grammar of `Sweep(..)`, over `base.ron`.
fn generated_sweep(rng: &mut Pcg64) -> String {
    let axes: Vec<String> = (0..rng.random_range(0..=2))
        .map(|_| {
            let values: Vec<&str> = (0..count(rng))
                .map(|_| mostly(rng, &["0", "0.5", "1", "2"]))
                .collect();
            format!(
                "(path: \"{}\", values: [{}])",
                pick(rng, &PATHS),
                values.join(", ")
            )
        })
        .collect();
    let mut fields = vec![
        format!("name: \"{}\"", pick(rng, &["fuzz", "", "ünïcode"])),
        format!(
            "base: \"{}\"",
            if rng.random_bool(0.95) {
                "base.ron"
            } else {
                pick(rng, &["missing.ron", "", "case.ron"])
            }
        ),
        format!("grid: [{}]", axes.join(", ")),
    ];
    if rng.random_bool(0.5) {
        fields.push(format!("replicates: {}", count(rng)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("seed: Some({})", rng.random_range(0..1000)));
    }
    format!("Sweep(\n    {},\n)\n", fields.join(",\n    "))
}

/// Runs `twolevel sweep` on the case; `Err` describes a failure.
fn drive(sweep: &str, base: &str, folder: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).expect("the fuzz folder is writable");
    std::fs::write(folder.join("base.ron"), base).expect("writable");
    std::fs::write(folder.join("case.ron"), sweep).expect("writable");
    let output = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(["-q", "--threads", "1", "-o"])
        .arg(folder.join("out"))
        .arg("sweep")
        .arg(folder.join("case.ron"))
        .arg("--no-plots")
        .output()
        .expect("the command starts");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(101) || stderr.contains("panicked") {
        return Err(format!("panic: {stderr}"));
    }
    let names_a_file = stderr.contains("case.ron") || stderr.contains("base.ron");
    if !(output.status.success() || names_a_file) {
        return Err(format!("an error that names no file: {stderr}"));
    }
    Ok(())
}

#[test]
fn generated_and_mutated_sweep_files_run_or_are_refused() {
    let cases = env_number("FUZZ_CASES").unwrap_or(SWEEP_CASES);
    let seed = env_number("FUZZ_SEED").unwrap_or(fuzz_grammar::DEFAULT_SEED);
    let presets: Vec<String> = PresetCatalog::builtin()
        .unwrap()
        .names()
        .map(str::to_string)
        .collect();
    let mut rng = Pcg64::new(
        u128::from(seed) + 2,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let folder = std::env::temp_dir().join(format!("twolevel-fuzz-sweep-{}", std::process::id()));
    let mut failures = Vec::new();
    for _ in 0..cases {
        let base = generated_tournament(&mut rng, &presets);
        let mut sweep = generated_sweep(&mut rng);
        if rng.random_bool(0.3) {
            sweep = mutated(&mut rng, &sweep);
        }
        if let Err(failure) = drive(&sweep, &base, &folder) {
            failures.push(format!("{failure}\nsweep:\n{sweep}\nbase:\n{base}"));
        }
    }
    let _ = std::fs::remove_dir_all(&folder);
    assert!(
        failures.is_empty(),
        "{} failing cases; the first:\n{}",
        failures.len(),
        failures[0]
    );
}

/// Cases of the shard fuzzer in an ordinary `cargo test` (each copies the
/// shards, tampers with them and starts `twolevel merge`).
const SHARD_CASES: u64 = 24;

/// One way to tamper with a copy of the shards `[one, two]` (and a foreign
/// shard, `foreign`, of the same sweep run with another seed); returns
/// what it did.
fn tamper(rng: &mut Pcg64, shards: &[std::path::PathBuf; 2], foreign: &Path) -> String {
    use crate::output_folders::copy_folder;
    use std::fs;
    // Shard 1 holds the even cells of 4, shard 2 the odd ones.
    let k = rng.random_range(0..2_usize);
    let cell = 2 * rng.random_range(0..2_usize) + k;
    let folder = shards[k].join(format!("cells/{cell:06}"));
    let rows = folder.join("rows.csv");
    match rng.random_range(0..9) {
        0 => {
            // Another cell's folder under this cell's number.
            let other = (cell + 2) % 4;
            let source = shards[other % 2].join(format!("cells/{other:06}"));
            let copy = folder.with_extension("copy");
            copy_folder(&source, &copy);
            fs::remove_dir_all(&folder).unwrap();
            fs::rename(&copy, &folder).unwrap();
            format!("cell {other}'s folder as cell {cell}")
        }
        1 => {
            // The foreign sweep's folder of the same cell.
            fs::remove_dir_all(&folder).unwrap();
            copy_folder(&foreign.join(format!("cells/{cell:06}")), &folder);
            format!("the foreign shard's cell {cell}")
        }
        2 | 3 => {
            // A value of one row edited.
            let text = fs::read_to_string(&rows).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let line = rng.random_range(0..lines.len());
            let (head, _) = lines[line].rsplit_once(',').unwrap();
            let value = pick(rng, &["NaN", "inf", "-inf", "0.5", "x", "", "1e308"]);
            let edited: Vec<String> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    if i == line {
                        format!("{head},{value}")
                    } else {
                        (*l).to_owned()
                    }
                })
                .collect();
            fs::write(&rows, edited.join("\n") + "\n").unwrap();
            format!("cell {cell} line {line}'s value set to `{value}`")
        }
        4 => {
            // A leading field (cell, point, replicate or seed) edited.
            let text = fs::read_to_string(&rows).unwrap();
            let column = rng.random_range(0..4);
            let edited: String = text
                .lines()
                .map(|l| {
                    let mut fields: Vec<String> = l.split(',').map(str::to_owned).collect();
                    fields[column] = "7".to_owned();
                    fields.join(",") + "\n"
                })
                .collect();
            fs::write(&rows, edited).unwrap();
            format!("cell {cell}'s column {column} set to 7")
        }
        5 => {
            // A field of cell.json edited, or the file removed.
            let path = folder.join("cell.json");
            if rng.random_bool(0.3) {
                fs::remove_file(&path).unwrap();
                return format!("cell {cell}'s cell.json removed");
            }
            let text = fs::read_to_string(&path).unwrap();
            let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
            let field = pick(rng, &["cell", "point", "replicate", "seed"]);
            json[field] = serde_json::json!(3);
            fs::write(&path, json.to_string()).unwrap();
            format!("cell {cell}'s cell.json `{field}` set to 3")
        }
        6 => {
            // Two rows swapped.
            let text = fs::read_to_string(&rows).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            let last = lines.len() - 1;
            lines.swap(0, last);
            fs::write(&rows, lines.join("\n") + "\n").unwrap();
            format!("cell {cell}'s first and last rows swapped")
        }
        7 => {
            // The whole shard replaced by the foreign one.
            fs::remove_dir_all(&shards[k]).unwrap();
            copy_folder(foreign, &shards[k]);
            format!("shard {} replaced by the foreign shard", k + 1)
        }
        _ => {
            // Harmless: a user's file in a shard's folder and in a cell's.
            fs::write(shards[k].join("notes.txt"), "mine").unwrap();
            fs::write(folder.join("notes.txt"), "mine").unwrap();
            "a user's notes.txt added (harmless)".to_owned()
        }
    }
}

/// Tampered and foreign shards never merge silently: `twolevel merge` on
/// shards one of whose cells was moved, replaced by a foreign sweep's,
/// edited (a value, a leading field, `cell.json`) or reordered either
/// refuses, naming a shard folder and the cell, or (for a harmless change)
/// writes the same `sweep.csv` as the untampered shards (the foreign
/// sweep's, when every shard was replaced by it). Some cases merge
/// into a symbolic link to a folder holding a user's file (the link and
/// the file must survive), and some run two merges into one folder at
/// once (each succeeds or is refused as "in use by pid"; the result is the
/// untampered one), and some run a merge together with a `run` of the
/// base or a `sweep` of the whole sweep into that folder: every writer of
/// a folder takes its one lock, so each finishes or is refused as "in use
/// by pid", and a `run` that finishes leaves its own `ranking.csv`. Never
/// a panic. `FUZZ_CASES` and `FUZZ_SEED` run more
/// or others.
#[test]
fn tampered_foreign_symlinked_and_concurrent_merges_never_mix_results() {
    use crate::output_folders::{copy_folder, scratch, shard, sweep_files};
    use std::fs;

    let cases = env_number("FUZZ_CASES").map_or(SHARD_CASES, |n| n.max(1));
    let seed = env_number("FUZZ_SEED").unwrap_or(fuzz_grammar::DEFAULT_SEED);
    let mut rng = Pcg64::new(
        u128::from(seed) + 3,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let dir = scratch("shard-fuzz");
    let sweep = sweep_files(&dir, 2.0);
    let clean = [dir.join("one"), dir.join("two")];
    for (k, out) in clean.iter().enumerate() {
        assert!(shard(&sweep, out, k as u32 + 1).status.success());
    }
    // The same sweep run with another seed: a foreign shard.
    let foreign = dir.join("foreign");
    let ran = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(["-q", "--seed", "99", "-o"])
        .arg(&foreign)
        .arg("sweep")
        .arg(&sweep)
        .arg("--no-plots")
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let merge = |out: &Path, shards: &[std::path::PathBuf; 2]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_twolevel"));
        command
            .args(["-q", "-o"])
            .arg(out)
            .arg("merge")
            .args(shards)
            .arg("--no-plots")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        command
    };
    let reference_out = dir.join("reference");
    assert!(
        merge(&reference_out, &clean)
            .output()
            .unwrap()
            .status
            .success()
    );
    let reference = fs::read(reference_out.join("sweep.csv")).unwrap();
    // The base round robin's ranking, for a `run` into a merge's folder.
    let base = dir.join("files/base.ron");
    let ranking_out = dir.join("ranking");
    let ran = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(["-q", "-o"])
        .arg(&ranking_out)
        .arg("run")
        .arg(&base)
        .arg("--no-plots")
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let ranking = fs::read(ranking_out.join("ranking.csv")).unwrap();
    let foreign_rows = fs::read(foreign.join("sweep.csv")).unwrap();
    let foreign_identity = fs::read(foreign.join("sweep.json")).ok();

    let mut failures = Vec::new();
    for case in 0..cases {
        let case_dir = dir.join(format!("case-{case}"));
        let shards = [case_dir.join("one"), case_dir.join("two")];
        for (from, to) in clean.iter().zip(&shards) {
            copy_folder(from, to);
        }
        let mut done: Vec<String> = Vec::new();
        for _ in 0..rng.random_range(1..=2) {
            done.push(tamper(&mut rng, &shards, &foreign));
        }
        let harmless = done.iter().all(|d| d.contains("harmless"));
        // The output: a plain folder, or a link to a folder with a user's
        // file.
        let real = case_dir.join("real");
        let linked = cfg!(unix) && rng.random_bool(0.3);
        let out = if linked {
            fs::create_dir_all(&real).unwrap();
            fs::write(real.join("notes.txt"), "mine").unwrap();
            let link = case_dir.join("link");
            #[cfg(unix)]
            std::os::unix::fs::symlink(&real, &link).unwrap();
            link
        } else {
            case_dir.join("merged")
        };
        // Another writer at the same moment, of any kind: all take the
        // folder's one lock.
        let second = if rng.random_bool(0.4) {
            Some(["merge", "run", "sweep"][rng.random_range(0..3)])
        } else {
            None
        };
        let concurrent = second.is_some();
        let mut outputs = vec![("merge", merge(&out, &shards).spawn().unwrap())];
        match second {
            Some("merge") => outputs.push(("merge", merge(&out, &shards).spawn().unwrap())),
            Some(kind) => {
                let file = if kind == "run" { &base } else { &sweep };
                let child = Command::new(env!("CARGO_BIN_EXE_twolevel"))
                    .args(["-q", "-o"])
                    .arg(&out)
                    .arg(kind)
                    .arg(file)
                    .arg("--no-plots")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap();
                outputs.push((kind, child));
            }
            None => {}
        }
        let outputs: Vec<_> = outputs
            .into_iter()
            .map(|(kind, child)| (kind, child.wait_with_output().unwrap()))
            .collect();
        let what = format!(
            "case {case}: {}{}",
            done.join("; "),
            second.map_or_else(String::new, |k| format!("; a {k} at once"))
        );
        let mut succeeded = false;
        let in_use = outputs
            .iter()
            .any(|(_, o)| String::from_utf8_lossy(&o.stderr).contains("in use by pid"));
        for (kind, output) in &outputs {
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.code() == Some(101) || stderr.contains("panicked") {
                failures.push(format!("{what}: {kind}: panic: {stderr}"));
            } else if *kind == "run" {
                if output.status.success() {
                    // Its results whole, never mixed with the merge's.
                    if fs::read(out.join("ranking.csv")).ok().as_ref() != Some(&ranking) {
                        failures.push(format!("{what}: the run's ranking.csv is not its own"));
                    }
                } else if !stderr.contains("in use by pid") {
                    failures.push(format!("{what}: the run refused: {stderr}"));
                }
            } else if output.status.success() {
                succeeded = true;
            } else if !(stderr.contains("case-") || stderr.contains("foreign")) {
                failures.push(format!("{what}: an error that names no folder: {stderr}"));
            } else if harmless && !(concurrent && stderr.contains("in use by pid")) {
                failures.push(format!("{what}: a harmless change refused: {stderr}"));
            }
        }
        if succeeded {
            let written = fs::read(out.join("sweep.csv")).unwrap_or_default();
            // Shards that are all the foreign sweep's merge into it.
            let expected = if fs::read(out.join("sweep.json")).ok() == foreign_identity {
                &foreign_rows
            } else {
                &reference
            };
            // A `run` that came after the merge may have replaced the
            // folder (a later run's results, the sweep's files removed).
            let replaced = written.is_empty()
                && outputs
                    .iter()
                    .any(|(k, o)| *k == "run" && o.status.success());
            if written != *expected && !replaced {
                failures.push(format!("{what}: merged with exit 0 into other results"));
            }
        } else if harmless && !in_use {
            failures.push(format!("{what}: no merge succeeded"));
        }
        if linked {
            let still_link = fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink());
            let notes = fs::read_to_string(real.join("notes.txt")).unwrap_or_default();
            if !still_link || notes != "mine" {
                failures.push(format!("{what}: the link or the user's file was lost"));
            }
        }
        let _ = fs::remove_dir_all(&case_dir);
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} failing cases; the first:\n{}",
        failures.len(),
        failures[0]
    );
}
