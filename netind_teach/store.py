"""One store for the course's saved JSON files: locked, atomic, bounded, never lost.

Progress (:mod:`netind_teach.progress`), the personal network file
(:mod:`netind_teach.mynetwork.storage`) and anonymised exports
(:mod:`netind_teach.mynetwork.export`, read by :func:`~netind_teach.mynetwork.combine`) all
go through this module:

* :func:`lock` -- an advisory lock that every process on the machine respects: one hidden
  file ``.<name>.lock`` beside the file, locked with ``fcntl.flock`` (Linux, macOS) or
  ``msvcrt.locking`` (Windows). Where neither exists or the file system refuses them, the
  lock is the exclusive creation of ``.<name>.lock-held`` (taken over when older than
  :data:`STALE_SECONDS`, that is, left by a killed process). Re-entrant within a thread.
* :func:`write_text` -- atomic: a temporary file in the same folder is written, flushed,
  ``fsync``-ed and moved over the old file with :func:`os.replace`, all under the lock, so a
  kill at any moment leaves the old file or the new one. Temporary files a killed save left
  behind are removed at the next :func:`load` or :func:`write_text` (under the lock, so
  never another process's live one).
* :func:`read_json` -- reads at most ``max_bytes``, refuses anything but a regular file (a
  FIFO or a device named ``*.json`` never hangs it) and turns every way JSON can fail (bad
  bytes, bad syntax, nesting deep enough to exhaust recursion, huge numbers) into one
  :class:`FileProblem` with a one-line reason.
* :func:`check_header` -- the ``format``/``version`` check every file shares, with messages
  that say what to do (a newer file: update the course).
* :func:`load` and :func:`update` -- the policy, in one place: a *broken* file (cut short,
  not JSON, wrong content) is renamed by :func:`set_aside` and a fresh start is made; a file
  that is *not ours to touch* (unreadable, not a regular file, too large, another program's,
  a newer course version's) is left exactly as it is and saving is switched off.
  :func:`update` is one locked read-change-write step, so changes from several kernels
  merge instead of overwriting each other.
* :func:`copies` -- every file that holds a copy of a file's data (set-aside copies,
  leftover temporary files, the lock file), for deleting all of them.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "notes.json"
>>> spec = Spec(format="demo-notes", version=1, what="Your notes file", fix="move it away.")
>>> update(path, spec, lambda data: data.setdefault("items", []).append("first"))
>>> load(path, spec).value["items"]
['first']
>>> _ = path.write_text("[" * 100_000, encoding="utf-8")
>>> opened = load(path, spec)
>>> opened.status, opened.can_save, "nested too deeply" in opened.message
('set aside', True, True)
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netind_teach.quantities import is_whole
from netind_teach.wording import short

__all__ = [
    "LOCK_TIMEOUT",
    "STALE_SECONDS",
    "UPDATE_ADVICE",
    "FileProblem",
    "LeftAlone",
    "Loaded",
    "LockTimeout",
    "Spec",
    "WriteError",
    "check_header",
    "copies",
    "file_path",
    "load",
    "lock",
    "lock_method",
    "read_bytes",
    "read_json",
    "set_aside",
    "update",
    "write_text",
]

#: Seconds a save waits for another kernel's lock before giving up with a message.
LOCK_TIMEOUT = 10.0
#: Age after which a fallback lock file is taken to be left by a killed process.
STALE_SECONDS = 30.0
#: What to do about a file written by a newer version of the course.
UPDATE_ADVICE = (
    "update the course package (pip install --upgrade netind-teach, or ask your instructor), "
    "then run the cell again"
)

#: Kinds of :class:`FileProblem` for which the file is left alone (never renamed, never
#: saved over). Every other problem means the file is broken and is set aside.
_LEAVE_ALONE = frozenset({"unreadable", "not a file", "too large", "foreign", "newer"})


class FileProblem(ValueError):
    """A file could not be used; ``str(exc)`` is a one-line reason ("it is not valid JSON").

    Parameters
    ----------
    reason : str
        The one-line reason.
    kind : str
        ``"broken"`` (set it aside), or one of ``"unreadable"``, ``"not a file"``,
        ``"too large"``, ``"foreign"``, ``"newer"`` (leave it alone).
    """

    def __init__(self, reason: str, kind: str = "broken") -> None:
        super().__init__(reason)
        self.kind = kind

    @property
    def leave_alone(self) -> bool:
        """True when the file must be left exactly as it is (not ours, or not readable)."""
        return self.kind in _LEAVE_ALONE


class WriteError(OSError):
    """A file could not be written; the message says why, the old file is unchanged.

    Parameters
    ----------
    message : str
        What could not be written, and why.
    reason : str
        The system's short reason ("Permission denied").
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class LockTimeout(WriteError):
    """Another process held the file's lock for longer than :data:`LOCK_TIMEOUT`.

    Parameters
    ----------
    message : str
        Which file, and what to do.
    reason : str
        The short reason.
    """


