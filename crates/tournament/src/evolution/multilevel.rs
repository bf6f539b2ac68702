//! Multilevel selection (Traulsen and Nowak 2006, "Evolution of cooperation
//! by multilevel selection", PNAS 103:10952): individuals in `m` groups of
//! at most `n`, selection between individuals inside a group and, through
//! the splitting of groups, between groups.
//!
//! # The process
//!
//! Two types, 0 and 1 (C and D for a stage game), play a symmetric 2x2
//! game `[a, b, c, d]` (`a = 0 vs 0`, `b = 0 vs 1`, `c = 1 vs 0`,
//! `d = 1 vs 1`) with every **other** member of their own group. An
//! individual's payoff is the sum over those partners
//! ([`Aggregation::Accumulated`]) or their mean ([`Aggregation::Averaged`];
//! 0 for an individual alone in its group). Each step:
//!
//! 1. one individual of the whole population is chosen to reproduce with
//!    probability proportional to its fitness ([`Selection`]: `1 - w + w *
//!    payoff` for the linear map of the paper, or `exp(beta * payoff)`);
//! 2. its offspring joins its group;
//! 3. a group that now holds `n + 1` individuals (it was full: `n` is the
//!    maximum group size between steps) splits with probability `q`: its
//!    members are divided at random into two groups of `floor((n + 1) / 2)`
//!    and `ceil((n + 1) / 2)`, one of which takes the place of a group
//!    chosen uniformly among the `m - 1` others (with `m = 1`, one of the
//!    two daughters, chosen at random, is dropped), so that there are
//!    always `m` groups. With probability `1 - q` it does not split and a
//!    member chosen uniformly among its `n + 1` dies.
//!
//! A run starts with `m` full groups, `N = n m` individuals (the
//! population size at the start, the convention of the neutral value
//! `1 / N`), one mutant in the first group, and ends when one type is
//! left (no mutation) or at the step limit. The population size moves
//! between `m` and `n m` afterwards; a group never empties.
//!
//! # Analytic results
//!
//! In the limit of rare splitting (`q -> 0`) a mutant first fixes in its
//! group, by the Moran process of `n` individuals with the game's payoffs
//! (death uniform among the `n + 1` after a birth has the same embedded
//! chain as the Moran birth-death process), and then a group of mutants
//! fixes among the `m` groups, a Moran process whose "individuals" are
//! groups of constant fitness `f(a)` against `f(d)` (a group splits at a
//! rate proportional to its members' total fitness). So
//! `rho = rho_within(n) * rho_groups(m)` for any intensity of selection
//! ([`Multilevel::rare_splitting_fixation`], computed with
//! [`fixation_probability`]).
//!
//! Under weak selection (intensity `w`, payoffs averaged),
//! `rho_within ~ (1 + w X / 6) / n` with
//! `X = (n-2) a + (2n-1) b - (n+1) c - (2n-4) d` (Nowak, Sasaki, Taylor and
//! Fudenberg 2004) and `rho_groups ~ (1 + w (m-1)(a-d) / 2) / m`, so
//! `rho ~ (1 + w Q / 6) / N` with `Q = X + 3 (m-1)(a-d)`
//! ([`Multilevel::weak_selection_fixation`]): the mutant is favoured
//! (`rho > 1/N`) when `Q > 0`. For the donation game (`a = b - c`,
//! `b = -c`, `c = b`, `d = 0` in the benefit `b` and cost `c`), `Q > 0` reads
//! `b / c > 1 + n / (m - 2)` ([`donation_threshold`]), Traulsen and
//! Nowak's `b / c > 1 + n / m` for many groups. Accumulated payoffs
//! multiply every payoff by `n - 1` and leave the condition unchanged.
//!
//! # Cost
//!
//! The population is held as two counts per group (its size and its type-0
//! members), never as individuals; a step costs `O(m)` (choosing the
//! parent) plus `O(n)` for a split, and allocates nothing.
//!
//! ```
//! use twolevel_tournament::evolution::Selection;
//! use twolevel_tournament::evolution::multilevel::{
//!     Multilevel, MultilevelParams, donation_threshold,
//! };
//!
//! let params = MultilevelParams::new(3, 6, Selection::linear(0.1)?, 0.01)?;
//! // The donation game with b/c = 3, above the threshold 1 + 3/4.
//! let model = Multilevel::donation(params, 3.0, 1.0)?;
//! assert_eq!(donation_threshold(3, 6), Some(1.75));
//! assert!(model.weak_selection_fixation(0) > model.neutral_fixation());
//! assert!(model.rare_splitting_fixation(0)? > model.neutral_fixation());
//! let estimate = model.fixation(0, 200, 7)?;
//! assert_eq!(estimate.runs, 200);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use rand::RngExt;
use rand_core::Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use twolevel_game::error::{check_finite, check_positive_fraction, format_number};
use twolevel_game::{
    Currency, Orientation, PAYOFF_LIMIT, ParameterError, Politicization, TwoLevelGame,
};

