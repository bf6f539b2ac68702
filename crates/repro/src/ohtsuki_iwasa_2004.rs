//! Ohtsuki and Iwasa (2004), "How should we define goodness? Reputation
//! dynamics in indirect reciprocity", Journal of Theoretical Biology 231:
//! 107-120; Pacheco, Santos and Chalub (2006), "Stern-judging: a simple,
//! successful norm which promotes cooperation under indirect reciprocity",
//! PLoS Computational Biology 2: e178.
//!
//! Claim: under errors, the leading eight (stern judging and simple
//! standing among them) keep a society of discriminators cooperating,
//! while image scoring (which condemns justified defection) and shunning
//! (which condemns every act of a bad donor) do not; the reputation
//! dynamics settle at the analytic fixed point. Residents following a
//! leading-eight norm's action rule resist a rare ALLC or ALLD invader
//! (its payoff is below theirs); under image scoring ALLC, always in good
//! standing, earns more than the discriminators.
//!
//! Set-up: `reproductions/ohtsuki-iwasa-2004.ron` (100 discriminators,
//! public assessment, q = 1, e = 0.02, mu in {0.01, 0.05, 0.1}, donation
//! game b = 2, c = 1, no politicization), run by the society engine once
//! for each of the twelve named norms; the exact finite-Z chain and the
//! large-population fixed point g* come from the engine's analytic anchor
//! ([`SocietySweep`]). Cooperation is the share of donations executed as C.
//!
//! Stability (Ohtsuki and Iwasa 2004, Pacheco, Santos and Chalub 2006):
//! one ALLC or one ALLD state among [`STABILITY_RESIDENTS`] residents
//! following the norm's action rule (the leading eight's own rule for
//! L1-L8, the discriminator for the four second-order norms), at the
//! smallest assessment error. The society engine gives the invader's
//! payoff minus a resident's per encounter; the analytic anchor gives it
//! for a rare invader at the residents' fixed point
//! ([`StandingDynamics::rare_invader`], with the ratio `b/c` above which
//! the residents resist it) and for one invader among the residents
//! ([`StandingDynamics::one_invader`], which the simulation is checked
//! against).

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, Currency, Norm, Standing};
use twolevel_strategies::society::NormAction;
use twolevel_tournament::seeding::derive_seed;
use twolevel_tournament::society::{
    Group, RareInvader, Society, SocietyConfig, SocietyParams, SocietySweep, StandingDynamics,
};
use twolevel_tournament::stats::mean_sd_se;

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "ohtsuki-iwasa-2004",
    paper: "Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics in indirect reciprocity. J. Theor. Biol. 231, 107-120; Pacheco, J. M., Santos, F. C. and Chalub, F. A. C. C. (2006). Stern-judging: a simple, successful norm which promotes cooperation under indirect reciprocity. PLoS Comput. Biol. 2, e178.",
    claim: "Under execution and assessment errors the leading eight keep discriminators cooperating while image scoring and shunning do not, the simulated reputation dynamics settle at the analytic fixed point, and residents of every leading-eight norm resist ALLC and ALLD invaders while under image scoring ALLC earns more than the residents.",
    default_seed: 2004,
    runner: run,
};

/// The cooperation level the leading eight keep, and the others miss, at
/// the smallest assessment error of the file (mu = 0.01).
pub const COOPERATION_LEVEL: f64 = 0.9;

/// The number of residents in the stability runs (one invader joins them).
pub const STABILITY_RESIDENTS: u32 = 99;

/// The replicates of each stability run, at quick and at full size.
pub const STABILITY_REPLICATES: (u32, u32) = (10, 40);

/// An action rule under a norm: the action for the donor's own standing
/// and the recipient's.
pub type ActionRule = fn(Norm, Standing, Standing) -> Action;

