"""Seeded generators for Wellman's three models of community, and a network of groups.

Wellman (2002) describes community moving from *little boxes* (densely-knit, bounded,
local groups: door to door) through *glocalized* networks (households as clusters, sparse
ties between them, locally and at a distance: place to place) to *networked individualism*
(sparsely-knit, partial circles that overlap, with little regard to space: person to
person). Each generator here returns a small ego network:

* the focal person is the node :data:`netind_teach.vocab.EGO`, tied to every alter;
* alters carry the node attributes ``circle`` (the label of their circle or group),
  ``place`` (``"local"`` / ``"distant"``) and ``category`` (their relation to ego, one of
  :data:`netind_teach.vocab.CATEGORIES`); an alter that belongs to a second circle also
  carries ``second_circle``;
* every edge carries ``kind`` (``"strong"``, ``"weak"`` or ``"online"``);
* the graph carries ``model`` (the model's name), ``seed`` and the parameters used.

The numbers inside (how densely a box is knit, how many ties are strong) are illustrative
choices of this course, not published figures: the models show the *shape* of each kind of
community, not a measured network.

:func:`community_continuum` moves smoothly from little boxes (``p=0``) to networked
individualism (``p=1``). It uses common random numbers: every random draw is made for every
``p``, and ``p`` only moves the thresholds, so a small step of the number changes only a few
ties and the picture does not jump. :func:`little_boxes` and :func:`networked_individual`
are its two ends. :func:`group_network` builds a larger network of groups for the spread
and reach simulations of lesson 03.

Examples
--------
>>> from netind_teach import models
>>> G = models.little_boxes(group_size=8, seed=1)
>>> G.graph["model"], G.number_of_nodes()
('little boxes', 9)
>>> {G.nodes[a]["place"] for a in G if a != "ego"}
{'local'}
"""

from __future__ import annotations

import functools
import random
from typing import Any, NamedTuple

import networkx as nx

from netind_teach.quantities import fraction, is_whole
from netind_teach.vocab import EGO

__all__ = [
    "BOX",
    "CIRCLE_NAMES",
    "MODELS",
    "community_continuum",
    "glocalized",
    "group_network",
    "little_boxes",
    "networked_individual",
]

#: Display names of the three models, in the order Wellman describes them.
MODELS: tuple[str, ...] = ("little boxes", "glocalized networks", "networked individualism")

#: The ``circle`` label of the single bounded group in the little-boxes model.
BOX = "local group"

#: ``circle`` labels of a networked individual's circles, with the ``category`` their
#: members get. Beyond six circles the labels go on as "circle 7", "circle 8", ...
CIRCLE_NAMES: tuple[str, ...] = ("kin", "work", "friends", "neighbours", "club", "online")
_CIRCLE_CATEGORY = {
    "kin": "extended kin",
    "work": "workmate",
    "friends": "friend",
    "neighbours": "neighbour",
    "club": "group member",
    "online": "online-only",
}
#: Relations found inside a little box: broadly embracing, kin who are also neighbours.
_BOX_CATEGORIES = ("immediate kin", "extended kin", "neighbour")
#: Relations of the other households of a glocalized network, in the order they are used.
_HOUSEHOLD_CATEGORIES = ("extended kin", "friend", "neighbour", "workmate")

# Illustrative tie probabilities (course choices, see the module docstring).
_P_BOX = 0.85  # a pair inside a little box knows each other
_P_WITHIN = 0.6  # a pair sharing a networked circle
_P_BETWEEN = 0.02  # a pair in different networked circles
_STRONG_NETWORKED = 0.3  # share of strong ties at the networked end (1.0 at little boxes)


def _circle_name(index: int) -> str:
    return CIRCLE_NAMES[index] if index < len(CIRCLE_NAMES) else f"circle {index + 1}"


def _circle_category(name: str) -> str:
    return _CIRCLE_CATEGORY.get(name, "friend")


def _check_int(name: str, value: Any, low: int) -> int:
    if not is_whole(value):
        raise TypeError(f"{name} must be a whole number, got {value!r}.")
    if value < low:
        raise ValueError(f"{name} must be at least {low}, got {value}.")
    return value


def _new_graph(model: str, seed: int, **params: Any) -> nx.Graph:
    G = nx.Graph(model=model, seed=seed, ego=EGO, **params)
    G.add_node(EGO, place="local")
    return G


