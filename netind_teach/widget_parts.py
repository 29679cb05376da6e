"""Text, buttons and boxes whose looks never change, sharing one layout and one style.

Every ipywidgets control makes its own ``Layout`` model and most make a ``Style`` model:
two more models in the front end, each opened with a message of its own, for a widget
whose looks nobody changes. An exercise widget was 34 models, lesson 06 made 701 (254 of
them layouts) and creating them was about a third of the lesson's own work (issue 24).
The course's fixed text, buttons and boxes share one layout, and one style of each
kind, instead: ipywidgets lets many widgets share a layout or a style. A shared layout
or style refuses changes; give the widget its own first (``widget.layout =
ipywidgets.Layout(width="10em")``).

This module imports ipywidgets.

Examples
--------
>>> a, b = html("<b>Hint 1</b>"), html("")
>>> a.layout is b.layout and a.style is b.style
True
>>> a.layout.width = "10em"
Traceback (most recent call last):
...
traitlets.traitlets.TraitError: This layout is shared by many widgets: ...
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import TraitError, validate

__all__ = ["button", "control", "hbox", "html", "label", "shared", "vbox"]

_REFUSAL = (
    "This {kind} is shared by many widgets: changing it would change them all. Fix: give "
    "the widget its own first, e.g. widget.{attribute} = ipywidgets.{name}(...)."
)


def _frozen_kind(kind: type[widgets.Widget]) -> type[widgets.Widget]:
    """Return a subclass of ``kind`` (a Layout or Style) whose settings cannot change."""
    names = [name for name in kind.class_trait_names(sync=True) if not name.startswith("_")]
    attribute = "layout" if issubclass(kind, widgets.Layout) else "style"

    class Shared(kind):  # type: ignore[misc]
        _netind_frozen = False

        @validate(*names)
        def _refuse_changes(self, proposal: Any) -> Any:
            if self._netind_frozen:
                raise TraitError(
                    _REFUSAL.format(kind=attribute, attribute=attribute, name=kind.__name__)
                )
            return proposal["value"]

    Shared.__name__ = Shared.__qualname__ = f"Shared{kind.__name__}"
    return Shared


_SHARED: dict[tuple[type[widgets.Widget], tuple[tuple[str, Any], ...]], Any] = {}


def shared(kind: type[widgets.Widget], **settings: Any) -> Any:
    """Return the one ``kind`` (a Layout or a Style class) with ``settings``, shared.

    Made on first use, and again after it was closed (``Widget.close_all()``).

    Parameters
    ----------
    kind : type
        ``ipywidgets.Layout`` or a style class (e.g. ``ipywidgets.ButtonStyle``).
    **settings
        Its settings (e.g. ``width="14em"``); each set of settings has its own model.

    Returns
    -------
    ipywidgets.Layout or ipywidgets style
        A model that refuses changes.

    Examples
    --------
    >>> import ipywidgets
    >>> shared(ipywidgets.Layout, width="14em") is shared(ipywidgets.Layout, width="14em")
    True
    >>> shared(ipywidgets.Layout, width="14em").width
    '14em'
    """
    key = (kind, tuple(sorted(settings.items())))
    model = _SHARED.get(key)
    if model is None or getattr(model, "comm", None) is None:
        model = _frozen_kind(kind)(**settings)
        model._netind_frozen = True
        _SHARED[key] = model
    return model


def control(
    kind: type[widgets.Widget],
    *,
    layout: dict[str, Any] | None = None,
    style: dict[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Return ``kind(**kwargs)`` on a shared layout and the shared style of its kind.

    For a control whose value changes and whose looks do not (a number box, a list box,
    a check box, a dropdown): two models fewer than ``kind(**kwargs)`` made alone.

    Parameters
    ----------
    kind : type
        An ipywidgets control class (e.g. ``ipywidgets.Checkbox``).
    layout : dict, optional
        The layout's settings (e.g. ``{"width": "auto"}``); none: the plain shared layout.
    style : dict, optional
        The style's settings (e.g. ``{"description_width": "initial"}``), for a kind that
        has a style.
    **kwargs
        Passed to ``kind`` (not ``layout`` or ``style``).

    Returns
    -------
    ipywidgets.Widget
        The control.

    Examples
    --------
    >>> import ipywidgets
    >>> a = control(ipywidgets.Checkbox, description="Sam", layout={"width": "auto"})
    >>> b = control(ipywidgets.Checkbox, description="Ola", layout={"width": "auto"})
    >>> a.layout is b.layout and a.style is b.style, a.layout.width
    (True, 'auto')
    """
    parts: dict[str, Any] = {"layout": shared(widgets.Layout, **(layout or {}))}
    style_trait = kind.class_traits().get("style")
    if style_trait is not None:
        parts["style"] = shared(style_trait.klass, **(style or {}))
    elif style:
        raise TypeError(f"{kind.__name__} has no style to set.")
    return kind(**parts, **kwargs)


