"""Controls for choosing with the keyboard alone: one option from a list, or several.

ipywidgets' ``RadioButtons`` draw ``<input type="radio">`` without a shared ``name``, so
the browser does not group them: each option is its own Tab stop, and in Chromium the
arrow keys wander into other exercises' options. ``SelectMultiple`` (a list box) picks
several options only with Ctrl/Cmd or Shift held, and an arrow key on it replaces the
whole choice with one option. The course uses instead:

- :func:`option_list`: a list box (``ipywidgets.Select`` showing every option, a native
  ``<select size=n>``): one Tab stop, arrow keys move the choice within it, and screen
  readers announce the chosen option as selected. Its options' words wrap (see
  :data:`netind_teach.a11y.COURSE_CSS`): ipywidgets turns their spaces into no-break
  spaces, so each space is followed by a zero-width space, a break opportunity that
  is neither seen nor read out;
- :class:`TickList`: one checkbox per option, named by its words; Tab moves between them
  and Space ticks or unticks one, no modifier needed. It keeps ``SelectMultiple``'s
  ``options`` and ``value``, so code that set those works unchanged.

Examples
--------
>>> box = option_list([("a) Barry Wellman", "a"), ("b) Someone else", "b")], "Your answer")
>>> box.rows, box.value, box.description
(2, None, 'Your answer')
>>> ticks = TickList(options=[("Sam", "p1"), ("Ola", "p2")])
>>> ticks.parts[1].value = True
>>> ticks.value
('p2',)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import List, Tuple, observe, validate

from . import a11y, widget_parts

__all__ = ["TICK_LIST_CLASS", "TickList", "breakable", "option_list"]

TICK_LIST_CLASS = "netind-tick-list"
_ZERO_WIDTH_SPACE = "\u200b"


def breakable(label: str) -> str:
    r"""``label`` with a zero-width space after each space, so a list box can wrap it.

    Parameters
    ----------
    label : str
        An option's words.

    Returns
    -------
    str
        The same words, each space followed by a zero-width space.

    Examples
    --------
    >>> breakable("one two") == "one \u200btwo"
    True
    """
    return label.replace(" ", " " + _ZERO_WIDTH_SPACE)


def option_list(
    options: Sequence[tuple[str, Any]], name: str, *, visible: bool = False
) -> widgets.Select:
    r"""Make a list box showing every option: one Tab stop, named ``name``, nothing chosen.

    Parameters
    ----------
    options : sequence of (label, value)
        What the learner reads and what ``value`` becomes when they choose it.
    name : str
        The accessible name (hidden from view unless ``visible``).
    visible : bool
        Show the name beside the list.

    Returns
    -------
    ipywidgets.Select
        Its ``value`` is the chosen option's value, None until one is chosen.

    Examples
    --------
    >>> box = option_list([("networked", "networked")], "Type of this network")
    >>> box.value = "networked"
    >>> box.label.replace("\u200b", "")
    'networked'
    """
    box = widget_parts.control(
        widgets.Select,
        options=[(breakable(label), value) for label, value in options],
        value=None,
        rows=max(len(options), 1),
        layout={"width": "auto"},
        style={"description_width": "initial"},  # a visible name is never cut to "..."
        # named and classed as it is made (as a11y.name_control would): one message to
        # the page, not three
        description=name,
        _dom_classes=(a11y.OPTION_LIST_CLASS, *(() if visible else (a11y.SR_LABEL_CLASS,))),
    )
    return box


class TickList(widgets.VBox):  # type: ignore[misc]  # ipywidgets is untyped
    """Several options, one checkbox each: Tab between them, Space ticks one.

    Parameters
    ----------
    options : list of (label, value)
        One checkbox per option, named by its label; the values must be hashable (each
        keeps its checkbox when the list changes, so a long list is not redrawn).
    value : tuple
        The values ticked, in the order of ``options``.
    **kwargs
        Passed to ``ipywidgets.VBox`` (e.g. ``layout``).

    Attributes
    ----------
    parts : list of ipywidgets.Checkbox
        The checkboxes shown, one per option.

    Examples
    --------
    >>> ticks = TickList(options=[("Sam", 1), ("Ola", 2)], value=(2,))
    >>> [box.value for box in ticks.parts]
    [False, True]
    >>> ticks.options = [("Ola", 2)]
    >>> ticks.value, len(ticks.children)
    ((2,), 1)
    """

    options: List[Any] = List()
    value = Tuple()

    def __init__(
        self, options: Sequence[tuple[str, Any]] = (), value: tuple[Any, ...] = (), **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.add_class(TICK_LIST_CLASS)
        self.parts: list[widgets.Checkbox] = []
        self._boxes: dict[Any, widgets.Checkbox] = {}
        self._syncing = False
        self.options = list(options)
        self.value = tuple(value)

    @observe("options")
    def _on_options(self, change: dict[str, Any]) -> None:
        wanted = [tuple(option) for option in change["new"]]
        self._syncing = True
        try:
            for label, value in wanted:  # each value keeps its checkbox
                if value not in self._boxes:  # named as it is made: one message, not two
                    box = widget_parts.control(
                        widgets.Checkbox,
                        value=False,
                        description=str(label),
                        indent=False,
                        layout={"width": "auto"},
                    )
                    box.observe(self._on_tick, names="value")
                    self._boxes[value] = box
                self._boxes[value].description = str(label)
            self.parts = [self._boxes[value] for _label, value in wanted]
            self.children = tuple(self.parts)
            self.value = self.value  # validated again: values no longer offered go
            self._show(self.value)
        finally:
            self._syncing = False

    @validate("value")
    def _known_values(self, proposal: dict[str, Any]) -> tuple[Any, ...]:
        known = [value for _label, value in self.options]
        chosen = set(proposal["value"])
        return tuple(value for value in known if value in chosen)

    @observe("value")
    def _on_value(self, change: dict[str, Any]) -> None:
        if not self._syncing:
            self._syncing = True
            try:
                self._show(change["new"])
            finally:
                self._syncing = False

    def _show(self, chosen: tuple[Any, ...]) -> None:
        ticked = set(chosen)
        for box, (_label, value) in zip(self.parts, self.options, strict=True):
            box.value = value in ticked

    def _on_tick(self, _change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self.value = tuple(
            value
            for box, (_label, value) in zip(self.parts, self.options, strict=True)
            if box.value
        )
