"""Tiny helper for writing lesson notebooks from Python (authoring aid, not shipped).

Usage in a build script::

    from tools.nbbuild import md, code, checked, save
    save("lessons/01_origins.ipynb", [md("# Title"), code("x = 1"), checked("x")])

then run `make lessons` to execute and store the checked outputs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

CHECK_TAG = "nbval-check-output"


def _cell_id(source: str, index: int) -> str:
    return hashlib.sha1(f"{index}:{source}".encode()).hexdigest()[:8]


def md(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(source.strip("\n"))


def code(source: str, tags: list[str] | None = None) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def checked(source: str) -> nbformat.NotebookNode:
    """A code cell whose output nbval compares with a fresh run."""
    return code(source, tags=[CHECK_TAG])


def save(path: str | Path, cells: list[nbformat.NotebookNode]) -> None:
    nb = nbformat.v4.new_notebook()
    for index, cell in enumerate(cells):
        cell["id"] = _cell_id(cell.source, index)
    nb.cells = cells
    from netind_teach.notebooks import strip_notebook

    Path(path).write_text(nbformat.writes(strip_notebook(nb)) + "\n", encoding="utf-8")
