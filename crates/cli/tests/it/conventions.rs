//! Issue 26 item 2: one behaviour for every subcommand and file kind. Every
//! shipped file ([`SHIPPED_TOURNAMENTS`]) is run by `twolevel run` three
//! ways (the file's own `output`, `--output DIR`, `--no-output`), and the
//! round-robin files by `levers` and `payoffs` too; every run follows the
//! same rules: one "written to" line naming where the results went (none
//! with `--no-output`, and then no file), a headline rather than a bare
//! file name, `N pairs x R repetitions` in the same words at the head and
//! foot of a round robin's table (the table the `tournament` example
//! prints), and no option accepted that does nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use twolevel_tournament::config::{FileKind, SHIPPED_TOURNAMENTS};
use twolevel_tournament::file::AnyFile;

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-conv-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The shipped file `tournaments/STEM.ron`, as an absolute path.
fn shipped(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tournaments")
        .join(format!("{stem}.ron"))
        .canonicalize()
        .unwrap()
}

/// Runs the binary with `args` in the folder `cwd` (so that a file's
/// relative `output` lands there).
fn twolevel(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs and expects success; returns standard output.
fn ok(cwd: &Path, args: &[&str]) -> String {
    let out = twolevel(cwd, args);
    assert!(
        out.status.success(),
        "twolevel {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs and expects failure; returns standard error.
fn fails(cwd: &Path, args: &[&str]) -> String {
    let out = twolevel(cwd, args);
    assert!(!out.status.success(), "twolevel {args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}

/// The lines of `stdout` that say where results were written.
fn written_lines(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|line| line.contains("written to"))
        .collect()
}

/// Checks the one "written to" line of a run that wrote into `target`
/// (a folder or, for an evolution block's CSV, a file; relative to
/// `cwd`), which must exist.
fn assert_written_once(stdout: &str, cwd: &Path, target: &Path, what: &str) {
    let lines = written_lines(stdout);
    assert_eq!(lines.len(), 1, "{what}: one \"written to\" line:\n{stdout}");
    assert!(
        lines[0].starts_with(&format!("Results written to {}", target.display())),
        "{what}: {}",
        lines[0]
    );
    let target = cwd.join(target);
    assert!(
        target.exists(),
        "{what}: {} was not written",
        target.display()
    );
}

/// Everything below `folder`, as paths relative to it.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path.clone());
            }
            found.push(path.strip_prefix(folder).unwrap().to_path_buf());
        }
    }
    found
}

/// Checks the head of a run's output: a headline, never a bare file name.
fn assert_headline(stdout: &str, path: &Path, what: &str) {
    let first = stdout.lines().next().unwrap_or("");
    assert_ne!(
        first,
        format!("{}:", path.display()),
        "{what}: bare file name"
    );
    assert!(
        first.contains(&format!("({})", path.display())) || first.contains("points x"),
        "{what}: the first line names neither the run nor its file: {first}"
    );
}

