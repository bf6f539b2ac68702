//! Timing ("which strand to tighten at which moment"): an actor's
//! [`Budget`] and [`SpendingRule`], the [`SpendingPlan`] a match derives
//! from them, and the actors' payoff (docs/actors.md).
//!
//! An actor may have a budget `B` instead of a per-round capability; its
//! capability in a round is what it spends that round. Let `T` be the
//! expected length of the match (the fixed number of rounds, or
//! `1 / (1 - delta)` for a continuation horizon: actors, like players, do
//! not know a drawn length) and `Q = max(1, ceil(T / 4))` a quarter of it.
//! Every rule spends a fixed *tranche* in the rounds it spends in, until
//! the budget is gone (the last tranche is what is left):
//!
//! | rule | spends in round `t` when | tranche |
//! |---|---|---|
//! | steady | every round | `B / T` |
//! | early ("engaging early") | `t < Q`: the first quarter of the expected horizon | `B / Q` |
//! | campaign | `t` is an election-campaign round | `B / N_c` |
//! | responsive | the partner defected visibly in round `t - 1`, or `pi_i < below` at the start of `t` | `B / Q` |
//!
//! `N_c` is the expected number of campaign rounds in the horizon: for a
//! fixed horizon of `T` rounds, the campaign rounds among rounds
//! `0..T`; for a continuation horizon, `T * lead / term`. Without an
//! election cycle (or with `N_c = 0`) a campaign rule never spends: there
//! is no campaign to spend in. A responsive actor holds its budget in
//! reserve and answers with bursts of a quarter-horizon's worth
//! (`B / Q`), so that it can answer about `Q` times at the steady
//! actor's total. A partner's defection is *visible* when its visibility
//! is positive (quiet diplomacy hides it from the responsive actor too).
//!
//! An actor's payoff (docs/actors.md) in a round in which the states' moves
//! have a cooperation share `coop_share` (the number of C among the two
//! moves, halved) is
//!
//! ```text
//! payoff_k = s_k (coop_share - 1/2)(2 x_k - 1) - spent_k
//! ```
//!
//! a pro-cooperation actor (`x_k > 1/2`) gains from mutual cooperation and
//! loses from mutual defection, a nationalist one the reverse, both in
//! proportion to the salience of the issue; what it spent is a cost in the
//! same units as its capability. An actor without a budget spends nothing
//! (its capability is a standing resource).

use serde::{Deserialize, Serialize};

use super::actor::check_capped;
use crate::dynamics::ElectionCycle;
use crate::error::{ParameterError, check_unit_interval};
use crate::horizon::{Horizon, HorizonKind};

/// When a budgeted actor spends (see the [module documentation](self)).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum SpendingRule {
    /// `B / T` every round.
    Steady,
    /// `B / Q` in each of the first `Q = ceil(T / 4)` rounds.
    Early,
    /// `B / N_c` in each election-campaign round.
    Campaign,
    /// `B / Q` in a round after the partner's visible defection, or when
    /// the state's own `pi_i` is below `below` (in [0, 1]).
    Responsive {
        /// The politicization below which the actor spends to raise it.
        below: f64,
    },
}

/// A budget spent over a match by a [`SpendingRule`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The whole budget `B >= 0`, in the units of a capability.
    pub total: f64,
    /// When it is spent.
    pub rule: SpendingRule,
}

impl Budget {
    /// Checks the total and the rule's level; errors name `total` or
    /// `rule.below`.
    pub fn validate(&self) -> Result<(), ParameterError> {
        check_capped("total", self.total)?;
        if let SpendingRule::Responsive { below } = self.rule {
            check_unit_interval("rule.below", below)?;
        }
        Ok(())
    }
}

/// What a match needs to know about its calendar to plan every budget:
/// the expected length `T`, its quarter `Q` and the expected number of
/// campaign rounds `N_c`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpendingCalendar {
    /// The expected number of rounds `T` (at least 1).
    pub expected_rounds: f64,
    /// `Q = max(1, ceil(T / 4))`.
    pub quarter: u32,
    /// The expected number of campaign rounds `N_c`.
    pub campaign_rounds: f64,
}

impl SpendingCalendar {
    /// The calendar of a horizon with an optional election cycle.
    #[must_use]
    pub fn new(horizon: Horizon, election: Option<&ElectionCycle>) -> Self {
        let expected_rounds = horizon.expected_length().max(1.0);
        let quarter = (expected_rounds / 4.0)
            .ceil()
            .clamp(1.0, f64::from(u32::MAX)) as u32;
        let campaign_rounds = match (election, horizon.kind()) {
            (None, _) => 0.0,
            (Some(cycle), HorizonKind::Fixed { turns }) => {
                let (term, lead) = (cycle.term(), cycle.lead());
                let whole = turns / term;
                let rest = turns % term;
                let partial = rest.saturating_sub(term - lead);
                f64::from(whole) * f64::from(lead) + f64::from(partial)
            }
            (Some(cycle), HorizonKind::Continuation { .. }) => {
                expected_rounds * f64::from(cycle.lead()) / f64::from(cycle.term())
            }
        };
        SpendingCalendar {
            expected_rounds,
            quarter,
            campaign_rounds,
        }
    }
}

/// What a budgeted actor knows at the start of a round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpendingMoment {
    /// The round, from 0.
    pub round: u32,
    /// Whether the round is an election-campaign round.
    pub campaign: bool,
    /// Whether the partner defected visibly in the previous round.
    pub partner_defected: bool,
    /// The state's own politicization at the start of the round.
    pub pi: f64,
}

/// One budget's plan for a match: its rule and tranche.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpendingPlan {
    rule: SpendingRule,
    tranche: f64,
    quarter: u32,
}

