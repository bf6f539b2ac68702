//! The domestic arenas of a round robin (docs/actors.md): what each
//! arena match recorded ([`ArenaRecord`]), summed per pair, per state and
//! per repetition while the matches are played, in the order of the
//! schedule (so the results are the same bits on any number of threads),
//! and the results made from the sums: [`ArenaResults`].
//!
//! Currencies: cooperation is a share of rounds; `policy`, `political`
//! and `utility` are the government's payoffs per turn in the three
//! currencies of [`Currency`](twolevel_game::Currency) (the utility on the
//! player's own scale); an actor's influence share is `w_k / D_i` (its
//! pooled weight over all the weight engaged in its state's arena, the
//! foreign members of cross-border coalitions included; see
//! [`ActorRecord::mean_share`](crate::play::ActorRecord::mean_share)), its spending is in capability units per match
//! and its payoff in the actor's own currency (docs/actors.md:
//! `s_k (coop_share - 1/2)(2 x_k - 1)` per round minus what it spent),
//! per match.

use serde::{Deserialize, Serialize};
use twolevel_game::{ByCurrency, Currency};

use super::results::total_in;
use super::{MatchRecord, RoundRobin, Summary};
use crate::domestic::Domestic;
use crate::play::ArenaRecord;

/// What one side of one arena match gave, copied out of the reused
/// [`ArenaRecord`] so that the matches of a batch can be folded in the
/// order of the schedule.
#[derive(Clone, Debug, Default)]
pub(super) struct SideOutcome {
    /// Per round: the domestic position (NaN without an arena), `pi` and
    /// whether the side cooperated (1 or 0).
    pub(super) series: Vec<[f64; 3]>,
    /// Per actor of the side's arena: mean influence share, total spent,
    /// total payoff.
    pub(super) actors: Vec<[f64; 3]>,
    /// The match's last round, from the side's summary (so exact whether
    /// or not the series keep it): the domestic position (NaN without
    /// one) and `pi`.
    pub(super) end: [f64; 2],
    /// The rounds the match played.
    pub(super) rounds: u32,
}

/// What one arena match gave, both sides, the row player's first.
#[derive(Clone, Debug, Default)]
pub(super) struct ArenaOutcome {
    pub(super) sides: [SideOutcome; 2],
}

impl ArenaOutcome {
    /// Copies what `record` holds for the match just played.
    pub(super) fn of(record: &ArenaRecord) -> Self {
        let side = |s: usize| {
            let side = record.side(s);
            SideOutcome {
                series: side
                    .positions()
                    .iter()
                    .zip(side.politicization())
                    .zip(side.cooperation())
                    .map(|((&x, &pi), &c)| [x, pi, if c { 1.0 } else { 0.0 }])
                    .collect(),
                actors: side
                    .actors()
                    .iter()
                    .map(|a| [a.mean_share, a.spent, a.payoff])
                    .collect(),
                end: [
                    side.summary().last_position,
                    side.summary().last_politicization,
                ],
                rounds: side.summary().rounds,
            }
        };
        ArenaOutcome {
            sides: [side(0), side(1)],
        }
    }
}

/// One actor's outcome, the mean over the matches it played.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActorOutcome {
    /// The actor's name.
    pub name: String,
    /// The mean over rounds and matches of its share `w_k / D_i` of the
    /// weight engaged in its arena (foreign pressure included; the shares
    /// of a state's own actors sum to less than 1 where foreign coalition
    /// members press on it).
    pub influence_share: f64,
    /// What it spent per match, in capability units.
    pub spent: f64,
    /// Its payoff per match, in the actor's own currency (docs/actors.md).
    pub payoff: f64,
}

/// One actor's outcome over a whole tournament: the mean over its state's
/// matches in each repetition, summarised over repetitions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ActorSummary {
    /// The actor's name.
    pub name: String,
    /// Its share `w_k / D_i` of the weight engaged in its state's arena.
    pub influence_share: Summary,
    /// What it spent per match, in capability units.
    pub spent: Summary,
    /// Its payoff per match, in the actor's own currency.
    pub payoff: Summary,
}

