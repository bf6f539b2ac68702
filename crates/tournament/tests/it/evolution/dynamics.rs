//! Evolutionary dynamics: analytic fixation probabilities against closed
//! forms, egttools and simulation; deterministic dynamics; determinism of
//! seeded runs; rejection of bad input.

use crate::support;

use rand::RngExt;
use rand_core::Rng;
use serde_json::Value;
use support::floats;
use twolevel_tournament::evolution::{
    EvolutionConfig, EvolutionOutcome, FixationMatrix, FixationSummary, PayoffTable, Process,
    RawEvolutionConfig, Record, RunOutcome, Selection, SelectionKind, StochasticParams, Update,
    UpdateKind, conditional_fixation_time, ecological, evolve, evolve_sampled,
    fixation_probability, replicator, run_rng, simulate, simulate_runs,
};

const PD: [f64; 4] = [3.0, 0.0, 5.0, 1.0];

/// Per-turn payoffs of TFT (A) and ALLD (B) over `turns` rounds.
fn tft_alld(turns: f64) -> [f64; 4] {
    [3.0, (turns - 1.0) / turns, (5.0 + turns - 1.0) / turns, 1.0]
}

fn table_of(game: [f64; 4]) -> PayoffTable {
    let [a, b, c, d] = game;
    PayoffTable::two_by_two(a, b, c, d).unwrap()
}

fn config(raw: RawEvolutionConfig) -> EvolutionConfig {
    EvolutionConfig::try_from(raw).unwrap()
}

/// The cases of the egttools fixture under `key` ("pairs" or "stationary").
fn fixture_cases(key: &str) -> Vec<Value> {
    support::fixture_array(include_str!("../../fixtures/fixation.json"), key)
}

fn table_from_json(value: &Value) -> PayoffTable {
    PayoffTable::new(value.as_array().unwrap().iter().map(floats).collect()).unwrap()
}

fn relative_error(x: f64, y: f64) -> f64 {
    (x - y).abs() / x.abs().max(y.abs())
}

// ---------------------------------------------------------------- analytic

/// `ln rho` of the constant-fitness Moran process, `rho = (1 - 1/r) / (1 -
/// 1/r^N)`, evaluated independently of the library's sum of products.
fn ln_rho_constant(r: f64, population: u32) -> f64 {
    let n = f64::from(population);
    if r > 1.0 {
        (1.0 - 1.0 / r).ln() - (-(-n * r.ln()).exp()).ln_1p()
    } else {
        // Both numerator and denominator are negative: flip their signs.
        (1.0 / r - 1.0).ln() - (n * (1.0 / r).ln() + (-(n * r.ln()).exp()).ln_1p())
    }
}

#[test]
fn constant_fitness_matches_the_closed_form_even_when_tiny() {
    for (r, population) in [
        (1.1, 100),
        (10.0, 1000),
        (0.9, 50),
        (0.5, 1000),  // rho ~ 1e-301, still a normal f64
        (0.5, 2000),  // rho ~ 1e-602: only its logarithm is representable
        (0.01, 500),  // rho ~ 1e-998
        (1e-6, 3000), // ln rho ~ -41 000
    ] {
        // Linear fitness with w = 1: f_A = r, f_B = 1 at every composition.
        let rho = fixation_probability(
            Update::moran(Selection::linear(1.0).unwrap()),
            [r, r, 1.0, 1.0],
            population,
        )
        .unwrap();
        let expected = ln_rho_constant(r, population);
        assert!(
            relative_error(rho.ln, expected) < 1e-11,
            "r = {r}, N = {population}: ln rho {} vs {expected}",
            rho.ln
        );
        assert!(rho.ln.is_finite());
        if expected > -700.0 {
            assert!(relative_error(rho.value, expected.exp()) < 1e-9);
        } else {
            assert_eq!(rho.value, 0.0);
        }
    }
}

