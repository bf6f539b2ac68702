//! Domestic arenas in play (docs/actors.md, issue 22 item 7): a match
//! without arenas, or with arenas whose weights are all zero, is
//! `play_match` bit for bit (same RNG draws); a coalition of one equals its
//! member (to rounding: its weight is summed in another order); sovereignty 0 and 1 bound the backlash; each channel moves its
//! target in the sign the model says (over seeds, with standard errors);
//! access transitions, budgets and the domestic position are recorded.

use rand::SeedableRng;
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::actors::{
    Access, AccessChange, Actor, ActorKind, ActorOrientation, ActorRef, Arena, ArenaRates, Budget,
    Channel, Coalition, SpendingRule, weighted_median,
};
use twolevel_game::{
    ElectionCycle, Horizon, Orientation, Politicization, PoliticizationDynamics, Politics,
    Strategy, TwoLevelGame,
};
use twolevel_strategies::{
    Cooperator, Defector, FirstByJoss, GoByMajority, Gradual, Grudger, Gtft, Random, TitFor2Tats,
    TitForTat,
};
use twolevel_tournament::stats::{mean, paired_standard_error};
use twolevel_tournament::{
    ArenaRecord, Domestic, MatchBuffers, MatchConfig, MatchResult, PlayerSettings,
    play_arena_match, play_match,
};

fn strategies() -> Vec<(Box<dyn Strategy>, Box<dyn Strategy>)> {
    vec![
        (Box::new(TitForTat), Box::new(Defector)),
        (
            Box::new(Random::new(0.5).unwrap()),
            Box::new(Gtft::new(0.3).unwrap()),
        ),
        (Box::new(TitFor2Tats), Box::new(Gradual::default())),
        (
            Box::new(GoByMajority::default()),
            Box::new(FirstByJoss::default()),
        ),
        (
            Box::new(Grudger::default()),
            Box::new(Random::new(0.8).unwrap()),
        ),
        (Box::new(Cooperator), Box::new(TitForTat)),
    ]
}

fn dynamic() -> Politics {
    Politics::Dynamic {
        initial: Politicization::new(0.2).unwrap(),
        dynamics: PoliticizationDynamics::DEFAULT,
    }
}

/// Configs over the engine's paths: static, action noise, perception
/// noise, fixed and dynamic politics, elections, continuation horizons.
fn configs() -> Vec<MatchConfig> {
    let game = TwoLevelGame::default();
    let fixed = |t| MatchConfig::new(game, Horizon::fixed(t).unwrap()).unwrap();
    let election = ElectionCycle::new(20, 5, 0.5).unwrap();
    vec![
        MatchConfig::classic(50).unwrap(),
        fixed(60).with_action_noise(0.05).unwrap(),
        fixed(60)
            .with_politics(Politics::Fixed(Politicization::new(0.4).unwrap()))
            .with_perception_noise(0.1)
            .unwrap(),
        fixed(80)
            .with_politics(dynamic())
            .with_action_noise(0.05)
            .unwrap(),
        fixed(80)
            .with_politics(dynamic())
            .with_election(Some(election))
            .with_perception_noise(0.1)
            .unwrap()
            .with_action_noise(0.02)
            .unwrap(),
        MatchConfig::new(game, Horizon::continuation(0.98).unwrap())
            .unwrap()
            .with_politics(dynamic())
            .with_perception_noise(0.05)
            .unwrap(),
    ]
}

/// Configs under which `play_match` takes its general engine (moving
/// levels, elections or perception noise), whose sums an arena match
/// shares.
fn general_configs() -> Vec<MatchConfig> {
    configs().into_iter().skip(2).collect()
}

fn settings() -> [PlayerSettings; 2] {
    [
        PlayerSettings::with_orientation(Orientation::new(0.6).unwrap()),
        PlayerSettings::with_orientation(Orientation::new(0.2).unwrap())
            .with_securitizing(0.01)
            .unwrap(),
    ]
}

fn bits(result: &MatchResult) -> Vec<u64> {
    let mut out = vec![u64::from(result.turns)];
    for p in &result.players {
        out.extend([
            p.utility.to_bits(),
            p.policy.to_bits(),
            p.political.to_bits(),
            u64::from(p.cooperations),
        ]);
    }
    out.extend(result.mean_politicization_by_state.map(f64::to_bits));
    out.extend(result.final_politicization_by_state.map(f64::to_bits));
    out
}