def community_continuum(
    p: float,
    seed: int = 0,
    *,
    n_alters: int = 20,
    n_circles: int = 4,
    overlap: float = 0.15,
    share_distant: float = 0.4,
) -> nx.Graph:
    """Return an ego network between little boxes (``p=0``) and networked individualism (``p=1``).

    At ``p=0`` ego sits inside one densely-knit local box (85% of alter pairs tied, all
    ties strong, everyone local). At ``p=1`` the same alters form ``n_circles`` loosely-knit
    circles (60% of the pairs inside a circle tied, 2% across circles), a share
    ``overlap`` of them belong to a second circle, up to ``share_distant`` of them live at
    a distance and most ties are weak or online. In between, each pair's chance of a tie
    moves linearly between the two ends.

    Common random numbers keep the picture steady: for one ``seed`` every draw is the same
    whatever ``p`` is, and ``p`` only moves thresholds. A tie that exists at some ``p``
    exists at every smaller ``p``; a step ``dp`` removes on average ``0.25 * dp`` of the
    pairs that share a circle and ``0.83 * dp`` of the others, and adds none. An alter's
    ``circle`` label switches from :data:`BOX` to its own circle once, at its own point on
    the way.

    Lay the ``p=1`` network out once (:func:`netind_teach.egodraw.stable_layout`) and
    draw every ``p`` on those positions: the people stay put and only their ties change.

    Parameters
    ----------
    p : float
        Position between little boxes (0) and networked individualism (1).
    seed : int
        Seed of all random draws.
    n_alters : int
        Number of alters (people ego is tied to).
    n_circles : int
        Number of circles at the networked end (labels from :data:`CIRCLE_NAMES`).
    overlap : float
        Share of alters who belong to a second circle at the networked end.
    share_distant : float
        Share of alters living at a distance at the networked end (none at ``p=0``).

    Returns
    -------
    networkx.Graph
        Graph attribute ``model`` is ``"community continuum"``; ``p`` and the other
        parameters are stored beside it.

    Examples
    --------
    >>> a = community_continuum(0.50, seed=3)
    >>> b = community_continuum(0.52, seed=3)
    >>> len(set(a.edges) ^ set(b.edges)) < 10
    True
    >>> set(b.edges) <= set(a.edges)
    True
    """
    p = fraction("p", p)
    return _continuum(
        p,
        seed,
        model="community continuum",
        n_alters=n_alters,
        n_circles=n_circles,
        overlap=overlap,
        share_distant=share_distant,
    )


def _continuum(
    p: float,
    seed: int,
    *,
    model: str,
    n_alters: int,
    n_circles: int,
    overlap: float,
    share_distant: float,
) -> nx.Graph:
    n_alters = _check_int("n_alters", n_alters, 1)
    n_circles = _check_int("n_circles", n_circles, 1)
    if n_circles > n_alters:
        raise ValueError(
            f"n_circles ({n_circles}) cannot exceed n_alters ({n_alters}): "
            "every circle needs at least one member."
        )
    overlap = fraction("overlap", overlap)
    share_distant = fraction("share_distant", share_distant)
    import numpy as np

    d = _draws(seed, n_alters, n_circles, overlap)
    strong_share = 1.0 - p * (1.0 - _STRONG_NETWORKED)
    names = [f"a{i + 1:0{len(str(n_alters))}d}" for i in range(n_alters)]

    G = _new_graph(
        model,
        seed,
        p=p,
        n_alters=n_alters,
        n_circles=n_circles,
        overlap=overlap,
        share_distant=share_distant,
    )
    distant = [d.u_place[i] < p * share_distant for i in range(n_alters)]
    for i, name in enumerate(names):
        attrs: dict[str, Any] = {"place": "distant" if distant[i] else "local"}
        if d.u_switch[i] < p:  # this alter has moved from the box into its own circle(s)
            label = _circle_name(d.home[i])
            attrs.update(circle=label, category=_circle_category(label))
            if i in d.in_two:
                attrs["second_circle"] = _circle_name(d.second[i])
        else:
            attrs.update(circle=BOX, category=d.box_category[i])
        G.add_node(name, **attrs)
        G.add_edge(EGO, name, kind=_kind(d.u_kind[i] < strong_share, distant[i]))

    p_shared = (1.0 - p) * _P_BOX + p * _P_WITHIN  # pair sharing a circle
    p_apart = (1.0 - p) * _P_BOX + p * _P_BETWEEN  # pair in different circles
    tied = np.flatnonzero(d.u_tie < np.where(d.apart, p_apart, p_shared))
    first, other = d.first[tied], d.other[tied]
    far = np.array(distant, dtype=bool)
    strong = d.u_strength[tied] < strong_share
    kinds = np.where(strong, "strong", np.where(far[first] | far[other], "online", "weak"))
    G.add_edges_from(
        (names[i], names[j], {"kind": kind})
        for i, j, kind in zip(first.tolist(), other.tolist(), kinds.tolist(), strict=True)
    )
    return G


