//! N-state stage games: a regime of N states, each choosing C or D, with
//! the two levels of `docs/regimes.md`.
//!
//! With `k` cooperators in the group (the focal state included when it
//! cooperates), the policy payoff of a state is one of:
//!
//! - [`GroupPolicy::PublicGoods`], the N-person prisoner's dilemma (MFN-like
//!   liberalisation): `policy_D(k) = F c k / N`, `policy_C(k) = policy_D(k) - c`;
//! - [`GroupPolicy::CollectiveRisk`], climate negotiations after Santos and
//!   Pacheco (2011): endowment `b`, a cooperator gives `c b`, and unless
//!   `k >= M` everyone loses what is left with probability `r`. The expected
//!   form is `policy_D(k) = b [k >= M] + b (1 - r) [k < M]`,
//!   `policy_C(k) = policy_D(k) - c b`; the sampled form is handed a
//!   uniform draw `u` in [0, 1) by the caller (this crate draws no random
//!   numbers) and the loss strikes when `k < M` and `u < r`;
//! - [`GroupPolicy::ThresholdPublicGoods`], the N-player stag hunt of
//!   Pacheco et al. (2009): `policy_D(k) = (F c k / N) [k >= M]`,
//!   `policy_C(k) = policy_D(k) - c`.
//!
//! The two levels carry over from the 2x2 game, each state with its own
//! politicization `pi_i` and orientation `w_i`:
//!
//! ```text
//! policy_i    = base(a_i, k) - theta pi_i (1 - k/N)
//! political_i = kappa_eff_i (policy_i - mean_{j != i} policy_j) + b [a_i == D]
//!               - alpha theta pi_i (1 - k/N)
//! kappa_eff_i = kappa (1 + gamma pi_i^2)
//! w_eff_i     = w_i + (1 - w_i) beta pi_i
//! u_i         = (1 - w_eff_i) policy_i + w_eff_i political_i
//! ```
//!
//! With `N = 2` the public goods game is the 2x2 [`TwoLevelGame`] with
//! `R = F c - c`, `S = F c / 2 - c`, `T = F c / 2`, `P = 0` (see
//! [`GroupGame::pairwise_matrix`]), payoff for payoff.
//!
//! [`TwoLevelGame`]: crate::TwoLevelGame
//!
//! ```
//! use twolevel_game::{Action, GroupGame, GroupPolicy, Orientation, Politicization};
//!
//! let game = GroupGame::new(5, GroupPolicy::public_goods(3.0, 1.0))?;
//! // A defector among four cooperators gets F c k / N = 3 * 4 / 5.
//! let defector = game.symmetric_payoff(Action::D, 4, Politicization::NONE, Orientation::POLICY)?;
//! assert!((defector.policy - 2.4).abs() < 1e-12);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::error::{ParameterError, WholeRange, check_unit_interval};
use crate::matrix::PayoffMatrix;
use crate::two_level::{Orientation, Payoff, Politicization, TwoLevelGame, blend};

/// The policy (international) part of an N-state game: what a state gets
/// from the group's contributions, before the threat cost.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum GroupPolicy {
    /// The linear public goods game (N-person prisoner's dilemma).
    PublicGoods {
        /// The multiplication factor `F` of the common pool.
        factor: f64,
        /// The cost `c` of a contribution.
        cost: f64,
    },
    /// The collective-risk dilemma of Santos and Pacheco (2011).
    CollectiveRisk {
        /// The endowment `b` of every state.
        endowment: f64,
        /// The share `c` of the endowment a cooperator gives, in [0, 1].
        cost_share: f64,
        /// The probability `r` of losing what is left when the threshold
        /// is missed, in [0, 1].
        risk: f64,
        /// The threshold `M` of cooperators that averts the risk, in [1, N].
        #[serde(deserialize_with = "deserialize_threshold")]
        threshold: u32,
    },
    /// The threshold public goods game (N-player stag hunt) of Pacheco et
    /// al. (2009).
    ThresholdPublicGoods {
        /// The multiplication factor `F`.
        factor: f64,
        /// The cost `c` of a contribution.
        cost: f64,
        /// The threshold `M` of cooperators below which the pool is lost,
        /// in [1, N].
        #[serde(deserialize_with = "deserialize_threshold")]
        threshold: u32,
    },
}

/// Reads `size` ([`GroupGame::SIZE`]).
fn deserialize_size<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    GroupGame::SIZE.deserialize(d)
}

