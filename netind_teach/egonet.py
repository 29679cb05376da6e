"""Ego-network measures: a person's alters, their circles, and how the circles are knit.

An *ego network* is one person (ego), the people ego is tied to (alters) and the ties
among those alters. Every function takes a graph and the ego's node id (default
:data:`netind_teach.vocab.EGO`) and returns a value; :func:`summary` returns them all.

* :func:`alters`, :func:`circles` -- who ego knows, and in which groups;
* :func:`alter_density`, :func:`alter_clustering` -- how densely knit the alters are;
* :func:`effective_size`, :func:`constraint` -- Burt's structural-hole measures;
* :func:`bridging_ties` -- alter-alter ties that join different circles;
* :func:`diversity`, :func:`share_distant` -- kinds of relations, and ties at a distance;
* :func:`network_measures`, :func:`measures_table` -- lesson 01's six measures, rounded
  for display, of one ego network or of several side by side.

Graphs must be undirected and simple (``networkx.Graph``); ties are counted unweighted.

Examples
--------
>>> from netind_teach import egonet, models
>>> G = models.networked_individual(n_circles=3, circle_size=5, seed=1)
>>> s = egonet.summary(G)
>>> s.n_alters, s.density < 0.5, s.share_distant > 0
(15, True, True)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from netind_teach.vocab import EGO

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CIRCLE_METHODS",
    "EgoSummary",
    "alter_clustering",
    "alter_density",
    "alters",
    "bridging_ties",
    "circles",
    "constraint",
    "diversity",
    "effective_size",
    "measures_table",
    "network_measures",
    "share_distant",
    "summary",
]

#: Ways :func:`circles` can find circles.
CIRCLE_METHODS: tuple[str, ...] = ("components", "communities", "attribute")

#: Default Louvain resolution of ``circles(..., method="communities")``.
_RESOLUTION = 0.8

# Each alter mapped to the alters it is tied to (see _alter_ties); a tie as two alters.
_Ties: TypeAlias = dict[Hashable, set[Hashable]]
_Pair: TypeAlias = tuple[Hashable, Hashable]


def _check(G: Any, ego: Hashable) -> None:
    if not isinstance(G, nx.Graph):
        raise TypeError(f"Expected a networkx Graph, got {type(G).__name__}.")
    if G.is_directed() or G.is_multigraph():
        raise TypeError(
            "Ego-network measures need an undirected simple graph; convert it first with "
            "networkx.Graph(G)."
        )
    if ego not in G:
        raise ValueError(
            f"The ego {ego!r} is not a node of this graph. Pass the focal person's node as "
            f"ego=... (the course's models call it {EGO!r})."
        )


def alters(G: nx.Graph, ego: Hashable = EGO) -> list[Hashable]:
    """Return ego's alters: the people ego is tied to (in the graph's order).

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    list
        The alters (ego itself excluded, even with a self-loop).

    Examples
    --------
    >>> import networkx as nx
    >>> alters(nx.star_graph(3), ego=0)
    [1, 2, 3]
    """
    _check(G, ego)
    return [n for n in G[ego] if n != ego]


def _alter_ties(G: nx.Graph, ego: Hashable) -> _Ties:
    """Each alter (in the graph's order) mapped to the set of alters it is tied to.

    The alter graph (ego removed) without copying the network: every measure here reads
    it, in time proportional to the ties among the alters.
    """
    group = alters(G, ego)
    members = set(group)
    return {a: members.intersection(G[a]) - {a} for a in group}


def _sorted_groups(groups: Iterable[Iterable[Hashable]]) -> list[set[Hashable]]:
    sets = [set(g) for g in groups]
    return sorted(sets, key=lambda g: (-len(g), min(str(n) for n in g)))


def circles(
    G: nx.Graph,
    ego: Hashable = EGO,
    method: str = "components",
    *,
    seed: int = 0,
    resolution: float = _RESOLUTION,
    attr: str = "circle",
) -> list[set[Hashable]]:
    """Return ego's circles: a partition of the alters into groups, largest first.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    ego : node
        The focal person.
    method : {"components", "communities", "attribute"}
        ``"components"`` (default): groups of alters that stay connected when ego is
        removed (connected components of the alter graph). Two circles that share a
        member, or are joined by a single tie, count as one.
        ``"communities"``: clusters found by networkx's Louvain community detection
        (``networkx.community.louvain_communities``) with ``seed`` and ``resolution``;
        it splits loosely joined circles, and, like every such method, is a guess that
        can differ from the circles people would name.
        ``"attribute"``: alters grouped by their node attribute ``attr`` (the circles a
        generator or a learner recorded).
    seed : int
        Seed of the community detection.
    resolution : float
        Louvain's resolution: larger finds more, smaller circles. The default 0.8 keeps a
        densely-knit group in one piece.
    attr : str
        Node attribute read by ``method="attribute"``.

    Returns
    -------
    list of set
        The circles, largest first (ties broken by their smallest member's name).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ego", a) for a in "abcde"] + [("a", "b"), ("c", "d")])
    >>> [sorted(c) for c in circles(G)]
    [['a', 'b'], ['c', 'd'], ['e']]
    """
    _check(G, ego)
    return _circles(G, _alter_ties(G, ego), method, seed=seed, resolution=resolution, attr=attr)


def _circles(
    G: nx.Graph, ties: _Ties, method: str, *, seed: int, resolution: float, attr: str
) -> list[set[Hashable]]:
    if method == "components":
        return _sorted_groups(nx.connected_components(G.subgraph(ties)))
    if method == "communities":
        return _communities(ties, seed, resolution)
    if method == "attribute":
        return _sorted_groups(_groups_by_attribute(G, list(ties), attr).values())
    raise ValueError(f"Unknown method {method!r}; choose one of {', '.join(CIRCLE_METHODS)}.")


def _communities(ties: _Ties, seed: int, resolution: float) -> list[set[Hashable]]:
    if not ties:
        return []
    # Integer labels in a fixed order make the result independent of string hashing.
    order = sorted(ties, key=str)
    index = {n: i for i, n in enumerate(order)}
    H = nx.Graph()
    H.add_nodes_from(range(len(order)))
    H.add_edges_from(
        (index[a], index[b]) for a in order for b in sorted(ties[a], key=str) if index[a] < index[b]
    )
    found = nx.community.louvain_communities(H, seed=seed, resolution=resolution)
    return _sorted_groups({order[i] for i in c} for c in found)


def _groups_by_attribute(
    G: nx.Graph, nodes: list[Hashable], attr: str
) -> dict[Any, list[Hashable]]:
    missing = [n for n in nodes if attr not in G.nodes[n]]
    if missing:
        shown = ", ".join(repr(n) for n in missing[:5])
        raise ValueError(
            f"{len(missing)} alter(s) have no {attr!r} attribute (e.g. {shown}). Label every "
            f"alter (G.nodes[alter][{attr!r}] = ...) or use method='components'."
        )
    groups: dict[Any, list[Hashable]] = {}
    for n in nodes:
        groups.setdefault(G.nodes[n][attr], []).append(n)
    return groups


def alter_density(G: nx.Graph, ego: Hashable = EGO) -> float:
    """Return the density of ties among the alters (0 when there are fewer than 2).

    The share of pairs of alters who are tied to each other: 1 when everyone ego knows
    knows everyone else, near 0 when ego's contacts do not know each other.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    float
        From 0 to 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ego", "a"), ("ego", "b"), ("ego", "c"), ("a", "b")])
    >>> round(alter_density(G), 3)
    0.333
    """
    _check(G, ego)
    return _density(_alter_ties(G, ego))


def _n_ties(ties: _Ties) -> int:
    return sum(len(t) for t in ties.values()) // 2


def _density(ties: _Ties) -> float:
    n = len(ties)
    return 0.0 if n < 2 else 2 * _n_ties(ties) / (n * (n - 1))


def alter_clustering(G: nx.Graph, ego: Hashable = EGO) -> float:
    """Return the average clustering coefficient of the alters, among themselves.

    On the alter graph (ego removed): each alter's share of pairs of its alter-contacts
    who know each other, averaged over all alters (those with fewer than two contacts
    count 0), as ``networkx.average_clustering`` of the alter graph gives it (the tests
    check they agree; counted here on bit-packed adjacency rows, so 150 densely-knit
    alters take a millisecond rather than a quarter of a second). High when alters'
    contacts know each other even if the network as a whole is sparse (tight circles).
    0 with no alters.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    float
        From 0 to 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ego", a) for a in "abcd"] + [("a", "b"), ("b", "c"), ("a", "c")])
    >>> alter_clustering(G)
    0.75
    """
    _check(G, ego)
    return _clustering(_alter_ties(G, ego))


def _clustering(ties: _Ties) -> float:
    if not ties:
        return 0.0
    import numpy as np

    n = len(ties)
    index = {a: i for i, a in enumerate(ties)}
    A = np.zeros((n, n), dtype=bool)
    for a, tied in ties.items():
        A[index[a], [index[b] for b in tied]] = True
    # Common contacts of the two ends of every tie, counted on bit-packed rows (no BLAS
    # threads, and little memory for large networks).
    bits_set = np.array([bin(v).count("1") for v in range(256)], dtype=np.int64)
    packed = np.packbits(A, axis=1)
    i, j = np.nonzero(A)
    common = bits_set[packed[i] & packed[j]].sum(axis=1)
    closed = np.bincount(i, weights=common, minlength=n)  # twice the triangles at each alter
    k = A.sum(axis=1).astype(float)
    possible = k * (k - 1)
    local = np.divide(closed, possible, out=np.zeros(n), where=possible > 0)
    return float(local.mean())


def effective_size(G: nx.Graph, ego: Hashable = EGO) -> float:
    """Return Burt's effective size of ego's network.

    The number of alters minus their redundancy: with no ties among the alters it equals
    the number of alters; the more they know each other, the smaller it gets. For an
    unweighted undirected graph this is Borgatti's ``n - 2t/n`` (``n`` alters, ``t`` ties
    among them), the formula ``networkx.effective_size`` uses there (the tests check they
    agree). 0 when ego has no alters (networkx reports ``nan`` there).

    Kept instead of ``networkx.effective_size``: counted from the alter ties, it was
    measured about 50 times faster on dense ego networks, where networkx first copies
    the ego network (figures in ``docs/performance.md``).

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    float
        From 0 (no alters) up to the number of alters.

    Examples
    --------
    >>> import networkx as nx
    >>> effective_size(nx.star_graph(4), ego=0)
    4.0
    >>> effective_size(nx.complete_graph(4), ego=0)
    1.0
    """
    _check(G, ego)
    return _effective_size(_alter_ties(G, ego))


def _effective_size(ties: _Ties) -> float:
    n = len(ties)
    return 0.0 if n == 0 else n - 2 * _n_ties(ties) / n


def constraint(G: nx.Graph, ego: Hashable = EGO) -> float:
    """Return Burt's constraint of ego: how much ego's alters are tied to each other.

    The same quantity as ``networkx.constraint(G, [ego])`` for an unweighted graph
    without self-loops (the tests check they agree). With ``d`` alters, each alter ``j``
    adds ``(1/d + sum_w 1/(d * deg(w)))**2`` over the alters ``w`` tied to ``j``.

    Kept instead of ``networkx.constraint``: computed in time proportional to the ties
    among the alters, it was measured thousands of times faster on dense ego networks,
    where networkx's per-node path takes time cubic in the number of alters (figures in
    ``docs/performance.md``).

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    float
        Above 0 (1/d for a star of d alters, higher as alters know each other); ``nan``
        when ego has no alters (as in networkx).

    Examples
    --------
    >>> import networkx as nx
    >>> constraint(nx.star_graph(4), ego=0)
    0.25
    >>> round(constraint(nx.complete_graph(4), ego=0), 4)
    0.9259
    """
    _check(G, ego)
    return _constraint(G, _alter_ties(G, ego))


def _constraint(G: nx.Graph, ties: _Ties) -> float:
    d = len(ties)
    if d == 0:
        return float("nan")
    indirect = dict.fromkeys(ties, 0.0)
    for w, tied in ties.items():
        share = 1.0 / G.degree(w)
        for n in tied:
            indirect[n] += share
    return sum((1.0 + s) ** 2 for s in indirect.values()) / d**2


def bridging_ties(
    G: nx.Graph, ego: Hashable = EGO, *, attr: str = "circle", seed: int = 0
) -> list[_Pair]:
    """Return the alter-alter ties that join two different circles.

    A bridging tie links two alters whose circles differ, so it makes ego's circles
    permeable: news or help can pass from one circle to another without going through
    ego (Granovetter's bridges, seen from ego). Circles are the alters' ``attr`` labels
    when every alter has one (the course's models label them; an alter in two circles
    makes bridging ties to its second circle). When a label is missing, circles are
    found with :func:`circles` ``method="communities"`` (seeded by ``seed``): circles as
    connected components could never be joined by a tie.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.
    attr : str
        Node attribute holding each alter's circle.
    seed : int
        Seed of the community detection used when a label is missing.

    Returns
    -------
    list of tuple
        The ties, each as an ``(alter, alter)`` pair, in a fixed order.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ego", a) for a in "abc"] + [("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "kin", "b": "kin", "c": "work"}, "circle")
    >>> bridging_ties(G)
    [('b', 'c')]
    """
    _check(G, ego)
    return _bridging_ties(G, _alter_ties(G, ego), attr=attr, seed=seed)


def _bridging_ties(G: nx.Graph, ties: _Ties, *, attr: str, seed: int) -> list[_Pair]:
    pairs = (
        (a, b) if str(a) <= str(b) else (b, a)
        for a, b in _bridging_pairs(G, ties, attr=attr, seed=seed)
    )
    return sorted(pairs, key=lambda e: (str(e[0]), str(e[1])))


def _bridging_pairs(G: nx.Graph, ties: _Ties, *, attr: str, seed: int) -> list[_Pair]:
    """Each bridging tie once, as (alter, alter) in the alters' order."""
    if all(attr in G.nodes[n] for n in ties):
        label = {n: G.nodes[n][attr] for n in ties}
    else:
        found = _communities(ties, seed, _RESOLUTION)
        label = {n: i for i, c in enumerate(found) for n in c}
    order = {a: i for i, a in enumerate(ties)}
    return [
        (a, b)
        for a, tied in ties.items()
        for b in tied
        if label[a] != label[b] and order[a] < order[b]
    ]