/// The resident action rule of a norm: its registered name and the rule
/// as a function of the donor's and the recipient's standing. The leading
/// eight follow their own action rule; the other named norms are held by
/// discriminators, as in the cooperation table.
#[must_use]
pub fn resident(norm: Norm) -> (&'static str, ActionRule) {
    match Norm::LEADING_EIGHT.iter().position(|&n| n == norm) {
        Some(k) => (
            NormAction::LEADING_EIGHT_NAMES[k],
            |norm, own, recipient| norm.prescribed_action(own, recipient),
        ),
        None => ("Discriminator", |_, _, recipient| {
            if recipient.is_good() {
                Action::C
            } else {
                Action::D
            }
        }),
    }
}

/// The loaded reproduction file.
pub fn config() -> Result<SocietyConfig, ReproError> {
    let text = crate::reproduction_file("ohtsuki-iwasa-2004").ok_or_else(|| {
        twolevel_game::ParameterError::new("ohtsuki-iwasa-2004", "the embedded file is missing")
    })?;
    Ok(SocietyConfig::from_ron(
        text,
        "<embedded reproductions/ohtsuki-iwasa-2004.ron>",
    )?)
}

fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let mut base = config()?.with_seed(seed);
    if size == Size::Quick {
        base.steps /= 10;
        base.warmup /= 4;
        base.replicates = 10;
    }
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut table = Table::new(
        "cooperation",
        "Cooperation (share of donations executed as C) and good share of 100 discriminators under each norm, public assessment, e = 0.02: simulation (mean and standard error over replicates) beside the exact finite-Z chain and the large-population fixed point g*.",
        &[
            "norm",
            "leading eight",
            "mu",
            "simulated cooperation",
            "standard error",
            "exact finite-Z cooperation",
            "g* cooperation",
            "simulated good share",
            "exact good share",
            "g*",
        ],
    );
    let mu_levels = base.mu_levels.clone();
    // The smallest assessment error of the file (a validated file has at
    // least its base mu).
    let lowest_mu = mu_levels.iter().copied().fold(f64::INFINITY, f64::min);
    let mut series = Vec::new();
    let mut worst_z: f64 = 0.0;
    let mut leading_lowest = f64::INFINITY;
    let mut others_highest = f64::NEG_INFINITY;
    for (name, _, norm) in Norm::NAMES {
        let leading = Norm::LEADING_EIGHT.contains(&norm);
        let mut config = base.clone();
        let params = config.params;
        config.params = SocietyParams::new(
            norm,
            params.institution(),
            params.observation(),
            params.execution_error(),
            params.assessment_error(),
        )?
        .with_mode(params.mode());
        let sweep = SocietySweep::run(&config)?;
        let mut curve = Vec::with_capacity(sweep.points.len());
        for point in &sweep.points {
            let exact = point.analytic_cooperation.unwrap_or(f64::NAN);
            let se = point.cooperation_se.unwrap_or(0.0);
            // The gap in standard errors, with a floor of 0.002 on the
            // standard error for points whose replicates all agree.
            worst_z = worst_z.max((point.cooperation - exact).abs() / se.max(0.002));
            if point.mu == lowest_mu {
                if leading {
                    leading_lowest = leading_lowest.min(point.cooperation);
                } else {
                    others_highest = others_highest.max(point.cooperation);
                }
            }
            curve.push(point.cooperation);
            table.push(vec![
                name.to_owned(),
                if leading { "yes" } else { "no" }.to_owned(),
                fmt(point.mu, 2),
                fmt(point.cooperation, 4),
                fmt(se, 4),
                fmt(exact, 4),
                fmt(point.g_star_cooperation.unwrap_or(f64::NAN), 4),
                fmt(point.good_share, 4),
                fmt(point.analytic_good_share.unwrap_or(f64::NAN), 4),
                fmt(point.g_star.unwrap_or(f64::NAN), 4),
            ]);
        }
        series.push((name.to_owned(), curve));
    }
    outcome.tables.push(table);
    outcome.checks.push(Check::new(
        format!(
            "At mu = {} every leading-eight norm keeps cooperation at or above {COOPERATION_LEVEL}, and image scoring and shunning stay below it",
            lowest_mu
        ),
        leading_lowest >= COOPERATION_LEVEL && others_highest < COOPERATION_LEVEL,
        &[
            ("lowest_leading_eight_cooperation", leading_lowest),
            ("highest_other_cooperation", others_highest),
        ],
    ));
    outcome.checks.push(Check::new(
        "The simulated cooperation agrees with the exact finite-Z chain within 4 standard errors at every norm and mu",
        worst_z <= 4.0,
        &[("largest_gap_in_standard_errors", worst_z)],
    ));
    stability(&base, size, seed, lowest_mu, &mut outcome)?;
    outcome.figures.push(Figure::Lines {
        name: "cooperation".to_owned(),
        title: "Discriminators under each norm: cooperation against mu".to_owned(),
        axes: (
            "assessment error mu".to_owned(),
            "cooperation (simulated)".to_owned(),
        ),
        x: mu_levels,
        series,
    });
    Ok(outcome)
}

