#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/pairwise_chain.json with egttools.

Reference values for the full birth-death chain of a two-player (2x2)
game in a finite population (`GroupEvolution::pairwise` in twolevel,
MODEL.md sections 8 and 10): pairwise comparison (Fermi, intensity beta)
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

import json
import os

import egttools
import numpy as np
from egttools.analytical import PairwiseComparison
from egttools.games import Matrix2PlayerGameHolder
from egttools.utils import calculate_stationary_distribution

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "crates", "tournament", "tests", "fixtures", "pairwise_chain.json",
)

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
    stationary = np.asarray(calculate_stationary_distribution(transitions.transpose()), dtype=float)
    ln_p = [0.0]
    for i in range(z):
        ln_p.append(ln_p[-1] + np.log(up[i]) - np.log(down[i + 1]))
    product = np.exp(np.array(ln_p) - np.max(ln_p))
    product /= product.sum()
    assert np.allclose(product, stationary, rtol=1e-6, atol=1e-12), (label, "stationary")
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
        "rho_a_invades": rho_a if rho_a > 0.0 else None,
        "rho_b_invades": rho_b if rho_b > 0.0 else None,
    }


def main():
    fixture = {
        "generator": "scripts/gen_pairwise_chain_fixture.py",
        "egttools_version": getattr(egttools, "__version__", "unknown"),
        "convention": "game [a, b, c, d] with a = A vs A; index = number of A; Fermi pairwise "
                      "comparison, self-interaction excluded, mutation mu",
        "cases": [entry(*case) for case in CASES],
    }
    with open(OUT, "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
