//! Whole-sweep files and merging: [`finish`] writes `sweep.csv` and
//! `summary.csv` ([`SweepSummary`]), [`merge`] joins the shards' folders.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Writes the whole-sweep files of a complete folder, `sweep.csv` and
/// `summary.csv`, and returns the summary. Fails, naming the missing
/// cells, when the folder lacks some, and naming the cell and the field
/// when a cell's folder does not hold that cell as it was written
/// ([`CellIdentity`]).
pub fn finish(folder: &Path, identity: &SweepIdentity) -> Result<SweepSummary, SweepError> {
    identity.check().map_err(|reason| SweepError::Malformed {
        path: folder.join("sweep.json"),
        expected: "a sweep description",
        reason,
    })?;
    let done = finished_cells(folder)?;
    let missing: Vec<usize> = (0..identity.cells).filter(|c| !done.contains(c)).collect();
    if !missing.is_empty() {
        return Err(SweepError::MissingCells {
            folder: Some(folder.to_path_buf()),
            missing: missing.len(),
            cells: identity.cells,
            first: first_ten(&missing),
            absent_shards: Vec::new(),
        });
    }
    let mut tidy = tidy_header(identity);
    for cell in 0..identity.cells {
        tidy.push_str(&checked_cell(folder, identity, cell)?);
    }
    let tidy_path = folder.join("sweep.csv");
    write_atomically(&tidy_path, |w| w.write_all(tidy.as_bytes()))?;
    let summary = summarise(identity, &tidy, &tidy_path)?;
    write_atomically(&folder.join("summary.csv"), |w| {
        w.write_all(summary.to_csv(identity).as_bytes())
    })?;
    Ok(summary)
}

/// Reads cell `cell`'s rows from `folder` (an output or a shard folder)
/// after checking that the cell's folder holds that cell of the sweep as
/// it was written: as many rows as the sweep's units have measures, a
/// `cell.json` naming this sweep, this cell, its point, replicate and seed
/// and the hash of these rows, and rows that name the same cell, point,
/// replicate, seed and point values, a unit of the sweep and a value that
/// is a number (`NaN` only for a negotiation's measures, which may be
/// undefined). Errors name the folder, the cell and the field.
pub(super) fn checked_cell(
    folder: &Path,
    identity: &SweepIdentity,
    cell: usize,
) -> Result<String, SweepError> {
    let here = cell_folder(folder, cell);
    let path = here.join("rows.csv");
    let rows = String::from_utf8_lossy(&read_file(&path)?).into_owned();
    let rows_per_cell = identity.kind.rows_per_cell(identity.players.len());
    // A cell damaged after it was written would silently drop a
    // replicate from its point's summary.
    // Counted as CSV records: a quoted player name may hold a line
    // break.
    let found = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows.as_bytes())
        .records()
        .count();
    if found != rows_per_cell {
        return Err(SweepError::Malformed {
            path,
            expected: "a cell's rows of the tidy CSV",
            reason: if identity.kind.is_round_robin() {
                format!(
                    "{found} rows; expected {rows_per_cell} ({} players x \
                     {MEASURES_PER_PLAYER} measures); run the cell again by removing its \
                     folder",
                    identity.players.len()
                )
            } else {
                format!(
                    "{found} rows; expected {rows_per_cell} (the measures of {} units); run \
                     the cell again by removing its folder",
                    identity.players.len()
                )
            },
        });
    }
    let mismatch = |field: String, found: String, expected: String| SweepError::ForeignCell {
        folder: folder.to_path_buf(),
        cell,
        field,
        found,
        expected,
    };
    let expected = CellIdentity::of(identity, cell, &rows);
    let identity_path = here.join(CELL_IDENTITY);
    let written: CellIdentity = match fs::read_to_string(&identity_path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| SweepError::Malformed {
            path: identity_path.clone(),
            expected: "a cell's identity",
            reason: format!("{e}; run the cell again by removing its folder"),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(mismatch(
                format!("`{CELL_IDENTITY}`"),
                "missing".into(),
                "the cell's identity (cell, point, replicate, seed)".into(),
            ));
        }
        Err(source) => {
            return Err(SweepError::Read {
                path: identity_path,
                source,
            });
        }
    };
    let fields: [(&str, String, String); 5] = [
        ("sweep", written.sweep.clone(), expected.sweep.clone()),
        ("cell", written.cell.to_string(), expected.cell.to_string()),
        (
            "point",
            written.point.to_string(),
            expected.point.to_string(),
        ),
        (
            "replicate",
            written.replicate.to_string(),
            expected.replicate.to_string(),
        ),
        ("seed", written.seed.to_string(), expected.seed.to_string()),
    ];
    for (field, found, wanted) in fields {
        if found != wanted {
            return Err(mismatch(
                format!("`{CELL_IDENTITY}`'s `{field}`"),
                found,
                wanted,
            ));
        }
    }
    check_rows(identity, &rows, &expected, &mismatch)?;
    if written.rows != expected.rows {
        return Err(mismatch(
            "the hash of `rows.csv`".into(),
            expected.rows,
            format!("{} (the hash `{CELL_IDENTITY}` recorded)", written.rows),
        ));
    }
    Ok(rows)
}

