"""Lesson 03's explorer: switch each of the three revolutions on and off, watch news and help.

:class:`RevolutionsExplorer` wires three switches and two numbers to the lesson's model,
:mod:`netind_teach.triple_revolution`: each change runs
:func:`~netind_teach.triple_revolution.outcome` and shows the news curve and the reach
for help as a picture and as text. ipywidgets and matplotlib are imported only when an
explorer is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach import a11y, diffusion
from netind_teach import triple_revolution as model
from netind_teach.display import ShownAsBox
from netind_teach.quantities import fraction
from netind_teach.triple_revolution import NETWORK_SEED, SPREAD_TRIALS, Settings
from netind_teach.widget_guard import guard

if TYPE_CHECKING:
    import numpy as np

__all__ = ["RevolutionsExplorer"]


class RevolutionsExplorer(ShownAsBox):
    """Three switches (one per revolution) and two numbers; news and reach update live.

    Controls (ipywidgets, set their ``value`` from Python too): ``social``, ``internet``,
    ``mobile`` (check boxes: ticked is on), ``weak_share`` and ``always_on`` (number
    boxes, held to their range;
    ``always_on`` is greyed out while the mobile revolution is off, ``weak_share`` while
    the social network and internet revolutions are both off, and the text says why).
    Results after each update: ``network`` (the graph), ``curve`` (mean informed per
    step), ``reach`` (a :class:`netind_teach.diffusion.ReachResult`), ``summary`` (the
    figures shown as text, rounded) and ``error`` (a message, or ``""``). The picture is a PNG in an
    ``ipywidgets.Image``; nothing is printed.

    Parameters
    ----------
    person : int
        Whose news and reach are followed (a person of the network, 0 to 299).
    steps, trials : int
        Steps of the news cascade and cascades averaged (as in lesson 03's table).
    hops : int
        Longest chain of ties used to reach help (2 = friends of friends).
    seed : int
        Seed of the network and of the simulations.
    **start
        Initial values: ``social``, ``internet``, ``mobile``, ``weak_share``, ``always_on``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> x = RevolutionsExplorer(social=False, internet=False)
    >>> x.summary["informed"] < 12
    True
    >>> x.social.value = True
    >>> x.internet.value = True
    >>> x.summary["informed"] > 100
    True
    """

    def __init__(
        self,
        person: int = 0,
        steps: int = 15,
        trials: int = SPREAD_TRIALS,
        hops: int = 2,
        seed: int = NETWORK_SEED,
        **start: Any,
    ) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        unknown = set(start) - set(Settings.__dataclass_fields__)
        if unknown:
            raise TypeError(
                f"Unknown setting(s) {sorted(unknown)}; the settings are "
                f"{', '.join(Settings.__dataclass_fields__)}."
            )
        initial = Settings(**start)
        fraction("weak_share", initial.weak_share)
        fraction("always_on", initial.always_on)
        for name, value in (("steps", steps), ("trials", trials), ("hops", hops)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, got {value!r}.")
        self.steps, self.trials, self.hops, self.seed = steps, trials, hops, seed
        self.baseline = model.lesson_network(social=False, internet=False, seed=seed)
        if person not in self.baseline:
            raise ValueError(
                f"person {person!r} is not in the network; choose a number from 0 to "
                f"{self.baseline.number_of_nodes() - 1}."
            )
        self.person = person
        self.n_people = self.baseline.number_of_nodes()
        self.baseline_curve = diffusion.spread(
            self.baseline, person, steps=steps, seed=seed, trials=trials
        )
        widest = model.lesson_network(weak_share=0.5, seed=seed)
        self._most_possible = diffusion.reach(widest, 1.0, hops=hops, ego=person, trials=1).possible

        def switch(description: str, value: bool, tip: str) -> Any:
            # A check box: its label names it, its tick is its state (checked or not).
            return widget_parts.control(
                widgets.Checkbox, value=value, description=f"{description} ({tip})", indent=False
            )

        self.social = switch(
            "social network revolution", initial.social, "weak ties into neighbouring groups"
        )
        self.internet = switch("internet revolution", initial.internet, "online ties far away")
        self.mobile = switch("mobile revolution", initial.mobile, "always-on phones")
        self.weak_share = a11y.number_box(
            "share with weak ties", initial.weak_share, 0.0, 0.5, 0.05
        )
        self.always_on = a11y.number_box(
            "always-on availability", initial.always_on, 0.0, 1.0, 0.05
        )
        self.image = a11y.image(format="png")
        self.text = widget_parts.html()
        self.network: nx.Graph = self.baseline
        self.curve: np.ndarray = self.baseline_curve
        self.reach: diffusion.ReachResult | None = None
        self.summary: dict[str, Any] = {}
        self.error = ""
        self._figure = self._build_figure()
        for control in (self.social, self.internet, self.mobile, self.weak_share, self.always_on):
            control.observe(self.update, names="value")
        self.box = widget_parts.vbox(
            [
                widget_parts.hbox([self.social, self.internet, self.mobile]),
                self.weak_share,
                self.always_on,
                self.text,
                self.image,
            ]
        )
        self.update()

    # -- state ------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The current position of the switches and numbers."""
        return Settings(
            social=bool(self.social.value),
            internet=bool(self.internet.value),
            mobile=bool(self.mobile.value),
            weak_share=float(self.weak_share.value),
            always_on=float(self.always_on.value),
        )

    def update(self, change: Any = None) -> None:
        """Recompute the network, the news curve and the reach; redraw.

        A failure shows a one-line message (strict mode, under tests, re-raises it).
        """
        with guard(self._show_failure):
            self._compute(self.settings)
            self.error = ""
            self.text.value = self._summary_html()
            self._redraw()

    def _show_failure(self, exc: Exception) -> None:
        self.error = f"Could not update ({type(exc).__name__}): {exc}"
        self.text.value = f"<p style='color:#D55E00'><b>{self.error}</b></p>"

    def _compute(self, s: Settings) -> None:
        self.always_on.disabled = not s.mobile
        self.weak_share.disabled = not (s.social or s.internet)
        result = model.outcome(
            s, self.person, steps=self.steps, trials=self.trials, hops=self.hops, seed=self.seed
        )
        self.network, self.curve = result.network, result.curve
        self.reach, self.summary = result.reach, result.summary

    def _summary_html(self) -> str:
        s, m = self.settings, self.summary
        switches = (("social network", s.social), ("internet", s.internet), ("mobile", s.mobile))
        on = [name for name, flag in switches if flag]
        if on:
            revolutions = ", ".join(on) + (" revolutions" if len(on) > 1 else " revolution")
        else:
            revolutions = "none"
        if s.social or s.internet:
            kinds = [k for k, flag in (("weak", s.social), ("online", s.internet)) if flag]
            network = (
                f"strong ties inside groups, {' and '.join(kinds)} ties for "
                f"{s.weak_share:.0%} of people"
            )
        else:
            network = "strong ties inside groups only (little boxes)"
        ties = "always-on" if s.mobile else "place-bound"
        fast = (
            f"reaches 30 people at step {m['steps_to_30']}"
            if m["steps_to_30"] is not None
            else f"never reaches 30 people in {self.steps} steps"
        )
        return (
            f"<p><b>On:</b> {revolutions}. <b>Network:</b> {network}; ties {ties}.<br>"
            f"<b>News</b> from person {self.person}: {m['informed']:.1f} of {self.n_people} "
            f"people ({m['share_informed']:.0%}) know it after {self.steps} steps; it {fast}.<br>"
            f"<b>Help</b> at a random moment: person {self.person} can reach "
            f"{m['reach_mean']:.1f} of {m['reach_possible']} people within {self.hops} steps "
            f"({m['reach_share']:.0%}). <i>Synthetic network, illustrative numbers.</i>"
            f"{self._greyed_out_html()}</p>"
        )

    def _greyed_out_html(self) -> str:
        """Why a number is greyed out, in words (a screen reader hears it too)."""
        notes = []
        if self.weak_share.disabled:
            notes.append(
                "The weak-ties share is greyed out: with the social network and internet "
                "revolutions both off there are no weak ties to share out. Switch one on to use it."
            )
        if self.always_on.disabled:
            notes.append(
                "The always-on availability is greyed out: it needs the mobile revolution. Switch "
                "it on to use it."
            )
        return "".join(f"<br><small>{note}</small>" for note in notes)

    # -- picture ------------------------------------------------------------------------
    def _build_figure(self) -> dict[str, Any]:
        """Draw the static parts once; an update redraws only the curve and the bars."""
        from netind_teach import plotting, rendering

        fig = rendering.new_figure((9.5, 3.6), dpi=72)
        canvas = rendering.agg_canvas(fig)
        left, right = fig.subplots(1, 2, width_ratios=(1.6, 1))
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.9, wspace=0.12)
        steps = list(range(self.steps + 1))
        left.plot(
            steps,
            self.baseline_curve,
            color="#999999",
            linestyle="--",
            linewidth=1.8,
            label="only strong ties (little boxes)",
        )
        (line,) = left.plot(
            steps,
            self.baseline_curve,
            color=plotting.PALETTE[0],
            linewidth=2.6,
            label="with the switches as set",
            animated=True,
        )
        left.set_xlim(0, self.steps)
        left.set_ylim(0, self.n_people * 1.02)
        left.set_xlabel("step")
        left.set_ylabel("people who know the news")
        left.set_title("News spreading (synthetic network)", fontsize=12, y=1.0)
        left.legend(loc="upper left", frameon=False, fontsize=9)
        (possible,) = right.barh([0], [0], color="#DDDDDD", edgecolor="#333333", height=0.5)
        (reached,) = right.barh([0], [0], color=plotting.PALETTE[1], height=0.5)
        right.set_xlim(0, max(self._most_possible, 1) * 1.05)
        right.set_ylim(-0.6, 1.0)
        right.set_yticks([])
        right.set_xlabel("people within reach")
        right.set_title("Help at a random moment (synthetic)", fontsize=12, y=1.0)
        right.text(
            0.02,
            0.97,
            f"filled bar: reachable now (mean)\nbox: everyone within {self.hops} steps",
            transform=right.transAxes,
            fontsize=10,
            va="top",
        )
        for artist in (possible, reached):
            artist.set_animated(True)
        # The titles sit at a fixed height (y=1.0, where matplotlib would place them): the
        # first drawing then measures no tick labels to place them.
        for ax in (left, right):
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        canvas.draw()
        background = canvas.copy_from_bbox(fig.bbox)
        return {
            "fig": fig,
            "canvas": canvas,
            "background": background,
            "axes": (left, right),
            "line": line,
            "possible": possible,
            "reached": reached,
        }

    def _redraw(self) -> None:
        """Blit: restore the static picture, draw the curve and the bars, encode a PNG.

        The figures as numbers are in the HTML text above the picture; text drawn into the
        picture would cost more than the rest of the redraw.
        """
        from netind_teach import rendering

        f = self._figure
        f["line"].set_ydata(self.curve)
        f["possible"].set_width(self.summary["reach_possible"])
        f["reached"].set_width(self.summary["reach_mean"])
        canvas = f["canvas"]
        canvas.restore_region(f["background"])
        left, right = f["axes"]
        left.draw_artist(f["line"])
        for name in ("possible", "reached"):
            right.draw_artist(f[name])
        self.image.value = rendering.figure_png(canvas.figure, draw=False)
        text = model.picture_text(self.baseline_curve, self.curve, self.summary, self.hops)
        a11y.describe_image(self.image, text)

    # -- display ------------------------------------------------------------------------
    def __repr__(self) -> str:
        s = self.settings
        return (
            f"RevolutionsExplorer(social={s.social}, internet={s.internet}, mobile={s.mobile}, "
            f"weak_share={s.weak_share:.2f}, always_on={s.always_on:.2f})"
        )
