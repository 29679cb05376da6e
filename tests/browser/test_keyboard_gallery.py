"""The course gallery with the keyboard alone: every explorer, the builder, the code kind.

``course_gallery.py`` shows every explorer of ``netind_teach/widgets/``, an empty network
builder and exercises of every kind in one notebook. Each test here moves focus into a
widget with ``locator.focus()`` (what Tab from the cell above would do) and then uses
only the keyboard (Tab, arrows, Space, Enter, typing): nothing is clicked. Inside each
control it also presses the keys that are JupyterLab notebook shortcuts ("a", "d d", "x",
arrows); the notebook's cells, their number and order, must be the same afterwards.

It also holds the fixes of issue 20's last findings to account: a multiple-choice
question is one Tab stop whose arrow keys move the choice and whose chosen option is
exposed as selected; a disabled number box is no Tab stop; the builder's "knows" list is
ticked with Space, no modifier key; every number box is named in the accessibility tree
(ipywidgets' sliders were not) and holds a typed number to its range; and every control
that chooses an option or switches something on exposes its state there (ipywidgets'
toggle buttons showed it by shading only).
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
  const name = `${el.tagName.toLowerCase()}${el.type ? '[' + el.type + ']' : ''}`;
  return el.disabled ? `${name} (disabled)` : name;
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


def _step_number(page, box):
    box.get_by_role("spinbutton").first.focus()
    page.keyboard.press("ArrowUp")


def _step_select(page, box):
    box.locator("select").first.focus()
    page.keyboard.press("ArrowDown")


def _step_list(name: str):
    def step(page, box):
        box.get_by_role("listbox", name=name).focus()
        page.keyboard.press("ArrowDown")

    return step


def _step_checkbox(page, box):
    box.locator("input[type=checkbox]").first.focus()
    page.keyboard.press("Space")


EXPLORER_STEPS = {
    "continuum": _step_number,
    "sample browser": _step_select,
    "rule": _step_list("Compare with:"),  # medians -> fixed numbers
    "revolutions": _step_checkbox,  # the social network revolution, off
    "artifact": _step_number,
    "support": _step_select,
    "audiences": _step_checkbox,
    "niches": _step_number,
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


def test_a_disabled_number_box_is_no_tab_stop(gallery):
    """The rule explorer's fixed numbers are greyed out until "fixed numbers" is chosen."""
    from playwright.sync_api import expect

    page, notebook = gallery.page, gallery.notebook
    box = output_of(notebook, "rule")
    compare = box.get_by_role("listbox", name="Compare with:")
    numbers = box.get_by_role("spinbutton", name=re.compile("^fixed number for"))
    expect(numbers).to_have_count(3)
    compare.focus()
    press(page, "Home")  # medians
    expect(compare.get_by_role("option", selected=True)).to_have_text("medians")
    for i in range(3):
        expect(numbers.nth(i)).to_be_disabled()
    box.locator("input[type=checkbox]").first.focus()
    stops = tab_stops(page, box)
    assert stops and not [s for s in stops if "disabled" in s or "number" in s], stops
    compare.focus()
    press(page, "End")  # fixed numbers
    for i in range(3):
        expect(numbers.nth(i)).to_be_enabled()
    box.locator("input[type=checkbox]").first.focus()
    boxes = [s for s in tab_stops(page, box) if s == "input[number]"]
    assert len(boxes) == 3, f"the 3 enabled number boxes are Tab stops again: {boxes}"
    assert_cells_unchanged(page)


# ------------------------------------------------ what a screen reader meets: names, states

#: Every number box of the explorers, by the name a screen reader reads (with its range).
NUMBER_NAMES = {
    "continuum": (
        "from little boxes (0) to networked individualism (1) (0 to 1)",
        "circles at the networked end (1 to 8)",
        "people ego knows (4 to 40)",
    ),
    "rule": ("fixed number for ties", "fixed number for groups", "fixed number for diversity"),
    "revolutions": ("share with weak ties (0 to 0.5)", "always-on availability (0 to 1)"),
    "artifact": ("false zeros, % of respondents (0 to 50%)",),
    "niches": ("How strongly people choose their own side (0 to 1)",),
}

