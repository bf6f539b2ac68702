//! The six levers: each changes the setting it names, runs are
//! deterministic, and where the direction of an effect follows from the
//! model's formulas it is checked.
//!
//! Several checks rest on one fact about the first six players of the
//! default tournament (`tournaments/two-level.ron`): none of them reads the
//! payoffs or the politicization it sees (Tit For Tat, Diffuse Reciprocity
//! and the gear shifter with ledgers valued by counts, the free rider, and
//! a nationalist that never reciprocates). So with the same seed, a lever
//! that changes only payoffs or politicization leaves every move of every
//! match among them unchanged, and its effect on payoffs follows from the
//! formulas. The default tournament's other players (prudent reciprocators
//! and learners) do read them; that every lever changes their moves is
//! checked in `two_level_model::scenarios`.

use twolevel_game::Politics;
use twolevel_strategies::{Cooperator, Defector, TitForTat};
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::levers::{Lever, LeverReport, LeverSettings, Measurement, Setting};
use twolevel_tournament::{Entrant, MatchConfig, RoundRobin, RoundRobinResults, Tournament};

fn default_round_robin() -> RoundRobin {
    Tournament::embedded_default()
        .expect("the embedded default tournament is valid")
        .round_robin
        .with_repetitions(3)
        .expect("3 repetitions are valid")
        .with_match_records(true)
}

/// The default tournament's players whose moves read neither payoffs nor
/// politicization: its first six.
fn fixed_rule_round_robin() -> RoundRobin {
    let base = default_round_robin();
    let fixed_rules = base.entrants()[..6].to_vec();
    assert_eq!(fixed_rules[5].name, "Tit For Tat (w = 0)");
    base.with_entrants(fixed_rules).unwrap()
}

fn tournament(text: &str) -> RoundRobin {
    Tournament::from_ron(text, "<test>", &PresetCatalog::builtin().unwrap())
        .unwrap()
        .round_robin
        .with_match_records(true)
}

/// Every player's move count and cooperation count per match: equal for
/// two runs exactly when no lever changed a move (noise draws included,
/// since they are made whatever the payoffs).
fn moves(results: &RoundRobinResults) -> Vec<(u32, [u32; 2])> {
    results
        .matches
        .iter()
        .map(|m| {
            (
                m.result.turns,
                [
                    m.result.players[0].cooperations,
                    m.result.players[1].cooperations,
                ],
            )
        })
        .collect()
}

fn settings(lever: Lever) -> [f64; 2] {
    let LeverSettings { low, high } = lever.default_settings();
    [low, high]
}

#[test]
fn quiet_diplomacy_lowers_politicization_on_the_default_tournament() {
    let base = fixed_rule_round_robin();
    let [low, high] =
        settings(Lever::QuietDiplomacy).map(|v| Lever::QuietDiplomacy.apply(&base, v).unwrap());
    let visibility = |rr: &RoundRobin| rr.config().politics().dynamics().unwrap().visibility();
    assert_eq!((visibility(&low), visibility(&high)), (0.2, 1.0));
    assert_eq!(Lever::QuietDiplomacy.pulled(), Setting::Low);
    let (low, high) = (low.play(), high.play());
    // Same moves (nobody reads pi), and pi_{t+1} = (1 - down) pi_t +
    // visibility * up * defections is increasing in both pi_t and the
    // visibility, so every round's pi is lower or equal at low visibility;
    // the nationalists' defections make it strictly lower on average.
    assert_eq!(moves(&low), moves(&high));
    let (low, high) = (Measurement::of(0.2, &low), Measurement::of(1.0, &high));
    assert!(low.politicization < high.politicization, "{low:?} {high:?}");
    // A lower pi means a lower threat cost for the same moves.
    assert!(low.payoffs.policy > high.payoffs.policy, "{low:?} {high:?}");
}

