#!/usr/bin/env python3
"""Generate crates/strategies/tests/fixtures/axelrod_stochastic.json.

The stochastic classic strategies cannot be compared with the Python
`axelrod` library move for move (the random number generators differ), only
statistically. For each stochastic strategy and each opponent of a small
panel this script plays MATCHES matches of TURNS rounds with axelrod 4.14
(seeds 0, 1, ...; default game, no noise, length known) and records, for the
stochastic player, the mean and the sample standard deviation over matches
of its cooperation rate, overall and in each block of BLOCK rounds.
`crates/strategies/tests/it/axelrod_library/classic.rs` plays as many matches with our
strategies and checks that the means agree within a few standard errors.

Usage (from the repository root, with axelrod 4.14 installed):

    python3 scripts/gen_axelrod_stochastic_fixture.py

Format (also summarised under the "format" key):

    {"format": ..., "axelrod_version": "4.14.0", "turns": 200, "matches": 200,
     "block": 50,
     "pairs": [{"player": <str(player)>, "opponent": <str(opponent)>,
                "mean": <mean cooperation rate of player over matches>,
                "sd": <sample standard deviation of that rate over matches>,
                "block_means": [<mean rate in rounds 0-49>, <50-99>, ...],
                "block_sds": [...]}, ...]}
"""

import statistics

import axelrod as axl

from axelrod_players import write_fixture

TURNS = 200
MATCHES = 200
BLOCK = 50

PLAYERS = [
    axl.Random(),
    axl.Random(0.2),
    axl.GTFT(),
    axl.GTFT(0.1),
    axl.FirstByGrofman(),
    axl.FirstByJoss(),
    axl.FirstByFeld(),
    axl.FirstByTullock(),
    axl.FirstByAnonymous(),
    axl.FirstByGraaskamp(),
]

OPPONENTS = [
    axl.Cooperator(),
    axl.Defector(),
    axl.TitForTat(),
    axl.Alternator(),
    axl.Grudger(),
]

FORMAT = (
    "Cooperation rates of stochastic strategies in axelrod 4.14: for each pair, "
    "'matches' matches of 'turns' rounds (seeds 0..matches-1, game 3,0,5,1, no noise, "
    "length known); 'mean'/'sd' are the mean and sample standard deviation over matches "
    "of the fraction of rounds in which 'player' cooperated; 'block_means'/'block_sds' "
    "the same for consecutive blocks of 'block' rounds."
)


def rate(moves):
    return sum(1 for m in moves if m == axl.Action.C) / len(moves)


def main():
    pairs = []
    for player in PLAYERS:
        for opponent in OPPONENTS:
            rates = []
            blocks = [[] for _ in range(TURNS // BLOCK)]
            for seed in range(MATCHES):
                match = axl.Match((player.clone(), opponent.clone()), turns=TURNS, seed=seed)
                match.play()
                moves = [a for a, _ in match.result]
                rates.append(rate(moves))
                for b in range(TURNS // BLOCK):
                    blocks[b].append(rate(moves[b * BLOCK:(b + 1) * BLOCK]))
            pairs.append(
                {
                    "player": str(player),
                    "opponent": str(opponent),
                    "mean": statistics.fmean(rates),
                    "sd": statistics.stdev(rates),
                    "block_means": [statistics.fmean(b) for b in blocks],
                    "block_sds": [statistics.stdev(b) for b in blocks],
                }
            )
            print(f"{str(player):32} vs {str(opponent):14} {pairs[-1]['mean']:.4f}")
    fixture = {
        "format": FORMAT,
        "axelrod_version": axl.__version__,
        "turns": TURNS,
        "matches": MATCHES,
        "block": BLOCK,
        "pairs": pairs,
    }
    path = write_fixture("crates/strategies/tests/fixtures/axelrod_stochastic.json", fixture)
    print(f"wrote {len(pairs)} pairs to {path}")


if __name__ == "__main__":
    main()
