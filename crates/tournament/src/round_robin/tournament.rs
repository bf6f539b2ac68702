//! [`RoundRobin`]: a validated round-robin tournament, its settings and
//! its play (serial or on the rayon thread pool, with the same results).

use std::sync::Arc;

use rayon::prelude::*;
use twolevel_game::ParameterError;
use twolevel_game::graph::Graph;

use super::arenas::{ArenaOutcome, ArenaSums};
use super::schedule::Scheduled;
use super::sums::RoundRobinSums;
use super::{Entrant, MatchRecord, RankingMetric, RoundRobinResults};
use crate::domestic::Domestic;
use crate::play::{ArenaRecord, MatchBuffers, MatchConfig, play_arena_match, play_match};
use crate::progress::{NoProgress, Progress};

/// How many scheduled matches are played between two folds of their
/// records into the aggregates: enough to keep every thread busy, few
/// enough that the records of a batch take little memory (about 1 MiB).
pub(crate) const BATCH: usize = 8192;

/// The batch of a round robin with arenas, whose matches each keep their
/// per-round series until they are folded: smaller, for the same memory.
pub(crate) const ARENA_BATCH: usize = 256;

/// A round-robin tournament, validated: at least one match to play and at
/// least one repetition.
#[derive(Clone, Debug)]
pub struct RoundRobin {
    pub(super) config: MatchConfig,
    pub(super) entrants: Vec<Entrant>,
    pub(super) repetitions: u32,
    pub(super) seed: u64,
    pub(super) self_play: bool,
    pub(super) parallel: bool,
    pub(super) metric: RankingMetric,
    pub(super) match_records: bool,
    /// The domestic arenas and coalitions, if any state has an arena.
    pub(super) domestic: Option<Arc<Domestic>>,
    /// The most rounds of a match each arena series keeps.
    pub(super) arena_series: u32,
    /// The graph of who meets whom, for a spatial tournament.
    pub(super) graph: Option<Arc<Graph>>,
}

/// The most rounds of a match that the per-round arena series of a round
/// robin keep by default ([`RoundRobin::with_arena_series`]): every round
/// of a match up to 10,000 rounds.
pub const DEFAULT_ARENA_SERIES: u32 = 10_000;

impl RoundRobin {
    /// A round robin of `entrants` playing matches under `config`, with one
    /// repetition, seed 0, self-play, parallel execution and the policy
    /// ranking.
    ///
    /// Fails when there are no entrants.
    pub fn new(config: MatchConfig, entrants: Vec<Entrant>) -> Result<Self, ParameterError> {
        RoundRobin {
            config,
            entrants,
            repetitions: 1,
            seed: 0,
            self_play: true,
            parallel: true,
            metric: RankingMetric::Policy,
            match_records: false,
            domestic: None,
            arena_series: DEFAULT_ARENA_SERIES,
            graph: None,
        }
        .checked()
    }

    fn checked(self) -> Result<Self, ParameterError> {
        if self.entrants.is_empty() {
            return Err(ParameterError::new(
                "players",
                "expected at least one player, got an empty list",
            ));
        }
        if let Some(graph) = &self.graph {
            if graph.node_count() != self.entrants.len() {
                return Err(ParameterError::new(
                    "graph",
                    format!(
                        "expected a graph of one node a player ({}), got {} nodes",
                        self.entrants.len(),
                        graph.node_count()
                    ),
                ));
            }
            if let Some(node) = (0..graph.node_count()).find(|&i| graph.degree(i) == 0) {
                return Err(ParameterError::new(
                    "graph",
                    format!(
                        "node {node} (player {}) has no neighbour, so it would play no match; \
                         give it an edge or leave it out",
                        self.entrants[node].name
                    ),
                ));
            }
        } else if self.entrants.len() == 1 && !self.self_play {
            return Err(ParameterError::new(
                "self_play",
                "a single player without self-play has no match to play; add players or enable self-play",
            ));
        }
        if self.repetitions == 0 {
            return Err(ParameterError::new(
                "repetitions",
                "expected at least 1 repetition, got 0",
            ));
        }
        if let Some(domestic) = &self.domestic
            && domestic.arenas.len() != self.entrants.len()
        {
            return Err(ParameterError::new(
                "players",
                format!(
                    "the domestic arenas are given for {} players, but the tournament has {}",
                    domestic.arenas.len(),
                    self.entrants.len()
                ),
            ));
        }
        Ok(self)
    }

