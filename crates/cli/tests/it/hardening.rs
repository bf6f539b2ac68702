//! Regressions of issue 27 at the command line: plots of payoffs past
//! f32::MAX end (item 1), read-back results are validated (item 5; a
//! measure read back cannot name a file outside the folder), every
//! SVG is well-formed whatever the players' names (item 12), and a society
//! file's evolution block runs in `twolevel run` as `AnyFile::play` runs it
//! (item 13), an output path that is a dangling symbolic link is refused
//! before the run (item 11), and the output's size is estimated before the
//! run, with heatmaps skipped where they would be unreadable.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use twolevel_tournament::file::{AnyFile, FileResults};

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-hard-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `args`; fails the test if it takes more than a
/// minute (the plots of huge payoffs used to never end).
fn twolevel(args: &[&Path]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("twolevel {args:?} did not finish within a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn succeeds(args: &[&Path]) -> String {
    let out = twolevel(args);
    assert!(
        out.status.success(),
        "twolevel {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A round robin of two players with the given name for the second and
/// the payoffs R, S, T, P scaled by `scale`.
fn tournament(second: &str, scale: &str) -> String {
    format!(
        r#"Tournament(
    name: "hard",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "{second}", strategy: (name: "Defector")),
    ],
    game: (policy: (row: (R: 3{scale}, S: 0, T: 5{scale}, P: 1{scale}), column: (R: 3{scale}, S: 0, T: 5{scale}, P: 1{scale})), theta: 0.0, beta: 0.0),
    horizon: Fixed(turns: 10),
    repetitions: 3,
    seed: 3,
)"#
    )
}

/// The SVG files of `folder`, each parsed as XML; returns their texts.
fn svgs(folder: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let text = fs::read_to_string(&path).unwrap();
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{} is not well-formed XML: {e}", path.display());
            }
            texts.push(text);
        }
    }
    assert!(!texts.is_empty(), "no plots in {}", folder.display());
    texts
}

