//! Putnam's two-level game at the table (`docs/model.md` section 13):
//! win-sets as weighted quantiles, the zone of agreement, Rubinstein's
//! closed form against backward induction, the constrained share as the
//! clamp, Schelling's conjecture, the closed-form probability of
//! involuntary defection against an integral over the estimate, the
//! agreement's game (bit for bit today's game at `z = 1/2`, `psi = 0`),
//! leverage of zero changing nothing, and invalid input named.

use twolevel_game::{
    Action, Agreement, Bimatrix, EstimateNoise, Leverage, NoZone, Orientation, Outcome,
    PayoffMatrix, PoliticalPayoff, Politicization, Protocol, Ratifier, Reservation, Resources,
    Threshold, TwoLevelGame, WinSet, Zone, alternating_offers_share,
    involuntary_defection_probability, proposal_probability, propose, rubinstein_share,
};

fn ratifiers(spec: &[(f64, f64)]) -> Vec<Ratifier> {
    spec.iter()
        .map(|&(w, x)| Ratifier::new(w, x).unwrap())
        .collect()
}

#[test]
fn rubinstein_closed_form() {
    assert!((rubinstein_share(0.9, 0.9) - 1.0 / 1.9).abs() < 1e-15);
    assert_eq!(rubinstein_share(0.0, 0.0), 1.0);
    assert_eq!(rubinstein_share(0.0, 0.5), 0.5);
    // The more patient responder gets more.
    assert!(rubinstein_share(0.9, 0.99) < rubinstein_share(0.9, 0.9));
    let protocol = Protocol::rubinstein(0.8, 0.6).unwrap();
    assert_eq!(protocol.unconstrained_share(), 0.4 / (1.0 - 0.48));
    assert_eq!(Protocol::nash_symmetric().unconstrained_share(), 0.5);
    assert_eq!(Protocol::nash(0.7).unwrap().unconstrained_share(), 0.7);
}

#[test]
fn backward_induction_converges_to_rubinstein() {
    for (da, db) in [(0.9, 0.9), (0.5, 0.8), (0.95, 0.3), (0.0, 0.7)] {
        let limit = rubinstein_share(da, db);
        // The finite game's share differs from the limit by
        // (delta_A delta_B)^k times a bounded factor after 2k periods.
        let mut previous_error = f64::INFINITY;
        for k in [1_u32, 2, 5, 10, 50] {
            let share = alternating_offers_share(da, db, 2 * k).unwrap();
            let error = (share - limit).abs();
            assert!(
                error <= (da * db).powi(k as i32) + 1e-15,
                "{da} {db} {k}: {error}"
            );
            assert!(error <= previous_error);
            previous_error = error;
        }
        let long = alternating_offers_share(da, db, 2001).unwrap();
        assert!((long - limit).abs() < 1e-12, "{da} {db}: {long} vs {limit}");
    }
    // One period: the proposer takes everything; two: 1 - delta_B.
    assert_eq!(alternating_offers_share(0.9, 0.8, 1).unwrap(), 1.0);
    assert_eq!(alternating_offers_share(0.9, 0.8, 2).unwrap(), 1.0 - 0.8);
    assert_eq!(alternating_offers_share(0.9, 0.8, 0).unwrap(), 0.0);
}