    /// The same tournament with domestic arenas and coalitions (docs/actors.md): every match is played by
    /// [`play_arena_match`], and the results carry
    /// [`ArenaResults`](super::ArenaResults). Settings without any arena
    /// or coalition ([`Domestic::is_empty`]) leave the tournament as it
    /// was, bit for bit.
    ///
    /// Fails when the arenas are not one per entrant.
    pub fn with_domestic(mut self, domestic: Domestic) -> Result<Self, ParameterError> {
        self.domestic = (!domestic.is_empty()).then(|| Arc::new(domestic));
        self.checked()
    }

    /// The same tournament played on `graph` (a spatial tournament, as the
    /// `edges` of the Python `axelrod` library's `Tournament`): player `i`
    /// is node `i`, and only neighbours meet, each pair once a repetition
    /// (and no one meets a clone of itself, whatever
    /// [`RoundRobin::with_self_play`] says). The results carry each node's
    /// payoffs ([`SpatialResults`](super::SpatialResults)).
    ///
    /// Fails, naming `graph`, when the graph has not one node a player or
    /// has a node without neighbours.
    pub fn with_graph(mut self, graph: Graph) -> Result<Self, ParameterError> {
        self.graph = Some(Arc::new(graph));
        self.checked()
    }

    /// The graph of a spatial tournament, if any.
    #[must_use]
    pub fn graph(&self) -> Option<&Graph> {
        self.graph.as_deref()
    }

    /// The domestic arenas and coalitions, if any.
    #[must_use]
    pub fn domestic(&self) -> Option<&Domestic> {
        self.domestic.as_deref()
    }

    /// The same tournament keeping at most `rounds` rounds of each match in
    /// the per-round arena series ([`PairArenas::series`](super::PairArenas::series),
    /// `series.csv`, the plots of positions over time): a match planned
    /// longer than that (its horizon's turns, or 50 times the mean length
    /// of a continuation horizon) is sampled every `k`-th round, `k =
    /// ceil(planned / rounds)`, and `rounds = 0` keeps no series. The
    /// per-pair, per-state and per-actor results cover every round either
    /// way. The default, [`DEFAULT_ARENA_SERIES`], keeps every round of a
    /// match up to 10,000 rounds long.
    #[must_use]
    pub fn with_arena_series(mut self, rounds: u32) -> Self {
        self.arena_series = rounds;
        self
    }

    /// The most rounds of a match the arena series keep
    /// ([`RoundRobin::with_arena_series`]).
    #[must_use]
    pub const fn arena_series(&self) -> u32 {
        self.arena_series
    }

    /// Every how many rounds the arena series keep one (0: none).
    #[must_use]
    pub fn arena_series_every(&self) -> u32 {
        if self.arena_series == 0 {
            return 0;
        }
        let planned = crate::config::planned_match_length(self.config.horizon());
        (planned / f64::from(self.arena_series)).ceil().max(1.0) as u32
    }

    /// The same tournament with `repetitions` (at least 1) of every match.
    pub fn with_repetitions(mut self, repetitions: u32) -> Result<Self, ParameterError> {
        self.repetitions = repetitions;
        self.checked()
    }

    /// The same tournament with another master seed.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The same tournament with or without self-play; a one-player
    /// tournament needs self-play.
    pub fn with_self_play(mut self, self_play: bool) -> Result<Self, ParameterError> {
        self.self_play = self_play;
        self.checked()
    }

    /// The same tournament run on the rayon thread pool (`true`) or on the
    /// calling thread. The results are identical either way.
    #[must_use]
    pub fn with_parallel(mut self, parallel: bool) -> Self {
        self.parallel = parallel;
        self
    }

    /// The same tournament keeping (`true`) or not (the default) the
    /// record of every match in [`RoundRobinResults::matches`]. The records
    /// take memory in proportion to the players squared times the
    /// repetitions; the aggregates are the same either way.
    #[must_use]
    pub fn with_match_records(mut self, keep: bool) -> Self {
        self.match_records = keep;
        self
    }

    /// Whether the results keep the record of every match.
    #[must_use]
    pub const fn match_records(&self) -> bool {
        self.match_records
    }

    /// The same tournament ranked by another metric.
    #[must_use]
    pub fn with_ranking(mut self, metric: RankingMetric) -> Self {
        self.metric = metric;
        self
    }

