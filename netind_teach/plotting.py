"""The course's look, and figures turned into PNG bytes.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies; shapes and line styles repeat what colour says (distant
alters are squares, weak ties dashed, online ties dotted, secondary-source points
hollow), so a figure also reads in greyscale. Text is sized for a projector.

What draws: :mod:`netind_teach.egodraw` (ego networks: layouts, drawings, model
panels, a synthetic person) and :mod:`netind_teach.charts` (series, distributions, the
typology's bars, the timeline). Both use the constants here; figures become PNG bytes
with :func:`netind_teach.rendering.figure_png`. Importing this module also shows
figures in a notebook as an ``<img>`` with their text alternative
(:func:`netind_teach.figure_text.register_figure_html`).

Importing this module does not import matplotlib: each function imports it when called.

Examples
--------
>>> PALETTE[0], FONT["title"]
('#0072B2', 16)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from netind_teach import figure_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.typing import LineStyleType

__all__ = [
    "EGO_COLOR",
    "FONT",
    "GREY",
    "INK",
    "KIND_STYLES",
    "PALETTE",
    "SERIES_HATCHES",
    "TYPE_COLORS",
    "TYPE_HATCHES",
    "course_style",
    "key_html",
    "legend_html",
    "legend_marker",
    "new_axes",
]

#: Okabe & Ito (2008) colour-blind-safe palette, without black (kept for ego).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
)
#: Colour of the focal person.
EGO_COLOR = "#000000"
#: Grey of the little-boxes group and of the "limited" type.
GREY = "#999999"
#: Colour of lines, edges and text drawn in the pictures.
INK = "#333333"
#: Colour of each type of the typology.
TYPE_COLORS: dict[str, str] = {"networked": "#0072B2", "bounded": "#E69F00", "limited": GREY}
#: Hatch of each type, so stacked bars also read in grey.
TYPE_HATCHES: dict[str, str] = {"networked": "", "bounded": "//", "limited": ".."}
#: Line style of each tie kind: (linestyle, linewidth).
KIND_STYLES: dict[str, tuple[LineStyleType, float]] = {
    "strong": ("solid", 2.0),
    "weak": ("dashed", 1.2),
    "online": ("dotted", 1.6),
}
#: Font sizes, readable on a projector.
FONT: dict[str, float] = {"title": 16, "label": 14, "tick": 12, "legend": 12, "note": 10}
#: Hatches of grouped bars, one per series, so they read in grey.
SERIES_HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\")
# In a notebook, figures show as an <img> with their description as alt text.
figure_text.register_figure_html()


def course_style() -> dict[str, Any]:
    """Return matplotlib settings for the course look (projector-sized text).

    Use them for a whole notebook, ``matplotlib.pyplot.rcParams.update(course_style())``,
    or for one figure, ``with matplotlib.rc_context(course_style()): ...``.

    Returns
    -------
    dict
        rcParams: font sizes, the palette as colour cycle, no top and right spines.

    Examples
    --------
    >>> course_style()["font.size"]
    14
    """
    from cycler import cycler

    return {
        "font.size": 14,
        "axes.titlesize": FONT["title"],
        "axes.labelsize": FONT["label"],
        "xtick.labelsize": FONT["tick"],
        "ytick.labelsize": FONT["tick"],
        "legend.fontsize": FONT["legend"],
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "figure.dpi": 100,
    }


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """Return ``ax``, or the Axes of a new pyplot figure of ``figsize`` inches.

    Parameters
    ----------
    ax : matplotlib Axes or None
        Where the caller asked to draw.
    figsize : (float, float)
        Size of the new figure, in inches, when ``ax`` is None.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> new_axes(None, (3, 2)).figure.get_size_inches().tolist()
    [3.0, 2.0]
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, created = plt.subplots(figsize=figsize)
    return created


