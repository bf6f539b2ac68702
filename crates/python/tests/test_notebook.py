"""Notebooks: results as pandas data frames, plots shown inline, help()
text for every function, and docs/notebook.ipynb executed end to end."""

import inspect
import sys
from pathlib import Path

import numpy as np
import pytest

import twolevel

ROOT = Path(__file__).resolve().parent.parent.parent.parent
TOURNAMENTS = ROOT / "tournaments"


@pytest.fixture(scope="module")
def results():
    return twolevel.run_file(TOURNAMENTS / "two-level.ron", seed=7)


def test_every_public_function_and_method_has_help_text():
    public = [getattr(twolevel, name) for name in twolevel.__all__]
    callables = [item for item in public if callable(item)]
    assert len(callables) >= 30
    for cls in (twolevel.TournamentResults, twolevel.Plot):
        callables += [
            member
            for name, member in inspect.getmembers(cls)
            if not name.startswith("_") and (callable(member) or isinstance(member, property))
        ]
    missing = [getattr(item, "__name__", repr(item)) for item in callables if not (item.__doc__ or "").strip()]
    assert missing == []
    assert "payoff per turn" in twolevel.TournamentResults.to_pandas.__doc__ or "ranking" in (
        twolevel.TournamentResults.to_pandas.__doc__
    )
    assert twolevel.__doc__ and "pandas" in twolevel.__doc__
    # What help() prints is the docstring.
    assert "Runs a parameter sweep file" in inspect.getdoc(twolevel.run_sweep_file)


def test_import_twolevel_gives_the_extension_functions():
    # The package re-exports the compiled module: every name it had before.
    for name in ["run_file", "run_ron", "round_robin", "evolve_file", "evolve_table", "thresholds",
                 "run_regime", "run_society", "run_negotiation_file", "TournamentResults",
                 "CURRENCIES", "__version__"]:
        assert hasattr(twolevel, name), name
    assert twolevel.CURRENCIES == ["policy", "political", "utility"]


def test_ranking_frame_is_the_ranking(results):
    pd = pytest.importorskip("pandas")
    frame = results.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert frame.index.name == "player"
    assert list(frame.index) == results.ranked_names
    assert list(frame["rank"]) == list(range(1, len(results.names) + 1))
    for currency in twolevel.CURRENCIES:
        assert f"{currency}_mean" in frame.columns and f"wins_{currency}_mean" in frame.columns
    for row in results.ranking():
        assert frame.loc[row["player"], "policy_mean"] == row["policy_mean"]
        assert frame.loc[row["player"], "utility_sd"] == row["utility_sd"]


def test_matrix_frames_are_labelled_with_the_players(results):
    pytest.importorskip("pandas")
    for currency in twolevel.CURRENCIES:
        frame = results.payoff_frame(currency)
        assert list(frame.index) == results.names and list(frame.columns) == results.names
        assert (frame.index.name, frame.columns.name) == ("player", "opponent")
        np.testing.assert_array_equal(frame.to_numpy(), results.payoff_matrix(currency))
    np.testing.assert_array_equal(results.cooperation_frame().to_numpy(), results.cooperation_matrix())
    scores = results.scores_frame("political")
    assert scores.shape == (len(results.names), results.repetitions)
    assert scores.columns.name == "repetition"
    np.testing.assert_array_equal(scores.to_numpy(), results.scores("political"))
    with pytest.raises(ValueError, match="currency"):
        results.payoff_frame("money")


def test_wins_per_repetition():
    # The defector beats tit for tat once per repetition; tit for tat never wins.
    duel = twolevel.round_robin(["Tit For Tat", "Defector"], turns=50, repetitions=3, self_play=False)
    np.testing.assert_array_equal(duel.wins("policy"), [[0, 0, 0], [1, 1, 1]])
    assert [row["wins_policy_mean"] for row in duel.ranking()] == [1.0, 0.0]


