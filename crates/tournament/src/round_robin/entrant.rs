//! [`Entrant`]: a player of a round robin, and the settings of a preset's
//! player.

use twolevel_files::ConfigError;
use twolevel_game::{ParameterError, Role, Strategy};
use twolevel_strategies::preset::Preset;

use crate::play::PlayerSettings;

/// A player of a round robin: a display name, a strategy prototype (cloned
/// for every match) and its settings.
#[derive(Clone, Debug)]
pub struct Entrant {
    /// The name shown in results; names need not be unique.
    pub name: String,
    /// The strategy; every match plays a fresh clone.
    pub strategy: Box<dyn Strategy>,
    /// The player's orientation and visibility.
    pub settings: PlayerSettings,
    /// The player's role in an asymmetric game: [`Role::A`] takes the row
    /// payoffs, [`Role::B`] the column payoffs; `None` plays both roles
    /// equally often. Ignored in a symmetric game.
    pub role: Option<Role>,
}

impl Entrant {
    /// An entrant with the given name, strategy and settings.
    pub fn new(
        name: impl Into<String>,
        strategy: Box<dyn Strategy>,
        settings: PlayerSettings,
    ) -> Self {
        Entrant {
            name: name.into(),
            strategy,
            settings,
            role: None,
        }
    }

    /// The same entrant with a role in asymmetric games (or none).
    #[must_use]
    pub fn with_role(mut self, role: Option<Role>) -> Self {
        self.role = role;
        self
    }

    /// An entrant playing a preset (a named actor from the `strategies/`
    /// folder or [`builtin_presets`](twolevel_strategies::preset::builtin_presets)):
    /// named after it, with its strategy, political weight, visibility,
    /// patience and securitizing move, as a tournament file's
    /// `Preset("name")` player.
    ///
    /// ```
    /// use twolevel_strategies::preset::builtin_preset;
    /// use twolevel_tournament::Entrant;
    ///
    /// let preset = builtin_preset("bureaucrat")?.expect("a shipped preset");
    /// let bureaucrat = Entrant::from_preset(&preset)?;
    /// assert_eq!(bureaucrat.name, "bureaucrat");
    /// assert_eq!(bureaucrat.strategy.name(), "Diffuse Reciprocity");
    /// assert_eq!(bureaucrat.settings.orientation().political_weight(), preset.political_weight());
    /// # Ok::<(), twolevel_files::ConfigError>(())
    /// ```
    ///
    /// A validated preset always builds; the error (naming the preset as
    /// `<preset NAME>`) is there for a registry that has changed since.
    pub fn from_preset(preset: &Preset) -> Result<Self, ConfigError> {
        let origin = format!("<preset {}>", preset.name());
        let strategy = preset
            .build()
            .map_err(|e| ConfigError::strategy(&origin, "strategy", e))?;
        let settings =
            preset_settings(preset).map_err(|e| ConfigError::from_parameter(&origin, e))?;
        Ok(Entrant::new(preset.name(), strategy, settings))
    }

    /// A classic entrant (w = 0, default visibility) named after its
    /// strategy.
    pub fn classic(strategy: Box<dyn Strategy>) -> Self {
        Entrant {
            name: strategy.name().to_owned(),
            strategy,
            settings: PlayerSettings::POLICY,
            role: None,
        }
    }
}

/// The settings of a player of `preset`: its orientation, visibility,
/// patience and securitizing move.
pub(crate) fn preset_settings(preset: &Preset) -> Result<PlayerSettings, ParameterError> {
    PlayerSettings::new(preset.orientation(), preset.visibility())?
        .with_patience(preset.patience())?
        .with_securitizing(preset.securitizing())
}
