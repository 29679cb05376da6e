"""Every local way into the course, taken as its users take it (issue 17).

Each route starts the real JupyterLab as the README says (``netind-teach lab`` in an
empty folder, ``make lab`` in the checkout, ``pip install`` of the wheel then
``netind-teach lab`` from another folder), then does what the learner's browser does
first: loads the lab page and the extension list, opens lesson 00 through the contents
API and starts its kernel. Every server runs with the network blocked and recorded
(``tests/netlog``): nothing but loopback may be contacted. A control test shows that the
recorder does see JupyterLab's package-index look-up when the course's settings are
overridden. The routes print their timings (``pytest -s``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from lab_server import (
    FIRST_LESSON,
    assert_course_settings,
    assert_no_network,
    free_port,
    open_first_lesson,
    report,
    running,
)

from netind_teach import cli, lab

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LESSON_NAMES = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))


def _tracked_lessons() -> dict[str, bytes]:
    return {name: (ROOT / "lessons" / name).read_bytes() for name in LESSON_NAMES}


def _check_served_copy(server, copy: Path) -> None:
    model = open_first_lesson(server)
    assert model["type"] == "notebook" and model["content"]["cells"]
    assert (copy / FIRST_LESSON).read_bytes() == (ROOT / "lessons" / FIRST_LESSON).read_bytes()
    status, raw = server.request("/api/contents/")
    listed = sorted(item["name"] for item in json.loads(raw)["content"])
    assert status == 200 and set(LESSON_NAMES) <= set(listed), listed
    assert_course_settings(server)
    assert_no_network(server)


def test_netind_teach_lab_in_an_empty_folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    before = _tracked_lessons()
    port = free_port()
    command = [str(BIN / "netind-teach"), "lab", "--port", str(port), "--no-browser"]
    with running(command, cwd=work, home=tmp_path / "home", port=port) as server:
        _check_served_copy(server, work / lab.DEFAULT_FOLDER)
        report("netind-teach lab", server)
    assert server.process.returncode is not None
    assert sorted(p.name for p in (work / lab.DEFAULT_FOLDER).glob("*.ipynb")) == LESSON_NAMES
    assert _tracked_lessons() == before


def test_make_lab_works_on_a_copy(tmp_path):
    copy = tmp_path / "my-lessons"
    before = _tracked_lessons()
    port = free_port()
    # -o: the environment running this test is the one make built; do not reinstall it
    command = ["make", "--no-print-directory", "-C", str(ROOT), "lab", f"VENV={sys.prefix}",
               "-o", f"{sys.prefix}/.netind-installed",
               f"LAB_DIR={copy}", f"LAB_ARGS=--port {port} --no-browser"]
    with running(command, cwd=ROOT, home=tmp_path / "home", port=port) as server:
        _check_served_copy(server, copy)
        report("make lab", server)
    assert _tracked_lessons() == before


def test_make_lab_default_folder_is_the_cli_default_and_ignored_by_git():
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "lab",
                          f"VENV={sys.prefix}"], capture_output=True, text=True, check=True)
    assert f"netind-teach lab {lab.DEFAULT_FOLDER}" in dry.stdout
    assert "lessons/00_welcome.ipynb" not in dry.stdout
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q",
                              f"{lab.DEFAULT_FOLDER}/{FIRST_LESSON}"], check=False)
    assert ignored.returncode == 0, "the lab copy would dirty the repository"


@pytest.mark.release  # builds the wheel (the `release` extra: build, hatchling)
def test_wheel_route_from_another_folder(tmp_path):
    """``pip install <wheel>`` in a fresh environment, then ``netind-teach lab`` elsewhere."""
    began = time.monotonic()
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(dist), str(ROOT)], check=True, capture_output=True, timeout=600)
    wheel = next(dist.glob("netind_teach-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    # Installing needs the package index (pip's cache makes it quick); the pins keep it to
    # the versions CI tests. Running the course afterwards does not touch the network.
    install_env = {**os.environ, "NETIND_ALLOW_NETWORK": "1"}
    install_env.pop("PYTHONPATH", None)
    # --no-compile: byte-compiling numpy, pandas and matplotlib is most of the install's CPU
    # time on a busy machine, and changes nothing the test looks at
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--no-compile", "-c", str(ROOT / "binder" / "requirements.txt"), str(wheel)],
                   check=True, capture_output=True, timeout=1200, env=install_env)
    installed = time.monotonic() - began
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = free_port()
    command = [str(env_dir / "bin" / "netind-teach"), "lab", "--port", str(port),
               "--no-browser"]
    with running(command, cwd=elsewhere, home=tmp_path / "home", port=port) as server:
        _check_served_copy(server, elsewhere / lab.DEFAULT_FOLDER)
        server.timings = {"wheel built and installed": installed, **server.timings,
                          "in all": installed + server.timings["first lesson open"]}
        report("wheel", server)
    shipped = lab.jupyter_config_dir()
    settings_files = {
        env_dir / "etc" / "jupyter" / "jupyter_lab_config.json":
            shipped / "jupyter_lab_config.json",
        env_dir / "share" / "jupyter" / "lab" / "settings" / "overrides.d" / "netind-teach.json":
            shipped / "lab-settings" / "overrides.json",
    }
    for target, source in settings_files.items():
        assert target.read_bytes() == source.read_bytes(), target


def test_recorder_sees_the_package_index_lookup_without_the_course_settings(tmp_path):
    """Control: with JupyterLab's defaults put back, the extension list phones out."""
    port = free_port()
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
               f"--ServerApp.root_dir={tmp_path}", "--LabApp.extension_manager=pypi",
               "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.CheckForUpdate"]
    if getattr(os, "geteuid", lambda: None)() == 0:
        command.append("--allow-root")
    with running(command, cwd=tmp_path, home=tmp_path / "home", port=port) as server:
        server.request("/lab/api/extensions?refresh=1")
        attempts = server.network_attempts()
    assert any("pypi.org" in line for line in attempts), attempts


