//! Regime tournaments: every group composition of the entrants plays an
//! iterated regime.
//!
//! A composition is a multiset of N entrants (an entrant may fill several
//! seats): with E entrants there are `C(E + N - 1, N)` of them, listed in
//! lexicographic order of their sorted entrant indices. When there are
//! more than [`RegimeTournament::with_max_compositions`] allows, a seeded
//! sample is played instead: each sampled composition draws its N seats
//! independently and uniformly from the entrants (groups formed at random
//! from an infinitely large, evenly mixed population), so compositions
//! appear with their multinomial frequencies.
//!
//! Composition `c` in repetition `r` plays with the RNG seeded by
//! [`derive_seed`]`(seed, [c, r])`, so results are bit-identical on any
//! number of threads.
//!
//! Results: per composition (each seat's payoffs per round in the three
//! currencies, the regime's success rate and welfare per round), per
//! entrant (payoffs per round in the three currencies, averaged over every
//! seat it filled, each composition played weighing the same), and
//! overall.
//!
//! **Weighting.** [`RegimeTournamentResults::standings`] weighs every
//! composition *played* the same. In a sample, compositions are played as
//! often as they are drawn, so the standings estimate a well-mixed
//! population's: a seat's expected payoff when its co-members are drawn
//! uniformly and independently from the entrants. With every composition
//! played once, the standings are the round robin's analogue instead
//! (each group once). [`RegimeTournamentResults::well_mixed_standings`]
//! gives the well-mixed weighting in both cases: composition `c` with
//! `m_e` seats of entrant `e` (of `E` entrants, `N` seats) has probability
//! `P(c) = N! / prod_e m_e! / E^N`, and entrant `e`'s score is
//! `sum_c P(c) sum_{seats s of e in c} payoff_s / sum_c P(c) m_e(c)`.
//! For a sample it equals the standings (each drawn composition weighs
//! the same, since the draw already carries `P(c)`).

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use twolevel_game::{ByCurrency, Currency, ParameterError};

use super::play::{RegimeBuffers, RegimeConfig, RegimeMember, RegimeResult, play_regime};
use crate::seeding::derive_seed;

/// A regime tournament; see the [module documentation](self).
#[derive(Clone, Debug)]
pub struct RegimeTournament {
    config: RegimeConfig,
    entrants: Vec<RegimeMember>,
    repetitions: u32,
    seed: u64,
    max_compositions: usize,
    parallel: bool,
}

/// The results of one composition, averaged over repetitions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompositionResult {
    /// The entrant in each seat (sorted).
    pub seats: Vec<usize>,
    /// Each seat's payoff per round in each currency.
    pub payoffs: Vec<ByCurrency<f64>>,
    /// Each seat's cooperation rate.
    pub cooperation: Vec<f64>,
    /// The share of rounds with `k >= M`.
    pub success_rate: f64,
    /// The welfare per round: the sum of the members' policy payoffs.
    pub welfare: f64,
}

/// One entrant's results over the whole tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegimeStanding {
    /// The strategy's name.
    pub name: String,
    /// Payoff per round in each currency, averaged over its seats (the
    /// utility is on the entrant's own scale).
    pub scores: ByCurrency<f64>,
    /// The share of its rounds in which it cooperated.
    pub cooperation_rate: f64,
    /// The number of seats it filled over all compositions played.
    pub seats: usize,
}

/// The results of a regime tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegimeTournamentResults {
    /// Each entrant's results, in the order the entrants were given.
    pub standings: Vec<RegimeStanding>,
    /// Each composition played, in order.
    pub compositions: Vec<CompositionResult>,
    /// Whether the compositions are a sample rather than all of them.
    pub sampled: bool,
    /// The regime's success rate over all compositions (each weighs the same).
    pub success_rate: f64,
    /// The welfare per round over all compositions (each weighs the same).
    pub welfare: f64,
}

impl RegimeTournamentResults {
    /// The standings ranked by their score in `currency`, best first (ties
    /// keep the entrants' order).
    #[must_use]
    pub fn ranking(&self, currency: Currency) -> Vec<&RegimeStanding> {
        let mut order: Vec<&RegimeStanding> = self.standings.iter().collect();
        order.sort_by(|a, b| b.scores[currency].total_cmp(&a.scores[currency]));
        order
    }

