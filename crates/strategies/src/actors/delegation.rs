//! Delegation: a state as a team of two actors, a politician and a
//! bureaucrat.
//!
//! Rule: every round both members see the same [`View`] (the state's own
//! moves, the partner's moves as perceived, politicization, payoffs) and
//! each chooses a move, the politician first, then the bureaucrat, so that
//! both keep their own state (ledgers, grudges, counters) in step with the
//! match and the order of their RNG draws is fixed. Then the bureaucrat
//! takes the wheel with probability `autonomy`: one uniform number `x` is
//! drawn and the bureaucrat's move is played when `x < autonomy`, the
//! politician's otherwise. With `autonomy` 0 or 1 nothing is drawn, so the
//! delegation plays exactly like its politician or its bureaucrat (as long
//! as the other member draws nothing either).
//!
//! Source: the seed article (`seed/politics-and-policy.txt`): "the
//! politician drives, the bureaucrat navigates": politicians hold the
//! authority to decide, bureaucrats the expertise, and how much the
//! navigator steers is the bureaucracy's autonomy. Putnam (1988), "Diplomacy
//! and Domestic Politics: The Logic of Two-Level Games", for the state as a
//! negotiator who answers to domestic constituencies. `docs/strategies.md`.
//!
//! The delegation has one orientation (political weight) and one
//! visibility, those of the entrant that plays it: the state is paid once,
//! whoever chose the move.
//!
//! Parameters (registry names): `autonomy` (in [0, 1], default 0.5),
//! `politician` (a registered strategy name, default `"Tit For Tat"`),
//! `bureaucrat` (a registered strategy name, default `"Diffuse
//! Reciprocity"`). Members are built with their default parameters; a
//! delegation may not contain a delegation.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Action, Classifier, Instruments, ParameterError, Strategy, View};

use crate::registry::{
    self, ParamKind, ParamSpec, Params, StrategyEntry, StrategyError, StrategySpec,
};

/// A state whose politician plays unless its bureaucrat takes the wheel,
/// which it does with probability `autonomy` each round.
#[derive(Clone, Debug)]
pub struct Delegation {
    politician: Box<dyn Strategy>,
    bureaucrat: Box<dyn Strategy>,
    autonomy: f64,
    name: String,
}

impl Delegation {
    /// The default probability that the bureaucrat takes the wheel.
    pub const DEFAULT_AUTONOMY: f64 = 0.5;

    /// A delegation of `politician` and `bureaucrat` in which the
    /// bureaucrat's move is played with probability `autonomy` (in [0, 1]).
    pub fn new(
        politician: Box<dyn Strategy>,
        bureaucrat: Box<dyn Strategy>,
        autonomy: f64,
    ) -> Result<Self, ParameterError> {
        let autonomy = check_unit_interval("autonomy", autonomy)?;
        let name = format!(
            "Delegation: {} / {}, {autonomy}",
            politician.name(),
            bureaucrat.name()
        );
        Ok(Delegation {
            politician,
            bureaucrat,
            autonomy,
            name,
        })
    }

    /// The probability that the bureaucrat's move is played.
    #[must_use]
    pub fn autonomy(&self) -> f64 {
        self.autonomy
    }

    /// The politician (the driver).
    #[must_use]
    pub fn politician(&self) -> &dyn Strategy {
        self.politician.as_ref()
    }

    /// The bureaucrat (the navigator).
    #[must_use]
    pub fn bureaucrat(&self) -> &dyn Strategy {
        self.bureaucrat.as_ref()
    }

    /// Whether the bureaucrat plays this round; draws only when the
    /// autonomy is strictly between 0 and 1.
    fn bureaucrat_steers(&self, rng: &mut dyn Rng) -> bool {
        if self.autonomy <= 0.0 {
            false
        } else if self.autonomy >= 1.0 {
            true
        } else {
            rng.random::<f64>() < self.autonomy
        }
    }
}

