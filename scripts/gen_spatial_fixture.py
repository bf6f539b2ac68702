#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/axelrod_spatial.json.

Runs an axelrod 4.14 spatial tournament: the ten simple deterministic
classic strategies (scripts/axelrod_players.py, in that order) on a ring of
ten nodes with two chords, axl.Tournament(players, edges=EDGES, turns=200,
repetitions=1), so that the tournament crate can check its round robin on a
graph (only neighbours meet) against axelrod without Python.

Usage (from the repository root, with axelrod 4.14 in a virtual
environment, for example):

    python3 -m venv /tmp/axl-venv && /tmp/axl-venv/bin/pip install axelrod==4.14.0
    /tmp/axl-venv/bin/python scripts/gen_spatial_fixture.py

Format of the JSON file (also under its "format" key):

    players             names in tournament order; player i is node i.
    edges               the undirected edges (i, j), i < j, as given to axelrod.
    match_totals        one entry per edge: [i, j, total of i, total of j],
                        the total payoffs over the 200 turns of their match.
    total_scores[i]     axelrod's results.scores[i][0]: the sum of i's match
                        totals over its neighbours (no self-interaction).
    normalised_scores[i] axelrod's results.normalised_scores[i][0]:
                        total_scores[i] / (200 * degree of i): the mean
                        per-turn score over i's neighbours (checked below).
    payoff_matrix[i][j] axelrod's results.payoff_matrix: mean score per turn
                        of i against j, 0 for players that did not meet.
"""

import axelrod as axl

from axelrod_players import assert_deterministic, classic_game, simple_classics, write_fixture

TURNS = 200
N = 10
EDGES = [(i, (i + 1) % N) for i in range(N)] + [(0, 5), (2, 7)]
EDGES = sorted((min(a, b), max(a, b)) for a, b in EDGES)

FORMAT = (
    "axelrod 4.14 spatial tournament, edges given, turns=200, repetitions=1, game "
    "R,S,T,P=3,0,5,1, no noise. match_totals: [i, j, total of i, total of j] per edge. "
    "total_scores[i]: axelrod results.scores (sum over neighbours). normalised_scores[i]: "
    "axelrod results.normalised_scores = total_scores[i] / (200 * degree of i). "
    "payoff_matrix[i][j]: mean per-turn score of i against j, 0 if they did not meet."
)


def main():
    players = simple_classics()
    assert len(players) == N
    assert_deterministic(players)
    tournament = axl.Tournament(players, edges=EDGES, turns=TURNS, repetitions=1)
    results = tournament.play(progress_bar=False, processes=0)
    payoff_matrix = [[float(x) for x in row] for row in results.payoff_matrix]
    match_totals = [
        [i, j, round(payoff_matrix[i][j] * TURNS), round(payoff_matrix[j][i] * TURNS)]
        for i, j in EDGES
    ]
    total_scores = [int(results.scores[i][0]) for i in range(N)]
    for i in range(N):
        own = sum(t[2] for t in match_totals if t[0] == i) + sum(
            t[3] for t in match_totals if t[1] == i
        )
        assert own == total_scores[i], (i, own, total_scores[i])
        degree = sum(1 for e in EDGES if i in e)
        assert abs(results.normalised_scores[i][0] - own / (TURNS * degree)) < 1e-12
    fixture = {
        "format": FORMAT,
        "axelrod_version": axl.__version__,
        "turns": TURNS,
        "repetitions": 1,
        "game": classic_game(),
        "players": [str(p) for p in players],
        "edges": [list(e) for e in EDGES],
        "match_totals": match_totals,
        "total_scores": total_scores,
        "normalised_scores": [float(results.normalised_scores[i][0]) for i in range(N)],
        "payoff_matrix": payoff_matrix,
    }
    path = write_fixture("crates/tournament/tests/fixtures/axelrod_spatial.json", fixture)
    print(f"wrote the spatial tournament of {N} players to {path}")


if __name__ == "__main__":
    main()
