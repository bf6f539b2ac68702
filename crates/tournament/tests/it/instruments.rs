//! Carrots and sticks in play (`docs/model.md` section 14): the hegemon's
//! side payments and the coercer's sanctions are booked in every currency
//! as hand-computed sums say; carrots and sanctions of zero, and matches
//! without instruments, change nothing bit for bit; and the grim
//! thresholds with a sanction (and with a carrot, under the engine's
//! "after" timing) hold in the engine's discounted payoffs; the arena
//! loop applies instruments as the general loop does.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::actors::{Access, AccessChange, Actor, ActorKind, Arena, ArenaRates, Channel};
use twolevel_game::analytic::{
    carrot_thresholds, grim_threshold, grim_threshold_with_sanction, sanctioned_grim_paths,
};
use twolevel_game::{
    Bimatrix, ElectionCycle, Horizon, Orientation, PayoffMatrix, PoliticalPayoff, Politicization,
    PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
};
use twolevel_strategies::registry::{StrategySpec, build, names};
use twolevel_strategies::{
    Coercer, Cooperator, Defector, Grudger, Hegemon, Random, Retaliation, TitForTat,
};
use twolevel_tournament::{
    ArenaRecord, Domestic, InstrumentRecord, InstrumentTotals, MatchBuffers, MatchConfig,
    MatchResult, PlayerSettings, play_arena_match, play_match, play_match_with_instruments,
};

fn weighted(w: f64) -> PlayerSettings {
    PlayerSettings::with_orientation(Orientation::new(w).unwrap())
}

fn play(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    settings: [PlayerSettings; 2],
) -> (MatchResult, InstrumentRecord) {
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(7);
    play_match_with_instruments(config, players, &settings, &mut buffers, &mut rng)
}

#[test]
fn a_coercer_against_a_defector_books_every_currency() {
    // Five rounds at pi = 0 (kappa_eff = 1): the coercer plays C D D D D,
    // the defector D every round. Four sanctions of 1 land in rounds 1 to
    // 4 (the last round's is never paid), each costing 1 / 4.
    let config = MatchConfig::classic(5).unwrap();
    let mut coercer = Coercer::new(1.0, 4.0, Retaliation::TitForTat).unwrap();
    let (result, record) = play(
        &config,
        [&mut coercer, &mut Defector],
        [weighted(0.5), PlayerSettings::POLICY],
    );
    let [c, d] = result.players;
    // Policy: S + 4P - 4 / 4 and T + 4P - 4.
    assert_eq!((c.policy, d.policy), (0.0 + 4.0 - 1.0, 5.0 + 4.0 - 4.0));
    // Political: relative gains of the policy payoffs, transfers included.
    assert_eq!((c.political, d.political), (-2.0, 2.0));
    // Utility: the coercer blends half and half, the defector is policy.
    assert_eq!((c.utility, d.utility), (0.5 * 3.0 + 0.5 * -2.0, 5.0));
    assert_eq!((c.cooperations, d.cooperations), (1, 0));
    let expected_coercer = InstrumentTotals {
        sanctions_imposed: 4.0,
        sanction_costs: 1.0,
        sticks: 4,
        ..InstrumentTotals::default()
    };
    let expected_defector = InstrumentTotals {
        sanctions_suffered: 4.0,
        ..InstrumentTotals::default()
    };
    assert_eq!(record.players, [expected_coercer, expected_defector]);
    assert_eq!(
        (record.players[0].net(), record.players[1].net()),
        (-1.0, -4.0)
    );
}

