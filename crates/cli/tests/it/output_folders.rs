//! Regressions of issue 27, items 6 to 10, at the command line: every
//! result folder trustworthy. Cells carry their identity and merge checks
//! it (a shard holding another cell's folder, a value edited to `NaN`);
//! the identity covers the presets a sweep uses; an output path that is a
//! symbolic link is written through; a run killed between the two renames
//! of a replacement is repaired by the next one; a folder in use by
//! another run is refused, naming its process.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder for one test, emptied first.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-outdir-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary, quietly, with `args`.
pub(crate) fn twolevel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .arg("-q")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) {
    let out = twolevel(args);
    assert!(
        out.status.success(),
        "twolevel {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fails(args: &[&str]) -> String {
    let out = twolevel(args);
    assert!(!out.status.success(), "twolevel {args:?} should fail");
    assert_ne!(out.status.code(), Some(101), "twolevel {args:?} panicked");
    String::from_utf8(out.stderr).unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// A small round robin with a player from the folder's own preset `mine`
/// (in `strategies/`, beside the file's folder).
pub(crate) const BASE: &str = r#"Tournament(
    name: "small",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Preset("mine"),
        Inline(name: "Random", strategy: (name: "Random")),
    ],
    horizon: Fixed(turns: 10),
    repetitions: 2,
    seed: 3,
)"#;

/// The preset `mine`, forgiving `tolerance` unreciprocated cooperations.
pub(crate) fn preset(tolerance: f64) -> String {
    format!(
        r#"(name: "mine", strategy: (name: "Diffuse Reciprocity", params: {{"tolerance": {tolerance:?}, "lambda": 0.9}}))"#
    )
}

/// A sweep of 2 points x 2 replicates over [`BASE`].
pub(crate) const SWEEP: &str = r#"Sweep(name: "noise", base: "base.ron",
    grid: [(path: "action_noise", values: [0.0, 0.1])], replicates: 2)"#;

/// Writes the sweep's files under `dir` (`files/base.ron`,
/// `files/sweep.ron`, `strategies/mine.ron`) and returns the sweep file.
pub(crate) fn sweep_files(dir: &Path, tolerance: f64) -> PathBuf {
    fs::create_dir_all(dir.join("files")).unwrap();
    fs::create_dir_all(dir.join("strategies")).unwrap();
    fs::write(dir.join("strategies/mine.ron"), preset(tolerance)).unwrap();
    fs::write(dir.join("files/base.ron"), BASE).unwrap();
    let sweep = dir.join("files/sweep.ron");
    fs::write(&sweep, SWEEP).unwrap();
    sweep
}

/// Runs shard `k` of 2 of `sweep` into `out`.
pub(crate) fn shard(sweep: &Path, out: &Path, k: u32) -> Output {
    twolevel(&[
        "-o",
        text(out),
        "sweep",
        text(sweep),
        "--shard",
        &format!("{k}/2"),
        "--no-plots",
    ])
}

