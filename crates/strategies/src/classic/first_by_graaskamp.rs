//! First by Graaskamp: Tit For Tat with a probe, a randomness test and
//! occasional sneaky defections.
//!
//! Rule, as `axelrod` implements Axelrod's (1980) description: Tit For Tat
//! for the first 50 rounds, defect in round 51 (index 50), Tit For Tat for
//! five more rounds. From round 57 (index 56) on: if the partner's
//! cooperations and defections have ever passed a chi-squared test for a
//! fair coin at level `alpha` (0.05), defect for the rest of the match; else
//! if the partner looks like Tit For Tat (each of its moves copies this
//! player's previous one) or like a twin (identical history), play Tit For
//! Tat; otherwise cooperate, except for a defection every 5 to 14 rounds
//! (the gap drawn uniformly, as numpy's `randint(5, 15)` excludes 15).
//! James Graaskamp's entry, ninth in Axelrod's first tournament;
//! `FirstByGraaskamp` in the Python `axelrod` library, named
//! `"First by Graaskamp: 0.05"`.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use super::support::{MoveCounts, RandomnessTest, python_float};
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// The round index of the probing defection.
const PROBE_ROUND: usize = 50;
/// The round index from which the checks run.
const CHECKS_FROM: usize = 56;
/// The range of gaps between sneaky defections (upper bound excluded).
const GAP: std::ops::Range<usize> = 5..15;

/// Probes once, punishes randomness, and otherwise defects now and then.
#[derive(Clone, Debug)]
pub struct FirstByGraaskamp {
    randomness: RandomnessTest,
    name: String,
    partner_is_random: bool,
    next_defection: Option<usize>,
    partner: MoveCounts,
    resemblance: Resemblance,
}

impl FirstByGraaskamp {
    /// A player whose randomness test has significance level `alpha`.
    ///
    /// # Errors
    ///
    /// `alpha` must be a probability in [0, 1].
    pub fn new(alpha: f64) -> Result<Self, ParameterError> {
        let alpha = twolevel_game::error::check_unit_interval("alpha", alpha)?;
        Ok(FirstByGraaskamp {
            randomness: RandomnessTest::new(alpha),
            name: format!("First by Graaskamp: {}", python_float(alpha)),
            partner_is_random: false,
            next_defection: None,
            partner: MoveCounts::default(),
            resemblance: Resemblance::default(),
        })
    }
}

impl Default for FirstByGraaskamp {
    /// A test at the 5% level.
    fn default() -> Self {
        FirstByGraaskamp {
            randomness: RandomnessTest::new(0.05),
            name: "First by Graaskamp: 0.05".to_owned(),
            partner_is_random: false,
            next_defection: None,
            partner: MoveCounts::default(),
            resemblance: Resemblance::default(),
        }
    }
}

/// Whether the partner has copied each of this player's previous moves (a
/// mirror, such as Tit For Tat) and whether it has played exactly the same
/// moves (a twin), kept up to date round by round so that asking costs
/// constant work per round, however long the match.
///
/// Like [`MoveCounts`], it starts over when it is handed a shorter history than
/// before (a new match without a reset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Resemblance {
    /// The number of rounds checked.
    seen: usize,
    /// Every partner move so far copied this player's previous move.
    mirrors: bool,
    /// Every partner move so far equalled this player's move.
    twins: bool,
}

impl Default for Resemblance {
    fn default() -> Self {
        Resemblance {
            seen: 0,
            mirrors: true,
            twins: true,
        }
    }
}

impl Resemblance {
    /// Brings the checks up to date with the histories and returns whether
    /// the partner is a mirror or a twin.
    fn mirrors_or_twins(&mut self, own: &[Action], partner: &[Action]) -> bool {
        if own.len() < self.seen {
            *self = Resemblance::default();
        }
        for (round, &move_) in own.iter().enumerate().skip(self.seen) {
            let partner_move = partner[round];
            if round > 0 && partner_move != own[round - 1] {
                self.mirrors = false;
            }
            if partner_move != move_ {
                self.twins = false;
            }
        }
        self.seen = own.len();
        self.mirrors || (self.twins && own.len() == partner.len())
    }
}

/// What the rule decides before its checks run.
enum Opening {
    /// The move of the first 56 rounds: cooperate first, then Tit For Tat
    /// with the probing defection.
    Decided(Action),
    /// From round 57 on the checks decide; the round index and the
    /// partner's last move.
    Checks {
        /// The round index (at least [`CHECKS_FROM`]).
        turn: usize,
        /// The partner's last move.
        partner_last: Action,
    },
}

/// The opening of the rule: cooperate in the first round, then Tit For Tat
/// with a defection in round 51, until the checks start in round 57.
fn opening(view: &View<'_>) -> Opening {
    let turn = view.turn();
    let Some(partner_last) = view.partner_last() else {
        return Opening::Decided(Action::C);
    };
    if turn < CHECKS_FROM {
        let probe_or_copy = partner_last.is_defection() || turn == PROBE_ROUND;
        return Opening::Decided(if probe_or_copy { Action::D } else { Action::C });
    }
    Opening::Checks { turn, partner_last }
}

