//! Society files: the shipped file loads, bad files are errors with file,
//! line and column, the sweep agrees with the analytic anchor and its CSV
//! has the documented header.

use twolevel_tournament::society::{CSV_HEADER, SocietyConfig, SocietyPoint, SocietySweep};

fn load(text: &str) -> Result<SocietyConfig, String> {
    SocietyConfig::from_ron(text, "bad.ron").map_err(|e| e.to_string())
}

/// A valid file with one line replaced by `line`.
fn with(key: &str, line: &str) -> String {
    let base = [
        "Society(",
        "    name: \"t\",",
        "    groups: [(rule: \"Discriminator\", count: 10), (rule: \"ALLD\", count: 2)],",
        "    norm: \"stern judging\",",
        "    q: 1.0,",
        "    e: 0.0,",
        "    mu: 0.0,",
        "    steps: 10,",
        ")",
    ];
    base.iter()
        .map(|l| {
            if l.trim_start().starts_with(key) {
                line
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_shipped_file_loads_and_validates() {
    let config = SocietyConfig::embedded_default().unwrap();
    assert_eq!(config.name, "institutions");
    assert_eq!(config.size(), 100);
    assert_eq!(config.q_levels, [0.1, 0.5, 1.0]);
    assert_eq!(config.mu_levels, [0.01, 0.05, 0.1, 0.2]);
    assert!(config.evolution.is_some());
    let from_disk = SocietyConfig::from_file(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tournaments/institutions.ron"
    ))
    .unwrap();
    assert_eq!(from_disk.groups, config.groups);
}

#[test]
fn bad_values_name_file_line_column_and_field() {
    assert!(load(&with("q:", "    q: 1.0,")).is_ok());
    let cases = [
        ("q:", "    q: 1.5,", "bad.ron:5:8: invalid `q`", "[0, 1]"),
        ("e:", "    e: -0.1,", "bad.ron:6:8: invalid `e`", "[0, 1]"),
        ("mu:", "    mu: 2.0,", "bad.ron:7:9: invalid `mu`", "[0, 1]"),
        (
            "groups:",
            "    groups: [(rule: \"Discriminator\", count: 1)],",
            "bad.ron:3:13: invalid `groups`",
            "at least 2 states",
        ),
        (
            "groups:",
            "    groups: [(rule: \"ALLD\", count: 5), (rule: \"Discriminater\", count: 5)],",
            "bad.ron:3:47: invalid `groups[1].rule`",
            "did you mean `Discriminator`",
        ),
        (
            "groups:",
            "    groups: [(rule: \"Ledger\", count: 5, params: {\"tolerance\": -1.0})],",
            "bad.ron:3:",
            "groups[0].params.tolerance",
        ),
        (
            "groups:",
            "    groups: [(rule: \"ALLD\", count: 5), (rule: \"ALLC\", count: 5, norm: Some(\"shunning\"))],",
            "bad.ron:3:",
            "`groups[1].norm`",
        ),
        (
            "steps:",
            "    steps: 10, evolution: Some((generations: 1, steps_per_generation: 1, evolving: Norm)),",
            "bad.ron:8:",
            "`evolution.evolving`",
        ),
        (
            "steps:",
            "    steps: 10, replicates: 0,",
            "bad.ron:8:",
            "`replicates`",
        ),
        (
            "steps:",
            "    steps: 0,",
            "bad.ron:8:12: invalid `steps`",
            "at least 1",
        ),
    ];
    for (key, line, prefix, expected) in cases {
        let error = load(&with(key, line)).unwrap_err();
        assert!(error.starts_with(prefix), "{error}");
        assert!(error.contains(expected), "{error}");
    }
}

#[test]
fn syntax_errors_and_unknown_norms_have_positions() {
    let error = load(&with("norm:", "    norm: \"stern juging\",")).unwrap_err();
    assert!(error.starts_with("bad.ron:4:"), "{error}");
    assert!(error.contains("did you mean `stern judging`"), "{error}");
    let error = load(&with("q:", "    qq: 1.0,")).unwrap_err();
    assert!(error.starts_with("bad.ron:5:"), "{error}");
    let error = load(&with("mu:", "    mu: 0.1, sweep: Some((mu: [0.1, 1.5])),")).unwrap_err();
    assert!(
        error.starts_with("bad.ron:7:37: invalid `sweep.mu[1]`"),
        "{error}"
    );
}

#[test]
fn the_sweep_agrees_with_the_anchor_and_writes_its_header() {
    let mut config = SocietyConfig::embedded_default().unwrap();
    config.warmup = 20_000;
    config.steps = 150_000;
    let sweep = SocietySweep::run(&config).unwrap();
    assert!(sweep.anchored);
    assert_eq!(sweep.points.len(), 12);
    for point in &sweep.points {
        let analytic = point.analytic_cooperation.unwrap();
        assert!(
            (point.cooperation - analytic).abs() < 0.03,
            "q {} mu {}: {} vs {analytic}",
            point.q,
            point.mu,
            point.cooperation
        );
        let good = point.analytic_good_share.unwrap();
        assert!((point.good_share - good).abs() < 0.03, "{point:?}");
    }
    let folder = std::env::temp_dir().join(format!("society-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = sweep.write_csv(folder.join("sweep.csv")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().next().unwrap(), CSV_HEADER.join(","));
    assert_eq!(text.lines().count(), 13);
    sweep.write_json(folder.join("sweep.json")).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
}

/// The mixed society of `tournaments/institutions_mixed.ron`, shortened,
/// at the given levels of q and mu, four seeds a point.
fn mixed_sweep(q: &[f64], mu: &[f64]) -> SocietySweep {
    let mut config = SocietyConfig::from_file(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tournaments/institutions_mixed.ron"
    ))
    .unwrap();
    assert_eq!(config.replicates, 4);
    config.warmup = 20_000;
    config.steps = 50_000;
    config.q_levels = q.to_vec();
    config.mu_levels = mu.to_vec();
    SocietySweep::run(&config).unwrap()
}

/// How many standard errors `higher` exceeds `lower` by, in cooperation
/// and in policy payoff (welfare) per interaction.
fn margins(higher: &SocietyPoint, lower: &SocietyPoint) -> [f64; 2] {
    let z = |a: f64, b: f64, ea: Option<f64>, eb: Option<f64>| {
        (a - b) / (ea.unwrap().powi(2) + eb.unwrap().powi(2)).sqrt()
    };
    [
        z(
            higher.cooperation,
            lower.cooperation,
            higher.cooperation_se,
            lower.cooperation_se,
        ),
        z(
            higher.policy_per_interaction,
            lower.policy_per_interaction,
            higher.policy_per_interaction_se,
            lower.policy_per_interaction_se,
        ),
    ]
}

#[test]
fn in_the_mixed_society_monitoring_raises_and_assessment_error_lowers_cooperation_and_welfare() {
    let sweep = mixed_sweep(&[0.02, 1.0], &[0.01, 0.2]);
    assert!(!sweep.anchored);
    let point = |q: f64, mu: f64| {
        sweep
            .points
            .iter()
            .find(|p| p.q == q && p.mu == mu)
            .unwrap()
    };
    // More monitoring, more cooperation and welfare (about +0.035 of
    // cooperation at mu = 0.01, standard errors near 0.003).
    let monitoring = margins(point(1.0, 0.01), point(0.02, 0.01));
    assert!(
        monitoring.iter().all(|&m| m > 4.0),
        "{monitoring:?}: {:?} vs {:?}",
        point(1.0, 0.01),
        point(0.02, 0.01)
    );
    // More assessment error, less of both, at either q.
    for q in [0.02, 1.0] {
        let accuracy = margins(point(q, 0.01), point(q, 0.2));
        assert!(accuracy.iter().all(|&m| m > 4.0), "q {q}: {accuracy:?}");
    }
    for p in &sweep.points {
        assert_eq!(p.replicates, 4);
        assert_eq!(p.analytic_cooperation, None);
    }
}

/// The anchor applies to the rules that declare it (the discriminator,
/// under any of its names), not to another rule with the discriminator's
/// standing table (the action rule of leading-eight norm L3), and groups
/// of no states do not count.
#[test]
fn the_anchor_applies_to_the_rules_that_declare_it() {
    use twolevel_strategies::society::build_rule;
    use twolevel_tournament::society::sweep::anchor_applies;
    let disc = build_rule("Discriminator").unwrap();
    let l3 = build_rule("Leading Eight L3").unwrap();
    assert!(disc.standing_table().is_some());
    assert_eq!(l3.standing_table(), disc.standing_table());
    assert!(disc.discriminator_anchor() && !l3.discriminator_anchor());
    let groups = |line: &str| load(&with("groups:", line)).unwrap();
    for (line, anchored) in [
        ("    groups: [(rule: \"Discriminator\", count: 10)],", true),
        (
            "    groups: [(rule: \"disc\", count: 10), (rule: \"ALLD\", count: 0)],",
            true,
        ),
        (
            "    groups: [(rule: \"Leading Eight L3\", count: 10)],",
            false,
        ),
        (
            "    groups: [(rule: \"DISC\", count: 10), (rule: \"Leading Eight L3\", count: 1)],",
            false,
        ),
        (
            "    groups: [(rule: \"Discriminator\", count: 10), (rule: \"ALLD\", count: 2)],",
            false,
        ),
    ] {
        assert_eq!(anchor_applies(&groups(line)), anchored, "{line}");
    }
}
