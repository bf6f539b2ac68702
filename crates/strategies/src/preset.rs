//! Presets: named actors (a strategy plus an orientation) stored as RON
//! files in the top-level `strategies/` folder.
//!
//! A preset file looks like this:
//!
//! ```ron
//! (
//!     name: "bureaucrat",
//!     description: "Diffuse reciprocity with a credit line of two rounds.",
//!     strategy: (name: "Diffuse Reciprocity", params: {"tolerance": 2.0, "lambda": 0.9}),
//!     political_weight: 0.1,
//!     visibility: None,
//! )
//! ```
//!
//! **Naming rule:** a preset is known by its `name` field, which must equal
//! the file stem (`bureaucrat.ron` holds the preset `bureaucrat`); loading
//! fails if they disagree. `description` defaults to empty,
//! `political_weight` (the orientation `w` in [0, 1]) defaults to 0, and
//! `visibility` (how public its defections are, in [0, 1]) defaults to
//! `None`, meaning "use the tournament's visibility". Two more fields are
//! optional: `patience` (the actor's patience `h` in (0, 1], its own shadow
//! of the future `delta_i = h * delta_t`; default 1) and `securitizing`
//! (the securitizing move `s_i` in [0, 1] it adds to its own state's
//! politicization every round under dynamic politics; default 0).
//!
//! The presets shipped in `strategies/` are also compiled into the library
//! ([`builtin_presets`]), so a tournament can refer to them by name
//! without the folder being present.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file, ron_files_in};
use twolevel_game::error::{check_positive_fraction, check_unit_interval};
use twolevel_game::{Orientation, Strategy};

use crate::registry::{self, StrategyError, StrategySpec};

/// A preset as written in a RON file, before validation; validated into a
/// [`Preset`] by [`Preset::from_parsed`].
///
/// Its serde name stays `PresetFile`, the type's former name, which RON's
/// messages show (an unknown field is reported `in PresetFile`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PresetFile", deny_unknown_fields)]
pub struct RawPreset {
    /// The preset's name; must equal the file stem.
    pub name: String,
    /// A human-readable description.
    #[serde(default)]
    pub description: String,
    /// The strategy the actor plays.
    pub strategy: StrategySpec,
    /// The political weight `w` in [0, 1].
    #[serde(default)]
    pub political_weight: f64,
    /// How public the actor's defections are, in [0, 1]; `None` defers to
    /// the tournament.
    #[serde(default)]
    pub visibility: Option<f64>,
    /// The actor's patience `h` in (0, 1] (default 1).
    #[serde(default = "full_patience")]
    pub patience: f64,
    /// The actor's securitizing move per round, in [0, 1] (default 0).
    #[serde(default)]
    pub securitizing: f64,
}

fn full_patience() -> f64 {
    1.0
}

/// A validated preset: its strategy builds and its numbers are in range.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    name: String,
    description: String,
    strategy: StrategySpec,
    orientation: Orientation,
    visibility: Option<f64>,
    patience: f64,
    securitizing: f64,
}

impl Preset {
    /// Validates a parsed preset file; `origin` names it in errors.
    ///
    /// Checks that `political_weight`, `visibility` and `securitizing` are
    /// in [0, 1], `patience` in (0, 1], and that the strategy builds.
    pub fn from_parsed(raw: RawPreset, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        Preset::from_parsed_with(raw, origin, |spec| registry::build(spec).map(drop))
    }

