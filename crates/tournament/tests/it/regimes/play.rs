//! Iterated regimes and regime tournaments (`docs/regimes.md`).

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    ElectionCycle, GroupGame, GroupPolicy, Horizon, Orientation, Politicization,
    PoliticizationDynamics, Politics, RegimeStrategy,
};
use twolevel_strategies::regime::{
    ConditionalCooperator, MfnFreeRider, RegimeCooperator, RegimeDefector, RegimeNationalist,
    RegimeReciprocity,
};
use twolevel_strategies::{Defector, TitForTat};
use twolevel_tournament::regime::{
    RegimeBuffers, RegimeConfig, RegimeMember, RegimeTournament, composition_count, compositions,
    play_regime,
};
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

fn member(strategy: impl RegimeStrategy + 'static) -> RegimeMember {
    RegimeMember::new(Box::new(strategy))
}

fn public_goods(size: u32) -> GroupGame {
    GroupGame::new(size, GroupPolicy::public_goods(1.6, 2.0)).unwrap()
}

#[test]
fn compositions_are_every_multiset_in_order() {
    let all = compositions(3, 2);
    assert_eq!(all, [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]]);
    assert_eq!(composition_count(3, 2), Some(6));
    assert_eq!(composition_count(3, 4), Some(15));
    assert_eq!(compositions(3, 4).len(), 15);
    assert_eq!(composition_count(1, 100), Some(1));
    assert_eq!(composition_count(10, 5), Some(2002));
    assert_eq!(composition_count(1000, 100), None);
}

/// A two-state regime is the pairwise match: the conditional cooperator
/// with quorum 1 is tit for tat, the regime defector the defector.
#[test]
fn two_state_regime_is_the_pairwise_match() {
    let game = public_goods(2);
    let pairwise = game.pairwise_game().unwrap();
    let settings = [
        PlayerSettings::with_orientation(Orientation::new(0.5).unwrap()),
        PlayerSettings::with_orientation(Orientation::new(0.2).unwrap()),
    ];
    let dynamic = Politics::Dynamic {
        initial: Politicization::new(0.2).unwrap(),
        dynamics: PoliticizationDynamics::DEFAULT,
    };
    let election = ElectionCycle::new(6, 2, 0.5)
        .unwrap()
        .with_patience(0.5)
        .unwrap();
    let cases = [
        (Politics::Fixed(Politicization::new(0.3).unwrap()), None),
        (dynamic, None),
        (dynamic, Some(election)),
    ];
    for (politics, election) in cases {
        let horizon = Horizon::fixed(30).unwrap();
        let config = RegimeConfig::new(game, horizon)
            .with_politics(politics)
            .with_election(election);
        let mut members = [
            RegimeMember {
                settings: settings[0],
                ..member(ConditionalCooperator::new(1))
            },
            RegimeMember {
                settings: settings[1],
                ..member(RegimeDefector)
            },
        ];
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        let regime =
            play_regime(&config, &mut members, &mut rng, &mut RegimeBuffers::new()).unwrap();
        let match_config = MatchConfig::new(pairwise, horizon)
            .unwrap()
            .with_politics(politics)
            .with_election(election);
        let mut rng = Pcg64Mcg::seed_from_u64(7);
        let reference = play_match(
            &match_config,
            [&mut TitForTat, &mut Defector],
            &settings,
            &mut MatchBuffers::new(),
            &mut rng,
        );
        assert_eq!(regime.turns, reference.turns);
        for (got, want) in regime.members.iter().zip(reference.players) {
            assert_eq!(got.cooperations, want.cooperations);
            for (g, w) in [
                (got.policy, want.policy),
                (got.political, want.political),
                (got.utility, want.utility),
            ] {
                assert!((g - w).abs() < 1e-9, "{politics:?}: {g} vs {w}");
            }
        }
    }
}

