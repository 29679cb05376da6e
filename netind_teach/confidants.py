"""The isolation debate in numbers: distributions of confidants and a survey artifact.

The GSS asked how many people one discussed important matters with; the answers form a
distribution ``{number named: respondents}``. This module reads such a distribution
(:func:`as_counts`), summarises it (:func:`share_none`, :func:`mean_confidants`),
compares two (:func:`gap_points`), and models what a share of falsely recorded "no one"
answers does to it (:func:`artifact_shift`, interviewer effects, Paik & Sanchagrin
2013), and which share would turn the 1985 distribution into the 2004 one
(:func:`artifact_rate`). :func:`parse_rate` reads a learner's typed rate, and
:func:`counts_by_year` takes the distributions out of the course's ``gss_numgiven`` table.

Examples
--------
>>> gss_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
>>> gss_2004 = {0: 356, 1: 281, 2: 263, 3: 232, 4: 128, 5: 96, 6: 70}
>>> round(gap_points(gss_1985, gss_2004), 1), round(100 * artifact_rate(gss_1985, gss_2004), 1)
(24.0, 17.6)
>>> parse_rate("17.6%")
0.176
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterable
from typing import Any

from netind_teach.quantities import is_real

__all__ = [
    "MAX_RATE",
    "artifact_rate",
    "artifact_shift",
    "as_counts",
    "counts_by_year",
    "gap_points",
    "mean_confidants",
    "parse_rate",
    "share_none",
]

#: Largest rate the artifact explorer offers (a proportion).
MAX_RATE = 0.5

_PERCENT = re.compile(r"^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(%|percent|per cent)?\s*$")


def gap_points(counts: Any, other: Any) -> float:
    """Return how many respondents in 100 sit in a different category in ``other``.

    The total variation distance between the two distributions, in percentage points:
    half the sum, over every number of confidants, of the difference in percent. 0 means
    the two distributions have the same shape; 100 means they share no category.

    Parameters
    ----------
    counts, other : mapping or list
        Distributions of confidants, ``{number named: respondents}`` (or shares).

    Returns
    -------
    float
        Percentage points from 0 to 100.

    Examples
    --------
    >>> gap_points({0: 10, 1: 90}, {0: 30, 1: 70})
    20.0
    >>> gap_points({0: 1, 1: 1}, {0: 50, 1: 50})
    0.0
    """
    a, b = as_counts(counts), as_counts(other)
    total_a, total_b = sum(a.values()), sum(b.values())
    keys = set(a) | set(b)
    return 50.0 * sum(abs(a.get(k, 0.0) / total_a - b.get(k, 0.0) / total_b) for k in keys)


def parse_rate(value: Any, maximum: float = MAX_RATE) -> float | str:
    r"""Turn a learner's rate into a proportion, or return a message saying what to type.

    Numbers are proportions (``0.176``); text may be a proportion or a percentage
    (``"17.6%"``, ``"17,6 %"``).

    Parameters
    ----------
    value : object
        What the learner gave: a number, or text such as ``"17.6%"``.
    maximum : float
        Largest rate accepted (a proportion).

    Returns
    -------
    float or str
        The rate as a proportion from 0 to ``maximum``, or a one-line message saying what
        to type instead (the function never raises).

    Examples
    --------
    >>> parse_rate(0.25), parse_rate("0.25"), parse_rate("25 %")
    (0.25, 0.25, 0.25)
    >>> print(parse_rate(17.6))
    Give the rate as a proportion between 0 and 0.5 (e.g. 0.176) or as text with a percent
    sign (e.g. "17.6%"); you gave 17.6.
    >>> parse_rate("lots")
    'Type the rate as a number, e.g. 0.176 or "17.6%"; you gave \'lots\'.'
    """
    example = 'e.g. 0.176 or "17.6%"'
    percent = False
    if is_real(value):
        number = float(value)
    elif isinstance(value, str):
        match = _PERCENT.match(value)
        if not match:
            return f"Type the rate as a number, {example}; you gave {value[:30]!r}."
        number = float(match.group(1).replace(",", "."))
        percent = match.group(2) is not None
    else:
        return f"Type the rate as a number, {example}; you gave a {type(value).__name__}."
    if not math.isfinite(number):
        return f"Type the rate as a finite number, {example}."
    rate = number / 100.0 if percent else number
    if not 0.0 <= rate <= maximum:
        shown = f"{number:g}%" if percent else f"{number:g}"
        return (
            f"Give the rate as a proportion between 0 and {maximum:g} (e.g. 0.176) or as text "
            f'with a percent sign (e.g. "17.6%"); you gave {shown}.'
        )
    return round(rate, 10)


def as_counts(counts: Any) -> dict[int, float]:
    """Return a distribution of confidants as ``{number named: respondents}``, checked.

    Parameters
    ----------
    counts : mapping or sequence
        ``{number named: respondents}`` (or shares), e.g. ``{0: 136, 1: 228}``, or a list
        indexed by the number named. Repeated keys add up.

    Returns
    -------
    dict of int to float
        The counts, sorted by number named.

    Raises
    ------
    TypeError
        If ``counts`` is not a mapping or a sequence, a key is not a whole number or a
        count is not a number.
    ValueError
        If a key or a count is negative, a count is not finite, or all counts are 0.

    Examples
    --------
    >>> as_counts([136, 228]), as_counts({2: 1, 0: 3})
    ({0: 136.0, 1: 228.0}, {0: 3.0, 2: 1.0})
    """
    if hasattr(counts, "items"):
        pairs = list(counts.items())
    elif isinstance(counts, Iterable) and not isinstance(counts, (str, bytes)):
        pairs = list(enumerate(counts))
    else:
        raise TypeError(
            "Give the distribution as a mapping {number named: respondents}, e.g. "
            f"{{0: 136, 1: 228}}, or a list indexed by number named; got {counts!r}."
        )
    out: dict[int, float] = {}
    for key, value in pairs:
        try:
            k = operator.index(key)
        except TypeError:
            raise TypeError(f"Numbers of confidants must be whole numbers, got {key!r}.") from None
        if k < 0:
            raise ValueError(f"Numbers of confidants cannot be negative, got {k}.")
        try:
            if isinstance(value, (str, bytes)):
                raise TypeError
            v = float(value)
        except (TypeError, ValueError):
            raise TypeError(f"The count for {k} must be a number, got {value!r}.") from None
        if not math.isfinite(v) or v < 0:
            raise ValueError(f"The count for {k} must be a non-negative number, got {value!r}.")
        out[k] = out.get(k, 0.0) + v
    if sum(out.values()) <= 0:
        raise ValueError("The distribution is empty: its counts add up to 0.")
    return dict(sorted(out.items()))


def counts_by_year(table: Any) -> dict[int, dict[int, int]]:
    """Return a GSS table's distributions ``{year: {number named: respondents}}``.

    Only valid answers count (``response_type == "valid"``; "don't know" and "no answer"
    are left out), as the course's figures and exercises use them.

    Parameters
    ----------
    table : pandas.DataFrame
        The ``gss_numgiven`` dataset: columns ``year``, ``number_named``,
        ``response_type`` and ``count``.

    Returns
    -------
    dict of int to dict of int to int
        Per survey year, respondents by number of confidants named.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"year": [1985, 1985, 2004], "number_named": [0, 1, 0],
    ...                       "response_type": ["valid", "valid", "valid"],
    ...                       "count": [136, 228, 356]})
    >>> counts_by_year(table)
    {1985: {0: 136, 1: 228}, 2004: {0: 356}}
    """
    valid = table[table["response_type"] == "valid"]
    return {
        int(year): {
            int(n): int(c)
            for n, c in zip(rows["number_named"].tolist(), rows["count"].tolist(), strict=True)
        }
        for year, rows in valid.groupby("year")
    }


def share_none(counts: Any) -> float:
    """Return the share of respondents who named no one (count at 0 over the total).

    Parameters
    ----------
    counts : mapping or sequence
        Distribution of confidants, ``{number named: respondents}`` (or shares); see
        :func:`as_counts`.

    Returns
    -------
    float
        The share naming no one, a proportion from 0 to 1.

    Examples
    --------
    >>> round(share_none({0: 1, 1: 2, 2: 1}), 3)
    0.25
    """
    c = as_counts(counts)
    return c.get(0, 0.0) / sum(c.values())


def mean_confidants(counts: Any, top_value: float | None = 5) -> float:
    """Return the mean number of confidants named.

    The largest number in the distribution is the survey's top category (the GSS labels
    it "6"; whether it means "6 or more" is not verified). It is counted as
    ``top_value`` (5 by default, as the course's figures do); ``None`` counts it as its
    own label.

    Parameters
    ----------
    counts : mapping or sequence
        Distribution of confidants, ``{number named: respondents}`` (or shares); see
        :func:`as_counts`.
    top_value : float or None
        Number of confidants the top category counts as; ``None`` counts it as its label.

    Returns
    -------
    float
        Mean number of confidants per respondent.

    Examples
    --------
    >>> gss_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
    >>> round(mean_confidants(gss_1985), 2), round(mean_confidants(gss_1985, None), 2)
    (2.93, 2.98)
    """
    c = as_counts(counts)
    top = max(c)
    value = {k: float(k) for k in c}
    if top_value is not None:
        value[top] = float(top_value)
    return sum(value[k] * n for k, n in c.items()) / sum(c.values())


def artifact_shift(counts: Any, rate: float) -> dict[int, float]:
    """Return the expected distribution if a share ``rate`` of answers were wrongly "no one".

    A model of a survey artifact (interviewer effects, Paik & Sanchagrin 2013): each
    respondent who named at least one confidant is recorded as naming no one with
    probability ``rate``. Expected counts, so the result has fractions; the total stays
    the same.

    Parameters
    ----------
    counts : mapping or sequence
        Distribution of confidants, ``{number named: respondents}`` (or shares); see
        :func:`as_counts`.
    rate : float
        Probability, from 0 to 1, that an answer naming someone is recorded as "no one".

    Returns
    -------
    dict of int to float
        Expected counts by number named, with the same total as ``counts``.

    Raises
    ------
    ValueError
        If ``rate`` is not a proportion between 0 and 1.

    Examples
    --------
    >>> artifact_shift({0: 10, 1: 50, 2: 40}, 0.1)
    {0: 19.0, 1: 45.0, 2: 36.0}
    """
    c = as_counts(counts)
    if not is_real(rate) or not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be a proportion between 0 and 1, got {rate!r}.")
    r = float(rate)
    moved = r * sum(n for k, n in c.items() if k > 0)
    shifted = {k: (n if k == 0 else n * (1 - r)) for k, n in c.items()}
    shifted[0] = shifted.get(0, 0.0) + moved
    return dict(sorted(shifted.items()))


def artifact_rate(before: Any, after: Any) -> float:
    """Return the artifact rate that turns ``before`` into ``after`` in the share naming no one.

    The criterion: the rate ``r`` for which ``artifact_shift(before, r)`` has the same
    share naming no one as ``after``. In closed form, with ``s0`` and ``s1`` the shares
    naming no one before and after, ``r = (s1 - s0) / (1 - s0)``. The rest of the
    distribution need not match: compare the means of ``artifact_shift(before, r)`` and
    ``after`` to see how much of the change the artifact alone would explain.

    Parameters
    ----------
    before, after : mapping or sequence
        Distributions of confidants, ``{number named: respondents}`` (or shares), earlier
        and later.

    Returns
    -------
    float
        The rate, a proportion from 0 to 1.

    Raises
    ------
    ValueError
        If ``after`` has a smaller share naming no one (no artifact of this kind fits),
        or everyone named no one before.

    Examples
    --------
    >>> round(artifact_rate({0: 10, 1: 90}, {0: 28, 1: 72}), 6)
    0.2
    """
    s0, s1 = share_none(before), share_none(after)
    if s0 >= 1.0:
        raise ValueError("Everyone named no one in 'before': no answers are left to shift.")
    if s1 < s0:
        raise ValueError(
            f"'after' has fewer people naming no one ({s1:.1%}) than 'before' ({s0:.1%}); "
            "an artifact that turns answers into 'no one' cannot explain that."
        )
    return (s1 - s0) / (1.0 - s0)
