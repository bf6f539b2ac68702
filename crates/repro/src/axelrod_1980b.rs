//! Axelrod (1980b), "More effective choice in the prisoner's dilemma",
//! Journal of Conflict Resolution 24(3): 379-403: the second tournament's
//! published ranking beside ours, with all 63 entries translated from
//! Axelrod's own Fortran (`twolevel_strategies::second`).
//!
//! The set-up is the shipped `tournaments/axelrod-second-full.ron`: the 63
//! entries, a next move with probability 0.99654 (Axelrod's shadow of the
//! future), five repetitions of every match, self-play, R, S, T, P = 3, 0,
//! 5, 1, the two-level game switched off (so every score is the classic
//! payoff, in policy payoff). The published ranking is
//! [`PUBLISHED_RANKING`]; the paper's per-entry scores are not transcribed
//! there, so the comparison is by rank (Spearman's rho and the mean
//! absolute difference of the ranks), and by Tit For Tat's score against
//! each entry, which Axelrod's test driver records (`ActualTFTTourSc`).

use twolevel_strategies::second::PUBLISHED_RANKING;
use twolevel_tournament::Tournament;
use twolevel_tournament::config::{PresetCatalog, shipped_tournament};
use twolevel_tournament::seeding::derive_seed;

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "axelrod-1980b",
    paper: "Axelrod, R. (1980b). More effective choice in the prisoner's dilemma. Journal of Conflict Resolution 24(3), 379-403.",
    claim: "Tit For Tat (Rapoport's entry) wins the second tournament of 63 entries again; the published ranking is recovered.",
    default_seed: 1980,
    runner: run,
};

/// The mean length of Axelrod's five games (63, 77, 151, 156 and 308
/// moves), which turns his score per game into a score per move.
const AXELROD_MEAN_GAME: f64 = 151.0;

/// The smallest Spearman's rho for which the order counts as
/// recovered (the same bar as the first tournament's entry).
const RHO_BAR: f64 = 0.9;

/// Our results of one tournament, in the order of [`PUBLISHED_RANKING`]:
/// `(rank, score per move, Tit For Tat's score per move against the entry)`.
fn play_once(
    tournament: &Tournament,
    repetitions: u32,
    seed: u64,
) -> Result<Vec<(usize, f64, f64)>, ReproError> {
    let results = tournament
        .round_robin
        .clone()
        .with_repetitions(repetitions)?
        .with_seed(seed)
        .play();
    let tit_for_tat = PUBLISHED_RANKING[0].name;
    PUBLISHED_RANKING
        .iter()
        .map(|entry| {
            let missing = |name: &str| {
                twolevel_game::ParameterError::new(
                    "players",
                    format!("the tournament has no entry named `{name}`"),
                )
            };
            let player = results
                .player(entry.name)
                .ok_or_else(|| missing(entry.name))?;
            let against = results
                .matchup(tit_for_tat, entry.name)
                .ok_or_else(|| missing(tit_for_tat))?;
            Ok((player.rank(), player.score(), against.payoff.policy))
        })
        .collect()
}

