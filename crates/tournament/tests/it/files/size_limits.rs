//! Limits on sizes: sizes that used to crash the process or
//! run without end are refused before anything runs, with the file, the
//! field, the estimate and the limit named; no value bypasses validation.

use twolevel_files::ConfigError;
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

// ------------------------------------------------------------ no value bypasses validation

use twolevel_game::{Currency, PAYOFF_LIMIT, TwoLevelGame};
use twolevel_tournament::evolution::{
    EvolutionOutcome, GroupEvolution, GroupPayoffs, PayoffTable, Selection, SelectionKind, Update,
    UpdateKind, ecological, evolve_tournament, fixation_probability, write_csv_file,
};
use twolevel_tournament::levers::{Lever, LeverReport, LeverSettings};

#[test]
fn selection_and_update_cannot_hold_invalid_intensities() {
    for bad in [
        f64::NAN,
        f64::INFINITY,
        -1.0,
        1e308,
        Selection::MAX_INTENSITY * 10.0,
    ] {
        assert_eq!(
            Selection::exponential(bad).unwrap_err().field,
            "selection.Exponential"
        );
        assert_eq!(Update::fermi(bad).unwrap_err().field, "fermi_beta");
    }
    for bad in [f64::NAN, -0.1, 1.5] {
        assert_eq!(
            Selection::linear(bad).unwrap_err().field,
            "selection.Linear"
        );
    }
    // Whatever is accepted comes back as it was given.
    let selection = Selection::new(SelectionKind::Linear(0.25)).unwrap();
    assert_eq!(selection.kind(), SelectionKind::Linear(0.25));
    let update = Update::new(UpdateKind::Fermi(Selection::MAX_INTENSITY)).unwrap();
    assert_eq!(update.kind(), UpdateKind::Fermi(Selection::MAX_INTENSITY));
    assert_eq!(
        Update::new(UpdateKind::Moran(selection)).unwrap().kind(),
        UpdateKind::Moran(selection)
    );
    // The files that reach them are refused at load, naming file and field.
    refused(
        "    evolution: Some((selection: Exponential(1e308))),",
        "selection.Exponential",
        &["sizes.ron:", "at most 1e100"],
    );
    refused(
        "    evolution: Some((process: PairwiseComparison, fermi_beta: 1e308)),",
        "fermi_beta",
        &["at most 1e100"],
    );
}

// ------------------------------------------------------------ item 4: analytic answers are finite or errors

#[test]
fn group_fixation_probabilities_are_finite_probabilities_or_errors() {
    // Payoffs beyond the payoff limit are refused when the table is built.
    let err = GroupPayoffs::from_pairwise([1e300, 0.0, 5.0, 1.0]).unwrap_err();
    assert_eq!(err.field, "cooperator");
    assert!(GroupPayoffs::from_pairwise([f64::NAN, 0.0, 5.0, 1.0]).is_err());
    assert_eq!(
        GroupEvolution::pairwise([3.0, 0.0, 5.0, 1.0], 10, 1e308, 0.0)
            .unwrap_err()
            .field,
        "beta"
    );
    // Every accepted extreme gives finite logarithms and probabilities in
    // [0, 1]; neutral selection gives 1 / Z exactly.
    let limit = PAYOFF_LIMIT;
    for game in [
        [3.0, 0.0, 5.0, 1.0],
        [limit, -limit, limit, -limit],
        [-limit, limit, -limit, limit],
        [limit, limit, -limit, -limit],
    ] {
        for beta in [0.0, 1e-300, 1.0, 1e50, Selection::MAX_INTENSITY] {
            for population in [2, 3, 1000] {
                let evolution = GroupEvolution::pairwise(game, population, beta, 0.0).unwrap();
                let (rho_c, rho_d) = evolution.fixation_probabilities().unwrap();
                for rho in [rho_c, rho_d] {
                    assert!(
                        rho.ln <= 0.0 && rho.ln.is_finite() && (0.0..=1.0).contains(&rho.value),
                        "{game:?}, beta {beta}, Z {population}: {rho:?}"
                    );
                }
                if beta == 0.0 {
                    let neutral = 1.0 / f64::from(population);
                    assert!((rho_c.value - neutral).abs() < 1e-15 * neutral);
                }
            }
        }
    }
    // The pairwise process agrees with the two-player analytic formula.
    let evolution = GroupEvolution::pairwise([3.0, 0.0, 5.0, 1.0], 20, 0.5, 0.0).unwrap();
    let (rho_c, _) = evolution.fixation_probabilities().unwrap();
    let rho = fixation_probability(Update::fermi(0.5).unwrap(), [3.0, 0.0, 5.0, 1.0], 20).unwrap();
    assert!((rho_c.ln - rho.ln).abs() < 1e-12, "{rho_c:?} vs {rho:?}");
}

