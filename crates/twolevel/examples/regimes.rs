//! Multilateral regimes: plays the regime tournaments of
//! `tournaments/climate.ron` and `tournaments/mfn.ron` (or a file given on
//! the command line), prints each strategy's payoffs in the three
//! currencies and the regime's success, then the analytic evolution of
//! conditional cooperation against defection in the climate game's groups
//! (the group achievement as risk rises).
//!
//! ```text
//! cargo run --release --example regimes             # both embedded scenarios
//! cargo run --release --example regimes -- FILE     # one regime tournament file
//! ```

use std::process::ExitCode;

use anyhow::Result;
use twolevel::prelude::*;
use twolevel::tournament::regime::config::{CLIMATE, MFN};

fn report(name: &str, results: &RegimeTournamentResults) {
    println!(
        "== {name}: {} compositions{}",
        results.compositions.len(),
        if results.sampled { " (sampled)" } else { "" }
    );
    println!(
        "{:<26} {:>9} {:>10} {:>9} {:>12}",
        "strategy", "policy", "political", "utility", "cooperation"
    );
    for standing in results.ranking(Currency::Policy) {
        println!(
            "{:<26} {:>9.3} {:>10.3} {:>9.3} {:>12.3}",
            standing.name,
            standing.scores.policy,
            standing.scores.political,
            standing.scores.utility,
            standing.cooperation_rate
        );
    }
    println!(
        "Ranked by policy payoff; policy, political, utility: each strategy's mean payoff per round \
         in that currency (utility is on each state's own scale, not comparable between states \
         with different political weights)."
    );
    println!(
        "regime success (share of rounds with k >= M): {:.3}; welfare per round (the members' \
         summed policy payoff): {:.3}\n",
        results.success_rate, results.welfare
    );
}

fn evolution() -> Result<()> {
    println!("== group achievement eta_G, Z = 100, N = 6, M = 3, beta = 5, mu = 0.01");
    for risk in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let game = GroupGame::new(
            6,
            GroupPolicy::CollectiveRisk {
                endowment: 1.0,
                cost_share: 0.1,
                risk,
                threshold: 3,
            },
        )?;
        let payoffs = GroupPayoffs::from_game(
            &game,
            Politicization::NONE,
            Orientation::POLICY,
            Currency::Policy,
        )?;
        let evolution = GroupEvolution::new(payoffs, 100, 5.0, 0.01, 3)?;
        println!(
            "risk {risk:.2}: eta_G = {:.3}",
            evolution.group_achievement()?
        );
    }
    Ok(())
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(path) = args.first() {
        report(path, &RegimeTournamentFile::from_file(path)?.play());
        return Ok(());
    }
    for (name, text) in [
        ("tournaments/mfn.ron", MFN),
        ("tournaments/climate.ron", CLIMATE),
    ] {
        report(name, &RegimeTournamentFile::load(text, name)?.play());
    }
    evolution()
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
