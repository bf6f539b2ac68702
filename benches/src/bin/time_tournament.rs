//! Times the round robin of a tournament file on one thread and prints the
//! best wall time of several runs, for `benches/axelrod_round_robin.py`,
//! which compares it with the Python `axelrod` library in the same run.
//!
//! ```text
//! time_tournament FILE [RUNS]
//! ```
//!
//! Prints one line, `best_ms=<ms> matches=<n> turns=<n>`: the best of
//! `RUNS` (default 20) timed plays of the whole round robin, serial
//! (`with_parallel(false)`), results included, no output written.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use twolevel::tournament::Tournament;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: time_tournament FILE [RUNS]");
        return ExitCode::FAILURE;
    };
    let runs = match args.get(2).map(|r| r.parse::<u32>()) {
        None => 20,
        Some(Ok(runs)) if runs > 0 => runs,
        Some(_) => {
            eprintln!("RUNS must be a whole number of at least 1");
            return ExitCode::FAILURE;
        }
    };
    let tournament = match Tournament::from_file(path) {
        Ok(tournament) => tournament,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let round_robin = tournament.round_robin.with_parallel(false);
    let mut best = f64::INFINITY;
    let mut played = None;
    for _ in 0..runs {
        let start = Instant::now();
        let results = black_box(round_robin.play());
        best = best.min(start.elapsed().as_secs_f64());
        played = Some(results);
    }
    if let Some(results) = played {
        // The results keep no match records: the turns come from the mean
        // length (exact for the integer totals it was computed from).
        let matches = round_robin.match_count();
        let turns = (results.mean_match_length * matches as f64).round();
        println!("best_ms={:.4} matches={matches} turns={turns}", best * 1e3);
    }
    ExitCode::SUCCESS
}
