//! No file makes a loader or a run panic: grammar-based generators of tournament files
//! (with evolution blocks), regime files and society files, and a mutator over the shipped files in
//! `tournaments/`, both driving the path users take: the text is written to
//! a file, loaded with `Tournament::from_file` (or the regime and society
//! loaders, by [`FileKind`]), and a round robin small enough to play is
//! played, its results written, and its evolution block run; a regime
//! tournament small enough is played and its JSON written, a society's
//! sweep is run and its CSV and JSON written, as `twolevel run` does.
//!
//! A case passes when it either runs or is refused with an error; a panic
//! fails the test and prints the case. `cargo test` runs a bounded number
//! of cases with a fixed seed; `FUZZ_CASES` and `FUZZ_SEED` run more or
//! others, and in that long mode a case over `FUZZ_BUDGET_SECONDS` (default
//! 20) fails too. `docs/testing.md` explains how to run it longer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::support::fuzz_grammar;

use fuzz_grammar::{
    env_number, generated_regime, generated_society, generated_tournament, mutated, settings,
};
use rand::RngExt;
use rand_pcg::Pcg64;
use twolevel_files::parse_ron;
use twolevel_strategies::regime::registry::regime_names;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::{FileKind, PresetCatalog};
use twolevel_tournament::evolution::{SocietyEvolution, evolve_tournament};
use twolevel_tournament::negotiation::NegotiationFile;
use twolevel_tournament::regime::{RawRegimeTournament, composition_count};
use twolevel_tournament::report::write_json_file;
use twolevel_tournament::society::{RawSocietyConfig, SocietyConfig, SocietySweep};

/// The most matches times turns a case may play (to keep cases short).
const MAX_WORK: f64 = 20_000.0;
/// The most society steps (over sweep points and replicates) a case may run.
const MAX_SOCIETY_STEPS: f64 = 20_000.0;
/// The largest society a case runs.
const MAX_SOCIETY_SIZE: usize = 200;

/// Checks that a refusal starts with the case's file and the line and
/// column after it (`.../case.ron:3:14: `), then counts the case as
/// refused.
fn names_the_file(error: impl std::fmt::Display) -> bool {
    let message = error.to_string();
    let after = message
        .split_once("case.ron:")
        .map(|(_, after)| after)
        .unwrap_or_else(|| panic!("an error that does not name the file: {message}"));
    let mut parts = after.splitn(3, ':');
    let located = parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
        && parts.next().is_some_and(|c| c.parse::<usize>().is_ok())
        && parts.next().is_some_and(|rest| rest.starts_with(' '));
    assert!(
        located,
        "an error without the line and column of the file: {message}"
    );
    false
}

/// Loads, validates, plays (if small) and writes a negotiation file.
fn drive_negotiation(path: &Path, folder: &Path) -> bool {
    let file = match NegotiationFile::from_file(path) {
        Ok(file) => file,
        Err(error) => return names_the_file(error),
    };
    let config = file.config();
    let turns = config.play().horizon().expected_length();
    let work = file.pairs.len() as f64 * f64::from(config.repetitions()) * turns * 2.0;
    if work > MAX_WORK {
        return true;
    }
    if let Ok(results) = file.play() {
        let _ = results.to_string();
        let _ = write_json_file(&results, &folder.join("negotiation.json"));
    }
    true
}

