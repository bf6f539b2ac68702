//! How the replicates of a sweep get their seeds ([`ReplicateSeeds`]): the
//! one rule per kind of sweep, shared by the sweep file engine, a society
//! file's own q and mu grid and the politicization sweep.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The seed rule of a sweep's replicates, from its master seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplicateSeeds {
    /// Replicate `r` plays with [`derive_seed`]`(seed, [r])`, the same at
    /// every grid point (a sweep file's cells).
    Derived,
    /// Replicate `r` plays with `seed + r` (wrapping), the same at every
    /// grid point (a society file's replicates).
    Consecutive,
    /// Every replicate and point plays with the master seed itself (the
    /// politicization sweep).
    Shared,
}

impl ReplicateSeeds {
    /// The seed of replicate `replicate` under a master seed `seed`.
    #[must_use]
    pub fn seed(self, seed: u64, replicate: u64) -> u64 {
        match self {
            ReplicateSeeds::Derived => derive_seed(seed, &[replicate]),
            ReplicateSeeds::Consecutive => seed.wrapping_add(replicate),
            ReplicateSeeds::Shared => seed,
        }
    }
}
