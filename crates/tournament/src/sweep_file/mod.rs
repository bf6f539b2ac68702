//! Parameter sweep files: a grid over numeric fields of a base tournament,
//! replicates with derived seeds, a tidy CSV, per-cell atomic writes,
//! resume, shards and merging. The `twolevel sweep`, `twolevel merge` and
//! `twolevel run` commands are a thin layer over this module (they add the
//! progress bar and the plots).
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
//! ([`Lever`](crate::levers::Lever), for example `lever.knowledge` or
//! `lever.political_buy_in`) to the value, applied after the fields.
//! Replicate `r` plays with the seed derived from the sweep's seed and `r`
//! alone, so the points of one replicate share their random numbers and
//! differ only by the swept values.
//!
//! A cell is one grid point in one replicate; cell `c` is point
//! `c / replicates`, replicate `c % replicates`. [`Sweep::run`] writes each
//! cell's results into `cells/NNNNNN/` of an output folder, whole or not at
//! all, so an interrupted sweep resumes where it stopped. A [`Shard`] `K/N`
//! runs the cells `c` with `c % N == K - 1`; [`merge`] joins the shards'
//! folders after checking that they come from the same sweep (a hash of
//! the sweep file and the base file) and that no cell is missing. A
//! complete sweep adds `sweep.csv` (tidy: a row per cell, player and
//! measure) and `summary.csv` (mean, standard deviation and standard error
//! over replicates per point, player and measure). [`Sweep::run_in_memory`]
//! runs every cell without writing anything and returns the same tidy
//! table.
//!
//! ```
//! use twolevel_tournament::progress::NoProgress;
//! use twolevel_tournament::sweep_file::Sweep;
//!
//! let folder = std::env::temp_dir().join(format!("sweep-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&folder).unwrap();
//! let base = twolevel_tournament::config::shipped_tournament("axelrod-first").unwrap();
//! std::fs::write(folder.join("base.ron"), base.replace("repetitions: 5", "repetitions: 1")).unwrap();
//! let text = r#"Sweep(name: "noise", base: "base.ron",
//!                     grid: [(path: "action_noise", values: [0.0, 0.1])])"#;
//! let sweep = Sweep::from_ron(text, folder.join("noise.ron"))?;
//! assert_eq!(sweep.identity().cells, 2);
//! let results = sweep.run_in_memory(&NoProgress)?;
//! assert!(results.tidy.starts_with("cell,point,replicate,seed,action_noise,player,measure,value\n"));
//! // A field path the base file does not have names itself, at its line and column.
//! let bad = Sweep::from_ron(&text.replace("action_noise", "action_nosie"), folder.join("bad.ron"));
//! let message = bad.unwrap_err().to_string();
//! assert!(message.contains("bad.ron:2:") && message.contains("`action_nosie`"), "{message}");
//! # std::fs::remove_dir_all(&folder).unwrap();
//! # Ok::<(), twolevel_tournament::sweep_file::SweepError>(())
//! ```

mod path;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_game::Currency;
use twolevel_strategies::config::{ConfigError, parse_ron, read_text_file};

use crate::config::{FileKind, PresetCatalog, TournamentFile};
use crate::output::{MANIFEST, OutputSet, write_atomically};
use crate::progress::Progress;
use crate::report::{OutputError, OutputOptions, write_json_file};
use crate::round_robin::{RoundRobin, RoundRobinResults};
use crate::seeding::derive_seed;
use crate::stats::mean_sd_se;