/// Under perception noise a two-state regime of conditional cooperators
/// with quorum 1 is the pairwise match of two tits for tat with the same
/// noise: the same draws in the same order (member 0's perception, then
/// member 1's), so the same moves.
#[test]
fn perception_noise_in_two_state_regime_is_the_pairwise_match() {
    let game = public_goods(2);
    let horizon = Horizon::fixed(200).unwrap();
    let config = RegimeConfig::new(game, horizon)
        .with_perception_noise(0.1)
        .unwrap();
    let mut members = [
        member(ConditionalCooperator::new(1)),
        member(ConditionalCooperator::new(1)),
    ];
    let mut buffers = RegimeBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let regime = play_regime(&config, &mut members, &mut rng, &mut buffers).unwrap();
    let match_config = MatchConfig::new(game.pairwise_game().unwrap(), horizon)
        .unwrap()
        .with_perception_noise(0.1)
        .unwrap();
    let mut match_buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let reference = play_match(
        &match_config,
        [&mut TitForTat, &mut TitForTat],
        &[PlayerSettings::POLICY; 2],
        &mut match_buffers,
        &mut rng,
    );
    let regime_moves: Vec<String> = (0..2)
        .map(|me| {
            buffers
                .history()
                .iter()
                .skip(me)
                .step_by(2)
                .map(ToString::to_string)
                .collect()
        })
        .collect();
    assert_eq!(regime_moves[0], match_buffers.move_string(0));
    assert_eq!(regime_moves[1], match_buffers.move_string(1));
    // Noise did bite: tit for tat pairs fall out of mutual cooperation.
    assert!(regime_moves[0].contains('D'));
    assert_eq!(
        regime.members[0].cooperations,
        reference.players[0].cooperations
    );
}

/// With perception noise 1 every member sees every other move flipped: a
/// group of conditional cooperators that all cooperate sees only defectors
/// and defects, then sees only cooperators and cooperates again.
#[test]
fn certain_misperception_makes_conditional_cooperators_alternate() {
    let config = RegimeConfig::new(public_goods(5), Horizon::fixed(9).unwrap())
        .with_perception_noise(1.0)
        .unwrap();
    let mut members: Vec<RegimeMember> = (0..5)
        .map(|_| member(ConditionalCooperator::new(4)))
        .collect();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let result = play_regime(&config, &mut members, &mut rng, &mut RegimeBuffers::new()).unwrap();
    // Rounds 0, 2, 4, 6, 8 cooperate: 5 of 9.
    for totals in &result.members {
        assert_eq!(totals.cooperations, 5);
    }
    let err = RegimeConfig::new(public_goods(5), Horizon::fixed(9).unwrap())
        .with_perception_noise(1.5)
        .unwrap_err();
    assert_eq!(err.field, "perception_noise");
}

fn mixed_tournament() -> RegimeTournament {
    let game = GroupGame::new(
        4,
        GroupPolicy::CollectiveRisk {
            endowment: 1.0,
            cost_share: 0.1,
            risk: 0.8,
            threshold: 3,
        },
    )
    .unwrap();
    let config = RegimeConfig::new(game, Horizon::continuation(0.95).unwrap())
        .with_action_noise(0.05)
        .unwrap()
        .with_risk(twolevel_tournament::regime::RiskMode::Sampled)
        .with_politics(Politics::Dynamic {
            initial: Politicization::NONE,
            dynamics: PoliticizationDynamics::DEFAULT,
        });
    let entrants = vec![
        member(ConditionalCooperator::new(2)),
        member(RegimeReciprocity::new(1.0, 0.9).unwrap()),
        member(MfnFreeRider::default()),
        member(RegimeNationalist::default()),
    ];
    RegimeTournament::new(config, entrants)
        .unwrap()
        .with_repetitions(3)
        .unwrap()
        .with_seed(11)
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let tournament = mixed_tournament();
    let one = tournament.play_on_threads(1).unwrap();
    let two = tournament.play_on_threads(2).unwrap();
    let serial = tournament.clone().with_parallel(false).play();
    assert_eq!(one, two);
    assert_eq!(one, serial);
    assert_eq!(one.compositions.len(), 35);
    assert!(!one.sampled);
    let other_seed = tournament.with_seed(12).play();
    assert_ne!(one, other_seed);
}

