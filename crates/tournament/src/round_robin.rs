//! Round-robin tournaments: every pair of players meets, repeatedly.
//!
//! A [`RoundRobin`] plays the pairs `(i, j)` with `i < j` (and `i == j`
//! when self-play is on, between two fresh clones of the strategy), each
//! `repetitions` times. Match `(i, j, repetition)` draws from its own RNG,
//! derived from the master seed and those three numbers
//! ([`seeding::match_rng`](crate::seeding::match_rng)), and the matches are
//! collected and summed in a fixed order, so the results are bit-identical
//! whether the matches run serially or on any number of rayon threads.
//!
//! ## Scores
//!
//! Every score is kept in the three [`Currency`]s of MODEL.md section 8:
//! the policy payoff (absolute gains, comparable between all players), the
//! political payoff (relative gains at home) and the player's own utility
//! (its blend with its own effective political weight, on its own scale and
//! therefore **not** comparable between players with different weights).
//!
//! As in the Python `axelrod` library's `ResultSet`, a player's score in a
//! repetition is its *normalised score*: the mean, over its matches against
//! the other players, of its payoff per turn, in each currency. Self-play
//! matches are left out of the scores and wins (they enter the payoff and
//! cooperation matrices), except in a one-player tournament where they are
//! all there is. A *win in a currency* is a match in which the player's
//! total in that currency exceeds its partner's; wins are counted in every
//! currency.
//!
//! The ranking sorts players by the mean over repetitions of the chosen
//! [`RankingMetric`] (policy payoff per turn by default), best first, ties
//! kept in the order the players were given. (`axelrod` ranks by the
//! median; with a deterministic tournament the two agree. In the classic
//! game, with `w = 0` and `pi = 0`, the three currencies' policy and utility
//! coincide, so the ranking is `axelrod`'s.) Standard deviations over
//! repetitions use the `n - 1` divisor and are 0 for a single repetition.
//!
//! ## Reading the results
//!
//! [`RoundRobinResults`] keeps everything positional (in the order the
//! players were given) and serializes with serde; its views read it by
//! name: [`RoundRobinResults::player`] gives a [`PlayerResults`] (score,
//! rank, wins and payoffs in every currency, cooperation, and every
//! [`Matchup`] against a partner), [`RoundRobinResults::ranked`] iterates
//! over the players best first.
//!
//! ```
//! use twolevel_game::Currency;
//! use twolevel_strategies::{Defector, TitForTat};
//! use twolevel_tournament::{Entrant, MatchConfig, RoundRobin};
//!
//! let players = vec![
//!     Entrant::classic(Box::new(TitForTat)),
//!     Entrant::classic(Box::new(Defector)),
//! ];
//! let results = RoundRobin::new(MatchConfig::classic(200)?, players)?.play();
//!
//! let tft = results.player("Tit For Tat").expect("a player of that name");
//! assert_eq!(tft.rank(), 2);
//! assert_eq!(tft.scores()[Currency::Policy], 199.0 / 200.0);
//! assert_eq!(tft.wins().policy, 0.0);
//! let against = tft.against("Defector").expect("they met");
//! assert_eq!(Some(against.payoff.political), results.payoff_matrix(Currency::Political)[0][1]);
//! assert_eq!(against.cooperation, 1.0 / 200.0);
//!
//! for player in results.ranked() {
//!     println!("{}. {} {:.3}", player.rank(), player.name(), player.score());
//! }
//! // Per-pair payoff matrices are kept in every currency.
//! assert_eq!(results.payoff_matrix(Currency::Utility)[1][0], Some(204.0 / 200.0));
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use twolevel_game::{ByCurrency, Currency, ParameterError, Role, Strategy};
use twolevel_strategies::config::ConfigError;
use twolevel_strategies::preset::Preset;

use crate::play::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, draw_length, play_match,
};
use crate::progress::{NoProgress, Progress};
use crate::seeding::{match_rng, swapped_match_rng};

/// A player of a round robin: a display name, a strategy prototype (cloned
/// for every match) and its settings.
#[derive(Clone, Debug)]
pub struct Entrant {
    /// The name shown in results; names need not be unique.
    pub name: String,
    /// The strategy; every match plays a fresh clone.
    pub strategy: Box<dyn Strategy>,
    /// The player's orientation and visibility.
    pub settings: PlayerSettings,
    /// The player's role in an asymmetric game: [`Role::A`] takes the row
    /// payoffs, [`Role::B`] the column payoffs; `None` plays both roles
    /// equally often. Ignored in a symmetric game.
    pub role: Option<Role>,
}

