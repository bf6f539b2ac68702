//! Parameter sweeps: `twolevel sweep` and `twolevel merge`.
//!
//! A sweep file names a base tournament file, a grid over numeric fields
//! of it and a number of replicates:
//!
//! ```ron
//! Sweep(
//!     name: "theta",
//!     base: "two-level.ron",          // relative to the sweep file's folder
//!     grid: [
//!         (path: "game.theta", values: [1.0, 2.0, 4.0, 8.0]),
//!         (path: "players[TFT-0.5].political_weight", values: [0.0, 0.5]),
//!     ],
//!     replicates: 3,
//!     seed: Some(7),                  // default: the base file's seed
//! )
//! ```
//!
//! The grid is the product of the axes, the first varying slowest. A
//! field path walks the base tournament as written, every default filled
//! in: struct fields by name, list items by index or by the `name` they
//! carry (`players[2]`, `players[TFT-0.5]`), and through enum variants
//! (`horizon.delta` reaches `Continuation(delta: ..)`, `politics` a
//! `Fixed(pi)`). A path `lever.<name>` sets one of the article's six levers
//! ([`Lever`], for example `lever.knowledge` or `lever.political_buy_in`)
//! to the value, applied after the fields. Replicate `r` plays with the seed derived from the
//! sweep's seed and `r` alone, so the points of one replicate share their
//! random numbers and differ only by the swept values.
//!
//! A cell is one grid point in one replicate; cell `c` is point
//! `c / replicates`, replicate `c % replicates`. Each cell's results go
//! into `cells/NNNNNN/` of the output folder, written whole or not at all,
//! so an interrupted sweep resumes where it stopped. `--shard K/N` runs the
//! cells `c` with `c % N == K - 1`; `twolevel merge` joins the shards'
//! folders after checking that they come from the same sweep (a hash of
//! the sweep file and the base file) and that no cell is missing. A
//! complete sweep adds `sweep.csv` (tidy: a row per cell, player and
//! measure), `summary.csv` (mean, standard deviation and standard error
//! over replicates per point, player and measure) and plots.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail, ensure};
use clap::Args;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use twolevel_game::Currency;
use twolevel_strategies::config::{ConfigError, parse_ron, read_text_file};
use twolevel_tournament::config::{FileKind, PresetCatalog, TournamentFile};
use twolevel_tournament::levers::Lever;
use twolevel_tournament::output::{OutputSet, write_atomically};
use twolevel_tournament::report::{OutputOptions, write_json_file};
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::{RoundRobin, RoundRobinResults, Tournament};

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
}

/// A shard of a sweep: `K/N`, the K-th of N (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// This shard, from 1.
    pub index: u32,
    /// The number of shards.
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| format!("expected K/N (for example 2/4), got `{text}`"))?;
        let number = |part: &str, what: &str| {
            part.trim()
                .parse::<u32>()
                .map_err(|_| format!("expected K/N with whole numbers, got {what} `{part}`"))
        };
        let (index, count) = (number(k, "K =")?, number(n, "N =")?);
        if count == 0 || index == 0 {
            return Err(format!("expected 1 <= K <= N, got {text}"));
        }
        if index > count {
            return Err(format!(
                "shard K = {index} is greater than N = {count}; expected 1 <= K <= N"
            ));
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether cell `cell` belongs to this shard.
    fn owns(self, cell: usize) -> bool {
        cell % self.count as usize == self.index as usize - 1
    }
}

/// One axis of the grid: a field path and its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// The field path in the base tournament file.
    pub path: String,
    /// The values, in order.
    pub values: Vec<f64>,
}

/// A sweep file as written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "Sweep", deny_unknown_fields)]
struct SweepFile {
    name: String,
    base: String,
    grid: Vec<Axis>,
    #[serde(default = "one")]
    replicates: u32,
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    output: Option<String>,
}

fn one() -> u32 {
    1
}

/// What identifies a sweep; written to `sweep.json` in every output folder
/// of it (shards and merged ones alike, byte for byte).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepIdentity {
    /// The sweep's name.
    pub name: String,
    /// FNV-1a hash of the sweep file and the base file, in hex.
    pub hash: String,
    /// The axes of the grid.
    pub grid: Vec<Axis>,
    /// Replicates of every point.
    pub replicates: u32,
    /// The master seed replicates derive their seeds from.
    pub seed: u64,
    /// The players' names, in order.
    pub players: Vec<String>,
    /// The number of cells (points times replicates).
    pub cells: usize,
}

