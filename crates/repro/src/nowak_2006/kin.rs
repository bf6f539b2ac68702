//! Kin selection (`r > c / b`): the donation game between relatives.
//!
//! Following Nowak (2006, supporting online material) and Taylor and Nowak
//! (2007), relatedness `r` enters the donation game through inclusive
//! fitness: a player's payoff is its own payoff plus `r` times its
//! partner's. With cost `c` and benefit `b` the transformed game has rows
//! cooperator, defector:
//!
//! ```text
//!              C              D
//! C   (b - c)(1 + r)      b r - c
//! D      b - r c             0
//! ```
//!
//! Cooperation dominates defection exactly when `b r - c > 0` and
//! `(b - c)(1 + r) > b - r c`, both of which reduce to `r > c / b`. At
//! `r = c / b` the two strategies earn the same against every partner
//! (neutral). We put the formula beside the fixation probabilities of the
//! pairwise-comparison (Fermi) process in a finite population, exact
//! ([`fixation_probability`]) and simulated ([`simulate`], one mutant, no
//! mutation, the share of runs the mutant takes over). All payoffs are
//! policy payoffs of the donation game (inclusive-fitness transformed).
//!
//! In a finite population of `N` without self-interaction the game has
//! equal gains from switching (`CC - DC = CD - DD = b r - c`), so a
//! cooperator's payoff minus a defector's is the same at every
//! composition, `((N - 2)(b r - c) + (b + c)(r - 1)) / (N - 1)`, which is
//! zero at [`finite_threshold`] `r_N = ((N - 1) c + b) / ((N - 1) b + c)`,
//! a little above `c / b` (the spite of a finite population) and tending to
//! it as `N` grows. The grid's points avoid the gap between the two.

use rand_pcg::Pcg64Mcg;
use twolevel_tournament::evolution::{
    PayoffTable, Record, StochasticParams, Update, fixation_probability, simulate,
};

use crate::{ReproError, Table, fmt};

/// The population size of the fixation experiments.
pub const POPULATION: u32 = 50;
/// The intensity of selection of the Fermi process.
pub const BETA: f64 = 1.0;

/// The inclusive-fitness payoff table `[[CC, CD], [DC, DD]]` of the
/// donation game with cost `c`, benefit `b` and relatedness `r`.
///
/// # Errors
///
/// A non-finite payoff (from non-finite arguments) is refused by
/// [`PayoffTable::new`].
pub fn transformed_payoffs(b: f64, c: f64, r: f64) -> Result<PayoffTable, ReproError> {
    Ok(PayoffTable::new(vec![
        vec![(b - c) * (1.0 + r), b * r - c],
        vec![b - r * c, 0.0],
    ])?)
}

/// The relatedness at which cooperators and defectors earn the same in a
/// population of `population` (see the module docs); `c / b` in the limit.
#[must_use]
pub fn finite_threshold(b: f64, c: f64, population: u32) -> f64 {
    let m = f64::from(population) - 1.0;
    (m * c + b) / (m * b + c)
}

/// One point of the kin-selection grid.
pub struct KinPoint {
    /// The relatedness.
    pub r: f64,
    /// Whether the formula favours cooperation (`r > c / b`).
    pub formula: bool,
    /// `N` times the exact fixation probability of one cooperator among
    /// defectors (1 is neutral).
    pub exact_cooperator: f64,
    /// `N` times the exact fixation probability of one defector among
    /// cooperators.
    pub exact_defector: f64,
    /// `N` times the simulated fixation probability of one cooperator.
    pub simulated_cooperator: f64,
    /// `N` times the simulated fixation probability of one defector.
    pub simulated_defector: f64,
    /// The standard errors of the two simulated values (times `N`).
    pub se: [f64; 2],
}

/// The share of `runs` runs in which a single mutant of type 0 takes over
/// a population of type 1, and its standard error.
fn simulated_fixation(
    table: &mut PayoffTable,
    runs: u32,
    rng: &mut Pcg64Mcg,
) -> Result<(f64, f64), ReproError> {
    let params = StochasticParams {
        update: Update::fermi(BETA)?,
        mutation: 0.0,
        max_steps: 1_000_000,
        record: Record::Final,
    };
    let mut wins = 0_u32;
    for _ in 0..runs {
        let outcome = simulate(table, &[1, POPULATION - 1], &params, rng)?;
        wins += u32::from(outcome.fixation.is_some_and(|f| f.winner == 0));
    }
    let p = f64::from(wins) / f64::from(runs);
    Ok((p, (p * (1.0 - p) / f64::from(runs)).sqrt()))
}

/// The grid of relatedness values `rs` for benefit `b` and cost `c`:
/// formula, exact and simulated fixation probabilities (`runs` runs a
/// direction and point).
///
/// # Errors
///
/// Parameters the evolution machinery refuses.
pub fn grid(
    b: f64,
    c: f64,
    rs: &[f64],
    runs: u32,
    rng: &mut Pcg64Mcg,
) -> Result<Vec<KinPoint>, ReproError> {
    let update = Update::fermi(BETA)?;
    let n = f64::from(POPULATION);
    let mut points = Vec::with_capacity(rs.len());
    for &r in rs {
        let table = transformed_payoffs(b, c, r)?;
        let exact_cooperator = fixation_probability(update, table.pair(0, 1), POPULATION)?.value;
        let exact_defector = fixation_probability(update, table.pair(1, 0), POPULATION)?.value;
        // The defector's table is the same game with the types swapped, so
        // that the mutant is type 0 in both runs.
        let mut reverse = PayoffTable::from_fn(2, |i, j| table.get(1 - i, 1 - j))?;
        let mut forward = table;
        let (sim_c, se_c) = simulated_fixation(&mut forward, runs, rng)?;
        let (sim_d, se_d) = simulated_fixation(&mut reverse, runs, rng)?;
        points.push(KinPoint {
            r,
            formula: r > c / b,
            exact_cooperator: exact_cooperator * n,
            exact_defector: exact_defector * n,
            simulated_cooperator: sim_c * n,
            simulated_defector: sim_d * n,
            se: [se_c * n, se_d * n],
        });
    }
    Ok(points)
}

/// The table of the grid for benefit `b` (cost `c`).
pub(crate) fn push_rows(table: &mut Table, b: f64, c: f64, points: &[KinPoint]) {
    for p in points {
        table.push(vec![
            fmt(b, 0),
            fmt(c / b, 2),
            fmt(p.r, 2),
            p.formula.to_string(),
            fmt(p.exact_cooperator, 4),
            fmt(p.exact_defector, 4),
            fmt(p.simulated_cooperator, 4),
            fmt(p.se[0], 4),
            fmt(p.simulated_defector, 4),
            fmt(p.se[1], 4),
        ]);
    }
}
