"""How the course's interactive objects show in a notebook: their widget box, and a text.

Each widget object of the course (an exercise widget, a progress bar, an explorer) holds
its controls in one ipywidgets container, ``box``, and says what it is in ``repr``. The
:class:`ShownAsBox` mixin displays the box in a notebook and the ``repr`` wherever only
text is shown (a terminal, a stored notebook, a screen reader's text view). This module
imports nothing: the box is made by the class that uses it.

Examples
--------
>>> class Fake:
...     def _repr_mimebundle_(self, include=None, exclude=None):
...         return {"text/plain": "VBox()", "application/vnd.jupyter.widget-view+json": {}}
>>> class Explorer(ShownAsBox):
...     box = Fake()
...     def __repr__(self):
...         return "Explorer at 35%"
>>> sorted(Explorer()._repr_mimebundle_().items())
[('application/vnd.jupyter.widget-view+json', {}), ('text/plain', 'Explorer at 35%')]
"""

from __future__ import annotations

from typing import Any

__all__ = ["ShownAsBox"]


class ShownAsBox:
    """Display as ``self.box`` (an ipywidgets container), with ``repr(self)`` as its text."""

    box: Any

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """Return the box's widget view, and ``repr(self)`` as ``text/plain``.

        Parameters
        ----------
        include, exclude : container of str, optional
            Mime types asked for or refused by the front end (passed on to the box).

        Returns
        -------
        dict
            Mime type -> data, as IPython's display expects.
        """
        bundle = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = repr(self)
        return bundle
