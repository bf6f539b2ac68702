//! The domestic arenas' report: a text section after the ranking
//! ([`Display`] for [`ArenaResults`] and [`TimingResults`]) and the arena
//! files, written only for a tournament with arenas:
//!
//! - `arena_pairs.csv`: one row per pair and side: the matches, the side's
//!   cooperation (share of rounds) and its payoff per turn in each
//!   currency (`policy`, `political`, `utility`, the utility on the
//!   player's own scale);
//! - `actors.csv`: one row per actor and partner (`partner` empty: over
//!   all the state's matches, with standard deviations over repetitions):
//!   its influence share `w_k / D_i` (of the weight engaged in its
//!   state's arena, foreign pressure included), what it spent per match (capability
//!   units) and its payoff per match (the actor's own currency, docs/actors.md);
//! - `series.csv`: one row per pair, side and round: the mean domestic
//!   position (empty for a state without an arena), `pi` and cooperation
//!   over the matches that reached the round;
//! - `timing.csv` (from a file's `timing` block, [`TimingResults::write_csv`]):
//!   one row per spending rule: cooperation, gain over the no-spending
//!   baseline, spending and gain per unit spent, each with its standard
//!   error over repetitions.
//!
//! [`Display`]: std::fmt::Display

use std::fmt::{self, Display};
use std::io::Write;
use std::path::{Path, PathBuf};

use twolevel_game::Currency;
use twolevel_game::actors::SpendingRule;

use super::{OutputError, name_column_width, table_name, write_csv};
use crate::round_robin::{ArenaResults, TimingResults};

impl ArenaResults {
    fn name(&self, state: usize) -> &str {
        self.states.get(state).map_or("", |s| s.name.as_str())
    }

    /// Writes `arena_pairs.csv`, `actors.csv` and `series.csv` (see the
    /// [report documentation](crate::report)) into `folder`, each atomically, and
    /// returns their paths.
    pub fn write_files(&self, folder: &Path) -> Result<Vec<PathBuf>, OutputError> {
        Ok(vec![
            write_csv(&folder.join("arena_pairs.csv"), |w| self.pair_rows(w))?,
            write_csv(&folder.join("actors.csv"), |w| self.actor_rows(w))?,
            write_csv(&folder.join("series.csv"), |w| self.series_rows(w))?,
        ])
    }

    /// The sides of each pair: `(pair, side place, player, partner)`.
    fn sides(
        &self,
    ) -> impl Iterator<Item = (&crate::round_robin::PairArenas, usize, usize, usize)> {
        self.pairs.iter().flat_map(|pair| {
            let [a, b] = pair.players;
            let places: &[usize] = if a == b { &[0] } else { &[0, 1] };
            places
                .iter()
                .map(move |&p| (pair, p, pair.players[p], pair.players[1 - p]))
        })
    }

    fn pair_rows(&self, w: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
        let header = ["player", "partner", "matches", "cooperation"]
            .into_iter()
            .map(str::to_owned)
            .chain(Currency::ALL.map(|c| format!("{}_per_turn", c.label())));
        w.write_record(header)?;
        for (pair, place, player, partner) in self.sides() {
            let record = [
                self.name(player).to_owned(),
                self.name(partner).to_owned(),
                pair.matches.to_string(),
                pair.cooperation[place].to_string(),
            ]
            .into_iter()
            .chain(Currency::ALL.map(|c| pair.payoffs[c][place].to_string()));
            w.write_record(record)?;
        }
        Ok(())
    }

    fn actor_rows(&self, w: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
        w.write_record([
            "player",
            "partner",
            "actor",
            "influence_share",
            "influence_share_sd",
            "spent",
            "spent_sd",
            "actor_payoff",
            "actor_payoff_sd",
        ])?;
        for state in &self.states {
            for actor in &state.actors {
                w.write_record([
                    state.name.clone(),
                    String::new(),
                    actor.name.clone(),
                    actor.influence_share.mean.to_string(),
                    actor.influence_share.std.to_string(),
                    actor.spent.mean.to_string(),
                    actor.spent.std.to_string(),
                    actor.payoff.mean.to_string(),
                    actor.payoff.std.to_string(),
                ])?;
            }
        }
        for (pair, place, player, partner) in self.sides() {
            for actor in &pair.actors[place] {
                w.write_record([
                    self.name(player).to_owned(),
                    self.name(partner).to_owned(),
                    actor.name.clone(),
                    actor.influence_share.to_string(),
                    String::new(),
                    actor.spent.to_string(),
                    String::new(),
                    actor.payoff.to_string(),
                    String::new(),
                ])?;
            }
        }
        Ok(())
    }

    fn series_rows(&self, w: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
        w.write_record([
            "player",
            "partner",
            "round",
            "position",
            "politicization",
            "cooperation",
            "matches",
        ])?;
        for (pair, place, player, partner) in self.sides() {
            for round in &pair.series[place] {
                w.write_record([
                    self.name(player).to_owned(),
                    self.name(partner).to_owned(),
                    round.round.to_string(),
                    round.position.map(|p| p.to_string()).unwrap_or_default(),
                    round.politicization.to_string(),
                    round.cooperation.to_string(),
                    round.matches.to_string(),
                ])?;
            }
        }
        Ok(())
    }
}

