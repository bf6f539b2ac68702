//! The two-level game between two states: [`TwoLevelGame`] (policy
//! payoffs, the [`PoliticalPayoff`] rule, theta, beta, alpha and gamma),
//! its file form [`RawTwoLevelGame`], and the arithmetic of one cell.

use serde::{Deserialize, Serialize};

use super::{
    Orientation, PAYOFF_LIMIT, Payoff, Politicization, StageTable, StageTableBuilder, blend,
};
use crate::action::{Action, Outcome};
use crate::error::{
    ParameterError, check_finite, check_non_negative, check_unit_interval, format_number,
};
use crate::matrix::{Bimatrix, PayoffMatrix};

/// How the domestic political payoff is formed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum PoliticalPayoff {
    /// Derived from relative gains, a nationalist audience and domestic
    /// accountability:
    /// `kappa * (1 + gamma * pi_i^2) * (policy_i - policy_j) + b * [a_i == D]
    /// - alpha * theta * pi_i * (1 - coop_share)`, with the game's `alpha`
    /// and `gamma`.
    Derived {
        /// Relative-gains sensitivity (default 1).
        kappa: f64,
        /// The audience bonus for a visible defection (default 0).
        audience_bonus: f64,
    },
    /// Given directly as each state's 2x2 matrix, used as it is (the
    /// game's accountability and securitization do not apply to it).
    Matrix(Bimatrix),
}

impl Default for PoliticalPayoff {
    fn default() -> Self {
        PoliticalPayoff::Derived {
            kappa: 1.0,
            audience_bonus: 0.0,
        }
    }
}

/// The two-level game between two states.
///
/// Build it with [`TwoLevelGame::new`] or deserialize it; both validate, so a
/// value of this type never holds NaN payoffs or out-of-range parameters.
/// [`TwoLevelGame::classic`] is Axelrod's game, which the two-level game
/// reproduces exactly when `w = 0` and `pi = 0`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawTwoLevelGame", into = "RawTwoLevelGame")]
pub struct TwoLevelGame {
    pub(super) policy: Bimatrix,
    pub(super) political: PoliticalPayoff,
    pub(super) threat_cost: f64,
    pub(super) brake: f64,
    pub(super) accountability: f64,
    pub(super) securitization: f64,
}

/// The unvalidated form of a [`TwoLevelGame`], as written in RON files.
/// Every field has the documented default, so `()` is the default game.
///
/// Its serde name stays `TwoLevelGameConfig`, the type's former name, which
/// RON's messages show (an unknown field is reported `in
/// TwoLevelGameConfig`) and a file may write before the parentheses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "TwoLevelGameConfig", default, deny_unknown_fields)]
pub struct RawTwoLevelGame {
    /// The policy payoffs (absolute gains), by default Axelrod's R, S, T, P
    /// for both states.
    pub policy: Bimatrix,
    /// The political payoff, by default derived with kappa = 1, b = 0.
    pub political: PoliticalPayoff,
    /// The threat cost theta (politicization as accelerator), default 4.
    pub theta: f64,
    /// The brake beta (politicization raises political weight), default 0.8.
    pub beta: f64,
    /// Domestic accountability alpha: the share of the threat cost of an
    /// unsolved, politicized problem that the home public charges to its
    /// government (default 1). Non-negative.
    pub alpha: f64,
    /// Securitization gamma: how much politicization amplifies relative
    /// gains, `kappa_eff = kappa * (1 + gamma * pi^2)` (default 2).
    /// Non-negative.
    pub gamma: f64,
}

impl Default for RawTwoLevelGame {
    fn default() -> Self {
        RawTwoLevelGame {
            policy: Bimatrix::default(),
            political: PoliticalPayoff::default(),
            theta: TwoLevelGame::DEFAULT_THETA,
            beta: TwoLevelGame::DEFAULT_BETA,
            alpha: TwoLevelGame::DEFAULT_ALPHA,
            gamma: TwoLevelGame::DEFAULT_GAMMA,
        }
    }
}

impl TryFrom<RawTwoLevelGame> for TwoLevelGame {
    type Error = ParameterError;

    fn try_from(c: RawTwoLevelGame) -> Result<Self, Self::Error> {
        TwoLevelGame::new(c.policy, c.political, c.theta, c.beta)?
            .with_accountability(c.alpha, c.gamma)
    }
}

