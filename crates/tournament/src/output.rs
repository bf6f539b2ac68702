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
use std::ffi::OsString;
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
    let name = path
        .file_name()
        .map_or_else(|| OsString::from("output"), OsString::from);
    let mut hidden = OsString::from(".");
    hidden.push(name);
    hidden.push(format!(
        ".{kind}-{}-{}",
        std::process::id(),
        TEMPORARY.fetch_add(1, Ordering::Relaxed)
    ));
    path.with_file_name(hidden)
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
}

impl OutputSet {
    /// Starts a new set of files for the folder `target` (created or
    /// replaced on commit). Fails, naming the path, when the staging folder
    /// cannot be created.
    pub fn create(target: impl AsRef<Path>) -> Result<Self, OutputError> {
        let target = target.as_ref();
        let target = if target.file_name().is_none() {
            // `.` or `..`: name the folder itself, so that the staging
            // folder lands beside it.
            std::path::absolute(target).map_err(io_error(target))?
        } else {
            target.to_path_buf()
        };
        refuse_non_folder(&target)?;
        let staging = temporary_sibling(&target, "staging");
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        Ok(OutputSet {
            target,
            staging,
            committed: false,
        })
    }

    /// The folder to write the files of the set into.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// The folder the set replaces on commit.
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
    /// fails; the old set is then left in place.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, OutputError> {
        let files = relative_files(&self.staging)?;
        let listing: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
        write_atomically(&self.staging.join(MANIFEST), |w| {
            w.write_all(listing.as_bytes())
        })?;
        // Checked again: the target may have changed since `create`.
        refuse_non_folder(&self.target)?;
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
            fs::remove_dir_all(&aside).map_err(io_error(&aside))?;
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
        fs::rename(entry.path(), &to).map_err(io_error(&to))?;
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
}
