"""Classify-this-network exercises: look at an ego network, pick its type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..vocab import EGO, TYPES, model_name
from .definition import Definition
from .results import Result
from .text import norm, quote, too_long

if TYPE_CHECKING:
    from .inputs import AnswerInput

__all__ = ["ClassifyNetwork"]

_TYPE_WORDS = re.compile(r"\b(" + "|".join(map(re.escape, TYPES)) + r")\b", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+")
#: Words that turn "limited" into its opposite: "not limited", "isn't limited", "non-limited".
_NEGATIONS = frozenset({"not", "no", "non", "never", "neither", "nor", "isn", "isnt", "aren",
                        "arent", "wasn", "wasnt", "nothing", "none", "nicht", "pas"})


def _negated(answer: str) -> bool:
    """Return True when ``answer`` says what the network is *not* ("not limited", "non-bounded").

    Examples
    --------
    >>> _negated("not limited"), _negated("isn't bounded"), _negated("a notably limited one")
    (True, True, False)
    """
    text = answer.casefold().replace("\u2019", "'")
    return any(word in _NEGATIONS for word in _WORD.findall(text)) or "n't" in text


@dataclass(frozen=True, kw_only=True)
class ClassifyNetwork(Definition):
    """Look at an ego network and pick its type (networked / bounded / limited).

    The exercise does not compute the typology: ``answer`` and ``reasons`` come from
    :mod:`netind_teach.typology` (or are written from it). Feedback quotes the reasons;
    after a wrong answer the type names in them are masked.

    Parameters
    ----------
    graph : networkx graph, or a function with no arguments that returns one
        The ego network to show.
    answer : str
        One of ``choices``.
    reasons : tuple of str
        The rule's reasons, as the typology states them.
    ego : str
        The focal node (default :data:`netind_teach.vocab.EGO`).
    description : str
        Text alternative of the drawing (for screen readers and text output).
    drawing_title : str
        Title of the drawing (say "synthetic" when the network is).
    choices : tuple of str
        The types to choose from (default :data:`netind_teach.vocab.TYPES`).
    noun : str
        What a choice is, in messages ("type"; "model" for Wellman's models).
    seen : str
        Heading of the reasons after a wrong answer ("What the rule sees here").
    reasons_heading : str
        Heading of the reasons after a right answer ("The rule's reasons").
    clues : tuple of str
        What a wrong answer shows, in plain words and without the type. Default: the
        reasons, with the choices' names masked.

    Other Parameters
    ----------------
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> q = ClassifyNetwork(name="who", question="Which type?", graph=dict, answer="limited",
    ...                     reasons=("5 ties, below the median",))
    >>> q.evaluate("Socially limited").correct
    True
    >>> print(q.evaluate("bounded").message)
    Not 'bounded'. What the rule sees here:
    - 5 ties, below the median
    """

    graph: Any
    answer: str
    reasons: tuple[str, ...]
    ego: str = EGO
    description: str = ""
    drawing_title: str = ""
    choices: tuple[str, ...] = TYPES
    noun: str = "type"
    seen: str = "What the rule sees here"
    reasons_heading: str = "The rule's reasons"
    clues: tuple[str, ...] = ()

    kind: ClassVar[str] = "classify this network"

    @property
    def answer_format(self) -> str:  # type: ignore[override]
        """What an answer to this kind looks like (shown beside the input)."""
        return "one of " + ", ".join(repr(c) for c in self.choices)

    def validate(self) -> None:
        """Raise ValueError naming the problem when the definition is inconsistent."""
        self._freeze("reasons", "choices", "clues")
        if self.answer not in self.choices:
            raise ValueError(f"{self.name!r}: answer {self.answer!r} is not in {self.choices}")
        if not self.reasons:
            raise ValueError(f"{self.name!r}: give the rule's reasons for {self.answer!r}")

    @property
    def reference_answer(self) -> str:
        """An answer that ``check`` marks correct (what the tests feed it)."""
        return self.answer

    def default_solution(self) -> str:
        """Return the solution text when the author gave none."""
        return f"**{self.answer}**\n\n" + "\n".join(f"- {r}" for r in self.reasons)

    def network(self) -> Any:
        """Return a fresh copy of the ego network (changing it does not change the exercise)."""
        return self.graph() if callable(self.graph) else self.graph.copy()

    def draw(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw the network with :func:`netind_teach.egodraw.draw_ego`; return the Axes.

        ``kwargs`` go to ``draw_ego``; the title defaults to ``drawing_title``.
        """
        from ..egodraw import draw_ego  # lazy: matplotlib loads only when drawing

        if self.drawing_title and "title" not in kwargs:
            kwargs["title"] = self.drawing_title
        return draw_ego(self.network(), self.ego, ax=ax, **kwargs)

    def answer_input(self, exercise: Any) -> AnswerInput:
        """Return the network's drawing, and a list box of the choices."""
        from .inputs import TypeChoiceInput

        return TypeChoiceInput(exercise)

    def pick(self, answer: str) -> str | None:
        """Return the choice ``answer`` names ('Socially limited' -> 'limited'), or None.

        Examples
        --------
        >>> q = ClassifyNetwork(name="who", question="?", graph=dict, answer="limited",
        ...                     reasons=("5 ties",))
        >>> q.pick("Networked individual"), q.pick("no idea")
        ('networked', None)
        """
        wanted = norm(answer)
        exact = [c for c in self.choices if norm(c) == wanted]
        if exact:
            return exact[0]
        model = model_name(answer)  # any name of a model of community
        named = [c for c in self.choices if model is not None and model_name(c) == model]
        if named:
            return named[0]
        found = {c for c in self.choices if re.search(r"\b" + re.escape(norm(c)) + r"\b", wanted)}
        return found.pop() if len(found) == 1 else None

    def evaluate(self, answer: Any) -> Result:
        """Judge a non-blank ``answer``; never called with a placeholder."""
        options = ", ".join(repr(c) for c in self.choices)
        if not isinstance(answer, str):
            return Result.incorrect(f"Answer with one {self.noun} as text: {options}.")
        long = too_long(answer, 500, "one of " + options)
        if long:
            return Result.incorrect(long)
        if _negated(answer):
            return Result.incorrect(
                f"Say which one it is, not which it is not: answer {options}."
            )
        chosen = self.pick(answer)
        if chosen is None:
            return Result.incorrect(f"{quote(answer)} is not one {self.noun}: answer {options}.")
        listed = "\n".join(f"- {r}" for r in self.reasons)
        if chosen == self.answer:
            return Result.correct_(f"Yes: {self.answer}. {self.reasons_heading}:\n{listed}")
        names = _TYPE_WORDS if self.choices == TYPES else _words(self.choices)
        clues = self.clues or tuple(names.sub("…", r) for r in self.reasons)
        masked = "\n".join(f"- {c}" for c in clues)
        return Result.incorrect(f"Not {chosen!r}. {self.seen}:\n{masked}")


def _words(choices: tuple[str, ...]) -> re.Pattern[str]:
    """Return a pattern matching any of ``choices`` as whole words (to mask them in reasons)."""
    return re.compile(r"\b(" + "|".join(map(re.escape, choices)) + r")\b", re.IGNORECASE)
