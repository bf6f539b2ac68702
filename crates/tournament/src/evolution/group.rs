//! The evolution of regimes, analytically (`docs/regimes.md`): two
//! strategies, C and D, in a finite well-mixed population of `Z` states,
//! playing in groups of `N` drawn without replacement, under pairwise
//! comparison (the Fermi rule) with mutation.
//!
//! With `i` C-strategists in the population, and [`GroupPayoffs`] giving
//! the payoff of a C (or a D) strategist whose group holds `j` other C
//! strategists,
//!
//! ```text
//! f_C(i) = sum_j H(j; Z-1, i-1, N-1) payoff_C(j)
//! f_D(i) = sum_j H(j; Z-1, i,   N-1) payoff_D(j)
//! T+(i)  = (1-mu) i/Z (Z-i)/(Z-1) / (1 + exp(-beta (f_C - f_D))) + mu (Z-i)/Z
//! T-(i)  = (1-mu) i/Z (Z-i)/(Z-1) / (1 + exp(+beta (f_C - f_D))) + mu i/Z
//! G(i)   = T+(i) - T-(i)
//! p(i)   ~ prod_{l<i} T+(l) / T-(l+1)
//! eta_G  = sum_i p(i) sum_{j >= M} H(j; Z, i, N)
//! ```
//!
//! (`H` the hypergeometric pmf). For a stage game, `payoff_C(j)` is
//! `policy_C(j + 1)` and `payoff_D(j)` is `policy_D(j)` (or a blended
//! currency, [`GroupPayoffs::from_game`]); iterated regime strategies
//! enter through a payoff table over group compositions
//! ([`GroupPayoffs::from_regime_results`] reads it from a two-entrant
//! regime tournament, [`GroupPayoffs::from_regime_pair`] plays that
//! tournament first; [`GroupPayoffs::new`] takes any table).
//!
//! **Two-player games.** A group of two drawn without replacement is the
//! pairwise game with self-interaction excluded: with the 2x2 payoffs
//! `[a, b, c, d]`, `f_C(i) = (a (i - 1) + b (Z - i)) / (Z - 1)` and
//! `f_D(i) = (c i + d (Z - i - 1)) / (Z - 1)`, the payoffs of
//! [`analytic`](super::analytic). [`GroupEvolution::pairwise`] builds that
//! chain, so the gradient of selection and the stationary distribution
//! over all `Z + 1` states (not only the rare-mutation limit of
//! [`FixationMatrix`](super::FixationMatrix)) exist for two-player games
//! too; they are checked against egttools's two-player
//! `PairwiseComparison` (`scripts/gen_pairwise_chain_fixture.py`).
//!
//! The hypergeometric weights come from a table of `ln k!`; transition
//! probabilities, the stationary distribution and fixation probabilities
//! are computed in log space, so a stationary probability of `1e-300` (or
//! far below `f64`'s range, as a logarithm) is never rounded to 0 on the
//! way. Populations up to [`GroupEvolution::MAX_POPULATION`] are accepted.

use twolevel_game::error::format_number;
use twolevel_game::{
    Action, Currency, GroupGame, Orientation, PAYOFF_LIMIT, ParameterError, Politicization,
};

use super::analytic::{Probability, ln_add, log_sum_exp, normalize_ln};
use super::config::check_intensity;
use rand::RngExt;
use rand_core::Rng;

use crate::regime::{RegimeConfig, RegimeMember, RegimeTournament, RegimeTournamentResults};

/// The payoff of a C and of a D strategist in a group of `N`, by the number
/// `j` of **other** C strategists in the group (`j = 0..N-1`).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPayoffs {
    cooperator: Vec<f64>,
    defector: Vec<f64>,
}

