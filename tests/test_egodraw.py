"""Tests for netind_teach.egodraw: layouts that do not jump, and ego networks drawn."""

from __future__ import annotations

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex

from netind_teach import datasets, egodraw, egonet, figure_text, models, plotting
from netind_teach.vocab import EGO


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_circle_colors_are_stable_whatever_else_is_present():
    alone = egodraw.circle_colors(["work"])
    mixed = egodraw.circle_colors(["kin", models.BOX, "work", "friends"])
    assert alone["work"] == mixed["work"]
    assert len(set(mixed.values())) == 4
    assert list(mixed) == [models.BOX, "kin", "work", "friends"]  # display order
    assert (
        egodraw.circle_colors(["household 3"])["household 3"]
        == egodraw.circle_colors(["household 2", "household 3"])["household 3"]
    )
    custom = egodraw.circle_colors(["choir", "book club"])
    assert set(custom.values()) <= set(plotting.PALETTE) and len(set(custom.values())) == 2


# --- layout ---------------------------------------------------------------------------------


def test_stable_layout_is_seeded_centred_and_scaled():
    G = models.networked_individual(seed=2)
    pos = egodraw.stable_layout(G, seed=3)
    assert pos == egodraw.stable_layout(G, seed=3)
    assert pos != egodraw.stable_layout(G, seed=4)
    assert pos[EGO] == (0.0, 0.0)
    assert max((x * x + y * y) ** 0.5 for x, y in pos.values()) == pytest.approx(1.0)
    assert set(pos) == set(G)


def test_stable_layout_keeps_previous_positions():
    G = models.community_continuum(1.0, seed=1)
    pos = egodraw.stable_layout(G, seed=0)
    # same people, different ties: nothing moves, nothing is recomputed
    H = models.community_continuum(0.3, seed=1)
    assert egodraw.stable_layout(H, seed=0, previous=pos) == pos
    # a newcomer is placed; everybody else stays
    H.add_edge("a01", "newcomer", kind="weak")
    grown = egodraw.stable_layout(H, seed=0, previous=pos)
    assert all(grown[n] == pos[n] for n in pos)
    assert "newcomer" in grown
    # people who left are dropped
    H.remove_node("a02")
    assert "a02" not in egodraw.stable_layout(H, seed=0, previous=pos)


def test_stable_layout_edge_cases():
    assert egodraw.stable_layout(nx.Graph()) == {}
    single = egodraw.stable_layout(nx.Graph([(1, 2)]), seed=0)
    assert set(single) == {1, 2}


# --- ego networks -----------------------------------------------------------------------------


def test_draw_ego_draws_every_alter_coloured_by_circle():
    G = models.networked_individual(seed=1)
    _fig, ax = plt.subplots()
    assert egodraw.draw_ego(G, ax=ax, seed=1) is ax
    assert ax.get_title() == "networked individualism"
    points = {}
    for collection in _markers(ax):
        for (x, y), face in zip(
            collection.get_offsets(), collection.get_facecolors(), strict=False
        ):
            points.setdefault((round(float(x), 6), round(float(y), 6)), []).append(to_hex(face))
    assert len(points) == G.number_of_nodes()
    colors = egodraw.circle_colors({G.nodes[a]["circle"] for a in egonet.alters(G)})
    pos = egodraw.stable_layout(G.subgraph(G), seed=1)
    for a in egonet.alters(G):
        key = (round(pos[a][0], 6), round(pos[a][1], 6))
        assert colors[G.nodes[a]["circle"]].lower() in points[key]
    # one collection per (tie kind, from ego or not); together they hold every tie
    assert sum(len(c.get_segments()) for c in _tie_lines(ax)) == G.number_of_edges()
    assert ax.get_legend() is not None


def _markers(ax):
    return [c for c in ax.collections if isinstance(c, PathCollection)]


def _tie_lines(ax):
    return [c for c in ax.collections if isinstance(c, LineCollection)]


