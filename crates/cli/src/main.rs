//! `twolevel`: the command-line program of the twolevel library.
//!
//! ```text
//! twolevel run tournaments/axelrod-first.ron      # round robin (then evolution if the file has it)
//! twolevel run                                    # the embedded default (tournaments/two-level.ron)
//! twolevel strategies --stochastic false --memory 1
//! twolevel sweep tournaments/sweep-theta.ron --output out/theta
//! twolevel sweep tournaments/sweep-theta.ron --output out/s1 --shard 1/4
//! twolevel merge out/s1 out/s2 out/s3 out/s4 --output out/theta
//! twolevel plot out/theta
//! ```
//!
//! Every subcommand has `--help`. Results are written atomically: an
//! interrupted run leaves the previous output whole.
//!
//! Modules:
//!
//! - `commands`: the subcommands `run` (by the file's kind), `levers`,
//!   `payoffs` and `strategies`;
//! - `sweep`: `sweep` and `merge` over the library's sweep engine;
//! - `plot`: the SVG (and PNG) plots of results;
//! - `plot_labels`: the words, units and currencies of the plots' axes;
//! - `plot_models`: the plots of the model's own results (thresholds,
//!   regimes, societies);
//! - `plot_png`: the PNG images of the plots;
//! - `plot_arena`: the plots of a round robin with domestic arenas;
//! - `plot_negotiation`: the plots of a sweep over a negotiation file;
//! - `progress`: progress bars on standard error, moved by the library's
//!   `Progress` hook.

mod commands;
mod plot;
mod plot_arena;
mod plot_fixation;
mod plot_graph;
mod plot_labels;
mod plot_models;
mod plot_negotiation;
mod plot_png;
mod progress;
mod reproduce;
mod sweep;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Axelrod-style tournaments where each state's payoff blends domestic
/// politics and international policy.
#[derive(Debug, Parser)]
#[command(name = "twolevel", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// The options every subcommand takes.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Replace the file's master seed.
    #[arg(long, global = true, value_name = "N", value_parser = parse_seed, allow_negative_numbers = true)]
    pub seed: Option<u64>,
    /// Play on this many threads, from 1 to 1024 (results are the same for
    /// any number).
    #[arg(long, global = true, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// Write the results into this folder (replacing the file's `output`).
    #[arg(long, short, global = true, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Print no progress bars and no tables, only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// Reads `--seed`: a whole number from 0 to `u64::MAX`, refused otherwise
/// with the range, as a file's `seed` is
/// ([`WholeRange::SEED`](twolevel_game::error::WholeRange::SEED)).
fn parse_seed(text: &str) -> Result<u64, String> {
    let seed = twolevel_game::error::WholeRange::SEED;
    let reason = |e: twolevel_game::ParameterError| e.reason;
    match text.trim().parse::<i128>() {
        Ok(value) => seed.check(value).map_err(reason),
        Err(_) => Err(reason(seed.error(&format!("`{text}`")))),
    }
}

/// Reads `--threads`: a whole number accepted by
/// [`check_threads`](twolevel_tournament::limits::check_threads).
fn parse_threads(text: &str) -> Result<usize, String> {
    let threads: usize = text
        .trim()
        .parse()
        .map_err(|_| format!("expected a whole number of threads, got `{text}`"))?;
    twolevel_tournament::limits::check_threads(threads).map_err(|e| e.reason)
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Run a tournament file: a round robin (then its `evolution` block, if
    /// any), a regime tournament, a society or a parameter sweep, by the
    /// file's kind.
    Run(commands::RunArgs),
    /// Pull the seed article's six levers on a tournament, one at a time.
    Levers(commands::LeversArgs),
    /// Print a game's blended payoff matrices and cooperation thresholds.
    Payoffs(commands::PayoffsArgs),
    /// List the strategies of the registry with their classifiers.
    Strategies(commands::StrategiesArgs),
    /// Run a parameter sweep file (or one shard of it).
    Sweep(sweep::SweepArgs),
    /// Join the outputs of a sweep's shards into one.
    Merge(sweep::MergeArgs),
    /// Draw the plots of an output folder again.
    Plot(plot::PlotArgs),
    /// Run a reproduction of a classic paper (`--list` names them).
    Reproduce(reproduce::ReproduceArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => commands::run(&cli.global, &args),
        Command::Levers(args) => commands::levers(&cli.global, &args),
        Command::Payoffs(args) => commands::payoffs(&cli.global, &args),
        Command::Strategies(args) => commands::strategies(&cli.global, &args),
        Command::Sweep(args) => sweep::sweep(&cli.global, &args),
        Command::Merge(args) => sweep::merge(&cli.global, &args),
        Command::Plot(args) => {
            commands::refuse_global(&cli.global, "plot", &["--seed", "--threads", "--output"])
                .and_then(|()| plot::replot(&args))
        }
        Command::Reproduce(args) => reproduce::reproduce(&cli.global, &args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // The chain of causes, skipping a cause whose text the message
            // already includes.
            let mut message = error.to_string();
            for cause in error.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