/// Reads `threshold` ([`GroupGame::THRESHOLD`]).
fn deserialize_threshold<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    GroupGame::THRESHOLD.deserialize(d)
}

impl GroupPolicy {
    /// A linear public goods game with factor `F` and cost `c`
    /// (validated by [`GroupGame::new`]).
    #[must_use]
    pub const fn public_goods(factor: f64, cost: f64) -> Self {
        GroupPolicy::PublicGoods { factor, cost }
    }

    /// The number of cooperators the regime needs to succeed: `M` for the
    /// threshold games, `N` for public goods (every contribution counts).
    #[must_use]
    pub const fn threshold(&self, group_size: u32) -> u32 {
        match *self {
            GroupPolicy::PublicGoods { .. } => group_size,
            GroupPolicy::CollectiveRisk { threshold, .. }
            | GroupPolicy::ThresholdPublicGoods { threshold, .. } => threshold,
        }
    }
}

/// Whether a collective-risk loss is counted by its expectation or drawn.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Realization {
    /// The expected payoff: a missed threshold costs `r` times what is left.
    #[default]
    Expected,
    /// A drawn payoff: the caller's uniform draw `u` in [0, 1); a missed
    /// threshold costs everything left when `u < r`, nothing otherwise.
    /// Games without risk ignore the draw.
    Sampled(f64),
}

/// The constants of one state's payoffs in a group game, fixed while its
/// politicization `pi` and orientation `w` stay put: its threat cost per
/// unsolved share `theta pi`, its accountability `alpha theta pi`, its
/// `kappa_eff = kappa (1 + gamma pi^2)` and its `w_eff = w + (1 - w) beta
/// pi`. Made by [`GroupGame::state_levels`], read by
/// [`GroupGame::payoffs_with_levels`].
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StateLevels {
    threat: f64,
    accountability: f64,
    kappa: f64,
    weight: f64,
}

impl StateLevels {
    /// The effective political weight `w_eff`.
    #[must_use]
    pub const fn weight(&self) -> f64 {
        self.weight
    }
}

/// The payoffs of a cooperator and of a defector in one round of a group
/// whose states share their levels; see [`GroupGame::uniform_payoffs`].
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ActionPayoffs {
    cooperators: u32,
    payoffs: [Payoff; 2],
}

impl ActionPayoffs {
    /// The number of cooperators in the round.
    #[must_use]
    pub const fn cooperators(&self) -> u32 {
        self.cooperators
    }

    /// The payoffs of a state that played `action`.
    #[inline]
    #[must_use]
    pub const fn of(&self, action: Action) -> &Payoff {
        &self.payoffs[action as usize]
    }
}

/// An N-state two-level stage game: a [`GroupPolicy`] and the two-level
/// parameters of [`TwoLevelGame`] (`kappa`, `b`, `theta`, `beta`, `alpha`,
/// `gamma`). Build it with [`GroupGame::new`] or deserialize it; both
/// validate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawGroupGame", into = "RawGroupGame")]
pub struct GroupGame {
    size: u32,
    policy: GroupPolicy,
    kappa: f64,
    audience_bonus: f64,
    theta: f64,
    beta: f64,
    alpha: f64,
    gamma: f64,
}

/// The unvalidated form of a [`GroupGame`], as written in RON files;
/// every two-level parameter defaults as in [`TwoLevelGame`].
///
/// Its serde name stays `GroupGameConfig`, the type's former name, which
/// RON's messages show (a missing field is reported `in GroupGameConfig`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "GroupGameConfig", deny_unknown_fields)]
pub struct RawGroupGame {
    /// The group size `N`.
    #[serde(deserialize_with = "deserialize_size")]
    pub size: u32,
    /// The policy game.
    pub policy: GroupPolicy,
    /// Relative-gains sensitivity (default 1).
    #[serde(default = "one")]
    pub kappa: f64,
    /// The audience bonus for a visible defection (default 0).
    #[serde(default)]
    pub audience_bonus: f64,
    /// The threat cost (default 4).
    #[serde(default = "default_theta")]
    pub theta: f64,
    /// The brake (default 0.8).
    #[serde(default = "default_beta")]
    pub beta: f64,
    /// Domestic accountability (default 1).
    #[serde(default = "one")]
    pub alpha: f64,
    /// Securitization (default 2).
    #[serde(default = "default_gamma")]
    pub gamma: f64,
}

