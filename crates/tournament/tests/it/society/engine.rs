//! The society engine against its analytic anchor (public assessment), and
//! the known qualitative results of indirect reciprocity.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, ByCurrency, Currency, Norm, Orientation, Politicization};
use twolevel_tournament::society::{
    DonationGame, EncounterMode, Group, Institution, Society, SocietyCounters, SocietyParams,
    StandingDynamics,
};

fn society(norm: Norm, institution: Institution, e: f64, mu: f64, groups: &[Group]) -> Society {
    let params = SocietyParams::new(norm, institution, 1.0, e, mu).unwrap();
    Society::new(
        params,
        &DonationGame::with_defaults(2.0, 1.0).unwrap(),
        groups,
    )
    .unwrap()
}

/// Runs a burn-in, then `steps` steps, and returns the counters of the
/// measured steps and the time-averaged variance of the good share.
fn measure(society: &mut Society, burn_in: u64, steps: u64, seed: u64) -> (SocietyCounters, f64) {
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    society.run(burn_in, &mut rng);
    let (mut sum, mut sum_squares) = (0.0, 0.0);
    let mut counters = SocietyCounters::default();
    for _ in 0..steps / 100 {
        let block = society.run(100, &mut rng);
        counters.add(&block);
        let share = society.good_share();
        sum += share;
        sum_squares += share * share;
    }
    let samples = (steps / 100) as f64;
    let mean = sum / samples;
    (counters, sum_squares / samples - mean * mean)
}

#[test]
fn simulation_agrees_with_the_chain_and_the_fixed_point() {
    let (e, mu, size) = (0.05, 0.03, 50);
    for norm in [
        Norm::STERN_JUDGING,
        Norm::SIMPLE_STANDING,
        Norm::IMAGE_SCORING,
    ] {
        let dynamics = StandingDynamics::discriminators(norm, e, mu).unwrap();
        let chain = dynamics.good_count_chain(size).unwrap();
        let g_star = dynamics.large_population_good_share();
        let mut society = society(
            norm,
            Institution::Public,
            e,
            mu,
            &[Group::new("Discriminator", size as u32)],
        );
        let (counters, variance) = measure(&mut society, 20_000, 2_000_000, 11);
        // About 2e6 / (2 Z) independent samples of a share with a standard
        // deviation below 0.1: a standard error near 5e-4.
        let good = counters.mean_good_share();
        assert!(
            (good - chain.mean_good_share()).abs() < 0.004,
            "{norm}: {good} vs chain"
        );
        assert!(
            (good - g_star).abs() < 0.004,
            "{norm}: {good} vs g* {g_star}"
        );
        let cooperation = counters.cooperation_rate();
        assert!(
            (cooperation - chain.cooperation_rate()).abs() < 0.004,
            "{norm}: {cooperation} vs {}",
            chain.cooperation_rate()
        );
        assert!((cooperation - g_star * (1.0 - e)).abs() < 0.004);
        // The spread of the good count is the chain's, not zero.
        let expected = chain.good_share_variance();
        assert!(
            (variance / expected - 1.0).abs() < 0.15,
            "{norm}: variance {variance} vs chain {expected}"
        );
    }
}

#[test]
fn observation_probability_slows_but_does_not_move_the_public_equilibrium() {
    let params =
        SocietyParams::new(Norm::STERN_JUDGING, Institution::Public, 0.3, 0.05, 0.03).unwrap();
    let game = DonationGame::with_defaults(2.0, 1.0).unwrap();
    let mut society = Society::new(params, &game, &[Group::new("Discriminator", 50)]).unwrap();
    let (counters, _) = measure(&mut society, 50_000, 2_000_000, 5);
    let g_star = StandingDynamics::discriminators(Norm::STERN_JUDGING, 0.05, 0.03)
        .unwrap()
        .large_population_good_share();
    assert!((counters.mean_good_share() - g_star).abs() < 0.006);
}

/// The mean and the standard error of the mean of `values`.
fn mean_and_standard_error(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (variance / n).sqrt())
}

const SEEDS: [u64; 5] = [3, 17, 29, 41, 53];

