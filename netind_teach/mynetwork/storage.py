"""Saving your network on your own computer: one JSON file, written atomically.

Where: ``my_network.json`` (:data:`FILENAME`) in your working folder, the folder the
notebook runs in, unless you give another path. Nothing is sent anywhere.

How: :func:`save_network` writes through :func:`netind_teach.progress.atomic_write_text`:
the text goes to a temporary file in the same folder, which is flushed, ``fsync``-ed and
moved over the old file with :func:`os.replace`, so a crash leaves the old file or the new
one, never half of one. The temporary file is created by :func:`tempfile.mkstemp`, which
makes it readable and writable by you only (mode ``0o600`` on Linux and macOS; on Windows
your user folder's permissions apply), and the move keeps that mode.

Reading: :func:`open_network` loads the file. A broken network file (cut short by a
crash, damaged by hand) is never deleted or overwritten: it is renamed
``my_network.corrupt-<time>.json`` beside it, a message says so, and you start afresh. A
file that is not a network file at all (another program's JSON, an export, a file from a
newer course version) or cannot be read (permissions) is left exactly as it is, and saving
is switched off, so it cannot be replaced by accident.

To delete your data, delete ``my_network.json`` (and any ``my_network.corrupt-*.json`` and
``my_network_export_*.json``) in the file browser, or call :func:`delete_saved`.

Examples
--------
>>> import tempfile, pathlib
>>> from netind_teach.mynetwork.model import PersonalNetwork
>>> path = pathlib.Path(tempfile.mkdtemp()) / FILENAME
>>> net = PersonalNetwork(salt="0" * 32)
>>> _ = net.add("Sam", "friend")
>>> _ = save_network(net, path)
>>> opened = open_network(path)
>>> opened.network == net, opened.can_save
(True, True)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netind_teach.progress import ProgressError, atomic_write_text
from netind_teach.vocab import AGE_GROUPS

from .model import _CHOICES, _FIELDS, _ID, _SALT, MAX_GROUPS, MAX_PEOPLE, short

if TYPE_CHECKING:
    from .model import PersonalNetwork

__all__ = [
    "FILENAME",
    "FILE_FORMAT",
    "FILE_VERSION",
    "MAX_FILE_BYTES",
    "ForeignFileError",
    "Opened",
    "SaveError",
    "check_file_data",
    "default_path",
    "delete_saved",
    "file_text",
    "open_network",
    "resolve_path",
    "save_network",
    "set_aside",
]

#: Name of the file your network is saved in, in your working folder.
FILENAME = "my_network.json"
#: ``format`` field of a network file.
FILE_FORMAT = "netind-teach-my-network"
#: Newest ``version`` of the network file this code writes and reads.
FILE_VERSION = 1
#: Files larger than this are not network files (150 people fit in about 40 kB).
MAX_FILE_BYTES = 2_000_000

_EXPORT_FORMAT = "netind-teach-network-export"


class SaveError(OSError):
    """Your network could not be saved (the message says why and what to do)."""


class ForeignFileError(ValueError):
    """The file is not a network file this version can read: another program's JSON, an
    export, or a file from a newer course version. It is left exactly as it is."""


def default_path(folder: str | os.PathLike[str] | None = None) -> Path:
    """Return where your network is saved: ``my_network.json`` in ``folder`` (default: here).

    Examples
    --------
    >>> default_path("/home/ana/course").as_posix()
    '/home/ana/course/my_network.json'
    """
    base = Path.cwd() if folder is None else Path(folder).expanduser()
    return (base / FILENAME).absolute()


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The file to use for ``path``: a folder means ``my_network.json`` inside it.

    Examples
    --------
    >>> import tempfile
    >>> resolve_path(tempfile.gettempdir()).name
    'my_network.json'
    """
    if path is None:
        return default_path()
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"A path is text or a pathlib.Path, not {type(path).__name__}.")
    candidate = Path(path).expanduser()
    if candidate.is_dir():
        return default_path(candidate)
    return candidate.absolute()