def diversity(G: nx.Graph, ego: Hashable = EGO, *, attr: str = "category") -> int:
    """Return the number of distinct kinds of relation among the alters.

    Counts the distinct values of the alters' ``attr`` (default ``category``: kin,
    friend, neighbour, workmate, ...); alters without the attribute are not counted.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.
    attr : str
        Node attribute holding the kind of relation.

    Returns
    -------
    int
        Number of distinct values.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(3)
    >>> nx.set_node_attributes(G, {1: "friend", 2: "friend", 3: "neighbour"}, "category")
    >>> diversity(G, ego=0)
    2
    """
    _check(G, ego)
    return len({G.nodes[n][attr] for n in alters(G, ego) if attr in G.nodes[n]})


def share_distant(G: nx.Graph, ego: Hashable = EGO) -> float:
    """Return the share of alters whose ``place`` is ``"distant"`` (0 with no alters).

    Alters without a ``place`` attribute count as not distant.

    Parameters
    ----------
    G : networkx.Graph
        The network (undirected, simple).
    ego : node
        The focal person.

    Returns
    -------
    float
        From 0 to 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(4)
    >>> nx.set_node_attributes(G, {1: "distant", 2: "local"}, "place")
    >>> share_distant(G, ego=0)
    0.25
    """
    _check(G, ego)
    group = alters(G, ego)
    if not group:
        return 0.0
    return sum(1 for n in group if G.nodes[n].get("place") == "distant") / len(group)


