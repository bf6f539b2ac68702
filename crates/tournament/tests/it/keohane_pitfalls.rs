//! Keohane's pitfalls of specific reciprocity in play: biased equivalence
//! (the reciprocators' `bias`) and hoarding bargaining chips (a
//! negotiator's `hoarding`), in `docs/negotiation/pitfalls.ron` (the
//! numbers of `docs/negotiation.md` section 13); without hoarding,
//! everything is as before, bit for bit, and bad values are located.

use twolevel_game::{
    ElectionCycle, Orientation, PayoffMatrix, Politicization, Ratifier, TwoLevelGame,
};
use twolevel_strategies::TitForTat;
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::negotiation::{
    Bargaining, NegotiatingState, NegotiationConfig, NegotiationFile, NegotiationResults,
    PairReport, negotiate,
};
use twolevel_tournament::{MatchConfig, PlayerSettings};

fn load(text: &str) -> Result<NegotiationFile, String> {
    NegotiationFile::from_ron(text, "pitfalls.ron", &PresetCatalog::builtin().unwrap())
        .map_err(|e| e.to_string())
}

fn pitfalls_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/negotiation/pitfalls.ron"
    );
    std::fs::read_to_string(path).unwrap()
}

fn play_pitfalls() -> NegotiationResults {
    load(&pitfalls_text()).unwrap().play().unwrap()
}

fn pair<'a>(results: &'a NegotiationResults, a: &str, b: &str) -> &'a PairReport {
    results
        .pairs
        .iter()
        .find(|p| p.states == [a.to_owned(), b.to_owned()])
        .unwrap()
}

#[test]
fn each_pitfall_costs_cooperation_in_the_docs_file() {
    let results = play_pitfalls();
    for p in &results.pairs {
        let s = &p.summary;
        println!(
            "{:?}: ratified {:.3}, cooperation {:.3}, compliance {:?}, hoarding {:?}",
            p.states, p.negotiation.ratified.mean, s.cooperation, s.compliance, s.hoarding
        );
        assert_eq!(p.negotiation.ratified.mean, 1.0, "{:?}", p.states);
    }
    // Biased equivalence: every pair of reciprocators cooperates less as
    // the bias grows, and the mean over the round robin falls steeply.
    let mut means = Vec::new();
    for bias in ["0.0", "0.1", "0.25", "0.5"] {
        let kinds = [
            ("diffuse", "specific"),
            ("diffuse", "gear"),
            ("specific", "gear"),
        ];
        let cooperation: Vec<f64> = kinds
            .iter()
            .map(|(a, b)| {
                let p = pair(&results, &format!("{a} {bias}"), &format!("{b} {bias}"));
                assert!(p.summary.hoarding.is_none());
                p.summary.cooperation
            })
            .collect();
        means.push((
            cooperation,
            cooperation_mean(&cooperation_of(&results, bias)),
        ));
    }
    for w in means.windows(2) {
        for (before, after) in w[0].0.iter().zip(&w[1].0) {
            assert!(after < before, "{means:?}");
        }
    }
    assert!(means[0].1 > 0.9 && means[3].1 < 0.2, "{means:?}");

    // Hoarding: the agreement takes effect after the hoarded rounds, the
    // status quo meanwhile costs cooperation, and at 200 it is lost.
    let rows: Vec<&PairReport> = [0, 20, 100, 200]
        .iter()
        .map(|h| pair(&results, &format!("prudent hoards {h}"), "prudent"))
        .collect();
    assert!(rows[0].summary.hoarding.is_none());
    for (row, h) in rows.iter().zip([0u32, 20, 100, 200]) {
        for run in &row.negotiation.runs {
            assert_eq!(run.delay, h);
            assert_eq!(run.lost, h == 200);
            assert_eq!(run.final_share.is_some(), h < 200);
        }
    }
    let lost = rows[3].summary.hoarding.unwrap().lost;
    assert_eq!(lost.mean, 1.0);
    assert_eq!(rows[3].summary.compliance, None);
    for w in rows.windows(2) {
        assert!(
            w[1].summary.cooperation < w[0].summary.cooperation,
            "{:?} {:?}",
            w[0].summary,
            w[1].summary
        );
    }
    assert!(rows[3].summary.cooperation < 0.5 * rows[0].summary.cooperation);
}

fn cooperation_of(results: &NegotiationResults, bias: &str) -> Vec<f64> {
    results
        .pairs
        .iter()
        .filter(|p| p.states[0].ends_with(&format!(" {bias}")))
        .map(|p| p.summary.cooperation)
        .collect()
}