#[test]
fn exponential_fitness_with_constant_payoffs_is_the_constant_case() {
    // exp(beta * pi): with pi_A = 1, pi_B = 0 the relative fitness is e^beta.
    let beta: f64 = 0.7;
    let rho = fixation_probability(
        Update::moran(Selection::exponential(beta).unwrap()),
        [1.0, 1.0, 0.0, 0.0],
        60,
    )
    .unwrap();
    assert!(relative_error(rho.ln, ln_rho_constant(beta.exp(), 60)) < 1e-12);
}

#[test]
fn neutral_drift_is_exactly_one_over_n() {
    for population in [2, 7, 100, 12_345] {
        for update in [
            Update::moran(Selection::linear(0.0).unwrap()),
            Update::moran(Selection::exponential(0.0).unwrap()),
            Update::fermi(0.0).unwrap(),
        ] {
            let rho = fixation_probability(update, PD, population).unwrap();
            assert_eq!(rho.value, 1.0 / f64::from(population), "{update:?}");
        }
    }
}

#[test]
fn fermi_fixation_matches_egttools() {
    for case in &fixture_cases("pairs") {
        let table = table_from_json(&case["table"]);
        let population = u32::try_from(case["population"].as_u64().unwrap()).unwrap();
        let beta = case["beta"].as_f64().unwrap();
        let label = case["label"].as_str().unwrap();
        for (key, invader, resident) in [("rho_0_invades_1", 0, 1), ("rho_1_invades_0", 1, 0)] {
            let expected = case[key].as_f64().unwrap();
            // The Fermi rule and the Moran process with exponential fitness
            // share T-/T+ = exp(-beta (pi_A - pi_B)).
            for update in [
                Update::fermi(beta).unwrap(),
                Update::moran(Selection::exponential(beta).unwrap()),
            ] {
                let rho = fixation_probability(update, table.pair(invader, resident), population)
                    .unwrap();
                assert!(
                    relative_error(rho.value, expected) < 1e-10,
                    "{label} {key} {update:?}: {} vs egttools {expected}",
                    rho.value
                );
            }
        }
    }
}

#[test]
fn stationary_distribution_matches_egttools() {
    for case in &fixture_cases("stationary") {
        let table = table_from_json(&case["table"]);
        let population = u32::try_from(case["population"].as_u64().unwrap()).unwrap();
        let beta = case["beta"].as_f64().unwrap();
        let label = case["label"].as_str().unwrap();
        let matrix = FixationMatrix::new(Update::fermi(beta).unwrap(), &table, population).unwrap();
        let expected_fixation = case["fixation_resident_invader"].as_array().unwrap();
        for (resident, row) in expected_fixation.iter().enumerate() {
            for (invader, expected) in floats(row).into_iter().enumerate() {
                if invader != resident {
                    let rho = matrix.get(invader, resident).value;
                    assert!(
                        relative_error(rho, expected) < 1e-10,
                        "{label}: {rho} {expected}"
                    );
                }
            }
        }
        let stationary = matrix.stationary_distribution();
        assert!((stationary.iter().sum::<f64>() - 1.0).abs() < 1e-14);
        for (mine, theirs) in stationary.iter().zip(floats(&case["stationary"])) {
            assert!((mine - theirs).abs() < 1e-9, "{label}: {stationary:?}");
        }
    }
}

fn ln_sum_exp(terms: &[f64]) -> f64 {
    let max = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    max + terms.iter().map(|t| (t - max).exp()).sum::<f64>().ln()
}

