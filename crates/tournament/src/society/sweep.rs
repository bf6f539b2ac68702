//! Sweeps of the institution: the society of a [`SocietyConfig`] run at
//! every pair of observation probability q and assessment error mu of its
//! grid, with the analytic anchor beside the simulation where it applies.
//!
//! The q and mu grid is walked as the cells of the sweep engine's grid
//! ([`Cells`], q varying slowest): every point is run `replicates` times,
//! from the seeds `seed`, `seed + 1`, ... ([`ReplicateSeeds::Consecutive`]);
//! each run starts from everyone in good standing, runs `warmup` steps,
//! clears its counters and payoffs, and measures `steps` steps. A point
//! reports the mean over its replicates and, with two or more, the standard
//! error of that mean (the replicates' standard deviation over the square
//! root of their number). Payoffs per interaction are summed over the donor
//! and the recipient of each encounter, so the policy payoff per
//! interaction is the society's welfare per donation (`(b - c)` times the
//! cooperation rate in the classic game).
//!
//! The anchor ([`StandingDynamics`] for discriminators) applies when every
//! state is a discriminator, assessment is public and states meet as donor
//! and recipient (`Donation` mode): then the exact finite-Z chain gives
//! the stationary good share and cooperation (for `0 < mu < 1`), which do
//! not depend on q, and the large-population fixed point g* is given too.
//!
//! The CSV file has the header [`CSV_HEADER`]; an analytic column is empty
//! where the anchor does not apply.

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};
use twolevel_game::{Currency, ParameterError};

use crate::sweep_file::{Axis, Cells, ReplicateSeeds};
use twolevel_strategies::society::build_rule_with;

use super::analytic::StandingDynamics;
use super::config::SocietyConfig;
use super::engine::Society;
use super::params::{EncounterMode, Institution, SocietyParams};
use crate::report::{OutputError, write_csv, write_json_file};
use crate::stats::mean_and_standard_error_from_variance;

/// The columns of the sweep's CSV file, in order.
pub const CSV_HEADER: [&str; 16] = [
    "q",
    "mu",
    "replicates",
    "good_share",
    "good_share_se",
    "cooperation",
    "cooperation_se",
    "policy_per_interaction",
    "policy_per_interaction_se",
    "political_per_interaction",
    "utility_per_interaction",
    "utility_per_interaction_se",
    "analytic_good_share",
    "analytic_cooperation",
    "g_star",
    "g_star_cooperation",
];

/// What one (q, mu) point of a sweep measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SocietyPoint {
    /// The observation probability.
    pub q: f64,
    /// The assessment error.
    pub mu: f64,
    /// The number of runs (seeds) averaged.
    pub replicates: u32,
    /// The time-averaged good share (of standings, or of images under
    /// private assessment).
    pub good_share: f64,
    /// The standard error of `good_share` over the replicates (`None`
    /// with one replicate), likewise for the other `_se` fields.
    pub good_share_se: Option<f64>,
    /// The share of donor actions executed as C.
    pub cooperation: f64,
    /// The standard error of `cooperation`.
    pub cooperation_se: Option<f64>,
    /// The policy payoff (absolute gains) per interaction, donor and
    /// recipient together.
    pub policy_per_interaction: f64,
    /// The standard error of `policy_per_interaction`.
    pub policy_per_interaction_se: Option<f64>,
    /// The political payoff (relative gains, accountability) per
    /// interaction, donor and recipient together.
    pub political_per_interaction: f64,
    /// Each state's own utility (its blend of the two) per interaction,
    /// donor and recipient together.
    pub utility_per_interaction: f64,
    /// The standard error of `utility_per_interaction`.
    pub utility_per_interaction_se: Option<f64>,
    /// The exact finite-Z stationary good share, where the anchor applies
    /// and `0 < mu < 1`.
    pub analytic_good_share: Option<f64>,
    /// The exact finite-Z stationary cooperation rate, likewise.
    pub analytic_cooperation: Option<f64>,
    /// The large-population fixed point g*, where the anchor applies.
    pub g_star: Option<f64>,
    /// The large-population cooperation `g* (1 - e)`, likewise.
    pub g_star_cooperation: Option<f64>,
}