def legend_marker(
    label: str, face: str, *, marker: str = "o", size: float = 9, edge: float = 1.0
) -> Any:
    """Return a legend entry that is a single marker (a ``Line2D`` with no line).

    Parameters
    ----------
    label : str
        Text of the entry.
    face : str
        Fill colour ("none" or "white" for hollow).
    marker : str
        Matplotlib marker.
    size, edge : float
        Marker size and edge width, in points.

    Returns
    -------
    matplotlib.lines.Line2D

    Examples
    --------
    >>> legend_marker("distant", "white", marker="s").get_marker()
    's'
    """
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker=marker,
        linestyle="",
        markersize=size,
        markerfacecolor=face,
        markeredgecolor=INK,
        markeredgewidth=edge,
        label=label,
    )


_SHAPES = {"o": "&#9679;", "s": "&#9632;", "^": "&#9650;"}
_HOLLOW = {"o": "&#9711;", "s": "&#9633;", "^": "&#9651;"}
_LINES = {"-": "&#8212;&#8212;", "--": "- - -", ":": "&middot;&middot;&middot;", "-.": "-&middot;-"}


def legend_html(ax: Axes, *, remove: bool = True) -> str:
    """Return the Axes' legend as an HTML key for beside the picture (removed from the picture).

    A legend costs more to render than a small network drawing (matplotlib draws text
    slowly); a widget shows the same key as HTML instead. Markers become coloured
    symbols (hollow ones outlined), lines their dash pattern; symbols are hidden from
    screen readers, which read the labels.

    Parameters
    ----------
    ax : matplotlib Axes
        Axes with a legend (an empty string when it has none).
    remove : bool
        Remove the legend from the Axes.

    Returns
    -------
    str
        ``<div>`` with one ``<span>`` per entry.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.legend(handles=[legend_marker("kin", PALETTE[0])], title="circles")
    >>> key = legend_html(ax)
    >>> "<b>circles</b>" in key, "color:#0072b2" in key, key.endswith("</span> kin</span></div>")
    (True, True, True)
    >>> ax.get_legend() is None
    True
    """
    legend = ax.get_legend()
    if legend is None:
        return ""
    entries = [
        (handle, text.get_text())
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=False)
    ]
    key = key_html(entries, title=legend.get_title().get_text())
    if remove:
        legend.remove()
    return key


def key_html(entries: Sequence[tuple[Any, str]], *, title: str = "") -> str:
    """Return legend entries as an HTML key, without making a matplotlib legend.

    The key :func:`legend_html` writes, from the handles a drawing would give its legend
    (e.g. :func:`legend_marker`): a widget that shows its key beside the picture need
    not build the legend first (about 2 ms a drawing).

    Parameters
    ----------
    entries : sequence of (artist, str)
        Each entry's handle (a ``Line2D``: a marker or a line) and its label.
    title : str
        The key's title (none when empty).

    Returns
    -------
    str
        ``<div>`` with one ``<span>`` per entry.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> key = key_html([(legend_marker("kin", PALETTE[0]), "kin")], title="circles")
    >>> "<b>circles</b>" in key, "color:#0072b2" in key, key.endswith("</span> kin</span></div>")
    (True, True, True)
    """
    import html

    from matplotlib.colors import to_hex
    from matplotlib.lines import Line2D

    items = []
    for handle, label in entries:
        symbol, colour = "&#9679;", INK
        if isinstance(handle, Line2D):
            marker, face = str(handle.get_marker()), handle.get_markerfacecolor()
            if marker not in ("None", "", " "):
                hollow = isinstance(face, str) and face.lower() in ("none", "white", "#ffffff")
                symbol = (_HOLLOW if hollow else _SHAPES).get(marker, "&#9679;")
                colour = to_hex(handle.get_markeredgecolor() if hollow else face)
            else:
                symbol = _LINES.get(str(handle.get_linestyle()), "&#8212;&#8212;")
                colour = to_hex(handle.get_color())
        items.append(
            "<span style='white-space:nowrap;margin-right:10px'>"
            f"<span style='color:{colour}' aria-hidden='true'>{symbol}</span> "
            f"{html.escape(label)}</span>"
        )
    head = f"<b>{html.escape(title)}</b> " if title else ""
    return "<div style='font-size:90%;max-width:630px'>" + head + " ".join(items) + "</div>"

