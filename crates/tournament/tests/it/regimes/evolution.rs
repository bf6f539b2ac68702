//! The analytic evolution of regimes (`docs/regimes.md`) against closed
//! forms, the pairwise analytics and a simulation of the pairwise
//! comparison process.

use rand::SeedableRng;
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
        let (rho_c, rho_d) = evolution.fixation_probabilities().unwrap();
        let pairwise =
            fixation_probability(Update::fermi(beta).unwrap(), game, population).unwrap();
        assert!(
            (rho_c.ln - pairwise.ln).abs() < 1e-9,
            "{rho_c:?} vs {pairwise:?}"
        );
        // D invading C is the same game with the roles swapped.
        let swapped = fixation_probability(
            Update::fermi(beta).unwrap(),
            [1.0, 5.0, 0.0, 3.0],
            population,
        )
        .unwrap();
        assert!(
            (rho_d.ln - swapped.ln).abs() < 1e-9,
            "{rho_d:?} vs {swapped:?}"
        );
    }
}

#[test]
fn neutral_selection_fixes_with_one_over_z_and_is_symmetric() {
    let evolution = GroupEvolution::new(collective_risk(6, 3), 50, 0.0, 0.01, 3).unwrap();
    let (rho_c, rho_d) = evolution.fixation_probabilities().unwrap();
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

/// The pairwise comparison process, simulated event by event
/// (`GroupEvolution::simulate`: a random focal individual mutates with
/// probability mu, or else imitates a random other individual with the
/// Fermi probability), visits each state as often as the analytic
/// stationary distribution says.
#[test]
fn simulation_of_pairwise_comparison_agrees_with_the_stationary_distribution() {
    let (population, beta, mutation) = (20_u32, 2.0, 0.05);
    let evolution =
        GroupEvolution::new(collective_risk(4, 2), population, beta, mutation, 2).unwrap();
    let p = evolution.stationary().unwrap();
    let analytic_mean: f64 = p.iter().enumerate().map(|(i, q)| i as f64 * q).sum();
    let mut rng = Pcg64Mcg::seed_from_u64(2024);
    let steps = 400_000;
    let visits = evolution.simulate(population / 2, steps, &mut rng).unwrap();
    let total: f64 = visits
        .iter()
        .enumerate()
        .map(|(i, &count)| i as f64 * count as f64)
        .sum();
    let simulated_mean = total / steps as f64;
    // Selection moves the mean well away from the neutral Z / 2 = 10.
    assert!(analytic_mean > 12.0, "{analytic_mean}");
    assert!(
        (simulated_mean - analytic_mean).abs() < 0.3,
        "simulated {simulated_mean} vs analytic {analytic_mean}"
    );
}

/// Iterated regime strategies enter the evolution through the payoff
/// table of a two-entrant regime tournament. For conditional cooperators
/// (quorum 2) against defectors in the public goods game (N = 4, F = 3,
/// c = 1) over 10 rounds the table is known by hand: with `j >= 2` other
/// conditional cooperators everyone keeps cooperating (F (j + 1) / N - c
/// a round); with fewer they cooperate in the first round only.
#[test]
fn regime_strategies_enter_through_their_payoff_table() {
    use twolevel_game::Horizon;
    use twolevel_strategies::regime::{ConditionalCooperator, RegimeDefector};
    use twolevel_tournament::regime::{RegimeConfig, RegimeMember};
    let game = GroupGame::new(4, GroupPolicy::public_goods(3.0, 1.0)).unwrap();
    let config = RegimeConfig::new(game, Horizon::fixed(10).unwrap());
    let pair = || {
        [
            RegimeMember::new(Box::new(ConditionalCooperator::new(2))),
            RegimeMember::new(Box::new(RegimeDefector)),
        ]
    };
    let table = GroupPayoffs::from_regime_pair(config, pair(), 1, 0, Currency::Policy).unwrap();
    for j in 0..4_u32 {
        let others = f64::from(j);
        // A conditional cooperator among j others sees j cooperators.
        let cooperator = if j >= 2 {
            3.0 * (others + 1.0) / 4.0 - 1.0
        } else {
            // Only the first round has contributions.
            (3.0 * (others + 1.0) / 4.0 - 1.0) / 10.0
        };
        // A defector's j conditional cooperators each see j - 1.
        let defector = if j == 3 {
            3.0 * others / 4.0
        } else {
            3.0 * others / 4.0 / 10.0
        };
        let at = j as usize;
        assert!(
            (table.cooperator(at) - cooperator).abs() < 1e-12,
            "C, j = {j}"
        );
        assert!((table.defector(at) - defector).abs() < 1e-12, "D, j = {j}");
    }
    // The analytic quantities apply to the table: rare conditional
    // cooperators lose to defectors.
    let without_mutation = GroupEvolution::new(table.clone(), 50, 1.0, 0.0, 4).unwrap();
    assert!(without_mutation.gradient(5) < 0.0);
    let evolution = GroupEvolution::new(table, 50, 1.0, 0.01, 4).unwrap();
    // Once conditional cooperators are common their groups keep
    // contributing, so one of them fixes more often than a neutral mutant
    // (1/Z) and one defector less often.
    let (rho_c, rho_d) = evolution.fixation_probabilities().unwrap();
    assert!(
        rho_c.value > 1.0 / 50.0 && rho_d.value < 1.0 / 50.0,
        "{rho_c:?} {rho_d:?}"
    );
    let eta = evolution.group_achievement().unwrap();
    assert!((0.0..=1.0).contains(&eta));
    // Only two entrants make a table.
    let results = twolevel_tournament::regime::RegimeTournament::new(
        config,
        vec![
            RegimeMember::new(Box::new(RegimeDefector)),
            RegimeMember::new(Box::new(RegimeDefector)),
            RegimeMember::new(Box::new(RegimeDefector)),
        ],
    )
    .unwrap()
    .play();
    let err = GroupPayoffs::from_regime_results(&results, Currency::Policy).unwrap_err();
    assert_eq!(err.field, "entrants");
}

/// A group larger than the population is an error naming `population`.
#[test]
fn a_group_larger_than_the_population_is_an_error() {
    let err = GroupEvolution::new(collective_risk(6, 3), 5, 1.0, 0.01, 3).unwrap_err();
    assert_eq!(err.field, "population");
    assert!(err.to_string().contains("group size 6"), "{err}");
}

/// The climate scenario's claim (Santos and Pacheco 2011): in the
/// collective-risk dilemma (N = 6, M = 3, c = 0.1) group achievement and
/// cooperation rise with the risk r, analytically (the stationary
/// distribution) and in an event-by-event simulation of the same process,
/// which agrees with the analytic curve.
#[test]
fn group_achievement_and_cooperation_rise_with_risk() {
    let mut previous = (0.0, 0.0);
    let mut rng = Pcg64Mcg::seed_from_u64(2011);
    for risk in [0.1, 0.3, 0.5, 0.7, 0.9] {
        let game = GroupGame::new(
            6,
            GroupPolicy::CollectiveRisk {
                endowment: 1.0,
                cost_share: 0.1,
                risk,
                threshold: 3,
            },
        )
        .unwrap();
        let payoffs = GroupPayoffs::from_game(
            &game,
            Politicization::NONE,
            Orientation::POLICY,
            Currency::Policy,
        )
        .unwrap();
        let evolution = GroupEvolution::new(payoffs, 30, 5.0, 0.05, 3).unwrap();
        let analytic = evolution.cooperation_and_achievement(&evolution.stationary().unwrap());
        assert!(
            (analytic.1 - evolution.group_achievement().unwrap()).abs() < 1e-12,
            "r = {risk}"
        );
        let visits = evolution.simulate(15, 300_000, &mut rng).unwrap();
        let counts: Vec<f64> = visits.iter().map(|&v| v as f64).collect();
        let simulated = evolution.cooperation_and_achievement(&counts);
        assert!(
            analytic.0 >= previous.0 && analytic.1 >= previous.1,
            "r = {risk}: {analytic:?} after {previous:?}"
        );
        assert!(
            (simulated.0 - analytic.0).abs() < 0.05 && (simulated.1 - analytic.1).abs() < 0.05,
            "r = {risk}: simulated {simulated:?}, analytic {analytic:?}"
        );
        previous = analytic;
    }
    // At high risk most groups reach the threshold.
    assert!(previous.1 > 0.5, "{previous:?}");
}
