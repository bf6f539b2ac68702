//! A regime tournament's results as an aligned text table ([`Display`]),
//! CSV and JSON.

use std::fmt::{self, Display};
use std::io::Write;

use twolevel_game::Currency;

use super::{name_column_width, table_name};
use crate::regime::RegimeTournamentResults;

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

#[cfg(test)]
mod tests {
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
}
