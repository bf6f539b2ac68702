//! Evolution on graphs: a population with one strategy a node, whose
//! neighbours are the only partners and the only competitors (Lieberman,
//! Hauert and Nowak 2005; Ohtsuki, Hauert, Lieberman and Nowak 2006).
//!
//! The pieces:
//!
//! - [`GraphDynamics`]: the update rule ([`UpdateRule`]: death-birth,
//!   birth-death or imitation), how a payoff becomes a fitness (the
//!   evolution blocks' [`Selection`]), whether a node's payoff is the sum
//!   or the mean over its neighbours ([`PayoffScale`]) and the mutation
//!   probability.
//! - [`GraphPopulation`]: the state and one update at a time, with
//!   payoffs kept exact and updated in the changed node's neighbourhood
//!   only (no allocation per update).
//! - [`graph_fixation`]: the probability that one mutant takes over a
//!   resident population, estimated over seeded runs, with its standard
//!   error and the neutral `1/N` beside it.
//!
//! Payoffs come from a [`PayoffTable`] of payoffs per interaction: the
//! stage game's ([`stage_game_table`], in the policy currency or a
//! blend), the mean payoffs of played matches (a round robin's
//! [`payoff_table`](crate::evolution::payoff_table), in the currency it
//! names), or a table written out. `docs/structure.md` gives the rules and
//! the conventions.
//!
//! ```
//! use twolevel_game::graph::GraphSpec;
//! use twolevel_tournament::evolution::graph::{
//!     GraphDynamics, PayoffScale, UpdateRule, graph_fixation,
//! };
//! use twolevel_tournament::evolution::{PayoffTable, Selection, run_rng};
//!
//! let cycle = GraphSpec::Cycle { nodes: 10 }.generate(&mut run_rng(1, 0))?;
//! // Neutral drift: every mutant fixes with probability 1/N.
//! let table = PayoffTable::two_by_two(1.0, 1.0, 1.0, 1.0)?;
//! let dynamics = GraphDynamics::new(UpdateRule::DeathBirth, Selection::linear(0.0)?)
//!     .with_payoffs(PayoffScale::Averaged);
//! let estimate = graph_fixation(&cycle, &table, dynamics, 0, 1, 2000, 1_000_000, 7)?;
//! assert!((estimate.probability - 0.1).abs() < 4.0 * estimate.standard_error);
//! assert_eq!(estimate.neutral, 0.1);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

mod population;

pub use population::GraphPopulation;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use twolevel_game::error::{WholeRange, check_unit_interval};
use twolevel_game::graph::{Graph, below};
use twolevel_game::{Orientation, ParameterError, Politicization, TwoLevelGame};

use crate::evolution::{PayoffTable, Selection, run_rng};

/// Who dies and who reproduces in one update.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpdateRule {
    /// A uniformly drawn node dies; its neighbours compete for the empty
    /// place with probability proportional to fitness (Ohtsuki et al.
    /// 2006's "death-birth"; cooperation is favoured when `b/c > k`).
    #[default]
    DeathBirth,
    /// A node drawn with probability proportional to fitness over the whole
    /// population reproduces into a uniformly drawn neighbour ("birth-death";
    /// no `b/c > k` rule: cooperation is never favoured on a regular graph).
    BirthDeath,
    /// A uniformly drawn node compares itself with a uniformly drawn
    /// neighbour and adopts its strategy with probability
    /// `f_model / (f_self + f_model)`: with `Exponential(beta)` selection
    /// this is the Fermi rule `1 / (1 + exp(-beta (payoff_model -
    /// payoff_self)))` (Szabó and Tőke 1998).
    Imitation,
}

/// Whether a node's payoff is the sum or the mean of its interactions.
///
/// Both are used in the literature: Ohtsuki et al. (2006) accumulate;
/// Santos and Pacheco (2005) showed that on heterogeneous graphs the
/// choice matters (averaging removes the hubs' advantage). On a regular
/// graph of degree `k` they differ by the factor `k`, which is a change of
/// the selection intensity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PayoffScale {
    /// The sum over the neighbours (the default).
    #[default]
    Accumulated,
    /// The mean over the neighbours (0 for a node without any).
    Averaged,
}

