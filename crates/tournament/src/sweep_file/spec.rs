//! A sweep file as written ([`Axis`], the grid) and loaded ([`Sweep`]):
//! parsing, the checks on the grid and replicates, and every point's
//! tournament built from the base file before anything runs.

#[allow(clippy::wildcard_imports)]
use super::*;

/// One axis of the grid: a field path and its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// The field path in the base tournament file.
    pub path: String,
    /// The values, in order.
    pub values: Vec<f64>,
}

/// A sweep file as written.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "Sweep", deny_unknown_fields)]
pub(super) struct RawSweep {
    name: String,
    base: String,
    grid: Vec<Axis>,
    #[serde(default = "one")]
    replicates: u32,
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    output: Option<String>,
}

pub(super) fn one() -> u32 {
    1
}

/// A sweep, loaded and checked: every point's tournament builds.
#[derive(Debug)]
pub struct Sweep {
    pub(super) identity: SweepIdentity,
    /// The tournament of every grid point (seed not yet set).
    pub(super) points: Vec<RoundRobin>,
    pub(super) output: Option<PathBuf>,
}

/// The values of point `k` of a grid, the first axis varying slowest.
#[must_use]
pub fn point_values(grid: &[Axis], mut k: usize) -> Vec<f64> {
    let mut values = vec![0.0; grid.len()];
    for (slot, axis) in values.iter_mut().zip(grid).rev() {
        *slot = axis.values[k % axis.values.len()];
        k /= axis.values.len();
    }
    values
}

/// A [`ConfigError`] at the line and column of `field` in the sweep text.
pub(super) fn invalid_at(
    text: &str,
    path: &Path,
    field: &str,
    reason: impl std::fmt::Display,
) -> ConfigError {
    ConfigError::invalid(path, field, reason.to_string()).located_in(text)
}

