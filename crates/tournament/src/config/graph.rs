//! The graph of a spatial tournament or a structured population: a
//! generated family ([`GraphSpec`], drawn from its own seed) or an edge
//! list read from a CSV or RON file, with node attributes.
//!
//! An edge list in CSV has a header naming the columns `source` and
//! `target` (node numbers from 0), one edge a row. In RON it is a
//! [`GraphFile`]:
//!
//! ```ron
//! Graph(
//!     nodes: 4,
//!     edges: [(0, 1), (1, 2), (2, 3)],
//!     attributes: {"political_weight": [0.0, 0.5, 0.5, 1.0]},
//! )
//! ```
//!
//! Node attributes may also come from a CSV table with a `node` column
//! and one numeric column an attribute. Every error names the file, the
//! line and the column: a CSV edge at its row, a RON edge at its place in
//! the list. A graph's memory is checked against the budget
//! ([`limits`](crate::limits)) before it is generated or read.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, CsvTable, parse_ron, read_text_file};
use twolevel_game::ParameterError;
use twolevel_game::graph::{Graph, GraphSpec};

use crate::limits::check_memory;
use crate::seeding::derive_seed;

/// The coordinate a graph's generator stream is derived from, beside its
/// seed, so that it never shares a stream with a match.
const GRAPH_STREAM: u64 = 0x0067_7261_7068; // "graph" in ASCII

/// An edge list as a RON file (`Graph(..)`, see the [module
/// documentation](self)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Graph", deny_unknown_fields)]
pub struct GraphFile {
    /// The number of nodes.
    #[serde(deserialize_with = "deserialize_nodes")]
    pub nodes: usize,
    /// The undirected edges, as pairs of node numbers from 0.
    pub edges: Vec<(u32, u32)>,
    /// Named numeric attributes, one value a node.
    #[serde(default)]
    pub attributes: BTreeMap<String, Vec<f64>>,
    /// A label a node, if any.
    #[serde(default)]
    pub labels: Option<Vec<String>>,
}

/// Reads a graph file's `nodes` with the range of a generated graph's
/// ([`GraphSpec::NODES`]).
fn deserialize_nodes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    GraphSpec::NODES.deserialize(d)
}

/// Checks that a graph of `nodes` nodes and about `edges` edges fits the
/// memory budget, naming `field`.
pub fn check_graph_memory(field: &str, nodes: f64, edges: f64) -> Result<(), ParameterError> {
    check_memory(field, "the graph", Graph::memory_bytes(nodes, edges))
}

/// Generates `spec`'s graph from `seed` (the stream derived from the seed
/// and a fixed graph coordinate), after checking its parameters and its
/// memory. Errors name `spec`'s fields under `field`.
pub fn generate_graph(spec: &GraphSpec, seed: u64, field: &str) -> Result<Graph, ParameterError> {
    spec.check().map_err(|e| e.within(field))?;
    check_graph_memory(field, spec.node_count() as f64, spec.expected_edges())?;
    let mut rng = <rand_pcg::Pcg64Mcg as rand::SeedableRng>::seed_from_u64(derive_seed(
        seed,
        &[GRAPH_STREAM],
    ));
    spec.generate(&mut rng).map_err(|e| e.within(field))
}