impl Strategy for Delegation {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        let [politician, bureaucrat] = [self.politician.classifier(), self.bureaucrat.classifier()];
        let mixes = self.autonomy > 0.0 && self.autonomy < 1.0;
        Classifier {
            memory_depth: Classifier::deeper_memory(
                politician.memory_depth,
                bureaucrat.memory_depth,
            ),
            stochastic: mixes || politician.stochastic || bureaucrat.stochastic,
            uses_length: politician.uses_length || bureaucrat.uses_length,
            uses_politicization: politician.uses_politicization || bureaucrat.uses_politicization,
        }
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        let politician = self.politician.decide(view, rng);
        let bureaucrat = self.bureaucrat.decide(view, rng);
        if self.bureaucrat_steers(rng) {
            bureaucrat
        } else {
            politician
        }
    }

    fn reset(&mut self) {
        self.politician.reset();
        self.bureaucrat.reset();
    }

    /// The state's standing carrots and sticks: each instrument the
    /// politician declares, or else the bureaucrat's. Instruments are a
    /// government's policy for the whole match (the engine reads them once),
    /// so they do not switch with who steers a round's move; the politician
    /// sets them, the bureaucracy's own fill in where it sets none.
    fn instruments(&self) -> Instruments {
        self.politician
            .instruments()
            .or(self.bureaucrat.instruments())
    }
}

/// The registry entry of [`Delegation`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Delegation",
    "A state whose politician plays unless its bureaucrat takes the wheel, with probability `autonomy`.",
    |params| {
        let politician = member(params, "politician")?;
        let bureaucrat = member(params, "bureaucrat")?;
        params.finish(Delegation::new(
            politician,
            bureaucrat,
            params.number("autonomy"),
        ))
    },
)
.with_params(&[
    ParamSpec::new(
        "autonomy",
        ParamKind::probability(Delegation::DEFAULT_AUTONOMY),
        "The probability that the bureaucrat's move is played in a round.",
    ),
    ParamSpec::new(
        "politician",
        ParamKind::Text {
            default: "Tit For Tat",
        },
        "The politician: a registered strategy (not a delegation), built with its defaults.",
    ),
    ParamSpec::new(
        "bureaucrat",
        ParamKind::Text {
            default: "Diffuse Reciprocity",
        },
        "The bureaucrat: a registered strategy (not a delegation), built with its defaults.",
    ),
]);

