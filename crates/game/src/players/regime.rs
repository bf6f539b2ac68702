//! The [`RegimeStrategy`] trait: a player of an iterated N-state regime,
//! and its [`RegimeView`] of the whole action profile history.
//!
//! Strategies in a regime "see who did what" (`docs/regimes.md`), but a
//! state cannot punish one member of a public good without punishing all:
//! whatever it reads, it answers with one action towards the whole group.
//!
//! The trait is object-safe (tournaments hold `Box<dyn RegimeStrategy>`),
//! takes the caller's RNG and is handed borrowed slices, so a turn needs no
//! allocation.

use rand_core::Rng;

use super::pairwise::Classifier;
use super::{CloneBoxed, RegimeKind};
use crate::action::Action;

/// A read-only view of an iterated regime from one state's side, at the
/// start of a round.
#[derive(Clone, Copy, Debug)]
pub struct RegimeView<'a> {
    /// This state's position in the group, in `0..size`.
    pub me: usize,
    /// The group size `N`.
    pub size: usize,
    /// Every past round's action profile, round after round: round `t`'s
    /// profile is `history[t * size..(t + 1) * size]` (actions as played,
    /// after any action noise, and as this state perceived the others'
    /// under perception noise; its own actions are always true).
    pub history: &'a [Action],
    /// The number of cooperators in each past round (as perceived, like
    /// `history`).
    pub cooperators: &'a [u32],
    /// The number of cooperators the regime needs to succeed, `M`.
    pub threshold: u32,
    /// This state's own politicization `pi_i` in [0, 1].
    pub politicization: f64,
    /// This state's effective political weight `w_eff` this round.
    pub political_weight: f64,
    /// The horizon's continuation probability for this round (`delta`, or
    /// `1 - 1/T` for a fixed horizon of `T` rounds).
    pub discount: f64,
    /// The utility this state received in the previous round; `None` in
    /// the first round.
    pub last_utility: Option<f64>,
    /// The rounds left before the next election, this one included; `None`
    /// without an election cycle.
    pub rounds_to_election: Option<u32>,
    /// Whether this round is in an election campaign (its `w_eff` and
    /// discount already include the campaign's effect).
    pub campaign: bool,
}

impl<'a> RegimeView<'a> {
    /// A view of the first round of a group of `size` with threshold
    /// `threshold`: no history, no politicization, weight 0, discount
    /// `1 - 1/200`.
    #[must_use]
    pub const fn first_round(me: usize, size: usize, threshold: u32) -> Self {
        RegimeView {
            me,
            size,
            history: &[],
            cooperators: &[],
            threshold,
            politicization: 0.0,
            political_weight: 0.0,
            discount: 1.0 - 1.0 / 200.0,
            last_utility: None,
            rounds_to_election: None,
            campaign: false,
        }
    }

    /// The number of rounds already played.
    #[inline]
    #[must_use]
    pub fn turn(&self) -> usize {
        self.cooperators.len()
    }

    /// The action profile of past round `round`, if it was played.
    #[inline]
    #[must_use]
    pub fn profile(&self, round: usize) -> Option<&'a [Action]> {
        let start = round.checked_mul(self.size)?;
        self.history.get(start..start + self.size)
    }

    /// The last round's action profile, if any.
    #[inline]
    #[must_use]
    pub fn last_profile(&self) -> Option<&'a [Action]> {
        self.turn().checked_sub(1).and_then(|t| self.profile(t))
    }

    /// This state's own last action, if any.
    #[inline]
    #[must_use]
    pub fn own_last(&self) -> Option<Action> {
        self.last_profile().map(|profile| profile[self.me])
    }

    /// How many of the others cooperated in the last round, if any.
    #[inline]
    #[must_use]
    pub fn others_cooperating_last(&self) -> Option<u32> {
        self.others_cooperating(self.turn().checked_sub(1)?)
    }

    /// This state's own action in past round `round`, if that round's
    /// profile is in the history (read directly, without building the
    /// profile slice).
    #[inline]
    #[must_use]
    pub fn own_action(&self, round: usize) -> Option<Action> {
        let start = round.checked_mul(self.size)?;
        if start.checked_add(self.size)? <= self.history.len() {
            Some(self.history[start + self.me])
        } else {
            None
        }
    }

    /// How many of the others cooperated in past round `round`, if it was
    /// played.
    #[inline]
    #[must_use]
    pub fn others_cooperating(&self, round: usize) -> Option<u32> {
        let own = u32::from(self.own_action(round)?.is_cooperation());
        Some(self.cooperators[round] - own)
    }

    /// The number of other states, `N - 1`.
    #[inline]
    #[must_use]
    pub fn others(&self) -> usize {
        self.size - 1
    }
}

/// A player of an iterated regime.
///
/// A move depends only on the [`RegimeView`] and the RNG it is given, plus
/// state built from earlier views; [`RegimeStrategy::reset`] returns the
/// strategy to its state before the first round. Implementors derive
/// `Clone`; [`CloneBoxed`] then comes for free.
pub trait RegimeStrategy: CloneBoxed<RegimeKind> + Send + Sync {
    /// The strategy's display name.
    fn name(&self) -> &str;

    /// What the strategy uses; see [`Classifier`].
    fn classifier(&self) -> Classifier;

    /// Chooses this round's action towards the whole group.
    fn decide(&mut self, view: &RegimeView<'_>, rng: &mut dyn Rng) -> Action;

    /// Forgets everything learned in a regime.
    fn reset(&mut self);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_reads_the_profile_history() {
        let history = [
            Action::C,
            Action::D,
            Action::C,
            Action::D,
            Action::D,
            Action::C,
        ];
        let view = RegimeView {
            history: &history,
            cooperators: &[2, 1],
            ..RegimeView::first_round(1, 3, 2)
        };
        assert_eq!(view.turn(), 2);
        assert_eq!(view.profile(0), Some(&history[..3]));
        assert_eq!(view.profile(2), None);
        assert_eq!(view.own_last(), Some(Action::D));
        assert_eq!(view.others_cooperating_last(), Some(1));
        assert_eq!(view.own_action(0), Some(Action::D));
        assert_eq!(view.own_action(2), None);
        assert_eq!(view.others_cooperating(0), Some(2));
        let first = RegimeView::first_round(0, 3, 2);
        assert_eq!(first.last_profile(), None);
        assert_eq!(first.others_cooperating_last(), None);
    }
}
