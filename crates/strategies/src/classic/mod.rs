//! The classic Axelrod strategies, with the names and behaviour of the
//! Python `axelrod` library (4.x). One strategy per file.
//!
//! Each strategy's [`name`](twolevel_game::Strategy::name) is exactly the
//! string `axelrod` prints for the player (`str(player)`), including the
//! parameters it appends, for example `"Random: 0.5"` or
//! `"First by Davis: 10"`, so that tournament results can be compared name
//! by name. The deterministic ones are checked move for move against
//! `axelrod` 4.14 by the fixture test `tests/classic_fixture.rs`.

mod alternator;
mod bully;
mod cooperator;
mod cycler;
mod cycler_ccd;
mod defector;
mod first_by_anonymous;
mod first_by_davis;
mod first_by_downing;
mod first_by_feld;
mod first_by_graaskamp;
mod first_by_grofman;
mod first_by_joss;
mod first_by_nydegger;
mod first_by_shubik;
mod first_by_stein_and_rapoport;
mod first_by_tideman_and_chieruzzi;
mod first_by_tullock;
mod forgetful_grudger;
mod go_by_majority;
mod gradual;
mod grudger;
mod gtft;
mod hard_tit_for_tat;
mod prober;
mod random;
pub(crate) mod support;
mod suspicious_tit_for_tat;
#[cfg(test)]
pub(crate) mod test_support;
mod tit_for_2_tats;
mod two_tits_for_tat;
mod win_stay_lose_shift;

pub use alternator::Alternator;
pub use bully::Bully;
pub use cooperator::Cooperator;
pub use cycler::Cycler;
pub use cycler_ccd::CyclerCCD;
pub use defector::Defector;
pub use first_by_anonymous::FirstByAnonymous;
pub use first_by_davis::FirstByDavis;
pub use first_by_downing::FirstByDowning;
pub use first_by_feld::FirstByFeld;
pub use first_by_graaskamp::FirstByGraaskamp;
pub use first_by_grofman::FirstByGrofman;
pub use first_by_joss::FirstByJoss;
pub use first_by_nydegger::FirstByNydegger;
pub use first_by_shubik::FirstByShubik;
pub use first_by_stein_and_rapoport::FirstBySteinAndRapoport;
pub use first_by_tideman_and_chieruzzi::FirstByTidemanAndChieruzzi;
pub use first_by_tullock::FirstByTullock;
pub use forgetful_grudger::ForgetfulGrudger;
pub use go_by_majority::GoByMajority;
pub use gradual::Gradual;
pub use grudger::Grudger;
pub use gtft::{GTFT, Gtft};
pub use hard_tit_for_tat::HardTitForTat;
pub use prober::Prober;
pub use random::Random;
pub use suspicious_tit_for_tat::SuspiciousTitForTat;
pub use tit_for_2_tats::TitFor2Tats;
pub use two_tits_for_tat::TwoTitsForTat;
pub use win_stay_lose_shift::WinStayLoseShift;
