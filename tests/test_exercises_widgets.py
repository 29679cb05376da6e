"""Exercise widgets and progress bars, driven from Python: set a value, click, read."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import ipywidgets as widgets
import pytest

from netind_teach.exercises import Exercise, for_lesson, progress_bar
from netind_teach.progress import Progress
from netind_teach.widget_guard import STRICT_VARIABLE


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


@pytest.fixture
def ex(store: Progress):
    return for_lesson("00", progress=store)


def answer_with(w, value) -> str:
    w.value = value
    w.check_button.click()
    return w.feedback_text


# -- the three outcomes and the answer lock, per kind -------------------------------------
WRONG_AND_RIGHT = {
    "coined": ("a", "b"),
    "what_it_is": (("a", "d"), ("a", "b", "c")),
    "share": ("36", "35 %"),
    "first_type": ("bounded", "limited"),
    "sort_models": (
        {
            1: "little boxes",
            2: "networked individualism",
            3: "networked individualism",
            4: "little boxes",
            5: "networked individualism",
        },
        {
            1: "little boxes",
            2: "glocalization",
            3: "networked individualism",
            4: "little boxes",
            5: "networked individualism",
        },
    ),
    "count_alters": (
        "def count_alters(G):\n    return G.number_of_nodes()\n",
        "def count_alters(G):\n    return G.degree('ego')\n",
    ),
    "my_circles": (
        "Mostly family.",
        "My parents, two colleagues and an online chess group: they have never met each "
        "other and I see each of them for different things.",
    ),
}


@pytest.mark.parametrize("name", list(WRONG_AND_RIGHT))
def test_widget_flow(ex, name: str, store: Progress) -> None:
    wrong, right = WRONG_AND_RIGHT[name]
    w = ex[name].widget()
    # untouched: not attempted, answer locked
    assert w.answer_button.disabled
    w.check_button.click()
    assert w.feedback_text.startswith("Not attempted"), w.feedback_text
    assert w.answer_button.disabled
    w.answer_button.click()  # a click from code reaches the handler even when disabled
    assert "Answer locked" in w.solution.value
    # a wrong answer: message, and the answer unlocks
    assert answer_with(w, wrong).startswith("Not quite"), w.feedback_text
    assert "#b42318" in w.feedback.value
    assert not w.answer_button.disabled
    w.answer_button.click()
    assert "Solution" in w.solution.value and "Answer locked" not in w.solution.value
    # the right answer
    assert answer_with(w, right).startswith("Correct"), w.feedback_text
    assert w.last_result.correct and "#1a7f37" in w.feedback.value
    assert store.is_done("00", name)
    assert "Something went wrong" not in w.feedback_text


@pytest.mark.parametrize("name", list(WRONG_AND_RIGHT))
def test_widget_value_round_trips(ex, name: str) -> None:
    w = ex[name].widget()
    _wrong, right = WRONG_AND_RIGHT[name]
    w.value = right
    assert ex[name].definition.evaluate(w.value).correct


def test_inputs_suit_the_kind(ex) -> None:
    assert type(ex.coined.widget().input) is widgets.Select  # a list box, one Tab stop
    multi = ex.what_it_is.widget()
    assert len(multi.choices) == 5 and all(isinstance(c, widgets.Checkbox) for c in multi.choices)
    share = ex.share.widget()
    assert isinstance(share.text_input, widgets.Text)
    assert share.input.children[1].value == "%"  # the unit beside the box
    assert type(ex.first_type.widget().input) is widgets.Select
    types = [value for _label, value in ex.first_type.widget().input.options]
    assert types == ["networked", "bounded", "limited"]
    sort = ex.sort_models.widget()
    assert len(sort.dropdowns) == 5
    assert sort.dropdowns[0].value is None
    code = ex.count_alters.widget()
    assert isinstance(code.input, widgets.Textarea)
    assert "return ____" in code.input.value
    assert isinstance(ex.my_circles.widget().input, widgets.Textarea)


def test_inputs_set_directly(ex) -> None:
    w = ex.coined.widget()
    w.input.value = "b"
    w.check_button.click()
    assert w.last_result.correct
    m = ex.what_it_is.widget()
    for i in (0, 1, 2):
        m.choices[i].value = True
    m.check_button.click()
    assert m.last_result.correct
    s = ex.sort_models.widget()
    s.dropdowns[0].value = "glocalization"
    s.check_button.click()
    assert "claim 1 (Wellman 2002) does not belong under 'glocalization'" in s.feedback_text
    assert "not placed yet: claim 2, 3, 4, 5." in s.feedback_text


def test_starter_code_in_the_textarea_is_not_attempted(ex) -> None:
    w = ex.count_alters.widget()
    w.check_button.click()
    assert w.feedback_text == "Not attempted: Replace ____ in your function with your own code."
    assert w.answer_button.disabled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Not attempted"),
        ("abc", "'abc' is not a number"),
        ("2,9", "2.9% is too low."),
        ("1,000", "ambiguous"),
        ("35 people", "without 'people'"),
        ("nan", "is not a number"),
    ],
)
def test_numeric_box_messages(ex, text: str, expected: str) -> None:
    w = ex.share.widget()
    w.text_input.value = text
    w.check_button.click()
    assert expected in w.feedback_text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def count_alters(G):\n    return 1/0\n", "raised ZeroDivisionError: division by zero"),
        ("def count_alters(G)\n    return 3\n", "syntax error on line 1"),
        ("def count_alters(G):\n    while True:\n        pass\n", "did not finish within 2 s"),
        ("print('hi')\n", "Define a function called count_alters"),
    ],
)
def test_code_box_messages(ex, source: str, expected: str) -> None:
    w = ex.count_alters.widget()
    w.input.value = source
    w.check_button.click()
    assert expected in w.feedback_text and "\n" not in w.feedback_text


def test_hint_button_reveals_tiers(ex) -> None:
    w = ex.coined.widget()
    w.hint_button.click()
    assert "Hint 1 of 2" in w.hints.value and "Hint 2 of 2" not in w.hints.value
    w.hint_button.click()
    assert "Hint 1 of 2" in w.hints.value and "Hint 2 of 2" in w.hints.value
    w.hint_button.click()
    assert "No more hints" in w.hints.value and w.hints_text.startswith("No more hints")


def test_plain_check_unlocks_an_open_widget(ex) -> None:
    w = ex.coined.widget()
    assert w.answer_button.disabled
    ex.coined.check("c")
    assert not w.answer_button.disabled
    assert not ex.coined.widget().answer_button.disabled  # a new view knows too


def test_reflection_box_shows_saved_text(ex, store: Progress) -> None:
    text = "Family on one side, climbing friends on the other; they have never met at all."
    ex.my_circles.check(text)
    again = for_lesson("00", progress=store)
    assert again.my_circles.widget().input.value == text


def test_a_checker_crash_becomes_a_message(ex, monkeypatch) -> None:
    w = ex.coined.widget()
    monkeypatch.setattr(Exercise, "check", lambda self, answer=None: 1 / 0)
    w.value = "b"
    with pytest.raises(ZeroDivisionError):  # strict mode (tests): the bug is not hidden
        w._guard(w._on_check)()
    monkeypatch.setenv(STRICT_VARIABLE, "")  # a learner: one line
    w.check_button.click()
    assert w.feedback_text.startswith("Something went wrong (ZeroDivisionError)")


def test_display_bundles_are_deterministic_text(ex) -> None:
    w = ex.coined.widget()
    bundle = w._repr_mimebundle_()
    assert (
        bundle["text/plain"]
        == "Widget for Exercise 00.coined (multiple choice): Who coined the term?"
    )
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert ex.coined._repr_mimebundle_()["text/plain"] == repr(ex.coined)


# -- the network drawing ---------------------------------------------------------------------
def test_classify_widget_draws_with_egodraw(ex, monkeypatch) -> None:
    calls = []
    fake = types.ModuleType("netind_teach.egodraw")

    def draw_ego(G, ego, ax=None, **kwargs):
        calls.append((sorted(G.nodes), ego))
        ax.plot([0, 1], [0, 1])
        ax.set_title("synthetic ego network")
        return ax

    fake.draw_ego = draw_ego
    fake.key_html = lambda ax: ""
    monkeypatch.setitem(sys.modules, "netind_teach.egodraw", fake)
    w = ex.first_type.widget()
    image = w.figure.children[0]
    assert isinstance(image, widgets.Image) and image.value[:4] == b"\x89PNG"
    assert "Synthetic ego network" in w.figure.children[1].value
    assert calls and calls[0][1] == "ego"


def test_classify_widget_without_a_drawing_describes_the_network(ex, monkeypatch) -> None:
    fake = types.ModuleType("netind_teach.egodraw")

    def draw_ego(G, ego, ax=None, **kwargs):
        raise RuntimeError("no display")

    fake.draw_ego = draw_ego
    monkeypatch.setitem(sys.modules, "netind_teach.egodraw", fake)
    w = ex.first_type.widget()
    assert isinstance(w.figure, widgets.HTML)
    assert "Synthetic ego network" in w.figure.value
    assert "not available here: RuntimeError: no display" in w.figure.value
    assert answer_with(w, "limited").startswith("Correct")


def test_classify_widget_with_the_real_egodraw_module(ex) -> None:
    """Whatever state egodraw is in, the widget builds and answers."""
    w = ex.first_type.widget()
    assert w.figure is not None
    assert answer_with(w, "limited").startswith("Correct")


# -- progress bars -----------------------------------------------------------------------------
def test_progress_bar_updates_on_correct_answers(ex, store: Progress) -> None:
    bar = ex.progress_bar()
    assert bar.text == "0 of 7 done" and bar.bar.value == 0 and bar.bar.max == 7
    w = ex.coined.widget()
    answer_with(w, "a")
    assert bar.text == "0 of 7 done"
    answer_with(w, "b")
    assert bar.text == "1 of 7 done" and bar.bar.value == 1
    ex.share.check(35)  # plain calls update the bar too
    assert bar.text == "2 of 7 done"
    for q in ex:
        q.check(q.definition.reference_answer)
    assert bar.text == "all 7 done" and bar.bar.bar_style == "success"


def test_progress_bar_starts_from_saved_progress(store: Progress) -> None:
    store.mark_done("00", "coined")
    store.mark_done("00", "unknown_old_name")  # not counted
    bar = progress_bar("00", for_lesson("00", progress=store), store)
    assert bar.text == "1 of 7 done"
    assert bar._repr_mimebundle_()["text/plain"] == "Progress bar for lesson 00"


def test_progress_bar_survives_an_unwritable_store(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    ex = for_lesson("00", progress=Progress(blocker / "p.json"))
    bar = ex.progress_bar()
    result = ex.coined.check("b")
    assert result.correct and "Progress not saved" in result.message
    assert bar.text == "1 of 7 done"  # the session still counts it
