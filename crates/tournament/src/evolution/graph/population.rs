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
//!
//! When the strategies are few and the degrees small (two strategies on a
//! lattice: 2 x 5 x 5 cases), the counts are kept as one mixed-radix code
//! a node (its strategy and its neighbours' counts), which a change of
//! strategy moves by one addition, and every payoff and fitness a code can
//! have is computed once, with the same operations as the general path,
//! so that a refresh is one table look-up and the results are bit for bit
//! those of the general path.

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
    /// `neighbour_counts[i * S + s]`: how many of node `i`'s neighbours
    /// play `s` (empty when the codes below are used instead).
    neighbour_counts: Vec<u32>,
    /// With a look-up table: node `i`'s code, `state * R^S + sum over its
    /// neighbours of R^(S - 1 - their state)` with `R` the largest degree
    /// plus 1 (the counts as the digits of a number in base `R`, after the
    /// node's own strategy). Empty without a table.
    codes: Vec<u32>,
    /// `strides[s] = R^(S - 1 - s)`: what a neighbour playing `s` adds to
    /// a code (and `strides[S] = R^S`, what the node's own strategy adds
    /// per unit).
    strides: Vec<u32>,
    /// The payoff and fitness of every code (see [`payoff_of_counts`]), or
    /// empty when there would be more than [`MAX_CODES`] codes.
    lookup: Vec<(f64, f64)>,
    /// For every code, the strategy that all the node's neighbours play,
    /// or [`MIXED`] when they play several (or there are none): a
    /// death-birth update of a node whose neighbours all play one strategy
    /// needs no parent, only the parent's draw.
    unanimous: Vec<u8>,
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
        let CodeTable {
            strides,
            lookup,
            unanimous,
        } = code_table(graph, table, dynamics);
        let mut population = GraphPopulation {
            graph,
            dynamics,
            table: (0..strategies)
                .flat_map(|i| table.row(i).to_vec())
                .collect(),
            strategies,
            states: vec![0; n],
            neighbour_counts: if lookup.is_empty() {
                vec![0; n * strategies]
            } else {
                Vec::new()
            },
            codes: if lookup.is_empty() {
                Vec::new()
            } else {
                vec![0; n]
            },
            strides,
            lookup,
            unanimous,
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
        self.counts.iter_mut().for_each(|c| *c = 0);
        for &state in &self.states {
            self.counts[usize::from(state)] += 1;
        }
        if self.lookup.is_empty() {
            self.neighbour_counts.iter_mut().for_each(|c| *c = 0);
            for i in 0..self.states.len() {
                for &j in self.graph.neighbours(i) {
                    self.neighbour_counts[i * s + usize::from(self.states[j as usize])] += 1;
                }
            }
        } else {
            for i in 0..self.states.len() {
                let mut code = u32::from(self.states[i]) * self.strides[s];
                for &j in self.graph.neighbours(i) {
                    code += self.strides[usize::from(self.states[j as usize])];
                }
                self.codes[i] = code;
            }
        }
        for i in 0..self.states.len() {
            self.refresh(i);
        }
    }

    /// Recomputes node `i`'s payoff and fitness from its code (a table
    /// look-up) or from its neighbour counts.
    #[inline]
    fn refresh(&mut self, i: usize) {
        let (payoff, fitness) = if self.lookup.is_empty() {
            let s = self.strategies;
            let row = &self.table[usize::from(self.states[i]) * s..][..s];
            let counts = &self.neighbour_counts[i * s..][..s];
            let payoff = payoff_of_counts(row, counts, self.graph.degree(i), self.dynamics.payoffs);
            (payoff, self.dynamics.selection.of(payoff))
        } else {
            self.lookup[self.codes[i] as usize]
        };
        self.payoffs[i] = payoff;
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
    /// fitnesses follow. Most updates leave the strategy as it was: that
    /// test is inlined, the change is not.
    #[inline]
    fn change(&mut self, i: usize, new: u8) {
        if self.states[i] != new {
            self.switch(i, new);
        }
    }

    /// Node `i` switches to strategy `new` (another than its own).
    fn switch(&mut self, i: usize, new: u8) {
        let old = self.states[i];
        self.states[i] = new;
        self.counts[usize::from(old)] -= 1;
        self.counts[usize::from(new)] += 1;
        let graph = self.graph;
        if self.lookup.is_empty() {
            let s = self.strategies;
            for &j in graph.neighbours(i) {
                let j = j as usize;
                self.neighbour_counts[j * s + usize::from(old)] -= 1;
                self.neighbour_counts[j * s + usize::from(new)] += 1;
                self.refresh(j);
            }
        } else {
            // The neighbours' codes move by one digit each, the node's own
            // by its strategy (modular arithmetic: the sums stay in range).
            let shift = self.strides[usize::from(new)].wrapping_sub(self.strides[usize::from(old)]);
            let own = self.strides[self.strategies]
                .wrapping_mul(u32::from(new).wrapping_sub(u32::from(old)));
            self.codes[i] = self.codes[i].wrapping_add(own);
            for &j in graph.neighbours(i) {
                let j = j as usize;
                self.codes[j] = self.codes[j].wrapping_add(shift);
                self.refresh(j);
            }
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
        match self.dynamics.rule {
            UpdateRule::DeathBirth => self.death_birth(rng),
            UpdateRule::BirthDeath => self.birth_death(rng),
            UpdateRule::Imitation => self.imitation(rng),
        }
    }

    /// A uniformly drawn node dies; a neighbour drawn in proportion to its
    /// fitness fills the place with its offspring.
    #[inline]
    fn death_birth<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let dead = below(rng, self.states.len() as u32) as usize;
        if let Some(&code) = self.codes.get(dead) {
            let unanimous = self.unanimous[code as usize];
            if unanimous != MIXED {
                // Every neighbour plays `unanimous`, so whichever is drawn
                // the offspring is the same: the parent's draw is made (the
                // RNG's stream stays that of the general path) and not used.
                let _ = unit(rng);
                let child = self.offspring(unanimous, rng);
                self.change(dead, child);
                return;
            }
        }
        if let Some(parent) = self.fitness_weighted_neighbour(dead, rng) {
            let child = self.offspring(self.states[parent], rng);
            self.change(dead, child);
        }
    }

    /// A parent with probability proportional to fitness over the whole
    /// population, in `O(log N)` from the sum tree, replaces a uniformly
    /// drawn neighbour with its offspring.
    #[inline]
    fn birth_death<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let parent = self.fitness_weighted_node(rng);
        let neighbours = self.graph.neighbours(parent);
        if !neighbours.is_empty() {
            let dead = neighbours[below(rng, neighbours.len() as u32) as usize] as usize;
            let child = self.offspring(self.states[parent], rng);
            self.change(dead, child);
        }
    }

    /// A uniformly drawn node compares its fitness with a uniformly drawn
    /// neighbour's and adopts its strategy with probability `f_model /
    /// (f_self + f_model)`.
    #[inline]
    fn imitation<R: Rng + ?Sized>(&mut self, rng: &mut R) {
        let learner = below(rng, self.states.len() as u32) as usize;
        let neighbours = self.graph.neighbours(learner);
        if !neighbours.is_empty() {
            let model = neighbours[below(rng, neighbours.len() as u32) as usize] as usize;
            if self.mutation <= 0.0 && self.states[model] == self.states[learner] {
                // Adopting one's own strategy changes nothing: the draw is
                // made (the RNG's stream stays that of the general path),
                // the fitnesses are not read.
                let _ = unit(rng);
                return;
            }
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

    /// `updates` updates (the rule chosen once, outside the loop).
    pub fn run<R: Rng + ?Sized>(&mut self, updates: u64, rng: &mut R) {
        match self.dynamics.rule {
            UpdateRule::DeathBirth => (0..updates).for_each(|_| self.death_birth(rng)),
            UpdateRule::BirthDeath => (0..updates).for_each(|_| self.birth_death(rng)),
            UpdateRule::Imitation => (0..updates).for_each(|_| self.imitation(rng)),
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

/// The most codes (strategies times `R^S`) for which a population keeps
/// the look-up table of payoffs and fitnesses (64 KiB); beyond, payoffs
/// are summed over the neighbour counts at every refresh.
const MAX_CODES: usize = 4096;

/// A node's payoff from its row of the payoff table and its neighbours'
/// counts of each strategy: the sum of count times entry in strategy
/// order from 0, divided by the degree when averaged (and the degree is
/// positive). The general path and the look-up table both call it, so
/// they give the same bits.
#[inline]
fn payoff_of_counts(row: &[f64], counts: &[u32], degree: usize, scale: PayoffScale) -> f64 {
    let mut payoff = 0.0;
    for (&count, &entry) in counts.iter().zip(row) {
        payoff += f64::from(count) * entry;
    }
    if scale == PayoffScale::Averaged && degree > 0 {
        payoff /= degree as f64;
    }
    payoff
}

/// What [`code_table`] gives: the strides of the codes, the payoff and
/// fitness of every code and the strategy every neighbour plays, if one.
struct CodeTable {
    strides: Vec<u32>,
    lookup: Vec<(f64, f64)>,
    unanimous: Vec<u8>,
}

/// In [`GraphPopulation`]'s `unanimous`: the neighbours play several
/// strategies (or there are none). No strategy has this number when
/// codes are used (at most [`MAX_CODES`] codes, so far fewer than 255
/// strategies).
const MIXED: u8 = u8::MAX;

/// The strides of the codes, the payoff and fitness of every code and
/// whether its neighbours are unanimous (see [`GraphPopulation`]'s
/// `codes`), or empty vectors when there would be more than
/// [`MAX_CODES`] codes. A code whose digits do not sum to a degree of the
/// graph is never reached; its entry is computed all the same
/// (harmlessly).
fn code_table(graph: &Graph, table: &PayoffTable, dynamics: GraphDynamics) -> CodeTable {
    let strategies = table.len();
    let radix = (0..graph.node_count())
        .map(|i| graph.degree(i))
        .max()
        .unwrap_or(0)
        + 1;
    // R^S, or None beyond the limit.
    let mut per_state = Some(1usize);
    for _ in 0..strategies {
        per_state = per_state
            .and_then(|p| p.checked_mul(radix))
            .filter(|&p| p <= MAX_CODES);
    }
    let Some(per_state) = per_state.filter(|&p| p * strategies <= MAX_CODES) else {
        return CodeTable {
            strides: Vec::new(),
            lookup: Vec::new(),
            unanimous: Vec::new(),
        };
    };
    let mut strides = vec![0u32; strategies + 1];
    let mut stride = 1usize;
    for s in (0..strategies).rev() {
        strides[s] = stride as u32;
        stride *= radix;
    }
    strides[strategies] = per_state as u32;
    let codes = strategies * per_state;
    let mut lookup = Vec::with_capacity(codes);
    let mut unanimous = Vec::with_capacity(codes);
    let mut counts = vec![0u32; strategies];
    for code in 0..codes {
        let state = code / per_state;
        let mut rest = code % per_state;
        for s in (0..strategies).rev() {
            counts[s] = (rest % radix) as u32;
            rest /= radix;
        }
        let degree: usize = counts.iter().map(|&c| c as usize).sum();
        let payoff = payoff_of_counts(table.row(state), &counts, degree, dynamics.payoffs);
        lookup.push((payoff, dynamics.selection.of(payoff)));
        unanimous.push(
            counts
                .iter()
                .position(|&c| degree > 0 && c as usize == degree)
                .map_or(MIXED, |s| s as u8),
        );
    }
    CodeTable {
        strides,
        lookup,
        unanimous,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evolution::Selection;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::graph::{GraphSpec, Neighbourhood};

    impl GraphPopulation<'_> {
        /// The same population without the codes: every refresh sums over
        /// the neighbour counts, and death-birth always draws its parent.
        fn without_codes(mut self) -> Self {
            self.codes.clear();
            self.strides.clear();
            self.lookup.clear();
            self.unanimous.clear();
            self.neighbour_counts = vec![0; self.states.len() * self.strategies];
            self.recount();
            self
        }
    }

    /// The look-up path and the general path give the same states,
    /// payoffs and fitnesses bit for bit and leave the RNG at the same
    /// place, under every rule, with and without mutation, for two and
    /// three strategies, accumulated and averaged payoffs, both fitness
    /// maps, on a lattice and on a graph of unequal degrees.
    #[test]
    fn codes_give_the_bits_of_the_general_path() {
        let mut graph_rng = Pcg64Mcg::seed_from_u64(3);
        let graphs = [
            GraphSpec::Lattice {
                width: 8,
                height: 6,
                neighbourhood: Neighbourhood::VonNeumann,
            }
            .generate(&mut graph_rng)
            .unwrap(),
            GraphSpec::Lattice {
                width: 7,
                height: 7,
                neighbourhood: Neighbourhood::Moore,
            }
            .generate(&mut graph_rng)
            .unwrap(),
            GraphSpec::BarabasiAlbert {
                nodes: 40,
                links: 2,
            }
            .generate(&mut graph_rng)
            .unwrap(),
        ];
        let tables = [
            PayoffTable::two_by_two(2.0, -1.0, 3.0, 0.0).unwrap(),
            PayoffTable::new(vec![
                vec![1.0, 0.3, 2.5],
                vec![0.7, 1.1, 0.2],
                vec![1.9, 0.1, 0.9],
            ])
            .unwrap(),
        ];
        let mut cases = 0;
        for graph in &graphs {
            for table in &tables {
                for rule in [
                    UpdateRule::DeathBirth,
                    UpdateRule::BirthDeath,
                    UpdateRule::Imitation,
                ] {
                    for scale in [PayoffScale::Accumulated, PayoffScale::Averaged] {
                        for selection in [
                            Selection::linear(0.05).unwrap(),
                            Selection::exponential(0.3).unwrap(),
                        ] {
                            for mutation in [0.0, 0.02] {
                                let dynamics = GraphDynamics::new(rule, selection)
                                    .with_payoffs(scale)
                                    .with_mutation(mutation)
                                    .unwrap();
                                let Ok(coded) = GraphPopulation::new(graph, table, dynamics) else {
                                    continue;
                                };
                                // Three strategies on the hub graph have too
                                // many codes: that case has no look-up.
                                if coded.lookup.is_empty() {
                                    continue;
                                }
                                let mut coded = coded;
                                let mut general = coded.clone().without_codes();
                                let mut rng = Pcg64Mcg::seed_from_u64(11);
                                let start: Vec<u8> = (0..graph.node_count())
                                    .map(|_| below(&mut rng, table.len() as u32) as u8)
                                    .collect();
                                coded.set_states(&start).unwrap();
                                general.set_states(&start).unwrap();
                                let mut rng_general = rng.clone();
                                for _ in 0..40 {
                                    coded.run(250, &mut rng);
                                    general.run(250, &mut rng_general);
                                    assert_eq!(coded.states, general.states);
                                    assert_eq!(coded.counts, general.counts);
                                    let bits = |v: &[f64]| {
                                        v.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
                                    };
                                    assert_eq!(bits(&coded.payoffs), bits(&general.payoffs));
                                    assert_eq!(bits(&coded.fitness), bits(&general.fitness));
                                    assert_eq!(bits(&coded.tree), bits(&general.tree));
                                }
                                assert_eq!(rng.next_u64(), rng_general.next_u64());
                                cases += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(cases >= 100, "{cases} cases");
    }
}
