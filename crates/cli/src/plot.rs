//! Plots of results, drawn with plotters' SVG backend (and written as PNG
//! too on request, [`set_png`]):
//!
//! - `boxplot.svg`: each player's score per repetition in the ranking's
//!   currency (axelrod's boxplot), Tukey's boxes: the box from the first
//!   to the third quartile, the median, whiskers to the most extreme
//!   values within 1.5 interquartile ranges of the box, and the values
//!   beyond them drawn one by one as outliers;
//! - `winplot.svg`: the matches each player won per repetition, the same
//!   boxes (axelrod's win plot);
//! - `heatmap_payoff_policy.svg`, `heatmap_cooperation.svg`: the policy
//!   payoff and cooperation matrices, row player against column player, in
//!   the perceptually uniform viridis colormap with a colour bar and the
//!   values written in the cells where they fit (axelrod's payoff matrix;
//!   skipped above [`MAX_HEATMAP_PLAYERS`] players);
//! - `evolution_shares.svg`, `evolution_stack.svg`: the shares of the
//!   types over time (a replicator trajectory, or the first Moran or
//!   Fermi run) as lines and stacked (axelrod's Moran stack plot);
//! - `evolution_fixation.svg`, `evolution_stationary.svg`: how often each
//!   type fixed, and the stationary distribution for rare mutations;
//! - `sweep_<measure>.svg`: a sweep's curves, the mean over replicates
//!   with standard-error bars, one line per player (a sweep over a
//!   negotiation file adds the plots of `plot_negotiation`).
//!
//! Titles and axes name their quantity in words with its unit and
//! currency (`plot_labels`), legends sit beside the data, never on it, and
//! axes of counts (generations, rounds) have whole-number ticks.

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;
use plotters::coord::Shift;
use plotters::coord::ranged1d::{self, DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Deserialize;
use twolevel_game::ByCurrency;
use twolevel_tournament::evolution::{EvolutionOutcome, FixationSummary, TournamentEvolution};
use twolevel_tournament::output::write_atomically;
use twolevel_tournament::{RankingMetric, RankingRow, RoundRobinResults};

use crate::commands::EvolutionSummary;
use crate::plot_labels::{measure_label, measure_title, parameter_label, parameter_name};
use twolevel_tournament::sweep_file::{BaseKind, SweepIdentity, SweepSummary, point_values};

/// `twolevel plot`.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// An output folder of `twolevel run` or `twolevel sweep`; its plots
    /// are drawn again from its CSV and JSON files.
    pub folder: PathBuf,
    /// Also write each plot as a PNG image beside its SVG file.
    #[arg(long)]
    pub png: bool,
}

/// The size of every plot, in pixels.
const SIZE: (u32, u32) = (900, 560);

/// The most category labels an axis writes (about one per 14 pixels of
/// the plot's height): with more categories, every second, third, ...
/// is labelled.
const MAX_NAME_LABELS: usize = 32;

/// The font of the titles.
const TITLE_FONT: (&str, u32) = ("sans-serif", 18);

/// The font of the tick labels, legends and cell values.
const LABEL_FONT: (&str, u32) = ("sans-serif", 13);

/// The font of the axes' titles.
const AXIS_FONT: (&str, u32) = ("sans-serif", 15);

/// Whether [`write_svg`] writes a PNG image beside each SVG file.
static PNG: AtomicBool = AtomicBool::new(false);

/// Makes every plot written from now on also a PNG image (`--png`).
pub fn set_png(on: bool) {
    PNG.store(on, Ordering::Relaxed);
}

/// The most players a round robin's heatmaps show: above it the cells are
/// smaller than a pixel and the labels overlap, while the files grow with
/// the players squared (3,000 players gave two SVGs of 774 MB each), so
/// the heatmaps are skipped ([`heatmaps_skipped`]); the matrices stay in
/// the CSV and JSON files.
pub const MAX_HEATMAP_PLAYERS: usize = 200;

/// Why a round robin of `players` players gets no heatmaps, if it gets
/// none: the line the run prints.
#[must_use]
pub fn heatmaps_skipped(players: usize) -> Option<String> {
    (players > MAX_HEATMAP_PLAYERS).then(|| {
        format!(
            "Heatmaps skipped, {players} players (more than {MAX_HEATMAP_PLAYERS} would not be \
             readable); the matrices are in payoff_matrix_*.csv and cooperation_matrix.csv."
        )
    })
}

/// The colours of the series, in turn.
pub(crate) fn colour(k: usize) -> RGBColor {
    const PALETTE: [RGBColor; 10] = [
        RGBColor(31, 119, 180),
        RGBColor(255, 127, 14),
        RGBColor(44, 160, 44),
        RGBColor(214, 39, 40),
        RGBColor(148, 103, 189),
        RGBColor(140, 86, 75),
        RGBColor(227, 119, 194),
        RGBColor(127, 127, 127),
        RGBColor(188, 189, 34),
        RGBColor(23, 190, 207),
    ];
    PALETTE[k % PALETTE.len()]
}

/// Anchors of the viridis colormap (van der Walt and Smith, matplotlib's
/// default since 2.0, released under CC0): entries 0, 16, ..., 240 and
/// 255 of its published 256-entry table, as `(position in [0, 1], RGB in
/// [0, 1])`.
const VIRIDIS: [(f64, [f64; 3]); 17] = [
    (0.0 / 255.0, [0.267004, 0.004874, 0.329415]),
    (16.0 / 255.0, [0.282327, 0.094955, 0.417331]),
    (32.0 / 255.0, [0.278826, 0.175490, 0.483397]),
    (48.0 / 255.0, [0.258965, 0.251537, 0.524736]),
    (64.0 / 255.0, [0.229739, 0.322361, 0.545706]),
    (80.0 / 255.0, [0.199430, 0.387607, 0.554642]),
    (96.0 / 255.0, [0.172719, 0.448791, 0.557885]),
    (112.0 / 255.0, [0.149039, 0.508051, 0.557250]),
    (128.0 / 255.0, [0.127568, 0.566949, 0.550556]),
    (144.0 / 255.0, [0.120638, 0.625828, 0.533488]),
    (160.0 / 255.0, [0.157851, 0.683765, 0.501686]),
    (176.0 / 255.0, [0.246070, 0.738910, 0.452024]),
    (192.0 / 255.0, [0.369214, 0.788888, 0.382914]),
    (208.0 / 255.0, [0.515992, 0.831158, 0.294279]),
    (224.0 / 255.0, [0.678489, 0.863742, 0.189503]),
    (240.0 / 255.0, [0.845561, 0.887322, 0.099702]),
    (1.0, [0.993248, 0.906157, 0.143936]),
];

/// The viridis colour at `t` in [0, 1] (clamped; NaN gives the low end),
/// interpolated linearly between the anchors of [`VIRIDIS`].
pub(crate) fn viridis(t: f64) -> RGBColor {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let k = VIRIDIS
        .windows(2)
        .position(|w| t <= w[1].0)
        .unwrap_or(VIRIDIS.len() - 2);
    let ((t0, c0), (t1, c1)) = (VIRIDIS[k], VIRIDIS[k + 1]);
    let f = ((t - t0) / (t1 - t0)).clamp(0.0, 1.0);
    let channel = |i: usize| ((c0[i] + (c1[i] - c0[i]) * f) * 255.0).round() as u8;
    RGBColor(channel(0), channel(1), channel(2))
}

/// A drawing area of an SVG plot.
pub(crate) type Area<'b> = DrawingArea<SVGBackend<'b>, Shift>;

