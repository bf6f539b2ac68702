//! The standard families of graphs, generated from the caller's RNG.

use rand_core::Rng;
use serde::{Deserialize, Serialize};

use super::draw::{below, unit};
use super::{Graph, MAX_NODES};
use crate::error::WholeRange;
use crate::error::{ParameterError, check_unit_interval};

/// Which cells of a square lattice are a cell's neighbours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Neighbourhood {
    /// The four cells sharing a side (k = 4).
    #[default]
    VonNeumann,
    /// The eight cells sharing a side or a corner (k = 8).
    Moore,
}

/// A family of graphs and its parameters, as a file names it (see the
/// [module documentation](super)). The random families draw from the
/// RNG handed to [`GraphSpec::generate`] only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum GraphSpec {
    /// A ring: node `i` is next to `i - 1` and `i + 1` (mod `nodes`);
    /// at least 3 nodes.
    Cycle {
        /// The number of nodes.
        #[serde(deserialize_with = "deserialize_nodes")]
        nodes: usize,
    },
    /// A `width` by `height` square lattice with periodic boundaries (a
    /// torus); node `y * width + x` is cell `(x, y)`. Both sides at least 3.
    Lattice {
        /// The number of columns.
        #[serde(deserialize_with = "deserialize_width")]
        width: usize,
        /// The number of rows.
        #[serde(deserialize_with = "deserialize_height")]
        height: usize,
        /// Von Neumann (k = 4, the default) or Moore (k = 8).
        #[serde(default)]
        neighbourhood: Neighbourhood,
    },
    /// A random `degree`-regular graph, by pairing the nodes' stubs at
    /// random and refusing self-loops and repeated edges (Steger and
    /// Wormald 1999: asymptotically uniform for a fixed degree);
    /// `nodes * degree` must be even and `degree < nodes`.
    RandomRegular {
        /// The number of nodes.
        #[serde(deserialize_with = "deserialize_nodes")]
        nodes: usize,
        /// Every node's degree.
        #[serde(deserialize_with = "deserialize_degree")]
        degree: usize,
    },
    /// The Erdős–Rényi graph G(n, p): every pair is an edge with
    /// probability `p`, drawn by geometric skips (Batagelj and Brandes
    /// 2005) in time linear in the nodes plus the edges.
    ErdosRenyi {
        /// The number of nodes.
        #[serde(deserialize_with = "deserialize_nodes")]
        nodes: usize,
        /// The probability of each edge, in [0, 1].
        p: f64,
    },
    /// The Barabási–Albert scale-free graph: a complete graph on
    /// `links + 1` nodes, then each new node joins `links` distinct nodes
    /// drawn with probability proportional to their degree.
    BarabasiAlbert {
        /// The number of nodes.
        #[serde(deserialize_with = "deserialize_nodes")]
        nodes: usize,
        /// The edges each new node brings, at least 1 and below `nodes`.
        #[serde(deserialize_with = "deserialize_links")]
        links: usize,
    },
}

/// Reads `nodes` ([`GraphSpec::NODES`]).
fn deserialize_nodes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::NODES.deserialize(d)
}

/// Reads `width` ([`GraphSpec::WIDTH`]).
fn deserialize_width<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::WIDTH.deserialize(d)
}

/// Reads `height` ([`GraphSpec::HEIGHT`]).
fn deserialize_height<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::HEIGHT.deserialize(d)
}

/// Reads `degree` ([`GraphSpec::DEGREE`]).
fn deserialize_degree<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::DEGREE.deserialize(d)
}

/// Reads `links` ([`GraphSpec::LINKS`]).
fn deserialize_links<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::LINKS.deserialize(d)
}