/// Checks every row of a cell against the cell it should hold: its first
/// fields (cell, point, replicate, seed and the point's values), its unit
/// and its value.
fn check_rows(
    identity: &SweepIdentity,
    rows: &str,
    expected: &CellIdentity,
    mismatch: &dyn Fn(String, String, String) -> SweepError,
) -> Result<(), SweepError> {
    let values: Vec<String> = point_values(&identity.grid, expected.point)
        .iter()
        .map(|v| v.to_string())
        .collect();
    let leading = [
        ("cell", expected.cell.to_string()),
        ("point", expected.point.to_string()),
        ("replicate", expected.replicate.to_string()),
        ("seed", expected.seed.to_string()),
    ];
    let axes = identity.grid.len();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(rows.as_bytes());
    for (k, record) in reader.records().enumerate() {
        let line = k + 1;
        let record = record.map_err(|e| {
            mismatch(
                format!("`rows.csv` line {line}"),
                format!("not CSV ({e})"),
                "a row of the tidy CSV".into(),
            )
        })?;
        let at = |column: &str| format!("`rows.csv` line {line}'s `{column}`");
        let wanted = leading
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .chain(
                identity
                    .grid
                    .iter()
                    .zip(&values)
                    .map(|(axis, value)| (axis.path.as_str(), value.as_str())),
            );
        for (column, (name, value)) in wanted.enumerate() {
            let found = record.get(column).unwrap_or("");
            if found != value {
                return Err(mismatch(
                    at(name),
                    format!("`{found}`"),
                    format!("`{value}`"),
                ));
            }
        }
        let unit = record.get(4 + axes).unwrap_or("");
        if !identity.players.iter().any(|p| p == unit) {
            return Err(mismatch(
                at("player"),
                format!("`{unit}`"),
                "a unit of the sweep".into(),
            ));
        }
        let text = record.get(4 + axes + 2).unwrap_or("");
        let value: f64 = text.parse().unwrap_or(f64::INFINITY);
        let allowed_nan = value.is_nan() && identity.kind.allows_nan();
        if !(value.is_finite() || allowed_nan) {
            return Err(mismatch(
                at("value"),
                format!("`{text}`"),
                if identity.kind.allows_nan() {
                    "a number or `NaN`".into()
                } else {
                    "a finite number".into()
                },
            ));
        }
    }
    Ok(())
}

/// The mean, standard deviation and standard error over replicates of
/// every measure of every player at every point.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepSummary {
    /// The measures, in the order of the tidy CSV.
    pub measures: Vec<String>,
    /// `stats[point][player][measure]`: (mean, sd, se); NaN for a measure
    /// the unit does not have (a regime's `regime` unit has only the
    /// regime's measures, its entrants only theirs).
    pub stats: Vec<Vec<Vec<(f64, f64, f64)>>>,
    /// `counts[point][player][measure]`: how many values the statistics
    /// are over (the replicates; for a negotiation, those in which the
    /// measure was defined), 0 for a measure the unit does not have.
    pub counts: Vec<Vec<Vec<usize>>>,
}

impl SweepSummary {
    /// The summary as `summary.csv` holds it: a row per point, player and
    /// measure.
    #[must_use]
    pub fn to_csv(&self, identity: &SweepIdentity) -> String {
        let mut text = String::from("point");
        for axis in &identity.grid {
            text.push(',');
            text.push_str(&csv_field(&axis.path));
        }
        text.push_str(",player,measure,mean,sd,se,n\n");
        for (point, players) in self.stats.iter().enumerate() {
            let values = point_values(&identity.grid, point);
            for (player, stats) in players.iter().enumerate() {
                for (m, (measure, (mean, sd, se))) in self.measures.iter().zip(stats).enumerate() {
                    if self.counts[point][player][m] == 0 {
                        continue;
                    }
                    let _ = write!(text, "{point}");
                    for v in &values {
                        let _ = write!(text, ",{v}");
                    }
                    let _ = writeln!(
                        text,
                        ",{},{measure},{mean},{sd},{se},{}",
                        csv_field(&identity.players[player]),
                        self.counts[point][player][m]
                    );
                }
            }
        }
        text
    }
}