impl Entrant {
    /// An entrant with the given name, strategy and settings.
    pub fn new(
        name: impl Into<String>,
        strategy: Box<dyn Strategy>,
        settings: PlayerSettings,
    ) -> Self {
        Entrant {
            name: name.into(),
            strategy,
            settings,
            role: None,
        }
    }

    /// The same entrant with a role in asymmetric games (or none).
    #[must_use]
    pub fn with_role(mut self, role: Option<Role>) -> Self {
        self.role = role;
        self
    }

    /// An entrant playing a preset (a named actor from the `strategies/`
    /// folder or [`builtin_presets`](twolevel_strategies::preset::builtin_presets)):
    /// named after it, with its strategy, political weight, visibility,
    /// patience and securitizing move, as a tournament file's
    /// `Preset("name")` player.
    ///
    /// ```
    /// use twolevel_strategies::preset::builtin_preset;
    /// use twolevel_tournament::Entrant;
    ///
    /// let preset = builtin_preset("bureaucrat")?.expect("a shipped preset");
    /// let bureaucrat = Entrant::from_preset(&preset)?;
    /// assert_eq!(bureaucrat.name, "bureaucrat");
    /// assert_eq!(bureaucrat.strategy.name(), "Diffuse Reciprocity");
    /// assert_eq!(bureaucrat.settings.orientation().political_weight(), preset.political_weight());
    /// # Ok::<(), twolevel_strategies::config::ConfigError>(())
    /// ```
    ///
    /// A validated preset always builds; the error (naming the preset as
    /// `<preset NAME>`) is there for a registry that has changed since.
    pub fn from_preset(preset: &Preset) -> Result<Self, ConfigError> {
        let origin = format!("<preset {}>", preset.name());
        let strategy = preset
            .build()
            .map_err(|e| ConfigError::strategy(&origin, "strategy", e))?;
        let settings =
            preset_settings(preset).map_err(|e| ConfigError::from_parameter(&origin, e))?;
        Ok(Entrant::new(preset.name(), strategy, settings))
    }

    /// A classic entrant (w = 0, default visibility) named after its
    /// strategy.
    pub fn classic(strategy: Box<dyn Strategy>) -> Self {
        Entrant {
            name: strategy.name().to_owned(),
            strategy,
            settings: PlayerSettings::POLICY,
            role: None,
        }
    }
}

/// The settings of a player of `preset`: its orientation, visibility,
/// patience and securitizing move.
pub(crate) fn preset_settings(preset: &Preset) -> Result<PlayerSettings, ParameterError> {
    PlayerSettings::new(preset.orientation(), preset.visibility())?
        .with_patience(preset.patience())?
        .with_securitizing(preset.securitizing())
}

/// One scheduled match: which entrant takes the row payoffs, which the
/// column payoffs, and the match's share of its pair's meetings.
#[derive(Clone, Copy, Debug)]
struct Scheduled {
    /// The pair `(i, j)` with `i <= j`.
    pair: (usize, usize),
    /// Whether `j` takes the row payoffs (the pair's second assignment).
    swapped: bool,
    repetition: u32,
    /// 1, or 1/2 when the pair plays both role assignments.
    share: f64,
    /// The repetition of an earlier match of the same pair and assignment
    /// whose result this one repeats, bit for bit: the same deterministic
    /// players in the same roles, no noise and the same length.
    /// [`RoundRobin::play`] copies that result instead of playing the match
    /// again.
    repeats: Option<u32>,
    /// Whether a later match of the pair and assignment may repeat this
    /// one (its result is then kept until the pair's matches are done).
    original: bool,
}

impl Scheduled {
    /// The entrants in the row and column roles.
    fn players(&self) -> [usize; 2] {
        let (i, j) = self.pair;
        if self.swapped { [j, i] } else { [i, j] }
    }
}

/// The matches of a round robin in the order they are played and summed:
/// by pair, then role assignment, then repetition. Made lazily, so that
/// the schedule takes no memory as repetitions grow.
struct Schedule<'t> {
    tournament: &'t RoundRobin,
    pairs: Vec<(usize, usize)>,
    /// The next pair, assignment and repetition.
    pair: usize,
    assignment: usize,
    repetition: u32,
    /// The lengths played so far in the current pair and assignment, with
    /// the repetition that played each (pairs decided by their length).
    played: Vec<(u32, u32)>,
}

