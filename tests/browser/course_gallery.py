"""A notebook that shows every kind of thing the course draws, for the browser tests.

The lessons show each explorer once, among many other cells; the keyboard and zoom tests
need all of them side by side, in one notebook that runs in a few seconds:

- every explorer of ``netind_teach/widgets/`` (built as the lessons build them);
- the network builder, empty, saving into a temporary folder;
- exercise widgets of every kind, including the code kind and the multiple-choice items
  whose options are longer than 100 characters;
- result boxes: a checked answer, a hint and a solution as the lessons print them.

:func:`write_gallery` writes it under a JupyterLab root; :func:`cell_index` says which
cell (in order) shows what, so a test finds an explorer by its name.

Examples
--------
>>> notebook = gallery_notebook()
>>> notebook["nbformat"], len(notebook["cells"]) == len(CELLS)
(4, True)
>>> cell_index("continuum"), cell_index('ex["00"].coined') > cell_index("builder")
(1, True)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = [
    "CELLS",
    "EXPLORER_CELLS",
    "GALLERY",
    "LONG_CHOICES",
    "cell_index",
    "gallery_notebook",
    "write_gallery",
]

GALLERY = "course_gallery.ipynb"

#: (lesson, exercise name) of multiple-choice items with options over 100 characters.
LONG_CHOICES = (
    ("01", "little_boxes_traits"),
    ("03", "what_data_say"),
    ("04", "three_means"),
    ("04", "artifact_fit"),
    ("04", "pew_cause"),
)

_SETUP = """\
import tempfile

from netind_teach import confidants, datasets, mynetwork
from netind_teach.exercises import for_lesson
from netind_teach.widgets import revolutions
from netind_teach.widgets.artifact import ArtifactExplorer
from netind_teach.widgets.audiences import AudiencesExplorer
from netind_teach.widgets.continuum import ContinuumExplorer
from netind_teach.widgets.niches import NicheExplorer
from netind_teach.widgets.support_router import SupportExplorer
from netind_teach.widgets.typology_explorer import RuleExplorer, SampleBrowser

ex = {lesson: for_lesson(lesson) for lesson in ("00", "01", "03", "04")}
gss = datasets.load("gss_numgiven")
counts = confidants.counts_by_year(gss)"""

#: (explorer, the cell that shows it), in the order of the lessons.
EXPLORER_CELLS = (
    ("continuum", "ContinuumExplorer(seed=1)"),
    ("sample browser", "SampleBrowser(person_id=4)"),
    ("rule", "RuleExplorer(person_id=4)"),
    ("revolutions", "revolutions.RevolutionsExplorer()"),
    ("artifact", "ArtifactExplorer(counts[1985], counts[2004])"),
    ("support", 'SupportExplorer(datasets.load("support_network_synthetic"))'),
    ("audiences", "AudiencesExplorer()"),
    ("niches", "NicheExplorer()"),
)

_EXERCISES = (
    'ex["00"].coined',  # one answer
    'ex["00"].first_type',  # classify a network
    'ex["00"].count_alters',  # code
    'ex["00"].share',  # a number
    *(f'ex["{lesson}"].{name}' for lesson, name in LONG_CHOICES),
)
_RESULTS = (
    'ex["00"].share.check(12)',  # a result box, as printed in a code cell
    'ex["00"].share.hint()',
    'ex["00"].share.solution()',
)

CELLS: tuple[tuple[str, str], ...] = (
    ("setup", _SETUP),
    *EXPLORER_CELLS,
    ("builder", "mynetwork.NetworkBuilder(path=tempfile.mkdtemp(prefix='netind-gallery-'))"),
    *((source, source) for source in _EXERCISES),
    *((source, source) for source in _RESULTS),
)


def cell_index(name: str) -> int:
    """The position of the cell called ``name`` in :data:`CELLS` (an explorer's name, or
    the source of an exercise or result cell)."""
    return [cell for cell, _ in CELLS].index(name)


def gallery_notebook() -> dict[str, Any]:
    """The gallery as an nbformat 4 notebook (a dict), unexecuted."""
    cells = [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": f"gallery-{i}",
            "metadata": {"tags": [f"gallery-{name}"]},
            "outputs": [],
            "source": source,
        }
        for i, (name, source) in enumerate(CELLS)
    ]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_gallery(root: Path) -> str:
    """Write the gallery notebook under ``root``; return its path relative to ``root``."""
    (root / GALLERY).write_text(json.dumps(gallery_notebook(), indent=1), encoding="utf-8")
    return GALLERY
