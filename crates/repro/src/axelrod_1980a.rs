//! Axelrod (1980a), "Effective choice in the prisoner's dilemma", Journal
//! of Conflict Resolution 24(1): 3-25, Table 2: the first tournament's
//! ranking and mean scores beside ours.
//!
//! The set-up is the shipped `tournaments/axelrod-first.ron`: the fourteen
//! entries and RANDOM, 200 rounds, five repetitions, self-play, R, S, T,
//! P = 3, 0, 5, 1, the two-level game switched off (so every score is the
//! classic payoff, in policy payoff). The strategies are the `axelrod`
//! library's reading of Axelrod's descriptions (`First by ...`), which
//! twolevel matches move for move. Axelrod's score is a program's mean
//! total over its 15 games of 200 rounds, the game against its own twin
//! included (the published matrix's rows average to Table 2's scores only
//! with that game); ours is the same mean of our matrix row (policy payoff
//! per round times 200). The tournament's own ranking, like the `axelrod`
//! library's, leaves the self-game out of the score; that score is shown
//! beside it.
//!
//! A second, sourced variant plays the same tournament (same seeds) with
//! [`DESCRIPTION_VARIANTS`] swapped in: Nydegger and Graaskamp as
//! Axelrod's Fortran keeps their first-tournament programs, Downing's
//! revised Fortran with the 1980 start. The `pairs` table sets the cells
//! of the published tournament matrix we could read ([`PUBLISHED_ROWS`])
//! beside both variants'.

use twolevel_tournament::Tournament;
use twolevel_tournament::config::{PresetCatalog, shipped_tournament};
use twolevel_tournament::seeding::derive_seed;

use crate::{Check, Figure, Outcome, ReproError, Reproduction, Size, Table, fmt};

/// The entry in [`REPRODUCTIONS`](crate::REPRODUCTIONS).
pub const ENTRY: Reproduction = Reproduction {
    name: "axelrod-1980a",
    paper: "Axelrod, R. (1980a). Effective choice in the prisoner's dilemma. Journal of Conflict Resolution 24(1), 3-25, Table 2.",
    claim: "Tit For Tat, the simplest entry, wins the first tournament; the published ranking and mean scores are recovered.",
    default_seed: 1980,
    runner: run,
};

/// Axelrod (1980a), Table 2: rank, the entry's name in our registry, the
/// author as the paper gives it, and the mean score over the 15 games of
/// 200 rounds (policy payoff per game).
pub const PUBLISHED: [(u32, &str, &str, f64); 15] = [
    (1, "Tit For Tat", "Anatol Rapoport", 504.5),
    (
        2,
        "First by Tideman and Chieruzzi",
        "T. Nicolaus Tideman and P. Chieruzzi",
        500.4,
    ),
    (3, "First by Nydegger", "Rudy Nydegger", 485.5),
    (4, "First by Grofman", "Bernard Grofman", 481.9),
    (5, "First by Shubik", "Martin Shubik", 480.7),
    (
        6,
        "First by Stein and Rapoport",
        "William Stein and Amnon Rapoport",
        477.8,
    ),
    (7, "Grudger", "James W. Friedman", 473.4),
    (8, "First by Davis", "Morton Davis", 471.8),
    (9, "First by Graaskamp", "Jim Graaskamp", 400.7),
    (10, "First by Downing", "Leslie Downing", 390.6),
    (11, "First by Feld", "Scott Feld", 327.6),
    (12, "First by Joss", "Johann Joss", 304.4),
    (13, "First by Tullock", "Gordon Tullock", 300.5),
    (14, "First by Anonymous", "(Name withheld)", 282.2),
    (15, "Random", "RANDOM", 276.3),
];

