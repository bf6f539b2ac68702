//! Incremental counts of the partner's moves, so that strategies that
//! need totals do constant work per round: [`MoveCounts`] over the whole
//! match, [`RecentDefections`] over a window of the last moves.

use twolevel_game::Action;

/// Counts the partner's cooperations and defections incrementally, so that
/// strategies that need totals over the whole match do constant work per
/// round.
///
/// The tally remembers how many moves it has seen; if it is handed a shorter
/// history than before (a new match without a reset), it recounts from the
/// start, so it never reports stale counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MoveCounts {
    seen: usize,
    cooperations: usize,
    defections: usize,
}

impl MoveCounts {
    /// Brings the tally up to date with `moves` and returns it.
    pub(crate) fn update(&mut self, moves: &[Action]) -> &Self {
        if moves.len() < self.seen {
            *self = MoveCounts::default();
        }
        for action in &moves[self.seen..] {
            match action {
                Action::C => self.cooperations += 1,
                Action::D => self.defections += 1,
            }
        }
        self.seen = moves.len();
        self
    }

    /// The number of cooperations seen.
    pub(crate) fn cooperations(&self) -> usize {
        self.cooperations
    }

    /// The number of defections seen.
    pub(crate) fn defections(&self) -> usize {
        self.defections
    }
}

/// Counts the defections among the last `window` moves incrementally: each
/// new move enters the count and the move `window` rounds older leaves it,
/// so the work per round is constant however long the window.
///
/// The history it is handed may hold only the last moves (a windowed
/// [`View`](twolevel_game::View) holds at least the last `window`): when a move that leaves the
/// count is no longer there, it recounts the last `window` moves, which
/// the match engine's window makes rare (once per slide of the window).
/// Like [`MoveCounts`], it recounts from the start when it is handed fewer
/// rounds than before (a new match without a reset).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RecentDefections {
    seen: usize,
    defections: usize,
}

impl RecentDefections {
    /// Brings the count up to date with `moves`, the last moves of a
    /// history of `played` rounds, and returns the number of defections
    /// among the last `window` of them.
    pub(crate) fn update(&mut self, moves: &[Action], played: usize, window: usize) -> usize {
        if played < self.seen {
            *self = RecentDefections::default();
        }
        // The round of `moves[0]`.
        let offset = played - moves.len();
        // The oldest round the incremental step reads: the first new one,
        // or the first that leaves the count.
        let first_read = if self.seen.max(window) < played {
            self.seen.max(window) - window
        } else {
            self.seen
        };
        if first_read < offset {
            let recent = &moves[moves.len().saturating_sub(window)..];
            self.defections = recent.iter().filter(|a| a.is_defection()).count();
        } else {
            for index in self.seen..played {
                self.defections += usize::from(moves[index - offset].is_defection());
                if index >= window {
                    self.defections -= usize::from(moves[index - window - offset].is_defection());
                }
            }
        }
        self.seen = played;
        self.defections
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_defections_count_the_window() {
        let moves = crate::testing::parse_moves("DDCDCCDDDCDC");
        for window in [0, 1, 3, 5, 12, 20] {
            let mut recent = RecentDefections::default();
            for end in 0..=moves.len() {
                let start = end.saturating_sub(window);
                let expected = moves[start..end]
                    .iter()
                    .filter(|a| a.is_defection())
                    .count();
                assert_eq!(
                    recent.update(&moves[..end], end, window),
                    expected,
                    "window {window}, {end} moves"
                );
                // The same count from only the last `window` moves of the
                // `end` rounds, in a new count (which recounts them).
                let mut fresh = RecentDefections::default();
                assert_eq!(fresh.update(&moves[start..end], end, window), expected);
            }
            // Fewer rounds start over.
            assert_eq!(recent.update(&moves[..2], 2, window), 2.min(window));
        }
    }

    #[test]
    fn move_counts_count_incrementally_and_recounts_on_shorter_history() {
        let mut counts = MoveCounts::default();
        let moves = [Action::C, Action::D, Action::D];
        counts.update(&moves[..2]);
        assert_eq!((counts.cooperations(), counts.defections()), (1, 1));
        counts.update(&moves);
        assert_eq!((counts.cooperations(), counts.defections()), (1, 2));
        counts.update(&moves[..1]);
        assert_eq!((counts.cooperations(), counts.defections()), (1, 0));
    }
}
