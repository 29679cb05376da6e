"""Networked, bounded and limited individuals: the rule, as a visible object you can change.

Wellman, Quan-Haase & Harper (2020), "The networked question in the digital era", *Network
Science* 8(3): 291-312, sort people by three measures: network size (``ties``: active ties
across immediate kin, extended kin, friends, neighbours and workmates), group involvement
(``groups``: number of social groups) and ``diversity`` (a 0-12 score), each compared with
its median *within the person's age group*. As written:

* networked = at or above the median on all three measures;
* bounded = below the median on one;
* limited = at or below the median on all three.

Those clauses overlap (someone exactly at the median on all three is both networked and
limited) and leave gaps (someone below on two and above on one fits none). **The course
rule** makes them exclusive and complete:

1. networked = at or above the threshold on every measure. Checked first, so a person
   exactly at the median on all measures is networked.
2. limited = otherwise, at or below the threshold on every measure.
3. bounded = everyone else (above on at least one measure and below on at least one).

The :class:`Rule` dataclass holds these choices (which measures, which thresholds, which
clause is checked first); change it and re-apply it to see who moves.

Examples
--------
>>> import pandas as pd
>>> people = pd.DataFrame({"ties": [30, 10, 5], "groups": [3, 0, 4],
...                        "diversity": [9, 5, 7]})
>>> classify_sample(people, Rule(thresholds="sample median"))["type"].tolist()
['networked', 'limited', 'bounded']
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netind_teach.quantities import format_number, is_real
from netind_teach.vocab import AGE_GROUPS, TYPES
from netind_teach.wording import all_of

__all__ = [
    "COURSE_RULE",
    "MEASURES",
    "THRESHOLD_MODES",
    "Classification",
    "Reference",
    "Rule",
    "classify",
    "classify_sample",
    "published_medians",
    "published_shares",
    "reference_medians",
    "shares",
    "transitions",
]

#: The three measures of the published typology, as column names.
MEASURES: tuple[str, ...] = ("ties", "groups", "diversity")

#: Threshold modes a :class:`Rule` accepts besides a mapping of fixed numbers.
THRESHOLD_MODES: tuple[str, ...] = ("age group median", "sample median")

_ORDERS = (("networked", "limited"), ("limited", "networked"))


@dataclass(frozen=True)
class Rule:
    """A typology rule: which measures, compared with which thresholds, in which order.

    Parameters
    ----------
    measures : tuple of str
        Columns (or keys of a person) compared with their thresholds. Default: ``ties``,
        ``groups``, ``diversity``.
    thresholds : str or mapping
        ``"age group median"`` (the paper's choice: medians within each age group),
        ``"sample median"`` (medians across the whole table), or a mapping of fixed
        numbers, one per measure, e.g. ``{"ties": 20, "groups": 2, "diversity": 7}``.
    order : tuple of str
        Which clause is checked first: ``("networked", "limited")`` (the course's
        tie-break: people exactly at every threshold are networked) or
        ``("limited", "networked")`` (they are limited). Anyone matching neither clause is
        bounded.
    group_column : str
        Column holding the age group, used with ``"age group median"``.

    Examples
    --------
    >>> Rule().tie_break
    'networked is checked first, then limited; everyone else is bounded'
    >>> from dataclasses import replace
    >>> replace(Rule(), order=("limited", "networked")).order
    ('limited', 'networked')
    >>> Rule(thresholds="median")
    Traceback (most recent call last):
    ...
    ValueError: Rule thresholds 'median' is not known. Fix: use 'age group median', ...
    """

    measures: tuple[str, ...] = MEASURES
    thresholds: str | Mapping[str, float] = "age group median"
    order: tuple[str, str] = ("networked", "limited")
    group_column: str = "age_group"

    def __post_init__(self) -> None:
        measures = self.measures
        if isinstance(measures, str) or not all(isinstance(m, str) for m in measures):
            raise TypeError(
                f"Rule measures must be a tuple of column names, not {measures!r}. "
                "Fix: e.g. Rule(measures=('ties', 'groups'))."
            )
        measures = tuple(measures)
        if not measures or len(set(measures)) != len(measures):
            raise ValueError(
                f"Rule measures must name at least one measure, each once; got {measures!r}."
                " Fix: e.g. Rule(measures=('ties', 'groups', 'diversity'))."
            )
        object.__setattr__(self, "measures", measures)
        order = tuple(self.order)
        if order not in _ORDERS:
            raise ValueError(
                f"Rule order must be ('networked', 'limited') or ('limited', 'networked'); "
                f"got {self.order!r}. Fix: name which clause is checked first."
            )
        object.__setattr__(self, "order", order)
        thresholds = self.thresholds
        if isinstance(thresholds, str):
            if thresholds not in THRESHOLD_MODES:
                raise ValueError(
                    f"Rule thresholds {thresholds!r} is not known. Fix: use 'age group median',"
                    " 'sample median', or a mapping of fixed numbers such as "
                    "{'ties': 20, 'groups': 2, 'diversity': 7}."
                )
        elif isinstance(thresholds, Mapping):
            missing = [m for m in measures if m not in thresholds]
            if missing:
                raise ValueError(
                    f"Rule thresholds give no number for {missing}. Fix: give one per measure."
                )
            for m in measures:
                _check_number(thresholds[m], f"Rule threshold for {m!r}")
            object.__setattr__(self, "thresholds", {m: thresholds[m] for m in measures})
        else:
            raise TypeError(
                f"Rule thresholds must be a string or a mapping, not "
                f"{type(thresholds).__name__}. Fix: e.g. thresholds='sample median'."
            )

    @property
    def tie_break(self) -> str:
        """The clause order in words (stated in every result)."""
        first, second = self.order
        return f"{first} is checked first, then {second}; everyone else is bounded"

    def describe(self) -> str:
        """Return the rule in words.

        Examples
        --------
        >>> print(Rule().describe())
        Typology rule (course version of Wellman, Quan-Haase & Harper 2020)
        measures: ties, groups, diversity
        thresholds: medians within each age group (column 'age_group')
        networked: at or above the threshold on every measure
        limited: at or below the threshold on every measure
        bounded: everyone else (above on at least one measure and below on another)
        tie-break: networked is checked first, then limited; everyone else is bounded
        """
        if isinstance(self.thresholds, Mapping):
            where = "fixed numbers " + ", ".join(
                f"{m} {format_number(v, '.4g')}" for m, v in self.thresholds.items()
            )
        elif self.thresholds == "age group median":
            where = f"medians within each age group (column {self.group_column!r})"
        else:
            where = "medians across the whole sample"
        return "\n".join(
            [
                "Typology rule (course version of Wellman, Quan-Haase & Harper 2020)",
                "measures: " + ", ".join(self.measures),
                f"thresholds: {where}",
                "networked: at or above the threshold on every measure",
                "limited: at or below the threshold on every measure",
                "bounded: everyone else (above on at least one measure and below on another)",
                f"tie-break: {self.tie_break}",
            ]
        )


#: The course's rule: the three published measures, medians within age group, networked first.
COURSE_RULE = Rule()


@dataclass(frozen=True)
class Reference:
    """Thresholds to classify one person against: medians per age group, plus ``"all"``.

    Parameters
    ----------
    medians : mapping
        Group label -> measure -> median. The label ``"all"`` holds whole-sample values,
        used when the person has no age group or the group has no value for a measure.
    source : str
        Where the numbers come from (shown in the reasons).

    Examples
    --------
    >>> ref = Reference({"all": {"ties": 22}}, source="made up")
    >>> ref.threshold("ties", "35-50")
    (22, 'the whole sample')
    """

    medians: Mapping[str, Mapping[str, float]]
    source: str = ""

    def threshold(self, measure: str, group: str | None) -> tuple[float, str]:
        """Return (value, where) for a measure: the group's value, else the sample's."""
        if group is not None and measure in self.medians.get(group, {}):
            return self.medians[group][measure], f"ages {group}"
        if measure in self.medians.get("all", {}):
            return self.medians["all"][measure], "the whole sample"
        raise ValueError(
            f"The reference ({self.source or 'unnamed'}) has no median of {measure!r}"
            + (f" for age group {group!r}" if group is not None else "")
            + " nor for the whole sample. Fix: use reference_medians('synthetic'), or a rule "
            "without that measure, e.g. Rule(measures=('ties', 'diversity'))."
        )


@dataclass(frozen=True)
class Classification:
    """The type of one person, with the reasons and the rule that produced it.

    Parameters
    ----------
    type : str
        ``"networked"``, ``"bounded"`` or ``"limited"``.
    reasons : tuple of str
        One line per measure (e.g. ``"ties 12 < median 21 for ages 35-50"``), then the
        deciding clause, where the medians come from, and the tie-break.
    thresholds : dict
        Measure -> threshold used.
    rule : Rule
        The rule applied.
    """

    type: str
    reasons: tuple[str, ...]
    thresholds: dict[str, float] = field(default_factory=dict)
    rule: Rule = COURSE_RULE

    def __str__(self) -> str:
        return "\n".join([self.type, *(f"  - {r}" for r in self.reasons)])


def _check_number(value: object, what: str) -> float:
    # is_real turns bools away; the isinstance tells the type checker value has __float__
    if not (is_real(value) and isinstance(value, numbers.Real)) or math.isnan(value):
        raise TypeError(f"{what} must be a number, not {value!r}. Fix: give a number.")
    return float(value)


def _decide(values: np.ndarray, thresholds: np.ndarray, rule: Rule) -> tuple[np.ndarray, ...]:
    """Core of the rule, vectorised over rows of (rows, measures) arrays.

    Returns the types and a decision code per row: 0 = at every threshold (the tie-break
    decides), 1 = networked, 2 = limited, 3 = bounded (see :func:`_decision_texts`).
    """
    at_or_above = (values >= thresholds).all(axis=1)
    at_or_below = (values <= thresholds).all(axis=1)
    if rule.order[0] == "networked":
        types = np.where(at_or_above, "networked", np.where(at_or_below, "limited", "bounded"))
    else:
        types = np.where(at_or_below, "limited", np.where(at_or_above, "networked", "bounded"))
    decision = np.select(
        [at_or_above & at_or_below, types == "networked", types == "limited"], [0, 1, 2], 3
    )
    return types, decision


def _decision_texts(rule: Rule) -> list[str]:
    n = len(rule.measures)
    return [
        f"exactly at the threshold on {all_of(n, 'measure')}, so both clauses fit; the tie-break "
        f"makes this person {rule.order[0]}",
        f"networked: at or above the threshold on {all_of(n, 'measure')}",
        f"limited: at or below the threshold on {all_of(n, 'measure')}",
        "bounded: above the threshold on at least one measure and below on another",
    ]


def _clauses(
    measure: str,
    values: np.ndarray,
    thresholds: np.ndarray,
    where: np.ndarray,
    where_labels: list[str],
    label: str,
) -> tuple[np.ndarray, list[str]]:
    """One comparison per row, e.g. "ties 12 < median 21 for ages 35-50".

    Vectorised: rows are grouped by (value, threshold, context) with :func:`_row_codes`
    and each distinct comparison is written once. Returns a code per row and the texts.
    """
    codes, first = _row_codes([values, thresholds, where])
    texts = []
    for v, t, w in zip(values[first], thresholds[first], where[first], strict=True):
        sign = "<" if v < t else (">" if v > t else "=")
        value, threshold = format_number(v, ".4g"), format_number(t, ".4g")
        texts.append(f"{measure} {value} {sign} {label} {threshold}{where_labels[int(w)]}")
    return codes, texts


def _row_codes(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Return a code per row for its values across ``columns``, and each code's first row.

    Hash-based (:func:`pandas.factorize`), so linear in the number of rows; codes number
    the combinations in order of first appearance.
    """
    codes = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        column_codes, uniques = pd.factorize(np.asarray(column), use_na_sentinel=False)
        codes, _ = pd.factorize(codes * len(uniques) + column_codes)
    _, first = np.unique(codes, return_index=True)
    return codes, first


def _explain(
    values: np.ndarray,
    thresholds: np.ndarray,
    where: np.ndarray,
    where_labels: list[str],
    rule: Rule,
    label: str,
) -> tuple[np.ndarray, list[np.ndarray], list[list[str]], np.ndarray]:
    """Types, and for each measure the clause codes and texts, and the decision codes."""
    types, decision = _decide(values, thresholds, rule)
    codes, texts = [], []
    for j, measure in enumerate(rule.measures):
        c, t = _clauses(measure, values[:, j], thresholds[:, j], where[:, j], where_labels, label)
        codes.append(c)
        texts.append(t)
    return types, codes, texts, decision


def _measure_matrix(table: pd.DataFrame, measures: tuple[str, ...], who: str) -> np.ndarray:
    columns = []
    for measure in measures:
        if measure not in table.columns:
            raise ValueError(
                f"{who} needs a column {measure!r}; the table has {list(table.columns)}. "
                f"Fix: add or rename the column, or choose other measures with "
                f"Rule(measures=...)."
            )
        column = table[measure]
        if not (pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)):
            bad = pd.to_numeric(column, errors="coerce").isna() & column.notna()
            example = column[bad].iloc[0] if bad.any() else column.iloc[0]
            raise TypeError(
                f"{who}: column {measure!r} must hold numbers, but it has {example!r}. "
                "Fix: convert it, e.g. table[col] = pd.to_numeric(table[col])."
            )
        if column.isna().any():
            rows = list(column.index[column.isna()][:5])
            raise ValueError(
                f"{who}: column {measure!r} has {int(column.isna().sum())} empty values "
                f"(rows {rows}). Fix: fill them in or drop those rows."
            )
        columns.append(column.to_numpy(dtype=float))
    return np.column_stack(columns) if columns else np.empty((len(table), 0))


