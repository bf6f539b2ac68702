"""Per-pair scores of Axelrod's first tournament with the `axelrod` library.

Prints, for every pair of the fifteen programs (in the published order of
Axelrod 1980a), the row program's mean total over 20 matches of 200 rounds
(classic payoffs R, S, T, P = 3, 0, 5, 1; players told the length), one
seed a match. twolevel plays these strategies move for move (the
deterministic ones) or statistically (the stochastic ones) as the library
does, so the matrix stands for ours. docs/reproductions.md (section 1)
compares its first four rows with the published ones.

Needs `pip install axelrod` (4.14 was used); CI never runs it.
Usage: python scripts/first_tournament_pairs.py
"""

import axelrod as axl
import numpy as np

REPETITIONS = 20
TURNS = 200


def main():
    classes = axl.axelrod_first_strategies
    n = len(classes)
    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            total = 0.0
            for r in range(REPETITIONS):
                match = axl.Match(
                    (classes[i](), classes[j]()),
                    turns=TURNS,
                    seed=1000 * r + 31 * i + j,
                    match_attributes={"length": TURNS},
                )
                match.play()
                total += sum(s[0] for s in match.scores())
            scores[i, j] = total / REPETITIONS
    names = [str(c()) for c in classes]
    for i in range(n):
        cells = " ".join("%4.0f" % x for x in scores[i])
        print(names[i][:14].ljust(14), cells, " mean %.1f" % scores[i].mean(), flush=True)


if __name__ == "__main__":
    main()
