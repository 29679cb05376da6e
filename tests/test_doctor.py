"""Lesson 00's set-up check is quick; ``netind-teach doctor`` in a terminal stays thorough.

Issue 24: the notebook's ``doctor.run_checks()`` rendered a matplotlib figure and parsed
ten tables with pandas (0.75 s of lesson 00's 1.2 s of own work). The quick form checks
imports and checksums only: it renders nothing and parses nothing, yet still finds a
damaged or missing data file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from netind_teach import _resources, doctor

REPO = Path(__file__).resolve().parent.parent
NAME = "gss_numgiven"


def test_quick_checks_import_no_pandas_and_render_nothing():
    code = (
        "import sys\n"
        "from matplotlib.figure import Figure\n"
        "drawn = []\n"
        "real = Figure.draw\n"
        "Figure.draw = lambda self, r: drawn.append(1) or real(self, r)\n"
        "from netind_teach import doctor\n"
        "results = doctor.run_checks(quick=True)\n"
        "print(all(r.ok for r in results), 'pandas' in sys.modules, len(drawn))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert out.stdout.split() == ["True", "False", "0"]


def test_the_thorough_doctor_still_renders_and_parses(monkeypatch):
    from matplotlib.figure import Figure

    from netind_teach.datasets import loading

    drawn, parsed = [], []
    real_draw, real_parse = Figure.draw, loading.typed_table
    monkeypatch.setattr(Figure, "draw", lambda self, r: drawn.append(1) or real_draw(self, r))
    monkeypatch.setattr(
        loading, "typed_table", lambda name, *rest: parsed.append(name) or real_parse(name, *rest)
    )
    monkeypatch.setattr(loading, "_TABLES", {})  # as in a fresh terminal: nothing typed yet
    results = doctor.run_checks()
    assert all(r.ok for r in results)
    assert drawn and NAME in parsed


@pytest.fixture
def copied_datasets(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "datasets"
    shutil.copytree(str(_resources.datasets_dir()), folder)
    monkeypatch.setattr(_resources, "datasets_dir", lambda: folder)
    return folder


def _entry(folder: Path) -> dict:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return next(r for r in package["resources"] if r["name"] == NAME)


def test_quick_checks_find_a_damaged_file(copied_datasets):
    file = copied_datasets / _entry(copied_datasets)["path"]
    file.write_bytes(file.read_bytes() + b"\n1999,0,1\n")
    bad = [r for r in doctor.run_checks(quick=True) if not r.ok]
    assert [r.name for r in bad] == [f"dataset {NAME}"]
    assert "does not match its checksum" in bad[0].detail and "reinstall" in bad[0].fix


def test_quick_checks_find_a_missing_file(copied_datasets):
    (copied_datasets / _entry(copied_datasets)["path"]).unlink()
    bad = [r for r in doctor.run_checks(quick=True) if not r.ok]
    assert [r.name for r in bad] == [f"dataset {NAME}"] and "is missing" in bad[0].detail


def test_quick_checks_report_a_library_that_does_not_import(monkeypatch):
    real = doctor.importlib.import_module

    def refuse(name, *args):
        if name == "ipywidgets":
            raise ImportError("broken install")
        return real(name, *args)

    monkeypatch.setattr(doctor.importlib, "import_module", refuse)
    bad = [r for r in doctor.run_checks(quick=True) if not r.ok]
    assert [r.name for r in bad] == ["import ipywidgets"]
    assert "broken install" in bad[0].detail and "pip install" in bad[0].fix


def test_lesson_00_runs_the_quick_check():
    nb = nbformat.read(REPO / "lessons" / "00_welcome.ipynb", as_version=4)
    calls = [c.source for c in nb.cells if "run_checks(" in c.source]
    assert calls and all("run_checks(quick=True)" in source for source in calls)
