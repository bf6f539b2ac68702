//! Presenting round-robin results: an aligned text table ([`Display`]) and
//! CSV and JSON files in an output folder ([`RoundRobinResults::write_to`]).
//!
//! The files written are:
//!
//! - `ranking.csv`: one row per player, best first, with the mean and
//!   standard deviation over repetitions of each score in each currency
//!   (`policy_mean`, `policy_sd`, `political_mean`, `political_sd`,
//!   `utility_mean`, `utility_sd`), the wins in each currency
//!   (`wins_policy_mean`, ...) and the cooperation rate;
//! - `payoff_matrix_policy.csv`, `payoff_matrix_political.csv`,
//!   `payoff_matrix_utility.csv` and `cooperation_matrix.csv`: one row and
//!   one column per player (empty cells for pairs that did not meet);
//! - `results.json`: the ranking, the standings and the matrices (payoffs
//!   and wins in each currency, cooperation) in one compact JSON document;
//! - only on request ([`OutputOptions::matches`]), the per-match records:
//!   `matches.csv`, one row per match with both players' totals in each
//!   currency, and a `matches` list in `results.json`. Their size grows
//!   with players squared times repetitions, so they are off by default.
//!
//! Every file is written atomically ([`write_atomically`]), and the folder
//! is replaced as a whole ([`OutputSet`]): a failed or interrupted write
//! leaves the previous results as they were, never a mix of old and new.
//!
//! Regime tournament results ([`RegimeTournamentResults`]) are written to
//! any [`Write`]: an aligned text table ([`Display`]), the standings and
//! the compositions as CSV
//! ([`RegimeTournamentResults::write_standings_csv`],
//! [`RegimeTournamentResults::write_compositions_csv`]) and everything as
//! JSON ([`RegimeTournamentResults::write_json`]).
//!
//! The utility columns are each player's own blend of policy and political
//! payoff with its own political weight: on its own scale, not comparable
//! between players with different weights (see [`Currency`]).

use std::fmt::{self, Display};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use thiserror::Error;

use twolevel_game::Currency;

use crate::evolution::{EvolutionOutcome, FixationSummary, TournamentEvolution};
use crate::output::{OutputSet, write_atomically};
use crate::regime::RegimeTournamentResults;
use crate::round_robin::{MatchRecord, RankingMetric, RankingRow, RoundRobinResults, total_in};
use crate::society::SocietySweep;

/// Results could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum OutputError {
    /// A folder or file could not be created or written.
    #[error("cannot write `{}`: {source}", path.display())]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CSV file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: csv::Error,
    },
    /// The JSON document could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: serde_json::Error,
    },
    /// The per-match files were asked for, but the tournament was played
    /// without keeping its match records.
    #[error(
        "cannot write `{}`: the tournament was played without its match records; \
         play it with `RoundRobin::with_match_records(true)` (the `--matches` flag)",
        path.display()
    )]
    NoMatchRecords {
        /// The file that would hold the matches.
        path: PathBuf,
    },
}

impl Display for RankingMetric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RankingMetric::Wins(currency) => write!(f, "wins in {currency}"),
            other => write!(f, "{} per turn", other.currency()),
        }
    }
}

/// The longest name a text table shows in full, in characters; longer names
/// are cut and end in `...`.
pub const TABLE_NAME_CHARS: usize = 48;

/// A player name as a text table shows it: whole up to
/// [`TABLE_NAME_CHARS`] characters, else cut to that length with `...` at
/// the end. Files (CSV, JSON) always carry the whole name.
///
/// ```
/// use twolevel_tournament::report::table_name;
///
/// assert_eq!(table_name("Tit For Tat"), "Tit For Tat");
/// let long = "x".repeat(70_000);
/// assert_eq!(table_name(&long).chars().count(), 48);
/// assert!(table_name(&long).ends_with("..."));
/// ```
#[must_use]
pub fn table_name(name: &str) -> std::borrow::Cow<'_, str> {
    if name.chars().count() <= TABLE_NAME_CHARS {
        std::borrow::Cow::Borrowed(name)
    } else {
        let kept: String = name.chars().take(TABLE_NAME_CHARS - 3).collect();
        std::borrow::Cow::Owned(format!("{kept}..."))
    }
}

