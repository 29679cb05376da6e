"""Tests for netind_teach.simulate: reach, spread and the survey-artifact model."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import models, simulate
from netind_teach.vocab import EGO

# GSS NUMGIVEN, unweighted counts as recorded in the course's facts (section 5: the isolation
# debate); the expected means and shares below are the figures stated there.
GSS_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
GSS_2004 = {0: 356, 1: 281, 2: 263, 3: 232, 4: 128, 5: 96, 6: 70}


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
        r = simulate.reach(G, 1.0, hops=hops)
        assert r.mean == expected and r.possible == expected
        assert r.share == 1.0
    assert simulate.reach(G, 0.0, hops=3).mean == 0.0


def test_reach_per_kind_availability_matches_probabilities():
    G = _kinded_path()
    r = simulate.reach(G, {"strong": 0.8, "weak": 0.5, "online": 1.0}, hops=3, trials=20_000)
    # E[reached] = 0.8 + 0.8*0.5 + 0.8*0.5*1.0
    assert r.mean == pytest.approx(0.8 + 0.4 + 0.4, abs=0.03)
    assert len(r.counts) == 20_000
    assert set(r.counts) <= {0, 1, 2, 3}


def test_reach_is_seeded_and_monotone_in_availability():
    G = models.networked_individual(seed=3)
    a = simulate.reach(G, 0.4, seed=9)
    assert a == simulate.reach(G, 0.4, seed=9)
    assert a != simulate.reach(G, 0.4, seed=10)
    higher = simulate.reach(G, 0.6, seed=9)
    assert all(h >= lo for h, lo in zip(higher.counts, a.counts, strict=True))


def test_reach_uses_alternative_paths():
    # two routes from ego to t: reach at two hops beats one route
    square = nx.Graph([(EGO, "a"), (EGO, "b"), ("a", "t"), ("b", "t")], kind="weak")
    line = nx.Graph([(EGO, "a"), ("a", "t")], kind="weak")
    p = 0.5
    r_square = simulate.reach(square, p, hops=2, trials=20_000, seed=1).mean
    r_line = simulate.reach(line, p, hops=2, trials=20_000, seed=1).mean
    assert r_line == pytest.approx(p + p * p, abs=0.03)
    assert r_square == pytest.approx(2 * p + (1 - (1 - p * p) ** 2), abs=0.04)


def test_mobile_revolution_raises_reach():
    G = models.networked_individual(seed=1)
    place_bound = {"strong": 0.6, "weak": 0.3, "online": 0.3}
    always_on = {"strong": 0.6, "weak": 0.3, "online": 0.9}
    assert simulate.reach(G, always_on, seed=2).mean > simulate.reach(G, place_bound, seed=2).mean


def test_reach_errors():
    G = _kinded_path()
    with pytest.raises(ValueError, match="not a node of this graph"):
        simulate.reach(G, 0.5, ego="zed")
    with pytest.raises(ValueError, match="gives them no probability"):
        simulate.reach(G, {"strong": 0.5}, hops=3)
    with pytest.raises(ValueError, match="Unknown tie kind"):
        simulate.reach(G, {"strong": 0.5, "carrier pigeon": 0.1})
    with pytest.raises(ValueError, match="between 0 and 1"):
        simulate.reach(G, 1.5)
    with pytest.raises(ValueError, match="at least 1"):
        simulate.reach(G, 0.5, hops=0)
    G.add_edge("c", "d", kind="telepathy")
    with pytest.raises(ValueError, match="expected one of"):
        simulate.reach(G, {"strong": 1, "weak": 1, "online": 1}, hops=4)
    with pytest.raises(TypeError, match="undirected"):
        simulate.reach(nx.DiGraph([(EGO, 1)]), 0.5)


def test_ties_without_kind_count_as_strong():
    G = nx.path_graph(3)
    assert simulate.reach(G, {"strong": 1.0}, hops=2, ego=0).mean == 2.0


# --- spread -----------------------------------------------------------------------------


def test_spread_deterministic_cases():
    G = nx.path_graph(6)
    assert simulate.spread(G, 0, steps=3, p_strong=1.0).tolist() == [1, 2, 3, 4]
    assert simulate.spread(G, [0, 5], steps=3, p_strong=1.0).tolist() == [2, 4, 6, 6]
    assert simulate.spread(G, 0, steps=4, p_strong=0.0).tolist() == [1] * 5
    star = nx.star_graph(10)
    assert simulate.spread(star, 0, steps=2, p_strong=1.0).tolist() == [1, 11, 11]


def test_spread_uses_the_probability_of_each_kind():
    G = nx.Graph()
    G.add_edges_from([(0, i) for i in range(1, 201)], kind="weak")
    G.add_edges_from([(0, i) for i in range(201, 401)], kind="online")
    curve = simulate.spread(G, 0, steps=1, p_strong=0.0, p_weak=0.25, p_online=0.75, trials=50)
    assert curve[1] - 1 == pytest.approx(50 + 150, rel=0.05)
    default_online = simulate.spread(G, 0, steps=1, p_weak=0.25, trials=50)
    assert default_online[1] - 1 == pytest.approx(100, rel=0.1)


def test_spread_is_independent_cascade_on_average():
    # a path: the k-th person is informed after k steps with probability p**k
    G = nx.path_graph(4)
    curve = simulate.spread(G, 0, steps=3, p_strong=0.5, trials=20_000, seed=4)
    expected = [1, 1.5, 1.75, 1.875]
    assert curve == pytest.approx(expected, abs=0.02)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 1000), p=st.floats(0.05, 0.9), dp=st.floats(0.01, 0.1))
def test_spread_is_monotone_in_probability_common_random_numbers(seed, p, dp):
    G = models.group_network(n_groups=8, group_size=6, seed=seed % 7, weak_share=0.3)
    low = simulate.spread(G, 0, steps=6, seed=seed, p_strong=p, p_weak=p, trials=5)
    high = simulate.spread(G, 0, steps=6, seed=seed, p_strong=p, p_weak=min(1.0, p + dp), trials=5)
    assert np.all(np.diff(low) >= 0)
    assert np.all(high >= low - 1e-9)
    assert low[0] == 1 and low[-1] <= G.number_of_nodes()


def test_weak_ties_carry_news_between_groups():
    closed = models.group_network(n_groups=50, group_size=10, seed=1)
    bridged = models.group_network(n_groups=50, group_size=10, seed=1, weak_share=0.3)
    online = models.group_network(
        n_groups=50, group_size=10, seed=1, weak_share=0.3, online_share=0.2
    )
    final = [simulate.spread(G, 0, steps=20, seed=3)[-1] for G in (closed, bridged, online)]
    assert final[0] <= 10  # news stays in its group
    assert final[0] < final[1] < final[2]


def test_spread_errors():
    G = nx.path_graph(3)
    with pytest.raises(ValueError, match="not in the graph"):
        simulate.spread(G, 7)
    with pytest.raises(ValueError, match="not in the graph"):
        simulate.spread(G, [0, 9])
    with pytest.raises(ValueError, match="empty"):
        simulate.spread(G, [])
    with pytest.raises(ValueError, match="between 0 and 1"):
        simulate.spread(G, 0, p_weak=2)
    with pytest.raises(TypeError, match="whole number"):
        simulate.spread(G, 0, steps=2.5)


# --- the isolation debate ------------------------------------------------------------------


def test_gss_figures_match_facts():
    assert round(simulate.mean_confidants(GSS_1985), 2) == 2.93
    assert round(simulate.mean_confidants(GSS_2004), 2) == 2.00
    assert round(simulate.mean_confidants(GSS_1985, top_value=None), 2) == 2.98
    assert round(simulate.mean_confidants(GSS_2004, top_value=None), 2) == 2.04
    assert round(100 * simulate.share_none(GSS_1985), 1) == 8.9
    assert round(100 * simulate.share_none(GSS_2004), 1) == 25.0


def test_artifact_shift_moves_a_share_of_non_zero_answers_to_zero():
    shifted = simulate.artifact_shift(GSS_1985, 0.2)
    assert sum(shifted.values()) == pytest.approx(sum(GSS_1985.values()))
    assert shifted[0] == pytest.approx(136 + 0.2 * (1531 - 136))
    for k in range(1, 7):
        assert shifted[k] == pytest.approx(0.8 * GSS_1985[k])
    assert simulate.artifact_shift(GSS_1985, 0.0) == {k: float(v) for k, v in GSS_1985.items()}
    assert simulate.artifact_shift([0, 10], 1.0) == {0: 10.0, 1: 0.0}
    assert simulate.artifact_shift({2: 10}, 0.5) == {0: 5.0, 2: 5.0}


def test_artifact_rate_inverts_artifact_shift():
    rate = simulate.artifact_rate(GSS_1985, GSS_2004)
    # (s1 - s0) / (1 - s0) with the unweighted GSS shares
    s0, s1 = 136 / 1531, 356 / 1426
    assert rate == pytest.approx((s1 - s0) / (1 - s0))
    assert 0.17 < rate < 0.18
    shifted = simulate.artifact_shift(GSS_1985, rate)
    assert simulate.share_none(shifted) == pytest.approx(simulate.share_none(GSS_2004))
    # the artifact alone leaves the mean well above 2004's: a teaching point
    assert simulate.mean_confidants(shifted) > simulate.mean_confidants(GSS_2004) + 0.3
    assert simulate.artifact_rate(GSS_1985, GSS_1985) == 0.0


@settings(max_examples=100, deadline=None)
@given(
    counts=st.lists(st.integers(0, 500), min_size=2, max_size=8).filter(lambda c: sum(c[1:]) > 0),
    rate=st.floats(0.0, 1.0),
)
def test_artifact_rate_recovers_the_rate(counts, rate):
    if counts[0] == sum(counts):
        return
    shifted = simulate.artifact_shift(counts, rate)
    assert simulate.artifact_rate(counts, shifted) == pytest.approx(rate, abs=1e-9)
    assert simulate.share_none(shifted) >= simulate.share_none(counts) - 1e-12
    assert simulate.mean_confidants(shifted, None) <= simulate.mean_confidants(counts, None) + 1e-9


def test_counts_input_forms_and_errors():
    assert simulate.share_none([1, 1, 2]) == 0.25
    assert simulate.share_none({np.int64(0): 2, np.int64(3): 2}) == 0.5
    pandas = pytest.importorskip("pandas")
    assert simulate.share_none(pandas.Series([1, 3], index=[0, 1])) == 0.25
    with pytest.raises(ValueError, match="cannot be negative"):
        simulate.share_none({-1: 3})
    with pytest.raises(ValueError, match="add up to 0"):
        simulate.share_none({0: 0, 1: 0})
    with pytest.raises(TypeError, match="whole numbers"):
        simulate.share_none({"two": 3})
    with pytest.raises(TypeError, match="must be a number"):
        simulate.share_none({0: "many"})
    with pytest.raises(TypeError, match="mapping"):
        simulate.share_none(12)
    with pytest.raises(ValueError, match="fewer people naming no one"):
        simulate.artifact_rate(GSS_2004, GSS_1985)
    with pytest.raises(ValueError, match="Everyone named no one"):
        simulate.artifact_rate({0: 5}, {0: 5})