/// Axelrod's tournament matrix as far as its second copy could be read:
/// row `r` is the program at place `r + 1` of [`PUBLISHED`], and its cells
/// are its mean total over its games of 200 rounds against the programs
/// in the order of [`PUBLISHED`] (itself included), policy payoff (the
/// classic payoff). The first four rows are whole; the fifth (Shubik)
/// stops after its thirteenth cell, where the excerpt stops. Transcribed
/// on 2026-12-07 from the matrix of Axelrod's first tournament as
/// re-analysed by Rapoport, Seale and Colman (2015, PLoS ONE 10, e0134128)
/// in the public gist
/// gist.github.com/arnos-stuff/1a664867f2c0a060482c35e6736c485e (read
/// through the `search` tool's excerpt of it; the rows of places 6 to 15
/// were not in it). docs/reproductions.md section 1 gives the provenance.
pub const PUBLISHED_ROWS: [&[f64]; 5] = [
    &[
        600.0, 595.0, 600.0, 600.0, 600.0, 595.0, 600.0, 600.0, 597.0, 597.0, 280.0, 225.0, 279.0,
        359.0, 441.0,
    ],
    &[
        600.0, 596.0, 600.0, 601.0, 600.0, 596.0, 600.0, 600.0, 310.0, 601.0, 271.0, 213.0, 291.0,
        455.0, 573.0,
    ],
    &[
        600.0, 595.0, 600.0, 600.0, 600.0, 595.0, 600.0, 600.0, 433.0, 158.0, 354.0, 374.0, 347.0,
        368.0, 464.0,
    ],
    &[
        600.0, 595.0, 600.0, 600.0, 600.0, 594.0, 600.0, 600.0, 376.0, 309.0, 289.0, 236.0, 305.0,
        426.0, 507.0,
    ],
    &[
        600.0, 595.0, 600.0, 600.0, 600.0, 595.0, 600.0, 600.0, 348.0, 271.0, 274.0, 272.0, 265.0,
    ],
];

/// The rounds of a game, which turn a score per round into a score per game.
const TURNS: f64 = 200.0;

/// The entries whose first-tournament program can be sourced more exactly
/// than the `axelrod` library's reading of Axelrod's (1980a) description:
/// `(the library's entry, the sourced entry)`. Nydegger and Graaskamp are
/// their first-tournament programs as Axelrod's own Fortran keeps them
/// (Axelrod-Python/TourExec: `k57r.f`, "same as round one NYDEGR", and
/// `k78r.f`, "same as round one GRAASKAMP", which calls `grasr.f`),
/// registered as the second-tournament entries that re-used them; Downing
/// is the revised program of the Fortran (`K59R`) with the start Axelrod's
/// 1980 text describes (docs/reproductions.md section 1 says why the other
/// entries have no sourced variant).
pub const DESCRIPTION_VARIANTS: [(&str, &str); 3] = [
    ("First by Nydegger", "Second by Nydegger"),
    ("First by Graaskamp", "Second by Mauk"),
    ("First by Downing", "First by Downing (1980 description)"),
];

/// The entry names of a variant in the order of [`PUBLISHED`]: the
/// library's names, or with every [`DESCRIPTION_VARIANTS`] entry swapped.
fn variant_names(description: bool) -> Vec<&'static str> {
    PUBLISHED
        .iter()
        .map(|p| {
            DESCRIPTION_VARIANTS
                .iter()
                .find(|(library, _)| description && *library == p.1)
                .map_or(p.1, |(_, original)| *original)
        })
        .collect()
}

/// The tournament file of a variant: the shipped file, with each
/// [`DESCRIPTION_VARIANTS`] entry's player swapped for the 1980 one.
fn variant_text(shipped: &str, description: bool) -> String {
    let mut text = shipped.to_owned();
    if description {
        for (library, original) in DESCRIPTION_VARIANTS {
            text = text.replace(
                &format!("Inline(name: \"{library}\", strategy: (name: \"{library}\"))"),
                &format!("Inline(name: \"{original}\", strategy: (name: \"{original}\"))"),
            );
        }
    }
    text
}

