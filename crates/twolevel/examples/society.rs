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
//! states' norms) then evolve at the base q and mu, the counts of each
//! are printed and written to `society_evolution.csv`: the file runs
//! through `AnyFile::play`, as `twolevel run` runs it.
//!
//! `tournaments/institutions_mixed.ron` is the mixed society under
//! private assessment in which monitoring q matters.

#[path = "common/mod.rs"]
mod common;

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use twolevel::AnyFile;
use twolevel::tournament::config::FileKind;
use twolevel::tournament::file::{FileResults, Loaded};
use twolevel::tournament::society::{DEFAULT_SOCIETY, DEFAULT_SOCIETY_ORIGIN};

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
    let file = file.with_seed_option(args.seed);
    let Loaded::Society(config) = file.loaded() else {
        bail!("{} is not a society file", file.origin().display());
    };
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
    // The sweep, then the evolution block if any: as `twolevel run` runs it.
    let FileResults::Society { sweep, evolution } = file.play()? else {
        bail!("{} is not a society file", file.origin().display());
    };
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

    if let Some(evolution) = &evolution {
        println!();
        print!("{evolution}");
    }

    if let Some(folder) = args.output(config.output.clone()) {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create `{}`", folder.display()))?;
        let csv = sweep.write_csv(folder.join("society_sweep.csv"))?;
        let json = sweep.write_json(folder.join("society_sweep.json"))?;
        println!();
        println!("Sweep written to {} and {}.", csv.display(), json.display());
        if let Some(evolution) = &evolution {
            let path = evolution.write_csv(folder.join("society_evolution.csv"))?;
            println!("Evolution written to {}.", path.display());
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    common::exit_with(run())
}