#[test]
fn every_shipped_file_runs_under_the_same_output_rules() {
    let root = scratch("run");
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        let path = shipped(stem);
        let file = path.to_str().unwrap();
        let kind = FileKind::of(text);
        let what = format!("{stem} ({kind:?})");

        // 1. The file's own `output` (relative to the working folder), or,
        // for an evolution file without one, its block's CSV file.
        let cwd = root.join(stem).join("own");
        fs::create_dir_all(&cwd).unwrap();
        let loaded = AnyFile::from_file(&path).unwrap();
        let own = match kind {
            FileKind::RoundRobin => {
                let tournament = loaded.into_tournament().unwrap();
                tournament.output.clone().or_else(|| {
                    tournament
                        .evolution
                        .as_ref()
                        .and_then(|e| e.output().map(PathBuf::from))
                })
            }
            _ => None,
        };
        if kind == FileKind::Sweep && !text.contains("output: Some") {
            fails(&cwd, &["run", file, "--no-plots"]);
        } else {
            let stdout = ok(&cwd, &["run", file, "--no-plots"]);
            assert_headline(&stdout, &path, &what);
            match &own {
                Some(target) => assert_written_once(&stdout, &cwd, target, &what),
                None if text.contains("output: Some") => {
                    // Sweeps, societies and negotiations name a folder too.
                    assert_eq!(written_lines(&stdout).len(), 1, "{what}:\n{stdout}");
                }
                None => {
                    assert!(written_lines(&stdout).is_empty(), "{what}:\n{stdout}");
                    assert!(files_under(&cwd).is_empty(), "{what}: wrote files");
                }
            }
            if kind == FileKind::RoundRobin {
                assert_round_robin_table(&stdout, &path, &what);
            }
        }

        // 2. `--output DIR` replaces it.
        let cwd = root.join(stem).join("dir");
        fs::create_dir_all(&cwd).unwrap();
        let dir = cwd.join("results");
        let stdout = ok(
            &cwd,
            &["run", file, "--output", dir.to_str().unwrap(), "--no-plots"],
        );
        assert_written_once(&stdout, &cwd, &dir, &what);
        assert!(!files_under(&dir).is_empty(), "{what}: an empty folder");
        assert!(
            !cwd.join("output").exists(),
            "{what}: --output DIR also wrote the file's own folder"
        );

        // 3. `--no-output` writes nothing and says nothing was written (a
        // sweep, whose cells are its results, refuses it by name).
        let cwd = root.join(stem).join("none");
        fs::create_dir_all(&cwd).unwrap();
        if kind == FileKind::Sweep {
            let error = fails(&cwd, &["run", file, "--no-output"]);
            assert!(error.contains("--no-output"), "{what}: {error}");
        } else {
            let stdout = ok(&cwd, &["run", file, "--no-output"]);
            assert!(written_lines(&stdout).is_empty(), "{what}:\n{stdout}");
            assert_headline(&stdout, &path, &what);
        }
        assert!(
            files_under(&cwd).is_empty(),
            "{what}: --no-output wrote files"
        );
    }
    let _ = fs::remove_dir_all(&root);
}

/// A round robin's table as `twolevel run` prints it: the headline and
/// the table the library's `Display` gives (what the `tournament` example
/// prints, through the same two functions), with the pairs and
/// repetitions in the same words at the head and at the foot, and wins
/// labelled as means per repetition.
fn assert_round_robin_table(stdout: &str, path: &Path, what: &str) {
    let tournament = AnyFile::from_file(path).unwrap().into_tournament().unwrap();
    let rr = &tournament.round_robin;
    // A spread's table is its last epoch's.
    let (results, _) = tournament
        .play_with_progress(&twolevel_tournament::progress::NoProgress)
        .unwrap();
    let expected = format!("{}\n\n{}\n", tournament.headline(), results);
    assert!(
        stdout.starts_with(&expected),
        "{what}: the CLI's table differs from the library's:\n{stdout}\n---\n{expected}"
    );
    let words = format!(
        "{} pairs x {} repetitions",
        rr.pairs().len(),
        rr.repetitions()
    );
    let head = stdout.lines().next().unwrap();
    assert!(head.contains(&words), "{what}: {head}");
    let foot = stdout.lines().find(|l| l.starts_with("Ranked by")).unwrap();
    assert!(foot.contains(&words), "{what}: {foot} (head: {head})");
    assert!(!stdout.contains("matches x"), "{what}");
    assert!(
        stdout.contains("the mean per repetition (hence fractions)"),
        "{what}: wins not labelled"
    );
}

