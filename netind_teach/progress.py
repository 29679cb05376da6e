"""Per-lesson progress, saved locally as one small JSON file.

What is saved: which exercises of which lesson a learner has answered correctly, the
text of their reflections, and for each exercise how many answers were checked, how many
hints were seen and whether the answer was shown (``activity``, what a hand-in reports).
Nothing leaves the machine unless the learner writes a hand-in file.

Where it is saved: ``progress.json`` in :func:`netind_teach.folders.data_dir`
(``$NETIND_TEACH_HOME`` when set, else the platform's per-user data folder).

The file goes through the course's one store (:mod:`netind_teach.store`):

* every change is one locked step: under a lock that every process respects, the file is
  read afresh, the change applied and the file written back, so two kernels of one
  learner marking different exercises at once both keep theirs (changes merge, nothing is
  overwritten by an older copy);
* writes are atomic (a temporary file, flushed, ``fsync``-ed and moved over the old one),
  so a kernel killed mid-save leaves the old file or the new one, never a broken one; a
  temporary file such a kill leaves behind is removed at the next read or save;
* a *broken* file (cut short, not JSON, nested too deeply, wrong content) is never deleted:
  it is renamed ``progress.corrupt-<time>.json`` beside it, a message says so, and a fresh
  record starts;
* a file that is *not ours to replace* -- unreadable (permissions), not a regular file,
  another program's, or saved by a newer course version -- is left exactly as it is:
  progress reads as empty, a message says why and what to do (for a newer file: update the
  course), and saving is off (each save raises :class:`ProgressError` with that message).

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

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from netind_teach import store
from netind_teach.folders import ENV_VAR, data_dir
from netind_teach.quantities import is_whole

__all__ = [
    "FILENAME",
    "FORMAT",
    "VERSION",
    "Progress",
    "ProgressError",
    "ProgressFileWarning",
    "default_path",
    "progress_text",
]

#: Name of the progress file inside that folder.
FILENAME = "progress.json"
#: ``format`` field of a progress file.
FORMAT = "netind-teach-progress"
#: Newest ``version`` of the progress file this code writes and reads.
VERSION = 1
#: Progress files larger than this are not progress files (left alone).
MAX_BYTES = 2_000_000


class ProgressFileWarning(UserWarning):
    """A progress file could not be used: set aside (renamed, not deleted) or left alone."""


class ProgressError(store.WriteError):
    """Progress could not be saved (a read-only folder, or a file that is left alone).

    Parameters
    ----------
    message : str
        What happened and what to do.
    reason : str, optional
        The system's short reason ("Permission denied").
    """


def default_path() -> Path:
    """Return the progress file's path as the environment says now (see module docstring).

    Returns
    -------
    pathlib.Path
        ``progress.json`` in :func:`netind_teach.folders.data_dir`.

    Examples
    --------
    >>> default_path().name
    'progress.json'
    """
    return data_dir() / FILENAME


def progress_text(done: int, total: int) -> str:
    """Return the words a progress bar shows, e.g. ``'4 of 7 done'``.

    Parameters
    ----------
    done : int
        Exercises answered correctly.
    total : int
        Exercises in all.

    Returns
    -------
    str
        ``"k of n done"``, or ``"all n done"``.

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


def _explained(exc: store.WriteError) -> ProgressError:
    return ProgressError(
        f"{exc}. Fix: check the folder is writable, or set the environment variable "
        f"{ENV_VAR} to a folder you can write to.",
        exc.reason,
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "lessons": {}}


def _checked(data: dict[str, Any]) -> dict[str, Any]:
    """Check a progress record after its header; return it with missing parts filled in."""
    lessons = data.get("lessons")
    if not isinstance(lessons, dict):
        raise ValueError("its 'lessons' entry is missing or broken")
    for lesson, record in lessons.items():
        if not isinstance(record, dict):
            raise ValueError(f"the entry for lesson {lesson!r} is broken")
        for part in ("done", "reflections", "activity"):
            entries = record.setdefault(part, {})
            if not isinstance(entries, dict) or not all(
                isinstance(v, dict) for v in entries.values()
            ):
                raise ValueError(f"the {part!r} entry for lesson {lesson!r} is broken")
        for entry in record["reflections"].values():
            if not isinstance(entry.get("text"), str):
                raise ValueError(f"a reflection in lesson {lesson!r} has no text")
    return data


def _spec(path: Path) -> store.Spec:
    return store.Spec(
        format=FORMAT,
        version=VERSION,
        what=f"Your progress file {path}",
        noun="a netind-teach progress file",
        fix=f"make the file readable or move it away, or set the environment variable "
        f"{ENV_VAR} to another folder; your answers in this session still count.",
        check=_checked,
        max_bytes=MAX_BYTES,
    )


def _count(value: Any) -> int:
    """Return a stored counter as a whole number >= 0 (anything else counts as 0)."""
    if not is_whole(value):
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

        A file that is left alone (see the module docstring) reads as an empty record,
        with a message.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json").load()["lessons"]
        {}
        """
        loaded = store.load(self.path, _spec(self.path))
        if loaded.message:
            self._tell(loaded.message)
        return _empty() if loaded.value is None else loaded.value

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

        def change(data: dict[str, Any]) -> None:
            if lesson is None:
                data["lessons"] = {}
            else:
                data["lessons"].pop(str(lesson), None)

        self._apply(change)

    # -- internals -------------------------------------------------------------
    def _update(self, change: Callable[[dict[str, Any]], object], lesson: str) -> None:
        def merge(data: dict[str, Any]) -> None:
            record = data["lessons"].setdefault(
                str(lesson), {"done": {}, "reflections": {}, "activity": {}}
            )
            change(record)

        self._apply(merge)

    def _change_activity(
        self, lesson: str, name: str, change: Callable[[dict[str, Any]], object]
    ) -> None:
        def apply(record: dict[str, Any]) -> None:
            entry = _activity_entry(record["activity"].get(name))
            change(entry)
            record["activity"][name] = {**entry, "at": _now()}

        self._update(apply, lesson)

    def _apply(self, change: Callable[[dict[str, Any]], object]) -> None:
        """One locked read-change-write step (see :func:`netind_teach.store.update`)."""
        try:
            store.update(self.path, _spec(self.path), change, fresh=_empty, notify=self._tell)
        except store.LeftAlone as exc:
            raise ProgressError(f"Progress not saved. {exc}", exc.reason) from exc
        except store.WriteError as exc:
            raise _explained(exc) from exc

    def _tell(self, message: str) -> None:
        if self.notify is not None:
            self.notify(message)
        else:
            warnings.warn(message, ProgressFileWarning, stacklevel=4)