fn one() -> f64 {
    1.0
}
fn default_theta() -> f64 {
    TwoLevelGame::DEFAULT_THETA
}
fn default_beta() -> f64 {
    TwoLevelGame::DEFAULT_BETA
}
fn default_gamma() -> f64 {
    TwoLevelGame::DEFAULT_GAMMA
}

impl TryFrom<RawGroupGame> for GroupGame {
    type Error = ParameterError;

    fn try_from(c: RawGroupGame) -> Result<Self, Self::Error> {
        GroupGame::new(c.size, c.policy)?
            .with_politics(c.kappa, c.audience_bonus)?
            .with_levels(c.theta, c.beta, c.alpha, c.gamma)
    }
}

impl From<GroupGame> for RawGroupGame {
    fn from(g: GroupGame) -> Self {
        RawGroupGame {
            size: g.size,
            policy: g.policy,
            kappa: g.kappa,
            audience_bonus: g.audience_bonus,
            theta: g.theta,
            beta: g.beta,
            alpha: g.alpha,
            gamma: g.gamma,
        }
    }
}

/// Checks that `value` is finite and at most [`GroupGame::MAX_PARAMETER`]
/// in magnitude, so that every payoff stays finite.
fn check_magnitude(field: &str, value: f64) -> Result<f64, ParameterError> {
    if value.is_finite() && value.abs() <= GroupGame::MAX_PARAMETER {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!(
                "expected a finite number of magnitude at most {:e}, got {value}",
                GroupGame::MAX_PARAMETER
            ),
        ))
    }
}

/// Checks a non-negative parameter within [`GroupGame::MAX_PARAMETER`].
fn check_non_negative_magnitude(field: &str, value: f64) -> Result<f64, ParameterError> {
    check_magnitude(field, value).and_then(|v| {
        if v >= 0.0 {
            Ok(v)
        } else {
            Err(ParameterError::new(
                field,
                format!("expected a number >= 0, got {v}"),
            ))
        }
    })
}

impl GroupGame {
    /// The largest group size.
    pub const MAX_SIZE: u32 = 100_000;
    /// The valid range of `size`: from 2 to [`GroupGame::MAX_SIZE`] states.
    pub const SIZE: WholeRange = WholeRange::new("size", "states", 2, GroupGame::MAX_SIZE as u64);
    /// The widest range of a `threshold`: from 1 to the group size, at most
    /// [`GroupGame::MAX_SIZE`] cooperators.
    pub const THRESHOLD: WholeRange =
        WholeRange::new("threshold", "cooperators", 1, GroupGame::MAX_SIZE as u64);
    /// The largest magnitude of any real parameter; it keeps every payoff,
    /// and every long-run total, finite.
    pub const MAX_PARAMETER: f64 = 1e100;

    /// Builds a game of `size` states with the default two-level
    /// parameters (`kappa = 1`, `b = 0`, `theta = 4`, `beta = 0.8`,
    /// `alpha = 1`, `gamma = 2`).
    ///
    /// Errors name the field: `size` below 2 (or above
    /// [`GroupGame::MAX_SIZE`]), `threshold` outside [1, N], `risk` or
    /// `cost_share` outside [0, 1], a negative or non-finite `factor`,
    /// `cost` or `endowment`.
    pub fn new(size: u32, policy: GroupPolicy) -> Result<Self, ParameterError> {
        if !(2..=Self::MAX_SIZE).contains(&size) {
            return Err(ParameterError::new(
                "size",
                format!(
                    "expected a group of at least 2 and at most {} states, got {size}",
                    Self::MAX_SIZE
                ),
            ));
        }
        let check_threshold = |threshold: u32| {
            if (1..=size).contains(&threshold) {
                Ok(())
            } else {
                Err(ParameterError::new(
                    "threshold",
                    format!("expected a threshold M in [1, N = {size}], got {threshold}"),
                ))
            }
        };
        match policy {
            GroupPolicy::PublicGoods { factor, cost } => {
                check_non_negative_magnitude("factor", factor)?;
                check_non_negative_magnitude("cost", cost)?;
            }
            GroupPolicy::CollectiveRisk {
                endowment,
                cost_share,
                risk,
                threshold,
            } => {
                check_non_negative_magnitude("endowment", endowment)?;
                check_unit_interval("cost_share", cost_share)?;
                check_unit_interval("risk", risk)?;
                check_threshold(threshold)?;
            }
            GroupPolicy::ThresholdPublicGoods {
                factor,
                cost,
                threshold,
            } => {
                check_non_negative_magnitude("factor", factor)?;
                check_non_negative_magnitude("cost", cost)?;
                check_threshold(threshold)?;
            }
        }
        Ok(GroupGame {
            size,
            policy,
            kappa: 1.0,
            audience_bonus: 0.0,
            theta: TwoLevelGame::DEFAULT_THETA,
            beta: TwoLevelGame::DEFAULT_BETA,
            alpha: TwoLevelGame::DEFAULT_ALPHA,
            gamma: TwoLevelGame::DEFAULT_GAMMA,
        })
    }

