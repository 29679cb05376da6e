"""Charts of the course: series over time, distributions, the typology's bars, a timeline.

:func:`plot_series` (adoption curves and other series, with their source, hollow points
for secondary sources, the survey's mode changes), :func:`plot_distribution` (e.g. the
GSS's confidants in 1985 and 2004), :func:`plot_typology` (types per age group, stacked)
and :func:`draw_timeline` (where the term *networked individualism* comes from). Each
takes an optional ``ax``, returns it, and attaches its text alternative
(:mod:`netind_teach.figure_text`). Colours and fonts are in :mod:`netind_teach.plotting`.

Importing this module does not import matplotlib: each function imports it when called.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ax = plot_series({"illustrative": {2000: 10, 2010: 40, 2020: 70}}, title="An example")
>>> ax.get_title()
'An example'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from netind_teach import confidants, figure_text
from netind_teach.plotting import (
    FONT,
    GREY,
    INK,
    PALETTE,
    SERIES_HATCHES,
    TYPE_COLORS,
    TYPE_HATCHES,
    legend_marker,
    new_axes,
)
from netind_teach.vocab import AGE_GROUPS, TYPES

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

__all__ = ["TIMELINE", "draw_timeline", "plot_distribution", "plot_series", "plot_typology"]

#: Where the term comes from: (year, what happened), as facts.md states it.
TIMELINE: tuple[tuple[int, str], ...] = (
    (1960, "1960s: the shift from groups to\nnetworks begins, before the\ninternet (Wellman 2002)"),
    (2000, "2000: Barry Wellman\ncoins the term"),
    (2001, "2001: first published, by\nManuel Castells and\nBarry Wellman"),
    (2002, "2002: Wellman's three\nmodels of community"),
    (2012, "2012: Rainie & Wellman,\nNetworked: The New Social\nOperating System"),
)
_TIMELINE_TITLE = 'Where "networked individualism" comes from'

# One line of plot_series: (label, xs, ys, tags), the values as the caller's data holds them
# (numbers, pandas' NA, source tags), read by matplotlib, _number and _is_secondary.
_Series: TypeAlias = tuple[str, list[Any], list[Any], list[Any]]


def _series_from(
    data: Any, x: str | None, y: str | Sequence[str] | None, by: str | None, tag: str | None
) -> list[_Series]:
    """Normalise the inputs of :func:`plot_series` to (label, xs, ys, tags) tuples."""
    out: list[_Series] = []
    if hasattr(data, "columns"):  # a pandas DataFrame
        if x is None or y is None:
            raise ValueError(
                "With a DataFrame, name the columns: plot_series(df, x='year', y='percent')."
            )
        for col in [
            x,
            *([y] if isinstance(y, str) else y),
            *([by] if by else []),
            *([tag] if tag else []),
        ]:
            if col not in data.columns:
                raise KeyError(
                    f"Column {col!r} is not in the data; columns are {list(data.columns)}."
                )
        ys = [y] if isinstance(y, str) else list(y)
        if by is not None:
            parts = [(str(k), data[data[by] == k]) for k in dict.fromkeys(data[by])]
            for label, part in parts:
                for col in ys:
                    name = label if len(ys) == 1 else f"{label}: {col}"
                    out.append(
                        (name, list(part[x]), list(part[col]), list(part[tag]) if tag else [])
                    )
        else:
            for col in ys:
                out.append((col, list(data[x]), list(data[col]), list(data[tag]) if tag else []))
        return out
    if isinstance(data, Mapping):
        for label, values in data.items():
            if hasattr(values, "index") and hasattr(values, "to_numpy"):  # a pandas Series
                xs, ys_ = list(values.index), list(values.to_numpy())
            elif isinstance(values, Mapping):
                xs, ys_ = list(values.keys()), list(values.values())
            else:
                pairs = list(values)
                xs, ys_ = [p[0] for p in pairs], [p[1] for p in pairs]
            out.append((str(label), xs, ys_, []))
        return out
    raise TypeError(
        "plot_series takes a DataFrame (with x= and y= column names) or a mapping "
        "{label: Series or {x: y}}."
    )


def _number(value: Any) -> float:
    """Return a y value as a float; missing values (None, NaN, pandas' NA) become NaN."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _is_secondary(tag: Any) -> bool:
    return str(tag).strip().strip("[]").upper() == "S"


def plot_series(
    data: Any,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    *,
    by: str | None = None,
    tag: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    source: str | None = None,
    mode_change: Any = None,
    mode_label: str = "survey mode changed",
) -> Axes:
    """Plot one or more series over time, e.g. adoption curves, with their source.

    Points whose ``tag`` is ``"S"`` / ``"[S]"`` (seen only in a secondary source) are
    drawn hollow, ``"P"`` points filled, and the legend says so.

    Parameters
    ----------
    data : DataFrame or mapping
        A DataFrame with columns ``x`` and ``y`` (``y`` may list several columns; ``by``
        splits rows into series), or a mapping ``{label: Series or {x: y}}``.
    x, y, by, tag : str, optional
        Column names (DataFrame only); ``tag`` holds "P"/"S".
    ax : Axes, optional
        Where to draw.
    title, xlabel, ylabel : str, optional
        Text of the plot.
    source : str, optional
        Source footnote, printed under the axes.
    mode_change : x value or list of them, optional
        Where the survey's method changed: a dashed vertical line labelled
        ``mode_label`` (e.g. Pew's move from phone to web/mail in 2023).
    mode_label : str
        Label of the ``mode_change`` line.

    Returns
    -------
    Axes
        The Axes drawn on, with its text alternative attached
        (:func:`netind_teach.figure_text.describe_series`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_series({"illustrative": {2000: 10, 2010: 40, 2020: 70}},
    ...                  title="An example", source="synthetic numbers", mode_change=2015)
    >>> ax.get_title(), len(ax.lines)
    ('An example', 2)
    """
    series = _series_from(data, x, y, by, tag)
    ax = new_axes(ax, (9, 5.5))
    any_secondary = False
    drawn = []
    for i, (label, xs, raw, tags) in enumerate(series):
        ys = [_number(v) for v in raw]
        drawn.append((label, xs, ys))
        color = PALETTE[i % len(PALETTE)]
        ax.plot(xs, ys, color=color, linewidth=2.2, label=label, zorder=2)
        hollow = [_is_secondary(t) for t in tags] if tags else [False] * len(xs)
        any_secondary = any_secondary or any(hollow)
        for is_hollow in (False, True):
            pick = [j for j, h in enumerate(hollow) if h == is_hollow]
            if pick:
                ax.scatter(
                    [xs[j] for j in pick],
                    [ys[j] for j in pick],
                    s=46,
                    zorder=3,
                    facecolors="white" if is_hollow else color,
                    edgecolors=color,
                    linewidths=1.8,
                )
    for value in _as_list(mode_change):
        ax.axvline(value, color=INK, linestyle="--", linewidth=1.2, zorder=1)
        ax.annotate(
            mode_label,
            (value, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(-4, -4),
            textcoords="offset points",
            rotation=90,
            ha="right",
            va="top",
            fontsize=FONT["note"],
            color=INK,
        )
    _finish(ax, title, xlabel if xlabel is not None else x, ylabel, source)
    figure_text.attach(
        ax,
        figure_text.describe_series(
            drawn, title=title, xlabel=xlabel if xlabel is not None else x, ylabel=ylabel
        ),
    )
    if len(series) > 1 or any_secondary:
        handles, _ = ax.get_legend_handles_labels()
        if any_secondary:
            handles += _tag_handles()
        labels = [str(h.get_label()) for h in handles]
        ax.legend(
            handles=handles, loc=_clear_corner(ax, labels), fontsize=FONT["legend"], frameon=False
        )
    return ax


_Corner: TypeAlias = Literal["upper right", "upper left", "lower left", "lower right", "best"]
# The corners in the order matplotlib's loc="best" tries them.
_CORNERS: tuple[_Corner, ...] = ("upper right", "upper left", "lower left", "lower right")


def _clear_corner(ax: Axes, labels: Sequence[str]) -> _Corner:
    """Return the first corner where a legend of ``labels`` would cover no line or point.

    What ``loc="best"`` finds, worked out once from the data instead of at every draw
    (matplotlib searches again at each draw and twice more when the picture is cropped):
    the legend's size is estimated from its rows and longest label (generously:
    matplotlib's spacing plus a margin), each line is sampled along its segments, and
    the corners are tried in ``"best"``'s order. ``"best"`` itself when no corner is
    clear, as on lesson 03's adoption chart, whose survey-mode line crosses every
    corner: there the search stays (fixing it once costs as much as it saves).
    """
    import numpy as np

    wide, high = ax.bbox.width / ax.figure.dpi, ax.bbox.height / ax.figure.dpi  # inches
    em = FONT["legend"] / 72  # inches
    longest = max((len(label) for label in labels), default=0)
    width = (0.5 + 0.4 + 2.0 + 0.8 + 0.62 * longest + 0.4) * em / wide + 0.03
    height = (0.5 + 0.4 + 1.7 * len(labels) + 0.4) * em / high + 0.03
    to_axes = ax.transAxes.inverted()
    points = []
    for line in ax.lines:
        xy = to_axes.transform(line.get_transform().transform(line.get_xydata()))
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy) > 1:  # 20 samples along each segment: a line may cross a corner
            steps = np.linspace(0.0, 1.0, 20)[:, None, None]
            xy = (xy[:-1] + steps * (xy[1:] - xy[:-1])).reshape(-1, 2)
        points.append(xy)
    for collection in ax.collections:
        offsets = collection.get_offset_transform().transform(collection.get_offsets())
        points.append(to_axes.transform(offsets))
    found = np.concatenate(points) if points else np.empty((0, 2))
    x, y = found[:, 0], found[:, 1]
    for corner in _CORNERS:
        xs = x > 1 - width if "right" in corner else x < width
        ys = y > 1 - height if "upper" in corner else y < height
        if not (xs & ys).any():
            return corner
    return "best"


def _tag_handles() -> list[Artist]:
    return [
        legend_marker("[P] primary source", INK, size=8),
        legend_marker("[S] secondary source only", "white", size=8),
    ]


def _as_list(value: Any) -> list[float]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _finish(
    ax: Axes, title: str | None, xlabel: str | None, ylabel: str | None, source: str | None
) -> None:
    if title is not None:
        ax.set_title(title, fontsize=FONT["title"])
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=FONT["label"])
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=FONT["label"])
    ax.tick_params(labelsize=FONT["tick"])
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if source:
        ax.annotate(
            f"Source: {source}",
            (0, 0),
            xycoords="axes fraction",
            xytext=(0, -42),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize=FONT["note"],
            color="#555555",
            annotation_clip=False,
        )