def _drawn_ties(ax, pos):
    where = {(round(x, 9), round(y, 9)): n for n, (x, y) in pos.items()}
    drawn = set()
    for c in _tie_lines(ax):
        for (x0, y0), (x1, y1) in c.get_segments():
            u, v = where[(round(x0, 9), round(y0, 9))], where[(round(x1, 9), round(y1, 9))]
            drawn.add(frozenset((u, v)))
    return drawn


def test_draw_ego_thins_crowded_drawings_stably():
    pos = egodraw.stable_layout(models.community_continuum(1.0, seed=2, n_alters=100), seed=0)
    dense = models.community_continuum(0.0, seed=2, n_alters=100)
    sparser = models.community_continuum(0.6, seed=2, n_alters=100)
    ax_dense = egodraw.draw_ego(dense, pos=pos, max_ties=500, legend=False)
    ax_sparser = egodraw.draw_ego(sparser, pos=pos, max_ties=500, legend=False)
    alter_ties = {frozenset(e) for e in dense.edges if EGO not in e}
    drawn_dense = _drawn_ties(ax_dense, pos) - {frozenset((EGO, a)) for a in pos}
    drawn_sparser = _drawn_ties(ax_sparser, pos) - {frozenset((EGO, a)) for a in pos}
    keep = 500 / (100 * 99 / 2)
    assert drawn_dense <= alter_ties
    assert abs(len(drawn_dense) - keep * len(alter_ties)) < 0.3 * keep * len(alter_ties)
    # the same ties stay drawn: what is drawn later was drawn before, in proportion
    assert drawn_sparser <= drawn_dense
    assert len(drawn_sparser) / len(drawn_dense) == pytest.approx(
        (sparser.number_of_edges() - 100) / len(alter_ties), abs=0.1
    )
    assert any("alter ties drawn" in t.get_text() for t in ax_dense.texts)
    full = egodraw.draw_ego(dense, pos=pos, max_ties=None, legend=False)
    assert sum(len(c.get_segments()) for c in _tie_lines(full)) == dense.number_of_edges()
    assert not any("drawn" in t.get_text() for t in full.texts)
    with pytest.raises(ValueError, match="max_ties"):
        egodraw.draw_ego(dense, pos=pos, max_ties=0)


def _tangled_network():
    """Ego, five alters, ties of every kind, loops and a friend of a friend ego does not know."""
    G = nx.Graph()
    for a, kind in zip("abcde", ["strong", "weak", "online", "strong", "weak"], strict=True):
        G.add_edge(EGO, a, kind=kind)
    G.add_edges_from([("a", "b"), ("c", "a"), ("d", "e")], kind="weak")
    G.add_edge("b", "e", kind="online")
    G.add_edge("e", "c")  # no kind: drawn as strong
    G.add_edge("a", "outsider", kind="strong")  # not an alter: neither drawn nor counted
    G.add_edge("b", "b", kind="strong")  # loops are not ties
    G.add_edge(EGO, EGO)
    return G


def test_draw_ego_draws_each_tie_once_styled_by_its_kind():
    G = _tangled_network()
    pos = egodraw.stable_layout(G, seed=1)
    ax = egodraw.draw_ego(G, pos=pos, legend=False)
    (lines,) = _tie_lines(ax)
    alters = set("abcde")
    expected = {frozenset((EGO, a)) for a in alters} | {
        frozenset((u, v)) for u, v in G.edges if u != v and {u, v} <= alters
    }
    assert len(lines.get_segments()) == len(expected) == 10
    assert _drawn_ties(ax, pos) == expected
    dashed = {"strong": False, "weak": True, "online": True}
    styles = lines.get_linestyles()
    where = {(round(x, 9), round(y, 9)): n for n, (x, y) in pos.items()}
    for k, ((x0, y0), (x1, y1)) in enumerate(lines.get_segments()):
        u, v = where[(round(x0, 9), round(y0, 9))], where[(round(x1, 9), round(y1, 9))]
        kind = G.edges[u, v].get("kind", "strong")
        _offset, pattern = styles[k % len(styles)]
        assert (pattern is not None) == dashed[kind], (u, v, kind)
    # ego's own ties are the faint ones
    faint = [k for k, rgba in enumerate(lines.get_colors()) if rgba[3] < 0.3]
    assert len(faint) == len(alters)
    # the text alternative counts the same ties
    assert "and 5 alters; 5 ties among the alters (1 online, 1 strong, 3 weak)" in (
        figure_text.description_of(ax.figure)
    )


