//! Helpers for testing strategies: play two strategies against each other
//! in the classic game, without noise, and read the moves as strings; a
//! [`SequencePlayer`] that plays a fixed sequence of moves; and
//! [`embedded_copy_problems`], which compares a shipped folder with a
//! crate's embedded copy.

use std::collections::BTreeMap;
use std::path::Path;

use rand::SeedableRng;
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_files::{ConfigError, ron_files_in};
use twolevel_game::{Action, Classifier, PayoffMatrix, Situation, Strategy, View};

/// What keeps a crate's embedded copy of a shipped folder from matching
/// it: `compiled` is the crate's list of `(file stem, text)` pairs compiled
/// from the copy in `copy` (`crates/strategies/presets/`, say), `original`
/// the user-facing folder (`strategies/`). Each problem is one sentence
/// naming the file: a `*.ron` file found in only one folder, a file whose
/// bytes differ between them, or a compiled text that is not the copy's
/// file. An empty list means the three agree.
pub fn embedded_copy_problems(
    compiled: &[(&str, &str)],
    copy: impl AsRef<Path>,
    original: impl AsRef<Path>,
) -> Result<Vec<String>, ConfigError> {
    let named = |dir: &Path| -> Result<BTreeMap<String, Vec<u8>>, ConfigError> {
        ron_files_in(dir)?
            .into_iter()
            .map(|path| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                std::fs::read(&path)
                    .map(|bytes| (name.into_owned(), bytes))
                    .map_err(|source| ConfigError::Io { path, source })
            })
            .collect()
    };
    let (copy_dir, original_dir) = (copy.as_ref(), original.as_ref());
    let (copy, original) = (named(copy_dir)?, named(original_dir)?);
    let compiled: BTreeMap<String, &[u8]> = compiled
        .iter()
        .map(|(stem, text)| (format!("{stem}.ron"), text.as_bytes()))
        .collect();
    let mut names: Vec<&String> = copy
        .keys()
        .chain(original.keys())
        .chain(compiled.keys())
        .collect();
    names.sort();
    names.dedup();
    let mut problems = Vec::new();
    for name in names {
        let (in_copy, in_original) = (copy.get(name), original.get(name));
        if in_copy != in_original {
            problems.push(format!(
                "{name}: {} and {} differ; copy the file from {}",
                copy_dir.display(),
                original_dir.display(),
                original_dir.display()
            ));
        }
        if in_copy.map(Vec::as_slice) != compiled.get(name).copied() {
            problems.push(format!(
                "{name}: the compiled list and {} differ; list every file of the folder",
                copy_dir.display()
            ));
        }
    }
    Ok(problems)
}

/// Renders moves as a string of `C` and `D`.
pub fn moves_to_string(moves: &[Action]) -> String {
    moves.iter().map(|a| a.to_string()).collect()
}

/// The moves and total scores of both players of a played match.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchRecord {
    /// The first player's moves.
    pub moves_a: Vec<Action>,
    /// The second player's moves.
    pub moves_b: Vec<Action>,
    /// The first player's total payoff.
    pub score_a: f64,
    /// The second player's total payoff.
    pub score_b: f64,
}

/// Plays `turns` rounds of the classic game (Axelrod's payoffs, w = 0,
/// pi = 0, no noise) with a fixed seed, and returns both players' moves.
pub fn play(a: &mut dyn Strategy, b: &mut dyn Strategy, turns: usize) -> (String, String) {
    play_seeded(a, b, turns, 0)
}

/// As [`play`], with the seed of the match RNG given.
pub fn play_seeded(
    a: &mut dyn Strategy,
    b: &mut dyn Strategy,
    turns: usize,
    seed: u64,
) -> (String, String) {
    let record = play_match(a, b, turns, seed);
    (
        moves_to_string(&record.moves_a),
        moves_to_string(&record.moves_b),
    )
}

