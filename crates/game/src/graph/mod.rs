//! Graphs for structured populations: who meets whom.
//!
//! A [`Graph`] is an undirected simple graph (no self-loops, no repeated
//! edges) on nodes `0..n`, stored as compressed sparse rows: one offset a
//! node and one entry an edge end, so its memory is linear in the nodes
//! plus the edges ([`Graph::memory_bytes`]). Each node's neighbours are
//! sorted, so a graph built from the same edges in any order is the same
//! graph. Nodes may carry named numeric attributes (a state's political
//! weight, its politicization) and labels.
//!
//! [`GraphSpec`] names the standard families (cycle, square lattice with
//! von Neumann or Moore neighbourhoods, random regular, Erdős–Rényi,
//! Barabási–Albert) and generates them from the caller's RNG, so that a
//! file and a seed give the same graph everywhere. Like a strategy, a
//! generator draws only from the RNG it is handed; this crate makes none.
//!
//! ```
//! use twolevel_game::graph::{Graph, GraphSpec, Neighbourhood};
//!
//! let lattice = GraphSpec::Lattice { width: 10, height: 10, neighbourhood: Neighbourhood::VonNeumann };
//! # struct Counter(u64);
//! # impl rand_core::TryRng for Counter {
//! #     type Error = core::convert::Infallible;
//! #     fn try_next_u32(&mut self) -> Result<u32, Self::Error> { Ok(self.try_next_u64()? as u32) }
//! #     fn try_next_u64(&mut self) -> Result<u64, Self::Error> { self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); Ok(self.0) }
//! #     fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> { for b in dst { *b = self.try_next_u32()? as u8; } Ok(()) }
//! # }
//! let graph = lattice.generate(&mut Counter(7))?;
//! assert_eq!(graph.node_count(), 100);
//! assert_eq!(graph.edge_count(), 200);
//! assert!(graph.neighbours(0).iter().all(|&j| graph.degree(j as usize) == 4));
//! let pair = Graph::from_edges(2, &[(0, 1)])?;
//! assert_eq!(pair.neighbours(1), &[0]);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

mod draw;
mod generate;

pub use draw::{below, unit};
pub use generate::{GraphSpec, Neighbourhood};

use serde::{Deserialize, Serialize};

use crate::error::{ParameterError, check_finite};

/// The most nodes a graph may have: node numbers are stored in 32 bits.
pub const MAX_NODES: usize = u32::MAX as usize;

/// An undirected simple graph in compressed sparse rows (see the
/// [module documentation](self)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    /// `offsets[i]..offsets[i + 1]` is node `i`'s range in `targets`.
    offsets: Vec<usize>,
    /// Every node's neighbours, sorted within a node.
    targets: Vec<u32>,
    /// Named numeric attributes, one value a node.
    attributes: Vec<(String, Vec<f64>)>,
    /// The nodes' labels, if the graph was read with labels.
    labels: Option<Vec<String>>,
    /// The width and height of a square lattice, when generated as one.
    grid: Option<(usize, usize)>,
}

