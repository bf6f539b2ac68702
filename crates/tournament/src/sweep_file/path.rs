//! Field paths of a sweep grid: `game.theta`, `players[TFT-0.5].political_weight`,
//! `horizon.delta`, and the `lever.<name>` paths of the article's levers.
//!
//! A path walks the base tournament as written, every default filled in
//! (its serde tree): struct fields by name, list items by index or by the
//! `name` they carry, and through enum variants. Errors are plain text that
//! names the path and what is there instead; the sweep loader places them
//! at the line and column of the axis in the sweep file.

use serde_json::Value;

use crate::levers::Lever;

/// Reads a numeric field at `path` in `tree` and replaces it by `value`.
/// Errors name the path and, for an unknown step, what is there.
pub(crate) fn set_field(tree: &mut Value, path: &str, value: f64) -> Result<(), String> {
    let mut node = tree;
    let mut walked = String::new();
    for step in parse_path(path)? {
        node = descend(node, &step).map_err(|known| {
            let at = if walked.is_empty() {
                "the tournament"
            } else {
                walked.as_str()
            };
            format!("unknown field path `{path}`: {at} has no {step}; {known}")
        })?;
        walked.push_str(&step.to_string());
    }
    let description = describe(node);
    let target = numeric_leaf(node)
        .ok_or_else(|| format!("field path `{path}` names {description}, not a number"))?;
    *target = if target.is_u64() || target.is_i64() {
        if value.fract() != 0.0 || value < 0.0 || value > 2f64.powi(53) {
            return Err(format!(
                "field path `{path}` is a whole number, got the value {value}"
            ));
        }
        Value::from(value as u64)
    } else {
        serde_json::Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| format!("field path `{path}`: {value} is not a finite number"))?
    };
    Ok(())
}

/// The lever of a `lever.<name>` path: one of [`Lever::ALL`] by its
/// snake-case name.
pub(crate) fn lever_named(name: &str) -> Result<Lever, String> {
    let snake_name = |lever: &Lever| {
        serde_json::to_value(lever)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    Lever::ALL
        .into_iter()
        .find(|lever| snake_name(lever).as_deref() == Some(name))
        .ok_or_else(|| {
            let known: Vec<String> = Lever::ALL
                .iter()
                .filter_map(|l| snake_name(l).map(|n| format!("lever.{n}")))
                .collect();
            format!(
                "unknown lever `{name}`; the levers are {}",
                known.join(", ")
            )
        })
}

/// One step of a field path.
#[derive(Debug)]
enum Step {
    Field(String),
    Index(usize),
    Named(String),
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Step::Field(name) => write!(f, ".{name}"),
            Step::Index(k) => write!(f, "[{k}]"),
            Step::Named(name) => write!(f, "[{name}]"),
        }
    }
}

/// Splits `a.b[2].c[name]` into steps; a name in brackets may hold dots.
fn parse_path(path: &str) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(inside) = rest.strip_prefix('[') {
            let (name, after) = inside
                .split_once(']')
                .ok_or_else(|| format!("field path `{path}` has a `[` without `]`"))?;
            steps.push(match name.parse() {
                Ok(k) => Step::Index(k),
                Err(_) => Step::Named(name.trim_matches('"').to_owned()),
            });
            rest = after;
        } else {
            let field = rest.strip_prefix('.').unwrap_or(rest);
            if field.len() < rest.len() && steps.is_empty() {
                return Err(format!("field path `{path}` starts with `.`"));
            }
            let end = field.find(['.', '[']).unwrap_or(field.len());
            if end == 0 {
                return Err(format!("field path `{path}` has an empty step"));
            }
            steps.push(Step::Field(field[..end].to_owned()));
            rest = &field[end..];
        }
    }
    if steps.is_empty() {
        return Err("the field path is empty".to_owned());
    }
    Ok(steps)
}

/// The value behind an enum variant: `{"Fixed": x}` is `x`, a struct is
/// itself.
fn unwrap_variant(node: &mut Value) -> &mut Value {
    let is_variant = node.as_object().is_some_and(|map| {
        map.len() == 1
            && map
                .keys()
                .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
    });
    if is_variant {
        node.as_object_mut()
            .and_then(|map| map.values_mut().next())
            .expect("a one-entry object")
    } else {
        node
    }
}