/// A sweep, loaded and checked: every point's tournament builds.
struct Sweep {
    identity: SweepIdentity,
    /// The tournament of every grid point (seed not yet set).
    points: Vec<RoundRobin>,
    output: Option<PathBuf>,
}

/// 64-bit FNV-1a over the given parts, each followed by a zero byte.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&[0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The number of points of a grid, the first axis varying slowest, and the
/// values of point `k`.
pub(crate) fn point_values(grid: &[Axis], mut k: usize) -> Vec<f64> {
    let mut values = vec![0.0; grid.len()];
    for (slot, axis) in values.iter_mut().zip(grid).rev() {
        *slot = axis.values[k % axis.values.len()];
        k /= axis.values.len();
    }
    values
}

/// Reads a numeric field at `path` in `tree` and replaces it by `value`.
/// Errors name the path and, for an unknown step, what is there.
pub fn set_field(tree: &mut Value, path: &str, value: f64) -> Result<(), String> {
    let mut node = tree;
    let mut walked = String::new();
    for step in parse_path(path)? {
        node = descend(node, &step).map_err(|known| {
            let at = if walked.is_empty() {
                "the tournament"
            } else {
                walked.as_str()
            };
            format!("unknown field path `{path}`: {at} has no {step}; {known}")
        })?;
        walked.push_str(&step.to_string());
    }
    let description = describe(node);
    let target = numeric_leaf(node)
        .ok_or_else(|| format!("field path `{path}` names {description}, not a number"))?;
    *target = if target.is_u64() || target.is_i64() {
        if value.fract() != 0.0 || value < 0.0 || value > 2f64.powi(53) {
            return Err(format!(
                "field path `{path}` is a whole number, got the value {value}"
            ));
        }
        Value::from(value as u64)
    } else {
        serde_json::Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| format!("field path `{path}`: {value} is not a finite number"))?
    };
    Ok(())
}

/// The lever of a `lever.<name>` path: one of [`Lever::ALL`] by its
/// snake-case name.
fn lever_named(name: &str) -> Result<Lever, String> {
    let snake_name = |lever: &Lever| {
        serde_json::to_value(lever)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    Lever::ALL
        .into_iter()
        .find(|lever| snake_name(lever).as_deref() == Some(name))
        .ok_or_else(|| {
            let known: Vec<String> = Lever::ALL
                .iter()
                .filter_map(|l| snake_name(l).map(|n| format!("lever.{n}")))
                .collect();
            format!(
                "unknown lever `{name}`; the levers are {}",
                known.join(", ")
            )
        })
}

/// One step of a field path.
#[derive(Debug)]
enum Step {
    Field(String),
    Index(usize),
    Named(String),
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Field(name) => write!(f, ".{name}"),
            Step::Index(k) => write!(f, "[{k}]"),
            Step::Named(name) => write!(f, "[{name}]"),
        }
    }
}

/// Splits `a.b[2].c[name]` into steps; a name in brackets may hold dots.
fn parse_path(path: &str) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(inside) = rest.strip_prefix('[') {
            let (name, after) = inside
                .split_once(']')
                .ok_or_else(|| format!("field path `{path}` has a `[` without `]`"))?;
            steps.push(match name.parse() {
                Ok(k) => Step::Index(k),
                Err(_) => Step::Named(name.trim_matches('"').to_owned()),
            });
            rest = after;
        } else {
            let field = rest.strip_prefix('.').unwrap_or(rest);
            if field.len() < rest.len() && steps.is_empty() {
                return Err(format!("field path `{path}` starts with `.`"));
            }
            let end = field.find(['.', '[']).unwrap_or(field.len());
            if end == 0 {
                return Err(format!("field path `{path}` has an empty step"));
            }
            steps.push(Step::Field(field[..end].to_owned()));
            rest = &field[end..];
        }
    }
    if steps.is_empty() {
        return Err("the field path is empty".to_owned());
    }
    Ok(steps)
}