/// Why a sweep could not be loaded, run or merged. Every variant names the
/// file or folder concerned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SweepError {
    /// The sweep file or its base file could not be read or accepted; the
    /// error names the file, the line and the column.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A result file could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A file or folder of a sweep's output could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file of a sweep's output is not what the sweep wrote there.
    #[error("`{}` is not {expected}: {reason}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What the file should hold.
        expected: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// A folder given as a sweep's output has no `sweep.json`.
    #[error("`{}` is not a sweep output folder (no sweep.json)", folder.display())]
    NotSweepFolder {
        /// The folder.
        folder: PathBuf,
    },
    /// An output folder already holds another sweep's cells.
    #[error(
        "`{}` holds the output of another sweep (\"{}\", hash {}), not of this one \
         (\"{}\", hash {}); choose another output folder or remove that one",
        folder.display(), found.name, found.hash, expected.name, expected.hash
    )]
    OtherSweep {
        /// The folder.
        folder: PathBuf,
        /// The sweep whose output the folder holds.
        found: Box<SweepIdentity>,
        /// The sweep being run.
        expected: Box<SweepIdentity>,
    },
    /// Two folders given to [`merge`] come from different sweeps.
    #[error(
        "`{}` comes from another sweep than `{}` (\"{}\", hash {}, against \"{}\", hash {}): \
         only shards of one sweep file and base file can be merged",
        folder.display(), first_folder.display(), found.name, found.hash, first.name, first.hash
    )]
    MixedShards {
        /// The folder of the other sweep.
        folder: PathBuf,
        /// The first folder given.
        first_folder: PathBuf,
        /// The other sweep.
        found: Box<SweepIdentity>,
        /// The first folder's sweep.
        first: Box<SweepIdentity>,
    },
    /// An output folder holds a different shard of the sweep.
    #[error(
        "`{}` holds shard {}/{} of this sweep, not {}/{}",
        folder.display(), found.index, found.count, expected.index, expected.count
    )]
    OtherShard {
        /// The folder.
        folder: PathBuf,
        /// The shard the folder holds.
        found: Shard,
        /// The shard being run.
        expected: Shard,
    },
    /// Folders given to [`merge`] split the sweep into different numbers
    /// of shards.
    #[error(
        "`{}` is shard {}/{}, but an earlier folder was one of {earlier} shards",
        folder.display(), shard.index, shard.count
    )]
    ShardCounts {
        /// The folder.
        folder: PathBuf,
        /// Its shard.
        shard: Shard,
        /// The number of shards of the earlier folders.
        earlier: u32,
    },
    /// The same shard was given to [`merge`] twice.
    #[error("shard {}/{} is given twice (again in `{}`)", shard.index, shard.count, folder.display())]
    DuplicateShard {
        /// The shard.
        shard: Shard,
        /// The second folder holding it.
        folder: PathBuf,
    },
    /// [`merge`] was given no folder.
    #[error("name at least one shard folder")]
    NoShards,
    /// Cells are missing: from an output folder to be finished, or from
    /// the shards to be merged.
    #[error(
        "{}{} of {cells} cells are missing{}; first missing: {first:?}",
        folder.as_ref().map_or_else(String::new, |f| format!("`{}`: ", f.display())),
        missing,
        if absent_shards.is_empty() {
            String::new()
        } else {
            format!(" from the shards (shards not given: {})", absent_shards.join(", "))
        }
    )]
    MissingCells {
        /// The folder lacking them, or `None` for a set of shards.
        folder: Option<PathBuf>,
        /// How many are missing.
        missing: usize,
        /// The number of cells of the sweep.
        cells: usize,
        /// The first missing cells (at most ten).
        first: Vec<usize>,
        /// The shards (`K/N`) not given to [`merge`], if known.
        absent_shards: Vec<String>,
    },
    /// A shard `K/N` is not one.
    #[error("{reason}")]
    BadShard {
        /// What was wrong and what is expected.
        reason: String,
    },
}

/// A shard of a sweep: `K/N`, the K-th of N (from 1, `1 <= K <= N`). It
/// parses from the text `K/N`, or is built by [`Shard::new`]; a
/// `shard.json` is checked the same way when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ShardFields", into = "ShardFields")]
pub struct Shard {
    index: u32,
    count: u32,
}

/// A [`Shard`] as written in `shard.json`, before it is checked.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct ShardFields {
    index: u32,
    count: u32,
}

impl TryFrom<ShardFields> for Shard {
    type Error = SweepError;

    fn try_from(fields: ShardFields) -> Result<Self, Self::Error> {
        Shard::new(fields.index, fields.count)
    }
}

impl From<Shard> for ShardFields {
    fn from(shard: Shard) -> Self {
        ShardFields {
            index: shard.index,
            count: shard.count,
        }
    }
}

impl std::str::FromStr for Shard {
    type Err = SweepError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = |reason: String| SweepError::BadShard { reason };
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| bad(format!("expected K/N (for example 2/4), got `{text}`")))?;
        let number = |part: &str, what: &str| {
            part.trim().parse::<u32>().map_err(|_| {
                bad(format!(
                    "expected K/N with whole numbers, got {what} `{part}`"
                ))
            })
        };
        Shard::new(number(k, "K =")?, number(n, "N =")?)
    }
}

impl Shard {
    /// The `index`-th shard of `count` (from 1), or an error unless
    /// `1 <= index <= count`.
    pub fn new(index: u32, count: u32) -> Result<Shard, SweepError> {
        let bad = |reason: String| SweepError::BadShard { reason };
        if count == 0 || index == 0 {
            return Err(bad(format!("expected 1 <= K <= N, got {index}/{count}")));
        }
        if index > count {
            return Err(bad(format!(
                "shard K = {index} is greater than N = {count}; expected 1 <= K <= N"
            )));
        }
        Ok(Shard { index, count })
    }

    /// This shard's number K, from 1.
    #[must_use]
    pub const fn index(self) -> u32 {
        self.index
    }