/// Plays with and without the domestic setting from the same seed and
/// checks the results, the moves and the RNG's next draw are the same.
fn assert_same_as_play_match(domestic: &Domestic, states: [usize; 2], configs: &[MatchConfig]) {
    for config in configs {
        for (seed, (mut a, mut b)) in strategies().into_iter().enumerate() {
            let (mut c, mut d) = (a.clone_box(), b.clone_box());
            let mut rng = Pcg64Mcg::seed_from_u64(seed as u64 + 7);
            let mut buffers = MatchBuffers::new();
            let plain = play_match(
                config,
                [a.as_mut(), b.as_mut()],
                &settings(),
                &mut buffers,
                &mut rng,
            );
            let plain_moves = [buffers.move_string(0), buffers.move_string(1)];
            let plain_next = rng.next_u64();

            let mut rng = Pcg64Mcg::seed_from_u64(seed as u64 + 7);
            let mut buffers = MatchBuffers::new();
            let mut record = ArenaRecord::new();
            let arena = play_arena_match(
                config,
                [c.as_mut(), d.as_mut()],
                &settings(),
                domestic,
                states,
                &mut buffers,
                &mut record,
                &mut rng,
            );
            assert_eq!(bits(&arena), bits(&plain), "{config:?} seed {seed}");
            assert_eq!(
                [buffers.move_string(0), buffers.move_string(1)],
                plain_moves
            );
            assert_eq!(rng.next_u64(), plain_next, "the RNG was drawn differently");
            assert_eq!(record.turns(), plain.turns);
            for k in 0..2 {
                let side = record.side(k);
                assert_eq!(side.politicization().len(), plain.turns as usize);
                let coops = side.cooperation().iter().filter(|&&c| c).count() as u32;
                assert_eq!(coops, plain.players[k].cooperations);
                let mean_pi = side.politicization().iter().sum::<f64>() / f64::from(plain.turns);
                assert!((mean_pi - plain.mean_politicization_by_state[k]).abs() < 1e-12);
                assert!(side.positions().iter().all(|x| x.is_nan()));
                assert!(side.lobby().iter().all(|&l| l == 0.0));
            }
        }
    }
}

fn lobby(name: &str, capability: f64, position: f64) -> Actor {
    Actor::new(name, ActorKind::Private, capability, position, 1.0).with_channels([Channel::Lobby])
}

fn mixed_actors(scale: f64) -> Vec<Actor> {
    vec![
        lobby("exporters", 3.0 * scale, 0.9),
        Actor::new("tabloid", ActorKind::Private, 2.0 * scale, 0.2, 0.8)
            .oriented(ActorOrientation::Political)
            .with_channels([Channel::Media]),
        Actor::new("ministry", ActorKind::Bureaucrat, 4.0 * scale, 0.7, 0.6)
            .with_channels([Channel::Expertise, Channel::Lobby]),
        Actor::new("party", ActorKind::Politician, 5.0 * scale, 0.3, 0.9)
            .oriented(ActorOrientation::Political)
            .with_channels([Channel::Media, Channel::Lobby]),
    ]
}

#[test]
fn no_arena_equals_play_match() {
    assert_same_as_play_match(&Domestic::none(3), [0, 2], &configs());
    assert_same_as_play_match(&Domestic::none(1), [0, 0], &configs());
}

#[test]
fn an_arena_whose_weights_are_all_zero_equals_no_arena() {
    // Zero capabilities, zero saliences, closed access: nothing can weigh.
    let mut zero = mixed_actors(0.0);
    zero[0].salience = 0.0;
    let closed = Arena::new(
        mixed_actors(1.0),
        Access {
            politician: 0.0,
            bureaucrat: 0.0,
            private: 0.0,
        },
        vec![],
        ArenaRates::DEFAULT,
    )
    .unwrap();
    let domestic =
        Domestic::new(vec![Some(Arena::of(zero).unwrap()), Some(closed)], vec![]).unwrap();
    assert!(!domestic.presses_on([0, 1]));
    assert_same_as_play_match(&domestic, [0, 1], &configs());
    assert_same_as_play_match(&domestic, [1, 1], &configs());

    // Weights that could become positive (access opens after the last
    // round) but are zero in every round played: the arena loop runs,
    // and gives the general engine's bits.
    let later = Arena::new(
        mixed_actors(1.0),
        Access {
            politician: 0.0,
            bureaucrat: 0.0,
            private: 0.0,
        },
        vec![AccessChange {
            round: 1_000_000,
            access: Access::OPEN,
        }],
        ArenaRates::DEFAULT,
    )
    .unwrap();
    let domestic = Domestic::new(vec![Some(later.clone()), Some(later)], vec![]).unwrap();
    assert!(domestic.presses_on([0, 1]));
    assert_same_as_play_match(&domestic, [0, 1], &general_configs());
}

/// Plays one arena match and returns its result and record.
fn play(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    domestic: &Domestic,
    states: [usize; 2],
    seed: u64,
) -> (MatchResult, ArenaRecord) {
    let mut record = ArenaRecord::new();
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let result = play_arena_match(
        config,
        players,
        &settings(),
        domestic,
        states,
        &mut buffers,
        &mut record,
        &mut rng,
    );
    (result, record)
}

/// Two records agree to rounding: the same moves, and every number within
/// 1e-12 relative (a web member's weight is summed one by one, a lone
/// actor's with the other actors of its group, in another order).
fn assert_same_record(x: &ArenaRecord, y: &ArenaRecord) {
    let close = |p: f64, q: f64| (p - q).abs() <= 1e-12 * p.abs().max(q.abs()).max(1.0);
    let all_close = |p: &[f64], q: &[f64]| {
        p.len() == q.len()
            && p.iter()
                .zip(q)
                .all(|(u, v)| close(*u, *v) || (u.is_nan() && v.is_nan()))
    };
    assert_eq!(x.turns(), y.turns());
    for (a, b) in x.sides().iter().zip(y.sides()) {
        assert!(all_close(a.positions(), b.positions()));
        assert!(all_close(a.politicization(), b.politicization()));
        assert!(all_close(a.lobby(), b.lobby()));
        assert!(all_close(a.pi_push(), b.pi_push()));
        assert_eq!(a.cooperation(), b.cooperation());
        for (p, q) in a.actors().iter().zip(b.actors()) {
            assert!(close(p.mean_share, q.mean_share));
            assert!(close(p.payoff, q.payoff));
            assert!(close(p.spent, q.spent));
        }
    }
}

