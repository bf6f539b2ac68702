//! What identifies a sweep ([`SweepIdentity`], written to `sweep.json`):
//! its hash, the checks on what is read back, and claiming an output
//! folder for it.

#[allow(clippy::wildcard_imports)]
use super::*;

/// What identifies a sweep; written to `sweep.json` in every output folder
/// of it (shards and merged ones alike, byte for byte).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepIdentity {
    /// The sweep's name.
    pub name: String,
    /// FNV-1a hash, in hex, of everything a cell's result depends on: the
    /// program's version, the sweep file, the base file and every grid
    /// point as resolved (the strategy definitions of the presets it names,
    /// read from `strategies/`, and the CSV actor tables it reads, not only
    /// their names; [`SweepIdentity::hash`] changes when any of them
    /// does).
    pub hash: String,
    /// The axes of the grid.
    pub grid: Vec<Axis>,
    /// Replicates of every point.
    pub replicates: u32,
    /// The master seed replicates derive their seeds from.
    pub seed: u64,
    /// The units of the rows, in order: a round robin's players, a
    /// regime's entrants then `regime`, a society's `society` (or each
    /// point of its own q and mu grid), a negotiation's pairs `A vs B`.
    pub players: Vec<String>,
    /// The number of cells (points times replicates).
    pub cells: usize,
    /// The kind of the base file (not written for a round robin, so a
    /// round-robin sweep's `sweep.json` is as before).
    #[serde(default, skip_serializing_if = "BaseKind::is_round_robin")]
    pub kind: BaseKind,
}

/// The kind of a sweep's base file, which sets the measures of its rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// A round robin: per player, the score and wins in every currency,
    /// the cooperation rate and the rank.
    #[default]
    RoundRobin,
    /// A regime tournament: per entrant, the score in every currency and
    /// the cooperation rate; for the unit `regime`, the success rate and
    /// the welfare.
    Regime,
    /// A society: per unit, the good share, the cooperation rate and the
    /// payoff per interaction in every currency.
    Society,
    /// A negotiation file: per pair of states (the unit `A vs B`), the
    /// zone of agreement, the reservations, the shares, the rates of the
    /// outcomes beside their closed forms, cooperation and compliance, and
    /// each state's payoffs per round in every currency
    /// ([`NEGOTIATION_MEASURES`]).
    Negotiation,
    /// A fixation file (`GraphEvolution(..)` or `Multilevel(..)`): per
    /// graph or group setting, the mutant's fixation probability, its
    /// standard error, the neutral `1/N` and the analytic values
    /// ([`FIXATION_MEASURES`](crate::fixation_file::FIXATION_MEASURES)).
    Fixation,
}

impl BaseKind {
    /// Whether the base is a round robin.
    #[must_use]
    pub fn is_round_robin(&self) -> bool {
        *self == BaseKind::RoundRobin
    }

    /// The rows of one cell of a sweep with `units` units.
    #[must_use]
    pub fn rows_per_cell(self, units: usize) -> usize {
        match self {
            BaseKind::RoundRobin => units * MEASURES_PER_PLAYER,
            BaseKind::Regime => units.saturating_sub(1) * REGIME_MEASURES_PER_ENTRANT + 2,
            BaseKind::Society => units * SOCIETY_MEASURES_PER_UNIT,
            BaseKind::Negotiation => units * NEGOTIATION_MEASURES.len(),
            BaseKind::Fixation => units * crate::fixation_file::FIXATION_MEASURES.len(),
        }
    }

    /// Whether a value of the tidy table may be `NaN`: a measure a cell
    /// does not have (a negotiation's empty zone, a fixation unit without
    /// an analytic threshold).
    #[must_use]
    pub fn allows_nan(self) -> bool {
        matches!(self, BaseKind::Negotiation | BaseKind::Fixation)
    }
}

/// The number of points of a grid (the product of its axes' lengths), or
/// `None` when it is more than [`Sweep::MAX_POINTS`].
pub(super) fn grid_points(grid: &[Axis]) -> Option<usize> {
    grid.iter()
        .try_fold(1_usize, |product, axis| {
            product.checked_mul(axis.values.len())
        })
        .filter(|&points| points <= Sweep::MAX_POINTS)
}

impl SweepIdentity {
    /// The sweep's cells: its grid in its replicates, replicate `r` seeded
    /// with [`ReplicateSeeds::Derived`] from the master seed.
    #[must_use]
    pub fn grid_cells(&self) -> Cells<'_> {
        Cells::new(
            &self.grid,
            self.replicates,
            self.seed,
            ReplicateSeeds::Derived,
        )
    }

    /// Checks that the identity describes a sweep this version could have
    /// written: at least one replicate, a grid of non-empty axes with at
    /// most [`Sweep::MAX_POINTS`] points, and `cells` equal to points times
    /// replicates (at most [`Sweep::MAX_CELLS`]). Returns what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if self.replicates == 0 {
            return Err("`replicates` is 0; expected at least 1".into());
        }
        if self.grid.is_empty() || self.grid.iter().any(|axis| axis.values.is_empty()) {
            return Err("the grid has no axis or an axis without values".into());
        }
        let points = grid_points(&self.grid)
            .ok_or_else(|| format!("the grid has more than {} points", Sweep::MAX_POINTS))?;
        let expected = points * self.replicates as usize;
        if self.cells != expected || self.cells > Sweep::MAX_CELLS {
            return Err(format!(
                "`cells` is {}, but {points} points x {} replicates make {expected} (at most \
                 {} cells)",
                self.cells,
                self.replicates,
                Sweep::MAX_CELLS
            ));
        }
        Ok(())
    }
}

