//! Stewart and Plotkin (2013), "From extortion to generosity, evolution in
//! the Iterated Prisoner's Dilemma", PNAS 110(38): 15348-15353; Hilbe,
//! Nowak and Sigmund (2013), "Evolution of extortion in Iterated Prisoner's
//! Dilemma games", PNAS 110(17): 6913-6918.
//!
//! Claims: extortionate zero-determinant strategies beat generous ones only
//! in small populations; in large ones the generous strategy is favoured
//! (Stewart and Plotkin). Extortioners are neutral against defectors and
//! open the way for cooperators, so in small populations they act as
//! catalysts: with extortioners present, the population spends more time
//! at the generous strategy (Hilbe, Nowak and Sigmund).
//!
//! Set-up: ZD-Extort-2 (`s_X - P = 2 (s_Y - P)`), ZD-GEN-2
//! (`s_X - R = 2 (s_Y - R)`, as in the `axelrod` library) and ALLD, payoffs
//! R, S, T, P = 3, 0, 5, 1 from the exact long-run Markov chain of each
//! pair (policy payoff per round, no noise), the pairwise-comparison
//! (Fermi) process with `beta = 1`, fixation probabilities in closed form
//! (Traulsen, Nowak and Pacheco 2006), against the population size `N`.

use twolevel_game::{MemoryOneChain, OutcomePayoffs, PayoffMatrix};
use twolevel_strategies::memory_one::{ZDExtort2, ZDGen2};
use twolevel_tournament::evolution::{FixationMatrix, PayoffTable, Update, fixation_probability};

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "stewart-plotkin-2013",
    paper: "Stewart, A. J. and Plotkin, J. B. (2013). From extortion to generosity, evolution in the Iterated Prisoner's Dilemma. PNAS 110(38), 15348-15353; Hilbe, C., Nowak, M. A. and Sigmund, K. (2013). Evolution of extortion in Iterated Prisoner's Dilemma games. PNAS 110(17), 6913-6918.",
    claim: "Extortioners beat generous ZD strategies only in small populations, generous ones win in large populations, and in small populations extortioners act as catalysts for cooperation.",
    default_seed: 2013,
    runner: run,
};

/// The intensity of selection of the Fermi rule.
pub const BETA: f64 = 1.0;

/// The population size of the catalyst comparison.
pub const SMALL_POPULATION: u32 = 10;

/// The long-run payoff table of ALLD, ZD-Extort-2 and ZD-GEN-2 (in that
/// order), policy payoff per round.
pub fn payoff_table() -> Result<PayoffTable, ReproError> {
    let extort = ZDExtort2::new(ZDExtort2::DEFAULT_PHI, ZDExtort2::DEFAULT_SLOPE)?;
    let generous = ZDGen2::new(ZDGen2::DEFAULT_PHI, ZDGen2::DEFAULT_SLOPE)?;
    let players = [
        twolevel_game::MemoryOnePlayer::ALWAYS_DEFECT,
        *extort.player(),
        *generous.player(),
    ];
    let payoffs = OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD);
    let mut rows = Vec::with_capacity(3);
    for x in &players {
        let mut row = Vec::with_capacity(3);
        for y in &players {
            row.push(MemoryOneChain::new(x, y, 0.0)?.long_run_payoffs(&payoffs)[0]);
        }
        rows.push(row);
    }
    Ok(PayoffTable::new(rows)?)
}

/// The share of time at ZD-GEN-2 in the rare-mutation limit among the
/// types `types` of `table`.
fn generous_share(
    table: &PayoffTable,
    types: &[usize],
    population: u32,
) -> Result<f64, ReproError> {
    let rows: Vec<Vec<f64>> = types
        .iter()
        .map(|&i| types.iter().map(|&j| table.get(i, j)).collect())
        .collect();
    let sub = PayoffTable::new(rows)?;
    let stationary =
        FixationMatrix::new(Update::fermi(BETA)?, &sub, population)?.stationary_distribution();
    Ok(stationary.last().copied().unwrap_or(0.0))
}

fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    const ALLD: usize = 0;
    const EXTORT: usize = 1;
    const GENEROUS: usize = 2;
    let table = payoff_table()?;
    let update = Update::fermi(BETA)?;
    let populations: Vec<u32> = match size {
        Size::Quick => vec![2, 3, 4, 5, 6, 8, 10, 20, 50, 100],
        Size::Full => (2..=100).collect(),
    };
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut fixation = Table::new(
        "fixation",
        "Fixation probabilities of one mutant (Fermi rule, beta = 1; fitness is the long-run policy payoff per round, R, S, T, P = 3, 0, 5, 1) against the population size N, times N (1 is neutral).",
        &[
            "N",
            "N rho(GEN invades Extort)",
            "N rho(Extort invades GEN)",
            "N rho(Extort invades ALLD)",
            "N rho(GEN invades ALLD)",
            "GEN share, ALLD and GEN",
            "GEN share, ALLD, Extort and GEN",
        ],
    );
    let mut series: [Vec<f64>; 4] = Default::default();
    let mut crossover = None;
    let mut catalysis = Vec::with_capacity(populations.len());
    for &n in &populations {
        let rho = |i: usize, j: usize| -> Result<f64, ReproError> {
            Ok(fixation_probability(update, table.pair(i, j), n)?.value * f64::from(n))
        };
        let gen_ext = rho(GENEROUS, EXTORT)?;
        let ext_gen = rho(EXTORT, GENEROUS)?;
        let ext_alld = rho(EXTORT, ALLD)?;
        let gen_alld = rho(GENEROUS, ALLD)?;
        let without = generous_share(&table, &[ALLD, GENEROUS], n)?;
        let with = generous_share(&table, &[ALLD, EXTORT, GENEROUS], n)?;
        if crossover.is_none() && gen_ext > ext_gen {
            crossover = Some(n);
        }
        catalysis.push((n, without, with));
        fixation.push(vec![
            n.to_string(),
            fmt(gen_ext, 4),
            fmt(ext_gen, 4),
            fmt(ext_alld, 4),
            fmt(gen_alld, 4),
            fmt(without, 4),
            fmt(with, 4),
        ]);
        for (s, v) in series.iter_mut().zip([gen_ext, ext_gen, without, with]) {
            s.push(v);
        }
    }
    outcome.tables.push(fixation);
    let mut payoffs = Table::new(
        "payoffs",
        "Long-run policy payoff per round of the row strategy against the column strategy (no noise).",
        &["", "ALLD", "ZD-Extort-2", "ZD-GEN-2"],
    );
    for (i, name) in ["ALLD", "ZD-Extort-2", "ZD-GEN-2"].iter().enumerate() {
        let mut row = vec![(*name).to_owned()];
        row.extend((0..3).map(|j| fmt(table.get(i, j), 4)));
        payoffs.push(row);
    }
    outcome.tables.push(payoffs);

    let first = |s: &[f64]| s.first().copied().unwrap_or(f64::NAN);
    let last = |s: &[f64]| s.last().copied().unwrap_or(f64::NAN);
    outcome.checks.push(Check::new(
        "In a population of two the extortioner is favoured over the generous strategy",
        first(&series[1]) > first(&series[0]),
        &[
            ("n_rho_extort_invades_gen_at_2", first(&series[1])),
            ("n_rho_gen_invades_extort_at_2", first(&series[0])),
        ],
    ));
    outcome.checks.push(Check::new(
        "In a population of 100 the generous strategy is favoured over the extortioner",
        last(&series[0]) > 1.0 && last(&series[1]) < 1.0,
        &[
            ("n_rho_gen_invades_extort_at_100", last(&series[0])),
            ("n_rho_extort_invades_gen_at_100", last(&series[1])),
            (
                "crossover_population",
                crossover.map_or(f64::NAN, f64::from),
            ),
        ],
    ));
    let ext_alld = table.get(EXTORT, ALLD) - table.get(ALLD, EXTORT);
    let small = catalysis
        .iter()
        .find(|(n, _, _)| *n == SMALL_POPULATION)
        .copied()
        .unwrap_or((SMALL_POPULATION, f64::NAN, f64::NAN));
    outcome.checks.push(Check::new(
        "Extortioners are neutral against ALLD (equal long-run payoffs) and, in a population of 10, raise the time spent at the generous strategy (catalysts)",
        ext_alld.abs() < 1e-9 && small.2 > small.1,
        &[
            ("extort_minus_alld_payoff", ext_alld),
            ("gen_share_without_extort_at_10", small.1),
            ("gen_share_with_extort_at_10", small.2),
        ],
    ));
    let x: Vec<f64> = populations.iter().map(|&n| f64::from(n)).collect();
    let [gen_ext, ext_gen, without, with] = series;
    outcome.figures.push(Figure::Lines {
        name: "fixation".to_owned(),
        title: "Extortion against generosity: N rho against N".to_owned(),
        axes: (
            "population size N".to_owned(),
            "N times fixation probability".to_owned(),
        ),
        x: x.clone(),
        series: vec![
            ("GEN invades Extort".to_owned(), gen_ext),
            ("Extort invades GEN".to_owned(), ext_gen),
        ],
    });
    outcome.figures.push(Figure::Lines {
        name: "catalysis".to_owned(),
        title: "Extortioners as catalysts: time at GEN".to_owned(),
        axes: (
            "population size N".to_owned(),
            "share of time at ZD-GEN-2".to_owned(),
        ),
        x,
        series: vec![
            ("ALLD and GEN".to_owned(), without),
            ("ALLD, Extort and GEN".to_owned(), with),
        ],
    });
    Ok(outcome)
}
