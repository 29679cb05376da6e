"""Lesson content built on first use: importing a ``lessonNN`` module does no data work.

A lesson module whose exercises need data (a dataset, a generated network, a model run)
puts that work in one function returning its public names, and serves them with
:func:`built_on_first_use`; ``lesson.EXERCISES`` (and any other name it returns) is then
built the first time it is read, once.

Examples
--------
>>> calls = []
>>> def build():
...     calls.append(1)
...     return {"EXERCISES": (), "ANSWER": 42}
>>> __getattr__ = built_on_first_use(build, "lesson99", ("EXERCISES", "ANSWER"))
>>> len(calls), __getattr__("ANSWER"), __getattr__("EXERCISES"), len(calls)
(0, 42, (), 1)
>>> __getattr__("nothing")
Traceback (most recent call last):
...
AttributeError: module 'lesson99' has no attribute 'nothing'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["built_on_first_use"]


def built_on_first_use(
    build: Callable[[], Mapping[str, Any]], module: str, names: Iterable[str]
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` serving the names ``build()`` returns, built once.

    Parameters
    ----------
    build : callable
        Does the module's data work; returns ``{name: value}`` (e.g. ``"EXERCISES"``).
    module : str
        The module's name, for the error when a name is missing.
    names : iterable of str
        The names ``build()`` returns: any other name is missing without building
        (tools probe modules for names they do not have).

    Returns
    -------
    callable
        ``__getattr__(name)``: the built value, or AttributeError.
    """
    built = functools.cache(build)
    served = frozenset(names)

    def __getattr__(name: str) -> Any:
        if name not in served:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        return built()[name]

    return __getattr__