#[test]
fn a_hegemon_against_a_cooperator_books_every_currency() {
    // Four rounds of mutual cooperation at pi = 0: three carrots of 1 land
    // in rounds 1 to 3, half of each reaching the cooperator.
    let config = MatchConfig::classic(4).unwrap();
    let mut hegemon = Hegemon::new(1.0, 0.5, 2.0, Retaliation::TitForTat).unwrap();
    let (result, record) = play(
        &config,
        [&mut hegemon, &mut Cooperator],
        [weighted(0.5), weighted(0.25)],
    );
    let [h, c] = result.players;
    assert_eq!((h.policy, c.policy), (12.0 - 3.0, 12.0 + 1.5));
    assert_eq!((h.political, c.political), (-4.5, 4.5));
    assert_eq!(h.utility, 0.5 * 9.0 + 0.5 * -4.5);
    assert_eq!(c.utility, 0.75 * 13.5 + 0.25 * 4.5);
    assert_eq!(record.players[0].transfers_paid, 3.0);
    assert_eq!(record.players[0].carrots, 3);
    assert_eq!(record.players[1].transfers_received, 1.5);
    assert_eq!(record.players[1].transfers_paid, 0.0);
    assert_eq!(record.players[0].net() + record.players[1].net(), -1.5);
}

/// The same match with and without instruments (their strategy's moves
/// are the same): the differences are the transfers, in every currency.
#[test]
fn transfers_enter_politics_through_relative_gains_and_the_blend() {
    let pi = Politicization::new(0.5).unwrap();
    let game = TwoLevelGame::default();
    let config = MatchConfig::new(game, Horizon::fixed(6).unwrap())
        .unwrap()
        .with_politics(Politics::Fixed(pi));
    let settings = [weighted(0.3), weighted(0.6)];
    let mut coercer = Coercer::new(1.5, 3.0, Retaliation::TitForTat).unwrap();
    let (with, record) = play(&config, [&mut coercer, &mut Defector], settings);
    let (without, none) = play(&config, [&mut TitForTat, &mut Defector], settings);
    assert_eq!(none, InstrumentRecord::default());
    let net = [record.players[0].net(), record.players[1].net()];
    assert_eq!(net, [-5.0 * 0.5, -5.0 * 1.5]);
    let kappa = game.effective_kappa(pi).unwrap();
    assert_eq!(kappa, 1.5);
    for k in 0..2 {
        let w = game.effective_weight(settings[k].orientation(), pi);
        let relative = kappa * (net[k] - net[1 - k]);
        let (a, b) = (with.players[k], without.players[k]);
        assert!((a.policy - b.policy - net[k]).abs() < 1e-12);
        assert!((a.political - b.political - relative).abs() < 1e-12);
        let blended = (1.0 - w) * net[k] + w * relative;
        assert!((a.utility - b.utility - blended).abs() < 1e-12, "{k}");
    }
}

#[test]
fn a_given_political_matrix_ignores_transfers() {
    let political = PayoffMatrix::new(1.0, 0.0, 2.0, 0.5).unwrap();
    let game = TwoLevelGame::default()
        .with_political(PoliticalPayoff::Matrix(Bimatrix::symmetric(political)))
        .unwrap();
    let config = MatchConfig::new(game, Horizon::fixed(5).unwrap()).unwrap();
    let settings = [weighted(0.5); 2];
    let mut hegemon = Hegemon::new(1.0, 1.0, 1.0, Retaliation::TitForTat).unwrap();
    let (with, _) = play(&config, [&mut hegemon, &mut Cooperator], settings);
    let (without, _) = play(&config, [&mut TitForTat, &mut Cooperator], settings);
    assert_eq!(with.players[0].political, without.players[0].political);
    assert_eq!(with.players[0].policy, without.players[0].policy - 4.0);
    assert_eq!(
        with.players[0].utility,
        without.players[0].utility - 0.5 * 4.0
    );
}