/// Draws into an SVG string with `draw` and writes it atomically to
/// `path`; with `--png` ([`set_png`]), also the same picture as a PNG
/// image beside it (`path` with the extension `png`).
pub(crate) fn write_svg(
    path: &Path,
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<()>,
) -> Result<PathBuf> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(|e| anyhow!("{e}"))?;
        draw(&root)?;
        root.present().map_err(|e| anyhow!("{e}"))?;
    }
    let svg = xml_safe(&svg);
    if PNG.load(Ordering::Relaxed) {
        let png = crate::plot_png::rasterize(&svg)
            .with_context(|| format!("cannot draw `{}` as PNG", path.display()))?;
        write_atomically(&path.with_extension("png"), |w| w.write_all(&png))?;
    }
    Ok(write_atomically(path, |w| w.write_all(svg.as_bytes()))?)
}

/// `svg` with every character XML 1.0 does not allow in a document (the
/// control characters other than tab, line feed and carriage return, and
/// U+FFFE and U+FFFF) written out as its escape, `\u{1}`: a player named
/// `"a\u{1}"` is labelled `a\u{1}`, and every SVG stays well-formed. The
/// backend escapes `&`, `<` and `>` itself.
fn xml_safe(svg: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| match c {
        '\t' | '\n' | '\r' | '\u{7f}'..='\u{9f}' => true,
        '\u{fffe}' | '\u{ffff}' => false,
        c => !c.is_control(),
    };
    if svg.chars().all(allowed) {
        return std::borrow::Cow::Borrowed(svg);
    }
    std::borrow::Cow::Owned(
        svg.chars()
            .map(|c| {
                if allowed(c) {
                    c.to_string()
                } else {
                    c.escape_unicode().to_string()
                }
            })
            .collect(),
    )
}

/// A chart drawn into an SVG string, over the axes `X` and `Y`.
pub(crate) type SvgChart<'a, 'b, X, Y> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>;

/// A chart on `root` in the layout every plot shares: the caption (none
/// when empty: [`titled`] draws it over a plot and its legend), the
/// margin and the label areas (`y_label_area` pixels wide on the left:
/// wide for player names), over the axes `x` and `y`.
pub(crate) fn chart<'a, 'b, X: ranged1d::AsRangedCoord, Y: ranged1d::AsRangedCoord>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    caption: &str,
    y_label_area: u32,
    x: X,
    y: Y,
) -> Result<SvgChart<'a, 'b, X::CoordDescType, Y::CoordDescType>> {
    let mut builder = ChartBuilder::on(root);
    if !caption.is_empty() {
        builder.caption(caption, TITLE_FONT);
    }
    builder
        .margin(12)
        .x_label_area_size(50)
        .y_label_area_size(y_label_area)
        .build_cartesian_2d(x, y)
        .map_err(|e| anyhow!("{e}"))
}

/// Draws `title` across the top of `root`, in a smaller font when it is
/// long, so that it fits; returns the area below it.
pub(crate) fn titled<'b>(root: &Area<'b>, title: &str) -> Result<Area<'b>> {
    let (width, _) = root.dim_in_pixel();
    // About 0.55 of the font size per character in a sans-serif font.
    let chars = title.chars().count().max(1) as f64;
    let fits = (f64::from(width) - 20.0) / (0.55 * chars);
    let size = fits.clamp(11.0, f64::from(TITLE_FONT.1));
    root.titled(title, (TITLE_FONT.0, size))
        .map_err(|e| anyhow!("{e}"))
}

/// The width of a label area for `names` (as [`table_name`] shows them,
/// with `extra` characters more each): room for the longest, within
/// bounds.
///
/// [`table_name`]: twolevel_tournament::report::table_name
fn name_area(names: &[String], extra: usize) -> u32 {
    let longest = names
        .iter()
        .map(|n| twolevel_tournament::report::table_name(n).chars().count() + extra)
        .max()
        .unwrap_or(0);
    (6.8 * longest as f64 + 24.0).clamp(60.0, 280.0) as u32
}

/// A chart of numbers against numbers, as the line plots draw them.
pub(crate) type NumberChart<'a, 'b> = SvgChart<'a, 'b, RangedCoordf64, RangedCoordf64>;

/// Draws the grid of a chart of numbers with the axes' titles `(x, y)`.
pub(crate) fn axis_titles(chart: &mut NumberChart<'_, '_>, axes: (&str, &str)) -> Result<()> {
    mesh(chart, axes, false)
}

/// Draws the grid of a chart of numbers with the axes' titles `(x, y)`;
/// with `whole_x`, the x axis counts (generations, rounds) and its ticks
/// are whole numbers, written without decimals.
fn mesh(chart: &mut NumberChart<'_, '_>, axes: (&str, &str), whole_x: bool) -> Result<()> {
    let x_range = chart.x_range();
    // At most one tick per unit: plotters' ticks are 1, 2 or 5 times a
    // power of ten, so a step of at least one is a whole number.
    let span = (x_range.end - x_range.start).floor().max(1.0);
    let x_ticks = if whole_x {
        (span as usize + 1).min(10)
    } else {
        10
    };
    let whole = |v: &f64| format!("{v:.0}");
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(axes.0)
        .y_desc(axes.1)
        .axis_desc_style(AXIS_FONT)
        .label_style(LABEL_FONT)
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(BLACK.mix(0.12))
        .x_labels(x_ticks)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick);
    if whole_x {
        mesh.x_label_formatter(&whole);
    }
    mesh.draw().map_err(|e| anyhow!("{e}"))
}

/// Draws the legend of the labelled series in the upper right corner of
/// the data. The plots of this module draw theirs beside the data, with
/// [`split_for_legend`] and [`side_legend`]; this one stays for plot
/// modules whose legend has no room beside the data.
#[allow(dead_code)]
pub(crate) fn legend<'b: 'a, 'a>(chart: &mut NumberChart<'a, 'b>) -> Result<()> {
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(|e| anyhow!("{e}"))
}

/// How a legend's entry shows its series.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A line of the colour.
    Line(RGBColor),
    /// A dashed line of the colour (a reference, such as an analytic
    /// prediction).
    Dashed(RGBColor),
    /// A filled patch of the colour (bars, areas).
    Patch(RGBColor),
}

/// The width of a legend beside the data for entries labelled `labels`:
/// room for the longest one, within bounds.
fn legend_width<'s>(labels: impl Iterator<Item = &'s str>) -> u32 {
    let longest = labels
        .map(|l| twolevel_tournament::report::table_name(l).chars().count())
        .max()
        .unwrap_or(0);
    (46 + 7 * longest as u32).clamp(120, 330)
}

/// Splits `area` into the data's part (left) and a legend's part (right)
/// wide enough for `labels`.
pub(crate) fn split_for_legend<'b, 's>(
    area: &Area<'b>,
    labels: impl Iterator<Item = &'s str>,
) -> (Area<'b>, Area<'b>) {
    let width = legend_width(labels);
    let (w, _) = area.dim_in_pixel();
    area.split_horizontally(w.saturating_sub(width))
}

