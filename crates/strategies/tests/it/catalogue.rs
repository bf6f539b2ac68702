//! The strategy catalogue in `docs/strategies.md` lists every registered
//! strategy, so that the documentation cannot silently fall behind the
//! registry.

use twolevel_strategies::registry;

#[test]
fn every_registered_strategy_is_in_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/strategies.md");
    let catalogue = std::fs::read_to_string(path).expect("docs/strategies.md exists");
    let missing: Vec<&str> = registry::names()
        .filter(|name| !catalogue.contains(&format!("| `{name}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/strategies.md lacks a row for: {missing:?}"
    );
}

#[test]
fn every_registered_regime_strategy_is_in_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/strategies.md");
    let catalogue = std::fs::read_to_string(path).expect("docs/strategies.md exists");
    let missing: Vec<&str> = twolevel_strategies::regime::registry::regime_names()
        .filter(|name| !catalogue.contains(&format!("| `{name}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/strategies.md lacks a row for the regime strategies {missing:?}"
    );
}
