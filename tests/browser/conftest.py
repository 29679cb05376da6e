"""Fixtures for the real-browser tests: one JupyterLab and one Chromium per test session.

Without Chromium (or playwright) the tests skip with a one-line reason; with
``NETIND_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing browser fails them instead.
The server and the browser are always stopped, also when a test fails.
"""

from __future__ import annotations

import os

import pytest

from .browser_lab import (
    REQUIRE_BROWSER_VARIABLE,
    artifacts_dir,
    browser_problem,
    launch_browser,
    start_lab,
    stop_process_tree,
)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A headless Chromium (Playwright persistent context), closed at the end."""
    problem = browser_problem()
    if problem is not None:
        if os.environ.get(REQUIRE_BROWSER_VARIABLE) == "1":
            pytest.fail(f"{problem} and {REQUIRE_BROWSER_VARIABLE}=1", pytrace=False)
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        context = launch_browser(playwright, tmp_path_factory.mktemp("chromium"))
        try:
            yield context
        finally:
            context.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def lab_server(browser_context, tmp_path_factory):
    """One JupyterLab for every lesson, in temporary folders, stopped at the end."""
    root = tmp_path_factory.mktemp("lab-root")
    server = start_lab(root, tmp_path_factory.mktemp("lab-home"))
    try:
        yield server
    finally:
        stop_process_tree(server.process)


@pytest.fixture
def lab_page(browser_context, lab_server):
    """A fresh browser tab; its kernels are shut down afterwards."""
    page = browser_context.new_page()
    try:
        yield page
    finally:
        page.close()
        lab_server.shutdown_kernels(wait=False)


@pytest.fixture(scope="session")
def artifacts():
    folder = artifacts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder
