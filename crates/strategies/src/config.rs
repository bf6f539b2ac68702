//! Reading RON configuration files with errors that point at the place.
//!
//! Every configuration file of twolevel (strategy presets here, tournament
//! files in `twolevel-tournament`) is parsed with [`parse_ron`] or
//! [`read_ron_file`], and every problem is a [`ConfigError`] that names the
//! file and, when it can, the line, the column and the field.
//!
//! ```
//! use twolevel_strategies::config::{parse_ron, ConfigError};
//! use twolevel_strategies::registry::StrategySpec;
//!
//! let spec: StrategySpec = parse_ron(r#"(name: "Tit For Tat")"#, "inline.ron")?;
//! assert_eq!(spec.name, "Tit For Tat");
//!
//! let err = parse_ron::<StrategySpec>("(name: 3)", "inline.ron").unwrap_err();
//! assert!(err.to_string().starts_with("inline.ron:1:"));
//! # Ok::<(), ConfigError>(())
//! ```

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use thiserror::Error;
use twolevel_game::ParameterError;

use crate::registry::StrategyError;

/// A configuration file could not be read, parsed or accepted.
///
/// The `path` of every variant is the file concerned, or a display origin
/// such as `<embedded default>` for text that did not come from a file.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The text is not valid RON or does not have the expected shape (a
    /// missing or unknown field, a wrong type, a value rejected while
    /// deserializing). `line` and `column` count from 1.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file (or display origin) of the text.
        path: PathBuf,
        /// The line of the error, from 1.
        line: usize,
        /// The column of the error, from 1.
        column: usize,
        /// What was wrong and what was expected.
        message: String,
    },
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying IO error.
        #[source]
        source: std::io::Error,
    },
    /// The file parsed, but a field has a value that is not allowed.
    #[error("{}: invalid `{field}`: {reason}", path.display())]
    Invalid {
        /// The file (or display origin).
        path: PathBuf,
        /// The field, as written in the file (dotted for nested fields).
        field: String,
        /// What was wrong and what is expected.
        reason: String,
    },
    /// The file parsed, but a strategy it describes could not be built.
    #[error("{}: in `{field}`: {source}", path.display())]
    Strategy {
        /// The file (or display origin).
        path: PathBuf,
        /// The field holding the strategy description, for example
        /// `strategy` or `players[2]`.
        field: String,
        /// Why the strategy could not be built (boxed to keep the error
        /// small).
        #[source]
        source: Box<StrategyError>,
    },
}

impl ConfigError {
    /// An [`ConfigError::Invalid`] error for `field` of the file at `path`.
    pub fn invalid(
        path: impl AsRef<Path>,
        field: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        ConfigError::Invalid {
            path: path.as_ref().to_path_buf(),
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// Turns a game [`ParameterError`] into an [`ConfigError::Invalid`]
    /// error of the file at `path`, keeping its field and reason.
    pub fn from_parameter(path: impl AsRef<Path>, error: ParameterError) -> Self {
        ConfigError::invalid(path, error.field, error.reason)
    }

    /// A [`ConfigError::Strategy`] error for the strategy described at
    /// `field` of the file at `path`.
    pub fn strategy(
        path: impl AsRef<Path>,
        field: impl Into<String>,
        source: StrategyError,
    ) -> Self {
        ConfigError::Strategy {
            path: path.as_ref().to_path_buf(),
            field: field.into(),
            source: Box::new(source),
        }
    }

    /// The file (or display origin) the error concerns.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Syntax { path, .. }
            | ConfigError::Io { path, .. }
            | ConfigError::Invalid { path, .. }
            | ConfigError::Strategy { path, .. } => path,
        }
    }
}

/// Parses RON text into `T`.
///
/// `origin` names where the text came from (a file path, or a display
/// origin such as `"<embedded default>"`); it only appears in errors.
/// Errors raised by serde validation (for example a `TryFrom` conversion
/// failing with a [`ParameterError`], displayed as ``invalid `field`:
/// reason``) keep their message and get the position where RON noticed
/// them.
pub fn parse_ron<T: DeserializeOwned>(
    text: &str,
    origin: impl AsRef<Path>,
) -> Result<T, ConfigError> {
    // A UTF-8 byte-order mark (some editors write one) is not RON; it is
    // skipped, so that line and column numbers still count from the text
    // the user sees.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .from_str(text)
        .map_err(|error| {
            let (line, column) = error_position(text, &error.span);
            ConfigError::Syntax {
                path: origin.as_ref().to_path_buf(),
                line,
                column,
                message: syntax_message(&error.code),
            }
        })
}

