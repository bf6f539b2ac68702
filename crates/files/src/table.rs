//! Reading CSV tables (such as the actor tables of negotiation forecasting
//! models: `actor, capability, position, salience`) with errors that name
//! the file, the line and column, the row and the column's name.
//!
//! A [`CsvTable`] is read whole ([`CsvTable::from_file`], at most
//! [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES), or [`CsvTable::parse`] for
//! text): a header line naming the columns, then one row a line. Fields are
//! trimmed of surrounding spaces, empty lines are skipped, a UTF-8
//! byte-order mark is skipped, and a header may not name a column twice.
//! Rows are read by column name: [`CsvRow::text`] and [`CsvRow::number`]
//! for a column that must be there, [`CsvRow::optional_text`] and
//! [`CsvRow::optional_number`] for one that may be missing or empty.
//!
//! ```
//! use twolevel_files::CsvTable;
//!
//! let text = "actor, capability, position\npolice, 2.0, 0.7\nmedia, 1.5\n";
//! let table = CsvTable::parse(text, "actors.csv")?;
//! table.require_columns(&["actor", "capability"])?;
//! let rows: Vec<_> = table.rows().collect();
//! assert_eq!(rows[0].text("actor")?, "police");
//! assert_eq!(rows[0].number("capability")?, 2.0);
//! // A missing field names the row, the column and where it is.
//! let err = rows[1].number("position").unwrap_err().to_string();
//! assert_eq!(
//!     err,
//!     "actors.csv:3:11: row 2, column `position`: missing value (the row has 2 fields, \
//!      the header 3)"
//! );
//! # Ok::<(), twolevel_files::ConfigError>(())
//! ```

use std::path::{Path, PathBuf};

use crate::error::ConfigError;
use crate::read::read_text_file;

/// A CSV table read whole: its header and rows, with where each field is.
#[derive(Clone, Debug)]
pub struct CsvTable {
    path: PathBuf,
    header: Vec<String>,
    /// The header's line and the columns where its names start.
    header_line: usize,
    header_starts: Vec<usize>,
    rows: Vec<RawRow>,
}

/// One row as read: its line, its fields and the column (from 1, in
/// characters) where each field starts, and the column just past the end
/// of the line.
#[derive(Clone, Debug)]
struct RawRow {
    line: usize,
    fields: Vec<String>,
    starts: Vec<usize>,
    end: usize,
}

/// One row of a [`CsvTable`], read by column name.
#[derive(Clone, Copy, Debug)]
pub struct CsvRow<'t> {
    table: &'t CsvTable,
    /// The row's number, from 1 for the first row after the header.
    index: usize,
    row: &'t RawRow,
}

