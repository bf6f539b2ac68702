//! Presenting round-robin results: an aligned text table ([`Display`]) and
//! CSV and JSON files in an output folder ([`RoundRobinResults::write_to`]).
//!
//! The files written are:
//!
//! - `ranking.csv`: one row per player, best first, with the mean and
//!   standard deviation over repetitions of each score;
//! - `payoff_matrix.csv` and `cooperation_matrix.csv`: one row and one
//!   column per player (empty cells for pairs that did not meet);
//! - `matches.csv`: one row per match;
//! - `results.json`: everything above in one document.

use std::fmt::{self, Display};
use std::fs;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::round_robin::{RankingMetric, RoundRobinResults};

/// Results could not be written.
#[derive(Debug, Error)]
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
        f.write_str(match self {
            RankingMetric::Utility => "utility per turn",
            RankingMetric::Policy => "policy payoff per turn",
            RankingMetric::Political => "political payoff per turn",
            RankingMetric::Wins => "wins",
        })
    }
}

impl Display for RoundRobinResults {
    /// The ranking as an aligned table, best first, then the number of
    /// matches and their mean length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .names()
            .map(|name| name.chars().count())
            .chain(["Player".len()])
            .max()
            .unwrap_or(6);
        writeln!(
            f,
            "{:>4}  {:<width$}  {:>16}  {:>10}  {:>10}  {:>9}  {:>6}",
            "Rank", "Player", "Utility/turn (sd)", "Policy", "Political", "Coop rate", "Wins"
        )?;
        for (rank, &p) in self.ranking.iter().enumerate() {
            let s = &self.standings[p];
            writeln!(
                f,
                "{:>4}  {:<width$}  {:>8.4} ({:>6.4})  {:>10.4}  {:>10.4}  {:>9.3}  {:>6.1}",
                rank + 1,
                s.name,
                s.utility.mean,
                s.utility.std,
                s.policy.mean,
                s.political.mean,
                s.cooperation_rate,
                s.wins.mean,
            )?;
        }
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
        let files = [
            write_csv(&folder.join("ranking.csv"), |w| self.ranking_rows(w))?,
            write_csv(&folder.join("payoff_matrix.csv"), |w| {
                self.matrix_rows(w, &self.payoff_matrix)
            })?,
            write_csv(&folder.join("cooperation_matrix.csv"), |w| {
                self.matrix_rows(w, &self.cooperation_matrix)
            })?,
            write_csv(&folder.join("matches.csv"), |w| self.match_rows(w))?,
            self.write_json(&folder.join("results.json"))?,
        ];
        Ok(files.to_vec())
    }

    fn ranking_rows(&self, w: &mut csv::Writer<fs::File>) -> csv::Result<()> {
        w.write_record([
            "rank",
            "player",
            "utility_mean",
            "utility_sd",
            "policy_mean",
            "policy_sd",
            "political_mean",
            "political_sd",
            "wins_mean",
            "wins_sd",
            "cooperation_rate",
        ])?;
        for (rank, &p) in self.ranking.iter().enumerate() {
            let s = &self.standings[p];
            let mut record = vec![(rank + 1).to_string(), s.name.clone()];
            for summary in [&s.utility, &s.policy, &s.political, &s.wins] {
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
        w.write_record([
            "player",
            "partner",
            "repetition",
            "turns",
            "utility",
            "partner_utility",
            "policy",
            "partner_policy",
            "political",
            "partner_political",
            "cooperations",
            "partner_cooperations",
            "mean_politicization",
        ])?;
        for m in &self.matches {
            let [a, b] = &m.result.players;
            w.write_record([
                self.standings[m.players[0]].name.clone(),
                self.standings[m.players[1]].name.clone(),
                m.repetition.to_string(),
                m.result.turns.to_string(),
                a.utility.to_string(),
                b.utility.to_string(),
                a.policy.to_string(),
                b.policy.to_string(),
                a.political.to_string(),
                b.political.to_string(),
                a.cooperations.to_string(),
                b.cooperations.to_string(),
                m.result.mean_politicization.to_string(),
            ])?;
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
fn write_csv(
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
        assert!(lines[3].contains("3 matches"));
    }

    #[test]
    fn files_are_written_and_bad_paths_are_errors() {
        let dir = std::env::temp_dir().join(format!("twolevel-report-{}", std::process::id()));
        let written = results().write_to(&dir).unwrap();
        assert_eq!(written.len(), 5);
        let matrix = std::fs::read_to_string(dir.join("payoff_matrix.csv")).unwrap();
        assert_eq!(matrix.lines().next(), Some("player,Tit For Tat,Defector"));
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
