"""Static course site and student hand-out copies.

``build_site(folder)`` executes every lesson on a fresh kernel and renders it, with the
README and the documents in ``docs/``, to plain HTML pages with a navigation index and a
Binder launch link on each page. Widgets are kept as saved state where the page can show
them, but they cannot respond without a kernel, so every lesson page says so and links to
Binder.

``student_copy(folder)`` writes the lessons with every output cleared, solution cells
removed and no progress files, for handing out on a learning-management system.

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> sorted(p.name for p in student_copy(out))[0]
'00_welcome.ipynb'
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from netind_teach._resources import lessons_dir
from netind_teach.notebooks import SOLUTION_TAG, clear_notebook, execute_notebook

__all__ = ["BINDER_URL", "SOLUTION_TAG", "Page", "binder_link", "build_site", "student_copy"]

#: Binder launch URL; OWNER is the placeholder the README asks maintainers to fill.
BINDER_URL = "https://mybinder.org/v2/gh/OWNER/netind-teach/HEAD?urlpath=lab/tree/lessons/{lesson}"

_REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Page:
    """One page of the site: its file name, title and where it came from."""

    filename: str
    title: str
    source: str


def binder_link(lesson: str = "00_welcome.ipynb") -> str:
    """Return the Binder URL that opens ``lesson`` in JupyterLab.

    Examples
    --------
    >>> binder_link("01_origins.ipynb").endswith("lessons/01_origins.ipynb")
    True
    """
    return BINDER_URL.format(lesson=lesson)


def _title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, flags=re.MULTILINE)
            if match:
                return match.group(1).strip()
    return fallback


_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}
nav{border-bottom:1px solid #ccc;padding-bottom:.5rem;margin-bottom:1rem}
nav a{margin-right:1rem}
.binder{background:#fff6d5;border:1px solid #e0c060;padding:.6rem;border-radius:.3rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}
"""


def _wrap(title: str, body: str, nav: str, banner: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<nav>{nav}</nav>{banner}{body}</body></html>\n"
    )


def _banner(lesson: str) -> str:
    url = html.escape(binder_link(lesson))
    return (
        "<p class='binder'>This is a static copy: widgets and exercises need a running "
        f"kernel. <a href='{url}'>Run it on Binder to use the widgets</a>, or locally with "
        "<code>make lab</code>.</p>"
    )


def _markdown_to_html(text: str) -> str:
    """Render markdown; links to lessons and documents become links to their pages."""
    import mistune

    rendered = mistune.html(text)
    rendered = re.sub(r'href="(?:\./)?lessons/([^"/]+)\.ipynb"', r'href="\1.html"', rendered)
    rendered = re.sub(r'href="(?:\./)?docs/([^"/]+)\.md"', r'href="\1.html"', rendered)
    return re.sub(r'href="(?:\.\./)?([A-Z]+[A-Za-z_-]*)\.md"',
                  lambda m: f'href="{m.group(1).lower()}.html"', rendered)


def _copy_linked_files(folder: Path, root: Path, body: str) -> None:
    """Copy plain files a page links to (LICENSE, requirements) so every link resolves."""
    for target in re.findall(r'href="([^":#]+)"', body):
        source = root / target
        if not target.endswith(".html") and source.is_file():
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / target)


def _lesson_html(nb: nbformat.NotebookNode) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    body, _ = exporter.from_notebook_node(nb)
    return body


def _markdown_pages(root: Path) -> list[tuple[Page, str]]:
    pages = []
    for name, title in (("README", "About the course"), ("CONTRIBUTING", "Contributing"),
                        ("CHANGELOG", "Changelog")):
        path = root / f"{name}.md"
        if path.is_file():
            pages.append((Page(f"{name.lower()}.html", title, path.name), path.read_text()))
    docs = root / "docs"
    for doc in sorted(docs.glob("*.md")) if docs.is_dir() else []:
        title = next(
            (line.lstrip("# ").strip() for line in doc.read_text().splitlines()
             if line.startswith("# ")),
            doc.stem,
        )
        pages.append((Page(f"{doc.stem}.html", title, f"docs/{doc.name}"), doc.read_text()))
    return pages


def build_site(
    folder: str | Path,
    root: str | Path | None = None,
    progress: Callable[[str], None] = print,
    timeout: int = 180,
) -> list[Page]:
    """Render the executed lessons, README and docs into ``folder`` as a static site.

    ``root`` is the repository folder holding ``README.md`` and ``docs/`` (default: the
    checkout this package runs from, when there is one). ``progress`` receives one line
    per page as it is built. Returns the pages, index first.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    root = Path(root) if root is not None else _REPO_ROOT
    lessons = sorted(
        (p for p in lessons_dir().iterdir() if p.name.endswith(".ipynb")), key=lambda p: p.name
    )
    rendered: list[tuple[Page, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="netind-site-") as scratch:
        for lesson in lessons:
            progress(f"executing {lesson.name} ...")
            workdir = Path(scratch) / lesson.name.removesuffix(".ipynb")
            workdir.mkdir()
            nb = nbformat.reads(lesson.read_text(encoding="utf-8"), as_version=4)
            executed = execute_notebook(nb, workdir, timeout=timeout)
            page = Page(lesson.name.replace(".ipynb", ".html"), _title_of(nb, lesson.stem),
                        f"lessons/{lesson.name}")
            rendered.append((page, _lesson_html(executed), _banner(lesson.name)))
    for page, text in _markdown_pages(root):
        body = _markdown_to_html(text)
        _copy_linked_files(folder, root, body)
        rendered.append((page, body, ""))
    index = Page("index.html", "netind-teach: networked individualism", "")
    nav = " ".join(
        f"<a href='{p.filename}'>{html.escape(p.title.split(':')[0])}</a>"
        for p in [index] + [p for p, _, _ in rendered]
    )
    for page, body, banner in rendered:
        (folder / page.filename).write_text(_wrap(page.title, body, nav, banner), encoding="utf-8")
        progress(f"wrote {page.filename}")
    items = "".join(
        f"<li><a href='{p.filename}'>{html.escape(p.title)}</a></li>" for p, _, _ in rendered
    )
    launch = html.escape(binder_link())
    index_body = (
        f"<h1>{html.escape(index.title)}</h1><p><a href='{launch}'>Launch the course on "
        f"Binder</a></p><ul>{items}</ul>"
    )
    (folder / index.filename).write_text(_wrap(index.title, index_body, nav), encoding="utf-8")
    return [index] + [p for p, _, _ in rendered]


def student_copy(folder: str | Path) -> list[Path]:
    """Write every lesson into ``folder`` with outputs cleared and solution cells removed.

    Only notebooks are written: no progress files, no saved networks. Existing files of
    the same name are replaced (this is a hand-out build, not a learner's folder).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in sorted(lessons_dir().iterdir(), key=lambda p: p.name):
        if not lesson.name.endswith(".ipynb"):
            continue
        nb = nbformat.reads(lesson.read_text(encoding="utf-8"), as_version=4)
        target = folder / lesson.name
        target.write_text(nbformat.writes(clear_notebook(nb, SOLUTION_TAG)) + "\n", "utf-8")
        written.append(target)
    return written


