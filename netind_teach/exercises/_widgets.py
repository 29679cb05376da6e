"""Widgets for exercises and progress bars (this module imports ipywidgets).

Every behaviour is reachable from Python, so tests need no browser: set
``widget.value`` (or the input widgets themselves), call ``widget.check_button.click()``,
and read ``widget.feedback.value`` (HTML) or ``widget.feedback_text`` (plain text).
Callbacks only write into widget values; they never print into an ``Output`` widget.

Examples
--------
>>> from netind_teach.exercises import Exercise, Numeric
>>> q = Exercise(Numeric(name="n", question="How many?", answer=3))
>>> w = q.widget()
>>> w.answer_button.disabled
True
>>> w.value = "4"
>>> w.check_button.click()
>>> w.feedback_text
'Not quite: 4 is too high.'
>>> w.answer_button.disabled
False
"""

from __future__ import annotations

import html
import weakref
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from .. import a11y
from ..progress import Progress, progress_text
from ._core import BLANK, Note, Result, one_line, to_html
from .choice import LETTERS
from .code import CodeExercise
from .kinds import ClassifyNetwork, MultipleChoice, Numeric, Reflection, SortClaims

__all__ = ["ExerciseWidget", "ProgressBar"]


def _weak_listener(method: Callable[..., Any]) -> Callable[..., None]:
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        bound = ref()
        if bound is not None:
            bound(*args)

    return call


