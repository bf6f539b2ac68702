//! What every renderer shares to write files: [`OutputError`] and the
//! atomic CSV and JSON writers.

use std::io::Write;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::output::write_atomically;

/// Results could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum OutputError {
    /// A folder or file could not be created or written.
    #[error("cannot write `{}`: {source}", path.display())]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CSV file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: csv::Error,
    },
    /// The JSON document could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// The per-match files were asked for, but the tournament was played
    /// without keeping its match records.
    #[error(
        "cannot write `{}`: the tournament was played without its match records; \
         play it with `RoundRobin::with_match_records(true)` (the `--matches` flag)",
        path.display()
    )]
    NoMatchRecords {
        /// The file that would hold the matches.
        path: PathBuf,
    },
    /// Another run is writing to the same output folder (it holds the
    /// folder's [`OutputLock`](crate::output::OutputLock)).
    #[error(
        "cannot write `{}`: the folder is in use by {}{} (lock file `{}`, locked by that \
         process until it ends); wait for that run to end, or choose another output folder",
        folder.display(),
        pid.map_or_else(|| "another run".to_owned(), |p| format!("pid {p}")),
        host.as_ref().map_or_else(String::new, |h| format!(" on {h}")),
        lock.display()
    )]
    InUse {
        /// The output folder.
        folder: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The process holding it, if the lock file names one.
        pid: Option<u32>,
        /// The machine the lock was taken on, when it is not this one (a
        /// folder on a shared file system).
        host: Option<String>,
    },
    /// On a file system without file locks the lock is a file that exists
    /// while a run writes (see [`OutputLock`](crate::output::OutputLock)),
    /// and one exists for this folder: another run is writing, or a run
    /// that was killed left it.
    #[error(
        "cannot write `{}`: the file system has no file locks, and the lock file `{}` names {}{}{}; \
         wait for that run to end, or, if it no longer runs, remove the lock file",
        folder.display(),
        lock.display(),
        pid.map_or_else(|| "another run".to_owned(), |p| format!("pid {p}")),
        host.as_ref().map_or_else(String::new, |h| format!(" on {h}")),
        if *running == Some(false) { ", which no longer runs" } else { "" }
    )]
    LockFileExists {
        /// The output folder.
        folder: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The process it names, if it names one.
        pid: Option<u32>,
        /// The machine it names, when it is not this one.
        host: Option<String>,
        /// Whether that process still runs, when it can be told (a
        /// process of this machine, on Linux).
        running: Option<bool>,
    },
}

/// Writes `value` as compact JSON to `path`, atomically; errors name the
/// path.
pub fn write_json_file<T: serde::Serialize>(
    value: &T,
    path: &Path,
) -> Result<PathBuf, OutputError> {
    let mut failure = None;
    let written = write_atomically(path, |w| {
        serde_json::to_writer(&mut *w, value).map_err(|e| {
            let io = std::io::Error::other(e.to_string());
            failure = Some(e);
            io
        })
    });
    match (written, failure) {
        (Err(_), Some(source)) if !source.is_io() => Err(OutputError::Json {
            path: path.to_path_buf(),
            source,
        }),
        (written, _) => written,
    }
}

/// Writes the CSV file at `path` atomically, filled with `rows`; errors
/// name the path.
pub fn write_csv(
    path: &Path,
    rows: impl FnOnce(&mut csv::Writer<&mut dyn Write>) -> csv::Result<()>,
) -> Result<PathBuf, OutputError> {
    write_atomically(path, |w| {
        let mut writer = csv::Writer::from_writer(w);
        rows(&mut writer).map_err(std::io::Error::other)?;
        writer.flush()
    })
}
