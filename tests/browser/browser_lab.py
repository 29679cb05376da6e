"""Machinery for the real-browser tests: a throw-away JupyterLab and Debian's Chromium.

:func:`start_lab` starts JupyterLab from the project's own environment
(``sys.executable -m jupyterlab``) on a free loopback port with a random token, with every
folder it writes to (config, data, runtime, user settings, workspaces, IPython, matplotlib,
course progress) in a temporary folder, and an ``overrides.json`` that turns off the news
pop-up and windowed notebook rendering. Nothing in the venv or in ``~`` is changed.
:func:`stop_process_tree` always stops it (terminate, then kill, including its kernels).

:func:`check_notebook` opens a notebook as a learner does, runs all its cells through the
``Run`` menu, and raises :class:`AssertionError` listing every problem it sees: error
outputs, tracebacks on stderr, "Error displaying widget", and widget outputs that the
kernel sent but the page did not render (the widget extension missing or broken).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # playwright is imported only when a browser test runs
    from playwright.sync_api import BrowserContext, Locator, Page

__all__ = [
    "BROWSER_ARGS",
    "REQUIRE_BROWSER_VARIABLE",
    "WIDGETS_EXTENSION",
    "WIDGET_VIEW_MIME",
    "LabServer",
    "NotebookReport",
    "artifacts_dir",
    "browser_problem",
    "check_notebook",
    "chromium_path",
    "code_cell_count",
    "copy_lesson",
    "exercise",
    "exercise_feedback",
    "launch_browser",
    "press_check",
    "press_check_with_wrong_answer",
    "start_lab",
    "step_number",
    "stop_process_tree",
    "widget_view_count",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
REQUIRE_BROWSER_VARIABLE = "NETIND_REQUIRE_BROWSER"
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Settings a learner would not want in a test: the news pop-up can cover widgets, and
# windowed rendering keeps off-screen cells out of the DOM.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
# An error shown on stderr: a traceback, or a line such as "SyntaxError: ..." (IPython
# shows syntax errors without the word "Traceback").
_ERROR_TEXT = re.compile(r"Traceback|^\s*\w*(?:Error|Exception)\b", re.MULTILINE)
_NOTEBOOK = ".jp-NotebookPanel"


def chromium_path() -> Path:
    """Where the tests look for Chromium: ``$NETIND_CHROMIUM`` or ``/usr/bin/chromium``.

    Examples
    --------
    >>> chromium_path() == Path(os.environ.get("NETIND_CHROMIUM") or "/usr/bin/chromium")
    True
    """
    return Path(os.environ.get("NETIND_CHROMIUM") or "/usr/bin/chromium")


def browser_problem() -> str | None:
    """Return a one-line reason the browser tests cannot run here, or ``None``.

    Examples
    --------
    >>> reason = browser_problem()
    >>> reason is None or "Chromium" in reason or "playwright" in reason
    True
    """
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        return (
            f"Chromium not found at {path} (install Debian's chromium package, "
            f"or set NETIND_CHROMIUM)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[browser]')"
    return None


def artifacts_dir() -> Path:
    """Folder for screenshots: ``$NETIND_ARTIFACTS`` or ``test-artifacts/browser``.

    Examples
    --------
    >>> artifacts_dir().name
    'browser'
    """
    given = os.environ.get("NETIND_ARTIFACTS")
    return Path(given) if given else REPO_ROOT / "test-artifacts" / "browser"


def code_cell_count(notebook: dict[str, Any]) -> int:
    """Number of code cells in a notebook read with :func:`json.load`.

    Examples
    --------
    >>> code_cell_count({"cells": [{"cell_type": "code"}, {"cell_type": "markdown"}]})
    1
    """
    return sum(cell["cell_type"] == "code" for cell in notebook["cells"])


def widget_view_count(notebook: dict[str, Any]) -> int:
    """Number of widget views the kernel sent, counted in a saved notebook's outputs.

    Examples
    --------
    >>> view = {"output_type": "display_data", "data": {WIDGET_VIEW_MIME: {}}}
    >>> text = {"output_type": "stream", "name": "stdout", "text": "hi"}
    >>> widget_view_count({"cells": [{"cell_type": "code", "outputs": [view, text, view]}]})
    2
    """
    return sum(
        WIDGET_VIEW_MIME in output.get("data", {})
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
    )


def _plain_text_stand_ins(notebook: dict[str, Any]) -> list[str]:
    """First line of the plain-text stand-in of each widget view, e.g. ``VBox(children=(``.

    Examples
    --------
    >>> data = {WIDGET_VIEW_MIME: {}, "text/plain": "IntSlider(value=2)\\nmore"}
    >>> cell = {"cell_type": "code", "outputs": [{"output_type": "display_data", "data": data}]}
    >>> _plain_text_stand_ins({"cells": [cell]})
    ['IntSlider(value=2)']
    """
    stand_ins = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = output.get("data", {})
            text = data.get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            if WIDGET_VIEW_MIME in data and text.strip():
                stand_ins.append(text.strip().splitlines()[0][:60])
    return stand_ins


def _error_outputs(notebook: dict[str, Any]) -> list[str]:
    return [
        f"{output.get('ename')}: {output.get('evalue')}"
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


# --------------------------------------------------------------------------- server


def free_port() -> int:
    """A loopback TCP port that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab: its URL, token, folders and process."""

    port: int
    token: str
    root_dir: Path
    home: Path
    process: subprocess.Popen[bytes]
    log_path: Path
    workspaces: Iterator[int] = field(default_factory=lambda: iter(range(1, 10**6)))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def notebook_url(self, relative: str) -> str:
        """URL that opens ``relative`` in a fresh workspace (no tabs restored)."""
        workspace = f"netind-test-{next(self.workspaces)}"
        return f"{self.base_url}lab/workspaces/{workspace}/tree/{relative}?token={self.token}"

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """Call the server's REST API (loopback only) and return the decoded JSON."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.base_url}api/{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text else None

    def read_notebook(self, relative: str) -> dict[str, Any]:
        return self.api("GET", f"contents/{relative}?content=1")

    def start_session(self, relative: str, kernel: str = "python3") -> None:
        """Start the notebook's kernel now, so it boots while the page loads.

        JupyterLab then connects to this session, as when a learner reopens a notebook
        whose kernel is still running.
        """
        body = {"path": relative, "name": relative, "type": "notebook", "kernel": {"name": kernel}}
        self.api("POST", "sessions", body)

    def shutdown_kernels(self, wait: bool = True) -> None:
        """Shut down the kernels of all current sessions (keeps memory flat across lessons).

        With ``wait=False`` the shutdown runs in a background thread (a kernel takes a
        second or two to stop); sessions started after this call are left alone.
        :func:`stop_process_tree` stops whatever is left at the end.
        """
        sessions = [session["id"] for session in self.api("GET", "sessions")]
        if wait:
            self._delete_sessions(sessions)
        else:
            threading.Thread(target=self._delete_sessions, args=(sessions,), daemon=True).start()

    def _delete_sessions(self, sessions: list[str]) -> None:
        for session in sessions:
            with contextlib.suppress(OSError, ValueError):
                self.api("DELETE", f"sessions/{session}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


def _isolated_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_DATA_DIR": "data",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTERLAB_SETTINGS_DIR": "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
        "IPYTHONDIR": "ipython",
        "NETIND_TEACH_HOME": "netind-teach",
    }
    for variable, folder in folders.items():
        (home / folder).mkdir(parents=True, exist_ok=True)
        env[variable] = str(home / folder)
    # matplotlib's font cache is slow to build: reuse the test session's cache if any.
    env.setdefault("MPLCONFIGDIR", str(home / "matplotlib"))
    env.pop("JUPYTER_TOKEN", None)
    return env


def start_lab(
    root_dir: Path,
    home: Path,
    *,
    disabled_extensions: tuple[str, ...] = (),
    timeout: float = 60.0,
) -> LabServer:
    """Start JupyterLab serving ``root_dir``, keeping all its state under ``home``.

    ``disabled_extensions`` go into a temporary ``labconfig/page_config.json`` (used by the
    breakage test to start a JupyterLab without the widget extension). Raises
    :class:`RuntimeError` with the server log if it is not ready within ``timeout``.
    """
    home.mkdir(parents=True, exist_ok=True)
    env = _isolated_env(home)
    app_settings = home / "app-settings"
    app_settings.mkdir(exist_ok=True)
    # The course's own browser settings (installed in JupyterLab's overrides.d, e.g. the
    # shortcuts that stay out of widgets) apply here too, as they do for learners.
    course = REPO_ROOT / "netind_teach" / "_jupyter" / "lab-settings" / "overrides.json"
    (app_settings / "overrides.d").mkdir(exist_ok=True)
    shutil.copyfile(course, app_settings / "overrides.d" / "netind-teach.json")
    (app_settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=1))
    if disabled_extensions:
        labconfig = Path(env["JUPYTER_CONFIG_DIR"]) / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        page_config = {"disabledExtensions": dict.fromkeys(disabled_extensions, True)}
        (labconfig / "page_config.json").write_text(json.dumps(page_config))

    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        f"--LabApp.app_settings_dir={app_settings}",
        f"--LabApp.user_settings_dir={env['JUPYTERLAB_SETTINGS_DIR']}",
        f"--LabApp.workspaces_dir={env['JUPYTERLAB_WORKSPACES_DIR']}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log_path = home / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LabServer(port, token, root_dir, home, process, log_path)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {process.returncode} at start:\n{server.log_tail()}"
            )
        try:
            server.api("GET", "status")
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            stop_process_tree(process)
            raise RuntimeError(f"JupyterLab not ready after {timeout:.0f} s:\n{server.log_tail()}")
        time.sleep(0.1)


