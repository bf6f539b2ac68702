//! [`PlayerSettings`]: one player's orientation, visibility, patience,
//! securitizing moves and own politicization, validated.

use serde::Serialize;
use twolevel_game::{
    Orientation, ParameterError, Politicization,
    error::{check_positive_fraction, check_unit_interval},
};

/// One player's standing in a match: its orientation (political weight
/// `w`), how visible its defections are, its patience `h`, its securitizing
/// moves `s_i` and, optionally, its own politicization `pi_i`. Build it
/// with [`PlayerSettings::new`] and the `with_*` methods, which validate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PlayerSettings {
    pub(super) orientation: Orientation,
    pub(super) visibility: Option<f64>,
    pub(super) patience: f64,
    pub(super) securitizing: f64,
    pub(super) politicization: Option<Politicization>,
}

impl Default for PlayerSettings {
    /// [`PlayerSettings::POLICY`].
    fn default() -> Self {
        PlayerSettings::POLICY
    }
}

impl PlayerSettings {
    /// A pure policy maker (w = 0) with the dynamics' default visibility,
    /// full patience, no securitizing moves and the match's politicization:
    /// the classic game's player.
    pub const POLICY: PlayerSettings = PlayerSettings {
        orientation: Orientation::POLICY,
        visibility: None,
        patience: 1.0,
        securitizing: 0.0,
        politicization: None,
    };

    /// Settings with an orientation and an optional visibility in [0, 1]
    /// (`None` takes the politicization dynamics' default).
    pub fn new(orientation: Orientation, visibility: Option<f64>) -> Result<Self, ParameterError> {
        if let Some(v) = visibility {
            check_unit_interval("visibility", v)?;
        }
        Ok(PlayerSettings {
            orientation,
            visibility,
            ..PlayerSettings::POLICY
        })
    }

    /// Settings with an orientation and the default visibility.
    #[must_use]
    pub const fn with_orientation(orientation: Orientation) -> Self {
        PlayerSettings {
            orientation,
            ..PlayerSettings::POLICY
        }
    }

    /// The same settings with another orientation (political weight).
    #[must_use]
    pub const fn reoriented(mut self, orientation: Orientation) -> Self {
        self.orientation = orientation;
        self
    }

    /// The same settings with patience `h` in (0, 1]: the player discounts
    /// the future with `delta_i = h * delta_t` (`docs/model.md` section 5).
    /// Politicians are impatient, bureaucrats patient; the default is 1.
    pub fn with_patience(mut self, patience: f64) -> Result<Self, ParameterError> {
        self.patience = check_positive_fraction("patience", patience)?;
        Ok(self)
    }

    /// The same settings with securitizing moves: under dynamic
    /// politicization the player adds `s_i` in [0, 1] to its own state's
    /// politicization every round (politicians seeking votes, bureaucrats
    /// seeking budgets). The default is 0.
    pub fn with_securitizing(mut self, securitizing: f64) -> Result<Self, ParameterError> {
        self.securitizing = check_unit_interval("securitizing", securitizing)?;
        Ok(self)
    }

    /// The same settings with the player's own initial (or, under fixed
    /// politics, fixed) politicization `pi_i`; `None` takes the match's.
    #[must_use]
    pub const fn with_politicization(mut self, politicization: Option<Politicization>) -> Self {
        self.politicization = politicization;
        self
    }

    /// The player's patience `h`.
    #[must_use]
    pub const fn patience(&self) -> f64 {
        self.patience
    }

    /// The player's securitizing move `s_i` per round.
    #[must_use]
    pub const fn securitizing(&self) -> f64 {
        self.securitizing
    }

    /// The player's own politicization, if it sets one.
    #[must_use]
    pub const fn politicization(&self) -> Option<Politicization> {
        self.politicization
    }

    /// The player's base orientation (political weight).
    #[must_use]
    pub const fn orientation(&self) -> Orientation {
        self.orientation
    }

    /// The player's own visibility, if it sets one.
    #[must_use]
    pub const fn visibility(&self) -> Option<f64> {
        self.visibility
    }
}