def classify_sample(table: pd.DataFrame, rule: Rule | None = None) -> pd.DataFrame:
    """Type every person (row) of a table; return a copy with ``type`` and ``reasons``.

    Thresholds come from the table itself, as the rule says: medians within each age
    group (default), medians across the table, or fixed numbers. The course rule checks
    networked first (at or above on every measure, so people exactly at every median are
    networked), then limited (at or below on every measure); everyone else is bounded.
    Each ``reasons`` string lists the comparisons, the deciding clause and that tie-break.
    Vectorised (its speed: ``docs/performance.md``).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per person with the rule's measure columns (default ``ties``, ``groups``,
        ``diversity``) and, for age-group medians, ``age_group``.
    rule : Rule, optional
        Default :data:`COURSE_RULE`.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with ``type`` and ``reasons`` columns (an existing column of
        that name is replaced); ``attrs["rule"]`` holds :meth:`Rule.describe`.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"age_group": ["35-50"] * 3, "ties": [12, 21, 30],
    ...                    "groups": [1, 2, 3], "diversity": [9, 8, 8]})
    >>> out = classify_sample(df)
    >>> out["type"].tolist()
    ['bounded', 'networked', 'networked']
    >>> print(out["reasons"][0])
    ties 12 < median 21 for ages 35-50; groups 1 < median 2 for ages 35-50;
    diversity 9 > median 8 for ages 35-50; bounded: above the threshold on at least one
    measure and below on another; tie-break: networked is checked first, then limited;
    everyone else is bounded
    """
    rule = COURSE_RULE if rule is None else rule
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"classify_sample needs a pandas DataFrame, not {type(table).__name__}. "
            "Fix: e.g. classify_sample(datasets.load('east_york_synthetic')); for one person "
            "use classify(person, reference)."
        )
    if not isinstance(rule, Rule):
        raise TypeError(f"rule must be a typology.Rule, not {type(rule).__name__}.")
    values = _measure_matrix(table, rule.measures, "classify_sample")
    if isinstance(rule.thresholds, Mapping):
        fixed = np.array([float(rule.thresholds[m]) for m in rule.measures])
        thresholds = np.broadcast_to(fixed, values.shape)
        where_codes, where_labels = np.zeros(len(table), dtype=int), [" (fixed)"]
        label = "threshold"
    elif rule.thresholds == "age group median":
        column = rule.group_column
        if column not in table.columns:
            raise ValueError(
                f"classify_sample takes medians within age groups and needs a column "
                f"{column!r}; the table has {list(table.columns)}. Fix: add it, or use "
                "Rule(thresholds='sample median')."
            )
        groups = table[column]
        if groups.isna().any():
            empty = list(groups.index[groups.isna()][:5])
            raise ValueError(
                f"classify_sample: column {column!r} has empty values (rows {empty}). "
                "Fix: fill them in, or use Rule(thresholds='sample median')."
            )
        group_codes, group_labels = pd.factorize(groups)
        frame = pd.DataFrame(values, columns=list(rule.measures))
        thresholds = frame.groupby(group_codes, sort=False).transform("median").to_numpy(float)
        where_codes = group_codes
        where_labels = [f" for ages {g}" for g in group_labels]
        label = "median"
    else:  # "sample median"
        thresholds = np.broadcast_to(np.median(values, axis=0), values.shape)
        where_codes, where_labels = np.zeros(len(table), dtype=int), [" in the whole sample"]
        label = "median"
    where = np.broadcast_to(where_codes[:, None], values.shape)
    types, codes, texts, decision = _explain(values, thresholds, where, where_labels, rule, label)
    # each distinct combination of clauses is joined once, then spread back to its rows
    rows, first = _row_codes([*codes, decision])
    combos = np.column_stack([*codes, decision])[first]
    decisions, tail = _decision_texts(rule), f"tie-break: {rule.tie_break}"
    joined = np.array(
        [
            "; ".join(
                [
                    *(t[c] for t, c in zip(texts, combo[:-1], strict=True)),
                    decisions[combo[-1]],
                    tail,
                ]
            )
            for combo in combos
        ],
        dtype=object,
    )
    text = joined[rows]
    result = table.copy()
    result["type"] = pd.Series(types, index=table.index, dtype="str")
    result["reasons"] = pd.Series(text, index=table.index, dtype="str")
    result.attrs["rule"] = rule.describe()
    return result