impl From<TwoLevelGame> for RawTwoLevelGame {
    fn from(g: TwoLevelGame) -> Self {
        RawTwoLevelGame {
            policy: g.policy,
            political: g.political,
            theta: g.threat_cost,
            beta: g.brake,
            alpha: g.accountability,
            gamma: g.securitization,
        }
    }
}

impl Default for TwoLevelGame {
    /// The library's default two-level game: Axelrod's policy payoffs,
    /// kappa = 1, b = 0, theta = 4, beta = 0.8, alpha = 1, gamma = 2.
    fn default() -> Self {
        TwoLevelGame {
            policy: Bimatrix::default(),
            political: PoliticalPayoff::default(),
            threat_cost: Self::DEFAULT_THETA,
            brake: Self::DEFAULT_BETA,
            accountability: Self::DEFAULT_ALPHA,
            securitization: Self::DEFAULT_GAMMA,
        }
    }
}

impl TwoLevelGame {
    /// The default threat cost theta.
    pub const DEFAULT_THETA: f64 = 4.0;
    /// The default brake beta.
    pub const DEFAULT_BETA: f64 = 0.8;
    /// The default domestic accountability alpha.
    pub const DEFAULT_ALPHA: f64 = 1.0;
    /// The default securitization gamma.
    pub const DEFAULT_GAMMA: f64 = 2.0;

    /// The largest payoff magnitude a game may produce, for any
    /// politicization and orientation. Policy and political payoffs within
    /// this bound keep every blend and every long-run total finite. It is
    /// the crate-wide [`PAYOFF_LIMIT`].
    pub const MAX_PAYOFF: f64 = PAYOFF_LIMIT;

    /// Builds a game, validating every parameter, with the default
    /// accountability and securitization (`alpha = 1`, `gamma = 2`); see
    /// [`TwoLevelGame::with_accountability`] for others.
    ///
    /// `theta` must be finite and non-negative; `beta` must lie in [0, 1] so
    /// that the effective political weight stays in [0, 1]; a derived
    /// political payoff needs finite `kappa` and `audience_bonus`. Finally
    /// every policy and political payoff, for every politicization, must stay
    /// within [`TwoLevelGame::MAX_PAYOFF`] in magnitude; the error then names
    /// the parameter that pushes it out (an entry, `theta`, `kappa` or
    /// `audience_bonus`).
    pub fn new(
        policy: Bimatrix,
        political: PoliticalPayoff,
        theta: f64,
        beta: f64,
    ) -> Result<Self, ParameterError> {
        check_non_negative("theta", theta)?;
        check_unit_interval("beta", beta)?;
        if let PoliticalPayoff::Derived {
            kappa,
            audience_bonus,
        } = political
        {
            check_finite("kappa", kappa).map_err(|e| e.within("political.Derived"))?;
            check_finite("audience_bonus", audience_bonus)
                .map_err(|e| e.within("political.Derived"))?;
        }
        let game = TwoLevelGame {
            policy,
            political,
            threat_cost: theta,
            brake: beta,
            accountability: Self::DEFAULT_ALPHA,
            securitization: Self::DEFAULT_GAMMA,
        };
        game.check_magnitudes()?;
        Ok(game)
    }

    /// The same game (policy payoffs, theta, beta, alpha, gamma) with
    /// another political payoff rule, validated as [`TwoLevelGame::new`]
    /// validates it.
    pub fn with_political(self, political: PoliticalPayoff) -> Result<Self, ParameterError> {
        TwoLevelGame::new(self.policy, political, self.threat_cost, self.brake)?
            .with_accountability(self.accountability, self.securitization)
    }

    /// The same game with domestic accountability `alpha` and
    /// securitization `gamma` (both finite and non-negative). With
    /// `alpha = gamma = 0` the political payoff is the first version of the
    /// model, `kappa * (policy_i - policy_j) + b * [a_i == D]`, bit for bit.
    pub fn with_accountability(mut self, alpha: f64, gamma: f64) -> Result<Self, ParameterError> {
        self.accountability = check_non_negative("alpha", alpha)?;
        self.securitization = check_non_negative("gamma", gamma)?;
        self.check_magnitudes()?;
        Ok(self)
    }

