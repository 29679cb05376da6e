"""The classify-this-network drawings: one reused figure, the same pictures as a new one each."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from netind_teach import plotting, rendering
from netind_teach.exercises import for_lesson
from netind_teach.exercises.inputs import _drawing_axes


def _fresh(definition) -> tuple[bytes, str]:
    """The picture and key as drawn on a figure of its own (what the widget did before)."""
    figure = rendering.new_figure((4.6, 4.6), dpi=90)
    key = plotting.legend_html(definition.draw(ax=figure.add_axes((0.02, 0.02, 0.96, 0.88))))
    return rendering.figure_png(figure), key


def _shown(definition) -> tuple[bytes, str]:
    image, caption = definition.widget().figure.children
    return image.value, caption.value


def test_a_reused_figure_draws_each_network_as_a_new_figure_would() -> None:
    # lesson 00's draw_ego (centred title, dashed ties) between lesson 02's draw_person
    # (left title, nine circles, triangles): nothing of one drawing is left in the next
    first, many, few = for_lesson("00").first_type, for_lesson("02").person_16, (
        for_lesson("02").person_6
    )
    for exercise in (many, first, few, many):
        image, caption = _shown(exercise)
        fresh_image, fresh_key = _fresh(exercise.definition)
        assert image == fresh_image, exercise.definition.name
        assert caption.startswith(fresh_key) and fresh_key
    figure, ax = _drawing_axes()
    assert _drawing_axes()[1] is ax and len(figure.axes) == 1  # one Axes, reused
    assert not (ax.collections or ax.texts or ax.get_legend() or ax.get_title(loc="left"))