def plot_distribution(
    distributions: Mapping[str, Any],
    *,
    ax: Axes | None = None,
    share: bool = True,
    title: str | None = None,
    source: str | None = None,
    top_label: str | None = None,
    xlabel: str = "number of confidants named",
) -> Axes:
    """Compare distributions of confidants (e.g. GSS 1985 vs 2004) as grouped bars.

    Parameters
    ----------
    distributions : mapping
        ``{label: counts}``, each counts as accepted by
        :func:`netind_teach.confidants.share_none` (``{0: 136, 1: 228, ...}``).
    ax : Axes, optional
        Where to draw.
    share : bool
        Plot percentages of each distribution's total (default) instead of counts.
    title, source : str, optional
        Title, and the source footnote.
    top_label : str, optional
        Tick label of the largest number (the survey's top category); default
        ``"<n> (top)"``.
    xlabel : str
        Label of the x axis.

    Returns
    -------
    Axes
        The Axes drawn on, with its text alternative attached
        (:func:`netind_teach.figure_text.describe_distribution`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_distribution({"then": {0: 1, 1: 3, 2: 4}, "now": {0: 3, 1: 3, 2: 2}})
    >>> len(ax.patches), ax.get_xticklabels()[-1].get_text()
    (6, '2 (top)')
    """
    if not distributions:
        raise ValueError("distributions is empty: give {label: counts}.")
    dists = {str(k): confidants.as_counts(v) for k, v in distributions.items()}
    keys = sorted(set().union(*dists.values()))
    ax = new_axes(ax, (9, 5.5))
    width = 0.8 / len(dists)
    for i, (label, counts) in enumerate(dists.items()):
        total = sum(counts.values())
        heights = [counts.get(k, 0.0) * (100.0 / total if share else 1.0) for k in keys]
        offsets = [k + (i - (len(dists) - 1) / 2) * width for k in keys]
        ax.bar(
            offsets,
            heights,
            width=width,
            label=label,
            color=PALETTE[i % len(PALETTE)],
            edgecolor=INK,
            linewidth=0.6,
            hatch=SERIES_HATCHES[i % len(SERIES_HATCHES)],
        )
    ax.set_xticks(keys)
    names = [str(k) for k in keys]
    names[-1] = top_label if top_label is not None else f"{keys[-1]} (top)"
    ax.set_xticklabels(names)
    _finish(ax, title, xlabel, "% of respondents" if share else "respondents", source)
    ax.legend(fontsize=FONT["legend"], frameon=False)
    return figure_text.attach(
        ax, figure_text.describe_distribution(dists, title=title, xlabel=xlabel)
    )


