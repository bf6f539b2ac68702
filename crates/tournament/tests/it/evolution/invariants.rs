//! Property tests of the evolutionary dynamics.

use proptest::prelude::*;
use twolevel_tournament::evolution::{
    FixationMatrix, PayoffTable, Record, Selection, SelectionKind, StochasticParams, Update,
    UpdateKind, ecological, fixation_probability, replicator, run_rng, simulate,
};

/// Shares on the simplex from arbitrary positive weights.
fn normalized(weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

fn table3(entries: &[f64]) -> PayoffTable {
    PayoffTable::new(entries.chunks(3).map(<[f64]>::to_vec).collect()).unwrap()
}

/// `sum_{k=1}^{N-1} ln(T-(k) / T+(k))` for A invading B, written out
/// directly from the payoffs.
fn ln_product(update: Update, [a, b, c, d]: [f64; 4], population: u32) -> f64 {
    let n = f64::from(population);
    (1..population)
        .map(|k| {
            let k = f64::from(k);
            let pi_a = (a * (k - 1.0) + b * (n - k)) / (n - 1.0);
            let pi_b = (c * k + d * (n - k - 1.0)) / (n - 1.0);
            match update.kind() {
                UpdateKind::Fermi(beta) => -beta * (pi_a - pi_b),
                UpdateKind::Moran(selection) => match selection.kind() {
                    SelectionKind::Exponential(beta) => -beta * (pi_a - pi_b),
                    SelectionKind::Linear(w) => ((1.0 - w + w * pi_b) / (1.0 - w + w * pi_a)).ln(),
                },
            }
        })
        .sum()
}

fn update_strategy() -> impl Strategy<Value = Update> {
    prop_oneof![
        (0.0..=1.0f64).prop_map(|w| Update::moran(Selection::linear(w).unwrap())),
        (0.0..3.0f64).prop_map(|b| Update::moran(Selection::exponential(b).unwrap())),
        (0.0..3.0f64).prop_map(|b| Update::fermi(b).unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// rho_B / rho_A = prod_{k=1}^{N-1} T-(k) / T+(k) of the A chain, and
    /// both are probabilities with finite logarithms.
    #[test]
    fn fixation_probabilities_are_consistent(
        update in update_strategy(),
        game in proptest::array::uniform4(0.1..5.0f64),
        population in 2u32..400,
    ) {
        let [a, b, c, d] = game;
        let rho_a = fixation_probability(update, game, population).unwrap();
        let rho_b = fixation_probability(update, [d, c, b, a], population).unwrap();
        for rho in [rho_a, rho_b] {
            prop_assert!(rho.ln.is_finite() && rho.ln <= 1e-12);
            prop_assert!(rho.value >= 0.0 && rho.value <= 1.0 + 1e-12);
        }
        let expected = ln_product(update, game, population);
        prop_assert!(
            (rho_b.ln - rho_a.ln - expected).abs() <= 1e-9 * expected.abs().max(1.0),
            "{} - {} vs {}", rho_b.ln, rho_a.ln, expected
        );
    }

    #[test]
    fn deterministic_dynamics_stay_on_the_simplex(
        entries in proptest::collection::vec(-5.0..5.0f64, 9),
        weights in proptest::collection::vec(0.01..1.0f64, 3),
    ) {
        let table = table3(&entries);
        let initial = normalized(&weights);
        let runs = [
            ecological(&table, &initial, 100, true).unwrap(),
            replicator(&table, &initial, 0.05, 100, true).unwrap(),
        ];
        for run in runs {
            for shares in &run.shares {
                prop_assert!(shares.iter().all(|x| *x >= 0.0 && x.is_finite()));
                prop_assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn finite_populations_conserve_their_size(
        entries in proptest::collection::vec(0.0..5.0f64, 9),
        counts in proptest::collection::vec(0u32..20, 3),
        fermi in any::<bool>(),
        mutation in 0.0..0.2f64,
        seed in any::<u64>(),
    ) {
        prop_assume!(counts.iter().sum::<u32>() >= 2);
        let size: u32 = counts.iter().sum();
        let mut table = table3(&entries);
        let update = if fermi { Update::fermi(1.0).unwrap() } else { Update::moran(Selection::linear(0.5).unwrap()) };
        let params = StochasticParams { update, mutation, max_steps: 500, record: Record::Step };
        let run = simulate(&mut table, &counts, &params, &mut run_rng(seed, 0)).unwrap();
        let mut last_step = None;
        for (step, row) in run.rows() {
            prop_assert_eq!(row.iter().sum::<u32>(), size);
            prop_assert!(last_step.is_none_or(|s| s < step));
            last_step = Some(step);
        }
        prop_assert_eq!(run.final_counts.iter().sum::<u32>(), size);
        if let Some(fixation) = run.fixation {
            prop_assert_eq!(run.final_counts[fixation.winner], size);
        }
    }

    #[test]
    fn stationary_distributions_are_distributions(
        entries in proptest::collection::vec(-3.0..3.0f64, 9),
        beta in 0.0..5.0f64,
        population in 2u32..500,
    ) {
        let table = table3(&entries);
        let matrix = FixationMatrix::new(Update::fermi(beta).unwrap(), &table, population).unwrap();
        let stationary = matrix.stationary_distribution();
        prop_assert!(stationary.iter().all(|x| (0.0..=1.0).contains(x)));
        prop_assert!((stationary.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}
