"""The Python API: building tournaments from Python objects, errors as
exceptions, regimes and societies from dicts, the registry listings."""

from pathlib import Path

import numpy as np
import pytest

import twolevel

ROOT = Path(__file__).resolve().parent.parent.parent.parent


def test_python_objects_give_the_tournament_the_same_ron_gives():
    ron = """Tournament(
        name: "python",
        players: [
            Inline(name: "Tit For Tat", strategy: (name: "Tit For Tat")),
            Inline(name: "GTFT 0.3", strategy: (name: "GTFT", params: {"p": 0.3}),
                   political_weight: 0.5, patience: 0.9),
            Preset("politician"),
            Inline(name: "Random", strategy: (name: "Random")),
        ],
        game: (theta: 3.0, beta: 0.5),
        horizon: Continuation(delta: 0.95),
        politics: Dynamic(initial: 0.2, dynamics: (visibility: 0.5, up: 0.05, down: 0.1)),
        action_noise: 0.02,
        repetitions: 4,
        seed: 11,
        ranking: Wins(Utility),
    )"""
    from_ron = twolevel.run_ron(ron)
    from_objects = twolevel.round_robin(
        [
            "Tit For Tat",
            {
                "strategy": "GTFT",
                "params": {"p": 0.3},
                "name": "GTFT 0.3",
                "political_weight": 0.5,
                "patience": 0.9,
            },
            {"preset": "politician"},
            "Random",
        ],
        game={"theta": 3.0, "beta": 0.5},
        delta=0.95,
        politics={"initial": 0.2, "visibility": 0.5, "up": 0.05, "down": 0.1},
        action_noise=0.02,
        repetitions=4,
        seed=11,
        ranking="wins_utility",
    )
    assert from_objects.to_dict() == from_ron.to_dict()
    assert from_objects.metric == "wins_utility"
    assert from_objects.names == ["Tit For Tat", "GTFT 0.3", "politician", "Random"]


def test_classic_round_robin_numbers():
    # Tit for tat against the defector over 200 turns: 199/200 and 204/200.
    results = twolevel.round_robin(["Tit For Tat", "Defector"], turns=200, self_play=False)
    matrix = results.payoff_matrix()
    assert matrix[0, 1] == 199 / 200 and matrix[1, 0] == 204 / 200
    assert np.isnan(matrix[0, 0])
    # With w = 0 and pi = 0 the utility is the policy payoff.
    np.testing.assert_array_equal(results.payoff_matrix("utility"), matrix)
    assert results.ranked_names == ["Defector", "Tit For Tat"]


def test_the_same_seed_gives_the_same_results_and_another_seed_others():
    players = ["Random", "Tit For Tat", "Grudger"]
    first = twolevel.round_robin(players, repetitions=3, seed=5)
    again = twolevel.round_robin(players, repetitions=3, seed=5)
    other = twolevel.round_robin(players, repetitions=3, seed=6)
    assert first.to_dict() == again.to_dict()
    assert first.to_dict() != other.to_dict()


def test_file_errors_name_the_file_line_and_column(tmp_path):
    path = tmp_path / "broken.ron"
    path.write_text('Tournament(\n    name: "x",\n    players: [Preset("politician")],\n    turns: 3,\n)\n')
    with pytest.raises(ValueError) as error:
        twolevel.run_file(path)
    message = str(error.value)
    assert "broken.ron" in message and "4" in message and "turns" in message


def test_invalid_values_raise_value_error_naming_the_field():
    with pytest.raises(ValueError, match=r"players\[1\]"):
        twolevel.round_robin(["Tit For Tat", "Tit For Tatt"])
    with pytest.raises(ValueError, match="p"):
        twolevel.round_robin([{"strategy": "GTFT", "params": {"p": 1.5}}])
    with pytest.raises(ValueError, match="action_noise"):
        twolevel.round_robin(["Tit For Tat"], action_noise=2.0)
    # Issue 26: a negative or too large number of turns raises ValueError
    # (not OverflowError) with the text a file gets: the field and range.
    for turns in (-5, 5000000000, 0):
        with pytest.raises(ValueError) as error:
            twolevel.round_robin(["Tit For Tat"], turns=turns)
        assert (
            f"invalid `turns`: expected a whole number of turns from 1 to 4294967295, got {turns}"
            in str(error.value)
        ), str(error.value)
    with pytest.raises(ValueError, match="either `turns`"):
        twolevel.round_robin(["Tit For Tat"], turns=10, delta=0.9)
    with pytest.raises(ValueError, match="currency"):
        twolevel.round_robin(["Tit For Tat"]).payoff_matrix("money")
    with pytest.raises(ValueError, match="regime"):
        twolevel.run_file(ROOT / "tournaments" / "climate.ron")
    with pytest.raises(ValueError, match="no `evolution` block"):
        twolevel.evolve_file(ROOT / "tournaments" / "two-level.ron")
    with pytest.raises(ValueError, match="selection"):
        twolevel.fixation_probability([3, 0, 5, 1], 10, selection="quadratic")