class _Draws(NamedTuple):
    """Every random draw of one continuum network, whatever ``p`` is (common random numbers).

    Per alter: home circle, second circle (used when in ``in_two``), and uniform numbers
    for switching circle, living at a distance, the kind of ego's tie, and the relation
    inside the box. Per pair of alters ``(first[k], other[k])``, in the order ``i < j``
    row by row: whether they share no circle at the networked end, and two uniform numbers
    (the tie, its strength).
    """

    home: tuple[int, ...]
    in_two: frozenset[int]
    second: tuple[int, ...]
    u_switch: tuple[float, ...]
    u_place: tuple[float, ...]
    u_kind: tuple[float, ...]
    box_category: tuple[str, ...]
    first: Any  # numpy arrays, read-only
    other: Any
    apart: Any
    u_tie: Any
    u_strength: Any


@functools.lru_cache(maxsize=8)
def _draws(seed: int, n_alters: int, n_circles: int, overlap: float) -> _Draws:
    """Draw everything once per network (a new p then only moves thresholds).

    The draws are made in the order the generator has always made them, so a seed gives
    the same network as before; kept for the last few networks (about 0.4 MB for 150
    alters).
    """
    import numpy as np

    rng = random.Random(seed)
    home = [i % n_circles for i in range(n_alters)]
    rng.shuffle(home)
    n_overlap = round(overlap * n_alters) if n_circles > 1 else 0
    in_two = set(rng.sample(range(n_alters), n_overlap))
    second = [(h + 1 + rng.randrange(max(n_circles - 1, 1))) % n_circles for h in home]
    u_switch = [rng.random() for _ in range(n_alters)]
    u_place = [rng.random() for _ in range(n_alters)]
    u_kind = [rng.random() for _ in range(n_alters)]
    box_category = [rng.choice(_BOX_CATEGORIES) for _ in range(n_alters)]

    first, other = np.triu_indices(n_alters, 1)  # pairs i < j, row by row
    member = np.zeros((n_alters, n_circles), dtype=bool)
    member[np.arange(n_alters), home] = True
    for i in in_two:
        member[i, second[i]] = True
    apart = ~(member[first] & member[other]).any(axis=1)
    pair_draws = np.array([rng.random() for _ in range(2 * len(first))]).reshape(-1, 2)
    arrays = [first, other, apart, pair_draws[:, 0].copy(), pair_draws[:, 1].copy()]
    for array in arrays:
        array.flags.writeable = False
    return _Draws(
        tuple(home),
        frozenset(in_two),
        tuple(second),
        tuple(u_switch),
        tuple(u_place),
        tuple(u_kind),
        tuple(box_category),
        *arrays,
    )


def _kind(strong: bool, distant: bool) -> str:
    if strong:
        return "strong"
    return "online" if distant else "weak"


def little_boxes(group_size: int = 12, seed: int = 0) -> nx.Graph:
    """Return ego inside one densely-knit, bounded, local group: Wellman's little boxes.

    All alters share the circle :data:`BOX`, live locally, are kin or neighbours, and are
    tied strongly; most of them know each other. It is :func:`community_continuum` at
    ``p=0`` with ``n_alters=group_size``.

    Parameters
    ----------
    group_size : int
        Number of alters in ego's group.
    seed : int
        Seed of all random draws.

    Returns
    -------
    networkx.Graph
        Ego (node ``"ego"``) and ``group_size`` alters; graph attribute ``model`` is
        ``"little boxes"``; alters carry ``circle``, ``place`` and ``category``, ties
        carry ``kind``.

    Examples
    --------
    >>> G = little_boxes(group_size=10, seed=2)
    >>> {d["circle"] for _, d in G.nodes(data=True) if "circle" in d}
    {'local group'}
    >>> {k for _, _, k in G.edges(data="kind")}
    {'strong'}
    """
    return _continuum(
        0.0,
        seed,
        model=MODELS[0],
        n_alters=group_size,
        n_circles=min(4, _check_int("group_size", group_size, 1)),
        overlap=0.15,
        share_distant=0.4,
    )


