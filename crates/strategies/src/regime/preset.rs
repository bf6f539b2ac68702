//! Regime presets: named regime actors (a regime strategy plus an
//! orientation, visibility, patience and securitizing move) stored as RON
//! files in the top-level `strategies/regime/` folder.
//!
//! The format is the pairwise presets' ([`RawPreset`]; see
//! [`crate::preset`]), with the strategy named in the regime registry
//! ([`regime_entry`]). The name must equal the file stem. The folder is a
//! subfolder of `strategies/` so that the pairwise presets' loader, which
//! reads only the `*.ron` files of `strategies/` itself, never meets a
//! regime strategy. The shipped files are also compiled into the library
//! ([`builtin_regime_presets`]).
//!
//! ```
//! use twolevel_strategies::regime::preset::builtin_regime_presets;
//!
//! let presets = builtin_regime_presets()?;
//! let ledger = &presets["regime-ledger"];
//! assert_eq!(ledger.build()?.name(), "Regime Reciprocity");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use twolevel_files::{ConfigError, parse_ron, read_text_file, ron_files_in};
use twolevel_game::RegimeStrategy;

use super::registry::{build_regime, regime_entry};
use crate::preset::{Preset, RawPreset};
use crate::registry::StrategyError;

/// A validated regime preset: its regime strategy builds and its numbers
/// are in range (the checks of [`Preset::from_parsed`]).
#[derive(Clone, Debug, PartialEq)]
pub struct RegimePreset {
    preset: Preset,
}

impl RegimePreset {
    /// Parses and validates regime preset RON text; `origin` names it in
    /// errors, which carry the line and column of the field at fault. The
    /// name is not checked against a file stem.
    pub fn from_ron(text: &str, origin: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        let raw: RawPreset = parse_ron(text, origin)?;
        let preset = Preset::from_parsed_with(raw, origin, |spec| build_regime(spec).map(drop))
            .map_err(|e| e.located_in(text))?;
        Ok(RegimePreset { preset })
    }

    /// Reads, validates and name-checks a regime preset file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let stem = path.file_stem().and_then(|s| s.to_str()).ok_or_else(|| {
            ConfigError::invalid(path, "name", "the file name is not valid UTF-8")
        })?;
        RegimePreset::from_ron_with_stem(&read_text_file(path)?, path, stem)
    }

    fn from_ron_with_stem(text: &str, origin: &Path, stem: &str) -> Result<Self, ConfigError> {
        let preset = RegimePreset::from_ron(text, origin)?
            .preset
            .named_as(origin, stem)
            .map_err(|e| e.located_in(text))?;
        Ok(RegimePreset { preset })
    }

    /// The preset's fields (name, description, strategy spec, orientation,
    /// visibility, patience, securitizing move).
    #[must_use]
    pub const fn preset(&self) -> &Preset {
        &self.preset
    }

    /// The visibility of its defections: the preset's own, else the regime
    /// strategy's default (the nationalist's is 1), else `None` (the
    /// tournament's).
    #[must_use]
    pub fn visibility(&self) -> Option<f64> {
        self.preset.visibility().or_else(|| {
            regime_entry(&self.preset.strategy().name)
                .ok()
                .and_then(|entry| entry.visibility)
        })
    }

    /// Builds a fresh player of the preset's regime strategy.
    pub fn build(&self) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
        build_regime(self.preset.strategy())
    }
}

/// Loads every `*.ron` file of a folder as a regime preset, keyed by name
/// (which equals the file stem). Other files are ignored.
pub fn load_regime_dir(
    dir: impl AsRef<Path>,
) -> Result<BTreeMap<String, RegimePreset>, ConfigError> {
    ron_files_in(dir)?
        .into_iter()
        .map(|path| RegimePreset::from_file(&path).map(|p| (p.preset.name().to_owned(), p)))
        .collect()
}

/// The regime preset files shipped in `strategies/regime/` (compiled in from
/// the identical copy `crates/strategies/presets/regime/`, so that the crate
/// packages; a test checks the two are the same), as
/// `(stem, text)`, compiled into the library.
const BUILTIN_REGIME_PRESET_FILES: &[(&str, &str)] = &[
    (
        "conditional-cooperator",
        include_str!("../../presets/regime/conditional-cooperator.ron"),
    ),
    (
        "mfn-free-rider",
        include_str!("../../presets/regime/mfn-free-rider.ron"),
    ),
    (
        "regime-cooperator",
        include_str!("../../presets/regime/regime-cooperator.ron"),
    ),
    (
        "regime-defector",
        include_str!("../../presets/regime/regime-defector.ron"),
    ),
    (
        "regime-gear-shifter",
        include_str!("../../presets/regime/regime-gear-shifter.ron"),
    ),
    (
        "regime-ledger",
        include_str!("../../presets/regime/regime-ledger.ron"),
    ),
    (
        "regime-nationalist",
        include_str!("../../presets/regime/regime-nationalist.ron"),
    ),
];

/// The shipped regime presets, parsed from the copies compiled into the
/// library, keyed by name.
pub fn builtin_regime_presets() -> Result<BTreeMap<String, RegimePreset>, ConfigError> {
    BUILTIN_REGIME_PRESET_FILES
        .iter()
        .map(|(stem, text)| {
            let origin = PathBuf::from(format!("<builtin strategies/regime/{stem}.ron>"));
            RegimePreset::from_ron_with_stem(text, &origin, stem)
                .map(|p| (p.preset.name().to_owned(), p))
        })
        .collect()
}