/// The width of a table's name column: the longest name as
/// [`table_name`] shows it, and at least the column's header.
fn name_column_width<'a>(names: impl Iterator<Item = &'a str>, header: &str) -> usize {
    names
        .map(|name| table_name(name).chars().count())
        .chain([header.chars().count()])
        .max()
        .unwrap_or(0)
}

impl Display for RoundRobinResults {
    /// The ranking as an aligned table, best first: each player's payoff
    /// per turn in the three currencies, its cooperation rate and its wins
    /// in the ranking's currency; then what the ranking sorts by, the
    /// number of matches and their mean length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = name_column_width(self.names(), "Player");
        let wins_in = self.metric.currency();
        let wins_header = format!("Wins({})", wins_in.label());
        writeln!(
            f,
            "{:>4}  {:<width$}  {:>17}  {:>10}  {:>10}  {:>9}  {:>15}",
            "Rank", "Player", "Policy/turn (sd)", "Political", "Utility*", "Coop rate", wins_header
        )?;
        for (rank, &p) in self.ranking.iter().enumerate() {
            let s = &self.standings[p];
            writeln!(
                f,
                "{:>4}  {:<width$}  {:>9.4} ({:>6.4})  {:>10.4}  {:>10.4}  {:>9.3}  {:>15.1}",
                rank + 1,
                table_name(&s.name),
                s.scores.policy.mean,
                s.scores.policy.std,
                s.scores.political.mean,
                s.scores.utility.mean,
                s.cooperation_rate,
                s.wins[wins_in].mean,
            )?;
        }
        writeln!(
            f,
            "Policy, Political: policy and political payoff per turn; Utility*: own utility per turn, \
             on each player's own scale (not comparable between players with different political weights)."
        )?;
        write!(
            f,
            "Ranked by {}; {} pairs x {} repetitions, mean length {:.2} turns.",
            self.metric,
            self.pairs_met(),
            self.repetitions,
            self.mean_match_length
        )
    }
}

/// What [`RoundRobinResults::write_with`] writes besides the aggregates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutputOptions {
    /// Also write every match: `matches.csv` and a `matches` list in
    /// `results.json` (off by default: their size grows with players
    /// squared times repetitions).
    pub matches: bool,
}

/// What `results.json` holds: the aggregates, and the matches when asked
/// for.
#[derive(Serialize)]
struct ResultsDocument<'a> {
    metric: RankingMetric,
    repetitions: u32,
    seed: u64,
    standings: &'a [RankingRow],
    ranking: &'a [usize],
    payoff_matrices: &'a twolevel_game::ByCurrency<Vec<Vec<Option<f64>>>>,
    win_matrices: &'a twolevel_game::ByCurrency<Vec<Vec<Option<f64>>>>,
    cooperation_matrix: &'a [Vec<Option<f64>>],
    mean_match_length: f64,
    pairs: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    matches: Option<&'a [MatchRecord]>,
}

impl RoundRobinResults {
    /// Writes the aggregate CSV and JSON files (see the
    /// [module documentation](self)) as the new contents of `folder`,
    /// replacing the previous results as a whole, and returns the paths
    /// written.
    ///
    /// Fails, naming the path, when the folder or a file cannot be created.
    pub fn write_to(&self, folder: impl AsRef<Path>) -> Result<Vec<PathBuf>, OutputError> {
        self.write_with(folder, OutputOptions::default())
    }

    /// Writes the files as [`RoundRobinResults::write_to`] does, with the
    /// per-match records when `options` asks for them.
    pub fn write_with(
        &self,
        folder: impl AsRef<Path>,
        options: OutputOptions,
    ) -> Result<Vec<PathBuf>, OutputError> {
        let set = OutputSet::create(folder)?;
        self.write_files(set.path(), options)?;
        set.commit()
    }

