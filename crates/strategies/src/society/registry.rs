//! The society action rules by name, with close-match errors.

use std::collections::BTreeMap;

use twolevel_game::ParameterError;

use super::{
    Discriminator, GeneralizedReciprocity, NormAction, SocietyLedger, SocietyRule,
    SpecificReciprocity, Unconditional,
};
use crate::registry::close_matches;

/// One registered rule: its display name, aliases and default builder.
struct RuleEntry {
    name: &'static str,
    aliases: &'static [&'static str],
    build: fn() -> Box<dyn SocietyRule>,
}

/// The leading eight's action rules, one entry each.
macro_rules! leading_eight_entries {
    ($($number:literal => $alias:literal;)*) => {
        [$(RuleEntry {
            name: NormAction::LEADING_EIGHT_NAMES[$number - 1],
            aliases: &[$alias],
            build: || {
                Box::new(NormAction::leading_eight($number).expect("1..=8 is a leading-eight number"))
            },
        },)*]
    };
}

const FIXED_ENTRIES: [RuleEntry; 6] = [
    RuleEntry {
        name: "ALLC",
        aliases: &["Cooperator", "Always Cooperate"],
        build: || Box::new(Unconditional::COOPERATE),
    },
    RuleEntry {
        name: "ALLD",
        aliases: &["Defector", "Always Defect"],
        build: || Box::new(Unconditional::DEFECT),
    },
    RuleEntry {
        name: "Discriminator",
        aliases: &["DISC"],
        build: || Box::new(Discriminator),
    },
    RuleEntry {
        name: "Generalized Reciprocity",
        aliases: &["Upstream Reciprocity", "GR"],
        build: || Box::new(GeneralizedReciprocity),
    },
    RuleEntry {
        name: "Society Ledger",
        aliases: &["Ledger"],
        build: || Box::new(SocietyLedger::default()),
    },
    RuleEntry {
        name: "Specific Reciprocity",
        aliases: &["Society TFT"],
        build: || Box::new(SpecificReciprocity::default()),
    },
];

const LEADING_EIGHT_ENTRIES: [RuleEntry; 8] = leading_eight_entries! {
    1 => "L1 Action";
    2 => "L2 Action";
    3 => "L3 Action";
    4 => "L4 Action";
    5 => "L5 Action";
    6 => "L6 Action";
    7 => "L7 Action";
    8 => "L8 Action";
};

/// The display names of every registered society rule, in registry order.
#[must_use]
pub fn rule_names() -> Vec<&'static str> {
    all_entries().map(|entry| entry.name).collect()
}

fn all_entries() -> impl Iterator<Item = &'static RuleEntry> {
    FIXED_ENTRIES.iter().chain(LEADING_EIGHT_ENTRIES.iter())
}

/// Lower-case ASCII letters and digits only.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Builds the society rule registered under `name` or an alias (ignoring
/// case, spaces and punctuation), with its default parameters; an unknown
/// name is an error on the field `rule` with close matches.
pub fn build_rule(name: &str) -> Result<Box<dyn SocietyRule>, ParameterError> {
    let wanted = normalize(name);
    if let Some(entry) = all_entries().find(|entry| {
        normalize(entry.name) == wanted || entry.aliases.iter().any(|a| normalize(a) == wanted)
    }) {
        return Ok((entry.build)());
    }
    let candidates = all_entries()
        .flat_map(|entry| std::iter::once(entry.name).chain(entry.aliases.iter().copied()));
    let close = close_matches(name, candidates);
    let hint = if close.is_empty() {
        String::new()
    } else {
        format!("did you mean `{}`? ", close.join("` or `"))
    };
    Err(ParameterError::new(
        "rule",
        format!(
            "unknown society rule `{name}`; {hint}known rules: {}",
            rule_names().join(", ")
        ),
    ))
}

/// Builds the society rule registered under `name` (as [`build_rule`])
/// with the parameters `params`, by parameter name. Only the society
/// ledger takes one, `tolerance` (a whole number of cooperations); a
/// parameter the rule does not take is an error on `params.NAME`.
pub fn build_rule_with(
    name: &str,
    params: &BTreeMap<String, f64>,
) -> Result<Box<dyn SocietyRule>, ParameterError> {
    let rule = build_rule(name)?;
    if params.is_empty() {
        return Ok(rule);
    }
    let takes: &[&str] = if rule.name() == "Society Ledger" {
        &["tolerance"]
    } else {
        &[]
    };
    if let Some(unknown) = params.keys().find(|key| !takes.contains(&key.as_str())) {
        let expected = if takes.is_empty() {
            "no parameters".to_string()
        } else {
            format!("only `{}`", takes.join("`, `"))
        };
        return Err(ParameterError::new(
            format!("params.{unknown}"),
            format!("the rule `{}` takes {expected}", rule.name()),
        ));
    }
    // Only the ledger gets here, with its one parameter.
    let ledger = SocietyLedger::from_number(params["tolerance"]).map_err(|e| e.within("params"))?;
    Ok(Box::new(ledger))
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
    fn names_and_aliases_do_not_collide() {
        let mut all: Vec<String> = all_entries()
            .flat_map(|e| std::iter::once(e.name).chain(e.aliases.iter().copied()))
            .map(normalize)
            .collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
    }
}
