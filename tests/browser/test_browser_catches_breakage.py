"""The browser check must fail when a lesson breaks in the ways learners would see.

1. A cell that raises: a copy of lesson 00 with a raising cell appended.
2. The widget extension missing: a second JupyterLab with
   ``@jupyter-widgets/jupyterlab-manager`` disabled through a temporary
   ``labconfig/page_config.json`` (the venv is not touched). The kernel still sends widget
   views; the page shows their plain-text stand-ins ("VBox(children=...") instead. A small
   notebook with lesson 00's "My circles" number box keeps this test quick (the same
   notebook passes on the normal server: checked by hand; lesson 00's own box passes
   there in every run).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from netind_teach._resources import lessons_dir

from .browser_lab import WIDGETS_EXTENSION, check_notebook, start_lab, stop_process_tree
from .lesson_checks import LESSONS, step_my_circles

WELCOME = "00_welcome.ipynb"
CIRCLES_CELL = """\
import ipywidgets as widgets

circles = widgets.BoundedIntText(value=2, min=1, max=8, description="My circles")
reply = widgets.HTML("<b>2 circles</b>")
circles.observe(lambda change: setattr(reply, "value", f"<b>{change.new} circles</b>"), "value")
widgets.VBox([circles, reply])"""


def test_checker_reports_a_cell_that_raises(lab_server, lab_page, artifacts):
    notebook = nbformat.read(lessons_dir() / WELCOME, as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell("raise RuntimeError('deliberate break for the browser test')")
    )
    nbformat.write(notebook, lab_server.root_dir / "broken_raises.ipynb")
    with pytest.raises(AssertionError, match="RuntimeError: deliberate break") as caught:
        check_notebook(
            lab_page,
            lab_server,
            "broken_raises.ipynb",
            min_widget_views=LESSONS[WELCOME].min_widget_views,
            interaction=step_my_circles,
            screenshot=artifacts / "broken_raises.png",
        )
    assert "stderr: " in str(caught.value), "the traceback shown on the page was not seen"


def test_checker_reports_a_missing_widget_extension(browser_context, tmp_path, artifacts):
    root = tmp_path / "root"
    root.mkdir()
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(CIRCLES_CELL)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, root / "circles.ipynb")
    server = start_lab(root, tmp_path / "home", disabled_extensions=(WIDGETS_EXTENSION,))
    page = browser_context.new_page()
    try:
        with pytest.raises(AssertionError, match="widget view") as caught:
            check_notebook(
                page,
                server,
                "circles.ipynb",
                min_widget_views=1,
                interaction=step_my_circles,
                screenshot=artifacts / "broken_no_widget_extension.png",
            )
        message = str(caught.value)
        assert re.search(r"sent 1 widget view\(s\) but only 0 rendered", message)
        assert "a widget is shown as plain text" in message and "VBox(children=" in message
    finally:
        page.close()
        stop_process_tree(server.process)
