"""The immutable definition every exercise kind builds on.

A *definition* is what a lesson writer writes once in ``lessonNN.py``: the question,
hints, the reference answer, the solution text, an explanation and some known-wrong
answers. It never changes. A live :class:`~netind_teach.exercises.Exercise` wraps a
definition and keeps the state of one learner's session (attempts, hints seen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from .results import BLANK, Result

if TYPE_CHECKING:
    from ..progress import Progress
    from .inputs import AnswerInput

__all__ = ["Definition"]

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_LESSON = re.compile(r"\d\d")


@dataclass(frozen=True, kw_only=True)
class Definition:
    """Fields shared by every exercise kind.

    Parameters
    ----------
    name : str
        Short identifier, unique in its lesson: lowercase letters, digits, ``_``
        (a learner reaches it as ``ex.<name>``).
    question : str
        The question, in markdown (a small subset: paragraphs, lists, ``**bold**``,
        ``*italics*``, ```code```, links).
    title : str
        A few words used as a heading and in the instructor's answer list.
    hints : tuple of str
        Tiered hints, gentlest first; the last may nearly give the answer away.
    solution : str
        The answer as a learner should read it (markdown). Each kind has a default.
    explanation : str
        Why that is the answer (markdown); shown after a correct answer and with the
        solution.
    wrong_examples : tuple
        Answers that must be marked incorrect; the test suite checks them.
    lesson : str
        Two-digit lesson id. Leave empty in ``lessonNN.py``: the catalogue fills it in.
    """

    name: str
    question: str
    title: str = ""
    hints: tuple[str, ...] = ()
    solution: str = ""
    explanation: str = ""
    wrong_examples: tuple[Any, ...] = ()
    lesson: str = ""

    #: Human name of the kind, e.g. "multiple choice".
    kind: ClassVar[str] = "exercise"
    #: How an answer is written, used in messages ("the letter of your choice, e.g. 'b'").
    answer_format: ClassVar[str] = "your answer"

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _NAME.fullmatch(self.name):
            raise ValueError(
                f"exercise name {self.name!r} must be lowercase letters, digits and '_', "
                f"starting with a letter (e.g. 'coined_term')"
            )
        if not isinstance(self.question, str) or not self.question.strip():
            raise ValueError(f"exercise {self.name!r} needs a question (markdown text)")
        if self.lesson and not (isinstance(self.lesson, str) and _LESSON.fullmatch(self.lesson)):
            raise ValueError(f"lesson id {self.lesson!r} must be two digits, e.g. '01'")
        self._freeze("hints", "wrong_examples")
        if not all(isinstance(h, str) and h.strip() for h in self.hints):
            raise ValueError(f"hints of {self.name!r} must be non-empty strings")
        self.validate()

    def _freeze(self, *names: str) -> None:
        """Turn list fields into tuples so a definition cannot be changed by accident."""
        for field_name in names:
            value = getattr(self, field_name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, field_name, tuple(value))

    # -- to be provided by each kind ---------------------------------------------
    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""

    @property
    def reference_answer(self) -> Any:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        raise NotImplementedError

    @property
    def starter(self) -> Any:
        """What a learner passes before answering (``____``); marked 'not attempted'."""
        return BLANK

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        raise NotImplementedError

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        return ""

    def after_attempt(self, store: Progress, answer: Any, result: Result) -> str:
        """Act on a real attempt, after it is counted in ``store``; return a note or "".

        The default does nothing; a kind that keeps what a learner wrote (a reflection)
        saves it here.
        """
        return ""

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return the widget input for this kind: a text box (each kind may make its own).

        ``exercise`` is the live :class:`~netind_teach.exercises.Exercise`, for an input
        that shows what was saved. Imports ipywidgets.
        """
        from .inputs import TextInput

        return TextInput(exercise)

    # -- shared ----------------------------------------------------------------
    @property
    def id(self) -> str:
        """``'<lesson>.<name>'``, e.g. ``'00.coined'``."""
        return f"{self.lesson or '??'}.{self.name}"

    @property
    def heading(self) -> str:
        """The title, or the question's first line when there is no title."""
        if self.title:
            return self.title
        first = self.question.strip().splitlines()[0]
        return first if len(first) <= 80 else first[:79] + "…"

    def solution_text(self) -> str:
        """Return the solution to show (the author's, or the kind's default)."""
        return self.solution.strip() or self.default_solution()
