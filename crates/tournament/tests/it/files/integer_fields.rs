//! Issue 26, item 3: every whole-number field of every shipped file kind,
//! written out of its type's range (-1 and 2^64), is refused with an error
//! that names the field, its valid range and the file, line and column,
//! like `turns` ([`check_turns`](twolevel_game::horizon::check_turns)),
//! instead of the parser's bare "Integer is out of bounds".
//!
//! The fields are found in the shipped files themselves (every `name:
//! 123` or `name: Some(123)` outside comments and strings), and the fields
//! no shipped file writes are added by [`UNWRITTEN`].

use std::path::{Path, PathBuf};

use twolevel_tournament::config::SHIPPED_TOURNAMENTS;
use twolevel_tournament::file::AnyFile;

/// The values each field is written with: below every type and beyond
/// every type (2^64).
const OUT_OF_RANGE: [&str; 2] = ["-1", "18446744073709551616"];

/// Fields no shipped file writes, added to a shipped file: (file stem,
/// text after which the field is inserted, the field, the inserted text,
/// in which `7` is the field's value).
const UNWRITTEN: &[(&str, &str, &str, &str)] = &[
    (
        "axelrod-first",
        "repetitions: 5,",
        "initial",
        "evolution: Some((initial: Counts([7, 93]))),",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "arena_series",
        "arena_series: 7,",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "graph_seed",
        "graph_seed: 7,",
    ),
    (
        "climate",
        "repetitions: 3,",
        "max_compositions",
        "max_compositions: 7,",
    ),
    ("treaty", "discount: 0.8,", "hoarding", "hoarding: 7,"),
    (
        "institutions",
        "steps: 1000000,",
        "replicates",
        "replicates: 7,",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "nodes",
        "graph: Some(Cycle(nodes: 7)),",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "width",
        "graph: Some(Lattice(width: 7, height: 3)),",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "height",
        "graph: Some(Lattice(width: 3, height: 7)),",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "degree",
        "graph: Some(RandomRegular(nodes: 4, degree: 7)),",
    ),
    (
        "axelrod-first",
        "repetitions: 5,",
        "links",
        "graph: Some(BarabasiAlbert(nodes: 4, links: 7)),",
    ),
];

/// A folder of its own holding the shipped files (and their CSV tables),
/// so that files naming others by relative path still find them.
fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-integer-fields-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        std::fs::write(dir.join(format!("{stem}.ron")), text).unwrap();
    }
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments");
    for entry in std::fs::read_dir(shipped).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// The whole numbers written as a field's value in `text`: (byte offset
/// of the number, its length, the field, the line from 1). Comments and
/// strings are skipped.
fn integer_fields(text: &str) -> Vec<(usize, usize, String, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            b':' => {
                let name_end = i;
                let name_start = text[..name_end]
                    .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(0, |k| k + 1);
                let name = &text[name_start..name_end];
                let rest = &text[i + 1..];
                let trimmed = rest.trim_start_matches([' ', '\t']);
                let mut start = i + 1 + (rest.len() - trimmed.len());
                let mut value = trimmed;
                if let Some(inner) = value.strip_prefix("Some(") {
                    start += 5;
                    value = inner;
                }
                let digits = value.bytes().take_while(u8::is_ascii_digit).count();
                let after = value.as_bytes().get(digits).copied();
                let whole = digits > 0
                    && !matches!(after, Some(b'.' | b'e' | b'E' | b'_'))
                    && after.is_none_or(|c| !c.is_ascii_alphanumeric());
                if whole && !name.is_empty() {
                    found.push((start, digits, name.to_owned(), line));
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The error of the file `text` saved as `stem` in `dir`, if any.
fn load_error(dir: &Path, stem: &str, text: &str) -> Option<String> {
    let path = dir.join(format!("{stem}.ron"));
    std::fs::write(&path, text).unwrap();
    let result = AnyFile::from_file(&path).err().map(|e| e.to_string());
    std::fs::remove_file(&path).unwrap();
    result
}

/// What is wrong with `message` for `field` written at `line` of the file
/// `stem`, or `None` if it names the field, a range and the place.
fn problem(message: Option<&str>, stem: &str, field: &str, line: usize) -> Option<String> {
    let Some(message) = message else {
        return Some("loaded without an error".to_owned());
    };
    let place = format!("{stem}.ron:{line}:");
    let names_field =
        message.contains(&format!("invalid `{field}`")) || message.contains(&format!(".{field}`"));
    let range = message
        .split_once(" from ")
        .is_some_and(|(_, rest)| rest.contains(" to ") && rest.contains(", got "));
    if message.contains(&place) && names_field && range {
        None
    } else {
        Some(message.to_owned())
    }
}

#[test]
fn every_integer_field_out_of_range_names_the_field_the_range_and_the_place() {
    let dir = folder().join("fields");
    std::fs::create_dir_all(&dir).unwrap();
    for &(stem, _) in SHIPPED_TOURNAMENTS {
        let from = dir.parent().unwrap().join(format!("{stem}.ron"));
        std::fs::copy(from, dir.join(format!("{stem}.ron"))).unwrap();
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut cases: Vec<(String, String, usize, usize, String, usize)> = Vec::new();
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        for (start, len, field, line) in integer_fields(text) {
            cases.push((stem.to_owned(), text.to_owned(), start, len, field, line));
        }
    }
    for &(stem, after, field, written) in UNWRITTEN {
        let text = SHIPPED_TOURNAMENTS
            .iter()
            .find(|(s, _)| *s == stem)
            .unwrap()
            .1;
        let at = text.find(after).unwrap() + after.len();
        let inserted = format!("{}\n    {written}{}", &text[..at], &text[at..]);
        let line = text[..at].lines().count() + 1;
        let start = at + "\n    ".len() + written.find('7').unwrap();
        cases.push((stem.to_owned(), inserted, start, 1, field.to_owned(), line));
    }
    for (stem, text, start, len, field, line) in &cases {
        for value in OUT_OF_RANGE {
            let changed = format!("{}{value}{}", &text[..*start], &text[start + len..]);
            let message = load_error(&dir, stem, &changed);
            if let Some(problem) = problem(message.as_deref(), stem, field, *line) {
                failures.push(format!("{stem}.ron:{line} `{field}: {value}`: {problem}"));
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} cases");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_field_finder_skips_comments_strings_and_floats() {
    let text = "( // seed: 1\n  name: \"a: 2\", seed: Some(3), theta: 4.0, turns: 5)";
    let found: Vec<(String, usize)> = integer_fields(text)
        .into_iter()
        .map(|(start, len, field, line)| {
            assert_eq!(
                &text[start..start + len],
                if field == "seed" { "3" } else { "5" }
            );
            (field, line)
        })
        .collect();
    assert_eq!(found, [("seed".to_owned(), 2), ("turns".to_owned(), 2)]);
}

#[test]
fn a_graph_files_nodes_out_of_range_name_the_field_the_range_and_the_place() {
    let dir = folder().join("graph");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("g.ron");
    for value in OUT_OF_RANGE {
        std::fs::write(
            &path,
            format!("Graph(\n    nodes: {value},\n    edges: [],\n)"),
        )
        .unwrap();
        let message = twolevel_tournament::config::graph::read_edge_list(&path, None)
            .map_err(|e| e.to_string());
        let message = message.err();
        assert_eq!(
            problem(message.as_deref(), "g", "nodes", 2),
            None,
            "{value}"
        );
    }
}