/// Two results agree to rounding, with the same counts.
fn assert_close_results(x: &MatchResult, y: &MatchResult) {
    let close = |p: f64, q: f64| (p - q).abs() <= 1e-12 * p.abs().max(q.abs()).max(1.0);
    assert_eq!(x.turns, y.turns);
    for (p, q) in x.players.iter().zip(&y.players) {
        assert_eq!(p.cooperations, q.cooperations);
        assert!(close(p.utility, q.utility) && close(p.policy, q.policy));
        assert!(
            close(p.political, q.political),
            "{} {}",
            p.political,
            q.political
        );
    }
    for k in 0..2 {
        assert!(close(
            x.mean_politicization_by_state[k],
            y.mean_politicization_by_state[k]
        ));
        assert!(close(
            x.final_politicization_by_state[k],
            y.final_politicization_by_state[k]
        ));
    }
}

#[test]
fn a_coalition_of_one_equals_its_member() {
    let arenas = vec![
        Some(Arena::of(mixed_actors(1.0)).unwrap()),
        Some(Arena::of(mixed_actors(0.5)).unwrap()),
    ];
    let alone = Domestic::new(arenas.clone(), vec![]).unwrap();
    for actor in 0..4 {
        for phi in [1.0, 2.5] {
            let solo =
                Coalition::new("solo", vec![ActorRef { state: 0, actor }], phi, None).unwrap();
            let web = Domestic::new(arenas.clone(), vec![solo]).unwrap();
            for config in configs() {
                for seed in 0..3 {
                    let (mut a, mut b) = (Gtft::new(0.2).unwrap(), Random::new(0.6).unwrap());
                    let (x, rx) = play(&config, [&mut a, &mut b], &alone, [0, 1], seed);
                    let (y, ry) = play(&config, [&mut a, &mut b], &web, [0, 1], seed);
                    assert_close_results(&x, &y);
                    assert_same_record(&rx, &ry);
                }
            }
        }
    }
}

/// State 0 has one home lobby; state 1 a pro-cooperation lobby in a
/// cross-border web with it. Returns state 0's lobby term and media push
/// in the first round at sovereignty `sigma`.
fn foreign_pressure(sigma: f64) -> (f64, f64, f64) {
    let home = Arena::new(
        vec![lobby("home", 1.0, 0.5)],
        Access::OPEN,
        vec![],
        ArenaRates {
            sovereignty: sigma,
            ..ArenaRates::DEFAULT
        },
    )
    .unwrap();
    let abroad = Arena::of(vec![
        Actor::new("ngo", ActorKind::Private, 3.0, 1.0, 1.0)
            .with_channels([Channel::Lobby, Channel::Media]),
    ])
    .unwrap();
    let web = Coalition::new(
        "web",
        vec![
            ActorRef { state: 0, actor: 0 },
            ActorRef { state: 1, actor: 0 },
        ],
        1.0,
        None,
    )
    .unwrap();
    let domestic = Domestic::new(vec![Some(home), Some(abroad)], vec![web]).unwrap();
    let config = MatchConfig::classic(5).unwrap().with_politics(dynamic());
    let (result, record) = play(
        &config,
        [&mut Cooperator, &mut Cooperator],
        &domestic,
        [0, 1],
        1,
    );
    (
        record.side(0).lobby()[0],
        record.side(0).pi_push()[0],
        result.players[0].political,
    )
}

#[test]
fn sovereignty_zero_and_one_bound_the_backlash() {
    let (open, push_open, political_open) = foreign_pressure(0.0);
    let (closed, push_closed, political_closed) = foreign_pressure(1.0);
    // Foreign weight 3 of 4 engaged, pro-cooperation: +3/4 with no
    // backlash, reversed to -3/4 with full sovereignty.
    assert!((open - 0.75).abs() < 1e-12, "{open}");
    assert!((closed + 0.75).abs() < 1e-12, "{closed}");
    // The politicization push is not reversed.
    assert_eq!(push_open, push_closed);
    assert!(political_open > political_closed);
    let mut previous = open;
    for step in 1..=10 {
        let sigma = f64::from(step) / 10.0;
        let (term, push, political) = foreign_pressure(sigma);
        assert!(
            term <= previous + 1e-12,
            "the backlash grows with sovereignty"
        );
        assert!(closed - 1e-12 <= term && term <= open + 1e-12);
        assert!(political_closed - 1e-9 <= political && political <= political_open + 1e-9);
        assert_eq!(push, push_open);
        previous = term;
    }
    assert!(foreign_pressure(0.5).0.abs() < 1e-12);
}

