//! [`PlayConditions`]: what every engine of repeated play shares, whatever
//! its game: the stage game, the horizon, action and perception noise,
//! politicization and elections, validated once.
//!
//! A pairwise match's [`MatchConfig`](crate::MatchConfig) holds them for a
//! [`TwoLevelGame`](twolevel_game::TwoLevelGame) and a regime's
//! [`RegimeConfig`](crate::regime::RegimeConfig) for a
//! [`GroupGame`](twolevel_game::GroupGame); each adds what is its own (a
//! known length, the way risk is paid) and dereferences to its conditions,
//! so `config.horizon()` or `config.action_noise()` read the same on both.
//!
//! ```
//! use twolevel_tournament::MatchConfig;
//!
//! let config = MatchConfig::classic(10)?.with_action_noise(0.05)?;
//! assert_eq!(config.horizon().turns(), Some(10));
//! assert_eq!(config.action_noise(), 0.05);
//! assert!(config.with_perception_noise(1.5).is_err());
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use twolevel_game::{ElectionCycle, Horizon, ParameterError, Politics, error::check_unit_interval};

/// The conditions of repeated play of a game `G`: the game, the horizon,
/// action and perception noise, politicization and elections. Built by
/// [`PlayConditions::new`] and the `with_*` methods, which validate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlayConditions<G> {
    pub(crate) game: G,
    pub(crate) horizon: Horizon,
    pub(crate) action_noise: f64,
    pub(crate) perception_noise: f64,
    pub(crate) politics: Politics,
    pub(crate) election: Option<ElectionCycle>,
}

impl<G> PlayConditions<G> {
    /// Noiseless play of `game` over `horizon`, with no politicization
    /// and no elections.
    #[must_use]
    pub const fn new(game: G, horizon: Horizon) -> Self {
        PlayConditions {
            game,
            horizon,
            action_noise: 0.0,
            perception_noise: 0.0,
            politics: Politics::Fixed(twolevel_game::Politicization::NONE),
            election: None,
        }
    }

    /// The same conditions with action noise (the probability that a
    /// chosen move is flipped), which must lie in [0, 1] (field
    /// `action_noise`).
    pub fn with_action_noise(mut self, action_noise: f64) -> Result<Self, ParameterError> {
        self.action_noise = check_unit_interval("action_noise", action_noise)?;
        Ok(self)
    }

    /// The same conditions with perception noise (the probability that a
    /// player sees another's move flipped), which must lie in [0, 1]
    /// (field `perception_noise`).
    pub fn with_perception_noise(mut self, perception_noise: f64) -> Result<Self, ParameterError> {
        self.perception_noise = check_unit_interval("perception_noise", perception_noise)?;
        Ok(self)
    }

    /// The same conditions with the given politicization, fixed or
    /// dynamic.
    #[must_use]
    pub const fn with_politics(mut self, politics: Politics) -> Self {
        self.politics = politics;
        self
    }

    /// The same conditions with (or without) an election cycle.
    #[must_use]
    pub const fn with_election(mut self, election: Option<ElectionCycle>) -> Self {
        self.election = election;
        self
    }

    /// The game.
    #[must_use]
    pub const fn game(&self) -> &G {
        &self.game
    }

    /// The horizon.
    #[must_use]
    pub const fn horizon(&self) -> Horizon {
        self.horizon
    }

    /// The probability that a chosen move is flipped.
    #[must_use]
    pub const fn action_noise(&self) -> f64 {
        self.action_noise
    }

    /// The probability that a player sees another's move flipped.
    #[must_use]
    pub const fn perception_noise(&self) -> f64 {
        self.perception_noise
    }

    /// The politicization, fixed or dynamic.
    #[must_use]
    pub const fn politics(&self) -> &Politics {
        &self.politics
    }

    /// The election cycle, if any.
    #[must_use]
    pub const fn election(&self) -> Option<&ElectionCycle> {
        self.election.as_ref()
    }
}
