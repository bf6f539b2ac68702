//! Santos and Pacheco (2011), "Risk of collective failure provides an
//! escape from the tragedy of the commons", PNAS 108(26): 10421-10425,
//! Fig. 2: group achievement against the risk `r` in the collective-risk
//! dilemma, for several group sizes.
//!
//! Set-up (the paper's): a population of `Z = 50`, groups of `N` drawn at
//! random, a cooperator gives `c = 0.1` of its endowment `b = 1`, a group
//! with fewer than `M = N / 2` cooperators loses what is left with
//! probability `r` (expected loss), the pairwise-comparison (Fermi) process
//! with `beta = 5` and mutation `mu = 0.01`. Group achievement
//! `eta_G = sum_k p(k) a(k)` is the share of groups that reach the
//! threshold, averaged over the stationary distribution `p` of the full
//! chain (the existing analytics, [`GroupEvolution`]), beside an
//! event-by-event simulation of the same process (the visit frequencies of
//! [`GroupEvolution::simulate`]). Payoffs are policy payoffs (the
//! classic game: no politicization).

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Currency, GroupGame, GroupPolicy, Orientation, Politicization};
use twolevel_tournament::evolution::{GroupEvolution, GroupPayoffs};

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "santos-pacheco-2011",
    paper: "Santos, F. C. and Pacheco, J. M. (2011). Risk of collective failure provides an escape from the tragedy of the commons. PNAS 108(26), 10421-10425, Fig. 2.",
    claim: "Group achievement rises with the risk of collective failure, and at high risk smaller groups achieve more than larger ones.",
    default_seed: 2011,
    runner: run,
};

/// The population size `Z`.
pub const POPULATION: u32 = 50;
/// The intensity of selection.
pub const BETA: f64 = 5.0;
/// The mutation probability per event.
pub const MUTATION: f64 = 0.01;
/// The share of the endowment a cooperator gives.
pub const COST_SHARE: f64 = 0.1;
/// The group sizes compared (threshold `M = N / 2`).
pub const GROUP_SIZES: [u32; 3] = [4, 6, 8];

/// The full chain of the collective-risk dilemma with group size `size`,
/// threshold `size / 2` and risk `risk`.
pub fn evolution(size: u32, risk: f64) -> Result<GroupEvolution, ReproError> {
    let threshold = size / 2;
    let game = GroupGame::new(
        size,
        GroupPolicy::CollectiveRisk {
            endowment: 1.0,
            cost_share: COST_SHARE,
            risk,
            threshold,
        },
    )?;
    let payoffs = GroupPayoffs::from_game(
        &game,
        Politicization::NONE,
        Orientation::POLICY,
        Currency::Policy,
    )?;
    Ok(GroupEvolution::new(
        payoffs, POPULATION, BETA, MUTATION, threshold,
    )?)
}

fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let risks: Vec<f64> = (0..=10).map(|k| f64::from(k) / 10.0).collect();
    let steps: u64 = size.pick(2_000_000, 20_000_000);
    let tolerance = size.pick(0.1, 0.05);
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut table = Table::new(
        "achievement",
        "Group achievement eta_G (share of groups reaching M = N/2 cooperators) against the risk r: analytic stationary distribution and simulation (Z = 50, c = 0.1, beta = 5, mu = 0.01; fitness in policy payoff).",
        &[
            "N",
            "M",
            "r",
            "analytic eta_G",
            "simulated eta_G",
            "analytic cooperation",
            "simulated cooperation",
        ],
    );
    let mut analytic_series = Vec::new();
    let mut simulated_series = Vec::new();
    let mut rising = true;
    let mut worst_gap: f64 = 0.0;
    for &n in &GROUP_SIZES {
        let mut analytic_curve = Vec::with_capacity(risks.len());
        let mut simulated_curve = Vec::with_capacity(risks.len());
        for &risk in &risks {
            let evolution = evolution(n, risk)?;
            let analytic = evolution.cooperation_and_achievement(&evolution.stationary()?);
            let visits = evolution.simulate(POPULATION / 2, steps, &mut rng)?;
            let counts: Vec<f64> = visits.iter().map(|&v| v as f64).collect();
            let simulated = evolution.cooperation_and_achievement(&counts);
            if let Some(&previous) = analytic_curve.last() {
                rising &= analytic.1 >= previous - 1e-12;
            }
            worst_gap = worst_gap.max((simulated.1 - analytic.1).abs());
            analytic_curve.push(analytic.1);
            simulated_curve.push(simulated.1);
            table.push(vec![
                n.to_string(),
                (n / 2).to_string(),
                fmt(risk, 1),
                fmt(analytic.1, 4),
                fmt(simulated.1, 4),
                fmt(analytic.0, 4),
                fmt(simulated.0, 4),
            ]);
        }
        analytic_series.push((format!("N = {n}, analytic"), analytic_curve));
        simulated_series.push((format!("N = {n}, simulated"), simulated_curve));
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        "Group achievement rises with the risk r for every group size (analytic)",
        rising,
        &[],
    ));
    let at_high = |k: usize| analytic_series[k].1.last().copied().unwrap_or(f64::NAN);
    let (small, large) = (at_high(0), at_high(GROUP_SIZES.len() - 1));
    outcome.checks.push(Check::new(
        "At risk r = 1 the smallest groups (N = 4) achieve more than the largest (N = 8)",
        small > large,
        &[("eta_g_n4_r1", small), ("eta_g_n8_r1", large)],
    ));
    outcome.checks.push(Check::new(
        "The simulation agrees with the analytic group achievement at every point",
        worst_gap <= tolerance,
        &[("largest_gap", worst_gap), ("tolerance", tolerance)],
    ));
    let mut series = analytic_series;
    series.extend(simulated_series);
    outcome.figures.push(Figure::Lines {
        name: "achievement".to_owned(),
        title: "Santos and Pacheco 2011 Fig. 2: group achievement against risk".to_owned(),
        axes: ("risk r".to_owned(), "group achievement eta_G".to_owned()),
        x: risks,
        series,
    });
    Ok(outcome)
}
