"""What the network file and the anonymised export hold: formats, versions, fields, checks.

The constants every part of :mod:`netind_teach.mynetwork` shares live here, on the
storage side: the model (:mod:`~netind_teach.mynetwork.model`) builds its data from them,
and the network file (:mod:`~netind_teach.mynetwork.storage`) and the export
(:mod:`~netind_teach.mynetwork.export`) check files against them. This module imports
nothing else of the package but the vocabulary, so there is no import cycle.

Examples
--------
>>> sorted(CHOICES) == sorted(PERSON_FIELDS)
True
>>> check_network_data({"format": EXPORT_FORMAT, "version": 1})
Traceback (most recent call last):
...
netind_teach.store.FileProblem: it is an anonymised export, not a network file: ...
"""

from __future__ import annotations

import re
from typing import Any, cast

from netind_teach.quantities import is_real, is_whole
from netind_teach.store import check_header
from netind_teach.vocab import AGE_GROUPS, CATEGORIES
from netind_teach.wording import short

__all__ = [
    "CHOICES",
    "CLOSENESS",
    "CONTACT_MODES",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "FILE_FORMAT",
    "FILE_VERSION",
    "ID_PATTERN",
    "MAX_FILE_BYTES",
    "MAX_GROUPS",
    "MAX_PEOPLE",
    "MEASURE_KEYS",
    "NOT_AN_EXPORT",
    "NOT_A_NETWORK",
    "PERSON_FIELDS",
    "PLACE_CHOICES",
    "SALT_PATTERN",
    "check_export_data",
    "check_network_data",
]

#: ``format`` field of a network file.
FILE_FORMAT = "netind-teach-my-network"
#: Newest ``version`` of the network file this code writes and reads.
FILE_VERSION = 1
#: ``format`` field of an export.
EXPORT_FORMAT = "netind-teach-network-export"
#: Newest export version written and read.
EXPORT_VERSION = 1
#: Files larger than this are not network files or exports (150 people fit in ~40 kB).
MAX_FILE_BYTES = 2_000_000

#: How close you feel to a person.
CLOSENESS: tuple[str, ...] = ("very close", "close", "not very close")
#: How you mostly keep in touch with a person.
CONTACT_MODES: tuple[str, ...] = ("in person", "phone", "online")
#: Where a person lives (node attribute ``place``): near you, or more than an hour away.
PLACE_CHOICES: tuple[str, ...] = ("local", "distant")
#: Most people a network may hold (keeps the builder usable).
MAX_PEOPLE = 150
#: Most social groups one can report.
MAX_GROUPS = 50
#: The fields of a person besides id and nickname (all exported).
PERSON_FIELDS: tuple[str, ...] = ("category", "closeness", "contact", "place")
#: The values each of :data:`PERSON_FIELDS` may take.
CHOICES: dict[str, tuple[str, ...]] = {
    "category": CATEGORIES,
    "closeness": CLOSENESS,
    "contact": CONTACT_MODES,
    "place": PLACE_CHOICES,
}
#: A person's internal id: ``p1``, ``p2``, ...
ID_PATTERN = re.compile(r"p[1-9][0-9]{0,5}")
#: A network's secret salt: 32 lowercase hex digits.
SALT_PATTERN = re.compile(r"[0-9a-f]{32}")

_HEX12 = re.compile(r"[0-9a-f]{12}")
_EXPORT_KEYS = frozenset(
    {"format", "version", "network", "synthetic", "age_group", "groups", "people", "links"}
    | {"measures"}
)
#: Measures an export states (recomputed by the class view, never trusted).
MEASURE_KEYS: tuple[str, ...] = ("people", "ties", "groups", "diversity", "circles", "density")
_NETWORK_KEYS = frozenset(
    {"format", "version", "salt", "age_group", "groups", "next_id", "people", "links"}
)
#: Other course formats -> why such a file is not a network file.
NOT_A_NETWORK = {
    EXPORT_FORMAT: (
        "it is an anonymised export, not a network file: exports carry no nicknames and "
        "cannot be turned back into your network"
    ),
}
#: Other course formats -> why such a file is not an export.
NOT_AN_EXPORT = {
    FILE_FORMAT: (
        "it is a learner's own network file with nicknames, not an anonymised export: "
        "ask for the export instead"
    ),
}


def check_network_data(data: object) -> dict[str, Any]:
    """Check the structure of network-file data; return it, or raise.

    Nicknames are checked when the network is rebuilt
    (:meth:`~netind_teach.mynetwork.model.PersonalNetwork.from_dict`).

    Parameters
    ----------
    data : object
        Parsed JSON.

    Returns
    -------
    dict
        ``data``, checked.

    Raises
    ------
    netind_teach.store.FileProblem
        ``"foreign"`` or ``"newer"`` for a file that is not ours to touch (another
        program's JSON, an export, a newer course version's file).
    ValueError
        Naming the first problem of a broken file.
    """
    data = _header(data, FILE_FORMAT, FILE_VERSION, "a netind-teach network file", NOT_A_NETWORK)
    _check_keys(data, _NETWORK_KEYS, "those of a network file")
    if not isinstance(data["salt"], str) or not SALT_PATTERN.fullmatch(data["salt"]):
        raise ValueError("its 'salt' is not 32 hex digits")
    people = _check_profile(data)
    ids = _check_people(people, ("id", "nickname", *PERSON_FIELDS), ID_PATTERN)
    for i, p in enumerate(people, start=1):
        if not isinstance(p["nickname"], str):
            raise ValueError(f"person {i}'s nickname is not text")
    top = max((int(i[1:]) for i in ids), default=0)
    if not is_whole(data["next_id"]) or not top < data["next_id"] < 10**6:
        raise ValueError("its 'next_id' is not above every person's id")
    _check_links(data["links"], ids)
    return data