def test_registry_listings():
    names = {entry["name"] for entry in twolevel.strategies()}
    assert {"Tit For Tat", "Defector", "GTFT", "Prudent Reciprocator"} <= names
    gtft = next(entry for entry in twolevel.strategies() if entry["name"] == "GTFT")
    assert [p["name"] for p in gtft["params"]] == ["p"] or gtft["params"]
    assert "politician" in twolevel.presets()


def test_evolution_on_a_table_and_its_analytic_anchor():
    # Neutral drift: fixation probability 1/N, time N (N - 1) steps.
    game = [1.0, 1.0, 1.0, 1.0]
    assert twolevel.fixation_probability(game, 10, selection="linear", intensity=0.0) == pytest.approx(0.1)
    assert twolevel.fixation_time(game, 10, selection="linear", intensity=0.0) == pytest.approx(90.0)
    table = [[3.0, 0.0], [5.0, 1.0]]
    # The replicator equation to time 20 (2000 steps of 0.01).
    shares = twolevel.evolve_table(table, process="replicator", generations=2000)
    assert shares["shares"].shape == (2001, 2)
    assert shares["shares"][-1, 1] > 0.99  # defection takes over
    stationary = twolevel.stationary_distribution(table, 20)
    assert stationary.sum() == pytest.approx(1.0) and stationary[1] > 0.99
    runs = twolevel.evolve_table(table, population=10, initial=[9, 1], runs=5, record="final", seed=3)
    assert len(runs["runs"]) == 5
    assert all(run["counts"].shape == (2, 2) for run in runs["runs"])


def test_regime_and_society_from_dicts_equal_their_files():
    regime_spec = {
        "game": {"size": 3, "policy": {"PublicGoods": {"factor": 2.0, "cost": 1.0}}},
        "horizon": {"Fixed": {"turns": 20}},
        "seed": 3,
        "entrants": [
            {"strategy": {"name": "Conditional Cooperator"}},
            {"strategy": {"name": "MFN Free Rider"}, "w": 0.2},
        ],
    }
    regime_ron = """Regime(
        game: (size: 3, policy: PublicGoods(factor: 2.0, cost: 1.0)),
        horizon: Fixed(turns: 20),
        seed: 3,
        entrants: [
            (strategy: (name: "Conditional Cooperator")),
            (strategy: (name: "MFN Free Rider"), w: 0.2),
        ],
    )"""
    assert twolevel.run_regime(regime_spec) == twolevel.run_regime_ron(regime_ron)
    society_spec = {
        "name": "s",
        "groups": [{"rule": "Discriminator", "count": 30}, {"rule": "ALLD", "count": 5}],
        "e": 0.02,
        "mu": 0.05,
        "steps": 5000,
        "seed": 2,
        "sweep": {"mu": [0.01, 0.1]},
    }
    society_ron = """Society(name: "s", groups: [(rule: "Discriminator", count: 30),
        (rule: "ALLD", count: 5)], e: 0.02, mu: 0.05, steps: 5000, seed: 2,
        sweep: Some((mu: [0.01, 0.1])))"""
    from_dict = twolevel.run_society(society_spec)
    assert from_dict == twolevel.run_society_ron(society_ron)
    assert [point["mu"] for point in from_dict["points"]] == [0.01, 0.1]
    assert from_dict["evolution"] is None
    with pytest.raises(ValueError, match="groups"):
        twolevel.run_society({**society_spec, "groups": [{"rule": "Discriminatr", "count": 30}]})


def test_arena_files_run_like_any_round_robin():
    results = twolevel.run_file(ROOT / "tournaments" / "police-cooperation.ron", seed=3)
    arenas = results.arenas()
    assert arenas is not None
    names = [state["name"] for state in arenas["states"]]
    assert names == results.names
    south = arenas["states"][1]
    assert south["has_arena"]
    assert [actor["name"] for actor in south["actors"]] == [
        "ruling party",
        "police",
        "human-rights lawyers",
        "business",
    ]
    shares = [actor["influence_share"]["mean"] for actor in south["actors"]]
    assert all(0.0 <= share <= 1.0 for share in shares)
    assert "arenas" in results.to_dict()
    assert "Domestic arenas" in str(results)
    # A file without arenas has none.
    plain = twolevel.run_file(ROOT / "tournaments" / "axelrod-first.ron")
    assert plain.arenas() is None
    assert "arenas" not in plain.to_dict()


def test_negotiation_files_run_from_a_path_or_text_with_their_seed():
    path = ROOT / "tournaments" / "trade-war.ron"
    a = twolevel.run_negotiation_file(path, seed=5)
    assert a == twolevel.run_negotiation_file(path, seed=5)
    assert a["seed"] == 5 and len(a["pairs"]) == 6
    # A malign first move against tit for tat: the echo.
    assert a["pairs"][0]["summary"]["cooperation"] == 0.5
    assert list(a["pairs"][0]["states"]) == ["Hawkland", "Tradia"]
    assert twolevel.run_negotiation_ron(path.read_text(), seed=5) == a
    bad = 'Negotiation(name: "n", states: [(player: Preset("politician"), threshold: Tau(1.5)), (player: Preset("bureaucrat"))])'
    with pytest.raises(ValueError, match=r"states\[0\]\.threshold"):
        twolevel.run_negotiation_ron(bad)