    /// Checks that every policy and political payoff stays within
    /// [`TwoLevelGame::MAX_PAYOFF`] for every politicization.
    ///
    /// Policy payoffs are affine in `pi` and a derived political payoff is
    /// affine in the policy payoffs, so the ends `pi = 0` and `pi = 1` bound
    /// them; the blend is a convex combination of the two, so it is bounded
    /// too.
    fn check_magnitudes(&self) -> Result<(), ParameterError> {
        let within = |value: f64| value.abs() <= Self::MAX_PAYOFF;
        let reason = |what: &str, value: f64| {
            format!(
                "{what} reaches {}, beyond the largest payoff magnitude {}",
                format_number(value),
                format_number(Self::MAX_PAYOFF)
            )
        };
        let check_entries = |prefix: &str, bimatrix: &Bimatrix| {
            for (side, matrix) in [("row", bimatrix.row), ("column", bimatrix.column)] {
                for (name, value) in ["R", "S", "T", "P"].into_iter().zip(matrix.entries()) {
                    if !within(value) {
                        return Err(ParameterError::new(
                            format!("{prefix}.{side}.{name}"),
                            reason("the entry", value),
                        ));
                    }
                }
            }
            Ok(())
        };
        check_entries("policy", &self.policy)?;
        if let PoliticalPayoff::Matrix(m) = &self.political {
            check_entries("political.Matrix", m)?;
        }
        let corners = [Politicization::NONE, Politicization::SECURITIZED];
        for pi in corners {
            for outcome in Outcome::ALL {
                let policy = self.policy_payoffs(outcome.own, outcome.partner, pi);
                if let Some(&value) = policy.iter().find(|v| !within(**v)) {
                    return Err(ParameterError::new(
                        "theta",
                        reason("the threat cost makes a policy payoff that", value),
                    ));
                }
            }
        }
        // The widest base gap between the two states' policy payoffs,
        // over the outcomes and both ends of the scale.
        let gap = corners
            .iter()
            .flat_map(|&pi| Outcome::ALL.map(|o| self.policy_payoffs(o.own, o.partner, pi)))
            .map(|policy| (policy[0] - policy[1]).abs())
            .fold(0.0, f64::max);
        // A derived political payoff is checked term by term, so that a
        // huge relative-gains term cannot hide behind an audience bonus that
        // cancels it at the ends. The relative-gains term is largest where
        // kappa_eff is (pi = 1) and where the threat costs differ most (one
        // state at pi = 0, the other at 1): a term that overflows on the
        // base gap names kappa, one that overflows only once the threat
        // cost widens the gap names theta.
        let terms = match self.political {
            PoliticalPayoff::Derived {
                kappa,
                audience_bonus,
            } => {
                let kappa_max = kappa * (1.0 + self.securitization);
                // The relative-gains term is kappa times the policy gap:
                // blame kappa when it magnifies the gap, otherwise the
                // policy entry that makes the gap so wide.
                let gap_field = if kappa_max.abs() > 1.0 {
                    "political.Derived.kappa".to_owned()
                } else {
                    self.widest_policy_entry()
                };
                [
                    (gap_field, kappa_max * gap),
                    ("theta".to_owned(), kappa_max * (gap + self.threat_cost)),
                    (
                        "political.Derived.audience_bonus".to_owned(),
                        audience_bonus,
                    ),
                    ("alpha".to_owned(), self.accountability * self.threat_cost),
                ]
            }
            PoliticalPayoff::Matrix(_) => {
                std::array::from_fn(|_| ("political.Matrix".to_owned(), 0.0))
            }
        };
        let political = corners
            .iter()
            .flat_map(|&pi| Outcome::ALL.map(|o| self.political_payoffs(o.own, o.partner, pi)));
        let first = terms[0].0.clone();
        let culprit = terms.into_iter().find(|(_, v)| !within(*v)).or_else(|| {
            political
                .flatten()
                .find(|v| !within(*v))
                .map(|v| (first, v))
        });
        if let Some((field, value)) = culprit {
            return Err(ParameterError::new(
                field,
                reason("a political payoff term", value),
            ));
        }
        Ok(())
    }

    /// The field of the policy entry of largest magnitude (`policy.row.R`
    /// and so on), which widens the gap between the states' payoffs most.
    fn widest_policy_entry(&self) -> String {
        let mut widest = (String::from("policy"), -1.0);
        for (side, matrix) in [("row", self.policy.row), ("column", self.policy.column)] {
            for (name, value) in ["R", "S", "T", "P"].into_iter().zip(matrix.entries()) {
                if value.abs() > widest.1 {
                    widest = (format!("policy.{side}.{name}"), value.abs());
                }
            }
        }
        widest.0
    }