def check_file_data(data: object) -> dict[str, Any]:
    """Check the structure of network-file data; return it, or raise ValueError.

    Nicknames are checked when the network is rebuilt
    (:meth:`~netind_teach.mynetwork.model.PersonalNetwork.from_dict`).

    Examples
    --------
    >>> check_file_data({"format": "something else"})
    Traceback (most recent call last):
    ...
    netind_teach.mynetwork.storage.ForeignFileError: it is not a netind-teach network file ...
    """
    if not isinstance(data, dict):
        raise ForeignFileError(f"it is not a netind-teach network file (it holds a {_kind(data)})")
    if data.get("format") == _EXPORT_FORMAT:
        raise ForeignFileError(
            "it is an anonymised export, not a network file: exports carry no nicknames and "
            "cannot be turned back into your network"
        )
    if "format" not in data:
        raise ForeignFileError("it is not a netind-teach network file (it has no 'format' field)")
    if data["format"] != FILE_FORMAT:
        raise ForeignFileError(
            f"it is not a netind-teach network file (its 'format' is {short(data['format'])})"
        )
    version = data.get("version")
    if _is_int(version) and version > FILE_VERSION:
        raise ForeignFileError(
            f"it was saved by a newer netind-teach (file version {version}); update the course "
            "package to open it"
        )
    if not _is_int(version) or version < 1:
        raise ValueError(f"its version {short(version)} is not a file version")
    expected = {"format", "version", "salt", "age_group", "groups", "next_id", "people", "links"}
    if set(data) != expected:
        odd = sorted(set(data) ^ expected)
        raise ValueError(f"its fields are not those of a network file (check {odd[:3]})")
    if not isinstance(data["salt"], str) or not _SALT.fullmatch(data["salt"]):
        raise ValueError("its 'salt' is not 32 hex digits")
    people = _check_profile(data)
    ids: set[str] = set()
    top = 0
    for i, p in enumerate(people, start=1):
        if not isinstance(p, dict) or set(p) != {"id", "nickname", *_FIELDS}:
            raise ValueError(f"person {i} has missing or extra fields")
        if not isinstance(p["id"], str) or not _ID.fullmatch(p["id"]) or p["id"] in ids:
            raise ValueError(f"person {i} has a bad or repeated id {short(p['id'])}")
        ids.add(p["id"])
        top = max(top, int(p["id"][1:]))
        if not isinstance(p["nickname"], str):
            raise ValueError(f"person {i}'s nickname is not text")
        _check_choices(i, p)
    if not _is_int(data["next_id"]) or not top < data["next_id"] < 10**6:
        raise ValueError("its 'next_id' is not above every person's id")
    _check_links(data["links"], ids)
    return data


def _write_or_explain(target: Path, text: str, what: str, fix: str) -> None:
    """Write ``text`` atomically; on failure raise :class:`SaveError` with the reason."""
    try:
        atomic_write_text(target, text)
    except ProgressError as exc:
        cause = exc.__cause__
        reason = getattr(cause, "strerror", None) or str(cause or exc)
        raise SaveError(f"{what} ({reason}). {fix}") from exc


# -- checks a network file and an anonymised export share ---------------------------------
def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_profile(data: dict[str, Any]) -> list[Any]:
    """Check the age group, the number of groups and the people list; return the list."""
    if data["age_group"] is not None and data["age_group"] not in AGE_GROUPS:
        raise ValueError(f"its age group {short(data['age_group'])} is unknown")
    if not _is_int(data["groups"]) or not 0 <= data["groups"] <= MAX_GROUPS:
        raise ValueError(f"its 'groups' ({short(data['groups'])}) is not 0 to {MAX_GROUPS}")
    people = data["people"]
    if not isinstance(people, list) or len(people) > MAX_PEOPLE:
        raise ValueError(f"its 'people' is not a list of at most {MAX_PEOPLE} people")
    return people


def _check_choices(i: int, person: dict[str, Any]) -> None:
    """Check that person ``i``'s category, closeness and contact are known values."""
    for field in _FIELDS:
        if person[field] not in _CHOICES[field]:
            raise ValueError(f"person {i}'s {field} {short(person[field])} is unknown")


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


def _kind(data: object) -> str:
    return {list: "list", str: "string"}.get(type(data), type(data).__name__)


def file_text(network: PersonalNetwork) -> str:
    """Return the exact text :func:`save_network` writes for ``network``.

    Examples
    --------
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> net = PersonalNetwork(salt="0" * 32)
    >>> _ = net.add("Sam", "friend")
    >>> print(file_text(net))
    {
     "format": "netind-teach-my-network",
     "version": 1,
     "salt": "00000000000000000000000000000000",
     "age_group": null,
     "groups": 0,
     "next_id": 2,
     "people": [
      {"id": "p1", "nickname": "Sam", "category": "friend", "closeness": "close",
       "contact": "in person", "place": "local"}
     ],
     "links": []
    }
    <BLANKLINE>
    >>> json.loads(file_text(net)) == net.to_dict()
    True
    """
    data = network.to_dict()
    lines = [
        f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},"
        for key, value in data.items()
        if key not in ("people", "links")
    ]
    # One person per line: readable, and json's fast C encoder (indent= would not use it).
    people = ",\n".join(f"  {json.dumps(p, ensure_ascii=False)}" for p in data["people"])
    return (
        "\n".join(
            [
                "{",
                *lines,
                ' "people": [' + (f"\n{people}\n ]," if people else "],"),
                f' "links": {json.dumps(data["links"])}',
                "}",
            ]
        )
        + "\n"
    )


def save_network(network: PersonalNetwork, path: str | os.PathLike[str] | None = None) -> Path:
    """Save ``network`` atomically (readable by you only where the system allows).

    Returns the file's path. Raises :class:`SaveError` with the reason when the folder
    cannot be written; the previous file, if any, is then unchanged.
    """
    target = resolve_path(path)
    _write_or_explain(
        target,
        file_text(network),
        f"Could not save your network to {target}",
        "Your changes are kept in this session. Fix: make the folder writable, or create "
        "the builder with path= a folder you can write to.",
    )
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)  # already 0o600 from mkstemp; a no-op on Windows
    return target