/// Draws a legend in `area` (beside the data): one row per entry, a
/// swatch and the label, as many as fit, then how many more there are.
pub(crate) fn side_legend(area: &Area<'_>, entries: &[(String, Swatch)]) -> Result<()> {
    let (_, height) = area.dim_in_pixel();
    let row = 20;
    let top = 24;
    let fits = ((height as i32 - top - 30) / row).max(1) as usize;
    let shown = if entries.len() > fits {
        fits - 1
    } else {
        entries.len()
    };
    let style = TextStyle::from(LABEL_FONT.into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    let err = |e| anyhow!("{e}");
    for (k, (label, swatch)) in entries.iter().take(shown).enumerate() {
        let y = top + row * k as i32;
        match *swatch {
            Swatch::Line(c) => area
                .draw(&PathElement::new(vec![(6, y), (30, y)], c.stroke_width(2)))
                .map_err(err)?,
            Swatch::Dashed(c) => {
                for x in [6, 16, 26] {
                    area.draw(&PathElement::new(
                        vec![(x, y), (x + 5, y)],
                        c.stroke_width(2),
                    ))
                    .map_err(err)?;
                }
            }
            Swatch::Patch(c) => area
                .draw(&Rectangle::new([(8, y - 6), (28, y + 6)], c.filled()))
                .map_err(err)?,
        }
        let text = twolevel_tournament::report::table_name(label);
        area.draw(&Text::new(text.into_owned(), (36, y), style.clone()))
            .map_err(err)?;
    }
    if shown < entries.len() {
        let y = top + row * shown as i32;
        let more = format!("and {} more", entries.len() - shown);
        area.draw(&Text::new(more, (36, y), style)).map_err(err)?;
    }
    Ok(())
}

/// The smallest and largest finite value, or `0..1` when there is none.
fn value_range(values: impl Iterator<Item = f64>) -> Range<f64> {
    let (low, high) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
    if low.is_finite() { low..high } else { 0.0..1.0 }
}

/// A range around `values` with a little room, never empty: the room is at
/// least a thousandth of the values' magnitude, so that the axis always
/// spans many representable numbers (plotters' search for tick marks never
/// ends on a range narrower than the rounding of its ends). The values must
/// be rescaled first ([`AxisScale`]) when they are larger than
/// [`AxisScale::LARGEST`].
pub(crate) fn padded_range(values: impl Iterator<Item = f64>) -> Range<f64> {
    let Range { start, end } = value_range(values);
    let magnitude = start.abs().max(end.abs());
    let room = ((end - start) * 0.05).max(magnitude * 1e-3).max(1e-3);
    (start - room)..(end + room)
}

/// The unit an axis is drawn in: values whose magnitude exceeds
/// [`AxisScale::LARGEST`] are divided by a power of ten, and the axis's
/// title says so (`score (x 1e39)`). An axis whose ends overflow leaves
/// plotters' search for tick marks running for ever; payoffs may reach
/// 1e100, and a folder read back may hold any finite number.
#[derive(Clone, Copy, Debug, PartialEq)]
struct AxisScale {
    /// The power of ten the values are divided by (0: drawn as they are).
    exponent: i32,
}

impl AxisScale {
    /// The largest magnitude drawn as it is.
    const LARGEST: f64 = 1e30;

    /// The scale for `values` (non-finite values are not drawn and ignored).
    fn of(values: impl Iterator<Item = f64>) -> AxisScale {
        let magnitude = values
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        let exponent = if magnitude > AxisScale::LARGEST {
            // At most 308: every power up to it is a finite f64.
            magnitude.log10().floor() as i32
        } else {
            0
        };
        AxisScale { exponent }
    }

    /// `value` in the axis's unit.
    fn apply(self, value: f64) -> f64 {
        if self.exponent == 0 {
            value
        } else {
            value / 10f64.powi(self.exponent)
        }
    }

    /// The axis's title, with the unit when the values are rescaled.
    fn title(self, title: &str) -> String {
        if self.exponent == 0 {
            title.to_owned()
        } else {
            format!("{title} (x 1e{})", self.exponent)
        }
    }
}

/// A number written in a plot: two decimals, or two significant digits in
/// scientific notation for a magnitude of a million or more (a payoff of
/// 3e39 is not written out in forty digits).
fn short_number(value: f64) -> String {
    if value.is_finite() && value.abs() >= 1e6 {
        format!("{value:.2e}")
    } else {
        format!("{value:.2}")
    }
}

/// An axis of `n` categories, category `k` centred on `k` (ticks there
/// only), with room of half a category at either end.
#[derive(Clone)]
pub(crate) struct CategoryAxis {
    /// The number of categories.
    n: usize,
    /// The axis of numbers it maps with.
    inner: RangedCoordf64,
}

impl Ranged for CategoryAxis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    /// The categories' centres (every one when they fit the hint, else
    /// evenly thinned), and no light lines.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            return Vec::new();
        }
        let step = self.n.div_ceil(hint.max_num_points().max(1)).max(1);
        (0..self.n).step_by(step).map(|k| k as f64).collect()
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

/// The axis of `n` categories ([`CategoryAxis`]).
fn categories(n: usize) -> CategoryAxis {
    CategoryAxis {
        n,
        inner: (-0.5..(n.max(1) as f64 - 0.5)).into(),
    }
}

/// A tick label: the number as short as it reads (`50`, not `50.0`;
/// `0.3`, not `0.30000000000000004`), in scientific notation from a
/// million on.
fn tick(value: &f64) -> String {
    let v = *value;
    if v.is_finite() && v.abs() >= 1e6 {
        return format!("{v:.2e}");
    }
    // Rounded to nine decimals, which removes the binary noise of the
    // tick arithmetic; `-0` is written `0`.
    let rounded = (v * 1e9).round() / 1e9;
    format!("{}", rounded + 0.0)
}

/// The label of the category at `value` of `names`, listed from the top
/// (the first name at the highest position, `n - 1`).
fn top_down_label(names: &[String], value: f64, numbered: bool) -> String {
    let n = names.len() as f64;
    let k = n - 1.0 - value.round();
    if !(0.0..n).contains(&k) {
        return String::new();
    }
    let k = k as usize;
    let name = twolevel_tournament::report::table_name(&names[k]).into_owned();
    if numbered {
        format!("{}. {name}", k + 1)
    } else {
        name
    }
}

/// Whether every finite value is a whole number (the axis counts).
fn whole_numbers(values: &[f64]) -> bool {
    values
        .iter()
        .filter(|v| v.is_finite())
        .all(|v| v.fract() == 0.0)
}

