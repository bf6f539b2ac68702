//! Free Rider: exploits diffuse reciprocity.
//!
//! The free rider keeps the partner's credit/debt ledger from the
//! partner's side (its own **debt**: `debt = lambda * debt + (partner_C -
//! my_C)` after each round, counting moves, with an assumed decay
//! `lambda`), learns the partner's tolerance from its retaliation, and
//! defects as long as it can stay under it. Rule, each round:
//!
//! 1. First round: cooperate.
//! 2. **Called** (the partner defected last round while the free rider was
//!    in debt at the start of that round, i.e. it was calling the debt
//!    in): cooperate, repaying just enough: it cooperates for as long as
//!    the partner keeps calling.
//! 3. **Attacked** (the partner defected last round without being owed
//!    anything): defect, like Tit For Tat.
//! 4. The partner cooperated last round:
//!    - once a tolerance estimate `t` is **learned**, defect iff the debt
//!      after this round's defection, `lambda * debt + 1`, stays within
//!      the limit `max(t - margin, tolerated)`, where `tolerated` is the
//!      largest debt at which the partner was seen cooperating (counted
//!      only while it is below `t`, i.e. consistent with the estimate);
//!      otherwise cooperate;
//!    - before that, **probe** carefully: defect once after every
//!      `probe_every - 1` consecutive rounds of mutual cooperation, so that
//!      each probe raises the debt by one step and the partner's answer is
//!      seen before the next.
//!
//! Learning: every call (rule 2) is a retaliation at a known debt. The
//! first time the partner retaliates, the debt at the start of that round
//! becomes the estimate `t` (the partner's tolerance is below it); later
//! retaliations at a lower debt lower it. With the default `margin = 1`
//! and no decay the free rider keeps its debt one step below the level that
//! triggered retaliation, which for a
//! [`DiffuseReciprocity`](crate::DiffuseReciprocity) partner is the
//! largest debt it tolerated; with decay, the `tolerated` level lets it
//! return to the largest debt the partner accepted.
//!
//! Against Tit For Tat the first probe is answered at once (`t = 1`), so
//! the free rider never defects again; against a partner with a credit line
//! of at least one move it pockets the temptation payoff several times
//! before paying one sucker's payoff. Limits: a partner whose tolerance is
//! below one move (in count units) behaves like Tit For Tat and cannot be
//! exploited; with the default assumed `lambda = 1` the free rider
//! ignores the partner's forgetting, so after learning it stops defecting
//! (a `lambda` matching the partner's lets it free-ride on the decay, at
//! the risk of overdrawing if it is too small).
//!
//! Source: the free-rider problem of diffuse reciprocity in Keohane (1986)
//! and the seed article ("the risk is that some states abuse these
//! arrangements by acting as free-riders"); `docs/strategies.md`.
//!
//! Parameters (registry names): `lambda` (in (0, 1], default 1),
//! `margin` (> 0, default 1), `probe_every` (a whole number >= 2,
//! default 3).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Outcome, ParameterError, Strategy, View};

use crate::ledger::{Ledger, Valuation, lambda_param};
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Defects while its debt stays under the tolerance learned from the
/// partner's retaliation; repays when called.
#[derive(Clone, Debug, PartialEq)]
pub struct FreeRider {
    margin: f64,
    probe_every: u32,
    /// The ledger from the free rider's own side: its balance is minus the
    /// free rider's debt.
    ledger: Ledger,
    learned: Option<f64>,
    /// The largest debt at which the partner was seen cooperating.
    tolerated: f64,
    last_was_call: bool,
}

impl FreeRider {
    /// The default safety margin, one move.
    pub const DEFAULT_MARGIN: f64 = 1.0;
    /// The default probing period.
    pub const DEFAULT_PROBE_EVERY: u32 = 3;

