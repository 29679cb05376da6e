"""axe-core on every page of both editions of the static site.

Each page is opened from ``file://`` in Chromium with every request that is not a local
file blocked (as a learner opens a copy from a USB stick or an LMS), its widgets are left
to draw, then the vendored axe-core audits the whole page against the WCAG 2.1 A/AA rules
and axe's best practices. Serious and critical findings fail the test, and so does any
picture whose text alternative is missing or nbconvert's placeholder. The sites are the
session's (``site_builds``): nothing is built again here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netind_teach.site import SITE_MARKER

from .axe_audit import Finding, audit, count_by_rule, figures_without_text
from .browser_lab import WIDGET_VIEW_MIME

EDITIONS = ("learners", "instructor")


def block_non_files(page) -> list[str]:
    """Abort every request of ``page`` that is not a local file; return the list of
    addresses it asked for (filled as the page runs)."""
    outside: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_files)
    return outside


def _pages(folder: Path) -> list[Path]:
    pages = sorted(folder.glob("*.html"))
    marker = json.loads((folder / SITE_MARKER).read_text(encoding="utf-8"))
    assert len(pages) == marker["pages"], f"{len(pages)} pages, the build wrote {marker}"
    return pages


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_site_page_passes_axe_offline_from_file(
    edition, site_builds, browser_context
):
    failing: list[tuple[str, Finding]] = []
    figures: list[str] = []
    asked: list[str] = []
    summaries: list[str] = []
    page = browser_context.new_page()
    try:
        outside = block_non_files(page)
        for page_file in _pages(getattr(site_builds, edition)):
            views = page_file.read_text(encoding="utf-8").count(f'type="{WIDGET_VIEW_MIME}"')
            page.goto(page_file.as_uri())
            if views:
                page.wait_for_function(
                    "n => document.querySelectorAll('.widget-subarea').length >= n",
                    arg=views, timeout=30_000,
                )
                page.wait_for_timeout(500)  # images decode after the views attach
            report = audit(page, scope=None)
            summaries.append(f"{page_file.name}: {report.summary()}")
            failing += [(page_file.name, finding) for finding in report.failing]
            figures += [f"{page_file.name}: {f}" for f in figures_without_text(page, "body")]
            asked += [f"{page_file.name}: {url}" for url in outside]
            outside.clear()
    finally:
        page.close()
    print(f"\n{edition}:", *summaries, sep="\n  ")
    assert failing == [], (
        f"{edition}: {len(failing)} serious/critical axe findings "
        f"{count_by_rule([finding for _, finding in failing])}:\n  "
        + "\n  ".join(f"{name}: {finding.line()}" for name, finding in failing))
    assert figures == [], f"{edition}: figures without a real text alternative: {figures}"
    assert asked == [], f"{edition}: pages asked for {asked}"

