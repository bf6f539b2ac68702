//! The regime strategies by name: build a [`RegimeStrategy`] from a
//! [`StrategySpec`] through the one generic [registry](crate::registry),
//! with its parameter checks ([`ParamSpec`](crate::registry::ParamSpec))
//! and close-match suggestions.
//!
//! Regime strategies answer a whole group, so they implement
//! [`RegimeStrategy`], not [`Strategy`](twolevel_game::Strategy), and have
//! a catalogue of their own, [`REGIME_STRATEGIES`]. Each declares its
//! `pub(crate) const ENTRY:` [`RegimeEntry`] in its own file; to add one,
//! write the file in `regime/`, declare its entry and add one line to that
//! catalogue.
//!
//! ```
//! use twolevel_strategies::registry::StrategySpec;
//! use twolevel_strategies::regime::registry::build_regime;
//!
//! let spec = StrategySpec::new("Conditional Cooperator").with("quorum", 3);
//! assert_eq!(build_regime(&spec)?.name(), "Conditional Cooperator");
//! let err = build_regime(&StrategySpec::new("MFN Free Ridr")).unwrap_err();
//! assert!(err.to_string().contains("MFN Free Rider"), "{err}");
//! # Ok::<(), twolevel_strategies::registry::StrategyError>(())
//! ```

use twolevel_game::RegimeStrategy;

use crate::registry::{Builder, Entry, REGIME_STRATEGIES, StrategyError, StrategySpec};

/// How a registered regime strategy is built from its checked parameters.
pub type RegimeBuilder = Builder<dyn RegimeStrategy>;

/// One registered regime strategy: an [`Entry`] of `dyn RegimeStrategy`,
/// whose [`visibility`](Entry::visibility) is the default visibility of its
/// defections.
pub type RegimeEntry = Entry<dyn RegimeStrategy>;

/// Every registered regime strategy's entry.
pub fn regime_entries() -> impl Iterator<Item = &'static RegimeEntry> {
    REGIME_STRATEGIES.entries()
}

/// The display names of the registered regime strategies.
pub fn regime_names() -> impl Iterator<Item = &'static str> {
    REGIME_STRATEGIES.names()
}

/// The entry of a name or alias (ignoring case, spaces and punctuation),
/// or [`StrategyError::UnknownStrategy`] listing close matches.
pub fn regime_entry(name: &str) -> Result<&'static RegimeEntry, StrategyError> {
    REGIME_STRATEGIES.lookup(name)
}

/// Builds the regime strategy a spec describes.
pub fn build_regime(spec: &StrategySpec) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
    REGIME_STRATEGIES.build(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_builds_with_defaults_under_its_name() {
        for entry in regime_entries() {
            let built = build_regime(&StrategySpec::new(entry.name)).unwrap();
            assert_eq!(built.name(), entry.name);
            for alias in entry.aliases {
                assert_eq!(
                    build_regime(&StrategySpec::new(*alias)).unwrap().name(),
                    entry.name
                );
            }
        }
        let mut names: Vec<String> = regime_entries()
            .flat_map(|e| std::iter::once(e.name).chain(e.aliases.iter().copied()))
            .map(crate::registry::normalize)
            .collect();
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "a name or alias collides");
    }

    #[test]
    fn bad_values_and_names_are_reported() {
        let err =
            build_regime(&StrategySpec::new("Regime Reciprocity").with("lambda", 1.5)).unwrap_err();
        assert!(err.to_string().contains("lambda"), "{err}");
        let err = build_regime(
            &StrategySpec::new("Regime Gear Shifting")
                .with("cap", 0.0)
                .with("initial", 1.0),
        )
        .unwrap_err();
        assert!(err.to_string().contains("cap"), "{err}");
        let err =
            build_regime(&StrategySpec::new("Regime Reciprocity").with("quorum", 1)).unwrap_err();
        assert!(
            matches!(err, StrategyError::UnknownParameter { .. }),
            "{err}"
        );
        let err = build_regime(&StrategySpec::new("conditonal cooperator")).unwrap_err();
        assert!(
            matches!(err, StrategyError::UnknownStrategy { ref suggestions, .. }
                if suggestions.iter().any(|s| s == "Conditional Cooperator")),
            "{err}"
        );
    }
}