fn cooperation_mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

#[test]
fn without_hoarding_everything_is_as_before_bit_for_bit() {
    // The file with `hoarding: 0` written out equals the file without it,
    // in the results and in the JSON.
    let text = pitfalls_text();
    let without = text.replace(", hoarding: 0)", ")");
    assert_ne!(without, text);
    let a = load(&text).unwrap().play().unwrap();
    let b = load(&without).unwrap().play().unwrap();
    assert_eq!(a.pairs[12], b.pairs[12]);
    let json = serde_json::to_string(&b.pairs[12]).unwrap();
    assert_eq!(serde_json::to_string(&a.pairs[12]).unwrap(), json);
    assert!(!json.contains("\"delay\"") && !json.contains("\"hoarding\""));

    // In the engine, over seeds, horizons and elections-free matches.
    let game = TwoLevelGame::classic(PayoffMatrix::AXELROD);
    let state = |w: f64, hoarding: Option<u32>| {
        let s = NegotiatingState::government(
            &game,
            Orientation::new(w).unwrap(),
            Politicization::NONE,
            0.9,
            Box::new(TitForTat),
            PlayerSettings::POLICY,
        )
        .unwrap();
        hoarding.map_or(s.clone(), |h| s.with_hoarding(h))
    };
    for seed in 0..20 {
        let play = MatchConfig::classic(30)
            .unwrap()
            .with_action_noise(0.1)
            .unwrap();
        let config = NegotiationConfig::new(Bargaining::AlternatingOffers, play)
            .with_repetitions(5)
            .unwrap()
            .with_seed(seed);
        let mut plain = vec![[state(0.3, None), state(0.4, None)]];
        let mut zero = vec![[state(0.3, Some(0)), state(0.4, Some(0))]];
        assert_eq!(
            negotiate(&mut plain, &config).unwrap(),
            negotiate(&mut zero, &config).unwrap()
        );
        // Hoarding beyond the match loses every agreement.
        let mut hoard = vec![[state(0.3, Some(10)), state(0.4, Some(25))]];
        let runs = &negotiate(&mut hoard, &config).unwrap()[0].runs;
        assert!(runs.iter().all(|r| r.ratified && r.lost && r.delay == 30));
    }
}

#[test]
fn a_bad_hoarding_is_located() {
    let text = "Negotiation(name: \"n\", states: [(player: Preset(\"politician\")),\n (player: Preset(\"bureaucrat\"), hoarding: -3)])";
    let err = load(text).unwrap_err();
    assert!(err.starts_with("pitfalls.ron:2:"), "{err}");
    let fine = text.replace("-3", "3");
    let file = load(&fine).unwrap();
    assert!(file.play().is_ok());
}

#[test]
fn under_an_election_cycle_the_delay_runs_across_terms() {
    let game = TwoLevelGame::classic(PayoffMatrix::AXELROD);
    let state = |hoarding: u32, successor: bool| {
        let s = NegotiatingState::government(
            &game,
            Orientation::new(0.3).unwrap(),
            Politicization::NONE,
            0.9,
            Box::new(TitForTat),
            PlayerSettings::POLICY,
        )
        .unwrap()
        .with_hoarding(hoarding);
        if successor {
            // A new government that still ratifies 1/2 keeps the deal.
            s.with_successors(vec![vec![Ratifier::new(1.0, 0.55).unwrap()]])
                .unwrap()
        } else {
            s
        }
    };
    let election = ElectionCycle::new(20, 2, 0.3).unwrap();
    let play = MatchConfig::classic(60)
        .unwrap()
        .with_election(Some(election));
    let config = NegotiationConfig::new(Bargaining::Nash { weight: 0.5 }, play);
    let run = |a: u32, b: u32| {
        negotiate(&mut [[state(a, false), state(b, true)]], &config).unwrap()[0].runs[0]
    };
    let on_time = run(0, 0);
    assert_eq!(
        (on_time.delay, on_time.lost, on_time.compliance),
        (0, false, Some(1.0))
    );
    // 10 + 20 rounds hoarded: the agreement takes effect in the second
    // term, and its 30 rounds are all compliant.
    let late = run(10, 20);
    assert_eq!((late.delay, late.lost, late.turns), (30, false, 60));
    assert_eq!(late.compliance, Some(1.0));
    assert_eq!(late.final_share, Some(0.5));
    // 70 rounds outlast the three terms: lost.
    let never = run(70, 0);
    assert_eq!(
        (never.delay, never.lost, never.final_share),
        (60, true, None)
    );
    assert_eq!(never.compliance, None);
}