/// Match configurations that reach every loop: the static fast path, its
/// noisy twin, the memory-one loops, perception noise, dynamic politics
/// and elections.
fn configs() -> Vec<MatchConfig> {
    let game = TwoLevelGame::default();
    let horizon = Horizon::fixed(60).unwrap();
    let base = MatchConfig::new(game, horizon).unwrap();
    let dynamics = PoliticizationDynamics::new(0.8, 0.1, 0.05).unwrap();
    let dynamic = Politics::Dynamic {
        initial: Politicization::new(0.2).unwrap(),
        dynamics,
    };
    vec![
        MatchConfig::classic(60).unwrap(),
        base.with_action_noise(0.05).unwrap(),
        base.with_perception_noise(0.05).unwrap(),
        base.with_politics(dynamic).with_action_noise(0.02).unwrap(),
        base.with_election(Some(ElectionCycle::new(7, 2, 0.3).unwrap())),
        MatchConfig::new(game, Horizon::continuation(0.95).unwrap()).unwrap(),
    ]
}

fn plain(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
) -> (MatchResult, String) {
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let result = play_match(config, players, settings, &mut buffers, &mut rng);
    (result, buffers.move_string(0) + &buffers.move_string(1))
}

#[test]
fn carrots_and_sanctions_of_zero_change_nothing_bit_for_bit() {
    let settings = [weighted(0.4), weighted(0.7)];
    for config in configs() {
        for partner in [
            "Random",
            "Tit For Two Tats",
            "Defector",
            "Diffuse Reciprocity",
        ] {
            let partner = build(&StrategySpec::new(partner)).unwrap();
            let zero_carrot = Hegemon::new(0.0, 0.5, 0.0, Retaliation::TitForTat).unwrap();
            let zero_stick = Coercer::new(0.0, 0.0, Retaliation::Grim).unwrap();
            for (mut zero, mut reference) in [
                (
                    Box::new(zero_carrot) as Box<dyn Strategy>,
                    Box::new(TitForTat) as Box<dyn Strategy>,
                ),
                (Box::new(zero_stick), Box::new(Grudger::default())),
            ] {
                let (mut a, mut b) = (partner.clone_box(), partner.clone_box());
                let with = plain(&config, [zero.as_mut(), a.as_mut()], &settings);
                let without = plain(&config, [reference.as_mut(), b.as_mut()], &settings);
                assert_eq!(with, without, "{}", partner.name());
            }
        }
    }
}

#[test]
fn matches_without_instruments_are_play_match_bit_for_bit() {
    // The reference is `play_match`, the engine the existing tests pin
    // down (`match_engine::reference_loop` among them): the recording
    // entry point gives its result bit for bit and records nothing, for
    // every registered strategy without instruments.
    let settings = [weighted(0.2), weighted(0.9)];
    let configs = configs();
    let partners = ["Tit For Tat", "Random", "Grudger"];
    for name in names().filter(|n| !["Hegemon", "Coercer"].contains(n)) {
        let player = build(&StrategySpec::new(name)).unwrap();
        for (c, config) in configs.iter().enumerate().step_by(2) {
            let partner = build(&StrategySpec::new(partners[c % 3])).unwrap();
            let (mut a, mut b) = (player.clone_box(), partner.clone_box());
            let (reference, moves) = plain(config, [a.as_mut(), b.as_mut()], &settings);
            let mut buffers = MatchBuffers::new();
            let mut rng = Pcg64Mcg::seed_from_u64(11);
            let (result, record) = play_match_with_instruments(
                config,
                [a.as_mut(), b.as_mut()],
                &settings,
                &mut buffers,
                &mut rng,
            );
            assert_eq!(result, reference, "{name}");
            assert_eq!(buffers.move_string(0) + &buffers.move_string(1), moves);
            assert_eq!(record, InstrumentRecord::default());
        }
    }
}

/// The discounted sum `sum_t delta^t u_t` of `player`'s utilities in the
/// first `turns` rounds against `partner`, each round's utility read from
/// the engine as the difference of the totals of matches one round apart.
fn discounted(player: &dyn Strategy, partner: &dyn Strategy, delta: f64, turns: u32) -> f64 {
    let mut previous = 0.0;
    let mut value = 0.0;
    let mut weight = 1.0;
    for n in 1..=turns {
        let config = MatchConfig::classic(n).unwrap();
        let (mut a, mut b) = (player.clone_box(), partner.clone_box());
        let total = plain(
            &config,
            [a.as_mut(), b.as_mut()],
            &[PlayerSettings::POLICY; 2],
        )
        .0
        .players[0]
            .utility;
        value += weight * (total - previous);
        previous = total;
        weight *= delta;
    }
    value
}