#[test]
fn stationary_distribution_survives_tiny_fixation_probabilities() {
    // Strong selection in a large population: most fixation probabilities
    // are far below the smallest f64. The Markov chain tree theorem gives
    // the stationary distribution of three states independently: the weight
    // of state r is the sum, over the spanning trees directed into r, of the
    // product of their transition rates q[i][j] = rho(j invades i).
    let table = PayoffTable::new(vec![
        vec![1.2, 0.3, 2.0],
        vec![2.5, 1.0, 0.1],
        vec![0.7, 1.9, 1.4],
    ])
    .unwrap();
    let matrix = FixationMatrix::new(Update::fermi(1.0).unwrap(), &table, 3000).unwrap();
    let q = |from: usize, to: usize| matrix.get(to, from).ln;
    let tiny = (0..3)
        .flat_map(|i| (0..3).map(move |j| (i, j)))
        .filter(|&(i, j)| i != j && q(i, j) < -745.0)
        .count();
    assert!(tiny >= 3, "the case must underflow plain f64");
    let weights = [
        ln_sum_exp(&[q(1, 0) + q(2, 0), q(1, 2) + q(2, 0), q(2, 1) + q(1, 0)]),
        ln_sum_exp(&[q(0, 1) + q(2, 1), q(0, 2) + q(2, 1), q(2, 0) + q(0, 1)]),
        ln_sum_exp(&[q(0, 2) + q(1, 2), q(0, 1) + q(1, 2), q(1, 0) + q(0, 2)]),
    ];
    let total = ln_sum_exp(&weights);
    let ln_stationary = matrix.ln_stationary_distribution();
    for (mine, weight) in ln_stationary.iter().zip(weights) {
        let expected = weight - total;
        assert!(
            (mine - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{ln_stationary:?} vs {expected}"
        );
    }
    let stationary = matrix.stationary_distribution();
    assert!((stationary.iter().sum::<f64>() - 1.0).abs() < 1e-15);
}

// ----------------------------------------------------- fixation time

/// `T+(k)` and `T-(k)` written out from the definitions of the processes.
fn transitions(update: Update, [a, b, c, d]: [f64; 4], population: u32, k: u32) -> (f64, f64) {
    let n = f64::from(population);
    let k = f64::from(k);
    let pi_a = (a * (k - 1.0) + b * (n - k)) / (n - 1.0);
    let pi_b = (c * k + d * (n - k - 1.0)) / (n - 1.0);
    match update.kind() {
        UpdateKind::Moran(selection) => {
            let (fa, fb) = (k * selection.of(pi_a), (n - k) * selection.of(pi_b));
            (fa / (fa + fb) * (n - k) / n, fb / (fa + fb) * k / n)
        }
        UpdateKind::Fermi(beta) => {
            let meet = k * (n - k) / (n * (n - 1.0));
            let up = 1.0 / (1.0 + (-beta * (pi_a - pi_b)).exp());
            (meet * up, meet * (1.0 - up))
        }
    }
}

/// Solves `-T-(k) x(k-1) + (T+(k) + T-(k)) x(k) - T+(k) x(k+1) = rhs(k)` for
/// `k = 1..N-1` with `x(0)`, `x(N)` given (the Thomas algorithm).
fn solve_chain(up: &[f64], down: &[f64], rhs: &[f64], first: f64, last: f64) -> Vec<f64> {
    let m = up.len();
    let mut c_prime = vec![0.0; m];
    let mut d_prime = vec![0.0; m];
    for k in 0..m {
        let diagonal = up[k] + down[k];
        let mut r = rhs[k];
        if k == 0 {
            r += down[k] * first;
        }
        if k == m - 1 {
            r += up[k] * last;
        }
        let (lower, c_before, d_before) = if k == 0 {
            (0.0, 0.0, 0.0)
        } else {
            (-down[k], c_prime[k - 1], d_prime[k - 1])
        };
        let denominator = diagonal - lower * c_before;
        c_prime[k] = if k == m - 1 {
            0.0
        } else {
            -up[k] / denominator
        };
        d_prime[k] = (r - lower * d_before) / denominator;
    }
    let mut x = vec![0.0; m];
    for k in (0..m).rev() {
        x[k] = d_prime[k]
            - if k == m - 1 {
                0.0
            } else {
                c_prime[k] * x[k + 1]
            };
    }
    x
}

/// The conditional fixation time of one A from the Markov chain's linear
/// equations: `phi` from the absorption equations, then `theta_k = phi_k
/// tau_k` from `theta_k = phi_k + sum_j P(k, j) theta_j`.
fn fixation_time_by_linear_algebra(update: Update, game: [f64; 4], population: u32) -> f64 {
    let (up, down): (Vec<f64>, Vec<f64>) = (1..population)
        .map(|k| transitions(update, game, population, k))
        .unzip();
    let phi = solve_chain(&up, &down, &vec![0.0; up.len()], 0.0, 1.0);
    let theta = solve_chain(&up, &down, &phi, 0.0, 0.0);
    theta[0] / phi[0]
}

#[test]
fn neutral_fixation_time_is_n_times_n_minus_one() {
    for population in [2u32, 10, 100, 1000] {
        for update in [
            Update::moran(Selection::linear(0.0).unwrap()),
            Update::moran(Selection::exponential(0.0).unwrap()),
        ] {
            let t = conditional_fixation_time(update, PD, population).unwrap();
            let expected = f64::from(population) * f64::from(population - 1);
            assert!(relative_error(t, expected) < 1e-11, "N = {population}: {t}");
        }
    }
}

#[test]
fn fixation_time_matches_the_linear_equations() {
    for update in [
        Update::moran(Selection::linear(0.5).unwrap()),
        Update::moran(Selection::exponential(0.3).unwrap()),
        Update::fermi(1.0).unwrap(),
        Update::fermi(0.05).unwrap(),
    ] {
        for game in [
            PD,
            [3.0, 0.0, 5.0, 1.0].map(|x| x + 1.0),
            tft_alld(10.0),
            [-1.0, 4.0, 0.0, 2.0],
        ] {
            if matches!(update.kind(), UpdateKind::Moran(s) if matches!(s.kind(), SelectionKind::Linear(_)))
                && game[0] < 0.0
            {
                continue;
            }
            for population in [3, 12, 60] {
                let t = conditional_fixation_time(update, game, population).unwrap();
                let expected = fixation_time_by_linear_algebra(update, game, population);
                assert!(
                    relative_error(t, expected) < 1e-8,
                    "{update:?} {game:?} N = {population}: {t} vs {expected}"
                );
            }
        }
    }
}

#[test]
fn simulated_fixation_time_matches_analytic() {
    // ALLD invading ALLC under the Fermi rule fixes often: many samples.
    let update = Update::fermi(0.5).unwrap();
    let game = [1.0, 5.0, 0.0, 3.0];
    let population = 12;
    let runs = simulate_one_mutant(update, game, population, 20_000, 21);
    let times: Vec<f64> = runs
        .iter()
        .filter_map(|r| r.fixation.filter(|f| f.winner == 0).map(|f| f.step as f64))
        .collect();
    let count = times.len() as f64;
    let mean = times.iter().sum::<f64>() / count;
    let variance = times.iter().map(|t| (t - mean).powi(2)).sum::<f64>() / (count - 1.0);
    let standard_error = (variance / count).sqrt();
    let expected = conditional_fixation_time(update, game, population).unwrap();
    assert!(
        (mean - expected).abs() <= 4.0 * standard_error,
        "simulated {mean} +- {standard_error}, analytic {expected}"
    );
}

// -------------------------------------------------------------- simulation

/// Simulates `runs` runs of `update` on the 2x2 `game`, without mutation,
/// from one A among `population - 1` B until one type fixes.
fn simulate_one_mutant(
    update: Update,
    game: [f64; 4],
    population: u32,
    runs: u32,
    seed: u64,
) -> Vec<RunOutcome> {
    let table = table_of(game);
    let params = StochasticParams {
        update,
        mutation: 0.0,
        max_steps: u64::MAX,
        record: Record::Final,
    };
    simulate_runs(
        || Ok(table.clone()),
        &[1, population - 1],
        &params,
        seed,
        runs,
    )
    .unwrap()
}

/// Simulates `runs` fixation runs from one A among B and checks the
/// frequency of A's fixation against the analytic probability within four
/// binomial standard deviations.
fn check_fixation_frequency(update: Update, game: [f64; 4], population: u32, runs: u32, seed: u64) {
    let outcomes = simulate_one_mutant(update, game, population, runs, seed);
    let summary = FixationSummary::new(&outcomes, 2);
    assert_eq!(summary.unfixed, 0);
    let frequency = summary.frequencies()[0];
    let rho = fixation_probability(update, game, population)
        .unwrap()
        .value;
    let sigma = (rho * (1.0 - rho) / f64::from(runs)).sqrt();
    assert!(
        (frequency - rho).abs() <= 4.0 * sigma,
        "{update:?} {game:?} N = {population}: simulated {frequency}, analytic {rho} (sigma {sigma})"
    );
}

#[test]
fn moran_fixation_frequencies_match_analytic() {
    let tft = tft_alld(10.0);
    let alld_invades = [tft[3], tft[2], tft[1], tft[0]];
    check_fixation_frequency(
        Update::moran(Selection::linear(0.5).unwrap()),
        tft,
        10,
        40_000,
        1,
    );
    check_fixation_frequency(
        Update::moran(Selection::linear(0.5).unwrap()),
        alld_invades,
        10,
        40_000,
        2,
    );
    check_fixation_frequency(
        Update::moran(Selection::linear(1.0).unwrap()),
        [1.5, 1.5, 1.0, 1.0],
        8,
        40_000,
        3,
    );
    check_fixation_frequency(
        Update::moran(Selection::exponential(1.0).unwrap()),
        PD,
        6,
        40_000,
        4,
    );
}

#[test]
fn fermi_fixation_frequencies_match_analytic() {
    let hawk_dove = [-1.0, 4.0, 0.0, 2.0];
    check_fixation_frequency(Update::fermi(0.2).unwrap(), hawk_dove, 30, 20_000, 5);
    check_fixation_frequency(
        Update::fermi(0.2).unwrap(),
        [2.0, 0.0, 4.0, -1.0],
        30,
        20_000,
        6,
    );
    check_fixation_frequency(Update::fermi(1.0).unwrap(), tft_alld(10.0), 12, 40_000, 7);
}

#[test]
fn fixation_time_is_recorded() {
    let table = table_of([1.0; 4]);
    let params = StochasticParams {
        update: Update::moran(Selection::linear(0.0).unwrap()),
        mutation: 0.0,
        max_steps: u64::MAX,
        record: Record::Generation,
    };
    let runs = simulate_runs(|| Ok(table.clone()), &[5, 5], &params, 11, 2000).unwrap();
    let summary = FixationSummary::new(&runs, 2);
    // Neutral drift from half and half: each type fixes with probability 1/2,
    // and the mean fixation time is N^2 ln 2 steps (for large N), i.e. about
    // N ln 2 = 6.9 generations; for N = 10 the exact value is below that.
    let frequency = summary.frequencies()[0];
    assert!((frequency - 0.5).abs() < 4.0 * (0.25f64 / 2000.0).sqrt());
    let mean = summary.mean_generations.unwrap();
    assert!(mean > 3.0 && mean < 10.0, "{mean}");
    for run in &runs {
        let fixation = run.fixation.unwrap();
        assert_eq!(*run.steps.last().unwrap(), fixation.step);
        assert!(run.steps.iter().all(|s| s % 10 == 0 || *s == fixation.step));
    }
}

// ---------------------------------------------------------- determinism

#[test]
fn same_seed_same_trajectory_and_parallel_equals_serial() {
    let table = table_of(PD);
    let params = StochasticParams {
        update: Update::fermi(0.3).unwrap(),
        mutation: 0.01,
        max_steps: 2000,
        record: Record::Step,
    };
    let initial = [20, 20];
    let parallel = simulate_runs(|| Ok(table.clone()), &initial, &params, 99, 16).unwrap();
    let serial: Vec<_> = (0..16)
        .map(|run| simulate(&mut table.clone(), &initial, &params, &mut run_rng(99, run)).unwrap())
        .collect();
    assert_eq!(parallel, serial);
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| simulate_runs(|| Ok(table.clone()), &initial, &params, 99, 16).unwrap());
    assert_eq!(parallel, one_thread);
    // Different runs and different seeds do differ.
    assert_ne!(parallel[0], parallel[1]);
    let other = simulate_runs(|| Ok(table.clone()), &initial, &params, 100, 1).unwrap();
    assert_ne!(parallel[0], other[0]);
}