def plot_typology(
    data: Any,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    types: Sequence[str] = TYPES,
    groups: Sequence[str] | None = None,
    percent: bool = True,
    source: str | None = None,
    xlabel: str = "age group",
) -> Axes:
    """Draw the types per group (e.g. age group) as stacked bars.

    Parameters
    ----------
    data : DataFrame or mapping
        Counts or shares with one row per group and one column per type (e.g.
        ``pandas.crosstab(df["age_group"], df["type"])``), or ``{group: {type: value}}``.
    ax : Axes, optional
        Where to draw.
    title : str, optional
        Title; say "synthetic" in it when the data are synthetic.
    types : sequence of str
        Types in stacking order (bottom first).
    groups : sequence of str, optional
        Groups in display order; default the age groups of
        :data:`netind_teach.vocab.AGE_GROUPS` present in the data, then any others.
    percent : bool
        Scale each group to 100% (default).
    source : str, optional
        Source footnote.
    xlabel : str
        Label of the x axis.

    Returns
    -------
    Axes
        The Axes drawn on, with its text alternative attached
        (:func:`netind_teach.figure_text.describe_typology`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> data = {"under 35": {"networked": 4, "bounded": 2, "limited": 0},
    ...         "65+": {"networked": 13, "bounded": 13, "limited": 15}}
    >>> ax = plot_typology(data, title="Types by age group (synthetic)")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['under 35', '65+']
    """
    table = data.to_dict(orient="index") if hasattr(data, "to_dict") else dict(data)
    if not table:
        raise ValueError("data is empty: give counts per group and type.")
    if groups is None:
        groups = [g for g in AGE_GROUPS if g in table] + [g for g in table if g not in AGE_GROUPS]
    unknown = [g for g in groups if g not in table]
    if unknown:
        raise KeyError(f"Group(s) {unknown!r} are not in the data; it has {list(table)}.")
    ax = new_axes(ax, (8, 5.5))
    bottoms = [0.0] * len(groups)
    for t in types:
        values = [float(table[g].get(t, 0.0)) for g in groups]
        if percent:
            totals = [sum(float(v) for v in table[g].values()) or 1.0 for g in groups]
            values = [100.0 * v / tot for v, tot in zip(values, totals, strict=True)]
        bars = ax.bar(
            range(len(groups)),
            values,
            bottom=bottoms,
            label=t,
            color=TYPE_COLORS.get(t, GREY),
            edgecolor=INK,
            linewidth=0.6,
            hatch=TYPE_HATCHES.get(t, ""),
        )
        if percent:
            for bar, v in zip(bars, values, strict=True):
                if v >= 8:
                    ax.annotate(
                        f"{v:.0f}%",
                        (bar.get_x() + bar.get_width() / 2, bar.get_y() + v / 2),
                        ha="center",
                        va="center",
                        fontsize=FONT["note"] + 1,
                        color="white" if t == "networked" else INK,
                    )
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(list(groups))
    _finish(ax, title, xlabel, "% of people" if percent else "people", source)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=FONT["legend"], frameon=False)
    return figure_text.attach(ax, figure_text.describe_typology(table, groups, types, title=title))


