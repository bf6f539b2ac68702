//! SVG plots of a population on a graph (docs/structure.md), drawn with
//! `plot`'s SVG writer and palette:
//!
//! - `graph_lattice.svg`: a square lattice as an image, one cell a node,
//!   coloured by strategy (a graph generated as a `Lattice`);
//! - `graph_network.svg`: a small network (at most [`MAX_NETWORK_NODES`]
//!   nodes) with its nodes on a circle, coloured by strategy, and its
//!   edges;
//! - `graph_payoffs.svg`: each node's payoff per turn averaged over its
//!   neighbours (policy currency), against its degree.
//!
//! A spatial tournament ([`spatial_plots`]) colours a node by its
//! player's strategy; a spread ([`network_plots`]) draws the final
//! politicization map and the levels and cooperation over its epochs.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use plotters::prelude::*;
use twolevel_game::graph::Graph;
use twolevel_tournament::RoundRobin;
use twolevel_tournament::round_robin::{NetworkResults, NetworkRule, SpatialResults};

use crate::plot::{axis_titles, chart, colour, lines, padded_range, viridis, write_svg};

/// The most nodes a network plot draws: more cannot be told apart.
pub const MAX_NETWORK_NODES: usize = 400;

/// `states[i]`, the strategy of node `i`, as an index into `names`.
pub struct Colouring<'a> {
    /// The strategy of each node.
    pub states: &'a [usize],
    /// The strategies' names, for the legend.
    pub names: &'a [String],
}

