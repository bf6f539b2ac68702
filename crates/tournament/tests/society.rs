//! The society engine against its analytic anchor (public assessment), and
//! the known qualitative results of indirect reciprocity.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Currency, Norm, Orientation, Politicization};
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
        counters.actions += block.actions;
        counters.cooperations += block.cooperations;
        counters.good_share_sum += block.good_share_sum;
        counters.steps += block.steps;
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

#[test]
fn image_scoring_collapses_under_errors_while_stern_judging_and_simple_standing_hold() {
    let (e, mu) = (0.05, 0.05);
    let rate = |norm| {
        let mut society = society(
            norm,
            Institution::Public,
            e,
            mu,
            &[Group::new("Discriminator", 200)],
        );
        measure(&mut society, 20_000, 400_000, 3)
            .0
            .cooperation_rate()
    };
    let (stern, simple, image) = (
        rate(Norm::STERN_JUDGING),
        rate(Norm::SIMPLE_STANDING),
        rate(Norm::IMAGE_SCORING),
    );
    assert!(stern > 0.8 && simple > 0.8, "{stern} {simple}");
    assert!(image < 0.4, "{image}");
}

#[test]
fn private_assessment_lowers_cooperation() {
    let (e, mu) = (0.02, 0.02);
    let rate = |institution| {
        let mut society = society(
            Norm::STERN_JUDGING,
            institution,
            e,
            mu,
            &[Group::new("Discriminator", 60)],
        );
        measure(&mut society, 30_000, 200_000, 9)
            .0
            .cooperation_rate()
    };
    let (public, private) = (rate(Institution::Public), rate(Institution::Private));
    assert!(public > 0.9, "{public}");
    assert!(private < public - 0.2, "public {public}, private {private}");
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
        assert_eq!(a.totals(), b.totals());
        assert_eq!(a.counters(), b.counters());
        // The politicized discriminators' currencies differ; ALLD's policy
        // payoff is what it received.
        let politician = a.totals()[0];
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
