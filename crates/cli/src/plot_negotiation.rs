//! SVG plots of a sweep over a negotiation file (docs/negotiation.md:
//! two-level bargaining), against the grid's first axis, one set per pair
//! of states `p` (numbered in the order of the file's pairs) and, with
//! more axes, per combination `_r` of the other axes' values:
//!
//! - `negotiation_zone_<p>[_<r>].svg`: the zone of agreement, the band
//!   from A's reservation `R_A` to `1 - R_B` (drawn where the zone is
//!   open), A's mean agreed share over ratified repetitions with
//!   standard-error bars, and the closed-form constrained share `z*`;
//! - `negotiation_outcomes_<p>[_<r>].svg`: the rates of proposals
//!   (reached), ratified agreements, withdrawals, full compliance and
//!   involuntary defection, means with standard-error bars.
//!
//! Shares are A's share of the gains of the agreement, in [0, 1].

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use plotters::prelude::*;
use twolevel_tournament::sweep_file::{SweepIdentity, SweepSummary};

use crate::plot::{
    Swatch, axis_titles, chart, colour, curves, first_axis_lines, other_axes, padded_range,
    side_legend, split_for_legend, titled, write_svg,
};
use crate::plot_labels::parameter_label;

/// The outcome rates drawn against the swept parameter, with their labels.
const OUTCOMES: [(&str, &str); 5] = [
    ("reached", "reached (A proposed)"),
    ("ratified", "ratified"),
    ("withdrawn", "withdrawn after an election"),
    ("complied", "fully complied"),
    ("involuntary_defection", "involuntary defection"),
];

/// The largest magnitude the zone plot draws.
const LARGEST: f64 = 1e6;

/// The mean and standard error of `measure` for `unit` at each of
/// `points`, `None` where no replicate had it (an empty zone's bounds,
/// the share when nothing was ratified), the summary lacks it or its mean
/// is not a finite number of magnitude at most [`LARGEST`].
fn series(
    summary: &SweepSummary,
    unit: usize,
    measure: &str,
    points: &[usize],
) -> Vec<Option<(f64, f64)>> {
    let m = summary.measures.iter().position(|name| name == measure);
    points
        .iter()
        .map(|&point| {
            let m = m?;
            if summary.counts.get(point)?.get(unit)?.get(m).copied()? == 0 {
                return None;
            }
            let (mean, _, se) = summary.stats[point][unit][m];
            // A summary read back from a folder may hold any number; the
            // zone plot draws shares, and a value far outside [0, 1] (a
            // damaged file) is not drawn rather than stretching the axis
            // beyond what plotters can mark.
            let drawable = |v: f64| v.is_finite() && v.abs() <= LARGEST;
            drawable(mean).then_some((mean, if drawable(se) { se } else { 0.0 }))
        })
        .collect()
}

/// The plots of a complete sweep over a negotiation file (see the
/// [module documentation](self)); the paths written.
pub fn negotiation_sweep_plots(
    identity: &SweepIdentity,
    summary: &SweepSummary,
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let first = &identity.grid[0];
    let mut written = Vec::new();
    for (unit, pair) in identity.players.iter().enumerate() {
        for (rest, points) in first_axis_lines(identity) {
            let (others, suffix) = other_axes(identity, rest);
            let at = if others.is_empty() {
                String::new()
            } else {
                format!(" at {}", others.join(", "))
            };
            written.push(zone_plot(
                &folder.join(format!("negotiation_zone_{unit}{suffix}.svg")),
                &format!("{pair}{at}: zone of agreement and A's share"),
                &parameter_label(&first.path),
                &first.values,
                summary,
                unit,
                &points,
            )?);
            let rates: Vec<(String, Vec<(f64, f64)>)> = OUTCOMES
                .iter()
                .map(|&(measure, label)| {
                    let values = series(summary, unit, measure, &points);
                    let values = values.into_iter().map(|v| v.unwrap_or((0.0, 0.0)));
                    (label.to_owned(), values.collect())
                })
                .collect();
            written.push(curves(
                &folder.join(format!("negotiation_outcomes_{unit}{suffix}.svg")),
                &format!(
                    "{pair}{at}: outcomes (mean and s.e. over {} replicates)",
                    identity.replicates
                ),
                (&parameter_label(&first.path), "share of repetitions"),
                &first.values,
                &rates,
            )?);
        }
    }
    Ok(written)
}

