"""Both editions of the static site, each lesson page opened from ``file://`` in Chromium
with every request that is not a local file blocked, as a learner opens a copy from a USB
stick or an LMS with no network.

Each page must draw every widget the executed lesson displayed (counted against the
notebook's widget-view outputs), with each exercise's title, question and buttons and
each image (drawings are ``ipywidgets.Image`` PNGs in the saved state) visible, and say
that the widgets are a snapshot.
"""

from __future__ import annotations

import html
import re

import pytest

from netind_teach._resources import lesson_files

from .browser_lab import WIDGET_VIEW_MIME
from .site_pages import block_non_files

WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
LESSON_NAMES = [lesson.name for lesson in lesson_files()]
EDITIONS = ("learners", "instructor")


def _squeezed(text: str) -> str:
    """Text without tags or any whitespace: markup and layout differ, the words do not."""
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


def _expected(executed) -> dict:
    """What the page must show, read from the executed notebook and its widget state."""
    views = [
        output for cell in executed.cells if cell.cell_type == "code"
        for output in cell.outputs if WIDGET_VIEW_MIME in output.get("data", {})
    ]
    state = executed.metadata["widgets"][WIDGET_STATE_MIME]["state"]
    questions = []
    for model in state.values():
        if "netind-exercise" in model["state"].get("_dom_classes", []):
            # The course stylesheet (a hidden <style> HTML widget) shows no text.
            shown = [child.removeprefix("IPY_MODEL_") for child in model["state"]["children"]]
            shown = [key for key in shown
                     if not str(state[key]["state"].get("value", "")).startswith("<style")]
            title, question = shown[:2]
            questions.append((_squeezed(state[title]["state"]["value"]),
                              _squeezed(state[question]["state"]["value"])[:60]))
    images = [m for m in state.values() if m["model_name"] == "ImageModel"]
    return {"views": len(views), "questions": questions, "images": len(images)}


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("lesson", LESSON_NAMES)
def test_lesson_page_shows_its_widgets_offline_from_file(
    lesson, edition, site_builds, browser_context, artifacts
):
    executed = next(e.executed for e in site_builds.lessons if e.name == lesson)
    expected = _expected(executed)
    assert expected["views"] > 0 and expected["questions"], f"{lesson} shows no exercise"
    page_file = getattr(site_builds, edition) / lesson.replace(".ipynb", ".html")
    assert page_file.read_text(encoding="utf-8").count(f'type="{WIDGET_VIEW_MIME}"') == (
        expected["views"])

    page = browser_context.new_page()
    problems: list[str] = []
    outside = block_non_files(page)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(page_file.as_uri())
        page.wait_for_function(
            "n => document.querySelectorAll('.widget-subarea').length >= n",
            arg=expected["views"], timeout=30_000,
        )
        page.wait_for_timeout(500)  # images decode after the views attach
        assert page.locator(".widget-subarea").count() == expected["views"]
        assert page.get_by_text("Error displaying widget").count() == 0

        boxes = page.locator(".netind-exercise")
        assert boxes.count() == len(expected["questions"])
        for index, (title, question) in enumerate(expected["questions"]):
            box = boxes.nth(index)
            box.scroll_into_view_if_needed()
            assert box.is_visible(), f"{lesson}: exercise {title!r} is not visible"
            shown = _squeezed(box.inner_text())
            assert title in shown and question in shown, (lesson, title, question, shown[:200])
            check = box.get_by_role("button", name="Check")
            assert check.is_visible(), f"{lesson}: no visible Check button for {title!r}"

        drawn = page.evaluate(
            "() => Array.from(document.querySelectorAll('.widget-subarea img'))"
            ".filter(img => img.naturalWidth > 0 && img.getClientRects().length > 0).length"
        )
        assert drawn == expected["images"], f"{lesson}: {drawn} of {expected['images']} images"

        note = page.locator(".binder").first
        assert note.is_visible() and "snapshot" in note.inner_text()
        page.screenshot(path=str(artifacts / f"site-{edition}-{lesson}.png"), full_page=False)
        assert outside == [], f"{lesson} asked for {outside}"
        assert problems == [], problems
    finally:
        page.close()
