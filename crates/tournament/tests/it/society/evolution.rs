//! Evolution of action rules in a society by pairwise comparison.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Currency, Norm, Standing};
use twolevel_tournament::society::{
    DonationGame, Group, Institution, RuleEvolution, Society, SocietyParams, Trait,
};

fn evolve(norm: Norm, rules: [&str; 2], seed: u64) -> Vec<Vec<u32>> {
    let params = SocietyParams::new(norm, Institution::Public, 1.0, 0.01, 0.01).unwrap();
    let game = DonationGame::with_defaults(4.0, 1.0).unwrap();
    let groups = [Group::new(rules[0], 20), Group::new(rules[1], 20)];
    let mut society = Society::new(params, &game, &groups).unwrap();
    let evolution = RuleEvolution::new(2.0, 0.0, 800, Currency::Policy).unwrap();
    evolution.run(&mut society, 600, &mut Pcg64Mcg::seed_from_u64(seed))
}

#[test]
fn discriminators_under_stern_judging_beat_defectors_and_defectors_beat_cooperators() {
    for seed in [1, 2, 3] {
        let discriminators = evolve(Norm::STERN_JUDGING, ["Discriminator", "ALLD"], seed);
        let last = discriminators.last().unwrap();
        assert!(last[0] >= 35, "seed {seed}: {last:?}");
        let cooperators = evolve(Norm::STERN_JUDGING, ["ALLC", "ALLD"], seed);
        let last = cooperators.last().unwrap();
        assert!(last[1] >= 35, "seed {seed}: {last:?}");
    }
}

#[test]
fn evolution_is_deterministic_and_mutation_is_validated() {
    assert_eq!(
        evolve(Norm::SIMPLE_STANDING, ["Discriminator", "ALLC"], 3),
        evolve(Norm::SIMPLE_STANDING, ["Discriminator", "ALLC"], 3)
    );
    let error = RuleEvolution::new(1.0, 2.0, 10, Currency::Policy).unwrap_err();
    assert_eq!(error.field, "mutation");
    let error = RuleEvolution::new(1.0, 0.1, 0, Currency::Policy).unwrap_err();
    assert_eq!(error.field, "steps_per_generation");
}

/// Discriminators under private assessment, half judging by stern judging
/// and half by `other`, whose norms evolve.
fn evolve_norms(other: Norm, seed: u64, currency: Currency) -> Vec<Vec<u32>> {
    let params =
        SocietyParams::new(Norm::STERN_JUDGING, Institution::Private, 1.0, 0.05, 0.05).unwrap();
    let game = DonationGame::with_defaults(4.0, 1.0).unwrap();
    let groups = [
        Group::new("Discriminator", 20),
        Group::new("Discriminator", 20).with_norm(other),
    ];
    let mut society = Society::new(params, &game, &groups).unwrap();
    assert_eq!(society.norms(), [Norm::STERN_JUDGING, other]);
    let evolution = RuleEvolution::new(2.0, 0.0, 400, currency)
        .unwrap()
        .evolving(Trait::Norm);
    evolution.run(&mut society, 800, &mut Pcg64Mcg::seed_from_u64(seed))
}

#[test]
fn stern_judging_displaces_a_norm_that_judges_everyone_good() {
    // A discriminator that judges everyone good helps everyone, so it pays
    // for helping states that stern judges see as bad, and stern judges
    // then see it as bad (C to bad is bad) and refuse it: its norm earns
    // less and is imitated away, on every seed.
    let lenient = Norm::from_fn(|_, _, _| Standing::Good);
    for seed in [1, 2, 3] {
        let history = evolve_norms(lenient, seed, Currency::Policy);
        let last = history.last().unwrap();
        assert_eq!(last.iter().sum::<u32>(), 40);
        assert!(last[0] >= 35, "seed {seed}: {last:?}");
        // The history counts the norms, from 20 and 20.
        assert_eq!(history[0], [20, 20]);
    }
    assert_eq!(
        evolve_norms(lenient, 4, Currency::Utility),
        evolve_norms(lenient, 4, Currency::Utility)
    );
}