@dataclass(frozen=True)
class EgoSummary:
    """All measures of one ego network (see the functions of the same names).

    ``n_circles`` counts :func:`circles` with the method named in ``circle_method``;
    ``bridging_ties`` counts :func:`bridging_ties`; ``clustering`` is
    :func:`alter_clustering`.

    Parameters
    ----------
    n_alters : int
        Number of ego's alters.
    density : float
        Density of the ties among the alters (ego left out), from 0 to 1.
    clustering : float
        Average clustering coefficient of the alters among themselves.
    n_circles : int
        Number of circles found with ``circle_method``.
    circle_method : str
        How the circles were counted: ``"components"``, ``"communities"`` or
        ``"attribute"``.
    bridging_ties : int
        Number of alter-alter ties joining two different circles.
    effective_size : float
        Burt's effective size of ego's network.
    constraint : float
        Burt's constraint of ego.
    diversity : int
        Number of distinct kinds of relation among the alters.
    share_distant : float
        Share of alters whose ``place`` is ``"distant"``.
    """

    n_alters: int
    density: float
    clustering: float
    n_circles: int
    circle_method: str
    bridging_ties: int
    effective_size: float
    constraint: float
    diversity: int
    share_distant: float

    def as_dict(self) -> dict[str, Any]:
        """Return the measures as a plain dict (e.g. for a table)."""
        return asdict(self)


