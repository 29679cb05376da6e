"""Tests for netind_teach.charts: every chart draws what it says and returns its Axes."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex

from netind_teach import charts

GSS_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
GSS_2004 = {0: 356, 1: 281, 2: 263, 3: 232, 4: 128, 5: 96, 6: 70}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- series, distributions, typology ------------------------------------------------------------


def test_plot_series_hollow_secondary_points_footnote_and_mode_change():
    df = pd.DataFrame(
        {
            "year": [2010, 2012, 2014, 2016],
            "percent": [40, 50, 60, 70],
            "tag": ["P", "P", "[S]", "S"],
        }
    )
    _fig, ax = plt.subplots()
    out = charts.plot_series(
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
    long = pd.DataFrame(
        {"year": [1, 2, 1, 2], "pct": [1, 2, 3, 4], "series": ["cell", "cell", "smart", "smart"]}
    )
    ax = charts.plot_series(long, x="year", y="pct", by="series")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cell", "smart"]
    ax = charts.plot_series({"a": {1: 2, 2: 3}, "b": pd.Series([5, 6], index=[1, 2])})
    assert len(ax.lines) == 2
    assert list(ax.lines[1].get_ydata()) == [5, 6]


_STEPS = list(range(16))
_SHAPES = {
    # lesson 03's adoption curves: rising, with secondary points (six legend rows)
    "rising": pd.DataFrame(
        {
            "year": [2000 + 2 * i for i in range(12)] * 3,
            "pct": [50 + 4 * i for i in range(12)] + [30 + 6 * i for i in range(12)]
            + [5 + 7 * i for i in range(12)],
            "series": ["internet"] * 12 + ["cellphone"] * 12 + ["social media"] * 12,
            "tag": ["P", "S"] * 18,
        }
    ),
    # lesson 03's news curves: one fast, two flat near the floor
    "news": {"only strong ties": {s: 1 + min(s, 7) for s in _STEPS},
             "+ weak ties": {s: 1 + 1.7 * s for s in _STEPS},
             "+ online ties": {s: 1 + s * s for s in _STEPS}},
    "falling": {"a": {s: 100 - 5 * s for s in _STEPS}, "b": {s: 90 - 6 * s for s in _STEPS}},
    # no corner is clear: the legend still goes where loc="best" puts it
    "everywhere": {"a": {s: s % 2 for s in _STEPS}, "b": {s: (s + 1) % 2 for s in _STEPS}},
}


def _legend_box(ax):
    ax.figure.canvas.draw()
    return ax.get_legend().get_window_extent()


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_plot_series_legend_sits_where_best_would_clear_of_the_lines(shape):
    data = _SHAPES[shape]
    kwargs = {"x": "year", "y": "pct", "by": "series", "tag": "tag"} if shape == "rising" else {}
    axes = [charts.plot_series(data, title="t", source="s", **kwargs) for _ in range(2)]
    axes[1].get_legend().set_loc("best")  # matplotlib's search, at every draw
    box = _legend_box(axes[0])
    assert box.bounds == pytest.approx(_legend_box(axes[1]).bounds)
    if shape != "everywhere":  # nothing drawn under the legend: no line, no point
        ax = axes[0]
        for line in ax.lines:
            assert not line.get_transform().transform_path(line.get_path()).intersects_bbox(
                box, filled=False
            )
        for dots in ax.collections:
            for x, y in dots.get_offset_transform().transform(dots.get_offsets()):
                assert not box.contains(x, y)


def test_plot_series_legend_place_is_fixed_not_searched_at_each_draw():
    ax = charts.plot_series(_SHAPES["news"])
    box = _legend_box(ax)
    corner = ax.transAxes.inverted().transform(box.get_points()).mean(axis=0)
    ax.plot([corner[0]] * 2, [corner[1], corner[1] + 0.01], transform=ax.transAxes)
    assert _legend_box(ax).bounds == pytest.approx(box.bounds)  # "best" would move it


def test_plot_series_missing_values_break_the_line():
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2002-10-27", "2011-05-22", "2012-02-19"]),
            "smart": pd.array([None, 35, 45], dtype="Int64"),
        }
    )
    ax = charts.plot_series(df, x="date", y="smart")
    ys = list(ax.lines[0].get_ydata())
    assert ys[1:] == [35.0, 45.0] and ys[0] != ys[0]  # NaN where the value is missing


def test_plot_series_errors():
    with pytest.raises(ValueError, match="name the columns"):
        charts.plot_series(pd.DataFrame({"a": [1]}))
    with pytest.raises(KeyError, match="not in the data"):
        charts.plot_series(pd.DataFrame({"a": [1]}), x="a", y="b")
    with pytest.raises(TypeError, match="DataFrame"):
        charts.plot_series(42)


def test_plot_distribution_shows_shares():
    ax = charts.plot_distribution(
        {"1985": GSS_1985, "2004": GSS_2004}, title="GSS", source="GSS NUMGIVEN"
    )
    heights = [p.get_height() for p in ax.patches]
    assert len(heights) == 14
    assert heights[0] == pytest.approx(100 * 136 / 1531)
    assert heights[7] == pytest.approx(100 * 356 / 1426)
    assert sum(heights[:7]) == pytest.approx(100)
    assert ax.get_xticklabels()[-1].get_text() == "6 (top)"
    assert ax.get_ylabel() == "% of respondents"
    counts = charts.plot_distribution({"1985": GSS_1985}, share=False, top_label="6+?")
    assert [p.get_height() for p in counts.patches] == list(GSS_1985.values())
    assert counts.get_xticklabels()[-1].get_text() == "6+?"
    with pytest.raises(ValueError, match="empty"):
        charts.plot_distribution({})


def test_plot_typology_stacks_to_100_percent_in_age_order():
    data = {
        "65+": {"networked": 13, "bounded": 13, "limited": 15},
        "under 35": {"networked": 4, "bounded": 2, "limited": 0},
    }
    ax = charts.plot_typology(data, title="Types by age group (synthetic)")
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
    frame = pd.DataFrame(data).T
    ax = charts.plot_typology(frame, percent=False)
    assert sorted(p.get_height() for p in ax.patches) == sorted([13, 13, 15, 4, 2, 0])
    with pytest.raises(KeyError, match="not in the data"):
        charts.plot_typology(data, groups=["35-50"])


# --- timeline -----------------------------------------------------------------------------


def test_timeline_draws_every_event():
    ax = charts.draw_timeline()
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    years = sorted(float(x) for c in points for x, _ in c.get_offsets())
    assert years == [year for year, _ in charts.TIMELINE]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "Wellman" in texts and "1960s" in texts and "2012" in texts


def test_timeline_draws_its_stems_and_dots_as_one_artist_each():
    from matplotlib.collections import LineCollection

    ax = charts.draw_timeline()
    (dots,) = [c for c in ax.collections if isinstance(c, PathCollection)]
    (stems,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(dots.get_offsets()) == len(charts.TIMELINE)
    # each stem rises (or falls) from the axis at its year to its label
    tops = {float(seg[0][0]): float(seg[1][1]) for seg in stems.get_segments()}
    assert sorted(tops) == [year for year, _ in charts.TIMELINE]
    assert all(seg[0][1] == 0 for seg in stems.get_segments()) and tops[2002] > tops[2000] > 0
    assert tops[2001] < 0

