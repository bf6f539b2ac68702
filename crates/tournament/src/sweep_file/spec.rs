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
    #[serde(default = "one", deserialize_with = "deserialize_replicates")]
    replicates: u32,
    #[serde(
        default,
        deserialize_with = "twolevel_game::error::deserialize_seed_option"
    )]
    seed: Option<u64>,
    #[serde(default)]
    output: Option<String>,
}

pub(super) fn one() -> u32 {
    1
}

/// The valid range of a sweep's `replicates`.
pub const REPLICATES: twolevel_game::error::WholeRange =
    twolevel_game::error::WholeRange::new("replicates", "replicates", 1, u32::MAX as u64);

/// Reads `replicates` ([`REPLICATES`]).
fn deserialize_replicates<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    REPLICATES.deserialize(d)
}

/// A sweep, loaded and checked: every point's tournament builds.
#[derive(Debug)]
pub struct Sweep {
    pub(super) identity: SweepIdentity,
    /// The tournament of every grid point of a round-robin base (seed not
    /// yet set); empty for a base of another kind.
    pub(super) points: Vec<RoundRobin>,
    /// The loaded base file of every grid point of a regime, society or
    /// negotiation base (seed not yet set); empty for a round-robin base.
    pub(super) others: Vec<Loaded>,
    /// The base file's path and text (the origin of each point's file).
    pub(super) base: (PathBuf, String),
    pub(super) output: Option<PathBuf>,
}

/// The work of a sweep's cells: every point's work times `replicates`.
fn sweep_work(points: &[RoundRobin], others: &[Loaded], replicates: u32) -> f64 {
    let points: f64 = points.iter().map(crate::limits::round_robin_work).sum();
    let others: f64 = others.iter().map(Loaded::work).sum();
    (points + others) * f64::from(replicates)
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
        let base_kind = match FileKind::of(&base_text) {
            FileKind::RoundRobin => BaseKind::RoundRobin,
            FileKind::Regime => BaseKind::Regime,
            FileKind::Society => BaseKind::Society,
            FileKind::Sweep => {
                return Err(invalid(
                    "base",
                    format!(
                        "`{}` is a sweep file; a sweep's base is a round-robin `Tournament(..)`, \
                         a `Regime(..)`, a `Society(..)` or a `Negotiation(..)` file",
                        file.base
                    ),
                )
                .into());
            }
            FileKind::Negotiation => BaseKind::Negotiation,
            FileKind::GraphEvolution | FileKind::Multilevel => BaseKind::Fixation,
        };
        let base = PointLoader {
            text,
            path,
            file: &file,
            base_path: &base_path,
            base_text: &base_text,
            base_kind,
            point_count,
        };
        let (points, others, units, seed) = match base_kind {
            BaseKind::RoundRobin => {
                let (points, players, seed) = base.round_robins()?;
                (points, Vec::new(), players, seed)
            }
            BaseKind::Regime => {
                let (others, units, seed) = base.regimes()?;
                (Vec::new(), others, units, seed)
            }
            BaseKind::Society => {
                let (others, units, seed) = base.societies()?;
                (Vec::new(), others, units, seed)
            }
            BaseKind::Negotiation => {
                let (others, units, seed) = base.negotiations()?;
                (Vec::new(), others, units, seed)
            }
            BaseKind::Fixation => {
                let (others, units, seed) = base.fixations()?;
                (Vec::new(), others, units, seed)
            }
        };
        let work = sweep_work(&points, &others, file.replicates);
        let point_factor = point_count as f64;
        crate::limits::check_work(
            "the sweep's cells together",
            "units of work (match turns, seat rounds or encounters)",
            work,
            &[
                (
                    "replicates",
                    crate::limits::at_one(work, f64::from(file.replicates)),
                ),
                ("grid", crate::limits::at_one(work, point_factor)),
            ],
        )
        .map_err(|error| invalid(&error.field, error.reason))?;
        // The presets a round robin's or a negotiation's players may name.
        let catalog = match base_kind {
            BaseKind::RoundRobin | BaseKind::Negotiation => {
                Some(PresetCatalog::for_tournament_file(&base_path)?)
            }
            BaseKind::Regime | BaseKind::Society | BaseKind::Fixation => None,
        };
        let hash = sweep_hash(text, &base_text, catalog.as_ref(), &points, &others);
        Ok(Sweep {
            identity: SweepIdentity {
                name: file.name,
                hash: format!("{hash:016x}"),
                cells,
                grid: file.grid,
                replicates: file.replicates,
                seed,
                players: units,
                kind: base_kind,
            },
            points,
            others,
            base: (base_path, base_text),
            output: file.output.map(PathBuf::from),
        })
    }

    /// The work of every cell together: each grid point's work (its round
    /// robin's match turns, or its regime's, society's or negotiation's
    /// work, see [`Loaded::work`]) times the replicates.
    #[must_use]
    pub fn work(&self) -> f64 {
        sweep_work(&self.points, &self.others, self.identity.replicates)
    }

    /// The estimated size of the sweep's folder (in bytes, as a float so
    /// that it cannot overflow): every cell's rows of the tidy CSV (about
    /// 80 bytes a row, up to 8 measures a unit; `sweep.csv` and the
    /// summary hold them again) and, over a round-robin base, every cell's
    /// round-robin files ([`round_robin_output`](crate::limits::round_robin_output)).
    #[must_use]
    pub fn output_bytes(&self) -> f64 {
        let replicates = f64::from(self.identity.replicates);
        let rows =
            3.0 * self.identity.cells as f64 * self.identity.players.len() as f64 * 8.0 * 80.0;
        let files: f64 = self
            .points
            .iter()
            .map(|point| {
                crate::limits::round_robin_output(
                    point.entrants().len(),
                    point.repetitions(),
                    false,
                )
            })
            .sum();
        rows + files * replicates
    }

    /// Refuses a sweep whose [folder](Self::output_bytes) would exceed the
    /// [output limit](crate::limits::output_limit), naming `replicates`.
    pub fn check_output(&self) -> Result<(), twolevel_game::ParameterError> {
        crate::limits::check_output("replicates", "the sweep's cells", self.output_bytes())
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
    /// with its replicate's seed); empty when the base file is a regime, a
    /// society or a negotiation file (the kind is [`SweepIdentity::kind`]).
    #[must_use]
    pub fn points(&self) -> &[RoundRobin] {
        &self.points
    }

    /// The number of grid points (of every base kind).
    #[must_use]
    pub fn point_count(&self) -> usize {
        self.identity.cells / self.identity.replicates as usize
    }

    /// The output folder the sweep file names (`output: Some("..")`), if
    /// any.
    #[must_use]
    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }
}

