"""The datasets' Frictionless Data Package: its metadata, and each file's bytes, checked.

``datapackage.json`` (in the folder :func:`netind_teach._resources.datasets_dir` returns)
lists every resource and derived dataset; :func:`read_file` returns a resource's bytes
after checking them against the package's sha256 checksum.

Examples
--------
>>> entry("karate_club")["networkx"]
'karate_club_graph'
>>> len(read_file("wellman_models", entry("wellman_models"))) == entry("wellman_models")["bytes"]
True
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from netind_teach._resources import datasets_dir

from .hashes import sha256_of

__all__ = [
    "PACKAGE_FILE",
    "REINSTALL",
    "DatasetError",
    "entries",
    "entry",
    "fields",
    "read_file",
    "read_package",
]

#: Name of the metadata file inside the datasets folder.
PACKAGE_FILE = "datapackage.json"
#: What to do about a missing, damaged or unreadable dataset file.
REINSTALL = (
    "reinstall the course package (pip install --force-reinstall netind-teach), or in a "
    "git checkout restore the file (git checkout -- datasets/); then run "
    "`netind-teach doctor` to check every dataset"
)


class DatasetError(ValueError):
    """A dataset is unknown, missing, damaged or malformed.

    Parameters
    ----------
    dataset : str
        The dataset's name (or ``"datapackage.json"``).
    problem : str
        What is wrong.
    fix : str
        What to do about it.

    Examples
    --------
    >>> err = DatasetError("gss_numgiven", "its file is missing", "reinstall")
    >>> str(err)
    "Dataset 'gss_numgiven': its file is missing. Fix: reinstall."
    """

    def __init__(self, dataset: str, problem: str, fix: str) -> None:
        self.dataset, self.problem, self.fix = dataset, problem, fix
        super().__init__(f"Dataset {dataset!r}: {problem}. Fix: {fix}.")


DatasetError.__module__ = "netind_teach.datasets"  # where learners meet it


def read_package() -> dict[str, Any]:
    """Return ``datapackage.json`` as a dict, or raise a :class:`DatasetError` saying why not.

    Returns
    -------
    dict
        The package, with a list of ``resources``.

    Examples
    --------
    >>> isinstance(read_package()["resources"], list)
    True
    """
    path = datasets_dir() / PACKAGE_FILE
    if not path.is_file():
        raise DatasetError(PACKAGE_FILE, f"the file is missing from {path}", REINSTALL)
    try:
        package = json.loads(_read_bytes(PACKAGE_FILE, path).decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DatasetError(PACKAGE_FILE, f"the file is not valid JSON ({exc})", REINSTALL) from exc
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DatasetError(PACKAGE_FILE, "the file has no list of resources", REINSTALL)
    return package


def entries(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Return the resources and derived datasets of ``package`` by name, in package order.

    Parameters
    ----------
    package : dict
        As :func:`read_package` returns it.

    Returns
    -------
    dict
        Name -> metadata entry.
    """
    found = {r["name"]: r for r in package["resources"]}
    for derived in package.get("derived_datasets", []):
        found[derived["name"]] = derived
    return found


def entry(name: str, package: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the metadata of dataset ``name``; an unknown name suggests close ones.

    Parameters
    ----------
    name : str
        A dataset's name.
    package : dict, optional
        As :func:`read_package` returns it (read afresh when not given).

    Returns
    -------
    dict
        The dataset's entry in ``datapackage.json``.

    Raises
    ------
    DatasetError
        No dataset has that name.
    TypeError
        ``name`` is not a string.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"A dataset name must be a string, not {type(name).__name__}. Fix: see list_datasets()."
        )
    known = entries(read_package() if package is None else package)
    if name not in known:
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise DatasetError(
            name,
            f"there is no dataset of that name.{hint} Known datasets: " + ", ".join(known),
            "use one of the names list_datasets() returns",
        )
    return known[name]


def fields(item: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the columns (a table's schema) or attributes (a network's) of an entry.

    Parameters
    ----------
    item : dict
        An entry, as :func:`entry` returns it.

    Returns
    -------
    list of dict
        Each with ``name``, ``type``, ``description`` and optionally ``unit`` and ``on``.
    """
    if "schema" in item:
        return list(item["schema"]["fields"])
    return list(item.get("attributes", []))


def read_file(name: str, item: dict[str, Any]) -> bytes:
    """Return the bytes of a resource's file after checking its sha256 checksum.

    Parameters
    ----------
    name : str
        The dataset's name (for messages).
    item : dict
        Its entry (with ``path`` and ``hash``).

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    DatasetError
        The file is missing, unreadable, or does not match its checksum.
    """
    file = datasets_dir() / item["path"]
    if not file.is_file():
        raise DatasetError(
            name, f"its file {item['path']} is missing from {datasets_dir()}", REINSTALL
        )
    data = _read_bytes(name, file)
    algorithm, _, expected = item.get("hash", "").partition(":")
    if algorithm != "sha256" or not expected:
        raise DatasetError(name, "datapackage.json gives no sha256 hash for it", REINSTALL)
    if sha256_of(data) != item["hash"]:
        raise DatasetError(
            name,
            f"its file {item['path']} does not match the checksum in datapackage.json (it "
            "was changed, truncated or damaged)",
            REINSTALL + " (if you changed the file on purpose, record the new checksum with "
            "netind_teach.datasets.refresh_hashes())",
        )
    return data


def _read_bytes(name: str, file: Any) -> bytes:
    """Return the file's bytes, or a DatasetError that says why it cannot be read and what to do."""
    try:
        return bytes(file.read_bytes())
    except PermissionError as exc:
        raise DatasetError(
            name,
            f"its file {file} cannot be read (permission denied)",
            f"make it readable (e.g. chmod a+r '{file}'), or {REINSTALL}",
        ) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DatasetError(name, f"its file {file} cannot be read ({reason})", REINSTALL) from exc