use super::analytic::fixation_probability;
use super::config::Selection;
use super::run::run_rng;
use super::selection::SelectionKind;
use super::stochastic::Update;
use crate::stats::mean_sd_se;

/// How an individual's games with the other members of its group add up to
/// its payoff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregation {
    /// The sum over the other members (Traulsen and Nowak's convention):
    /// a larger group pays more.
    Accumulated,
    /// The mean over the other members (0 for an individual alone), the
    /// convention of the well-mixed processes in this crate.
    #[default]
    Averaged,
}

/// The validated parameters of the multilevel process.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MultilevelParams {
    max_group_size: u32,
    groups: u32,
    selection: Selection,
    split_probability: f64,
    aggregation: Aggregation,
    max_steps: u64,
}

impl MultilevelParams {
    /// The largest population `n m` accepted.
    pub const MAX_POPULATION: u64 = 100_000_000;

    /// The default step limit of a run.
    pub const DEFAULT_MAX_STEPS: u64 = 1_000_000_000;

    /// Validates the maximum group size `n` (at least 2, field
    /// `max_group_size`), the number of groups `m` (at least 1, field
    /// `groups`; `n m` at most [`Self::MAX_POPULATION`]) and the splitting
    /// probability `q` in (0, 1] (field `split_probability`). The
    /// intensity of selection is validated by [`Selection`] itself
    /// (`Selection::linear(w)` refuses a `w` outside [0, 1], naming
    /// `selection.Linear`). Payoffs are [`Aggregation::Averaged`] and the
    /// step limit is [`Self::DEFAULT_MAX_STEPS`] until changed.
    pub fn new(
        max_group_size: u32,
        groups: u32,
        selection: Selection,
        split_probability: f64,
    ) -> Result<Self, ParameterError> {
        if max_group_size < 2 {
            return Err(ParameterError::new(
                "max_group_size",
                format!("expected a maximum group size of at least 2, got {max_group_size}"),
            ));
        }
        if groups < 1 {
            return Err(ParameterError::new(
                "groups",
                "expected at least one group, got 0",
            ));
        }
        let population = u64::from(max_group_size) * u64::from(groups);
        if population > Self::MAX_POPULATION {
            return Err(ParameterError::new(
                "groups",
                format!(
                    "expected a population max_group_size * groups of at most {}, got {population}",
                    Self::MAX_POPULATION
                ),
            ));
        }
        check_positive_fraction("split_probability", split_probability)?;
        Ok(MultilevelParams {
            max_group_size,
            groups,
            selection,
            split_probability,
            aggregation: Aggregation::default(),
            max_steps: Self::DEFAULT_MAX_STEPS,
        })
    }

    /// The same parameters with payoffs aggregated as `aggregation`.
    #[must_use]
    pub const fn with_aggregation(mut self, aggregation: Aggregation) -> Self {
        self.aggregation = aggregation;
        self
    }

    /// The same parameters with a step limit per run.
    #[must_use]
    pub const fn with_max_steps(mut self, max_steps: u64) -> Self {
        self.max_steps = max_steps;
        self
    }

    /// The maximum group size `n`.
    #[must_use]
    pub const fn max_group_size(&self) -> u32 {
        self.max_group_size
    }

    /// The number of groups `m`.
    #[must_use]
    pub const fn groups(&self) -> u32 {
        self.groups
    }

    /// The payoff-to-fitness map.
    #[must_use]
    pub const fn selection(&self) -> Selection {
        self.selection
    }

    /// The splitting probability `q`.
    #[must_use]
    pub const fn split_probability(&self) -> f64 {
        self.split_probability
    }

    /// How payoffs add up over a group.
    #[must_use]
    pub const fn aggregation(&self) -> Aggregation {
        self.aggregation
    }

