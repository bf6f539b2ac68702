//! The iterated regime: a fixed group of N states plays a [`GroupGame`]
//! round after round (`docs/regimes.md`).
//!
//! [`play_regime`] runs one regime under a validated [`RegimeConfig`]:
//!
//! 1. Every member is reset and the length is fixed: `turns` for a fixed
//!    horizon, or drawn up front from one uniform number for a
//!    continuation horizon (as [`play_match`](crate::play_match) does).
//! 2. Each round, members decide in seat order from their [`RegimeView`]:
//!    the whole action profile history, their own `pi_i`, their own
//!    `w_eff`, their discount `h * delta_t` (`delta_t` is `delta`, or
//!    `1 - 1/T` for a fixed horizon of `T` rounds), last round's utility
//!    and the election calendar.
//! 3. Action noise flips each chosen move with probability `action_noise`
//!    (in seat order); the flipped move is played and recorded.
//! 4. Every member is paid by [`GroupGame::payoffs_into`] at its own
//!    `pi_i` and orientation (bit for bit; the engine keeps each member's
//!    [`StateLevels`], recomputed only in rounds where politics or an
//!    election can move them, and when every member has the same levels
//!    computes a cooperator's and a defector's payoffs once,
//!    [`GroupGame::uniform_payoffs`]). With [`RiskMode::Sampled`] a collective-risk
//!    loss is drawn: one uniform number per round in which the threshold
//!    is missed, shared by the whole group.
//! 5. Perception noise (`docs/regimes.md` section 3): each member, in seat order,
//!    sees each other member's move (in seat order) flipped with
//!    probability `perception_noise`; its own move it sees as played. Its
//!    view's history and cooperator counts are what it perceived; the true
//!    moves decide the payoffs.
//! 6. Under an election cycle ([`ElectionCycle`]) each member's
//!    orientation in round `t` is
//!    [`ElectionCycle::orientation_at`]`(t, w)` and its patience
//!    [`ElectionCycle::patience_at`]`(t, h)`, as in the pairwise engine.
//! 7. Under dynamic politics each member's level moves after the round by
//!    [`PoliticizationDynamics::next_for_state`](twolevel_game::PoliticizationDynamics::next_for_state)
//!    with `partner_visible` the **mean** of the others' visible
//!    defections: with N = 2 this is the pairwise rule, and a group in
//!    which every state defects visibly settles at the same level as a
//!    pair in mutual defection, whatever N. A visible nationalist raises
//!    every member's `pi` by `up * visibility / (N - 1)` per defection.
//!
//! The RNG is drawn from only for a continuation length, by stochastic
//! strategies, by non-zero noise and by sampled losses.

use rand::RngExt;
use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::{
    Action, ElectionCycle, GroupGame, Horizon, HorizonKind, Orientation, ParameterError, Payoff,
    Politicization, Politics, Realization, RegimeStrategy, RegimeView, StateLevels,
    cooperator_count,
};

use crate::conditions::PlayConditions;
use crate::play::{PlayerSettings, PlayerTotals, draw_length};

/// How a collective-risk loss is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RiskMode {
    /// Every round pays the expected loss.
    #[default]
    Expected,
    /// The loss is drawn each round in which the threshold is missed.
    Sampled,
}

/// Everything about an iterated regime except its members: the group game,
/// the horizon, action noise, politics and how risk is paid. Built by
/// [`RegimeConfig::new`] and the `with_*` methods, which validate. It holds
/// the [`PlayConditions`] every engine shares (and dereferences to them, as
/// [`MatchConfig`](crate::MatchConfig) does), and adds how risk is paid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegimeConfig {
    conditions: PlayConditions<GroupGame>,
    risk: RiskMode,
}

impl std::ops::Deref for RegimeConfig {
    type Target = PlayConditions<GroupGame>;

    /// The conditions of play, which every engine shares.
    fn deref(&self) -> &PlayConditions<GroupGame> {
        &self.conditions
    }
}

impl RegimeConfig {
    /// A noiseless regime of `game` over `horizon`, without
    /// politicization, paying expected losses.
    #[must_use]
    pub const fn new(game: GroupGame, horizon: Horizon) -> Self {
        RegimeConfig {
            conditions: PlayConditions::new(game, horizon),
            risk: RiskMode::Expected,
        }
    }

