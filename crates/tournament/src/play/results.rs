//! The outcome of a match ([`MatchResult`], each player's [`PlayerTotals`])
//! and the results the match loops make from what they summed.

use serde::{Deserialize, Serialize};
use twolevel_game::{Action, Outcome, Politicization, StageTable};

/// One player's totals over a match.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct PlayerTotals {
    /// The sum of the blended utilities.
    pub utility: f64,
    /// The sum of the policy (international, absolute-gains) payoffs.
    pub policy: f64,
    /// The sum of the political (domestic) payoffs.
    pub political: f64,
    /// The number of rounds in which the player cooperated (as played,
    /// after action noise).
    pub cooperations: u32,
}

impl PlayerTotals {
    #[inline]
    pub(crate) fn add(&mut self, payoff: &twolevel_game::Payoff, own: Action) {
        self.utility += payoff.utility;
        self.policy += payoff.policy;
        self.political += payoff.political;
        self.cooperations += u32::from(own.is_cooperation());
    }
}

/// The outcome of one match.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct MatchResult {
    /// The number of rounds played.
    pub turns: u32,
    /// Each player's totals, in the order the players were given.
    pub players: [PlayerTotals; 2],
    /// The mean politicization over the rounds played (the level each
    /// round was paid at), averaged over the two states.
    pub mean_politicization: f64,
    /// The politicization after the last round, averaged over the two
    /// states.
    pub final_politicization: f64,
    /// Each state's own mean politicization `pi_i` over the rounds played,
    /// in the order the players were given.
    pub mean_politicization_by_state: [f64; 2],
    /// Each state's own politicization after the last round.
    pub final_politicization_by_state: [f64; 2],
}

impl MatchResult {
    /// Player `k`'s mean utility per round.
    #[must_use]
    pub fn utility_per_turn(&self, k: usize) -> f64 {
        self.players[k].utility / f64::from(self.turns)
    }

    /// Player `k`'s share of rounds in which it cooperated.
    #[must_use]
    pub fn cooperation_rate(&self, k: usize) -> f64 {
        f64::from(self.players[k].cooperations) / f64::from(self.turns)
    }
}

/// The result of a match paid from one table at fixed levels `pis`: the
/// utility totals are the running `scores`, the policy and political totals
/// and the cooperations come from the `counts` of the four outcomes.
pub(crate) fn fixed_table_result(
    turns: u32,
    scores: [f64; 2],
    counts: &[u32; 4],
    table: &StageTable,
    pis: [f64; 2],
) -> MatchResult {
    let totals = [0, 1].map(|k| {
        let mut totals = PlayerTotals {
            utility: scores[k],
            ..PlayerTotals::default()
        };
        for outcome in Outcome::ALL {
            let count = counts[outcome.index()];
            let payoff = &table.cells[outcome.index()][k];
            totals.policy += f64::from(count) * payoff.policy;
            totals.political += f64::from(count) * payoff.political;
            let own = if k == 0 { outcome.own } else { outcome.partner };
            if own.is_cooperation() {
                totals.cooperations += count;
            }
        }
        totals
    });
    let mean = (pis[0] + pis[1]) / 2.0;
    MatchResult {
        turns,
        players: totals,
        mean_politicization: mean,
        final_politicization: mean,
        mean_politicization_by_state: pis,
        final_politicization_by_state: pis,
    }
}

/// The result of a match summed round by round: the totals, and the levels
/// from their sums over the rounds (`pi_sums`) and their values after the
/// last round (`finals`).
pub(crate) fn moving_levels_result(
    turns: u32,
    totals: [PlayerTotals; 2],
    pi_sums: [f64; 2],
    finals: [Politicization; 2],
) -> MatchResult {
    let means = pi_sums.map(|sum| sum / f64::from(turns));
    let finals = finals.map(Politicization::value);
    MatchResult {
        turns,
        players: totals,
        mean_politicization: (means[0] + means[1]) / 2.0,
        final_politicization: (finals[0] + finals[1]) / 2.0,
        mean_politicization_by_state: means,
        final_politicization_by_state: finals,
    }
}
