//! Finite-population processes: the frequency-dependent Moran process and
//! pairwise comparison with the Fermi rule.
//!
//! The population is held as counts per type, never as a vector of
//! individuals: a step costs `O(n)` for `n` types (plus the matches of a
//! [`SampledPayoffs`](super::SampledPayoffs) source) and allocates nothing.
//!
//! Payoffs exclude self-interaction: in a population with counts `c`, an
//! individual of type `i` meets each of the other `N - 1` individuals once,
//! so its payoff is `pi_i = (sum_j c_j a_ij - a_ii) / (N - 1)`.

use rand::RngExt;
use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;

use super::config::{Record, Selection, check_intensity};
use super::payoff::PayoffSource;

/// The update rule of a finite-population process.
///
/// An `Update` is always valid: [`Update::moran`] takes an (always valid)
/// [`Selection`], and [`Update::fermi`] and [`Update::new`] refuse, naming
/// `fermi_beta`, an imitation intensity that is not finite, is negative or
/// exceeds [`Selection::MAX_INTENSITY`]. Read it back with
/// [`Update::kind`].
///
/// ```
/// use twolevel_tournament::evolution::{Selection, Update, UpdateKind};
///
/// let update = Update::fermi(2.0)?;
/// assert_eq!(update.kind(), UpdateKind::Fermi(2.0));
/// assert_eq!(Update::moran(Selection::default()).kind(), UpdateKind::Moran(Selection::default()));
/// assert_eq!(Update::fermi(1e308).unwrap_err().field, "fermi_beta");
/// assert!(Update::fermi(f64::NAN).is_err());
/// # Ok::<(), twolevel_game::ParameterError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Update {
    /// The validated description; private so that it cannot be changed
    /// into an invalid one.
    kind: UpdateKind,
}

/// The description of an [`Update`] rule; not validated itself (an
/// [`Update`] built from it with [`Update::new`] is).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UpdateKind {
    /// Moran birth-death: a type reproduces with probability proportional
    /// to `count * fitness(payoff)`; the offspring replaces an individual
    /// chosen uniformly among all `N` (possibly its parent). With
    /// probability `mutation` the offspring is instead of a type chosen
    /// uniformly among the other `n - 1` types.
    Moran(Selection),
    /// Pairwise comparison: a focal individual chosen uniformly imitates a
    /// model chosen uniformly among the other `N - 1` individuals with
    /// probability `1 / (1 + exp(-beta (pi_model - pi_focal)))`. With
    /// probability `mutation` the focal instead switches to a type chosen
    /// uniformly among the other `n - 1` types. `beta` lies in
    /// [0, [`Selection::MAX_INTENSITY`]] in a valid update.
    Fermi(f64),
}

impl Update {
    /// Validates a description: the Moran rule is always valid (its
    /// [`Selection`] is), the Fermi rule as in [`Update::fermi`].
    pub fn new(kind: UpdateKind) -> Result<Self, ParameterError> {
        match kind {
            UpdateKind::Moran(selection) => Ok(Update::moran(selection)),
            UpdateKind::Fermi(beta) => Update::fermi(beta),
        }
    }

    /// The Moran birth-death rule with the payoff-to-fitness map
    /// `selection`.
    #[must_use]
    pub const fn moran(selection: Selection) -> Self {
        Update {
            kind: UpdateKind::Moran(selection),
        }
    }

    /// Pairwise comparison with the Fermi rule of intensity `beta`, in
    /// [0, [`Selection::MAX_INTENSITY`]] (the error names `fermi_beta`).
    pub fn fermi(beta: f64) -> Result<Self, ParameterError> {
        check_intensity("fermi_beta", beta).map(|beta| Update {
            kind: UpdateKind::Fermi(beta),
        })
    }

    /// The Fermi rule for an intensity that has already been validated (a
    /// validated [`EvolutionConfig`](super::EvolutionConfig)'s
    /// `fermi_beta`).
    pub(crate) const fn fermi_checked(beta: f64) -> Self {
        Update {
            kind: UpdateKind::Fermi(beta),
        }
    }

    /// The validated description, to match on.
    #[must_use]
    pub const fn kind(&self) -> UpdateKind {
        self.kind
    }
}