def classify(
    person: Mapping[str, object],
    reference: Reference | Mapping[str, float] | None = None,
    rule: Rule | None = None,
) -> Classification:
    """Type one person against reference thresholds (e.g. the capstone's own network).

    Parameters
    ----------
    person : mapping
        The rule's measures (default ``ties``, ``groups``, ``diversity``) and optionally
        ``age_group`` (one of :data:`netind_teach.vocab.AGE_GROUPS`).
    reference : Reference or mapping, optional
        Medians to compare with: a :class:`Reference` (e.g. :func:`reference_medians`),
        or a plain mapping of fixed numbers per measure. Default: the rule's fixed numbers
        if it has them, else ``reference_medians("synthetic")`` (by age group, or across
        the sample for ``Rule(thresholds="sample median")``).
    rule : Rule, optional
        Default :data:`COURSE_RULE` (networked checked first, then limited; else bounded).

    Returns
    -------
    Classification
        ``.type`` and ``.reasons`` (one line per measure, the deciding clause, the tie-break).

    Examples
    --------
    >>> ref = Reference({"35-50": {"ties": 21, "groups": 2, "diversity": 8}}, "example")
    >>> result = classify({"ties": 12, "groups": 3, "diversity": 8, "age_group": "35-50"}, ref)
    >>> result.type
    'bounded'
    >>> result.reasons[0]
    'ties 12 < median 21 for ages 35-50'
    >>> classify({"ties": 25, "groups": 2, "diversity": 7}, {"ties": 22, "groups": 2,
    ...          "diversity": 7}).type
    'networked'
    """
    rule = COURSE_RULE if rule is None else rule
    if not isinstance(rule, Rule):
        raise TypeError(f"rule must be a typology.Rule, not {type(rule).__name__}.")
    if not isinstance(person, Mapping):
        raise TypeError(
            f"classify needs one person as a mapping such as {{'ties': 12, 'groups': 1, "
            f"'diversity': 6, 'age_group': '35-50'}}, not {type(person).__name__}. "
            "Fix: for a table use classify_sample(table)."
        )
    missing = [m for m in rule.measures if m not in person]
    if missing:
        raise ValueError(
            f"classify: the person has no value for {missing}. Fix: give "
            + ", ".join(f"{m!r}" for m in rule.measures)
            + "."
        )
    values = [_check_number(person[m], f"classify: {m!r}") for m in rule.measures]
    group = person.get(rule.group_column)
    if group is not None and group not in AGE_GROUPS:
        raise ValueError(
            f"classify: unknown age group {group!r}. Fix: use one of {list(AGE_GROUPS)}."
        )
    if reference is None:
        if isinstance(rule.thresholds, Mapping):
            reference = rule.thresholds
        else:
            by = "sample" if rule.thresholds == "sample median" else "age group"
            reference = reference_medians("synthetic", by=by)
    if isinstance(reference, Reference):
        pairs = [reference.threshold(m, group) for m in rule.measures]
        thresholds = [float(t) for t, _ in pairs]
        wheres = [f" for {w}" for _, w in pairs]
        label = "median"
        source = f"medians from: {reference.source}" if reference.source else ""
    elif isinstance(reference, Mapping):
        absent = [m for m in rule.measures if m not in reference]
        if absent:
            raise ValueError(
                f"classify: the reference has no threshold for {absent}. "
                "Fix: give one number per measure."
            )
        thresholds = [_check_number(reference[m], f"threshold {m!r}") for m in rule.measures]
        wheres = [" (fixed)"] * len(rule.measures)
        label = "threshold"
        source = ""
    else:
        raise TypeError(
            f"reference must be a typology.Reference or a mapping of numbers, not "
            f"{type(reference).__name__}. Fix: e.g. reference_medians()."
        )
    types, codes, texts, decision = _explain(
        np.array([values]),
        np.array([thresholds]),
        np.array([range(len(wheres))]),
        wheres,
        rule,
        label,
    )
    return Classification(
        type=str(types[0]),
        reasons=(
            *(t[c[0]] for t, c in zip(texts, codes, strict=True)),
            _decision_texts(rule)[decision[0]],
            *([source] if source else []),
            f"tie-break: {rule.tie_break}",
        ),
        thresholds=dict(zip(rule.measures, thresholds, strict=True)),
        rule=rule,
    )


