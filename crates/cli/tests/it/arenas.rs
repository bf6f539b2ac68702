//! `twolevel run` on a round-robin file with domestic arenas: the arena
//! tables, the timing table and the arena plots are written beside the
//! usual files, the report has its arena section, `twolevel plot` redraws
//! the arena plots, and a file without arenas writes none of them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{self, ok};

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    support::scratch("arenas", name)
}

fn tournaments() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments")
}

const ARENA_FILES: [&str; 6] = [
    "arena_pairs.csv",
    "actors.csv",
    "series.csv",
    "arena_positions.svg",
    "arena_pressure.svg",
    "arena_influence.svg",
];

#[test]
fn arena_files_write_their_tables_timing_and_plots() {
    let dir = scratch("arenas");
    let out = dir.join("climate");
    let stdout = ok(&[
        Path::new("run"),
        &tournaments().join("climate-webs.ron"),
        Path::new("-o"),
        &out,
    ]);
    assert!(stdout.contains("Domestic arenas"), "{stdout}");
    assert!(stdout.contains("Timing of Greenfield/ngo"), "{stdout}");
    for file in ARENA_FILES.iter().chain(&["timing.csv", "results.json"]) {
        assert!(out.join(file).is_file(), "{file} missing");
    }
    let series = fs::read_to_string(out.join("series.csv")).unwrap();
    assert_eq!(
        series.lines().next(),
        Some("player,partner,round,position,politicization,cooperation,matches")
    );
    // Three players, six pairs with self-play, 200 rounds each: 200 rows
    // per side (one side for a self-play pair).
    assert_eq!(series.lines().count(), 1 + 200 * (3 + 2 * 3));
    let timing = fs::read_to_string(out.join("timing.csv")).unwrap();
    assert_eq!(timing.lines().count(), 1 + 1 + 4, "{timing}");
    for svg in ["arena_positions.svg", "arena_influence.svg"] {
        let text = fs::read_to_string(out.join(svg)).unwrap();
        assert!(text.starts_with("<svg") && text.trim_end().ends_with("</svg>"));
    }
    // `twolevel plot` draws them again from results.json.
    for svg in ARENA_FILES.iter().filter(|f| f.ends_with(".svg")) {
        fs::remove_file(out.join(svg)).unwrap();
    }
    ok(&[Path::new("plot"), &out]);
    assert!(out.join("arena_influence.svg").is_file());
    // A file without arenas writes none of the arena files.
    let plain = dir.join("plain");
    ok(&[
        Path::new("run"),
        &tournaments().join("axelrod-first.ron"),
        Path::new("-o"),
        &plain,
        Path::new("--quiet"),
    ]);
    for file in ARENA_FILES.iter().chain(&["timing.csv"]) {
        assert!(!plain.join(file).exists(), "{file} written without arenas");
    }
    let json = fs::read_to_string(plain.join("results.json")).unwrap();
    assert!(!json.contains("\"arenas\""));
    let _ = fs::remove_dir_all(&dir);
}
