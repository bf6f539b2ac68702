//! The plots of this model's own results, drawn with the plots of `plot`:
//!
//! - `thresholds.svg` (`twolevel payoffs [FILE] -o DIR`): the
//!   grim-trigger threshold, the discount factor a state needs to keep
//!   cooperating, against politicization pi, one line per political
//!   weight w, with the discount factors of a file's players dashed
//!   across: the paradox of politicization is the U shape, a player
//!   cooperating only where its factor is above its curve (docs/model.md);
//! - `regime_achievement.svg`: a regime tournament's group achievement,
//!   the share of rounds the regime succeeded (`k >= M`), over the
//!   compositions each entrant sat in;
//! - `regime_standings.svg`: each entrant's policy payoff per round;
//! - `society_standings.svg`, `society_cooperation.svg`: a society's share
//!   in good standing and its cooperation rate against the assessment
//!   error mu (or the observation probability q when mu is not varied),
//!   one line per level of the other, means with standard-error bars and
//!   the analytic anchor where it applies.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use twolevel_game::{Currency, Orientation, Politicization, TwoLevelGame};
use twolevel_tournament::output::write_atomically;
use twolevel_tournament::regime::RegimeTournamentResults;
use twolevel_tournament::society::{SocietyPoint, SocietySweep};

use crate::plot::{bars, curves_with_references};

/// The politicization levels the threshold curves are drawn at: 0 to 1 in
/// steps of 0.01.
fn pi_grid() -> Vec<f64> {
    (0..=100).map(|k| f64::from(k) / 100.0).collect()
}

/// The grim-trigger threshold of `game` for each of `weights` at each
/// level of [`pi_grid`], `NaN` where cooperation cannot be sustained; an
/// invalid weight is an error naming `--weights[k]`.
fn threshold_curves(game: &TwoLevelGame, weights: &[f64]) -> Result<Vec<(String, Vec<f64>)>> {
    let grid = pi_grid();
    weights
        .iter()
        .enumerate()
        .map(|(k, &w)| {
            let orientation =
                Orientation::new(w).map_err(|e| anyhow!("--weights[{k}]: {}", e.reason))?;
            let curve = grid
                .iter()
                .map(|&pi| {
                    Politicization::new(pi)
                        .ok()
                        .and_then(|level| game.grim_threshold_at(orientation, level).ok())
                        .unwrap_or(f64::NAN)
                })
                .collect();
            Ok((format!("w = {w}"), curve))
        })
        .collect()
}

/// Writes `thresholds.svg` and `thresholds.csv` (columns `w`, `pi`,
/// `grim_threshold`, empty where there is none) into `folder`: the
/// grim-trigger threshold of `game` against pi for each of `weights`, and
/// each of the labelled `discounts` (players' discount factors) as a
/// dashed line across the plot.
pub fn threshold_plots(
    game: &TwoLevelGame,
    weights: &[f64],
    discounts: &[(String, f64)],
    folder: &Path,
) -> Result<Vec<PathBuf>> {
    let curves = threshold_curves(game, weights)?;
    let grid = pi_grid();
    let csv = write_atomically(&folder.join("thresholds.csv"), |w| {
        writeln!(w, "w,pi,grim_threshold")?;
        for ((_, curve), weight) in curves.iter().zip(weights) {
            for (pi, t) in grid.iter().zip(curve) {
                let t = if t.is_finite() {
                    t.to_string()
                } else {
                    String::new()
                };
                writeln!(w, "{weight},{pi},{t}")?;
            }
        }
        Ok(())
    })?;
    let title = format!(
        "Grim-trigger threshold against politicization (theta = {}, beta = {}, alpha = {}, \
         gamma = {})",
        game.theta(),
        game.beta(),
        game.alpha(),
        game.gamma()
    );
    // The curves without error bars, and the discount factors across.
    let series: Vec<(String, Vec<(f64, f64)>)> = curves
        .iter()
        .map(|(name, ys)| (name.clone(), ys.iter().map(|&y| (y, f64::NAN)).collect()))
        .collect();
    let references: Vec<(String, Vec<f64>)> = discounts
        .iter()
        .map(|(name, delta)| (name.clone(), vec![*delta; grid.len()]))
        .collect();
    let svg = curves_with_references(
        &folder.join("thresholds.svg"),
        &title,
        (
            "politicization pi",
            "discount factor needed to cooperate (grim trigger, utility)",
        ),
        &grid,
        &series,
        &references,
    )?;
    Ok(vec![csv, svg])
}

/// Why `results` cannot be drawn, if it cannot: every seat must name a
/// standing (results read back from a folder are input like any other).
fn check_regime(results: &RegimeTournamentResults) -> Result<(), String> {
    let n = results.standings.len();
    for (c, composition) in results.compositions.iter().enumerate() {
        if let Some(&seat) = composition.seats.iter().find(|&&s| s >= n) {
            return Err(format!(
                "`compositions[{c}].seats` names entrant {seat}, but there are {n} standings"
            ));
        }
    }
    Ok(())
}

