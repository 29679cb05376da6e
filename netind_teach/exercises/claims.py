"""Sort-the-claims exercises: put each claim under one category."""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..vocab import model_name
from ..wording import plural
from .definition import Definition
from .results import Result, is_blank
from .text import norm, quote, safe_repr, type_name

if TYPE_CHECKING:
    from .inputs import AnswerInput

__all__ = ["Claim", "SortClaims"]


def _shown(value: Any) -> str:
    """Return a short quote of a learner's key or value, whatever its type (``str`` may raise)."""
    plain = type(value) in (str, int, float, bool, type(None))
    return quote(str(value) if plain else safe_repr(value, 30), 30)


@dataclass(frozen=True)
class Claim:
    """One claim to sort: its text, the right category, its source (e.g. 'Fischer 2009').

    ``feedback`` is added when the claim is misplaced; it must not name the category.

    Parameters
    ----------
    text : str
        The claim as learners read it.
    category : str
        The category it belongs under (one of the exercise's ``categories``).
    source : str
        Who made the claim, e.g. ``"Fischer 2009"``; named in feedback.
    feedback : str
        Added to the feedback when the claim is misplaced.
    """

    text: str
    category: str
    source: str = ""
    feedback: str = ""


@dataclass(frozen=True, kw_only=True)
class SortClaims(Definition):
    """Put each claim under one category.

    Learners answer with a dict ``{claim number: category}`` (claims are numbered from 1)
    or a list of categories in claim order. Feedback names each misplaced claim without
    saying where it belongs.

    Parameters
    ----------
    categories : tuple of str
        At least two different categories.
    claims : tuple of Claim
        The claims to sort, numbered from 1 in this order.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> q = SortClaims(name="sort", question="Sort.", categories=("A", "B"),
    ...                claims=(Claim("x", "A", "Smith 2001"), Claim("y", "B")))
    >>> q.evaluate({1: "a", 2: "b"}).correct
    True
    >>> print(q.evaluate(["B", "B"]).message)
    Placed right so far: 1 of 2 claims.
    - claim 1 (Smith 2001) does not belong under 'B'.
    """

    categories: tuple[str, ...]
    claims: tuple[Claim, ...]

    kind: ClassVar[str] = "sort the claims"

    @property
    def answer_format(self) -> str:  # type: ignore[override]
        """What an answer to this kind looks like (shown beside the input)."""
        return "a dict {claim number: category}, e.g. {1: " + repr(self.categories[0]) + "}"

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        self._freeze("categories", "claims")
        if len(self.categories) < 2 or len({norm(c) for c in self.categories}) != len(
            self.categories
        ):
            raise ValueError(f"{self.name!r}: give at least two different categories")
        if not self.claims or not all(isinstance(c, Claim) for c in self.claims):
            raise ValueError(f"{self.name!r}: claims must be Claim(text, category, source)")
        for claim in self.claims:
            if claim.category not in self.categories:
                raise ValueError(f"{self.name!r}: {claim.category!r} is not a category")

    @property
    def reference_answer(self) -> dict[int, str]:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        return {i: c.category for i, c in enumerate(self.claims, start=1)}

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        lines = []
        for i, claim in enumerate(self.claims, start=1):
            source = f" ({claim.source})" if claim.source else ""
            lines.append(f"{i}. {claim.text}{source}: **{claim.category}**")
        return "\n".join(lines)

    def claim_label(self, number: int) -> str:
        """``'claim 3 (Fischer 2009)'``, or a quote of the claim when it has no source."""
        claim = self.claims[number - 1]
        return f"claim {number} ({claim.source or quote(claim.text, 30)})"

    def _category(self, value: Any) -> str | None:
        if isinstance(value, str):
            for category in self.categories:
                if norm(category) == norm(value):
                    return category
            model = model_name(value)  # any name of a model of community
            for category in self.categories:
                if model is not None and model_name(category) == model:
                    return category
        return None

    def placements(self, answer: Any) -> dict[int, str]:
        """``{claim number: category}`` as ``answer`` places them.

        Empty when ``answer`` cannot be read.

        Examples
        --------
        >>> q = SortClaims(name="s", question="Sort.", categories=("A", "B"),
        ...                claims=(Claim("x", "A"), Claim("y", "B")))
        >>> q.placements(["b", "a"]), q.placements(42)
        ({1: 'B', 2: 'A'}, {})
        """
        placed = self._placements(answer)
        return {} if isinstance(placed, str) else placed

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return a dropdown of categories beside each claim."""
        from .inputs import ClaimsInput

        return ClaimsInput(exercise)

    def _placements(self, answer: Any) -> dict[int, str] | str:
        n = len(self.claims)
        if isinstance(answer, dict):
            items = list(answer.items())
        elif isinstance(answer, (list, tuple)):
            if len(answer) != n:
                each = "the claim" if n == 1 else f"each of the {plural(n, 'claim')}"
                return f"Give one category for {each} (you gave {len(answer)})."
            items = list(enumerate(answer, start=1))
        else:
            return f"Answer with {self.answer_format} (you gave {type_name(answer)})."
        placed: dict[int, str] = {}
        allowed = ", ".join(repr(c) for c in self.categories)
        for key, value in items:
            number = self._number(key)
            if number is None:
                return f"There is no claim {_shown(key)}: claims are numbered 1 to {n}."
            if is_blank(value):
                continue
            category = self._category(value)
            if category is None:
                return f"{_shown(value)} is not a category: use one of {allowed}."
            placed[number] = category
        return placed

    def _number(self, key: Any) -> int | None:
        if isinstance(key, bool):
            return None
        if isinstance(key, str):
            if key.strip().isdigit():
                key = int(key.strip())
            else:
                texts = [norm(c.text) for c in self.claims]
                return texts.index(norm(key)) + 1 if norm(key) in texts else None
        if isinstance(key, numbers.Integral) and 1 <= int(key) <= len(self.claims):
            return int(key)
        return None

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        placed = self._placements(answer)
        if isinstance(placed, str):
            return Result.incorrect(placed)
        if not placed:
            return Result.not_attempted(f"Place the claims: answer with {self.answer_format}.")
        n = len(self.claims)
        misplaced = [i for i, cat in sorted(placed.items()) if cat != self.claims[i - 1].category]
        missing = [i for i in range(1, n + 1) if i not in placed]
        if not misplaced and not missing:
            return Result.correct_(
                "The claim is in the right place."
                if n == 1
                else f"All {n} claims are in the right place."
            )
        right = len(placed) - len(misplaced)
        lines = [f"Placed right so far: {right} of {plural(n, 'claim')}."]
        for i in misplaced:
            extra = f" {self.claims[i - 1].feedback}" if self.claims[i - 1].feedback else ""
            lines.append(f"- {self.claim_label(i)} does not belong under {placed[i]!r}.{extra}")
        if missing:
            lines.append("- not placed yet: claim " + ", ".join(map(str, missing)) + ".")
        return Result.incorrect("\n".join(lines))
