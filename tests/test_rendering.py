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


# --- PNG encoding (issue 24: the stress row's encoding 13 -> 6 ms) ---------------------------


def _decoded(png: bytes):
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        assert picture.mode == "RGBA"
        return np.asarray(picture)


def test_png_bytes_keeps_every_pixel_and_the_size():
    import numpy as np

    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    pixels[2:4] = 255  # some flat colour, some noise, some transparency
    pixels[0, 0, 3] = 0
    for level in (0, 1, 9):
        decoded = _decoded(rendering.png_bytes(pixels, compress_level=level))
        assert decoded.shape == (7, 5, 4) and np.array_equal(decoded, pixels)


def test_png_bytes_leaves_rows_unfiltered():
    import struct
    import zlib

    import numpy as np

    png = rendering.png_bytes(np.full((3, 4, 4), 200, dtype=np.uint8))
    (length,) = struct.unpack(">I", png[33:37])  # the chunk after the 13-byte header
    assert png[37:41] == b"IDAT"
    rows = zlib.decompress(png[41 : 41 + length])
    assert len(rows) == 3 * (1 + 16) and rows[:: 1 + 16] == b"\x00\x00\x00"


def test_png_bytes_refuses_what_is_not_8_bit_rgba():
    import numpy as np

    with pytest.raises(ValueError, match="8-bit RGBA"):
        rendering.png_bytes(np.zeros((2, 2, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match="8-bit RGBA"):
        rendering.png_bytes(np.zeros((2, 2, 4), dtype=float))


def test_figure_png_is_the_canvas_pixel_for_pixel():
    import numpy as np

    figure = rendering.new_figure((3, 2), dpi=40)
    ax = figure.add_subplot()
    ax.plot([0, 1], [1, 0], linestyle="--")
    ax.set_title("ego and alters")
    decoded = _decoded(rendering.figure_png(figure))
    assert decoded.shape == (80, 120, 4)
    assert np.array_equal(decoded, np.asarray(figure.canvas.buffer_rgba()))


# --- tight: a cell's pyplot figure cropped to what is drawn, drawn once (issue 24) -------------


def _savefig_tight(figure) -> bytes:
    buffer = io.BytesIO()
    with rendering._unhinted_text():
        figure.savefig(buffer, format="png", dpi=figure.dpi, bbox_inches="tight")
    return buffer.getvalue()


def _tight_figures():
    """A learner's plain figure; one whose legend and footnote reach past its edges."""
    plain, ax = plt.subplots(figsize=(4, 3), dpi=50)
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set_title("mine")
    spilling, ax = plt.subplots(figsize=(4, 3), dpi=50)
    ax.bar([0, 1], [3, 1], label="a legend entry")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.annotate("Source: a footnote under the axes", (0, 0), xycoords="axes fraction",
                xytext=(0, -40), textcoords="offset points", va="top")
    return {"plain": plain, "spilling": spilling}


def _ink(png: bytes):
    """Where the ink is (the box around every pixel darker than the paper), and how much."""
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(png)) as picture:
        dark = np.asarray(picture.convert("L")) < 200
    rows, columns = np.flatnonzero(dark.any(axis=1)), np.flatnonzero(dark.any(axis=0))
    return (columns[0], rows[0], columns[-1], rows[-1]), int(dark.sum())


@pytest.mark.parametrize("name", ["plain", "spilling"])
def test_tight_is_the_picture_savefig_crops_drawn_once(name, monkeypatch):
    from matplotlib.figure import Figure

    figure = _tight_figures()[name]
    expected = _savefig_tight(figure)
    draws = []
    real_draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: draws.append(1) or real_draw(self, r))
    png = rendering.figure_png(figure, tight=True)
    assert len(draws) == 1  # savefig with bbox_inches="tight": 2 (measure, then draw)
    assert _png_size(png) == _png_size(expected)
    if name == "spilling":  # the legend and footnote are in, as savefig grows the picture
        width, height = figure.canvas.get_width_height()
        assert _png_size(png)[0] > width and _png_size(png)[1] > height
    # the same picture, to a fraction of a pixel's shift of the antialiased edges: the
    # ink in the same place (to a pixel) and about as much of it
    (box, amount), (expected_box, expected_amount) = _ink(png), _ink(expected)
    assert all(abs(a - b) <= 1 for a, b in zip(box, expected_box, strict=True))
    assert abs(amount - expected_amount) <= 0.1 * expected_amount


def test_tight_keeps_a_coloured_background_and_its_pad():
    import numpy as np

    figure, ax = plt.subplots(figsize=(3, 2), dpi=40)
    figure.patch.set_facecolor("#ffeedd")
    ax.plot([0, 1])
    ax.set_ylabel("a label past the left edge")
    decoded = _decoded(rendering.figure_png(figure, tight=True))
    assert decoded.shape[:2][::-1] == _png_size(_savefig_tight(figure))
    assert tuple(decoded[0, 0]) == (255, 238, 221, 255)  # the pad, in the figure's colour
    assert np.array_equal(decoded[-1, -1], decoded[0, 0])


def test_tight_draws_what_reaches_far_past_the_edge_as_savefig_does(monkeypatch):
    figure, ax = plt.subplots(figsize=(2, 1), dpi=40)
    ax.plot([0, 1])
    figure.text(0.5, 6.0, "far above the figure")  # past the wider canvas: savefig's way
    assert _png_size(rendering.figure_png(figure, tight=True)) == _png_size(
        _savefig_tight(figure)
    )
    empty = plt.figure(figsize=(2, 1), dpi=40)
    assert rendering.figure_png(empty, tight=True)[:4] == b"\x89PNG"
