//! The action rule of an assessment norm, as the leading eight prescribe
//! it.
//!
//! Rule: cooperate exactly when the norm judges cooperation good and
//! defection bad, given the donor's own standing and the recipient's
//! ([`Norm::prescribed_action`]). For the leading eight of Ohtsuki and Iwasa
//! (2004, J. Theor. Biol. 231:107-120) this is their action rule: C to a
//! good recipient, D to a bad one, except that under L1 and L2 a donor in
//! bad standing helps a bad recipient (to regain its standing). Under a
//! second-order norm it is the discriminator for simple standing and stern
//! judging, and unconditional cooperation for image scoring.

use rand_core::Rng;
use twolevel_game::{Action, Norm};

use super::{DonorView, RuleEntry, SocietyRule, StandingTable, standing_table};

/// Acts as its norm prescribes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NormAction {
    norm: Norm,
    name: &'static str,
}

impl NormAction {
    /// The registered names of the leading eight's action rules, L1 first.
    pub const LEADING_EIGHT_NAMES: [&'static str; 8] = [
        "Leading Eight L1",
        "Leading Eight L2",
        "Leading Eight L3",
        "Leading Eight L4",
        "Leading Eight L5",
        "Leading Eight L6",
        "Leading Eight L7",
        "Leading Eight L8",
    ];

    /// The action rule of leading-eight norm `L{number}`, `number` in
    /// 1..=8; `None` otherwise.
    #[must_use]
    pub fn leading_eight(number: usize) -> Option<NormAction> {
        let index = number.checked_sub(1)?;
        Some(NormAction {
            norm: *Norm::LEADING_EIGHT.get(index)?,
            name: Self::LEADING_EIGHT_NAMES[index],
        })
    }

    /// The action rule of any norm, under the name `"Norm Action"`.
    #[must_use]
    pub const fn of(norm: Norm) -> NormAction {
        NormAction {
            norm,
            name: "Norm Action",
        }
    }

    /// The norm whose action rule this is.
    #[must_use]
    pub const fn norm(&self) -> Norm {
        self.norm
    }
}

impl SocietyRule for NormAction {
    fn name(&self) -> &str {
        self.name
    }

    #[inline]
    fn decide(&mut self, view: &DonorView, _rng: &mut dyn Rng) -> Action {
        self.norm
            .prescribed_action(view.own_standing, view.recipient_standing)
    }

    fn standing_table(&self) -> Option<StandingTable> {
        Some(standing_table(|own, recipient| {
            self.norm.prescribed_action(own, recipient)
        }))
    }
}

/// The registry entries of the leading eight's action rules, one a norm.
macro_rules! leading_eight_entries {
    ($($number:literal => $alias:literal;)*) => {
        [$(RuleEntry::new(
            NormAction::LEADING_EIGHT_NAMES[$number - 1],
            concat!(
                "Acts as the leading-eight norm L",
                $number,
                " prescribes (Ohtsuki and Iwasa 2004)."
            ),
            |_| {
                Ok(Box::new(
                    NormAction::leading_eight($number).expect("1..=8 is a leading-eight number"),
                ))
            },
        )
        .with_aliases(&[$alias]),)*]
    };
}

/// The registry entries of the leading eight's action rules, L1 first.
pub(crate) const LEADING_EIGHT_ENTRIES: [RuleEntry; 8] = leading_eight_entries! {
    1 => "L1 Action";
    2 => "L2 Action";
    3 => "L3 Action";
    4 => "L4 Action";
    5 => "L5 Action";
    6 => "L6 Action";
    7 => "L7 Action";
    8 => "L8 Action";
};

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::{Bad, Good};

    #[test]
    fn leading_eight_help_bad_recipients_only_under_l1_and_l2() {
        for number in 1..=8 {
            let mut rule = NormAction::leading_eight(number).unwrap();
            assert_eq!(rule.decide(&view(Good, Good), &mut rng()), Action::C);
            assert_eq!(rule.decide(&view(Bad, Good), &mut rng()), Action::C);
            assert_eq!(rule.decide(&view(Good, Bad), &mut rng()), Action::D);
            let expected = if number <= 2 { Action::C } else { Action::D };
            assert_eq!(rule.decide(&view(Bad, Bad), &mut rng()), expected);
        }
        assert_eq!(NormAction::leading_eight(0), None);
        assert_eq!(NormAction::leading_eight(9), None);
    }

    #[test]
    fn image_scoring_prescribes_unconditional_cooperation() {
        let mut rule = NormAction::of(Norm::IMAGE_SCORING);
        assert_eq!(rule.decide(&view(Good, Bad), &mut rng()), Action::C);
    }
}