#[test]
fn a_sanctioning_grim_trigger_deters_deviation_exactly_above_its_threshold() {
    let m = PayoffMatrix::AXELROD;
    let (sanction, might) = (2.0, 1.0);
    let threshold = grim_threshold_with_sanction(&m, sanction).unwrap();
    assert!((threshold - 2.0 / 6.0).abs() < 1e-15);
    assert!(threshold < grim_threshold(&m).unwrap());
    let grim = Coercer::new(sanction, might, Retaliation::Grim).unwrap();
    for (delta, deters) in [(threshold + 0.01, true), (threshold - 0.01, false)] {
        // Cooperating earns R every round; deviating (and then defecting,
        // the best reply to grim) earns T, then P - s.
        let cooperate = discounted(&Cooperator, &grim, delta, 120);
        let deviate = discounted(&Defector, &grim, delta, 120);
        let [cooperate_exact, deviate_exact] = sanctioned_grim_paths(&m, sanction, delta).unwrap();
        assert!((cooperate - cooperate_exact).abs() < 1e-9);
        assert!((deviate - deviate_exact).abs() < 1e-9);
        assert_eq!(cooperate > deviate, deters, "delta {delta}");
    }
}

#[test]
fn a_carrot_withheld_after_defection_deters_like_a_sanction_of_eta_t() {
    // Under the engine's timing a receiver's cooperation in round t is paid
    // eta t in round t + 1, and a deviation forfeits it: against a grim
    // payer, cooperation earns R, then R + eta t, and deviation T, then P.
    // The receiver's threshold is (T - R) / (T - P + eta t), the
    // sanction's with s = eta t; `carrot_thresholds`, which counts the
    // carrot in the round of cooperation itself, gives the lower
    // (T - R - eta t) / (T - P), and between the two a deviation pays in
    // play.
    let m = PayoffMatrix::AXELROD;
    let (transfer, leakage) = (1.0, 0.75);
    let received = transfer * leakage;
    let in_play = grim_threshold_with_sanction(&m, received).unwrap();
    let [payer, anchor] = carrot_thresholds(&m, transfer, leakage);
    let anchor = anchor.unwrap();
    assert!((anchor - (2.0 - 0.75) / 4.0).abs() < 1e-15);
    assert!(payer.unwrap() > grim_threshold(&m).unwrap());
    assert!(anchor < in_play && in_play < grim_threshold(&m).unwrap());
    let hegemon = Hegemon::new(transfer, leakage, transfer, Retaliation::Grim).unwrap();
    let cases = [
        (in_play + 0.01, true),
        (in_play - 0.01, false),
        ((anchor + in_play) / 2.0, false),
    ];
    for (delta, deters) in cases {
        let cooperate = discounted(&Cooperator, &hegemon, delta, 120);
        let deviate = discounted(&Defector, &hegemon, delta, 120);
        let cooperate_exact = m.r() + delta * (m.r() + received) / (1.0 - delta);
        let deviate_exact = m.t() + delta * m.p() / (1.0 - delta);
        assert!((cooperate - cooperate_exact).abs() < 1e-9);
        assert!((deviate - deviate_exact).abs() < 1e-9);
        assert_eq!(cooperate > deviate, deters, "delta {delta}");
    }
}

#[test]
fn random_partners_draw_the_same_numbers_with_instruments() {
    // Instruments change payoffs, never moves or draws: a stochastic
    // partner plays the same moves against a coercer as against the tit
    // for tat it plays like.
    let config = MatchConfig::classic(50).unwrap();
    let settings = [PlayerSettings::POLICY; 2];
    let mut coercer = Coercer::new(1.0, 2.0, Retaliation::TitForTat).unwrap();
    let with = plain(&config, [&mut coercer, &mut Random::default()], &settings);
    let without = plain(&config, [&mut TitForTat, &mut Random::default()], &settings);
    assert_eq!(with.1, without.1);
    assert_ne!(with.0, without.0);
}

