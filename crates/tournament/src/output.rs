//! Output files that are never seen half written.
//!
//! - [`write_atomically`] writes one file: into a temporary file in the
//!   same folder, flushed and synced, then renamed over the target. A
//!   reader sees the old file or the new one, never a mix; a failed write
//!   (a full disk, a folder that cannot be written) leaves the old file in
//!   place and names the path in its error.
//! - [`OutputSet`] replaces a whole folder of results: the files are
//!   written into a hidden staging folder beside it, and
//!   [`OutputSet::commit`] swaps the staging folder in by renaming. An
//!   interrupted run leaves the previous set whole. Files in the old
//!   folder that the previous run did not write (a user's notes, another
//!   program's output) are carried over into the new one; the files a
//!   twolevel run wrote are listed in its [`MANIFEST`], written last.
//! - [`OutputLock`] keeps two writers out of one output path, whatever
//!   they write (a `twolevel run`'s set, a sweep, a merge): every writer
//!   of a path takes the same lock, an operating-system advisory lock on
//!   the hidden file `.NAME.lock` beside the folder (inside it, as
//!   [`OutputLock::INSIDE`], only when the parent cannot be written). A
//!   second writer is refused with "the folder is in use by pid N" (the
//!   pid and host are written in the file for that message). The
//!   operating system releases the lock when its process ends, even when
//!   killed, so a lock is never stale on any platform. On a file system
//!   without file locks (a cluster's Lustre scratch mounted without
//!   `flock`), the lock is the file `.NAME.lock-held`, created only if it
//!   does not exist and removed when the run ends; a run that is killed
//!   leaves it, and the next one is refused with the process it names
//!   (and, on Linux, whether that process still runs) and told to remove
//!   it.
//!
//! **Output folders, the rules.**
//!
//! - An output path that is a symbolic link to a folder is written
//!   *through*: the set replaces the folder the link points to (staged
//!   beside that folder, on its file system) and the link stays a link. A
//!   link that points nowhere is refused before anything runs, and so is
//!   a folder that is the root of a file system (a mount point cannot be
//!   renamed; write into a folder inside it).
//! - Files in an output folder that the previous run did not write (they
//!   are not in its [`MANIFEST`]: a user's `notes.txt`) are kept: they are
//!   moved into the new set. Files the previous run wrote and the new one
//!   does not are removed with the old set.
//! - A run that was killed leaves hidden siblings named
//!   `.NAME.KIND-PID-N` (`staging`, `partial` or `previous`). The next run
//!   into that path, holding its lock, knows that no other writer is at
//!   work there and treats them as stale: a `.NAME.previous-*` folder
//!   (the old set, renamed aside just before the new one was renamed in)
//!   is put back when the output folder is missing, and otherwise has its
//!   user files carried into the folder and is removed; `staging` and
//!   `partial` leftovers are removed. Its own process's leftovers are left
//!   alone, and so, where `/proc` tells (Linux), are those of a process
//!   that still runs (a writer that took no lock, such as an older
//!   version).
//!
//! ```
//! use twolevel_tournament::output::{OutputSet, write_atomically};
//!
//! let folder = std::env::temp_dir().join(format!("twolevel-output-doc-{}", std::process::id()));
//! let set = OutputSet::create(&folder)?;
//! write_atomically(&set.path().join("a.txt"), |w| w.write_all(b"new"))?;
//! let written = set.commit()?;
//! assert_eq!(std::fs::read_to_string(folder.join("a.txt")).unwrap(), "new");
//! assert_eq!(written, vec![folder.join("a.txt")]);
//! # std::fs::remove_dir_all(&folder).unwrap();
//! # Ok::<(), twolevel_tournament::OutputError>(())
//! ```

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::report::OutputError;

/// The file an [`OutputSet`] writes last, listing the files of the set,
/// one relative path a line.
pub const MANIFEST: &str = "MANIFEST.txt";

/// A number that makes temporary names unique within the process.
static TEMPORARY: AtomicU64 = AtomicU64::new(0);

/// A hidden name beside `path` for a temporary file or folder: the name of
/// `path` prefixed by a dot and followed by `kind`, the process id and a
/// counter.
fn temporary_sibling(path: &Path, kind: &str) -> PathBuf {
    hidden_sibling(
        path,
        &format!(
            "{kind}-{}-{}",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ),
    )
}

/// The hidden name `.NAME.suffix` beside `path` (NAME is `path`'s name).
fn hidden_sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| OsString::from("output"), OsString::from);
    let mut hidden = OsString::from(".");
    hidden.push(name);
    hidden.push(".");
    hidden.push(suffix);
    path.with_file_name(hidden)
}

/// The kinds of hidden temporary siblings [`temporary_sibling`] names.
const TEMPORARY_KINDS: [&str; 3] = ["staging", "partial", "previous"];

/// Reads a hidden temporary name `.NAME.KIND-PID-N` back as
/// (NAME, KIND, PID); `None` for any other name.
fn parse_temporary(name: &OsStr) -> Option<(&str, &str, u32)> {
    let name = name.to_str()?.strip_prefix('.')?;
    let (rest, counter) = name.rsplit_once('-')?;
    if counter.is_empty() || !counter.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (rest, pid) = rest.rsplit_once('-')?;
    let pid: u32 = pid.parse().ok()?;
    let (stem, kind) = rest.rsplit_once('.')?;
    TEMPORARY_KINDS.contains(&kind).then_some((stem, kind, pid))
}

