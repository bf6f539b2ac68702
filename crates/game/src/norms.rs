//! Assessment norms of indirect reciprocity (`docs/society.md`): how an
//! observer judges a donor's new standing from what the donor did to a
//! recipient.
//!
//! A norm is a table from (the donor's standing, the donor's action, the
//! recipient's standing) to good or bad. Second-order norms ignore the
//! donor's own standing:
//!
//! | norm            | C to good | D to good | C to bad | D to bad |
//! |-----------------|-----------|-----------|----------|----------|
//! | image scoring   | good      | bad       | good     | bad      |
//! | simple standing | good      | bad       | good     | good     |
//! | stern judging   | good      | bad       | bad      | good     |
//! | shunning        | good      | bad       | bad      | bad      |
//!
//! The *leading eight* of Ohtsuki and Iwasa (2004, "How should we define
//! goodness? Reputation dynamics in indirect reciprocity", J. Theor. Biol.
//! 231:107-120) are the eight third-order norms, each with its action rule,
//! under which a population of their followers keeps cooperation evolutionarily
//! stable. All eight judge cooperation with a good recipient good,
//! defection against a good recipient bad and a good donor's defection
//! against a bad recipient good; they differ in the three remaining cells
//! (donor standing, recipient standing, action):
//!
//! | norm | G,B,C | B,B,C | B,B,D | action to a bad recipient by a bad donor |
//! |------|-------|-------|-------|------------------------------------------|
//! | L1   | good  | good  | bad   | C                                        |
//! | L2   | bad   | good  | bad   | C                                        |
//! | L3   | good  | good  | good  | D                                        |
//! | L4   | good  | bad   | good  | D                                        |
//! | L5   | bad   | good  | good  | D                                        |
//! | L6   | bad   | bad   | good  | D                                        |
//! | L7   | good  | bad   | bad   | D                                        |
//! | L8   | bad   | bad   | bad   | D                                        |
//!
//! L3 is simple standing and L6 stern judging. The action rules of the
//! leading eight are all one rule, [`Norm::prescribed_action`]: cooperate
//! exactly when cooperation earns a good standing and defection a bad one
//! (C to a good recipient, D to a bad one by a good donor, and for a bad
//! donor facing a bad recipient C only under L1 and L2).
//!
//! ```
//! use twolevel_game::{Action, Norm, Standing};
//!
//! let stern = Norm::by_name("stern judging")?;
//! assert_eq!(stern.assess(Standing::Good, Action::D, Standing::Bad), Standing::Good);
//! assert_eq!(stern, Norm::by_name("L6")?);
//! let error = Norm::by_name("stern juding").unwrap_err();
//! assert!(error.to_string().contains("did you mean `stern judging`"));
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::error::ParameterError;

/// A state's standing (reputation) in an observer's eyes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[repr(u8)]
pub enum Standing {
    /// Good standing.
    Good = 0,
    /// Bad standing.
    Bad = 1,
}

impl Standing {
    /// [`Standing::Good`] for `true`, [`Standing::Bad`] for `false`.
    #[inline]
    #[must_use]
    pub const fn from_good(good: bool) -> Standing {
        if good { Standing::Good } else { Standing::Bad }
    }

    /// Returns `true` for [`Standing::Good`].
    #[inline]
    #[must_use]
    pub const fn is_good(self) -> bool {
        matches!(self, Standing::Good)
    }

    /// The other standing (an assessment error).
    #[inline]
    #[must_use]
    pub const fn flip(self) -> Standing {
        Standing::from_good(!self.is_good())
    }
}

/// An assessment norm: a table from (donor's standing, donor's action,
/// recipient's standing) to the donor's new standing. See the [module
/// documentation](self) for the named norms.
///
/// In RON a norm is written by name (`"stern judging"`, `"L1"`, ...).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Norm {
    /// Bit `index(donor, action, recipient)` is set when that cell is good.
    good_cells: u8,
}

/// The bit of a cell: donor standing (4), action (2), recipient standing (1).
#[inline]
const fn cell(donor: Standing, action: Action, recipient: Standing) -> u8 {
    1 << ((donor as u8) * 4 + (action as u8) * 2 + recipient as u8)
}

