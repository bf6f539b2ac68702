//! Multilateral regimes (MODEL.md section 10):
//!
//! 1. plays the regime tournaments of `tournaments/mfn.ron` and
//!    `tournaments/climate.ron` (or a file given on the command line) and
//!    prints each strategy's payoffs in the three currencies and the
//!    regime's success;
//! 2. counts how many MFN free-riders the trade regime of `mfn.ron`
//!    tolerates before it unravels, with and without politicization;
//! 3. sweeps the climate game's risk r: group achievement and cooperation
//!    in the stationary distribution (analytic) beside an event-by-event
//!    simulation of the same evolutionary process;
//! 4. lets regime ledgers and MFN free-riders evolve through the payoff
//!    table of their iterated regime.
//!
//! ```text
//! cargo run --release --example regimes                      # everything
//! cargo run --release --example regimes -- FILE              # one regime tournament file
//! cargo run --release --example regimes -- --output DIR      # also write CSV and JSON
//! ```
//!
//! With `--output DIR` each tournament's standings, compositions (CSV) and
//! full results (JSON) are written to `DIR/<name>_standings.csv`,
//! `DIR/<name>_compositions.csv` and `DIR/<name>.json`.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::SeedableRng;
use twolevel::AnyFile;
use twolevel::files::parse_ron;
use twolevel::prelude::*;
use twolevel::strategies::regime::registry::build_regime;
use twolevel::strategies::registry::StrategySpec;
use twolevel::tournament::config::FileKind;
use twolevel::tournament::regime::config::{CLIMATE, MFN};
use twolevel::tournament::regime::{RegimeBuffers, play_regime};

/// Prints the results table and, with an output folder, writes the files.
fn report(name: &str, results: &RegimeTournamentResults, output: Option<&Path>) -> Result<()> {
    println!("== {name}\n{results}\n");
    if let Some(folder) = output {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create `{}`", folder.display()))?;
        let stem = Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("regime");
        let create = |file: String| -> Result<BufWriter<std::fs::File>> {
            let path = folder.join(file);
            let handle = std::fs::File::create(&path)
                .with_context(|| format!("cannot write `{}`", path.display()))?;
            println!("wrote {}", path.display());
            Ok(BufWriter::new(handle))
        };
        results.write_standings_csv(&mut create(format!("{stem}_standings.csv"))?)?;
        results.write_compositions_csv(&mut create(format!("{stem}_compositions.csv"))?)?;
        results.write_json(&mut create(format!("{stem}.json"))?)?;
    }
    Ok(())
}

/// One regime strategy by registry name and parameters.
fn member(spec: &StrategySpec) -> Result<RegimeMember> {
    Ok(RegimeMember::new(build_regime(spec)?))
}

