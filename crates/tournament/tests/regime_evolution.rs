//! The analytic evolution of regimes (MODEL.md section 10) against closed
//! forms, the pairwise analytics and a simulation of the pairwise
//! comparison process.

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Currency, GroupGame, GroupPolicy, Orientation, Politicization};
use twolevel_tournament::evolution::{GroupEvolution, GroupPayoffs, Update, fixation_probability};

fn collective_risk(size: u32, threshold: u32) -> GroupPayoffs {
    let game = GroupGame::new(
        size,
        GroupPolicy::CollectiveRisk {
            endowment: 1.0,
            cost_share: 0.1,
            risk: 0.9,
            threshold,
        },
    )
    .unwrap();
    GroupPayoffs::from_game(
        &game,
        Politicization::NONE,
        Orientation::POLICY,
        Currency::Policy,
    )
    .unwrap()
}

#[test]
fn groups_of_two_are_the_pairwise_analytics() {
    let game = [3.0, 0.0, 5.0, 1.0];
    for (beta, population) in [(0.1, 10), (1.0, 25), (5.0, 60)] {
        let evolution = GroupEvolution::new(
            GroupPayoffs::from_pairwise(game).unwrap(),
            population,
            beta,
            0.0,
            2,
        )
        .unwrap();
        let (rho_c, rho_d) = evolution.fixation_probabilities();
        let pairwise = fixation_probability(Update::Fermi(beta), game, population).unwrap();
        assert!(
            (rho_c.ln - pairwise.ln).abs() < 1e-9,
            "{rho_c:?} vs {pairwise:?}"
        );
        // D invading C is the same game with the roles swapped.
        let swapped =
            fixation_probability(Update::Fermi(beta), [1.0, 5.0, 0.0, 3.0], population).unwrap();
        assert!(
            (rho_d.ln - swapped.ln).abs() < 1e-9,
            "{rho_d:?} vs {swapped:?}"
        );
    }
}

#[test]
fn neutral_selection_fixes_with_one_over_z_and_is_symmetric() {
    let evolution = GroupEvolution::new(collective_risk(6, 3), 50, 0.0, 0.01, 3).unwrap();
    let (rho_c, rho_d) = evolution.fixation_probabilities();
    assert!((rho_c.value - 0.02).abs() < 1e-12);
    assert!((rho_d.value - 0.02).abs() < 1e-12);
    let p = evolution.stationary().unwrap();
    for i in 0..=50 {
        assert!((p[i] - p[50 - i]).abs() < 1e-12);
        assert_eq!(evolution.gradient(25), 0.0);
    }
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

/// With mutation 1 every event is a mutation: the stationary distribution
/// is Binomial(Z, 1/2), and a group of N drawn from it holds
/// Binomial(N, 1/2) cooperators, so eta_G is that binomial's tail.
#[test]
fn pure_mutation_gives_binomial_closed_forms() {
    let (population, size, threshold) = (40, 5, 3);
    let evolution = GroupEvolution::new(
        collective_risk(size, threshold),
        population,
        3.0,
        1.0,
        threshold,
    )
    .unwrap();
    let p = evolution.stationary().unwrap();
    let choose =
        |n: u32, k: u32| (0..k).fold(1.0, |acc, i| acc * f64::from(n - i) / f64::from(i + 1));
    for i in 0..=population {
        let binomial = choose(population, i) * 0.5_f64.powi(population as i32);
        assert!((p[i as usize] - binomial).abs() < 1e-12, "{i}");
    }
    let tail: f64 = (threshold..=size)
        .map(|j| choose(size, j) * 0.5_f64.powi(size as i32))
        .sum();
    assert!((evolution.group_achievement().unwrap() - tail).abs() < 1e-10);
}

#[test]
fn large_populations_keep_tiny_probabilities() {
    let evolution = GroupEvolution::new(collective_risk(10, 5), 10_000, 5.0, 1e-4, 5).unwrap();
    let ln_p = evolution.ln_stationary().unwrap();
    assert_eq!(ln_p.len(), 10_001);
    assert!(ln_p.iter().all(|l| l.is_finite()));
    let p: Vec<f64> = ln_p.iter().map(|l| l.exp()).collect();
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    // Somewhere the distribution is far below 1e-60 and still not 0 in logs.
    assert!(ln_p.iter().any(|&l| l < -60.0 * std::f64::consts::LN_10));
    let eta = evolution.group_achievement().unwrap();
    assert!((0.0..=1.0).contains(&eta));
}

/// The pairwise comparison process, simulated event by event (a random
/// focal individual mutates with probability mu, or else imitates a random
/// other individual with the Fermi probability), visits each state as
/// often as the analytic stationary distribution says.
#[test]
fn simulation_of_pairwise_comparison_agrees_with_the_stationary_distribution() {
    let (population, beta, mutation) = (20_u32, 2.0, 0.05);
    let evolution =
        GroupEvolution::new(collective_risk(4, 2), population, beta, mutation, 2).unwrap();
    let p = evolution.stationary().unwrap();
    let analytic_mean: f64 = p.iter().enumerate().map(|(i, q)| i as f64 * q).sum();
    let mut rng = Pcg64Mcg::seed_from_u64(2024);
    let mut cooperators = population / 2;
    let steps = 400_000;
    let mut total = 0.0;
    let z = f64::from(population);
    for _ in 0..steps {
        let focal_is_c = rng.random::<f64>() < f64::from(cooperators) / z;
        if rng.random::<f64>() < mutation {
            if focal_is_c {
                cooperators -= 1;
            } else {
                cooperators += 1;
            }
        } else {
            // The model is one of the other Z - 1 individuals.
            let c_others = f64::from(cooperators) - if focal_is_c { 1.0 } else { 0.0 };
            let model_is_c = rng.random::<f64>() < c_others / (z - 1.0);
            if focal_is_c != model_is_c {
                let (f_c, f_d) = evolution.fitness(cooperators);
                let gain = if model_is_c { f_c - f_d } else { f_d - f_c };
                if rng.random::<f64>() < 1.0 / (1.0 + (-beta * gain).exp()) {
                    if model_is_c {
                        cooperators += 1;
                    } else {
                        cooperators -= 1;
                    }
                }
            }
        }
        total += f64::from(cooperators);
    }
    let simulated_mean = total / f64::from(steps);
    // Selection moves the mean well away from the neutral Z / 2 = 10.
    assert!(analytic_mean > 12.0, "{analytic_mean}");
    assert!(
        (simulated_mean - analytic_mean).abs() < 0.3,
        "simulated {simulated_mean} vs analytic {analytic_mean}"
    );
}