# --- clear one-line errors, never a traceback ---------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "netind-teach"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120, check=False)


def _one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("netind-teach lab: ") and "Fix:" in lines[0]
    for word in words:
        assert word in lines[0]


def test_lab_into_a_file_says_so(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    _one_line_error(_cli("lab", str(target), cwd=tmp_path), "is a file")
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.fixture
def unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except OSError:
        yield folder  # an ordinary user: permissions hold
    else:
        (folder / "probe").unlink()
        # root writes through permissions; /sys refuses even root (Linux CI)
        assert Path("/sys").is_dir(), "no unwritable folder to test with on this machine"
        yield Path("/sys")
    folder.chmod(0o755)


def test_lab_into_an_unwritable_folder_says_so(unwritable_folder, tmp_path):
    _one_line_error(_cli("lab", str(unwritable_folder), cwd=tmp_path), "cannot write in")
    assert not (unwritable_folder / FIRST_LESSON).exists()


def test_lab_keeps_edited_lessons_and_names_them(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "course"
    lab.copy_lessons(folder)
    edited = folder / FIRST_LESSON
    edited.write_text('{"my": "edits"}', encoding="utf-8")
    (folder / LESSON_NAMES[-1]).unlink()
    started = []
    monkeypatch.setattr(lab, "run", lambda command, where, env: started.append(command) or 0)
    assert cli.main(["lab", str(folder), "--no-browser"]) == 0
    out = capsys.readouterr().out
    assert f"copied 1 lesson(s) into {folder}" in out
    assert f"kept your own version of {FIRST_LESSON} in {folder}" in out
    assert edited.read_text(encoding="utf-8") == '{"my": "edits"}'
    assert started and started[0][-1] == str((folder / FIRST_LESSON).resolve())
    assert f"--ServerApp.root_dir={folder.resolve()}" in started[0]