    /// The same config with action noise in [0, 1].
    pub fn with_action_noise(mut self, action_noise: f64) -> Result<Self, ParameterError> {
        self.conditions = self.conditions.with_action_noise(action_noise)?;
        Ok(self)
    }

    /// The same config with perception noise in [0, 1]: the probability
    /// that a member sees another member's move flipped.
    pub fn with_perception_noise(mut self, perception_noise: f64) -> Result<Self, ParameterError> {
        self.conditions = self.conditions.with_perception_noise(perception_noise)?;
        Ok(self)
    }

    /// The same config with (or without) an election cycle.
    #[must_use]
    pub const fn with_election(mut self, election: Option<ElectionCycle>) -> Self {
        self.conditions = self.conditions.with_election(election);
        self
    }

    /// The same config with fixed or dynamic politics.
    #[must_use]
    pub const fn with_politics(mut self, politics: Politics) -> Self {
        self.conditions = self.conditions.with_politics(politics);
        self
    }

    /// The same config with another way of paying risk.
    #[must_use]
    pub const fn with_risk(mut self, risk: RiskMode) -> Self {
        self.risk = risk;
        self
    }

    /// How risk is paid.
    #[must_use]
    pub const fn risk(&self) -> RiskMode {
        self.risk
    }
}

/// One member of a regime: its strategy and its settings (orientation,
/// visibility, patience, securitizing moves, own politicization).
#[derive(Clone, Debug)]
pub struct RegimeMember {
    /// The strategy.
    pub strategy: Box<dyn RegimeStrategy>,
    /// The state's settings.
    pub settings: PlayerSettings,
}

impl RegimeMember {
    /// A pure policy maker playing `strategy`.
    #[must_use]
    pub fn new(strategy: Box<dyn RegimeStrategy>) -> Self {
        RegimeMember {
            strategy,
            settings: PlayerSettings::POLICY,
        }
    }
}

/// The outcome of one iterated regime.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct RegimeResult {
    /// The number of rounds played.
    pub turns: u32,
    /// Each member's totals (three currencies and cooperations), in seat
    /// order.
    pub members: Vec<PlayerTotals>,
    /// The rounds in which the regime succeeded (`k >= M`).
    pub successful_rounds: u32,
    /// The total welfare: the sum over rounds and members of the policy
    /// payoff.
    pub welfare: f64,
    /// The mean politicization over rounds and members.
    pub mean_politicization: f64,
}

impl RegimeResult {
    /// The share of rounds in which the regime succeeded.
    #[must_use]
    pub fn success_rate(&self) -> f64 {
        f64::from(self.successful_rounds) / f64::from(self.turns)
    }
}

/// A flip probability `p` as an integer threshold on the top 53 bits of a
/// 64-bit draw. `rng.random::<f64>() < p`, the test of the pairwise
/// engine's noise, is `(x >> 11) 2^-53 < p` for the draw `x`; multiplying
/// by the power of two is exact, so it holds exactly when
/// `x >> 11 < ceil(p 2^53)`. The same draws give the same flips, without
/// the conversion to a float.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Flip {
    /// `ceil(p 2^53)`; 0 only for `p = 0`, which draws nothing.
    threshold: u64,
}

impl Flip {
    /// The flip of probability `p` in [0, 1] (validated by the config).
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "p is in [0, 1], so ceil(p 2^53) is an integer in [0, 2^53]"
    )]
    fn new(p: f64) -> Flip {
        Flip {
            threshold: (p * (1_u64 << 53) as f64).ceil() as u64,
        }
    }

    /// `action`, flipped with the probability; draws only when it is not 0.
    #[inline]
    fn apply<R: Rng + ?Sized>(self, action: Action, rng: &mut R) -> Action {
        if self.threshold > 0 && rng.next_u64() >> 11 < self.threshold {
            action.flip()
        } else {
            action
        }
    }
}

/// Reusable buffers for [`play_regime`]: the profile history and the
/// per-round vectors, so that a round allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct RegimeBuffers {
    history: Vec<Action>,
    cooperators: Vec<u32>,
    pis: Vec<Politicization>,
    orientations: Vec<Orientation>,
    /// Each member's payoff constants for its current level and
    /// orientation, recomputed only in rounds where these can move.
    levels: Vec<StateLevels>,
    payoffs: Vec<Payoff>,
    visible: Vec<f64>,
    /// Under perception noise, each member's perceived history, member
    /// after member (`turns * N` actions each).
    perceived: Vec<Action>,
    /// Under perception noise, each member's perceived cooperator counts,
    /// member after member (`turns` counts each).
    perceived_cooperators: Vec<u32>,
}