/// One tournament of a variant: `(name, rank, score per game, score per
/// game without the self-game)` for each entry in the order of
/// [`PUBLISHED`], and our whole matrix (row `i`, column `j`: entry `i`'s
/// mean total per game against entry `j`, policy payoff). The score is
/// Axelrod's: the mean of the entry's row over all fifteen partners, its
/// own twin included (the published matrix's rows average to Table 2 only
/// with the self-game); the rank is that of the score. The tournament's
/// own ranking, like the `axelrod` library's, leaves the self-game out of
/// the score: that score is kept beside it.
struct Played {
    entries: Vec<(String, usize, f64, f64)>,
    cells: Vec<Vec<f64>>,
}

/// Our ranking and scores for one tournament from `seed`, with the cells
/// of the published matrix we compare (`names` in the order of
/// [`PUBLISHED`]).
fn play_variant(text: &str, names: &[&str], seed: u64) -> Result<Played, ReproError> {
    let tournament = Tournament::from_ron(
        text,
        "<embedded tournaments/axelrod-first.ron>",
        &PresetCatalog::builtin()?,
    )?;
    let results = tournament.round_robin.with_seed(seed).play();
    let missing = |name: &str| {
        twolevel_game::ParameterError::new(
            "players",
            format!("the tournament has no entry named `{name}`"),
        )
    };
    let cells = names
        .iter()
        .map(|row| {
            names
                .iter()
                .map(|column| {
                    results
                        .matchup(row, column)
                        .map(|m| m.payoff.policy * TURNS)
                        .ok_or_else(|| missing(column).into())
                })
                .collect::<Result<Vec<f64>, ReproError>>()
        })
        .collect::<Result<Vec<_>, ReproError>>()?;
    let scores: Vec<f64> = cells
        .iter()
        .map(|row| row.iter().sum::<f64>() / row.len() as f64)
        .collect();
    let ranks = rank_descending(&scores);
    let entries = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let player = results.player(name).ok_or_else(|| missing(name))?;
            Ok((
                (*name).to_owned(),
                ranks[k],
                scores[k],
                player.score() * TURNS,
            ))
        })
        .collect::<Result<Vec<_>, ReproError>>()?;
    Ok(Played { entries, cells })
}