    /// The same tournament (repetitions, seed, self-play, execution and
    /// ranking) with other players; fails as [`RoundRobin::new`] does.
    pub fn with_entrants(mut self, entrants: Vec<Entrant>) -> Result<Self, ParameterError> {
        self.entrants = entrants;
        self.checked()
    }

    /// The same tournament with another (validated) match configuration.
    #[must_use]
    pub fn with_config(mut self, config: MatchConfig) -> Self {
        self.config = config;
        self
    }

    /// The match configuration.
    #[must_use]
    pub const fn config(&self) -> &MatchConfig {
        &self.config
    }

    /// The players.
    #[must_use]
    pub fn entrants(&self) -> &[Entrant] {
        &self.entrants
    }

    /// The number of repetitions of every match.
    #[must_use]
    pub const fn repetitions(&self) -> u32 {
        self.repetitions
    }

    /// The master seed.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.seed
    }

    /// Whether every player also meets a clone of itself.
    #[must_use]
    pub const fn self_play(&self) -> bool {
        self.self_play
    }

    /// Whether the matches run on the rayon thread pool.
    #[must_use]
    pub const fn parallel(&self) -> bool {
        self.parallel
    }

    /// The ranking metric.
    #[must_use]
    pub const fn ranking_metric(&self) -> RankingMetric {
        self.metric
    }

    /// The pairs that meet, `(i, j)` with `i < j` (or `i <= j` with
    /// self-play), in lexicographic order; on a graph, its edges.
    #[must_use]
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        if let Some(graph) = &self.graph {
            return graph.edges().collect();
        }
        let n = self.entrants.len();
        (0..n)
            .flat_map(|i| {
                let first = if self.self_play { i } else { i + 1 };
                (first..n).map(move |j| (i, j))
            })
            .collect()
    }

    /// The number of matches a play of the tournament plays (or copies,
    /// for a deterministic pair): every pair's role assignments times the
    /// repetitions. The total a [`Progress`] is told.
    #[must_use]
    pub fn match_count(&self) -> u64 {
        let assignments: u64 = self
            .pairs()
            .iter()
            .map(|&(i, j)| self.assignments(i, j).len() as u64)
            .sum();
        assignments * u64::from(self.repetitions)
    }

    /// Plays one scheduled match with the given buffers; with arenas, the
    /// arena match, whose record `arena` keeps.
    fn play_one(
        &self,
        scheduled: &Scheduled,
        buffers: &mut MatchBuffers,
        arena: Option<&mut ArenaRecord>,
    ) -> MatchRecord {
        let [row, column] = scheduled.players();
        let mut first = self.entrants[row].strategy.clone_box();
        let mut second = self.entrants[column].strategy.clone_box();
        let settings = [self.entrants[row].settings, self.entrants[column].settings];
        let players = [first.as_mut(), second.as_mut()];
        let mut rng = self.rng_of(scheduled);
        let result = match (self.domestic.as_deref(), arena) {
            (Some(domestic), Some(record)) => play_arena_match(
                &self.config,
                players,
                &settings,
                domestic,
                [row, column],
                buffers,
                record,
                &mut rng,
            ),
            _ => play_match(&self.config, players, &settings, buffers, &mut rng),
        };
        MatchRecord {
            players: [row, column],
            repetition: scheduled.repetition,
            share: scheduled.share,
            result,
        }
    }

    /// Plays every match and returns the results.
    ///
    /// A match that repeats an earlier one (a
    /// deterministic pair without noise, in a later repetition of the same
    /// length) is not played again: its record copies the earlier result,
    /// which is bit-identical to what playing it would give.
    ///
    /// The results are summed while the matches are played, in batches, so
    /// the memory taken grows with the players squared plus the players
    /// times the repetitions; the per-match records are kept only with
    /// [`RoundRobin::with_match_records`].
    #[must_use]
    pub fn play(&self) -> RoundRobinResults {
        self.play_observed(&NoProgress, &mut |_| {})
    }

    /// Plays every match as [`RoundRobin::play`] does, telling `progress`
    /// the [number of matches](RoundRobin::match_count) and each finished
    /// match. The results are the same as without it.
    #[must_use]
    pub fn play_with_progress(&self, progress: &dyn Progress) -> RoundRobinResults {
        self.play_observed(progress, &mut |_| {})
    }

    /// Plays every match as [`RoundRobin::play_with_progress`] does, and
    /// shows every match's record to `observe`, on the calling thread, in
    /// the order of the schedule (by pair, then role assignment, then
    /// repetition) whatever the number of threads: a way to compute other
    /// aggregates while playing, without keeping the records.
    pub fn play_observed(
        &self,
        progress: &dyn Progress,
        observe: &mut dyn FnMut(&MatchRecord),
    ) -> RoundRobinResults {
        if let Some(domestic) = self.domestic.as_deref() {
            return self.play_arenas(domestic, progress, observe);
        }
        progress.start(self.match_count());
        let play = |scheduled: &Scheduled, buffers: &mut MatchBuffers| {
            let record = scheduled
                .repeats
                .is_none()
                .then(|| self.play_one(scheduled, buffers, None));
            progress.advance(1);
            record
        };
        let mut tally = RoundRobinSums::new(self);
        let mut schedule = self.schedule();
        let mut batch: Vec<Scheduled> = Vec::with_capacity(BATCH);
        let mut serial_buffers = MatchBuffers::without_moves();
        // The results later matches of the current pair and assignment may
        // repeat, by repetition.
        let mut originals: Vec<(u32, MatchRecord)> = Vec::new();
        let mut group = None;
        loop {
            batch.clear();
            batch.extend(schedule.by_ref().take(BATCH));
            if batch.is_empty() {
                break;
            }
            let played: Vec<Option<MatchRecord>> = if self.parallel {
                batch
                    .par_iter()
                    .map_init(MatchBuffers::without_moves, |buffers, scheduled| {
                        play(scheduled, buffers)
                    })
                    .collect()
            } else {
                batch
                    .iter()
                    .map(|scheduled| play(scheduled, &mut serial_buffers))
                    .collect()
            };
            for (scheduled, played) in batch.iter().zip(played) {
                if group != Some((scheduled.pair, scheduled.swapped)) {
                    group = Some((scheduled.pair, scheduled.swapped));
                    originals.clear();
                }
                let record = match played {
                    Some(record) => record,
                    // The repeated match comes earlier in the schedule, in
                    // the same pair and assignment, so it is kept.
                    None => MatchRecord {
                        repetition: scheduled.repetition,
                        ..originals
                            .iter()
                            .find(|(r, _)| Some(*r) == scheduled.repeats)
                            .map(|(_, record)| *record)
                            .expect("a match not played repeats an earlier one")
                    },
                };
                if scheduled.original {
                    originals.push((scheduled.repetition, record));
                }
                tally.add(&record);
                observe(&record);
            }
        }
        tally.finish(self)
    }
}

