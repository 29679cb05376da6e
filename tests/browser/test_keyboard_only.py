"""Lesson 00 with the keyboard alone: every widget exercise kind, the circles number box.

Each exercise is answered with Tab, arrows, Space, Enter and typing, and checked by moving
to its **Check** button with Tab and pressing Enter. Inside every control the keys that
are JupyterLab notebook shortcuts ("a" inserts a cell, "d d" deletes one, "x" cuts one,
arrows move to another cell) are pressed too: the course's settings
(``netind_teach/_jupyter/lab-settings/overrides.json``, see
:func:`netind_teach.a11y.widget_safe_shortcuts`) keep them out of widgets, so the
notebook's cells, their count and their order, are the same at the end.

Focus enters a widget with ``locator.focus()`` (what Tab from the cell above would do,
without counting the Tab stops of the page); nothing is clicked.
"""

from __future__ import annotations

from netind_teach._resources import lessons_dir

from .browser_lab import check_notebook, copy_lesson, exercise
from .keyboard import cells, press, press_notebook_keys, tab_to_check_and_press_enter
from .lesson_checks import LESSONS

WELCOME = "00_welcome.ipynb"


def pick_option_and_check(page, notebook, heading: str, index: int) -> str:
    """Press the notebook keys in the list of options, choose one with arrows, Check."""
    widget = exercise(page, notebook, heading)
    widget.get_by_role("listbox").focus()
    press_notebook_keys(page)
    press(page, "Home", *["ArrowDown"] * index)
    return tab_to_check_and_press_enter(page, widget)


def test_lesson_00_with_the_keyboard_alone(lab_server, lab_page, artifacts):
    from playwright.sync_api import expect

    page = lab_page
    relative = copy_lesson(lessons_dir() / WELCOME, lab_server.root_dir)
    check_notebook(
        page,
        lab_server,
        relative,
        min_widget_views=LESSONS[WELCOME].min_widget_views,
        screenshot=artifacts / "00_welcome-keyboard.png",
    )
    notebook = page.locator(".jp-NotebookPanel").first
    before = cells(page)
    results = {}

    # Multiple choice, one answer: a list of options, moved through with the arrows.
    results["choice"] = pick_option_and_check(page, notebook, "Who coined the term?", 1)

    # Multiple choice, several answers: check boxes.
    what = exercise(page, notebook, "What networked individualism means")
    for i in range(3):
        box = what.locator("input[type=checkbox]").nth(i)
        box.focus()
        page.keyboard.press("Space")
    press_notebook_keys(page)  # on the third box: "a", "d d", "x", arrows change nothing
    results["multiple answers"] = tab_to_check_and_press_enter(page, what)

    # Numeric: typed.
    share = exercise(page, notebook, "How many were networked?")
    field = share.locator("input[type=text]")
    field.focus()
    typed = ""
    for key in "35":  # one key at a time, each seen by the page before the next
        page.keyboard.press(key)
        typed += key
        expect(field).to_have_value(typed)
        page.wait_for_timeout(300)
    results["numeric"] = tab_to_check_and_press_enter(page, share)

    # Classify this network: a list of types ("limited" is the third).
    results["classify"] = pick_option_and_check(page, notebook, "Classify a first network", 2)

    # Sort the claims: one dropdown per claim, moved with ArrowDown.
    sort = exercise(page, notebook, "Wellman's three models of community")
    for i, steps in enumerate((1, 2, 3, 1, 3)):  # little boxes, glocalization, networked...
        dropdown = sort.locator("select").nth(i)
        dropdown.focus()
        for step in range(1, steps + 1):
            # One key at a time: the kernel's echo of a change must not undo the next one.
            page.keyboard.press("ArrowDown")
            expect(dropdown).to_have_js_property("selectedIndex", step)
            page.wait_for_timeout(300)
        expect(dropdown).to_have_js_property("selectedIndex", steps)
    page.keyboard.press("a")
    page.keyboard.press("d")
    page.keyboard.press("d")
    results["sort the claims"] = tab_to_check_and_press_enter(page, sort)

    # Code exercises are answered in a code cell (lesson 00's "Count the alters"): the cell
    # editor is the keyboard's own ground, and this test leaves the cells as they are.

    # Reflection: typed.
    reflection = exercise(page, notebook, "Your own circles")
    reflection.locator("textarea").focus()
    page.keyboard.type(
        "My parents, two colleagues and an online chess group: they have never met each other."
    )
    results["reflection"] = tab_to_check_and_press_enter(page, reflection)

    # An explorer step: the "My circles" number box (found by its accessible name), ArrowUp.
    box = notebook.locator(
        ".widget-vbox", has=page.get_by_role("spinbutton", name="My circles")
    ).last
    box.get_by_role("spinbutton", name="My circles").focus()
    page.keyboard.press("ArrowUp")
    expect(box.locator(".widget-html")).to_contain_text("3 circles")
    for key in ("a", "d", "d", "x"):
        page.keyboard.press(key)

    print("keyboard only, lesson 00:", results)
    for kind in ("choice", "multiple answers", "numeric", "classify", "sort the claims"):
        assert results[kind].startswith("Correct"), (kind, results[kind])
    assert results["reflection"], results
    after = cells(page)
    assert len(after) == len(before), f"{len(before)} cells before, {len(after)} after"
    assert after == before, "the notebook's cells changed while keys went to the widgets"
