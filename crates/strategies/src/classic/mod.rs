//! The classic Axelrod strategies, with the names and behaviour of the
//! Python `axelrod` library (4.x). One strategy per file.
//!
//! Each strategy's [`name`](twolevel_game::Strategy::name) is exactly the
//! string `axelrod` prints for the player (`str(player)`), including the
//! parameters it appends, for example `"Random: 0.5"` or
//! `"First by Davis: 10"`, so that tournament results can be compared name
//! by name. The deterministic ones are checked move for move against
//! `axelrod` 4.14 by the fixture test `tests/it/axelrod_library/classic.rs`.
//!
//! Beside the strategies, the rules several of them share: the counts of
//! the partner's moves (`move_counts`), the retaliation rules
//! (`retaliation`), the chi-squared randomness test of the
//! first-tournament entries (`randomness_test`) and `axelrod`'s end-game
//! rule (`final_rounds`). How a stochastic strategy draws its move is in
//! [`crate::draw`].

pub(crate) mod alternator;
pub(crate) mod bully;
pub(crate) mod cooperator;
pub(crate) mod cycler;
pub(crate) mod cycler_ccd;
pub(crate) mod defector;
pub(crate) mod first_by_anonymous;
pub(crate) mod first_by_davis;
pub(crate) mod first_by_downing;
pub(crate) mod first_by_downing_1980;
pub(crate) mod first_by_feld;
pub(crate) mod first_by_graaskamp;
pub(crate) mod first_by_grofman;
pub(crate) mod first_by_joss;
pub(crate) mod first_by_nydegger;
pub(crate) mod first_by_shubik;
pub(crate) mod first_by_stein_and_rapoport;
pub(crate) mod first_by_tideman_and_chieruzzi;
pub(crate) mod first_by_tullock;
pub(crate) mod forgetful_grudger;
pub(crate) mod go_by_majority;
pub(crate) mod gradual;
pub(crate) mod grudger;
pub(crate) mod gtft;
pub(crate) mod hard_tit_for_tat;
pub(crate) mod prober;
pub(crate) mod random;
pub(crate) mod suspicious_tit_for_tat;
pub(crate) mod tit_for_2_tats;
pub(crate) mod two_tits_for_tat;
pub(crate) mod win_stay_lose_shift;

// The rules several classic strategies share, one concept a file.
pub(crate) mod final_rounds;
pub(crate) mod move_counts;
pub(crate) mod randomness_test;
pub(crate) mod retaliation;

pub use alternator::Alternator;
pub use bully::Bully;
pub use cooperator::Cooperator;
pub use cycler::Cycler;
pub use cycler_ccd::CyclerCCD;
pub use defector::Defector;
pub use first_by_anonymous::FirstByAnonymous;
pub use first_by_davis::FirstByDavis;
pub use first_by_downing::FirstByDowning;
pub use first_by_downing_1980::FirstByDowning1980;
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
