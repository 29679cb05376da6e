"""Smoke tests of the benchmark harness (benchmarks/): its pieces work on tiny inputs.

Nothing here is timed against a target: the figures are checked for being measured
(present, positive, in the right place), not for being fast.
"""

from __future__ import annotations

import doctest
import json
import sys
from pathlib import Path

import matplotlib
import nbformat
import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import bench_lessons  # noqa: E402
import bench_widgets  # noqa: E402
import harness  # noqa: E402
import profile_lesson  # noqa: E402
import run  # noqa: E402
import widget_drivers  # noqa: E402


@pytest.mark.parametrize("module", [harness, bench_lessons, widget_drivers, profile_lesson])
def test_docstring_examples_run(module):
    failures, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0
    assert failures == 0


def test_growth_is_per_tenfold_and_judged():
    rows = harness.growth_results("s", "f", {100: 0.01, 1_000: 0.1, 100_000: 20.0})
    growth = [r for r in rows if "growth" in r.name]
    assert [round(r.value, 6) for r in growth] == [10.0, round((20.0 / 0.1) ** 0.5, 6)]
    assert [r.ok for r in growth] == [True, False]  # 14.1x per 10x misses the 12x target
    assert all(r.ok is None for r in rows if "growth" not in r.name)


def test_table_and_summary_say_met_and_missed():
    results = [
        harness.Result("a", "fast thing", 3.0, "ms", "< 5 ms", True),
        harness.Result("a", "slow thing", 9.0, "ms", "< 5 ms", False, "why it is slow"),
        harness.Result("b", "size", 7.0, "ms"),
    ]
    table = harness.format_table(results)
    lines = table.splitlines()
    assert lines[0].split() == ["figure", "value", "target", "verdict"]
    assert "[a]" in lines and "[b]" in lines
    assert any(line.startswith("fast thing") and line.endswith("met") for line in lines)
    assert any(line.startswith("slow thing") and line.endswith("MISSED") for line in lines)
    assert "    why it is slow" in lines
    assert harness.summary_line(results) == "1 of 2 targets MISSED: a: slow thing"
    assert harness.summary_line(results[:1]) == "all 1 targets met"


def test_floor_keeps_only_the_lessons_import_lines():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("import not_code"),
            nbformat.v4.new_code_cell("%matplotlib inline\nimport json\nprint(json.dumps(1))"),
            nbformat.v4.new_code_cell("try:\n    import csv\nexcept ImportError:\n    pass"),
            nbformat.v4.new_code_cell("from collections import Counter as C\nimport json"),
            nbformat.v4.new_code_cell("this is not python"),
        ]
    )
    floor = bench_lessons.floor_notebook(nb)
    assert len(floor.cells) == 1
    assert floor.cells[0].source.splitlines() == [
        "import json",
        "import csv",
        "from collections import Counter as C",
    ]


@pytest.mark.notebooks  # starts a kernel
def test_a_lesson_run_is_timed_and_its_kernel_memory_read(tmp_path):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("data = bytearray(40 * 2**20)"),  # 40 MiB held
            nbformat.v4.new_markdown_cell("text"),
            nbformat.v4.new_code_cell("raise ValueError('stop here')"),
            nbformat.v4.new_code_cell("never = 1"),
        ]
    )
    result = bench_lessons.execute(nb, tmp_path, timeout=60)
    assert "ValueError" in result.error and "stop here" in result.error
    assert set(result.cell_seconds) == {0, 2}  # notebook indexes; the run stopped at 2
    assert 0 < result.kernel_seconds < result.seconds
    assert result.peak_mib is not None and 40 < result.peak_mib < 1000
    assert result.cpu_seconds is not None and 0 < result.cpu_seconds < 60
    assert result.loaded == []  # the probe after the lesson never ran: the lesson failed


@pytest.mark.notebooks  # starts kernels
def test_profile_lesson_times_each_code_cell_and_profiles_the_chosen_ones(tmp_path):
    lesson = tmp_path / "lessons" / "99_tiny.ipynb"
    lesson.parent.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import json\nimport os"),
            nbformat.v4.new_markdown_cell("text"),
            nbformat.v4.new_code_cell("def busy():\n    return sum(range(10**5))\nbusy()"),
            nbformat.v4.new_code_cell("def idle():\n    return json.dumps(1)\nidle()"),
            # the kernel keeps the environment, in scratch folders (never the user's home)
            nbformat.v4.new_code_cell(
                "assert os.environ['PATH'] and os.environ['HOME']\n"
                "assert 'netind-bench-' in os.environ['NETIND_TEACH_HOME']"
            ),
        ]
    )
    nbformat.write(nb, lesson)
    stats = tmp_path / "tiny.pstats"
    cpu = profile_lesson.run(lesson, {2}, stats)
    assert set(cpu) == {0, 2, 3, 4} and all(seconds >= 0 for seconds in cpu.values())
    import pstats

    profiled = {name for (_, _, name) in pstats.Stats(str(stats)).stats}
    assert "busy" in profiled and "idle" not in profiled  # only cell 2 was profiled


