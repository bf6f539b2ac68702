//! Plays many 200-turn matches of Tit For Tat against Win-Stay Lose-Shift,
//! for counting instructions per turn with a tool such as callgrind.
//!
//! ```text
//! match_loop KIND MATCHES [TURNS [window]]
//! ```
//!
//! `KIND` is `static` (the classic game: w = 0, pi = 0, no noise),
//! `dynamic` (the default two-level game with dynamic politicization from
//! pi = 0.5, so that the stage table changes every round), or `arenas`
//! and `arenas_webs`: the dynamic match with a domestic arena of 10
//! actors in each state ([`ten_actor_arenas`], played by
//! `play_arena_match` with a record that keeps every round). `TURNS` is the
//! length of a match (200 by default; a dynamic match keeps its horizon
//! of 200 turns unless `TURNS` is given); with `window` the matches are
//! played with [`MatchBuffers::without_moves`], so that a match longer than
//! the window (4,096 moves for these memory-one players) keeps only its
//! last moves instead of all of them. Running it with
//! two numbers of matches and dividing the difference in instructions by
//! the difference in turns gives the cost of a turn without the set-up;
//! `benches/README.md` shows the commands.

use std::hint::black_box;
use std::process::ExitCode;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::{
    Horizon, PayoffMatrix, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
};
use twolevel::strategies::TitForTat;
use twolevel::strategies::classic::WinStayLoseShift;
use twolevel::tournament::{
    ArenaRecord, MatchBuffers, MatchConfig, PlayerSettings, play_arena_match, play_match,
};
use twolevel_benches::ten_actor_arenas;

/// The match configuration of `kind` with matches of `turns` rounds
/// (Axelrod's first tournament's 200 when `None`), or `None` for an
/// unknown kind or an invalid length.
fn config(kind: &str, turns: Option<u32>) -> Option<MatchConfig> {
    let horizon = match turns {
        Some(turns) => Horizon::fixed(turns).ok()?,
        None => Horizon::AXELROD_FIRST,
    };
    match kind {
        "static" => MatchConfig::new(TwoLevelGame::classic(PayoffMatrix::AXELROD), horizon).ok(),
        "dynamic" | "arenas" | "arenas_webs" => {
            let initial = Politicization::new(0.5).ok()?;
            let config = MatchConfig::new(TwoLevelGame::default(), horizon).ok()?;
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
    let usage = "usage: match_loop (static|dynamic|arenas|arenas_webs) MATCHES [TURNS [window]]";
    let turns = match args.get(3).map(|n| n.parse::<u32>()) {
        None => None,
        Some(Ok(turns)) => Some(turns),
        Some(Err(_)) => {
            eprintln!("{usage}");
            return ExitCode::FAILURE;
        }
    };
    let windowed = match args.get(4).map(String::as_str) {
        None => false,
        Some("window") => true,
        Some(_) => {
            eprintln!("{usage}");
            return ExitCode::FAILURE;
        }
    };
    let (Some(config), Some(matches)) = (
        args.get(1).and_then(|kind| config(kind, turns)),
        args.get(2).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    };
    let mut first: Box<dyn Strategy> = Box::new(TitForTat);
    let mut second: Box<dyn Strategy> = Box::new(WinStayLoseShift);
    let mut buffers = if windowed {
        MatchBuffers::without_moves()
    } else {
        MatchBuffers::new()
    };
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let mut total = 0.0;
    let kind = args[1].as_str();
    let domestic = kind
        .starts_with("arenas")
        .then(|| ten_actor_arenas(kind == "arenas_webs"));
    let mut record = ArenaRecord::new();
    for _ in 0..matches {
        let players = [first.as_mut(), second.as_mut()];
        let settings = &[PlayerSettings::POLICY; 2];
        let result = match &domestic {
            None => play_match(
                black_box(&config),
                players,
                settings,
                &mut buffers,
                &mut rng,
            ),
            Some(domestic) => play_arena_match(
                black_box(&config),
                players,
                settings,
                domestic,
                [0, 1],
                &mut buffers,
                &mut record,
                &mut rng,
            ),
        };
        total += black_box(result).players[0].utility;
    }
    println!("{matches} matches, total utility of the first player {total}");
    ExitCode::SUCCESS
}
