"""Tests for netind_teach.rendering: figures to PNG once, at their final size (issue 24)."""

from __future__ import annotations

import io

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from netind_teach import rendering


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- figures to PNG ---------------------------------------------------------------------------


def _png_size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        return picture.size


def _legend_outside(figure):
    ax = figure.add_axes((0.05, 0.05, 0.6, 0.85))
    ax.plot([0, 1], [0, 1], label="a long legend entry outside the axes")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("title")
    return ax


def test_figure_png_is_rendered_once_at_the_figures_own_size(monkeypatch):
    from matplotlib.figure import Figure

    draws = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: draws.append(1) or real_draw(self, r))
    figure = rendering.new_figure((4, 3), dpi=50)
    _legend_outside(figure)
    png = rendering.figure_png(figure)
    assert png.startswith(b"\x89PNG") and _png_size(png) == (200, 150)
    assert len(draws) == 1  # one layout and render, not two as with bbox_inches="tight"
    # what the helper replaces: a tight bounding box lays the figure out twice
    draws.clear()
    figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    assert len(draws) == 2


def test_figure_png_of_a_pyplot_figure_keeps_its_size():
    figure, _ = plt.subplots(figsize=(3, 2), dpi=40)
    assert _png_size(rendering.figure_png(figure)) == (120, 80)


def test_figure_png_without_drawing_encodes_the_canvas_as_blitted():
    figure = rendering.new_figure((2, 2), dpi=30)
    ax = figure.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1], animated=True)
    figure.canvas.draw()
    background = figure.canvas.copy_from_bbox(figure.bbox)
    blank = rendering.figure_png(figure, draw=False)
    ax.draw_artist(line)  # a blit: only the line is drawn on the canvas
    with_line = rendering.figure_png(figure, draw=False)
    assert with_line != blank
    figure.canvas.restore_region(background)
    assert rendering.figure_png(figure, draw=False) == blank


def test_text_is_drawn_unhinted_and_the_setting_restored(monkeypatch):
    from matplotlib.backends import backend_agg

    seen = []
    real = backend_agg.get_hinting_flag
    monkeypatch.setattr(
        backend_agg,
        "get_hinting_flag",
        lambda: seen.append(matplotlib.rcParams["text.hinting"]) or real(),
    )
    matplotlib.rcParams["text.hinting"] = "force_autohint"
    figure = rendering.new_figure((2, 1), dpi=40)
    figure.text(0.1, 0.5, "ego")
    rendering.figure_png(figure)
    assert seen and set(seen) == {"no_hinting"}
    assert matplotlib.rcParams["text.hinting"] == "force_autohint"
    matplotlib.rcParams["text.hinting"] = matplotlib.rcParamsDefault["text.hinting"]


def test_agg_canvas_is_the_new_figures_canvas_and_refuses_another():
    from matplotlib.figure import Figure

    figure = rendering.new_figure((2, 1), dpi=30)
    assert rendering.agg_canvas(figure) is figure.canvas
    with pytest.raises(TypeError, match="not an Agg canvas"):
        rendering.agg_canvas(Figure())  # a bare figure has matplotlib's base canvas
