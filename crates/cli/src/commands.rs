//! The subcommands `run`, `levers`, `payoffs` and `strategies`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;
use twolevel_files::read_text_file;
use twolevel_game::{Orientation, Politicization, TwoLevelGame, threshold_cell};
use twolevel_strategies::registry;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::FileKind;
use twolevel_tournament::evolution::{
    EvolutionOutcome, FixationSummary, TournamentEvolution, evolve_played, write_csv,
};
use twolevel_tournament::file::{AnyFile, FileResults, Loaded};
use twolevel_tournament::fixation_file::FixationFile;
use twolevel_tournament::levers::LeverReport;
use twolevel_tournament::limits;
use twolevel_tournament::negotiation::NegotiationFile;
use twolevel_tournament::output::{OutputSet, write_atomically};
use twolevel_tournament::regime::RegimeTournament;
use twolevel_tournament::report::{OutputOptions, write_json_file};

use crate::sweep::run_sweep;
use crate::{Global, plot, plot_arena, plot_graph, plot_models, progress};

/// `twolevel run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The tournament, regime, society or sweep file (default: the
    /// embedded tournaments/two-level.ron). A sweep runs whole, as
    /// `twolevel sweep FILE` does.
    pub file: Option<PathBuf>,
    /// Write no files, only print.
    #[arg(long)]
    pub no_output: bool,
    /// Also write every match: matches.csv and a `matches` list in
    /// results.json (large: players squared times repetitions rows).
    #[arg(long)]
    pub matches: bool,
    /// Write the CSV and JSON files but no SVG plots.
    #[arg(long)]
    pub no_plots: bool,
    /// Also write each plot as a PNG image beside its SVG file.
    #[arg(long, conflicts_with = "no_plots")]
    pub png: bool,
}

/// `twolevel levers`.
#[derive(Debug, Args)]
pub struct LeversArgs {
    /// The tournament file (default: the embedded tournaments/two-level.ron).
    pub file: Option<PathBuf>,
    /// Write no files, only print.
    #[arg(long)]
    pub no_output: bool,
}

/// `twolevel payoffs`.
#[derive(Debug, Args)]
pub struct PayoffsArgs {
    /// A tournament file whose game to show (default: the default game).
    pub file: Option<PathBuf>,
    /// The political weights w to show, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "0,0.5,1")]
    pub weights: Vec<f64>,
    /// The politicization levels pi to show, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "0,0.25,0.5,0.75,1")]
    pub pi: Vec<f64>,
    /// With `--output DIR`, also write the threshold plot as a PNG image.
    #[arg(long)]
    pub png: bool,
}

/// `twolevel strategies`.
#[derive(Debug, Args)]
pub struct StrategiesArgs {
    /// Only strategies whose name, alias or summary contains this text
    /// (case-insensitive).
    pub filter: Option<String>,
    /// Only stochastic (true) or deterministic (false) strategies.
    #[arg(long, value_name = "BOOL")]
    pub stochastic: Option<bool>,
    /// Only strategies with this memory depth (`inf` for unbounded).
    #[arg(long, value_name = "N|inf")]
    pub memory: Option<MemoryDepth>,
    /// Only strategies that do (true) or do not (false) read the match length.
    #[arg(long, value_name = "BOOL")]
    pub uses_length: Option<bool>,
    /// Only strategies that do (true) or do not (false) read politicization.
    #[arg(long, value_name = "BOOL")]
    pub uses_politicization: Option<bool>,
}

/// A memory depth on the command line: a number or `inf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemoryDepth(Option<u32>);

impl std::str::FromStr for MemoryDepth {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "inf" | "unbounded" => Ok(MemoryDepth(None)),
            n => n.parse().map(|n| MemoryDepth(Some(n))).map_err(|_| {
                format!("expected a memory depth (a whole number, or `inf`), got `{n}`")
            }),
        }
    }
}

/// Sizes rayon's global pool when `--threads` is given.
pub fn set_threads(global: &Global) -> Result<()> {
    if let Some(threads) = global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("cannot build the thread pool")?;
    }
    Ok(())
}

/// Loads a round-robin tournament: the file, or the embedded default; the
/// `--seed` replaces its seeds ([`AnyFile::with_seed`]).
fn load_tournament(file: Option<&Path>, global: &Global) -> Result<Tournament> {
    let file = match file {
        Some(path) => AnyFile::from_file_as(path, FileKind::RoundRobin)?,
        None => AnyFile::embedded_default()?,
    };
    Ok(file
        .with_seed_option(global.seed)
        .into_tournament()
        .expect("a file loaded as a round robin holds one"))
}