/// The value behind an enum variant: `{"Fixed": x}` is `x`, a struct is
/// itself.
fn unwrap_variant(node: &mut Value) -> &mut Value {
    let is_variant = node.as_object().is_some_and(|map| {
        map.len() == 1
            && map
                .keys()
                .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
    });
    if is_variant {
        node.as_object_mut()
            .and_then(|map| map.values_mut().next())
            .expect("a one-entry object")
    } else {
        node
    }
}

/// Takes one step down; on failure, says what is there instead.
fn descend<'a>(node: &'a mut Value, step: &Step) -> Result<&'a mut Value, String> {
    let node = unwrap_variant(node);
    match (step, node) {
        (Step::Field(name), Value::Object(map)) => {
            let known: Vec<String> = map.keys().cloned().collect();
            map.get_mut(name)
                .ok_or_else(|| format!("its fields are {}", known.join(", ")))
        }
        (Step::Index(k), Value::Array(items)) => {
            let len = items.len();
            items
                .get_mut(*k)
                .ok_or_else(|| format!("it has {len} items (from 0)"))
        }
        (Step::Named(name), Value::Array(items)) => {
            let names: Vec<String> = items.iter().filter_map(item_name).collect();
            items
                .iter_mut()
                .find(|item| item_name(item).as_deref() == Some(name))
                .ok_or_else(|| format!("its items are named {}", names.join(", ")))
        }
        (_, other) => Err(format!("it is {}", describe(other))),
    }
}

/// The name an item of a list carries: a `name` field, or a preset's name.
fn item_name(item: &Value) -> Option<String> {
    match item {
        Value::Object(map) if map.len() == 1 => map.values().next().and_then(item_name),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_owned),
        Value::String(name) => Some(name.clone()),
        _ => None,
    }
}

/// The number at a node, looking through `Some(..)` and enum variants.
fn numeric_leaf(node: &mut Value) -> Option<&mut Value> {
    let node = unwrap_variant(node);
    node.is_number().then_some(node)
}

/// A short description of a node for error messages.
fn describe(node: &Value) -> String {
    match node {
        Value::Null => "nothing (`None`)".to_owned(),
        Value::Bool(_) => "a true/false value".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(_) => "a text".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(map) => format!(
            "a structure with {}",
            map.keys().cloned().collect::<Vec<_>>().join(", ")
        ),
    }
}

impl Sweep {
    /// Reads the sweep file and its base, and builds every point's
    /// tournament, so that a bad value fails before anything runs.
    fn load(path: &Path) -> Result<Sweep> {
        let text = read_text_file(path)?;
        let file: SweepFile = parse_ron(&text, path)?;
        let invalid = |field: &str, reason: String| ConfigError::invalid(path, field, reason);
        ensure!(
            !file.grid.is_empty(),
            invalid(
                "grid",
                "expected at least one axis `(path: .., values: [..])`, got an empty grid".into()
            )
        );
        for (k, axis) in file.grid.iter().enumerate() {
            ensure!(
                !axis.values.is_empty(),
                invalid(
                    &format!("grid[{k}].values"),
                    format!(
                        "the axis `{}` has no values; expected at least one",
                        axis.path
                    )
                )
            );
        }
        ensure!(
            file.replicates > 0,
            invalid("replicates", "expected at least 1".into())
        );
        let base_path = path.parent().unwrap_or(Path::new("")).join(&file.base);
        let base_text = read_text_file(&base_path)
            .with_context(|| format!("{}: the `base` of the sweep", path.display()))?;
        if FileKind::of(&base_text) != FileKind::RoundRobin {
            bail!(invalid(
                "base",
                format!("`{}` is not a round-robin `Tournament(..)` file", file.base)
            ));
        }
        let catalog = PresetCatalog::for_tournament_file(&base_path)?;
        let base: TournamentFile = parse_ron(&base_text, &base_path)?;
        let tree =
            serde_json::to_value(&base).context("cannot read the base tournament as a tree")?;
        let point_count: usize = file.grid.iter().map(|a| a.values.len()).product();
        let mut points = Vec::with_capacity(point_count);
        let mut players = Vec::new();
        let mut seed = base.seed;
        for k in 0..point_count {
            let values = point_values(&file.grid, k);
            let mut tree = tree.clone();
            let mut levers = Vec::new();
            for (axis, &value) in file.grid.iter().zip(&values) {
                let bad = |reason| invalid(&format!("grid (path `{}`)", axis.path), reason);
                if let Some(name) = axis.path.strip_prefix("lever.") {
                    levers.push((lever_named(name).map_err(bad)?, value));
                } else {
                    set_field(&mut tree, &axis.path, value).map_err(bad)?;
                }
            }
            let at = || {
                let settings: Vec<String> = file
                    .grid
                    .iter()
                    .zip(&values)
                    .map(|(a, v)| format!("{} = {v}", a.path))
                    .collect();
                format!(
                    "{} at grid point {k} ({})",
                    path.display(),
                    settings.join(", ")
                )
            };
            let point: TournamentFile = serde_json::from_value(tree).with_context(at)?;
            let mut tournament: Tournament =
                point.validate(&base_path, &catalog).with_context(at)?;
            for (lever, value) in levers {
                tournament.round_robin = lever
                    .apply(&tournament.round_robin, value)
                    .with_context(at)?;
            }
            if k == 0 {
                players = tournament
                    .round_robin
                    .entrants()
                    .iter()
                    .map(|e| e.name.clone())
                    .collect();
                seed = file.seed.unwrap_or(tournament.round_robin.seed());
            }
            points.push(tournament.round_robin);
        }
        let hash = fnv1a(&[text.as_bytes(), base_text.as_bytes()]);
        Ok(Sweep {
            identity: SweepIdentity {
                name: file.name,
                hash: format!("{hash:016x}"),
                cells: point_count * file.replicates as usize,
                grid: file.grid,
                replicates: file.replicates,
                seed,
                players,
            },
            points,
            output: file.output.map(PathBuf::from),
        })
    }
}