/// The parameters of one finite-population run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StochasticParams {
    /// The update rule.
    pub update: Update,
    /// The mutation probability per event, in [0, 1].
    pub mutation: f64,
    /// The maximum number of elementary steps.
    pub max_steps: u64,
    /// What to record; a generation is `N` elementary steps.
    pub record: Record,
}

/// A fixation: the whole population of one type, which with no mutation is
/// absorbing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fixation {
    /// The type that took over.
    pub winner: usize,
    /// The elementary step at which it did (0 if the run started fixed).
    pub step: u64,
}

/// The result of one finite-population run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RunOutcome {
    /// The number of types.
    pub types: usize,
    /// The population size `N`.
    pub population: u32,
    /// The elementary step of each recorded row.
    pub steps: Vec<u64>,
    /// The recorded counts, row after row (`types` per row).
    pub counts: Vec<u32>,
    /// The counts at the end of the run.
    pub final_counts: Vec<u32>,
    /// The number of elementary steps taken.
    pub steps_taken: u64,
    /// The fixation, when mutation is 0 and one type took over before the
    /// step limit.
    pub fixation: Option<Fixation>,
}

impl RunOutcome {
    /// The recorded rows as `(step, counts)`.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[u32])> + '_ {
        self.steps
            .iter()
            .copied()
            .zip(self.counts.chunks(self.types.max(1)))
    }

    /// The fixation time in generations of `N` steps, if fixed.
    #[must_use]
    pub fn fixation_generations(&self) -> Option<f64> {
        self.fixation
            .map(|f| f.step as f64 / f64::from(self.population))
    }
}

/// The state of a finite population during a run.
struct Population {
    counts: Vec<u32>,
    /// `sums[i] = sum_j counts[j] a_ij`, kept up to date incrementally.
    sums: Vec<f64>,
    /// Moran only: `counts[i] * fitness(pi_i)`.
    weights: Vec<f64>,
    total_weight: f64,
    size: u32,
    inv_others: f64,
}

impl Population {
    fn new(counts: Vec<u32>) -> Self {
        let n = counts.len();
        let size: u32 = counts.iter().sum();
        Population {
            counts,
            sums: vec![0.0; n],
            weights: vec![0.0; n],
            total_weight: 0.0,
            size,
            inv_others: 1.0 / f64::from(size - 1),
        }
    }

    fn recompute_sums<S: PayoffSource>(&mut self, source: &S) {
        for (i, sum) in self.sums.iter_mut().enumerate() {
            *sum = self
                .counts
                .iter()
                .enumerate()
                .map(|(j, &c)| f64::from(c) * source.payoff(i, j))
                .sum();
        }
    }

    /// The payoff of an individual of type `i` (self-interaction excluded).
    #[inline]
    fn payoff<S: PayoffSource>(&self, source: &S, i: usize) -> f64 {
        (self.sums[i] - source.payoff(i, i)) * self.inv_others
    }

    fn recompute_weights<S: PayoffSource>(&mut self, source: &S, selection: Selection) {
        let mut total = 0.0;
        for i in 0..self.counts.len() {
            let w = if self.counts[i] == 0 {
                0.0
            } else {
                f64::from(self.counts[i]) * selection.of(self.payoff(source, i))
            };
            self.weights[i] = w;
            total += w;
        }
        self.total_weight = total;
    }

    /// Checks that every present type has a positive, finite fitness.
    fn check_weights(&self) -> Result<(), ParameterError> {
        match self
            .weights
            .iter()
            .zip(&self.counts)
            .find(|(w, c)| **c > 0 && !(w.is_finite() && **w > 0.0))
        {
            Some((w, c)) => Err(ParameterError::new(
                "selection",
                format!(
                    "expected a positive, finite fitness, got {} for a payoff; lower the linear \
                     selection intensity or use `Exponential(beta)`",
                    w / f64::from(*c)
                ),
            )),
            None => Ok(()),
        }
    }

    /// Moves one individual from type `from` to type `to` and updates the
    /// payoff sums.
    #[inline]
    fn shift<S: PayoffSource>(&mut self, source: &S, from: usize, to: usize) {
        self.counts[from] -= 1;
        self.counts[to] += 1;
        for (i, sum) in self.sums.iter_mut().enumerate() {
            *sum += source.payoff(i, to) - source.payoff(i, from);
        }
    }