    /// Validates a parsed preset file as [`Preset::from_parsed`] does, with
    /// `check_strategy` in place of the pairwise registry (the regime
    /// presets check their strategy against the regime registry).
    pub fn from_parsed_with(
        raw: RawPreset,
        origin: impl AsRef<Path>,
        check_strategy: impl FnOnce(&StrategySpec) -> Result<(), StrategyError>,
    ) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        let orientation = Orientation::new(raw.political_weight)
            .map_err(|e| ConfigError::invalid(origin, "political_weight", e.reason))?;
        if let Some(visibility) = raw.visibility {
            check_unit_interval("visibility", visibility)
                .map_err(|e| ConfigError::from_parameter(origin, e))?;
        }
        check_positive_fraction("patience", raw.patience)
            .and_then(|_| check_unit_interval("securitizing", raw.securitizing))
            .map_err(|e| ConfigError::from_parameter(origin, e))?;
        if raw.name.trim().is_empty() {
            return Err(ConfigError::invalid(
                origin,
                "name",
                "expected a non-empty name",
            ));
        }
        check_strategy(&raw.strategy).map_err(|e| ConfigError::strategy(origin, "strategy", e))?;
        Ok(Preset {
            name: raw.name,
            description: raw.description,
            strategy: raw.strategy,
            orientation,
            visibility: raw.visibility,
            patience: raw.patience,
            securitizing: raw.securitizing,
        })
    }

    /// Parses and validates preset RON text; `origin` names it in errors,
    /// which carry the line and column of the field at fault. The name is
    /// not checked against a file stem.
    pub fn from_ron(text: &str, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        Preset::from_parsed(parse_ron(text, origin)?, origin).map_err(|e| e.located_in(text))
    }

    /// Parses, validates and name-checks the text of a file whose stem is
    /// `stem`.
    fn from_ron_with_stem(text: &str, origin: &Path, stem: &str) -> Result<Self, ConfigError> {
        Preset::from_ron(text, origin)?
            .named_as(origin, stem)
            .map_err(|e| e.located_in(text))
    }

    /// The preset itself when its name is the file stem `stem`, else an
    /// error naming the field `name` in `origin`.
    pub fn named_as(self, origin: &Path, stem: &str) -> Result<Self, ConfigError> {
        let preset = self;
        if preset.name != stem {
            return Err(ConfigError::invalid(
                origin,
                "name",
                format!(
                    "expected the file stem \"{stem}\" (a preset's name must equal its file name), got \"{}\"",
                    preset.name
                ),
            ));
        }
        Ok(preset)
    }

    /// Reads, validates and name-checks a preset file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let text = read_text_file(path)?;
        let stem = path.file_stem().and_then(|s| s.to_str()).ok_or_else(|| {
            ConfigError::invalid(path, "name", "the file name is not valid UTF-8")
        })?;
        Preset::from_ron_with_stem(&text, path, stem)
    }

    /// The preset's name (its file stem).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The description.
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The strategy spec.
    #[must_use]
    pub fn strategy(&self) -> &StrategySpec {
        &self.strategy
    }

    /// The orientation (political weight `w`).
    #[must_use]
    pub fn orientation(&self) -> Orientation {
        self.orientation
    }

    /// The political weight `w` in [0, 1].
    #[must_use]
    pub fn political_weight(&self) -> f64 {
        self.orientation.political_weight()
    }

    /// How public the actor's defections are, if the preset says.
    #[must_use]
    pub fn visibility(&self) -> Option<f64> {
        self.visibility
    }

    /// The actor's patience `h` in (0, 1].
    #[must_use]
    pub fn patience(&self) -> f64 {
        self.patience
    }

    /// The actor's securitizing move per round, in [0, 1].
    #[must_use]
    pub fn securitizing(&self) -> f64 {
        self.securitizing
    }

    /// Builds a fresh player of the preset's strategy.
    pub fn build(&self) -> Result<Box<dyn Strategy>, StrategyError> {
        registry::build(&self.strategy)
    }

    /// The preset in its file form, unvalidated.
    #[must_use]
    pub fn to_raw(&self) -> RawPreset {
        RawPreset {
            name: self.name.clone(),
            description: self.description.clone(),
            strategy: self.strategy.clone(),
            political_weight: self.political_weight(),
            visibility: self.visibility,
            patience: self.patience,
            securitizing: self.securitizing,
        }
    }
}

/// Loads every `*.ron` file of a folder as a preset, keyed by name (which
/// equals the file stem). Other files are ignored.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<BTreeMap<String, Preset>, ConfigError> {
    ron_files_in(dir)?
        .into_iter()
        .map(|path| Preset::from_file(&path).map(|preset| (preset.name.clone(), preset)))
        .collect()
}