/// Draws the legend: one coloured square a strategy, top left.
fn legend_boxes(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    names: &[String],
) -> Result<()> {
    for (k, name) in names.iter().enumerate() {
        let y = 40 + 22 * k as i32;
        root.draw(&Rectangle::new([(12, y), (26, y + 14)], colour(k).filled()))
            .map_err(|e| anyhow!("{e}"))?;
        root.draw(&Text::new(name.clone(), (32, y), ("sans-serif", 14)))
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

/// Draws a `width` by `height` lattice as an image right of the legend,
/// cell `(x, y)` being node `y * width + x`, filled with `fill(node)`.
fn draw_lattice(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    (width, height): (usize, usize),
    nodes: usize,
    fill: &dyn Fn(usize) -> RGBColor,
) -> Result<()> {
    // The image fills a square area right of the legend.
    let (left, top, side) = (220.0, 36.0, 510.0);
    let cell = side / width.max(height) as f64;
    for i in 0..nodes.min(width * height) {
        let (x, y) = ((i % width) as f64, (i / width) as f64);
        let corner = |dx: f64, dy: f64| {
            (
                (left + (x + dx) * cell).round() as i32,
                (top + (y + dy) * cell).round() as i32,
            )
        };
        root.draw(&Rectangle::new(
            [corner(0.0, 0.0), corner(1.0, 1.0)],
            fill(i).filled(),
        ))
        .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

/// A `width` by `height` lattice as an image, cell `(x, y)` being node
/// `y * width + x`, coloured by strategy.
pub fn lattice_image(
    path: &Path,
    title: &str,
    grid: (usize, usize),
    colouring: &Colouring<'_>,
) -> Result<PathBuf> {
    write_svg(path, |root| {
        root.draw(&Text::new(title.to_owned(), (200, 8), ("sans-serif", 18)))
            .map_err(|e| anyhow!("{e}"))?;
        legend_boxes(root, colouring.names)?;
        draw_lattice(root, grid, colouring.states.len(), &|i| {
            colour(colouring.states[i])
        })
    })
}

/// Draws a network with its nodes on a circle, filled with `fill(node)`,
/// and its edges.
fn draw_network(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    graph: &Graph,
    fill: &dyn Fn(usize) -> RGBColor,
) -> Result<()> {
    let n = graph.node_count();
    let (cx, cy, radius) = (560.0, 290.0, 240.0);
    let place = |i: usize| {
        let angle = std::f64::consts::TAU * i as f64 / n as f64;
        (
            (cx + radius * angle.cos()).round() as i32,
            (cy + radius * angle.sin()).round() as i32,
        )
    };
    let dot = if n > 100 { 3 } else { 7 };
    for (i, j) in graph.edges() {
        root.draw(&PathElement::new(vec![place(i), place(j)], BLACK.mix(0.3)))
            .map_err(|e| anyhow!("{e}"))?;
    }
    for i in 0..n {
        root.draw(&Circle::new(place(i), dot, fill(i).filled()))
            .map_err(|e| anyhow!("{e}"))?;
    }
    Ok(())
}

/// A small network with its nodes on a circle, coloured by strategy, and
/// its edges; `None` when the graph has more than [`MAX_NETWORK_NODES`]
/// nodes.
pub fn network_plot(
    path: &Path,
    title: &str,
    graph: &Graph,
    colouring: &Colouring<'_>,
) -> Result<Option<PathBuf>> {
    if graph.node_count() > MAX_NETWORK_NODES {
        return Ok(None);
    }
    write_svg(path, |root| {
        root.draw(&Text::new(title.to_owned(), (200, 8), ("sans-serif", 18)))
            .map_err(|e| anyhow!("{e}"))?;
        legend_boxes(root, colouring.names)?;
        draw_network(root, graph, &|i| colour(colouring.states[i]))
    })
    .map(Some)
}

/// A graph coloured by a number per node in [0, 1] (viridis: dark at 0,
/// light at 1), as a lattice image or a network on a circle; `None` for a
/// network of more than [`MAX_NETWORK_NODES`] nodes.
pub fn shaded_graph(
    path: &Path,
    title: &str,
    graph: &Graph,
    values: &[f64],
) -> Result<Option<PathBuf>> {
    if graph.grid().is_none() && graph.node_count() > MAX_NETWORK_NODES {
        return Ok(None);
    }
    let fill = |i: usize| viridis(values.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0));
    write_svg(path, |root| {
        root.draw(&Text::new(title.to_owned(), (200, 8), ("sans-serif", 18)))
            .map_err(|e| anyhow!("{e}"))?;
        // The scale: five swatches from 0 to 1.
        for k in 0..=4 {
            let v = f64::from(k) / 4.0;
            let y = 40 + 22 * k;
            root.draw(&Rectangle::new(
                [(12, y), (26, y + 14)],
                viridis(v).filled(),
            ))
            .map_err(|e| anyhow!("{e}"))?;
            root.draw(&Text::new(format!("{v:.2}"), (32, y), ("sans-serif", 14)))
                .map_err(|e| anyhow!("{e}"))?;
        }
        match graph.grid() {
            Some(grid) => draw_lattice(root, grid, graph.node_count(), &fill),
            None => draw_network(root, graph, &fill),
        }
    })
    .map(Some)
}

/// Each node's averaged payoff against its degree, coloured by strategy.
fn payoffs_by_degree(
    path: &Path,
    spatial: &SpatialResults,
    colouring: &Colouring<'_>,
) -> Result<PathBuf> {
    let degrees: Vec<f64> = spatial.degree.iter().map(|&d| d as f64).collect();
    let payoffs = &spatial.averaged.policy;
    write_svg(path, |root| {
        let mut chart = chart(
            root,
            "Each node's policy payoff per turn, mean over its neighbours",
            60,
            padded_range(degrees.iter().copied()),
            padded_range(payoffs.iter().copied()),
        )?;
        axis_titles(&mut chart, ("degree", "policy payoff per turn"))?;
        for (k, name) in colouring.names.iter().enumerate() {
            let points: Vec<(f64, f64)> = (0..degrees.len())
                .filter(|&i| colouring.states[i] == k)
                .map(|i| (degrees[i], payoffs[i]))
                .collect();
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| Circle::new(p, 4, colour(k).filled())),
                )
                .map_err(|e| anyhow!("{e}"))?
                .label(name.clone())
                .legend(move |(x, y)| Circle::new((x, y), 4, colour(k).filled()));
        }
        crate::plot::legend(&mut chart)
    })
}

/// The plots of a spatial tournament: its graph (as a lattice image or a
/// network) coloured by each node's strategy, and each node's payoff
/// against its degree.
pub fn spatial_plots(
    round_robin: &RoundRobin,
    spatial: &SpatialResults,
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let Some(graph) = round_robin.graph() else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = Vec::new();
    let states: Vec<usize> = round_robin
        .entrants()
        .iter()
        .map(|entrant| {
            let name = entrant.strategy.name();
            match names.iter().position(|known| known == name) {
                Some(k) => k,
                None => {
                    names.push(name.to_owned());
                    names.len() - 1
                }
            }
        })
        .collect();
    let colouring = Colouring {
        states: &states,
        names: &names,
    };
    let mut written = Vec::new();
    match graph.grid() {
        Some(grid) => written.push(lattice_image(
            &folder.join("graph_lattice.svg"),
            "Strategies on the lattice",
            grid,
            &colouring,
        )?),
        None => written.extend(network_plot(
            &folder.join("graph_network.svg"),
            "Strategies on the network",
            graph,
            &colouring,
        )?),
    }
    written.push(payoffs_by_degree(
        &folder.join("graph_payoffs.svg"),
        spatial,
        &colouring,
    )?);
    Ok(written)
}

/// The plots of a spread (`docs/structure.md`, two-level questions on
/// networks): the final politicization map (`network_pi.svg`, a lattice
/// image or a network coloured by `pi`), with an autonomy rule the last
/// epoch's autonomy map (`network_autonomy.svg`), and the mean
/// politicization, mean autonomy and cooperation over the epochs
/// (`network_epochs.svg`).
pub fn network_plots(
    round_robin: &RoundRobin,
    network: &NetworkResults,
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let Some(graph) = round_robin.graph() else {
        return Ok(Vec::new());
    };
    let mut written = Vec::new();
    written.extend(shaded_graph(
        &folder.join("network_pi.svg"),
        "Politicization after the last epoch",
        graph,
        &network.final_politicization,
    )?);
    let autonomy = network
        .rules
        .iter()
        .any(|r| matches!(r, NetworkRule::Autonomy { .. }));
    if autonomy && let Some(last) = network.autonomy.last() {
        written.extend(shaded_graph(
            &folder.join("network_autonomy.svg"),
            "Autonomy in the last epoch",
            graph,
            last,
        )?);
    }
    let x: Vec<f64> = network.epochs.iter().map(|e| f64::from(e.epoch)).collect();
    let mut series = vec![
        (
            "mean politicization".to_owned(),
            network
                .epochs
                .iter()
                .map(|e| e.mean_politicization)
                .collect(),
        ),
        (
            "cooperation".to_owned(),
            network.epochs.iter().map(|e| e.cooperation).collect(),
        ),
    ];
    if autonomy {
        series.push((
            "mean autonomy".to_owned(),
            network.epochs.iter().map(|e| e.mean_autonomy).collect(),
        ));
    }
    written.push(lines(
        &folder.join("network_epochs.svg"),
        "Politicization and cooperation over the epochs",
        ("epoch", "share"),
        &x,
        &series,
    )?);
    Ok(written)
}
