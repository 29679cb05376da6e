"""The course gallery with the keyboard alone: every explorer, the builder, the code kind.

``course_gallery.py`` shows every explorer of ``netind_teach/widgets/``, an empty network
builder and exercises of every kind in one notebook. Each test here moves focus into a
widget with ``locator.focus()`` (what Tab from the cell above would do) and then uses
only the keyboard (Tab, arrows, Space, Enter, typing): nothing is clicked. Inside each
control it also presses the keys that are JupyterLab notebook shortcuts ("a", "d d", "x",
arrows); the notebook's cells, their number and order, must be the same afterwards.

It also holds the fixes of issue 20's last findings to account: a multiple-choice
question is one Tab stop whose arrow keys move the choice and whose chosen option is
exposed as selected; a disabled slider is no Tab stop; the builder's "knows" list is
ticked with Space, no modifier key.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import netind_teach.widgets

from .browser_lab import check_notebook, exercise, exercise_feedback
from .course_gallery import CELLS, EXPLORER_CELLS, cell_index, write_gallery
from .keyboard import (
    active_text,
    cells,
    press,
    press_notebook_keys,
    tab_to_check_and_press_enter,
)

_ACTIVE_INSIDE = "(root) => root.contains(document.activeElement)"
_ACTIVE_DESCRIBED = """() => {
  const el = document.activeElement;
  const disabled = !!el.closest('.slider[disabled]');
  const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
  return disabled ? `${name} (disabled slider)` : name;
}"""


@pytest.fixture(scope="module")
def gallery(browser_context, lab_server, tmp_path_factory):
    """The gallery, opened and run once for this module's tests, in its own tab."""
    page = browser_context.new_page()
    try:
        relative = write_gallery(lab_server.root_dir)
        check_notebook(page, lab_server, relative, min_widget_views=18)
        before = cells(page)
        assert len(before) == len(CELLS)
        yield SimpleNamespace(
            page=page,
            notebook=page.locator(".jp-NotebookPanel").first,
            relative=relative,
            server=lab_server,
        )
        after = cells(page)
        assert after == before, "the notebook's cells changed while keys went to the widgets"
    finally:
        page.close()
        lab_server.shutdown_kernels(wait=False)


def output_of(notebook, name: str):
    """The output area of the gallery's cell ``name``."""
    return notebook.locator(".jp-Cell").nth(cell_index(name)).locator(".jp-OutputArea-output").first


def assert_cells_unchanged(page) -> None:
    assert len(cells(page)) == len(CELLS), f"{len(cells(page))} cells, the gallery has {len(CELLS)}"


def tab_stops(page, root, limit: int = 60) -> list[str]:
    """Press Tab from the focused element until focus leaves ``root``; name each stop."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if not root.evaluate(_ACTIVE_INSIDE):
            break
        stops.append(page.evaluate(_ACTIVE_DESCRIBED))
    return stops


# --------------------------------------------------------------------------- explorers


def _step_slider(page, box):
    box.locator(".noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")


def _step_select(page, box):
    box.locator("select").first.focus()
    page.keyboard.press("ArrowDown")


def _step_toggle(label: str):
    def step(page, box):
        box.locator("button", has_text=label).first.focus()
        page.keyboard.press("Space")

    return step


def _step_checkbox(page, box):
    box.locator("input[type=checkbox]").first.focus()
    page.keyboard.press("Space")


EXPLORER_STEPS = {
    "continuum": _step_slider,
    "sample browser": _step_select,
    "rule": _step_toggle("fixed numbers"),
    "revolutions": _step_toggle("social network revolution"),
    "artifact": _step_slider,
    "support": _step_select,
    "audiences": _step_checkbox,
    "niches": _step_slider,
}


def test_every_explorer_of_netind_teach_widgets_has_a_step_here():
    folder = Path(netind_teach.widgets.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "status"}
    shown = {
        "continuum",
        "typology_explorer",
        "revolutions",
        "artifact",
        "support_router",
        "audiences",
        "niches",
    }
    assert modules == shown, f"add a gallery cell and a step for {sorted(modules - shown)}"
    assert set(EXPLORER_STEPS) == {name for name, _ in EXPLORER_CELLS}


@pytest.mark.parametrize("name", list(EXPLORER_STEPS))
def test_one_explorer_step_with_the_keyboard(gallery, name):
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    box = output_of(notebook, name)
    before = box.inner_text()
    EXPLORER_STEPS[name](page, box)
    expect(box).not_to_have_text(before)  # the explorer answered the key
    if box.evaluate(_ACTIVE_INSIDE):
        press_notebook_keys(page)
    assert_cells_unchanged(page)


def test_a_disabled_slider_is_no_tab_stop(gallery):
    """The rule explorer's fixed-number sliders are disabled until "fixed numbers"."""
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    box = output_of(notebook, "rule")
    medians = box.locator("button", has_text="medians").first
    if "mod-active" not in (medians.get_attribute("class") or ""):
        medians.focus()
        page.keyboard.press("Space")
    expect(box.locator(".slider[disabled]")).to_have_count(3)
    box.locator("input[type=checkbox]").first.focus()
    stops = tab_stops(page, box)
    assert stops and not [s for s in stops if "disabled slider" in s], stops
    box.locator("button", has_text="fixed numbers").first.focus()
    page.keyboard.press("Space")
    expect(box.locator(".slider[disabled]")).to_have_count(0)
    box.locator("input[type=checkbox]").first.focus()
    handles = [s for s in tab_stops(page, box) if "noUi-handle" in s]
    assert len(handles) == 3, f"the 3 enabled sliders are Tab stops again: {handles}"
    assert_cells_unchanged(page)


