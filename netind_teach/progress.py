"""Per-lesson progress, saved locally as one small JSON file.

What is saved: which exercises of which lesson a learner has answered correctly, the
text of their reflections, and for each exercise how many answers were checked, how many
hints were seen and whether the answer was shown (``activity``, what a hand-in reports).
Nothing leaves the machine unless the learner writes a hand-in file.

Where it is saved (first match wins):

1. ``$NETIND_TEACH_HOME/progress.json`` when the environment variable ``NETIND_TEACH_HOME``
   is set (tests and shared JupyterHub set-ups use it);
2. otherwise the platform's per-user data folder:

   - Linux and other Unix: ``$XDG_DATA_HOME/netind-teach`` or ``~/.local/share/netind-teach``
   - macOS: ``~/Library/Application Support/netind-teach``
   - Windows: ``%APPDATA%\\netind-teach`` (``~\\AppData\\Roaming\\netind-teach`` if unset)

The file is written atomically: a temporary file in the same folder is written, flushed,
``fsync``-ed and then moved over the old file with :func:`os.replace`, so a kernel killed
mid-save leaves either the old or the new file, never a broken one (a temporary file such a
kill leaves behind is removed by a later save, once it is an hour old). A file that cannot be
read (corrupt, or not a netind-teach progress file) is never deleted: it is renamed to
``progress.json.corrupt-<timestamp>`` beside it, a message says so, and a fresh record starts.

There is no global state: a :class:`Progress` object only holds the file's path and reads
the file afresh on every call, so several objects (or kernels) can share one file.

Examples
--------
>>> import tempfile, pathlib
>>> p = Progress(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
>>> p.mark_done("00", "coined")
>>> p.done("00")
('coined',)
>>> p.summary("00", ["coined", "models", "share"])
'1 of 3 done'
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = [
    "ENV_VAR",
    "FILENAME",
    "Progress",
    "ProgressError",
    "ProgressFileWarning",
    "atomic_write_text",
    "data_dir",
    "default_path",
    "progress_text",
]

#: Environment variable that overrides the folder progress is saved in.
ENV_VAR = "NETIND_TEACH_HOME"
#: Name of the progress file inside that folder.
FILENAME = "progress.json"

_APP = "netind-teach"
_FORMAT = "netind-teach-progress"
_VERSION = 1


class ProgressFileWarning(UserWarning):
    """A progress file could not be read and was set aside (renamed, not deleted)."""


class ProgressError(OSError):
    """Progress could not be saved (for example, a read-only folder)."""


def data_dir(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: str | os.PathLike[str] | None = None,
) -> Path:
    """Return the folder where netind-teach keeps a learner's files.

    Parameters
    ----------
    environ : mapping, optional
        Environment to read (default :data:`os.environ`).
    platform : str, optional
        ``sys.platform`` value to assume (default the running platform).
    home : path, optional
        Home folder to assume (default :meth:`pathlib.Path.home`).

    Returns
    -------
    pathlib.Path
        ``$NETIND_TEACH_HOME`` if set, else the platform's per-user data folder.

    Examples
    --------
    >>> data_dir({"NETIND_TEACH_HOME": "/srv/course"}).as_posix()
    '/srv/course'
    >>> data_dir({}, platform="linux", home="/home/ana").as_posix()
    '/home/ana/.local/share/netind-teach'
    >>> data_dir({"XDG_DATA_HOME": "/data"}, platform="linux", home="/home/ana").as_posix()
    '/data/netind-teach'
    >>> data_dir({}, platform="darwin", home="/Users/ana").as_posix()
    '/Users/ana/Library/Application Support/netind-teach'
    """
    env = os.environ if environ is None else environ
    override = env.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    plat = sys.platform if platform is None else platform
    base_home = Path(home) if home is not None else Path.home()
    if plat.startswith("win"):
        appdata = env.get("APPDATA", "").strip()
        root = Path(appdata) if appdata else base_home / "AppData" / "Roaming"
    elif plat == "darwin":
        root = base_home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "").strip()
        root = Path(xdg) if xdg and Path(xdg).is_absolute() else base_home / ".local" / "share"
    return root / _APP


def default_path() -> Path:
    """Return the progress file's path as the environment says now (see module docstring).

    Examples
    --------
    >>> default_path().name
    'progress.json'
    """
    return data_dir() / FILENAME


def progress_text(done: int, total: int) -> str:
    """Return the words a progress bar shows, e.g. ``'4 of 7 done'``.

    Examples
    --------
    >>> progress_text(4, 7)
    '4 of 7 done'
    >>> progress_text(3, 3)
    'all 3 done'
    """
    if total > 0 and done >= total:
        return f"all {total} done"
    return f"{done} of {total} done"


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that the file is either old or new, never half-written.

    The text goes to a temporary file in the same folder, which is flushed, ``fsync``-ed
    and moved over ``path`` with :func:`os.replace`. If anything fails the temporary file
    is removed and the old file is left as it was.

    Raises
    ------
    ProgressError
        When the folder cannot be created or written (the message names the path).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> atomic_write_text(target, "hello")
    >>> target.read_text(encoding="utf-8")
    'hello'
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise ProgressError(
            f"cannot write in {target.parent} ({exc.strerror or exc}). Fix: set the "
            f"environment variable {ENV_VAR} to a folder you can write to."
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp_name, target)
        _fsync_folder(target.parent)
        _remove_stale_temps(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise ProgressError(
                f"cannot save {target} ({exc.strerror or exc}); the previous file is "
                f"unchanged. Fix: check the folder is writable or set {ENV_VAR}."
            ) from exc
        raise


def _remove_stale_temps(target: Path, older_than: float = 3600.0) -> None:
    """Delete temporary files an earlier, killed save left behind (after an hour)."""
    limit = time.time() - older_than
    for leftover in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < limit:
                leftover.unlink()


def _replace(source: str, target: Path) -> None:
    # Windows refuses to replace a file another process has open for a moment
    # (virus scanners, a second kernel reading it): retry briefly before giving up.
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 4 or not sys.platform.startswith("win"):
                raise
            time.sleep(0.05 * (attempt + 1))


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: folders cannot be opened for fsync
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"format": _FORMAT, "version": _VERSION, "lessons": {}}


def _problem(data: Any) -> str | None:
    """Return why ``data`` is not a progress record we can use, or None if it is fine."""
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return "it is not a netind-teach progress file"
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > _VERSION:
        return f"it has an unknown format version ({version!r})"
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        return "its 'lessons' entry is missing or broken"
    for lesson, record in lessons.items():
        if not isinstance(record, dict):
            return f"the entry for lesson {lesson!r} is broken"
        for part in ("done", "reflections", "activity"):
            entries = record.get(part, {})
            if not isinstance(entries, dict) or not all(
                isinstance(v, dict) for v in entries.values()
            ):
                return f"the {part!r} entry for lesson {lesson!r} is broken"
        for entry in record.get("reflections", {}).values():
            if not isinstance(entry.get("text"), str):
                return f"a reflection in lesson {lesson!r} has no text"
    return None


def _count(value: Any) -> int:
    """A stored counter as a whole number >= 0 (anything else counts as 0)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return max(value, 0)