#[test]
fn win_sets_are_weighted_quantiles() {
    // Reservations 0.8 (weight 1), 0.5 (weight 2), 0.2 (weight 1).
    let state = ratifiers(&[(1.0, 0.2), (2.0, 0.5), (1.0, 0.8)]);
    let at = |tau| WinSet::of_ratifiers(&state, Threshold::new(tau).unwrap());
    // Half of the weight (2) is reached at 0.5 (1 + 2 = 3 >= 2).
    assert_eq!(at(0.5), WinSet::From(0.5));
    assert_eq!(at(0.25), WinSet::From(1.0 - 0.8));
    assert_eq!(at(0.75), WinSet::From(0.5));
    assert_eq!(at(0.76), WinSet::From(0.8));
    assert_eq!(
        WinSet::of_ratifiers(&state, Threshold::unanimity()),
        WinSet::From(0.8)
    );
    // Three equal ratifiers under a two-thirds supermajority: the second.
    let three = ratifiers(&[(1.0, 0.9), (1.0, 0.6), (1.0, 0.3)]);
    let r = WinSet::of_ratifiers(&three, Threshold::supermajority());
    assert_eq!(r, WinSet::From(1.0 - 0.6));
    assert!(r.accepts(0.4) && !r.accepts(0.39));
    // No weight at all: nothing can pass.
    assert_eq!(
        WinSet::of_ratifiers(&ratifiers(&[(0.0, 0.5)]), Threshold::majority()),
        WinSet::Empty
    );
    assert_eq!(
        WinSet::of_ratifiers(&[], Threshold::majority()),
        WinSet::Empty
    );
    // A reservation above 1 is an empty win-set, not a number.
    assert_eq!(WinSet::at(1.2), WinSet::Empty);
    assert_eq!(WinSet::at(1.2).reservation(), None);
    assert!(!WinSet::Empty.accepts(1.0));
}

#[test]
fn a_state_without_an_arena_ratifies_by_its_government() {
    let game = TwoLevelGame::default();
    let pi = Politicization::new(0.5).unwrap();
    let w = Orientation::new(0.3).unwrap();
    let win_set = WinSet::of_government(&game, w, pi);
    assert_eq!(win_set, WinSet::From(game.effective_weight(w, pi)));
    // The same as one ratifier at position 1 - w_eff, at any threshold.
    let one = ratifiers(&[(1.0, 1.0 - game.effective_weight(w, pi))]);
    for tau in [Threshold::majority(), Threshold::unanimity()] {
        let r = WinSet::of_ratifiers(&one, tau).reservation().unwrap();
        assert!((r - win_set.reservation().unwrap()).abs() < 1e-15);
    }
    // A pure politician demands the whole gain, a bureaucrat nothing.
    assert_eq!(
        WinSet::of_government(&game, Orientation::POLITICAL, pi),
        WinSet::From(1.0)
    );
    assert_eq!(
        WinSet::of_government(&game, Orientation::POLICY, Politicization::NONE),
        WinSet::From(0.0)
    );
}

#[test]
fn the_zone_of_agreement_and_its_emptiness() {
    let zone = Zone::new(WinSet::From(0.3), WinSet::From(0.4));
    assert_eq!(
        zone,
        Zone::Open {
            low: 0.3,
            high: 0.6
        }
    );
    let disjoint = Zone::new(WinSet::From(0.7), WinSet::From(0.4));
    match disjoint {
        Zone::Empty(NoZone::Disjoint { shortfall }) => {
            assert!((shortfall - 0.1).abs() < 1e-12);
        }
        other => panic!("expected a disjoint zone, got {other:?}"),
    }
    assert_eq!(
        Zone::new(WinSet::From(0.0), WinSet::Empty),
        Zone::Empty(NoZone::EmptyWinSet { state: 1 })
    );
    assert_eq!(
        Zone::new(WinSet::Empty, WinSet::From(0.0)),
        Zone::Empty(NoZone::EmptyWinSet { state: 0 })
    );
    assert_eq!(disjoint.clamp(0.5), None);
}

#[test]
fn the_constrained_share_is_the_clamp() {
    let grid: Vec<f64> = (0..=20).map(|k| f64::from(k) / 20.0).collect();
    let protocols = [
        Protocol::rubinstein(0.9, 0.9).unwrap(),
        Protocol::rubinstein(0.5, 0.95).unwrap(),
        Protocol::nash_symmetric(),
        Protocol::nash(0.8).unwrap(),
    ];
    for &r_a in &grid {
        for &r_b in &grid {
            let zone = Zone::new(WinSet::From(r_a), WinSet::From(r_b));
            for protocol in &protocols {
                let z_u = protocol.unconstrained_share();
                let expected = (r_a <= 1.0 - r_b).then(|| z_u.max(r_a).min(1.0 - r_b));
                assert_eq!(protocol.constrained_share(&zone), expected);
                if let Some(z) = expected {
                    assert!(WinSet::From(r_a).accepts(z) && WinSet::From(r_b).leaves(z));
                }
            }
        }
    }
}

