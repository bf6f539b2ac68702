//! Progress on standard error: bars for work counted in steps (the
//! matches of a round robin, the runs of an evolution block, the cells of
//! a sweep), spinners with the elapsed time for work the library runs in
//! one call without reports (a regime tournament, a society). Silent under
//! `--quiet` and when standard error is not a terminal.

use std::io::IsTerminal;
use std::time::Duration;

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

/// A spinner with the elapsed time for one long call, labelled `what`;
/// finish it with [`ProgressBar::finish_and_clear`].
pub fn spinner(quiet: bool, what: &str) -> ProgressBar {
    if !visible(quiet) {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed_precise}]") {
        spinner.set_style(style);
    }
    spinner.set_message(what.to_owned());
    spinner.enable_steady_tick(Duration::from_millis(120));
    spinner
}