#[test]
fn sampled_deterministic_matches_equal_the_table() {
    // A match player that returns the table's payoffs and draws nothing
    // yields exactly the table's trajectory (integer payoffs keep the
    // recomputed and the incrementally updated sums identical).
    let table = table_of(PD);
    let cfg = config(RawEvolutionConfig {
        process: Process::Moran,
        population: 30,
        initial: twolevel_tournament::evolution::Initial::Counts(vec![15, 15]),
        selection: Selection::linear(0.5).unwrap(),
        runs: 4,
        ..RawEvolutionConfig::default()
    });
    let from_table = evolve(&cfg, &table, 5).unwrap();
    let player = |i: usize, j: usize, _rng: &mut dyn Rng| (table.get(i, j), table.get(j, i));
    let sampled = evolve_sampled(&cfg, 2, || player, 5).unwrap();
    assert_eq!(from_table, sampled);
}

#[test]
fn sampled_stochastic_matches_are_seeded() {
    let cfg = config(RawEvolutionConfig {
        process: Process::PairwiseComparison,
        population: 20,
        runs: 3,
        generations: 50,
        mutation: 0.05,
        ..RawEvolutionConfig::default()
    });
    // A noisy prisoner's dilemma: each match's payoffs jitter.
    let player = || {
        |i: usize, j: usize, rng: &mut dyn Rng| {
            let base = [[3.0, 0.0], [5.0, 1.0]];
            (
                base[i][j] + rng.random_range(-0.5..0.5),
                base[j][i] + rng.random_range(-0.5..0.5),
            )
        }
    };
    let first = evolve_sampled(&cfg, 2, player, 8).unwrap();
    let second = evolve_sampled(&cfg, 2, player, 8).unwrap();
    let third = evolve_sampled(&cfg, 2, player, 9).unwrap();
    assert_eq!(first, second);
    assert_ne!(first, third);
}

