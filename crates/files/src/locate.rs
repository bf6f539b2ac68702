//! Finding places in RON text: the line and column of a field
//! ([`locate_field`]), the name of the struct a file starts with
//! ([`leading_struct_name`]), and the better place for a value that failed
//! its own validation, which [`parse_ron`](crate::parse_ron) reports.

/// The name of the struct a RON document starts with (`Tournament` in
/// `Tournament(name: ..)`), with its line and column (from 1), skipping a
/// byte-order mark, whitespace and comments; `None` for a document that
/// starts with an unnamed struct `(..)` or anything else.
///
/// ```
/// use twolevel_files::leading_struct_name;
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
/// mark is not counted, as in [`parse_ron`](crate::parse_ron), so that lines and columns
/// count from the text the user sees. Columns count characters.
///
/// ```
/// use twolevel_files::locate_field;
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
        // A struct wrapped in a variant, `Preset((name: ..))`, is searched
        // inside the variant's parentheses.
        let Some(value) = find_field(code, range, name, 1).or_else(|| {
            wrapped_struct(code, range.0)
                .and_then(|inner| find_field(code, (inner, range.1), name, 1))
        }) else {
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

/// Where the struct of a variant that wraps one, `Name((..))`, opens,
/// when the value at `offset` of `code` is written so.
fn wrapped_struct(code: &str, offset: usize) -> Option<usize> {
    let rest = &code[offset..];
    let name = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    if name == 0 {
        return None;
    }
    let outer = rest[name..].trim_start().strip_prefix('(')?;
    let inner = outer.trim_start();
    inner
        .starts_with('(')
        .then(|| offset + rest.len() - inner.len())
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
/// (a [`ParameterError`](twolevel_game::ParameterError) of a `TryFrom`
/// conversion): the place of `field`
/// inside the value that encloses (`line`, `column`), following the path
/// as [`locate_field`] does, or else the first `name:` of its last name at
/// any depth of that value (`threshold` inside `game: (policy:
/// CollectiveRisk(threshold: ..))`). The place RON gave when neither is
/// written there.
pub(crate) fn refine_position(
    text: &str,
    (line, column): (usize, usize),
    field: &str,
) -> (usize, usize) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn structs_wrapped_in_a_variant_are_searched_inside_it() {
        let text = "(players: [Preset(\"a\"), Preset( (name: \"b\",\n    arena: Some((x: 1))))])";
        // The element itself is the variant.
        assert_eq!(locate_field(text, "players[1]"), (1, 25));
        assert_eq!(locate_field(text, "players[1].name"), (1, 40));
        assert_eq!(locate_field(text, "players[1].arena.x"), (2, 21));
        // A variant with fields of its own is searched as before.
        let text = "(players: [Inline(name: \"c\", arena: Some((x: 1)))])";
        assert_eq!(locate_field(text, "players[0].arena.x"), (1, 46));
    }
}