def networked_individual(
    n_circles: int = 4,
    circle_size: int = 5,
    seed: int = 0,
    *,
    overlap: float = 0.15,
    share_distant: float = 0.4,
) -> nx.Graph:
    """Return a networked individual: several partial, loosely-knit circles that overlap.

    ``n_circles`` circles of about ``circle_size`` alters each; 60% of the pairs inside a
    circle know each other, few pairs across circles do; a share ``overlap`` of alters
    belong to a second circle (node attribute ``second_circle``); about ``share_distant``
    live at a distance; most ties are weak, those to distant alters online. It is
    :func:`community_continuum` at ``p=1`` with ``n_alters = n_circles * circle_size``.

    Parameters
    ----------
    n_circles : int
        Number of circles.
    circle_size : int
        Alters per circle (before overlaps).
    seed : int
        Seed of all random draws.
    overlap : float
        Share of alters in a second circle.
    share_distant : float
        Expected share of alters living at a distance.

    Returns
    -------
    networkx.Graph
        Ego (node ``"ego"``) and ``n_circles * circle_size`` alters; graph attribute
        ``model`` is ``"networked individualism"``; alters carry ``circle``, ``place`` and
        ``category`` (some ``second_circle``), ties carry ``kind``.

    Examples
    --------
    >>> G = networked_individual(n_circles=3, circle_size=6, seed=4)
    >>> sorted({d["circle"] for _, d in G.nodes(data=True) if "circle" in d})
    ['friends', 'kin', 'work']
    >>> sum("second_circle" in d for _, d in G.nodes(data=True))
    3
    """
    n_circles = _check_int("n_circles", n_circles, 1)
    circle_size = _check_int("circle_size", circle_size, 1)
    return _continuum(
        1.0,
        seed,
        model=MODELS[2],
        n_alters=n_circles * circle_size,
        n_circles=n_circles,
        overlap=overlap,
        share_distant=share_distant,
    )


def glocalized(
    n_households: int = 4,
    household_size: int = 4,
    seed: int = 0,
    *,
    share_distant: float = 0.5,
    between: float = 0.15,
) -> nx.Graph:
    """Return a glocalized network: households as clusters, sparse ties between them.

    Ego's own household (``household_size - 1`` other members, immediate kin, local, all
    tied strongly) plus ``n_households - 1`` other households of ``household_size``
    members each. Members of a household all know each other; a pair from different
    households is tied with probability ``between``. A share ``share_distant`` of the
    other households (rounded) live at a distance: ego's ties to them are online, as
    email and phone keep place-to-place ties going; ties to local households are strong
    or weak.

    Parameters
    ----------
    n_households : int
        Number of households, ego's own included.
    household_size : int
        People per household (ego's own counts ego).
    seed : int
        Seed of all random draws.
    share_distant : float
        Share of the other households that live at a distance.
    between : float
        Probability of a tie between two people of different households.

    Returns
    -------
    networkx.Graph
        Ego (node ``"ego"``) and ``n_households * household_size - 1`` alters; graph
        attribute ``model`` is ``"glocalized networks"``; alters carry ``circle`` (their
        household), ``place`` and ``category``, ties carry ``kind``.

    Examples
    --------
    >>> G = glocalized(n_households=3, household_size=3, seed=0)
    >>> sorted({d["circle"] for _, d in G.nodes(data=True) if "circle" in d})
    ['household 2', 'household 3', 'own household']
    >>> G.number_of_nodes()
    9
    """
    n_households = _check_int("n_households", n_households, 1)
    household_size = _check_int("household_size", household_size, 2)
    share_distant = fraction("share_distant", share_distant)
    between = fraction("between", between)
    rng = random.Random(seed)
    G = _new_graph(
        MODELS[1],
        seed,
        n_households=n_households,
        household_size=household_size,
        share_distant=share_distant,
        between=between,
    )
    others = n_households - 1
    distant_households = set(rng.sample(range(1, n_households), round(share_distant * others)))
    members: list[tuple[str, int]] = []  # (alter, household)
    for h in range(n_households):
        label = "own household" if h == 0 else f"household {h + 1}"
        place = "distant" if h in distant_households else "local"
        category = "immediate kin" if h == 0 else _HOUSEHOLD_CATEGORIES[(h - 1) % 4]
        size = household_size - 1 if h == 0 else household_size
        for m in range(size):
            name = f"h{h + 1}-{m + 1}"
            G.add_node(name, circle=label, place=place, category=category)
            if h == 0:
                kind = "strong"
            elif place == "distant":
                kind = "online"
            else:
                kind = "strong" if rng.random() < 0.5 else "weak"
            G.add_edge(EGO, name, kind=kind)
            members.append((name, h))
    for i, (a, ha) in enumerate(members):
        for b, hb in members[i + 1 :]:
            if ha == hb:
                G.add_edge(a, b, kind="strong")
            elif rng.random() < between:
                far = G.nodes[a]["place"] == "distant" or G.nodes[b]["place"] == "distant"
                G.add_edge(a, b, kind=_kind(False, far))
    return G


