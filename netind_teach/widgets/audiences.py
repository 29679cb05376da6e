"""Lesson 06's audiences widget: pick or write a post, choose who sees it.

The learner picks a sample post or writes one, and ticks the circles of a **synthetic**
person that see it; the widget shows which circles would be surprised (context collapse,
Marwick & boyd 2011) and who the "nightmare reader" is, from
:func:`netind_teach.audiences.audience_view`. The result is a sentence announced to
screen readers (``role="status"``).

Nothing the learner types is saved or sent: the text lives only in the widget while the
kernel runs; this module writes no file and opens no connection.

Importing this module does not import ipywidgets; building the widget does.

Examples
--------
>>> x = AudiencesExplorer()
>>> x.post.value = "Off to a job interview tomorrow, wish me luck!"
>>> x.view.nightmare
'your manager'
"""

from __future__ import annotations

from typing import Any

from netind_teach import audiences
from netind_teach.widgets.status import StatusWidget

__all__ = ["DEFAULT_SEEN", "AudiencesExplorer"]

#: Circles ticked at the start: a post "for friends" on a platform workmates also follow.
DEFAULT_SEEN: tuple[str, ...] = ("close friends", "workmates", "your manager")
_MAX_CHARS = 500


class AudiencesExplorer(StatusWidget):
    """A post, the circles that see it, and what each would make of it.

    Parameters
    ----------
    seen : tuple of str
        The circles ticked at the start (names from
        :data:`netind_teach.audiences.CIRCLES`).

    Attributes
    ----------
    sample : ipywidgets.Dropdown
        Sample posts; choosing one copies it into ``post``.
    post : ipywidgets.Textarea
        The post's text (yours, or a sample's).
    seen : dict of str to ipywidgets.Checkbox
        One checkbox per circle: ticked circles see the post.
    status : ipywidgets.HTML
        The result in sentences (``role="status"``); ``summary`` is the same text.
    view : netind_teach.audiences.AudienceView
        The last result.
    """

    label = "Audiences"
    bold = False

    def __init__(self, seen: tuple[str, ...] = DEFAULT_SEEN) -> None:
        import ipywidgets as widgets

        from netind_teach import widget_parts

        self.sample = widget_parts.control(
            widgets.Dropdown,
            options=audiences.SAMPLE_POSTS,
            value=audiences.SAMPLE_POSTS[0],
            description="Pick a sample post",
            style={"description_width": "initial"},
            layout=dict(width="36em"),
        )
        self.post = widget_parts.control(
            widgets.Textarea,
            value=audiences.SAMPLE_POSTS[0],
            description="Or write your own post",
            placeholder="Write a post (it stays in this window: nothing is saved or sent)",
            style={"description_width": "initial"},
            layout=dict(width="36em", height="4em"),
            continuous_update=False,
        )
        self.seen = {
            c.name: widget_parts.control(
                widgets.Checkbox,
                value=c.name in seen,
                description=c.name,
                indent=False,
                layout=dict(width="14em"),
            )
            for c in audiences.CIRCLES
        }
        heading = widget_parts.html(
            "<b>Who sees it?</b> Tick the circles of this synthetic person."
        )
        self.status = widget_parts.html()
        self.box = widget_parts.vbox(
            [
                self.sample,
                self.post,
                heading,
                widgets.HBox(
                    list(self.seen.values()),
                    layout=widget_parts.shared(widgets.Layout, flex_flow="row wrap"),
                ),
                self.status,
            ]
        )
        self.box.add_class("netind-audiences")
        self.sample.observe(self._on_sample, names="value")
        self.post.observe(self.refresh, names="value")
        for box in self.seen.values():
            box.observe(self.refresh, names="value")
        self._update()

    @property
    def circles(self) -> tuple[str, ...]:
        """The ticked circles."""
        return tuple(name for name, box in self.seen.items() if box.value)

    def _on_sample(self, change: Any) -> None:
        self.post.value = change["new"]

    def _update(self) -> None:
        text = self.post.value[:_MAX_CHARS]
        self.view = audiences.audience_view(audiences.topics_in(text), self.circles)
        summary = audiences.describe(self.view)
        if not self.view.topics and text.strip():
            summary += (
                "\n(The course recognises a few topics from words such as party, interview, "
                "doctor, vote, date, holiday, sister, climbing or meeting.)"
            )
        self.announce(summary)
