"""Saving your network on your own computer: one JSON file, written atomically.

Where: ``my_network.json`` (:data:`FILENAME`) in your working folder, the folder the
notebook runs in, unless you give another path. Nothing is sent anywhere.

How: :func:`save_network` writes through the course's one store (:mod:`netind_teach.store`):
under a lock that every kernel respects, the text goes to a temporary file in the same
folder, which is flushed, ``fsync``-ed and moved over the old file with :func:`os.replace`,
so a crash leaves the old file or the new one, never half of one. The temporary file is
created by :func:`tempfile.mkstemp`, which makes it readable and writable by you only
(mode ``0o600`` on Linux and macOS; on Windows your user folder's permissions apply), and
the move keeps that mode. A path that does not end in ``.json`` is a folder (created when
saving) that holds ``my_network.json``.

Reading: :func:`open_network` loads the file. A broken network file (cut short by a
crash, damaged by hand, nested a million levels deep) is never deleted or overwritten: it
is renamed ``my_network.corrupt-<time>.json`` beside it, a message says so, and you start
afresh. A file that is not a network file at all (another program's JSON, an export, a
file from a newer course version: the message says to update the course), cannot be read
(permissions) or is not a regular file (a pipe or device) is left exactly as it is, and
saving is switched off, so it cannot be replaced by accident. Temporary files a killed
save left behind are removed when the file is next opened.

To delete your data, call :func:`delete_saved`: it deletes ``my_network.json`` and every
copy beside it (``my_network.corrupt-*.json``, ``my_network_export_*.json``, hidden
temporary files of interrupted saves and the lock file).

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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from netind_teach import store
from netind_teach.store import FileProblem

from .fileformat import (
    FILE_FORMAT,
    FILE_VERSION,
    MAX_FILE_BYTES,
    NOT_A_NETWORK,
    check_network_data,
)

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
    "network_spec",
    "open_network",
    "resolve_path",
    "save_network",
    "set_aside",
    "write_explained",
]

#: Name of the file your network is saved in, in your working folder.
FILENAME = "my_network.json"

#: A file that is not ours to touch (another program's JSON, an export, a newer version's).
ForeignFileError = FileProblem
#: Set a broken file aside (one naming scheme for every course file).
set_aside = store.set_aside
#: Check the structure of network-file data (see :mod:`.fileformat`).
check_file_data = check_network_data


class SaveError(store.WriteError):
    """Your network could not be saved (the message says why and what to do).

    Parameters
    ----------
    message : str
        What could not be saved, why and what to do.
    reason : str, optional
        The system's short reason.
    """


def default_path(folder: str | os.PathLike[str] | None = None) -> Path:
    """Return where your network is saved: ``my_network.json`` in ``folder`` (default: here).

    Parameters
    ----------
    folder : str or os.PathLike, optional
        The folder (default: the working folder).

    Returns
    -------
    pathlib.Path
        The file (not created).

    Examples
    --------
    >>> default_path("/home/ana/course").as_posix()
    '/home/ana/course/my_network.json'
    """
    base = Path.cwd() if folder is None else Path(folder).expanduser()
    return (base / FILENAME).absolute()


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """Return the file to use for ``path``.

    A name ending ``.json`` is the file; anything else is a folder (created when saving)
    holding ``my_network.json``.

    Parameters
    ----------
    path : str or os.PathLike or None
        A ``.json`` file, a folder, or None for the working folder.

    Returns
    -------
    pathlib.Path
        The file.

    Examples
    --------
    >>> import tempfile
    >>> resolve_path(tempfile.gettempdir()).name
    'my_network.json'
    >>> resolve_path("new/dir").parts[-3:]
    ('new', 'dir', 'my_network.json')
    """
    if path is None:
        return default_path()
    return store.file_path(path, FILENAME)


def network_spec(path: Path) -> store.Spec:
    """How :mod:`netind_teach.store` reads a network file at ``path``.

    Parameters
    ----------
    path : pathlib.Path
        The file (named in messages).

    Returns
    -------
    netind_teach.store.Spec
        What the store checks.
    """
    from .model import PersonalNetwork

    return store.Spec(
        format=FILE_FORMAT,
        version=FILE_VERSION,
        what=f"Your saved network {path.name}",
        noun="a netind-teach network file",
        others=NOT_A_NETWORK,
        fix="give the builder another file (path=...), or move that file, then run the cell "
        "again.",
        check=PersonalNetwork.from_dict,
        max_bytes=MAX_FILE_BYTES,
    )

def file_text(network: PersonalNetwork) -> str:
    """Return the exact text :func:`save_network` writes for ``network``.

    Parameters
    ----------
    network : PersonalNetwork
        The network.

    Returns
    -------
    str
        The file's text.

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
    """Save ``network`` atomically, under the file's lock.

    The file is readable by you only where the system allows.

    ``path``: a file ending ``.json``, or a folder (created if needed) for
    ``my_network.json``. Returns the file's path. Raises :class:`SaveError` with the reason
    when the folder cannot be written; the previous file, if any, is then unchanged.

    Parameters
    ----------
    network : PersonalNetwork
        The network.
    path : str or os.PathLike, optional
        A file ending ``.json``, or a folder for ``my_network.json`` (default: the working folder).

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.mynetwork.model import PersonalNetwork
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "new" / "dir"
    >>> save_network(PersonalNetwork(), folder).relative_to(folder).as_posix()
    'my_network.json'
    """
    target = resolve_path(path)
    write_explained(
        target,
        file_text(network),
        f"Could not save your network to {target}",
        "Your changes are kept in this session. Fix: make the folder writable, or create "
        "the builder with path= a folder you can write to.",
    )
    with contextlib.suppress(OSError):
        os.chmod(target, 0o600)  # already 0o600 from mkstemp; a no-op on Windows
    return target