/// Plays `turns` rounds of the classic game (Axelrod's payoffs, w = 0,
/// pi = 0, no noise) after resetting both players, with the match RNG
/// seeded by `seed`, and returns the moves and scores. The players are not
/// told the match length.
pub fn play_match(
    a: &mut dyn Strategy,
    b: &mut dyn Strategy,
    turns: usize,
    seed: u64,
) -> MatchRecord {
    play_match_with_length(a, b, turns, None, seed)
}

/// As [`play_match`], with both players told `known_length` as the match
/// length ([`Situation::known_length`](twolevel_game::Situation::known_length)).
pub fn play_match_with_length(
    a: &mut dyn Strategy,
    b: &mut dyn Strategy,
    turns: usize,
    known_length: Option<u32>,
    seed: u64,
) -> MatchRecord {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let payoffs = PayoffMatrix::AXELROD;
    let (mut moves_a, mut moves_b) = (Vec::new(), Vec::new());
    let (mut score_a, mut score_b) = (0.0, 0.0);
    a.reset();
    b.reset();
    for _ in 0..turns {
        let situation = |score| Situation {
            score,
            known_length,
            ..Situation::classic(payoffs)
        };
        let (situation_a, situation_b) = (situation(score_a), situation(score_b));
        let move_a = a.decide(&View::new(&moves_a, &moves_b, &situation_a), &mut rng);
        let move_b = b.decide(&View::new(&moves_b, &moves_a, &situation_b), &mut rng);
        score_a += payoffs.payoff(move_a, move_b);
        score_b += payoffs.payoff(move_b, move_a);
        moves_a.push(move_a);
        moves_b.push(move_b);
    }
    MatchRecord {
        moves_a,
        moves_b,
        score_a,
        score_b,
    }
}

/// Parses a string of `C` and `D` (other characters are ignored) into
/// moves.
pub fn parse_moves(text: &str) -> Vec<Action> {
    text.chars()
        .filter_map(|c| match c {
            'C' | 'c' => Some(Action::C),
            'D' | 'd' => Some(Action::D),
            _ => None,
        })
        .collect()
}

/// Plays a fixed sequence of moves, repeating it when the match is
/// longer; cooperates if the sequence is empty. Useful as a scripted
/// partner in tests and property tests.
#[derive(Clone, Debug, Default)]
pub struct SequencePlayer {
    moves: Vec<Action>,
}

impl SequencePlayer {
    /// A player of the given moves.
    #[must_use]
    pub fn new(moves: Vec<Action>) -> Self {
        SequencePlayer { moves }
    }

    /// A player of the moves written as `C`/`D` letters.
    #[must_use]
    pub fn from_letters(text: &str) -> Self {
        SequencePlayer::new(parse_moves(text))
    }
}

impl Strategy for SequencePlayer {
    fn name(&self) -> &str {
        "Sequence Player"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(0))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if self.moves.is_empty() {
            Action::C
        } else {
            self.moves[view.turn() % self.moves.len()]
        }
    }

    fn reset(&mut self) {}
}

#[cfg(test)]
mod tests {
    use super::embedded_copy_problems;

    #[test]
    fn embedded_copy_problems_names_every_difference() {
        let root = std::env::temp_dir().join(format!("twolevel-copy-{}", std::process::id()));
        let (copy, original) = (root.join("copy"), root.join("original"));
        for dir in [&copy, &original] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("same.ron"), "(a: 1)").unwrap();
            std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
        }
        let compiled = [("same", "(a: 1)")];
        assert!(
            embedded_copy_problems(&compiled, &copy, &original)
                .unwrap()
                .is_empty()
        );

        std::fs::write(original.join("same.ron"), "(a: 2)").unwrap();
        std::fs::write(original.join("new.ron"), "(b: 1)").unwrap();
        let problems = embedded_copy_problems(&compiled, &copy, &original).unwrap();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("new.ron: "), "{problems:?}");
        assert!(problems[1].starts_with("same.ron: "), "{problems:?}");

        // A compiled text that is not the copy's file is a problem too.
        let stale = [("same", "(a: 0)")];
        let problems = embedded_copy_problems(&stale, &copy, &copy).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("compiled list"), "{problems:?}");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
