//! Network reciprocity and group selection: the last two of Nowak's
//! five rules, each formula beside simulated fixation probabilities.
//!
//! Network reciprocity (Ohtsuki, Hauert, Lieberman and Nowak 2006):
//! under death-birth updating at weak selection on a regular graph of
//! degree `k`, one cooperator in the donation game fixes more often than
//! the neutral `1/N` when `b / c > k`. That rule is for large `N`; on a
//! vertex-transitive graph of `N` nodes the exact weak-selection threshold
//! is `(N - 2) / (N / k - 2)` (Chen 2013), which tends to `k`. We use the
//! cycle (`k = 2`) of [`CYCLE_NODES`] nodes with accumulated payoffs and
//! linear selection of intensity [`INTENSITY`], and a 5 x 5 periodic von
//! Neumann lattice (`k = 4`, [`LATTICE`]) at intensity
//! [`LATTICE_INTENSITY`].
//!
//! Group selection (Traulsen and Nowak 2006): `m` groups of at most `n`
//! individuals, a group splitting with probability `q` when full; at weak
//! selection and rare splitting one cooperator fixes more often than
//! `1/N` when `b / c > 1 + n / (m - 2)` (`1 + n / m` for many groups),
//! from [`twolevel_tournament::evolution::multilevel`].
//!
//! Payoffs are policy payoffs (the classic donation game, cost 1).

use rand::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::graph::{GraphSpec, Neighbourhood};
use twolevel_tournament::evolution::Selection;
use twolevel_tournament::evolution::graph::{
    FixationEstimate, GraphDynamics, UpdateRule, donation_game, graph_fixation,
};
use twolevel_tournament::evolution::multilevel::{
    Multilevel, MultilevelFixation, MultilevelParams, donation_threshold,
};

use crate::{ReproError, Size};

/// The cycle's number of nodes.
pub const CYCLE_NODES: usize = 16;
/// The degree of the cycle.
pub const DEGREE: usize = 2;
/// The intensity `w` of linear selection (fitness `1 - w + w payoff`),
/// on the graph and in the groups.
pub const INTENSITY: f64 = 0.1;
/// The benefit-to-cost ratios on the cycle (around `k = 2` and the
/// finite threshold 7/3; 2.1 lies between them: favoured by the
/// large-N rule, not on 16 nodes).
pub const NETWORK_RATIOS: [f64; 6] = [1.2, 1.6, 2.1, 3.5, 5.0, 7.0];
/// The maximum group size `n`.
pub const GROUP_SIZE: u32 = 3;
/// The number of groups `m`.
pub const GROUPS: u32 = 6;
/// The splitting probability `q` (rare splitting).
pub const SPLIT: f64 = 0.01;
/// The benefit-to-cost ratios for group selection (around the threshold
/// `1 + n / (m - 2)` = 1.75).
pub const GROUP_RATIOS: [f64; 5] = [1.1, 1.3, 2.5, 4.0, 6.0];

/// The finite-population threshold `(N - 2) / (N / k - 2)` of death-birth
/// updating on a vertex-transitive graph of `nodes` nodes and degree
/// `degree` (Chen 2013); `None` when `N / k <= 2` (no benefit is enough).
#[must_use]
pub fn finite_network_threshold(nodes: usize, degree: usize) -> Option<f64> {
    let (n, k) = (nodes as f64, degree as f64);
    (n / k > 2.0).then(|| (n - 2.0) / (n / k - 2.0))
}

/// One regular graph on which network reciprocity is shown: the graph,
/// its degree, the selection intensity and the `b / c` values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NetworkCase {
    /// The name of the case's table and figure.
    pub name: &'static str,
    /// The graph, in words, for captions and legends.
    pub label: &'static str,
    /// The graph.
    pub spec: GraphSpec,
    /// Its number of nodes.
    pub nodes: usize,
    /// Its degree `k`.
    pub degree: usize,
    /// The intensity `w` of linear selection (fitness `1 - w + w payoff`).
    pub intensity: f64,
    /// The benefit-to-cost ratios.
    pub ratios: &'static [f64],
    /// The runs per ratio at quick and at full size.
    pub runs: (u32, u32),
}

/// The 16-node cycle (`k = 2`) of [`CYCLE_NODES`] nodes.
pub const CYCLE: NetworkCase = NetworkCase {
    name: "network",
    label: "cycle",
    spec: GraphSpec::Cycle { nodes: CYCLE_NODES },
    nodes: CYCLE_NODES,
    degree: DEGREE,
    intensity: INTENSITY,
    ratios: &NETWORK_RATIOS,
    runs: (20_000, 200_000),
};

