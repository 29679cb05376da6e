"""Lesson 05 (your network): exercise answers equal the package's figures; the notebook's
promises (where data go, checked figures, no files left in the lessons folder) hold."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib
import nbformat
import pytest

from netind_teach import mynetwork
from netind_teach._resources import lessons_dir
from netind_teach.exercises import Outcome, definitions, for_lesson
from netind_teach.mynetwork import demo as demo_module
from netind_teach.notebooks import CHECK_TAG, notebook_problems
from netind_teach.progress import Progress
from netind_teach.vocab import TIE_CATEGORIES

matplotlib.use("Agg")

LESSON = Path(str(lessons_dir() / "05_your_network.ipynb"))


def _definition(name: str):
    return next(d for d in definitions("05") if d.name == name)


@pytest.fixture
def ex(tmp_path: Path):
    return for_lesson("05", progress=Progress(tmp_path / "progress.json", notify=lambda _m: None))


@pytest.fixture(scope="module")
def notebook() -> nbformat.NotebookNode:
    return nbformat.read(LESSON, as_version=4)


# --------------------------------------------------------------------------- exercises
def test_demo_ties_answer_and_mistakes_are_the_package_counts() -> None:
    q = _definition("demo_ties")
    net = mynetwork.demo_network()
    assert q.answer == net.measures().ties
    categories = [p.category for p in net.people]
    assert q.answer == sum(c in TIE_CATEGORIES for c in categories)
    mistakes = dict(q.mistakes)
    assert len(categories) in mistakes  # everyone
    assert len(categories) - categories.count("online-only") in mistakes
    assert len(categories) - categories.count("group member") in mistakes


def test_demo_type_answer_and_reasons_are_the_package_classification() -> None:
    q = _definition("demo_type")
    net = mynetwork.demo_network()
    published = net.classify("published")
    assert q.answer == published.type == "bounded"
    assert net.classify("synthetic").type == q.answer  # the explanation says so
    m = net.measures()
    assert f"ties {m.ties}" in q.reasons[0]
    assert f"{published.thresholds['ties']:.0f}" in q.reasons[0]
    assert f"diversity score {m.diversity}" in q.reasons[1]
    assert f"{published.thresholds['diversity']:.0f}" in q.reasons[1]
    for number in (m.diversity, 34, 7):
        assert f"**{number}" in q.question or f" {number} " in q.question
    # issue 19 item 6: the demo's ties are the answer of Exercise 1: not stated here
    assert str(m.ties) not in q.question and "you counted in Exercise 1" in q.question
    G = q.graph()
    assert G.degree("ego") == len(net)
    assert all("nickname" not in data for _, data in G.nodes(data=True))


def test_link_measures_answer_is_what_linking_can_change_in_the_demo() -> None:
    q = _definition("link_measures")
    demo = mynetwork.demo_network()
    before = demo.measures()
    changed: set[str] = set()
    density_always = True
    for a, b in itertools.combinations([p.id for p in demo.people], 2):
        if (a, b) in demo.links:
            continue
        trial = demo.copy()
        trial.link(a, b)
        after = trial.measures()
        for name in ("ties", "density", "circles", "diversity"):
            if getattr(after, name) != getattr(before, name):
                changed.add(name)
        if trial.classify().type != demo.classify().type:
            changed.add("type")
        density_always &= after.density > before.density
    assert changed == {"density", "circles"} and density_always
    right = {o.text for o in q.options if o.correct}
    assert right == {"density", "the number of circles"}


def test_export_contents_answer_matches_a_real_export() -> None:
    q = _definition("export_contents")
    net = mynetwork.demo_network()
    data = mynetwork.export_data(net)
    text = mynetwork.export_text(net)
    right = [o.text for o in q.options if o.correct]
    wrong = [o.text for o in q.options if not o.correct]
    assert sorted(data["people"][0]) == ["category", "closeness", "contact", "id", "place"]
    assert data["links"] and data["age_group"] == net.age_group
    assert data["groups"] == net.groups
    assert not any(p.nickname in text for p in net.people)
    assert any("category" in r for r in right) and any("nicknames" in w for w in wrong)


def test_reference_answers_pass_and_wrong_ones_fail(ex) -> None:
    assert ex.demo_ties.check(13).correct
    assert ex.demo_ties.check("13 ties").correct
    result = ex.demo_ties.check(18)
    assert result.outcome is Outcome.INCORRECT and "counts everyone" in result.message
    assert ex.demo_type.check("bounded").correct
    assert not ex.link_measures.check("b").correct
    assert ex.link_measures.check(["b", "c"]).correct
    assert ex.export_contents.check("b, c, d").correct
    assert not ex.type_fair.check("It fits.").correct


# --------------------------------------------------------------------------- notebook
def test_the_lesson_is_clean_and_has_checked_cells(notebook) -> None:
    assert notebook_problems(LESSON) == []
    checked = [c for c in notebook.cells if CHECK_TAG in c.metadata.get("tags", [])]
    assert len(checked) >= 6
    assert all(c.execution_count is not None and c.outputs for c in checked)


def _checked_text(notebook, marker: str) -> str:
    for cell in notebook.cells:
        if CHECK_TAG in cell.metadata.get("tags", []) and marker in cell.source:
            return "".join(o.get("text", "") for o in cell.outputs)
    raise AssertionError(f"no checked cell with {marker!r}")


def test_checked_demo_figures_equal_the_package(notebook) -> None:
    m = mynetwork.demo_network().measures()
    text = _checked_text(notebook, "m = demo.measures")
    assert f"people {m.people}, ties {m.ties}, groups {m.groups}" in text
    assert f"diversity {m.diversity} = {m.kinds} kinds + {m.ways} ways + {m.places}" in text
    assert f"circles {m.circles}, links {m.links}, density {m.density:.3f}" in text
    typed = _checked_text(notebook, 'classify("published")')
    assert str(mynetwork.demo_network().classify("published")) in typed
    assert str(mynetwork.demo_network().classify("synthetic")) in typed


def test_checked_class_figures_equal_the_package(notebook, tmp_path: Path) -> None:
    mynetwork.write_synthetic_class(tmp_path, n=30, seed=2026)
    (tmp_path / "broken.json").write_text("{this is not an export")
    view = mynetwork.combine(tmp_path)
    assert view.summary() in _checked_text(notebook, "write_synthetic_class")
    assert view.counts().to_string() in _checked_text(notebook, "view.counts()")


def test_the_lesson_says_where_data_are_and_how_to_delete_them(notebook) -> None:
    prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "my_network.json" in prose
    assert "delete_saved(confirm=True)" in prose
    assert "readable and writable" in prose and "by your user alone" in prose
    assert "never uses the internet" in prose
    assert "synthetic" in prose.lower()
    for heading in ("## Key points", "## Discussion", "## Further reading"):
        assert heading in prose


def test_demo_builders_never_write_into_the_working_folder(notebook) -> None:
    sources = [c.source for c in notebook.cells if c.cell_type == "code"]
    for source in sources:
        for call in re.findall(r"NetworkBuilder\((.*?)\)", source):
            if "start=" in call:  # a pre-filled builder saves at once: never in lessons/
                assert "path=demo_folder" in call
        assert "export_anonymised(" not in source  # exports only on the learner's click
    assert any("demo_folder = mynetwork.scratch_folder(" in s for s in sources)


def test_running_every_code_cell_leaves_no_file_in_the_working_folder(
    notebook, tmp_path: Path, monkeypatch
) -> None:
    """The lesson's code, run top to bottom in an empty folder, writes nothing there."""
    import matplotlib.pyplot as plt

    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            exec(compile(cell.source, "<lesson 05>", "exec"), namespace)
    plt.close("all")
    assert list(tmp_path.iterdir()) == []
    mine = namespace["mine"]
    assert mine.path == tmp_path / mynetwork.FILENAME and len(mine.network) == 0
    assert namespace["demo"].path.parent != tmp_path
    # the learner's builder saves in the working folder as soon as they add someone
    assert mine.add("Sam", "friend") and (tmp_path / mynetwork.FILENAME).exists()


