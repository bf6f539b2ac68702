//! Negotiation files: the shipped scenarios' findings, errors located at
//! the line and column of the field, an arena's actors as ratifiers, the
//! report's files, and seeds.

use twolevel_game::actors::{Actor, ActorKind, ActorOrientation, Arena};
use twolevel_game::{Politicization, Threshold, WinSet};
use twolevel_tournament::config::{FileKind, PresetCatalog, shipped_tournament};
use twolevel_tournament::file::{AnyFile, FileResults};
use twolevel_tournament::negotiation::{NegotiationFile, NegotiationResults, arena_ratifiers};
use twolevel_tournament::report::{PAIRS_CSV_HEADER, RUNS_CSV_HEADER};

fn play_shipped(stem: &str) -> NegotiationResults {
    let text = shipped_tournament(stem).unwrap();
    let file = AnyFile::from_ron(text, format!("{stem}.ron")).unwrap();
    assert_eq!(file.kind(), FileKind::Negotiation);
    match file.play().unwrap() {
        FileResults::Negotiation(results) => *results,
        other => panic!("{stem} gave {other:?}"),
    }
}

fn load(text: &str) -> Result<NegotiationFile, String> {
    NegotiationFile::from_ron(text, "bad.ron", &PresetCatalog::builtin().unwrap())
        .map_err(|e| e.to_string())
}

/// The simulated rate of involuntary defection lies within four standard
/// errors (and 0.01) of the closed form for every pair.
fn failures_agree_with_the_closed_form(results: &NegotiationResults) {
    for pair in &results.pairs {
        let n = &pair.negotiation;
        let gap = (n.failed.mean - n.failure_probability).abs();
        assert!(
            gap <= 4.0 * n.failed.standard_error + 0.01,
            "{:?}: simulated {:?}, closed form {}",
            pair.states,
            n.failed,
            n.failure_probability
        );
    }
}

#[test]
fn paris_an_election_undoes_the_deal_and_leverage_opens_the_zone() {
    let results = play_shipped("paris");
    failures_agree_with_the_closed_form(&results);
    let pair = |a: &str, b: &str| {
        results
            .pairs
            .iter()
            .find(|p| p.states == [a.to_owned(), b.to_owned()])
            .unwrap()
    };
    // The Senate's supermajority demands 0.7; with the Union's 0.4 the zone
    // is empty: nothing is ratified, whatever A believes.
    let plain = pair("Union", "Federation");
    assert_eq!(plain.negotiation.reservations, [Some(0.4), Some(0.7)]);
    assert!(!plain.negotiation.zone_open);
    assert_eq!(plain.negotiation.ratified.mean, 0.0);
    // An epistemic community lowers the demand to 0.55: the zone opens, a
    // deal is ratified about half the time (A presses to the zone's edge),
    // and every ratified deal is withdrawn from at the first election.
    let epistemic = pair("Union", "Federation (epistemic)");
    assert!(epistemic.negotiation.zone_open);
    assert!(epistemic.negotiation.ratified.mean > 0.4);
    assert_eq!(
        epistemic.summary.withdrawn.mean,
        epistemic.negotiation.ratified.mean
    );
    for run in &epistemic.negotiation.runs {
        if run.ratified {
            let withdrawal = run.withdrawal.unwrap();
            assert_eq!((withdrawal.state, withdrawal.round), (1, 50));
            assert_eq!(run.final_share, None);
        }
    }
    // The climate fund's side payment (0.3, of which 0.8 arrives) lowers
    // every senator's demand by 0.24: the zone opens.
    let fund = pair("Union (fund)", "Federation");
    let r_b = fund.negotiation.reservations[1].unwrap();
    assert!((r_b - (0.7 - 0.24)).abs() < 1e-12, "{r_b}");
    assert!(fund.negotiation.zone_open && fund.negotiation.ratified.mean > 0.4);
    assert!(fund.summary.states[0].side_payments > 0.0);
    // A government alone demands w_eff = 0.2 + 0.8 * 0.8 * 0.6.
    let emerging = pair("Union", "Emerging");
    let r = emerging.negotiation.reservations[1].unwrap();
    assert!((r - 0.584).abs() < 1e-12, "{r}");
}