/// A second-order table: the four cells (C to good, D to good, C to bad,
/// D to bad), the same for both donor standings.
const fn second_order(c_good: bool, d_good: bool, c_bad: bool, d_bad: bool) -> Norm {
    let mut bits = 0u8;
    let mut donor = 0;
    while donor < 2 {
        let standing = if donor == 0 {
            Standing::Good
        } else {
            Standing::Bad
        };
        if c_good {
            bits |= cell(standing, Action::C, Standing::Good);
        }
        if d_good {
            bits |= cell(standing, Action::D, Standing::Good);
        }
        if c_bad {
            bits |= cell(standing, Action::C, Standing::Bad);
        }
        if d_bad {
            bits |= cell(standing, Action::D, Standing::Bad);
        }
        donor += 1;
    }
    Norm { good_cells: bits }
}

/// A leading-eight norm from its three free cells: (good donor, C, bad
/// recipient), (bad donor, C, bad recipient) and (bad donor, D, bad
/// recipient).
const fn leading(good_c_bad: bool, bad_c_bad: bool, bad_d_bad: bool) -> Norm {
    let mut bits = cell(Standing::Good, Action::C, Standing::Good)
        | cell(Standing::Bad, Action::C, Standing::Good)
        | cell(Standing::Good, Action::D, Standing::Bad);
    if good_c_bad {
        bits |= cell(Standing::Good, Action::C, Standing::Bad);
    }
    if bad_c_bad {
        bits |= cell(Standing::Bad, Action::C, Standing::Bad);
    }
    if bad_d_bad {
        bits |= cell(Standing::Bad, Action::D, Standing::Bad);
    }
    Norm { good_cells: bits }
}

impl Norm {
    /// Image scoring: cooperation is good, defection bad.
    pub const IMAGE_SCORING: Norm = second_order(true, false, true, false);
    /// Simple standing: defection against a bad recipient is good;
    /// otherwise as image scoring.
    pub const SIMPLE_STANDING: Norm = second_order(true, false, true, true);
    /// Stern judging: cooperation with a good recipient and defection
    /// against a bad one are good, the rest bad.
    pub const STERN_JUDGING: Norm = second_order(true, false, false, true);
    /// Shunning: only cooperation with a good recipient is good.
    pub const SHUNNING: Norm = second_order(true, false, false, false);
    /// The leading eight of Ohtsuki and Iwasa (2004), L1 to L8.
    pub const LEADING_EIGHT: [Norm; 8] = [
        leading(true, true, false),
        leading(false, true, false),
        leading(true, true, true),
        leading(true, false, true),
        leading(false, true, true),
        leading(false, false, true),
        leading(true, false, false),
        leading(false, false, false),
    ];