/// Per-round means of one side of a pair over the matches that reached
/// the round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoundMeans {
    /// The round, from 0.
    pub round: u32,
    /// The mean domestic position (the weighted median of the side's
    /// arena, in `[0, 1]`) over the matches where it had one; `None` for
    /// a state without an arena (or with no weight in it).
    pub position: Option<f64>,
    /// The mean politicization `pi` of the side's state.
    pub politicization: f64,
    /// The share of the matches in which the side cooperated.
    pub cooperation: f64,
    /// The matches that reached the round.
    pub matches: u64,
}

/// One side's means in the last round of the longest matches of a pair
/// (over the matches that reached it), from every match's summary, so
/// exact however the series are sampled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoundEnd {
    /// The round, from 0.
    pub round: u32,
    /// The mean domestic position over the matches that had one in the
    /// round; `None` for a state without an arena (or with no weight in
    /// it).
    pub position: Option<f64>,
    /// The mean politicization `pi` of the side's state in the round.
    pub politicization: f64,
    /// The matches that reached the round.
    pub matches: u64,
}

/// One pair's arena results over every repetition (and both role
/// assignments of an asymmetric game), the lower-indexed player first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PairArenas {
    /// The two players' indices, `players[0] <= players[1]`.
    pub players: [usize; 2],
    /// The matches played.
    pub matches: u64,
    /// The share of its rounds in which each side cooperated.
    pub cooperation: [f64; 2],
    /// Each side's payoff per turn in each currency (policy, political and
    /// the side's own utility), the mean over the matches.
    pub payoffs: ByCurrency<[f64; 2]>,
    /// Each side's actors (empty for a side without an arena).
    pub actors: [Vec<ActorOutcome>; 2],
    /// Each side's per-round means, over the rounds the series keep
    /// (every round of a match up to
    /// [`RoundRobin::arena_series`](crate::RoundRobin::arena_series)
    /// rounds long, every `k`-th round of a longer one).
    pub series: [Vec<RoundMeans>; 2],
    /// Each side's means in the last round, when the series do not keep
    /// every round (sampled, or none kept); `None` when they do, as the
    /// last entry of [`series`](PairArenas::series) is that round then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<[RoundEnd; 2]>,
}

impl PairArenas {
    /// Side `place`'s means in the last round of the pair's longest
    /// matches, exact whether or not the series were sampled; `None` for
    /// a pair without rounds.
    #[must_use]
    pub fn last_round(&self, place: usize) -> Option<RoundEnd> {
        if let Some(end) = &self.end {
            return end.get(place).filter(|e| e.matches > 0).cloned();
        }
        self.series.get(place)?.last().map(|r| RoundEnd {
            round: r.round,
            position: r.position,
            politicization: r.politicization,
            matches: r.matches,
        })
    }
}

/// One state's arena results over the whole tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StateArenas {
    /// The player's name.
    pub name: String,
    /// Whether the state has an arena.
    pub has_arena: bool,
    /// The share of its rounds in which the state cooperated, over all
    /// its matches (self-play from both sides), per repetition.
    pub cooperation: Summary,
    /// Its actors, over all its matches.
    pub actors: Vec<ActorSummary>,
}

/// The arena results of a round robin with domestic arenas.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ArenaResults {
    /// Per state (in the order of the players).
    pub states: Vec<StateArenas>,
    /// Per pair that met, in the order of the schedule.
    pub pairs: Vec<PairArenas>,
    /// The names of the coalitions.
    pub coalitions: Vec<String>,
}

impl ArenaResults {
    /// The results of the state called `name`.
    #[must_use]
    pub fn state(&self, name: &str) -> Option<&StateArenas> {
        self.states.iter().find(|s| s.name == name)
    }

    /// The results of the pair of players `a` and `b` (indices, in either
    /// order), and whether `a` is the pair's second side (`players[1]`):
    /// read `a`'s numbers at index 1 of the pair's arrays when it is.
    #[must_use]
    pub fn pair(&self, a: usize, b: usize) -> Option<(&PairArenas, bool)> {
        let (low, high) = (a.min(b), a.max(b));
        self.pairs
            .iter()
            .find(|p| p.players == [low, high])
            .map(|p| (p, a > b))
    }
}

