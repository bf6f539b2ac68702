//! What a negotiation reports: one [`NegotiationRun`] per pair and
//! repetition, and a [`PairNegotiation`] per pair with its win-sets, its
//! zone, and the simulated rate of involuntary defection beside its closed
//! form.

use serde::Serialize;
use twolevel_game::{WinSet, Zone};

use crate::play::{InstrumentRecord, PlayerTotals};
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
    /// payments and sanctions included (a sanction lands in the round
    /// after the defection it punishes, in every currency).
    pub totals: [PlayerTotals; 2],
    /// Each state's side payments paid over the match under an agreement
    /// (counted from the moves: `t` in each round after a round in which
    /// the partner cooperated under the agreement; paid in play, so the
    /// same sums as in [`NegotiationRun::instruments`] when the strategies
    /// declare no carrot of their own).
    pub side_payments: [f64; 2],
    /// Each state's sanctions over the match under an agreement (counted
    /// from the moves; the same sums as in [`NegotiationRun::instruments`]
    /// when the strategies declare no stick of their own).
    pub sanctions: [SanctionTotals; 2],
    /// The carrots and sticks the match engine applied in play, A first
    /// (the agreement's side payments and sanctions, and the strategies'
    /// own; all zero, and then not written, without one).
    #[serde(skip_serializing_if = "InstrumentRecord::is_empty")]
    pub instruments: InstrumentRecord,
    /// A's share under the agreement in effect in the match's last round,
    /// if any (one still waiting out the negotiators' hoarding is not).
    pub final_share: Option<f64>,
    /// How often an election forced a renegotiation that was ratified.
    pub renegotiations: u32,
    /// The first withdrawal from the agreement, if any.
    pub withdrawal: Option<Withdrawal>,
    /// The rounds of the status quo played while ratified agreements (the
    /// first and any after an election) waited to take effect because the
    /// negotiators hoarded their bargaining chips
    /// ([`NegotiatingState::with_hoarding`](super::NegotiatingState::with_hoarding));
    /// 0 without hoarding (and then not written).
    #[serde(skip_serializing_if = "is_zero")]
    pub delay: u32,
    /// The first agreement was ratified, yet no agreement took effect
    /// within the match: the hoarding outlasted it (not written when
    /// false).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub lost: bool,
}

/// Whether a count is zero (a field that is then not written).
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// What hoarding bargaining chips cost a pair over its repetitions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HoardingSummary {
    /// The mean rounds of delay over the repetitions whose first
    /// agreement was ratified.
    pub delay: f64,
    /// The repetitions whose ratified agreement never took effect, as a
    /// share of those with a ratified agreement.
    pub lost: Rate,
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
    /// costs. The sanctions are applied in play, so this is the policy
    /// total as played.
    #[must_use]
    pub fn net_policy(&self, k: usize) -> f64 {
        self.totals[k].policy
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

/// One state's means over a pair's repetitions, per round played (every
/// currency), and its side payments and sanctions per repetition.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StateSummary {
    /// Mean policy payoff per round (side payments and sanctions
    /// included).
    pub policy: f64,
    /// Mean political payoff per round.
    pub political: f64,
    /// Mean utility per round, on the state's own scale.
    pub utility: f64,
    /// Mean policy payoff per round net of sanctions suffered and of the
    /// cost of sanctioning: the sanctions are applied in play, so this
    /// equals [`StateSummary::policy`].
    pub net_policy: f64,
    /// Mean side payments paid per repetition.
    pub side_payments: f64,
    /// Mean rounds in which the state sanctioned, per repetition.
    pub sanctions_imposed: f64,
}

/// A pair's rates and means over its repetitions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PairSummary {
    /// Repetitions in which an agreement was in force at some point and
    /// every round under it was compliant (neither state defected).
    pub complied: Rate,
    /// Repetitions in which a state withdrew after an election.
    pub withdrawn: Rate,
    /// Repetitions with at least one ratified renegotiation.
    pub renegotiated: Rate,
    /// Mean compliance (the share of rounds under an agreement without a
    /// defection) over repetitions with an agreement; `None` without one.
    pub compliance: Option<f64>,
    /// Mean share of cooperative moves.
    pub cooperation: f64,
    /// The mean agreed share of A over ratified repetitions, `None` when
    /// none was ratified.
    pub share: Option<f64>,
    /// Each state's means, A first.
    pub states: [StateSummary; 2],
    /// What hoarding cost, when a negotiator hoarded (a run was delayed
    /// or lost); not written otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hoarding: Option<HoardingSummary>,
}

