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
//! dynamics settle at the analytic fixed point.
//!
//! Set-up: `reproductions/ohtsuki-iwasa-2004.ron` (100 discriminators,
//! public assessment, q = 1, e = 0.02, mu in {0.01, 0.05, 0.1}, donation
//! game b = 2, c = 1, no politicization), run by the society engine once
//! for each of the twelve named norms; the exact finite-Z chain and the
//! large-population fixed point g* come from the engine's analytic anchor
//! ([`SocietySweep`]). Cooperation is the share of donations executed as C.

use twolevel_game::Norm;
use twolevel_tournament::society::{SocietyConfig, SocietyParams, SocietySweep};

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "ohtsuki-iwasa-2004",
    paper: "Ohtsuki, H. and Iwasa, Y. (2004). How should we define goodness? Reputation dynamics in indirect reciprocity. J. Theor. Biol. 231, 107-120; Pacheco, J. M., Santos, F. C. and Chalub, F. A. C. C. (2006). Stern-judging: a simple, successful norm which promotes cooperation under indirect reciprocity. PLoS Comput. Biol. 2, e178.",
    claim: "Under execution and assessment errors the leading eight keep discriminators cooperating while image scoring and shunning do not, and the simulated reputation dynamics settle at the analytic fixed point.",
    default_seed: 2004,
    runner: run,
};

/// The cooperation level the leading eight keep, and the others miss, at
/// the smallest assessment error of the file (mu = 0.01).
pub const COOPERATION_LEVEL: f64 = 0.9;

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
