"""reference_medians computes each reference once per file content (issue 24).

Lesson 05 asked for the same reference for every network it classified (seven times);
each call loaded the sample and took its medians again. Now the medians are kept by
(source, by, checksum of the file): the file is still loaded and checked on every call,
a changed file gets medians of its own, and every caller gets its own copy.
"""

from __future__ import annotations

import shutil

import pytest

from netind_teach import _resources, datasets, typology
from netind_teach.datasets import package

SAMPLE = "east_york_synthetic"


@pytest.fixture
def computed(monkeypatch):
    """Names of the sources whose medians were computed (not taken from the cache)."""
    calls: list[str] = []
    monkeypatch.setattr(typology, "_MEDIANS", {})
    for source, name in (("synthetic", "_synthetic_medians"), ("published", "_published_medians")):
        real = getattr(typology, name)
        monkeypatch.setattr(
            typology, name, lambda *a, _r=real, _s=source: calls.append(_s) or _r(*a)
        )
    return calls


def test_a_second_call_reuses_the_medians(computed):
    first = typology.reference_medians("synthetic")
    second = typology.reference_medians("synthetic")
    assert computed == ["synthetic"]
    assert second == first and second.medians is not first.medians


def test_each_source_and_grouping_has_its_own_medians(computed):
    by_age = typology.reference_medians("synthetic", by="age group")
    by_sample = typology.reference_medians("synthetic", by="sample")
    published = typology.reference_medians("published")
    assert computed == ["synthetic", "synthetic", "published"]
    assert set(by_sample.medians) == {"all"} and "35-50" in by_age.medians
    assert published.medians["all"] == {"ties": 22.0, "diversity": 7.0}
    assert published.source != by_age.source
    typology.reference_medians("published")
    typology.reference_medians("synthetic", by="sample")
    assert len(computed) == 3


def test_changing_a_result_changes_no_later_result(computed):
    first = typology.reference_medians("synthetic")
    expected = typology.reference_medians("synthetic").medians["all"]["ties"]
    first.medians["all"]["ties"] = -1.0  # type: ignore[index]
    first.medians["35-50"].clear()  # type: ignore[attr-defined]
    first.medians["made up"] = {"ties": 0.0}  # type: ignore[index]
    again = typology.reference_medians("synthetic")
    assert again.medians["all"]["ties"] == expected
    assert again.medians["35-50"] and "made up" not in again.medians
    assert computed == ["synthetic"]


def _sample_copy(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    shutil.copytree(str(_resources.datasets_dir()), folder)
    monkeypatch.setattr(package, "datasets_dir", lambda: folder)
    return folder, folder / package.entry(SAMPLE)["path"]


def test_a_changed_file_gets_its_own_medians(computed, tmp_path, monkeypatch):
    before = typology.reference_medians("synthetic", by="sample").medians["all"]["ties"]
    folder, path = _sample_copy(tmp_path, monkeypatch)
    table = datasets.load(SAMPLE)
    table["ties"] = table["ties"] + 100
    path.write_text(table.to_csv(index=False), encoding="utf-8")
    datasets.refresh_hashes(folder)  # a maintainer's deliberate change: new checksum
    after = typology.reference_medians("synthetic", by="sample").medians["all"]["ties"]
    assert after == before + 100
    assert computed == ["synthetic", "synthetic"]


def test_a_damaged_file_is_refused_even_after_a_cached_call(computed, tmp_path, monkeypatch):
    typology.reference_medians("synthetic")
    _, path = _sample_copy(tmp_path, monkeypatch)
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(datasets.DatasetError, match="does not match the checksum"):
        typology.reference_medians("synthetic")
