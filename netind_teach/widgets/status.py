"""What lesson 06's widgets share: a result announced in words, safe updates, a PNG.

:class:`StatusWidget` gives a widget a ``summary`` (plain text) shown in an HTML status
line that screen readers announce (``role="status"``, ``aria-live="polite"``), an observer
that never lets a traceback reach the learner (:meth:`StatusWidget.refresh`), and the
notebook display of its ``box``. Pictures become PNG bytes with
:func:`netind_teach.plotting.figure_png`.

Importing this module does not import ipywidgets or matplotlib.

Examples
--------
>>> print(status_html("First line.\\nSecond <line>."))
<p role='status' aria-live='polite'>First line.<br>Second &lt;line&gt;.</p>
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["StatusWidget", "status_html"]


def status_html(text: str, bold: bool = False) -> str:
    """``text`` as an HTML status line, one ``<br>`` per line break, escaped."""
    lines = "<br>".join(html.escape(line) for line in text.splitlines())
    if bold:
        lines = f"<b>{lines}</b>"
    return f"<p role='status' aria-live='polite'>{lines}</p>"


class StatusWidget:
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
        try:
            self._update()
        except Exception as exc:  # never a traceback under a widget
            self.announce(f"Could not update ({type(exc).__name__}): run the cell again.")

    def _update(self) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{self.label}: " + self.summary.replace("\n", " ")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_() or {})
        bundle["text/plain"] = repr(self)
        return bundle
