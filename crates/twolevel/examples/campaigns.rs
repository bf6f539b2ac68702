//! Campaign-season defections: plays `tournaments/election-cycle.ron` (or
//! another file with an election cycle) and prints each player's
//! cooperation rate in campaign rounds and in the other rounds.
//!
//! ```text
//! cargo run --release --example campaigns
//! cargo run --release --example campaigns -- FILE --seed 7
//! ```

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use anyhow::{Context, Result};
use twolevel::tournament::campaigns::campaign_cooperation;
use twolevel::tournament::report::table_name;

use common::CommonArgs;

fn run() -> Result<()> {
    let args = CommonArgs::parse("usage: campaigns [FILE.ron] [--seed N]", |_, _| Ok(false))?;
    let tournament = args.load_shipped_tournament("election-cycle")?;
    let base = &tournament.round_robin;
    let cycle = *base
        .config()
        .election()
        .context("the tournament has no election cycle (add `election: Some((term: .., lead: .., boost: ..))`)")?;
    println!(
        "{} ({}): elections every {} rounds, campaigns in the last {} (weight boost {}, patience x {}), {} repetitions, seed {}\n",
        tournament.name,
        tournament.origin.display(),
        cycle.term(),
        cycle.lead(),
        cycle.boost(),
        cycle.patience(),
        base.repetitions(),
        base.seed()
    );
    let rates = campaign_cooperation(base)?.context("no election cycle")?;
    let width = rates
        .iter()
        .map(|r| table_name(&r.name).chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    println!(
        "{:<width$}  {:>8}  {:>8}  {:>8}",
        "player", "calm", "campaign", "change"
    );
    for rate in &rates {
        println!(
            "{:<width$}  {:>8.3}  {:>8.3}  {:>+8.3}",
            table_name(&rate.name),
            rate.calm,
            rate.campaign,
            rate.campaign - rate.calm
        );
    }
    println!(
        "\nCooperation rates: the share of each player's moves that were cooperations, over all its matches."
    );
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
