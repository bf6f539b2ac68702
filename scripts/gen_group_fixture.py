#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/group_evolution.json with egttools.

Reference values for `twolevel_tournament::evolution::GroupEvolution` (the
two-strategy evolution of regimes, `docs/regimes.md`), computed by
egttools (pip package `egttools`, version printed into the fixture) for
N-person games in a finite population of Z, groups of N drawn without
replacement, pairwise comparison (Fermi, intensity beta) with mutation mu:

* the stage games: `OneShotCRD` (collective risk, Santos and Pacheco 2011),
  `NPlayerStagHunt` (threshold public goods) and, for the linear public
  goods game, a `MatrixNPlayerGameHolder` holding `policy_D(k) = F c k / N`
  and `policy_C(k) = policy_D(k) - c` (egttools's `PGG` class takes
  behaviour objects, so the matrix is written out here);
* the gradient of selection with mutation, `G(i) = T+(i) - T-(i)`, from
  `StochDynamics.prob_increase_decrease_with_mutation` (Python), and
  without mutation from both `StochDynamics.gradient_selection` and the
  C++ `PairwiseComparison.calculate_gradient_of_selection` (checked equal);
* the stationary distribution of the full chain (all Z + 1 states), from
  the C++ `PairwiseComparison.calculate_transition_matrix(beta, mu)` and
  `egttools.utils.calculate_stationary_distribution` (an eigenvector);
* the group achievement, from the game's own
  `calculate_group_achievement(Z, stationary)` where egttools has one
  (collective risk; the 0.1.14 binding of `NPlayerStagHunt` lacks the
  method its stub declares); otherwise it is
  `sum_i p(i) sum_{j >= M} H(j; Z, i, N)` with scipy's hypergeometric pmf
  over egttools's stationary distribution, with M = N for the linear
  public goods game, as twolevel defines it;
* the fixation probabilities of one C among D and one D among C without
  mutation, from the C++ `calculate_fixation_probability` (and Python's
  `StochDynamics.fixation_probability`, checked equal where it is above
  the 1e-7 below which it returns 0).