/// 64-bit FNV-1a over the given parts, each followed by a zero byte.
pub(super) fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash = Fnv::new();
    for part in parts {
        hash.part(part);
    }
    hash.finish()
}

/// A 64-bit FNV-1a hash being computed. It is also written to as text, so
/// that a resolved point's `Debug` form is hashed as it is formatted,
/// never held whole in memory.
pub(super) struct Fnv(u64);

impl Fnv {
    pub(super) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Adds one part followed by a zero byte (so that parts do not run
    /// into each other).
    pub(super) fn part(&mut self, bytes: &[u8]) {
        self.bytes(bytes);
        self.bytes(&[0]);
    }

    pub(super) fn finish(&self) -> u64 {
        self.0
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.bytes(text.as_bytes());
        Ok(())
    }
}

/// The hash of a sweep ([`SweepIdentity::hash`]): the program's version,
/// the sweep file's text, the base file's text and every point as
/// resolved (its `Debug` form, without the paths it was read from or
/// would write to, which do not change a result), and the definitions of
/// the presets it uses. A preset edited in `strategies/` or a CSV actor
/// table edited (read into the points' arenas) changes the hash.
///
/// A resolved strategy shows only its name in its `Debug` form, so the
/// presets are hashed from their definitions: every preset of `catalog`
/// (the base folder's `strategies/` over the built-in ones) whose name
/// the base file names in quotes (`Preset("bureaucrat")`). A quoted
/// string that only looks like a preset's name adds that preset too,
/// which can only make the hash stricter.
pub(super) fn sweep_hash(
    text: &str,
    base_text: &str,
    catalog: Option<&PresetCatalog>,
    points: &[RoundRobin],
    others: &[Loaded],
) -> u64 {
    use std::fmt::Write as _;
    let mut hash = Fnv::new();
    hash.part(env!("CARGO_PKG_VERSION").as_bytes());
    hash.part(text.as_bytes());
    hash.part(base_text.as_bytes());
    if let Some(catalog) = catalog {
        for name in catalog.names() {
            if base_text.contains(&format!("\"{name}\"")) {
                let _ = write!(hash, "{name}: {:?}", catalog.get(name));
                hash.part(&[]);
            }
        }
    }
    for point in points {
        let _ = write!(hash, "{point:?}");
        hash.part(&[]);
    }
    for other in others {
        let _ = match other {
            Loaded::Society(config) => write!(
                hash,
                "{:?}",
                SocietyConfig {
                    output: None,
                    origin: PathBuf::new(),
                    ..config.as_ref().clone()
                }
            ),
            Loaded::Negotiation(file) => {
                let mut file = file.as_ref().clone();
                file.output = None;
                write!(hash, "{file:?}")
            }
            Loaded::Regime(tournament) => write!(hash, "{tournament:?}"),
            Loaded::Fixation(file) => {
                let mut file = file.as_ref().clone();
                file.output = None;
                write!(hash, "{file:?}")
            }
            Loaded::RoundRobin(_) | Loaded::Sweep(_) => Ok(()),
        };
        hash.part(&[]);
    }
    hash.finish()
}

/// Checks that `folder` holds this sweep (or nothing yet) and writes its
/// `sweep.json`.
pub(super) fn claim_folder(folder: &Path, identity: &SweepIdentity) -> Result<(), SweepError> {
    crate::output::refuse_non_folder(folder)?;
    crate::output::remove_stale_temporaries(folder)?;
    crate::output::remove_stale_temporaries(&folder.join("cells"))?;
    if let Some(found) = read_identity(folder)? {
        if found.hash != identity.hash {
            return Err(SweepError::OtherSweep {
                folder: folder.to_path_buf(),
                found: Box::new(found),
                expected: Box::new(identity.clone()),
            });
        }
        return Ok(());
    }
    write_json_file(identity, &folder.join("sweep.json"))?;
    Ok(())
}

/// The `sweep.json` of a folder, if it has one, checked for consistency
/// ([`SweepIdentity::check`]).
pub fn read_identity(folder: &Path) -> Result<Option<SweepIdentity>, SweepError> {
    let path = folder.join("sweep.json");
    match fs::read_to_string(&path) {
        Ok(text) => {
            let malformed = |reason: String| SweepError::Malformed {
                path: path.clone(),
                expected: "a sweep description",
                reason,
            };
            let identity: SweepIdentity =
                serde_json::from_str(&text).map_err(|e| malformed(e.to_string()))?;
            identity.check().map_err(malformed)?;
            Ok(Some(identity))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SweepError::Read { path, source }),
    }
}