/// Runs Table 2: the tournament of the paper's size (five repetitions of
/// 200 rounds) replicated from derived seeds (3 at quick size, 20 at full
/// size; the deterministic pairs give the same scores in every one, the
/// stochastic entries and Random do not). Our score of an entry is its
/// mean over the replications of its mean over its fifteen games, the
/// self-game included; the rank is that of the mean score; the
/// spread of Tit For Tat's rank and of Spearman's rho over the
/// replications is reported.
fn run(size: Size, seed: u64) -> Result<Outcome, ReproError> {
    let text = shipped_tournament("axelrod-first").ok_or_else(|| {
        twolevel_game::ParameterError::new("axelrod-first", "the shipped file is missing")
    })?;
    let replications: u64 = size.pick(3, 20);
    let published: Vec<f64> = PUBLISHED.iter().map(|p| p.3).collect();
    let Replicated {
        scores,
        scores_without_self,
        cells,
        tft_first,
        tft_ranks,
        rhos,
    } = replicate(
        &variant_text(text, false),
        &variant_names(false),
        seed,
        replications,
    )?;
    let ranks = rank_descending(&scores);
    let mut outcome = Outcome::new(ENTRY.name, size, seed);
    let mut table = Table::new(
        "table2",
        &format!(
            "Axelrod (1980a) Table 2 beside ours (`axelrod`-compatible strategies; mean over {replications} replications of the tournament): mean score per game of 200 rounds, policy payoff (the classic payoff). A score is Axelrod's: the mean over the entry's fifteen games, the one against its own twin included, and our rank is that of that score; the last column is our score without the self-game, as the tournament's own ranking and the `axelrod` library score it."
        ),
        &[
            "published rank",
            "entry",
            "author",
            "published score",
            "our rank",
            "our score",
            "difference",
            "our score without the self-game",
        ],
    );
    for (k, (rank, name, author, score)) in PUBLISHED.iter().enumerate() {
        table.push(vec![
            rank.to_string(),
            (*name).to_owned(),
            (*author).to_owned(),
            fmt(*score, 1),
            ranks[k].to_string(),
            fmt(scores[k], 1),
            fmt(scores[k] - score, 1),
            fmt(scores_without_self[k], 1),
        ]);
    }
    outcome.tables.push(table);
    let rho = crate::spearman_rho(&published, &scores).unwrap_or(f64::NAN);
    let mae = crate::mean_absolute_error(&published, &scores).unwrap_or(f64::NAN);
    let (lowest_rho, highest_rho) = rhos
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &r| {
            (lo.min(r), hi.max(r))
        });
    outcome.checks.push(Check::new(
        "Tit For Tat ranks first (Axelrod 1980a, Table 2)",
        ranks[0] == 1,
        &[
            ("tit_for_tat_rank", ranks[0] as f64),
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
        "The published order is recovered closely: Spearman's rho of the mean scores at least 0.9",
        rho >= 0.9,
        &[
            ("spearman_rho", rho),
            ("lowest_replication_rho", lowest_rho),
            ("highest_replication_rho", highest_rho),
        ],
    ));
    outcome.checks.push(Check::new(
        "The published mean scores are recovered within 15 points a game on average (mean absolute error)",
        mae <= 15.0,
        &[("mean_absolute_error", mae)],
    ));
    outcome.figures.push(Figure::Bars {
        name: "scores".to_owned(),
        title: "Axelrod 1980a Table 2: ours minus published".to_owned(),
        axis: "score per game, ours - published (policy payoff)".to_owned(),
        names: PUBLISHED.iter().map(|p| p.1.to_owned()).collect(),
        values: scores.iter().zip(&published).map(|(o, p)| o - p).collect(),
    });
    let library = LibraryVariant { rho, mae, cells };
    description_variant(text, seed, replications, &library, &mut outcome)?;
    Ok(outcome)
}

/// A variant's mean scores over the replications, in the order of
/// [`PUBLISHED`], with Tit For Tat's ranks, the rho of each replication and
/// our mean cells of the rows of [`PUBLISHED_ROWS`].
struct Replicated {
    scores: Vec<f64>,
    scores_without_self: Vec<f64>,
    cells: Vec<Vec<f64>>,
    tft_first: u32,
    tft_ranks: Vec<f64>,
    rhos: Vec<f64>,
}

/// Plays `replications` tournaments of `text` from seeds derived from
/// `seed` (the same seeds for every variant).
fn replicate(
    text: &str,
    names: &[&str],
    seed: u64,
    replications: u64,
) -> Result<Replicated, ReproError> {
    let published: Vec<f64> = PUBLISHED.iter().map(|p| p.3).collect();
    let mut sums = vec![0.0; PUBLISHED.len()];
    let mut sums_without_self = vec![0.0; PUBLISHED.len()];
    let mut tft_first = 0_u32;
    let mut tft_ranks = Vec::new();
    let mut rhos = Vec::new();
    let mut cells = vec![vec![0.0; PUBLISHED.len()]; PUBLISHED.len()];
    for replication in 0..replications {
        let played = play_variant(text, names, derive_seed(seed, &[replication]))?;
        for (sum, cell) in cells
            .iter_mut()
            .flatten()
            .zip(played.cells.iter().flatten())
        {
            *sum += cell;
        }
        let ours = played.entries;
        for ((sum, without), (_, _, score, score_without_self)) in
            sums.iter_mut().zip(&mut sums_without_self).zip(&ours)
        {
            *sum += score;
            *without += score_without_self;
        }
        tft_ranks.push(ours[0].1 as f64);
        tft_first += u32::from(ours[0].1 == 1);
        let scores: Vec<f64> = ours.iter().map(|o| o.2).collect();
        rhos.push(crate::spearman_rho(&published, &scores).unwrap_or(f64::NAN));
    }
    let scores = sums.iter().map(|s| s / replications as f64).collect();
    let scores_without_self = sums_without_self
        .iter()
        .map(|s| s / replications as f64)
        .collect();
    // A cell is a mean total per game (a whole number for a deterministic
    // pair); rounding its mean to a millionth keeps the payoff-per-turn
    // round trip from printing a deterministic pair's zero difference as
    // 1e-13.
    for cell in cells.iter_mut().flatten() {
        *cell = (*cell / replications as f64 * 1e6).round() / 1e6;
    }
    Ok(Replicated {
        scores,
        scores_without_self,
        cells,
        tft_first,
        tft_ranks,
        rhos,
    })
}

