//! Regression tests for issue 12: sizes that used to crash the process or
//! run without end are refused before anything runs, with the file, the
//! field, the estimate and the limit named; no value bypasses validation.

use twolevel_strategies::config::ConfigError;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::PresetCatalog;

fn load(text: &str) -> Result<Tournament, ConfigError> {
    Tournament::from_ron(text, "sizes.ron", &PresetCatalog::builtin().unwrap())
}

/// A valid file with `lines` added.
fn with(lines: &str) -> String {
    format!(
        "Tournament(\n    name: \"t\",\n    players: [Preset(\"politician\"), Preset(\"bureaucrat\")],\n{lines}\n)\n"
    )
}

fn refused(lines: &str, field: &str, words: &[&str]) {
    let message = load(&with(lines)).err().map(|e| e.to_string());
    let message = message.unwrap_or_else(|| panic!("accepted: {lines}"));
    assert!(message.contains("sizes.ron"), "{message}");
    assert!(message.contains(field), "{message}");
    for word in words {
        assert!(message.contains(word), "{word:?} not in {message}");
    }
}

#[test]
fn a_billion_repetitions_are_refused_with_the_estimate_and_the_limit() {
    // Used to try to allocate 672 GB.
    refused(
        "    repetitions: 1000000000,",
        "repetitions",
        &["GiB", "limit of", "TWOLEVEL_MEMORY_BUDGET"],
    );
    assert!(load(&with("    repetitions: 1000,")).is_ok());
}

#[test]
fn endless_fixed_matches_with_perception_noise_are_refused() {
    // Used to take 17 GB per match.
    refused(
        "    horizon: Fixed(turns: 4294967295),\n    perception_noise: 0.01,",
        "horizon",
        &["move histories", "limit of"],
    );
    assert!(
        load(&with(
            "    horizon: Fixed(turns: 100000),\n    perception_noise: 0.01,"
        ))
        .is_ok()
    );
}

#[test]
fn evolution_sizes_without_end_are_refused() {
    // Used to run out of memory after 25 s, or to run without end.
    refused(
        "    evolution: Some((process: Moran, runs: 4294967295)),",
        "runs",
        &["at most"],
    );
    refused(
        "    evolution: Some((process: Ecological, generations: 18446744073709551615)),",
        "generations",
        &["at most"],
    );
    refused(
        "    evolution: Some((process: Moran, population: 4294967295)),",
        "population",
        &["at most"],
    );
    refused(
        "    evolution: Some((process: Moran, population: 1000000, generations: 10000000)),",
        "generations",
        &["elementary events"],
    );
    refused(
        "    evolution: Some((process: Replicator, generations: 100000000, record: Generation)),",
        "generations",
        &["trajectories", "limit of"],
    );
}

#[test]
fn wrong_length_initial_populations_name_the_file_before_anything_runs() {
    refused(
        "    evolution: Some((process: Moran, population: 10, initial: Counts([10]))),",
        "initial",
        &["one entry per player"],
    );
    refused(
        "    evolution: Some((process: Replicator, initial: Shares([0.2, 0.3, 0.5]))),",
        "initial",
        &["one entry per player"],
    );
}

#[test]
fn numbers_in_messages_are_short() {
    // 1e308 used to be printed with 309 digits.
    let message = load(&with("    action_noise: 1e308,"))
        .unwrap_err()
        .to_string();
    assert!(message.contains("1e308"), "{message}");
    assert!(message.len() < 300, "{message}");
}
