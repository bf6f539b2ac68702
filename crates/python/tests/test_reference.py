"""Python returns the same numbers as the Rust API for the same file and seed.

``fixtures/reference.json`` holds what the Rust API computes for a
tournament file, an evolution file, a regime file, a society file and some
analytic functions, with fixed seeds; ``tests/it/reference.rs`` (run by
``cargo test``) checks that the Rust API still gives exactly those numbers,
and these tests check that the Python module gives exactly them too. Floats
go through JSON with their shortest round-trip representation, so the
comparisons are exact.
"""

import json
import math
from pathlib import Path

import numpy as np
import pytest

import twolevel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
REFERENCE = json.loads((HERE / "fixtures" / "reference.json").read_text())


def matrix_of(rows):
    """A fixture matrix (None for pairs that did not meet) as an array."""
    return np.array([[math.nan if v is None else v for v in row] for row in rows])


@pytest.fixture(scope="module")
def tournament():
    ref = REFERENCE["tournament"]
    return twolevel.run_file(ROOT / ref["file"], seed=ref["seed"])


def test_tournament_results_equal_the_rust_api(tournament):
    expected = REFERENCE["tournament"]["results"]
    got = tournament.to_dict()
    assert len(got.pop("matches")) > 0
    assert got == expected


def test_tournament_ranking_and_matrices_in_every_currency(tournament):
    expected = REFERENCE["tournament"]["results"]
    standings = expected["standings"]
    ranking = tournament.ranking()
    assert [row["player"] for row in ranking] == [standings[i]["name"] for i in expected["ranking"]]
    assert tournament.ranked_names == [row["player"] for row in ranking]
    for rank, (row, index) in enumerate(zip(ranking, expected["ranking"]), start=1):
        standing = standings[index]
        assert row["rank"] == rank
        for currency in twolevel.CURRENCIES:
            assert row[f"{currency}_mean"] == standing["scores"][currency]["mean"]
            assert row[f"{currency}_sd"] == standing["scores"][currency]["std"]
            assert row[f"wins_{currency}_mean"] == standing["wins"][currency]["mean"]
        assert row["cooperation_rate"] == standing["cooperation_rate"]
    for currency in twolevel.CURRENCIES:
        want = matrix_of(expected["payoff_matrices"][currency])
        got = tournament.payoff_matrix(currency)
        assert got.dtype == np.float64 and got.shape == want.shape
        np.testing.assert_array_equal(got, want)
        np.testing.assert_array_equal(tournament.payoff_matrices()[currency], want)
        scores = tournament.scores(currency)
        assert scores.shape == (len(standings), expected["repetitions"])
        for i, standing in enumerate(standings):
            assert list(scores[i]) == standing["scores"][currency]["per_repetition"]
    np.testing.assert_array_equal(
        tournament.cooperation_matrix(), matrix_of(expected["cooperation_matrix"])
    )
    assert tournament.mean_match_length == expected["mean_match_length"]
    assert tournament.seed == REFERENCE["tournament"]["seed"]
    assert tournament.metric == "policy"


def test_to_json_is_the_rust_results_json(tournament):
    parsed = json.loads(tournament.to_json())
    parsed.pop("matches")
    assert parsed == REFERENCE["tournament"]["results"]


def test_ron_text_and_file_give_the_same_results(tournament):
    ref = REFERENCE["tournament"]
    text = (ROOT / ref["file"]).read_text()
    again = twolevel.run_ron(text, origin=ref["file"], seed=ref["seed"])
    assert again.to_dict() == tournament.to_dict()


def test_evolution_equals_the_rust_api():
    ref = REFERENCE["evolution"]
    got = twolevel.evolve_file(ROOT / ref["file"], seed=ref["seed"])
    assert got["names"] == ref["names"]
    assert got["fitness"] == ref["fitness"]
    np.testing.assert_array_equal(got["table"], np.array(ref["table"]))
    np.testing.assert_array_equal(got["fixation"], np.array(ref["fixation"]))
    np.testing.assert_array_equal(got["stationary"], np.array(ref["stationary"]))
    assert [run["final_counts"] for run in got["runs"]] == ref["final_counts"]
    winners = [
        None if run["fixation"] is None else [run["fixation"]["winner"], run["fixation"]["step"]]
        for run in got["runs"]
    ]
    assert winners == ref["winners"]
    # Each run's trajectory ends in its final counts and keeps the population.
    for run in got["runs"]:
        assert list(run["counts"][-1]) == run["final_counts"]
        assert set(run["counts"].sum(axis=1)) == {100}
    assert sum(got["fixations"]) + got["unfixed"] == len(got["runs"])


def test_analytic_functions_equal_the_rust_api():
    ref = REFERENCE["analytic"]
    game = ref["game"]
    assert (
        twolevel.fixation_probability(game, 20, selection="linear", intensity=0.5)
        == ref["moran_linear_half_n20"]
    )
    assert (
        twolevel.fixation_probability(game, 20, process="fermi", intensity=2.0, log=True)
        == ref["fermi_2_n20_ln"]
    )
    assert (
        twolevel.fixation_time(game, 20, selection="linear", intensity=0.5)
        == ref["moran_time_n20"]
    )
    np.testing.assert_array_equal(
        twolevel.fixation_matrix(ref["three"], 50), np.array(ref["three_fixation_n50"])
    )
    np.testing.assert_array_equal(
        twolevel.stationary_distribution(np.array(ref["three"]), 50),
        np.array(ref["three_stationary_n50"]),
    )
    classic = twolevel.thresholds(matrix=(3.0, 0.0, 5.0, 1.0))
    assert classic["grim"] == ref["classic_grim"] and classic["tft"] == ref["classic_tft"]
    blended = twolevel.thresholds(political_weight=0.5, politicization=0.3)
    assert list(blended["matrix"]) == ref["default_w05_pi03"]
    assert blended["grim"] == ref["default_w05_pi03_grim"]
    paradox = twolevel.paradox_of_politicization(political_weight=0.5)
    assert [
        paradox["pi_min"],
        paradox["threshold_min"],
        paradox["threshold_at_0"],
        paradox["threshold_at_1"],
    ] == ref["paradox_w05"]
    runs = ref["fermi_runs"]
    got = twolevel.evolve_table(
        runs["table"],
        process="fermi",
        population=20,
        intensity=2.0,
        mutation=0.01,
        generations=50,
        runs=3,
        seed=7,
    )
    assert [run["final_counts"] for run in got["runs"]] == runs["final_counts"]
    assert [run["steps_taken"] for run in got["runs"]] == runs["steps_taken"]


def test_regime_equals_the_rust_api():
    ref = REFERENCE["regime"]
    got = twolevel.run_regime_file(ROOT / ref["file"])
    ranking = got.pop("ranking")
    assert got.pop("ranked_by") == "policy"
    assert len(got.pop("compositions")) == ref["compositions"]
    assert got == ref["results"]
    policy = [standing["scores"]["policy"] for standing in ranking]
    assert policy == sorted(policy, reverse=True)
    by_utility = twolevel.run_regime_ron((ROOT / ref["file"]).read_text(), ranking="utility")
    utility = [standing["scores"]["utility"] for standing in by_utility["ranking"]]
    assert utility == sorted(utility, reverse=True)


def test_society_equals_the_rust_api():
    ref = REFERENCE["society"]
    got = twolevel.run_society_file(ROOT / ref["file"], seed=ref["seed"])
    evolution = got.pop("evolution")
    assert got == ref["sweep"]
    assert evolution["rules"] == ref["rules"]
    assert evolution["counts"].tolist() == ref["counts"]
