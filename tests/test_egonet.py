"""Tests for netind_teach.egonet: measures checked by hand, against networkx, and as properties."""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import egonet, models
from netind_teach.vocab import EGO

REPO = Path(__file__).resolve().parent.parent


def _toy() -> nx.Graph:
    """ego with alters a-b-c (a path), d alone; a, b in 'kin', c, d in 'work'."""
    G = nx.Graph()
    G.add_edges_from((EGO, x) for x in "abcd")
    G.add_edges_from([("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"a": "kin", "b": "kin", "c": "work", "d": "work"}, "circle")
    nx.set_node_attributes(G, {"a": "friend", "b": "friend", "c": "workmate"}, "category")
    nx.set_node_attributes(G, {"a": "local", "b": "distant", "c": "local", "d": "distant"}, "place")
    return G


@st.composite
def ego_networks(draw, max_alters: int = 12):
    """An ego tied to n alters, random alter-alter ties, labelled circles and places."""
    n = draw(st.integers(0, max_alters))
    G = nx.Graph()
    G.add_node(EGO)
    for i in range(n):
        G.add_node(
            i,
            circle=draw(st.sampled_from("ABC")),
            place=draw(st.sampled_from(["local", "distant"])),
        )
        G.add_edge(EGO, i)
    for i in range(n):
        for j in range(i + 1, n):
            if draw(st.booleans()):
                G.add_edge(i, j)
    # a few people beyond the ego network (friends of alters)
    for k in range(draw(st.integers(0, 3))):
        if n:
            G.add_edge(("outside", k), draw(st.integers(0, n - 1)))
    return G


def test_alters_and_basic_measures_by_hand():
    G = _toy()
    assert egonet.alters(G) == ["a", "b", "c", "d"]
    assert egonet.alter_density(G) == pytest.approx(2 / 6)
    # clustering among alters: no triangles in a path
    assert egonet.alter_clustering(G) == 0.0
    assert egonet.diversity(G) == 2
    assert egonet.share_distant(G) == 0.5
    assert egonet.effective_size(G) == pytest.approx(4 - 2 * 2 / 4)


def test_circles_methods():
    G = _toy()
    assert egonet.circles(G) == [{"a", "b", "c"}, {"d"}]
    assert egonet.circles(G, method="attribute") == [{"a", "b"}, {"c", "d"}]
    with pytest.raises(ValueError, match="Unknown method"):
        egonet.circles(G, method="magic")
    del G.nodes["d"]["circle"]
    with pytest.raises(ValueError, match="no 'circle' attribute"):
        egonet.circles(G, method="attribute")


def test_communities_split_loosely_joined_circles_and_keep_a_box_whole():
    two_cliques = nx.Graph()
    left, right = [f"l{i}" for i in range(5)], [f"r{i}" for i in range(5)]
    two_cliques.add_edges_from(nx.complete_graph(left).edges)
    two_cliques.add_edges_from(nx.complete_graph(right).edges)
    two_cliques.add_edge("l0", "r0")
    two_cliques.add_edges_from((EGO, x) for x in left + right)
    assert len(egonet.circles(two_cliques)) == 1
    assert egonet.circles(two_cliques, method="communities") == [set(left), set(right)]
    for seed in range(5):
        box = models.little_boxes(group_size=20, seed=seed)
        assert len(egonet.circles(box, method="communities", seed=seed)) == 1


def test_community_detection_does_not_depend_on_string_hashing():
    code = (
        "from netind_teach import egonet, models;"
        "G = models.networked_individual(n_circles=5, circle_size=6, seed=3);"
        "print(sorted(sorted(c) for c in egonet.circles(G, method='communities', seed=1)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(h)},
            cwd=REPO,
        ).stdout
        for h in (0, 1, 2)
    }
    assert len(outputs) == 1


def test_bridging_ties_by_attribute_and_fallback():
    G = _toy()
    assert egonet.bridging_ties(G) == [("b", "c")]
    # an alter in a second circle bridges into it
    ni = models.networked_individual(seed=1)
    bridges = egonet.bridging_ties(ni)
    assert bridges
    for u, v in bridges:
        assert ni.nodes[u]["circle"] != ni.nodes[v]["circle"]
    assert egonet.bridging_ties(models.little_boxes(seed=1)) == []
    # without labels, circles come from community detection
    unlabelled = nx.Graph(ni.edges)
    found = egonet.circles(unlabelled, method="communities")
    label = {n: i for i, c in enumerate(found) for n in c}
    expected = sorted(
        tuple(sorted((u, v)))
        for u, v in unlabelled.edges
        if EGO not in (u, v) and label[u] != label[v]
    )
    assert egonet.bridging_ties(unlabelled) == expected


def test_measures_agree_with_networkx():
    rng = random.Random(1)
    for trial in range(30):
        G = nx.gnp_random_graph(rng.randint(2, 16), rng.uniform(0.1, 0.7), seed=trial)
        for v in G:
            if G.degree(v) == 0:
                continue
            A = G.subgraph(list(G[v]))
            assert egonet.effective_size(G, v) == pytest.approx(nx.effective_size(G, [v])[v])
            assert egonet.constraint(G, v) == pytest.approx(nx.constraint(G, [v])[v])
            assert egonet.alter_clustering(G, v) == pytest.approx(nx.average_clustering(A))
            assert egonet.alter_density(G, v) == pytest.approx(nx.density(A) if len(A) > 1 else 0)


def test_constraint_reads_degrees_in_the_whole_graph():
    G = models.glocalized(seed=2)
    G.add_edges_from((a, f"outside-{a}") for a in egonet.alters(G)[:3])
    assert egonet.constraint(G) == pytest.approx(nx.constraint(G, [EGO])[EGO])


def test_empty_and_tiny_ego_networks():
    G = nx.Graph()
    G.add_node(EGO)
    s = egonet.summary(G)
    assert (s.n_alters, s.density, s.clustering, s.n_circles, s.bridging_ties) == (
        0,
        0.0,
        0.0,
        0,
        0,
    )
    assert s.effective_size == 0.0 and math.isnan(s.constraint)
    assert (s.diversity, s.share_distant) == (0, 0.0)
    G.add_edge(EGO, "only")
    assert egonet.alter_density(G) == 0.0
    assert egonet.constraint(G) == 1.0


def test_bad_input_gets_clear_errors():
    G = _toy()
    with pytest.raises(ValueError, match="not a node of this graph"):
        egonet.summary(G, ego="nobody")
    with pytest.raises(TypeError, match="undirected simple graph"):
        egonet.alters(nx.DiGraph(G))
    with pytest.raises(TypeError, match="networkx Graph"):
        egonet.alters({"ego": ["a"]})


def test_summary_collects_every_measure():
    G = _toy()
    s = egonet.summary(G, circle_method="attribute")
    assert s.as_dict() == {
        "n_alters": 4,
        "density": pytest.approx(1 / 3),
        "clustering": 0.0,
        "n_circles": 2,
        "circle_method": "attribute",
        "bridging_ties": 1,
        "effective_size": pytest.approx(3.0),
        "constraint": pytest.approx(egonet.constraint(G)),
        "diversity": 2,
        "share_distant": 0.5,
    }


def test_models_measured_in_wellmans_order():
    for seed in range(4):
        lb, gl, ni = (
            egonet.summary(G, circle_method="communities", seed=seed)
            for G in (
                models.little_boxes(seed=seed),
                models.glocalized(seed=seed),
                models.networked_individual(seed=seed),
            )
        )
        assert lb.density > gl.density > ni.density
        assert lb.n_circles == 1 < gl.n_circles and ni.n_circles > 1
        assert lb.bridging_ties == 0 < ni.bridging_ties
        assert lb.share_distant == 0 < ni.share_distant
        assert lb.constraint > ni.constraint
        assert lb.effective_size < ni.effective_size


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=120, deadline=None)
@given(ego_networks())
def test_density_and_clustering_lie_in_unit_interval(G):
    assert 0.0 <= egonet.alter_density(G) <= 1.0
    assert 0.0 <= egonet.alter_clustering(G) <= 1.0
    assert 0.0 <= egonet.share_distant(G) <= 1.0


@settings(max_examples=120, deadline=None)
@given(ego_networks())
def test_effective_size_at_most_number_of_alters(G):
    n = len(egonet.alters(G))
    assert 0.0 <= egonet.effective_size(G) <= n + 1e-9
    if n:
        assert egonet.constraint(G) == pytest.approx(nx.constraint(G, [EGO])[EGO])


@settings(max_examples=120, deadline=None)
@given(ego_networks(), st.sampled_from(["components", "communities", "attribute"]))
def test_circles_partition_the_alters(G, method):
    found = egonet.circles(G, method=method, seed=1)
    members = [n for c in found for n in c]
    assert len(members) == len(set(members)), "circles do not overlap"
    assert set(members) == set(egonet.alters(G)), "every alter is in a circle"
    assert all(found), "no empty circle"


@settings(max_examples=100, deadline=None)
@given(ego_networks(), st.randoms(use_true_random=False))
def test_relabelling_nodes_does_not_change_the_summary(G, rnd):
    nodes = [n for n in G if n != EGO]
    names = [f"p{i}" for i in range(len(nodes))]
    rnd.shuffle(names)
    relabelled = nx.relabel_nodes(G, dict(zip(nodes, names, strict=True)))
    before, after = egonet.summary(G).as_dict(), egonet.summary(relabelled).as_dict()
    for key, value in before.items():
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(after[key])
        else:
            assert after[key] == pytest.approx(value), key
