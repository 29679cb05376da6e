"""Lesson 01's explorer: a number from little boxes to networked individualism.

:class:`ContinuumExplorer` shows one synthetic ego network from
:func:`netind_teach.models.community_continuum`: a number ``p`` moves it from Wellman's
*little boxes* (``p = 0``) to *networked individualism* (``p = 1``; a bar under the box
shows where it is), two more numbers set the number of circles at the networked end and
the number of people ego knows. Each is a labelled number box
(:func:`netind_teach.a11y.number_box`): arrow keys step it, typing sets it. Each change
redraws the network (:func:`netind_teach.egodraw.draw_ego`) and updates its measures
(:func:`netind_teach.egonet.summary`). The widget is thin: everything it shows comes from
those tested functions, and it can be driven from Python (set ``explorer.p.value``, read
``explorer.measures``), which is how the tests drive it.

The lesson's timeline is :func:`netind_teach.charts.draw_timeline`; the measures the
explorer shows are :func:`netind_teach.egonet.network_measures`.

Importing this module imports neither matplotlib nor ipywidgets: they load when a
widget or a figure is built.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> ContinuumExplorer(seed=1).measures["circles"]
1
"""

from __future__ import annotations

import html
import time
from collections.abc import Mapping
from typing import Any

import networkx as nx

from netind_teach import a11y, collector, egodraw, egonet, figure_text, models, plotting
from netind_teach.explorer_html import position_bar
from netind_teach.widget_guard import guard

__all__ = [
    "MEASURES",
    "ContinuumExplorer",
]

#: The measures the lesson shows, as (column name, what it means for a learner).
MEASURES: tuple[tuple[str, str], ...] = (
    ("people", "alters: the people ego is tied to"),
    ("density", "share of pairs of alters who know each other (0 to 1)"),
    ("clustering", "how far each alter's contacts know each other, on average (0 to 1)"),
    ("circles", "groups the alters belong to (the colours)"),
    ("bridging ties", "ties between alters in different circles"),
    ("share at a distance", "share of alters who live at a distance (squares)"),
)