impl Iterator for Schedule<'_> {
    type Item = Scheduled;

    fn next(&mut self) -> Option<Scheduled> {
        let tournament = self.tournament;
        loop {
            let &(i, j) = self.pairs.get(self.pair)?;
            let assignments = tournament.assignments(i, j);
            if self.assignment == assignments.len() {
                (self.pair, self.assignment) = (self.pair + 1, 0);
                continue;
            }
            if self.repetition == tournament.repetitions {
                (self.assignment, self.repetition) = (self.assignment + 1, 0);
                self.played.clear();
                continue;
            }
            let mut scheduled = Scheduled {
                pair: (i, j),
                swapped: assignments[self.assignment],
                repetition: self.repetition,
                share: 1.0 / assignments.len() as f64,
                repeats: None,
                original: false,
            };
            self.repetition += 1;
            if tournament.decided_by_length(i, j) {
                // A continuation horizon's length is the first draw of the
                // match RNG, so drawing it here from the match's own RNG
                // gives the length the match would have.
                let turns = draw_length(
                    tournament.config.horizon(),
                    &mut tournament.rng_of(&scheduled),
                );
                match self.played.iter().find(|&&(length, _)| length == turns) {
                    Some(&(_, repetition)) => scheduled.repeats = Some(repetition),
                    None => {
                        self.played.push((turns, scheduled.repetition));
                        scheduled.original = true;
                    }
                }
            }
            return Some(scheduled);
        }
    }
}

/// How many scheduled matches are played between two folds of their
/// records into the aggregates: enough to keep every thread busy, few
/// enough that the records of a batch take little memory (about 1 MiB).
pub(crate) const BATCH: usize = 8192;

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

