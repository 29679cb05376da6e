"""Where the shipped files (datasets, lessons) live, installed or in a checkout.

An installed wheel carries them inside the package (``netind_teach/_datasets`` and
``netind_teach/_lessons``), found through :mod:`importlib.resources`. In an editable
checkout they are the repository's top-level ``datasets/`` and ``lessons/`` folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.resources.abc is new in Python 3.11
    from importlib.abc import Traversable

__all__ = ["datasets_dir", "lesson_files", "lessons_dir"]


def _shipped(inside: str, checkout: str) -> Traversable:
    packaged = resources.files("netind_teach") / inside
    if packaged.is_dir():
        return packaged
    repo_folder = Path(__file__).resolve().parent.parent / checkout
    if repo_folder.is_dir():
        return repo_folder
    raise FileNotFoundError(
        f"netind-teach cannot find its {checkout!r} folder (looked in the installed package "
        f"and next to it). Fix: reinstall the package (pip install --force-reinstall netind-teach) "
        f"and run `netind-teach doctor`."
    )


def datasets_dir() -> Traversable:
    """Return the folder holding the CSV files and ``datapackage.json``.

    Examples
    --------
    >>> (datasets_dir() / "datapackage.json").is_file()
    True
    """
    return _shipped("_datasets", "datasets")


def lessons_dir() -> Traversable:
    """Return the folder holding the lesson notebooks.

    Examples
    --------
    >>> (lessons_dir() / "00_welcome.ipynb").is_file()
    True
    """
    return _shipped("_lessons", "lessons")


def lesson_files() -> list[Traversable]:
    """Return the lesson notebooks in course order (``00_welcome.ipynb`` first).

    Examples
    --------
    >>> lesson_files()[0].name
    '00_welcome.ipynb'
    """
    notebooks = (p for p in lessons_dir().iterdir() if p.name.endswith(".ipynb"))
    return sorted(notebooks, key=lambda p: p.name)