/// Prints unless `--quiet`.
macro_rules! say {
    ($global:expr, $($arg:tt)*) => {
        if !$global.quiet {
            println!($($arg)*);
        }
    };
}
pub(crate) use say;

/// Refuses the global options `flags` (of `--seed`, `--threads`,
/// `--output`, `--quiet`) for a subcommand they would do nothing for, rather than
/// accepting them silently.
pub(crate) fn refuse_global(global: &Global, command: &str, flags: &[&str]) -> Result<()> {
    for &flag in flags {
        let given = match flag {
            "--seed" => global.seed.is_some(),
            "--threads" => global.threads.is_some(),
            "--output" => global.output.is_some(),
            "--quiet" => global.quiet,
            _ => false,
        };
        if given {
            bail!("`{flag}` does nothing for `twolevel {command}`; drop it");
        }
    }
    Ok(())
}

/// Prints the one line every subcommand that writes ends with:
/// `Results written to PATH (N files).` (or without the count when it is
/// not known), the same for every file kind.
pub(crate) fn say_written(global: &Global, path: &Path, files: Option<usize>) {
    let count = match files {
        Some(1) => " (1 file)".to_owned(),
        Some(n) => format!(" ({n} files)"),
        None => String::new(),
    };
    say!(global, "Results written to {}{count}.", path.display());
}

/// `twolevel run`: dispatches on the file's kind, reading the file once
/// ([`AnyFile`]); the `--seed` replaces the file's seeds
/// ([`AnyFile::with_seed`]).
pub fn run(global: &Global, args: &RunArgs) -> Result<()> {
    set_threads(global)?;
    plot::set_png(args.png);
    let file = match args.file.as_deref() {
        Some(path) => {
            let text = read_text_file(path)?;
            if args.no_output && FileKind::of(&text) == FileKind::Sweep {
                bail!(
                    "{} describes a parameter sweep, which writes its cells to a folder; \
                     drop --no-output",
                    path.display()
                );
            }
            AnyFile::from_ron(&text, path)?
        }
        None => AnyFile::embedded_default()?,
    };
    let file = file.with_seed_option(global.seed);
    let output = |from_file: Option<PathBuf>| {
        if args.no_output {
            None
        } else {
            global.output.clone().or(from_file)
        }
    };
    let path = file.origin().to_path_buf();
    if let Loaded::Society(config) = file.loaded() {
        // Run whole through the loaded file (its sweep, then its evolution
        // block), as the facade and the `society` example run it.
        let folder = output(config.output.clone());
        return run_society(global, &file, folder, args.no_plots);
    }
    match file.into_loaded() {
        Loaded::Regime(tournament) => {
            run_regime(global, &path, *tournament, output(None), args.no_plots)
        }
        Loaded::Sweep(sweep) => run_sweep(global, &path, *sweep, None, args.no_plots),
        Loaded::RoundRobin(tournament) => run_round_robin(global, args, *tournament, &output),
        Loaded::Negotiation(file) => run_negotiation(global, &path, &file, &output),
        Loaded::Fixation(file) => run_fixation(global, &path, &file, &output, args.no_plots),
        _ => bail!("{} is of a kind this program cannot run", path.display()),
    }
}

