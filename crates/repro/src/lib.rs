//! Reproductions of classic papers on the evolution of cooperation, each a
//! runnable, tested check of the paper's claim with numbers
//! (`docs/reproductions.md`).
//!
//! A [`Reproduction`] names a paper and its claim; [`Reproduction::run`]
//! plays it at a [`Size`] (`Quick` in CI, `Full` at the paper's size) from
//! a seed and returns an [`Outcome`]: tables of our numbers beside the
//! published ones, the [`Check`]s of the claim with the numbers they rest
//! on, and figures a program may draw. [`Outcome::check`] says whether the
//! claim holds in that run. [`REPRODUCTIONS`] lists every entry;
//! `twolevel reproduce NAME` runs one and writes its tables and plots.
//!
//! ```
//! use twolevel_repro::{Size, find};
//!
//! let entry = find("stewart-plotkin-2013")?;
//! let outcome = entry.run(Size::Quick, entry.default_seed)?;
//! assert!(outcome.check(), "{}", outcome.checks_markdown());
//! # Ok::<(), twolevel_repro::ReproError>(())
//! ```
//!
//! Adding an entry is one line in [`REPRODUCTIONS`]: a module that defines
//! a `pub const ENTRY: Reproduction` with its runner. Entries whose set-up
//! fits a tournament or society file keep it in `reproductions/` (the
//! crate embeds its own copy, [`REPRODUCTION_FILES`]; a test checks the two
//! folders agree byte for byte).

pub mod axelrod_1980a;
pub mod axelrod_1980b;
pub mod nowak_2006;
pub mod nowak_sigmund_1993;
pub mod ohtsuki_iwasa_2004;
mod outcome;
pub mod santos_pacheco_2011;
pub mod stewart_plotkin_2013;

pub use outcome::{Check, Figure, Outcome, Size, Table, fmt};

use twolevel_files::ConfigError;
use twolevel_game::ParameterError;

/// Why a reproduction could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReproError {
    /// No reproduction has this name.
    #[error("no reproduction is named `{name}`; the reproductions are: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The known names, comma-separated.
        known: String,
    },
    /// A parameter of the set-up was refused.
    #[error(transparent)]
    Parameter(#[from] ParameterError),
    /// An embedded file did not load.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// One reproduction: a paper, its claim, and how to run it.
#[derive(Clone, Copy, Debug)]
pub struct Reproduction {
    /// The name used by `twolevel reproduce NAME` (`axelrod-1980a`).
    pub name: &'static str,
    /// The paper(s), as a citation.
    pub paper: &'static str,
    /// The claim checked, as a sentence.
    pub claim: &'static str,
    /// The seed `twolevel reproduce` uses without `--seed`.
    pub default_seed: u64,
    /// The runner: builds the set-up at the size and plays it from the seed.
    pub runner: fn(Size, u64) -> Result<Outcome, ReproError>,
}

impl Reproduction {
    /// Runs the reproduction at `size` from `seed`.
    pub fn run(&self, size: Size, seed: u64) -> Result<Outcome, ReproError> {
        (self.runner)(size, seed)
    }
}

/// Every reproduction, in the order of `docs/reproductions.md`. Adding an
/// entry is one line here.
pub const REPRODUCTIONS: &[Reproduction] = &[
    axelrod_1980a::ENTRY,
    axelrod_1980b::ENTRY,
    nowak_sigmund_1993::ENTRY,
    stewart_plotkin_2013::ENTRY,
    santos_pacheco_2011::ENTRY,
    ohtsuki_iwasa_2004::ENTRY,
    nowak_2006::ENTRY,
];

/// The reproduction named `name` (case and surrounding spaces ignored).
pub fn find(name: &str) -> Result<&'static Reproduction, ReproError> {
    let wanted = name.trim().to_ascii_lowercase();
    REPRODUCTIONS
        .iter()
        .find(|r| r.name == wanted)
        .ok_or_else(|| ReproError::Unknown {
            name: name.to_owned(),
            known: REPRODUCTIONS
                .iter()
                .map(|r| r.name)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// The reproduction files, `(stem, text)`, compiled in from the crate's
/// copy of the top-level `reproductions/` folder (a published crate cannot
/// read outside its folder), so an installed binary has them.
pub const REPRODUCTION_FILES: &[(&str, &str)] = &[(
    "ohtsuki-iwasa-2004",
    include_str!("../reproductions/ohtsuki-iwasa-2004.ron"),
)];

/// The text of `reproductions/STEM.ron`, if it is one of
/// [`REPRODUCTION_FILES`].
#[must_use]
pub fn reproduction_file(stem: &str) -> Option<&'static str> {
    REPRODUCTION_FILES
        .iter()
        .find(|(name, _)| *name == stem)
        .map(|(_, text)| *text)
}

/// Spearman's rank correlation of two equally long lists (ties get their
/// mean rank); `None` when they differ in length, hold fewer than two
/// values or one of them is constant.
#[must_use]
pub fn spearman_rho(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() != b.len() || a.len() < 2 {
        return None;
    }
    let (ra, rb) = (ranks(a), ranks(b));
    let (ma, mb) = (
        twolevel_tournament::stats::mean(&ra),
        twolevel_tournament::stats::mean(&rb),
    );
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - ma) * (y - mb);
        va += (x - ma) * (x - ma);
        vb += (y - mb) * (y - mb);
    }
    (va > 0.0 && vb > 0.0).then(|| cov / (va * vb).sqrt())
}

/// The ranks of the values (1 for the smallest), ties at their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let rank = (start + end) as f64 / 2.0 + 1.0;
        for &k in &order[start..=end] {
            ranks[k] = rank;
        }
        start = end + 1;
    }
    ranks
}

/// The mean absolute difference of two equally long lists (`None` when
/// they differ in length or are empty).
#[must_use]
pub fn mean_absolute_error(a: &[f64], b: &[f64]) -> Option<f64> {
    (a.len() == b.len() && !a.is_empty())
        .then(|| a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len() as f64)
}