    /// The same game with relative-gains sensitivity `kappa` and audience
    /// bonus `b` (both finite).
    pub fn with_politics(
        mut self,
        kappa: f64,
        audience_bonus: f64,
    ) -> Result<Self, ParameterError> {
        self.kappa = check_magnitude("kappa", kappa)?;
        self.audience_bonus = check_magnitude("audience_bonus", audience_bonus)?;
        Ok(self)
    }

    /// The same game with threat cost `theta`, brake `beta` (in [0, 1]),
    /// accountability `alpha` and securitization `gamma` (all
    /// non-negative).
    pub fn with_levels(
        mut self,
        theta: f64,
        beta: f64,
        alpha: f64,
        gamma: f64,
    ) -> Result<Self, ParameterError> {
        self.theta = check_non_negative_magnitude("theta", theta)?;
        self.beta = check_unit_interval("beta", beta)?;
        self.alpha = check_non_negative_magnitude("alpha", alpha)?;
        self.gamma = check_non_negative_magnitude("gamma", gamma)?;
        Ok(self)
    }

    /// The group size `N`.
    #[must_use]
    pub const fn size(&self) -> u32 {
        self.size
    }

    /// The policy game.
    #[must_use]
    pub const fn policy(&self) -> &GroupPolicy {
        &self.policy
    }

    /// The number of cooperators `M` the regime needs (see
    /// [`GroupPolicy::threshold`]).
    #[must_use]
    pub const fn threshold(&self) -> u32 {
        self.policy.threshold(self.size)
    }

    /// The effective political weight `w_eff = w + (1 - w) beta pi`.
    #[inline]
    #[must_use]
    pub fn effective_weight(&self, orientation: Orientation, pi: Politicization) -> f64 {
        let w = orientation.political_weight();
        w + (1.0 - w) * self.beta * pi.value()
    }

    /// `kappa_eff = kappa (1 + gamma pi^2)`, exactly `kappa` when gamma is 0.
    #[inline]
    fn effective_kappa(&self, pi: f64) -> f64 {
        if self.gamma == 0.0 {
            self.kappa
        } else {
            self.kappa * (1.0 + self.gamma * pi * pi)
        }
    }

    /// The share of the problem left unsolved, `1 - k/N`.
    #[inline]
    fn unsolved(&self, cooperators: u32) -> f64 {
        1.0 - f64::from(cooperators) / f64::from(self.size)
    }

    /// The policy payoff before the threat cost, `policy_a(k)`, with `k`
    /// cooperators in the group (the focal state included when `action` is
    /// C), in the expected or a sampled [`Realization`].
    #[inline]
    #[must_use]
    pub fn base_policy(&self, action: Action, cooperators: u32, realization: Realization) -> f64 {
        let n = f64::from(self.size);
        let k = f64::from(cooperators);
        let (defector, contribution) = match self.policy {
            GroupPolicy::PublicGoods { factor, cost } => (factor * cost * k / n, cost),
            GroupPolicy::ThresholdPublicGoods {
                factor,
                cost,
                threshold,
            } => {
                let pool = if cooperators >= threshold {
                    factor * cost * k / n
                } else {
                    0.0
                };
                (pool, cost)
            }
            GroupPolicy::CollectiveRisk {
                endowment,
                cost_share,
                risk,
                threshold,
            } => {
                let kept = if cooperators >= threshold {
                    endowment
                } else {
                    match realization {
                        Realization::Expected => endowment * (1.0 - risk),
                        Realization::Sampled(draw) if draw < risk => 0.0,
                        Realization::Sampled(_) => endowment,
                    }
                };
                (kept, cost_share * endowment)
            }
        };
        match action {
            Action::D => defector,
            Action::C => defector - contribution,
        }
    }

