"""Property tests: no input, however strange, makes ``check`` (or a widget) raise.

Hypothesis throws arbitrary text, numbers, containers, instances of built-in types and
deliberately hostile objects (whose ``__eq__``, ``__str__``, ``__len__``, ``__float__``
... raise) at every exercise kind, through plain calls and through the widgets' inputs.
Run with ``--hypothesis-show-statistics`` to see how many cases were tried.
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netind_teach.exercises import (
    BLANK,
    Exercise,
    MultipleChoice,
    Note,
    Numeric,
    Option,
    Outcome,
    Result,
    definitions,
    lessons,
)
from netind_teach.progress import Progress

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # seeded: the same cases every run
    database=None,
)
_TMP = Path(tempfile.mkdtemp(prefix="netind-properties-"))
STORE = Progress(_TMP / "progress.json", notify=lambda _m: None)

EXTRA = (
    MultipleChoice(
        name="extra_multi",
        lesson="99",
        question="?",
        multiple=True,
        options=(Option("x", True), Option("y"), Option("z", True)),
    ),
    Numeric(name="extra_num", lesson="99", question="?", answer=-2.5, tolerance=0.01, unit="ties"),
)
DEFINITIONS = tuple(d for lesson in lessons() for d in definitions(lesson)) + EXTRA
# short time limits keep the code exercise quick when hypothesis finds a looping input
DEFINITIONS = tuple(
    dataclasses.replace(d, time_limit=0.3) if hasattr(d, "time_limit") else d for d in DEFINITIONS
)


# -- hostile objects -----------------------------------------------------------------------
def _boom(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("hostile")


class Hostile:
    """Every operation a checker might try raises."""

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _boom
    __repr__ = __str__ = __format__ = __len__ = __iter__ = __bool__ = _boom
    __float__ = __int__ = __index__ = __complex__ = __getitem__ = __contains__ = _boom
    __deepcopy__ = __copy__ = __reduce__ = __reduce_ex__ = _boom

    def __hash__(self) -> int:
        return 1


class HostileCallable(Hostile):
    __call__ = _boom


class HostileStr(str):
    __eq__ = __ne__ = __repr__ = __str__ = __iter__ = __len__ = __getitem__ = _boom
    strip = split = casefold = lower = replace = isidentifier = _boom

    def __hash__(self) -> int:
        return 1


class HostileList(list):
    __len__ = __iter__ = __getitem__ = __repr__ = __eq__ = _boom
    __hash__ = None


class HostileDict(dict):
    items = keys = values = __len__ = __iter__ = __repr__ = _boom


class HostileFloat(float):
    __float__ = __repr__ = __str__ = __format__ = __eq__ = __lt__ = __gt__ = _boom

    def __hash__(self) -> int:
        return 1


class HostileInt(int):
    __index__ = __int__ = __float__ = __repr__ = __str__ = __eq__ = _boom

    def __hash__(self) -> int:
        return 1


HOSTILE = st.sampled_from(
    [
        Hostile(),
        HostileCallable(),
        HostileStr("b"),
        HostileList([1, 2]),
        HostileDict({1: "a"}),
        HostileFloat(35.0),
        HostileInt(3),
        [Hostile()],
        {1: Hostile()},
        {Hostile(): "little boxes"},
        (HostileStr("a"), "b"),
    ]
)

BUILTIN_TYPES = st.sampled_from(
    [
        int,
        float,
        complex,
        str,
        bytes,
        bytearray,
        bool,
        list,
        tuple,
        dict,
        set,
        frozenset,
        Decimal,
        Fraction,
        range,
        slice,
        type,
        object,
    ]
)

SCALARS = st.one_of(
    st.none(),
    st.just(BLANK),
    st.just(Ellipsis),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(),
    st.text(),
    st.binary(),
    st.fractions(),
    st.decimals(allow_nan=True, allow_infinity=True),
    BUILTIN_TYPES.flatmap(st.from_type),
)
ANYTHING = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.integers(-2, 9), st.text(max_size=8)), inner, max_size=5),
        st.frozensets(st.one_of(st.integers(), st.text(max_size=4)), max_size=4),
    ),
    max_leaves=8,
)

# text shaped like real answers: numbers with units and commas, letters, type names
ANSWER_TEXT = st.one_of(
    st.text(),
    st.from_regex(
        r"\s*[+\-\u2212]?\d{0,5}([.,]\d{0,4})?([eE][+\-]?\d{1,4})?\s*"
        r"(%|percent|per cent|people|ties|[a-z]{0,6})?\s*",
        fullmatch=True,
    ),
    st.from_regex(r"[a-hA-H(). ,;&/]{0,10}", fullmatch=True),
    st.from_regex(
        r"(socially |a )?(networked|bounded|limited|isolated)( individual)?", fullmatch=True
    ),
    st.from_regex(
        r"def count_alters\(G\):\n    return [a-zA-Z0-9_.()\"' +*/-]{0,20}\n", fullmatch=True
    ),
)


@cache
def live(index: int) -> Exercise:
    return Exercise(DEFINITIONS[index], progress=STORE)


EXERCISE = st.integers(0, len(DEFINITIONS) - 1)


def assert_sound(result: Result) -> None:
    assert isinstance(result, Result)
    assert isinstance(result.outcome, Outcome)
    assert isinstance(result.message, str) and result.message.strip()
    assert "Traceback" not in result.message
    assert isinstance(repr(result), str) and isinstance(result._repr_html_(), str)


# -- plain calls ---------------------------------------------------------------------------
PER_KIND = settings(SETTINGS, max_examples=100)
EACH = pytest.mark.parametrize("index", range(len(DEFINITIONS)), ids=lambda i: DEFINITIONS[i].name)


@EACH
@PER_KIND
@given(answer=ANYTHING)
def test_check_never_raises_on_arbitrary_objects(index: int, answer: Any) -> None:
    result = live(index).check(answer)
    assert_sound(result)
    # ordinary objects are judged by the kind's own rules, not by the last-resort net
    assert "could not be checked" not in result.message


@SETTINGS
@given(EXERCISE, HOSTILE)
def test_check_never_raises_on_hostile_objects(index: int, answer: Any) -> None:
    result = live(index).check(answer)
    assert_sound(result)
    assert result.outcome is not Outcome.CORRECT


@EACH
@PER_KIND
@given(text=ANSWER_TEXT)
def test_check_never_raises_on_text(index: int, text: str) -> None:
    result = live(index).check(text)
    assert_sound(result)
    if not text.strip():
        assert result.outcome is Outcome.NOT_ATTEMPTED


@SETTINGS
@given(st.one_of(st.integers(-(10**6), 10**6), st.floats(-1e6, 1e6, allow_nan=False)))
def test_numeric_is_correct_exactly_within_tolerance(value: float) -> None:
    q = Exercise(EXTRA[1])
    result = q.check(value)
    assert result.correct == (abs(value - (-2.5)) <= 0.01 + 1e-12)
    as_text = q.check(repr(float(value)))
    assert as_text.outcome == result.outcome  # "1e-05" and 1e-05 are the same answer
    if not result.correct:
        assert "-2.5" not in result.message  # the answer is never given away


@SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers(), st.text(max_size=12))
def test_numeric_with_any_suffix_is_a_one_line_message(value: float, suffix: str) -> None:
    result = live(DEFINITIONS.index(EXTRA[1])).check(f"{value}{suffix}")
    assert_sound(result)
    if result.outcome is Outcome.INCORRECT:
        assert "\n" not in result.message


@SETTINGS
@given(EXERCISE, ANYTHING)
def test_hints_never_raise(index: int, n: Any) -> None:
    note = live(index).hint(n)
    assert isinstance(note, Note) and note.title and isinstance(repr(note), str)


# -- widgets ---------------------------------------------------------------------------------
@cache
def widget_for(name: str) -> Any:
    definition = next(d for d in definitions("00") if d.name == name)
    return Exercise(definition, progress=STORE).widget()


def _click(w: Any) -> str:
    w.check_button.click()
    assert w.feedback_text and "Something went wrong" not in w.feedback_text
    return w.feedback_text


@SETTINGS
@given(st.sampled_from(["share", "count_alters", "my_circles"]), ANSWER_TEXT)
def test_text_boxes_take_any_text(name: str, text: str) -> None:
    w = widget_for(name)
    w.text_input.value = text
    _click(w)
    assert w.last_result is not None


@SETTINGS
@given(st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d"])))
def test_radio_buttons(choice: str | None) -> None:
    w = widget_for("coined")
    w.input.value = choice
    text = _click(w)
    assert text.startswith("Not attempted" if choice is None else ("Correct", "Not quite"))


@SETTINGS
@given(st.lists(st.booleans(), min_size=5, max_size=5))
def test_checkboxes(ticks: list[bool]) -> None:
    w = widget_for("what_it_is")
    for box, tick in zip(w.choices, ticks, strict=True):
        box.value = tick
    text = _click(w)
    expected = ticks == [True, True, True, False, False]
    assert text.startswith("Correct") == expected


@SETTINGS
@given(st.lists(st.sampled_from([None, *definitions("00")[4].categories]), min_size=5, max_size=5))
def test_dropdowns(choices: list[str | None]) -> None:
    w = widget_for("sort_models")
    for dropdown, choice in zip(w.dropdowns, choices, strict=True):
        dropdown.value = choice
    text = _click(w)
    if all(c is None for c in choices):
        assert text.startswith("Not attempted")


@SETTINGS
@given(st.one_of(st.none(), st.sampled_from(["networked", "bounded", "limited"])))
def test_toggle_buttons(choice: str | None) -> None:
    w = widget_for("first_type")
    w.input.value = choice
    text = _click(w)
    assert text.startswith("Correct") == (choice == "limited")


def test_hostile_objects_strategy_is_really_hostile() -> None:
    for thing in (Hostile(), HostileStr("b"), HostileFloat(1.0)):
        try:
            repr(thing)
        except RuntimeError:
            continue
        raise AssertionError(f"{type(thing).__name__} did not raise")
    assert math.isfinite(float(HostileInt.__mro__[1](3)))