/// Running sums for one side of a pair.
#[derive(Clone, Default)]
struct SideSums {
    cooperations: u64,
    turns: u64,
    per_turn: ByCurrency<f64>,
    /// Per actor: influence share, spent, payoff.
    actors: Vec<[f64; 3]>,
    /// Per round: position, pi, cooperation, matches, matches with a
    /// position.
    series: Vec<[f64; 5]>,
    /// The last round of the longest matches so far (their rounds), and
    /// over those matches: position, pi, matches, matches with a
    /// position.
    end_rounds: u32,
    end: [f64; 4],
}

/// Running sums for one pair.
#[derive(Clone, Default)]
struct PairSums {
    matches: u64,
    sides: [SideSums; 2],
}

/// Running sums for one state in one repetition.
#[derive(Clone, Default)]
struct StateRepetition {
    cooperations: u64,
    turns: u64,
    sides: u64,
    actors: Vec<[f64; 3]>,
}

/// The sums a round robin with arenas keeps while its matches are played.
pub(super) struct ArenaSums {
    pairs: Vec<((usize, usize), PairSums)>,
    states: Vec<Vec<StateRepetition>>,
    /// The series keep every `every`-th round.
    every: u32,
}

impl ArenaSums {
    /// Sums for `tournament`'s pairs and states, whose matches' series
    /// keep every `every`-th round.
    pub(super) fn new(tournament: &RoundRobin, domestic: &Domestic, every: u32) -> Self {
        let actors = |state: usize| {
            domestic.arenas[state]
                .as_ref()
                .map_or(0, |arena| arena.actors().len())
        };
        let n = tournament.entrants.len();
        ArenaSums {
            pairs: tournament
                .pairs()
                .into_iter()
                .map(|(i, j)| {
                    let mut sums = PairSums::default();
                    sums.sides[0].actors = vec![[0.0; 3]; actors(i)];
                    sums.sides[1].actors = vec![[0.0; 3]; actors(j)];
                    ((i, j), sums)
                })
                .collect(),
            states: (0..n)
                .map(|state| {
                    vec![
                        StateRepetition {
                            actors: vec![[0.0; 3]; actors(state)],
                            ..StateRepetition::default()
                        };
                        tournament.repetitions as usize
                    ]
                })
                .collect(),
            every,
        }
    }

    /// Adds one match; called in the order of the schedule.
    pub(super) fn add(&mut self, record: &MatchRecord, outcome: &ArenaOutcome) {
        let [row, column] = record.players;
        let pair = (row.min(column), row.max(column));
        // The side of the match each of the pair's players took.
        let sides = if row <= column { [0, 1] } else { [1, 0] };
        let Some(index) = self.pairs.iter().position(|(p, _)| *p == pair) else {
            return;
        };
        let sums = &mut self.pairs[index].1;
        sums.matches += 1;
        let result = &record.result;
        let turns = f64::from(result.turns);
        for (place, &side) in sides.iter().enumerate() {
            let totals = &result.players[side];
            let own = &outcome.sides[side];
            let sums = &mut sums.sides[place];
            sums.cooperations += u64::from(totals.cooperations);
            sums.turns += u64::from(result.turns);
            for currency in Currency::ALL {
                sums.per_turn[currency] += total_in(totals, currency) / turns;
            }
            for (sum, actor) in sums.actors.iter_mut().zip(&own.actors) {
                for (s, v) in sum.iter_mut().zip(actor) {
                    *s += v;
                }
            }
            if sums.series.len() < own.series.len() {
                sums.series.resize(own.series.len(), [0.0; 5]);
            }
            for (sum, round) in sums.series.iter_mut().zip(&own.series) {
                // A round without a position (no arena, or no weight in
                // it) counts for pi and cooperation only.
                if !round[0].is_nan() {
                    sum[0] += round[0];
                    sum[4] += 1.0;
                }
                sum[1] += round[1];
                sum[2] += round[2];
                sum[3] += 1.0;
            }
            // The same sums for the last round, from the summaries, over
            // the matches that reached it (a longer match restarts them).
            if own.rounds > sums.end_rounds {
                sums.end_rounds = own.rounds;
                sums.end = [0.0; 4];
            }
            if own.rounds == sums.end_rounds && own.rounds > 0 {
                if !own.end[0].is_nan() {
                    sums.end[0] += own.end[0];
                    sums.end[3] += 1.0;
                }
                sums.end[1] += own.end[1];
                sums.end[2] += 1.0;
            }
            let state = pair_player(pair, place);
            let repetition = &mut self.states[state][record.repetition as usize];
            repetition.cooperations += u64::from(totals.cooperations);
            repetition.turns += u64::from(result.turns);
            repetition.sides += 1;
            for (sum, actor) in repetition.actors.iter_mut().zip(&own.actors) {
                for (s, v) in sum.iter_mut().zip(actor) {
                    *s += v;
                }
            }
        }
    }