#[test]
fn quiet_diplomacy_says_when_politics_is_fixed() {
    let base = tournament(
        r#"Tournament(name: "fixed", players: [Preset("politician"), Preset("bureaucrat")], politics: Fixed(0.4))"#,
    );
    assert!(!base.config().politics().is_dynamic());
    let note = Lever::QuietDiplomacy.caveat(&base).unwrap();
    assert!(note.contains("fixed"), "{note}");
    let applied = Lever::QuietDiplomacy.apply(&base, 0.2).unwrap();
    assert_eq!(applied.config(), base.config());
    // On the default tournament the note names the nationalist, which
    // keeps its own visibility.
    let note = Lever::QuietDiplomacy
        .caveat(&default_round_robin())
        .unwrap();
    assert!(note.contains("nationalist"), "{note}");
}

#[test]
fn bureaucratic_networks_delegate_the_politicians_only() {
    let base = fixed_rule_round_robin();
    let delegated = Lever::BureaucraticNetworks.apply(&base, 0.8).unwrap();
    let names: Vec<(&str, &str)> = delegated
        .entrants()
        .iter()
        .map(|e| (e.name.as_str(), e.strategy.name()))
        .collect();
    // The politician (w = 0.8) and the nationalist (w = 1) get a
    // bureaucrat; the free rider (w = 0.5) and the others do not.
    assert_eq!(
        names,
        [
            (
                "politician",
                "Delegation: Tit For Tat / Diffuse Reciprocity, 0.8"
            ),
            ("bureaucrat", "Diffuse Reciprocity"),
            ("free-rider", "Free Rider"),
            (
                "nationalist",
                "Delegation: Nationalist Defector / Diffuse Reciprocity, 0.8"
            ),
            ("gear-shifter", "Gear Shifting"),
            ("Tit For Tat (w = 0)", "Tit For Tat"),
        ]
    );
    for (before, after) in base.entrants().iter().zip(delegated.entrants()) {
        assert_eq!(before.settings, after.settings);
    }
    // With autonomy 0 the politicians play exactly as before: the
    // bureaucrat is deterministic and nothing is drawn, so every match is
    // bit-identical to the base tournament's.
    let zero = Lever::BureaucraticNetworks.apply(&base, 0.0).unwrap();
    assert_eq!(zero.play().matches, base.play().matches);
    assert_ne!(delegated.play().matches, base.play().matches);
}

#[test]
fn engaging_private_actors_scales_every_political_weight() {
    let base = fixed_rule_round_robin();
    let scaled = Lever::PrivateActors.apply(&base, 0.5).unwrap();
    for (before, after) in base.entrants().iter().zip(scaled.entrants()) {
        assert_eq!(
            after.settings.orientation().political_weight(),
            0.5 * before.settings.orientation().political_weight(),
            "{}",
            before.name
        );
        assert_eq!(after.settings.visibility(), before.settings.visibility());
    }
    // The weights blend payoffs; they change neither moves nor the policy
    // payoff here, only the utilities.
    let (before, after) = (base.play(), scaled.play());
    assert_eq!(moves(&before), moves(&after));
    let (before, after) = (Measurement::of(1.0, &before), Measurement::of(0.5, &after));
    assert_eq!(before.payoffs.policy, after.payoffs.policy);
    assert_eq!(before.payoffs.political, after.payoffs.political);
    assert_ne!(before.payoffs.utility, after.payoffs.utility);
    // Each player's scores are reported in the three currencies too.
    assert_eq!(before.players.len(), base.entrants().len());
    for (b, a) in before.players.iter().zip(&after.players) {
        assert_eq!((&b.name, b.scores.policy), (&a.name, a.scores.policy));
    }
}

#[test]
fn knowledge_without_perception_noise_keeps_tit_for_tat_cooperating() {
    // Without any noise a field of Tit For Tat players cooperates in every
    // round; perception noise 0.1 makes each player misread a partner's C
    // as D in about one round in ten, and the echo follows. 200 turns make
    // a misreading certain in practice (probability 1 - 0.9^400 per match).
    let players = (0..4)
        .map(|_| Entrant::classic(Box::new(TitForTat)))
        .collect();
    let base = RoundRobin::new(MatchConfig::classic(200).unwrap(), players)
        .unwrap()
        .with_seed(5);
    let outcome = Lever::Knowledge
        .run(&base, Lever::Knowledge.default_settings())
        .unwrap();
    assert_eq!(outcome.low.value, 0.0);
    assert_eq!(outcome.low.cooperation, 1.0);
    assert_eq!(outcome.low.evolved_cooperation, Some(1.0));
    assert!(outcome.high.cooperation < 0.9, "{outcome:?}");
    assert!(outcome.effect(|m| m.cooperation) > 0.0);
    let noisy = Lever::Knowledge.apply(&base, 0.1).unwrap();
    assert_eq!(noisy.config().perception_noise(), 0.1);
}

