//! Contrite Tit For Tat against `axelrod` 4.14 under noise: replaying the
//! moves as played, it must choose the same moves as the Python player did
//! before noise flipped them. The fixture is made by `scripts/gen_contrite_fixture.py`.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{PayoffMatrix, Situation, Strategy, View};
use twolevel_strategies::ContriteTitForTat;
use twolevel_strategies::testing::{moves_to_string, parse_moves};

const FIXTURE: &str = include_str!("../../fixtures/contrite_fixture.txt");

#[test]
fn chooses_the_moves_axelrod_chose_under_noise() {
    let payoffs = PayoffMatrix::AXELROD;
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    let mut player = ContriteTitForTat::default();
    let mut lines = FIXTURE.lines().filter(|l| !l.starts_with('#'));
    let mut cases = 0;
    let mut flipped_cases = 0;
    while let Some(header) = lines.next() {
        let mut next = || parse_moves(lines.next().expect("three lines per case"));
        let (actual, intended, partner) = (next(), next(), next());
        assert_eq!(actual.len(), intended.len(), "{header}");
        let chosen: Vec<_> = (0..actual.len())
            .map(|turn| {
                let situation = Situation::classic(payoffs);
                let view = View::new(&actual[..turn], &partner[..turn], &situation);
                player.decide(&view, &mut rng)
            })
            .collect();
        assert_eq!(
            moves_to_string(&chosen),
            moves_to_string(&intended),
            "{header}"
        );
        cases += 1;
        flipped_cases += usize::from(actual != intended);
    }
    assert_eq!(cases, 45);
    assert!(flipped_cases > 30, "{flipped_cases}");
}