/// Whether a hidden leftover of the process `pid` beside or inside an
/// output folder is stale, for a caller that holds the folder's
/// [`OutputLock`] (every writer of the folder holds it while it writes, so
/// a leftover is never a live writer's): always, except for this process's
/// own leftovers and, where `/proc` tells (Linux), those of a process that
/// still runs (a writer that took no lock, such as an older twolevel).
fn leftover_is_stale(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || !proc.join(pid.to_string()).exists()
}

/// The name of this machine as the lock file records it
/// (`/proc/sys/kernel/hostname` or `/etc/hostname`; `unknown` where
/// neither is readable).
fn host_name() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| fs::read_to_string(p).ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty() && !h.contains('\n'))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The folder an output path names: the path itself, or, for a symbolic
/// link to a folder, the folder it points to (so that the link is written
/// through, never replaced). Fails, naming the path, for a link that
/// points nowhere.
pub(crate) fn resolve_output(target: &Path) -> Result<PathBuf, OutputError> {
    let target = if target.file_name().is_none() {
        // `.` or `..`: name the folder itself, so that hidden siblings
        // land beside it.
        std::path::absolute(target).map_err(io_error(target))?
    } else {
        target.to_path_buf()
    };
    match fs::symlink_metadata(&target) {
        Ok(metadata) if metadata.file_type().is_symlink() => match fs::canonicalize(&target) {
            Ok(resolved) => Ok(resolved),
            Err(source) => {
                let points_to = fs::read_link(&target)
                    .map_or_else(|_| "?".to_owned(), |p| p.display().to_string());
                Err(OutputError::Io {
                    path: target,
                    source: io::Error::new(
                        source.kind(),
                        format!(
                            "it is a symbolic link to `{points_to}`, which cannot be reached \
                             ({source}); create that folder or choose another output path"
                        ),
                    ),
                })
            }
        },
        _ => Ok(target),
    }
}