/// The parts of a sweep that loading its points needs, for a base of
/// every kind.
struct PointLoader<'a> {
    text: &'a str,
    path: &'a Path,
    file: &'a RawSweep,
    base_path: &'a Path,
    base_text: &'a str,
    base_kind: BaseKind,
    point_count: usize,
}

/// The levers of one point of a round-robin base, with their values, in
/// the order of the grid's axes.
type PointLevers = Vec<(crate::levers::Lever, f64)>;

impl PointLoader<'_> {
    fn invalid(&self, field: &str, reason: String) -> ConfigError {
        invalid_at(self.text, self.path, field, reason)
    }

    /// The base file's serde tree (every default filled in) with the
    /// values of point `k` set, and the point's lever paths with their
    /// values (applied after the point is built), or a located error at
    /// the axis at fault. Lever paths apply to round robins only and are
    /// refused for other kinds.
    fn tree_at(
        &self,
        tree: &serde_json::Value,
        k: usize,
    ) -> Result<(serde_json::Value, PointLevers), SweepError> {
        let values = point_values(&self.file.grid, k);
        let mut tree = tree.clone();
        let mut levers = Vec::new();
        for (a, (axis, &value)) in self.file.grid.iter().zip(&values).enumerate() {
            let bad = |reason| self.invalid(&format!("grid[{a}].path"), reason);
            if let Some(name) = axis.path.strip_prefix("lever.") {
                if self.base_kind != BaseKind::RoundRobin {
                    return Err(bad(format!(
                        "the lever path `{}` applies only to a round-robin base; `{}` is a {} file",
                        axis.path,
                        self.file.base,
                        match self.base_kind {
                            BaseKind::Regime => "`Regime(..)`",
                            BaseKind::Negotiation => "`Negotiation(..)`",
                            BaseKind::Fixation =>
                                "fixation (`GraphEvolution(..)` or `Multilevel(..)`)",
                            _ => "`Society(..)`",
                        }
                    ))
                    .into());
                }
                levers.push((path::lever_named(name).map_err(bad)?, value));
            } else {
                path::set_field(&mut tree, &axis.path, value).map_err(bad)?;
            }
        }
        Ok((tree, levers))
    }

    /// An error of point `k`, at the grid, naming its values.
    fn at(&self, k: usize, error: &dyn std::fmt::Display) -> ConfigError {
        let settings: Vec<String> = self
            .file
            .grid
            .iter()
            .zip(point_values(&self.file.grid, k))
            .map(|(a, v)| format!("{} = {v}", a.path))
            .collect();
        self.invalid(
            "grid",
            format!("at grid point {k} ({}): {error}", settings.join(", ")),
        )
    }

    fn as_tree(&self, base: &impl Serialize, kind: &str) -> Result<serde_json::Value, SweepError> {
        serde_json::to_value(base).map_err(|error| {
            ConfigError::invalid(
                self.base_path,
                kind,
                format!("cannot read the base file as a tree: {error}"),
            )
            .into()
        })
    }

    /// Walks the points of a base of kind `kind` (RON struct name) as
    /// written in `R`: for each point `k`, in order, the base's tree with
    /// the point's values set is read back as an `R`, built by `build`, and
    /// handed to `visit` with the point's levers (a round robin's only). A
    /// point that does not build is reported in the base file when the
    /// base itself does not build (`locate` places that error), at the grid
    /// otherwise. Returns the base as written.
    fn each_point<R, V, E>(
        &self,
        kind: &str,
        build: impl Fn(R) -> Result<V, E>,
        locate: impl Fn(E) -> ConfigError,
        mut visit: impl FnMut(usize, V, PointLevers) -> Result<(), SweepError>,
    ) -> Result<R, SweepError>
    where
        R: Clone + Serialize + serde::de::DeserializeOwned,
        E: std::fmt::Display,
    {
        let base: R = parse_ron(self.base_text, self.base_path)?;
        let tree = self.as_tree(&base, kind)?;
        for k in 0..self.point_count {
            let (tree, levers) = self.tree_at(&tree, k)?;
            let point: R = serde_json::from_value(tree).map_err(|e| self.at(k, &e))?;
            let built = build(point).map_err(|error| match build(base.clone()) {
                Err(base_error) => locate(base_error),
                Ok(_) => self.at(k, &error),
            })?;
            visit(k, built, levers)?;
        }
        Ok(base)
    }

    /// Every point's round robin (its levers applied after it is built;
    /// the seed not yet set), the players and the master seed.
    fn round_robins(&self) -> Result<(Vec<RoundRobin>, Vec<String>, u64), SweepError> {
        let catalog = PresetCatalog::for_tournament_file(self.base_path)?;
        let mut points = Vec::with_capacity(self.point_count);
        let mut players = Vec::new();
        let mut seed = None;
        let base = self.each_point(
            "Tournament",
            |raw: RawTournament| raw.validate(self.base_path, &catalog),
            |error| error.located_in(self.base_text),
            |k, tournament, levers| {
                let mut round_robin = tournament.round_robin;
                for (lever, value) in levers {
                    round_robin = lever
                        .apply(&round_robin, value)
                        .map_err(|e| self.at(k, &e))?;
                }
                if k == 0 {
                    players = round_robin
                        .entrants()
                        .iter()
                        .map(|e| e.name.clone())
                        .collect();
                    seed = Some(self.file.seed.unwrap_or(round_robin.seed()));
                }
                points.push(round_robin);
                Ok(())
            },
        )?;
        Ok((points, players, seed.unwrap_or(base.seed)))
    }

    /// Every point's regime tournament, the units (the entrants, then the
    /// pseudo-player `regime`) and the master seed.
    fn regimes(&self) -> Result<(Vec<Loaded>, Vec<String>, u64), SweepError> {
        let mut points = Vec::with_capacity(self.point_count);
        let mut units = Vec::new();
        let mut seed = None;
        let base = self.each_point(
            "Regime",
            |raw: RawRegimeTournament| raw.build(self.base_path),
            |error| error.located_in(self.base_text),
            |k, tournament, _| {
                if k == 0 {
                    let names = tournament.entrant_names();
                    if let Some(name) = names.iter().find(|n| *n == REGIME_UNIT) {
                        return Err(self
                            .invalid(
                                "base",
                                format!(
                                    "an entrant of the base file is named `{name}`, the name of \
                                     the regime's own rows"
                                ),
                            )
                            .into());
                    }
                    units = names;
                    units.push(REGIME_UNIT.to_owned());
                    seed = Some(self.file.seed.unwrap_or(tournament.seed()));
                }
                points.push(Loaded::Regime(Box::new(tournament)));
                Ok(())
            },
        )?;
        check_distinct(self, &units)?;
        Ok((points, units, seed.unwrap_or(base.seed)))
    }

    /// Every point's society, the units (the society, or each point of
    /// the society's own q and mu grid) and the master seed.
    fn societies(&self) -> Result<(Vec<Loaded>, Vec<String>, u64), SweepError> {
        let mut points = Vec::with_capacity(self.point_count);
        let mut units = Vec::new();
        let mut seed = None;
        let base = self.each_point(
            "Society",
            |raw: RawSocietyConfig| raw.validate(self.base_path),
            |error| ConfigError::from_parameter(self.base_path, error).located_in(self.base_text),
            |k, config, _| {
                let names = society_units(&config);
                if k == 0 {
                    units = names;
                    seed = Some(self.file.seed.unwrap_or(config.seed));
                } else if names != units {
                    return Err(self
                        .at(
                            k,
                            &format!(
                                "the society's own q and mu grid changes from point 0 ({}) to {}",
                                units.join("; "),
                                names.join("; ")
                            ),
                        )
                        .into());
                }
                points.push(Loaded::Society(Box::new(config)));
                Ok(())
            },
        )?;
        check_distinct(self, &units)?;
        Ok((points, units, seed.unwrap_or(base.seed)))
    }
}

