//! Domestic arenas in tournament files (docs/actors.md): every bad
//! input is refused before anything runs with the file, line and column
//! (in the RON file or in the CSV actor table, with the row and column
//! named); a CSV table and the same actors written inline give the same
//! arena; a tournament without arenas plays exactly as the round robin
//! does; and arena results are the same on any number of threads.

use std::path::{Path, PathBuf};

use twolevel_files::ConfigError;
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::{RoundRobin, Tournament};

/// A folder of its own for each test.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "twolevel-arena-files-{test}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn load(text: &str) -> Result<Tournament, ConfigError> {
    Tournament::from_ron(text, "bad.ron", &PresetCatalog::builtin().unwrap())
}

/// Writes `files` (name, text) into `dir` and loads the first as a
/// tournament file.
fn load_files(dir: &Path, files: &[(&str, &str)]) -> Result<Tournament, ConfigError> {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    Tournament::from_file(dir.join(files[0].0))
}

/// A two-state file: `a_arena` is state A's `arena: ..` value, `extra`
/// more top-level fields.
fn two_states(a_arena: &str, extra: &str) -> String {
    format!(
        "Tournament(\n    name: \"t\",\n    players: [\n        Inline(name: \"A\", strategy: (name: \"Tit For Tat\"),\n            arena: {a_arena}),\n        Inline(name: \"B\", strategy: (name: \"Tit For Tat\"), arena: Some((actors: [(name: \"ngo\", capability: 1.0, position: 0.9, salience: 1.0, channels: [Media])]))),\n    ],\n    horizon: Fixed(turns: 50),\n{extra})\n"
    )
}

const ACTORS_A: &str = "Some((actors: [\n                (name: \"police\", kind: Bureaucrat, capability: 2.0, position: 0.8, salience: 0.9, channels: [Expertise]),\n                (name: \"press\", capability: 1.0, position: 0.2, salience: 0.5, orientation: Political, channels: [Media, Lobby]),\n            ]))";

#[test]
fn inline_arenas_and_coalitions_load() {
    let text = two_states(
        ACTORS_A,
        "    coalitions: [(name: \"web\", members: [\"A/press\", \"B/ngo\"], phi: 1.5)],\n",
    );
    let tournament = load(&text).unwrap();
    let domestic = tournament.round_robin.domestic().expect("arenas");
    assert_eq!(domestic.arenas.len(), 2);
    let a = domestic.arenas[0].as_ref().unwrap();
    assert_eq!(a.actors().len(), 2);
    assert_eq!(a.actors()[1].name, "press");
    assert_eq!(domestic.coalitions.len(), 1);
    assert_eq!(domestic.coalitions[0].members().len(), 2);
}

#[test]
fn a_position_outside_its_scale_is_located() {
    let arena = ACTORS_A.replace("position: 0.2", "position: 1.2");
    let err = load(&two_states(&arena, "")).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:7:60: invalid `players[0].arena.actors[1].position`")
            && err.contains("outside the stated scale [0, 1]"),
        "{err}"
    );
    // On a stated scale, 0-100, 120 is outside and 80 inside.
    let arena = ACTORS_A
        .replace("position: 0.8", "position: 120")
        .replace("position: 0.2", "position: 20")
        .replace("]))", "], position_scale: (0, 100)))");
    let err = load(&two_states(&arena, "")).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:6:79: invalid `players[0].arena.actors[0].position`")
            && err.contains("[0, 100]"),
        "{err}"
    );
}

#[test]
fn a_negative_capability_is_located() {
    let arena = ACTORS_A.replace("capability: 2.0", "capability: -2.0");
    let err = load(&two_states(&arena, "")).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:6:64: invalid `players[0].arena.actors[0].capability`")
            && err.contains(">= 0"),
        "{err}"
    );
}