// ------------------------------------------------------------ item 8: validation before work

#[test]
fn a_selection_that_some_payoff_makes_invalid_is_refused_at_load() {
    // The default two-level game has a threat cost of 4, so a policy payoff
    // of 1 - 4 = -3 is possible, where Linear(1.0) gives fitness -3: refused
    // before the round robin runs, with the file, the field, the range and
    // the advice (an intensity below 1 / (1 + 3) = 0.25).
    refused(
        "    evolution: Some((process: Moran, selection: Linear(1.0))),",
        "selection",
        &["sizes.ron", "[-3, ", "below 0.25", "Exponential"],
    );
    assert!(
        load(&with(
            "    evolution: Some((process: Moran, selection: Linear(0.2))),"
        ))
        .is_ok()
    );
    // An exponential map that overflows on the largest payoff.
    refused(
        "    game: (theta: 0.0, policy: (row: (R: 1e10, S: 0.0, T: 5.0, P: 1.0), column: (R: 1e10, S: 0.0, T: 5.0, P: 1.0))),\n    evolution: Some((process: Moran, selection: Exponential(1.0))),",
        "selection",
        &["sizes.ron", "exponential intensity below"],
    );
    // Processes that do not use `selection` are not refused for it.
    assert!(
        load(&with(
            "    evolution: Some((process: PairwiseComparison, selection: Linear(1.0))),"
        ))
        .is_ok()
    );
}

// ------------------------------------------------------------ item 9: wording

#[test]
fn messages_name_the_field_at_fault() {
    // A dynamic `initial` level outside [0, 1] is named as such.
    refused(
        "    politics: Dynamic(initial: 2.0, dynamics: ()),",
        "initial",
        &["sizes.ron:", "[0, 1]"],
    );
    // A payoff entry beyond the limit is named, not kappa, and the one
    // documented limit appears.
    let big = "(R: 1e300, S: 0.0, T: 5.0, P: 1.0)";
    let message = load(&with(&format!(
        "    game: (policy: (row: {big}, column: {big})),"
    )))
    .unwrap_err()
    .to_string();
    assert!(message.contains("policy.row.R"), "{message}");
    assert!(!message.contains("kappa"), "{message}");
    assert!(
        message.contains("1e100") && !message.contains("1e300 "),
        "{message}"
    );
    assert_eq!(TwoLevelGame::MAX_PAYOFF, PAYOFF_LIMIT);
}

#[test]
fn deep_nesting_says_so_with_the_position() {
    let text = format!("{}{}", "[".repeat(300), "]".repeat(300));
    let message = twolevel_files::parse_ron::<ron::Value>(&text, "deep.ron")
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("deep.ron:1:"), "{message}");
    assert!(message.contains("nested too deeply"), "{message}");
    assert!(!message.contains("serde_stacker"), "{message}");
}

#[test]
fn a_failed_evolution_write_names_the_path() {
    let table = PayoffTable::new(vec![vec![1.0]]).unwrap();
    let outcome = EvolutionOutcome::Shares(ecological(&table, &[1.0], 1, true).unwrap());
    let names = vec![String::from("a")];
    // A full device on Linux; elsewhere a folder that does not exist.
    let path = if std::path::Path::new("/dev/full").exists() {
        "/dev/full"
    } else {
        "/no/such/folder/evolution.csv"
    };
    let message = write_csv_file(&outcome, &names, Currency::Policy, path)
        .unwrap_err()
        .to_string();
    assert!(message.contains(path), "{message}");
    assert!(!message.contains("<writer>"), "{message}");
}

#[test]
fn a_lever_that_cannot_act_says_which_lever_and_which_value() {
    // Loads and plays: kappa_eff = 0.25 (1 + 2) = 0.75 keeps the political
    // payoffs within the limit; the policy-consensus lever's kappa = 1
    // would triple them past it.
    let entry = "(R: 5e99, S: 0.0, T: 5e99, P: 1.0)";
    let tournament = load(&with(&format!(
        "    horizon: Fixed(turns: 5),\n    game: (theta: 0.0, policy: (row: {entry}, column: {entry}), political: Derived(kappa: 0.25, audience_bonus: 0.0)),"
    )))
    .unwrap();
    let _ = tournament.round_robin.play();
    let message = Lever::PolicyConsensus
        .run(
            &tournament.round_robin,
            Lever::PolicyConsensus.default_settings(),
        )
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("policy consensus") && message.contains("kappa to 1"),
        "{message}"
    );
    // The other levers run on it.
    assert!(
        Lever::Knowledge
            .run(&tournament.round_robin, Lever::Knowledge.default_settings())
            .is_ok()
    );
    // The report of all six runs: the five levers that can be applied are
    // measured, and policy consensus is listed as not run, with the value
    // and the reason, both in the report and under its table.
    let report = LeverReport::run("t", &tournament.round_robin.with_repetitions(1).unwrap())
        .expect("a lever report on a tournament that plays runs");
    let ran: Vec<Lever> = report.levers.iter().map(|outcome| outcome.lever).collect();
    assert_eq!(ran, &Lever::ALL[..5]);
    assert_eq!(report.not_run.len(), 1);
    let skipped = &report.not_run[0];
    assert_eq!(
        (skipped.lever, skipped.value),
        (Lever::PolicyConsensus, 1.0)
    );
    assert!(skipped.reason.contains("1e100"), "{}", skipped.reason);
    let table = report.to_string();
    assert!(
        table.contains(
            "not run (policy consensus): the policy consensus lever cannot set kappa to 1"
        ),
        "{table}"
    );
    // The JSON report carries it too.
    let json = serde_json::to_string(&report).unwrap();
    let back: LeverReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back.not_run, report.not_run);
}