#[test]
fn image_scoring_collapses_under_errors_while_stern_judging_and_simple_standing_hold() {
    let (e, mu) = (0.05, 0.05);
    let rates = |norm| -> Vec<f64> {
        SEEDS
            .iter()
            .map(|&seed| {
                let mut society = society(
                    norm,
                    Institution::Public,
                    e,
                    mu,
                    &[Group::new("Discriminator", 200)],
                );
                measure(&mut society, 20_000, 200_000, seed)
                    .0
                    .cooperation_rate()
            })
            .collect()
    };
    let (stern, simple, image) = (
        rates(Norm::STERN_JUDGING),
        rates(Norm::SIMPLE_STANDING),
        rates(Norm::IMAGE_SCORING),
    );
    // Every seed, not only on average: the large-population values are
    // 0.865 (stern judging, simple standing) and 0.31 (image scoring).
    for k in 0..SEEDS.len() {
        assert!(
            stern[k] > 0.8 && simple[k] > 0.8,
            "seed {}: {stern:?} {simple:?}",
            SEEDS[k]
        );
        assert!(image[k] < 0.4, "seed {}: {image:?}", SEEDS[k]);
    }
    let (stern_mean, stern_error) = mean_and_standard_error(&stern);
    let (image_mean, image_error) = mean_and_standard_error(&image);
    let margin = stern_mean - image_mean;
    assert!(
        margin > 10.0 * (stern_error + image_error),
        "{margin} vs errors {stern_error} {image_error}"
    );
}

#[test]
fn private_assessment_lowers_cooperation() {
    let (e, mu) = (0.02, 0.02);
    let rates = |institution| -> Vec<f64> {
        SEEDS
            .iter()
            .map(|&seed| {
                let mut society = society(
                    Norm::STERN_JUDGING,
                    institution,
                    e,
                    mu,
                    &[Group::new("Discriminator", 60)],
                );
                measure(&mut society, 30_000, 100_000, seed)
                    .0
                    .cooperation_rate()
            })
            .collect()
    };
    let (public, private) = (rates(Institution::Public), rates(Institution::Private));
    for k in 0..SEEDS.len() {
        assert!(public[k] > 0.9, "seed {}: {public:?}", SEEDS[k]);
        assert!(
            private[k] < public[k] - 0.2,
            "seed {}: public {public:?}, private {private:?}",
            SEEDS[k]
        );
    }
    let (public_mean, public_error) = mean_and_standard_error(&public);
    let (private_mean, private_error) = mean_and_standard_error(&private);
    assert!(
        public_mean - private_mean > 10.0 * (public_error + private_error),
        "public {public_mean} +- {public_error}, private {private_mean} +- {private_error}"
    );
}

#[test]
fn runs_are_deterministic_and_record_all_three_currencies() {
    let groups = [
        Group::new("Discriminator", 30).with_politics(
            Orientation::new(0.6).unwrap(),
            Politicization::new(0.4).unwrap(),
        ),
        Group::new("ALLD", 10),
        Group::new("Generalized Reciprocity", 10),
        Group::new("Specific Reciprocity", 10),
        Group::new("Society Ledger", 10),
    ];
    let run = |mode| {
        let params = SocietyParams::new(
            Norm::LEADING_EIGHT[0],
            Institution::Private,
            0.5,
            0.01,
            0.01,
        )
        .unwrap()
        .with_mode(mode);
        let mut society = Society::new(
            params,
            &DonationGame::with_defaults(3.0, 1.0).unwrap(),
            &groups,
        )
        .unwrap();
        society.run(20_000, &mut Pcg64Mcg::seed_from_u64(4));
        society
    };
    for mode in [EncounterMode::Donation, EncounterMode::SimultaneousPd] {
        let (a, b) = (run(mode), run(mode));
        assert_eq!(a.tallies(), b.tallies());
        assert_eq!(a.counters(), b.counters());
        // The politicized discriminators' currencies differ; ALLD's policy
        // payoff is what it received.
        let politician = a.tallies()[0].payoff;
        assert_ne!(politician.policy, politician.political);
        assert_ne!(politician.utility, politician.policy);
        assert!(a.mean_payoff(30, Currency::Policy) > 0.0);
    }
}

