"""The network builder widget: a name generator, like a survey's, that saves as you go.

Add people by a nickname or initials; say what each is to you, how close you are, how you
mostly keep in touch and whether they live near you; then, person by person, tick who
they know, so your circles appear. The drawing, your measures and your type (with the
reasons) update after every change, and every change is saved to your file at once
(unless the file was changed or deleted since the builder opened it, say in another
notebook: it is then left alone and the message says to run the cell again).

Everything is reachable from Python (tests and learners who prefer code): the methods
:meth:`NetworkBuilder.add`, :meth:`~NetworkBuilder.edit`, :meth:`~NetworkBuilder.delete`,
:meth:`~NetworkBuilder.link`, :meth:`~NetworkBuilder.set_knows`,
:meth:`~NetworkBuilder.undo` never raise: each returns True or False and leaves a sentence
in :attr:`~NetworkBuilder.message`. Controls can be set too (``builder.nickname.value =
"Sam"; builder.add_button.click()``). Callbacks only write widget values, never print.

The builder is a view: what it decides (undo, saving only over the file it opened, the
preview before an export, the measures and type) is its
:class:`~netind_teach.mynetwork.session.BuilderSession`, tested without widgets; the
widget shows the session and wires its controls to the session's methods.

Examples
--------
>>> import tempfile
>>> b = NetworkBuilder(path=tempfile.mkdtemp(), draw=False)
>>> b.add("Sam", "friend"), b.add("Ola", "friend"), b.link("Sam", "Ola")
(True, True, True)
>>> b.measures.circles, b.message
(1, 'Sam and Ola now know each other. Saved.')
>>> b.link("Sam", "Sam")
False
>>> b.message
"'Sam' cannot know themselves. Fix: choose two different people."
>>> b.undo(), b.measures.links
(True, 0)
"""

from __future__ import annotations

import html
import os
import warnings
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from netind_teach import a11y, figure_text, labels
from netind_teach.presses import on_press
from netind_teach.vocab import AGE_GROUPS, CATEGORIES
from netind_teach.widget_guard import guard

from .export import preview_html
from .model import CLOSENESS, CONTACT_MODES, MAX_GROUPS, PersonalNetwork
from .session import NO_AGE, BuilderSession, edit_view

__all__ = ["NetworkBuilder"]

_T = TypeVar("_T")

_PLACE_OPTIONS = (("lives near me", "local"), ("lives far away (over an hour)", "distant"))
_ERROR, _OK = "#B00020", "#1B5E20"
_MEASURE_ROWS = (
    ("people", "people you listed"),
    ("ties", "ties: immediate kin, extended kin, friends, neighbours, workmates"),
    ("groups", "social groups you take part in"),
    ("diversity", "diversity score (course's own, 0-12)"),
    ("circles", "circles (people who know each other, directly or through each other)"),
    ("density", "density (share of your people's pairs who know each other)"),
)


def _from_session(name: str, doc: str) -> Any:
    """Return a read-only attribute of the builder that is its session's attribute ``name``."""
    return property(lambda self: getattr(self.session, name), doc=doc)