/// Builds the delegation member named by the text parameter `param`, with
/// its default parameters.
fn member(params: &Params<'_>, param: &str) -> Result<Box<dyn Strategy>, StrategyError> {
    let name = params.text(param);
    if registry::canonical_name(name)? == ENTRY.name {
        return Err(params.invalid(
            param,
            "expected a strategy other than a delegation (delegations do not nest)",
        ));
    }
    registry::build(&StrategySpec::new(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Alternator, Defector, Grudger, Random};
    use crate::testing::{SequencePlayer, play_match};
    use crate::{DiffuseReciprocity, TitForTat};

    const TURNS: usize = 200;

    fn delegation(autonomy: f64) -> Delegation {
        Delegation::new(
            Box::new(TitForTat),
            Box::new(DiffuseReciprocity::default()),
            autonomy,
        )
        .unwrap()
    }

    fn opponents() -> Vec<Box<dyn Strategy>> {
        vec![
            Box::new(Defector),
            Box::new(Alternator),
            Box::new(Grudger::default()),
            Box::new(Random::new(0.5).unwrap()),
            Box::new(SequencePlayer::from_letters("DDDCCDCDDDCCCCDD")),
        ]
    }

    /// The delegation's moves against `opponent` match `member`'s, played
    /// alone against a fresh copy of the same opponent with the same seed.
    fn assert_plays_like(autonomy: f64, member: &dyn Strategy) {
        for (k, opponent) in opponents().into_iter().enumerate() {
            let seed = 7 + k as u64;
            let mut together = delegation(autonomy);
            let mut partner = opponent.clone();
            let with = play_match(&mut together, partner.as_mut(), TURNS, seed);
            let mut alone = member.clone_box();
            let mut partner = opponent.clone();
            let without = play_match(alone.as_mut(), partner.as_mut(), TURNS, seed);
            assert_eq!(
                with,
                without,
                "autonomy {autonomy} against {}",
                opponent.name()
            );
        }
    }

    #[test]
    fn autonomy_zero_plays_the_politician_and_one_the_bureaucrat() {
        assert_plays_like(0.0, &TitForTat);
        assert_plays_like(1.0, &DiffuseReciprocity::default());
    }

    #[test]
    fn the_bureaucrat_steers_in_a_share_autonomy_of_rounds() {
        // Against a fixed sequence, the politician (Tit For Tat) and the
        // bureaucrat (an unconditional cooperator: Diffuse Reciprocity with
        // an infinite credit line) disagree exactly when the partner's last
        // move was D; in those rounds the delegation's move says who
        // steered. Each such round is an independent Bernoulli(autonomy)
        // draw, so the share is within 5 standard errors of autonomy.
        let pattern = "CDDCDDDCDCDDDDCD".repeat(125);
        let partner_moves = crate::testing::parse_moves(&pattern);
        for autonomy in [0.2, 0.5, 0.8] {
            let mut state = Delegation::new(
                Box::new(TitForTat),
                Box::new(DiffuseReciprocity::new(f64::INFINITY, 1.0, Default::default()).unwrap()),
                autonomy,
            )
            .unwrap();
            let mut partner = SequencePlayer::new(partner_moves.clone());
            let record = play_match(&mut state, &mut partner, partner_moves.len(), 3);
            let (disagreements, bureaucrat_steered) = (1..record.moves_a.len())
                .filter(|&t| record.moves_b[t - 1] == Action::D)
                .fold((0_u32, 0_u32), |(n, b), t| {
                    (n + 1, b + u32::from(record.moves_a[t] == Action::C))
                });
            let n = f64::from(disagreements);
            let share = f64::from(bureaucrat_steered) / n;
            let standard_error = (autonomy * (1.0 - autonomy) / n).sqrt();
            assert!(n > 500.0, "{n}");
            assert!(
                (share - autonomy).abs() < 5.0 * standard_error,
                "autonomy {autonomy}: share {share} over {n} rounds"
            );
        }
    }

    #[test]
    fn the_politician_sees_every_round_even_when_it_does_not_steer() {
        // Grudger learns of a defection only from the partner's last move.
        // The partner defects once, in round 3; the bureaucrat (who always
        // cooperates) steers 90 % of the rounds, so it almost surely steers
        // round 4. The politician must still have seen the defection: in
        // the rounds it steers afterwards (about 10 % of them) it defects.
        let mut state = Delegation::new(
            Box::new(Grudger::default()),
            Box::new(DiffuseReciprocity::new(f64::INFINITY, 1.0, Default::default()).unwrap()),
            0.9,
        )
        .unwrap();
        let mut partner = SequencePlayer::from_letters(&format!("CCD{}", "C".repeat(2000)));
        let record = play_match(&mut state, &mut partner, 2000, 5);
        assert!(record.moves_a[..3].iter().all(|&a| a == Action::C));
        let later = &record.moves_a[3..];
        let n = later.len() as f64;
        let defections = later.iter().filter(|&&a| a == Action::D).count() as f64;
        let standard_error = (0.1 * 0.9 / n).sqrt();
        assert!(
            (defections / n - 0.1).abs() < 5.0 * standard_error,
            "{defections} defections in {n} rounds"
        );
    }

    #[test]
    fn reset_replays_identically_under_the_same_seed() {
        let mut state = Delegation::new(
            Box::new(Random::new(0.7).unwrap()),
            Box::new(DiffuseReciprocity::default()),
            0.4,
        )
        .unwrap();
        let mut partner = Alternator;
        let first = play_match(&mut state, &mut partner, TURNS, 11);
        let second = play_match(&mut state, &mut partner, TURNS, 11);
        assert_eq!(first, second);
        let mut copy = state.clone();
        assert_eq!(play_match(&mut copy, &mut partner, TURNS, 11), first);
        let other_seed = play_match(&mut state, &mut partner, TURNS, 12);
        assert_ne!(first.moves_a, other_seed.moves_a);
    }

    #[test]
    fn classifier_combines_the_members() {
        assert!(!delegation(0.0).classifier().stochastic);
        assert!(!delegation(1.0).classifier().stochastic);
        assert!(delegation(0.3).classifier().stochastic);
        // Diffuse Reciprocity with a finite tolerance has unbounded memory.
        assert_eq!(delegation(0.0).classifier().memory_depth, None);
        let bounded = Delegation::new(Box::new(TitForTat), Box::new(Alternator), 0.0).unwrap();
        assert_eq!(bounded.classifier().memory_depth, Some(1));
        let random = Delegation::new(
            Box::new(TitForTat),
            Box::new(Random::new(0.5).unwrap()),
            0.0,
        )
        .unwrap();
        assert!(random.classifier().stochastic);
        assert_eq!(
            delegation(0.5).name(),
            "Delegation: Tit For Tat / Diffuse Reciprocity, 0.5"
        );
    }

    #[test]
    fn autonomy_outside_the_unit_interval_is_rejected_by_name() {
        for autonomy in [-0.1, 1.5, f64::NAN] {
            let err =
                Delegation::new(Box::new(TitForTat), Box::new(Defector), autonomy).unwrap_err();
            assert_eq!(err.field, "autonomy");
        }
    }
}
