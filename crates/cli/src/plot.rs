//! SVG plots of results, drawn with plotters' SVG backend:
//!
//! - `boxplot.svg`: each player's score per repetition in the ranking's
//!   currency (axelrod's boxplot);
//! - `heatmap_payoff_policy.svg`, `heatmap_cooperation.svg`: the policy
//!   payoff and cooperation matrices, row player against column player
//!   (skipped above [`MAX_HEATMAP_PLAYERS`] players);
//! - `evolution_shares.svg`: the shares of the types over time (a
//!   replicator trajectory, or the first Moran or Fermi run);
//! - `evolution_fixation.svg`, `evolution_stationary.svg`: how often each
//!   type fixed, and the stationary distribution for rare mutations;
//! - `sweep_<measure>.svg`: a sweep's curves, the mean over replicates
//!   with standard-error bars, one line per player (a sweep over a
//!   negotiation file adds the plots of `plot_negotiation`).

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;
use plotters::coord::ranged1d::{self, SegmentValue};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use serde::Deserialize;
use twolevel_game::ByCurrency;
use twolevel_tournament::evolution::{EvolutionOutcome, FixationSummary, TournamentEvolution};
use twolevel_tournament::output::write_atomically;
use twolevel_tournament::{RankingMetric, RankingRow, RoundRobinResults};

use crate::commands::EvolutionSummary;
use twolevel_tournament::sweep_file::{BaseKind, SweepIdentity, SweepSummary, point_values};

/// `twolevel plot`.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// An output folder of `twolevel run` or `twolevel sweep`; its plots
    /// are drawn again from its CSV and JSON files.
    pub folder: PathBuf,
}

/// The size of every plot, in pixels.
const SIZE: (u32, u32) = (900, 560);

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

/// Draws into an SVG string with `draw` and writes it atomically to `path`.
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

/// A chart on `root` in the layout every plot shares: the caption, the
/// margin and the label areas (`y_label_area` pixels wide on the left:
/// wide for player names), over the axes `x` and `y`.
pub(crate) fn chart<'a, 'b, X: ranged1d::AsRangedCoord, Y: ranged1d::AsRangedCoord>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    caption: &str,
    y_label_area: u32,
    x: X,
    y: Y,
) -> Result<SvgChart<'a, 'b, X::CoordDescType, Y::CoordDescType>> {
    ChartBuilder::on(root)
        .caption(caption, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(45)
        .y_label_area_size(y_label_area)
        .build_cartesian_2d(x, y)
        .map_err(|e| anyhow!("{e}"))
}

/// A chart of numbers against numbers, as the line plots draw them.
pub(crate) type NumberChart<'a, 'b> = SvgChart<'a, 'b, RangedCoordf64, RangedCoordf64>;

/// Draws the grid of a chart of numbers with the axes' titles `(x, y)`.
pub(crate) fn axis_titles(chart: &mut NumberChart<'_, '_>, axes: (&str, &str)) -> Result<()> {
    chart
        .configure_mesh()
        .x_desc(axes.0)
        .y_desc(axes.1)
        .draw()
        .map_err(|e| anyhow!("{e}"))
}

/// Draws the legend of the labelled series in the upper right corner.
pub(crate) fn legend<'b: 'a, 'a>(chart: &mut NumberChart<'a, 'b>) -> Result<()> {
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(|e| anyhow!("{e}"))
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
/// title says so (`score (x 1e39)`). The boxplots of plotters draw in
/// `f32`, which ends at about 3.4e38, and an axis whose ends overflow
/// leaves its search for tick marks running for ever; payoffs may reach
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

/// The label of category `k` of `names` on a segmented axis.
fn category<'a>(names: &'a [String]) -> impl Fn(&SegmentValue<i32>) -> String + 'a {
    move |value| match value {
        SegmentValue::CenterOf(k) | SegmentValue::Exact(k) => usize::try_from(*k)
            .ok()
            .and_then(|k| names.get(k))
            .map(|n| twolevel_tournament::report::table_name(n).into_owned())
            .unwrap_or_default(),
        SegmentValue::Last => String::new(),
    }
}

/// A category axis of `n` segments, 0 to `n - 1` (at least two, so that
/// the axis has a length).
fn categories(
    n: i32,
) -> plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordi32> {
    (0..(n - 1).max(1)).into_segmented()
}

/// Horizontal boxplots, one per name, of the values in `samples`, the
/// first at the top.
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
        let n = names.len() as i32;
        // The first name at the top.
        let bottom_up: Vec<String> = names.iter().rev().cloned().collect();
        let box_width = (440 / names.len().max(1) * 3 / 5).clamp(2, 40) as u32;
        let mut chart = chart(
            root,
            title,
            200,
            range.start as f32..range.end as f32,
            categories(n),
        )?;
        chart
            .configure_mesh()
            .x_desc(scale.title(x_label))
            .y_desc("player")
            .y_labels(names.len())
            .y_label_formatter(&category(&bottom_up))
            .draw()
            .map_err(|e| anyhow!("{e}"))?;
        chart
            .draw_series(samples.iter().enumerate().filter_map(|(k, values)| {
                let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
                (!finite.is_empty()).then(|| {
                    Boxplot::new_horizontal(
                        SegmentValue::CenterOf(n - 1 - k as i32),
                        &Quartiles::new(&finite),
                    )
                    .width(box_width)
                    .style(colour(k))
                })
            }))
            .map_err(|e| anyhow!("{e}"))?;
        Ok(())
    })
}