class LeftAlone(WriteError):
    """Saving is off: the file there is not ours to replace (see :attr:`Loaded.message`).

    Parameters
    ----------
    message : str
        Why, and what to do.
    reason : str
        The short reason.
    """


# -- locking ---------------------------------------------------------------------------------
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # Linux, macOS
    msvcrt = None  # type: ignore[assignment]

_held = threading.local()
_BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", -1)}


def lock_method() -> str:
    """Return how :func:`lock` locks here: ``"fcntl"``, ``"msvcrt"`` or ``"lock file"``.

    Returns
    -------
    str
        The method.

    Examples
    --------
    >>> lock_method() in ("fcntl", "msvcrt", "lock file")
    True
    """
    if fcntl is not None:
        return "fcntl"
    if msvcrt is not None:
        return "msvcrt"
    return "lock file"


def _lock_file(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def lock(path: str | os.PathLike[str], timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (shared by every process) inside a ``with`` block.

    Re-entrant: a thread already holding it may take it again. Raises :class:`LockTimeout`
    after ``timeout`` seconds, or :class:`WriteError` when the folder cannot hold a lock file.

    Parameters
    ----------
    path : str or os.PathLike
        The file whose lock to hold.
    timeout : float
        Seconds to wait for another process's lock.

    Yields
    ------
    None
        While the lock is held.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> with lock(path), lock(path):
    ...     _ = path.write_text("{}", encoding="utf-8")
    >>> sorted(p.name for p in path.parent.iterdir())
    ['.x.json.lock', 'x.json']
    """
    key = str(Path(path).absolute())
    counts: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if counts.get(key):
        counts[key] += 1
        try:
            yield
        finally:
            counts[key] -= 1
        return
    release = _acquire(Path(key), timeout)
    counts[key] = 1
    try:
        yield
    finally:
        counts.pop(key, None)
        release()


def _acquire(target: Path, timeout: float) -> Callable[[], None]:
    where = _lock_file(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot write in {target.parent} ({reason})", reason) from exc
    deadline = time.monotonic() + timeout
    method = lock_method()
    while method != "lock file":
        try:
            _os_lock(fd, method)
        except OSError as exc:
            if exc.errno not in _BUSY:  # the file system has no locks (ENOLCK, EOPNOTSUPP...)
                break
            if time.monotonic() > deadline:
                os.close(fd)
                raise _timeout(target) from None
            time.sleep(0.002)
            continue
        return lambda: _os_unlock(fd, method)
    os.close(fd)
    return _acquire_lock_file(target, deadline)


def _os_lock(fd: int, method: str) -> None:
    if method == "fcntl":
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    elif sys.platform == "win32":  # method "msvcrt": only there
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def _os_unlock(fd: int, method: str) -> None:
    try:
        if method == "fcntl":
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif sys.platform == "win32":  # method "msvcrt": only there
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(fd)


def _acquire_lock_file(target: Path, deadline: float) -> Callable[[], None]:
    """Take the fallback lock (create ``.<name>.lock-held`` exclusively); return its release."""
    held = target.with_name(f".{target.name}.lock-held")
    while True:
        try:
            fd = os.open(held, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - held.stat().st_mtime > STALE_SECONDS:
                    held.unlink()  # left by a killed process
                    continue
            if time.monotonic() > deadline:
                raise _timeout(target) from None
            time.sleep(0.002)
            continue
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise WriteError(f"cannot write in {target.parent} ({reason})", reason) from exc
        os.close(fd)
        return lambda: held.unlink(missing_ok=True)


def _timeout(target: Path) -> LockTimeout:
    return LockTimeout(
        f"{target.name} is being saved by another kernel and stayed locked for "
        f"{LOCK_TIMEOUT:.0f} s; nothing was changed. Fix: run the cell again in a moment",
        "locked by another kernel",
    )


# -- writing ---------------------------------------------------------------------------------
def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to ``path`` atomically, under its lock; return the path.

    The text goes to a temporary file in the same folder (readable and writable by you
    only), which is flushed, ``fsync``-ed and moved over ``path``. Temporary files that a
    killed save left behind are removed first. On any failure the old file is unchanged.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    text : str
        Its new content.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    WriteError
        When the folder cannot be created or written, or the disk is full.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "new" / "note.txt"
    >>> write_text(target, "hello").read_text(encoding="utf-8")
    'hello'
    """
    target = Path(path)
    with lock(target):
        _remove_temps(target)
        try:
            fd, tmp_name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise WriteError(f"cannot write in {target.parent} ({reason})", reason) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            _replace(tmp_name, target)
            _fsync_folder(target.parent)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            if isinstance(exc, (OSError, UnicodeError)):
                reason = getattr(exc, "strerror", None) or str(exc)
                raise WriteError(
                    f"cannot save {target} ({reason}); the previous file is unchanged", reason
                ) from exc
            raise
    return target


def _temps(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.*.tmp"))


def _remove_temps(target: Path) -> None:
    """Delete temporary files of killed saves (call with the lock held)."""
    for leftover in _temps(target):
        with contextlib.suppress(OSError):
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


# -- reading ---------------------------------------------------------------------------------
def read_bytes(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Return the bytes of a regular file of at most ``max_bytes``.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    max_bytes : int
        Larger files are refused.

    Returns
    -------
    bytes
        Its content.

    Raises
    ------
    FileNotFoundError
        When there is no file.
    FileProblem
        ``"not a file"`` for a folder, FIFO or device (never opened for reading, so it
        cannot hang), ``"too large"``, or ``"unreadable"`` (permissions).

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> fifo = pathlib.Path(tempfile.mkdtemp()) / "trap.json"
    >>> os.mkfifo(fifo)  # doctest: +SKIP
    >>> read_bytes(fifo.parent, 100)
    Traceback (most recent call last):
    ...
    netind_teach.store.FileProblem: it is not a regular file (a folder, pipe or device)
    """
    target = Path(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unreadable(exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("it is not a regular file (a folder, pipe or device)", "not a file")
    if info.st_size > max_bytes:
        raise _too_large(info.st_size)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise FileProblem("it is not a regular file (a folder, pipe or device)", "not a file")
        chunks = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > max_bytes:
        raise _too_large(len(raw))
    return raw


def _unreadable(exc: OSError) -> FileProblem:
    return FileProblem(f"it cannot be read ({exc.strerror or exc})", "unreadable")


def _too_large(size: int) -> FileProblem:
    return FileProblem(f"it is {size:,} bytes, far too large for a course file", "too large")


def read_json(path: str | os.PathLike[str], max_bytes: int) -> Any:
    """Read and parse a JSON file safely (see :func:`read_bytes` for what is refused).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    max_bytes : int
        Larger files are refused.

    Returns
    -------
    object
        The parsed JSON.

    Raises
    ------
    FileNotFoundError
        When there is no file.
    FileProblem
        With a one-line reason for every other failure: never a ``RecursionError``,
        ``UnicodeError`` or a JSON parser's traceback.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "deep.json"
    >>> _ = path.write_text("[" * 1_000_000, encoding="utf-8")
    >>> read_json(path, 2_000_000)
    Traceback (most recent call last):
    ...
    netind_teach.store.FileProblem: its data are nested too deeply to be a course file
    """
    raw = read_bytes(path, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeError:
        raise FileProblem("it is not text") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise FileProblem("its data are nested too deeply to be a course file") from None
    except ValueError:  # JSONDecodeError, and integers with too many digits
        raise FileProblem("it is not valid JSON") from None



def check_header(
    data: object,
    format: str,
    version: int,
    *,
    noun: str,
    others: dict[str, str] | None = None,
) -> int:
    """Check the ``format`` and ``version`` fields every course file has; return the version.

    Parameters
    ----------
    data : object
        Parsed JSON.
    format, version : str, int
        The format name expected and the newest version this code reads.
    noun : str
        What the file should be, for messages ("a netind-teach progress file").
    others : dict, optional
        Other known formats -> why such a file is not this one.

    Returns
    -------
    int
        The file's version (1 to ``version``).

    Raises
    ------
    FileProblem
        ``"foreign"`` (not this kind of file), ``"newer"`` (says to update the course) or
        ``"broken"`` (a version that is not a version).

    Examples
    --------
    >>> check_header({"format": "f", "version": 3}, "f", 2, noun="an f file")
    Traceback (most recent call last):
    ...
    netind_teach.store.FileProblem: it was saved by a newer version of the course (file \
version 3, this one reads up to 2); update the course package (pip install --upgrade \
netind-teach, or ask your instructor), then run the cell again
    """
    if not isinstance(data, dict):
        names: dict[type, str] = {list: "list", str: "string"}
        kind = names.get(type(data), type(data).__name__)
        raise FileProblem(f"it is not {noun} (it holds a {kind})", "foreign")
    found = data.get("format")
    if others and isinstance(found, str) and found in others:
        raise FileProblem(others[found], "foreign")
    if found != format:
        shown = f"its 'format' is {short(found)}" if "format" in data else "no 'format' field"
        raise FileProblem(f"it is not {noun} ({shown.replace('no ', 'it has no ', 1)})", "foreign")
    got = data.get("version")
    if is_whole(got) and got > version:
        raise FileProblem(
            f"it was saved by a newer version of the course (file version {got}, this one "
            f"reads up to {version}); {UPDATE_ADVICE}",
            "newer",
        )
    if not is_whole(got) or got < 1:
        raise FileProblem(f"its version {short(got)} is not a file version")
    return got


# -- the policy ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    """What kind of file a path holds, and how to talk about it.

    Parameters
    ----------
    format, version : str, int
        The ``format`` field and the newest version read.
    what : str
        The file in a sentence's subject, e.g. ``"Your progress file progress.json"``.
    fix : str
        What to do when the file is left alone (ends the message).
    noun : str
        What the file should be ("a netind-teach progress file").
    others : dict
        Other known formats -> why such a file is not this one.
    check : callable, optional
        Checks the data after the header; returns the value to use; raises
        ``ValueError``/``TypeError`` (the file is then broken and set aside).
    max_bytes : int
        Larger files are left alone.
    """

    format: str
    version: int
    what: str
    fix: str
    noun: str = "a netind-teach file"
    others: dict[str, str] = field(default_factory=dict)
    check: Callable[[Any], Any] | None = None
    max_bytes: int = 2_000_000


@dataclass(frozen=True)
class Loaded:
    """What :func:`load` found.

    Parameters
    ----------
    value : object or None
        The checked data (what ``Spec.check`` returned); None when there was none to use.
    path : pathlib.Path
        The file.
    status : str
        ``"loaded"``, ``"missing"``, ``"set aside"`` (broken: renamed, a fresh start) or
        ``"left alone"`` (saving is off).
    message : str
        One line for the learner ("" when loaded or missing).
    set_aside : pathlib.Path or None
        Where a broken file was moved.
    problem : FileProblem or None
        The problem found.
    """

    value: Any
    path: Path
    status: str
    message: str = ""
    set_aside: Path | None = None
    problem: FileProblem | None = None

    @property
    def can_save(self) -> bool:
        """False when the file there must not be replaced."""
        return self.status != "left alone"


def _parse(path: Path, spec: Spec) -> Any:
    data = read_json(path, spec.max_bytes)
    check_header(data, spec.format, spec.version, noun=spec.noun, others=spec.others)
    if spec.check is None:
        return data
    try:
        return spec.check(data)
    except FileProblem:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise FileProblem(str(exc.args[0]) if exc.args else type(exc).__name__) from None


def load(path: str | os.PathLike[str], spec: Spec) -> Loaded:
    """Read the file at ``path`` as ``spec`` says; set a broken file aside; never raise.

    A plain read takes no lock (writes are atomic, so a read sees a whole file). When
    temporary files of killed saves are there, or the file is broken, the lock is taken to
    remove them or set the file aside (without it when the folder cannot hold a lock).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    spec : Spec
        What it should hold.

    Returns
    -------
    Loaded
        The value (or None), the status and a message.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> spec = Spec(format="f", version=1, what="Your f file", fix="move it away.")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "f.json"
    >>> _ = path.write_text('{"format": "f", "version": 2}', encoding="utf-8")
    >>> opened = load(path, spec)
    >>> opened.status, path.exists(), "update the course package" in opened.message
    ('left alone', True, True)
    """
    target = Path(path)
    if not _temps(target):  # the common case: a plain read, no lock file needed
        first = _load(target, spec, may_set_aside=False)
        if first.status != "broken":
            return first
    try:
        with lock(target):
            _remove_temps(target)
            return _load(target, spec)
    except WriteError:  # no lock possible here (read-only folder, lock busy): read anyway
        return _load(target, spec)


def _load(target: Path, spec: Spec, *, may_set_aside: bool = True) -> Loaded:
    try:
        value = _parse(target, spec)
    except FileNotFoundError:
        return Loaded(None, target, "missing")
    except FileProblem as problem:
        if problem.leave_alone:
            return _left_alone(target, spec, str(problem), problem)
        if not may_set_aside:
            return Loaded(None, target, "broken", problem=problem)
        try:
            spare = set_aside(target)
        except OSError as exc:
            why = f"{problem} and it could not be renamed ({exc.strerror or exc})"
            return _left_alone(target, spec, why, problem)
        message = (
            f"{spec.what} could not be read ({problem}). It was kept as {spare.name} in the "
            "same folder and a fresh start was made."
        )
        return Loaded(None, target, "set aside", message, spare, problem)
    return Loaded(value, target, "loaded")


def _left_alone(target: Path, spec: Spec, reason: str, problem: FileProblem) -> Loaded:
    message = (
        f"{spec.what} was not opened: {reason}. It was left as it is and nothing will be "
        f"saved over it. Fix: {spec.fix}"
    )
    return Loaded(None, target, "left alone", message, None, problem)


def update(
    path: str | os.PathLike[str],
    spec: Spec,
    change: Callable[[dict[str, Any]], object],
    *,
    dump: Callable[[Any], str] | None = None,
    fresh: Callable[[], dict[str, Any]] | None = None,
    notify: Callable[[str], None] | None = None,
) -> None:
    """Apply ``change`` to the file's data and write it back, in one locked step.

    The data are read afresh under the lock, so changes made by other kernels since are
    kept (they merge). ``fresh()`` starts the data when there is no file (default: just
    the format and version); ``dump`` turns the data into text (default: indented JSON).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    spec : Spec
        What it should hold.
    change : callable
        Changes the data (a dict) in place.
    dump : callable, optional
        Data to text.
    fresh : callable, optional
        The data to start from when there is no file.
    notify : callable, optional
        Receives the one-line message when a broken file was set aside.

    Raises
    ------
    LeftAlone
        When the file there is not ours to replace (nothing is written).
    WriteError
        When it cannot be written (the old file is unchanged).
    """
    target = Path(path)
    with lock(target):
        _remove_temps(target)
        opened = _load(target, spec)
        if not opened.can_save:
            raise LeftAlone(opened.message, "saving is off")
        if opened.message and notify is not None:
            notify(opened.message)
        if opened.value is not None:
            data = opened.value
        elif fresh is not None:
            data = fresh()
        else:
            data = {"format": spec.format, "version": spec.version}
        change(data)
        text = dump(data) if dump else json.dumps(data, indent=1, sort_keys=True) + "\n"
        write_text(target, text)


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename ``path`` to ``<stem>.corrupt-<time><suffix>`` beside it; return the new path.

    One naming scheme for every course file; never overwrites (a counter is added when
    that name exists).

    Parameters
    ----------
    path : str or os.PathLike
        The broken file.

    Returns
    -------
    pathlib.Path
        Where it now is.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> broken = pathlib.Path(tempfile.mkdtemp()) / "progress.json"
    >>> _ = broken.write_text("?", encoding="utf-8")
    >>> spare = set_aside(broken)
    >>> spare.name.startswith("progress.corrupt-"), spare.suffix, spare.read_text(encoding="utf-8")
    (True, '.json', '?')
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


def copies(path: str | os.PathLike[str]) -> list[Path]:
    """Every file beside ``path`` that belongs to it, sorted by name.

    The file itself, its set-aside copies, temporary files of killed saves and the lock
    files.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    list of pathlib.Path
        Those that exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = write_text(path, "{}")
    >>> [p.name for p in copies(path)]
    ['.a.json.lock', 'a.json']
    """
    target = Path(path)
    folder = target.parent
    found = [
        *folder.glob(f"{target.stem}.corrupt-*{target.suffix}"),
        *_temps(target),
        *(p for p in (target, _lock_file(target), target.with_name(f".{target.name}.lock-held"))),
    ]
    return sorted({p for p in found if p.is_file() or p.is_symlink()}, key=lambda p: p.name)


def file_path(path: str | os.PathLike[str], default_name: str) -> Path:
    """Return the file meant by ``path``.

    A name ending ``.json`` is the file; anything else is a folder (existing, or created
    when saving) holding ``default_name``.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.json`` file or a folder.
    default_name : str
        The file's name inside a folder.

    Returns
    -------
    pathlib.Path
        The file (not created).

    Raises
    ------
    TypeError
        When ``path`` is not text or a path.
    ValueError
        When ``path`` is an existing file whose name does not end in ``.json``.

    Examples
    --------
    >>> file_path("/home/ana/course/net.json", "my_network.json").as_posix()
    '/home/ana/course/net.json'
    >>> file_path("/home/ana/new/dir", "my_network.json").as_posix()
    '/home/ana/new/dir/my_network.json'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"A path is text or a pathlib.Path, not {type(path).__name__}.")
    candidate = Path(path).expanduser()
    if candidate.suffix.lower() == ".json" and not candidate.is_dir():
        return candidate.absolute()
    if candidate.exists() and not candidate.is_dir():
        raise ValueError(
            f"{candidate.name} is a file but not a .json file. Fix: give a folder, or a file "
            "name ending in .json."
        )
    return (candidate / default_name).absolute()
