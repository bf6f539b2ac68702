//! The credit/debt ledger of diffuse reciprocity.
//!
//! After each round the ledger is updated with
//!
//! ```text
//! balance = lambda * balance + (value of what I gave - value of what I got)
//! ```
//!
//! so a positive balance is the partner's net debt to the ledger's owner
//! and a negative one the owner's debt to the partner (Keohane 1986;
//! `docs/model.md` section 8). `lambda` in (0, 1] lets old debts fade; with
//! `lambda = 1` nothing is forgotten.
//!
//! What a round is worth is set by the [`Valuation`]:
//!
//! - [`Valuation::Counts`]: every cooperation counts 1, so a round adds
//!   `my_C - partner_C` (+1 when I cooperated and the partner defected, -1
//!   the other way round, 0 when we matched).
//! - [`Valuation::Payoffs`]: every cooperation is valued by what it was
//!   worth to its recipient: a `C` given to a partner who played `b` is
//!   worth `u(b, C) - u(b, D)` to it, read from the owner's own blended
//!   utilities (`Situation::payoffs`) of the round in question, which stand in
//!   for the partner's. The round adds what I gave minus what I got. With
//!   Axelrod's payoffs a `CC` round balances out (`R - S` each way), `DD`
//!   adds nothing, and an unreciprocated cooperation is worth `T - P = 4`,
//!   so tolerances are in payoff units. Politicization changes the blended
//!   utilities and so the weight of later rounds.
//!
//! A self-serving `bias` >= 0 (Keohane's "parties evaluating equivalence
//! in biased ways") weighs the owner's own concessions `1 + bias` times and
//! the partner's `1 / (1 + bias)` times: a round adds
//! `(1 + bias) * given - received / (1 + bias)`. The partner's weight is
//! `1 / (1 + bias)` rather than `1 - bias` so that any bias >= 0 is
//! meaningful (the partner's concessions never count nothing or less than
//! nothing) and the two sides' weights are reciprocal: an exchange the
//! unbiased ledger balances is seen as a debt of the partner's growing
//! with the ratio `(1 + bias)^2`. With `bias = 0` both factors are exactly
//! 1 and the ledger is bit for bit the unbiased one.
//!
//! The ledger is shared by [`DiffuseReciprocity`](crate::DiffuseReciprocity),
//! [`GearShifting`](crate::GearShifting) and
//! [`FreeRider`](crate::FreeRider) (which keeps it from the partner's side
//! to track its own debt).

use serde::{Deserialize, Serialize};
use twolevel_game::{Action, Outcome, ParameterError, PayoffMatrix, View};

use crate::registry::{Limit, ParamKind, ParamSpec, Params};

/// How a round is valued in a [`Ledger`]; see the module documentation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Valuation {
    /// Every cooperation counts 1.
    #[default]
    Counts,
    /// Every cooperation is valued by its worth to its recipient.
    Payoffs,
}

impl Valuation {
    /// Parses `"counts"` or `"payoffs"` (any case) for the parameter
    /// `field`.
    pub fn parse(field: &str, text: &str) -> Result<Self, ParameterError> {
        match text.to_ascii_lowercase().as_str() {
            "counts" => Ok(Valuation::Counts),
            "payoffs" => Ok(Valuation::Payoffs),
            _ => Err(ParameterError::new(
                field,
                format!("expected \"counts\" or \"payoffs\", got {text:?}"),
            )),
        }
    }

    /// The value of one round for the player whose move is `outcome.own`:
    /// what it gave minus what it got, under `payoffs`.
    #[must_use]
    pub fn round_value(self, outcome: Outcome, payoffs: &PayoffMatrix) -> f64 {
        let [given, received] = self.gifts(outcome, payoffs);
        given - received
    }

    /// The value of one round as a biased owner sees it: what it gave
    /// counted `weight` times minus what it got divided by `weight`
    /// (`weight = 1 + bias`).
    #[must_use]
    pub fn biased_round_value(self, outcome: Outcome, payoffs: &PayoffMatrix, weight: f64) -> f64 {
        let [given, received] = self.gifts(outcome, payoffs);
        weight * given - received / weight
    }

    /// What the player whose move is `outcome.own` gave and what it got.
    fn gifts(self, outcome: Outcome, payoffs: &PayoffMatrix) -> [f64; 2] {
        let gift = |recipient: Action| match self {
            Valuation::Counts => 1.0,
            Valuation::Payoffs => {
                payoffs.payoff(recipient, Action::C) - payoffs.payoff(recipient, Action::D)
            }
        };
        let given = if outcome.own.is_cooperation() {
            gift(outcome.partner)
        } else {
            0.0
        };
        let received = if outcome.partner.is_cooperation() {
            gift(outcome.own)
        } else {
            0.0
        };
        [given, received]
    }
}

/// Checks a ledger's `lambda`: a number in (0, 1].
pub fn check_lambda(field: &str, lambda: f64) -> Result<f64, ParameterError> {
    twolevel_game::error::check_positive_fraction(field, lambda)
}