    /// The policy payoff with the threat cost of state `i`'s own
    /// politicization, `base(a, k) - theta pi (1 - k/N)`.
    #[inline]
    #[must_use]
    pub fn policy_payoff(
        &self,
        action: Action,
        cooperators: u32,
        pi: Politicization,
        realization: Realization,
    ) -> f64 {
        self.base_policy(action, cooperators, realization)
            - self.theta * pi.value() * self.unsolved(cooperators)
    }

    /// The per-state constants of the payoffs at politicization `pi` and
    /// orientation `orientation` (see [`StateLevels`]).
    #[inline]
    #[must_use]
    pub fn state_levels(&self, pi: Politicization, orientation: Orientation) -> StateLevels {
        let weight = self.effective_weight(orientation, pi);
        let pi = pi.value();
        StateLevels {
            threat: self.theta * pi,
            accountability: self.alpha * self.theta * pi,
            kappa: self.effective_kappa(pi),
            weight,
        }
    }

    /// The political payoff given the state's levels, its own policy
    /// payoff and the mean of the others' policy payoffs.
    #[inline]
    fn political(
        &self,
        action: Action,
        unsolved: f64,
        levels: &StateLevels,
        own_policy: f64,
        others_mean_policy: f64,
    ) -> f64 {
        let relative = levels.kappa * (own_policy - others_mean_policy);
        let bonus = if action.is_defection() {
            self.audience_bonus
        } else {
            0.0
        };
        let audience = relative + bonus;
        if self.alpha == 0.0 {
            audience
        } else {
            audience - levels.accountability * unsolved
        }
    }

    /// Every state's payoffs for one round, written into `out`.
    ///
    /// `actions`, `pis` and `orientations` hold one value per state; `out`
    /// must have the same length (N). The others' mean policy is computed
    /// from the group's total, so a round costs O(N) and allocates nothing.
    /// Mismatched lengths are an error naming the slice.
    pub fn payoffs_into(
        &self,
        actions: &[Action],
        pis: &[Politicization],
        orientations: &[Orientation],
        realization: Realization,
        out: &mut [Payoff],
    ) -> Result<(), ParameterError> {
        self.check_lengths(&[
            ("actions", actions.len()),
            ("pis", pis.len()),
            ("orientations", orientations.len()),
            ("out", out.len()),
        ])?;
        self.fill_payoffs(
            actions,
            |state| self.state_levels(pis[state], orientations[state]),
            realization,
            out,
        );
        Ok(())
    }

    /// The same payoffs as [`GroupGame::payoffs_into`], bit for bit, from
    /// each state's [`StateLevels`] (computed once by
    /// [`GroupGame::state_levels`] while its politicization and orientation
    /// stay put, as in a regime with fixed politics). Returns the number of
    /// cooperators. Mismatched lengths are an error naming the slice.
    pub fn payoffs_with_levels(
        &self,
        actions: &[Action],
        levels: &[StateLevels],
        realization: Realization,
        out: &mut [Payoff],
    ) -> Result<u32, ParameterError> {
        self.check_lengths(&[
            ("actions", actions.len()),
            ("levels", levels.len()),
            ("out", out.len()),
        ])?;
        Ok(self.fill_payoffs(actions, |state| levels[state], realization, out))
    }

    /// The payoffs of a round in which every state has the same `levels`
    /// (the same politicization and orientation): a cooperator's and a
    /// defector's, bit for bit what [`GroupGame::payoffs_into`] gives each
    /// state with that action, since every cooperator (and every defector)
    /// has the same payoffs. The group's total policy is still summed in
    /// seat order, as there. Fails, naming `actions`, when there is not
    /// one action per state.
    pub fn uniform_payoffs(
        &self,
        actions: &[Action],
        levels: &StateLevels,
        realization: Realization,
    ) -> Result<ActionPayoffs, ParameterError> {
        self.check_lengths(&[("actions", actions.len())])?;
        let cooperators = cooperator_count(actions);
        let unsolved = self.unsolved(cooperators);
        let policy_c =
            self.base_policy(Action::C, cooperators, realization) - levels.threat * unsolved;
        let policy_d =
            self.base_policy(Action::D, cooperators, realization) - levels.threat * unsolved;
        let policies = [policy_c, policy_d];
        let mut total_policy = 0.0;
        for &action in actions {
            total_policy += policies[action as usize];
        }
        let payoff =
            |action, policy| self.state_payoff(action, unsolved, levels, policy, total_policy);
        Ok(ActionPayoffs {
            cooperators,
            payoffs: [payoff(Action::C, policy_c), payoff(Action::D, policy_d)],
        })
    }