    /// Writes the files (see the [module documentation](self)) into
    /// `folder`, each atomically, and returns their paths: for a caller
    /// that adds files of its own to an [`OutputSet`].
    pub fn write_files(
        &self,
        folder: &Path,
        options: OutputOptions,
    ) -> Result<Vec<PathBuf>, OutputError> {
        let mut files = vec![write_csv(&folder.join("ranking.csv"), |w| {
            self.ranking_rows(w)
        })?];
        for (currency, matrix) in self.payoff_matrices.iter() {
            let name = format!("payoff_matrix_{}.csv", currency.label());
            files.push(write_csv(&folder.join(name), |w| {
                self.matrix_rows(w, matrix)
            })?);
        }
        files.push(write_csv(&folder.join("cooperation_matrix.csv"), |w| {
            self.matrix_rows(w, &self.cooperation_matrix)
        })?);
        if options.matches {
            if self.matches.is_empty() {
                return Err(OutputError::NoMatchRecords {
                    path: folder.join("matches.csv"),
                });
            }
            files.push(write_csv(&folder.join("matches.csv"), |w| {
                self.match_rows(w)
            })?);
        }
        let document = ResultsDocument {
            metric: self.metric,
            repetitions: self.repetitions,
            seed: self.seed,
            standings: &self.standings,
            ranking: &self.ranking,
            payoff_matrices: &self.payoff_matrices,
            win_matrices: &self.win_matrices,
            cooperation_matrix: &self.cooperation_matrix,
            mean_match_length: self.mean_match_length,
            pairs: self.pairs_met(),
            matches: options.matches.then_some(self.matches.as_slice()),
        };
        files.push(write_json_file(&document, &folder.join("results.json"))?);
        Ok(files)
    }

    /// The header of `ranking.csv`: rank and player, the mean and standard
    /// deviation of the score in each currency, of the wins in each
    /// currency, and the cooperation rate.
    fn ranking_header() -> Vec<String> {
        let scores = Currency::ALL.map(|c| c.label().to_owned());
        let wins = Currency::ALL.map(|c| format!("wins_{}", c.label()));
        ["rank".to_owned(), "player".to_owned()]
            .into_iter()
            .chain(
                scores
                    .into_iter()
                    .chain(wins)
                    .flat_map(|name| [format!("{name}_mean"), format!("{name}_sd")]),
            )
            .chain(["cooperation_rate".to_owned()])
            .collect()
    }

    fn ranking_rows(&self, w: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
        w.write_record(Self::ranking_header())?;
        for (rank, &p) in self.ranking.iter().enumerate() {
            let s = &self.standings[p];
            let mut record = vec![(rank + 1).to_string(), s.name.clone()];
            let summaries = s.scores.iter().chain(s.wins.iter());
            for (_, summary) in summaries {
                record.push(summary.mean.to_string());
                record.push(summary.std.to_string());
            }
            record.push(s.cooperation_rate.to_string());
            w.write_record(&record)?;
        }
        Ok(())
    }

    fn matrix_rows(
        &self,
        w: &mut csv::Writer<&mut dyn Write>,
        matrix: &[Vec<Option<f64>>],
    ) -> csv::Result<()> {
        w.write_record(std::iter::once("player").chain(self.names()))?;
        for (name, row) in self.names().zip(matrix) {
            w.write_record(
                std::iter::once(name.to_owned()).chain(
                    row.iter()
                        .map(|v| v.map(|v| v.to_string()).unwrap_or_default()),
                ),
            )?;
        }
        Ok(())
    }

