//! [`ArenaRecord`]: what a match with domestic arenas leaves behind, per
//! side (summaries of the whole match, [`SideSummary`], and per-round
//! series of the domestic position, politicization, cooperation and
//! pressure, every round or sampled) and per actor (influence share,
//! spending, payoff).
//!
//! ## Memory
//!
//! The summaries and the actors' totals are summed while the match is
//! played, so they take the same room for a match of any length. The
//! per-round series take about 33 bytes a kept round and side: every
//! round by default ([`ArenaRecord::new`]), every `k`-th round with
//! [`ArenaRecord::with_series_every`] (`k = 0`: none), so a long match
//! can be recorded in bounded memory.

use serde::Serialize;

use super::arena_scratch::Scratch;

/// What one actor did over a match.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ActorRecord {
    /// The actor's mean influence share over the rounds, `w_k / D_i`
    /// (its pooled weight over all the weight engaged in its arena; 0 in
    /// rounds where no weight is engaged).
    pub mean_share: f64,
    /// What it spent of its budget (0 without a budget).
    pub spent: f64,
    /// Its total payoff, `sum_t s_k (coop_share_t - 1/2)(2 x_k - 1)`
    /// minus what it spent.
    pub payoff: f64,
}

/// What one side's arena did over a whole match, summed round by round
/// whether or not the per-round series are kept.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct SideSummary {
    /// The rounds played.
    pub rounds: u32,
    /// The rounds in which the side cooperated (as played).
    pub cooperations: u32,
    /// The rounds with a domestic position (an arena with weight in it).
    pub positioned_rounds: u32,
    /// The sum of the domestic positions over those rounds.
    pub position_sum: f64,
    /// The sum of the state's politicization `pi_i` over the rounds (the
    /// levels the rounds were paid at).
    pub politicization_sum: f64,
    /// The sum of the lobby terms over the rounds.
    pub lobby_sum: f64,
    /// The sum of the media campaigns' pushes on `pi_i` over the rounds.
    pub pi_push_sum: f64,
    /// The domestic position in the last round, NaN if it had none (or
    /// the match no round).
    pub last_position: f64,
    /// The politicization `pi_i` in the last round (the level it was paid
    /// at), NaN if the match had no round.
    pub last_politicization: f64,
}

impl Default for SideSummary {
    fn default() -> Self {
        SideSummary {
            rounds: 0,
            cooperations: 0,
            positioned_rounds: 0,
            position_sum: 0.0,
            politicization_sum: 0.0,
            lobby_sum: 0.0,
            pi_push_sum: 0.0,
            last_position: f64::NAN,
            last_politicization: f64::NAN,
        }
    }
}

impl PartialEq for SideSummary {
    /// Summaries compare bit for bit, so that two with no last position
    /// (NaN) are equal.
    fn eq(&self, other: &Self) -> bool {
        let bits = |s: &SideSummary| {
            [
                s.position_sum,
                s.politicization_sum,
                s.lobby_sum,
                s.pi_push_sum,
                s.last_position,
                s.last_politicization,
            ]
            .map(f64::to_bits)
        };
        (self.rounds, self.cooperations, self.positioned_rounds)
            == (other.rounds, other.cooperations, other.positioned_rounds)
            && bits(self) == bits(other)
    }
}

impl SideSummary {
    /// Adds one round: its domestic position (NaN if none), the level it
    /// was paid at, whether the side cooperated, its lobby term and media
    /// push.
    #[inline(always)]
    pub(super) fn add(&mut self, position: f64, pi: f64, cooperated: bool, lobby: f64, push: f64) {
        self.add_pressure(position, lobby, push);
        self.count(1, u32::from(cooperated), pi, Some(pi));
    }

    /// Adds one round's domestic position (NaN if none), lobby term and
    /// media push, for a loop that counts its rounds, cooperations and
    /// levels once at its end ([`SideSummary::count`]).
    #[inline(always)]
    pub(super) fn add_pressure(&mut self, position: f64, lobby: f64, push: f64) {
        if !position.is_nan() {
            self.positioned_rounds += 1;
            self.position_sum += position;
        }
        self.lobby_sum += lobby;
        self.pi_push_sum += push;
        self.last_position = position;
    }

    /// Adds `rounds` rounds with `cooperations` cooperations whose levels
    /// sum to `politicization_sum`, the last at `last_politicization`
    /// (none for no round).
    #[inline(always)]
    pub(super) fn count(
        &mut self,
        rounds: u32,
        cooperations: u32,
        politicization_sum: f64,
        last_politicization: Option<f64>,
    ) {
        self.rounds += rounds;
        self.cooperations += cooperations;
        self.politicization_sum += politicization_sum;
        if let Some(pi) = last_politicization {
            self.last_politicization = pi;
        }
    }

    /// The mean of `sum` over `count` rounds, `None` for none.
    fn mean(sum: f64, count: u32) -> Option<f64> {
        (count > 0).then(|| sum / f64::from(count))
    }

    /// The mean domestic position over the rounds that had one.
    #[must_use]
    pub fn mean_position(&self) -> Option<f64> {
        SideSummary::mean(self.position_sum, self.positioned_rounds)
    }

