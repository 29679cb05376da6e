"""Building blocks shared by every exercise kind: the blank sentinel, outcomes, results.

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
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = [
    "BLANK",
    "Note",
    "Outcome",
    "Result",
    "is_blank",
    "one_line",
    "safe_repr",
    "to_html",
    "too_long",
]


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


def one_line(text: str, limit: int = 160) -> str:
    """Collapse whitespace to single spaces and cut ``text`` to ``limit`` characters.

    Examples
    --------
    >>> one_line("a\\n  b")
    'a b'
    >>> one_line("x" * 10, limit=5)
    'xxxx…'
    """
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def safe_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)`` on one short line, or a description if ``repr`` itself fails.

    Examples
    --------
    >>> safe_repr([1, 2])
    '[1, 2]'
    >>> class Odd:
    ...     def __repr__(self):
    ...         raise RuntimeError
    >>> safe_repr(Odd())
    'an object of type Odd'
    """
    try:
        text = repr(value)
    except Exception:
        return f"an object of type {type(value).__name__}"
    if not isinstance(text, str):
        return f"an object of type {type(value).__name__}"
    return one_line(text, limit)


def norm(text: str) -> str:
    """Casefold ``text`` and collapse its whitespace (for forgiving comparisons)."""
    return " ".join(text.split()).casefold()


def quote(text: str, limit: int = 40) -> str:
    """``text`` on one short line, in single quotes, for a message."""
    return "'" + one_line(text, limit) + "'"


def too_long(answer: str, limit: int, what: str) -> str | None:
    """A message when ``answer`` is longer than any answer of this kind needs, else None.

    Checked first, in constant time, so a pasted megabyte is answered at once.

    Examples
    --------
    >>> too_long("x" * 5000, 200, "just the number, e.g. 12")
    'That answer is 5,000 characters long: write just the number, e.g. 12.'
    >>> too_long("12", 200, "a number") is None
    True
    """
    if len(answer) <= limit:
        return None
    return f"That answer is {len(answer):,} characters long: write {what}."


def type_name(value: Any) -> str:
    """Return a learner-friendly name of ``value``'s type ('text', 'a number', ...)."""
    if isinstance(value, bool):
        return "True/False"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        count = len(value)
        return f"a {type(value).__name__} of {count} item{'' if count == 1 else 's'}"
    if isinstance(value, (set, frozenset)):
        return "a set"
    if isinstance(value, dict):
        return "a dict"
    if callable(value):
        return "a function"
    return f"an object of type {type(value).__name__}"


class Outcome(str, Enum):
    """The three outcomes of ``check``."""

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
        """A correct result."""
        return cls(Outcome.CORRECT, message, explanation)

    @classmethod
    def incorrect(cls, message: str) -> Result:
        """An incorrect result with a message saying what is wrong."""
        return cls(Outcome.INCORRECT, message)

    @classmethod
    def not_attempted(cls, message: str) -> Result:
        """A not-attempted result with a message saying what to do."""
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
        body = _message_html(self.message)
        parts = [f"<strong>{self.label}</strong>" + (f": {body}" if body else "")]
        if self.explanation:
            parts.append(to_html(self.explanation))
        return (
            f'<div class="netind-result netind-{self.outcome.name.lower()}" '
            f'style="border-left:5px solid {border};background:{background};'
            f'padding:6px 10px;margin:4px 0;color:#1f2328">' + "".join(parts) + "</div>"
        )


def _message_html(message: str) -> str:
    """A check message as HTML: always escaped; inline markdown; '- ' lines as a list."""
    lines = [line for line in message.splitlines() if line.strip()]
    text = [_inline(line) for line in lines if not line.startswith("- ")]
    items = [f"<li>{_inline(line[2:])}</li>" for line in lines if line.startswith("- ")]
    return "<br>".join(text) + (f'<ul style="margin:2px 0">{"".join(items)}</ul>' if items else "")


@dataclass(frozen=True)
class Note:
    """A hint, a solution or an instruction, displayed as a box of markdown.

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


# -- a small, safe markdown subset ---------------------------------------------------
_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"), r'<a href="\2" target="_blank">\1</a>'),
]
_CODE_SPAN = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    pieces = _CODE_SPAN.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(f"<code>{html.escape(piece)}</code>")
            continue
        # '"' is escaped too, so nothing can close an attribute the rules below write
        escaped = html.escape(piece, quote=False).replace('"', "&quot;")
        for pattern, replacement in _INLINE:
            escaped = pattern.sub(replacement, escaped)
        out.append(escaped)
    return "".join(out)


def to_html(markdown: str) -> str:
    """Render a small markdown subset (paragraphs, lists, bold, italics, code, links).

    Text is escaped, so it is safe to show anything; text that starts with ``<`` is taken
    as HTML written by a lesson author and passed through unchanged.

    Examples
    --------
    >>> to_html("Who **coined** the term `networked individualism`?")
    '<p>Who <strong>coined</strong> the term <code>networked individualism</code>?</p>'
    >>> to_html("- a\\n- b < c")
    '<ul><li>a</li><li>b &lt; c</li></ul>'
    >>> to_html("Replace ____ with *your* answer_text")
    '<p>Replace ____ with <em>your</em> answer_text</p>'
    """
    text = str(markdown).strip()
    if not text:
        return ""
    if text.startswith("<"):
        return text
    blocks: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code.append(lines[i])
                i += 1
            i += 1
            blocks.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
            continue
        heading = re.match(r"(#{1,4})\s+(.*)", stripped)
        if heading:
            level = len(heading.group(1)) + 2
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        bullet = re.compile(r"\s*[-*]\s+(.*)")
        number = re.compile(r"\s*\d+[.)]\s+(.*)")
        for pattern, tag in ((bullet, "ul"), (number, "ol")):
            if pattern.match(line):
                items = []
                while i < len(lines) and pattern.match(lines[i]):
                    items.append(f"<li>{_inline(pattern.match(lines[i]).group(1))}</li>")
                    i += 1
                blocks.append(f"<{tag}>{''.join(items)}</{tag}>")
                break
        else:
            para = []
            while (
                i < len(lines)
                and lines[i].strip()
                and not bullet.match(lines[i])
                and not number.match(lines[i])
                and not lines[i].strip().startswith("```")
            ):
                para.append(lines[i].strip())
                i += 1
            blocks.append(f"<p>{_inline(' '.join(para))}</p>")
    return "".join(blocks)