    /// The step limit of a run.
    #[must_use]
    pub const fn max_steps(&self) -> u64 {
        self.max_steps
    }

    /// The population at the start, `N = n m`.
    #[must_use]
    pub const fn population(&self) -> u64 {
        self.max_group_size as u64 * self.groups as u64
    }

    /// The factor that turns a mean payoff over a full group's partners
    /// into the payoff: `n - 1` when accumulated, 1 when averaged.
    fn scale(&self) -> f64 {
        match self.aggregation {
            Aggregation::Accumulated => f64::from(self.max_group_size - 1),
            Aggregation::Averaged => 1.0,
        }
    }
}

/// The multilevel process for one 2x2 game.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Multilevel {
    params: MultilevelParams,
    game: [f64; 4],
}

/// One run of the multilevel process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MultilevelRun {
    /// The type left alone, if one took over before the step limit.
    pub winner: Option<usize>,
    /// The number of steps (births) taken.
    pub steps: u64,
    /// The number of group splits.
    pub splits: u64,
}

/// The estimated fixation probability of a single mutant, with the
/// analytic values to compare it with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MultilevelFixation {
    /// The mutant's type (0 or 1).
    pub mutant: usize,
    /// The number of runs.
    pub runs: u32,
    /// The runs the mutant's type won.
    pub fixed: u32,
    /// The runs that reached the step limit with both types present (they
    /// count as not fixed in the estimate).
    pub unfinished: u32,
    /// The fraction of runs the mutant won.
    pub probability: f64,
    /// The standard error of that fraction (the sample standard deviation
    /// of the 0/1 outcomes over the square root of the number of runs).
    pub standard_error: f64,
    /// The neutral value `1 / N`, `N = n m` the population at the start.
    pub neutral: f64,
    /// The rare-splitting limit `rho_within * rho_groups`, exact in the
    /// intensity of selection ([`Multilevel::rare_splitting_fixation`]).
    pub rare_splitting: f64,
    /// The weak-selection, rare-splitting approximation
    /// ([`Multilevel::weak_selection_fixation`]).
    pub weak_selection: f64,
}

/// The threshold of the donation game under weak selection and rare
/// splitting: cooperation is favoured (`rho_C > 1/N`) when
/// `b / c > 1 + n / (m - 2)` (Traulsen and Nowak 2006; `1 + n / m` for
/// many groups). `None` for `m <= 2`, where no benefit is enough.
#[must_use]
pub fn donation_threshold(max_group_size: u32, groups: u32) -> Option<f64> {
    (groups > 2).then(|| 1.0 + f64::from(max_group_size) / f64::from(groups - 2))
}

impl Multilevel {
    /// The process for the game `[a, b, c, d]` (type 0 against 0, 0 against
    /// 1, 1 against 0, 1 against 1). Fails naming `game[i]` for an entry
    /// that is not finite or exceeds [`PAYOFF_LIMIT`] in magnitude, and
    /// naming `selection` when some payoff the process can pay has a
    /// fitness that is not positive and finite (a linear `w` too strong
    /// for negative payoffs).
    pub fn new(params: MultilevelParams, game: [f64; 4]) -> Result<Self, ParameterError> {
        for (i, &x) in game.iter().enumerate() {
            let field = format!("game[{i}]");
            check_finite(&field, x)?;
            if x.abs() > PAYOFF_LIMIT {
                return Err(ParameterError::new(
                    field,
                    format!(
                        "expected a payoff of magnitude at most {}, got {}",
                        format_number(PAYOFF_LIMIT),
                        format_number(x)
                    ),
                ));
            }
        }
        // Every payoff is 0 (alone) or a mean of entries, times the scale.
        let scale = params.scale();
        let low = game.iter().fold(0.0_f64, |lo, &x| lo.min(x)) * scale;
        let high = game.iter().fold(0.0_f64, |hi, &x| hi.max(x)) * scale;
        params.selection.check_range(low, high)?;
        Ok(Multilevel { params, game })
    }

    /// The donation game with benefit `benefit` and cost `cost`: type 0
    /// cooperates (pays `cost` for its partner to get `benefit`), type 1
    /// defects; `[benefit - cost, -cost, benefit, 0]`.
    pub fn donation(
        params: MultilevelParams,
        benefit: f64,
        cost: f64,
    ) -> Result<Self, ParameterError> {
        check_finite("benefit", benefit)?;
        check_finite("cost", cost)?;
        Multilevel::new(params, [benefit - cost, -cost, benefit, 0.0])
    }