    /// The mean politicization over the rounds.
    #[must_use]
    pub fn mean_politicization(&self) -> Option<f64> {
        SideSummary::mean(self.politicization_sum, self.rounds)
    }

    /// The mean lobby term over the rounds.
    #[must_use]
    pub fn mean_lobby(&self) -> Option<f64> {
        SideSummary::mean(self.lobby_sum, self.rounds)
    }

    /// The mean media push over the rounds.
    #[must_use]
    pub fn mean_pi_push(&self) -> Option<f64> {
        SideSummary::mean(self.pi_push_sum, self.rounds)
    }
}

/// One side's record of a match (the side's state is an entrant).
/// Records compare the positions bit for bit, so that two records with
/// no position (NaN) in the same rounds are equal.
///
/// The per-round series hold the rounds the record keeps (see
/// [`ArenaRecord::with_series_every`]): every round by default, round
/// `j * k` at index `j` when sampled every `k`-th round, none with
/// `k = 0`. The [summary](SideRecord::summary) always covers every round.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SideRecord {
    pub(super) state: usize,
    pub(super) has_arena: bool,
    pub(super) positions: Vec<f64>,
    pub(super) politicization: Vec<f64>,
    pub(super) cooperation: Vec<bool>,
    pub(super) lobby: Vec<f64>,
    pub(super) pi_push: Vec<f64>,
    pub(super) actors: Vec<ActorRecord>,
    pub(super) summary: SideSummary,
}

impl PartialEq for SideRecord {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && self.has_arena == other.has_arena
            && self.summary == other.summary
            && self.positions.len() == other.positions.len()
            && self
                .positions
                .iter()
                .zip(&other.positions)
                .all(|(a, b)| a.to_bits() == b.to_bits())
            && self.politicization == other.politicization
            && self.cooperation == other.cooperation
            && self.lobby == other.lobby
            && self.pi_push == other.pi_push
            && self.actors == other.actors
    }
}

impl SideRecord {
    /// The side's state (entrant index).
    #[must_use]
    pub const fn state(&self) -> usize {
        self.state
    }

    /// Whether the side's state has an arena.
    #[must_use]
    pub const fn has_arena(&self) -> bool {
        self.has_arena
    }

    /// The domestic position (the weighted median) in each kept round,
    /// NaN where there is none (no arena, or no weight in it).
    #[must_use]
    pub fn positions(&self) -> &[f64] {
        &self.positions
    }

    /// The domestic position at index `t` of the series (round `t` when
    /// every round is kept), if there is one.
    #[must_use]
    pub fn position(&self, t: usize) -> Option<f64> {
        self.positions.get(t).copied().filter(|x| !x.is_nan())
    }

    /// The state's politicization `pi_i` in each kept round (the level the
    /// round was paid at).
    #[must_use]
    pub fn politicization(&self) -> &[f64] {
        &self.politicization
    }

    /// Whether the side cooperated in each kept round (as played).
    #[must_use]
    pub fn cooperation(&self) -> &[bool] {
        &self.cooperation
    }

    /// The side's share of rounds in which it cooperated, over every
    /// round of the match (0 for a match without rounds).
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        let summary = &self.summary;
        if summary.rounds == 0 {
            0.0
        } else {
            f64::from(summary.cooperations) / f64::from(summary.rounds)
        }
    }

    /// What the side's arena did over every round of the match.
    #[must_use]
    pub const fn summary(&self) -> &SideSummary {
        &self.summary
    }

    /// The lobby term in each kept round (what cooperating added to the
    /// government's political payoff).
    #[must_use]
    pub fn lobby(&self) -> &[f64] {
        &self.lobby
    }

    /// The media campaigns' push on `pi_i` in each kept round.
    #[must_use]
    pub fn pi_push(&self) -> &[f64] {
        &self.pi_push
    }

    /// Each actor of the side's arena, in the arena's order (empty without
    /// an arena).
    #[must_use]
    pub fn actors(&self) -> &[ActorRecord] {
        &self.actors
    }

    /// Clears the record for a match of a side with `actors` actors that
    /// keeps `kept` rounds in its series, sizing the series so that a
    /// round writes its place without growing them. A series already of
    /// that length is not cleared: every match writes each of its `kept`
    /// places (checked in debug builds when the match is settled).
    pub(super) fn start(&mut self, state: usize, has_arena: bool, actors: usize, kept: u32) {
        self.state = state;
        self.has_arena = has_arena;
        self.summary = SideSummary::default();
        let kept = kept as usize;
        for series in [
            &mut self.positions,
            &mut self.politicization,
            &mut self.lobby,
            &mut self.pi_push,
        ] {
            series.resize(kept, 0.0);
        }
        self.cooperation.resize(kept, false);
        self.actors.clear();
        self.actors.resize(actors, ActorRecord::default());
    }

    /// Adds a round to the summary, and to the series at index `sample`
    /// if they keep it (sized by [`SideRecord::start`]: written in place,
    /// cheaper than five pushes).
    #[inline(always)]
    pub(super) fn add(
        &mut self,
        sample: Option<usize>,
        position: f64,
        pi: f64,
        cooperated: bool,
        lobby: f64,
        push: f64,
    ) {
        self.summary.add(position, pi, cooperated, lobby, push);
        self.series()
            .keep(sample, position, pi, cooperated, lobby, push);
    }

    /// The side's per-round series, for a match's loop.
    #[inline(always)]
    pub(super) fn series(&mut self) -> SeriesWriter<'_> {
        let kept = self
            .positions
            .len()
            .min(self.politicization.len())
            .min(self.cooperation.len())
            .min(self.lobby.len())
            .min(self.pi_push.len());
        SeriesWriter {
            positions: &mut self.positions[..kept],
            politicization: &mut self.politicization[..kept],
            cooperation: &mut self.cooperation[..kept],
            lobby: &mut self.lobby[..kept],
            pi_push: &mut self.pi_push[..kept],
        }
    }
}

