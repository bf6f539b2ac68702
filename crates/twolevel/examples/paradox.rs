//! The paradox of politicization in play: plays the round robin of
//! `tournaments/paradox.ron` at fixed politicization `pi = 0, 0.05, ..., 1`
//! and prints the simulated cooperation next to the analytic grim-trigger
//! threshold of each political weight in the field, and the discount factor
//! each prudent player has to clear it.
//!
//! ```text
//! cargo run --release --example paradox                     # the embedded tournaments/paradox.ron
//! cargo run --release --example paradox -- FILE --steps 10 --seed 7
//! ```
//!
//! Flags: `--steps N` sets the number of intervals of the grid (default
//! 20); `--seed N` overrides the file's seed. The sweep is written as
//! `sweep.json` into the file's output folder, or the folder given with
//! `--output DIR`; `--no-output` writes nothing.

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::process::ExitCode;

use anyhow::{Result, bail};
use twolevel::prelude::*;
use twolevel::tournament::sweep::{SweepReport, even_levels};

use common::CommonArgs;

/// The grim threshold of a player of weight `w` at `pi`; 1 where no
/// discount factor below 1 sustains cooperation.
fn threshold(game: &TwoLevelGame, w: f64, pi: f64) -> Result<f64> {
    let orientation = Orientation::new(w)?;
    let level = Politicization::new(pi)?;
    Ok(match game.grim_threshold_at(orientation, level) {
        Ok(delta) => delta,
        Err(NoThreshold::Never) => 1.0,
        Err(NoThreshold::Bounded { from, .. }) => from,
    })
}

fn run() -> Result<()> {
    let mut steps = 20;
    let args = CommonArgs::parse(
        "usage: paradox [FILE.ron] [--steps N] [--seed N] [--output DIR] [--no-output]",
        |arg, remaining| {
            if arg == "--steps" {
                steps = remaining.number("--steps")?;
                if steps == 0 || steps > 1000 {
                    bail!("`--steps` expects 1 to 1000, got {steps}");
                }
                return Ok(true);
            }
            Ok(false)
        },
    )?;
    let tournament = args.load_shipped_tournament("paradox")?;
    let base = &tournament.round_robin;
    let game = *base.config().game();
    // The distinct political weights in the field, in ascending order.
    let weights: BTreeSet<u64> = base
        .entrants()
        .iter()
        .map(|e| e.settings.orientation().political_weight().to_bits())
        .collect();
    let weights: Vec<f64> = weights.into_iter().map(f64::from_bits).collect();
    println!(
        "{} ({}): {} players, {} repetitions, seed {}",
        tournament.name,
        tournament.origin.display(),
        base.entrants().len(),
        base.repetitions(),
        base.seed()
    );
    // Players are numbered: their columns below are headed `p1`, `p2`, ...
    // (names cut to a column's width could not be told apart, as
    // `prudent-reciprocator` and `prudent reciprocator (w = 0.2)`).
    for (k, entrant) in base.entrants().iter().enumerate() {
        println!(
            "  p{:<3} {:<32} w = {:.2}, patience {:.2}",
            k + 1,
            entrant.name,
            entrant.settings.orientation().political_weight(),
            entrant.settings.patience()
        );
    }
    let report = SweepReport::run(&tournament.name, base, &even_levels(steps))?;
    let points = &report.points;

    print!("\n{:>5}  {:>15}", "pi", "coop (se)");
    for w in &weights {
        print!("  {:>11}", format!("grim w={w:.2}"));
    }
    for k in 1..=base.entrants().len() {
        print!("  {:>12}", format!("p{k} coop"));
    }
    println!();
    for point in points {
        print!(
            "{:>5.2}  {:>7.4} ({:.4})",
            point.pi, point.cooperation, point.cooperation_standard_error
        );
        for &w in &weights {
            print!("  {:>11.4}", threshold(&game, w, point.pi)?);
        }
        for rate in &point.player_cooperation {
            print!("  {rate:>12.3}");
        }
        println!();
    }
    println!(
        "\ncoop: share of cooperative moves over all matches (se: standard error over repetitions);\n\
         grim: the analytic grim-trigger threshold (T' - R') / (T' - P') of a player of that weight\n\
         (1: no discount factor sustains cooperation); the last columns, p1 coop, p2 coop, ..., are the\n\
         cooperation rates of the players numbered above. A prudent reciprocator cooperates where its discount factor (patience times the\n\
         horizon's continuation probability) clears its own threshold."
    );
    if let Some(folder) = args.output(tournament.output) {
        std::fs::create_dir_all(&folder)?;
        let path = report.write_json(std::path::Path::new(&folder).join("sweep.json"))?;
        println!("\nSweep written to {}.", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
