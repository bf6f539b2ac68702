//! Parameter sweep files: a grid over numeric fields of a base tournament,
//! replicates with derived seeds, a tidy CSV, per-cell atomic writes,
//! resume, shards and merging. The `twolevel sweep`, `twolevel merge` and
//! `twolevel run` commands are a thin layer over this module (they add the
//! progress bar and the plots).
//!
//! The module is split by concept: `spec.rs` (the sweep file as written
//! and loaded: [`Axis`], [`Sweep`]), `path.rs` (field paths over the base
//! file), `identity.rs` ([`SweepIdentity`], its hash and the folder it
//! claims), `seeds.rs` ([`ReplicateSeeds`]), `grid.rs` (the points and
//! cells of a grid, [`Cells`], which every sweep walks), `shard.rs`
//! ([`Shard`]), `cells.rs` (running cells, resume, the tidy rows), `merge.rs` ([`finish`], [`SweepSummary`], [`merge`])
//! and `error.rs` ([`SweepError`]).
//!
//! A sweep file names a base file, a grid over numeric fields
//! of it and a number of replicates:
//!
//! ```ron
//! Sweep(
//!     name: "theta",
//!     base: "two-level.ron",          // relative to the sweep file's folder
//!     grid: [
//!         (path: "game.theta", values: [1.0, 2.0, 4.0, 8.0]),
//!         (path: "players[TFT-0.5].political_weight", values: [0.0, 0.5]),
//!     ],
//!     replicates: 3,
//!     seed: Some(7),                  // default: the base file's seed
//! )
//! ```
//!
//! The grid is the product of the axes, the first varying slowest. A
//! field path walks the base tournament as written, every default filled
//! in: struct fields by name, list items by index or by the `name` they
//! carry (`players[2]`, `players[TFT-0.5]`), and through enum variants
//! (`horizon.delta` reaches `Continuation(delta: ..)`, `politics` a
//! `Fixed(pi)`). A path `lever.<name>` sets one of the article's six levers
//! ([`Lever`](crate::levers::Lever), for example `lever.knowledge` or
//! `lever.political_buy_in`) to the value, applied after the fields.
//!
//! The base may also be a regime file (`Regime(..)`) or a society file
//! (`Society(..)`): the same engine runs it ([`BaseKind`]). Field paths walk
//! that file's own fields (`entrants[1].w`, `mu`, `groups[0].count`), every
//! point is built by the kind's own loader before anything runs, and a cell
//! plays its point's file through [`AnyFile`] with the replicate's seed
//! ([`AnyFile::with_seed`]).
//! A negotiation file (`Negotiation(..)`) is a base too: its paths walk
//! the file's fields (`psi`, `states[0].threshold` for a `Tau(x)`,
//! `states[1].noise`, `states[0].side_payment.transfer`), and its rows name
//! each pair `A vs B` with the measures of [`NEGOTIATION_MEASURES`] (the
//! zone of agreement, the reservations, the shares, the outcome rates
//! beside their closed forms, each state's payoffs per round in every
//! currency); a measure a cell does not have (the bounds of an empty zone,
//! the share without a ratified agreement) is `NaN` in `sweep.csv` and
//! left out of `summary.csv`, whose `n` counts the replicates that had it.
//! A fixation file (`GraphEvolution(..)` or `Multilevel(..)`) is a base
//! too: its paths walk the file's fields (`game.benefit`, `selection`
//! for a `Linear(w)`, `split_probability`, `groups[0].n`), its units are
//! its graphs or group settings (the same at every point), and its rows
//! give each unit's
//! [`FIXATION_MEASURES`](crate::fixation_file::FIXATION_MEASURES) (a
//! threshold a unit does not have is `NaN`, as a negotiation's).
//! `lever.<name>` paths apply to round robins only and are refused for
//! other kinds. A regime's rows name each entrant (`score_<currency>`,
//! `cooperation_rate`) and then the unit `regime` (`success_rate`,
//! `welfare`); a society's name the unit `society` (or `q=.. mu=..` for
//! each point of its own grid) with `good_share`, `cooperation_rate` and
//! `payoff_<currency>` per interaction. [`SweepIdentity::players`] lists
//! these units.
//!
//! Replicate `r` plays with the seed derived from the sweep's seed and `r`
//! alone, so the points of one replicate share their random numbers and
//! differ only by the swept values.
//!
//! A cell is one grid point in one replicate; cell `c` is point
//! `c / replicates`, replicate `c % replicates`. [`Sweep::run`] writes each
//! cell's results into `cells/NNNNNN/` of an output folder, whole or not at
//! all, so an interrupted sweep resumes where it stopped. A [`Shard`] `K/N`
//! runs the cells `c` with `c % N == K - 1`; [`merge`] joins the shards'
//! folders after checking that they come from the same sweep (a hash of
//! the program's version, the sweep file, the base file and every point
//! as resolved, presets and CSV tables included: [`SweepIdentity::hash`])
//! and that no cell is missing. Every cell's folder carries its identity
//! ([`CellIdentity`], `cell.json`: the cell, point, replicate and seed,
//! and the hash of its rows), checked with its rows before the cell is
//! merged or summarised: a folder under another cell's number, or a value
//! edited (to `NaN` or anything else), is refused naming the folder, the
//! cell and the field. A
//! complete sweep adds `sweep.csv` (tidy: a row per cell, player and
//! measure) and `summary.csv` (mean, standard deviation and standard error
//! over replicates per point, player and measure). [`Sweep::run_in_memory`]
//! runs every cell without writing anything and returns the same tidy
//! table.
//!
//! ```
//! use twolevel_tournament::progress::NoProgress;
//! use twolevel_tournament::sweep_file::Sweep;
//!
//! let folder = std::env::temp_dir().join(format!("sweep-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&folder).unwrap();
//! let base = twolevel_tournament::config::shipped_tournament("axelrod-first").unwrap();
//! std::fs::write(folder.join("base.ron"), base.replace("repetitions: 5", "repetitions: 1")).unwrap();
//! let text = r#"Sweep(name: "noise", base: "base.ron",
//!                     grid: [(path: "action_noise", values: [0.0, 0.1])])"#;
//! let sweep = Sweep::from_ron(text, folder.join("noise.ron"))?;
//! assert_eq!(sweep.identity().cells, 2);
//! let results = sweep.run_in_memory(&NoProgress)?;
//! assert!(results.tidy.starts_with("cell,point,replicate,seed,action_noise,player,measure,value\n"));
//! // A field path the base file does not have names itself, at its line and column.
//! let bad = Sweep::from_ron(&text.replace("action_noise", "action_nosie"), folder.join("bad.ron"));
//! let message = bad.unwrap_err().to_string();
//! assert!(message.contains("bad.ron:2:") && message.contains("`action_nosie`"), "{message}");
//! # std::fs::remove_dir_all(&folder).unwrap();
//! # Ok::<(), twolevel_tournament::sweep_file::SweepError>(())
//! ```