#[test]
fn bad_input_is_an_error_naming_the_field() {
    let field =
        |result: Result<SocietyParams, twolevel_game::ParameterError>| result.unwrap_err().field;
    let norm = Norm::SHUNNING;
    assert_eq!(
        field(SocietyParams::new(norm, Institution::Public, 1.1, 0.0, 0.0)),
        "observation"
    );
    assert_eq!(
        field(SocietyParams::new(
            norm,
            Institution::Public,
            1.0,
            -0.1,
            0.0
        )),
        "execution_error"
    );
    assert_eq!(
        field(SocietyParams::new(
            norm,
            Institution::Public,
            1.0,
            0.0,
            f64::NAN
        )),
        "assessment_error"
    );
    let params = SocietyParams::new(norm, Institution::Public, 1.0, 0.0, 0.0).unwrap();
    let game = DonationGame::with_defaults(2.0, 1.0).unwrap();
    let error = Society::new(params, &game, &[Group::new("Discriminator", 1)]).unwrap_err();
    assert_eq!(error.field, "population");
    let error = Society::new(
        params,
        &game,
        &[Group::new("ALLD", 2), Group::new("Discrimnator", 3)],
    )
    .unwrap_err();
    assert_eq!(error.field, "groups[1].rule");
    assert!(
        error.reason.contains("did you mean `Discriminator`"),
        "{error}"
    );
    let private = SocietyParams::new(norm, Institution::Private, 1.0, 0.0, 0.0).unwrap();
    let error = Society::new(private, &game, &[Group::new("ALLD", 100_000)]).unwrap_err();
    assert_eq!(error.field, "population");
}

#[test]
fn a_large_public_society_runs() {
    let mut society = society(
        Norm::STERN_JUDGING,
        Institution::Public,
        0.01,
        0.01,
        &[Group::new("Discriminator", 100_000)],
    );
    let counters = society.run(200_000, &mut Pcg64Mcg::seed_from_u64(1));
    assert_eq!(counters.actions, 200_000);
    assert!(counters.cooperation_rate() > 0.9);
}

/// The expected payoffs per encounter of each group of unconditional
/// rules in simultaneous mode, in closed form: the partner is drawn
/// uniformly among the other Z - 1 states, each intended C is executed
/// with probability 1 - e, and the payoffs of a round are the two-level
/// game's `payoffs_uneven`.
fn unconditional_round_payoffs(
    game: &DonationGame,
    groups: &[(Group, Action)],
    e: f64,
) -> Vec<(ByCurrency<f64>, ByCurrency<f64>)> {
    let size: f64 = groups.iter().map(|(g, _)| f64::from(g.count)).sum();
    let outcome = |action: Action, executed: Action| match (action, executed) {
        (Action::C, Action::C) => 1.0 - e,
        (Action::C, Action::D) => e,
        (Action::D, Action::D) => 1.0,
        (Action::D, Action::C) => 0.0,
    };
    groups
        .iter()
        .enumerate()
        .map(|(i, (focal, focal_action))| {
            let (mut mean, mut square) =
                (ByCurrency::<f64>::default(), ByCurrency::<f64>::default());
            for (j, (partner, partner_action)) in groups.iter().enumerate() {
                let partners = f64::from(partner.count) - if i == j { 1.0 } else { 0.0 };
                let share = partners / (size - 1.0);
                for own in Action::ALL {
                    for other in Action::ALL {
                        let probability =
                            share * outcome(*focal_action, own) * outcome(*partner_action, other);
                        if probability == 0.0 {
                            continue;
                        }
                        let payoff = game.game().payoffs_uneven(
                            own,
                            other,
                            [focal.politicization, partner.politicization],
                            [focal.political_weight, partner.political_weight],
                        )[0];
                        for currency in Currency::ALL {
                            mean[currency] += probability * payoff.in_currency(currency);
                            square[currency] += probability * payoff.in_currency(currency).powi(2);
                        }
                    }
                }
            }
            let variance = ByCurrency::from_fn(|c| square[c] - mean[c] * mean[c]);
            (mean, variance)
        })
        .collect()
}