/// Loads, validates, plays (if small), writes and evolves one case from a
/// file, as the examples do. Errors are fine; panics are not.
fn drive(text: &str, folder: &Path) -> bool {
    let path = folder.join("case.ron");
    std::fs::write(&path, text).expect("the fuzz folder is writable");
    match FileKind::of(text) {
        FileKind::Regime => drive_regime(text, &path, folder),
        FileKind::Society => drive_society(&path, folder),
        FileKind::Negotiation => drive_negotiation(&path, folder),
        _ => {
            let tournament = match Tournament::from_file(&path) {
                Ok(tournament) => tournament,
                Err(error) => return names_the_file(error),
            };
            let rr = &tournament.round_robin;
            let turns = rr.config().horizon().expected_length();
            let work = rr.pairs().len() as f64 * f64::from(rr.repetitions()) * turns * 2.0;
            if work > MAX_WORK {
                return true;
            }
            let results = rr.play();
            let _ = results.to_string();
            let _ = results.write_to(folder.join("out"));
            if let Some(evolution) = &tournament.evolution {
                let small = evolution.generations() <= 100
                    && evolution.population() <= 100
                    && evolution.runs() <= 5;
                if small
                    && let Ok(outcome) = evolve_tournament(rr, evolution)
                    && let Some(stationary) = &outcome.stationary
                {
                    let sum: f64 = stationary.iter().sum();
                    assert!((sum - 1.0).abs() < 1e-12, "stationary sums to {sum}");
                }
            }
            true
        }
    }
}

/// Loads a regime file as `twolevel run` does and, when the file is
/// accepted and small enough, plays it and writes its JSON results.
fn drive_regime(text: &str, path: &Path, folder: &Path) -> bool {
    let tournament = match RawRegimeTournament::from_file(path) {
        Ok(tournament) => tournament,
        Err(error) => return names_the_file(error),
    };
    // The size of the run, from the accepted file's fields.
    let file: RawRegimeTournament = parse_ron(text, path).expect("an accepted file parses");
    let size = file.game.size() as usize;
    let compositions = composition_count(file.entrants.len(), size)
        .unwrap_or(usize::MAX)
        .min(file.max_compositions);
    let work = compositions as f64
        * f64::from(file.repetitions)
        * file.horizon.expected_length()
        * size as f64;
    if work > MAX_WORK {
        return true;
    }
    let results = tournament.play();
    let _ = results.to_string();
    for standing in &results.standings {
        assert!(
            standing.scores.policy.is_finite() && (0.0..=1.0).contains(&standing.cooperation_rate),
            "{standing:?}"
        );
    }
    write_json_file(&results, &folder.join("regime.json")).expect("the fuzz folder is writable");
    true
}

/// Loads a society file as `twolevel run` does and, when the file is
/// accepted and small enough, runs its sweep and writes its CSV and JSON,
/// then its evolution block ([`drive_society_evolution`]).
fn drive_society(path: &Path, folder: &Path) -> bool {
    let config = match SocietyConfig::from_file(path) {
        Ok(config) => config,
        Err(error) => return names_the_file(error),
    };
    let work = (config.warmup as f64 + config.steps as f64)
        * f64::from(config.replicates)
        * (config.q_levels.len() * config.mu_levels.len()) as f64;
    if work > MAX_SOCIETY_STEPS || config.size() > MAX_SOCIETY_SIZE {
        return true;
    }
    // A sweep level may be refused when it runs (as the command reports).
    let Ok(sweep) = SocietySweep::run(&config) else {
        return true;
    };
    let _ = sweep.to_string();
    for point in &sweep.points {
        for share in [point.good_share, point.cooperation] {
            assert!((0.0..=1.0).contains(&share), "{point:?}");
        }
        assert!(
            point.policy_per_interaction.is_finite() && point.utility_per_interaction.is_finite(),
            "{point:?}"
        );
    }
    sweep
        .write_csv(folder.join("society_sweep.csv"))
        .expect("the fuzz folder is writable");
    sweep
        .write_json(folder.join("society_sweep.json"))
        .expect("the fuzz folder is writable");
    drive_society_evolution(path, &config, folder);
    true
}