#[test]
fn levers_and_payoffs_follow_the_same_rules_on_every_round_robin_file() {
    let root = scratch("levers");
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        let path = shipped(stem);
        let file = path.to_str().unwrap();
        let what = stem.to_owned();
        let cwd = root.join(stem);
        fs::create_dir_all(&cwd).unwrap();
        if FileKind::of(text) != FileKind::RoundRobin {
            // Other kinds are refused with the file named, not run.
            for command in ["levers", "payoffs"] {
                let error = fails(&cwd, &[command, file]);
                assert!(error.contains(stem), "{what} {command}: {error}");
            }
            continue;
        }
        // `payoffs`: the example's columns and words, and `-o DIR` writes.
        let dir = cwd.join("thresholds");
        let stdout = ok(&cwd, &["payoffs", file, "-o", dir.to_str().unwrap()]);
        let header = stdout.lines().nth(1).unwrap();
        assert!(header.contains("w_eff"), "{what}: {header}");
        assert!(
            !stdout.lines().any(|l| l.trim_end().ends_with(" none")),
            "{what}: says none:\n{stdout}"
        );
        assert_written_once(&stdout, &cwd, &dir, &what);
        assert!(dir.join("thresholds.csv").exists(), "{what}");
    }
    // `levers` on a small file: levers.json into the file's own folder
    // (as the guide promises), or `--output DIR`, or nowhere.
    let path = shipped("paradox");
    let file = path.to_str().unwrap();
    let cwd = root.join("paradox-levers");
    fs::create_dir_all(&cwd).unwrap();
    let stdout = ok(&cwd, &["levers", file]);
    assert_headline(&stdout, &path, "levers");
    assert_written_once(&stdout, &cwd, Path::new("output/paradox"), "levers");
    assert!(cwd.join("output/paradox/levers.json").exists());
    let dir = cwd.join("elsewhere");
    let stdout = ok(&cwd, &["levers", file, "-o", dir.to_str().unwrap()]);
    assert_written_once(&stdout, &cwd, &dir, "levers -o");
    assert!(dir.join("levers.json").exists());
    let none = root.join("paradox-none");
    fs::create_dir_all(&none).unwrap();
    let stdout = ok(&none, &["levers", file, "--no-output"]);
    assert!(written_lines(&stdout).is_empty(), "{stdout}");
    assert!(files_under(&none).is_empty());
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn payoffs_says_never_like_the_example() {
    let cwd = scratch("never");
    // With w = 1 at pi = 0 the default game's grim trigger
    // is never sustained (the `payoffs` example prints "never" there).
    let stdout = ok(&cwd, &["payoffs", "--weights", "1", "--pi", "0"]);
    let row = stdout.lines().nth(2).unwrap();
    assert!(row.trim_end().ends_with("never"), "{stdout}");
    assert!(stdout.contains("never: none below 1 sustains cooperation"));
    let _ = fs::remove_dir_all(&cwd);
}

#[test]
fn options_that_would_do_nothing_are_refused_by_name() {
    let cwd = scratch("refused");
    for (args, flag) in [
        (&["strategies", "--seed", "5"][..], "--seed"),
        (&["strategies", "-o", "x"][..], "--output"),
        (&["strategies", "--threads", "2"][..], "--threads"),
        (&["strategies", "--quiet"][..], "--quiet"),
        (&["payoffs", "--seed", "5"][..], "--seed"),
        (&["payoffs", "--threads", "2"][..], "--threads"),
        (&["plot", "x", "--seed", "5"][..], "--seed"),
    ] {
        let error = fails(&cwd, args);
        assert!(
            error.contains(&format!("`{flag}` does nothing for `twolevel {}`", args[0])),
            "{args:?}: {error}"
        );
    }
    assert!(files_under(&cwd).is_empty());
    let _ = fs::remove_dir_all(&cwd);
}

/// Issue 26 item 3: `turns: -5`, `turns: 5000000000` and `turns: 2.5` name
/// the field, its range and the place in the file.
#[test]
fn out_of_range_turns_name_the_field_the_range_and_the_place() {
    let cwd = scratch("turns");
    for bad in ["-5", "5000000000", "2.5", "0"] {
        let path = cwd.join("turns.ron");
        fs::write(
            &path,
            format!(
                "Tournament(\n    name: \"t\",\n    players: [Preset(\"politician\")],\n    \
                 horizon: Fixed(turns: {bad}),\n)\n"
            ),
        )
        .unwrap();
        let error = fails(&cwd, &["run", path.to_str().unwrap(), "--no-output"]);
        assert!(
            error.contains(&format!(
                "invalid `turns`: expected a whole number of turns from 1 to 4294967295, got {bad}"
            )) && error.contains("turns.ron:4:"),
            "{bad}: {error}"
        );
        assert!(!error.contains("out of bounds"), "{error}");
    }
    let _ = fs::remove_dir_all(&cwd);
}

/// `--seed` and `--threads` out of range are refused naming the option's
/// range, as a file's `seed` is, before anything runs.
#[test]
fn out_of_range_seeds_and_threads_name_their_range() {
    let cwd = scratch("seed-option");
    let path = shipped("axelrod-first");
    let file = path.to_str().unwrap();
    for bad in ["-1", "18446744073709551616", "2.5", "x"] {
        let error = fails(&cwd, &["run", file, "--no-output", "--seed", bad]);
        assert!(
            error.contains("expected a whole number from 0 to 18446744073709551615, got"),
            "{bad}: {error}"
        );
    }
    let error = fails(&cwd, &["run", file, "--no-output", "--threads", "0"]);
    assert!(
        error.contains("threads") && error.contains("1024"),
        "{error}"
    );
    let _ = fs::remove_dir_all(&cwd);
}
