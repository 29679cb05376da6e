"""axe-core on every page of both editions of the static site.

Each page is opened from ``file://`` in Chromium with every request that is not a local
file blocked (as a learner opens a copy from a USB stick or an LMS), its widgets are left
to draw, then the vendored axe-core audits the whole page against the WCAG 2.1 A/AA rules
and axe's best practices. Serious and critical findings fail the test, and so does any
picture whose text alternative is missing or nbconvert's placeholder. The sites are the
session's (``site_builds``): nothing is built again here.
"""

from __future__ import annotations

import pytest

from .axe_audit import Finding, audit, count_by_rule, figures_without_text
from .site_pages import block_non_files, open_site_page, site_pages

EDITIONS = ("learners", "instructor")


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_site_page_passes_axe_offline_from_file(edition, site_builds, browser_context):
    failing: list[tuple[str, Finding]] = []
    figures: list[str] = []
    asked: list[str] = []
    summaries: list[str] = []
    page = browser_context.new_page()
    try:
        outside = block_non_files(page)
        for page_file in site_pages(getattr(site_builds, edition)):
            open_site_page(page, page_file)
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
        + "\n  ".join(f"{name}: {finding.line()}" for name, finding in failing)
    )
    assert figures == [], f"{edition}: figures without a real text alternative: {figures}"
    assert asked == [], f"{edition}: pages asked for {asked}"