impl GraphSpec {
    /// The widest range of `nodes` (each family has its own least: 3 for
    /// a cycle, 2 for the random regular and scale-free graphs).
    pub const NODES: WholeRange = WholeRange::new("nodes", "nodes", 1, MAX_NODES as u64);
    /// The range of a lattice's `width`.
    pub const WIDTH: WholeRange = WholeRange::new("width", "cells", 3, MAX_NODES as u64);
    /// The range of a lattice's `height`.
    pub const HEIGHT: WholeRange = WholeRange::new("height", "cells", 3, MAX_NODES as u64);
    /// The widest range of `degree` (below `nodes`).
    pub const DEGREE: WholeRange = WholeRange::new("degree", "edges", 1, MAX_NODES as u64 - 1);
    /// The widest range of `links` (below `nodes`).
    pub const LINKS: WholeRange = WholeRange::new("links", "edges", 1, MAX_NODES as u64 - 1);
    /// Checks the parameters, naming the field at fault (`nodes`, `width`,
    /// `degree`, `p`, `links`), before anything is generated.
    pub fn check(&self) -> Result<(), ParameterError> {
        let nodes_in = |field: &str, nodes: usize, least: usize| {
            if (least..=MAX_NODES).contains(&nodes) {
                Ok(())
            } else {
                Err(ParameterError::new(
                    field,
                    format!("expected from {least} to {MAX_NODES} nodes, got {nodes}"),
                ))
            }
        };
        match *self {
            GraphSpec::Cycle { nodes } => nodes_in("nodes", nodes, 3),
            GraphSpec::Lattice { width, height, .. } => {
                for (field, side) in [("width", width), ("height", height)] {
                    if side < 3 {
                        return Err(ParameterError::new(
                            field,
                            format!(
                                "expected at least 3 cells a side (fewer would make a cell \
                                 its own neighbour or repeat a neighbour), got {side}"
                            ),
                        ));
                    }
                }
                match width.checked_mul(height) {
                    Some(nodes) if nodes <= MAX_NODES => Ok(()),
                    _ => Err(ParameterError::new(
                        "height",
                        format!("expected at most {MAX_NODES} cells, got {width} x {height}"),
                    )),
                }
            }
            GraphSpec::RandomRegular { nodes, degree } => {
                nodes_in("nodes", nodes, 2)?;
                if degree == 0 || degree >= nodes {
                    return Err(ParameterError::new(
                        "degree",
                        format!(
                            "expected a degree from 1 to {} (nodes - 1), got {degree}",
                            nodes - 1
                        ),
                    ));
                }
                if nodes % 2 == 1 && degree % 2 == 1 {
                    return Err(ParameterError::new(
                        "degree",
                        format!(
                            "{nodes} nodes of odd degree {degree} have an odd number of edge ends; \
                             make nodes or degree even"
                        ),
                    ));
                }
                Ok(())
            }
            GraphSpec::ErdosRenyi { nodes, p } => {
                nodes_in("nodes", nodes, 1)?;
                check_unit_interval("p", p).map(|_| ())
            }
            GraphSpec::BarabasiAlbert { nodes, links } => {
                nodes_in("nodes", nodes, 2)?;
                if links == 0 || links >= nodes {
                    return Err(ParameterError::new(
                        "links",
                        format!(
                            "expected from 1 to {} (nodes - 1) links, got {links}",
                            nodes - 1
                        ),
                    ));
                }
                Ok(())
            }
        }
    }

    /// The number of nodes the graph will have.
    #[must_use]
    pub fn node_count(&self) -> usize {
        match *self {
            GraphSpec::Cycle { nodes }
            | GraphSpec::RandomRegular { nodes, .. }
            | GraphSpec::ErdosRenyi { nodes, .. }
            | GraphSpec::BarabasiAlbert { nodes, .. } => nodes,
            GraphSpec::Lattice { width, height, .. } => width.saturating_mul(height),
        }
    }

    /// The number of edges the graph will have (exactly, or for G(n, p)
    /// the mean plus six standard deviations), as a float so that it
    /// cannot overflow: what a memory check needs before generating.
    #[must_use]
    pub fn expected_edges(&self) -> f64 {
        let n = self.node_count() as f64;
        match *self {
            GraphSpec::Cycle { .. } => n,
            GraphSpec::Lattice { neighbourhood, .. } => match neighbourhood {
                Neighbourhood::VonNeumann => 2.0 * n,
                Neighbourhood::Moore => 4.0 * n,
            },
            GraphSpec::RandomRegular { degree, .. } => n * degree as f64 / 2.0,
            GraphSpec::ErdosRenyi { p, .. } => {
                let pairs = n * (n - 1.0) / 2.0;
                let mean = pairs * p;
                (mean + 6.0 * (mean * (1.0 - p)).sqrt()).min(pairs)
            }
            GraphSpec::BarabasiAlbert { links, .. } => {
                let m = links as f64;
                m * (m + 1.0) / 2.0 + (n - m - 1.0) * m
            }
        }
    }

    /// Generates the graph, drawing from `rng` only (the cycle and the
    /// lattice draw nothing).
    ///
    /// Fails as [`GraphSpec::check`] does, or, naming `degree`, when no
    /// random regular graph was found in 100 attempts (a degree close to
    /// the number of nodes).
    pub fn generate<R: Rng + ?Sized>(&self, rng: &mut R) -> Result<Graph, ParameterError> {
        self.check()?;
        let edges = match *self {
            GraphSpec::Cycle { nodes } => (0..nodes)
                .map(|i| (i as u32, ((i + 1) % nodes) as u32))
                .collect(),
            GraphSpec::Lattice {
                width,
                height,
                neighbourhood,
            } => lattice_edges(width, height, neighbourhood),
            GraphSpec::RandomRegular { nodes, degree } => random_regular(nodes, degree, rng)?,
            GraphSpec::ErdosRenyi { nodes, p } => erdos_renyi(nodes, p, rng),
            GraphSpec::BarabasiAlbert { nodes, links } => barabasi_albert(nodes, links, rng),
        };
        let graph = Graph::from_edges(self.node_count(), &edges)?;
        Ok(match *self {
            GraphSpec::Lattice { width, height, .. } => graph.with_grid(width, height),
            _ => graph,
        })
    }
}

