//! Names: the one normalisation every registered name, alias, preset and
//! norm is matched with (case, spaces and punctuation ignored), and the one
//! close-match ranking behind every "did you mean" hint.

use super::entry::Entry;

/// A name in the form used for matching: lowercase letters and digits only.
pub(crate) fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How alike two names are, in [0, 1]: Jaro-Winkler similarity of the
/// names with case, spaces and punctuation removed.
fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&normalize(a), &normalize(b))
}

/// The labels of the best-scoring candidates with a similarity of at least
/// 0.8, best first (ties in name order), at most three.
fn best_matches<'a>(scored: impl Iterator<Item = (&'a str, f64)>) -> Vec<&'a str> {
    const THRESHOLD: f64 = 0.8;
    let mut scored: Vec<(f64, &'a str)> = scored
        .filter(|&(_, score)| score >= THRESHOLD)
        .map(|(label, score)| (score, label))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, label)| label).collect()
}

/// Up to three of `candidates` whose names are close to `name` (ignoring
/// case, spaces and punctuation), best first; used for "did you mean"
/// hints on strategy and preset names.
pub fn close_matches<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    best_matches(
        candidates
            .into_iter()
            .map(|candidate| (candidate, similarity(name, candidate))),
    )
}

/// How a catalogue lists the close matches of an unknown name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suggest {
    /// Each entry at most once, by its display name, ranked by the closest
    /// of its name and aliases (`"Tit For Tatt"` suggests `Tit For Tat`).
    Names,
    /// Each name and alias on its own, as written (`"Discriminater"`
    /// suggests `Discriminator` and its alias `DISC`).
    Spellings,
}

/// Up to three names of `entries` close to `name`, best first, listed as
/// `suggest` says.
pub(crate) fn suggestions<T: ?Sized>(
    name: &str,
    entries: &[&'static Entry<T>],
    suggest: Suggest,
) -> Vec<String> {
    let close = match suggest {
        Suggest::Names => best_matches(entries.iter().map(|entry| {
            let score = entry
                .spellings()
                .map(|candidate| similarity(name, candidate))
                .fold(0.0, f64::max);
            (entry.name, score)
        })),
        Suggest::Spellings => close_matches(name, entries.iter().flat_map(|e| e.spellings())),
    };
    close.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_matches_rank_the_nearest_names_first() {
        let presets = ["politician", "bureaucrat", "free-rider", "nationalist"];
        assert_eq!(close_matches("bureacrat", presets), ["bureaucrat"]);
        assert_eq!(close_matches("Free Rider", presets), ["free-rider"]);
        assert!(close_matches("zzz", presets).is_empty());
    }
}
