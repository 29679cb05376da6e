"""Opening the static site's pages in the browser tests: offline, widgets drawn."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from netind_teach.site import SITE_MARKER

from .browser_lab import WIDGET_VIEW_MIME

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["block_non_files", "open_site_page", "site_pages"]


def block_non_files(page: Page) -> list[str]:
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


def site_pages(folder: Path) -> list[Path]:
    """Every page of a built site, checked against the number its build wrote."""
    pages = sorted(folder.glob("*.html"))
    marker = json.loads((folder / SITE_MARKER).read_text(encoding="utf-8"))
    assert len(pages) == marker["pages"], f"{len(pages)} pages, the build wrote {marker}"
    return pages


def open_site_page(page: Page, page_file: Path) -> None:
    """Open ``page_file`` and wait until each of its widget views is drawn."""
    views = page_file.read_text(encoding="utf-8").count(f'type="{WIDGET_VIEW_MIME}"')
    page.goto(page_file.as_uri())
    if views:
        page.wait_for_function(
            "n => document.querySelectorAll('.widget-subarea').length >= n",
            arg=views,
            timeout=30_000,
        )
        page.wait_for_timeout(500)  # images decode after the views attach