    /// The standings of a well-mixed population (see the [module
    /// documentation](self)): each composition weighed by its multinomial
    /// probability `P(c)` when all were played, each weighing the same when
    /// they are a sample (drawn with those probabilities).
    #[must_use]
    pub fn well_mixed_standings(&self) -> Vec<RegimeStanding> {
        let entrants = self.standings.len();
        let mut sums = vec![(ByCurrency::<f64>::default(), 0.0, 0.0); entrants];
        let mut counts = vec![0_usize; entrants];
        for composition in &self.compositions {
            let weight = if self.sampled {
                1.0
            } else {
                multinomial_probability(&composition.seats, entrants)
            };
            for ((&entrant, payoff), &rate) in composition
                .seats
                .iter()
                .zip(&composition.payoffs)
                .zip(&composition.cooperation)
            {
                let (scores, cooperation, total_weight) = &mut sums[entrant];
                for currency in Currency::ALL {
                    scores[currency] += weight * payoff[currency];
                }
                *cooperation += weight * rate;
                *total_weight += weight;
                counts[entrant] += 1;
            }
        }
        self.standings
            .iter()
            .zip(sums)
            .zip(counts)
            .map(|((standing, (scores, cooperation, weight)), seats)| {
                let mean = |total: f64| if weight > 0.0 { total / weight } else { 0.0 };
                RegimeStanding {
                    name: standing.name.clone(),
                    scores: scores.map(mean),
                    cooperation_rate: mean(cooperation),
                    seats,
                }
            })
            .collect()
    }

    /// Entrant names ranked by their score in `currency`, best first.
    #[must_use]
    pub fn ranked_names(&self, currency: Currency) -> Vec<&str> {
        self.ranking(currency)
            .into_iter()
            .map(|s| s.name.as_str())
            .collect()
    }
}

/// The number of multisets of size `size` from `kinds` kinds,
/// `C(kinds + size - 1, size)`, or `None` beyond `usize`.
#[must_use]
pub fn composition_count(kinds: usize, size: usize) -> Option<usize> {
    if kinds == 0 {
        return Some(usize::from(size == 0));
    }
    // C(n, k) computed as a running product that stays an integer.
    let n = kinds + size - 1;
    let k = size.min(kinds - 1);
    let mut count: usize = 1;
    for i in 1..=k {
        count = count.checked_mul(n + 1 - i)? / i;
    }
    Some(count)
}

/// The probability `N! / prod_e m_e! / E^N` that `N` seats drawn
/// uniformly and independently from `entrants` entrants make the sorted
/// composition `seats` (computed in logs, so large groups do not overflow).
#[must_use]
pub fn multinomial_probability(seats: &[usize], entrants: usize) -> f64 {
    let ln_factorial = |n: usize| (1..=n).map(|k| (k as f64).ln()).sum::<f64>();
    let mut ln_p = ln_factorial(seats.len()) - seats.len() as f64 * (entrants as f64).ln();
    for run in seats.chunk_by(|a, b| a == b) {
        ln_p -= ln_factorial(run.len());
    }
    ln_p.exp()
}

/// Every multiset of size `size` from `0..kinds`, as sorted index vectors
/// in lexicographic order.
#[must_use]
pub fn compositions(kinds: usize, size: usize) -> Vec<Vec<usize>> {
    let mut all = Vec::new();
    if kinds == 0 {
        return all;
    }
    let mut current = vec![0; size];
    loop {
        all.push(current.clone());
        // Advance the last seat that can still grow, and level the rest to it.
        let Some(seat) = current.iter().rposition(|&i| i + 1 < kinds) else {
            return all;
        };
        let next = current[seat] + 1;
        current[seat..].fill(next);
    }
}

impl RegimeTournament {
    /// The default largest number of compositions played in full.
    pub const DEFAULT_MAX_COMPOSITIONS: usize = 2_000;