impl GroupPayoffs {
    /// A table from its two columns, each of length `N - 1 + 1 = N` (so
    /// the group size is their length). Fails, naming the field, for
    /// columns of different or too small length, or payoffs that are not
    /// finite or exceed [`PAYOFF_LIMIT`] in magnitude (the bound that keeps
    /// the intensity of selection times any payoff difference, summed over
    /// the population, finite).
    pub fn new(cooperator: Vec<f64>, defector: Vec<f64>) -> Result<Self, ParameterError> {
        if cooperator.len() < 2 || cooperator.len() != defector.len() {
            return Err(ParameterError::new(
                "payoffs",
                format!(
                    "expected two columns of the same length N >= 2, got {} and {}",
                    cooperator.len(),
                    defector.len()
                ),
            ));
        }
        for (field, column) in [("cooperator", &cooperator), ("defector", &defector)] {
            if let Some(bad) = column.iter().find(|x| x.is_nan() || x.abs() > PAYOFF_LIMIT) {
                return Err(ParameterError::new(
                    field,
                    format!(
                        "expected finite payoffs of magnitude at most {}, got {}",
                        format_number(PAYOFF_LIMIT),
                        format_number(*bad)
                    ),
                ));
            }
        }
        Ok(GroupPayoffs {
            cooperator,
            defector,
        })
    }

    /// The stage game's expected payoffs in `currency` when every state has
    /// politicization `pi` and orientation `orientation`:
    /// `payoff_C(j) = u_C(j + 1)`, `payoff_D(j) = u_D(j)`.
    pub fn from_game(
        game: &GroupGame,
        pi: Politicization,
        orientation: Orientation,
        currency: Currency,
    ) -> Result<Self, ParameterError> {
        let size = game.size();
        let column = |action: Action, own: u32| {
            (0..size)
                .map(|others| {
                    game.symmetric_payoff(action, others + own, pi, orientation)
                        .map(|payoff| payoff.in_currency(currency))
                })
                .collect::<Result<Vec<f64>, ParameterError>>()
        };
        GroupPayoffs::new(column(Action::C, 1)?, column(Action::D, 0)?)
    }

    /// The two-player game `[a, b, c, d]` (`a = C vs C`, `b = C vs D`,
    /// `c = D vs C`, `d = D vs D`) as a group of 2.
    pub fn from_pairwise([a, b, c, d]: [f64; 4]) -> Result<Self, ParameterError> {
        GroupPayoffs::new(vec![b, a], vec![d, c])
    }

    /// The payoff table of two iterated regime strategies, read from the
    /// results of a regime tournament of exactly two entrants in which
    /// every composition was played: the first entrant is "C" (the
    /// strategy whose count `i` the chain follows), the second "D".
    /// `payoff_C(j)` is the first entrant's payoff per round in `currency`
    /// in the group of `j + 1` firsts and `N - j - 1` seconds (averaged
    /// over its seats), `payoff_D(j)` the second's in the group of `j`
    /// firsts.
    ///
    /// Fails, naming `entrants`, without exactly two entrants, and naming
    /// `compositions` when the compositions were sampled.
    pub fn from_regime_results(
        results: &RegimeTournamentResults,
        currency: Currency,
    ) -> Result<Self, ParameterError> {
        if results.standings.len() != 2 {
            return Err(ParameterError::new(
                "entrants",
                format!(
                    "expected a regime tournament of exactly 2 entrants, got {}",
                    results.standings.len()
                ),
            ));
        }
        if results.sampled {
            return Err(ParameterError::new(
                "compositions",
                "expected every composition played, got a sample",
            ));
        }
        let size = results.compositions.first().map_or(0, |c| c.seats.len());
        let mut first = vec![f64::NAN; size];
        let mut second = vec![f64::NAN; size];
        for composition in &results.compositions {
            // The seats are sorted: the first entrant's come first.
            let firsts = composition.seats.iter().filter(|&&e| e == 0).count();
            let mean = |seats: std::ops::Range<usize>| {
                let count = seats.len() as f64;
                seats
                    .map(|seat| composition.payoffs[seat][currency])
                    .sum::<f64>()
                    / count
            };
            if firsts > 0 {
                first[firsts - 1] = mean(0..firsts);
            }
            if firsts < size {
                second[firsts] = mean(firsts..size);
            }
        }
        GroupPayoffs::new(first, second)
    }

    /// Plays a regime tournament of `first` ("C") and `second` ("D") under
    /// `config` (every composition, `repetitions` times, seeded with
    /// `seed`) and reads its payoff table in `currency`
    /// ([`GroupPayoffs::from_regime_results`]).
    pub fn from_regime_pair(
        config: RegimeConfig,
        [first, second]: [RegimeMember; 2],
        repetitions: u32,
        seed: u64,
        currency: Currency,
    ) -> Result<Self, ParameterError> {
        let results = RegimeTournament::new(config, vec![first, second])?
            .with_repetitions(repetitions)?
            .with_seed(seed)
            .play();
        GroupPayoffs::from_regime_results(&results, currency)
    }

