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
//! Kin selection (`r > c / b`, module [`kin`]) and indirect reciprocity
//! (`q > c / b`, module [`indirect`]) follow, each with its formula beside
//! a simulation, and so do network reciprocity (`b/c > k`, on a cycle
//! and on a `k = 4` lattice) and group selection (`b/c > 1 + n/(m - 2)`), module [`structured`].

pub mod indirect;
pub mod kin;
pub mod structured;

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
    claim: "Direct reciprocity (TFT resists ALLD exactly when w > c/b), kin selection (cooperation is favoured exactly when r > c/b), indirect reciprocity (discriminators resist ALLD exactly when q > c/b), network reciprocity (one cooperator fixes more often than 1/N under death-birth updating when b/c > k, shifted to (N-2)/(N/k-2) on a small graph) and group selection (when b/c > 1 + n/(m-2)).",
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
    kin_selection(size, &mut rng, &mut outcome)?;
    indirect_reciprocity(size, &mut rng, &mut outcome);
    network_reciprocity(&structured::CYCLE, size, &mut rng, &mut outcome)?;
    group_selection(size, &mut rng, &mut outcome)?;
    // The lattice comes last, so the tables before it draw what they drew
    // before it was added.
    network_reciprocity(&structured::LATTICE, size, &mut rng, &mut outcome)?;
    Ok(outcome)
}

/// The relatedness (and knowledge probability) grid: 0.05 to 0.95.
fn unit_grid() -> Vec<f64> {
    (1..=19).map(|k| f64::from(k) * 0.05).collect()
}

/// Kin selection: the inclusive-fitness donation game's fixation
/// probabilities, exact and simulated, against `r` (module [`kin`]).
fn kin_selection(size: Size, rng: &mut Pcg64Mcg, outcome: &mut Outcome) -> Result<(), ReproError> {
    let runs: u32 = size.pick(1_000, 10_000);
    let rs = unit_grid();
    let mut table = Table::new(
        "kin",
        &format!(
            "Kin selection: N times the fixation probability of one cooperator among defectors and of one defector among cooperators (1 = neutral), in the inclusive-fitness donation game (cost 1, relatedness r), Fermi process with beta {} in a population of N = {} (finite-N threshold r_N = {} for b = 2, {} for b = 4); exact and simulated ({runs} runs each, standard errors).",
            kin::BETA,
            kin::POPULATION,
            fmt(kin::finite_threshold(2.0, COST, kin::POPULATION), 4),
            fmt(kin::finite_threshold(4.0, COST, kin::POPULATION), 4),
        ),
        &[
            "b",
            "c/b",
            "r",
            "formula: cooperation favoured",
            "exact N rho(C)",
            "exact N rho(D)",
            "simulated N rho(C)",
            "se",
            "simulated N rho(D)",
            "se",
        ],
    );
    let (mut exact_agree, mut simulated_agree) = (true, true);
    let (mut resolved, mut largest_z) = (0_u32, 0.0_f64);
    let mut series = Vec::new();
    for &b in &BENEFITS {
        let points = kin::grid(b, COST, &rs, runs, rng)?;
        for p in &points {
            let neutral = (p.r - COST / b).abs() < 1e-12;
            if !neutral {
                // Dominance: the cooperator beats neutrality and the
                // defector falls short of it, or the other way round.
                let favoured = p.exact_cooperator > 1.0 && p.exact_defector < 1.0;
                let disfavoured = p.exact_cooperator < 1.0 && p.exact_defector > 1.0;
                exact_agree &= if p.formula { favoured } else { disfavoured };
            }
            for (simulated, se, exact) in [
                (p.simulated_cooperator, p.se[0], p.exact_cooperator),
                (p.simulated_defector, p.se[1], p.exact_defector),
            ] {
                if se > 0.0 {
                    largest_z = largest_z.max((simulated - exact).abs() / se);
                }
            }
            let gap = p.simulated_cooperator - p.simulated_defector;
            let se = p.se[0].hypot(p.se[1]);
            if gap.abs() > 4.0 * se {
                resolved += 1;
                simulated_agree &= (gap > 0.0) == p.formula;
            }
        }
        kin::push_rows(&mut table, b, COST, &points);
        series.push((
            format!("b/c = {}: N rho(C)", b / COST),
            points.iter().map(|p| p.exact_cooperator).collect(),
        ));
        series.push((
            format!("b/c = {}: N rho(D)", b / COST),
            points.iter().map(|p| p.exact_defector).collect(),
        ));
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        "Kin selection: the exact fixation probabilities favour cooperators (N rho(C) > 1 > N rho(D)) exactly when r > c/b",
        exact_agree,
        &[("points", (BENEFITS.len() * rs.len()) as f64)],
    ));
    outcome.checks.push(Check::new(
        "Kin selection: wherever the simulation resolves rho(C) - rho(D) (beyond 4 standard errors), its sign is that of r - c/b, and every simulated rho is within 4.5 standard errors of the exact one",
        simulated_agree && resolved > 0 && largest_z < 4.5,
        &[("points_resolved", f64::from(resolved)), ("largest_gap_in_se", largest_z)],
    ));
    outcome.figures.push(Figure::Lines {
        name: "kin".to_owned(),
        title: "Kin selection: fixation probabilities against relatedness r".to_owned(),
        axes: (
            "relatedness r".to_owned(),
            "N times the fixation probability (exact; 1 = neutral)".to_owned(),
        ),
        x: rs,
        series,
    });
    Ok(())
}