/// The invaders of the stability table: their registered names and rules.
const INVADERS: [(&str, Action); 2] = [("ALLC", Action::C), ("ALLD", Action::D)];

/// The ratios `b/c` at which the residents resist a rare invader, in words.
fn resisted_for(rare: &RareInvader) -> String {
    let slope = rare.invader_receives - rare.resident_receives;
    match rare.break_even_ratio() {
        Some(ratio) if ratio <= 0.0 && slope < 0.0 => "every b/c".to_owned(),
        Some(ratio) if slope < 0.0 => format!("b/c > {}", fmt(ratio, 3)),
        Some(ratio) if ratio <= 0.0 => "no b/c".to_owned(),
        Some(ratio) => format!("b/c < {}", fmt(ratio, 3)),
        None if rare.invader_gives > rare.resident_gives => "every b/c".to_owned(),
        None => "no b/c".to_owned(),
    }
}

/// The stability table and its checks: one ALLC or ALLD state among
/// residents of each norm at assessment error `mu`, simulated by the
/// society engine beside the analytic rare invader.
fn stability(
    base: &SocietyConfig,
    size: Size,
    seed: u64,
    mu: f64,
    outcome: &mut Outcome,
) -> Result<(), ReproError> {
    let replicates = size.pick(STABILITY_REPLICATES.0, STABILITY_REPLICATES.1);
    let (benefit, cost) = (base.game.benefit(), base.game.cost());
    let e = base.params.execution_error();
    let states = STABILITY_RESIDENTS as usize + 1;
    let mut table = Table::new(
        "stability",
        &format!(
            "Stability against invaders: one ALLC or ALLD state among {STABILITY_RESIDENTS} residents following the norm's action rule (the leading eight's own rule, the discriminator for the second-order norms), public assessment, q = 1, e = {e}, mu = {mu}, donation game b = {benefit}, c = {cost} (policy payoff). The invader's payoff minus a resident's per encounter: analytic for a rare invader at the residents' fixed point g*, analytic for one invader among Z - 1 residents (a resident's partner is the invader with probability 1/(Z-1), which moves the residents' standing where the norm is sensitive to it: image scoring, shunning), and simulated by the society engine ({replicates} replicates of {} steps after {} warm-up steps; mean and standard error). The residents resist the invader when the advantage is negative; the ratios b/c at which they resist a rare invader are shown.",
            base.steps, base.warmup
        ),
        &[
            "norm",
            "leading eight",
            "resident rule",
            "invader",
            "g* (rare invader)",
            "resident good share (one invader)",
            "invader good share (one invader)",
            "analytic advantage (rare invader)",
            "analytic advantage (one invader)",
            "rare invader resisted for",
            "analytic: resisted at this b/c (one invader)",
            "simulated advantage",
            "se",
            "z against analytic",
        ],
    );
    let (mut leading_resist, mut image_scoring_allc) = (true, None);
    let (mut worst_z, mut resolved, mut sign_agree): (f64, u32, bool) = (0.0, 0, true);
    for (index, (name, _, norm)) in Norm::NAMES.iter().enumerate() {
        let (rule_name, rule) = resident(*norm);
        let leading = Norm::LEADING_EIGHT.contains(norm);
        let dynamics =
            StandingDynamics::new(*norm, |own, recipient| rule(*norm, own, recipient), e, mu)?;
        let params = SocietyParams::new(
            *norm,
            base.params.institution(),
            base.params.observation(),
            e,
            mu,
        )?
        .with_mode(base.params.mode());
        for (which, (invader, action)) in INVADERS.iter().enumerate() {
            let rare = dynamics.rare_invader(|_, _| *action);
            let one = dynamics.one_invader(states, |_, _| *action);
            let analytic = one.advantage(benefit, cost) / 2.0;
            let resisted = analytic < 0.0;
            let groups = [
                Group::new(rule_name, STABILITY_RESIDENTS),
                Group::new(*invader, 1),
            ];
            let mut gaps = Vec::with_capacity(replicates as usize);
            for replicate in 0..replicates {
                let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(
                    seed,
                    &[index as u64, which as u64, u64::from(replicate)],
                ));
                let mut society = Society::new(params, &base.game, &groups)?;
                society.run(base.warmup, &mut rng);
                society.clear_payoffs();
                society.run(base.steps, &mut rng);
                let residents = (0..states - 1)
                    .map(|state| society.mean_payoff(state, Currency::Policy))
                    .sum::<f64>()
                    / (states - 1) as f64;
                gaps.push(society.mean_payoff(states - 1, Currency::Policy) - residents);
            }
            let (simulated, _, se) = mean_sd_se(&gaps);
            let z = (simulated - analytic) / se.max(1e-9);
            worst_z = worst_z.max(z.abs());
            if simulated.abs() > 4.0 * se {
                resolved += 1;
                sign_agree &= (simulated < 0.0) == resisted;
            }
            if leading {
                leading_resist &= resisted && (simulated < 0.0 || simulated.abs() <= 4.0 * se);
            }
            if *norm == Norm::IMAGE_SCORING && *action == Action::C {
                image_scoring_allc = Some((analytic, simulated, se));
            }
            table.push(vec![
                (*name).to_owned(),
                if leading { "yes" } else { "no" }.to_owned(),
                rule_name.to_owned(),
                (*invader).to_owned(),
                fmt(rare.resident_good_share, 4),
                fmt(one.resident_good_share, 4),
                fmt(one.invader_good_share, 4),
                fmt(rare.advantage(benefit, cost) / 2.0, 4),
                fmt(analytic, 4),
                resisted_for(&rare),
                resisted.to_string(),
                fmt(simulated, 4),
                fmt(se, 4),
                fmt(z, 2),
            ]);
        }
    }
    outcome.tables.push(table);
    let (is_analytic, is_simulated, is_se) =
        image_scoring_allc.unwrap_or((f64::NAN, f64::NAN, f64::NAN));
    outcome.checks.push(Check::new(
        format!(
            "Stability: at b/c = {} every leading-eight norm resists both ALLC and ALLD (analytic advantage negative, simulated advantage not resolved above 0), and under image scoring ALLC earns more than the residents (analytic and simulated, resolved)",
            benefit / cost
        ),
        leading_resist && is_analytic > 0.0 && is_simulated > 4.0 * is_se,
        &[
            ("image_scoring_allc_analytic_advantage", is_analytic),
            ("image_scoring_allc_simulated_advantage", is_simulated),
            ("image_scoring_allc_se", is_se),
        ],
    ));
    outcome.checks.push(Check::new(
        "Stability: the simulated advantage of each invader agrees with the analytic one within 4 standard errors, and wherever it is resolved (4 standard errors) its sign is the analytic one",
        worst_z <= 4.0 && sign_agree,
        &[
            ("largest_gap_in_standard_errors", worst_z),
            ("points_resolved", f64::from(resolved)),
        ],
    ));
    Ok(())
}