    /// The payoff of a C strategist with `others` other C strategists in
    /// its group (`others < N`).
    #[must_use]
    pub fn cooperator(&self, others: usize) -> f64 {
        self.cooperator[others]
    }

    /// The payoff of a D strategist with `others` C strategists in its
    /// group (`others < N`).
    #[must_use]
    pub fn defector(&self, others: usize) -> f64 {
        self.defector[others]
    }

    /// The group size `N`.
    #[must_use]
    pub fn group_size(&self) -> u32 {
        // The columns are built from group sizes that fit in u32.
        #[allow(clippy::cast_possible_truncation)]
        let size = self.cooperator.len() as u32;
        size
    }
}

/// The two-strategy group evolution of the [module documentation](self).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupEvolution {
    payoffs: GroupPayoffs,
    population: u32,
    beta: f64,
    mutation: f64,
    threshold: u32,
    ln_factorial: Vec<f64>,
}

impl GroupEvolution {
    /// The largest population.
    pub const MAX_POPULATION: u32 = 1_000_000;

    /// The evolution of `payoffs` in a population of `population` (`Z`,
    /// from `N` to [`GroupEvolution::MAX_POPULATION`]) under the Fermi rule
    /// with intensity `beta` (in [0, [`Selection::MAX_INTENSITY`](super::Selection::MAX_INTENSITY)], field
    /// `beta`) and mutation `mutation` (in [0, 1]);
    /// `threshold` is the `M` of the group achievement (in [0, N]).
    pub fn new(
        payoffs: GroupPayoffs,
        population: u32,
        beta: f64,
        mutation: f64,
        threshold: u32,
    ) -> Result<Self, ParameterError> {
        let size = payoffs.group_size();
        if !(size..=Self::MAX_POPULATION).contains(&population) {
            return Err(ParameterError::new(
                "population",
                format!(
                    "expected a population from the group size {size} to {}, got {population}",
                    Self::MAX_POPULATION
                ),
            ));
        }
        check_intensity("beta", beta)?;
        twolevel_game::error::check_unit_interval("mutation", mutation)?;
        if threshold > size {
            return Err(ParameterError::new(
                "threshold",
                format!("expected a threshold M in [0, N = {size}], got {threshold}"),
            ));
        }
        let mut ln_factorial = Vec::with_capacity(population as usize + 1);
        ln_factorial.push(0.0);
        let mut running = 0.0;
        for k in 1..=population {
            running += f64::from(k).ln();
            ln_factorial.push(running);
        }
        Ok(GroupEvolution {
            payoffs,
            population,
            beta,
            mutation,
            threshold,
            ln_factorial,
        })
    }

    /// The full chain of a two-player game `[a, b, c, d]` (`a = C vs C`,
    /// `b = C vs D`, `c = D vs C`, `d = D vs D`) in a population of
    /// `population`: groups of two (see the [module documentation](self)).
    /// Its group achievement counts groups in which both cooperate.
    pub fn pairwise(
        game: [f64; 4],
        population: u32,
        beta: f64,
        mutation: f64,
    ) -> Result<Self, ParameterError> {
        GroupEvolution::new(
            GroupPayoffs::from_pairwise(game)?,
            population,
            beta,
            mutation,
            2,
        )
    }

    /// `ln C(n, k)`.
    fn ln_choose(&self, n: u32, k: u32) -> f64 {
        let f = |x: u32| self.ln_factorial[x as usize];
        f(n) - f(k) - f(n - k)
    }

    /// The hypergeometric pmf `H(j; total, successes, draws)`: the
    /// probability of `j` successes in `draws` draws without replacement
    /// from `total` items of which `successes` are successes. The counts
    /// must not exceed the population.
    #[must_use]
    pub fn hypergeometric(&self, j: u32, total: u32, successes: u32, draws: u32) -> f64 {
        if j > successes || j > draws || draws - j > total - successes {
            return 0.0;
        }
        (self.ln_choose(successes, j) + self.ln_choose(total - successes, draws - j)
            - self.ln_choose(total, draws))
        .exp()
    }

