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
//!
//! Beside them, Nowak and Sigmund's own process as we read it
//! ([`adaptive_dynamics`]): an infinite population under the replicator
//! equation into which random stochastic memory-one mutants enter one at a
//! time, with the paper's payoffs; the share of time spent near WSLS, TFT,
//! GTFT and ALLD.

use rand::RngExt;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix};
use twolevel_tournament::evolution::config::Record;
use twolevel_tournament::evolution::{
    FixationMatrix, PayoffTable, StochasticParams, Update, replicator, simulate,
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
    let epochs: u32 = size.pick(4_000, 20_000);
    let near = adaptive_dynamics(&PayoffMatrix::AXELROD, epochs, &mut rng)?;
    let mut adaptive = Table::new(
        "adaptive",
        &format!(
            "Nowak and Sigmund's process as we read it (R, S, T, P = 3, 0, 5, 1; replicator dynamics in an infinite population, a random mutant with p_i in [0.001, 0.999] every 100 time units, {epochs} mutants): share of time near each rule (four-vector within {NEAR} in Euclidean distance)."
        ),
        &["near", "share of time"],
    );
    for (k, (name, _)) in NEIGHBOURHOODS.iter().enumerate() {
        adaptive.push(vec![(*name).to_owned(), fmt(near[k], 4)]);
    }
    adaptive.push(vec!["none of them".to_owned(), fmt(near[4], 4)]);
    outcome.tables.push(adaptive);
    outcome.checks.push(Check::new(
        "In Nowak and Sigmund's own process (our reading, the paper's payoffs) the population spends more time near WSLS than near TFT and near GTFT",
        near[0] > near[1] && near[0] > near[2],
        &[
            ("near_wsls", near[0]),
            ("near_tft", near[1]),
            ("near_gtft", near[2]),
            ("near_alld", near[3]),
        ],
    ));
    Ok(outcome)
}

/// The rules of the adaptive-dynamics run, whose neighbourhoods it reports.
pub const NEIGHBOURHOODS: [(&str, [f64; 4]); 4] = [
    ("WSLS", [1.0, 0.0, 0.0, 1.0]),
    ("TFT", [1.0, 0.0, 1.0, 0.0]),
    ("GTFT", [1.0, 1.0 / 3.0, 1.0, 1.0 / 3.0]),
    ("ALLD", [0.0, 0.0, 0.0, 0.0]),
];

/// How close (Euclidean distance of the four-vectors) a strategy must be to
/// one of the [`NEIGHBOURHOODS`] to count as near it.
pub const NEAR: f64 = 0.25;

/// The bounds of every probability of the adaptive-dynamics run.
const BOUNDS: (f64, f64) = (0.001, 0.999);

/// Nowak and Sigmund's own process, as we read it: an infinite population
/// under the replicator equation, started from `(0.5, 0.5, 0.5, 0.5)`;
/// every epoch a mutant with each `p_i` drawn from the U-shaped arcsine
/// distribution (`sin^2(pi u / 2)`, `u` uniform) and clamped to
/// `[0.001, 0.999]` enters at share 0.01, the replicator equation runs for
/// 100 time units (payoffs: the long-run policy payoff per round of each
/// pair in `matrix`, no extra noise), and types below share 0.001 are
/// removed. Returns the share of time (averaged over 10 points an epoch,
/// after a burn-in of a tenth of the epochs) spent near each of the
/// [`NEIGHBOURHOODS`] and, last, elsewhere.
pub fn adaptive_dynamics(
    matrix: &PayoffMatrix,
    epochs: u32,
    rng: &mut Pcg64Mcg,
) -> Result<[f64; 5], ReproError> {
    let payoffs = OutcomePayoffs::symmetric(matrix);
    let mut types: Vec<MemoryOnePlayer> = vec![MemoryOnePlayer::new([0.5; 4], 0.5)?];
    let mut shares: Vec<f64> = vec![1.0];
    let mut time = [0.0; 5];
    let burn_in = epochs / 10;
    for epoch in 0..epochs {
        let v = [0; 4].map(|_| {
            let u: f64 = rng.random();
            let p = (std::f64::consts::FRAC_PI_2 * u).sin().powi(2);
            p.clamp(BOUNDS.0, BOUNDS.1)
        });
        types.push(MemoryOnePlayer::new(v, v[0])?);
        for share in &mut shares {
            *share *= 0.99;
        }
        shares.push(0.01);
        let mut rows = Vec::with_capacity(types.len());
        for x in &types {
            let mut row = Vec::with_capacity(types.len());
            for y in &types {
                row.push(MemoryOneChain::new(x, y, 0.0)?.long_run_payoffs(&payoffs)[0]);
            }
            rows.push(row);
        }
        let table = PayoffTable::new(rows)?;
        let trajectory = replicator(&table, &shares, 10.0, 10, true)?;
        if epoch >= burn_in {
            for row in trajectory.shares.iter().skip(1) {
                for (player, &share) in types.iter().zip(row) {
                    let near = NEIGHBOURHOODS.iter().position(|(_, r)| {
                        let v = player.four_vector();
                        (0..4).map(|i| (v[i] - r[i]).powi(2)).sum::<f64>().sqrt() < NEAR
                    });
                    time[near.unwrap_or(4)] += share;
                }
            }
        }
        // Keep the survivors at their final shares, renormalised.
        let last = trajectory.last().to_vec();
        let kept: Vec<usize> = (0..types.len()).filter(|&k| last[k] >= 0.001).collect();
        types = kept.iter().map(|&k| types[k]).collect();
        let total: f64 = kept.iter().map(|&k| last[k]).sum();
        shares = kept.iter().map(|&k| last[k] / total).collect();
    }
    let total: f64 = time.iter().sum();
    Ok(time.map(|t| t / total.max(f64::MIN_POSITIVE)))
}
