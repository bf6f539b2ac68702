//! Structured populations: evolution on graphs against closed forms (the
//! neutral 1/N, Ohtsuki et al.'s `b/c > k` rule qualitatively), exact
//! incremental payoffs, and spatial tournaments (only neighbours meet,
//! per-node payoffs, graph files with located errors, `axelrod`'s
//! `edges` as the reference), and fixation files (`GraphEvolution(..)`,
//! `Multilevel(..)`): located errors, sweeps equal to direct library calls,
//! seeds that reproduce bit for bit.

mod dynamics;
mod files;
mod fixation;
mod spatial;
