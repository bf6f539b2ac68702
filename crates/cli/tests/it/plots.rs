//! Every kind of plot rendered by the binary and read back as SVG (with
//! roxmltree), its content checked against the data it draws: Tukey's
//! whiskers end at the most extreme values within the fences and the
//! values beyond are drawn as outliers, heatmap cells are coloured by the
//! viridis colormap with a colour bar and written values, count axes have
//! whole-number ticks, bars do not touch, legends sit beside the data,
//! titles and axes speak in words, and `--png` writes PNG images.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{self, ok};

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    support::scratch("plots", name)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A small tournament with a random player, so that scores vary between
/// repetitions, and a Moran process.
const SMALL: &str = r#"Tournament(
    name: "small",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "Defector", strategy: (name: "Defector")),
        Inline(name: "Random", strategy: (name: "Random")),
        Inline(name: "Grudger", strategy: (name: "Grudger")),
    ],
    horizon: Fixed(turns: 20),
    repetitions: 12,
    seed: 3,
    evolution: Some((process: Moran, population: 8, runs: 10, generations: 60, mutation: 0.0)),
)"#;

/// One element of an SVG plot: its tag and attributes, and its text.
#[derive(Debug, Clone)]
struct Element {
    tag: String,
    attributes: BTreeMap<String, String>,
    text: String,
}

impl Element {
    fn attribute(&self, name: &str) -> &str {
        self.attributes.get(name).map_or("", String::as_str)
    }

    fn number(&self, name: &str) -> f64 {
        self.attribute(name)
            .parse()
            .unwrap_or_else(|_| panic!("{name} of {self:?}"))
    }

    /// The points of a polyline.
    fn points(&self) -> Vec<(f64, f64)> {
        self.attribute("points")
            .split_whitespace()
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    }
}

/// The elements of the SVG file at `path`, which must be well-formed.
fn elements(path: &Path) -> Vec<Element> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc =
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_element())
        .map(|n| Element {
            tag: n.tag_name().name().to_owned(),
            attributes: n
                .attributes()
                .map(|a| (a.name().to_owned(), a.value().to_owned()))
                .collect(),
            text: n.text().unwrap_or("").trim().to_owned(),
        })
        .collect()
}

fn texts(elements: &[Element]) -> Vec<&str> {
    elements
        .iter()
        .filter(|e| e.tag == "text")
        .map(|e| e.text.as_str())
        .collect()
}

/// The colour of series `k`, as plotters writes it.
fn series_colour(k: usize) -> &'static str {
    ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD"][k]
}

/// The x axis's tick labels: the numeric texts on the lowest line of
/// them.
fn x_tick_labels(elements: &[Element]) -> Vec<&str> {
    let numeric = || {
        elements
            .iter()
            .filter(|e| e.tag == "text" && e.text.parse::<f64>().is_ok())
    };
    let bottom = numeric()
        .map(|e| e.number("y"))
        .fold(f64::NEG_INFINITY, f64::max);
    numeric()
        .filter(|e| e.number("y") == bottom)
        .map(|e| e.text.as_str())
        .collect()
}

/// The map from pixels to values of the x axis: fitted to its numeric
/// tick labels (the numeric texts on the lowest line of labels).
fn x_axis(elements: &[Element]) -> impl Fn(f64) -> f64 {
    let ticks: Vec<(f64, f64, f64)> = elements
        .iter()
        .filter(|e| e.tag == "text")
        .filter_map(|e| Some((e.text.parse::<f64>().ok()?, e.number("x"), e.number("y"))))
        .collect();
    let bottom = ticks.iter().map(|t| t.2).fold(f64::NEG_INFINITY, f64::max);
    let on_axis: Vec<(f64, f64)> = ticks
        .iter()
        .filter(|t| t.2 == bottom)
        .map(|t| (t.0, t.1))
        .collect();
    assert!(on_axis.len() >= 2, "x tick labels: {on_axis:?}");
    let (v0, x0) = on_axis[0];
    let (v1, x1) = on_axis[on_axis.len() - 1];
    let per_pixel = (v1 - v0) / (x1 - x0);
    move |x| v0 + (x - x0) * per_pixel
}

