//! The schedule of a round robin: every match to play, in the order the
//! matches are played and summed (by pair, then role assignment, then
//! repetition), with the matches that repeat an earlier one bit for bit.

use rand_pcg::Pcg64Mcg;
use twolevel_game::Role;

use super::RoundRobin;
use crate::play::draw_length;
use crate::seeding::{match_rng, swapped_match_rng};

/// One scheduled match: which entrant takes the row payoffs, which the
/// column payoffs, and the match's share of its pair's meetings.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scheduled {
    /// The pair `(i, j)` with `i <= j`.
    pub(super) pair: (usize, usize),
    /// Whether `j` takes the row payoffs (the pair's second assignment).
    pub(super) swapped: bool,
    pub(super) repetition: u32,
    /// 1, or 1/2 when the pair plays both role assignments.
    pub(super) share: f64,
    /// The repetition of an earlier match of the same pair and assignment
    /// whose result this one repeats, bit for bit: the same deterministic
    /// players in the same roles, no noise and the same length.
    /// [`RoundRobin::play`] copies that result instead of playing the match
    /// again.
    pub(super) repeats: Option<u32>,
    /// Whether a later match of the pair and assignment may repeat this
    /// one (its result is then kept until the pair's matches are done).
    pub(super) original: bool,
}

impl Scheduled {
    /// The entrants in the row and column roles.
    pub(super) fn players(&self) -> [usize; 2] {
        let (i, j) = self.pair;
        if self.swapped { [j, i] } else { [i, j] }
    }
}

/// The matches of a round robin in the order they are played and summed:
/// by pair, then role assignment, then repetition. Made lazily, so that
/// the schedule takes no memory as repetitions grow.
pub(super) struct Schedule<'t> {
    tournament: &'t RoundRobin,
    pairs: Vec<(usize, usize)>,
    /// The next pair, assignment and repetition.
    pub(super) pair: usize,
    assignment: usize,
    pub(super) repetition: u32,
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

impl RoundRobin {
    /// The role assignments a pair plays: `[false]` (the first entrant
    /// takes the row payoffs), `[true]` (the second does) or both.
    ///
    /// In a symmetric game the assignment changes nothing, so each pair
    /// plays once as listed. In an asymmetric game the entrants' roles
    /// decide when they determine one assignment (A and B, A and none,
    /// none and B, or the mirror images); otherwise (no roles, or the same
    /// role twice) the pair plays both assignments equally often, so that
    /// no entrant's payoffs depend on its place in the list.
    pub(super) fn assignments(&self, i: usize, j: usize) -> &'static [bool] {
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
    /// so they do not prevent it. A tournament with arenas plays every
    /// match, for its arena record.
    pub(super) fn decided_by_length(&self, i: usize, j: usize) -> bool {
        // With arenas every match is played: its arena record is summed.
        self.domestic.is_none()
            && self.config.action_noise() == 0.0
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
    pub(super) fn schedule(&self) -> Schedule<'_> {
        Schedule {
            tournament: self,
            pairs: self.pairs(),
            pair: 0,
            assignment: 0,
            repetition: 0,
            played: Vec::new(),
        }
    }

    /// The RNG of a scheduled match: it depends on the pair and the
    /// repetition only (and on the assignment when the pair plays both),
    /// never on the thread.
    pub(super) fn rng_of(&self, scheduled: &Scheduled) -> Pcg64Mcg {
        let (i, j) = scheduled.pair;
        if scheduled.swapped {
            swapped_match_rng(self.seed, i, j, scheduled.repetition)
        } else {
            match_rng(self.seed, i, j, scheduled.repetition)
        }
    }
}
