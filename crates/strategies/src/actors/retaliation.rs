//! How a state that uses carrots or sticks answers a defection in its
//! moves: tit for tat or grim trigger, the rule [`Hegemon`](super::Hegemon)
//! and [`Coercer`](super::Coercer) share.

use twolevel_game::{Action, ParameterError, View};

use crate::registry::ParamKind;

/// The reciprocity of a hegemon's or a coercer's moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Retaliation {
    /// Cooperate first, then copy the partner's last move.
    #[default]
    TitForTat,
    /// Cooperate until the partner's first defection, then defect for
    /// ever (Friedman's grim trigger).
    Grim,
}

impl Retaliation {
    /// The registry parameter `reciprocity`: `"tit-for-tat"` or `"grim"`.
    pub(crate) const PARAM: ParamKind = ParamKind::Choice {
        default: "tit-for-tat",
        choices: &["tit-for-tat", "grim"],
    };

    /// The rule a registry choice names (`"tit-for-tat"` or `"grim"`,
    /// ignoring case); any other text is an error naming `reciprocity`.
    pub fn from_name(name: &str) -> Result<Self, ParameterError> {
        if name.eq_ignore_ascii_case("tit-for-tat") {
            Ok(Retaliation::TitForTat)
        } else if name.eq_ignore_ascii_case("grim") {
            Ok(Retaliation::Grim)
        } else {
            Err(ParameterError::new(
                "reciprocity",
                format!("expected \"tit-for-tat\" or \"grim\", got {name:?}"),
            ))
        }
    }

    /// This round's move, with `grudge` the grim trigger's memory (set
    /// once the partner defected, cleared by the strategy's reset).
    #[inline]
    pub(crate) fn decide(self, view: &View<'_>, grudge: &mut bool) -> Action {
        let last = view.partner_last();
        match self {
            Retaliation::TitForTat => last.unwrap_or(Action::C),
            Retaliation::Grim => {
                *grudge |= last == Some(Action::D);
                if *grudge { Action::D } else { Action::C }
            }
        }
    }

    /// The memory depth of the rule: 1 for tit for tat, unbounded for grim.
    pub(crate) fn memory_depth(self) -> Option<u32> {
        match self {
            Retaliation::TitForTat => Some(1),
            Retaliation::Grim => None,
        }
    }
}