impl SpendingPlan {
    /// The plan of `budget` over `calendar`.
    #[must_use]
    pub fn new(budget: &Budget, calendar: &SpendingCalendar) -> Self {
        let quarter = f64::from(calendar.quarter);
        let tranche = match budget.rule {
            SpendingRule::Steady => budget.total / calendar.expected_rounds,
            SpendingRule::Early | SpendingRule::Responsive { .. } => budget.total / quarter,
            SpendingRule::Campaign => {
                if calendar.campaign_rounds > 0.0 {
                    budget.total / calendar.campaign_rounds
                } else {
                    0.0
                }
            }
        };
        SpendingPlan {
            rule: budget.rule,
            tranche,
            quarter: calendar.quarter,
        }
    }

    /// The tranche the rule spends in a round in which it spends.
    #[must_use]
    pub const fn tranche(&self) -> f64 {
        self.tranche
    }

    /// Whether the rule spends at `moment`.
    #[inline]
    #[must_use]
    pub fn spends(&self, moment: &SpendingMoment) -> bool {
        match self.rule {
            SpendingRule::Steady => true,
            SpendingRule::Early => moment.round < self.quarter,
            SpendingRule::Campaign => moment.campaign,
            SpendingRule::Responsive { below } => moment.partner_defected || moment.pi < below,
        }
    }

    /// What the actor spends at `moment` with `remaining` left: its
    /// tranche, or what is left if less, in a round its rule spends in;
    /// 0 otherwise.
    #[inline]
    #[must_use]
    pub fn spend(&self, moment: &SpendingMoment, remaining: f64) -> f64 {
        if self.spends(moment) {
            self.tranche.min(remaining)
        } else {
            0.0
        }
    }
}

/// An actor's payoff in one round, `s_k (coop_share - 1/2)(2 x_k - 1)`
/// minus what it spent (see the [module documentation](self)).
#[inline]
#[must_use]
pub fn actor_payoff(salience: f64, position: f64, coop_share: f64, spent: f64) -> f64 {
    salience * (coop_share - 0.5) * (2.0 * position - 1.0) - spent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(round: u32) -> SpendingMoment {
        SpendingMoment {
            round,
            campaign: false,
            partner_defected: false,
            pi: 0.5,
        }
    }

    #[test]
    fn every_rule_spends_its_budget_over_a_fixed_horizon() {
        let horizon = Horizon::fixed(100).unwrap();
        let cycle = ElectionCycle::new(20, 5, 0.5).unwrap();
        let calendar = SpendingCalendar::new(horizon, Some(&cycle));
        assert_eq!(calendar.quarter, 25);
        assert_eq!(calendar.campaign_rounds, 25.0);
        for rule in [
            SpendingRule::Steady,
            SpendingRule::Early,
            SpendingRule::Campaign,
            SpendingRule::Responsive { below: 1.0 },
        ] {
            let plan = SpendingPlan::new(&Budget { total: 50.0, rule }, &calendar);
            let mut left = 50.0;
            let mut rounds = 0;
            for t in 0..100 {
                let at = SpendingMoment {
                    campaign: cycle.is_campaign(t),
                    ..moment(t)
                };
                let spent = plan.spend(&at, left);
                left -= spent;
                rounds += u32::from(spent > 0.0);
            }
            assert!(left.abs() < 1e-9, "{rule:?} left {left}");
            let expected = match rule {
                SpendingRule::Steady => 100,
                _ => 25,
            };
            assert_eq!(rounds, expected, "{rule:?}");
        }
    }

    #[test]
    fn early_spends_only_in_the_first_quarter() {
        let calendar = SpendingCalendar::new(Horizon::fixed(10).unwrap(), None);
        let plan = SpendingPlan::new(
            &Budget {
                total: 3.0,
                rule: SpendingRule::Early,
            },
            &calendar,
        );
        assert_eq!(calendar.quarter, 3);
        assert_eq!(plan.spend(&moment(2), 3.0), 1.0);
        assert_eq!(plan.spend(&moment(3), 3.0), 0.0);
    }

    #[test]
    fn campaign_without_elections_never_spends() {
        let calendar = SpendingCalendar::new(Horizon::continuation(0.99).unwrap(), None);
        let plan = SpendingPlan::new(
            &Budget {
                total: 3.0,
                rule: SpendingRule::Campaign,
            },
            &calendar,
        );
        let at = SpendingMoment {
            campaign: true,
            ..moment(0)
        };
        assert_eq!(plan.spend(&at, 3.0), 0.0);
    }

    #[test]
    fn responsive_answers_defections_and_low_politicization() {
        let calendar = SpendingCalendar::new(Horizon::fixed(8).unwrap(), None);
        let rule = SpendingRule::Responsive { below: 0.2 };
        let plan = SpendingPlan::new(&Budget { total: 4.0, rule }, &calendar);
        assert_eq!(plan.spend(&moment(0), 4.0), 0.0);
        let defected = SpendingMoment {
            partner_defected: true,
            ..moment(1)
        };
        assert_eq!(plan.spend(&defected, 4.0), 2.0);
        let calm = SpendingMoment {
            pi: 0.1,
            ..moment(2)
        };
        assert_eq!(plan.spend(&calm, 1.5), 1.5);
    }

    #[test]
    fn payoff_signs_follow_position_and_outcome() {
        assert_eq!(actor_payoff(1.0, 1.0, 1.0, 0.0), 0.5);
        assert_eq!(actor_payoff(1.0, 1.0, 0.0, 0.0), -0.5);
        assert_eq!(actor_payoff(1.0, 0.0, 0.0, 0.0), 0.5);
        assert_eq!(actor_payoff(0.5, 0.5, 1.0, 0.25), -0.25);
    }
}