/// The rules of evolution on a graph (see the [module
/// documentation](self)).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphDynamics {
    /// The update rule.
    #[serde(default)]
    pub rule: UpdateRule,
    /// How a payoff becomes a fitness: `Linear(w)`, `1 - w + w payoff`
    /// (weak selection for small `w`), or `Exponential(beta)`.
    #[serde(default)]
    pub selection: Selection,
    /// Accumulated (the default) or averaged payoffs.
    #[serde(default)]
    pub payoffs: PayoffScale,
    /// The probability that an offspring (or an imitator) takes a uniformly
    /// drawn strategy instead, in [0, 1]; 0 by default.
    #[serde(default)]
    pub mutation: f64,
}

impl GraphDynamics {
    /// `rule` with `selection`, accumulated payoffs and no mutation.
    #[must_use]
    pub fn new(rule: UpdateRule, selection: Selection) -> Self {
        GraphDynamics {
            rule,
            selection,
            payoffs: PayoffScale::Accumulated,
            mutation: 0.0,
        }
    }

    /// The same rules with payoffs accumulated or averaged.
    #[must_use]
    pub fn with_payoffs(mut self, payoffs: PayoffScale) -> Self {
        self.payoffs = payoffs;
        self
    }

    /// The same rules with mutation probability `mutation` in [0, 1]
    /// (the error names `mutation`).
    pub fn with_mutation(mut self, mutation: f64) -> Result<Self, ParameterError> {
        self.mutation = check_unit_interval("mutation", mutation)?;
        Ok(self)
    }

    /// Checks the fields a file may have written out of range (the
    /// mutation probability; a [`Selection`] is valid by construction).
    pub fn check(&self) -> Result<(), ParameterError> {
        check_unit_interval("mutation", self.mutation).map(|_| ())
    }
}

/// The donation game's table (cooperate = 0, defect = 1): a cooperator
/// pays `c` for its partner to get `b`, so `R = b - c`, `S = -c`, `T = b`,
/// `P = 0`. Ohtsuki et al.'s rule concerns this game.
pub fn donation_game(b: f64, c: f64) -> Result<PayoffTable, ParameterError> {
    PayoffTable::two_by_two(b - c, -c, b, 0.0)
}

/// The stage game's table for two states of political weight `w` at
/// politicization `pi` (cooperate = 0, defect = 1): each state's blended
/// utility per round, as [`TwoLevelGame::blended_matrix`] gives it. With
/// `w = 0` and `pi = 0` it is the policy (classic) payoff.
#[must_use]
pub fn stage_game_table(game: &TwoLevelGame, w: Orientation, pi: Politicization) -> PayoffTable {
    let m = game.blended_matrix(w, pi);
    PayoffTable::two_by_two(m.r(), m.s(), m.t(), m.p())
        .expect("a validated game's blended payoffs are finite")
}

/// The estimated probability that one mutant takes over
/// ([`graph_fixation`]), in numbers of runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixationEstimate {
    /// The mutant strategy (a row of the payoff table).
    pub mutant: usize,
    /// The resident strategy.
    pub resident: usize,
    /// The runs made.
    pub runs: u32,
    /// The runs in which the mutant took every node.
    pub fixed: u32,
    /// The runs stopped at the update cap before either strategy took
    /// over (counted as not fixed; the estimate is then a lower bound).
    pub unfinished: u32,
    /// `fixed / runs`.
    pub probability: f64,
    /// The binomial standard error `sqrt(p (1 - p) / runs)`.
    pub standard_error: f64,
    /// The neutral fixation probability `1/N` the estimate compares with.
    pub neutral: f64,
    /// The mean number of updates a run made.
    pub mean_updates: f64,
}

impl FixationEstimate {
    /// How many standard errors the estimate lies above the neutral `1/N`
    /// (negative below); `None` when the standard error is 0.
    #[must_use]
    pub fn z_against_neutral(&self) -> Option<f64> {
        crate::stats::z_score(self.probability, self.neutral, self.standard_error)
    }
}

/// The most runs [`graph_fixation`] accepts.
pub const MAX_FIXATION_RUNS: u32 = 100_000_000;

