"""Errors a learner may cause by editing a lesson's cell, shown as one line, not a traceback.

Each class is a ``ValueError``, ``KeyError`` or ``TypeError``, so code that catches those
keeps working, and a script or a test sees an ordinary exception with its traceback. In
a notebook, IPython asks an exception for ``_render_traceback_()`` before it formats a
traceback: these answer with their message alone, which says what went wrong and what
to do.

Examples
--------
>>> err = NotFound("There is no person 0. Fix: use an id from 1 to 101.")
>>> isinstance(err, KeyError), str(err)
(True, 'There is no person 0. Fix: use an id from 1 to 101.')
>>> err._render_traceback_()
['There is no person 0. Fix: use an id from 1 to 101.']
"""

from __future__ import annotations

__all__ = ["LearnerMessage", "NotFound", "WrongInput", "WrongKind"]


class LearnerMessage(Exception):
    """An exception that a notebook shows as its one-line message."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def _render_traceback_(self) -> list[str]:
        """Return what IPython shows instead of a traceback: the message, on one line."""
        return [" ".join(str(self).split())]


class WrongInput(LearnerMessage, ValueError):
    """A value that cannot be used, e.g. an unknown lesson or a person linked to themselves."""


class NotFound(LearnerMessage, KeyError):
    """Something looked up by a name or an id that does not exist."""


class WrongKind(LearnerMessage, TypeError):
    """A value of the wrong kind, e.g. a number where a nickname (text) is needed."""