/// The zone of agreement as a band from `zone_low` to `zone_high` over
/// each run of consecutive points where it is open, A's mean share with
/// standard-error bars where it was ratified, and the closed-form share
/// `z*` where it exists.
fn zone_plot(
    path: &Path,
    title: &str,
    x_title: &str,
    x: &[f64],
    summary: &SweepSummary,
    unit: usize,
    points: &[usize],
) -> Result<PathBuf> {
    let low = series(summary, unit, "zone_low", points);
    let high = series(summary, unit, "zone_high", points);
    let share = series(summary, unit, "share", points);
    let closed = series(summary, unit, "constrained_share", points);
    write_svg(path, |root| {
        let x_range = padded_range(x.iter().copied());
        let y_range = padded_range(
            [0.0, 1.0]
                .into_iter()
                .chain(share.iter().flatten().flat_map(|&(m, e)| [m - e, m + e])),
        );
        let area = titled(root, title)?;
        let mut entries: Vec<(String, Swatch)> = Vec::new();
        let labels = [
            "zone of agreement (R_A to 1 - R_B)",
            "A's mean agreed share (s.e.)",
            "closed-form share z*",
        ];
        let (data, key) = split_for_legend(&area, labels.into_iter());
        let mut chart = chart(&data, "", 60, x_range, y_range)?;
        axis_titles(&mut chart, (x_title, "A's share of the gains"))?;
        // The band, one polygon per run of consecutive open points.
        let band = colour(2);
        let mut labelled = false;
        let mut k = 0;
        while k < x.len() {
            let start = k;
            while k < x.len() && low[k].is_some() && high[k].is_some() {
                k += 1;
            }
            if k > start {
                let mut outline: Vec<(f64, f64)> =
                    (start..k).filter_map(|i| Some((x[i], low[i]?.0))).collect();
                outline.extend((start..k).rev().filter_map(|i| Some((x[i], high[i]?.0))));
                // A single open point is drawn as a vertical segment.
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        outline.clone(),
                        band.stroke_width(1),
                    )))
                    .map_err(|e| anyhow!("{e}"))?;
                chart
                    .draw_series(std::iter::once(Polygon::new(outline, band.mix(0.3))))
                    .map_err(|e| anyhow!("{e}"))?;
                if !labelled {
                    // The band's colour mixed with white as drawn.
                    let light = |c: u8| (f64::from(c) * 0.3 + 255.0 * 0.7) as u8;
                    let patch = RGBColor(light(band.0), light(band.1), light(band.2));
                    entries.push((labels[0].to_owned(), Swatch::Patch(patch)));
                    labelled = true;
                }
            } else {
                k += 1;
            }
        }
        let draw_line = |chart: &mut crate::plot::NumberChart<'_, '_>,
                         values: &[Option<(f64, f64)>],
                         style: RGBColor,
                         label: &str,
                         bars: bool|
         -> Result<Option<(String, Swatch)>> {
            let known: Vec<(f64, (f64, f64))> = x
                .iter()
                .zip(values)
                .filter_map(|(&x, v)| Some((x, (*v)?)))
                .collect();
            if known.is_empty() {
                return Ok(None);
            }
            chart
                .draw_series(LineSeries::new(
                    known.iter().map(|&(x, (m, _))| (x, m)),
                    style.stroke_width(2),
                ))
                .map_err(|e| anyhow!("{e}"))?;
            if bars {
                chart
                    .draw_series(known.iter().map(|&(x, (m, e))| {
                        ErrorBar::new_vertical(x, m - e, m, m + e, style.filled(), 8)
                    }))
                    .map_err(|e| anyhow!("{e}"))?;
            }
            Ok(Some((label.to_owned(), Swatch::Line(style))))
        };
        entries.extend(draw_line(&mut chart, &share, colour(0), labels[1], true)?);
        entries.extend(draw_line(&mut chart, &closed, colour(3), labels[2], false)?);
        side_legend(&key, &entries)
    })
}
