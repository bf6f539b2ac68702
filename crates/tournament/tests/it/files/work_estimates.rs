//! Every engine estimated before it runs (issue 27, items 2 and 3): regime
//! and society files too large for the memory, and files of every kind
//! whose work would take days, are refused at load with the estimate, the
//! limit and the field to lower at its line and column, where they used to
//! abort with "memory allocation failed" or run without end. The shipped
//! files stay far below the limits.

use std::path::Path;

use twolevel_tournament::config::{FileKind, PresetCatalog};
use twolevel_tournament::file::AnyFile;
use twolevel_tournament::limits::{DEFAULT_WORK_LIMIT, work_limit};
use twolevel_tournament::sweep_file::Sweep;

/// Loads `text` as a file of `kind` named `case.ron`, giving the error's
/// message.
fn load(text: &str, kind: FileKind) -> Result<AnyFile, String> {
    let catalog = PresetCatalog::builtin().unwrap();
    AnyFile::from_ron_as(text, "case.ron", kind, Some(&catalog)).map_err(|e| e.to_string())
}

/// Asserts that `text` is refused at `position` (`"case.ron:L:C: "`),
/// naming `field`, with every one of `words`.
fn refused(text: &str, kind: FileKind, position: &str, field: &str, words: &[&str]) {
    let message = load(text, kind)
        .err()
        .unwrap_or_else(|| panic!("accepted: {text}"));
    assert!(message.starts_with(position), "{message}");
    assert!(message.contains(&format!("`{field}`")), "{message}");
    for word in words {
        assert!(message.contains(word), "{word:?} not in {message}");
    }
}

/// A regime file of groups of `size` over `horizon` with `repetitions`:
/// the horizon on line 3, the repetitions on line 4.
fn regime(size: u32, horizon: &str, repetitions: u64) -> String {
    format!(
        "Regime(\n    game: (size: {size}, policy: CollectiveRisk(endowment: 1.0, cost_share: \
         0.1, risk: 0.9, threshold: 2)),\n    horizon: {horizon},\n    repetitions: \
         {repetitions},\n    entrants: [\n        (strategy: (name: \"Conditional \
         Cooperator\", params: {{\"quorum\": 2}})),\n        (strategy: (name: \"MFN Free \
         Rider\"), w: 0.2),\n        (strategy: (name: \"Regime Nationalist\"), w: 0.8),\n    \
         ],\n)\n"
    )
}

#[test]
fn regime_files_too_large_for_the_memory_are_refused_at_load() {
    // The default limits (the tests run without the variables set).
    assert!((work_limit() - DEFAULT_WORK_LIMIT).abs() < 1.0);
    // 5,000 states with 10^6 rounds: a profile history of 5 GB per thread
    // (it used to abort with "memory allocation of N bytes failed").
    refused(
        &regime(5000, "Fixed(turns: 1000000)", 1),
        FileKind::Regime,
        "case.ron:3:",
        "horizon",
        &["of memory", "limit of"],
    );
    // A mean length of 10^10 rounds: matches planned up to 2^32 rounds.
    refused(
        &regime(6, "Continuation(delta: 0.9999999999)", 1),
        FileKind::Regime,
        "case.ron:3:",
        "horizon",
        &["of memory"],
    );
    // 2^32 - 1 repetitions of 10 compositions: a result per game.
    refused(
        &regime(3, "Fixed(turns: 10)", 4_294_967_295),
        FileKind::Regime,
        "case.ron:4:",
        "repetitions",
        &["of memory"],
    );
    assert!(load(&regime(3, "Fixed(turns: 10)", 5), FileKind::Regime).is_ok());
}

#[test]
fn regime_files_that_would_run_for_days_are_refused_naming_the_field_to_lower() {
    // 10 compositions x 10^5 repetitions x 10^6 rounds x 3 seats = 3e12
    // seat rounds, in little memory: one repetition would fit.
    refused(
        &regime(3, "Fixed(turns: 1000000)", 100_000),
        FileKind::Regime,
        "case.ron:4:",
        "repetitions",
        &[
            "3.00e12 seat rounds",
            "work limit of 1.00e12",
            "TWOLEVEL_WORK_LIMIT",
        ],
    );
    assert!(load(&regime(3, "Fixed(turns: 1000000)", 10), FileKind::Regime).is_ok());
}