    /// The type of the individual at `index` in [0, N) when individuals are
    /// listed type by type, with one individual of type `skip` left out.
    #[inline]
    fn type_at(&self, mut index: u32, skip: Option<usize>) -> usize {
        let last = self.counts.len() - 1;
        for (i, &c) in self.counts.iter().enumerate() {
            let c = if skip == Some(i) { c - 1 } else { c };
            if index < c {
                return i;
            }
            index -= c;
        }
        last
    }

    /// A type drawn with probability proportional to its weight.
    #[inline]
    fn type_by_weight<R: Rng>(&self, rng: &mut R) -> usize {
        let mut target = rng.random::<f64>() * self.total_weight;
        let mut chosen = 0;
        for (i, &w) in self.weights.iter().enumerate() {
            if w > 0.0 {
                chosen = i;
                if target < w {
                    return i;
                }
                target -= w;
            }
        }
        // Rounding left the target past the end: the last present type.
        chosen
    }
}

/// A type other than `current`, uniformly among the other `n - 1`.
#[inline]
fn other_type<R: Rng>(rng: &mut R, n: usize, current: usize) -> usize {
    let k = rng.random_range(0..n - 1);
    if k >= current { k + 1 } else { k }
}

/// The Fermi imitation probability: a focal individual adopts a model's
/// type with probability `1 / (1 + exp(-beta * gain))`, `gain` the model's
/// payoff minus the focal's.
#[inline]
pub(crate) fn fermi(beta: f64, gain: f64) -> f64 {
    1.0 / (1.0 + (-beta * gain).exp())
}

fn validate(
    source_len: usize,
    initial: &[u32],
    params: &StochasticParams,
) -> Result<(), ParameterError> {
    if initial.len() != source_len {
        return Err(ParameterError::new(
            "initial",
            format!(
                "expected one count per player ({source_len}), got {}",
                initial.len()
            ),
        ));
    }
    let size: u64 = initial.iter().map(|&c| u64::from(c)).sum();
    if size < 2 || size > u64::from(u32::MAX) {
        return Err(ParameterError::new(
            "population",
            format!("expected a population of at least 2 individuals, got {size}"),
        ));
    }
    twolevel_game::error::check_unit_interval("mutation", params.mutation)?;
    Ok(())
}