    /// A free rider assuming the partner's decay `lambda` (in (0, 1]),
    /// keeping `margin` (> 0) below the learned tolerance, and probing
    /// once every `probe_every` (>= 2) rounds before it has learned.
    pub fn new(lambda: f64, margin: f64, probe_every: u32) -> Result<Self, ParameterError> {
        // The estimate is a debt that did trigger retaliation, so the
        // margin must be positive for the limit to lie below it.
        if !(margin.is_finite() && margin > 0.0) {
            return Err(ParameterError::new(
                "margin",
                format!("expected a finite number > 0, got {margin}"),
            ));
        }
        if probe_every < 2 {
            return Err(ParameterError::new(
                "probe_every",
                format!("expected a whole number >= 2, got {probe_every}"),
            ));
        }
        Ok(FreeRider {
            margin,
            probe_every,
            ledger: Ledger::new(lambda, Valuation::Counts)?,
            learned: None,
            tolerated: f64::NEG_INFINITY,
            last_was_call: false,
        })
    }

    /// The tolerance estimate learned so far, if any.
    #[must_use]
    pub fn learned_tolerance(&self) -> Option<f64> {
        self.learned
    }

    /// The free rider's current debt, as it estimates it.
    #[must_use]
    pub fn debt(&self) -> f64 {
        -self.ledger.balance()
    }

    /// The largest debt it allows itself once it has learned the estimate
    /// `tolerance`: `tolerance - margin`, or the largest debt the partner
    /// was seen to tolerate if that is higher and still below the
    /// estimate.
    fn debt_limit(&self, tolerance: f64) -> f64 {
        let with_margin = tolerance - self.margin;
        if self.tolerated < tolerance {
            with_margin.max(self.tolerated)
        } else {
            with_margin
        }
    }

    /// Whether the last `n` rounds were all mutual cooperation.
    fn mutual_cooperation_for(view: &View<'_>, n: usize) -> bool {
        view.turn() >= n
            && view.own[view.turn() - n..]
                .iter()
                .zip(&view.partner[view.turn() - n..])
                .all(|(a, b)| a.is_cooperation() && b.is_cooperation())
    }
}

impl Default for FreeRider {
    fn default() -> Self {
        FreeRider {
            margin: Self::DEFAULT_MARGIN,
            probe_every: Self::DEFAULT_PROBE_EVERY,
            ledger: Ledger::with_valid_lambda(1.0, Valuation::Counts),
            learned: None,
            tolerated: f64::NEG_INFINITY,
            last_was_call: false,
        }
    }
}

impl Strategy for FreeRider {
    fn name(&self) -> &str {
        "Free Rider"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.turn() == 0 {
            self.reset();
            return Action::C;
        }
        let (learned, tolerated, last_was_call) = (
            &mut self.learned,
            &mut self.tolerated,
            &mut self.last_was_call,
        );
        self.ledger
            .catch_up(view, |outcome: Outcome, before, _after| {
                let debt_before = -before;
                *last_was_call = outcome.partner.is_defection() && debt_before > 0.0;
                if *last_was_call {
                    *learned = Some(learned.map_or(debt_before, |t| t.min(debt_before)));
                } else if outcome.partner.is_cooperation() {
                    *tolerated = tolerated.max(debt_before);
                }
            });
        if view.partner_last() == Some(Action::D) {
            return if self.last_was_call {
                Action::C
            } else {
                Action::D
            };
        }
        let defect = match self.learned {
            Some(tolerance) => {
                self.ledger.lambda() * self.debt() + 1.0 <= self.debt_limit(tolerance)
            }
            None => Self::mutual_cooperation_for(view, self.probe_every as usize - 1),
        };
        if defect { Action::D } else { Action::C }
    }

    fn reset(&mut self) {
        self.ledger.reset();
        self.learned = None;
        self.tolerated = f64::NEG_INFINITY;
        self.last_was_call = false;
    }
}

