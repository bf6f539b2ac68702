//! The grammar-based generators and the mutator shared by the fuzzers:
//! `crates/tournament/tests/it/files/fuzzing.rs` (tournament, evolution,
//! regime and society files, generated and mutated) and `crates/cli/tests/it/sweep_fuzzer.rs` (sweep
//! files run by the command line), which includes this file by path.

#![allow(dead_code)]

use rand::RngExt;
use rand_pcg::Pcg64;

/// Cases per fuzzer in an ordinary `cargo test`.
pub const DEFAULT_CASES: u64 = 400;
/// The seed of an ordinary `cargo test`.
pub const DEFAULT_SEED: u64 = 20_261_127;

pub fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Numbers a careless or hostile user might write.
pub const NUMBERS: [&str; 24] = [
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

pub fn number(rng: &mut Pcg64) -> &'static str {
    NUMBERS[rng.random_range(0..NUMBERS.len())]
}

pub fn small_number(rng: &mut Pcg64) -> String {
    if rng.random_bool(0.8) {
        format!("{}", rng.random_range(0..=6))
    } else {
        number(rng).to_string()
    }
}

/// A count from 1 to 3 most of the time, 0 otherwise.
pub fn count(rng: &mut Pcg64) -> u32 {
    let least = u32::from(rng.random_bool(0.9));
    rng.random_range(least..=3)
}

/// One of `valid` most of the time, an edge number otherwise.
pub fn mostly(rng: &mut Pcg64, valid: &[&'static str]) -> &'static str {
    if rng.random_bool(0.9) {
        pick(rng, valid)
    } else {
        number(rng)
    }
}

pub fn pick<'a>(rng: &mut Pcg64, options: &[&'a str]) -> &'a str {
    options[rng.random_range(0..options.len())]
}