/// The preset files shipped in the top-level `strategies/` folder, as
/// `(file stem, RON text)` pairs compiled into the library.
pub const BUILTIN_PRESET_FILES: &[(&str, &str)] = &[
    ("alternator", include_str!("../presets/alternator.ron")),
    (
        "aspiration-learner",
        include_str!("../presets/aspiration-learner.ron"),
    ),
    ("bully", include_str!("../presets/bully.ron")),
    ("bureaucrat", include_str!("../presets/bureaucrat.ron")),
    ("coercer", include_str!("../presets/coercer.ron")),
    (
        "contrite-tit-for-tat",
        include_str!("../presets/contrite-tit-for-tat.ron"),
    ),
    ("cooperator", include_str!("../presets/cooperator.ron")),
    ("cycler-ccd", include_str!("../presets/cycler-ccd.ron")),
    ("defector", include_str!("../presets/defector.ron")),
    ("delegation", include_str!("../presets/delegation.ron")),
    ("extortioner", include_str!("../presets/extortioner.ron")),
    (
        "fictitious-player",
        include_str!("../presets/fictitious-player.ron"),
    ),
    (
        "forgetful-grudger",
        include_str!("../presets/forgetful-grudger.ron"),
    ),
    ("free-rider", include_str!("../presets/free-rider.ron")),
    ("gear-shifter", include_str!("../presets/gear-shifter.ron")),
    (
        "generous-bureaucrat",
        include_str!("../presets/generous-bureaucrat.ron"),
    ),
    (
        "go-by-majority",
        include_str!("../presets/go-by-majority.ron"),
    ),
    ("gradual", include_str!("../presets/gradual.ron")),
    ("grudger", include_str!("../presets/grudger.ron")),
    ("gtft", include_str!("../presets/gtft.ron")),
    (
        "hard-tit-for-tat",
        include_str!("../presets/hard-tit-for-tat.ron"),
    ),
    ("hegemon", include_str!("../presets/hegemon.ron")),
    ("nationalist", include_str!("../presets/nationalist.ron")),
    ("politician", include_str!("../presets/politician.ron")),
    ("prober", include_str!("../presets/prober.ron")),
    (
        "prudent-reciprocator",
        include_str!("../presets/prudent-reciprocator.ron"),
    ),
    ("q-learner", include_str!("../presets/q-learner.ron")),
    ("random", include_str!("../presets/random.ron")),
    (
        "roth-erev-learner",
        include_str!("../presets/roth-erev-learner.ron"),
    ),
    (
        "suspicious-tit-for-tat",
        include_str!("../presets/suspicious-tit-for-tat.ron"),
    ),
    (
        "tit-for-2-tats",
        include_str!("../presets/tit-for-2-tats.ron"),
    ),
    ("tit-for-tat", include_str!("../presets/tit-for-tat.ron")),
    (
        "two-tits-for-tat",
        include_str!("../presets/two-tits-for-tat.ron"),
    ),
    (
        "win-stay-lose-shift",
        include_str!("../presets/win-stay-lose-shift.ron"),
    ),
];

/// The shipped presets, parsed from the copies compiled into the library,
/// keyed by name.
///
/// The shipped files are tested to load, so this fails only if the library
/// was built from a broken tree.
pub fn builtin_presets() -> Result<BTreeMap<String, Preset>, ConfigError> {
    BUILTIN_PRESET_FILES
        .iter()
        .map(|(stem, text)| load_builtin(stem, text).map(|p| (p.name.clone(), p)))
        .collect()
}

/// The shipped preset of that name, if any.
pub fn builtin_preset(name: &str) -> Result<Option<Preset>, ConfigError> {
    BUILTIN_PRESET_FILES
        .iter()
        .find(|(stem, _)| *stem == name)
        .map(|(stem, text)| load_builtin(stem, text))
        .transpose()
}

/// Loads one compiled-in preset; errors name it `<builtin strategies/STEM.ron>`.
fn load_builtin(stem: &str, text: &str) -> Result<Preset, ConfigError> {
    let origin = PathBuf::from(format!("<builtin strategies/{stem}.ron>"));
    Preset::from_ron_with_stem(text, &origin, stem)
}
