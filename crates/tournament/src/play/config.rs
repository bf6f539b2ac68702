//! [`MatchConfig`]: everything about a match except the players, validated.

use twolevel_game::{
    ElectionCycle, Horizon, Orientation, PAYOFF_LIMIT, ParameterError, PayoffMatrix,
    Politicization, Politics, TwoLevelGame, error::format_number,
};

use crate::conditions::PlayConditions;

/// Everything about a match except the players: the game, its length, noise,
/// politicization and elections.
///
/// Build it with [`MatchConfig::new`] and the `with_*` methods, which
/// validate every value, so a `MatchConfig` is always playable. It holds
/// the [`PlayConditions`] every engine shares (and dereferences to them:
/// [`game`](PlayConditions::game), [`horizon`](PlayConditions::horizon),
/// [`action_noise`](PlayConditions::action_noise),
/// [`perception_noise`](PlayConditions::perception_noise),
/// [`politics`](PlayConditions::politics) and
/// [`election`](PlayConditions::election)), and adds whether players know
/// the length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MatchConfig {
    conditions: PlayConditions<TwoLevelGame>,
    pub(super) length_known: bool,
}

impl std::ops::Deref for MatchConfig {
    type Target = PlayConditions<TwoLevelGame>;

    /// The conditions of play, which every engine shares.
    fn deref(&self) -> &PlayConditions<TwoLevelGame> {
        &self.conditions
    }
}

impl MatchConfig {
    /// A noiseless match of `game` over `horizon`, with no politicization,
    /// no elections and the length kept from the players.
    ///
    /// Fails when the game's payoffs are so large (above
    /// [`PAYOFF_LIMIT`] in magnitude for some
    /// politicization and orientation) that totals could overflow; a
    /// validated [`TwoLevelGame`] never is.
    pub fn new(game: TwoLevelGame, horizon: Horizon) -> Result<Self, ParameterError> {
        check_payoff_magnitude(&game)?;
        Ok(MatchConfig {
            conditions: PlayConditions::new(game, horizon),
            length_known: false,
        })
    }

    /// The same config (horizon, noise, politics, elections, known length)
    /// with another game; fails as [`MatchConfig::new`] does when the
    /// game's payoffs are too large.
    pub fn with_game(mut self, game: TwoLevelGame) -> Result<Self, ParameterError> {
        check_payoff_magnitude(&game)?;
        self.conditions.game = game;
        Ok(self)
    }

    /// Axelrod's classic game (R, S, T, P = 3, 0, 5, 1, no politics) over a
    /// fixed number of turns.
    pub fn classic(turns: u32) -> Result<Self, ParameterError> {
        MatchConfig::new(
            TwoLevelGame::classic(PayoffMatrix::AXELROD),
            Horizon::fixed(turns)?,
        )
    }

    /// The same config with action noise (the probability that a chosen
    /// move is flipped), which must lie in [0, 1].
    pub fn with_action_noise(mut self, action_noise: f64) -> Result<Self, ParameterError> {
        self.conditions = self.conditions.with_action_noise(action_noise)?;
        Ok(self)
    }

    /// The same config with perception noise (the probability that a
    /// player sees its partner's move flipped), which must lie in [0, 1].
    pub fn with_perception_noise(mut self, perception_noise: f64) -> Result<Self, ParameterError> {
        self.conditions = self.conditions.with_perception_noise(perception_noise)?;
        Ok(self)
    }

    /// The same config with the given politicization, fixed or dynamic.
    #[must_use]
    pub fn with_politics(mut self, politics: Politics) -> Self {
        self.conditions = self.conditions.with_politics(politics);
        self
    }

    /// The same config with (or without) an election cycle.
    #[must_use]
    pub fn with_election(mut self, election: Option<ElectionCycle>) -> Self {
        self.conditions = self.conditions.with_election(election);
        self
    }

    /// The same config where players are (or are not) told the number of
    /// rounds. Only a fixed horizon has a known length; under a
    /// continuation horizon the length always stays unknown.
    #[must_use]
    pub fn with_length_known(mut self, length_known: bool) -> Self {
        self.length_known = length_known;
        self
    }

    /// Whether players are told the number of rounds of a fixed horizon.
    #[must_use]
    pub const fn length_known(&self) -> bool {
        self.length_known
    }
}

/// Rejects games whose blended payoffs could overflow a match total.
///
/// Every payoff is a product of terms affine in `pi` and `w`, so checking
/// the corners of `[0, 1]^2` against a bound far below `f64::MAX` keeps all
/// intermediate values finite.
fn check_payoff_magnitude(game: &TwoLevelGame) -> Result<(), ParameterError> {
    for pi in [Politicization::NONE, Politicization::SECURITIZED] {
        for w in [Orientation::POLICY, Orientation::POLITICAL] {
            let table = game.stage_table(pi, [w, w]);
            let too_large = table.cells.iter().flatten().any(|payoff| {
                [payoff.utility, payoff.policy, payoff.political]
                    .iter()
                    .any(|v| v.is_nan() || v.abs() > PAYOFF_LIMIT)
            });
            if too_large {
                return Err(ParameterError::new(
                    "game",
                    format!(
                        "payoffs must stay within +-{} for every pi and w",
                        format_number(PAYOFF_LIMIT)
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::play::PlayerSettings;

    fn classic(turns: u32) -> MatchConfig {
        MatchConfig::classic(turns).unwrap()
    }

    #[test]
    fn with_game_keeps_every_other_setting() {
        use twolevel_game::{ElectionCycle, Politicization, Politics};
        let config = MatchConfig::classic(10)
            .and_then(|c| c.with_action_noise(0.1))
            .and_then(|c| c.with_perception_noise(0.2))
            .unwrap()
            .with_politics(Politics::Fixed(Politicization::new(0.3).unwrap()))
            .with_election(Some(ElectionCycle::new(5, 2, 0.5).unwrap()))
            .with_length_known(true);
        assert_eq!(config.with_game(*config.game()).unwrap(), config);
        let other = config
            .with_game(twolevel_game::TwoLevelGame::default())
            .unwrap();
        assert_eq!(other.game(), &twolevel_game::TwoLevelGame::default());
        assert_ne!(other, config);
        assert_eq!(other.with_game(*config.game()).unwrap(), config);
    }

    #[test]
    fn noise_outside_the_unit_interval_is_rejected() {
        assert_eq!(
            classic(5).with_action_noise(1.5).unwrap_err().field,
            "action_noise"
        );
        assert_eq!(
            classic(5)
                .with_perception_noise(f64::NAN)
                .unwrap_err()
                .field,
            "perception_noise"
        );
        assert!(PlayerSettings::new(Orientation::POLICY, Some(-0.1)).is_err());
    }
}