/// Cooperates, except in the round of the next sneaky defection, drawn 5
/// to 14 rounds after the previous one (the first one drawn from `turn`).
fn sneaky_defection(next_defection: &mut Option<usize>, turn: usize, rng: &mut dyn Rng) -> Action {
    let next = *next_defection.get_or_insert_with(|| turn + rng.random_range(GAP));
    if turn == next {
        *next_defection = Some(turn + rng.random_range(GAP));
        return Action::D;
    }
    Action::C
}

impl Strategy for FirstByGraaskamp {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(None)
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        let (turn, partner_last) = match opening(view) {
            Opening::Decided(action) => return action,
            Opening::Checks { turn, partner_last } => (turn, partner_last),
        };
        if !self.partner_is_random {
            let partner = self.partner.update(view.partner);
            self.partner_is_random = self
                .randomness
                .looks_random(partner.cooperations(), partner.defections());
        }
        if self.partner_is_random {
            return Action::D;
        }
        if self.resemblance.mirrors_or_twins(view.own, view.partner) {
            return partner_last;
        }
        sneaky_defection(&mut self.next_defection, turn, rng)
    }

    fn reset(&mut self) {
        self.partner_is_random = false;
        self.next_defection = None;
        self.partner = MoveCounts::default();
        self.resemblance = Resemblance::default();
    }
}

/// The registry entry of [`FirstByGraaskamp`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Graaskamp",
    "Probes once, punishes randomness, and otherwise defects now and then.",
    |params| params.finish(FirstByGraaskamp::new(params.number("alpha"))),
)
.with_params(&[ParamSpec::new(
    "alpha",
    ParamKind::probability(0.05),
    "The significance level of its test for a random partner.",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TitForTat;
    use crate::classic::support::looks_random;
    use crate::classic::test_support::{
        assert_replays_identically, assert_same_moves_as_reference,
    };
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    /// The rule as it was first written: the randomness test evaluates the
    /// survival function and the mirror and twin checks rescan the whole
    /// history every round.
    #[derive(Clone, Debug, Default)]
    struct RescanningGraaskamp {
        partner_is_random: bool,
        next_defection: Option<usize>,
    }

    impl Strategy for RescanningGraaskamp {
        fn name(&self) -> &str {
            "Rescanning Graaskamp"
        }

        fn classifier(&self) -> Classifier {
            Classifier::stochastic(None)
        }

        fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
            let (turn, partner_last) = match opening(view) {
                Opening::Decided(action) => return action,
                Opening::Checks { turn, partner_last } => (turn, partner_last),
            };
            let defections = view.partner.iter().filter(|a| a.is_defection()).count();
            self.partner_is_random |=
                looks_random(view.partner.len() - defections, defections, 0.05);
            if self.partner_is_random {
                return Action::D;
            }
            let (own, partner) = (view.own, view.partner);
            let mirrors = (1..own.len()).all(|i| partner[i] == own[i - 1]);
            if mirrors || own == partner {
                return partner_last;
            }
            sneaky_defection(&mut self.next_defection, turn, rng)
        }

        fn reset(&mut self) {
            *self = RescanningGraaskamp::default();
        }
    }

    #[test]
    fn constant_work_per_round_makes_the_rescanning_rules_moves() {
        assert_same_moves_as_reference(
            &mut FirstByGraaskamp::default(),
            &mut RescanningGraaskamp::default(),
            1_000,
        );
    }

    #[test]
    fn probe_echoes_against_tit_for_tat() {
        // The probe in round 51 echoes back and forth: Graaskamp recognises
        // Tit For Tat and keeps copying it.
        let (own, _) = play(&mut FirstByGraaskamp::default(), &mut TitForTat, 200);
        assert_eq!(own, format!("{}{}", "C".repeat(50), "DC".repeat(75)));
    }

    #[test]
    fn defects_against_a_random_looking_partner() {
        // Alternator has 28 C and 28 D at round 57: a fair coin.
        let (own, _) = play(&mut FirstByGraaskamp::default(), &mut Alternator, 80);
        assert_eq!(&own[56..], "D".repeat(24));
        // Defector is not random and not a mirror, so after round 56 it is
        // met with cooperation and the occasional defection, as in `axelrod`.
        let (own, _) = play(&mut FirstByGraaskamp::default(), &mut Defector, 60);
        assert_eq!(&own[..56], format!("C{}", "D".repeat(55)));
        assert_eq!(&own[56..], "CCCC");
    }

    #[test]
    fn defects_every_five_to_fourteen_rounds_against_a_cooperator() {
        let (own, _) = play_seeded(&mut FirstByGraaskamp::default(), &mut Cooperator, 5_000, 17);
        let defections: Vec<usize> = own
            .char_indices()
            .filter(|&(i, m)| i >= CHECKS_FROM && m == 'D')
            .map(|(i, _)| i)
            .collect();
        assert!(
            defections[0] - CHECKS_FROM < 15,
            "first sneaky defection at {}",
            defections[0]
        );
        for gap in defections.windows(2).map(|w| w[1] - w[0]) {
            assert!(GAP.contains(&gap), "gap {gap}");
        }
        let gaps: Vec<usize> = defections.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(gaps.contains(&5) && gaps.contains(&14));
        assert_replays_identically(&mut FirstByGraaskamp::default(), &mut Cooperator, 3);
    }
}
