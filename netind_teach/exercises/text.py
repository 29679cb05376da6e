r"""Short texts for check messages: one line, a quote, a type's name, a length guard.

Examples
--------
>>> one_line("a\n  b"), quote("Barry Wellman"), type_name([1, 2])
('a b', "'Barry Wellman'", 'a list of 2 items')
"""

from __future__ import annotations

from typing import Any

__all__ = ["norm", "one_line", "quote", "safe_repr", "too_long", "type_name"]


def one_line(text: str, limit: int = 160) -> str:
    r"""Collapse whitespace to single spaces and cut ``text`` to ``limit`` characters.

    Parameters
    ----------
    text : str
        The text.
    limit : int
        Most characters returned; a cut text ends with ``…`` within the limit.

    Returns
    -------
    str
        The text on one line.

    Examples
    --------
    >>> one_line("a\n  b")
    'a b'
    >>> one_line("x" * 10, limit=5)
    'xxxx…'
    """
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def safe_repr(value: Any, limit: int = 80) -> str:
    """``repr(value)`` on one short line, or a description if ``repr`` itself fails.

    Parameters
    ----------
    value : object
        Anything, including objects whose ``repr`` raises or returns a non-string.
    limit : int
        Most characters returned (see :func:`one_line`).

    Returns
    -------
    str
        The repr on one line, or ``"an object of type <name>"``.

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
    """Casefold ``text`` and collapse its whitespace (for forgiving comparisons).

    Parameters
    ----------
    text : str
        The text to normalise.

    Returns
    -------
    str
        ``text`` casefolded, its runs of whitespace as single spaces, stripped.
    """
    return " ".join(text.split()).casefold()


def quote(text: str, limit: int = 40) -> str:
    """``text`` on one short line, in single quotes, for a message.

    Parameters
    ----------
    text : str
        The text to quote.
    limit : int
        Most characters kept inside the quotes (see :func:`one_line`).

    Returns
    -------
    str
        ``text`` flattened to one line, cut to ``limit``, between single quotes.
    """
    return "'" + one_line(text, limit) + "'"


def too_long(answer: str, limit: int, what: str) -> str | None:
    """Return a message when ``answer`` is longer than any answer of this kind needs, else None.

    Checked first, in constant time, so a pasted megabyte is answered at once.

    Parameters
    ----------
    answer : str
        The learner's answer.
    limit : int
        Longest answer accepted, in characters.
    what : str
        What to write instead, ending the message (e.g. ``"just the number, e.g. 12"``).

    Returns
    -------
    str or None
        The message, or None when ``answer`` is within ``limit``.

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
    """Return a learner-friendly name of ``value``'s type ('text', 'a number', ...).

    Parameters
    ----------
    value : object
        What the learner gave.

    Returns
    -------
    str
        E.g. ``"True/False"``, ``"text"``, ``"a number"``, ``"a list of 3 items"``,
        ``"a function"``, else ``"an object of type <name>"``.
    """
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