/// The edges of a periodic lattice: each cell links to its right and lower
/// neighbours (and, for Moore, its two lower diagonals), so each edge is
/// listed once.
fn lattice_edges(width: usize, height: usize, neighbourhood: Neighbourhood) -> Vec<(u32, u32)> {
    let cell = |x: usize, y: usize| ((y % height) * width + (x % width)) as u32;
    let mut edges = Vec::with_capacity(width * height * 4);
    for y in 0..height {
        for x in 0..width {
            let here = cell(x, y);
            edges.push((here, cell(x + 1, y)));
            edges.push((here, cell(x, y + 1)));
            if neighbourhood == Neighbourhood::Moore {
                edges.push((here, cell(x + 1, y + 1)));
                edges.push((here, cell(x + width - 1, y + 1)));
            }
        }
    }
    edges
}

/// A random regular graph by random stub pairing with refusals, restarting
/// when the remaining stubs cannot be paired.
fn random_regular<R: Rng + ?Sized>(
    nodes: usize,
    degree: usize,
    rng: &mut R,
) -> Result<Vec<(u32, u32)>, ParameterError> {
    const ATTEMPTS: usize = 100;
    let mut adjacency = vec![0u32; nodes * degree];
    let mut filled = vec![0usize; nodes];
    let mut stubs: Vec<u32> = Vec::with_capacity(nodes * degree);
    'attempt: for _ in 0..ATTEMPTS {
        filled.iter_mut().for_each(|f| *f = 0);
        stubs.clear();
        for node in 0..nodes {
            stubs.extend(std::iter::repeat_n(node as u32, degree));
        }
        let mut edges = Vec::with_capacity(nodes * degree / 2);
        while !stubs.is_empty() {
            let mut paired = false;
            // Many refusals in a row mean the rest cannot be paired.
            for _ in 0..(50 + 4 * stubs.len()) {
                let len = stubs.len() as u32;
                let (a, b) = (below(rng, len) as usize, below(rng, len) as usize);
                let (u, v) = (stubs[a], stubs[b]);
                let row = &adjacency[u as usize * degree..u as usize * degree + filled[u as usize]];
                if a == b || u == v || row.contains(&v) {
                    continue;
                }
                adjacency[u as usize * degree + filled[u as usize]] = v;
                filled[u as usize] += 1;
                adjacency[v as usize * degree + filled[v as usize]] = u;
                filled[v as usize] += 1;
                edges.push((u, v));
                // Remove the larger index first, so the smaller stays put.
                let (first, second) = if a > b { (a, b) } else { (b, a) };
                stubs.swap_remove(first);
                stubs.swap_remove(second);
                paired = true;
                break;
            }
            if !paired {
                continue 'attempt;
            }
        }
        return Ok(edges);
    }
    Err(ParameterError::new(
        "degree",
        format!(
            "no simple {degree}-regular graph on {nodes} nodes was found in {ATTEMPTS} attempts; \
             use a smaller degree"
        ),
    ))
}

/// G(n, p) by geometric skips over the pairs `(v, w)` with `w < v`.
fn erdos_renyi<R: Rng + ?Sized>(nodes: usize, p: f64, rng: &mut R) -> Vec<(u32, u32)> {
    let mut edges = Vec::new();
    if p <= 0.0 || nodes < 2 {
        return edges;
    }
    if p >= 1.0 {
        for v in 1..nodes {
            for w in 0..v {
                edges.push((w as u32, v as u32));
            }
        }
        return edges;
    }
    let log_q = (1.0 - p).ln();
    let (mut v, mut w) = (1usize, -1i64);
    while v < nodes {
        let r = unit(rng);
        // 1 - r is in (0, 1], so its logarithm is finite.
        let skip = ((1.0 - r).ln() / log_q).floor();
        w += 1 + if skip < 1e18 {
            skip as i64
        } else {
            i64::MAX / 4
        };
        while v < nodes && w >= v as i64 {
            w -= v as i64;
            v += 1;
        }
        if v < nodes {
            edges.push((w as u32, v as u32));
        }
    }
    edges
}

/// Barabási–Albert preferential attachment through the list of edge ends
/// (a node appears once per edge it has).
fn barabasi_albert<R: Rng + ?Sized>(nodes: usize, links: usize, rng: &mut R) -> Vec<(u32, u32)> {
    let mut edges = Vec::with_capacity(links * nodes);
    let mut ends: Vec<u32> = Vec::with_capacity(2 * links * nodes);
    for v in 0..=links {
        for w in 0..v {
            edges.push((w as u32, v as u32));
            ends.push(w as u32);
            ends.push(v as u32);
        }
    }
    let mut chosen: Vec<u32> = Vec::with_capacity(links);
    for v in links + 1..nodes {
        chosen.clear();
        while chosen.len() < links {
            let target = ends[below(rng, ends.len() as u32) as usize];
            if !chosen.contains(&target) {
                chosen.push(target);
            }
        }
        for &target in &chosen {
            edges.push((target, v as u32));
            ends.push(target);
            ends.push(v as u32);
        }
    }
    edges
}
