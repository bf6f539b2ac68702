//! Progress on standard error: bars for work counted in steps (the
//! matches of a round robin, the runs of an evolution block, the games of
//! a regime tournament, the grid points of a society, the lever settings,
//! the cells of a sweep), moved through the library's
//! [`Progress`](twolevel_tournament::progress::Progress) hook. Silent under
//! `--quiet` and when standard error is not a terminal.
//!
//! A bar shows no count until the engine has said how much work there is
//! (never `0/0`), and its estimate of the time left is the time taken so
//! far scaled by the work left ([`time_left`]), not a rate extrapolated
//! from the first few steps.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Whether progress is shown: not under `--quiet`, and only on a terminal.
fn visible(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// The time left when `done` of `total` steps took `elapsed`, assuming
/// the remaining steps take as long on average as those done: `None`
/// before any step is done (nothing to estimate from).
pub fn time_left(elapsed: Duration, done: u64, total: u64) -> Option<Duration> {
    if done == 0 {
        return None;
    }
    let left = total.saturating_sub(done);
    // In f64: `elapsed * left` may not fit a Duration's multiplier (u32).
    #[allow(clippy::cast_precision_loss)]
    let seconds = elapsed.as_secs_f64() * left as f64 / done as f64;
    // Beyond a Duration's range (about 585 billion years) the bar says the
    // longest it can.
    Some(Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX))
}

/// Writes [`time_left`] as the bar shows it: `about 12s left`, or
/// `estimating` before the first step is done.
fn write_time_left(state: &ProgressState, w: &mut dyn std::fmt::Write) {
    let total = state.len().unwrap_or(0);
    let _ = match time_left(state.elapsed(), state.pos(), total) {
        Some(left) => write!(
            w,
            "about {} left",
            indicatif::HumanDuration(Duration::from_secs(left.as_secs()))
        ),
        None => write!(w, "estimating"),
    };
}

/// The style of a bar whose length is known.
fn counting_style() -> Option<ProgressStyle> {
    ProgressStyle::with_template("{msg} [{elapsed_precise}] {wide_bar} {pos}/{len} ({left})")
        .ok()
        .map(|style| style.with_key("left", write_time_left))
}

/// A bar over `total` steps, labelled `what`; with `total` 0, a line that
/// waits for [`Reporter`]'s first `start` before showing a count.
pub fn bar(quiet: bool, total: u64, what: &str) -> ProgressBar {
    if !visible(quiet) {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    let style = if total == 0 {
        ProgressStyle::with_template("{msg} [{elapsed_precise}] starting").ok()
    } else {
        counting_style()
    };
    if let Some(style) = style {
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
        let first = self.0.length().unwrap_or(0) == 0;
        self.0.inc_length(total);
        if first
            && total > 0
            && !self.0.is_hidden()
            && let Some(style) = counting_style()
        {
            self.0.set_style(style);
        }
    }

    fn advance(&self, done: u64) {
        self.0.inc(done);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 26: the estimate comes from the work done: half the steps in
    /// 7 s leave 7 s, not a guess from the first steps' rate; nothing is
    /// estimated before a step is done, and a finished bar has none left.
    #[test]
    fn time_left_scales_the_time_taken_by_the_work_left() {
        let seven = Duration::from_secs(7);
        assert_eq!(time_left(seven, 50, 100), Some(seven));
        assert_eq!(time_left(seven, 0, 100), None);
        assert_eq!(time_left(seven, 100, 100), Some(Duration::ZERO));
        assert_eq!(time_left(seven, 1, 8), Some(Duration::from_secs(49)));
        assert_eq!(
            time_left(Duration::from_secs(1), 1, u64::MAX).map(|d| d.as_secs() > 0),
            Some(true)
        );
    }
}