/// The runs of consecutive finite points of a line: a value that is not a
/// number (no data) breaks the line instead of being drawn.
fn finite_runs(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current = Vec::new();
    for &(x, y) in points {
        if x.is_finite() && y.is_finite() {
            current.push((x, y));
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Tukey's summary of a sample, as a boxplot draws it: the quartiles
/// (linear interpolation between order statistics, numpy's and
/// matplotlib's default), the whiskers at the most extreme values within
/// 1.5 interquartile ranges of the box, and the values beyond them.
#[derive(Clone, Debug, PartialEq)]
pub struct Tukey {
    /// The first quartile.
    pub q1: f64,
    /// The median.
    pub median: f64,
    /// The third quartile.
    pub q3: f64,
    /// The smallest value at or above `q1 - 1.5 (q3 - q1)`.
    pub low: f64,
    /// The largest value at or below `q3 + 1.5 (q3 - q1)`.
    pub high: f64,
    /// The values outside the whiskers, in increasing order.
    pub outliers: Vec<f64>,
}

impl Tukey {
    /// The summary of the finite values of `values`, `None` when there is
    /// none.
    #[must_use]
    pub fn of(values: &[f64]) -> Option<Tukey> {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let quantile = |p: f64| {
            let h = p * (sorted.len() - 1) as f64;
            let (k, f) = (h.floor() as usize, h.fract());
            let (a, b) = (sorted[k], sorted[(k + 1).min(sorted.len() - 1)]);
            // A convex combination, which does not overflow; equal
            // neighbours give exactly their value.
            if a == b { a } else { a * (1.0 - f) + b * f }
        };
        let (q1, median, q3) = (quantile(0.25), quantile(0.5), quantile(0.75));
        // Halved, so that the fences of values near f64::MAX do not overflow.
        let iqr_half = q3 / 2.0 - q1 / 2.0;
        let low_fence = q1 - 3.0 * iqr_half;
        let high_fence = q3 + 3.0 * iqr_half;
        let inside = || {
            sorted
                .iter()
                .copied()
                .filter(|&v| v >= low_fence && v <= high_fence)
        };
        // The quartiles lie within the fences, so some value does.
        let low = inside().next().unwrap_or(q1);
        let high = inside().next_back().unwrap_or(q3);
        let outliers = sorted
            .iter()
            .copied()
            .filter(|&v| v < low_fence || v > high_fence)
            .collect();
        Some(Tukey {
            q1,
            median,
            q3,
            low,
            high,
            outliers,
        })
    }
}

/// Horizontal boxplots, one per name, of the values in `samples`, the
/// first at the top: Tukey's boxes ([`Tukey`]) with the outliers drawn
/// as open circles.
pub fn boxplot(
    path: &Path,
    title: &str,
    x_label: &str,
    names: &[String],
    samples: &[Vec<f64>],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let scale = AxisScale::of(samples.iter().flatten().copied());
        let samples: Vec<Vec<f64>> = samples
            .iter()
            .map(|values| values.iter().map(|&v| scale.apply(v)).collect())
            .collect();
        let range = padded_range(samples.iter().flatten().copied());
        let n = names.len();
        let area = titled(root, title)?;
        // Counts (wins) have whole-number ticks: at most one per unit.
        let all: Vec<f64> = samples.iter().flatten().copied().collect();
        let whole = scale.exponent == 0 && whole_numbers(&all);
        let x_ticks = if whole {
            ((range.end - range.start).floor().max(1.0) as usize + 1).min(10)
        } else {
            10
        };
        let mut chart = chart(&area, "", name_area(names, 0), range, categories(n))?;
        let label = |v: &f64| top_down_label(names, *v, false);
        let number = |v: &f64| format!("{v:.0}");
        let mut mesh = chart.configure_mesh();
        mesh.x_desc(scale.title(x_label))
            .x_labels(x_ticks)
            .x_label_formatter(&tick)
            .y_desc("player")
            .y_labels(n.min(MAX_NAME_LABELS))
            .axis_desc_style(AXIS_FONT)
            .label_style(LABEL_FONT)
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.12))
            .y_label_formatter(&label);
        if whole {
            mesh.x_label_formatter(&number);
        }
        mesh.draw().map_err(|e| anyhow!("{e}"))?;
        // Half the height of a box, in categories.
        let h = 0.3;
        for (k, values) in samples.iter().enumerate() {
            let Some(t) = Tukey::of(values) else {
                continue;
            };
            let y = (n - 1 - k) as f64;
            let c = colour(k);
            let err = |e| anyhow!("{e}");
            chart
                .draw_series([
                    Rectangle::new([(t.q1, y - h), (t.q3, y + h)], c.mix(0.35).filled()),
                    Rectangle::new([(t.q1, y - h), (t.q3, y + h)], c.stroke_width(1)),
                ])
                .map_err(err)?;
            chart
                .draw_series([
                    // The whiskers, then their caps at the data.
                    PathElement::new(vec![(t.low, y), (t.q1, y)], c.stroke_width(1)),
                    PathElement::new(vec![(t.q3, y), (t.high, y)], c.stroke_width(1)),
                    PathElement::new(vec![(t.low, y - h / 2.0), (t.low, y + h / 2.0)], c),
                    PathElement::new(vec![(t.high, y - h / 2.0), (t.high, y + h / 2.0)], c),
                    PathElement::new(
                        vec![(t.median, y - h), (t.median, y + h)],
                        BLACK.stroke_width(2),
                    ),
                ])
                .map_err(err)?;
            chart
                .draw_series(
                    t.outliers
                        .iter()
                        .map(|&v| Circle::new((v, y), 3, c.stroke_width(1))),
                )
                .map_err(err)?;
        }
        Ok(())
    })
}

/// The colour bar of a heatmap in `area`: the colormap from `range.start`
/// (bottom) to `range.end` (top) with ticks, titled `label`.
fn colour_bar(area: &Area<'_>, range: &Range<f64>, label: &str) -> Result<()> {
    let (low, high) = (range.start, range.end);
    // A bar over equal values still spans something.
    let (low, high) = if high > low {
        (low, high)
    } else {
        let room = low.abs().max(1.0) * 1e-3;
        (low - room, high + room)
    };
    let mut bar = ChartBuilder::on(area)
        .margin_top(12)
        .margin_bottom(62)
        .margin_right(8)
        .set_label_area_size(LabelAreaPosition::Right, 62)
        .build_cartesian_2d(0.0..1.0, low..high)
        .map_err(|e| anyhow!("{e}"))?;
    bar.configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_desc(label)
        .axis_desc_style(AXIS_FONT)
        .label_style(LABEL_FONT)
        .y_label_formatter(&tick)
        .draw()
        .map_err(|e| anyhow!("{e}"))?;
    const STEPS: usize = 128;
    // Halved, so that the span of values near f64::MAX does not overflow.
    let step = (high / 2.0 - low / 2.0) * 2.0 / STEPS as f64;
    bar.draw_series((0..STEPS).map(|k| {
        let from = low + step * k as f64;
        let to = if k + 1 == STEPS { high } else { from + step };
        Rectangle::new(
            [(0.0, from), (1.0, to)],
            viridis((k as f64 + 0.5) / STEPS as f64).filled(),
        )
    }))
    .map_err(|e| anyhow!("{e}"))?;
    bar.draw_series(std::iter::once(Rectangle::new(
        [(0.0, low), (1.0, high)],
        BLACK.stroke_width(1),
    )))
    .map_err(|e| anyhow!("{e}"))?;
    Ok(())
}

/// A heatmap of `matrix` (row player against column player) in the
/// viridis colormap with a colour bar titled `value_label`, empty cells
/// light grey, each value written in its cell where it fits.
pub fn heatmap(
    path: &Path,
    title: &str,
    value_label: &str,
    names: &[String],
    matrix: &[Vec<Option<f64>>],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let n = names.len();
        let scale = AxisScale::of(matrix.iter().flatten().flatten().copied());
        let matrix: Vec<Vec<Option<f64>>> = matrix
            .iter()
            .map(|row| row.iter().map(|v| v.map(|v| scale.apply(v))).collect())
            .collect();
        let range = value_range(matrix.iter().flatten().flatten().copied());
        let area = titled(root, title)?;
        let (w, _) = area.dim_in_pixel();
        let (cells_area, bar_area) = area.split_horizontally(w.saturating_sub(140));
        // Row labels are numbered: `12. name`.
        let mut chart = chart(
            &cells_area,
            "",
            name_area(names, 4),
            categories(n),
            categories(n),
        )?;
        let column = |v: &f64| {
            let k = v.round();
            if (0.0..n as f64).contains(&k) {
                format!("{}", k as usize + 1)
            } else {
                String::new()
            }
        };
        let row = |v: &f64| top_down_label(names, *v, true);
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("column player (partner), numbered as the rows")
            .y_desc("row player")
            .x_labels(n.min(MAX_NAME_LABELS))
            .y_labels(n.min(MAX_NAME_LABELS))
            .axis_desc_style(AXIS_FONT)
            .label_style(LABEL_FONT)
            .x_label_formatter(&column)
            .y_label_formatter(&row)
            .draw()
            .map_err(|e| anyhow!("{e}"))?;
        // Halved, so that the span of values near f64::MAX does not overflow.
        let span = (range.end / 2.0 - range.start / 2.0).max(1e-300);
        let position = |v: f64| ((v / 2.0 - range.start / 2.0) / span).clamp(0.0, 1.0);
        let cells = || {
            matrix
                .iter()
                .enumerate()
                .flat_map(|(i, row)| row.iter().enumerate().map(move |(j, value)| (i, j, *value)))
        };
        chart
            .draw_series(cells().map(|(i, j, value)| {
                let (x, y) = (j as f64, (n - 1 - i) as f64);
                let fill = match value {
                    Some(v) if v.is_finite() => viridis(position(v)),
                    _ => RGBColor(215, 215, 215),
                };
                Rectangle::new([(x - 0.5, y - 0.5), (x + 0.5, y + 0.5)], fill.filled())
            }))
            .map_err(|e| anyhow!("{e}"))?;
        // The values, where the widest fits in a cell.
        let (cell_w, cell_h) = {
            let (w, h) = chart.plotting_area().dim_in_pixel();
            (
                f64::from(w) / n.max(1) as f64,
                f64::from(h) / n.max(1) as f64,
            )
        };
        let widest = cells()
            .filter_map(|(_, _, v)| v.map(|v| short_number(v).chars().count()))
            .max()
            .unwrap_or(0);
        // At most 12 pixels high, smaller for narrow cells, never below 8.
        let font_size = ((cell_w - 4.0) / (0.6 * widest.max(1) as f64)).min(12.0);
        if font_size >= 8.0 && cell_h >= font_size + 4.0 {
            let centred = |c: &'static RGBColor| {
                TextStyle::from(("sans-serif", font_size).into_font())
                    .color(c)
                    .pos(Pos::new(HPos::Center, VPos::Center))
            };
            chart
                .draw_series(cells().filter_map(|(i, j, value)| {
                    let v = value.filter(|v| v.is_finite())?;
                    // Dark text on the light end of the map.
                    let ink = if position(v) > 0.6 { &BLACK } else { &WHITE };
                    Some(Text::new(
                        short_number(v),
                        (j as f64, (n - 1 - i) as f64),
                        centred(ink),
                    ))
                }))
                .map_err(|e| anyhow!("{e}"))?;
        }
        colour_bar(&bar_area, &range, &scale.title(value_label))
    })
}

