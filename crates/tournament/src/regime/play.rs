//! The iterated regime: a fixed group of N states plays a [`GroupGame`]
//! round after round (MODEL.md section 10).
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
//!    `pi_i` and orientation. With [`RiskMode::Sampled`] a collective-risk
//!    loss is drawn: one uniform number per round in which the threshold
//!    is missed, shared by the whole group.
//! 5. Perception noise (MODEL.md section 7): each member, in seat order,
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
    Politicization, Politics, Realization, RegimeStrategy, RegimeView, cooperator_count,
    error::check_unit_interval,
};

use crate::play::{PlayerSettings, PlayerTotals, draw_length, tremble};

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
/// [`RegimeConfig::new`] and the `with_*` methods, which validate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegimeConfig {
    game: GroupGame,
    horizon: Horizon,
    action_noise: f64,
    perception_noise: f64,
    politics: Politics,
    election: Option<ElectionCycle>,
    risk: RiskMode,
}

impl RegimeConfig {
    /// A noiseless regime of `game` over `horizon`, without
    /// politicization, paying expected losses.
    #[must_use]
    pub const fn new(game: GroupGame, horizon: Horizon) -> Self {
        RegimeConfig {
            game,
            horizon,
            action_noise: 0.0,
            perception_noise: 0.0,
            politics: Politics::Fixed(Politicization::NONE),
            election: None,
            risk: RiskMode::Expected,
        }
    }

    /// The same config with action noise in [0, 1].
    pub fn with_action_noise(mut self, action_noise: f64) -> Result<Self, ParameterError> {
        self.action_noise = check_unit_interval("action_noise", action_noise)?;
        Ok(self)
    }

    /// The same config with perception noise in [0, 1]: the probability
    /// that a member sees another member's move flipped.
    pub fn with_perception_noise(mut self, perception_noise: f64) -> Result<Self, ParameterError> {
        self.perception_noise = check_unit_interval("perception_noise", perception_noise)?;
        Ok(self)
    }

    /// The same config with (or without) an election cycle.
    #[must_use]
    pub const fn with_election(mut self, election: Option<ElectionCycle>) -> Self {
        self.election = election;
        self
    }

    /// The same config with fixed or dynamic politics.
    #[must_use]
    pub const fn with_politics(mut self, politics: Politics) -> Self {
        self.politics = politics;
        self
    }

    /// The same config with another way of paying risk.
    #[must_use]
    pub const fn with_risk(mut self, risk: RiskMode) -> Self {
        self.risk = risk;
        self
    }

    /// The group game.
    #[must_use]
    pub const fn game(&self) -> &GroupGame {
        &self.game
    }

    /// The horizon.
    #[must_use]
    pub const fn horizon(&self) -> Horizon {
        self.horizon
    }

    /// The action noise.
    #[must_use]
    pub const fn action_noise(&self) -> f64 {
        self.action_noise
    }

    /// The perception noise.
    #[must_use]
    pub const fn perception_noise(&self) -> f64 {
        self.perception_noise
    }

    /// The election cycle, if any.
    #[must_use]
    pub const fn election(&self) -> Option<&ElectionCycle> {
        self.election.as_ref()
    }

    /// The politics.
    #[must_use]
    pub const fn politics(&self) -> &Politics {
        &self.politics
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

/// Reusable buffers for [`play_regime`]: the profile history and the
/// per-round vectors, so that a round allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct RegimeBuffers {
    history: Vec<Action>,
    cooperators: Vec<u32>,
    pis: Vec<Politicization>,
    orientations: Vec<Orientation>,
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
        payoffs,
        visible,
        perceived,
        perceived_cooperators,
    } = buffers;
    let turns_len = turns as usize;
    let perception = config.perception_noise > 0.0;
    perceived.clear();
    perceived_cooperators.clear();
    if perception {
        perceived.resize(size * turns_len * size, Action::C);
        perceived_cooperators.resize(size * turns_len, 0);
    }
    history.clear();
    cooperators.clear();
    pis.clear();
    pis.extend(
        members
            .iter()
            .map(|m| m.settings.politicization().unwrap_or(initial)),
    );
    orientations.clear();
    orientations.extend(members.iter().map(|m| m.settings.orientation()));
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
        for (me, member) in members.iter_mut().enumerate() {
            let (seen, seen_cooperators) = if perception {
                let own = me * turns_len;
                (
                    &perceived[own * size..(own + round) * size],
                    &perceived_cooperators[own..own + round],
                )
            } else {
                (&history[..past], &cooperators[..])
            };
            let patience = match &config.election {
                None => member.settings.patience(),
                // `round < turns`, a u32.
                #[allow(clippy::cast_possible_truncation)]
                Some(cycle) => cycle.patience_at(round as u32, member.settings.patience()),
            };
            let view = RegimeView {
                me,
                size,
                history: seen,
                cooperators: seen_cooperators,
                threshold,
                politicization: pis[me].value(),
                political_weight: game.effective_weight(orientations[me], pis[me]),
                discount: patience * delta_t,
                last_utility: (round > 0).then(|| payoffs[me].utility),
                rounds_to_election,
                campaign,
            };
            let chosen = member.strategy.decide(&view, rng);
            history.push(tremble(chosen, config.action_noise, rng));
        }
        let profile = &history[past..];
        let k = cooperator_count(profile);
        let realization = match config.risk {
            RiskMode::Sampled if k < threshold => Realization::Sampled(rng.random::<f64>()),
            _ => Realization::Expected,
        };
        game.payoffs_into(profile, pis, orientations, realization, payoffs)?;
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
                        tremble(action, config.perception_noise, rng)
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
