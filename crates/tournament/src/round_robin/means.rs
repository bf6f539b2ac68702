//! [`MatchMeans`]: means over the matches of a round robin, each match
//! weighing the same, summed while it plays; what a lever run measures and
//! a sweep point reports.

use twolevel_game::ByCurrency;

use super::{MatchRecord, RoundRobin, RoundRobinResults, total_in};
use crate::progress::Progress;

/// Means over the matches of a round robin, each match weighing the same,
/// summed while it plays ([`MatchMeans::play`], through
/// [`RoundRobin::play_observed`](crate::RoundRobin::play_observed)) or
/// from its records ([`MatchMeans::of_records`]): the same sums in the same
/// order, so both give bit-identical means. The memory taken grows with
/// the repetitions only (one running sum each), not with the matches.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchMeans {
    matches: usize,
    cooperation: f64,
    payoffs: ByCurrency<f64>,
    politicization: f64,
    /// Per repetition, the sum of the matches' cooperation rates and their
    /// number.
    by_repetition: Vec<(f64, u32)>,
}

impl MatchMeans {
    /// Empty sums for a round robin of `repetitions` repetitions.
    #[must_use]
    pub fn new(repetitions: u32) -> Self {
        // Sums start at -0.0, as `Iterator::sum` of floats does, so that
        // the means are those of summing the records' values.
        MatchMeans {
            matches: 0,
            cooperation: -0.0,
            payoffs: ByCurrency::from_fn(|_| -0.0),
            politicization: -0.0,
            by_repetition: vec![(0.0, 0); repetitions as usize],
        }
    }

    /// Adds one match.
    pub fn add(&mut self, record: &MatchRecord) {
        let m = &record.result;
        let both_turns = 2.0 * f64::from(m.turns);
        let [first, second] = &m.players;
        self.matches += 1;
        self.cooperation +=
            (f64::from(first.cooperations) + f64::from(second.cooperations)) / both_turns;
        for currency in twolevel_game::Currency::ALL {
            self.payoffs[currency] +=
                (total_in(first, currency) + total_in(second, currency)) / both_turns;
        }
        self.politicization += m.mean_politicization;
        let rate = f64::from(first.cooperations + second.cooperations) / both_turns;
        if let Some(slot) = self.by_repetition.get_mut(record.repetition as usize) {
            slot.0 += rate;
            slot.1 += 1;
        }
    }

    /// The sums over the match records of `results` (played
    /// [with its match records](crate::RoundRobin::with_match_records)).
    #[must_use]
    pub fn of_records(results: &RoundRobinResults) -> Self {
        let mut means = MatchMeans::new(results.repetitions);
        for record in &results.matches {
            means.add(record);
        }
        means
    }

    /// Plays `tournament` (without keeping its match records), reporting
    /// each match to `progress`, and sums its matches while they play.
    #[must_use]
    pub fn play(tournament: &RoundRobin, progress: &dyn Progress) -> (RoundRobinResults, Self) {
        let mut means = MatchMeans::new(tournament.repetitions());
        let results = tournament.play_observed(progress, &mut |record| means.add(record));
        (results, means)
    }

    /// The number of matches summed.
    #[must_use]
    pub fn matches(&self) -> usize {
        self.matches
    }

    /// The mean over the matches (0 matches count as 1).
    fn mean(&self, sum: f64) -> f64 {
        sum / self.matches.max(1) as f64
    }

    /// The share of moves that were cooperations (both players), the mean
    /// over matches.
    #[must_use]
    pub fn cooperation(&self) -> f64 {
        self.mean(self.cooperation)
    }

    /// The payoff per player and turn in `currency`, the mean over matches.
    #[must_use]
    pub fn payoff(&self, currency: twolevel_game::Currency) -> f64 {
        self.mean(self.payoffs[currency])
    }

    /// The mean politicization of a match, the mean over matches.
    #[must_use]
    pub fn politicization(&self) -> f64 {
        self.mean(self.politicization)
    }

    /// The cooperation share in each repetition: the mean over that
    /// repetition's matches.
    #[must_use]
    pub fn cooperation_by_repetition(&self) -> Vec<f64> {
        self.by_repetition
            .iter()
            .map(|&(sum, count)| sum / f64::from(count.max(1)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MatchConfig;
    use crate::levers::small;

    #[test]
    fn match_means_take_no_memory_per_match() {
        // Only the per-repetition sums grow: with the records off the
        // results keep no match, yet the means count every one.
        let tournament = RoundRobin::new(
            MatchConfig::classic(10).unwrap(),
            small().entrants()[..2].to_vec(),
        )
        .unwrap()
        .with_repetitions(50)
        .unwrap();
        let (results, means) = MatchMeans::play(&tournament, &crate::progress::NoProgress);
        assert!(results.matches.is_empty());
        assert_eq!(means.matches() as u64, tournament.match_count());
        assert_eq!(means.cooperation_by_repetition().len(), 50);
    }
}
