"""Tests for netind_teach.plotting: every function draws what it says and returns its Axes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex

from netind_teach import egonet, models, plotting
from netind_teach.vocab import EGO

REPO = Path(__file__).resolve().parent.parent
GSS_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
GSS_2004 = {0: 356, 1: 281, 2: 263, 3: 232, 4: 128, 5: 96, 6: 70}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_importing_plotting_does_not_import_matplotlib():
    code = (
        "import sys, netind_teach.plotting, netind_teach.models, netind_teach.egonet, "
        "netind_teach.simulate; print('matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert out.stdout.strip() == "False"


def test_course_style_is_valid_matplotlib_settings():
    style = plotting.course_style()
    with matplotlib.rc_context(style):
        assert matplotlib.rcParams["font.size"] == style["font.size"] >= 12
    assert plotting.FONT["title"] >= 14


def test_palette_is_okabe_ito():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    assert set(plotting.PALETTE) == okabe_ito
    assert plotting.EGO_COLOR == "#000000"


def test_circle_colors_are_stable_whatever_else_is_present():
    alone = plotting.circle_colors(["work"])
    mixed = plotting.circle_colors(["kin", models.BOX, "work", "friends"])
    assert alone["work"] == mixed["work"]
    assert len(set(mixed.values())) == 4
    assert list(mixed) == [models.BOX, "kin", "work", "friends"]  # display order
    assert (
        plotting.circle_colors(["household 3"])["household 3"]
        == plotting.circle_colors(["household 2", "household 3"])["household 3"]
    )
    custom = plotting.circle_colors(["choir", "book club"])
    assert set(custom.values()) <= set(plotting.PALETTE) and len(set(custom.values())) == 2


# --- layout ---------------------------------------------------------------------------------


def test_stable_layout_is_seeded_centred_and_scaled():
    G = models.networked_individual(seed=2)
    pos = plotting.stable_layout(G, seed=3)
    assert pos == plotting.stable_layout(G, seed=3)
    assert pos != plotting.stable_layout(G, seed=4)
    assert pos[EGO] == (0.0, 0.0)
    assert max((x * x + y * y) ** 0.5 for x, y in pos.values()) == pytest.approx(1.0)
    assert set(pos) == set(G)


def test_stable_layout_keeps_previous_positions():
    G = models.community_continuum(1.0, seed=1)
    pos = plotting.stable_layout(G, seed=0)
    # same people, different ties: nothing moves, nothing is recomputed
    H = models.community_continuum(0.3, seed=1)
    assert plotting.stable_layout(H, seed=0, previous=pos) == pos
    # a newcomer is placed; everybody else stays
    H.add_edge("a01", "newcomer", kind="weak")
    grown = plotting.stable_layout(H, seed=0, previous=pos)
    assert all(grown[n] == pos[n] for n in pos)
    assert "newcomer" in grown
    # people who left are dropped
    H.remove_node("a02")
    assert "a02" not in plotting.stable_layout(H, seed=0, previous=pos)


def test_stable_layout_edge_cases():
    assert plotting.stable_layout(nx.Graph()) == {}
    single = plotting.stable_layout(nx.Graph([(1, 2)]), seed=0)
    assert set(single) == {1, 2}


# --- ego networks -----------------------------------------------------------------------------


def test_draw_ego_draws_every_alter_coloured_by_circle():
    G = models.networked_individual(seed=1)
    _fig, ax = plt.subplots()
    assert plotting.draw_ego(G, ax=ax, seed=1) is ax
    assert ax.get_title() == "networked individualism"
    points = {}
    for collection in _markers(ax):
        for (x, y), face in zip(
            collection.get_offsets(), collection.get_facecolors(), strict=False
        ):
            points.setdefault((round(float(x), 6), round(float(y), 6)), []).append(to_hex(face))
    assert len(points) == G.number_of_nodes()
    colors = plotting.circle_colors({G.nodes[a]["circle"] for a in egonet.alters(G)})
    pos = plotting.stable_layout(G.subgraph(G), seed=1)
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
    pos = plotting.stable_layout(models.community_continuum(1.0, seed=2, n_alters=100), seed=0)
    dense = models.community_continuum(0.0, seed=2, n_alters=100)
    sparser = models.community_continuum(0.6, seed=2, n_alters=100)
    ax_dense = plotting.draw_ego(dense, pos=pos, max_ties=500, legend=False)
    ax_sparser = plotting.draw_ego(sparser, pos=pos, max_ties=500, legend=False)
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
    full = plotting.draw_ego(dense, pos=pos, max_ties=None, legend=False)
    assert sum(len(c.get_segments()) for c in _tie_lines(full)) == dense.number_of_edges()
    assert not any("drawn" in t.get_text() for t in full.texts)
    with pytest.raises(ValueError, match="max_ties"):
        plotting.draw_ego(dense, pos=pos, max_ties=0)


def test_draw_ego_marks_distant_alters_and_second_circles():
    G = models.networked_individual(seed=4)
    ax = plotting.draw_ego(G, legend=False)
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
    ax = plotting.draw_ego(G, title="unlabelled")
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"circle 1", "circle 2", "circle 3"} <= set(legend_texts)


def test_draw_ego_errors():
    G = models.little_boxes(seed=0)
    with pytest.raises(ValueError, match="no position"):
        plotting.draw_ego(G, pos={EGO: (0, 0)})
    with pytest.raises(ValueError, match="not a node"):
        plotting.draw_ego(G, ego="nobody")


def test_draw_model_panel_titles_carry_the_measures():
    graphs = [
        models.little_boxes(seed=0),
        models.glocalized(seed=0),
        models.networked_individual(seed=0),
    ]
    axes = plotting.draw_model_panel(graphs)
    assert len(axes) == 3
    for G, ax in zip(graphs, axes, strict=True):
        s = egonet.summary(G, circle_method="communities")
        title = ax.get_title()
        assert title.startswith(G.graph["model"])
        assert f"density {s.density:.2f}" in title
        assert f"circles {s.n_circles}" in title
        assert f"distant {s.share_distant:.0%}" in title
    named = plotting.draw_model_panel({"A": graphs[0]}, circle_method="components")
    assert named[0].get_title().startswith("A\n")


def test_draw_model_panel_errors():
    with pytest.raises(ValueError, match="empty"):
        plotting.draw_model_panel([])
    _fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="one Axes per graph"):
        plotting.draw_model_panel([models.little_boxes(), models.glocalized()], axes=[ax])


# --- series, distributions, typology ------------------------------------------------------------


def test_plot_series_hollow_secondary_points_footnote_and_mode_change():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "year": [2010, 2012, 2014, 2016],
            "percent": [40, 50, 60, 70],
            "tag": ["P", "P", "[S]", "S"],
        }
    )
    _fig, ax = plt.subplots()
    out = plotting.plot_series(
        df, x="year", y="percent", tag="tag", ax=ax, title="t", source="Pew", mode_change=2015
    )
    assert out is ax
    filled, hollow = (c for c in ax.collections)
    assert len(filled.get_offsets()) == 2 and len(hollow.get_offsets()) == 2
    assert to_hex(hollow.get_facecolors()[0]) == "#ffffff"
    texts = [t.get_text() for t in ax.texts]
    assert "Source: Pew" in texts and "survey mode changed" in texts
    assert any(list(line.get_xdata()) == [2015, 2015] for line in ax.lines)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "[S] secondary source only" in legend


def test_plot_series_several_series():
    pd = pytest.importorskip("pandas")
    long = pd.DataFrame(
        {"year": [1, 2, 1, 2], "pct": [1, 2, 3, 4], "series": ["cell", "cell", "smart", "smart"]}
    )
    ax = plotting.plot_series(long, x="year", y="pct", by="series")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cell", "smart"]
    ax = plotting.plot_series({"a": {1: 2, 2: 3}, "b": pd.Series([5, 6], index=[1, 2])})
    assert len(ax.lines) == 2
    assert list(ax.lines[1].get_ydata()) == [5, 6]


def test_plot_series_missing_values_break_the_line():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2002-10-27", "2011-05-22", "2012-02-19"]),
            "smart": pd.array([None, 35, 45], dtype="Int64"),
        }
    )
    ax = plotting.plot_series(df, x="date", y="smart")
    ys = list(ax.lines[0].get_ydata())
    assert ys[1:] == [35.0, 45.0] and ys[0] != ys[0]  # NaN where the value is missing


def test_plot_series_errors():
    pd = pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="name the columns"):
        plotting.plot_series(pd.DataFrame({"a": [1]}))
    with pytest.raises(KeyError, match="not in the data"):
        plotting.plot_series(pd.DataFrame({"a": [1]}), x="a", y="b")
    with pytest.raises(TypeError, match="DataFrame"):
        plotting.plot_series(42)


def test_plot_distribution_shows_shares():
    ax = plotting.plot_distribution(
        {"1985": GSS_1985, "2004": GSS_2004}, title="GSS", source="GSS NUMGIVEN"
    )
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 14
    assert heights[0] == pytest.approx(100 * 136 / 1531)
    assert heights[7] == pytest.approx(100 * 356 / 1426)
    assert sum(heights[:7]) == pytest.approx(100)
    assert ax.get_xticklabels()[-1].get_text() == "6 (top)"
    assert ax.get_ylabel() == "% of respondents"
    counts = plotting.plot_distribution({"1985": GSS_1985}, share=False, top_label="6+?")
    assert [p.get_height() for p in counts.patches] == list(GSS_1985.values())
    assert counts.get_xticklabels()[-1].get_text() == "6+?"
    with pytest.raises(ValueError, match="empty"):
        plotting.plot_distribution({})


def test_plot_typology_stacks_to_100_percent_in_age_order():
    data = {
        "65+": {"networked": 13, "bounded": 13, "limited": 15},
        "under 35": {"networked": 4, "bounded": 2, "limited": 0},
    }
    ax = plotting.plot_typology(data, title="Types by age group (synthetic)")
    assert ax.get_title() == "Types by age group (synthetic)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["under 35", "65+"]
    tops = {}
    for bar in ax.patches:
        x = round(bar.get_x() + bar.get_width() / 2)
        tops[x] = max(tops.get(x, 0), bar.get_y() + bar.get_height())
    assert tops == {0: pytest.approx(100), 1: pytest.approx(100)}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "networked",
        "bounded",
        "limited",
    ]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(data).T
    ax = plotting.plot_typology(frame, percent=False)
    assert sorted(p.get_height() for p in ax.patches) == sorted([13, 13, 15, 4, 2, 0])
    with pytest.raises(KeyError, match="not in the data"):
        plotting.plot_typology(data, groups=["35-50"])


def test_circle_colors_distinct_when_named_numbered_and_other_labels_mix():
    labels = ["immediate family", "extended family", "neighbourhood", "friends", "work",
              "group 1", "group 2"]
    colors = plotting.circle_colors(labels)
    assert len(set(colors.values())) == len(labels) <= len(plotting.PALETTE)
