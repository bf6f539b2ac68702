#!/usr/bin/env python3
"""Time the round robin of the `round_robin/classic_15_x10_serial` bench and
Axelrod's first tournament in the Python axelrod library (tested with
axelrod 4.14) and in twolevel, side by side in one run.

The same 15 deterministic classic strategies, 200 turns, 10 repetitions,
self-interactions included (axelrod always plays them), one process.

Two timings are printed, each the best of several runs:

- "matches only": every one of the 120 pairs x 10 repetitions = 1200
  matches is played with a fresh `axl.Match` (so axelrod's per-match
  deterministic cache cannot replay a repetition); this is the work the
  Rust bench does.
- "axl.Tournament.play": the library's own tournament, serial
  (`processes=None`), which also writes the interactions to a temporary CSV
  file and builds the `ResultSet` with pandas, and which plays each
  deterministic pair once and replays the cached moves for the other nine
  repetitions.

A third timing is the library's own reproduction of Axelrod's first
tournament: `axl.axelrod_first_strategies` (15 players), 200 turns, 5
repetitions, `axl.Tournament.play` serial, the set-up of
`tournaments/axelrod-first.ron`.

The script then times the same two round robins in twolevel in the same
run, with the `time_tournament` binary of this crate (built with `cargo
build --release`), on one thread, results included, and prints the
ratios. The 15-strategy round robin is `benches/classic-15.ron`, the first
tournament `tournaments/axelrod-first.ron`. The script is not run in CI.

Usage: python3 benches/axelrod_round_robin.py [--runs N] [--rust-runs N]
"""

import argparse
import itertools
import os
import subprocess
import sys
import time
import warnings

import axelrod as axl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from axelrod_players import simple_classics  # noqa: E402

TURNS = 200
REPETITIONS = 10


def players():
    """The 15 strategies, in the order of the Rust bench (CLASSIC_15)."""
    return simple_classics() + [
        axl.Bully(),
        axl.Prober(),
        axl.GoByMajority(),
        axl.Gradual(),
        axl.CyclerCCD(),
    ]


def matches_only():
    """Plays every match of the round robin with a fresh Match; returns the
    number of turns played."""
    ps = players()
    turns = 0
    for i, j in itertools.combinations_with_replacement(range(len(ps)), 2):
        for _ in range(REPETITIONS):
            match = axl.Match((ps[i].clone(), ps[j].clone()), turns=TURNS)
            turns += len(match.play())
    return turns


def library_tournament():
    """The library's own serial tournament with results."""
    tournament = axl.Tournament(players(), turns=TURNS, repetitions=REPETITIONS)
    return tournament.play(progress_bar=False, processes=None)


def first_tournament():
    """axelrod's own set-up of Axelrod's first tournament: its 15 first
    tournament strategies, 200 turns, 5 repetitions, serial."""
    players = [strategy() for strategy in axl.axelrod_first_strategies]
    tournament = axl.Tournament(players, turns=TURNS, repetitions=5)
    return tournament.play(progress_bar=False, processes=None)


REPOSITORY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def rust_best_ms(tournament_file, runs):
    """The best wall time in ms of the twolevel round robin of a tournament
    file, on one thread, from the `time_tournament` binary."""
    command = [
        "cargo", "run", "--quiet", "--release", "-p", "twolevel-benches",
        "--bin", "time_tournament", "--", tournament_file, str(runs),
    ]
    output = subprocess.run(command, cwd=REPOSITORY, check=True,
                            capture_output=True, text=True).stdout
    fields = dict(item.split("=") for item in output.split())
    return float(fields["best_ms"])


def best_of(runs, function):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs, best kept")
    parser.add_argument("--rust-runs", type=int, default=50,
                        help="timed runs of each twolevel round robin, best kept")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if len(axl.axelrod_first_strategies) != 15:
        sys.exit("expected axelrod's 15 first-tournament strategies")

    turns = matches_only()
    assert turns == 120 * REPETITIONS * TURNS, turns
    matches = best_of(args.runs, matches_only)
    tournament = best_of(args.runs, library_tournament)
    first = best_of(args.runs, first_tournament)
    print(f"axelrod {axl.__version__}, one process:")
    print(f"  15 classic strategies, {TURNS} turns, {REPETITIONS} repetitions, self-play")
    print(f"    matches only (1200 fresh matches): {matches * 1e3:9.1f} ms "
          f"({turns / matches / 1e6:.3f} million turns/s)")
    print(f"    axl.Tournament.play (with results): {tournament * 1e3:9.1f} ms")
    print(f"  first tournament, axl.Tournament.play: {first * 1e3:9.1f} ms")

    classic_ms = rust_best_ms("benches/classic-15.ron", args.rust_runs)
    first_ms = rust_best_ms("tournaments/axelrod-first.ron", args.rust_runs)
    print("twolevel, one thread, results included (best of "
          f"{args.rust_runs}):")
    print(f"  15 classic strategies: {classic_ms:9.3f} ms, "
          f"{matches * 1e3 / classic_ms:,.0f} times faster than the matches, "
          f"{tournament * 1e3 / classic_ms:,.0f} times faster than axl.Tournament.play")
    print(f"  first tournament: {first_ms:9.3f} ms, "
          f"{first * 1e3 / first_ms:,.0f} times faster than axl.Tournament.play")


if __name__ == "__main__":
    main()