def html(value: str = "", **kwargs: Any) -> widgets.HTML:
    """Return an ``ipywidgets.HTML`` on the shared layout and style.

    Parameters
    ----------
    value : str
        Its HTML.
    **kwargs
        Passed to ``ipywidgets.HTML`` (not ``layout`` or ``style``).

    Returns
    -------
    ipywidgets.HTML

    Examples
    --------
    >>> html("<p>Not quite.</p>").value
    '<p>Not quite.</p>'
    """
    html_widget: widgets.HTML = control(widgets.HTML, value=value, **kwargs)
    return html_widget


def label(value: str = "", **kwargs: Any) -> widgets.Label:
    """Return an ``ipywidgets.Label`` on the shared layout and style.

    Parameters
    ----------
    value : str
        Its text.
    **kwargs
        Passed to ``ipywidgets.Label`` (not ``layout`` or ``style``).

    Returns
    -------
    ipywidgets.Label

    Examples
    --------
    >>> label("2 of 5 done").value
    '2 of 5 done'
    """
    label_widget: widgets.Label = control(widgets.Label, value=value, **kwargs)
    return label_widget


def button(description: str, **kwargs: Any) -> widgets.Button:
    """Return an ``ipywidgets.Button`` on the shared layout and style.

    Parameters
    ----------
    description : str
        Its words (its accessible name).
    **kwargs
        Passed to ``ipywidgets.Button`` (e.g. ``button_style``, ``tooltip``; not
        ``layout`` or ``style``).

    Returns
    -------
    ipywidgets.Button

    Examples
    --------
    >>> button("Check", button_style="primary").button_style
    'primary'
    """
    button_widget: widgets.Button = control(widgets.Button, description=description, **kwargs)
    return button_widget


def hbox(children: Sequence[widgets.Widget] = (), **kwargs: Any) -> widgets.HBox:
    """Return an ``ipywidgets.HBox`` on the shared layout.

    Parameters
    ----------
    children : sequence of ipywidgets.Widget
        What it holds (it may change: only the layout is shared).
    **kwargs
        Passed to ``ipywidgets.HBox`` (not ``layout``).

    Returns
    -------
    ipywidgets.HBox

    Examples
    --------
    >>> len(hbox([button("Check"), button("Hint")]).children)
    2
    """
    return widgets.HBox(list(children), layout=shared(widgets.Layout), **kwargs)


def vbox(children: Sequence[widgets.Widget] = (), **kwargs: Any) -> widgets.VBox:
    """Return an ``ipywidgets.VBox`` on the shared layout.

    Parameters
    ----------
    children : sequence of ipywidgets.Widget
        What it holds (it may change: only the layout is shared).
    **kwargs
        Passed to ``ipywidgets.VBox`` (not ``layout``).

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> vbox([html("a"), html("b")]).children[1].value
    'b'
    """
    return widgets.VBox(list(children), layout=shared(widgets.Layout), **kwargs)
