"""Counted nouns in messages: "1 hint", "2 hints", "the 1 measure", "all 3 measures".

Every message that puts a number before a noun goes through :func:`plural`, so no learner
reads "There are 1 hints" or "1 people is too low".

Examples
--------
>>> plural(1, "hint"), plural(2, "hint"), plural(0, "person", "people")
('1 hint', '2 hints', '0 people')
>>> all_of(1, "measure"), all_of(3, "measure")
('the 1 measure', 'all 3 measures')
>>> singular("people"), singular("ties"), singular("%")
('person', 'tie', '%')

A learner's text or a file's value quoted in a message goes through :func:`short`, so a
long or invisible-character value never hides the message around it.

>>> short("a" * 30, 5), short(3.5)
("'aaaaa…' (30 characters)", '3.5')
"""

from __future__ import annotations

__all__ = ["all_of", "plural", "plural_word", "short", "singular"]

_ZWJ = "\u200d"  # zero-width joiner, part of many emoji: shown as is
#: Irregular plurals the course uses, plural -> singular.
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}
#: Words that end in "s" but are already singular (or have no plural).
_ALREADY_SINGULAR = {"times", "yes", "this", "is", "was", "its", "has", "gas", "bus", "series"}


def singular(word: str) -> str:
    """Return the singular of a plural noun the course uses as a unit ('ties' -> 'tie').

    Words that are not plural nouns ('%', 'percent', 'km') come back unchanged.

    Parameters
    ----------
    word : str
        A unit word, e.g. ``"ties"``.

    Returns
    -------
    str
        Its singular, or ``word`` itself.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.casefold() in _ALREADY_SINGULAR or len(word) < 3 or word.endswith("ss"):
        return word
    if word.endswith("s") and word[:-1].isalpha():
        return word[:-1]
    return word


def plural_word(count: float, singular_word: str, plural_form: str | None = None) -> str:
    """``singular_word`` when ``count`` is exactly 1 (or -1), else its plural.

    Parameters
    ----------
    count : float
        How many.
    singular_word : str
        The noun for one, e.g. ``"hint"``.
    plural_form : str or None
        The noun for several, when adding ``s`` is wrong; None uses the course's
        irregular plurals, else adds ``s``.

    Returns
    -------
    str
        The noun in the right number.
    """
    if abs(count) == 1:
        return singular_word
    if plural_form is not None:
        return plural_form
    for many, one in _IRREGULAR.items():
        if one == singular_word:
            return many
    return singular_word + "s"


def plural(count: float, singular_word: str, plural_form: str | None = None) -> str:
    """``'<count> <noun>'`` with the noun in the right number ('1 hint', '0 hints').

    Parameters
    ----------
    count : float
        How many.
    singular_word : str
        The noun for one, e.g. ``"hint"``.
    plural_form : str or None
        The noun for several, when adding ``s`` is wrong; None uses the course's
        irregular plurals, else adds ``s``.

    Returns
    -------
    str
        The count (a float as ``:g``) and the noun, separated by a space.
    """
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {plural_word(count, singular_word, plural_form)}"


def all_of(count: int, singular_word: str, plural_form: str | None = None) -> str:
    """``'all 3 measures'``, but ``'the 1 measure'`` for one ('on all 1 measures' reads badly).

    Parameters
    ----------
    count : int
        How many.
    singular_word : str
        The noun for one, e.g. ``"hint"``.
    plural_form : str or None
        The noun for several, when adding ``s`` is wrong; None uses the course's
        irregular plurals, else adds ``s``.

    Returns
    -------
    str
        ``"all"`` (``"the"`` for one), the count and the noun.
    """
    article = "the" if count == 1 else "all"
    return f"{article} {plural(count, singular_word, plural_form)}"


def short(text: object, limit: int = 24) -> str:
    r"""Return ``text`` quoted for a message, cut to ``limit`` characters.

    Invisible characters are shown as ``\uXXXX`` so a message never hides them.

    Parameters
    ----------
    text : object
        Any value (text is quoted, anything else shown by ``repr``).
    limit : int
        Characters kept.

    Returns
    -------
    str
        The shortened, quoted text.

    Examples
    --------
    >>> short("x" * 100, 5)
    "'xxxxx…' (100 characters)"
    >>> print(short("a\u202eb"))
    'a\u202eb'
    """
    if not isinstance(text, str):
        text = repr(text)
        return text if len(text) <= limit else text[:limit] + "…"
    shown = "".join(c if c.isprintable() or c == _ZWJ else f"\\u{ord(c):04x}" for c in text[:limit])
    if len(text) <= limit:
        return f"'{shown}'"
    return f"'{shown}…' ({len(text)} characters)"