impl CsvTable {
    /// Reads the CSV file at `path`; see [`CsvTable::parse`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        CsvTable::parse(&read_text_file(path)?, path)
    }

    /// Parses CSV `text` read from `origin` (a path or a display origin,
    /// shown in errors). A text without a header line, a header with an
    /// empty or repeated column name, or a malformed quoted field is an
    /// error with its line and column.
    pub fn parse(text: &str, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = origin.as_ref().to_path_buf();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let syntax = |line: usize, column: usize, message: String| ConfigError::Syntax {
            path: path.clone(),
            line,
            column,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let position = record
                        .position()
                        .cloned()
                        .unwrap_or_else(csv::Position::new);
                    // The line from the byte offset: the reader's own line
                    // count skips empty lines.
                    // The record's start may be reported at empty lines
                    // before it.
                    let mut offset = usize::try_from(position.byte())
                        .unwrap_or(text.len())
                        .min(text.len());
                    while matches!(text.as_bytes().get(offset), Some(b'\n' | b'\r')) {
                        offset += 1;
                    }
                    let line = text.as_bytes()[..offset]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                        + 1;
                    let (starts, end) = field_columns(text, offset);
                    rows.push(RawRow {
                        line,
                        fields: record.iter().map(str::to_owned).collect(),
                        starts,
                        end,
                    });
                }
                Err(error) => {
                    let line = error
                        .position()
                        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                    return Err(syntax(line, 1, format!("not a valid CSV row: {error}")));
                }
            }
        }
        // A line of nothing but commas or spaces is as empty as an empty one.
        rows.retain(|row| row.fields.iter().any(|f| !f.is_empty()));
        if rows.is_empty() {
            return Err(syntax(
                1,
                1,
                "expected a header line naming the columns, got an empty file".to_owned(),
            ));
        }
        let header_row = rows.remove(0);
        for (k, name) in header_row.fields.iter().enumerate() {
            let column = header_row.starts.get(k).copied().unwrap_or(1);
            if name.is_empty() {
                return Err(syntax(
                    header_row.line,
                    column,
                    format!("the header's column {} has no name", k + 1),
                ));
            }
            if header_row.fields[..k].contains(name) {
                return Err(syntax(
                    header_row.line,
                    column,
                    format!("the header names the column `{name}` twice"),
                ));
            }
        }
        Ok(CsvTable {
            path,
            header: header_row.fields,
            header_line: header_row.line,
            header_starts: header_row.starts,
            rows,
        })
    }

    /// The file (or display origin) the table was read from.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The column names, in the order of the header.
    #[must_use]
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Whether the header names the column `name`.
    #[must_use]
    pub fn has_column(&self, name: &str) -> bool {
        self.header.iter().any(|h| h == name)
    }

    /// Fails, at the header line, naming the first of `names` the header
    /// does not have and the columns it has.
    pub fn require_columns(&self, names: &[&str]) -> Result<(), ConfigError> {
        match names.iter().find(|name| !self.has_column(name)) {
            None => Ok(()),
            Some(missing) => Err(ConfigError::Syntax {
                path: self.path.clone(),
                line: self.header_line,
                column: 1,
                message: format!(
                    "the header has no column `{missing}`; its columns are `{}`",
                    self.header.join("`, `")
                ),
            }),
        }
    }

    /// Fails, at the header line and column of the first column not among
    /// `known`, naming it and the known columns: a misspelt column is an
    /// error rather than a column silently ignored.
    pub fn refuse_unknown_columns(&self, known: &[&str]) -> Result<(), ConfigError> {
        match self
            .header
            .iter()
            .position(|h| !known.contains(&h.as_str()))
        {
            None => Ok(()),
            Some(k) => Err(ConfigError::Syntax {
                path: self.path.clone(),
                line: self.header_line,
                column: self.header_starts.get(k).copied().unwrap_or(1),
                message: format!(
                    "unknown column `{}`; expected one of `{}`",
                    self.header[k],
                    known.join("`, `")
                ),
            }),
        }
    }

    /// The rows after the header, in file order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = CsvRow<'_>> + '_ {
        self.rows.iter().enumerate().map(|(k, row)| CsvRow {
            table: self,
            index: k + 1,
            row,
        })
    }

    fn column_index(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

impl CsvRow<'_> {
    /// The row's number: 1 for the first row after the header.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }

    /// The row's line in the file, from 1.
    #[must_use]
    pub const fn line(&self) -> usize {
        self.row.line
    }

    /// The line and column (from 1, in characters) of the field of column
    /// `name` in this row: where the field starts, or the end of the line
    /// when the row is too short to have it.
    #[must_use]
    pub fn position_of(&self, name: &str) -> (usize, usize) {
        let column = self
            .table
            .column_index(name)
            .and_then(|k| self.row.starts.get(k).copied())
            .unwrap_or(self.row.end);
        (self.row.line, column)
    }

    /// An error about the field of column `name` in this row, at its line
    /// and column, naming the row and the column: `file:line:column: row
    /// N, column `name`: reason`.
    #[must_use]
    pub fn error(&self, name: &str, reason: impl std::fmt::Display) -> ConfigError {
        let (line, column) = self.position_of(name);
        ConfigError::Syntax {
            path: self.table.path.clone(),
            line,
            column,
            message: format!("row {}, column `{name}`: {reason}", self.index),
        }
    }

    /// The text of column `name`, or `None` when the table has no such
    /// column, the row is too short to have it, or the field is empty.
    #[must_use]
    pub fn optional_text(&self, name: &str) -> Option<&str> {
        let k = self.table.column_index(name)?;
        self.row
            .fields
            .get(k)
            .map(String::as_str)
            .filter(|f| !f.is_empty())
    }

    /// The text of column `name`; a missing or empty field is an error
    /// naming the row and the column.
    pub fn text(&self, name: &str) -> Result<&str, ConfigError> {
        self.optional_text(name).ok_or_else(|| {
            let fields = self.row.fields.len();
            let columns = self.table.header.len();
            if fields < columns {
                self.error(
                    name,
                    format!("missing value (the row has {fields} fields, the header {columns})"),
                )
            } else {
                self.error(name, "missing value (the field is empty)")
            }
        })
    }

    /// The number in column `name`; a missing, empty or non-numeric (or
    /// not finite) field is an error naming the row and the column.
    pub fn number(&self, name: &str) -> Result<f64, ConfigError> {
        let text = self.text(name)?;
        parse_number(text)
            .ok_or_else(|| self.error(name, format!("expected a number, got `{text}`")))
    }

    /// The number in column `name`, or `None` when the field is missing or
    /// empty; a field that is not a finite number is an error.
    pub fn optional_number(&self, name: &str) -> Result<Option<f64>, ConfigError> {
        self.optional_text(name)
            .map(|text| {
                parse_number(text)
                    .ok_or_else(|| self.error(name, format!("expected a number, got `{text}`")))
            })
            .transpose()
    }

    /// Fails when the row has more fields than the header has columns,
    /// at the first extra field: a value without a column is a mistake
    /// (a comma inside an unquoted field, most often).
    pub fn refuse_extra_fields(&self) -> Result<(), ConfigError> {
        let columns = self.table.header.len();
        if self.row.fields.len() <= columns
            || self.row.fields[columns..].iter().all(String::is_empty)
        {
            return Ok(());
        }
        Err(ConfigError::Syntax {
            path: self.table.path.clone(),
            line: self.row.line,
            column: self
                .row
                .starts
                .get(columns)
                .copied()
                .unwrap_or(self.row.end),
            message: format!(
                "row {}: {} fields, but the header names {columns} columns (quote a field \
                 that holds a comma)",
                self.index,
                self.row.fields.len()
            ),
        })
    }
}

