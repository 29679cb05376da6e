"""Specialized support: which ties of a personal network carry which kind of help.

Wellman & Wortley (1990), "Different Strokes from Different Folks", found in the second
East York study that most relationships give *specialized* support: what a tie gives
depends more on the relationship than on the person. Strong ties give emotional aid,
small services and companionship; parents and adult children give financial aid,
emotional aid, large and small services; physically accessible ties give services.

This module routes everyday *needs* (money, a health worry, a lift, a chat, help moving
house) through a personal network whose alters carry a ``tie_kind`` and the kinds of
support they give, and answers the lesson's question: remove one kind of tie, which needs
lose every helper?

The course's network is **synthetic**: :func:`generate_support_network` draws one made-up
person's 16 alters with seeded chances that follow the *direction* of the published
pattern (the chances themselves are the course's illustrative choice: the study's shares
by tie type are not used). ``datasets.load("support_network_synthetic")`` returns the same
table.

Examples
--------
>>> net = generate_support_network()
>>> len(net), sorted(net["tie_kind"].unique())[:2]
(16, ['extended kin', 'friend'])
>>> "a chat" in route_needs(net)
True
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = [
    "NEEDS",
    "SUPPORT_KINDS",
    "SUPPORT_SEED",
    "TIE_KINDS",
    "generate_support_network",
    "helpers",
    "helpers_by_kind",
    "needs_lost",
    "route_needs",
    "support_table_csv",
    "without_kind",
]

#: The five kinds of support, one column each (``gives_<kind with _>``).
SUPPORT_KINDS: tuple[str, ...] = (
    "emotional aid",
    "small services",
    "large services",
    "financial aid",
    "companionship",
)
#: Everyday needs and the kind of support each calls for.
NEEDS: dict[str, str] = {
    "a health worry": "emotional aid",
    "a lift": "small services",
    "help moving house": "large services",
    "money": "financial aid",
    "a chat": "companionship",
}
#: Kinds of tie, in the order the lesson shows them.
TIE_KINDS: tuple[str, ...] = (
    "parent or adult child",
    "sibling",
    "extended kin",
    "friend",
    "neighbour",
    "workmate",
)
#: Seed of the course's synthetic network.
SUPPORT_SEED = 1990

# How many alters of each kind the synthetic person has, and the illustrative chances:
# (chance the tie is strong, chance the alter lives nearby).
_ROSTER: dict[str, tuple[int, float, float]] = {
    "parent or adult child": (2, 0.9, 0.4),
    "sibling": (2, 0.5, 0.3),
    "extended kin": (2, 0.15, 0.3),
    "friend": (5, 0.45, 0.4),
    "neighbour": (2, 0.2, 1.0),
    "workmate": (3, 0.2, 0.6),
}


def _chances(kind: str, strong: bool, nearby: bool) -> dict[str, float]:
    """Illustrative chance that one alter gives each kind of support.

    The direction follows Wellman & Wortley's (1990) abstract; the numbers are the
    course's choice.
    """
    parent = kind == "parent or adult child"
    return {
        "emotional aid": 0.9 if (strong or parent) else 0.1,
        "small services": 0.8 if (nearby and (strong or parent or kind == "neighbour")) else 0.1,
        "large services": 0.8 if parent else (0.25 if strong and kind == "sibling" else 0.02),
        "financial aid": 0.85 if parent else 0.0,
        "companionship": 0.85 if (strong and kind in ("friend", "sibling")) else 0.15,
    }


def _column(kind: str) -> str:
    return "gives_" + kind.replace(" ", "_")


def generate_support_network(seed: int = SUPPORT_SEED) -> Any:
    """Draw the synthetic personal network of the lesson: one row per alter.

    Parameters
    ----------
    seed : int
        Seed of the draw; the course ships ``seed=1990``.

    Returns
    -------
    pandas.DataFrame
        Columns ``alter_id``, ``tie_kind``, ``strong``, ``nearby`` and one boolean
        ``gives_<support>`` column per kind of support. Every alter gives at least one.

    Examples
    --------
    >>> net = generate_support_network(seed=1990)
    >>> net.loc[0, "alter_id"], bool(net["gives_financial_aid"].any())
    ('a01', True)
    """
    import pandas as pd

    rng = random.Random(seed)
    rows: list[dict[str, str | bool]] = []
    for kind in TIE_KINDS:
        count, p_strong, p_near = _ROSTER[kind]
        for _ in range(count):
            strong = rng.random() < p_strong
            nearby = rng.random() < p_near
            chances = _chances(kind, strong, nearby)
            gives = {s: rng.random() < chances[s] for s in SUPPORT_KINDS}
            if not any(gives.values()):  # every alter in a support network gives something
                gives[max(chances, key=lambda s: chances[s])] = True
            row: dict[str, str | bool] = {"alter_id": f"a{len(rows) + 1:02d}", "tie_kind": kind}
            row.update(strong=strong, nearby=nearby)
            row.update({_column(s): gives[s] for s in SUPPORT_KINDS})
            rows.append(row)
    return pd.DataFrame(rows)


def support_table_csv(seed: int = SUPPORT_SEED) -> str:
    """Return the CSV text of :func:`generate_support_network` (what the dataset file holds).

    Parameters
    ----------
    seed : int
        Seed of the draw; the course ships ``seed=1990``.

    Returns
    -------
    str
        CSV text with a header row; booleans written ``true``/``false``.

    Examples
    --------
    >>> support_table_csv().splitlines()[0].split(",")[:4]
    ['alter_id', 'tie_kind', 'strong', 'nearby']
    """
    table = generate_support_network(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.itertuples(index=False):
        writer.writerow([str(v).lower() if isinstance(v, bool) else v for v in row])
    return out.getvalue()


def _check_network(network: Any) -> None:
    columns = getattr(network, "columns", None)
    needed = {"alter_id", "tie_kind", *(_column(s) for s in SUPPORT_KINDS)}
    if columns is None or not needed <= set(columns):
        raise TypeError(
            "network must be the table of datasets.load('support_network_synthetic') "
            "(columns alter_id, tie_kind and gives_<support>)"
        )


def _support_of(need: str) -> str:
    if need in NEEDS:
        return NEEDS[need]
    if need in SUPPORT_KINDS:
        return need
    raise ValueError(
        f"{need!r} is not a need: use one of {', '.join(repr(n) for n in NEEDS)} "
        f"(or a kind of support: {', '.join(SUPPORT_KINDS)})"
    )


def helpers(network: Any, need: str) -> tuple[str, ...]:
    """Ids of the alters who would help with ``need`` (a need or a kind of support).

    Parameters
    ----------
    network : pandas.DataFrame
        A support network with ``alter_id``, ``tie_kind`` and the ``gives_<support>``
        columns, as :func:`generate_support_network` returns.
    need : str
        A need from :data:`NEEDS` (e.g. ``"money"``) or a kind of support from
        :data:`SUPPORT_KINDS`.

    Returns
    -------
    tuple of str
        Alter ids in table order; empty when nobody helps.

    Raises
    ------
    TypeError
        If ``network`` lacks the columns above.
    ValueError
        If ``need`` is neither a need nor a kind of support.

    Examples
    --------
    >>> net = generate_support_network()
    >>> all(k == "parent or adult child"
    ...     for k in net.set_index("alter_id").loc[list(helpers(net, "money")), "tie_kind"])
    True
    """
    _check_network(network)
    column = _column(_support_of(need))
    return tuple(network.loc[network[column].astype(bool), "alter_id"])


def route_needs(network: Any, needs: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """Route each need to its helpers: ``{need: (alter ids...)}`` (empty when nobody helps).

    Parameters
    ----------
    network : pandas.DataFrame
        A support network with ``alter_id``, ``tie_kind`` and the ``gives_<support>``
        columns, as :func:`generate_support_network` returns.
    needs : iterable of str or None
        Needs (or kinds of support) to route; ``None`` routes every need in :data:`NEEDS`.

    Returns
    -------
    dict of str to tuple of str
        Each need with the ids of the alters who would help.

    Examples
    --------
    >>> net = generate_support_network()
    >>> list(route_needs(net, ["money"]))
    ['money']
    """
    return {need: helpers(network, need) for need in (NEEDS if needs is None else needs)}


def without_kind(network: Any, kind: str) -> Any:
    """Return the network with every tie of ``kind`` removed (a new table).

    Parameters
    ----------
    network : pandas.DataFrame
        A support network with ``alter_id``, ``tie_kind`` and the ``gives_<support>``
        columns, as :func:`generate_support_network` returns.
    kind : str
        A kind of tie from :data:`TIE_KINDS`.

    Returns
    -------
    pandas.DataFrame
        The rows of the other kinds, with a fresh index; ``network`` is left unchanged.

    Raises
    ------
    ValueError
        If ``kind`` is not in :data:`TIE_KINDS`.

    Examples
    --------
    >>> net = generate_support_network()
    >>> len(without_kind(net, "friend")) == len(net) - 5
    True
    """
    _check_network(network)
    if kind not in TIE_KINDS:
        raise ValueError(f"{kind!r} is not a kind of tie: use one of {', '.join(TIE_KINDS)}")
    return network[network["tie_kind"] != kind].reset_index(drop=True)


def needs_lost(network: Any, kind: str) -> tuple[str, ...]:
    """Needs that have a helper in ``network`` but none once ties of ``kind`` are removed.

    Parameters
    ----------
    network : pandas.DataFrame
        A support network with ``alter_id``, ``tie_kind`` and the ``gives_<support>``
        columns, as :func:`generate_support_network` returns.
    kind : str
        The kind of tie removed, from :data:`TIE_KINDS`.

    Returns
    -------
    tuple of str
        The needs left without a helper, in the order of :data:`NEEDS`.

    Examples
    --------
    >>> needs_lost(generate_support_network(), "parent or adult child")
    ('money',)
    """
    before = route_needs(network)
    after = route_needs(without_kind(network, kind))
    return tuple(need for need in NEEDS if before[need] and not after[need])


def helpers_by_kind(network: Any) -> dict[str, dict[str, int]]:
    """How many alters of each tie kind give each need: ``{need: {tie kind: count}}``.

    Parameters
    ----------
    network : pandas.DataFrame
        A support network with ``alter_id``, ``tie_kind`` and the ``gives_<support>``
        columns, as :func:`generate_support_network` returns.

    Returns
    -------
    dict of str to dict of str to int
        For each need in :data:`NEEDS`, the number of helpers of each kind in
        :data:`TIE_KINDS` (0 included).

    Examples
    --------
    >>> table = helpers_by_kind(generate_support_network())
    >>> sum(table["money"].values()) == table["money"]["parent or adult child"]
    True
    """
    _check_network(network)
    kinds: Mapping[str, str] = dict(zip(network["alter_id"], network["tie_kind"], strict=True))
    out: dict[str, dict[str, int]] = {}
    for need, who in route_needs(network).items():
        counts = dict.fromkeys(TIE_KINDS, 0)
        for alter in who:
            counts[kinds[alter]] += 1
        out[need] = counts
    return out


def write_support_network(folder: str | Path, seed: int = SUPPORT_SEED) -> Path:
    """Write ``support_network_synthetic.csv`` into ``folder`` (for maintainers).

    After writing it into ``datasets/``, record its checksum with
    :func:`netind_teach.datasets.refresh_hashes`.
    """
    path = Path(folder) / "support_network_synthetic.csv"
    path.write_text(support_table_csv(seed), encoding="utf-8")
    return path