/// Indirect reciprocity: the discriminator-defector table, formula beside
/// the agent-level simulation, against `q` (module [`indirect`]).
fn indirect_reciprocity(size: Size, rng: &mut Pcg64Mcg, outcome: &mut Outcome) {
    let interactions: u64 = size.pick(200_000, 2_000_000);
    let qs = unit_grid();
    let mut table = Table::new(
        "indirect",
        &format!(
            "Indirect reciprocity: encounter payoffs (policy payoff, cost 1) of discriminators (DISC) and defectors (ALLD) when a discriminator knows the recipient's type with probability q; formula beside the agent-level simulation ({interactions} donor-recipient interactions among {} agents of each type; standard errors).",
            indirect::HALF_POPULATION
        ),
        &[
            "b",
            "c/b",
            "q",
            "formula DISC vs DISC",
            "formula ALLD vs DISC",
            "simulated DISC vs DISC",
            "se",
            "simulated ALLD vs DISC",
            "se",
            "simulated DISC vs ALLD",
            "formula DISC vs ALLD",
            "formula: DISC resists ALLD",
            "simulation: DISC resists ALLD",
        ],
    );
    let (mut agree, mut resolved, mut largest_z) = (true, 0_u32, 0.0_f64);
    let mut series = Vec::new();
    for &b in &BENEFITS {
        let mut advantage = Vec::with_capacity(qs.len());
        for &q in &qs {
            let formula = indirect::formula(b, COST, q);
            let simulated = indirect::simulate(b, COST, q, interactions, rng);
            largest_z = largest_z.max(simulated.largest_gap_in_se(&formula));
            let formula_resists = q > COST / b;
            let gap = simulated.table[0][0] - simulated.table[1][0];
            let se = simulated.se[0][0].hypot(simulated.se[1][0]);
            let simulated_resists = gap > 0.0;
            if gap.abs() > 4.0 * se {
                resolved += 1;
                agree &= simulated_resists == formula_resists;
            }
            advantage.push(gap);
            table.push(vec![
                fmt(b, 0),
                fmt(COST / b, 2),
                fmt(q, 2),
                fmt(formula[0][0], 4),
                fmt(formula[1][0], 4),
                fmt(simulated.table[0][0], 4),
                fmt(simulated.se[0][0], 4),
                fmt(simulated.table[1][0], 4),
                fmt(simulated.se[1][0], 4),
                fmt(simulated.table[0][1], 4),
                fmt(formula[0][1], 4),
                formula_resists.to_string(),
                simulated_resists.to_string(),
            ]);
        }
        series.push((format!("b/c = {}", b / COST), advantage));
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        "Indirect reciprocity: every simulated encounter payoff is within 4.5 standard errors of the formula",
        largest_z < 4.5,
        &[("largest_gap_in_se", largest_z)],
    ));
    outcome.checks.push(Check::new(
        "Indirect reciprocity: wherever the simulation resolves DISC vs DISC minus ALLD vs DISC (beyond 4 standard errors), discriminators resist defectors exactly when q > c/b",
        agree && resolved > 0,
        &[("points_resolved", f64::from(resolved)), ("points", (BENEFITS.len() * qs.len()) as f64)],
    ));
    outcome.figures.push(Figure::Lines {
        name: "indirect".to_owned(),
        title: "Indirect reciprocity: the discriminator's advantage over ALLD against q".to_owned(),
        axes: (
            "probability q of knowing the recipient's type".to_owned(),
            "DISC vs DISC minus ALLD vs DISC (simulated, policy payoff)".to_owned(),
        ),
        x: qs,
        series,
    });
}