def test_boxplot_whiskers_are_tukey_and_outliers_are_drawn(results):
    pytest.importorskip("matplotlib")
    plot = results.plot("boxplot", currency="policy")
    (axes,) = plot.axes
    scores = results.scores("policy")
    order = [results.names.index(name) for name in results.ranked_names]
    labels = [label.get_text() for label in axes.get_xticklabels()]
    assert labels == results.ranked_names
    assert "policy" in axes.get_ylabel()
    # The whiskers are the vertical two-point lines, two per box in order
    # (caps and medians are horizontal, boxes have five points, outliers
    # are markers without a line).
    whisker_ends = [
        line.get_ydata()
        for line in axes.lines
        if len(line.get_xdata()) == 2
        and line.get_xdata()[0] == line.get_xdata()[1]
        and line.get_linestyle() not in ("None", "none", "")
    ]
    assert len(whisker_ends) == 2 * len(order)
    for k, player in enumerate(order):
        data = np.sort(scores[player])
        q1, q3 = np.percentile(data, [25, 75])
        low_fence, high_fence = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        inside = data[(data >= low_fence) & (data <= high_fence)]
        ends = {float(v) for pair in whisker_ends[2 * k : 2 * k + 2] for v in pair}
        assert min(ends) == inside.min() and max(ends) == inside.max()
    outliers = sum(
        len(line.get_ydata()) for line in axes.lines if line.get_marker() not in ("None", None, "")
    )
    expected = 0
    for player in order:
        data = scores[player]
        q1, q3 = np.percentile(data, [25, 75])
        expected += int(np.sum((data < q1 - 1.5 * (q3 - q1)) | (data > q3 + 1.5 * (q3 - q1))))
    assert outliers == expected


def test_heatmap_has_a_colour_bar_and_cell_values(results):
    pytest.importorskip("matplotlib")
    plot = results.plot("payoff", currency="political")
    heat, bar = plot.axes
    assert "political" in bar.get_ylabel()
    n = len(results.names)
    assert len(heat.texts) == n * n
    matrix = results.payoff_matrix("political")
    assert heat.texts[1].get_text() == f"{matrix[0, 1]:.2f}"
    assert heat.images[0].get_cmap().name == "viridis"
    svg = plot._repr_svg_()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    with pytest.raises(ValueError, match="kind"):
        results.plot("pie")


def test_evolution_and_fixation_frames_and_the_stack_plot():
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    evolution = twolevel.evolve_file(TOURNAMENTS / "evolution.ron", seed=7)
    frame = twolevel.evolution_frame(evolution, run=0)
    counts = evolution["runs"][0]["counts"]
    assert list(frame.columns) == evolution["names"] and frame.index.name == "generation"
    np.testing.assert_array_equal(frame.to_numpy(), counts)
    fixation = twolevel.fixation_frame(evolution)
    assert list(fixation.index) == evolution["names"]
    np.testing.assert_array_equal(fixation.to_numpy(), evolution["fixation"])
    with pytest.raises(ValueError, match="run"):
        twolevel.evolution_frame(evolution, run=len(evolution["runs"]))
    plot = twolevel.plot_evolution(evolution, run=0)
    axes = plot.axes[0]
    assert [text.get_text() for text in axes.get_legend().get_texts()] == evolution["names"]
    assert axes.get_ylim()[1] == counts[0].sum()
    shares = twolevel.evolve_table([[3.0, 0.0], [5.0, 1.0]], process="replicator", generations=100)
    frame = twolevel.evolution_frame(shares)
    assert frame.index.name == "time" and list(frame.columns) == ["type 0", "type 1"]
    np.testing.assert_array_equal(frame.to_numpy(), shares["shares"])


def test_sweep_frames_and_plot():
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    sweep = twolevel.run_sweep_file(TOURNAMENTS / "sweep-theta.ron")
    assert sweep == twolevel.run_sweep_file(TOURNAMENTS / "sweep-theta.ron")
    assert [axis["path"] for axis in sweep["grid"]] == ["game.theta", "repetitions"]
    summary = twolevel.sweep_frame(sweep)
    tidy = twolevel.sweep_frame(sweep, tidy=True)
    points = len(sweep["grid"][0]["values"]) * len(sweep["grid"][1]["values"])
    policy = summary[summary["measure"] == "score_policy"]
    assert len(policy) == points * len(sweep["players"])
    assert set(policy["n"]) == {sweep["replicates"]}
    # The summary's mean is the mean of the tidy rows.
    one = tidy[(tidy["measure"] == "score_policy") & (tidy["player"] == sweep["players"][0])]
    first_theta = one[one["game.theta"] == sweep["grid"][0]["values"][0]]
    row = policy[(policy["player"] == sweep["players"][0]) & (policy["game.theta"] == sweep["grid"][0]["values"][0])]
    assert row["mean"].iloc[0] == pytest.approx(first_theta["value"].mean())
    plot = twolevel.plot_sweep(sweep, measure="score_policy", players=sweep["players"][:2])
    axes = plot.axes[0]
    assert axes.get_xlabel() == "game.theta" and "policy" in axes.get_ylabel()
    assert len(axes.get_legend().get_texts()) == 2
    with pytest.raises(ValueError, match="measure"):
        twolevel.plot_sweep(sweep, measure="score_money")
    other = twolevel.run_sweep_file(TOURNAMENTS / "sweep-theta.ron", seed=8)
    assert other["seed"] == 8 and other["tidy"] != sweep["tidy"]


