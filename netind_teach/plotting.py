"""One visual language for the course: ego networks, model panels, series, distributions.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies; shapes and line styles repeat what colour says (distant
alters are squares, weak ties dashed, online ties dotted, secondary-source points
hollow), so a figure also reads in greyscale. Text is sized for a projector. Every
function takes an optional ``ax`` (or ``axes``) and returns it.

Importing this module does not import matplotlib: each function imports it when called.
Layouts are seeded; :func:`stable_layout` reuses the previous positions so a widget's
redraw is fast and the picture does not jump. Pass the positions back in yourself
(``pos = stable_layout(G, previous=pos)``): nothing is cached between calls.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from netind_teach import models, plotting
>>> G = models.networked_individual(seed=1)
>>> pos = plotting.stable_layout(G, seed=1)
>>> ax = plotting.draw_ego(G, pos=pos)
>>> ax.get_title()
'networked individualism'
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach import egonet, figure_text, models, simulate
from netind_teach.vocab import AGE_GROUPS, EGO, TYPES
from netind_teach.wording import all_of, plural

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "EGO_COLOR",
    "FONT",
    "KIND_STYLES",
    "PALETTE",
    "TYPE_COLORS",
    "circle_colors",
    "course_style",
    "draw_ego",
    "draw_model_panel",
    "plot_distribution",
    "plot_series",
    "plot_typology",
    "sampled_ties_note",
    "stable_layout",
]

#: Okabe & Ito (2008) colour-blind-safe palette, without black (kept for ego).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
)
#: Colour of the focal person.
EGO_COLOR = "#000000"
_GREY = "#999999"
_INK = "#333333"
#: Colour of each type of the typology.
TYPE_COLORS: dict[str, str] = {"networked": "#0072B2", "bounded": "#E69F00", "limited": _GREY}
_TYPE_HATCHES = {"networked": "", "bounded": "//", "limited": ".."}
#: Line style of each tie kind: (linestyle, linewidth).
KIND_STYLES: dict[str, tuple[str, float]] = {
    "strong": ("solid", 2.0),
    "weak": ("dashed", 1.2),
    "online": ("dotted", 1.6),
}
#: Font sizes, readable on a projector.
FONT: dict[str, float] = {"title": 16, "label": 14, "tick": 12, "legend": 12, "note": 10}
_SERIES_HATCHES = ("", "//", "..", "xx", "\\\\")
# In a notebook, figures show as an <img> with their description as alt text.
figure_text.register_figure_html()


def course_style() -> dict[str, Any]:
    """Return matplotlib settings for the course look (projector-sized text).

    Use them for a whole notebook, ``matplotlib.pyplot.rcParams.update(course_style())``,
    or for one figure, ``with matplotlib.rc_context(course_style()): ...``.

    Examples
    --------
    >>> course_style()["font.size"]
    14
    """
    return {
        "font.size": 14,
        "axes.titlesize": FONT["title"],
        "axes.labelsize": FONT["label"],
        "xtick.labelsize": FONT["tick"],
        "ytick.labelsize": FONT["tick"],
        "legend.fontsize": FONT["legend"],
        "axes.prop_cycle": _cycler(),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    }


def _cycler() -> Any:
    from cycler import cycler

    return cycler(color=list(PALETTE))


def _new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def circle_colors(labels: Any) -> dict[Any, str]:
    """Return a colour for each circle label, the same whatever other labels are present.

    The course's circle names (:data:`netind_teach.models.CIRCLE_NAMES`) have fixed
    colours and the little-boxes group is grey; a label ending in a number ("household 3",
    "group 12") takes the colour of that number among those the named circles leave free;
    other labels take colours nobody uses yet, in sorted order, before any colour repeats.
    A slider that moves alters from one circle to another therefore never repaints the
    circles that stay. The result is in display order
    (the box, the named circles, then by number or name), ready for a legend.

    Examples
    --------
    >>> colors = circle_colors(["work", "local group", "kin"])
    >>> colors["kin"] == PALETTE[0], colors["local group"]
    (True, '#999999')
    """
    out: dict[Any, str] = {}
    numbered: list[tuple[Any, int]] = []
    others = []
    for label in dict.fromkeys(labels):
        text = str(label)
        number = re.search(r"(\d+)$", text)
        if text == models.BOX:
            out[label] = _GREY
        elif text in models.CIRCLE_NAMES:
            out[label] = PALETTE[models.CIRCLE_NAMES.index(text) % len(PALETTE)]
        elif text == "own household":
            out[label] = PALETTE[0]
        elif number:
            numbered.append((label, int(number.group(1))))
        else:
            others.append(label)
    # numbered circles keep the colour of their number among those the named ones leave
    free = [c for c in PALETTE if c not in out.values()] or list(PALETTE)
    for label, number in numbered:
        out[label] = free[(number - 1) % len(free)]
    # any other label takes a colour nobody uses yet, before colours repeat
    unused = [c for c in PALETTE if c not in out.values()] or free
    for i, label in enumerate(sorted(others, key=str)):
        out[label] = unused[i % len(unused)]
    return dict(sorted(out.items(), key=lambda item: _label_order(item[0])))


def _label_order(label: Any) -> tuple[int, int, str]:
    """Display order of circle labels: the box, the named circles, then by number or name."""
    text = str(label)
    number = re.search(r"(\d+)$", text)
    if text == models.BOX:
        return (0, 0, "")
    if text in models.CIRCLE_NAMES:
        return (1, models.CIRCLE_NAMES.index(text), "")
    if text == "own household":
        return (2, 0, "")
    if number:
        return (3, int(number.group(1)), text)
    return (4, 0, text)


def stable_layout(
    G: nx.Graph,
    seed: int = 0,
    previous: Mapping[Hashable, Sequence[float]] | None = None,
    *,
    ego: Hashable = EGO,
    iterations: int = 50,
) -> dict[Hashable, tuple[float, float]]:
    """Return seeded node positions that keep every node of ``previous`` where it was.

    Without ``previous``: a spring layout (``networkx.spring_layout``, seeded) moved so
    that ego (when present, else the centre of mass) is at (0, 0) and scaled so the
    farthest node is at distance 1. With ``previous``: nodes found there keep their
    positions exactly and only new nodes are placed, beside their placed neighbours
    (a spring layout with the old nodes held fixed); when no node is new, nothing is
    computed. A widget therefore passes each result back as ``previous`` and its picture
    never jumps: only ties and colours change. For a slider over
    :func:`netind_teach.models.community_continuum`, lay out the ``p=1`` network once
    (its circles show) and draw every ``p`` on those positions.

    Parameters
    ----------
    G : networkx.Graph
        The graph to lay out (e.g. an ego network).
    seed : int
        Seed of the layout.
    previous : mapping, optional
        Positions from an earlier call (or any positions to keep).
    ego : node
        Node put at the centre of a new layout (ignored if absent).
    iterations : int
        Spring-layout iterations.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(5)
    >>> pos = stable_layout(G, seed=1, ego=0)
    >>> pos[0]
    (0.0, 0.0)
    >>> stable_layout(G, seed=1, ego=0) == pos
    True
    >>> G.add_edge(5, 6)
    >>> grown = stable_layout(G, seed=1, previous=pos, ego=0)
    >>> all(grown[n] == pos[n] for n in pos), 6 in grown
    (True, True)
    """
    import numpy as np

    previous = previous or {}
    kept = {n: (float(previous[n][0]), float(previous[n][1])) for n in G if n in previous}
    if len(kept) == len(G):
        return kept
    if not kept:
        pos = nx.spring_layout(G, iterations=iterations, seed=seed)
        centre = pos[ego] if ego in G else np.mean(list(pos.values()), axis=0)
        coords = {n: np.asarray(xy) - centre for n, xy in pos.items()}
        farthest = max(float(np.hypot(*xy)) for xy in coords.values()) or 1.0
        return {n: (float(xy[0] / farthest), float(xy[1] / farthest)) for n, xy in coords.items()}
    rng = np.random.default_rng(seed)
    start = {n: np.asarray(xy) for n, xy in kept.items()}
    extent = max(float(np.ptp(np.array(list(kept.values())), axis=0).max()), 1e-3)
    for n in G:  # new nodes start beside their placed neighbours, or near the centre
        if n not in start:
            placed = [start[m] for m in G[n] if m in kept]
            centre = np.mean(placed, axis=0) if placed else np.zeros(2)
            start[n] = centre + rng.normal(0.0, 0.1 * extent, 2)
    pos = nx.spring_layout(G, pos=start, fixed=list(kept), iterations=iterations, seed=seed)
    placed = kept | {n: (float(xy[0]), float(xy[1])) for n, xy in pos.items() if n not in kept}
    return _ring_newcomers(G, placed, kept, ego, rng)


def _ring_newcomers(
    G: nx.Graph,
    pos: dict[Hashable, tuple[float, float]],
    kept: Mapping[Hashable, tuple[float, float]],
    ego: Hashable,
    rng: Any,
) -> dict[Hashable, tuple[float, float]]:
    """Put each new node that knows no placed node but ego on the ring of the others.

    It goes at the kept nodes' median distance from the centre (1 when only the centre is
    kept), in the middle of the widest gap between them: a person added to a builder is
    drawn like everyone else, not at the edge or on top of ego.
    """
    import numpy as np

    centre = np.asarray(kept[ego] if ego in kept else np.mean(list(kept.values()), axis=0))
    others = [np.asarray(xy) - centre for n, xy in kept.items() if n != ego]
    radii = [float(np.hypot(*xy)) for xy in others]
    radius = float(np.median(radii)) if radii and max(radii) > 1e-9 else 1.0
    angles = [float(np.arctan2(xy[1], xy[0])) for xy in others if np.hypot(*xy) > 1e-9]
    for n in G:
        if n in kept or n == ego or any(m in kept and m != ego for m in G[n]):
            continue
        if angles:
            ordered = sorted(angles)
            ends = [*ordered[1:], ordered[0] + 2 * np.pi]
            gaps = [(b - a, a) for a, b in zip(ordered, ends, strict=True)]
            width, start = max(gaps)
            angle = start + width / 2
        else:
            angle = float(rng.uniform(0.0, 2 * np.pi))
        x, y = centre + radius * np.array([np.cos(angle), np.sin(angle)])
        pos[n] = (float(x), float(y))
        angles.append(float(np.arctan2(np.sin(angle), np.cos(angle))))
    return pos


def _ego_layout_graph(G: nx.Graph, ego: Hashable) -> nx.Graph:
    return G.subgraph([ego, *egonet.alters(G, ego)])


def sampled_ties_note(drawn: int, total: int) -> str:
    """The note under a drawing that shows only some alter ties.

    Examples
    --------
    >>> sampled_ties_note(120, 480)
    '120 of 480 alter ties drawn (all measured)'
    >>> sampled_ties_note(1, 1)
    'the 1 alter tie drawn'
    """
    if drawn >= total:
        return all_of(total, "alter tie") + " drawn"
    return f"{drawn} of {plural(total, 'alter tie')} drawn (all measured)"


def draw_ego(
    G: nx.Graph,
    ego: Hashable = EGO,
    ax: Axes | None = None,
    pos: Mapping[Hashable, Sequence[float]] | None = None,
    *,
    seed: int = 0,
    color_by: str = "circle",
    title: str | None = None,
    legend: bool = True,
    max_ties: int | None = 1000,
) -> Axes:
    """Draw ego's network: ego in the centre, alters coloured by circle.

    Alters are coloured by their ``color_by`` attribute (default their ``circle``; when
    an alter has none, by :func:`netind_teach.egonet.circles`), drawn as squares when
    they live at a distance, with a ring when they belong to a second circle. Ties are
    styled by kind (:data:`KIND_STYLES`); ego's own ties are drawn faintly so the ties
    among the alters stand out.

    Parameters
    ----------
    G : networkx.Graph
        The network (only ego and its alters are drawn).
    ego : node
        The focal person.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    pos : mapping, optional
        Positions, e.g. from :func:`stable_layout`; computed with ``seed`` when omitted.
    seed : int
        Seed of the layout when ``pos`` is omitted.
    color_by : str
        Node attribute that picks the colour.
    title : str, optional
        Title; defaults to the graph's ``model`` attribute.
    legend : bool
        Whether to draw a legend.
    max_ties : int or None
        Drawing budget for ties among alters. When the alters could have more ties than
        this (more than 45 alters by default), each of their ties is drawn with
        probability ``max_ties / possible ties``, picked by a fixed hash of the pair, so
        the same ties stay drawn while a slider changes the network and the drawing
        thins out exactly as the network does; a note under the picture says so.
        Thousands of overlapping lines would look the same and take a quarter of a
        second to render (about 25 microseconds per line). Measures are never
        thinned. ``None`` draws every tie.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models
    >>> ax = draw_ego(models.little_boxes(seed=0), title="Little boxes")
    >>> ax.get_title()
    'Little boxes'
    """
    import numpy as np
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba_array

    if max_ties is not None and (
        isinstance(max_ties, bool) or not isinstance(max_ties, int) or max_ties < 1
    ):
        raise ValueError(f"max_ties must be a positive whole number or None, got {max_ties!r}.")
    group = egonet.alters(G, ego)
    if pos is None:
        pos = stable_layout(_ego_layout_graph(G, ego), seed=seed, ego=ego)
    missing = [n for n in [ego, *group] if n not in pos]
    if missing:
        raise ValueError(
            f"pos has no position for {missing[:3]!r}; compute positions for this graph with "
            "stable_layout(G, previous=pos)."
        )
    ax = _new_axes(ax, (7, 7))

    labels = _alter_labels(G, ego, group, color_by)
    colors = circle_colors(labels.values())
    size = max(40.0, min(260.0, 5200.0 / max(len(group), 1)))

    # Ties grouped by (kind, from ego), one LineCollection each.
    members = set(group)
    possible = len(group) * (len(group) - 1) // 2
    keep = 1.0 if max_ties is None or possible <= max_ties else max_ties / possible
    node_key = {a: _node_key(a) for a in group} if keep < 1.0 else {}
    segments: dict[tuple[str, bool], list] = {}
    alter_ties = 0
    for u, v, kind in G.edges([ego, *group], data="kind", default="strong"):
        from_ego = ego in (u, v)
        if u == v or not (from_ego or (u in members and v in members)):
            continue
        alter_ties += 0 if from_ego else 1
        if keep < 1.0 and not from_ego and _pair_key(node_key[u], node_key[v]) >= keep:
            continue
        segments.setdefault((kind, from_ego), []).append((pos[u], pos[v]))
    drawn = sum(len(lines) for (_, from_ego), lines in segments.items() if not from_ego)
    crowded = drawn > 400
    if keep < 1.0:
        ax.annotate(
            sampled_ties_note(drawn, alter_ties),
            (0.5, 0.0),
            xycoords="axes fraction",
            ha="center",
            va="top",
            fontsize=FONT["note"],
            color="#555555",
        )
    for (kind, from_ego), lines in segments.items():
        style, width = KIND_STYLES.get(kind, KIND_STYLES["strong"])
        ax.add_collection(
            LineCollection(
                np.asarray(lines, dtype=float),  # (ties, 2 ends, 2 coordinates)
                linestyles=style,
                linewidths=width * (0.5 if crowded else 1.0),
                colors=_INK,
                alpha=0.25 if from_ego else (0.35 if crowded else 0.8),
                zorder=1,
                label=f"{kind} ties{' from ego' if from_ego else ''}",
            )
        )

    distant = [a for a in group if G.nodes[a].get("place") == "distant"]
    local = [a for a in group if G.nodes[a].get("place") != "distant"]
    for shape, chosen in (("o", local), ("s", distant)):
        if chosen:
            ax.scatter(
                [pos[a][0] for a in chosen],
                [pos[a][1] for a in chosen],
                s=size,
                c=to_rgba_array([colors[labels[a]] for a in chosen]),
                marker=shape,
                edgecolors=_INK,
                linewidths=0.8,
                zorder=2,
            )
    second = [a for a in group if G.nodes[a].get("second_circle") is not None]
    if second:
        ax.scatter(
            [pos[a][0] for a in second],
            [pos[a][1] for a in second],
            s=size * 2.2,
            facecolors="none",
            edgecolors=[colors.get(G.nodes[a]["second_circle"], _INK) for a in second],
            linewidths=2.0,
            zorder=2,
        )
    ax.scatter([pos[ego][0]], [pos[ego][1]], s=size * 2.2, c=EGO_COLOR, marker="o", zorder=3)
    ax.annotate(
        "ego",
        pos[ego],
        xytext=(0, -16),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=FONT["note"],
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
        zorder=4,
    )

    xs = [pos[v][0] for v in (ego, *group)]
    ys = [pos[v][1] for v in (ego, *group)]
    margin = 0.08 * max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    ax.set_xlim(min(xs) - margin, max(xs) + margin)
    ax.set_ylim(min(ys) - margin, max(ys) + margin)
    ax.set_aspect("equal")
    ax.set_axis_off()
    # A fixed title position (y=1) spares matplotlib building tick labels, hidden here,
    # to place the title: a third of the drawing time of a small ego network.
    ax.set_title(
        title if title is not None else str(G.graph.get("model", "")),
        fontsize=FONT["title"],
        y=1.0,
    )
    if legend:
        _ego_legend(ax, colors, segments, distant=bool(distant), second=bool(second))
    return figure_text.attach(ax, figure_text.describe_ego(G, ego, title=ax.get_title()))


def _node_key(node: Hashable) -> int:
    """A fixed 32-bit number for a node: the same in every run and process."""
    return zlib.crc32(str(node).encode())


def _pair_key(key_u: int, key_v: int) -> float:
    """A fixed number in [0, 1) for a pair of nodes, from their node keys (symmetric)."""
    return (((key_u ^ key_v) * 2654435761) % 2**32) / 2**32


def _alter_labels(G: nx.Graph, ego: Hashable, group: list, attr: str) -> dict[Hashable, Any]:
    if all(attr in G.nodes[a] for a in group):
        return {a: G.nodes[a][attr] for a in group}
    found = egonet.circles(G, ego)
    return {a: f"circle {i + 1}" for i, c in enumerate(found) for a in c}


def _marker(label: str, face: str, *, marker: str = "o", size: float = 9, edge: float = 1.0) -> Any:
    """A legend entry that is a single marker."""
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker=marker,
        linestyle="",
        markersize=size,
        markerfacecolor=face,
        markeredgecolor=_INK,
        markeredgewidth=edge,
        label=label,
    )


def _ego_legend(ax: Axes, colors: dict, segments: dict, *, distant: bool, second: bool) -> None:
    from matplotlib.lines import Line2D

    handles = [_marker(str(label), color) for label, color in list(colors.items())[:8]]
    kinds = sorted(
        {kind for kind, _ in segments},
        key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 9,
    )
    for kind in kinds:
        style, width = KIND_STYLES.get(kind, KIND_STYLES["strong"])
        handles.append(
            Line2D([], [], color=_INK, linestyle=style, linewidth=width, label=f"{kind} tie")
        )
    if second:
        handles.append(_marker("in 2 circles", "none", size=13, edge=2.0))
    if distant:
        handles.append(_marker("distant", "white", marker="s"))
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=FONT["legend"],
        frameon=False,
    )


def draw_model_panel(
    graphs: Sequence[nx.Graph] | Mapping[str, nx.Graph],
    *,
    axes: Sequence[Axes] | None = None,
    ego: Hashable = EGO,
    seed: int = 0,
    circle_method: str = "communities",
    positions: Sequence[Mapping] | None = None,
) -> list[Axes]:
    """Draw several ego networks side by side, each titled with its key measures.

    Titles give the model's name (or the mapping's key), the density among alters, the
    number of circles (by ``circle_method``, see :func:`netind_teach.egonet.circles`;
    communities by default, because components merge circles that share a member), the
    bridging ties and the share of alters at a distance.

    Parameters
    ----------
    graphs : sequence or mapping of networkx.Graph
        The ego networks, e.g. the three models; a mapping gives each panel's title.
    axes : sequence of Axes, optional
        One Axes per graph; a new row of panels when omitted.
    ego, seed, circle_method
        Passed to :func:`netind_teach.egonet.summary` and the layout.
    positions : sequence of mappings, optional
        Positions per graph (from :func:`stable_layout`).

    Returns
    -------
    list of Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models
    >>> axes = draw_model_panel([models.little_boxes(seed=0), models.glocalized(seed=0)])
    >>> axes[0].get_title().splitlines()[0]
    'little boxes'
    """
    named = (
        list(graphs.items())
        if isinstance(graphs, Mapping)
        else [(str(G.graph.get("model", "")), G) for G in graphs]
    )
    if not named:
        raise ValueError("graphs is empty: give at least one ego network to draw.")
    if axes is None:
        import matplotlib.pyplot as plt

        _, created = plt.subplots(1, len(named), figsize=(5.2 * len(named), 5.8), squeeze=False)
        axes = list(created[0])
    axes = list(axes)
    if len(axes) != len(named):
        raise ValueError(f"Got {len(axes)} axes for {len(named)} graphs; give one Axes per graph.")
    for i, ((name, G), ax) in enumerate(zip(named, axes, strict=True)):
        s = egonet.summary(G, ego, circle_method=circle_method, seed=seed)
        title = (
            f"{name}\ndensity {s.density:.2f} · circles {s.n_circles}\n"
            f"bridging ties {s.bridging_ties} · distant {s.share_distant:.0%}"
        )
        pos = positions[i] if positions is not None else None
        draw_ego(G, ego, ax=ax, pos=pos, seed=seed, title=title, legend=False)
        figure_text.attach(ax, "")
    figure_text.attach(axes[0], figure_text.describe_model_panel(dict(named), ego=ego))
    return axes


def _series_from(
    data: Any, x: str | None, y: str | Sequence[str] | None, by: str | None, tag: str | None
) -> list[tuple[str, list, list, list]]:
    """Normalise the inputs of :func:`plot_series` to (label, xs, ys, tags) tuples."""
    out = []
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
    """A y value as a float; missing values (None, NaN, pandas' NA) become NaN."""
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
    ax = _new_axes(ax, (9, 5.5))
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
        ax.axvline(value, color=_INK, linestyle="--", linewidth=1.2, zorder=1)
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
            color=_INK,
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
        ax.legend(handles=handles, fontsize=FONT["legend"], frameon=False)
    return ax


def _tag_handles() -> list:
    return [
        _marker("[P] primary source", _INK, size=8),
        _marker("[S] secondary source only", "white", size=8),
    ]


def _as_list(value: Any) -> list:
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
        :func:`netind_teach.simulate.share_none` (``{0: 136, 1: 228, ...}``).
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
    dists = {str(k): simulate._as_counts(v) for k, v in distributions.items()}
    keys = sorted(set().union(*dists.values()))
    ax = _new_axes(ax, (9, 5.5))
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
            edgecolor=_INK,
            linewidth=0.6,
            hatch=_SERIES_HATCHES[i % len(_SERIES_HATCHES)],
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
    ax = _new_axes(ax, (8, 5.5))
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
            color=TYPE_COLORS.get(t, _GREY),
            edgecolor=_INK,
            linewidth=0.6,
            hatch=_TYPE_HATCHES.get(t, ""),
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
                        color="white" if t == "networked" else _INK,
                    )
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_xticks(range(len(groups)))
    ax.set_xticklabels(list(groups))
    _finish(ax, title, xlabel, "% of people" if percent else "people", source)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=FONT["legend"], frameon=False)
    return figure_text.attach(ax, figure_text.describe_typology(table, groups, types, title=title))
