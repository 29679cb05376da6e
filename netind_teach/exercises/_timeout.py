"""Run a learner's code with a time limit that really stops it.

Where the system can fork (Linux, macOS: Binder, JupyterHub, most laptops) the code runs in
a forked child process: it sees the kernel's state as it is (the learner's function, its
imports), sends back its result, and when the limit passes the child and anything it
started are killed. Nothing keeps running after ``check`` returns, even code that catches
``BaseException`` in a loop. What the code prints is passed on, shortened.

Without ``fork`` (Windows) the code runs in a daemon thread; at the limit a
:class:`TimeLimitExceeded` is raised inside it (``PyThreadState_SetAsyncExc``), which stops
ordinary loops. Code that swallows even that keeps its thread, and a warning says so.

Examples
--------
>>> run_with_time_limit(lambda: 6 * 7, limit=1.0)
Run(status='returned', value=42, error=None)
>>> run_with_time_limit(lambda: 1 / 0, limit=1.0).status
'raised'
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import os
import pickle
import select
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Run",
    "TimeLimitExceeded",
    "can_isolate",
    "run_each_with_time_limit",
    "run_with_time_limit",
]

#: Most characters of a learner's printed output passed on from the child.
PRINT_LIMIT = 2000


class TimeLimitExceeded(BaseException):
    """Raised inside a learner's code when it runs past its time limit (threads only).

    A ``BaseException`` so that a learner's ``except Exception:`` does not swallow it.
    """


@dataclass(frozen=True)
class Run:
    """How a call ended: ``status`` is 'returned', 'raised' or 'timed out'."""

    status: str
    value: Any = None
    error: BaseException | None = None


def can_isolate() -> bool:
    """Return True when learner code runs in a child process that can be killed (``os.fork``)."""
    return hasattr(os, "fork") and os.environ.get("NETIND_CHECK_IN_THREAD") != "1"


def run_with_time_limit(func: Callable[[], Any], limit: float = 2.0) -> Run:
    """Call ``func()`` and wait at most ``limit`` seconds for it.

    Parameters
    ----------
    func : callable
        Called with no arguments: in a forked child process where possible, else in a
        daemon thread. In a child, its return value must be picklable (anything else is
        reported as 'raised').
    limit : float
        Seconds to wait.

    Returns
    -------
    Run
        ``status`` 'returned' with ``value``, 'raised' with ``error`` (any exception,
        including ``SystemExit``), or 'timed out'.

    Examples
    --------
    >>> def forever():
    ...     while True:
    ...         try:
    ...             pass
    ...         except BaseException:
    ...             pass
    >>> run_with_time_limit(forever, limit=0.2).status
    'timed out'
    """
    with contextlib.closing(run_each_with_time_limit([func], limit)) as runs:
        return next(runs)


def run_each_with_time_limit(
    funcs: Sequence[Callable[[], Any]], limit: float = 2.0
) -> Generator[Run, None, None]:
    """Call each of ``funcs`` in turn, each within ``limit`` seconds; yield how each ended.

    One child process runs them all: a fork of a large kernel is not free
    (``docs/performance.md``).
    Stop early by closing the generator: the child is then killed. After a time-out
    nothing more is yielded.

    Examples
    --------
    >>> [run.value for run in run_each_with_time_limit([lambda: 1, lambda: 2])]
    [1, 2]
    """
    if not funcs:
        return
    if can_isolate():
        yield from _each_forked(list(funcs), limit)
        return
    for func in funcs:
        run = _run_threaded(func, limit)
        yield run
        if run.status == "timed out":
            return


# -- in a child process -------------------------------------------------------------------
class _Raised(Exception):
    """Stands in for a learner's exception that cannot be pickled (same name and text)."""

    name: Any = None  # what a NameError's ``name`` held


def _described(exc: BaseException) -> tuple[str, str, Any]:
    """Return an exception that cannot be pickled, as (type name, text, NameError's name)."""
    try:
        text = str(exc)
    except Exception:
        text = ""
    name = type(exc).__name__
    try:
        missing = getattr(exc, "name", None)
    except Exception:
        missing = None
    missing = missing if isinstance(missing, str) else None
    return (name if isinstance(name, str) else "Exception", text, missing)


def _rebuilt(name: str, text: str, missing: Any) -> BaseException:
    stand_in: _Raised = type(name, (_Raised,), {})(text)
    stand_in.name = missing
    return stand_in