#[test]
fn trade_war_forgiveness_an_even_deal_or_a_carrot_ends_it() {
    let results = play_shipped("trade-war");
    failures_agree_with_the_closed_form(&results);
    let cooperation: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.summary.cooperation)
        .collect();
    // A malign first move against tit for tat: the echo, every other move
    // a tariff, although both ratified an agreement.
    assert_eq!(cooperation[0], 0.5);
    assert_eq!(results.pairs[0].negotiation.ratified.mean, 1.0);
    // Quiet diplomacy (generous tit for tat) forgives and ends the echo
    // most of the time.
    assert!(cooperation[1] > 0.7, "{cooperation:?}");
    // The prudent reciprocator with the smaller share (B's 0.474 of the
    // gains) keeps levying tariffs; with the larger one (A's 0.526) it
    // cooperates throughout.
    assert!(cooperation[3] < 0.01, "{cooperation:?}");
    assert_eq!(cooperation[4], 1.0);
    // The partner's carrot of 0.6 is paid in play, in the round after each
    // of Prudentia's cooperations: it lowers the receiver's threshold to
    // (5 - 2.84) / (4 + 0.6) = 0.470 (`carrot_thresholds_in_play`), below
    // Prudentia's 0.478, and the prudent reciprocator counts it
    // (`Situation::incentive`): free trade throughout, the carrot paid
    // 199 times a match.
    assert_eq!(cooperation[5], 1.0, "{cooperation:?}");
    assert_eq!(results.pairs[5].summary.complied.mean, 1.0);
    let paid = results.pairs[5].summary.states[0].side_payments;
    assert!((paid - 199.0 * 0.6).abs() < 1e-9, "{paid}");
}

#[test]
fn bad_values_are_refused_at_their_line_and_column() {
    let file = |state_a: &str| {
        format!(
            "Negotiation(\n    name: \"n\",\n    states: [\n        ({state_a}),\n        (player: Preset(\"politician\")),\n    ],\n)"
        )
    };
    let tft = "player: Inline(name: \"A\", strategy: (name: \"Tit For Tat\")), ";
    for (fields, field, words) in [
        ("threshold: Tau(1.5)", "states[0].threshold", "(0, 1]"),
        ("threshold: Tau(0.0)", "states[0].threshold", "(0, 1]"),
        (
            "resources: (wealth: -1.0)",
            "states[0].resources.wealth",
            "-1",
        ),
        (
            "ratifiers: Inline([(weight: 1.0, position: 1.5)])",
            "states[0].ratifiers[0].position",
            "[0, 1]",
        ),
        (
            "sanction: Some((size: 0.5))",
            "states[0].sanction.size",
            "might",
        ),
        (
            "resources: (might: 1.0), sanction: Some((size: 0.5, defiance: 2.0))",
            "states[0].sanction.defiance",
            "[0, 1]",
        ),
        (
            "resources: (wealth: 0.1), side_payment: Some((transfer: 0.5))",
            "states[0].side_payment.transfer",
            "wealth",
        ),
        ("discount: 1.0", "states[0].discount", "[0, 1)"),
        ("noise: -0.1", "states[0].noise", ""),
    ] {
        let err = load(&file(&format!("{tft}{fields}"))).unwrap_err();
        assert!(
            err.starts_with("bad.ron:4:") && err.contains(field) && err.contains(words),
            "{fields}: {err}"
        );
    }
    let err = load(
        "Negotiation(name: \"n\", states: [(player: Preset(\"politician\")), (player: Preset(\"bureaucrat\"))],\n  pairs: Some([(\"politician\", \"nobody\")]))",
    )
    .unwrap_err();
    assert!(
        err.contains("bad.ron:2:") && err.contains("pairs[0]") && err.contains("nobody"),
        "{err}"
    );
    let err =
        load("Negotiation(name: \"n\", states: [(player: Preset(\"politician\"))])").unwrap_err();
    assert!(err.contains("states") && err.contains("two"), "{err}");
    let err = load(
        "Negotiation(name: \"n\", protocol: Nash(weight: 1.5), states: [(player: Preset(\"politician\")), (player: Preset(\"bureaucrat\"))])",
    )
    .unwrap_err();
    assert!(err.contains("protocol"), "{err}");
}

