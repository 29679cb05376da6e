"""The static site and the student hand-out copy."""

from __future__ import annotations

import functools
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from netind_teach import cli, publishing, site, sitepages, sitewidgets

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))


# -- what the learners' site must never hold ------------------------------------------------
def _plain(markdown: str) -> str:
    """Markdown text without emphasis or code marks, whitespace collapsed."""
    return " ".join(re.sub(r"[*`]", "", markdown).split())


def _documented_answers() -> list[str]:
    """Every answer in the key that the lessons do not show learners anyway.

    From each exercise: the explanation ("Why."), and each line of the answer (worked
    numbers, solution code, the example reflection, the claims sorted). A multiple-choice
    question shows its options and a network to classify shows its measures and medians
    (the answer's reasons) by design, so for those only the explanation is secret; so is
    none of what the committed lessons' cells say (starter code).
    """
    from netind_teach.exercises import answers

    cells = [c.source for path in LESSONS for c in nbformat.read(path, as_version=4).cells]
    shown = " ".join(" ".join(source.split()) for source in cells)
    secrets = []
    for row in answers():
        fragments = [_plain(row["explanation"])]
        if row["kind"] not in ("multiple choice", "classify this network"):
            code = False
            for line in row["answer"].splitlines():
                if line.startswith("```"):
                    code = not code
                    continue
                line = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line) if not code else line
                fragments.append(" ".join(line.split()) if code else _plain(line))
        for fragment in fragments:
            if len(fragment) >= 16 and fragment not in shown:
                secrets.append(fragment)
    return secrets


def _site_texts(folder: Path) -> dict[str, list[str]]:
    """Each file of a site (or one file) in every form a secret could take in it: as
    stored, with JSON escapes decoded (widget state), each also as text (tags stripped,
    entities decoded); whitespace collapsed."""
    texts = {}
    for path in sorted(p for p in [folder, *folder.rglob("*")] if p.is_file()):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        unjson = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), raw)
        for escape, char in (("\\n", " "), ('\\"', '"'), ("\\/", "/"), ("\\\\", "\\")):
            unjson = unjson.replace(escape, char)
        forms = []
        for base in (raw, unjson):
            forms += [base, html.unescape(re.sub(r"<[^>]+>", " ", base)),
                      html.unescape(re.sub(r"<[^>]+>", "", base))]
        texts[path.name if path == folder else str(path.relative_to(folder))] = [
            " ".join(form.split()) for form in forms
        ]
    return texts


def _holding(texts: dict[str, list[str]], secret: str) -> list[str]:
    return [name for name, forms in texts.items() if any(secret in form for form in forms)]


def test_the_key_has_answers_to_look_for():
    secrets = _documented_answers()
    from netind_teach.exercises import answers

    assert len(secrets) >= len(answers()), "too few answer fragments to make the search count"


def test_learners_site_holds_no_answer_from_the_key(site_builds):
    texts = _site_texts(site_builds.learners)
    found = {secret[:60]: _holding(texts, secret) for secret in _documented_answers()}
    assert not {k: v for k, v in found.items() if v}, "answers in the learners' site"
    assert not [name for name in texts if "instructor" in name.lower()]


def test_instructor_site_holds_every_answer(site_builds):
    texts = _site_texts(site_builds.instructor / "instructor-guide.html")
    missing = [secret[:60] for secret in _documented_answers() if not _holding(texts, secret)]
    assert not missing, f"the search would miss these answers: {missing}"


def test_each_edition_has_its_pages_and_says_which_it_is(site_builds):
    for folder, instructor in ((site_builds.learners, False), (site_builds.instructor, True)):
        names = {p.name for p in folder.glob("*.html")}
        for lesson in LESSONS:
            assert lesson.stem + ".html" in names
        for doc in (ROOT / "docs").glob("*.md"):
            expected = instructor or f"docs/{doc.name}" not in site.INSTRUCTOR_ONLY
            assert (doc.stem + ".html" in names) == expected, (folder, doc.name)
        assert {"index.html", "readme.html"} <= names
        marker = json.loads((folder / site.SITE_MARKER).read_text(encoding="utf-8"))
        assert marker["edition"] == ("instructor" if instructor else "learners")
        labelled = "Instructor edition" in (folder / "index.html").read_text(encoding="utf-8")
        assert labelled == instructor


def test_api_reference_is_on_the_instructor_site_only_and_the_guide_links_it(site_builds):
    from netind_teach.apireference import entry_id, public_api, public_modules

    page = site_builds.instructor / site.API_PAGE.filename
    ids = _ids(page)
    api = public_api(public_modules())
    missing = [entry_id(module, name) for module, names in api.items() for name in names
               if entry_id(module, name) not in ids]
    assert not missing, f"not on the instructor site's API reference: {missing}"
    guide = (site_builds.instructor / "instructor-guide.html").read_text(encoding="utf-8")
    assert f'href="{site.API_PAGE.filename}"' in guide
    assert not (site_builds.learners / site.API_PAGE.filename).exists()
    for other in site_builds.learners.glob("*.html"):
        links = [link for _, _, link in _LINK.findall(other.read_text(encoding="utf-8"))]
        assert site.API_PAGE.filename not in links, other.name