/// An arena that presses on both states but whose weights stay zero in
/// every round played (access opens after the match): the arena loop runs
/// with neutral domestic terms.
fn idle_arenas() -> Domestic {
    let actors = vec![
        Actor::new("exporters", ActorKind::Private, 3.0, 0.9, 1.0).with_channels([Channel::Lobby]),
        Actor::new("party", ActorKind::Politician, 5.0, 0.3, 0.9).with_channels([Channel::Lobby]),
    ];
    let closed = Access {
        politician: 0.0,
        bureaucrat: 0.0,
        private: 0.0,
    };
    let later = AccessChange {
        round: 1_000_000,
        access: Access::OPEN,
    };
    let arena = Arena::new(actors, closed, vec![later], ArenaRates::DEFAULT).unwrap();
    Domestic::new(vec![Some(arena.clone()), Some(arena)], vec![]).unwrap()
}

#[test]
fn the_arena_loop_applies_instruments_as_the_general_loop_does() {
    let domestic = idle_arenas();
    assert!(domestic.presses_on([0, 1]));
    let settings = [weighted(0.4), weighted(0.7)];
    for config in configs() {
        let coercer = Coercer::new(1.0, 2.0, Retaliation::TitForTat).unwrap();
        let hegemon = Hegemon::new(1.0, 0.5, 1.0, Retaliation::Grim).unwrap();
        let pairs: [(Box<dyn Strategy>, Box<dyn Strategy>); 2] = [
            (Box::new(coercer), Box::new(Random::default())),
            (Box::new(hegemon), Box::new(TitForTat)),
        ];
        for (first, second) in pairs {
            let (mut a, mut b) = (first.clone_box(), second.clone_box());
            let (plain, moves) = plain(&config, [a.as_mut(), b.as_mut()], &settings);
            let (mut c, mut d) = (first.clone_box(), second.clone_box());
            let mut buffers = MatchBuffers::new();
            let mut rng = Pcg64Mcg::seed_from_u64(11);
            let mut record = ArenaRecord::new();
            let arena = play_arena_match(
                &config,
                [c.as_mut(), d.as_mut()],
                &settings,
                &domestic,
                [0, 1],
                &mut buffers,
                &mut record,
                &mut rng,
            );
            assert_eq!(arena, plain, "{}", first.name());
            assert_eq!(buffers.move_string(0) + &buffers.move_string(1), moves);
        }
    }
}

#[test]
fn a_prudent_reciprocator_counts_the_partners_carrot_in_force() {
    // delta = 0.46 * (1 - 1/60) = 0.452: below the plain grim threshold
    // (5 - 3) / 4 = 0.5, above the receiver's threshold with a carrot of
    // 1 at leakage 0.75 paid after each cooperation, 2 / 4.75 = 0.421.
    let config = MatchConfig::classic(60).unwrap();
    let settings = PlayerSettings::POLICY.with_patience(0.46).unwrap();
    let prudent = || twolevel_strategies::PrudentReciprocator::new(0.0).unwrap();
    // Against a plain cooperator the prudent reciprocator defects
    // throughout; against a hegemon paying the carrot it cooperates
    // throughout (Situation::incentive = 0.75).
    let (alone, _) = play(
        &config,
        [&mut prudent(), &mut Cooperator],
        [settings, PlayerSettings::POLICY],
    );
    assert_eq!(alone.players[0].cooperations, 0);
    let mut hegemon = Hegemon::new(1.0, 0.75, 1.0, Retaliation::Grim).unwrap();
    let (paid, record) = play(
        &config,
        [&mut prudent(), &mut hegemon],
        [settings, PlayerSettings::POLICY],
    );
    assert_eq!(paid.players[0].cooperations, 60);
    assert_eq!(record.players[1].carrots, 59);
}
