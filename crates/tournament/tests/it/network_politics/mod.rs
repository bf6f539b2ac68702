//! Two-level questions on networks (docs/structure.md, "Two-level
//! questions on networks"): politicization spreading along edges and a
//! bureaucratic network's autonomy, played in epochs of a spatial
//! tournament ([`NetworkSpread`]).
//!
//! - `rules`: the updates against hand-computed values, today's spatial
//!   tournament bit for bit when nothing moves, bounds, threads, and the
//!   file's located errors;
//! - `structure`: what the lattice, a random regular graph and the well
//!   mixed (complete) graph do to the paradox of politicization, over
//!   seeds with standard errors (`tournaments/politicization-network.ron`);
//! - `autonomy`: what a bureaucratic network's autonomy does to
//!   politician-led states, with and without it, sparse and well mixed,
//!   over seeds with standard errors (`tournaments/autonomy-network.ron`).
//!
//! [`NetworkSpread`]: twolevel_tournament::round_robin::NetworkSpread

mod autonomy;
mod rules;
mod structure;

use std::path::Path;

use twolevel_tournament::Tournament;

/// A shipped tournament file.
pub(crate) fn shipped(name: &str) -> Tournament {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tournaments")
        .join(name);
    Tournament::from_file(path).unwrap()
}
