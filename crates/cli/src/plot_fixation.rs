//! SVG plots of fixation files (evolution on graphs and multilevel
//! selection, docs/structure.md):
//!
//! - `fixation_sweep.svg` (a sweep over a `GraphEvolution(..)` or
//!   `Multilevel(..)` base): each unit's simulated fixation probability of
//!   the mutant with its standard error against `b/c` (or the first axis
//!   for a matrix game), the neutral `1/N` as a horizontal dashed line and
//!   each unit's analytic threshold as a vertical dashed line in its
//!   colour;
//! - `graph_snapshot_<k>.svg` (a graph-evolution run with `snapshot`): the
//!   state of graph `k` after the snapshot run, a lattice as an image or
//!   a small network, coloured by strategy (drawn by `plot_graph`).

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use plotters::prelude::*;
use twolevel_tournament::fixation_file::FixationResults;
use twolevel_tournament::sweep_file::{SweepIdentity, SweepSummary};

use crate::plot::{
    Swatch, axis_titles, chart, colour, first_axis_lines, other_axes, padded_range, side_legend,
    split_for_legend, titled, write_svg,
};
use crate::plot_graph::{Colouring, lattice_image, network_plot};
use crate::plot_labels::parameter_label;

/// The mean of `measure` for `unit` at each of `points` (NaN where the
/// summary has none).
fn means(summary: &SweepSummary, unit: usize, measure: &str, points: &[usize]) -> Vec<f64> {
    let Some(m) = summary.measures.iter().position(|x| x == measure) else {
        return vec![f64::NAN; points.len()];
    };
    points
        .iter()
        .map(|&p| {
            if summary.counts[p][unit][m] > 0 {
                summary.stats[p][unit][m].0
            } else {
                f64::NAN
            }
        })
        .collect()
}

/// The fixation sweep plots: one `fixation_sweep[_<rest>].svg` per
/// combination of the axes after the first.
pub fn fixation_sweep_plots(
    identity: &SweepIdentity,
    summary: &SweepSummary,
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let first = &identity.grid[0];
    let mut written = Vec::new();
    for (rest, points) in first_axis_lines(identity) {
        let ratio = means(summary, 0, "benefit_cost_ratio", &points);
        let (x, x_title) = if ratio.iter().all(|v| v.is_finite()) {
            (
                ratio,
                "benefit-to-cost ratio b/c of the donation game (policy payoffs)".to_owned(),
            )
        } else {
            (first.values.clone(), parameter_label(&first.path))
        };
        let (others, suffix) = other_axes(identity, rest);
        let at = if others.is_empty() {
            String::new()
        } else {
            format!(" ({})", others.join(", "))
        };
        // The error of a point: the standard error of one replicate's
        // estimate, over the square root of the replicates averaged.
        let replicates = f64::from(identity.replicates.max(1));
        let units: Vec<Unit> = identity
            .players
            .iter()
            .enumerate()
            .map(|(u, name)| Unit {
                name: name.clone(),
                probability: means(summary, u, "fixation_probability", &points),
                error: means(summary, u, "standard_error", &points)
                    .into_iter()
                    .map(|e| e / replicates.sqrt())
                    .collect(),
                neutral: means(summary, u, "neutral", &points)
                    .into_iter()
                    .find(|v| v.is_finite()),
                threshold: means(summary, u, "threshold", &points)
                    .into_iter()
                    .find(|v| v.is_finite()),
            })
            .collect();
        written.push(fixation_plot(
            &folder.join(format!("fixation_sweep{suffix}.svg")),
            &format!(
                "Fixation probability of one mutant against b/c{at}: simulated (s.e. bars), \
                 neutral 1/N, analytic threshold"
            ),
            &x_title,
            &x,
            &units,
        )?);
    }
    Ok(written)
}

/// One series of the fixation plot.
struct Unit {
    name: String,
    probability: Vec<f64>,
    error: Vec<f64>,
    neutral: Option<f64>,
    threshold: Option<f64>,
}