/// Takes one step down; on failure, says what is there instead.
fn descend<'a>(node: &'a mut Value, step: &Step) -> Result<&'a mut Value, String> {
    let node = unwrap_variant(node);
    match (step, node) {
        (Step::Field(name), Value::Object(map)) => {
            let known: Vec<String> = map.keys().cloned().collect();
            map.get_mut(name)
                .ok_or_else(|| format!("its fields are {}", known.join(", ")))
        }
        (Step::Index(k), Value::Array(items)) => {
            let len = items.len();
            items
                .get_mut(*k)
                .ok_or_else(|| format!("it has {len} items (from 0)"))
        }
        (Step::Named(name), Value::Array(items)) => {
            let names: Vec<String> = items.iter().filter_map(item_name).collect();
            items
                .iter_mut()
                .find(|item| item_name(item).as_deref() == Some(name))
                .ok_or_else(|| format!("its items are named {}", names.join(", ")))
        }
        (_, other) => Err(format!("it is {}", describe(other))),
    }
}

/// The name an item of a list carries: a `name` field, or a preset's name.
fn item_name(item: &Value) -> Option<String> {
    match item {
        Value::Object(map) if map.len() == 1 => map.values().next().and_then(item_name),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(str::to_owned),
        Value::String(name) => Some(name.clone()),
        _ => None,
    }
}

/// The number at a node, looking through `Some(..)` and enum variants.
fn numeric_leaf(node: &mut Value) -> Option<&mut Value> {
    let node = unwrap_variant(node);
    node.is_number().then_some(node)
}

/// A short description of a node for error messages.
fn describe(node: &Value) -> String {
    match node {
        Value::Null => "nothing (`None`)".to_owned(),
        Value::Bool(_) => "a true/false value".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(_) => "a text".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(map) => format!(
            "a structure with {}",
            map.keys().cloned().collect::<Vec<_>>().join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> Value {
        serde_json::json!({
            "game": {"theta": 4.0, "beta": 0.8},
            "horizon": {"Continuation": {"delta": 0.99}},
            "politics": {"Fixed": 0.5},
            "repetitions": 3,
            "players": [
                "politician",
                {"Inline": {"name": "TFT-0.5", "political_weight": 0.5}}
            ]
        })
    }

    #[test]
    fn field_paths_reach_fields_items_and_variants() {
        let mut t = tree();
        set_field(&mut t, "game.theta", 2.0).unwrap();
        set_field(&mut t, "horizon.delta", 0.9).unwrap();
        set_field(&mut t, "politics", 0.25).unwrap();
        set_field(&mut t, "players[TFT-0.5].political_weight", 1.0).unwrap();
        set_field(&mut t, "players[1].political_weight", 0.75).unwrap();
        set_field(&mut t, "repetitions", 5.0).unwrap();
        assert_eq!(t["game"]["theta"], 2.0);
        assert_eq!(t["horizon"]["Continuation"]["delta"], 0.9);
        assert_eq!(t["politics"]["Fixed"], 0.25);
        assert_eq!(t["players"][1]["Inline"]["political_weight"], 0.75);
        assert_eq!(t["repetitions"], 5);
    }

    #[test]
    fn bad_field_paths_are_named() {
        let mut t = tree();
        let err = set_field(&mut t, "game.thetta", 1.0).unwrap_err();
        assert!(
            err.contains("game.thetta") && err.contains("theta, beta")
                || err.contains("beta, theta"),
            "{err}"
        );
        let err = set_field(&mut t, "players[nobody].political_weight", 1.0).unwrap_err();
        assert!(err.contains("nobody") && err.contains("TFT-0.5"), "{err}");
        let err = set_field(&mut t, "game", 1.0).unwrap_err();
        assert!(err.contains("not a number"), "{err}");
        let err = set_field(&mut t, "repetitions", 2.5).unwrap_err();
        assert!(err.contains("whole number"), "{err}");
        assert!(set_field(&mut t, "", 1.0).is_err());
    }

    #[test]
    fn levers_are_found_by_name() {
        assert_eq!(lever_named("knowledge"), Ok(Lever::Knowledge));
        assert_eq!(lever_named("political_buy_in"), Ok(Lever::PoliticalBuyIn));
        let err = lever_named("bribes").unwrap_err();
        assert!(
            err.contains("bribes") && err.contains("lever.quiet_diplomacy"),
            "{err}"
        );
    }
}