impl PointLoader<'_> {
    /// Every point's negotiation file, the units (each pair, named
    /// [`pair_unit`]) and the master seed. The pairs are the same at
    /// every point (a numeric path cannot change them).
    fn negotiations(&self) -> Result<(Vec<Loaded>, Vec<String>, u64), SweepError> {
        let catalog = PresetCatalog::for_tournament_file(self.base_path)?;
        let mut points = Vec::with_capacity(self.point_count);
        let mut units = Vec::new();
        let mut seed = None;
        let base = self.each_point(
            "Negotiation",
            |raw: RawNegotiation| raw.validate(self.base_path, &catalog),
            |error| error.located_in(self.base_text),
            |k, file, _| {
                if k == 0 {
                    units = file
                        .pairs
                        .iter()
                        .map(|&[a, b]| pair_unit(&file.names[a], &file.names[b]))
                        .collect();
                    seed = Some(self.file.seed.unwrap_or(file.seed()));
                }
                points.push(Loaded::Negotiation(Box::new(file)));
                Ok(())
            },
        )?;
        check_distinct(self, &units)?;
        Ok((points, units, seed.unwrap_or(base.seed)))
    }
}

impl PointLoader<'_> {
    /// Every point's fixation file (graph evolution or multilevel
    /// selection), the units (each graph or group setting) and the master
    /// seed. The units are the same at every point (a numeric path cannot
    /// change a graph's family; it may change its size, which is refused).
    fn fixations(&self) -> Result<(Vec<Loaded>, Vec<String>, u64), SweepError> {
        let mut points = Vec::with_capacity(self.point_count);
        let mut units = Vec::new();
        let mut seed = None;
        let mut visit = |k: usize, file: FixationFile, _| {
            let names = file.units();
            if k == 0 {
                units = names;
                seed = Some(self.file.seed.unwrap_or(file.seed));
            } else if names != units {
                return Err(self
                    .at(
                        k,
                        &format!(
                            "the units change from point 0 ({}) to {}",
                            units.join("; "),
                            names.join("; ")
                        ),
                    )
                    .into());
            }
            points.push(Loaded::Fixation(Box::new(file)));
            Ok(())
        };
        let base_seed = if FileKind::of(self.base_text) == FileKind::Multilevel {
            self.each_point(
                "Multilevel",
                |raw: RawMultilevel| raw.validate(self.base_path),
                |error| error.located_in(self.base_text),
                &mut visit,
            )?
            .seed
        } else {
            self.each_point(
                "GraphEvolution",
                |raw: RawGraphEvolution| raw.validate(self.base_path),
                |error| error.located_in(self.base_text),
                &mut visit,
            )?
            .seed
        };
        check_distinct(self, &units)?;
        Ok((points, units, seed.unwrap_or(base_seed)))
    }
}

