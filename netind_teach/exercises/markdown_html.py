"""Markdown of exercise texts and check messages as safe HTML.

Examples
--------
>>> to_html("Who **coined** the term?")
'<p>Who <strong>coined</strong> the term?</p>'
"""

from __future__ import annotations

import html
import re

__all__ = ["message_html", "to_html"]

_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)"), r'<a href="\2" target="_blank">\1</a>'),
]
_CODE_SPAN = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    pieces = _CODE_SPAN.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(f"<code>{html.escape(piece)}</code>")
            continue
        # '"' is escaped too, so nothing can close an attribute the rules below write
        escaped = html.escape(piece, quote=False).replace('"', "&quot;")
        for pattern, replacement in _INLINE:
            escaped = pattern.sub(replacement, escaped)
        out.append(escaped)
    return "".join(out)


def to_html(markdown: str) -> str:
    """Render a small markdown subset (paragraphs, lists, bold, italics, code, links).

    Text is escaped, so it is safe to show anything; text that starts with ``<`` is taken
    as HTML written by a lesson author and passed through unchanged.

    Examples
    --------
    >>> to_html("Who **coined** the term `networked individualism`?")
    '<p>Who <strong>coined</strong> the term <code>networked individualism</code>?</p>'
    >>> to_html("- a\\n- b < c")
    '<ul><li>a</li><li>b &lt; c</li></ul>'
    >>> to_html("Replace ____ with *your* answer_text")
    '<p>Replace ____ with <em>your</em> answer_text</p>'
    """
    text = str(markdown).strip()
    if not text:
        return ""
    if text.startswith("<"):
        return text
    blocks: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        if stripped.startswith("```"):
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith("```"):
                code.append(lines[i])
                i += 1
            i += 1
            blocks.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
            continue
        heading = re.match(r"(#{1,4})\s+(.*)", stripped)
        if heading:
            level = len(heading.group(1)) + 2
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        bullet = re.compile(r"\s*[-*]\s+(.*)")
        number = re.compile(r"\s*\d+[.)]\s+(.*)")
        for pattern, tag in ((bullet, "ul"), (number, "ol")):
            if pattern.match(line):
                items = []
                while i < len(lines) and pattern.match(lines[i]):
                    items.append(f"<li>{_inline(pattern.match(lines[i]).group(1))}</li>")
                    i += 1
                blocks.append(f"<{tag}>{''.join(items)}</{tag}>")
                break
        else:
            para = []
            while (
                i < len(lines)
                and lines[i].strip()
                and not bullet.match(lines[i])
                and not number.match(lines[i])
                and not lines[i].strip().startswith("```")
            ):
                para.append(lines[i].strip())
                i += 1
            blocks.append(f"<p>{_inline(' '.join(para))}</p>")
    return "".join(blocks)


def message_html(message: str) -> str:
    """A check message as HTML: always escaped; inline markdown; '- ' lines as a list."""
    lines = [line for line in message.splitlines() if line.strip()]
    text = [_inline(line) for line in lines if not line.startswith("- ")]
    items = [f"<li>{_inline(line[2:])}</li>" for line in lines if line.startswith("- ")]
    return "<br>".join(text) + (f'<ul style="margin:2px 0">{"".join(items)}</ul>' if items else "")
