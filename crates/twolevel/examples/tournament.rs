//! Runs a tournament file from `tournaments/` and prints its results: a
//! round robin's ranking, or a regime tournament's standings, a society's
//! sweep or a parameter sweep's summary; every kind is loaded as a
//! [`twolevel::AnyFile`], reading the file once.
//!
//! ```text
//! cargo run --release --example tournament                    # the embedded default (tournaments/two-level.ron)
//! cargo run --release --example tournament -- tournaments/axelrod-first.ron
//! cargo run --release --example tournament -- tournaments/climate.ron   # a regime tournament
//! cargo run --release --example tournament -- tournaments/sweep-theta.ron   # a parameter sweep
//! cargo run --release --example tournament -- FILE --serial --seed 7
//! cargo run --release --example tournament -- FILE --threads 2 --output out/x
//! ```
//!
//! Flags: `--serial` plays the matches on one thread; `--threads N` sizes
//! the rayon pool; `--seed N` overrides the file's seed; `--output DIR`
//! overrides the file's output folder; `--no-output` writes no files. The
//! results are the same for any thread count. A regime, society or sweep
//! file is only printed (`twolevel run FILE --output DIR` writes its files;
//! a sweep runs in memory here, its cells one after another). Errors (with
//! file, line and column for syntax errors) are printed and the program
//! exits with a non-zero status.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use twolevel::AnyFile;
use twolevel::files::read_text_file;
use twolevel::tournament::config::{DEFAULT_ORIGIN, DEFAULT_TOURNAMENT, FileKind, PresetCatalog};

use common::CommonArgs;

/// The command line, parsed: the shared arguments and this example's own
/// thread flags.
#[derive(Debug)]
struct Args {
    common: CommonArgs,
    serial: bool,
    threads: Option<usize>,
}

fn parse_args() -> Result<Args> {
    let mut serial = false;
    let mut threads = None;
    let common = CommonArgs::parse(
        "usage: tournament [FILE.ron] [--serial] [--threads N] [--seed N] [--output DIR] [--no-output]",
        |arg, remaining| {
            match arg {
                "--serial" => serial = true,
                "--threads" => {
                    let n: usize = remaining.number("--threads")?;
                    if n == 0 {
                        bail!("`--threads` expects at least 1");
                    }
                    threads = Some(n);
                }
                _ => return Ok(false),
            }
            Ok(true)
        },
    )?;
    Ok(Args {
        common,
        serial,
        threads,
    })
}

/// Runs a regime, society or sweep file loaded as an [`AnyFile`] and prints
/// what it gave.
fn run_other_kind(args: &Args, path: &std::path::Path, text: &str, kind: FileKind) -> Result<()> {
    if args.common.output.is_some() || args.serial || args.threads.is_some() {
        bail!(
            "`--output`, `--serial` and `--threads` apply to round robins; \
             `twolevel run {} --output DIR` runs and writes this {kind:?} file",
            path.display()
        );
    }
    let start = Instant::now();
    let file = AnyFile::from_ron(text, path)?.with_seed_option(args.common.seed);
    let results = file.play()?;
    println!("{} ({kind:?} file):\n{results}", path.display());
    println!("Played in {:.1} ms.", start.elapsed().as_secs_f64() * 1e3);
    Ok(())
}

fn run() -> Result<()> {
    let args = parse_args()?;
    // The file is read once; its kind says how it runs.
    let file = match &args.common.file {
        Some(path) => {
            let text = read_text_file(path)?;
            let kind = FileKind::of(&text);
            if kind != FileKind::RoundRobin {
                return run_other_kind(&args, path, &text, kind);
            }
            AnyFile::from_ron(&text, path)?
        }
        None => AnyFile::from_ron_as(
            DEFAULT_TOURNAMENT,
            DEFAULT_ORIGIN,
            FileKind::RoundRobin,
            Some(&PresetCatalog::builtin()?),
        )?,
    };
    let mut tournament = file
        .with_seed_option(args.common.seed)
        .into_tournament()
        .context("a round-robin file")?;
    tournament.round_robin = tournament.round_robin.with_parallel(!args.serial);

    let rr = &tournament.round_robin;
    println!(
        "{}{}",
        tournament.headline(),
        if args.serial { ", serial" } else { "" },
    );
    if !tournament.description.is_empty() {
        println!("{}", tournament.description);
    }

    let start = Instant::now();
    // A spread (a spatial tournament in epochs) shows its last epoch, as
    // `twolevel run` does.
    let results = match (args.threads, &tournament.spread) {
        (_, Some(_)) => {
            tournament
                .play_with_progress(&twolevel::tournament::progress::NoProgress)?
                .0
        }
        (Some(n), None) => rr
            .play_on_threads(n)
            .context("cannot build the thread pool")?,
        (None, None) => rr.play(),
    };
    let elapsed = start.elapsed();
    println!();
    println!("{results}");
    println!("Played in {:.1} ms.", elapsed.as_secs_f64() * 1e3);

    let output = args.common.output(tournament.output);
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
    common::exit_with(run())
}
