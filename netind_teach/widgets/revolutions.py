"""Lesson 03's explorer: switch each of the three revolutions on and off, watch news and help.

Rainie & Wellman (2012) describe a *triple revolution*: the social network revolution,
the internet revolution and the mobile revolution. This module turns each into a switch
on a *synthetic* network of groups (:func:`netind_teach.models.group_network`):

* **social network revolution** on: a share ``weak_share`` of people have a weak tie into
  a neighbouring group (off: only strong ties inside groups, "little boxes");
* **internet revolution** on: the same share of people have an online weak tie to a
  distant group;
* **mobile revolution** on: ties are reachable at any moment through a phone. Off, a tie
  is available only when people happen to be together (:data:`PLACE_BOUND`); on, a tie is
  available when they are together *or* the contact answers with probability
  ``always_on`` (:func:`with_mobile`).

:class:`RevolutionsExplorer` shows the news curve (:func:`netind_teach.simulate.spread`)
and the reach for help at a random moment (:func:`netind_teach.simulate.reach`) and
updates both when a switch or slider moves. Every number here (network size, the
place-bound availabilities) is an illustrative choice of the course, not a measurement.

ipywidgets and matplotlib are imported only when an explorer is built.

Examples
--------
>>> from netind_teach.widgets import revolutions
>>> G = revolutions.lesson_network(social=True, internet=False)
>>> G.number_of_nodes(), sorted({k for _, _, k in G.edges(data="kind")})
(300, ['strong', 'weak'])
>>> revolutions.availability(mobile=False) == revolutions.PLACE_BOUND
True
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach import a11y, figure_text, models, simulate
from netind_teach.vocab import TIE_KINDS

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ALWAYS_ON",
    "GROUP_SIZE",
    "NETWORK_SEED",
    "N_GROUPS",
    "PLACE_BOUND",
    "REACH_TRIALS",
    "SPREAD_TRIALS",
    "WEAK_SHARE",
    "RevolutionsExplorer",
    "Settings",
    "availability",
    "cross_group_ties",
    "lesson_network",
    "steps_to_reach",
    "with_mobile",
]

#: Number of groups and people per group of the lesson's synthetic network (300 people).
N_GROUPS = 30
GROUP_SIZE = 10
#: Seed of the lesson's synthetic network.
NETWORK_SEED = 3
#: Default share of people with a weak tie of each kind (neighbouring group; online, distant).
WEAK_SHARE = 0.2
#: Chance that a tie is available at a random moment when it depends on being together
#: (illustrative): people of one's own group are around more often than weak ties, and a
#: distant online tie needs both at a computer at once.
PLACE_BOUND: dict[str, float] = {"strong": 0.3, "weak": 0.1, "online": 0.1}
#: Default chance that a contact answers a phone or message at a random moment (illustrative).
ALWAYS_ON = 0.8
#: News cascades averaged and random moments drawn: the same as lesson 03's tables, so the
#: explorer and the lesson show the same figures for the same settings.
SPREAD_TRIALS = 100
REACH_TRIALS = 2000


def _share(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r}.")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value}.")
    return float(value)


def lesson_network(
    social: bool = True,
    internet: bool = True,
    weak_share: float = WEAK_SHARE,
    seed: int = NETWORK_SEED,
    *,
    n_groups: int = N_GROUPS,
    group_size: int = GROUP_SIZE,
) -> nx.Graph:
    """Return the lesson's synthetic network of groups with the chosen revolutions.

    Strong ties inside groups are always there; ``social`` adds weak ties into
    neighbouring groups and ``internet`` online ties to distant groups, each for a share
    ``weak_share`` of people. For one ``seed`` the strong ties are the same whatever the
    switches are, and switching a revolution on only adds ties.

    Examples
    --------
    >>> boxes = lesson_network(social=False, internet=False)
    >>> full = lesson_network()
    >>> set(boxes.edges) <= set(full.edges)
    True
    >>> {k for _, _, k in boxes.edges(data="kind")}
    {'strong'}
    """
    weak_share = _share("weak_share", weak_share)
    return models.group_network(
        n_groups=n_groups,
        group_size=group_size,
        seed=seed,
        weak_share=weak_share if social else 0.0,
        online_share=weak_share if internet else 0.0,
    )


def with_mobile(place_bound: Mapping[str, float], always_on: float) -> dict[str, float]:
    """Return availabilities when a phone adds a second way to reach each tie.

    A tie is available if the two are together (``place_bound[kind]``) or the contact
    answers the phone (``always_on``), independently: ``1 - (1 - p) * (1 - always_on)``.
    With ``always_on=0`` nothing changes; it never lowers an availability.

    Examples
    --------
    >>> with_mobile({"strong": 0.3, "weak": 0.1}, 0.8)
    {'strong': 0.86, 'weak': 0.82}
    """
    a = _share("always_on", always_on)
    out = {}
    for kind, p in place_bound.items():
        if kind not in TIE_KINDS:
            raise ValueError(f"Unknown tie kind {kind!r}; the kinds are {', '.join(TIE_KINDS)}.")
        out[kind] = round(1.0 - (1.0 - _share(f"place_bound[{kind!r}]", p)) * (1.0 - a), 12)
    return out


def availability(mobile: bool, always_on: float = ALWAYS_ON) -> dict[str, float]:
    """Return the availability of each tie kind with the mobile revolution off or on.

    Examples
    --------
    >>> availability(mobile=True, always_on=0.5)["strong"]
    0.65
    """
    if not mobile:
        return dict(PLACE_BOUND)
    return with_mobile(PLACE_BOUND, always_on)


def steps_to_reach(curve: Any, target: float) -> int | None:
    """Return the first step at which a spread curve reaches ``target`` people, or None.

    Examples
    --------
    >>> steps_to_reach([1.0, 3.0, 8.0, 20.0], 5), steps_to_reach([1.0, 2.0], 5)
    (2, None)
    """
    for step, value in enumerate(curve):
        if value >= target:
            return step
    return None


def cross_group_ties(G: nx.Graph) -> dict[str, int]:
    """Count the ties that join two different groups (node attribute ``circle``), by kind.

    Examples
    --------
    >>> G = lesson_network(social=True, internet=False)
    >>> counts = cross_group_ties(G)
    >>> counts["strong"], counts["online"], counts["weak"] > 0
    (0, 0, True)
    """
    counts = dict.fromkeys(TIE_KINDS, 0)
    for u, v, kind in G.edges(data="kind", default="strong"):
        if G.nodes[u].get("circle") != G.nodes[v].get("circle"):
            counts[kind] = counts.get(kind, 0) + 1
    return counts


@dataclass(frozen=True)
class Settings:
    """One position of the explorer's switches and sliders."""

    social: bool = True
    internet: bool = True
    mobile: bool = True
    weak_share: float = WEAK_SHARE
    always_on: float = ALWAYS_ON