impl RoundRobin {
    /// Plays every match of a tournament with arenas, as
    /// [`RoundRobin::play_observed`] does, and sums the arena records in
    /// the order of the schedule. Every match is played (none is copied
    /// from an earlier one: the arena records are needed).
    fn play_arenas(
        &self,
        domestic: &Domestic,
        progress: &dyn Progress,
        observe: &mut dyn FnMut(&MatchRecord),
    ) -> RoundRobinResults {
        progress.start(self.match_count());
        let play = |scheduled: &Scheduled, (buffers, arena): &mut (MatchBuffers, ArenaRecord)| {
            let record = self.play_one(scheduled, buffers, Some(arena));
            progress.advance(1);
            (record, ArenaOutcome::of(arena))
        };
        let every = self.arena_series_every();
        let new_buffers = || {
            (
                MatchBuffers::without_moves(),
                ArenaRecord::new().with_series_every(every),
            )
        };
        let mut tally = RoundRobinSums::new(self);
        let mut arena_sums = ArenaSums::new(self, domestic, every);
        let mut schedule = self.schedule();
        let mut batch: Vec<Scheduled> = Vec::with_capacity(ARENA_BATCH);
        let mut serial_buffers = new_buffers();
        loop {
            batch.clear();
            batch.extend(schedule.by_ref().take(ARENA_BATCH));
            if batch.is_empty() {
                break;
            }
            let played: Vec<(MatchRecord, ArenaOutcome)> = if self.parallel {
                batch
                    .par_iter()
                    .map_init(new_buffers, |buffers, scheduled| play(scheduled, buffers))
                    .collect()
            } else {
                batch
                    .iter()
                    .map(|scheduled| play(scheduled, &mut serial_buffers))
                    .collect()
            };
            for (record, outcome) in &played {
                tally.add(record);
                arena_sums.add(record, outcome);
                observe(record);
            }
        }
        let mut results = tally.finish(self);
        results.arenas = Some(arena_sums.finish(self, domestic));
        results
    }