/// A heatmap of `matrix` (row player against column player), empty cells
/// grey, values written in the cells when there are few.
pub fn heatmap(
    path: &Path,
    title: &str,
    names: &[String],
    matrix: &[Vec<Option<f64>>],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let n = names.len() as i32;
        let range = value_range(matrix.iter().flatten().flatten().copied());
        let caption = format!(
            "{title}; light {}, dark {}",
            short_number(range.start),
            short_number(range.end)
        );
        let mut chart = chart(root, &caption, 200, categories(n), categories(n))?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_desc("column player (partner), numbered as the rows")
            .y_desc("row player")
            .x_labels(names.len())
            .y_labels(names.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(k) => (k + 1).to_string(),
                _ => String::new(),
            })
            .y_label_formatter(&|v| {
                // Row 0 is drawn at the top.
                let flipped = match v {
                    SegmentValue::CenterOf(k) => SegmentValue::CenterOf(n - 1 - k),
                    other => other.clone(),
                };
                match flipped {
                    SegmentValue::CenterOf(k) => {
                        format!("{}. {}", k + 1, category(names)(&flipped))
                    }
                    _ => String::new(),
                }
            })
            .draw()
            .map_err(|e| anyhow!("{e}"))?;
        // Halved, so that the span of values near f64::MAX does not overflow.
        let span = (range.end / 2.0 - range.start / 2.0).max(1e-12);
        let cells = matrix.iter().enumerate().flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(move |(j, value)| (i as i32, j as i32, *value))
        });
        chart
            .draw_series(cells.map(|(i, j, value)| {
                let y = n - 1 - i;
                let fill = match value {
                    Some(v) => {
                        let t = ((v / 2.0 - range.start / 2.0) / span).clamp(0.0, 1.0);
                        RGBColor(
                            (255.0 - 224.0 * t) as u8,
                            (255.0 - 136.0 * t) as u8,
                            (255.0 - 75.0 * t) as u8,
                        )
                    }
                    None => RGBColor(200, 200, 200),
                };
                Rectangle::new(
                    [
                        (SegmentValue::Exact(j), SegmentValue::Exact(y)),
                        (SegmentValue::Exact(j + 1), SegmentValue::Exact(y + 1)),
                    ],
                    fill.filled(),
                )
            }))
            .map_err(|e| anyhow!("{e}"))?;
        if names.len() <= 12 {
            chart
                .draw_series(matrix.iter().enumerate().flat_map(|(i, row)| {
                    row.iter().enumerate().filter_map(move |(j, value)| {
                        value.map(|v| {
                            Text::new(
                                short_number(v),
                                (
                                    SegmentValue::CenterOf(j as i32),
                                    SegmentValue::CenterOf(n - 1 - i as i32),
                                ),
                                ("sans-serif", 12),
                            )
                        })
                    })
                }))
                .map_err(|e| anyhow!("{e}"))?;
        }
        Ok(())
    })
}

/// Lines over a shared x axis, one per named series, with a legend.
pub fn lines(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<f64>)],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let x_scale = AxisScale::of(x.iter().copied());
        let y_scale = AxisScale::of(series.iter().flat_map(|(_, ys)| ys.iter().copied()));
        let x: Vec<f64> = x.iter().map(|&v| x_scale.apply(v)).collect();
        let x_range = padded_range(x.iter().copied());
        let y_range = padded_range(
            series
                .iter()
                .flat_map(|(_, ys)| ys.iter().map(|&v| y_scale.apply(v))),
        );
        let mut chart = chart(root, title, 60, x_range, y_range)?;
        axis_titles(&mut chart, (&x_scale.title(axes.0), &y_scale.title(axes.1)))?;
        for (k, (name, ys)) in series.iter().enumerate() {
            let style = colour(k);
            chart
                .draw_series(LineSeries::new(
                    x.iter().copied().zip(ys.iter().map(|&v| y_scale.apply(v))),
                    style.stroke_width(2),
                ))
                .map_err(|e| anyhow!("{e}"))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], style.stroke_width(2))
                });
        }
        legend(&mut chart)
    })
}

