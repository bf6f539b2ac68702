//! The browser test's native reference (`crates/web/tests/browser`): the
//! grim threshold and a whole match computed by the library directly,
//! without the explorer's code, for one slider state given as JSON:
//!
//! ```text
//! cargo run -p twolevel-web --example expected -- \
//!   '{"w": 0, "pi": 0.37, "alpha": 1, "gamma": 2, "theta": 4, "turns": 5,
//!     "opponent": "Tit For Tat", "moves": "CDCCD", "seed": 1}'
//! ```
//!
//! prints `{"threshold": .., "you": {"policy": .., ..}, "them": {..}}`:
//! the grim threshold of the blended matrix (`null` when there is none)
//! and each side's totals in the three currencies after the match of
//! `turns` rounds in which the student plays `moves` (one a round).

use serde::Deserialize;
use serde_json::json;
use twolevel_game::{
    Horizon, Orientation, Politicization, Politics, RawTwoLevelGame, TwoLevelGame,
};
use twolevel_strategies::Cycler;
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_tournament::seeding::match_rng;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

/// The slider state and the match to compute.
#[derive(Deserialize)]
struct Case {
    w: f64,
    pi: f64,
    alpha: f64,
    gamma: f64,
    theta: f64,
    turns: u32,
    opponent: String,
    moves: String,
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args()
        .nth(1)
        .ok_or("usage: expected '{\"w\": .., \"pi\": .., ...}'")?;
    let case: Case = serde_json::from_str(&text)?;
    let game = TwoLevelGame::try_from(RawTwoLevelGame {
        theta: case.theta,
        alpha: case.alpha,
        gamma: case.gamma,
        ..RawTwoLevelGame::default()
    })?;
    let orientation = Orientation::new(case.w)?;
    let pi = Politicization::new(case.pi)?;
    let threshold = game.grim_threshold_at(orientation, pi).ok();
    let config =
        MatchConfig::new(game, Horizon::fixed(case.turns)?)?.with_politics(Politics::Fixed(pi));
    let settings = [PlayerSettings::new(orientation, None)?; 2];
    let mut you = Cycler::new(&case.moves)?;
    let mut them = registry::build(&StrategySpec::new(case.opponent.as_str()))?;
    let result = play_match(
        &config,
        [&mut you, them.as_mut()],
        &settings,
        &mut MatchBuffers::new(),
        &mut match_rng(case.seed, 0, 1, 0),
    );
    let side = |k: usize| {
        json!({
            "policy": result.players[k].policy,
            "political": result.players[k].political,
            "utility": result.players[k].utility,
        })
    };
    println!(
        "{}",
        json!({"threshold": threshold, "you": side(0), "them": side(1)})
    );
    Ok(())
}
