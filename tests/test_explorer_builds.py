"""Building an explorer does no work its picture does not need (issue 24).

The explorers with blitted charts (lesson 03's revolutions, lesson 04's false zeros) draw
their static picture once at build. matplotlib placed each title by measuring the x
axis's tick labels (``Axis.get_tightbbox``), to put it where it sits anyway (y = 1.0):
about a tenth of the build. The titles now sit at that fixed height, and the pictures are
the same.
"""

from __future__ import annotations

from unittest import mock

import matplotlib
import matplotlib.axis
import pytest

matplotlib.use("Agg")


def _revolutions():
    from netind_teach.widgets.revolutions import RevolutionsExplorer

    return RevolutionsExplorer(trials=5)


def _artifact():
    from netind_teach.widgets.artifact import ArtifactExplorer

    return ArtifactExplorer({0: 10, 1: 20, 2: 30}, {0: 25, 1: 20, 2: 15})


@pytest.mark.parametrize("build", [_revolutions, _artifact])
def test_a_blitted_explorer_places_its_titles_without_measuring_tick_labels(build):
    measure = matplotlib.axis.Axis.get_tightbbox
    with mock.patch.object(
        matplotlib.axis.Axis, "get_tightbbox", autospec=True, side_effect=measure
    ) as measured:
        explorer = build()
    # before: 2 measures for the revolutions (one per chart), 1 for the false zeros
    assert measured.call_count == 0
    figure = explorer._figure["fig"] if hasattr(explorer, "_figure") else explorer._fig
    titles = [ax.title for ax in figure.axes]
    assert titles and all(t.get_position()[1] == 1.0 for t in titles)
    assert all(t.get_text() for t in titles)  # the titles are still there
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
