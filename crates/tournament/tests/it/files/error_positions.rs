//! Every error about a configuration file names the file, the line and the
//! column of the field at fault, and the field: each
//! case writes a small file to a folder of its own, loads it the way the
//! command line does, and checks the exact position.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use twolevel_files::ConfigError;
use twolevel_strategies::preset::Preset;
use twolevel_tournament::Tournament;
use twolevel_tournament::regime::RawRegimeTournament;
use twolevel_tournament::society::SocietyConfig;
use twolevel_tournament::sweep_file::Sweep;

/// A new empty folder under the system's temporary folder, unique to this
/// process and call.
fn fresh_folder() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let folder = std::env::temp_dir().join(format!(
        "twolevel-error-positions-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// Writes `text` to `name` in a fresh folder and returns its path.
fn write(name: &str, text: &str) -> PathBuf {
    let path = fresh_folder().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The kinds of file, each loaded from disk as the command line loads it.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Tournament,
    Regime,
    Preset,
    Society,
}

fn load(kind: Kind, path: &Path) -> Result<(), ConfigError> {
    match kind {
        Kind::Tournament => Tournament::from_file(path).map(drop),
        Kind::Regime => RawRegimeTournament::from_file(path).map(drop),
        Kind::Preset => Preset::from_file(path).map(drop),
        Kind::Society => SocietyConfig::from_file(path).map(drop),
    }
}

/// Asserts that `message` starts with `path:line:column:` and names
/// `field` (in backquotes) and every one of `words`.
fn assert_located(message: &str, path: &Path, (line, column): (usize, usize), field: &str) {
    let prefix = format!("{}:{line}:{column}: ", path.display());
    assert!(
        message.starts_with(&prefix),
        "expected {prefix:?} at the start of {message:?}"
    );
    assert!(
        message.contains(&format!("`{field}`")),
        "expected `{field}` in {message:?}"
    );
}

/// A round-robin tournament with `lines` added after its players.
fn tournament(lines: &str) -> String {
    format!(
        "Tournament(\n    name: \"t\",\n    players: [\n        Preset(\"politician\"),\n        \
         Inline(name: \"tft\", strategy: (name: \"Tit For Tat\")),\n        Preset(\"bureaucrat\"),\n    \
         ],\n{lines}\n)\n"
    )
}

/// A regime tournament with entrant `entrant` third and threshold
/// `threshold` of a group of 3.
fn regime(threshold: u32, entrant: &str) -> String {
    format!(
        "Regime(\n    game: (\n        size: 3,\n        policy: CollectiveRisk(endowment: 1.0, \
         cost_share: 0.1, risk: 0.9, threshold: {threshold}),\n    ),\n    entrants: [\n        \
         (strategy: (name: \"Conditional Cooperator\")),\n        (strategy: (name: \"MFN Free \
         Rider\"), w: 0.2),\n        {entrant},\n    ],\n)\n"
    )
}

/// A case: what it is, the kind of file, the file name, its text, the
/// expected line and column, and the field the error must name.
type Case = (
    &'static str,
    Kind,
    &'static str,
    String,
    (usize, usize),
    &'static str,
);

#[test]
fn every_file_error_starts_with_file_line_and_column() {
    let cases: Vec<Case> = vec![
        (
            "the second of two players with one name, a preset",
            Kind::Tournament,
            "t.ron",
            "Tournament(\n    name: \"t\",\n    players: [\n        Preset(\"politician\"),\n        \
             Preset(\"bureaucrat\"),\n        Preset(\"politician\"),\n    ],\n)\n"
                .to_owned(),
            (6, 9),
            "players[2].name",
        ),
        (
            "the second of two players with one name, inline",
            Kind::Tournament,
            "t.ron",
            tournament("")
                .replace("Preset(\"bureaucrat\")", "Inline(name: \"tft\", strategy: (name: \"TFT\"))"),
            (6, 22),
            "players[2].name",
        ),
        (
            "a known length with a continuation horizon",
            Kind::Tournament,
            "t.ron",
            tournament("    horizon: Continuation(delta: 0.9),\n    length_known: true,"),
            (9, 19),
            "length_known",
        ),
        (
            "an empty output folder",
            Kind::Tournament,
            "t.ron",
            tournament("    output: Some(\"\"),"),
            (8, 18),
            "output",
        ),
        (
            "an action noise above 1",
            Kind::Tournament,
            "t.ron",
            tournament("    seed: 3,\n    action_noise: 1.5,"),
            (9, 19),
            "action_noise",
        ),
        (
            "repetitions beyond the memory budget",
            Kind::Tournament,
            "t.ron",
            tournament("    repetitions: 4000000000,"),
            (8, 18),
            "repetitions",
        ),
        (
            "an unknown strategy",
            Kind::Tournament,
            "t.ron",
            tournament("").replace(
                "Preset(\"bureaucrat\")",
                "Inline(name: \"x\", strategy: (name: \"Tit For Tap\"))",
            ),
            (6, 37),
            "players[2].strategy",
        ),
        (
            "an unknown preset",
            Kind::Tournament,
            "t.ron",
            tournament("").replace("Preset(\"bureaucrat\")", "Preset(\"nobody\")"),
            (6, 9),
            "players[2]",
        ),
        (
            "a selection that some payoff of the game makes invalid",
            Kind::Tournament,
            "t.ron",
            tournament(
                "    evolution: Some((\n        process: Moran,\n        selection: Linear(1.0),\n    )),",
            ),
            (10, 20),
            "evolution.selection",
        ),
        (
            "initial counts for the wrong number of players",
            Kind::Tournament,
            "t.ron",
            tournament("    evolution: Some((population: 10, initial: Counts([5, 5]))),"),
            (8, 47),
            "evolution.initial",
        ),
        (
            "a regime threshold above the group size",
            Kind::Regime,
            "r.ron",
            regime(4, "(strategy: (name: \"Regime Nationalist\"), w: 0.8)"),
            (4, 87),
            "threshold",
        ),
        (
            "a regime entrant with an unknown strategy",
            Kind::Regime,
            "r.ron",
            regime(2, "(strategy: (name: \"Regime Natonalist\"), w: 0.8)"),
            (9, 20),
            "entrants[2].strategy",
        ),
        (
            "a regime entrant with a bad visibility",
            Kind::Regime,
            "r.ron",
            regime(
                2,
                "(strategy: (name: \"Conditional Cooperator\"), visibility: Some(1.5))",
            ),
            (9, 71),
            "entrants[2].visibility",
        ),
        (
            "a preset with a political weight above 1",
            Kind::Preset,
            "hawk.ron",
            "// A hawk.\n(\n    name: \"hawk\",\n    strategy: (name: \"Tit For Tat\"),\n    \
             political_weight: 1.5,\n)\n"
                .to_owned(),
            (5, 23),
            "political_weight",
        ),
        (
            "a preset named unlike its file",
            Kind::Preset,
            "hawk.ron",
            "(\n    name: \"dove\",\n    strategy: (name: \"Tit For Tat\"),\n)\n".to_owned(),
            (2, 11),
            "name",
        ),
        (
            "a society with a bad mutation rate",
            Kind::Society,
            "s.ron",
            "Society(\n    name: \"s\",\n    groups: [(rule: \"Discriminator\", count: 10)],\n    \
             norm: \"stern judging\",\n    mu: 1.5,\n    steps: 10,\n)\n"
                .to_owned(),
            (5, 9),
            "mu",
        ),
    ];
    let mut failures = Vec::new();
    for (what, kind, name, text, (line, column), field) in cases {
        let path = write(name, &text);
        match load(kind, &path) {
            Ok(()) => failures.push(format!("{what}: accepted")),
            Err(error) => {
                let message = error.to_string();
                let prefix = format!("{}:{line}:{column}: ", path.display());
                if error.position() != Some((line, column))
                    || !message.starts_with(&prefix)
                    || !message.contains(&format!("`{field}`"))
                {
                    failures.push(format!(
                        "{what}: expected {prefix:?} and `{field}`, got {message:?}"
                    ));
                }
            }
        }
        std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sweep_errors_point_into_the_sweep_file_or_its_base() {
    let folder = fresh_folder();
    let base = folder.join("base.ron");
    std::fs::write(
        &base,
        "Tournament(\n    name: \"b\",\n    players: [Preset(\"politician\"), Preset(\"bureaucrat\")],\n)\n",
    )
    .unwrap();
    // A bad axis: in the sweep file, at the axis's path.
    let sweep = folder.join("sweep.ron");
    let text = "Sweep(\n    name: \"s\",\n    base: \"base.ron\",\n    grid: [\n        \
                (path: \"action_noise\", values: [0.0]),\n        (path: \"game.thetta\", values: [1.0]),\n    ],\n)\n";
    std::fs::write(&sweep, text).unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &sweep, (6, 16), "grid[1].path");
    // No replicates: at the field.
    let text = "Sweep(\n    name: \"s\",\n    base: \"base.ron\",\n    grid: [(path: \"action_noise\", values: [0.0])],\n    replicates: 0,\n)\n";
    std::fs::write(&sweep, text).unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &sweep, (5, 17), "replicates");
    // Too many cells (the fuzzer's `replicates: 4294967295` ran out of
    // memory listing them) and too many points (or a product of axis
    // lengths beyond `usize`): refused before anything is built.
    let text = "Sweep(\n    name: \"s\",\n    base: \"base.ron\",\n    grid: [(path: \"action_noise\", values: [0.0, 0.1])],\n    replicates: 4294967295,\n)\n";
    std::fs::write(&sweep, text).unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &sweep, (5, 17), "replicates");
    assert!(message.contains("8589934590 cells"), "{message}");
    assert!(message.contains(&Sweep::MAX_CELLS.to_string()), "{message}");
    let axis = format!(
        "(path: \"action_noise\", values: [{}])",
        vec!["0.0"; 1000].join(", ")
    );
    let grid = vec![axis; 7].join(", ");
    let text =
        format!("Sweep(\n    name: \"s\",\n    base: \"base.ron\",\n    grid: [{grid}],\n)\n");
    std::fs::write(&sweep, text).unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &sweep, (4, 11), "grid");
    assert!(message.contains("1000 x 1000 x 1000"), "{message}");
    assert!(
        message.contains(&Sweep::MAX_POINTS.to_string()),
        "{message}"
    );
    // A grid value that makes a point invalid: at the grid of the sweep
    // file, saying which point.
    let text = "Sweep(\n    name: \"s\",\n    base: \"base.ron\",\n    grid: [(path: \"action_noise\", values: [0.0, 1.5])],\n)\n";
    std::fs::write(&sweep, text).unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &sweep, (4, 11), "grid");
    assert!(message.contains("action_noise = 1.5"), "{message}");
    // A base that is wrong in itself: in the base file, at its field.
    std::fs::write(
        &base,
        "Tournament(\n    name: \"b\",\n    players: [Preset(\"politician\"), Preset(\"bureaucrat\")],\n    output: Some(\" \"),\n)\n",
    )
    .unwrap();
    let message = Sweep::from_file(&sweep).unwrap_err().to_string();
    assert_located(&message, &base, (4, 18), "output");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_byte_order_mark_does_not_move_the_position() {
    let cases = [
        (Kind::Tournament, "t.ron", tournament("    action_noise: 1.5,")),
        (
            Kind::Tournament,
            "t.ron",
            // The error on the first line, where the mark is.
            "Tournament(name: \"\", players: [Preset(\"politician\")])".to_owned(),
        ),
        (
            Kind::Regime,
            "r.ron",
            regime(2, "(strategy: (name: \"Regime Natonalist\"))"),
        ),
        (
            Kind::Preset,
            "hawk.ron",
            "(name: \"hawk\", strategy: (name: \"TFT\"), political_weight: 1.5)".to_owned(),
        ),
        (
            Kind::Society,
            "s.ron",
            "Society(name: \"s\", groups: [(rule: \"Discriminator\", count: 10)], mu: 1.5, steps: 10)"
                .to_owned(),
        ),
    ];
    for (kind, name, text) in cases {
        let plain = write(name, &text);
        let marked = write(name, &format!("\u{feff}{text}"));
        let plain_error = load(kind, &plain).unwrap_err();
        let marked_error = load(kind, &marked).unwrap_err();
        assert!(plain_error.position().is_some(), "{plain_error}");
        assert_eq!(
            plain_error.position(),
            marked_error.position(),
            "{plain_error} / {marked_error}"
        );
        assert_eq!(
            plain_error
                .to_string()
                .replace(&plain.display().to_string(), ""),
            marked_error
                .to_string()
                .replace(&marked.display().to_string(), "")
        );
        for path in [plain, marked] {
            std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
        }
    }
}

#[test]
fn errors_about_text_not_from_a_file_keep_their_old_form() {
    let error = ConfigError::invalid("<string>", "players[0]", "unknown preset");
    assert_eq!(error.position(), None);
    assert_eq!(
        error.to_string(),
        "<string>: invalid `players[0]`: unknown preset"
    );
}
