"""Every lesson, opened in JupyterLab in a real Chromium, run, checked and touched.

The per-lesson expectations (widget count, interaction) live in ``lesson_checks.py``;
its docstring says how to add a lesson.
"""

from __future__ import annotations

import pytest

from netind_teach._resources import lessons_dir

from .browser_lab import check_notebook, copy_lesson
from .lesson_checks import LESSONS, missing_entry_message

LESSON_FILES = sorted(
    (path for path in lessons_dir().iterdir() if path.name.endswith(".ipynb")),
    key=lambda path: path.name,
)


def test_every_lesson_has_a_browser_check():
    missing = [path.name for path in LESSON_FILES if path.name not in LESSONS]
    assert not missing, "\n".join(missing_entry_message(name) for name in missing)


def test_no_browser_check_for_a_lesson_that_does_not_exist():
    names = {path.name for path in LESSON_FILES}
    assert sorted(set(LESSONS) - names) == []


@pytest.mark.parametrize("lesson", LESSON_FILES, ids=lambda path: path.name)
def test_lesson_runs_and_its_widgets_work_in_the_browser(lesson, lab_server, lab_page, artifacts):
    expectation = LESSONS.get(lesson.name)
    relative = copy_lesson(lesson, lab_server.root_dir)
    # A lesson without an entry still gets the generic checks (no errors, every widget
    # the kernel sent rendered) before it fails for the missing entry.
    report = check_notebook(
        lab_page,
        lab_server,
        relative,
        min_widget_views=expectation.min_widget_views if expectation else 0,
        interaction=expectation.interaction if expectation else None,
        screenshot=artifacts / f"{lesson.stem}.png",
    )
    print(f"{lesson.name}: {report.summary()}")
    if expectation is None:
        pytest.fail(
            f"{missing_entry_message(lesson.name)}; this run saw {report.summary()}",
            pytrace=False,
        )
    assert report.widget_views_rendered >= expectation.min_widget_views
