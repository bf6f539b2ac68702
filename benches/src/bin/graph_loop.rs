//! Makes many updates of evolution on the graph benches' lattice, for
//! counting instructions per update with a tool such as callgrind.
//!
//! ```text
//! graph_loop RULE UPDATES [REPEATS]
//! ```
//!
//! `RULE` is `death_birth`, `birth_death` or `imitation`; the setting is
//! [`lattice_bench`]'s (100 x 100 von Neumann lattice, donation game b = 3,
//! c = 1, `Linear(0.1)`, accumulated payoffs), from its half-and-half
//! random start, with the RNG of the criterion bench (`Pcg64Mcg` seeded
//! with 1, the start drawn first). Running it with two numbers of updates
//! and dividing the difference in instructions by the difference in
//! updates gives the cost of an update without the set-up; with `REPEATS`
//! (1 by default) the population is set back to the start and run
//! `UPDATES` updates that many times, as each iteration of the criterion
//! bench does, for timing the CPU seconds of many iterations;
//! `benches/README.md` shows the commands. It prints the final counts, a
//! hash of the states and the sum of the payoffs, so that two builds can
//! be checked to give bit-identical runs.

use std::process::ExitCode;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::tournament::evolution::graph::{GraphPopulation, UpdateRule};
use twolevel_benches::lattice_bench;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let rule = match args.get(1).map(String::as_str) {
        Some("death_birth") => Some(UpdateRule::DeathBirth),
        Some("birth_death") => Some(UpdateRule::BirthDeath),
        Some("imitation") => Some(UpdateRule::Imitation),
        _ => None,
    };
    let (Some(rule), Some(updates)) = (rule, args.get(2).and_then(|n| n.parse::<u64>().ok()))
    else {
        eprintln!("usage: graph_loop (death_birth|birth_death|imitation) UPDATES [REPEATS]");
        return ExitCode::FAILURE;
    };
    let Some(repeats) = args.get(3).map_or(Some(1), |n| n.parse::<u64>().ok()) else {
        eprintln!("REPEATS must be a whole number");
        return ExitCode::FAILURE;
    };
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let (graph, table, dynamics, start) = lattice_bench(rule, &mut rng);
    let Ok(mut population) = GraphPopulation::new(&graph, &table, dynamics) else {
        eprintln!("the bench's setting was refused");
        return ExitCode::FAILURE;
    };
    for _ in 0..repeats {
        if population.set_states(&start).is_err() {
            eprintln!("the bench's start was refused");
            return ExitCode::FAILURE;
        }
        population.run(updates, &mut rng);
    }
    // FNV-1a over the states, and the payoffs' sum with its bits.
    let hash = population
        .states()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &s| {
            (h ^ u64::from(s)).wrapping_mul(0x0100_0000_01b3)
        });
    let payoff_sum: f64 = population.payoffs().iter().sum();
    println!(
        "{updates} updates, counts {:?}, states hash {hash:016x}, payoff sum {payoff_sum} ({:016x})",
        population.counts(),
        payoff_sum.to_bits()
    );
    ExitCode::SUCCESS
}
