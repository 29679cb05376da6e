"""Ego networks drawn: seeded layouts that do not jump, one drawing, panels, a person.

:func:`draw_ego` draws ego in the centre with the alters coloured by circle
(:func:`circle_colors`), distant alters as squares and ties styled by kind;
:func:`stable_layout` reuses the previous positions so a widget's redraw is fast and the
picture does not jump (pass the positions back in yourself, ``pos =
stable_layout(G, previous=pos)``: nothing is cached between calls);
:func:`draw_model_panel` puts several networks side by side with their measures;
:func:`draw_person` draws a synthetic East York person's circles. Colours, fonts and
the PNG helper are in :mod:`netind_teach.plotting`; each drawing attaches its text
alternative (:mod:`netind_teach.figure_text`).

Importing this module does not import matplotlib: each function imports it when called.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from netind_teach import egodraw, models
>>> G = models.networked_individual(seed=1)
>>> pos = egodraw.stable_layout(G, seed=1)
>>> ax = egodraw.draw_ego(G, pos=pos)
>>> ax.get_title()
'networked individualism'
"""

from __future__ import annotations

import re
import weakref
import zlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

import networkx as nx

from netind_teach import egonet, figure_text, models
from netind_teach.plotting import (
    EGO_COLOR,
    FONT,
    GREY,
    INK,
    KIND_STYLES,
    PALETTE,
    legend_marker,
    new_axes,
)
from netind_teach.vocab import EGO
from netind_teach.wording import all_of, plural

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "EgoPicture",
    "circle_colors",
    "draw_ego",
    "draw_model_panel",
    "draw_person",
    "key_html",
    "person_circles",
    "person_key_html",
    "sampled_ties_note",
    "stable_layout",
    "ties_note",
]

# Display order of the synthetic East York networks' circles (see netind_teach.synthetic).
_CIRCLE_ORDER = ("immediate family", "extended family", "neighbourhood", "work", "friends")
_KEY = "_circle_key"  # node attribute draw_person colours by (one number per circle)
_N_COLOURS = len(PALETTE)  # circles beyond the palette get a second marker
# The note on thinned ties of each Axes' last drawing (see ties_note).
_NOTES: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
# The key of each Axes' last drawing (see key_html): a function making its legend handles
# (made only when asked: a widget's redraw needs none), and its title.
_KEYS: weakref.WeakKeyDictionary[Any, tuple[Callable[[], list[Any]], str]] = (
    weakref.WeakKeyDictionary()
)


def circle_colors(labels: Any) -> dict[Any, str]:
    """Return a colour for each circle label, the same whatever other labels are present.

    The course's circle names (:data:`netind_teach.models.CIRCLE_NAMES`) have fixed
    colours and the little-boxes group is grey; a label ending in a number ("household 3",
    "group 12") takes the colour of that number among those the named circles leave free;
    other labels take colours nobody uses yet, in sorted order, before any colour repeats.
    A control that moves alters from one circle to another therefore never repaints the
    circles that stay. The result is in display order
    (the box, the named circles, then by number or name), ready for a legend.

    Parameters
    ----------
    labels : iterable
        Circle labels; a repeated label counts once.

    Returns
    -------
    dict
        Label -> hex colour, in display order.

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
            out[label] = GREY
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
    for label, k in numbered:
        out[label] = free[(k - 1) % len(free)]
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
    never jumps: only ties and colours change. For a control over
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

    Returns
    -------
    dict
        Node -> (x, y) for every node of ``G``.

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
            near = [start[m] for m in G[n] if m in kept]
            centre = np.mean(near, axis=0) if near else np.zeros(2)
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
    """Return the note under a drawing that shows only some alter ties.

    Parameters
    ----------
    drawn : int
        Ties among the alters that are drawn.
    total : int
        Ties among the alters in the network.

    Returns
    -------
    str
        E.g. ``"120 of 480 alter ties drawn (all measured)"``, or ``"all 480 alter ties
        drawn"`` when every tie is drawn.

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