/// Network reciprocity: one cooperator's fixation probability on the
/// graph of `case` under death-birth updating against `b/c` (module
/// [`structured`]). The cycle's table, check and figure keep their
/// wording; every other case adds a check of the simulated crossing.
fn network_reciprocity(
    case: &structured::NetworkCase,
    size: Size,
    rng: &mut Pcg64Mcg,
    outcome: &mut Outcome,
) -> Result<(), ReproError> {
    let points = structured::network_on(case, size, rng)?;
    let k = case.degree as f64;
    let threshold =
        structured::finite_network_threshold(case.nodes, case.degree).unwrap_or(f64::INFINITY);
    let runs = points.first().map_or(0, |(_, e)| e.runs);
    let mut table = Table::new(
        case.name,
        &format!(
            "Network reciprocity: N times the fixation probability of one cooperator among defectors (1 = neutral) in the donation game (policy payoff, cost 1) on a {} of N = {} nodes (k = {}), death-birth updating, accumulated payoffs, linear selection w = {}; {runs} runs each (standard errors). Ohtsuki's rule b/c > k is for large N; the finite-N threshold (N-2)/(N/k-2) is {}.",
            case.label,
            case.nodes,
            case.degree,
            case.intensity,
            fmt(threshold, 4),
        ),
        &[
            "b/c",
            "formula (large N): b/c > k",
            "formula (N nodes): b/c > (N-2)/(N/k-2)",
            "simulated N rho(C)",
            "se",
            "z against 1/N",
            "unfinished runs",
        ],
    );
    let (mut agree, mut resolved, mut unfinished) = (true, 0_u32, 0_u32);
    let n = case.nodes as f64;
    for (ratio, e) in &points {
        let favoured = *ratio > threshold;
        let z = e.z_against_neutral().unwrap_or(0.0);
        if z.abs() > 4.0 {
            resolved += 1;
            agree &= (z > 0.0) == favoured;
        }
        unfinished += e.unfinished;
        table.push(vec![
            fmt(*ratio, 2),
            (*ratio > k).to_string(),
            favoured.to_string(),
            fmt(n * e.probability, 4),
            fmt(n * e.standard_error, 4),
            fmt(z, 2),
            e.unfinished.to_string(),
        ]);
    }
    outcome.tables.push(table);
    let cycle = case.name == structured::CYCLE.name;
    let claim = if cycle {
        "Network reciprocity: wherever the simulated fixation probability of one cooperator differs from 1/N by more than 4 standard errors, it is above exactly when b/c exceeds the finite-N threshold (N-2)/(N/k-2) (k = 2 for large N), and every run finished".to_owned()
    } else {
        format!(
            "Network reciprocity on the {}: wherever the simulated fixation probability of one cooperator differs from 1/N by more than 4 standard errors, it is above exactly when b/c exceeds the finite-N threshold (N-2)/(N/k-2) (k = {} for large N), and every run finished",
            case.label, case.degree
        )
    };
    outcome.checks.push(Check::new(
        claim,
        agree && resolved > 0 && unfinished == 0,
        &[
            ("points_resolved", f64::from(resolved)),
            ("points", points.len() as f64),
            ("finite_threshold", threshold),
        ],
    ));
    if !cycle {
        // The crossing: resolved points on both sides of the finite-N
        // threshold, the one below it above k (so the simulation resolves
        // the finite-N shift, not only the large-N rule).
        let crossing = structured::simulated_crossing(&points, 4.0);
        let holds =
            crossing.is_some_and(|c| c.below > k && c.below < threshold && threshold < c.above);
        let (below, above, interpolated) = crossing.map_or((f64::NAN, f64::NAN, f64::NAN), |c| {
            (c.below, c.above, c.interpolated)
        });
        outcome.checks.push(Check::new(
            format!(
                "Network reciprocity on the {}: the simulated crossing of 1/N is resolved between a ratio above k and below the finite-N threshold (N-2)/(N/k-2) and a ratio above it",
                case.label
            ),
            holds,
            &[
                ("resolved_below", below),
                ("resolved_above", above),
                ("interpolated_crossing", interpolated),
                ("large_n_threshold", k),
                ("finite_threshold", threshold),
            ],
        ));
    }
    outcome.figures.push(Figure::Lines {
        name: case.name.to_owned(),
        title: format!(
            "Network reciprocity: one cooperator's fixation probability on a {} against b/c",
            case.label
        ),
        axes: (
            "benefit-to-cost ratio b/c".to_owned(),
            "N times the fixation probability (simulated; 1 = neutral)".to_owned(),
        ),
        x: points.iter().map(|(r, _)| *r).collect(),
        series: vec![(
            format!("{}, N = {}", case.label, case.nodes),
            points.iter().map(|(_, e)| n * e.probability).collect(),
        )],
    });
    Ok(())
}

