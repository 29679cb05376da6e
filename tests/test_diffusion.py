"""Tests for netind_teach.diffusion: reach for help and news spreading."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import diffusion, models
from netind_teach.vocab import EGO


def _kinded_path() -> nx.Graph:
    """ego -strong- a -weak- b -online- c"""
    G = nx.Graph()
    G.add_edge(EGO, "a", kind="strong")
    G.add_edge("a", "b", kind="weak")
    G.add_edge("b", "c", kind="online")
    return G


# --- reach ------------------------------------------------------------------------------


def test_reach_counts_people_within_hops():
    G = _kinded_path()
    for hops, expected in [(1, 1), (2, 2), (3, 3), (5, 3)]:
        r = diffusion.reach(G, 1.0, hops=hops)
        assert r.mean == expected and r.possible == expected
        assert r.share == 1.0
    assert diffusion.reach(G, 0.0, hops=3).mean == 0.0


def test_reach_per_kind_availability_matches_probabilities():
    G = _kinded_path()
    r = diffusion.reach(G, {"strong": 0.8, "weak": 0.5, "online": 1.0}, hops=3, trials=20_000)
    # E[reached] = 0.8 + 0.8*0.5 + 0.8*0.5*1.0
    assert r.mean == pytest.approx(0.8 + 0.4 + 0.4, abs=0.03)
    assert len(r.counts) == 20_000
    assert set(r.counts) <= {0, 1, 2, 3}


def test_reach_is_seeded_and_monotone_in_availability():
    G = models.networked_individual(seed=3)
    a = diffusion.reach(G, 0.4, seed=9)
    assert a == diffusion.reach(G, 0.4, seed=9)
    assert a != diffusion.reach(G, 0.4, seed=10)
    higher = diffusion.reach(G, 0.6, seed=9)
    assert all(h >= lo for h, lo in zip(higher.counts, a.counts, strict=True))


def test_reach_uses_alternative_paths():
    # two routes from ego to t: reach at two hops beats one route
    square = nx.Graph([(EGO, "a"), (EGO, "b"), ("a", "t"), ("b", "t")], kind="weak")
    line = nx.Graph([(EGO, "a"), ("a", "t")], kind="weak")
    p = 0.5
    r_square = diffusion.reach(square, p, hops=2, trials=20_000, seed=1).mean
    r_line = diffusion.reach(line, p, hops=2, trials=20_000, seed=1).mean
    assert r_line == pytest.approx(p + p * p, abs=0.03)
    assert r_square == pytest.approx(2 * p + (1 - (1 - p * p) ** 2), abs=0.04)


def test_mobile_revolution_raises_reach():
    G = models.networked_individual(seed=1)
    place_bound = {"strong": 0.6, "weak": 0.3, "online": 0.3}
    always_on = {"strong": 0.6, "weak": 0.3, "online": 0.9}
    assert diffusion.reach(G, always_on, seed=2).mean > diffusion.reach(G, place_bound, seed=2).mean


def test_reach_errors():
    G = _kinded_path()
    with pytest.raises(ValueError, match="not a node of this graph"):
        diffusion.reach(G, 0.5, ego="zed")
    with pytest.raises(ValueError, match="gives them no probability"):
        diffusion.reach(G, {"strong": 0.5}, hops=3)
    with pytest.raises(ValueError, match="Unknown tie kind"):
        diffusion.reach(G, {"strong": 0.5, "carrier pigeon": 0.1})
    with pytest.raises(ValueError, match="between 0 and 1"):
        diffusion.reach(G, 1.5)
    with pytest.raises(ValueError, match="at least 1"):
        diffusion.reach(G, 0.5, hops=0)
    G.add_edge("c", "d", kind="telepathy")
    with pytest.raises(ValueError, match="expected one of"):
        diffusion.reach(G, {"strong": 1, "weak": 1, "online": 1}, hops=4)
    with pytest.raises(TypeError, match="undirected"):
        diffusion.reach(nx.DiGraph([(EGO, 1)]), 0.5)


def test_ties_without_kind_count_as_strong():
    G = nx.path_graph(3)
    assert diffusion.reach(G, {"strong": 1.0}, hops=2, ego=0).mean == 2.0


# --- spread -----------------------------------------------------------------------------


def test_spread_deterministic_cases():
    G = nx.path_graph(6)
    assert diffusion.spread(G, 0, steps=3, p_strong=1.0).tolist() == [1, 2, 3, 4]
    assert diffusion.spread(G, [0, 5], steps=3, p_strong=1.0).tolist() == [2, 4, 6, 6]
    assert diffusion.spread(G, 0, steps=4, p_strong=0.0).tolist() == [1] * 5
    star = nx.star_graph(10)
    assert diffusion.spread(star, 0, steps=2, p_strong=1.0).tolist() == [1, 11, 11]


def test_spread_uses_the_probability_of_each_kind():
    G = nx.Graph()
    G.add_edges_from([(0, i) for i in range(1, 201)], kind="weak")
    G.add_edges_from([(0, i) for i in range(201, 401)], kind="online")
    curve = diffusion.spread(G, 0, steps=1, p_strong=0.0, p_weak=0.25, p_online=0.75, trials=50)
    assert curve[1] - 1 == pytest.approx(50 + 150, rel=0.05)
    default_online = diffusion.spread(G, 0, steps=1, p_weak=0.25, trials=50)
    assert default_online[1] - 1 == pytest.approx(100, rel=0.1)


def test_spread_is_independent_cascade_on_average():
    # a path: the k-th person is informed after k steps with probability p**k
    G = nx.path_graph(4)
    curve = diffusion.spread(G, 0, steps=3, p_strong=0.5, trials=20_000, seed=4)
    expected = [1, 1.5, 1.75, 1.875]
    assert curve == pytest.approx(expected, abs=0.02)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 1000), p=st.floats(0.05, 0.9), dp=st.floats(0.01, 0.1))
def test_spread_is_monotone_in_probability_common_random_numbers(seed, p, dp):
    G = models.group_network(n_groups=8, group_size=6, seed=seed % 7, weak_share=0.3)
    low = diffusion.spread(G, 0, steps=6, seed=seed, p_strong=p, p_weak=p, trials=5)
    high = diffusion.spread(G, 0, steps=6, seed=seed, p_strong=p, p_weak=min(1.0, p + dp), trials=5)
    assert np.all(np.diff(low) >= 0)
    assert np.all(high >= low - 1e-9)
    assert low[0] == 1 and low[-1] <= G.number_of_nodes()


def _spread_trial_by_trial(G, seeds, steps, seed, probabilities, trials):
    """The cascade as the definition reads: one trial after another, person by person.

    Trial t draws one random number per arc (each tie both ways, in the order of the
    nodes and their neighbours) and passes the news over an arc whose number is below
    its kind's probability.
    """
    rng = np.random.default_rng(seed)
    arcs = [(u, v, data) for u in G for v, data in G.adj[u].items() if v != u]
    curves = []
    for _ in range(trials):
        draws = rng.random(len(arcs))
        passes = {}
        for (u, v, data), draw in zip(arcs, draws, strict=True):
            passes.setdefault(u, []).append((v, draw < probabilities[data.get("kind", "strong")]))
        informed, frontier = set(seeds), set(seeds)
        curve = [len(informed)]
        for _ in range(steps):
            frontier = {v for u in frontier for v, ok in passes.get(u, []) if ok} - informed
            informed |= frontier
            curve.append(len(informed))
        curves.append(curve)
    return np.mean(curves, axis=0)


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    trials=st.integers(1, 12),
    steps=st.integers(1, 8),
    two_seeds=st.booleans(),
)
def test_spread_runs_every_trial_at_once_as_one_by_one(seed, trials, steps, two_seeds):
    # issue 24: the trials run together (lesson 03's three spreads of 100 trials, 22 -> 4 ms
    # each); the same seed gives exactly the cascades a trial-by-trial loop gives
    G = models.group_network(
        n_groups=3 + seed % 6, group_size=2 + seed % 5, seed=seed, weak_share=0.3,
        online_share=0.2 * (seed % 2),
    )
    G.add_node("alone")
    seeds = [0, G.number_of_nodes() - 2] if two_seeds else 0
    probabilities = {"strong": 0.4, "weak": 0.7, "online": 0.9}
    curve = diffusion.spread(
        G, seeds, steps=steps, seed=seed, p_strong=0.4, p_weak=0.7, p_online=0.9, trials=trials
    )
    first = set(seeds) if two_seeds else {0}
    expected = _spread_trial_by_trial(G, first, steps, seed, probabilities, trials)
    assert curve.tolist() == expected.tolist()


def test_weak_ties_carry_news_between_groups():
    closed = models.group_network(n_groups=50, group_size=10, seed=1)
    bridged = models.group_network(n_groups=50, group_size=10, seed=1, weak_share=0.3)
    online = models.group_network(
        n_groups=50, group_size=10, seed=1, weak_share=0.3, online_share=0.2
    )
    final = [diffusion.spread(G, 0, steps=20, seed=3)[-1] for G in (closed, bridged, online)]
    assert final[0] <= 10  # news stays in its group
    assert final[0] < final[1] < final[2]


def test_spread_errors():
    G = nx.path_graph(3)
    with pytest.raises(ValueError, match="not in the graph"):
        diffusion.spread(G, 7)
    with pytest.raises(ValueError, match="not in the graph"):
        diffusion.spread(G, [0, 9])
    with pytest.raises(ValueError, match="empty"):
        diffusion.spread(G, [])
    with pytest.raises(ValueError, match="between 0 and 1"):
        diffusion.spread(G, 0, p_weak=2)
    with pytest.raises(TypeError, match="whole number"):
        diffusion.spread(G, 0, steps=2.5)
