//! The fuzzers of issue 12: a grammar-based generator of tournament files
//! (with evolution blocks) and a mutator over the shipped files in
//! `tournaments/`, both driving the path users take: the text is written to
//! a file, loaded with `Tournament::from_file` (or the regime and society
//! loaders, by [`FileKind`]), and a round robin small enough to play is
//! played, its results written, and its evolution block run.
//!
//! A case passes when it either runs or is refused with an error; a panic
//! fails the test and prints the case. `cargo test` runs a bounded number
//! of cases with a fixed seed; `FUZZ_CASES` and `FUZZ_SEED` run more or
//! others, and in that long mode a case over `FUZZ_BUDGET_SECONDS` (default
//! 20) fails too. `docs/testing.md` explains how to run it longer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rand::RngExt;
use rand_pcg::Pcg64;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::{FileKind, PresetCatalog};
use twolevel_tournament::evolution::evolve_tournament;
use twolevel_tournament::regime::RegimeTournamentFile;
use twolevel_tournament::society::SocietyConfig;

/// Cases per fuzzer in an ordinary `cargo test`.
const DEFAULT_CASES: u64 = 400;
/// The seed of an ordinary `cargo test`.
const DEFAULT_SEED: u64 = 20_261_127;
/// The most matches times turns a case may play (to keep cases short).
const MAX_WORK: f64 = 20_000.0;

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Numbers a careless or hostile user might write.
const NUMBERS: [&str; 24] = [
    "0",
    "1",
    "-1",
    "0.5",
    "2",
    "3",
    "1e-300",
    "1e300",
    "1e308",
    "-1e308",
    "1e100",
    "0.99",
    "1.0",
    "NaN",
    "inf",
    "-inf",
    "4294967295",
    "18446744073709551615",
    "-0.0",
    "7.5",
    "0.01",
    "1e15",
    "200",
    "1000",
];

fn number(rng: &mut Pcg64) -> &'static str {
    NUMBERS[rng.random_range(0..NUMBERS.len())]
}

fn small_number(rng: &mut Pcg64) -> String {
    if rng.random_bool(0.8) {
        format!("{}", rng.random_range(0..=6))
    } else {
        number(rng).to_string()
    }
}

/// A count from 1 to 3 most of the time, 0 otherwise.
fn count(rng: &mut Pcg64) -> u32 {
    let least = u32::from(rng.random_bool(0.9));
    rng.random_range(least..=3)
}

/// One of `valid` most of the time, an edge number otherwise.
fn mostly(rng: &mut Pcg64, valid: &[&'static str]) -> &'static str {
    if rng.random_bool(0.9) {
        pick(rng, valid)
    } else {
        number(rng)
    }
}

fn pick<'a>(rng: &mut Pcg64, options: &[&'a str]) -> &'a str {
    options[rng.random_range(0..options.len())]
}

/// A random evolution block from the grammar of `EvolutionConfig`.
fn evolution_block(rng: &mut Pcg64, players: usize) -> String {
    let mut fields = vec![format!(
        "process: {}",
        pick(
            rng,
            &["Moran", "PairwiseComparison", "Ecological", "Replicator"]
        )
    )];
    if rng.random_bool(0.5) {
        fields.push(format!("population: {}", rng.random_range(0..=30)));
    }
    if rng.random_bool(0.5) {
        fields.push(format!("generations: {}", rng.random_range(0..=40)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("runs: {}", count(rng)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("mutation: {}", mostly(rng, &["0", "0.01", "0.5"])));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("fermi_beta: {}", mostly(rng, &["0", "1", "10"])));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("step: {}", mostly(rng, &["0.01", "0.1", "1"])));
    }
    if rng.random_bool(0.3) {
        fields.push(format!(
            "selection: {}({})",
            pick(rng, &["Linear", "Exponential"]),
            mostly(rng, &["0", "0.1", "1"])
        ));
    }
    if rng.random_bool(0.3) {
        fields.push(format!(
            "fitness: {}",
            pick(rng, &["Policy", "Political", "Utility", "Money"])
        ));
    }
    if rng.random_bool(0.3) {
        let count = if rng.random_bool(0.7) {
            players
        } else {
            rng.random_range(0..=4)
        };
        let entries: Vec<String> = (0..count).map(|_| small_number(rng)).collect();
        let kind = pick(rng, &["Counts", "Shares"]);
        fields.push(format!("initial: {kind}([{}])", entries.join(", ")));
    }
    if rng.random_bool(0.2) {
        fields.push(format!(
            "record: {}",
            pick(rng, &["Generation", "Step", "Final"])
        ));
    }
    format!("Some(({}))", fields.join(", "))
}