/// The seed of replicate `replicate`: the same at every grid point.
fn replicate_seed(identity: &SweepIdentity, replicate: usize) -> u64 {
    derive_seed(identity.seed, &[replicate as u64])
}

/// The folder of cell `cell`.
fn cell_folder(folder: &Path, cell: usize) -> PathBuf {
    folder.join("cells").join(format!("{cell:06}"))
}

/// The measures of the tidy CSV, each with its value for one standing.
fn measures(results: &RoundRobinResults, player: usize) -> Vec<(String, f64)> {
    let standing = &results.standings[player];
    let rank = results
        .ranking
        .iter()
        .position(|&p| p == player)
        .unwrap_or(0)
        + 1;
    let mut rows: Vec<(String, f64)> = Currency::ALL
        .iter()
        .map(|&c| (format!("score_{}", c.label()), standing.scores[c].mean))
        .collect();
    rows.extend(
        Currency::ALL
            .iter()
            .map(|&c| (format!("wins_{}", c.label()), standing.wins[c].mean)),
    );
    rows.push(("cooperation_rate".to_owned(), standing.cooperation_rate));
    rows.push(("rank".to_owned(), rank as f64));
    rows
}

/// The header of `sweep.csv`.
fn tidy_header(identity: &SweepIdentity) -> String {
    let mut header = String::from("cell,point,replicate,seed");
    for axis in &identity.grid {
        header.push(',');
        header.push_str(&csv_field(&axis.path));
    }
    header.push_str(",player,measure,value\n");
    header
}

/// A CSV field, quoted when it needs to be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Plays cell `cell` and writes its folder whole.
fn run_cell(sweep: &Sweep, folder: &Path, cell: usize) -> Result<()> {
    let identity = &sweep.identity;
    let replicates = identity.replicates as usize;
    let (point, replicate) = (cell / replicates, cell % replicates);
    let seed = replicate_seed(identity, replicate);
    let results = sweep.points[point].clone().with_seed(seed).play();
    let values = point_values(&identity.grid, point);
    let mut rows = String::new();
    for player in 0..results.standings.len() {
        for (measure, value) in measures(&results, player) {
            let _ = write!(rows, "{cell},{point},{replicate},{seed}");
            for v in &values {
                let _ = write!(rows, ",{v}");
            }
            let _ = writeln!(
                rows,
                ",{},{measure},{value}",
                csv_field(&results.standings[player].name)
            );
        }
    }
    let set = OutputSet::create(cell_folder(folder, cell))?;
    results.write_files(set.path(), OutputOptions::default())?;
    write_atomically(&set.path().join("rows.csv"), |w| {
        w.write_all(rows.as_bytes())
    })?;
    set.commit()?;
    Ok(())
}

