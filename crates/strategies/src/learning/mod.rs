//! Learners: strategies that adapt to the utilities they receive, in their
//! own currency (their own blended payoffs), so that the political weight,
//! politicization, elections and patience change what they learn and
//! therefore how they move (`docs/strategies.md`, "Strategies that answer
//! the two levels"). One strategy per file, re-exported at the crate root.
//!
//! - [`BushMosteller`]: aspiration learning (Bush and Mosteller 1955, in the
//!   form of Macy and Flache 2002).
//! - [`RothErev`]: reinforcement of propensities with forgetting and
//!   experimentation (Erev and Roth 1998).
//! - [`FictitiousPlay`]: best response to the partner's empirical answers
//!   to its own moves, valued with its own discount factor (Brown 1951).
//! - [`QLearner`]: memory-one Q-learning (Sandholm and Crites 1996),
//!   discounting with its own discount factor.
//!
//! Every learner does a constant amount of work per round and allocates
//! nothing: it keeps counters and fixed-size tables, updated from the
//! previous round only.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, PayoffMatrix, View};

use crate::draw::random_choice;

pub(crate) mod bush_mosteller;
pub(crate) mod fictitious_play;
pub(crate) mod q_learner;
pub(crate) mod roth_erev;

pub use bush_mosteller::BushMosteller;
pub use fictitious_play::FictitiousPlay;
pub use q_learner::QLearner;
pub use roth_erev::RothErev;

/// The previous round as a learner sees it at the start of the next one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PreviousRound {
    /// The learner's own move, as played.
    pub(crate) own: Action,
    /// The partner's move, as perceived.
    pub(crate) partner: Action,
    /// The utility the learner received ([`Situation::last_utility`](twolevel_game::Situation::last_utility)).
    pub(crate) utility: f64,
    /// The learner's own blended matrix in that round.
    pub(crate) payoffs: PayoffMatrix,
    /// The learner's own discount factor in that round.
    pub(crate) discount: f64,
}

/// What a learner remembers of the round it last moved in: its own blended
/// matrix and discount factor then, which value the utility it is told at
/// the start of the next round.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct RoundMemory {
    /// The payoffs and discount of the last round it moved in; `None`
    /// before its first move.
    last: Option<(PayoffMatrix, f64)>,
}

impl RoundMemory {
    /// The previous round (`None` in the first round), remembering this
    /// round's payoffs and discount for the next call.
    ///
    /// The utility is [`Situation::last_utility`](twolevel_game::Situation::last_utility); a view that does not carry it
    /// (a hand-built view after the first round) falls back to the
    /// remembered matrix's entry for the own move and the perceived
    /// partner move, which is the same number without perception noise.
    pub(crate) fn advance(&mut self, view: &View<'_>) -> Option<PreviousRound> {
        let previous = match (self.last, view.own_last(), view.partner_last()) {
            (Some((payoffs, discount)), Some(own), Some(partner)) => Some(PreviousRound {
                own,
                partner,
                utility: view
                    .last_utility
                    .unwrap_or_else(|| payoffs.payoff(own, partner)),
                payoffs,
                discount,
            }),
            _ => None,
        };
        self.last = Some((view.payoffs, view.discount));
        previous
    }
}

/// The classifier of a learner that draws its moves from a probability it
/// learns from its utilities: unbounded memory, stochastic, reading
/// payoffs that depend on politicization.
pub(crate) const DRAWING_LEARNER: Classifier = Classifier {
    uses_politicization: true,
    ..Classifier::stochastic(None)
};

/// A learner that cooperates with a probability it updates after every
/// round from the utility it received.
pub(crate) trait DrawingLearner {
    /// What it remembers of the round it last moved in.
    fn memory(&mut self) -> &mut RoundMemory;

    /// Updates its state after a round.
    fn learn(&mut self, round: &PreviousRound);

    /// Its current probability of cooperating.
    fn probability(&self) -> f64;