    /// The expected payoffs `(f_C(i), f_D(i))` with `i` C strategists,
    /// `0 < i < Z` (at the ends one of them has no member to average).
    #[must_use]
    pub fn fitness(&self, i: u32) -> (f64, f64) {
        let z = self.population;
        let n = self.payoffs.group_size();
        let mut f_c = 0.0;
        let mut f_d = 0.0;
        for j in 0..n {
            let others = j as usize;
            if i >= 1 {
                f_c +=
                    self.hypergeometric(j, z - 1, i - 1, n - 1) * self.payoffs.cooperator[others];
            }
            if i < z {
                f_d += self.hypergeometric(j, z - 1, i, n - 1) * self.payoffs.defector[others];
            }
        }
        (f_c, f_d)
    }

    /// `(ln T+(i), ln T-(i))`, each possibly `-inf` (at the ends without
    /// mutation).
    fn ln_transitions(&self, i: u32) -> (f64, f64) {
        let z = f64::from(self.population);
        let k = f64::from(i);
        let ln_mutation = |share: f64| (self.mutation * share).ln();
        let mut up = ln_mutation((z - k) / z);
        let mut down = ln_mutation(k / z);
        if i > 0 && i < self.population && self.mutation < 1.0 {
            let (f_c, f_d) = self.fitness(i);
            let x = self.beta * (f_c - f_d);
            let ln_meet = (1.0 - self.mutation).ln() + (k / z).ln() + ((z - k) / (z - 1.0)).ln();
            // ln(1 / (1 + exp(-x))) = -softplus(-x), stable for any x.
            let softplus = |y: f64| y.max(0.0) + (-y.abs()).exp().ln_1p();
            up = ln_add(up, ln_meet - softplus(-x));
            down = ln_add(down, ln_meet - softplus(x));
        }
        (up, down)
    }

    /// The transition probabilities `(T+(i), T-(i))`.
    #[must_use]
    pub fn transitions(&self, i: u32) -> (f64, f64) {
        let (up, down) = self.ln_transitions(i);
        (up.exp(), down.exp())
    }

    /// The gradient of selection `G(i) = T+(i) - T-(i)`.
    #[must_use]
    pub fn gradient(&self, i: u32) -> f64 {
        let (up, down) = self.transitions(i);
        up - down
    }

    /// The logarithm of the stationary distribution over `i = 0..=Z`,
    /// normalised in log space. Needs mutation (without it the chain is
    /// absorbed at 0 or Z); fails, naming `mutation`, when it is 0.
    pub fn ln_stationary(&self) -> Result<Vec<f64>, ParameterError> {
        if self.mutation == 0.0 {
            return Err(ParameterError::new(
                "mutation",
                "expected a mutation probability > 0 for a stationary distribution",
            ));
        }
        let mut ln_p = Vec::with_capacity(self.population as usize + 1);
        let mut running = 0.0;
        ln_p.push(running);
        let mut up = self.ln_transitions(0).0;
        for i in 1..=self.population {
            let (next_up, down) = self.ln_transitions(i);
            running += up - down;
            ln_p.push(running);
            up = next_up;
        }
        normalize_ln(&mut ln_p);
        Ok(ln_p)
    }

    /// The stationary distribution over `i = 0..=Z` (entries below
    /// `f64`'s range are 0 here; [`GroupEvolution::ln_stationary`] keeps
    /// them).
    pub fn stationary(&self) -> Result<Vec<f64>, ParameterError> {
        Ok(self.ln_stationary()?.into_iter().map(f64::exp).collect())
    }

    /// The probability that a random group of `N` holds at least `M` C
    /// strategists when the population holds `i`.
    #[must_use]
    pub fn achievement_at(&self, i: u32) -> f64 {
        let n = self.payoffs.group_size();
        (self.threshold..=n)
            .map(|j| self.hypergeometric(j, self.population, i, n))
            .sum()
    }

    /// The group achievement `eta_G = sum_i p(i) sum_{j >= M} H(j; Z, i, N)`.
    pub fn group_achievement(&self) -> Result<f64, ParameterError> {
        let ln_p = self.ln_stationary()?;
        Ok((0..=self.population)
            .map(|i| ln_p[i as usize].exp() * self.achievement_at(i))
            .sum())
    }

