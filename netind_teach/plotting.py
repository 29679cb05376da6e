"""The course's look, and figures turned into PNG bytes.

Colours come from the Okabe-Ito palette, which stays distinguishable with the common
colour-vision deficiencies; shapes and line styles repeat what colour says (distant
alters are squares, weak ties dashed, online ties dotted, secondary-source points
hollow), so a figure also reads in greyscale. Text is sized for a projector.

What draws: :mod:`netind_teach.egodraw` (ego networks: layouts, drawings, model
panels, a synthetic person) and :mod:`netind_teach.charts` (series, distributions, the
typology's bars, the timeline). Both use the constants here; every widget turns its
figure into PNG bytes with :func:`figure_png`, at the figure's final size (no
``bbox_inches="tight"``, which lays a figure out twice).

Importing this module does not import matplotlib: each function imports it when called.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> figure = new_figure((2, 1), dpi=50)
>>> _ = figure.add_subplot().plot([0, 1], [0, 1], color=PALETTE[0])
>>> png = figure_png(figure)
>>> png[:4] == b"\\x89PNG", figure.canvas.get_width_height()
(True, (100, 50))
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from netind_teach import figure_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

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
    "figure_png",
    "legend_marker",
    "new_axes",
    "new_figure",
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
KIND_STYLES: dict[str, tuple[str, float]] = {
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


def new_figure(figsize: tuple[float, float], *, dpi: float = 100) -> Figure:
    """A figure outside pyplot (no global state), with an Agg canvas, for a widget.

    A widget keeps one such figure for its life and redraws on it; :func:`figure_png`
    turns it into PNG bytes.

    Parameters
    ----------
    figsize : (float, float)
        Final size in inches.
    dpi : float
        Pixels per inch of the PNG.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> new_figure((4, 3), dpi=50).canvas.get_width_height()
    (200, 150)
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(figure)
    return figure


def figure_png(
    figure: Figure, *, draw: bool = True, compress_level: int = 1, tight: bool = False
) -> bytes:
    """The figure as PNG bytes, at its own size and dpi, rendered once.

    No ``bbox_inches="tight"`` by default: that lays the figure out twice (once to
    measure, once to draw). Give the figure its final size and margins instead (fixed
    axes or ``subplots_adjust``). Fast compression (level 1) makes the file a few
    percent larger than the usual level 6 and halves the encoding time.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure (a pyplot figure or one from :func:`new_figure`).
    draw : bool
        Render the figure first (default). ``False`` encodes the canvas as it is, for a
        widget that has just blitted its moving parts onto a saved background.
    compress_level : int
        zlib level of the PNG, 0-9.
    tight : bool
        Crop (or grow) to what is drawn, as Jupyter's inline backend does: for a
        learner's own pyplot figure in a cell's output, whose layout nobody fixed.

    Returns
    -------
    bytes
        The PNG file's bytes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> figure_png(new_figure((1, 1), dpi=20))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    buffer = io.BytesIO()
    canvas = figure.canvas
    if tight or not isinstance(canvas, FigureCanvasAgg):  # e.g. a GUI backend's figure
        figure.savefig(
            buffer,
            format="png",
            dpi=figure.dpi,
            bbox_inches="tight" if tight else None,
            facecolor=figure.get_facecolor(),
            edgecolor=figure.get_edgecolor(),
            pil_kwargs={"compress_level": compress_level},
        )
        return buffer.getvalue()
    if draw:
        canvas.draw()
    pixels = canvas.buffer_rgba()
    height, width = pixels.shape[:2]
    picture = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
    picture.save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue()


def legend_marker(
    label: str, face: str, *, marker: str = "o", size: float = 9, edge: float = 1.0
) -> Any:
    """A legend entry that is a single marker (a ``Line2D`` with no line).

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
