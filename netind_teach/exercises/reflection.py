"""Reflection exercises: free text, no right answer, saved on the learner's computer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..wording import plural
from .definition import Definition
from .results import Result
from .text import type_name

if TYPE_CHECKING:
    from ..progress import Progress
    from .inputs import AnswerInput

__all__ = ["Reflection", "word_count"]

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def word_count(text: str) -> int:
    """Count words (letters or digits, with inner apostrophes and hyphens).

    Parameters
    ----------
    text : str
        The learner's text.

    Returns
    -------
    int
        Number of words.

    Examples
    --------
    >>> word_count("Kin, friends and climbing-club folk don't overlap.")
    7
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True, kw_only=True)
class Reflection(Definition):
    """Free text with no right answer, saved on the learner's computer only.

    ``check`` acknowledges the text by its length: at least ``min_words`` words counts as
    done. ``example`` is a sample answer shown by ``solution()``.

    Parameters
    ----------
    example : str
        A sample answer, shown by ``solution()``.
    min_words : int
        Number of words that counts the reflection as done.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> q = Reflection(name="me", question="Who do you turn to?", example="Kin mostly.",
    ...                min_words=2)
    >>> q.evaluate("My sister and old school friends.")
    Correct: Thank you: 6 words. There is no single right answer.
    >>> q.evaluate("Kin")
    Not quite: 1 word so far: write at least 2 words, in full sentences.
    """

    example: str
    min_words: int = 15

    kind: ClassVar[str] = "reflection"
    answer_format: ClassVar[str] = "your own text, between quotes"

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        if not isinstance(self.min_words, int) or self.min_words < 1:
            raise ValueError(f"{self.name!r}: min_words must be a whole number >= 1")
        if word_count(self.example) < self.min_words:
            raise ValueError(f"{self.name!r}: the example has fewer than min_words words")

    @property
    def reference_answer(self) -> str:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        return self.example

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        return f"There is no single right answer. One example:\n\n*{self.example}*"

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        if not isinstance(answer, str):
            return Result.incorrect(
                f"Write your reflection as text between quotes (you gave {type_name(answer)})."
            )
        count = word_count(answer)
        noun = "word" if count == 1 else "words"
        if count < self.min_words:
            return Result.incorrect(
                f"{count} {noun} so far: write at least {self.min_words} words, in full sentences."
            )
        return Result.correct_(f"Thank you: {count} {noun}. There is no single right answer.")

    def after_attempt(self, store: Progress, answer: Any, result: Result) -> str:
        """Save the text, unless a shorter draft would replace an accepted reflection."""
        if result.correct:
            store.save_reflection(self.lesson, self.name, answer)
            return "Saved on this computer only."
        if store.is_done(self.lesson, self.name):
            kept = store.reflection(self.lesson, self.name) or ""
            return (
                f"Your accepted reflection ({plural(word_count(kept), 'word')}) is still saved; "
                f"this shorter text was not saved."
            )
        store.save_reflection(self.lesson, self.name, answer)
        return "Saved as a draft on this computer only."

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return a large text box holding the saved reflection, if there is one."""
        from .inputs import ReflectionInput

        return ReflectionInput(exercise)