    /// The number of shards N.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.count
    }

    /// Whether cell `cell` belongs to this shard.
    #[must_use]
    pub fn owns(self, cell: usize) -> bool {
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

/// The number of points of a grid (the product of its axes' lengths), or
/// `None` when it is more than [`Sweep::MAX_POINTS`].
fn grid_points(grid: &[Axis]) -> Option<usize> {
    grid.iter()
        .try_fold(1_usize, |product, axis| {
            product.checked_mul(axis.values.len())
        })
        .filter(|&points| points <= Sweep::MAX_POINTS)
}

impl SweepIdentity {
    /// Checks that the identity describes a sweep this version could have
    /// written: at least one replicate, a grid of non-empty axes with at
    /// most [`Sweep::MAX_POINTS`] points, and `cells` equal to points times
    /// replicates (at most [`Sweep::MAX_CELLS`]). Returns what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if self.replicates == 0 {
            return Err("`replicates` is 0; expected at least 1".into());
        }
        if self.grid.is_empty() || self.grid.iter().any(|axis| axis.values.is_empty()) {
            return Err("the grid has no axis or an axis without values".into());
        }
        let points = grid_points(&self.grid)
            .ok_or_else(|| format!("the grid has more than {} points", Sweep::MAX_POINTS))?;
        let expected = points * self.replicates as usize;
        if self.cells != expected || self.cells > Sweep::MAX_CELLS {
            return Err(format!(
                "`cells` is {}, but {points} points x {} replicates make {expected} (at most \
                 {} cells)",
                self.cells,
                self.replicates,
                Sweep::MAX_CELLS
            ));
        }
        Ok(())
    }
}

/// A sweep, loaded and checked: every point's tournament builds.
#[derive(Debug)]
pub struct Sweep {
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

/// The values of point `k` of a grid, the first axis varying slowest.
#[must_use]
pub fn point_values(grid: &[Axis], mut k: usize) -> Vec<f64> {
    let mut values = vec![0.0; grid.len()];
    for (slot, axis) in values.iter_mut().zip(grid).rev() {
        *slot = axis.values[k % axis.values.len()];
        k /= axis.values.len();
    }
    values
}

/// A [`ConfigError`] at the line and column of `field` in the sweep text.
fn invalid_at(text: &str, path: &Path, field: &str, reason: impl std::fmt::Display) -> ConfigError {
    ConfigError::invalid(path, field, reason.to_string()).located_in(text)
}

impl Sweep {
    /// Reads the sweep file at `path` and its base, and builds every
    /// point's tournament, so that a bad value fails before anything runs.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Sweep, SweepError> {
        let path = path.as_ref();
        Sweep::from_ron(&read_text_file(path)?, path)
    }

    /// The most grid points a sweep may have (each holds its tournament
    /// while the sweep runs).
    pub const MAX_POINTS: usize = 100_000;

    /// The most cells (points times replicates) a sweep may have (each is
    /// a folder of results).
    pub const MAX_CELLS: usize = 1_000_000;

