"""Run a learner's code with a time limit, on Linux, macOS and Windows, inside Jupyter.

Signals (``SIGALRM``) exist only on Unix and only in the main thread, so the code runs in
a daemon thread instead. When the limit passes, a :class:`TimeLimitExceeded` exception is
raised *inside* that thread (CPython's ``PyThreadState_SetAsyncExc``), which stops a loop of
Python code; code stuck inside a long C call finishes on its own in the background, and
the caller is told about the time-out either way.

Examples
--------
>>> run_with_time_limit(lambda: 6 * 7, limit=1.0)
Run(status='returned', value=42, error=None)
>>> run_with_time_limit(lambda: 1 / 0, limit=1.0).status
'raised'
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Run", "TimeLimitExceeded", "run_with_time_limit"]


class TimeLimitExceeded(BaseException):
    """Raised inside a learner's code when it runs past its time limit.

    A ``BaseException`` so that a learner's ``except Exception:`` does not swallow it.
    """


@dataclass(frozen=True)
class Run:
    """How a call ended: ``status`` is 'returned', 'raised' or 'timed out'."""

    status: str
    value: Any = None
    error: BaseException | None = None


def _stop_thread(thread: threading.Thread) -> None:
    ident = thread.ident
    if ident is None:
        return
    try:
        set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except AttributeError:  # not CPython: the daemon thread is left to finish
        return
    set_async_exc(ctypes.c_ulong(ident), ctypes.py_object(TimeLimitExceeded))


def run_with_time_limit(func: Callable[[], Any], limit: float = 2.0) -> Run:
    """Call ``func()`` and wait at most ``limit`` seconds for it.

    Parameters
    ----------
    func : callable
        Called with no arguments, in a separate daemon thread.
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
    ...         pass
    >>> run_with_time_limit(forever, limit=0.2).status
    'timed out'
    """
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
        return Run("timed out")
    if box.get("timed_out"):
        return Run("timed out")
    if "error" in box:
        return Run("raised", error=box["error"])
    return Run("returned", value=box.get("value"))
