//! A spread's files ([`NetworkResults::write_files`]), written only for a
//! spatial tournament with a `spread`:
//!
//! - `network.json`: the whole record (rules, per-epoch aggregates,
//!   per-epoch and per-node levels and cooperation, final map);
//! - `network_epochs.csv`: one row an epoch: mean politicization, mean
//!   autonomy, cooperation (share of moves) and the mean policy payoff
//!   per turn (policy currency);
//! - `network_nodes.csv`: one row an epoch and a node: the politicization,
//!   autonomy and political weight it played at, and its cooperation.

use std::path::{Path, PathBuf};

use super::{OutputError, write_csv, write_json_file};
use crate::round_robin::NetworkResults;

impl NetworkResults {
    /// Writes into `folder`, each atomically, and returns their paths:
    /// `network.json` (the whole record), `network_epochs.csv` (one row an
    /// epoch: mean politicization, mean autonomy, cooperation as a share of
    /// moves, mean policy payoff per turn in the policy currency) and
    /// `network_nodes.csv` (one row an epoch and a node: the
    /// politicization, autonomy and political weight it played at, and its
    /// cooperation).
    pub fn write_files(&self, folder: &Path) -> Result<Vec<PathBuf>, OutputError> {
        let json = write_json_file(self, &folder.join("network.json"))?;
        let epochs = write_csv(&folder.join("network_epochs.csv"), |w| {
            w.write_record([
                "epoch",
                "mean_politicization",
                "mean_autonomy",
                "cooperation",
                "policy_payoff",
            ])?;
            for e in &self.epochs {
                w.write_record([
                    e.epoch.to_string(),
                    e.mean_politicization.to_string(),
                    e.mean_autonomy.to_string(),
                    e.cooperation.to_string(),
                    e.policy_payoff.to_string(),
                ])?;
            }
            Ok(())
        })?;
        let nodes = write_csv(&folder.join("network_nodes.csv"), |w| {
            w.write_record([
                "epoch",
                "node",
                "politicization",
                "autonomy",
                "political_weight",
                "cooperation",
            ])?;
            for (e, pis) in self.politicization.iter().enumerate() {
                for (i, pi) in pis.iter().enumerate() {
                    w.write_record([
                        e.to_string(),
                        i.to_string(),
                        pi.to_string(),
                        self.autonomy[e][i].to_string(),
                        self.political_weight[e][i].to_string(),
                        self.cooperation[e][i].to_string(),
                    ])?;
                }
            }
            Ok(())
        })?;
        Ok(vec![json, epochs, nodes])
    }
}
