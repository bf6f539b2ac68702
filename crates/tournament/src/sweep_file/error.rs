//! [`SweepError`]: why a sweep could not be loaded, run or merged.

#[allow(clippy::wildcard_imports)]
use super::*;

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
         (\"{}\", hash {}); choose another output folder or remove that one (the hash covers \
         the sweep file, the base file, the presets and tables they use and the program's \
         version: a change to any of them makes another sweep)",
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
         only shards of one sweep file and base file, run with the same presets, tables and \
         program version, can be merged",
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
    /// A cell's folder does not hold that cell of this sweep as it was
    /// written: its `cell.json` or its rows name another cell, point,
    /// replicate, seed or sweep, a value is not a number the sweep writes,
    /// or the rows were edited after they were written.
    #[error(
        "`{}`: cell {cell}: {field} is {found}, expected {expected}; this folder does not \
         hold cell {cell} of this sweep as it was written (moved from another cell or sweep, \
         or edited): remove it and run the cell again",
        folder.join("cells").join(format!("{cell:06}")).display()
    )]
    ForeignCell {
        /// The output or shard folder holding the cell.
        folder: PathBuf,
        /// The cell's number (its folder's name).
        cell: usize,
        /// The field at fault (`cell.json`'s `seed`, `rows.csv` line 3's
        /// `value`, ...).
        field: String,
        /// What the field holds.
        found: String,
        /// What the cell should hold there.
        expected: String,
    },
    /// A shard `K/N` is not one.
    #[error("{reason}")]
    BadShard {
        /// What was wrong and what is expected.
        reason: String,
    },
}
