"""What the browser test expects of each lesson: widget count and one real interaction.

Every ``lessons/*.ipynb`` needs an entry in :data:`LESSONS`; a lesson without one fails
``tests/browser/test_lessons_in_browser.py`` with a message pointing here, so a new lesson
cannot skip the browser check by accident.

How to add a lesson
-------------------
1. Run the browser test once: a lesson without an entry still gets the generic checks,
   and the failure message prints what the run saw ("widget views 9 sent / 9 rendered").
   Use that number as ``min_widget_views`` (each widget output counts once, however
   many widgets it nests).
2. Pick one thing a learner does and assert the page changed as it should:

   - an exercise shown as a widget (a cell ``ex.<name>``) answered by typing:
     ``wrong_answer("04", "artifact_rate")`` types the first of that exercise's
     ``mistakes`` (from ``netind_teach/exercises/lesson04.py``), presses **Check** and
     asserts the feedback says "Not quite" with that mistake's message;
   - anything else: write ``def name(page, notebook) -> None``. ``page`` is the
     Playwright page, ``notebook`` a locator of the open notebook; find your widget by the
     text it shows (see :func:`step_my_circles`) and assert with
     ``expect(locator).to_contain_text(...)``, which waits for the kernel's reply. Helpers
     in ``browser_lab.py``: ``step_number(page, number, steps)``,
     ``exercise(page, notebook, heading)``, ``press_check(exercise)`` (for choice
     exercises: click an option first) and ``press_check_with_wrong_answer(exercise,
     text)``; both return the new feedback text.
   - several steps: ``both(first, second)``.
3. Add ``"NN_name.ipynb": LessonExpectation(min_widget_views=..., interaction=...)``.
   A lesson with no widgets at all says so with ``interaction=None, reason="..."``.

Run ``PYTHONPATH=tests/offline .venv/bin/python -m pytest tests/browser -q`` and look at
the screenshot in ``test-artifacts/browser/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .browser_lab import Interaction, exercise, press_check_with_wrong_answer, step_number

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

__all__ = [
    "LESSONS",
    "LessonExpectation",
    "add_to_demo_builder",
    "both",
    "missing_entry_message",
    "remove_parent_ties",
    "step_my_circles",
    "wrong_answer",
]


@dataclass(frozen=True)
class LessonExpectation:
    """The minimum number of rendered widget outputs and the interaction to perform."""

    min_widget_views: int
    interaction: Interaction | None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.interaction is None and not self.reason:
            raise ValueError("a lesson without an interaction must give a reason= for it")
        if self.interaction is not None and self.min_widget_views < 1:
            raise ValueError("a lesson with an interaction must expect at least one widget")


def step_my_circles(page: Page, notebook: Locator) -> None:
    """Lesson 00: step "My circles" from 2 to 6 with ArrowUp; the reply must follow it.

    The number box is found by its accessible name, the name a screen reader reads.
    """
    from playwright.sync_api import expect

    number = notebook.get_by_role("spinbutton", name="My circles")
    # ``has=`` is matched inside each candidate box, so it is built from ``page``.
    box = notebook.locator(
        ".widget-vbox", has=page.get_by_role("spinbutton", name="My circles")
    ).last
    reply = box.locator(".widget-html")
    expect(reply).to_contain_text("2 circles")
    step_number(page, number, 4)
    expect(number).to_have_value("6")
    expect(reply).to_contain_text("6 circles")
    expect(reply).to_contain_text("networked individual")


def add_to_demo_builder(page: Page, notebook: Locator) -> None:
    """Lesson 05: type a nickname in the demo network builder, press Add, read the status."""
    from playwright.sync_api import expect

    builder = notebook.locator(".netind-network-builder").first
    expect(builder).to_contain_text("Started from the demo network")
    nickname = builder.locator("input[placeholder='nickname or initials']")
    nickname.fill("Zed")
    nickname.press("Tab")  # ipywidgets Text syncs its value on blur/enter
    builder.locator(".widget-button", has_text=re.compile(r"^\s*Add\s*$")).click()
    expect(builder).to_contain_text("Added Zed (immediate kin). Saved.")
    expect(builder).to_contain_text("people you listed")


def remove_parent_ties(page: Page, notebook: Locator) -> None:
    """Lesson 06: remove parent-or-adult-child ties in the support router; money is lost."""
    from playwright.sync_api import expect

    router = notebook.locator(".netind-support-router").first
    expect(router).to_contain_text("Every need has at least one helper")
    router.locator("select").select_option("parent or adult child")
    expect(router).to_contain_text("no one is left to help with: money")
    expect(router).to_contain_text("(none left)")


def wrong_answer(lesson: str, name: str) -> Interaction:
    """An interaction: type a known mistake into exercise ``name``, press Check, read.

    The mistake and the feedback it must get come from the exercise's definition
    (``netind_teach/exercises/lessonNN.py``, its first ``mistakes`` entry), so the test
    follows the lesson's wording. The feedback must start with "Not quite" and carry that
    mistake's message.
    """

    def interaction(page: Page, notebook: Locator) -> None:
        from netind_teach.exercises import definitions

        definition = next(d for d in definitions(lesson) if d.name == name)
        mistakes = getattr(definition, "mistakes", ())
        assert mistakes, f"{lesson}.{name} has no `mistakes` to type: pick another exercise"
        value, message = mistakes[0]
        widget = exercise(page, notebook, definition.heading)
        assert widget.count() == 1, (
            f"{lesson}.{name}: no exercise widget titled {definition.heading!r} on the page "
            f"(the lesson shows one with a cell `ex.{name}`)"
        )
        typed = str(value)  # exactly the mistake, whatever the exercise's tolerance
        feedback = press_check_with_wrong_answer(widget, typed)
        assert feedback.startswith("Not quite"), f"{lesson}.{name}: feedback {feedback!r}"
        assert " ".join(message.split()) in " ".join(feedback.split()), (
            f"{lesson}.{name}: typed {typed!r}, expected the message {message!r}, got {feedback!r}"
        )

    interaction.__name__ = interaction.__qualname__ = f"wrong_answer_{lesson}_{name}"
    return interaction


def both(*interactions: Interaction) -> Interaction:
    """Run several interactions one after the other."""

    def interaction(page: Page, notebook: Locator) -> None:
        for step in interactions:
            step(page, notebook)

    return interaction


# Minimum widget outputs = what a run of the lesson shows today (each output counts once,
# however many widgets it nests); the test also checks that every widget the kernel sent
# rendered, so this number only guards against widgets disappearing from the lesson.
LESSONS: dict[str, LessonExpectation] = {
    "00_welcome.ipynb": LessonExpectation(
        min_widget_views=8, interaction=both(step_my_circles, wrong_answer("00", "share"))
    ),
    "01_origins.ipynb": LessonExpectation(
        min_widget_views=9, interaction=wrong_answer("01", "density_by_hand")
    ),
    "02_typology.ipynb": LessonExpectation(
        min_widget_views=13, interaction=wrong_answer("02", "median_ties")
    ),
    "03_triple_revolution.ipynb": LessonExpectation(
        min_widget_views=8, interaction=wrong_answer("03", "smartphone_half")
    ),
    "04_isolation_debate.ipynb": LessonExpectation(
        min_widget_views=9, interaction=wrong_answer("04", "artifact_rate")
    ),
    "05_your_network.ipynb": LessonExpectation(
        min_widget_views=8, interaction=both(add_to_demo_builder, wrong_answer("05", "demo_ties"))
    ),
    "06_living_networked.ipynb": LessonExpectation(
        min_widget_views=18,
        interaction=both(remove_parent_ties, wrong_answer("06", "privacy_rise")),
    ),
}


def missing_entry_message(lesson: str) -> str:
    """The failure message for a lesson that has no entry in :data:`LESSONS`.

    Examples
    --------
    >>> "tests/browser/lesson_checks.py" in missing_entry_message("09_new.ipynb")
    True
    """
    return (
        f"{lesson} has no entry in LESSONS in tests/browser/lesson_checks.py: add its "
        f"minimum number of widget outputs and one interaction (see that module's docstring)"
    )
