//! What one run of a lever measures ([`Measurement`]), and a lever run at
//! its two settings ([`LeverOutcome`]).

use serde::{Deserialize, Serialize};
use twolevel_game::{ByCurrency, Currency};

use super::{Lever, Setting};
use crate::evolution::{ecological, payoff_table};
use crate::progress::Progress;
use crate::round_robin::{MatchMeans, RoundRobin, RoundRobinResults};

/// What one run of a lever measured: means over all matches of the round
/// robin (self-play included), each match weighing the same, and each
/// player's scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The lever's parameter value in this run.
    pub value: f64,
    /// The share of moves that were cooperations (both players).
    pub cooperation: f64,
    /// The same share in each repetition (the mean over that repetition's
    /// matches), from which the standard error of an effect is computed.
    pub cooperation_by_repetition: Vec<f64>,
    /// The payoff per player and turn in each currency: the policy
    /// (international, absolute-gains) payoff, the political (domestic)
    /// payoff and the players' own blended utilities. The mean utility
    /// mixes numbers on each player's own scale; the policy payoff is the
    /// one comparable between runs whose political weights differ. (With a
    /// derived political payoff and no audience bonus the political payoff
    /// is zero-sum, so its mean over both players is 0.)
    pub payoffs: ByCurrency<f64>,
    /// The mean politicization over the rounds of a match.
    pub politicization: f64,
    /// The cooperation rate of the population that Axelrod's ecological
    /// dynamics grow from this run's payoffs: starting from equal shares,
    /// [`ECOLOGICAL_GENERATIONS`] generations of the discrete replicator
    /// map on the payoff matrix in [`EVOLVED_FITNESS`] per turn, then
    /// `sum_ij x_i x_j c_ij` with `c_ij` the share of rounds in which `i`
    /// cooperated against `j`. `None` without self-play (the dynamics need
    /// the payoff of a type against its own kind).
    pub evolved_cooperation: Option<f64>,
    /// Each player's normalised score per turn in each currency (the
    /// round robin's standings), in the order the players were given.
    pub players: Vec<PlayerScores>,
}

/// One player's normalised scores per turn in one lever run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayerScores {
    /// The player's name.
    pub name: String,
    /// The mean over repetitions of the normalised payoff per turn in each
    /// currency; the utility is on the player's own scale.
    pub scores: ByCurrency<f64>,
}

/// The currency the ecological dynamics behind
/// [`Measurement::evolved_cooperation`] select on: the policy payoff, as
/// in the evolutionary processes by default.
pub const EVOLVED_FITNESS: Currency = Currency::Policy;

/// The generations of the ecological dynamics behind
/// [`Measurement::evolved_cooperation`].
pub const ECOLOGICAL_GENERATIONS: u64 = 1000;

/// The cooperation rate of the population grown by the ecological
/// dynamics from `results`; `None` when a pair did not meet.
fn evolved_cooperation(results: &RoundRobinResults) -> Option<f64> {
    let table = payoff_table(results, EVOLVED_FITNESS).ok()?;
    let n = table.len();
    let equal = vec![1.0 / n as f64; n];
    let trajectory = ecological(&table, &equal, ECOLOGICAL_GENERATIONS, false).ok()?;
    let shares = trajectory.last();
    let mut rate = 0.0;
    for (i, row) in results.cooperation_matrix.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            rate += shares[i] * shares[j] * (*cell)?;
        }
    }
    Some(rate)
}

impl Measurement {
    /// Measures the results of a run with the lever at `value`, played
    /// [with its match records](crate::RoundRobin::with_match_records).
    #[must_use]
    pub fn of(value: f64, results: &RoundRobinResults) -> Self {
        Measurement::from_means(value, results, &MatchMeans::of_records(results))
    }

    /// Plays `tournament`, with the lever at `value`, summing its matches
    /// while they play (no match records are kept), and measures it: the
    /// same measurement as [`Measurement::of`] on the results played with
    /// records. Each match is reported to `progress`.
    #[must_use]
    pub fn play(value: f64, tournament: &RoundRobin, progress: &dyn Progress) -> Self {
        let (results, means) = MatchMeans::play(tournament, progress);
        Measurement::from_means(value, &results, &means)
    }

    /// The measurement from a run's results and its match means.
    fn from_means(value: f64, results: &RoundRobinResults, means: &MatchMeans) -> Self {
        Measurement {
            value,
            cooperation: means.cooperation(),
            cooperation_by_repetition: means.cooperation_by_repetition(),
            payoffs: ByCurrency::from_fn(|c| means.payoff(c)),
            politicization: means.politicization(),
            evolved_cooperation: evolved_cooperation(results),
            players: results
                .standings
                .iter()
                .map(|s| PlayerScores {
                    name: s.name.clone(),
                    scores: s.scores.clone().map(|summary| summary.mean),
                })
                .collect(),
        }
    }
}

/// A lever run at its two settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverOutcome {
    /// The lever.
    pub lever: Lever,
    /// Its name, as in the article.
    pub name: String,
    /// The parameter it sets.
    pub parameter: String,
    /// The setting the article recommends.
    pub pulled: Setting,
    /// The run at the low value.
    pub low: Measurement,
    /// The run at the high value.
    pub high: Measurement,
    /// Why the lever cannot act (fully) on this tournament, if it cannot.
    pub note: Option<String>,
}

impl LeverOutcome {
    /// The run with the lever pulled and the other one, in that order.
    #[must_use]
    pub fn pulled_and_not(&self) -> (&Measurement, &Measurement) {
        match self.pulled {
            Setting::Low => (&self.low, &self.high),
            Setting::High => (&self.high, &self.low),
        }
    }

    /// The effect of pulling the lever on `quantity`: its value with the
    /// lever pulled minus its value without.
    #[must_use]
    pub fn effect(&self, quantity: fn(&Measurement) -> f64) -> f64 {
        let (pulled, not) = self.pulled_and_not();
        quantity(pulled) - quantity(not)
    }

    /// The standard error of the effect on cooperation over repetitions:
    /// the two runs share their seed, so repetition `r` of one is paired
    /// with repetition `r` of the other, and the error is the sample
    /// standard deviation of the paired differences divided by the square
    /// root of their number. `None` with fewer than two repetitions.
    #[must_use]
    pub fn cooperation_effect_standard_error(&self) -> Option<f64> {
        let (pulled, not) = self.pulled_and_not();
        crate::stats::paired_standard_error(
            &pulled.cooperation_by_repetition,
            &not.cooperation_by_repetition,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::small;
    use crate::progress::Counter;

    #[test]
    fn measurements_summed_while_playing_equal_those_from_records() {
        let tournament = small();
        let counter = Counter::default();
        let played = Measurement::play(0.5, &tournament, &counter);
        let from_records =
            Measurement::of(0.5, &tournament.clone().with_match_records(true).play());
        assert_eq!(played, from_records);
        assert_eq!(
            (counter.total(), counter.done()),
            (tournament.match_count(), tournament.match_count())
        );
        // Bit for bit, not only up to rounding.
        assert_eq!(
            played.cooperation.to_bits(),
            from_records.cooperation.to_bits()
        );
        assert!(played.cooperation > 0.0 && played.cooperation < 1.0);
    }
}
