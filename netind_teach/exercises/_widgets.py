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

from .. import a11y, widget_parts
from ..display import ShownAsBox
from ..presses import on_press
from ..progress import Progress, progress_text
from ..widget_guard import guard
from .markdown_html import to_html
from .results import BLANK, Note, Result
from .text import one_line

__all__ = ["ExerciseWidget", "ProgressBar"]


def _weak_listener(method: Callable[..., Any]) -> Callable[..., None]:
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> None:
        bound = ref()
        if bound is not None:
            bound(*args)

    return call


class ExerciseWidget(ShownAsBox):
    """The question, an input suited to the kind, and Check / Hint / Show answer buttons.

    Attributes
    ----------
    answer_input : AnswerInput
        The kind's own input (:mod:`netind_teach.exercises.inputs`): it makes the
        controls, reads the answer from them and writes one back.
    input : ipywidgets.Widget
        The main input (a list box of options, Text, Textarea, or a box). Every control has an
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
        self.last_result: Result | None = None
        self.feedback_text = ""
        self.hints_text = ""
        self.solution_text = ""

        self.title = widget_parts.html(f"<h4>{html.escape(definition.heading)}</h4>")
        self.question = widget_parts.html(to_html(definition.question))
        self.answer_input = definition.answer_input(exercise)
        self.input = self.answer_input.widget
        # Button names are their words only: an icon would be read out as a stray character.
        self.check_button = widget_parts.button(
            "Check", button_style="primary", tooltip="Check my answer"
        )
        self.hint_button = widget_parts.button("Hint")
        self.answer_button = widget_parts.button(
            "Show answer",
            disabled=not exercise.attempted,
            tooltip="Unlocks after one attempt",
        )
        # A polite live region from the start, so a screen reader reads each result out.
        self.feedback = widget_parts.html(a11y.announce(""))
        self.hints = widget_parts.html("")
        self.solution = widget_parts.html("")
        on_press(self.check_button, self._guard(self._on_check))
        on_press(self.hint_button, self._guard(self._on_hint))
        on_press(self.answer_button, self._guard(self._on_answer))
        exercise.on_check(_weak_listener(self._on_exercise_checked))

        parts: list[widgets.Widget] = [a11y.style(), self.title, self.question]
        if self.figure is not None:
            parts.append(self.figure)
        parts += [
            self.input,
            widget_parts.hbox([self.check_button, self.hint_button, self.answer_button]),
            self.feedback,
            self.hints,
            self.solution,
        ]
        self.box = widget_parts.vbox(parts)
        self.box.add_class("netind-exercise")

    # -- the kind's input ---------------------------------------------------------
    @property
    def figure(self) -> widgets.Widget | None:
        """The drawing above the input (classify-this-network), else None."""
        return self.answer_input.figure

    @property
    def choices(self) -> list[widgets.Checkbox]:
        """One checkbox per option, for multiple-answer questions (else empty)."""
        return [part for part in self.answer_input.parts if isinstance(part, widgets.Checkbox)]

    @property
    def dropdowns(self) -> list[widgets.Dropdown]:
        """One dropdown per claim, for sort-the-claims (else empty)."""
        return [part for part in self.answer_input.parts if isinstance(part, widgets.Dropdown)]

    @property
    def text_input(self) -> widgets.Widget:
        """The widget holding typed text (Text or Textarea), for numeric, code, reflection."""
        return getattr(self.answer_input, "text", self.input)

    @property
    def value(self) -> Any:
        """The answer as ``check`` accepts it (``____`` when nothing is chosen)."""
        return self.answer_input.read()

    @value.setter
    def value(self, answer: Any) -> None:
        self.answer_input.write(answer)

    # -- callbacks ----------------------------------------------------------------
    def _guard(self, handler: Callable[[], None]) -> Callable[[Any], None]:
        def run(_button: Any = None) -> None:
            with guard(self._show_failure):
                handler()

        return run

    def _show_failure(self, exc: Exception) -> None:
        self.feedback_text = (
            f"Something went wrong ({type(exc).__name__}). Run the cell again; if it "
            f"keeps happening, tell your instructor."
        )
        self.feedback.value = a11y.announce(f"<p>{html.escape(self.feedback_text)}</p>")

    def _on_check(self) -> None:
        answer: Any = BLANK  # an input that cannot be read counts as no answer
        with guard(lambda _exc: None):
            answer = self.value
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


class ProgressBar(ShownAsBox):
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
        self.label = widget_parts.label("")
        self.hand_in_button = widget_parts.button(
            "Hand in…",
            tooltip="Preview and write a file of your progress for your course page",
        )
        self.hand_in_area = widgets.VBox([])
        on_press(self.hand_in_button, self._on_hand_in)
        self.box = widget_parts.vbox(
            [
                a11y.style(),
                widget_parts.hbox([self.bar, self.label]),
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
        return str(self.label.value)

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
        from ..handin_widget import HandInForm

        def show(exc: Exception) -> None:
            message = html.escape(one_line(f"{type(exc).__name__}: {exc}", 160))
            self.hand_in_area.children = [
                widgets.HTML(f"<p>The hand-in form could not open ({message}).</p>")
            ]

        with guard(show):
            self.hand_in_area.children = [HandInForm(HandIn(self._progress)).box]

    def __repr__(self) -> str:
        return f"Progress bar for lesson {self.lesson}"
