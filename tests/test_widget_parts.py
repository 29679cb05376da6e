"""Fixed text, buttons and boxes share one layout and style model (issue 24).

Every ipywidgets control made its own Layout model and most their own Style: an exercise
widget was 34 models, lesson 06 701 (254 layouts), each opened with a message; creating
them was about a third of lesson 06's own work. The course's fixed widgets now share them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import ipywidgets as widgets
import pytest
from traitlets import TraitError

from netind_teach import widget_parts
from netind_teach.exercises import for_lesson


def _models(widget) -> set[str]:
    """The ids of every model a widget's display opens (itself, layouts, styles, children)."""
    seen: set[str] = set()
    todo = [widget]
    while todo:
        w = todo.pop()
        if w.model_id in seen:
            continue
        seen.add(w.model_id)
        for name in ("layout", "style"):
            if isinstance(getattr(w, name, None), widgets.Widget):
                todo.append(getattr(w, name))
        todo += [c for c in getattr(w, "children", ()) if isinstance(c, widgets.Widget)]
        todo += [p for p in getattr(w, "parts", ()) if isinstance(p, widgets.Widget)]
    return seen


def test_fixed_widgets_share_one_layout_and_one_style_of_each_kind():
    a, b = widget_parts.html("<b>a</b>"), widget_parts.html("b")
    one, two = widget_parts.button("Check"), widget_parts.button("Hint", button_style="info")
    box = widget_parts.vbox([a, widget_parts.hbox([one, two]), widget_parts.label("2 of 5")])
    assert a.layout is b.layout is one.layout is box.layout
    assert a.style is b.style and one.style is two.style and a.style is not one.style
    assert (a.value, two.description, two.button_style) == ("<b>a</b>", "Hint", "info")
    assert len(_models(box)) == 6 + 4  # six widgets; one layout and three styles


def test_an_exercise_widget_opens_few_models():
    ex = for_lesson("06")
    # before: a multiple-choice exercise opened 34 models; sort-the-claims 129 for its 12
    # claims (nine for each claim's row: a dropdown, its text, the row, their layouts
    # and styles)
    plain = ex.money_ties.widget()
    assert len(_models(plain.box)) <= 20
    claims = ex.sort_sides.widget()
    rows = len(claims.dropdowns)
    assert rows == 12 and len(_models(claims.box)) <= 4 * rows + 20
    assert plain.check_button.layout is claims.check_button.layout is plain.title.layout
    assert plain.feedback.style is claims.hints.style


def test_a_shared_layout_or_style_refuses_changes_and_a_widget_can_have_its_own():
    a, b = widget_parts.html("a"), widget_parts.html("b")
    with pytest.raises(TraitError, match=r"shared by many widgets.*widget\.layout = "):
        a.layout.width = "10em"
    with pytest.raises(TraitError, match=r"widget\.style = ipywidgets\.HTMLStyle"):
        a.style.font_size = "20px"
    assert a.layout.width is None and b.style.font_size is None
    a.layout = widgets.Layout(width="10em")  # its own: only it changes
    a.layout.display = "none"
    assert b.layout.width is None and b.layout.display is None


def test_each_set_of_settings_has_its_own_shared_model():
    narrow = widget_parts.shared(widgets.Layout, width="14em", flex="0 0 auto")
    assert narrow is widget_parts.shared(widgets.Layout, flex="0 0 auto", width="14em")
    assert narrow is not widget_parts.shared(widgets.Layout)
    assert (narrow.width, narrow.flex) == ("14em", "0 0 auto")


def test_a_closed_shared_model_is_made_again():
    layout = widget_parts.html("a").layout
    layout.close()  # e.g. Widget.close_all() in a notebook
    fresh = widget_parts.html("b")
    assert fresh.layout is not layout and fresh.layout.comm is not None


def test_every_box_shows_the_one_course_style_sheet():
    from netind_teach import a11y

    ex = for_lesson("06")
    sheet = ex.money_ties.widget().box.children[0]
    assert sheet is a11y.style() and sheet is ex.progress_bar().box.children[0]
    assert sheet.layout.display == "none" and "netind-course-css" in sheet.value
    sheet.close()
    again = ex.money_ties.widget().box.children[0]
    assert again is not sheet and again.comm is not None and again.value == sheet.value