#[test]
fn a_lever_report_on_the_default_tournament_runs_every_lever() {
    let base = Tournament::embedded_default()
        .unwrap()
        .round_robin
        .with_repetitions(1)
        .unwrap();
    for lever in Lever::ALL {
        assert!(lever.check(&base, lever.default_settings()).is_ok());
    }
    let refused = Lever::PolicyConsensus
        .check(
            &base,
            LeverSettings {
                low: 0.25,
                high: f64::NAN,
            },
        )
        .unwrap_err();
    assert!(
        refused.value.is_nan() && refused.reason.contains("kappa"),
        "{refused}"
    );
}

#[test]
fn silently_accepted_inputs_are_refused_or_handled() {
    let duplicates = with("").replace("Preset(\"bureaucrat\")", "Preset(\"politician\")");
    let message = load(&duplicates).unwrap_err().to_string();
    assert!(
        message.contains("sizes.ron") && message.contains("players[1].name"),
        "{message}"
    );
    refused(
        "    horizon: Continuation(delta: 0.9),\n    length_known: true,",
        "length_known",
        &["continuation"],
    );
    refused(
        "    evolution: Some((output: Some(\"\"))),",
        "output",
        &["empty path"],
    );
    // A UTF-8 byte-order mark is skipped.
    assert!(load(&format!("\u{feff}{}", with(""))).is_ok());
}

#[test]
fn a_society_error_after_text_in_another_script_names_the_field() {
    // Found by the society fuzzer: locating the field at fault sliced the
    // text inside the "ü" of the name and panicked.
    let text = "Society(\n    name: \"ünïcode\",\n    groups: [],\n    steps: 264,\n)\n";
    let message = twolevel_tournament::society::SocietyConfig::from_ron(text, "society.ron")
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("society.ron:3:"), "{message}");
    assert!(message.contains("groups"), "{message}");
}

#[test]
fn a_very_long_player_name_is_cut_in_the_evolution_table() {
    // Formatting widths of 65,536 and more used to panic, in the round
    // robin's table and in the evolution's.
    let name = "n".repeat(70_000);
    let tournament = load(&with("").replace(
        "Preset(\"politician\")",
        &format!(
            "Inline(name: \"{name}\", strategy: (name: \"TFT\"))"
        ),
    ).replace(
        "players:",
        "horizon: Fixed(turns: 5),\n    evolution: Some((process: Moran, population: 10, generations: 20, runs: 2)),\n    players:",
    ))
    .unwrap();
    let evolution = evolve_tournament(
        &tournament.round_robin,
        tournament.evolution.as_ref().unwrap(),
    )
    .unwrap();
    let table = evolution.to_string();
    assert!(
        table.contains(&format!("{}...", "n".repeat(45))),
        "{}",
        &table[..200]
    );
    assert!(table.len() < 2_000);
    assert_eq!(evolution.names[0], name);
}

#[test]
fn sixty_brackets_in_a_parameter_value_are_not_blamed_on_more_than_128_levels() {
    // A strategy parameter is a number, a boolean or a string, read through
    // a second layer: 60 brackets there passed the parser's limit of 128
    // levels, and the message claimed more than 128 levels of brackets.
    let value = format!("{}1{}", "[".repeat(60), "]".repeat(60));
    let text = with(&format!(
        "    players: [Inline(name: \"x\", strategy: (name: \"Tit For Tat\", params: \
         {{\"p\": {value}}}))],"
    ))
    .replacen(
        "    players: [Preset(\"politician\"), Preset(\"bureaucrat\")],\n",
        "",
        1,
    );
    let message = load(&text).unwrap_err().to_string();
    eprintln!("{message}");
    assert!(message.starts_with("sizes.ron:3:"), "{message}");
    assert!(message.contains("nested too deeply"), "{message}");
    assert!(!message.contains("more than 128"), "{message}");
    assert!(message.contains("brackets are open"), "{message}");
}