    /// A state's payoffs from its policy payoff and the group's total
    /// policy payoff.
    #[inline]
    fn state_payoff(
        &self,
        action: Action,
        unsolved: f64,
        levels: &StateLevels,
        policy: f64,
        total_policy: f64,
    ) -> Payoff {
        let others_mean = (total_policy - policy) / f64::from(self.size - 1);
        let political = self.political(action, unsolved, levels, policy, others_mean);
        Payoff {
            policy,
            political,
            utility: blend(levels.weight, policy, political),
        }
    }

    /// Fails, naming the first slice whose length is not the group size.
    fn check_lengths(&self, lengths: &[(&str, usize)]) -> Result<(), ParameterError> {
        let n = self.size as usize;
        match lengths.iter().find(|(_, len)| *len != n) {
            None => Ok(()),
            Some((field, len)) => Err(ParameterError::new(
                *field,
                format!("expected one value per state ({n}), got {len}"),
            )),
        }
    }

    /// Writes every state's payoffs into `out` (lengths checked by the
    /// caller), with state `i`'s levels from `levels(i)`; returns the
    /// number of cooperators.
    #[inline]
    fn fill_payoffs(
        &self,
        actions: &[Action],
        levels: impl Fn(usize) -> StateLevels,
        realization: Realization,
        out: &mut [Payoff],
    ) -> u32 {
        let cooperators = cooperator_count(actions);
        // The base policy depends on the round only through the action, so
        // it is computed once per action rather than once per state (the
        // same floating-point operations as `policy_payoff`).
        let base_d = self.base_policy(Action::D, cooperators, realization);
        let base_c = self.base_policy(Action::C, cooperators, realization);
        let unsolved = self.unsolved(cooperators);
        let mut total_policy = 0.0;
        for (state, (payoff, &action)) in out.iter_mut().zip(actions).enumerate() {
            let base = if action.is_defection() {
                base_d
            } else {
                base_c
            };
            payoff.policy = base - levels(state).threat * unsolved;
            total_policy += payoff.policy;
        }
        for (state, (payoff, &action)) in out.iter_mut().zip(actions).enumerate() {
            *payoff = self.state_payoff(
                action,
                unsolved,
                &levels(state),
                payoff.policy,
                total_policy,
            );
        }
        cooperators
    }

    /// A state's expected payoffs when every state has the same
    /// politicization `pi`, with `cooperators` cooperators in the group
    /// (itself included when `action` is C). This is the payoff of a
    /// well-mixed population's group (`docs/regimes.md`'s `f_C`, `f_D`).
    ///
    /// Fails, naming `cooperators`, when the count is impossible for the
    /// action (more than N, none with a cooperating focal state, N with a
    /// defecting one).
    pub fn symmetric_payoff(
        &self,
        action: Action,
        cooperators: u32,
        pi: Politicization,
        orientation: Orientation,
    ) -> Result<Payoff, ParameterError> {
        let own_cooperation = u32::from(action.is_cooperation());
        if cooperators > self.size
            || cooperators < own_cooperation
            || cooperators - own_cooperation > self.size - 1
        {
            return Err(ParameterError::new(
                "cooperators",
                format!(
                    "expected a count possible for a {action} in a group of {}, got {cooperators}",
                    self.size
                ),
            ));
        }
        let realization = Realization::Expected;
        let policy = self.policy_payoff(action, cooperators, pi, realization);
        let other_cooperators = cooperators - own_cooperation;
        let other_defectors = self.size - 1 - other_cooperators;
        let mut others_total = 0.0;
        if other_cooperators > 0 {
            others_total += f64::from(other_cooperators)
                * self.policy_payoff(Action::C, cooperators, pi, realization);
        }
        if other_defectors > 0 {
            others_total += f64::from(other_defectors)
                * self.policy_payoff(Action::D, cooperators, pi, realization);
        }
        let others_mean = others_total / f64::from(self.size - 1);
        let levels = self.state_levels(pi, orientation);
        let political = self.political(
            action,
            self.unsolved(cooperators),
            &levels,
            policy,
            others_mean,
        );
        Ok(Payoff {
            utility: blend(levels.weight, policy, political),
            policy,
            political,
        })
    }

