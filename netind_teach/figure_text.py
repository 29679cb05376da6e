r"""Text alternatives for the course's figures: one function beside each plotting function.

Each ``describe_*`` function says in words what its namesake in :mod:`netind_teach.egodraw`
or :mod:`netind_teach.charts` draws: what is plotted, the main values or trend, and
"synthetic" where the title says the data are. The drawing functions :func:`attach` the
text to the Axes they draw on; :func:`description_of` gathers it for a whole figure (from
the Axes' titles and labels when nothing was attached); :func:`figure_html` is the
``text/html`` form of a figure that IPython shows instead of a bare PNG, an ``<img>``
whose ``alt`` is that text (JupyterLab and nbconvert give a PNG output no text
alternative). Widgets pass the same text to :func:`netind_teach.a11y.describe_image`.

Importing this module does not import matplotlib.

Examples
--------
>>> text = describe_distribution({"1985": {0: 10, 1: 30}, "2004": {0: 25, 1: 15}}, title="GSS")
>>> print(text.replace(". ", ".\n").replace("; ", ";\n"))
Bar chart "GSS": % of respondents by number of confidants named.
1985: 25% named 0, 75% named 1;
2004: 62% named 0, 38% named 1.
"""

from __future__ import annotations

import base64
import contextlib
import html
import importlib
import sys
import weakref
from collections.abc import Hashable, Mapping, Sequence
from typing import Any, TypeVar

import networkx as nx

from netind_teach import egonet
from netind_teach.vocab import EGO, TYPES  # noqa: F401  (TYPES: used in an example)

__all__ = [
    "attach",
    "describe_axes",
    "describe_distribution",
    "describe_ego",
    "describe_model_panel",
    "describe_series",
    "describe_timeline",
    "describe_typology",
    "description_of",
    "figure_html",
    "register_figure_html",
]

_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()

_AxesT = TypeVar("_AxesT")  # attach returns the very Axes it was given


def _titled(kind: str, title: str | None) -> str:
    title = " ".join(str(title or "").split())
    return f'{kind} "{title}"' if title else kind


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2g}"


def attach(ax: _AxesT, text: str) -> _AxesT:
    """Remember ``text`` as the description of what is drawn on ``ax``; return ``ax``.

    In IPython this also puts :func:`figure_html` back in place, should the inline
    backend have started (and dropped it) in the same cell.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The Axes drawn on.
    text : str
        Its description, read by :func:`description_of`.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax`` itself, so a plotting function can ``return attach(ax, text)``.
    """
    _TEXTS[ax] = text
    if _HOOKED:
        register_figure_html()
    return ax


def describe_ego(G: nx.Graph, ego: Hashable = EGO, *, title: str | None = None) -> str:
    r"""Return what :func:`netind_teach.egodraw.draw_ego` draws, in one or two sentences.

    Parameters
    ----------
    G : networkx.Graph
        The ego network; ties may carry ``kind``, alters ``place``.
    ego : node
        The focal person.
    title : str, optional
        The drawing's title.

    Returns
    -------
    str
        The number of alters, the ties among them by kind, their density, and how many
        live at a distance.

    Examples
    --------
    >>> G = nx.Graph([("ego", a) for a in "abcd"] + [("a", "b"), ("c", "d", {"kind": "weak"})])
    >>> G.nodes["d"]["place"] = "distant"
    >>> print(describe_ego(G, title="Four friends (synthetic)").replace("; ", ";\n"))
    Network drawing "Four friends (synthetic)": ego in the centre and 4 alters;
    2 ties among the alters (1 strong, 1 weak), density 0.33;
    1 of 4 alters live at a distance (squares).
    """
    group = egonet.alters(G, ego)
    place = {a: i for i, a in enumerate(group)}
    adjacency = dict(G.adjacency())  # each node's own {neighbour: tie data}: no view per tie
    kinds: dict[str, int] = {}
    for i, u in enumerate(group):
        for v, data in adjacency[u].items():
            if place.get(v, -1) > i:  # each tie among the alters once
                kind = data.get("kind", "strong")
                kinds[kind] = kinds.get(kind, 0) + 1
    ties = sum(kinds.values())
    possible = len(group) * (len(group) - 1) // 2
    density = ties / possible if possible else 0.0
    split = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    text = f"{_titled('Network drawing', title)}: ego in the centre and {len(group)} alters; "
    text += f"{ties} ties among the alters" + (f" ({split})" if split else "")
    text += f", density {density:.2f}"
    distant = sum(G.nodes[a].get("place") == "distant" for a in group)
    if distant:
        text += f"; {distant} of {len(group)} alters live at a distance (squares)"
    return text + "."


