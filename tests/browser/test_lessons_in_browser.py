"""Every lesson, opened in JupyterLab in a real Chromium, run, checked, touched and audited.

After the interaction, axe-core (``axe_audit.py``) audits the notebook's output areas:
a serious or critical finding fails the test.

The per-lesson expectations (widget count, interaction) live in ``lesson_checks.py``;
its docstring says how to add a lesson.
"""

from __future__ import annotations

import pytest

from netind_teach._resources import lessons_dir

from .axe_audit import audit, figures_without_text
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
    # What the course drew (the output areas, after Run All and the interaction): no
    # serious or critical axe-core finding. JupyterLab's own findings are only listed.
    findings = audit(lab_page)
    print(f"{lesson.name}: {findings.summary()}")
    for finding in findings.outside:
        print(f"  JupyterLab (not failing): {finding.line()}")
    assert not findings.failing, f"{lesson.name}: {findings.failure_message()}"
    # Every picture the course drew says what it shows (not nbconvert's placeholder).
    unnamed = figures_without_text(lab_page)
    assert not unnamed, f"{lesson.name}: pictures without a real text alternative: {unnamed}"
    if expectation is None:
        pytest.fail(
            f"{missing_entry_message(lesson.name)}; this run saw {report.summary()}",
            pytrace=False,
        )
    assert report.widget_views_rendered >= expectation.min_widget_views