/// A random evolution block from the grammar of `EvolutionConfig`.
pub fn evolution_block(rng: &mut Pcg64, players: usize) -> String {
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

/// A `horizon` field: a short fixed length or a continuation probability.
pub fn horizon(rng: &mut Pcg64) -> String {
    if rng.random_bool(0.7) {
        format!("horizon: Fixed(turns: {})", rng.random_range(0..=30))
    } else {
        format!(
            "horizon: Continuation(delta: {})",
            mostly(rng, &["0.5", "0.9", "0"])
        )
    }
}

/// A `politics` field: fixed or dynamic politicization.
pub fn politics(rng: &mut Pcg64) -> String {
    if rng.random_bool(0.4) {
        format!("politics: Fixed({})", mostly(rng, &["0", "0.2", "1"]))
    } else {
        format!(
            "politics: Dynamic(initial: {}, dynamics: (visibility: {}, up: {}, down: {}))",
            mostly(rng, &["0", "0.1", "1"]),
            mostly(rng, &["0", "0.5", "1"]),
            mostly(rng, &["0", "0.05", "0.5"]),
            mostly(rng, &["0", "0.1", "1"])
        )
    }
}

/// A random regime tournament file from the grammar of
/// `RawRegimeTournament`, with entrants drawn from `strategies` (the
/// registered regime strategies' names).
pub fn generated_regime(rng: &mut Pcg64, strategies: &[String]) -> String {
    let size = if rng.random_bool(0.9) {
        rng.random_range(2..=6).to_string()
    } else {
        number(rng).to_string()
    };
    let threshold = small_number(rng);
    let policy = match rng.random_range(0..3) {
        0 => format!(
            "PublicGoods(factor: {}, cost: {})",
            mostly(rng, &["1.5", "3.0", "0.5"]),
            mostly(rng, &["1.0", "0.1", "0"])
        ),
        1 => format!(
            "CollectiveRisk(endowment: {}, cost_share: {}, risk: {}, threshold: {threshold})",
            mostly(rng, &["1.0", "2.0"]),
            mostly(rng, &["0.1", "0.5", "1"]),
            mostly(rng, &["0", "0.5", "0.9", "1"])
        ),
        _ => format!(
            "ThresholdPublicGoods(factor: {}, cost: {}, threshold: {threshold})",
            mostly(rng, &["1.5", "3.0", "0.5"]),
            mostly(rng, &["1.0", "0.1", "0"])
        ),
    };
    let players = if rng.random_bool(0.95) {
        rng.random_range(1..=4)
    } else {
        0
    };
    let entrants: Vec<String> = (0..players)
        .map(|_| {
            let name = if rng.random_bool(0.1) {
                "No Such Regime Strategy"
            } else {
                &strategies[rng.random_range(0..strategies.len())]
            };
            let mut entrant = format!("(strategy: (name: \"{name}\"");
            if rng.random_bool(0.2) {
                let key = pick(rng, &["quorum", "tolerance", "lambda", "patience"]);
                entrant.push_str(&format!(", params: {{\"{key}\": {}}}", small_number(rng)));
            }
            entrant.push(')');
            if rng.random_bool(0.3) {
                entrant.push_str(&format!(", w: {}", mostly(rng, &["0", "0.2", "0.8"])));
            }
            if rng.random_bool(0.1) {
                entrant.push_str(&format!(
                    ", visibility: Some({})",
                    mostly(rng, &["0", "0.5", "1"])
                ));
            }
            entrant.push(')');
            entrant
        })
        .collect();
    let mut fields = vec![
        format!(
            "game: (size: {size}, policy: {policy}{})",
            if rng.random_bool(0.3) {
                format!(", theta: {}", mostly(rng, &["0", "1", "4"]))
            } else {
                String::new()
            }
        ),
        format!("entrants: [{}]", entrants.join(", ")),
    ];
    if rng.random_bool(0.7) {
        fields.push(horizon(rng));
    }
    for field in ["action_noise", "perception_noise"] {
        if rng.random_bool(0.3) {
            fields.push(format!("{field}: {}", mostly(rng, &["0", "0.05", "1"])));
        }
    }
    if rng.random_bool(0.2) {
        fields.push(format!(
            "election: Some((term: {}, lead: {}, boost: {}, patience: {}))",
            small_number(rng),
            small_number(rng),
            mostly(rng, &["0", "0.5", "1"]),
            mostly(rng, &["0", "0.5", "1"])
        ));
    }
    if rng.random_bool(0.3) {
        fields.push(politics(rng));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("risk: {}", pick(rng, &["Expected", "Sampled"])));
    }
    if rng.random_bool(0.4) {
        fields.push(format!("repetitions: {}", count(rng)));
    }
    if rng.random_bool(0.2) {
        fields.push(format!("max_compositions: {}", count(rng) * 5));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("seed: {}", rng.random_range(0..1000)));
    }
    format!("Regime(\n    {},\n)\n", fields.join(",\n    "))
}

/// The society rules a generated society file draws from (with one
/// unknown name).
pub const SOCIETY_RULES: [&str; 8] = [
    "Discriminator",
    "ALLC",
    "ALLD",
    "Generalized Reciprocity",
    "Society Ledger",
    "Specific Reciprocity",
    "Leading Eight L3",
    "No Such Rule",
];

/// The norms a generated society file draws from (with one unknown name).
pub const NORMS: [&str; 6] = [
    "stern judging",
    "image scoring",
    "simple standing",
    "shunning",
    "L6",
    "no such norm",
];

