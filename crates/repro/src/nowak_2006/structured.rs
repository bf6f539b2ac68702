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
//! linear selection of intensity [`INTENSITY`].
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
use twolevel_game::graph::GraphSpec;
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

/// One cooperator's fixation probability on the cycle at each
/// [`NETWORK_RATIOS`] value (cost 1), over `runs` runs each, seeds drawn
/// from `rng`.
pub fn network(size: Size, rng: &mut Pcg64Mcg) -> Result<Vec<(f64, FixationEstimate)>, ReproError> {
    let runs: u32 = size.pick(20_000, 200_000);
    let graph = GraphSpec::Cycle { nodes: CYCLE_NODES }.generate(rng)?;
    let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(INTENSITY)?);
    let mut out = Vec::with_capacity(NETWORK_RATIOS.len());
    for &ratio in &NETWORK_RATIOS {
        let table = donation_game(ratio, 1.0)?;
        let seed = rng.next_u64();
        let estimate = graph_fixation(&graph, &table, dynamics, 0, 1, runs, 10_000_000, seed)?;
        out.push((ratio, estimate));
    }
    Ok(out)
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