#[test]
fn payoffs_past_f32_max_are_plotted_rescaled_and_replotted() {
    let dir = scratch("huge");
    let file = dir.join("huge.ron");
    fs::write(&file, tournament("Defector", "e39")).unwrap();
    let out = dir.join("out");
    // Before: the run hung in the boxplot (an f32 axis to infinity).
    succeeds(&[
        Path::new("run"),
        &file,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    let texts = svgs(&out);
    assert!(
        texts.iter().any(|t| t.contains("(x 1e39)")),
        "the boxplot's axis names its unit"
    );
    // And `twolevel plot` on that folder too.
    succeeds(&[Path::new("plot"), &out]);
    svgs(&out);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn control_characters_in_names_give_well_formed_svgs() {
    let dir = scratch("control");
    let file = dir.join("control.ron");
    // In RON, `\u{1}` is the control character U+0001.
    fs::write(&file, tournament("a\\u{1}", "")).unwrap();
    let out = dir.join("out");
    succeeds(&[
        Path::new("run"),
        &file,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    // Before: the three SVGs held a raw U+0001 and did not parse.
    let texts = svgs(&out);
    assert!(
        texts.iter().any(|t| t.contains("a\\u{1}")),
        "the name is shown escaped"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_ranking_index_out_of_range_is_refused_naming_results_json() {
    let dir = scratch("ranking");
    let file = dir.join("ranking.ron");
    fs::write(&file, tournament("Defector", "")).unwrap();
    let out = dir.join("out");
    succeeds(&[
        Path::new("run"),
        &file,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    let results = out.join("results.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&results).unwrap()).unwrap();
    for (edit, expected) in [
        (serde_json::json!([0, 7]), "`ranking[1]` is 7"),
        (serde_json::json!([0, 0]), "twice"),
        (serde_json::json!([0]), "does not list standing 1"),
    ] {
        json["ranking"] = edit;
        fs::write(&results, serde_json::to_string(&json).unwrap()).unwrap();
        // Before: exit 101, an index out of bounds in plot.rs.
        let output = twolevel(&[Path::new("plot"), &out]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("results.json") && stderr.contains(expected),
            "{stderr}"
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

/// A society with an evolution block (the Python reference fixture).
const SOCIETY: &str = r#"Society(
    name: "evolving",
    groups: [
        (rule: "Discriminator", count: 20),
        (rule: "ALLC", count: 5),
        (rule: "ALLD", count: 5),
    ],
    norm: "stern judging",
    institution: Public,
    q: 0.9,
    e: 0.02,
    mu: 0.02,
    warmup: 500,
    steps: 2000,
    seed: 7,
    evolution: Some((currency: Policy, beta: 1.0, mutation: 0.01, generations: 30, steps_per_generation: 100)),
)"#;

#[test]
fn a_society_files_evolution_block_runs_in_twolevel_run() {
    let dir = scratch("society");
    let file = dir.join("society.ron");
    fs::write(&file, SOCIETY).unwrap();
    let out = dir.join("out");
    // Before: the block was skipped; only the sweep was printed and written.
    let printed = succeeds(&[Path::new("run"), &file, Path::new("-o"), &out]);
    assert!(
        printed.contains("Evolution at q = 0.9, mu = 0.02: 30 generations"),
        "{printed}"
    );
    let written = fs::read_to_string(out.join("society_evolution.csv")).unwrap();
    // The counts are those of the loaded file's play, as the facade and
    // the example run it.
    let FileResults::Society {
        evolution: Some(evolution),
        ..
    } = AnyFile::from_file(&file).unwrap().play().unwrap()
    else {
        panic!("the society's evolution runs in AnyFile::play");
    };
    assert_eq!(evolution.history.len(), 31);
    let expected = dir.join("expected.csv");
    evolution.write_csv(&expected).unwrap();
    assert_eq!(written, fs::read_to_string(&expected).unwrap());
    assert!(printed.contains(&evolution.to_string()), "{printed}");
    // Every generation keeps the population.
    for line in written.lines().skip(1) {
        let total: u32 = line
            .split(',')
            .skip(1)
            .map(|c| c.parse::<u32>().unwrap())
            .sum();
        assert_eq!(total, 30, "{line}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_measure_read_back_cannot_lead_a_plot_out_of_its_folder() {
    let dir = scratch("measure");
    let base = dir.join("base.ron");
    fs::write(&base, tournament("Defector", "")).unwrap();
    let sweep = dir.join("sweep.ron");
    fs::write(
        &sweep,
        "Sweep(name: \"m\", base: \"base.ron\", grid: [(path: \"game.theta\", values: [0.0, 1.0])])",
    )
    .unwrap();
    let out = dir.join("out");
    succeeds(&[
        Path::new("sweep"),
        &sweep,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    let csv = out.join("sweep.csv");
    let text = fs::read_to_string(&csv).unwrap();
    fs::write(
        &csv,
        text.replace(",score_policy,", ",score_/../../escaped,"),
    )
    .unwrap();
    // Before: `sweep_score_/../../escaped.svg` was written beside `out`.
    let output = twolevel(&[Path::new("plot"), &out]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("sweep.csv") && stderr.contains("cannot name a plot file"),
        "{stderr}"
    );
    assert!(!dir.join("escaped.svg").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_mean_far_from_its_infinite_error_bar_is_drawn_on_the_axis() {
    // Found by the plot fuzzer: one replicate's value edited to -1e300 gives
    // a mean of -5e299 whose standard error overflows to infinity; the
    // axis was fitted to the bars' (infinite) ends only, so the mean fell
    // far outside it and plotters' pixel arithmetic overflowed (exit 101).
    let dir = scratch("mean");
    fs::write(dir.join("base.ron"), tournament("Defector", "")).unwrap();
    let sweep = dir.join("sweep.ron");
    fs::write(
        &sweep,
        "Sweep(name: \"m\", base: \"base.ron\", grid: [(path: \"game.theta\", values: [0.0, 2.0])], replicates: 2)",
    )
    .unwrap();
    let out = dir.join("out");
    succeeds(&[
        Path::new("sweep"),
        &sweep,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    let csv = out.join("sweep.csv");
    let text = fs::read_to_string(&csv).unwrap();
    let edited: Vec<String> = text
        .lines()
        .map(|line| {
            if line.starts_with("3,1,1,") && line.contains(",Defector,cooperation_rate,") {
                let (kept, _) = line.rsplit_once(',').unwrap();
                format!("{kept},-1e300")
            } else {
                line.to_owned()
            }
        })
        .collect();
    assert!(edited.iter().any(|l| l.ends_with(",-1e300")));
    fs::write(&csv, edited.join("\n") + "\n").unwrap();
    succeeds(&[Path::new("plot"), &out]);
    svgs(&out);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_dangling_symlink_as_output_is_refused_before_the_run() {
    let dir = scratch("dangling");
    let file = dir.join("t.ron");
    fs::write(&file, tournament("Defector", "")).unwrap();
    let link = dir.join("out");
    std::os::unix::fs::symlink(dir.join("nowhere"), &link).unwrap();
    // Before: the run played, then failed at the commit (after 13 s on a
    // larger file).
    let out = twolevel(&[Path::new("run"), &file, Path::new("-o"), &link]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(stderr.contains("nowhere"), "{stderr}");
    // Nothing was played: the table is printed only after the run.
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("Rank"),
        "played"
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn output_too_large_is_refused_before_the_run() {
    let dir = scratch("output-size");
    let file = dir.join("t.ron");
    fs::write(&file, tournament("Defector", "")).unwrap();
    let out = dir.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args([
            Path::new("run"),
            &file,
            Path::new("-o"),
            &out,
            Path::new("-q"),
        ])
        .env("TWOLEVEL_OUTPUT_LIMIT", "1K")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("t.ron"), "{stderr}");
    assert!(stderr.contains("of result files"), "{stderr}");
    assert!(stderr.contains("`players`"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn heatmaps_of_more_than_200_players_are_skipped_and_said_so() {
    let dir = scratch("many");
    let players: Vec<String> = (0..201)
        .map(|k| format!("        Inline(name: \"p{k}\", strategy: (name: \"Cooperator\")),"))
        .collect();
    let file = dir.join("many.ron");
    fs::write(
        &file,
        format!(
            "Tournament(\n    name: \"many\",\n    players: [\n{}\n    ],\n    horizon: \
             Fixed(turns: 1),\n)\n",
            players.join("\n")
        ),
    )
    .unwrap();
    let out = dir.join("out");
    // Before: two heatmaps of 201 x 201 cells (3,000 players gave two SVGs
    // of 774 MB each).
    let printed = succeeds(&[Path::new("run"), &file, Path::new("-o"), &out]);
    assert!(
        printed.contains("Heatmaps skipped, 201 players"),
        "{printed}"
    );
    assert!(!out.join("heatmap_cooperation.svg").exists());
    assert!(out.join("boxplot.svg").exists());
    assert!(out.join("cooperation_matrix.csv").exists());
    // `twolevel plot` on the folder skips them too.
    succeeds(&[Path::new("plot"), &out]);
    assert!(!out.join("heatmap_payoff_policy.svg").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_sweep_whose_cells_would_write_too_much_is_refused_before_the_run() {
    let dir = scratch("sweep-size");
    fs::write(dir.join("base.ron"), tournament("Defector", "")).unwrap();
    let sweep = dir.join("sweep.ron");
    fs::write(
        &sweep,
        "Sweep(\n    name: \"big\",\n    base: \"base.ron\",\n    grid: [(path: \
         \"repetitions\", values: [1, 2])],\n    replicates: 3,\n)\n",
    )
    .unwrap();
    let out = dir.join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args([
            Path::new("sweep"),
            &sweep,
            Path::new("-o"),
            &out,
            Path::new("-q"),
        ])
        .env("TWOLEVEL_OUTPUT_LIMIT", "1K")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("sweep.ron"), "{stderr}");
    assert!(stderr.contains("of result files"), "{stderr}");
    assert!(stderr.contains("`replicates`"), "{stderr}");
    assert!(!out.exists(), "nothing is written");
    // Within the default limit it runs.
    succeeds(&[
        Path::new("sweep"),
        &sweep,
        Path::new("-o"),
        &out,
        Path::new("-q"),
    ]);
    let _ = fs::remove_dir_all(&dir);
}