    fn match_rows(&self, w: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
        let totals = Currency::ALL
            .into_iter()
            .flat_map(|c| [c.label().to_owned(), format!("partner_{}", c.label())]);
        let header = ["player", "partner", "repetition", "turns"]
            .map(str::to_owned)
            .into_iter()
            .chain(totals)
            .chain(
                [
                    "cooperations",
                    "partner_cooperations",
                    "mean_politicization",
                ]
                .map(str::to_owned),
            );
        w.write_record(header)?;
        for m in &self.matches {
            let [a, b] = &m.result.players;
            let totals = Currency::ALL
                .into_iter()
                .flat_map(|c| [total_in(a, c), total_in(b, c)])
                .map(|v| v.to_string());
            let record = [
                self.standings[m.players[0]].name.clone(),
                self.standings[m.players[1]].name.clone(),
                m.repetition.to_string(),
                m.result.turns.to_string(),
            ]
            .into_iter()
            .chain(totals)
            .chain([
                a.cooperations.to_string(),
                b.cooperations.to_string(),
                m.result.mean_politicization.to_string(),
            ]);
            w.write_record(record)?;
        }
        Ok(())
    }
}

impl Display for RegimeTournamentResults {
    /// The standings as an aligned table, best first by policy payoff:
    /// each strategy's payoff per round in the three currencies, its
    /// cooperation rate and the seats it filled; then the currencies'
    /// meaning, how the compositions were chosen and the regime's success.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = name_column_width(self.standings.iter().map(|s| s.name.as_str()), "Strategy");
        writeln!(
            f,
            "{:>4}  {:<width$}  {:>12}  {:>10}  {:>10}  {:>9}  {:>7}",
            "Rank", "Strategy", "Policy/round", "Political", "Utility*", "Coop rate", "Seats"
        )?;
        for (rank, s) in self.ranking(Currency::Policy).into_iter().enumerate() {
            writeln!(
                f,
                "{:>4}  {:<width$}  {:>12.4}  {:>10.4}  {:>10.4}  {:>9.3}  {:>7}",
                rank + 1,
                table_name(&s.name),
                s.scores.policy,
                s.scores.political,
                s.scores.utility,
                s.cooperation_rate,
                s.seats,
            )?;
        }
        writeln!(
            f,
            "Policy, Political: policy and political payoff per round; Utility*: own utility per round, \
             on each state's own scale (not comparable between states with different political weights)."
        )?;
        write!(
            f,
            "Ranked by policy payoff per round; {} compositions{}; regime success (share of rounds \
             with k >= M) {:.3}; welfare (the members' summed policy payoff) {:.4} per round.",
            self.compositions.len(),
            if self.sampled {
                " (a sample, drawn seat by seat)"
            } else {
                " (all, each once)"
            },
            self.success_rate,
            self.welfare
        )
    }
}

impl Display for TournamentEvolution {
    /// What the evolution block produced, in its fitness currency: the
    /// final shares of a deterministic dynamic, or the fixations counted
    /// over the runs of a stochastic process; then, for a stochastic
    /// process, the stationary distribution in the limit of rare mutations.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            EvolutionOutcome::Shares(trajectory) => {
                writeln!(
                    f,
                    "Evolution ({} fitness): shares at time {}",
                    self.fitness,
                    trajectory.times.last().copied().unwrap_or(0.0)
                )?;
                for (name, share) in self.names.iter().zip(trajectory.last()) {
                    writeln!(f, "  {:<30} {share:.6}", table_name(name))?;
                }
            }
            EvolutionOutcome::Runs(runs) => {
                let summary = FixationSummary::new(runs, self.names.len());
                writeln!(
                    f,
                    "Evolution ({} fitness): fixations over {} run(s), {} not fixed",
                    self.fitness, summary.runs, summary.unfixed
                )?;
                for (name, (wins, frequency)) in self
                    .names
                    .iter()
                    .zip(summary.wins.iter().zip(summary.frequencies()))
                {
                    writeln!(f, "  {:<30} {wins:>6} ({frequency:.3})", table_name(name))?;
                }
            }
        }
        if let Some(stationary) = &self.stationary {
            writeln!(f, "Stationary distribution for rare mutations:")?;
            for (name, share) in self.names.iter().zip(stationary) {
                writeln!(f, "  {:<30} {share:.6}", table_name(name))?;
            }
        }
        Ok(())
    }
}

