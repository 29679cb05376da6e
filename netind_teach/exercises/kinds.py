"""Every exercise kind, in one place for lesson writers, and the answers each takes:

- :class:`MultipleChoice`: a letter (``"b"``), or letters (``["a", "c"]``);
- :class:`Numeric`: a number, or text such as ``"2,9"`` or ``"35 %"``;
- :class:`ClassifyNetwork`: a type, ``"networked"``, ``"bounded"`` or ``"limited"``;
- :class:`SortClaims`: ``{claim number: category}``, or a list of categories;
- :class:`CodeExercise`: the learner's function (in the widget, its source code);
- :class:`Reflection`: free text.

Examples
--------
>>> q = Numeric(name="share", question="What share were networked?", answer=35, unit="%")
>>> q.evaluate("35 %")
Correct: 35% is right.
>>> q.evaluate("0.35")
Not quite: 0.35 looks like a proportion: give the answer in percent (e.g. 12 for 12%).
"""

from __future__ import annotations

from .choice import MultipleChoice, Option
from .claims import Claim, SortClaims
from .classify import ClassifyNetwork
from .code import Case, CodeExercise
from .numeric import Numeric
from .reflection import Reflection, word_count

__all__ = [
    "Case",
    "Claim",
    "ClassifyNetwork",
    "CodeExercise",
    "MultipleChoice",
    "Numeric",
    "Option",
    "Reflection",
    "SortClaims",
    "word_count",
]
