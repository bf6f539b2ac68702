//! [`GraphPopulation`]: one strategy a node, the payoffs and fitnesses they
//! give, and one update of the dynamics at a time.
//!
//! Each node keeps how many of its neighbours play each strategy, so its
//! payoff is a sum over strategies (`O(S)`), computed afresh, never
//! accumulated: after any number of updates the payoffs are exactly those
//! of the current state, with no rounding drift. When a node changes
//! strategy, only its own payoff and its neighbours' are recomputed (and
//! their fitnesses, so the update rules read fitnesses and never evaluate
//! the fitness map). No update allocates.

use rand_core::Rng;
use twolevel_game::ParameterError;
use twolevel_game::graph::{Graph, below, unit};

use super::{GraphDynamics, PayoffScale, UpdateRule};
use crate::evolution::PayoffTable;

/// A population on a graph under a [`GraphDynamics`]: one strategy a
/// node, and for each node how many of its neighbours play each strategy,
/// so that its payoff is computed afresh from the counts (exact, no drift)
/// and a change of strategy recomputes only the node's and its
/// neighbours' payoffs and fitnesses. No update allocates.
#[derive(Clone, Debug)]
pub struct GraphPopulation<'g> {
    graph: &'g Graph,
    dynamics: GraphDynamics,
    /// The payoff table, row-major, `strategies x strategies`.
    table: Vec<f64>,
    strategies: usize,
    states: Vec<u8>,
    /// `neighbour_counts[i * S + s]`: how many of node `i`'s neighbours play `s`.
    neighbour_counts: Vec<u32>,
    payoffs: Vec<f64>,
    fitness: Vec<f64>,
    counts: Vec<usize>,
    /// Birth-death's sum tree of the fitnesses: leaves at `leaves + i`,
    /// each inner node the sum of its two children, recomputed (not
    /// accumulated) when a leaf changes, so it never drifts. Empty under
    /// the other rules.
    tree: Vec<f64>,
    /// The number of leaves of `tree` (a power of two, at least the nodes).
    leaves: usize,
    /// The mutation probability and whether it is positive.
    mutation: f64,
}

impl<'g> GraphPopulation<'g> {
    /// Every node of `graph` playing strategy 0 of `table`, under
    /// `dynamics`.
    ///
    /// Fails, naming `payoffs`, with more than 255 strategies; naming
    /// `selection`, when some payoff a node can get would have no positive,
    /// finite fitness.
    pub fn new(
        graph: &'g Graph,
        table: &PayoffTable,
        dynamics: GraphDynamics,
    ) -> Result<Self, ParameterError> {
        let strategies = table.len();
        if strategies > usize::from(u8::MAX) + 1 {
            return Err(ParameterError::new(
                "payoffs",
                format!("expected at most 256 strategies on a graph, got {strategies}"),
            ));
        }
        let (low, high) = payoff_bounds(graph, table, dynamics.payoffs);
        dynamics.selection.check_range(low, high)?;
        let n = graph.node_count();
        let mut population = GraphPopulation {
            graph,
            dynamics,
            table: (0..strategies)
                .flat_map(|i| table.row(i).to_vec())
                .collect(),
            strategies,
            states: vec![0; n],
            neighbour_counts: vec![0; n * strategies],
            payoffs: vec![0.0; n],
            fitness: vec![0.0; n],
            counts: vec![0; strategies],
            tree: Vec::new(),
            leaves: n.next_power_of_two(),
            mutation: dynamics.mutation,
        };
        if dynamics.rule == UpdateRule::BirthDeath {
            population.tree = vec![0.0; 2 * population.leaves];
        }
        population.set_all(0);
        Ok(population)
    }

    /// Every node playing `strategy` (which must be below the number of
    /// strategies; others are clamped to the last).
    pub fn set_all(&mut self, strategy: usize) {
        let strategy = strategy.min(self.strategies - 1) as u8;
        self.states.iter_mut().for_each(|s| *s = strategy);
        self.recount();
    }

    /// Sets every node's strategy from `states` (one a node, each below
    /// the number of strategies).
    ///
    /// Fails, naming `initial`, otherwise.
    pub fn set_states(&mut self, states: &[u8]) -> Result<(), ParameterError> {
        if states.len() != self.states.len() {
            return Err(ParameterError::new(
                "initial",
                format!(
                    "expected one strategy a node ({}), got {}",
                    self.states.len(),
                    states.len()
                ),
            ));
        }
        if let Some(i) = states
            .iter()
            .position(|&s| usize::from(s) >= self.strategies)
        {
            return Err(ParameterError::new(
                format!("initial[{i}]"),
                format!(
                    "expected a strategy from 0 to {}, got {}",
                    self.strategies - 1,
                    states[i]
                ),
            ));
        }
        self.states.copy_from_slice(states);
        self.recount();
        Ok(())
    }

