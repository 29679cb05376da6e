"""Binder parity: the pinned binder/ environment installs the course and runs every lesson.

Builds a fresh venv with the Python version ``binder/runtime.txt`` names, from
``binder/requirements.txt`` exactly as Binder does, installs the course with ``--no-deps``
(a real, non-editable install, so data, lessons and the server settings come from the
wheel), checks it with ``pip check``, then, from a folder outside the repository, runs
``netind-teach doctor``, the lessons under nbval, and JupyterLab as Binder starts it (with
the network blocked and recorded). Slow (about two minutes); ``NETIND_SKIP_BINDER=1`` skips
it on a developer machine, never in CI. The Python versions that the runtime, the package
metadata, the doctor, the README and the hub guide state are checked to agree.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib
from lab_server import (
    assert_course_settings,
    assert_no_network,
    free_port,
    open_first_lesson,
    report,
    running,
)
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from netind_teach import doctor

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
RUNTIME_PYTHON = RUNTIME.removeprefix("python-")
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


def runtime_interpreter() -> str:
    """The interpreter of binder/runtime.txt's Python version (this one if it matches)."""
    if f"{sys.version_info[0]}.{sys.version_info[1]}" == RUNTIME_PYTHON:
        return sys.executable
    found = shutil.which(f"python{RUNTIME_PYTHON}")
    assert found, (f"Binder parity needs Python {RUNTIME_PYTHON} (binder/runtime.txt); "
                   f"install it or put python{RUNTIME_PYTHON} on PATH")
    return found


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("binder")
    env_dir = home / "venv"
    _run([runtime_interpreter(), "-m", "venv", str(env_dir)], cwd=home)
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


def test_pinned_environment_passes_pip_check(binder_env, tmp_path):
    """What the hub recipe's `pip check` does: every installed requirement is satisfied."""
    result = _run([str(binder_env / "bin" / "python"), "-m", "pip", "check"], cwd=tmp_path)
    assert "No broken requirements" in result.stdout


def test_pinned_environment_runs_the_runtime_python(binder_env, tmp_path):
    result = _run([str(binder_env / "bin" / "python"), "-c",
                   "import sys; print('%d.%d' % sys.version_info[:2])"], cwd=tmp_path)
    assert result.stdout.strip() == RUNTIME_PYTHON


def test_every_pin_installs_on_any_patch_release_of_the_runtime(binder_env, tmp_path):
    """Binder and hub images may bring any 3.X.Y: a pin needing 3.X.5 would break on 3.X.0."""
    script = (
        "import json, importlib.metadata as m\n"
        "print(json.dumps({d.metadata['Name']: d.metadata.get('Requires-Python') or ''"
        " for d in m.distributions()}))"
    )
    result = _run([str(binder_env / "bin" / "python"), "-c", script], cwd=tmp_path)
    needs = json.loads(result.stdout)
    floor = Version(f"{RUNTIME_PYTHON}.0")
    refused = {name: spec for name, spec in needs.items()
               if spec and not SpecifierSet(spec).contains(floor, prereleases=True)}
    assert not refused, f"pins that need more than Python {floor}: {refused}"


def test_binder_server_loads_a_lesson_without_phoning_out(binder_env, tmp_path):
    """JupyterLab as Binder starts it (its own command, the repository as root): the course's
    settings installed by postBuild keep it off the network."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "lessons", repo / "lessons")
    port = free_port()
    command = [str(binder_env / "bin" / "jupyter"), "lab", "--no-browser", f"--port={port}",
               f"--ServerApp.root_dir={repo}"]
    if getattr(os, "geteuid", lambda: None)() == 0:
        command.append("--allow-root")
    with running(command, cwd=repo, home=tmp_path / "home", port=port) as server:
        model = open_first_lesson(server, "lessons/00_welcome.ipynb")
        assert model["content"]["cells"]
        assert_course_settings(server)
        assert_no_network(server)
        report("Binder environment (server start only)", server)


def _lowest_minor(specifier: str) -> str:
    match = re.fullmatch(r">=\s*(\d+\.\d+)", specifier.strip())
    assert match, f"requires-python should read '>=3.X', not {specifier!r}"
    return match.group(1)


def test_python_versions_agree():
    """runtime.txt, requires-python, the classifiers, the doctor, the README and the hub
    guide name the same lowest Python; the pins are made for it (make binder-pins)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lowest = _lowest_minor(project["requires-python"])
    assert re.fullmatch(r"python-\d+\.\d+", RUNTIME), RUNTIME
    assert lowest == RUNTIME_PYTHON, "Binder must test the lowest Python the package accepts"
    assert ".".join(map(str, doctor.MIN_PYTHON)) == lowest
    classified = sorted(
        (c.rsplit(" :: ", 1)[1] for c in project["classifiers"]
         if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)),
        key=Version,
    )
    assert classified[0] == lowest, classified
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hub = (ROOT / "docs" / "jupyterhub.md").read_text(encoding="utf-8")
    stated = re.findall(r"Python (3\.\d+) or newer", readme + hub)
    assert stated and set(stated) == {lowest}, stated
    supported = re.search(r"Supported Python versions: (3\.\d+) to (3\.\d+)", readme)
    assert supported and list(supported.groups()) == [classified[0], classified[-1]]
    assert re.findall(r"Python: use (3\.\d+)", hub) == [RUNTIME_PYTHON]
    header = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()[0]
    assert f"(Python {RUNTIME_PYTHON}," in header


def test_binder_pins_resolve_for_the_runtime_python():
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "binder-pins",
                          "PYTHON=python3.99"], capture_output=True, text=True, check=True)
    assert f"--python-version {RUNTIME_PYTHON}" in dry.stdout
    assert "python3.99 -m venv" in dry.stdout  # any interpreter may run it


def test_pins_are_exact():
    lines = [
        line
        for line in (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines, "binder/requirements.txt is empty"
    loose = [line for line in lines if "==" not in line]
    assert not loose, f"unpinned requirements: {loose}"
    names = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    for needed in ("jupyterlab", "ipywidgets", "networkx", "matplotlib", "pandas", "numpy",
                   "nbval", "jupyterlab-widgets", "notebook"):
        assert needed in names, f"{needed} is not pinned in binder/requirements.txt"


def test_notebook_pin_fits_the_jupyterlab_pin():
    """notebook 7.N accepts only JupyterLab 4.N: a base image's other notebook would clash."""
    pins = dict(
        line.split("==") for line in (ROOT / "binder" / "requirements.txt")
        .read_text(encoding="utf-8").splitlines() if "==" in line and not line.startswith("#")
    )
    notebook, jupyterlab = Version(pins["notebook"]), Version(pins["jupyterlab"])
    assert notebook.major == 7 and jupyterlab.major == 4
    assert notebook.minor == jupyterlab.minor, (notebook, jupyterlab)


def test_postbuild_keeps_pins():
    text = (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
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