#[test]
fn schelling_tied_hands_get_more() {
    // A's ratifiers spread from internationalists to nationalists; B's
    // government accepts anything down to 0.3. Raising tau_A raises R_A,
    // and A's share with it, while the zone exists.
    let a = ratifiers(&[
        (1.0, 0.95),
        (1.0, 0.8),
        (1.0, 0.65),
        (1.0, 0.5),
        (1.0, 0.35),
    ]);
    let b = WinSet::From(0.3);
    let protocol = Protocol::rubinstein(0.9, 0.9).unwrap();
    let mut previous = 0.0;
    let mut rose = false;
    let mut open = 0;
    for k in 1..=20 {
        let tau = Threshold::new(f64::from(k) / 20.0).unwrap();
        let zone = Zone::new(WinSet::of_ratifiers(&a, tau), b);
        if let Some(z) = protocol.constrained_share(&zone) {
            open += 1;
            assert!(z >= previous, "tau = {}: {z} < {previous}", tau.value());
            rose |= z > previous && previous > 0.0;
            previous = z;
        }
    }
    assert!(open >= 15 && rose, "open {open}, rose {rose}");
    assert!(previous > protocol.unconstrained_share());
    // The same with the ratifiers' demands: more nationalist positions
    // (lower x, higher reservation) give A more.
    let mut previous = 0.0;
    let mut open = 0;
    for k in 0..=10 {
        let shift = f64::from(k) / 20.0;
        let demanding = ratifiers(&[(1.0, 0.9 - shift), (2.0, 0.6 - shift), (1.0, 0.5 - shift)]);
        let zone = Zone::new(WinSet::of_ratifiers(&demanding, Threshold::majority()), b);
        let Some(z) = protocol.constrained_share(&zone) else {
            // The zone has closed: A's ratifiers demand more than B leaves.
            assert!(matches!(zone, Zone::Empty(_)));
            continue;
        };
        open += 1;
        assert!(z >= previous);
        previous = z;
    }
    assert!(open >= 6 && previous > protocol.unconstrained_share());
}

/// The failure probability by quadrature over the uniform noise: the
/// share of `n` midpoints `x` at which A's proposal, computed on
/// `R_B + epsilon (2x - 1)`, is not ratified in B.
fn failure_by_quadrature(z_u: f64, r_a: f64, r_b: f64, noise: EstimateNoise, n: u32) -> [f64; 2] {
    let mut failures = 0;
    let mut proposals = 0;
    for k in 0..n {
        let x = (f64::from(k) + 0.5) / f64::from(n);
        let seen = noise.estimate(r_b, x);
        if let Some(z) = propose(z_u, WinSet::From(r_a), seen) {
            proposals += 1;
            failures += u32::from(!WinSet::From(r_b).leaves(z));
        }
    }
    [failures, proposals].map(|c| f64::from(c) / f64::from(n))
}

