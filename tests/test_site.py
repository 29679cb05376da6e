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


# -- the instructor guide and the JupyterHub recipe ---------------------------------------
GUIDE = ROOT / "docs" / "instructor-guide.md"
HUB_DOC = ROOT / "docs" / "jupyterhub.md"
OUTLINE_HEADER = "| segment | as written (min) | 90-minute lab (min) | 2 x 50 (session: min) |"


def _guide_sections() -> dict[str, str]:
    """The hand-written part of the guide (before the answer key), per "### Lesson NN"."""
    written = GUIDE.read_text(encoding="utf-8").split(site.ANSWER_KEY_START)[0]
    parts = re.split(r"^### Lesson (\d\d)\b.*$", written, flags=re.MULTILINE)
    pairs = zip(parts[1::2], parts[2::2], strict=True)
    return {number: body.split("\n## ")[0] for number, body in pairs}


def _outline(body: str) -> list[list[str]]:
    """Rows of a lesson's outline table (cells stripped of bold), the total row last."""
    lines = body.splitlines()
    start = lines.index(OUTLINE_HEADER)  # ValueError names a missing table
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("*").strip() for cell in line.strip("|").split("|")])
    return rows


def _minutes(cell: str) -> int:
    return int(cell) if cell.isdigit() else 0


def _session(cell: str) -> tuple[str, int]:
    match = re.fullmatch(r"(S[12]) (\d+)", cell)
    return (match.group(1), int(match.group(2))) if match else ("", 0)


def _stated_minutes(lesson: Path) -> int:
    first = nbformat.read(lesson, as_version=4).cells[0].source
    match = re.search(r"\*\*Time\*\*: about (\d+) minutes", first)
    assert match, f"{lesson.name} states no '**Time**: about N minutes'"
    return int(match.group(1))


def test_guide_answer_key_is_current():
    text = GUIDE.read_text(encoding="utf-8")
    assert site.refresh_answer_key(text) == text, "the answer key is stale: run `make docs`"


def test_guide_outlines_every_lesson_in_both_formats():
    sections = _guide_sections()
    for lesson in LESSONS:
        number = lesson.name[:2]
        assert number in sections, f"the guide has no '### Lesson {number}' section"
        *segments, total = _outline(sections[number])
        assert segments and total[0] == "total", f"lesson {number}: outline without a total row"
        as_written = sum(int(row[1]) for row in segments)
        assert as_written == int(total[1]) == _stated_minutes(lesson), lesson.name
        assert sum(_minutes(row[2]) for row in segments) == _minutes(total[2]), lesson.name
        assert sum(_session(row[3])[1] for row in segments) == _session(total[3])[1], lesson.name
        for row in segments:  # a plan never gives a segment more than the lesson does
            assert _minutes(row[2]) in (0, int(row[1])), f"lesson {number}: {row}"
            assert _session(row[3])[1] in (0, int(row[1])), f"lesson {number}: {row}"


def test_guide_plans_fit_their_time():
    outlines = [_outline(body)[-1] for body in _guide_sections().values()]
    assert 80 <= sum(_minutes(total[2]) for total in outlines) <= 90
    per_session = {"S1": 0, "S2": 0}
    for total in outlines:
        name, minutes = _session(total[3])
        if name:
            per_session[name] += minutes
    assert per_session == {"S1": 50, "S2": 50}


def test_guide_names_every_exercise_of_every_lesson():
    from netind_teach.exercises import definitions, lessons

    sections = _guide_sections()
    key = GUIDE.read_text(encoding="utf-8").split(site.ANSWER_KEY_START)[1]
    for number in lessons():
        for definition in definitions(number):
            assert f"`ex.{definition.name}`" in sections[number], (number, definition.name)
            assert f"### {number}.{definition.name}:" in key, (number, definition.name)


def test_jupyterhub_doc_gives_the_recipe_and_a_measured_memory_figure():
    from urllib.parse import parse_qs, urlsplit

    text = HUB_DOC.read_text(encoding="utf-8")
    for needle in (
        "binder/requirements.txt",
        "nbgitpuller",
        "NETIND_TEACH_HOME",
        "pip install --no-cache-dir --no-deps",
        "netind-teach build-site",
        "netind-teach student-copy",
    ):
        assert needle in text, needle
    assert re.search(r"\b\d[\d,]*(?:\.\d+)? MiB\b|\b\d[\d,]*(?:\.\d+)? MB\b", text)
    # the nbgitpuller link opens a lesson that exists, inside the folder the clone makes
    link = re.search(r"https://HUB/hub/user-redirect/git-pull\?\S+", text).group(0)
    query = {name: values[0] for name, values in parse_qs(urlsplit(link).query).items()}
    assert query["repo"] == "https://github.com/OWNER/netind-teach"
    assert query["branch"] == "main"
    assert query["urlpath"] == "lab/tree/netind-teach/lessons/00_welcome.ipynb"
    assert (ROOT / query["urlpath"].removeprefix("lab/tree/netind-teach/")).is_file()
    assert site.binder_link("00_welcome.ipynb") in text
    # a measured kernel peak for every lesson
    memory = text.split("### 4. Memory per user")[1].split("\n### ")[0]
    for lesson in LESSONS:
        assert re.search(rf"^\| {lesson.name[:2]} .*MiB", memory, flags=re.MULTILINE), lesson.name


def test_site_for_students_leaves_out_the_answer_key():
    student_docs = {page.source for page, _ in site._markdown_pages(ROOT, for_students=True)}
    all_docs = {page.source for page, _ in site._markdown_pages(ROOT, for_students=False)}
    assert "docs/instructor-guide.md" in all_docs - student_docs
    parsed = cli._parser().parse_args(["build-site", "out", "--for-students"])
    assert parsed.for_students is True


def test_links_between_documents_become_links_between_pages(tmp_path):
    body = '<a href="jupyterhub.md#memory">hub</a> <a href="../LICENSE">licence</a>'
    pages = {"docs/jupyterhub.md": "jupyterhub.html"}
    linked = site._link_pages(body, "docs/instructor-guide.md", pages, ROOT, tmp_path)
    assert 'href="jupyterhub.html#memory"' in linked and 'href="LICENSE"' in linked
    assert (tmp_path / "LICENSE").is_file()
