//! What a negotiation reports: one [`NegotiationRun`] per pair and
//! repetition, and a [`PairNegotiation`] per pair with its win-sets, its
//! zone, and the simulated rate of involuntary defection beside its closed
//! form.

use serde::Serialize;
use twolevel_game::{WinSet, Zone};

use crate::play::PlayerTotals;
use crate::stats::mean_sd_se;

/// One state's sanctions over a match: how often it sanctioned, what that
/// cost it, and what the partner's sanctions took from it (all in policy
/// payoff).
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct SanctionTotals {
    /// The rounds in which this state sanctioned its partner.
    pub imposed: u32,
    /// What sanctioning cost this state, `imposed * s / M`.
    pub cost: f64,
    /// The losses the partner's sanctions imposed on this state.
    pub suffered: f64,
}

/// One repetition of one pair: negotiation, ratification and play.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct NegotiationRun {
    /// A made a proposal (the zone it saw was not empty).
    pub reached: bool,
    /// Both states ratified the proposal.
    pub ratified: bool,
    /// A's proposed share, when a proposal was made.
    pub share: Option<f64>,
    /// A's estimate of B's reservation, when B's win-set is not empty.
    pub seen_reservation: Option<f64>,
    /// The rounds played.
    pub turns: u32,
    /// The share of moves that were cooperations, over both states.
    pub cooperation: f64,
    /// The share of the rounds played under an agreement in which neither
    /// state defected from it; `None` when no round was.
    pub compliance: Option<f64>,
    /// Each state's totals as played (utility, policy and political), side
    /// payments included; sanctions are in [`NegotiationRun::sanctions`].
    pub totals: [PlayerTotals; 2],
    /// Each state's side payments paid over the match.
    pub side_payments: [f64; 2],
    /// Each state's sanctions over the match.
    pub sanctions: [SanctionTotals; 2],
    /// A's share under the agreement in force at the end, if any.
    pub final_share: Option<f64>,
    /// How often an election forced a renegotiation that was ratified.
    pub renegotiations: u32,
    /// The first withdrawal from the agreement, if any.
    pub withdrawal: Option<Withdrawal>,
}

/// A state left the agreement: after an election its new win-set excluded
/// the agreed share and no new share was ratified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Withdrawal {
    /// The state that withdrew (0 for A, 1 for B).
    pub state: usize,
    /// The round at which it withdrew (the first round of the new term).
    pub round: u32,
}

impl NegotiationRun {
    /// The proposal failed ratification: involuntary defection.
    #[must_use]
    pub const fn involuntary_defection(&self) -> bool {
        self.reached && !self.ratified
    }

    /// State `k`'s policy total net of sanctions suffered and sanctioning
    /// costs.
    #[must_use]
    pub fn net_policy(&self, k: usize) -> f64 {
        let s = &self.sanctions[k];
        self.totals[k].policy - s.suffered - s.cost
    }
}

/// A rate over repetitions with its standard error.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rate {
    /// The share of repetitions.
    pub mean: f64,
    /// Its standard error (sample standard deviation over `sqrt(n)`).
    pub standard_error: f64,
}

impl Rate {
    /// The rate of `true` among `flags`.
    #[must_use]
    pub fn of(flags: impl Iterator<Item = bool>) -> Self {
        let values: Vec<f64> = flags.map(|f| if f { 1.0 } else { 0.0 }).collect();
        let (mean, _, standard_error) = mean_sd_se(&values);
        Rate {
            mean,
            standard_error,
        }
    }
}

/// One pair over every repetition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairNegotiation {
    /// The strategies' names, A first.
    pub names: [String; 2],
    /// Each state's true reservation `R_i` under the partner's leverage,
    /// `None` for an empty win-set.
    pub reservations: [Option<f64>; 2],
    /// Whether the true zone of agreement is open.
    pub zone_open: bool,
    /// A's share without domestic constraints, `z^u`.
    pub unconstrained_share: f64,
    /// A's constrained share with exact knowledge, `z*`, when the zone
    /// is open.
    pub constrained_share: Option<f64>,
    /// The closed-form probability that A makes a proposal.
    pub proposal_probability: f64,
    /// The closed-form probability of involuntary defection.
    pub failure_probability: f64,
    /// The simulated rate of proposals.
    pub reached: Rate,
    /// The simulated rate of ratified agreements.
    pub ratified: Rate,
    /// The simulated rate of involuntary defection, beside
    /// [`PairNegotiation::failure_probability`].
    pub failed: Rate,
    /// Every repetition.
    pub runs: Vec<NegotiationRun>,
}

impl PairNegotiation {
    /// The pair's win-sets, A first.
    #[must_use]
    pub fn win_sets(&self) -> [WinSet; 2] {
        self.reservations
            .map(|r| r.map_or(WinSet::Empty, WinSet::From))
    }

    /// The pair's zone of agreement.
    #[must_use]
    pub fn zone(&self) -> Zone {
        let [a, b] = self.win_sets();
        Zone::new(a, b)
    }

    /// The mean cooperation over the repetitions.
    #[must_use]
    pub fn mean_cooperation(&self) -> f64 {
        crate::stats::mean(&self.runs.iter().map(|r| r.cooperation).collect::<Vec<_>>())
    }

    /// The mean compliance over the repetitions with a ratified agreement,
    /// `None` when none was ratified.
    #[must_use]
    pub fn mean_compliance(&self) -> Option<f64> {
        let values: Vec<f64> = self.runs.iter().filter_map(|r| r.compliance).collect();
        (!values.is_empty()).then(|| crate::stats::mean(&values))
    }
}
