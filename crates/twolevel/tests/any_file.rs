//! `twolevel::run_any_file` runs every shipped tournament file whatever its
//! kind, and refuses a sweep file with the command that runs it.

use twolevel::FileResults;
use twolevel::tournament::config::{FileKind, SHIPPED_TOURNAMENTS};

/// Writes a shipped file's text to a temporary file named after it, so that
/// the facade reads it from disk as a user's file would be.
fn on_disk(stem: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-any-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{stem}.ron"));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_shipped_file_runs_as_its_kind() {
    let mut kinds_seen = Vec::new();
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        // institutions_mixed runs private assessment over a grid with four
        // replicates (seconds even optimised); tests/society_files.rs in
        // the tournament crate runs it, and institutions covers the kind.
        if stem == "institutions_mixed" {
            continue;
        }
        let path = on_disk(stem, text);
        let kind = FileKind::of(text);
        let outcome = twolevel::run_any_file(&path, 11);
        match (kind, &outcome) {
            (FileKind::RoundRobin, Ok(FileResults::RoundRobin { results, evolution })) => {
                assert!(results.ranked().len() > 1, "{stem}: no ranking");
                let has_block = twolevel::load_tournament(&path, None)
                    .unwrap()
                    .evolution
                    .is_some();
                assert_eq!(evolution.is_some(), has_block, "{stem}: evolution block");
            }
            (FileKind::Regime, Ok(FileResults::Regime(results))) => {
                assert!(!results.standings.is_empty(), "{stem}: no standings");
            }
            (FileKind::Society, Ok(FileResults::Society(sweep))) => {
                assert!(!sweep.points.is_empty(), "{stem}: no points");
            }
            (FileKind::Sweep, Err(error)) => {
                let message = error.to_string();
                assert!(
                    message.contains(&*path.to_string_lossy()) && message.contains("twolevel run"),
                    "{stem}: {message}"
                );
            }
            (kind, outcome) => panic!("{stem} ({kind:?}) gave {outcome:?}"),
        }
        // Every kind prints as a table that names its currency (or, for a
        // sweep, is refused above).
        if let Ok(results) = outcome {
            let text = results.to_string();
            assert!(
                text.contains("Policy") || text.contains("policy"),
                "{stem}: {text}"
            );
        }
        kinds_seen.push(kind);
    }
    for kind in [
        FileKind::RoundRobin,
        FileKind::Regime,
        FileKind::Society,
        FileKind::Sweep,
    ] {
        assert!(
            kinds_seen.contains(&kind),
            "no shipped file of kind {kind:?}"
        );
    }
}

#[test]
fn the_same_file_and_seed_give_the_same_results() {
    let text = twolevel::tournament::config::shipped_tournament("climate").unwrap();
    let path = on_disk("climate-twice", text);
    let first = twolevel::run_any_file(&path, 5).unwrap().to_string();
    let second = twolevel::run_any_file(&path, 5).unwrap().to_string();
    assert_eq!(first, second);
}
