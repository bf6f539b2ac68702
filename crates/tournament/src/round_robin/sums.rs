//! The running sums a round robin keeps while its matches are played, and
//! the results made from them.

use twolevel_game::{ByCurrency, Currency};

use super::results::total_in;
use super::{MatchRecord, RankingRow, RoundRobin, RoundRobinResults, SpatialResults, Summary};

/// A sum divided by the (weighted) number of matches it sums over; 0 when
/// there are none.
fn mean_over(sum: f64, matches: f64) -> f64 {
    if matches > 0.0 { sum / matches } else { 0.0 }
}

/// Running sums for one player in one repetition.
#[derive(Clone, Copy, Default)]
struct RepetitionSums {
    per_turn: ByCurrency<f64>,
    wins: ByCurrency<f64>,
    matches: f64,
}

/// Running sums for one ordered pair of players over all repetitions.
#[derive(Clone, Copy, Default)]
struct CellSums {
    per_turn: ByCurrency<f64>,
    wins: ByCurrency<f64>,
    cooperations: u64,
    turns: u64,
    sides: f64,
}

/// The sums a round robin keeps while its matches are played: per player
/// and repetition, per ordered pair, and (when asked for) the records.
pub(super) struct RoundRobinSums {
    per_repetition: Vec<Vec<RepetitionSums>>,
    cells: Vec<Vec<CellSums>>,
    scored_cooperations: Vec<u64>,
    scored_turns: Vec<u64>,
    /// In a one-player tournament the self-play matches are the scores.
    self_play_scores: bool,
    total_turns: u64,
    match_count: u64,
    /// The records, when [`RoundRobin::with_match_records`] asks for them.
    records: Option<Vec<MatchRecord>>,
}

impl RoundRobinSums {
    pub(super) fn new(tournament: &RoundRobin) -> Self {
        let n = tournament.entrants.len();
        let repetitions = tournament.repetitions as usize;
        RoundRobinSums {
            per_repetition: vec![vec![RepetitionSums::default(); repetitions]; n],
            cells: vec![vec![CellSums::default(); n]; n],
            scored_cooperations: vec![0; n],
            scored_turns: vec![0; n],
            self_play_scores: n == 1,
            total_turns: 0,
            match_count: 0,
            records: tournament.match_records.then(Vec::new),
        }
    }

    /// Adds one match; the matches come in the order of the schedule, so
    /// the floating-point sums are the same on any number of threads.
    pub(super) fn add(&mut self, record: &MatchRecord) {
        let [i, j] = record.players;
        let result = &record.result;
        let turns = f64::from(result.turns);
        self.total_turns += u64::from(result.turns);
        self.match_count += 1;
        // A self-play match (i == j) counts once from each side.
        for (side, (me, partner)) in [(i, j), (j, i)].into_iter().enumerate() {
            let mine = &result.players[side];
            let theirs = &result.players[1 - side];
            let cell = &mut self.cells[me][partner];
            let share = record.share;
            for currency in Currency::ALL {
                let (own, other) = (total_in(mine, currency), total_in(theirs, currency));
                cell.per_turn[currency] += share * (own / turns);
                if own > other {
                    cell.wins[currency] += share;
                }
            }
            cell.cooperations += u64::from(mine.cooperations);
            cell.turns += u64::from(result.turns);
            cell.sides += share;
            if me != partner || self.self_play_scores {
                let sums = &mut self.per_repetition[me][record.repetition as usize];
                for currency in Currency::ALL {
                    let (own, other) = (total_in(mine, currency), total_in(theirs, currency));
                    sums.per_turn[currency] += share * (own / turns);
                    if own > other {
                        sums.wins[currency] += share;
                    }
                }
                sums.matches += share;
                self.scored_cooperations[me] += u64::from(mine.cooperations);
                self.scored_turns[me] += u64::from(result.turns);
            }
        }
        if let Some(records) = &mut self.records {
            records.push(*record);
        }
    }

    /// The results of the tournament from its sums.
    pub(super) fn finish(self, tournament: &RoundRobin) -> RoundRobinResults {
        let n = tournament.entrants.len();
        let RoundRobinSums {
            per_repetition,
            cells,
            scored_cooperations,
            scored_turns,
            total_turns,
            match_count,
            records,
            ..
        } = self;
        let standings: Vec<RankingRow> = (0..n)
            .map(|p| {
                let reps = &per_repetition[p];
                RankingRow {
                    name: tournament.entrants[p].name.clone(),
                    scores: ByCurrency::from_fn(|c| {
                        Summary::of(
                            reps.iter()
                                .map(|s| mean_over(s.per_turn[c], s.matches))
                                .collect(),
                        )
                    }),
                    wins: ByCurrency::from_fn(|c| {
                        Summary::of(reps.iter().map(|s| s.wins[c]).collect())
                    }),
                    cooperation_rate: scored_cooperations[p] as f64 / scored_turns[p].max(1) as f64,
                }
            })
            .collect();

        let metric = tournament.metric;
        let mut ranking: Vec<usize> = (0..n).collect();
        ranking.sort_by(|&a, &b| {
            standings[b]
                .score(metric)
                .total_cmp(&standings[a].score(metric))
        });

        let matrix = |value: &dyn Fn(&CellSums) -> f64| -> Vec<Vec<Option<f64>>> {
            cells
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| (cell.sides > 0.0).then(|| value(cell)))
                        .collect()
                })
                .collect()
        };
        let payoff_matrices =
            ByCurrency::from_fn(|currency| matrix(&|c| c.per_turn[currency] / c.sides));
        let win_matrices = ByCurrency::from_fn(|currency| matrix(&|c| c.wins[currency] / c.sides));
        let cooperation_matrix = matrix(&|c| c.cooperations as f64 / c.turns as f64);
        let mean_match_length = total_turns as f64 / match_count.max(1) as f64;
        let spatial = tournament.graph.as_deref().map(|graph| {
            let accumulated = ByCurrency::from_fn(|currency| {
                (0..n)
                    .map(|i| {
                        graph
                            .neighbours(i)
                            .iter()
                            .map(|&j| {
                                let cell = &cells[i][j as usize];
                                cell.per_turn[currency] / cell.sides
                            })
                            .sum::<f64>()
                    })
                    .collect::<Vec<f64>>()
            });
            let degree: Vec<usize> = (0..n).map(|i| graph.degree(i)).collect();
            let averaged = ByCurrency::from_fn(|currency| {
                accumulated[currency]
                    .iter()
                    .zip(&degree)
                    .map(|(total, &d)| total / d as f64)
                    .collect()
            });
            SpatialResults {
                degree,
                accumulated,
                averaged,
            }
        });

        RoundRobinResults {
            metric,
            repetitions: tournament.repetitions,
            seed: tournament.seed,
            standings,
            ranking,
            payoff_matrices,
            win_matrices,
            cooperation_matrix,
            mean_match_length,
            matches: records.unwrap_or_default(),
            arenas: None,
            spatial,
        }
    }
}
