//! The page's sliders ([`Sliders`]) as the library's types, and the
//! errors the page shows ([`WebError`]).

use serde::{Deserialize, Serialize};
use twolevel_game::{
    Horizon, Orientation, ParameterError, Politicization, RawTwoLevelGame, TwoLevelGame,
};

/// Why a request failed: the field at fault (as the page or a tournament
/// file names it) and the reason, with its range.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WebError {
    /// The field, for example `w`, `horizon.delta` or `players`.
    pub field: String,
    /// What is wrong with it.
    pub reason: String,
}

impl WebError {
    /// An error about `field`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        WebError {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl From<ParameterError> for WebError {
    fn from(error: ParameterError) -> Self {
        WebError {
            field: error.field,
            reason: error.reason,
        }
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid `{}`: {}", self.field, self.reason)
    }
}

/// How long a relationship lasts (docs/model.md, section 5).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum HorizonChoice {
    /// After every round another follows with probability `delta`.
    Continuation {
        /// The continuation probability, in [0, 1).
        delta: f64,
    },
    /// Exactly `turns` rounds, not told to the players.
    Turns {
        /// The number of rounds, at least 1.
        turns: u32,
    },
}

/// The explorer's sliders: a player's political weight `w`, the
/// politicization `pi`, domestic accountability `alpha`, securitization
/// `gamma`, the threat cost `theta` (docs/model.md, section 1) and the
/// horizon. The other parameters keep the library's defaults (Axelrod's
/// payoffs 3, 0, 5, 1, the brake `beta = 0.8`, `kappa = 1`, `b = 0`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sliders {
    /// The political weight `w` in [0, 1] of both players.
    pub w: f64,
    /// The politicization `pi` in [0, 1], shared by both states.
    pub pi: f64,
    /// Domestic accountability `alpha` (non-negative).
    pub alpha: f64,
    /// Securitization `gamma` (non-negative).
    pub gamma: f64,
    /// The threat cost `theta` (non-negative).
    pub theta: f64,
    /// The horizon.
    pub horizon: HorizonChoice,
}

impl Default for Sliders {
    /// The library's default game and orientation 0 at `pi = 0`, with the
    /// continuation probability 0.95 of `tournaments/evolution.ron`.
    fn default() -> Self {
        Sliders {
            w: 0.0,
            pi: 0.0,
            alpha: TwoLevelGame::DEFAULT_ALPHA,
            gamma: TwoLevelGame::DEFAULT_GAMMA,
            theta: TwoLevelGame::DEFAULT_THETA,
            horizon: HorizonChoice::Continuation { delta: 0.95 },
        }
    }
}

impl Sliders {
    /// The two-level game of the sliders, validated by the library (the
    /// error names `theta`, `alpha` or `gamma`).
    pub fn game(&self) -> Result<TwoLevelGame, ParameterError> {
        TwoLevelGame::try_from(RawTwoLevelGame {
            theta: self.theta,
            alpha: self.alpha,
            gamma: self.gamma,
            ..RawTwoLevelGame::default()
        })
    }

    /// The players' orientation (the error names `w`).
    pub fn orientation(&self) -> Result<Orientation, ParameterError> {
        Orientation::new(self.w).map_err(|e| ParameterError::new("w", e.reason))
    }

    /// The politicization (the error names `pi`).
    pub fn politicization(&self) -> Result<Politicization, ParameterError> {
        Politicization::new(self.pi).map_err(|e| ParameterError::new("pi", e.reason))
    }

    /// The horizon (the error names `horizon.delta` or `horizon.turns`).
    pub fn horizon(&self) -> Result<Horizon, ParameterError> {
        match self.horizon {
            HorizonChoice::Continuation { delta } => Horizon::continuation(delta),
            HorizonChoice::Turns { turns } => Horizon::fixed(turns),
        }
        .map_err(|e| e.within("horizon"))
    }

    /// Checks every slider at once.
    pub fn check(&self) -> Result<(TwoLevelGame, Orientation, Politicization, Horizon), WebError> {
        Ok((
            self.game()?,
            self.orientation()?,
            self.politicization()?,
            self.horizon()?,
        ))
    }
}