/// Estimates the probability that one `mutant` placed on a uniformly drawn
/// node takes over a graph of `resident`s under `dynamics` (without
/// mutation), over `runs` runs of at most `max_updates` updates each. Run
/// `r` draws from [`run_rng`]`(seed, r)`, so the estimate does not depend
/// on the number of threads.
///
/// Fails, naming the field: `graph` when it is not connected (a part
/// without the mutant could never be taken), `mutation` when the dynamics
/// mutate, `mutant`/`resident` when they are not two different rows of
/// the table, `runs` when 0 or above [`MAX_FIXATION_RUNS`], `selection`
/// when some payoff has no positive, finite fitness.
#[allow(clippy::too_many_arguments)]
pub fn graph_fixation(
    graph: &Graph,
    table: &PayoffTable,
    dynamics: GraphDynamics,
    mutant: usize,
    resident: usize,
    runs: u32,
    max_updates: u64,
    seed: u64,
) -> Result<FixationEstimate, ParameterError> {
    dynamics.check()?;
    if dynamics.mutation > 0.0 {
        return Err(ParameterError::new(
            "mutation",
            "a fixation probability is defined without mutation; set `mutation: 0.0`",
        ));
    }
    for (field, strategy) in [("mutant", mutant), ("resident", resident)] {
        if strategy >= table.len() {
            return Err(ParameterError::new(
                field,
                format!(
                    "expected a strategy from 0 to {}, got {strategy}",
                    table.len() - 1
                ),
            ));
        }
    }
    if mutant == resident {
        return Err(ParameterError::new(
            "mutant",
            "expected a strategy other than the resident",
        ));
    }
    check_runs(runs)?;
    if !is_connected(graph) {
        return Err(ParameterError::new(
            "graph",
            "expected a connected graph: a part without the mutant could never be taken over",
        ));
    }
    // Checks the selection against the table before the runs.
    GraphPopulation::new(graph, table, dynamics)?;
    let n = graph.node_count();
    let chunk = 64u32;
    let chunks = runs.div_ceil(chunk);
    let (fixed, unfinished, updates) = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let mut population =
                GraphPopulation::new(graph, table, dynamics).expect("checked before the runs");
            let (mut fixed, mut unfinished, mut updates) = (0u32, 0u32, 0u64);
            for run in c * chunk..((c + 1) * chunk).min(runs) {
                let mut rng = run_rng(seed, run);
                population.set_all(resident);
                let start = below(&mut rng, n as u32) as usize;
                population.place(start, mutant);
                updates += population.run_to_fixation(max_updates, &mut rng);
                match population.fixed() {
                    Some(s) if s == mutant => fixed += 1,
                    Some(_) => {}
                    None => unfinished += 1,
                }
            }
            (fixed, unfinished, updates)
        })
        .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let p = f64::from(fixed) / f64::from(runs);
    Ok(FixationEstimate {
        mutant,
        resident,
        runs,
        fixed,
        unfinished,
        probability: p,
        standard_error: (p * (1.0 - p) / f64::from(runs)).sqrt(),
        neutral: 1.0 / n as f64,
        mean_updates: updates as f64 / f64::from(runs),
    })
}

/// The valid numbers of fixation runs, from 1 to [`MAX_FIXATION_RUNS`]:
/// one range, so that a file's `runs` its type cannot hold and one above
/// the bound are refused in the same words.
pub(crate) const FIXATION_RUNS: WholeRange =
    WholeRange::new("runs", "runs", 1, MAX_FIXATION_RUNS as u64);

/// Checks a number of fixation runs against [`FIXATION_RUNS`] (the check
/// [`graph_fixation`] makes, and a graph-evolution or multilevel file at
/// load).
pub(crate) fn check_runs(runs: u32) -> Result<(), ParameterError> {
    FIXATION_RUNS.check(i128::from(runs)).map(|_| ())
}

/// Whether every node can be reached from node 0.
#[must_use]
pub fn is_connected(graph: &Graph) -> bool {
    let n = graph.node_count();
    let mut seen = vec![false; n];
    let mut stack = vec![0u32];
    seen[0] = true;
    let mut reached = 1;
    while let Some(i) = stack.pop() {
        for &j in graph.neighbours(i as usize) {
            if !seen[j as usize] {
                seen[j as usize] = true;
                reached += 1;
                stack.push(j);
            }
        }
    }
    reached == n
}
