"""Start a real JupyterLab the way a route starts it, open lesson 00, record network attempts.

Used by the route tests (``netind-teach lab``, ``make lab``, the wheel, Binder's pinned
environment). The server runs on loopback with a random token, in its own session so that
stopping it stops everything it started, and with ``tests/netlog`` on ``PYTHONPATH``: every
attempt to reach a non-loopback host (name look-up, connect, sendto) is blocked and written
to a log file, which the tests read.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from browser.browser_lab import free_port

__all__ = ["Server", "assert_course_settings", "assert_no_network", "free_port",
           "open_first_lesson", "report", "running", "server_env"]

TESTS = Path(__file__).resolve().parent
FIRST_LESSON = "00_welcome.ipynb"
START_TIMEOUT = 180.0  # seconds; a cold first start on a busy 2-core machine

# Straight to loopback, whatever proxy the environment names.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Server:
    """A running JupyterLab: where it answers, and what it logged."""

    port: int
    token: str
    net_log: Path
    output: Path
    started: float
    process: subprocess.Popen
    timings: dict[str, float] = field(default_factory=dict)

    def url(self, path: str) -> str:
        separator = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}{separator}token={self.token}"

    def request(
        self, path: str, method: str = "GET", body: dict | None = None
    ) -> tuple[int, bytes]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.url(path), data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with _OPENER.open(req, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def network_attempts(self) -> list[str]:
        if not self.net_log.exists():
            return []
        return self.net_log.read_text(encoding="utf-8").splitlines()

    def log_text(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


def server_env(home: Path, net_log: Path, token: str,
               base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment as on a fresh machine: its own home and Jupyter folders, network logged."""
    env = dict(os.environ if base is None else base)
    for name in ("JUPYTER_CONFIG_PATH", "JUPYTER_PATH", "NETIND_ALLOW_NETWORK", "VIRTUAL_ENV",
                 "PYTHONHOME", "JUPYTER_PREFER_ENV_PATH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
        env.pop(name, None)
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local" / "share" / "jupyter"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        IPYTHONDIR=str(home / ".ipython"),
        MPLCONFIGDIR=str(home / ".matplotlib"),
        NETIND_TEACH_HOME=str(home / "netind-progress"),
        JUPYTER_TOKEN=token,
        NETIND_NET_LOG=str(net_log),
        PYTHONPATH=str(TESTS / "netlog"),
    )
    return env


@contextlib.contextmanager
def running(command: Sequence[str], cwd: Path, home: Path, port: int,
            base_env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Start ``command`` (which must serve JupyterLab on ``port``), wait until it answers."""
    token = secrets.token_hex(16)
    net_log = home / "network-attempts.log"
    output = home / "server-output.log"
    env = server_env(home, net_log, token, base_env)
    with output.open("wb") as sink:
        started = time.monotonic()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        server = Server(port, token, net_log, output, started, process)
        try:
            _wait_until_ready(server)
            yield server
        finally:
            _stop(process)


def _wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited with {server.process.returncode}:\n"
                                 f"{server.log_text()[-3000:]}")
        with contextlib.suppress(OSError):
            status, _ = server.request("/api/status")
            if status == 200:
                server.timings["server answers"] = time.monotonic() - server.started
                return
        time.sleep(0.25)
    raise AssertionError(f"no answer within {START_TIMEOUT:.0f} s:\n{server.log_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    # whatever the server started in its session (kernels) goes with it
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def open_first_lesson(server: Server, lesson_path: str = FIRST_LESSON) -> dict:
    """Do what a learner's browser does first: load the lab page, the extension list, the
    lesson, and start its kernel. Returns the lesson's contents model."""
    status, page = server.request(f"/lab/tree/{lesson_path}")
    assert status == 200 and b"JupyterLab" in page, (status, page[:300])
    status, extensions = server.request("/lab/api/extensions?refresh=1")
    assert status == 200, (status, extensions[:300])
    status, raw = server.request(f"/api/contents/{lesson_path}?content=1")
    assert status == 200, (status, raw[:300])
    model = json.loads(raw)
    server.timings["first lesson open"] = time.monotonic() - server.started
    status, raw = server.request("/api/sessions", "POST", {
        "path": lesson_path, "name": FIRST_LESSON, "type": "notebook",
        "kernel": {"name": "python3"},
    })
    assert status == 201, (status, raw[:300])
    session = json.loads(raw)
    status, _ = server.request(f"/api/sessions/{session['id']}", "DELETE")
    assert status == 204
    return model


def assert_course_settings(server: Server) -> None:
    """The course's shipped settings are in force: a read-only extension manager on the
    server, and no news prompt or update notices in the browser."""
    assert "Extension Manager is 'readonly'" in server.log_text()
    status, raw = server.request("/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert status == 200, (status, raw[:300])
    defaults = json.loads(raw)["schema"]["properties"]
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False


def assert_no_network(server: Server) -> None:
    attempts = server.network_attempts()
    assert attempts == [], (
        "the course's JupyterLab tried to reach the network:\n" + "\n".join(attempts[:20])
    )


def report(route: str, server: Server) -> None:
    """Print the route's timings (pytest -s or -rP shows them)."""
    figures = ", ".join(f"{name}: {seconds:.1f} s" for name, seconds in server.timings.items())
    print(f"[route {route}] {figures}")