class RevolutionsExplorer:
    """Three switches (one per revolution) and two sliders; news and reach update live.

    Controls (ipywidgets, set their ``value`` from Python too): ``social``, ``internet``,
    ``mobile`` (toggle buttons), ``weak_share`` and ``always_on`` (sliders;
    ``always_on`` is greyed out while the mobile revolution is off, ``weak_share`` while
    the social network and internet revolutions are both off, and the text says why).
    Results after each update: ``network`` (the graph), ``curve`` (mean informed per
    step), ``reach`` (a :class:`netind_teach.simulate.ReachResult`), ``summary`` (the
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

        unknown = set(start) - set(Settings.__dataclass_fields__)
        if unknown:
            raise TypeError(
                f"Unknown setting(s) {sorted(unknown)}; the settings are "
                f"{', '.join(Settings.__dataclass_fields__)}."
            )
        initial = Settings(**start)
        _share("weak_share", initial.weak_share)
        _share("always_on", initial.always_on)
        for name, value in (("steps", steps), ("trials", trials), ("hops", hops)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, got {value!r}.")
        self.steps, self.trials, self.hops, self.seed = steps, trials, hops, seed
        self.baseline = lesson_network(social=False, internet=False, seed=seed)
        if person not in self.baseline:
            raise ValueError(
                f"person {person!r} is not in the network; choose a number from 0 to "
                f"{self.baseline.number_of_nodes() - 1}."
            )
        self.person = person
        self.n_people = self.baseline.number_of_nodes()
        self.baseline_curve = simulate.spread(
            self.baseline, person, steps=steps, seed=seed, trials=trials
        )
        widest = lesson_network(weak_share=0.5, seed=seed)
        self._most_possible = simulate.reach(widest, 1.0, hops=hops, ego=person, trials=1).possible

        def toggle(description: str, value: bool, tip: str) -> Any:
            return widgets.ToggleButton(
                value=value,
                description=description,
                tooltip=tip,
                icon="check" if value else "",
                layout=widgets.Layout(width="210px"),
            )

        self.social = toggle(
            "social network revolution", initial.social, "weak ties into neighbouring groups"
        )
        self.internet = toggle("internet revolution", initial.internet, "online ties far away")
        self.mobile = toggle("mobile revolution", initial.mobile, "always-on phones")
        slider_style = {"description_width": "150px"}
        self.weak_share = widgets.FloatSlider(
            value=initial.weak_share,
            min=0.0,
            max=0.5,
            step=0.05,
            description="share with weak ties",
            style=slider_style,
            continuous_update=False,
            layout=widgets.Layout(width="420px"),
        )
        self.always_on = widgets.FloatSlider(
            value=initial.always_on,
            min=0.0,
            max=1.0,
            step=0.05,
            description="always-on availability",
            style=slider_style,
            continuous_update=False,
            layout=widgets.Layout(width="420px"),
        )
        self.image = a11y.image(format="png")
        self.text = widgets.HTML()
        self.network: nx.Graph = self.baseline
        self.curve: np.ndarray = self.baseline_curve
        self.reach: simulate.ReachResult | None = None
        self.summary: dict[str, Any] = {}
        self.error = ""
        self._figure = self._build_figure()
        for control in (self.social, self.internet, self.mobile, self.weak_share, self.always_on):
            control.observe(self.update, names="value")
        self.box = widgets.VBox(
            [
                widgets.HBox([self.social, self.internet, self.mobile]),
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
        """The current position of the switches and sliders."""
        return Settings(
            social=bool(self.social.value),
            internet=bool(self.internet.value),
            mobile=bool(self.mobile.value),
            weak_share=float(self.weak_share.value),
            always_on=float(self.always_on.value),
        )

    def update(self, change: Any = None) -> None:
        """Recompute the network, the news curve and the reach; redraw. Never raises."""
        try:
            self._compute(self.settings)
            self.error = ""
            self.text.value = self._summary_html()
            self._redraw()
        except Exception as exc:  # a learner must never see a traceback from a widget
            self.error = f"Could not update ({type(exc).__name__}): {exc}"
            self.text.value = f"<p style='color:#D55E00'><b>{self.error}</b></p>"

    def _compute(self, s: Settings) -> None:
        for button in (self.social, self.internet, self.mobile):
            button.icon = "check" if button.value else ""
        self.always_on.disabled = not s.mobile
        self.weak_share.disabled = not (s.social or s.internet)
        self.network = lesson_network(s.social, s.internet, s.weak_share, self.seed)
        self.curve = simulate.spread(
            self.network, self.person, steps=self.steps, seed=self.seed, trials=self.trials
        )
        self.reach = simulate.reach(
            self.network,
            availability(s.mobile, s.always_on),
            hops=self.hops,
            seed=self.seed,
            ego=self.person,
            trials=REACH_TRIALS,
        )
        final = float(self.curve[-1])
        self.summary = {
            "informed": round(final, 1),
            "share_informed": round(final / self.n_people, 3),
            "steps_to_30": steps_to_reach(self.curve, 30),
            "reach_mean": round(self.reach.mean, 2),
            "reach_possible": self.reach.possible,
            "reach_share": round(self.reach.share, 3),
        }

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
            f"{self._greyed_out_html(s)}</p>"
        )

    @staticmethod
    def _greyed_out_html(s: Settings) -> str:
        """Why a slider is greyed out, in words (a screen reader hears it too)."""
        notes = []
        if not (s.social or s.internet):
            notes.append(
                "The weak-ties slider is off: with the social network and internet revolutions "
                "both off there are no weak ties to share out. Switch one on to use it."
            )
        if not s.mobile:
            notes.append(
                "The always-on slider is off: it needs the mobile revolution. Switch it on to "
                "use it."
            )
        return "".join(f"<br><small>{note}</small>" for note in notes)

    # -- picture ------------------------------------------------------------------------
    def _build_figure(self) -> dict[str, Any]:
        """Draw the static parts once; an update redraws only the curve and the bars."""
        from netind_teach import plotting

        fig = plotting.new_figure((9.5, 3.6), dpi=72)
        canvas = fig.canvas
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
        left.set_title("News spreading (synthetic network)", fontsize=12)
        left.legend(loc="upper left", frameon=False, fontsize=9)
        (possible,) = right.barh([0], [0], color="#DDDDDD", edgecolor="#333333", height=0.5)
        (reached,) = right.barh([0], [0], color=plotting.PALETTE[1], height=0.5)
        right.set_xlim(0, max(self._most_possible, 1) * 1.05)
        right.set_ylim(-0.6, 1.0)
        right.set_yticks([])
        right.set_xlabel("people within reach")
        right.set_title("Help at a random moment (synthetic)", fontsize=12)
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
        from netind_teach import plotting

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
        self.image.value = plotting.figure_png(canvas.figure, draw=False)
        a11y.describe_image(self.image, self.picture_text())

    def picture_text(self) -> str:
        """The text alternative of the picture: both charts, with their current values."""
        steps = list(range(len(self.curve)))
        curves = [
            ("only strong ties (little boxes)", steps, list(self.baseline_curve)),
            ("with the switches as set", steps, list(self.curve)),
        ]
        left = figure_text.describe_series(
            curves,
            title="News spreading (synthetic network)",
            xlabel="step",
            ylabel="people who know the news",
        )
        m = self.summary
        return (
            f'{left} Bar chart "Help at a random moment (synthetic)": {m["reach_mean"]:.1f} of '
            f"{m['reach_possible']} people within {self.hops} steps are reachable now (mean)."
        )

    # -- display ------------------------------------------------------------------------
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        return self.box._repr_mimebundle_(include=include, exclude=exclude)

    def __repr__(self) -> str:
        s = self.settings
        return (
            f"RevolutionsExplorer(social={s.social}, internet={s.internet}, mobile={s.mobile}, "
            f"weak_share={s.weak_share:.2f}, always_on={s.always_on:.2f})"
        )
