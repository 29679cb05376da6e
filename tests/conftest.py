"""Test-session set-up shared by every test, notebook and doctest.

Jupyter, IPython, matplotlib and the course's progress files all write under the
user's home; the tests point every one of them at a fresh temporary folder so a test
run never reads or changes a developer's own settings or progress, and kernels that
nbval starts inherit the same environment.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

_ISOLATED_DIRS = {
    "NETIND_TEACH_HOME": "netind-teach",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}


def _callbacks_raise(self, *args, **kwargs):
    """Run a widget's callbacks as ipywidgets does, but let an exception through.

    ipywidgets' ``CallbackDispatcher`` swallows a click handler's exception: it logs it
    when no IPython shell exists and prints a traceback when one does (a test that made
    an ``InteractiveShell`` earlier switches to that path). Tests replace the loop, so a
    bug in a callback fails its test whichever path is taken.
    """
    value = None
    for callback in self.callbacks:
        returned = callback(*args, **kwargs)
        value = returned if returned is not None else value
    return value


def pytest_configure(config):
    root = Path(tempfile.mkdtemp(prefix="netind-tests-"))
    for variable, folder in _ISOLATED_DIRS.items():
        path = root / folder
        path.mkdir()
        os.environ[variable] = str(path)
    # Strict mode: widget guards re-raise instead of showing a one-line message, so a
    # callback's bug fails its test (netind_teach.widget_guard; kernels inherit it too).
    os.environ["NETIND_TEACH_STRICT"] = "1"
    from ipywidgets.widgets.widget import CallbackDispatcher

    CallbackDispatcher.__call__ = _callbacks_raise  # button clicks too
    config.netind_tmp_root = root


# -- markers that `make test-fast` leaves out (`make test` and CI run everything) -----------
# A test gets them from where it lives, from the fixtures it uses, or explicitly
# (``@pytest.mark.slow``); pyproject.toml registers them and --strict-markers holds the list.
_REPO = Path(__file__).resolve().parent.parent
MARKED_PATHS = {
    "browser": ("tests/browser/",),
    "notebooks": ("lessons/",),
    "release": ("tests/test_release.py",),
    # the property suite over every exercise and the reliability runs: minutes of forks
    "slow": ("tests/hub/", "tests/test_binder_parity.py", "tests/test_routes.py",
             "tests/test_exercises_properties.py", "tests/reliability/"),
}
#: Fixtures that execute every lesson (a test using one runs notebooks).
MARKED_FIXTURES = {"notebooks": ("site_builds",)}


def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            where = Path(str(item.path)).resolve().relative_to(_REPO).as_posix()
        except ValueError:  # outside the repository (a test's own temporary files)
            where = ""
        for marker, prefixes in MARKED_PATHS.items():
            if where.startswith(prefixes):
                item.add_marker(marker)
        for marker, fixtures in MARKED_FIXTURES.items():
            if set(fixtures) & set(getattr(item, "fixturenames", ())):
                item.add_marker(marker)


# -- reliability figures (docs/reliability.md) ---------------------------------------------
def _results_folder() -> Path:
    root = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("NETIND_RELIABILITY_RESULTS", root / "build" / "reliability"))


def _record_row(key: str, **row: object) -> Path:
    """Write one row of docs/reliability.md as ``<results>/<key>.json`` (see below)."""
    required = {"check", "runs", "lost", "escaped", "reproduce"}
    missing = required - set(row)
    if missing:
        raise TypeError(f"a reliability row needs {sorted(missing)}")
    folder = _results_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (re.sub(r"[^A-Za-z0-9_.-]+", "-", key) + ".json")
    path.write_text(json.dumps({"key": key, **row}, indent=1, sort_keys=True) + "\n")
    return path


@pytest.fixture
def reliability_row():
    """Record a row of the reliability table (``make reliability`` renders them).

    Call it once per row with a unique ``key`` and the figures::

        reliability_row(
            "answers-generated",            # file name of the row, unique
            check="Generated answers across all exercises",
            runs=10_000,                    # attempts made
            inputs=10_000,                  # optional: inputs tried (files, answers, names)
            kills=None,                     # optional: processes killed mid-save
            lost=0,                         # records or updates lost
            escaped=0,                      # exceptions that escaped to the learner
            leaked=None,                    # optional: names leaked
            reproduce="make reliability NETIND_RELIABILITY_SCALE=10",
        )

    Rows go to ``build/reliability/<key>.json`` (or ``$NETIND_RELIABILITY_RESULTS``);
    ``tools/reliability_report.py`` turns every such file into ``docs/reliability.md``.
    """
    return _record_row


@pytest.fixture
def reliability_scale() -> int:
    """How many times the CI size to run (``NETIND_RELIABILITY_SCALE``, default 1)."""
    try:
        return max(1, int(os.environ.get("NETIND_RELIABILITY_SCALE", "1")))
    except ValueError:
        return 1


@pytest.fixture(scope="session")
def site_builds(tmp_path_factory):
    """Both editions of the static site, built once per session from one run of the lessons.

    ``learners`` and ``instructor`` are the two folders, ``lessons`` the executed lessons
    (:class:`netind_teach.site.ExecutedLesson`), ``lines`` everything the builds reported.
    """
    from netind_teach import site

    lines: list[str] = []
    lessons = site.execute_lessons(progress=lines.append)
    learners = tmp_path_factory.mktemp("site-learners")
    instructor = tmp_path_factory.mktemp("site-instructor")
    site.build_site(learners, progress=lines.append, lessons=lessons)
    site.build_site(instructor, progress=lines.append, lessons=lessons, instructor=True)
    return SimpleNamespace(learners=learners, instructor=instructor, lessons=lessons,
                           lines=lines)
class Hang(Exception):
    """Code under test did not return within the deadline (e.g. it opened a FIFO)."""


@contextlib.contextmanager
def _deadline(seconds: int = 10):
    def alarm(_signum, _frame):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def deadline():
    """``with deadline(10): ...`` turns a hang into a failure (raises ``Hang``; POSIX)."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("a deadline needs SIGALRM (POSIX)")
    return _deadline