impl PairSummary {
    /// Summarizes `pair`'s repetitions.
    #[must_use]
    pub fn of(pair: &PairNegotiation) -> Self {
        let runs = &pair.runs;
        let shares: Vec<f64> = runs
            .iter()
            .filter(|r| r.ratified)
            .filter_map(|r| r.share)
            .collect();
        let state = |k: usize| {
            let per_round = |f: &dyn Fn(&NegotiationRun) -> f64| {
                crate::stats::mean(
                    &runs
                        .iter()
                        .map(|r| f(r) / f64::from(r.turns.max(1)))
                        .collect::<Vec<_>>(),
                )
            };
            let per_run = |f: &dyn Fn(&NegotiationRun) -> f64| {
                crate::stats::mean(&runs.iter().map(f).collect::<Vec<_>>())
            };
            StateSummary {
                policy: per_round(&|r| r.totals[k].policy),
                political: per_round(&|r| r.totals[k].political),
                utility: per_round(&|r| r.totals[k].utility),
                net_policy: per_round(&|r| r.net_policy(k)),
                side_payments: per_run(&|r| r.side_payments[k]),
                sanctions_imposed: per_run(&|r| f64::from(r.sanctions[k].imposed)),
            }
        };
        PairSummary {
            complied: Rate::of(runs.iter().map(|r| r.compliance == Some(1.0))),
            withdrawn: Rate::of(runs.iter().map(|r| r.withdrawal.is_some())),
            renegotiated: Rate::of(runs.iter().map(|r| r.renegotiations > 0)),
            compliance: pair.mean_compliance(),
            cooperation: pair.mean_cooperation(),
            share: (!shares.is_empty()).then(|| crate::stats::mean(&shares)),
            states: [state(0), state(1)],
            hoarding: runs.iter().any(|r| r.delay > 0 || r.lost).then(|| {
                let ratified: Vec<&NegotiationRun> = runs.iter().filter(|r| r.ratified).collect();
                HoardingSummary {
                    delay: crate::stats::mean(
                        &ratified
                            .iter()
                            .map(|r| f64::from(r.delay))
                            .collect::<Vec<_>>(),
                    ),
                    lost: Rate::of(ratified.iter().map(|r| r.lost)),
                }
            }),
        }
    }
}

/// One pair of a negotiation file: the states' names, the summary and
/// everything the engine reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairReport {
    /// The states' names, A first.
    pub states: [String; 2],
    /// The rates and means over the repetitions.
    pub summary: PairSummary,
    /// The engine's report: win-sets, zone, closed forms and every run.
    pub negotiation: PairNegotiation,
}

/// What a negotiation file gave ([`NegotiationFile::play`](super::NegotiationFile::play)):
/// one [`PairReport`] per pair, printed as a text report (`{}`), written
/// as CSV and JSON ([`NegotiationResults::write_files`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NegotiationResults {
    /// The negotiation's name.
    pub name: String,
    /// The bargaining protocol's label.
    pub protocol: String,
    /// The compliance cost `psi`.
    pub compliance_cost: f64,
    /// The repetitions per pair.
    pub repetitions: u32,
    /// The master seed.
    pub seed: u64,
    /// Every pair, in the file's order.
    pub pairs: Vec<PairReport>,
}

impl NegotiationResults {
    /// The results of `negotiations`, one per pair of `pairs` (indices
    /// into `names`), run under `config`.
    #[must_use]
    pub fn new(
        name: &str,
        names: &[String],
        pairs: &[[usize; 2]],
        config: &super::NegotiationConfig,
        negotiations: Vec<PairNegotiation>,
    ) -> Self {
        NegotiationResults {
            name: name.to_owned(),
            protocol: config.bargaining().label(),
            compliance_cost: config.compliance_cost(),
            repetitions: config.repetitions(),
            seed: config.seed(),
            pairs: pairs
                .iter()
                .zip(negotiations)
                .map(|(&[a, b], negotiation)| PairReport {
                    states: [names[a].clone(), names[b].clone()],
                    summary: PairSummary::of(&negotiation),
                    negotiation,
                })
                .collect(),
        }
    }
}
