"""The project's foundation: command line, doctor, notebook hygiene, offline guard."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from netind_teach import cli, doctor, notebooks

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))


def test_lessons_exist_and_start_with_welcome():
    assert LESSONS and LESSONS[0].name == "00_welcome.ipynb"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_committed_lesson_is_clean(lesson):
    assert notebooks.notebook_problems(lesson) == []


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_lesson_has_checked_outputs_and_no_errors(lesson):
    nb = nbformat.read(lesson, as_version=4)
    checked = [c for c in nb.cells if notebooks.CHECK_TAG in c.metadata.get("tags", [])]
    assert checked, f"{lesson.name} has no cell whose output nbval checks"
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert "/root/" not in lesson.read_text() and "/tmp/" not in lesson.read_text()


def test_hygiene_check_catches_stray_output(tmp_path):
    nb = nbformat.read(LESSONS[0], as_version=4)
    unchecked = next(c for c in nb.cells if c.cell_type == "code"
                     and notebooks.CHECK_TAG not in c.metadata.get("tags", []))
    unchecked.outputs = [nbformat.v4.new_output("stream", name="stdout", text="stray\n")]
    unchecked.execution_count = 7
    dirty = tmp_path / LESSONS[0].name
    nbformat.write(nb, dirty)
    assert notebooks.notebook_problems(dirty)
    assert cli.main(["lessons", "check", str(dirty)]) == 1


def test_hygiene_check_catches_volatile_metadata(tmp_path):
    nb = nbformat.read(LESSONS[0], as_version=4)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    dirty = tmp_path / "lesson.ipynb"
    dirty.write_text(nbformat.writes(nb) + "\n")
    assert any("make lessons" in p for p in notebooks.notebook_problems(dirty))


def test_strip_then_check_is_clean(tmp_path):
    nb = nbformat.read(LESSONS[0], as_version=4)
    nb.metadata["language_info"]["version"] = "3.11.7"
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    assert cli.main(["lessons", "strip", str(path)]) == 0
    assert notebooks.notebook_problems(path) == []


def test_clear_notebook_removes_all_outputs_and_solutions():
    nb = nbformat.read(LESSONS[0], as_version=4)
    nb.cells[1].metadata["tags"] = [notebooks.SOLUTION_TAG]
    cleared = notebooks.clear_notebook(nb, drop_tag=notebooks.SOLUTION_TAG)
    assert len(cleared.cells) == len(nb.cells) - 1
    assert all(not c.get("outputs") for c in cleared.cells if c.cell_type == "code")


def test_copy_lessons_copies_all_and_never_overwrites(tmp_path):
    written = cli.copy_lessons(tmp_path)
    assert sorted(p.name for p in written) == [p.name for p in LESSONS]
    edited = tmp_path / LESSONS[0].name
    edited.write_text("my edits")
    assert cli.main(["copy-lessons", str(tmp_path)]) == 0
    assert edited.read_text() == "my edits"


def test_lab_command_opens_first_lesson():
    command = cli.lab_command(Path("course"), port=8899)
    assert command[-1] == str(Path("course", "00_welcome.ipynb").resolve())
    assert "--port=8899" in command


def test_doctor_passes_here(capsys):
    assert doctor.main() == 0
    out = capsys.readouterr().out
    assert "all checks passed" in out and "[FAIL]" not in out
    for name in ("python", "package networkx", "JupyterLab widget extension", "matplotlib"):
        assert f"[ok] {name}" in out


def test_doctor_reports_missing_widget_extension(monkeypatch, tmp_path):
    import jupyter_core.paths

    monkeypatch.setattr(jupyter_core.paths, "jupyter_path", lambda *parts: [str(tmp_path)])
    (result,) = doctor._check_widget_extension()
    assert not result.ok and "Error displaying widget" in result.detail
    assert "-> fix:" in "\n".join(result.lines())


def test_doctor_reports_altered_dataset(monkeypatch, tmp_path):
    import shutil

    import netind_teach.datasets as datasets
    from netind_teach._resources import datasets_dir

    copy = tmp_path / "datasets"
    shutil.copytree(datasets_dir(), copy)
    target = copy / "pew_internet_use.csv"
    target.write_text(target.read_text().replace(",52,", ",53,", 1))
    monkeypatch.setattr(datasets.package, "datasets_dir", lambda: copy)
    failed = [r for r in doctor._check_datasets() if not r.ok]
    assert [r.name for r in failed] == ["dataset pew_internet_use"]
    assert "-> fix:" in "\n".join(failed[0].lines())


def test_doctor_exit_status_on_problem(monkeypatch, capsys):
    failing = doctor.CheckResult("python", False, "Python 2.7", "install Python 3.10")
    monkeypatch.setattr(doctor, "CHECKS", (lambda: [failing],))
    assert doctor.main() == 1
    assert "-> fix: install Python 3.10" in capsys.readouterr().out


def test_console_script_runs():
    result = subprocess.run(
        [sys.executable, "-m", "netind_teach.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "copy-lessons" in result.stdout


def test_import_is_light():
    code = (
        "import sys, netind_teach, netind_teach.vocab;"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


_OFFLINE_PROBE = """
import socket
with socket.socket() as server:
    server.bind(("127.0.0.1", 0))
    server.listen()
    with socket.socket() as client:
        client.connect(server.getsockname())
try:
    socket.create_connection(("192.0.2.1", 80), timeout=2)  # TEST-NET-1: never routed
except OSError as error:
    print("blocked" if "blocked" in str(error) else f"other: {error}")
"""


def test_offline_guard_blocks_network_but_not_loopback():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests" / "offline")}
    env.pop("NETIND_ALLOW_NETWORK", None)
    result = subprocess.run([sys.executable, "-c", _OFFLINE_PROBE], capture_output=True,
                            text=True, env=env, timeout=30)
    assert result.stdout.strip() == "blocked", result.stderr


def test_this_test_run_is_offline():
    """`make test` runs everything (and every kernel) behind the guard."""
    assert os.environ.get("NETIND_NETWORK_BLOCKED") == "1", "run the tests with `make test`"


def test_ci_runs_the_readme_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_readme_lists_every_lesson_and_command():
    readme = (ROOT / "README.md").read_text()
    for lesson in LESSONS:
        assert f"(lessons/{lesson.name})" in readme, f"README's lesson table lacks {lesson.name}"
    for command in ("doctor", "lab", "copy-lessons", "student-copy", "build-site", "refresh-docs",
                    "hand-in", "collect", "lessons"):
        assert f"`netind-teach {command}" in readme

        assert command in cli._parser().format_help()
