//! SVG plots of a round robin with domestic arenas (docs/actors.md),
//! drawn with the line and bar plots of `plot`:
//!
//! - `arena_positions.svg`: each state's mean domestic position (the
//!   weighted median of its arena, in [0, 1]) over the rounds, one line
//!   per state and partner;
//! - `arena_pressure.svg`: each state's mean politicization `pi` over the
//!   rounds, one line per state and partner;
//! - `arena_influence.svg`: each actor's mean influence share `w_k / D_i`
//!   (of the weight engaged in its state's arena, foreign pressure included)
//!   over all its state's matches.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;
use twolevel_tournament::round_robin::{ArenaResults, RoundMeans};

use crate::plot::{bars, lines};

/// The most lines a plot draws (the first pairs of the schedule): more
/// cannot be told apart.
const MAX_LINES: usize = 10;

/// The arena plots of `arenas` (see the [module documentation](self)).
pub fn arena_plots(arenas: &ArenaResults, folder: &Path) -> Result<Vec<PathBuf>> {
    let name = |state: usize| arenas.states.get(state).map_or("", |s| s.name.as_str());
    // Every side of every pair, the sides with an arena for the positions.
    let mut sides: Vec<(String, &[RoundMeans])> = Vec::new();
    for pair in &arenas.pairs {
        let [a, b] = pair.players;
        let places: &[usize] = if a == b { &[0] } else { &[0, 1] };
        for &p in places {
            let label = format!("{} vs {}", name(pair.players[p]), name(pair.players[1 - p]));
            sides.push((label, &pair.series[p]));
        }
    }
    // The rounds of the longest series (a series sampled every k-th round
    // holds rounds 0, k, 2k, ..).
    let longest: &[RoundMeans] = sides
        .iter()
        .map(|(_, s)| *s)
        .max_by_key(|s| s.len())
        .unwrap_or(&[]);
    let rounds = longest.len();
    let x: Vec<f64> = longest.iter().map(|r| f64::from(r.round)).collect();
    let series = |value: &dyn Fn(&RoundMeans) -> Option<f64>| -> Vec<(String, Vec<f64>)> {
        sides
            .iter()
            .filter(|(_, s)| s.iter().any(|r| value(r).is_some()))
            .take(MAX_LINES)
            .map(|(label, s)| {
                let mut ys: Vec<f64> = s.iter().map(|r| value(r).unwrap_or(f64::NAN)).collect();
                ys.resize(rounds, f64::NAN);
                (label.clone(), ys)
            })
            .collect()
    };
    let mut written = vec![
        lines(
            &folder.join("arena_positions.svg"),
            "Domestic position (weighted median of the arena) over the rounds",
            (
                "round",
                "position (0: nothing for the foreigners, 1: full cooperation)",
            ),
            &x,
            &series(&|r| r.position),
        )?,
        lines(
            &folder.join("arena_pressure.svg"),
            "Each state's politicization pi over the rounds",
            ("round", "politicization pi (0: quiet, 1: securitized)"),
            &x,
            &series(&|r| Some(r.politicization)),
        )?,
    ];
    let (names, shares): (Vec<String>, Vec<f64>) = arenas
        .states
        .iter()
        .flat_map(|state| {
            state.actors.iter().map(move |actor| {
                (
                    format!("{}/{}", state.name, actor.name),
                    actor.influence_share.mean,
                )
            })
        })
        .unzip();
    if !names.is_empty() {
        written.push(bars(
            &folder.join("arena_influence.svg"),
            "Influence share w_k / D_i of each actor (of the weight engaged in its arena)",
            "influence share (mean over its state's matches)",
            &names,
            &shares,
        )?);
    }
    Ok(written)
}

/// The `arenas` entry of a `results.json`, when it has one.
#[derive(Deserialize)]
struct ArenaPlotData {
    #[serde(default)]
    arenas: Option<ArenaResults>,
}

/// Draws the arena plots again from `results.json` at `results` into
/// `folder`: none for a tournament without arenas.
pub fn replot(results: &Path, folder: &Path) -> Result<Vec<PathBuf>> {
    let text = std::fs::read_to_string(results)
        .with_context(|| format!("cannot read `{}`", results.display()))?;
    let data: ArenaPlotData = serde_json::from_str(&text)
        .with_context(|| format!("`{}` holds no readable arena results", results.display()))?;
    match &data.arenas {
        Some(arenas) => arena_plots(arenas, folder),
        None => Ok(Vec::new()),
    }
}