/// Lines over a shared x axis, one per named series, with a legend beside
/// the data; a value that is not a number breaks its line, and an axis of
/// whole numbers (generations, rounds) has whole-number ticks.
pub fn lines(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<f64>)],
) -> Result<PathBuf> {
    lines_counting(path, title, axes, x, series, whole_numbers(x))
}

/// The most points a time-series plot ([`lines`], [`stack`]) draws per
/// series: more are not readable on a plot of this size (each would be a
/// fraction of a pixel wide) and only make the file large; a longer series
/// is sampled at an even stride, and the title says so (the CSV keeps
/// every point).
pub const MAX_PLOT_POINTS: usize = 2000;

/// A named series of values, as the time-series plots take them.
type NamedSeries = (String, Vec<f64>);

/// A series of more than [`MAX_PLOT_POINTS`] points sampled at an even
/// stride (the first and the last point always kept), with `title`
/// saying so; `None` when the series is short enough to draw whole.
fn thinned(
    x: &[f64],
    series: &[(String, Vec<f64>)],
    title: &str,
) -> Option<(Vec<f64>, Vec<NamedSeries>, String)> {
    let n = x.len();
    if n <= MAX_PLOT_POINTS {
        return None;
    }
    // At most MAX_PLOT_POINTS - 1 strides, then the last point.
    let stride = (n - 1).div_ceil(MAX_PLOT_POINTS - 2);
    let mut kept: Vec<usize> = (0..n).step_by(stride).collect();
    if kept.last() != Some(&(n - 1)) {
        kept.push(n - 1);
    }
    let pick = |values: &[f64]| -> Vec<f64> {
        kept.iter()
            .map(|&t| values.get(t).copied().unwrap_or(f64::NAN))
            .collect()
    };
    let series = series
        .iter()
        .map(|(name, ys)| (name.clone(), pick(ys)))
        .collect();
    let title = format!(
        "{title} ({} of {n} points drawn, 1 in {stride})",
        kept.len()
    );
    Some((pick(x), series, title))
}

/// [`lines`] over an x axis that counts (`whole_x`: whole-number ticks)
/// or not, whatever its values: a Moran run's generations are counted in
/// steps of one over the population size. A series longer than
/// [`MAX_PLOT_POINTS`] is sampled, and the title says so.
pub fn lines_counting(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<f64>)],
    whole_x: bool,
) -> Result<PathBuf> {
    if let Some((x, series, title)) = thinned(x, series, title) {
        return lines_counting(path, &title, axes, &x, &series, whole_x);
    }
    write_svg(path, |root| {
        let x_scale = AxisScale::of(x.iter().copied());
        let y_scale = AxisScale::of(series.iter().flat_map(|(_, ys)| ys.iter().copied()));
        let whole_x = x_scale.exponent == 0 && whole_x;
        let x: Vec<f64> = x.iter().map(|&v| x_scale.apply(v)).collect();
        let x_range = padded_range(x.iter().copied());
        let y_range = padded_range(
            series
                .iter()
                .flat_map(|(_, ys)| ys.iter().map(|&v| y_scale.apply(v))),
        );
        let area = titled(root, title)?;
        let (data, key) = split_for_legend(&area, series.iter().map(|(n, _)| n.as_str()));
        let mut chart = chart(&data, "", 70, x_range, y_range)?;
        mesh(
            &mut chart,
            (&x_scale.title(axes.0), &y_scale.title(axes.1)),
            whole_x,
        )?;
        let mut entries = Vec::new();
        for (k, (name, ys)) in series.iter().enumerate() {
            let style = colour(k);
            let points: Vec<(f64, f64)> = x
                .iter()
                .copied()
                .zip(ys.iter().map(|&v| y_scale.apply(v)))
                .collect();
            for run in finite_runs(&points) {
                chart
                    .draw_series(LineSeries::new(run, style.stroke_width(2)))
                    .map_err(|e| anyhow!("{e}"))?;
            }
            entries.push((name.clone(), Swatch::Line(style)));
        }
        side_legend(&key, &entries)
    })
}

/// The shares of the types over time stacked to 1, one band per named
/// series (axelrod's Moran stack plot), with a legend beside the data;
/// with `whole_x`, the x axis counts (whole-number ticks). A series
/// longer than [`MAX_PLOT_POINTS`] is sampled, and the title says so.
pub fn stack(
    path: &Path,
    title: &str,
    x_label: &str,
    x: &[f64],
    series: &[(String, Vec<f64>)],
    whole_x: bool,
) -> Result<PathBuf> {
    if let Some((x, series, title)) = thinned(x, series, title) {
        return stack(path, &title, x_label, &x, &series, whole_x);
    }
    write_svg(path, |root| {
        let area = titled(root, title)?;
        let (data, key) = split_for_legend(&area, series.iter().map(|(n, _)| n.as_str()));
        // Only the times where every share is a number.
        let times: Vec<usize> = (0..x.len())
            .filter(|&t| {
                x[t].is_finite()
                    && series
                        .iter()
                        .all(|(_, ys)| ys.get(t).is_some_and(|v| v.is_finite()))
            })
            .collect();
        let x_range = padded_range(times.iter().map(|&t| x[t]));
        let mut chart = chart(&data, "", 70, x_range, 0.0..1.0)?;
        mesh(&mut chart, (x_label, "share of the population"), whole_x)?;
        let mut below = vec![0.0; times.len()];
        let mut entries = Vec::new();
        for (k, (name, ys)) in series.iter().enumerate() {
            let above: Vec<f64> = times
                .iter()
                .zip(&below)
                .map(|(&t, b)| (b + ys[t].max(0.0)).min(1.0))
                .collect();
            let mut outline: Vec<(f64, f64)> =
                times.iter().zip(&above).map(|(&t, &a)| (x[t], a)).collect();
            outline.extend(times.iter().zip(&below).rev().map(|(&t, &b)| (x[t], b)));
            if !outline.is_empty() {
                chart
                    .draw_series(std::iter::once(Polygon::new(outline, colour(k).filled())))
                    .map_err(|e| anyhow!("{e}"))?;
            }
            below = above;
            entries.push((name.clone(), Swatch::Patch(colour(k))));
        }
        side_legend(&key, &entries)
    })
}