/// Summarises the tidy CSV text (rows in cell order) read from `origin`.
pub(super) fn summarise(
    identity: &SweepIdentity,
    tidy: &str,
    origin: &Path,
) -> Result<SweepSummary, SweepError> {
    let malformed = |reason: String| SweepError::Malformed {
        path: origin.to_path_buf(),
        expected: "a sweep's tidy rows",
        reason,
    };
    let points = identity.cells / identity.replicates as usize;
    let players = identity.players.len();
    let mut reader = csv::Reader::from_reader(tidy.as_bytes());
    let axes = identity.grid.len();
    let mut measures: Vec<String> = Vec::new();
    let mut values: Vec<Vec<Vec<Vec<f64>>>> = vec![vec![Vec::new(); players]; points];
    for record in reader.records() {
        let record = record.map_err(|e| malformed(e.to_string()))?;
        let field = |k: usize| {
            record
                .get(k)
                .ok_or_else(|| malformed(format!("a row has fewer than {} fields", k + 1)))
        };
        let point: usize = field(1)?
            .parse()
            .map_err(|_| malformed(format!("`{}` is not a point number", &record[1])))?;
        let name = field(4 + axes)?;
        let player = identity
            .players
            .iter()
            .position(|p| p == name)
            .ok_or_else(|| malformed(format!("the rows name an unknown player `{name}`")))?;
        let measure = field(4 + axes + 1)?;
        let text = field(4 + axes + 2)?;
        let value: f64 = text
            .parse()
            .map_err(|_| malformed(format!("`{text}` is not a number")))?;
        let measure_index = match measures.iter().position(|m| m == measure) {
            Some(k) => k,
            None => {
                measures.push(measure.to_owned());
                measures.len() - 1
            }
        };
        let slot = values
            .get_mut(point)
            .ok_or_else(|| malformed(format!("the rows name an unknown point {point}")))?;
        let slot = &mut slot[player];
        if slot.len() <= measure_index {
            slot.resize(measure_index + 1, Vec::new());
        }
        // A negotiation's `NaN` is a measure this cell does not have (an
        // empty zone's bounds, the share without an agreement).
        if !(value.is_nan() && identity.kind.allows_nan()) {
            slot[measure_index].push(value);
        }
    }
    // Every unit gets a slot for every measure; a unit without a measure
    // has no values there (count 0).
    for players in &mut values {
        for slot in players {
            slot.resize(measures.len(), Vec::new());
        }
    }
    let counts = values
        .iter()
        .map(|players| {
            players
                .iter()
                .map(|by_measure| by_measure.iter().map(Vec::len).collect())
                .collect()
        })
        .collect();
    let stats = values
        .into_iter()
        .map(|players| {
            players
                .into_iter()
                .map(|by_measure| {
                    by_measure
                        .into_iter()
                        .map(|v| {
                            if v.is_empty() {
                                (f64::NAN, f64::NAN, f64::NAN)
                            } else {
                                mean_sd_se(&v)
                            }
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    Ok(SweepSummary {
        measures,
        stats,
        counts,
    })
}

/// Reads a complete sweep folder back: its identity and the summary of
/// its `sweep.csv` (for drawing its plots again).
pub fn read_summary(folder: &Path) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    let identity = read_identity(folder)?.ok_or_else(|| SweepError::NotSweepFolder {
        folder: folder.to_path_buf(),
    })?;
    let path = folder.join("sweep.csv");
    let tidy = fs::read_to_string(&path).map_err(|source| SweepError::Read {
        path: path.clone(),
        source: std::io::Error::new(
            source.kind(),
            format!("{source} (a sharded sweep has none until it is merged)"),
        ),
    })?;
    let summary = summarise(&identity, &tidy, &path)?;
    Ok((identity, summary))
}

/// Joins the output folders of a sweep's shards into `folder`, after
/// checking that they come from one sweep (the same `sweep.json`), that no
/// shard is given twice, that no cell is missing and that every cell's
/// folder holds that cell as it was written ([`CellIdentity`]; the error
/// names the shard, the cell and the field); then writes the
/// whole-sweep files ([`finish`]). The merged folder is byte-identical to
/// the folder of the sweep run whole. Returns the sweep's identity and
/// summary.
pub fn merge(
    folder: &Path,
    shards: &[PathBuf],
) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    merge_inner(folder, shards, None)
}

/// [`merge`] for a caller that already holds `lock`, the
/// [`OutputLock`](crate::output::OutputLock) of `folder`, and keeps it
/// after the merge (the command holds it while it draws the merged
/// sweep's plots, so no other writer enters the folder before they are
/// written).
pub fn merge_locked(
    folder: &Path,
    shards: &[PathBuf],
    lock: &crate::output::OutputLock,
) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    merge_inner(folder, shards, Some(lock))
}

/// [`merge`], taking the folder's lock unless `held`.
fn merge_inner(
    folder: &Path,
    shards: &[PathBuf],
    held: Option<&crate::output::OutputLock>,
) -> Result<(SweepIdentity, SweepSummary), SweepError> {
    let mut identity: Option<(SweepIdentity, &Path)> = None;
    let mut count = None;
    let mut seen_shards = BTreeSet::new();
    let mut sources: Vec<Option<&Path>> = Vec::new();
    for shard_folder in shards {
        let found = read_identity(shard_folder)?.ok_or_else(|| SweepError::NotSweepFolder {
            folder: shard_folder.clone(),
        })?;
        match &identity {
            None => {
                sources = vec![None; found.cells];
                identity = Some((found, shard_folder));
            }
            Some((first, first_folder)) if *first != found => {
                return Err(SweepError::MixedShards {
                    folder: shard_folder.clone(),
                    first_folder: first_folder.to_path_buf(),
                    found: Box::new(found),
                    first: Box::new(first.clone()),
                });
            }
            Some(_) => {}
        }
        let shard_path = shard_folder.join("shard.json");
        if let Ok(text) = fs::read_to_string(&shard_path) {
            let shard: Shard = serde_json::from_str(&text).map_err(|e| SweepError::Malformed {
                path: shard_path.clone(),
                expected: "a shard description",
                reason: e.to_string(),
            })?;
            let earlier = *count.get_or_insert(shard.count);
            if earlier != shard.count {
                return Err(SweepError::ShardCounts {
                    folder: shard_folder.clone(),
                    shard,
                    earlier,
                });
            }
            if !seen_shards.insert(shard.index) {
                return Err(SweepError::DuplicateShard {
                    shard,
                    folder: shard_folder.clone(),
                });
            }
        }
        for cell in finished_cells(shard_folder)? {
            if let Some(slot) = sources.get_mut(cell) {
                slot.get_or_insert(shard_folder);
            }
        }
    }
    let (identity, _) = identity.ok_or(SweepError::NoShards)?;
    let missing: Vec<usize> = (0..identity.cells)
        .filter(|&c| sources[c].is_none())
        .collect();
    if !missing.is_empty() {
        let absent_shards = count.map_or_else(Vec::new, |n| {
            (1..=n)
                .filter(|k| !seen_shards.contains(k))
                .map(|k| format!("{k}/{n}"))
                .collect()
        });
        return Err(SweepError::MissingCells {
            folder: None,
            missing: missing.len(),
            cells: identity.cells,
            first: first_ten(&missing),
            absent_shards,
        });
    }
    let _lock = match held {
        Some(_) => None,
        None => Some(crate::output::OutputLock::acquire(folder)?),
    };
    claim_folder(folder, &identity)?;
    let done = finished_cells(folder)?;
    for (cell, source) in sources.iter().enumerate() {
        let Some(source) = *source else { continue };
        if done.contains(&cell) || source == folder {
            continue;
        }
        // Checked in its shard, so that the error names the shard.
        checked_cell(source, &identity, cell)?;
        copy_cell(&cell_folder(source, cell), &cell_folder(folder, cell))?;
    }
    let summary = finish(folder, &identity)?;
    Ok((identity, summary))
}

/// Copies a finished cell's folder whole (written as a new output set).
pub(super) fn copy_cell(from: &Path, to: &Path) -> Result<(), SweepError> {
    let unreadable = |source| SweepError::Read {
        path: from.to_path_buf(),
        source,
    };
    let set = OutputSet::create_inside_locked(to)?;
    for entry in fs::read_dir(from).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        if name == MANIFEST {
            continue;
        }
        let bytes = read_file(&entry.path())?;
        write_atomically(&set.path().join(&name), |w| w.write_all(&bytes))?;
    }
    set.commit()?;
    Ok(())
}
