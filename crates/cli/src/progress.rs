//! Progress on standard error: bars for work counted in steps (the
//! matches of a round robin, the runs of an evolution block, the games of
//! a regime tournament, the grid points of a society, the lever settings,
//! the cells of a sweep), moved through the library's
//! [`Progress`](twolevel_tournament::progress::Progress) hook. Silent under
//! `--quiet` and when standard error is not a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Whether progress is shown: not under `--quiet`, and only on a terminal.
fn visible(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// A bar over `total` steps, labelled `what`.
pub fn bar(quiet: bool, total: u64, what: &str) -> ProgressBar {
    if !visible(quiet) {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{elapsed_precise}] {wide_bar} {pos}/{len} (eta {eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    bar
}

/// A bar the library's engines move through their
/// [`Progress`](twolevel_tournament::progress::Progress) hook: each phase
/// adds its total to the bar's length.
pub struct Reporter(pub ProgressBar);

impl Reporter {
    /// A bar with no length yet, labelled `what`, for the engines to fill.
    pub fn new(quiet: bool, what: &str) -> Self {
        Reporter(bar(quiet, 0, what))
    }
}

impl twolevel_tournament::progress::Progress for Reporter {
    fn start(&self, total: u64) {
        self.0.inc_length(total);
    }

    fn advance(&self, done: u64) {
        self.0.inc(done);
    }
}