    /// Node `node` takes `strategy` (clamped to the last strategy), its
    /// neighbourhood's payoffs following; a node out of range is ignored.
    pub fn place(&mut self, node: usize, strategy: usize) {
        if node < self.states.len() {
            self.change(node, strategy.min(self.strategies - 1) as u8);
        }
    }

    /// Recomputes every count, payoff and fitness from the states.
    fn recount(&mut self) {
        let s = self.strategies;
        self.neighbour_counts.iter_mut().for_each(|c| *c = 0);
        self.counts.iter_mut().for_each(|c| *c = 0);
        for i in 0..self.states.len() {
            self.counts[usize::from(self.states[i])] += 1;
            for &j in self.graph.neighbours(i) {
                self.neighbour_counts[i * s + usize::from(self.states[j as usize])] += 1;
            }
        }
        for i in 0..self.states.len() {
            self.refresh(i);
        }
    }

    /// Recomputes node `i`'s payoff and fitness from its neighbour counts.
    #[inline]
    fn refresh(&mut self, i: usize) {
        let s = self.strategies;
        let row = &self.table[usize::from(self.states[i]) * s..][..s];
        let counts = &self.neighbour_counts[i * s..][..s];
        let mut payoff = 0.0;
        for (&count, &entry) in counts.iter().zip(row) {
            payoff += f64::from(count) * entry;
        }
        if self.dynamics.payoffs == PayoffScale::Averaged {
            let degree = self.graph.degree(i);
            if degree > 0 {
                payoff /= degree as f64;
            }
        }
        self.payoffs[i] = payoff;
        let fitness = self.dynamics.selection.of(payoff);
        self.fitness[i] = fitness;
        if !self.tree.is_empty() {
            let mut j = self.leaves + i;
            self.tree[j] = fitness;
            while j > 1 {
                j /= 2;
                self.tree[j] = self.tree[2 * j] + self.tree[2 * j + 1];
            }
        }
    }

    /// A node drawn with probability proportional to its fitness, by
    /// descending the sum tree (birth-death only).
    #[inline]
    fn fitness_weighted_node<R: Rng + ?Sized>(&self, rng: &mut R) -> usize {
        let mut x = unit(rng) * self.tree[1];
        let mut j = 1;
        while j < self.leaves {
            let left = self.tree[2 * j];
            // Rounding can leave x at the total: never step into a
            // subtree of zero weight (the padding leaves).
            if x < left || self.tree[2 * j + 1] <= 0.0 {
                j *= 2;
            } else {
                x -= left;
                j = 2 * j + 1;
            }
        }
        (j - self.leaves).min(self.states.len() - 1)
    }

    /// Node `i` takes strategy `new`; its neighbours' counts, payoffs and
    /// fitnesses follow.
    #[inline]
    fn change(&mut self, i: usize, new: u8) {
        let old = self.states[i];
        if old == new {
            return;
        }
        let s = self.strategies;
        self.states[i] = new;
        self.counts[usize::from(old)] -= 1;
        self.counts[usize::from(new)] += 1;
        let graph = self.graph;
        for &j in graph.neighbours(i) {
            let j = j as usize;
            self.neighbour_counts[j * s + usize::from(old)] -= 1;
            self.neighbour_counts[j * s + usize::from(new)] += 1;
            self.refresh(j);
        }
        self.refresh(i);
    }

    /// The strategy an offspring of a `parent` node takes: the parent's,
    /// or with the mutation probability a uniformly drawn one (possibly
    /// the same). Draws nothing without mutation.
    #[inline]
    fn offspring<R: Rng + ?Sized>(&self, parent: u8, rng: &mut R) -> u8 {
        if self.mutation > 0.0 && unit(rng) < self.mutation {
            below(rng, self.strategies as u32) as u8
        } else {
            parent
        }
    }

    /// A neighbour of `i` drawn with probability proportional to its
    /// fitness, or `None` for a node without neighbours.
    #[inline]
    fn fitness_weighted_neighbour<R: Rng + ?Sized>(&self, i: usize, rng: &mut R) -> Option<usize> {
        let neighbours = self.graph.neighbours(i);
        let (&last, _) = neighbours.split_last()?;
        let mut total = 0.0;
        for &j in neighbours {
            total += self.fitness[j as usize];
        }
        let mut x = unit(rng) * total;
        for &j in neighbours {
            x -= self.fitness[j as usize];
            if x < 0.0 {
                return Some(j as usize);
            }
        }
        Some(last as usize)
    }