/// Plays a round robin, then its evolution block if any, and writes the
/// files and plots as one output set.
fn run_round_robin(
    global: &Global,
    args: &RunArgs,
    mut tournament: Tournament,
    output: &dyn Fn(Option<PathBuf>) -> Option<PathBuf>,
) -> Result<()> {
    if args.matches {
        // The records take memory in proportion to the players squared
        // times the repetitions: check the estimate with them.
        tournament.round_robin = tournament.round_robin.with_match_records(true);
        let estimate = limits::round_robin_memory(
            tournament.round_robin.entrants().len(),
            tournament.round_robin.repetitions(),
            true,
        );
        limits::check_memory("repetitions", "the round robin with --matches", estimate)
            .with_context(|| tournament.origin.display().to_string())?;
    }
    let folder = output(tournament.output.clone());
    if folder.is_some() {
        // The result files are estimated before anything runs, plots
        // included (the heatmaps only up to their largest size).
        let rr = &tournament.round_robin;
        let players = rr.entrants().len();
        // An evolution block adds its trajectories (`evolution.csv`).
        let evolution = tournament
            .evolution
            .as_ref()
            .map_or(0.0, |evolution| evolution.output_bytes(players));
        let files = limits::round_robin_output(players, rr.repetitions(), args.matches);
        let shown = players.min(plot::MAX_HEATMAP_PLAYERS) as f64;
        let plots = if args.no_plots {
            0.0
        } else {
            2.0 * shown * shown * 120.0
        };
        let field = if evolution > files + plots {
            "evolution.generations"
        } else if args.matches {
            "repetitions"
        } else {
            "players"
        };
        limits::check_output(
            field,
            "the round robin's result files",
            files + plots + evolution,
        )
        .with_context(|| tournament.origin.display().to_string())?;
    }
    // The output folder is claimed before anything runs, so that a path
    // that cannot take the results fails at once, not after the run.
    let set = folder.map(OutputSet::create).transpose()?;
    let rr = &tournament.round_robin;
    say!(global, "{}", tournament.headline());
    let bar = progress::Reporter::new(global.quiet, "matches");
    // A spread plays the spatial tournament in epochs; its results are
    // the last epoch's.
    let (results, network) = tournament
        .play_with_progress(&bar)
        .map_err(|e| twolevel_files::ConfigError::from_parameter(&tournament.origin, e))?;
    bar.0.finish_and_clear();
    say!(global, "\n{results}");
    if let Some(network) = &network
        && let (Some(first), Some(last)) = (network.epochs.first(), network.epochs.last())
    {
        say!(
            global,
            "\nspread over {} epochs: mean pi {:.4} -> {:.4}, cooperation {:.4} -> {:.4}",
            network.epochs.len(),
            first.mean_politicization,
            last.mean_politicization,
            first.cooperation,
            last.cooperation
        );
    }
    // A timing block: the same tournament once per spending rule.
    let timing = match &tournament.timing {
        Some(plan) => {
            let timing = plan
                .run(rr)
                .with_context(|| format!("the timing block of {}", tournament.origin.display()))?;
            say!(global, "\n{timing}");
            Some(timing)
        }
        None => None,
    };

    // The command-line seed has replaced the block's own seed too
    // (`AnyFile::with_seed`).
    let evolution = match tournament.evolution.clone() {
        Some(config) => {
            let bar = progress::Reporter::new(global.quiet, "evolution runs");
            let evolution = evolve_played(rr, &results, &config, &bar).with_context(|| {
                format!("the evolution block of {}", tournament.origin.display())
            })?;
            bar.0.finish_and_clear();
            if !global.quiet {
                println!("\n{evolution}");
            }
            Some(evolution)
        }
        None => None,
    };

    let Some(set) = set else {
        // A file without an `output` folder whose evolution block names a
        // CSV file (tournaments/evolution.ron) writes that trajectory, as
        // the `evolution` example does; `--output DIR` writes everything
        // into DIR instead, and `--no-output` nothing.
        if let (Some(evolution), Some(config), false) =
            (&evolution, tournament.evolution.as_ref(), args.no_output)
            && let Some(path) = config.output()
        {
            let path = Path::new(path);
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create `{}`", parent.display()))?;
            }
            write_atomically(path, |w| {
                write_csv(&evolution.outcome, &evolution.names, evolution.fitness, w)
                    .map_err(std::io::Error::other)
            })?;
            say_written(global, path, Some(1));
        }
        return Ok(());
    };
    let folder = set.target().to_path_buf();
    let options = OutputOptions {
        matches: args.matches,
    };
    results.write_files(set.path(), options)?;
    if let Some(timing) = &timing {
        timing.write_csv(&set.path().join("timing.csv"))?;
    }
    if let Some(network) = &network {
        network.write_files(set.path())?;
    }
    if let Some(evolution) = &evolution {
        write_evolution(evolution, set.path())?;
    }
    if !args.no_plots {
        plot::round_robin_plots(&results, set.path())?;
        if let Some(skipped) = plot::heatmaps_skipped(results.standings.len()) {
            say!(global, "\n{skipped}");
        }
        if let Some(arenas) = &results.arenas {
            plot_arena::arena_plots(arenas, set.path())?;
        }
        if let Some(spatial) = &results.spatial {
            plot_graph::spatial_plots(rr, spatial, set.path())?;
        }
        if let Some(network) = &network {
            plot_graph::network_plots(rr, network, set.path())?;
        }
        if let Some(evolution) = &evolution {
            plot::evolution_plots(evolution, set.path())?;
        }
    }
    let written = set.commit()?;
    say!(global, "");
    say_written(global, &folder, Some(written.len()));
    Ok(())
}