Conventions (checked in egttools 0.1.14 source and by the assertions
below): strategy 0 is D and strategy 1 is C; a payoff column is the number
k of C in the group, the focal state included; the population state index
is the number i of C; fitness averages over the N - 1 co-players drawn from
the other Z - 1 states (self excluded), so f_C(i) uses H(.; Z-1, i-1, N-1)
and f_D(i) uses H(.; Z-1, i, N-1), exactly as twolevel does; the Fermi
imitation probability is 1 / (1 + exp(-beta (f_C - f_D))); mutation with
probability mu to the other strategy (mu / (2 - 1)). egttools's fitness is
the policy payoff with no domestic level, i.e. twolevel's
`GroupPayoffs::from_game(.., Politicization::NONE, Orientation::POLICY,
Currency::Policy)`. egttools's `cost` for the collective risk dilemma is a
share of the endowment (twolevel's `cost_share`).

Usage: python3 scripts/gen_group_fixture.py
"""

import numpy as np
from egttools.analytical import PairwiseComparison, StochDynamics
from egttools.games import MatrixNPlayerGameHolder, NPlayerStagHunt, OneShotCRD
from scipy.stats import hypergeom

from egttools_fixtures import checked_stationary, positive_or_none, write_fixture

# (label, game description, Z, beta, mu)
CASES = [
    ("collective risk Z50 N6", {"kind": "collective_risk", "size": 6, "endowment": 1.0,
                                "cost_share": 0.1, "risk": 0.9, "threshold": 3}, 50, 5.0, 0.01),
    ("collective risk Z100 N10", {"kind": "collective_risk", "size": 10, "endowment": 1.0,
                                  "cost_share": 0.1, "risk": 0.3, "threshold": 5}, 100, 2.0, 0.001),
    ("public goods Z60 N5", {"kind": "public_goods", "size": 5, "factor": 3.0,
                             "cost": 1.0}, 60, 0.5, 0.01),
    ("public goods Z100 N4 weak", {"kind": "public_goods", "size": 4, "factor": 3.5,
                                   "cost": 1.0}, 100, 0.05, 0.02),
    ("threshold public goods Z80 N8", {"kind": "threshold_public_goods", "size": 8, "factor": 5.0,
                                       "cost": 1.0, "threshold": 4}, 80, 1.0, 0.005),
]


def make_game(desc):
    """The egttools game, its payoff matrix (rows D, C; columns k = 0..N) and M."""
    n = desc["size"]
    if desc["kind"] == "collective_risk":
        game = OneShotCRD(desc["endowment"], desc["cost_share"], desc["risk"], n, desc["threshold"])
        return game, np.asarray(game.payoffs()), desc["threshold"], True
    if desc["kind"] == "threshold_public_goods":
        # Keywords: the 0.1.14 binding's positional order is (group_size,
        # enhancement_factor, cooperation_threshold, cost), not the stub's.
        game = NPlayerStagHunt(group_size=n, enhancement_factor=desc["factor"],
                               cooperation_threshold=desc["threshold"], cost=desc["cost"])
        # The 0.1.14 binding lacks the stubbed calculate_group_achievement.
        return game, np.asarray(game.payoffs()), desc["threshold"], False
    f, c = desc["factor"], desc["cost"]
    defector = [f * c * k / n for k in range(n + 1)]
    cooperator = [f * c * k / n - c for k in range(n + 1)]
    matrix = np.array([defector, cooperator], dtype=float)
    return MatrixNPlayerGameHolder(2, n, matrix), matrix, n, False


def entry(label, desc, z, beta, mu):
    n = desc["size"]
    game, matrix, threshold, has_achievement = make_game(desc)
    cpp = PairwiseComparison(z, game)

    # The Python model, fed the same payoff columns (payoffs[i, j](n_i) is
    # the payoff of an i-strategist in a group holding n_i of them).
    def column(strategy, count_of_c):
        return float(matrix[strategy, count_of_c])

    funcs = np.array([
        [lambda n_d, *_: column(0, n - n_d), lambda n_d, *_: column(0, n - n_d)],
        [lambda n_c, *_: column(1, n_c), lambda n_c, *_: column(1, n_c)],
    ], dtype=object)
    py = StochDynamics(2, funcs, z, group_size=n, mu=mu)

    gradient_mutation, gradient_plain = [], []
    for i in range(z + 1):
        up, down = py.prob_increase_decrease_with_mutation(i, 1, 0, beta)
        gradient_mutation.append(float(up - down))
        g_cpp = float(cpp.calculate_gradient_of_selection(beta, np.array([z - i, i]))[1])
        g_py = float(py.gradient_selection(i, 1, 0, beta)) if 0 < i < z else 0.0
        assert abs(g_cpp - g_py) <= 1e-12, (label, i, g_cpp, g_py)
        gradient_plain.append(g_cpp)

    transitions = cpp.calculate_transition_matrix(beta, mu)
    stationary = checked_stationary(
        label, transitions,
        lambda i: py.prob_increase_decrease_with_mutation(i, 1, 0, beta)[0],
        lambda i: py.prob_increase_decrease_with_mutation(i, 1, 0, beta)[1],
    )

    per_state = [float(hypergeom(z, i, n).sf(threshold - 1)) for i in range(z + 1)]
    if has_achievement:
        achievement = float(game.calculate_group_achievement(z, stationary))
        assert abs(achievement - float(np.dot(per_state, stationary))) <= 1e-9, (label, "eta")
        achievement_source = "egttools calculate_group_achievement"
    else:
        achievement = float(np.dot(per_state, stationary))
        achievement_source = "scipy hypergeom over the egttools stationary distribution"

    rho_c = float(cpp.calculate_fixation_probability(1, 0, beta))
    rho_d = float(cpp.calculate_fixation_probability(0, 1, beta))
    for invader, resident, rho in ((1, 0, rho_c), (0, 1, rho_d)):
        p = py.fixation_probability(invader, resident, beta)
        if p > 1e-7:
            assert abs(p - rho) <= 1e-9 * max(p, rho), (label, invader, p, rho)

    return {
        "label": label,
        "game": desc,
        "population": z,
        "beta": beta,
        "mutation": mu,
        "threshold": threshold,
        "payoff_defector_by_k": matrix[0].tolist(),
        "payoff_cooperator_by_k": matrix[1].tolist(),
        "gradient_with_mutation": gradient_mutation,
        "gradient_without_mutation": gradient_plain,
        "stationary": stationary.tolist(),
        "group_achievement": achievement,
        "group_achievement_source": achievement_source,
        "rho_cooperator_invades": positive_or_none(rho_c),
        "rho_defector_invades": positive_or_none(rho_d),
    }


def main():
    write_fixture("group_evolution.json", "scripts/gen_group_fixture.py", {
        "convention": "strategy 0 = D, 1 = C; index = number of C; Fermi pairwise comparison, "
                      "self excluded from the group draw, mutation mu",
        "cases": [entry(*case) for case in CASES],
    })


if __name__ == "__main__":
    main()
