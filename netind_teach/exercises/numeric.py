"""Numeric exercises: a number within a tolerance, optionally with a unit."""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ._base import Definition
from ._core import Result, norm, quote, type_name

__all__ = ["Numeric"]

_NUMBER = re.compile(r"([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?)\s*(.*)")
_PERCENT_WORDS = ("%", "percent", "per cent", "pct")


def _fmt(value: float) -> str:
    return format(value, ".6g")


@dataclass(frozen=True, kw_only=True)
class Numeric(Definition):
    """A number, within a tolerance, optionally with a unit.

    Text answers may use a decimal comma (``"2,9"`` means 2.9; ``"1,000"`` is refused
    as ambiguous) and may end with the unit (``"35 %"``, ``"22 ties"``).

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
        return f"a number{f' (in {self.unit})' if self.unit else ''}, e.g. 12 or 2.5"

    def validate(self) -> None:
        self._freeze("unit_words", "mistakes")
        for value in (self.answer, self.tolerance, self.rel_tolerance):
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise ValueError(f"{self.name!r}: answer and tolerances must be numbers")
        if not math.isfinite(self.answer) or self.tolerance < 0 or self.rel_tolerance < 0:
            raise ValueError(f"{self.name!r}: answer must be finite, tolerances >= 0")
        for value, _message in self.mistakes:
            if self._close(float(value)):
                raise ValueError(f"{self.name!r}: mistake {value} is within the tolerance")

    @property
    def reference_answer(self) -> float:
        return self.answer

    def default_solution(self) -> str:
        return f"**{self._show(self._rounded_answer())}**"

    def _rounded_answer(self) -> float:
        """The answer rounded to the precision its tolerance asks for (8.88308 -> 8.9)."""
        answer = float(self.answer)
        slack = max(self.tolerance, self.rel_tolerance * abs(answer))
        if slack <= 0:
            return answer
        return round(answer, max(0, -math.floor(math.log10(slack))))

    def _show(self, value: float) -> str:
        if self.unit == "%":
            return f"{_fmt(value)}%"
        return f"{_fmt(value)} {self.unit}".strip()

    def _close(self, value: float, target: float | None = None) -> bool:
        goal = float(self.answer if target is None else target)
        slack = max(self.tolerance, self.rel_tolerance * abs(goal), 1e-9 * max(1.0, abs(goal)))
        return abs(value - goal) <= slack

    def _units(self) -> set[str]:
        words = {norm(w) for w in (self.unit, *self.unit_words) if w}
        if self.unit == "%":
            words.update(_PERCENT_WORDS)
        return words

    def parse(self, answer: Any) -> float | str:
        """Turn an answer into a float, or return a one-line message saying what to do."""
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
            text = answer.strip().replace("\u2212", "-")
            match = _NUMBER.fullmatch(text)
            if not match:
                return f"{quote(answer)} is not a number: write digits, {example}."
            digits, suffix = match.groups()
            if "," in digits:
                if re.fullmatch(r"[+-]?\d{1,3},\d{3}", digits):
                    return f"{quote(digits)} is ambiguous: write it without a comma, {example}."
                digits = digits.replace(",", ".")
            if suffix and norm(suffix) not in self._units():
                unit = f" (in {self.unit})" if self.unit else ""
                return f"Write just the number{unit}, without {quote(suffix, 20)}."
            value = float(digits)
        elif isinstance(answer, (list, tuple, set, frozenset, dict)):
            return f"Give one number, not {type_name(answer)}: {example}."
        else:
            return f"Write a number, {example} (you gave {type_name(answer)})."
        if not math.isfinite(value):
            return f"That is not a finite number: write a number, {example}."
        return value

    def evaluate(self, answer: Any) -> Result:
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
                f"{_fmt(value)} looks like a proportion: give the answer in percent "
                f"(e.g. 12 for 12%)."
            )
        if self.say_direction:
            side = "high" if value > self.answer else "low"
            return Result.incorrect(f"{self._show(value)} is too {side}.")
        return Result.incorrect(f"{self._show(value)} is not it.")
