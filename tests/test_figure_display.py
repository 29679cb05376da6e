"""A figure in a cell's output is rendered once, for both its HTML (with alt text) and PNG.

Issue 24: IPython asked for the figure's ``text/html`` (our ``<img alt=...>``) and then
its ``image/png`` (the inline backend's printer): two renders, each laid out twice by
``bbox_inches="tight"`` and compressed at level 6. Now the PNG figure_html renders is the
one the ``image/png`` output carries, unless the figure changed in between.
"""

from __future__ import annotations

import base64
import io

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from netind_teach import charts, figure_text


@pytest.fixture
def shell():
    from IPython import get_ipython
    from IPython.testing.globalipapp import start_ipython

    start_ipython()  # once per test session; later calls return None
    shell = get_ipython()
    assert figure_text.register_figure_html()
    shell.events.trigger("post_execute")
    yield shell
    plt.close("all")


@pytest.fixture
def renders(monkeypatch):
    calls = []
    real = Figure.savefig
    monkeypatch.setattr(
        Figure, "savefig", lambda self, *a, **k: calls.append(1) or real(self, *a, **k)
    )
    return calls


def _distribution():
    _, ax = plt.subplots(figsize=(6, 4))
    charts.plot_distribution({"1985": {0: 10, 1: 30}, "2004": {0: 25, 1: 15}}, ax=ax, title="GSS")
    return ax.figure


def _format(shell, mime, fig):
    # (the test shell keeps its HTML formatter off: call what it would call)
    return shell.display_formatter.formatters[mime].lookup(fig)(fig)


def _formats(shell, fig):
    return _format(shell, "text/html", fig), _format(shell, "image/png", fig)


def test_html_and_png_of_a_figure_share_one_render(shell, renders):
    fig = _distribution()
    html, png = _formats(shell, fig)
    assert len(renders) == 1
    assert f'src="data:image/png;base64,{png}"' in html and 'alt="Bar chart' in html
    assert base64.b64decode(png)[:4] == b"\x89PNG"


def test_a_figure_changed_after_its_html_is_rendered_again(shell, renders):
    fig = _distribution()
    html = _format(shell, "text/html", fig)
    fig.axes[0].set_title("Changed")
    png = _format(shell, "image/png", fig)
    assert len(renders) == 2 and png not in html


def test_a_figure_without_description_still_has_its_png(shell, renders):
    fig = plt.figure()
    fig.add_subplot().plot([0, 1], [1, 0])
    html, png = _formats(shell, fig)
    assert html is None and base64.b64decode(png)[:4] == b"\x89PNG" and len(renders) == 1


def test_a_figure_with_a_layout_engine_is_rendered_at_its_own_size(shell, renders):
    from PIL import Image

    fig, axes = plt.subplots(1, 2, figsize=(6, 3), dpi=50, layout="constrained")
    axes[0].plot([0, 1], [1, 0])
    axes[0].set_title("Mine")
    png = base64.b64decode(_format(shell, "image/png", fig))
    with Image.open(io.BytesIO(png)) as picture:
        assert picture.size == (300, 150)  # not cropped: laid out once, by its own engine