/// Runs a society's evolution block, as `twolevel run` runs it
/// ([`SocietyEvolution::run`], through `AnyFile::play`), when it is small
/// enough (at most [`MAX_SOCIETY_STEPS`] encounters in all): every
/// generation must keep the population, and the counts are written.
fn drive_society_evolution(path: &Path, config: &SocietyConfig, folder: &Path) {
    let text = std::fs::read_to_string(path).expect("an accepted file is readable");
    let raw: RawSocietyConfig = parse_ron(&text, path).expect("an accepted file parses");
    let Some(entry) = raw.evolution else {
        return;
    };
    let work = (config.warmup as f64)
        + entry.generations as f64 * (entry.steps_per_generation as f64 + 1.0);
    if work > MAX_SOCIETY_STEPS {
        return;
    }
    let evolution = SocietyEvolution::run(config)
        .unwrap_or_else(|e| panic!("an accepted block runs: {e}"))
        .expect("a file with a block evolves");
    assert_eq!(evolution.history.len() as u64, entry.generations + 1);
    for counts in &evolution.history {
        assert_eq!(counts.len(), evolution.names.len());
        assert_eq!(
            counts.iter().map(|&c| c as usize).sum::<usize>(),
            config.size()
        );
    }
    let _ = evolution.to_string();
    evolution
        .write_csv(folder.join("society_evolution.csv"))
        .expect("the fuzz folder is writable");
}

struct Fuzz {
    folder: PathBuf,
    budget: Option<Duration>,
    failures: Vec<String>,
    accepted: u64,
    cases: u64,
}

impl Fuzz {
    fn new(label: &str) -> Self {
        let folder =
            std::env::temp_dir().join(format!("twolevel-fuzz-{label}-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a temporary folder");
        let budget = env_number("FUZZ_CASES")
            .map(|_| Duration::from_secs(env_number("FUZZ_BUDGET_SECONDS").unwrap_or(20)));
        Fuzz {
            folder,
            budget,
            failures: Vec::new(),
            accepted: 0,
            cases: 0,
        }
    }

    fn case(&mut self, text: &str) {
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| drive(text, &self.folder)));
        self.cases += 1;
        match outcome {
            Ok(accepted) => self.accepted += u64::from(accepted),
            Err(_) => self.failures.push(format!("panic on:\n{text}")),
        }
        if let Some(budget) = self.budget
            && start.elapsed() > budget
        {
            self.failures.push(format!(
                "over the budget of {budget:?} ({:?}) on:\n{text}",
                start.elapsed()
            ));
        }
    }

    fn finish(self) {
        let _ = std::fs::remove_dir_all(&self.folder);
        println!("{} of {} cases accepted", self.accepted, self.cases);
        // A fuzzer whose cases are all refused tests only the parser.
        assert!(
            self.accepted * 20 >= self.cases,
            "only {} of {} cases were accepted",
            self.accepted,
            self.cases
        );
        assert!(
            self.failures.is_empty(),
            "{} failing cases; the first:\n{}",
            self.failures.len(),
            self.failures[0]
        );
    }
}

#[test]
fn generated_tournament_files_run_or_are_refused() {
    let (cases, seed) = settings();
    let presets: Vec<String> = PresetCatalog::builtin()
        .unwrap()
        .names()
        .map(str::to_string)
        .collect();
    let mut rng = Pcg64::new(u128::from(seed), 0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d);
    let mut fuzz = Fuzz::new("generated");
    for _ in 0..cases {
        let text = generated_tournament(&mut rng, &presets);
        fuzz.case(&text);
    }
    fuzz.finish();
}

