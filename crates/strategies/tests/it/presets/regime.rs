//! The regime presets shipped in `strategies/regime/`: every file loads and
//! builds a regime strategy, the copies compiled into the library equal
//! the folder, and a wrong strategy or name is an error naming the field.

use std::path::PathBuf;

use twolevel_strategies::regime::preset::{RegimePreset, builtin_regime_presets, load_regime_dir};
use twolevel_strategies::regime::registry::regime_names;

fn regime_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../strategies/regime")
}

#[test]
fn every_regime_preset_file_loads_and_builds() {
    let folder = load_regime_dir(regime_dir()).unwrap();
    // One preset per regime strategy of `docs/regimes.md`.
    let mut built: Vec<String> = folder
        .values()
        .map(|preset| {
            assert!(!preset.preset().description().is_empty());
            preset.build().unwrap().name().to_owned()
        })
        .collect();
    built.sort();
    let mut names: Vec<String> = regime_names().map(str::to_owned).collect();
    names.sort();
    assert_eq!(built, names);
}

#[test]
fn builtin_regime_presets_equal_the_folder() {
    assert_eq!(
        load_regime_dir(regime_dir()).unwrap(),
        builtin_regime_presets().unwrap()
    );
    let presets = builtin_regime_presets().unwrap();
    let ledger = &presets["regime-ledger"];
    assert_eq!(ledger.build().unwrap().name(), "Regime Reciprocity");
    assert_eq!(ledger.preset().political_weight(), 0.1);
    assert_eq!(ledger.visibility(), None);
    assert_eq!(presets["regime-nationalist"].visibility(), Some(1.0));
}

#[test]
fn bad_regime_presets_name_the_field() {
    let pairwise = r#"(name: "x", strategy: (name: "Tit For Tat"))"#;
    let err = RegimePreset::from_ron(pairwise, "x.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("strategy") && err.contains("x.ron"), "{err}");
    let weight = r#"(name: "x", strategy: (name: "Regime Defector"), political_weight: 2.0)"#;
    let err = RegimePreset::from_ron(weight, "x.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("political_weight"), "{err}");
    let dir = std::env::temp_dir().join(format!("twolevel-regime-presets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("wrong.ron"),
        r#"(name: "right", strategy: (name: "Regime Defector"))"#,
    )
    .unwrap();
    let err = load_regime_dir(&dir).unwrap_err().to_string();
    assert!(err.contains("name") && err.contains("wrong"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