class ExerciseWidget:
    """The question, an input suited to the kind, and Check / Hint / Show answer buttons.

    Attributes
    ----------
    input : ipywidgets.Widget
        The main input (RadioButtons, Text, Textarea, or a box). Every control has an
        accessible name (its ``description``, hidden from view where the question says it).
    choices : list of ipywidgets.Checkbox
        For multiple-answer questions: one checkbox per option.
    dropdowns : list of ipywidgets.Dropdown
        For sort-the-claims: one dropdown per claim.
    check_button, hint_button, answer_button : ipywidgets.Button
    feedback, hints, solution : ipywidgets.HTML
    feedback_text : str
        Plain text of the last feedback.
    last_result : Result or None
    box : ipywidgets.VBox
        What is displayed.
    """

    def __init__(self, exercise: Any) -> None:
        self.exercise = exercise
        definition = exercise.definition
        self.definition = definition
        self.choices: list[widgets.Checkbox] = []
        self.dropdowns: list[widgets.Dropdown] = []
        self.figure: widgets.Widget | None = None
        self.last_result: Result | None = None
        self.feedback_text = ""
        self.hints_text = ""
        self.solution_text = ""

        self.title = widgets.HTML(f"<h4>{html.escape(definition.heading)}</h4>")
        self.question = widgets.HTML(to_html(definition.question))
        self.input = self._make_input()
        # Button names are their words only: an icon would be read out as a stray character.
        self.check_button = widgets.Button(
            description="Check", button_style="primary", tooltip="Check my answer"
        )
        self.hint_button = widgets.Button(description="Hint")
        self.answer_button = widgets.Button(
            description="Show answer",
            disabled=not exercise.attempted,
            tooltip="Unlocks after one attempt",
        )
        # A polite live region from the start, so a screen reader reads each result out.
        self.feedback = widgets.HTML(a11y.announce(""))
        self.hints = widgets.HTML("")
        self.solution = widgets.HTML("")
        self.check_button.on_click(self._guard(self._on_check))
        self.hint_button.on_click(self._guard(self._on_hint))
        self.answer_button.on_click(self._guard(self._on_answer))
        exercise.on_check(_weak_listener(self._on_exercise_checked))

        parts: list[widgets.Widget] = [a11y.style(), self.title, self.question]
        if self.figure is not None:
            parts.append(self.figure)
        parts += [
            self.input,
            widgets.HBox([self.check_button, self.hint_button, self.answer_button]),
            self.feedback,
            self.hints,
            self.solution,
        ]
        self.box = widgets.VBox(parts)
        self.box.add_class("netind-exercise")

    # -- inputs per kind ---------------------------------------------------------
    def _make_input(self) -> widgets.Widget:
        d = self.definition
        wide = widgets.Layout(width="auto")
        if isinstance(d, MultipleChoice):
            if d.multiple:
                self.choices = [
                    widgets.Checkbox(description=d.label(i), value=False, indent=False, layout=wide)
                    for i in range(len(d.options))
                ]
                return widgets.VBox(self.choices)
            options = [(d.label(i), LETTERS[i]) for i in range(len(d.options))]
            return widgets.RadioButtons(options=options, value=None, layout=wide)
        if isinstance(d, Numeric):
            text = widgets.Text(placeholder="a number, e.g. 12 or 2.5")
            a11y.name_control(text, f"Your answer to: {d.heading}", visible=False)
            if not d.unit:
                return text
            return widgets.HBox([text, widgets.Label(d.unit)])
        if isinstance(d, ClassifyNetwork):
            self.figure = self._figure()
            # Radio buttons, not toggle buttons: a screen reader hears which one is chosen.
            return widgets.RadioButtons(
                options=list(d.choices), value=None, orientation="horizontal", layout=wide
            )
        if isinstance(d, SortClaims):
            rows = []
            for i, claim in enumerate(d.claims, start=1):
                source = f" <em>({html.escape(claim.source)})</em>" if claim.source else ""
                dropdown = widgets.Dropdown(
                    options=[("choose…", None), *[(c, c) for c in d.categories]],
                    index=0,
                    layout=widgets.Layout(width="14em", flex="0 0 auto"),
                )
                a11y.name_control(dropdown, f"Claim {i} belongs to", visible=False)
                self.dropdowns.append(dropdown)
                text = widgets.HTML(f"{i}. {html.escape(claim.text)}{source}")
                rows.append(widgets.HBox([dropdown, text]))
            return widgets.VBox(rows)
        if isinstance(d, CodeExercise):
            rows = max(4, d.starter_code.count("\n") + 2)
            code = widgets.Textarea(
                value=d.starter_code, rows=rows, layout=widgets.Layout(width="95%")
            )
            return a11y.name_control(code, f"Your code for: {d.heading}", visible=False)
        if isinstance(d, Reflection):
            saved = self._saved_reflection()
            text = widgets.Textarea(
                value=saved or "",
                placeholder="Write here. It is saved on this computer only.",
                rows=5,
                layout=widgets.Layout(width="95%"),
            )
            return a11y.name_control(text, f"Your reflection: {d.heading}", visible=False)
        text = widgets.Text(placeholder=d.answer_format)
        return a11y.name_control(text, f"Your answer to: {d.heading}", visible=False)

    def _saved_reflection(self) -> str | None:
        if not self.exercise.lesson:
            return None
        try:
            store = self.exercise.progress(notify=lambda _message: None)
            return store.reflection(self.exercise.lesson, self.exercise.name)
        except Exception:
            return None

    def _figure(self) -> widgets.Widget:
        d = self.definition
        alt = html.escape(d.description) if d.description else ""
        try:
            from netind_teach import plotting

            # Final size and margins fixed here (the legend on the right), so the figure
            # is laid out and rendered once: no bbox_inches="tight".
            fig = plotting.new_figure((7.0, 4.5), dpi=90)
            d.draw(ax=fig.add_axes((0.01, 0.02, 0.6, 0.86)))
            image = a11y.image(
                value=plotting.figure_png(fig),
                format="png",
                layout=widgets.Layout(max_width="630px"),
            )
            image.add_class("netind-ego-drawing")
            a11y.describe_image(image, d.description or f"Network drawing for: {d.heading}")
            caption = widgets.HTML(f"<small>{alt}</small>" if alt else "")
            return widgets.VBox([image, caption])
        except Exception as exc:
            reason = html.escape(one_line(f"{type(exc).__name__}: {exc}", 120))
            return widgets.HTML(
                f"<p>{alt}</p><p><small>(The drawing is not available here: {reason}.)</small></p>"
            )

    @property
    def text_input(self) -> widgets.Widget:
        """The widget holding typed text (Text or Textarea), for numeric, code, reflection."""
        if isinstance(self.input, widgets.HBox):
            return self.input.children[0]
        return self.input

    # -- the answer the widget holds ------------------------------------------------
    @property
    def value(self) -> Any:
        """The answer as ``check`` accepts it (``____`` when nothing is chosen)."""
        d = self.definition
        if isinstance(d, MultipleChoice) and d.multiple:
            chosen = tuple(LETTERS[i] for i, box in enumerate(self.choices) if box.value)
            return chosen or BLANK
        if isinstance(d, SortClaims):
            placed = {i: dd.value for i, dd in enumerate(self.dropdowns, start=1) if dd.value}
            return placed or BLANK
        value = self.text_input.value
        return BLANK if value is None else value

    @value.setter
    def value(self, answer: Any) -> None:
        d = self.definition
        if isinstance(d, MultipleChoice) and d.multiple:
            chosen = d._resolve(answer)
            chosen = set() if isinstance(chosen, str) else chosen
            for i, box in enumerate(self.choices):
                box.value = i in chosen
        elif isinstance(d, SortClaims):
            placed = d._placements(answer)
            placed = {} if isinstance(placed, str) else placed
            for i, dropdown in enumerate(self.dropdowns, start=1):
                category = placed.get(i)
                dropdown.index = 0 if category is None else 1 + d.categories.index(category)
        elif isinstance(d, MultipleChoice):
            chosen = d._resolve(answer)
            self.input.value = LETTERS[min(chosen)] if isinstance(chosen, set) else None
        elif isinstance(d, ClassifyNetwork):
            self.input.value = d._pick(answer) if isinstance(answer, str) else None
        else:
            self.text_input.value = "" if answer is None else str(answer)

    # -- callbacks ----------------------------------------------------------------
    def _guard(self, handler: Callable[[], None]) -> Callable[[Any], None]:
        def run(_button: Any = None) -> None:
            try:
                handler()
            except Exception as exc:
                self.feedback_text = (
                    f"Something went wrong ({type(exc).__name__}). Run the cell again; if it "
                    f"keeps happening, tell your instructor."
                )
                self.feedback.value = a11y.announce(f"<p>{html.escape(self.feedback_text)}</p>")

        return run

    def _on_check(self) -> None:
        try:
            answer = self.value
        except Exception:
            answer = BLANK
        result = self.exercise.check(answer)
        self.last_result = result
        self.feedback_text = repr(result)
        self.feedback.value = a11y.announce(result._repr_html_())
        self.answer_button.disabled = not self.exercise.attempted

    def _on_exercise_checked(self, exercise: Any, result: Result) -> None:
        self.answer_button.disabled = not exercise.attempted

    def _on_hint(self) -> None:
        note = self.exercise.hint()
        seen = self.exercise.hints_seen()
        boxes = [
            Note(f"Hint {i} of {len(self.definition.hints)}", text)._repr_html_()
            for i, text in enumerate(seen, start=1)
        ]
        if not note.title.startswith("Hint"):
            boxes.append(note._repr_html_())
        self.hints.value = "".join(boxes)
        self.hints_text = repr(note)

    def _on_answer(self) -> None:
        note = self.exercise.solution()
        self.solution.value = note._repr_html_()
        self.solution_text = repr(note)

    # -- display ----------------------------------------------------------------------
    def __repr__(self) -> str:
        return f"Widget for {self.exercise!r}"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_() or {})
        bundle["text/plain"] = repr(self)
        return bundle