#[test]
fn political_buy_in_sets_the_first_round_level() {
    let base = default_round_robin();
    let raised = Lever::PoliticalBuyIn.apply(&base, 0.3).unwrap();
    assert_eq!(raised.config().politics().initial().value(), 0.3);
    assert_eq!(
        raised.config().politics().dynamics(),
        base.config().politics().dynamics()
    );
    // Under fixed politics the level itself is set. With the same moves
    // (nobody reads pi), the threat cost theta * pi * (1 - coop_share) only
    // lowers the policy payoff.
    let fixed = tournament(
        r#"Tournament(name: "fixed", players: [Preset("politician"), Preset("bureaucrat"), Preset("nationalist"), Preset("free-rider")], politics: Fixed(0.0), action_noise: 0.05, repetitions: 2, seed: 3)"#,
    );
    let outcome = Lever::PoliticalBuyIn
        .run(&fixed, Lever::PoliticalBuyIn.default_settings())
        .unwrap();
    assert_eq!(outcome.low.politicization, 0.0);
    assert!((outcome.high.politicization - 0.3).abs() < 1e-12);
    assert_eq!(outcome.low.cooperation, outcome.high.cooperation);
    assert!(
        outcome.high.payoffs.policy < outcome.low.payoffs.policy,
        "{outcome:?}"
    );
    match Lever::PoliticalBuyIn
        .apply(&fixed, 0.3)
        .unwrap()
        .config()
        .politics()
    {
        Politics::Fixed(pi) => assert_eq!(pi.value(), 0.3),
        other => panic!("expected fixed politics, got {other:?}"),
    }
}

#[test]
fn policy_consensus_scales_the_nationalists_political_payoff() {
    // Without accountability (alpha = 0) the nationalist's political payoff
    // is its relative gain times kappa_eff; securitization's factor
    // (1 + gamma pi^2) is the same in both runs, which play the same moves.
    let base = fixed_rule_round_robin();
    let first_version = base.config().game().with_accountability(0.0, 2.0).unwrap();
    let config = base.config().with_game(first_version).unwrap();
    let base = base.with_config(config);
    let [low, high] =
        settings(Lever::PolicyConsensus).map(|v| Lever::PolicyConsensus.apply(&base, v).unwrap());
    assert_eq!(
        low.config().game().political(),
        &twolevel_game::PoliticalPayoff::Derived {
            kappa: 0.25,
            audience_bonus: 0.0
        }
    );
    assert_eq!(low.config().horizon(), base.config().horizon());
    let (low, high) = (low.play(), high.play());
    assert_eq!(moves(&low), moves(&high));
    // The nationalist always defects, so its relative gain policy_i -
    // policy_j is never negative and positive whenever its partner
    // cooperates; with no audience bonus its political payoff is kappa
    // times that gain (times 1 + gamma pi^2), the same moves in both runs:
    // a quarter at kappa 0.25.
    let nationalist = base
        .entrants()
        .iter()
        .position(|e| e.name == "nationalist")
        .unwrap();
    let political = |r: &RoundRobinResults| r.standings[nationalist].scores.political.mean;
    assert!(political(&high) > 0.0);
    assert!(political(&low) < political(&high));
    assert!((political(&low) - 0.25 * political(&high)).abs() < 1e-9 * political(&high));
}