impl Display for SocietySweep {
    /// One row per point of the sweep (monitoring q, assessment error mu):
    /// the share of states in good standing, the cooperation rate and the
    /// policy payoff per interaction, each a mean over the replicates; then
    /// what the society was and which currency the payoff is in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:>8}  {:>8}  {:>10}  {:>11}  {:>18}",
            "q", "mu", "Good share", "Cooperation", "Policy/interaction"
        )?;
        for point in &self.points {
            writeln!(
                f,
                "{:>8}  {:>8}  {:>10.4}  {:>11.4}  {:>18.4}",
                point.q,
                point.mu,
                point.good_share,
                point.cooperation,
                point.policy_per_interaction
            )?;
        }
        write!(
            f,
            "Society {}: norm {}, {:?} assessment, Z = {}, execution error {}, {} steps and {} \
             replicate(s) per point, seed {}. Policy/interaction: the policy payoff (absolute gains) \
             per interaction, donor and recipient together.",
            self.society,
            self.norm,
            self.institution,
            self.size,
            self.e,
            self.steps,
            self.replicates,
            self.seed
        )
    }
}

impl RegimeTournamentResults {
    /// Writes the standings as CSV, one row per strategy in the entrants'
    /// order: `entrant`, `strategy`, the payoff per round in each currency
    /// (`policy`, `political`, `utility`), `cooperation_rate`, `seats`, then
    /// the same three payoffs and cooperation rate weighted as a
    /// well-mixed population (`well_mixed_policy`, ...; see
    /// [`RegimeTournamentResults::well_mixed_standings`]).
    pub fn write_standings_csv(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        let currencies = Currency::ALL.map(Currency::label);
        w.write_record(
            ["entrant", "strategy"]
                .into_iter()
                .chain(currencies)
                .chain(["cooperation_rate", "seats"])
                .map(str::to_owned)
                .chain(currencies.map(|c| format!("well_mixed_{c}")))
                .chain(["well_mixed_cooperation_rate".to_owned()]),
        )?;
        let well_mixed = self.well_mixed_standings();
        for (entrant, (s, mixed)) in self.standings.iter().zip(&well_mixed).enumerate() {
            w.write_record(
                [entrant.to_string(), s.name.clone()]
                    .into_iter()
                    .chain(Currency::ALL.map(|c| s.scores[c].to_string()))
                    .chain([s.cooperation_rate.to_string(), s.seats.to_string()])
                    .chain(Currency::ALL.map(|c| mixed.scores[c].to_string()))
                    .chain([mixed.cooperation_rate.to_string()]),
            )?;
        }
        w.flush()
    }

    /// Writes the compositions as CSV, one row per composition and
    /// strategy in it: `composition` (its index), `members` (the entrant
    /// indices, `+`-joined), `entrant`, `strategy`, `seats_held`, that
    /// strategy's payoff per round in each currency averaged over its
    /// seats (`policy`, `political`, `utility`), its `cooperation_rate`,
    /// and the composition's `success_rate` and `welfare` per round.
    pub fn write_compositions_csv(&self, out: &mut impl Write) -> std::io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(
            [
                "composition",
                "members",
                "entrant",
                "strategy",
                "seats_held",
            ]
            .into_iter()
            .chain(Currency::ALL.map(Currency::label))
            .chain(["cooperation_rate", "success_rate", "welfare"]),
        )?;
        for (index, c) in self.compositions.iter().enumerate() {
            let members: Vec<String> = c.seats.iter().map(ToString::to_string).collect();
            let members = members.join("+");
            // The seats are sorted, so each entrant's seats are one run.
            let mut start = 0;
            for run in c.seats.chunk_by(|a, b| a == b) {
                let seats = start..start + run.len();
                start = seats.end;
                let held = run.len() as f64;
                let mean =
                    |value: &dyn Fn(usize) -> f64| seats.clone().map(value).sum::<f64>() / held;
                w.write_record(
                    [
                        index.to_string(),
                        members.clone(),
                        run[0].to_string(),
                        self.standings[run[0]].name.clone(),
                        run.len().to_string(),
                    ]
                    .into_iter()
                    .chain(
                        Currency::ALL
                            .map(|currency| mean(&|seat| c.payoffs[seat][currency]).to_string()),
                    )
                    .chain([
                        mean(&|seat| c.cooperation[seat]).to_string(),
                        c.success_rate.to_string(),
                        c.welfare.to_string(),
                    ]),
                )?;
            }
        }
        w.flush()
    }

    /// Writes every result (standings, compositions, success, welfare) as
    /// pretty-printed JSON.
    pub fn write_json(&self, out: &mut impl Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.flush()
    }
}