/// A side's per-round series cut to one length, the rounds they keep: a
/// round's place is tested once for the five of them.
pub(super) struct SeriesWriter<'a> {
    positions: &'a mut [f64],
    politicization: &'a mut [f64],
    cooperation: &'a mut [bool],
    lobby: &'a mut [f64],
    pi_push: &'a mut [f64],
}

impl SeriesWriter<'_> {
    /// Writes a round into the series at index `sample` if they keep it
    /// (its summary is added by the caller).
    #[inline(always)]
    pub(super) fn keep(
        &mut self,
        sample: Option<usize>,
        position: f64,
        pi: f64,
        cooperated: bool,
        lobby: f64,
        push: f64,
    ) {
        if let Some(j) = sample
            && j < self.positions.len()
        {
            self.positions[j] = position;
            self.politicization[j] = pi;
            self.cooperation[j] = cooperated;
            self.lobby[j] = lobby;
            self.pi_push[j] = push;
        }
    }
}

/// What the last match played by
/// [`play_arena_match`](super::play_arena_match) leaves behind: per side,
/// a summary of every round and per-round series (every round, sampled,
/// or none: [`ArenaRecord::with_series_every`]), and per actor, its mean
/// influence share, spending and payoff. Reuse one record across matches:
/// it is cleared at the start of each, and its buffers keep their room,
/// so that playing does not allocate once they have grown to the longest
/// match.
#[derive(Clone, Debug, Serialize)]
pub struct ArenaRecord {
    pub(super) turns: u32,
    /// The series keep every `series_every`-th round (none for 0).
    pub(super) series_every: u32,
    pub(super) sides: [SideRecord; 2],
    #[serde(skip)]
    pub(super) scratch: Scratch,
}

impl Default for ArenaRecord {
    fn default() -> Self {
        ArenaRecord {
            turns: 0,
            series_every: 1,
            sides: Default::default(),
            scratch: Scratch::default(),
        }
    }
}

impl ArenaRecord {
    /// An empty record that keeps every round in its series.
    #[must_use]
    pub fn new() -> Self {
        ArenaRecord::default()
    }

    /// The record keeping every `every`-th round in its per-round series
    /// (rounds 0, `every`, `2 every`, ..), or none for `every = 0`; the
    /// summaries and the actors' totals cover every round either way.
    /// A match of `T` rounds then keeps `ceil(T / every)` rounds a side,
    /// so a long match can be recorded in bounded memory.
    ///
    /// ```
    /// use twolevel_tournament::ArenaRecord;
    ///
    /// let record = ArenaRecord::new().with_series_every(10);
    /// assert_eq!(record.series_every(), 10);
    /// assert_eq!(record.kept_rounds(95), 10);
    /// assert_eq!(ArenaRecord::new().with_series_every(0).kept_rounds(95), 0);
    /// ```
    #[must_use]
    pub fn with_series_every(mut self, every: u32) -> Self {
        self.series_every = every;
        self
    }

    /// Every how many rounds the series keep one (0: none, 1: every round).
    #[must_use]
    pub const fn series_every(&self) -> u32 {
        self.series_every
    }

    /// How many rounds of a match of `turns` rounds the series keep.
    #[must_use]
    pub const fn kept_rounds(&self, turns: u32) -> u32 {
        match self.series_every {
            0 => 0,
            every => turns.div_ceil(every),
        }
    }

    /// The number of rounds of the last match.
    #[must_use]
    pub const fn turns(&self) -> u32 {
        self.turns
    }

    /// Side `k`'s record (0 or 1, in the order the players were given).
    ///
    /// # Panics
    ///
    /// Panics if `k` is not 0 or 1.
    #[must_use]
    pub fn side(&self, k: usize) -> &SideRecord {
        &self.sides[k]
    }

    /// Both sides' records.
    #[must_use]
    pub const fn sides(&self) -> &[SideRecord; 2] {
        &self.sides
    }
}

impl PartialEq for ArenaRecord {
    /// Records are equal when what they recorded is (the scratch space is
    /// not compared).
    fn eq(&self, other: &Self) -> bool {
        self.turns == other.turns && self.sides == other.sides
    }
}