/// The plots of a regime tournament (see the [module
/// documentation](self)).
pub fn regime_plots(results: &RegimeTournamentResults, folder: &Path) -> Result<Vec<PathBuf>> {
    check_regime(results).map_err(|reason| anyhow!("regime results: {reason}"))?;
    let names: Vec<String> = results.standings.iter().map(|s| s.name.clone()).collect();
    // Each entrant's mean success rate over its seats.
    let mut sums = vec![(0.0, 0usize); names.len()];
    for composition in &results.compositions {
        for &seat in &composition.seats {
            sums[seat].0 += composition.success_rate;
            sums[seat].1 += 1;
        }
    }
    let achievement: Vec<f64> = sums
        .iter()
        .map(|&(sum, n)| if n > 0 { sum / n as f64 } else { f64::NAN })
        .collect();
    let ranked = results.ranking(Currency::Policy);
    let ranked_names: Vec<String> = ranked.iter().map(|s| s.name.clone()).collect();
    let payoffs: Vec<f64> = ranked.iter().map(|s| s.scores.policy).collect();
    let sample = if results.sampled {
        "a sample"
    } else {
        "all of them"
    };
    Ok(vec![
        bars(
            &folder.join("regime_achievement.svg"),
            &format!(
                "Group achievement: share of rounds with at least M cooperators, by entrant \
                 ({} compositions, {sample}; overall {:.2})",
                results.compositions.len(),
                results.success_rate
            ),
            "share of rounds the regime succeeded (k >= M), in the compositions with the entrant",
            &names,
            &achievement,
        )?,
        bars(
            &folder.join("regime_standings.svg"),
            &format!(
                "Regime standings: policy payoff per round, averaged over seats (welfare {:.2})",
                results.welfare
            ),
            "policy payoff per round",
            &ranked_names,
            &payoffs,
        )?,
    ])
}

/// Reads `regime.json` of `folder` back and draws its plots; none when
/// there is no such file.
pub fn replot_regime(folder: &Path) -> Result<Vec<PathBuf>> {
    let path = folder.join("regime.json");
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    let results: RegimeTournamentResults = serde_json::from_str(&text)
        .with_context(|| format!("`{}` is not a regime tournament's results", path.display()))?;
    check_regime(&results).map_err(|reason| anyhow!("`{}`: {reason}", path.display()))?;
    regime_plots(&results, folder)
}

/// One measure of a society's points, with its standard error and its
/// analytic value.
type Measure = fn(&SocietyPoint) -> (f64, Option<f64>, Option<f64>);

/// The plots of a society's sweep (see the [module
/// documentation](self)); none for a sweep of a single point.
pub fn society_plots(sweep: &SocietySweep, folder: &Path) -> Result<Vec<PathBuf>> {
    let levels = |key: fn(&SocietyPoint) -> f64| {
        let mut values: Vec<f64> = sweep.points.iter().map(key).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        values
    };
    let mus = levels(|p| p.mu);
    let qs = levels(|p| p.q);
    if sweep.points.len() < 2 {
        return Ok(Vec::new());
    }
    // Against mu, one line per q; against q when mu is not varied.
    let by_mu = mus.len() > 1;
    let (x, lines_of, x_label, line_name): (Vec<f64>, Vec<f64>, &str, &str) = if by_mu {
        (mus, qs, "assessment error mu", "q")
    } else {
        (qs, mus, "observation probability q", "mu")
    };
    let value_at = |line: f64, x: f64| {
        sweep.points.iter().find(|p| {
            let (l, v) = if by_mu { (p.q, p.mu) } else { (p.mu, p.q) };
            l == line && v == x
        })
    };
    let runs = if sweep.replicates > 1 {
        format!("mean and s.e. over {} runs", sweep.replicates)
    } else {
        "one run per point".to_owned()
    };
    let plot = |file: &str, what: &str, axis: &str, measure: Measure| -> Result<PathBuf> {
        let mut series: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
        for &line in &lines_of {
            let points = x.iter().map(|&x| {
                value_at(line, x).map_or((f64::NAN, f64::NAN), |p| {
                    let (mean, se, _) = measure(p);
                    (mean, se.unwrap_or(f64::NAN))
                })
            });
            series.push((format!("{line_name} = {line}"), points.collect()));
        }
        // The exact finite-population anchor, which does not depend on q.
        let mut references: Vec<(String, Vec<f64>)> = Vec::new();
        if sweep.anchored {
            let anchored = if by_mu { &lines_of[..1] } else { &lines_of[..] };
            for &line in anchored {
                let points = x.iter().map(|&x| {
                    let analytic = value_at(line, x).and_then(|p| measure(p).2);
                    analytic.unwrap_or(f64::NAN)
                });
                let label = if by_mu {
                    "exact, finite population".to_owned()
                } else {
                    format!("{line_name} = {line}, exact")
                };
                references.push((label, points.collect()));
            }
        }
        curves_with_references(
            &folder.join(file),
            &format!(
                "{what} under {} ({} states, {} assessment; {runs})",
                sweep.norm,
                sweep.size,
                format!("{:?}", sweep.institution).to_lowercase(),
            ),
            (x_label, axis),
            &x,
            &series,
            &references,
        )
    };
    Ok(vec![
        plot(
            "society_standings.svg",
            "Share in good standing",
            "share of states in good standing",
            |p| (p.good_share, p.good_share_se, p.analytic_good_share),
        )?,
        plot(
            "society_cooperation.svg",
            "Cooperation",
            "cooperation rate (share of donor actions C)",
            |p| (p.cooperation, p.cooperation_se, p.analytic_cooperation),
        )?,
    ])
}

/// Reads `society_sweep.json` of `folder` back and draws its plots; none
/// when there is no such file.
pub fn replot_society(folder: &Path) -> Result<Vec<PathBuf>> {
    let path = folder.join("society_sweep.json");
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read `{}`", path.display()))?;
    let sweep: SocietySweep = serde_json::from_str(&text)
        .with_context(|| format!("`{}` is not a society's sweep", path.display()))?;
    if sweep
        .points
        .iter()
        .any(|p| !p.q.is_finite() || !p.mu.is_finite())
    {
        bail!("`{}`: a point's q or mu is not a number", path.display());
    }
    society_plots(&sweep, folder)
}
