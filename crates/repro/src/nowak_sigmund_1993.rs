//! Nowak and Sigmund (1993), "A strategy of win-stay, lose-shift that
//! outperforms tit-for-tat in the Prisoner's Dilemma game", Nature 364:
//! 56-58: among stochastic memory-one strategies under noise, evolution
//! with mutation spends most of its time near win-stay lose-shift (Pavlov),
//! not near tit-for-tat or generous tit-for-tat.
//!
//! Set-up: the sixteen deterministic memory-one rules (every four-vector
//! `(p_CC, p_CD, p_DC, p_DD)` in `{0, 1}^4`, which include ALLD, ALLC,
//! TFT, WSLS and GRIM) and generous tit-for-tat `(1, 1/3, 1, 1/3)` (Nowak
//! and Sigmund's GTFT for R, S, T, P = 3, 0, 5, 1), every move flipped with
//! probability `e = 0.01` (so every rule is stochastic, as Nowak and
//! Sigmund's `p_i` in `[0.001, 0.999]` were), payoffs from the exact
//! long-run Markov chain of each pair (policy payoff per round, the classic
//! payoff). Evolution is the pairwise-comparison (Fermi) process with
//! `beta = 1` in a population of `N = 100` with mutation: analytically in
//! the limit of rare mutations (the stationary distribution over the
//! monomorphic states, Fudenberg and Imhof 2006) and by simulation with
//! mutation `mu` per event, time-averaged.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix};
use twolevel_tournament::evolution::config::Record;
use twolevel_tournament::evolution::{
    FixationMatrix, PayoffTable, StochasticParams, Update, simulate,
};

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "nowak-sigmund-1993",
    paper: "Nowak, M. and Sigmund, K. (1993). A strategy of win-stay, lose-shift that outperforms tit-for-tat in the Prisoner's Dilemma game. Nature 364, 56-58.",
    claim: "Under noise, evolution among stochastic memory-one strategies with mutation spends more time near win-stay lose-shift than near tit-for-tat, and (when 2R > T + P) more than near any other rule.",
    default_seed: 1993,
    runner: run,
};

/// The action noise (every chosen move flipped with this probability).
pub const NOISE: f64 = 0.01;
/// The population size.
pub const POPULATION: u32 = 100;
/// The intensity of selection of the Fermi rule.
pub const BETA: f64 = 1.0;
/// The mutation probability per event of the simulation.
pub const MUTATION: f64 = 0.001;

/// The strategies: the sixteen deterministic memory-one rules, named where
/// they have a name, then GTFT.
#[must_use]
pub fn strategies() -> Vec<(String, [f64; 4])> {
    let mut list = Vec::with_capacity(17);
    for bits in 0..16_u32 {
        let v = [3, 2, 1, 0].map(|k| f64::from((bits >> k) & 1));
        let name = match bits {
            0b0000 => "ALLD".to_owned(),
            0b1111 => "ALLC".to_owned(),
            0b1010 => "TFT".to_owned(),
            0b1001 => "WSLS".to_owned(),
            0b1000 => "GRIM".to_owned(),
            _ => format!("({}, {}, {}, {})", v[0], v[1], v[2], v[3]),
        };
        list.push((name, v));
    }
    list.push(("GTFT".to_owned(), [1.0, 1.0 / 3.0, 1.0, 1.0 / 3.0]));
    list
}

/// The games compared: the paper's prisoner's dilemma, where
/// `2R = T + P` leaves WSLS only just stable against ALLD, and the
/// donation game with `b / c = 3` (`2R > T + P`), the setting of Imhof,
/// Fudenberg and Nowak (2007).
pub fn games() -> Result<[(&'static str, &'static str, PayoffMatrix); 2], ReproError> {
    Ok([
        (
            "pd",
            "R, S, T, P = 3, 0, 5, 1 (the paper's)",
            PayoffMatrix::AXELROD,
        ),
        (
            "donation",
            "donation game b = 3, c = 1 (R, S, T, P = 2, -1, 3, 0)",
            PayoffMatrix::from_entries([2.0, -1.0, 3.0, 0.0])?,
        ),
    ])
}

/// The long-run policy payoff per round of every strategy against every
/// other under [`NOISE`] in the game `matrix`.
pub fn payoff_table(
    strategies: &[(String, [f64; 4])],
    matrix: &PayoffMatrix,
) -> Result<PayoffTable, ReproError> {
    let players = strategies
        .iter()
        .map(|(_, v)| MemoryOnePlayer::new(*v, v[0]))
        .collect::<Result<Vec<_>, _>>()?;
    let payoffs = OutcomePayoffs::symmetric(matrix);
    let mut rows = Vec::with_capacity(players.len());
    for x in &players {
        let mut row = Vec::with_capacity(players.len());
        for y in &players {
            row.push(MemoryOneChain::new(x, y, NOISE)?.long_run_payoffs(&payoffs)[0]);
        }
        rows.push(row);
    }
    Ok(PayoffTable::new(rows)?)
}

/// What one game gave: the analytic and simulated shares and the payoffs.
struct GameResult {
    analytic: Vec<f64>,
    simulated: Vec<f64>,
    table: PayoffTable,
}

