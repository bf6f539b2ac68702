//! A negotiation file's results ([`NegotiationResults`]) as a text report
//! ([`Display`]) and as files ([`NegotiationResults::write_files`]):
//! `negotiation_pairs.csv` (one row per pair), `negotiation_runs.csv` (one
//! row per pair and repetition) and `negotiation.json` (everything).

use std::fmt::{self, Display};
use std::path::{Path, PathBuf};

use super::files::{OutputError, write_csv, write_json_file};
use super::table::table_name;
use crate::negotiation::{NegotiationResults, PairReport};

/// A number, or `-` for none.
fn optional(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.digits$}"))
}

/// A number for CSV, or an empty cell for none.
fn cell(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

impl Display for NegotiationResults {
    /// Per pair: the win-sets (`R_A`, `R_B`; `empty` for an empty
    /// win-set), the zone of agreement, the unconstrained and constrained
    /// shares and the mean agreed share, the rates (reached, ratified,
    /// involuntary defection beside its closed form, complied, withdrawn,
    /// renegotiated, each with its standard error), cooperation and
    /// compliance, and each state's payoff per round in every currency;
    /// then what the currencies are.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Negotiation {}: {}, psi {}, {} repetition(s) per pair, seed {}.",
            self.name, self.protocol, self.compliance_cost, self.repetitions, self.seed
        )?;
        for pair in &self.pairs {
            writeln!(f)?;
            pair_report(f, pair)?;
        }
        write!(
            f,
            "\nCurrencies, per round played: policy = policy payoff (absolute gains, side \
             payments and sanctions included); net = the same policy payoff (sanctions are \
             played, not booked beside it); political = political payoff (relative gains \
             include the transfers); utility = each state's own blend (its own scale). \
             Rates: share of repetitions (standard error)."
        )
    }
}

/// One pair's block of the report.
fn pair_report(f: &mut fmt::Formatter<'_>, pair: &PairReport) -> fmt::Result {
    let n = &pair.negotiation;
    let s = &pair.summary;
    let [a, b] = [table_name(&pair.states[0]), table_name(&pair.states[1])];
    writeln!(f, "{a} (A) and {b} (B)")?;
    let reservation = |r: Option<f64>| r.map_or_else(|| "empty".to_owned(), |v| format!("{v:.4}"));
    let zone = match (n.reservations, n.zone_open) {
        ([Some(r_a), Some(r_b)], true) => format!("[{r_a:.4}, {:.4}]", 1.0 - r_b),
        ([Some(r_a), Some(r_b)], false) => format!("empty (R_A + R_B = {:.4} > 1)", r_a + r_b),
        _ => "empty (an empty win-set)".to_owned(),
    };
    writeln!(
        f,
        "  R_A {}, R_B {}, zone {zone}",
        reservation(n.reservations[0]),
        reservation(n.reservations[1])
    )?;
    writeln!(
        f,
        "  share: unconstrained {:.4}, constrained {}, agreed (mean) {}",
        n.unconstrained_share,
        optional(n.constrained_share, 4),
        optional(s.share, 4)
    )?;
    let rate = |r: crate::negotiation::Rate| format!("{:.4} ({:.4})", r.mean, r.standard_error);
    writeln!(
        f,
        "  reached {}  ratified {}  involuntary defection {} (closed form {:.4})",
        rate(n.reached),
        rate(n.ratified),
        rate(n.failed),
        n.failure_probability
    )?;
    writeln!(
        f,
        "  complied {}  withdrawn {}  renegotiated {}",
        rate(s.complied),
        rate(s.withdrawn),
        rate(s.renegotiated)
    )?;
    if let Some(h) = &s.hoarding {
        writeln!(
            f,
            "  hoarding: delay {:.2} rounds (mean over ratified), agreements lost {}",
            h.delay,
            rate(h.lost)
        )?;
    }
    writeln!(
        f,
        "  cooperation {:.4}, compliance {}",
        s.cooperation,
        optional(s.compliance, 4)
    )?;
    let width = a.chars().count().max(b.chars().count()).max(5);
    writeln!(
        f,
        "  {:<width$}  {:>9}  {:>9}  {:>9}  {:>9}  {:>13}  {:>9}",
        "state", "policy", "net", "political", "utility", "side payments", "sanctions",
    )?;
    for (name, state) in [a, b].iter().zip(&s.states) {
        writeln!(
            f,
            "  {:<width$}  {:>9.4}  {:>9.4}  {:>9.4}  {:>9.4}  {:>13.4}  {:>9.2}",
            name,
            state.policy,
            state.net_policy,
            state.political,
            state.utility,
            state.side_payments,
            state.sanctions_imposed,
        )?;
    }
    Ok(())
}

