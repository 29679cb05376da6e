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
Define a lesson's exercises in ``netind_teach/exercises/lessonNN.py`` (``lesson00.py``
shows one of each kind)::

    from netind_teach.exercises import MultipleChoice, Numeric, Option  # and the others

    TITLE = "Origins of the term"
    EXERCISES = (
        Numeric(
            name="share",                       # ex.share in the notebook
            title="How many were networked?",
            question="What **percentage** ... ?",   # markdown
            answer=35, unit="%",
            mistakes=((36, "36% is the share of bounded individuals."),),
            hints=("gentle first", "stronger second"),
            explanation="Why 35% is right, with its citation.",
            wrong_examples=(36, "0.35"),        # must be marked incorrect
        ),
        ...
    )

The kinds, and the answers each takes:

- :class:`MultipleChoice`: a letter (``"b"``), or letters (``["a", "c"]``);
- :class:`Numeric`: a number, or text such as ``"2,9"`` or ``"35 %"``;
- :class:`ClassifyNetwork`: a type, ``"networked"``, ``"bounded"`` or ``"limited"``;
- :class:`SortClaims`: ``{claim number: category}``, or a list of categories;
- :class:`CodeExercise`: the learner's function (in the widget, its source code);
- :class:`Reflection`: free text.

Each kind also makes its own input for the widget (``answer_input``) and may act after
an attempt (``after_attempt``: a reflection is saved). Leave ``lesson`` empty, the
catalogue fills it in. Nothing else to register: the test suite finds the module and
checks every definition (the reference answer passes, every wrong example
fails, the starter is "not attempted", hints and an explanation exist), and
:func:`answers` / :func:`answers_markdown` list every answer for the instructor guide.

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

from ._timeout import can_isolate, run_each_with_time_limit, run_with_time_limit
from .catalogue import answers, answers_markdown, definitions, lesson_id, lessons
from .choice import MultipleChoice, Option
from .claims import Claim, SortClaims
from .classify import ClassifyNetwork
from .code_exercise import Case, CodeExercise, same_value
from .exercise import Exercise, ExerciseSet, for_lesson, progress_bar
from .markdown_html import to_html
from .numeric import Numeric
from .reflection import Reflection
from .results import BLANK, Note, Outcome, Result, is_blank

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
    "can_isolate",
    "definitions",
    "for_lesson",
    "is_blank",
    "lesson_id",
    "lessons",
    "progress_bar",
    "run_each_with_time_limit",
    "run_with_time_limit",
    "same_value",
    "to_html",
]
