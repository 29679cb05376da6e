"""axe-core in the page: accessibility findings of what the course draws.

:func:`audit` injects the vendored axe-core (``vendor/axe-core/axe.min.js``, checked
against the SHA-256 axe-core publishes for that version) into a Playwright page and runs
it twice: once scoped to ``scope`` (by default the notebook's output areas, i.e. what the
course draws) and once on the rest of the page (JupyterLab's own interface). Serious and
critical findings inside the scope fail the tests; findings outside it are only listed.

Counts are per element (an ``<img>`` without alt text is one ``image-alt`` finding).

Nothing inside the outputs is excused: the one finding once listed apart as a limit of
ipywidgets (``aria-input-field-name`` on the unnamed handle of ``IntSlider``/
``FloatSlider``) is gone since the course shows number boxes instead
(:func:`netind_teach.a11y.number_box`).

:func:`figures_without_text` lists the pictures in the outputs whose text alternative
is missing, a placeholder or too short to say what they show.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = [
    "AXE_FILE",
    "AXE_VERSION",
    "FAILING_IMPACTS",
    "OUTPUTS",
    "AxeReport",
    "Finding",
    "audit",
    "axe_source",
    "count_by_rule",
    "figures_without_text",
    "is_real_text_alternative",
]

AXE_VERSION = "4.14.1"
# From axe-core's own sri-history.json for this version (the file is not changed here).
AXE_SHA256 = "KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw="
AXE_FILE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")
OUTPUTS = ".jp-OutputArea"
# The WCAG 2.1 A and AA rules, plus axe's best practices (reported, counted like the rest).
_RUN_ONLY = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@dataclass(frozen=True)
class Finding:
    """One element that breaks one axe rule."""

    rule: str
    impact: str
    target: str
    html: str
    help: str

    @property
    def failing(self) -> bool:
        """Serious or critical.

        Examples
        --------
        >>> Finding("image-alt", "critical", "img", "<img>", "Images need alt").failing
        True
        >>> Finding("region", "moderate", "div", "<div>", "Landmarks").failing
        False
        """
        return self.impact in FAILING_IMPACTS

    def line(self) -> str:
        return f"{self.rule} ({self.impact}) at {self.target}: {self.html[:160]}"


def count_by_rule(findings: list[Finding]) -> dict[str, int]:
    """How many elements break each rule, most frequent first.

    Examples
    --------
    >>> f = [Finding("a", "serious", "x", "", ""), Finding("b", "critical", "y", "", ""),
    ...      Finding("a", "serious", "z", "", "")]
    >>> count_by_rule(f)
    {'a': 2, 'b': 1}
    """
    return dict(Counter(finding.rule for finding in findings).most_common())


@dataclass
class AxeReport:
    """Findings inside the audited scope and, listed only, outside it."""

    scope: str | None
    inside: list[Finding] = field(default_factory=list)
    outside: list[Finding] = field(default_factory=list)

    @property
    def failing(self) -> list[Finding]:
        return [finding for finding in self.inside if finding.failing]

    def summary(self) -> str:
        """Counts per rule: the failing ones inside the scope, then the rest.

        Examples
        --------
        >>> r = AxeReport(".jp-OutputArea", [Finding("image-alt", "critical", "img", "", "")])
        >>> r.summary().split("; ")[0]
        'axe 4.14.1 in .jp-OutputArea: serious/critical {"image-alt": 1}'
        """
        other = [f for f in self.inside if not f.failing]
        return (
            f"axe {AXE_VERSION} in {self.scope or 'the whole page'}: serious/critical "
            f"{_json(count_by_rule(self.failing))}; other {_json(count_by_rule(other))}; "
            f"outside (not failing) {_json(count_by_rule(self.outside))}"
        )

    def failure_message(self) -> str:
        lines = [self.summary(), *(finding.line() for finding in self.failing)]
        return "\n  ".join(lines)


def _json(counts: dict[str, int]) -> str:
    import json

    return json.dumps(counts)


@cache
def axe_source() -> str:
    """The vendored axe-core, after checking it is the published file of that version."""
    data = AXE_FILE.read_bytes()
    digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
    if digest != AXE_SHA256:
        raise AssertionError(
            f"{AXE_FILE} is not axe-core {AXE_VERSION} as published (sha256-{digest}); "
            f"see {AXE_FILE.parent / 'README.md'} to update it"
        )
    return data.decode("utf-8")


_RUN = """async ([context, runOnly]) => {
  const options = {resultTypes: ['violations'], runOnly: {type: 'tag', values: runOnly}};
  const result = await axe.run(context, options);
  const found = [];
  for (const rule of result.violations) {
    for (const node of rule.nodes) {
      found.push({rule: rule.id, impact: node.impact || rule.impact || 'unknown',
                  target: node.target.join(' '), html: node.html, help: rule.help});
    }
  }
  return found;
}"""


def _run(page: Page, context: object) -> list[Finding]:
    return [Finding(**found) for found in page.evaluate(_RUN, [context, _RUN_ONLY])]


def audit(page: Page, scope: str | None = OUTPUTS) -> AxeReport:
    """Run axe-core on ``page``: inside ``scope`` (a CSS selector; all of it when ``None``)
    and, listed apart, on the rest of the page."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    report = AxeReport(scope)
    if scope is None:
        report.inside = _run(page, {"exclude": []})
        return report
    if page.locator(scope).count():
        report.inside = _run(page, {"include": [[scope]]})
    report.outside = _run(page, {"exclude": [[scope]]})
    return report


# Text nbconvert puts on pictures that have none: not a description.
_PLACEHOLDERS = ("no description has been provided",)
_MIN_WORDS = 4
_PICTURE_TEXTS = """(scope) => [...document.querySelectorAll(scope)].flatMap(area =>
  [...area.querySelectorAll('img, svg[role="img"], [role="img"]')].map(el => ({
    html: el.outerHTML.replace(/src="[^"]{60,}"/, 'src="…"').slice(0, 160),
    text: (el.getAttribute('alt') || el.getAttribute('aria-label')
           || el.getAttribute('title') || '').trim(),
  })))"""


def is_real_text_alternative(text: str) -> bool:
    """At least four words, and not a placeholder.

    Examples
    --------
    >>> is_real_text_alternative("Network drawing: ego and 6 alters.")
    True
    >>> is_real_text_alternative("No description has been provided for this image")
    False
    >>> is_real_text_alternative("Figure")
    False
    """
    words = text.split()
    lowered = text.casefold()
    return len(words) >= _MIN_WORDS and not any(p in lowered for p in _PLACEHOLDERS)


def figures_without_text(page: Page, scope: str = OUTPUTS) -> list[str]:
    """Pictures inside ``scope`` whose text alternative is missing or not real."""
    return [
        f"{found['html']} (text: {found['text']!r})"
        for found in page.evaluate(_PICTURE_TEXTS, scope)
        if not is_real_text_alternative(found["text"])
    ]