    /// The stage game of a symmetric two-level game in `currency`, every
    /// individual at politicization `pi` with orientation `orientation`:
    /// type 0 plays C, type 1 plays D, and the entries are the row state's
    /// payoffs `[CC, CD, DC, DD]`. Fails naming `game` for an asymmetric
    /// game (members of a group have no roles).
    pub fn from_two_level(
        params: MultilevelParams,
        game: &TwoLevelGame,
        pi: Politicization,
        orientation: Orientation,
        currency: Currency,
    ) -> Result<Self, ParameterError> {
        if !game.is_symmetric() {
            return Err(ParameterError::new(
                "game",
                "expected a symmetric game: the members of a group have no roles",
            ));
        }
        let table = game.stage_table(pi, [orientation, orientation]);
        let entries = [0, 1, 2, 3].map(|i| table.cells[i][0].in_currency(currency));
        Multilevel::new(params, entries)
    }

    /// The parameters.
    #[must_use]
    pub const fn params(&self) -> &MultilevelParams {
        &self.params
    }

    /// The game `[a, b, c, d]` as given (before any aggregation).
    #[must_use]
    pub const fn game(&self) -> [f64; 4] {
        self.game
    }

    /// The game seen from type `mutant`'s side (0: as given, 1: swapped).
    fn game_for(&self, mutant: usize) -> [f64; 4] {
        let [a, b, c, d] = self.game;
        if mutant == 0 {
            [a, b, c, d]
        } else {
            [d, c, b, a]
        }
    }

    /// Refuses a mutant type other than 0 or 1, naming `mutant`.
    fn check_mutant(mutant: usize) -> Result<(), ParameterError> {
        if mutant > 1 {
            return Err(ParameterError::new(
                "mutant",
                format!("expected type 0 or 1, got {mutant}"),
            ));
        }
        Ok(())
    }

    /// The neutral fixation probability `1 / N`, `N = n m`.
    #[must_use]
    pub fn neutral_fixation(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let population = self.params.population() as f64;
        1.0 / population
    }

    /// The fixation probability of a single `mutant` (type 0 or 1) in the
    /// limit of rare splitting, exact in the intensity of selection:
    /// the Moran fixation probability within a group of `n` times that of
    /// a group of mutants among `m` groups (see the module docs).
    pub fn rare_splitting_fixation(&self, mutant: usize) -> Result<f64, ParameterError> {
        Self::check_mutant(mutant)?;
        let scale = self.params.scale();
        let game = self.game_for(mutant).map(|x| x * scale);
        let update = Update::moran(self.params.selection);
        let within = fixation_probability(update, game, self.params.max_group_size)?.value;
        let between = if self.params.groups == 1 {
            1.0
        } else {
            let [a, _, _, d] = game;
            fixation_probability(update, [a, a, d, d], self.params.groups)?.value
        };
        Ok(within * between)
    }

    /// The weak-selection approximation of
    /// [`rare_splitting_fixation`](Self::rare_splitting_fixation), first
    /// order in the intensity `s` (the linear `w` or the exponential
    /// `beta`, times `n - 1` for accumulated payoffs):
    /// `(1 + s Q / 6) / N` with `Q = X + 3 (m-1)(a-d)`,
    /// `X = (n-2) a + (2n-1) b - (n+1) c - (2n-4) d` (see the module docs).
    /// It exceeds `1 / N` exactly when `Q > 0`. Returns 0 for a mutant type
    /// other than 0 or 1.
    #[must_use]
    pub fn weak_selection_fixation(&self, mutant: usize) -> f64 {
        if mutant > 1 {
            return 0.0;
        }
        let intensity = match self.params.selection.kind() {
            SelectionKind::Linear(w) => w,
            SelectionKind::Exponential(beta) => beta,
        } * self.params.scale();
        let [a, b, c, d] = self.game_for(mutant);
        let n = f64::from(self.params.max_group_size);
        let m = f64::from(self.params.groups);
        let x = (n - 2.0) * a + (2.0 * n - 1.0) * b - (n + 1.0) * c - (2.0 * n - 4.0) * d;
        let q = x + 3.0 * (m - 1.0) * (a - d);
        self.neutral_fixation() * (1.0 + intensity * q / 6.0)
    }

