"""Tests for netind_teach.models: Wellman's three models, the continuum, the group network."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import models
from netind_teach.vocab import CATEGORIES, EGO, PLACES, TIE_KINDS

GENERATORS = {
    "little boxes": lambda seed: models.little_boxes(seed=seed),
    "glocalized networks": lambda seed: models.glocalized(seed=seed),
    "networked individualism": lambda seed: models.networked_individual(seed=seed),
    "community continuum": lambda seed: models.community_continuum(0.4, seed=seed),
}


def _alters(G):
    return [n for n in G if n != EGO]


def _alter_density(G):
    return nx.density(G.subgraph(_alters(G)))


@pytest.mark.parametrize("name", list(GENERATORS))
def test_every_ego_model_has_the_shared_vocabulary(name):
    G = GENERATORS[name](seed=5)
    assert G.graph["model"] == name
    assert G.graph["seed"] == 5
    assert EGO in G
    assert set(G[EGO]) == set(_alters(G)), "ego is tied to every alter"
    for n in _alters(G):
        data = G.nodes[n]
        assert data["place"] in PLACES
        assert data["category"] in CATEGORIES
        assert isinstance(data["circle"], str)
    assert {k for _, _, k in G.edges(data="kind")} <= set(TIE_KINDS)
    assert all(k is not None for _, _, k in G.edges(data="kind"))


@pytest.mark.parametrize("name", list(GENERATORS))
def test_generators_are_seeded(name):
    a, b, c = GENERATORS[name](1), GENERATORS[name](1), GENERATORS[name](2)
    assert nx.utils.graphs_equal(a, b)
    assert set(a.edges) != set(c.edges)


def test_the_three_models_differ_as_wellman_describes():
    boxes = [models.little_boxes(seed=s) for s in range(5)]
    glocal = [models.glocalized(seed=s) for s in range(5)]
    networked = [models.networked_individual(seed=s) for s in range(5)]
    for lb, gl, ni in zip(boxes, glocal, networked, strict=True):
        # densely-knit > sparsely-knit with clusters > sparsely-knit
        assert _alter_density(lb) > 0.7
        assert _alter_density(lb) > _alter_density(gl) > _alter_density(ni)
        # little boxes: one bounded, local group of strong ties
        assert {lb.nodes[n]["circle"] for n in _alters(lb)} == {models.BOX}
        assert {lb.nodes[n]["place"] for n in _alters(lb)} == {"local"}
        assert {k for *_, k in lb.edges(data="kind")} == {"strong"}
        # glocalized and networked reach beyond the locality
        assert any(gl.nodes[n]["place"] == "distant" for n in _alters(gl))
        assert any(ni.nodes[n]["place"] == "distant" for n in _alters(ni))
        # networked: several circles, and alters in more than one
        assert len({ni.nodes[n]["circle"] for n in _alters(ni)}) == 4
        assert any("second_circle" in ni.nodes[n] for n in _alters(ni))


def test_little_boxes_group_size():
    G = models.little_boxes(group_size=30, seed=0)
    assert len(_alters(G)) == 30


def test_glocalized_households_are_clusters_with_sparse_ties_between():
    G = models.glocalized(n_households=5, household_size=4, seed=3, between=0.1)
    households: dict[str, list] = {}
    for n in _alters(G):
        households.setdefault(G.nodes[n]["circle"], []).append(n)
    assert len(households) == 5
    assert len(households["own household"]) == 3  # ego is the fourth member
    for members in households.values():
        assert nx.density(G.subgraph(members)) == 1.0
    across = [(u, v) for u, v in G.edges if EGO not in (u, v)]
    across = [(u, v) for u, v in across if G.nodes[u]["circle"] != G.nodes[v]["circle"]]
    possible = sum(len(a) * len(b) for a in households.values() for b in households.values()) / 2
    possible -= sum(len(a) ** 2 for a in households.values()) / 2
    assert 0 < len(across) < 0.3 * possible
    distant = {G.nodes[n]["circle"] for n in _alters(G) if G.nodes[n]["place"] == "distant"}
    assert len(distant) == 2  # half of the four other households
    for n in _alters(G):
        if G.nodes[n]["place"] == "distant":
            assert G[EGO][n]["kind"] == "online"


def test_networked_individual_circle_controls():
    G = models.networked_individual(n_circles=6, circle_size=3, seed=2, overlap=0.0)
    circles = {G.nodes[n]["circle"] for n in _alters(G)}
    assert circles == set(models.CIRCLE_NAMES)
    assert not any("second_circle" in G.nodes[n] for n in _alters(G))
    many = models.networked_individual(n_circles=8, circle_size=2, seed=2)
    assert "circle 8" in {many.nodes[n]["circle"] for n in _alters(many)}


def test_continuum_ends_are_the_named_models():
    for seed in range(3):
        assert set(models.community_continuum(0.0, seed, n_alters=12).edges) == set(
            models.little_boxes(group_size=12, seed=seed).edges
        )
        assert nx.utils.graphs_equal(
            nx.Graph(models.community_continuum(1.0, seed, n_alters=20).edges),
            nx.Graph(models.networked_individual(n_circles=4, circle_size=5, seed=seed).edges),
        )


def test_continuum_moves_from_boxes_to_networks():
    ps = [0.0, 0.25, 0.5, 0.75, 1.0]
    graphs = [models.community_continuum(p, seed=7, n_alters=40) for p in ps]
    densities = [_alter_density(G) for G in graphs]
    assert densities == sorted(densities, reverse=True)
    distant = [sum(G.nodes[n]["place"] == "distant" for n in _alters(G)) for G in graphs]
    assert distant == sorted(distant) and distant[0] == 0 and distant[-1] > 0
    strong = [
        sum(k == "strong" for *_, k in G.edges(data="kind")) / G.number_of_edges() for G in graphs
    ]
    assert strong[0] == 1.0 and strong[-1] < 0.6


@settings(max_examples=60, deadline=None)
@given(
    p=st.floats(0.0, 0.98),
    dp=st.floats(0.001, 0.02),
    seed=st.integers(0, 10_000),
)
def test_continuum_only_removes_ties_as_p_grows(p, dp, seed):
    a = models.community_continuum(p, seed, n_alters=20)
    b = models.community_continuum(p + dp, seed, n_alters=20)
    assert set(a) == set(b)
    assert set(b.edges) <= set(a.edges)
    # an alter's label changes only when it leaves the box
    changed = [n for n in a if a.nodes[n].get("circle") != b.nodes[n].get("circle")]
    assert all(a.nodes[n]["circle"] == models.BOX for n in changed)


def test_continuum_changes_few_ties_per_slider_step():
    steps = 50
    for seed in range(20):
        graphs = [
            models.community_continuum(i / steps, seed, n_alters=20) for i in range(steps + 1)
        ]
        removed = [len(set(a.edges) - set(b.edges)) for a, b in itertools.pairwise(graphs)]
        assert sum(removed) == graphs[0].number_of_edges() - graphs[-1].number_of_edges()
        # 190 pairs; a step of 0.02 moves each pair's chance by at most 0.017
        assert max(removed) <= 12, removed
        assert sum(removed) / steps < 0.02 * 190 * 0.83


def _continuum_ties_drawn_pair_by_pair(p, seed, n_alters, n_circles, overlap=0.15):
    """The continuum's alter ties as the generator first drew them: one pair at a time.

    Per alter: home circle (shuffled), who is in two circles, their second circle, then
    uniform numbers for switching, place, ego's tie and a box relation; then for each pair
    i < j, row by row, a number for the tie and one for its strength.
    """
    import random

    rng = random.Random(seed)
    home = [i % n_circles for i in range(n_alters)]
    rng.shuffle(home)
    in_two = set(rng.sample(range(n_alters), round(overlap * n_alters) if n_circles > 1 else 0))
    second = [(h + 1 + rng.randrange(max(n_circles - 1, 1))) % n_circles for h in home]
    _switch, place, _kind = ([rng.random() for _ in range(n_alters)] for _ in range(3))
    for _ in range(n_alters):
        rng.choice(("immediate kin", "extended kin", "neighbour"))
    circles = [{home[i], second[i]} if i in in_two else {home[i]} for i in range(n_alters)]
    distant = [place[i] < p * 0.4 for i in range(n_alters)]
    strong_share = 1.0 - p * 0.7
    ties = {}
    for i in range(n_alters):
        for j in range(i + 1, n_alters):
            u_tie, u_strength = rng.random(), rng.random()
            chance = (1 - p) * 0.85 + p * (0.02 if circles[i].isdisjoint(circles[j]) else 0.6)
            if u_tie < chance:
                far = distant[i] or distant[j]
                weak = "online" if far else "weak"
                ties[i, j] = "strong" if u_strength < strong_share else weak
    return ties


@pytest.mark.parametrize(("n_alters", "n_circles"), [(20, 4), (60, 3), (9, 1), (2, 2)])
def test_continuum_draws_every_pair_in_the_documented_order(n_alters, n_circles):
    for seed in (0, 7):
        for p in (0.0, 0.35, 1.0):
            G = models.community_continuum(p, seed, n_alters=n_alters, n_circles=n_circles)
            names = sorted(_alters(G))
            drawn = {
                tuple(sorted((names.index(u), names.index(v)))): kind
                for u, v, kind in G.edges(data="kind")
                if EGO not in (u, v)
            }
            assert drawn == _continuum_ties_drawn_pair_by_pair(p, seed, n_alters, n_circles)
            # ties are added pair by pair, row by row: each alter's neighbours in that order
            for u in names:
                later = [names.index(v) for v in G.adj[u] if v != EGO and v > u]
                assert later == sorted(later)


def test_bad_parameters_get_clear_errors():
    with pytest.raises(ValueError, match="between 0 and 1"):
        models.community_continuum(1.5)
    with pytest.raises(ValueError, match="cannot exceed n_alters"):
        models.community_continuum(0.5, n_alters=3, n_circles=4)
    with pytest.raises(TypeError, match="whole number"):
        models.little_boxes(group_size=2.5)
    with pytest.raises(ValueError, match="at least 2"):
        models.glocalized(household_size=1)
    with pytest.raises(TypeError, match="number between 0 and 1"):
        models.group_network(weak_share="lots")


def test_group_network_structure():
    G = models.group_network(n_groups=6, group_size=5, seed=3, p_in=1.0)
    assert G.number_of_nodes() == 30
    assert G.graph["model"] == "network of groups"
    assert {k for *_, k in G.edges(data="kind")} == {"strong"}
    assert nx.number_connected_components(G) == 6  # closed groups without bridges
    assert G.nodes[0]["circle"] == "group 1" and G.nodes[29]["circle"] == "group 6"


def test_group_network_bridges_are_added_on_top_common_random_numbers():
    base = models.group_network(n_groups=30, group_size=8, seed=4)
    weak = models.group_network(n_groups=30, group_size=8, seed=4, weak_share=0.3)
    both = models.group_network(n_groups=30, group_size=8, seed=4, weak_share=0.3, online_share=0.2)
    assert set(base.edges) < set(weak.edges) < set(both.edges)
    group = {n: both.nodes[n]["circle"] for n in both}
    for u, v, kind in both.edges(data="kind"):
        if kind == "strong":
            assert group[u] == group[v]
        else:
            assert group[u] != group[v]
    weak_ties = [(u, v) for u, v, k in weak.edges(data="kind") if k == "weak"]
    assert 0.2 * 240 < len(weak_ties) < 0.4 * 240
    assert any(k == "online" for *_, k in both.edges(data="kind"))
    # weak ties join neighbouring groups of the ring only
    for u, v in weak_ties:
        gap = abs(u // 8 - v // 8)
        assert gap in (1, 29)
