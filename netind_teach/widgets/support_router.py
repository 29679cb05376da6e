"""Lesson 06's support router: remove one kind of tie, see which needs lose their helpers.

A dropdown chooses a kind of tie to remove from the **synthetic** personal network of
:mod:`netind_teach.support`; a table shows, for every need, its helpers by tie kind before
and after, and a sentence (``explorer.summary``) says which needs have no helper left. All
the figures come from :func:`netind_teach.support.route_needs` and
:func:`netind_teach.support.needs_lost`; the widget only wires the dropdown to them.

Importing this module does not import ipywidgets; building the explorer does.

Examples
--------
>>> from netind_teach import support
>>> x = SupportExplorer(support.generate_support_network())
>>> x.remove.value = "parent or adult child"
>>> x.lost
('money',)
"""

from __future__ import annotations

import html
from typing import Any

from netind_teach import support
from netind_teach.widgets.status import StatusWidget

__all__ = ["NOTHING", "SupportExplorer"]

#: The dropdown's first choice: remove nothing.
NOTHING = "(nothing: the whole network)"


class SupportExplorer(StatusWidget):
    """Route needs through a personal network, with one kind of tie removed.

    Parameters
    ----------
    network : pandas.DataFrame
        ``datasets.load("support_network_synthetic")`` (or a table with its columns).

    Attributes
    ----------
    remove : ipywidgets.Dropdown
        The kind of tie to remove (:data:`NOTHING` or one of ``support.TIE_KINDS``).
    table : ipywidgets.HTML
        Needs, their helpers by tie kind, and what is left.
    status : ipywidgets.HTML
        The result in one sentence, announced to screen readers (``role="status"``).
    lost : tuple of str
        Needs with no helper left.
    summary : str
        The sentence shown in ``status``.
    """

    label = "Support router"

    def __init__(self, network: Any) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        support.route_needs(network)  # checks the table; a clear message if it is wrong
        self.network = network
        self.before = support.route_needs(network)
        self.helpers_before = support.helpers_by_kind(network)
        self.remove = widget_parts.control(
            widgets.Dropdown,
            options=[NOTHING, *support.TIE_KINDS],
            value=NOTHING,
            description="Remove ties of kind",
            style={"description_width": "initial"},
            layout=dict(width="30em"),
        )
        self.table = widget_parts.html()
        self.status = widget_parts.html()
        self.box = widget_parts.vbox([self.remove, self.status, self.table])
        self.box.add_class("netind-support-router")
        self.remove.observe(self.refresh, names="value")
        self._update()

    @property
    def removed(self) -> str | None:
        """The kind of tie removed, or None."""
        return None if self.remove.value == NOTHING else str(self.remove.value)

    def _update(self) -> None:
        kind = self.removed
        current = self.network if kind is None else support.without_kind(self.network, kind)
        self.after = support.route_needs(current)
        self.lost = () if kind is None else support.needs_lost(self.network, kind)
        if kind is None:
            summary = (
                f"The whole network: {len(self.network)} people. Every need has at least one "
                "helper."
                if all(self.before.values())
                else "Some needs have no helper."
            )
        elif self.lost:
            summary = f"Without {kind} ties, no one is left to help with: {', '.join(self.lost)}."
        else:
            summary = f"Without {kind} ties, every need still has a helper."
        self.announce(summary)
        self._show_table()

    def _show_table(self) -> None:
        head = (
            "<tr><th scope='col' style='text-align:left'>need</th>"
            "<th scope='col' style='text-align:left'>kind of support</th>"
            "<th scope='col' style='text-align:left'>helpers in the whole network</th>"
            "<th scope='col' style='text-align:right'>helpers left</th></tr>"
        )
        rows = []
        for need, kind_of_support in support.NEEDS.items():
            left = len(self.after[need])
            by_kind = [f"{k} {n}" for k, n in self.helpers_before[need].items() if n]
            mark = " <b>(none left)</b>" if need in self.lost else ""
            rows.append(
                f"<tr><th scope='row' style='text-align:left'>{html.escape(need)}</th>"
                f"<td>{html.escape(kind_of_support)}</td>"
                f"<td>{html.escape(', '.join(by_kind) or 'nobody')}</td>"
                f"<td style='text-align:right'>{left}{mark}</td></tr>"
            )
        caption = (
            "<caption style='text-align:left'>Helpers by kind of tie. SYNTHETIC network "
            "(made up by seeded code, not a real person).</caption>"
        )
        self.table.value = f"<table>{caption}{head}{''.join(rows)}</table>"
