"""Live exercises: one learner's session with a definition, and a lesson's set of them.

An :class:`Exercise` wraps an immutable definition and remembers, for this session, how
many attempts were made and which hints were seen. Whether an exercise is *done*, and its
activity over every session (answers checked, hints seen, answer shown: what a hand-in
reports), are saved through :class:`netind_teach.progress.Progress`, which the exercise
receives or creates afresh on each call from the environment (no global state).

Examples
--------
>>> import tempfile, pathlib
>>> from netind_teach.exercises import Numeric
>>> from netind_teach.progress import Progress
>>> store = Progress(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
>>> q = Exercise(Numeric(name="share", lesson="00", question="Share networked?",
...                      answer=35, unit="%", hints=("See the table.",)), progress=store)
>>> q.check(____)
Not attempted: Replace ____ with your answer (a number (in %), e.g. 12 or 2.5),
then run the cell again.
>>> q.solution()
Answer locked: Try an answer first: run check(your_answer) once, then solution()
shows the answer.
>>> q.check("40")
Not quite: 40% is too high.
>>> q.hint()
Hint 1 of 1: See the table.
>>> q.check(35)
Correct: 35% is right.
>>> store.done("00")
('share',)
"""

from __future__ import annotations

import contextlib
import dataclasses
import operator
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..progress import Progress, progress_text
from ..wording import plural
from .catalogue import definitions, lesson_id, lesson_title
from .definition import Definition
from .markdown_html import to_html
from .results import BLANK, Note, Outcome, Result, is_blank
from .text import one_line

__all__ = ["Exercise", "ExerciseSet", "for_lesson", "progress_bar"]

____ = BLANK

Listener = Callable[["Exercise", Result], None]