def test_demo_people_table_in_the_lesson_lists_every_demo_person(notebook) -> None:
    text = _checked_text(notebook, "demo_people")
    for nickname, category, *_ in demo_module._DEMO_PEOPLE:
        assert re.search(rf"^{re.escape(nickname)}\s+{category}", text, re.MULTILINE)


# ------------------------------------------------- issue 19: the builder's drawing (item 2)
def _radii(builder) -> dict[str, float]:
    import math

    ego = builder._pos["ego"]
    return {
        n: math.hypot(x - ego[0], y - ego[1]) for n, (x, y) in builder._pos.items() if n != "ego"
    }


def test_builder_from_scratch_places_the_first_person_like_the_rest(tmp_path: Path) -> None:
    b = mynetwork.NetworkBuilder(path=tmp_path)
    for name in ("Ann", "Bob", "Cid", "Dee", "Eve", "Fay"):
        assert b.add(name)
        radii = _radii(b)
        assert max(radii.values()) <= 1.5 * min(radii.values()), radii
    positions = list(b._pos.values())
    assert len(set(positions)) == len(positions)  # nobody drawn on top of someone else


def test_rearrange_says_what_it_did_and_the_lesson_mentions_it(
    tmp_path: Path, notebook: nbformat.NotebookNode
) -> None:
    b = mynetwork.NetworkBuilder(path=tmp_path, start=mynetwork.demo_network())
    b.rearrange_button.click()
    assert "laid out afresh" in b.message and "nothing else changed" in b.message
    text = "".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    assert "**Re-arrange**" in text