# --------------------------------------------------------------------------- exercises


def test_one_choice_is_one_tab_stop_moved_by_arrows(gallery):
    """'Who coined the term?': one Tab stop, arrows choose, the choice is exposed."""
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    widget = exercise(page, notebook, "Who coined the term?")
    listbox = widget.get_by_role("listbox")
    expect(listbox).to_have_count(1)
    listbox.focus()
    press_notebook_keys(page)
    press(page, "Home", "ArrowDown")  # the second option, b)
    expect(listbox.get_by_role("option", selected=True)).to_have_text(re.compile(r"^b\)"))
    press(page, *["ArrowDown"] * 6)  # arrows stay inside the question, on its last option
    assert listbox.evaluate("el => el === document.activeElement")
    options = listbox.get_by_role("option")
    expect(listbox.get_by_role("option", selected=True)).to_have_text(options.last.inner_text())
    press(page, "Home", "ArrowDown", "Tab")  # one Tab stop: the next is Check
    assert active_text(page) == "Check"
    page.keyboard.press("Enter")
    expect(exercise_feedback(widget)).to_contain_text("Correct")
    assert_cells_unchanged(page)


def test_code_exercise_answered_in_its_own_box(gallery):
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    widget = exercise(page, notebook, "Count the alters")
    box = widget.locator("textarea")
    box.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type('def count_alters(G):\n    return G.degree("ego")\n')
    expect(box).to_have_value(re.compile(r'return G\.degree\("ego"\)'))
    feedback = tab_to_check_and_press_enter(page, widget)
    assert feedback.startswith("Correct"), feedback
    assert_cells_unchanged(page)


# --------------------------------------------------------------------------- builder

_ACTIVE_LABEL = """() => {
  const el = document.activeElement;
  const label = el.closest('label');
  return el.type === 'checkbox' && label ? label.innerText.trim() : '';
}"""


def tab_until(page, condition, limit: int = 40) -> None:
    """Press Tab until ``condition()`` holds (at most ``limit`` times)."""
    for _ in range(limit):
        if condition():
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached it; focus is on {page.evaluate(_ACTIVE_DESCRIBED)}")


def add_person(page, builder, nickname: str) -> None:
    from playwright.sync_api import expect

    builder.locator("input[placeholder='nickname or initials']").focus()
    page.keyboard.press("Control+a")
    page.keyboard.type(nickname, delay=0)
    tab_until(page, lambda: active_text(page) == "Add")
    page.keyboard.press("Enter")
    expect(builder).to_contain_text(f"Added {nickname}")


def test_builder_add_and_link_with_the_keyboard(gallery):
    """Add two people, open "Edit / links" from the tab bar, tick who knows whom."""
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    builder = output_of(notebook, "builder")
    add_person(page, builder, "Zed")
    add_person(page, builder, "Yan")
    builder.locator(".lm-TabBar-tab[tabindex='0']").focus()  # the open tab, "Add people"
    press(page, "ArrowRight", "Enter")
    expect(builder.locator(".lm-TabBar-tab[aria-selected='true']")).to_have_text("Edit / links")
    expect(builder).to_contain_text("Space ticks")  # the instruction names the keys
    page.keyboard.press("Tab")  # the person whose ties are shown
    press(page, "Home")  # Zed, the first person
    tab_until(page, lambda: page.evaluate(_ACTIVE_LABEL) == "Yan")
    page.keyboard.press("Space")
    expect(builder).to_contain_text("Zed knows 1 of your people")
    press_notebook_keys(page)  # on Yan's box: "a", "d d", "x", arrows
    assert page.evaluate(_ACTIVE_LABEL) == "Yan"
    expect(builder).to_contain_text("Zed knows 1 of your people")
    assert_cells_unchanged(page)