#[test]
fn too_many_compositions_are_sampled_with_the_seed() {
    let tournament = mixed_tournament().with_max_compositions(10).unwrap();
    let (sample, sampled) = tournament.schedule();
    assert!(sampled);
    assert_eq!(sample.len(), 10);
    assert!(
        sample
            .iter()
            .all(|seats| seats.windows(2).all(|w| w[0] <= w[1]))
    );
    assert_eq!(tournament.schedule().0, sample);
}

#[test]
fn free_riders_earn_more_and_defectors_sink_the_regime() {
    let config = RegimeConfig::new(public_goods(5), Horizon::fixed(100).unwrap());
    let entrants = vec![
        member(RegimeReciprocity::new(1.0, 0.9).unwrap()),
        member(MfnFreeRider::default()),
        member(RegimeCooperator),
        member(RegimeDefector),
    ];
    let results = RegimeTournament::new(config, entrants).unwrap().play();
    let all_cooperators = results
        .compositions
        .iter()
        .find(|c| c.seats == [2, 2, 2, 2, 2])
        .unwrap();
    assert_eq!(all_cooperators.success_rate, 1.0);
    // F c - c = 1.2 per state per round.
    assert!((all_cooperators.welfare - 6.0).abs() < 1e-9);
    let defectors = results.compositions.last().unwrap();
    assert_eq!((defectors.success_rate, defectors.welfare), (0.0, 0.0));
    // One free rider among four reciprocators out-earns them.
    let mixed = results
        .compositions
        .iter()
        .find(|c| c.seats == [0, 0, 0, 0, 1])
        .unwrap();
    assert!(mixed.payoffs[4].policy > mixed.payoffs[0].policy + 0.5);
    assert!(mixed.cooperation[0] > 0.99, "{mixed:?}");
    let policy = |name: &str| {
        results
            .standings
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .scores
            .policy
    };
    assert!(policy("MFN Free Rider") > policy("Regime Cooperator"));
}

#[test]
fn visible_nationalists_raise_every_members_politicization() {
    let politicization = |visibility: f64| {
        let config = RegimeConfig::new(public_goods(4), Horizon::fixed(40).unwrap()).with_politics(
            Politics::Dynamic {
                initial: Politicization::NONE,
                dynamics: PoliticizationDynamics::DEFAULT
                    .with_visibility(0.0)
                    .unwrap(),
            },
        );
        let mut members = vec![
            member(RegimeCooperator),
            member(RegimeCooperator),
            member(RegimeCooperator),
            RegimeMember {
                settings: PlayerSettings::new(Orientation::POLICY, Some(visibility)).unwrap(),
                ..member(RegimeNationalist::default())
            },
        ];
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        play_regime(&config, &mut members, &mut rng, &mut RegimeBuffers::new())
            .unwrap()
            .mean_politicization
    };
    assert_eq!(politicization(0.0), 0.0);
    assert!(politicization(1.0) > 0.1, "{}", politicization(1.0));
}

#[test]
fn a_wrong_number_of_members_is_an_error() {
    let config = RegimeConfig::new(public_goods(3), Horizon::fixed(5).unwrap());
    let mut members = vec![member(RegimeCooperator)];
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let err = play_regime(&config, &mut members, &mut rng, &mut RegimeBuffers::new()).unwrap_err();
    assert_eq!(err.field, "members");
    assert!(RegimeTournament::new(config, Vec::new()).is_err());
}

