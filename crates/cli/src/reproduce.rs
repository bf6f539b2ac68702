//! `twolevel reproduce NAME`: runs one reproduction of the collection
//! (`twolevel_repro`, docs/reproductions.md), prints its tables and the
//! verdict of each check, and writes the tables (CSV and markdown), the
//! checks (markdown and JSON) and the plots into an output folder.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Args;
use twolevel_repro::{Figure, Outcome, REPRODUCTIONS, Reproduction, Size, find};
use twolevel_tournament::output::{OutputSet, write_atomically};

use crate::Global;
use crate::plot;

/// The arguments of `twolevel reproduce`.
#[derive(Debug, Args)]
pub struct ReproduceArgs {
    /// The reproduction to run (see `--list`).
    #[arg(value_name = "NAME", required_unless_present = "list")]
    pub name: Option<String>,
    /// Run at the size CI runs (seconds) instead of the paper's size.
    #[arg(long)]
    pub quick: bool,
    /// List the reproductions with their papers and claims.
    #[arg(long, conflicts_with_all = ["name", "quick"])]
    pub list: bool,
    /// Write no plots.
    #[arg(long)]
    pub no_plots: bool,
}

/// Runs `twolevel reproduce`.
pub fn reproduce(global: &Global, args: &ReproduceArgs) -> Result<()> {
    if args.list {
        for entry in REPRODUCTIONS {
            println!(
                "{}\n    {}\n    claim: {}",
                entry.name, entry.paper, entry.claim
            );
        }
        return Ok(());
    }
    let Some(name) = &args.name else {
        bail!("name a reproduction, or ask for `--list`");
    };
    let entry = find(name)?;
    let size = if args.quick { Size::Quick } else { Size::Full };
    let seed = global.seed.unwrap_or(entry.default_seed);
    let outcome = entry.run(size, seed)?;
    if !global.quiet {
        print!("{}", summary(&outcome, entry));
    }
    let folder = global
        .output
        .clone()
        .unwrap_or_else(|| Path::new("output").join("reproductions").join(entry.name));
    let written = write_outcome(&outcome, entry, &folder, !args.no_plots)?;
    if !global.quiet {
        println!("wrote {} files into {}", written.len(), folder.display());
    }
    Ok(())
}

/// The outcome as markdown: the paper, the claim, the run's size and
/// seed, every table and the checks with their verdicts.
fn summary(outcome: &Outcome, entry: &Reproduction) -> String {
    let mut text = format!(
        "# {}\n\n{}\n\nClaim: {}\n\nSize {}, seed {} (set-up and deviations: docs/reproductions.md).\n\n",
        outcome.reproduction,
        entry.paper,
        entry.claim,
        outcome.size.name(),
        outcome.seed
    );
    for table in &outcome.tables {
        text.push_str(&table.to_markdown());
        text.push('\n');
    }
    text.push_str(&format!(
        "Checks (the claim {}):\n\n{}",
        if outcome.check() {
            "holds"
        } else {
            "does not hold in every check"
        },
        outcome.checks_markdown()
    ));
    text
}

/// Writes the tables (`NAME.csv`, `NAME.md`), `summary.md`, `checks.json`
/// and the plots (`NAME.svg`) of `outcome` into `folder`, replacing it as
/// a whole; returns the files written.
fn write_outcome(
    outcome: &Outcome,
    entry: &Reproduction,
    folder: &Path,
    plots: bool,
) -> Result<Vec<PathBuf>> {
    let set = OutputSet::create(folder)?;
    let dir = set.path().to_path_buf();
    for table in &outcome.tables {
        let csv = table.to_csv();
        write_atomically(&dir.join(format!("{}.csv", table.name)), |w| {
            w.write_all(csv.as_bytes())
        })?;
        let markdown = table.to_markdown();
        write_atomically(&dir.join(format!("{}.md", table.name)), |w| {
            w.write_all(markdown.as_bytes())
        })?;
    }
    let text = summary(outcome, entry);
    write_atomically(&dir.join("summary.md"), |w| w.write_all(text.as_bytes()))?;
    let json = serde_json::to_string_pretty(&outcome.checks)?;
    write_atomically(&dir.join("checks.json"), |w| w.write_all(json.as_bytes()))?;
    if plots {
        for figure in &outcome.figures {
            let path = dir.join(format!("{}.svg", figure.name()));
            match figure {
                Figure::Lines {
                    title,
                    axes,
                    x,
                    series,
                    ..
                } => {
                    plot::lines(&path, title, (&axes.0, &axes.1), x, series)?;
                }
                Figure::Bars {
                    title,
                    axis,
                    names,
                    values,
                    ..
                } => {
                    plot::bars(&path, title, axis, names, values)?;
                }
            }
        }
    }
    Ok(set.commit()?)
}
