"""Numeric exercises: a number within a tolerance, optionally with a unit."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from ..quantities import format_number, is_real
from ..wording import singular
from .definition import Definition
from .results import Result
from .text import norm, quote, too_long, type_name

if TYPE_CHECKING:
    from .inputs import AnswerInput

__all__ = ["MAX_TEXT", "Numeric", "scan_number"]

_PERCENT_WORDS = ("%", "percent", "per cent", "pct")
#: Longer text is refused before it is read: no number needs more (the reading is linear
#: anyway, this keeps every message short and every answer instant).
MAX_TEXT = 200
_DIGITS = frozenset("0123456789")
#: How a learner's number is written back in a message: up to six significant digits.
_SHOWN = ".6g"


def _grouped(groups: list[str]) -> bool:
    """Return True when ``groups`` split by a thousands mark are well formed: 1,234,567."""
    head, *rest = groups
    return 1 <= len(head) <= 3 and head[0] != "0" and all(len(g) == 3 for g in rest)


def _readings(body: str) -> tuple[str, ...] | None:
    """Return the plain decimal readings of digits with separators: one, or two if ambiguous.

    ``"2,9"`` -> ``("2.9",)``; ``"1,000"`` -> ``("1.000", "1000")``; ``"1.234,5"`` ->
    ``("1234.5",)``; ``"1,2,3"`` -> None.
    """
    commas, dots = body.count(","), body.count(".")
    if commas + dots == 0:
        return (body,)
    if commas + dots == 1:
        whole, _, part = body.replace(",", ".").partition(".")
        if not whole and not part:
            return None
        decimal = f"{whole or '0'}.{part or '0'}"
        if commas and len(part) == 3 and _grouped([whole, part]):
            return (decimal, whole + part)  # 1,000: a thousand, or one?
        return (decimal,)
    if not dots or not commas:  # 1,234,567 or 1.234.567: only grouping marks
        groups = body.split("," if commas else ".")
        return ("".join(groups),) if _grouped(groups) else None
    last = max(body.rfind(","), body.rfind("."))
    mark = body[last]
    head, part = body[:last], body[last + 1 :]
    group_mark = "." if mark == "," else ","
    if mark in head:
        return None
    groups = head.split(group_mark)
    return (f"{''.join(groups)}.{part or '0'}",) if _grouped(groups) else None


def scan_number(text: str) -> tuple[tuple[float, ...], str] | None:
    """Read a number at the start of ``text`` in one pass; return its readings and the rest.

    Accepts a sign, a decimal point or comma, thousands marks and an exponent. Returns
    None when ``text`` does not start with a number.

    Parameters
    ----------
    text : str
        The text to read; the number must come first (no leading spaces).

    Returns
    -------
    tuple of (tuple of float, str) or None
        Every reading of the number (two when a comma may be decimal or thousands) and
        the text after it, stripped; None when ``text`` does not start with a number.

    Examples
    --------
    >>> scan_number("-2,5 ties")
    ((-2.5,), 'ties')
    >>> scan_number("1,000")
    ((1.0, 1000.0), '')
    >>> scan_number("1/3")
    ((1.0,), '/3')
    >>> scan_number("x") is None
    True
    """
    n = len(text)
    i = 1 if n and text[0] in "+-" else 0
    sign = "-" if i and text[0] == "-" else ""
    j = i
    while j < n and (text[j] in _DIGITS or text[j] in ".,"):
        j += 1
    body = text[i:j]
    if not any(ch in _DIGITS for ch in body):
        return None
    readings = _readings(body)
    if readings is None:
        return None
    exponent = ""
    if j < n and text[j] in "eE":
        k = j + 1
        if k < n and text[k] in "+-":
            k += 1
        start = k
        while k < n and text[k] in _DIGITS:
            k += 1
        if k > start:
            exponent, j = "e" + text[j + 1 : k], k
    values = tuple(float(sign + r + exponent) for r in readings)
    return values, text[j:].strip()


@dataclass(frozen=True, kw_only=True)
class Numeric(Definition):
    """A number, within a tolerance, optionally with a unit.

    Text answers may use a decimal comma with any number of decimals (``"2,9"``,
    ``"0,333"``); ``"1,000"`` is ambiguous and refused unless exactly one reading is right.
    Simple fractions (``"1/3"``) are evaluated, and the text may end with the unit
    (``"35 %"``, ``"22 ties"``). Where the answer is a share between 0 and 1 (no unit),
    ``"33%"`` means 0.33 and a value between 1 and 100 gets a hint about percentages.

    Parameters
    ----------
    answer : float
        The right value.
    tolerance, rel_tolerance : float
        Accepted absolute and relative distance from ``answer`` (the larger wins).
    unit : str
        Shown beside the input; ``"%"`` also catches proportions (0.35 for 35%).
    unit_words : tuple of str
        Other spellings accepted after the number (``("tie",)``).
    mistakes : tuple of (float, str)
        Common wrong values and what to say about them.
    say_direction : bool
        Say "too high" / "too low" after a wrong number.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> q = Numeric(name="mean", question="Mean in 1985?", answer=2.94, tolerance=0.005)
    >>> q.evaluate("2,94").correct, q.evaluate(3).message
    (True, '3 is too high.')
    >>> q.evaluate("about three")
    Not quite: 'about three' is not a number: write digits, e.g. 12 or 2.5.
    """

    answer: float
    tolerance: float = 0.0
    rel_tolerance: float = 0.0
    unit: str = ""
    unit_words: tuple[str, ...] = ()
    mistakes: tuple[tuple[float, str], ...] = ()
    say_direction: bool = True

    kind: ClassVar[str] = "numeric"

    @property
    def answer_format(self) -> str:  # type: ignore[override]
        """What an answer to this kind looks like (shown beside the input)."""
        return f"a number{f' (in {self.unit})' if self.unit else ''}, e.g. 12 or 2.5"

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        self._freeze("unit_words", "mistakes")
        for value in (self.answer, self.tolerance, self.rel_tolerance):
            if not is_real(value):
                raise ValueError(f"{self.name!r}: answer and tolerances must be numbers")
        if not math.isfinite(self.answer) or self.tolerance < 0 or self.rel_tolerance < 0:
            raise ValueError(f"{self.name!r}: answer must be finite, tolerances >= 0")
        for value, _message in self.mistakes:
            if self._close(float(value)):
                raise ValueError(f"{self.name!r}: mistake {value} is within the tolerance")

    @property
    def reference_answer(self) -> float:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        return self.answer

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        return f"**{self._show(self._rounded_answer())}**"

    def _rounded_answer(self) -> float:
        """Return the answer rounded to the precision its tolerance asks for (8.88308 -> 8.9)."""
        answer = float(self.answer)
        slack = max(self.tolerance, self.rel_tolerance * abs(answer))
        if slack <= 0:
            return answer
        return round(answer, max(0, -math.floor(math.log10(slack))))

    def _show(self, value: float) -> str:
        if self.unit == "%":
            return f"{format_number(value, _SHOWN)}%"
        unit = singular(self.unit) if abs(value) == 1 else self.unit
        return f"{format_number(value, _SHOWN)} {unit}".strip()

    def _close(self, value: float, target: float | None = None) -> bool:
        goal = float(self.answer if target is None else target)
        slack = max(self.tolerance, self.rel_tolerance * abs(goal), 1e-9 * max(1.0, abs(goal)))
        return abs(value - goal) <= slack

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return a text box for the number, with the unit beside it."""
        from .inputs import NumberInput

        return NumberInput(exercise)

    def _units(self) -> set[str]:
        words = {norm(w) for w in (self.unit, *self.unit_words) if w}
        if self.unit == "%":
            words.update(_PERCENT_WORDS)
        return words

    def parse(self, answer: Any) -> float | str:
        """Turn an answer into a float, or return a one-line message saying what to do.

        Text is read in one pass by a small scanner (no regular expression), after a cap on
        its length, so any input is answered at once.
        """
        example = "e.g. 12 or 2.5"
        if isinstance(answer, bool):
            return f"True/False is not a number here: write a number, {example}."
        if isinstance(answer, (numbers.Real, Decimal)):
            try:
                value = float(answer)
            except (ArithmeticError, ValueError, TypeError):
                return f"That number cannot be used here: write a number, {example}."
        elif isinstance(answer, numbers.Complex):
            return f"Give a real number, {example}."
        elif isinstance(answer, str):
            read = self._read_text(answer)
            if isinstance(read, str):
                return read
            value = read
        elif isinstance(answer, (list, tuple, set, frozenset, dict)):
            return f"Give one number, not {type_name(answer)}: {example}."
        else:
            return f"Write a number, {example} (you gave {type_name(answer)})."
        if not math.isfinite(value):
            return f"That is not a finite number: write a number, {example}."
        return value

    def _read_text(self, answer: str) -> float | str:
        example = "e.g. 12 or 2.5"
        long = too_long(answer, MAX_TEXT, f"just the number, {example}")
        if long:
            return long
        text = answer.strip().replace("\u2212", "-")
        scanned = scan_number(text)
        if scanned is None:
            return f"{quote(answer)} is not a number: write digits, {example}."
        readings, suffix = scanned
        if suffix.startswith("/"):
            below = scan_number(suffix[1:].strip())
            if below is None or len(below[0]) != 1:
                return f"Write the number as a decimal, {example} (or a fraction like 1/3)."
            (denominator,), suffix = below
            if denominator == 0:
                return "A fraction cannot have 0 below the line: write the number, e.g. 0.5."
            readings = tuple(r / denominator for r in readings)
        if suffix and norm(suffix) not in self._units():
            if norm(suffix) in _PERCENT_WORDS and self._share_asked():
                readings = tuple(r / 100 for r in readings)
            else:
                unit = f" (in {self.unit})" if self.unit else ""
                return f"Write just the number{unit}, without {quote(suffix, 20)}."
        if len(readings) == 1:
            return readings[0]
        right = [r for r in readings if math.isfinite(r) and self._close(r)]
        if len(right) == 1:
            return right[0]
        return f"{quote(text, 20)} is ambiguous: write it without a comma, {example}."

    def _share_asked(self) -> bool:
        """Return True when the answer is a share between 0 and 1 (no unit): 33 then means 33%."""
        return not self.unit and 0 < float(self.answer) < 1

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        value = self.parse(answer)
        if isinstance(value, str):
            return Result.incorrect(value)
        if self._close(value):
            return Result.correct_(f"{self._show(value)} is right.")
        for mistake, message in self.mistakes:
            if self._close(value, float(mistake)):
                return Result.incorrect(message)
        if self.unit == "%" and 0 < value <= 1 and self._close(value * 100):
            return Result.incorrect(
                f"{format_number(value, _SHOWN)} looks like a proportion: give the answer in "
                f"percent (e.g. 12 for 12%)."
            )
        if self._share_asked() and 1 < value <= 100:
            return Result.incorrect(
                f"{format_number(value, _SHOWN)} looks like a percentage: give the share as a "
                f"number between 0 and 1 (e.g. 0.25 for 25%)."
            )
        if self.say_direction:
            side = "high" if value > self.answer else "low"
            return Result.incorrect(f"{self._show(value)} is too {side}.")
        return Result.incorrect(f"{self._show(value)} is not it.")
