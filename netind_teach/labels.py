"""Labels a drawing can show: fonts with wide coverage, a readable fallback, a short length.

A learner may give a person a nickname in Chinese, Arabic or emoji, or forty characters
long. Matplotlib draws a glyph its fonts lack as an empty box and never shortens text.
:func:`label_fonts` lists the installed fonts with the widest coverage (Noto where installed,
then DejaVu Sans, which matplotlib ships), for ``fontfamily=``; matplotlib falls back from
one to the next glyph by glyph. :func:`drawable_label` keeps only the characters those fonts
can draw, says the person's number when something had to go, and shortens long labels.

Importing this module does not import matplotlib: the fonts are looked up on first use.

Examples
--------
>>> drawable_label("Kit", 3)
'Kit'
>>> drawable_label("A climbing friend whose name is long", 4, max_chars=12)
'A climbing…'
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["LABEL_FONTS", "MAX_LABEL_CHARS", "drawable_label", "label_fonts"]

#: Font families tried for labels, widest coverage first; the ones installed are used.
LABEL_FONTS: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Noto Emoji",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "DejaVu Sans",
)
#: Longest label drawn, in characters (a longer one ends with "…").
MAX_LABEL_CHARS = 16


@functools.lru_cache(maxsize=1)
def _installed() -> tuple[tuple[str, frozenset[int]], ...]:
    """(family, code points it covers) for each label font installed, in preference order."""
    from matplotlib import font_manager, ft2font

    found: list[tuple[str, frozenset[int]]] = []
    seen: set[str] = set()
    for family in LABEL_FONTS:
        try:
            path = font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
            covered = frozenset(ft2font.FT2Font(path).get_charmap())
        except (ValueError, OSError, RuntimeError):
            continue
        if path not in seen:
            seen.add(path)
            found.append((family, covered))
    return tuple(found)


def label_fonts() -> list[str]:
    """Return the installed label font families, widest coverage first.

    Pass the list as ``fontfamily=`` to matplotlib's ``text`` or ``annotate``.

    Returns
    -------
    list of str
        Family names from :data:`LABEL_FONTS` that are installed (one per font file).

    Examples
    --------
    >>> "DejaVu Sans" in label_fonts()
    True
    """
    return [family for family, _ in _installed()] or ["DejaVu Sans"]


def drawable(char: str) -> bool:
    """Return True when an installed label font has a glyph for ``char`` (spaces always count)."""
    if char.isspace():
        return True
    return any(ord(char) in covered for _, covered in _installed())


def drawable_label(text: str, number: int, max_chars: int = MAX_LABEL_CHARS) -> str:
    r"""Return ``text`` as a drawing can show it: drawable characters only, and short.

    Characters no installed label font can draw (and invisible ones, such as an emoji's
    joiners) are left out; when any drawable one is, the person's ``number`` is added so the
    dot can still be told apart: ``"Kit (#3)"``, or ``"person 3"`` when nothing visible
    and drawable is left. A label longer than ``max_chars`` is cut and ends with "…".

    Parameters
    ----------
    text : str
        The label, e.g. a nickname.
    number : int
        The person's number (their place in the list, from 1).
    max_chars : int
        Longest label, in characters.

    Returns
    -------
    str
        The label to draw.

    Examples
    --------
    >>> drawable_label("\u200d", 2)  # an invisible joiner only
    'person 2'
    >>> drawable_label("Mum", 1)
    'Mum'
    """
    visible = [c for c in str(text) if unicodedata.category(c)[0] != "C"]
    kept = " ".join("".join(c for c in visible if drawable(c)).split())
    lost = len(kept) < len(" ".join("".join(visible).split()))
    if not kept:
        return f"person {number}"
    suffix = f" (#{number})" if lost else ""
    room = max(max_chars - len(suffix), 2)
    if len(kept) > room:
        kept = kept[: room - 1].rstrip() + "…"
    return kept + suffix
