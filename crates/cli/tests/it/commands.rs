//! End-to-end checks of the `twolevel` binary: every subcommand's help,
//! the strategy filters, the output files of a run (aggregates by default,
//! matches on request, well-formed plots), sweeps (1 shard against 4
//! merged, byte for byte; resuming; the errors), and the plots.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Debug;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{self, ok, twolevel};

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    support::scratch("cli", name)
}

/// Runs the binary and expects failure; returns standard error.
fn fails<S: AsRef<OsStr> + Debug>(args: &[S]) -> String {
    let out = twolevel(args);
    assert!(!out.status.success(), "twolevel {args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

/// The arguments of `twolevel SUBCOMMAND FILE -o OUTPUT EXTRA...`.
fn command(subcommand: &str, file: &Path, output: &Path, extra: &[&str]) -> Vec<String> {
    let path = |p: &Path| p.to_str().expect("a UTF-8 path").to_owned();
    [
        subcommand.to_owned(),
        path(file),
        "-o".to_owned(),
        path(output),
    ]
    .into_iter()
    .chain(extra.iter().map(|&e| e.to_owned()))
    .collect()
}

/// A small tournament: three classic players, short matches.
const SMALL: &str = r#"Tournament(
    name: "small",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "Defector", strategy: (name: "Defector")),
        Inline(name: "Random", strategy: (name: "Random"), political_weight: 0.5),
    ],
    horizon: Fixed(turns: 20),
    repetitions: 4,
    seed: 3,
)"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Every text node of an SVG document, which must be well-formed XML.
fn svg_texts(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

fn assert_svg_has(path: &Path, labels: &[&str]) {
    let texts = svg_texts(path);
    for label in labels {
        assert!(
            texts.iter().any(|t| t.contains(label)),
            "{} lacks the label {label:?}; it has {texts:?}",
            path.display()
        );
    }
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn every_subcommand_has_help() {
    for command in [
        "run",
        "levers",
        "payoffs",
        "strategies",
        "sweep",
        "merge",
        "plot",
    ] {
        let help = ok(&[command, "--help"]);
        assert!(help.contains("Usage: twolevel"), "{command}: {help}");
        assert!(
            help.contains("--seed") && help.contains("--quiet"),
            "{command}: {help}"
        );
    }
    let help = ok(&["--help"]);
    for command in ["run", "sweep", "merge", "plot", "strategies"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn strategies_filter_by_classifier() {
    let listing = ok(&["strategies", "--stochastic", "false", "--memory", "1"]);
    assert!(
        listing.lines().any(|l| l.starts_with("Tit For Tat ")),
        "{listing}"
    );
    assert!(
        !listing.lines().any(|l| l.starts_with("Random ")),
        "{listing}"
    );
    for line in listing
        .lines()
        .skip(1)
        .filter(|l| !l.ends_with("strategies."))
    {
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert!(
            line.contains(" 1 ") && line.contains(" false "),
            "{line} ({columns:?})"
        );
    }
    let random = ok(&["strategies", "random", "--stochastic", "true"]);
    assert!(random.contains("Random"), "{random}");
    let err = fails(&["strategies", "--memory", "lots"]);
    assert!(err.contains("lots"), "{err}");
    let err = fails(&["strategies", "no such strategy at all"]);
    assert!(err.contains("no strategy matches"), "{err}");
}

#[test]
fn run_writes_aggregates_plots_and_matches_on_request() {
    let dir = scratch("run");
    let file = write(&dir, "small.ron", SMALL);
    let out = dir.join("out");
    let printed = ok(&command("run", &file, &out, &[]));
    assert!(
        printed.contains("Rank") && printed.contains("TFT"),
        "{printed}"
    );
    for name in [
        "ranking.csv",
        "payoff_matrix_policy.csv",
        "cooperation_matrix.csv",
        "results.json",
        "MANIFEST.txt",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    assert!(!out.join("matches.csv").exists());
    let json = fs::read_to_string(out.join("results.json")).unwrap();
    assert_eq!(json.lines().count(), 1, "compact JSON");
    assert!(!json.contains("\"matches\""));
    // Plots: well-formed, with their series and axis labels.
    assert_svg_has(
        &out.join("boxplot.svg"),
        &[
            "TFT",
            "Defector",
            "Random",
            "policy payoff per turn",
            "player",
        ],
    );
    assert_svg_has(
        &out.join("heatmap_payoff_policy.svg"),
        &["TFT", "Defector", "row player", "column player"],
    );
    assert_svg_has(
        &out.join("heatmap_cooperation.svg"),
        &["Random", "Cooperation rate"],
    );

    // A second run with --matches replaces the set whole and keeps a
    // file of the user's.
    fs::write(out.join("notes.txt"), "mine").unwrap();
    ok(&command(
        "run",
        &file,
        &out,
        &["--matches", "--no-plots", "--quiet"],
    ));
    assert!(out.join("matches.csv").is_file());
    assert!(
        !out.join("boxplot.svg").exists(),
        "the previous set's plots are gone"
    );
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    let json = fs::read_to_string(out.join("results.json")).unwrap();
    assert!(json.contains("\"matches\""));

    // The same seed gives the same files, on any number of threads.
    let one = dir.join("one");
    let two = dir.join("two");
    ok(&command("run", &file, &one, &["--threads", "1", "-q"]));
    ok(&command("run", &file, &two, &["--threads", "2", "-q"]));
    assert_eq!(tree(&one), tree(&two));
    // And `--seed` changes them.
    ok(&command("run", &file, &two, &["--seed", "99", "-q"]));
    assert_ne!(
        tree(&one).get(Path::new("ranking.csv")),
        tree(&two).get(Path::new("ranking.csv"))
    );

    // `plot` draws the plots again from the files.
    fs::remove_file(one.join("boxplot.svg")).unwrap();
    ok(&["plot", one.to_str().unwrap()]);
    assert_svg_has(&one.join("boxplot.svg"), &["TFT"]);

    // An output path under a file is an error naming the path.
    let err = fails(&command("run", &file, &file.join("x"), &["-q"]));
    assert!(err.contains("small.ron"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn run_plays_the_evolution_block_and_plots_it() {
    let dir = scratch("evolution");
    let moran = SMALL.replace(
        "seed: 3,",
        "seed: 3,\n    evolution: Some((process: Moran, population: 10, runs: 20, generations: 200, mutation: 0.0)),",
    );
    let file = write(&dir, "moran.ron", &moran);
    let out = dir.join("out");
    let printed = ok(&command("run", &file, &out, &[]));
    assert!(printed.contains("fixations over 20 run(s)"), "{printed}");
    assert!(out.join("evolution.csv").is_file());
    assert_svg_has(
        &out.join("evolution_shares.svg"),
        &["TFT", "Defector", "generation", "share"],
    );
    assert_svg_has(
        &out.join("evolution_fixation.svg"),
        &["TFT", "share of runs"],
    );
    assert_svg_has(
        &out.join("evolution_stationary.svg"),
        &["Random", "Stationary"],
    );

    let replicator = SMALL.replace(
        "seed: 3,",
        "seed: 3,\n    evolution: Some((process: Replicator, generations: 50)),",
    );
    let file = write(&dir, "replicator.ron", &replicator);
    ok(&command("run", &file, &out, &["-q"]));
    assert_svg_has(&out.join("evolution_shares.svg"), &["TFT", "time", "share"]);
    assert!(!out.join("evolution_fixation.svg").exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// A sweep over the small tournament: 3 x 2 points, 2 replicates.
const SWEEP: &str = r#"Sweep(
    name: "small-sweep",
    base: "small.ron",
    grid: [
        (path: "game.theta", values: [0.0, 2.0, 4.0]),
        (path: "players[Random].political_weight", values: [0.0, 1.0]),
    ],
    replicates: 2,
    seed: Some(11),
)"#;

#[test]
fn one_shard_and_four_merged_shards_give_identical_output() {
    let dir = scratch("shards");
    write(&dir, "small.ron", SMALL);
    let sweep = write(&dir, "sweep.ron", SWEEP);
    let sweep = sweep.to_str().unwrap();
    let single = dir.join("single");
    ok(&command("sweep", Path::new(sweep), &single, &["-q"]));
    let mut shards = Vec::new();
    for k in 1..=4 {
        let shard = dir.join(format!("shard-{k}"));
        ok(&command(
            "sweep",
            Path::new(sweep),
            &shard,
            &["--shard", &format!("{k}/4"), "-q"],
        ));
        shards.push(shard.to_str().unwrap().to_owned());
    }
    let merged = dir.join("merged");
    let mut args = vec!["merge", "-q", "-o", merged.to_str().unwrap()];
    args.extend(shards.iter().map(String::as_str));
    ok(&args);
    let (single_files, merged_files) = (tree(&single), tree(&merged));
    assert_eq!(
        single_files.keys().collect::<Vec<_>>(),
        merged_files.keys().collect::<Vec<_>>()
    );
    assert!(
        single_files == merged_files,
        "the merged output differs from the single run"
    );

    // The tidy CSV: a row per cell, player and measure.
    let tidy = String::from_utf8(single_files[Path::new("sweep.csv")].clone()).unwrap();
    let header = tidy.lines().next().unwrap();
    assert_eq!(
        header,
        "cell,point,replicate,seed,game.theta,players[Random].political_weight,player,measure,value"
    );
    // 12 cells x 3 players x 8 measures.
    assert_eq!(tidy.lines().count(), 1 + 12 * 3 * 8);
    for measure in [
        "score_policy",
        "score_political",
        "score_utility",
        "wins_policy",
        "cooperation_rate",
    ] {
        assert!(tidy.contains(&format!(",{measure},")), "{measure}");
    }
    assert_svg_has(
        &single.join("sweep_score_policy_0.svg"),
        &[
            "TFT",
            "Defector",
            "threat cost theta (policy payoff per turn)",
            "policy payoff per turn",
        ],
    );
    assert_svg_has(
        &single.join("sweep_cooperation_rate_1.svg"),
        &["Random", "political weight w of Random = 1"],
    );

    // Merging with a shard missing names what is missing.
    let err = fails(&[
        "merge",
        "-o",
        dir.join("partial").to_str().unwrap(),
        &shards[0],
        &shards[1],
        &shards[2],
    ]);
    assert!(err.contains("missing") && err.contains("4/4"), "{err}");
    // Shards of another sweep are refused.
    let other = write(
        &dir,
        "other.ron",
        &SWEEP.replace("replicates: 2", "replicates: 1"),
    );
    let other_out = dir.join("other");
    ok(&command(
        "sweep",
        &other,
        &other_out,
        &["--shard", "1/4", "-q"],
    ));
    let err = fails(&[
        "merge",
        "-o",
        dir.join("mixed").to_str().unwrap(),
        &shards[0],
        other_out.to_str().unwrap(),
    ]);
    assert!(err.contains("another sweep"), "{err}");
    // A sweep refuses a folder of another sweep.
    let err = fails(&command("sweep", &other, &single, &["-q"]));
    assert!(err.contains("another sweep"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn run_takes_a_sweep_file_and_checks_the_thread_count() {
    let dir = scratch("run-sweep");
    write(&dir, "small.ron", SMALL);
    let sweep = write(&dir, "sweep.ron", SWEEP);
    let (by_run, by_sweep) = (dir.join("run"), dir.join("sweep"));
    ok(&command("run", &sweep, &by_run, &["-q", "--no-plots"]));
    ok(&command("sweep", &sweep, &by_sweep, &["-q", "--no-plots"]));
    assert!(by_run.join("sweep.csv").is_file());
    assert_eq!(tree(&by_run), tree(&by_sweep));
    for threads in ["0", "100000"] {
        let err = fails(&command("run", &sweep, &by_run, &["--threads", threads]));
        assert!(
            err.contains("from 1 to 1024 threads") && err.contains(threads),
            "{err}"
        );
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// An output path that is a file (or a device such as `/dev/full`) is
/// refused before anything runs and left as it was; results used to
/// replace it with a folder, moving the file aside.
#[test]
fn an_output_path_that_is_a_file_is_refused_and_left_alone() {
    let dir = scratch("output-file");
    let file = write(&dir, "small.ron", SMALL);
    let taken = write(&dir, "taken", "mine");
    for extra in [&["-q"][..], &["-q", "--no-plots", "--matches"][..]] {
        let err = fails(&command("run", &file, &taken, extra));
        assert!(
            err.contains("is not a folder") && err.contains("taken"),
            "{err}"
        );
    }
    assert_eq!(fs::read_to_string(&taken).unwrap(), "mine");
    let names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "nothing left beside the file: {names:?}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_interrupted_sweep_resumes() {
    let dir = scratch("resume");
    write(&dir, "small.ron", SMALL);
    let sweep = write(&dir, "sweep.ron", SWEEP);
    let out = dir.join("out");
    ok(&command("sweep", &sweep, &out, &["-q"]));
    let before = tree(&out);
    // Lose two cells, as if the run had stopped before them, and leave a
    // half-written staging folder behind.
    fs::remove_dir_all(out.join("cells/000003")).unwrap();
    fs::remove_dir_all(out.join("cells/000010")).unwrap();
    fs::create_dir_all(out.join("cells/.000004.staging-1-0")).unwrap();
    let printed = ok(&command("sweep", &sweep, &out, &[]));
    assert!(
        printed.contains("2 to run, 10 already finished"),
        "{printed}"
    );
    fs::remove_dir_all(out.join("cells/.000004.staging-1-0")).unwrap();
    assert!(tree(&out) == before, "the resumed sweep differs");
    fs::remove_dir_all(&dir).unwrap();
}

/// A finished cell damaged afterwards (its rows emptied) is refused when
/// the sweep is finished again, naming the file, instead of silently
/// dropping a replicate; and a sweep output path that is a file is refused.
#[test]
fn a_damaged_cell_or_a_file_in_the_way_is_refused() {
    let dir = scratch("damaged-cell");
    write(&dir, "small.ron", SMALL);
    let sweep = write(&dir, "sweep.ron", SWEEP);
    let out = dir.join("out");
    ok(&command("sweep", &sweep, &out, &["-q", "--no-plots"]));
    fs::write(out.join("cells/000002/rows.csv"), "").unwrap();
    let err = fails(&command("sweep", &sweep, &out, &["-q", "--no-plots"]));
    assert!(
        err.contains("cells/000002/rows.csv") && err.contains("0 rows; expected"),
        "{err}"
    );
    let taken = write(&dir, "taken", "mine");
    let err = fails(&command("sweep", &sweep, &taken, &["-q"]));
    assert!(err.contains("is not a folder"), "{err}");
    assert_eq!(fs::read_to_string(&taken).unwrap(), "mine");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_sweeps_get_errors_that_name_the_problem() {
    let dir = scratch("bad-sweeps");
    write(&dir, "small.ron", SMALL);
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let case = |name: &str, text: &str| write(&dir, name, text).to_str().unwrap().to_owned();

    let unknown = case("unknown.ron", &SWEEP.replace("game.theta", "game.thetta"));
    let err = fails(&["sweep", &unknown, "-o", out]);
    assert!(
        err.contains("unknown field path `game.thetta`") && err.contains("theta"),
        "{err}"
    );
    let player = case(
        "player.ron",
        &SWEEP.replace("players[Random]", "players[Nobody]"),
    );
    let err = fails(&["sweep", &player, "-o", out]);
    assert!(err.contains("Nobody") && err.contains("TFT"), "{err}");
    let empty = case(
        "empty.ron",
        r#"Sweep(name: "e", base: "small.ron", grid: [])"#,
    );
    let err = fails(&["sweep", &empty, "-o", out]);
    assert!(err.contains("grid") && err.contains("empty"), "{err}");
    let no_values = case(
        "novalues.ron",
        r#"Sweep(name: "e", base: "small.ron", grid: [(path: "game.theta", values: [])])"#,
    );
    let err = fails(&["sweep", &no_values, "-o", out]);
    assert!(err.contains("grid[0].values"), "{err}");
    let invalid = case(
        "invalid.ron",
        r#"Sweep(name: "e", base: "small.ron", grid: [(path: "action_noise", values: [0.1, 2.0])])"#,
    );
    let err = fails(&["sweep", &invalid, "-o", out]);
    assert!(
        err.contains("action_noise = 2") && err.contains("grid point 1"),
        "{err}"
    );
    let sweep = case("sweep.ron", SWEEP);
    let err = fails(&["sweep", &sweep, "-o", out, "--shard", "5/4"]);
    assert!(err.contains("K = 5 is greater than N = 4"), "{err}");
    let err = fails(&["sweep", &sweep, "-o", out, "--shard", "0/4"]);
    assert!(err.contains("1 <= K <= N"), "{err}");
    let typo = case(
        "typo.ron",
        r#"Sweep(name: "e", base: "small.ron", grid: [(path: "game.theta", values: [1.0])], replicate: 2)"#,
    );
    let err = fails(&["sweep", &typo, "-o", out]);
    assert!(
        err.contains("typo.ron") && err.contains("replicate"),
        "{err}"
    );
    let err = fails(&["merge", "-o", out, dir.to_str().unwrap()]);
    assert!(err.contains("not a sweep output folder"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_shipped_sweep_file_loads() {
    // The example sweep runs in CI through the Slurm test; here its grid
    // is checked by running one shard's first cell... of a 100-way split.
    let dir = scratch("shipped");
    let sweep = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tournaments/sweep-theta.ron"
    );
    let out = dir.join("out");
    let printed = ok(&command(
        "sweep",
        Path::new(sweep),
        &out,
        &["--shard", "1/100"],
    ));
    assert!(
        printed.contains("4 points x 3 replicates = 12 cells"),
        "{printed}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_lever_can_be_swept() {
    let dir = scratch("lever");
    write(&dir, "small.ron", SMALL);
    let sweep = write(
        &dir,
        "lever.ron",
        r#"Sweep(name: "knowledge", base: "small.ron", grid: [(path: "lever.knowledge", values: [0.0, 0.5])])"#,
    );
    let out = dir.join("out");
    ok(&command("sweep", &sweep, &out, &["-q", "--no-plots"]));
    // TFT against the defector cooperates more when it misreads moves.
    let tidy = fs::read_to_string(out.join("sweep.csv")).unwrap();
    let tft_cooperation: Vec<&str> = tidy
        .lines()
        .filter(|l| l.contains(",TFT,cooperation_rate,"))
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(tft_cooperation.len(), 2, "{tidy}");
    assert_ne!(tft_cooperation[0], tft_cooperation[1], "{tidy}");
    let bad = write(
        &dir,
        "bad.ron",
        r#"Sweep(name: "x", base: "small.ron", grid: [(path: "lever.bribes", values: [0.0])])"#,
    );
    let err = fails(&command("sweep", &bad, &out, &[]));
    assert!(
        err.contains("unknown lever `bribes`") && err.contains("lever.knowledge"),
        "{err}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn payoffs_prints_the_default_game_and_refuses_unknown_arguments() {
    // Issue 12 item 10: `payoffs` answers `--help` and refuses what it does
    // not know, naming it, instead of ignoring it.
    let help = ok(&["payoffs", "--help"]);
    assert!(
        help.contains("Usage: twolevel payoffs")
            && help.contains("--weights")
            && help.contains("--pi"),
        "{help}"
    );
    for (args, named) in [
        (&["payoffs", "--bogus"][..], "'--bogus'"),
        (&["payoffs", "a.ron", "b.ron"][..], "'b.ron'"),
        (&["payoffs", "--weights", "2"][..], "--weights[0]"),
        (&["payoffs", "--pi", "NaN"][..], "--pi[0]"),
        (&["payoffs", "no-such-file.ron"][..], "no-such-file.ron"),
    ] {
        let error = fails(args);
        assert!(error.contains(named), "{args:?}: {error}");
    }
    // Without arguments: the default game, whose policy maker (w = 0) at
    // pi = 0 has the classic matrix 3, 0, 5, 1 and the grim threshold
    // (T - R) / (T - P) = 1/2; at w = 1/2 the matrix blends in the
    // relative-gains payoff (R' = 1.5, T' = 5, P' = 0.5): 3.5 / 4.5. The
    // columns: w, pi, w_eff, R, S, T, P and the threshold.
    let table = ok(&["payoffs"]);
    let row = |w: &str| {
        table
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{w}  0.00 ")))
            .unwrap_or_else(|| panic!("no row for w = {w}: {table}"))
            .split_whitespace()
            .map(|cell| cell.parse::<f64>().unwrap())
            .collect::<Vec<f64>>()
    };
    assert_eq!(row("0.00"), [0.0, 0.0, 0.0, 3.0, 0.0, 5.0, 1.0, 0.5]);
    let half = row("0.50");
    assert_eq!(half[2], 0.5, "{half:?}");
    assert!((half[7] - 3.5 / 4.5).abs() < 1e-4, "{half:?}");
}

/// `twolevel run` takes a negotiation file: it prints the report and
/// writes the pairs, the runs and the JSON; `--seed` replaces the file's
/// seed; a bad value is refused at its line and column.
#[test]
fn run_takes_a_negotiation_file() {
    let dir = scratch("negotiation");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments/trade-war.ron");
    let out = dir.join("out");
    let report = ok(&command("run", &file, &out, &["--seed", "5"]));
    assert!(
        report.contains("Negotiation trade-war") && report.contains("seed 5"),
        "{report}"
    );
    assert!(report.contains("involuntary defection") && report.contains("closed form"));
    for name in [
        "negotiation_pairs.csv",
        "negotiation_runs.csv",
        "negotiation.json",
    ] {
        assert!(out.join(name).is_file(), "{name}");
    }
    let pairs = fs::read_to_string(out.join("negotiation_pairs.csv")).unwrap();
    assert_eq!(pairs.lines().count(), 7, "a header and six pairs");
    let bad = write(
        &dir,
        "bad.ron",
        "Negotiation(\n  name: \"n\",\n  states: [\n    (player: Preset(\"politician\"), threshold: Tau(1.5)),\n    (player: Preset(\"bureaucrat\")),\n  ],\n)",
    );
    let err = fails(&["run", bad.to_str().unwrap(), "--no-output"]);
    assert!(
        err.contains("bad.ron:4:") && err.contains("states[0].threshold"),
        "{err}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_spatial_tournament_writes_per_node_payoffs_and_graph_plots() {
    let dir = scratch("spatial");
    let players = |n: usize| {
        (0..n)
            .map(|k| {
                let strategy = ["Tit For Tat", "Defector"][k % 2];
                format!("Inline(name: \"n{k}\", strategy: (name: \"{strategy}\"))")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let lattice = write(
        &dir,
        "lattice.ron",
        &format!(
            "Tournament(name: \"lattice\", players: [{}], graph: Some(Lattice(width: 4, height: 3)), horizon: Fixed(turns: 20))",
            players(12)
        ),
    );
    let out = dir.join("lattice-out");
    ok(&command("run", &lattice, &out, &["--quiet"]));
    let json = fs::read_to_string(out.join("results.json")).unwrap();
    assert!(
        json.contains("\"spatial\""),
        "per-node payoffs in the results"
    );
    let nodes = fs::read_to_string(out.join("nodes.csv")).unwrap();
    assert!(
        nodes.starts_with("node,player,degree,policy_accumulated"),
        "{nodes}"
    );
    assert_eq!(nodes.lines().count(), 13);
    assert_svg_has(&out.join("graph_lattice.svg"), &["Tit For Tat", "Defector"]);
    assert_svg_has(
        &out.join("graph_payoffs.svg"),
        &["degree", "policy payoff per turn"],
    );
    let ring = write(
        &dir,
        "ring.ron",
        &format!(
            "Tournament(name: \"ring\", players: [{}], graph: Some(BarabasiAlbert(nodes: 8, links: 2)), graph_seed: 3, horizon: Fixed(turns: 20))",
            players(8)
        ),
    );
    let out = dir.join("ring-out");
    ok(&command("run", &ring, &out, &["--quiet"]));
    assert_svg_has(
        &out.join("graph_network.svg"),
        &["Strategies on the network", "Defector"],
    );
    // A graph of the wrong size is refused at its line and column.
    let bad = write(
        &dir,
        "bad.ron",
        &format!(
            "Tournament(\n    name: \"bad\",\n    players: [{}],\n    graph: Some(Cycle(nodes: 5)),\n)",
            players(4)
        ),
    );
    let err = fails(&command("run", &bad, &dir.join("bad-out"), &["--quiet"]));
    assert!(err.contains("bad.ron:4:"), "{err}");
}

#[test]
fn a_spread_writes_the_network_record_the_pi_map_and_the_epochs_plot() {
    let dir = scratch("spread");
    let players = (0..12)
        .map(|k| {
            let strategy = ["Tit For Tat", "Defector", "Cooperator"][k % 3];
            format!(
                "Inline(name: \"n{k}\", strategy: (name: \"{strategy}\"), political_weight: 0.5)"
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let lattice = write(
        &dir,
        "spread.ron",
        &format!(
            "Tournament(name: \"spread\", players: [{players}], graph: Some(Lattice(width: 4, height: 3)), \
             horizon: Fixed(turns: 20), politics: Fixed(0.1), \
             spread: [Politicization(rate: 0.4, decay: 0.2), Autonomy(base: 0.1, rate: 0.5)], epochs: 4)"
        ),
    );
    let out = dir.join("spread-out");
    ok(&command("run", &lattice, &out, &["--quiet"]));
    let epochs = fs::read_to_string(out.join("network_epochs.csv")).unwrap();
    assert!(
        epochs.starts_with("epoch,mean_politicization,mean_autonomy,cooperation,policy_payoff"),
        "{epochs}"
    );
    assert_eq!(epochs.lines().count(), 5);
    let nodes = fs::read_to_string(out.join("network_nodes.csv")).unwrap();
    assert_eq!(nodes.lines().count(), 1 + 4 * 12);
    let json = fs::read_to_string(out.join("network.json")).unwrap();
    assert!(json.contains("\"final_politicization\""), "{json}");
    assert_svg_has(
        &out.join("network_pi.svg"),
        &["Politicization after the last epoch"],
    );
    assert_svg_has(
        &out.join("network_autonomy.svg"),
        &["Autonomy in the last epoch"],
    );
    assert_svg_has(
        &out.join("network_epochs.svg"),
        &[
            "mean politicization",
            "cooperation",
            "mean autonomy",
            "epoch",
        ],
    );
    // A spread without a graph is refused at its line and column.
    let bad = write(
        &dir,
        "bad.ron",
        "Tournament(\n    name: \"bad\",\n    players: [Inline(name: \"a\", strategy: (name: \"Cooperator\"))],\n    spread: [Autonomy(base: 0.0, rate: 1.0)],\n)",
    );
    let err = fails(&command("run", &bad, &dir.join("bad-out"), &["--quiet"]));
    assert!(
        err.contains("bad.ron:4:") && err.contains("spread"),
        "{err}"
    );
}

#[test]
fn fixation_files_and_their_sweeps_write_tables_and_plots() {
    let dir = scratch("fixation");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments");
    for stem in [
        "network-rule",
        "group-selection",
        "sweep-network-rule",
        "sweep-group-selection",
    ] {
        fs::copy(
            shipped.join(format!("{stem}.ron")),
            dir.join(format!("{stem}.ron")),
        )
        .unwrap();
    }
    // A graph file: the table on screen, the CSV and JSON, and a
    // snapshot of each graph coloured by strategy.
    let out = dir.join("network");
    let stdout = ok(&command("run", &dir.join("network-rule.ron"), &out, &[]));
    assert!(stdout.contains("von Neumann lattice 6x6 k=4"), "{stdout}");
    assert!(stdout.contains("policy"), "the currency is named: {stdout}");
    let csv = fs::read_to_string(out.join("fixation.csv")).unwrap();
    assert!(
        csv.starts_with("unit,population,mean_degree,runs,fixed,unfinished,fixation_probability"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 5, "{csv}");
    assert!(out.join("fixation.json").is_file());
    // The cycle is drawn as a network, the lattices as images.
    assert_svg_has(&out.join("graph_snapshot_0.svg"), &["cooperator (C)"]);
    assert_svg_has(&out.join("graph_snapshot_2.svg"), &["defector (D)"]);
    // The same seed gives the same bytes.
    let again = dir.join("network-again");
    ok(&command("run", &dir.join("network-rule.ron"), &again, &[]));
    assert_eq!(
        fs::read(out.join("fixation.csv")).unwrap(),
        fs::read(again.join("fixation.csv")).unwrap()
    );
    // A multilevel file.
    let out = dir.join("groups");
    let stdout = ok(&command("run", &dir.join("group-selection.ron"), &out, &[]));
    assert!(stdout.contains("n=4 m=12"), "{stdout}");
    // The sweeps draw the fixation probability against b/c with 1/N and
    // the thresholds.
    for sweep in ["sweep-network-rule", "sweep-group-selection"] {
        let out = dir.join(sweep);
        ok(&command(
            "sweep",
            &dir.join(format!("{sweep}.ron")),
            &out,
            &[],
        ));
        assert_svg_has(
            &out.join("fixation_sweep.svg"),
            &["neutral 1/N = ", "threshold, ", "b/c"],
        );
        let summary = fs::read_to_string(out.join("summary.csv")).unwrap();
        assert!(summary.contains("fixation_probability"), "{sweep}");
    }
    let _ = fs::remove_dir_all(&dir);
}
