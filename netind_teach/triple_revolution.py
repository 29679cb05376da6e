"""Lesson 03's model: the triple revolution as three switches on a network of groups.

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

:func:`outcome` runs the news cascade (:func:`netind_teach.diffusion.spread`) and the
reach for help at a random moment (:func:`netind_teach.diffusion.reach`) for one
position of the switches (:class:`Settings`); lesson 03's explorer
(:class:`netind_teach.widgets.revolutions.RevolutionsExplorer`) shows it. Every number
here (network size, the place-bound availabilities) is an illustrative choice of the
course, not a measurement.

Examples
--------
>>> G = lesson_network(social=True, internet=False)
>>> G.number_of_nodes(), sorted({k for _, _, k in G.edges(data="kind")})
(300, ['strong', 'weak'])
>>> availability(mobile=False) == PLACE_BOUND
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach import diffusion, figure_text, models
from netind_teach.quantities import fraction
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
    "Outcome",
    "Settings",
    "availability",
    "cross_group_ties",
    "lesson_network",
    "outcome",
    "picture_text",
    "steps_to_reach",
    "summarize",
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

    Parameters
    ----------
    social : bool
        The social network revolution: weak ties into neighbouring groups.
    internet : bool
        The internet revolution: online ties to distant groups.
    weak_share : float
        Share of people given a tie of each kind switched on, 0 to 1.
    seed : int
        Seed of the network.
    n_groups, group_size : int
        Number and size of the groups.

    Returns
    -------
    networkx.Graph
        A :func:`netind_teach.models.group_network` of ``n_groups * group_size`` people.

    Examples
    --------
    >>> boxes = lesson_network(social=False, internet=False)
    >>> full = lesson_network()
    >>> set(boxes.edges) <= set(full.edges)
    True
    >>> {k for _, _, k in boxes.edges(data="kind")}
    {'strong'}
    """
    weak_share = fraction("weak_share", weak_share)
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

    Parameters
    ----------
    place_bound : mapping of str to float
        Availability of each tie kind without a phone, 0 to 1.
    always_on : float
        Chance that a contact answers the phone, 0 to 1.

    Returns
    -------
    dict of str to float
        Availability of each tie kind with the phone.

    Examples
    --------
    >>> with_mobile({"strong": 0.3, "weak": 0.1}, 0.8)
    {'strong': 0.86, 'weak': 0.82}
    """
    a = fraction("always_on", always_on)
    out = {}
    for kind, p in place_bound.items():
        if kind not in TIE_KINDS:
            raise ValueError(f"Unknown tie kind {kind!r}; the kinds are {', '.join(TIE_KINDS)}.")
        out[kind] = round(
            1.0 - (1.0 - fraction(f"place_bound[{kind!r}]", p)) * (1.0 - a), 12
        )
    return out


def availability(mobile: bool, always_on: float = ALWAYS_ON) -> dict[str, float]:
    """Return the availability of each tie kind with the mobile revolution off or on.

    Parameters
    ----------
    mobile : bool
        Whether the mobile revolution is on.
    always_on : float
        Chance that a contact answers the phone, used when ``mobile`` is on.

    Returns
    -------
    dict of str to float
        Availability of each tie kind: :data:`PLACE_BOUND`, or it raised by
        :func:`with_mobile`.

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

    Parameters
    ----------
    curve : sequence of float
        Mean informed people per step (step 0 first).
    target : float
        Number of people to reach.

    Returns
    -------
    int or None
        The step, or None when the curve never reaches ``target``.

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

    Parameters
    ----------
    G : networkx.Graph
        A network whose people carry ``circle`` and whose ties carry ``kind`` (a tie
        without one counts as strong).

    Returns
    -------
    dict of str to int
        Number of cross-group ties of each kind, 0 included.

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
    """One position of the three switches and two shares.

    Parameters
    ----------
    social, internet, mobile : bool
        Which revolutions are on.
    weak_share : float
        Share of people with a weak tie of each kind switched on.
    always_on : float
        Chance that a contact answers the phone, with the mobile revolution on.
    """

    social: bool = True
    internet: bool = True
    mobile: bool = True
    weak_share: float = WEAK_SHARE
    always_on: float = ALWAYS_ON


@dataclass(frozen=True)
class Outcome:
    """What one position of the switches gives (see :func:`outcome`).

    Parameters
    ----------
    network : networkx.Graph
        The lesson's network with the chosen revolutions.
    curve : numpy.ndarray
        Mean number of people informed after each step of the news cascade.
    reach : netind_teach.diffusion.ReachResult
        How many people the person reaches for help at a random moment.
    summary : dict
        The figures as shown, rounded (:func:`summarize`).
    """

    network: nx.Graph
    curve: np.ndarray
    reach: diffusion.ReachResult
    summary: dict[str, Any]