@dataclass(frozen=True)
class Opened:
    """What :func:`open_network` found.

    Attributes
    ----------
    network : PersonalNetwork or None
        The saved network; None when there was none to load (start a new one).
    path : pathlib.Path
        The file.
    message : str
        What happened, in a sentence (empty when a file loaded cleanly or none existed).
    can_save : bool
        False when an existing file could not be read: saving would replace it.
    set_aside : pathlib.Path or None
        Where a broken file was moved.
    """

    network: PersonalNetwork | None
    path: Path
    message: str = ""
    can_save: bool = True
    set_aside: Path | None = None


def open_network(path: str | os.PathLike[str] | None = None) -> Opened:
    """Load your saved network; set a broken file aside (renamed, never deleted).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> open_network(folder).network is None
    True
    >>> _ = (folder / FILENAME).write_text("{not json", encoding="utf-8")
    >>> opened = open_network(folder)
    >>> opened.set_aside.name.startswith("my_network.corrupt-"), (folder / FILENAME).exists()
    (True, False)
    """
    from .model import PersonalNetwork

    target = resolve_path(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            return _left_alone(target, f"it is {size:,} bytes, far too large for a network file")
        raw = target.read_bytes()
    except FileNotFoundError:
        return Opened(None, target)
    except OSError as exc:
        return Opened(
            None,
            target,
            f"Your saved network {target} could not be read ({exc.strerror or exc}). It was "
            "left as it is and nothing will be saved over it. Fix: check the file's "
            "permissions, or use another path=.",
            can_save=False,
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _broken(target, "it is not text")
    except ValueError:
        return _broken(target, "it is not valid JSON (perhaps it was cut short)")
    try:
        network = PersonalNetwork.from_dict(data)
    except ForeignFileError as exc:
        return _left_alone(target, str(exc))
    except (ValueError, TypeError) as exc:
        return _broken(target, str(exc))
    return Opened(network, target)


def _left_alone(target: Path, reason: str) -> Opened:
    return Opened(
        None,
        target,
        f"{target.name} was not opened: {reason}. It was left as it is and nothing will be "
        "saved over it. Fix: give the builder another file (path=...), or move that file.",
        can_save=False,
    )


def _broken(target: Path, reason: str) -> Opened:
    try:
        spare = set_aside(target)
    except OSError as exc:
        return Opened(
            None,
            target,
            f"Your saved network {target.name} could not be read ({reason}) nor renamed "
            f"({exc.strerror or exc}); it was left as it is and nothing will be saved over "
            "it. Fix: move the file away, then run the cell again.",
            can_save=False,
        )
    return Opened(
        None,
        target,
        f"Your saved network {target.name} could not be read ({reason}). It was kept as "
        f"{spare.name} in the same folder and a new, empty network was started.",
        set_aside=spare,
    )


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename ``path`` to ``<stem>.corrupt-<time>.json`` beside it; return the new path.

    Never overwrites: a counter is added when that name exists.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> broken = pathlib.Path(tempfile.mkdtemp()) / "my_network.json"
    >>> _ = broken.write_text("?", encoding="utf-8")
    >>> set_aside(broken).read_text(encoding="utf-8")
    '?'
    """
    source = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    counter = 1
    while True:
        tail = "" if counter == 1 else f"-{counter}"
        spare = source.with_name(f"{source.stem}.corrupt-{stamp}{tail}{source.suffix}")
        if not spare.exists():
            break
        counter += 1
    os.replace(source, spare)
    return spare


_LEFTOVERS = re.compile(r"my_network(\.corrupt-[0-9-]+|_export_[0-9a-f]+)?\.json")


def delete_saved(path: str | os.PathLike[str] | None = None, *, confirm: bool = False) -> str:
    """Delete your saved network (and its set-aside copies and exports beside it).

    Nothing is deleted unless ``confirm=True``; without it you get the list of files that
    would go. Files are matched by name in the folder of ``path``: ``my_network.json``,
    ``my_network.corrupt-*.json`` and ``my_network_export_*.json``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "my_network.json").write_text("{}", encoding="utf-8")
    >>> print(delete_saved(folder))
    Would delete 1 file: my_network.json. Run delete_saved(..., confirm=True) to delete.
    >>> print(delete_saved(folder, confirm=True))
    Deleted 1 file: my_network.json.
    """
    target = resolve_path(path)
    names = {p.name for p in target.parent.glob("my_network*.json") if p.is_file()}
    found = sorted(n for n in names if _LEFTOVERS.fullmatch(n))
    if target.is_file() and target.name not in found:
        found.insert(0, target.name)
    if not found:
        return f"Nothing to delete: no saved network in {target.parent}."
    listing = f"{len(found)} file{'s' if len(found) != 1 else ''}: {', '.join(found)}"
    if not confirm:
        return f"Would delete {listing}. Run delete_saved(..., confirm=True) to delete."
    for name in found:
        (target.parent / name).unlink()
    return f"Deleted {listing}."