/// An IO error about `path`.
pub(crate) fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the file at `path` atomically: `fill` writes the contents into a
/// buffered temporary file in the same folder, which is then flushed,
/// synced and renamed over `path`. Creates the folder if needed.
///
/// On failure the temporary file is removed, any previous file at `path`
/// is left as it was, and the error names `path`.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<PathBuf, OutputError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder).map_err(io_error(folder))?;
    }
    let temporary = temporary_sibling(path, "partial");
    let written = (|| {
        let file = fs::File::create(&temporary)?;
        let mut writer = BufWriter::new(file);
        fill(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if let Err(source) = written {
        // The temporary file may not exist; nothing else to clean up.
        let _ = fs::remove_file(&temporary);
        return Err(OutputError::Io {
            path: path.to_path_buf(),
            source,
        });
    }
    Ok(path.to_path_buf())
}

/// A folder of results being written: files go into a hidden staging
/// folder beside the target, and [`OutputSet::commit`] puts the complete
/// set in place (see the [module documentation](self)). Dropping an
/// uncommitted set removes the staging folder.
#[derive(Debug)]
pub struct OutputSet {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// Held until the set is committed or dropped (dropped after the
    /// staging folder is removed); `None` for a folder inside one whose
    /// lock the caller holds ([`OutputSet::create_inside_locked`]).
    _lock: Option<OutputLock>,
}

impl OutputSet {
    /// Starts a new set of files for the folder `target` (created or
    /// replaced on commit; a symbolic link to a folder is written through,
    /// see the [module documentation](self)). Takes the path's
    /// [`OutputLock`], puts back or completes what a killed run left
    /// ([`recover`]) and creates the staging folder beside the folder.
    /// Fails, naming the path, when the path is a file or a link to
    /// nowhere, when another run holds the lock, or when the staging
    /// folder cannot be created.
    pub fn create(target: impl AsRef<Path>) -> Result<Self, OutputError> {
        let target = resolve_output(target.as_ref())?;
        refuse_non_folder(&target)?;
        refuse_mount_point(&target)?;
        let lock = OutputLock::acquire(&target)?;
        recover(&target)?;
        let staging = temporary_sibling(&target, "staging");
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        Ok(OutputSet {
            target,
            staging,
            committed: false,
            _lock: Some(lock),
        })
    }

    /// Starts a new set for a folder inside an output folder whose
    /// [`OutputLock`] the caller holds (a sweep's cells): no lock of its
    /// own and no scan for leftovers beside it (the caller cleans the
    /// parent once with [`remove_stale_temporaries`]), so writing many
    /// such folders costs no scan of their parent each.
    pub(crate) fn create_inside_locked(target: &Path) -> Result<Self, OutputError> {
        refuse_non_folder(target)?;
        let staging = temporary_sibling(target, "staging");
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        Ok(OutputSet {
            target: target.to_path_buf(),
            staging,
            committed: false,
            _lock: None,
        })
    }

    /// The folder to write the files of the set into.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// The folder the set replaces on commit (the folder a symbolic link
    /// given to [`OutputSet::create`] points to).
    #[must_use]
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes the [`MANIFEST`], puts the set in place of the target folder
    /// and returns the paths of its files (in the target folder, sorted,
    /// the manifest not included).
    ///
    /// The old folder, if any, is renamed aside, the new one renamed into
    /// place, the old folder's files that its own manifest does not list
    /// (files the previous run did not write) moved into the new folder,
    /// and the old folder removed. Fails, naming the path, when a rename
    /// fails; the old set is then left in place. Once the new set is in
    /// place, only moving the user's files can fail (the error names the
    /// hidden folder that still holds them, and the next run completes the
    /// move); the old folder's removal is best effort (a leftover is
    /// removed by the next run).
    pub fn commit(mut self) -> Result<Vec<PathBuf>, OutputError> {
        let files = relative_files(&self.staging)?;
        let listing: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
        write_atomically(&self.staging.join(MANIFEST), |w| {
            w.write_all(listing.as_bytes())
        })?;
        // Checked again: the target may have changed since `create`.
        refuse_non_folder(&self.target)?;
        if fs::symlink_metadata(&self.target).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(OutputError::Io {
                path: self.target.clone(),
                source: io::Error::other(
                    "it became a symbolic link while the results were written; it is left \
                     alone: run again",
                ),
            });
        }
        let old = if self.target.exists() {
            let aside = temporary_sibling(&self.target, "previous");
            fs::rename(&self.target, &aside).map_err(io_error(&self.target))?;
            Some(aside)
        } else {
            None
        };
        if let Err(source) = fs::rename(&self.staging, &self.target) {
            if let Some(aside) = &old {
                // Put the previous set back; the error is the one to report.
                let _ = fs::rename(aside, &self.target);
            }
            return Err(OutputError::Io {
                path: self.target.clone(),
                source,
            });
        }
        self.committed = true;
        if let Some(aside) = old {
            carry_over_foreign_files(&aside, &self.target, &files)?;
            // The results are in place: a leftover is harmless and the
            // next run removes it.
            let _ = fs::remove_dir_all(&aside);
        }
        Ok(files.iter().map(|f| self.target.join(f)).collect())
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: an abandoned staging folder is hidden and named
            // after the process, so a leftover harms nothing.
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// A lock on an output path, held while a run writes there, by every
/// writer of that path alike (a `twolevel run`'s [`OutputSet`], a sweep,
/// a merge): an operating-system advisory lock
/// ([`File::try_lock`](std::fs::File::try_lock)) held on the hidden file
/// `.NAME.lock` beside the folder for the life of the lock. The file holds
/// `pid P` and `host H` for the message another run gets; the lock itself
/// is the operating system's, released when the process ends however it
/// ends (a run killed with `SIGKILL` leaves no stale lock), so no process
/// ids are checked. See the [module documentation](self).
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    /// The open lock file; its advisory lock is released when it is
    /// closed.
    file: fs::File,
    /// Whether the lock is the file's existence (a file system without
    /// file locks) rather than the operating system's lock on it.
    held: bool,
}

impl OutputLock {
    /// Takes the lock on the output folder `target` (a symbolic link is
    /// resolved first, so a link and its folder share one lock), creating
    /// the folder's parent if needed; a path that is a file is refused
    /// first (no lock is left beside it). The lock file is `.NAME.lock`
    /// beside the folder; only when that cannot be created because the
    /// parent cannot be written (`/scratch/$USER`) and the folder exists
    /// is it [`OutputLock::INSIDE`] the folder (a folder whose parent
    /// cannot be written cannot be replaced by an [`OutputSet`] either, so
    /// its writers all fall back alike). Fails with
    /// [`OutputError::InUse`], naming the folder, the lock file and the
    /// process, when another run holds it.
    pub fn acquire(target: impl AsRef<Path>) -> Result<OutputLock, OutputError> {
        let target = resolve_output(target.as_ref())?;
        refuse_non_folder(&target)?;
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let beside = hidden_sibling(&target, "lock");
        match OutputLock::take(&target, beside) {
            Err(OutputError::Io { path, source })
                if matches!(
                    source.kind(),
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                ) && target.is_dir() =>
            {
                match OutputLock::take(&target, target.join(OutputLock::INSIDE)) {
                    // The first error says why the usual lock was not taken.
                    Err(OutputError::Io { .. }) => Err(OutputError::Io { path, source }),
                    inside => inside,
                }
            }
            taken => taken,
        }
    }

    /// The name of the lock file inside a folder whose parent cannot be
    /// written (see [`OutputLock::acquire`]).
    pub const INSIDE: &'static str = ".twolevel.lock";

    /// Opens (or creates) the lock file `path` for the folder `target` and
    /// takes its advisory lock (see [`OutputLock::acquire`]).
    fn take(target: &Path, path: PathBuf) -> Result<OutputLock, OutputError> {
        let contents = format!("pid {}\nhost {}\n", std::process::id(), host_name());
        // The holder removes the file before it releases it, so a file
        // locked here may have been removed in between: then the path
        // names another file (or none), and the lock is taken again.
        for _ in 0..16 {
            let mut file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io_error(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let mut found = String::new();
                    // Unreadable while locked on some systems (Windows):
                    // the message then names no process.
                    let _ = io::Read::read_to_string(&mut file, &mut found);
                    let (pid, lock_host) = parse_lock(&found);
                    let here = host_name();
                    return Err(OutputError::InUse {
                        folder: target.to_path_buf(),
                        lock: path,
                        pid,
                        host: lock_host.filter(|h| *h != here).map(str::to_owned),
                    });
                }
                Err(fs::TryLockError::Error(source)) if locks_unsupported(&source) => {
                    drop(file);
                    // The empty file this attempt may have created is of
                    // no use on such a file system.
                    if fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
                        let _ = fs::remove_file(&path);
                    }
                    return OutputLock::take_held(target, &path);
                }
                Err(fs::TryLockError::Error(source)) => {
                    return Err(OutputError::Io {
                        path,
                        source: io::Error::new(
                            source.kind(),
                            format!(
                                "the lock file cannot be locked ({source}); the file system \
                                 may not support file locks: choose an output folder on a \
                                 local disk"
                            ),
                        ),
                    });
                }
            }
            if !names_file(&path, &file) {
                continue;
            }
            file.set_len(0)
                .and_then(|()| file.write_all(contents.as_bytes()))
                .and_then(|()| file.flush())
                .map_err(io_error(&path))?;
            return Ok(OutputLock {
                path,
                file,
                held: false,
            });
        }
        Err(OutputError::Io {
            path,
            source: io::Error::other(
                "the lock file was removed and created again by other runs too often to be \
                 locked: try again",
            ),
        })
    }

    /// The lock of a file system without file locks: the file beside
    /// `lock` named `-held`, created only if it does not exist (the
    /// creation is atomic on every file system, shared ones included),
    /// holding `pid P` and `host H`; fails with
    /// [`OutputError::LockFileExists`] when it exists.
    fn take_held(target: &Path, lock: &Path) -> Result<OutputLock, OutputError> {
        let mut name = lock.file_name().unwrap_or_default().to_owned();
        name.push("-held");
        let path = lock.with_file_name(name);
        let contents = format!("pid {}\nhost {}\n", std::process::id(), host_name());
        match fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                let written = file
                    .write_all(contents.as_bytes())
                    .and_then(|()| file.flush());
                if let Err(source) = written {
                    let _ = fs::remove_file(&path);
                    return Err(OutputError::Io { path, source });
                }
                Ok(OutputLock {
                    path,
                    file,
                    held: true,
                })
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let found = fs::read_to_string(&path).unwrap_or_default();
                let (pid, lock_host) = parse_lock(&found);
                let here = host_name();
                let elsewhere = lock_host.filter(|h| *h != here).map(str::to_owned);
                let running = match (pid, &elsewhere) {
                    (Some(pid), None) => process_runs(pid),
                    _ => None,
                };
                Err(OutputError::LockFileExists {
                    folder: target.to_path_buf(),
                    lock: path,
                    pid,
                    host: elsewhere,
                    running,
                })
            }
            Err(source) => Err(OutputError::Io { path, source }),
        }
    }

    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Whether an error from taking a file's advisory lock says that the file
