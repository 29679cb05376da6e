"""Numbers as the course shows and compares them: one place for the small rules.

A learner reads "22", not "22.0"; a share reads "0.333"; a measure is "above", "at" or
"below" its median; and ``True`` is not a number of ties. Every module that prints a
number in a message, a table or feedback, or checks that a value is a real number, uses
these three functions instead of writing its own.

Examples
--------
>>> format_number(22.0), format_number(2.5), format_number(1 / 3, ".3g")
('22', '2.5', '0.333')
>>> side(7, 5), side(5, 5), side(3, 5)
('above', 'at', 'below')
>>> is_real(3), is_real(2.5), is_real(True), is_real("3")
(True, True, False, False)
>>> is_whole(3), is_whole(3.0), is_whole(False)
(True, False, False)
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Literal, TypeGuard

__all__ = ["Side", "format_number", "fraction", "is_real", "is_whole", "side"]

#: Where a value stands against a reference such as a median.
Side = Literal["above", "at", "below"]


def format_number(value: float, spec: str = "g") -> str:
    """Return a number as a learner reads it: integral values without a decimal point.

    Parameters
    ----------
    value : float
        Any real number (int, float or a NumPy scalar).
    spec : str, default "g"
        The format specification for values that are not integral, e.g. ``".1f"`` for
        one decimal or ``".4g"`` for four significant digits.

    Returns
    -------
    str
        ``"22"`` for 22.0; ``format(value, spec)`` otherwise. Infinite values and NaN
        come back as ``format`` writes them ("inf", "nan").

    Examples
    --------
    >>> format_number(3.0), format_number(3.25, ".1f"), format_number(-0.0)
    ('3', '3.2', '0')
    >>> format_number(float("nan"))
    'nan'
    """
    number = float(value)
    if math.isfinite(number) and number.is_integer():
        return str(int(number))
    return format(number, spec)


def side(value: float, reference: float) -> Side:
    """Whether ``value`` is above, at or below ``reference``.

    Parameters
    ----------
    value : float
        The value to place.
    reference : float
        What it is compared with, e.g. the median of the person's age group.

    Returns
    -------
    {"above", "at", "below"}
        "at" only when the two are equal.

    Examples
    --------
    >>> side(12, 10), side(10, 10.0), side(9.5, 10)
    ('above', 'at', 'below')
    """
    if value > reference:
        return "above"
    if value < reference:
        return "below"
    return "at"


def is_real(value: object) -> bool:
    """Return True for a real number (int, float, NumPy number), False for bools and the rest.

    ``bool`` is a subclass of ``int`` in Python, so ``isinstance(True, int)`` is true; a
    course answer of ``True`` for "how many ties" is a mistake to name, not the number 1.

    Parameters
    ----------
    value : object
        Anything a learner or a data file supplied.

    Returns
    -------
    bool
        Whether ``value`` is a real number and not a bool (NumPy's ``bool_`` included).

    Examples
    --------
    >>> import numpy as np
    >>> is_real(np.float64(0.5)), is_real(np.int64(3)), is_real(np.bool_(True))
    (True, True, False)
    >>> is_real(1 + 2j), is_real(None)
    (False, False)
    """
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return False
    return isinstance(value, numbers.Real)


def is_whole(value: object) -> TypeGuard[int]:
    """Tell whether ``value`` is a Python ``int`` and not a bool.

    The check for counts, seeds and sizes given as arguments or read from a course file
    (JSON gives ``int``): ``3.0`` and ``"3"`` are not whole numbers here, and neither is
    ``True``, although ``isinstance(True, int)`` holds.

    Parameters
    ----------
    value : object
        Anything a learner, a caller or a file supplied.

    Returns
    -------
    bool
        Whether ``value`` is an ``int`` and not a ``bool``; type checkers then treat it
        as an ``int``.

    Examples
    --------
    >>> is_whole(0), is_whole(-2), is_whole(2.0), is_whole(True), is_whole(None)
    (True, True, False, False, False)
    """
    return isinstance(value, int) and not isinstance(value, bool)


def fraction(name: str, value: Any) -> float:
    """Return ``value`` as a float if it is a number from 0 to 1, else raise a one-line message.

    The one check behind every share and probability an argument takes (a network's
    overlap, a tie's chance to pass news on, a niche's preference).

    Parameters
    ----------
    name : str
        What the value is called in the message (an argument's name).
    value : object
        The value to check: a real number from 0 to 1 (not a bool, not NaN).

    Returns
    -------
    float
        ``value`` as a float.

    Raises
    ------
    TypeError
        If ``value`` is not a real number (a bool, text, None).
    ValueError
        If it is NaN or lies outside 0 to 1.

    Examples
    --------
    >>> fraction("p", 1)
    1.0
    >>> fraction("p", 1.5)
    Traceback (most recent call last):
    ...
    ValueError: p must be between 0 and 1, got 1.5.
    >>> fraction("share", "half")
    Traceback (most recent call last):
    ...
    TypeError: share must be a number between 0 and 1, got 'half'.
    """
    if not is_real(value):
        raise TypeError(f"{name} must be a number between 0 and 1, got {value!r}.")
    if not 0.0 <= value <= 1.0:  # NaN compares False too
        raise ValueError(f"{name} must be between 0 and 1, got {value}.")
    return float(value)
