//! The [`SocietyRule`] trait: an action rule of a society of states
//! (`docs/society.md`), how a donor met at random decides whether to
//! help a recipient it may never meet again; the [`DonorView`] the society
//! engine builds for it, and the [`StandingTable`] of a rule that reads
//! standings only.
//!
//! A rule is a player: the society engine of `twolevel-tournament` only
//! builds a [`DonorView`] (what the donor knows: the recipient's standing in
//! its eyes, its own standing, what it last received, its ledger with the
//! society) and applies the action. The trait is object safe and takes the
//! caller's RNG, as [`Strategy`](super::Strategy) does; the rules
//! themselves live in `twolevel_strategies::society`.
//!
//! One population of rule objects serves a whole society: the engine holds
//! one rule object per *kind* of state (all discriminators share one), so a
//! rule that remembers something per state keys it by the state's index.

use rand_core::Rng;

use super::{CloneBoxed, SocietyKind};
use crate::action::Action;
use crate::norms::Standing;

/// What a donor knows when it decides, built by the society engine for
/// each interaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DonorView {
    /// The donor's index in the society.
    pub donor: u32,
    /// The recipient's index in the society.
    pub recipient: u32,
    /// The recipient's standing as the donor sees it: the institution's
    /// under public assessment, the donor's own image of it under private
    /// assessment.
    pub recipient_standing: Standing,
    /// The donor's own standing, seen the same way.
    pub own_standing: Standing,
    /// The action the donor last received as a recipient, `None` before
    /// it received anything.
    pub last_received: Option<Action>,
    /// How many times the donor cooperated as a donor (executed actions).
    pub cooperations_given: u64,
    /// How many times the donor was helped as a recipient.
    pub cooperations_received: u64,
}

/// A rule's intended action for each (own standing, recipient standing),
/// indexed by `[own as usize][recipient as usize]` (`Standing::Good` is 0);
/// see [`SocietyRule::standing_table`].
pub type StandingTable = [[Action; 2]; 2];

/// The table of a rule given as a function of (own standing, recipient
/// standing).
#[must_use]
pub fn standing_table(rule: impl Fn(Standing, Standing) -> Action) -> StandingTable {
    const STANDINGS: [Standing; 2] = [Standing::Good, Standing::Bad];
    STANDINGS.map(|own| STANDINGS.map(|recipient| rule(own, recipient)))
}

/// An action rule of a society of states; see the [module
/// documentation](self).
///
/// Implementors derive (or implement) `Clone`; the supertrait
/// [`CloneBoxed`] then gives them [`CloneBoxed::clone_box`] for free.
pub trait SocietyRule: CloneBoxed<SocietyKind> + Send {
    /// The rule's display name.
    fn name(&self) -> &str;

    /// The action the donor intends (an execution error may still turn an
    /// intended C into D).
    fn decide(&mut self, view: &DonorView, rng: &mut dyn Rng) -> Action;

    /// Tells the rule that `recipient`, one of the states following it,
    /// received `action` from `donor`. The default ignores it (the engine
    /// keeps the last action received and the ledger for every state).
    fn received(&mut self, recipient: u32, donor: u32, action: Action) {
        let _ = (recipient, donor, action);
    }

    /// The rule as a table of intended actions indexed by `[own standing
    /// as usize][recipient standing as usize]`, if the rule depends on
    /// these two standings only and draws nothing (the discriminator, the
    /// unconditional rules, a norm's action rule). The society engine then
    /// decides by a table lookup instead of calling
    /// [`decide`](SocietyRule::decide), and does not call
    /// [`received`](SocietyRule::received) for the rule's states: a rule
    /// that returns a table promises that `decide` gives the table's
    /// action whatever else the view holds. The default is `None`: the
    /// engine calls `decide` and `received`.
    fn standing_table(&self) -> Option<StandingTable> {
        None
    }

    /// Whether the closed-form standing dynamics of `docs/society.md` (the
    /// exact good-count chain of a finite population of discriminators and
    /// its large-population fixed point g*) describe a society whose states
    /// all follow this rule, so that a sweep may show them beside its
    /// simulation. A rule declares it; nothing compares names or tables
    /// (another rule with the discriminator's table, such as a norm's
    /// action rule, is not anchored). The default is `false`; the
    /// discriminator says `true`.
    fn discriminator_anchor(&self) -> bool {
        false
    }

    /// The bytes the rule keeps for each distinct (state, partner) pair
    /// it is told of through [`received`](SocietyRule::received), at most:
    /// what a run's memory estimate counts for a rule whose memory grows
    /// with the encounters. The default is 0 (a rule whose memory does not
    /// grow).
    fn bytes_per_pair(&self) -> usize {
        0
    }

    /// Forgets everything remembered, as at the start of a run.
    fn reset(&mut self) {}
}
