//! The results of a round robin: [`RoundRobinResults`] (positional, as
//! serialized) and its views by player ([`PlayerResults`], [`Matchup`]),
//! the record of one match ([`MatchRecord`]), a player's row of the
//! ranking ([`RankingRow`]) and what the ranking sorts by
//! ([`RankingMetric`]).

use serde::{Deserialize, Serialize};
use twolevel_game::{ByCurrency, Currency};

use crate::play::{MatchResult, PlayerTotals};

/// What the ranking sorts players by (the mean over repetitions, highest
/// first). Every metric names its [`Currency`]; in a tournament file it is
/// written `ranking: Policy`, `ranking: Utility` or `ranking: Wins(Policy)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RankingMetric {
    /// Policy (international, absolute-gains) payoff per turn: comparable
    /// between all players.
    #[default]
    Policy,
    /// Political (domestic) payoff per turn.
    Political,
    /// Own blended utility per turn. Each player's utility is on its own
    /// scale, so this ranks players with different political weights by
    /// numbers that are not comparable.
    Utility,
    /// Matches won in the currency: own total above the partner's.
    Wins(Currency),
}

impl RankingMetric {
    /// The currency the metric counts in.
    #[must_use]
    pub const fn currency(self) -> Currency {
        match self {
            RankingMetric::Policy => Currency::Policy,
            RankingMetric::Political => Currency::Political,
            RankingMetric::Utility => Currency::Utility,
            RankingMetric::Wins(currency) => currency,
        }
    }
}

/// A player's total over a match in `currency`.
#[inline]
pub(crate) fn total_in(totals: &PlayerTotals, currency: Currency) -> f64 {
    match currency {
        Currency::Policy => totals.policy,
        Currency::Political => totals.political,
        Currency::Utility => totals.utility,
    }
}

/// One match of a round robin.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatchRecord {
    /// The indices of the two players: the one that took the row payoffs
    /// first. In a symmetric game (and in the first role assignment of an
    /// asymmetric one) the first is no greater than the second.
    pub players: [usize; 2],
    /// The repetition, from 0.
    pub repetition: u32,
    /// The match's share of its pair's meeting in this repetition: 1, or
    /// 1/2 when the pair plays both role assignments of an asymmetric game
    /// (scores and wins weigh each match by it, so every partner counts
    /// the same).
    pub share: f64,
    /// What happened.
    pub result: MatchResult,
}

pub use crate::stats::Summary;

/// One player's results over the whole tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RankingRow {
    /// The player's name.
    pub name: String,
    /// Normalised payoff per turn in each currency (see the module
    /// documentation). The utility is on the player's own scale.
    pub scores: ByCurrency<Summary>,
    /// Matches won per repetition in each currency.
    pub wins: ByCurrency<Summary>,
    /// The share of the player's rounds (in the matches that score) in
    /// which it cooperated.
    pub cooperation_rate: f64,
}

impl RankingRow {
    /// The mean over repetitions of `metric`.
    #[must_use]
    pub fn score(&self, metric: RankingMetric) -> f64 {
        match metric {
            RankingMetric::Wins(currency) => self.wins[currency].mean,
            other => self.scores[other.currency()].mean,
        }
    }
}

/// The results of a round robin, positional (players in the order they
/// were given); read them by name with [`RoundRobinResults::player`] and
/// [`RoundRobinResults::ranked`] (see the [module documentation](crate::round_robin)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoundRobinResults {
    /// The metric of the ranking.
    pub metric: RankingMetric,
    /// The number of repetitions.
    pub repetitions: u32,
    /// The master seed.
    pub seed: u64,
    /// Each player's results, in the order the players were given.
    pub standings: Vec<RankingRow>,
    /// Player indices from best to worst.
    pub ranking: Vec<usize>,
    /// In each currency, `payoff_matrices[currency][i][j]`: player `i`'s
    /// mean payoff per turn against player `j`, averaged over repetitions
    /// (both sides averaged on the diagonal); `None` for pairs that did not
    /// meet.
    pub payoff_matrices: ByCurrency<Vec<Vec<Option<f64>>>>,
    /// In each currency, `win_matrices[currency][i][j]`: the share of the
    /// matches between players `i` and `j` (weighted as the scores are) in
    /// which `i`'s total in that currency exceeded `j`'s; `None` for pairs
    /// that did not meet.
    pub win_matrices: ByCurrency<Vec<Vec<Option<f64>>>>,
    /// `cooperation_matrix[i][j]`: the share of rounds in which player `i`
    /// cooperated against player `j`, over all repetitions; `None` for
    /// pairs that did not meet.
    pub cooperation_matrix: Vec<Vec<Option<f64>>>,
    /// The mean number of rounds per match.
    pub mean_match_length: f64,
    /// Every match, by pair, then role assignment, then repetition, when
    /// the tournament was played [with its records](crate::RoundRobin::with_match_records);
    /// otherwise empty.
    #[serde(default)]
    pub matches: Vec<MatchRecord>,
    /// The domestic arenas' results, for a tournament with arenas
    /// ([`RoundRobin::with_domestic`](crate::RoundRobin::with_domestic));
    /// `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arenas: Option<super::ArenaResults>,
    /// Each node's payoffs, for a spatial tournament
    /// ([`RoundRobin::with_graph`](crate::RoundRobin::with_graph)); `None`
    /// otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spatial: Option<SpatialResults>,
}