def describe_model_panel(graphs: Mapping[str, nx.Graph], *, ego: Hashable = EGO) -> str:
    r"""Return what :func:`netind_teach.egodraw.draw_model_panel` draws: one drawing per panel.

    Parameters
    ----------
    graphs : mapping of str to networkx.Graph
        Panel title -> ego network, in the panel's order.
    ego : node
        The focal person of every network.

    Returns
    -------
    str
        How many drawings side by side, then :func:`describe_ego` of each, in order.

    Examples
    --------
    >>> G = nx.Graph([("ego", "a"), ("ego", "b"), ("a", "b")])
    >>> print(describe_model_panel({"boxes": G}).replace(". ", ".\n").replace("; ", ";\n"))
    1 network drawing side by side.
    Network drawing "boxes": ego in the centre and 2 alters;
    1 ties among the alters (1 strong), density 1.00.
    """
    count = len(graphs)
    drawings = " ".join(describe_ego(G, ego, title=name) for name, G in graphs.items())
    return f"{count} network drawing{'s' if count != 1 else ''} side by side. {drawings}"


def describe_timeline(events: Sequence[tuple[int, str]], *, title: str | None = None) -> str:
    r"""Return what :func:`netind_teach.charts.draw_timeline` draws: every dated step, in order.

    Parameters
    ----------
    events : sequence of (int, str)
        (year, what happened), as drawn; line breaks in the text are read as spaces.
    title : str, optional
        The timeline's title.

    Returns
    -------
    str

    Examples
    --------
    >>> describe_timeline([(2000, "the term\ncoined")], title="Origins")
    'Timeline "Origins": 2000: the term coined.'
    """
    steps = " ".join("; ".join(f"{year}: {text}" for year, text in events).split())
    return f"{_titled('Timeline', title)}: {steps}."


def describe_series(
    series: Sequence[tuple[str, Sequence[Any], Sequence[float]]],
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
) -> str:
    """Return what :func:`netind_teach.charts.plot_series` draws: each line's first and last point.

    Parameters
    ----------
    series : sequence of (str, sequence, sequence of float)
        (label, x values, y values) of each line; NaN values are skipped.
    title : str, optional
        The chart's title.
    xlabel, ylabel : str, optional
        What the horizontal and vertical axes measure.

    Returns
    -------
    str
        What is measured, then per line whether it rises, falls or stays, from its first
        to its last point.

    Examples
    --------
    >>> describe_series([("adults", [2000, 2010, 2020], [10, 40, 70])], title="Use",
    ...                 xlabel="year", ylabel="%")
    'Line chart "Use": % by year. adults rises from 10 in 2000 to 70 in 2020 (3 points).'
    """
    measured = f"{ylabel or 'value'} by {xlabel or 'x'}"
    lines = []
    for label, xs, ys in series:
        points = [(x, y) for x, y in zip(xs, ys, strict=False) if y == y]  # drop NaN
        if not points:
            continue
        (x0, y0), (x1, y1) = points[0], points[-1]
        trend = "rises" if y1 > y0 else "falls" if y1 < y0 else "stays"
        lines.append(
            f"{label} {trend} from {_number(y0)} in {x0} to {_number(y1)} in {x1} "
            f"({len(points)} points)"
        )
    return f"{_titled('Line chart', title)}: {measured}. " + "; ".join(lines) + "."