/// A round-robin tournament, validated: at least one match to play and at
/// least one repetition.
#[derive(Clone, Debug)]
pub struct RoundRobin {
    config: MatchConfig,
    entrants: Vec<Entrant>,
    repetitions: u32,
    seed: u64,
    self_play: bool,
    parallel: bool,
    metric: RankingMetric,
    match_records: bool,
}

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
        if self.entrants.len() == 1 && !self.self_play {
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
        Ok(self)
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
    /// self-play), in lexicographic order.
    #[must_use]
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let n = self.entrants.len();
        (0..n)
            .flat_map(|i| {
                let first = if self.self_play { i } else { i + 1 };
                (first..n).map(move |j| (i, j))
            })
            .collect()
    }

    /// The role assignments a pair plays: `[false]` (the first entrant
    /// takes the row payoffs), `[true]` (the second does) or both.
    ///
    /// In a symmetric game the assignment changes nothing, so each pair
    /// plays once as listed. In an asymmetric game the entrants' roles
    /// decide when they determine one assignment (A and B, A and none,
    /// none and B, or the mirror images); otherwise (no roles, or the same
    /// role twice) the pair plays both assignments equally often, so that
    /// no entrant's payoffs depend on its place in the list.
    fn assignments(&self, i: usize, j: usize) -> &'static [bool] {
        if self.config.game().is_symmetric() {
            return &[false];
        }
        match (self.entrants[i].role, self.entrants[j].role) {
            (Some(Role::A), Some(Role::B) | None) | (None, Some(Role::B)) => &[false],
            (Some(Role::B), Some(Role::A) | None) | (None, Some(Role::A)) => &[true],
            _ => &[false, true],
        }
    }

    /// Whether every match between entrants `i` and `j` is decided by its
    /// length alone: both strategies are deterministic (by their
    /// [`Classifier`](twolevel_game::Classifier)) and there is no noise.
    /// Politicization dynamics and election cycles draw no random numbers,
    /// so they do not prevent it.
    fn decided_by_length(&self, i: usize, j: usize) -> bool {
        self.config.action_noise() == 0.0
            && self.config.perception_noise() == 0.0
            && [i, j]
                .iter()
                .all(|&k| !self.entrants[k].strategy.classifier().stochastic)
    }

    /// Every match to play, by pair, then role assignment, then repetition.
    ///
    /// A match of a pair [decided by its length](Self::decided_by_length)
    /// that has the length of an earlier repetition (every repetition, for
    /// a fixed horizon) is marked as repeating it.
    fn schedule(&self) -> Schedule<'_> {
        Schedule {
            tournament: self,
            pairs: self.pairs(),
            pair: 0,
            assignment: 0,
            repetition: 0,
            played: Vec::new(),
        }
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

    /// The RNG of a scheduled match: it depends on the pair and the
    /// repetition only (and on the assignment when the pair plays both),
    /// never on the thread.
    fn rng_of(&self, scheduled: &Scheduled) -> Pcg64Mcg {
        let (i, j) = scheduled.pair;
        if scheduled.swapped {
            swapped_match_rng(self.seed, i, j, scheduled.repetition)
        } else {
            match_rng(self.seed, i, j, scheduled.repetition)
        }
    }

    /// Plays one scheduled match with the given buffers.
    fn play_one(&self, scheduled: &Scheduled, buffers: &mut MatchBuffers) -> MatchRecord {
        let [row, column] = scheduled.players();
        let mut first = self.entrants[row].strategy.clone_box();
        let mut second = self.entrants[column].strategy.clone_box();
        let result = play_match(
            &self.config,
            [first.as_mut(), second.as_mut()],
            &[self.entrants[row].settings, self.entrants[column].settings],
            buffers,
            &mut self.rng_of(scheduled),
        );
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
        progress.start(self.match_count());
        let play = |scheduled: &Scheduled, buffers: &mut MatchBuffers| {
            let record = scheduled
                .repeats
                .is_none()
                .then(|| self.play_one(scheduled, buffers));
            progress.advance(1);
            record
        };
        let mut tally = Tally::new(self);
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
    /// Plays every match on the calling thread, in the order of
    /// [`RoundRobinResults::matches`], and shows each one's record and
    /// moves to `visit` as it ends: the same matches, seeds and results as
    /// [`RoundRobin::play`], for analyses that need the moves of every
    /// round (the buffers are reused, so they hold one match at a time).
    pub fn replay(&self, mut visit: impl FnMut(&MatchRecord, &MatchBuffers)) {
        let mut buffers = MatchBuffers::new();
        for scheduled in self.schedule() {
            let record = self.play_one(&scheduled, &mut buffers);
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
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        Ok(pool.install(|| self.play()))
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
pub struct Standing {
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

impl Standing {
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
/// [`RoundRobinResults::ranked`] (see the [module documentation](self)).
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
    pub standings: Vec<Standing>,
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
    /// the tournament was played [with its records](RoundRobin::with_match_records);
    /// otherwise empty.
    #[serde(default)]
    pub matches: Vec<MatchRecord>,
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
    pub fn standing(&self) -> &'r Standing {
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
struct Tally {
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

impl Tally {
    fn new(tournament: &RoundRobin) -> Self {
        let n = tournament.entrants.len();
        let repetitions = tournament.repetitions as usize;
        Tally {
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
    fn add(&mut self, record: &MatchRecord) {
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
    fn finish(self, tournament: &RoundRobin) -> RoundRobinResults {
        let n = tournament.entrants.len();
        let Tally {
            per_repetition,
            cells,
            scored_cooperations,
            scored_turns,
            total_turns,
            match_count,
            records,
            ..
        } = self;
        let standings: Vec<Standing> = (0..n)
            .map(|p| {
                let reps = &per_repetition[p];
                Standing {
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
        }
    }
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
    /// tournament was played [with its records](RoundRobin::with_match_records)).
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
    use twolevel_strategies::{Cooperator, Defector, TitForTat};

    fn classic_three() -> RoundRobin {
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
    fn with_game_keeps_every_other_setting() {
        use twolevel_game::{ElectionCycle, Politicization, Politics};
        let config = MatchConfig::classic(10)
            .and_then(|c| c.with_action_noise(0.1))
            .and_then(|c| c.with_perception_noise(0.2))
            .unwrap()
            .with_politics(Politics::Fixed(Politicization::new(0.3).unwrap()))
            .with_election(Some(ElectionCycle::new(5, 2, 0.5).unwrap()))
            .with_length_known(true);
        assert_eq!(config.with_game(*config.game()).unwrap(), config);
        let other = config
            .with_game(twolevel_game::TwoLevelGame::default())
            .unwrap();
        assert_eq!(other.game(), &twolevel_game::TwoLevelGame::default());
        assert_ne!(other, config);
        assert_eq!(other.with_game(*config.game()).unwrap(), config);
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