impl Graph {
    /// The graph on `nodes` nodes with the undirected `edges` (in any order
    /// and orientation).
    ///
    /// Fails, naming `edges`, on a node out of range, a self-loop or an
    /// edge given twice; naming `nodes` when there are none or more than
    /// [`MAX_NODES`].
    pub fn from_edges(nodes: usize, edges: &[(u32, u32)]) -> Result<Graph, ParameterError> {
        if nodes == 0 || nodes > MAX_NODES {
            return Err(ParameterError::new(
                "nodes",
                format!("expected from 1 to {MAX_NODES} nodes, got {nodes}"),
            ));
        }
        let mut degrees = vec![0usize; nodes + 1];
        for (k, &(a, b)) in edges.iter().enumerate() {
            for end in [a, b] {
                if end as usize >= nodes {
                    return Err(ParameterError::new(
                        format!("edges[{k}]"),
                        format!(
                            "node {end} is out of range: the graph has nodes 0 to {}",
                            nodes - 1
                        ),
                    ));
                }
            }
            if a == b {
                return Err(ParameterError::new(
                    format!("edges[{k}]"),
                    format!("a node cannot be its own neighbour (edge {a}-{b})"),
                ));
            }
            degrees[a as usize + 1] += 1;
            degrees[b as usize + 1] += 1;
        }
        for i in 0..nodes {
            degrees[i + 1] += degrees[i];
        }
        let offsets = degrees;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; 2 * edges.len()];
        for &(a, b) in edges {
            targets[fill[a as usize]] = b;
            fill[a as usize] += 1;
            targets[fill[b as usize]] = a;
            fill[b as usize] += 1;
        }
        for i in 0..nodes {
            let row = &mut targets[offsets[i]..offsets[i + 1]];
            row.sort_unstable();
            if let Some(pair) = row.windows(2).find(|pair| pair[0] == pair[1]) {
                let repeated = pair[0];
                let k = edges
                    .iter()
                    .enumerate()
                    .filter(|&(_, &(a, b))| {
                        (a, b) == (i as u32, repeated) || (b, a) == (i as u32, repeated)
                    })
                    .map(|(k, _)| k)
                    .nth(1)
                    .unwrap_or(0);
                return Err(ParameterError::new(
                    format!("edges[{k}]"),
                    format!("the edge {i}-{repeated} is given more than once"),
                ));
            }
        }
        Ok(Graph {
            offsets,
            targets,
            attributes: Vec::new(),
            labels: None,
            grid: None,
        })
    }

    /// The same graph with the attribute `name`, one finite value a node.
    ///
    /// Fails, naming `attributes.NAME`, when the values are not one a node
    /// or one is not finite, or when the name is already taken.
    pub fn with_attribute(mut self, name: &str, values: Vec<f64>) -> Result<Graph, ParameterError> {
        let field = format!("attributes.{name}");
        if values.len() != self.node_count() {
            return Err(ParameterError::new(
                field,
                format!(
                    "expected one value a node ({}), got {}",
                    self.node_count(),
                    values.len()
                ),
            ));
        }
        for (i, &value) in values.iter().enumerate() {
            check_finite(&format!("{field}[{i}]"), value)?;
        }
        if self.attribute(name).is_some() {
            return Err(ParameterError::new(field, "the attribute is given twice"));
        }
        self.attributes.push((name.to_owned(), values));
        Ok(self)
    }

    /// The same graph with a label a node.
    ///
    /// Fails, naming `labels`, when the labels are not one a node.
    pub fn with_labels(mut self, labels: Vec<String>) -> Result<Graph, ParameterError> {
        if labels.len() != self.node_count() {
            return Err(ParameterError::new(
                "labels",
                format!(
                    "expected one label a node ({}), got {}",
                    self.node_count(),
                    labels.len()
                ),
            ));
        }
        self.labels = Some(labels);
        Ok(self)
    }

    /// The number of nodes.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The number of (undirected) edges.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }

    /// Node `node`'s neighbours, sorted. Panics when `node` is out of range
    /// (as slice indexing does).
    #[inline]
    #[must_use]
    pub fn neighbours(&self, node: usize) -> &[u32] {
        &self.targets[self.offsets[node]..self.offsets[node + 1]]
    }

    /// Node `node`'s number of neighbours.
    #[inline]
    #[must_use]
    pub fn degree(&self, node: usize) -> usize {
        self.offsets[node + 1] - self.offsets[node]
    }

    /// The mean degree `k = 2 E / N`.
    #[must_use]
    pub fn mean_degree(&self) -> f64 {
        self.targets.len() as f64 / self.node_count() as f64
    }

    /// The degree every node has, if the graph is regular.
    #[must_use]
    pub fn regular_degree(&self) -> Option<usize> {
        let first = self.degree(0);
        (1..self.node_count())
            .all(|i| self.degree(i) == first)
            .then_some(first)
    }

    /// Every edge once, as `(i, j)` with `i < j`, in order of `i` then `j`.
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.node_count()).flat_map(move |i| {
            self.neighbours(i)
                .iter()
                .map(|&j| j as usize)
                .filter(move |&j| i < j)
                .map(move |j| (i, j))
        })
    }

    /// Whether `i` and `j` are neighbours (a binary search of `i`'s row).
    #[must_use]
    pub fn has_edge(&self, i: usize, j: usize) -> bool {
        j <= u32::MAX as usize && self.neighbours(i).binary_search(&(j as u32)).is_ok()
    }

    /// The attribute `name`, one value a node, if the graph has it.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Option<&[f64]> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, values)| values.as_slice())
    }

    /// The names of the graph's attributes, in the order they were added.
    pub fn attribute_names(&self) -> impl Iterator<Item = &str> {
        self.attributes.iter().map(|(name, _)| name.as_str())
    }

    /// The width and height of a square lattice generated by
    /// [`GraphSpec::Lattice`] (node `y * width + x` is cell `(x, y)`), for
    /// drawing it as an image; `None` for any other graph.
    #[must_use]
    pub fn grid(&self) -> Option<(usize, usize)> {
        self.grid
    }

    /// The same graph marked as a `width` by `height` grid (see
    /// [`Graph::grid`]); ignored unless the sizes multiply to the number
    /// of nodes.
    #[must_use]
    pub(crate) fn with_grid(mut self, width: usize, height: usize) -> Graph {
        if width.checked_mul(height) == Some(self.node_count()) {
            self.grid = Some((width, height));
        }
        self
    }

    /// The nodes' labels, if the graph has them.
    #[must_use]
    pub fn labels(&self) -> Option<&[String]> {
        self.labels.as_deref()
    }

    /// The memory a graph of `nodes` nodes and `edges` edges takes (in
    /// bytes, as a float so that it cannot overflow): an offset a node and
    /// two 4-byte ends an edge, without attributes or labels.
    #[must_use]
    pub fn memory_bytes(nodes: f64, edges: f64) -> f64 {
        8.0 * (nodes + 1.0) + 8.0 * edges
    }
}
