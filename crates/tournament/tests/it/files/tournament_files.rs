//! Tournament files: every shipped file loads, bad input is rejected
//! before anything runs with the file and the line and column or field
//! named, and no input makes the loader panic.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use twolevel_files::ConfigError;
use twolevel_strategies::testing::embedded_copy_problems;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::{
    DEFAULT_TOURNAMENT, FileKind, PresetCatalog, SHIPPED_TOURNAMENTS,
};
use twolevel_tournament::negotiation::NegotiationFile;
use twolevel_tournament::regime::RawRegimeTournament;
use twolevel_tournament::society::SocietyConfig;

fn tournaments_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments")
}

fn load(text: &str) -> Result<Tournament, ConfigError> {
    Tournament::from_ron(text, "bad.ron", &PresetCatalog::builtin().unwrap())
}

/// A valid file with one line replaced by `line`.
fn with_line(line: &str) -> String {
    format!(
        "Tournament(\n    name: \"t\",\n    players: [Preset(\"politician\"), Preset(\"bureaucrat\")],\n    {line}\n)\n"
    )
}

/// The crate embeds its own copy of the tournament files
/// (`crates/tournament/tournaments/`, inside the published crate); the
/// top-level `tournaments/` folder is the user-facing copy. They must hold
/// the same files, byte for byte, and [`SHIPPED_TOURNAMENTS`] every one.
#[test]
fn the_embedded_tournaments_are_a_byte_identical_copy_of_tournaments() {
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("tournaments");
    let problems =
        embedded_copy_problems(SHIPPED_TOURNAMENTS, embedded, tournaments_dir()).unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_shipped_tournament_loads() {
    let mut loaded = 0;
    for entry in std::fs::read_dir(tournaments_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            let loads = match FileKind::of(&text) {
                FileKind::RoundRobin => Tournament::from_file(&path)
                    .map(|t| assert!(!t.round_robin.entrants().is_empty())),
                FileKind::Regime => RawRegimeTournament::from_file(&path).map(drop),
                FileKind::Society => SocietyConfig::from_file(&path).map(drop),
                // Sweeps are read by the `twolevel` command, whose tests load them.
                FileKind::Sweep => continue,
                FileKind::Negotiation => {
                    NegotiationFile::from_file(&path).map(|file| assert!(!file.pairs.is_empty()))
                }
                FileKind::GraphEvolution | FileKind::Multilevel => {
                    twolevel_tournament::fixation_file::FixationFile::from_file(&path)
                        .map(|file| assert!(!file.units().is_empty()))
                }
                other => panic!(
                    "{}: this test cannot load a {other:?} file yet",
                    path.display()
                ),
            };
            if let Err(e) = loads {
                panic!("{} does not load: {e}", path.display());
            }
            loaded += 1;
        }
    }
    assert!(loaded >= 3, "only {loaded} tournament files found");
}

#[test]
fn regime_and_society_files_say_how_to_run_them() {
    for (name, example) in [("climate.ron", "regimes"), ("institutions.ron", "society")] {
        let err = Tournament::from_file(tournaments_dir().join(name))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not a round robin") && err.contains(&format!("--example {example}")),
            "{err}"
        );
    }
    let err = Tournament::from_file(tournaments_dir().join("mfn.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("mfn.ron:5:1:"), "{err}");
}

#[test]
fn the_embedded_default_is_the_two_level_file() {
    let on_disk = std::fs::read_to_string(tournaments_dir().join("two-level.ron")).unwrap();
    assert_eq!(DEFAULT_TOURNAMENT, on_disk);
    let t = Tournament::embedded_default().unwrap();
    assert_eq!(t.name, "two-level");
    assert!(t.round_robin.config().politics().is_dynamic());
}

#[test]
fn syntax_errors_give_file_line_and_column() {
    // Line 3, a missing comma after the first player.
    let text = "Tournament(\n    name: \"t\",\n    players: [Preset(\"politician\") Preset(\"bureaucrat\")],\n)";
    match load(text).unwrap_err() {
        ConfigError::Syntax {
            path, line, column, ..
        } => {
            assert_eq!(path, Path::new("bad.ron"));
            assert_eq!(line, 3);
            assert!(column > 30, "column {column}");
        }
        other => panic!("expected a syntax error, got {other}"),
    }
    let message = load(text).unwrap_err().to_string();
    assert!(message.starts_with("bad.ron:3:"), "{message}");
}

#[test]
fn typos_in_field_names_are_caught() {
    let err = load(&with_line("repetitons: 3,")).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("bad.ron:4:"), "{message}");
    assert!(message.contains("repetitons"), "{message}");
}

/// Checks that `line` is rejected with a message that names the file and
/// contains `needle` (a field name).
fn assert_rejected(line: &str, needle: &str) {
    let message = match load(&with_line(line)) {
        Ok(_) => panic!("`{line}` was accepted"),
        Err(e) => e.to_string(),
    };
    assert!(message.starts_with("bad.ron"), "{message}");
    assert!(message.contains(needle), "`{line}`: {message}");
}

#[test]
fn bad_values_are_rejected_naming_the_field() {
    assert_rejected("horizon: Continuation(delta: 1.0),", "delta");
    assert_rejected("horizon: Fixed(turns: 0),", "turns");
    assert_rejected("repetitions: 0,", "repetitions");
    assert_rejected("action_noise: 1.5,", "action_noise");
    assert_rejected("perception_noise: -0.1,", "perception_noise");
    assert_rejected("action_noise: NaN,", "action_noise");
    assert_rejected(
        "game: (policy: (row: (R: 3, S: NaN, T: 5, P: 1), column: (R: 3, S: 0, T: 5, P: 1))),",
        "S",
    );
    assert_rejected("game: (theta: -1.0),", "theta");
    assert_rejected("politics: Fixed(1.5),", "pi");
    assert_rejected("election: Some((term: 5, lead: 9, boost: 0.5)),", "lead");
}

