"""Accessibility of the course's widgets: names, text alternatives, live results, CSS.

ipywidgets 8 gives Python no way to put ARIA attributes on a control; these are the ways
it does give, used by every course widget:

- a control's ``description`` becomes a ``<label for=...>``, its accessible name;
  :func:`name_control` sets it and, with ``visible=False``, hides the label from view but
  not from screen readers (class ``netind-sr-label``);
- an ``Image``'s ``tooltip`` becomes the ``title`` of its ``<img>``, which screen readers
  read as its text alternative (:func:`describe_image`). The front end reads the
  widget's ``description`` first, which ``Image`` lacks (it then fails to draw), so
  course pictures are :func:`image` widgets, an ``Image`` that has one (always empty);
- an ``HTML`` widget may hold ARIA markup: :func:`announce` wraps a result in a polite
  live region, so "Correct" or "Not quite" is read out where it appears;
- ipywidgets' sliders give their handle (a noUiSlider ``div`` with ``role="slider"``) no
  accessible name and offer no way to set one: the course shows a :func:`number_box`
  instead, an ``<input type="number">`` named by its ``<label for>``;
- :func:`style` is an (invisible) ``HTML`` widget holding the course CSS: a focus ring
  of at least 3:1 on any background, visually hidden labels, button and tab colours of at
  least 4.5:1 (the static site's defaults are lighter), and boxes that wrap on narrow
  screens (a 640 px wide window);
- JupyterLab's notebook shortcuts ("a", "d d", arrows...) fire on any focused element
  that is not a text box, widgets included. :func:`widget_safe_shortcuts` builds the
  settings the course ships (``netind_teach/_jupyter/lab-settings/overrides.json``,
  installed in JupyterLab's ``overrides.d``) that keep them out of ipywidgets: each
  command-mode binding is disabled and bound again for focus outside any widget.

This module imports ipywidgets only inside the functions that build widgets.

Examples
--------
>>> announce("<b>Correct</b>")
'<div role="status" aria-live="polite" aria-atomic="true"><b>Correct</b></div>'
>>> "outline" in COURSE_CSS and ".netind-sr-label" in COURSE_CSS
True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "COMMAND_MODE",
    "COURSE_CSS",
    "NUMBER_BOX_CLASS",
    "OPTION_LIST_CLASS",
    "SR_LABEL_CLASS",
    "announce",
    "describe_image",
    "image",
    "name_control",
    "number_box",
    "style",
    "widget_safe_shortcuts",
]

SR_LABEL_CLASS = "netind-sr-label"
#: JupyterLab 4's selector of the notebook's command-mode shortcuts.
COMMAND_MODE = ".jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus"
_OUTSIDE_WIDGETS = ":not(.jupyter-widgets):not(.jupyter-widgets *)"
#: The class of a list box of options (:func:`netind_teach.choice_controls.option_list`).
OPTION_LIST_CLASS = "netind-option-list"
#: The class of a number box (:func:`number_box`).
NUMBER_BOX_CLASS = "netind-number-box"

# A dark ring inside a white one: whatever the background, one of the two rings contrasts
# with it by at least 3:1 (WCAG 2.1 SC 1.4.11), and the rings contrast with each other.
_FOCUS = (
    "outline: 3px solid #1a1a1a !important; outline-offset: 2px !important;"
    " box-shadow: 0 0 0 5px #ffffff !important;"
)

COURSE_CSS = f"""
.jupyter-widgets:focus-visible, .jupyter-widgets :focus-visible,
.widget-radio-box input:focus,
.widget-checkbox input:focus, .jupyter-button:focus:enabled {{ {_FOCUS} }}
.{SR_LABEL_CLASS} > .widget-label {{
  position: absolute !important; width: 1px !important; height: 1px !important;
  margin: -1px !important; padding: 0 !important; overflow: hidden !important;
  clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important;
}}
.netind-exercise .widget-hbox, .netind-progress .widget-hbox,
.netind-network-builder .widget-hbox {{ flex-wrap: wrap; }}
.jupyter-widgets.widget-image {{ max-width: 100%; height: auto; }}
.jupyter-button.mod-primary {{ background-color: #1565c0 !important; color: #ffffff !important; }}
.jupyter-button.mod-danger {{ background-color: #c62828 !important; color: #ffffff !important; }}
.jupyter-widget-TabPanel .lm-TabBar-tab {{ color: #1f2328 !important; }}
.jupyter-widgets input::placeholder, .jupyter-widgets textarea::placeholder {{
  color: #595959; opacity: 1;
}}
.jupyter-widgets.widget-hbox {{ flex-wrap: wrap; }}
.jupyter-widgets.widget-html td, .jupyter-widgets.widget-html th {{
  white-space: normal !important;
}}
.jupyter-widgets.jupyter-button {{
  white-space: normal; height: auto; min-height: var(--jp-widgets-inline-height);
  line-height: 1.3; padding-top: 4px; padding-bottom: 4px;
}}
.jupyter-widgets.widget-label, .jupyter-widgets.widget-checkbox,
.widget-checkbox .widget-label-basic, .widget-checkbox .widget-label-basic > span {{
  white-space: normal; overflow: visible; text-overflow: clip; height: auto;
}}
.widget-checkbox .widget-label-basic {{ line-height: 1.4; align-items: flex-start; }}
.widget-checkbox .widget-label-basic input {{ flex: 0 0 auto; margin-top: 0.25em; }}
.jupyter-widgets.widget-select.{OPTION_LIST_CLASS}, .{OPTION_LIST_CLASS} > select {{
  height: auto !important; field-sizing: content; max-width: 100%;
}}
.{NUMBER_BOX_CLASS}, .{OPTION_LIST_CLASS} {{ flex-wrap: wrap; height: auto; max-width: 100%; }}
.{NUMBER_BOX_CLASS} > .widget-label, .{OPTION_LIST_CLASS} > .widget-label {{
  white-space: normal; overflow: visible; text-overflow: clip; height: auto; max-width: 100%;
}}
.{OPTION_LIST_CLASS} > select > option {{
  white-space: normal; padding: 4px 6px; line-height: 1.4;
}}
.{OPTION_LIST_CLASS} > select > option:checked {{ font-weight: bold; }}
.{OPTION_LIST_CLASS} > select > option:checked::before {{ content: "\\2713\\00a0"; }}
"""


def style() -> Any:
    """Return the ``ipywidgets.HTML`` holding :data:`COURSE_CSS` (takes no room on the page).

    Put it in every box the course displays; the CSS applies to the whole page, so a
    second copy changes nothing. Every box shows the same widget (made again if it was
    closed): one model for the front end, not three (the text, its layout and its style)
    and the style sheet sent again for every exercise (issue 24).

    Returns
    -------
    ipywidgets.HTML
        A widget whose value is a ``<style>`` element with :data:`COURSE_CSS`.

    Examples
    --------
    >>> sheet = style()
    >>> sheet.value.startswith("<style") and sheet.layout.display == "none"
    True
    >>> style() is sheet
    True
    """
    sheet = _SHEET.get("sheet")
    if sheet is None or getattr(sheet, "comm", None) is None:
        import ipywidgets as widgets
        from ipywidgets.widgets.widget_string import HTMLStyle

        from netind_teach.widget_parts import shared

        sheet = widgets.HTML(
            f'<style class="netind-course-css">{COURSE_CSS}</style>',
            layout=shared(widgets.Layout, display="none"),
            style=shared(HTMLStyle),
        )
        _SHEET["sheet"] = sheet
    return sheet


# The one style sheet widget style() returns (made on first use).
_SHEET: dict[str, Any] = {}


def name_control(control: Any, name: str, *, visible: bool = True) -> Any:
    """Give ``control`` the accessible name ``name`` (its ``description``); return it.

    With ``visible=False`` the label is read by screen readers but not shown.

    Parameters
    ----------
    control : ipywidgets.Widget
        A control with a ``description``.
    name : str
        Its accessible name.
    visible : bool
        Whether the label is shown on the page; False hides it visually (class
        :data:`SR_LABEL_CLASS`) and screen readers still read it.

    Returns
    -------
    ipywidgets.Widget
        ``control`` itself.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> box = name_control(widgets.Dropdown(options=["a"]), "Claim 1 is", visible=False)
    >>> box.description, SR_LABEL_CLASS in box._dom_classes
    ('Claim 1 is', True)
    """
    control.description = name
    if not visible:
        control.add_class(SR_LABEL_CLASS)
    return control


def number_box(
    name: str,
    value: float,
    low: float,
    high: float,
    step: float = 1,
    *,
    unit: str = "",
    disabled: bool = False,
) -> Any:
    """Make a labelled number box held to ``low``..``high``, stepped by the arrow keys.

    The course's control for a number, instead of ipywidgets' sliders (whose handle has
    no accessible name): an ``<input type="number">`` (``role="spinbutton"``) named by its
    ``<label for>``, which shows ``name`` and the range, e.g. "people (4 to 40)". The
    arrow keys step it, typing sets it. A number outside the range is held to the nearest
    end: ipywidgets does it in the page when the learner types one (99 shows as 40, so
    the label's range says why) and the widget does it in Python; text that is not a
    number puts the last value back. Either way the explorer only ever sees a number in
    range. ``continuous_update`` stays off: the value is sent when the learner presses
    Enter, leaves the box or steps it with an arrow key, never half-typed (a half-typed
    "3" on the way to "35" would be held to the minimum).

    Whole numbers (``value``, ``low``, ``high`` and ``step`` all ``int``) give a
    ``BoundedIntText``, others a ``BoundedFloatText``.

    Parameters
    ----------
    name : str
        What the number sets.
    value, low, high : float
        The starting value and the range.
    step : float
        What one arrow key adds or takes away.
    unit : str
        Written after the range in the label (``"%"`` gives "(0 to 50%)").
    disabled : bool
        Start greyed out (a disabled box is no Tab stop).

    Returns
    -------
    ipywidgets.BoundedIntText or ipywidgets.BoundedFloatText
        Its ``value`` is the number.

    Examples
    --------
    >>> people = number_box("people", 20, 4, 40)
    >>> type(people).__name__, people.description, people.value
    ('BoundedIntText', 'people (4 to 40)', 20)
    >>> people.value = 99
    >>> people.value
    40
    >>> share = number_box("share with weak ties", 0.2, 0.0, 0.5, 0.05)
    >>> type(share).__name__, share.description, share.step
    ('BoundedFloatText', 'share with weak ties (0 to 0.5)', 0.05)
    """
    import ipywidgets as widgets

    from netind_teach.widget_parts import control

    whole = all(isinstance(x, int) and not isinstance(x, bool) for x in (value, low, high, step))
    kind = widgets.BoundedIntText if whole else widgets.BoundedFloatText
    box = control(
        kind,
        value=value,
        min=low,
        max=high,
        step=step,
        disabled=disabled,
        continuous_update=False,
        style={"description_width": "initial"},
        layout={"width": "auto"},
        # named and classed as it is made: one message to the page, not three
        description=f"{name} ({low:g} to {high:g}{unit})",
        _dom_classes=(NUMBER_BOX_CLASS,),
    )
    return box


def image(**kwargs: Any) -> Any:
    """Return an ``ipywidgets.Image`` that can carry a text alternative (:func:`describe_image`).

    Parameters
    ----------
    **kwargs
        Passed to ``ipywidgets.Image`` (``value``, ``format``, ``layout``, ...).

    Returns
    -------
    ipywidgets.Image
        An Image whose ``description`` is empty and read-only.

    Examples
    --------
    >>> picture = image(format="png")
    >>> picture.description, type(picture).__mro__[1].__name__
    ('', 'Image')
    """
    return _described_image_class()(**kwargs)


def _described_image_class() -> type:
    global _DescribedImage
    if _DescribedImage is None:
        import ipywidgets as widgets
        from traitlets import Unicode

        class DescribedImage(widgets.Image):  # type: ignore[misc]  # ipywidgets has no types
            """An Image with an empty ``description``.

            The front end then shows ``tooltip`` as the ``title`` of the ``<img>`` instead
            of failing to draw the widget.
            """

            description = Unicode("", read_only=True).tag(sync=True)

        _DescribedImage = DescribedImage
    return _DescribedImage


_DescribedImage: type | None = None


def describe_image(picture: Any, description: str) -> Any:
    """Set the text alternative of an :func:`image` (its ``<img>`` ``title``).

    Parameters
    ----------
    picture : ipywidgets.Image
        An image made by :func:`image`.
    description : str
        The text alternative (whitespace collapsed; empty removes it).

    Returns
    -------
    ipywidgets.Image
        ``picture`` itself.

    Raises
    ------
    TypeError
        If ``picture`` was not made by :func:`image`.

    Examples
    --------
    >>> describe_image(image(format="png"), "Ego network of 6 people").tooltip
    'Ego network of 6 people'
    """
    if "description" not in picture.keys:
        raise TypeError("describe_image needs a picture made by a11y.image(), not ipywidgets.Image")
    picture.tooltip = " ".join(str(description).split()) or None
    return picture


def announce(inner_html: str) -> str:
    """``inner_html`` in a polite live region, for an ``HTML`` widget showing a result.

    Parameters
    ----------
    inner_html : str
        The HTML to announce (not escaped).

    Returns
    -------
    str
        ``inner_html`` inside ``<div role="status" aria-live="polite" aria-atomic="true">``.

    Examples
    --------
    >>> announce("").startswith('<div role="status"')
    True
    """
    return f'<div role="status" aria-live="polite" aria-atomic="true">{inner_html}</div>'


def widget_safe_shortcuts(bindings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return settings that keep notebook command-mode shortcuts out of widgets.

    ``bindings`` are JupyterLab's notebook shortcuts (``jupyter.lab.shortcuts`` of the
    ``@jupyterlab/notebook-extension:tracker`` schema). Each one whose selector is
    :data:`COMMAND_MODE` is disabled and bound again for focus outside any ipywidget, so
    "d d" on a dropdown no longer deletes its cell, while the same keys still work on a
    selected cell.

    Parameters
    ----------
    bindings : list of dict
        The shortcuts, each with ``command``, ``keys`` and ``selector`` (and maybe
        ``disabled``).

    Returns
    -------
    list of dict
        Two settings per command-mode shortcut: the original disabled, and the same keys
        bound outside widgets.

    Examples
    --------
    >>> rows = widget_safe_shortcuts(
    ...     [{"command": "notebook:delete-cell", "keys": ["D", "D"], "selector": COMMAND_MODE}])
    >>> [(row.get("disabled", False), row["selector"][len(COMMAND_MODE):]) for row in rows]
    [(True, ''), (False, ':not(.jupyter-widgets):not(.jupyter-widgets *)')]
    """
    settings: list[dict[str, Any]] = []
    for binding in bindings:
        if binding.get("selector") != COMMAND_MODE or binding.get("disabled"):
            continue
        same = {"command": binding["command"], "keys": list(binding["keys"])}
        settings.append({**same, "selector": COMMAND_MODE, "disabled": True})
        settings.append({**same, "selector": COMMAND_MODE + _OUTSIDE_WIDGETS})
    return settings
