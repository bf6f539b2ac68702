//! Runs a society of states (`docs/society.md`) over a grid of the
//! institution's monitoring q and assessment error mu, prints a table with
//! the analytic anchor beside the simulation, and writes the sweep.
//!
//! ```text
//! cargo run --release --example society                                  # the embedded tournaments/institutions.ron
//! cargo run --release --example society -- FILE.ron --seed 7 --no-output
//! cargo run --release --example society -- --output DIR
//! ```
//!
//! The sweep is written as `society_sweep.csv` (header
//! `twolevel::tournament::society::CSV_HEADER`) and `society_sweep.json`
//! into the file's output folder (or `--output DIR`; `--no-output` writes
//! nothing). With `replicates: N` each point is the mean of N seeds and
//! the table adds the standard error of the cooperation rate. If the file
//! has an evolution block, the rules (or, with `evolving: Norm`, the
//! states' norms) then evolve at the base q and mu and the counts of each
//! are printed.
//!
//! `tournaments/institutions_mixed.ron` is the mixed society under
//! private assessment in which monitoring q matters.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use anyhow::{Context, Result};
use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::SeedableRng;
use twolevel::AnyFile;
use twolevel::tournament::config::FileKind;
use twolevel::tournament::society::{
    DEFAULT_SOCIETY, DEFAULT_SOCIETY_ORIGIN, Society, SocietySweep, Trait,
};

use common::CommonArgs;

/// A value or a dash where the anchor does not apply.
fn optional(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.4}"))
}

fn run() -> Result<()> {
    let args = CommonArgs::parse(
        "usage: society [FILE.ron] [--seed N] [--output DIR] [--no-output]",
        |_, _| Ok(false),
    )?;
    let file = match &args.file {
        Some(path) => AnyFile::from_file_as(path, FileKind::Society)?,
        None => AnyFile::from_ron_as(
            DEFAULT_SOCIETY,
            DEFAULT_SOCIETY_ORIGIN,
            FileKind::Society,
            None,
        )?,
    };
    let config = file
        .with_seed_option(args.seed)
        .into_society()
        .context("a society file")?;
    let params = config.params;
    println!(
        "{} ({}): Z = {}, norm {}, {:?} assessment, e = {}, {:?} mode, {} + {} steps per point, seed {}, {} replicate(s)",
        config.name,
        config.origin.display(),
        config.size(),
        params.norm(),
        params.institution(),
        params.execution_error(),
        params.mode(),
        config.warmup,
        config.steps,
        config.seed,
        config.replicates,
    );
    let sweep = SocietySweep::run(&config).context("a sweep level is invalid")?;
    println!();
    println!(
        "{:>5} {:>5} | {:>7} {:>7} {:>7} {:>8} {:>8} | {:>7} {:>7} {:>7} {:>7}",
        "q",
        "mu",
        "good",
        "coop",
        "coop se",
        "policy",
        "utility",
        "good Z",
        "coop Z",
        "g*",
        "coop g*"
    );
    for p in &sweep.points {
        println!(
            "{:>5} {:>5} | {:>7.4} {:>7.4} {:>7} {:>8.4} {:>8.4} | {:>7} {:>7} {:>7} {:>7}",
            p.q,
            p.mu,
            p.good_share,
            p.cooperation,
            optional(p.cooperation_se),
            p.policy_per_interaction,
            p.utility_per_interaction,
            optional(p.analytic_good_share),
            optional(p.analytic_cooperation),
            optional(p.g_star),
            optional(p.g_star_cooperation),
        );
    }
    println!();
    println!(
        "good: time-averaged good share; coop: share of donor actions executed as C; policy: \
         policy payoff (absolute gains) per interaction, donor and recipient together (the \
         society's welfare); utility: each state's own blend of policy and political payoff, \
         summed likewise; coop se: standard error over the replicates (- with one)."
    );
    if sweep.anchored {
        println!(
            "good Z, coop Z: the exact finite-Z chain (docs/society.md), the same for every q; \
             g*, coop g*: the large-population fixed point."
        );
    } else {
        println!(
            "The analytic anchor applies only to discriminators under public assessment in \
             donation mode; its columns are empty here."
        );
    }

    if let Some(plan) = config.evolution {
        let mut society = Society::new(params, &config.game, &config.groups)
            .context("the society cannot be built")?;
        let mut rng = Pcg64Mcg::seed_from_u64(config.seed);
        society.run(config.warmup, &mut rng);
        let history = plan.process.run(&mut society, plan.generations, &mut rng);
        let names: Vec<String> = match plan.process.trait_evolving() {
            Trait::Rule => society.kind_names().to_vec(),
            Trait::Norm => society.norms().iter().map(ToString::to_string).collect(),
        };
        println!();
        println!(
            "Evolution at q = {}, mu = {}: {} generations, fitness = {} per encounter, Fermi \
             imitation and mutation between {}:",
            params.observation(),
            params.assessment_error(),
            plan.generations,
            plan.currency,
            match plan.process.trait_evolving() {
                Trait::Rule => "rules",
                Trait::Norm => "norms",
            },
        );
        let first = history.first().cloned().unwrap_or_default();
        let last = history.last().cloned().unwrap_or_default();
        let generations = history.len().max(1) as f64;
        for (k, name) in names.iter().enumerate() {
            let mean = history.iter().map(|h| f64::from(h[k])).sum::<f64>() / generations;
            println!(
                "  {name:<24} start {:>5}  end {:>5}  mean {:>8.1}",
                first[k], last[k], mean
            );
        }
    }

    if let Some(folder) = args.output(config.output) {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create `{}`", folder.display()))?;
        let csv = sweep.write_csv(folder.join("society_sweep.csv"))?;
        let json = sweep.write_json(folder.join("society_sweep.json"))?;
        println!();
        println!("Sweep written to {} and {}.", csv.display(), json.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