class NetworkBuilder:
    """Build your personal network in a notebook; it is saved after every change.

    Parameters
    ----------
    path : path, optional
        The file (or a folder for ``my_network.json`` inside it). Default:
        ``my_network.json`` in the working folder (where the notebook is).
    start : PersonalNetwork, optional
        Used when no file exists yet at ``path`` (e.g. :func:`demo_network`); it is
        saved there at once.
    reference : {"published", "synthetic"}
        Medians your type is computed against (a toggle in the widget).
    draw : bool
        Draw the network (switch off for speed in tests).

    Attributes
    ----------
    session : BuilderSession
        The state and rules (undo, saving, the export gate); the builder shows it. Its
        ``network``, ``path``, ``can_save``, ``message``, ``measures``, ``classification``,
        ``type``, ``reasons``, ``last_error`` and ``last_export`` read as the builder's own.
    box : ipywidgets.VBox
        What is displayed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        start: PersonalNetwork | None = None,
        reference: str = "published",
        draw: bool = True,
    ) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts
        from netind_teach.choice_controls import TickList, option_list  # imports ipywidgets

        self.session = BuilderSession(path, start=start, reference=reference)
        self._draw = bool(draw)
        self._pos: dict[Any, Any] | None = None
        self._figure: Any = None
        self._syncing = False
        self._shown = -1  # the session revision the drawing and measures show

        lay = partial(widget_parts.shared, widgets.Layout)
        self.where = widget_parts.html(self._where_html())
        self.status = widget_parts.html()
        # -- add
        self.nickname = widget_parts.control(
            widgets.Text,
            placeholder="nickname or initials",
            description="Nickname",
            layout=dict(width="20em"),
        )
        self.category = widget_parts.control(
            widgets.Dropdown, options=list(CATEGORIES), description="Is my"
        )
        self.closeness = widget_parts.control(
            widgets.Dropdown, options=list(CLOSENESS), value="close", description="Closeness"
        )
        self.contact = widget_parts.control(
            widgets.Dropdown, options=list(CONTACT_MODES), description="Mostly by"
        )
        self.place = widget_parts.control(
            widgets.Dropdown, options=list(_PLACE_OPTIONS), description="Where"
        )
        self.add_button = widget_parts.control(
            widgets.Button, description="Add", button_style="primary"
        )
        # -- edit and links
        self.person = widget_parts.control(
            widgets.Dropdown, description="Person", layout=dict(width="20em")
        )
        self.new_nickname = widget_parts.control(
            widgets.Text, description="Nickname", layout=dict(width="20em")
        )
        self.edit_category = widget_parts.control(
            widgets.Dropdown, options=list(CATEGORIES), description="Is my"
        )
        self.edit_closeness = widget_parts.control(
            widgets.Dropdown, options=list(CLOSENESS), description="Closeness"
        )
        self.edit_contact = widget_parts.control(
            widgets.Dropdown, options=list(CONTACT_MODES), description="Mostly by"
        )
        self.edit_place = widget_parts.control(
            widgets.Dropdown, options=list(_PLACE_OPTIONS), description="Where"
        )
        self.save_button = widget_parts.control(widgets.Button, description="Save changes")
        self.delete_button = widget_parts.control(
            widgets.Button, description="Delete", button_style="danger"
        )
        # Check boxes, not a multi-select list: Space ticks one, no modifier key needed.
        self.knows = TickList(layout=lay(max_height="16em", overflow="auto"))
        # -- about you
        self.age_group = widget_parts.control(
            widgets.Dropdown,
            options=[(NO_AGE, ""), *((g, g) for g in AGE_GROUPS)],
            value=self.network.age_group or "",
            description="Age group",
        )
        self.groups = widget_parts.control(
            widgets.BoundedIntText,
            value=self.network.groups,
            min=0,
            max=MAX_GROUPS,
            description="Groups",
        )
        # List boxes, not toggle buttons: the chosen option is exposed as selected.
        self.reference = option_list(
            [("published medians", "published"), ("synthetic medians", "synthetic")],
            "Compare with",
            visible=True,
        )
        self.reference.value = reference
        # -- view and export
        self.undo_button = widget_parts.control(widgets.Button, description="Undo")
        self.rearrange_button = widget_parts.control(
            widgets.Button, description="Re-arrange", tooltip="Lay the drawing out afresh"
        )
        self.show_names = widget_parts.control(
            widgets.Checkbox, value=False, description="show nicknames"
        )
        self.color_by = option_list(
            [("circle", "circle"), ("category", "category")], "Colour by", visible=True
        )
        self.color_by.value = "circle"
        self.image = a11y.image(format="png", layout=lay(max_width="560px"))
        self.legend_html = widget_parts.html()
        self.measures_html = widget_parts.html()
        self.type_html = widget_parts.html()
        self.preview_button = widget_parts.control(widgets.Button, description="Preview export")
        self.export_button = widget_parts.control(
            widgets.Button, description="Write export", disabled=True
        )
        self.export_html = widget_parts.html()

        on_press(self.add_button, self._guard(self._on_add))
        on_press(self.save_button, self._guard(self._on_save_edit))
        on_press(self.delete_button, self._guard(self._on_delete))
        on_press(self.undo_button, self._guard(lambda _b: self.undo()))
        on_press(self.rearrange_button, self._guard(self._on_rearrange))
        on_press(self.preview_button, self._guard(lambda _b: self.export_preview()))
        on_press(self.export_button, self._guard(lambda _b: self.export_anonymised()))
        self.person.observe(self._guard(self._on_person), names="value")
        self.knows.observe(self._guard(self._on_knows), names="value")
        self.age_group.observe(self._guard(self._on_age_group), names="value")
        self.groups.observe(self._guard(self._on_groups), names="value")
        self.reference.observe(self._guard(self._on_reference), names="value")
        for control in (self.show_names, self.color_by):
            control.observe(self._guard(lambda _c: self._refresh()), names="value")

        row = widget_parts.hbox
        add_tab = widget_parts.vbox(
            [
                row([self.nickname, self.category]),
                row([self.closeness, self.contact]),
                row([self.place, self.add_button]),
            ]
        )
        edit_tab = widget_parts.vbox(
            [
                self.person,
                row([self.new_nickname, self.edit_category]),
                row([self.edit_closeness, self.edit_contact]),
                row([self.edit_place]),
                row([self.save_button, self.delete_button]),
                widget_parts.html(
                    "<i>Tick everyone this person knows: Tab to a name, Space ticks or "
                    "unticks it.</i>"
                ),
                self.knows,
            ]
        )
        about_tab = widget_parts.vbox(
            [
                self.age_group,
                self.groups,
                widget_parts.html(
                    "<i>Groups: clubs, teams, congregations, associations, volunteer groups "
                    "you take part in.</i>"
                ),
                self.reference,
            ]
        )
        export_tab = widget_parts.vbox(
            [row([self.preview_button, self.export_button]), self.export_html]
        )
        tabs = widgets.Tab(
            children=[add_tab, edit_tab, about_tab, export_tab],
            titles=["Add people", "Edit / links", "About you", "Export"],
            layout=lay(),
        )
        self.box = widget_parts.vbox(
            [
                self.where,
                tabs,
                self.status,
                row([self.undo_button, self.rearrange_button, self.show_names, self.color_by]),
                self.legend_html,
                self.image,
                row([self.measures_html, self.type_html]),
            ]
        )
        self.box.add_class("netind-network-builder")
        self._refresh()
        self._show_status()

    # -- display ----------------------------------------------------------------------
    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        return self.box._repr_mimebundle_(include=include, exclude=exclude)

    def _where_html(self) -> str:
        where = html.escape(str(self.path))
        if not self.can_save:
            return f"<b>Not saving</b>: your existing file {where} could not be read."
        return (
            f"Saved on this computer only, in <code>{where}</code> (readable by you only). "
            "To delete your data, delete that file."
        )

    # -- the session's state, as attributes of the builder ---------------------------------
    network = _from_session("network", "The network as it is now.")
    path = _from_session("path", "Where the network is saved.")
    can_save = _from_session("can_save", "False when an existing file could not be read.")
    message = _from_session("message", "The last message (also shown in :attr:`status`).")
    last_error = _from_session("last_error", "The last unexpected error caught, or ''.")
    last_export = _from_session("last_export", "The last export written, or None.")
    measures = _from_session("measures", "Current measures.")
    classification = _from_session("classification", "Current type, with its reasons.")
    type = _from_session("type", "Current type ('' while the network is empty).")
    reasons = _from_session("reasons", "The reasons of the type.")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.session.say(text, error=error)
        self._show_status()

    def _show_status(self) -> None:
        text, color = self.session.message, _ERROR if self.session.error else _OK
        self.status.value = f"<p style='color:{color}'>{html.escape(text)}</p>" if text else ""

    def _guard(self, handler: Callable[..., Any]) -> Callable[..., None]:
        def guarded(*args: Any) -> None:
            with guard(self._show_failure):  # a control must never raise into the notebook
                handler(*args)

        return guarded

    def _show_failure(self, exc: Exception) -> None:
        self.session.fail(exc)
        self._show_status()

    # -- the Python API (never raises): the session's, then the view follows ---------------
    def add(self, nickname: Any, category: Any = "friend", **choices: Any) -> bool:
        """Add a person (``closeness``, ``contact``, ``place`` as keywords); True when added."""
        return self._show(self.session.add(nickname, category, **choices))

    def edit(self, who: Any, **changes: Any) -> bool:
        """Change a person's nickname or choices; True when changed."""
        return self._show(self.session.edit(who, **changes))

    def delete(self, who: Any) -> bool:
        """Delete a person and their links (Undo brings them back); True when deleted."""
        return self._show(self.session.delete(who))

    def link(self, a: Any, b: Any) -> bool:
        """Record that two people know each other; True when done."""
        return self._show(self.session.link(a, b))

    def unlink(self, a: Any, b: Any) -> bool:
        """Record that two people do not know each other; True when done."""
        return self._show(self.session.unlink(a, b))

    def set_knows(self, who: Any, others: Iterable[Any]) -> bool:
        """Make ``others`` exactly the people ``who`` knows; True when done."""
        return self._show(self.session.set_knows(who, others))

    def set_age_group(self, age_group: Any) -> bool:
        """Set your age group (or "" / None for prefer not to say)."""
        return self._show(self.session.set_age_group(age_group))

    def set_groups(self, groups: Any) -> bool:
        """Set how many social groups you take part in."""
        return self._show(self.session.set_groups(groups))

    def undo(self) -> bool:
        """Undo the last change (up to 100 steps); True when something was undone."""
        return self._show(self.session.undo())

    def export_preview(self) -> str:
        """Show (in the Export tab) and return the exact text an export would hold."""
        text = self.session.export_preview()
        self.export_html.value = preview_html(self.network)
        self._show(True)
        return text

    def export_anonymised(self, path: str | os.PathLike[str] | None = None) -> Any:
        """Write the anonymised export after :meth:`export_preview`; return its path or None.

        ``path``: a file or folder (default: the folder of your network file). The export
        is written only if it is exactly what the last preview showed.
        """
        written = self.session.export_anonymised(path)
        self._show(written is not None)
        return written

    # -- callbacks -----------------------------------------------------------------------
    def _on_add(self, _source: Any) -> None:
        if self.add(
            self.nickname.value,
            self.category.value,
            closeness=self.closeness.value,
            contact=self.contact.value,
            place=self.place.value,
        ):
            self.nickname.value = ""

    def _on_save_edit(self, _button: Any) -> None:
        chosen = self.session.person(self.person.value)
        if chosen is None:
            self._say("Choose a person to edit first.", error=True)
            return
        self.edit(
            chosen,
            nickname=self.new_nickname.value,
            category=self.edit_category.value,
            closeness=self.edit_closeness.value,
            contact=self.edit_contact.value,
            place=self.edit_place.value,
        )

    def _on_delete(self, _button: Any) -> None:
        chosen = self.session.person(self.person.value)
        if chosen is None:
            self._say("Choose a person to delete first.", error=True)
            return
        self.delete(chosen)

    def _on_rearrange(self, _button: Any) -> None:
        self._pos = None
        self._refresh()
        self._say(
            "Re-arranged: the drawing was laid out afresh so that people who know each "
            "other sit together; nothing else changed."
        )

    def _on_person(self, _change: Any) -> None:
        if not self._syncing:
            self._sync_controls()

    def _on_knows(self, change: Any) -> None:
        if not self._syncing and self.session.person(self.person.value) is not None:
            self._show(self.session.set_knows_ids(self.person.value, change["new"]))

    def _on_age_group(self, change: Any) -> None:
        if not self._syncing:
            self.set_age_group(change["new"])

    def _on_groups(self, change: Any) -> None:
        if not self._syncing:
            self.set_groups(change["new"])

    def _on_reference(self, change: Any) -> None:
        self.session.set_reference(change["new"])
        self._refresh()

    # -- showing --------------------------------------------------------------------------
    def _show(self, result: _T) -> _T:
        """Show the session after a call: redraw if the network changed; pass ``result`` on."""
        if self.session.revision != self._shown:
            self._refresh()
        else:
            self._sync_controls()
        self._show_status()
        return result

    def _sync_controls(self) -> None:
        """Make every control show the network as it is (without firing changes)."""
        self._syncing = True
        try:
            view = edit_view(self.network, self.person.value)
            self.person.options = list(view.options)
            self.person.value = None if view.chosen is None else view.chosen.id
            if view.chosen is not None:
                person = view.chosen
                self.new_nickname.value = person.nickname
                self.edit_category.value = person.category
                self.edit_closeness.value = person.closeness
                self.edit_contact.value = person.contact
                self.edit_place.value = person.place
            else:
                self.new_nickname.value = ""
            self.knows.options = list(view.knows_options)
            self.knows.value = view.knows
            self.age_group.value = self.network.age_group or ""
            self.groups.value = self.network.groups
            if not self.session.previewed:
                self.export_button.disabled = True
                self.export_html.value = ""
            else:
                self.export_button.disabled = False
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        self._shown = self.session.revision
        self._sync_controls()
        self.measures_html.value = self._measures_table()
        self.type_html.value = self._type_text()
        if self._draw:
            G = self.session.graph
            self.image.value = self._png(G)
            self.legend_html.value = self._legend_html(G)
            text = figure_text.description_of(self._figure) if len(self.network) else ""
            a11y.describe_image(
                self.image,
                f"Your network (drawing): {text}" if text else "Empty drawing: no one added yet.",
            )

    def _measures_table(self) -> str:
        values = self.measures.as_dict()
        shown = {k: f"{v:.2f}" if k == "density" else str(v) for k, v in values.items()}
        rows = "".join(
            f"<tr><td style='padding:1px 8px'>{html.escape(label)}</td>"
            f"<td style='padding:1px 8px;text-align:right'><b>{shown[key]}</b></td></tr>"
            for key, label in _MEASURE_ROWS
        )
        m = self.measures
        parts = (
            f"diversity = {m.kinds} kinds + {m.ways} ways of keeping in touch + {m.places} places"
        )
        return (
            f"<table><tbody>{rows}</tbody></table><p style='font-size:90%'>{html.escape(parts)}</p>"
        )

    def _type_text(self) -> str:
        if not self.type:
            return "<p>Add people to see your type.</p>"
        source = (
            "the published medians (Wellman, Quan-Haase &amp; Harper 2020)"
            if self.session.reference == "published"
            else "the <b>synthetic</b> East York sample's medians"
        )
        items = "".join(f"<li>{html.escape(r)}</li>" for r in self.reasons)
        return (
            f"<p>Compared with {source}, your network is <b>{html.escape(self.type)}</b>:</p>"
            f"<ul style='font-size:90%'>{items}</ul>"
        )

    def _png(self, G: Any) -> bytes:
        """Draw on one reused figure (no legend or title: those are HTML), return a PNG."""
        from netind_teach import egodraw, rendering

        if self._figure is None:
            self._figure = rendering.new_figure((5.6, 4.4), dpi=80)
            self._figure.add_subplot()
            self._figure.subplots_adjust(left=0.02, right=0.98, top=0.96, bottom=0.06)
        fig = self._figure
        ax = fig.axes[0]
        for artist in [*ax.collections, *ax.texts, *ax.lines, *ax.patches]:
            artist.remove()
        ax.set_axis_off()
        if len(self.network) == 0:
            self._pos = None
            ax.text(0.5, 0.5, "Add people to see your network", ha="center", va="center")
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
        else:
            self._pos = egodraw.stable_layout(G, seed=0, previous=self._pos)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # glyphs missing from the font, e.g. emoji
                egodraw.draw_ego(
                    G, ax=ax, pos=self._pos, color_by=self.color_by.value, title="", legend=False
                )
                if self.show_names.value:
                    self._draw_names(G, ax)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return rendering.figure_png(fig)

    def _draw_names(self, G: Any, ax: Any) -> None:
        """Nicknames above the dots: fonts with wide coverage, the number as a fallback."""
        fonts = labels.label_fonts()
        numbers = {p.id: i for i, p in enumerate(self.network.people, start=1)}
        pos = self._pos or {}
        for node, data in G.nodes(data=True):
            if "nickname" in data:
                ax.annotate(
                    labels.drawable_label(data["nickname"], numbers.get(node, 0)),
                    pos[node],
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    fontsize=8,
                    fontfamily=fonts,
                    parse_math=False,
                )

    def _legend_html(self, G: Any) -> str:
        """Return the drawing's key, as HTML (cheaper than a matplotlib legend)."""
        from netind_teach import egodraw, egonet

        if len(self.network) == 0:
            return ""
        if self.color_by.value == "category":
            labels = [p.category for p in self.network.people]
        else:
            labels = [f"circle {i + 1}" for i in range(len(egonet.circles(G)))]
        colors = egodraw.circle_colors(labels)
        shown = list(colors.items())[:10]
        swatches = "".join(
            f"<span style='white-space:nowrap;margin-right:10px'><span style='display:"
            f"inline-block;width:11px;height:11px;border-radius:6px;background:{c};"
            f"border:1px solid #333;vertical-align:middle'></span> {html.escape(str(label))}"
            "</span> "
            for label, c in shown
        )
        more = f" and {len(colors) - len(shown)} more" if len(colors) > len(shown) else ""
        return (
            f"<div style='max-width:720px;font-size:90%'><b>Your network</b> (you, ego, in "
            f"black at the centre). {swatches}{more}<br>Squares live far away; lines from you: "
            "solid = very close, dashed = less close, dotted = mostly online; lines between "
            "people: they know each other.</div>"
        )