    /// Axelrod's classic game: the given policy matrix for both states, no
    /// threat cost and no brake. With `w = 0` every utility equals the policy
    /// payoff exactly.
    #[must_use]
    pub fn classic(matrix: PayoffMatrix) -> Self {
        TwoLevelGame {
            policy: Bimatrix::symmetric(matrix),
            political: PoliticalPayoff::default(),
            threat_cost: 0.0,
            brake: 0.0,
            accountability: 0.0,
            securitization: 0.0,
        }
    }

    /// The policy payoffs.
    #[must_use]
    pub const fn policy(&self) -> &Bimatrix {
        &self.policy
    }

    /// The political payoff rule.
    #[must_use]
    pub const fn political(&self) -> &PoliticalPayoff {
        &self.political
    }

    /// The threat cost theta.
    #[must_use]
    pub const fn theta(&self) -> f64 {
        self.threat_cost
    }

    /// The brake beta.
    #[must_use]
    pub const fn beta(&self) -> f64 {
        self.brake
    }

    /// Domestic accountability alpha.
    #[must_use]
    pub const fn alpha(&self) -> f64 {
        self.accountability
    }

    /// Securitization gamma.
    #[must_use]
    pub const fn gamma(&self) -> f64 {
        self.securitization
    }

    /// Returns `true` when both states face the same payoffs, so that a
    /// single blended matrix describes the game.
    #[must_use]
    pub fn is_symmetric(&self) -> bool {
        self.policy.is_symmetric()
            && match self.political {
                PoliticalPayoff::Derived { .. } => true,
                PoliticalPayoff::Matrix(m) => m.is_symmetric(),
            }
    }

    /// The effective political weight `w_eff = w + (1 - w) * beta * pi`.
    #[inline]
    #[must_use]
    pub fn effective_weight(&self, orientation: Orientation, pi: Politicization) -> f64 {
        let w = orientation.political_weight();
        w + (1.0 - w) * self.brake * pi.value()
    }

    /// The relative-gains sensitivity at politicization `pi`,
    /// `kappa_eff = kappa * (1 + gamma * pi^2)` (`kappa` itself when gamma
    /// is 0), for a derived political payoff; `None` for a given matrix.
    #[inline]
    #[must_use]
    pub fn effective_kappa(&self, pi: Politicization) -> Option<f64> {
        match self.political {
            PoliticalPayoff::Derived { kappa, .. } => Some(self.kappa_at(kappa, pi.value())),
            PoliticalPayoff::Matrix(_) => None,
        }
    }

    #[inline]
    pub(super) fn kappa_at(&self, kappa: f64, pi: f64) -> f64 {
        if self.securitization == 0.0 {
            kappa
        } else {
            kappa * (1.0 + self.securitization * pi * pi)
        }
    }

    /// Both states' policy payoffs, `base_i - theta * pi * (1 - coop_share)`.
    #[inline]
    #[must_use]
    pub fn policy_payoffs(&self, row: Action, column: Action, pi: Politicization) -> [f64; 2] {
        self.policy_payoffs_uneven(row, column, [pi, pi])
    }

    /// What each state's politicization contributes to its payoffs, computed
    /// once for a table: the threat cost rate `theta * pi_i`, the
    /// accountability rate `alpha * theta * pi_i` and `kappa_eff_i`.
    #[inline]
    pub(super) fn levels(&self, pis: [Politicization; 2]) -> StateLevels {
        let at = |pi: f64| {
            (
                self.threat_cost * pi,
                self.accountability * self.threat_cost * pi,
                match self.political {
                    PoliticalPayoff::Derived { kappa, .. } => self.kappa_at(kappa, pi),
                    PoliticalPayoff::Matrix(_) => 0.0,
                },
            )
        };
        let (a, b) = (at(pis[0].value()), at(pis[1].value()));
        StateLevels {
            threat: [a.0, b.0],
            accountable: [a.1, b.1],
            kappa_eff: [a.2, b.2],
        }
    }

    /// Both states' policy payoffs when each state has its own
    /// politicization: `base_i - theta * pi_i * (1 - coop_share)`.
    #[inline]
    #[must_use]
    pub fn policy_payoffs_uneven(
        &self,
        row: Action,
        column: Action,
        pis: [Politicization; 2],
    ) -> [f64; 2] {
        self.policy_at(row, column, &self.levels(pis))
    }