/// The mean and standard error of the paired differences `with - without`
/// of a measure over seeds.
fn paired(with: &[f64], without: &[f64]) -> (f64, f64) {
    let diffs: Vec<f64> = with.iter().zip(without).map(|(a, b)| a - b).collect();
    (
        mean(&diffs),
        paired_standard_error(with, without).unwrap_or(0.0),
    )
}

/// Plays `seeds` matches with and without `arena` on state 0 and returns
/// `measure` of each.
fn over_seeds(
    config: &MatchConfig,
    arena: Arena,
    make: &dyn Fn() -> [Box<dyn Strategy>; 2],
    measure: &dyn Fn(&MatchResult, &ArenaRecord) -> f64,
) -> (Vec<f64>, Vec<f64>) {
    let with = Domestic::new(vec![Some(arena), None], vec![]).unwrap();
    let without = Domestic::none(2);
    let mut a = Vec::new();
    let mut b = Vec::new();
    for seed in 0..200 {
        for (domestic, out) in [(&with, &mut a), (&without, &mut b)] {
            let [mut p, mut q] = make();
            let (result, record) = play(config, [p.as_mut(), q.as_mut()], domestic, [0, 1], seed);
            out.push(measure(&result, &record));
        }
    }
    (a, b)
}

fn assert_significant(label: &str, (diff, se): (f64, f64), sign: f64) {
    assert!(
        sign * diff > 3.0 * se && sign * diff > 0.0,
        "{label}: difference {diff} with standard error {se}, expected sign {sign}"
    );
}

#[test]
fn each_channel_moves_its_target_in_the_models_sign() {
    let noisy = |c: MatchConfig| c.with_action_noise(0.1).unwrap();
    let base = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(100).unwrap()).unwrap();
    let players =
        || -> [Box<dyn Strategy>; 2] { [Box::new(TitForTat), Box::new(Random::new(0.5).unwrap())] };
    let political0 = |r: &MatchResult, _: &ArenaRecord| r.players[0].political;

    // Lobby: a pro-cooperation lobby raises the political payoff of
    // cooperating, a nationalist one lowers it.
    let config = noisy(base);
    for (position, sign) in [(1.0, 1.0), (0.0, -1.0)] {
        let arena = Arena::of(vec![lobby("lobby", 1.0, position)]).unwrap();
        let (a, b) = over_seeds(&config, arena, &players, &political0);
        assert_significant("lobby", paired(&a, &b), sign);
    }

    // Media: campaigns raise pi under dynamic politics.
    let config = noisy(base.with_politics(dynamic()));
    let media = |position| {
        Arena::of(vec![
            Actor::new("press", ActorKind::Private, 1.0, position, 1.0)
                .with_channels([Channel::Media]),
        ])
        .unwrap()
    };
    let pi0 = |r: &MatchResult, _: &ArenaRecord| r.mean_politicization_by_state[0];
    let (a, b) = over_seeds(&config, media(0.5), &players, &pi0);
    assert_significant("media push", paired(&a, &b), 1.0);

    // Framing: "us versus them" (x < 1/2) raises the audience bonus, so
    // the political payoff of the defector's defections rises; at fixed
    // pi, accountability framing (x > 1/2) lowers the political payoff of
    // an unsolved problem.
    let fixed = noisy(base.with_politics(Politics::Fixed(Politicization::new(0.5).unwrap())));
    let defectors =
        || -> [Box<dyn Strategy>; 2] { [Box::new(Defector), Box::new(Random::new(0.5).unwrap())] };
    let (a, b) = over_seeds(&fixed, media(0.0), &defectors, &political0);
    assert_significant("nationalist framing", paired(&a, &b), 1.0);
    let (a, b) = over_seeds(&fixed, media(1.0), &defectors, &political0);
    assert_significant("accountability framing", paired(&a, &b), -1.0);

    // Expertise: lower perception noise, so a tit-for-tat facing a
    // cooperator answers fewer misperceived defections.
    let perceived = base.with_perception_noise(0.1).unwrap();
    let experts = Arena::new(
        vec![
            Actor::new("lab", ActorKind::Private, 1.0, 0.5, 1.0)
                .with_channels([Channel::Expertise]),
        ],
        Access::OPEN,
        vec![],
        ArenaRates {
            expertise: 0.9,
            ..ArenaRates::DEFAULT
        },
    )
    .unwrap();
    let tft = || -> [Box<dyn Strategy>; 2] { [Box::new(TitForTat), Box::new(Cooperator)] };
    let coop0 = |r: &MatchResult, _: &ArenaRecord| r.cooperation_rate(0);
    let (a, b) = over_seeds(&perceived, experts, &tft, &coop0);
    assert_significant("expertise", paired(&a, &b), 1.0);
}

