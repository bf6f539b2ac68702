//! The presets shipped in the top-level `strategies/` folder: every file
//! loads and builds, and the copies compiled into the library equal the
//! folder.

use std::path::{Path, PathBuf};

use twolevel_files::ConfigError;
use twolevel_strategies::preset::{
    BUILTIN_PRESET_FILES, Preset, builtin_preset, builtin_presets, load_dir,
};
use twolevel_strategies::registry::StrategyError;
use twolevel_strategies::testing::embedded_copy_problems;

fn strategies_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../strategies")
}

#[test]
fn every_preset_file_loads_and_builds() {
    let mut files = 0;
    for entry in std::fs::read_dir(strategies_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            files += 1;
            let preset = Preset::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
            let strategy = preset.build().unwrap_or_else(|e| panic!("{e}"));
            assert!(!strategy.name().is_empty());
            assert!(!preset.description().is_empty(), "{}", path.display());
        }
    }
    assert!(files >= 20, "only {files} preset files");
    assert_eq!(load_dir(strategies_dir()).unwrap().len(), files);
}

/// The crate embeds its own copy of the presets (`crates/strategies/presets/`,
/// inside the published crate); the top-level `strategies/` folder is the
/// user-facing copy. They must hold the same files, byte for byte, and
/// [`BUILTIN_PRESET_FILES`] must list every one.
#[test]
fn the_embedded_presets_are_a_byte_identical_copy_of_strategies() {
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("presets");
    let problems =
        embedded_copy_problems(BUILTIN_PRESET_FILES, embedded, strategies_dir()).unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn builtin_presets_equal_the_folder() {
    let folder = load_dir(strategies_dir()).unwrap();
    let builtin = builtin_presets().unwrap();
    assert_eq!(
        folder.keys().collect::<Vec<_>>(),
        builtin.keys().collect::<Vec<_>>()
    );
    assert_eq!(folder, builtin);
}

#[test]
fn the_mission_presets_have_their_orientation() {
    let presets = builtin_presets().unwrap();
    let check = |name: &str, strategy: &str, w: f64, visibility: Option<f64>| {
        let preset = &presets[name];
        assert_eq!(preset.build().unwrap().name(), strategy, "{name}");
        assert_eq!(preset.political_weight(), w, "{name}");
        assert_eq!(preset.visibility(), visibility, "{name}");
    };
    check("politician", "Tit For Tat", 0.8, None);
    check("bureaucrat", "Diffuse Reciprocity", 0.1, None);
    check("nationalist", "Nationalist Defector", 1.0, Some(1.0));
    check("free-rider", "Free Rider", 0.5, None);
    check("gear-shifter", "Gear Shifting", 0.4, None);
    check("tit-for-tat", "Tit For Tat", 0.0, None);
    assert_eq!(
        builtin_preset("bureaucrat").unwrap().as_ref(),
        presets.get("bureaucrat")
    );
    assert_eq!(builtin_preset("no-such-preset").unwrap(), None);
}

fn write_temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-presets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_name_that_disagrees_with_the_file_stem_is_rejected() {
    let path = write_temp(
        "stem.ron",
        r#"(name: "other", description: "x", strategy: (name: "TFT"))"#,
    );
    let err = Preset::from_file(&path).unwrap_err();
    assert!(
        matches!(&err, ConfigError::Invalid { field, .. } if field == "name"),
        "{err:?}"
    );
    assert!(err.to_string().contains("stem.ron"), "{err}");
}

#[test]
fn out_of_range_numbers_name_the_field() {
    let err = Preset::from_ron(
        r#"(name: "p", strategy: (name: "TFT"), political_weight: 1.5)"#,
        "p.ron",
    )
    .unwrap_err();
    assert!(
        matches!(&err, ConfigError::Invalid { field, .. } if field == "political_weight"),
        "{err:?}"
    );
    let err = Preset::from_ron(
        r#"(name: "p", strategy: (name: "TFT"), visibility: Some(-0.1))"#,
        "p.ron",
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("p.ron:1:55: invalid `visibility`"),
        "{err}"
    );
}

#[test]
fn bad_strategies_are_reported_with_the_file() {
    let err = Preset::from_ron(
        r#"(name: "p", strategy: (name: "Diffuse Reciprocity", params: {"lambda": 0.0}))"#,
        "p.ron",
    )
    .unwrap_err();
    match &err {
        ConfigError::Strategy { source, .. } => assert!(matches!(
            source.downcast_ref::<StrategyError>(),
            Some(StrategyError::InvalidParameter { param, .. }) if param == "lambda"
        )),
        other => panic!("unexpected {other:?}"),
    }
    assert!(
        err.to_string().starts_with("p.ron:1:23: in `strategy`: "),
        "{err}"
    );
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let text =
        "(\n    name: \"p\",\n    strategy: (name: \"TFT\"),\n    political_weight: high,\n)";
    let err = Preset::from_ron(text, "p.ron").unwrap_err();
    match &err {
        ConfigError::Syntax { line, column, .. } => assert_eq!((*line, *column), (4, 23)),
        other => panic!("unexpected {other:?}"),
    }
    let err = Preset::from_ron(
        "(name: \"p\", strategy: (name: \"TFT\"), colour: 1)",
        "p.ron",
    )
    .unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
}