    /// Parses the sweep text read from `path` (its `base` is found relative
    /// to `path`'s folder) and builds every point's tournament. Errors name
    /// the sweep file with the line and column of the field at fault (the
    /// axis for a bad field path or value), and the base file for errors
    /// in it.
    pub fn from_ron(text: &str, path: impl AsRef<Path>) -> Result<Sweep, SweepError> {
        let path = path.as_ref();
        let file: SweepFile = parse_ron(text, path)?;
        let invalid = |field: &str, reason: String| invalid_at(text, path, field, reason);
        if file.grid.is_empty() {
            return Err(invalid(
                "grid",
                "expected at least one axis `(path: .., values: [..])`, got an empty grid".into(),
            )
            .into());
        }
        for (k, axis) in file.grid.iter().enumerate() {
            if axis.values.is_empty() {
                return Err(invalid(
                    &format!("grid[{k}].values"),
                    format!(
                        "the axis `{}` has no values; expected at least one",
                        axis.path
                    ),
                )
                .into());
            }
        }
        if file.replicates == 0 {
            return Err(invalid("replicates", "expected at least 1".into()).into());
        }
        // The number of points and cells, bounded before anything is built:
        // every point holds its tournament and every cell is a folder.
        let point_count = grid_points(&file.grid).ok_or_else(|| {
            let lengths: Vec<String> = file
                .grid
                .iter()
                .map(|a| a.values.len().to_string())
                .collect();
            invalid(
                "grid",
                format!(
                    "the grid has {} points (the product of its axes' lengths); expected \
                         at most {}",
                    lengths.join(" x "),
                    Sweep::MAX_POINTS
                ),
            )
        })?;
        let cells = point_count
            .checked_mul(file.replicates as usize)
            .filter(|&cells| cells <= Sweep::MAX_CELLS)
            .ok_or_else(|| {
                invalid(
                    "replicates",
                    format!(
                        "{} replicates of {point_count} grid point(s) make {} cells; expected \
                         at most {} cells",
                        file.replicates,
                        u128::from(file.replicates) * point_count as u128,
                        Sweep::MAX_CELLS
                    ),
                )
            })?;
        let base_path = path.parent().unwrap_or(Path::new("")).join(&file.base);
        let base_text = read_text_file(&base_path)
            .map_err(|error| invalid("base", format!("the base file cannot be read: {error}")))?;
        if FileKind::of(&base_text) != FileKind::RoundRobin {
            return Err(invalid(
                "base",
                format!("`{}` is not a round-robin `Tournament(..)` file", file.base),
            )
            .into());
        }
        let catalog = PresetCatalog::for_tournament_file(&base_path)?;
        let base: TournamentFile = parse_ron(&base_text, &base_path)?;
        let tree = serde_json::to_value(&base).map_err(|error| {
            ConfigError::invalid(
                &base_path,
                "Tournament",
                format!("cannot read the base tournament as a tree: {error}"),
            )
        })?;
        let mut points = Vec::with_capacity(point_count);
        let mut players = Vec::new();
        let mut seed = base.seed;
        for k in 0..point_count {
            let values = point_values(&file.grid, k);
            let mut tree = tree.clone();
            let mut levers = Vec::new();
            for (a, (axis, &value)) in file.grid.iter().zip(&values).enumerate() {
                let bad = |reason| invalid(&format!("grid[{a}].path"), reason);
                if let Some(name) = axis.path.strip_prefix("lever.") {
                    levers.push((path::lever_named(name).map_err(bad)?, value));
                } else {
                    path::set_field(&mut tree, &axis.path, value).map_err(bad)?;
                }
            }
            let at = |error: &dyn std::fmt::Display| {
                let settings: Vec<String> = file
                    .grid
                    .iter()
                    .zip(&values)
                    .map(|(a, v)| format!("{} = {v}", a.path))
                    .collect();
                invalid(
                    "grid",
                    format!("at grid point {k} ({}): {error}", settings.join(", ")),
                )
            };
            let point: TournamentFile = serde_json::from_value(tree).map_err(|e| at(&e))?;
            // A point fails either because the base file is wrong in
            // itself, reported at its line and column in the base file, or
            // because of the grid's values, reported at the grid.
            let mut tournament =
                point.validate(&base_path, &catalog).map_err(|error| {
                    match base.clone().validate(&base_path, &catalog) {
                        Err(base_error) => base_error.located_in(&base_text),
                        Ok(_) => at(&error),
                    }
                })?;
            for (lever, value) in levers {
                tournament.round_robin = lever
                    .apply(&tournament.round_robin, value)
                    .map_err(|e| at(&e))?;
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
                cells,
                grid: file.grid,
                replicates: file.replicates,
                seed,
                players,
            },
            points,
            output: file.output.map(PathBuf::from),
        })
    }

    /// The sweep with its master seed replaced by `seed`. A different seed
    /// is a different sweep: the identity's hash changes with it, so its
    /// cells never mix with the file seed's in one folder.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.identity.seed = seed;
        self.identity.hash = format!(
            "{:016x}",
            fnv1a(&[self.identity.hash.as_bytes(), &seed.to_le_bytes()])
        );
        self
    }

    /// What identifies the sweep (written to `sweep.json`).
    #[must_use]
    pub fn identity(&self) -> &SweepIdentity {
        &self.identity
    }

    /// The tournament of every grid point, in order (each cell plays one
    /// with its replicate's seed).
    #[must_use]
    pub fn points(&self) -> &[RoundRobin] {
        &self.points
    }

    /// The output folder the sweep file names (`output: Some("..")`), if
    /// any.
    #[must_use]
    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }

    /// Prepares `folder` for the sweep, or for one shard of it: checks
    /// that it holds this sweep (and this shard) or nothing yet, writes
    /// `sweep.json` (and `shard.json`), and lists the cells that are the
    /// shard's and those of them still to run.
    pub fn prepare(&self, folder: &Path, shard: Option<Shard>) -> Result<Pending, SweepError> {
        claim_folder(folder, &self.identity)?;
        if let Some(shard) = shard {
            let path = folder.join("shard.json");
            match fs::read_to_string(&path) {
                Ok(text) => {
                    let found: Shard =
                        serde_json::from_str(&text).map_err(|e| SweepError::Malformed {
                            path: path.clone(),
                            expected: "a shard description",
                            reason: e.to_string(),
                        })?;
                    if found != shard {
                        return Err(SweepError::OtherShard {
                            folder: folder.to_path_buf(),
                            found,
                            expected: shard,
                        });
                    }
                }
                Err(_) => {
                    write_json_file(&shard, &path)?;
                }
            }
        }
        let owned: Vec<usize> = (0..self.identity.cells)
            .filter(|&c| shard.is_none_or(|s| s.owns(c)))
            .collect();
        let done = finished_cells(folder)?;
        let to_run = owned
            .iter()
            .copied()
            .filter(|c| !done.contains(c))
            .collect();
        Ok(Pending { owned, to_run })
    }

    /// Plays cell `cell` and writes its folder whole: the round robin's
    /// files and `rows.csv`, its rows of the tidy CSV.
    pub fn run_cell(&self, folder: &Path, cell: usize) -> Result<(), SweepError> {
        let (results, rows) = self.play_cell(cell);
        let set = OutputSet::create(cell_folder(folder, cell))?;
        results.write_files(set.path(), OutputOptions::default())?;
        write_atomically(&set.path().join("rows.csv"), |w| {
            w.write_all(rows.as_bytes())
        })?;
        set.commit()?;
        Ok(())
    }

    /// Plays cell `cell`: its results and its rows of the tidy CSV.
    fn play_cell(&self, cell: usize) -> (RoundRobinResults, String) {
        let identity = &self.identity;
        let replicates = identity.replicates as usize;
        let (point, replicate) = (cell / replicates, cell % replicates);
        let seed = derive_seed(identity.seed, &[replicate as u64]);
        let results = self.points[point].clone().with_seed(seed).play();
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
        (results, rows)
    }

    /// Runs the sweep, or one shard of it, into `folder`: prepares it
    /// ([`Sweep::prepare`]), plays the cells not yet finished (reporting
    /// each to `progress`) and, for the whole sweep, writes `sweep.csv`
    /// and `summary.csv` ([`finish`]). Returns what was run, with the
    /// summary of a whole sweep.
    pub fn run(
        &self,
        folder: &Path,
        shard: Option<Shard>,
        progress: &dyn Progress,
    ) -> Result<SweepRun, SweepError> {
        let pending = self.prepare(folder, shard)?;
        self.run_cells(folder, &pending.to_run, progress)?;
        let summary = match shard {
            None => Some(finish(folder, &self.identity)?),
            Some(_) => None,
        };
        Ok(SweepRun { pending, summary })
    }

    /// Plays and writes the given cells one after another (each round
    /// robin plays on the rayon pool), reporting each finished cell to
    /// `progress`.
    pub fn run_cells(
        &self,
        folder: &Path,
        cells: &[usize],
        progress: &dyn Progress,
    ) -> Result<(), SweepError> {
        progress.start(cells.len() as u64);
        for &cell in cells {
            self.run_cell(folder, cell)?;
            progress.advance(1);
        }
        Ok(())
    }

    /// Plays every cell without writing a file and returns the tidy table
    /// and its summary, the same bytes [`Sweep::run`] writes to
    /// `sweep.csv` and `summary.csv`. Each cell's round robin is dropped
    /// once its rows are taken, so memory holds only the rows.
    pub fn run_in_memory(&self, progress: &dyn Progress) -> Result<SweepResults, SweepError> {
        let identity = &self.identity;
        progress.start(identity.cells as u64);
        let mut tidy = tidy_header(identity);
        for cell in 0..identity.cells {
            tidy.push_str(&self.play_cell(cell).1);
            progress.advance(1);
        }
        let summary = summarise(identity, &tidy, Path::new("sweep.csv"))?;
        Ok(SweepResults {
            identity: identity.clone(),
            tidy,
            summary,
        })
    }
}