#: (gallery cell, name of a list box, its option chosen at the start).
CHOSEN_OPTIONS = (
    ("sample browser", "Show:", "all"),
    ("rule", "Medians:", "within each age group"),
    ("rule", "Tie-break:", "networked checked first (course)"),
    ("builder", "Compare with", "published medians"),
    ("builder", "Colour by", "circle"),
)

#: (gallery cell, start of a check box's name, ticked at the start).
SWITCHES = (
    ("revolutions", "social network revolution", None),  # the explorer step may untick it
    ("revolutions", "internet revolution", True),
    ("revolutions", "mobile revolution", True),
)

_SHADED = ".widget-toggle-button.mod-active, .widget-toggle-buttons .mod-active"


def test_every_number_box_is_named_for_screen_readers(gallery):
    """The accessibility tree names each number box (a slider's handle had no name)."""
    from playwright.sync_api import expect

    outputs = gallery.page.locator(".jp-OutputArea")
    expect(outputs.get_by_role("slider", include_hidden=True)).to_have_count(0)
    for cell, names in NUMBER_NAMES.items():
        box = output_of(gallery.notebook, cell)
        tree = box.aria_snapshot()
        for name in names:
            assert re.search(rf'- spinbutton "{re.escape(name)}', tree), (cell, name, tree)
        unnamed = re.findall(r"- spinbutton(?! \")[^\n]*", tree)
        assert not unnamed, f"{cell}: number boxes without a name: {unnamed}"


def test_a_chosen_option_is_exposed_not_only_shaded(gallery):
    """What is chosen or switched on reaches the accessibility tree: selected, checked."""
    from playwright.sync_api import expect

    outputs = gallery.page.locator(".jp-OutputArea")
    shaded = [text.strip() for text in outputs.locator(_SHADED).all_inner_texts()]
    pressed = outputs.get_by_role("button", pressed=True, include_hidden=True).all_inner_texts()
    missing = [text for text in shaded if text not in [p.strip() for p in pressed]]
    assert not missing, f"chosen by shading only, no state for a screen reader: {missing}"
    for cell, name, chosen in CHOSEN_OPTIONS:
        listbox = output_of(gallery.notebook, cell).get_by_role(
            "listbox", name=name, include_hidden=True
        )
        expect(listbox).to_have_count(1)
        selected = listbox.get_by_role("option", selected=True, include_hidden=True)
        expect(selected).to_have_text(chosen)
    for cell, name, ticked in SWITCHES:
        switch = output_of(gallery.notebook, cell).get_by_role(
            "checkbox", name=re.compile(f"^{re.escape(name)}")
        )
        expect(switch).to_have_count(1)
        if ticked is not None:
            expect(switch).to_be_checked(checked=ticked)


def test_a_typed_number_is_held_to_its_range(gallery):
    """Typing 99 in "people ego knows (4 to 40)" gives 40; text that is no number, the last
    value; the explorer follows and nothing breaks (no traceback, no error message)."""
    from playwright.sync_api import expect

    page = gallery.page
    box = output_of(gallery.notebook, "continuum")
    people = box.get_by_role("spinbutton", name="people ego knows (4 to 40)")
    people.focus()
    press(page, "Control+a")
    page.keyboard.type("99")
    page.keyboard.press("Enter")
    expect(people).to_have_value("40")
    expect(box.locator("table")).to_contain_text(re.compile(r"people\s*40"))
    press(page, "Control+a")
    page.keyboard.type("1")
    page.keyboard.press("Tab")  # leaving the box sends it
    expect(people).to_have_value("4")
    expect(box.locator("table")).to_contain_text(re.compile(r"people\s*4(?!\d)"))
    people.focus()
    press(page, "Control+a")
    page.keyboard.type("lots")  # a number box takes no letters: the value stays
    page.keyboard.press("Enter")
    expect(people).to_have_value("4")
    expect(box).not_to_contain_text("Traceback")
    expect(box).not_to_contain_text("went wrong")
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
