//! Plays many 200-turn matches of Tit For Tat against Win-Stay Lose-Shift,
//! for counting instructions per turn with a tool such as callgrind.
//!
//! ```text
//! match_loop KIND MATCHES
//! ```
//!
//! `KIND` is `static` (the classic game: w = 0, pi = 0, no noise) or
//! `dynamic` (the default two-level game with dynamic politicization from
//! pi = 0.5, so that the stage table changes every round). Running it with
//! two numbers of matches and dividing the difference in instructions by
//! the difference in turns gives the cost of a turn without the set-up;
//! `benches/README.md` shows the commands.

use std::hint::black_box;
use std::process::ExitCode;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::{
    Horizon, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
};
use twolevel::strategies::TitForTat;
use twolevel::strategies::classic::WinStayLoseShift;
use twolevel::tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

/// The match configuration of `kind`, or `None` for an unknown kind.
fn config(kind: &str) -> Option<MatchConfig> {
    match kind {
        "static" => MatchConfig::classic(200).ok(),
        "dynamic" => {
            let initial = Politicization::new(0.5).ok()?;
            let config = MatchConfig::new(TwoLevelGame::default(), Horizon::AXELROD_FIRST).ok()?;
            Some(config.with_politics(Politics::Dynamic {
                initial,
                dynamics: PoliticizationDynamics::DEFAULT,
            }))
        }
        _ => None,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: match_loop (static|dynamic) MATCHES";
    let (Some(config), Some(matches)) = (
        args.get(1).and_then(|kind| config(kind)),
        args.get(2).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    };
    let mut first: Box<dyn Strategy> = Box::new(TitForTat);
    let mut second: Box<dyn Strategy> = Box::new(WinStayLoseShift);
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let mut total = 0.0;
    for _ in 0..matches {
        let result = play_match(
            black_box(&config),
            [first.as_mut(), second.as_mut()],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut rng,
        );
        total += black_box(result).players[0].utility;
    }
    println!("{matches} matches, total utility of the first player {total}");
    ExitCode::SUCCESS
}
