"""Data frames and plots of twolevel's results, for notebooks.

pandas and matplotlib are optional: each is imported when a function that
needs it is first called, and its absence raises ImportError saying what
to install. The plots are drawn on a `matplotlib.figure.Figure` without
pyplot (no global state, nothing shown twice) and wrapped in a `Plot`,
which Jupyter shows inline as SVG.

Every number keeps the currency it has in the library: "policy" (the
international payoff, comparable between players), "political" (the
domestic payoff) or "utility" (each player's own blend); column names and
axis labels say which.
"""

import io
import math

CURRENCY_WORDS = {
    "policy": "policy payoff (international)",
    "political": "political payoff (domestic)",
    "utility": "utility (each player's own blend)",
}


def _pandas():
    """pandas, or ImportError saying how to install it."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "twolevel's data frames need pandas, which is not installed: "
            "pip install pandas (or pip install 'twolevel[notebook]')"
        ) from error
    return pandas


def _figure(width=7.0, height=4.5):
    """A new matplotlib Figure (no pyplot), or ImportError saying how to
    install matplotlib."""
    try:
        from matplotlib.figure import Figure
    except ImportError as error:
        raise ImportError(
            "twolevel's plots need matplotlib, which is not installed: "
            "pip install matplotlib (or pip install 'twolevel[notebook]')"
        ) from error
    return Figure(figsize=(width, height), layout="constrained")


def _currency(currency):
    """The words for a currency name, or ValueError naming the argument."""
    if currency not in CURRENCY_WORDS:
        raise ValueError(
            f"invalid `currency`: unknown currency {currency!r}; expected "
            '"policy", "political" or "utility"'
        )
    return CURRENCY_WORDS[currency]


class Plot:
    """A plot of twolevel's results: `figure` is the matplotlib Figure
    (to restyle or save), `svg()` its SVG text and `save(path)` writes it
    (the format from the file's extension: .svg, .png, .pdf). Jupyter
    shows it inline through `_repr_svg_`."""

    def __init__(self, figure):
        """Wraps a matplotlib Figure."""
        self.figure = figure

    @property
    def axes(self):
        """The figure's axes (a list of matplotlib Axes)."""
        return self.figure.axes

    def svg(self):
        """The figure as SVG text."""
        buffer = io.StringIO()
        self.figure.savefig(buffer, format="svg")
        return buffer.getvalue()

    def save(self, path, **options):
        """Writes the figure to `path` (matplotlib's `savefig`: the format
        from the extension; `options` such as dpi=200 passed on)."""
        self.figure.savefig(path, **options)

    def _repr_svg_(self):
        """The SVG Jupyter shows inline."""
        return self.svg()

    def __repr__(self):
        """The plot's title, for a terminal."""
        titles = [axes.get_title() for axes in self.figure.axes if axes.get_title()]
        return f"<twolevel.Plot {titles[0] if titles else ''!r}>"


# Round robins (the methods of TournamentResults call these).


def _player_index(results, name="player"):
    return _pandas().Index(results.names, name=name)


def ranking_frame(results):
    """The ranking of a round robin as a DataFrame (see
    `TournamentResults.to_pandas`)."""
    pandas = _pandas()
    return pandas.DataFrame(results.ranking()).set_index("player")


def payoff_frame(results, currency="policy"):
    """A round robin's payoff matrix as a labelled DataFrame (see
    `TournamentResults.payoff_frame`)."""
    pandas = _pandas()
    return pandas.DataFrame(
        results.payoff_matrix(currency),
        index=_player_index(results),
        columns=_player_index(results, "opponent"),
    )


def cooperation_frame(results):
    """A round robin's cooperation matrix as a labelled DataFrame (see
    `TournamentResults.cooperation_frame`)."""
    pandas = _pandas()
    return pandas.DataFrame(
        results.cooperation_matrix(),
        index=_player_index(results),
        columns=_player_index(results, "opponent"),
    )


def scores_frame(results, currency="policy"):
    """A round robin's payoffs per repetition as a DataFrame (see
    `TournamentResults.scores_frame`)."""
    pandas = _pandas()
    scores = results.scores(currency)
    return pandas.DataFrame(
        scores,
        index=_player_index(results),
        columns=pandas.RangeIndex(scores.shape[1], name="repetition"),
    )


def _boxplot(axes, rows, names):
    """Tukey boxplots of rows (one per name): whiskers at the most extreme
    data within 1.5 IQR of the quartiles, the data beyond drawn as points."""
    axes.boxplot([list(row) for row in rows], whis=1.5, showfliers=True)
    axes.set_xticks(range(1, len(names) + 1))
    axes.set_xticklabels(names, rotation=45, ha="right")


def _heatmap(figure, axes, matrix, names, label):
    """A viridis heatmap of a square matrix with a colour bar and, where the
    cells are large enough, their values."""
    image = axes.imshow(matrix, cmap="viridis", aspect="auto")
    bar = figure.colorbar(image, ax=axes)
    bar.set_label(label)
    axes.set_xticks(range(len(names)))
    axes.set_xticklabels(names, rotation=45, ha="right")
    axes.set_yticks(range(len(names)))
    axes.set_yticklabels(names)
    axes.set_xlabel("opponent")
    axes.set_ylabel("player")
    if len(names) <= 20:
        finite = [v for row in matrix for v in row if not math.isnan(v)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
        middle = (low + high) / 2
        size = 8 if len(names) <= 10 else 6
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                if not math.isnan(value):
                    axes.text(
                        j,
                        i,
                        f"{value:.2f}",
                        ha="center",
                        va="center",
                        fontsize=size,
                        color="black" if value > middle else "white",
                    )


def plot_results(results, kind="boxplot", currency="policy"):
    """A plot of a round robin (see `TournamentResults.plot`)."""
    words = _currency(currency)
    names = results.names
    if kind in ("boxplot", "wins"):
        order = [names.index(name) for name in results.ranked_names]
        rows = results.scores(currency) if kind == "boxplot" else results.wins(currency)
        figure = _figure(max(6.0, 0.5 * len(names) + 2.0), 4.5)
        axes = figure.add_subplot()
        _boxplot(axes, [rows[i] for i in order], [names[i] for i in order])
        if kind == "boxplot":
            axes.set_ylabel(f"payoff per turn, {words}")
            axes.set_title(f"{results.name}: payoff per turn over {results.repetitions} repetitions")
        else:
            from matplotlib.ticker import MaxNLocator

            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            axes.set_ylabel(f"matches won per repetition, by {words}")
            axes.set_title(f"{results.name}: wins over {results.repetitions} repetitions")
        axes.set_xlabel("player (best first)")
        return Plot(figure)
    if kind in ("payoff", "cooperation"):
        size = max(5.0, 0.45 * len(names) + 3.0)
        figure = _figure(size + 1.5, size)
        axes = figure.add_subplot()
        if kind == "payoff":
            matrix = results.payoff_matrix(currency)
            label = f"mean payoff per turn, {words}"
            axes.set_title(f"{results.name}: payoff of the row against the column")
        else:
            matrix = results.cooperation_matrix()
            label = "share of rounds the row cooperated"
            axes.set_title(f"{results.name}: cooperation of the row against the column")
        _heatmap(figure, axes, matrix.tolist(), names, label)
        return Plot(figure)
    raise ValueError(
        f"invalid `kind`: unknown plot {kind!r}; expected "
        '"boxplot", "wins", "payoff" or "cooperation"'
    )


# Evolution.


def _type_names(evolution, count):
    names = evolution.get("names")
    return list(names) if names else [f"type {i}" for i in range(count)]


def evolution_frame(evolution, run=0):
    """The trajectory of an evolution (from `evolve_file` or
    `evolve_table`) as a pandas DataFrame, a column per type (the players'
    names for a tournament file's evolution): for the Moran and Fermi
    processes, the counts of run `run` indexed by "generation" (or "step",
    as the run recorded); for the ecological and replicator dynamics, the
    population shares indexed by "time"."""
    pandas = _pandas()
    if "shares" in evolution:
        shares = evolution["shares"]
        return pandas.DataFrame(
            shares,
            index=pandas.Index(evolution["times"], name="time"),
            columns=_type_names(evolution, shares.shape[1]),
        )
    runs = evolution["runs"]
    if not 0 <= run < len(runs):
        raise ValueError(f"invalid `run`: {run} is not in 0..{len(runs)}")
    counts = runs[run]["counts"]
    return pandas.DataFrame(
        counts,
        index=pandas.Index(runs[run]["steps"], name="generation"),
        columns=_type_names(evolution, counts.shape[1]),
    )


def fixation_frame(evolution):
    """The analytic fixation probabilities of a tournament file's evolution
    (`evolve_file`) as a DataFrame labelled with the players' names: rows
    the invader (one mutant), columns the resident population. ValueError
    when the evolution has none (the deterministic dynamics)."""
    pandas = _pandas()
    fixation = evolution.get("fixation")
    if fixation is None:
        raise ValueError(
            "invalid `evolution`: it has no fixation probabilities (only the "
            "Moran and Fermi processes of a tournament file have them)"
        )
    names = _type_names(evolution, fixation.shape[0])
    return pandas.DataFrame(
        fixation,
        index=pandas.Index(names, name="invader"),
        columns=pandas.Index(names, name="resident"),
    )


def plot_evolution(evolution, run=0):
    """A stack plot of an evolution (`evolve_file` or `evolve_table`): the
    number of players of each type per generation in run `run` (the Moran
    stack plot of the axelrod library), or the population shares over time
    for the deterministic dynamics; the legend outside the data."""
    index, columns, rows = _trajectory(evolution, run)
    figure = _figure(8.0, 4.5)
    from matplotlib.ticker import MaxNLocator

    axes = figure.add_subplot()
    series = [[row[k] for row in rows] for k in range(len(columns))]
    axes.stackplot(index, *series, labels=columns)
    axes.set_xlim(index[0], index[-1] if len(index) > 1 else index[0] + 1)
    if "shares" in evolution:
        axes.set_xlabel("time")
        axes.set_ylabel("share of the population")
        axes.set_ylim(0.0, 1.0)
        axes.set_title("Population shares over time")
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("generation")
        axes.set_ylabel("players of each type")
        axes.set_ylim(0, sum(rows[0]))
        axes.set_title(f"Evolution, run {run}")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return Plot(figure)


def _trajectory(evolution, run):
    """(index, type names, rows) of an evolution's trajectory, without
    pandas."""
    if "shares" in evolution:
        shares = evolution["shares"]
        return list(evolution["times"]), _type_names(evolution, shares.shape[1]), shares.tolist()
    runs = evolution["runs"]
    if not 0 <= run < len(runs):
        raise ValueError(f"invalid `run`: {run} is not in 0..{len(runs)}")
    counts = runs[run]["counts"]
    return list(runs[run]["steps"]), _type_names(evolution, counts.shape[1]), counts.tolist()


# Sweeps, negotiations, regimes and societies.


def sweep_frame(sweep, tidy=False):
    """A sweep's results (`run_sweep_file`) as a DataFrame: the summary (a
    row per grid point, player and measure, with a column per grid axis and
    "mean", "sd", "se" and "n" over the replicates), or with `tidy=True`
    every replicate's value (the rows of `sweep.csv`). Measures name their
    currency (`score_policy`, ...)."""
    pandas = _pandas()
    return pandas.read_csv(io.StringIO(sweep["tidy"] if tidy else sweep["summary"]))


def plot_sweep(sweep, measure="score_policy", players=None):
    """A sweep's `measure` (mean over replicates with standard-error bars)
    against the first grid axis with more than one value, a line per player
    (and per value of any other varying axis); `players` picks some."""
    summary = sweep_frame(sweep)
    axes_paths = [axis["path"] for axis in sweep["grid"]]
    varying = [axis["path"] for axis in sweep["grid"] if len(axis["values"]) > 1]
    x = varying[0] if varying else axes_paths[0]
    others = [path for path in varying if path != x]
    rows = summary[summary["measure"] == measure]
    if rows.empty:
        known = ", ".join(sorted(summary["measure"].unique()))
        raise ValueError(f"invalid `measure`: unknown measure {measure!r}; expected one of {known}")
    if players is not None:
        rows = rows[rows["player"].isin(list(players))]
    figure = _figure(8.0, 4.5)
    axes = figure.add_subplot()
    for key, line in rows.groupby(["player", *others], sort=False):
        key = key if isinstance(key, tuple) else (key,)
        label = key[0] + "".join(f", {path} = {value:g}" for path, value in zip(others, key[1:]))
        line = line.sort_values(x)
        axes.errorbar(line[x], line["mean"], yerr=line["se"], marker="o", capsize=3, label=label)
    axes.set_xlabel(x)
    axes.set_ylabel(_measure_words(measure))
    axes.set_title(f"Sweep {sweep['name']}: {measure} (mean ± standard error)")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return Plot(figure)


def _measure_words(measure):
    """A sweep measure in words, with its currency."""
    for currency, words in CURRENCY_WORDS.items():
        if measure == f"score_{currency}":
            return f"payoff per turn, {words}"
        if measure == f"wins_{currency}":
            return f"matches won per repetition, by {words}"
    return measure.replace("_", " ")


def negotiation_frame(negotiation):
    """A negotiation's results (`run_negotiation_file`) as a DataFrame: a
    row per pair of states ("pair" is "A vs B"), its summary flattened
    into columns (rates of agreement, ratification, compliance, withdrawal,
    cooperation, shares and each state's payoffs per round in every
    currency, named by the path of the field, "payoffs.0.policy", ...)."""
    pandas = _pandas()
    pairs = negotiation["pairs"]
    frame = pandas.json_normalize([pair["summary"] for pair in pairs])
    frame.index = pandas.Index([" vs ".join(pair["states"]) for pair in pairs], name="pair")
    return frame


def regime_frame(regime):
    """A regime tournament's ranking (`run_regime_file`) as a DataFrame: a
    row per entrant, best first by the currency it was ranked by, with its
    payoffs per round in every currency and cooperation rate."""
    pandas = _pandas()
    frame = pandas.json_normalize(regime["ranking"])
    return frame.set_index("name") if "name" in frame.columns else frame


def society_frame(society):
    """A society's sweep (`run_society_file`) as a DataFrame: a row per
    (q, mu) point with the share of good reputations, cooperation, the
    payoff per interaction in every currency and, where the analytic anchor
    applies, its values."""
    pandas = _pandas()
    return pandas.json_normalize(society["points"])


# Thresholds and the paradox of politicization.


def _threshold_curve(political_weight, game, points):
    """(pi values, grim thresholds, tft thresholds) of the blended game over
    politicization 0..1, NaN where no delta below 1 sustains cooperation."""
    from . import _twolevel

    if not isinstance(points, int) or points < 2:
        raise ValueError(f"invalid `points`: {points!r} is not an integer of at least 2")
    pis = [k / (points - 1) for k in range(points)]
    grim, tft = [], []
    for pi in pis:
        values = _twolevel.thresholds(game=game, political_weight=political_weight, politicization=pi)
        grim.append(math.nan if values["grim"] is None else values["grim"])
        tft.append(math.nan if values["tft"] is None else values["tft"])
    return pis, grim, tft


def thresholds_frame(political_weight=0.5, game=None, points=101):
    """The cooperation thresholds of the blended game (`thresholds`) over
    politicization pi from 0 to 1 in `points` steps, for a player of
    `political_weight` w in the two-level `game` (a dict of a tournament
    file's `game` block; the default game without one), as a DataFrame
    indexed by "politicization" with the columns "grim" and "tft": the
    smallest continuation probability delta that sustains cooperation
    against grim trigger and tit for tat (NaN where none below 1 does)."""
    pandas = _pandas()
    pis, grim, tft = _threshold_curve(political_weight, game, points)
    return pandas.DataFrame(
        {"grim": grim, "tft": tft}, index=pandas.Index(pis, name="politicization")
    )


def plot_thresholds(political_weight=0.5, game=None, points=101):
    """The U-shaped cooperation thresholds against politicization pi (see
    `thresholds_frame`) with the paradox of politicization marked: the pi
    that minimises the grim-trigger threshold
    (`paradox_of_politicization`)."""
    from . import _twolevel

    pis, grim, tft = _threshold_curve(political_weight, game, points)
    paradox = _twolevel.paradox_of_politicization(game=game, political_weight=political_weight)
    figure = _figure(7.0, 4.5)
    axes = figure.add_subplot()
    axes.plot(pis, grim, label="against grim trigger")
    axes.plot(pis, tft, label="against tit for tat", linestyle="--")
    axes.plot(
        [paradox["pi_min"]],
        [paradox["threshold_min"]],
        marker="o",
        linestyle="none",
        color="black",
        label=f"lowest: pi = {paradox['pi_min']:.2f}",
    )
    axes.set_xlim(0.0, 1.0)
    axes.set_xlabel("politicization pi")
    axes.set_ylabel("smallest continuation probability delta")
    axes.set_title(f"Cooperation thresholds at political weight w = {political_weight:g}")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return Plot(figure)


def results_html(results):
    """The HTML Jupyter shows for a round robin's results: a heading and
    the ranking frame with pandas, else the ranking table's text."""
    import html

    heading = (
        f"<p><b>{html.escape(results.name)}</b>: {len(results.names)} players, "
        f"{results.repetitions} repetitions, seed {results.seed}, ranked by "
        f"{html.escape(results.metric)}; payoffs per turn in each currency</p>"
    )
    try:
        frame = ranking_frame(results)
    except ImportError:
        return heading + f"<pre>{html.escape(str(results))}</pre>"
    return heading + frame.to_html(float_format=lambda value: f"{value:.4f}")


# Regimes and societies.


def plot_regime(regime, currency="policy"):
    """A regime tournament's standings (`run_regime_file`): each entrant's
    payoff per round in `currency` as a bar, best first, with its
    cooperation rate written on the bar; the title gives the share of
    rounds in which the groups met their threshold and the welfare."""
    words = _currency(currency)
    standings = sorted(regime["standings"], key=lambda s: s["scores"][currency], reverse=True)
    names = [standing["name"] for standing in standings]
    figure = _figure(max(6.0, 0.7 * len(names) + 2.0), 4.5)
    axes = figure.add_subplot()
    bars = axes.bar(range(len(names)), [s["scores"][currency] for s in standings], width=0.7)
    for bar, standing in zip(bars, standings):
        axes.annotate(
            f"coop. {standing['cooperation_rate']:.2f}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom" if bar.get_height() >= 0 else "top",
            fontsize="small",
        )
    axes.axhline(0.0, color="grey", linewidth=0.8)
    axes.set_xticks(range(len(names)))
    axes.set_xticklabels(names, rotation=30, ha="right")
    axes.set_xlabel("entrant (best first)")
    axes.set_ylabel(f"payoff per round, {words}")
    axes.set_title(
        f"Groups met their threshold in {100 * regime['success_rate']:.1f}% of rounds; "
        f"welfare {regime['welfare']:.3f}"
    )
    return Plot(figure)


def plot_society(society, measure="cooperation"):
    """A society's sweep (`run_society_file`): `measure` ("cooperation",
    "good_share", or "policy_per_interaction", "political_per_interaction",
    "utility_per_interaction") against the assessment error mu, a line per
    monitoring q, with the analytic values dashed where the anchor
    applies."""
    points = society["points"]
    if not points or measure not in points[0]:
        known = ", ".join(sorted(k for k in (points[0] if points else {}) if not k.endswith("_se")))
        raise ValueError(f"invalid `measure`: unknown measure {measure!r}; expected one of {known}")
    figure = _figure(8.0, 4.5)
    axes = figure.add_subplot()
    analytic = {"cooperation": "analytic_cooperation", "good_share": "analytic_good_share"}.get(measure)
    for q in sorted({point["q"] for point in points}):
        line = sorted((p for p in points if p["q"] == q), key=lambda p: p["mu"])
        mus = [p["mu"] for p in line]
        errors = [p.get(f"{measure}_se") or 0.0 for p in line]
        drawn = axes.errorbar(mus, [p[measure] for p in line], yerr=errors, marker="o", capsize=3, label=f"q = {q:g}")
        if analytic and all(p.get(analytic) is not None for p in line):
            axes.plot(mus, [p[analytic] for p in line], linestyle="--", color=drawn[0].get_color(),
                      label=f"q = {q:g}, analytic")
    axes.set_xlabel("assessment error mu")
    label = measure.replace("_", " ")
    for currency, words in CURRENCY_WORDS.items():
        if measure == f"{currency}_per_interaction":
            label = f"payoff per interaction, {words}"
    axes.set_ylabel(label)
    axes.set_title(f"Society {society['society']}: {measure.replace('_', ' ')} by monitoring q")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    return Plot(figure)
