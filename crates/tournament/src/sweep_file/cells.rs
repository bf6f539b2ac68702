//! Running cells: preparing an output folder (resume, shards), playing a
//! cell with its replicate's seed, its rows of the tidy CSV, and the
//! folders of finished cells.

#[allow(clippy::wildcard_imports)]
use super::*;

impl Sweep {
    /// Prepares `folder` for the sweep, or for one shard of it: checks
    /// that it holds this sweep (and this shard) or nothing yet, writes
    /// `sweep.json` (and `shard.json`), and lists the cells that are the
    /// shard's and those of them still to run.
    pub fn prepare(&self, folder: &Path, shard: Option<Shard>) -> Result<Pending, SweepError> {
        claim_folder(folder, &self.identity)?;
        if let Some(shard) = shard {
            let path = folder.join("shard.json");
            match fs::read_to_string(&path) {
                Ok(text) => {
                    let found: Shard =
                        serde_json::from_str(&text).map_err(|e| SweepError::Malformed {
                            path: path.clone(),
                            expected: "a shard description",
                            reason: e.to_string(),
                        })?;
                    if found != shard {
                        return Err(SweepError::OtherShard {
                            folder: folder.to_path_buf(),
                            found,
                            expected: shard,
                        });
                    }
                }
                Err(_) => {
                    write_json_file(&shard, &path)?;
                }
            }
        }
        let owned: Vec<usize> = (0..self.identity.cells)
            .filter(|&c| shard.is_none_or(|s| s.owns(c)))
            .collect();
        let done = finished_cells(folder)?;
        let to_run = owned
            .iter()
            .copied()
            .filter(|c| !done.contains(c))
            .collect();
        Ok(Pending { owned, to_run })
    }

    /// Plays cell `cell` and writes its folder whole: the base kind's
    /// result files (a round robin's files, a regime's `regime.json`, a
    /// society's `society.csv` and `society.json`, a negotiation's
    /// `negotiation_pairs.csv`, `negotiation_runs.csv` and
    /// `negotiation.json`), `rows.csv`, its rows of the tidy CSV, and
    /// `cell.json`, its identity ([`CellIdentity`]: the sweep's hash, the
    /// cell, its point, replicate and seed, and the hash of `rows.csv`),
    /// which [`finish`] and [`merge`] check.
    pub fn run_cell(&self, folder: &Path, cell: usize) -> Result<(), SweepError> {
        let (results, rows) = self.play_cell(cell)?;
        let set = OutputSet::create_inside_locked(&cell_folder(folder, cell))?;
        match &results {
            FileResults::RoundRobin { results, .. } => {
                results.write_files(set.path(), OutputOptions::default())?;
            }
            FileResults::Regime(results) => {
                write_json_file(results.as_ref(), &set.path().join("regime.json"))?;
            }
            FileResults::Society { sweep, .. } => {
                sweep.write_csv(set.path().join("society.csv"))?;
                sweep.write_json(set.path().join("society.json"))?;
            }
            FileResults::Negotiation(results) => {
                results.write_files(set.path())?;
            }
            FileResults::Fixation(results) => {
                results.write_files(set.path())?;
            }
            FileResults::Sweep(_) => {}
        }
        write_atomically(&set.path().join("rows.csv"), |w| {
            w.write_all(rows.as_bytes())
        })?;
        let identity = CellIdentity::of(&self.identity, cell, &rows);
        write_json_file(&identity, &set.path().join(CELL_IDENTITY))?;
        set.commit()?;
        Ok(())
    }

