"""Reflow at 200% zoom: what the course draws must not scroll or cut its text sideways.

A 1280-pixel laptop screen at 200% zoom gives the page 640 CSS pixels. :func:`sideways`
lists every element of the course's outputs (widgets and result boxes) whose content is
wider than its box while the box scrolls or clips sideways (its ``overflow-x`` is not
``visible``), i.e. text the learner has to scroll to, or cannot see at all (an ellipsis).
Visually hidden labels (1 px wide, for screen readers) are not counted.

:func:`overlapping_options` lists the multiple-choice options that overlap the next one
or are cut at the bottom (long options used to be drawn on top of each other).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["COURSE_OUTPUTS", "ZOOMED_VIEWPORT", "overlapping_options", "sideways"]

ZOOMED_VIEWPORT = {"width": 640, "height": 900}
#: The course's outputs: every widget and the result and note boxes of checks and hints.
COURSE_OUTPUTS = ".jupyter-widgets, .netind-result, .netind-note"

_SIDEWAYS = """(selector) => {
  const found = [];
  const seen = new Set();
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (el.clientWidth <= 1 || el.tagName === 'INPUT') continue;
      const overflow = getComputedStyle(el).overflowX;
      if (overflow !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        const text = (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ');
        found.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(-2).join('.')} `
          + `(${el.scrollWidth} px in ${el.clientWidth} px, overflow ${overflow}): `
          + text.slice(0, 60));
      }
    }
  }
  return found;
}"""

_OVERLAPS = """() => {
  const found = [];
  const LABELS = '.widget-checkbox .widget-label-basic, .widget-radio-box label';
  for (const group of document.querySelectorAll('.netind-exercise')) {
    const title = (group.querySelector('h4') || {}).innerText || '?';
    const listbox = group.querySelector('select[size]');
    if (listbox && listbox.scrollHeight > listbox.clientHeight + 1)
      found.push(`${title}: options cut (${listbox.scrollHeight} px `
        + `in ${listbox.clientHeight} px)`);
    const options = listbox ? [...listbox.options] : [...group.querySelectorAll(LABELS)];
    for (let i = 0; i + 1 < options.length; i++) {
      const here = options[i].getBoundingClientRect();
      const next = options[i + 1].getBoundingClientRect();
      if (here.bottom > next.top + 1)
        found.push(`${title}: option ${i + 1} overlaps option ${i + 2} `
          + `by ${Math.round(here.bottom - next.top)} px`);
    }
    for (const label of group.querySelectorAll(LABELS))
      if (label.scrollHeight > label.clientHeight + 1
          || label.scrollWidth > label.clientWidth + 1)
        found.push(`${title}: option cut: ${label.innerText.slice(0, 50)}`);
  }
  return found;
}"""


def sideways(page: Page, selector: str = COURSE_OUTPUTS) -> list[str]:
    """Elements inside ``selector`` that scroll or clip their content sideways."""
    return page.evaluate(_SIDEWAYS, selector)


def overlapping_options(page: Page) -> list[str]:
    """Exercise options that overlap the next one, or whose text is cut."""
    return page.evaluate(_OVERLAPS)