/// Checks that `folder` holds this sweep (or nothing yet) and writes its
/// `sweep.json`.
fn claim_folder(folder: &Path, identity: &SweepIdentity) -> Result<()> {
    let path = folder.join("sweep.json");
    if let Some(found) = read_identity(folder)? {
        if found.hash != identity.hash {
            bail!(
                "`{}` holds the output of another sweep (\"{}\", hash {}), not of this one \
                 (\"{}\", hash {}); choose another --output or remove that folder",
                folder.display(),
                found.name,
                found.hash,
                identity.name,
                identity.hash
            );
        }
        return Ok(());
    }
    write_json_file(identity, &path)?;
    Ok(())
}

/// The `sweep.json` of a folder, if it has one.
fn read_identity(folder: &Path) -> Result<Option<SweepIdentity>> {
    let path = folder.join("sweep.json");
    match fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .with_context(|| format!("`{}` is not a sweep description", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read `{}`", path.display())),
    }
}

/// The finished cells in a folder.
fn finished_cells(folder: &Path) -> Result<BTreeSet<usize>> {
    let cells = folder.join("cells");
    let mut done = BTreeSet::new();
    let entries = match fs::read_dir(&cells) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(e).with_context(|| format!("cannot read `{}`", cells.display())),
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read `{}`", cells.display()))?;
        // Hidden staging folders of interrupted cells are not finished.
        if let Some(cell) = entry.file_name().to_str().and_then(|n| n.parse().ok()) {
            done.insert(cell);
        }
    }
    Ok(done)
}

/// `twolevel sweep`.
pub fn sweep(global: &Global, args: &SweepArgs) -> Result<()> {
    set_threads(global)?;
    run_sweep(global, args)
}