#[test]
fn involuntary_defection_closed_form_matches_the_integral() {
    let n = 200_000;
    let grid = [0.0, 0.1, 0.25, 0.4, 0.5, 0.55, 0.7, 0.9];
    for &epsilon in &[0.05, 0.2, 0.5] {
        let noise = EstimateNoise::new(epsilon).unwrap();
        for &r_a in &grid {
            for &r_b in &grid {
                for z_u in [0.3, 0.5, 1.0 / 1.9, 0.8] {
                    let closed = involuntary_defection_probability(z_u, r_a, r_b, noise);
                    let reached = proposal_probability(r_a, r_b, noise);
                    let [failed, proposed] = failure_by_quadrature(z_u, r_a, r_b, noise, n);
                    assert!(
                        (closed - failed).abs() < 1e-4,
                        "eps {epsilon} R_A {r_a} R_B {r_b} z_u {z_u}: {closed} vs {failed}"
                    );
                    assert!((reached - proposed).abs() < 1e-4);
                }
            }
        }
    }
    // Without noise nothing fails, and an empty zone gets no proposal.
    let exact = EstimateNoise::NONE;
    assert_eq!(involuntary_defection_probability(0.9, 0.2, 0.3, exact), 0.0);
    assert_eq!(proposal_probability(0.7, 0.4, exact), 0.0);
    assert_eq!(proposal_probability(0.5, 0.5, exact), 1.0);
    // The two regimes of the closed form: 1/2 when the unconstrained share
    // exceeds B's limit inside an open zone, (g + eps) / (2 eps) when the
    // zone is empty.
    let noise = EstimateNoise::new(0.2).unwrap();
    assert_eq!(involuntary_defection_probability(0.8, 0.2, 0.3, noise), 0.5);
    assert_eq!(involuntary_defection_probability(0.5, 0.2, 0.3, noise), 0.0);
    let closed = involuntary_defection_probability(0.5, 0.6, 0.5, noise);
    assert!((closed - (-0.1 + 0.2) / 0.4).abs() < 1e-12);
}