/// A finite number, or `None`.
fn parse_number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// The columns (from 1, in characters) where the fields of the record
/// starting at byte `offset` of `text` start (past leading spaces), and
/// the column just past the end of its line. Quoted fields may hold
/// commas; a record spread over several lines by a quoted line break is
/// counted on its first line.
fn field_columns(text: &str, offset: usize) -> (Vec<usize>, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let before = text[line_start..offset].chars().count();
    let mut starts = Vec::new();
    let mut column = before + 1;
    let mut in_quotes = false;
    let mut at_field_start = true;
    for c in text[offset..].chars() {
        if !in_quotes && (c == '\n' || c == '\r') {
            break;
        }
        if at_field_start && c != ' ' && c != '\t' {
            starts.push(column);
            at_field_start = false;
        }
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => {
                if at_field_start {
                    // An empty field: it starts at its comma.
                    starts.push(column);
                }
                at_field_start = true;
            }
            _ => {}
        }
        column += 1;
        if in_quotes && c == '\n' {
            break;
        }
    }
    if at_field_start {
        starts.push(column);
    }
    (starts, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_found_by_column_name_with_their_place() {
        let text = "\u{feff}actor,capability, position\n\"police, federal\",2,  0.5\n\nngo,,0.9,\n";
        let table = CsvTable::parse(text, "t.csv").unwrap();
        assert_eq!(table.header(), ["actor", "capability", "position"]);
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text("actor").unwrap(), "police, federal");
        assert_eq!(rows[0].position_of("position"), (2, 23));
        assert_eq!(rows[1].line(), 4);
        assert_eq!(rows[1].index(), 2);
        let err = rows[1].number("capability").unwrap_err().to_string();
        assert_eq!(
            err,
            "t.csv:4:5: row 2, column `capability`: missing value (the field is empty)"
        );
        assert_eq!(rows[1].optional_number("capability").unwrap(), None);
        assert_eq!(rows[1].optional_text("salience"), None);
        let err = rows[0].number("actor").unwrap_err().to_string();
        assert!(
            err.starts_with("t.csv:2:1: row 1, column `actor`: expected a number"),
            "{err}"
        );
        // A trailing empty field is not an extra value.
        assert!(rows[1].refuse_extra_fields().is_ok());
    }

    #[test]
    fn bad_headers_and_rows_are_refused_with_their_place() {
        let err = CsvTable::parse("", "e.csv").unwrap_err().to_string();
        assert!(
            err.starts_with("e.csv:1:1: expected a header line"),
            "{err}"
        );
        let err = CsvTable::parse("a,b,a\n1,2,3\n", "e.csv")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("e.csv:1:5: the header names the column `a` twice"),
            "{err}"
        );
        let table = CsvTable::parse("a,b\n1,2,3\n", "e.csv").unwrap();
        let err = table
            .rows()
            .next()
            .unwrap()
            .refuse_extra_fields()
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("e.csv:2:5: row 1: 3 fields"), "{err}");
        let err = table.require_columns(&["a", "c"]).unwrap_err().to_string();
        assert!(
            err.starts_with("e.csv:1:1: the header has no column `c`"),
            "{err}"
        );
        let err = CsvTable::parse("a,b\n\"1,2\n", "e.csv");
        // An unterminated quote runs to the end of the file: read as one field.
        assert!(err.is_ok());
        let err = table
            .refuse_unknown_columns(&["a"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown column `b`"), "{err}");
    }
}
