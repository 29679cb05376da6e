"""Anonymised exports: what you may share with your instructor, and nothing more.

An export keeps only your measures, the categories of your people (category, closeness,
way of keeping in touch, place), who knows whom, your age group and your number of
groups. It drops every nickname and all free text. Each person gets a random-looking id
(12 hex digits) computed from their internal id and a secret *salt* kept in your own file
(HMAC-SHA256): the ids are the same every time you export, so a second export replaces the
first, but nobody without your file can tell who is who. People are listed in the order
of those ids, not the order you added them.

See exactly what will be written before writing it: :func:`export_text` (or
:func:`preview_html` in a notebook) returns the file's full text, and
:func:`export_anonymised` writes exactly that text.

Examples
--------
>>> from netind_teach.mynetwork.model import PersonalNetwork
>>> net = PersonalNetwork(salt="ab" * 16, age_group="under 35", groups=1)
>>> _ = net.add("Sam", "friend")
>>> text = export_text(net)
>>> "Sam" in text, check_export(json.loads(text))["people"][0]["category"]
(False, 'friend')
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import _FIELDS, Measures, short
from .storage import (
    MAX_FILE_BYTES,
    _check_choices,
    _check_links,
    _check_profile,
    _is_int,
    _write_or_explain,
)

if TYPE_CHECKING:
    from .model import PersonalNetwork

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_PREFIX",
    "EXPORT_VERSION",
    "check_export",
    "export_anonymised",
    "export_data",
    "export_filename",
    "export_text",
    "preview_html",
    "read_export",
]

#: ``format`` field of an export.
EXPORT_FORMAT = "netind-teach-network-export"
#: Newest export version written and read.
EXPORT_VERSION = 1
#: Export file names start with this (then the network's id, then ``.json``).
EXPORT_PREFIX = "my_network_export_"

_HEX12 = re.compile(r"[0-9a-f]{12}")
_KEYS = {
    "format",
    "version",
    "network",
    "synthetic",
    "age_group",
    "groups",
    "people",
    "links",
    "measures",
}
_MEASURE_KEYS = ("people", "ties", "groups", "diversity", "circles", "density")


def _hid(salt: str, what: str) -> str:
    return hmac.new(bytes.fromhex(salt), what.encode(), hashlib.sha256).hexdigest()[:12]


def export_data(network: PersonalNetwork, *, synthetic: bool = False) -> dict[str, Any]:
    """Return the export as plain data: no nicknames, no free text.

    Parameters
    ----------
    network : PersonalNetwork
        Your network.
    synthetic : bool
        Mark the export as synthetic (made-up data, e.g. :func:`synthetic_class`).

    Examples
    --------
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> net = PersonalNetwork(salt="ab" * 16)
    >>> _ = net.add("Sam", "friend"); _ = net.add("Ola", "friend"); net.link("Sam", "Ola")
    >>> data = export_data(net)
    >>> sorted(data["people"][0]), data["links"] == [[p["id"] for p in data["people"]]]
    (['category', 'closeness', 'contact', 'id', 'place'], True)
    """
    salt = network.salt
    ids = {p.id: _hid(salt, f"person:{p.id}") for p in network.people}
    people = sorted(
        ({"id": ids[p.id], **{f: getattr(p, f) for f in _FIELDS}} for p in network.people),
        key=lambda row: row["id"],
    )
    links = sorted(sorted((ids[a], ids[b])) for a, b in network.links)
    m = network.measures()
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "network": _hid(salt, "network"),
        "synthetic": bool(synthetic),
        "age_group": network.age_group,
        "groups": network.groups,
        "people": people,
        "links": links,
        "measures": _rounded(m),
    }


def _rounded(m: Measures) -> dict[str, Any]:
    values = m.as_dict()
    return {k: round(values[k], 4) if k == "density" else values[k] for k in _MEASURE_KEYS}


def export_text(network: PersonalNetwork, *, synthetic: bool = False) -> str:
    """Return the exact text an export file holds (JSON, ASCII only).

    Examples
    --------
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> export_text(PersonalNetwork(salt="ab" * 16)).splitlines()[1]
    ' "age_group": null,'
    """
    data = export_data(network, synthetic=synthetic)
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=True) + "\n"


def export_filename(network: PersonalNetwork) -> str:
    """Return the export's file name, ``my_network_export_<network id>.json``.

    Examples
    --------
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> export_filename(PersonalNetwork(salt="ab" * 16))
    'my_network_export_d7d74ca62ec5.json'
    """
    return f"{EXPORT_PREFIX}{_hid(network.salt, 'network')}.json"


def preview_html(network: PersonalNetwork) -> str:
    """Return HTML showing, in full, the text an export would write (for a notebook)."""
    text = export_text(network)
    n = len(network)
    return (
        f"<p><b>This is everything the export file {html.escape(export_filename(network))} "
        f"will contain</b>: {n} {'person' if n == 1 else 'people'} as random ids with their "
        "categories, who knows whom, your age group, your number of groups and your measures. "
        "No nicknames, no notes.</p>"
        "<pre style='max-height:18em;overflow:auto;border:1px solid #ccc;padding:4px'>"
        f"{html.escape(text)}</pre>"
    )


def export_anonymised(network: PersonalNetwork, path: str | os.PathLike[str] | None = None) -> Path:
    """Write the anonymised export; return its path.

    Parameters
    ----------
    network : PersonalNetwork
        Your network.
    path : path, optional
        A file, or a folder to write :func:`export_filename` in. Default: that name in
        the working folder.

    The file holds exactly :func:`export_text` and is written atomically.
    """
    if path is None:
        target = Path.cwd() / export_filename(network)
    else:
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"A path is text or a pathlib.Path, not {type(path).__name__}.")
        target = Path(path).expanduser()
        if target.is_dir():
            target = target / export_filename(network)
    _write_or_explain(
        target,
        export_text(network),
        f"Could not write the export {target}",
        "Fix: choose a folder you can write to.",
    )
    return target.absolute()


def check_export(data: object) -> dict[str, Any]:
    """Check that ``data`` is a well-formed anonymised export; return it or raise ValueError.

    Strict on purpose: an unknown field (a nickname, a note) makes the file malformed,
    so a class view never shows free text.

    Examples
    --------
    >>> check_export({"format": "netind-teach-my-network"})
    Traceback (most recent call last):
    ...
    ValueError: it is a learner's own network file with nicknames, not an anonymised export: ...
    """
    if not isinstance(data, dict):
        raise ValueError(f"it holds a {type(data).__name__}, not an export")
    if data.get("format") == "netind-teach-my-network":
        raise ValueError(
            "it is a learner's own network file with nicknames, not an anonymised export: "
            "ask for the export instead"
        )
    if data.get("format") != EXPORT_FORMAT:
        raise ValueError(f"it is not a netind-teach export (format {short(data.get('format'))})")
    version = data.get("version")
    if not _is_int(version) or not 1 <= version <= EXPORT_VERSION:
        raise ValueError(f"it has an unknown export version {short(version)}")
    if set(data) != _KEYS:
        odd = sorted(set(data) ^ _KEYS)
        raise ValueError(f"its fields are not an export's (check {odd[:3]})")
    if not isinstance(data["network"], str) or not _HEX12.fullmatch(data["network"]):
        raise ValueError("its network id is not 12 hex digits")
    if not isinstance(data["synthetic"], bool):
        raise ValueError("its 'synthetic' flag is not true or false")
    people = _check_profile(data)
    ids: set[str] = set()
    for i, p in enumerate(people, start=1):
        if not isinstance(p, dict) or set(p) != {"id", *_FIELDS}:
            raise ValueError(f"person {i} has missing or extra fields")
        if not isinstance(p["id"], str) or not _HEX12.fullmatch(p["id"]) or p["id"] in ids:
            raise ValueError(f"person {i} has a bad or repeated id")
        ids.add(p["id"])
        _check_choices(i, p)
    _check_links(data["links"], ids)
    measures = data["measures"]
    if not isinstance(measures, dict) or set(measures) != set(_MEASURE_KEYS):
        raise ValueError("its 'measures' are missing or incomplete")
    for key, value in measures.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise ValueError(f"its measure {key!r} is not a number")
    return data


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and check one export file; raise ValueError saying what is wrong with it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> written = export_anonymised(PersonalNetwork(salt="ab" * 16), tempfile.mkdtemp())
    >>> read_export(written)["network"]
    'd7d74ca62ec5'
    """
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValueError(f"it is {size:,} bytes, too large for an export")
        raw = target.read_bytes()
    except OSError as exc:
        raise ValueError(f"it cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("it is not text") from None
    except ValueError:
        raise ValueError("it is not valid JSON") from None
    return check_export(data)