    /// Learns from the previous round, if any, then draws this round's
    /// move (no draw when the probability is 0 or 1).
    fn learn_and_draw(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        if let Some(round) = self.memory().advance(view) {
            self.learn(&round);
        }
        random_choice(self.probability(), rng)
    }
}

/// The expected one-round payoff of playing `own` against a partner who
/// cooperates with probability `partner_cooperates`.
pub(crate) fn expected_payoff(payoffs: &PayoffMatrix, own: Action, partner_cooperates: f64) -> f64 {
    partner_cooperates * payoffs.payoff(own, Action::C)
        + (1.0 - partner_cooperates) * payoffs.payoff(own, Action::D)
}

/// The registry kind of a step size in (0, 1] with a default.
pub(crate) const fn step_kind(default: f64) -> crate::registry::ParamKind {
    crate::registry::ParamKind::Number {
        default: Some(default),
        min: crate::registry::Limit::Open(0.0),
        max: crate::registry::Limit::Closed(1.0),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the learners' tests.

    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::{Action, PayoffMatrix, Situation, Strategy, View};

    /// Feeds `player` the rounds of a scripted history one view at a time,
    /// with `payoffs` and `discount` in every round, and returns the move it
    /// chooses after the whole history. The player is reset first; its own
    /// moves in the history are the scripted ones, whatever it chose.
    pub(crate) fn decide_after(
        player: &mut dyn Strategy,
        own: &str,
        partner: &str,
        payoffs: &PayoffMatrix,
        discount: f64,
    ) -> Action {
        let own = crate::testing::parse_moves(own);
        let partner = crate::testing::parse_moves(partner);
        assert_eq!(own.len(), partner.len());
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        player.reset();
        for turn in 0..=own.len() {
            let situation = Situation {
                discount,
                last_utility: turn
                    .checked_sub(1)
                    .map(|t| payoffs.payoff(own[t], partner[t])),
                ..Situation::classic(*payoffs)
            };
            let view = View::new(&own[..turn], &partner[..turn], &situation);
            let chosen = player.decide(&view, &mut rng);
            if turn == own.len() {
                return chosen;
            }
        }
        unreachable!("the loop returns in its last round")
    }

    /// Plays `turns` rounds between two strategies with the same own
    /// matrix `payoffs` and discount factor `discount` for both, telling
    /// each the utility it received, with the match RNG seeded by `seed`;
    /// returns both players' moves.
    pub(crate) fn play_with(
        a: &mut dyn Strategy,
        b: &mut dyn Strategy,
        turns: usize,
        payoffs: &PayoffMatrix,
        discount: f64,
        seed: u64,
    ) -> (String, String) {
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let (mut moves_a, mut moves_b): (Vec<Action>, Vec<Action>) = (Vec::new(), Vec::new());
        a.reset();
        b.reset();
        for turn in 0..turns {
            let last = turn.checked_sub(1);
            let situation = |last_utility| Situation {
                discount,
                last_utility,
                ..Situation::classic(*payoffs)
            };
            let situation_a = situation(last.map(|t| payoffs.payoff(moves_a[t], moves_b[t])));
            let situation_b = situation(last.map(|t| payoffs.payoff(moves_b[t], moves_a[t])));
            let move_a = a.decide(&View::new(&moves_a, &moves_b, &situation_a), &mut rng);
            let move_b = b.decide(&View::new(&moves_b, &moves_a, &situation_b), &mut rng);
            moves_a.push(move_a);
            moves_b.push(move_b);
        }
        (
            crate::testing::moves_to_string(&moves_a),
            crate::testing::moves_to_string(&moves_b),
        )
    }

    /// The number of mutual cooperations in the last `window` rounds of two
    /// move strings.
    pub(crate) fn mutual_cooperations_at_end(a: &str, b: &str, window: usize) -> usize {
        let skip = a.len().saturating_sub(window);
        a.chars()
            .zip(b.chars())
            .skip(skip)
            .filter(|&(x, y)| x == 'C' && y == 'C')
            .count()
    }
}