/// Horizontal bars, one per name, apart from each other, each with its
/// value written at its end.
pub fn bars(
    path: &Path,
    title: &str,
    x_label: &str,
    names: &[String],
    values: &[f64],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let n = names.len();
        let scale = AxisScale::of(values.iter().copied());
        let values: Vec<f64> = values.iter().map(|&v| scale.apply(v)).collect();
        // From 0 to the values, a negative one (read back from a damaged
        // file) included: every bar must end on the axis. Room on the
        // right for the values written there.
        let finite = || values.iter().copied().filter(|v| v.is_finite());
        let high = finite().fold(0.0_f64, f64::max).max(1e-9) * 1.15;
        let low = finite().fold(0.0_f64, f64::min) * 1.15;
        let area = titled(root, title)?;
        let mut chart = chart(&area, "", name_area(names, 0), low..high, categories(n))?;
        let label = |v: &f64| top_down_label(names, *v, false);
        chart
            .configure_mesh()
            .x_desc(scale.title(x_label))
            .x_label_formatter(&tick)
            .y_labels(n.min(MAX_NAME_LABELS))
            .axis_desc_style(AXIS_FONT)
            .label_style(LABEL_FONT)
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.12))
            .y_label_formatter(&label)
            .draw()
            .map_err(|e| anyhow!("{e}"))?;
        let drawn = || {
            values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(k, &v)| (k, (n - 1 - k) as f64, v))
        };
        chart
            .draw_series(drawn().map(|(k, y, v)| {
                Rectangle::new([(0.0, y - 0.35), (v, y + 0.35)], colour(k).filled())
            }))
            .map_err(|e| anyhow!("{e}"))?;
        let style = TextStyle::from(LABEL_FONT.into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        chart
            .draw_series(drawn().map(|(_, y, v)| {
                Text::new(
                    format!(" {}", short_number(v)),
                    (v.max(0.0), y),
                    style.clone(),
                )
            }))
            .map_err(|e| anyhow!("{e}"))?;
        Ok(())
    })
}

/// Curves with error bars: one line per named series of (mean, error)
/// over `x`, with a legend beside the data; a mean that is not a number
/// breaks its line.
pub fn curves(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<(f64, f64)>)],
) -> Result<PathBuf> {
    curves_with_references(path, title, axes, x, series, &[])
}

/// [`curves`] with reference lines (an analytic prediction beside the
/// simulated means): each named list of values over `x` drawn dashed in
/// dark grey, a value that is not a number breaking its line.
pub fn curves_with_references(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<(f64, f64)>)],
    references: &[(String, Vec<f64>)],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let x_scale = AxisScale::of(x.iter().copied());
        // The means as well as the bars' ends: a mean is drawn even when
        // its bar is infinite (a standard error that overflowed), and every
        // finite value drawn must lie on the axis (plotters' pixel
        // arithmetic overflows on a value far outside it).
        let y_scale = AxisScale::of(
            series
                .iter()
                .flat_map(|(_, ys)| ys.iter().flat_map(|&(m, e)| [m, m - e, m + e]))
                .chain(references.iter().flat_map(|(_, ys)| ys.iter().copied())),
        );
        let whole_x = x_scale.exponent == 0 && whole_numbers(x);
        let x: Vec<f64> = x.iter().map(|&v| x_scale.apply(v)).collect();
        let references: Vec<(&String, Vec<f64>)> = references
            .iter()
            .map(|(name, ys)| (name, ys.iter().map(|&v| y_scale.apply(v)).collect()))
            .collect();
        let series: Vec<(&String, Vec<(f64, f64)>)> = series
            .iter()
            .map(|(name, ys)| {
                let ys = ys
                    .iter()
                    .map(|&(m, e)| (y_scale.apply(m), y_scale.apply(e)));
                (name, ys.collect())
            })
            .collect();
        let x_range = padded_range(x.iter().copied());
        let y_range = padded_range(
            series
                .iter()
                .flat_map(|(_, ys)| ys.iter().flat_map(|&(m, e)| [m, m - e, m + e]))
                .chain(references.iter().flat_map(|(_, ys)| ys.iter().copied())),
        );
        let area = titled(root, title)?;
        let labels = series.iter().map(|(n, _)| n.as_str());
        let (data, key) = split_for_legend(
            &area,
            labels.chain(references.iter().map(|(n, _)| n.as_str())),
        );
        let mut chart = chart(&data, "", 70, x_range, y_range)?;
        mesh(
            &mut chart,
            (&x_scale.title(axes.0), &y_scale.title(axes.1)),
            whole_x,
        )?;
        let mut entries = Vec::new();
        for (k, (name, ys)) in series.iter().enumerate() {
            let style = colour(k);
            let points: Vec<(f64, (f64, f64))> =
                x.iter().copied().zip(ys.iter().copied()).collect();
            let means: Vec<(f64, f64)> = points.iter().map(|&(x, (m, _))| (x, m)).collect();
            for run in finite_runs(&means) {
                chart
                    .draw_series(LineSeries::new(run, style.stroke_width(2)))
                    .map_err(|e| anyhow!("{e}"))?;
            }
            chart
                .draw_series(
                    points
                        .iter()
                        .filter(|&&(x, (m, e))| x.is_finite() && m.is_finite() && e.is_finite())
                        .map(|&(x, (m, e))| {
                            ErrorBar::new_vertical(x, m - e, m, m + e, style.filled(), 8)
                        }),
                )
                .map_err(|e| anyhow!("{e}"))?;
            entries.push((name.to_string(), Swatch::Line(style)));
        }
        let grey = RGBColor(60, 60, 60);
        for (name, ys) in &references {
            let points: Vec<(f64, f64)> = x.iter().copied().zip(ys.iter().copied()).collect();
            for run in finite_runs(&points) {
                chart
                    .draw_series(DashedLineSeries::new(run, 8, 5, grey.stroke_width(2)))
                    .map_err(|e| anyhow!("{e}"))?;
            }
            entries.push((name.to_string(), Swatch::Dashed(grey)));
        }
        side_legend(&key, &entries)
    })
}

/// The parts of `results.json` the plots need.
#[derive(Deserialize)]
struct RoundRobinPlotData {
    metric: RankingMetric,
    standings: Vec<RankingRow>,
    ranking: Vec<usize>,
    payoff_matrices: ByCurrency<Vec<Vec<Option<f64>>>>,
    cooperation_matrix: Vec<Vec<Option<f64>>>,
}

impl RoundRobinPlotData {
    /// Why the data cannot be drawn, if it cannot: the ranking must order
    /// every standing once, and each matrix must have a row of one entry
    /// per player for every player. Results read back from a folder are
    /// input like any other (a file edited by hand, or cut short).
    fn check(&self) -> Result<(), String> {
        let n = self.standings.len();
        let mut seen = vec![false; n];
        for (k, &p) in self.ranking.iter().enumerate() {
            match seen.get_mut(p) {
                None => {
                    return Err(format!(
                        "`ranking[{k}]` is {p}, but there are {n} standings (indices 0 to {})",
                        n.saturating_sub(1)
                    ));
                }
                Some(true) => return Err(format!("`ranking` lists standing {p} twice")),
                Some(slot) => *slot = true,
            }
        }
        if let Some(missing) = seen.iter().position(|&s| !s) {
            return Err(format!("`ranking` does not list standing {missing}"));
        }
        let matrices = [
            ("payoff_matrices.policy", &self.payoff_matrices.policy),
            ("cooperation_matrix", &self.cooperation_matrix),
        ];
        for (name, matrix) in matrices {
            if matrix.len() != n || matrix.iter().any(|row| row.len() != n) {
                return Err(format!(
                    "`{name}` is not {n} rows of {n} entries (one per standing)"
                ));
            }
        }
        Ok(())
    }

