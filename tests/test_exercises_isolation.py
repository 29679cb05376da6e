"""Learner code is judged by exact type and value, and stopped for real at its time limit.

Issue 18 item 8: an object whose ``__eq__`` always says True passed every code exercise.
Issue 18 item 9: a function that catches ``BaseException`` survived its time-out and kept
a thread busy after ``check`` returned.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from netind_teach.exercises import (
    CodeExercise,
    Exercise,
    Outcome,
    can_isolate,
    definitions,
    lessons,
    run_with_time_limit,
    same_value,
)
from netind_teach.progress import Progress

CODE = tuple(
    d for lesson in lessons() for d in definitions(lesson) if isinstance(d, CodeExercise)
)


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


class AlwaysEqual:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


class EqualStr(str):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


class EqualFloat(float):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = float.__hash__


TRICKS = {
    "always-equal object": lambda *_a: AlwaysEqual(),
    "str subclass": lambda *_a: EqualStr("x"),
    "float subclass": lambda *_a: EqualFloat(-1.0),
    "list of them": lambda *_a: [AlwaysEqual()],
}


# -- item 8 ------------------------------------------------------------------------------
@pytest.mark.parametrize("definition", CODE, ids=lambda d: d.id)
@pytest.mark.parametrize("trick", TRICKS, ids=str)
def test_an_object_that_equals_everything_fails_every_code_exercise(definition, trick, store):
    function = TRICKS[trick]
    result = Exercise(definition, progress=store).check(function)
    assert result.outcome is Outcome.INCORRECT, (trick, result.message)


@pytest.mark.parametrize("definition", CODE, ids=lambda d: d.id)
def test_each_case_fails_alone_for_an_always_equal_answer(definition) -> None:
    """All 101 cases of rule_in_code passed before; now none does."""
    for case in definition.cases:
        assert not same_value(AlwaysEqual(), case.expected)
        assert same_value(definition.reference(*case.args), case.expected)


@pytest.mark.parametrize(
    ("got", "expected", "same"),
    [
        (3, 3.0, True),
        (np.int64(3), 3, True),
        (np.float64(1 / 3), 1 / 3, True),
        (True, 1, False),
        (1, True, False),
        (np.str_("limited"), "limited", True),
        ((1, 2), [1, 2], False),
        ({1: "a"}, {1: "a"}, True),
        ({AlwaysEqual(): "a"}, {1: "a"}, False),
        ({1, 2}, {1, 2}, True),
        (None, 0, False),
        (EqualStr("a"), "b", False),
    ],
)
def test_same_value_by_exact_type_and_value(got: Any, expected: Any, same: bool) -> None:
    assert same_value(got, expected) is same


# -- item 9 ------------------------------------------------------------------------------
def _stubborn(*_args: Any) -> Any:
    """Catches everything, so an exception raised inside it cannot stop it."""
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass


def _cpu_seconds_over(wait: float) -> float:
    """CPU time this process (all its threads) uses while the test thread sleeps."""
    start = time.process_time()
    time.sleep(wait)
    return time.process_time() - start


@pytest.mark.skipif(not can_isolate(), reason="needs os.fork; the thread fallback only warns")
def test_a_function_catching_base_exception_burns_no_cpu_after_check(store) -> None:
    definition = dataclasses.replace(CODE[0], time_limit=0.3)
    result = Exercise(definition, progress=store).check(_stubborn)
    assert result.outcome is Outcome.INCORRECT and "did not finish" in result.message
    assert _cpu_seconds_over(0.6) < 0.15  # a spinning thread would use about 0.6 s


@pytest.mark.skipif(not can_isolate(), reason="needs os.fork")
def test_stubborn_code_at_top_level_of_source_is_stopped_too(store) -> None:
    definition = dataclasses.replace(CODE[0], time_limit=0.3)
    source = (
        "while True:\n    try:\n        while True:\n            pass\n"
        "    except BaseException:\n        pass\n"
    )
    result = Exercise(definition, progress=store).check(source)
    assert result.outcome is Outcome.INCORRECT and "did not finish" in result.message
    assert _cpu_seconds_over(0.6) < 0.15


@pytest.mark.skipif(not can_isolate(), reason="needs os.fork")
def test_the_child_and_what_it_started_are_gone(tmp_path: Path) -> None:
    marker = tmp_path / "pid"

    def spawn_and_spin() -> None:
        child = os.fork()
        if child == 0:
            while True:
                time.sleep(0.01)
        marker.write_text(str(child))
        _stubborn()

    assert run_with_time_limit(spawn_and_spin, limit=0.5).status == "timed out"
    grandchild = int(marker.read_text())
    for _ in range(100):
        try:
            os.kill(grandchild, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)
    else:
        pytest.fail(f"process {grandchild} started by the checked code is still running")


def test_results_errors_and_prints_come_back(capsys) -> None:
    assert run_with_time_limit(lambda: {"a": [1, 2]}, 2.0).value == {"a": [1, 2]}
    error = run_with_time_limit(lambda: int("x"), 2.0).error
    assert isinstance(error, ValueError) and "invalid literal" in str(error)

    class Local(Exception):  # cannot be pickled: stands in with the same name and text
        pass

    def raise_local() -> None:
        raise Local("my own error")

    error = run_with_time_limit(raise_local, 2.0).error
    assert type(error).__name__ == "Local" and str(error) == "my own error"
    run_with_time_limit(lambda: print("hello from the learner"), 2.0)
    assert "hello from the learner" in capsys.readouterr().out


def test_a_checked_function_changes_nothing_in_the_kernel(store) -> None:
    """The learner's function runs in the child: side effects stay there (documented)."""
    seen: list[int] = []

    def counting(G: Any) -> int:
        seen.append(1)
        return len(list(G.neighbors("ego")))

    result = Exercise(CODE[0], progress=store).check(counting)
    assert result.correct, result.message
    assert seen == [] if can_isolate() else seen
