"""Release: version in one place, citation metadata, and a wheel that carries its data."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

import netind_teach

ROOT = Path(__file__).resolve().parents[1]


def test_citation_cff_has_required_fields():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for field in ("cff-version", "message", "title", "authors", "version", "license"):
        assert citation.get(field), f"CITATION.cff lacks {field}"
    assert citation["version"] == netind_teach.__version__
    assert all(a.get("name") or a.get("family-names") for a in citation["authors"])


def test_changelog_names_current_version():
    assert f"[{netind_teach.__version__}]" in (ROOT / "CHANGELOG.md").read_text()


def test_licences_present():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--wheel", "--sdist",
         "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_carries_datasets_and_lessons(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "netind_teach/_datasets/datapackage.json" in names
    shipped_lessons = {n.rsplit("/", 1)[1] for n in names if n.startswith("netind_teach/_lessons/")}
    assert shipped_lessons == {p.name for p in (ROOT / "lessons").glob("*.ipynb")}
    for csv in (ROOT / "datasets").glob("*.csv"):
        assert f"netind_teach/_datasets/{csv.name}" in names
    assert not [n for n in names if "/tests/" in n or n.startswith(".venv")]


def test_twine_check_passes(wheel):
    artefacts = sorted(str(p) for p in wheel.parent.iterdir())
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *artefacts],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_installs_in_clean_venv_and_doctor_passes(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    install_env = {**os.environ, "NETIND_ALLOW_NETWORK": "1"}  # the registry, as a user has
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True, capture_output=True, text=True, env=install_env,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    doctor = subprocess.run(
        [str(env_dir / "bin" / "netind-teach"), "doctor"], cwd=elsewhere,
        capture_output=True, text=True,
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    copied = subprocess.run(
        [str(env_dir / "bin" / "netind-teach"), "copy-lessons", "course"], cwd=elsewhere,
        capture_output=True, text=True,
    )
    assert copied.returncode == 0
    assert (elsewhere / "course" / "00_welcome.ipynb").is_file()


def test_package_metadata_states_both_licences():
    from importlib.metadata import metadata

    assert metadata("netind-teach")["License-Expression"] == "MIT AND CC-BY-4.0"