#[test]
fn scenario_files_load_and_run() {
    use twolevel_tournament::regime::RawRegimeTournament;
    use twolevel_tournament::regime::config::{CLIMATE, MFN};
    let mfn = RawRegimeTournament::load(MFN, "tournaments/mfn.ron")
        .unwrap()
        .play();
    // C(5 + 8 - 1, 8) = 495 compositions.
    assert_eq!(mfn.compositions.len(), 495);
    // Within any one group a defector out-earns a cooperator (Regime
    // Cooperator is entrant 0, Regime Defector entrant 4).
    let mut mixed = 0;
    for composition in &mfn.compositions {
        let seat = |entrant| composition.seats.iter().position(|&e| e == entrant);
        if let (Some(cooperator), Some(defector)) = (seat(0), seat(4)) {
            mixed += 1;
            assert!(composition.payoffs[defector].policy > composition.payoffs[cooperator].policy);
        }
    }
    assert!(mixed > 100);
    let climate = RawRegimeTournament::load(CLIMATE, "tournaments/climate.ron").unwrap();
    let (schedule, sampled) = climate.schedule();
    assert_eq!((schedule.len(), sampled), (210, false));
    let bad = MFN.replace("\"MFN Free Rider\"", "\"MFN Free Ridder\"");
    let err = RawRegimeTournament::load(&bad, "mfn.ron")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("entrants[3].strategy") && err.contains("MFN Free Rider"),
        "{err}"
    );
    let bad = MFN.replace("size: 8", "size: 1");
    let err = RawRegimeTournament::load(&bad, "mfn.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("size"), "{err}");
}

/// The well-mixed standings weigh each composition by its multinomial
/// probability: with a cooperator and a defector in pairs of the public
/// goods game (F = 1.6, c = 2), a cooperator's partner is either with
/// probability 1/2, so it earns (1.2 - 0.4) / 2 = 0.4 per round and the
/// defector (1.6 + 0) / 2 = 0.8, while the standings (each group once)
/// give the cooperator (1.2 + 1.2 - 0.4) / 3. A large sample of groups
/// drawn seat by seat estimates the well-mixed values.
#[test]
fn well_mixed_standings_weigh_compositions_by_their_probability() {
    let config = RegimeConfig::new(public_goods(2), Horizon::fixed(10).unwrap());
    let entrants = || vec![member(RegimeCooperator), member(RegimeDefector)];
    let full = RegimeTournament::new(config, entrants()).unwrap().play();
    let mixed = full.well_mixed_standings();
    assert!((mixed[0].scores.policy - 0.4).abs() < 1e-12);
    assert!((mixed[1].scores.policy - 0.8).abs() < 1e-12);
    assert!((full.standings[0].scores.policy - 2.0 / 3.0).abs() < 1e-12);
    assert!((twolevel_tournament::regime::multinomial_probability(&[0, 1], 2) - 0.5).abs() < 1e-15);
    // Groups of 8 from 5 entrants: 495 compositions, 400 drawn.
    let eight = RegimeConfig::new(public_goods(8), Horizon::fixed(5).unwrap());
    let five = || {
        vec![
            member(RegimeCooperator),
            member(RegimeDefector),
            member(ConditionalCooperator::new(3)),
            member(ConditionalCooperator::new(5)),
            member(RegimeReciprocity::new(1.0, 0.9).unwrap()),
        ]
    };
    let exact = RegimeTournament::new(eight, five())
        .unwrap()
        .play()
        .well_mixed_standings();
    let sample = RegimeTournament::new(eight, five())
        .unwrap()
        .with_max_compositions(400)
        .unwrap()
        .with_seed(3)
        .play();
    assert!(sample.sampled);
    assert_eq!(sample.well_mixed_standings(), sample.standings);
    for (estimate, want) in sample.standings.iter().zip(&exact) {
        assert!(
            // About three standard errors of a 400-group sample.
            (estimate.scores.policy - want.scores.policy).abs() < 0.15,
            "{estimate:?} vs {want:?}"
        );
    }
}
