//! A round robin and an evolution on its payoffs, built from the sliders
//! and a list of registry strategies as a tournament file would be
//! (validated by the library's file layer, [`RawTournament::validate`]),
//! and played on the calling thread (the browser has no other).

use serde::{Deserialize, Serialize};
use serde_json::json;
use twolevel_game::Currency;
use twolevel_tournament::RawTournament;
use twolevel_tournament::config::{PresetCatalog, Tournament, shipped_tournament};
use twolevel_tournament::evolution::{EvolutionOutcome, evolve_played};
use twolevel_tournament::progress::NoProgress;

use crate::sliders::{HorizonChoice, Sliders, WebError};

/// The most players the page may enter in a round robin.
pub const MAX_PLAYERS: usize = 40;
/// The most repetitions the page may ask for.
pub const MAX_REPETITIONS: u32 = 100;
/// The most generations (or recording intervals) of an evolution.
pub const MAX_GENERATIONS: u64 = 5_000;
/// The origin named in the file layer's errors.
const ORIGIN: &str = "<web page>";

/// A round robin of registry strategies under the sliders' game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundRobinRequest {
    /// The game, the players' political weight, `pi` and the horizon.
    pub sliders: Sliders,
    /// Registry strategy names, one a player (each also meets its twin).
    pub players: Vec<String>,
    /// Repetitions of every match, from 1 to [`MAX_REPETITIONS`].
    pub repetitions: u32,
    /// The master seed.
    pub seed: u64,
}

/// One row of the ranking: a player's payoff per turn in each currency
/// (mean over repetitions) and its cooperation rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankingLine {
    /// The rank, from 1.
    pub rank: usize,
    /// The player.
    pub name: String,
    /// Policy payoff per turn.
    pub policy: f64,
    /// Political payoff per turn.
    pub political: f64,
    /// Utility per turn (each player's own scale).
    pub utility: f64,
    /// The share of its moves that were C.
    pub cooperation: f64,
}

/// The results of a round robin as the page shows them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundRobinView {
    /// The players in the order given.
    pub names: Vec<String>,
    /// The ranking by policy payoff per turn, best first.
    pub ranking: Vec<RankingLine>,
    /// `payoffs[i][j]`: player i's mean policy payoff per turn against
    /// player j (`null` for pairs that did not meet).
    pub payoffs: Vec<Vec<Option<f64>>>,
    /// The number of matches played (pairs times repetitions).
    pub matches: u64,
    /// The mean number of rounds per match.
    pub mean_match_length: f64,
}

/// An evolution on the payoffs of a round robin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvolutionRequest {
    /// The round robin whose mean policy payoffs per turn are the fitness.
    pub round_robin: RoundRobinRequest,
    /// `moran` (a finite population) or `replicator` (the replicator
    /// equation).
    pub process: String,
    /// The population size of the Moran process (at least 2).
    pub population: u32,
    /// The most generations (Moran) or recording intervals of 0.1 time
    /// units (replicator), from 1 to [`MAX_GENERATIONS`].
    pub generations: u64,
}

/// The trajectory of an evolution as the page plots it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvolutionView {
    /// The players (types), in order.
    pub names: Vec<String>,
    /// The process run.
    pub process: String,
    /// The currency selection acts on (`policy`).
    pub fitness: &'static str,
    /// The times of the trajectory: generations (Moran) or time
    /// (replicator).
    pub times: Vec<f64>,
    /// `shares[t][i]`: the share of type i at `times[t]`.
    pub shares: Vec<Vec<f64>>,
    /// The type that took over the population, if one did.
    pub winner: Option<String>,
}

/// The players of Axelrod's first tournament, read from the shipped
/// `tournaments/axelrod-first.ron`.
pub fn axelrod_first_players() -> Result<Vec<String>, WebError> {
    let text = shipped_tournament("axelrod-first")
        .ok_or_else(|| WebError::new("axelrod-first", "the shipped file is missing"))?;
    let tournament = Tournament::from_ron(text, "tournaments/axelrod-first.ron", &catalog()?)
        .map_err(|e| WebError::new("axelrod-first", e.to_string()))?;
    Ok(tournament
        .round_robin
        .entrants()
        .iter()
        .map(|entrant| entrant.name.clone())
        .collect())
}

fn catalog() -> Result<PresetCatalog, WebError> {
    PresetCatalog::builtin().map_err(|e| WebError::new("presets", e.to_string()))
}