impl RegimeBuffers {
    /// Empty buffers.
    #[must_use]
    pub fn new() -> Self {
        RegimeBuffers::default()
    }

    /// The action profile history of the last regime played, round after
    /// round.
    #[must_use]
    pub fn history(&self) -> &[Action] {
        &self.history
    }
}

/// Plays one iterated regime among `members`; see the [module
/// documentation](self). Fails, naming `members`, when their number is not
/// the game's group size.
pub fn play_regime(
    config: &RegimeConfig,
    members: &mut [RegimeMember],
    rng: &mut dyn Rng,
    buffers: &mut RegimeBuffers,
) -> Result<RegimeResult, ParameterError> {
    let game = config.game;
    let size = game.size() as usize;
    if members.len() != size {
        return Err(ParameterError::new(
            "members",
            format!("expected {size} members, got {}", members.len()),
        ));
    }
    let turns = draw_length(config.horizon, rng);
    let delta_t = match config.horizon.kind() {
        HorizonKind::Continuation { delta } => delta,
        HorizonKind::Fixed { turns } => 1.0 - 1.0 / f64::from(turns),
    };
    let default_visibility = config.politics.dynamics().map_or(1.0, |d| d.visibility());
    let initial = config.politics.initial();
    let RegimeBuffers {
        history,
        cooperators,
        pis,
        orientations,
        levels,
        payoffs,
        visible,
        perceived,
        perceived_cooperators,
    } = buffers;
    let turns_len = turns as usize;
    let perception = config.perception_noise > 0.0;
    let action_flip = Flip::new(config.action_noise);
    let perception_flip = Flip::new(config.perception_noise);
    perceived.clear();
    perceived_cooperators.clear();
    if perception {
        perceived.resize(size * turns_len * size, Action::C);
        perceived_cooperators.resize(size * turns_len, 0);
    }
    history.clear();
    history.resize(turns_len * size, Action::C);
    cooperators.clear();
    pis.clear();
    pis.extend(
        members
            .iter()
            .map(|m| m.settings.politicization().unwrap_or(initial)),
    );
    orientations.clear();
    orientations.extend(members.iter().map(|m| m.settings.orientation()));
    // The levels move only with dynamic politics or an election cycle.
    let levels_move = config.politics.dynamics().is_some() || config.election.is_some();
    levels.clear();
    payoffs.clear();
    payoffs.resize(size, Payoff::default());
    visible.clear();
    visible.resize(size, 0.0);
    for member in members.iter_mut() {
        member.strategy.reset();
    }
    let mut result = RegimeResult {
        turns,
        members: vec![PlayerTotals::default(); size],
        ..RegimeResult::default()
    };
    let threshold = game.threshold();
    let mut politicization_sum = 0.0;
    // Whether every member has the same levels, so that the round's
    // payoffs are a cooperator's and a defector's.
    let mut uniform = false;
    for round in 0..turns_len {
        let past = round * size;
        // The campaign's orientation and patience for this round.
        let (rounds_to_election, campaign) = match &config.election {
            None => (None, false),
            Some(cycle) => {
                // `round < turns`, a u32.
                #[allow(clippy::cast_possible_truncation)]
                let turn = round as u32;
                for (orientation, member) in orientations.iter_mut().zip(&*members) {
                    *orientation = cycle.orientation_at(turn, member.settings.orientation());
                }
                (
                    Some(cycle.rounds_to_election(turn)),
                    cycle.is_campaign(turn),
                )
            }
        };
        if round == 0 || levels_move {
            levels.clear();
            levels.extend(
                pis.iter()
                    .zip(&*orientations)
                    .map(|(&pi, &orientation)| game.state_levels(pi, orientation)),
            );
            uniform = levels.iter().all(|state| *state == levels[0]);
        }
        // The rounds played so far, read by the views, and this round's
        // profile, written member by member.
        let (played, profile) = history.split_at_mut(past);
        let played = &*played;
        let members_now = members
            .iter_mut()
            .zip(&mut profile[..size])
            .zip(pis.iter().zip(&*levels))
            .zip(&*payoffs)
            .enumerate();
        // One view a round; each member changes only what is its own.
        let mut view = RegimeView {
            history: played,
            cooperators: &cooperators[..],
            rounds_to_election,
            campaign,
            ..RegimeView::first_round(0, size, threshold)
        };
        for (me, (((member, slot), (pi, levels)), last_payoff)) in members_now {
            if perception {
                let own = me * turns_len;
                view.history = &perceived[own * size..(own + round) * size];
                view.cooperators = &perceived_cooperators[own..own + round];
            }
            let patience = match &config.election {
                None => member.settings.patience(),
                // `round < turns`, a u32.
                #[allow(clippy::cast_possible_truncation)]
                Some(cycle) => cycle.patience_at(round as u32, member.settings.patience()),
            };
            view.me = me;
            view.politicization = pi.value();
            view.political_weight = levels.weight();
            view.discount = patience * delta_t;
            view.last_utility = (round > 0).then_some(last_payoff.utility);
            let chosen = member.strategy.decide(&view, rng);
            *slot = action_flip.apply(chosen, rng);
        }
        let profile = &history[past..past + size];
        let k = cooperator_count(profile);
        let realization = match config.risk {
            RiskMode::Sampled if k < threshold => Realization::Sampled(rng.random::<f64>()),
            _ => Realization::Expected,
        };
        if uniform {
            let round_payoffs = game.uniform_payoffs(profile, &levels[0], realization)?;
            for (payoff, &action) in payoffs.iter_mut().zip(profile) {
                *payoff = *round_payoffs.of(action);
            }
        } else {
            game.payoffs_with_levels(profile, levels, realization, payoffs)?;
        }
        for ((totals, payoff), &action) in result.members.iter_mut().zip(&*payoffs).zip(profile) {
            totals.add(payoff, action);
            result.welfare += payoff.policy;
        }
        result.successful_rounds += u32::from(k >= threshold);
        politicization_sum += pis.iter().map(|pi| pi.value()).sum::<f64>();
        cooperators.push(k);
        if perception {
            for me in 0..size {
                let own = me * turns_len + round;
                let seen = &mut perceived[own * size..(own + 1) * size];
                for (seat, (slot, &action)) in seen.iter_mut().zip(profile).enumerate() {
                    *slot = if seat == me {
                        action
                    } else {
                        perception_flip.apply(action, rng)
                    };
                }
                perceived_cooperators[own] = cooperator_count(seen);
            }
        }
        if let Some(dynamics) = config.politics.dynamics() {
            let mut total_visible = 0.0;
            for ((seen, member), &action) in visible.iter_mut().zip(&*members).zip(profile) {
                *seen = if action.is_defection() {
                    member.settings.visibility().unwrap_or(default_visibility)
                } else {
                    0.0
                };
                total_visible += *seen;
            }
            let others = (size - 1) as f64;
            for ((pi, member), &own_visible) in pis.iter_mut().zip(&*members).zip(&*visible) {
                let others_visible = (total_visible - own_visible) / others;
                *pi = dynamics.next_for_state(
                    *pi,
                    others_visible,
                    own_visible,
                    member.settings.securitizing(),
                );
            }
        }
    }
    result.mean_politicization = politicization_sum / (f64::from(turns) * size as f64);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    use super::*;
    use crate::play::tremble;

    #[test]
    fn flips_are_those_of_the_pairwise_noise() {
        for p in [0.0, 1e-300, 1e-17, 0.01, 0.3, 0.5, 1.0 - 1e-16, 1.0] {
            let flip = Flip::new(p);
            let mut ours = Pcg64Mcg::seed_from_u64(7);
            let mut theirs = Pcg64Mcg::seed_from_u64(7);
            for _ in 0..10_000 {
                assert_eq!(
                    flip.apply(Action::C, &mut ours),
                    tremble(Action::C, p, &mut theirs),
                    "p = {p}"
                );
            }
        }
        let flip = Flip::new(0.01);
        assert_eq!(flip.threshold, (0.01 * 2f64.powi(53)).ceil() as u64);
        assert_eq!(Flip::new(0.0).threshold, 0);
        assert_eq!(Flip::new(1.0).threshold, 1 << 53);
    }
}