/// How many MFN free-riders the trade regime of `mfn.ron` tolerates.
///
/// A group of the file's size N holds two moderate nationalists (who join
/// a cooperating majority while their politicization stays below 0.3),
/// `n` MFN free-riders and regime ledgers in the other seats. The regime's
/// members are every state but the free-riders; it has unravelled when
/// their cooperation rate (the share of rounds they contributed) falls
/// below one half. Without politicization pi stays 0; with it, every
/// visible defection raises each member's pi (visibility 1, up 0.05, down
/// 0.1 per round).
fn tolerance_sweep() -> Result<()> {
    let file: RegimeTournamentFile = parse_ron(MFN, "tournaments/mfn.ron")?;
    let size = file.game.size() as usize;
    let dynamic = Politics::Dynamic {
        initial: Politicization::NONE,
        dynamics: PoliticizationDynamics::new(1.0, 0.05, 0.1)?,
    };
    let cases = [
        (
            "without politicization (pi fixed at 0)",
            Politics::Fixed(Politicization::NONE),
        ),
        (
            "with politicization (dynamic pi: visibility 1, up 0.05, down 0.1)",
            dynamic,
        ),
    ];
    let ledger = StrategySpec::new("Regime Reciprocity")
        .with("tolerance", 2.0)
        .with("lambda", 0.9);
    let moderate = StrategySpec::new("Regime Nationalist").with("reciprocate_below", 0.3);
    let free_rider = StrategySpec::new("MFN Free Rider");
    println!(
        "== How many MFN free-riders the regime of tournaments/mfn.ron tolerates \
         (N = {size}: 2 moderate nationalists, n free-riders, regime ledgers in the other seats, \
         {} rounds)",
        match file.horizon.kind() {
            HorizonKind::Fixed { turns } => turns.to_string(),
            HorizonKind::Continuation { delta } => format!("continuation delta {delta}"),
        }
    );
    for (label, politics) in cases {
        let config = RegimeConfig::new(file.game, file.horizon).with_politics(politics);
        println!("-- {label}");
        println!(
            "{:>3}  {:>19}  {:>20}  {:>22}  {:>12}",
            "n", "members' coop rate", "free-riders' policy", "members' policy", "mean pi"
        );
        let mut tolerated = None;
        let mut unravelled = false;
        for riders in 0..=size - 2 {
            let mut members = vec![member(&moderate)?, member(&moderate)?];
            for seat in 2..size {
                let spec = if seat < 2 + riders {
                    &free_rider
                } else {
                    &ledger
                };
                members.push(member(spec)?);
            }
            let mut rng = Pcg64Mcg::seed_from_u64(file.seed);
            let result = play_regime(&config, &mut members, &mut rng, &mut RegimeBuffers::new())?;
            let turns = f64::from(result.turns);
            let mean_over = |seats: std::ops::Range<usize>, value: &dyn Fn(usize) -> f64| {
                let count = seats.len() as f64;
                seats.map(value).sum::<f64>() / count
            };
            let cooperation = |seat: usize| f64::from(result.members[seat].cooperations) / turns;
            let policy = |seat: usize| result.members[seat].policy / turns;
            let regime_seats = (0..2).chain(2 + riders..size);
            let member_count = regime_seats.clone().count() as f64;
            let members_cooperation =
                regime_seats.clone().map(cooperation).sum::<f64>() / member_count;
            let members_policy = regime_seats.map(policy).sum::<f64>() / member_count;
            let riders_policy = if riders == 0 {
                "-".to_owned()
            } else {
                format!("{:.3}", mean_over(2..2 + riders, &policy))
            };
            println!(
                "{riders:>3}  {members_cooperation:>19.3}  {riders_policy:>20}  {members_policy:>22.3}  {:>12.3}",
                result.mean_politicization
            );
            // The count runs until the first group that unravels.
            if members_cooperation < 0.5 {
                unravelled = true;
            } else if !unravelled {
                tolerated = Some(riders);
            }
        }
        match (tolerated, unravelled) {
            (Some(count), true) => println!(
                "The regime tolerates {count} free-rider(s): with {} its members' cooperation \
                 rate falls below 0.5.",
                count + 1
            ),
            (Some(count), false) => println!(
                "The regime tolerates at least {count} free-rider(s): no group of the sweep \
                 unravelled (a lower bound; the other 2 seats are the nationalists)."
            ),
            (None, _) => println!("The regime unravels even without free-riders."),
        }
    }
    println!(
        "Policy: policy payoff per round and state (absolute gains, comparable between states); \
         coop rate: share of rounds in which a state contributed; mean pi: politicization \
         averaged over rounds and states.\n"
    );
    Ok(())
}

/// The climate game's risk sweep: group achievement and cooperation in the
/// stationary distribution beside a simulation.
fn risk_sweep() -> Result<()> {
    let (population, size, threshold, beta, mutation) = (100, 6, 3, 5.0, 0.01);
    let steps = 2_000_000;
    println!(
        "== Group achievement eta_G and cooperation as the risk r rises: collective risk, \
         Z = {population}, N = {size}, M = {threshold}, c = 0.1, beta = {beta}, mu = {mutation}; \
         analytic (stationary distribution) beside {steps} simulated events"
    );
    println!(
        "{:>5}  {:>15}  {:>16}  {:>17}  {:>18}",
        "r", "eta_G analytic", "eta_G simulated", "coop analytic", "coop simulated"
    );
    let mut rng = Pcg64Mcg::seed_from_u64(2011);
    for tenth in 0..=10 {
        let risk = f64::from(tenth) / 10.0;
        let game = GroupGame::new(
            size,
            GroupPolicy::CollectiveRisk {
                endowment: 1.0,
                cost_share: 0.1,
                risk,
                threshold,
            },
        )?;
        let payoffs = GroupPayoffs::from_game(
            &game,
            Politicization::NONE,
            Orientation::POLICY,
            Currency::Policy,
        )?;
        let evolution = GroupEvolution::new(payoffs, population, beta, mutation, threshold)?;
        let (coop, eta) = evolution.cooperation_and_achievement(&evolution.stationary()?);
        let visits = evolution.simulate(population / 2, steps, &mut rng)?;
        let counts: Vec<f64> = visits.iter().map(|&v| v as f64).collect();
        let (coop_sim, eta_sim) = evolution.cooperation_and_achievement(&counts);
        println!("{risk:>5.1}  {eta:>15.3}  {eta_sim:>16.3}  {coop:>17.3}  {coop_sim:>18.3}");
    }
    println!(
        "eta_G: the probability that a random group of N reaches M cooperators; coop: the share \
         of cooperators in the population. Fitness is the policy payoff.\n"
    );
    Ok(())
}

