"""Multiple-choice exercises: one right option, or several (``multiple=True``)."""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..wording import all_of, plural
from .definition import Definition
from .results import Result
from .text import norm, quote, too_long, type_name

if TYPE_CHECKING:
    from .inputs import AnswerInput

__all__ = ["LETTERS", "MultipleChoice", "Option"]

#: Longest text read as an answer (a pasted option with its letter fits many times over).
MAX_TEXT = 2000
#: Option labels, in order.
LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question.

    ``feedback`` is shown when a learner picks this option (for a wrong option: why it is
    wrong, without naming the right one).

    Parameters
    ----------
    text : str
        The option as learners read it.
    correct : bool
        Whether choosing it is right.
    feedback : str
        Shown when a learner picks it.
    """

    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Definition):
    """Choose one option, or every right option when ``multiple=True``.

    Learners answer with a letter (``"b"``), the option's text, the option as displayed
    (``"b) Barry Wellman"``), or, for several answers, a list of letters (``["a", "c"]``)
    or ``"a, c"``.

    Parameters
    ----------
    options : tuple of Option
        Between 2 and 26 options, lettered ``a)``, ``b)``, ... in this order; at least one
        correct, exactly one unless ``multiple``.
    multiple : bool
        Whether the answer is every correct option rather than one.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> q = MultipleChoice(name="coined", question="Who coined the term?", options=(
    ...     Option("Robert Putnam", feedback="Putnam wrote *Bowling Alone*."),
    ...     Option("Barry Wellman", correct=True)))
    >>> q.evaluate("a")
    Not quite: Not a). Putnam wrote *Bowling Alone*.
    >>> q.evaluate("Barry Wellman").correct
    True
    >>> q.evaluate(2)
    Not quite: Use the option's letter as text ('a' to 'b'), not a number.
    """

    options: tuple[Option, ...]
    multiple: bool = False

    kind: ClassVar[str] = "multiple choice"

    @property
    def answer_format(self) -> str:  # type: ignore[override]
        """What an answer to this kind looks like (shown beside the input)."""
        if self.multiple:
            return "the letters of every right option, e.g. ['a', 'c']"
        return "the letter of your choice, e.g. 'b'"

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        self._freeze("options")
        if not 2 <= len(self.options) <= len(LETTERS):
            raise ValueError(f"{self.name!r}: give between 2 and 26 options")
        if not all(isinstance(o, Option) and o.text.strip() for o in self.options):
            raise ValueError(f"{self.name!r}: options must be Option('text', correct=...)")
        if len({norm(o.text) for o in self.options}) != len(self.options):
            raise ValueError(f"{self.name!r}: two options have the same text")
        right = sum(o.correct for o in self.options)
        if right == 0 or (right > 1 and not self.multiple):
            raise ValueError(
                f"{self.name!r}: mark exactly one option correct=True, or set multiple=True"
            )

    def letter(self, index: int) -> str:
        """Return the letter of option ``index`` (0 -> ``'a'``)."""
        return LETTERS[index]

    def label(self, index: int) -> str:
        """Return the option as shown: ``'b) Barry Wellman'``."""
        return f"{LETTERS[index]}) {self.options[index].text}"

    def chosen_options(self, answer: Any) -> frozenset[int]:
        """Return the indices of the options ``answer`` names (none when it names no option).

        Examples
        --------
        >>> q = MultipleChoice(name="q", question="?", multiple=True,
        ...                    options=(Option("x", correct=True), Option("y"), Option("z")))
        >>> sorted(q.chosen_options("a, c")), sorted(q.chosen_options("nothing"))
        ([0, 2], [])
        """
        chosen = self._resolve(answer)
        return frozenset() if isinstance(chosen, str) else frozenset(chosen)

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return a list box for one answer; checkboxes when several options are right."""
        from .inputs import ManyChoiceInput, OneChoiceInput

        return (ManyChoiceInput if self.multiple else OneChoiceInput)(exercise)

    @property
    def right(self) -> frozenset[int]:
        """Indices of the right options."""
        return frozenset(i for i, o in enumerate(self.options) if o.correct)

    @property
    def reference_answer(self) -> Any:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        letters = tuple(LETTERS[i] for i in sorted(self.right))
        return letters if self.multiple else letters[0]

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        return "\n".join(f"- **{self.label(i)}**" for i in sorted(self.right))

    def _letter_range(self) -> str:
        return f"'a' to '{LETTERS[len(self.options) - 1]}'"

    def _one(self, item: Any) -> int | str:
        """Resolve one answer item to an option index, or return a message."""
        if isinstance(item, bool) or not isinstance(item, (str, numbers.Integral)):
            return f"Answer with option letters as text ({self._letter_range()})."
        if isinstance(item, numbers.Integral):
            return f"Use the option's letter as text ({self._letter_range()}), not a number."
        wanted = norm(item)
        for i, option in enumerate(self.options):
            if norm(option.text) == wanted:
                return i
        labelled = self._labelled(wanted)
        if labelled is not None:
            return labelled
        token = wanted.strip("()[]. ")
        if len(token) == 1 and token in LETTERS:
            index = LETTERS.index(token)
            if index < len(self.options):
                return index
            return f"There is no option {token!r}: choose from {self._letter_range()}."
        return (
            f"{quote(item)} is not one of the options: use a letter "
            f"({self._letter_range()}) or paste the option's text."
        )

    def _labelled(self, wanted: str) -> int | str | None:
        """Read an option pasted as displayed (``'b) Barry Wellman'``, ``'(b) ...'``, ``'b. ...'``).

        Returns the option's index, a message when the letter and the text disagree, or
        None when ``wanted`` does not look like a label.
        """
        head, rest = (wanted[1:3], wanted[3:]) if wanted[:1] == "(" else (wanted[:2], wanted[2:])
        if len(head) != 2 or head[0] not in LETTERS or head[1] not in ").:":
            return None
        texts = [norm(o.text) for o in self.options]
        rest = rest.strip()
        if rest not in texts:
            return None
        index, letter = texts.index(rest), head[0]
        if LETTERS.index(letter) == index:
            return index
        return (
            f"The letter {letter}) and the text of option {LETTERS[index]}) do not match: "
            f"answer with one letter ({self._letter_range()})."
        )

    def _resolve(self, answer: Any) -> set[int] | str:
        if isinstance(answer, str):
            long = too_long(answer, MAX_TEXT, self.answer_format)
            if long:
                return long
            whole = self._one(answer)
            if isinstance(whole, int):
                return {whole}
            parts = [p for p in re.split(r"[,;/&+]|\band\b|\s+", answer) if p.strip("()[]. ")]
            letters = [p.strip("()[]. ").casefold() for p in parts]
            if len(parts) < 2 or not all(len(t) == 1 and t in LETTERS for t in letters):
                return whole
            items: list[Any] = parts
        elif isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
            return str(self._one(answer))
        elif isinstance(answer, (list, tuple, set, frozenset)):
            items = list(answer)
        else:
            return f"Answer with {self.answer_format} (you gave {type_name(answer)})."
        chosen: set[int] = set()
        for item in items:
            index = self._one(item)
            if isinstance(index, str):
                return index
            chosen.add(index)
        return chosen

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        chosen = self._resolve(answer)
        if isinstance(chosen, str):
            return Result.incorrect(chosen)
        if not self.multiple:
            if len(chosen) > 1:
                return Result.incorrect("Choose one option only: this question has one answer.")
            (index,) = chosen
            option = self.options[index]
            if option.correct:
                return Result.correct_(f"{LETTERS[index]}) is right. {option.feedback}".strip())
            why = option.feedback or "Think again, or ask for a hint."
            return Result.incorrect(f"Not {LETTERS[index]}). {why}")
        wrong = sorted(chosen - self.right)
        found = len(chosen & self.right)
        if not wrong and found == len(self.right):
            chosen = all_of(found, "right option")
            return Result.correct_(f"{chosen[0].upper()}{chosen[1:]} chosen, and no others.")
        lines = [f"You found {found} of {plural(len(self.right), 'right option')}."]
        for index in wrong:
            why = self.options[index].feedback or "this one does not fit."
            lines.append(f"- {LETTERS[index]}) is not right: {why}")
        return Result.incorrect("\n".join(lines))