#[test]
fn an_epistemic_community_lowers_relative_gains() {
    // Defector against Cooperator: the defector's political payoff is
    // mostly relative gains (kappa); an epistemic community lowers it.
    let arenas = vec![
        Some(
            Arena::of(vec![Actor::new(
                "experts",
                ActorKind::Private,
                1.0,
                0.8,
                1.0,
            )])
            .unwrap(),
        ),
        Some(
            Arena::of(vec![Actor::new(
                "experts",
                ActorKind::Private,
                1.0,
                0.8,
                1.0,
            )])
            .unwrap(),
        ),
    ];
    let members = vec![
        ActorRef { state: 0, actor: 0 },
        ActorRef { state: 1, actor: 0 },
    ];
    let community = Coalition::new("community", members, 1.0, Some(1.0)).unwrap();
    let without = Domestic::new(arenas.clone(), vec![]).unwrap();
    let with = Domestic::new(arenas, vec![community]).unwrap();
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(10).unwrap()).unwrap();
    let (x, _) = play(
        &config,
        [&mut Defector, &mut Cooperator],
        &without,
        [0, 1],
        1,
    );
    let (y, _) = play(&config, [&mut Defector, &mut Cooperator], &with, [0, 1], 1);
    // kappa falls by 1 * V_C / (V_C + V_i) = 2 / 3: a third of the gap.
    assert!((y.players[0].political - x.players[0].political / 3.0).abs() < 1e-9);
    assert!((y.players[1].political - x.players[1].political / 3.0).abs() < 1e-9);
    assert_eq!(x.players[0].policy, y.players[0].policy);
}

#[test]
fn access_transitions_at_their_round_and_the_median_is_recorded() {
    let closed = Access {
        politician: 1.0,
        bureaucrat: 1.0,
        private: 0.0,
    };
    let actors = vec![
        lobby("business", 3.0, 0.9),
        Actor::new("party", ActorKind::Politician, 1.0, 0.2, 1.0),
    ];
    let arena = Arena::new(
        actors,
        closed,
        vec![AccessChange {
            round: 10,
            access: Access::OPEN,
        }],
        ArenaRates::DEFAULT,
    )
    .unwrap();
    let domestic = Domestic::new(vec![Some(arena.clone())], vec![]).unwrap();
    let config = MatchConfig::classic(20).unwrap();
    let (_, record) = play(
        &config,
        [&mut TitForTat, &mut TitForTat],
        &domestic,
        [0, 0],
        3,
    );
    for side in record.sides() {
        assert!(side.lobby()[..10].iter().all(|&l| l == 0.0));
        assert!(side.lobby()[10..].iter().all(|&l| (l - 0.6).abs() < 1e-12));
        assert!(side.positions()[..10].iter().all(|&x| x == 0.2));
        assert!(side.positions()[10..].iter().all(|&x| x == 0.9));
        assert_eq!(weighted_median(&[0.9, 0.2], &[3.0, 1.0]), Some(0.9));
        // The business lobby held no share before the transition and
        // three quarters after: 0.75 * 10 / 20.
        assert!((side.actors()[0].mean_share - 0.375).abs() < 1e-12);
        // Mutual cooperation: each actor earns s (1/2)(2x - 1) a round.
        assert!((side.actors()[0].payoff - 20.0 * 0.5 * 0.8).abs() < 1e-9);
        assert!((side.actors()[1].payoff + 20.0 * 0.5 * 0.6).abs() < 1e-9);
    }
}

#[test]
fn budgets_are_spent_by_their_rules() {
    let budgeted = |rule| {
        Actor::new("fund", ActorKind::Private, 0.0, 1.0, 1.0)
            .with_channels([Channel::Lobby])
            .with_budget(Budget { total: 8.0, rule })
    };
    let election = ElectionCycle::new(10, 2, 0.5).unwrap();
    let config = MatchConfig::classic(40)
        .unwrap()
        .with_election(Some(election));
    let run = |rule, players: [&mut dyn Strategy; 2]| {
        let arena = Arena::of(vec![budgeted(rule), lobby("rival", 0.5, 0.0)]).unwrap();
        let domestic = Domestic::new(vec![Some(arena), None], vec![]).unwrap();
        play(&config, players, &domestic, [0, 1], 5).1
    };
    let early = run(SpendingRule::Early, [&mut Cooperator, &mut Cooperator]);
    let side = early.side(0);
    assert!((side.actors()[0].spent - 8.0).abs() < 1e-12);
    assert!(side.lobby()[..10].iter().all(|&l| l > 0.0));
    assert!(side.lobby()[10..].iter().all(|&l| l < 0.0));
    // Payoff: 40 rounds of mutual cooperation at 1/2, less the budget.
    assert!((side.actors()[0].payoff - (20.0 - 8.0)).abs() < 1e-9);

    let campaign = run(SpendingRule::Campaign, [&mut Cooperator, &mut Cooperator]);
    let spending: Vec<bool> = campaign.side(0).lobby().iter().map(|&l| l > 0.0).collect();
    let expected: Vec<bool> = (0..40).map(|t| election.is_campaign(t)).collect();
    assert_eq!(spending, expected);
    assert!((campaign.side(0).actors()[0].spent - 8.0).abs() < 1e-12);

    // Responsive: spends only after the partner's visible defections.
    let responsive = run(
        SpendingRule::Responsive { below: 0.0 },
        [&mut Cooperator, &mut twolevel_strategies::Alternator],
    );
    let spent: Vec<bool> = responsive
        .side(0)
        .lobby()
        .iter()
        .map(|&l| l > 0.0)
        .collect();
    // The alternator plays C, D, C, D, ...: its defections in odd rounds
    // are answered in the even rounds after them, until the budget (ten
    // tranches of B / Q = 8 / 10) is gone.
    let answered: Vec<bool> = (0..40).map(|t| t % 2 == 0 && t > 0 && t <= 20).collect();
    assert_eq!(spent, answered);
}