/// What `evolution.json` holds: the types, the fitness currency, how
/// often each type fixed (stochastic processes) and the stationary
/// distribution for rare mutations.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct EvolutionSummary {
    /// The types, in order.
    pub names: Vec<String>,
    /// The currency selection acted on.
    pub fitness: String,
    /// Per type, the runs it won.
    pub fixation_wins: Option<Vec<u32>>,
    /// Per type, the share of runs it won.
    pub fixation_frequencies: Option<Vec<f64>>,
    /// The stationary distribution over the monomorphic states.
    pub stationary: Option<Vec<f64>>,
}

/// Writes an evolution's trajectory (`evolution.csv`) and its analytic
/// fixation and stationary results (`evolution.json`).
fn write_evolution(evolution: &TournamentEvolution, folder: &Path) -> Result<()> {
    write_atomically(&folder.join("evolution.csv"), |w| {
        write_csv(&evolution.outcome, &evolution.names, evolution.fitness, w)
            .map_err(std::io::Error::other)
    })?;
    let (fixation_wins, fixation_frequencies) = match &evolution.outcome {
        EvolutionOutcome::Runs(runs) => {
            let summary = FixationSummary::new(runs, evolution.names.len());
            (Some(summary.wins.clone()), Some(summary.frequencies()))
        }
        EvolutionOutcome::Shares(_) => (None, None),
    };
    write_json_file(
        &EvolutionSummary {
            names: evolution.names.clone(),
            fitness: evolution.fitness.to_string(),
            fixation_wins,
            fixation_frequencies,
            stationary: evolution.stationary.clone(),
        },
        &folder.join("evolution.json"),
    )?;
    Ok(())
}

/// Plays a regime tournament and writes its results as JSON, and its
/// plots unless `no_plots`.
fn run_regime(
    global: &Global,
    path: &Path,
    tournament: RegimeTournament,
    output: Option<PathBuf>,
    no_plots: bool,
) -> Result<()> {
    if output.is_some() {
        // The result file is estimated before anything runs.
        tournament
            .check_output()
            .with_context(|| path.display().to_string())?;
    }
    let set = output.map(OutputSet::create).transpose()?;
    let bar = progress::Reporter::new(global.quiet, "regime games");
    let results = tournament.play_with_progress(&bar);
    bar.0.finish_and_clear();
    // A headline like the round robin's, not a bare file name.
    say!(
        global,
        "Regime tournament ({}): {} entrants\n\n{results}",
        path.display(),
        tournament.entrant_names().len()
    );
    if let Some(set) = set {
        let folder = set.target().to_path_buf();
        write_json_file(&results, &set.path().join("regime.json"))?;
        if !no_plots {
            plot_models::regime_plots(&results, set.path())?;
        }
        let written = set.commit()?;
        say_written(global, &folder, Some(written.len()));
    }
    Ok(())
}

/// Negotiates, ratifies and plays a negotiation file's pairs and writes
/// the report's CSV and JSON files.
fn run_negotiation(
    global: &Global,
    path: &Path,
    file: &NegotiationFile,
    output: &dyn Fn(Option<PathBuf>) -> Option<PathBuf>,
) -> Result<()> {
    let folder = output(file.output.clone());
    if folder.is_some() {
        // The result files are estimated before anything runs.
        file.check_output()
            .with_context(|| path.display().to_string())?;
    }
    let set = folder.map(OutputSet::create).transpose()?;
    let results = file.play().with_context(|| path.display().to_string())?;
    say!(global, "{} ({}):\n{results}", file.name, path.display());
    if let Some(set) = set {
        let folder = set.target().to_path_buf();
        results.write_files(set.path())?;
        let written = set.commit()?;
        say_written(global, &folder, Some(written.len()));
    }
    Ok(())
}

/// Runs a fixation file (evolution on graphs or multilevel selection),
/// prints its table and writes `fixation.csv`, `fixation.json` and, for a
/// graph file with a snapshot, each graph's state as a plot.
fn run_fixation(
    global: &Global,
    path: &Path,
    file: &FixationFile,
    output: &dyn Fn(Option<PathBuf>) -> Option<PathBuf>,
    no_plots: bool,
) -> Result<()> {
    let set = output(file.output.clone())
        .map(OutputSet::create)
        .transpose()?;
    let results = file.play().with_context(|| path.display().to_string())?;
    say!(global, "{} ({}):\n{results}", file.name, path.display());
    if let Some(set) = set {
        let folder = set.target().to_path_buf();
        results.write_files(set.path())?;
        if !no_plots {
            crate::plot_fixation::snapshot_plots(&results, set.path())?;
        }
        let written = set.commit()?;
        say_written(global, &folder, Some(written.len()));
    }
    Ok(())
}

