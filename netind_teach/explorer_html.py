r"""HTML pieces the explorers show: a table, a message, a status line, bars of type shares.

Pure functions from plain values to HTML text (escaped where the text comes from data),
so the widgets in :mod:`netind_teach.widgets` only put them into their ``HTML`` controls.

Examples
--------
>>> print(status_html("First line.\nSecond <line>."))
<p role='status' aria-live='polite'>First line.<br>Second &lt;line&gt;.</p>
>>> message_html("")
''
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from netind_teach.vocab import TYPES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["message_html", "position_bar", "status_html", "table_html", "type_share_bars"]

#: Hatches of plotting's type bars (bounded //, limited ..), so the bars read in grey too.
_PATTERNS = {
    "networked": "",
    "bounded": "repeating-linear-gradient(45deg, rgba(0,0,0,.28) 0 2px, transparent 2px 7px),",
    "limited": "radial-gradient(rgba(0,0,0,.35) 1px, transparent 1.5px) 0 0/6px 6px,",
}


def status_html(text: str, bold: bool = False) -> str:
    """``text`` as an HTML status line that screen readers announce, one ``<br>`` a line.

    Parameters
    ----------
    text : str
        Plain text; line breaks become ``<br>``.
    bold : bool
        Whether the line is bold.

    Returns
    -------
    str
        A ``<p role='status' aria-live='polite'>`` element.

    Examples
    --------
    >>> status_html("Done.", bold=True)
    "<p role='status' aria-live='polite'><b>Done.</b></p>"
    """
    lines = "<br>".join(html.escape(line) for line in text.splitlines())
    if bold:
        lines = f"<b>{lines}</b>"
    return f"<p role='status' aria-live='polite'>{lines}</p>"


def position_bar(value: float, low: float, high: float, left: str, right: str) -> str:
    """Show where ``value`` sits between two named ends, as a bar (hidden from screen readers).

    The bar only repeats, for the eye, the number its control already says (a number
    box, named and read out), so it is ``aria-hidden``.

    Parameters
    ----------
    value, low, high : float
        The value and the ends of its range (``low < high``).
    left, right : str
        The words at each end.

    Returns
    -------
    str
        A ``<div aria-hidden="true">`` with a bar filled to ``value``'s place.

    Examples
    --------
    >>> bar = position_bar(0.25, 0, 1, "little boxes", "networked individualism")
    >>> 'aria-hidden="true"' in bar, "width:25%" in bar
    (True, True)
    >>> "width:100%" in position_bar(7, 0, 1, "a", "b")  # held to the bar
    True
    """
    share = min(max((value - low) / (high - low), 0.0), 1.0)
    return (
        '<div aria-hidden="true" style="display:flex;align-items:center;gap:0.5em;'
        'flex-wrap:wrap;max-width:100%"><small>'
        f"{html.escape(left)}</small>"
        '<span style="display:inline-block;width:12em;max-width:60%;height:0.8em;'
        'border:1px solid #1a1a1a;background:#ffffff">'
        f'<span style="display:block;height:100%;width:{share:.0%};background:#1a1a1a">'
        f"</span></span><small>{html.escape(right)}</small></div>"
    )


def message_html(text: str) -> str:
    """Return a refusal or warning in bold red, or ``""`` for no message.

    Parameters
    ----------
    text : str
        Plain text (escaped).

    Returns
    -------
    str
        A ``<p>`` element, or ``""`` when ``text`` is empty.

    Examples
    --------
    >>> message_html("No person 0.")
    "<p style='color:#B00020'><b>No person 0.</b></p>"
    """
    return f"<p style='color:#B00020'><b>{html.escape(text)}</b></p>" if text else ""


def table_html(header: list[str], rows: list[list[str]]) -> str:
    """Return a compact table; cells are HTML already (escape text from data first).

    Parameters
    ----------
    header : list of str
        Column headings.
    rows : list of list of str
        One list of cells per row.

    Returns
    -------
    str
        A ``<table>`` with a ``<thead>`` and a ``<tbody>``.

    Examples
    --------
    >>> table_html(["a"], [["1"]]).count("<td")
    1
    """
    cell = "padding:2px 8px;white-space:nowrap"
    head = "".join(f"<th style='text-align:left;{cell}'>{h}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td style='{cell}'>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def type_share_bars(table: pd.DataFrame, title: str) -> str:
    """Stacked horizontal bars of type shares, one per row of ``table`` (percent).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per group (the row name is its label), one column per type, in percent
        (:func:`netind_teach.typology.shares`).
    title : str
        Shown above the bars.

    Returns
    -------
    str
        The bars and a legend, with each share in the bar's tooltip.

    Examples
    --------
    >>> import pandas as pd
    >>> bars = type_share_bars(pd.DataFrame({"networked": [50.0], "bounded": [30.0],
    ...                                      "limited": [20.0]}, index=["all"]), "Types")
    >>> bars.count("title='"), "networked: 50.0%" in bars
    (3, True)
    """
    from netind_teach.plotting import TYPE_COLORS

    rows = []
    for group, shares_row in table.iterrows():
        parts = []
        for t in TYPES:
            share = float(shares_row[t])
            if share <= 0:
                continue
            text = f"{share:.0f}%" if share >= 8 else ""
            ink = "white" if t == "networked" else "#222"
            parts.append(
                f"<div title='{t}: {share:.1f}%' style='width:{share:.2f}%;"
                f"background:{_PATTERNS[t]}{TYPE_COLORS[t]};color:{ink};text-align:center;"
                f"font-size:12px;line-height:20px;overflow:hidden'>{text}</div>"
            )
        rows.append(
            "<div style='display:flex;align-items:center;margin:2px 0'>"
            f"<div style='width:6em'>{html.escape(str(group))}</div>"
            "<div style='display:flex;width:300px;height:20px;border:1px solid #333'>"
            + "".join(parts)
            + "</div></div>"
        )
    legend = " ".join(
        f"<span style='display:inline-block;width:12px;height:12px;"
        f"background:{_PATTERNS[t]}{TYPE_COLORS[t]};border:1px solid #333'></span> {t}"
        for t in TYPES
    )
    return f"<b>{html.escape(title)}</b>{''.join(rows)}<div>{legend}</div>"