/// system has no file locks (Lustre without `flock`: `ENOSYS`; NFS without
/// a lock manager: `ENOLCK`), rather than that the file is unusable.
fn locks_unsupported(error: &io::Error) -> bool {
    /// `ENOLCK` on Linux.
    const NO_LOCKS: i32 = 37;
    error.kind() == io::ErrorKind::Unsupported
        || (cfg!(target_os = "linux") && error.raw_os_error() == Some(NO_LOCKS))
}

/// Whether process `pid` of this machine still runs, where that can be
/// told without unsafe code (Linux's `/proc`).
fn process_runs(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        Some(Path::new("/proc").join(pid.to_string()).exists())
    } else {
        None
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        if self.held {
            // The file is the lock: removed, if the path still names it.
            if names_file(&self.path, &self.file) {
                let _ = fs::remove_file(&self.path);
            }
        } else if cfg!(unix) {
            // Removed while still locked (a run that opened it meanwhile
            // sees that the path no longer names it); only if the path
            // still names this file.
            if names_file(&self.path, &self.file) {
                let _ = fs::remove_file(&self.path);
            }
        } else {
            // Kept (the path could not be checked to name this file), but
            // emptied: it names no process.
            let _ = self.file.set_len(0);
        }
        // Closing the file (dropping `file`) releases the lock.
    }
}

/// Whether `path` names the open file `file`. On Unix by device and inode;
/// elsewhere always, as lock files are never removed there.
fn names_file(path: &Path, file: &fs::File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(path), file.metadata()) {
            (Ok(named), Ok(open)) => named.dev() == open.dev() && named.ino() == open.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (path, file);
        true
    }
}

/// The process id and host a lock file's text names, if it names them.
fn parse_lock(text: &str) -> (Option<u32>, Option<&str>) {
    let mut pid = None;
    let mut host = None;
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("pid ") {
            pid = p.trim().parse().ok();
        } else if let Some(h) = line.strip_prefix("host ") {
            host = Some(h.trim());
        }
    }
    (pid, host)
}

