//! The two-level game: a policy payoff (international, absolute gains) and a
//! political payoff (domestic, relative gains and audience), blended by each
//! state's orientation and the politicization of the issue.
//!
//! The formulas are those of `docs/model.md` (MODEL.md sections 1 and 3):
//!
//! ```text
//! policy_i    = base_i(a_i, a_j) - theta * pi_i * (1 - coop_share)
//! political_i = kappa_eff_i * (policy_i - policy_j) + b * [a_i == D]
//!               - alpha * theta * pi_i * (1 - coop_share)      (or a given matrix)
//! kappa_eff_i = kappa * (1 + gamma * pi_i^2)
//! w_eff_i     = w_i + (1 - w_i) * beta * pi_i
//! u_i         = (1 - w_eff_i) * policy_i + w_eff_i * political_i
//! ```
//!
//! `pi_i` is the politicization of the problem in front of state i's own
//! public; one shared `pi` is the case `pi_i = pi_j`. `alpha` is domestic
//! accountability (the accelerator reaches politicians too) and `gamma`
//! securitization's amplification of relative gains (the brake); with
//! `alpha = gamma = 0` the game is the first version of the model, bit for
//! bit.

use serde::{Deserialize, Serialize};

use crate::action::{Action, Outcome};
use crate::error::{
    ParameterError, check_finite, check_non_negative, check_unit_interval, format_number,
};
use crate::matrix::{Bimatrix, PayoffMatrix};

/// The largest payoff magnitude accepted anywhere: a game's policy and
/// political payoffs (for every politicization), a payoff table's entries
/// and a group game's payoffs. 1e100 leaves room for every total over a
/// long match, every blend, and every product with an intensity of
/// selection (itself at most 1e100) summed over a population, to stay
/// finite; `docs/guide.md` lists it with the other limits.
pub const PAYOFF_LIMIT: f64 = 1e100;

/// The level of politicization of the shared problem, `pi` in [0, 1]:
/// 0 is non-politicized, about 0.5 politicized, 1 securitized.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Politicization(f64);

impl Politicization {
    /// No politicization: the issue is left to technical policy making.
    pub const NONE: Politicization = Politicization(0.0);
    /// Full securitization.
    pub const SECURITIZED: Politicization = Politicization(1.0);

    /// Builds a level, rejecting values outside [0, 1] (and NaN).
    pub fn new(pi: f64) -> Result<Self, ParameterError> {
        check_unit_interval("pi", pi).map(Politicization)
    }

    /// Builds a level by clamping into [0, 1]; NaN becomes 0. This is the
    /// update rule's clamp for dynamic politicization.
    #[inline]
    #[must_use]
    pub fn clamped(pi: f64) -> Self {
        // A value already in [0, 1] (the usual case) is taken by a branch
        // the processor predicts, rather than through a minimum and a
        // maximum whose latency a match's chain of levels would pay every
        // round; the result is the same.
        if (0.0..=1.0).contains(&pi) {
            Politicization(pi)
        } else if pi.is_nan() {
            Politicization(0.0)
        } else {
            Politicization(pi.clamp(0.0, 1.0))
        }
    }