    /// A tournament of `entrants` under `config`: one repetition, seed 0,
    /// in parallel. Fails, naming `entrants`, without any entrant.
    pub fn new(config: RegimeConfig, entrants: Vec<RegimeMember>) -> Result<Self, ParameterError> {
        if entrants.is_empty() {
            return Err(ParameterError::new(
                "entrants",
                "expected at least one entrant",
            ));
        }
        Ok(RegimeTournament {
            config,
            entrants,
            repetitions: 1,
            seed: 0,
            max_compositions: Self::DEFAULT_MAX_COMPOSITIONS,
            parallel: true,
        })
    }

    /// The entrants' names, in order (the names of their standings).
    #[must_use]
    pub fn entrant_names(&self) -> Vec<String> {
        self.entrants
            .iter()
            .map(|entrant| entrant.strategy.name().to_owned())
            .collect()
    }

    /// The same tournament with `repetitions` (at least 1).
    pub fn with_repetitions(mut self, repetitions: u32) -> Result<Self, ParameterError> {
        if repetitions == 0 {
            return Err(ParameterError::new(
                "repetitions",
                "expected at least 1, got 0",
            ));
        }
        self.repetitions = repetitions;
        Ok(self)
    }

    /// The same tournament with another master seed.
    #[must_use]
    pub const fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The master seed.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.seed
    }

    /// The same tournament playing at most `max` compositions (at least 1):
    /// all of them when they are no more, a seeded sample of `max`
    /// otherwise.
    pub fn with_max_compositions(mut self, max: usize) -> Result<Self, ParameterError> {
        if max == 0 {
            return Err(ParameterError::new(
                "max_compositions",
                "expected at least 1, got 0",
            ));
        }
        self.max_compositions = max;
        Ok(self)
    }

    /// The same tournament on the rayon pool (`true`) or the calling thread.
    #[must_use]
    pub const fn with_parallel(mut self, parallel: bool) -> Self {
        self.parallel = parallel;
        self
    }

    /// The compositions this tournament plays, and whether they are a
    /// sample.
    #[must_use]
    pub fn schedule(&self) -> (Vec<Vec<usize>>, bool) {
        let kinds = self.entrants.len();
        let size = self.config.game().size() as usize;
        match composition_count(kinds, size) {
            Some(count) if count <= self.max_compositions => (compositions(kinds, size), false),
            _ => {
                // The sample's own stream: coordinates no match uses.
                let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(self.seed, &[u64::MAX]));
                let sample = (0..self.max_compositions)
                    .map(|_| {
                        let mut seats: Vec<usize> =
                            (0..size).map(|_| rng.random_range(0..kinds)).collect();
                        seats.sort_unstable();
                        seats
                    })
                    .collect();
                (sample, true)
            }
        }
    }

    /// The number of compositions played: all of them when they are at
    /// most [`RegimeTournament::with_max_compositions`]'s cap, the cap
    /// (a sample) otherwise.
    #[must_use]
    pub fn played_compositions(&self) -> usize {
        let size = self.config.game().size() as usize;
        composition_count(self.entrants.len(), size).map_or(self.max_compositions, |count| {
            count.min(self.max_compositions)
        })
    }

    /// The memory the tournament takes while it plays (in bytes, as a
    /// float so that it cannot overflow): the schedule (a seat list per
    /// composition), a task and a result per game (composition times
    /// repetition, each result with its members' totals), and on every
    /// thread the buffers of one regime as long as the horizon's longest
    /// planned match (the profile history, a byte per seat and round, and
    /// the cooperator counts; under perception noise each member's
    /// perceived history too, `N` times as much).
    #[must_use]
    pub fn memory(&self) -> f64 {
        let size = f64::from(self.config.game().size());
        let compositions = self.played_compositions() as f64;
        let games = compositions * f64::from(self.repetitions);
        let schedule = compositions * (size * 8.0 + 24.0);
        let result = std::mem::size_of::<RegimeResult>() as f64
            + size * std::mem::size_of::<crate::PlayerTotals>() as f64;
        let per_game = std::mem::size_of::<(usize, u32)>() as f64 + result;
        let rounds = crate::config::planned_match_length(self.config.horizon());
        let perceived = if self.config.perception_noise() > 0.0 {
            size * (size + 4.0)
        } else {
            0.0
        };
        let buffers = rounds * (size + 4.0 + perceived);
        schedule + games * per_game + buffers * rayon::current_num_threads() as f64
    }

    /// The work of the tournament, in seat rounds: every game (composition
    /// times repetition) over the horizon's expected length, each round
    /// costing a decision per seat (and under perception noise a
    /// perception of every seat by every seat).
    #[must_use]
    pub fn work(&self) -> f64 {
        let size = f64::from(self.config.game().size());
        let games = self.played_compositions() as f64 * f64::from(self.repetitions);
        let per_round = if self.config.perception_noise() > 0.0 {
            size * (size + 1.0)
        } else {
            size
        };
        crate::limits::games_work(games, self.config.horizon(), per_round)
    }

    /// The estimated size of the tournament's result file, `regime.json`
    /// (in bytes; [`regime_output`](crate::limits::regime_output)).
    #[must_use]
    pub fn output_bytes(&self) -> f64 {
        crate::limits::regime_output(
            self.played_compositions(),
            self.config.game().size(),
            self.entrants.len(),
        )
    }

    /// Refuses, before anything runs, a tournament whose [result
    /// file](Self::output_bytes) would exceed the [output
    /// limit](crate::limits::output_limit), naming `max_compositions`
    /// (the compositions played, each a record in the file).
    pub fn check_output(&self) -> Result<(), ParameterError> {
        crate::limits::check_output(
            "max_compositions",
            "the regime tournament's result file",
            self.output_bytes(),
        )
    }

    /// Refuses, before anything runs, a tournament whose [memory](Self::memory)
    /// exceeds the [memory limit](crate::limits::memory_limit) or whose
    /// [work](Self::work) exceeds the [work
    /// limit](crate::limits::work_limit), naming the field to lower
    /// (`repetitions`, `horizon`, `game.size` or `max_compositions`).
    pub fn check_size(&self) -> Result<(), ParameterError> {
        let size = f64::from(self.config.game().size());
        let rounds = crate::config::planned_match_length(self.config.horizon());
        let compositions = self.played_compositions() as f64;
        let buffers = rounds * size * rayon::current_num_threads() as f64;
        let games = compositions * f64::from(self.repetitions);
        // The field to lower: the one whose part of the memory is the
        // largest.
        let field = if buffers >= games * size {
            if rounds >= size {
                "horizon"
            } else {
                "game.size"
            }
        } else if f64::from(self.repetitions) >= compositions {
            "repetitions"
        } else {
            "max_compositions"
        };
        crate::limits::check_memory(field, "the regime tournament", self.memory())?;
        let expected = self
            .config
            .horizon()
            .expected_length()
            .min(f64::from(u32::MAX));
        let work = self.work();
        let at_one = crate::limits::at_one;
        crate::limits::check_work(
            "the regime tournament",
            "seat rounds",
            work,
            &[
                ("repetitions", at_one(work, f64::from(self.repetitions))),
                ("horizon", at_one(work, expected)),
                ("max_compositions", at_one(work, compositions)),
                ("game.size", at_one(work, size)),
            ],
        )
    }

    /// Plays one composition in one repetition.
    fn play_one(
        &self,
        index: usize,
        seats: &[usize],
        repetition: u32,
        buffers: &mut RegimeBuffers,
    ) -> RegimeResult {
        let mut members: Vec<RegimeMember> =
            seats.iter().map(|&e| self.entrants[e].clone()).collect();
        let mut rng = Pcg64Mcg::seed_from_u64(derive_seed(
            self.seed,
            &[index as u64, u64::from(repetition)],
        ));
        play_regime(&self.config, &mut members, &mut rng, buffers)
            .expect("a composition has exactly the group size")
    }

    /// Plays every composition and repetition and returns the results.
    #[must_use]
    pub fn play(&self) -> RegimeTournamentResults {
        self.play_with_progress(&crate::progress::NoProgress)
    }

    /// Plays as [`RegimeTournament::play`] does, telling `progress` the
    /// number of games (compositions times repetitions) and each finished
    /// one. The results are the same as without it.
    #[must_use]
    pub fn play_with_progress(
        &self,
        progress: &dyn crate::progress::Progress,
    ) -> RegimeTournamentResults {
        let (schedule, sampled) = self.schedule();
        let tasks: Vec<(usize, u32)> = (0..schedule.len())
            .flat_map(|c| (0..self.repetitions).map(move |r| (c, r)))
            .collect();
        progress.start(tasks.len() as u64);
        let run = |buffers: &mut RegimeBuffers, &(c, r): &(usize, u32)| {
            let result = self.play_one(c, &schedule[c], r, buffers);
            progress.advance(1);
            result
        };
        let results: Vec<RegimeResult> = if self.parallel {
            tasks.par_iter().map_init(RegimeBuffers::new, run).collect()
        } else {
            let mut buffers = RegimeBuffers::new();
            tasks.iter().map(|task| run(&mut buffers, task)).collect()
        };
        self.summarise(schedule, sampled, &results)
    }

    /// Plays on a new rayon pool of `threads` threads; the results are
    /// identical to [`RegimeTournament::play`]. Fails when the pool cannot
    /// be built.
    pub fn play_on_threads(
        &self,
        threads: usize,
    ) -> Result<RegimeTournamentResults, rayon::ThreadPoolBuildError> {
        crate::limits::on_threads(threads, || self.play())
    }

    /// Averages the results, composition by composition and entrant by
    /// entrant, in a fixed order.
    fn summarise(
        &self,
        schedule: Vec<Vec<usize>>,
        sampled: bool,
        results: &[RegimeResult],
    ) -> RegimeTournamentResults {
        let repetitions = self.repetitions as usize;
        let mut sums = vec![(ByCurrency::<f64>::default(), 0.0, 0_usize); self.entrants.len()];
        let mut compositions = Vec::with_capacity(schedule.len());
        for (seats, runs) in schedule.into_iter().zip(results.chunks(repetitions)) {
            let turns: f64 = runs.iter().map(|r| f64::from(r.turns)).sum();
            let per_seat = |seat: usize, value: &dyn Fn(&crate::PlayerTotals) -> f64| {
                runs.iter().map(|r| value(&r.members[seat])).sum::<f64>() / turns
            };
            let payoffs: Vec<ByCurrency<f64>> = (0..seats.len())
                .map(|seat| ByCurrency {
                    policy: per_seat(seat, &|t| t.policy),
                    political: per_seat(seat, &|t| t.political),
                    utility: per_seat(seat, &|t| t.utility),
                })
                .collect();
            let cooperation: Vec<f64> = (0..seats.len())
                .map(|seat| per_seat(seat, &|t| f64::from(t.cooperations)))
                .collect();
            for ((&entrant, payoff), &rate) in seats.iter().zip(&payoffs).zip(&cooperation) {
                let (scores, cooperations, count) = &mut sums[entrant];
                for currency in Currency::ALL {
                    scores[currency] += payoff[currency];
                }
                *cooperations += rate;
                *count += 1;
            }
            compositions.push(CompositionResult {
                seats,
                payoffs,
                cooperation,
                success_rate: runs
                    .iter()
                    .map(|r| f64::from(r.successful_rounds))
                    .sum::<f64>()
                    / turns,
                welfare: runs.iter().map(|r| r.welfare).sum::<f64>() / turns,
            });
        }
        let standings = self
            .entrants
            .iter()
            .zip(sums)
            .map(|(entrant, (scores, cooperations, seats))| {
                let mean = |total: f64| {
                    if seats == 0 {
                        0.0
                    } else {
                        total / seats as f64
                    }
                };
                RegimeStanding {
                    name: entrant.strategy.name().to_owned(),
                    scores: scores.map(mean),
                    cooperation_rate: mean(cooperations),
                    seats,
                }
            })
            .collect();
        let played = compositions.len() as f64;
        RegimeTournamentResults {
            standings,
            success_rate: compositions.iter().map(|c| c.success_rate).sum::<f64>() / played,
            welfare: compositions.iter().map(|c| c.welfare).sum::<f64>() / played,
            compositions,
            sampled,
        }
    }
}