def describe_distribution(
    distributions: Mapping[str, Mapping[int, float]],
    *,
    title: str | None = None,
    xlabel: str = "number of confidants named",
) -> str:
    """Return what :func:`netind_teach.charts.plot_distribution` draws: each group's shares.

    See the module's example.

    Parameters
    ----------
    distributions : mapping of str to mapping of int to float
        Group label -> ``{number named: respondents}`` (or shares).
    title : str, optional
        The chart's title.
    xlabel : str
        What the horizontal axis counts.

    Returns
    -------
    str
        Per group, the percent of respondents at each number named.
    """
    groups = []
    for label, counts in distributions.items():
        total = sum(counts.values()) or 1.0
        shares = ", ".join(f"{100 * counts[k] / total:.0f}% named {k}" for k in sorted(counts))
        groups.append(f"{label}: {shares}")
    return (
        f"{_titled('Bar chart', title)}: % of respondents by {xlabel}. " + "; ".join(groups) + "."
    )


def describe_typology(
    table: Mapping[str, Mapping[str, float]],
    groups: Sequence[str],
    types: Sequence[str],
    *,
    title: str | None = None,
) -> str:
    """Return what :func:`netind_teach.charts.plot_typology` draws: each group's types in %.

    Parameters
    ----------
    table : mapping of str to mapping of str to float
        Group -> type -> share (any scale: each group's values are turned into percent).
    groups : sequence of str
        The groups described, in order.
    types : sequence of str
        The types, in the order of the stacks.
    title : str, optional
        The chart's title.

    Returns
    -------
    str
        Per group, the percent of each type.

    Examples
    --------
    >>> describe_typology({"65+": {"networked": 1, "limited": 3}}, ["65+"], TYPES[::2])
    'Stacked bars: share of each type by group. 65+: networked 25%, limited 75%.'
    """
    rows = []
    for g in groups:
        total = sum(float(v) for v in table[g].values()) or 1.0
        shares = ", ".join(f"{t} {100 * float(table[g].get(t, 0)) / total:.0f}%" for t in types)
        rows.append(f"{g}: {shares}")
    return (
        f"{_titled('Stacked bars', title)}: share of each type by group. " + "; ".join(rows) + "."
    )


def describe_axes(ax: Any) -> str:
    """Return a description of any Axes from its title, axes, named categories and key (a fallback).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Any Axes.

    Returns
    -------
    str
        What its title, axis labels, named categories and legend say.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.barh([0, 1], [30, 60], label="2023"); _ = ax.set_yticks([0, 1], ["kin", "friends"])
    >>> _ = ax.set(title="Ties", xlabel="% of adults"); _ = ax.legend()
    >>> describe_axes(ax)
    'Chart "Ties": horizontal axis % of adults; categories kin, friends; key: 2023.'
    """
    title = ax.get_title() or ax.get_title("left")
    parts = []
    for name, label in (("horizontal", ax.get_xlabel()), ("vertical", ax.get_ylabel())):
        if label:
            parts.append(f"{name} axis {' '.join(label.split())}")
    for ticks in (ax.get_xticklabels(), ax.get_yticklabels()):
        names = [" ".join(t.get_text().split()) for t in ticks]
        words = [n for n in names if n and not _is_number(n)]
        if words:
            parts.append("categories " + ", ".join(words))
    legend = ax.get_legend()
    keys = [t.get_text() for t in legend.get_texts() if t.get_text()] if legend else []
    text = _titled("Chart", title) + (": " + "; ".join(parts) if parts else "")
    return text + (f"; key: {', '.join(keys)}" if keys else "") + "."


def _is_number(text: str) -> bool:
    try:
        float(text.replace("\N{MINUS SIGN}", "-").rstrip("%"))
    except ValueError:
        return False
    return True