def _published() -> pd.DataFrame:
    from netind_teach import datasets

    return datasets.load("typology_published")


def published_shares() -> pd.DataFrame:
    """Return the published shares of each type, overall and by age group (percent).

    From Wellman, Quan-Haase & Harper (2020) via the ``typology_published`` dataset; only
    the shares the paper states are present (for 35-50 and 51-64 only the networked share).

    Returns
    -------
    pandas.DataFrame
        One row per stated share: ``age_group`` (``"all"`` for the whole sample),
        ``type``, ``percent`` and ``as_published`` (the paper's wording, e.g.
        ``"two-thirds"``).

    Examples
    --------
    >>> shares_table = published_shares()
    >>> shares_table.query("age_group == 'all'")["percent"].tolist()
    [35.0, 36.0, 29.0]
    """
    table = _published()
    rows = table[table["statistic"] == "share"]
    return (
        rows[["age_group", "type", "value", "as_published"]]
        .rename(columns={"value": "percent"})
        .reset_index(drop=True)
    )


def published_medians() -> pd.DataFrame:
    """Return published medians: by type (Table 2), by age group (ties), for the whole sample.

    Returns
    -------
    pandas.DataFrame
        One row per median: ``measure``, ``age_group`` and ``type`` (``"all"`` where not
        split), ``value``, and ``where`` (the table it comes from, if any).

    Examples
    --------
    >>> m = published_medians()
    >>> m.query("type == 'networked'")[["measure", "value"]].values.tolist()
    [['ties', 31.0], ['groups', 2.0], ['diversity', 9.0]]
    """
    table = _published()
    rows = table[table["statistic"] == "median"]
    return rows[["measure", "age_group", "type", "value", "where"]].reset_index(drop=True)


