//! Runs a round-robin tournament from a RON file and prints the ranking.
//!
//! ```text
//! cargo run --release --example tournament                    # the embedded default (tournaments/two-level.ron)
//! cargo run --release --example tournament -- tournaments/axelrod-first.ron
//! cargo run --release --example tournament -- FILE --serial --seed 7
//! cargo run --release --example tournament -- FILE --threads 2 --output out/x
//! ```
//!
//! Flags: `--serial` plays the matches on one thread; `--threads N` sizes
//! the rayon pool; `--seed N` overrides the file's seed; `--output DIR`
//! overrides the file's output folder; `--no-output` writes no files. The
//! results are the same for any thread count. Errors (with file, line and
//! column for syntax errors) are printed and the program exits with a
//! non-zero status.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use twolevel::tournament::Tournament;

/// The command line, parsed.
#[derive(Debug, Default)]
struct Args {
    file: Option<PathBuf>,
    serial: bool,
    threads: Option<usize>,
    seed: Option<u64>,
    output: Option<PathBuf>,
    no_output: bool,
}

fn parse_args() -> Result<Args> {
    let mut args = Args::default();
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| {
            iter.next()
                .with_context(|| format!("`{flag}` needs a value"))
        };
        match arg.as_str() {
            "--serial" => args.serial = true,
            "--threads" => {
                let n = value("--threads")?;
                let n: usize = n
                    .parse()
                    .with_context(|| format!("`--threads` expects a number, got `{n}`"))?;
                if n == 0 {
                    bail!("`--threads` expects at least 1");
                }
                args.threads = Some(n);
            }
            "--seed" => {
                let n = value("--seed")?;
                args.seed = Some(
                    n.parse()
                        .with_context(|| format!("`--seed` expects a number, got `{n}`"))?,
                );
            }
            "--output" => args.output = Some(PathBuf::from(value("--output")?)),
            "--no-output" => args.no_output = true,
            "-h" | "--help" => {
                println!(
                    "usage: tournament [FILE.ron] [--serial] [--threads N] [--seed N] [--output DIR] [--no-output]"
                );
                std::process::exit(0);
            }
            flag if flag.starts_with("--") => bail!("unknown flag `{flag}` (see --help)"),
            file => {
                if args.file.is_some() {
                    bail!("only one tournament file may be given, got a second: `{file}`");
                }
                args.file = Some(PathBuf::from(file));
            }
        }
    }
    Ok(args)
}

fn run() -> Result<()> {
    let args = parse_args()?;
    let mut tournament = match &args.file {
        Some(path) => Tournament::from_file(path)?,
        None => Tournament::embedded_default()?,
    };
    if let Some(seed) = args.seed {
        tournament.round_robin = tournament.round_robin.with_seed(seed);
    }
    tournament.round_robin = tournament.round_robin.with_parallel(!args.serial);

    let rr = &tournament.round_robin;
    println!(
        "{} ({}): {} players, {} matches x {} repetitions, seed {}{}",
        tournament.name,
        tournament.origin.display(),
        rr.entrants().len(),
        rr.pairs().len(),
        rr.repetitions(),
        rr.seed(),
        if args.serial { ", serial" } else { "" },
    );
    if !tournament.description.is_empty() {
        println!("{}", tournament.description);
    }

    let start = Instant::now();
    let results = match args.threads {
        Some(n) => rr
            .play_on_threads(n)
            .context("cannot build the thread pool")?,
        None => rr.play(),
    };
    let elapsed = start.elapsed();
    println!();
    println!("{results}");
    println!("Played in {:.1} ms.", elapsed.as_secs_f64() * 1e3);

    let output = if args.no_output {
        None
    } else {
        args.output.or(tournament.output)
    };
    if let Some(folder) = output {
        let written = results.write_to(&folder)?;
        println!("Results written to {}:", folder.display());
        for path in written {
            println!("  {}", path.display());
        }
    }
    if tournament.evolution.is_some() {
        println!(
            "This file also has an `evolution` block: `cargo run --release --example evolution -- {}` runs it.",
            tournament.origin.display()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Print the chain of causes, skipping a cause whose text the
            // message before it already includes.
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
