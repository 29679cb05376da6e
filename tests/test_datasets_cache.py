"""Loading a table twice types its columns once; the file is still checked each time (issue 24).

Lesson 02, its exercises and its sample browser loaded the same five tables fourteen
times, each time typing every column (about a tenth of the lesson's own work).
"""

from __future__ import annotations

import shutil

import pytest

from netind_teach import _resources, datasets
from netind_teach.datasets import loading, package

NAME = "gss_numgiven"


def test_a_second_load_reuses_the_typed_table_and_returns_a_copy(monkeypatch):
    typed = []
    real = loading.typed_table
    monkeypatch.setattr(loading, "typed_table", lambda *a: typed.append(a[0]) or real(*a))
    monkeypatch.setattr(loading, "_TABLES", {})
    first = datasets.load(NAME)
    first.loc[0, "count"] = -1  # the caller's copy: changing it changes no later load
    second = datasets.load(NAME)
    assert typed == [NAME]
    assert int(second.loc[0, "count"]) != -1 and second is not first


def test_a_damaged_file_is_refused_even_after_a_good_load(tmp_path, monkeypatch):
    datasets.load(NAME)
    folder = tmp_path / "datasets"
    shutil.copytree(str(_resources.datasets_dir()), folder)
    monkeypatch.setattr(package, "datasets_dir", lambda: folder)
    path = folder / package.entry(NAME)["path"]
    path.write_bytes(path.read_bytes() + b"\n1999,0,1\n")
    with pytest.raises(datasets.DatasetError, match="does not match the checksum"):
        datasets.load(NAME)
