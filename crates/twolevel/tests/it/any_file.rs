//! `twolevel::run_any_file` runs every shipped tournament file whatever its
//! kind, a sweep file included (in memory, the same tidy table the sweep
//! engine writes to a folder).

use twolevel::FileResults;
use twolevel::tournament::config::{FileKind, SHIPPED_TOURNAMENTS, shipped_tournament};
use twolevel::tournament::progress::NoProgress;
use twolevel::tournament::sweep_file::Sweep;

/// Writes a shipped file's text to a temporary file named after it, so that
/// the facade reads it from disk as a user's file would be.
fn on_disk(stem: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-any-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{stem}.ron"));
    std::fs::write(&path, text).unwrap();
    path
}

/// The `base: ".."` a sweep file names, if the text is a sweep file.
fn base_of(text: &str) -> Option<&str> {
    if FileKind::of(text) != FileKind::Sweep {
        return None;
    }
    let after = text.split("base: \"").nth(1)?;
    after.split('"').next()
}

#[test]
fn every_shipped_file_runs_as_its_kind() {
    let mut kinds_seen = Vec::new();
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        // institutions_mixed runs private assessment over a grid with four
        // replicates (seconds even optimised); the society file tests of
        // the tournament crate run it, and institutions covers the kind.
        if stem == "institutions_mixed" {
            continue;
        }
        let path = on_disk(stem, text);
        // A sweep's base file lies beside it.
        if let Some(base) = base_of(text) {
            let stem = base.trim_end_matches(".ron");
            on_disk(stem, shipped_tournament(stem).unwrap());
        }
        let kind = FileKind::of(text);
        let outcome = twolevel::run_any_file(&path, 11);
        match (kind, &outcome) {
            (
                FileKind::RoundRobin,
                Ok(FileResults::RoundRobin {
                    results, evolution, ..
                }),
            ) => {
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
            (FileKind::Society, Ok(FileResults::Society { sweep, evolution })) => {
                assert!(!sweep.points.is_empty(), "{stem}: no points");
                // The evolution block runs too, as `twolevel run` and the
                // `society` example run it.
                let has_block = twolevel::tournament::society::SocietyConfig::from_file(&path)
                    .unwrap()
                    .evolution
                    .is_some();
                assert_eq!(evolution.is_some(), has_block, "{stem}: evolution block");
            }
            (FileKind::Sweep, Ok(FileResults::Sweep(sweep))) => {
                let identity = &sweep.identity;
                // A row per cell, player and measure, after the header.
                let measures = sweep.summary.measures.len();
                assert_eq!(
                    sweep.tidy.lines().count(),
                    1 + identity.cells * identity.players.len() * measures,
                    "{stem}"
                );
                assert_eq!(identity.seed, 11, "{stem}: the seed replaces the file's");
            }
            (FileKind::Negotiation, Ok(FileResults::Negotiation(results))) => {
                assert!(!results.pairs.is_empty(), "{stem}: no pairs");
                assert_eq!(results.seed, 11, "{stem}: the seed replaces the file's");
            }
            (
                FileKind::GraphEvolution | FileKind::Multilevel,
                Ok(FileResults::Fixation(results)),
            ) => {
                assert!(!results.rows.is_empty(), "{stem}: no units");
                assert_eq!(results.seed, 11, "{stem}: the seed replaces the file's");
            }
            (kind, outcome) => panic!("{stem} ({kind:?}) gave {outcome:?}"),
        }
        // Every kind prints as a table that names its currency.
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
        FileKind::Negotiation,
        FileKind::GraphEvolution,
        FileKind::Multilevel,
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

#[test]
fn a_sweep_in_memory_gives_the_bytes_of_a_sweep_folder() {
    let dir = std::env::temp_dir().join(format!("twolevel-any-file-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = shipped_tournament("axelrod-first")
        .unwrap()
        .replace("repetitions: 5", "repetitions: 1");
    std::fs::write(dir.join("base.ron"), base).unwrap();
    let text = r#"Sweep(name: "noise", base: "base.ron", replicates: 2, seed: Some(3),
        grid: [(path: "action_noise", values: [0.0, 0.05])])"#;
    let path = dir.join("noise.ron");
    std::fs::write(&path, text).unwrap();
    let Ok(FileResults::Sweep(in_memory)) = twolevel::run_any_file(&path, None) else {
        panic!("a sweep file gives sweep results");
    };
    let folder = dir.join("out");
    let sweep = Sweep::from_file(&path).unwrap();
    let run = sweep.run(&folder, None, &NoProgress).unwrap();
    assert_eq!(run.pending.to_run, vec![0, 1, 2, 3]);
    assert_eq!(
        std::fs::read_to_string(folder.join("sweep.csv")).unwrap(),
        in_memory.tidy
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("summary.csv")).unwrap(),
        in_memory.summary.to_csv(&in_memory.identity)
    );
    assert_eq!(run.summary.as_ref(), Some(&in_memory.summary));
    // The second replicate plays other random numbers: noise makes it differ.
    let noisy = |replicate: &str| -> Vec<String> {
        in_memory
            .tidy
            .lines()
            .filter(|l| {
                l.split(',').nth(2) == Some(replicate) && l.split(',').nth(4) == Some("0.05")
            })
            .map(|l| l.rsplit(',').next().unwrap().to_owned())
            .collect()
    };
    assert_ne!(noisy("0"), noisy("1"));
    std::fs::remove_dir_all(&dir).unwrap();
}