/// Copies a folder recursively.
pub(crate) fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The hidden entries of `dir` (leftovers of runs, locks).
fn hidden(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Item 6: a shard holding another cell's folder under its own number, or
/// a value edited to `NaN`, is refused, naming the shard, the cell and
/// the field; both used to merge with exit 0.
#[test]
fn tampered_cells_are_refused_naming_shard_cell_and_field() {
    let dir = scratch("tampered");
    let sweep = sweep_files(&dir, 2.0);
    let (one, two) = (dir.join("one"), dir.join("two"));
    for (k, out) in [(1, &one), (2, &two)] {
        assert!(shard(&sweep, out, k).status.success());
    }
    let merged = dir.join("merged");
    ok(&[
        "-o",
        text(&merged),
        "merge",
        text(&one),
        text(&two),
        "--no-plots",
    ]);
    let reference = fs::read(merged.join("sweep.csv")).unwrap();

    // Shard 1 holds cells 0 and 2: cell 0's folder under cell 2's number.
    let moved = dir.join("moved");
    copy_folder(&one, &moved);
    fs::remove_dir_all(moved.join("cells/000002")).unwrap();
    copy_folder(&moved.join("cells/000000"), &moved.join("cells/000002"));
    let out = dir.join("out-moved");
    let err = fails(&["-o", text(&out), "merge", text(&moved), text(&two)]);
    assert!(
        err.contains("moved/cells/000002") && err.contains("cell 2") && err.contains("`cell`"),
        "{err}"
    );

    // A value edited to NaN, its cell.json left alone.
    let edited = dir.join("edited");
    copy_folder(&two, &edited);
    let rows = edited.join("cells/000001/rows.csv");
    let original = fs::read_to_string(&rows).unwrap();
    let first_line = original.lines().next().unwrap();
    let (head, _) = first_line.rsplit_once(',').unwrap();
    fs::write(
        &rows,
        original.replacen(first_line, &format!("{head},NaN"), 1),
    )
    .unwrap();
    let out = dir.join("out-nan");
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&edited)]);
    assert!(
        err.contains("edited/cells/000001") && err.contains("cell 1") && err.contains("`value`"),
        "{err}"
    );
    // Another number in its place: the rows' hash differs.
    fs::write(
        &rows,
        original.replacen(first_line, &format!("{head},0.125"), 1),
    )
    .unwrap();
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&edited)]);
    assert!(
        err.contains("cell 1") && err.contains("hash of `rows.csv`"),
        "{err}"
    );
    // The same check guards a whole sweep being finished again.
    let err = fails(&["-o", text(&moved), "merge", text(&moved), text(&two)]);
    assert!(err.contains("cell 2"), "{err}");
    assert_eq!(fs::read(merged.join("sweep.csv")).unwrap(), reference);
    fs::remove_dir_all(&dir).unwrap();
}

/// Item 7: a preset edited in `strategies/` between shards, or before a
/// resume, makes another sweep: merge and resume refuse to mix them.
#[test]
fn an_edited_preset_makes_another_sweep() {
    let dir = scratch("preset");
    let sweep = sweep_files(&dir, 2.0);
    let (one, two) = (dir.join("one"), dir.join("two"));
    assert!(shard(&sweep, &one, 1).status.success());
    let hash = |out: &Path| {
        let text = fs::read_to_string(out.join("sweep.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["hash"].as_str().unwrap().to_owned()
    };
    fs::write(dir.join("strategies/mine.ron"), preset(3.0)).unwrap();
    assert!(shard(&sweep, &two, 2).status.success());
    assert_ne!(hash(&one), hash(&two));
    let out = dir.join("merged");
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&two)]);
    assert!(
        err.contains("another sweep") && err.contains("presets"),
        "{err}"
    );
    // Resuming shard 1 under the edited preset is refused too.
    let resumed = shard(&sweep, &one, 1);
    assert!(!resumed.status.success());
    let err = String::from_utf8_lossy(&resumed.stderr);
    assert!(err.contains("another sweep"), "{err}");
    // Put back, the preset gives the first hash again.
    fs::write(dir.join("strategies/mine.ron"), preset(2.0)).unwrap();
    let again = dir.join("again");
    assert!(shard(&sweep, &again, 2).status.success());
    assert_eq!(hash(&one), hash(&again));
    ok(&[
        "-o",
        text(&out),
        "merge",
        text(&one),
        text(&again),
        "--no-plots",
    ]);
    fs::remove_dir_all(&dir).unwrap();
}

/// The results of `twolevel run` on [`BASE`] into `out`.
fn run(dir: &Path, out: &Path) -> Output {
    let base = dir.join("files/base.ron");
    twolevel(&["-o", text(out), "run", text(&base), "--no-plots"])
}