/// Runs a sweep (or a shard of it) on the thread pool already set up.
pub fn run_sweep(global: &Global, args: &SweepArgs) -> Result<()> {
    let mut sweep = Sweep::load(&args.file)?;
    if let Some(seed) = global.seed {
        sweep.identity.seed = seed;
        // A different seed is a different sweep.
        sweep.identity.hash = format!(
            "{:016x}",
            fnv1a(&[sweep.identity.hash.as_bytes(), &seed.to_le_bytes()])
        );
    }
    let folder = global
        .output
        .clone()
        .or_else(|| sweep.output.clone())
        .ok_or_else(|| anyhow!("name an output folder: `--output DIR` (or `output: Some(\"..\")` in the sweep file)"))?;
    let identity = &sweep.identity;
    claim_folder(&folder, identity)?;
    if let Some(shard) = args.shard {
        let path = folder.join("shard.json");
        match fs::read_to_string(&path) {
            Ok(text) => {
                let found: Shard = serde_json::from_str(&text)
                    .with_context(|| format!("`{}` is not a shard description", path.display()))?;
                ensure!(
                    found == shard,
                    "`{}` holds shard {}/{} of this sweep, not {}/{}",
                    folder.display(),
                    found.index,
                    found.count,
                    shard.index,
                    shard.count
                );
            }
            Err(_) => {
                write_json_file(&shard, &path)?;
            }
        }
    }
    let mine: Vec<usize> = (0..identity.cells)
        .filter(|&c| args.shard.is_none_or(|s| s.owns(c)))
        .collect();
    let done = finished_cells(&folder)?;
    let todo: Vec<usize> = mine.iter().copied().filter(|c| !done.contains(c)).collect();
    say!(
        global,
        "{}: {} points x {} replicates = {} cells{}; {} to run, {} already finished",
        identity.name,
        sweep.points.len(),
        identity.replicates,
        identity.cells,
        args.shard.map_or_else(String::new, |s| format!(
            ", shard {}/{} has {}",
            s.index,
            s.count,
            mine.len()
        )),
        todo.len(),
        mine.len() - todo.len()
    );
    let bar = progress::bar(global.quiet, todo.len() as u64, "cells");
    for &cell in &todo {
        run_cell(&sweep, &folder, cell)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    if args.shard.is_none() {
        finish(&folder, identity, args.no_plots)?;
        say!(global, "Sweep written to {}.", folder.display());
    } else {
        say!(
            global,
            "Shard written to {}; join the shards with `twolevel merge --output DIR SHARD...`.",
            folder.display()
        );
    }
    Ok(())
}

/// Writes the whole-sweep files of a complete folder: `sweep.csv`,
/// `summary.csv` and the plots.
fn finish(folder: &Path, identity: &SweepIdentity, no_plots: bool) -> Result<()> {
    let done = finished_cells(folder)?;
    let missing: Vec<usize> = (0..identity.cells).filter(|c| !done.contains(c)).collect();
    ensure!(
        missing.is_empty(),
        "`{}` lacks {} of {} cells (first: {:?})",
        folder.display(),
        missing.len(),
        identity.cells,
        &missing[..missing.len().min(10)]
    );
    let mut tidy = tidy_header(identity);
    for cell in 0..identity.cells {
        let path = cell_folder(folder, cell).join("rows.csv");
        tidy.push_str(
            &fs::read_to_string(&path)
                .with_context(|| format!("cannot read `{}`", path.display()))?,
        );
    }
    write_atomically(&folder.join("sweep.csv"), |w| w.write_all(tidy.as_bytes()))?;
    let summary = summarise(identity, &tidy)?;
    write_atomically(&folder.join("summary.csv"), |w| {
        w.write_all(summary.to_csv(identity).as_bytes())
    })?;
    if !no_plots {
        plot::sweep_plots(identity, &summary, folder)?;
    }
    Ok(())
}

/// The mean, standard deviation and standard error over replicates of
/// every measure of every player at every point.
pub struct SweepSummary {
    /// The measures, in the order of the tidy CSV.
    pub measures: Vec<String>,
    /// `stats[point][player][measure]`: (mean, sd, se).
    pub stats: Vec<Vec<Vec<(f64, f64, f64)>>>,
}

impl SweepSummary {
    fn to_csv(&self, identity: &SweepIdentity) -> String {
        let mut text = String::from("point");
        for axis in &identity.grid {
            text.push(',');
            text.push_str(&csv_field(&axis.path));
        }
        text.push_str(",player,measure,mean,sd,se,n\n");
        for (point, players) in self.stats.iter().enumerate() {
            let values = point_values(&identity.grid, point);
            for (player, stats) in players.iter().enumerate() {
                for (measure, (mean, sd, se)) in self.measures.iter().zip(stats) {
                    let _ = write!(text, "{point}");
                    for v in &values {
                        let _ = write!(text, ",{v}");
                    }
                    let _ = writeln!(
                        text,
                        ",{},{measure},{mean},{sd},{se},{}",
                        csv_field(&identity.players[player]),
                        identity.replicates
                    );
                }
            }
        }
        text
    }
}

/// Summarises the tidy CSV text (rows in cell order).
fn summarise(identity: &SweepIdentity, tidy: &str) -> Result<SweepSummary> {
    let points = identity.cells / identity.replicates as usize;
    let players = identity.players.len();
    let mut reader = csv::Reader::from_reader(tidy.as_bytes());
    let axes = identity.grid.len();
    let mut measures: Vec<String> = Vec::new();
    let mut values: Vec<Vec<Vec<Vec<f64>>>> = vec![vec![Vec::new(); players]; points];
    for record in reader.records() {
        let record = record.context("cannot read the tidy rows")?;
        let point: usize = record[1]
            .parse()
            .context("a point number in the tidy rows")?;
        let name = &record[4 + axes];
        let player = identity
            .players
            .iter()
            .position(|p| p == name)
            .ok_or_else(|| anyhow!("the tidy rows name an unknown player `{name}`"))?;
        let measure = &record[4 + axes + 1];
        let value: f64 = record[4 + axes + 2]
            .parse()
            .context("a value in the tidy rows")?;
        let measure_index = match measures.iter().position(|m| m == measure) {
            Some(k) => k,
            None => {
                measures.push(measure.to_owned());
                measures.len() - 1
            }
        };
        let slot = values
            .get_mut(point)
            .ok_or_else(|| anyhow!("the tidy rows name an unknown point {point}"))?;
        let slot = &mut slot[player];
        if slot.len() <= measure_index {
            slot.resize(measure_index + 1, Vec::new());
        }
        slot[measure_index].push(value);
    }
    let stats = values
        .into_iter()
        .map(|players| {
            players
                .into_iter()
                .map(|by_measure| {
                    by_measure
                        .into_iter()
                        .map(|v| {
                            let n = v.len() as f64;
                            let mean = v.iter().sum::<f64>() / n;
                            let sd = if v.len() > 1 {
                                (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0))
                                    .sqrt()
                            } else {
                                0.0
                            };
                            (mean, sd, sd / n.sqrt())
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    Ok(SweepSummary { measures, stats })
}

/// Draws a complete sweep's plots again from its `sweep.csv`.
pub fn replot(folder: &Path) -> Result<Vec<PathBuf>> {
    let identity = read_identity(folder)?
        .ok_or_else(|| anyhow!("`{}` is not a sweep output folder", folder.display()))?;
    let path = folder.join("sweep.csv");
    let tidy = fs::read_to_string(&path).with_context(|| {
        format!(
            "cannot read `{}` (a sharded sweep has none until it is merged)",
            path.display()
        )
    })?;
    plot::sweep_plots(&identity, &summarise(&identity, &tidy)?, folder)
}

/// `twolevel merge`: checks the shards and joins them.
pub fn merge(global: &Global, args: &MergeArgs) -> Result<()> {
    let folder = global
        .output
        .clone()
        .ok_or_else(|| anyhow!("name the merged output folder with `--output DIR`"))?;
    let mut identity: Option<(SweepIdentity, &Path)> = None;
    let mut count = None;
    let mut seen_shards = BTreeSet::new();
    let mut sources: Vec<Option<&Path>> = Vec::new();
    for shard_folder in &args.shards {
        let found = read_identity(shard_folder)?.ok_or_else(|| {
            anyhow!(
                "`{}` is not a sweep output folder (no sweep.json)",
                shard_folder.display()
            )
        })?;
        match &identity {
            None => {
                sources = vec![None; found.cells];
                identity = Some((found.clone(), shard_folder));
            }
            Some((first, first_folder)) if *first != found => bail!(
                "`{}` comes from another sweep than `{}` (\"{}\", hash {}, against \"{}\", hash {}): \
                 only shards of one sweep file and base file can be merged",
                shard_folder.display(),
                first_folder.display(),
                found.name,
                found.hash,
                first.name,
                first.hash
            ),
            Some(_) => {}
        }
        if let Ok(text) = fs::read_to_string(shard_folder.join("shard.json")) {
            let shard: Shard = serde_json::from_str(&text).with_context(|| {
                format!(
                    "`{}/shard.json` is not a shard description",
                    shard_folder.display()
                )
            })?;
            ensure!(
                *count.get_or_insert(shard.count) == shard.count,
                "`{}` is shard {}/{}, but an earlier folder was one of {} shards",
                shard_folder.display(),
                shard.index,
                shard.count,
                count.unwrap_or(0)
            );
            ensure!(
                seen_shards.insert(shard.index),
                "shard {}/{} is given twice (again in `{}`)",
                shard.index,
                shard.count,
                shard_folder.display()
            );
        }
        for cell in finished_cells(shard_folder)? {
            if let Some(slot) = sources.get_mut(cell) {
                slot.get_or_insert(shard_folder);
            }
        }
    }
    let (identity, _) = identity.ok_or_else(|| anyhow!("name at least one shard folder"))?;
    let missing: Vec<usize> = (0..identity.cells)
        .filter(|&c| sources[c].is_none())
        .collect();
    if !missing.is_empty() {
        let shards = count.map_or_else(String::new, |n| {
            let absent: Vec<String> = (1..=n)
                .filter(|k| !seen_shards.contains(k))
                .map(|k| format!("{k}/{n}"))
                .collect();
            if absent.is_empty() {
                String::new()
            } else {
                format!(" (shards not given: {})", absent.join(", "))
            }
        });
        bail!(
            "{} of {} cells are missing from the shards{shards}; first missing: {:?}",
            missing.len(),
            identity.cells,
            &missing[..missing.len().min(10)]
        );
    }
    claim_folder(&folder, &identity)?;
    let done = finished_cells(&folder)?;
    for (cell, source) in sources.iter().enumerate() {
        let source = source.expect("checked above");
        if done.contains(&cell) || source == folder {
            continue;
        }
        let from = cell_folder(source, cell);
        let set = OutputSet::create(cell_folder(&folder, cell))?;
        for entry in
            fs::read_dir(&from).with_context(|| format!("cannot read `{}`", from.display()))?
        {
            let entry = entry.with_context(|| format!("cannot read `{}`", from.display()))?;
            let name = entry.file_name();
            if name == twolevel_tournament::output::MANIFEST {
                continue;
            }
            let bytes = fs::read(entry.path())
                .with_context(|| format!("cannot read `{}`", entry.path().display()))?;
            write_atomically(&set.path().join(&name), |w| w.write_all(&bytes))?;
        }
        set.commit()?;
    }
    finish(&folder, &identity, args.no_plots)?;
    say!(
        global,
        "{} cells from {} folders merged into {}.",
        identity.cells,
        args.shards.len(),
        folder.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Value {
        serde_json::json!({
            "game": {"theta": 4.0, "beta": 0.8},
            "horizon": {"Continuation": {"delta": 0.99}},
            "politics": {"Fixed": 0.5},
            "repetitions": 3,
            "players": [
                "politician",
                {"Inline": {"name": "TFT-0.5", "political_weight": 0.5}}
            ]
        })
    }

    #[test]
    fn field_paths_reach_fields_items_and_variants() {
        let mut t = tree();
        set_field(&mut t, "game.theta", 2.0).unwrap();
        set_field(&mut t, "horizon.delta", 0.9).unwrap();
        set_field(&mut t, "politics", 0.25).unwrap();
        set_field(&mut t, "players[TFT-0.5].political_weight", 1.0).unwrap();
        set_field(&mut t, "players[1].political_weight", 0.75).unwrap();
        set_field(&mut t, "repetitions", 5.0).unwrap();
        assert_eq!(t["game"]["theta"], 2.0);
        assert_eq!(t["horizon"]["Continuation"]["delta"], 0.9);
        assert_eq!(t["politics"]["Fixed"], 0.25);
        assert_eq!(t["players"][1]["Inline"]["political_weight"], 0.75);
        assert_eq!(t["repetitions"], 5);
    }

    #[test]
    fn bad_field_paths_are_named() {
        let mut t = tree();
        let err = set_field(&mut t, "game.thetta", 1.0).unwrap_err();
        assert!(
            err.contains("game.thetta") && err.contains("theta, beta")
                || err.contains("beta, theta"),
            "{err}"
        );
        let err = set_field(&mut t, "players[nobody].political_weight", 1.0).unwrap_err();
        assert!(err.contains("nobody") && err.contains("TFT-0.5"), "{err}");
        let err = set_field(&mut t, "game", 1.0).unwrap_err();
        assert!(err.contains("not a number"), "{err}");
        let err = set_field(&mut t, "repetitions", 2.5).unwrap_err();
        assert!(err.contains("whole number"), "{err}");
        assert!(set_field(&mut t, "", 1.0).is_err());
    }

    #[test]
    fn levers_are_found_by_name() {
        assert_eq!(lever_named("knowledge"), Ok(Lever::Knowledge));
        assert_eq!(lever_named("political_buy_in"), Ok(Lever::PoliticalBuyIn));
        let err = lever_named("bribes").unwrap_err();
        assert!(
            err.contains("bribes") && err.contains("lever.quiet_diplomacy"),
            "{err}"
        );
    }

    #[test]
    fn shards_parse_and_partition_the_cells() {
        let shard: Shard = "2/4".parse().unwrap();
        assert_eq!(shard, Shard { index: 2, count: 4 });
        assert!(
            "5/4"
                .parse::<Shard>()
                .unwrap_err()
                .contains("greater than N")
        );
        assert!("0/4".parse::<Shard>().is_err() && "x".parse::<Shard>().is_err());
        let shards: Vec<Shard> = (1..=4).map(|k| Shard { index: k, count: 4 }).collect();
        for cell in 0..50 {
            assert_eq!(shards.iter().filter(|s| s.owns(cell)).count(), 1);
        }
    }

    #[test]
    fn points_enumerate_the_grid_first_axis_slowest() {
        let grid = vec![
            Axis {
                path: "a".into(),
                values: vec![1.0, 2.0],
            },
            Axis {
                path: "b".into(),
                values: vec![10.0, 20.0, 30.0],
            },
        ];
        assert_eq!(point_values(&grid, 0), vec![1.0, 10.0]);
        assert_eq!(point_values(&grid, 2), vec![1.0, 30.0]);
        assert_eq!(point_values(&grid, 3), vec![2.0, 10.0]);
    }
}