/// A random tournament file from the grammar of `TournamentFile`.
fn generated_tournament(rng: &mut Pcg64, presets: &[String]) -> String {
    let players = if rng.random_bool(0.95) {
        rng.random_range(2..=4)
    } else {
        rng.random_range(0..=1)
    };
    let mut entries = Vec::new();
    for _ in 0..players {
        let name = &presets[rng.random_range(0..presets.len())];
        entries.push(if rng.random_bool(0.1) {
            "Preset(\"no-such-preset\")".to_string()
        } else {
            format!("Preset(\"{name}\")")
        });
    }
    let mut fields = vec![
        format!(
            "name: \"{}\"",
            if rng.random_bool(0.9) {
                pick(rng, &["fuzz", "ünïcode"])
            } else {
                pick(rng, &["", " "])
            }
        ),
        format!("players: [{}]", entries.join(", ")),
    ];
    if rng.random_bool(0.7) {
        fields.push(if rng.random_bool(0.7) {
            format!("horizon: Fixed(turns: {})", rng.random_range(0..=30))
        } else {
            format!(
                "horizon: Continuation(delta: {})",
                mostly(rng, &["0.5", "0.9", "0"])
            )
        });
    }
    if rng.random_bool(0.5) {
        fields.push(format!("repetitions: {}", count(rng)));
    }
    for field in ["action_noise", "perception_noise"] {
        if rng.random_bool(0.3) {
            fields.push(format!("{field}: {}", mostly(rng, &["0", "0.05", "1"])));
        }
    }
    if rng.random_bool(0.2) {
        fields.push(format!("self_play: {}", rng.random_bool(0.5)));
    }
    if rng.random_bool(0.2) {
        fields.push(format!("length_known: {}", rng.random_bool(0.5)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("seed: {}", rng.random_range(0..1000)));
    }
    if rng.random_bool(0.4) {
        fields.push(format!(
            "game: (theta: {}, beta: {}, alpha: {}, gamma: {})",
            mostly(rng, &["0", "1", "1000"]),
            mostly(rng, &["0", "1", "7.5"]),
            mostly(rng, &["0", "0.5", "1"]),
            mostly(rng, &["0", "1", "2"])
        ));
    }
    if rng.random_bool(0.4) {
        fields.push(format!("evolution: {}", evolution_block(rng, players)));
    }
    if rng.random_bool(0.05) {
        fields.push("output: Some(\"\")".to_string());
    }
    format!("Tournament(\n    {},\n)\n", fields.join(",\n    "))
}

/// A random mutation of `text`: a span deleted or duplicated, a number
/// replaced by an edge value, or a stray character inserted.
fn mutated(rng: &mut Pcg64, text: &str) -> String {
    let mut out: Vec<char> = text.chars().collect();
    for _ in 0..rng.random_range(1..=3) {
        if out.is_empty() {
            break;
        }
        let at = rng.random_range(0..out.len());
        let len = rng.random_range(1..=20.min(out.len() - at));
        match rng.random_range(0..4) {
            0 => {
                out.drain(at..at + len);
            }
            1 => {
                let span: Vec<char> = out[at..at + len].to_vec();
                out.splice(at..at, span);
            }
            2 => {
                // Replace the number starting at or after `at`.
                if let Some(start) = (at..out.len()).find(|&i| out[i].is_ascii_digit()) {
                    let end = (start..out.len())
                        .find(|&i| !(out[i].is_ascii_digit() || out[i] == '.'))
                        .unwrap_or(out.len());
                    out.splice(start..end, number(rng).chars());
                }
            }
            _ => {
                let stray = pick(rng, &["(", ")", ",", "\"", "[", "]", ":", "\u{feff}", "é"]);
                out.splice(at..at, stray.chars());
            }
        }
    }
    out.into_iter().collect()
}

/// Loads, validates, plays (if small), writes and evolves one case from a
/// file, as the examples do. Errors are fine; panics are not.
fn drive(text: &str, folder: &Path) -> bool {
    let path = folder.join("case.ron");
    std::fs::write(&path, text).expect("the fuzz folder is writable");
    match FileKind::of(text) {
        FileKind::Regime => RegimeTournamentFile::from_file(&path).is_ok(),
        FileKind::Society => SocietyConfig::from_file(&path).is_ok(),
        _ => {
            let Ok(tournament) = Tournament::from_file(&path) else {
                return false;
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

fn settings() -> (u64, u64) {
    (
        env_number("FUZZ_CASES").unwrap_or(DEFAULT_CASES),
        env_number("FUZZ_SEED").unwrap_or(DEFAULT_SEED),
    )
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
fn mutated_shipped_files_run_or_are_refused() {
    let (cases, seed) = settings();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments");
    let mut shipped: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
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