#[test]
fn simultaneous_rounds_of_unconditional_rules_earn_their_closed_form_payoffs() {
    let e = 0.1;
    let politics = Group::new("ALLC", 8).with_politics(
        Orientation::new(0.4).unwrap(),
        Politicization::new(0.5).unwrap(),
    );
    let groups = [
        (politics, Action::C),
        (Group::new("ALLD", 7), Action::D),
        (Group::new("ALLC", 5), Action::C),
    ];
    let game = DonationGame::with_defaults(3.0, 1.0).unwrap();
    let expected = unconditional_round_payoffs(&game, &groups, e);
    let plain: Vec<Group> = groups.iter().map(|(g, _)| g.clone()).collect();
    for seed in [1, 2, 3] {
        let params = SocietyParams::new(Norm::STERN_JUDGING, Institution::Public, 1.0, e, 0.05)
            .unwrap()
            .with_mode(EncounterMode::SimultaneousPd);
        let mut society = Society::new(params, &game, &plain).unwrap();
        let counters = society.run(200_000, &mut Pcg64Mcg::seed_from_u64(seed));
        // Two actions a round; ALLC intends C, 13 of 20 states.
        assert_eq!(counters.actions, 400_000);
        let cooperation = 13.0 / 20.0 * (1.0 - e);
        let standard_error = (cooperation * (1.0 - cooperation) / 400_000.0).sqrt();
        assert!((counters.cooperation_rate() - cooperation).abs() < 5.0 * standard_error);
        let mut first = 0;
        for (k, (group, _)) in groups.iter().enumerate() {
            let members = first..first + group.count as usize;
            first += group.count as usize;
            let encounters = members
                .clone()
                .map(|state| society.tallies()[state].encounters as f64)
                .sum::<f64>();
            let (mean, variance) = expected[k];
            for currency in Currency::ALL {
                let total: f64 = members
                    .clone()
                    .map(|s| society.tallies()[s].payoff[currency])
                    .sum();
                let simulated = total / encounters;
                // Encounters within a group count twice in its total, so
                // the error is at most twice the independent one.
                let error = 2.0 * (variance[currency] / encounters).sqrt();
                assert!(
                    (simulated - mean[currency]).abs() < 5.0 * error + 1e-12,
                    "seed {seed}, group {k}, {currency}: {simulated} vs {} (error {error})",
                    mean[currency]
                );
            }
        }
    }
}

#[test]
fn long_public_runs_count_encounters_and_credit_exactly_what_single_steps_credit() {
    let dyadic = (Orientation::new(0.25).unwrap(), Politicization::NONE);
    let inexact = (
        Orientation::new(0.6).unwrap(),
        Politicization::new(0.4).unwrap(),
    );
    // (groups, whether the run counts): integer payoffs; payoffs on a
    // grid of quarters in two classes; payoffs off any coarse grid (0.4),
    // credited one by one.
    let cases = [
        (
            vec![Group::new("Discriminator", 500), Group::new("ALLD", 100)],
            true,
        ),
        (
            vec![
                Group::new("Discriminator", 400).with_politics(dyadic.0, dyadic.1),
                Group::new("ALLC", 200),
            ],
            true,
        ),
        (
            vec![
                Group::new("Discriminator", 400).with_politics(inexact.0, inexact.1),
                Group::new("ALLD", 200),
            ],
            false,
        ),
    ];
    for (groups, counts) in cases {
        let build = || {
            society(
                Norm::STERN_JUDGING,
                Institution::Public,
                0.05,
                0.05,
                &groups,
            )
        };
        let (mut whole, mut stepped) = (build(), build());
        let (mut whole_rng, mut stepped_rng) =
            (Pcg64Mcg::seed_from_u64(8), Pcg64Mcg::seed_from_u64(8));
        // Two runs, so that the second adds its counts to earlier totals.
        for steps in [30_000, 50_000] {
            whole.run(steps, &mut whole_rng);
            for _ in 0..steps {
                stepped.step(&mut stepped_rng);
            }
            assert_eq!(whole.tallies(), stepped.tallies(), "{groups:?}");
            assert_eq!(whole.counters(), stepped.counters(), "{groups:?}");
            assert_eq!(whole.good_share(), stepped.good_share(), "{groups:?}");
        }
        // The counts are allocated only by a run that counts.
        assert_eq!(
            whole.state_bytes() > stepped.state_bytes(),
            counts,
            "{groups:?}"
        );
        // A short run (fewer steps than counts) credits one by one.
        let before = whole.tallies().to_vec();
        whole.run(10, &mut whole_rng);
        for _ in 0..10 {
            stepped.step(&mut stepped_rng);
        }
        assert_eq!(whole.tallies(), stepped.tallies(), "{groups:?}");
        assert_ne!(whole.tallies(), &before[..]);
    }
}

