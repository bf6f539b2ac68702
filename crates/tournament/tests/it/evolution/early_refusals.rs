//! Evolution blocks refused before anything runs, at their position in the
//! file, and shares that never become NaN (issue 27, items 4 and 11).

use twolevel_tournament::Tournament;
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::evolution::{
    EvolutionConfig, PayoffTable, Process, RawEvolutionConfig, replicator,
};

/// A round robin of two classic players with payoffs near 1e10 and the
/// given extra fields.
fn file(extra: &str) -> String {
    format!(
        "Tournament(\n    name: \"early\",\n    players: [\n        \
         Inline(name: \"TFT\", strategy: (name: \"Tit For Tat\")),\n        \
         Inline(name: \"Defector\", strategy: (name: \"Defector\")),\n    ],\n    \
         game: (policy: (row: (R: 3e10, S: 0, T: 5e10, P: 1e10), column: (R: 3e10, S: 0, \
         T: 5e10, P: 1e10)), theta: 0.0, beta: 0.0),\n    \
         horizon: Fixed(turns: 10),\n{extra})\n"
    )
}

fn load(text: &str) -> Result<Tournament, String> {
    let catalog = PresetCatalog::builtin().unwrap();
    Tournament::from_ron(text, "case.ron", &catalog).map_err(|e| e.to_string())
}

#[test]
fn an_evolution_block_without_self_play_is_refused_at_load_at_self_play() {
    let text = file(
        "    self_play: false,\n    evolution: Some((process: Replicator, generations: 3)),\n",
    );
    // Before: the file loaded, and the refusal came after the whole round
    // robin had been played, without a line and column.
    let error = load(&text).unwrap_err();
    assert!(error.starts_with("case.ron:9:"), "{error}");
    assert!(error.contains("`self_play`"), "{error}");
    // Without the block, no self-play is fine.
    load(&file("    self_play: false,\n")).unwrap();
}

#[test]
fn a_replicator_step_beyond_the_time_span_is_refused_at_load_naming_step() {
    for step in ["1e308", "1e300"] {
        let text = file(&format!(
            "    evolution: Some((process: Replicator, step: {step}, generations: 3)),\n"
        ));
        // Before: 1e308 was refused after the play, blaming `payoffs`; 1e300
        // ran and wrote NaN shares.
        let error = load(&text).unwrap_err();
        assert!(error.starts_with("case.ron:9:"), "{error}");
        assert!(error.contains("`step`"), "{error}");
        assert!(error.contains("at most 1e100"), "{error}");
    }
    let raw = RawEvolutionConfig {
        process: Process::Replicator,
        step: 1e99,
        generations: 1,
        ..RawEvolutionConfig::default()
    };
    EvolutionConfig::try_from(raw.clone()).unwrap();
    // The step only matters to the replicator equation.
    EvolutionConfig::try_from(RawEvolutionConfig {
        process: Process::Ecological,
        step: 1e300,
        ..raw
    })
    .unwrap();
}

#[test]
fn the_replicator_never_returns_nan_shares() {
    let table = PayoffTable::two_by_two(3e10, 0.0, 5e10, 1e10).unwrap();
    // Before: Ok with NaN shares.
    let error = replicator(&table, &[0.5, 0.5], 1e300, 3, true).unwrap_err();
    assert_eq!(error.field, "step");
    // Long steps inside the span, with payoffs up to the documented limit,
    // give finite shares on the simplex.
    for (scale, dt) in [(1e10, 1e99), (1e100, 1e99), (1e100, 1.0), (1.0, 1e99)] {
        let table = PayoffTable::two_by_two(3.0 * scale, 0.0, 5.0 * scale, scale).unwrap();
        let run = replicator(&table, &[0.5, 0.5], dt, 1, true).unwrap();
        for shares in &run.shares {
            assert!(
                shares.iter().all(|s| s.is_finite() && *s >= 0.0),
                "{shares:?}"
            );
            assert!(
                (shares.iter().sum::<f64>() - 1.0).abs() < 1e-12,
                "{shares:?}"
            );
        }
    }
}

#[test]
fn a_society_evolution_too_long_to_record_is_refused_before_the_sweep() {
    use twolevel_tournament::file::AnyFile;
    let text = "Society(\n    name: \"long\",\n    groups: [(rule: \"Discriminator\", count: 10), \
                (rule: \"ALLD\", count: 10)],\n    norm: \"stern judging\",\n    \
                institution: Public,\n    q: 1.0,\n    e: 0.0,\n    mu: 0.0,\n    \
                steps: 10,\n    evolution: Some((generations: 1000000000000000, \
                steps_per_generation: 1)),\n)\n";
    // The history would take about 4e16 bytes; the block is refused at its
    // field, before anything runs (it used to be ignored by `twolevel run`,
    // which now runs it), and since the estimates of issue 27 items 2 and 3
    // at load.
    let error = AnyFile::from_ron(text, "long.ron").unwrap_err().to_string();
    assert!(error.starts_with("long.ron:10:"), "{error}");
    assert!(error.contains("`evolution.generations`"), "{error}");
    assert!(error.contains("every generation"), "{error}");
}