/// Puts back or completes what runs killed while writing to the output
/// folder `target` left beside it (see the [module documentation](self);
/// call it holding the path's [`OutputLock`]): a stale `.NAME.previous-*`
/// folder is renamed back to `target` when
/// `target` is missing (the newest, if several), and otherwise has the
/// files its manifest does not list moved into `target` and is removed;
/// stale `.NAME.staging-*` and `.NAME.partial-*` leftovers are removed,
/// as are the stale `partial` and `staging` leftovers inside `target`. Returns the folders put back. Fails, naming the path,
/// when a leftover cannot be read or a folder cannot be put back.
pub fn recover(target: &Path) -> Result<Vec<PathBuf>, OutputError> {
    let Some(name) = target.file_name() else {
        return Ok(Vec::new());
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let entries = match fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(OutputError::Io {
                path: parent.to_path_buf(),
                source,
            });
        }
    };
    let mut previous = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io_error(parent))?;
        let file_name = entry.file_name();
        let Some((stem, kind, pid)) = parse_temporary(&file_name) else {
            continue;
        };
        if OsStr::new(stem) != name || !leftover_is_stale(pid) {
            continue;
        }
        if kind == "previous" {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            previous.push((modified, entry.path()));
        } else {
            remove_any(&entry.path());
        }
    }
    // Oldest first: the newest is the one put back.
    previous.sort();
    let mut restored = Vec::new();
    if fs::symlink_metadata(target).is_err()
        && let Some((_, newest)) = previous.pop()
    {
        fs::rename(&newest, target).map_err(io_error(target))?;
        restored.push(target.to_path_buf());
    }
    if !previous.is_empty() {
        let files = relative_files(target)?;
        for (_, old) in previous {
            carry_over_foreign_files(&old, target, &files)?;
            let _ = fs::remove_dir_all(&old);
        }
    }
    remove_stale_temporaries(target)?;
    Ok(restored)
}

/// Removes the `staging` and `partial` leftovers inside `folder` (of any
/// name) that are stale (call it holding the folder's [`OutputLock`]; see
/// the [module documentation](self)); `previous` folders are left to
/// [`recover`]. Nothing to do when `folder` does not exist.
pub fn remove_stale_temporaries(folder: &Path) -> Result<(), OutputError> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e)
            if e.kind() == io::ErrorKind::NotFound || e.kind() == io::ErrorKind::NotADirectory =>
        {
            return Ok(());
        }
        Err(source) => {
            return Err(OutputError::Io {
                path: folder.to_path_buf(),
                source,
            });
        }
    };
    for entry in entries {
        let entry = entry.map_err(io_error(folder))?;
        let file_name = entry.file_name();
        if let Some((_, kind, pid)) = parse_temporary(&file_name)
            && kind != "previous"
            && leftover_is_stale(pid)
        {
            remove_any(&entry.path());
        }
    }
    Ok(())
}

/// Removes a file or a folder, best effort (a leftover that cannot be
/// removed is hidden and harms nothing).
fn remove_any(path: &Path) {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => {
            let _ = fs::remove_dir_all(path);
        }
        Ok(_) => {
            let _ = fs::remove_file(path);
        }
        Err(_) => {}
    }
}

/// Fails, naming `target`, when it is the root of a file system (a mount
/// point): a set replaces its folder by renaming, which cannot move a
/// mount point, so the run would fail only after its results were
/// written. Refused before anything runs instead.
fn refuse_mount_point(target: &Path) -> Result<(), OutputError> {
    // Elsewhere (wasm32 for the web explorer) there is no device number.
    #[cfg(not(unix))]
    let _ = target;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let (Ok(folder), Ok(above)) = (fs::metadata(target), fs::metadata(parent))
            && folder.is_dir()
            && folder.dev() != above.dev()
        {
            return Err(OutputError::Io {
                path: target.to_path_buf(),
                source: io::Error::new(
                    io::ErrorKind::CrossesDevices,
                    "it is the root of a file system (a mount point), which a new set of \
                     results cannot replace: write into a folder inside it",
                ),
            });
        }
    }
    Ok(())
}

/// Fails, naming `target`, when it exists and is not a folder (a file, a
/// device), or is a symbolic link to nothing (which the commit could not
/// replace, so that the run would fail only after it has run): a set
/// replaces a folder, never anything else.
pub(crate) fn refuse_non_folder(target: &Path) -> Result<(), OutputError> {
    let dangling = fs::symlink_metadata(target).is_ok_and(|link| link.file_type().is_symlink())
        && fs::metadata(target).is_err();
    if dangling {
        let pointee = fs::read_link(target).unwrap_or_default();
        return Err(OutputError::Io {
            path: target.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "it is a symbolic link to `{}`, which does not exist; create that folder, \
                     remove the link or choose another output path",
                    pointee.display()
                ),
            ),
        });
    }
    match fs::metadata(target) {
        Ok(metadata) if !metadata.is_dir() => Err(OutputError::Io {
            path: target.to_path_buf(),
            source: io::Error::new(
                io::ErrorKind::NotADirectory,
                "it exists and is not a folder; results are written into a folder: choose \
                 another output path",
            ),
        }),
        _ => Ok(()),
    }
}

