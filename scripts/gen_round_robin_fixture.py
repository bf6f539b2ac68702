#!/usr/bin/env python3
"""Generate crates/tournament/tests/fixtures/axelrod_round_robin.json.

Runs an axelrod 4.14 round robin of 15 deterministic classic strategies that
twolevel implements (names below, in order), so that the tournament crate can
check its round robin against axelrod number for number without Python.

Usage (from the repository root, with axelrod 4.14 installed):

    python3 scripts/gen_round_robin_fixture.py

Tournament: axl.Tournament(players, turns=200, repetitions=1), the default
game R, S, T, P = 3, 0, 5, 1, no noise, match length known to the players
(200). axelrod plays every unordered pair once, INCLUDING each player against
a copy of itself (self-interaction).

Format of the JSON file (also summarised under its "format" key):

    players               names in tournament order (str(player) in axelrod,
                          which is Strategy::name in twolevel).
    payoff_matrix[i][j]   axelrod's results.payoff_matrix: the MEAN SCORE PER
                          TURN of player i in its match against player j
                          (total payoff of i in that match / 200). The
                          diagonal [i][i] is the self-interaction: the mean
                          per-turn score of one of the two copies.
    match_totals[i][j]    the TOTAL payoff of player i in its 200-turn match
                          against j (payoff_matrix[i][j] * 200, exact).
    total_scores[i]       axelrod's results.scores[i][0]: the sum of
                          match_totals[i][j] over all j != i. axelrod EXCLUDES
                          the self-interaction from scores.
    total_scores_including_self[i]
                          total_scores[i] + match_totals[i][i].
    normalised_scores[i]  axelrod's results.normalised_scores[i][0]: the mean
                          over opponents j != i (self-interaction excluded) of
                          payoff_matrix[i][j], i.e.
                          total_scores[i] / (200 * (n - 1)).
    ranking               axelrod's results.ranking: player indices sorted by
                          decreasing median normalised score (one repetition,
                          so by normalised_scores); ties keep tournament order
                          (Python's sort is stable).
    ranked_names          players[k] for k in ranking.
    wins[i]               axelrod's results.wins[i][0]: matches (excluding the
                          self-interaction) in which i scored strictly more
                          than its opponent.
"""

import axelrod as axl

from axelrod_players import assert_deterministic, classic_game, simple_classics, write_fixture

TURNS = 200

PLAYERS = simple_classics() + [
    axl.Prober(),
    axl.GoByMajority(),
    axl.Gradual(),
    axl.FirstByNydegger(),
    axl.FirstByTidemanAndChieruzzi(),
]

FORMAT = (
    "axelrod 4.14 round robin, turns=200, repetitions=1, game R,S,T,P=3,0,5,1, no "
    "noise, match length known (200), self-interactions played. payoff_matrix[i][j]: "
    "mean score per turn of players[i] against players[j] (diagonal: self-play, one "
    "copy). match_totals[i][j]: total payoff of i against j over 200 turns. "
    "total_scores[i]: axelrod results.scores, sum of match_totals[i][j] for j != i "
    "(self-play EXCLUDED). total_scores_including_self[i]: plus match_totals[i][i]. "
    "normalised_scores[i]: axelrod results.normalised_scores, mean over j != i of "
    "payoff_matrix[i][j]. ranking/ranked_names: by decreasing normalised score, ties "
    "in player order. wins[i]: matches (j != i) where i scored strictly more."
)


def main():
    assert_deterministic(PLAYERS)
    tournament = axl.Tournament(PLAYERS, turns=TURNS, repetitions=1)
    results = tournament.play(progress_bar=False, processes=0)
    n = len(PLAYERS)
    payoff_matrix = [[float(x) for x in row] for row in results.payoff_matrix]
    match_totals = [[round(x * TURNS) for x in row] for row in payoff_matrix]
    for i in range(n):
        for j in range(n):
            assert abs(match_totals[i][j] - payoff_matrix[i][j] * TURNS) < 1e-9
    total_scores = [int(results.scores[i][0]) for i in range(n)]
    for i in range(n):
        assert total_scores[i] == sum(match_totals[i][j] for j in range(n) if j != i)
    fixture = {
        "format": FORMAT,
        "axelrod_version": axl.__version__,
        "turns": TURNS,
        "repetitions": 1,
        "game": classic_game(),
        "noise": 0,
        "self_interactions": True,
        "players": [str(p) for p in PLAYERS],
        "payoff_matrix": payoff_matrix,
        "match_totals": match_totals,
        "total_scores": total_scores,
        "total_scores_including_self": [
            total_scores[i] + match_totals[i][i] for i in range(n)
        ],
        "normalised_scores": [float(results.normalised_scores[i][0]) for i in range(n)],
        "ranking": [int(k) for k in results.ranking],
        "ranked_names": list(results.ranked_names),
        "wins": [int(results.wins[i][0]) for i in range(n)],
    }
    path = write_fixture("crates/tournament/tests/fixtures/axelrod_round_robin.json", fixture)
    print(f"wrote the round robin of {n} players to {path}")
    for name, score in zip(results.ranked_names, sorted(fixture["normalised_scores"], reverse=True)):
        print(f"  {score:.4f}  {name}")


if __name__ == "__main__":
    main()
