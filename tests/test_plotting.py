"""Tests for netind_teach.plotting: the course look."""

from __future__ import annotations

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
        "netind_teach.rendering, "
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


# --- a legend as HTML beside the picture (issue 24) ------------------------------------------


def test_legend_html_keeps_every_entry_and_leaves_the_picture():
    from netind_teach import egodraw, models

    ax = egodraw.draw_ego(models.networked_individual(seed=1), title="N")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    key = plotting.legend_html(ax)
    assert ax.get_legend() is None
    assert all(label in key for label in labels) and len(labels) > 4
    assert "- - -" in key and "&#9633;" in key  # weak ties dashed, distant alters hollow squares
    assert "aria-hidden='true'" in key  # symbols are not read out; labels are
    assert plotting.legend_html(ax) == ""  # nothing left to convert


def test_an_exercise_drawing_has_its_key_beside_the_picture():
    from netind_teach.exercises import for_lesson

    widget = for_lesson("02").person_6.widget()
    image, caption = widget.figure.children
    assert "immediate family (2)" in caption.value and "circles (alters)" in caption.value
    assert image.value[:4] == b"\x89PNG"