/// The tournament file a request describes, as the file layer's type; the
/// evolution block is added by [`evolution`].
fn raw_tournament(
    request: &RoundRobinRequest,
    evolution: Option<serde_json::Value>,
) -> Result<RawTournament, WebError> {
    let sliders = &request.sliders;
    if request.players.is_empty() || request.players.len() > MAX_PLAYERS {
        return Err(WebError::new(
            "players",
            format!(
                "expected from 1 to {MAX_PLAYERS} players, got {}",
                request.players.len()
            ),
        ));
    }
    if !(1..=MAX_REPETITIONS).contains(&request.repetitions) {
        return Err(WebError::new(
            "repetitions",
            format!(
                "expected from 1 to {MAX_REPETITIONS} repetitions, got {}",
                request.repetitions
            ),
        ));
    }
    // The sliders are checked first so that their errors name them.
    sliders.check()?;
    let players: Vec<_> = request
        .players
        .iter()
        .map(|name| {
            json!({"Inline": {
                "name": name,
                "strategy": {"name": name},
                "political_weight": sliders.w,
            }})
        })
        .collect();
    let horizon = match sliders.horizon {
        HorizonChoice::Continuation { delta } => json!({"Continuation": {"delta": delta}}),
        HorizonChoice::Turns { turns } => json!({"Fixed": {"turns": turns}}),
    };
    let file = json!({
        "name": "web",
        "players": players,
        "game": {"theta": sliders.theta, "alpha": sliders.alpha, "gamma": sliders.gamma},
        "horizon": horizon,
        "politics": {"Fixed": sliders.pi},
        "repetitions": request.repetitions,
        "seed": request.seed,
        "evolution": evolution,
    });
    // The file layer's messages name the field at fault inside the text.
    serde_json::from_value(file).map_err(|e| WebError::new("tournament", e.to_string()))
}

/// Validates a request as the file layer validates a tournament file; its
/// message names the field at fault (`players[2]`, `evolution.population`..).
fn validated(raw: RawTournament) -> Result<Tournament, WebError> {
    let tournament = raw
        .validate(ORIGIN, &catalog()?)
        .map_err(|e| WebError::new("tournament", e.to_string()))?;
    Ok(Tournament {
        round_robin: tournament.round_robin.with_parallel(false),
        ..tournament
    })
}

/// Plays the round robin of `request`.
pub fn round_robin(request: &RoundRobinRequest) -> Result<RoundRobinView, WebError> {
    let tournament = validated(raw_tournament(request, None)?)?;
    let round_robin = &tournament.round_robin;
    let results = round_robin.play();
    let ranking = results
        .ranking
        .iter()
        .enumerate()
        .map(|(rank, &player)| {
            let row = &results.standings[player];
            RankingLine {
                rank: rank + 1,
                name: row.name.clone(),
                policy: row.scores[Currency::Policy].mean,
                political: row.scores[Currency::Political].mean,
                utility: row.scores[Currency::Utility].mean,
                cooperation: row.cooperation_rate,
            }
        })
        .collect();
    Ok(RoundRobinView {
        names: results.names().map(str::to_owned).collect(),
        ranking,
        payoffs: results.payoff_matrices[Currency::Policy].clone(),
        matches: round_robin.match_count(),
        mean_match_length: results.mean_match_length,
    })
}

/// Plays the round robin of `request` and runs its evolution: a Moran
/// process (exponential selection of intensity 1 on the policy payoff per
/// turn, equal initial counts, no mutation, one run) or the replicator
/// equation from equal shares.
pub fn evolution(request: &EvolutionRequest) -> Result<EvolutionView, WebError> {
    if !(1..=MAX_GENERATIONS).contains(&request.generations) {
        return Err(WebError::new(
            "generations",
            format!(
                "expected from 1 to {MAX_GENERATIONS} generations, got {}",
                request.generations
            ),
        ));
    }
    let (process, extra) = match request.process.as_str() {
        "moran" => ("Moran", json!({"population": request.population})),
        "replicator" => ("Replicator", json!({"step": 0.1})),
        other => {
            return Err(WebError::new(
                "process",
                format!("expected \"moran\" or \"replicator\", got {other:?}"),
            ));
        }
    };
    let mut block = json!({
        "process": process,
        "fitness": "Policy",
        "generations": request.generations,
        "runs": 1,
        "record": "Generation",
    });
    if let (Some(block), Some(extra)) = (block.as_object_mut(), extra.as_object()) {
        block.extend(extra.clone());
    }
    let tournament = validated(raw_tournament(&request.round_robin, Some(block))?)?;
    let config = tournament
        .evolution
        .as_ref()
        .ok_or_else(|| WebError::new("evolution", "the block was not read"))?;
    let round_robin = &tournament.round_robin;
    let results = round_robin.play();
    let evolution = evolve_played(round_robin, &results, config, &NoProgress)?;
    let names = evolution.names.clone();
    let (times, shares, winner) = match &evolution.outcome {
        EvolutionOutcome::Shares(trajectory) => {
            let last = trajectory.last();
            let winner = last.iter().position(|&share| share > 0.999);
            (trajectory.times.clone(), trajectory.shares.clone(), winner)
        }
        EvolutionOutcome::Runs(runs) => {
            let run = runs
                .first()
                .ok_or_else(|| WebError::new("runs", "the process made no run"))?;
            let population = f64::from(run.population);
            let (times, shares) = run
                .rows()
                .map(|(step, counts)| {
                    (
                        step as f64 / population,
                        counts
                            .iter()
                            .map(|&count| f64::from(count) / population)
                            .collect(),
                    )
                })
                .unzip();
            (times, shares, run.fixation.map(|f| f.winner))
        }
    };
    Ok(EvolutionView {
        winner: winner.and_then(|i| names.get(i).cloned()),
        names,
        process: request.process.clone(),
        fitness: evolution.fitness.label(),
        times,
        shares,
    })
}