    /// For a two-state game, the 2x2 policy matrix it equals (before the
    /// threat cost): `R = policy_C(2)`, `S = policy_C(1)`,
    /// `T = policy_D(1)`, `P = policy_D(0)`, expected form. Together with
    /// [`GroupGame::pairwise_game`] it shows that `N = 2` is the 2x2 game.
    /// `None` for larger groups.
    #[must_use]
    pub fn pairwise_matrix(&self) -> Option<PayoffMatrix> {
        if self.size != 2 {
            return None;
        }
        let expected = Realization::Expected;
        let entries = [
            self.base_policy(Action::C, 2, expected),
            self.base_policy(Action::C, 1, expected),
            self.base_policy(Action::D, 1, expected),
            self.base_policy(Action::D, 0, expected),
        ];
        PayoffMatrix::from_entries(entries).ok()
    }

    /// For a two-state game, the [`TwoLevelGame`] with the same policy
    /// matrix and two-level parameters; `None` for larger groups.
    #[must_use]
    pub fn pairwise_game(&self) -> Option<TwoLevelGame> {
        let matrix = self.pairwise_matrix()?;
        TwoLevelGame::new(
            crate::Bimatrix::symmetric(matrix),
            crate::PoliticalPayoff::Derived {
                kappa: self.kappa,
                audience_bonus: self.audience_bonus,
            },
            self.theta,
            self.beta,
        )
        .and_then(|game| game.with_accountability(self.alpha, self.gamma))
        .ok()
    }
}

