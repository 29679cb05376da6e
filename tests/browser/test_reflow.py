"""Reflow at 200% zoom (a 640-pixel-wide window) in JupyterLab and on the static site.

In JupyterLab the course gallery (``course_gallery.py``: every explorer, the builder,
every exercise kind, the long multiple-choice items and result boxes) is run in a
640-pixel-wide window with the left side panel closed (Ctrl+B), as a learner zoomed in
would; on the static site every page of the learners' edition is opened at that width.
No text of the course's widgets or result boxes may scroll or be cut sideways
(``reflow.py``), and no multiple-choice option may overlap the next one (long options
used to be drawn on top of each other in JupyterLab).
"""

from __future__ import annotations

from .browser_lab import check_notebook
from .course_gallery import write_gallery
from .reflow import ZOOMED_VIEWPORT, overlapping_options, sideways
from .site_pages import block_non_files, open_site_page, site_pages


def test_course_outputs_reflow_at_640_px_in_jupyterlab(lab_server, lab_page, artifacts):
    page = lab_page
    page.set_viewport_size(ZOOMED_VIEWPORT)
    relative = write_gallery(lab_server.root_dir)
    check_notebook(page, lab_server, relative, min_widget_views=17)
    page.locator(".jp-NotebookPanel .jp-Cell").first.focus()
    page.keyboard.press("Control+b")  # close the side panel, as a zoomed-in learner would
    page.wait_for_function(
        "() => document.querySelector('.jp-OutputArea-output').clientWidth > 400"
    )
    page.wait_for_timeout(500)  # widgets lay out again
    try:
        cut = sideways(page)
        overlaps = overlapping_options(page)
    finally:
        page.screenshot(path=str(artifacts / "gallery-640px.png"))
    print("JupyterLab at 640 px:", len(cut), "sideways,", len(overlaps), "overlapping")
    assert cut == [], "text scrolls or is cut sideways at 640 px:\n  " + "\n  ".join(cut)
    assert overlaps == [], "options overlap at 640 px:\n  " + "\n  ".join(overlaps)


def test_course_outputs_reflow_at_640_px_on_the_static_site(site_builds, browser_context):
    cut: list[str] = []
    page = browser_context.new_page()
    try:
        page.set_viewport_size(ZOOMED_VIEWPORT)
        block_non_files(page)
        for page_file in site_pages(site_builds.learners):
            open_site_page(page, page_file)
            cut += [f"{page_file.name}: {line}" for line in sideways(page)]
            cut += [f"{page_file.name}: {line}" for line in overlapping_options(page)]
    finally:
        page.close()
    print("static site at 640 px:", len(cut), "problems")
    assert cut == [], "at 640 px on the static site:\n  " + "\n  ".join(cut)