def stop_process_tree(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Stop a server and everything it started: SIGTERM, wait, then SIGKILL what is left.

    Kernels run in their own sessions (jupyter_client starts them so), so they are found
    as the server's descendants before the server is asked to stop, and killed if the
    server did not shut them down itself.
    """
    if process.poll() is not None:
        return
    try:
        import psutil  # ipykernel depends on it, so it is in every Jupyter environment

        children = psutil.Process(process.pid).children(recursive=True)
    except Exception:
        children = []
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    for child in children:
        try:
            child.wait(2)
        except Exception:
            with contextlib.suppress(Exception):
                child.kill()


# --------------------------------------------------------------------------- browser


def launch_browser(playwright: Any, folder: Path) -> BrowserContext:
    """Launch Debian's Chromium headless, with no background networking.

    Its profile and its home (Chromium writes crash reports and dconf files under ``~``)
    are both inside ``folder``.
    """
    home = folder / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    context = playwright.chromium.launch_persistent_context(
        user_data_dir=str(folder / "profile"),
        executable_path=str(chromium_path()),
        headless=True,
        args=BROWSER_ARGS,
        env=env,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(30_000)
    return context


@dataclass
class NotebookReport:
    """What :func:`check_notebook` saw in one notebook, and seconds spent per phase."""

    code_cells: int
    widget_views_sent: int = 0
    widget_views_rendered: int = 0
    phases: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        """One line for the test log.

        Examples
        --------
        >>> NotebookReport(3, 2, 2, {"open": 1.25, "run": 0.5}).summary()
        '3 code cells, widget views 2 sent / 2 rendered; open 1.2 s, run 0.5 s'
        """
        times = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.phases.items())
        return (
            f"{self.code_cells} code cells, widget views {self.widget_views_sent} sent / "
            f"{self.widget_views_rendered} rendered; {times}"
        )


Interaction = Callable[["Page", "Locator"], None]

_STATUS_READY = """([cells]) => {
  const status = document.querySelector('#jp-main-statusbar');
  const text = status ? status.textContent : '';
  return document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell').length === cells
    && text.includes('| Idle') && !text.includes('No Kernel');
}"""

# Run All is finished when the kernel is idle, no cell waits ([*]) and either every code
# cell has a number or an error stopped the run (JupyterLab then clears the queue).
_RUN_FINISHED = """([cells]) => {
  const status = document.querySelector('#jp-main-statusbar');
  if (!status || !status.textContent.includes('| Idle')) return false;
  const prompts = [...document.querySelectorAll(
    '.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim());
  if (prompts.length !== cells || prompts.some(p => p.includes('*'))) return false;
  return prompts.every(p => /^\\[\\d+\\]:$/.test(p))
    || document.querySelector(
      '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ) !== null;
}"""


def _run_all(page: Page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def _executed_cells(notebook: dict[str, Any]) -> int:
    return sum(
        cell["cell_type"] == "code" and cell.get("execution_count") is not None
        for cell in notebook["cells"]
    )


def _save_and_read(page: Page, server: LabServer, relative: str) -> dict[str, Any]:
    """Save the notebook from the page (toolbar Save button) and read what was written.

    The saved file must hold as many executed code cells as the page shows (an autosave
    from before the run ended does not count); the click is repeated every few seconds,
    as on a busy machine one can be lost.
    """
    shown = sum(
        bool(re.fullmatch(r"\[\d+\]:", prompt.strip()))
        for prompt in page.locator(
            f"{_NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt"
        ).all_inner_texts()
    )
    before = server.api("GET", f"contents/{relative}?content=0")["last_modified"]
    deadline = time.monotonic() + 45
    save_button = page.locator(f'{_NOTEBOOK} [data-command="docmanager:save"]').first
    while time.monotonic() < deadline:
        save_button.click()
        retry = time.monotonic() + 5
        while time.monotonic() < min(retry, deadline):
            time.sleep(0.1)
            try:
                model = server.read_notebook(relative)
            except urllib.error.HTTPError:  # read while JupyterLab was writing it
                continue
            if model["last_modified"] != before and _executed_cells(model["content"]) == shown:
                return model["content"]
    raise AssertionError(
        f"{relative}: saving the notebook from JupyterLab did not finish "
        f"(the page shows {shown} executed code cells)"
    )


def check_notebook(
    page: Page,
    server: LabServer,
    relative: str,
    *,
    min_widget_views: int,
    interaction: Interaction | None = None,
    screenshot: Path | None = None,
    timeout: float = 60.0,
) -> NotebookReport:
    """Open ``relative`` (a path under the server's root), run all cells and check the page.

    Raises :class:`AssertionError` naming every problem: error outputs, tracebacks on
    stderr, "Error displaying widget", fewer rendered widget views than the kernel sent or
    than ``min_widget_views``. Then runs ``interaction(page, notebook_locator)`` (which
    asserts on its own). A screenshot is saved to ``screenshot``, also on failure.
    """
    source = json.loads((server.root_dir / relative).read_text(encoding="utf-8"))
    report = NotebookReport(code_cell_count(source))
    clock = [time.monotonic()]

    def phase(name: str) -> None:
        now = time.monotonic()
        report.phases[name] = now - clock[0]
        clock[0] = now

    try:
        kernel = source.get("metadata", {}).get("kernelspec", {}).get("name", "python3")
        server.start_session(relative, kernel)
        page.goto(server.notebook_url(relative))
        _wait(page, _STATUS_READY, report.code_cells, timeout, f"{relative}: notebook not ready")
        phase("open")
        _run_all(page)
        _wait(page, _RUN_FINISHED, report.code_cells, timeout, f"{relative}: Run All unfinished")
        phase("run")
        saved = _save_and_read(page, server, relative)
        phase("save")
        notebook = page.locator(_NOTEBOOK).first
        problems = _problems(page, notebook, saved, min_widget_views, report)
        phase("check")
        if problems:
            raise AssertionError(f"{relative}: " + "; ".join(problems))
        if interaction is not None:
            interaction(page, notebook)
            phase("interact")
        return report
    finally:
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(Exception):  # keep the test's own error
                page.screenshot(path=str(screenshot))


def _wait(page: Page, condition: str, cells: int, timeout: float, failure: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, arg=[cells], timeout=timeout * 1000)
    except PlaywrightTimeout:
        status = page.locator("#jp-main-statusbar").inner_text().replace("\n", " ")
        prompts = page.locator(f"{_NOTEBOOK} .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        raise AssertionError(
            f"{failure} after {timeout:.0f} s (expected {cells} code cells, found "
            f"{len(prompts)}: {' '.join(p.strip() for p in prompts)}; status bar: {status!r})"
        ) from None


def _problems(
    page: Page,
    notebook: Locator,
    saved: dict[str, Any],
    min_widget_views: int,
    report: NotebookReport,
) -> list[str]:
    """Everything wrong with a run notebook; fills in the report's widget counts."""
    sent = widget_view_count(saved)
    rendered = notebook.locator(".jp-OutputArea-output > .jupyter-widgets")
    # Widgets render a moment after their output arrives. Without a working widget
    # extension JupyterLab shows the view's plain-text stand-in ("VBox(children=...")
    # at once instead: stop waiting as soon as one appears.
    stand_ins = _plain_text_stand_ins(saved)
    wanted = max(sent, min_widget_views)
    deadline = time.monotonic() + 5
    shown_as_text: list[str] = []
    while rendered.count() < wanted and time.monotonic() < deadline:
        text = notebook.inner_text()
        shown_as_text = [stand_in for stand_in in stand_ins if stand_in in text]
        if shown_as_text:
            break
        page.wait_for_timeout(100)
    report.widget_views_sent, report.widget_views_rendered = sent, rendered.count()

    problems = [f"error output {error}" for error in _error_outputs(saved)]
    stderr = notebook.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()
    problems += [f"stderr: {_first_lines(text)}" for text in stderr if _ERROR_TEXT.search(text)]
    if "Error displaying widget" in notebook.inner_text():
        problems.append("the page shows 'Error displaying widget'")
    if report.widget_views_rendered < sent:
        problems.append(
            f"the kernel sent {sent} widget view(s) but only {report.widget_views_rendered} "
            f"rendered (is the widget extension {WIDGETS_EXTENSION} installed and enabled?)"
        )
    if shown_as_text:
        problems.append(f"a widget is shown as plain text: {shown_as_text[0]!r}")
    if report.widget_views_rendered < min_widget_views:
        problems.append(
            f"expected at least {min_widget_views} widget view(s), "
            f"found {report.widget_views_rendered} rendered"
        )
    return problems


def _first_lines(text: str, count: int = 6) -> str:
    return " | ".join(line for line in text.strip().splitlines()[:count] if line.strip())


# --------------------------------------------------------------------------- interactions


def exercise(page: Page, notebook: Locator, heading: str) -> Locator:
    """The exercise widget (``netind_teach.exercises``) whose title contains ``heading``.

    Its children, top to bottom: title, question, (figure), input, the Check / Hint /
    Show answer buttons, then the feedback, hints and solution areas.
    """
    title = page.locator(".widget-html h4", has_text=heading)
    return notebook.locator(".netind-exercise", has=title).first


def exercise_feedback(exercise: Locator) -> Locator:
    """The feedback area of an exercise widget: the first HTML child after the buttons."""
    return exercise.locator(":scope > .widget-hbox:has(.widget-button) + .widget-html")


def press_check(exercise: Locator) -> str:
    """Press an exercise's **Check** button and return the feedback text once it changes."""
    from playwright.sync_api import expect

    feedback = exercise_feedback(exercise)
    before = feedback.text_content() or ""  # what to_have_text compares (not inner_text)
    exercise.locator(".widget-button", has_text=re.compile(r"^\s*Check\s*$")).click()
    expect(feedback).not_to_have_text(before or re.compile(r"^\s*$"))
    return feedback.inner_text()


def press_check_with_wrong_answer(exercise: Locator, answer: str) -> str:
    """Type ``answer`` in an exercise's text box, press **Check**, return the feedback.

    For exercises answered by typing (numeric, short text, code, reflection). For choice
    exercises click the option yourself (``exercise.get_by_text("B.").click()``) and call
    :func:`press_check`. The caller asserts on the text, e.g. that it starts with
    "Not quite" and does not give the answer away.
    """
    box = exercise.locator("input[type=text], textarea").first
    box.fill(answer)
    box.press("Tab")  # ipywidgets Text syncs its value on blur/enter
    return press_check(exercise)


def step_number(page: Page, number: Locator, steps: int) -> None:
    """Focus a number box and press ArrowUp (``steps`` > 0) or ArrowDown, one step each."""
    from playwright.sync_api import expect

    number.focus()
    key = "ArrowUp" if steps > 0 else "ArrowDown"
    for _ in range(abs(steps)):
        before = number.input_value()
        page.keyboard.press(key)
        expect(number).not_to_have_value(before)


def copy_lesson(source: Path, root_dir: Path) -> str:
    """Copy a lesson under the server root (JupyterLab autosaves into the file)."""
    shutil.copy2(source, root_dir / source.name)
    return source.name