/// The rare-mutation stationary distribution and the simulated time
/// average of one game.
fn play_game(
    strategies: &[(String, [f64; 4])],
    matrix: &PayoffMatrix,
    generations: u64,
    rng: &mut Pcg64Mcg,
) -> Result<GameResult, ReproError> {
    let mut table = payoff_table(strategies, matrix)?;
    let update = Update::fermi(BETA)?;
    let analytic = FixationMatrix::new(update, &table, POPULATION)?.stationary_distribution();
    // Start from ALLD everywhere, record every generation and average the
    // shares over all of them after a burn-in of a tenth.
    let n = strategies.len();
    let mut initial = vec![0; n];
    initial[0] = POPULATION;
    let params = StochasticParams {
        update,
        mutation: MUTATION,
        max_steps: generations * u64::from(POPULATION),
        record: Record::Generation,
    };
    let trajectory = simulate(&mut table, &initial, &params, rng)?;
    let mut sums = vec![0.0; n];
    let mut rows = 0_u64;
    let burn_in = generations / 10;
    for (k, (_, counts)) in trajectory.rows().enumerate() {
        if (k as u64) < burn_in {
            continue;
        }
        for (sum, &count) in sums.iter_mut().zip(counts) {
            *sum += f64::from(count) / f64::from(POPULATION);
        }
        rows += 1;
    }
    let simulated = sums.iter().map(|s| s / rows.max(1) as f64).collect();
    Ok(GameResult {
        analytic,
        simulated,
        table,
    })
}

fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let strategies = strategies();
    let generations: u64 = size.pick(20_000, 400_000);
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let index = |name: &str| strategies.iter().position(|(n, _)| n == name).unwrap_or(0);
    let (wsls, tft, gtft) = (index("WSLS"), index("TFT"), index("GTFT"));
    let names: Vec<String> = strategies.iter().map(|(n, _)| n.clone()).collect();
    for (stem, label, matrix) in games()? {
        let GameResult {
            analytic,
            simulated,
            table,
        } = play_game(&strategies, &matrix, generations, &mut rng)?;
        let mut shares = Table::new(
            &format!("shares-{stem}"),
            &format!(
                "Time spent at each memory-one strategy (share of the population), {label}; fitness is the long-run policy payoff per round under 1% action noise: rare-mutation limit and simulation (N = 100, Fermi beta = 1, mutation 0.001 per event)."
            ),
            &[
                "strategy",
                "p_CC",
                "p_CD",
                "p_DC",
                "p_DD",
                "analytic share (rare mutations)",
                "simulated share (time average)",
            ],
        );
        for (k, (name, v)) in strategies.iter().enumerate() {
            shares.push(vec![
                name.clone(),
                fmt(v[0], 3),
                fmt(v[1], 3),
                fmt(v[2], 3),
                fmt(v[3], 3),
                fmt(analytic[k], 4),
                fmt(simulated[k], 4),
            ]);
        }
        outcome.tables.push(shares);
        let mut payoffs = Table::new(
            &format!("payoffs-{stem}"),
            &format!(
                "Long-run policy payoff per round ({label}; 1% action noise) of three rules against themselves and against ALLD."
            ),
            &[
                "strategy",
                "against itself",
                "against ALLD",
                "ALLD against it",
            ],
        );
        for k in [wsls, tft, gtft] {
            payoffs.push(vec![
                strategies[k].0.clone(),
                fmt(table.get(k, k), 4),
                fmt(table.get(k, 0), 4),
                fmt(table.get(0, k), 4),
            ]);
        }
        outcome.tables.push(payoffs);
        outcome.checks.push(Check::new(
            format!("{label}: WSLS is more abundant than TFT, analytically and in the simulation"),
            analytic[wsls] > analytic[tft] && simulated[wsls] > simulated[tft],
            &[
                ("analytic_wsls", analytic[wsls]),
                ("analytic_tft", analytic[tft]),
                ("simulated_wsls", simulated[wsls]),
                ("simulated_tft", simulated[tft]),
            ],
        ));
        let most = |shares: &[f64]| {
            shares
                .iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map_or(0, |(k, _)| k)
        };
        if stem == "donation" {
            outcome.checks.push(Check::new(
                format!("{label}: WSLS is the most abundant of all 17 strategies, analytically and in the simulation, ahead of GTFT"),
                most(&analytic) == wsls && most(&simulated) == wsls,
                &[
                    ("analytic_wsls", analytic[wsls]),
                    ("analytic_gtft", analytic[gtft]),
                    ("simulated_wsls", simulated[wsls]),
                    ("simulated_gtft", simulated[gtft]),
                ],
            ));
        }
        outcome.figures.push(Figure::Bars {
            name: format!("analytic-{stem}"),
            title: format!("Rare-mutation stationary distribution, {label}"),
            axis: "share of time".to_owned(),
            names: names.clone(),
            values: analytic,
        });
        outcome.figures.push(Figure::Bars {
            name: format!("simulated-{stem}"),
            title: format!("Simulated time average, {label}"),
            axis: "share of time".to_owned(),
            names: names.clone(),
            values: simulated,
        });
    }
    Ok(outcome)
}