/// A sweep with what it was run on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SocietySweep {
    /// The society's name.
    pub society: String,
    /// The norm's name.
    pub norm: String,
    /// Public or private assessment.
    pub institution: Institution,
    /// The number of states Z.
    pub size: usize,
    /// The execution error e.
    pub e: f64,
    /// Measured steps per point.
    pub steps: u64,
    /// The seed of every point's first replicate.
    pub seed: u64,
    /// The runs per point.
    pub replicates: u32,
    /// Whether the analytic anchor applies to this society.
    pub anchored: bool,
    /// One point per (q, mu), q in the outer loop.
    pub points: Vec<SocietyPoint>,
}

/// Whether the discriminator anchor applies: every state follows a rule
/// that declares it ([`SocietyRule::discriminator_anchor`], groups of no
/// states aside), public assessment, donation mode.
///
/// [`SocietyRule::discriminator_anchor`]: twolevel_game::SocietyRule::discriminator_anchor
#[must_use]
pub fn anchor_applies(config: &SocietyConfig) -> bool {
    let discriminators =
        config.groups.iter().filter(|g| g.count > 0).all(|g| {
            build_rule_with(&g.rule, &g.params).is_ok_and(|rule| rule.discriminator_anchor())
        });
    discriminators
        && config.params.institution() == Institution::Public
        && config.params.mode() == EncounterMode::Donation
}

impl SocietySweep {
    /// Runs the sweep of `config` over its grid of q and mu.
    pub fn run(config: &SocietyConfig) -> Result<Self, ParameterError> {
        SocietySweep::run_with_progress(config, &crate::progress::NoProgress)
    }

    /// Runs the sweep as [`SocietySweep::run`] does, telling `progress`
    /// the number of grid points (q levels times mu levels) and each
    /// finished one. The sweep is the same as without it.
    pub fn run_with_progress(
        config: &SocietyConfig,
        progress: &dyn crate::progress::Progress,
    ) -> Result<Self, ParameterError> {
        // The cells of the sweep engine's grid over q and mu (q varies
        // slowest), replicate `r` of every point seeded with `seed + r`.
        let grid = [
            Axis {
                path: "q".to_owned(),
                values: config.q_levels.clone(),
            },
            Axis {
                path: "mu".to_owned(),
                values: config.mu_levels.clone(),
            },
        ];
        let cells = Cells::new(
            &grid,
            config.replicates,
            config.seed,
            ReplicateSeeds::Consecutive,
        );
        progress.start(cells.point_count() as u64);
        let anchored = anchor_applies(config);
        let base = config.params;
        let mut points = Vec::with_capacity(cells.point_count());
        for point in cells.points() {
            let [q, mu] = point.values[..] else {
                unreachable!("a point of a two-axis grid has two values")
            };
            let params = SocietyParams::new(
                base.norm(),
                base.institution(),
                q,
                base.execution_error(),
                mu,
            )?
            .with_mode(base.mode());
            let runs = point
                .cells()
                .map(|cell| measure_once(config, params, cell.seed))
                .collect::<Result<Vec<Measures>, ParameterError>>()?;
            let mut point = summarise(config, params, &runs);
            if anchored {
                anchor(&mut point, config, params)?;
            }
            points.push(point);
            progress.advance(1);
        }
        Ok(SocietySweep {
            society: config.name.clone(),
            norm: base.norm().to_string(),
            institution: base.institution(),
            size: config.size(),
            e: base.execution_error(),
            steps: config.steps,
            seed: config.seed,
            replicates: config.replicates,
            anchored,
            points,
        })
    }

