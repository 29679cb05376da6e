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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netind_teach import store

from .fileformat import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    MAX_FILE_BYTES,
    MEASURE_KEYS,
    PERSON_FIELDS,
)
from .fileformat import check_export_data as check_export  # the public name, one check
from .model import Measures
from .storage import write_explained

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

#: Export file names start with this (then the network's id, then ``.json``).
EXPORT_PREFIX = "my_network_export_"

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

    Returns
    -------
    dict
        The export's fields.

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
        ({"id": ids[p.id], **{f: getattr(p, f) for f in PERSON_FIELDS}} for p in network.people),
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
    return {k: round(values[k], 4) if k == "density" else values[k] for k in MEASURE_KEYS}


def export_text(network: PersonalNetwork, *, synthetic: bool = False) -> str:
    """Return the exact text an export file holds (JSON, ASCII only).

    Parameters
    ----------
    network : PersonalNetwork
        Your network.
    synthetic : bool
        Mark it as synthetic (made-up data).

    Returns
    -------
    str
        The file's text.

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

    Parameters
    ----------
    network : PersonalNetwork
        Your network.

    Returns
    -------
    str
        The name.

    Examples
    --------
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> export_filename(PersonalNetwork(salt="ab" * 16))
    'my_network_export_d7d74ca62ec5.json'
    """
    return f"{EXPORT_PREFIX}{_hid(network.salt, 'network')}.json"


def preview_html(network: PersonalNetwork) -> str:
    """Return HTML showing, in full, the text an export would write (for a notebook).

    Parameters
    ----------
    network : PersonalNetwork
        Your network.

    Returns
    -------
    str
        HTML.
    """
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

    The file holds exactly :func:`export_text` and is written atomically.

    Parameters
    ----------
    network : PersonalNetwork
        Your network.
    path : path, optional
        A file ending ``.json``, or a folder (created if needed) to write
        :func:`export_filename` in. Default: that name in the working folder.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    name = export_filename(network)
    target = Path.cwd() / name if path is None else store.file_path(path, name)
    write_explained(
        target,
        export_text(network),
        f"Could not write the export {target}",
        "Fix: choose a folder you can write to.",
    )
    return target.absolute()


def read_export(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and check one export file; raise ValueError saying what is wrong with it.

    Never anything else: a pipe or device named ``*.json`` is refused without being read
    (no hang), and a file nested too deeply, not text or not JSON gets a one-line reason.

    Parameters
    ----------
    path : str or os.PathLike
        The export file.

    Returns
    -------
    dict
        Its checked data.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> written = export_anonymised(PersonalNetwork(salt="ab" * 16), tempfile.mkdtemp())
    >>> read_export(written)["network"]
    'd7d74ca62ec5'
    """
    try:
        data = store.read_json(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise store.FileProblem("it no longer exists", "unreadable") from None
    return check_export(data)
