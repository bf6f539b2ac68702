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
    /// [`ConfigError::Invalid`].
    #[error("{}{}: in `{field}`: {source}", path.display(), Position(*position))]
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
    /// use twolevel_strategies::config::ConfigError;
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

/// Parses RON text into `T`.
///
/// `origin` names where the text came from (a file path, or a display
/// origin such as `"<embedded default>"`); it only appears in errors.
/// Errors raised by serde validation (for example a `TryFrom` conversion
/// failing with a [`ParameterError`], displayed as ``invalid `field`:
/// reason``) keep their message and get the position of the field they
/// name inside the value that failed, or else the position where RON
/// noticed them (the end of that value).
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
            let mut position = error_position(text, &error.span);
            // A value that failed its own validation is reported by RON at
            // its end; its message names the field at fault.
            if let ron::Error::Message(message) = &error.code
                && let Some((field, _)) = message
                    .strip_prefix("invalid `")
                    .and_then(|rest| rest.split_once('`'))
            {
                position = refine_position(text, position, field);
            }
            let (line, column) = position;
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

/// The line and column (from 1) of the value of the field at the dotted
/// path `field` in the RON `text`: `q`, `game.benefit`,
/// `players[2].patience`, `sweep.mu[1]`.
///
/// Each name is searched as `name:` at the outermost level of the part
/// found so far (inside a `Some(..)` for an optional block), and each
/// index counts the elements of the list that follows. A part that is not
/// written (a default), or a name that is not a field (such as `Counts` in
/// `initial.Counts`), leaves the position at the enclosing part, so that
/// the position is always in the file; the whole file's first bracket
/// when nothing matches. Comments are skipped, and a UTF-8 byte-order
/// mark is not counted, as in [`parse_ron`], so that lines and columns
/// count from the text the user sees. Columns count characters.
///
/// ```
/// use twolevel_strategies::config::locate_field;
///
/// let text = "Tournament(\n    name: \"t\",\n    players: [Preset(\"a\"), Preset(\"b\")],\n)";
/// assert_eq!(locate_field(text, "name"), (2, 11));
/// assert_eq!(locate_field(text, "players[1]"), (3, 28));
/// // `players[1]` has no `name:` field: its element is the place.
/// assert_eq!(locate_field(text, "players[1].name"), (3, 28));
/// // A field left at its default: the whole file.
/// assert_eq!(locate_field(text, "seed"), (1, 11));
/// ```
#[must_use]
pub fn locate_field(text: &str, field: &str) -> (usize, usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let code = skeleton(text);
    let (offset, _) = walk(&code, (code.find('(').unwrap_or(0), code.len()), field);
    position_of(text, offset)
}

/// Follows the dotted path `field` from `range` of the skeleton `code`
/// (see [`locate_field`]): the offset reached, and whether the path's
/// first name was found at all.
fn walk(code: &str, mut range: (usize, usize), field: &str) -> (usize, bool) {
    let mut found_first = false;
    for (k, segment) in field.split('.').enumerate() {
        let (name, indices) = match segment.find('[') {
            Some(open) => (&segment[..open], &segment[open..]),
            None => (segment, ""),
        };
        let Some(value) = find_field(code, range, name, 1) else {
            break;
        };
        found_first |= k == 0;
        // An optional block is searched inside its `Some(..)`.
        range.0 = if code[value..].starts_with("Some(") {
            value + "Some(".len()
        } else {
            value
        };
        for index in indices
            .split(['[', ']'])
            .filter_map(|i| i.parse::<usize>().ok())
        {
            match list_element(code, range, index) {
                Some(element) => range = element,
                None => break,
            }
        }
    }
    (range.0, found_first)
}

/// The line and column (from 1, columns in characters) of byte `offset`
/// of `text`.
fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The byte offset of `line` and `column` (from 1, columns in
/// characters) in `text`, if the text has that place.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    let within = match line_text.char_indices().nth(column.saturating_sub(1)) {
        Some((at, _)) => at,
        None => line_text.len(),
    };
    Some(line_start + within)
}

/// A better place for an error RON reports at the end of a value, when
/// the value's own validation failed with ``invalid `field`: ..``
/// (a [`ParameterError`] of a `TryFrom` conversion): the place of `field`
/// inside the value that encloses (`line`, `column`), following the path
/// as [`locate_field`] does, or else the first `name:` of its last name at
/// any depth of that value (`threshold` inside `game: (policy:
/// CollectiveRisk(threshold: ..))`). The place RON gave when neither is
/// written there.
fn refine_position(text: &str, (line, column): (usize, usize), field: &str) -> (usize, usize) {
    let code = skeleton(text);
    // The skeleton has the text's bytes and lines, not its characters.
    let Some(offset) = offset_of(text, line, column) else {
        return (line, column);
    };
    let Some(open) = enclosing_open(&code, offset) else {
        return (line, column);
    };
    let end = (offset + 1).min(code.len());
    let (at, found) = walk(&code, (open, end), field);
    if found {
        return position_of(text, at);
    }
    let last = field.rsplit('.').next().unwrap_or(field);
    let last = last.split('[').next().unwrap_or(last);
    match find_field(&code, (open, end), last, i32::MAX) {
        Some(at) => position_of(text, at),
        None => (line, column),
    }
}

