//! # twolevel-files
//!
//! Reading the RON configuration files of twolevel (strategy presets,
//! tournaments, regimes, societies, sweeps) with errors that point at the
//! place: every problem is a [`ConfigError`] that names the file and, when
//! it can, the line, the column and the field.
//!
//! - [`error`]: [`ConfigError`], the error of every configuration file,
//!   and its position.
//! - [`parse`]: [`parse_ron`], RON text to a value, with the line and
//!   column of a syntax error and the field of a failed validation.
//! - [`read`]: reading files: [`read_text_file`] (at most
//!   [`MAX_FILE_BYTES`]), [`read_ron_file`] and [`ron_files_in`].
//! - [`locate`]: finding places in RON text: [`locate_field`] (the line
//!   and column of a field such as `players[2].patience`) and
//!   [`leading_struct_name`] (which kind of file a text is).
//! - [`table`]: CSV tables read by column name ([`CsvTable`], [`CsvRow`]),
//!   whose errors name the file, line, column, row and column name.
//!
//! Every item is re-exported at the crate root. The crate is also
//! reachable as `twolevel_strategies::config` and as `twolevel::files`.
//!
//! ## Quick start
//!
//! ```
//! use serde::Deserialize;
//! use twolevel_files::{ConfigError, parse_ron};
//!
//! #[derive(Debug, Deserialize)]
//! struct Actor {
//!     name: String,
//!     patience: f64,
//! }
//!
//! let actor: Actor = parse_ron(r#"(name: "bureaucrat", patience: 0.9)"#, "inline.ron")?;
//! assert_eq!(actor.name, "bureaucrat");
//! assert_eq!(actor.patience, 0.9);
//!
//! // A syntax error names the file, the line and the column.
//! let err = parse_ron::<Actor>("(name: 3)", "inline.ron").unwrap_err();
//! assert!(err.to_string().starts_with("inline.ron:1:"));
//!
//! // A value rejected after parsing points at its field.
//! let text = "(\n    name: \"x\",\n    patience: 0.0,\n)";
//! let err = ConfigError::invalid("p.ron", "patience", "expected a number in (0, 1]");
//! assert_eq!(
//!     err.located_in(text).to_string(),
//!     "p.ron:3:15: invalid `patience`: expected a number in (0, 1]"
//! );
//! # Ok::<(), ConfigError>(())
//! ```

pub mod error;
pub mod locate;
pub mod parse;
pub mod read;
pub mod table;
#[cfg(test)]
mod test_support;

pub use error::ConfigError;
pub use locate::{leading_struct_name, locate_field};
pub use parse::parse_ron;
pub use read::{MAX_FILE_BYTES, read_ron_file, read_text_file, ron_files_in};
pub use table::{CsvRow, CsvTable};