    fn draw(&self, folder: &Path) -> Result<Vec<PathBuf>> {
        let names: Vec<String> = self.standings.iter().map(|s| s.name.clone()).collect();
        let currency = self.metric.currency();
        // The boxplot lists the players best first, as the ranking does.
        let ranked_names: Vec<String> = self.ranking.iter().map(|&p| names[p].clone()).collect();
        let samples: Vec<Vec<f64>> = self
            .ranking
            .iter()
            .map(|&p| self.standings[p].scores[currency].per_repetition.clone())
            .collect();
        // The win plot lists them by their mean wins, most first (ties in
        // the ranking's order), as axelrod's does by its medians.
        let mut by_wins = self.ranking.clone();
        by_wins.sort_by(|&a, &b| {
            let wins = |p: usize| self.standings[p].wins[currency].mean;
            wins(b).total_cmp(&wins(a))
        });
        let win_names: Vec<String> = by_wins.iter().map(|&p| names[p].clone()).collect();
        let wins: Vec<Vec<f64>> = by_wins
            .iter()
            .map(|&p| self.standings[p].wins[currency].per_repetition.clone())
            .collect();
        let repetitions = samples.iter().map(Vec::len).max().unwrap_or(0);
        let mut written = vec![
            boxplot(
                &folder.join("boxplot.svg"),
                &format!(
                    "Score per repetition: {currency} per turn ({repetitions} repetitions; \
                     whiskers at 1.5 IQR)"
                ),
                &format!("{currency} per turn"),
                &ranked_names,
                &samples,
            )?,
            boxplot(
                &folder.join("winplot.svg"),
                &format!("Matches won per repetition, by {currency} ({repetitions} repetitions)"),
                &format!("matches won per repetition (by {currency})"),
                &win_names,
                &wins,
            )?,
        ];
        if heatmaps_skipped(names.len()).is_none() {
            written.push(heatmap(
                &folder.join("heatmap_payoff_policy.svg"),
                "Policy payoff per turn of the row player against the column player",
                "policy payoff per turn",
                &names,
                &self.payoff_matrices.policy,
            )?);
            written.push(heatmap(
                &folder.join("heatmap_cooperation.svg"),
                "Cooperation rate of the row player against the column player",
                "cooperation rate (share of moves C)",
                &names,
                &self.cooperation_matrix,
            )?);
        }
        Ok(written)
    }
}

/// The plots of a round robin: the boxplot, the win plot and the two
/// heatmaps.
pub fn round_robin_plots(results: &RoundRobinResults, folder: &Path) -> Result<Vec<PathBuf>> {
    RoundRobinPlotData {
        metric: results.metric,
        standings: results.standings.clone(),
        ranking: results.ranking.clone(),
        payoff_matrices: results.payoff_matrices.clone(),
        cooperation_matrix: results.cooperation_matrix.clone(),
    }
    .draw(folder)
}

/// What the evolution plots show, from a run or read back from files.
struct EvolutionPlotData {
    names: Vec<String>,
    fitness: String,
    /// Time (or generation) and the shares at that time.
    times: Vec<f64>,
    shares: Vec<Vec<f64>>,
    /// Whether the shares are those of a stochastic run (the first one).
    stochastic: bool,
    fixation: Option<Vec<f64>>,
    stationary: Option<Vec<f64>>,
}

impl EvolutionPlotData {
    fn draw(&self, folder: &Path) -> Result<Vec<PathBuf>> {
        let series: Vec<(String, Vec<f64>)> = self
            .names
            .iter()
            .enumerate()
            .map(|(k, name)| (name.clone(), self.shares.iter().map(|s| s[k]).collect()))
            .collect();
        let (title, x_label) = if self.stochastic {
            (
                format!("Shares in the first run (fitness: {})", self.fitness),
                "generation (population-size birth-death steps)",
            )
        } else {
            (
                format!("Shares over time (fitness: {})", self.fitness),
                "time",
            )
        };
        // Generations count; a replicator's time does not.
        let whole = self.stochastic;
        let mut written = vec![
            lines_counting(
                &folder.join("evolution_shares.svg"),
                &title,
                (x_label, "share of the population"),
                &self.times,
                &series,
                whole,
            )?,
            stack(
                &folder.join("evolution_stack.svg"),
                &format!("{title}, stacked"),
                x_label,
                &self.times,
                &series,
                whole,
            )?,
        ];
        if let Some(fixation) = &self.fixation {
            written.push(bars(
                &folder.join("evolution_fixation.svg"),
                "Fixation frequency: the share of runs each type took over",
                "share of runs the type took over",
                &self.names,
                fixation,
            )?);
        }
        if let Some(stationary) = &self.stationary {
            written.push(bars(
                &folder.join("evolution_stationary.svg"),
                "Stationary distribution for rare mutations",
                "share of time the population is all of the type",
                &self.names,
                stationary,
            )?);
        }
        Ok(written)
    }
}

/// The plots of an evolution run.
pub fn evolution_plots(evolution: &TournamentEvolution, folder: &Path) -> Result<Vec<PathBuf>> {
    let (times, shares, stochastic, fixation) = match &evolution.outcome {
        EvolutionOutcome::Shares(trajectory) => (
            trajectory.times.clone(),
            trajectory.shares.clone(),
            false,
            None,
        ),
        EvolutionOutcome::Runs(runs) => {
            let summary = FixationSummary::new(runs, evolution.names.len());
            let (times, shares) = runs.first().map_or_else(Default::default, |run| {
                let population = f64::from(run.population);
                run.rows()
                    .map(|(step, counts)| {
                        (
                            step as f64 / population,
                            counts
                                .iter()
                                .map(|&c| f64::from(c) / population)
                                .collect::<Vec<f64>>(),
                        )
                    })
                    .unzip()
            });
            (times, shares, true, Some(summary.frequencies()))
        }
    };
    EvolutionPlotData {
        names: evolution.names.clone(),
        fitness: evolution.fitness.to_string(),
        times,
        shares,
        stochastic,
        fixation,
        stationary: evolution.stationary.clone(),
    }
    .draw(folder)
}

/// A sweep's lines along its first axis: for each combination `rest` of
/// the axes after the first, the grid points at that combination, one
/// for each value of the first axis (point `k * inner + rest`, `inner`
/// the number of combinations), in the first axis's order.
pub(crate) fn first_axis_lines(
    identity: &SweepIdentity,
) -> impl Iterator<Item = (usize, Vec<usize>)> + '_ {
    let along = identity.grid[0].values.len();
    let inner: usize = identity.grid[1..].iter().map(|a| a.values.len()).product();
    (0..inner).map(move |rest| (rest, (0..along).map(|k| k * inner + rest).collect()))
}

/// The values of a sweep's axes after the first at their combination
/// `rest`, in words (`threat cost theta = 8`), and the suffix that
/// combination gives a plot's file name (`_rest`; none when the axes after
/// the first have one combination).
pub(crate) fn other_axes(identity: &SweepIdentity, rest: usize) -> (Vec<String>, String) {
    let later = &identity.grid[1..];
    let others = later
        .iter()
        .zip(point_values(later, rest))
        .map(|(axis, v)| format!("{} = {v}", parameter_label(&axis.path)))
        .collect();
    let combinations: usize = later.iter().map(|a| a.values.len()).product();
    let suffix = if combinations > 1 {
        format!("_{rest}")
    } else {
        String::new()
    };
    (others, suffix)
}