def summary(
    G: nx.Graph, ego: Hashable = EGO, *, circle_method: str = "components", seed: int = 0
) -> EgoSummary:
    """Return every measure of ego's network at once.

    Parameters
    ----------
    G : networkx.Graph
        The network.
    ego : node
        The focal person.
    circle_method : {"components", "communities", "attribute"}
        How circles are counted (see :func:`circles`). Components merge circles that share
        a member, so for the course's glocalized and networked models
        ``"communities"`` or ``"attribute"`` shows their circles better.
    seed : int
        Seed of community detection (used by ``"communities"`` and by
        :func:`bridging_ties` on unlabelled alters).

    Returns
    -------
    EgoSummary
        Every measure, by name.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ego", a) for a in "abcd"] + [("a", "b")])
    >>> s = summary(G)
    >>> s.n_alters, s.n_circles, round(s.density, 3), s.effective_size
    (4, 3, 0.167, 3.5)
    """
    _check(G, ego)
    ties = _alter_ties(G, ego)
    found = _circles(G, ties, circle_method, seed=seed, resolution=_RESOLUTION, attr="circle")
    return EgoSummary(
        n_alters=len(ties),
        density=_density(ties),
        clustering=_clustering(ties),
        n_circles=len(found),
        circle_method=circle_method,
        bridging_ties=len(_bridging_pairs(G, ties, attr="circle", seed=seed)),
        effective_size=_effective_size(ties),
        constraint=_constraint(G, ties),
        diversity=diversity(G, ego),
        share_distant=share_distant(G, ego),
    )