impl Display for ArenaResults {
    /// Each state's cooperation and its actors' influence shares, spending
    /// and payoffs (means over repetitions, standard deviations in
    /// brackets); then each pair's cooperation and the domestic position
    /// and `pi` of each side in the last round.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Domestic arenas")?;
        let width = name_column_width(
            self.states
                .iter()
                .flat_map(|s| s.actors.iter().map(|a| a.name.as_str())),
            "Actor",
        );
        for state in &self.states {
            writeln!(
                f,
                "{}: cooperation {:.3} ({:.3}){}",
                table_name(&state.name),
                state.cooperation.mean,
                state.cooperation.std,
                if state.has_arena { "" } else { ", no arena" }
            )?;
            if state.actors.is_empty() {
                continue;
            }
            writeln!(
                f,
                "    {:<width$}  {:>17}  {:>17}  {:>17}",
                "Actor", "Influence (sd)", "Spent/match (sd)", "Payoff/match (sd)"
            )?;
            for actor in &state.actors {
                writeln!(
                    f,
                    "    {:<width$}  {:>8.4} ({:>6.4})  {:>8.3} ({:>6.3})  {:>8.3} ({:>6.3})",
                    table_name(&actor.name),
                    actor.influence_share.mean,
                    actor.influence_share.std,
                    actor.spent.mean,
                    actor.spent.std,
                    actor.payoff.mean,
                    actor.payoff.std,
                )?;
            }
        }
        let pair_width = name_column_width(self.states.iter().map(|s| s.name.as_str()), "Player");
        writeln!(
            f,
            "{:<pair_width$}  {:<pair_width$}  {:>6}  {:>8}  {:>8}",
            "Player", "Partner", "Coop", "Position", "pi (end)"
        )?;
        for (pair, place, player, partner) in self.sides() {
            let last = pair.last_round(place);
            writeln!(
                f,
                "{:<pair_width$}  {:<pair_width$}  {:>6.3}  {:>8}  {:>8.3}",
                table_name(self.name(player)),
                table_name(self.name(partner)),
                pair.cooperation[place],
                last.as_ref()
                    .and_then(|r| r.position)
                    .map_or_else(|| "-".to_owned(), |p| format!("{p:.3}")),
                last.as_ref().map_or(f64::NAN, |r| r.politicization),
            )?;
        }
        write!(
            f,
            "Cooperation: share of rounds; influence: share w_k / D_i of the weight engaged in the arena \
             (foreign pressure included); \
             spent: capability units per match; payoff: the actor's own (docs/actors.md) per match; \
             position and pi: means over the matches in the last round."
        )
    }
}

/// A spending rule as the report names it.
fn rule_name(rule: SpendingRule) -> String {
    match rule {
        SpendingRule::Responsive { below } => format!("Responsive(below: {below})"),
        other => format!("{other:?}"),
    }
}

impl TimingResults {
    /// Writes `timing.csv` (see the [report documentation](crate::report)) at
    /// `path`, atomically.
    pub fn write_csv(&self, path: &Path) -> Result<PathBuf, OutputError> {
        write_csv(path, |w| {
            w.write_record([
                "actor",
                "rule",
                "cooperation",
                "cooperation_se",
                "gain",
                "gain_se",
                "spent",
                "spent_se",
                "gain_per_unit",
                "gain_per_unit_se",
                "actor_payoff",
                "actor_payoff_se",
            ])?;
            let baseline = &self.baseline_cooperation;
            w.write_record([
                self.actor.clone(),
                "none (baseline)".to_owned(),
                baseline.mean.to_string(),
                baseline.standard_error().to_string(),
                "0".to_owned(),
                "0".to_owned(),
                "0".to_owned(),
                "0".to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ])?;
            for rule in &self.rules {
                let mut record = vec![self.actor.clone(), rule_name(rule.rule)];
                for summary in [
                    Some(&rule.cooperation),
                    Some(&rule.gain),
                    Some(&rule.spent),
                    rule.gain_per_unit.as_ref(),
                    Some(&rule.actor_payoff),
                ] {
                    record.push(summary.map(|s| s.mean.to_string()).unwrap_or_default());
                    record.push(
                        summary
                            .map(|s| s.standard_error().to_string())
                            .unwrap_or_default(),
                    );
                }
                w.write_record(record)?;
            }
            Ok(())
        })
    }
}

impl Display for TimingResults {
    /// One line per rule: the cooperation of the actor's state, the gain
    /// over spending nothing, the spending and the gain per unit spent,
    /// each with its standard error over repetitions.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Timing of {} (budget {} a match); baseline (spending nothing): cooperation {:.4} \
             (se {:.4})",
            self.actor,
            self.budget,
            self.baseline_cooperation.mean,
            self.baseline_cooperation.standard_error()
        )?;
        writeln!(
            f,
            "{:<24}  {:>17}  {:>17}  {:>15}  {:>19}",
            "Rule", "Coop (se)", "Gain (se)", "Spent (se)", "Gain/unit (se)"
        )?;
        for rule in &self.rules {
            let per_unit = rule.gain_per_unit.as_ref().map_or_else(
                || "nothing spent".to_owned(),
                |s| format!("{:.5} ({:.5})", s.mean, s.standard_error()),
            );
            writeln!(
                f,
                "{:<24}  {:>8.4} ({:>6.4})  {:>8.4} ({:>6.4})  {:>7.2} ({:>5.2})  {:>19}",
                rule_name(rule.rule),
                rule.cooperation.mean,
                rule.cooperation.standard_error(),
                rule.gain.mean,
                rule.gain.standard_error(),
                rule.spent.mean,
                rule.spent.standard_error(),
                per_unit,
            )?;
        }
        write!(
            f,
            "Coop: share of rounds the actor's state cooperated; gain: over the baseline, paired \
             by repetition; spent: capability units per match; gain/unit: gain per unit spent."
        )
    }
}
