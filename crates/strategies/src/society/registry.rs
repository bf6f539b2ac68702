//! The society action rules by name, through the one generic
//! [registry](crate::registry): [`build_rule`] and [`build_rule_with`]
//! look a rule up in [`SOCIETY_RULES`], check its parameters against the
//! [`ParamSpec`](crate::registry::ParamSpec)s its entry declares, and
//! report what goes wrong as a [`ParameterError`] on the fields of a
//! society file's group (`rule`, `params.NAME`).

use std::collections::BTreeMap;

use twolevel_game::{ParameterError, SocietyRule};

use crate::registry::{Entry, ParamValue, SOCIETY_RULES, StrategyError};

/// One registered society rule: an [`Entry`] of `dyn SocietyRule`.
pub type RuleEntry = Entry<dyn SocietyRule>;

/// The display names of every registered society rule, in registry order.
#[must_use]
pub fn rule_names() -> Vec<&'static str> {
    SOCIETY_RULES.names().collect()
}

/// Builds the society rule registered under `name` or an alias (ignoring
/// case, spaces and punctuation), with its default parameters; an unknown
/// name is an error on the field `rule` with close matches.
pub fn build_rule(name: &str) -> Result<Box<dyn SocietyRule>, ParameterError> {
    build_rule_with(name, &BTreeMap::new())
}

/// Builds the society rule registered under `name` (as [`build_rule`])
/// with the parameters `params`, by parameter name. Only the society
/// ledger takes one, `tolerance` (a whole number of cooperations); a
/// parameter the rule does not take is an error on `params.NAME`.
pub fn build_rule_with(
    name: &str,
    params: &BTreeMap<String, f64>,
) -> Result<Box<dyn SocietyRule>, ParameterError> {
    let values = params
        .iter()
        .map(|(key, &value)| (key.clone(), ParamValue::Number(value)))
        .collect();
    SOCIETY_RULES
        .lookup(name)
        .and_then(|entry| entry.build_with(&values))
        .map_err(rule_error)
}

/// A registry error as the error of a society file's group: an unknown
/// name on `rule`, a parameter on `params.NAME`.
fn rule_error(error: StrategyError) -> ParameterError {
    match error {
        StrategyError::UnknownStrategy { name, suggestions } => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                format!("did you mean `{}`? ", suggestions.join("` or `"))
            };
            ParameterError::new(
                "rule",
                format!(
                    "unknown society rule `{name}`; {hint}known rules: {}",
                    rule_names().join(", ")
                ),
            )
        }
        StrategyError::UnknownParameter {
            strategy,
            param,
            expected,
        } => {
            let expected = if expected.is_empty() {
                "no parameters".to_string()
            } else {
                format!("only `{}`", expected.join("`, `"))
            };
            ParameterError::new(
                format!("params.{param}"),
                format!("the rule `{strategy}` takes {expected}"),
            )
        }
        StrategyError::InvalidParameter { param, reason, .. } => {
            ParameterError::new(format!("params.{param}"), reason)
        }
        StrategyError::WrongType {
            param,
            expected,
            found,
            ..
        } => ParameterError::new(
            format!("params.{param}"),
            format!("expected {expected}, got {found}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_builds_under_its_own_name() {
        let names = rule_names();
        assert_eq!(names.len(), 14);
        for name in names {
            assert_eq!(build_rule(name).unwrap().name(), name);
        }
        assert_eq!(build_rule("disc").unwrap().name(), "Discriminator");
        assert_eq!(build_rule("l6 action").unwrap().name(), "Leading Eight L6");
    }

    #[test]
    fn standing_tables_agree_with_decide() {
        use crate::society::test_support::{rng, view};
        use twolevel_game::Standing;
        let mut with_table = Vec::new();
        for name in rule_names() {
            let mut rule = build_rule(name).unwrap();
            let Some(table) = rule.standing_table() else {
                continue;
            };
            with_table.push(name);
            for own in [Standing::Good, Standing::Bad] {
                for recipient in [Standing::Good, Standing::Bad] {
                    let mut seen = view(own, recipient);
                    // Whatever else the view holds, the table decides.
                    seen.last_received = Some(twolevel_game::Action::D);
                    seen.cooperations_given = 100;
                    assert_eq!(
                        rule.decide(&seen, &mut rng()),
                        table[own as usize][recipient as usize],
                        "{name}"
                    );
                }
            }
        }
        // ALLC, ALLD, the discriminator and the leading eight's rules.
        assert_eq!(with_table.len(), 11, "{with_table:?}");
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let error = build_rule("Discriminater").unwrap_err();
        assert_eq!(error.field, "rule");
        assert!(
            error.reason.contains("did you mean `Discriminator`"),
            "{error}"
        );
        let error = build_rule("zzz").unwrap_err();
        assert!(!error.reason.contains("did you mean"), "{error}");
    }

    #[test]
    fn the_ledger_takes_a_tolerance_and_other_rules_no_parameters() {
        let params = BTreeMap::from([("tolerance".to_string(), 5.0)]);
        assert_eq!(
            build_rule_with("Ledger", &params).unwrap().name(),
            "Society Ledger"
        );
        let error = build_rule_with("Discriminator", &params).unwrap_err();
        assert_eq!(error.field, "params.tolerance");
        let bad = BTreeMap::from([("tolerance".to_string(), -1.0)]);
        assert_eq!(
            build_rule_with("Ledger", &bad).unwrap_err().field,
            "params.tolerance"
        );
        let unknown = BTreeMap::from([("patience".to_string(), 1.0)]);
        let error = build_rule_with("Ledger", &unknown).unwrap_err();
        assert!(error.reason.contains("only `tolerance`"), "{error}");
    }

    #[test]
    fn unknown_names_list_close_spellings_and_every_rule() {
        let error = build_rule("Discriminater").unwrap_err();
        assert_eq!(
            error.reason,
            format!(
                "unknown society rule `Discriminater`; did you mean `Discriminator` or `DISC`? \
                 known rules: {}",
                rule_names().join(", ")
            )
        );
        let error = build_rule_with("ALLC", &BTreeMap::from([("x".to_string(), 1.0)])).unwrap_err();
        assert_eq!(
            (error.field.as_str(), error.reason.as_str()),
            ("params.x", "the rule `ALLC` takes no parameters")
        );
        let bad = BTreeMap::from([("tolerance".to_string(), 0.5)]);
        assert_eq!(
            build_rule_with("Society Ledger", &bad).unwrap_err().reason,
            "expected a whole number of cooperations >= 0, got 0.5"
        );
    }
}