/// Tukey's whisker ends and outliers, computed here from the definition
/// (quartiles by linear interpolation; fences 1.5 IQR beyond them).
fn tukey(values: &[f64]) -> (f64, f64, Vec<f64>) {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let q = |p: f64| {
        let h = p * (v.len() - 1) as f64;
        let lo = v[h.floor() as usize];
        let hi = v[h.ceil() as usize];
        lo + (h - h.floor()) * (hi - lo)
    };
    let (q1, q3) = (q(0.25), q(0.75));
    let (lo_fence, hi_fence) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1));
    let inside: Vec<f64> = v
        .iter()
        .copied()
        .filter(|&x| x >= lo_fence && x <= hi_fence)
        .collect();
    let outliers = v
        .iter()
        .copied()
        .filter(|&x| x < lo_fence || x > hi_fence)
        .collect();
    (inside[0], inside[inside.len() - 1], outliers)
}

/// Checks the boxes of `svg` against `samples` (in drawing order, top
/// first): for each, the two vertical whisker caps in its colour sit at
/// Tukey's whisker ends (within a pixel), and it has one open circle per
/// outlier, at the outlier.
fn assert_tukey_boxes(svg: &Path, samples: &[Vec<f64>]) {
    let elements = elements(svg);
    let to_value = x_axis(&elements);
    let pixel = (to_value(1.0) - to_value(0.0)).abs();
    for (k, values) in samples.iter().enumerate() {
        let colour = series_colour(k);
        let (low, high, outliers) = tukey(values);
        let mut caps: Vec<f64> = elements
            .iter()
            .filter(|e| e.tag == "polyline" && e.attribute("stroke") == colour)
            .map(Element::points)
            .filter(|p| p.len() == 2 && p[0].0 == p[1].0 && p[0].1 != p[1].1)
            .map(|p| to_value(p[0].0))
            .collect();
        caps.sort_by(f64::total_cmp);
        assert_eq!(
            caps.len(),
            2,
            "{}: series {k}: caps {caps:?}",
            svg.display()
        );
        assert!(
            (caps[0] - low).abs() <= 1.5 * pixel && (caps[1] - high).abs() <= 1.5 * pixel,
            "{}: series {k}: whiskers at {caps:?}, the data within the fences span {low} to \
             {high} ({values:?})",
            svg.display()
        );
        let mut circles: Vec<f64> = elements
            .iter()
            .filter(|e| e.tag == "circle" && e.attribute("stroke") == colour)
            .map(|e| to_value(e.number("cx")))
            .collect();
        circles.sort_by(f64::total_cmp);
        assert_eq!(
            circles.len(),
            outliers.len(),
            "{}: series {k}: outliers {outliers:?}, circles {circles:?}",
            svg.display()
        );
        for (c, o) in circles.iter().zip(&outliers) {
            assert!((c - o).abs() <= 1.5 * pixel, "outlier {o} drawn at {c}");
        }
    }
}

fn results_json(folder: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(folder.join("results.json")).unwrap()).unwrap()
}