/// Checks a tolerance: a number >= 0, possibly infinite (unbounded).
pub fn check_tolerance(field: &str, tolerance: f64) -> Result<f64, ParameterError> {
    if tolerance >= 0.0 {
        Ok(tolerance)
    } else {
        Err(ParameterError::new(
            field,
            format!("expected a number >= 0 (or \"inf\" for unbounded), got {tolerance}"),
        ))
    }
}

/// Checks a self-serving bias: a finite number >= 0 (the error names
/// `bias`).
pub fn check_bias(bias: f64) -> Result<f64, ParameterError> {
    twolevel_game::error::check_non_negative("bias", bias)
}

/// A credit/debt ledger kept from one player's side.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    lambda: f64,
    valuation: Valuation,
    /// The self-serving bias (0: none).
    bias: f64,
    balance: f64,
    /// How many rounds of the match have been entered.
    rounds: usize,
    /// The payoffs of the round decided last, used to value that round.
    pending_payoffs: Option<PayoffMatrix>,
}

impl Ledger {
    /// An empty ledger; `lambda` must be in (0, 1].
    pub fn new(lambda: f64, valuation: Valuation) -> Result<Self, ParameterError> {
        Ok(Ledger {
            lambda: check_lambda("lambda", lambda)?,
            valuation,
            bias: 0.0,
            balance: 0.0,
            rounds: 0,
            pending_payoffs: None,
        })
    }

    /// The same ledger with a self-serving `bias` (finite, >= 0; the error
    /// names `bias`): its owner's concessions count `1 + bias` times, the
    /// partner's `1 / (1 + bias)` times (see the module documentation).
    pub fn with_bias(mut self, bias: f64) -> Result<Self, ParameterError> {
        self.bias = check_bias(bias)?;
        Ok(self)
    }

    /// The self-serving bias.
    #[must_use]
    pub fn bias(&self) -> f64 {
        self.bias
    }

    /// An empty ledger with a `lambda` the caller knows to be in (0, 1]
    /// (a built-in default).
    pub(crate) const fn with_valid_lambda(lambda: f64, valuation: Valuation) -> Self {
        Ledger {
            lambda,
            valuation,
            bias: 0.0,
            balance: 0.0,
            rounds: 0,
            pending_payoffs: None,
        }
    }

    /// The decay factor.
    #[must_use]
    pub fn lambda(&self) -> f64 {
        self.lambda
    }

    /// The valuation.
    #[must_use]
    pub fn valuation(&self) -> Valuation {
        self.valuation
    }

    /// The current balance: the partner's net debt to the owner.
    #[must_use]
    pub fn balance(&self) -> f64 {
        self.balance
    }

    /// The credit-line rule of the diffuse reciprocators: cooperate while
    /// the partner's net debt ([`balance`](Self::balance)) is within
    /// `tolerance`, defect to call it in otherwise.
    #[must_use]
    pub fn credit_line_move(&self, tolerance: f64) -> Action {
        if self.balance <= tolerance {
            Action::C
        } else {
            Action::D
        }
    }

    /// Forgets every entry.
    pub fn reset(&mut self) {
        self.balance = 0.0;
        self.rounds = 0;
        self.pending_payoffs = None;
    }

    /// Enters one round.
    pub fn record(&mut self, outcome: Outcome, payoffs: &PayoffMatrix) {
        let value = if self.bias == 0.0 {
            self.valuation.round_value(outcome, payoffs)
        } else {
            self.valuation
                .biased_round_value(outcome, payoffs, 1.0 + self.bias)
        };
        self.balance = self.lambda * self.balance + value;
        self.rounds += 1;
    }

    /// Enters the rounds of `view` not yet entered, calling `on_round`
    /// with each outcome (from the owner's side) and the balances just
    /// before and just after it, oldest first; then remembers `view.payoffs` to value the
    /// round about to be played.
    ///
    /// A view of fewer rounds than were entered starts a new match: the
    /// ledger resets first. Call this once per [`decide`](twolevel_game::Strategy::decide)
    /// (normally one new round each time; it does not allocate). The
    /// view's histories may hold only the last moves, as long as they hold
    /// every round not yet entered (with one call per round, the last
    /// move: the ledger reads one round back); rounds a view no longer holds
    /// cannot be entered and are skipped.
    pub fn catch_up(&mut self, view: &View<'_>, mut on_round: impl FnMut(Outcome, f64, f64)) {
        if view.turn() < self.rounds {
            self.reset();
        }
        // The round of the histories' first move.
        let offset = view.turn() - view.own.len();
        debug_assert!(self.rounds >= offset, "a round to enter left the view");
        self.rounds = self.rounds.max(offset);
        while self.rounds < view.turn() {
            let index = self.rounds;
            let outcome = Outcome::new(view.own[index - offset], view.partner[index - offset]);
            // The round decided last was valued with the payoffs seen then;
            // older rounds (only when catching up on a history entered in
            // bulk) with the current ones.
            let payoffs = match self.pending_payoffs {
                Some(payoffs) if index + 1 == view.turn() => payoffs,
                _ => view.payoffs,
            };
            let before = self.balance;
            self.record(outcome, &payoffs);
            on_round(outcome, before, self.balance);
        }
        self.pending_payoffs = Some(view.payoffs);
    }
}

