"""Niches: how choosing similar others (homophily) narrows what people see of the other side.

McPherson, Smith-Lovin & Cook (2001): "similarity breeds connection". This module makes a
small **synthetic** population of two sides (think of two political leanings) in which
each person chooses ties, preferring their own side with a strength ``preference``
between 0 (ties chosen without regard to side) and 1 (own side only), and measures what
share of what each person sees comes from the other side, when each friend shares
equally (:func:`other_side_share`). A ranking step can keep fewer of the other side's
posts (:func:`seen_share`).

:func:`funnel_drops` reads the published exposure figures of Bakshy, Messing & Adamic
(2015, as averaged in Facebook's release of May 2015; dataset ``bakshy_exposure``) step
by step.

Examples
--------
>>> G = niche_network(preference=0.0, seed=1)
>>> round(other_side_share(G), 2)
0.5
>>> round(other_side_share(niche_network(preference=0.9, seed=1)), 2)
0.05
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from netind_teach.quantities import fraction, is_whole

__all__ = [
    "NICHE_SEED",
    "SIDES",
    "funnel_drops",
    "histogram",
    "largest_drop",
    "niche_network",
    "other_side_share",
    "seen_share",
    "shares_by_person",
]

#: The two sides of the synthetic population.
SIDES: tuple[str, str] = ("left", "right")
#: Seed of the lesson's synthetic population.
NICHE_SEED = 2001


def niche_network(
    n: int = 200, ties: int = 6, preference: float = 0.5, seed: int = NICHE_SEED
) -> nx.Graph:
    """Return a synthetic population of two equal sides; each person adds ``ties`` ties.

    Each new tie goes to someone of the person's own side with probability
    ``0.5 + 0.5 * preference`` (two equal sides: 0.5 is what choosing at random gives),
    otherwise to someone of the other side. The same ``seed`` gives the same draws at
    every preference, so changing it in the explorer compares like with like.

    Parameters
    ----------
    n : int
        People (even, at least 4).
    ties : int
        Ties each person adds (a person also receives others' ties).
    preference : float
        Strength of homophily, 0 to 1.
    seed : int
        Seed of the draw.

    Returns
    -------
    networkx.Graph
        Node attribute ``side`` ("left" or "right"); graph attributes ``preference`` and
        ``name`` (which says synthetic).

    Examples
    --------
    >>> G = niche_network(n=10, ties=2, preference=1.0, seed=0)
    >>> all(G.nodes[u]["side"] == G.nodes[v]["side"] for u, v in G.edges)
    True
    """
    if not is_whole(n) or n < 4 or n % 2:
        raise ValueError(f"n must be an even whole number >= 4 (e.g. 200); got {n!r}")
    if not is_whole(ties) or not 1 <= ties < n // 2:
        raise ValueError(f"ties must be a whole number from 1 to {n // 2 - 1}; got {ties!r}")
    strength = fraction("preference", preference)
    same = 0.5 + 0.5 * strength
    rng = random.Random(seed)
    half = n // 2
    G = nx.Graph(name="synthetic two-sided population", preference=strength)
    for person in range(n):
        G.add_node(person, side=SIDES[person // half])
    for person in range(n):
        own = person // half
        for _ in range(ties):
            choice, pick = rng.random(), rng.randrange(half - 1)
            side = own if choice < same else 1 - own
            other = side * half + pick
            if other >= person and side == own:  # skip oneself within one's own side
                other += 1
            G.add_edge(person, other)
    return G


def shares_by_person(G: nx.Graph) -> dict[Any, float]:
    """For each person with ties: the share of their ties on the other side.

    Parameters
    ----------
    G : networkx.Graph
        A network whose people carry a ``side`` attribute, such as :func:`niche_network`
        returns.

    Returns
    -------
    dict
        Person -> share of their ties to people of the other side, 0 to 1; people
        without ties are left out.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (0, 2)])
    >>> nx.set_node_attributes(G, {0: "left", 1: "left", 2: "right"}, "side")
    >>> shares_by_person(G)[0]
    0.5
    """
    out = {}
    for person in G:
        friends = list(G[person])
        if friends:
            side = G.nodes[person]["side"]
            out[person] = sum(G.nodes[f]["side"] != side for f in friends) / len(friends)
    return out


def other_side_share(G: nx.Graph) -> float:
    """Mean share of what a person sees that comes from the other side.

    Each friend shares one post of their own side, and a person sees every friend's post:
    the share is the share of their friends on the other side, averaged over people.

    Parameters
    ----------
    G : networkx.Graph
        A network whose people carry a ``side`` attribute, such as :func:`niche_network`
        returns.

    Returns
    -------
    float
        The mean share, 0 to 1 (0 when nobody has a tie).

    Examples
    --------
    >>> round(other_side_share(niche_network(preference=0.5, seed=3)), 2)
    0.23
    """
    shares = shares_by_person(G)
    return sum(shares.values()) / len(shares) if shares else 0.0


def histogram(shares: Iterable[float], bins: int = 20) -> list[int]:
    """Count people per equal-width bin of their share from the other side.

    Parameters
    ----------
    shares : iterable of float
        Each person's share, 0 to 1 (e.g. the values of :func:`shares_by_person`).
    bins : int
        Number of bins from 0 to 1; a share of exactly 1 falls in the last one.

    Returns
    -------
    list of int
        People per bin, from the lowest shares to the highest.

    Examples
    --------
    >>> histogram([0.0, 0.04, 0.05, 0.5, 1.0])[:2], histogram([0.0, 1.0], bins=2)
    ([2, 1], [1, 1])
    """
    counts = [0] * bins
    width = 100 / bins  # in percentage points, as the picture's axis reads
    for value in shares:
        counts[min(int(100 * value // width), bins - 1)] += 1
    return counts


def seen_share(share: float, keep_other: float = 1.0) -> float:
    """Share from the other side after a ranking keeps ``keep_other`` of its posts.

    ``share`` is the other side's share of what friends post; a ranking that shows all of
    one's own side but only a share ``keep_other`` of the other side's posts leaves
    ``share * keep / (share * keep + 1 - share)``.

    Parameters
    ----------
    share : float
        The other side's share of what friends post, 0 to 1.
    keep_other : float
        Share of the other side's posts the ranking keeps, 0 to 1 (1 keeps all).

    Returns
    -------
    float
        The other side's share of what is seen, 0 to 1.

    Raises
    ------
    ValueError
        If ``share`` or ``keep_other`` is not a number between 0 and 1.

    Examples
    --------
    >>> seen_share(0.3, 1.0), round(seen_share(0.5, 0.5), 3)
    (0.3, 0.333)
    """
    share = fraction("share", share)
    keep = fraction("keep_other", keep_other)
    shown = share * keep
    total = shown + (1.0 - share)
    return shown / total if total else 0.0


def funnel_drops(table: Any) -> list[tuple[str, str, float]]:
    """Step-by-step drops of cross-cutting content, in percentage points.

    Parameters
    ----------
    table : pandas.DataFrame
        ``datasets.load("bakshy_exposure")``: columns ``stage_order``, ``stage``,
        ``measured_on`` and ``percent_cross_cutting``. Only the stages measured on content
        are compared (the friends stage counts people, not posts).

    Returns
    -------
    list of (from stage, to stage, drop in points)

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"stage_order": [1, 2], "stage": ["a", "b"],
    ...                   "measured_on": ["content", "content"],
    ...                   "percent_cross_cutting": [30.0, 25.0]})
    >>> funnel_drops(t)
    [('a', 'b', 5.0)]
    """
    content = table[table["measured_on"] == "content"].sort_values("stage_order")
    stages: Sequence[str] = list(content["stage"])
    values = [float(v) for v in content["percent_cross_cutting"]]
    return [
        (stages[i], stages[i + 1], round(values[i] - values[i + 1], 6))
        for i in range(len(stages) - 1)
    ]


def largest_drop(table: Any) -> tuple[str, str, float]:
    """Return the step of :func:`funnel_drops` that removes the most cross-cutting content.

    Parameters
    ----------
    table : pandas.DataFrame
        ``datasets.load("bakshy_exposure")`` or a table with the same columns (see
        :func:`funnel_drops`).

    Returns
    -------
    tuple of (str, str, float)
        The stage before, the stage after, and the drop in percentage points.

    Raises
    ------
    ValueError
        If fewer than two stages are measured on content.

    Examples
    --------
    >>> from netind_teach import datasets
    >>> largest_drop(datasets.load("bakshy_exposure"))[1]
    'clicked'
    """
    drops = funnel_drops(table)
    if not drops:
        raise ValueError("the table needs at least two stages measured on content")
    return max(drops, key=lambda d: d[2])