/// The files under `folder`, as paths relative to it, sorted.
fn relative_files(folder: &Path) -> Result<Vec<PathBuf>, OutputError> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let here = folder.join(&relative);
        for entry in fs::read_dir(&here).map_err(io_error(&here))? {
            let entry = entry.map_err(io_error(&here))?;
            let path = relative.join(entry.file_name());
            if entry.file_type().map_err(io_error(&here))?.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Moves the top-level entries of the previous folder `old` that its
/// manifest does not list (and that the new set does not contain) into
/// `new`.
fn carry_over_foreign_files(
    old: &Path,
    new: &Path,
    new_files: &[PathBuf],
) -> Result<(), OutputError> {
    let manifest = old.join(MANIFEST);
    let listed: BTreeSet<PathBuf> = match fs::read_to_string(&manifest) {
        Ok(text) => text.lines().map(PathBuf::from).collect(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
        Err(source) => {
            return Err(OutputError::Io {
                path: manifest,
                source,
            });
        }
    };
    let taken: BTreeSet<&std::ffi::OsStr> = new_files
        .iter()
        .filter_map(|f| f.components().next())
        .map(|c| c.as_os_str())
        .chain([std::ffi::OsStr::new(MANIFEST)])
        .collect();
    for entry in fs::read_dir(old).map_err(io_error(old))? {
        let entry = entry.map_err(io_error(old))?;
        let name = entry.file_name();
        let ours = listed
            .iter()
            .any(|f| f.components().next().is_some_and(|c| c.as_os_str() == name));
        if ours || taken.contains(name.as_os_str()) {
            continue;
        }
        let to = new.join(&name);
        fs::rename(entry.path(), &to).map_err(|source| OutputError::Io {
            path: old.to_path_buf(),
            source: io::Error::new(
                source.kind(),
                format!(
                    "the new results are in place, but `{}` could not be moved from this \
                     folder into `{}` ({source}); it is kept here, and the next run into \
                     that folder moves it",
                    name.to_string_lossy(),
                    new.display()
                ),
            ),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("twolevel-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn without_file_locks_the_lock_is_a_file_that_exists_while_held() {
        let root = scratch("held");
        fs::create_dir_all(&root).unwrap();
        let target = root.join("out");
        let lock = hidden_sibling(&target, "lock");
        let first = OutputLock::take_held(&target, &lock).unwrap();
        let held = first.path().to_path_buf();
        assert!(
            held.to_string_lossy().ends_with(".out.lock-held"),
            "{held:?}"
        );
        let text = fs::read_to_string(&held).unwrap();
        assert!(
            text.contains(&format!("pid {}", std::process::id())),
            "{text}"
        );
        // A second run is refused, naming this process, which runs.
        let error = OutputLock::take_held(&target, &lock).unwrap_err();
        assert!(
            matches!(&error, OutputError::LockFileExists { pid: Some(p), running, host: None, .. }
                if *p == std::process::id() && running.is_none_or(|r| r)),
            "{error}"
        );
        assert!(error.to_string().contains("no file locks"), "{error}");
        // Released when dropped: the file is gone and the lock can be taken.
        drop(first);
        assert!(!held.exists());
        drop(OutputLock::take_held(&target, &lock).unwrap());
        // A file left by a run that was killed: refused, and told so.
        let ended = std::process::Command::new("true").spawn().unwrap();
        let pid = ended.id();
        let mut ended = ended;
        ended.wait().unwrap();
        fs::write(&held, format!("pid {pid}\nhost {}\n", host_name())).unwrap();
        let error = OutputLock::take_held(&target, &lock).unwrap_err();
        if cfg!(target_os = "linux") {
            assert!(
                error.to_string().contains("which no longer runs"),
                "{error}"
            );
        }
        assert!(
            error.to_string().contains("remove the lock file"),
            "{error}"
        );
        // One written on another machine names it.
        fs::write(&held, "pid 7\nhost elsewhere\n").unwrap();
        let error = OutputLock::take_held(&target, &lock)
            .unwrap_err()
            .to_string();
        assert!(error.contains("pid 7 on elsewhere"), "{error}");
        assert!(!error.contains("which no longer runs"), "{error}");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn only_a_file_system_without_locks_falls_back() {
        assert!(locks_unsupported(&io::Error::from(
            io::ErrorKind::Unsupported
        )));
        if cfg!(target_os = "linux") {
            assert!(locks_unsupported(&io::Error::from_raw_os_error(37)));
            // ENOSYS, as Lustre answers flock without the option.
            assert!(locks_unsupported(&io::Error::from_raw_os_error(38)));
        }
        assert!(!locks_unsupported(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        assert!(!locks_unsupported(&io::Error::other("disk")));
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_names_the_path() {
        let dir = scratch("atomic");
        let path = dir.join("x.csv");
        write_atomically(&path, |w| w.write_all(b"old")).unwrap();
        let err = write_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(
            err.to_string().contains("x.csv") && err.to_string().contains("disk full"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A dangling symbolic link is refused when the set is created, before
    /// anything runs (it used to fail only at the commit, after the run).
    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_refused_before_the_run() {
        let root = scratch("dangling");
        fs::create_dir_all(&root).unwrap();
        let link = root.join("out");
        std::os::unix::fs::symlink(root.join("nowhere"), &link).unwrap();
        let error = OutputSet::create(&link).unwrap_err().to_string();
        assert!(error.contains("symbolic link"), "{error}");
        assert!(error.contains("nowhere"), "{error}");
        // The link is left alone, and no staging folder is left behind.
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_dir(&root).unwrap().count(), 1);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_file_in_the_way_is_refused_and_left_alone() {
        let dir = std::env::temp_dir().join(format!("twolevel-output-file-{}", std::process::id()));
        fs::write(&dir, "mine").unwrap();
        let error = OutputSet::create(&dir).unwrap_err().to_string();
        assert!(error.contains("is not a folder"), "{error}");
        assert_eq!(fs::read_to_string(&dir).unwrap(), "mine");
        let _ = fs::remove_file(&dir);
    }

    #[test]
    fn a_set_replaces_the_previous_set_whole_and_keeps_foreign_files() {
        let dir = scratch("set");
        let first = OutputSet::create(&dir).unwrap();
        write_atomically(&first.path().join("a.csv"), |w| w.write_all(b"1")).unwrap();
        write_atomically(&first.path().join("b.csv"), |w| w.write_all(b"1")).unwrap();
        first.commit().unwrap();
        fs::write(dir.join("notes.txt"), "mine").unwrap();

        // An abandoned set changes nothing.
        let abandoned = OutputSet::create(&dir).unwrap();
        write_atomically(&abandoned.path().join("a.csv"), |w| w.write_all(b"2")).unwrap();
        drop(abandoned);
        assert_eq!(fs::read_to_string(dir.join("a.csv")).unwrap(), "1");

        let second = OutputSet::create(&dir).unwrap();
        write_atomically(&second.path().join("a.csv"), |w| w.write_all(b"2")).unwrap();
        let written = second.commit().unwrap();
        assert_eq!(written, vec![dir.join("a.csv")]);
        assert_eq!(fs::read_to_string(dir.join("a.csv")).unwrap(), "2");
        // b.csv belonged to the previous set; notes.txt did not.
        assert!(!dir.join("b.csv").exists());
        assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
        assert_eq!(fs::read_to_string(dir.join(MANIFEST)).unwrap(), "a.csv\n");
        // Nothing is left beside the folder.
        let parent = dir.parent().unwrap();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let leftovers = fs::read_dir(parent)
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(&format!(".{name}."))
            })
            .count();
        assert_eq!(leftovers, 0);
        fs::remove_dir_all(&dir).unwrap();
    }
    /// A process id no process has (above Linux's largest, 2^22).
    const GONE: u32 = 4_000_000_000;

    /// The hidden entries beside `dir` that belong to it.
    fn hidden_beside(dir: &Path) -> Vec<String> {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut found: Vec<String> = fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(&format!(".{name}.")))
            .collect();
        found.sort();
        found
    }

    fn commit_one(dir: &Path, file: &str, text: &str) -> Vec<PathBuf> {
        let set = OutputSet::create(dir).unwrap();
        write_atomically(&set.path().join(file), |w| w.write_all(text.as_bytes())).unwrap();
        set.commit().unwrap()
    }

    #[test]
    fn temporary_names_are_read_back() {
        let name = temporary_sibling(Path::new("a/my.out-2"), "previous");
        let (stem, kind, pid) = parse_temporary(name.file_name().unwrap()).unwrap();
        assert_eq!(
            (stem, kind, pid),
            ("my.out-2", "previous", std::process::id())
        );
        for other in [
            ".out.lock",
            "out",
            ".out.other-1-2",
            ".out.staging-x-1",
            ".out.staging-1-",
        ] {
            assert_eq!(parse_temporary(OsStr::new(other)), None, "{other}");
        }
        assert!(!leftover_is_stale(std::process::id()));
        assert!(leftover_is_stale(GONE));
    }

    /// Issue 27, item 8: a symbolic link to a folder of earlier results is
    /// written through; the link stays, the user's file survives, and the
    /// staging happens beside the link's target (its file system).
    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through_and_kept() {
        let dir = scratch("link");
        let target = dir.join("real");
        commit_one(&target, "a.csv", "old");
        fs::write(target.join("notes.txt"), "mine").unwrap();
        let link = dir.join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let set = OutputSet::create(&link).unwrap();
        assert_eq!(set.target(), fs::canonicalize(&target).unwrap());
        assert_eq!(
            set.path().parent(),
            Some(fs::canonicalize(&dir).unwrap().as_path())
        );
        write_atomically(&set.path().join("a.csv"), |w| w.write_all(b"new")).unwrap();
        set.commit().unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(link.join("a.csv")).unwrap(), "new");
        assert_eq!(
            fs::read_to_string(target.join("notes.txt")).unwrap(),
            "mine"
        );
        assert!(hidden_beside(&target).is_empty() && hidden_beside(&link).is_empty());
        // A link to nowhere is refused before anything is written.
        let dangling = dir.join("dangling");
        std::os::unix::fs::symlink(dir.join("nowhere"), &dangling).unwrap();
        let error = OutputSet::create(&dangling).unwrap_err().to_string();
        assert!(
            error.contains("symbolic link") && error.contains("nowhere"),
            "{error}"
        );
        assert!(hidden_beside(&dangling).is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A mount point cannot be renamed: it is refused before anything
    /// runs (it used to fail at commit, after the run).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_mount_point_is_refused_before_anything_runs() {
        let proc = Path::new("/proc");
        if fs::metadata(proc).is_ok() {
            let error = OutputSet::create(proc).unwrap_err().to_string();
            assert!(error.contains("mount point"), "{error}");
        }
    }

    /// Issue 27, item 9: killed between the two renames, a replacement
    /// leaves the old set in `.NAME.previous-*` and no folder; the next
    /// run puts it back (the user's file included) before writing.
    #[test]
    fn a_run_killed_between_the_renames_is_repaired() {
        let dir = scratch("killed");
        let out = dir.join("out");
        commit_one(&out, "a.csv", "old");
        fs::write(out.join("notes.txt"), "mine").unwrap();
        // The crash state: the old set renamed aside, the new one still
        // staged, by a process that is gone.
        let aside = out.with_file_name(format!(".out.previous-{GONE}-3"));
        fs::rename(&out, &aside).unwrap();
        fs::create_dir_all(out.with_file_name(format!(".out.staging-{GONE}-2"))).unwrap();
        // A leftover of a process that still runs (this one) is kept.
        let live = out.with_file_name(format!(".out.staging-{}-99", std::process::id()));
        fs::create_dir_all(&live).unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        let restored = recover(&out).unwrap();
        assert_eq!(restored, vec![out.clone()]);
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "old");
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        assert_eq!(
            hidden_beside(&out),
            vec![
                ".out.lock".to_owned(),
                live.file_name().unwrap().to_string_lossy().into_owned()
            ]
        );
        fs::remove_dir_all(&live).unwrap();
        drop(lock);

        // Killed after the new set was in place but before the user's
        // files were moved: the next run moves them and removes the rest.
        commit_one(&out, "a.csv", "new");
        let aside = out.with_file_name(format!(".out.previous-{GONE}-4"));
        fs::create_dir_all(&aside).unwrap();
        fs::write(aside.join(MANIFEST), "a.csv\n").unwrap();
        fs::write(aside.join("a.csv"), "old").unwrap();
        fs::write(aside.join("late.txt"), "mine too").unwrap();
        fs::write(out.join(format!(".b.csv.partial-{GONE}-5")), "half").unwrap();
        commit_one(&out, "a.csv", "newer");
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "newer");
        assert_eq!(
            fs::read_to_string(out.join("late.txt")).unwrap(),
            "mine too"
        );
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        assert!(!out.join(format!(".b.csv.partial-{GONE}-5")).exists());
        assert!(hidden_beside(&out).is_empty(), "{:?}", hidden_beside(&out));
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Issue 27, item 10: a second writer into a folder in use is refused,
    /// naming the process, whichever kind of writer each is (a set, a
    /// sweep's or a merge's lock: one lock for a path); a lock file whose
    /// operating-system lock nobody holds is taken at once, whatever
    /// process it names (the file of a killed run).
    #[test]
    fn a_folder_in_use_is_refused_and_stale_locks_are_taken_over() {
        let dir = scratch("lock");
        let out = dir.join("out");
        let first = OutputSet::create(&out).unwrap();
        let in_use = format!("the folder is in use by pid {}", std::process::id());
        let error = OutputSet::create(&out).unwrap_err().to_string();
        assert!(
            error.contains(&in_use) && error.contains(".out.lock"),
            "{error}"
        );
        // A sweep or merge into the same folder takes the same lock.
        let error = OutputLock::acquire(&out).unwrap_err().to_string();
        assert!(
            error.contains(&in_use) && error.contains(".out.lock"),
            "{error}"
        );
        drop(first);
        assert!(hidden_beside(&out).is_empty());
        let lock = OutputLock::acquire(&out).unwrap();
        let error = OutputSet::create(&out).unwrap_err().to_string();
        assert!(error.contains(&in_use), "{error}");
        // Through a symbolic link too.
        #[cfg(unix)]
        {
            let link = dir.join("link");
            fs::create_dir_all(&out).unwrap();
            std::os::unix::fs::symlink(&out, &link).unwrap();
            let error = OutputLock::acquire(&link).unwrap_err().to_string();
            assert!(error.contains(&in_use), "{error}");
        }
        drop(lock);
        // A lock file left by a killed run (a live pid, another host:
        // neither matters, only the operating system's lock does).
        let file = out.with_file_name(".out.lock");
        fs::write(
            &file,
            format!("pid {}\nhost elsewhere.example\n", std::process::id()),
        )
        .unwrap();
        commit_one(&out, "a.csv", "1");
        assert!(!file.exists());
        fs::write(&file, "").unwrap();
        let lock = OutputLock::acquire(&out).unwrap();
        assert_eq!(
            fs::read_to_string(lock.path()).unwrap(),
            format!("pid {}\nhost {}\n", std::process::id(), host_name())
        );
        drop(lock);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A folder whose parent cannot be written is locked from inside, by
    /// every writer alike.
    #[cfg(unix)]
    #[test]
    fn a_folder_whose_parent_cannot_be_written_is_locked_inside() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("inside");
        let out = dir.join("out");
        fs::create_dir_all(&out).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(dir.join("probe"), "").is_ok() {
            // Run as root: permissions are not enforced.
            fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
            fs::remove_dir_all(&dir).unwrap();
            return;
        }
        let lock = OutputLock::acquire(&out).unwrap();
        assert_eq!(lock.path(), out.join(OutputLock::INSIDE));
        let error = OutputLock::acquire(&out).unwrap_err().to_string();
        assert!(error.contains("in use by pid"), "{error}");
        drop(lock);
        assert!(!out.join(OutputLock::INSIDE).exists());
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        fs::remove_dir_all(&dir).unwrap();
    }
}
