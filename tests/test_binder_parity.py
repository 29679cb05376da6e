"""Binder parity: the pinned binder/ environment installs the course and runs every lesson.

Builds a fresh venv from ``binder/requirements.txt`` exactly as Binder does, installs the
course with ``--no-deps`` (a real, non-editable install, so data and lessons come from the
wheel), then, from a folder outside the repository, runs ``netind-teach doctor`` and the
lessons under nbval. Slow (about a minute); ``NETIND_SKIP_BINDER=1`` skips it on a
developer machine, never in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = os.environ.get("NETIND_SKIP_BINDER") == "1" and not os.environ.get("CI")

pytestmark = pytest.mark.skipif(SKIP, reason="NETIND_SKIP_BINDER=1 (CI always runs it)")


def _run(
    args: list[str], cwd: Path, timeout: int = 900, env: dict | None = None
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("binder")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    requirements = ROOT / "binder" / "requirements.txt"
    # Installing needs the package registry (as on Binder); running the lessons does not.
    install_env = {
        **os.environ,
        "NETIND_ALLOW_NETWORK": "1",
        "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}",
    }
    pip_install = [str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)]
    _run(pip_install, cwd=home, env=install_env)
    # binder/postBuild runs `python -m pip install --no-deps .` from the repository root
    _run(["bash", str(ROOT / "binder" / "postBuild")], cwd=ROOT, env=install_env)
    return env_dir


def test_pins_are_exact():
    lines = [
        line
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines, "binder/requirements.txt is empty"
    loose = [line for line in lines if "==" not in line]
    assert not loose, f"unpinned requirements: {loose}"
    names = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    for needed in ("jupyterlab", "ipywidgets", "networkx", "matplotlib", "pandas", "numpy",
                   "nbval", "jupyterlab-widgets"):
        assert needed in names, f"{needed} is not pinned in binder/requirements.txt"


def test_postbuild_keeps_pins():
    text = (ROOT / "binder" / "postBuild").read_text()
    assert "--no-deps" in text


def test_installed_course_passes_doctor(binder_env, tmp_path):
    result = _run([str(binder_env / "bin" / "netind-teach"), "doctor"], cwd=tmp_path)
    assert "all checks passed" in result.stdout


def test_lessons_run_in_binder_env(binder_env, tmp_path):
    lessons = tmp_path / "lessons"
    _run([str(binder_env / "bin" / "netind-teach"), "copy-lessons", str(lessons)], cwd=tmp_path)
    shipped = sorted(p.name for p in lessons.glob("*.ipynb"))
    assert shipped == sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", tmp_path / "sanitize.cfg")
    result = _run(
        [
            str(binder_env / "bin" / "python"), "-m", "pytest", "-p", "no:cacheprovider",
            "--nbval-lax", "--nbval-current-env", "--nbval-sanitize-with=sanitize.cfg",
            "-q", "lessons",
        ],
        cwd=tmp_path,
    )
    assert " passed" in result.stdout and "failed" not in result.stdout
