"""Keyboard helpers of the browser tests: notebook keys, Tab to Check, the cells' text."""

from __future__ import annotations

import re

from .browser_lab import exercise_feedback

__all__ = [
    "HUMAN_PAUSE_MS",
    "NOTEBOOK_KEYS",
    "active_text",
    "cells",
    "press",
    "press_notebook_keys",
    "tab_to_check_and_press_enter",
]

HUMAN_PAUSE_MS = 120
NOTEBOOK_KEYS = ("a", "d", "d", "x", "ArrowDown", "ArrowUp")
_ACTIVE_IS_BUTTON = """([name]) => {
  const el = document.activeElement;
  return !!el && el.tagName === 'BUTTON' && el.textContent.trim() === name;
}"""


def cells(page) -> list[str]:
    """The text of every cell's input, in order."""
    return page.locator(".jp-NotebookPanel .jp-Cell .jp-InputArea-editor").all_inner_texts()


def press(page, *keys: str, pause: int = HUMAN_PAUSE_MS) -> None:
    """Press ``keys`` one after the other at a fast human pace (``pause`` ms apart).

    The pause lets each explorer redraw between keys; presses no longer need it to be
    judged on the latest value (``tests/browser/test_typing_race.py``).
    """
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(pause)


def press_notebook_keys(page) -> None:
    """Press the keys that are JupyterLab notebook shortcuts: "a", "d d", "x", arrows."""
    press(page, *NOTEBOOK_KEYS)


def tab_to_check_and_press_enter(page, widget) -> str:
    """Tab forward to this exercise's Check button, press Enter, return the feedback."""
    from playwright.sync_api import expect

    feedback = exercise_feedback(widget)
    before = feedback.text_content() or ""  # what to_have_text compares (not inner_text)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(_ACTIVE_IS_BUTTON, ["Check"]):
            break
    else:
        raise AssertionError("Tab never reached a Check button")
    page.keyboard.press("Enter")
    expect(feedback).not_to_have_text(before or re.compile(r"^\s*$"))
    return " ".join(feedback.inner_text().split())


def active_text(page) -> str:
    """The words of the focused element."""
    return page.evaluate("() => document.activeElement.textContent.trim()")