class Exercise:
    """One exercise as a learner uses it: ``check``, ``hint``, ``solution``, ``widget``.

    Parameters
    ----------
    definition : Definition
        What the exercise asks (from a lesson's ``lessonNN.py``).
    progress : Progress, optional
        Where "done" and reflections are saved. Default: a fresh ``Progress()`` on each
        call, so ``NETIND_TEACH_HOME`` is honoured even if it changes.
    """

    def __init__(self, definition: Definition, progress: Progress | None = None) -> None:
        if not isinstance(definition, Definition):
            raise TypeError(
                f"Exercise needs an exercise definition (e.g. MultipleChoice(...)), "
                f"not {type(definition).__name__}"
            )
        self.definition = definition
        self._progress = progress
        self._attempts = 0
        self._hints_seen = 0
        self._solved = False
        self._listeners: list[Listener] = []

    # -- identity -----------------------------------------------------------------
    @property
    def lesson(self) -> str:
        """Two-digit lesson id."""
        return self.definition.lesson

    @property
    def name(self) -> str:
        """The exercise's name within its lesson."""
        return self.definition.name

    @property
    def kind(self) -> str:
        """The kind, e.g. 'multiple choice'."""
        return self.definition.kind

    @property
    def attempts(self) -> int:
        """Number of real attempts this session (placeholders do not count)."""
        return self._attempts

    @property
    def attempted(self) -> bool:
        """True after one real attempt: the solution is then unlocked."""
        return self._attempts > 0

    @property
    def solved(self) -> bool:
        """True once answered correctly this session."""
        return self._solved

    def __repr__(self) -> str:
        return f"Exercise {self.definition.id} ({self.kind}): {self.definition.heading}"

    # -- progress -------------------------------------------------------------------
    def progress(self, notify: Callable[[str], None] | None = None) -> Progress:
        """Return the Progress record used now (the one given, or a fresh default)."""
        if self._progress is None:
            return Progress(notify=notify)
        if notify is None:
            return self._progress
        return dataclasses.replace(self._progress, notify=notify)

    def on_check(self, listener: Listener) -> None:
        """Call ``listener(exercise, result)`` after every check (widgets and bars use it)."""
        self._listeners.append(listener)

    def _record(self, answer: Any, result: Result) -> list[str]:
        notes: list[str] = []
        if not self.lesson:
            return notes
        store = self.progress(notify=notes.append)
        try:
            if result.outcome is not Outcome.NOT_ATTEMPTED:
                store.record_attempt(self.lesson, self.name)
                note = self.definition.after_attempt(store, answer, result)
                if note:
                    notes.append(note)
            if result.correct:
                store.mark_done(self.lesson, self.name)
        except Exception as exc:  # a full disk must not stop a learner
            notes.append(f"(Progress not saved: {one_line(str(exc), 140)})")
        return notes

    # -- the three calls ----------------------------------------------------------------
    def check(self, answer: Any = BLANK) -> Result:
        """Check ``answer``: returns a Result (correct / incorrect / not attempted).

        Never raises for any answer: a bad one gets a one-line message saying what to do.
        """
        definition = self.definition
        try:
            if is_blank(answer):
                result = Result.not_attempted(
                    f"Replace ____ with your answer ({definition.answer_format}), "
                    f"then run the cell again."
                )
            else:
                result = definition.evaluate(answer)
        except Exception as exc:
            result = Result.incorrect(
                f"This answer could not be checked ({type(exc).__name__}): write it as "
                f"{definition.answer_format}."
            )
        if result.outcome is not Outcome.NOT_ATTEMPTED:
            self._attempts += 1
        if result.correct:
            self._solved = True
            if definition.explanation:
                result = dataclasses.replace(result, explanation=definition.explanation)
        notes = self._record(answer, result)
        if notes:
            result = dataclasses.replace(result, message=" ".join([result.message, *notes]))
        for listener in list(self._listeners):
            with contextlib.suppress(Exception):  # a broken display must not break checking
                listener(self, result)
        return result

    def hint(self, n: Any = None) -> Note:
        """Return the next hint, or hint number ``n`` (1 = gentlest)."""
        hints = self.definition.hints
        total = len(hints)
        if total == 0:
            return Note(
                "No hints",
                "This exercise has no hints: try an answer, the feedback will guide you.",
            )
        if n is None:
            if self._hints_seen >= total:
                return Note(
                    "No more hints",
                    f"That was the last hint ({total} of {total}). See it again with "
                    f"{_hint_calls(total)}; after one attempt, solution() shows the answer.",
                )
            number = self._hints_seen + 1
        else:
            try:
                if isinstance(n, bool):
                    raise TypeError
                number = operator.index(n)
            except TypeError:
                return Note("Which hint?", "Give the hint's number: " + _hint_range(total))
            if not 1 <= number <= total:
                return Note("No such hint", _hint_range(total))
        self._hints_seen = max(self._hints_seen, number)
        self._remember(lambda store: store.record_hint(self.lesson, self.name, number))
        return Note(f"Hint {number} of {total}", hints[number - 1])

    def _remember(self, action: Callable[[Progress], None]) -> None:
        """Save a hint or a shown answer in the progress record (never fails the call)."""
        if not self.lesson:
            return
        with contextlib.suppress(Exception):  # a full disk must not hide a hint
            action(self.progress(notify=_ignore))

    def hints_seen(self) -> tuple[str, ...]:
        """Return the hints shown so far this session, in order."""
        return self.definition.hints[: self._hints_seen]

    def solution(self) -> Note:
        """Return the answer and why, once one attempt has been made."""
        if not self.attempted:
            return Note(
                "Answer locked",
                "Try an answer first: run check(your_answer) once, then solution() shows "
                "the answer.",
            )
        self._remember(lambda store: store.record_reveal(self.lesson, self.name))
        text = self.definition.solution_text()
        if self.definition.explanation:
            text += "\n\n**Why:** " + self.definition.explanation
        return Note("Solution", text)

    # -- display ----------------------------------------------------------------------
    def widget(self) -> Any:
        """Return an interactive widget for this exercise (imports ipywidgets)."""
        from ._widgets import ExerciseWidget

        return ExerciseWidget(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        try:
            bundle = dict(self.widget().box._repr_mimebundle_() or {})
        except Exception:
            bundle = {
                "text/html": f"<h4>{self.definition.heading}</h4>"
                + to_html(self.definition.question)
                + "<p><em>Answer with check(...); ask for hint() or solution().</em></p>"
            }
        bundle["text/plain"] = repr(self)
        return bundle


class ExerciseSet(Sequence[Exercise]):
    """The exercises of one lesson: reach each by name (``ex.coined``) or position.

    Parameters
    ----------
    lesson : str
        The two-digit lesson id.
    exercises : sequence of Exercise
        The lesson's exercises, in order.
    title : str
        The lesson's title.
    progress : Progress, optional
        Where progress is saved and read; default: each exercise's own record.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.exercises import for_lesson
    >>> from netind_teach.progress import Progress
    >>> ex = for_lesson("00", progress=Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json"))
    >>> ex.status()
    '0 of 7 done'
    >>> ex.coined.check("b").correct
    True
    >>> ex.status()
    '1 of 7 done'
    """

    def __init__(
        self,
        lesson: str,
        exercises: Sequence[Exercise],
        title: str = "",
        progress: Progress | None = None,
    ) -> None:
        self.lesson = lesson
        self.title = title
        self._exercises = tuple(exercises)
        self._progress = progress

    def __getattr__(self, name: str) -> Exercise:
        if name.startswith("_"):
            raise AttributeError(name)
        for exercise in self._exercises:
            if exercise.name == name:
                return exercise
        raise AttributeError(
            f"lesson {self.lesson} has no exercise {name!r}; it has: {', '.join(self.names)}"
        )

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return getattr(self, key)
            except AttributeError as exc:
                raise KeyError(str(exc)) from None
        return self._exercises[key]

    def __len__(self) -> int:
        return len(self._exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self.names})

    def __repr__(self) -> str:
        return f"Lesson {self.lesson}: {plural(len(self), 'exercise')} ({', '.join(self.names)})"

    @property
    def names(self) -> tuple[str, ...]:
        """The exercises' names, in lesson order."""
        return tuple(e.name for e in self._exercises)

    def done(self) -> tuple[str, ...]:
        """Names done: saved as done, or solved in this session."""
        return _done(self.lesson, self._exercises, self._progress)

    def status(self) -> str:
        """``'k of n done'``."""
        return progress_text(len(self.done()), len(self))

    def progress_bar(self) -> Any:
        """Return a progress bar widget that updates when an exercise is answered correctly."""
        return progress_bar(self.lesson, self._exercises, self._progress)

    def hand_in(self, folder: Any = None) -> Any:
        """Return the hand-in form: preview, then write, one file for your course page.

        The file covers every lesson (see :mod:`netind_teach.handin`); it is written in
        ``folder`` (default: this notebook's folder). The form's ``handin`` does the same
        from code: ``preview()``, then ``write()``.
        """
        from ..handin import HandIn
        from ..handin_widget import HandInForm

        return HandInForm(HandIn(self._progress, folder=folder))