    /// Both states' policy payoffs from precomputed levels.
    #[inline]
    fn policy_at(&self, row: Action, column: Action, levels: &StateLevels) -> [f64; 2] {
        let base = self.policy.payoffs(row, column);
        let unsolved = unsolved_share(row, column);
        [
            threatened(base[0], levels.threat[0], unsolved),
            threatened(base[1], levels.threat[1], unsolved),
        ]
    }

    /// Both states' political payoffs.
    #[inline]
    #[must_use]
    pub fn political_payoffs(&self, row: Action, column: Action, pi: Politicization) -> [f64; 2] {
        self.political_payoffs_uneven(row, column, [pi, pi])
    }

    /// Both states' political payoffs when each state has its own
    /// politicization.
    #[inline]
    #[must_use]
    pub fn political_payoffs_uneven(
        &self,
        row: Action,
        column: Action,
        pis: [Politicization; 2],
    ) -> [f64; 2] {
        let levels = self.levels(pis);
        self.political_given_policy(row, column, &levels, || {
            self.policy_at(row, column, &levels)
        })
    }

    /// Both states' political payoffs, with the policy payoffs (needed only
    /// by the derived rule) computed on demand.
    #[inline]
    fn political_given_policy(
        &self,
        row: Action,
        column: Action,
        levels: &StateLevels,
        policy: impl FnOnce() -> [f64; 2],
    ) -> [f64; 2] {
        match self.political {
            PoliticalPayoff::Derived { audience_bonus, .. } => {
                let policy = policy();
                let unsolved = unsolved_share(row, column);
                let side = |own: usize, action: Action| {
                    self.derived_political(
                        levels,
                        own,
                        policy,
                        audience_bonus_for(action, audience_bonus),
                        unsolved,
                    )
                };
                [side(0, row), side(1, column)]
            }
            PoliticalPayoff::Matrix(m) => m.payoffs(row, column),
        }
    }

    /// State `own`'s derived political payoff in one cell, given both
    /// states' policy payoffs there, its audience bonus (0.0 for a
    /// cooperation) and the unsolved share:
    /// `kappa_eff * (policy_own - policy_other) + bonus`, less
    /// `alpha * theta * pi * unsolved` unless alpha is 0.
    #[inline]
    fn derived_political(
        &self,
        levels: &StateLevels,
        own: usize,
        policy: [f64; 2],
        bonus: f64,
        unsolved: f64,
    ) -> f64 {
        let relative = levels.kappa_eff[own] * (policy[own] - policy[1 - own]);
        // Adding 0.0 for a cooperation keeps the first version's arithmetic
        // exactly (a relative term of -0.0 becomes 0.0).
        let audience = relative + bonus;
        if self.accountability == 0.0 {
            audience
        } else {
            audience - levels.accountable[own] * unsolved
        }
    }

    /// Both states' payoffs (utility, policy and political parts) for the
    /// row state's and the column state's actions, at politicization `pi`,
    /// given each state's orientation.
    #[must_use]
    pub fn payoffs(
        &self,
        row: Action,
        column: Action,
        pi: Politicization,
        orientations: [Orientation; 2],
    ) -> [Payoff; 2] {
        self.payoffs_uneven(row, column, [pi, pi], orientations)
    }