def reference_medians(source: str = "synthetic", by: str = "age group") -> Reference:
    """Return the reference medians for :func:`classify`.

    Parameters
    ----------
    source : {"synthetic", "published"}
        ``"synthetic"``: medians of the synthetic East York sample (ties medians by age
        group equal the published 34 / 21 / 15 / 14; group and diversity medians by age
        group are synthetic). ``"published"``: only what the paper prints (ties by age
        group; 22 ties and diversity 7 for the whole sample; no group-involvement median).
    by : {"age group", "sample"}
        Medians within age groups (plus ``"all"``), or only whole-sample medians.

    Returns
    -------
    Reference
        The medians by group label (``"all"`` always present), with their source named.

    Raises
    ------
    ValueError
        If ``source`` or ``by`` is not one of the values above.

    Examples
    --------
    >>> reference_medians("published").medians["35-50"]
    {'ties': 21.0}
    >>> reference_medians("synthetic", by="sample").medians["all"]["ties"]
    22.0
    """
    if by not in ("age group", "sample"):
        raise ValueError(f"by must be 'age group' or 'sample', not {by!r}.")
    if source not in _REFERENCE_SOURCES:
        raise ValueError(f"source must be 'synthetic' or 'published', not {source!r}.")
    from netind_teach.datasets import load
    from netind_teach.datasets.package import entry

    dataset, named = _REFERENCE_SOURCES[source]
    table: pd.DataFrame = load(dataset)  # the file is read and checked on every call
    key = (source, by, entry(dataset)["hash"])
    if key not in _MEDIANS:
        medians = _synthetic_medians if source == "synthetic" else _published_medians
        _MEDIANS[key] = medians(table, by)
    # each caller gets its own dicts: changing them changes no later reference
    return Reference({group: dict(m) for group, m in _MEDIANS[key].items()}, named)


