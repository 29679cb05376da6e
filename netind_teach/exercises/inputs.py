"""The input each exercise kind shows in its widget: make it, read it, write it back.

Each kind's ``answer_input(exercise)`` returns one of these adapters; the exercise widget
(:mod:`netind_teach.exercises._widgets`) only asks it for ``widget``, ``figure``,
``read()`` and ``write(answer)``, never which kind it serves. Every control has an
accessible name: a choice's own words, or a label hidden from view but not from screen
readers (:func:`netind_teach.a11y.name_control`). One-answer questions are list boxes
(:func:`netind_teach.choice_controls.option_list`: one Tab stop, arrows choose). This
module imports ipywidgets.

Examples
--------
>>> from netind_teach.exercises import Exercise, Numeric
>>> box = Exercise(Numeric(name="n", question="How many?", answer=3, unit="ties"))
>>> adapter = box.definition.answer_input(box)
>>> adapter.write(4)
>>> adapter.text.value, adapter.read()
('4', '4')
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from .. import a11y, widget_parts
from ..choice_controls import option_list
from .results import BLANK
from .text import one_line

__all__ = [
    "AnswerInput",
    "ClaimsInput",
    "CodeInput",
    "ManyChoiceInput",
    "NumberInput",
    "OneChoiceInput",
    "ReflectionInput",
    "TextInput",
    "TypeChoiceInput",
]

_WIDE = {"width": "auto"}


class AnswerInput:
    """An exercise's input: ``widget`` (what is shown), ``read()`` and ``write(answer)``.

    Parameters
    ----------
    exercise : Exercise
        The exercise answered; its ``definition`` decides what the input shows.

    Attributes
    ----------
    widget : ipywidgets.Widget
        The input as displayed.
    figure : ipywidgets.Widget or None
        A drawing shown above the input (classify-this-network), else None.
    parts : list of ipywidgets.Widget
        One control per option or claim, for inputs made of several (else empty).
    """

    def __init__(self, exercise: Any) -> None:
        self.exercise = exercise
        self.definition = exercise.definition
        self.figure: widgets.Widget | None = None
        self.parts: list[widgets.Widget] = []
        self.widget = self.make()

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        raise NotImplementedError

    def read(self) -> Any:
        """Return the answer as ``check`` accepts it (``____`` when nothing is given)."""
        value = self.widget.value
        return BLANK if value is None else value

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        raise NotImplementedError


class TextInput(AnswerInput):
    """A one-line text box, named for the question.

    Parameters
    ----------
    exercise : Exercise
        An exercise answered by typing one line; its ``answer_format`` is the placeholder.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        text = widgets.Text(placeholder=self.definition.answer_format)
        return a11y.name_control(text, f"Your answer to: {self.definition.heading}", visible=False)

    @property
    def text(self) -> widgets.Widget:
        """The box holding the typed text."""
        return self.widget

    def read(self) -> Any:
        """Return the answer as ``check`` accepts it (``____`` when nothing is given)."""
        value = self.text.value
        return BLANK if value is None else value

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        self.text.value = "" if answer is None else str(answer)


class NumberInput(TextInput):
    """A text box for a number, with the unit beside it.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.numeric.Numeric` exercise; its ``unit`` is
        shown beside the box.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        text = widgets.Text(placeholder="a number, e.g. 12 or 2.5")
        a11y.name_control(text, f"Your answer to: {self.definition.heading}", visible=False)
        unit = self.definition.unit
        return widget_parts.hbox([text, widget_parts.label(unit)]) if unit else text

    @property
    def text(self) -> widgets.Widget:
        """The box holding the typed text."""
        return self.widget.children[0] if isinstance(self.widget, widgets.HBox) else self.widget


class CodeInput(TextInput):
    """A code box holding the starter code.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.code_exercise.CodeExercise`; its
        ``starter_code`` fills the box.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        starter = self.definition.starter_code
        code = widgets.Textarea(
            value=starter,
            rows=max(4, starter.count("\n") + 2),
            layout=widgets.Layout(width="95%"),
        )
        return a11y.name_control(code, f"Your code for: {self.definition.heading}", visible=False)


class ReflectionInput(TextInput):
    """A large text box holding the learner's saved reflection, if any.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.reflection.Reflection`; the text saved in its
        progress record fills the box.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        text = widgets.Textarea(
            value=self._saved() or "",
            placeholder="Write here. It is saved on this computer only.",
            rows=5,
            layout=widgets.Layout(width="95%"),
        )
        return a11y.name_control(
            text, f"Your reflection: {self.definition.heading}", visible=False
        )

    def _saved(self) -> str | None:
        exercise = self.exercise
        if not exercise.lesson:
            return None
        try:
            store = exercise.progress(notify=lambda _message: None)
            saved: str | None = store.reflection(exercise.lesson, exercise.name)
            return saved
        except Exception:
            return None


