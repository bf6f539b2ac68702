//! The regime-strategy registry: build a [`RegimeStrategy`] by name from a
//! [`StrategySpec`], with the pairwise registry's parameter checks
//! ([`ParamSpec`]) and close-match suggestions.
//!
//! Regime strategies answer a whole group, so they implement
//! [`RegimeStrategy`], not [`Strategy`](twolevel_game::Strategy), and live
//! in this small registry of their own. Each declares its
//! `pub(crate) const ENTRY:` [`RegimeEntry`] in its own file; to add one,
//! write the file in `regime/`, declare its entry and add one line to
//! `REGIME_ENTRIES`.
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

use twolevel_game::{ParameterError, RegimeStrategy};

use crate::registry::{
    ParamSpec, Params, StrategyError, StrategySpec, check_params, close_matches, normalize,
};

/// How a registered regime strategy is built from its checked parameters.
pub type RegimeBuilder = fn(&Params<'_>) -> Result<Box<dyn RegimeStrategy>, StrategyError>;

/// One registered regime strategy.
#[derive(Clone, Copy, Debug)]
pub struct RegimeEntry {
    /// The display name, equal to [`RegimeStrategy::name`].
    pub name: &'static str,
    /// Other accepted names.
    pub aliases: &'static [&'static str],
    /// A one-line description of the rule.
    pub summary: &'static str,
    /// The parameters, in the order they are listed.
    pub params: &'static [ParamSpec],
    /// The visibility of its defections when a tournament entry does not
    /// set one; `None` takes the tournament's default.
    pub visibility: Option<f64>,
    /// Builds the strategy from checked parameters.
    pub build: RegimeBuilder,
}

impl RegimeEntry {
    /// An entry with its names, summary, parameters and builder, and no
    /// visibility of its own.
    #[must_use]
    pub const fn new(
        name: &'static str,
        aliases: &'static [&'static str],
        summary: &'static str,
        params: &'static [ParamSpec],
        build: RegimeBuilder,
    ) -> Self {
        RegimeEntry {
            name,
            aliases,
            summary,
            params,
            visibility: None,
            build,
        }
    }

    /// The same entry with a default visibility in [0, 1].
    #[must_use]
    pub const fn with_visibility(mut self, visibility: f64) -> Self {
        self.visibility = Some(visibility);
        self
    }

    /// Builds the strategy from the parameters of `spec` (its name is not
    /// checked); errors as [`StrategyEntry::build_with`](crate::registry::StrategyEntry::build_with).
    pub fn build_with(
        &self,
        spec: &StrategySpec,
    ) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
        (self.build)(&check_params(self.name, self.params, &spec.params)?)
    }
}

/// Every registered regime strategy.
static REGIME_ENTRIES: &[&RegimeEntry] = &[
    &super::cooperator::ENTRY,
    &super::defector::ENTRY,
    &super::conditional_cooperator::ENTRY,
    &super::diffuse_reciprocity::ENTRY,
    &super::gear_shifting::ENTRY,
    &super::mfn_free_rider::ENTRY,
    &super::nationalist::ENTRY,
];

/// Every registered regime strategy's entry.
pub fn regime_entries() -> impl Iterator<Item = &'static RegimeEntry> {
    REGIME_ENTRIES.iter().copied()
}

/// The display names of the registered regime strategies.
pub fn regime_names() -> impl Iterator<Item = &'static str> {
    regime_entries().map(|entry| entry.name)
}

/// The entry of a name or alias (ignoring case, spaces and punctuation),
/// or [`StrategyError::UnknownStrategy`] listing close matches.
pub fn regime_entry(name: &str) -> Result<&'static RegimeEntry, StrategyError> {
    let wanted = normalize(name);
    regime_entries()
        .find(|entry| {
            normalize(entry.name) == wanted
                || entry.aliases.iter().any(|alias| normalize(alias) == wanted)
        })
        .ok_or_else(|| StrategyError::UnknownStrategy {
            name: name.to_owned(),
            suggestions: close_matches(
                name,
                regime_entries()
                    .flat_map(|e| std::iter::once(e.name).chain(e.aliases.iter().copied())),
            )
            .into_iter()
            .map(|candidate| {
                regime_entries()
                    .find(|e| e.name == candidate || e.aliases.contains(&candidate))
                    .map_or(candidate, |e| e.name)
                    .to_owned()
            })
            .collect(),
        })
}

/// Builds the regime strategy a spec describes.
pub fn build_regime(spec: &StrategySpec) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
    regime_entry(&spec.name)?.build_with(spec)
}

/// Boxes a constructed regime strategy, turning a constructor's
/// [`ParameterError`] into a [`StrategyError::InvalidParameter`].
pub(crate) fn finish<S: RegimeStrategy + 'static>(
    params: &Params<'_>,
    made: Result<S, ParameterError>,
) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
    match made {
        Ok(strategy) => Ok(Box::new(strategy)),
        Err(error) => Err(params.invalid(&error.field, error.reason)),
    }
}

/// A [`RegimeBuilder`] for a strategy without parameters: its `Default`.
pub(crate) fn default_regime_build<S: RegimeStrategy + Default + 'static>(
    _: &Params<'_>,
) -> Result<Box<dyn RegimeStrategy>, StrategyError> {
    Ok(Box::new(S::default()))
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
            .map(normalize)
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