def for_lesson(lesson: Any, progress: Progress | None = None) -> ExerciseSet:
    """Return fresh exercise objects for ``lesson`` (an :class:`ExerciseSet`).

    Parameters
    ----------
    lesson : str or int
        '00' ... '05' (or 0 ... 5).
    progress : Progress, optional
        Where progress is saved; default: the environment's, looked up on each call.

    Returns
    -------
    ExerciseSet
        The lesson's exercises, in order, with its title.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> ex = for_lesson(0, progress=Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json"))
    >>> ex.coined
    Exercise 00.coined (multiple choice): Who coined the term?
    """
    number = lesson_id(lesson)
    exercises = [Exercise(d, progress=progress) for d in definitions(number)]
    return ExerciseSet(number, exercises, title=lesson_title(number), progress=progress)


def _hint_calls(total: int) -> str:
    """``'hint(1)'`` for one hint, ``'hint(1) to hint(3)'`` for more."""
    return "hint(1)" if total == 1 else f"hint(1) to hint({total})"


def _hint_range(total: int) -> str:
    """``'There is 1 hint: hint(1).'``, ``'There are 3 hints: hint(1) to hint(3).'``."""
    verb = "is" if total == 1 else "are"
    return f"There {verb} {plural(total, 'hint')}: {_hint_calls(total)}."


def _ignore(_message: str) -> None:
    """Progress messages are shown by check(), not repeated by every count."""


def _done(lesson: str, exercises: Sequence[Exercise], progress: Progress | None) -> tuple[str, ...]:
    """Names done: solved this session, or saved as done.

    Saved means in ``progress``, or else in each exercise's own progress record.
    """
    saved: dict[Path, set[str]] = {}
    done = []
    for exercise in exercises:
        if exercise.solved:
            done.append(exercise.name)
            continue
        store = exercise.progress() if progress is None else progress
        store = dataclasses.replace(store, notify=_ignore)
        if store.path not in saved:
            try:
                saved[store.path] = set(store.done(lesson))
            except Exception:
                saved[store.path] = set()
        if exercise.name in saved[store.path]:
            done.append(exercise.name)
    return tuple(done)


def progress_bar(
    lesson: str, exercises: Sequence[Exercise], progress: Progress | None = None
) -> Any:
    """Return a widget showing 'k of n done' for ``exercises``, updated as they are solved.

    Parameters
    ----------
    lesson : str
        The lesson id the progress is saved under.
    exercises : sequence of Exercise
        The exercises counted (e.g. an :class:`ExerciseSet`).
    progress : Progress, optional
        Where saved progress is read (default: each exercise's own record).

    Returns
    -------
    ProgressBar
        A widget box with ``bar`` (an IntProgress), ``label`` and ``text``
        (``"k of n done"``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.exercises import for_lesson
    >>> from netind_teach.progress import Progress
    >>> ex = for_lesson("00", progress=Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json"))
    >>> bar = progress_bar("00", ex)
    >>> bar.text
    '0 of 7 done'
    >>> _ = ex.share.check(35)
    >>> bar.text, bar.bar.value
    ('1 of 7 done', 1)
    """
    from ._widgets import ProgressBar

    return ProgressBar(str(lesson), tuple(exercises), progress, counter=_done)
