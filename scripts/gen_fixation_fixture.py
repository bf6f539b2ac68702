#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/fixation.json with egttools.

Reference values for `twolevel_tournament::evolution::analytic`, computed by
egttools (pip package `egttools`, version printed into the fixture):

* fixation probabilities of one invader under the pairwise-comparison
  (Fermi) process, from both `egttools.analytical.StochDynamics` (Python) and
  `egttools.analytical.PairwiseComparison` (C++);
* the stationary distribution over monomorphic states in the small-mutation
  limit, from `StochDynamics.calculate_stationary_distribution` (eigenvector
  of the embedded chain) and from the C++ SML transition matrix.

Conventions (checked in egttools 0.1.14 source, `sed_analytical.py`): payoffs
exclude self-interaction, pi_A(k) = ((k-1) a + (Z-k) b) / (Z-1),
pi_B(k) = (k c + (Z-k-1) d) / (Z-1); T+/- = k/Z (Z-k)/(Z-1) fermi(+/-beta dpi)
with fermi(x) = 1/(1+exp(-x)), so prod T-/T+ = exp(-beta sum dpi), the same
as twolevel's `Update::fermi(beta)` (and its exponential-fitness Moran).
StochDynamics.fixation_probability returns exactly 0 once the partial sum
exceeds 1e7, so every case here is chosen with rho well above 1e-7 and the
two egttools implementations are checked to agree before writing.

Usage: python3 scripts/gen_fixation_fixture.py
"""

import numpy as np
from egttools.analytical import PairwiseComparison, StochDynamics
from egttools.games import Matrix2PlayerGameHolder
from egttools.utils import calculate_stationary_distribution

from egttools_fixtures import write_fixture



def tft_alld(turns):
    """Payoffs per turn of TFT (0) and ALLD (1) over `turns` rounds, R,S,T,P = 3,0,5,1."""
    return [[3.0, (0.0 + (turns - 1) * 1.0) / turns],
            [(5.0 + (turns - 1) * 1.0) / turns, 1.0]]


def four_strategies(turns):
    """ALLC, ALLD, TFT, Grudger per turn over `turns` rounds (Axelrod's payoffs)."""
    r, s, t, p = 3.0, 0.0, 5.0, 1.0
    sucker_then_punish = (s + (turns - 1) * p) / turns
    temptation_then_punish = (t + (turns - 1) * p) / turns
    return [
        [r, s, r, r],
        [t, p, temptation_then_punish, temptation_then_punish],
        [r, sucker_then_punish, r, r],
        [r, sucker_then_punish, r, r],
    ]


PAIR_CASES = [
    # (label, 2x2 table, population, beta)
    ("prisoners dilemma", [[3.0, 0.0], [5.0, 1.0]], 10, 0.5),
    ("prisoners dilemma weak", [[3.0, 0.0], [5.0, 1.0]], 50, 0.01),
    ("tft vs alld 10 rounds", tft_alld(10), 20, 1.0),
    ("tft vs alld 10 rounds weak", tft_alld(10), 100, 0.05),
    ("hawk dove", [[-1.0, 4.0], [0.0, 2.0]], 30, 0.2),
    ("stag hunt", [[4.0, 0.0], [3.0, 3.0]], 25, 0.3),
    ("neutral", [[1.0, 1.0], [1.0, 1.0]], 40, 2.0),
]

STATIONARY_CASES = [
    ("rock paper scissors", [[0.0, -1.0, 1.0], [1.0, 0.0, -1.0], [-1.0, 1.0, 0.0]], 30, 0.5),
    ("allc alld tft grudger 10 rounds", four_strategies(10), 20, 0.2),
    ("random 3x3", [[1.2, 0.3, 2.0], [2.5, 1.0, 0.1], [0.7, 1.9, 1.4]], 15, 0.5),
]


def pair_entry(label, table, population, beta):
    a = np.array(table, dtype=float)
    py = StochDynamics(2, a, population)
    # The C++ model keeps a pointer to the game: hold a reference to it.
    game = Matrix2PlayerGameHolder(2, a)
    cpp = PairwiseComparison(population, game)
    entry = {"label": label, "table": table, "population": population, "beta": beta}
    for name, invader, resident in (("rho_0_invades_1", 0, 1), ("rho_1_invades_0", 1, 0)):
        p = py.fixation_probability(invader, resident, beta)
        c = cpp.calculate_fixation_probability(invader, resident, beta)
        assert p > 1e-7, (label, name, p)
        assert abs(p - c) <= 1e-12 * max(p, c), (label, name, p, c)
        entry[name] = p
    return entry


def stationary_entry(label, table, population, beta):
    a = np.array(table, dtype=float)
    n = len(table)
    py = StochDynamics(n, a, population)
    sd_py = py.calculate_stationary_distribution(beta)
    game = Matrix2PlayerGameHolder(n, a)
    cpp = PairwiseComparison(population, game)
    transitions, fixation = cpp.calculate_transition_and_fixation_matrix_sml(beta)
    sd_cpp = calculate_stationary_distribution(transitions.transpose())
    off_diagonal = [fixation[i][j] for i in range(n) for j in range(n) if i != j]
    assert min(off_diagonal) > 1e-7, (label, "egttools truncates to 0 below ~1e-7")
    assert np.allclose(sd_py, sd_cpp, rtol=1e-9, atol=1e-12), (label, sd_py, sd_cpp)
    return {
        "label": label,
        "table": table,
        "population": population,
        "beta": beta,
        # fixation[i][j]: probability that one j mutant fixes among i residents.
        "fixation_resident_invader": np.asarray(fixation).tolist(),
        "stationary": [float(x) for x in sd_py],
    }


def main():
    write_fixture("fixation.json", "scripts/gen_fixation_fixture.py", {
        "convention": "Fermi pairwise comparison, self-interaction excluded, population Z; "
                      "fixation_resident_invader[i][j] = rho(one j invades all i)",
        "pairs": [pair_entry(*case) for case in PAIR_CASES],
        "stationary": [stationary_entry(*case) for case in STATIONARY_CASES],
    }, indent=2)


if __name__ == "__main__":
    main()