/// A random society file from the grammar of `RawSocietyConfig`.
pub fn generated_society(rng: &mut Pcg64) -> String {
    let groups: Vec<String> = (0..rng.random_range(0..=3))
        .map(|_| {
            let count = if rng.random_bool(0.9) {
                rng.random_range(0..=12).to_string()
            } else {
                number(rng).to_string()
            };
            let mut group = format!("(rule: \"{}\", count: {count}", pick(rng, &SOCIETY_RULES));
            if rng.random_bool(0.3) {
                group.push_str(&format!(
                    ", political_weight: {}, politicization: {}",
                    mostly(rng, &["0", "0.5", "1"]),
                    mostly(rng, &["0", "0.2", "1"])
                ));
            }
            if rng.random_bool(0.1) {
                group.push_str(&format!(", norm: Some(\"{}\")", pick(rng, &NORMS)));
            }
            if rng.random_bool(0.1) {
                group.push_str(&format!(
                    ", params: {{\"tolerance\": {}}}",
                    small_number(rng)
                ));
            }
            group.push(')');
            group
        })
        .collect();
    let mut fields = vec![
        format!("name: \"{}\"", pick(rng, &["fuzz", "ünïcode", ""])),
        format!("groups: [{}]", groups.join(", ")),
        format!(
            "steps: {}",
            if rng.random_bool(0.9) {
                rng.random_range(0..=300).to_string()
            } else {
                number(rng).to_string()
            }
        ),
    ];
    if rng.random_bool(0.5) {
        fields.push(format!("norm: \"{}\"", pick(rng, &NORMS)));
    }
    if rng.random_bool(0.4) {
        fields.push(format!(
            "institution: {}",
            pick(rng, &["Public", "Private"])
        ));
    }
    for field in ["q", "e", "mu"] {
        if rng.random_bool(0.4) {
            fields.push(format!(
                "{field}: {}",
                mostly(rng, &["0", "0.02", "0.9", "1"])
            ));
        }
    }
    if rng.random_bool(0.4) {
        fields.push(format!(
            "game: (benefit: {}, cost: {}, levels: (theta: {}, beta: {}))",
            mostly(rng, &["2.0", "1.0", "5"]),
            mostly(rng, &["1.0", "0", "0.5"]),
            mostly(rng, &["0", "4.0", "1000"]),
            mostly(rng, &["0", "0.8", "7.5"])
        ));
    }
    if rng.random_bool(0.3) {
        fields.push(format!(
            "mode: {}",
            pick(rng, &["Donation", "SimultaneousPd"])
        ));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("warmup: {}", rng.random_range(0..=100)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("seed: {}", rng.random_range(0..1000)));
    }
    if rng.random_bool(0.3) {
        fields.push(format!("replicates: {}", count(rng)));
    }
    if rng.random_bool(0.3) {
        let levels = |rng: &mut Pcg64| -> String {
            let values: Vec<&str> = (0..rng.random_range(0..=2))
                .map(|_| mostly(rng, &["0", "0.1", "1"]))
                .collect();
            values.join(", ")
        };
        let q = levels(rng);
        let mu = levels(rng);
        fields.push(format!("sweep: Some((q: [{q}], mu: [{mu}]))"));
    }
    if rng.random_bool(0.2) {
        fields.push(format!(
            "evolution: Some((currency: {}, beta: {}, mutation: {}, generations: {}, steps_per_generation: {}, evolving: {}))",
            pick(rng, &["Policy", "Political", "Utility"]),
            mostly(rng, &["0", "1", "10"]),
            mostly(rng, &["0", "0.01", "1"]),
            small_number(rng),
            small_number(rng),
            pick(rng, &["Rule", "Norm"])
        ));
    }
    if rng.random_bool(0.05) {
        fields.push("output: Some(\"\")".to_string());
    }
    format!("Society(\n    {},\n)\n", fields.join(",\n    "))
}

/// A random tournament file from the grammar of `RawTournament`.
pub fn generated_tournament(rng: &mut Pcg64, presets: &[String]) -> String {
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
        fields.push(horizon(rng));
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
pub fn mutated(rng: &mut Pcg64, text: &str) -> String {
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

/// The number of cases and the seed: `FUZZ_CASES` and `FUZZ_SEED`, or
/// the defaults of an ordinary `cargo test`.
pub fn settings() -> (u64, u64) {
    (
        env_number("FUZZ_CASES").unwrap_or(DEFAULT_CASES),
        env_number("FUZZ_SEED").unwrap_or(DEFAULT_SEED),
    )
}
