//! Retaliation rules shared by several classic strategies: defecting
//! while the partner defected within a window of its last moves
//! ([`retaliate_within`]), and an escalating retaliation ([`Retaliation`]).

use twolevel_game::Action;

/// Defects when the partner defected in any of its last `window` moves (as
/// perceived), and cooperates otherwise: the retaliation rule shared by
/// Two Tits For Tat (window 2) and Hard Tit For Tat (window 3).
pub(crate) fn retaliate_within(partner: &[Action], window: usize) -> Action {
    let recent = &partner[partner.len().saturating_sub(window)..];
    if recent.contains(&Action::D) {
        Action::D
    } else {
        Action::C
    }
}

/// An escalating retaliation, shared by Shubik's and Tideman and
/// Chieruzzi's first-tournament entries: each new provocation is answered
/// with one more defection than the last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Retaliation {
    /// The length of the latest retaliation.
    length: u32,
    /// The defections still owed after this round's.
    remaining: u32,
}

impl Retaliation {
    /// Whether a retaliation is under way.
    pub(crate) fn is_active(&self) -> bool {
        self.remaining > 0
    }

    /// Serves one round of an active retaliation.
    pub(crate) fn serve(&mut self) {
        self.remaining = self.remaining.saturating_sub(1);
    }

    /// Starts a retaliation one round longer than the last one and serves
    /// its first round.
    pub(crate) fn escalate(&mut self) {
        self.length += 1;
        self.remaining = self.length - 1;
    }
}