/// Group selection: one cooperator's fixation probability in the
/// multilevel process against `b/c` (module [`structured`]).
fn group_selection(
    size: Size,
    rng: &mut Pcg64Mcg,
    outcome: &mut Outcome,
) -> Result<(), ReproError> {
    let points = structured::groups(size, rng)?;
    let threshold = structured::group_threshold();
    let (n, m) = (structured::GROUP_SIZE, structured::GROUPS);
    let population = f64::from(n * m);
    let runs = points.first().map_or(0, |(_, e)| e.runs);
    let mut table = Table::new(
        "groups",
        &format!(
            "Group selection: N times the fixation probability of one cooperator among defectors (1 = neutral) in the donation game (policy payoff, cost 1, averaged payoffs) among m = {m} groups of at most n = {n} (N = {}), splitting probability q = {}, linear selection w = {}; exact in the rare-splitting limit, its weak-selection approximation, and simulated ({runs} runs each, standard errors). Threshold 1 + n/(m-2) = {} (many groups: 1 + n/m = {}).",
            n * m,
            structured::SPLIT,
            structured::INTENSITY,
            fmt(threshold, 4),
            fmt(1.0 + f64::from(n) / f64::from(m), 4),
        ),
        &[
            "b/c",
            "formula: b/c > 1 + n/(m-2)",
            "rare splitting N rho(C)",
            "weak selection N rho(C)",
            "simulated N rho(C)",
            "se",
            "unfinished runs",
        ],
    );
    let (mut exact_agree, mut agree, mut resolved, mut unfinished) = (true, true, 0_u32, 0_u32);
    for (ratio, e) in &points {
        let favoured = *ratio > threshold;
        exact_agree &= (e.rare_splitting > e.neutral) == favoured
            && (e.weak_selection > e.neutral) == favoured;
        if (e.probability - e.neutral).abs() > 4.0 * e.standard_error {
            resolved += 1;
            agree &= (e.probability > e.neutral) == favoured;
        }
        unfinished += e.unfinished;
        table.push(vec![
            fmt(*ratio, 2),
            favoured.to_string(),
            fmt(population * e.rare_splitting, 4),
            fmt(population * e.weak_selection, 4),
            fmt(population * e.probability, 4),
            fmt(population * e.standard_error, 4),
            e.unfinished.to_string(),
        ]);
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        "Group selection: the rare-splitting and weak-selection fixation probabilities of one cooperator exceed 1/N exactly when b/c > 1 + n/(m-2)",
        exact_agree,
        &[("points", points.len() as f64), ("threshold", threshold)],
    ));
    outcome.checks.push(Check::new(
        "Group selection: wherever the simulated fixation probability differs from 1/N by more than 4 standard errors, it is above exactly when b/c > 1 + n/(m-2), and every run finished",
        agree && resolved > 0 && unfinished == 0,
        &[("points_resolved", f64::from(resolved)), ("points", points.len() as f64)],
    ));
    outcome.figures.push(Figure::Lines {
        name: "groups".to_owned(),
        title: "Group selection: one cooperator's fixation probability against b/c".to_owned(),
        axes: (
            "benefit-to-cost ratio b/c".to_owned(),
            "N times the fixation probability (1 = neutral)".to_owned(),
        ),
        x: points.iter().map(|(r, _)| *r).collect(),
        series: vec![
            (
                "rare splitting (exact)".to_owned(),
                points
                    .iter()
                    .map(|(_, e)| population * e.rare_splitting)
                    .collect(),
            ),
            (
                "simulated".to_owned(),
                points
                    .iter()
                    .map(|(_, e)| population * e.probability)
                    .collect(),
            ),
        ],
    });
    Ok(())
}
