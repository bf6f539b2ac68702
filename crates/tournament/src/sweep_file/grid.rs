//! The points and cells of a grid ([`Cells`]): which grid point and which
//! replicate a cell is, the point's values and the replicate's seed. Every
//! sweep walks its cells through this one type: a sweep file's cells
//! ([`ReplicateSeeds::Derived`]), a society file's own q and mu grid
//! ([`ReplicateSeeds::Consecutive`]) and the politicization sweep
//! ([`ReplicateSeeds::Shared`]).
//!
//! ```
//! use twolevel_tournament::sweep_file::{Axis, Cells, ReplicateSeeds};
//!
//! let grid = [
//!     Axis { path: "q".into(), values: vec![0.5, 1.0] },
//!     Axis { path: "mu".into(), values: vec![0.01, 0.1, 0.2] },
//! ];
//! let cells = Cells::new(&grid, 2, 42, ReplicateSeeds::Consecutive);
//! assert_eq!((cells.point_count(), cells.count()), (6, 12));
//! // Cell 7 is point 3 (q = 1.0, mu = 0.01) in replicate 1.
//! let cell = cells.cell(7);
//! assert_eq!((cell.point, cell.replicate, cell.seed), (3, 1, 43));
//! assert_eq!(cell.values, vec![1.0, 0.01]);
//! // The points in order, each with its cells in replicate order.
//! let point = cells.points().nth(3).unwrap();
//! assert_eq!(point.cells().map(|c| c.index).collect::<Vec<_>>(), vec![6, 7]);
//! ```

#[allow(clippy::wildcard_imports)]
use super::*;

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

/// The cells of a grid: every point (the product of the axes, the first
/// varying slowest; [`point_values`]) in every replicate. Cell `c` is
/// point `c / replicates` in replicate `c % replicates`, and replicate `r`
/// plays with the seed its [`ReplicateSeeds`] rule gives for the master
/// seed and `r`, the same at every point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cells<'a> {
    grid: &'a [Axis],
    replicates: u32,
    seed: u64,
    seeds: ReplicateSeeds,
}

/// One cell of a grid: a point in one replicate ([`Cells::cell`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The cell's index, `point * replicates + replicate`.
    pub index: usize,
    /// The grid point.
    pub point: usize,
    /// The replicate.
    pub replicate: u32,
    /// The seed the replicate plays with.
    pub seed: u64,
    /// The point's value on each axis, in the grid's order.
    pub values: Vec<f64>,
}

/// One point of a grid with its cells ([`Cells::points`]).
#[derive(Clone, Debug, PartialEq)]
pub struct GridPoint<'a> {
    /// The point's index.
    pub index: usize,
    /// The point's value on each axis, in the grid's order.
    pub values: Vec<f64>,
    cells: Cells<'a>,
}

impl<'a> Cells<'a> {
    /// The cells of `grid` in `replicates` replicates, seeded from `seed`
    /// by the rule `seeds`.
    #[must_use]
    pub const fn new(grid: &'a [Axis], replicates: u32, seed: u64, seeds: ReplicateSeeds) -> Self {
        Cells {
            grid,
            replicates,
            seed,
            seeds,
        }
    }

    /// The number of grid points: the product of the axes' lengths (1 for
    /// no axis).
    #[must_use]
    pub fn point_count(&self) -> usize {
        self.grid.iter().fold(1, |product: usize, axis| {
            product.saturating_mul(axis.values.len())
        })
    }

    /// The number of cells: points times replicates.
    #[must_use]
    pub fn count(&self) -> usize {
        self.point_count().saturating_mul(self.replicates as usize)
    }

    /// Cell `index`: point `index / replicates`, replicate
    /// `index % replicates`, with that replicate's seed and that point's
    /// values. The index must be below [`Cells::count`] (with no
    /// replicates there is no cell).
    #[must_use]
    pub fn cell(&self, index: usize) -> Cell {
        let replicates = self.replicates as usize;
        let (point, replicate) = (index / replicates, index % replicates);
        Cell {
            index,
            point,
            // Below `replicates`, a `u32`.
            #[allow(clippy::cast_possible_truncation)]
            replicate: replicate as u32,
            seed: self.seeds.seed(self.seed, replicate as u64),
            values: point_values(self.grid, point),
        }
    }

    /// Every cell, in order.
    pub fn iter(&self) -> impl Iterator<Item = Cell> + '_ {
        (0..self.count()).map(|index| self.cell(index))
    }

    /// The grid points, in order, each with its cells.
    pub fn points(&self) -> impl Iterator<Item = GridPoint<'a>> + '_ {
        let cells = *self;
        (0..self.point_count()).map(move |index| GridPoint {
            index,
            values: point_values(cells.grid, index),
            cells,
        })
    }
}

impl GridPoint<'_> {
    /// The point's cells, in replicate order.
    pub fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        (0..self.cells.replicates).map(|replicate| self.cell(replicate))
    }

    /// The point's cell in replicate `replicate` (below the number of
    /// replicates).
    #[must_use]
    pub fn cell(&self, replicate: u32) -> Cell {
        self.cells
            .cell(self.index * self.cells.replicates as usize + replicate as usize)
    }
}