#: Source of reference_medians -> (dataset, how the reasons name it).
_REFERENCE_SOURCES = {
    "synthetic": ("east_york_synthetic", "synthetic East York sample"),
    "published": ("typology_published", "published, Wellman, Quan-Haase & Harper 2020"),
}

# The medians reference_medians computed, by (source, by, checksum of the file they come
# from): lesson 05 asks for the same reference for every network it classifies (seven
# times). The file is still loaded and checked on each call; a changed file has another
# checksum, hence its own entry.
_MEDIANS: dict[tuple[str, str, str], dict[str, dict[str, float]]] = {}


def _synthetic_medians(people: pd.DataFrame, by: str) -> dict[str, dict[str, float]]:
    medians = {"all": {m: float(people[m].median()) for m in MEASURES}}
    if by == "age group":
        for group, rows in people.groupby("age_group", sort=False):
            medians[str(group)] = {m: float(rows[m].median()) for m in MEASURES}
    return medians


def _published_medians(table: pd.DataFrame, by: str) -> dict[str, dict[str, float]]:
    rows = table[(table["statistic"] == "median") & (table["type"] == "all")]
    medians: dict[str, dict[str, float]] = {"all": {}}
    for row in rows.itertuples():
        if row.age_group == "all":
            medians["all"][str(row.measure)] = float(row.value)
        elif by == "age group":
            medians.setdefault(str(row.age_group), {})[str(row.measure)] = float(row.value)
    return medians


