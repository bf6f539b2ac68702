//! `twolevel reproduce`: the list, a quick run's files (tables as CSV and
//! markdown, checks, well-formed plots) and the errors.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-repro-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn twolevel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_list_names_every_reproduction() {
    let out = twolevel(&["reproduce", "--list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for entry in twolevel_repro::REPRODUCTIONS {
        assert!(text.contains(entry.name), "{text}");
        assert!(text.contains(entry.claim), "{text}");
    }
}

#[test]
fn a_quick_run_writes_tables_checks_and_plots() {
    let dir = scratch("quick");
    let out = twolevel(&[
        "reproduce",
        "stewart-plotkin-2013",
        "--quick",
        "--seed",
        "7",
        "--output",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("Size quick, seed 7 "), "{printed}");
    assert!(printed.contains("Claim: Extortioners"), "{printed}");
    assert!(printed.contains("[holds]"), "{printed}");
    for file in [
        "fixation.csv",
        "fixation.md",
        "payoffs.csv",
        "summary.md",
        "checks.json",
        "fixation.svg",
        "catalysis.svg",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing");
    }
    let csv = fs::read_to_string(dir.join("fixation.csv")).unwrap();
    assert!(csv.starts_with("N,"), "{csv}");
    // One row per population size of the quick grid.
    assert_eq!(csv.lines().count(), 11, "{csv}");
    let svg = fs::read_to_string(dir.join("fixation.svg")).unwrap();
    roxmltree::Document::parse(&svg).expect("a well-formed SVG");
    let checks: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("checks.json")).unwrap()).unwrap();
    assert_eq!(checks.as_array().unwrap().len(), 3);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_name_is_an_error_that_lists_the_names() {
    let out = twolevel(&["reproduce", "axelrod-1984"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no reproduction is named `axelrod-1984`"),
        "{err}"
    );
    assert!(err.contains("nowak-sigmund-1993"), "{err}");
    let out = twolevel(&["reproduce"]);
    assert!(!out.status.success());
}

#[test]
fn reproduce_has_help_with_the_global_flags() {
    let out = twolevel(&["reproduce", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in ["--quick", "--list", "--seed", "--output", "--no-plots"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let top = String::from_utf8(twolevel(&["--help"]).stdout).unwrap();
    assert!(top.contains("reproduce"), "{top}");
}