#[test]
fn bad_players_are_rejected() {
    let message = load("Tournament(name: \"t\", players: [])")
        .unwrap_err()
        .to_string();
    assert!(message.contains("players"), "{message}");
    let message = load("Tournament(name: \"t\", players: [Preset(\"politican\")])")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("players[0]") && message.contains("politican"),
        "{message}"
    );
    assert!(
        message.contains("did you mean \"politician\"?"),
        "{message}"
    );
    let message = load(
        "Tournament(name: \"t\", players: [Preset(\"politician\"), Inline(name: \"x\", strategy: (name: \"Tit For Tatt\"))])",
    )
    .unwrap_err()
    .to_string();
    assert!(
        message.contains("players[1].strategy") && message.contains("Tit For Tat"),
        "{message}"
    );
    let message = load(
        "Tournament(name: \"t\", players: [Inline(name: \"x\", strategy: (name: \"Tit For Tat\"), political_weight: 2.0)])",
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("players[0].political_weight"), "{message}");
    let message =
        load("Tournament(name: \"t\", players: [Preset(\"politician\")], self_play: false)")
            .unwrap_err()
            .to_string();
    assert!(message.contains("self_play"), "{message}");
}

#[test]
fn missing_files_are_errors() {
    let err = Tournament::from_file("no/such/file.ron").unwrap_err();
    assert!(matches!(err, ConfigError::Io { .. }));
    assert!(err.to_string().contains("no/such/file.ron"));
}

#[test]
fn presets_resolve_from_the_strategies_folder_next_to_the_file() {
    let root = std::env::temp_dir().join(format!("twolevel-presets-{}", std::process::id()));
    let tournaments = root.join("tournaments");
    let strategies = root.join("strategies");
    std::fs::create_dir_all(&tournaments).unwrap();
    std::fs::create_dir_all(&strategies).unwrap();
    std::fs::write(
        strategies.join("politician.ron"),
        "(name: \"politician\", strategy: (name: \"Defector\"), political_weight: 0.3)",
    )
    .unwrap();
    std::fs::write(
        tournaments.join("t.ron"),
        "Tournament(name: \"t\", players: [Preset(\"politician\"), Preset(\"bureaucrat\")])",
    )
    .unwrap();
    let t = Tournament::from_file(tournaments.join("t.ron")).unwrap();
    let entrants = t.round_robin.entrants();
    // The folder's politician overrides the built-in one ...
    assert_eq!(entrants[0].strategy.name(), "Defector");
    assert_eq!(entrants[0].settings.orientation().political_weight(), 0.3);
    // ... and the built-in presets fill in the rest.
    assert_eq!(entrants[1].name, "bureaucrat");
    std::fs::remove_dir_all(&root).unwrap();
}

/// A valid file exercising most fields, mutated by the property test.
const VALID: &str = r#"Tournament(
    name: "p",
    players: [Preset("politician"), Inline(name: "x", strategy: (name: "Tit For Tat"), political_weight: 0.5, visibility: Some(0.2))],
    game: (theta: 4.0, beta: 0.8),
    horizon: Continuation(delta: 0.9),
    politics: Dynamic(initial: 0.2, dynamics: (visibility: 0.5, up: 0.05, down: 0.1)),
    election: Some((term: 10, lead: 2, boost: 0.5)),
    action_noise: 0.01,
    perception_noise: 0.01,
    repetitions: 2,
    seed: 3,
    self_play: true,
    output: None,
)"#;

#[test]
fn the_property_test_base_is_valid() {
    load(VALID).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Replacing, inserting or deleting characters anywhere never panics.
    #[test]
    fn mutated_files_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0_u8..3, prop::char::any()), 1..6)
    ) {
        let mut text: Vec<char> = VALID.chars().collect();
        for (at, kind, c) in edits {
            let i = at.index(text.len() + 1);
            match kind {
                0 if i < text.len() => text[i] = c,
                1 => text.insert(i.min(text.len()), c),
                _ if i < text.len() => { text.remove(i); }
                _ => {}
            }
        }
        let text: String = text.into_iter().collect();
        let _ = load(&text);
    }

    /// Arbitrary numbers in the numeric fields are accepted or rejected,
    /// never a panic; accepted files have valid values.
    #[test]
    fn arbitrary_numbers_never_panic(
        delta in prop::num::f64::ANY,
        noise in prop::num::f64::ANY,
        theta in prop::num::f64::ANY,
        repetitions in any::<u32>(),
    ) {
        let text = VALID
            .replace("delta: 0.9", &format!("delta: {delta:?}"))
            .replace("action_noise: 0.01", &format!("action_noise: {noise:?}"))
            .replace("theta: 4.0", &format!("theta: {theta:?}"))
            .replace("repetitions: 2", &format!("repetitions: {repetitions}"));
        if let Ok(t) = load(&text) {
            prop_assert!((0.0..1.0).contains(&delta));
            prop_assert!((0.0..=1.0).contains(&noise));
            prop_assert!(repetitions >= 1);
            prop_assert!(t.round_robin.repetitions() == repetitions);
        }
    }

    /// Random text never panics.
    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = load(&text);
    }
}