def test_draw_ego_thins_ties_by_the_documented_pair_hash():
    import zlib

    G = models.community_continuum(0.0, seed=5, n_alters=60)
    pos = egodraw.stable_layout(G, seed=0)
    ax = egodraw.draw_ego(G, pos=pos, legend=False, max_ties=300)
    alters = egonet.alters(G)
    keep = 300 / (60 * 59 / 2)

    def pair_key(u, v):  # the fixed hash draw_ego's docstring promises, in plain Python
        ku, kv = zlib.crc32(str(u).encode()), zlib.crc32(str(v).encode())
        return (((ku ^ kv) * 2654435761) % 2**32) / 2**32

    expected = {
        frozenset((u, v)) for u, v in G.edges if EGO not in (u, v) and pair_key(u, v) < keep
    }
    drawn = _drawn_ties(ax, pos) - {frozenset((EGO, a)) for a in alters}
    assert drawn == expected and 0 < len(drawn) < G.number_of_edges() - 60
    note = [t.get_text() for t in ax.texts if "alter ties drawn" in t.get_text()]
    assert note == [egodraw.sampled_ties_note(len(expected), G.number_of_edges() - 60)]
    assert egodraw.ties_note(ax) == note[0]


def test_the_ties_note_can_go_beside_the_picture():
    G = models.community_continuum(0.2, seed=3, n_alters=70)
    pos = egodraw.stable_layout(G, seed=0)
    written = egodraw.draw_ego(G, pos=pos, legend=False)
    picture = egodraw.EgoPicture((3, 3), dpi=40)
    beside = egodraw.draw_ego(G, ax=picture.axes(), pos=pos, legend=False, note=False)
    (text,) = [t.get_text() for t in written.texts if "drawn" in t.get_text()]
    assert egodraw.ties_note(beside) == egodraw.ties_note(written) == text
    assert not any("drawn" in t.get_text() for t in beside.texts)
    assert _drawn_ties(beside, pos) == _drawn_ties(written, pos)  # the same ties drawn
    # a drawing that thins nothing has no note; an Axes never drawn on neither
    small = egodraw.draw_ego(models.little_boxes(seed=0), ax=picture.axes(), note=False)
    assert egodraw.ties_note(small) == ""
    _fig, empty = plt.subplots()
    assert egodraw.ties_note(empty) == ""


def test_draw_ego_markers_are_the_artists_scatter_makes():
    G = models.networked_individual(seed=4)  # local and distant alters, second circles
    pos = egodraw.stable_layout(G, seed=1)
    ax = egodraw.draw_ego(G, pos=pos, legend=False)
    drawn = _markers(ax)
    _fig, reference_ax = plt.subplots()
    ego_xy = pos[EGO]
    reference = reference_ax.scatter(
        [ego_xy[0]], [ego_xy[1]], s=drawn[-1].get_sizes()[0], c=plotting.EGO_COLOR, zorder=3
    )
    ego_marker = drawn[-1]
    for name in ("get_sizes", "get_facecolors", "get_edgecolors", "get_linewidths"):
        assert (getattr(ego_marker, name)() == getattr(reference, name)()).all(), name
    assert (ego_marker.get_paths()[0].vertices == reference.get_paths()[0].vertices).all()
    assert type(ego_marker.get_transform()) is type(reference.get_transform())
    assert ego_marker.get_zorder() == reference.get_zorder()
    # every person once among the filled markers: alters (circles or squares) and ego
    filled = [c for c in drawn if len(c.get_facecolors())]
    assert sum(len(c.get_offsets()) for c in filled) == G.number_of_nodes()