#[test]
fn memory_is_linear_in_z_public_and_z_squared_bits_private() {
    let build = |institution, size| {
        let params = SocietyParams::new(Norm::STERN_JUDGING, institution, 1.0, 0.0, 0.0).unwrap();
        Society::new(
            params,
            &DonationGame::with_defaults(2.0, 1.0).unwrap(),
            &[Group::new("Discriminator", size)],
        )
        .unwrap()
    };
    let mut small = build(Institution::Public, 1_000);
    let mut large = build(Institution::Public, 10_000);
    assert_eq!(large.state_bytes(), 10 * small.state_bytes());
    // A long run adds its per-state encounter counts: still linear in Z.
    let fresh = large.state_bytes();
    small.run(20_000, &mut Pcg64Mcg::seed_from_u64(2));
    large.run(20_000, &mut Pcg64Mcg::seed_from_u64(2));
    assert_eq!(large.state_bytes(), 10 * small.state_bytes());
    assert!(large.state_bytes() <= fresh + 16 * 10_000);
    assert_eq!(large.standings_bytes(), 10_000);
    // Z = 10,000 under private assessment: the image matrix is Z^2 bits
    // (each row rounded up to whole 64-bit words) and everything else the
    // public society's per-state memory.
    let private = build(Institution::Private, 10_000);
    let exact = 10_000 * 10_000 / 8;
    assert!(private.standings_bytes() >= exact);
    assert!(private.standings_bytes() <= exact + 8 * 10_000);
    assert_eq!(
        private.state_bytes() - private.standings_bytes(),
        fresh - large.standings_bytes()
    );
    assert!(
        private.state_bytes() < 100_000_000,
        "{}",
        private.state_bytes()
    );
}

/// The rare-invader anchor against numbers worked out by hand: stern
/// judging, discriminators, e = 0.02, mu = 0.01, so a = 0.98 * 0.99 +
/// 0.02 * 0.01 = 0.9704, g* = 0.99 / (2 - a - mu) = 0.970969; ALLD is
/// good after D to a bad recipient, h = g* mu + (1 - g*)(1 - mu) =
/// 0.038450; it receives (1 - e) h and gives nothing, a resident gives and
/// receives (1 - e) g*. With one ALLD among 99 discriminators under image
/// scoring (a = 0.9704 too, g* = mu / (1 - a + mu) = 0.252525), a
/// resident's recipient is good with probability (98/99) g + (1/99) mu, so
/// g = mu + (a - mu)[(98/99) g + mu/99] = 0.204803.
#[test]
fn rare_and_single_invaders_match_the_hand_worked_standings() {
    let alld = |_: twolevel_game::Standing, _: twolevel_game::Standing| Action::D;
    let sj = StandingDynamics::discriminators(Norm::STERN_JUDGING, 0.02, 0.01).unwrap();
    let rare = sj.rare_invader(alld);
    let g = 0.99 / (2.0 - 0.9704 - 0.01);
    let h = g * 0.01 + (1.0 - g) * 0.99;
    assert!((rare.resident_good_share - g).abs() < 1e-9, "{rare:?}");
    assert!((rare.invader_good_share - h).abs() < 1e-9, "{rare:?}");
    assert!((rare.invader_receives - 0.98 * h).abs() < 1e-9);
    assert!(rare.invader_gives.abs() < 1e-15);
    assert!((rare.resident_gives - 0.98 * g).abs() < 1e-9);
    let advantage = 2.0 * 0.98 * (h - g) + 0.98 * g;
    assert!((rare.advantage(2.0, 1.0) - advantage).abs() < 1e-9);
    // Resisted above b/c = g / (g - h) = 1.0413.
    let ratio = rare.break_even_ratio().unwrap();
    assert!((ratio - g / (g - h)).abs() < 1e-9, "{ratio}");

    let is = StandingDynamics::discriminators(Norm::IMAGE_SCORING, 0.02, 0.01).unwrap();
    assert!((is.rare_invader(alld).resident_good_share - 0.01 / 0.0396).abs() < 1e-9);
    let one = is.one_invader(100, alld);
    let (a, mu, s) = (0.9704, 0.01, 1.0 / 99.0);
    let g = (mu + (a - mu) * s * mu) / (1.0 - (a - mu) * (1.0 - s));
    assert!((one.resident_good_share - g).abs() < 1e-9, "{one:?} {g}");
    assert!((one.resident_good_share - 0.204803).abs() < 1e-6);
}