/// The per-repetition values of `field` (`scores` or `wins`, policy) of
/// the standings in `order`.
fn per_repetition(results: &serde_json::Value, field: &str, order: &[usize]) -> Vec<Vec<f64>> {
    order
        .iter()
        .map(|&p| {
            results["standings"][p][field]["policy"]["per_repetition"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect()
        })
        .collect()
}

fn ranking(results: &serde_json::Value) -> Vec<usize> {
    results["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as usize)
        .collect()
}

#[test]
fn boxplot_whiskers_end_at_the_data_within_the_fences() {
    let dir = scratch("boxplot");
    let file = dir.join("small.ron");
    fs::write(&file, SMALL).unwrap();
    let out = dir.join("out");
    ok(&["run", path(&file), "-o", path(&out), "-q"]);
    let results = results_json(&out);
    let order = ranking(&results);
    // The players' own scores.
    assert_tukey_boxes(
        &out.join("boxplot.svg"),
        &per_repetition(&results, "scores", &order),
    );

    // Scores whose fences lie far from the data: 1 to 9 and 30 have the
    // quartiles 3.25 and 7.75 and the fences -3.5 and 14.5, so the
    // whiskers end at 1 and 9 (not at the fences) and 30 is an outlier.
    let mut edited = results.clone();
    let values: Vec<f64> = (1..=9).map(f64::from).chain([30.0]).collect();
    let top = order[0];
    let reps = edited["standings"][top]["scores"]["policy"]["per_repetition"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(reps, 12);
    let mut twelve = values.clone();
    twelve.extend([5.0, 5.0]);
    edited["standings"][top]["scores"]["policy"]["per_repetition"] = serde_json::json!(twelve);
    fs::write(out.join("results.json"), edited.to_string()).unwrap();
    ok(&["plot", path(&out)]);
    let samples = per_repetition(&edited, "scores", &order);
    let (low, high, outliers) = tukey(&samples[0]);
    assert_eq!((low, high, outliers), (1.0, 9.0, vec![30.0]));
    assert_tukey_boxes(&out.join("boxplot.svg"), &samples);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn every_plot_kind_draws_its_data() {
    let dir = scratch("kinds");
    let file = dir.join("small.ron");
    fs::write(&file, SMALL).unwrap();
    let out = dir.join("out");
    ok(&["run", path(&file), "-o", path(&out), "-q", "--png"]);
    let results = results_json(&out);
    let order = ranking(&results);
    let names: Vec<String> = results["standings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();

    // The win plot: Tukey's boxes of the wins, most wins first.
    let mut by_wins = order.clone();
    let mean_wins = |p: usize| {
        results["standings"][p]["wins"]["policy"]["mean"]
            .as_f64()
            .unwrap()
    };
    by_wins.sort_by(|&a, &b| mean_wins(b).total_cmp(&mean_wins(a)));
    assert_tukey_boxes(
        &out.join("winplot.svg"),
        &per_repetition(&results, "wins", &by_wins),
    );
    let win_plot = elements(&out.join("winplot.svg"));
    let ticks = x_tick_labels(&win_plot);
    assert!(
        ticks.iter().all(|t| t.parse::<i64>().is_ok()),
        "wins are counted in whole numbers: {ticks:?}"
    );

    // The payoff heatmap: one viridis cell per pair, the lowest value dark
    // purple and the highest yellow (viridis' ends), a colour bar, and the
    // values written in the cells.
    let heat = elements(&out.join("heatmap_payoff_policy.svg"));
    let matrix: Vec<Vec<f64>> = results["payoff_matrices"]["policy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .filter_map(serde_json::Value::as_f64)
                .collect()
        })
        .collect();
    let fills: Vec<&str> = heat
        .iter()
        .filter(|e| e.tag == "rect")
        .map(|e| e.attribute("fill"))
        .collect();
    assert!(fills.contains(&"#440154"), "viridis' low end: {fills:?}");
    assert!(fills.contains(&"#FDE725"), "viridis' high end: {fills:?}");
    // 16 cells and a colour bar of 128 steps, besides the background.
    assert!(fills.len() >= 16 + 128, "{} rects", fills.len());
    let written = texts(&heat);
    for row in &matrix {
        for v in row {
            let label = format!("{v:.2}");
            assert!(
                written.contains(&label.as_str()),
                "{label} not in {written:?}"
            );
        }
    }
    assert!(written.iter().any(|t| t.contains("policy payoff per turn")));
    assert!(
        !written.iter().any(|t| t.contains("light")),
        "no legend in the title"
    );

    // The Moran plots: whole generations on the x axis, the stack of the
    // shares (one band per type) and a legend beside the data.
    let shares = elements(&out.join("evolution_shares.svg"));
    let ticks = x_tick_labels(&shares);
    assert!(
        ticks.len() >= 2 && ticks.iter().all(|t| t.parse::<i64>().is_ok()),
        "generations are counted in whole numbers: {ticks:?}"
    );
    assert!(
        texts(&shares).iter().any(|t| t.starts_with("generation")),
        "x axis in words"
    );
    assert_legend_beside_data(&shares, &names);
    let stack = elements(&out.join("evolution_stack.svg"));
    let bands = stack.iter().filter(|e| e.tag == "polygon").count();
    assert_eq!(bands, names.len(), "one band per type");

    // The fixation bars: one per type, apart from each other.
    let fixation = elements(&out.join("evolution_fixation.svg"));
    let mut bars: Vec<(f64, f64)> = fixation
        .iter()
        .filter(|e| e.tag == "rect" && series_colour_index(e.attribute("fill")).is_some())
        .map(|e| (e.number("y"), e.number("y") + e.number("height")))
        .collect();
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    for pair in bars.windows(2) {
        assert!(pair[0].1 < pair[1].0, "bars touch: {bars:?}");
    }

    // PNG images beside the SVG files, drawn at twice their size.
    for name in [
        "boxplot",
        "winplot",
        "heatmap_payoff_policy",
        "evolution_stack",
    ] {
        let png = fs::read(out.join(format!("{name}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}.png");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (1800, 1120), "{name}.png");
    }
    let _ = fs::remove_dir_all(&dir);
}

/// The index of a series colour, if `fill` is one.
fn series_colour_index(fill: &str) -> Option<usize> {
    (0..5).find(|&k| series_colour(k) == fill)
}

/// Every name of `names` is written in the legend, right of every line
/// of data.
fn assert_legend_beside_data(elements: &[Element], names: &[String]) {
    let data_right = elements
        .iter()
        .filter(|e| e.tag == "polyline" && series_colour_index(e.attribute("stroke")).is_some())
        .flat_map(|e| e.points())
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max);
    for name in names {
        let label = elements
            .iter()
            .find(|e| e.tag == "text" && &e.text == name)
            .unwrap_or_else(|| panic!("{name} not in the legend"));
        assert!(
            label.number("x") > data_right,
            "{name} at {} is on the data (which ends at {data_right})",
            label.number("x")
        );
    }
}

#[test]
fn sweeps_thresholds_regimes_and_societies_are_plotted_in_words() {
    let dir = scratch("ours");
    // A sweep over theta: the titles and axes in words, no identifiers.
    let base = dir.join("base.ron");
    fs::write(
        &base,
        r#"Tournament(
    name: "base",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "Defector", strategy: (name: "Defector")),
    ],
    horizon: Fixed(turns: 10),
    repetitions: 2,
    seed: 3,
)"#,
    )
    .unwrap();
    let sweep = dir.join("sweep.ron");
    fs::write(
        &sweep,
        r#"Sweep(name: "theta", base: "base.ron",
    grid: [(path: "game.theta", values: [0.0, 4.0, 8.0])], replicates: 2)"#,
    )
    .unwrap();
    let out = dir.join("sweep");
    ok(&["sweep", path(&sweep), "-o", path(&out), "-q"]);
    let curves = elements(&out.join("sweep_cooperation_rate.svg"));
    let words = texts(&curves);
    assert!(
        words.iter().any(|t| t.contains("threat cost theta")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|t| t.contains("cooperation rate (share of moves C)")),
        "{words:?}"
    );
    assert!(!words.iter().any(|t| t.contains("game.theta")), "{words:?}");
    assert_legend_beside_data(&curves, &["TFT".to_owned(), "Defector".to_owned()]);

    // The thresholds: U-shaped in pi for a policy maker (the paradox).
    let thresholds = dir.join("thresholds");
    let printed = ok(&["payoffs", "-o", path(&thresholds), "--weights", "0,0.5"]);
    assert!(printed.contains("written to"), "{printed}");
    let csv = fs::read_to_string(thresholds.join("thresholds.csv")).unwrap();
    let policy_maker: Vec<f64> = csv
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("0,"))
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(policy_maker.len(), 101);
    let lowest = policy_maker.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(
        lowest < policy_maker[0] && lowest < policy_maker[100],
        "{policy_maker:?}"
    );
    let svg = elements(&thresholds.join("thresholds.svg"));
    assert!(
        texts(&svg)
            .iter()
            .any(|t| t.contains("Grim-trigger threshold"))
    );
    assert_legend_beside_data(&svg, &["w = 0".to_owned(), "w = 0.5".to_owned()]);

    // With a file, its players' discount factors are drawn across: the
    // prudent reciprocator of paradox.ron has patience 0.48 in 200-round
    // matches, delta = 0.48 (1 - 1/200) = 0.4776, which clears the w = 0
    // curve only at moderate pi.
    let paradox = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments/paradox.ron");
    let with_file = dir.join("paradox");
    ok(&[
        "payoffs",
        path(&paradox),
        "-o",
        path(&with_file),
        "--weights",
        "0",
    ]);
    let svg = elements(&with_file.join("thresholds.svg"));
    let words = texts(&svg);
    assert!(
        words
            .iter()
            .any(|t| t.starts_with("delta = 0.4776: prudent-reciprocator")),
        "{words:?}"
    );

    // A regime: group achievement and standings.
    let regime = dir.join("regime.ron");
    fs::write(
        &regime,
        r#"Regime(
    game: (size: 3, policy: CollectiveRisk(endowment: 1.0, cost_share: 0.1, risk: 0.9, threshold: 2)),
    horizon: Fixed(turns: 10),
    repetitions: 1,
    seed: 5,
    entrants: [
        (strategy: (name: "Conditional Cooperator", params: {"quorum": 2})),
        (strategy: (name: "MFN Free Rider"), w: 0.2),
    ],
)"#,
    )
    .unwrap();
    let out = dir.join("regime");
    ok(&["run", path(&regime), "-o", path(&out), "-q"]);
    let achievement = elements(&out.join("regime_achievement.svg"));
    let words = texts(&achievement);
    assert!(
        words.iter().any(|t| t.contains("Group achievement")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|t| t.contains("MFN Free Rider")),
        "{words:?}"
    );
    assert!(out.join("regime_standings.svg").is_file());
    fs::remove_file(out.join("regime_standings.svg")).unwrap();
    ok(&["plot", path(&out)]);
    assert!(out.join("regime_standings.svg").is_file(), "replotted");
    // A seat naming no entrant, read back, is refused naming the file, and
    // a huge payoff is drawn on a rescaled axis (never a panic).
    let json = out.join("regime.json");
    let mut edited: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let original = edited.clone();
    edited["compositions"][0]["seats"][0] = serde_json::json!(99);
    fs::write(&json, edited.to_string()).unwrap();
    let refused = Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(["plot", path(&out)])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("regime.json") && stderr.contains("seats"),
        "{stderr}"
    );
    let mut edited = original;
    edited["standings"][0]["scores"]["policy"] = serde_json::json!(1e300);
    fs::write(&json, edited.to_string()).unwrap();
    ok(&["plot", path(&out)]);
    let words = texts(&elements(&out.join("regime_standings.svg")))
        .iter()
        .map(|t| t.to_string())
        .collect::<Vec<_>>();
    assert!(words.iter().any(|t| t.contains("(x 1e300)")), "{words:?}");

    // A society: the good share against mu, one line per q, with the
    // exact anchor (every state a discriminator, public assessment).
    let society = dir.join("society.ron");
    fs::write(
        &society,
        r#"Society(
    name: "small",
    groups: [(rule: "Discriminator", count: 10)],
    e: 0.02,
    steps: 300,
    replicates: 2,
    seed: 3,
    sweep: Some((q: [0.5, 1.0], mu: [0.05, 0.2])),
)"#,
    )
    .unwrap();
    let out = dir.join("society");
    ok(&["run", path(&society), "-o", path(&out), "-q"]);
    let standings = elements(&out.join("society_standings.svg"));
    let words = texts(&standings);
    assert!(
        words.iter().any(|t| t.contains("assessment error mu")),
        "{words:?}"
    );
    assert_legend_beside_data(
        &standings,
        &[
            "q = 0.5".to_owned(),
            "q = 1".to_owned(),
            "exact, finite population".to_owned(),
        ],
    );
    assert!(out.join("society_cooperation.svg").is_file());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_gallery_shows_every_plot_it_holds_well_formed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let page = fs::read_to_string(root.join("docs/gallery.md")).unwrap();
    let mut linked: Vec<String> = page
        .split("](gallery/")
        .skip(1)
        .map(|rest| rest.split(')').next().unwrap().to_owned())
        .collect();
    linked.sort();
    let mut files: Vec<String> = fs::read_dir(root.join("docs/gallery"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(
        linked, files,
        "docs/gallery.md shows every file of docs/gallery"
    );
    for file in &files {
        let svg = elements(&root.join("docs/gallery").join(file));
        let words = texts(&svg);
        assert!(
            !words
                .iter()
                .any(|t| t.contains("game.theta") || t.contains("score_policy")),
            "{file}: {words:?}"
        );
    }
    // Axelrod's first tournament: 15 players, every cell's value written in
    // both heatmaps (two decimals).
    for file in ["heatmap_payoff_policy.svg", "heatmap_cooperation.svg"] {
        let svg = elements(&root.join("docs/gallery").join(file));
        let values = texts(&svg)
            .iter()
            .filter(|t| {
                t.split_once('.').is_some_and(|(_, d)| d.len() == 2) && t.parse::<f64>().is_ok()
            })
            .count();
        assert_eq!(values, 15 * 15, "{file}");
    }
    // The words the issue asked for: theta is the threat cost.
    assert!(page.contains("the threat cost"));
    assert!(!page.contains("weight of political payoffs"));
}
