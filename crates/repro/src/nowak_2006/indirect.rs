//! Indirect reciprocity (`q > c / b`): discriminators against defectors.
//!
//! Nowak (2006) states the rule for discriminators (help those you know to
//! be helpers) against defectors (ALLD), where `q` is the probability of
//! knowing someone's reputation: a discriminator donor who knows the
//! recipient to be a defector refuses, and otherwise helps. The expected
//! payoffs of an encounter (each partner the donor once and the recipient
//! once) are
//!
//! ```text
//!              DISC          ALLD
//! DISC        b - c       -c (1 - q)
//! ALLD      b (1 - q)         0
//! ```
//!
//! so discriminators resist invasion by defectors (are an ESS) exactly when
//! `b - c > b (1 - q)`, that is `q > c / b`.
//!
//! The society engine's `q` is another quantity: there it is the chance
//! that an observer sees a donation and updates the donor's image under a
//! norm (a monitoring probability, with assessment and execution errors),
//! not the donor's chance of knowing the recipient's strategy. So this
//! entry builds the minimal model the formula rests on: a well-mixed
//! population of discriminators and defectors; in each interaction a
//! random donor meets a random recipient, a discriminator donor knows the
//! recipient's type with probability `q` (drawn afresh each time) and
//! refuses only a recipient it knows to be a defector; a donation costs the
//! donor `c` and gives the recipient `b`. From many interactions we
//! estimate each entry of the table (what a type earns as recipient from a
//! donor type plus what it pays as donor to a recipient type, per
//! encounter) and compare it with the formula. Payoffs are policy payoffs
//! of the donation game.

use rand::RngExt;
use rand_pcg::Pcg64Mcg;

/// The number of agents of each type in the simulated population.
pub const HALF_POPULATION: usize = 50;

/// The formula's table `[[DISC vs DISC, DISC vs ALLD], [ALLD vs DISC,
/// ALLD vs ALLD]]` for benefit `b`, cost `c` and knowledge probability `q`.
#[must_use]
pub fn formula(b: f64, c: f64, q: f64) -> [[f64; 2]; 2] {
    [[b - c, -c * (1.0 - q)], [b * (1.0 - q), 0.0]]
}

/// The simulated table and the standard errors of its entries.
pub struct Simulated {
    /// The mean payoff of an encounter, row type against column type
    /// (0 = discriminator, 1 = defector).
    pub table: [[f64; 2]; 2],
    /// The standard errors of the entries.
    pub se: [[f64; 2]; 2],
}

impl Simulated {
    /// The largest distance of an entry from `formula`, in standard errors
    /// (infinite if an entry with no sampling error differs).
    #[must_use]
    pub fn largest_gap_in_se(&self, formula: &[[f64; 2]; 2]) -> f64 {
        let entries = self.table.iter().flatten().zip(self.se.iter().flatten());
        entries
            .zip(formula.iter().flatten())
            .map(|((&simulated, &se), &expected)| {
                let gap = (simulated - expected).abs();
                if se > 0.0 {
                    gap / se
                } else if gap > 0.0 {
                    f64::INFINITY
                } else {
                    0.0
                }
            })
            .fold(0.0, f64::max)
    }
}

/// Plays `interactions` random donor-recipient interactions in a
/// population of [`HALF_POPULATION`] discriminators and as many defectors,
/// and estimates the table of encounter payoffs.
///
/// Entry (X, Y) is `b` times the share of interactions with a Y donor and
/// an X recipient in which the donor helped, minus `c` times the share of
/// those with an X donor and a Y recipient; the two shares come from
/// disjoint interactions, so their binomial standard errors add in
/// quadrature. The agents are identified by type only (the rule reads
/// nothing else), so the population needs no per-agent state.
#[must_use]
pub fn simulate(b: f64, c: f64, q: f64, interactions: u64, rng: &mut Pcg64Mcg) -> Simulated {
    // Interactions and donations by (donor type, recipient type).
    let mut met = [[0_u64; 2]; 2];
    let mut helped = [[0_u64; 2]; 2];
    let size = 2 * HALF_POPULATION;
    for _ in 0..interactions {
        let donor = rng.random_range(0..size);
        // A recipient other than the donor.
        let mut recipient = rng.random_range(0..size - 1);
        if recipient >= donor {
            recipient += 1;
        }
        let (d, r) = (donor / HALF_POPULATION, recipient / HALF_POPULATION);
        let helps = d == 0 && (r == 0 || rng.random::<f64>() >= q);
        met[d][r] += 1;
        helped[d][r] += u64::from(helps);
    }
    // The share of help from donor type d to recipient type r, and the
    // variance of that share.
    let share = |d: usize, r: usize| -> (f64, f64) {
        let n = met[d][r].max(1) as f64;
        let p = helped[d][r] as f64 / n;
        (p, p * (1.0 - p) / n)
    };
    let mut table = [[0.0; 2]; 2];
    let mut se = [[0.0; 2]; 2];
    for x in 0..2 {
        for y in 0..2 {
            let (received, var_received) = share(y, x);
            let (given, var_given) = share(x, y);
            table[x][y] = b * received - c * given;
            se[x][y] = (b * b * var_received + c * c * var_given).sqrt();
        }
    }
    Simulated { table, se }
}