// ---------------------------------------------------- deterministic dynamics

fn assert_on_simplex(rows: &[Vec<f64>]) {
    for row in rows {
        assert!(row.iter().all(|x| *x >= 0.0));
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{row:?}");
    }
}

#[test]
fn defection_takes_over_among_allc_and_alld() {
    let table = table_of(PD);
    let eco = ecological(&table, &[0.99, 0.01], 200, true).unwrap();
    assert_on_simplex(&eco.shares);
    assert!(eco.last()[1] > 0.999_999);
    let rep = replicator(&table, &[0.99, 0.01], 0.05, 2000, true).unwrap();
    assert_on_simplex(&rep.shares);
    assert!(rep.last()[1] > 0.999_999);
    // ALLD's share rises monotonically.
    assert!(eco.shares.windows(2).all(|w| w[1][1] >= w[0][1]));
}

#[test]
fn hawk_dove_reaches_the_interior_equilibrium() {
    // V = 2, C = 4: the mixed equilibrium has V / C = 1/2 hawks.
    let table = PayoffTable::two_by_two(-1.0, 2.0, 0.0, 1.0).unwrap();
    for start in [0.05, 0.9] {
        let rep = replicator(&table, &[start, 1.0 - start], 0.05, 4000, false).unwrap();
        assert!((rep.last()[0] - 0.5).abs() < 1e-9, "{:?}", rep.last());
        // The ecological map shifts payoffs by 1 (the minimum is -1), which
        // keeps the equilibrium.
        let eco = ecological(&table, &[start, 1.0 - start], 2000, false).unwrap();
        assert!((eco.last()[0] - 0.5).abs() < 1e-9, "{:?}", eco.last());
        assert_eq!(rep.shares.len(), 2);
    }
}