/// Each node's payoffs in a spatial tournament, player `i` being node `i`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpatialResults {
    /// Each node's number of neighbours (the matches it plays a repetition).
    pub degree: Vec<usize>,
    /// In each currency, each node's payoff per turn summed over its
    /// neighbours (accumulated), averaged over repetitions.
    pub accumulated: ByCurrency<Vec<f64>>,
    /// In each currency, each node's payoff per turn averaged over its
    /// neighbours (its score, [`RankingRow::scores`]' mean).
    pub averaged: ByCurrency<Vec<f64>>,
}

/// One player's results in a round robin, read from [`RoundRobinResults`]
/// by name ([`RoundRobinResults::player`]), by index or in ranking order.
#[derive(Clone, Copy, Debug)]
pub struct PlayerResults<'r> {
    results: &'r RoundRobinResults,
    index: usize,
}

impl<'r> PlayerResults<'r> {
    /// The player's index, in the order the players were given.
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index
    }

    /// The player's name.
    #[must_use]
    pub fn name(&self) -> &'r str {
        &self.standing().name
    }

    /// The player's full standing: mean and spread of its scores and wins
    /// in every currency over the repetitions.
    #[must_use]
    pub fn standing(&self) -> &'r RankingRow {
        &self.results.standings[self.index]
    }

    /// The player's rank, 1 for the best.
    #[must_use]
    pub fn rank(&self) -> usize {
        self.results
            .ranking
            .iter()
            .position(|&p| p == self.index)
            .map_or(self.results.ranking.len(), |place| place + 1)
    }

    /// The mean over repetitions of what the ranking sorts by.
    #[must_use]
    pub fn score(&self) -> f64 {
        self.standing().score(self.results.metric)
    }

    /// The mean over repetitions of the normalised payoff per turn in each
    /// currency (the utility on the player's own scale).
    #[must_use]
    pub fn scores(&self) -> ByCurrency<f64> {
        self.standing().scores.clone().map(|summary| summary.mean)
    }

    /// The mean over repetitions of the matches won in each currency.
    #[must_use]
    pub fn wins(&self) -> ByCurrency<f64> {
        self.standing().wins.clone().map(|summary| summary.mean)
    }

    /// The share of the player's rounds (in the matches that score) in
    /// which it cooperated.
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        self.standing().cooperation_rate
    }

    /// What the player got against the first player called `partner`
    /// (its own name: its self-play matches), or `None`.
    #[must_use]
    pub fn against(&self, partner: &str) -> Option<Matchup> {
        let partner = self.results.player(partner)?;
        self.results.matchup_at(self.index, partner.index)
    }

    /// What the player got against every partner it met, in the order the
    /// players were given.
    pub fn matchups(&self) -> impl Iterator<Item = Matchup> + 'r {
        let (results, index) = (self.results, self.index);
        (0..results.standings.len()).filter_map(move |partner| results.matchup_at(index, partner))
    }
}

/// What one player got against one partner over all their matches (both
/// sides averaged for a player against its own clone).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Matchup {
    /// The player's index, in the order the players were given.
    pub player: usize,
    /// The partner's index.
    pub partner: usize,
    /// The player's mean payoff per turn in each currency.
    pub payoff: ByCurrency<f64>,
    /// The share of the pair's matches the player won in each currency.
    pub wins: ByCurrency<f64>,
    /// The share of rounds in which the player cooperated.
    pub cooperation: f64,
}