    /// The fixation probabilities without mutation `(rho_C, rho_D)`: of a
    /// single C among `Z - 1` D, and of a single D among `Z - 1` C,
    ///
    /// ```text
    /// rho_C = 1 / (1 + sum_{k=1}^{Z-1} prod_{j=1}^{k} T-(j)/T+(j))
    /// rho_D = rho_C prod_{j=1}^{Z-1} T-(j)/T+(j)
    /// ```
    ///
    /// with `T-(j)/T+(j) = exp(-beta (f_C(j) - f_D(j)))` under the Fermi
    /// rule (the mutation parameter is ignored). Neutral selection gives
    /// `1/Z` for both.
    ///
    /// The sums are taken in log space, so a probability below `f64`'s
    /// range keeps its logarithm. Every accepted input gives finite
    /// logarithms (payoffs and intensities are bounded so that the
    /// exponents stay in range); should one still leave the range, the
    /// answer is an error naming `beta`, never a NaN.
    pub fn fixation_probabilities(&self) -> Result<(Probability, Probability), ParameterError> {
        let mut partial = Vec::with_capacity(self.population as usize);
        partial.push(0.0);
        let mut running = 0.0;
        for j in 1..self.population {
            let (f_c, f_d) = self.fitness(j);
            running += -self.beta * (f_c - f_d);
            partial.push(running);
        }
        let (ln_sum, _) = log_sum_exp(partial.iter().copied());
        // `ln_sum` is at least the largest partial sum, `running` included,
        // so both logarithms are at most 0 even after rounding.
        let ln_c = -ln_sum;
        let ln_d = running - ln_sum;
        if !(ln_c.is_finite() && ln_d.is_finite()) {
            return Err(ParameterError::new(
                "beta",
                format!(
                    "the intensity of selection times the payoff differences leaves the \
                     floating-point range (log fixation probabilities {} and {}); lower `beta`",
                    format_number(ln_c),
                    format_number(ln_d)
                ),
            ));
        }
        let probability = |ln: f64| Probability {
            value: ln.exp(),
            ln,
        };
        Ok((probability(ln_c), probability(ln_d)))
    }

    /// The population size `Z`.
    #[must_use]
    pub const fn population(&self) -> u32 {
        self.population
    }

    /// Simulates the pairwise comparison process event by event for
    /// `steps` events from `initial` C strategists, and returns how often
    /// each state `i = 0..=Z` was visited (after each event).
    ///
    /// An event: a random focal individual mutates to the other strategy
    /// with probability `mu`; otherwise it picks a random model among the
    /// other `Z - 1` and, if the model's strategy differs, adopts it with
    /// probability `1 / (1 + exp(-beta (f_model - f_focal)))`. This is the
    /// process the analytic quantities describe, drawn individual by
    /// individual (not from `T+` and `T-`), so its visit frequencies check
    /// the stationary distribution. Fails, naming `initial`, when it
    /// exceeds `Z`.
    pub fn simulate(
        &self,
        initial: u32,
        steps: u64,
        rng: &mut dyn Rng,
    ) -> Result<Vec<u64>, ParameterError> {
        if initial > self.population {
            return Err(ParameterError::new(
                "initial",
                format!(
                    "expected at most Z = {} C strategists, got {initial}",
                    self.population
                ),
            ));
        }
        let z = f64::from(self.population);
        let mut visits = vec![0_u64; self.population as usize + 1];
        let mut cooperators = initial;
        for _ in 0..steps {
            let focal_is_c = rng.random::<f64>() < f64::from(cooperators) / z;
            if rng.random::<f64>() < self.mutation {
                if focal_is_c {
                    cooperators -= 1;
                } else {
                    cooperators += 1;
                }
            } else {
                let c_others = f64::from(cooperators) - if focal_is_c { 1.0 } else { 0.0 };
                let model_is_c = rng.random::<f64>() < c_others / (z - 1.0);
                if focal_is_c != model_is_c {
                    let (f_c, f_d) = self.fitness(cooperators);
                    let gain = if model_is_c { f_c - f_d } else { f_d - f_c };
                    if rng.random::<f64>() < 1.0 / (1.0 + (-self.beta * gain).exp()) {
                        if model_is_c {
                            cooperators += 1;
                        } else {
                            cooperators -= 1;
                        }
                    }
                }
            }
            visits[cooperators as usize] += 1;
        }
        Ok(visits)
    }

