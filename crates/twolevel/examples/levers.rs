//! Runs the seed article's six levers (`docs/guide.md` section 6) on a tournament
//! and prints what each one does to cooperation and to the policy payoff.
//!
//! ```text
//! cargo run --release --example levers                                # the embedded default (tournaments/two-level.ron)
//! cargo run --release --example levers -- tournaments/evolution.ron   # another base tournament
//! cargo run --release --example levers -- FILE --seed 7 --no-output
//! ```
//!
//! Each lever is played at a low and a high setting with the same seed
//! (see `twolevel_tournament::levers` for what each lever changes). The
//! table is printed first; then the report is written as `levers.json`
//! into the tournament's output folder (or the folder given with
//! `--output DIR`; `--no-output` writes nothing). `--seed N` overrides the
//! file's seed.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use anyhow::{Context, Result};
use twolevel::tournament::config::{DEFAULT_ORIGIN, DEFAULT_TOURNAMENT};
use twolevel::tournament::levers::LeverReport;

use common::CommonArgs;

fn run() -> Result<()> {
    let args = CommonArgs::parse(
        "usage: levers [FILE.ron] [--seed N] [--output DIR] [--no-output]",
        |_, _| Ok(false),
    )?;
    let tournament = args.load_tournament(DEFAULT_TOURNAMENT, DEFAULT_ORIGIN)?;
    let rr = &tournament.round_robin;
    // The same headline as `twolevel levers`.
    println!(
        "{}; 12 runs (six levers, low and high)",
        tournament.headline()
    );
    let report = LeverReport::run(&tournament.name, rr)
        .context("a lever setting is invalid for this tournament")?;
    println!();
    println!("{report}");

    if let Some(folder) = args.output(tournament.output) {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create `{}`", folder.display()))?;
        let path = report.write_json(folder.join("levers.json"))?;
        println!("Report written to {}.", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