class ProgressBar:
    """'k of n done' for a lesson's exercises, refreshed whenever one is checked.

    Attributes: ``bar`` (IntProgress), ``label`` (Label), ``text`` (the label's words),
    ``hand_in_button`` (opens the hand-in form in ``hand_in_area``), ``box`` (what is
    displayed).
    """

    def __init__(
        self,
        lesson: str,
        exercises: Sequence[Any],
        progress: Progress | None,
        counter: Callable[[str, Sequence[Any], Progress | None], tuple[str, ...]],
    ) -> None:
        self.lesson = lesson
        self.exercises = tuple(exercises)
        self._progress = progress
        self._counter = counter
        total = len(self.exercises)
        self.bar = widgets.IntProgress(
            value=0, min=0, max=max(total, 1), description=f"Lesson {lesson}", bar_style="info"
        )
        self.label = widgets.Label("")
        self.hand_in_button = widgets.Button(
            description="Hand in…",
            tooltip="Preview and write a file of your progress for your course page",
        )
        self.hand_in_area = widgets.VBox([])
        self.hand_in_button.on_click(self._on_hand_in)
        self.box = widgets.VBox(
            [
                a11y.style(),
                widgets.HBox([self.bar, self.label]),
                self.hand_in_button,
                self.hand_in_area,
            ]
        )
        self.box.add_class("netind-progress")
        for exercise in self.exercises:
            exercise.on_check(_weak_listener(self._on_checked))
        self.refresh()

    @property
    def text(self) -> str:
        """The words shown beside the bar."""
        return self.label.value

    def refresh(self) -> None:
        """Re-read progress and update the bar."""
        done = len(self._counter(self.lesson, self.exercises, self._progress))
        total = len(self.exercises)
        self.bar.value = done
        self.bar.bar_style = "success" if total and done >= total else "info"
        self.label.value = progress_text(done, total)

    def _on_checked(self, exercise: Any, result: Result) -> None:
        if result.correct:
            self.refresh()

    def _on_hand_in(self, _button: Any = None) -> None:
        """Open the hand-in form (:mod:`netind_teach.handin`) under the bar."""
        from ..handin import HandIn

        try:
            self.hand_in_area.children = [HandIn(self._progress).form().box]
        except Exception as exc:
            message = html.escape(one_line(f"{type(exc).__name__}: {exc}", 160))
            self.hand_in_area.children = [
                widgets.HTML(f"<p>The hand-in form could not open ({message}).</p>")
            ]

    def __repr__(self) -> str:
        return f"Progress bar for lesson {self.lesson}"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_() or {})
        bundle["text/plain"] = repr(self)
        return bundle