    /// Every named norm with its name and aliases: the four second-order
    /// norms, then L1 to L8.
    pub const NAMES: [(&'static str, &'static [&'static str], Norm); 12] = [
        ("image scoring", &["IS", "scoring"], Norm::IMAGE_SCORING),
        (
            "simple standing",
            &["SS", "standing"],
            Norm::SIMPLE_STANDING,
        ),
        ("stern judging", &["SJ", "Kandori"], Norm::STERN_JUDGING),
        ("shunning", &["SH"], Norm::SHUNNING),
        ("L1", &[], Norm::LEADING_EIGHT[0]),
        ("L2", &[], Norm::LEADING_EIGHT[1]),
        ("L3", &[], Norm::LEADING_EIGHT[2]),
        ("L4", &[], Norm::LEADING_EIGHT[3]),
        ("L5", &[], Norm::LEADING_EIGHT[4]),
        ("L6", &[], Norm::LEADING_EIGHT[5]),
        ("L7", &[], Norm::LEADING_EIGHT[6]),
        ("L8", &[], Norm::LEADING_EIGHT[7]),
    ];

    /// A norm from an arbitrary third-order rule.
    #[must_use]
    pub fn from_fn(mut rule: impl FnMut(Standing, Action, Standing) -> Standing) -> Norm {
        let mut bits = 0;
        for donor in [Standing::Good, Standing::Bad] {
            for action in Action::ALL {
                for recipient in [Standing::Good, Standing::Bad] {
                    if rule(donor, action, recipient).is_good() {
                        bits |= cell(donor, action, recipient);
                    }
                }
            }
        }
        Norm { good_cells: bits }
    }

    /// The named norm `name` or alias (ignoring case, spaces and
    /// punctuation); an unknown name is an error on the field `norm` with
    /// close matches and the list of known names.
    pub fn by_name(name: &str) -> Result<Norm, ParameterError> {
        let wanted = normalize(name);
        Norm::NAMES
            .iter()
            .find(|(canonical, aliases, _)| {
                normalize(canonical) == wanted || aliases.iter().any(|a| normalize(a) == wanted)
            })
            .map(|&(_, _, norm)| norm)
            .ok_or_else(|| unknown_norm(name))
    }

    /// The donor's new standing after `action` against a recipient of
    /// standing `recipient`, the donor having had standing `donor`.
    #[inline]
    #[must_use]
    pub const fn assess(self, donor: Standing, action: Action, recipient: Standing) -> Standing {
        Standing::from_good(self.good_cells & cell(donor, action, recipient) != 0)
    }

    /// Whether the norm ignores the donor's own standing (a second-order
    /// norm).
    #[must_use]
    pub fn is_second_order(self) -> bool {
        (self.good_cells & 0x0f) == (self.good_cells >> 4)
    }

    /// The action the norm prescribes: cooperate exactly when cooperation
    /// earns a good standing and defection a bad one; otherwise defect
    /// (defection is cheaper when both actions are judged alike). For the
    /// leading eight this is their action rule.
    #[inline]
    #[must_use]
    pub const fn prescribed_action(self, donor: Standing, recipient: Standing) -> Action {
        if self.assess(donor, Action::C, recipient).is_good()
            && !self.assess(donor, Action::D, recipient).is_good()
        {
            Action::C
        } else {
            Action::D
        }
    }

    /// The first name under which the norm is listed in [`Norm::NAMES`],
    /// if any (L3 is listed as simple standing and L6 as stern judging).
    #[must_use]
    pub fn name(self) -> Option<&'static str> {
        Norm::NAMES
            .iter()
            .find(|&&(_, _, norm)| norm == self)
            .map(|&(name, _, _)| name)
    }
}

impl fmt::Debug for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "Norm({name})"),
            None => write!(f, "Norm({:#010b})", self.good_cells),
        }
    }
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "custom norm {:#010b}", self.good_cells),
        }
    }
}

impl TryFrom<String> for Norm {
    type Error = ParameterError;

    fn try_from(name: String) -> Result<Self, Self::Error> {
        Norm::by_name(&name)
    }
}

impl From<Norm> for String {
    /// The norm's name; a custom norm (which has none) is written as its
    /// table, which [`Norm::by_name`] does not read back.
    fn from(norm: Norm) -> String {
        norm.to_string()
    }
}