    /// Plays cell `cell`: its results and its rows of the tidy CSV. A
    /// round robin plays its point's tournament with the replicate's seed;
    /// a regime, society or negotiation base loads its point's file through
    /// [`AnyFile`], with the replicate's seed set by [`AnyFile::with_seed`].
    fn play_cell(&self, cell: usize) -> Result<(FileResults, String), SweepError> {
        let Cell {
            point,
            replicate,
            seed,
            values,
            ..
        } = self.identity.grid_cells().cell(cell);
        let identity = &self.identity;
        let mut rows = String::new();
        let mut row = |unit: &str, measure: &str, value: f64| {
            let _ = write!(rows, "{cell},{point},{replicate},{seed}");
            for v in &values {
                let _ = write!(rows, ",{v}");
            }
            let _ = writeln!(rows, ",{},{measure},{value}", csv_field(unit));
        };
        let results = match identity.kind {
            BaseKind::RoundRobin => {
                let results = self.points[point].clone().with_seed(seed).play();
                for player in 0..results.standings.len() {
                    for (measure, value) in measures(&results, player) {
                        row(&results.standings[player].name, &measure, value);
                    }
                }
                FileResults::RoundRobin {
                    results: Box::new(results),
                    evolution: None,
                    timing: None,
                }
            }
            BaseKind::Regime | BaseKind::Society | BaseKind::Negotiation | BaseKind::Fixation => {
                let loaded = match &self.others[point] {
                    Loaded::Regime(t) => Loaded::Regime(t.clone()),
                    // A cell measures the society's sweep only; its
                    // evolution block, as a round robin's, does not run.
                    Loaded::Society(c) => Loaded::Society(Box::new(SocietyConfig {
                        evolution: None,
                        ..c.as_ref().clone()
                    })),
                    Loaded::Negotiation(file) => Loaded::Negotiation(file.clone()),
                    Loaded::Fixation(file) => Loaded::Fixation(file.clone()),
                    _ => unreachable!(
                        "a sweep's other points are regimes, societies, negotiations or \
                         fixation files"
                    ),
                };
                let (origin, text) = &self.base;
                let results = AnyFile::from_loaded(origin, text, loaded)
                    .with_seed(seed)
                    .play()
                    .map_err(|error| match error {
                        FileError::Config(e) => SweepError::from(e),
                        FileError::Sweep(e) => e,
                        FileError::Parameter(e) => {
                            SweepError::from(ConfigError::from_parameter(origin, e))
                        }
                    })?;
                for (unit, measure, value) in other_measures(&results) {
                    row(&unit, measure, value);
                }
                results
            }
        };
        Ok((results, rows))
    }

    /// Runs the sweep, or one shard of it, into `folder`, holding the
    /// folder's [`OutputLock`](crate::output::OutputLock) (another run
    /// into it is refused): prepares it ([`Sweep::prepare`]), plays the cells not yet finished (reporting
    /// each to `progress`) and, for the whole sweep, writes `sweep.csv`
    /// and `summary.csv` ([`finish`]). Returns what was run, with the
    /// summary of a whole sweep.
    pub fn run(
        &self,
        folder: &Path,
        shard: Option<Shard>,
        progress: &dyn Progress,
    ) -> Result<SweepRun, SweepError> {
        let _lock = crate::output::OutputLock::acquire(folder)?;
        let pending = self.prepare(folder, shard)?;
        self.run_cells(folder, &pending.to_run, progress)?;
        let summary = match shard {
            None => Some(finish(folder, &self.identity)?),
            Some(_) => None,
        };
        Ok(SweepRun { pending, summary })
    }

    /// Plays and writes the given cells one after another (each round
    /// robin plays on the rayon pool), reporting each finished cell to
    /// `progress`.
    pub fn run_cells(
        &self,
        folder: &Path,
        cells: &[usize],
        progress: &dyn Progress,
    ) -> Result<(), SweepError> {
        progress.start(cells.len() as u64);
        for &cell in cells {
            self.run_cell(folder, cell)?;
            progress.advance(1);
        }
        Ok(())
    }

    /// Plays every cell without writing a file and returns the tidy table
    /// and its summary, the same bytes [`Sweep::run`] writes to
    /// `sweep.csv` and `summary.csv`. Each cell's round robin is dropped
    /// once its rows are taken, so memory holds only the rows.
    pub fn run_in_memory(&self, progress: &dyn Progress) -> Result<SweepResults, SweepError> {
        let identity = &self.identity;
        let cells = identity.grid_cells();
        progress.start(cells.count() as u64);
        let mut tidy = tidy_header(identity);
        for cell in 0..cells.count() {
            tidy.push_str(&self.play_cell(cell)?.1);
            progress.advance(1);
        }
        let summary = summarise(identity, &tidy, Path::new("sweep.csv"))?;
        Ok(SweepResults {
            identity: identity.clone(),
            tidy,
            summary,
        })
    }
}

/// The cells of a sweep (or shard) in an output folder
/// ([`Sweep::prepare`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// The cells of the shard (every cell of an unsharded sweep).
    pub owned: Vec<usize>,
    /// Those of them not finished yet, in order.
    pub to_run: Vec<usize>,
}

/// What [`Sweep::run`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    /// The cells it owned and ran.
    pub pending: Pending,
    /// The summary of the complete sweep; `None` for a shard (merge the
    /// shards to get it).
    pub summary: Option<SweepSummary>,
}