    /// Both states' payoffs when each state has its own politicization
    /// `pis[k]` (threat cost, accountability, `kappa_eff` and `w_eff` all
    /// use the state's own level).
    #[must_use]
    pub fn payoffs_uneven(
        &self,
        row: Action,
        column: Action,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [Payoff; 2] {
        let weights = [
            self.effective_weight(orientations[0], pis[0]),
            self.effective_weight(orientations[1], pis[1]),
        ];
        self.payoffs_with_weights(row, column, &self.levels(pis), weights)
    }

    /// Both states' payoffs given their effective political weights.
    #[inline]
    fn payoffs_with_weights(
        &self,
        row: Action,
        column: Action,
        levels: &StateLevels,
        weights: [f64; 2],
    ) -> [Payoff; 2] {
        let policy = self.policy_at(row, column, levels);
        let political = self.political_given_policy(row, column, levels, || policy);
        let part = |i: usize| Payoff {
            utility: blend(weights[i], policy[i], political[i]),
            policy: policy[i],
            political: political[i],
        };
        [part(0), part(1)]
    }

    /// Both players' payoffs for all four outcomes at fixed `pi` and
    /// orientations.
    ///
    /// Matches with dynamic politicization call this after every round, so
    /// it computes each effective weight once and each cell's policy payoff
    /// once; the values are those of [`TwoLevelGame::payoffs`], bit for bit.
    #[inline]
    #[must_use]
    pub fn stage_table(&self, pi: Politicization, orientations: [Orientation; 2]) -> StageTable {
        self.stage_table_uneven([pi, pi], orientations)
    }

    /// Both players' payoffs for all four outcomes when each state has its
    /// own politicization; the values are those of
    /// [`TwoLevelGame::payoffs_uneven`], bit for bit.
    #[inline]
    #[must_use]
    pub fn stage_table_uneven(
        &self,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> StageTable {
        let mut table = StageTable::default();
        StageTableBuilder::new(self).fill(&mut table, pis, orientations);
        table
    }

    /// The blended matrix (R', S', T', P') of a symmetric game for a player
    /// of orientation `orientation` at politicization `pi`. A player's
    /// utility does not depend on the partner's orientation.
    ///
    /// For an asymmetric game this is the row state's matrix.
    #[must_use]
    pub fn blended_matrix(&self, orientation: Orientation, pi: Politicization) -> PayoffMatrix {
        self.stage_table(pi, [orientation, orientation])
            .row_matrix()
    }
}

/// What each state's politicization contributes to its payoffs (see
/// [`TwoLevelGame::levels`]), indexed by state.
#[derive(Clone, Copy, Debug)]
pub(super) struct StateLevels {
    /// `theta * pi_i`.
    pub(super) threat: [f64; 2],
    /// `alpha * theta * pi_i`.
    pub(super) accountable: [f64; 2],
    /// `kappa * (1 + gamma * pi_i^2)` (0 for a given political matrix).
    pub(super) kappa_eff: [f64; 2],
}

/// A policy payoff less the threat cost of the unsolved share,
/// `base - theta * pi * unsolved` (with `theta * pi` given).
#[inline]
pub(super) fn threatened(base: f64, threat: f64, unsolved: f64) -> f64 {
    base - threat * unsolved
}

/// The audience bonus a state earns with `action`: the bonus for a
/// defection, 0.0 for a cooperation.
#[inline]
pub(super) fn audience_bonus_for(action: Action, audience_bonus: f64) -> f64 {
    if action.is_defection() {
        audience_bonus
    } else {
        0.0
    }
}

/// The share of the problem left unsolved, `1 - coop_share`: 0 when both
/// cooperate, 1/2 when one does, 1 when neither does.
#[inline]
pub(super) fn unsolved_share(row: Action, column: Action) -> f64 {
    1.0 - f64::from(Outcome::new(row, column).cooperators()) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_game_worked_example() {
        // pi = 0.5, w = 0: w_eff = 0.4; policy R = 3, S = -1, T = 4, P = -1.
        // kappa_eff = 1 + 2 * 0.25 = 1.5; accountability alpha * theta * pi
        // = 2 per unsolved share: political R = 0, S = -7.5 - 1 = -8.5,
        // T = 7.5 - 1 = 6.5, P = -2.
        let game = TwoLevelGame::default();
        let pi = Politicization::new(0.5).unwrap();
        let m = game.blended_matrix(Orientation::POLICY, pi);
        assert!((m.r() - 1.8).abs() < 1e-12);
        assert!((m.s() - (-0.6 - 0.4 * 8.5)).abs() < 1e-12);
        assert!((m.t() - (0.6 * 4.0 + 0.4 * 6.5)).abs() < 1e-12);
        assert!((m.p() - (-0.6 - 0.4 * 2.0)).abs() < 1e-12);
        let political = game.political_payoffs(Action::D, Action::D, pi);
        assert_eq!(political, [-2.0, -2.0]);
    }

    #[test]
    fn first_version_worked_example() {
        // alpha = gamma = 0 at pi = 0.5, w = 0: w_eff = 0.4; policy R = 3,
        // S = -1, T = 4, P = -1; political S = -5, T = 5.
        let game = TwoLevelGame::default()
            .with_accountability(0.0, 0.0)
            .unwrap();
        let pi = Politicization::new(0.5).unwrap();
        let m = game.blended_matrix(Orientation::POLICY, pi);
        assert!((m.r() - 1.8).abs() < 1e-12);
        assert!((m.s() - (-0.6 - 0.4 * 5.0)).abs() < 1e-12);
        assert!((m.t() - (0.6 * 4.0 + 0.4 * 5.0)).abs() < 1e-12);
        assert!((m.p() - (-0.6)).abs() < 1e-12);
    }

    #[test]
    fn uneven_politicization_uses_each_states_own_level() {
        // Row at pi = 1, column at pi = 0, mutual defection (unsolved 1):
        // policy 1 - 4 = -3 and 1; row political kappa_eff = 3 times
        // (-3 - 1) minus accountability 4 = -16; column political
        // 1 * (1 + 3) = 4.
        let game = TwoLevelGame::default();
        let pis = [Politicization::SECURITIZED, Politicization::NONE];
        let [row, column] =
            game.payoffs_uneven(Action::D, Action::D, pis, [Orientation::POLICY; 2]);
        assert_eq!((row.policy, column.policy), (-3.0, 1.0));
        assert_eq!((row.political, column.political), (-16.0, 4.0));
        // w_eff: row 0.8 at pi = 1, column 0 at pi = 0.
        assert!((row.utility - (0.2 * -3.0 + 0.8 * -16.0)).abs() < 1e-12);
        assert_eq!(column.utility, 1.0);
        // Equal levels give the shared-pi payoffs bit for bit.
        let half = Politicization::new(0.5).unwrap();
        for outcome in Outcome::ALL {
            let shared = game.payoffs(outcome.own, outcome.partner, half, [Orientation::POLICY; 2]);
            let uneven = game.payoffs_uneven(
                outcome.own,
                outcome.partner,
                [half; 2],
                [Orientation::POLICY; 2],
            );
            assert_eq!(shared, uneven);
        }
    }

    #[test]
    fn accountability_is_validated() {
        let game = TwoLevelGame::default();
        assert_eq!(
            game.with_accountability(-1.0, 2.0).unwrap_err().field,
            "alpha"
        );
        assert_eq!(
            game.with_accountability(1.0, f64::NAN).unwrap_err().field,
            "gamma"
        );
        let parsed: TwoLevelGame = ron::from_str("(alpha: 0.0, gamma: 0.0)").unwrap();
        assert_eq!((parsed.alpha(), parsed.gamma()), (0.0, 0.0));
        assert_eq!(ron::from_str::<TwoLevelGame>("()").unwrap(), game);
        let err = ron::from_str::<TwoLevelGame>("(gamma: -2.0)").unwrap_err();
        assert!(err.to_string().contains("gamma"), "{err}");
    }

    #[test]
    fn overflowing_payoffs_name_the_parameter() {
        let huge = PayoffMatrix::new(1e305, 0.0, 5.0, 1.0).unwrap();
        let err = TwoLevelGame::new(
            Bimatrix::symmetric(huge),
            PoliticalPayoff::default(),
            4.0,
            0.8,
        )
        .unwrap_err();
        assert_eq!(err.field, "policy.row.R");
        let err = TwoLevelGame::new(Bimatrix::default(), PoliticalPayoff::default(), 1e301, 0.8)
            .unwrap_err();
        assert_eq!(err.field, "theta");
        let derived = |kappa, audience_bonus| PoliticalPayoff::Derived {
            kappa,
            audience_bonus,
        };
        let err =
            TwoLevelGame::new(Bimatrix::default(), derived(f64::MAX, 0.0), 4.0, 0.8).unwrap_err();
        assert_eq!(err.field, "political.Derived.kappa");
        let err =
            TwoLevelGame::new(Bimatrix::default(), derived(1.0, -1e302), 4.0, 0.8).unwrap_err();
        assert_eq!(err.field, "political.Derived.audience_bonus");
        let political = PoliticalPayoff::Matrix(Bimatrix {
            row: PayoffMatrix::AXELROD,
            column: PayoffMatrix::new(0.0, 0.0, -1e308, 0.0).unwrap(),
        });
        let err = TwoLevelGame::new(Bimatrix::default(), political, 4.0, 0.8).unwrap_err();
        assert_eq!(err.field, "political.Matrix.column.T");
    }

    #[test]
    fn invalid_parameters_are_rejected() {
        assert_eq!(
            TwoLevelGame::new(Bimatrix::default(), PoliticalPayoff::default(), -1.0, 0.5)
                .unwrap_err()
                .field,
            "theta"
        );
    }
}
