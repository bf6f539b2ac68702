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
//! - `matches.csv`: one row per match, with both players' totals in each
//!   currency;
//! - `results.json`: everything above in one document.
//!
//! The utility columns are each player's own blend of policy and political
//! payoff with its own political weight: on its own scale, not comparable
//! between players with different weights (see [`Currency`]).

use std::fmt::{self, Display};
use std::fs;
use std::path::{Path, PathBuf};

use thiserror::Error;

use twolevel_game::Currency;

use crate::round_robin::{RankingMetric, RoundRobinResults, total_in};

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

impl Display for RoundRobinResults {
    /// The ranking as an aligned table, best first: each player's payoff
    /// per turn in the three currencies, its cooperation rate and its wins
    /// in the ranking's currency; then what the ranking sorts by, the
    /// number of matches and their mean length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .names()
            .map(|name| table_name(name).chars().count())
            .chain(["Player".len()])
            .max()
            .unwrap_or(6);
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
            "Ranked by {}; {} matches ({} repetitions), mean length {:.2} turns.",
            self.metric,
            self.matches.len(),
            self.repetitions,
            self.mean_match_length
        )
    }
}

impl RoundRobinResults {
    /// Writes the CSV and JSON files (see the [module documentation](self))
    /// into `folder`, creating it if needed, and returns the paths written.
    ///
    /// Fails, naming the path, when the folder or a file cannot be created.
    pub fn write_to(&self, folder: impl AsRef<Path>) -> Result<Vec<PathBuf>, OutputError> {
        let folder = folder.as_ref();
        fs::create_dir_all(folder).map_err(|source| OutputError::Io {
            path: folder.to_path_buf(),
            source,
        })?;
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
        files.push(write_csv(&folder.join("matches.csv"), |w| {
            self.match_rows(w)
        })?);
        files.push(self.write_json(&folder.join("results.json"))?);
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

    fn ranking_rows(&self, w: &mut csv::Writer<fs::File>) -> csv::Result<()> {
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
        w: &mut csv::Writer<fs::File>,
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

    fn match_rows(&self, w: &mut csv::Writer<fs::File>) -> csv::Result<()> {
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

    fn write_json(&self, path: &Path) -> Result<PathBuf, OutputError> {
        write_json_file(self, path)
    }
}

/// Writes `value` as pretty-printed JSON to `path`; errors name the path.
pub(crate) fn write_json_file<T: serde::Serialize>(
    value: &T,
    path: &Path,
) -> Result<PathBuf, OutputError> {
    let file = fs::File::create(path).map_err(|source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::to_writer_pretty(std::io::BufWriter::new(file), value).map_err(|source| {
        OutputError::Json {
            path: path.to_path_buf(),
            source,
        }
    })?;
    Ok(path.to_path_buf())
}

/// Creates the CSV file at `path`, fills it with `rows` and flushes it.
pub(crate) fn write_csv(
    path: &Path,
    rows: impl FnOnce(&mut csv::Writer<fs::File>) -> csv::Result<()>,
) -> Result<PathBuf, OutputError> {
    let error = |source| OutputError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut writer = csv::Writer::from_path(path).map_err(error)?;
    rows(&mut writer).map_err(error)?;
    writer.flush().map_err(|source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use crate::play::MatchConfig;
    use crate::round_robin::{Entrant, RoundRobin};
    use twolevel_strategies::{Defector, TitForTat};

    fn results() -> crate::RoundRobinResults {
        RoundRobin::new(
            MatchConfig::classic(5).unwrap(),
            vec![
                Entrant::classic(Box::new(TitForTat)),
                Entrant::classic(Box::new(Defector)),
            ],
        )
        .unwrap()
        .play()
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
        assert!(lines[4].contains("3 matches"));
    }

    #[test]
    fn files_are_written_and_bad_paths_are_errors() {
        let dir = std::env::temp_dir().join(format!("twolevel-report-{}", std::process::id()));
        let written = results().write_to(&dir).unwrap();
        assert_eq!(written.len(), 7);
        for currency in ["policy", "political", "utility"] {
            let path = dir.join(format!("payoff_matrix_{currency}.csv"));
            let matrix = std::fs::read_to_string(path).unwrap();
            assert_eq!(matrix.lines().next(), Some("player,Tit For Tat,Defector"));
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("results.json")).unwrap())
                .unwrap();
        assert_eq!(json["ranking"][0], 1);
        // A file where the folder should be is an error, not a panic.
        let blocked = dir.join("ranking.csv").join("inside");
        let err = results().write_to(&blocked).unwrap_err();
        assert!(err.to_string().contains("ranking.csv"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