class OneChoiceInput(AnswerInput):
    """A list box of the options ('b) Barry Wellman'): one Tab stop, arrows choose.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.choice.MultipleChoice` with one right option.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        d = self.definition
        options = [(d.label(i), d.letter(i)) for i in range(len(d.options))]
        return option_list(options, f"Your answer to: {d.heading}")

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        chosen = self.definition.chosen_options(answer)
        self.widget.value = self.definition.letter(min(chosen)) if chosen else None


class ManyChoiceInput(AnswerInput):
    """One checkbox per option, for questions with several right options.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.choice.MultipleChoice` with
        ``multiple=True``.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        d = self.definition
        self.parts = [
            widgets.Checkbox(
                description=d.label(i),
                value=False,
                indent=False,
                layout=widget_parts.shared(widgets.Layout, **_WIDE),
            )
            for i in range(len(d.options))
        ]
        return widget_parts.vbox(self.parts)

    def read(self) -> Any:
        """Return the answer as ``check`` accepts it (``____`` when nothing is given)."""
        letters = tuple(self.definition.letter(i) for i, box in enumerate(self.parts) if box.value)
        return letters or BLANK

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        chosen = self.definition.chosen_options(answer)
        for i, box in enumerate(self.parts):
            box.value = i in chosen


class TypeChoiceInput(AnswerInput):
    """The network's drawing, and a list box of the types.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.classify.ClassifyNetwork`; its network is drawn
        above the choices.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        self.figure = self._drawing()
        d = self.definition
        return option_list([(c, c) for c in d.choices], f"Your answer to: {d.heading}")

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        self.widget.value = self.definition.pick(answer) if isinstance(answer, str) else None

    def _drawing(self) -> widgets.Widget:
        d = self.definition
        alt = html.escape(d.description) if d.description else ""
        try:
            from .. import rendering

            # Final size and margins fixed, so the figure is laid out and rendered once
            # (no bbox_inches="tight"); the key is HTML under the picture, made without
            # a legend: rendered into it, its text would cost more than the network. One
            # figure serves every drawing (emptied first): an Axes costs half a drawing.
            fig, ax = _drawing_axes()
            drawn = d.draw(ax=ax, legend=False)
            from ..egodraw import key_html  # loaded by the drawing

            key = key_html(drawn)
            image = a11y.image(
                value=rendering.figure_png(fig),
                format="png",
                layout=widgets.Layout(max_width="420px"),
            )
            image.add_class("netind-ego-drawing")
            a11y.describe_image(image, d.description or f"Network drawing for: {d.heading}")
            caption = widget_parts.html(key + (f"<small>{alt}</small>" if alt else ""))
            return widget_parts.vbox([image, caption])
        except Exception as exc:
            reason = html.escape(one_line(f"{type(exc).__name__}: {exc}", 120))
            return widgets.HTML(
                f"<p>{alt}</p><p><small>(The drawing is not available here: {reason}.)</small></p>"
            )


_DRAWING: list[Any] = []  # the classify drawings' one figure and Axes, made on first use


def _drawing_axes() -> tuple[Any, Any]:
    """Return the classify drawings' figure and its Axes, emptied of the last drawing.

    The figure (4.6 x 4.6 inches at 90 dpi, the Axes at fixed margins) is made once per
    kernel; each drawing is turned into PNG bytes before the next one starts, so the
    pictures are the same as on a new figure each (a test compares their pixels).

    Returns
    -------
    (matplotlib.figure.Figure, matplotlib.axes.Axes)
        The figure and its one Axes: no artists, no titles, no legend.
    """
    from .. import rendering

    if not _DRAWING:
        figure = rendering.new_figure((4.6, 4.6), dpi=90)
        _DRAWING.extend([figure, figure.add_axes((0.02, 0.02, 0.96, 0.88))])
    figure, ax = _DRAWING
    for artist in [*ax.collections, *ax.lines, *ax.patches, *ax.texts, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    for loc in ("left", "center", "right"):
        ax.set_title("", loc=loc)
    return figure, ax


class ClaimsInput(AnswerInput):
    """One row per claim: a dropdown of categories, named 'Claim n belongs to', and the claim.

    Parameters
    ----------
    exercise : Exercise
        A :class:`~netind_teach.exercises.claims.SortClaims`; one control per claim.
    """

    def make(self) -> widgets.Widget:
        """Build and return the input widget."""
        d = self.definition
        rows = []
        for i, claim in enumerate(d.claims, start=1):
            source = f" <em>({html.escape(claim.source)})</em>" if claim.source else ""
            dropdown = widgets.Dropdown(
                options=[("choose…", None), *[(c, c) for c in d.categories]],
                index=0,
                layout=widget_parts.shared(widgets.Layout, width="14em", flex="0 0 auto"),
            )
            a11y.name_control(dropdown, f"Claim {i} belongs to", visible=False)
            self.parts.append(dropdown)
            text = widget_parts.html(f"{i}. {html.escape(claim.text)}{source}")
            rows.append(widget_parts.hbox([dropdown, text]))
        return widget_parts.vbox(rows)

    def read(self) -> Any:
        """Return the answer as ``check`` accepts it (``____`` when nothing is given)."""
        placed = {i: box.value for i, box in enumerate(self.parts, start=1) if box.value}
        return placed or BLANK

    def write(self, answer: Any) -> None:
        """Show ``answer`` in the input (what a learner would have typed or chosen)."""
        placed = self.definition.placements(answer)
        categories = self.definition.categories
        for i, dropdown in enumerate(self.parts, start=1):
            category = placed.get(i)
            dropdown.index = 0 if category is None else 1 + categories.index(category)