#[test]
fn a_record_is_reused_across_matches() {
    let domestic = Domestic::new(
        vec![Some(Arena::of(mixed_actors(1.0)).unwrap()), None],
        vec![],
    )
    .unwrap();
    let config = MatchConfig::classic(30).unwrap().with_politics(dynamic());
    let mut record = ArenaRecord::new();
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    for (states, turns) in [([0, 1], 30usize), ([1, 0], 30), ([1, 1], 30)] {
        play_arena_match(
            &config,
            [&mut TitForTat, &mut Defector],
            &settings(),
            &domestic,
            states,
            &mut buffers,
            &mut record,
            &mut rng,
        );
        for (side, state) in record.sides().iter().zip(states) {
            assert_eq!(side.positions().len(), turns);
            assert_eq!(side.actors().len(), if state == 0 { 4 } else { 0 });
            assert_eq!(side.has_arena(), state == 0);
        }
    }
}

#[test]
fn a_reused_record_holds_what_a_fresh_one_holds() {
    // A record keeps its series' memory from match to match (a series of
    // the same length is not cleared): each match must write every place,
    // in the loop over written moves (memory-one players) and in the
    // general loop (opaque players), with the arena on either side, with
    // and without sampling.
    let domestic = Domestic::new(
        vec![
            Some(Arena::of(mixed_actors(1.0)).unwrap()),
            Some(Arena::of(mixed_actors(0.4)).unwrap()),
        ],
        vec![],
    )
    .unwrap();
    let config = MatchConfig::classic(30).unwrap().with_politics(dynamic());
    for every in [1, 4] {
        let mut reused = ArenaRecord::new().with_series_every(every);
        let mut buffers = MatchBuffers::new();
        for (k, states) in [[0, 1], [1, 0], [0, 0], [1, 1]].into_iter().enumerate() {
            let players = |opaque: bool| -> [Box<dyn Strategy>; 2] {
                let first: Box<dyn Strategy> = Box::new(TitForTat);
                let second: Box<dyn Strategy> =
                    Box::new(twolevel_strategies::classic::WinStayLoseShift);
                if opaque {
                    [Box::new(Opaque(first)), Box::new(Opaque(second))]
                } else {
                    [first, second]
                }
            };
            let opaque = k % 2 == 1;
            let mut play_into = |record: &mut ArenaRecord| {
                let [mut first, mut second] = players(opaque);
                let mut rng = Pcg64Mcg::seed_from_u64(7);
                play_arena_match(
                    &config,
                    [first.as_mut(), second.as_mut()],
                    &settings(),
                    &domestic,
                    states,
                    &mut buffers,
                    record,
                    &mut rng,
                )
            };
            let mut fresh = ArenaRecord::new().with_series_every(every);
            let result = play_into(&mut reused);
            assert_eq!(bits(&result), bits(&play_into(&mut fresh)));
            assert_eq!(
                reused.sides(),
                fresh.sides(),
                "states {states:?}, every {every}"
            );
        }
    }
}

/// A strategy that plays its inner strategy through `decide` and reports
/// no memory-one rule, so that an arena match takes its general loop.
#[derive(Clone, Debug)]
struct Opaque(Box<dyn Strategy>);

impl Strategy for Opaque {
    fn name(&self) -> &str {
        self.0.name()
    }

    fn classifier(&self) -> twolevel_game::Classifier {
        self.0.classifier()
    }

    fn decide(
        &mut self,
        view: &twolevel_game::View<'_>,
        rng: &mut dyn Rng,
    ) -> twolevel_game::Action {
        self.0.decide(view, rng)
    }

    fn reset(&mut self) {
        self.0.reset();
    }
}

#[test]
fn memory_one_players_pay_over_their_moves_as_the_general_loop_does() {
    let budget = Budget {
        total: 6.0,
        rule: SpendingRule::Responsive { below: 0.1 },
    };
    let mut actors = mixed_actors(1.0);
    actors.push(
        Actor::new("fund", ActorKind::Private, 0.0, 0.8, 0.7)
            .with_channels([Channel::Lobby, Channel::Media])
            .with_budget(budget),
    );
    let web = Coalition::new(
        "web",
        vec![
            ActorRef { state: 0, actor: 1 },
            ActorRef { state: 1, actor: 3 },
        ],
        1.7,
        Some(0.4),
    )
    .unwrap();
    let domestic = Domestic::new(
        vec![
            Some(Arena::of(actors).unwrap()),
            Some(Arena::of(mixed_actors(0.7)).unwrap()),
        ],
        vec![web],
    )
    .unwrap();
    assert_written_moves_pay_as_the_general_loop(&domestic, &[[0, 1], [1, 0], [0, 0]]);
}