/// Runs the second tournament: the shipped file (five repetitions)
/// replicated from derived seeds, 5 times at full size; at quick size one
/// tournament of one repetition (all 63 entries, a few seconds). Our score
/// of an entry is its mean policy payoff per move over the replications;
/// its rank is that of the mean score (1 + the number of entries with a
/// higher one); the spread of Tit For Tat's rank over the replications is
/// reported.
fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let text = shipped_tournament("axelrod-second-full").ok_or_else(|| {
        twolevel_game::ParameterError::new("axelrod-second-full", "the shipped file is missing")
    })?;
    let tournament = Tournament::from_ron(
        text,
        "<embedded tournaments/axelrod-second-full.ron>",
        &PresetCatalog::builtin()?,
    )?;
    let (replications, repetitions): (u64, u32) = size.pick((1, 1), (5, 5));
    let n = PUBLISHED_RANKING.len();
    let (mut scores, mut tft_against) = (vec![0.0; n], vec![0.0; n]);
    let (mut tft_ranks, mut tft_first) = (Vec::new(), 0_u32);
    for replication in 0..replications {
        let ours = play_once(&tournament, repetitions, derive_seed(seed, &[replication]))?;
        for (k, (_, score, against)) in ours.iter().enumerate() {
            scores[k] += score / replications as f64;
            tft_against[k] += against / replications as f64;
        }
        tft_ranks.push(ours[0].0 as f64);
        tft_first += u32::from(ours[0].0 == 1);
    }
    let ranks: Vec<f64> = scores
        .iter()
        .map(|s| 1.0 + scores.iter().filter(|o| *o > s).count() as f64)
        .collect();
    let published: Vec<f64> = PUBLISHED_RANKING
        .iter()
        .map(|e| f64::from(e.rank))
        .collect();
    let published_tft: Vec<f64> = PUBLISHED_RANKING
        .iter()
        .map(|e| f64::from(e.tit_for_tat_score) / AXELROD_MEAN_GAME)
        .collect();

    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut table = Table::new(
        "ranking",
        &format!(
            "Axelrod (1980b): the published ranking of the second tournament beside ours (mean over {replications} replication(s) of {repetitions} repetition(s), delta = 0.99654): our score is the mean payoff per move, and Tit For Tat's score against each entry is per move (Axelrod's: his mean per game over 151 moves), all in policy payoff (Axelrod's points)."
        ),
        &[
            "published rank",
            "entry",
            "Fortran",
            "author",
            "our rank",
            "our score",
            "rank difference",
            "TFT against it, published",
            "TFT against it, ours",
        ],
    );
    for (k, entry) in PUBLISHED_RANKING.iter().enumerate() {
        table.push(vec![
            entry.rank.to_string(),
            entry.name.to_owned(),
            entry.fortran.to_owned(),
            entry.author.to_owned(),
            fmt(ranks[k], 0),
            fmt(scores[k], 3),
            fmt(ranks[k] - published[k], 0),
            fmt(published_tft[k], 3),
            fmt(tft_against[k], 3),
        ]);
    }
    outcome.tables.push(table);

    // Ranks against ranks: our rank is 1 for the best, as the published.
    let rho = crate::spearman_rho(&published, &ranks).unwrap_or(f64::NAN);
    let rank_mad = crate::mean_absolute_error(&published, &ranks).unwrap_or(f64::NAN);
    let tft_mae = crate::mean_absolute_error(&published_tft, &tft_against).unwrap_or(f64::NAN);
    let top_ten_ours = ranks[..10].iter().filter(|r| **r <= 10.0).count();
    outcome.checks.push(Check::new(
        "Tit For Tat (Rapoport's entry) ranks first (Axelrod 1980b)",
        ranks[0] == 1.0,
        &[
            ("tit_for_tat_rank", ranks[0]),
            ("tit_for_tat_score", scores[0]),
            ("replications_won_by_tit_for_tat", f64::from(tft_first)),
            (
                "best_tit_for_tat_rank",
                tft_ranks.iter().copied().fold(f64::INFINITY, f64::min),
            ),
            (
                "worst_tit_for_tat_rank",
                tft_ranks.iter().copied().fold(0.0, f64::max),
            ),
        ],
    ));
    outcome.checks.push(Check::new(
        format!(
            "The published order is recovered closely: Spearman's rho of the published and our ranks at least {RHO_BAR}"
        ),
        rho >= RHO_BAR,
        &[
            ("spearman_rho", rho),
            ("mean_absolute_rank_difference", rank_mad),
            ("published_top_ten_in_our_top_ten", top_ten_ours as f64),
        ],
    ));
    outcome.checks.push(Check::new(
        "Tit For Tat's score against each entry matches Axelrod's record within 0.1 points a move on average",
        tft_mae <= 0.1,
        &[("tit_for_tat_against_mean_absolute_error", tft_mae)],
    ));
    outcome.figures.push(Figure::Bars {
        name: "ranks".to_owned(),
        title: "Axelrod 1980b: our rank minus the published rank".to_owned(),
        axis: "rank, ours - published (by mean policy payoff per move)".to_owned(),
        names: PUBLISHED_RANKING
            .iter()
            .map(|e| e.name.trim_start_matches("Second by ").to_owned())
            .collect(),
        values: ranks.iter().zip(&published).map(|(o, p)| o - p).collect(),
    });
    Ok(outcome)
}