/// A player's own arena, in either form, is refused at its line and
/// column: negotiation files do not play arenas (their actors ratify
/// through `ratifiers: Arena(..)`), and ignoring one silently would
/// mislead. The same players without the arena load.
#[test]
fn an_arena_on_a_negotiating_player_is_refused_where_it_is_written() {
    let arena = "Some((actors: [(name: \"ngo\", capability: 1.0, position: 0.9, salience: 1.0)]))";
    let file = |player: &str| {
        format!(
            "Negotiation(\n    name: \"n\",\n    states: [\n        (player: Preset(\"bureaucrat\")),\n        (player: {player}),\n    ],\n)"
        )
    };
    // The error points at the arena's value, `(actors: ..)` inside `Some(..)`.
    for (player, column) in [
        (
            format!("Inline(name: \"A\", strategy: (name: \"Tit For Tat\"),\n arena: {arena})"),
            14,
        ),
        (
            format!("Preset((name: \"politician\",\n   arena: {arena}))"),
            16,
        ),
    ] {
        let err = load(&file(&player)).unwrap_err();
        assert!(
            err.starts_with(&format!("bad.ron:6:{column}:"))
                && err.contains("states[1].player.arena")
                && err.contains("arenas are not played in negotiation files"),
            "{player}: {err}"
        );
        let without = player
            .replace(&format!(",\n arena: {arena}"), "")
            .replace(&format!(",\n   arena: {arena}"), "");
        assert!(load(&file(&without)).is_ok(), "{without}");
    }
}

#[test]
fn an_arenas_actors_ratify_with_their_weights_at_the_starting_politicization() {
    let arena = Arena::of(vec![
        Actor::new("greens", ActorKind::Politician, 2.0, 0.8, 0.9)
            .oriented(ActorOrientation::Political),
        Actor::new("industry", ActorKind::Private, 3.0, 0.35, 0.8),
        Actor::new("ministry", ActorKind::Bureaucrat, 2.0, 0.6, 0.7),
    ])
    .unwrap();
    let pi = Politicization::new(0.2).unwrap();
    let ratifiers = arena_ratifiers(&arena, 2.0, pi, 200.0).unwrap();
    let weights: Vec<f64> = ratifiers.iter().map(|r| r.weight()).collect();
    let expected = [2.0 * 0.9 * (1.0 + 2.0 * 0.04), 3.0 * 0.8, 2.0 * 0.7];
    for (w, e) in weights.iter().zip(expected) {
        assert!((w - e).abs() < 1e-12, "{weights:?}");
    }
    // tau = 0.55 of V = 5.744 is 3.159: the greens (reservation 0.2) and
    // the ministry (0.4) reach it, so R = 0.4, as `paris.ron` reports.
    let r = WinSet::of_ratifiers(&ratifiers, Threshold::new(0.55).unwrap());
    assert!((r.reservation().unwrap() - 0.4).abs() < 1e-12, "{r:?}");
    // Unanimity: the industry's 0.65.
    let r = WinSet::of_ratifiers(&ratifiers, Threshold::unanimity());
    assert!((r.reservation().unwrap() - 0.65).abs() < 1e-12, "{r:?}");
    // An arena where nobody weighs anything cannot ratify.
    let silent = Arena::of(vec![Actor::new(
        "nobody",
        ActorKind::Private,
        0.0,
        0.5,
        0.5,
    )])
    .unwrap();
    let err = arena_ratifiers(&silent, 2.0, pi, 200.0).unwrap_err();
    assert_eq!(err.field, "actors");
}