    /// One run from `m` full groups with a single individual of type
    /// `mutant` in the first group, with the caller's RNG. Fails naming
    /// `mutant` for a type other than 0 or 1.
    pub fn run<R: Rng>(&self, mutant: usize, rng: &mut R) -> Result<MultilevelRun, ParameterError> {
        Self::check_mutant(mutant)?;
        let mut state = State::new(self, mutant);
        Ok(state.run(self, rng))
    }

    /// The fixation probability of a single `mutant` estimated over `runs`
    /// independent runs, run `r` with [`run_rng`]`(seed, r)`, in parallel
    /// (the result does not depend on the number of threads), beside the
    /// neutral and analytic values. Fails naming `runs` for 0 runs and
    /// `mutant` for a type other than 0 or 1.
    pub fn fixation(
        &self,
        mutant: usize,
        runs: u32,
        seed: u64,
    ) -> Result<MultilevelFixation, ParameterError> {
        Self::check_mutant(mutant)?;
        if runs == 0 {
            return Err(ParameterError::new(
                "runs",
                "expected at least one run, got 0",
            ));
        }
        let outcomes: Vec<MultilevelRun> = (0..runs)
            .into_par_iter()
            .map(|r| {
                let mut state = State::new(self, mutant);
                state.run(self, &mut run_rng(seed, r))
            })
            .collect();
        let indicators: Vec<f64> = outcomes
            .iter()
            .map(|o| f64::from(u8::from(o.winner == Some(mutant))))
            .collect();
        let (probability, _, standard_error) = mean_sd_se(&indicators);
        let count = |keep: fn(&MultilevelRun) -> bool| {
            u32::try_from(outcomes.iter().filter(|o| keep(o)).count()).unwrap_or(u32::MAX)
        };
        let fixed = if mutant == 0 {
            count(|o| o.winner == Some(0))
        } else {
            count(|o| o.winner == Some(1))
        };
        Ok(MultilevelFixation {
            mutant,
            runs,
            fixed,
            unfinished: count(|o| o.winner.is_none()),
            probability,
            standard_error,
            neutral: self.neutral_fixation(),
            rare_splitting: self.rare_splitting_fixation(mutant)?,
            weak_selection: self.weak_selection_fixation(mutant),
        })
    }
}

/// The population during a run: per group, its size, its type-0 members
/// and its members' total fitness.
struct State {
    sizes: Vec<u32>,
    zeros: Vec<u32>,
    weights: Vec<f64>,
    /// The population size.
    total: u64,
    /// The type-0 individuals in the population.
    total_zeros: u64,
}

impl State {
    /// `m` full groups, one individual of type `mutant` in the first.
    fn new(model: &Multilevel, mutant: usize) -> Self {
        let n = model.params.max_group_size;
        let m = model.params.groups as usize;
        let resident_zeros = if mutant == 0 { 0 } else { n };
        let mut zeros = vec![resident_zeros; m];
        zeros[0] = if mutant == 0 { 1 } else { n - 1 };
        let mut state = State {
            sizes: vec![n; m],
            zeros,
            weights: vec![0.0; m],
            total: model.params.population(),
            total_zeros: 0,
        };
        state.total_zeros = state.zeros.iter().map(|&z| u64::from(z)).sum();
        for k in 0..m {
            state.weights[k] = state.group_weight(model, k);
        }
        state
    }

    /// The fitness of a type-0 and of a type-1 member of group `k`.
    #[inline]
    fn fitnesses(&self, model: &Multilevel, k: usize) -> (f64, f64) {
        let size = f64::from(self.sizes[k]);
        let zeros = f64::from(self.zeros[k]);
        let ones = size - zeros;
        let [a, b, c, d] = model.game;
        // The sums over the other members (valid as written only for a
        // type present in the group; the other's value is not used).
        let sum_zero = a * (zeros - 1.0) + b * ones;
        let sum_one = c * zeros + d * (ones - 1.0);
        let (pay_zero, pay_one) = match model.params.aggregation {
            Aggregation::Accumulated => (sum_zero, sum_one),
            Aggregation::Averaged if self.sizes[k] > 1 => {
                (sum_zero / (size - 1.0), sum_one / (size - 1.0))
            }
            Aggregation::Averaged => (0.0, 0.0),
        };
        let selection = model.params.selection;
        (selection.of(pay_zero), selection.of(pay_one))
    }

