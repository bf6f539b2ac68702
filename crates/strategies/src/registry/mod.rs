//! The registry: building players of every kind by name from
//! configuration, with typed parameters and close-match errors.
//!
//! A [`StrategySpec`] names a strategy and gives its parameters; in RON:
//!
//! ```ron
//! (name: "Diffuse Reciprocity", params: {"tolerance": 2.0, "lambda": 0.9})
//! ```
//!
//! `params` may be left out for the defaults. [`build`] turns a spec into a
//! boxed [`Strategy`], [`names`] lists every registered name and
//! [`entries`] every registered [`StrategyEntry`], with its aliases, its
//! parameters (kind, default, valid range and description) and its builder.
//!
//! Each player declares its own entry in its own file, as a `const`
//! [`Entry`] (for a pairwise strategy a [`StrategyEntry`]) with one
//! [`ParamSpec`] per parameter; the registry only lists the entries and
//! matches names. Values are checked against the [`ParamSpec`]s before the
//! player's builder runs, so an error names the strategy, the parameter
//! and its valid range:
//!
//! ```
//! use twolevel_strategies::registry::{build, StrategySpec};
//!
//! let spec = StrategySpec::new("Diffuse Reciprocity").with("lambda", 1.5);
//! assert_eq!(
//!     build(&spec).unwrap_err().to_string(),
//!     "invalid `lambda` for strategy `Diffuse Reciprocity`: expected a number in (0, 1], got 1.5"
//! );
//! ```
//!
//! Names are matched ignoring case, spaces and punctuation, so `"Tit For
//! Tat"`, `"TitForTat"` and `"tit-for-tat"` are the same strategy; a few
//! short aliases (`"TFT"`, `"GTFT"`, ...) are registered too. An unknown
//! name gets an error that lists close matches.
//!
//! ```
//! use twolevel_strategies::registry::{build, StrategyError, StrategySpec};
//!
//! let tft = build(&StrategySpec::new("TitForTat"))?;
//! assert_eq!(tft.name(), "Tit For Tat");
//!
//! let err = build(&StrategySpec::new("Tit For Tatt")).unwrap_err();
//! assert!(matches!(err, StrategyError::UnknownStrategy { ref suggestions, .. }
//!     if suggestions.iter().any(|s| s == "Tit For Tat")));
//! # Ok::<(), StrategyError>(())
//! ```
//!
//! One generic registry serves every kind of player: pairwise strategies
//! (the functions of this module), regime strategies
//! ([`regime::registry`](crate::regime::registry)) and society rules
//! ([`society::build_rule`](crate::society::build_rule)). Its parts, one
//! concept a file:
//!
//! - `entry`: the [`Entry`] a player declares itself with and its
//!   [`Builder`].
//! - `params`: [`ParamSpec`], [`ParamKind`] and [`Limit`], the check of
//!   given values, and the checked [`Params`] a builder reads.
//! - `names`: the one name normalisation and the close-match ranking
//!   ([`close_matches`], [`Suggest`]).
//! - `catalogue`: the [`Catalogue`] of each kind ([`STRATEGIES`],
//!   [`REGIME_STRATEGIES`], [`SOCIETY_RULES`]) and the one lookup by name.
//! - `spec`: what a configuration file says ([`StrategySpec`],
//!   [`ParamValue`]) and what can go wrong ([`StrategyError`]).

mod catalogue;
mod entry;
mod names;
mod params;
mod spec;

use twolevel_game::Strategy;

pub use catalogue::{Catalogue, REGIME_STRATEGIES, SOCIETY_RULES, STRATEGIES};
pub(crate) use entry::default_build;
pub use entry::{Builder, Entry, StrategyEntry};
#[cfg(test)]
pub(crate) use names::normalize;
pub use names::{Suggest, close_matches};
pub use params::{Limit, ParamKind, ParamSpec, Params};
pub use spec::{ParamValue, StrategyError, StrategySpec};

/// Resolves a name or alias (ignoring case, spaces and punctuation) to the
/// registered display name.
pub fn canonical_name(name: &str) -> Result<&'static str, StrategyError> {
    STRATEGIES.lookup(name).map(|entry| entry.name)
}

/// The registered entry of a name or alias (ignoring case, spaces and
/// punctuation), with its parameters and builder.
pub fn entry(name: &str) -> Result<&'static StrategyEntry, StrategyError> {
    STRATEGIES.lookup(name)
}

/// The parameters accepted by the named strategy, in their declared order.
pub fn parameters(name: &str) -> Result<&'static [ParamSpec], StrategyError> {
    STRATEGIES.lookup(name).map(|entry| entry.params)
}