mod cells;
mod error;
mod grid;
mod identity;
mod merge;
mod path;
mod seeds;
mod shard;
mod spec;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file};
use twolevel_game::Currency;
use twolevel_game::negotiation::Zone;

use crate::config::{FileKind, PresetCatalog, RawTournament};
use crate::file::{AnyFile, FileError, FileResults, Loaded};
use crate::fixation_file::{FixationFile, RawGraphEvolution, RawMultilevel};
use crate::negotiation::{NegotiationResults, RawNegotiation};
use crate::output::{MANIFEST, OutputSet, write_atomically};
use crate::progress::Progress;
use crate::regime::RawRegimeTournament;
use crate::report::{OutputError, OutputOptions, write_json_file};
use crate::round_robin::{RoundRobin, RoundRobinResults};
use crate::seeding::derive_seed;
use crate::society::{RawSocietyConfig, SocietyConfig};
use crate::stats::mean_sd_se;

pub use cells::{
    CELL_IDENTITY, CellIdentity, NEGOTIATION_MEASURES, Pending, SweepResults, SweepRun,
};
pub use error::SweepError;
pub use grid::{Cell, Cells, GridPoint, point_values};
pub use identity::{BaseKind, SweepIdentity, read_identity};
pub use merge::{SweepSummary, finish, merge, merge_locked, read_summary};
pub use seeds::ReplicateSeeds;
pub use shard::Shard;
pub use spec::{Axis, Sweep};
#[allow(clippy::wildcard_imports)]
use {cells::*, identity::*, merge::*, spec::REGIME_UNIT, spec::pair_unit};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition_the_cells() {
        let shard: Shard = "2/4".parse().unwrap();
        assert_eq!(shard, Shard::new(2, 4).unwrap());
        assert_eq!((shard.index(), shard.count()), (2, 4));
        assert!(
            "5/4"
                .parse::<Shard>()
                .unwrap_err()
                .to_string()
                .contains("greater than N")
        );
        assert!("0/4".parse::<Shard>().is_err() && "x".parse::<Shard>().is_err());
        let shards: Vec<Shard> = (1..=4).map(|k| Shard::new(k, 4).unwrap()).collect();
        // A `shard.json` is checked as the text is.
        assert!(serde_json::from_str::<Shard>(r#"{"index":0,"count":0}"#).is_err());
        assert!(serde_json::from_str::<Shard>(r#"{"index":3,"count":2}"#).is_err());
        assert_eq!(
            serde_json::to_string(&shard).unwrap(),
            r#"{"index":2,"count":4}"#
        );
        for cell in 0..50 {
            assert_eq!(shards.iter().filter(|s| s.owns(cell)).count(), 1);
        }
    }

    /// A `sweep.json` that this version could not have written (edited or
    /// damaged) is refused when read, instead of allocating its `cells` or
    /// dividing by its `replicates`.
    #[test]
    fn inconsistent_sweep_descriptions_are_refused_when_read() {
        let good = SweepIdentity {
            name: "s".into(),
            hash: "0".into(),
            grid: vec![Axis {
                path: "action_noise".into(),
                values: vec![0.0, 0.1],
            }],
            replicates: 3,
            seed: 1,
            players: vec!["a".into()],
            cells: 6,
            kind: BaseKind::RoundRobin,
        };
        assert_eq!(good.check(), Ok(()));
        let folder = std::env::temp_dir().join(format!("twolevel-identity-{}", std::process::id()));
        fs::create_dir_all(&folder).unwrap();
        let cases = [
            SweepIdentity {
                replicates: 0,
                ..good.clone()
            },
            SweepIdentity {
                cells: 1_000_000_000_000_000,
                ..good.clone()
            },
            SweepIdentity {
                grid: vec![],
                ..good.clone()
            },
        ];
        for bad in cases {
            fs::write(
                folder.join("sweep.json"),
                serde_json::to_string(&bad).unwrap(),
            )
            .unwrap();
            let error = read_identity(&folder).unwrap_err().to_string();
            assert!(
                error.contains("sweep.json") && error.contains("not a sweep description"),
                "{error}"
            );
            assert!(finish(&folder, &bad).is_err());
        }
        let _ = fs::remove_dir_all(&folder);
    }

    /// A grid of two axes, `a` of two values and `b` of three.
    fn two_axes() -> Vec<Axis> {
        vec![
            Axis {
                path: "a".into(),
                values: vec![1.0, 2.0],
            },
            Axis {
                path: "b".into(),
                values: vec![10.0, 20.0, 30.0],
            },
        ]
    }

    #[test]
    fn points_enumerate_the_grid_first_axis_slowest() {
        let grid = two_axes();
        assert_eq!(point_values(&grid, 0), vec![1.0, 10.0]);
        assert_eq!(point_values(&grid, 2), vec![1.0, 30.0]);
        assert_eq!(point_values(&grid, 3), vec![2.0, 10.0]);
    }

    /// Every sweep walks the same cells: cell `c` is point
    /// `c / replicates` in replicate `c % replicates`, seeded by the rule
    /// of its kind of sweep, and a point's cells are those cells.
    #[test]
    fn cells_are_points_in_replicates_seeded_by_their_rule() {
        let grid = two_axes();
        for rule in [
            ReplicateSeeds::Derived,
            ReplicateSeeds::Consecutive,
            ReplicateSeeds::Shared,
        ] {
            let cells = Cells::new(&grid, 3, 7, rule);
            assert_eq!((cells.point_count(), cells.count()), (6, 18));
            let all: Vec<Cell> = cells.iter().collect();
            assert_eq!(all.len(), 18);
            for (c, cell) in all.iter().enumerate() {
                assert_eq!(cell.index, c);
                assert_eq!((cell.point, cell.replicate as usize), (c / 3, c % 3));
                assert_eq!(cell.seed, rule.seed(7, u64::from(cell.replicate)));
                assert_eq!(cell.values, point_values(&grid, c / 3));
            }
            let by_point: Vec<Cell> = cells
                .points()
                .flat_map(|p| p.cells().collect::<Vec<_>>())
                .collect();
            assert_eq!(by_point, all);
        }
        assert_eq!(ReplicateSeeds::Consecutive.seed(7, 2), 9);
        assert_eq!(ReplicateSeeds::Shared.seed(7, 2), 7);
        assert_eq!(ReplicateSeeds::Derived.seed(7, 2), derive_seed(7, &[2]));
        // No replicate, no cell; no axis, one point.
        assert_eq!(Cells::new(&grid, 0, 7, ReplicateSeeds::Derived).count(), 0);
        assert_eq!(Cells::new(&[], 2, 7, ReplicateSeeds::Derived).count(), 2);
    }
}