def _activity_entry(entry: Any) -> dict[str, Any]:
    """One exercise's activity, with defaults: attempts, hints seen, answer revealed."""
    entry = entry if isinstance(entry, dict) else {}
    return {
        "attempts": _count(entry.get("attempts")),
        "hints": _count(entry.get("hints")),
        "revealed": entry.get("revealed") is True,
    }


@dataclass(frozen=True)
class Progress:
    """A learner's progress record, stored in one JSON file.

    Parameters
    ----------
    path : path, optional
        The JSON file. Default: :func:`default_path` as the environment says when the
        object is created.
    notify : callable, optional
        Receives one-line messages (a file set aside). Default: a
        :class:`ProgressFileWarning`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = Progress(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
    >>> p.is_done("01", "models")
    False
    >>> p.mark_done("01", "models")
    >>> p.is_done("01", "models")
    True
    >>> p.save_reflection("01", "my_circles", "Family and climbing friends.")
    >>> p.reflection("01", "my_circles")
    'Family and climbing friends.'
    >>> p.reset("01")
    >>> p.done("01")
    ()
    """

    path: Path = field(default=None)  # type: ignore[assignment]
    notify: Callable[[str], None] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        resolved = default_path() if self.path is None else Path(self.path).expanduser()
        object.__setattr__(self, "path", resolved)

    # -- reading ---------------------------------------------------------------
    def load(self) -> dict[str, Any]:
        """Return the whole record (a fresh dict); set a broken file aside first.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json").load()["lessons"]
        {}
        """
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _empty()
        except (OSError, UnicodeDecodeError) as exc:
            if isinstance(exc, UnicodeDecodeError):
                return self._set_aside("it is not text")
            self._tell(f"Progress file {self.path} cannot be read ({exc}); starting without it.")
            return _empty()
        try:
            data = json.loads(raw)
        except ValueError:
            return self._set_aside("it is not valid JSON (perhaps a save was cut short)")
        problem = _problem(data)
        if problem:
            return self._set_aside(problem)
        for record in data["lessons"].values():
            record.setdefault("done", {})
            record.setdefault("reflections", {})
            record.setdefault("activity", {})
        return data

    def done(self, lesson: str) -> tuple[str, ...]:
        """Return the names of the exercises of ``lesson`` answered correctly, sorted."""
        record = self.load()["lessons"].get(str(lesson), {})
        return tuple(sorted(record.get("done", {})))

    def is_done(self, lesson: str, name: str) -> bool:
        """Return True when exercise ``name`` of ``lesson`` was answered correctly."""
        return name in self.done(lesson)

    def reflection(self, lesson: str, name: str) -> str | None:
        """Return the saved text of reflection ``name`` in ``lesson``, or None."""
        record = self.load()["lessons"].get(str(lesson), {})
        entry = record.get("reflections", {}).get(name)
        return None if entry is None else entry["text"]

    def activity(self, lesson: str, name: str) -> dict[str, Any]:
        """Return what a learner did with exercise ``name`` of ``lesson``.

        Returns
        -------
        dict
            ``attempts`` (answers checked, placeholders not counted), ``hints`` (how many
            hints were seen: the highest hint number shown) and ``revealed`` (True once the
            answer was shown).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> p = Progress(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
        >>> p.record_attempt("00", "share"); p.record_hint("00", "share", 2)
        >>> p.record_reveal("00", "share")
        >>> p.activity("00", "share")
        {'attempts': 1, 'hints': 2, 'revealed': True}
        """
        record = self.load()["lessons"].get(str(lesson), {})
        return _activity_entry(record.get("activity", {}).get(name))

    def summary(self, lesson: str, names: Iterable[str]) -> str:
        """Return ``'k of n done'`` for the exercises ``names`` of ``lesson``."""
        wanted = list(dict.fromkeys(names))
        done = set(self.done(lesson))
        return progress_text(sum(name in done for name in wanted), len(wanted))

    # -- writing ---------------------------------------------------------------
    def mark_done(self, lesson: str, name: str) -> None:
        """Record that exercise ``name`` of ``lesson`` was answered correctly."""
        self._update(lambda rec: rec["done"].setdefault(name, {"at": _now()}), lesson)

    def save_reflection(self, lesson: str, name: str, text: str) -> None:
        """Save (or replace) the text of reflection ``name`` in ``lesson``."""
        if not isinstance(text, str):
            raise TypeError(f"a reflection is text (str), not {type(text).__name__}")
        self._update(
            lambda rec: rec["reflections"].__setitem__(name, {"text": text, "at": _now()}),
            lesson,
        )

    def record_attempt(self, lesson: str, name: str) -> None:
        """Count one checked answer to exercise ``name`` of ``lesson``."""
        self._change_activity(lesson, name, lambda e: e.__setitem__("attempts", e["attempts"] + 1))

    def record_hint(self, lesson: str, name: str, number: int) -> None:
        """Record that hint ``number`` of exercise ``name`` was seen (the highest is kept)."""
        seen = _count(number)
        self._change_activity(lesson, name, lambda e: e.__setitem__("hints", max(e["hints"], seen)))

    def record_reveal(self, lesson: str, name: str) -> None:
        """Record that the answer of exercise ``name`` of ``lesson`` was shown."""
        self._change_activity(lesson, name, lambda e: e.__setitem__("revealed", True))

    def reset(self, lesson: str | None = None) -> None:
        """Forget the progress of one ``lesson``, or of every lesson when None."""
        data = self.load()
        if lesson is None:
            data["lessons"] = {}
        else:
            data["lessons"].pop(str(lesson), None)
        self._write(data)

    # -- internals -------------------------------------------------------------
    def _update(self, change: Callable[[dict[str, Any]], object], lesson: str) -> None:
        data = self.load()
        record = data["lessons"].setdefault(
            str(lesson), {"done": {}, "reflections": {}, "activity": {}}
        )
        change(record)
        self._write(data)

    def _change_activity(
        self, lesson: str, name: str, change: Callable[[dict[str, Any]], object]
    ) -> None:
        def apply(record: dict[str, Any]) -> None:
            entry = _activity_entry(record["activity"].get(name))
            change(entry)
            record["activity"][name] = {**entry, "at": _now()}

        self._update(apply, lesson)

    def _write(self, data: dict[str, Any]) -> None:
        atomic_write_text(self.path, json.dumps(data, indent=1, sort_keys=True) + "\n")

    def _tell(self, message: str) -> None:
        if self.notify is not None:
            self.notify(message)
        else:
            warnings.warn(message, ProgressFileWarning, stacklevel=4)

    def _set_aside(self, reason: str) -> dict[str, Any]:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        spare = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while spare.exists():
            counter += 1
            spare = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            os.replace(self.path, spare)
        except OSError as exc:
            self._tell(
                f"Progress file {self.path} could not be read ({reason}) nor renamed "
                f"({exc.strerror or exc}); starting a fresh record in memory."
            )
            return _empty()
        self._tell(
            f"Progress file could not be read ({reason}); it was kept as {spare.name} "
            f"and a fresh record was started."
        )
        return _empty()