def network_measures(G: nx.Graph, ego: Hashable = EGO) -> dict[str, float | int]:
    """Return the lesson's measures of one ego network, rounded for display.

    Circles are the alters' ``circle`` labels (the colours of the drawing; see
    :func:`netind_teach.egonet.circles` with ``method="attribute"``), so circles and
    bridging ties agree with the picture. Floats are rounded to 2 decimals.

    Parameters
    ----------
    G : networkx.Graph
        An ego network whose alters carry a ``circle`` label (the course's models do).
    ego : node
        The focal person.

    Returns
    -------
    dict
        ``{"people", "density", "clustering", "circles", "bridging ties",
        "share at a distance"}``: the column names of :func:`measures_table`.

    Examples
    --------
    >>> from netind_teach import models
    >>> network_measures(models.little_boxes(group_size=10, seed=2))["bridging ties"]
    0
    """
    s = summary(G, ego, circle_method="attribute")
    return {
        "people": s.n_alters,
        "density": round(s.density, 2),
        "clustering": round(s.clustering, 2),
        "circles": s.n_circles,
        "bridging ties": s.bridging_ties,
        "share at a distance": round(s.share_distant, 2),
    }


def measures_table(graphs: Mapping[str, nx.Graph], ego: Hashable = EGO) -> pd.DataFrame:
    """Return :func:`network_measures` of several ego networks, one row per network.

    Parameters
    ----------
    graphs : mapping
        ``{row name: ego network}``, e.g. the three models.
    ego : node
        The focal person of every network.

    Returns
    -------
    pandas.DataFrame
        One row per network (indexed by its name), one column per measure.

    Examples
    --------
    >>> from netind_teach import models
    >>> t = measures_table({"boxes": models.little_boxes(group_size=8, seed=0)})
    >>> int(t.loc["boxes", "people"]), float(t.loc["boxes", "share at a distance"])
    (8, 0.0)
    """
    if not isinstance(graphs, Mapping) or not graphs:
        raise ValueError("Give the networks as a non-empty mapping {name: graph}.")
    import pandas as pd

    rows = {name: network_measures(G, ego) for name, G in graphs.items()}
    return pd.DataFrame.from_dict(rows, orient="index")