/// Reads an edge list (a `.ron` file as [`GraphFile`], any other as CSV
/// with `source` and `target` columns) for a graph of `nodes` nodes (a
/// RON file says its own number; `None` takes it, and CSV then takes one
/// more than the largest node named).
pub fn read_edge_list(path: &Path, nodes: Option<usize>) -> Result<Graph, ConfigError> {
    let text = read_text_file(path)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        let file: GraphFile = parse_ron(&text, path)?;
        let located =
            |error: ParameterError| ConfigError::from_parameter(path, error).located_in(&text);
        if let Some(expected) = nodes
            && expected != file.nodes
        {
            return Err(located(ParameterError::new(
                "nodes",
                format!(
                    "expected one node a player ({expected}), got {}",
                    file.nodes
                ),
            )));
        }
        check_graph_memory("nodes", file.nodes as f64, file.edges.len() as f64).map_err(located)?;
        let mut graph = Graph::from_edges(file.nodes, &file.edges).map_err(located)?;
        for (name, values) in file.attributes {
            if let Some((k, value)) = out_of_unit_interval(&name, &values) {
                return Err(located(ParameterError::new(
                    "attributes",
                    format!("`{name}`[{k}]: expected a number in [0, 1], got {value}"),
                )));
            }
            graph = graph.with_attribute(&name, values).map_err(|e| {
                // The attribute's values sit under `attributes`.
                located(ParameterError::new("attributes", e.reason))
            })?;
        }
        if let Some(labels) = file.labels {
            graph = graph.with_labels(labels).map_err(located)?;
        }
        return Ok(graph);
    }
    let table = CsvTable::parse(&text, path)?;
    table.require_columns(&["source", "target"])?;
    table.refuse_unknown_columns(&["source", "target"])?;
    let mut edges = Vec::with_capacity(table.rows().len());
    for row in table.rows() {
        let mut pair = [0u32; 2];
        for (end, column) in pair.iter_mut().zip(["source", "target"]) {
            let value = row.number(column)?;
            if value < 0.0 || value.fract() != 0.0 || value > f64::from(u32::MAX - 1) {
                return Err(row.error(
                    column,
                    format!("expected a node number from 0, got {value}"),
                ));
            }
            *end = value as u32;
        }
        edges.push((pair[0], pair[1]));
    }
    let nodes = nodes.unwrap_or_else(|| {
        edges
            .iter()
            .map(|&(a, b)| a.max(b) as usize + 1)
            .max()
            .unwrap_or(0)
    });
    check_graph_memory("edges", nodes as f64, edges.len() as f64)
        .map_err(|e| ConfigError::from_parameter(path, e))?;
    Graph::from_edges(nodes, &edges).map_err(|error| {
        // `edges[k]` is row k + 1 of the table.
        let row = error
            .field
            .strip_prefix("edges[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|k| k.parse::<usize>().ok())
            .and_then(|k| table.rows().nth(k));
        match row {
            Some(row) => row.error("source", error.reason),
            None => ConfigError::from_parameter(path, error),
        }
    })
}

/// The attributes a spread reads as a state's starting level
/// (`docs/structure.md`, two-level questions on networks), each in
/// [0, 1].
pub const UNIT_ATTRIBUTES: [&str; 2] = ["politicization", "political_weight"];

/// The first value (and its node) outside [0, 1] of an attribute that
/// must lie there ([`UNIT_ATTRIBUTES`]).
fn out_of_unit_interval(name: &str, values: &[f64]) -> Option<(usize, f64)> {
    if !UNIT_ATTRIBUTES.contains(&name) {
        return None;
    }
    values
        .iter()
        .copied()
        .enumerate()
        .find(|&(_, v)| !(0.0..=1.0).contains(&v))
}

/// Adds the node attributes of the CSV table at `path` to `graph`: a
/// `node` column (node numbers from 0, each once) and one numeric column
/// an attribute; a node without a row gets 0. The attributes of
/// [`UNIT_ATTRIBUTES`] must lie in [0, 1] (errors at their cell).
pub fn read_node_attributes(path: &Path, graph: Graph) -> Result<Graph, ConfigError> {
    let table = CsvTable::from_file(path)?;
    table.require_columns(&["node"])?;
    let n = graph.node_count();
    let names: Vec<String> = table
        .header()
        .iter()
        .filter(|h| h.as_str() != "node")
        .cloned()
        .collect();
    let mut values = vec![vec![0.0; n]; names.len()];
    let mut seen = vec![false; n];
    for row in table.rows() {
        let node = row.number("node")?;
        if node < 0.0 || node.fract() != 0.0 || node >= n as f64 {
            return Err(row.error(
                "node",
                format!("expected a node number from 0 to {}, got {node}", n - 1),
            ));
        }
        let node = node as usize;
        if std::mem::replace(&mut seen[node], true) {
            return Err(row.error("node", format!("node {node} has a row already")));
        }
        for (name, column) in names.iter().zip(&mut values) {
            let value = row.number(name)?;
            if !value.is_finite() {
                return Err(row.error(name, "expected a finite number"));
            }
            if out_of_unit_interval(name, &[value]).is_some() {
                return Err(row.error(name, format!("expected a number in [0, 1], got {value}")));
            }
            column[node] = value;
        }
    }
    let mut graph = graph;
    for (name, column) in names.iter().zip(values) {
        graph = graph
            .with_attribute(name, column)
            .map_err(|e| ConfigError::invalid(path, e.field, e.reason))?;
    }
    Ok(graph)
}