/// The unit of a negotiation sweep's rows for the pair of states `a`
/// (A, who proposes first) and `b`: `a vs b`.
#[must_use]
pub(super) fn pair_unit(a: &str, b: &str) -> String {
    format!("{a} vs {b}")
}

/// Refuses units with the same name: their rows could not be told apart.
fn check_distinct(base: &PointLoader<'_>, units: &[String]) -> Result<(), SweepError> {
    for (k, unit) in units.iter().enumerate() {
        if units[..k].contains(unit) {
            return Err(base
                .invalid(
                    "base",
                    format!(
                        "two units of the base file are named `{unit}`; a sweep's rows name \
                         each unit once"
                    ),
                )
                .into());
        }
    }
    Ok(())
}

/// The name of a regime's own rows (success rate, welfare) in the tidy CSV.
pub(super) const REGIME_UNIT: &str = "regime";

/// The units of a society point: `society`, or `q=.. mu=..` for each point
/// of the society's own q and mu grid when it has more than one.
pub(super) fn society_units(config: &SocietyConfig) -> Vec<String> {
    if config.q_levels.len() * config.mu_levels.len() == 1 {
        return vec!["society".to_owned()];
    }
    config
        .q_levels
        .iter()
        .flat_map(|q| {
            config
                .mu_levels
                .iter()
                .map(move |mu| format!("q={q} mu={mu}"))
        })
        .collect()
}