impl Sweep {
    /// Reads the sweep file at `path` and its base, and builds every
    /// point's tournament, so that a bad value fails before anything runs.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Sweep, SweepError> {
        let path = path.as_ref();
        Sweep::from_ron(&read_text_file(path)?, path)
    }

    /// The most grid points a sweep may have (each holds its tournament
    /// while the sweep runs).
    pub const MAX_POINTS: usize = 100_000;

    /// The most cells (points times replicates) a sweep may have (each is
    /// a folder of results).
    pub const MAX_CELLS: usize = 1_000_000;

    /// Parses the sweep text read from `path` (its `base` is found relative
    /// to `path`'s folder) and builds every point's tournament. Errors name
    /// the sweep file with the line and column of the field at fault (the
    /// axis for a bad field path or value), and the base file for errors
    /// in it.
    pub fn from_ron(text: &str, path: impl AsRef<Path>) -> Result<Sweep, SweepError> {
        let path = path.as_ref();
        let file: RawSweep = parse_ron(text, path)?;
        let invalid = |field: &str, reason: String| invalid_at(text, path, field, reason);
        if file.grid.is_empty() {
            return Err(invalid(
                "grid",
                "expected at least one axis `(path: .., values: [..])`, got an empty grid".into(),
            )
            .into());
        }
        for (k, axis) in file.grid.iter().enumerate() {
            if axis.values.is_empty() {
                return Err(invalid(
                    &format!("grid[{k}].values"),
                    format!(
                        "the axis `{}` has no values; expected at least one",
                        axis.path
                    ),
                )
                .into());
            }
        }
        if file.replicates == 0 {
            return Err(invalid("replicates", "expected at least 1".into()).into());
        }
        // The number of points and cells, bounded before anything is built:
        // every point holds its tournament and every cell is a folder.
        let point_count = grid_points(&file.grid).ok_or_else(|| {
            let lengths: Vec<String> = file
                .grid
                .iter()
                .map(|a| a.values.len().to_string())
                .collect();
            invalid(
                "grid",
                format!(
                    "the grid has {} points (the product of its axes' lengths); expected \
                         at most {}",
                    lengths.join(" x "),
                    Sweep::MAX_POINTS
                ),
            )
        })?;
        let cells = point_count
            .checked_mul(file.replicates as usize)
            .filter(|&cells| cells <= Sweep::MAX_CELLS)
            .ok_or_else(|| {
                invalid(
                    "replicates",
                    format!(
                        "{} replicates of {point_count} grid point(s) make {} cells; expected \
                         at most {} cells",
                        file.replicates,
                        u128::from(file.replicates) * point_count as u128,
                        Sweep::MAX_CELLS
                    ),
                )
            })?;
        let base_path = path.parent().unwrap_or(Path::new("")).join(&file.base);
        let base_text = read_text_file(&base_path)
            .map_err(|error| invalid("base", format!("the base file cannot be read: {error}")))?;
        if FileKind::of(&base_text) != FileKind::RoundRobin {
            return Err(invalid(
                "base",
                format!("`{}` is not a round-robin `Tournament(..)` file", file.base),
            )
            .into());
        }
        let catalog = PresetCatalog::for_tournament_file(&base_path)?;
        let base: RawTournament = parse_ron(&base_text, &base_path)?;
        let tree = serde_json::to_value(&base).map_err(|error| {
            ConfigError::invalid(
                &base_path,
                "Tournament",
                format!("cannot read the base tournament as a tree: {error}"),
            )
        })?;
        let mut points = Vec::with_capacity(point_count);
        let mut players = Vec::new();
        let mut seed = base.seed;
        for k in 0..point_count {
            let values = point_values(&file.grid, k);
            let mut tree = tree.clone();
            let mut levers = Vec::new();
            for (a, (axis, &value)) in file.grid.iter().zip(&values).enumerate() {
                let bad = |reason| invalid(&format!("grid[{a}].path"), reason);
                if let Some(name) = axis.path.strip_prefix("lever.") {
                    levers.push((path::lever_named(name).map_err(bad)?, value));
                } else {
                    path::set_field(&mut tree, &axis.path, value).map_err(bad)?;
                }
            }
            let at = |error: &dyn std::fmt::Display| {
                let settings: Vec<String> = file
                    .grid
                    .iter()
                    .zip(&values)
                    .map(|(a, v)| format!("{} = {v}", a.path))
                    .collect();
                invalid(
                    "grid",
                    format!("at grid point {k} ({}): {error}", settings.join(", ")),
                )
            };
            let point: RawTournament = serde_json::from_value(tree).map_err(|e| at(&e))?;
            // A point fails either because the base file is wrong in
            // itself, reported at its line and column in the base file, or
            // because of the grid's values, reported at the grid.
            let mut tournament =
                point.validate(&base_path, &catalog).map_err(|error| {
                    match base.clone().validate(&base_path, &catalog) {
                        Err(base_error) => base_error.located_in(&base_text),
                        Ok(_) => at(&error),
                    }
                })?;
            for (lever, value) in levers {
                tournament.round_robin = lever
                    .apply(&tournament.round_robin, value)
                    .map_err(|e| at(&e))?;
            }
            if k == 0 {
                players = tournament
                    .round_robin
                    .entrants()
                    .iter()
                    .map(|e| e.name.clone())
                    .collect();
                seed = file.seed.unwrap_or(tournament.round_robin.seed());
            }
            points.push(tournament.round_robin);
        }
        let hash = fnv1a(&[text.as_bytes(), base_text.as_bytes()]);
        Ok(Sweep {
            identity: SweepIdentity {
                name: file.name,
                hash: format!("{hash:016x}"),
                cells,
                grid: file.grid,
                replicates: file.replicates,
                seed,
                players,
            },
            points,
            output: file.output.map(PathBuf::from),
        })
    }

    /// The sweep with its master seed replaced by `seed`. A different seed
    /// is a different sweep: the identity's hash changes with it, so its
    /// cells never mix with the file seed's in one folder.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.identity.seed = seed;
        self.identity.hash = format!(
            "{:016x}",
            fnv1a(&[self.identity.hash.as_bytes(), &seed.to_le_bytes()])
        );
        self
    }

    /// What identifies the sweep (written to `sweep.json`).
    #[must_use]
    pub fn identity(&self) -> &SweepIdentity {
        &self.identity
    }

    /// The tournament of every grid point, in order (each cell plays one
    /// with its replicate's seed).
    #[must_use]
    pub fn points(&self) -> &[RoundRobin] {
        &self.points
    }

    /// The output folder the sweep file names (`output: Some("..")`), if
    /// any.
    #[must_use]
    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }
}