class ContinuumExplorer:
    """A number from little boxes to networked individualism, with live measures.

    Three controls: ``p`` (0 = little boxes, 1 = networked individualism),
    ``n_circles`` (circles at the networked end) and ``n_alters`` (people ego knows).
    Every change rebuilds the network with
    :func:`netind_teach.models.community_continuum` (same ``seed``, so a small step
    changes only a few ties), redraws it on positions computed once for the networked
    end (so the picture does not jump), and updates the measures table. A combination
    the model cannot build (more circles than people) shows a message instead and keeps
    the last picture.

    Parameters
    ----------
    p : float
        Starting position, 0 (little boxes) to 1 (networked individualism).
    n_circles, n_alters : int
        Starting values of the other two numbers.
    seed : int
        Seed of the synthetic network (and of its layout).
    dpi : int
        Resolution of the drawing.

    Attributes
    ----------
    p, n_circles, n_alters : ipywidgets number boxes
        The controls (``BoundedFloatText``, ``BoundedIntText``); set ``.value`` to drive
        the explorer from Python. A value outside the range is held to it.
    bar : ipywidgets.HTML
        Where ``p`` sits between the two ends, for the eye.
    graph : networkx.Graph or None
        The network on show.
    measures : dict
        Its measures (:func:`netind_teach.egonet.network_measures`); empty before the
        first drawing.
    error : str
        The message on show when the controls ask for something impossible, else "".
    image : ipywidgets.Image
        The drawing (PNG).
    table : ipywidgets.HTML
        The measures as an HTML table.
    legend : ipywidgets.HTML
        What the colours, shapes and lines of the drawing mean.
    timings_ms : list of float
        Milliseconds each update took (build, measure, draw, encode), newest last.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = ContinuumExplorer(seed=1)
    >>> explorer.measures["circles"], explorer.measures["share at a distance"]
    (1, 0.0)
    >>> explorer.p.value = 1.0
    >>> explorer.measures["circles"]
    4
    >>> explorer.n_alters.value = 6
    >>> explorer.n_circles.value = 8
    >>> explorer.error
    'Too many circles: 8 circles need at least 8 people. Add people or remove circles.'
    """

    def __init__(
        self,
        p: float = 0.0,
        n_circles: int = 4,
        n_alters: int = 20,
        seed: int = 1,
        *,
        dpi: int = 80,
    ) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError(f"seed must be a whole number, got {seed!r}.")
        self.seed = seed
        self.dpi = dpi
        self.graph: nx.Graph | None = None
        self.measures: dict[str, float | int] = {}
        self.error = ""
        self.timings_ms: list[float] = []
        self._positions: dict[tuple[int, int], dict[Any, Any]] = {}
        self._picture: Any = None  # one egodraw.EgoPicture, made on the first update

        self.p = a11y.number_box(
            "from little boxes (0) to networked individualism (1)", p, 0.0, 1.0, 0.05
        )
        self.n_circles = a11y.number_box("circles at the networked end", n_circles, 1, 8)
        self.n_alters = a11y.number_box("people ego knows", n_alters, 4, 40)
        self.bar = widget_parts.html()
        self.image = a11y.image(
            format="png", layout=widget_parts.shared(widgets.Layout, max_width="440px")
        )
        self.image.add_class("netind-continuum-drawing")
        self.table = widget_parts.html()
        self.legend = widget_parts.html()
        self.status = widget_parts.html()
        for control in (self.p, self.n_circles, self.n_alters):
            control.observe(self._on_change, names="value")
        self.update()

    # -- what the widget shows ---------------------------------------------------------
    def _layout(self, n_alters: int, n_circles: int) -> dict[Any, Any]:
        """Positions for this size, laid out once on the networked end (circles show)."""
        key = (n_alters, n_circles)
        if key not in self._positions:
            end = models.community_continuum(
                1.0, seed=self.seed, n_alters=n_alters, n_circles=n_circles
            )
            self._positions[key] = egodraw.stable_layout(end, seed=self.seed)
        return self._positions[key]

    def update(self) -> None:
        """Rebuild, measure and redraw for the controls' current values."""
        start = time.perf_counter()
        p, n_circles, n_alters = self.p.value, self.n_circles.value, self.n_alters.value
        self.bar.value = position_bar(p, 0.0, 1.0, "little boxes", "networked individualism")
        if n_circles > n_alters:
            self._show_error(
                f"Too many circles: {n_circles} circles need at least {n_circles} people. "
                "Add people or remove circles."
            )
            return
        title = f"Synthetic network, p = {p:.2f}"
        try:
            with collector.paused():
                G = models.community_continuum(
                    p, seed=self.seed, n_alters=n_alters, n_circles=n_circles
                )
                measures = egonet.network_measures(G)
                png = self._draw(G, self._layout(n_alters, n_circles))
        except (TypeError, ValueError) as exc:
            self._show_error(f"This combination cannot be drawn: {exc}")
            return
        self.graph, self.measures, self.error = G, measures, ""
        self.image.value = png
        a11y.describe_image(self.image, figure_text.describe_ego(G, title=title))
        self._show_measures(measures)
        self.legend.value = f"<b>{html.escape(title)}</b>" + self._legend_html(G)
        self.status.value = f"<p>{html.escape(self.where())}</p>"
        self.timings_ms.append(1000 * (time.perf_counter() - start))

    def where(self) -> str:
        """Return a sentence saying where on the continuum ``p`` is."""
        p = self.p.value
        if p <= 0.15:
            return "Close to little boxes: one densely-knit local group."
        if p >= 0.85:
            return "Close to networked individualism: several loosely-knit circles."
        return "In between: people are leaving the group for circles of their own."

    def _show_error(self, message: str) -> None:
        self.error = message
        self.status.value = f"<p style='color:#B00020'><b>{html.escape(message)}</b></p>"

    def _draw(self, G: nx.Graph, pos: dict[Any, Any]) -> bytes:
        # One figure for the explorer's life; the title and key are HTML under it (see
        # _legend_html): drawn into the picture they would double its drawing time.
        if self._picture is None:
            self._picture = egodraw.EgoPicture((5.4, 5.0), dpi=self.dpi)
        egodraw.draw_ego(G, pos=pos, ax=self._picture.axes(), title="", legend=False)
        png: bytes = self._picture.png()
        return png

    @staticmethod
    def _legend_html(G: nx.Graph) -> str:
        group = egonet.alters(G)
        colors = egodraw.circle_colors(G.nodes[a]["circle"] for a in group)
        items = [
            f"<span style='color:{color};font-size:1.3em'>&#9679;</span> {html.escape(str(name))}"
            for name, color in colors.items()
        ]
        kinds = {kind for _, _, kind in G.edges(data="kind")}
        lines = {"strong": "&#8212;&#8212;", "weak": "- - -", "online": "&middot;&middot;&middot;"}
        items += [f"<b>{lines[k]}</b> {k} tie" for k in plotting.KIND_STYLES if k in kinds]
        if any(G.nodes[a].get("place") == "distant" for a in group):
            items.append("&#9633; lives at a distance")
        if any("second_circle" in G.nodes[a] for a in group):
            items.append("&#9711; ring: also in a second circle")
        return "<p><small>" + " &nbsp; ".join(items) + "</small></p>"

    def _show_measures(self, measures: Mapping[str, Any]) -> None:
        meaning = dict(MEASURES)
        rows = "".join(
            f"<tr><td><b>{html.escape(name)}</b></td>"
            f"<td style='text-align:right;padding:0 1em'>{value}</td>"
            f"<td><small>{html.escape(meaning[name])}</small></td></tr>"
            for name, value in measures.items()
        )
        self.table.value = f"<table>{rows}</table>"

    def _on_change(self, _change: Any = None) -> None:
        with guard(self._show_failure):
            self.update()

    def _show_failure(self, exc: Exception) -> None:
        self._show_error(f"Something went wrong ({type(exc).__name__}); change the number again.")

    # -- display -------------------------------------------------------------------------
    def widget(self) -> Any:
        """Return the whole explorer as one ipywidgets box."""
        import ipywidgets as widgets

        from netind_teach import widget_parts

        controls = widgets.VBox(
            [self.p, self.bar, self.n_circles, self.n_alters, self.status, self.table],
            layout=widget_parts.shared(widgets.Layout, margin="0 1em 0 0"),
        )
        picture = widgets.VBox(
            [self.image, self.legend], layout=widget_parts.shared(widgets.Layout, width="460px")
        )
        return widgets.Box(
            [controls, picture], layout=widget_parts.shared(widgets.Layout, flex_flow="row wrap")
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget())
