//! Plays a tournament's round robin, then runs its evolutionary process on
//! the payoffs and prints the outcome.
//!
//! ```text
//! cargo run --release --example evolution                      # the embedded tournaments/evolution.ron
//! cargo run --release --example evolution -- tournaments/evolution-ecological.ron
//! cargo run --release --example evolution -- FILE --seed 7 --output out.csv
//! ```
//!
//! The tournament file must carry an `evolution` block (see
//! `docs/evolution.md`). Flags: `--seed N` overrides the seed of the round
//! robin and of the runs; `--output FILE` overrides the block's CSV path;
//! `--no-output` writes no file. The trajectory CSV has one column per
//! player: counts per recorded step for the Moran and pairwise-comparison
//! processes (one block of rows per run), shares per generation or time for
//! the ecological and replicator dynamics, and a last column `fitness`
//! naming the currency selection acted on (the block's `fitness`: `Policy`
//! by default, `Political` or `Utility`).

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use twolevel::tournament::evolution::{
    EvolutionOutcome, FixationSummary, TournamentEvolution, evolve_tournament, write_csv,
};

use common::CommonArgs;
use twolevel::tournament::output::write_atomically;
use twolevel::tournament::report::table_name;

/// Parses the command line; this example has no flags of its own.
fn parse_args() -> Result<CommonArgs> {
    CommonArgs::parse(
        "usage: evolution [FILE.ron] [--seed N] [--output FILE.csv] [--no-output]",
        |_, _| Ok(false),
    )
}

/// Prints the payoff table, in the fitness currency, with player names.
fn print_table(evolution: &TournamentEvolution) {
    println!(
        "Mean {} per turn (row against column; the fitness currency), mean match length {:.2} rounds:",
        evolution.fitness, evolution.mean_match_length
    );
    let width = evolution
        .names
        .iter()
        .map(|name| table_name(name).chars().count())
        .max()
        .unwrap_or(0);
    print!("{:width$}", "");
    for name in &evolution.names {
        print!(" {:>12}", table_name(name));
    }
    println!();
    for (i, name) in evolution.names.iter().enumerate() {
        print!("{:width$}", table_name(name));
        for value in evolution.table.row(i) {
            print!(" {value:>12.4}");
        }
        println!();
    }
}

/// Prints the analytic fixation probabilities and stationary distribution.
fn print_analytic(evolution: &TournamentEvolution, population: u32) {
    let (Some(fixation), Some(stationary)) = (&evolution.fixation, &evolution.stationary) else {
        return;
    };
    println!();
    println!(
        "Analytic fixation probability of one mutant (row) among {} residents (column), \
         in units of the neutral 1/N:",
        population - 1
    );
    let width = evolution
        .names
        .iter()
        .map(|name| table_name(name).chars().count())
        .max()
        .unwrap_or(0);
    for (invader, name) in evolution.names.iter().enumerate() {
        print!("{:width$}", table_name(name));
        for resident in 0..evolution.names.len() {
            if invader == resident {
                print!(" {:>12}", "-");
            } else {
                let rho = fixation.get(invader, resident);
                let relative = rho.value * f64::from(population);
                if rho.value > 0.0 && relative >= 1e-3 {
                    print!(" {relative:>12.4}");
                } else {
                    print!(
                        " {:>12}",
                        format!("e^{:.1}", rho.ln + f64::from(population).ln())
                    );
                }
            }
        }
        println!();
    }
    println!("Stationary distribution for rare mutations (Fudenberg & Imhof 2006):");
    for (name, share) in evolution.names.iter().zip(stationary) {
        println!("  {:width$} {share:.6}", table_name(name));
    }
}

fn run() -> Result<()> {
    let args = parse_args()?;
    let tournament = args.load_shipped_tournament("evolution")?;
    // The command-line seed has replaced the block's own seed too
    // (`AnyFile::with_seed`).
    let Some(config) = tournament.evolution.clone() else {
        bail!(
            "{} has no `evolution` block: add `evolution: Some((process: Moran))` (see docs/evolution.md)",
            tournament.origin.display()
        );
    };
    println!(
        "{} ({}): {} players, process {:?}, selection on {}, population {}, {} run(s), seed {}",
        tournament.name,
        tournament.origin.display(),
        tournament.round_robin.entrants().len(),
        config.process(),
        config.fitness(),
        config.population(),
        config.runs(),
        config.seed().unwrap_or(tournament.round_robin.seed()),
    );
    if !tournament.description.is_empty() {
        println!("{}", tournament.description);
    }
    println!();

    let start = Instant::now();
    let evolution = evolve_tournament(&tournament.round_robin, &config)?;
    let elapsed = start.elapsed();
    print_table(&evolution);
    println!();
    match &evolution.outcome {
        EvolutionOutcome::Shares(trajectory) => {
            println!(
                "Shares at time {} (from the initial shares):",
                trajectory.times.last().copied().unwrap_or(0.0)
            );
            let mut order: Vec<usize> = (0..evolution.names.len()).collect();
            order.sort_by(|&a, &b| trajectory.last()[b].total_cmp(&trajectory.last()[a]));
            for i in order {
                println!(
                    "  {:20} {:.6} (from {:.4})",
                    evolution.names[i],
                    trajectory.last()[i],
                    trajectory.shares[0][i]
                );
            }
        }
        EvolutionOutcome::Runs(runs) => {
            let summary = FixationSummary::new(runs, evolution.names.len());
            println!("Fixations over {} run(s):", summary.runs);
            for (name, (wins, frequency)) in evolution
                .names
                .iter()
                .zip(summary.wins.iter().zip(summary.frequencies()))
            {
                println!("  {:20} {wins:>6} ({frequency:.3})", table_name(name));
            }
            if summary.unfixed > 0 {
                println!("  not fixed            {:>6}", summary.unfixed);
            }
            if let Some(mean) = summary.mean_generations {
                println!(
                    "Mean fixation time: {mean:.1} generations of {} steps.",
                    config.population()
                );
            }
            if let Some(first) = runs.first() {
                match first.fixation {
                    Some(f) => println!(
                        "Run 0: {} took over after {} steps ({:.1} generations).",
                        evolution.names[f.winner],
                        f.step,
                        f.step as f64 / f64::from(config.population())
                    ),
                    None => println!(
                        "Run 0: no fixation after {} steps; final counts {:?}.",
                        first.steps_taken, first.final_counts
                    ),
                }
            }
        }
    }
    print_analytic(&evolution, config.population());
    println!();
    println!("Computed in {:.1} ms.", elapsed.as_secs_f64() * 1e3);

    let output = args.output(config.output().map(str::to_owned));
    if let Some(path) = output {
        write_atomically(std::path::Path::new(&path), |w| {
            write_csv(&evolution.outcome, &evolution.names, evolution.fitness, w)
                .map_err(std::io::Error::other)
        })?;
        println!("Trajectory written to {path}.");
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
