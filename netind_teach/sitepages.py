r"""Documents and lessons as pages of the static site: heading anchors and links.

:func:`markdown_page` renders a markdown document with an ``id`` on every heading (the
slugs GitHub gives, so a table of contents such as ``[x](#pew_internet_use)`` works
both on GitHub and on the site). :func:`relink` points a page's relative links at the
site: a lesson or document that has a page links to that page; a document left out of
this edition (the instructor guide, in the learners' site) loses its link but keeps its
text; any other file of the repository is copied beside the pages; a link that leaves the
repository (``../`` too far) is never followed.

Examples
--------
>>> html = markdown_page("# Data\n\n## pew_internet_use\n\n## Data\n")
>>> heading_ids(html)
['data', 'pew_internet_use', 'data-1']
>>> slug("Lesson 00: welcome (20 min)")
'lesson-00-welcome-20-min'
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

__all__ = [
    "LinkPlan",
    "heading_ids",
    "markdown_page",
    "relink",
    "slug",
]


def slug(text: str) -> str:
    """Return GitHub's anchor for a heading: lower case, punctuation dropped, dashes.

    Parameters
    ----------
    text : str
        The heading's text (HTML tags are dropped).

    Returns
    -------
    str
        The anchor.

    Examples
    --------
    >>> slug("The *isolation* debate: 1985 vs. 2004")
    'the-isolation-debate-1985-vs-2004'
    """
    plain = html.unescape(re.sub(r"<[^>]+>", "", text)).strip().lower()
    plain = re.sub(r"[^\w\- ]", "", plain)
    return plain.replace(" ", "-")


def heading_ids(page: str) -> list[str]:
    """Return the ``id`` of every element of an HTML page, in order.

    Parameters
    ----------
    page : str
        HTML.

    Returns
    -------
    list of str
        The ids, in document order.
    """
    return re.findall(r"""\bid=["']([^"']+)["']""", page)


def markdown_page(text: str) -> str:
    """Render markdown as HTML with a unique GitHub-style ``id`` on each heading.

    Parameters
    ----------
    text : str
        Markdown (raw HTML in it is kept).

    Returns
    -------
    str
        The HTML body.
    """
    import mistune

    class _AnchoredHeadings(mistune.HTMLRenderer):
        def __init__(self) -> None:
            super().__init__(escape=False)
            self.seen: dict[str, int] = {}

        def heading(self, text: str, level: int, **attrs: object) -> str:
            base = slug(text) or "section"
            count = self.seen.get(base, 0)
            self.seen[base] = count + 1
            anchor = base if count == 0 else f"{base}-{count}"
            return f'<h{level} id="{anchor}">{text}</h{level}>\n'

    render = mistune.create_markdown(
        renderer=_AnchoredHeadings(), plugins=["strikethrough", "footnotes", "table"]
    )
    return str(render(text))


@dataclass
class LinkPlan:
    """What a page's relative links may point at, for one edition of the site.

    ``pages`` maps a repository path (``docs/jupyterhub.md``) to its page; ``left_out``
    holds repository paths of documents this edition leaves out; ``copy`` is called with
    a repository path when a link needs that plain file copied beside the pages and
    returns False when the file cannot be copied (missing, or not allowed).

    Parameters
    ----------
    pages : mapping of str to str
        Repository path to the file name of its page.
    left_out : collection of str
        Repository paths of documents this edition leaves out.
    copy : callable
        ``copy(path) -> bool``: copies a plain file beside the pages; False if it cannot.
    dropped : list of str
        Filled by :func:`relink` with the links it had to drop, each with its reason.
    """

    pages: Mapping[str, str]
    left_out: Collection[str]
    copy: Callable[[str], bool]
    dropped: list[str] = field(default_factory=list)


_ANCHOR = re.compile(r"""<a\s([^>]*?)href=(["'])([^"']*)\2([^>]*)>(.*?)</a>""", re.DOTALL)


def relink(body: str, source: str, plan: LinkPlan) -> str:
    """Return ``body`` with its relative links pointed at the site, following ``plan``.

    ``body`` is the HTML of the page made from repository file ``source``.

    Parameters
    ----------
    body : str
        HTML of one page.
    source : str
        The repository path the page was made from (``docs/jupyterhub.md``).
    plan : LinkPlan
        What this edition's links may point at; dropped links are added to it.

    Returns
    -------
    str
        The HTML with links rewritten; a link that cannot be kept becomes its text.

    Examples
    --------
    >>> plan = LinkPlan({"docs/a.md": "a.html"}, {"docs/key.md"}, lambda path: False)
    >>> relink('<a href="a.md#x">A</a> <a href="key.md">key</a>', "docs/b.md", plan)
    '<a href="a.html#x">A</a> key'
    >>> relink('<a href="../../etc/passwd">p</a>', "docs/b.md", plan)
    'p'
    """

    def one(match: re.Match[str]) -> str:
        before, quote, href, after, text = match.groups()
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("#") or not href:
            return match.group(0)
        target, hash_, anchor = href.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        suffix = f"#{anchor}" if hash_ else ""
        if resolved.startswith("../") or resolved == ".." or posixpath.isabs(resolved):
            plan.dropped.append(f"{source}: {href} (outside the repository)")
            return text
        if resolved in plan.pages:
            new = plan.pages[resolved] + suffix
        elif resolved in plan.left_out:
            return text
        elif plan.copy(resolved):
            new = resolved + suffix
        else:
            plan.dropped.append(f"{source}: {href} (no such file in the repository)")
            return text
        return f"<a {before}href={quote}{html.escape(new, quote=True)}{quote}{after}>{text}</a>"

    return _ANCHOR.sub(one, body)