#[test]
fn generated_regime_files_run_or_are_refused() {
    let (cases, seed) = settings();
    let strategies: Vec<String> = regime_names().map(str::to_string).collect();
    let mut rng = Pcg64::new(
        u128::from(seed) + 2,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let mut fuzz = Fuzz::new("regime");
    for _ in 0..cases {
        let text = generated_regime(&mut rng, &strategies);
        fuzz.case(&text);
    }
    fuzz.finish();
}

#[test]
fn generated_society_files_run_or_are_refused() {
    let (cases, seed) = settings();
    let mut rng = Pcg64::new(
        u128::from(seed) + 3,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let mut fuzz = Fuzz::new("society");
    for _ in 0..cases {
        let text = generated_society(&mut rng);
        fuzz.case(&text);
    }
    fuzz.finish();
}

#[test]
fn mutated_shipped_files_run_or_are_refused() {
    let (cases, seed) = settings();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // The shipped tournaments (round robins, regimes, a sweep) and the
    // society file of the Python tests.
    let mut shipped: Vec<String> = std::fs::read_dir(root.join("tournaments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .chain([root.join("crates/python/tests/fixtures/society.ron")])
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    shipped.sort();
    let mut rng = Pcg64::new(
        u128::from(seed) + 1,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let mut fuzz = Fuzz::new("mutated");
    for _ in 0..cases {
        let base = &shipped[rng.random_range(0..shipped.len())];
        let text = mutated(&mut rng, base);
        fuzz.case(&text);
    }
    fuzz.finish();
}

// ------------------------------------------------------------ sizes estimated at load

/// Sizes of a u32 field, from 1 to its largest value, a power of ten apart
/// (and the edge).
const U32_SIZES: [&str; 6] = ["1", "10", "1000", "100000", "10000000", "4294967295"];
/// Sizes of a u64 field, up to its largest value.
const U64_SIZES: [&str; 8] = [
    "1",
    "100",
    "10000",
    "1000000",
    "100000000",
    "10000000000",
    "1000000000000",
    "18446744073709551615",
];

/// A horizon from one turn to the longest match, or a continuation
/// probability up to a mean length of 10^10 rounds.
fn size_horizon(rng: &mut Pcg64) -> String {
    if rng.random_bool(0.6) {
        format!("Fixed(turns: {})", fuzz_grammar::pick(rng, &U32_SIZES))
    } else {
        let delta = fuzz_grammar::pick(rng, &["0.5", "0.999", "0.999999", "0.9999999999"]);
        format!("Continuation(delta: {delta})")
    }
}

/// A regime, society or round-robin file (with an evolution block) whose
/// sizes are drawn over their whole range (each a power of ten apart).
fn sized_file(rng: &mut Pcg64) -> String {
    let pick = fuzz_grammar::pick;
    match rng.random_range(0..3) {
        0 => {
            let entrants = [
                "Conditional Cooperator",
                "MFN Free Rider",
                "Regime Nationalist",
            ];
            let chosen: Vec<String> = (0..rng.random_range(1..=3))
                .map(|k| format!("(strategy: (name: \"{}\"))", entrants[k]))
                .collect();
            format!(
                "Regime(\n    game: (size: {}, policy: CollectiveRisk(endowment: 1.0, \
                 cost_share: 0.1, risk: 0.9, threshold: 2)),\n    horizon: {},\n    \
                 perception_noise: {},\n    repetitions: {},\n    max_compositions: {},\n    \
                 entrants: [{}],\n)\n",
                pick(rng, &["2", "6", "100", "5000", "100000"]),
                size_horizon(rng),
                pick(rng, &["0", "0.01"]),
                pick(rng, &U32_SIZES),
                pick(rng, &["1", "2000", "1000000", "1000000000000"]),
                chosen.join(", ")
            )
        }
        1 => {
            let rule = pick(rng, &["Discriminator", "ALLD", "Specific Reciprocity"]);
            let evolution = if rng.random_bool(0.3) {
                format!(
                    "    evolution: Some((generations: {}, steps_per_generation: {})),\n",
                    pick(rng, &U64_SIZES[..6]),
                    pick(rng, &U64_SIZES)
                )
            } else {
                String::new()
            };
            format!(
                "Society(\n    name: \"sized\",\n    groups: [(rule: \"{rule}\", count: {}), \
                 (rule: \"ALLC\", count: 2)],\n    institution: {},\n    steps: {},\n    \
                 warmup: {},\n    replicates: {},\n    sweep: Some((q: [0.5, 1.0])),\n{evolution})\n",
                pick(rng, &["2", "100", "60000", "1000000", "4294967293"]),
                pick(rng, &["Public", "Private"]),
                pick(rng, &U64_SIZES),
                pick(rng, &["0", "1000"]),
                pick(rng, &U32_SIZES),
            )
        }
        _ => format!(
            "Tournament(\n    name: \"sized\",\n    players: [\n        Inline(name: \"R\", \
             strategy: (name: \"Random\")),\n        Inline(name: \"T\", strategy: (name: \"Tit \
             For Tat\")),\n    ],\n    horizon: {},\n    repetitions: {},\n    evolution: \
             Some((process: {}, population: {}, generations: {}, runs: {}, payoffs: {})),\n)\n",
            size_horizon(rng),
            pick(rng, &U32_SIZES[..5]),
            pick(rng, &["Moran", "PairwiseComparison", "Replicator"]),
            pick(rng, &["2", "100", "10000", "1000000"]),
            pick(rng, &["1", "1000", "100000", "100000000"]),
            pick(rng, &["1", "10", "1000"]),
            pick(rng, &["Mean", "Matches"]),
        ),
    }
}

/// Files whose sizes span their whole range are accepted only with their
/// memory and work estimates within the limits, and refused otherwise at
/// load, with the file, line and column: nothing is played, so a case that
/// would abort or run for days shows as an accepted file over a limit. An
/// accepted regime or society file's result files are estimated too, and
/// refused above the output limit naming a field of the file.
#[test]
fn generated_sizes_are_estimated_before_anything_runs() {
    use twolevel_tournament::file::{AnyFile, Loaded};
    use twolevel_tournament::limits::{memory_limit, output_limit, work_limit};
    let (cases, seed) = settings();
    let mut rng = Pcg64::new(
        u128::from(seed) + 4,
        0xa02b_dbf7_bb3c_0a7a_c28f_a16a_64ab_f96d,
    );
    let catalog = PresetCatalog::builtin().unwrap();
    let (mut accepted, mut by_estimate, mut by_output) = (0, 0, 0);
    for _ in 0..cases {
        let text = sized_file(&mut rng);
        match AnyFile::from_ron_as(&text, "case.ron", FileKind::of(&text), Some(&catalog)) {
            Ok(file) => {
                accepted += 1;
                let work = file.loaded().work();
                assert!(work <= work_limit(), "accepted with work {work}:\n{text}");
                let memory = match file.loaded() {
                    Loaded::Regime(tournament) => tournament.memory(),
                    Loaded::Society(config) => config.memory(),
                    _ => 0.0,
                };
                assert!(
                    memory <= memory_limit() as f64,
                    "accepted with memory {memory}:\n{text}"
                );
                // The result files are estimated too (checked before a
                // run into a folder): a finite size, refused above the
                // output limit naming a field of the file.
                let (output, checked) = match file.loaded() {
                    Loaded::Regime(tournament) => {
                        (tournament.output_bytes(), tournament.check_output())
                    }
                    Loaded::Society(config) => (config.output_bytes(), config.check_output()),
                    Loaded::Negotiation(negotiation) => {
                        (negotiation.output_bytes(), negotiation.check_output())
                    }
                    _ => (0.0, Ok(())),
                };
                assert!(
                    output.is_finite() && output >= 0.0,
                    "output {output}:\n{text}"
                );
                match checked {
                    Ok(()) => assert!(output <= output_limit() as f64, "{output}:\n{text}"),
                    Err(error) => {
                        assert!(
                            output > output_limit() as f64
                                && [
                                    "max_compositions",
                                    "evolution.generations",
                                    "sweep",
                                    "repetitions",
                                    "pairs"
                                ]
                                .contains(&error.field.as_str())
                                && error.reason.contains("of result files"),
                            "{error}:\n{text}"
                        );
                        by_output += 1;
                    }
                }
            }
            Err(error) => {
                let message = error.to_string();
                names_the_file(&message);
                if message.contains("work limit") || message.contains("of memory") {
                    by_estimate += 1;
                }
            }
        }
    }
    println!(
        "{accepted} of {cases} accepted, {by_estimate} refused by an estimate, {by_output} of \
         the accepted over the output limit"
    );
    assert!(
        accepted * 20 >= cases,
        "only {accepted} of {cases} accepted"
    );
    assert!(
        by_estimate * 20 >= cases,
        "only {by_estimate} of {cases} refused by an estimate"
    );
}