/// Draws the fixation plot.
fn fixation_plot(
    path: &Path,
    title: &str,
    x_title: &str,
    x: &[f64],
    units: &[Unit],
) -> Result<PathBuf> {
    write_svg(path, |root| {
        let area = titled(root, title)?;
        let mut labels: Vec<String> = units.iter().map(|u| u.name.clone()).collect();
        let mut neutrals: Vec<f64> = units.iter().filter_map(|u| u.neutral).collect();
        neutrals.sort_by(f64::total_cmp);
        neutrals.dedup();
        for n in &neutrals {
            labels.push(format!("neutral 1/N = {n:.4}"));
        }
        for u in units.iter().filter(|u| u.threshold.is_some()) {
            labels.push(format!("threshold, {}", u.name));
        }
        let (data, key) = split_for_legend(&area, labels.iter().map(String::as_str));
        let x_range = padded_range(
            x.iter()
                .copied()
                .chain(units.iter().filter_map(|u| u.threshold)),
        );
        let y_range = padded_range(
            units
                .iter()
                .flat_map(|u| {
                    u.probability
                        .iter()
                        .zip(&u.error)
                        .flat_map(|(&p, &e)| [p - e, p + e])
                })
                .chain(neutrals.iter().copied())
                .chain(std::iter::once(0.0)),
        );
        let (x0, x1) = (x_range.start, x_range.end);
        let (y0, y1) = (y_range.start, y_range.end);
        let mut chart = chart(&data, "", 70, x_range, y_range)?;
        axis_titles(
            &mut chart,
            (
                x_title,
                "fixation probability of one mutant (share of runs)",
            ),
        )?;
        let err = |e| anyhow!("{e}");
        let mut entries = Vec::new();
        for (k, u) in units.iter().enumerate() {
            let style = colour(k);
            let points: Vec<(f64, f64, f64)> = x
                .iter()
                .zip(&u.probability)
                .zip(&u.error)
                .map(|((&x, &p), &e)| (x, p, e))
                .filter(|(x, p, e)| x.is_finite() && p.is_finite() && e.is_finite())
                .collect();
            chart
                .draw_series(LineSeries::new(
                    points.iter().map(|&(x, p, _)| (x, p)),
                    style.stroke_width(2),
                ))
                .map_err(err)?;
            chart
                .draw_series(points.iter().map(|&(x, p, e)| {
                    ErrorBar::new_vertical(x, p - e, p, p + e, style.filled(), 8)
                }))
                .map_err(err)?;
            entries.push((u.name.clone(), Swatch::Line(style)));
        }
        let grey = RGBColor(60, 60, 60);
        for n in &neutrals {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(x0, *n), (x1, *n)],
                    8,
                    5,
                    grey.stroke_width(2),
                ))
                .map_err(err)?;
            entries.push((format!("neutral 1/N = {n:.4}"), Swatch::Dashed(grey)));
        }
        for (k, u) in units.iter().enumerate() {
            if let Some(t) = u.threshold {
                chart
                    .draw_series(DashedLineSeries::new(
                        vec![(t, y0), (t, y1)],
                        4,
                        4,
                        colour(k).stroke_width(1),
                    ))
                    .map_err(err)?;
                entries.push((format!("threshold, {}", u.name), Swatch::Dashed(colour(k))));
            }
        }
        side_legend(&key, &entries)
    })
}

/// The snapshot of each graph that has one: `graph_snapshot_<k>.svg`, a
/// lattice as an image or a network of at most
/// [`MAX_NETWORK_NODES`](crate::plot_graph::MAX_NETWORK_NODES) nodes.
pub fn snapshot_plots(results: &FixationResults, folder: &Path) -> Result<Vec<PathBuf>> {
    let names = vec!["cooperator (C)".to_owned(), "defector (D)".to_owned()];
    let mut written = Vec::new();
    for (k, (row, snapshot)) in results.rows.iter().zip(&results.snapshots).enumerate() {
        let Some(snapshot) = snapshot else { continue };
        let states: Vec<usize> = snapshot.states.iter().map(|&s| usize::from(s)).collect();
        let colouring = Colouring {
            states: &states,
            names: &names,
        };
        let title = format!(
            "Strategies on the {} after {} updates from a half-and-half start",
            row.unit, snapshot.updates
        );
        let path = folder.join(format!("graph_snapshot_{k}.svg"));
        match snapshot.graph.grid() {
            Some(grid) => written.push(lattice_image(&path, &title, grid, &colouring)?),
            None => written.extend(network_plot(&path, &title, &snapshot.graph, &colouring)?),
        }
    }
    Ok(written)
}