#[test]
fn replicator_matches_the_logistic_solution() {
    // Constant advantage s: x' = s x (1 - x), solved by the logistic curve.
    let s = 0.8;
    let table = PayoffTable::two_by_two(1.0 + s, 1.0 + s, 1.0, 1.0).unwrap();
    let x0: f64 = 0.1;
    let run = replicator(&table, &[x0, 1.0 - x0], 0.01, 500, true).unwrap();
    for (t, shares) in run.times.iter().zip(&run.shares) {
        let growth = (s * t).exp();
        let exact = x0 * growth / (1.0 - x0 + x0 * growth);
        assert!((shares[0] - exact).abs() < 1e-10, "t = {t}");
    }
}

#[test]
fn tit_for_tat_wins_axelrods_ecology() {
    // ALLC, ALLD, TFT over 200 rounds, per turn: ALLD first feeds on ALLC,
    // then starves, and TFT takes over.
    let sucker = 199.0 / 200.0;
    let exploit = (5.0 + 199.0) / 200.0;
    let table = PayoffTable::new(vec![
        vec![3.0, 0.0, 3.0],
        vec![5.0, 1.0, exploit],
        vec![3.0, sucker, 3.0],
    ])
    .unwrap();
    let run = ecological(&table, &[1.0 / 3.0; 3], 300, true).unwrap();
    let alld: Vec<f64> = run.shares.iter().map(|x| x[1]).collect();
    let peak = alld.iter().copied().fold(0.0, f64::max);
    assert!(peak > alld[0], "ALLD first grows");
    assert!(*alld.last().unwrap() < 1e-6, "then dies out");
    assert!(run.last()[2] > run.last()[0], "TFT ends ahead of ALLC");
}

