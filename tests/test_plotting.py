"""Tests for netind_teach.plotting: the course look, and figures to PNG at their final size."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from netind_teach import plotting

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_importing_plotting_does_not_import_matplotlib():
    code = (
        "import sys, netind_teach.plotting, netind_teach.egodraw, netind_teach.charts, "
        "netind_teach.models, netind_teach.egonet, netind_teach.diffusion, "
        "netind_teach.confidants; print('matplotlib' in sys.modules)"
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
    figure = plotting.new_figure((4, 3), dpi=50)
    _legend_outside(figure)
    png = plotting.figure_png(figure)
    assert png.startswith(b"\x89PNG") and _png_size(png) == (200, 150)
    assert len(draws) == 1  # one layout and render, not two as with bbox_inches="tight"
    # what the helper replaces: a tight bounding box lays the figure out twice
    draws.clear()
    figure.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    assert len(draws) == 2


def test_figure_png_of_a_pyplot_figure_keeps_its_size():
    figure, _ = plt.subplots(figsize=(3, 2), dpi=40)
    assert _png_size(plotting.figure_png(figure)) == (120, 80)


def test_figure_png_without_drawing_encodes_the_canvas_as_blitted():
    figure = plotting.new_figure((2, 2), dpi=30)
    ax = figure.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1], animated=True)
    figure.canvas.draw()
    background = figure.canvas.copy_from_bbox(figure.bbox)
    blank = plotting.figure_png(figure, draw=False)
    ax.draw_artist(line)  # a blit: only the line is drawn on the canvas
    with_line = plotting.figure_png(figure, draw=False)
    assert with_line != blank
    figure.canvas.restore_region(background)
    assert plotting.figure_png(figure, draw=False) == blank