def group_network(
    n_groups: int = 20,
    group_size: int = 10,
    seed: int = 0,
    *,
    p_in: float = 0.5,
    weak_share: float = 0.0,
    online_share: float = 0.0,
) -> nx.Graph:
    """Return a network of groups: strong ties inside groups, optional weak and online bridges.

    People ``0 .. n_groups * group_size - 1`` sit in groups of ``group_size`` (node
    attribute ``circle`` = ``"group 1"``, ...), arranged in a ring of neighbourhoods.
    Inside a group each pair is tied strongly with probability ``p_in``. Each person has,
    with probability ``weak_share``, a weak tie to someone in a neighbouring group
    (Granovetter's bridges; ``place`` of the tie local), and with probability
    ``online_share`` an online tie to someone in any other group (distant ties, the
    internet revolution). Common random numbers: for one ``seed`` the strong ties are the
    same whatever ``weak_share`` and ``online_share`` are, and raising a share only adds
    ties, so switching bridges on and off compares like with like.

    There is no ``"ego"`` node: pick any person (e.g. ``0``) as the one whose reach or
    news you follow. Vectorised with numpy (its speed: ``docs/performance.md``).

    Parameters
    ----------
    n_groups, group_size : int
        Number and size of groups (at least 2 groups of at least 2).
    seed : int
        Seed of all random draws.
    p_in : float
        Probability of a strong tie between two members of a group.
    weak_share : float
        Share of people with a weak tie into a neighbouring group.
    online_share : float
        Share of people with an online tie to a distant group.

    Returns
    -------
    networkx.Graph
        People ``0 .. n_groups * group_size - 1`` with ``circle``; ties carry ``kind``
        (``"strong"``, ``"weak"`` or ``"online"``); graph attribute ``model`` is
        ``"network of groups"`` and the parameters are stored beside it.

    Examples
    --------
    >>> G = group_network(n_groups=5, group_size=4, seed=1, weak_share=0.5)
    >>> G.number_of_nodes(), G.graph["model"]
    (20, 'network of groups')
    >>> base = group_network(n_groups=5, group_size=4, seed=1)
    >>> set(base.edges) <= set(G.edges)
    True
    """
    import numpy as np

    n_groups = _check_int("n_groups", n_groups, 2)
    group_size = _check_int("group_size", group_size, 2)
    p_in = fraction("p_in", p_in)
    weak_share = fraction("weak_share", weak_share)
    online_share = fraction("online_share", online_share)
    n = n_groups * group_size
    strong_rng, weak_rng, online_rng = (
        np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(3)
    )

    G = nx.Graph(
        model="network of groups",
        seed=seed,
        n_groups=n_groups,
        group_size=group_size,
        p_in=p_in,
        weak_share=weak_share,
        online_share=online_share,
    )
    G.add_nodes_from((i, {"circle": f"group {i // group_size + 1}"}) for i in range(n))

    # Strong ties: the same pair template in every group.
    a, b = np.triu_indices(group_size, k=1)
    keep = strong_rng.random((n_groups, a.size)) < p_in
    offset = (np.arange(n_groups) * group_size)[:, None]
    src, dst = (a + offset)[keep], (b + offset)[keep]
    G.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True), kind="strong")

    people = np.arange(n)
    group = people // group_size
    # Weak ties into a neighbouring group of the ring (left or right).
    u, side, who = weak_rng.random(n), weak_rng.random(n) < 0.5, weak_rng.integers(0, group_size, n)
    target_group = (group + np.where(side, 1, -1)) % n_groups
    _add_new(G, people, target_group * group_size + who, u < weak_share, "weak")
    # Online ties to any other group.
    u = online_rng.random(n)
    other = (group + 1 + online_rng.integers(0, n_groups - 1, n)) % n_groups
    who = online_rng.integers(0, group_size, n)
    _add_new(G, people, other * group_size + who, u < online_share, "online")
    return G


def _add_new(G: nx.Graph, src: Any, dst: Any, keep: Any, kind: str) -> None:
    """Add the kept ties that do not exist yet (an existing tie keeps its kind)."""
    for s, d in zip(src[keep].tolist(), dst[keep].tolist(), strict=True):
        if not G.has_edge(s, d):
            G.add_edge(s, d, kind=kind)
