"""The one guard between a widget's callback and the learner, with a strict mode for tests.

A control changed in front of a class must never print a traceback: the callback runs inside
:func:`guard`, which turns any failure into a one-line message the widget shows. The same
guard would hide bugs from the tests, so under a *strict mode* it re-raises instead: set
the environment variable :data:`STRICT_VARIABLE` (``NETIND_TEACH_STRICT=1``; the test suite
sets it in ``tests/conftest.py``) and every guarded failure reaches pytest with its
traceback.

Examples
--------
>>> import os
>>> saved = os.environ.pop(STRICT_VARIABLE, None)  # the test suite runs strict
>>> shown = []
>>> with guard(lambda exc: shown.append(failure_message(exc, "change the number again"))):
...     1 / 0
>>> shown
['Could not update (ZeroDivisionError): change the number again.']
>>> os.environ[STRICT_VARIABLE] = "1"
>>> with guard(shown.append):
...     1 / 0
Traceback (most recent call last):
...
ZeroDivisionError: division by zero
>>> os.environ[STRICT_VARIABLE] = saved or ""  # as it was ("" is off)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from netind_teach import collector

__all__ = ["STRICT_VARIABLE", "failure_message", "guard", "strict"]

#: Environment variable that turns strict mode on ("1", "true" or "yes").
STRICT_VARIABLE = "NETIND_TEACH_STRICT"


def strict() -> bool:
    """Whether guarded failures re-raise (strict mode, for tests) instead of being shown.

    Returns
    -------
    bool
        True when :data:`STRICT_VARIABLE` is "1", "true" or "yes" (any case).

    Examples
    --------
    >>> isinstance(strict(), bool)
    True
    """
    return os.environ.get(STRICT_VARIABLE, "").strip().lower() in {"1", "true", "yes"}


@contextmanager
def guard(show: Callable[[Exception], object]) -> Iterator[None]:
    """Run the ``with`` block; on any ``Exception`` call ``show(exc)`` instead of raising.

    Under strict mode (:func:`strict`) the exception is re-raised unchanged. Exceptions
    that are not ``Exception`` (``KeyboardInterrupt``, a lesson's time-out) always pass.
    The block runs with the garbage collector paused (:func:`netind_teach.collector.paused`):
    an update that builds a network does not stall on a full collection.

    Parameters
    ----------
    show : callable
        Called with the exception; it puts a one-line message in front of the learner
        (e.g. :func:`failure_message` into the widget's status line).

    Yields
    ------
    None
        The block runs once.

    Examples
    --------
    >>> with guard(lambda exc: print("shown:", exc)):
    ...     pass  # nothing fails: nothing is shown
    """
    try:
        with collector.paused():  # no full garbage collection in the middle of an update
            yield
    except Exception as exc:
        if strict():
            raise
        show(exc)


def failure_message(exc: BaseException, fix: str, doing: str = "update") -> str:
    """One line for the learner: what failed (the exception's kind) and what to do.

    Parameters
    ----------
    exc : BaseException
        The failure.
    fix : str
        What the learner can do, e.g. "run the cell again".
    doing : str
        What could not be done, after "Could not".

    Returns
    -------
    str
        ``"Could not <doing> (<kind>): <fix>."``

    Examples
    --------
    >>> failure_message(KeyError("x"), "run the cell again", doing="update the explorer")
    'Could not update the explorer (KeyError): run the cell again.'
    """
    return f"Could not {doing} ({type(exc).__name__}): {fix.rstrip('.')}."