def test_controls_of_fixed_looks_share_their_layout_and_style():
    from netind_teach import a11y
    from netind_teach.choice_controls import TickList, option_list

    people, share = a11y.number_box("people", 20, 4, 40), a11y.number_box("share", 0.2, 0.0, 0.5)
    assert people.layout is share.layout and people.style is share.style
    assert (people.layout.width, people.style.description_width) == ("auto", "initial")
    assert people.description == "people (4 to 40)"  # its name, as before
    one, two = option_list([("a", 1)], "First"), option_list([("b", 2)], "Second", visible=True)
    assert one.layout is two.layout is people.layout and one.style is two.style
    ticks = TickList(options=[("Sam", 1), ("Ola", 2)])
    sam, ola = ticks.parts
    assert sam.layout is ola.layout and sam.style is ola.style
    assert (sam.description, ola.description, sam.indent) == ("Sam", "Ola", False)
    with pytest.raises(TraitError, match="shared by many widgets"):
        people.layout.width = "10em"


def test_the_network_builder_and_the_explorers_open_few_models():
    import matplotlib

    matplotlib.use("Agg")
    from netind_teach import mynetwork
    from netind_teach.widgets.continuum import ContinuumExplorer
    from netind_teach.widgets.typology_explorer import RuleExplorer

    folder = mynetwork.scratch_folder("netind-test-")
    builder = mynetwork.NetworkBuilder(path=folder, start=mynetwork.demo_network(), draw=False)
    # before: 180 models for the demo network (66 layouts, 18 check box styles, ...)
    assert len(_models(builder.box)) <= 90
    assert builder.person.layout is builder.new_nickname.layout  # both 20em wide
    assert builder.category.style is builder.place.style
    # before: 29 and 61 models
    assert len(_models(ContinuumExplorer(seed=1).widget())) <= 20
    assert len(_models(RuleExplorer().box)) <= 32



@contextmanager
def _messages_after_opening() -> Iterator[list[tuple[str, object]]]:
    """Record (widget kind, trait) of each state message widgets send inside the block."""
    sent: list[tuple[str, object]] = []
    real = widgets.Widget.send_state

    def spy(self, key=None):
        sent.append((type(self).__name__, key))
        return real(self, key)

    with mock.patch.object(widgets.Widget, "send_state", spy):
        yield sent


def test_number_and_list_boxes_are_named_and_classed_as_they_are_made():
    """One message each (its opening), not two more for its name and its CSS class."""
    from netind_teach import a11y
    from netind_teach.choice_controls import option_list

    with _messages_after_opening() as sent:
        people = a11y.number_box("people", 20, 4, 40)
        hidden = option_list([("a", 1), ("b", 2)], "Type of this network")
        shown = option_list([("a", 1)], "Colour by", visible=True)
    # before: each sent its description and its _dom_classes after opening
    assert sent == []
    assert people.description == "people (4 to 40)"
    assert people._dom_classes == (a11y.NUMBER_BOX_CLASS,)
    assert hidden.description == "Type of this network"
    assert hidden._dom_classes == (a11y.OPTION_LIST_CLASS, a11y.SR_LABEL_CLASS)
    assert (shown.description, shown._dom_classes) == ("Colour by", (a11y.OPTION_LIST_CLASS,))
    assert hidden.value is None and people.value == 20


def test_a_tick_list_names_each_new_checkbox_as_it_is_made():
    """One message per checkbox (its opening), not a second one to give it its name."""
    from netind_teach.choice_controls import TickList

    with _messages_after_opening() as sent:
        ticks = TickList(options=[("Sam", 1), ("Ola", 2), ("Kit", 3)], value=(2,))
    assert [box.description for box in ticks.parts] == ["Sam", "Ola", "Kit"]
    assert [box.value for box in ticks.parts] == [False, True, False]
    # before: each checkbox sent its description after opening
    assert [s for s in sent if s[0] == "Checkbox" and s[1] != "value"] == []