    /// The level as a number in [0, 1].
    #[inline]
    #[must_use]
    pub const fn value(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Politicization {
    type Error = ParameterError;

    fn try_from(pi: f64) -> Result<Self, Self::Error> {
        Politicization::new(pi)
    }
}

impl From<Politicization> for f64 {
    fn from(pi: Politicization) -> f64 {
        pi.0
    }
}

/// A state's orientation: its political weight `w` in [0, 1], the share of
/// its utility that comes from the domestic political payoff. Politicians
/// are high, bureaucrats low.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Orientation(f64);

impl Orientation {
    /// A pure policy maker (w = 0): the classic game's player.
    pub const POLICY: Orientation = Orientation(0.0);
    /// A pure politician (w = 1).
    pub const POLITICAL: Orientation = Orientation(1.0);

    /// Builds an orientation, rejecting weights outside [0, 1] (and NaN).
    pub fn new(political_weight: f64) -> Result<Self, ParameterError> {
        check_unit_interval("w", political_weight).map(Orientation)
    }

    /// Builds an orientation by clamping into [0, 1]; NaN becomes 0. Used
    /// where a weight is computed from valid weights (an election boost) and
    /// rounding could step a hair outside the interval.
    #[inline]
    #[must_use]
    pub fn clamped(political_weight: f64) -> Self {
        if political_weight.is_nan() {
            Orientation(0.0)
        } else {
            Orientation(political_weight.clamp(0.0, 1.0))
        }
    }

    /// The political weight `w`.
    #[inline]
    #[must_use]
    pub const fn political_weight(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Orientation {
    type Error = ParameterError;

    fn try_from(w: f64) -> Result<Self, Self::Error> {
        Orientation::new(w)
    }
}

impl From<Orientation> for f64 {
    fn from(o: Orientation) -> f64 {
        o.0
    }
}

/// A state's role in an asymmetric game (a [`Bimatrix`]): state A takes
/// the row payoffs, state B the column payoffs. In a tournament the role
/// belongs to the entrant, never to its position in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The row state.
    A,
    /// The column state.
    B,
}

impl Role {
    /// The other role.
    #[must_use]
    pub const fn other(self) -> Role {
        match self {
            Role::A => Role::B,
            Role::B => Role::A,
        }
    }
}

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

/// One player's payoff for one round, with its two parts.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct Payoff {
    /// The blended utility, `(1 - w_eff) * policy + w_eff * political`.
    pub utility: f64,
    /// The policy (international, absolute-gains) payoff.
    pub policy: f64,
    /// The political (domestic) payoff.
    pub political: f64,
}

impl Payoff {
    /// The payoff in the given currency.
    #[inline]
    #[must_use]
    pub const fn in_currency(&self, currency: crate::Currency) -> f64 {
        match currency {
            crate::Currency::Policy => self.policy,
            crate::Currency::Political => self.political,
            crate::Currency::Utility => self.utility,
        }
    }
}

/// Both players' payoffs for each of the four outcomes, at a fixed
/// politicization and fixed orientations, indexed by
/// [`Outcome::index`] of the row player's outcome.
///
/// Matches precompute this table so that a turn costs one lookup.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StageTable {
    /// `cells[outcome.index()]` holds `[row player's payoff, column player's payoff]`.
    pub cells: [[Payoff; 2]; 4],
}

impl StageTable {
    /// Both players' payoffs when the row player plays `row` and the column
    /// player plays `column`.
    #[inline]
    #[must_use]
    pub fn get(&self, row: Action, column: Action) -> &[Payoff; 2] {
        &self.cells[Outcome::new(row, column).index()]
    }

    /// The row player's blended utilities as a payoff matrix (R, S, T, P).
    #[must_use]
    pub fn row_utilities(&self) -> [f64; 4] {
        [0, 1, 2, 3].map(|i| self.cells[i][0].utility)
    }

    /// The column player's blended utilities, from its own side (R, S, T, P).
    #[must_use]
    pub fn column_utilities(&self) -> [f64; 4] {
        // The column player's own-action-first outcome (own, partner) is the
        // row outcome (partner, own).
        Outcome::ALL.map(|o| self.cells[o.swap().index()][1].utility)
    }

    /// The row player's blended utilities as a [`PayoffMatrix`].
    ///
    /// A table built by [`TwoLevelGame::stage_table`] holds finite payoffs
    /// (the game bounds them by [`TwoLevelGame::MAX_PAYOFF`]), so this
    /// cannot fail.
    #[must_use]
    pub fn row_matrix(&self) -> PayoffMatrix {
        PayoffMatrix::from_finite_entries(self.row_utilities())
    }

    /// The column player's blended utilities, from its own side, as a
    /// [`PayoffMatrix`]; see [`StageTable::row_matrix`].
    #[must_use]
    pub fn column_matrix(&self) -> PayoffMatrix {
        PayoffMatrix::from_finite_entries(self.column_utilities())
    }
}

/// The two-level game between two states.
///
/// Build it with [`TwoLevelGame::new`] or deserialize it; both validate, so a
/// value of this type never holds NaN payoffs or out-of-range parameters.
/// [`TwoLevelGame::classic`] is Axelrod's game, which the two-level game
/// reproduces exactly when `w = 0` and `pi = 0`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TwoLevelGameConfig", into = "TwoLevelGameConfig")]
pub struct TwoLevelGame {
    policy: Bimatrix,
    political: PoliticalPayoff,
    threat_cost: f64,
    brake: f64,
    accountability: f64,
    securitization: f64,
}

/// The unvalidated form of a [`TwoLevelGame`], as written in RON files.
/// Every field has the documented default, so `()` is the default game.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TwoLevelGameConfig {
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

impl Default for TwoLevelGameConfig {
    fn default() -> Self {
        TwoLevelGameConfig {
            policy: Bimatrix::default(),
            political: PoliticalPayoff::default(),
            theta: TwoLevelGame::DEFAULT_THETA,
            beta: TwoLevelGame::DEFAULT_BETA,
            alpha: TwoLevelGame::DEFAULT_ALPHA,
            gamma: TwoLevelGame::DEFAULT_GAMMA,
        }
    }
}

impl TryFrom<TwoLevelGameConfig> for TwoLevelGame {
    type Error = ParameterError;

