//! Parsing RON text: [`parse_ron`], whose syntax errors give the line and
//! column, and whose validation errors point at the field they name.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::ConfigError;
use crate::locate::refine_position;

/// Parses RON text into `T`.
///
/// `origin` names where the text came from (a file path, or a display
/// origin such as `"<embedded default>"`); it only appears in errors.
/// Errors raised by serde validation (for example a `TryFrom` conversion
/// failing with a [`ParameterError`](twolevel_game::ParameterError),
/// displayed as ``invalid `field`: reason``) keep their message and get the position of the field they
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
            let message = match &error.code {
                ron::Error::IntegerOutOfBounds => integer_out_of_bounds(text, position),
                other => syntax_message(other, || open_brackets(text, position)),
            };
            ConfigError::Syntax {
                path: origin.as_ref().to_path_buf(),
                line,
                column,
                message,
            }
        })
}

/// The message of a RON error. RON's own for nesting beyond its recursion
/// limit points library users to `serde_stacker`, which means nothing to
/// someone writing a file; it says instead what is wrong with the file.
///
/// The parser counts the levels of the values it reads, and a value that
/// may take several forms (a strategy parameter: a number, a boolean or a
/// string) is read through a second layer, so its brackets count twice:
/// fewer than the limit of brackets may exceed it. The message then gives
/// the brackets actually open (`depth`, counted on demand) rather than
/// claiming more than the limit.
fn syntax_message(code: &ron::Error, depth: impl FnOnce() -> usize) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            let depth = depth();
            if depth > RECURSION_LIMIT {
                format!(
                    "the file is nested too deeply here (more than {RECURSION_LIMIT} levels of \
                     brackets inside one another); flatten it"
                )
            } else {
                format!(
                    "the file is nested too deeply here: {depth} brackets are open inside one \
                     another, and inside a value that may take several forms (such as a \
                     strategy parameter, which is a number, `true`, `false` or a string) the \
                     parser counts them twice against its limit of {RECURSION_LIMIT} levels; \
                     no field of these files takes values nested this deep: check the brackets \
                     here"
                )
            }
        }
        other => other.to_string(),
    }
}

/// The number of brackets (`(`, `[`, `{`) open at `(line, column)` of
/// `text` (from 1, columns in characters), outside strings, characters and
/// comments.
fn open_brackets(text: &str, (line, column): (usize, usize)) -> usize {
    let mut depth: usize = 0;
    let mut chars = text
        .lines()
        .take(line)
        .enumerate()
        .flat_map(|(k, l)| {
            let take = if k + 1 == line {
                column.saturating_sub(1)
            } else {
                usize::MAX
            };
            l.chars().take(take).chain(std::iter::once('\n'))
        })
        .peekable();
    let mut block_comments = 0_usize;
    while let Some(c) = chars.next() {
        if block_comments > 0 {
            if c == '*' && chars.next_if_eq(&'/').is_some() {
                block_comments -= 1;
            } else if c == '/' && chars.next_if_eq(&'*').is_some() {
                block_comments += 1;
            }
            continue;
        }
        match c {
            '/' if chars.next_if_eq(&'/').is_some() => {
                while chars.next_if(|&c| c != '\n').is_some() {}
            }
            '/' if chars.next_if_eq(&'*').is_some() => block_comments += 1,
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// The message for a whole number out of its type's range (RON's own is
/// only "Integer is out of bounds"): it names the field written before
/// the number and the range. The named fields of the files read their
/// numbers through their own range
/// ([`WholeRange`](twolevel_game::error::WholeRange)) and say it
/// exactly; this is the fallback for numbers no field reads that way
/// (inside lists, such as an evolution's initial `Counts([..])`). Every
/// whole number of the files is unsigned, so a negative number is refused
/// with the lower bound 0; a number too large with the limits of the
/// fields' widths.
fn integer_out_of_bounds(text: &str, (line, column): (usize, usize)) -> String {
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let chars: Vec<char> = line_text.chars().collect();
    let mut start = column.saturating_sub(1).min(chars.len());
    // RON points after a sign; the number shown keeps it.
    if start > 0 && matches!(chars[start - 1], '-' | '+') {
        start -= 1;
    }
    let number: String = chars[start..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '_' | '.'))
        .collect();
    // The field: `name:` before the number, on the same line.
    let before: String = chars[..start].iter().collect();
    let field = before
        .trim_end()
        .strip_suffix(':')
        .map(str::trim_end)
        .map(|rest| {
            let name: String = rest
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            name.chars().rev().collect::<String>()
        })
        .filter(|name| !name.is_empty());
    let range = if number.starts_with('-') {
        "expected a whole number from 0 (this field takes no negative numbers)".to_owned()
    } else {
        format!(
            "expected a smaller whole number (from 0 to {} for counts, to {} for seeds)",
            u32::MAX,
            u64::MAX
        )
    };
    match field {
        Some(field) => format!("invalid `{field}`: {range}, got {number}"),
        None => format!("whole number out of range: {range}, got {number}"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use twolevel_game::ParameterError;

    use crate::test_support::Sample;
    use serde::Deserialize;

    #[test]
    fn open_brackets_skip_strings_and_comments() {
        let text = "( a: [\"(\", // ((\n /* [ */ (x";
        assert_eq!(open_brackets(text, (2, 12)), 3);
        assert_eq!(open_brackets(text, (1, 2)), 1);
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

    /// Issue 26: a whole number out of its field's range names the field
    /// and the range, not only "Integer is out of bounds".
    #[test]
    fn integers_out_of_bounds_name_the_field_and_the_range() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Counts {
            repetitions: u32,
            seed: u64,
        }
        let err = parse_ron::<Counts>("(\n    repetitions: -5,\n    seed: 1)", "c.ron")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("c.ron:2:1")
                && err.contains(": invalid `repetitions`: expected a whole number from 0")
                && err.ends_with("got -5"),
            "{err}"
        );
        let err = parse_ron::<Counts>("(repetitions: 5000000000, seed: 1)", "c.ron")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "invalid `repetitions`: expected a smaller whole number (from 0 to 4294967295"
            ) && err.ends_with("got 5000000000"),
            "{err}"
        );
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
}