# ------------------------------------------------------- issue 19: nickname labels (item 3)
def _drawn_labels(builder) -> list[str]:
    from matplotlib.text import Annotation

    texts = builder._figure.axes[0].texts
    return [t.get_text() for t in texts if isinstance(t, Annotation) and t.get_text() != "ego"]


def test_nicknames_any_font_lacks_show_the_persons_number(tmp_path: Path) -> None:
    import warnings

    from netind_teach import labels

    b = mynetwork.NetworkBuilder(path=tmp_path)
    for name in ("Kit", "小明", "🧗🧗", "Bea 🧗", "A" * 40):
        assert b.add(name), b.message
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        b.show_names.value = True
        b._figure.canvas.draw()
    drawn = _drawn_labels(b)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert all(labels.drawable(c) for text in drawn for c in text)  # no empty boxes
    assert drawn[0] == "Kit"
    assert drawn[1] in ("小明", "person 2")  # shown where a CJK font is installed
    assert drawn[2] in ("🧗🧗", "person 3")
    assert drawn[3] in ("Bea 🧗", "Bea (#4)")
    assert drawn[4] == "A" * 15 + "…"  # long names are shortened in the drawing
    assert max(len(text) for text in drawn) <= labels.MAX_LABEL_CHARS


def test_labels_use_fonts_with_wide_coverage_where_installed(monkeypatch) -> None:
    from netind_teach import labels

    fonts = labels.label_fonts()
    assert fonts[-1] == "DejaVu Sans" and fonts == sorted(fonts, key=labels.LABEL_FONTS.index)
    monkeypatch.setattr(
        labels, "_installed", lambda: (("Noto Sans CJK SC", frozenset(map(ord, "小明"))),)
    )
    assert labels.drawable_label("小明", 2) == "小明"
    assert labels.drawable_label("小明 🧗", 2) == "小明 (#2)"


@pytest.mark.notebooks  # runs the whole lesson's code in a fresh process
def test_the_lesson_leaves_the_temporary_folder_as_it_was(tmp_path: Path) -> None:
    """Issue 18 item 14: every run left netind-demo-* and netind-class-* folders behind.

    The lesson's code runs top to bottom in a fresh Python process whose temporary folder
    is an empty folder; once that process exits (as a kernel does), the folder is empty.
    """
    temp, work = tmp_path / "tmp", tmp_path / "work"
    temp.mkdir()
    work.mkdir()
    script = textwrap.dedent(
        f"""
        import matplotlib
        matplotlib.use("Agg")
        import nbformat
        notebook = nbformat.read({str(LESSON)!r}, as_version=4)
        namespace = {{}}
        for cell in notebook.cells:
            if cell.cell_type == "code":
                exec(compile(cell.source, "<lesson 05>", "exec"), namespace)
        import tempfile, pathlib
        made = sorted(p.name for p in pathlib.Path(tempfile.gettempdir()).iterdir())
        print(",".join(made))
        """
    )
    env = {**os.environ, "TMPDIR": str(temp)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    during = done.stdout.strip().splitlines()[-1].split(",")
    assert any(n.startswith("netind-demo-") for n in during)  # the lesson did use one
    assert sorted(p.name for p in temp.iterdir()) == []


# ------------------------------------- issue 19 item 6: the demo's ties are counted first
def test_demo_ties_is_asked_before_the_builder_shows_the_count(
    notebook: nbformat.NotebookNode,
) -> None:
    sources = [c.source for c in notebook.cells]
    exercise = sources.index("ex.demo_ties")
    builder = next(i for i, s in enumerate(sources) if "NetworkBuilder(" in s)
    people = next(i for i, s in enumerate(sources) if "for person in demo_people" in s)
    assert people < exercise < builder
    above = "\n".join(sources[:exercise])
    assert "ties 13" not in above and "13 ties" not in above