def write_explained(target: Path, text: str, what: str, fix: str) -> None:
    """Write ``text`` atomically; on failure raise :class:`SaveError`: ``what (reason). fix``.

    Parameters
    ----------
    target : pathlib.Path
        The file.
    text : str
        Its new content.
    what : str
        The message's start ("Could not save ...").
    fix : str
        The message's end: what to do.
    """
    try:
        store.write_text(target, text)
    except store.WriteError as exc:
        raise SaveError(f"{what} ({exc.reason}). {fix}", exc.reason) from exc


@dataclass(frozen=True)
class Opened:
    """What :func:`open_network` found.

    Parameters
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

    Never raises for any file content: a FIFO, a device, a file nested a million levels
    deep or a newer version's file each get a one-line message.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A file ending ``.json``, or a folder for ``my_network.json`` (default: the working folder).

    Returns
    -------
    Opened
        The network (or None), the file and a message.

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
    target = resolve_path(path)
    loaded = store.load(target, network_spec(target))
    return Opened(loaded.value, target, loaded.message, loaded.can_save, loaded.set_aside)


_EXPORTS = re.compile(r"my_network_export_[0-9a-f]+\.json")


def delete_saved(path: str | os.PathLike[str] | None = None, *, confirm: bool = False) -> str:
    """Delete your saved network and every copy of it beside it.

    Nothing is deleted unless ``confirm=True``; without it you get the list of files that
    would go. In the folder of ``path``: ``my_network.json``, its set-aside copies
    ``my_network.corrupt-*.json``, hidden temporary files an interrupted save left
    (``.my_network.json.*.tmp``, which hold nicknames too), its lock file, and exports
    ``my_network_export_*.json``.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A file ending ``.json``, or a folder for ``my_network.json`` (default: the working folder).
    confirm : bool
        Delete only when True; otherwise list what would go.

    Returns
    -------
    str
        What was (or would be) deleted, in a sentence.

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
    exports = [
        p for p in target.parent.glob("my_network_export_*.json") if _EXPORTS.fullmatch(p.name)
    ]
    found = {p.name for f in [target, *exports] for p in store.copies(f)}
    shown = sorted(n for n in found if not n.endswith((".lock", ".lock-held")))
    if not shown:
        return f"Nothing to delete: no saved network in {target.parent}."
    listing = f"{len(shown)} file{'s' if len(shown) != 1 else ''}: {', '.join(shown)}"
    if not confirm:
        return f"Would delete {listing}. Run delete_saved(..., confirm=True) to delete."
    with store.lock(target):
        for name in shown:
            with contextlib.suppress(FileNotFoundError):
                (target.parent / name).unlink()
    for name in sorted(found - set(shown)):  # the lock files last, once released
        with contextlib.suppress(OSError):
            (target.parent / name).unlink()
    return f"Deleted {listing}."