/// The header of `negotiation_pairs.csv`.
pub const PAIRS_CSV_HEADER: [&str; 33] = [
    "state_a",
    "state_b",
    "reservation_a",
    "reservation_b",
    "zone_open",
    "zone_low",
    "zone_high",
    "unconstrained_share",
    "constrained_share",
    "agreed_share_mean",
    "reached",
    "reached_se",
    "ratified",
    "ratified_se",
    "involuntary_defection",
    "involuntary_defection_se",
    "involuntary_defection_closed_form",
    "complied",
    "complied_se",
    "withdrawn",
    "withdrawn_se",
    "renegotiated",
    "compliance_mean",
    "cooperation",
    "policy_a",
    "policy_b",
    "net_policy_a",
    "net_policy_b",
    "political_a",
    "political_b",
    "utility_a",
    "utility_b",
    "repetitions",
];

/// The header of `negotiation_runs.csv`.
pub const RUNS_CSV_HEADER: [&str; 20] = [
    "state_a",
    "state_b",
    "repetition",
    "reached",
    "ratified",
    "share",
    "seen_reservation_b",
    "turns",
    "cooperation",
    "compliance",
    "final_share",
    "renegotiations",
    "withdrawn_state",
    "withdrawn_round",
    "policy_a",
    "policy_b",
    "political_a",
    "political_b",
    "utility_a",
    "utility_b",
];

impl NegotiationResults {
    /// Writes `negotiation_pairs.csv`, `negotiation_runs.csv` (totals per
    /// run, in every currency) and `negotiation.json` into `folder`, each
    /// atomically; returns the paths written.
    pub fn write_files(&self, folder: &Path) -> Result<Vec<PathBuf>, OutputError> {
        let pairs = write_csv(&folder.join("negotiation_pairs.csv"), |w| {
            w.write_record(PAIRS_CSV_HEADER)?;
            for pair in &self.pairs {
                let (n, s) = (&pair.negotiation, &pair.summary);
                let zone = match n.reservations {
                    [Some(r_a), Some(r_b)] if n.zone_open => (Some(r_a), Some(1.0 - r_b)),
                    _ => (None, None),
                };
                w.write_record([
                    pair.states[0].clone(),
                    pair.states[1].clone(),
                    cell(n.reservations[0]),
                    cell(n.reservations[1]),
                    n.zone_open.to_string(),
                    cell(zone.0),
                    cell(zone.1),
                    n.unconstrained_share.to_string(),
                    cell(n.constrained_share),
                    cell(s.share),
                    n.reached.mean.to_string(),
                    n.reached.standard_error.to_string(),
                    n.ratified.mean.to_string(),
                    n.ratified.standard_error.to_string(),
                    n.failed.mean.to_string(),
                    n.failed.standard_error.to_string(),
                    n.failure_probability.to_string(),
                    s.complied.mean.to_string(),
                    s.complied.standard_error.to_string(),
                    s.withdrawn.mean.to_string(),
                    s.withdrawn.standard_error.to_string(),
                    s.renegotiated.mean.to_string(),
                    cell(s.compliance),
                    s.cooperation.to_string(),
                    s.states[0].policy.to_string(),
                    s.states[1].policy.to_string(),
                    s.states[0].net_policy.to_string(),
                    s.states[1].net_policy.to_string(),
                    s.states[0].political.to_string(),
                    s.states[1].political.to_string(),
                    s.states[0].utility.to_string(),
                    s.states[1].utility.to_string(),
                    n.runs.len().to_string(),
                ])?;
            }
            Ok(())
        })?;
        let runs = write_csv(&folder.join("negotiation_runs.csv"), |w| {
            w.write_record(RUNS_CSV_HEADER)?;
            for pair in &self.pairs {
                for (r, run) in pair.negotiation.runs.iter().enumerate() {
                    w.write_record([
                        pair.states[0].clone(),
                        pair.states[1].clone(),
                        r.to_string(),
                        run.reached.to_string(),
                        run.ratified.to_string(),
                        cell(run.share),
                        cell(run.seen_reservation),
                        run.turns.to_string(),
                        run.cooperation.to_string(),
                        cell(run.compliance),
                        cell(run.final_share),
                        run.renegotiations.to_string(),
                        run.withdrawal
                            .map_or(String::new(), |w| w.state.to_string()),
                        run.withdrawal
                            .map_or(String::new(), |w| w.round.to_string()),
                        run.totals[0].policy.to_string(),
                        run.totals[1].policy.to_string(),
                        run.totals[0].political.to_string(),
                        run.totals[1].political.to_string(),
                        run.totals[0].utility.to_string(),
                        run.totals[1].utility.to_string(),
                    ])?;
                }
            }
            Ok(())
        })?;
        let json = write_json_file(self, &folder.join("negotiation.json"))?;
        Ok(vec![pairs, runs, json])
    }
}
