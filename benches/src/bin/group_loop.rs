//! Runs the regime tournament or the society of the criterion benches
//! `regimes.rs` and `society.rs`, for counting instructions with a tool
//! such as callgrind and for timing by CPU time.
//!
//! ```text
//! group_loop regimes REPETITIONS
//! group_loop society STEPS
//! ```
//!
//! `regimes` plays the bench's regime tournament (6 strategies in groups of
//! 10, all 3,003 compositions, 200 rounds, action noise 0.01, one thread)
//! with `REPETITIONS` repetitions; `society` runs `STEPS` donor-recipient
//! interactions in the bench's public-assessment society (Z = 10,000
//! discriminators, stern judging, q = 1, e = mu = 0.02). Each prints a
//! checksum of its results, so that a faster build can be checked for
//! identical results; `benches/README.md` shows the commands.

use std::process::ExitCode;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::{Norm, ParameterError};
use twolevel::prelude::*;
use twolevel::strategies::regime::{
    ConditionalCooperator, MfnFreeRider, RegimeCooperator, RegimeDefector, RegimeGearShifting,
    RegimeReciprocity,
};
use twolevel::tournament::regime::RegimeTournament;
use twolevel::tournament::society::{DonationGame, Group, Institution, Society, SocietyParams};

/// The bench's regime tournament with `repetitions` repetitions; prints
/// the welfare, the success rate and the first entrant's utility.
fn regimes(repetitions: u32) -> Result<(), ParameterError> {
    let game = GroupGame::new(10, GroupPolicy::public_goods(3.0, 1.0))?;
    let config = RegimeConfig::new(game, Horizon::fixed(200)?).with_action_noise(0.01)?;
    let entrants: Vec<RegimeMember> = vec![
        RegimeMember::new(Box::new(RegimeCooperator)),
        RegimeMember::new(Box::new(RegimeDefector)),
        RegimeMember::new(Box::new(ConditionalCooperator::new(5))),
        RegimeMember::new(Box::new(RegimeReciprocity::new(1.0, 0.9)?)),
        RegimeMember::new(Box::new(RegimeGearShifting::default())),
        RegimeMember::new(Box::new(MfnFreeRider::default())),
    ];
    let results = RegimeTournament::new(config, entrants)?
        .with_repetitions(repetitions)?
        .with_max_compositions(3_003)?
        .with_parallel(false)
        .play();
    let utilities: Vec<f64> = results
        .standings
        .iter()
        .map(|s| s.scores[Currency::Utility])
        .collect();
    println!(
        "welfare {:e} success {:e} utilities {utilities:?}",
        results.welfare, results.success_rate
    );
    Ok(())
}

/// The bench's public-assessment society run for `steps` interactions;
/// prints its counters and the first state's payoff.
fn society(steps: u64) -> Result<(), ParameterError> {
    let params = SocietyParams::new(Norm::STERN_JUDGING, Institution::Public, 1.0, 0.02, 0.02)?;
    let game = DonationGame::with_defaults(2.0, 1.0)?;
    let mut society = Society::new(params, &game, &[Group::new("Discriminator", 10_000)])?;
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let counters = society.run(steps, &mut rng);
    println!(
        "{counters:?} first state {:e}",
        society.mean_payoff(0, Currency::Utility)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let outcome = match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("regimes"), Some(n)) => n.parse().ok().map(regimes),
        (Some("society"), Some(n)) => n.parse().ok().map(society),
        _ => None,
    };
    match outcome {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err(error)) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("usage: group_loop (regimes REPETITIONS | society STEPS)");
            ExitCode::FAILURE
        }
    }
}
