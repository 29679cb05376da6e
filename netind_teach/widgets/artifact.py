"""Lesson 04's artifact explorer: what falsely recorded "no one" answers do to a survey.

A number box sets the share of respondents who named at least one confidant but are recorded
as naming no one (a survey artifact such as interviewer effects, Paik & Sanchagrin 2013).
The explorer applies it to the earlier distribution with
:func:`netind_teach.confidants.artifact_shift` and shows, beside the real later figures,

* the distributions as bars (:func:`netind_teach.charts.plot_distribution`),
* the mean number named (:func:`netind_teach.confidants.mean_confidants`),
* the share naming no one (:func:`netind_teach.confidants.share_none`),
* how far each distribution is from the later one
  (:func:`netind_teach.confidants.gap_points`).

Everything is driveable from Python: set ``explorer.rate_box.value`` (in percent) or call
``explorer.show_rate("17.6%")``, then read ``explorer.mean``, ``explorer.share``,
``explorer.gap`` or ``explorer.figures_text``. Bad input never raises: it leaves the
rate where it was and says what to type in ``explorer.message_text``; a number outside
the range, typed in the box or set from Python, is held to the range.

Importing this module does not import ipywidgets or matplotlib; building the explorer does.

Examples
--------
>>> ex = ArtifactExplorer({0: 10, 1: 90}, {0: 28, 1: 72}, draw=False)
>>> ex.show_rate("20%")
>>> round(ex.share, 3)
0.28
"""

from __future__ import annotations

import html
import math
from typing import Any

from netind_teach import a11y, figure_text
from netind_teach.confidants import (
    MAX_RATE,
    artifact_shift,
    as_counts,
    gap_points,
    mean_confidants,
    parse_rate,
    share_none,
)
from netind_teach.display import ShownAsBox
from netind_teach.widget_guard import failure_message, guard

__all__ = ["ArtifactExplorer"]