/// The message of a RON error. RON's own for nesting beyond its recursion
/// limit points library users to `serde_stacker`, which means nothing to
/// someone writing a file; it says instead what is wrong with the file.
fn syntax_message(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => format!(
            "the file is nested too deeply here (more than {RECURSION_LIMIT} levels of brackets \
             inside one another); flatten it"
        ),
        other => other.to_string(),
    }
}

/// How many brackets may be open inside one another (RON's default).
const RECURSION_LIMIT: usize = 128;

/// The line and column (from 1) to report for a RON error span.
///
/// RON sometimes starts a span at the whitespace before the offending
/// value (`beta: maybe` reports the space after the colon), so the start
/// is moved forward over whitespace on its line, but not past the span end.
fn error_position(text: &str, span: &ron::error::Span) -> (usize, usize) {
    let (line, mut column) = (span.start.line, span.start.col);
    let Some(line_text) = text.lines().nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let limit = if span.end.line == line {
        span.end.col
    } else {
        usize::MAX
    };
    let mut rest = line_text.chars().skip(column.saturating_sub(1));
    while column < limit && rest.next().is_some_and(char::is_whitespace) {
        column += 1;
    }
    (line, column)
}

/// The name of the struct a RON document starts with (`Tournament` in
/// `Tournament(name: ..)`), with its line and column (from 1), skipping a
/// byte-order mark, whitespace and comments; `None` for a document that
/// starts with an unnamed struct `(..)` or anything else.
///
/// ```
/// use twolevel_strategies::config::leading_struct_name;
///
/// let text = "// A society.\n/* with a note */ Society(steps: 10)";
/// assert_eq!(leading_struct_name(text), Some(("Society", 2, 19)));
/// assert_eq!(leading_struct_name("(steps: 10)"), None);
/// ```
#[must_use]
pub fn leading_struct_name(text: &str) -> Option<(&str, usize, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, next)| next);
        } else {
            break;
        }
    }
    let name_length = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_length);
    if name.is_empty() || !after.trim_start().starts_with('(') {
        return None;
    }
    let before = &text[..text.len() - rest.len()];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((name, line, column))
}

/// Reads the text of the file at `path`; a failure is a
/// [`ConfigError::Io`] naming the path.
pub fn read_text_file(path: impl AsRef<Path>) -> Result<String, ConfigError> {
    let path = path.as_ref();
    std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.to_path_buf(),
        source,
    })
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
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        alpha: f64,
        beta: bool,
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = "(\n    alpha: 1.0,\n    beta: maybe,\n)";
        let err = parse_ron::<Sample>(text, "sample.ron").unwrap_err();
        match &err {
            ConfigError::Syntax { line, column, .. } => {
                assert_eq!(*line, 3);
                assert_eq!(*column, 11);
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(err.to_string().starts_with("sample.ron:3:11: "), "{err}");
    }

    #[test]
    fn positions_skip_leading_whitespace_but_keep_the_token() {
        let err =
            parse_ron::<Sample>("(\n    alpha: \"x\",\n    beta: true)", "s.ron").unwrap_err();
        assert!(err.to_string().starts_with("s.ron:2:12: "), "{err}");
        let err = parse_ron::<Sample>("(alpha: 1.0)", "s.ron").unwrap_err();
        assert!(err.to_string().starts_with("s.ron:1:12: "), "{err}");
        assert!(err.to_string().contains("beta"), "{err}");
    }

    #[test]
    fn unknown_fields_are_named() {
        let text = "(alpha: 1.0, beta: true, gamma: 2)";
        let err = parse_ron::<Sample>(text, "<embedded default>").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("<embedded default>:1:"), "{message}");
        assert!(message.contains("gamma"), "{message}");
    }

    #[test]
    fn missing_files_are_io_errors_naming_the_path() {
        let err = read_ron_file::<Sample>("/nonexistent/twolevel/file.ron").unwrap_err();
        assert!(matches!(err, ConfigError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/twolevel/file.ron"));
    }
}
