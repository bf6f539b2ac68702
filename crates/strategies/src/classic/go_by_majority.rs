//! Go By Majority: follows the partner's majority move.
//!
//! Rule: defect if the partner has defected more often than it has
//! cooperated (over the whole match by default, or over its last `memory`
//! moves); on a tie the soft version cooperates and the hard version
//! defects. Gail Grisell's entry in Axelrod's second tournament (Axelrod
//! 1984); `GoByMajority` in the Python `axelrod` library, whose default is
//! the soft version with unbounded memory, named `"Soft Go By Majority"`.
//! In the first round both counts are zero, so the soft version opens with
//! `C` and the hard version with `D`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use super::support::{MoveCounts, RecentDefections};
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Plays the partner's majority move, breaking ties by its softness.
#[derive(Clone, Debug)]
pub struct GoByMajority {
    memory: Option<u32>,
    soft: bool,
    name: String,
    tally: MoveCounts,
    recent: RecentDefections,
}

impl GoByMajority {
    /// A player that counts the partner's last `memory` moves (`None`: the
    /// whole match) and, on a tie, cooperates if `soft` and defects
    /// otherwise.
    ///
    /// # Errors
    ///
    /// `memory` must not be `Some(0)`: a window of no moves is meaningless
    /// (the Python library silently reads the whole history in that case;
    /// pass `None` for that).
    pub fn new(memory: Option<u32>, soft: bool) -> Result<Self, ParameterError> {
        if memory == Some(0) {
            return Err(ParameterError::new(
                "memory",
                "expected at least 1 round, or none for the whole match",
            ));
        }
        let window = memory.map_or_else(String::new, |m| format!(": {m}"));
        let softness = if soft { "Soft" } else { "Hard" };
        Ok(GoByMajority {
            memory,
            soft,
            name: format!("{softness} Go By Majority{window}"),
            tally: MoveCounts::default(),
            recent: RecentDefections::default(),
        })
    }
}

impl Default for GoByMajority {
    /// The soft version with unbounded memory, `axelrod`'s default.
    fn default() -> Self {
        GoByMajority {
            memory: None,
            soft: true,
            name: "Soft Go By Majority".to_owned(),
            tally: MoveCounts::default(),
            recent: RecentDefections::default(),
        }
    }
}

impl Strategy for GoByMajority {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(self.memory)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let (cooperations, defections) = match self.memory {
            None => {
                let tally = self.tally.update(view.partner);
                (tally.cooperations(), tally.defections())
            }
            Some(memory) => {
                let window = memory as usize;
                let defections = self.recent.update(view.partner, view.turn(), window);
                (view.turn().min(window) - defections, defections)
            }
        };
        if defections > cooperations || (defections == cooperations && !self.soft) {
            Action::D
        } else {
            Action::C
        }
    }

    fn reset(&mut self) {
        self.tally = MoveCounts::default();
        self.recent = RecentDefections::default();
    }
}

/// The registry entry of [`GoByMajority`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Go By Majority",
    "Plays the partner's majority move, breaking ties by its softness.",
    |params| {
        params.finish(GoByMajority::new(
            params.optional_count("memory_depth"),
            params.flag("soft"),
        ))
    },
)
.with_aliases(&["Soft Go By Majority", "Majority"])
.with_params(&[
    ParamSpec::new(
        "memory_depth",
        ParamKind::Count {
            default: None,
            min: 1,
            unbounded: true,
        },
        "How many of the partner's last moves it counts (unbounded: the whole match).",
    ),
    ParamSpec::new(
        "soft",
        ParamKind::Bool { default: true },
        "Whether it cooperates on a tie (otherwise it defects).",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::test_support::assert_same_moves_as_reference;
    use crate::classic::{Alternator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn soft_default_cooperates_on_ties() {
        let mut player = GoByMajority::default();
        assert_eq!(player.name(), "Soft Go By Majority");
        assert_eq!(play(&mut player, &mut Alternator, 6).0, "CCCCCC");
        assert_eq!(play(&mut player, &mut Defector, 3).0, "CDD");
        let mut cycler = Cycler::new("DDCCC").unwrap();
        assert_eq!(play(&mut player, &mut cycler, 7).0, "CDDDCCC");
    }

    #[test]
    fn hard_version_with_memory_defects_on_ties() {
        let mut player = GoByMajority::new(Some(2), false).unwrap();
        assert_eq!(player.name(), "Hard Go By Majority: 2");
        assert_eq!(play(&mut player, &mut Alternator, 5).0, "DCDDD");
        let mut cycler = Cycler::new("CCCDD").unwrap();
        assert_eq!(play(&mut player, &mut cycler, 8).0, "DCCCDDDC");
    }

    /// The windowed rule as it was first written: it counts the window
    /// afresh every round.
    #[derive(Clone, Debug)]
    struct ScanningMajority {
        memory: usize,
        soft: bool,
    }

    impl Strategy for ScanningMajority {
        fn name(&self) -> &str {
            "Scanning Majority"
        }

        fn classifier(&self) -> Classifier {
            Classifier::deterministic(None)
        }

        fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
            let start = view.partner.len().saturating_sub(self.memory);
            let recent = &view.partner[start..];
            let defections = recent.iter().filter(|a| a.is_defection()).count();
            let cooperations = recent.len() - defections;
            if defections > cooperations || (defections == cooperations && !self.soft) {
                Action::D
            } else {
                Action::C
            }
        }

        fn reset(&mut self) {}
    }

    #[test]
    fn the_running_window_makes_the_scanning_rules_moves() {
        for memory in [1, 2, 7, 40] {
            for soft in [true, false] {
                assert_same_moves_as_reference(
                    &mut GoByMajority::new(Some(memory), soft).unwrap(),
                    &mut ScanningMajority {
                        memory: memory as usize,
                        soft,
                    },
                    200,
                );
            }
        }
    }

    #[test]
    fn rejects_an_empty_window() {
        let error = GoByMajority::new(Some(0), true).unwrap_err();
        assert_eq!(error.field, "memory");
    }
}