def test_draw_ego_marks_distant_alters_and_second_circles():
    G = models.networked_individual(seed=4)
    ax = egodraw.draw_ego(G, legend=False)
    distant = sum(G.nodes[a]["place"] == "distant" for a in egonet.alters(G))
    squares = [c for c in ax.collections if len(c.get_offsets()) == distant]
    assert squares
    second = sum("second_circle" in G.nodes[a] for a in egonet.alters(G))
    rings = [
        c for c in ax.collections if len(c.get_offsets()) == second and not len(c.get_facecolors())
    ]
    assert rings
    assert ax.get_legend() is None


def test_draw_ego_without_labels_uses_found_circles():
    G = nx.Graph([(EGO, a) for a in "abcd"] + [("a", "b")])
    ax = egodraw.draw_ego(G, title="unlabelled")
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"circle 1", "circle 2", "circle 3"} <= set(legend_texts)


def test_draw_ego_errors():
    G = models.little_boxes(seed=0)
    with pytest.raises(ValueError, match="no position"):
        egodraw.draw_ego(G, pos={EGO: (0, 0)})
    with pytest.raises(ValueError, match="not a node"):
        egodraw.draw_ego(G, ego="nobody")


def test_draw_model_panel_titles_carry_the_measures():
    graphs = [
        models.little_boxes(seed=0),
        models.glocalized(seed=0),
        models.networked_individual(seed=0),
    ]
    axes = egodraw.draw_model_panel(graphs)
    assert len(axes) == 3
    for G, ax in zip(graphs, axes, strict=True):
        s = egonet.summary(G, circle_method="communities")
        title = ax.get_title()
        assert title.startswith(G.graph["model"])
        assert f"density {s.density:.2f}" in title
        assert f"circles {s.n_circles}" in title
        assert f"distant {s.share_distant:.0%}" in title
    named = egodraw.draw_model_panel({"A": graphs[0]}, circle_method="components")
    assert named[0].get_title().startswith("A\n")


def test_draw_model_panel_errors():
    with pytest.raises(ValueError, match="empty"):
        egodraw.draw_model_panel([])
    _fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="one Axes per graph"):
        egodraw.draw_model_panel([models.little_boxes(), models.glocalized()], axes=[ax])



def test_circle_colors_distinct_when_named_numbered_and_other_labels_mix():
    labels = ["immediate family", "extended family", "neighbourhood", "friends", "work",
              "group 1", "group 2"]
    colors = egodraw.circle_colors(labels)
    assert len(set(colors.values())) == len(labels) <= len(plotting.PALETTE)


# --- a synthetic East York person ---------------------------------------------------------


def test_draw_person_leaves_the_graph_alone_and_marks_extra_circles():
    G = datasets.load("east_york_egonets")[29]  # 9 circles
    before = {n: dict(d) for n, d in G.nodes(data=True)}
    ax = egodraw.draw_person(G, title="Synthetic person 29")
    assert {n: dict(d) for n, d in G.nodes(data=True)} == before
    markers = [h.get_marker() for h in ax.get_legend().legend_handles]
    assert markers == ["o"] * 7 + ["^"] * 2  # colours repeat after seven: shapes differ



def test_a_drawing_without_legend_makes_its_key_only_when_asked(monkeypatch):
    made = []
    real = egodraw.legend_marker
    monkeypatch.setattr(egodraw, "legend_marker", lambda *a, **k: made.append(a) or real(*a, **k))
    G = models.networked_individual(seed=1)
    ax = egodraw.draw_ego(G, legend=False)  # a widget's redraw: no legend, no key
    assert made == [] and ax.get_legend() is None
    key = egodraw.key_html(ax)
    assert made and key == plotting.legend_html(egodraw.draw_ego(G))