class ArtifactExplorer(ShownAsBox):
    """A number box for the share of falsely recorded zeros, with the distributions and figures.

    Parameters
    ----------
    before, after : mapping or list
        Distributions of confidants ``{number named: respondents}``: the earlier survey
        (the artifact is applied to it) and the later one it is compared with.
    rate : float
        Starting rate (a proportion between 0 and :data:`MAX_RATE`).
    labels : tuple of str
        Names of ``before`` and ``after`` (the survey years).
    top_value : float or None
        How the top category counts in means (see
        :func:`netind_teach.confidants.mean_confidants`).
    source : str
        Footnote of the plot.
    draw : bool
        Draw the bars (set False for a figures-only explorer, e.g. in fast tests).

    Attributes
    ----------
    rate_box : ipywidgets.BoundedFloatText
        The rate in percent (0 to ``100 * MAX_RATE``, arrow keys step 0.1).
    image : ipywidgets.Image
        The bars, as a PNG redrawn on each change.
    figures : ipywidgets.HTML
        Mean, share naming no one and gap for the three distributions.
    message : ipywidgets.HTML
        Notes and messages about bad input (``message_text`` in plain words).
    box : ipywidgets.VBox
        What the notebook displays.

    Examples
    --------
    >>> ex = ArtifactExplorer({0: 10, 1: 90}, {0: 28, 1: 72}, draw=False)
    >>> ex.rate_box.value = 20
    >>> round(ex.share, 3), round(ex.gap, 6)
    (0.28, 0.0)
    >>> ex.show_rate("two")
    >>> ex.rate, ex.message_text.startswith("Type the rate")
    (0.2, True)
    """

    def __init__(
        self,
        before: Any,
        after: Any,
        *,
        rate: float = 0.0,
        labels: tuple[str, str] = ("1985", "2004"),
        top_value: float | None = 5,
        source: str = "GSS, variable NUMGIVEN, unweighted counts (gssrdoc); right-hand bars: model",
        draw: bool = True,
    ) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        self.before = as_counts(before)
        self.after = as_counts(after)
        if not (isinstance(labels, (tuple, list)) and len(labels) == 2):
            raise ValueError(f"labels must be two names, e.g. ('1985', '2004'); got {labels!r}.")
        self.labels = (str(labels[0]), str(labels[1]))
        self.top_value = top_value
        self.source = source
        self.draw = bool(draw)
        self.after_mean = mean_confidants(self.after, top_value)
        self.after_share = share_none(self.after)
        self.message_text = ""

        start = parse_rate(rate)
        self.rate_box = a11y.number_box(
            "false zeros, % of respondents",
            round(100 * start, 6) if isinstance(start, float) else 0.0,  # no binary noise
            0.0,
            100 * MAX_RATE,
            0.1,
            unit="%",
        )
        self.image = a11y.image(
            format="png", layout=widget_parts.shared(widgets.Layout, max_width="680px")
        )
        self.figures = widget_parts.html()
        self.message = widget_parts.html()
        self.box = widget_parts.vbox([self.rate_box, self.figures, self.image, self.message])
        self.box.add_class("netind-artifact-explorer")
        self.rate_box.observe(self._on_rate, names="value")
        self._update()
        if isinstance(start, str):
            self._say(start)

    # -- what the explorer shows -----------------------------------------------------
    @property
    def rate(self) -> float:
        """The rate in the box (a proportion; the box shows it in percent)."""
        return round(float(self.rate_box.value) / 100, 6)

    @property
    def model_label(self) -> str:
        """Legend label of the model distribution."""
        return f"{self.labels[0]} + {self.rate:.1%} false zeros (model)"

    def rows(self) -> dict[str, tuple[float, float, float]]:
        """``{column: (mean, share naming no one, gap in points from 'after')}``."""
        return {
            f"{self.labels[0]} (survey)": (
                mean_confidants(self.before, self.top_value),
                share_none(self.before),
                gap_points(self.before, self.after),
            ),
            f"{self.labels[1]} (survey)": (self.after_mean, self.after_share, 0.0),
            self.model_label: (self.mean, self.share, self.gap),
        }

    # -- updates ------------------------------------------------------------------------
    def show_rate(self, value: Any) -> None:
        """Set the rate to ``value`` (``0.176`` or ``"17.6%"``), or say what is wrong."""
        rate = parse_rate(value)
        if isinstance(rate, str):
            self._say(rate)
            return
        self._say("")
        self.rate_box.value = round(100 * rate, 6)  # 0.176 -> 17.6

    def _say(self, text: str) -> None:
        self.message_text = text
        self.message.value = f"<p><b>{html.escape(text)}</b></p>" if text else ""

    def _on_rate(self, _change: Any = None) -> None:
        with guard(self._show_failure):
            self._update()

    def _show_failure(self, exc: Exception) -> None:
        self._say(failure_message(exc, "run the cell again", doing="update the explorer"))

    def _update(self) -> None:
        self.shifted = artifact_shift(self.before, self.rate)
        self.mean = mean_confidants(self.shifted, self.top_value)
        self.share = share_none(self.shifted)
        self.gap = gap_points(self.shifted, self.after)
        self.figures_text = self._figures_text()
        self.figures.value = self._figures_html()
        if self.draw:
            self.image.value = self._png()
            shown = {self.model_label: self.shifted, f"{self.labels[1]} (survey)": self.after}
            text = figure_text.describe_distribution(shown, title=self._title())
            a11y.describe_image(self.image, text)

    def _figures_text(self) -> str:
        lines = []
        for name, (mean, share, gap) in self.rows().items():
            lines.append(
                f"{name}: mean {mean:.2f}, naming no one {share:.1%}, "
                f"gap from {self.labels[1]} {gap:.1f} points"
            )
        return "\n".join(lines)

    def _figures_html(self) -> str:
        head = "".join(
            f"<th style='padding:2px 10px'>{html.escape(name)}</th>" for name in self.rows()
        )
        body = []
        measures = ("mean number named", "share naming no one", f"gap from {self.labels[1]}")
        formats = ("{:.2f}", "{:.1%}", "{:.1f} points")
        for i, (measure, fmt) in enumerate(zip(measures, formats, strict=True)):
            cells = "".join(
                f"<td style='padding:2px 10px;text-align:right'>{fmt.format(row[i])}</td>"
                for row in self.rows().values()
            )
            body.append(f"<tr><th style='text-align:left'>{measure}</th>{cells}</tr>")
        note = (
            "<small>Mean counts the top category as "
            f"{'its label' if self.top_value is None else f'{self.top_value:g}'}; gap: "
            f"respondents in 100 who sit in a different category than in {self.labels[1]}."
            "</small>"
        )
        return f"<table><tr><th></th>{head}</tr>{''.join(body)}</table>{note}"

    def _build_figure(self) -> None:
        """Draw the bars once with the course's plotting, keeping the moving parts apart.

        The model's bars and the title are *animated* artists: the rest of the picture is
        rendered once and kept as a background; an update restores it and draws only the
        moving parts on top (matplotlib's blitting), which keeps a change of the rate fast.
        """
        from netind_teach import charts, plotting, rendering

        fig = rendering.new_figure((8.5, 4.6), dpi=72)  # no pyplot: no global figure state
        ax = fig.add_subplot()
        charts.plot_distribution(
            {
                f"{self.labels[0]} (survey)": self.before,
                f"{self.labels[1]} (survey)": self.after,
                f"{self.labels[0]} + false zeros (model)": self.shifted,
            },
            ax=ax,
            title=self._title(),
            source=self.source,
            top_label=f"{max(self.before):g} (top)",
        )
        ax.legend(fontsize=plotting.FONT["legend"], frameon=False, loc="upper right")
        # The title at a fixed height (y=1.0, where matplotlib would place it): the first
        # drawing then measures no tick labels to place it.
        title = ax.title
        ax.set_title(
            title.get_text(),
            fontsize=title.get_fontsize(),
            fontweight=title.get_fontweight(),
            y=1.0,
        )
        # A fixed y axis (percent) that holds every bar at every rate: no jumping.
        highest = [share_none(artifact_shift(self.before, MAX_RATE))]
        highest += [max(c.values()) / sum(c.values()) for c in (self.before, self.after)]
        ax.set_ylim(0, 10.0 * math.ceil(10.0 * max(highest) + 0.5))
        fig.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.22)
        self._keys = sorted(set(self.before) | set(self.after))
        self._model_bars = list(ax.containers[2])  # one bar container per series, in order
        for artist in (*self._model_bars, ax.title):
            artist.set_animated(True)
        fig.canvas.draw()
        self._background = rendering.agg_canvas(fig).copy_from_bbox(fig.bbox)
        self._fig, self._ax = fig, ax

    def _title(self) -> str:
        return f"Model: {self.labels[0]} with {self.rate:.1%} false zeros, beside {self.labels[1]}"

    def _png(self) -> bytes:
        from netind_teach import rendering

        if not hasattr(self, "_fig"):
            self._build_figure()
        total = sum(self.shifted.values())
        for key, bar in zip(self._keys, self._model_bars, strict=True):
            bar.set_height(100.0 * self.shifted.get(key, 0.0) / total)
        self._ax.title.set_text(self._title())
        rendering.agg_canvas(self._fig).restore_region(self._background)
        for artist in (*self._model_bars, self._ax.title):
            self._ax.draw_artist(artist)
        return rendering.figure_png(self._fig, draw=False)

    def bar_heights(self) -> dict[str, list[float]]:
        """Heights (percent) of the drawn bars, per legend label: what the picture shows."""
        if not hasattr(self, "_fig"):
            self._build_figure()
        ax = self._ax
        legend = ax.get_legend()
        labels = [t.get_text() for t in legend.get_texts()] if legend is not None else []
        return {
            label: [bar.get_height() for bar in container]
            for label, container in zip(labels, ax.containers, strict=True)
        }

    # -- display --------------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"Artifact explorer at {self.rate:.1%} false zeros"