/// Horizontal bars, one per name.
pub fn bars(
    path: &Path,
    title: &str,
    x_label: &str,
    names: &[String],
    values: &[f64],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let n = names.len() as i32;
        let scale = AxisScale::of(values.iter().copied());
        let values: Vec<f64> = values.iter().map(|&v| scale.apply(v)).collect();
        // From 0 to the values, a negative one (read back from a damaged
        // file) included: every bar must end on the axis.
        let finite = || values.iter().copied().filter(|v| v.is_finite());
        let high = finite().fold(0.0_f64, f64::max).max(1e-9) * 1.05;
        let low = finite().fold(0.0_f64, f64::min) * 1.05;
        let mut chart = chart(root, title, 200, low..high, categories(n))?;
        chart
            .configure_mesh()
            .x_desc(scale.title(x_label))
            .y_desc("type")
            .y_labels(names.len())
            .y_label_formatter(&category(names))
            .draw()
            .map_err(|e| anyhow!("{e}"))?;
        chart
            .draw_series(values.iter().enumerate().map(|(k, &v)| {
                let k = k as i32;
                Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(k)),
                        (v, SegmentValue::Exact(k + 1)),
                    ],
                    colour(k as usize).filled(),
                )
            }))
            .map_err(|e| anyhow!("{e}"))?;
        Ok(())
    })
}

/// Curves with error bars: one line per named series of (mean, error)
/// over `x`.
pub fn curves(
    path: &Path,
    title: &str,
    axes: (&str, &str),
    x: &[f64],
    series: &[(String, Vec<(f64, f64)>)],
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
                .flat_map(|(_, ys)| ys.iter().flat_map(|&(m, e)| [m, m - e, m + e])),
        );
        let x: Vec<f64> = x.iter().map(|&v| x_scale.apply(v)).collect();
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
                .flat_map(|(_, ys)| ys.iter().flat_map(|&(m, e)| [m, m - e, m + e])),
        );
        let mut chart = chart(root, title, 60, x_range, y_range)?;
        axis_titles(&mut chart, (&x_scale.title(axes.0), &y_scale.title(axes.1)))?;
        for (k, (name, ys)) in series.iter().enumerate() {
            let style = colour(k);
            let points: Vec<(f64, (f64, f64))> =
                x.iter().copied().zip(ys.iter().copied()).collect();
            chart
                .draw_series(LineSeries::new(
                    points.iter().map(|&(x, (m, _))| (x, m)),
                    style.stroke_width(2),
                ))
                .map_err(|e| anyhow!("{e}"))?
                .label(name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], style.stroke_width(2))
                });
            chart
                .draw_series(points.iter().map(|&(x, (m, e))| {
                    ErrorBar::new_vertical(x, m - e, m, m + e, style.filled(), 8)
                }))
                .map_err(|e| anyhow!("{e}"))?;
        }
        legend(&mut chart)
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
        let mut written = vec![boxplot(
            &folder.join("boxplot.svg"),
            &format!("Score per repetition ({currency} per turn)"),
            &format!("{currency} per turn"),
            &ranked_names,
            &samples,
        )?];
        if heatmaps_skipped(names.len()).is_none() {
            written.push(heatmap(
                &folder.join("heatmap_payoff_policy.svg"),
                "Policy payoff per turn (row against column)",
                &names,
                &self.payoff_matrices.policy,
            )?);
            written.push(heatmap(
                &folder.join("heatmap_cooperation.svg"),
                "Cooperation rate (row against column)",
                &names,
                &self.cooperation_matrix,
            )?);
        }
        Ok(written)
    }
}

/// The plots of a round robin: the boxplot and the two heatmaps.
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
                format!("Shares in the first run ({} fitness)", self.fitness),
                "generation",
            )
        } else {
            (
                format!("Shares over time ({} fitness)", self.fitness),
                "time",
            )
        };
        let mut written = vec![lines(
            &folder.join("evolution_shares.svg"),
            &title,
            (x_label, "share"),
            &self.times,
            &series,
        )?];
        if let Some(fixation) = &self.fixation {
            written.push(bars(
                &folder.join("evolution_fixation.svg"),
                "Fixation frequency over runs",
                "share of runs the type took over",
                &self.names,
                fixation,
            )?);
        }
        if let Some(stationary) = &self.stationary {
            written.push(bars(
                &folder.join("evolution_stationary.svg"),
                "Stationary distribution for rare mutations",
                "share of time as the monomorphic state",
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
    let inner: usize = identity.grid[1..].iter().map(|a| a.values.len()).product();
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
        for rest in 0..inner {
            let points: Vec<usize> = (0..first.values.len()).map(|k| k * inner + rest).collect();
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
            let others: Vec<String> = identity.grid[1..]
                .iter()
                .zip(point_values(&identity.grid[1..], rest))
                .map(|(axis, v)| format!("{} = {v}", axis.path))
                .collect();
            let suffix = if inner > 1 {
                format!("_{rest}")
            } else {
                String::new()
            };
            let title = if others.is_empty() {
                format!(
                    "{} ({}, mean and standard error over {} replicates)",
                    measure, identity.name, identity.replicates
                )
            } else {
                format!(
                    "{} at {} (mean and s.e. over {} replicates)",
                    measure,
                    others.join(", "),
                    identity.replicates
                )
            };
            written.push(curves(
                &folder.join(format!("sweep_{measure}{suffix}.svg")),
                &title,
                (&first.path, measure),
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
    if written.is_empty() {
        bail!(
            "`{}` holds no results to plot (results.json, evolution.csv or sweep.json)",
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