/// Memory-one players (their moves written first, the rounds paid over
/// them) and the same players seen as opaque strategies (the general
/// loop) give the same bits and the same record, under every config
/// without perception noise, for each pair of `states`.
fn assert_written_moves_pay_as_the_general_loop(domestic: &Domestic, states: &[[usize; 2]]) {
    let configs: Vec<MatchConfig> = configs()
        .into_iter()
        .filter(|c| c.perception_noise() == 0.0)
        .collect();
    let pairs = || -> Vec<[Box<dyn Strategy>; 2]> {
        vec![
            [
                Box::new(TitForTat),
                Box::new(twolevel_strategies::classic::WinStayLoseShift),
            ],
            [
                Box::new(Gtft::new(0.3).unwrap()),
                Box::new(Random::new(0.4).unwrap()),
            ],
            [Box::new(Cooperator), Box::new(Defector)],
        ]
    };
    for config in &configs {
        for &states in states {
            for (seed, [a, b]) in pairs().into_iter().enumerate() {
                let [mut p, mut q] = [a.clone_box(), b.clone_box()];
                let (x, rx) = play(
                    config,
                    [p.as_mut(), q.as_mut()],
                    domestic,
                    states,
                    seed as u64,
                );
                let (mut o, mut r) = (Opaque(a), Opaque(b));
                let (y, ry) = play(config, [&mut o, &mut r], domestic, states, seed as u64);
                assert_eq!(bits(&x), bits(&y), "{config:?} {states:?} seed {seed}");
                assert_eq!(rx, ry);
            }
        }
    }
}

#[test]
fn all_static_arenas_with_transitions_pay_written_moves_as_the_general_loop() {
    // No budget and no web: the written moves are paid with the arenas'
    // period sums held by value (`StaticArenas`); transitions in rounds 1,
    // 3, 4 (two rounds in a row) and 7, and a state without an arena.
    let change = |round, private| AccessChange {
        round,
        access: Access {
            politician: 1.0,
            bureaucrat: 0.5,
            private,
        },
    };
    let transitions = vec![
        change(1, 0.2),
        change(3, 0.0),
        change(4, 0.6),
        change(7, 1.0),
    ];
    let arena = Arena::new(
        mixed_actors(1.0),
        Access::OPEN,
        transitions,
        ArenaRates::DEFAULT,
    )
    .unwrap();
    let domestic = Domestic::new(
        vec![
            Some(arena),
            Some(Arena::of(mixed_actors(0.7)).unwrap()),
            None,
        ],
        vec![],
    )
    .unwrap();
    assert_written_moves_pay_as_the_general_loop(&domestic, &[[0, 1], [1, 0], [0, 0], [2, 0]]);
    // The transitions move the record: the exporters (private) weigh a
    // fifth of their weight in rounds 1 and 2, nothing in round 3, 0.6 in
    // rounds 4 to 6 and their full weight from round 7.
    let config = MatchConfig::classic(12).unwrap();
    let (_, record) = play(
        &config,
        [&mut TitForTat, &mut TitForTat],
        &domestic,
        [0, 2],
        1,
    );
    let lobby = record.side(0).lobby();
    for t in [1, 3, 4, 7] {
        assert_ne!(lobby[t - 1], lobby[t], "round {t}");
    }
    assert_eq!((lobby[1], lobby[4]), (lobby[2], lobby[6]));
    assert!(record.side(1).positions().iter().all(|x| x.is_nan()));
}

#[test]
fn the_recorded_position_is_the_weighted_median_of_each_rounds_weights() {
    // Politicization makes the political actors heavier round by round,
    // so the median moves from the policy camp to the political one.
    let actors = vec![
        Actor::new("ministry", ActorKind::Bureaucrat, 3.0, 0.8, 1.0),
        Actor::new("agency", ActorKind::Bureaucrat, 1.0, 0.6, 1.0),
        Actor::new("party", ActorKind::Politician, 2.5, 0.1, 1.0)
            .oriented(ActorOrientation::Political),
        Actor::new("tabloid", ActorKind::Private, 1.0, 0.3, 0.5)
            .oriented(ActorOrientation::Political)
            .with_channels([Channel::Media]),
    ];
    let game = TwoLevelGame::default();
    let config = MatchConfig::new(game, Horizon::fixed(60).unwrap())
        .unwrap()
        .with_politics(Politics::Dynamic {
            initial: Politicization::NONE,
            dynamics: PoliticizationDynamics::DEFAULT,
        });
    for budget in [false, true] {
        let mut actors = actors.clone();
        if budget {
            actors.push(
                Actor::new("fund", ActorKind::Private, 0.0, 0.9, 1.0).with_budget(Budget {
                    total: 3.0,
                    rule: SpendingRule::Early,
                }),
            );
        }
        let domestic =
            Domestic::new(vec![Some(Arena::of(actors.clone()).unwrap())], vec![]).unwrap();
        let (_, record) = play(
            &config,
            [&mut Defector, &mut Defector],
            &domestic,
            [0, 0],
            2,
        );
        let side = record.side(0);
        let positions: Vec<f64> = actors.iter().map(|a| a.position).collect();
        let mut moved = false;
        for (t, &pi) in side.politicization().iter().enumerate() {
            let weights: Vec<f64> = actors
                .iter()
                .map(|a| {
                    let capability = match a.budget {
                        Some(b) if t < 15 => b.total / 15.0,
                        Some(_) => 0.0,
                        None => a.capability,
                    };
                    let v = capability * a.salience;
                    if a.is_political() {
                        v * (1.0 + game.gamma() * pi * pi)
                    } else {
                        v
                    }
                })
                .collect();
            let expected = weighted_median(&positions, &weights);
            assert_eq!(side.position(t), expected, "round {t}, pi {pi}");
            moved |= side.position(t) != side.position(0);
        }
        assert!(moved, "politicization should move the domestic position");
    }
}