def shares(classified: pd.DataFrame, by: str | None = "age_group") -> pd.DataFrame:
    """Percent of each type, per group and overall, from a :func:`classify_sample` result.

    Parameters
    ----------
    classified : pandas.DataFrame
        A table with a ``type`` column, such as :func:`classify_sample` returns.
    by : str or None
        Column to group by; ``None`` gives the overall row only.

    Returns
    -------
    pandas.DataFrame
        Percent of each type (columns ``networked``, ``bounded``, ``limited``), one row
        per group plus the row ``"all"``.

    Raises
    ------
    ValueError
        If ``classified`` has no ``type`` column or no column ``by``.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"age_group": ["65+", "65+"], "type": ["bounded", "limited"]})
    >>> shares(t).loc["all"].tolist()
    [0.0, 50.0, 50.0]
    """
    if "type" not in classified.columns:
        raise ValueError("shares needs a 'type' column. Fix: pass classify_sample(table).")
    overall = classified["type"].value_counts(normalize=True).reindex(list(TYPES), fill_value=0)
    rows = {"all": overall * 100}
    if by is not None:
        if by not in classified.columns:
            raise ValueError(f"shares: no column {by!r}. Fix: pass by=None for overall only.")
        for group, part in classified.groupby(by, sort=False):
            counts = part["type"].value_counts(normalize=True).reindex(list(TYPES), fill_value=0)
            rows[str(group)] = counts * 100
    table = pd.DataFrame(rows).T
    table.columns.name = "type"
    return table.astype(float)


def transitions(before: pd.DataFrame, after: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Count the people whose type changed between two classifications, by change.

    Parameters
    ----------
    before, after : pandas.DataFrame
        Two :func:`classify_sample` results of the same people, in the same row order
        (e.g. under the course rule and under another rule).

    Returns
    -------
    dict of (str, str) to int
        ``{(type before, type after): people}``, only pairs that differ, most people
        first (ties in alphabetical order). Its values add up to the people who moved.

    Raises
    ------
    ValueError
        If the two tables do not hold the same number of people.

    Examples
    --------
    >>> import pandas as pd
    >>> before = pd.DataFrame({"type": ["networked", "networked", "bounded", "limited"]})
    >>> after = pd.DataFrame({"type": ["limited", "limited", "networked", "limited"]})
    >>> transitions(before, after)
    {('networked', 'limited'): 2, ('bounded', 'networked'): 1}
    """
    if len(before) != len(after):
        raise ValueError(
            f"transitions needs the same people twice: {len(before)} rows before, "
            f"{len(after)} after. Fix: classify the same table under both rules."
        )
    counts: dict[tuple[str, str], int] = {}
    for a, b in zip(before["type"], after["type"], strict=True):
        if a != b:
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