/// The plots of a complete sweep: for each of the ranking scores and the
/// cooperation rate, the mean over replicates with standard-error bars
/// against the first axis, one line per player; with more axes, one file
/// per combination of the other axes' values.
pub fn sweep_plots(
    identity: &SweepIdentity,
    summary: &SweepSummary,
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let first = &identity.grid[0];
    let mut written = Vec::new();
    for (m, measure) in summary.measures.iter().enumerate() {
        if !(measure.starts_with("score_") || measure == "cooperation_rate") {
            continue;
        }
        // The measure names a file: read back from `sweep.csv`, it must not
        // lead out of the folder (`score_/../x`) or hold odd characters.
        if !measure
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            bail!(
                "`{}`: the measure `{}` cannot name a plot file (expected letters, digits and \
                 `_`)",
                folder.join("sweep.csv").display(),
                measure.escape_debug()
            );
        }
        for (rest, points) in first_axis_lines(identity) {
            let series: Vec<(String, Vec<(f64, f64)>)> = identity
                .players
                .iter()
                .enumerate()
                // A unit without the measure (a regime's `regime` unit has
                // no scores) draws no line.
                .filter(|&(p, _)| points.iter().all(|&point| summary.counts[point][p][m] > 0))
                .map(|(p, name)| {
                    let values = points.iter().map(|&point| {
                        let (mean, _, se) = summary.stats[point][p][m];
                        (mean, se)
                    });
                    (name.clone(), values.collect())
                })
                .collect();
            if series.is_empty() {
                continue;
            }
            let (others, suffix) = other_axes(identity, rest);
            let at = if others.is_empty() {
                String::new()
            } else {
                format!(", {}", others.join(", "))
            };
            let title = format!(
                "{} against {}{at} (mean and s.e. over {} replicates)",
                measure_title(measure),
                parameter_name(&first.path),
                identity.replicates
            );
            written.push(curves(
                &folder.join(format!("sweep_{measure}{suffix}.svg")),
                &title,
                (&parameter_label(&first.path), &measure_label(measure)),
                &first.values,
                &series,
            )?);
        }
    }
    if identity.kind == BaseKind::Negotiation {
        written.extend(crate::plot_negotiation::negotiation_sweep_plots(
            identity, summary, folder,
        )?);
    }
    if identity.kind == BaseKind::Fixation {
        written.extend(crate::plot_fixation::fixation_sweep_plots(
            identity, summary, folder,
        )?);
    }
    Ok(written)
}

/// Reads an evolution's files back (`evolution.csv`, `evolution.json`).
fn read_evolution(folder: &Path) -> Result<EvolutionPlotData> {
    let csv_path = folder.join("evolution.csv");
    let mut reader = csv::Reader::from_path(&csv_path)
        .with_context(|| format!("cannot read `{}`", csv_path.display()))?;
    let header: Vec<String> = reader
        .headers()
        .with_context(|| format!("cannot read `{}`", csv_path.display()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let stochastic = header.first().is_some_and(|h| h == "run");
    let skip = if stochastic { 3 } else { 1 };
    if header.len() < skip + 2 {
        bail!("`{}` has no type columns", csv_path.display());
    }
    let names = header[skip..header.len() - 1].to_vec();
    let mut times = Vec::new();
    let mut shares = Vec::new();
    let mut fitness = String::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("cannot read `{}`", csv_path.display()))?;
        let number = |k: usize| -> Result<f64> {
            record[k].parse().with_context(|| {
                format!(
                    "`{}`: expected a number, got `{}`",
                    csv_path.display(),
                    &record[k]
                )
            })
        };
        if stochastic && number(0)? != 0.0 {
            break;
        }
        let values: Vec<f64> = (skip..header.len() - 1)
            .map(number)
            .collect::<Result<_>>()?;
        let total: f64 = if stochastic {
            values.iter().sum::<f64>().max(1.0)
        } else {
            1.0
        };
        times.push(number(skip - 1)?);
        shares.push(values.iter().map(|v| v / total).collect());
        fitness = record[header.len() - 1].to_owned();
    }
    let json_path = folder.join("evolution.json");
    let summary: EvolutionSummary = serde_json::from_str(
        &fs::read_to_string(&json_path)
            .with_context(|| format!("cannot read `{}`", json_path.display()))?,
    )
    .with_context(|| format!("`{}` is not an evolution summary", json_path.display()))?;
    for (field, values) in [
        ("fixation_frequencies", &summary.fixation_frequencies),
        ("stationary", &summary.stationary),
    ] {
        if let Some(values) = values
            && values.len() != names.len()
        {
            bail!(
                "`{}`: `{field}` has {} entries, but `{}` has {} types",
                json_path.display(),
                values.len(),
                csv_path.display(),
                names.len()
            );
        }
    }
    Ok(EvolutionPlotData {
        names,
        fitness,
        times,
        shares,
        stochastic,
        fixation: summary.fixation_frequencies,
        stationary: summary.stationary,
    })
}

/// `twolevel plot`: draws the plots of an output folder again.
pub fn replot(args: &PlotArgs) -> Result<()> {
    set_png(args.png);
    let folder = &args.folder;
    let mut written = Vec::new();
    if folder.join("sweep.json").exists() {
        written.extend(crate::sweep::replot(folder)?);
    }
    let results = folder.join("results.json");
    if results.exists() {
        let data: RoundRobinPlotData = serde_json::from_str(
            &fs::read_to_string(&results)
                .with_context(|| format!("cannot read `{}`", results.display()))?,
        )
        .with_context(|| format!("`{}` is not a round robin's results", results.display()))?;
        data.check()
            .map_err(|reason| anyhow!("`{}`: {reason}", results.display()))?;
        written.extend(data.draw(folder)?);
        written.extend(crate::plot_arena::replot(&results, folder)?);
    }
    if folder.join("evolution.csv").exists() {
        written.extend(read_evolution(folder)?.draw(folder)?);
    }
    written.extend(crate::plot_models::replot_regime(folder)?);
    written.extend(crate::plot_models::replot_society(folder)?);
    if written.is_empty() {
        bail!(
            "`{}` holds no results to plot (results.json, evolution.csv, sweep.json, \
             regime.json or society_sweep.json)",
            folder.display()
        );
    }
    let mut by_folder: BTreeMap<&Path, usize> = BTreeMap::new();
    for path in &written {
        *by_folder
            .entry(path.parent().unwrap_or(Path::new("")))
            .or_default() += 1;
    }
    for (folder, count) in by_folder {
        println!("{count} plots written to {}.", folder.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_runs_from_its_published_ends_growing_lighter() {
        assert_eq!(viridis(0.0), RGBColor(0x44, 0x01, 0x54));
        assert_eq!(viridis(1.0), RGBColor(0xFD, 0xE7, 0x25));
        // Entry 128 of the table, an anchor: (0.127568, 0.566949, 0.550556).
        assert_eq!(viridis(128.0 / 255.0), RGBColor(33, 145, 140));
        // Perceptually ordered: the luminance grows along the map.
        let luminance = |c: RGBColor| {
            0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2)
        };
        let steps: Vec<f64> = (0..=100)
            .map(|k| luminance(viridis(f64::from(k) / 100.0)))
            .collect();
        assert!(steps.windows(2).all(|w| w[1] >= w[0]), "{steps:?}");
        assert_eq!(viridis(f64::NAN), viridis(0.0));
        assert_eq!(viridis(7.0), viridis(1.0));
    }

    #[test]
    fn ticks_are_written_as_short_as_they_read() {
        assert_eq!(tick(&50.0), "50");
        assert_eq!(tick(&(0.1 + 0.2)), "0.3");
        assert_eq!(tick(&-0.0), "0");
        assert_eq!(tick(&-2.5), "-2.5");
        assert_eq!(tick(&3e39), "3.00e39");
    }

    #[test]
    fn tukey_whiskers_end_at_the_data_within_the_fences() {
        // Quartiles 3.25 and 7.75, fences -3.5 and 14.5.
        let values: Vec<f64> = (1..=9).map(f64::from).chain([30.0, f64::NAN]).collect();
        let t = Tukey::of(&values).unwrap();
        assert_eq!((t.q1, t.median, t.q3), (3.25, 5.5, 7.75));
        assert_eq!((t.low, t.high, t.outliers.clone()), (1.0, 9.0, vec![30.0]));
        // Equal values: a box of no width, whiskers on it, no outliers.
        let t = Tukey::of(&[2.0; 5]).unwrap();
        assert_eq!((t.low, t.q1, t.q3, t.high), (2.0, 2.0, 2.0, 2.0));
        assert!(t.outliers.is_empty());
        assert_eq!(Tukey::of(&[f64::NAN]), None);
        // Values near f64::MAX do not overflow the fences.
        let t = Tukey::of(&[f64::MAX, f64::MAX / 2.0, -f64::MAX]).unwrap();
        assert!(t.low.is_finite() && t.high.is_finite());
    }
}