/// A whole sweep run in memory ([`Sweep::run_in_memory`]).
#[derive(Clone, Debug, PartialEq)]
pub struct SweepResults {
    /// What identifies the sweep.
    pub identity: SweepIdentity,
    /// The tidy CSV, header included: a row per cell, player and measure
    /// (what `sweep.csv` holds).
    pub tidy: String,
    /// Mean, standard deviation and standard error over replicates.
    pub summary: SweepSummary,
}

impl std::fmt::Display for SweepResults {
    /// A table per grid point: each player's mean scores in every currency
    /// and cooperation rate, with standard errors over the replicates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let identity = &self.identity;
        writeln!(
            f,
            "Sweep \"{}\": {} points x {} replicates = {} cells, seed {}",
            identity.name,
            identity.cells / identity.replicates as usize,
            identity.replicates,
            identity.cells,
            identity.seed
        )?;
        let shown: Vec<usize> = (0..self.summary.measures.len())
            .filter(|&m| {
                let measure = &self.summary.measures[m];
                measure.starts_with("score_")
                    || measure == "cooperation_rate"
                    // A regime's and a society's own measures (a round
                    // robin has none of them).
                    || ["success_rate", "welfare", "good_share"].contains(&measure.as_str())
                    || measure.starts_with("payoff_")
                    // A negotiation's zone, share and ratification rate.
                    || ["zone_low", "zone_high", "share", "ratified"].contains(&measure.as_str())
                    // A fixation file's estimate beside 1/N and the
                    // analytic threshold.
                    || ["fixation_probability", "neutral", "threshold"]
                        .contains(&measure.as_str())
            })
            .collect();
        if identity.kind == BaseKind::Fixation {
            writeln!(
                f,
                "fixation_probability: the share of runs one mutant took over, beside the \
                 neutral 1/N and the analytic b/c threshold; payoffs in the base file's \
                 currency (policy for a Donation or Matrix game, blended utility for a Stage game)"
            )?;
        }
        let width = identity.players.iter().map(String::len).max().unwrap_or(0);
        for (point, players) in self.summary.stats.iter().enumerate() {
            let settings: Vec<String> = identity
                .grid
                .iter()
                .zip(point_values(&identity.grid, point))
                .map(|(axis, v)| format!("{} = {v}", axis.path))
                .collect();
            writeln!(f, "\nPoint {point} ({}):", settings.join(", "))?;
            write!(f, "  {:width$}", "player")?;
            for &m in &shown {
                write!(f, " {:>22}", self.summary.measures[m])?;
            }
            writeln!(f)?;
            for (player, stats) in players.iter().enumerate() {
                write!(f, "  {:width$}", identity.players[player])?;
                for &m in &shown {
                    let (mean, _, se) = stats[m];
                    if self.summary.counts[point][player][m] == 0 {
                        // A measure this unit does not have.
                        write!(f, " {:>22}", "-")?;
                    } else {
                        write!(f, " {:>22}", format!("{mean:.4} ± {se:.4}"))?;
                    }
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

/// The file of a cell's folder that holds its [`CellIdentity`].
pub const CELL_IDENTITY: &str = "cell.json";

/// What a cell's folder holds, written to its `cell.json`: the sweep, the
/// cell, its point, replicate and seed, and the FNV-1a hash of its
/// `rows.csv`. [`finish`] and [`merge`] check it against the folder's
/// number and the sweep, so a folder moved from another cell or another
/// sweep, or rows edited after they were written, are refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellIdentity {
    /// The sweep's hash ([`SweepIdentity::hash`]).
    pub sweep: String,
    /// The cell's number.
    pub cell: usize,
    /// The cell's grid point.
    pub point: usize,
    /// The cell's replicate.
    pub replicate: u32,
    /// The seed the cell played with.
    pub seed: u64,
    /// The FNV-1a hash of the cell's `rows.csv`, in hex.
    pub rows: String,
}

impl CellIdentity {
    /// The identity of cell `cell` of the sweep `identity` whose rows are
    /// `rows`.
    #[must_use]
    pub fn of(identity: &SweepIdentity, cell: usize, rows: &str) -> CellIdentity {
        let Cell {
            point,
            replicate,
            seed,
            ..
        } = identity.grid_cells().cell(cell);
        CellIdentity {
            sweep: identity.hash.clone(),
            cell,
            point,
            replicate,
            seed,
            rows: format!("{:016x}", fnv1a(&[rows.as_bytes()])),
        }
    }
}

/// The folder of cell `cell`.
pub(super) fn cell_folder(folder: &Path, cell: usize) -> PathBuf {
    folder.join("cells").join(format!("{cell:06}"))
}

/// The measures of the tidy CSV, each with its value for one standing.
/// How many measures [`measures`] gives for each player: the score and
/// the wins in every currency, the cooperation rate and the rank.
pub(super) const MEASURES_PER_PLAYER: usize = 2 * Currency::ALL.len() + 2;

pub(super) fn measures(results: &RoundRobinResults, player: usize) -> Vec<(String, f64)> {
    let standing = &results.standings[player];
    let rank = results
        .ranking
        .iter()
        .position(|&p| p == player)
        .unwrap_or(0)
        + 1;
    let mut rows: Vec<(String, f64)> = Currency::ALL
        .iter()
        .map(|&c| (format!("score_{}", c.label()), standing.scores[c].mean))
        .collect();
    rows.extend(
        Currency::ALL
            .iter()
            .map(|&c| (format!("wins_{}", c.label()), standing.wins[c].mean)),
    );
    rows.push(("cooperation_rate".to_owned(), standing.cooperation_rate));
    rows.push(("rank".to_owned(), rank as f64));
    debug_assert_eq!(rows.len(), MEASURES_PER_PLAYER);
    rows
}

/// How many measures a regime entrant has: its score in every currency
/// and its cooperation rate.
pub(super) const REGIME_MEASURES_PER_ENTRANT: usize = Currency::ALL.len() + 1;

/// How many measures a society unit has: the good share, the cooperation
/// rate and the payoff per interaction in every currency.
pub(super) const SOCIETY_MEASURES_PER_UNIT: usize = Currency::ALL.len() + 2;

/// The rows of a regime's or a society's results: (unit, measure, value).
/// A regime gives, per entrant (its standing), `score_<currency>` and
/// `cooperation_rate`, then for the unit `regime` its `success_rate` and
/// `welfare`; a society gives, per point of its own q and mu grid (one
/// unit `society` without one), `good_share`, `cooperation_rate` and
/// `payoff_<currency>` (per interaction).
pub(super) fn other_measures(results: &FileResults) -> Vec<(String, &'static str, f64)> {
    let mut rows = Vec::new();
    match results {
        FileResults::Regime(results) => {
            for standing in &results.standings {
                for c in Currency::ALL {
                    rows.push((standing.name.clone(), score_label(c), standing.scores[c]));
                }
                rows.push((
                    standing.name.clone(),
                    "cooperation_rate",
                    standing.cooperation_rate,
                ));
            }
            rows.push((REGIME_UNIT.to_owned(), "success_rate", results.success_rate));
            rows.push((REGIME_UNIT.to_owned(), "welfare", results.welfare));
        }
        FileResults::Society { sweep, .. } => {
            let units = if sweep.points.len() == 1 {
                vec!["society".to_owned()]
            } else {
                sweep
                    .points
                    .iter()
                    .map(|p| format!("q={} mu={}", p.q, p.mu))
                    .collect()
            };
            for (unit, point) in units.into_iter().zip(&sweep.points) {
                rows.push((unit.clone(), "good_share", point.good_share));
                rows.push((unit.clone(), "cooperation_rate", point.cooperation));
                for c in Currency::ALL {
                    let value = match c {
                        Currency::Policy => point.policy_per_interaction,
                        Currency::Political => point.political_per_interaction,
                        Currency::Utility => point.utility_per_interaction,
                    };
                    rows.push((unit.clone(), payoff_label(c), value));
                }
            }
        }
        FileResults::Negotiation(results) => negotiation_measures(results, &mut rows),
        FileResults::Fixation(results) => {
            for (k, row) in results.rows.iter().enumerate() {
                for (measure, value) in crate::fixation_file::FIXATION_MEASURES
                    .into_iter()
                    .zip(results.measures(k))
                {
                    rows.push((row.unit.clone(), measure, value));
                }
            }
        }
        FileResults::RoundRobin { .. } | FileResults::Sweep(_) => {}
    }
    rows
}

/// The measures of each pair of a negotiation sweep, in the order of its
/// rows. A measure that a cell does not have (the bounds of an empty zone,
/// the reservation of an empty win-set, the share when no agreement was
/// ratified, the compliance without an agreement) is written `NaN`, and
/// the summary leaves it out (its `n` counts the replicates that had it).
/// Payoffs are per round played, each in its currency (`policy`,
/// `political`, `utility` on the state's own scale, `net_policy` after
/// sanctions); `side_payments_*` are paid per repetition, in policy units.
pub const NEGOTIATION_MEASURES: [&str; 30] = [
    "zone_open",
    "zone_low",
    "zone_high",
    "reservation_a",
    "reservation_b",
    "unconstrained_share",
    "constrained_share",
    "share",
    "reached",
    "ratified",
    "involuntary_defection",
    "involuntary_defection_closed_form",
    "proposal_closed_form",
    "complied",
    "withdrawn",
    "renegotiated",
    "compliance",
    "cooperation_rate",
    "payoff_policy_a",
    "payoff_political_a",
    "payoff_utility_a",
    "net_policy_a",
    "side_payments_a",
    "sanctions_imposed_a",
    "payoff_policy_b",
    "payoff_political_b",
    "payoff_utility_b",
    "net_policy_b",
    "side_payments_b",
    "sanctions_imposed_b",
];

/// Appends the rows of every pair of a negotiation's results, in the
/// order of [`NEGOTIATION_MEASURES`].
fn negotiation_measures(results: &NegotiationResults, rows: &mut Vec<(String, &'static str, f64)>) {
    for pair in &results.pairs {
        let (n, s) = (&pair.negotiation, &pair.summary);
        let (low, high) = match n.zone() {
            Zone::Open { low, high } => (low, high),
            Zone::Empty(_) => (f64::NAN, f64::NAN),
        };
        let [a, b] = &s.states;
        let values = [
            f64::from(u8::from(n.zone_open)),
            low,
            high,
            n.reservations[0].unwrap_or(f64::NAN),
            n.reservations[1].unwrap_or(f64::NAN),
            n.unconstrained_share,
            n.constrained_share.unwrap_or(f64::NAN),
            s.share.unwrap_or(f64::NAN),
            n.reached.mean,
            n.ratified.mean,
            n.failed.mean,
            n.failure_probability,
            n.proposal_probability,
            s.complied.mean,
            s.withdrawn.mean,
            s.renegotiated.mean,
            s.compliance.unwrap_or(f64::NAN),
            s.cooperation,
            a.policy,
            a.political,
            a.utility,
            a.net_policy,
            a.side_payments,
            a.sanctions_imposed,
            b.policy,
            b.political,
            b.utility,
            b.net_policy,
            b.side_payments,
            b.sanctions_imposed,
        ];
        let unit = pair_unit(&pair.states[0], &pair.states[1]);
        for (measure, value) in NEGOTIATION_MEASURES.into_iter().zip(values) {
            rows.push((unit.clone(), measure, value));
        }
    }
}

/// `score_<currency>`, as the round-robin rows name it.
fn score_label(c: Currency) -> &'static str {
    match c {
        Currency::Policy => "score_policy",
        Currency::Political => "score_political",
        Currency::Utility => "score_utility",
    }
}

/// `payoff_<currency>`: a society's payoff per interaction.
fn payoff_label(c: Currency) -> &'static str {
    match c {
        Currency::Policy => "payoff_policy",
        Currency::Political => "payoff_political",
        Currency::Utility => "payoff_utility",
    }
}

/// The header of `sweep.csv`.
pub(super) fn tidy_header(identity: &SweepIdentity) -> String {
    let mut header = String::from("cell,point,replicate,seed");
    for axis in &identity.grid {
        header.push(',');
        header.push_str(&csv_field(&axis.path));
    }
    header.push_str(",player,measure,value\n");
    header
}

/// A CSV field, quoted when it needs to be.
pub(super) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Reads a file of an output folder whole.
pub(super) fn read_file(path: &Path) -> Result<Vec<u8>, SweepError> {
    fs::read(path).map_err(|source| SweepError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The finished cells in a folder.
pub(super) fn finished_cells(folder: &Path) -> Result<BTreeSet<usize>, SweepError> {
    let cells = folder.join("cells");
    let mut done = BTreeSet::new();
    let unreadable = |source| SweepError::Read {
        path: cells.clone(),
        source,
    };
    let entries = match fs::read_dir(&cells) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(unreadable(e)),
    };
    for entry in entries {
        let entry = entry.map_err(unreadable)?;
        // Hidden staging folders of interrupted cells are not finished.
        if let Some(cell) = entry.file_name().to_str().and_then(|n| n.parse().ok()) {
            done.insert(cell);
        }
    }
    Ok(done)
}

/// The first ten of a list of missing cells.
pub(super) fn first_ten(missing: &[usize]) -> Vec<usize> {
    missing[..missing.len().min(10)].to_vec()
}
