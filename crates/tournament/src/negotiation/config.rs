//! How a pair negotiates and plays ([`NegotiationConfig`]): the bargaining
//! protocol, the compliance cost, the match and the repetitions.

use serde::{Deserialize, Serialize};
use twolevel_game::{ParameterError, Protocol, error::check_non_negative};

use crate::play::MatchConfig;

/// How the negotiators divide the gains; in files `AlternatingOffers`
/// (the default) or `Nash(weight: 0.5)`.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub enum Bargaining {
    /// Rubinstein's alternating offers, A proposing first, with each
    /// state's negotiator's own discount factor.
    #[default]
    AlternatingOffers,
    /// Nash bargaining with A's bargaining power `weight` in [0, 1] (1/2
    /// for the symmetric solution).
    Nash {
        /// A's bargaining power.
        weight: f64,
    },
}

impl Bargaining {
    /// The protocol's name in reports: `alternating offers` or `Nash
    /// (A's weight w)`.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Bargaining::AlternatingOffers => "alternating offers".to_owned(),
            Bargaining::Nash { weight } => format!("Nash (A's weight {weight})"),
        }
    }

    /// The protocol with the negotiators' discount factors `deltas`.
    pub fn protocol(self, deltas: [f64; 2]) -> Result<Protocol, ParameterError> {
        match self {
            Bargaining::AlternatingOffers => Protocol::rubinstein(deltas[0], deltas[1]),
            Bargaining::Nash { weight } => Protocol::nash(weight),
        }
    }
}

/// Everything about a negotiation but the states: the protocol, the
/// compliance cost `psi` of an agreement, the match its states then play,
/// the number of repetitions and the master seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NegotiationConfig {
    pub(super) bargaining: Bargaining,
    pub(super) compliance_cost: f64,
    pub(super) play: MatchConfig,
    pub(super) repetitions: u32,
    pub(super) seed: u64,
}

impl NegotiationConfig {
    /// A negotiation by `bargaining` whose agreement is played as `play`
    /// says (its game is the status quo the agreement changes), with no
    /// compliance cost, one repetition and seed 0.
    #[must_use]
    pub const fn new(bargaining: Bargaining, play: MatchConfig) -> Self {
        NegotiationConfig {
            bargaining,
            compliance_cost: 0.0,
            play,
            repetitions: 1,
            seed: 0,
        }
    }

    /// The same config with compliance cost `psi`, finite and
    /// non-negative (the error names `psi`).
    pub fn with_compliance_cost(mut self, psi: f64) -> Result<Self, ParameterError> {
        self.compliance_cost = check_non_negative("psi", psi)?;
        Ok(self)
    }

    /// The same config with `repetitions` runs per pair, at least 1 (the
    /// error names `repetitions`).
    pub fn with_repetitions(mut self, repetitions: u32) -> Result<Self, ParameterError> {
        if repetitions == 0 {
            return Err(ParameterError::new(
                "repetitions",
                "expected at least 1 repetition",
            ));
        }
        self.repetitions = repetitions;
        Ok(self)
    }

    /// The same config with master seed `seed`: repetition `r` of pair
    /// `p` draws from [`derive_seed`](crate::seeding::derive_seed)`(seed,
    /// [p, r])`.
    #[must_use]
    pub const fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The bargaining protocol.
    #[must_use]
    pub const fn bargaining(&self) -> Bargaining {
        self.bargaining
    }

    /// The compliance cost `psi`.
    #[must_use]
    pub const fn compliance_cost(&self) -> f64 {
        self.compliance_cost
    }

    /// The match the states play.
    #[must_use]
    pub const fn play(&self) -> &MatchConfig {
        &self.play
    }

    /// The number of repetitions.
    #[must_use]
    pub const fn repetitions(&self) -> u32 {
        self.repetitions
    }

    /// The master seed.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.seed
    }
}