/// Builds the strategy a spec describes.
///
/// Fails with [`StrategyError::UnknownStrategy`] (listing close matches) for
/// an unknown name, [`StrategyError::UnknownParameter`] (listing the
/// accepted parameters) for a parameter the strategy does not take, and
/// [`StrategyError::InvalidParameter`] or [`StrategyError::WrongType`]
/// (naming the valid range) for a bad value.
pub fn build(spec: &StrategySpec) -> Result<Box<dyn Strategy>, StrategyError> {
    STRATEGIES.build(spec)
}

/// The display names of all registered strategies (aliases excluded).
pub fn names() -> impl Iterator<Item = &'static str> {
    STRATEGIES.names()
}

/// Every registered strategy's entry, in the order of [`names`].
///
/// ```
/// use twolevel_strategies::registry::entries;
///
/// let diffuse = entries().find(|e| e.name == "Diffuse Reciprocity").unwrap();
/// let lambda = diffuse.param("lambda").unwrap();
/// assert_eq!(lambda.kind.to_string(), "a number in (0, 1]");
/// assert_eq!(lambda.default_value().unwrap().to_string(), "0.9");
/// assert!(!diffuse.default_classifier().stochastic);
/// ```
pub fn entries() -> impl Iterator<Item = &'static StrategyEntry> {
    STRATEGIES.entries()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_matched_ignoring_case_and_punctuation() {
        for name in ["Tit For Tat", "TitForTat", "tit-for-tat", "TFT", "tft"] {
            assert_eq!(canonical_name(name), Ok("Tit For Tat"), "{name}");
        }
    }

    #[test]
    fn every_registered_strategy_builds_with_defaults_under_its_name() {
        // Parametrised classic strategies append their parameters to the
        // name, as `axelrod` does ("Random: 0.5", "Soft Go By Majority").
        for name in names() {
            let strategy = build(&StrategySpec::new(name)).unwrap();
            assert!(
                normalize(strategy.name()).contains(&normalize(name)),
                "{name} built {}",
                strategy.name()
            );
        }
    }

    #[test]
    fn every_classic_strategy_is_registered() {
        // Every type the classic module exports must be reachable by its
        // type name (which matches its registered name or an alias).
        let exported = include_str!("../classic/mod.rs")
            .lines()
            .filter_map(|line| line.trim().strip_prefix("pub use "))
            .flat_map(|path| {
                let items = path.trim_end_matches(';').rsplit("::").next().unwrap_or("");
                items
                    .trim_matches(|c| c == '{' || c == '}')
                    .split(',')
                    .map(|item| item.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>();
        assert!(exported.len() >= 18, "{exported:?}");
        for item in exported {
            assert!(
                STRATEGIES.find(&item).is_some(),
                "classic::{item} is not registered"
            );
        }
    }

    #[test]
    fn parameters_reach_the_strategy() {
        let random = build(&StrategySpec::new("Random").with("p", 0.25)).unwrap();
        assert_eq!(random.name(), "Random: 0.25");
        let majority =
            build(&StrategySpec::new("Go By Majority").with("memory_depth", 10u32)).unwrap();
        assert_eq!(majority.name(), "Soft Go By Majority: 10");
        let majority =
            build(&StrategySpec::new("Go By Majority").with("memory_depth", "inf")).unwrap();
        assert_eq!(majority.name(), "Soft Go By Majority");
    }

    #[test]
    fn unbounded_tolerance_can_be_written_as_text_or_inf() {
        for value in [ParamValue::from("inf"), ParamValue::from(f64::INFINITY)] {
            let spec = StrategySpec::new("Diffuse Reciprocity").with("tolerance", value);
            let strategy = build(&spec).unwrap();
            assert_eq!(strategy.classifier().memory_depth, Some(1));
        }
        let spec: StrategySpec =
            ron::from_str(r#"(name: "Diffuse", params: {"tolerance": "unbounded"})"#).unwrap();
        assert_eq!(build(&spec).unwrap().classifier().memory_depth, Some(1));
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let err =
            build(&StrategySpec::new("Diffuse Reciprocity").with("tolerance", -1.0)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "tolerance"),
            "{err:?}"
        );
        for lambda in [0.0, 1.5] {
            let err = build(&StrategySpec::new("Diffuse Reciprocity").with("lambda", lambda))
                .unwrap_err();
            assert_eq!(
                err.to_string(),
                format!(
                    "invalid `lambda` for strategy `Diffuse Reciprocity`: \
                     expected a number in (0, 1], got {lambda}"
                )
            );
        }
        let err =
            build(&StrategySpec::new("Diffuse Reciprocity").with("lambda", "high")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::WrongType { param, .. } if param == "lambda"),
            "{err:?}"
        );
        let err = build(&StrategySpec::new("Random").with("p", 2.0)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `p` for strategy `Random`: expected a number in [0, 1], got 2"
        );
        let err = build(&StrategySpec::new("Gear Shifting").with("patience", 1.5)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "patience"),
            "{err:?}"
        );
    }

    #[test]
    fn unknown_names_suggest_close_matches() {
        let err = build(&StrategySpec::new("Tit For Tatt")).unwrap_err();
        match &err {
            StrategyError::UnknownStrategy { suggestions, .. } => {
                assert_eq!(suggestions.first().map(String::as_str), Some("Tit For Tat"));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(
            err.to_string().contains("did you mean `Tit For Tat`"),
            "{err}"
        );
        let err = build(&StrategySpec::new("Zebra")).unwrap_err();
        assert_eq!(
            err,
            StrategyError::UnknownStrategy {
                name: "Zebra".into(),
                suggestions: vec![]
            }
        );
    }

    #[test]
    fn parameters_are_listed_by_any_name() {
        let listed: Vec<&str> = parameters("diffuse reciprocity")
            .unwrap()
            .iter()
            .map(|spec| spec.name)
            .collect();
        assert_eq!(listed, ["tolerance", "lambda", "valuation", "bias"]);
        assert!(matches!(
            parameters("Difuse Reciprocity"),
            Err(StrategyError::UnknownStrategy { suggestions, .. })
                if suggestions.first().map(String::as_str) == Some("Diffuse Reciprocity")
        ));
    }

    /// The message of the error building `name` with one parameter.
    fn message(name: &str, param: &str, value: impl Into<ParamValue>) -> String {
        build(&StrategySpec::new(name).with(param, value))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn parameter_errors_name_the_strategy_the_parameter_and_the_range() {
        let cases = [
            (
                message("Diffuse Reciprocity", "tolerance", -1.0),
                "invalid `tolerance` for strategy `Diffuse Reciprocity`: \
                 expected a number >= 0 (or \"inf\" for unbounded), got -1",
            ),
            (
                message("Diffuse Reciprocity", "lambda", "high"),
                "invalid `lambda` for strategy `Diffuse Reciprocity`: \
                 expected a number in (0, 1], got a string (\"high\")",
            ),
            (
                message("Diffuse Reciprocity", "valuation", "bogus"),
                "invalid `valuation` for strategy `Diffuse Reciprocity`: \
                 expected \"counts\" or \"payoffs\", got \"bogus\"",
            ),
            (
                message("Gear Shifting", "patience", 1.5),
                "invalid `patience` for strategy `Gear Shifting`: \
                 expected a whole number >= 1, got 1.5",
            ),
            (
                message("Gear Shifting", "step", "inf"),
                "invalid `step` for strategy `Gear Shifting`: \
                 expected a finite number > 0, got inf",
            ),
            (
                message("Free Rider", "probe_every", 1u32),
                "invalid `probe_every` for strategy `Free Rider`: \
                 expected a whole number >= 2, got 1",
            ),
            (
                message("Go By Majority", "memory_depth", 0u32),
                "invalid `memory_depth` for strategy `Go By Majority`: \
                 expected a whole number >= 1 (or \"inf\" for unbounded), got 0",
            ),
            (
                message("Go By Majority", "soft", 1u32),
                "invalid `soft` for strategy `Go By Majority`: \
                 expected a boolean, got a number (1)",
            ),
            (
                message("Nationalist Defector", "reciprocate_below", f64::NAN),
                "invalid `reciprocate_below` for strategy `Nationalist Defector`: \
                 expected a number in [0, 1], got NaN",
            ),
            (
                message("Gear Shifting", "cap", -0.5),
                "invalid `cap` for strategy `Gear Shifting`: \
                 expected a number >= 0 (or \"inf\" for unbounded), got -0.5",
            ),
            (
                message("Diffuse Reciprocity", "lamda", 0.5),
                "strategy `Diffuse Reciprocity` has no parameter `lamda`; \
                 expected one of `tolerance`, `lambda`, `valuation`, `bias`",
            ),
        ];
        for (actual, expected) in cases {
            assert_eq!(actual, expected);
        }
    }

    #[test]
    fn choices_match_ignoring_case() {
        let spec = StrategySpec::new("Diffuse").with("valuation", "PAYOFFS");
        assert_eq!(build(&spec).unwrap().name(), "Diffuse Reciprocity");
    }

    #[test]
    fn constraints_between_parameters_are_left_to_the_strategy() {
        let spec = StrategySpec::new("Gear Shifting")
            .with("initial", 3.0)
            .with("cap", 2.0);
        assert_eq!(
            build(&spec).unwrap_err().to_string(),
            "invalid `cap` for strategy `Gear Shifting`: expected a number >= initial (3), got 2"
        );
    }

    #[test]
    fn declared_defaults_build_the_same_strategy_as_no_parameters() {
        // Every default is in its own range, and giving it explicitly
        // builds the strategy the defaults build.
        for entry in entries() {
            let defaults = entry
                .params
                .iter()
                .filter_map(|spec| Some((spec.name.to_owned(), spec.default_value()?)))
                .collect();
            let explicit = entry.build_with(&defaults).unwrap();
            let implicit = entry.build_default().unwrap();
            assert_eq!(explicit.name(), implicit.name(), "{}", entry.name);
            assert_eq!(
                explicit.classifier(),
                implicit.classifier(),
                "{}",
                entry.name
            );
        }
    }

    #[test]
    fn entries_describe_their_parameters() {
        let majority = entry("majority").unwrap();
        let depth = majority.param("memory_depth").unwrap();
        assert_eq!(
            depth.default_value(),
            Some(ParamValue::Number(f64::INFINITY))
        );
        assert!(!depth.doc.is_empty());
        let gtft = entry("GTFT").unwrap();
        assert_eq!(gtft.param("p").unwrap().default_value(), None);
        assert_eq!(
            gtft.param("p").unwrap().kind.to_string(),
            "a number in [0, 1]"
        );
        assert!(majority.param("nonsense").is_none());
        for entry in entries() {
            assert_eq!(
                entry.default_classifier(),
                entry.build_default().unwrap().classifier()
            );
        }
    }

    #[test]
    fn delegations_are_built_from_member_names() {
        let spec = StrategySpec::new("delegation")
            .with("politician", "TFT")
            .with("bureaucrat", "Grudger")
            .with("autonomy", 0.25);
        let built = build(&spec).unwrap();
        assert_eq!(built.name(), "Delegation: Tit For Tat / Grudger, 0.25");
        assert!(built.classifier().stochastic);
        let defaults = build(&StrategySpec::new("Delegation")).unwrap();
        assert_eq!(
            defaults.name(),
            "Delegation: Tit For Tat / Diffuse Reciprocity, 0.5"
        );
    }

    #[test]
    fn bad_delegations_name_the_parameter() {
        let err = build(&StrategySpec::new("Delegation").with("autonomy", 1.5)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "autonomy"),
            "{err:?}"
        );
        let err =
            build(&StrategySpec::new("Delegation").with("politician", "Tit For Tatt")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::UnknownStrategy { suggestions, .. }
                if suggestions.first().map(String::as_str) == Some("Tit For Tat")),
            "{err:?}"
        );
        let err =
            build(&StrategySpec::new("Delegation").with("bureaucrat", "delegation")).unwrap_err();
        assert!(
            matches!(&err, StrategyError::InvalidParameter { param, .. } if param == "bureaucrat"),
            "{err:?}"
        );
        let err = build(&StrategySpec::new("Delegation").with("politician", 3.0)).unwrap_err();
        assert!(
            matches!(&err, StrategyError::WrongType { param, .. } if param == "politician"),
            "{err:?}"
        );
    }

    #[test]
    fn unknown_parameters_are_named() {
        let err = build(&StrategySpec::new("Tit For Tat").with("tolerance", 1.0)).unwrap_err();
        assert_eq!(
            err,
            StrategyError::UnknownParameter {
                strategy: "Tit For Tat".into(),
                param: "tolerance".into(),
                expected: vec![],
            }
        );
    }

    #[test]
    fn specs_parse_from_ron_with_optional_params() {
        let spec: StrategySpec = ron::from_str(r#"(name: "Tit For Tat")"#).unwrap();
        assert!(spec.params.is_empty());
        let spec: StrategySpec = ron::from_str(
            r#"(name: "X", params: {"a": 2, "b": 0.5, "c": true, "d": "inf", "e": inf})"#,
        )
        .unwrap();
        assert_eq!(spec.params["a"], ParamValue::Number(2.0));
        assert_eq!(spec.params["b"], ParamValue::Number(0.5));
        assert_eq!(spec.params["c"], ParamValue::Bool(true));
        assert_eq!(spec.params["d"], ParamValue::Text("inf".into()));
        assert_eq!(spec.params["e"], ParamValue::Number(f64::INFINITY));
    }
}