# -- links and anchors --------------------------------------------------------------------
_LINK = re.compile(r"""\b(href|src)=(["'])([^"']*)\2""")


@functools.lru_cache(maxsize=64)
def _ids(page: Path) -> set[str]:
    return set(sitepages.heading_ids(page.read_text(encoding="utf-8")))


def _broken_links(folder: Path) -> list[str]:
    broken = []
    for page in sorted(folder.glob("*.html")):
        for _, _, link in _LINK.findall(page.read_text(encoding="utf-8")):
            link = html.unescape(link)
            if re.match(r"^(https?|mailto|data):", link):
                continue
            target, _, anchor = link.partition("#")
            path = (page.parent / target).resolve() if target else page
            if not path.is_relative_to(folder.resolve()) or not path.is_file():
                broken.append(f"{page.name}: {link} (no such file)")
            elif anchor and path.suffix == ".html" and anchor not in _ids(path):
                broken.append(f"{page.name}: {link} (no such anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves_in_both_editions(site_builds):
    for folder in (site_builds.learners, site_builds.instructor):
        assert _broken_links(folder) == []
    assert not [line for line in site_builds.lines if line.startswith("warning")]


def test_datasets_table_of_contents_reaches_each_card(site_builds):
    page = site_builds.learners / "datasets.html"
    anchors = re.findall(r'href="#([^"]+)"', page.read_text(encoding="utf-8"))
    assert len(anchors) >= 13 and set(anchors) <= _ids(page)


def test_no_page_links_the_placeholder_repository(site_builds):
    assert not publishing.is_published()
    for folder in (site_builds.learners, site_builds.instructor):
        for page in folder.glob("*.html"):
            links = [link for _, _, link in _LINK.findall(page.read_text(encoding="utf-8"))]
            assert not [link for link in links if "OWNER" in link], page.name
        readme = (folder / "readme.html").read_text(encoding="utf-8")
        assert "no link yet: the course is not published" in readme


def test_learners_site_never_links_to_the_guide(site_builds):
    for page in site_builds.learners.glob("*.html"):
        assert "instructor-guide" not in " ".join(
            link for _, _, link in _LINK.findall(page.read_text(encoding="utf-8"))), page.name


# -- lesson pages: executed, widgets drawn offline, the live route ---------------------------
def test_lesson_pages_are_executed_and_say_widgets_are_a_snapshot(site_builds):
    for folder in (site_builds.learners, site_builds.instructor):
        page = (folder / "00_welcome.html").read_text(encoding="utf-8")
        assert "is ready" in page  # output of the first code cell, from a real run
        assert "The widgets on this page are a snapshot" in page
        assert "application/vnd.jupyter.widget-state+json" in page


def test_pages_load_only_local_scripts_and_the_vendored_manager(site_builds):
    for folder in (site_builds.learners, site_builds.instructor):
        for page in folder.glob("*.html"):
            text = page.read_text(encoding="utf-8")
            for source in re.findall(r"<script[^>]*\bsrc=[\"']([^\"']+)", text):
                assert not re.match(r"^[a-z]+:|^//", source), (page.name, source)
                assert (folder / source).is_file(), (page.name, source)
        assets = folder / sitewidgets.ASSETS
        meta = json.loads((assets / "package.json").read_text(encoding="utf-8"))
        assert (meta["name"], meta["version"]) == (sitewidgets.HTML_MANAGER,
                                                   sitewidgets.HTML_MANAGER_VERSION)
        licence = (assets / "LICENSE").read_text(encoding="utf-8")
        assert "Redistribution and use in source and binary forms" in licence  # BSD-3-Clause
        assert (assets / "embed.js.LICENSE.txt").is_file()


def test_widget_manager_matches_the_installed_widgets():
    """The vendored manager renders the widget versions the pinned ipywidgets makes."""
    import jupyterlab_widgets

    lab = Path(jupyterlab_widgets.__file__).parent / "labextension" / "package.json"
    if not lab.is_file():  # the data-files install puts the extension under share/
        lab = Path(sys.prefix) / "share/jupyter/labextensions/@jupyter-widgets/jupyterlab-manager"
        lab = lab / "package.json"
    lab_deps = json.loads(lab.read_text(encoding="utf-8"))["dependencies"]
    cached = sitewidgets.fetch_html_manager() / "package.json"
    ours = json.loads(cached.read_text(encoding="utf-8"))["dependencies"]
    for package in ("@jupyter-widgets/base", "@jupyter-widgets/controls",
                    "@jupyter-widgets/output"):
        assert ours[package] == lab_deps[package], package


def test_banner_links_binder_once_published_and_says_so_before(monkeypatch):
    unpublished = site._banner("01_origins.ipynb")
    assert "there is no Binder link yet" in unpublished and "mybinder.org" not in unpublished
    monkeypatch.setattr(publishing, "REPOSITORY", "someone/course")
    published = site._banner("01_origins.ipynb")
    assert publishing.binder_url("01_origins.ipynb") in published
    assert "someone/course" in published and "no Binder link" not in published


# -- the output folder: emptied only when it is a previous site, never written outside -----
def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_refuses_to_empty_a_folder_that_is_not_a_site(tmp_path, capsys):
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "chapter1.md").write_text("my work", encoding="utf-8")
    with pytest.raises(site.SiteError, match="not empty and holds no previous site"):
        site.build_site(folder, lessons=[], progress=lambda line: None)
    assert cli.main(["build-site", str(folder)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "fix:" in error
    assert _tree(folder) == {"chapter1.md": b"my work"}


def test_a_rebuild_empties_the_previous_site(tmp_path):
    folder = tmp_path / "site"
    site.build_site(folder, instructor=True, lessons=[], progress=lambda line: None)
    assert (folder / "instructor-guide.html").is_file()
    (folder / "stale.html").write_text("old", encoding="utf-8")
    site.build_site(folder, lessons=[], progress=lambda line: None)
    names = set(_tree(folder))
    assert "stale.html" not in names and "instructor-guide.html" not in names
    assert "readme.html" in names


def test_never_writes_outside_the_site_folder(tmp_path):
    """Issue 18 item 12: a `../` link in docs/ copied its target outside the site."""
    root = tmp_path / "course"
    (root / "docs").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("outside the repository", encoding="utf-8")
    (root / "README.md").write_text("# Course\n\n[notes](docs/notes.md)\n", encoding="utf-8")
    (root / "docs" / "notes.md").write_text(
        "# Notes\n\n[up](../../secret.txt) [far](../../../../etc/passwd) "
        "[guide](instructor-guide.md) [licence](../LICENSE)\n", encoding="utf-8")
    (root / "docs" / "instructor-guide.md").write_text("# Guide\n\nkey\n", encoding="utf-8")
    (root / "LICENSE").write_text("MIT", encoding="utf-8")
    folder = tmp_path / "out" / "site"
    before = {p for p in tmp_path.rglob("*")}
    lines: list[str] = []
    site.build_site(folder, root=root, lessons=[], progress=lines.append)
    after = {p for p in tmp_path.rglob("*") if folder not in (p, *p.parents)}
    assert after - before == {tmp_path / "out"}
    notes = (folder / "notes.html").read_text(encoding="utf-8")
    assert "secret.txt" not in notes and "passwd" not in notes and "instructor-guide" not in notes
    assert 'href="LICENSE"' in notes and (folder / "LICENSE").read_text() == "MIT"
    assert sum("outside the repository" in line for line in lines) == 2


def test_documents_are_read_as_utf8_whatever_the_locale(tmp_path):
    """Windows decodes a file opened without encoding= with its code page."""
    root = tmp_path / "course"
    (root / "docs").mkdir(parents=True)
    (root / "README.md").write_text("# Café — naïve ✓\n", encoding="utf-8")
    (root / "docs" / "a.md").write_text("# Ünïcode\n", encoding="utf-8")
    script = (
        "import sys; from netind_teach import site; "
        "site.build_site(sys.argv[1], root=sys.argv[2], lessons=[], progress=lambda l: None)"
    )
    done = subprocess.run(
        [sys.executable, "-X", "warn_default_encoding", "-W", "error::EncodingWarning",
         "-c", script, str(tmp_path / "site"), str(root)],
        capture_output=True, text=True, encoding="utf-8", check=False,
        env={**os.environ, "PYTHONUTF8": "0", "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    page = (tmp_path / "site" / "readme.html").read_text(encoding="utf-8")
    assert "Café — naïve ✓" in page


# -- one publishing setting -------------------------------------------------------------------
PUBLISHED_FILES = publishing.linked_files(ROOT)
_COURSE_LINK = re.compile(r"https://mybinder\.org/v2/gh/\S+|https://github\.com/\S+?\.git\b|"
                          r"repo=https%3A%2F%2Fgithub\.com\S+|\| `repo` \| `\S+`")


def test_every_link_to_the_course_agrees_with_the_publishing_setting():
    for path in PUBLISHED_FILES:
        text = path.read_text(encoding="utf-8")
        assert publishing.refresh_links(text) == text, f"{path.name} is stale: run `make docs`"


def test_changing_the_setting_reaches_every_copy(monkeypatch):
    monkeypatch.setattr(publishing, "REPOSITORY", "someone/course")
    monkeypatch.setattr(publishing, "BINDER_REF", "term-1")
    links = []
    for path in PUBLISHED_FILES:
        links += _COURSE_LINK.findall(publishing.refresh_links(path.read_text(encoding="utf-8")))
    assert len(links) >= 5
    for link in links:
        assert "someone/course" in link or "someone%2Fcourse" in link, link
        assert "OWNER" not in link, link
    assert all("/term-1?" in link for link in links if "mybinder.org" in link)


def test_make_docs_rewrites_the_links(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    for path in PUBLISHED_FILES:
        target = tmp_path / path.relative_to(ROOT)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "instructor-guide.md").write_text(
        f"# Guide\n\n{site.ANSWER_KEY_START}\n{site.ANSWER_KEY_END}\n", encoding="utf-8")
    monkeypatch.setattr(publishing, "REPOSITORY", "someone/course")
    assert cli.main(["refresh-docs", str(tmp_path)]) == 0
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert publishing.binder_url() in readme
    assert "git clone https://github.com/someone/course.git && cd course\n" in readme
    hub = (tmp_path / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
    assert publishing.nbgitpuller_url() in hub and publishing.binder_url() in hub


def test_site_and_docs_build_links_from_the_setting():
    assert site.binder_link("02_typology.ipynb") == publishing.binder_url("02_typology.ipynb")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert publishing.binder_url() in readme and f"{publishing.repository_url()}.git" in readme
    assert "publishing.py" in readme and "edit only" not in readme


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


def test_guide_planning_table_states_each_lessons_own_minutes():
    """The guide once said lesson 00 had "10 in the course table" where lesson 00 says 20."""
    written = GUIDE.read_text(encoding="utf-8").split(site.ANSWER_KEY_START)[0]
    rows = {match.group(1): match.group(2).strip() for match in
            re.finditer(r"^\| (\d\d) [^|]+\| ([^|]+)\|", written, flags=re.MULTILINE)}
    welcome = nbformat.read(LESSONS[0], as_version=4)
    course_table = dict(re.findall(r"^\| (\d\d) \| [^|]+ \| (\d+) \|$",
                                   "\n".join(c.source for c in welcome.cells), flags=re.MULTILINE))
    for lesson in LESSONS:
        number, stated = lesson.name[:2], _stated_minutes(lesson)
        assert re.fullmatch(rf"{stated}(, plus an optional \d+-minute debate)?", rows[number]), (
            number, rows[number])
        if number in course_table:  # (lesson 00's table lists lessons 00-05)
            assert int(course_table[number]) == stated, (number, course_table[number])


def test_guide_plans_fit_their_time():
    outlines = [_outline(body)[-1] for body in _guide_sections().values()]
    # the 90-minute lab keeps 2 minutes to hand in and at least 10 minutes of buffer
    assert 60 <= sum(_minutes(total[2]) for total in outlines) <= 78
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
    assert query["repo"] == publishing.repository_url()
    assert query["branch"] == publishing.BRANCH
    assert link == publishing.nbgitpuller_url()
    clone = publishing.REPOSITORY.split("/")[-1]
    assert query["urlpath"] == f"lab/tree/{clone}/lessons/00_welcome.ipynb"
    assert (ROOT / query["urlpath"].removeprefix(f"lab/tree/{clone}/")).is_file()
    assert site.binder_link("00_welcome.ipynb") in text
    # a measured kernel peak for every lesson
    memory = text.split("### 4. Memory per user")[1].split("\n### ")[0]
    for lesson in LESSONS:
        assert re.search(rf"^\| {lesson.name[:2]} .*MiB", memory, flags=re.MULTILINE), lesson.name


def test_build_site_command_builds_the_learners_edition_unless_asked():
    parse = cli._parser().parse_args
    assert parse(["build-site", "out"]).instructor is False
    assert parse(["build-site", "out", "--for-students"]).instructor is False
    assert parse(["build-site", "out", "--instructor"]).instructor is True


def test_the_widget_manager_cache_of_an_installed_course_is_the_user_cache_folder(
    monkeypatch, tmp_path
):
    """Outside a checkout, the fetched manager is kept in the platform's user cache folder."""
    import sys

    from netind_teach import sitewidgets

    monkeypatch.delenv("NETIND_TEACH_CACHE", raising=False)
    monkeypatch.setattr(sitewidgets, "_REPO_ROOT", tmp_path / "site-packages")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if sys.platform.startswith("linux"):
        assert sitewidgets.cache_folder() == tmp_path / "cache" / "netind-teach"
    else:
        assert sitewidgets.cache_folder().name == "netind-teach"
    monkeypatch.setenv("NETIND_TEACH_CACHE", str(tmp_path / "mine"))
    assert sitewidgets.cache_folder() == tmp_path / "mine"
