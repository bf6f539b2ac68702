#!/usr/bin/env python3
"""Time the twolevel Python package against the Python axelrod library on
the same set-up: Axelrod's first tournament as `tournaments/axelrod-first.ron`
writes it (the 15 entries the registry implements, 200 turns, 5
repetitions, self-play, classic payoffs), in one process.

Timings, each the best of several runs, one run after another in the same
process:

- twolevel `run_file`: reads, validates and plays the tournament file and
  builds its results (rankings and matrices in three currencies); the
  round robin runs on all cores (rayon).
- twolevel `round_robin`: the same tournament built from Python objects
  (registry names), then `ranking()` and the policy payoff matrix as a
  numpy array: what a Python user would call.
- axelrod `Tournament.play`: the library's own serial tournament
  (`processes=None`), which writes the interactions to a temporary CSV file
  and builds its `ResultSet` with pandas, and which plays each deterministic
  pair once and replays its cached moves for the other repetitions.
- axelrod matches only: every match (120 pairs x 5 repetitions = 600) with a
  fresh `axl.Match`, so no repetition is replayed from a cache.

Needs the package (`maturin develop --release -m crates/python/Cargo.toml`)
and axelrod (`pip install axelrod`; tested with 4.14). Not run in CI.

Usage: python3 benches/python_vs_axelrod.py [--runs N]
"""

import argparse
import itertools
import os
import time
import warnings

import axelrod as axl

import twolevel

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FILE = os.path.join(ROOT, "tournaments", "axelrod-first.ron")
TURNS = 200
REPETITIONS = 5

# The entries of tournaments/axelrod-first.ron, in its order, as axelrod
# classes; their `name` is the twolevel player name.
AXELROD_PLAYERS = [
    axl.TitForTat,
    axl.FirstByTidemanAndChieruzzi,
    axl.FirstByNydegger,
    axl.FirstByGrofman,
    axl.FirstByShubik,
    axl.FirstBySteinAndRapoport,
    axl.Grudger,
    axl.FirstByDavis,
    axl.FirstByGraaskamp,
    axl.FirstByDowning,
    axl.FirstByFeld,
    axl.FirstByJoss,
    axl.FirstByTullock,
    axl.FirstByAnonymous,
    axl.Random,
]


def best_of(runs, function):
    """The smallest wall-clock time of `runs` calls, in seconds, and the
    last call's value."""
    best = float("inf")
    value = None
    for _ in range(runs):
        start = time.perf_counter()
        value = function()
        best = min(best, time.perf_counter() - start)
    return best, value


def twolevel_file():
    return twolevel.run_file(FILE)


def twolevel_objects():
    results = twolevel.round_robin(
        [player().name for player in AXELROD_PLAYERS],
        game={"theta": 0.0, "beta": 0.0},
        turns=TURNS,
        length_known=True,
        repetitions=REPETITIONS,
        seed=1980,
    )
    results.ranking()
    results.payoff_matrix("policy")
    return results


def axelrod_tournament():
    players = [player() for player in AXELROD_PLAYERS]
    tournament = axl.Tournament(players, turns=TURNS, repetitions=REPETITIONS, seed=1980)
    return tournament.play(processes=None, progress_bar=False)


def axelrod_matches():
    players = [player() for player in AXELROD_PLAYERS]
    turns = 0
    for i, j in itertools.combinations_with_replacement(range(len(players)), 2):
        for _ in range(REPETITIONS):
            match = axl.Match((players[i].clone(), players[j].clone()), turns=TURNS)
            turns += len(match.play())
    return turns


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (best is kept)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")

    names = twolevel.run_file(FILE).names
    axelrod_names = [player().name for player in AXELROD_PLAYERS]
    assert names == axelrod_names, (names, axelrod_names)
    matches = len(names) * (len(names) + 1) // 2 * REPETITIONS
    print(
        f"Axelrod's first tournament: {len(names)} players, {TURNS} turns, "
        f"{REPETITIONS} repetitions, self-play: {matches} matches, {matches * TURNS} turns"
    )
    print(f"twolevel {twolevel.__version__}, axelrod {axl.__version__}, best of {args.runs}")
    print(f"cores available: {os.cpu_count()}, load average: {os.getloadavg()}")

    timings = [
        ("twolevel run_file (file, results)", best_of(args.runs, twolevel_file)[0]),
        ("twolevel round_robin (objects, ranking, numpy)", best_of(args.runs, twolevel_objects)[0]),
        ("axelrod Tournament.play (serial, ResultSet)", best_of(args.runs, axelrod_tournament)[0]),
        ("axelrod matches only (fresh Match each)", best_of(args.runs, axelrod_matches)[0]),
    ]
    for label, seconds in timings:
        print(f"{label:48} {seconds * 1e3:10.2f} ms  {matches * TURNS / seconds / 1e6:8.3f} M turns/s")
    fastest_twolevel = min(timings[0][1], timings[1][1])
    for label, seconds in timings[2:]:
        print(f"ratio {label}: {seconds / fastest_twolevel:,.0f}x the faster twolevel call")


if __name__ == "__main__":
    main()