def draw_timeline(ax: Axes | None = None) -> Axes:
    """Draw the timeline of the term (:data:`TIMELINE`) and return the Axes.

    Parameters
    ----------
    ax : Axes, optional
        Where to draw; default a new figure.

    Returns
    -------
    Axes
        The Axes drawn on, with its text alternative attached
        (:func:`netind_teach.figure_text.describe_timeline`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = draw_timeline()
    >>> ax.get_title()
    'Where "networked individualism" comes from'
    """
    ax = new_axes(ax, (11, 3.6))
    ax.axhline(0, color=INK, linewidth=1.5, zorder=1)
    # Where each label goes: (height of its stem, horizontal alignment).
    places = ((1.0, "center"), (1.0, "right"), (-1.0, "right"), (2.2, "left"), (-1.0, "center"))
    years = [year for year, _ in TIMELINE]
    # stems and dots as one artist each, not one per event: the same picture, drawn faster
    ax.vlines(years, 0, [height * 0.8 for height, _ in places], color=INK, linewidth=1, zorder=1)
    ax.scatter(years, [0] * len(years), s=60, color=PALETTE[0], zorder=2)
    for (year, text), (height, align) in zip(TIMELINE, places, strict=True):
        shift = {"right": -5, "left": 5, "center": 0}[align]
        ax.annotate(
            text,
            (year, height * 0.8),
            xytext=(shift, 4 if height > 0 else -4),
            textcoords="offset points",
            ha=align,
            va="top" if height < 0 else ("center" if align != "center" else "bottom"),
            fontsize=FONT["note"] + 1,
        )
    ax.set_xlim(1950, 2022)
    ax.set_ylim(-2.4, 3.0)
    ax.set_yticks([])
    ax.set_xticks([1960, 1970, 1980, 1990, 2000, 2010, 2020])
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(_TIMELINE_TITLE, fontsize=FONT["title"])
    return figure_text.attach(ax, figure_text.describe_timeline(TIMELINE, title=_TIMELINE_TITLE))