impl RoundRobinResults {
    /// The player names, in the order the players were given.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.standings.iter().map(|s| s.name.as_str())
    }

    /// The first player called `name` (names need not be unique; see
    /// [`RoundRobinResults::players`] for all of them), or `None`.
    #[must_use]
    pub fn player(&self, name: &str) -> Option<PlayerResults<'_>> {
        self.players().find(|player| player.name() == name)
    }

    /// The player at `index` in the order the players were given, or
    /// `None` past the end.
    #[must_use]
    pub fn player_at(&self, index: usize) -> Option<PlayerResults<'_>> {
        (index < self.standings.len()).then_some(PlayerResults {
            results: self,
            index,
        })
    }

    /// Every player, in the order the players were given.
    pub fn players(&self) -> impl ExactSizeIterator<Item = PlayerResults<'_>> + '_ {
        (0..self.standings.len()).map(|index| PlayerResults {
            results: self,
            index,
        })
    }

    /// Every player, best first (the ranking's order).
    pub fn ranked(&self) -> impl ExactSizeIterator<Item = PlayerResults<'_>> + '_ {
        self.ranking.iter().map(|&index| PlayerResults {
            results: self,
            index,
        })
    }

    /// What the first player called `player` got against the first called
    /// `partner` (the same name twice: its self-play matches), or `None`
    /// when either name is unknown or the two did not meet.
    #[must_use]
    pub fn matchup(&self, player: &str, partner: &str) -> Option<Matchup> {
        self.player(player)?.against(partner)
    }

    /// The payoff matrix in `currency`: `[i][j]` is player `i`'s mean
    /// payoff per turn against player `j` (see
    /// [`RoundRobinResults::payoff_matrices`]).
    #[must_use]
    pub fn payoff_matrix(&self, currency: Currency) -> &[Vec<Option<f64>>] {
        &self.payoff_matrices[currency]
    }

    /// What player `player` got against player `partner` (indices in the
    /// order the players were given), or `None` if they did not meet.
    #[must_use]
    pub fn matchup_at(&self, player: usize, partner: usize) -> Option<Matchup> {
        let cell = |matrix: &Vec<Vec<Option<f64>>>| {
            matrix
                .get(player)
                .and_then(|row| row.get(partner))
                .copied()
                .flatten()
        };
        let by_currency = |matrices: &ByCurrency<Vec<Vec<Option<f64>>>>| {
            Some(ByCurrency {
                policy: cell(&matrices.policy)?,
                political: cell(&matrices.political)?,
                utility: cell(&matrices.utility)?,
            })
        };
        Some(Matchup {
            player,
            partner,
            payoff: by_currency(&self.payoff_matrices)?,
            wins: by_currency(&self.win_matrices)?,
            cooperation: cell(&self.cooperation_matrix)?,
        })
    }

    /// The length of every match, by pair then repetition (empty unless the
    /// tournament was played [with its records](crate::RoundRobin::with_match_records)).
    pub fn match_lengths(&self) -> impl Iterator<Item = u32> + '_ {
        self.matches.iter().map(|m| m.result.turns)
    }

    /// The number of pairs of players that met (a player and its clone
    /// count as a pair), read from the cooperation matrix.
    #[must_use]
    pub fn pairs_met(&self) -> usize {
        self.cooperation_matrix
            .iter()
            .enumerate()
            .map(|(i, row)| row.iter().skip(i).filter(|cell| cell.is_some()).count())
            .sum()
    }

    /// The player names from best to worst.
    pub fn ranked_names(&self) -> impl Iterator<Item = &str> {
        self.ranking
            .iter()
            .map(|&p| self.standings[p].name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::round_robin::tournament::tests::classic_three;

    #[test]
    fn players_read_by_name_agree_with_the_positional_results() {
        let results = classic_three().with_repetitions(2).unwrap().play();
        let defector = results.player("Defector").unwrap();
        assert_eq!((defector.index(), defector.rank()), (1, 1));
        assert_eq!(defector.score(), (5.0 + 1.4) / 2.0);
        assert_eq!(
            defector.scores().political,
            results.standings[1].scores.political.mean
        );
        assert_eq!(defector.wins().policy, 2.0);
        assert_eq!(defector.cooperation_rate(), 0.0);
        // 10 turns against TFT: 5 then nine times 1.
        let against_tft = defector.against("Tit For Tat").unwrap();
        assert_eq!(against_tft.payoff.policy, 1.4);
        assert_eq!(against_tft.wins, ByCurrency::from_fn(|_| 1.0));
        assert_eq!(against_tft.cooperation, 0.0);
        let tft_side = results.matchup("Tit For Tat", "Defector").unwrap();
        assert_eq!((tft_side.payoff.utility, tft_side.cooperation), (0.9, 0.1));
        assert_eq!(tft_side.wins.policy, 0.0);
        // Against itself a defector wins no match: the totals tie.
        assert_eq!(results.win_matrices.policy[1][1], Some(0.0));
        assert_eq!(defector.matchups().count(), 3);
        assert_eq!(
            results.ranked().map(|p| p.name()).collect::<Vec<_>>(),
            results.ranked_names().collect::<Vec<_>>()
        );
        assert_eq!(
            results.ranked().map(|p| p.rank()).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(results.player("Nobody").is_none());
        assert!(results.player_at(3).is_none());
        assert!(results.matchup("Defector", "Nobody").is_none());
        // Without self-play, a player has no matchup with itself.
        let without = classic_three().with_self_play(false).unwrap().play();
        assert!(without.matchup("Defector", "Defector").is_none());
        assert_eq!(without.player("Defector").unwrap().matchups().count(), 2);
    }

    #[test]
    fn results_round_trip_through_serde() {
        let results = classic_three().with_repetitions(2).unwrap().play();
        let text = ron::to_string(&results).unwrap();
        let back: RoundRobinResults = ron::from_str(&text).unwrap();
        assert_eq!(back, results);
    }
}
