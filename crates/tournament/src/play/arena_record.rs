//! [`ArenaRecord`]: what a match with domestic arenas leaves behind, per
//! side and per round (domestic position, politicization, cooperation,
//! pressure) and per actor (influence share, spending, payoff).

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

/// One side's record of a match (the side's state is an entrant).
/// Records compare the positions bit for bit, so that two records with
/// no position (NaN) in the same rounds are equal.
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
}

impl PartialEq for SideRecord {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && self.has_arena == other.has_arena
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

    /// The domestic position (the weighted median) in each round, NaN
    /// where there is none (no arena, or no weight in it).
    #[must_use]
    pub fn positions(&self) -> &[f64] {
        &self.positions
    }

    /// The domestic position in round `t`, if there is one.
    #[must_use]
    pub fn position(&self, t: usize) -> Option<f64> {
        self.positions.get(t).copied().filter(|x| !x.is_nan())
    }

    /// The state's politicization `pi_i` in each round (the level the
    /// round was paid at).
    #[must_use]
    pub fn politicization(&self) -> &[f64] {
        &self.politicization
    }

    /// Whether the side cooperated in each round (as played).
    #[must_use]
    pub fn cooperation(&self) -> &[bool] {
        &self.cooperation
    }

    /// The side's share of rounds in which it cooperated (0 for an empty
    /// record).
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        if self.cooperation.is_empty() {
            0.0
        } else {
            self.cooperation.iter().filter(|&&c| c).count() as f64 / self.cooperation.len() as f64
        }
    }

    /// The lobby term in each round (what cooperating added to the
    /// government's political payoff).
    #[must_use]
    pub fn lobby(&self) -> &[f64] {
        &self.lobby
    }

    /// The media campaigns' push on `pi_i` in each round.
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

    /// Clears the record for a match of `turns` rounds of a side with
    /// `actors` actors, reserving room so that no round allocates.
    pub(super) fn start(&mut self, state: usize, has_arena: bool, actors: usize, turns: u32) {
        self.state = state;
        self.has_arena = has_arena;
        let turns = turns as usize;
        for series in [
            &mut self.positions,
            &mut self.politicization,
            &mut self.lobby,
            &mut self.pi_push,
        ] {
            series.clear();
            series.reserve(turns);
        }
        self.cooperation.clear();
        self.cooperation.reserve(turns);
        self.actors.clear();
        self.actors.resize(actors, ActorRecord::default());
    }
}

/// What the last match played by
/// [`play_arena_match`](super::play_arena_match) leaves behind: per side,
/// per-round series, and per actor, its mean influence share, spending and
/// payoff. Reuse one record across matches: it is cleared at the start of
/// each, and its buffers keep their room, so that playing does not
/// allocate once they have grown to the longest match.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ArenaRecord {
    pub(super) turns: u32,
    pub(super) sides: [SideRecord; 2],
    #[serde(skip)]
    pub(super) scratch: Scratch,
}

impl ArenaRecord {
    /// An empty record.
    #[must_use]
    pub fn new() -> Self {
        ArenaRecord::default()
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