    /// Writes the points as CSV (header [`CSV_HEADER`]) to `path`.
    pub fn write_csv(&self, path: impl AsRef<Path>) -> Result<PathBuf, OutputError> {
        write_csv(path.as_ref(), |writer| {
            writer.write_record(CSV_HEADER)?;
            for p in &self.points {
                let optional = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
                writer.write_record([
                    p.q.to_string(),
                    p.mu.to_string(),
                    p.replicates.to_string(),
                    p.good_share.to_string(),
                    optional(p.good_share_se),
                    p.cooperation.to_string(),
                    optional(p.cooperation_se),
                    p.policy_per_interaction.to_string(),
                    optional(p.policy_per_interaction_se),
                    p.political_per_interaction.to_string(),
                    p.utility_per_interaction.to_string(),
                    optional(p.utility_per_interaction_se),
                    optional(p.analytic_good_share),
                    optional(p.analytic_cooperation),
                    optional(p.g_star),
                    optional(p.g_star_cooperation),
                ])?;
            }
            Ok(())
        })
    }

    /// Writes the sweep as JSON to `path`.
    pub fn write_json(&self, path: impl AsRef<Path>) -> Result<PathBuf, OutputError> {
        write_json_file(self, path.as_ref())
    }
}

/// What one run measured: good share, cooperation, and the policy,
/// political and utility payoffs per interaction.
type Measures = [f64; 5];

/// The point of `params` from the measures of its replicates: their means
/// and, with two or more, their standard errors.
fn summarise(config: &SocietyConfig, params: SocietyParams, runs: &[Measures]) -> SocietyPoint {
    let statistic = |k: usize| {
        let values: Vec<f64> = runs.iter().map(|run| run[k]).collect();
        mean_and_standard_error_from_variance(&values)
    };
    let [good, cooperation, policy, political, utility] = [0, 1, 2, 3, 4].map(statistic);
    SocietyPoint {
        q: params.observation(),
        mu: params.assessment_error(),
        replicates: config.replicates,
        good_share: good.0,
        good_share_se: good.1,
        cooperation: cooperation.0,
        cooperation_se: cooperation.1,
        policy_per_interaction: policy.0,
        policy_per_interaction_se: policy.1,
        political_per_interaction: political.0,
        utility_per_interaction: utility.0,
        utility_per_interaction_se: utility.1,
        analytic_good_share: None,
        analytic_cooperation: None,
        g_star: None,
        g_star_cooperation: None,
    }
}

/// Runs one point from `seed` and measures it.
fn measure_once(
    config: &SocietyConfig,
    params: SocietyParams,
    seed: u64,
) -> Result<Measures, ParameterError> {
    let mut society = Society::new(params, &config.game, &config.groups)?;
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    society.run(config.warmup, &mut rng);
    society.clear_counters();
    society.clear_payoffs();
    let counters = society.run(config.steps, &mut rng);
    // Steps count interactions; a simultaneous round is one interaction.
    #[allow(clippy::cast_precision_loss)]
    let per_interaction = |currency: Currency| {
        society
            .tallies()
            .iter()
            .map(|t| t.payoff[currency])
            .sum::<f64>()
            / counters.steps as f64
    };
    Ok([
        counters.mean_good_share(),
        counters.cooperation_rate(),
        per_interaction(Currency::Policy),
        per_interaction(Currency::Political),
        per_interaction(Currency::Utility),
    ])
}

/// Fills in the anchor's values for a population of discriminators.
fn anchor(
    point: &mut SocietyPoint,
    config: &SocietyConfig,
    params: SocietyParams,
) -> Result<(), ParameterError> {
    let dynamics = StandingDynamics::discriminators(
        params.norm(),
        params.execution_error(),
        params.assessment_error(),
    )?;
    let g_star = dynamics.large_population_good_share();
    point.g_star = Some(g_star);
    point.g_star_cooperation = Some(dynamics.large_population_cooperation(g_star));
    if let Ok(chain) = dynamics.good_count_chain(config.size()) {
        point.analytic_good_share = Some(chain.mean_good_share());
        point.analytic_cooperation = Some(chain.cooperation_rate());
    }
    Ok(())
}