/// The registry entry of [`FreeRider`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Free Rider",
    "Learns the partner's tolerance from its retaliation and defects while its own debt stays under it.",
    |params| {
        params.finish(FreeRider::new(
            params.number("lambda"),
            params.number("margin"),
            params.count("probe_every"),
        ))
    },
)
.with_params(&[
    lambda_param(1.0, "The decay of old debts the free rider assumes of its partner."),
    ParamSpec::new(
        "margin",
        ParamKind::Number {
            default: Some(FreeRider::DEFAULT_MARGIN),
            min: Limit::Open(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "How far below the learned tolerance it keeps its debt.",
    ),
    ParamSpec::new(
        "probe_every",
        ParamKind::count(FreeRider::DEFAULT_PROBE_EVERY, 2),
        "It probes (defects) once every this many rounds until it has learned the tolerance.",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Valuation;
    use crate::testing::{play, play_match};
    use crate::{Cooperator, Defector, DiffuseReciprocity, TitForTat};

    #[test]
    fn probes_tit_for_tat_once_then_repays_and_behaves() {
        let mut free_rider = FreeRider::default();
        let (own, other) = play(&mut free_rider, &mut TitForTat, 10);
        assert_eq!(own, "CCDCCCCCCC");
        assert_eq!(other, "CCCDCCCCCC");
        assert_eq!(free_rider.learned_tolerance(), Some(1.0));
    }

    #[test]
    fn learns_a_credit_line_and_stays_under_it() {
        // Tolerance 2.5, no decay: the partner tolerates debts of 1 and 2
        // and calls in 3; the free rider learns 3, repays one step and then
        // keeps its debt at 2 for good.
        let mut partner = DiffuseReciprocity::new(2.5, 1.0, Valuation::Counts).unwrap();
        let mut free_rider = FreeRider::default();
        let (own, other) = play(&mut free_rider, &mut partner, 16);
        assert_eq!(own, "CCDCCDCCDCCCCCCC");
        assert_eq!(other, "CCCCCCCCCDCCCCCC");
        assert_eq!(free_rider.learned_tolerance(), Some(3.0));
        assert_eq!(free_rider.debt(), 2.0);
    }

    #[test]
    fn free_rides_on_fading_debts_when_it_assumes_the_decay() {
        // Against a bureaucrat (tolerance 2, lambda 0.9) a free rider that
        // assumes lambda 0.9 keeps defecting as the debts fade.
        let mut partner = DiffuseReciprocity::new(2.0, 0.9, Valuation::Counts).unwrap();
        let mut free_rider = FreeRider::new(0.9, 1.0, 3).unwrap();
        let record = play_match(&mut free_rider, &mut partner, 200, 0);
        let late_defections = record.moves_a[100..]
            .iter()
            .filter(|a| a.is_defection())
            .count();
        assert!(late_defections >= 10, "{late_defections}");
        assert!(record.score_a > 620.0, "{}", record.score_a);
    }

    #[test]
    fn probes_a_cooperator_forever_and_fights_a_defector() {
        let (own, _) = play(&mut FreeRider::default(), &mut Cooperator, 9);
        assert_eq!(own, "CCDCCDCCD");
        let (own, _) = play(&mut FreeRider::default(), &mut Defector, 5);
        assert_eq!(own, "CDDDD");
    }

    #[test]
    fn returns_to_the_largest_tolerated_debt_as_it_fades() {
        // With lambda 0.9 on both sides the free rider's debt is the
        // partner's balance; it defects again whenever the faded debt plus
        // one stays within the largest debt the partner accepted (1.9), so
        // it is never called in after learning.
        let mut partner = DiffuseReciprocity::new(2.0, 0.9, Valuation::Counts).unwrap();
        let mut free_rider = FreeRider::new(0.9, 1.0, 3).unwrap();
        let record = play_match(&mut free_rider, &mut partner, 200, 0);
        let calls = record.moves_b.iter().filter(|a| a.is_defection()).count();
        assert_eq!(calls, 1);
        assert!(free_rider.learned_tolerance().is_some());
    }

    #[test]
    fn parameters_are_validated_by_name() {
        assert_eq!(FreeRider::new(0.0, 1.0, 3).unwrap_err().field, "lambda");
        assert_eq!(FreeRider::new(1.0, -1.0, 3).unwrap_err().field, "margin");
        assert_eq!(FreeRider::new(1.0, 0.0, 3).unwrap_err().field, "margin");
        assert_eq!(
            FreeRider::new(1.0, 1.0, 1).unwrap_err().field,
            "probe_every"
        );
    }
}
