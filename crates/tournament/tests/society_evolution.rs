//! Evolution of action rules in a society by pairwise comparison.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Currency, Norm};
use twolevel_tournament::society::{
    DonationGame, Group, Institution, RuleEvolution, Society, SocietyParams,
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
    let discriminators = evolve(Norm::STERN_JUDGING, ["Discriminator", "ALLD"], 1);
    let last = discriminators.last().unwrap();
    assert!(last[0] >= 35, "{last:?}");
    let cooperators = evolve(Norm::STERN_JUDGING, ["ALLC", "ALLD"], 1);
    let last = cooperators.last().unwrap();
    assert!(last[1] >= 35, "{last:?}");
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