/// The offset of the bracket that opens the value ending at `offset` (when
/// `code[offset]` closes a bracket) or enclosing it (otherwise).
fn enclosing_open(code: &str, offset: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut depth = 0_usize;
    for at in (0..offset.min(bytes.len())).rev() {
        match bytes[at] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    return Some(at);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// The skeleton of RON `text`: every comment (`// ..` to the end of the
/// line, `/* .. */`, which may nest) and the contents of every string
/// literal replaced by spaces (the quotes and newlines kept), so that a
/// field name, comma or bracket inside a comment or a string is not taken
/// for structure, while byte offsets and line numbers are kept.
fn skeleton(text: &str) -> String {
    let blank = |out: &mut String, c: char| {
        if c == '\n' {
            out.push('\n');
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('"', _) => {
                out.push('"');
                while let Some(next) = chars.next() {
                    if next == '"' {
                        out.push('"');
                        break;
                    }
                    blank(&mut out, next);
                    if next == '\\'
                        && let Some(escaped) = chars.next()
                    {
                        blank(&mut out, escaped);
                    }
                }
            }
            ('/', Some('/')) => {
                while let Some(&next) = chars.peek() {
                    if next == '\n' {
                        break;
                    }
                    chars.next();
                    blank(&mut out, next);
                }
                out.push(' ');
            }
            ('/', Some('*')) => {
                chars.next();
                out.push_str("  ");
                let mut depth = 1_usize;
                while depth > 0 {
                    let Some(next) = chars.next() else { break };
                    match (next, chars.peek()) {
                        ('*', Some('/')) => depth -= 1,
                        ('/', Some('*')) => depth += 1,
                        _ => {
                            blank(&mut out, next);
                            continue;
                        }
                    }
                    chars.next();
                    out.push_str("  ");
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The offset of the first non-space character of the value of the field
/// `name` written as `name:` in `code[range]`, at most `max_depth` levels
/// of brackets deep (1: the outermost level of the range).
fn find_field(
    code: &str,
    (start, end): (usize, usize),
    name: &str,
    max_depth: i32,
) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut depth = 0_i32;
    let mut offset = start;
    while offset < end {
        match bytes[offset] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth <= 0 {
                    // The end of the part searched.
                    return None;
                }
            }
            _ => {}
        }
        let at_level = depth <= max_depth;
        let boundary = offset == 0 || !is_identifier(bytes[offset - 1]);
        // Compared as bytes: `offset` may fall inside a multi-byte
        // character (an identifier in another script), where slicing the
        // text would panic; a match of the ASCII field name starts and
        // ends on character boundaries.
        if at_level
            && boundary
            && !name.is_empty()
            && bytes[offset..end].starts_with(name.as_bytes())
        {
            let after = offset + name.len();
            let rest = code[after..end].trim_start();
            if rest.starts_with(':') && !bytes.get(after).copied().is_some_and(is_identifier) {
                let value = end - rest.len() + 1;
                return Some(
                    value + (code[value..end].len() - code[value..end].trim_start().len()),
                );
            }
        }
        offset += 1;
    }
    None
}

fn is_identifier(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The range of element `index` of the list that opens at or after
/// `range.0` (its first non-space character to the end of the list).
fn list_element(code: &str, (start, end): (usize, usize), index: usize) -> Option<(usize, usize)> {
    let bytes = code.as_bytes();
    let open = start + code[start..end].find('[')?;
    let mut depth = 0_i32;
    let mut element = 0;
    let mut element_start = open + 1;
    for (offset, byte) in bytes.iter().enumerate().take(end).skip(open) {
        match byte {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => {
                if element == index {
                    break;
                }
                element += 1;
                element_start = offset + 1;
            }
            _ => {}
        }
    }
    if element != index {
        return None;
    }
    let skipped = code[element_start..end].len() - code[element_start..end].trim_start().len();
    Some((element_start + skipped, end))
}

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
    let mut text = String::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io_error)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(io_error(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "more than {} MiB; a configuration file is expected to be smaller",
                MAX_FILE_BYTES >> 20
            ),
        )));
    }
    Ok(text)
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

    /// `low <= high`, or an error naming `field`.
    fn check_order((low, high): (f64, f64), field: &str) -> Result<(), ParameterError> {
        if low <= high {
            Ok(())
        } else {
            Err(ParameterError::new(field, "expected low <= high"))
        }
    }

    /// A pair whose check names a field its value does not write.
    #[derive(Debug, Deserialize)]
    #[serde(try_from = "(f64, f64)")]
    #[allow(dead_code)]
    struct Ordered((f64, f64));

    impl TryFrom<(f64, f64)> for Ordered {
        type Error = ParameterError;

        fn try_from(range: (f64, f64)) -> Result<Self, Self::Error> {
            check_order(range, "range.high").map(|()| Ordered(range))
        }
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Limits {
        name: String,
        range: (f64, f64),
    }

    /// A struct whose check names one of its fields.
    #[derive(Debug, Deserialize)]
    #[serde(try_from = "Limits")]
    #[allow(dead_code)]
    struct Checked(Limits);

    impl TryFrom<Limits> for Checked {
        type Error = ParameterError;

        fn try_from(limits: Limits) -> Result<Self, Self::Error> {
            check_order(limits.range, "range").map(|()| Checked(limits))
        }
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        label: String,
        inner: Checked,
    }

    #[test]
    fn values_failing_their_own_checks_point_at_the_field_named() {
        // RON reports the failure at the end of `inner`; the field named is
        // found inside it, past a string and a comment that mention it.
        let text = "(\n    label: \"range: é\",\n    inner: (\n        name: \"é range:\", // range: no\n        range: (2.0, 1.0),\n    ),\n)";
        let err = parse_ron::<Outer>(text, "o.ron").unwrap_err();
        assert!(
            err.to_string().starts_with("o.ron:5:16: invalid `range`"),
            "{err}"
        );
        // A name that is not written inside the value: RON's place.
        let text = "(label: \"x\", inner: (name: \"x\", range: (2.0, 1.0)))";
        let err = parse_ron::<(String, Ordered)>("(\"x\", (2.0, 1.0))", "o.ron").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("o.ron:1:16: invalid `range.high`: expected low <= high"),
            "{err}"
        );
        let err = parse_ron::<Outer>(text, "o.ron").unwrap_err();
        assert!(
            err.to_string().starts_with("o.ron:1:40: invalid `range`"),
            "{err}"
        );
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
    fn fields_are_located_by_path() {
        let text = "// q: not here\nSociety(\n    name: \"x\",\n    groups: [\n        (rule: \"A\", count: 1),\n        (rule: \"B\", count: 2),\n    ],\n    q: 1.5,\n    sweep: Some((q: [0.1, 2.0])),\n)";
        assert_eq!(locate_field(text, "q"), (8, 8));
        assert_eq!(locate_field(text, "groups[1].rule"), (6, 16));
        assert_eq!(locate_field(text, "groups[0].count"), (5, 28));
        assert_eq!(locate_field(text, "sweep.q[1]"), (9, 27));
        assert_eq!(locate_field(text, "mu"), (2, 8));
        // A byte-order mark does not count.
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(locate_field(&with_bom, "groups[1].rule"), (6, 16));
        assert_eq!(
            locate_field("\u{feff}(q: 1.5)", "q"),
            locate_field("(q: 1.5)", "q")
        );
        assert_eq!(locate_field("\u{feff}(q: 1.5)", "q"), (1, 5));
    }

    #[test]
    fn block_comments_and_strings_are_not_fields() {
        let text =
            "(\n    /* q: 0.1,\n       /* nested */ q: 0.2 */\n    name: \"q: 3\",\n    q: 1.5,\n)";
        assert_eq!(locate_field(text, "q"), (5, 8));
        // A path into a value that is not a list stays at the value.
        assert_eq!(locate_field(text, "q[3]"), (5, 8));
        assert_eq!(locate_field(text, ""), (1, 1));
        assert_eq!(locate_field("", "q"), (1, 1));
        // Commas and brackets inside strings do not split elements.
        let text = "(players: [Preset(\"a, [b]\"), /* ] */ Preset(\"c\")])";
        assert_eq!(locate_field(text, "players[1]"), (1, 38));
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
        let strategy = ConfigError::strategy(
            "s.ron",
            "alpha",
            StrategyError::UnknownStrategy {
                name: "x".into(),
                suggestions: Vec::new(),
            },
        )
        .located_in(text);
        assert!(
            strategy.to_string().starts_with("s.ron:2:12: in `alpha`: "),
            "{strategy}"
        );
        // Syntax errors keep their own position.
        let syntax = parse_ron::<Sample>("(alpha: 1.0, beta: 2)", "s.ron").unwrap_err();
        let position = syntax.position();
        assert_eq!(syntax.located_in("(\n\n alpha: 1.0)").position(), position);
    }

    #[test]
    fn missing_files_are_io_errors_naming_the_path() {
        let err = read_ron_file::<Sample>("/nonexistent/twolevel/file.ron").unwrap_err();
        assert!(matches!(err, ConfigError::Io { .. }));
        assert!(err.to_string().contains("/nonexistent/twolevel/file.ron"));
    }
}
