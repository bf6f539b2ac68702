//! Keohane's first pitfall of specific reciprocity, "parties evaluating
//! equivalence in biased ways": the `bias` of the ledger reciprocators.
//! With a bias of zero they decide exactly as the unbiased construction;
//! with a bias they see an even exchange as the partner's debt.

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, PayoffMatrix, Situation, Strategy, View};
use twolevel_strategies::ledger::Valuation;
use twolevel_strategies::registry::{StrategyError, StrategySpec, build};
use twolevel_strategies::{DiffuseReciprocity, GearShifting, GearShiftingParams};

/// The moves of `player` against a partner that cooperates with
/// probability `p`, drawn from `seed`.
fn moves(player: &mut dyn Strategy, seed: u64, p: f64, turns: usize) -> Vec<Action> {
    let mut world = Pcg64Mcg::seed_from_u64(seed);
    let mut rng = Pcg64Mcg::seed_from_u64(seed ^ 0x5eed);
    let situation = Situation::classic(PayoffMatrix::AXELROD);
    let (mut own, mut partner) = (Vec::new(), Vec::new());
    for _ in 0..turns {
        let chosen = player.decide(&View::new(&own, &partner, &situation), &mut rng);
        own.push(chosen);
        partner.push(if world.random::<f64>() < p {
            Action::C
        } else {
            Action::D
        });
    }
    own
}

#[test]
fn a_bias_of_zero_decides_as_the_unbiased_construction() {
    for seed in 0..200 {
        let p = [0.3, 0.6, 0.8, 0.95][seed as usize % 4];
        for valuation in [Valuation::Counts, Valuation::Payoffs] {
            let name = match valuation {
                Valuation::Counts => "counts",
                Valuation::Payoffs => "payoffs",
            };
            let spec = StrategySpec::new("Diffuse Reciprocity")
                .with("tolerance", 1.0)
                .with("lambda", 0.8)
                .with("valuation", name)
                .with("bias", 0.0);
            let mut built = build(&spec).unwrap();
            let mut plain = DiffuseReciprocity::new(1.0, 0.8, valuation).unwrap();
            assert_eq!(
                moves(built.as_mut(), seed, p, 120),
                moves(&mut plain, seed, p, 120),
                "seed {seed}"
            );
            let mut zero = DiffuseReciprocity::new(1.0, 0.8, valuation)
                .unwrap()
                .with_bias(0.0)
                .unwrap();
            moves(&mut zero, seed, p, 120);
            moves(&mut plain, seed, p, 120);
            assert_eq!(zero.balance().to_bits(), plain.balance().to_bits());
        }
        let mut gear = build(&StrategySpec::new("Gear Shifting").with("bias", 0.0)).unwrap();
        let mut plain = GearShifting::new(GearShiftingParams::default()).unwrap();
        assert_eq!(
            moves(gear.as_mut(), seed, p, 120),
            moves(&mut plain, seed, p, 120)
        );
    }
}

#[test]
fn a_biased_ledger_sees_an_even_exchange_as_the_partners_debt() {
    // Tolerance 0, lambda 1: specific reciprocity. Unbiased, an
    // alternation C D C D ... balances; with bias 0.5 each of its own
    // cooperations counts 1.5 and the partner's 2/3, so after the partner's
    // defection and its own answer the debt stays and it defects on.
    let mut fair = DiffuseReciprocity::new(0.0, 1.0, Valuation::Counts).unwrap();
    let mut biased = fair.clone().with_bias(0.5).unwrap();
    assert_eq!(biased.bias(), 0.5);
    let seq = |turns: usize| -> Vec<Action> {
        (0..turns)
            .map(|t| if t % 2 == 0 { Action::D } else { Action::C })
            .collect()
    };
    let partner = seq(6);
    let situation = Situation::classic(PayoffMatrix::AXELROD);
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for t in 0..6 {
        a.push(fair.decide(&View::new(&a, &partner[..t], &situation), &mut rng));
        b.push(biased.decide(&View::new(&b, &partner[..t], &situation), &mut rng));
    }
    let letters = |v: &[Action]| -> String {
        v.iter()
            .map(|a| if a.is_cooperation() { 'C' } else { 'D' })
            .collect()
    };
    // The fair one plays tit for tat; the biased one, after being cheated
    // once (balance 1.5), needs more than the partner's 2/3 per cooperation.
    assert_eq!(letters(&a), "CDCDCD");
    assert_eq!(letters(&b), "CDDDDD");
}

#[test]
fn a_negative_or_infinite_bias_names_the_field() {
    for bad in [-0.1, f64::INFINITY, f64::NAN] {
        for name in ["Diffuse Reciprocity", "Gear Shifting"] {
            match build(&StrategySpec::new(name).with("bias", bad)) {
                Err(StrategyError::InvalidParameter { param, .. }) => assert_eq!(param, "bias"),
                other => panic!("{name} with bias {bad}: {other:?}"),
            }
        }
        assert_eq!(
            DiffuseReciprocity::default()
                .with_bias(bad)
                .unwrap_err()
                .field,
            "bias"
        );
    }
}