def test_negotiation_regime_and_society_frames():
    pytest.importorskip("pandas")
    negotiation = twolevel.run_negotiation_file(TOURNAMENTS / "trade-war.ron", seed=5)
    frame = twolevel.negotiation_frame(negotiation)
    assert list(frame.index) == [" vs ".join(pair["states"]) for pair in negotiation["pairs"]]
    assert frame["cooperation"].iloc[0] == negotiation["pairs"][0]["summary"]["cooperation"]
    regime = twolevel.run_regime_file(TOURNAMENTS / "climate.ron")
    ranking = twolevel.regime_frame(regime)
    assert list(ranking.index) == [standing["name"] for standing in regime["ranking"]]
    society = twolevel.run_society_file(Path(__file__).parent / "fixtures" / "society.ron")
    points = twolevel.society_frame(society)
    assert len(points) == len(society["points"])
    assert list(points["cooperation"]) == [point["cooperation"] for point in society["points"]]


def test_missing_pandas_or_matplotlib_raise_a_clear_import_error(results, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        results.to_pandas()
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match="pip install matplotlib"):
        results.plot()
    # The numpy results need neither.
    assert results.payoff_matrix().shape == (len(results.names),) * 2


def test_the_documentation_notebook_runs():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    docs = ROOT / "docs"
    notebook = nbformat.read(docs / "notebook.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(docs)}}
    ).execute()
    kinds = [set(output.get("data", {})) for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert sum("image/svg+xml" in kind for kind in kinds) >= 4
    assert sum("text/html" in kind for kind in kinds) >= 4
    errors = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs if output.output_type == "error"]
    assert errors == []


def test_threshold_frame_and_plot_show_the_paradox():
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    frame = twolevel.thresholds_frame(political_weight=0.5, points=51)
    assert frame.index.name == "politicization" and list(frame.columns) == ["grim", "tft"]
    assert frame.index[0] == 0.0 and frame.index[-1] == 1.0
    direct = twolevel.thresholds(political_weight=0.5, politicization=frame.index[10])
    assert frame["grim"].iloc[10] == direct["grim"] and frame["tft"].iloc[10] == direct["tft"]
    paradox = twolevel.paradox_of_politicization(political_weight=0.5)
    # The U: the grid's lowest grim threshold is next to the paradox's pi.
    assert abs(frame["grim"].idxmin() - paradox["pi_min"]) <= 1 / 50
    assert frame["grim"].min() >= paradox["threshold_min"] - 1e-12
    assert frame["grim"].iloc[0] == pytest.approx(paradox["threshold_at_0"])
    plot = twolevel.plot_thresholds(political_weight=0.5, points=51)
    axes = plot.axes[0]
    grim_line = axes.lines[0]
    np.testing.assert_array_equal(grim_line.get_ydata(), frame["grim"].to_numpy())
    assert list(axes.lines[2].get_xdata()) == [paradox["pi_min"]]
    with pytest.raises(ValueError, match="points"):
        twolevel.thresholds_frame(points=1)


def test_results_show_as_a_ranking_table_in_jupyter(results, monkeypatch):
    pytest.importorskip("pandas")
    html = results._repr_html_()
    assert "<table" in html and "two-level" in html and "seed 7" in html
    assert html.index(results.ranked_names[0]) < html.index(results.ranked_names[-1])
    # Without pandas, the ranking table's text.
    monkeypatch.setitem(sys.modules, "pandas", None)
    text = results._repr_html_()
    assert "<pre>" in text and results.ranked_names[0] in text


def test_regime_and_society_plots():
    pytest.importorskip("matplotlib")
    regime = twolevel.run_regime_file(TOURNAMENTS / "climate.ron")
    axes = twolevel.plot_regime(regime, currency="political").axes[0]
    heights = [bar.get_height() for bar in axes.patches]
    assert heights == sorted((s["scores"]["political"] for s in regime["standings"]), reverse=True)
    assert "political" in axes.get_ylabel()
    society = twolevel.run_society_file(Path(__file__).parent / "fixtures" / "society.ron")
    axes = twolevel.plot_society(society, measure="good_share").axes[0]
    drawn = sorted(y for line in axes.lines if line.get_linestyle() not in ("--",) for y in line.get_ydata()
                   if line.get_marker() == "o")
    assert drawn == sorted(point["good_share"] for point in society["points"])
    with pytest.raises(ValueError, match="measure"):
        twolevel.plot_society(society, measure="happiness")