/// Writes `value` as compact JSON to `path`, atomically; errors name the
/// path.
pub fn write_json_file<T: serde::Serialize>(
    value: &T,
    path: &Path,
) -> Result<PathBuf, OutputError> {
    let mut failure = None;
    let written = write_atomically(path, |w| {
        serde_json::to_writer(&mut *w, value).map_err(|e| {
            let io = std::io::Error::other(e.to_string());
            failure = Some(e);
            io
        })
    });
    match (written, failure) {
        (Err(_), Some(source)) if !source.is_io() => Err(OutputError::Json {
            path: path.to_path_buf(),
            source,
        }),
        (written, _) => written,
    }
}

/// Writes the CSV file at `path` atomically, filled with `rows`; errors
/// name the path.
pub fn write_csv(
    path: &Path,
    rows: impl FnOnce(&mut csv::Writer<&mut dyn Write>) -> csv::Result<()>,
) -> Result<PathBuf, OutputError> {
    write_atomically(path, |w| {
        let mut writer = csv::Writer::from_writer(w);
        rows(&mut writer).map_err(std::io::Error::other)?;
        writer.flush()
    })
}

#[cfg(test)]
mod tests {
    use crate::play::MatchConfig;
    use crate::round_robin::{Entrant, RoundRobin};
    use twolevel_strategies::{Defector, TitForTat};

    fn tournament() -> RoundRobin {
        RoundRobin::new(
            MatchConfig::classic(5).unwrap(),
            vec![
                Entrant::classic(Box::new(TitForTat)),
                Entrant::classic(Box::new(Defector)),
            ],
        )
        .unwrap()
    }

    fn results() -> crate::RoundRobinResults {
        tournament().play()
    }

    fn results_with_records() -> crate::RoundRobinResults {
        let results = results();
        let with_records = tournament().with_match_records(true).play();
        // The records change nothing else.
        assert_eq!(
            crate::RoundRobinResults {
                matches: Vec::new(),
                ..with_records.clone()
            },
            results
        );
        with_records
    }