def check_export_data(data: object) -> dict[str, Any]:
    """Check that ``data`` is a well-formed anonymised export; return it or raise ValueError.

    Strict on purpose: an unknown field (a nickname, a note) makes the file malformed,
    so a class view never shows free text. An export of a newer course version is named
    as such, with what to do.

    Parameters
    ----------
    data : object
        Parsed JSON.

    Returns
    -------
    dict
        ``data``, checked.

    Examples
    --------
    >>> check_export_data({"format": EXPORT_FORMAT, "version": 2})
    Traceback (most recent call last):
    ...
    netind_teach.store.FileProblem: it was saved by a newer version of the course ...
    """
    data = _header(data, EXPORT_FORMAT, EXPORT_VERSION, "a netind-teach export", NOT_AN_EXPORT)
    _check_keys(data, _EXPORT_KEYS, "an export's")
    if not isinstance(data["network"], str) or not _HEX12.fullmatch(data["network"]):
        raise ValueError("its network id is not 12 hex digits")
    if not isinstance(data["synthetic"], bool):
        raise ValueError("its 'synthetic' flag is not true or false")
    ids = _check_people(_check_profile(data), ("id", *PERSON_FIELDS), _HEX12)
    _check_links(data["links"], ids)
    measures = data["measures"]
    if not isinstance(measures, dict) or set(measures) != set(MEASURE_KEYS):
        raise ValueError("its 'measures' are missing or incomplete")
    for key, value in measures.items():
        if not is_real(value) or value != value:
            raise ValueError(f"its measure {key!r} is not a number")
    return data


def _header(
    data: object, fmt: str, version: int, noun: str, others: dict[str, str]
) -> dict[str, Any]:
    """Check the ``format``/``version`` header (:func:`netind_teach.store.check_header`)."""
    check_header(data, fmt, version, noun=noun, others=others)
    return cast("dict[str, Any]", data)  # check_header refuses anything but a dict


def _check_keys(data: Any, keys: frozenset[str], what: str) -> None:
    """Check that ``data`` (a dict, its header checked) has exactly the fields ``keys``."""
    if set(data) != keys:
        odd = sorted(set(data) ^ keys)
        raise ValueError(f"its fields are not {what} (check {odd[:3]})")


def _check_profile(data: dict[str, Any]) -> list[Any]:
    """Check the age group, the number of groups and the people list; return the list."""
    if data["age_group"] is not None and data["age_group"] not in AGE_GROUPS:
        raise ValueError(f"its age group {short(data['age_group'])} is unknown")
    if not is_whole(data["groups"]) or not 0 <= data["groups"] <= MAX_GROUPS:
        raise ValueError(f"its 'groups' ({short(data['groups'])}) is not 0 to {MAX_GROUPS}")
    people = data["people"]
    if not isinstance(people, list) or len(people) > MAX_PEOPLE:
        raise ValueError(f"its 'people' is not a list of at most {MAX_PEOPLE} people")
    return people


def _check_people(
    people: list[Any], fields: tuple[str, ...], id_pattern: re.Pattern[str]
) -> set[str]:
    """Check each person's fields, id (unique, of ``id_pattern``) and choices; return the ids."""
    ids: set[str] = set()
    for i, p in enumerate(people, start=1):
        if not isinstance(p, dict) or set(p) != set(fields):
            raise ValueError(f"person {i} has missing or extra fields")
        if not isinstance(p["id"], str) or not id_pattern.fullmatch(p["id"]) or p["id"] in ids:
            raise ValueError(f"person {i} has a bad or repeated id {short(p['id'])}")
        ids.add(p["id"])
        _check_choices(i, p)
    return ids


def _check_choices(i: int, person: dict[str, Any]) -> None:
    """Check that person ``i``'s category, closeness and contact are known values."""
    for name in PERSON_FIELDS:
        value = person[name]
        if not isinstance(value, str) or value not in CHOICES[name]:
            raise ValueError(f"person {i}'s {name} {short(value)} is unknown")


def _check_links(links: object, ids: set[str]) -> None:
    """Check that every link joins two different people of the file."""
    if not isinstance(links, list):
        raise ValueError("its 'links' is not a list")
    for pair in links:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(x, str) and x in ids for x in pair)
            or pair[0] == pair[1]
        ):
            raise ValueError(f"a link {short(pair)} does not join two different known people")
