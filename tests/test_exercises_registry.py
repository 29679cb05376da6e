"""Every registered exercise, of every lesson, tests its own checker; the registry itself.

The first tests are generic: they cover each definition in every
``netind_teach/exercises/lessonNN.py``, so a lesson writer's new exercises are checked
without writing a test: the reference answer passes, every ``wrong_examples`` entry
fails, the starter is "not attempted", and the texts a learner and an instructor see
are present.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from pathlib import Path

import pytest

from netind_teach import exercises
from netind_teach.exercises import (
    Exercise,
    ExerciseSet,
    MultipleChoice,
    Option,
    Outcome,
    answers,
    answers_markdown,
    definitions,
    for_lesson,
    lesson_id,
    lessons,
)
from netind_teach.exercises import catalogue as registry_module
from netind_teach.progress import Progress

ALL = [(d.lesson, d.name) for lesson in lessons() for d in definitions(lesson)]


def _definition(lesson: str, name: str):
    return next(d for d in definitions(lesson) if d.name == name)


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


def test_lessons_are_found() -> None:
    assert "00" in lessons()
    assert len(ALL) >= 7
    kinds = {d.kind for d in definitions("00")}
    assert kinds == {
        "multiple choice",
        "numeric",
        "classify this network",
        "sort the claims",
        "code",
        "reflection",
    }


@pytest.mark.parametrize(("lesson", "name"), ALL)
def test_reference_answer_passes(lesson: str, name: str, store: Progress) -> None:
    definition = _definition(lesson, name)
    result = Exercise(definition, progress=store).check(definition.reference_answer)
    assert result.outcome is Outcome.CORRECT, result
    assert store.is_done(lesson, name)


@pytest.mark.parametrize(("lesson", "name"), ALL)
def test_wrong_examples_fail_with_a_message(lesson: str, name: str, store: Progress) -> None:
    definition = _definition(lesson, name)
    assert definition.wrong_examples, f"{lesson}.{name} needs at least one wrong_examples entry"
    for wrong in definition.wrong_examples:
        result = Exercise(definition, progress=store).check(wrong)
        assert result.outcome is Outcome.INCORRECT, (wrong, result)
        assert result.message.strip()
    assert not store.is_done(lesson, name)


@pytest.mark.parametrize(("lesson", "name"), ALL)
def test_starter_is_not_attempted(lesson: str, name: str, store: Progress) -> None:
    definition = _definition(lesson, name)
    q = Exercise(definition, progress=store)
    assert q.check(definition.starter).outcome is Outcome.NOT_ATTEMPTED
    assert q.check(exercises.BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert not q.attempted and q.solution().title == "Answer locked"


@pytest.mark.parametrize(("lesson", "name"), ALL)
def test_texts_are_complete(lesson: str, name: str) -> None:
    definition = _definition(lesson, name)
    assert definition.lesson == lesson
    assert definition.heading.strip()
    assert definition.hints, "give at least one hint"
    assert definition.solution_text().strip()
    assert definition.explanation.strip(), "give an explanation"


@pytest.mark.parametrize(("lesson", "name"), ALL)
def test_hints_and_solution_do_not_raise(lesson: str, name: str, store: Progress) -> None:
    q = Exercise(_definition(lesson, name), progress=store)
    notes = [q.hint() for _ in range(len(q.definition.hints) + 1)]
    assert notes[-1].title in {"No more hints", "No hints"}
    q.check(12345)
    assert q.solution().title == "Solution"


@pytest.mark.parametrize("lesson", lessons())
def test_instructor_answers_cover_every_exercise(lesson: str) -> None:
    rows = answers(lesson)
    assert [r["name"] for r in rows] == [d.name for d in definitions(lesson)]
    for row in rows:
        assert set(row) == {
            "lesson",
            "name",
            "kind",
            "title",
            "question",
            "answer",
            "explanation",
            "hints",
        }
        assert row["answer"].strip() and row["lesson"] == lesson
    text = answers_markdown(lesson)
    for row in rows:
        assert f"### {lesson}.{row['name']}:" in text
        assert row["answer"] in text


# -- lesson 00 specifically ---------------------------------------------------------------
def test_lesson00_answers_for_instructors() -> None:
    rows = {r["name"]: r for r in answers("00")}
    assert rows["coined"]["answer"] == "- **b) Barry Wellman, in 2000**"
    assert rows["share"]["answer"] == "**35%**"
    assert rows["first_type"]["answer"].startswith("**limited**")
    assert "```python" in rows["count_alters"]["answer"]
    assert "There is no single right answer" in rows["my_circles"]["answer"]
    assert "Wellman coined" not in rows["coined"]["question"]
    everything = answers()
    assert {r["lesson"] for r in everything} == set(lessons())


def test_synthetic_network_is_labelled() -> None:
    q = _definition("00", "first_type")
    assert "synthetic" in q.description.lower() and "synthetic" in q.question.lower()
    assert "synthetic" in q.network().graph["name"]


# -- registry -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "ref", [0, "0", "00", "lesson00", "00_welcome", "00_welcome.ipynb", " 00 ", "Lesson00"]
)
def test_lesson_id_forms(ref) -> None:
    assert lesson_id(ref) == "00"


@pytest.mark.parametrize("ref", ["abc", -1, 100, 1.5, None, True, "123"])
def test_bad_lesson_id(ref) -> None:
    with pytest.raises(ValueError, match="not a lesson id"):
        lesson_id(ref)


def test_lesson_without_exercises() -> None:
    with pytest.raises(ValueError, match="lesson 97 has no exercises yet"):
        for_lesson("97")


def test_for_lesson_gives_fresh_objects(store: Progress) -> None:
    first = for_lesson("00", progress=store)
    second = for_lesson("00", progress=store)
    first.coined.check("a")
    assert first.coined.attempted and not second.coined.attempted
    assert first.coined.definition == second.coined.definition


def test_exercise_set(store: Progress) -> None:
    ex = for_lesson("00", progress=store)
    assert isinstance(ex, ExerciseSet) and len(ex) == 7
    assert ex.names[0] == "coined" and ex[0] is ex.coined and ex["coined"] is ex.coined
    assert ex.title == "Welcome: how the exercises work"
    assert "coined" in dir(ex)
    assert repr(ex).startswith("Lesson 00: 7 exercises (coined, what_it_is")
    with pytest.raises(AttributeError, match="has no exercise 'nope'; it has: coined"):
        ex.nope  # noqa: B018
    with pytest.raises(KeyError):
        ex["nope"]
    assert ex.status() == "0 of 7 done"
    ex.share.check(35)
    ex.coined.check("b")
    assert ex.done() == ("coined", "share")
    assert ex.status() == "2 of 7 done"
    assert for_lesson("00", progress=store).status() == "2 of 7 done"  # saved


@pytest.fixture
def fake_lesson(monkeypatch):
    """Install a lesson module 98 whose EXERCISES the test sets."""
    module = types.ModuleType("netind_teach.exercises.lesson98")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(registry_module, "lessons", lambda: ("00", "98"))
    return module


def _mc(name: str, **kw) -> MultipleChoice:
    return MultipleChoice(name=name, question="?", options=(Option("a", True), Option("b")), **kw)


def test_reserved_names_cover_every_public_name_of_an_exercise_set() -> None:
    """An exercise named like an ExerciseSet attribute would be hidden behind it."""
    store = ExerciseSet("98", [], title="t")
    public = {name for name in dir(store) if not name.startswith("_")}
    assert public <= registry_module.RESERVED_NAMES


def test_fake_lesson_is_bound(fake_lesson) -> None:
    fake_lesson.EXERCISES = (_mc("one"), _mc("two"))
    assert [d.id for d in definitions("98")] == ["98.one", "98.two"]
    assert for_lesson(98).two.check("a").correct


@pytest.mark.parametrize(
    ("exercises_value", "message"),
    [
        ((_mc("same"), _mc("same")), "two exercises are named 'same'"),
        ((_mc("status"),), "'status' is reserved"),
        ((_mc("names"),), "'names' is reserved"),
        ((_mc("x", lesson="01"),), "says lesson='01'"),
        ("not a tuple", "must be a tuple of exercise definitions"),
        ((_mc("x"), "text"), "must be a tuple of exercise definitions"),
    ],
)
def test_inconsistent_lessons_are_refused(fake_lesson, exercises_value, message) -> None:
    fake_lesson.EXERCISES = exercises_value
    with pytest.raises(ValueError, match=message):
        definitions("98")


def test_definitions_are_never_mutated(store: Progress) -> None:
    before = definitions("00")
    ex = for_lesson("00", progress=store)
    for q in ex:
        q.check(q.definition.reference_answer)
        q.hint()
    assert definitions("00") == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        before[0].name = "renamed"  # type: ignore[misc]
