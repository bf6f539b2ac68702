//! The lever report as an aligned text table ([`Display`](fmt::Display)).

use std::fmt;

use crate::levers::{ECOLOGICAL_GENERATIONS, EVOLVED_FITNESS, LeverReport, Setting};

/// A standard error in parentheses, 8 characters wide; `-` when unknown.
fn standard_error(value: Option<f64>) -> String {
    match value {
        Some(se) => format!("{:>8}", format!("({se:.4})")),
        None => format!("{:>8}", "-"),
    }
}

/// A value for the table, or `-` when there is none.
fn cell(value: Option<f64>, width: usize, signed: bool) -> String {
    match value {
        Some(v) if signed => format!("{v:>+width$.4}"),
        Some(v) => format!("{v:>width$.4}"),
        None => format!("{:>width$}", "-"),
    }
}

impl fmt::Display for LeverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "The six levers on \"{}\" (seed {}, {} repetitions; both settings of a lever use the same seed)",
            self.tournament, self.seed, self.repetitions
        )?;
        let header = |f: &mut fmt::Formatter<'_>, cells: [&str; 15]| {
            let [a, b, c, d, e, g, h, se, i, j, k, l, m, n, o] = cells;
            writeln!(
                f,
                "{a:<23} {b:<16} {c:>5} {d:>5} | {e:>6} {g:>6} {h:>7} {se:>8} | {i:>6} {j:>6} {k:>7} | {l:>6} {m:>6} {n:>7} | {o:>11}"
            )
        };
        header(
            f,
            [
                "lever",
                "parameter",
                "low",
                "high",
                "coop",
                "coop",
                "",
                "",
                "evolved",
                "coop",
                "",
                "policy",
                "policy",
                "",
                "pi",
            ],
        )?;
        header(
            f,
            [
                "",
                "",
                "",
                "",
                "low",
                "high",
                "effect",
                "(se)",
                "low",
                "high",
                "effect",
                "low",
                "high",
                "effect",
                "low / high",
            ],
        )?;
        writeln!(f, "{}", "-".repeat(137))?;
        for outcome in &self.levers {
            let marked = |setting: Setting, value: f64| {
                let star = if outcome.pulled == setting { "*" } else { "" };
                format!("{value}{star}")
            };
            let evolved_effect = match (
                outcome.pulled_and_not().0.evolved_cooperation,
                outcome.pulled_and_not().1.evolved_cooperation,
            ) {
                (Some(pulled), Some(not)) => Some(pulled - not),
                _ => None,
            };
            writeln!(
                f,
                "{:<23} {:<16} {:>5} {:>5} | {} {} {} {} | {} {} {} | {} {} {} | {:>5.3} {:>5.3}",
                outcome.name,
                outcome.parameter,
                marked(Setting::Low, outcome.low.value),
                marked(Setting::High, outcome.high.value),
                cell(Some(outcome.low.cooperation), 6, false),
                cell(Some(outcome.high.cooperation), 6, false),
                cell(Some(outcome.effect(|m| m.cooperation)), 7, true),
                standard_error(outcome.cooperation_effect_standard_error()),
                cell(outcome.low.evolved_cooperation, 6, false),
                cell(outcome.high.evolved_cooperation, 6, false),
                cell(evolved_effect, 7, true),
                cell(Some(outcome.low.payoffs.policy), 6, false),
                cell(Some(outcome.high.payoffs.policy), 6, false),
                cell(Some(outcome.effect(|m| m.payoffs.policy)), 7, true),
                outcome.low.politicization,
                outcome.high.politicization,
            )?;
        }
        writeln!(
            f,
            "*: the setting the article recommends (the lever pulled); effect: pulled minus not pulled;\n\
             (se): the effect's standard error over the paired repetitions.\n\
             coop: cooperation rate, mean over all matches; evolved coop: the cooperation rate of the\n\
             population after {ECOLOGICAL_GENERATIONS} generations of Axelrod's ecological dynamics on the run's {EVOLVED_FITNESS}s;\n\
             policy: policy payoff per player and turn; pi: mean politicization. The JSON report adds the\n\
             political payoff and own utility (each player's on its own scale), per run and per player."
        )?;
        for outcome in &self.levers {
            if let Some(note) = &outcome.note {
                writeln!(f, "note ({}): {note}", outcome.name)?;
            }
        }
        for skipped in &self.not_run {
            writeln!(f, "not run ({}): {skipped}", skipped.name)?;
        }
        Ok(())
    }
}
