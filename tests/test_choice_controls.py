"""The keyboard-friendly choosing controls (issue 20): a list box of options, a tick list.

How they behave in a browser (one Tab stop, arrows, Space, wrapping) is checked by
``tests/browser/test_keyboard_gallery.py`` and ``tests/browser/test_reflow.py``; these
tests check what Python sees.
"""

from __future__ import annotations

import ipywidgets as widgets

from netind_teach import a11y
from netind_teach.choice_controls import TICK_LIST_CLASS, TickList, breakable, option_list

LONG = "They come from the same 2004 survey but were made differently, and so on and on"


def test_an_option_list_shows_every_option_in_one_list_box_named_and_unchosen():
    box = option_list([("a) first", "a"), ("b) second", "b"), ("c) third", "c")], "Your answer")
    assert isinstance(box, widgets.Select) and not isinstance(box, widgets.SelectMultiple)
    assert box.rows == 3 and box.value is None
    assert box.description == "Your answer" and a11y.SR_LABEL_CLASS in box._dom_classes
    assert a11y.OPTION_LIST_CLASS in box._dom_classes
    box.value = "b"
    assert box.label.replace("\u200b", "") == "b) second"


def test_long_options_can_wrap_in_the_browser():
    # ipywidgets shows each space as a no-break space; a zero-width space after it is
    # where the line may break, and nothing a learner sees or hears changes.
    label = breakable(LONG)
    assert label.replace("\u200b", "") == LONG
    assert label.count("\u200b") == LONG.count(" ")
    assert f".{a11y.OPTION_LIST_CLASS} > select > option" in a11y.COURSE_CSS
    assert "white-space: normal" in a11y.COURSE_CSS


def test_a_tick_list_keeps_options_and_value_like_select_multiple():
    ticks = TickList(options=[("Sam", "p1"), ("Ola", "p2"), ("Kit", "p3")], value=("p3",))
    assert TICK_LIST_CLASS in ticks._dom_classes
    assert [box.description for box in ticks.parts] == ["Sam", "Ola", "Kit"]
    assert [box.value for box in ticks.parts] == [False, False, True]
    ticks.parts[0].value = True  # Space on Sam's box
    assert ticks.value == ("p1", "p3")  # in the order of the options
    ticks.value = ("p2",)
    assert [box.value for box in ticks.parts] == [False, True, False]


def test_a_tick_list_reports_each_tick_once_and_keeps_each_option_its_box():
    ticks = TickList(options=[("Sam", 1), ("Ola", 2)])
    seen = []
    ticks.observe(lambda change: seen.append(change["new"]), names="value")
    ticks.parts[1].value = True
    assert seen == [(2,)]
    ola = ticks.parts[1]
    ticks.options = [("Ola", 2), ("Kit", 3), ("Lee", 4)]  # Sam gone, two new people
    assert ticks.parts[0] is ola and len(ticks.children) == 3  # Ola keeps her box
    assert ticks.value == (2,) and [box.value for box in ticks.parts] == [True, False, False]
    assert [box.description for box in ticks.parts] == ["Ola", "Kit", "Lee"]
    ticks.options = []
    assert ticks.value == () and ticks.children == ()


def test_a_value_no_longer_offered_is_dropped():
    ticks = TickList(options=[("Sam", 1)])
    ticks.value = (1, 99)
    assert ticks.value == (1,)


def test_text_wraps_at_200_percent_zoom():
    css = a11y.COURSE_CSS
    assert ".jupyter-widgets.widget-hbox { flex-wrap: wrap; }" in css
    for control in (".jupyter-widgets.jupyter-button", ".widget-checkbox .widget-label-basic"):
        assert control in css


# -- number boxes (a11y.number_box): the course's control for a number, not a slider -------
def test_a_number_box_is_named_with_its_range_and_held_to_it():
    people = a11y.number_box("people", 20, 4, 40)
    assert type(people) is widgets.BoundedIntText
    assert people.description == "people (4 to 40)" and a11y.NUMBER_BOX_CLASS in people._dom_classes
    assert not people.continuous_update  # a half-typed "3" of "35" is never sent
    for typed, held in ((99, 40), (-5, 4), (17, 17)):
        people.value = typed
        assert people.value == held


def test_a_number_box_of_fractions_steps_and_can_start_greyed_out():
    share = a11y.number_box("share", 0.2, 0.0, 0.5, 0.05, unit="%", disabled=True)
    assert type(share) is widgets.BoundedFloatText
    assert (share.step, share.disabled, share.description) == (0.05, True, "share (0 to 0.5%)")
    share.value = 3.0
    assert share.value == 0.5


def test_a_number_box_reports_each_change_once():
    seen = []
    people = a11y.number_box("people", 20, 4, 40)
    people.observe(lambda change: seen.append(change["new"]), names="value")
    people.value = 21
    people.value = 400
    assert seen == [21, 40]


def test_the_position_bar_is_hidden_from_screen_readers_and_held_to_its_ends():
    from netind_teach.explorer_html import position_bar

    bar = position_bar(0.5, 0.0, 1.0, "little <boxes>", "networked")
    assert bar.startswith('<div aria-hidden="true"') and "width:50%" in bar
    assert "little &lt;boxes&gt;" in bar  # the ends' words are escaped
    assert "width:0%" in position_bar(-3, 0, 1, "a", "b")
    assert "width:100%" in position_bar(3, 0, 1, "a", "b")