/// Item 8: `--output` naming a symbolic link to a folder of earlier
/// results writes into the link's target; the link stays a link and the
/// user's `notes.txt` survives. A link to nowhere is refused before the
/// run.
#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through() {
    let dir = scratch("symlink");
    sweep_files(&dir, 2.0);
    let real = dir.join("real");
    assert!(run(&dir, &real).status.success());
    fs::write(real.join("notes.txt"), "mine").unwrap();
    fs::write(real.join("ranking.csv"), "stale").unwrap();
    let link = dir.join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(run(&dir, &link).status.success());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(real.join("notes.txt")).unwrap(), "mine");
    assert_ne!(
        fs::read_to_string(real.join("ranking.csv")).unwrap(),
        "stale"
    );
    assert_eq!(hidden(&dir), Vec::<String>::new());
    // A sweep writes through a link as well.
    let sweep = dir.join("files/sweep.ron");
    let sweeps = dir.join("sweeps");
    fs::create_dir_all(&sweeps).unwrap();
    let sweep_link = dir.join("sweep-link");
    std::os::unix::fs::symlink(&sweeps, &sweep_link).unwrap();
    ok(&["-o", text(&sweep_link), "sweep", text(&sweep), "--no-plots"]);
    assert!(sweeps.join("sweep.csv").is_file());
    assert!(
        fs::symlink_metadata(&sweep_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let dangling = dir.join("dangling");
    std::os::unix::fs::symlink(dir.join("nowhere"), &dangling).unwrap();
    let err = String::from_utf8_lossy(&run(&dir, &dangling).stderr).into_owned();
    assert!(
        err.contains("symbolic link") && err.contains("nowhere"),
        "{err}"
    );
    assert!(!dir.join("nowhere").exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// A process id that no process has (above Linux's largest, 2^22).
const GONE: u32 = 4_000_000_000;

/// Item 9 and the leftovers: killed between the two renames of a
/// replacement, a run leaves the old results in `.out.previous-*` and no
/// `out`; the next run puts them back (the user's file with them) before
/// replacing them, and removes the staging folders killed runs left.
#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_between_the_renames_is_repaired_by_the_next() {
    let dir = scratch("killed");
    sweep_files(&dir, 2.0);
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    fs::rename(&out, dir.join(format!(".out.previous-{GONE}-7"))).unwrap();
    fs::create_dir_all(dir.join(format!(".out.staging-{GONE}-8"))).unwrap();
    fs::write(
        dir.join(format!(".out.staging-{GONE}-8/ranking.csv")),
        "half",
    )
    .unwrap();
    assert!(run(&dir, &out).status.success());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    assert!(out.join("ranking.csv").is_file());
    assert_eq!(hidden(&dir), Vec::<String>::new());

    // A sweep's folder: a killed cell's staging folder and a half-written
    // file are removed by the next run (a live process's are kept).
    let sweep = dir.join("files/sweep.ron");
    let sweeps = dir.join("sweeps");
    ok(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    let staged = sweeps.join(format!("cells/.000001.staging-{GONE}-1"));
    fs::create_dir_all(&staged).unwrap();
    let partial = sweeps.join(format!(".sweep.csv.partial-{GONE}-2"));
    fs::write(&partial, "half").unwrap();
    ok(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    assert!(!staged.exists() && !partial.exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// A round robin long enough (10^8-turn matches) to hold its folder's
/// lock for minutes in a debug build; the tests kill it.
const SLOW: &str = r#"Tournament(
    name: "slow",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "Random", strategy: (name: "Random")),
    ],
    horizon: Fixed(turns: 100000000),
    repetitions: 1,
    seed: 3,
)"#;

/// Starts `twolevel -q ARGS` and waits until it holds the lock file
/// `lock` (the file names its pid).
fn start_holding(args: &[&str], lock: &Path) -> std::process::Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .arg("-q")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let expected = format!("pid {}\n", child.id());
    let start = std::time::Instant::now();
    while !fs::read_to_string(lock).is_ok_and(|t| t.starts_with(&expected)) {
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "twolevel {args:?} ended ({status}) before taking {}",
                lock.display()
            );
        }
        assert!(
            start.elapsed().as_secs() < 120,
            "no lock {}",
            lock.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child
}

/// Kills `child` with `SIGKILL` (no chance to remove its lock file),
/// after checking that it was still running, so that what was refused
/// meanwhile was refused while it held the lock.
fn kill(mut child: std::process::Child) {
    assert!(
        child.try_wait().unwrap().is_none(),
        "the slow run ended early"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// Items 1 and 2 of the lock brief (issue 27, item 10), with real
/// processes: every writer of a folder takes the same lock, so a `run`,
/// a `sweep` and a `merge` into a folder that a running `run` (or
/// `sweep`) writes are refused, naming its pid; the lock is the operating
/// system's, so once the holder is killed with `SIGKILL` its lock file,
/// left behind, is taken at once by the next run.
#[test]
fn a_folder_in_use_is_refused_naming_the_process() {
    let dir = scratch("in-use");
    let sweep = sweep_files(&dir, 2.0);
    let slow = dir.join("files/slow.ron");
    fs::write(&slow, SLOW).unwrap();
    fs::write(
        dir.join("files/slow-sweep.ron"),
        SWEEP.replace("base.ron", "slow.ron"),
    )
    .unwrap();
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    // A shard to merge from.
    let shard = dir.join("shard");
    ok(&[
        "-o",
        text(&shard),
        "sweep",
        text(&sweep),
        "--shard",
        "1/1",
        "--no-plots",
    ]);

    // A slow `run` holds `out`.
    let lock = dir.join(".out.lock");
    let holder = start_holding(&["-o", text(&out), "run", text(&slow), "--no-plots"], &lock);
    let in_use = format!("the folder is in use by pid {}", holder.id());
    let err = String::from_utf8_lossy(&run(&dir, &out).stderr).into_owned();
    assert!(
        err.contains(&in_use) && err.contains(".out.lock"),
        "run: {err}"
    );
    let err = fails(&["-o", text(&out), "sweep", text(&sweep), "--no-plots"]);
    assert!(err.contains(&in_use), "sweep: {err}");
    let err = fails(&["-o", text(&out), "merge", text(&shard), "--no-plots"]);
    assert!(err.contains(&in_use), "merge: {err}");
    kill(holder);
    // The killed run's lock file is still there, naming a dead process;
    // nobody holds its lock, so the next run takes it at once.
    assert!(lock.exists());
    let started = std::time::Instant::now();
    assert!(run(&dir, &out).status.success());
    assert!(started.elapsed().as_secs() < 60);
    assert!(!lock.exists());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");

    // A slow `sweep` holds `sweeps`: a `run`, another sweep and a merge
    // into it are refused.
    let sweeps = dir.join("sweeps");
    let lock = dir.join(".sweeps.lock");
    let holder = start_holding(
        &[
            "-o",
            text(&sweeps),
            "sweep",
            text(&dir.join("files/slow-sweep.ron")),
            "--no-plots",
        ],
        &lock,
    );
    let in_use = format!("the folder is in use by pid {}", holder.id());
    let err = String::from_utf8_lossy(&run(&dir, &sweeps).stderr).into_owned();
    assert!(err.contains(&in_use), "run: {err}");
    let err = fails(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    assert!(err.contains(&in_use), "sweep: {err}");
    let err = fails(&["-o", text(&sweeps), "merge", text(&shard), "--no-plots"]);
    assert!(err.contains(&in_use), "merge: {err}");
    kill(holder);
    assert!(lock.exists());
    // Taken at once (the folder holds the killed sweep's cells, so this
    // other sweep may be refused for that, but not for the lock).
    let out = twolevel(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("in use") && out.status.code() != Some(101),
        "{err}"
    );
    assert!(!lock.exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// Item 10 with real runs: several `twolevel run`s started at once into
/// one folder each finish or are refused as "in use by pid"; at least one
/// writes its results, and the user's `notes.txt` stays in the folder
/// (it used to end up only in a hidden `.out.previous-*`).
#[test]
fn concurrent_runs_into_one_folder_keep_the_users_file() {
    let dir = scratch("concurrent");
    sweep_files(&dir, 2.0);
    let base = dir.join("files/base.ron");
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    for round in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_twolevel"))
                    .args(["-q", "-o", text(&out), "run", text(&base), "--no-plots"])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut finished = 0;
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.success() {
                finished += 1;
            } else {
                assert!(
                    stderr.contains("the folder is in use by pid"),
                    "round {round}: {stderr}"
                );
            }
        }
        assert!(finished >= 1, "round {round}: no run finished");
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        assert!(out.join("ranking.csv").is_file());
        assert_eq!(hidden(&dir), Vec::<String>::new(), "round {round}");
    }
    fs::remove_dir_all(&dir).unwrap();
}