def description_of(figure: Any) -> str:
    """Return the text alternative of a whole figure: what its Axes hold, in order.

    Axes described by a plotting function use that text; others are described from
    their titles and labels; empty Axes (no title, labels or drawing) are left out.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure.

    Returns
    -------
    str
        The figure's title (if any) and each Axes' description, joined; empty when
        nothing is described.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = attach(fig.add_subplot(), "A drawing of ego and 3 alters.")
    >>> description_of(fig)
    'A drawing of ego and 3 alters.'
    """
    parts = []
    for ax in figure.axes:
        text = _TEXTS.get(ax)
        if text is None and (ax.get_title() or ax.get_xlabel() or ax.get_ylabel()):
            text = describe_axes(ax)
        if text:
            parts.append(text)
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        parts.insert(0, f"{suptitle.get_text()}.")
    return " ".join(parts)


def figure_html(figure: Any) -> str | None:
    """Return a figure as ``<img alt=... src=data:...>``; ``None`` when it has no description.

    The PNG is rendered once (:func:`netind_teach.rendering.figure_png`, cropped to what
    is drawn as the inline backend does) and kept for the ``image/png`` copy of the same
    output, which IPython asks for next: a figure in a cell's output is not drawn twice.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure.

    Returns
    -------
    str or None
        An ``<img>`` whose ``alt`` is :func:`description_of` and whose source is the PNG;
        None when the figure has no Axes or no description.
    """
    description = description_of(figure)
    if not description or not figure.axes:
        return None
    png = _display_png(figure)
    _RENDERED[figure] = png
    figure.stale = False  # (saving left it marked stale) any change from now on marks it
    data = base64.b64encode(png).decode("ascii")
    return (
        f'<img class="netind-figure" alt="{html.escape(description)}" '
        f'src="data:image/png;base64,{data}">'
    )


# Figures whose PNG figure_html has just rendered: the image/png formatter reuses it.
_RENDERED: weakref.WeakKeyDictionary[Any, bytes] = weakref.WeakKeyDictionary()


def _display_png(figure: Any) -> bytes:
    from netind_teach import rendering  # lazy: it imports matplotlib when called

    # A figure with a layout engine (constrained, tight) already fits its contents: it
    # is rendered at its final size. Others are cropped to what is drawn, as the inline
    # backend does (one more layout pass).
    return rendering.figure_png(figure, tight=figure.get_layout_engine() is None)


def _figure_png_base64(figure: Any) -> str | None:
    """Return the ``image/png`` of a figure in a cell's output: the PNG figure_html rendered.

    Rendered again only when the figure changed since (matplotlib marks it stale) or
    figure_html did not run (no description, or HTML not asked for).
    """
    png = _RENDERED.pop(figure, None)
    if png is None or figure.stale:
        if not figure.axes and not figure.lines:
            return None
        png = _display_png(figure)
    return base64.b64encode(png).decode("ascii")


def register_figure_html() -> bool:
    """In IPython, show matplotlib figures through :func:`figure_html`; True if done.

    The PNG stays in the output too, for front ends that show no HTML. The inline
    backend drops every figure formatter when it starts (at the first figure, or on
    ``%matplotlib``), so before each cell, once pyplot is imported, the backend is
    started and the formatter put back, and again after each cell, before the backend
    shows the cell's figures.

    Returns
    -------
    bool
        True when running in IPython and the formatter is in place, False otherwise.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    _use_figure_html(shell)
    if id(shell) not in _HOOKED:
        _HOOKED.add(id(shell))
        shell.events.register("pre_execute", lambda: _use_figure_html(shell))
        shell.events.register("post_execute", lambda: _use_figure_html(shell))
    return True


_HOOKED: set[int] = set()


def _use_figure_html(shell: Any) -> None:
    inline = "matplotlib_inline.backend_inline"
    if "matplotlib.pyplot" in sys.modules and inline not in sys.modules:
        with contextlib.suppress(Exception):  # importing it starts the inline backend
            importlib.import_module(inline)
    formatters = shell.display_formatter.formatters
    formatters["text/html"].for_type_by_name("matplotlib.figure", "Figure", figure_html)
    figure_module = sys.modules.get("matplotlib.figure")
    if figure_module is not None:  # replaces the inline backend's own PNG printer
        formatters["image/png"].for_type(figure_module.Figure, _figure_png_base64)
    else:
        formatters["image/png"].for_type_by_name("matplotlib.figure", "Figure", _figure_png_base64)
