//! Nowak (2006), "Five rules for the evolution of cooperation", Science
//! 314: 1560-1563: each rule's condition beside a simulation.
//!
//! This entry reproduces direct reciprocity: in the donation game (a
//! cooperator pays `c` for the partner to get `b`) repeated with
//! continuation probability `w`, tit-for-tat resists invasion by ALLD when
//! `w > c / b` (a TFT player meeting TFT earns `(b - c) / (1 - w)`, an ALLD
//! player meeting TFT earns `b`). For each `b / c` and `w` of a grid we put
//! the formula beside the exact expected totals of the memory-one Markov
//! chain and beside the mean totals of matches played by the match engine
//! (geometric lengths drawn from the seed), and check that the simulated
//! sign of the advantage agrees with the formula wherever the simulation
//! resolves it. Payoffs are policy payoffs (the classic game, no
//! politicization).
//!
//! Indirect reciprocity (`q > c / b`) and kin selection (`r > c / b`) are
//! not simulated here: the society engine's observation probability q is
//! the institution's monitoring, not Nowak's probability of knowing a
//! reputation, and there is no engine with relatedness; network
//! reciprocity and group selection wait for the structured-populations
//! work (docs/reproductions.md).

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Horizon, MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix, TwoLevelGame,
};
use twolevel_strategies::{Defector, TitForTat};
use twolevel_tournament::stats::mean_sd_se;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "nowak-2006",
    paper: "Nowak, M. A. (2006). Five rules for the evolution of cooperation. Science 314, 1560-1563.",
    claim: "Direct reciprocity: tit-for-tat resists invasion by ALLD exactly when the continuation probability w exceeds c/b.",
    default_seed: 2006,
    runner: run,
};

/// The cost of cooperation.
pub const COST: f64 = 1.0;
/// The benefits compared (so `c / b` is 1/2 and 1/4).
pub const BENEFITS: [f64; 2] = [2.0, 4.0];

/// The mean total and its standard error of `matches` matches of `first`
/// against tit-for-tat, for the first player.
fn simulate(config: &MatchConfig, defector: bool, matches: u32, rng: &mut Pcg64Mcg) -> (f64, f64) {
    let settings = [PlayerSettings::POLICY; 2];
    let mut buffers = MatchBuffers::new();
    let mut totals = Vec::with_capacity(matches as usize);
    let (mut tft, mut partner, mut alld) = (TitForTat, TitForTat, Defector);
    for _ in 0..matches {
        let result = if defector {
            play_match(
                config,
                [&mut alld, &mut partner],
                &settings,
                &mut buffers,
                rng,
            )
        } else {
            play_match(
                config,
                [&mut tft, &mut partner],
                &settings,
                &mut buffers,
                rng,
            )
        };
        totals.push(result.players[0].policy);
    }
    let (mean, _, se) = mean_sd_se(&totals);
    (mean, se)
}

fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let matches: u32 = size.pick(20_000, 200_000);
    let continuations: Vec<f64> = (1..=19).map(|k| f64::from(k) * 0.05).collect();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut table = Table::new(
        "direct",
        "Direct reciprocity: expected total policy payoff of TFT and of ALLD against TFT in the donation game (cost 1) with continuation probability w; formula, exact Markov chain and match-engine simulation (mean and standard error).",
        &[
            "b",
            "c/b",
            "w",
            "formula TFT vs TFT",
            "formula ALLD vs TFT",
            "exact TFT vs TFT",
            "exact ALLD vs TFT",
            "simulated TFT vs TFT",
            "se",
            "simulated ALLD vs TFT",
            "se",
            "formula: TFT resists",
            "simulation: TFT resists",
        ],
    );
    let mut agree = true;
    let mut resolved = 0_u32;
    let mut exact_gap: f64 = 0.0;
    let mut series = Vec::new();
    for &b in &BENEFITS {
        let matrix = PayoffMatrix::new(b - COST, -COST, b, 0.0)?;
        let payoffs = OutcomePayoffs::symmetric(&matrix);
        let mut advantage = Vec::with_capacity(continuations.len());
        for &w in &continuations {
            let horizon = Horizon::continuation(w)?;
            let config = MatchConfig::new(TwoLevelGame::classic(matrix), horizon)?;
            let formula_tft = (b - COST) / (1.0 - w);
            let formula_alld = b;
            let tft = MemoryOnePlayer::TIT_FOR_TAT;
            let exact_tft = MemoryOneChain::new(&tft, &tft, 0.0)?
                .horizon_payoffs(&horizon, &payoffs)
                .total[0];
            let exact_alld = MemoryOneChain::new(&MemoryOnePlayer::ALWAYS_DEFECT, &tft, 0.0)?
                .horizon_payoffs(&horizon, &payoffs)
                .total[0];
            exact_gap = exact_gap
                .max((exact_tft - formula_tft).abs())
                .max((exact_alld - formula_alld).abs());
            let (sim_tft, se_tft) = simulate(&config, false, matches, &mut rng);
            let (sim_alld, se_alld) = simulate(&config, true, matches, &mut rng);
            let formula_resists = w > COST / b;
            let difference = sim_tft - sim_alld;
            let se = (se_tft * se_tft + se_alld * se_alld).sqrt();
            let simulated_resists = difference > 0.0;
            if difference.abs() > 4.0 * se {
                resolved += 1;
                agree &= simulated_resists == formula_resists;
            }
            advantage.push(difference);
            table.push(vec![
                fmt(b, 0),
                fmt(COST / b, 2),
                fmt(w, 2),
                fmt(formula_tft, 4),
                fmt(formula_alld, 4),
                fmt(exact_tft, 4),
                fmt(exact_alld, 4),
                fmt(sim_tft, 4),
                fmt(se_tft, 4),
                fmt(sim_alld, 4),
                fmt(se_alld, 4),
                formula_resists.to_string(),
                simulated_resists.to_string(),
            ]);
        }
        series.push((format!("b/c = {}", b / COST), advantage));
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        "The exact Markov-chain totals equal the formulas (b - c)/(1 - w) and b",
        exact_gap < 1e-9,
        &[("largest_gap", exact_gap)],
    ));
    outcome.checks.push(Check::new(
        "Wherever the simulation resolves the sign (difference beyond 4 standard errors), TFT resists ALLD exactly when w > c/b",
        agree && resolved > 0,
        &[("points_resolved", f64::from(resolved)), ("points", (BENEFITS.len() * continuations.len()) as f64)],
    ));
    outcome.figures.push(Figure::Lines {
        name: "direct".to_owned(),
        title: "Direct reciprocity: TFT's advantage over ALLD against w".to_owned(),
        axes: (
            "continuation probability w".to_owned(),
            "TFT vs TFT minus ALLD vs TFT (simulated, policy payoff)".to_owned(),
        ),
        x: continuations,
        series,
    });
    Ok(outcome)
}