/// Runs one finite-population process from the given counts.
///
/// The run stops at fixation when the mutation probability is 0, or after
/// `max_steps` elementary steps. The RNG is the run's own: the same RNG
/// state gives the same trajectory.
pub fn simulate<S: PayoffSource, R: Rng>(
    source: &mut S,
    initial: &[u32],
    params: &StochasticParams,
    rng: &mut R,
) -> Result<RunOutcome, ParameterError> {
    validate(source.len(), initial, params)?;
    let n = initial.len();
    let mut pop = Population::new(initial.to_vec());
    let size = pop.size;
    let mutation = params.mutation;
    let mutates = mutation > 0.0 && n > 1;
    let record_every = match params.record {
        Record::Generation => u64::from(size),
        Record::Step => 1,
        Record::Final => u64::MAX,
    };
    let mut outcome = RunOutcome {
        types: n,
        population: size,
        steps: vec![0],
        counts: pop.counts.clone(),
        final_counts: Vec::new(),
        steps_taken: 0,
        fixation: None,
    };
    if mutation == 0.0
        && let Some(winner) = pop.counts.iter().position(|&c| c == size)
    {
        outcome.fixation = Some(Fixation { winner, step: 0 });
        outcome.final_counts = pop.counts;
        return Ok(outcome);
    }

    // The payoffs of the first step; each later step's are refreshed at the
    // end of the step before.
    source.refresh(&pop.counts, rng);
    // Every payoff is an average of table entries, so a fitness that is
    // positive on the entries' range is positive all run long.
    if let (UpdateKind::Moran(selection), Some((low, high))) =
        (params.update.kind(), source.payoff_range())
    {
        selection.check_range(low, high)?;
    }
    pop.recompute_sums(source);
    if let UpdateKind::Moran(selection) = params.update.kind() {
        pop.recompute_weights(source, selection);
        pop.check_weights()?;
    }

    let mut step = 0;
    while step < params.max_steps {
        step += 1;
        // `from` loses an individual, `to` gains one.
        let (from, to) = match params.update.kind() {
            UpdateKind::Moran(_) => {
                let parent = pop.type_by_weight(rng);
                let child = if mutates && rng.random_bool(mutation) {
                    other_type(rng, n, parent)
                } else {
                    parent
                };
                let dead = pop.type_at(rng.random_range(0..size), None);
                (dead, child)
            }
            UpdateKind::Fermi(beta) => {
                let focal = pop.type_at(rng.random_range(0..size), None);
                let adopted = if mutates && rng.random_bool(mutation) {
                    other_type(rng, n, focal)
                } else {
                    let model = pop.type_at(rng.random_range(0..size - 1), Some(focal));
                    if model != focal {
                        let gain = pop.payoff(source, model) - pop.payoff(source, focal);
                        if rng.random::<f64>() < fermi(beta, gain) {
                            model
                        } else {
                            focal
                        }
                    } else {
                        focal
                    }
                };
                (focal, adopted)
            }
        };
        if from != to {
            pop.shift(source, from, to);
        }
        let fixation = if mutation == 0.0 && pop.counts[to] == size {
            Some(Fixation { winner: to, step })
        } else {
            None
        };
        if fixation.is_some() || step % record_every == 0 || step == params.max_steps {
            outcome.steps.push(step);
            outcome.counts.extend_from_slice(&pop.counts);
        }
        if fixation.is_some() {
            outcome.fixation = fixation;
            break;
        }
        let refreshed = source.refresh(&pop.counts, rng);
        if refreshed {
            pop.recompute_sums(source);
        }
        if let UpdateKind::Moran(selection) = params.update.kind()
            && (refreshed || from != to)
        {
            pop.recompute_weights(source, selection);
            if refreshed {
                pop.check_weights()?;
            }
        }
    }
    outcome.steps_taken = step;
    outcome.final_counts = pop.counts;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evolution::payoff::PayoffTable;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;

    fn params(update: Update, mutation: f64, record: Record) -> StochasticParams {
        StochasticParams {
            update,
            mutation,
            max_steps: 1_000_000,
            record,
        }
    }

    #[test]
    fn counts_are_conserved_and_fixation_is_absorbing() {
        let mut table = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        for update in [
            Update::moran(Selection::linear(0.5).unwrap()),
            Update::fermi(1.0).unwrap(),
        ] {
            let run = simulate(
                &mut table,
                &[10, 10],
                &params(update, 0.0, Record::Step),
                &mut rng,
            )
            .unwrap();
            for (_, row) in run.rows() {
                assert_eq!(row.iter().sum::<u32>(), 20);
            }
            let fixation = run.fixation.unwrap();
            assert_eq!(run.final_counts[fixation.winner], 20);
            assert_eq!(run.steps_taken, fixation.step);
            assert_eq!(*run.steps.last().unwrap(), fixation.step);
        }
    }

    #[test]
    fn mutation_keeps_running_to_the_limit() {
        let mut table = PayoffTable::two_by_two(1.0, 1.0, 1.0, 1.0).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(2);
        let mut p = params(
            Update::moran(Selection::linear(1.0).unwrap()),
            0.1,
            Record::Generation,
        );
        p.max_steps = 1000;
        let run = simulate(&mut table, &[10, 0], &p, &mut rng).unwrap();
        assert_eq!(run.fixation, None);
        assert_eq!(run.steps_taken, 1000);
        assert_eq!(run.steps, (0..=100).map(|g| g * 10).collect::<Vec<u64>>());
    }

    #[test]
    fn negative_linear_fitness_is_an_error() {
        let mut table = PayoffTable::two_by_two(3.0, -2.0, 5.0, 1.0).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(3);
        let err = simulate(
            &mut table,
            &[1, 1],
            &params(
                Update::moran(Selection::linear(1.0).unwrap()),
                0.0,
                Record::Final,
            ),
            &mut rng,
        )
        .unwrap_err();
        assert_eq!(err.field, "selection");
    }
}
