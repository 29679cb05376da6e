"""The static site and the student hand-out copy."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from netind_teach import cli, site

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[site.Page]]:
    folder = tmp_path_factory.mktemp("site")
    lines: list[str] = []
    pages = site.build_site(folder, root=ROOT, progress=lines.append)
    assert any(line.startswith("executing") for line in lines)
    return folder, pages


def test_every_lesson_and_doc_has_a_page(built):
    folder, pages = built
    names = {p.filename for p in pages}
    assert "index.html" in names and "readme.html" in names
    for lesson in LESSONS:
        assert lesson.stem + ".html" in names
    for doc in (ROOT / "docs").glob("*.md"):
        assert doc.stem + ".html" in names
    assert all((folder / name).is_file() for name in names)


def test_links_resolve(built):
    folder, pages = built
    for page in pages:
        text = (folder / page.filename).read_text(encoding="utf-8")
        for target in re.findall(r"href=['\"]([^'\"#]+)['\"]", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (folder / target).is_file(), f"{page.filename} links to missing {target}"


def test_lesson_pages_are_executed_and_point_to_binder(built):
    folder, _ = built
    page = (folder / "00_welcome.html").read_text(encoding="utf-8")
    assert "is ready" in page  # output of the first code cell, from a real run
    assert "Run it on Binder to use the widgets" in page
    assert site.binder_link("00_welcome.ipynb") in page


def test_student_copy_clears_outputs_and_solutions(tmp_path):
    assert cli.main(["student-copy", str(tmp_path)]) == 0
    copies = sorted(tmp_path.iterdir())
    assert [p.name for p in copies] == [p.name for p in LESSONS]
    for copy in copies:
        nb = nbformat.read(copy, as_version=4)
        assert all(not c.outputs for c in nb.cells if c.cell_type == "code")
        assert not [c for c in nb.cells if site.SOLUTION_TAG in c.metadata.get("tags", [])]


def test_refresh_docs_fills_answer_key_and_cards(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    guide = docs / "instructor-guide.md"
    guide.write_text(f"# Guide\n\n{site.ANSWER_KEY_START}\nstale\n{site.ANSWER_KEY_END}\n")
    assert cli.main(["refresh-docs", str(tmp_path)]) == 0
    text = guide.read_text()
    assert "stale" not in text and "## Lesson 00: exercises and answers" in text
    assert (docs / "datasets.md").read_text().startswith("# Datasets")