#[test]
fn evolved_cooperation_follows_the_ecological_dynamics() {
    // Cooperator against Defector in the classic game: the defector earns
    // more against both types, so the ecological dynamics drive the
    // cooperator out and the population's cooperation to 0. The plain
    // rate is the mean over the three matches (C-C, C-D, D-D): 1/2.
    let players = vec![
        Entrant::classic(Box::new(Cooperator)),
        Entrant::classic(Box::new(Defector)),
    ];
    let base = RoundRobin::new(MatchConfig::classic(20).unwrap(), players)
        .unwrap()
        .with_match_records(true);
    let measured = Measurement::of(0.0, &base.play());
    assert_eq!(measured.cooperation, 0.5);
    let evolved = measured.evolved_cooperation.unwrap();
    assert!(evolved < 1e-6, "{evolved}");
    // Without self-play the dynamics lack the diagonal: no value.
    let no_self_play = base.with_self_play(false).unwrap().play();
    assert_eq!(
        Measurement::of(0.0, &no_self_play).evolved_cooperation,
        None
    );
}

#[test]
fn bad_lever_values_are_rejected_by_name() {
    let base = default_round_robin();
    let field = |lever: Lever, value: f64| lever.apply(&base, value).unwrap_err().field;
    assert_eq!(field(Lever::QuietDiplomacy, 1.5), "visibility");
    assert_eq!(field(Lever::BureaucraticNetworks, -0.1), "autonomy");
    assert_eq!(field(Lever::PrivateActors, 2.0), "w factor");
    assert_eq!(field(Lever::Knowledge, f64::NAN), "perception_noise");
    assert_eq!(field(Lever::PoliticalBuyIn, 1.2), "pi");
    assert!(field(Lever::PolicyConsensus, f64::INFINITY).contains("kappa"));
}

#[test]
fn the_report_is_deterministic_and_serialisable() {
    let base = default_round_robin().with_repetitions(2).unwrap();
    let report = LeverReport::run("two-level", &base).unwrap();
    assert_eq!(report.levers.len(), 6);
    assert_eq!(
        report,
        LeverReport::run("two-level", &base.clone().with_parallel(false)).unwrap()
    );
    let json = serde_json::to_string(&report).unwrap();
    // serde_json's default float parsing may differ from the printed value
    // in the last bit, so the round trip is compared to 1e-12.
    let back: LeverReport = serde_json::from_str(&json).unwrap();
    assert_eq!((back.seed, back.repetitions), (42, 2));
    for (a, b) in back.levers.iter().zip(&report.levers) {
        assert_eq!((a.lever, a.pulled, &a.note), (b.lever, b.pulled, &b.note));
        for (x, y) in [(&a.low, &b.low), (&a.high, &b.high)] {
            let pairs = [
                (x.cooperation, y.cooperation),
                (x.payoffs.policy, y.payoffs.policy),
                (x.payoffs.political, y.payoffs.political),
                (x.payoffs.utility, y.payoffs.utility),
                (x.politicization, y.politicization),
                (
                    x.evolved_cooperation.unwrap_or(f64::NAN),
                    y.evolved_cooperation.unwrap_or(-1.0),
                ),
            ];
            for (u, v) in pairs {
                assert!((u - v).abs() < 1e-12, "{u} {v}");
            }
        }
    }
    let table = report.to_string();
    for lever in Lever::ALL {
        assert!(table.contains(lever.name()), "{table}");
    }
    // Another seed gives other numbers.
    let other = LeverReport::run("two-level", &base.with_seed(43)).unwrap();
    assert_ne!(other.levers, report.levers);
    assert!(report.outcome(Lever::Knowledge).is_some());
}

#[test]
fn levers_say_when_they_cannot_act_on_the_classic_game() {
    let classic = tournament(
        r#"Tournament(name: "classic", players: [Inline(name: "tft", strategy: (name: "TFT")), Inline(name: "alld", strategy: (name: "ALLD"))], game: (theta: 0.0, beta: 0.0))"#,
    );
    let noted: Vec<Lever> = Lever::ALL
        .into_iter()
        .filter(|lever| lever.caveat(&classic).is_some())
        .collect();
    assert_eq!(
        noted,
        [
            Lever::QuietDiplomacy,
            Lever::BureaucraticNetworks,
            Lever::PrivateActors,
            Lever::PoliticalBuyIn,
            Lever::PolicyConsensus,
        ]
    );
    // The default tournament weighs politics, so only the visibility note
    // (the nationalist keeps its own) remains.
    let base = default_round_robin();
    assert_eq!(
        Lever::ALL.map(|lever| lever.caveat(&base).is_some()),
        [true, false, false, false, false, false]
    );
}
