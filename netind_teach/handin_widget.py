"""The hand-in form: a name box, a tick box for the lesson 05 export, Preview, Write.

Only wires controls to :class:`netind_teach.handin.HandIn` (this module imports
ipywidgets). Every control has a visible label; *Write hand-in file* stays disabled until
a preview shows the exact text, and is disabled again when the name or the tick box
changes. Tests drive it from Python: set ``name.value``, call ``preview_button.click()``,
read ``status_text``.

Examples
--------
>>> import tempfile, pathlib
>>> from netind_teach.handin import HandIn
>>> from netind_teach.progress import Progress
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> form = HandInForm(HandIn(Progress(folder / "p.json"), folder=folder))
>>> form.write_button.disabled
True
>>> form.preview_button.click()
>>> form.write_button.disabled
False
>>> form.write_button.click()
>>> form.status_text.startswith("Written: ")
True
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from netind_teach.display import ShownAsBox
from netind_teach.handin import HandIn, preview_html
from netind_teach.presses import on_press
from netind_teach.widget_guard import guard

__all__ = ["HandInForm"]


class HandInForm(ShownAsBox):
    """The form shown by ``ex.hand_in()`` and by the progress bar's *Hand in* button.

    Parameters
    ----------
    handin : HandIn
        The :class:`~netind_teach.handin.HandIn` the form wires to (its ``preview()`` and
        ``write()`` do the work, and can be called from code).
    """

    def __init__(self, handin: HandIn) -> None:
        self.handin = handin
        self.status_text = ""
        wide = widgets.Layout(width="auto")
        self.name = widgets.Text(
            description="Name or student number (optional):",
            placeholder="leave empty to hand in without a name",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em"),
        )
        has_network = handin.has_network()
        self.include_network = widgets.Checkbox(
            value=False,
            indent=False,
            layout=wide,
            disabled=not has_network,
            description=(
                "Add my anonymised lesson 05 export (random ids and categories, no nicknames)"
                if has_network
                else "Add my anonymised lesson 05 export (no lesson 05 network saved here)"
            ),
        )
        self.preview_button = widgets.Button(
            description="Preview", tooltip="Show exactly what the file will hold"
        )
        self.write_button = widgets.Button(
            description="Write hand-in file",
            disabled=True,
            tooltip="Unlocks after a preview",
        )
        self.preview = widgets.HTML("")
        self.status = widgets.HTML("")
        on_press(self.preview_button, self._guard(self._on_preview))
        on_press(self.write_button, self._guard(self._on_write))
        self.name.observe(self._on_change, names="value")
        self.include_network.observe(self._on_change, names="value")
        self.box = widgets.VBox(
            [
                widgets.HTML("<h4>Hand in your progress</h4>"),
                self.name,
                self.include_network,
                widgets.HBox([self.preview_button, self.write_button]),
                self.status,
                self.preview,
            ]
        )
        self.box.add_class("netind-hand-in")

    def _say(self, text: str) -> None:
        self.status_text = text
        self.status.value = f"<p role='status'>{html.escape(text)}</p>"

    def _guard(self, handler: Any) -> Any:
        def run(_button: Any = None) -> None:
            with guard(self._show_failure):  # a bug: one line (strict mode re-raises it)
                try:
                    handler()
                except (OSError, ValueError) as exc:  # expected: a folder, a full disk
                    self._show_failure(exc)

        return run

    def _show_failure(self, exc: Exception) -> None:
        self.write_button.disabled = True
        self._say(f"Not written: {exc}")

    def _on_change(self, _change: Any = None) -> None:
        if not self.write_button.disabled:
            self.write_button.disabled = True
            self.preview.value = ""
            self._say("You changed the form: press Preview again before writing.")

    def _on_preview(self) -> None:
        text = self.handin.preview(
            learner=self.name.value, include_network=self.include_network.value
        )
        self.preview.value = preview_html(text)
        self.write_button.disabled = False
        self._say("This is exactly what the file will contain. Press 'Write hand-in file'.")

    def _on_write(self) -> None:
        written = self.handin.write()
        self.write_button.disabled = True
        self._say(
            f"Written: {written}. Upload this file to your course page (right-click it in "
            "the file browser, Download, then upload)."
        )

    def __repr__(self) -> str:
        return repr(self.handin)
