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
