//! Measures how the time of a round robin grows with the number of
//! players, the number of turns, the repetitions and the threads, and
//! prints a Markdown table (the one in `benches/README.md`).
//!
//! ```text
//! scaling [RUNS]
//! ```
//!
//! The players are the 15 entries of Axelrod's first tournament
//! (`tournaments/axelrod-first.ron`, classic game, length known), cycled to
//! the number of players wanted; seven of the fifteen draw random numbers,
//! so their matches are played in every repetition, while the other pairs
//! are played once per length. Each configuration is timed `RUNS` times
//! (default 3; once when it plays more than 20 million turns) and the best
//! time is kept.

use std::hint::black_box;
use std::time::Instant;

use twolevel::game::Horizon;
use twolevel::tournament::{Entrant, MatchConfig, RoundRobin, Tournament};

/// One measured configuration.
struct Case {
    dimension: &'static str,
    players: usize,
    turns: u32,
    repetitions: u32,
    threads: usize,
}

fn tournament(base: &RoundRobin, case: &Case) -> RoundRobin {
    let first = base.entrants();
    let entrants: Vec<Entrant> = (0..case.players)
        .map(|k| {
            let mut entrant = first[k % first.len()].clone();
            entrant.name = format!("{} #{k}", entrant.name);
            entrant
        })
        .collect();
    let horizon = Horizon::fixed(case.turns).expect("at least one turn");
    let config = MatchConfig::new(*base.config().game(), horizon)
        .expect("the file's game is valid")
        .with_length_known(true);
    base.clone()
        .with_config(config)
        .with_entrants(entrants)
        .and_then(|t| t.with_repetitions(case.repetitions))
        .expect("a valid tournament")
        .with_parallel(case.threads > 1)
}

fn main() {
    let runs: u32 = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .filter(|&r| r > 0)
        .unwrap_or(3);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tournaments/axelrod-first.ron"
    );
    let base = Tournament::from_file(path)
        .expect("the first tournament's file loads")
        .round_robin;
    let case = |dimension, players, turns, repetitions, threads| Case {
        dimension,
        players,
        turns,
        repetitions,
        threads,
    };
    let cases = [
        case("players", 10, 200, 1, 1),
        case("players", 30, 200, 1, 1),
        case("players", 100, 200, 1, 1),
        case("players", 300, 200, 1, 1),
        case("players", 1000, 200, 1, 1),
        case("turns", 15, 200, 1, 1),
        case("turns", 15, 2_000, 1, 1),
        case("turns", 15, 20_000, 1, 1),
        case("repetitions", 15, 200, 1, 1),
        case("repetitions", 15, 200, 10, 1),
        case("repetitions", 15, 200, 100, 1),
        case("threads", 100, 200, 5, 1),
        case("threads", 100, 200, 5, 2),
    ];
    println!(
        "| varied | players | turns | repetitions | threads | matches | turns | best time | ns per turn |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for case in &cases {
        let round_robin = tournament(&base, case);
        let pairs = round_robin.pairs().len() as u64;
        let planned = pairs * u64::from(case.repetitions) * u64::from(case.turns);
        let runs = if planned > 20_000_000 { 1 } else { runs };
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let start = Instant::now();
            let results = if case.threads > 1 {
                round_robin
                    .play_on_threads(case.threads)
                    .expect("a thread pool")
            } else {
                round_robin.play()
            };
            black_box(results);
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {:.3} ms | {:.2} |",
            case.dimension,
            case.players,
            case.turns,
            case.repetitions,
            case.threads,
            pairs * u64::from(case.repetitions),
            planned,
            best * 1e3,
            best * 1e9 / planned as f64
        );
    }
}