/// A record that keeps every `k`-th round (or none) plays the same match
/// and keeps the same summaries and actors' totals as one that keeps every
/// round, and its series are the full series' rounds `0, k, 2k, ..`, bit
/// for bit; the summaries are the series' sums. Over the engine's paths
/// (written memory-one moves, the general loop, no pressure).
#[test]
fn a_sampled_record_keeps_every_kth_round_and_the_same_summaries() {
    let domestic = Domestic::new(
        vec![
            Some(Arena::of(mixed_actors(1.0)).unwrap()),
            None,
            Some(Arena::of(mixed_actors(0.0)).unwrap()),
        ],
        vec![],
    )
    .unwrap();
    let pairs: [[usize; 2]; 3] = [[0, 1], [1, 0], [2, 1]];
    for config in configs() {
        for states in pairs {
            for (seed, (mut a, mut b)) in strategies().into_iter().enumerate() {
                let (mut c, mut d) = (a.clone_box(), b.clone_box());
                let (full_result, full) = play(
                    &config,
                    [a.as_mut(), b.as_mut()],
                    &domestic,
                    states,
                    seed as u64,
                );
                for every in [0, 1, 7] {
                    let mut record = ArenaRecord::new().with_series_every(every);
                    let mut buffers = MatchBuffers::new();
                    let mut rng = Pcg64Mcg::seed_from_u64(seed as u64);
                    let result = play_arena_match(
                        &config,
                        [c.as_mut(), d.as_mut()],
                        &settings(),
                        &domestic,
                        states,
                        &mut buffers,
                        &mut record,
                        &mut rng,
                    );
                    assert_eq!(bits(&result), bits(&full_result));
                    let turns = full.turns();
                    assert_eq!(record.turns(), turns);
                    let kept = record.kept_rounds(turns) as usize;
                    assert_eq!(
                        kept,
                        if every == 0 { 0 } else { turns.div_ceil(every) } as usize
                    );
                    for (sampled, whole) in record.sides().iter().zip(full.sides()) {
                        assert_eq!(sampled.summary(), whole.summary());
                        assert_eq!(sampled.actors(), whole.actors());
                        assert_eq!(sampled.positions().len(), kept);
                        let step = every.max(1) as usize;
                        let pick = |series: &[f64]| -> Vec<u64> {
                            series.iter().step_by(step).map(|x| x.to_bits()).collect()
                        };
                        let bits_of = |series: &[f64]| -> Vec<u64> {
                            series.iter().map(|x| x.to_bits()).collect()
                        };
                        if every > 0 {
                            assert_eq!(bits_of(sampled.positions()), pick(whole.positions()));
                            assert_eq!(
                                bits_of(sampled.politicization()),
                                pick(whole.politicization())
                            );
                            assert_eq!(bits_of(sampled.lobby()), pick(whole.lobby()));
                            assert_eq!(bits_of(sampled.pi_push()), pick(whole.pi_push()));
                            let coops: Vec<bool> =
                                whole.cooperation().iter().copied().step_by(step).collect();
                            assert_eq!(sampled.cooperation(), &coops[..]);
                        }
                        assert_eq!(sampled.cooperation_rate(), whole.cooperation_rate());
                    }
                }
                // The summaries are the full series' sums, in the same order.
                for side in full.sides() {
                    let summary = side.summary();
                    assert_eq!(summary.rounds as usize, side.positions().len());
                    let coops = side.cooperation().iter().filter(|&&c| c).count();
                    assert_eq!(summary.cooperations as usize, coops);
                    let positioned: Vec<f64> = side
                        .positions()
                        .iter()
                        .copied()
                        .filter(|x| !x.is_nan())
                        .collect();
                    assert_eq!(summary.positioned_rounds as usize, positioned.len());
                    let sum = |xs: &[f64]| xs.iter().fold(0.0, |s, x| s + x);
                    assert_eq!(summary.position_sum.to_bits(), sum(&positioned).to_bits());
                    assert_eq!(
                        summary.politicization_sum.to_bits(),
                        sum(side.politicization()).to_bits()
                    );
                    assert_eq!(summary.lobby_sum.to_bits(), sum(side.lobby()).to_bits());
                    assert_eq!(summary.pi_push_sum.to_bits(), sum(side.pi_push()).to_bits());
                    let last = side.positions().last().copied().unwrap_or(f64::NAN);
                    assert_eq!(summary.last_position.to_bits(), last.to_bits());
                    assert_eq!(
                        summary.mean_position(),
                        (!positioned.is_empty())
                            .then(|| sum(&positioned) / positioned.len() as f64)
                    );
                }
            }
        }
    }
}
