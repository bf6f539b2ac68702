//! `twolevel sweep` and `twolevel merge`: the command-line layer over the
//! library's sweep engine
//! ([`twolevel_tournament::sweep_file`], which documents the sweep files,
//! cells, shards and output folders). This module adds the arguments, the
//! messages, the progress bar and the plots.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use clap::Args;
use twolevel_tournament::config::FileKind;
use twolevel_tournament::file::AnyFile;
use twolevel_tournament::output::OutputLock;
use twolevel_tournament::sweep_file::{self, Shard, Sweep};

use crate::commands::{say, set_threads};
use crate::{Global, plot, progress};

/// `twolevel sweep`.
#[derive(Debug, Args)]
pub struct SweepArgs {
    /// The sweep file (RON).
    pub file: PathBuf,
    /// Run only shard K of N: the cells c with c % N == K - 1 (1 <= K <= N).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Write the tidy CSV but no SVG plots.
    #[arg(long)]
    pub no_plots: bool,
    /// Also write each plot as a PNG image beside its SVG file.
    #[arg(long, conflicts_with = "no_plots")]
    pub png: bool,
}

/// `twolevel merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The output folders of the shards.
    #[arg(required = true)]
    pub shards: Vec<PathBuf>,
    /// Write the tidy CSV but no SVG plots.
    #[arg(long)]
    pub no_plots: bool,
    /// Also write each plot as a PNG image beside its SVG file.
    #[arg(long, conflicts_with = "no_plots")]
    pub png: bool,
}

/// `twolevel sweep`.
pub fn sweep(global: &Global, args: &SweepArgs) -> Result<()> {
    set_threads(global)?;
    plot::set_png(args.png);
    let file = AnyFile::from_file_as(&args.file, FileKind::Sweep)?;
    let sweep = file
        .with_seed_option(global.seed)
        .into_sweep()
        .expect("a file loaded as a sweep holds one");
    run_sweep(global, &args.file, sweep, args.shard, args.no_plots)
}

/// Runs a loaded sweep (or a shard of it), its seed already replaced by
/// `--seed` ([`AnyFile::with_seed`]), on the thread pool already set up,
/// into `--output` (or the sweep file's `output`), and draws the plots of
/// a whole sweep. `file` names the sweep file in errors.
pub fn run_sweep(
    global: &Global,
    file: &Path,
    sweep: Sweep,
    shard: Option<Shard>,
    no_plots: bool,
) -> Result<()> {
    let folder = global
        .output
        .clone()
        .or_else(|| sweep.output().map(Path::to_path_buf))
        .ok_or_else(|| {
            anyhow!(
                "name an output folder: `--output DIR` (or `output: Some(\"..\")` in the sweep file)"
            )
        })?;
    let identity = sweep.identity();
    sweep
        .check_output()
        .with_context(|| file.display().to_string())?;
    // Held until the sweep's files and plots are written: a second run
    // into the folder is refused, naming this process.
    let _lock = OutputLock::acquire(&folder)?;
    let pending = sweep.prepare(&folder, shard)?;
    say!(
        global,
        "{}: {} points x {} replicates = {} cells{}; {} to run, {} already finished",
        identity.name,
        sweep.point_count(),
        identity.replicates,
        identity.cells,
        shard.map_or_else(String::new, |s| format!(
            ", shard {}/{} has {}",
            s.index(),
            s.count(),
            pending.owned.len()
        )),
        pending.to_run.len(),
        pending.owned.len() - pending.to_run.len()
    );
    let bar = progress::Reporter::new(global.quiet, "cells");
    sweep.run_cells(&folder, &pending.to_run, &bar)?;
    bar.0.finish_and_clear();
    if shard.is_none() {
        let summary = sweep_file::finish(&folder, identity)?;
        if !no_plots {
            plot::sweep_plots(identity, &summary, &folder)?;
        }
        crate::commands::say_written(global, &folder, None);
    } else {
        say!(
            global,
            "Shard results written to {}; join the shards with `twolevel merge --output DIR SHARD...`.",
            folder.display()
        );
    }
    Ok(())
}

/// Draws a complete sweep's plots again from its `sweep.csv`.
pub fn replot(folder: &Path) -> Result<Vec<PathBuf>> {
    let (identity, summary) = sweep_file::read_summary(folder)?;
    plot::sweep_plots(&identity, &summary, folder)
}

/// `twolevel merge`: checks the shards and joins them.
pub fn merge(global: &Global, args: &MergeArgs) -> Result<()> {
    let folder = global
        .output
        .clone()
        .ok_or_else(|| anyhow!("name the merged output folder with `--output DIR`"))?;
    plot::set_png(args.png);
    // Held until the merged files and plots are written, as a sweep holds
    // it: no other run writes into the folder in between.
    let lock = OutputLock::acquire(&folder)?;
    let (identity, summary) = sweep_file::merge_locked(&folder, &args.shards, &lock)?;
    if !args.no_plots {
        plot::sweep_plots(&identity, &summary, &folder)?;
    }
    say!(
        global,
        "{} cells from {} folders merged.",
        identity.cells,
        args.shards.len(),
    );
    crate::commands::say_written(global, &folder, None);
    Ok(())
}