    /// The total fitness of group `k`'s members.
    #[inline]
    fn group_weight(&self, model: &Multilevel, k: usize) -> f64 {
        let (f0, f1) = self.fitnesses(model, k);
        let zeros = self.zeros[k];
        let ones = self.sizes[k] - zeros;
        let mut weight = 0.0;
        if zeros > 0 {
            weight += f64::from(zeros) * f0;
        }
        if ones > 0 {
            weight += f64::from(ones) * f1;
        }
        weight
    }

    /// The winner, if one type is left.
    #[inline]
    fn winner(&self) -> Option<usize> {
        if self.total_zeros == 0 {
            Some(1)
        } else if self.total_zeros == self.total {
            Some(0)
        } else {
            None
        }
    }

    /// Runs to fixation or the step limit.
    fn run<R: Rng>(&mut self, model: &Multilevel, rng: &mut R) -> MultilevelRun {
        let mut steps = 0;
        let mut splits = 0;
        while self.winner().is_none() && steps < model.params.max_steps {
            splits += u64::from(self.step(model, rng));
            steps += 1;
        }
        MultilevelRun {
            winner: self.winner(),
            steps,
            splits,
        }
    }

    /// One birth (and a split or a death); returns whether a group split.
    fn step<R: Rng>(&mut self, model: &Multilevel, rng: &mut R) -> bool {
        let n = model.params.max_group_size;
        // The parent's group, then its type, by fitness.
        let total_weight: f64 = self.weights.iter().sum();
        let mut target = rng.random::<f64>() * total_weight;
        let mut group = self.weights.len() - 1;
        for (k, &w) in self.weights.iter().enumerate() {
            if target < w {
                group = k;
                break;
            }
            target -= w;
        }
        let (f0, _) = self.fitnesses(model, group);
        let zero_weight = f64::from(self.zeros[group]) * f0;
        let ones = self.sizes[group] - self.zeros[group];
        let offspring_zero = self.zeros[group] > 0 && (ones == 0 || target < zero_weight);
        self.sizes[group] += 1;
        self.total += 1;
        if offspring_zero {
            self.zeros[group] += 1;
            self.total_zeros += 1;
        }
        let mut split = false;
        if self.sizes[group] > n {
            if rng.random::<f64>() < model.params.split_probability {
                self.split(model, group, rng);
                split = true;
            } else {
                let victim = rng.random_range(0..self.sizes[group]);
                if victim < self.zeros[group] {
                    self.zeros[group] -= 1;
                    self.total_zeros -= 1;
                }
                self.sizes[group] -= 1;
                self.total -= 1;
            }
        }
        self.weights[group] = self.group_weight(model, group);
        split
    }

    /// Splits the over-full group `group` into two random halves; one
    /// replaces a random other group (or, with one group, one half is
    /// dropped at random).
    fn split<R: Rng>(&mut self, model: &Multilevel, group: usize, rng: &mut R) {
        let size = self.sizes[group];
        let zeros = self.zeros[group];
        // The first half's type-0 members: a hypergeometric draw of
        // `size / 2` members without replacement.
        let half = size / 2;
        let mut left = size;
        let mut left_zeros = zeros;
        let mut first_zeros = 0;
        for _ in 0..half {
            if rng.random_range(0..left) < left_zeros {
                first_zeros += 1;
                left_zeros -= 1;
            }
            left -= 1;
        }
        let halves = [(half, first_zeros), (size - half, zeros - first_zeros)];
        let m = self.sizes.len();
        if m == 1 {
            let (kept_size, kept_zeros) = halves[rng.random_range(0..2_usize)];
            self.set_group(group, kept_size, kept_zeros);
        } else {
            let mut victim = rng.random_range(0..m - 1);
            if victim >= group {
                victim += 1;
            }
            self.set_group(group, halves[0].0, halves[0].1);
            self.set_group(victim, halves[1].0, halves[1].1);
            self.weights[victim] = self.group_weight(model, victim);
        }
    }

    /// Replaces group `k`'s members, keeping the totals.
    fn set_group(&mut self, k: usize, size: u32, zeros: u32) {
        self.total = self.total - u64::from(self.sizes[k]) + u64::from(size);
        self.total_zeros = self.total_zeros - u64::from(self.zeros[k]) + u64::from(zeros);
        self.sizes[k] = size;
        self.zeros[k] = zeros;
    }
}