def summarize(curve: Any, reach: diffusion.ReachResult, n_people: int) -> dict[str, Any]:
    """Return the figures the explorer shows for a news curve and a reach, rounded.

    Parameters
    ----------
    curve : sequence of float
        Mean informed people per step (:func:`netind_teach.diffusion.spread`).
    reach : netind_teach.diffusion.ReachResult
        The reach for help (:func:`netind_teach.diffusion.reach`).
    n_people : int
        People in the network.

    Returns
    -------
    dict
        ``informed`` (after the last step, 1 decimal), ``share_informed`` (of
        ``n_people``, 3 decimals), ``steps_to_30`` (:func:`steps_to_reach`, or None),
        ``reach_mean`` (2 decimals), ``reach_possible`` and ``reach_share`` (3 decimals).

    Examples
    --------
    >>> r = diffusion.ReachResult(mean=4.5, counts=(4, 5), possible=9)
    >>> summarize([1.0, 12.0, 40.0], r, 300)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'informed': 40.0, 'share_informed': 0.133, 'steps_to_30': 2, 'reach_mean': 4.5,
     'reach_possible': 9, 'reach_share': 0.5}
    """
    final = float(curve[-1])
    return {
        "informed": round(final, 1),
        "share_informed": round(final / n_people, 3),
        "steps_to_30": steps_to_reach(curve, 30),
        "reach_mean": round(reach.mean, 2),
        "reach_possible": reach.possible,
        "reach_share": round(reach.share, 3),
    }


def outcome(
    settings: Settings,
    person: int = 0,
    *,
    steps: int = 15,
    trials: int = SPREAD_TRIALS,
    hops: int = 2,
    seed: int = NETWORK_SEED,
) -> Outcome:
    """Build the network for ``settings``, spread news from ``person`` and measure reach.

    Parameters
    ----------
    settings : Settings
        Which revolutions are on, and the two shares.
    person : int
        Whose news and reach are followed.
    steps, trials : int
        Steps of the news cascade and cascades averaged.
    hops : int
        Longest chain of ties used to reach help (2 = friends of friends).
    seed : int
        Seed of the network and of both simulations.

    Returns
    -------
    Outcome
        The network, the news curve, the reach and their :func:`summarize`.

    Examples
    --------
    >>> boxes = outcome(Settings(social=False, internet=False), trials=20)
    >>> bridged = outcome(Settings(), trials=20)
    >>> boxes.summary["informed"] < bridged.summary["informed"]
    True
    """
    network = lesson_network(settings.social, settings.internet, settings.weak_share, seed)
    curve = diffusion.spread(network, person, steps=steps, seed=seed, trials=trials)
    reach = diffusion.reach(
        network,
        availability(settings.mobile, settings.always_on),
        hops=hops,
        seed=seed,
        ego=person,
        trials=REACH_TRIALS,
    )
    summary = summarize(curve, reach, network.number_of_nodes())
    return Outcome(network=network, curve=curve, reach=reach, summary=summary)


def picture_text(baseline: Any, curve: Any, summary: Mapping[str, Any], hops: int) -> str:
    """Return the text alternative of the explorer's picture: both charts, with their values.

    Parameters
    ----------
    baseline, curve : sequence of float
        News curves with only strong ties, and with the switches as set.
    summary : mapping
        :func:`summarize` of the current outcome.
    hops : int
        Longest chain of ties used to reach help.

    Returns
    -------
    str
        The line chart described series by series, then the bar chart.

    Examples
    --------
    >>> text = picture_text([1, 2], [1, 3], {"reach_mean": 2.0, "reach_possible": 4}, 2)
    >>> text.endswith("2.0 of 4 people within 2 steps are reachable now (mean).")
    True
    """
    steps = list(range(len(curve)))
    curves = [
        ("only strong ties (little boxes)", steps, list(baseline)),
        ("with the switches as set", steps, list(curve)),
    ]
    left = figure_text.describe_series(
        curves,
        title="News spreading (synthetic network)",
        xlabel="step",
        ylabel="people who know the news",
    )
    return (
        f'{left} Bar chart "Help at a random moment (synthetic)": '
        f"{summary['reach_mean']:.1f} of {summary['reach_possible']} people within {hops} "
        "steps are reachable now (mean)."
    )