#[test]
fn a_coalition_naming_an_unknown_actor_is_located() {
    let extra =
        "    coalitions: [(name: \"web\",\n        members: [\"A/press\", \"B/lobbyist\"])],\n";
    let err = load(&two_states(ACTORS_A, extra)).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:13:30: invalid `coalitions[0].members[1]`")
            && err.contains("no actor \"lobbyist\"")
            && err.contains("ngo"),
        "{err}"
    );
    let extra = "    coalitions: [(name: \"web\", members: [\"C/press\"])],\n";
    let err = load(&two_states(ACTORS_A, extra)).unwrap_err().to_string();
    assert!(
        err.contains("`coalitions[0].members[0]`") && err.contains("\"Player/actor\""),
        "{err}"
    );
    // An actor joining a coalition the file does not declare.
    let arena = ACTORS_A.replace("channels: [Expertise]", "coalition: Some(\"culture\")");
    let err = load(&two_states(&arena, "")).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:6:115: invalid `players[0].arena.actors[0].coalition`")
            && err.contains("not declared"),
        "{err}"
    );
}

#[test]
fn an_access_transition_after_the_horizon_is_located() {
    let arena = ACTORS_A.replace(
        "]))",
        "],\n            transitions: [(round: 50, access: (private: 1.0))]))",
    );
    let err = load(&two_states(&arena, "")).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:9:35: invalid `players[0].arena.transitions[0].round`")
            && err.contains("after the horizon"),
        "{err}"
    );
    // Round 49, the last of 50, is within it.
    assert!(load(&two_states(&arena.replace("round: 50", "round: 49"), "")).is_ok());
}

const TABLE_A: &str = "actor,kind,capability,position,salience,orientation,channels\n\
police,bureaucrat,2.0,80,0.9,policy,expertise\n\
press,private,1.0,20,0.5,political,media;lobby\n";

const CSV_ARENA: &str = "Some((actors_csv: \"a.csv\", position_scale: (0, 100)))";

