//! [`MatchBuffers`]: the histories a match keeps, every move or a
//! [`Window`] of the last moves of players of bounded memory depth.

use twolevel_game::{Action, Classifier, Strategy};

/// Reusable histories for [`play_match`](super::play_match), so that playing many matches does
/// not allocate once the buffers have grown to the longest match.
///
/// Buffers made by [`MatchBuffers::new`] keep every move of a match; read
/// them afterwards with [`MatchBuffers::moves`] or
/// [`MatchBuffers::move_string`]. Buffers made by
/// [`MatchBuffers::without_moves`], for callers that read only the
/// results, keep a match between two strategies of bounded
/// [memory depth](twolevel_game::Classifier::memory_depth) in a window of
/// its last moves, so that the match takes the same memory however long it
/// is; the results are bit-identical.
#[derive(Clone, Debug, Default)]
pub struct MatchBuffers {
    /// Each player's moves as played.
    pub(crate) moves: [Vec<Action>; 2],
    /// `perceived[k]`: player `k`'s partner's moves as player `k` saw them.
    /// Used only under perception noise.
    pub(super) perceived: [Vec<Action>; 2],
    /// Whether a match may keep only a window of its moves.
    pub(super) windowed: bool,
    /// Whether the last match kept every move (it did unless `windowed`
    /// buffers played it in a window).
    pub(super) complete: bool,
}

/// The shortest window a match of bounded memory depth keeps: a window of
/// twice the depth would slide too often for short depths.
pub const MIN_WINDOW: usize = 4096;

/// How much of each history a match keeps: buffers of `capacity` moves;
/// when they are full, their last `keep` moves move to the front. With
/// `capacity` the match length they never fill up, and every move is
/// kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// The most moves a history holds.
    pub(crate) capacity: usize,
    /// The moves kept when the window slides: the memory depth.
    pub(super) keep: usize,
}

impl Window {
    /// The window of a match of `turns` rounds whose players read at most
    /// the last `memory_depth` moves: `max(2 * depth, MIN_WINDOW)` moves, or
    /// every move when that is no shorter than the match or the depth is
    /// unbounded. Each slide copies `depth` moves and frees at least as many
    /// places, so keeping the window costs at most one copied move per
    /// round.
    pub(crate) fn new(turns: u32, memory_depth: Option<u32>) -> Self {
        let turns = turns as usize;
        match memory_depth {
            Some(depth) => {
                let keep = depth as usize;
                let capacity = keep.saturating_mul(2).max(MIN_WINDOW);
                if capacity < turns {
                    Window { capacity, keep }
                } else {
                    Window::whole(turns)
                }
            }
            None => Window::whole(turns),
        }
    }

    /// The window that keeps every move of a match of `turns` rounds.
    const fn whole(turns: usize) -> Self {
        Window {
            capacity: turns,
            keep: turns,
        }
    }

    /// Whether the window keeps every move.
    pub(super) const fn is_whole(&self) -> bool {
        self.keep == self.capacity
    }

    /// Moves the last [`Window::keep`] moves of a full history to its front,
    /// returning the history's new length.
    #[inline]
    pub(super) fn slide(&self, history: &mut [Action]) -> usize {
        history.copy_within(history.len() - self.keep.., 0);
        self.keep
    }
}

impl MatchBuffers {
    /// Empty buffers that keep every move of a match.
    #[must_use]
    pub fn new() -> Self {
        MatchBuffers::default()
    }

    /// Empty buffers for callers that do not read the moves: a match
    /// between two strategies of bounded memory depth `k` keeps only a
    /// window of its last moves (`max(2k, MIN_WINDOW)` per history), so
    /// its memory does not grow with its length. [`MatchBuffers::moves`]
    /// then holds only the last moves; [`MatchBuffers::holds_every_move`]
    /// tells.
    #[must_use]
    pub fn without_moves() -> Self {
        MatchBuffers {
            windowed: true,
            ..MatchBuffers::default()
        }
    }

    /// Whether the buffers hold every move of the last match (always, for
    /// buffers made by [`MatchBuffers::new`]).
    #[must_use]
    pub const fn holds_every_move(&self) -> bool {
        !self.windowed || self.complete
    }

    /// Player `k`'s moves in the last match, as played: every move, or
    /// the last ones when [`MatchBuffers::holds_every_move`] is false.
    ///
    /// # Panics
    ///
    /// Panics if `k` is not 0 or 1.
    #[must_use]
    pub fn moves(&self, k: usize) -> &[Action] {
        &self.moves[k]
    }

    /// Player `k`'s moves in the last match as a string of `C` and `D`
    /// (the last ones only when [`MatchBuffers::holds_every_move`] is
    /// false).
    ///
    /// # Panics
    ///
    /// Panics if `k` is not 0 or 1.
    #[must_use]
    pub fn move_string(&self, k: usize) -> String {
        self.moves[k].iter().map(|a| a.to_string()).collect()
    }

    /// The window of a match of `turns` rounds between `players`: the
    /// deeper of their memory depths with buffers that allow it, every
    /// move otherwise.
    pub(super) fn window(&self, players: &[&mut dyn Strategy; 2], turns: u32) -> Window {
        if self.windowed {
            let [first, second] = players.each_ref().map(|p| p.classifier().memory_depth);
            Window::new(turns, Classifier::deeper_memory(first, second))
        } else {
            Window::new(turns, None)
        }
    }

    /// Clears the histories for a match kept in `window`, reserving its
    /// capacity (the perceived moves only under perception noise).
    pub(crate) fn prepare(&mut self, window: Window, perception: bool) {
        self.complete = window.is_whole();
        for history in self.moves.iter_mut() {
            history.clear();
            history.reserve(window.capacity);
        }
        for history in self.perceived.iter_mut() {
            history.clear();
            if perception {
                history.reserve(window.capacity);
            }
        }
    }
}
