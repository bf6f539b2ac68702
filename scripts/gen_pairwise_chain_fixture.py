#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/pairwise_chain.json with egttools.

Reference values for the full birth-death chain of a two-player (2x2)
game in a finite population (`GroupEvolution::pairwise` in twolevel,
`docs/model.md` section 10 and `docs/regimes.md`): pairwise comparison (Fermi, intensity beta)
with mutation mu, self-interaction excluded, all Z + 1 states.

egttools's two-player machinery is used (`Matrix2PlayerGameHolder` with
the C++ `PairwiseComparison`), not its N-player one, so the fixture checks
that twolevel's groups of two are the pairwise game:

* the gradient of selection without mutation, from
  `PairwiseComparison.calculate_gradient_of_selection`, and with mutation,
  `T+(i) - T-(i)`, from the transition matrix's off-diagonal entries;
* the stationary distribution of the full chain, from
  `calculate_transition_matrix(beta, mu)` and
  `egttools.utils.calculate_stationary_distribution` (an eigenvector),
  checked here against the product formula
  `p(i) ~ prod_{l<i} T+(l) / T-(l+1)`;
* the fixation probabilities of one A among B and one B among A.

Conventions: strategy 1 is A (twolevel's first strategy, `[a, b, c, d]`
with `a = A vs A`, `b = A vs B`, `c = B vs A`, `d = B vs B`), strategy 0 is
B; the chain's index is the number i of A.

Usage: python3 scripts/gen_pairwise_chain_fixture.py
"""

import numpy as np
from egttools.analytical import PairwiseComparison
from egttools.games import Matrix2PlayerGameHolder

from egttools_fixtures import checked_stationary, positive_or_none, write_fixture

# (label, [a, b, c, d], Z, beta, mu)
CASES = [
    ("prisoners dilemma Z30", [3.0, 0.0, 5.0, 1.0], 30, 1.0, 0.01),
    ("prisoners dilemma Z100 strong", [3.0, 0.0, 5.0, 1.0], 100, 2.0, 0.001),
    ("stag hunt Z50", [4.0, 0.0, 3.0, 2.0], 50, 0.5, 0.02),
    ("snowdrift Z80", [3.0, 1.0, 4.0, 0.0], 80, 1.0, 0.005),
    ("neutral Z20", [1.0, 1.0, 1.0, 1.0], 20, 3.0, 0.1),
]


def entry(label, game, z, beta, mu):
    a, b, c, d = game
    matrix = np.array([[d, c], [b, a]], dtype=float)
    # The game must outlive the PairwiseComparison, which only borrows it.
    holder = Matrix2PlayerGameHolder(2, matrix)
    cpp = PairwiseComparison(z, holder)
    transitions = np.asarray(cpp.calculate_transition_matrix(beta, mu).todense(), dtype=float)
    gradient_plain = [float(cpp.calculate_gradient_of_selection(beta, np.array([z - i, i]))[1])
                      for i in range(z + 1)]
    up = [transitions[i, i + 1] if i < z else 0.0 for i in range(z + 1)]
    down = [transitions[i, i - 1] if i > 0 else 0.0 for i in range(z + 1)]
    gradient_mutation = [float(u - v) for u, v in zip(up, down)]
    stationary = checked_stationary(label, transitions, up.__getitem__, down.__getitem__)
    rho_a = float(cpp.calculate_fixation_probability(1, 0, beta))
    rho_b = float(cpp.calculate_fixation_probability(0, 1, beta))
    return {
        "label": label,
        "game": game,
        "population": z,
        "beta": beta,
        "mutation": mu,
        "gradient_without_mutation": gradient_plain,
        "gradient_with_mutation": gradient_mutation,
        "stationary": stationary.tolist(),
        "rho_a_invades": positive_or_none(rho_a),
        "rho_b_invades": positive_or_none(rho_b),
    }


def main():
    write_fixture("pairwise_chain.json", "scripts/gen_pairwise_chain_fixture.py", {
        "convention": "game [a, b, c, d] with a = A vs A; index = number of A; Fermi pairwise "
                      "comparison, self-interaction excluded, mutation mu",
        "cases": [entry(*case) for case in CASES],
    })


if __name__ == "__main__":
    main()