// ---------------------------------------------------------------- config

#[test]
fn evolve_runs_each_configured_process() {
    let table = table_of(PD);
    let cfg = |process| {
        config(RawEvolutionConfig {
            process,
            population: 20,
            generations: 100,
            runs: 2,
            selection: Selection::linear(0.2).unwrap(),
            record: Record::Final,
            ..RawEvolutionConfig::default()
        })
    };
    for process in [Process::Ecological, Process::Replicator] {
        let EvolutionOutcome::Shares(run) = evolve(&cfg(process), &table, 1).unwrap() else {
            panic!("{process:?} should give shares");
        };
        assert_eq!(run.shares.len(), 2);
        assert!(run.last()[1] > 0.5);
    }
    for process in [Process::Moran, Process::PairwiseComparison] {
        let EvolutionOutcome::Runs(runs) = evolve(&cfg(process), &table, 1).unwrap() else {
            panic!("{process:?} should give runs");
        };
        assert_eq!(runs.len(), 2);
        assert!(
            runs.iter()
                .all(|r| r.fixation.is_some() || r.steps_taken == 2000)
        );
    }
}

#[test]
fn bad_input_is_rejected_with_the_field() {
    let table = table_of(PD);
    let wrong_length = config(RawEvolutionConfig {
        population: 10,
        initial: twolevel_tournament::evolution::Initial::Counts(vec![3, 3, 4]),
        ..RawEvolutionConfig::default()
    });
    assert_eq!(
        evolve(&wrong_length, &table, 0).unwrap_err().field,
        "initial"
    );

    let negative = PayoffTable::two_by_two(3.0, -1.0, 5.0, 1.0).unwrap();
    let linear = config(RawEvolutionConfig {
        selection: Selection::linear(1.0).unwrap(),
        ..RawEvolutionConfig::default()
    });
    assert_eq!(
        evolve(&linear, &negative, 0).unwrap_err().field,
        "selection"
    );

    let ecological_cfg = config(RawEvolutionConfig {
        process: Process::Ecological,
        ..RawEvolutionConfig::default()
    });
    let player = |_: usize, _: usize, _: &mut dyn Rng| (0.0, 0.0);
    assert_eq!(
        evolve_sampled(&ecological_cfg, 2, || player, 0)
            .unwrap_err()
            .field,
        "process"
    );

    let too_small = RawEvolutionConfig {
        population: 1,
        ..RawEvolutionConfig::default()
    };
    assert_eq!(
        EvolutionConfig::try_from(too_small).unwrap_err().field,
        "population"
    );
    // An intensity out of range cannot even be built.
    assert!(
        Selection::linear(2.0)
            .unwrap_err()
            .field
            .starts_with("selection")
    );
    let params = StochasticParams {
        update: Update::fermi(1.0).unwrap(),
        mutation: 1.5,
        max_steps: 10,
        record: Record::Final,
    };
    let err = simulate(&mut table.clone(), &[5, 5], &params, &mut run_rng(0, 0)).unwrap_err();
    assert_eq!(err.field, "mutation");
    let err = simulate(&mut table.clone(), &[1, 0], &params, &mut run_rng(0, 0)).unwrap_err();
    assert_eq!(err.field, "population");
}