/// The side of the periodic von Neumann lattice (`k = 4`).
pub const LATTICE_SIDE: usize = 5;
/// The intensity of selection on the lattice: weaker than on the cycle,
/// because a lattice node accumulates the payoffs of four games and the
/// ratios are larger, so that `w` times the largest payoff stays below 1.
pub const LATTICE_INTENSITY: f64 = 0.02;
/// The benefit-to-cost ratios on the lattice: around `k = 4` and the
/// finite threshold 23/4.25 = 5.41 of 25 nodes (4.5 and 5 lie between
/// them: favoured by the large-N rule, not on 25 nodes; 5.25 and 5.75
/// bracket it closely).
pub const LATTICE_RATIOS: [f64; 9] = [2.0, 3.0, 4.5, 5.0, 5.25, 5.75, 6.0, 7.0, 9.0];

/// The 5 x 5 periodic von Neumann lattice (`k = 4`, 25 nodes).
pub const LATTICE: NetworkCase = NetworkCase {
    name: "network-lattice",
    label: "5 x 5 periodic von Neumann lattice",
    spec: GraphSpec::Lattice {
        width: LATTICE_SIDE,
        height: LATTICE_SIDE,
        neighbourhood: Neighbourhood::VonNeumann,
    },
    nodes: LATTICE_SIDE * LATTICE_SIDE,
    degree: 4,
    intensity: LATTICE_INTENSITY,
    ratios: &LATTICE_RATIOS,
    runs: (100_000, 2_000_000),
};

/// One cooperator's fixation probability on the cycle at each
/// [`NETWORK_RATIOS`] value (cost 1), seeds drawn from `rng`
/// ([`network_on`] of [`CYCLE`]).
pub fn network(size: Size, rng: &mut Pcg64Mcg) -> Result<Vec<(f64, FixationEstimate)>, ReproError> {
    network_on(&CYCLE, size, rng)
}

/// One cooperator's fixation probability among defectors on the graph
/// of `case` at each of its ratios (donation game, cost 1), death-birth
/// updating, over the case's runs at `size`, one seed a ratio drawn from
/// `rng`.
pub fn network_on(
    case: &NetworkCase,
    size: Size,
    rng: &mut Pcg64Mcg,
) -> Result<Vec<(f64, FixationEstimate)>, ReproError> {
    let runs: u32 = size.pick(case.runs.0, case.runs.1);
    let graph = case.spec.generate(rng)?;
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(case.intensity)?);
    let mut out = Vec::with_capacity(case.ratios.len());
    for &ratio in case.ratios {
        let table = donation_game(ratio, 1.0)?;
        let seed = rng.next_u64();
        let estimate = graph_fixation(&graph, &table, dynamics, 0, 1, runs, 10_000_000, seed)?;
        out.push((ratio, estimate));
    }
    Ok(out)
}

/// Where the simulated curve crosses the neutral `1/N`: the first pair of
/// neighbouring ratios whose estimates lie resolved (more than `z`
/// standard errors) below and above `1/N`, and the crossing by linear
/// interpolation of `rho - 1/N` between them. `None` when no such pair
/// exists (the points in between, if any, are unresolved).
#[must_use]
pub fn simulated_crossing(points: &[(f64, FixationEstimate)], z: f64) -> Option<Crossing> {
    let resolved: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|(ratio, e)| {
            let score = e.z_against_neutral()?;
            (score.abs() > z).then_some((*ratio, e.probability - e.neutral))
        })
        .collect();
    resolved.windows(2).find_map(|pair| {
        let ((low, below), (high, above)) = (pair[0], pair[1]);
        (below < 0.0 && above > 0.0).then(|| Crossing {
            below: low,
            above: high,
            interpolated: low + (high - low) * (-below) / (above - below),
        })
    })
}

/// The simulated crossing of `1/N` (see [`simulated_crossing`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crossing {
    /// The largest resolved ratio below the crossing (fixation below `1/N`).
    pub below: f64,
    /// The smallest resolved ratio above it (fixation above `1/N`).
    pub above: f64,
    /// The crossing by linear interpolation between the two.
    pub interpolated: f64,
}

/// One cooperator's fixation probability in the multilevel process at
/// each [`GROUP_RATIOS`] value (cost 1), simulated over `runs` runs and
/// exact in the rare-splitting limit, seeds drawn from `rng`.
pub fn groups(
    size: Size,
    rng: &mut Pcg64Mcg,
) -> Result<Vec<(f64, MultilevelFixation)>, ReproError> {
    let runs: u32 = size.pick(20_000, 200_000);
    let params = MultilevelParams::new(GROUP_SIZE, GROUPS, Selection::linear(INTENSITY)?, SPLIT)?;
    let mut out = Vec::with_capacity(GROUP_RATIOS.len());
    for &ratio in &GROUP_RATIOS {
        let model = Multilevel::donation(params, ratio, 1.0)?;
        let seed = rng.next_u64();
        out.push((ratio, model.fixation(0, runs, seed)?));
    }
    Ok(out)
}

/// The group-selection threshold `1 + n / (m - 2)` of the parameters used.
#[must_use]
pub fn group_threshold() -> f64 {
    donation_threshold(GROUP_SIZE, GROUPS).unwrap_or(f64::INFINITY)
}
