"""Exercises that check an answer and teach: as plain calls or as widgets.

For learners
------------
Each lesson loads its exercises once, then each exercise is used in a code cell::

    from netind_teach.exercises import for_lesson, ____
    ex = for_lesson("00")
    ex.progress_bar()            # "0 of 7 done", updates as you go
    ex.coined                    # shows the question with Check / Hint / Show answer
    ex.coined.check("b")         # Correct / Not quite / Not attempted, with a message
    ex.coined.hint()             # the next hint; ex.coined.hint(2) for hint 2
    ex.coined.solution()         # the answer and why, after one attempt

``check`` never raises: an empty answer, text where a number belongs, a function that
crashes or never stops all get a one-line message saying what to do.

For lesson writers
------------------
Define a lesson's exercises in ``netind_teach/exercises/lessonNN.py`` as a tuple
``EXERCISES`` of immutable definitions (:class:`MultipleChoice`, :class:`Numeric`,
:class:`ClassifyNetwork`, :class:`SortClaims`, :class:`CodeExercise`,
:class:`Reflection`), each with ``wrong_examples``. The test suite checks every
definition: its reference answer passes, its wrong examples fail, its starter is "not
attempted". :func:`answers` lists every answer for the instructor guide.

Examples
--------
>>> import tempfile, pathlib
>>> from netind_teach.progress import Progress
>>> ex = for_lesson("00", progress=Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json"))
>>> ex.coined.check(____)
Not attempted: Replace ____ with your answer (the letter of your choice, e.g. 'b'),
then run the cell again.
>>> ex.coined.check("a")
Not quite: Not a). Castells wrote about networked individualism in *The Internet
Galaxy* (2001) and published the term with its coiner, but did not coin it.
>>> ex.coined.check("b").correct
True
"""

from __future__ import annotations

from ._core import BLANK, Note, Outcome, Result, is_blank
from ._timeout import run_with_time_limit
from .code import Case, CodeExercise, same_value
from .exercise import Exercise, ExerciseSet, progress_bar
from .kinds import Claim, ClassifyNetwork, MultipleChoice, Numeric, Option, Reflection, SortClaims
from .registry import answers, answers_markdown, definitions, for_lesson, lesson_id, lessons

#: The starter placeholder, under the name lessons use in code cells.
____ = BLANK

__all__ = [
    "BLANK",
    "Case",
    "Claim",
    "ClassifyNetwork",
    "CodeExercise",
    "Exercise",
    "ExerciseSet",
    "MultipleChoice",
    "Note",
    "Numeric",
    "Option",
    "Outcome",
    "Reflection",
    "Result",
    "SortClaims",
    "____",
    "answers",
    "answers_markdown",
    "definitions",
    "for_lesson",
    "is_blank",
    "lesson_id",
    "lessons",
    "progress_bar",
    "run_with_time_limit",
    "same_value",
]
