"""Lesson 00 (welcome) and the model names every lesson accepts (issue 19)."""

from __future__ import annotations

import pytest

from netind_teach.exercises import definitions
from netind_teach.vocab import MODEL_NAMES, model_name


def _definition(lesson: str, name: str):
    return next(d for d in definitions(lesson) if d.name == name)


# ------------------------------------------- item 9: one vocabulary of the models' names
ALL_NAMES = [(model, name) for model, names in MODEL_NAMES.items() for name in names]


@pytest.mark.parametrize(("model", "name"), ALL_NAMES)
def test_sort_models_accepts_every_name_of_each_model(model: str, name: str) -> None:
    q = _definition("00", "sort_models")
    answer = dict(q.reference_answer)
    for number, category in answer.items():
        if model_name(category) == model:
            answer[number] = name.upper() if len(name) > 6 else name
    assert q.evaluate(answer).correct, (name, q.evaluate(answer).message)


@pytest.mark.parametrize(("model", "name"), ALL_NAMES)
def test_which_model_accepts_every_name_of_each_model(model: str, name: str) -> None:
    for exercise in ("which_model_a", "which_model_b"):
        q = _definition("01", exercise)
        assert q.evaluate(name).correct is (model_name(q.answer) == model), (exercise, name)


def test_every_lessons_model_names_are_in_the_vocabulary() -> None:
    sort_models = _definition("00", "sort_models")
    which = _definition("01", "which_model_a")
    for name in (*sort_models.categories, *which.choices):
        assert model_name(name) is not None, name
    assert len({model_name(n) for n in sort_models.categories}) == 3


# ---------------------------------- item 19: first_type uses the synthetic sample's medians
def test_first_type_medians_are_the_synthetic_samples_own() -> None:
    from netind_teach import datasets

    people = datasets.load("east_york_synthetic")
    older = people[people["age_group"] == "65+"]
    q = _definition("00", "first_type")
    for measure in ("diversity", "groups"):
        median = int(older[measure].median())
        assert f"median of {median}" in next(r for r in q.reasons if measure[:5] in r)
    assert f"a diversity score of {int(older['diversity'].median())} (the course's synthetic" in (
        " ".join(q.question.split())
    )
