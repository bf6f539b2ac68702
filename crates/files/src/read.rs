//! Reading configuration files: their text ([`read_text_file`], at most
//! [`MAX_FILE_BYTES`]), their parsed value ([`read_ron_file`]) and the RON
//! files of a folder ([`ron_files_in`]).

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::error::ConfigError;
use crate::parse::parse_ron;

/// The largest configuration file read, in bytes (64 MiB): far above any
/// written file, and a bound for a path that never ends, such as
/// `/dev/zero`, or a huge file given by mistake.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Reads the text of the file at `path`; a failure (including a file of
/// more than [`MAX_FILE_BYTES`]) is a [`ConfigError::Io`] naming the path.
pub fn read_text_file(path: impl AsRef<Path>) -> Result<String, ConfigError> {
    use std::io::Read;
    let path = path.as_ref();
    let io_error = |source| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "more than {} MiB; a configuration file is expected to be smaller",
                MAX_FILE_BYTES >> 20
            ),
        )));
    }
    String::from_utf8(bytes).map_err(|error| not_utf8(path, error.as_bytes(), error.utf8_error()))
}

/// The error for a file that is not UTF-8: a [`ConfigError::Syntax`] at
/// the line and column (counted in characters, after a byte-order mark) of
/// the first byte that is not UTF-8, naming its value.
fn not_utf8(path: &Path, bytes: &[u8], error: std::str::Utf8Error) -> ConfigError {
    let valid = error.valid_up_to();
    // The bytes before the bad one are valid UTF-8.
    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let before = before.strip_prefix('\u{feff}').unwrap_or(before);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ConfigError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message: format!(
            "the byte 0x{:02X} here is not UTF-8 text (a file saved as Latin-1 or \
             Windows-1252, for instance with an accented letter in a comment); save the \
             file as UTF-8",
            bytes[valid]
        ),
    }
}

/// Reads the file at `path` and parses it with [`parse_ron`].
pub fn read_ron_file<T: DeserializeOwned>(path: impl AsRef<Path>) -> Result<T, ConfigError> {
    let path = path.as_ref();
    parse_ron(&read_text_file(path)?, path)
}

/// The `*.ron` files of a folder (other files and subfolders ignored),
/// sorted by path.
pub fn ron_files_in(dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, ConfigError> {
    let dir = dir.as_ref();
    let io_error = |source| ConfigError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    paths.retain(|p| p.extension().is_some_and(|ext| ext == "ron") && p.is_file());
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::Sample;

    /// A path that never ends (or a huge file) is refused after
    /// [`MAX_FILE_BYTES`], naming the path, instead of filling the memory.
    #[cfg(target_os = "linux")]
    #[test]
    fn endless_files_are_refused() {
        let error = read_text_file("/dev/zero").unwrap_err().to_string();
        assert!(
            error.starts_with("/dev/zero: cannot read the file: more than 64 MiB"),
            "{error}"
        );
    }

    /// A Latin-1 byte (here an `é` in a comment) is reported at its line
    /// and column with its value, not as a file that cannot be read.
    #[test]
    fn non_utf8_bytes_are_located() {
        let path = std::env::temp_dir().join(format!("twolevel-latin1-{}.ron", std::process::id()));
        std::fs::write(&path, b"(\n  // caf\xe9 au lait\n  alpha: 1.0,\n)").unwrap();
        let error = read_text_file(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        match &error {
            ConfigError::Syntax { line, column, .. } => assert_eq!((*line, *column), (2, 9)),
            other => panic!("unexpected error {other:?}"),
        }
        assert!(error.to_string().contains("0xE9"), "{error}");
    }

    #[test]
    fn missing_files_are_io_errors_naming_the_path() {
        let err = read_ron_file::<Sample>("/nonexistent/twolevel/file.ron").unwrap_err();
        assert!(matches!(err, ConfigError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/twolevel/file.ron"));
    }
}
