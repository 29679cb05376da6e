"""Small, fast, seeded simulations on a network: reach for help and news spreading.

* :func:`reach` -- at a random moment each tie is available with some probability
  (place-bound ties less, always-on mobile ties more): how many people can a person
  reach within a few steps? The mobile revolution in one number.
* :func:`spread` -- news spreading as an independent cascade over strong, weak and online
  ties: Granovetter's weak ties as bridges between groups, and the internet revolution
  adding distant ties.

Ties are read by their edge attribute ``kind`` (``"strong"``, ``"weak"``, ``"online"``);
a tie without one counts as ``"strong"``. Randomness comes only from the ``seed``
argument, and the draws are coupled ("common random numbers"): with the same graph and
seed, raising an availability or a probability can only add reach or spread, so
switching a revolution on and off compares like with like. The simulations use numpy
arrays and take time proportional to the ties they touch (figures in
``docs/performance.md``).

Examples
--------
>>> from netind_teach import diffusion, models
>>> G = models.networked_individual(seed=0)
>>> low = diffusion.reach(G, {"strong": 0.5, "weak": 0.2, "online": 0.2}, hops=1, seed=1)
>>> high = diffusion.reach(G, {"strong": 0.5, "weak": 0.2, "online": 0.9}, hops=1, seed=1)
>>> low.mean < high.mean
True
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from netind_teach.quantities import fraction
from netind_teach.vocab import EGO, TIE_KINDS

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ReachResult", "reach", "spread"]

Availability = float | Mapping[str, float]


def _check_graph(G: Any) -> None:
    if not isinstance(G, nx.Graph) or G.is_directed() or G.is_multigraph():
        raise TypeError(
            f"Expected an undirected networkx Graph, got {type(G).__name__}; convert it with "
            "networkx.Graph(G)."
        )


def _kind_probabilities(what: str, given: Availability) -> dict[str, float]:
    """Map every tie kind to a probability, from one number or a per-kind mapping."""
    if isinstance(given, Mapping):
        unknown = set(given) - set(TIE_KINDS)
        if unknown:
            raise ValueError(
                f"Unknown tie kind(s) {sorted(unknown)} in {what}; the kinds are "
                f"{', '.join(TIE_KINDS)}."
            )
        return {k: fraction(f"{what}[{k!r}]", v) for k, v in given.items()}
    p = fraction(what, given)
    return dict.fromkeys(TIE_KINDS, p)


def _arc_probabilities(kinds: list[str], probs: dict[str, float], what: str) -> np.ndarray:
    import numpy as np

    out = np.empty(len(kinds))
    for i, kind in enumerate(kinds):
        if kind not in probs:
            if kind in TIE_KINDS:
                raise ValueError(
                    f"The graph has {kind!r} ties but {what} gives them no probability; add "
                    f"{kind!r} to the mapping (ties without a kind count as 'strong')."
                )
            raise ValueError(
                f"A tie has kind {kind!r}; expected one of {', '.join(TIE_KINDS)} "
                "(edge attribute 'kind')."
            )
        out[i] = probs[kind]
    return out


@dataclass(frozen=True)
class ReachResult:
    """How many people ego reached in each trial of :func:`reach`.

    Parameters
    ----------
    mean : float
        Mean number of people reached (ego not counted).
    counts : tuple of int
        Number reached in each trial: the distribution behind the mean.
    possible : int
        Number of people within ``hops`` steps when every tie is available.
    """

    mean: float
    counts: tuple[int, ...]
    possible: int

    @property
    def share(self) -> float:
        """Mean reached as a share of those reachable with every tie available."""
        return self.mean / self.possible if self.possible else 0.0


def reach(
    G: nx.Graph,
    availability: Availability,
    hops: int = 2,
    seed: int = 0,
    *,
    ego: Hashable = EGO,
    trials: int = 200,
) -> ReachResult:
    """Return how many people ego can reach at a random moment, over seeded trials.

    In each trial every tie is available independently with its probability; ego reaches
    everyone connected to ego through at most ``hops`` available ties (a friend of a
    friend needs two). Only the people within ``hops`` steps are simulated, so the time
    depends on ego's neighbourhood, not on the size of the whole network.

    Parameters
    ----------
    G : networkx.Graph
        The network; ties carry ``kind``.
    availability : float or mapping
        One probability for every tie, or one per tie kind, e.g.
        ``{"strong": 0.6, "weak": 0.3, "online": 0.9}``.
    hops : int
        Longest chain of ties used (1 = only ego's own ties).
    seed : int
        Seed of the trials. With the same graph and seed, higher availabilities never
        reach fewer people.
    ego : node
        The person asking for help.
    trials : int
        Number of random moments simulated.

    Returns
    -------
    ReachResult
        The mean number reached (ego not counted), the count in each trial, and how many
        are within ``hops`` steps when every tie is available.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(4)  # 0 - 1 - 2 - 3
    >>> reach(G, 1.0, hops=2, ego=0).mean
    2.0
    >>> r = reach(G, 0.5, hops=1, ego=0, trials=1000, seed=1)
    >>> 0.45 < r.mean < 0.55, r.possible
    (True, 1)
    """
    import numpy as np

    _check_graph(G)
    if ego not in G:
        raise ValueError(
            f"The ego {ego!r} is not a node of this graph; pass the person as ego=... "
            f"(the course's ego networks call it {EGO!r}; in a network of groups use e.g. 0)."
        )
    hops = _positive_int("hops", hops)
    trials = _positive_int("trials", trials)
    probs = _kind_probabilities("availability", availability)

    within = nx.single_source_shortest_path_length(G, ego, cutoff=hops)
    index = {node: i for i, node in enumerate(within)}  # ego first
    n = len(index)
    ends: list[tuple[int, int]] = []  # each tie once
    kinds = []
    for u, i in index.items():
        for v, data in G[u].items():
            j = index.get(v)
            if j is not None and i < j:
                ends.append((i, j))
                kinds.append(data.get("kind", "strong"))
    p = _arc_probabilities(kinds, probs, "availability")
    tie_ends = np.array(ends, dtype=np.intp).reshape(-1, 2)
    # Arcs: both directions of every tie, grouped by the person they leave.
    tail = np.concatenate([tie_ends[:, 0], tie_ends[:, 1]])
    order = np.argsort(tail, kind="stable")
    tail = tail[order]
    head = np.concatenate([tie_ends[:, 1], tie_ends[:, 0]])[order]
    tie = np.concatenate([np.arange(len(ends)), np.arange(len(ends))])[order]
    offset = np.zeros(n + 1, dtype=np.intp)
    offset[1:] = np.cumsum(np.bincount(tail, minlength=n))

    rng = np.random.default_rng(seed)
    available = rng.random((trials, len(ends))) < p
    reached = np.zeros((trials, n), dtype=bool)
    reached[:, 0] = True
    frontier = reached.copy()  # reached at the last hop, in each trial
    for _ in range(hops):
        # Only ties leaving someone newly reached can reach someone new.
        arcs = _arcs_of(np.flatnonzero(frontier.any(axis=0)), offset)
        t, e = np.nonzero(available[:, tie[arcs]] & frontier[:, tail[arcs]])
        frontier = np.zeros_like(reached)
        frontier[t, head[arcs[e]]] = True
        frontier &= ~reached
        reached |= frontier
    counts = reached.sum(axis=1) - 1
    return ReachResult(
        mean=float(counts.mean()), counts=tuple(counts.tolist()), possible=len(index) - 1
    )


def _positive_int(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, got {value!r}.")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}.")
    return value


def spread(
    G: nx.Graph,
    seeds: Any,
    steps: int = 10,
    seed: int = 0,
    p_strong: float = 0.5,
    p_weak: float = 0.5,
    *,
    p_online: float | None = None,
    trials: int = 20,
) -> np.ndarray:
    """Return the mean number of informed people after each step of a news cascade.

    An independent cascade: at step 0 the ``seeds`` know the news; a person who learns it
    at one step passes it once, at the next step, to each uninformed contact, over a
    strong tie with probability ``p_strong``, a weak one with ``p_weak`` and an online one
    with ``p_online``. Weak and online ties that join groups let news escape a group
    (Granovetter's bridges). By default every tie passes news on with the same
    probability (illustrative, not measured), so whatever weak ties add comes from where
    they lie, not from being better messengers.

    Parameters
    ----------
    G : networkx.Graph
        The network; ties carry ``kind``.
    seeds : node or iterable of nodes
        Who knows the news first.
    steps : int
        Number of steps simulated.
    seed : int
        Seed of the trials. With the same graph and seed, higher probabilities never
        inform fewer people at any step.
    p_strong, p_weak, p_online : float
        Probability that a tie of that kind passes the news on (``p_online`` defaults to
        ``p_weak``).
    trials : int
        Number of cascades averaged.

    Returns
    -------
    numpy.ndarray
        ``steps + 1`` numbers: mean informed at step 0 (the seeds), 1, ..., ``steps``.

    Examples
    --------
    >>> import networkx as nx
    >>> spread(nx.path_graph(5), 0, steps=3, p_strong=1.0).tolist()
    [1.0, 2.0, 3.0, 4.0]
    >>> from netind_teach import models
    >>> closed = models.group_network(n_groups=10, seed=1)
    >>> bridged = models.group_network(n_groups=10, seed=1, weak_share=0.3)
    >>> bool(spread(closed, 0, seed=2)[-1] < spread(bridged, 0, seed=2)[-1])
    True
    """
    import numpy as np

    _check_graph(G)
    steps = _positive_int("steps", steps)
    trials = _positive_int("trials", trials)
    probs = {
        "strong": fraction("p_strong", p_strong),
        "weak": fraction("p_weak", p_weak),
        "online": fraction("p_online", p_weak if p_online is None else p_online),
    }
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    start = np.unique(np.array([index[s] for s in _seed_nodes(G, seeds)], dtype=np.intp))

    # Arcs (both directions of every tie), grouped by the person passing the news on.
    heads, kinds, offsets = [], [], [0]
    for u in nodes:
        for v, data in G[u].items():
            if v != u:
                heads.append(index[v])
                kinds.append(data.get("kind", "strong"))
        offsets.append(len(heads))
    head = np.array(heads, dtype=np.intp)
    p = _arc_probabilities(kinds, probs, "the spread probabilities")
    offset = np.array(offsets, dtype=np.intp)

    rng = np.random.default_rng(seed)
    curves = _cascades(head, offset, p, start, len(nodes), steps, trials, rng)
    mean: np.ndarray = curves.mean(axis=0)
    return mean


def _cascades(
    head: np.ndarray,
    offset: np.ndarray,
    p: np.ndarray,
    start: np.ndarray,
    n: int,
    steps: int,
    trials: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Return the informed count after each step of every trial, shape (trials, steps + 1).

    Every trial runs at once: person ``i`` of trial ``t`` is number ``t * n + i``, and a
    step follows the arcs leaving everyone who has just learnt the news, in any trial.
    Trial ``t`` draws its arcs from row ``t`` of one array of random numbers: the numbers
    a loop over the trials would draw, in the same order, so the same seed gives the same
    cascades.
    """
    import numpy as np

    live = (rng.random((trials, head.size)) < p).ravel()  # arc a of trial t: t * arcs + a
    informed = np.zeros(trials * n, dtype=bool)
    frontier = (np.arange(trials)[:, None] * n + start[None, :]).ravel()
    informed[frontier] = True
    fresh = np.zeros(trials * n, dtype=bool)  # scratch: who learns it at this step
    curves = np.empty((trials, steps + 1))
    curves[:, 0] = start.size
    for step in range(1, steps + 1):
        trial, person = np.divmod(frontier, n)
        arcs = _arcs_of(person, offset)
        arc_trial = np.repeat(trial, offset[person + 1] - offset[person])
        passed = live[arc_trial * head.size + arcs]
        targets = arc_trial[passed] * n + head[arcs[passed]]
        fresh[targets[~informed[targets]]] = True
        frontier = np.flatnonzero(fresh)  # each newly informed person once, in order
        fresh[frontier] = False
        informed[frontier] = True
        curves[:, step] = curves[:, step - 1] + np.bincount(frontier // n, minlength=trials)
    return curves


def _seed_nodes(G: nx.Graph, seeds: Any) -> list[Any]:
    if seeds in G:  # one node (networkx answers False for unhashable values)
        return [seeds]
    if isinstance(seeds, (str, bytes)) or not isinstance(seeds, Iterable):
        raise ValueError(
            f"Seed node {seeds!r} is not in the graph; pass a node or a list of nodes."
        )
    chosen = list(seeds)
    if not chosen:
        raise ValueError("seeds is empty: give at least one person who knows the news first.")
    missing = [s for s in chosen if s not in G]
    if missing:
        raise ValueError(f"Seed node(s) {missing[:5]!r} are not in the graph.")
    return chosen


def _arcs_of(frontier: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """Return the indices of all arcs leaving the frontier nodes (concatenated CSR ranges)."""
    import numpy as np

    first, last = offset[frontier], offset[frontier + 1]
    sizes = last - first
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.intp)
    starts_of_runs = np.repeat(first - np.cumsum(sizes) + sizes, sizes)
    return starts_of_runs + np.arange(total)