#[test]
fn a_csv_table_gives_the_same_arena_as_inline_actors() {
    let dir = folder("same");
    let from_csv = load_files(
        &dir,
        &[("t.ron", &two_states(CSV_ARENA, "")), ("a.csv", TABLE_A)],
    )
    .unwrap();
    let inline = load(&two_states(ACTORS_A, "")).unwrap();
    let (csv, ron) = (
        from_csv.round_robin.domestic().unwrap(),
        inline.round_robin.domestic().unwrap(),
    );
    assert_eq!(csv.arenas, ron.arenas);
    assert_eq!(csv.coalitions, ron.coalitions);
    // And the same results.
    let (a, b) = (from_csv.round_robin.play(), inline.round_robin.play());
    assert_eq!(a, b);
    assert!(a.arenas.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_errors_name_the_row_and_the_column() {
    let dir = folder("csv-errors");
    let ron = two_states(CSV_ARENA, "");
    let cases = [
        // A row with a missing column.
        (
            "actor,capability,position,salience\npolice,2.0,80,0.9\npress,1.0,20\n",
            "a.csv:3:13: row 2, column `salience`: missing value",
        ),
        // A position outside the stated scale.
        (
            "actor,capability,position,salience\npolice,2.0,180,0.9\n",
            "a.csv:2:12: row 1, column `position`: position 180 is outside the stated scale [0, 100]",
        ),
        // A negative capability.
        (
            "actor,capability,position,salience\npolice,-2.0,80,0.9\n",
            "a.csv:2:8: row 1, column `capability`: expected a capability >= 0, got -2",
        ),
        // A required column missing from the header.
        (
            "actor,capability,position\npolice,2.0,80\n",
            "a.csv:1:1: the header has no column `salience`",
        ),
        // A salience the arena refuses, placed in the table.
        (
            "actor,capability,position,salience\npolice,2.0,80,1.5\n",
            "a.csv:2:15: row 1, column `salience`:",
        ),
        // An unknown channel.
        (
            "actor,capability,position,salience,channels\npolice,2.0,80,0.5,lobby;radio\n",
            "a.csv:2:19: row 1, column `channels`: expected channels",
        ),
    ];
    for (table, expected) in cases {
        let err = load_files(&dir, &[("t.ron", &ron), ("a.csv", table)])
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "expected `{expected}` in: {err}");
        assert!(
            err.contains(&dir.join("a.csv").display().to_string()),
            "{err}"
        );
    }
    // A table that is not there: the field naming it.
    let err = load_files(&dir, &[("t.ron", &ron.replace("a.csv", "none.csv"))])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("t.ron:5:38: invalid `players[0].arena.actors_csv`")
            && err.contains("none.csv"),
        "{err}"
    );
    // A coalition joined in the table must be declared.
    let table = "actor,capability,position,salience,coalition\npolice,2.0,80,0.5,culture\n";
    let err = load_files(&dir, &[("t.ron", &ron), ("a.csv", table)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("a.csv:2:19: row 1, column `coalition`") && err.contains("not declared"),
        "{err}"
    );
    let with_coalition = two_states(
        CSV_ARENA,
        "    coalitions: [(name: \"culture\", phi: 2.0)],\n",
    );
    let loaded = load_files(&dir, &[("t.ron", &with_coalition), ("a.csv", table)]).unwrap();
    let domestic = loaded.round_robin.domestic().unwrap();
    assert_eq!(domestic.coalitions[0].members().len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A file without arenas gives the round robin's own results, and a file
/// whose `coalitions` list is empty is a file without arenas.
#[test]
fn a_tournament_without_arenas_is_the_round_robin() {
    let text = "Tournament(name: \"t\", players: [Preset(\"politician\"), Preset(\"bureaucrat\"), \
                Inline(name: \"r\", strategy: (name: \"Random\"))], perception_noise: 0.05, \
                politics: Dynamic(initial: 0.2, dynamics: ()), repetitions: 3, seed: 5, \
                coalitions: [])";
    let tournament = load(text).unwrap();
    assert!(tournament.round_robin.domestic().is_none());
    let direct = RoundRobin::new(
        *tournament.round_robin.config(),
        tournament.round_robin.entrants().to_vec(),
    )
    .unwrap()
    .with_repetitions(3)
    .unwrap()
    .with_seed(5);
    let results = tournament.round_robin.play();
    assert!(results.arenas.is_none());
    assert_eq!(results, direct.play());
    // The text report and the JSON have no arena part.
    assert!(!results.to_string().contains("Domestic arenas"));
}

#[test]
fn arena_results_are_the_same_on_any_number_of_threads() {
    let text = two_states(
        ACTORS_A,
        "    coalitions: [(name: \"web\", members: [\"A/press\", \"B/ngo\"], phi: 1.5)],\n    perception_noise: 0.05,\n    action_noise: 0.02,\n    repetitions: 4,\n    politics: Dynamic(initial: 0.2, dynamics: ()),\n",
    );
    let round_robin = load(&text).unwrap().round_robin;
    let serial = round_robin.clone().with_parallel(false).play();
    for threads in [1, 2, 3] {
        assert_eq!(round_robin.play_on_threads(threads).unwrap(), serial);
    }
    let arenas = serial.arenas.as_ref().expect("arena results");
    // Three pairs with self-play, four repetitions each.
    assert_eq!(arenas.pairs.len(), 3);
    assert!(arenas.pairs.iter().all(|p| p.matches == 4));
    let a = arenas.state("A").unwrap();
    assert_eq!(a.actors.len(), 2);
    assert_eq!(a.cooperation.per_repetition.len(), 4);
    // Every round of every pair is in the series.
    assert!(arenas.pairs.iter().all(|p| p.series[0].len() == 50));
    // A pair read from either side.
    let (ab, b_second) = arenas.pair(0, 1).unwrap();
    let (ba, b_first) = arenas.pair(1, 0).unwrap();
    assert_eq!((ab, b_second, b_first), (ba, false, true));
    assert_eq!(ab.actors[0].len(), 2);
    assert_eq!(ab.actors[1][0].name, "ngo");
    // Its cooperation is the cooperation matrix's, in both places.
    assert_eq!(Some(ab.cooperation[0]), serial.cooperation_matrix[0][1]);
    assert_eq!(Some(ab.cooperation[1]), serial.cooperation_matrix[1][0]);
    assert!(serial.to_string().contains("Domestic arenas"));
}

#[test]
fn a_timing_block_needs_a_budgeted_actor() {
    let text = two_states(
        ACTORS_A,
        "    timing: Some((actor: \"A/press\", rules: [Steady, Early])),\n",
    );
    let err = load(&text).unwrap_err().to_string();
    assert!(
        err.contains("invalid `timing.actor`") && err.contains("no budget"),
        "{err}"
    );
    let budgeted = ACTORS_A.replace(
        "capability: 1.0, position: 0.2",
        "capability: 0.0, budget: Some((total: 10.0, rule: Steady)), position: 0.2",
    );
    let text = two_states(
        &budgeted,
        "    timing: Some((actor: \"A/press\", rules: [Steady, Early, Responsive(below: 0.3)])),\n    repetitions: 3,\n",
    );
    let tournament = load(&text).unwrap();
    let plan = tournament.timing.as_ref().expect("a timing plan");
    assert_eq!(plan.rules.len(), 3);
    let timing = plan.run(&tournament.round_robin).unwrap();
    assert_eq!(timing.rules.len(), 3);
    assert_eq!(timing.baseline_cooperation.per_repetition.len(), 3);
    // The same on another number of threads.
    let again = twolevel_tournament::limits::on_threads(2, || plan.run(&tournament.round_robin))
        .unwrap()
        .unwrap();
    assert_eq!(timing, again);
    // The one loaded-file type runs the block too, as `twolevel run` does.
    let Ok(twolevel_tournament::file::FileResults::RoundRobin {
        timing: Some(from_file),
        ..
    }) = twolevel_tournament::file::AnyFile::from_ron(&text, "timing.ron")
        .unwrap()
        .play()
    else {
        panic!("a round robin with a timing block gives its timing results")
    };
    assert_eq!(*from_file, timing);
}

/// The shipped actor tables give the same actors as the shipped
/// scenarios' inline arenas of the same states.
#[test]
fn the_shipped_actor_tables_match_the_shipped_scenarios() {
    let tournaments = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments");
    let dir = folder("shipped-tables");
    for (scenario, state, table, scale) in [
        (
            "police-cooperation",
            1,
            "police-cooperation-south.csv",
            "(0, 100)",
        ),
        ("climate-webs", 1, "climate-webs-coalbury.csv", "(0, 1)"),
    ] {
        let shipped = Tournament::from_file(tournaments.join(format!("{scenario}.ron"))).unwrap();
        let inline = shipped.round_robin.domestic().unwrap().arenas[state]
            .clone()
            .unwrap();
        let csv = std::fs::read_to_string(tournaments.join(table)).unwrap();
        // The coalitions the table's actors join (its last column).
        let mut coalitions: Vec<String> = csv
            .lines()
            .skip(1)
            .filter_map(|line| line.rsplit(',').next())
            .filter(|name| !name.is_empty())
            .map(|name| format!("(name: \"{name}\")"))
            .collect();
        coalitions.dedup();
        let text = format!(
            "Tournament(name: \"t\", players: [Inline(name: \"S\", strategy: (name: \"Tit For Tat\"), \
             arena: Some((actors_csv: \"{table}\", position_scale: {scale})))], coalitions: [{}])",
            coalitions.join(", ")
        );
        let loaded = load_files(&dir, &[("t.ron", &text), (table, &csv)]).unwrap();
        let from_table = loaded.round_robin.domestic().unwrap().arenas[0]
            .clone()
            .unwrap();
        assert_eq!(from_table.actors(), inline.actors(), "{table}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The per-round series an arena tournament keeps are counted before
/// anything runs: series too long for the memory limit are refused,
/// naming `arena_series`; by default a long match is sampled, so its
/// record is not what refuses it.
#[test]
fn arena_series_beyond_the_memory_limit_are_refused() {
    let long = two_states(ACTORS_A, "").replace("turns: 50", "turns: 100000000");
    // By default at most 10,000 rounds a match: every 10,000th round here.
    let tournament = load(&long).unwrap();
    assert_eq!(tournament.round_robin.arena_series(), 10_000);
    assert_eq!(tournament.round_robin.arena_series_every(), 10_000);
    let every_round = two_states(ACTORS_A, "    arena_series: 100000000,\n")
        .replace("turns: 50", "turns: 100000000");
    let err = load(&every_round).unwrap_err().to_string();
    assert!(
        err.starts_with("bad.ron:12:19: invalid `arena_series`") && err.contains("arena series"),
        "{err}"
    );
    // Without arenas the same horizon only keeps the windows of the moves.
    let plain = "Tournament(name: \"t\", players: [Inline(name: \"A\", strategy: (name: \"Tit For Tat\"))], \
                 horizon: Fixed(turns: 100000000))";
    assert!(load(plain).is_ok());
}

/// `arena_series` samples the series of a match longer than it: the rounds
/// kept are 0, k, 2k, .. with their means as with every round kept, and
/// every other result is the same; 0 keeps none.
#[test]
fn arena_series_sample_long_matches_and_leave_the_other_results() {
    let text = |extra: &str| {
        two_states(
            ACTORS_A,
            &format!(
                "    politics: Dynamic(initial: 0.2, dynamics: ()),\n    repetitions: 2,\n{extra}"
            ),
        )
        .replace("turns: 50", "turns: 95")
    };
    let full = load(&text("")).unwrap().round_robin.play();
    let sampled = load(&text("    arena_series: 10,\n"))
        .unwrap()
        .round_robin
        .play();
    let none = load(&text("    arena_series: 0,\n"))
        .unwrap()
        .round_robin
        .play();
    let (full_arenas, sampled_arenas, no_arenas) = (
        full.arenas.as_ref().unwrap(),
        sampled.arenas.as_ref().unwrap(),
        none.arenas.as_ref().unwrap(),
    );
    assert_eq!(full.standings, sampled.standings);
    assert_eq!(full.payoff_matrices, none.payoff_matrices);
    assert_eq!(full_arenas.states, sampled_arenas.states);
    assert_eq!(full_arenas.states, no_arenas.states);
    for ((whole, kept), empty) in full_arenas
        .pairs
        .iter()
        .zip(&sampled_arenas.pairs)
        .zip(&no_arenas.pairs)
    {
        assert_eq!(
            (whole.cooperation, &whole.actors),
            (kept.cooperation, &kept.actors)
        );
        assert_eq!(whole.payoffs, empty.payoffs);
        for side in 0..2 {
            assert_eq!(whole.series[side].len(), 95);
            // 95 rounds in at most 10 points: every 10th round.
            let rounds: Vec<u32> = kept.series[side].iter().map(|r| r.round).collect();
            assert_eq!(rounds, (0..10).map(|j| 10 * j).collect::<Vec<u32>>());
            for r in &kept.series[side] {
                assert_eq!(r, &whole.series[side][r.round as usize]);
            }
            assert!(empty.series[side].is_empty());
        }
    }
}

/// With sampled series (or none kept), each pair's last-round position
/// and `pi` come from the matches' summaries: the same bits as the last
/// round of an unsampled run (round 94, which a sample every 10th round
/// does not keep), and the report's "Position" and "pi (end)" columns
/// print the same.
#[test]
fn a_sampled_run_reports_the_exact_last_round() {
    let text = |extra: &str| {
        two_states(
            ACTORS_A,
            &format!(
                "    politics: Dynamic(initial: 0.2, dynamics: ()),\n    repetitions: 2,\n{extra}"
            ),
        )
        .replace("turns: 50", "turns: 95")
    };
    let run = |extra: &str| load(&text(extra)).unwrap().round_robin.play();
    let (full, sampled, none) = (
        run(""),
        run("    arena_series: 10,\n"),
        run("    arena_series: 0,\n"),
    );
    let full_arenas = full.arenas.as_ref().unwrap();
    assert!(full_arenas.pairs.iter().all(|p| p.end.is_none()));
    for other in [&sampled, &none] {
        let arenas = other.arenas.as_ref().unwrap();
        for (whole, part) in full_arenas.pairs.iter().zip(&arenas.pairs) {
            assert!(part.end.is_some());
            for side in 0..2 {
                let last = whole.series[side].last().unwrap();
                let end = part.last_round(side).unwrap();
                assert_eq!(end, whole.last_round(side).unwrap());
                assert_eq!((end.round, end.matches), (94, last.matches), "side {side}");
                assert_eq!(
                    end.position.map(f64::to_bits),
                    last.position.map(f64::to_bits)
                );
                assert_eq!(end.politicization.to_bits(), last.politicization.to_bits());
            }
        }
        // The sampled series' last kept round is 90, whose values differ
        // from round 94's in a dynamic run: the columns read the end.
        let table = |a: &twolevel_tournament::round_robin::ArenaResults| {
            let text = a.to_string();
            text[text.find("Player").unwrap()..].to_owned()
        };
        assert_eq!(table(arenas), table(full_arenas));
    }
    let kept = &sampled.arenas.as_ref().unwrap().pairs[0].series[0];
    let whole = &full_arenas.pairs[0].series[0];
    assert_eq!(kept.last().unwrap().round, 90);
    assert_ne!(
        kept.last().unwrap().politicization.to_bits(),
        whole.last().unwrap().politicization.to_bits(),
        "round 90 and round 94 should differ for the test to mean anything"
    );
}

/// A preset player carries an arena as an `Inline` one does: written
/// `Preset((name: .., arena: Some((..))))`, the same arena, coalitions
/// naming the preset's actors, and errors inside it located.
#[test]
fn a_preset_player_carries_an_arena() {
    let preset = |arena: &str| {
        format!(
            "Tournament(\n    name: \"t\",\n    players: [\n        Preset((name: \"politician\",\n            arena: {arena})),\n        Inline(name: \"B\", strategy: (name: \"Tit For Tat\"), arena: Some((actors: [(name: \"ngo\", capability: 1.0, position: 0.9, salience: 1.0, channels: [Media])]))),\n    ],\n    horizon: Fixed(turns: 50),\n    coalitions: [(name: \"web\", members: [\"politician/press\", \"B/ngo\"], phi: 1.5)],\n)\n"
        )
    };
    let with_preset = load(&preset(ACTORS_A)).unwrap();
    let inline = load(&two_states(
        ACTORS_A,
        "    coalitions: [(name: \"web\", members: [\"A/press\", \"B/ngo\"], phi: 1.5)],\n",
    ))
    .unwrap();
    let (a, b) = (
        with_preset.round_robin.domestic().unwrap(),
        inline.round_robin.domestic().unwrap(),
    );
    assert_eq!(a.arenas, b.arenas);
    assert_eq!(a.coalitions, b.coalitions);
    assert_eq!(with_preset.round_robin.entrants()[0].name, "politician");
    let results = with_preset.round_robin.play();
    let arenas = results.arenas.as_ref().unwrap();
    let politician = arenas.state("politician").unwrap();
    assert!(politician.has_arena);
    assert_eq!(politician.actors.len(), 2);
    assert_eq!(politician.actors[1].name, "press");
    // An error inside the preset's arena, at its line and column.
    let err = load(&preset(&ACTORS_A.replace("position: 0.2", "position: 1.2")))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("bad.ron:7:60: invalid `players[0].arena.actors[1].position`"),
        "{err}"
    );
    // An unknown field of the preset's form, at its place.
    let err = load(&preset(ACTORS_A).replace("arena: Some", "arenas: Some"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("bad.ron:5:13:") && err.contains("arenas"),
        "{err}"
    );
    // An unknown preset with an arena is refused naming it.
    let err = load(&preset(ACTORS_A).replace("\"politician\",\n", "\"politican\",\n"))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("bad.ron:4:9: invalid `players[0]`") && err.contains("unknown preset"),
        "{err}"
    );
    // The plain form is written as before.
    let plain = twolevel_tournament::config::PlayerEntry::Preset(
        twolevel_tournament::config::PresetEntry::named("politician"),
    );
    assert_eq!(ron::to_string(&plain).unwrap(), "Preset(\"politician\")");
}
