//! Cycler: repeats a fixed sequence of moves.
//!
//! Rule: play the given pattern of `C` and `D` over and over, whatever the
//! partner does. Original by Marc Harper; `Cycler` in the Python `axelrod`
//! library, named `"Cycler: <pattern>"` (for example `"Cycler: CCDDC"`).
//! `Cycler("C")` is the Cooperator, `Cycler("D")` the Defector and
//! `Cycler("CD")` the Alternator.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Plays a fixed pattern of moves in a loop.
#[derive(Clone, Debug)]
pub struct Cycler {
    pattern: Vec<Action>,
    name: String,
}

impl Cycler {
    /// A cycler for a pattern written as a string of `C` and `D`.
    ///
    /// # Errors
    ///
    /// The pattern must be non-empty and contain only the letters `C` and
    /// `D`.
    pub fn new(pattern: &str) -> Result<Self, ParameterError> {
        let actions = parse_pattern(pattern)?;
        Ok(Cycler {
            pattern: actions,
            name: format!("Cycler: {pattern}"),
        })
    }

    /// The pattern as actions.
    #[must_use]
    pub fn pattern(&self) -> &[Action] {
        &self.pattern
    }

    /// Renames the cycler; used by the named special cases such as
    /// `Cycler CCD`.
    pub(crate) fn with_name(mut self, name: &str) -> Self {
        self.name = name.to_owned();
        self
    }
}

impl Default for Cycler {
    /// `axelrod`'s default pattern, `CCD`.
    fn default() -> Self {
        Cycler {
            pattern: vec![Action::C, Action::C, Action::D],
            name: "Cycler: CCD".to_owned(),
        }
    }
}

/// Parses a pattern of `C` and `D`, rejecting anything else.
fn parse_pattern(pattern: &str) -> Result<Vec<Action>, ParameterError> {
    if pattern.is_empty() {
        return Err(ParameterError::new(
            "pattern",
            "expected at least one move (a string of C and D)",
        ));
    }
    pattern
        .chars()
        .map(|letter| match letter {
            'C' => Ok(Action::C),
            'D' => Ok(Action::D),
            other => Err(ParameterError::new(
                "pattern",
                format!("expected only the letters C and D, found {other:?}"),
            )),
        })
        .collect()
}

impl Strategy for Cycler {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        // As in `axelrod`: the position in the cycle is known from the last
        // `len - 1` own moves.
        let depth = u32::try_from(self.pattern.len() - 1).unwrap_or(u32::MAX);
        Classifier::deterministic(Some(depth))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.pattern[view.turn() % self.pattern.len()]
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`Cycler`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Cycler",
    "Plays a fixed pattern of moves in a loop.",
    |params| params.finish(Cycler::new(params.text("pattern"))),
)
.with_params(&[ParamSpec::new(
    "pattern",
    ParamKind::Text { default: "CCD" },
    "The moves to repeat, as a string of C and D.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::Cooperator;
    use crate::testing::play;

    #[test]
    fn repeats_the_pattern() {
        let mut cycler = Cycler::new("CCDDC").unwrap();
        assert_eq!(cycler.name(), "Cycler: CCDDC");
        assert_eq!(cycler.classifier().memory_depth, Some(4));
        assert_eq!(play(&mut cycler, &mut Cooperator, 12).0, "CCDDCCCDDCCC");
    }

    #[test]
    fn rejects_bad_patterns() {
        assert_eq!(Cycler::new("").unwrap_err().field, "pattern");
        assert!(Cycler::new("CxD").unwrap_err().reason.contains("'x'"));
    }
}