/// The cells of a sweep (or shard) in an output folder
/// ([`Sweep::prepare`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The cells of the shard (every cell of an unsharded sweep).
    pub owned: Vec<usize>,
    /// Those of them not finished yet, in order.
    pub to_run: Vec<usize>,
}

/// What [`Sweep::run`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    /// The cells it owned and ran.
    pub pending: Pending,
    /// The summary of the complete sweep; `None` for a shard (merge the
    /// shards to get it).
    pub summary: Option<SweepSummary>,
}

/// A whole sweep run in memory ([`Sweep::run_in_memory`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SweepResults {
    /// What identifies the sweep.
    pub identity: SweepIdentity,
    /// The tidy CSV, header included: a row per cell, player and measure
    /// (what `sweep.csv` holds).
    pub tidy: String,
    /// Mean, standard deviation and standard error over replicates.
    pub summary: SweepSummary,
}

impl std::fmt::Display for SweepResults {
    /// A table per grid point: each player's mean scores in every currency
    /// and cooperation rate, with standard errors over the replicates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let identity = &self.identity;
        writeln!(
            f,
            "Sweep \"{}\": {} points x {} replicates = {} cells, seed {}",
            identity.name,
            identity.cells / identity.replicates as usize,
            identity.replicates,
            identity.cells,
            identity.seed
        )?;
        let shown: Vec<usize> = (0..self.summary.measures.len())
            .filter(|&m| {
                let measure = &self.summary.measures[m];
                measure.starts_with("score_") || measure == "cooperation_rate"
            })
            .collect();
        let width = identity.players.iter().map(String::len).max().unwrap_or(0);
        for (point, players) in self.summary.stats.iter().enumerate() {
            let settings: Vec<String> = identity
                .grid
                .iter()
                .zip(point_values(&identity.grid, point))
                .map(|(axis, v)| format!("{} = {v}", axis.path))
                .collect();
            writeln!(f, "\nPoint {point} ({}):", settings.join(", "))?;
            write!(f, "  {:width$}", "player")?;
            for &m in &shown {
                write!(f, " {:>22}", self.summary.measures[m])?;
            }
            writeln!(f)?;
            for (player, stats) in players.iter().enumerate() {
                write!(f, "  {:width$}", identity.players[player])?;
                for &m in &shown {
                    let (mean, _, se) = stats[m];
                    write!(f, " {:>22}", format!("{mean:.4} ± {se:.4}"))?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

/// The folder of cell `cell`.
fn cell_folder(folder: &Path, cell: usize) -> PathBuf {
    folder.join("cells").join(format!("{cell:06}"))
}

/// The measures of the tidy CSV, each with its value for one standing.
/// How many measures [`measures`] gives for each player: the score and
/// the wins in every currency, the cooperation rate and the rank.
const MEASURES_PER_PLAYER: usize = 2 * Currency::ALL.len() + 2;

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
    debug_assert_eq!(rows.len(), MEASURES_PER_PLAYER);
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

/// Checks that `folder` holds this sweep (or nothing yet) and writes its
/// `sweep.json`.
fn claim_folder(folder: &Path, identity: &SweepIdentity) -> Result<(), SweepError> {
    crate::output::refuse_non_folder(folder)?;
    if let Some(found) = read_identity(folder)? {
        if found.hash != identity.hash {
            return Err(SweepError::OtherSweep {
                folder: folder.to_path_buf(),
                found: Box::new(found),
                expected: Box::new(identity.clone()),
            });
        }
        return Ok(());
    }
    write_json_file(identity, &folder.join("sweep.json"))?;
    Ok(())
}

/// The `sweep.json` of a folder, if it has one, checked for consistency
/// ([`SweepIdentity::check`]).
pub fn read_identity(folder: &Path) -> Result<Option<SweepIdentity>, SweepError> {
    let path = folder.join("sweep.json");
    match fs::read_to_string(&path) {
        Ok(text) => {
            let malformed = |reason: String| SweepError::Malformed {
                path: path.clone(),
                expected: "a sweep description",
                reason,
            };
            let identity: SweepIdentity =
                serde_json::from_str(&text).map_err(|e| malformed(e.to_string()))?;
            identity.check().map_err(malformed)?;
            Ok(Some(identity))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SweepError::Read { path, source }),
    }
}

/// Reads a file of an output folder whole.
fn read_file(path: &Path) -> Result<Vec<u8>, SweepError> {
    fs::read(path).map_err(|source| SweepError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The finished cells in a folder.
fn finished_cells(folder: &Path) -> Result<BTreeSet<usize>, SweepError> {
    let cells = folder.join("cells");
    let mut done = BTreeSet::new();
    let unreadable = |source| SweepError::Read {
        path: cells.clone(),
        source,
    };
    let entries = match fs::read_dir(&cells) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(unreadable(e)),
    };
    for entry in entries {
        let entry = entry.map_err(unreadable)?;
        // Hidden staging folders of interrupted cells are not finished.
        if let Some(cell) = entry.file_name().to_str().and_then(|n| n.parse().ok()) {
            done.insert(cell);
        }
    }
    Ok(done)
}

/// The first ten of a list of missing cells.
fn first_ten(missing: &[usize]) -> Vec<usize> {
    missing[..missing.len().min(10)].to_vec()
}

/// Writes the whole-sweep files of a complete folder, `sweep.csv` and
/// `summary.csv`, and returns the summary. Fails, naming the missing
/// cells, when the folder lacks some.
pub fn finish(folder: &Path, identity: &SweepIdentity) -> Result<SweepSummary, SweepError> {
    identity.check().map_err(|reason| SweepError::Malformed {
        path: folder.join("sweep.json"),
        expected: "a sweep description",
        reason,
    })?;
    let done = finished_cells(folder)?;
    let missing: Vec<usize> = (0..identity.cells).filter(|c| !done.contains(c)).collect();
    if !missing.is_empty() {
        return Err(SweepError::MissingCells {
            folder: Some(folder.to_path_buf()),
            missing: missing.len(),
            cells: identity.cells,
            first: first_ten(&missing),
            absent_shards: Vec::new(),
        });
    }
    let mut tidy = tidy_header(identity);
    let rows_per_cell = identity.players.len() * MEASURES_PER_PLAYER;
    for cell in 0..identity.cells {
        let path = cell_folder(folder, cell).join("rows.csv");
        let rows = String::from_utf8_lossy(&read_file(&path)?).into_owned();
        // A cell damaged after it was written would silently drop a
        // replicate from its point's summary.
        // Counted as CSV records: a quoted player name may hold a line
        // break.
        let found = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(rows.as_bytes())
            .records()
            .count();
        if found != rows_per_cell {
            return Err(SweepError::Malformed {
                path,
                expected: "a cell's rows of the tidy CSV",
                reason: format!(
                    "{found} rows; expected {rows_per_cell} ({} players x {MEASURES_PER_PLAYER} \
                     measures); run the cell again by removing its folder",
                    identity.players.len()
                ),
            });
        }
        tidy.push_str(&rows);
    }
    let tidy_path = folder.join("sweep.csv");
    write_atomically(&tidy_path, |w| w.write_all(tidy.as_bytes()))?;
    let summary = summarise(identity, &tidy, &tidy_path)?;
    write_atomically(&folder.join("summary.csv"), |w| {
        w.write_all(summary.to_csv(identity).as_bytes())
    })?;
    Ok(summary)
}

/// The mean, standard deviation and standard error over replicates of
/// every measure of every player at every point.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepSummary {
    /// The measures, in the order of the tidy CSV.
    pub measures: Vec<String>,
    /// `stats[point][player][measure]`: (mean, sd, se).
    pub stats: Vec<Vec<Vec<(f64, f64, f64)>>>,
}

impl SweepSummary {
    /// The summary as `summary.csv` holds it: a row per point, player and
    /// measure.
    #[must_use]
    pub fn to_csv(&self, identity: &SweepIdentity) -> String {
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

/// Summarises the tidy CSV text (rows in cell order) read from `origin`.
fn summarise(
    identity: &SweepIdentity,
    tidy: &str,
    origin: &Path,
) -> Result<SweepSummary, SweepError> {
    let malformed = |reason: String| SweepError::Malformed {
        path: origin.to_path_buf(),
        expected: "a sweep's tidy rows",
        reason,
    };
    let points = identity.cells / identity.replicates as usize;
    let players = identity.players.len();
    let mut reader = csv::Reader::from_reader(tidy.as_bytes());
    let axes = identity.grid.len();
    let mut measures: Vec<String> = Vec::new();
    let mut values: Vec<Vec<Vec<Vec<f64>>>> = vec![vec![Vec::new(); players]; points];
    for record in reader.records() {
        let record = record.map_err(|e| malformed(e.to_string()))?;
        let field = |k: usize| {
            record
                .get(k)
                .ok_or_else(|| malformed(format!("a row has fewer than {} fields", k + 1)))
        };
        let point: usize = field(1)?
            .parse()
            .map_err(|_| malformed(format!("`{}` is not a point number", &record[1])))?;
        let name = field(4 + axes)?;
        let player = identity
            .players
            .iter()
            .position(|p| p == name)
            .ok_or_else(|| malformed(format!("the rows name an unknown player `{name}`")))?;
        let measure = field(4 + axes + 1)?;
        let text = field(4 + axes + 2)?;
        let value: f64 = text
            .parse()
            .map_err(|_| malformed(format!("`{text}` is not a number")))?;
        let measure_index = match measures.iter().position(|m| m == measure) {
            Some(k) => k,
            None => {
                measures.push(measure.to_owned());
                measures.len() - 1
            }
        };
        let slot = values
            .get_mut(point)
            .ok_or_else(|| malformed(format!("the rows name an unknown point {point}")))?;
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
                .map(|by_measure| by_measure.into_iter().map(|v| mean_sd_se(&v)).collect())
                .collect()
        })
        .collect();
    Ok(SweepSummary { measures, stats })
}

/// Reads a complete sweep folder back: its identity and the summary of
/// its `sweep.csv` (for drawing its plots again).
pub fn read_summary(folder: &Path) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    let identity = read_identity(folder)?.ok_or_else(|| SweepError::NotSweepFolder {
        folder: folder.to_path_buf(),
    })?;
    let path = folder.join("sweep.csv");
    let tidy = fs::read_to_string(&path).map_err(|source| SweepError::Read {
        path: path.clone(),
        source: std::io::Error::new(
            source.kind(),
            format!("{source} (a sharded sweep has none until it is merged)"),
        ),
    })?;
    let summary = summarise(&identity, &tidy, &path)?;
    Ok((identity, summary))
}

/// Joins the output folders of a sweep's shards into `folder`, after
/// checking that they come from one sweep (the same `sweep.json`), that no
/// shard is given twice and that no cell is missing; then writes the
/// whole-sweep files ([`finish`]). The merged folder is byte-identical to
/// the folder of the sweep run whole. Returns the sweep's identity and
/// summary.
pub fn merge(
    folder: &Path,
    shards: &[PathBuf],
) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    let mut identity: Option<(SweepIdentity, &Path)> = None;
    let mut count = None;
    let mut seen_shards = BTreeSet::new();
    let mut sources: Vec<Option<&Path>> = Vec::new();
    for shard_folder in shards {
        let found = read_identity(shard_folder)?.ok_or_else(|| SweepError::NotSweepFolder {
            folder: shard_folder.clone(),
        })?;
        match &identity {
            None => {
                sources = vec![None; found.cells];
                identity = Some((found, shard_folder));
            }
            Some((first, first_folder)) if *first != found => {
                return Err(SweepError::MixedShards {
                    folder: shard_folder.clone(),
                    first_folder: first_folder.to_path_buf(),
                    found: Box::new(found),
                    first: Box::new(first.clone()),
                });
            }
            Some(_) => {}
        }
        let shard_path = shard_folder.join("shard.json");
        if let Ok(text) = fs::read_to_string(&shard_path) {
            let shard: Shard = serde_json::from_str(&text).map_err(|e| SweepError::Malformed {
                path: shard_path.clone(),
                expected: "a shard description",
                reason: e.to_string(),
            })?;
            let earlier = *count.get_or_insert(shard.count);
            if earlier != shard.count {
                return Err(SweepError::ShardCounts {
                    folder: shard_folder.clone(),
                    shard,
                    earlier,
                });
            }
            if !seen_shards.insert(shard.index) {
                return Err(SweepError::DuplicateShard {
                    shard,
                    folder: shard_folder.clone(),
                });
            }
        }
        for cell in finished_cells(shard_folder)? {
            if let Some(slot) = sources.get_mut(cell) {
                slot.get_or_insert(shard_folder);
            }
        }
    }
    let (identity, _) = identity.ok_or(SweepError::NoShards)?;
    let missing: Vec<usize> = (0..identity.cells)
        .filter(|&c| sources[c].is_none())
        .collect();
    if !missing.is_empty() {
        let absent_shards = count.map_or_else(Vec::new, |n| {
            (1..=n)
                .filter(|k| !seen_shards.contains(k))
                .map(|k| format!("{k}/{n}"))
                .collect()
        });
        return Err(SweepError::MissingCells {
            folder: None,
            missing: missing.len(),
            cells: identity.cells,
            first: first_ten(&missing),
            absent_shards,
        });
    }
    claim_folder(folder, &identity)?;
    let done = finished_cells(folder)?;
    for (cell, source) in sources.iter().enumerate() {
        let Some(source) = *source else { continue };
        if done.contains(&cell) || source == folder {
            continue;
        }
        copy_cell(&cell_folder(source, cell), &cell_folder(folder, cell))?;
    }
    let summary = finish(folder, &identity)?;
    Ok((identity, summary))
}

/// Copies a finished cell's folder whole (written as a new output set).
fn copy_cell(from: &Path, to: &Path) -> Result<(), SweepError> {
    let unreadable = |source| SweepError::Read {
        path: from.to_path_buf(),
        source,
    };
    let set = OutputSet::create(to)?;
    for entry in fs::read_dir(from).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        if name == MANIFEST {
            continue;
        }
        let bytes = read_file(&entry.path())?;
        write_atomically(&set.path().join(&name), |w| w.write_all(&bytes))?;
    }
    set.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition_the_cells() {
        let shard: Shard = "2/4".parse().unwrap();
        assert_eq!(shard, Shard::new(2, 4).unwrap());
        assert_eq!((shard.index(), shard.count()), (2, 4));
        assert!(
            "5/4"
                .parse::<Shard>()
                .unwrap_err()
                .to_string()
                .contains("greater than N")
        );
        assert!("0/4".parse::<Shard>().is_err() && "x".parse::<Shard>().is_err());
        let shards: Vec<Shard> = (1..=4).map(|k| Shard::new(k, 4).unwrap()).collect();
        // A `shard.json` is checked as the text is.
        assert!(serde_json::from_str::<Shard>(r#"{"index":0,"count":0}"#).is_err());
        assert!(serde_json::from_str::<Shard>(r#"{"index":3,"count":2}"#).is_err());
        assert_eq!(
            serde_json::to_string(&shard).unwrap(),
            r#"{"index":2,"count":4}"#
        );
        for cell in 0..50 {
            assert_eq!(shards.iter().filter(|s| s.owns(cell)).count(), 1);
        }
    }

    /// A `sweep.json` that this version could not have written (edited or
    /// damaged) is refused when read, instead of allocating its `cells` or
    /// dividing by its `replicates`.
    #[test]
    fn inconsistent_sweep_descriptions_are_refused_when_read() {
        let good = SweepIdentity {
            name: "s".into(),
            hash: "0".into(),
            grid: vec![Axis {
                path: "action_noise".into(),
                values: vec![0.0, 0.1],
            }],
            replicates: 3,
            seed: 1,
            players: vec!["a".into()],
            cells: 6,
        };
        assert_eq!(good.check(), Ok(()));
        let folder = std::env::temp_dir().join(format!("twolevel-identity-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        let cases = [
            SweepIdentity {
                replicates: 0,
                ..good.clone()
            },
            SweepIdentity {
                cells: 1_000_000_000_000_000,
                ..good.clone()
            },
            SweepIdentity {
                grid: vec![],
                ..good.clone()
            },
        ];
        for bad in cases {
            fs::write(
                folder.join("sweep.json"),
                serde_json::to_string(&bad).unwrap(),
            )
            .unwrap();
            let error = read_identity(&folder).unwrap_err().to_string();
            assert!(
                error.contains("sweep.json") && error.contains("not a sweep description"),
                "{error}"
            );
            assert!(finish(&folder, &bad).is_err());
        }
        let _ = fs::remove_dir_all(&folder);
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