    #[test]
    fn table_lists_players_best_first() {
        let text = results().to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("Player"));
        assert!(lines[1].contains("Defector") && lines[1].trim_start().starts_with('1'));
        assert!(lines[2].contains("Tit For Tat"));
        assert!(lines[0].contains("Policy/turn") && lines[0].contains("Utility*"));
        assert!(lines[0].contains("Wins(policy)"));
        assert!(lines[3].contains("own scale"));
        assert!(lines[4].starts_with("Ranked by policy payoff per turn;"));
        assert!(lines[4].contains("3 pairs"));
    }

    fn regime_results() -> crate::regime::RegimeTournamentResults {
        use crate::regime::{RegimeConfig, RegimeMember, RegimeTournament};
        use twolevel_game::{GroupGame, GroupPolicy, Horizon};
        use twolevel_strategies::regime::{RegimeCooperator, RegimeDefector};
        let game = GroupGame::new(2, GroupPolicy::public_goods(1.6, 2.0)).unwrap();
        let config = RegimeConfig::new(game, Horizon::fixed(10).unwrap());
        let entrants = vec![
            RegimeMember::new(Box::new(RegimeCooperator)),
            RegimeMember::new(Box::new(RegimeDefector)),
        ];
        RegimeTournament::new(config, entrants).unwrap().play()
    }

    #[test]
    fn regime_table_csv_and_json() {
        let results = regime_results();
        let text = results.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("Strategy") && lines[0].contains("Policy/round"));
        // Each seat weighs the same: the cooperator earns 1.2 in both seats
        // of {C, C} and -0.4 beside a defector, (1.2 + 1.2 - 0.4) / 3; the
        // defector 1.6 beside a cooperator and 0 in both seats of {D, D}.
        assert!(lines[1].contains("Regime Cooperator") && lines[1].contains("0.6667"));
        assert!(lines[2].contains("Regime Defector") && lines[2].contains("0.5333"));
        assert!(lines[4].contains("3 compositions (all, each once)"));
        let mut csv = Vec::new();
        results.write_standings_csv(&mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0],
            "entrant,strategy,policy,political,utility,cooperation_rate,seats,\
             well_mixed_policy,well_mixed_political,well_mixed_utility,well_mixed_cooperation_rate"
        );
        assert_eq!(rows.len(), 3);
        assert!(rows[1].starts_with("0,Regime Cooperator,"));
        let mut csv = Vec::new();
        results.write_compositions_csv(&mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0],
            "composition,members,entrant,strategy,seats_held,policy,political,utility,\
             cooperation_rate,success_rate,welfare"
        );
        // {0, 0} holds one strategy, {0, 1} two, {1, 1} one.
        assert_eq!(rows.len(), 1 + 4);
        let policy = |row: &str| row.split(',').nth(5).unwrap().parse::<f64>().unwrap();
        assert!(
            rows[1].starts_with("0,0+0,0,Regime Cooperator,2,"),
            "{}",
            rows[1]
        );
        assert!((policy(rows[1]) - 1.2).abs() < 1e-12, "{}", rows[1]);
        assert!(
            rows[3].starts_with("1,0+1,1,Regime Defector,1,"),
            "{}",
            rows[3]
        );
        assert!((policy(rows[3]) - 1.6).abs() < 1e-12, "{}", rows[3]);
        let mut json = Vec::new();
        results.write_json(&mut json).unwrap();
        let back: crate::regime::RegimeTournamentResults = serde_json::from_slice(&json).unwrap();
        assert_eq!(back.compositions.len(), 3);
        assert_eq!(back.standings[1].name, "Regime Defector");
        assert!((back.compositions[1].payoffs[1].policy - 1.6).abs() < 1e-12);
        assert!((back.welfare - results.welfare).abs() < 1e-12);
    }

    #[test]
    fn files_are_written_and_bad_paths_are_errors() {
        let dir = std::env::temp_dir().join(format!("twolevel-report-{}", std::process::id()));
        let written = results().write_to(&dir).unwrap();
        assert_eq!(written.len(), 6, "{written:?}");
        assert!(!dir.join("matches.csv").exists());
        for currency in ["policy", "political", "utility"] {
            let path = dir.join(format!("payoff_matrix_{currency}.csv"));
            let matrix = std::fs::read_to_string(path).unwrap();
            assert_eq!(matrix.lines().next(), Some("player,Tit For Tat,Defector"));
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("results.json")).unwrap())
                .unwrap();
        assert_eq!(json["ranking"][0], 1);
        assert_eq!(json["pairs"], 3);
        assert!(json.get("matches").is_none());
        // The per-match records on request, if the tournament kept them.
        let options = super::OutputOptions { matches: true };
        let err = results().write_with(&dir, options).unwrap_err();
        assert!(err.to_string().contains("with_match_records"), "{err}");
        let written = results_with_records().write_with(&dir, options).unwrap();
        assert_eq!(written.len(), 7, "{written:?}");
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("results.json")).unwrap())
                .unwrap();
        assert_eq!(json["matches"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            std::fs::read_to_string(dir.join("matches.csv"))
                .unwrap()
                .lines()
                .count(),
            4
        );
        // A file where the folder should be is an error, not a panic.
        let blocked = dir.join("ranking.csv").join("inside");
        let err = results().write_to(&blocked).unwrap_err();
        assert!(err.to_string().contains("ranking.csv"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