/// A society file with `groups` (line 3), `steps` (line 4) and `extra`
/// lines after them.
fn society(groups: &str, steps: &str, extra: &str) -> String {
    format!("Society(\n    name: \"s\",\n    groups: [{groups}],\n    steps: {steps},\n{extra})\n")
}

#[test]
fn a_society_at_its_documented_maximum_is_refused_before_allocating() {
    // Z = 2^32 - 1 under public assessment, the documented maximum: some
    // 300 GB of standings, histories and totals.
    refused(
        &society("(rule: \"Discriminator\", count: 4294967295)", "10", ""),
        FileKind::Society,
        "case.ron:3:",
        "groups",
        &["the society would need about", "GiB of memory"],
    );
    // Specific reciprocity remembers a pair per encounter: 10^6 states
    // over 10^9 steps would remember up to 10^9 pairs.
    refused(
        &society(
            "(rule: \"Specific Reciprocity\", count: 1000000)",
            "1000000000",
            "",
        ),
        FileKind::Society,
        "case.ron:3:",
        "groups",
        &["of memory"],
    );
    assert!(
        load(
            &society(
                "(rule: \"Specific Reciprocity\", count: 1000)",
                "100000",
                ""
            ),
            FileKind::Society
        )
        .is_ok()
    );
}

#[test]
fn society_files_that_would_run_without_end_are_refused() {
    // Used to be accepted and to run for ever.
    refused(
        &society(
            "(rule: \"Discriminator\", count: 100)",
            "18446744073709551615",
            "",
        ),
        FileKind::Society,
        "case.ron:4:",
        "steps",
        &["1.84e19 encounters", "work limit"],
    );
    // Replicates over a sweep: one replicate would fit.
    refused(
        &society(
            "(rule: \"Discriminator\", count: 100)",
            "100000000",
            "    replicates: 10000,\n    sweep: Some((q: [0.5, 1.0])),\n",
        ),
        FileKind::Society,
        "case.ron:5:",
        "replicates",
        &["2.00e12 encounters"],
    );
    // Private assessment: each step updates about q Z images.
    refused(
        &society(
            "(rule: \"Discriminator\", count: 60000)",
            "100000000",
            "    institution: Private,\n",
        ),
        FileKind::Society,
        "case.ron:4:",
        "steps",
        &["6.00e12 encounters"],
    );
    // An evolution block: generations of steps (the history itself fits).
    refused(
        &society(
            "(rule: \"Discriminator\", count: 100)",
            "1000",
            "    evolution: Some((generations: 1000000, steps_per_generation: 10000000)),\n",
        ),
        FileKind::Society,
        "case.ron:5:",
        "evolution.generations",
        &["1.00e13 encounters"],
    );
    assert!(
        load(
            &society(
                "(rule: \"Discriminator\", count: 100)",
                "1000",
                "    evolution: Some((generations: 1000, steps_per_generation: 1000)),\n",
            ),
            FileKind::Society
        )
        .is_ok()
    );
}

/// A round robin of three stochastic players over `horizon` with an
/// evolution block `evolution` on line 9.
fn round_robin(horizon: &str, evolution: &str) -> String {
    format!(
        "Tournament(\n    name: \"t\",\n    players: [\n        Inline(name: \"A\", strategy: \
         (name: \"Random\")),\n        Inline(name: \"B\", strategy: (name: \"Tit For \
         Tat\")),\n        Inline(name: \"C\", strategy: (name: \"Defector\")),\n    ],\n    \
         horizon: {horizon},\n    evolution: Some(({evolution})),\n)\n"
    )
}

#[test]
fn moran_with_played_matches_counts_the_cost_of_a_match() {
    // 10^6-turn matches played before every event: 6 matches x 10^6 turns
    // x 10^3 generations x 100 individuals x 10 runs = 6e12 turns (30 s a
    // generation, days in all). The event cap alone (10^6 events) let it
    // through.
    refused(
        &round_robin(
            "Fixed(turns: 1000000)",
            "process: Moran, population: 100, generations: 1000, runs: 10, payoffs: Matches",
        ),
        FileKind::RoundRobin,
        "case.ron:9:",
        "evolution.payoffs",
        &["6.00e12 match turns and events"],
    );
    // The mean table's payoffs cost an event each.
    assert!(
        load(
            &round_robin(
                "Fixed(turns: 1000000)",
                "process: Moran, population: 100, generations: 1000, runs: 10",
            ),
            FileKind::RoundRobin
        )
        .is_ok()
    );
    // Short matches fit.
    assert!(
        load(
            &round_robin(
                "Fixed(turns: 10)",
                "process: Moran, population: 100, generations: 1000, runs: 10, payoffs: Matches",
            ),
            FileKind::RoundRobin
        )
        .is_ok()
    );
}