def ties_note(ax: Axes) -> str:
    """Return the note on thinned ties of the last :func:`draw_ego` drawing on ``ax``.

    The sentence :func:`draw_ego` writes under a picture whose ties it thinned (or would
    have written, when called with ``note=False``): a widget shows it as HTML beside the
    picture, with the title and key.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes :func:`draw_ego` drew on.

    Returns
    -------
    str
        E.g. ``"874 of 9397 alter ties drawn (all measured)"``; ``""`` when every tie
        is drawn or nothing was drawn on ``ax``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models
    >>> G = models.community_continuum(0.0, seed=1, n_alters=60)
    >>> ax = draw_ego(G, legend=False, note=False)
    >>> ties_note(ax)
    '795 of 1500 alter ties drawn (all measured)'
    >>> any("drawn" in text.get_text() for text in ax.texts)
    False
    """
    return _NOTES.get(ax, "")


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
    note: bool = True,
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
        the same ties stay drawn while a control changes the network and the drawing
        thins out exactly as the network does; a note under the picture says so.
        Thousands of overlapping lines would look the same and take long to render
        (``docs/performance.md``). Measures are never thinned. ``None`` draws every tie.
    note : bool
        Whether to write that note under the picture. A widget that shows its text as
        HTML beside the picture passes ``False`` and reads it with :func:`ties_note`
        (matplotlib shapes and renders a new sentence's every glyph on each draw: about
        3 ms).

    Returns
    -------
    Axes
        The Axes drawn on, with its text alternative attached
        (:func:`netind_teach.figure_text.describe_ego`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models
    >>> ax = draw_ego(models.little_boxes(seed=0), title="Little boxes")
    >>> ax.get_title()
    'Little boxes'
    """
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
    ax = new_axes(ax, (7, 7))

    labels = _alter_labels(G, ego, group, color_by)
    colors = circle_colors(labels.values())
    size = max(40.0, min(260.0, 5200.0 / max(len(group), 1)))

    # Every tie in one LineCollection, styled per tie: one artist to draw, not one per kind.
    possible = len(group) * (len(group) - 1) // 2
    keep = 1.0 if max_ties is None or possible <= max_ties else max_ties / possible
    ties = _ties(G, ego, group, keep)
    kinds = set(ties.kinds)
    drawn = len(ties.kinds) - len(group)
    _NOTES[ax] = sampled_ties_note(drawn, ties.alter_ties) if keep < 1.0 else ""
    if _NOTES[ax] and note:
        ax.annotate(
            _NOTES[ax],
            (0.5, 0.0),
            xycoords="axes fraction",
            ha="center",
            va="top",
            fontsize=FONT["note"],
            color="#555555",
        )
    if ties.kinds:
        ax.add_collection(
            _tie_collection(ties, [pos[v] for v in (ego, *group)], crowded=drawn > 400),
            autolim=False,  # the limits are set from the positions below
        )

    distant = [a for a in group if G.nodes[a].get("place") == "distant"]
    local = [a for a in group if G.nodes[a].get("place") != "distant"]
    for shape, chosen in (("o", local), ("s", distant)):
        if chosen:
            _markers(
                ax,
                [pos[a] for a in chosen],
                size=size,
                marker=shape,
                facecolors=to_rgba_array([colors[labels[a]] for a in chosen]),
                edgecolors=INK,
                linewidths=0.8,
                zorder=2,
            )
    second = [a for a in group if G.nodes[a].get("second_circle") is not None]
    if second:
        _markers(
            ax,
            [pos[a] for a in second],
            size=size * 2.2,
            facecolors="none",
            edgecolors=[colors.get(G.nodes[a]["second_circle"], INK) for a in second],
            linewidths=2.0,
            zorder=2,
        )
    _markers(ax, [pos[ego]], size=size * 2.2, facecolors=EGO_COLOR, zorder=3)
    ax.annotate(
        "ego",
        (pos[ego][0], pos[ego][1]),
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
    _KEYS[ax] = (partial(_ego_key, colors, kinds, distant=bool(distant), second=bool(second)), "")
    if legend:
        ax.legend(
            handles=_KEYS[ax][0](),
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=FONT["legend"],
            frameon=False,
        )
    return figure_text.attach(ax, figure_text.describe_ego(G, ego, title=ax.get_title()))


def _markers(
    ax: Axes,
    xy: Sequence[Sequence[float]],
    *,
    size: float,
    marker: str = "o",
    facecolors: Any,
    edgecolors: Any = "face",
    linewidths: float | None = None,
    zorder: float,
) -> Any:
    """Add one collection of markers as ``ax.scatter`` draws them, at a sixth of its cost.

    The same artist as ``ax.scatter(x, y, s=size, ...)`` (a PathCollection of one marker
    path at the data positions), without scatter's argument parsing; the Axes' limits
    are not touched (:func:`draw_ego` sets them).
    """
    import numpy as np
    from matplotlib.collections import PathCollection
    from matplotlib.markers import MarkerStyle
    from matplotlib.transforms import IdentityTransform

    style = MarkerStyle(marker)
    markers = PathCollection(
        (style.get_path().transformed(style.get_transform()),),
        [size],
        facecolors=facecolors,
        edgecolors=edgecolors,
        linewidths=linewidths,  # None: the collections' default, as scatter leaves it
        offsets=np.asarray(xy, dtype=float).reshape(-1, 2),
        offset_transform=ax.transData,
        zorder=zorder,
    )
    markers.set_transform(IdentityTransform())
    ax.add_collection(markers, autolim=False)
    return markers


def _node_key(node: Hashable) -> int:
    """Return a fixed 32-bit number for a node: the same in every run and process."""
    return zlib.crc32(str(node).encode())


def _alter_labels(
    G: nx.Graph, ego: Hashable, group: list[Hashable], attr: str
) -> dict[Hashable, Any]:
    if all(attr in G.nodes[a] for a in group):
        return {a: G.nodes[a][attr] for a in group}
    found = egonet.circles(G, ego)
    return {a: f"circle {i + 1}" for i, c in enumerate(found) for a in c}


class _Ties(NamedTuple):
    """The ties :func:`draw_ego` draws, as numbers: ego's own first, then among alters.

    ``ends`` holds each drawn tie's two ends as positions in ``(ego, *group)`` (0 is
    ego), in the order ``G.edges([ego, *group])`` gives them; ``kinds`` their kinds;
    ``alter_ties`` counts every tie among the alters, drawn or not.
    """

    ends: Any  # numpy array, shape (ties, 2)
    kinds: list[str]
    alter_ties: int


def _ties(G: nx.Graph, ego: Hashable, group: list[Hashable], keep: float) -> _Ties:
    """Gather ego's ties and the ties among the alters, each kept with probability ``keep``.

    One pass over the alters' neighbours (in the graph's order, each tie once), then the
    sample picked with NumPy by a fixed hash of the pair (:func:`_node_key`, the same in
    every run): the same ties stay drawn while a control changes the network.
    """
    import numpy as np

    place = {a: i for i, a in enumerate(group, start=1)}
    adj = dict(G.adjacency())  # each node's own {neighbour: tie data}: no view per tie
    firsts: list[int] = []
    seconds: list[int] = []
    for i, u in enumerate(group, start=1):
        # the alters after u: each tie once; ego (0), loops and people outside skipped
        later = [j for j in map(place.get, adj[u], repeat(0)) if j > i]
        firsts.extend(repeat(i, len(later)))
        seconds.extend(later)
    first = np.array(firsts, dtype=np.intp)
    second = np.array(seconds, dtype=np.intp)
    if keep < 1.0 and len(first):
        keys = np.array([0, *(_node_key(a) for a in group)], dtype=np.uint64)
        pair = (keys[first] ^ keys[second]) * np.uint64(2654435761) % np.uint64(2**32)
        chosen = np.flatnonzero(pair / 2**32 < keep)
        first, second = first[chosen], second[chosen]
    people = [ego, *group]
    kinds = [adj[ego][a].get("kind", "strong") for a in group] + [
        adj[people[i]][people[j]].get("kind", "strong")
        for i, j in zip(first.tolist(), second.tolist(), strict=True)
    ]
    ego_ends = np.column_stack([np.zeros(len(group), dtype=np.intp), np.arange(1, len(group) + 1)])
    ends = np.concatenate([ego_ends, np.column_stack([first, second])])
    return _Ties(ends, kinds, len(firsts))


def _tie_collection(ties: _Ties, xy: list[Sequence[float]], *, crowded: bool) -> Any:
    """One LineCollection of ties: line style and width by kind, ego's own ties faint.

    ``xy`` gives the positions of ego and the alters, in the order of ``ties.ends``. A
    style or width that every tie shares is given once (matplotlib then scales one dash
    pattern, not one per tie).
    """
    import numpy as np
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba

    n_ego = int(np.count_nonzero(ties.ends[:, 0] == 0))
    styles = [(kind, k < n_ego) for k, kind in enumerate(ties.kinds)]
    look = {}  # (kind, from ego) -> (linestyle, width, RGBA)
    for kind, from_ego in set(styles):
        style, width = KIND_STYLES.get(kind, KIND_STYLES["strong"])
        alpha = 0.25 if from_ego else (0.35 if crowded else 0.8)
        look[kind, from_ego] = (style, width * (0.5 if crowded else 1.0), to_rgba(INK, alpha))
    chosen = [look[key] for key in styles]
    linestyles = [style for style, _, _ in chosen]
    linewidths = [width for _, width, _ in chosen]
    segments = np.asarray(xy, dtype=float)[ties.ends]  # each tie's (2 ends, 2 coordinates)
    return LineCollection(
        list(segments),
        linestyles=linestyles[0] if len(set(linestyles)) == 1 else linestyles,
        linewidths=linewidths[0] if len(set(linewidths)) == 1 else linewidths,
        colors=[rgba for _, _, rgba in chosen],
        zorder=1,
    )


def _ego_key(
    colors: dict[Any, str], kinds: set[str], *, distant: bool, second: bool
) -> list[Any]:
    """Return the legend handles of an ego drawing: circles, kinds of tie, rings, squares."""
    from matplotlib.lines import Line2D

    handles = [legend_marker(str(label), color) for label, color in list(colors.items())[:8]]
    ordered = sorted(
        kinds,
        key=lambda k: list(KIND_STYLES).index(k) if k in KIND_STYLES else 9,
    )
    for kind in ordered:
        style, width = KIND_STYLES.get(kind, KIND_STYLES["strong"])
        handles.append(
            Line2D([], [], color=INK, linestyle=style, linewidth=width, label=f"{kind} tie")
        )
    if second:
        handles.append(legend_marker("in 2 circles", "none", size=13, edge=2.0))
    if distant:
        handles.append(legend_marker("distant", "white", marker="s"))
    return handles


def key_html(ax: Axes) -> str:
    """Return the key of the last drawing on ``ax`` as HTML, drawn with its legend or not.

    What :func:`netind_teach.plotting.legend_html` makes of the legend :func:`draw_ego` or
    :func:`draw_person` draws, without the legend: a widget showing the key beside the
    picture draws with ``legend=False`` and calls this.

    Parameters
    ----------
    ax : matplotlib Axes
        The Axes :func:`draw_ego` or :func:`draw_person` drew on.

    Returns
    -------
    str
        The key (:func:`netind_teach.plotting.key_html`); ``""`` when nothing was drawn.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models, plotting
    >>> ax = draw_ego(models.networked_individual(seed=1), legend=False)
    >>> ax.get_legend() is None, "weak tie" in key_html(ax)
    (True, True)
    >>> key_html(ax) == plotting.legend_html(draw_ego(models.networked_individual(seed=1)))
    True
    """
    from netind_teach import plotting

    make, title = _KEYS.get(ax, (list, ""))
    handles = make()
    return plotting.key_html([(h, str(h.get_label())) for h in handles], title=title) if (
        handles
    ) else ""


def draw_model_panel(
    graphs: Sequence[nx.Graph] | Mapping[str, nx.Graph],
    *,
    axes: Sequence[Axes] | None = None,
    ego: Hashable = EGO,
    seed: int = 0,
    circle_method: str = "communities",
    positions: Sequence[Mapping[Hashable, Sequence[float]]] | None = None,
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


def _circle_order(G: nx.Graph, ego: Any) -> list[str]:
    present = {G.nodes[a].get("circle", "no circle") for a in G[ego] if a != ego}
    order = [c for c in _CIRCLE_ORDER if c in present]
    return order + sorted(present - set(order), key=str)


def draw_person(
    G: nx.Graph,
    ax: Any = None,
    *,
    ego: Any = EGO,
    pos: Any = None,
    seed: int = 0,
    title: str | None = None,
    legend: bool = True,
) -> Any:
    """Draw a synthetic East York ego network with one colour per circle, and a legend.

    A wrapper of :func:`netind_teach.draw_ego` for the synthetic sample's circles
    (immediate family, extended family, neighbourhood, work, friends, group 1, ...):
    circles are numbered in that order and coloured with the course palette; as the
    palette has seven colours, circles after the seventh are also drawn as triangles.
    The legend gives each circle's name and number of alters.

    Parameters
    ----------
    G : networkx.Graph
        An ego network whose alters have a ``circle`` attribute (e.g.
        ``datasets.load("east_york_egonets")[6]``); it is not changed.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    ego : node
        The focal person.
    pos : mapping, optional
        Positions (:func:`netind_teach.stable_layout`); computed with ``seed``
        when omitted.
    seed : int
        Layout seed.
    title : str, optional
        Default: "Synthetic person <id> (<age group>)" from the graph's attributes; ``""``
        for none (a widget shows it as HTML).
    legend : bool
        Whether to draw the legend (a widget shows :func:`person_circles` as HTML).

    Returns
    -------
    Axes
        The Axes drawn on (see :func:`draw_ego`).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import datasets
    >>> ax = draw_person(datasets.load("east_york_egonets")[6])
    >>> ax.get_title(loc="left")
    'Synthetic person 6 (under 35)'
    >>> [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ['immediate family (2)', 'extended family (7)']
    """
    circles = person_circles(G, ego)
    key_of = {name: f"circle {k}" for k, (name, _, _, _) in enumerate(circles, start=1)}
    H = G.subgraph([ego, *G[ego]]).copy()
    for a in H:
        if a != ego:
            H.nodes[a][_KEY] = key_of[H.nodes[a].get("circle", "no circle")]
    if pos is None:
        pos = stable_layout(H, seed=seed, ego=ego)
    if title is None:
        title = f"Synthetic person {G.graph.get('person_id', '?')} ({G.graph.get('age_group')})"
    ax = draw_ego(H, ego, ax=ax, pos=pos, color_by=_KEY, title="", legend=False)
    if title:
        ax.set_title(title, loc="left", fontsize=FONT["title"] - 2)
    size = max(40.0, min(260.0, 5200.0 / max(len(H) - 1, 1)))  # as draw_ego sizes alters
    handles = []
    for name, colour, marker, count in circles:
        if marker != "o":  # colours repeat after seven circles: redraw as triangles
            chosen = [a for a in H if a != ego and H.nodes[a][_KEY] == key_of[name]]
            xy = [pos[a] for a in chosen]
            _markers(ax, xy, size=size * 1.4, facecolors="white", linewidths=0, zorder=2.4)
            _markers(
                ax,
                xy,
                size=size * 1.2,
                marker=marker,
                facecolors=colour,
                edgecolors=INK,
                linewidths=0.8,
                zorder=2.5,
            )
        handles.append(legend_marker(f"{name} ({count})", colour, marker=marker, edge=1.0))
    _KEYS[ax] = (partial(list, handles), "circles (alters)")
    if legend:
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            title="circles (alters)",
            fontsize=11,
            title_fontsize=11,
            frameon=False,
        )
    return ax


def person_circles(G: nx.Graph, ego: Hashable = EGO) -> list[tuple[str, str, str, int]]:
    """Return the circles :func:`draw_person` draws, in its order: what its key shows.

    Parameters
    ----------
    G : networkx.Graph
        An ego network whose alters have a ``circle`` attribute.
    ego : node
        The focal person.

    Returns
    -------
    list of (str, str, str, int)
        For each circle: its name, colour, marker (``"o"``, or ``"^"`` once the
        palette's colours repeat) and number of alters. A widget shows these as an
        HTML key beside the picture instead of a legend drawn into it.

    Examples
    --------
    >>> from netind_teach import datasets
    >>> person_circles(datasets.load("east_york_egonets")[6])[:2]
    [('immediate family', '#0072B2', 'o', 2), ('extended family', '#E69F00', 'o', 7)]
    """
    order = _circle_order(G, ego)
    colours = circle_colors([f"circle {k}" for k in range(1, len(order) + 1)])
    counts: dict[str, int] = {}
    for a in G[ego]:
        if a != ego:
            name = G.nodes[a].get("circle", "no circle")
            counts[name] = counts.get(name, 0) + 1
    return [
        (name, colours[f"circle {k}"], "o" if k <= _N_COLOURS else "^", counts[name])
        for k, name in enumerate(order, start=1)
    ]



def person_key_html(G: nx.Graph, ego: Hashable = EGO, *, title: str = "") -> str:
    """Return the title and key of :func:`draw_person` as HTML, for beside a widget's picture.

    Parameters
    ----------
    G : networkx.Graph
        The ego network drawn (alters with a ``circle`` attribute).
    ego : node
        The focal person.
    title : str
        The drawing's title, shown first in bold.

    Returns
    -------
    str
        One line per circle (:func:`person_circles`): a coloured dot (a triangle once
        colours repeat), the circle's name and its number of alters.

    Examples
    --------
    >>> from netind_teach import datasets
    >>> key = person_key_html(datasets.load("east_york_egonets")[6], title="Person 6")
    >>> "<b>Person 6</b>" in key, "immediate family (2)" in key
    (True, True)
    """
    import html

    shapes = {"o": "&#9679;", "^": "&#9650;"}
    rows = "".join(
        f"<div><span style='color:{colour};font-size:1.3em' aria-hidden='true'>"
        f"{shapes.get(marker, '&#9679;')}</span> {html.escape(name)} ({count})</div>"
        for name, colour, marker, count in person_circles(G, ego)
    )
    return (
        f"<div style='padding-top:1em'><b>{html.escape(title)}</b>"
        f"<div style='margin-top:.5em'>circles (alters):</div>{rows}"
        "<div style='margin-top:.5em'>&#9679; black: ego; lines: who knows whom</div></div>"
    )

class EgoPicture:
    r"""One figure for a widget's drawings, redrawn in place and returned as PNG bytes.

    A widget that redraws a network on every step of a control keeps one of these: making a
    figure and an Axes costs as much as drawing a small network, and a legend or title
    drawn into the picture costs more than the network (matplotlib draws text slowly),
    so the widget shows its title and key as HTML beside the picture (see
    :func:`person_circles`, :func:`circle_colors`). Call :meth:`axes` for an emptied
    Axes, draw on it, then :meth:`png`.

    Parameters
    ----------
    figsize : (float, float)
        Size in inches.
    dpi : float
        Pixels per inch.
    rect : (float, float, float, float)
        Where the Axes go, in figure fractions (left, bottom, width, height): fixed, so
        the picture is laid out once.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from netind_teach import models
    >>> picture = EgoPicture((3, 3), dpi=40)
    >>> G = models.little_boxes(seed=0)
    >>> _ = draw_ego(G, ax=picture.axes(), title="", legend=False)
    >>> picture.png()[:4], picture.description().startswith("Network drawing")
    (b'\x89PNG', True)
    """

    def __init__(
        self,
        figsize: tuple[float, float] = (5.4, 5.4),
        *,
        dpi: float = 80,
        rect: tuple[float, float, float, float] = (0.02, 0.02, 0.96, 0.96),
    ) -> None:
        from netind_teach import rendering

        self.figure = rendering.new_figure(figsize, dpi=dpi)
        self._ax = self.figure.add_axes(rect)
        self._ax.set_axis_off()

    def axes(self) -> Axes:
        """Return the picture's Axes, emptied of the last drawing (limits and title kept)."""
        ax = self._ax
        for artist in [*ax.collections, *ax.texts, *ax.lines, *ax.patches]:
            artist.remove()
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()
        return ax

    def png(self) -> bytes:
        """Return the picture as PNG bytes (:func:`netind_teach.rendering.figure_png`)."""
        from netind_teach import rendering

        return rendering.figure_png(self.figure)

    def description(self) -> str:
        """Return the picture's text alternative (``figure_text.description_of``)."""
        return figure_text.description_of(self.figure)

