"""An unreadable dataset file gives a DatasetError with a fix, in ``load`` and in ``doctor``.

Issue 18 item 13: a CSV without read permission raised a raw ``PermissionError`` from
``datasets.load`` and crashed ``doctor``'s dataset check. The tests run as root here, and
root reads any file whatever its mode, so the permission error is also simulated by
making that one file's ``read_bytes`` raise it; as an ordinary user the real ``chmod`` is
used too.
"""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest

from netind_teach import datasets, doctor
from netind_teach._resources import datasets_dir

NAME = "pew_internet_use"


@pytest.fixture
def unreadable(tmp_path, monkeypatch) -> pathlib.Path:
    folder = tmp_path / "datasets"
    shutil.copytree(str(datasets_dir()), folder)
    monkeypatch.setattr(datasets.package, "datasets_dir", lambda: folder)
    target = folder / f"{NAME}.csv"
    target.chmod(0)
    if os.geteuid() == 0:  # root ignores the mode: refuse the read as the system would
        real = pathlib.Path.read_bytes

        def read_bytes(self: pathlib.Path) -> bytes:
            if self == target:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    yield target
    target.chmod(0o644)


def test_load_says_the_file_cannot_be_read_and_how_to_fix_it(unreadable) -> None:
    with pytest.raises(datasets.DatasetError) as info:
        datasets.load(NAME)
    message = str(info.value)
    assert "cannot be read (permission denied)" in message and "chmod" in message
    assert info.value.dataset == NAME and "\n" not in message


def test_check_files_reports_it_and_checks_the_rest(unreadable) -> None:
    results = dict(datasets.check_files())
    assert "permission denied" in results[NAME]
    assert all(problem is None for name, problem in results.items() if name != NAME)


def test_doctor_shows_the_problem_and_its_own_fix(unreadable) -> None:
    results = [r for r in doctor.run_checks() if r.name == f"dataset {NAME}"]
    assert len(results) == 1 and not results[0].ok
    assert "permission denied" in results[0].detail and "crashed" not in results[0].detail
    assert "chmod" in results[0].fix


def test_doctor_summary_counts_in_words() -> None:
    ok = doctor.CheckResult("a", True, "fine")
    bad = doctor.CheckResult("b", False, "broken", "fix it")
    assert doctor.report([ok]).endswith("all checks passed (1 check)")
    assert doctor.report([ok, bad]).endswith("1 problem found (2 checks)")
    assert doctor.report([bad, bad]).endswith("2 problems found (2 checks)")