    fn try_from(c: TwoLevelGameConfig) -> Result<Self, Self::Error> {
        TwoLevelGame::new(c.policy, c.political, c.theta, c.beta)?
            .with_accountability(c.alpha, c.gamma)
    }
}

impl From<TwoLevelGame> for TwoLevelGameConfig {
    fn from(g: TwoLevelGame) -> Self {
        TwoLevelGameConfig {
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
    fn kappa_at(&self, kappa: f64, pi: f64) -> f64 {
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
    fn levels(&self, pis: [Politicization; 2]) -> StateLevels {
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
struct StateLevels {
    /// `theta * pi_i`.
    threat: [f64; 2],
    /// `alpha * theta * pi_i`.
    accountable: [f64; 2],
    /// `kappa * (1 + gamma * pi_i^2)` (0 for a given political matrix).
    kappa_eff: [f64; 2],
}

/// What a game's stage tables share whatever the politicization levels and
/// orientations: each cell's base policy payoffs, unsolved share and
/// audience bonuses (or given political payoffs), computed once.
///
/// A match whose levels move every round (dynamic politicization) keeps one
/// builder and refills its table with [`StageTableBuilder::fill`], which
/// does only the arithmetic that depends on the levels and orientations,
/// cell by cell in the order [`TwoLevelGame::payoffs_uneven`] does it, so
/// the table is the same bit for bit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageTableBuilder {
    game: TwoLevelGame,
    /// `base[outcome][k]`: state k's policy payoff before any threat cost.
    base: [[f64; 2]; 4],
    /// The unsolved share of each outcome.
    unsolved: [f64; 4],
    /// `political[outcome][k]`: a derived rule's audience bonus (0.0 for a
    /// cooperation), or a given matrix's political payoff.
    political: [[f64; 2]; 4],
    /// Whether the political payoff is derived (or given as a matrix).
    derived: bool,
    /// theta, the threat cost.
    threat_cost: f64,
    /// `alpha * theta`, so that a state's accountability rate is this
    /// times its level.
    accountability_rate: f64,
    /// Whether alpha is not 0.
    accountable: bool,
    /// A derived political payoff's kappa (0.0 for a given matrix).
    kappa: f64,
}

impl StageTableBuilder {
    /// The level-free parts of `game`'s stage tables.
    #[must_use]
    pub fn new(game: &TwoLevelGame) -> Self {
        let mut base = [[0.0; 2]; 4];
        let mut unsolved = [0.0; 4];
        let mut political = [[0.0; 2]; 4];
        for outcome in Outcome::ALL {
            let (row, column) = (outcome.own, outcome.partner);
            let cell = outcome.index();
            base[cell] = game.policy.payoffs(row, column);
            unsolved[cell] = unsolved_share(row, column);
            political[cell] = match game.political {
                PoliticalPayoff::Derived { audience_bonus, .. } => [
                    audience_bonus_for(row, audience_bonus),
                    audience_bonus_for(column, audience_bonus),
                ],
                PoliticalPayoff::Matrix(m) => m.payoffs(row, column),
            };
        }
        StageTableBuilder {
            game: *game,
            base,
            unsolved,
            political,
            derived: matches!(game.political, PoliticalPayoff::Derived { .. }),
            threat_cost: game.threat_cost,
            accountability_rate: game.accountability * game.threat_cost,
            accountable: game.accountability != 0.0,
            kappa: match game.political {
                PoliticalPayoff::Derived { kappa, .. } => kappa,
                PoliticalPayoff::Matrix(_) => 0.0,
            },
        }
    }

    /// The game the tables are built for.
    #[must_use]
    pub const fn game(&self) -> &TwoLevelGame {
        &self.game
    }

    /// Fills `table` with both players' payoffs for all four outcomes when
    /// each state has its own politicization: the table of
    /// [`TwoLevelGame::stage_table_uneven`], bit for bit. Returns each
    /// state's effective political weight `w_eff` at its own level (the
    /// weights the utilities were blended with).
    ///
    /// Every value is computed with the same floating-point operations, in
    /// the same order, as [`TwoLevelGame::payoffs_uneven`] computes it; only
    /// what the cells share is computed once: each state's weight, levels
    /// and `1 - w_eff`, and the choice between the exact ends of the blend
    /// (`w_eff` 0 or 1) and the mixture, made once per state instead of once
    /// per cell.
    #[inline]
    pub fn fill(
        &self,
        table: &mut StageTable,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [f64; 2] {
        let weights = self.weights(pis, orientations);
        let levels = self.game.levels(pis);
        let accountable = self.game.accountability != 0.0;
        for cell in 0..4 {
            let [policy, political] = self.policy_and_political(cell, &levels, accountable);
            for k in 0..2 {
                table.cells[cell][k].policy = policy[k];
                table.cells[cell][k].political = political[k];
            }
        }
        for (k, &w_eff) in weights.iter().enumerate() {
            // `blend`, with its tests of the ends made once per state.
            if w_eff == 0.0 {
                for cell in &mut table.cells {
                    cell[k].utility = cell[k].policy;
                }
            } else if w_eff == 1.0 {
                for cell in &mut table.cells {
                    cell[k].utility = cell[k].political;
                }
            } else {
                let keep = 1.0 - w_eff;
                for cell in &mut table.cells {
                    cell[k].utility = keep * cell[k].policy + w_eff * cell[k].political;
                }
            }
        }
        weights
    }

    /// Both players' payoffs in one outcome of the table that
    /// [`StageTableBuilder::fill`] would fill for these levels and
    /// orientations, bit for bit, without computing the other three
    /// outcomes: what a match needs when its players do not read their
    /// payoffs (memory-one players) and the levels move every round.
    ///
    /// A match whose orientations stay fixed computes
    /// [`StageTableBuilder::oriented`] once and calls
    /// [`StageTableBuilder::oriented_outcome_payoffs`] instead.
    #[inline]
    #[must_use]
    pub fn outcome_payoffs(
        &self,
        outcome: Outcome,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [Payoff; 2] {
        self.oriented_outcome_payoffs(outcome, pis, &self.oriented(orientations))
    }

    /// What the payoffs of two states with these orientations share
    /// whatever their levels.
    #[inline]
    #[must_use]
    pub fn oriented(&self, orientations: [Orientation; 2]) -> OrientedWeights {
        let weights = orientations.map(Orientation::political_weight);
        OrientedWeights {
            weights,
            slopes: weights.map(|w| (1.0 - w) * self.game.brake),
        }
    }

    /// [`StageTableBuilder::outcome_payoffs`] at the orientations `oriented`
    /// was made for, bit for bit, with only the arithmetic that depends on
    /// the levels: the same floating-point operations in the same order as
    /// [`TwoLevelGame::payoffs_uneven`].
    #[inline]
    #[must_use]
    pub fn oriented_outcome_payoffs(
        &self,
        outcome: Outcome,
        pis: [Politicization; 2],
        oriented: &OrientedWeights,
    ) -> [Payoff; 2] {
        let pis = pis.map(Politicization::value);
        let weights = [
            oriented.weights[0] + oriented.slopes[0] * pis[0],
            oriented.weights[1] + oriented.slopes[1] * pis[1],
        ];
        let levels = StateLevels {
            threat: [self.threat_cost * pis[0], self.threat_cost * pis[1]],
            accountable: [
                self.accountability_rate * pis[0],
                self.accountability_rate * pis[1],
            ],
            kappa_eff: if self.derived {
                [
                    self.game.kappa_at(self.kappa, pis[0]),
                    self.game.kappa_at(self.kappa, pis[1]),
                ]
            } else {
                [0.0; 2]
            },
        };
        let [policy, political] =
            self.policy_and_political(outcome.index(), &levels, self.accountable);
        [0, 1].map(|k| Payoff {
            utility: blend(weights[k], policy[k], political[k]),
            policy: policy[k],
            political: political[k],
        })
    }

    /// Each state's effective political weight `w_eff` at its own level.
    #[inline]
    fn weights(&self, pis: [Politicization; 2], orientations: [Orientation; 2]) -> [f64; 2] {
        [
            self.game.effective_weight(orientations[0], pis[0]),
            self.game.effective_weight(orientations[1], pis[1]),
        ]
    }

    /// Both states' policy and political payoffs in table cell `cell`, with
    /// the same floating-point operations in the same order as
    /// [`TwoLevelGame::payoffs_uneven`]; `accountable` is the test of alpha,
    /// made once by the caller.
    #[inline]
    fn policy_and_political(
        &self,
        cell: usize,
        levels: &StateLevels,
        accountable: bool,
    ) -> [[f64; 2]; 2] {
        let unsolved = self.unsolved[cell];
        let base = self.base[cell];
        let policy = [
            threatened(base[0], levels.threat[0], unsolved),
            threatened(base[1], levels.threat[1], unsolved),
        ];
        let given = self.political[cell];
        let political = if self.derived {
            // `derived_political`, with its test of alpha made once.
            let gaps = [policy[0] - policy[1], policy[1] - policy[0]];
            let audience = [
                levels.kappa_eff[0] * gaps[0] + given[0],
                levels.kappa_eff[1] * gaps[1] + given[1],
            ];
            if accountable {
                [
                    audience[0] - levels.accountable[0] * unsolved,
                    audience[1] - levels.accountable[1] * unsolved,
                ]
            } else {
                audience
            }
        } else {
            given
        };
        [policy, political]
    }
}

/// What the payoffs of two states with fixed orientations share whatever
/// their politicization levels (made by [`StageTableBuilder::oriented`]
/// and used by [`StageTableBuilder::oriented_outcome_payoffs`]): each
/// state's political weight `w` and the slope `(1 - w) * beta` of its
/// effective weight in its level, so that `w_eff = w + slope * pi` with
/// the same rounding as [`TwoLevelGame::effective_weight`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrientedWeights {
    /// Each state's political weight `w`.
    weights: [f64; 2],
    /// Each state's `(1 - w) * beta`.
    slopes: [f64; 2],
}

/// A policy payoff less the threat cost of the unsolved share,
/// `base - theta * pi * unsolved` (with `theta * pi` given).
#[inline]
fn threatened(base: f64, threat: f64, unsolved: f64) -> f64 {
    base - threat * unsolved
}

/// The audience bonus a state earns with `action`: the bonus for a
/// defection, 0.0 for a cooperation.
#[inline]
fn audience_bonus_for(action: Action, audience_bonus: f64) -> f64 {
    if action.is_defection() {
        audience_bonus
    } else {
        0.0
    }
}

/// The share of the problem left unsolved, `1 - coop_share`: 0 when both
/// cooperate, 1/2 when one does, 1 when neither does.
#[inline]
fn unsolved_share(row: Action, column: Action) -> f64 {
    1.0 - f64::from(Outcome::new(row, column).cooperators()) / 2.0
}

/// The blended utility `(1 - w_eff) * policy + w_eff * political`.
///
/// The ends are exact: with `w_eff = 0` the utility is the policy payoff
/// bit for bit (even `-0.0`), with `w_eff = 1` the political payoff, so the
/// classic game is reproduced exactly whatever the political payoff is.
#[inline]
#[must_use]
pub fn blend(w_eff: f64, policy: f64, political: f64) -> f64 {
    if w_eff == 0.0 {
        policy
    } else if w_eff == 1.0 {
        political
    } else {
        (1.0 - w_eff) * policy + w_eff * political
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_case_is_exact() {
        let game = TwoLevelGame::default();
        let table = game.stage_table(Politicization::NONE, [Orientation::POLICY; 2]);
        assert_eq!(table.row_utilities(), [3.0, 0.0, 5.0, 1.0]);
        assert_eq!(table.column_utilities(), [3.0, 0.0, 5.0, 1.0]);
    }

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
    fn clamped_levels_are_the_clamp_with_nan_as_zero() {
        let specials = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            0.5,
            1.0,
            1.0 + f64::EPSILON,
            1.0 - f64::EPSILON / 2.0,
            -1e-300,
            1e300,
        ];
        for x in specials {
            let expected = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) };
            assert_eq!(
                Politicization::clamped(x).value().to_bits(),
                expected.to_bits(),
                "{x}"
            );
        }
    }

    #[test]
    fn blend_ends_are_exact() {
        assert_eq!(blend(0.0, -0.0, 7.0).to_bits(), (-0.0_f64).to_bits());
        assert_eq!(blend(1.0, 7.0, -0.0).to_bits(), (-0.0_f64).to_bits());
        assert!((blend(0.25, 4.0, 8.0) - 5.0).abs() < 1e-12);
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
        assert!(Politicization::new(1.5).is_err());
        assert!(Orientation::new(f64::NAN).is_err());
    }
}