/// Regime ledgers against MFN free-riders, evolving through the payoff
/// table of their iterated regime in the game and horizon of `mfn.ron`.
fn ledger_against_free_riders() -> Result<()> {
    let file: RegimeTournamentFile = parse_ron(MFN, "tournaments/mfn.ron")?;
    let config = RegimeConfig::new(file.game, file.horizon);
    let ledger = StrategySpec::new("Regime Reciprocity")
        .with("tolerance", 2.0)
        .with("lambda", 0.9);
    let pair = [
        member(&ledger)?,
        member(&StrategySpec::new("MFN Free Rider"))?,
    ];
    let table = GroupPayoffs::from_regime_pair(config, pair, 1, file.seed, Currency::Policy)?;
    let size = table.group_size();
    let (population, beta, mutation) = (100, 1.0, 0.01);
    let evolution = GroupEvolution::new(table.clone(), population, beta, mutation, size)?;
    println!(
        "== Regime ledgers (C) against MFN free-riders (D) in groups of N = {size} of the \
         mfn.ron game: Z = {population}, beta = {beta}, mu = {mutation}; payoffs are policy \
         payoff per round"
    );
    println!("{:>3}  {:>10}  {:>10}", "j", "ledger", "free-rider");
    for j in 0..size as usize {
        println!(
            "{j:>3}  {:>10.3}  {:>10.3}",
            table.cooperator(j),
            table.defector(j)
        );
    }
    println!("(j: the number of other regime ledgers in the group)");
    for i in [10, 25, 50, 75, 90] {
        let (f_c, f_d) = evolution.fitness(i);
        println!(
            "i = {i:>3} ledgers: f_C = {f_c:.3}, f_D = {f_d:.3}, G(i) = {:+.5}",
            evolution.gradient(i)
        );
    }
    let (share, eta) = evolution.cooperation_and_achievement(&evolution.stationary()?);
    let (rho_c, rho_d) = evolution.fixation_probabilities()?;
    println!(
        "stationary share of ledgers {share:.3}; eta_G (groups made wholly of ledgers) {eta:.3}; \
         fixation of one ledger among free-riders {:.3e} (ln {:.2}), of one free-rider among \
         ledgers {:.3e} (ln {:.2}); neutral 1/Z = {:.3}",
        rho_c.value,
        rho_c.ln,
        rho_d.value,
        rho_d.ln,
        1.0 / f64::from(population)
    );
    Ok(())
}

/// The command line: an optional file and an optional `--output DIR`.
fn parse_args() -> Result<(Option<String>, Option<PathBuf>)> {
    let mut file = None;
    let mut output = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--output" => {
                output = Some(PathBuf::from(
                    args.next().context("--output needs a folder")?,
                ));
            }
            flag if flag.starts_with("--") => {
                bail!("unknown option {flag}; usage: regimes [FILE.ron] [--output DIR]")
            }
            _ => file = Some(arg),
        }
    }
    Ok((file, output))
}

fn run() -> Result<()> {
    let (file, output) = parse_args()?;
    if let Some(path) = file {
        let results = AnyFile::from_file_as(&path, FileKind::Regime)?
            .into_regime()
            .context("a regime file")?
            .play();
        return report(&path, &results, output.as_deref());
    }
    for (name, text) in [
        ("tournaments/mfn.ron", MFN),
        ("tournaments/climate.ron", CLIMATE),
    ] {
        let results = AnyFile::from_ron_as(text, name, FileKind::Regime, None)?
            .into_regime()
            .context("a regime file")?
            .play();
        report(name, &results, output.as_deref())?;
    }
    tolerance_sweep()?;
    risk_sweep()?;
    ledger_against_free_riders()
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