def _frame(outcome: tuple[str, Any], printed: io.StringIO) -> bytes:
    """One outcome, pickled, after its length (8 bytes)."""
    shown = printed.getvalue()[:PRINT_LIMIT]
    printed.seek(0)
    printed.truncate()
    try:
        data = pickle.dumps((*outcome, shown))
    except Exception:
        if outcome[0] == "raised":
            data = pickle.dumps(("described", _described(outcome[1]), shown))
        else:
            error = TypeError("the result cannot be passed back from the check")
            data = pickle.dumps(("raised", error, shown))
    return len(data).to_bytes(8, "big") + data


def _child(funcs: list[Callable[[], Any]], out: int) -> None:
    """Run each function in the forked child, write each outcome to ``out``, exit at once."""
    status = 1
    try:
        os.setpgid(0, 0)  # its own group: a time-out kills it and whatever it started
        printed = io.StringIO()
        sys.stdout = sys.stderr = printed
        for func in funcs:
            try:
                outcome: tuple[str, Any] = ("returned", func())
            except BaseException as exc:  # a learner's code may raise anything
                outcome = ("raised", exc)
            view = memoryview(_frame(outcome, printed))
            while view:
                view = view[os.write(out, view) :]
        status = 0
    finally:
        os._exit(status)


def _kill(pid: int) -> None:
    for kill in (os.killpg, os.kill):  # the child's process group, else the child alone
        with contextlib.suppress(OSError):
            kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _each_forked(funcs: list[Callable[[], Any]], limit: float) -> Generator[Run, None, None]:
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():  # "fork() in a multi-threaded process": the child
        warnings.simplefilter("ignore", DeprecationWarning)  # only runs funcs and exits
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child process (covered through its results)
        os.close(read_end)
        _child(funcs, write_end)
    os.close(write_end)
    buffer = bytearray()
    try:
        for _ in funcs:
            deadline = time.monotonic() + limit
            while not _complete(buffer):
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([read_end], [], [], left)[0]:
                    yield Run("timed out")
                    return
                chunk = os.read(read_end, 1 << 16)
                if not chunk:  # the child ended without a word (os._exit in its code)
                    error = RuntimeError("the code ended the check's process")
                    yield Run("raised", error=error)
                    return
                buffer += chunk
            size = int.from_bytes(buffer[:8], "big")
            frame, buffer = bytes(buffer[8 : 8 + size]), buffer[8 + size :]
            yield _run_from(frame)
    finally:
        os.close(read_end)
        _kill(pid)


def _complete(buffer: bytearray) -> bool:
    return len(buffer) >= 8 and len(buffer) >= 8 + int.from_bytes(buffer[:8], "big")


def _run_from(frame: bytes) -> Run:
    try:
        status, payload, printed = pickle.loads(frame)
    except Exception:
        return Run("raised", error=RuntimeError("the result could not be read back"))
    if printed:
        print(printed, end="" if printed.endswith("\n") else "\n")
    if status == "returned":
        return Run("returned", value=payload)
    if status == "described":
        return Run("raised", error=_rebuilt(*payload))
    return Run("raised", error=payload)


# -- in a thread (no fork) -----------------------------------------------------------------
def _stop_thread(thread: threading.Thread) -> None:
    ident = thread.ident
    if ident is None:
        return
    try:
        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except AttributeError:  # not CPython: the daemon thread is left to finish
        return
    set_async_exc(ctypes.c_ulong(ident), ctypes.py_object(TimeLimitExceeded))


def _run_threaded(func: Callable[[], Any], limit: float) -> Run:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except TimeLimitExceeded:
            box["timed_out"] = True
        except BaseException as exc:  # a learner's code may raise anything, even SystemExit
            box["error"] = exc

    thread = threading.Thread(target=target, name="netind-teach-check", daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive():
        _stop_thread(thread)
        thread.join(0.5)
        if thread.is_alive():
            warnings.warn(
                "The checked code did not stop at its time limit and keeps running in the "
                "background: restart the kernel (Kernel > Restart) to stop it.",
                RuntimeWarning,
                stacklevel=3,
            )
        return Run("timed out")
    if box.get("timed_out"):
        return Run("timed out")
    if "error" in box:
        return Run("raised", error=box["error"])
    return Run("returned", value=box.get("value"))
