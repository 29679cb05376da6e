"""What lesson 06's widgets share: a result announced in words, safe updates, a PNG.

:class:`StatusWidget` gives a widget a ``summary`` (plain text) shown in an HTML status
line that screen readers announce (``role="status"``, ``aria-live="polite"``, written by
:func:`netind_teach.explorer_html.status_html`), an observer that never lets a traceback
reach the learner (:meth:`StatusWidget.refresh`, through
:func:`netind_teach.widget_guard.guard`), and the notebook display of its ``box``.
Pictures become PNG bytes with :func:`netind_teach.rendering.figure_png`.

Importing this module does not import ipywidgets or matplotlib.
"""

from __future__ import annotations

from typing import Any

from netind_teach.display import ShownAsBox
from netind_teach.explorer_html import status_html
from netind_teach.widget_guard import failure_message, guard

__all__ = ["StatusWidget"]


class StatusWidget(ShownAsBox):
    """Base of a widget whose result is a sentence in ``self.status``.

    A subclass sets ``self.status`` (an ``ipywidgets.HTML``) and ``self.box`` (what the
    notebook shows), implements ``_update`` (which calls :meth:`announce`), and observes
    its controls with :meth:`refresh`.
    """

    #: How the widget names itself in its text representation.
    label = "Widget"
    #: Whether the status line is bold.
    bold = True
    summary = ""
    status: Any
    box: Any

    def announce(self, text: str) -> None:
        """Show ``text`` in the status line (and keep it as ``summary``)."""
        self.summary = text
        self.status.value = status_html(text, bold=self.bold)

    def refresh(self, _change: Any = None) -> None:
        """Update after a control moved; a failure becomes a sentence, never a traceback."""
        with guard(self._show_failure):
            self._update()

    def _show_failure(self, exc: Exception) -> None:
        self.announce(failure_message(exc, "run the cell again"))

    def _update(self) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{self.label}: " + self.summary.replace("\n", " ")
