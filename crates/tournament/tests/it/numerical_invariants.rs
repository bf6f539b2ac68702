//! Numerical invariants across the accepted parameter space:
//! shares stay on the simplex, probabilities lie in [0, 1], stationary
//! distributions sum to 1, and every accepted input gives finite numbers
//! or an error: the replicator and ecological dynamics, the two-player
//! fixation probabilities and their embedded chain, the full group chain
//! (`GroupEvolution`) and the good-count chain of a society.

use proptest::prelude::*;
use twolevel_game::Norm;
use twolevel_tournament::evolution::{
    FixationMatrix, GroupEvolution, GroupPayoffs, PayoffTable, Selection, Update, ecological,
    fixation_probability, replicator,
};
use twolevel_tournament::society::StandingDynamics;

/// A payoff in [-1, 1] times 10 to a power from 0 to `max_exponent`.
fn payoff(max_exponent: i32) -> impl Strategy<Value = f64> {
    (-1.0..=1.0_f64, 0..=max_exponent).prop_map(|(x, e)| x * 10f64.powi(e))
}

fn table(n: usize, max_exponent: i32) -> impl Strategy<Value = Vec<Vec<f64>>> {
    proptest::collection::vec(proptest::collection::vec(payoff(max_exponent), n), n)
}

fn shares(n: usize) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(0.0..=1.0_f64, n).prop_filter_map("some mass", |w| {
        let total: f64 = w.iter().sum();
        (total > 1e-6).then(|| w.iter().map(|x| x / total).collect())
    })
}

fn on_simplex(x: &[f64]) -> bool {
    x.iter().all(|s| (0.0..=1.0).contains(s)) && (x.iter().sum::<f64>() - 1.0).abs() < 1e-12
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn replicator_shares_stay_on_the_simplex(
        rows in table(3, 2),
        initial in shares(3),
        dt in 0.01..=5.0_f64,
        steps in 1..=10_u64,
    ) {
        let table = PayoffTable::new(rows).unwrap();
        let initial: Vec<f64> = {
            // check_initial wants a sum of 1 within 1e-9.
            let total: f64 = initial.iter().sum();
            initial.iter().map(|x| x / total).collect()
        };
        match replicator(&table, &initial, dt, steps, true) {
            Ok(run) => {
                for row in &run.shares {
                    prop_assert!(on_simplex(row), "{row:?}");
                }
            }
            Err(err) => prop_assert_eq!(err.field, "step"),
        }
    }

    #[test]
    fn ecological_shares_stay_on_the_simplex(
        rows in table(3, 100),
        initial in shares(3),
        generations in 1..=50_u64,
    ) {
        let table = PayoffTable::new(rows).unwrap();
        let total: f64 = initial.iter().sum();
        let initial: Vec<f64> = initial.iter().map(|x| x / total).collect();
        let run = ecological(&table, &initial, generations, true).unwrap();
        for row in &run.shares {
            prop_assert!(on_simplex(row), "{row:?}");
        }
    }

    #[test]
    fn fixation_probabilities_are_probabilities(
        game in proptest::array::uniform4(payoff(100)),
        beta_exponent in -3.0..=16.0_f64,
        population in 2..=200_u32,
        moran in any::<bool>(),
    ) {
        let beta = 10f64.powf(beta_exponent);
        let update = if moran {
            Update::moran(Selection::exponential(beta).unwrap())
        } else {
            Update::fermi(beta).unwrap()
        };
        if let Ok(rho) = fixation_probability(update, game, population) {
            prop_assert!(rho.value.is_finite() && (0.0..=1.0).contains(&rho.value), "{rho:?}");
            prop_assert!(rho.ln <= 0.0 && !rho.ln.is_nan(), "{rho:?}");
        }
    }

    #[test]
    fn stationary_distributions_sum_to_one(
        rows in table(4, 100),
        beta_exponent in -3.0..=16.0_f64,
        population in 2..=100_u32,
    ) {
        let table = PayoffTable::new(rows).unwrap();
        let update = Update::fermi(10f64.powf(beta_exponent)).unwrap();
        if let Ok(matrix) = FixationMatrix::new(update, &table, population) {
            let pi = matrix.stationary_distribution();
            prop_assert!(on_simplex(&pi), "{pi:?}");
        }
    }

    #[test]
    fn group_chains_have_probabilities_and_distributions_that_sum_to_one(
        cooperator in proptest::collection::vec(payoff(100), 3),
        defector in proptest::collection::vec(payoff(100), 3),
        beta_exponent in -3.0..=16.0_f64,
        population in 2..=200_u32,
        mutation in 0.0..=1.0_f64,
    ) {
        // Groups of N = 3 (payoffs for 0, 1, 2 other cooperators).
        let payoffs = GroupPayoffs::new(cooperator, defector).unwrap();
        let beta = 10f64.powf(beta_exponent);
        let Ok(evolution) = GroupEvolution::new(payoffs, population.max(3), beta, mutation, 2)
        else {
            return Ok(());
        };
        for i in 0..=population.max(3) {
            let (up, down) = evolution.transitions(i);
            prop_assert!((0.0..=1.0).contains(&up) && (0.0..=1.0).contains(&down), "{up} {down}");
            prop_assert!(up + down <= 1.0 + 1e-12, "{up} + {down}");
            prop_assert!(evolution.gradient(i).is_finite());
        }
        if mutation > 0.0 {
            let pi = evolution.stationary().unwrap();
            prop_assert!(on_simplex(&pi), "{pi:?}");
            let eta = evolution.group_achievement().unwrap();
            prop_assert!((0.0..=1.0 + 1e-12).contains(&eta), "{eta}");
        } else {
            prop_assert_eq!(evolution.stationary().unwrap_err().field, "mutation");
        }
        if let Ok((rho_c, rho_d)) = evolution.fixation_probabilities() {
            for rho in [rho_c, rho_d] {
                prop_assert!((0.0..=1.0).contains(&rho.value) && rho.ln <= 0.0, "{rho:?}");
            }
        }
    }

    #[test]
    fn society_chains_have_probabilities_and_distributions_that_sum_to_one(
        norm in prop::sample::select(vec![
            Norm::STERN_JUDGING,
            Norm::SIMPLE_STANDING,
            Norm::IMAGE_SCORING,
            Norm::SHUNNING,
        ]),
        e in 0.0..=1.0_f64,
        mu in 1e-9..1.0_f64,
        size in 2..=500_usize,
    ) {
        let dynamics = StandingDynamics::discriminators(norm, e, mu).unwrap();
        let chain = dynamics.good_count_chain(size).unwrap();
        for k in 0..=size {
            let (up, down) = (chain.up(k), chain.down(k));
            prop_assert!((0.0..=1.0).contains(&up) && (0.0..=1.0).contains(&down), "{up} {down}");
            prop_assert!(up + down <= 1.0 + 1e-12, "{up} + {down}");
        }
        let pi = chain.stationary();
        prop_assert!(on_simplex(&pi), "{pi:?}");
        for rate in [chain.mean_good_share(), chain.cooperation_rate()] {
            prop_assert!((0.0..=1.0).contains(&rate), "{rate}");
        }
        prop_assert!(chain.good_share_variance() >= 0.0);
    }
}
