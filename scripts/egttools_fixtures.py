"""Helpers shared by the egttools fixture generators.

`gen_fixation_fixture.py`, `gen_group_fixture.py` and
`gen_pairwise_chain_fixture.py` all write a JSON fixture under
`crates/tournament/tests/fixtures/` headed by the generator's name, the
egttools version and the conventions used, and the two full-chain
generators take a stationary distribution from egttools's transition
matrix and confirm it against the birth-death chain's product formula.
"""

import json
import os

import egttools
import numpy as np
from egttools.utils import calculate_stationary_distribution

FIXTURES = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "crates", "tournament", "tests", "fixtures",
)


def checked_stationary(label, transitions, up, down):
    """The stationary distribution of egttools's transition matrix.

    `transitions` is egttools's row-stochastic matrix over the Z + 1 states
    (dense or sparse); `up(i)` and `down(i)` give T+(i) and T-(i). The
    eigenvector egttools computes is checked against the product formula
    p(i) ~ prod_{l<i} T+(l) / T-(l+1), which confirms the conventions.
    """
    stationary = np.asarray(calculate_stationary_distribution(transitions.transpose()), dtype=float)
    states = len(stationary)
    ln_p = [0.0]
    for i in range(states - 1):
        ln_p.append(ln_p[-1] + np.log(up(i)) - np.log(down(i + 1)))
    product = np.exp(np.array(ln_p) - np.max(ln_p))
    product /= product.sum()
    assert np.allclose(product, stationary, rtol=1e-6, atol=1e-12), (label, "stationary")
    return stationary


def positive_or_none(probability):
    """egttools returns exactly 0 below about 1e-7: recorded as null."""
    return probability if probability > 0.0 else None


def write_fixture(name, generator, fields, indent=1):
    """Writes `fields` to the fixture `name`, headed by the generator's path
    and the egttools version that made it."""
    fixture = {
        "generator": generator,
        "egttools_version": getattr(egttools, "__version__", "unknown"),
    }
    fixture.update(fields)
    out = os.path.join(FIXTURES, name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixture, f, indent=indent)
        f.write("\n")
    print(f"wrote {out}")