#[test]
fn round_robins_and_negotiations_over_endless_horizons_are_refused() {
    // 6 matches x 1e5 repetitions x 2^32 - 1 turns (memory-bounded
    // strategies keep only a window of moves, so the memory fits); one
    // repetition would fit.
    let text = round_robin("Fixed(turns: 4294967295)", "process: Replicator")
        .replace("    evolution", "    repetitions: 100000,\n    evolution");
    refused(
        &text,
        FileKind::RoundRobin,
        "case.ron:9:",
        "repetitions",
        &["2.58e15 match turns", "work limit"],
    );
    let negotiation = "Negotiation(\n    name: \"n\",\n    states: [\n        (player: \
         Inline(name: \"A\", strategy: (name: \"Tit For Tat\")), ratifiers: Inline([(weight: \
         1.0, position: 0.6)])),\n        (player: Inline(name: \"B\", strategy: (name: \"Tit \
         For Tat\")), ratifiers: Inline([(weight: 1.0, position: 0.3)])),\n    ],\n    \
         horizon: Fixed(turns: 10000000),\n    repetitions: 1000000,\n)\n";
    refused(
        negotiation,
        FileKind::Negotiation,
        "case.ron:8:",
        "repetitions",
        &["1.00e13 match turns"],
    );
    assert!(
        load(
            &negotiation.replace("1000000,", "1000,"),
            FileKind::Negotiation
        )
        .is_ok()
    );
}

#[test]
fn a_sweep_sums_the_work_of_its_cells() {
    let folder = std::env::temp_dir().join(format!("twolevel-sweep-work-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    // Each point alone is within the limit (4e11 encounters), but 10 points
    // of 10 replicates are not.
    std::fs::write(
        folder.join("base.ron"),
        society("(rule: \"Discriminator\", count: 100)", "400000000000", ""),
    )
    .unwrap();
    let sweep = |replicates: u32| {
        format!(
            "Sweep(\n    name: \"w\",\n    base: \"base.ron\",\n    grid: [(path: \"q\", \
             values: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])],\n    replicates: \
             {replicates},\n)\n"
        )
    };
    let path = folder.join("sweep.ron");
    let error = Sweep::from_ron(&sweep(10), &path).unwrap_err().to_string();
    assert!(error.contains("sweep.ron:5:"), "{error}");
    assert!(error.contains("`replicates`"), "{error}");
    assert!(error.contains("4.00e13 units of work"), "{error}");
    // Each point's own check passed: the base loads alone.
    assert!(
        AnyFile::from_file(folder.join("base.ron")).is_ok(),
        "the base alone is within the limit"
    );
    // Ten points of one replicate do not fit either.
    let error = Sweep::from_ron(&sweep(1), &path).unwrap_err().to_string();
    assert!(error.contains("4.00e12 units of work"), "{error}");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn the_shipped_files_are_far_below_the_work_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tournaments");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let file = AnyFile::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let work = file.loaded().work();
        assert!(
            work > 0.0 && work < DEFAULT_WORK_LIMIT / 100.0,
            "{}: {work}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}

#[test]
fn the_levers_count_their_round_robins() {
    use twolevel_tournament::levers::LeverReport;
    // 3 matches x 10^5 repetitions x 10^6 turns = 3e11 match turns: the
    // file runs, but the levers' twelve round robins would not.
    let text = "Tournament(\n    name: \"t\",\n    players: [\n        Inline(name: \"T\", \
                strategy: (name: \"Tit For Tat\")),\n        Inline(name: \"D\", strategy: \
                (name: \"Defector\")),\n    ],\n    horizon: Fixed(turns: 1000000),\n    \
                repetitions: 100000,\n)\n";
    let file = load(text, FileKind::RoundRobin).unwrap();
    let tournament = file.into_tournament().unwrap();
    let error = LeverReport::run("t", &tournament.round_robin).unwrap_err();
    assert_eq!(error.field, "repetitions");
    assert!(error.reason.contains("levers"), "{}", error.reason);
    assert!(error.reason.contains("work limit"), "{}", error.reason);
}
