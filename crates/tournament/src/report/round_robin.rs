//! The round robin's ranking table ([`Display`]) and output folder
//! ([`RoundRobinResults::write_to`]); see the [module documentation](super)
//! for the files.

use std::fmt::{self, Display};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use twolevel_game::Currency;

use super::{OutputError, name_column_width, table_name, write_csv, write_json_file};
use crate::output::OutputSet;
use crate::round_robin::{MatchRecord, RankingMetric, RankingRow, RoundRobinResults, total_in};

impl Display for RankingMetric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RankingMetric::Wins(currency) => write!(f, "wins in {currency}"),
            other => write!(f, "{} per turn", other.currency()),
        }
    }
}

impl crate::Tournament {
    /// The line that introduces a round robin's table, the same in the
    /// `twolevel run` command and the `tournament` example: name, origin,
    /// players, and the pairs and repetitions in the words of the table's
    /// last line (`55 pairs x 10 repetitions`), and the seed.
    #[must_use]
    pub fn headline(&self) -> String {
        let rr = &self.round_robin;
        format!(
            "{} ({}): {} players, {} pairs x {} repetitions, seed {}",
            self.name,
            self.origin.display(),
            rr.entrants().len(),
            rr.pairs().len(),
            rr.repetitions(),
            rr.seed()
        )
    }
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
             on each player's own scale (not comparable between players with different political weights);\n\
             {wins_header}: matches won in {wins_in}, the mean per repetition (hence fractions)."
        )?;
        write!(
            f,
            "Ranked by {}; {} pairs x {} repetitions, mean length {:.2} turns.",
            self.metric,
            self.pairs_met(),
            self.repetitions,
            self.mean_match_length
        )?;
        if let Some(arenas) = &self.arenas {
            write!(f, "\n\n{arenas}")?;
        }
        Ok(())
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
    #[serde(skip_serializing_if = "Option::is_none")]
    arenas: Option<&'a crate::round_robin::ArenaResults>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spatial: Option<&'a crate::round_robin::SpatialResults>,
}

impl RoundRobinResults {
    /// Writes the aggregate CSV and JSON files (see the
    /// [module documentation](crate::report)) as the new contents of `folder`,
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

    /// Writes the files (see the [module documentation](crate::report)) into
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
            arenas: self.arenas.as_ref(),
            spatial: self.spatial.as_ref(),
        };
        if let Some(arenas) = &self.arenas {
            files.extend(arenas.write_files(folder)?);
        }
        if let Some(spatial) = &self.spatial {
            files.push(write_csv(&folder.join("nodes.csv"), |w| {
                self.node_rows(w, spatial)
            })?);
        }
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

    /// `nodes.csv` of a spatial tournament: one row a node (player), its
    /// degree, and its payoff per turn accumulated over its neighbours and
    /// averaged over them, in each currency.
    fn node_rows(
        &self,
        w: &mut csv::Writer<&mut dyn Write>,
        spatial: &crate::round_robin::SpatialResults,
    ) -> csv::Result<()> {
        let header = ["node", "player", "degree"]
            .map(str::to_owned)
            .into_iter()
            .chain(Currency::ALL.into_iter().flat_map(|c| {
                [
                    format!("{}_accumulated", c.label()),
                    format!("{}_averaged", c.label()),
                ]
            }));
        w.write_record(header)?;
        for (node, name) in self.names().enumerate() {
            w.write_record(
                [
                    node.to_string(),
                    name.to_owned(),
                    spatial.degree[node].to_string(),
                ]
                .into_iter()
                .chain(Currency::ALL.into_iter().flat_map(|c| {
                    [
                        spatial.accumulated[c][node].to_string(),
                        spatial.averaged[c][node].to_string(),
                    ]
                })),
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
        assert!(
            lines[4]
                .starts_with("Wins(policy): matches won in policy payoff, the mean per repetition")
        );
        assert!(lines[5].starts_with("Ranked by policy payoff per turn;"));
        assert!(lines[5].contains("3 pairs x"));
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
