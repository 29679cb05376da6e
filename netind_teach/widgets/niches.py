"""Lesson 06's niche explorer: how strongly people choose their own side, and what they see.

A number (a labelled box: arrow keys step it by 0.05, typing sets it) sets the strength of
homophily in a **synthetic** two-sided population
(:func:`netind_teach.niches.niche_network`); the explorer shows the mean share of what
each person sees that comes from the other side (:func:`netind_teach.niches.other_side_share`)
and a small histogram of that share person by person, with a text description under the
picture (``explorer.description``) and the result as a sentence announced to screen
readers (``explorer.summary``).

Importing this module does not import ipywidgets or matplotlib; building the explorer does.

Examples
--------
>>> x = NicheExplorer(draw=False)
>>> x.preference_box.value = 1.0
>>> x.share
0.0
"""

from __future__ import annotations

import html

from netind_teach import a11y, niches
from netind_teach.widgets.status import StatusWidget

__all__ = ["NicheExplorer"]

_BINS = 20


class NicheExplorer(StatusWidget):
    """A homophily number and the share of what people see from the other side.

    Parameters
    ----------
    preference : float
        Starting strength of homophily, 0 to 1.
    seed : int
        Seed of the synthetic population (the same draws at every strength).
    draw : bool
        Draw the histogram (False for a text-only explorer, e.g. in fast tests).

    Attributes
    ----------
    preference_box : ipywidgets.BoundedFloatText
        Strength of homophily, 0 to 1 (a value outside is held to the range).
    image : ipywidgets.Image
        Histogram of each person's share from the other side.
    caption : ipywidgets.HTML
        The picture's text alternative, shown under it (``description``).
    status : ipywidgets.HTML
        The result in one sentence (``summary``), ``role="status"``.
    share : float
        Mean share (0 to 1) of what a person sees from the other side.
    """

    label = "Niche explorer"

    def __init__(
        self, preference: float = 0.0, seed: int = niches.NICHE_SEED, draw: bool = True
    ) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        self.seed = seed
        self.draw = bool(draw)
        self.preference_box = a11y.number_box(
            "How strongly people choose their own side", preference, 0.0, 1.0, 0.05
        )
        self.status = widget_parts.html()
        self.image = a11y.image(
            format="png", layout=widget_parts.shared(widgets.Layout, max_width="460px")
        )
        self.caption = widget_parts.html()
        self.box = widget_parts.vbox([self.preference_box, self.status, self.image, self.caption])
        self.box.add_class("netind-niche-explorer")
        self.preference_box.observe(self.refresh, names="value")
        self._update()

    def _update(self) -> None:
        self.preference = float(self.preference_box.value)
        G = niches.niche_network(preference=self.preference, seed=self.seed)
        self.by_person = niches.shares_by_person(G)
        self.share = niches.other_side_share(G)
        self.none_from_other = sum(v == 0 for v in self.by_person.values()) / len(self.by_person)
        self.announce(
            f"Preference {self.preference:.2f}: on average {self.share:.0%} of what a person "
            f"sees comes from the other side; {self.none_from_other:.0%} of people see nothing "
            "from it. (Synthetic population of 200; choosing at random gives about 50%.)"
        )
        self.description = (
            f"Histogram (synthetic data): the share of each person's feed from the other side, "
            f"from 0% to 100%. At preference {self.preference:.2f} the mean is "
            f"{self.share:.0%} and {self.none_from_other:.0%} of people are at 0%."
        )
        self.caption.value = (
            f"<p><small>Picture in words: {html.escape(self.description)}</small></p>"
        )
        if self.draw:
            self.image.value = self._png()
            a11y.describe_image(self.image, self.description)

    def _build_figure(self) -> None:
        """Draw the axes once; an update only redraws the bars and the title (blitting)."""
        from netind_teach import plotting, rendering

        fig = rendering.new_figure((5.2, 2.6), dpi=72)  # no pyplot: no global figure state
        ax = fig.add_subplot()
        lefts = [5 * i for i in range(_BINS)]
        self._bars = ax.bar(
            lefts,
            [0] * _BINS,
            width=5,
            align="edge",
            color=plotting.PALETTE[0],
            edgecolor="white",
        )
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 200)
        ax.set_xlabel("% of what the person sees from the other side")
        ax.set_ylabel("people")
        ax.set_title("", fontsize=11)
        fig.subplots_adjust(left=0.13, right=0.97, top=0.88, bottom=0.22)
        for artist in (*self._bars, ax.title):  # redrawn on each update, over a saved background
            artist.set_animated(True)
        fig.canvas.draw()
        self._background = rendering.agg_canvas(fig).copy_from_bbox(fig.bbox)
        self._fig, self._ax = fig, ax

    def _png(self) -> bytes:
        from netind_teach import rendering

        if not hasattr(self, "_fig"):
            self._build_figure()
        counts = niches.histogram(self.by_person.values(), _BINS)
        for bar, count in zip(self._bars, counts, strict=True):
            bar.set_height(count)
        self._ax.set_title(f"SYNTHETIC population, preference {self.preference:.2f}")
        rendering.agg_canvas(self._fig).restore_region(self._background)
        for artist in (*self._bars, self._ax.title):
            self._ax.draw_artist(artist)
        return rendering.figure_png(self._fig, draw=False)
