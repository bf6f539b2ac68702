//! The shipped scenarios tell the model's story in play, not only on
//! paper (`docs/model.md` section 5, `docs/strategies.md` and `docs/guide.md` section 6): in the default tournament every
//! one of the article's six levers changes the moves; in
//! `tournaments/paradox.ron` cooperation rises and then falls as fixed
//! politicization goes from 0 to 1, as the U-shaped grim threshold
//! predicts; in `tournaments/election-cycle.ron` campaigns bring
//! defections.

use std::path::Path;

use twolevel_tournament::Tournament;
use twolevel_tournament::campaigns::campaign_cooperation;
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::levers::{Lever, LeverReport};
use twolevel_tournament::sweep::politicization_sweep;

fn shipped(name: &str) -> Tournament {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tournaments")
        .join(name);
    Tournament::from_file(path).unwrap()
}

#[test]
fn every_lever_changes_cooperation_in_the_default_tournament() {
    let base = Tournament::embedded_default().unwrap().round_robin;
    let report = LeverReport::run("two-level", &base).unwrap();
    for lever in Lever::ALL {
        let outcome = report.outcome(lever).unwrap();
        let effect = outcome.effect(|m| m.cooperation);
        let se = outcome.cooperation_effect_standard_error().unwrap();
        assert!(
            effect.abs() > 3.0 * se && effect.abs() > 0.01,
            "{}: effect {effect} (se {se})",
            outcome.name
        );
    }
    // The sign the article expects holds for five levers; quiet diplomacy
    // lowers cooperation here, because calm keeps pi below the level at
    // which the prudent politician's shadow of the future clears its
    // threshold (the accelerator; see docs/guide.md).
    let sign = |lever: Lever| {
        report
            .outcome(lever)
            .unwrap()
            .effect(|m| m.cooperation)
            .signum()
    };
    for lever in [
        Lever::BureaucraticNetworks,
        Lever::PrivateActors,
        Lever::Knowledge,
        Lever::PoliticalBuyIn,
        Lever::PolicyConsensus,
    ] {
        assert_eq!(sign(lever), 1.0, "{lever:?}");
    }
    assert_eq!(sign(Lever::QuietDiplomacy), -1.0);
}

#[test]
fn paradox_scenario_rises_then_falls() {
    let base = shipped("paradox.ron")
        .round_robin
        .with_repetitions(3)
        .unwrap();
    let points = politicization_sweep(&base, &[0.0, 0.25, 1.0]).unwrap();
    let [quiet, moderate, securitized] = [0, 1, 2].map(|k| points[k].cooperation);
    assert!(moderate > quiet + 0.3, "{points:?}");
    assert!(moderate > securitized + 0.3, "{points:?}");
    // The prudent reciprocator (w = 0, discount factor 0.4776) never
    // cooperates where the threshold (0.5 at pi = 0, 0.70 at pi = 1) is
    // above its discount factor, and mostly does at pi = 0.25 (0.461).
    let prudent = base
        .entrants()
        .iter()
        .position(|e| e.name == "prudent-reciprocator")
        .unwrap();
    assert_eq!(points[0].player_cooperation[prudent], 0.0);
    assert_eq!(points[2].player_cooperation[prudent], 0.0);
    assert!(points[1].player_cooperation[prudent] > 0.8, "{points:?}");
    assert!(politicization_sweep(&base, &[1.5]).is_err());
}

#[test]
fn election_campaigns_bring_defections() {
    let base = shipped("election-cycle.ron")
        .round_robin
        .with_repetitions(2)
        .unwrap();
    let rates = campaign_cooperation(&base).unwrap().unwrap();
    let prudent = rates
        .iter()
        .find(|r| r.name == "prudent reciprocator")
        .unwrap();
    assert!(prudent.calm > 0.4, "{prudent:?}");
    assert!(prudent.campaign < 0.05, "{prudent:?}");
    // Without the cycle there is nothing to measure.
    let quiet = base.clone().with_config(base.config().with_election(None));
    assert!(campaign_cooperation(&quiet).unwrap().is_none());
}

#[test]
fn campaigns_too_long_to_replay_are_refused_before_they_run() {
    // Tit For Tat reads one round back, so the round robin keeps a window
    // of moves and the file is accepted; measuring campaigns keeps every
    // move of a match: 2 bytes x 4,294,967,295 rounds, about 8 GiB, more
    // than the limit of the default budget. It used to try to allocate it.
    let text = "Tournament(\n    name: \"long\",\n    players: [Inline(name: \"tft\", strategy: (name: \"Tit For Tat\"))],\n    horizon: Fixed(turns: 4294967295),\n    election: Some((term: 50, lead: 10, boost: 0.5)),\n)";
    let load = |text: &str| {
        Tournament::from_ron(text, "long.ron", &PresetCatalog::builtin().unwrap()).unwrap()
    };
    let tournament = load(text);
    let error = campaign_cooperation(&tournament.round_robin).unwrap_err();
    assert_eq!(error.field, "horizon");
    let message = error.to_string();
    assert!(
        message.contains("GiB") && message.contains("limit of"),
        "{message}"
    );
    // The same tournament with short matches is measured.
    let short = load(&text.replace("4294967295", "100"));
    assert!(campaign_cooperation(&short.round_robin).unwrap().is_some());
}
