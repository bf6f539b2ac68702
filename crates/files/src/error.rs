//! The error of every configuration file: [`ConfigError`], which names
//! the file and, when it can, the line, the column and the field.

use std::path::{Path, PathBuf};

use thiserror::Error;
use twolevel_game::ParameterError;

use crate::locate::locate_field;

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
    /// Displayed as ``path:line:column: invalid `field`: reason`` when the
    /// position is known, as ``path: invalid `field`: reason`` otherwise.
    #[error("{}{}: invalid `{field}`: {reason}", path.display(), Position(*position))]
    Invalid {
        /// The file (or display origin).
        path: PathBuf,
        /// The field, as written in the file (dotted for nested fields,
        /// with indices for list elements: `players[2].patience`).
        field: String,
        /// What was wrong and what is expected.
        reason: String,
        /// The line and column (from 1) of the field's value in the file,
        /// when known; see [`ConfigError::located_in`].
        position: Option<(usize, usize)>,
    },
    /// The file parsed, but a strategy it describes could not be built.
    /// Displayed with the line and column of the field when known, like
    /// [`ConfigError::Invalid`]. The source is the builder's own error
    /// (`twolevel_strategies::registry::StrategyError` for the strategies
    /// of twolevel), which [`Error::downcast_ref`](std::error::Error) recovers.
    #[error("{}{}: in `{field}`: {source}", path.display(), Position(*position))]
    Strategy {
        /// The file (or display origin).
        path: PathBuf,
        /// The field holding the strategy description, for example
        /// `strategy` or `players[2]`.
        field: String,
        /// Why the strategy could not be built (boxed to keep the error
        /// small, and so that this crate need not know the strategies).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        /// The line and column (from 1) of the field's value in the file,
        /// when known; see [`ConfigError::located_in`].
        position: Option<(usize, usize)>,
    },
}

/// Displays an optional position as `:line:column`, or nothing.
struct Position(Option<(usize, usize)>);

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some((line, column)) => write!(f, ":{line}:{column}"),
            None => Ok(()),
        }
    }
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
            position: None,
        }
    }

    /// Turns a game [`ParameterError`] into an [`ConfigError::Invalid`]
    /// error of the file at `path`, keeping its field and reason.
    pub fn from_parameter(path: impl AsRef<Path>, error: ParameterError) -> Self {
        ConfigError::invalid(path, error.field, error.reason)
    }

    /// A [`ConfigError::Strategy`] error for the strategy described at
    /// `field` of the file at `path`, which could not be built because of
    /// `source`.
    pub fn strategy(
        path: impl AsRef<Path>,
        field: impl Into<String>,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        ConfigError::Strategy {
            path: path.as_ref().to_path_buf(),
            field: field.into(),
            source: source.into(),
            position: None,
        }
    }

    /// The error with the line and column of its field in `text`, the
    /// text of its file: an [`Invalid`](ConfigError::Invalid) or
    /// [`Strategy`](ConfigError::Strategy) error without a position gets
    /// the one [`locate_field`] finds for its field (the enclosing part
    /// when the field is not written, a default); any other error, or one
    /// already located, is returned unchanged.
    ///
    /// ```
    /// use twolevel_files::ConfigError;
    ///
    /// let text = "(\n    name: \"x\",\n    patience: 0.0,\n)";
    /// let err = ConfigError::invalid("p.ron", "patience", "expected a number in (0, 1]");
    /// assert_eq!(
    ///     err.located_in(text).to_string(),
    ///     "p.ron:3:15: invalid `patience`: expected a number in (0, 1]"
    /// );
    /// ```
    #[must_use]
    pub fn located_in(self, text: &str) -> Self {
        match self {
            ConfigError::Invalid {
                path,
                field,
                reason,
                position: None,
            } => ConfigError::Invalid {
                position: Some(locate_field(text, &field)),
                path,
                field,
                reason,
            },
            ConfigError::Strategy {
                path,
                field,
                source,
                position: None,
            } => ConfigError::Strategy {
                position: Some(locate_field(text, &field)),
                path,
                field,
                source,
            },
            other => other,
        }
    }

    /// The line and column (from 1) the error points at, when it has one.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ConfigError::Syntax { line, column, .. } => Some((*line, *column)),
            ConfigError::Io { .. } => None,
            ConfigError::Invalid { position, .. } | ConfigError::Strategy { position, .. } => {
                *position
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_ron;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        alpha: f64,
        beta: bool,
    }

    #[test]
    fn located_errors_show_the_position_and_only_once() {
        let text = "(\n    alpha: 2.0,\n)";
        let err = ConfigError::invalid("s.ron", "alpha", "too big");
        assert_eq!(err.position(), None);
        assert_eq!(err.to_string(), "s.ron: invalid `alpha`: too big");
        let located = err.located_in(text);
        assert_eq!(located.position(), Some((2, 12)));
        assert_eq!(located.to_string(), "s.ron:2:12: invalid `alpha`: too big");
        // Already located: kept.
        let again = located.located_in("(alpha: 2.0)");
        assert_eq!(again.position(), Some((2, 12)));
        let strategy =
            ConfigError::strategy("s.ron", "alpha", "unknown strategy `x`").located_in(text);
        assert!(
            strategy.to_string().starts_with("s.ron:2:12: in `alpha`: "),
            "{strategy}"
        );
        // Syntax errors keep their own position.
        let syntax = parse_ron::<Sample>("(alpha: 1.0, beta: 2)", "s.ron").unwrap_err();
        let position = syntax.position();
        assert_eq!(syntax.located_in("(\n\n alpha: 1.0)").position(), position);
    }

    /// A strategy error keeps its own error as its source, displayed
    /// after the field and recovered by downcasting.
    #[test]
    fn strategy_errors_keep_their_source() {
        use std::error::Error as _;
        let source = std::io::Error::other("no such strategy");
        let err = ConfigError::strategy("s.ron", "players[1]", source);
        assert_eq!(err.to_string(), "s.ron: in `players[1]`: no such strategy");
        let source = err.source().expect("a source");
        assert!(source.downcast_ref::<std::io::Error>().is_some());
        assert_eq!(err.path(), Path::new("s.ron"));
    }
}
