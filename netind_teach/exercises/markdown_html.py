r"""Markdown of exercise texts and check messages as safe HTML, rendered by mistune.

Learner text may reach these functions (an answer quoted in a message), so everything is
escaped and only a small set of tags is ever written: paragraphs, lists, ``strong``,
``em``, ``code``, ``pre``, ``br``, headings ``h3`` to ``h6`` (``#`` is ``h3``: exercise
boxes sit inside a notebook's own headings) and links to ``http(s)`` addresses, which
open in a new tab. Quotes, images and raw HTML show as their text; rules are left out.

Examples
--------
>>> to_html("Who **coined** the term `networked individualism`?")
'<p>Who <strong>coined</strong> the term <code>networked individualism</code>?</p>'
>>> to_html("- a\n- b < c")
'<ul><li>a</li><li>b &lt; c</li></ul>'
>>> to_html("Replace ____ with *your* answer_text")
'<p>Replace ____ with <em>your</em> answer_text</p>'
>>> print(message_html("Found 1 of 2.\n- b) is wrong: see [the table](https://x.org)."))
Found 1 of 2.<ul style="margin:2px 0"><li>b) is wrong: see
<a href="https://x.org" target="_blank">the table</a>.</li></ul>
"""

from __future__ import annotations

import html
from functools import cache
from typing import Any

import mistune
from mistune.core import BlockState, InlineState

__all__ = ["message_html", "to_html"]


class _CourseHTML(mistune.HTMLRenderer):
    """mistune's HTML, limited to the course's tags and written without line breaks."""

    def __init__(self) -> None:
        super().__init__(escape=True)

    def softbreak(self) -> str:
        return " "

    def linebreak(self) -> str:
        return "<br>"

    def paragraph(self, text: str) -> str:
        return f"<p>{text}</p>"

    def heading(self, text: str, level: int, **attrs: Any) -> str:
        tag = f"h{min(level + 2, 6)}"
        return f"<{tag}>{text}</{tag}>"

    def list(self, text: str, ordered: bool, **attrs: Any) -> str:
        tag = "ol" if ordered else "ul"
        return f"<{tag}>{text}</{tag}>"

    def list_item(self, text: str) -> str:
        return f"<li>{text}</li>"

    def codespan(self, text: str) -> str:
        return f"<code>{html.escape(text)}</code>"

    def block_code(self, code: str, info: str | None = None) -> str:
        return f"<pre><code>{html.escape(code.rstrip(chr(10)))}</code></pre>"

    def link(self, text: str, url: str, title: str | None = None) -> str:
        if not url.startswith(("http://", "https://")):
            return text
        return f'<a href="{self.safe_url(url)}" target="_blank">{text}</a>'

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return text

    def block_quote(self, text: str) -> str:
        return text

    def thematic_break(self) -> str:
        return ""

    def block_html(self, raw: str) -> str:
        return f"<p>{html.escape(raw.strip(), quote=False)}</p>"


@cache
def _markdown() -> mistune.Markdown:
    return mistune.create_markdown(renderer=_CourseHTML(), plugins=[])


def _inline(text: str) -> str:
    """One line of markdown (bold, italics, code, links) as HTML, with no block around it."""
    markdown = _markdown()
    state = InlineState({})
    state.src = text
    render = markdown.renderer
    if render is None:  # mistune.create_markdown always gives one
        raise RuntimeError("mistune made a Markdown without a renderer")
    return str(render(markdown.inline.parse(state), BlockState()))


def to_html(markdown: str) -> str:
    r"""Render markdown (paragraphs, lists, bold, italics, code, links, headings) as HTML.

    Text is escaped, so it is safe to show anything; text that starts with ``<`` is taken
    as HTML written by a lesson author and passed through unchanged.

    Parameters
    ----------
    markdown : str
        The text, e.g. an exercise's question.

    Returns
    -------
    str
        HTML on one line (blocks written one after the other).

    Examples
    --------
    >>> to_html("## Step 2\n\n1. count\n2. compare")
    '<h4>Step 2</h4><ol><li>count</li><li>compare</li></ol>'
    """
    text = str(markdown).strip()
    if not text:
        return ""
    if text.startswith("<"):
        return text
    return str(_markdown()(text))


def message_html(message: str) -> str:
    """Return a check message as HTML: always escaped; inline markdown; '- ' lines as a list.

    Parameters
    ----------
    message : str
        A :class:`~netind_teach.exercises.Result`'s message (lines of plain text).

    Returns
    -------
    str
        The lines joined by ``<br>``, then the ``- `` lines as a list.
    """
    lines = [line for line in message.splitlines() if line.strip()]
    text = [_inline(line) for line in lines if not line.startswith("- ")]
    items = [f"<li>{_inline(line[2:])}</li>" for line in lines if line.startswith("- ")]
    return "<br>".join(text) + (f'<ul style="margin:2px 0">{"".join(items)}</ul>' if items else "")