    /// Plays every match on the calling thread, in the order of
    /// [`RoundRobinResults::matches`], and shows each one's record and
    /// moves to `visit` as it ends: the same matches, seeds and results as
    /// [`RoundRobin::play`], for analyses that need the moves of every
    /// round (the buffers are reused, so they hold one match at a time).
    pub fn replay(&self, mut visit: impl FnMut(&MatchRecord, &MatchBuffers)) {
        let mut buffers = MatchBuffers::new();
        let mut arena = ArenaRecord::default();
        for scheduled in self.schedule() {
            let record = self.play_one(&scheduled, &mut buffers, Some(&mut arena));
            visit(&record, &buffers);
        }
    }

    /// Plays every match on a new rayon pool of `threads` threads (when
    /// parallel) and returns the results, identical to [`RoundRobin::play`].
    ///
    /// Fails when the pool cannot be built.
    pub fn play_on_threads(
        &self,
        threads: usize,
    ) -> Result<RoundRobinResults, rayon::ThreadPoolBuildError> {
        crate::limits::on_threads(threads, || self.play())
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use twolevel_game::Currency;
    use twolevel_strategies::{Cooperator, Defector, TitForTat};

    /// Cooperator, Defector and Tit For Tat in 10-turn classic matches.
    pub(in crate::round_robin) fn classic_three() -> RoundRobin {
        RoundRobin::new(
            MatchConfig::classic(10).unwrap(),
            vec![
                Entrant::classic(Box::new(Cooperator)),
                Entrant::classic(Box::new(Defector)),
                Entrant::classic(Box::new(TitForTat)),
            ],
        )
        .unwrap()
    }

    #[test]
    fn with_entrants_keeps_the_settings_and_checks_the_list() {
        let base = classic_three()
            .with_repetitions(3)
            .unwrap()
            .with_seed(9)
            .with_ranking(RankingMetric::Wins(Currency::Utility));
        let two = base
            .clone()
            .with_entrants(base.entrants()[..2].to_vec())
            .unwrap();
        assert_eq!(two.entrants().len(), 2);
        assert_eq!(
            (two.repetitions(), two.seed(), two.ranking_metric()),
            (3, 9, RankingMetric::Wins(Currency::Utility))
        );
        let err = base.with_entrants(Vec::new()).unwrap_err();
        assert_eq!(err.field, "players");
    }

    #[test]
    fn scores_of_a_small_deterministic_tournament() {
        let results = classic_three()
            .with_repetitions(2)
            .unwrap()
            .with_match_records(true)
            .play();
        // Pairs with self-play: 6, two repetitions each.
        assert_eq!(results.matches.len(), 12);
        // Cooperator: 0 per turn against Defector, 3 against TFT.
        assert_eq!(results.standings[0].scores.utility.mean, 1.5);
        // Defector: 5 against Cooperator, (5 + 9) / 10 against TFT.
        assert_eq!(results.standings[1].scores.utility.mean, (5.0 + 1.4) / 2.0);
        // TFT: 3 against Cooperator, 0.9 against Defector.
        assert_eq!(results.standings[2].scores.utility.mean, (3.0 + 0.9) / 2.0);
        assert_eq!(results.ranking, vec![1, 2, 0]);
        // In the classic game the three currencies' policy and utility agree
        // bit for bit.
        for standing in &results.standings {
            assert_eq!(standing.scores.policy, standing.scores.utility);
            assert_eq!(standing.wins.policy, standing.wins.utility);
        }
        assert_eq!(
            results.payoff_matrices.policy,
            results.payoff_matrices.utility
        );
        assert_eq!(results.payoff_matrices.utility[1][1], Some(1.0));
        assert_eq!(results.payoff_matrices[Currency::Policy][2][1], Some(0.9));
        assert_eq!(results.cooperation_matrix[2][1], Some(0.1));
        assert_eq!(results.standings[1].wins.policy.mean, 2.0);
        assert_eq!(results.standings[0].scores.utility.std, 0.0);
        assert_eq!(results.mean_match_length, 10.0);
    }

    #[test]
    fn ranking_by_other_metrics() {
        // At pi = 0.5 the default game's policy payoffs are R = 3, S = -1,
        // T = 4, P = -1 and the political ones 0, -5, 5, 0. Per turn over
        // 10 turns, against the two other players (the model's first
        // version, without accountability and securitization):
        let game = twolevel_game::TwoLevelGame::default()
            .with_accountability(0.0, 0.0)
            .unwrap();
        let config = MatchConfig::new(game, twolevel_game::Horizon::fixed(10).unwrap())
            .unwrap()
            .with_politics(twolevel_game::Politics::Fixed(
                twolevel_game::Politicization::new(0.5).unwrap(),
            ));
        let t = RoundRobin::new(config, classic_three().entrants).unwrap();
        // Policy: Cooperator (-1 + 3) / 2 = 1, Defector (4 + (4 - 9) / 10) / 2
        // = 1.75, TFT (3 + (-1)) / 2 = 1; ties keep the player order.
        let by_policy = t.clone().with_ranking(RankingMetric::Policy).play();
        assert_eq!(by_policy.ranking, vec![1, 0, 2]);
        assert_eq!(by_policy.standings[1].scores.policy.mean, 1.75);
        // Political: Cooperator (-5 + 0) / 2, Defector (5 + 0.5) / 2,
        // TFT (0 - 0.5) / 2.
        let by_politics = t.clone().with_ranking(RankingMetric::Political).play();
        assert_eq!(by_politics.ranking, vec![1, 2, 0]);
        assert_eq!(by_politics.standings[0].scores.political.mean, -2.5);
        // Wins in policy payoff: the defector beats both others, TFT draws
        // with the cooperator and loses to the defector.
        let by_wins = t
            .clone()
            .with_ranking(RankingMetric::Wins(Currency::Policy))
            .play();
        assert_eq!(by_wins.ranking, vec![1, 0, 2]);
        assert_eq!(by_wins.standings[1].wins.policy.mean, 2.0);
        assert_eq!(by_wins.standings[0].wins.policy.mean, 0.0);
        // Political wins are counted separately: the same matches won.
        assert_eq!(by_wins.standings[1].wins.political.mean, 2.0);
        // The default ranking is the policy payoff.
        assert_eq!(t.ranking_metric(), RankingMetric::Policy);
        assert_eq!(t.play().ranking, by_policy.ranking);
    }

    #[test]
    fn without_self_play_the_diagonal_is_empty() {
        let results = classic_three()
            .with_self_play(false)
            .unwrap()
            .with_match_records(true)
            .play();
        assert_eq!(results.matches.len(), 3);
        for (_, matrix) in results.payoff_matrices.iter() {
            assert_eq!(matrix[0][0], None);
        }
    }

    #[test]
    fn progress_sees_every_match_and_changes_nothing() {
        use crate::progress::Counter;
        // A stochastic player, so that the matches draw from their RNGs.
        let mut entrants = classic_three().entrants;
        entrants.push(Entrant::classic(Box::new(
            twolevel_strategies::classic::Random::default(),
        )));
        let tournament = classic_three()
            .with_entrants(entrants)
            .unwrap()
            .with_repetitions(3)
            .unwrap()
            .with_seed(4);
        // Ten pairs with self-play, three repetitions each.
        assert_eq!(tournament.match_count(), 30);
        let plain = tournament.play();
        assert!(plain.matches.is_empty());
        assert_eq!(plain.pairs_met(), 10);
        for parallel in [false, true] {
            let counter = Counter::default();
            let run = tournament.clone().with_parallel(parallel);
            let with_progress = run.play_with_progress(&counter);
            assert_eq!((counter.total(), counter.done()), (30, 30));
            assert_eq!(with_progress, plain);
            // Observing and keeping the records change no aggregate.
            let mut observed = Vec::new();
            let recorded = run
                .clone()
                .with_match_records(true)
                .play_observed(&counter, &mut |record| observed.push(*record));
            assert_eq!((counter.total(), counter.done()), (60, 60));
            assert_eq!(recorded.matches, observed);
            assert_eq!(recorded.matches.len(), 30);
            assert_eq!(
                RoundRobinResults {
                    matches: Vec::new(),
                    ..recorded
                },
                plain
            );
        }
    }

    #[test]
    fn invalid_tournaments_are_rejected() {
        let config = MatchConfig::classic(10).unwrap();
        assert_eq!(
            RoundRobin::new(config, vec![]).unwrap_err().field,
            "players"
        );
        assert_eq!(
            classic_three().with_repetitions(0).unwrap_err().field,
            "repetitions"
        );
        let single = RoundRobin::new(config, vec![Entrant::classic(Box::new(TitForTat))]).unwrap();
        assert_eq!(
            single.clone().with_self_play(false).unwrap_err().field,
            "self_play"
        );
        assert_eq!(single.play().standings[0].scores.policy.mean, 3.0);
    }
}