@pytest.mark.notebooks  # starts a kernel
def test_the_heavy_libraries_a_run_ends_with_are_listed(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import numpy")])
    result = bench_lessons.execute(nb, tmp_path, timeout=60)
    assert result.error == ""
    assert "numpy" in result.loaded and "ipywidgets" not in result.loaded
    assert set(result.cell_seconds) == {0}  # the probe cell is not timed


def test_failed_lessons_are_reported_not_averaged():
    ok = bench_lessons.Run(2.0, 1.0, 100.0, cpu_seconds=1.5, cell_seconds={0: 1.0})
    floor = bench_lessons.Run(2.0, 1.0, 100.0, loaded=["numpy"])
    heavy = bench_lessons.Run(2.0, 1.0, 100.0, loaded=["numpy", "pandas"])
    bad = bench_lessons.Run(1.0, 1.0, 90.0, error="NameError: x")
    figures = [
        bench_lessons.LessonFigures("01_a", ["import json"], [ok, heavy, ok], [ok, floor, ok]),
        bench_lessons.LessonFigures("02_b", ["import json"], [bad], [ok]),
    ]
    rows = {r.name: r for r in bench_lessons.results_of(figures)}
    assert rows["01_a: run time / floor"].value == 1.0
    assert rows["01_a: run time / floor"].ok is True
    assert rows["01_a: kernel peak memory"].ok is True
    assert "loads pandas without naming" in rows["01_a: run time / floor"].detail
    assert rows["02_b: runs"].ok is False and "NameError" in rows["02_b: runs"].detail
    course = rows["whole course: run time / sum of floors"]
    assert course.ok is False and course.value is None


@pytest.mark.parametrize("driver", widget_drivers.DRIVERS, ids=lambda d: d.name)
def test_each_widget_driver_drives_its_widget(driver):
    matplotlib.use("Agg")
    row = bench_widgets.measure_driver(driver, updates=2)
    if row.detail.startswith("skipped"):
        assert row.ok is None  # a widget that is not there yet is reported, not failed
        return
    assert "never changed" not in row.detail, row.detail
    assert "could not build" not in row.detail and "update failed" not in row.detail
    assert "widget reports" not in row.detail, row.detail
    assert row.value is not None and row.value >= 0


def test_the_stress_row_is_measured_and_frees_each_network_inside_the_update(monkeypatch):
    import gc
    import weakref

    from netind_teach import models

    matplotlib.use("Agg")
    row = bench_widgets.measure_driver(bench_widgets.STRESS, updates=2)
    assert row.ok is not None and row.value is not None and row.value > 0, row.detail
    built = []
    real = models.community_continuum

    def watched(*args, **kwargs):
        G = real(*args, **kwargs)
        built.append(weakref.ref(G))
        return G

    monkeypatch.setattr(models, "community_continuum", watched)
    stress = bench_widgets.StressNetwork(n_alters=30)
    gc.collect()
    stress.show(0.4)
    # freed by the update's own young collection: none left for a full pass to find later
    assert built and all(ref() is None for ref in built)
    assert stress.png.startswith(b"\x89PNG") and stress.title == "p = 0.40"


def test_widgets_without_a_driver_are_listed():
    gaps = dict(widget_drivers.uncovered(()))
    assert gaps["netind_teach.widgets.continuum:ContinuumExplorer"] == "no driver"
    assert gaps["lessons/00_welcome.ipynb:circles"] == "no driver"
    covered = {c for d in widget_drivers.DRIVERS for c in d.covers}
    assert not covered & set(dict(widget_drivers.uncovered()))


def test_quick_run_prints_the_table_and_writes_json(tmp_path, capsys):
    out = tmp_path / "results.json"
    status = run.main(["--quick", "--only", "scale-simulate,scale-typology", "--json", str(out)])
    assert status == 0
    printed = capsys.readouterr().out
    assert "Python" in printed and "cores" in printed
    assert "[scale-typology]" in printed and "targets" in printed
    data = json.loads(out.read_text())
    assert data["quick"] is True and data["machine"]["cores"] >= 1
    sections = {r["section"] for r in data["results"]}
    assert sections == {"scale-simulate", "scale-typology"}
    assert all(r["verdict"] in ("met", "MISSED", "-") for r in data["results"])


def test_unknown_section_is_refused():
    with pytest.raises(SystemExit):
        run.parse_args(["--only", "speed"])


def test_figures_go_between_the_markers_of_the_doc(tmp_path):
    doc = tmp_path / "performance.md"
    doc.write_text(f"# Perf\n\nintro\n\n{harness.DOC_START}\nold\n{harness.DOC_END}\n\nafter\n")
    info = harness.machine()
    results = [harness.Result("a", "x | y", 3.0, "ms", "< 5 ms", False, "slow because")]
    harness.update_doc(doc, harness.markdown(info, results, 12.0))
    text = doc.read_text()
    assert text.startswith("# Perf\n\nintro\n") and text.endswith("\nafter\n")
    assert "old" not in text
    assert "| a | x / y | 3.00 ms | < 5 ms | **MISSED** |" in text
    assert "slow because" in text and f"{info['cores']} cores" in text
    with pytest.raises(SystemExit):
        run.parse_args(["--doc", str(tmp_path / "missing.md")])
