"""What checking an answer gives: the blank placeholder, outcomes, results and notes.

Examples
--------
>>> BLANK
____
>>> is_blank(BLANK), is_blank("  "), is_blank(0)
(True, True, False)
>>> Result.correct_("Well done.")
Correct: Well done.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .markdown_html import message_html, to_html

__all__ = ["BLANK", "Note", "Outcome", "Result", "is_blank"]


class _Blank:
    """The starter placeholder learners replace with their answer (shown as ``____``)."""

    _instance: _Blank | None = None

    def __new__(cls) -> _Blank:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "BLANK"

    def __copy__(self) -> _Blank:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Blank:
        return self


#: The placeholder in starter code. Lessons bind it as ``____``; ``check(____)`` says
#: "not attempted".
BLANK = _Blank()

_BLANK_TEXTS = {"", "____", "___", "__", "...", "none"}


def is_blank(answer: Any) -> bool:
    """Return True when ``answer`` is still a placeholder: BLANK, None, ``...``, empty.

    Parameters
    ----------
    answer : object
        What the learner passed to ``check``.

    Returns
    -------
    bool
        True for :data:`BLANK`, None, ``...``, an empty list, tuple, set or dict, or text
        that is empty, ``__`` to ``____``, ``...`` or ``none`` (ignoring case and
        surrounding spaces).

    Examples
    --------
    >>> [is_blank(x) for x in (None, ..., "", "____", [], "a", 0, False)]
    [True, True, True, True, True, False, False, False]
    """
    if answer is BLANK or answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return answer.strip().casefold() in _BLANK_TEXTS
    if isinstance(answer, (list, tuple, set, frozenset, dict)):
        return len(answer) == 0
    return False


class Outcome(str, Enum):
    """The three outcomes of ``check``.

    Parameters
    ----------
    value : str
        ``"correct"``, ``"incorrect"`` or ``"not attempted"``: ``Outcome(value)`` returns
        that member.

    Other Parameters
    ----------------
    names, module, qualname, type, start, boundary
        :class:`enum.Enum`'s functional API for making a new enumeration; ``Outcome``
        has members, so it cannot be extended and these raise TypeError.
    """

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not attempted"

    def __str__(self) -> str:
        return self.value


_LABELS = {
    Outcome.CORRECT: "Correct",
    Outcome.INCORRECT: "Not quite",
    Outcome.NOT_ATTEMPTED: "Not attempted",
}
# Colour is never the only signal: each box also starts with its label.
_COLOURS = {
    Outcome.CORRECT: ("#1a7f37", "#e8f5ec"),
    Outcome.INCORRECT: ("#b42318", "#fdecea"),
    Outcome.NOT_ATTEMPTED: ("#57606a", "#f3f4f6"),
}


@dataclass(frozen=True)
class Result:
    """What ``check`` returns: the outcome, a plain-text message and an explanation.

    Displays as a coloured box in a notebook and as deterministic text elsewhere.

    Parameters
    ----------
    outcome : Outcome
        Correct, incorrect or not attempted.
    message : str
        What the learner reads after the outcome's label (plain text).
    explanation : str
        Why, in markdown, shown below the message (usually with a correct answer).

    Examples
    --------
    >>> r = Result(Outcome.INCORRECT, "2 is too low.")
    >>> r.correct, str(r.outcome)
    (False, 'incorrect')
    >>> r
    Not quite: 2 is too low.
    """

    outcome: Outcome
    message: str = ""
    explanation: str = ""

    @classmethod
    def correct_(cls, message: str = "", explanation: str = "") -> Result:
        """Return a correct result."""
        return cls(Outcome.CORRECT, message, explanation)

    @classmethod
    def incorrect(cls, message: str) -> Result:
        """Return an incorrect result with a message saying what is wrong."""
        return cls(Outcome.INCORRECT, message)

    @classmethod
    def not_attempted(cls, message: str) -> Result:
        """Return a not-attempted result with a message saying what to do."""
        return cls(Outcome.NOT_ATTEMPTED, message)

    @property
    def correct(self) -> bool:
        """True when the answer was right."""
        return self.outcome is Outcome.CORRECT

    @property
    def label(self) -> str:
        """The word shown before the message ('Correct', 'Not quite', 'Not attempted')."""
        return _LABELS[self.outcome]

    def __repr__(self) -> str:
        text = f"{self.label}: {self.message}" if self.message else self.label
        if self.explanation:
            text += "\n" + self.explanation
        return text

    __str__ = __repr__

    def _repr_html_(self) -> str:
        border, background = _COLOURS[self.outcome]
        body = message_html(self.message)
        parts = [f"<strong>{self.label}</strong>" + (f": {body}" if body else "")]
        if self.explanation:
            parts.append(to_html(self.explanation))
        return (
            f'<div class="netind-result netind-{self.outcome.name.lower()}" '
            f'style="border-left:5px solid {border};background:{background};'
            f'padding:6px 10px;margin:4px 0;color:#1f2328">' + "".join(parts) + "</div>"
        )


@dataclass(frozen=True)
class Note:
    """A hint, a solution or an instruction, displayed as a box of markdown.

    Parameters
    ----------
    title : str
        The box's heading, e.g. ``"Hint 1 of 2"``.
    text : str
        Its body, in markdown.

    Examples
    --------
    >>> Note("Hint 1 of 2", "Look at the year.")
    Hint 1 of 2: Look at the year.
    """

    title: str
    text: str

    def __repr__(self) -> str:
        return f"{self.title}: {self.text}" if self.text else self.title

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return (
            '<div class="netind-note" style="border-left:5px solid #0969da;'
            'background:#eef5ff;padding:6px 10px;margin:4px 0;color:#1f2328">'
            f"<strong>{html.escape(self.title)}</strong>{to_html(self.text)}</div>"
        )