/// Lower-case ASCII letters and digits only.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The edit (Levenshtein) distance between two strings of bytes.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(x != y);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The error for an unknown norm name: the closest names (within a third
/// of the name's length in edits) and the list of all names.
fn unknown_norm(name: &str) -> ParameterError {
    let wanted = normalize(name);
    let distance =
        |candidate: &str| edit_distance(wanted.as_bytes(), normalize(candidate).as_bytes());
    let best = Norm::NAMES
        .iter()
        .map(|&(canonical, aliases, _)| {
            let closest = std::iter::once(canonical)
                .chain(aliases.iter().copied())
                .map(distance)
                .min()
                .unwrap_or(usize::MAX);
            (closest, canonical)
        })
        .filter(|&(d, _)| d * 3 <= wanted.len().max(3))
        .min_by_key(|&(d, _)| d);
    let hint = best.map_or_else(String::new, |(_, canonical)| {
        format!("did you mean `{canonical}`? ")
    });
    let known: Vec<&str> = Norm::NAMES.iter().map(|&(n, _, _)| n).collect();
    ParameterError::new(
        "norm",
        format!(
            "unknown norm `{name}`; {hint}known norms: {}",
            known.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::{C, D};
    use Standing::{Bad, Good};

    const STANDINGS: [Standing; 2] = [Good, Bad];

    #[test]
    fn second_order_tables_match_their_definitions() {
        for donor in STANDINGS {
            for recipient in STANDINGS {
                for action in Action::ALL {
                    let cooperates = action == C;
                    let good_recipient = recipient == Good;
                    let expect = |good: bool| Standing::from_good(good);
                    assert_eq!(
                        Norm::IMAGE_SCORING.assess(donor, action, recipient),
                        expect(cooperates)
                    );
                    assert_eq!(
                        Norm::SIMPLE_STANDING.assess(donor, action, recipient),
                        expect(cooperates || !good_recipient)
                    );
                    assert_eq!(
                        Norm::STERN_JUDGING.assess(donor, action, recipient),
                        expect(cooperates == good_recipient)
                    );
                    assert_eq!(
                        Norm::SHUNNING.assess(donor, action, recipient),
                        expect(cooperates && good_recipient)
                    );
                }
            }
        }
        assert!(Norm::NAMES[..4].iter().all(|(_, _, n)| n.is_second_order()));
    }

    #[test]
    fn leading_eight_share_their_core_and_action_rule() {
        for (k, norm) in Norm::LEADING_EIGHT.iter().enumerate() {
            for donor in STANDINGS {
                assert_eq!(norm.assess(donor, C, Good), Good, "L{}", k + 1);
                assert_eq!(norm.assess(donor, D, Good), Bad, "L{}", k + 1);
                assert_eq!(norm.prescribed_action(donor, Good), C, "L{}", k + 1);
            }
            assert_eq!(norm.assess(Good, D, Bad), Good, "L{}", k + 1);
            assert_eq!(norm.prescribed_action(Good, Bad), D, "L{}", k + 1);
            let bad_meets_bad = if k < 2 { C } else { D };
            assert_eq!(
                norm.prescribed_action(Bad, Bad),
                bad_meets_bad,
                "L{}",
                k + 1
            );
        }
        // The eight are distinct, and only L3 and L6 are second-order.
        for (i, a) in Norm::LEADING_EIGHT.iter().enumerate() {
            for b in &Norm::LEADING_EIGHT[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(Norm::LEADING_EIGHT[2], Norm::SIMPLE_STANDING);
        assert_eq!(Norm::LEADING_EIGHT[5], Norm::STERN_JUDGING);
        let second: Vec<bool> = Norm::LEADING_EIGHT
            .iter()
            .map(|n| n.is_second_order())
            .collect();
        assert_eq!(
            second,
            [false, false, true, false, false, true, false, false]
        );
    }

    #[test]
    fn names_parse_and_unknown_names_are_errors() {
        assert_eq!(Norm::by_name("Stern-Judging"), Ok(Norm::STERN_JUDGING));
        assert_eq!(Norm::by_name("is"), Ok(Norm::IMAGE_SCORING));
        assert_eq!(Norm::by_name("l8"), Ok(Norm::LEADING_EIGHT[7]));
        let error = Norm::by_name("simple standin").unwrap_err();
        assert_eq!(error.field, "norm");
        assert!(error.reason.contains("did you mean `simple standing`"));
        let error = Norm::by_name("tit for tat").unwrap_err();
        assert!(!error.reason.contains("did you mean"));
        assert!(error.reason.contains("known norms: image scoring"));
        assert_eq!(Norm::SHUNNING.to_string(), "shunning");
        let custom = Norm::from_fn(|_, action, _| Standing::from_good(action == D));
        assert_eq!(custom.name(), None);
        assert!(Norm::by_name(&custom.to_string()).is_err());
    }

    #[test]
    fn norms_round_trip_through_ron() {
        for (name, _, norm) in Norm::NAMES {
            let text = ron::to_string(&norm).unwrap();
            let back: Norm = ron::from_str(&text).unwrap();
            assert_eq!(back, norm, "{name}");
        }
        let error = ron::from_str::<Norm>("\"stern judgment\"").unwrap_err();
        assert!(error.to_string().contains("stern judging"), "{error}");
    }
}