/// Runs a society file ([`AnyFile::play`]: its sweep, then its evolution
/// block if it has one) and writes the sweep as CSV and JSON, and the
/// evolution's counts per generation as `society_evolution.csv`, and the
/// plots of the sweep unless `no_plots`.
fn run_society(
    global: &Global,
    file: &AnyFile,
    output: Option<PathBuf>,
    no_plots: bool,
) -> Result<()> {
    if let (Some(_), Loaded::Society(config)) = (&output, file.loaded()) {
        // The result files are estimated before anything runs.
        config
            .check_output()
            .with_context(|| file.origin().display().to_string())?;
    }
    let set = output.map(OutputSet::create).transpose()?;
    let bar = progress::Reporter::new(global.quiet, "society grid points");
    let results = file.play_with_progress(&bar);
    bar.0.finish_and_clear();
    let FileResults::Society { sweep, evolution } = results? else {
        bail!("{} is not a society file", file.origin().display());
    };
    let name = match file.loaded() {
        Loaded::Society(config) => config.name.as_str(),
        _ => "",
    };
    say!(global, "{name} ({}):\n{sweep}", file.origin().display());
    if let Some(evolution) = &evolution {
        say!(global, "\n{evolution}");
    }
    if let Some(set) = set {
        let folder = set.target().to_path_buf();
        sweep.write_csv(set.path().join("society_sweep.csv"))?;
        sweep.write_json(set.path().join("society_sweep.json"))?;
        if !no_plots {
            plot_models::society_plots(&sweep, set.path())?;
        }
        if let Some(evolution) = &evolution {
            evolution.write_csv(set.path().join("society_evolution.csv"))?;
        }
        let written = set.commit()?;
        say_written(global, &folder, Some(written.len()));
    }
    Ok(())
}

/// `twolevel levers`.
pub fn levers(global: &Global, args: &LeversArgs) -> Result<()> {
    set_threads(global)?;
    let tournament = load_tournament(args.file.as_deref(), global)?;
    // The same headline as `twolevel run` and the `levers` example.
    say!(
        global,
        "{}; 12 runs (six levers, low and high)\n",
        tournament.headline()
    );
    let bar = progress::Reporter::new(global.quiet, "lever settings");
    let report = LeverReport::run_with_progress(&tournament.name, &tournament.round_robin, &bar)
        .context("a lever setting is invalid for this tournament")?;
    bar.0.finish_and_clear();
    say!(global, "{report}");
    // As the guide promises: `levers.json` into the file's `output`
    // folder (or `--output DIR`), beside what `twolevel run` wrote there
    // (the folder is not replaced; the file is written atomically).
    let folder = if args.no_output {
        None
    } else {
        global.output.clone().or(tournament.output)
    };
    if let Some(folder) = folder {
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create `{}`", folder.display()))?;
        report.write_json(folder.join("levers.json"))?;
        say!(global, "");
        say_written(global, &folder, Some(1));
    }
    Ok(())
}

/// The discount factors `delta = h * delta_t` of a round robin's players
/// (docs/model.md section 5), one entry per distinct value labelled with
/// the players who have it; none when the factor changes during a match
/// (a length the players know, an election cycle that cuts patience).
fn discount_factors(rr: &twolevel_tournament::RoundRobin) -> Vec<(String, f64)> {
    let config = rr.config();
    if config.length_known() || config.election().is_some() {
        return Vec::new();
    }
    let delta_t = match config.horizon().kind() {
        twolevel_game::HorizonKind::Continuation { delta } => delta,
        twolevel_game::HorizonKind::Fixed { turns } => 1.0 - 1.0 / f64::from(turns),
    };
    let mut groups: Vec<(f64, Vec<&str>)> = Vec::new();
    for entrant in rr.entrants() {
        let delta = entrant.settings.patience() * delta_t;
        match groups.iter_mut().find(|(d, _)| *d == delta) {
            Some((_, names)) => names.push(&entrant.name),
            None => groups.push((delta, vec![&entrant.name])),
        }
    }
    groups
        .into_iter()
        .map(|(delta, names)| {
            let shown: Vec<&str> = names.iter().take(2).copied().collect();
            let more = match names.len().saturating_sub(2) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            (
                format!("delta = {delta:.4}: {}{more}", shown.join(", ")),
                delta,
            )
        })
        .collect()
}