    /// The mean share of C strategists `sum_i p(i) i / Z` and the group
    /// achievement `sum_i p(i) a(i)` (with `a(i)` from
    /// [`GroupEvolution::achievement_at`]) of a distribution `p` over
    /// `i = 0..=Z` given by weights (normalised here): the stationary
    /// distribution, or the visit counts of [`GroupEvolution::simulate`].
    #[must_use]
    pub fn cooperation_and_achievement(&self, weights: &[f64]) -> (f64, f64) {
        let total: f64 = weights.iter().sum();
        let z = f64::from(self.population);
        let (mut cooperation, mut achievement) = (0.0, 0.0);
        for (i, &weight) in (0..=self.population).zip(weights) {
            let p = weight / total;
            cooperation += p * f64::from(i) / z;
            achievement += p * self.achievement_at(i);
        }
        (cooperation, achievement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use twolevel_game::GroupPolicy;

    #[test]
    fn hypergeometric_sums_to_one_and_matches_by_hand() {
        let payoffs = GroupPayoffs::from_pairwise([3.0, 0.0, 5.0, 1.0]).unwrap();
        let evolution = GroupEvolution::new(payoffs, 10, 1.0, 0.0, 1).unwrap();
        // H(1; 10, 4, 3) = C(4,1) C(6,2) / C(10,3) = 4 * 15 / 120 = 0.5.
        assert!((evolution.hypergeometric(1, 10, 4, 3) - 0.5).abs() < 1e-12);
        let total: f64 = (0..=3).map(|j| evolution.hypergeometric(j, 10, 4, 3)).sum();
        assert!((total - 1.0).abs() < 1e-12);
        assert_eq!(evolution.hypergeometric(4, 10, 4, 3), 0.0);
    }

    #[test]
    fn bad_input_names_the_field() {
        let payoffs = GroupPayoffs::from_pairwise([3.0, 0.0, 5.0, 1.0]).unwrap();
        let field = |r: Result<GroupEvolution, ParameterError>| r.unwrap_err().field;
        assert_eq!(
            field(GroupEvolution::new(payoffs.clone(), 1, 1.0, 0.1, 1)),
            "population"
        );
        assert_eq!(
            field(GroupEvolution::new(payoffs.clone(), 10, -1.0, 0.1, 1)),
            "beta"
        );
        assert_eq!(
            field(GroupEvolution::new(payoffs.clone(), 10, 1.0, 1.5, 1)),
            "mutation"
        );
        assert_eq!(
            field(GroupEvolution::new(payoffs.clone(), 10, 1.0, 0.1, 3)),
            "threshold"
        );
        let no_mutation = GroupEvolution::new(payoffs, 10, 1.0, 0.0, 1).unwrap();
        assert_eq!(no_mutation.ln_stationary().unwrap_err().field, "mutation");
        assert_eq!(
            GroupPayoffs::new(vec![1.0], vec![1.0]).unwrap_err().field,
            "payoffs"
        );
        assert_eq!(
            GroupPayoffs::new(vec![1.0, f64::NAN], vec![1.0, 2.0])
                .unwrap_err()
                .field,
            "cooperator"
        );
    }

    #[test]
    fn public_goods_fitness_by_hand() {
        // F = 3, c = 1, N = 3, Z = 4, i = 2: a C meets j others among 1 C and
        // 2 D in 2 draws: j = 0 w.p. 1/3, j = 1 w.p. 2/3. policy_C(k) = k - 1.
        let game = GroupGame::new(3, GroupPolicy::public_goods(3.0, 1.0)).unwrap();
        let payoffs = GroupPayoffs::from_game(
            &game,
            Politicization::NONE,
            Orientation::POLICY,
            Currency::Policy,
        )
        .unwrap();
        let evolution = GroupEvolution::new(payoffs, 4, 1.0, 0.0, 3).unwrap();
        let (f_c, f_d) = evolution.fitness(2);
        assert!((f_c - (0.0 / 3.0 + 2.0 / 3.0 * 1.0)).abs() < 1e-12);
        // A D meets j others among 2 C and 1 D: j = 1 w.p. 2/3, j = 2 w.p. 1/3.
        assert!((f_d - (2.0 / 3.0 * 1.0 + 1.0 / 3.0 * 2.0)).abs() < 1e-12);
    }
}
