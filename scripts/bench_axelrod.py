#!/usr/bin/env python3
"""The figures behind README's speed comparison with the Python axelrod
library (issue 26), every one from this script, in one process, one run
after another (so both sides see the same load; the load average is
printed before and after).

Set-up: Axelrod's first tournament as `tournaments/axelrod-first.ron`
writes it (the 15 entries, 200 turns, self-play, classic payoffs),
`--repetitions` repetitions (10 by default, as issue 26 measured), once
without noise and once with `--noise` (0.05 by default: each move flipped
with that probability, `axl.Tournament(noise=...)` and twolevel's
`action_noise`).

Timings, each the best of `--runs` calls:

- axelrod `Tournament.play` with its ResultSet (serial, the default
  `build_results=True`: interactions written to a temporary CSV file and
  read back with pandas);
- axelrod `Tournament.play(build_results=False)`: the matches only, still
  through the library's tournament machinery (deterministic pairs played
  once and their moves replayed for the other repetitions when there is no
  noise);
- axelrod matches only: every match (120 pairs x the repetitions) as a
  fresh `axl.Match`, so no repetition is replayed from a cache;
- twolevel's Python `run_file` on the same tournament file: reads,
  validates and plays it on all cores and builds its results (rankings and
  matrices in three currencies), in process;
- twolevel's Python `round_robin` (objects in, ranking and the policy
  payoff matrix as numpy out), in process; on all cores and on one
  (`RAYON_NUM_THREADS` cannot change a pool already built, so the one-core
  figure is a subprocess);
- the `twolevel` command: `twolevel run FILE --no-output -q` as a
  subprocess (process start, file reading and validation included), with
  the release binary given by `--cli` (default target/release/twolevel).

The ratios of each axelrod timing are printed against each twolevel
timing.

Needs axelrod (`pip install axelrod==4.14.0`), the package
(`maturin develop --release -m crates/python/Cargo.toml`) and the release
CLI (`cargo build --release -p twolevel-cli`). Not run in CI.

Usage: python3 scripts/bench_axelrod.py [--runs N] [--repetitions N]
       [--noise P] [--cli PATH]
"""

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import axelrod as axl

import twolevel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILE = os.path.join(ROOT, "tournaments", "axelrod-first.ron")
TURNS = 200

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
    """The smallest wall-clock time of `runs` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def axelrod_tournament(repetitions, noise, build_results):
    players = [player() for player in AXELROD_PLAYERS]
    tournament = axl.Tournament(
        players, turns=TURNS, repetitions=repetitions, noise=noise, seed=1980
    )
    return tournament.play(processes=None, progress_bar=False, build_results=build_results)


def axelrod_matches(repetitions, noise):
    """Every match of the tournament as a fresh `axl.Match`; the turns played."""
    players = [player() for player in AXELROD_PLAYERS]
    turns = 0
    for i, j in itertools.combinations_with_replacement(range(len(players)), 2):
        for _ in range(repetitions):
            match = axl.Match(
                (players[i].clone(), players[j].clone()), turns=TURNS, noise=noise
            )
            turns += len(match.play())
    return turns


def twolevel_round_robin(repetitions, noise):
    results = twolevel.round_robin(
        [player().name for player in AXELROD_PLAYERS],
        game={"theta": 0.0, "beta": 0.0},
        turns=TURNS,
        length_known=True,
        action_noise=noise,
        repetitions=repetitions,
        seed=1980,
    )
    results.ranking()
    results.payoff_matrix("policy")
    return results


# The one-core Python timing, run in a fresh interpreter whose rayon pool
# is built with one thread.
ONE_CORE = """
import sys, time
sys.path.insert(0, {here!r})
import bench_axelrod as b
print(b.best_of({runs}, lambda: b.twolevel_round_robin({repetitions}, {noise})))
"""


def one_core_round_robin(runs, repetitions, noise):
    code = ONE_CORE.format(
        here=os.path.dirname(os.path.abspath(__file__)),
        runs=runs,
        repetitions=repetitions,
        noise=noise,
    )
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def cli_file(folder, repetitions, noise):
    """A copy of the shipped file with the repetitions and the noise set."""
    with open(FILE, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"repetitions: \d+", f"repetitions: {repetitions}", text)
    text = re.sub(r"action_noise: [0-9.]+", f"action_noise: {noise}", text)
    path = os.path.join(folder, f"axelrod-first-{repetitions}-{noise}.ron")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def cli(binary, path, threads=None):
    args = [binary, "run", path, "--no-output", "-q"]
    if threads is not None:
        args += ["--threads", str(threads)]
    subprocess.run(args, check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="calls per timing (best kept)")
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--noise", type=float, default=0.05)
    parser.add_argument(
        "--cli", default=os.path.join(ROOT, "target", "release", "twolevel"),
        help="the release twolevel binary",
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore")

    names = twolevel_round_robin(1, 0.0).names
    axelrod_names = [player().name for player in AXELROD_PLAYERS]
    assert names == axelrod_names, (names, axelrod_names)
    matches = len(names) * (len(names) + 1) // 2 * args.repetitions
    print(
        f"Axelrod's first tournament: {len(names)} players, {TURNS} turns, "
        f"{args.repetitions} repetitions, self-play: {matches} matches"
    )
    print(f"twolevel {twolevel.__version__}, axelrod {axl.__version__}, best of {args.runs}")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}")
    sys.stdout.flush()

    with tempfile.TemporaryDirectory() as folder:
        for noise in (0.0, args.noise):
            path = cli_file(folder, args.repetitions, noise)
            reps = args.repetitions
            timings = [
                ("axelrod Tournament.play (ResultSet)",
                 best_of(args.runs, lambda: axelrod_tournament(reps, noise, True))),
                ("axelrod Tournament.play (no ResultSet)",
                 best_of(args.runs, lambda: axelrod_tournament(reps, noise, False))),
                ("axelrod matches only (fresh Match each)",
                 best_of(args.runs, lambda: axelrod_matches(reps, noise))),
                ("twolevel Python round_robin (all cores)",
                 best_of(args.runs, lambda: twolevel_round_robin(reps, noise))),
                ("twolevel Python round_robin (one core)",
                 one_core_round_robin(args.runs, reps, noise)),
                ("twolevel Python run_file (file, results)",
                 best_of(args.runs, lambda: twolevel.run_file(path))),
            ]
            if os.path.exists(args.cli):
                timings.append(("twolevel CLI run (process, all cores)",
                                best_of(args.runs, lambda: cli(args.cli, path))))
                timings.append(("twolevel CLI run (process, one core)",
                                best_of(args.runs, lambda: cli(args.cli, path, 1))))
            print(f"\nnoise {noise}:")
            for label, seconds in timings:
                print(f"  {label:42} {seconds * 1e3:12.2f} ms")
            reference = dict(timings)
            axelrod_count = 3
            for base in [t[0] for t in timings[axelrod_count:]]:
                for label in [t[0] for t in timings[:axelrod_count]]:
                    print(
                        f"  {label} / {base}: "
                        f"{reference[label] / reference[base]:,.0f}x"
                    )
            sys.stdout.flush()
    print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
