"""The course's exercise definitions, lesson by lesson, and the instructor's answer list.

Each lesson has a module ``netind_teach/exercises/lessonNN.py`` that defines::

    TITLE = "Welcome"                     # optional
    EXERCISES = (MultipleChoice(name=..., question=..., ...), ...)

The definitions are immutable; nothing is registered at import time, and there is no
global list to mutate. :func:`definitions` reads a lesson's module (live exercises are
made from them by :func:`netind_teach.exercises.for_lesson`); :func:`answers` reads the
same definitions for instructors, and the hand-in lists them. Nothing here imports the
live exercises or any widget.

Examples
--------
>>> "00" in lessons()
True
>>> [d.name for d in definitions("00")][:2]
['coined', 'what_it_is']
>>> answers("00")[0]["answer"]
'- **b) Barry Wellman, in 2000**'
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from typing import Any

from ..errors import WrongInput
from .definition import Definition

__all__ = [
    "RESERVED_NAMES",
    "answers",
    "answers_markdown",
    "definitions",
    "lesson_id",
    "lesson_title",
    "lessons",
]

_PACKAGE = __name__.rsplit(".", 1)[0]
_MODULE = re.compile(r"lesson(\d\d)")

#: Names a lesson's exercise set uses itself (``ex.status()``, ``ex.names``...): no
#: exercise may take them. A test holds this to :class:`~netind_teach.exercises.ExerciseSet`.
RESERVED_NAMES = frozenset(
    {"count", "done", "hand_in", "index", "lesson", "names", "progress_bar", "status", "title"}
)


def lessons() -> tuple[str, ...]:
    """Return the ids of the lessons that define exercises, sorted ('00', '01', ...).

    Returns
    -------
    tuple of str
        Two-digit ids, one per ``lessonNN`` module of :mod:`netind_teach.exercises`.
    """
    package = importlib.import_module(_PACKAGE)
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        match = _MODULE.fullmatch(info.name)
        if match:
            found.append(match.group(1))
    return tuple(sorted(found))


def lesson_id(lesson: Any) -> str:
    """Normalise a lesson reference to two digits: 1, '1', '01', 'lesson01', '01_origins'.

    Parameters
    ----------
    lesson : str or int
        A lesson number, a two-digit id, a module name or a notebook's file name.

    Returns
    -------
    str
        The two-digit lesson id.

    Raises
    ------
    WrongInput
        If ``lesson`` cannot be read as a lesson number (a ValueError naming the lessons).

    Examples
    --------
    >>> [lesson_id(x) for x in (1, "1", "01", "lesson01", "01_origins.ipynb")]
    ['01', '01', '01', '01', '01']
    """
    if isinstance(lesson, int) and not isinstance(lesson, bool) and 0 <= lesson <= 99:
        return f"{lesson:02d}"
    if isinstance(lesson, str):
        match = re.fullmatch(r"(?:lesson)?_?(\d{1,2})(?:[_\-. ].*)?", lesson.strip().lower())
        if match:
            return f"{int(match.group(1)):02d}"
    raise WrongInput(
        f"{lesson!r} is not a lesson id: use two digits such as '01' "
        f"(lessons with exercises: {', '.join(lessons())})"
    )


def definitions(lesson: Any) -> tuple[Definition, ...]:
    """Return the exercise definitions of ``lesson``, with their ``lesson`` field filled in.

    Parameters
    ----------
    lesson : str or int
        A lesson reference, as :func:`lesson_id` reads it.

    Returns
    -------
    tuple of Definition
        The lesson's exercises, in the order its module lists them.

    Raises
    ------
    ValueError
        When the lesson has no exercise module, or its definitions are inconsistent
        (duplicate names, a name that clashes with the lesson set's own attributes).
    """
    number = lesson_id(lesson)
    if number not in lessons():
        raise WrongInput(  # lesson writers: add netind_teach/exercises/lessonNN.py
            f"lesson {number} has no exercises yet; lessons with exercises: "
            f"{', '.join(lessons())}. Fix: for_lesson(\"{lessons()[-1]}\"), or check the "
            f"number at the top of the notebook."
        )
    module = importlib.import_module(f"{_PACKAGE}.lesson{number}")
    raw = getattr(module, "EXERCISES", None)
    if not isinstance(raw, (tuple, list)) or not all(isinstance(d, Definition) for d in raw):
        raise ValueError(
            f"{module.__name__}.EXERCISES must be a tuple of exercise definitions "
            f"(MultipleChoice(...), Numeric(...), ...)"
        )
    seen: set[str] = set()
    bound = []
    for definition in raw:
        if definition.name in seen:
            raise ValueError(f"lesson {number}: two exercises are named {definition.name!r}")
        if definition.name in RESERVED_NAMES:
            raise ValueError(
                f"lesson {number}: exercise name {definition.name!r} is reserved; choose another"
            )
        if definition.lesson not in ("", number):
            raise ValueError(
                f"lesson {number}: {definition.name!r} says lesson={definition.lesson!r}; "
                f"leave lesson empty in lesson{number}.py"
            )
        seen.add(definition.name)
        bound.append(dataclasses.replace(definition, lesson=number))
    return tuple(bound)


def lesson_title(lesson: Any) -> str:
    """Return the lesson module's ``TITLE`` (empty when it has none).

    Parameters
    ----------
    lesson : str or int
        A lesson reference, as :func:`lesson_id` reads it.

    Returns
    -------
    str
        The lesson's title.
    """
    number = lesson_id(lesson)
    module = importlib.import_module(f"{_PACKAGE}.lesson{number}")
    return str(getattr(module, "TITLE", ""))


def answers(lesson: Any = None) -> list[dict[str, Any]]:
    """Every exercise's answer and explanation, for instructors.

    Parameters
    ----------
    lesson : str or int, optional
        One lesson; default every lesson.

    Returns
    -------
    list of dict
        Keys: lesson, name, kind, title, question, answer, explanation, hints.
        (``pandas.DataFrame(answers("01"))`` gives a table.)
    """
    chosen = lessons() if lesson is None else (lesson_id(lesson),)
    rows = []
    for number in chosen:
        for d in definitions(number):
            rows.append(
                {
                    "lesson": number,
                    "name": d.name,
                    "kind": d.kind,
                    "title": d.heading,
                    "question": d.question.strip(),
                    "answer": d.solution_text(),
                    "explanation": d.explanation.strip(),
                    "hints": d.hints,
                }
            )
    return rows


def answers_markdown(lesson: Any = None) -> str:
    """Return the answer list as markdown, for the instructor guide.

    Parameters
    ----------
    lesson : str or int, optional
        One lesson; default every lesson.

    Returns
    -------
    str
        Markdown: per lesson a heading, then each exercise's title, question, answer,
        explanation and hints.

    Examples
    --------
    >>> text = answers_markdown("00")
    >>> text.splitlines()[0]
    '## Lesson 00: exercises and answers'
    """
    chosen = lessons() if lesson is None else (lesson_id(lesson),)
    out: list[str] = []
    for number in chosen:
        title = lesson_title(number)
        out.append(f"## Lesson {number}: exercises and answers")
        if title:
            out.append(f"\n*{title}*")
        for row in answers(number):
            out.append(f"\n### {row['lesson']}.{row['name']}: {row['title']} ({row['kind']})\n")
            out.append(f"**Question.** {row['question']}\n")
            out.append(f"**Answer.**\n\n{row['answer']}\n")
            if row["explanation"]:
                out.append(f"**Why.** {row['explanation']}\n")
            if row["hints"]:
                out.append("**Hints.**\n")
                out.extend(f"{i}. {h}" for i, h in enumerate(row["hints"], start=1))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