    /// One update of the dynamics' rule (see [`UpdateRule`]).
    #[inline]
    pub fn step<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let n = self.states.len() as u32;
        match self.dynamics.rule {
            UpdateRule::DeathBirth => {
                let dead = below(rng, n) as usize;
                if let Some(parent) = self.fitness_weighted_neighbour(dead, rng) {
                    let child = self.offspring(self.states[parent], rng);
                    self.change(dead, child);
                }
            }
            UpdateRule::BirthDeath => {
                // A parent with probability proportional to fitness over
                // the whole population, in O(log N) from the sum tree.
                let parent = self.fitness_weighted_node(rng);
                let neighbours = self.graph.neighbours(parent);
                if !neighbours.is_empty() {
                    let dead = neighbours[below(rng, neighbours.len() as u32) as usize] as usize;
                    let child = self.offspring(self.states[parent], rng);
                    self.change(dead, child);
                }
            }
            UpdateRule::Imitation => {
                let learner = below(rng, n) as usize;
                let neighbours = self.graph.neighbours(learner);
                if !neighbours.is_empty() {
                    let model = neighbours[below(rng, neighbours.len() as u32) as usize] as usize;
                    let (mine, theirs) = (self.fitness[learner], self.fitness[model]);
                    if unit(rng) * (mine + theirs) < theirs {
                        let adopted = self.offspring(self.states[model], rng);
                        self.change(learner, adopted);
                    } else if self.mutation > 0.0 {
                        let kept = self.offspring(self.states[learner], rng);
                        self.change(learner, kept);
                    }
                }
            }
        }
    }

    /// `updates` updates.
    pub fn run<R: Rng + ?Sized>(&mut self, updates: u64, rng: &mut R) {
        for _ in 0..updates {
            self.step(rng);
        }
    }

    /// Updates until one strategy holds every node or `max_updates` have
    /// been made; returns the number made.
    pub fn run_to_fixation<R: Rng + ?Sized>(&mut self, max_updates: u64, rng: &mut R) -> u64 {
        let n = self.states.len();
        let mut made = 0;
        while made < max_updates && !self.counts.contains(&n) {
            self.step(rng);
            made += 1;
        }
        made
    }

    /// The strategy that holds every node, if one does.
    #[must_use]
    pub fn fixed(&self) -> Option<usize> {
        self.counts.iter().position(|&c| c == self.states.len())
    }

    /// Every node's strategy.
    #[must_use]
    pub fn states(&self) -> &[u8] {
        &self.states
    }

    /// Every node's payoff (accumulated or averaged over its neighbours,
    /// as the dynamics says), in the payoff table's currency.
    #[must_use]
    pub fn payoffs(&self) -> &[f64] {
        &self.payoffs
    }

    /// How many nodes play each strategy.
    #[must_use]
    pub fn counts(&self) -> &[usize] {
        &self.counts
    }

    /// The graph.
    #[must_use]
    pub fn graph(&self) -> &'g Graph {
        self.graph
    }
}

/// The smallest and largest payoff any node of `graph` can get from
/// `table`: a degree times an entry (accumulated), or an entry (averaged),
/// and 0 for a node without neighbours.
pub(super) fn payoff_bounds(graph: &Graph, table: &PayoffTable, scale: PayoffScale) -> (f64, f64) {
    let (min_entry, max_entry) = table.range();
    let (mut min_degree, mut max_degree) = (usize::MAX, 0);
    for i in 0..graph.node_count() {
        let d = graph.degree(i);
        min_degree = min_degree.min(d);
        max_degree = max_degree.max(d);
    }
    let (low_degree, high_degree) = match scale {
        PayoffScale::Accumulated => (min_degree as f64, max_degree as f64),
        PayoffScale::Averaged => (1.0, 1.0),
    };
    let candidates = [
        min_entry * low_degree,
        min_entry * high_degree,
        max_entry * low_degree,
        max_entry * high_degree,
        0.0,
    ];
    let low = candidates.iter().copied().fold(f64::INFINITY, f64::min);
    let high = candidates.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // Without an isolated node, 0 is no payoff anyone gets.
    if min_degree > 0 {
        let without_zero = &candidates[..4];
        return (
            without_zero.iter().copied().fold(f64::INFINITY, f64::min),
            without_zero
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max),
        );
    }
    (low, high)
}
