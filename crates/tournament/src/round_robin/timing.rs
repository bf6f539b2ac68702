//! A tournament of one actor's timing rules (docs/actors.md, "which
//! strand to tighten at which moment"): the same round robin once per
//! spending rule of the actor, and once with the actor spending nothing,
//! with the same seeds, so that each repetition of a rule is paired with
//! the same repetition of the baseline.
//!
//! For each rule, per repetition: the cooperation of the actor's state
//! (the share of its rounds in which it cooperated, over all its
//! matches), the gain over the baseline (a difference of shares), what the
//! actor spent per match (capability units) and the gain per unit spent;
//! each summarised over repetitions, with standard errors
//! ([`Summary::standard_error`]).

use serde::{Deserialize, Serialize};
use twolevel_game::actors::SpendingRule;

use super::{RoundRobin, RoundRobinResults, Summary};
use crate::config::TimingPlan;
use crate::stats::paired_differences;

/// One spending rule's outcome against the no-spending baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleOutcome {
    /// The rule.
    pub rule: SpendingRule,
    /// The cooperation of the actor's state (a share of rounds).
    pub cooperation: Summary,
    /// The cooperation gained over the baseline, per repetition (a
    /// difference of shares of rounds).
    pub gain: Summary,
    /// What the actor spent per match, in capability units.
    pub spent: Summary,
    /// The cooperation gained per unit spent, per repetition (over the
    /// repetitions in which the actor spent something); `None` when it
    /// spent nothing in any.
    pub gain_per_unit: Option<Summary>,
    /// The actor's payoff per match, in its own currency (docs/actors.md).
    pub actor_payoff: Summary,
}

/// The timing tournament's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimingResults {
    /// The actor, `"Player/actor"`.
    pub actor: String,
    /// Its budget per match, in capability units.
    pub budget: f64,
    /// The cooperation of its state when it spends nothing.
    pub baseline_cooperation: Summary,
    /// Each rule, in the order of the file.
    pub rules: Vec<RuleOutcome>,
}

impl TimingPlan {
    /// Plays `base` (the file's round robin) with each rule's domestic
    /// settings and with the baseline's, and compares them. The round
    /// robins run as `base` does (threads, seeds), so the results are the
    /// same on any number of threads.
    ///
    /// # Errors
    ///
    /// Fails when the domestic settings do not fit `base`'s players.
    pub fn run(&self, base: &RoundRobin) -> Result<TimingResults, twolevel_game::ParameterError> {
        let play = |domestic: &crate::domestic::Domestic| -> Result<RoundRobinResults, _> {
            Ok(base
                .clone()
                .with_match_records(false)
                .with_domestic(domestic.clone())?
                .play())
        };
        let state = self.actor_ref.state;
        let actor = self.actor_ref.actor;
        let cooperation = |results: &RoundRobinResults| -> Vec<f64> {
            results
                .arenas
                .as_ref()
                .map(|a| a.states[state].cooperation.per_repetition.clone())
                .unwrap_or_default()
        };
        let actor_values = |results: &RoundRobinResults, spent: bool| -> Vec<f64> {
            results
                .arenas
                .as_ref()
                .and_then(|a| a.states[state].actors.get(actor))
                .map(|a| {
                    if spent {
                        a.spent.per_repetition.clone()
                    } else {
                        a.payoff.per_repetition.clone()
                    }
                })
                .unwrap_or_default()
        };
        let baseline = cooperation(&play(&self.baseline)?);
        let rules = self
            .rules
            .iter()
            .map(|(rule, domestic)| {
                let results = play(domestic)?;
                let with_rule = cooperation(&results);
                let gain = paired_differences(&with_rule, &baseline);
                let spent = actor_values(&results, true);
                let per_unit: Vec<f64> = gain
                    .iter()
                    .zip(&spent)
                    .filter(|&(_, &s)| s > 0.0)
                    .map(|(g, s)| g / s)
                    .collect();
                Ok(RuleOutcome {
                    rule: *rule,
                    cooperation: Summary::of(with_rule),
                    gain: Summary::of(gain),
                    spent: Summary::of(spent),
                    gain_per_unit: (!per_unit.is_empty()).then(|| Summary::of(per_unit)),
                    actor_payoff: Summary::of(actor_values(&results, false)),
                })
            })
            .collect::<Result<Vec<_>, twolevel_game::ParameterError>>()?;
        Ok(TimingResults {
            actor: self.actor.clone(),
            budget: self.budget,
            baseline_cooperation: Summary::of(baseline),
            rules,
        })
    }
}