/// What the `axelrod`-compatible variant gives that the sourced variant's
/// tables set beside their own.
struct LibraryVariant {
    rho: f64,
    mae: f64,
    cells: Vec<Vec<f64>>,
}

/// The sourced variant: the same tournament with each
/// [`DESCRIPTION_VARIANTS`] entry swapped, its Table 2, a table of rho and
/// mean absolute error per variant and the published matrix cells beside
/// both variants' ([`pairs_table`]).
fn description_variant(
    shipped: &str,
    seed: u64,
    replications: u64,
    library: &LibraryVariant,
    outcome: &mut Outcome,
) -> Result<(), ReproError> {
    let published: Vec<f64> = PUBLISHED.iter().map(|p| p.3).collect();
    let names = variant_names(true);
    let text = variant_text(shipped, true);
    if text == shipped {
        // The swap matched no player line: refuse rather than report the
        // library's entries under the variant's name.
        return Err(twolevel_game::ParameterError::new(
            "players",
            "the shipped axelrod-first file has no player line for the entries of DESCRIPTION_VARIANTS",
        )
        .into());
    }
    let ours = replicate(&text, &names, seed, replications)?;
    let ranks = rank_descending(&ours.scores);
    let mut table = Table::new(
        "table2-1980-description",
        &format!(
            "Axelrod (1980a) Table 2 beside ours with the sourced entries swapped in ({}: Nydegger and Graaskamp as Axelrod's Fortran keeps their first-tournament programs, Downing's revised Fortran with the start of the 1980 description; mean over {replications} replications from the same seeds): mean score per game of 200 rounds, policy payoff (the classic payoff).",
            DESCRIPTION_VARIANTS
                .iter()
                .map(|(_, original)| *original)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &[
            "published rank",
            "entry",
            "published score",
            "our rank",
            "our score",
            "difference",
        ],
    );
    for (k, (rank, _, _, score)) in PUBLISHED.iter().enumerate() {
        table.push(vec![
            rank.to_string(),
            names[k].to_owned(),
            fmt(*score, 1),
            ranks[k].to_string(),
            fmt(ours.scores[k], 1),
            fmt(ours.scores[k] - score, 1),
        ]);
    }
    outcome.tables.push(table);
    let rho = crate::spearman_rho(&published, &ours.scores).unwrap_or(f64::NAN);
    let mae = crate::mean_absolute_error(&published, &ours.scores).unwrap_or(f64::NAN);
    let mut summary = Table::new(
        "variants",
        "Spearman's rho and mean absolute error (points a game, policy payoff) of each variant's mean scores against Table 2, and Tit For Tat's rank.",
        &[
            "variant",
            "spearman rho",
            "mean absolute error",
            "Tit For Tat rank",
        ],
    );
    let library_ranks = outcome
        .find_check("Tit For Tat ranks first")
        .and_then(|c| c.number("tit_for_tat_rank"))
        .unwrap_or(f64::NAN);
    summary.push(vec![
        "axelrod-compatible".to_owned(),
        fmt(library.rho, 3),
        fmt(library.mae, 1),
        fmt(library_ranks, 0),
    ]);
    summary.push(vec![
        "sourced (Fortran originals, 1980 start)".to_owned(),
        fmt(rho, 3),
        fmt(mae, 1),
        ranks[0].to_string(),
    ]);
    outcome.tables.push(summary);
    let downing = PUBLISHED
        .iter()
        .position(|p| p.1 == "First by Downing")
        .map_or(f64::NAN, |k| ours.scores[k]);
    outcome.checks.push(Check::new(
        "With the sourced entries (the surviving Fortran of the first-tournament programs, Downing's 1980 start) the published scores are recovered more closely (a smaller mean absolute error than the axelrod-compatible variant's)",
        mae < library.mae,
        &[
            ("spearman_rho", rho),
            ("mean_absolute_error", mae),
            ("tit_for_tat_rank", ranks[0] as f64),
            ("downing_score", downing),
            ("replications_won_by_tit_for_tat", f64::from(ours.tft_first)),
        ],
    ));
    outcome
        .tables
        .push(pairs_table(&library.cells, &ours.cells, replications));
    Ok(())
}

/// The published matrix cells ([`PUBLISHED_ROWS`]) beside both
/// variants' and the published-minus-ours difference of each cell. After
/// each row program's cells come a row summing them (the per-partner parts
/// of the row's difference add up to it) and, for a whole row, their mean
/// over the fifteen partners: the Table 2 quantity, so the parts divided by
/// fifteen split the entry's published-minus-ours score per partner.
fn pairs_table(library: &[Vec<f64>], sourced: &[Vec<f64>], replications: u64) -> Table {
    let mut table = Table::new(
        "pairs",
        &format!(
            "The published tournament matrix (Rapoport, Seale and Colman 2015's copy: the whole rows of the first four programs, the first thirteen cells of Shubik's) beside ours (mean over {replications} replications): the row program's mean total per game of 200 rounds against the column program, policy payoff (the classic payoff), for the axelrod-compatible variant and the sourced one ({}). Each difference is published minus ours. The row `all N` sums the row's N cells, so their per-partner parts add up to it; the row `mean over fifteen` divides a whole row's sum by 15, which is the Table 2 score (published: the mean of the copy's integer cells; ours: the entry's score).",
            DESCRIPTION_VARIANTS
                .iter()
                .map(|(_, sourced)| *sourced)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &[
            "row program",
            "against",
            "published",
            "ours (axelrod-compatible)",
            "published - ours (axelrod-compatible)",
            "ours (sourced)",
            "published - ours (sourced)",
        ],
    );
    for (row, published_row) in PUBLISHED_ROWS.iter().enumerate() {
        let mut totals = [0.0; 5];
        for (column, &published) in published_row.iter().enumerate() {
            let (ours, theirs) = (library[row][column], sourced[row][column]);
            let values = [
                published,
                ours,
                published - ours,
                theirs,
                published - theirs,
            ];
            for (total, value) in totals.iter_mut().zip(values) {
                *total += value;
            }
            let mut cells = vec![PUBLISHED[row].2.to_owned(), PUBLISHED[column].2.to_owned()];
            cells.extend(values.iter().map(|v| fmt(*v, 1)));
            table.push(cells);
        }
        let mut cells = vec![
            PUBLISHED[row].2.to_owned(),
            format!("all {}", published_row.len()),
        ];
        cells.extend(totals.iter().map(|v| fmt(*v, 1)));
        table.push(cells);
        if published_row.len() == PUBLISHED.len() {
            let mut cells = vec![PUBLISHED[row].2.to_owned(), "mean over fifteen".to_owned()];
            cells.extend(totals.iter().map(|v| fmt(v / PUBLISHED.len() as f64, 2)));
            table.push(cells);
        }
    }
    table
}

/// The rank of each value, 1 for the largest (ties broken by position).
fn rank_descending(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[j].total_cmp(&values[i]));
    let mut ranks = vec![0; values.len()];
    for (place, &k) in order.iter().enumerate() {
        ranks[k] = place + 1;
    }
    ranks
}