    /// The results from the sums.
    pub(super) fn finish(self, tournament: &RoundRobin, domestic: &Domestic) -> ArenaResults {
        let actor_names = |state: usize| -> Vec<String> {
            domestic.arenas[state]
                .as_ref()
                .map(|arena| arena.actors().iter().map(|a| a.name.clone()).collect())
                .unwrap_or_default()
        };
        let every = self.every;
        let pairs = self
            .pairs
            .into_iter()
            .filter(|(_, sums)| sums.matches > 0)
            .map(|(pair, sums)| {
                let matches = sums.matches as f64;
                let side = |place: usize| &sums.sides[place];
                let has_arena = |place: usize| domestic.arenas[pair_player(pair, place)].is_some();
                PairArenas {
                    players: [pair.0, pair.1],
                    matches: sums.matches,
                    cooperation: [0, 1]
                        .map(|p| side(p).cooperations as f64 / side(p).turns.max(1) as f64),
                    payoffs: ByCurrency::from_fn(|c| [0, 1].map(|p| side(p).per_turn[c] / matches)),
                    actors: [0, 1].map(|p| {
                        actor_names(pair_player(pair, p))
                            .into_iter()
                            .zip(&side(p).actors)
                            .map(|(name, sum)| ActorOutcome {
                                name,
                                influence_share: sum[0] / matches,
                                spent: sum[1] / matches,
                                payoff: sum[2] / matches,
                            })
                            .collect()
                    }),
                    series: [0, 1].map(|p| {
                        side(p)
                            .series
                            .iter()
                            .enumerate()
                            .map(|(t, sum)| RoundMeans {
                                round: u32::try_from(t).unwrap_or(u32::MAX).saturating_mul(every),
                                position: (has_arena(p) && sum[4] > 0.0).then(|| sum[0] / sum[4]),
                                politicization: sum[1] / sum[3],
                                cooperation: sum[2] / sum[3],
                                matches: sum[3] as u64,
                            })
                            .collect()
                    }),
                    end: (every != 1).then(|| {
                        [0, 1].map(|p| {
                            let s = side(p);
                            RoundEnd {
                                round: s.end_rounds.saturating_sub(1),
                                position: (has_arena(p) && s.end[3] > 0.0)
                                    .then(|| s.end[0] / s.end[3]),
                                politicization: s.end[1] / s.end[2],
                                matches: s.end[2] as u64,
                            }
                        })
                    }),
                }
            })
            .collect();
        let states = self
            .states
            .into_iter()
            .enumerate()
            .map(|(state, repetitions)| {
                let per_match = |r: &StateRepetition, k: usize, what: usize| {
                    if r.sides > 0 {
                        r.actors[k][what] / r.sides as f64
                    } else {
                        0.0
                    }
                };
                let actors = actor_names(state)
                    .into_iter()
                    .enumerate()
                    .map(|(k, name)| {
                        let summary = |what| {
                            Summary::of(repetitions.iter().map(|r| per_match(r, k, what)).collect())
                        };
                        ActorSummary {
                            name,
                            influence_share: summary(0),
                            spent: summary(1),
                            payoff: summary(2),
                        }
                    })
                    .collect();
                StateArenas {
                    name: tournament.entrants[state].name.clone(),
                    has_arena: domestic.arenas[state].is_some(),
                    cooperation: Summary::of(
                        repetitions
                            .iter()
                            .map(|r| r.cooperations as f64 / r.turns.max(1) as f64)
                            .collect(),
                    ),
                    actors,
                }
            })
            .collect();
        ArenaResults {
            states,
            pairs,
            coalitions: domestic
                .coalitions
                .iter()
                .map(|c| c.name().to_owned())
                .collect(),
        }
    }
}

/// The player of `pair` at `place` (0: the lower index).
fn pair_player(pair: (usize, usize), place: usize) -> usize {
    if place == 0 { pair.0 } else { pair.1 }
}