/// The `lambda` parameter of a ledger strategy: a decay in (0, 1].
pub(crate) const fn lambda_param(default: f64, doc: &'static str) -> ParamSpec {
    ParamSpec::new(
        "lambda",
        ParamKind::Number {
            default: Some(default),
            min: Limit::Open(0.0),
            max: Limit::Closed(1.0),
        },
        doc,
    )
}

/// A tolerance parameter of a ledger strategy: a number >= 0, possibly
/// infinite (unbounded).
pub(crate) const fn tolerance_kind(default: f64) -> ParamKind {
    ParamKind::Number {
        default: Some(default),
        min: Limit::Closed(0.0),
        max: Limit::Closed(f64::INFINITY),
    }
}

/// The `valuation` parameter of a ledger strategy.
pub(crate) const VALUATION_PARAM: ParamSpec = ParamSpec::new(
    "valuation",
    ParamKind::Choice {
        default: "counts",
        choices: &["counts", "payoffs"],
    },
    "What a cooperation is worth: 1 (counts) or its worth to its recipient (payoffs).",
);

/// The `bias` parameter of a ledger strategy: a self-serving bias >= 0.
pub(crate) const BIAS_PARAM: ParamSpec = ParamSpec::new(
    "bias",
    ParamKind::Number {
        default: Some(0.0),
        min: Limit::Closed(0.0),
        max: Limit::Open(f64::INFINITY),
    },
    "Self-serving bias: own concessions count 1 + bias times, the partner's 1 / (1 + bias) (0: none).",
);

/// The [`Valuation`] a ledger strategy's builder was given in
/// [`VALUATION_PARAM`].
pub(crate) fn valuation_param(params: &Params<'_>) -> Valuation {
    match params.text(VALUATION_PARAM.name) {
        "payoffs" => Valuation::Payoffs,
        _ => Valuation::Counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use twolevel_game::Situation;

    #[test]
    fn counts_add_my_cooperations_minus_the_partners() {
        let m = PayoffMatrix::AXELROD;
        let values: Vec<f64> = Outcome::ALL
            .iter()
            .map(|&o| Valuation::Counts.round_value(o, &m))
            .collect();
        assert_eq!(values, vec![0.0, 1.0, -1.0, 0.0]);
    }

    #[test]
    fn payoffs_value_a_gift_by_its_worth_to_the_recipient() {
        let m = PayoffMatrix::AXELROD;
        let values: Vec<f64> = Outcome::ALL
            .iter()
            .map(|&o| Valuation::Payoffs.round_value(o, &m))
            .collect();
        // CC: R - S both ways; CD: I gave T - P = 4; DC: I got 4; DD: 0.
        assert_eq!(values, vec![0.0, 4.0, -4.0, 0.0]);
    }

    #[test]
    fn old_debts_fade_with_lambda() {
        let m = PayoffMatrix::AXELROD;
        let mut ledger = Ledger::new(0.5, Valuation::Counts).unwrap();
        ledger.record(Outcome::CD, &m);
        ledger.record(Outcome::CC, &m);
        ledger.record(Outcome::CD, &m);
        assert_eq!(ledger.balance(), 1.25);
    }

    #[test]
    fn catch_up_enters_each_round_once_and_restarts_on_a_new_match() {
        let m = PayoffMatrix::AXELROD;
        let own = [Action::C, Action::C, Action::D];
        let partner = [Action::D, Action::D, Action::C];
        let mut ledger = Ledger::new(1.0, Valuation::Counts).unwrap();
        let mut seen = Vec::new();
        ledger.catch_up(
            &View::new(&own[..2], &partner[..2], &Situation::classic(m)),
            |o, b, a| {
                seen.push((o, b, a));
            },
        );
        ledger.catch_up(
            &View::new(&own, &partner, &Situation::classic(m)),
            |o, b, a| {
                seen.push((o, b, a));
            },
        );
        assert_eq!(
            seen,
            vec![
                (Outcome::CD, 0.0, 1.0),
                (Outcome::CD, 1.0, 2.0),
                (Outcome::DC, 2.0, 1.0)
            ]
        );
        assert_eq!(ledger.balance(), 1.0);
        ledger.catch_up(&View::new(&[], &[], &Situation::classic(m)), |_, _, _| {});
        assert_eq!(ledger.balance(), 0.0);
    }

    #[test]
    fn parameters_are_checked() {
        assert!(Ledger::new(0.0, Valuation::Counts).is_err());
        assert!(Ledger::new(1.5, Valuation::Counts).is_err());
        assert!(Ledger::new(f64::NAN, Valuation::Counts).is_err());
        assert!(check_tolerance("tolerance", -1.0).is_err());
        assert!(check_tolerance("tolerance", f64::NAN).is_err());
        assert_eq!(
            check_tolerance("tolerance", f64::INFINITY),
            Ok(f64::INFINITY)
        );
        assert_eq!(
            Valuation::parse("valuation", "Payoffs"),
            Ok(Valuation::Payoffs)
        );
        assert_eq!(
            Valuation::parse("valuation", "money").unwrap_err().field,
            "valuation"
        );
    }
}