/// `twolevel payoffs`: the blended matrices and grim-trigger thresholds of
/// a game for the given weights and levels; with `--output DIR`, the
/// thresholds against pi for each weight as `thresholds.svg` and
/// `thresholds.csv` in DIR, with a file's players' discount factors drawn
/// across them (a player cooperates under grim trigger where its factor
/// is above the curve of its weight: the paradox of politicization).
pub fn payoffs(global: &Global, args: &PayoffsArgs) -> Result<()> {
    refuse_global(global, "payoffs", &["--seed", "--threads"])?;
    let (game, discounts): (TwoLevelGame, Vec<(String, f64)>) = match &args.file {
        Some(path) => {
            let tournament = load_tournament(Some(path), global)?;
            let rr = &tournament.round_robin;
            (*rr.config().game(), discount_factors(rr))
        }
        None => (TwoLevelGame::default(), Vec::new()),
    };
    say!(
        global,
        "theta = {}, beta = {}, alpha = {}, gamma = {}",
        game.theta(),
        game.beta(),
        game.alpha(),
        game.gamma()
    );
    say!(
        global,
        "{:>5} {:>5} {:>6} {:>8} {:>8} {:>8} {:>8} {:>12}",
        "w",
        "pi",
        "w_eff",
        "R'",
        "S'",
        "T'",
        "P'",
        "grim delta*"
    );
    for (k, &w) in args.weights.iter().enumerate() {
        let orientation =
            Orientation::new(w).map_err(|e| anyhow::anyhow!("--weights[{k}]: {}", e.reason))?;
        for (l, &pi) in args.pi.iter().enumerate() {
            let level =
                Politicization::new(pi).map_err(|e| anyhow::anyhow!("--pi[{l}]: {}", e.reason))?;
            let m = game.blended_matrix(orientation, level);
            let threshold = threshold_cell(game.grim_threshold_at(orientation, level));
            say!(
                global,
                "{w:>5.2} {pi:>5.2} {:>6.2} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {threshold:>12}",
                game.effective_weight(orientation, level),
                m.r(),
                m.s(),
                m.t(),
                m.p()
            );
        }
    }
    say!(
        global,
        "w_eff: the effective political weight at that politicization; grim delta*: the \
         discount factor grim trigger needs (never: none below 1 sustains cooperation)."
    );
    // With `--output`, the thresholds against pi as a plot and a table,
    // written as one output set (the folder replaced whole).
    if let Some(folder) = &global.output {
        plot::set_png(args.png);
        let set = OutputSet::create(folder)?;
        plot_models::threshold_plots(&game, &args.weights, &discounts, set.path())?;
        let written = set.commit()?;
        say_written(global, folder, Some(written.len()));
    }
    Ok(())
}

/// `twolevel strategies`: the registry, filtered by classifier.
pub fn strategies(global: &Global, args: &StrategiesArgs) -> Result<()> {
    refuse_global(
        global,
        "strategies",
        &["--seed", "--threads", "--output", "--quiet"],
    )?;
    let needle = args.filter.as_deref().map(str::to_lowercase);
    let mut shown = 0;
    println!(
        "{:<34} {:>6} {:>10} {:>7} {:>8}  summary",
        "name", "memory", "stochastic", "length", "politics"
    );
    for entry in registry::entries() {
        let c = entry.default_classifier();
        let text_matches = needle.as_deref().is_none_or(|needle| {
            std::iter::once(entry.name)
                .chain(entry.aliases.iter().copied())
                .chain([entry.summary])
                .any(|t| t.to_lowercase().contains(needle))
        });
        let keep = text_matches
            && args.stochastic.is_none_or(|s| s == c.stochastic)
            && args.memory.is_none_or(|m| m.0 == c.memory_depth)
            && args.uses_length.is_none_or(|u| u == c.uses_length)
            && args
                .uses_politicization
                .is_none_or(|u| u == c.uses_politicization);
        if !keep {
            continue;
        }
        shown += 1;
        let memory = c
            .memory_depth
            .map_or_else(|| "inf".to_owned(), |d| d.to_string());
        println!(
            "{:<34} {memory:>6} {:>10} {:>7} {:>8}  {}",
            entry.name, c.stochastic, c.uses_length, c.uses_politicization, entry.summary
        );
    }
    if shown == 0 {
        bail!("no strategy matches these filters (`twolevel strategies` lists them all)");
    }
    println!("{shown} strategies.");
    Ok(())
}