#[test]
fn the_report_names_its_currencies_and_the_files_hold_every_pair_and_run() {
    let results = play_shipped("trade-war");
    let text = results.to_string();
    for words in [
        "R_A",
        "zone",
        "involuntary defection",
        "closed form",
        "withdrawn",
        "political",
        "utility",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    let folder = std::env::temp_dir().join(format!("negotiation-files-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let written = results.write_files(&folder).unwrap();
    assert_eq!(written.len(), 3);
    let pairs = std::fs::read_to_string(folder.join("negotiation_pairs.csv")).unwrap();
    assert_eq!(pairs.lines().next().unwrap(), PAIRS_CSV_HEADER.join(","));
    assert_eq!(pairs.lines().count(), 1 + results.pairs.len());
    let runs = std::fs::read_to_string(folder.join("negotiation_runs.csv")).unwrap();
    assert_eq!(runs.lines().next().unwrap(), RUNS_CSV_HEADER.join(","));
    assert_eq!(
        runs.lines().count(),
        1 + results.pairs.len() * results.repetitions as usize
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("negotiation.json")).unwrap())
            .unwrap();
    assert_eq!(json["pairs"].as_array().unwrap().len(), results.pairs.len());
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_seed_replaces_the_files_and_the_same_seed_repeats_the_results() {
    let text = shipped_tournament("paris").unwrap();
    let run = |seed| {
        let file = AnyFile::from_ron(text, "paris.ron")
            .unwrap()
            .with_seed(seed);
        assert_eq!(file.seed(), seed);
        match file.play().unwrap() {
            FileResults::Negotiation(results) => *results,
            _ => unreachable!(),
        }
    };
    let (a, b, c) = (run(3), run(3), run(4));
    assert_eq!(a, b);
    assert_ne!(a.pairs[1].negotiation.runs, c.pairs[1].negotiation.runs);
}

/// Plays `docs/negotiation/STEM.ron`.
fn play_docs(stem: &str) -> NegotiationResults {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/negotiation")
        .join(format!("{stem}.ron"));
    match AnyFile::from_file(&path).unwrap().play().unwrap() {
        FileResults::Negotiation(results) => *results,
        other => panic!("{stem} gave {other:?}"),
    }
}

/// Putnam's propositions as `docs/negotiation.md` shows them, from the
/// files it runs.
#[test]
fn putnams_propositions_hold_in_the_files_the_docs_run() {
    // Larger win-sets make agreement more likely.
    let results = play_docs("win-sets");
    failures_agree_with_the_closed_form(&results);
    let ratified: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.negotiation.ratified.mean)
        .collect();
    assert!(ratified.windows(2).all(|w| w[0] <= w[1]), "{ratified:?}");
    assert!(ratified[0] == 0.0 && ratified[3] > 0.8, "{ratified:?}");
    // Tied hands get a better share.
    let results = play_docs("tied-hands");
    let shares: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.summary.share.unwrap())
        .collect();
    for (share, expected) in shares.iter().zip([0.5, 0.5, 0.6, 0.75]) {
        assert!((share - expected).abs() < 1e-12, "{shares:?}");
    }
    // Misjudged win-sets cause involuntary defection, more with more noise
    // around an empty zone; none when the zone is open and z^u inside it.
    let results = play_docs("misjudged");
    failures_agree_with_the_closed_form(&results);
    let failed: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.negotiation.failed.mean)
        .collect();
    assert_eq!(failed[0], 0.0);
    assert!(failed[..4].windows(2).all(|w| w[0] < w[1]), "{failed:?}");
    assert_eq!(failed[4], 0.0);
    // Side payments enlarge win-sets; a sanction too, unless defied.
    let results = play_docs("side-payments");
    let r_b: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.negotiation.reservations[1].unwrap())
        .collect();
    for (r, expected) in r_b.iter().zip([0.7, 0.62, 0.54, 0.46, 0.4, 0.85]) {
        assert!((r - expected).abs() < 1e-12, "{r_b:?}");
    }
    let ratified: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.negotiation.ratified.mean)
        .collect();
    assert!(
        ratified[..4].windows(2).all(|w| w[0] <= w[1]) && ratified[3] == 1.0,
        "{ratified:?}"
    );
    assert_eq!((ratified[4], ratified[5]), (1.0, 0.0));
    // A lopsided ratified deal fails in play more often than an even one.
    let results = play_docs("lopsided");
    let cooperation: Vec<f64> = results
        .pairs
        .iter()
        .map(|p| p.summary.cooperation)
        .collect();
    assert!(
        results
            .pairs
            .iter()
            .all(|p| p.negotiation.ratified.mean == 1.0)
    );
    assert!(
        cooperation[2] < 0.05 && cooperation[0] > 0.5,
        "{cooperation:?}"
    );
}

/// A sanction that provokes defiance under unanimity can push a
/// reservation above 1: the win-set is empty, reported as such, and no
/// proposal is made.
#[test]
fn an_empty_win_set_is_reported_as_empty() {
    let file = load(
        "Negotiation(name: \"n\", repetitions: 20, states: [\
            (player: Inline(name: \"A\", strategy: (name: \"Tit For Tat\")), \
             resources: (might: 1.0), sanction: Some((size: 0.5, defiance: 0.5))), \
            (player: Inline(name: \"B\", strategy: (name: \"Tit For Tat\")), threshold: Unanimity, \
             ratifiers: Inline([(weight: 1.0, position: 0.2)]))])",
    )
    .unwrap();
    let results = file.play().unwrap();
    let pair = &results.pairs[0];
    assert_eq!(pair.negotiation.reservations[1], None);
    assert_eq!(pair.negotiation.reached.mean, 0.0);
    let text = results.to_string();
    assert!(
        text.contains("R_B empty") && text.contains("an empty win-set"),
        "{text}"
    );
}