/// The number of cooperators in an action profile.
#[inline]
#[must_use]
pub fn cooperator_count(actions: &[Action]) -> u32 {
    // A group never exceeds `GroupGame::MAX_SIZE` states.
    #[allow(clippy::cast_possible_truncation)]
    let count = actions.iter().filter(|a| a.is_cooperation()).count() as u32;
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Outcome;

    fn pi(value: f64) -> Politicization {
        Politicization::new(value).unwrap()
    }

    #[test]
    fn two_state_public_goods_is_the_two_by_two_game() {
        let (factor, cost) = (1.6, 2.0);
        let game = GroupGame::new(2, GroupPolicy::public_goods(factor, cost))
            .unwrap()
            .with_politics(1.3, 0.4)
            .unwrap()
            .with_levels(4.0, 0.8, 1.0, 2.0)
            .unwrap();
        // Derived by hand: R = F c - c, S = F c / 2 - c, T = F c / 2, P = 0.
        let fc = factor * cost;
        let expected = PayoffMatrix::new(fc - cost, fc / 2.0 - cost, fc / 2.0, 0.0).unwrap();
        let matrix = game.pairwise_matrix().unwrap();
        for (a, b) in matrix.entries().into_iter().zip(expected.entries()) {
            assert!((a - b).abs() < 1e-12, "{matrix:?} vs {expected:?}");
        }
        let pairwise = game.pairwise_game().unwrap();
        let orientations = [
            Orientation::new(0.3).unwrap(),
            Orientation::new(0.9).unwrap(),
        ];
        let mut out = [Payoff::default(); 2];
        for pis in [[0.0, 0.0], [0.5, 0.5], [1.0, 0.2], [0.35, 0.8]] {
            let pis = pis.map(pi);
            for outcome in Outcome::ALL {
                let actions = [outcome.own, outcome.partner];
                game.payoffs_into(
                    &actions,
                    &pis,
                    &orientations,
                    Realization::Expected,
                    &mut out,
                )
                .unwrap();
                let reference =
                    pairwise.payoffs_uneven(outcome.own, outcome.partner, pis, orientations);
                for (got, want) in out.iter().zip(reference) {
                    for (g, w) in [
                        (got.policy, want.policy),
                        (got.political, want.political),
                        (got.utility, want.utility),
                    ] {
                        assert!((g - w).abs() < 1e-12, "{outcome:?} {pis:?}: {g} vs {w}");
                    }
                }
            }
        }
    }

    #[test]
    fn symmetric_payoff_agrees_with_the_profile() {
        let game = GroupGame::new(
            5,
            GroupPolicy::CollectiveRisk {
                endowment: 1.0,
                cost_share: 0.1,
                risk: 0.9,
                threshold: 3,
            },
        )
        .unwrap();
        let level = pi(0.4);
        let w = Orientation::new(0.5).unwrap();
        let actions = [Action::C, Action::D, Action::C, Action::D, Action::D];
        let mut out = [Payoff::default(); 5];
        game.payoffs_into(
            &actions,
            &[level; 5],
            &[w; 5],
            Realization::Expected,
            &mut out,
        )
        .unwrap();
        let c = game.symmetric_payoff(Action::C, 2, level, w).unwrap();
        let d = game.symmetric_payoff(Action::D, 2, level, w).unwrap();
        for (got, want) in [(out[0], c), (out[1], d)] {
            assert!((got.utility - want.utility).abs() < 1e-12);
            assert!((got.political - want.political).abs() < 1e-12);
        }
        // k = 2 < M = 3: a defector keeps b (1 - r) minus the threat cost.
        assert!((d.policy - (0.1 - 4.0 * 0.4 * 0.6)).abs() < 1e-12);
        assert!(game.symmetric_payoff(Action::C, 0, level, w).is_err());
        assert!(game.symmetric_payoff(Action::D, 5, level, w).is_err());
    }

    #[test]
    fn sampled_risk_strikes_below_the_draw() {
        let game = GroupGame::new(
            4,
            GroupPolicy::CollectiveRisk {
                endowment: 2.0,
                cost_share: 0.5,
                risk: 0.3,
                threshold: 2,
            },
        )
        .unwrap();
        assert_eq!(
            game.base_policy(Action::D, 1, Realization::Sampled(0.1)),
            0.0
        );
        assert_eq!(
            game.base_policy(Action::D, 1, Realization::Sampled(0.5)),
            2.0
        );
        assert_eq!(
            game.base_policy(Action::C, 2, Realization::Sampled(0.1)),
            1.0
        );
        assert!((game.base_policy(Action::D, 1, Realization::Expected) - 1.4).abs() < 1e-12);
        let stag = GroupGame::new(
            4,
            GroupPolicy::ThresholdPublicGoods {
                factor: 3.0,
                cost: 1.0,
                threshold: 3,
            },
        )
        .unwrap();
        assert_eq!(stag.base_policy(Action::C, 2, Realization::Expected), -1.0);
        assert_eq!(stag.base_policy(Action::D, 3, Realization::Expected), 2.25);
    }

    #[test]
    fn bad_parameters_name_the_field() {
        let field = |result: Result<GroupGame, ParameterError>| result.unwrap_err().field;
        let pg = GroupPolicy::public_goods(2.0, 1.0);
        assert_eq!(field(GroupGame::new(1, pg)), "size");
        let threshold = |m| GroupPolicy::ThresholdPublicGoods {
            factor: 2.0,
            cost: 1.0,
            threshold: m,
        };
        assert_eq!(field(GroupGame::new(4, threshold(5))), "threshold");
        assert!(GroupGame::new(100, threshold(100)).is_ok());
        let risk = GroupPolicy::CollectiveRisk {
            endowment: 1.0,
            cost_share: 0.1,
            risk: 1.5,
            threshold: 2,
        };
        assert_eq!(field(GroupGame::new(4, risk)), "risk");
        assert_eq!(
            field(GroupGame::new(4, GroupPolicy::public_goods(f64::NAN, 1.0))),
            "factor"
        );
        let game = GroupGame::new(3, pg).unwrap();
        assert_eq!(field(game.with_politics(f64::INFINITY, 0.0)), "kappa");
        assert_eq!(field(game.with_levels(1.0, 2.0, 1.0, 1.0)), "beta");
        let mut out = [Payoff::default(); 3];
        let err = game
            .payoffs_into(
                &[Action::C; 2],
                &[pi(0.0); 3],
                &[Orientation::POLICY; 3],
                Realization::Expected,
                &mut out,
            )
            .unwrap_err();
        assert_eq!(err.field, "actions");
        let parsed: GroupGame =
            ron::from_str("(size: 3, policy: PublicGoods(factor: 2.0, cost: 1.0))").unwrap();
        assert_eq!(parsed, game);
        let err =
            ron::from_str::<GroupGame>("(size: 1, policy: PublicGoods(factor: 2.0, cost: 1.0))")
                .unwrap_err();
        assert!(err.to_string().contains("size"), "{err}");
    }
}