#[test]
fn the_agreement_at_half_with_no_cost_is_todays_game_bit_for_bit() {
    let games = [
        TwoLevelGame::default(),
        TwoLevelGame::classic(PayoffMatrix::AXELROD),
        TwoLevelGame::default()
            .with_political(PoliticalPayoff::Derived {
                kappa: 0.7,
                audience_bonus: 1.5,
            })
            .unwrap(),
        TwoLevelGame::default()
            .with_political(PoliticalPayoff::Matrix(Bimatrix::symmetric(
                PayoffMatrix::new(1.0, -2.0, 3.0, -0.5).unwrap(),
            )))
            .unwrap(),
        TwoLevelGame::classic(PayoffMatrix::new(2.7, -0.3, 4.1, 0.9).unwrap()),
    ];
    let zero_carrot = Resources::new(1.0, 0.0).unwrap().carrot(0.0, 0.4).unwrap();
    for game in games {
        for agreement in [
            Agreement::new(0.5, 0.0).unwrap(),
            Agreement::new(0.5, 0.0)
                .unwrap()
                .with_side_payments([zero_carrot; 2]),
        ] {
            let agreed = agreement.game(&game).unwrap();
            assert_eq!(agreed, game);
            for pi in [0.0, 0.3, 1.0] {
                let pi = Politicization::new(pi).unwrap();
                for w in [0.0, 0.4, 1.0] {
                    let w = Orientation::new(w).unwrap();
                    let [a, b] =
                        [&agreed, &game].map(|g| g.stage_table(pi, [w, Orientation::POLICY]));
                    for outcome in Outcome::ALL {
                        let [pa, pb] = [a, b].map(|t| *t.get(outcome.own, outcome.partner));
                        for k in 0..2 {
                            assert_eq!(pa[k].utility.to_bits(), pb[k].utility.to_bits());
                            assert_eq!(pa[k].policy.to_bits(), pb[k].policy.to_bits());
                            assert_eq!(pa[k].political.to_bits(), pb[k].political.to_bits());
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_agreement_splits_the_joint_gain_and_charges_defection() {
    let game = TwoLevelGame::default();
    let agreed = Agreement::new(0.3, 0.5).unwrap().game(&game).unwrap();
    assert_eq!(agreed.policy().row.r(), 2.0 * 3.0 * 0.3);
    assert_eq!(agreed.policy().column.r(), 2.0 * 3.0 * (1.0 - 0.3));
    for (m, base) in [
        (agreed.policy().row, game.policy().row),
        (agreed.policy().column, game.policy().column),
    ] {
        assert_eq!((m.s(), m.t(), m.p()), (base.s(), base.t(), base.p()));
    }
    // The compliance cost comes off the political payoff of each
    // defection and nowhere else.
    let fair = Agreement::new(0.5, 0.0).unwrap().game(&game).unwrap();
    let costly = Agreement::new(0.5, 0.5).unwrap().game(&game).unwrap();
    let pi = Politicization::new(0.4).unwrap();
    for outcome in Outcome::ALL {
        let [f, c] = [fair, costly].map(|g| g.political_payoffs(outcome.own, outcome.partner, pi));
        let expected = |own: Action, k: usize| f[k] - if own == Action::D { 0.5 } else { 0.0 };
        assert!((c[0] - expected(outcome.own, 0)).abs() < 1e-12);
        assert!((c[1] - expected(outcome.partner, 1)).abs() < 1e-12);
    }
    // A side payment from A to B moves the mutual-cooperation entries.
    let carrot = Resources::new(1.0, 0.0).unwrap().carrot(0.5, 0.8).unwrap();
    let paid = Agreement::new(0.5, 0.0)
        .unwrap()
        .with_side_payments([carrot, Resources::NONE.carrot(0.0, 1.0).unwrap()])
        .game(&game)
        .unwrap();
    assert_eq!(paid.policy().row.r(), 3.0 - 0.5);
    assert_eq!(paid.policy().column.r(), 3.0 + 0.4);
}

#[test]
fn leverage_moves_the_partners_reservations() {
    let b = ratifiers(&[(1.0, 0.3), (1.0, 0.5), (2.0, 0.6)]);
    let plain: Vec<Reservation> = b.iter().map(Reservation::from).collect();
    let rich = Resources::new(1.0, 2.0).unwrap();
    // Zero leverage changes nothing, bit for bit.
    let zero = Leverage::new(
        rich.carrot(0.0, 0.5).unwrap(),
        rich.stick(0.0).unwrap(),
        0.3,
    )
    .unwrap();
    assert_eq!(zero.partner_reservations(&b), plain);
    assert_eq!(Leverage::NONE.partner_reservations(&b), plain);
    // A side payment lowers every reservation by eta t.
    let pay = Leverage::new(
        rich.carrot(0.2, 0.5).unwrap(),
        rich.stick(0.0).unwrap(),
        0.0,
    )
    .unwrap();
    for (moved, base) in pay.partner_reservations(&b).iter().zip(&plain) {
        assert!((moved.reservation - (base.reservation - 0.1)).abs() < 1e-15);
    }
    let tau = Threshold::majority();
    let before = WinSet::of_ratifiers(&b, tau).reservation().unwrap();
    let after = WinSet::of_reservations(&pay.partner_reservations(&b), tau)
        .reservation()
        .unwrap();
    assert!((before - after - 0.1).abs() < 1e-12);
    // A sanction without defiance lowers them by s; with full defiance it
    // raises them by s, and under unanimity may empty the win-set.
    let threat = |sigma| {
        Leverage::new(
            rich.carrot(0.0, 1.0).unwrap(),
            rich.stick(0.35).unwrap(),
            sigma,
        )
        .unwrap()
    };
    let coerced = WinSet::of_reservations(&threat(0.0).partner_reservations(&b), tau);
    assert!((coerced.reservation().unwrap() - (before - 0.35)).abs() < 1e-12);
    let defiant = WinSet::of_reservations(
        &threat(1.0).partner_reservations(&b),
        Threshold::unanimity(),
    );
    assert_eq!(defiant, WinSet::Empty);
    // A defiant share counts with its weight: with sigma = 0.6 the
    // defiant weight (2.4 of 4) decides a majority.
    let split = WinSet::of_reservations(&threat(0.6).partner_reservations(&b), tau);
    assert!(split.reservation().unwrap() > before);
}

#[test]
fn invalid_negotiation_inputs_name_their_field() {
    for tau in [0.0, -0.1, 1.01, f64::NAN] {
        assert_eq!(Threshold::new(tau).unwrap_err().field, "tau");
    }
    assert_eq!(Ratifier::new(-1.0, 0.5).unwrap_err().field, "weight");
    assert_eq!(Ratifier::new(1.0, 1.5).unwrap_err().field, "position");
    assert_eq!(Agreement::new(1.5, 0.0).unwrap_err().field, "share");
    assert_eq!(Agreement::new(-0.1, 0.0).unwrap_err().field, "share");
    assert_eq!(Agreement::new(0.5, -1.0).unwrap_err().field, "psi");
    assert_eq!(EstimateNoise::new(-0.1).unwrap_err().field, "epsilon");
    assert_eq!(Protocol::rubinstein(1.0, 0.5).unwrap_err().field, "delta_a");
    assert_eq!(
        Protocol::rubinstein(0.5, -0.1).unwrap_err().field,
        "delta_b"
    );
    assert_eq!(Protocol::nash(1.1).unwrap_err().field, "weight");
    assert_eq!(
        alternating_offers_share(0.5, 1.0, 3).unwrap_err().field,
        "delta_b"
    );
    let stick = Resources::NONE.stick(0.0).unwrap();
    let carrot = Resources::NONE.carrot(0.0, 1.0).unwrap();
    assert_eq!(
        Leverage::new(carrot, stick, 1.5).unwrap_err().field,
        "defiance"
    );
}

proptest::proptest! {
    /// The win-set's reservation is the smallest reservation at which the
    /// accepting weight reaches `tau V`, by brute force over the ratifiers.
    #[test]
    fn the_reservation_is_the_weighted_quantile(
        spec in proptest::collection::vec((0.0..5.0_f64, 0.0..=1.0_f64), 1..12),
        tau in 0.01..=1.0_f64,
    ) {
        let state = ratifiers(&spec);
        let threshold = Threshold::new(tau).unwrap();
        let total: f64 = spec.iter().map(|s| s.0).sum();
        let accepting = |z: f64| {
            spec.iter()
                .filter(|s| z >= 1.0 - s.1)
                .map(|s| s.0)
                .sum::<f64>()
        };
        let weighted = || state.iter().filter(|k| k.weight() > 0.0);
        match WinSet::of_ratifiers(&state, threshold) {
            WinSet::From(r) => {
                // r passes, and no smaller reservation of a ratifier does
                // (up to the rounding of sums taken in another order).
                proptest::prop_assert!(accepting(r) >= tau * total * (1.0 - 1e-12));
                for smaller in weighted().map(Ratifier::reservation) {
                    if smaller < r - 1e-12 {
                        proptest::prop_assert!(
                            accepting(smaller) < tau * total * (1.0 + 1e-12),
                            "{} passes below {}",
                            smaller,
                            r
                        );
                    }
                }
                proptest::prop_assert!(weighted().any(|k| k.reservation() == r));
            }
            WinSet::Empty => proptest::prop_assert!(total == 0.0),
        }
    }

    /// Pointwise, the proposal fails exactly when the derivation says:
    /// `max(z^u, R_A) > 1 - R_B`, `u < 0` and `u <= 1 - R_A - R_B`.
    #[test]
    fn failure_happens_exactly_where_the_derivation_says(
        r_a in 0.0..=1.0_f64,
        r_b in 0.0..=1.0_f64,
        z_u in 0.0..=1.0_f64,
        epsilon in 0.001..1.0_f64,
        x in 0.0..1.0_f64,
    ) {
        let noise = EstimateNoise::new(epsilon).unwrap();
        let u = epsilon * (2.0 * x - 1.0);
        let g = 1.0 - r_a - r_b;
        let m = z_u.max(r_a);
        // Away from the boundaries, where rounding may decide.
        proptest::prop_assume!(
            (u - g).abs() > 1e-9 && u.abs() > 1e-9 && (m - (1.0 - r_b)).abs() > 1e-9
        );
        let proposal = propose(z_u, WinSet::From(r_a), noise.estimate(r_b, x));
        proptest::prop_assert_eq!(proposal.is_some(), u <= g);
        let failed = proposal.is_some_and(|z| !WinSet::From(r_b).leaves(z));
        proptest::prop_assert_eq!(failed, m > 1.0 - r_b && u < 0.0 && u <= g);
    }
}
