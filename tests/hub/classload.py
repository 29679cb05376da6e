"""Class-load test: a real JupyterHub on loopback and N simulated students.

What it does, all on 127.0.0.1, bounded in time, and always stopping what it started:

1. clones the course (its committed HEAD) into a scratch folder named ``netind-teach``, the
   repository the nbgitpuller link points at (a local path, as a ``file://`` URL);
2. starts JupyterHub (from ``build/hub/venv``: ``binder/requirements.txt`` plus
   ``tests/hub/hub-requirements.txt``) with configurable-http-proxy from
   ``build/hub/node_modules``, the dummy authenticator and ``SimpleLocalProcessSpawner``
   (each student's home folder in the scratch folder);
3. for each student, in parallel, arriving over ``--ramp`` seconds: logs in through the
   login form, follows the documented nbgitpuller link (docs/jupyterhub.md) opening lesson
   02, which starts the server and clones the course, then opens lesson 02 as a notebook
   session, runs every code cell through the kernel's websocket (the Jupyter protocol, as
   JupyterLab does), and sends one widget update as a comm message (what changing a control
   sends) and reads the new value back;
4. measures each student's time from login to lesson ready (every cell run), the peak
   memory of their single-user server plus kernel (psutil, sampled every second, summed
   per student), the whole machine's memory, and failures; writes them as JSON.

Run it through ``make class-test`` (N=40, writes the figures into docs/jupyterhub.md);
``tests/hub/test_class_load.py`` runs a small N in ``make test``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
HUB_DIR = ROOT / "build" / "hub"
LESSON = "netind-teach/lessons/02_typology.ipynb"
PASSWORD = "class-load"
MiB = 1024 * 1024

CONFIG = """
c = get_config()  # noqa
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.JupyterHub.db_url = "sqlite:///{work}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/cookie_secret"
c.JupyterHub.pid_file = "{work}/hub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = "{work}/homes/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
# 40 servers starting at once on 2 cores: give each time to start (the defaults are 30-60 s)
c.Spawner.http_timeout = 900
c.Spawner.start_timeout = 900
c.JupyterHub.concurrent_spawn_limit = 0
c.JupyterHub.services = [{{"name": "classload", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "classload",
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "tokens"],
    "services": ["classload"],
}}]
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def course_clone(work: Path) -> Path:
    """A local clone of the course (HEAD), in a folder named like the real repository."""
    target = work / "src" / "netind-teach"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(target)],
                   check=True, timeout=120, capture_output=True)
    subprocess.run(["git", "-C", str(target), "branch", "-M", "main"], check=True, timeout=30,
                   capture_output=True)
    return target


def class_link(base: str, repo: str, lesson: str = LESSON) -> str:
    """The nbgitpuller link of docs/jupyterhub.md, for this hub and repository."""
    query = urllib.parse.urlencode(
        {"repo": repo, "branch": "main", "urlpath": f"lab/tree/{lesson}"}
    )
    return f"{base}/hub/user-redirect/git-pull?{query}"


class Hub:
    """A JupyterHub process tree: started in its own session; every descendant it ever had
    is remembered, so that :meth:`stop` can end them all (the spawner and the proxy start
    their children in sessions of their own)."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.proc: subprocess.Popen | None = None
        self.seen: dict[int, float] = {}  # pid -> create_time
        self.samples: dict[str, int] = {}  # user -> peak of server + kernel RSS (bytes)
        self.parts: dict[str, dict[str, int]] = {}  # user -> peak RSS of server, of kernels
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (user, CPU seconds so far)
        self.total_peak = 0
        self.machine_peak = 0
        self.load_peak = 0.0  # the machine's 1-minute load average (other work counts too)
        self._user_of: dict[int, str | None] = {}
        self._stop = threading.Event()
        self._sampler: threading.Thread | None = None

    def start(self, timeout: float = 180) -> None:
        venv = HUB_DIR / "venv" / "bin"
        chp = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
        root = hasattr(os, "geteuid") and os.geteuid() == 0
        (self.work / "homes").mkdir(parents=True, exist_ok=True)
        config = self.work / "jupyterhub_config.py"
        config.write_text(CONFIG.format(
            port=self.port, hub_port=self.hub_port, api_port=self.api_port, chp=str(chp),
            work=self.work, singleuser=str(venv / "jupyterhub-singleuser"),
            args=["--allow-root"] if root else [], token=self.token,
        ))
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
        env["PATH"] = f"{venv}{os.pathsep}{env.get('PATH', '')}"
        env.pop("NETIND_TEACH_HOME", None)  # each student's progress in their own home
        for key in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                    "IPYTHONDIR", "MPLCONFIGDIR"):
            env.pop(key, None)  # per-user folders under each home, as on a real hub
        log = open(self.work / "hub.log", "wb")  # noqa: SIM115 (closed with the hub)
        self.proc = subprocess.Popen(
            [str(venv / "jupyterhub"), "-f", str(config)], cwd=self.work, env=env,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self._sampler = threading.Thread(target=self._sample_loop, daemon=True)
        self._sampler.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}); see {log.name}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.base}/hub/api/", timeout=5).status_code == 200:
                    return
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within {timeout:.0f} s; see {log.name}")

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.base}/hub/api{path}", headers=headers,
                                timeout=60, **kwargs)

    # -- memory -------------------------------------------------------------------------
    def _tree(self) -> list[psutil.Process]:
        if self.proc is None:
            return []
        try:
            top = psutil.Process(self.proc.pid)
            procs = [top, *top.children(recursive=True)]
        except psutil.Error:
            return []
        for p in procs:
            with contextlib.suppress(psutil.Error):
                self.seen.setdefault(p.pid, p.create_time())
        return procs

    def _user(self, p: psutil.Process) -> str | None:
        if p.pid not in self._user_of:
            try:
                self._user_of[p.pid] = p.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                return None
        return self._user_of[p.pid]

    def sample(self) -> None:
        per_user: dict[str, dict[str, int]] = {}
        total = 0
        for p in self._tree():
            try:
                rss = p.memory_info().rss
                cpu = p.cpu_times()
                role = "server" if "jupyterhub-singleuser" in " ".join(p.cmdline()) else "kernel"
            except psutil.Error:
                continue
            total += rss
            user = self._user(p)
            if user:
                parts = per_user.setdefault(user, {"server": 0, "kernel": 0})
                parts[role] += rss
                self.cpu[p.pid] = (user, cpu.user + cpu.system)
        for user, parts in per_user.items():
            peak = self.parts.setdefault(user, {"server": 0, "kernel": 0})
            for role, rss in parts.items():
                peak[role] = max(peak[role], rss)
            self.samples[user] = max(self.samples.get(user, 0), sum(parts.values()))
        self.total_peak = max(self.total_peak, total)
        self.machine_peak = max(self.machine_peak, psutil.virtual_memory().used)
        self.load_peak = max(self.load_peak, os.getloadavg()[0])

    def _sample_loop(self) -> None:
        while not self._stop.wait(1.0):
            with contextlib.suppress(Exception):
                self.sample()

    # -- stopping -------------------------------------------------------------------------
    def stop(self) -> list[int]:
        """Stop the hub (SIGTERM: it stops the proxy and servers), then anything left of
        every process it ever had. Returns the pids that had to be killed."""
        self._stop.set()
        self._tree()  # remember the latest children
        killed = []
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        victims = []
        for pid, created in self.seen.items():
            try:
                p = psutil.Process(pid)
                if p.create_time() != created or p.status() == psutil.STATUS_ZOMBIE:
                    continue  # a new process reusing the pid, or already dead: not running
                p.kill()
                victims.append(p)
                killed.append(pid)
            except psutil.Error:
                continue
        psutil.wait_procs(victims, timeout=15)  # SIGKILL is not instant; give it time
        return killed


# -- one student ----------------------------------------------------------------------------


def _msg(msg_type: str, content: dict, channel: str = "shell") -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student",
                   "session": uuid.uuid4().hex, "version": "5.3",
                   "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
        "buffers": [],
    }


def _decode(frame: str | bytes) -> dict:
    """A websocket frame as a message: text is JSON; a binary frame (a message with
    buffers, e.g. a widget's image) is a count, offsets, then the JSON and the buffers."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i: 8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0]:end].decode("utf-8"))


class Kernel:
    """A kernel reached through the hub's proxy: the Jupyter protocol over its websocket."""

    def __init__(self, url: str, token: str, timeout: float) -> None:
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {token}"],
                                              timeout=timeout)
        self.timeout = timeout

    def send(self, message: dict) -> str:
        self.ws.send(json.dumps(message))
        return message["header"]["msg_id"]

    def run(self, code: str) -> tuple[str, list[str]]:
        """Run ``code``; return (stdout, errors) once the reply and idle status arrived."""
        msg_id = self.send(_msg("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}))
        out, errors, replied, idle = [], [], False, False
        deadline = time.monotonic() + self.timeout
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise TimeoutError("a cell did not finish in time")
            reply = _decode(self.ws.recv())
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = reply["header"]["msg_type"], reply["content"]
            if kind == "stream" and content.get("name") == "stdout":
                out.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "execute_reply":
                replied = True
                if content["status"] != "ok" and not errors:
                    errors.append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return "".join(out), errors

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


_FIND_CONTROL = """
import json as _json, ipywidgets as _w
_registry = getattr(_w.Widget, "_active_widgets", None) or _w.widgets.widget._instances
_live = [w for w in list(_registry.values()) if not getattr(w, "disabled", True)]
_numbers = [w for w in _live if isinstance(w, (_w.BoundedIntText, _w.BoundedFloatText))]
_choices = [w for w in _live if isinstance(w, (_w.Dropdown, _w.Select)) and len(w.options) > 1]
if _numbers:  # a number box (lesson 00's "My circles"): to its other end
    _t = _numbers[-1]
    _new = {"value": _t.max if _t.value != _t.max else _t.min}
else:  # a selection widget syncs its index
    _t = _choices[-1]
    _new = {"index": (_t.index or 0) + 1 if (_t.index or 0) + 1 < len(_t.options) else 0}
print(_json.dumps({"id": _t.model_id, "state": _new, "kind": type(_t).__name__}))
"""


def student(hub: Hub, number: int, repo: str, cell_timeout: float) -> dict:
    """One student's whole path; returns a result row (never raises)."""
    user = f"student{number:02d}"
    row: dict = {"user": user, "ok": False}
    session = requests.Session()
    t0 = time.monotonic()
    kernel = None
    try:
        # 1. log in through the form, as a browser does
        session.get(f"{hub.base}/hub/login", timeout=120)
        xsrf = session.cookies.get("_xsrf", "")
        login = session.post(f"{hub.base}/hub/login", timeout=120, allow_redirects=False,
                             data={"username": user, "password": PASSWORD, "_xsrf": xsrf})
        if login.status_code not in (302, 303):
            raise RuntimeError(f"login answered {login.status_code}")
        # 2. the class link: the hub starts the server and shows its "starting" page (or,
        # on some versions, a "not running" page with a start button)
        page = session.get(class_link(hub.base, repo), timeout=120)
        if page.status_code == 424:
            found = re.search(r'href="([^"]*/hub/spawn/[^"]*)"', page.text)
            if not found:
                raise RuntimeError("the hub's 'not running' page has no start link")
            spawn_url = urllib.parse.urljoin(page.url, found.group(1).replace("&amp;", "&"))
            page = session.get(spawn_url, timeout=120)
        if "/hub/spawn-pending/" in page.url:
            next_url = urllib.parse.parse_qs(
                urllib.parse.urlparse(page.url).query).get("next", [None])[0]
            if page.status_code != 200 or not next_url:
                raise RuntimeError(f"the starting page answered {page.status_code}")
            wait_ready(hub, user, timeout=900)
            row["server_ready_s"] = round(time.monotonic() - t0, 2)
            # the pending page's script sends the learner on to the link's target
            page = session.get(urllib.parse.urljoin(hub.base, next_url), timeout=300)
        if page.status_code != 200 or "git-pull" not in page.url:
            raise RuntimeError(f"the class link ended at {page.url} ({page.status_code})")
        # 3. nbgitpuller: the page's script calls this event stream, which clones the course
        query = urllib.parse.urlencode({"repo": repo, "branch": "main",
                                        "targetpath": "netind-teach"})
        stream = session.get(f"{hub.base}/user/{user}/git-pull/api?{query}", timeout=600)
        phases = re.findall(r'"phase": ?"(\w+)"', stream.text)
        if not phases or phases[-1] != "finished":
            raise RuntimeError(f"nbgitpuller did not finish: {stream.text[-300:]!r}")
        row["pulled_s"] = round(time.monotonic() - t0, 2)
        # 4. open lesson 02 (a notebook session, as JupyterLab does) and run every cell
        token = hub.api("POST", f"/users/{user}/tokens",
                        json={"note": "class-load", "expires_in": 3600}).json()["token"]
        headers = {"Authorization": f"token {token}"}
        base = f"{hub.base}/user/{user}/api"
        notebook = session.get(f"{base}/contents/{LESSON}", headers=headers, timeout=120)
        notebook.raise_for_status()
        cells = [c for c in notebook.json()["content"]["cells"] if c["cell_type"] == "code"]
        made = requests.post(f"{base}/sessions", headers=headers, timeout=300, json={
            "path": LESSON, "type": "notebook", "name": "02_typology.ipynb",
            "kernel": {"name": "python3"}})
        made.raise_for_status()
        kernel_id = made.json()["kernel"]["id"]
        ws_url = f"ws://127.0.0.1:{hub.port}/user/{user}/api/kernels/{kernel_id}/channels"
        kernel = Kernel(ws_url, token, cell_timeout)
        for index, cell in enumerate(cells):
            _, errors = kernel.run(cell["source"])
            if errors:
                raise RuntimeError(f"cell {index + 1} failed: {errors[0]}")
        row["lesson_ready_s"] = round(time.monotonic() - t0, 2)
        row["cells"] = len(cells)
        # 5. one widget update: the comm message a changed control sends, then read it back
        found, errors = kernel.run(_FIND_CONTROL)
        if errors:
            raise RuntimeError(f"no control to change: {errors[0]}")
        control = json.loads(found.strip().splitlines()[-1])
        (key, wanted), = control["state"].items()
        t_widget = time.monotonic()
        kernel.send(_msg("comm_msg", {"comm_id": control["id"], "data": {
            "method": "update", "state": control["state"], "buffer_paths": []}}))
        value, errors = kernel.run(f"print(repr(_registry[{control['id']!r}].{key}))")
        if errors or float(value.strip()) != float(wanted):
            raise RuntimeError(f"the widget update did not arrive ({value!r}, {errors})")
        row["widget"] = f"{control['kind']}.{key} -> {wanted}"
        row["widget_update_s"] = round(time.monotonic() - t_widget, 3)
        row["ok"] = True
    except Exception as exc:
        row["error"] = f"{type(exc).__name__}: {exc}"[:400]
        row["trace"] = traceback.format_exc(limit=3)[-800:]
    finally:
        if kernel is not None:
            kernel.close()
        row["elapsed_s"] = round(time.monotonic() - t0, 2)
    return row


def wait_ready(hub: Hub, user: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = hub.api("GET", f"/users/{user}").json()
        server = info.get("servers", {}).get("")
        if server and server.get("ready"):
            return
        if not info.get("pending") and not server:
            raise RuntimeError("the server stopped while starting (see the hub log)")
        time.sleep(1)
    raise TimeoutError(f"the server was not ready after {timeout:.0f} s")


# -- the whole class -------------------------------------------------------------------------


def machine() -> dict:
    memory = psutil.virtual_memory().total
    return {
        "cores": psutil.cpu_count(),
        "memory_gib": round(memory / 1024**3, 1),
        "cpu": _cpu_name(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _cpu_name() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _versions() -> dict:
    python = HUB_DIR / "venv" / "bin" / "python"
    code = ("import importlib.metadata as m, json; print(json.dumps({n: m.version(n) for n in "
            "('jupyterhub', 'jupyterlab', 'jupyter_server', 'ipykernel', 'ipywidgets', "
            "'nbgitpuller')}))")
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60)
    versions = json.loads(out.stdout) if out.returncode == 0 else {}
    chp = HUB_DIR / "node_modules" / "configurable-http-proxy" / "package.json"
    with contextlib.suppress(OSError, ValueError):
        versions["configurable-http-proxy"] = json.loads(chp.read_text())["version"]
    return versions


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def run_class(n: int, ramp: float, deadline: float, cell_timeout: float) -> dict:
    """Run the whole class; always stop the hub. Returns the figures."""
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="netind-hub-"))
    hub = Hub(work)
    results: list[dict] = []
    killed: list[int] = []
    baseline = psutil.virtual_memory().used
    idle_hub = 0
    error = None
    try:
        repo = course_clone(work).as_uri()
        hub.start()
        hub.sample()
        idle_hub = hub.total_peak
        with ThreadPoolExecutor(max_workers=n) as pool:
            futures = []
            for i in range(1, n + 1):
                futures.append(pool.submit(student, hub, i, repo, cell_timeout))
                if i < n:
                    time.sleep(ramp / max(n - 1, 1))
            for future in futures:
                remaining = deadline - (time.monotonic() - started)
                try:
                    results.append(future.result(timeout=max(remaining, 1)))
                except Exception as exc:
                    results.append({"user": "?", "ok": False, "error": f"timed out: {exc!r}"})
        hub.sample()
    except Exception as exc:  # reported in the figures, never hidden
        error = f"{type(exc).__name__}: {exc}"
    finally:
        killed = hub.stop()
        time.sleep(1)
    left = [pid for pid, created in hub.seen.items()
            if psutil.pid_exists(pid) and _same(pid, created)]
    ready = [r["lesson_ready_s"] for r in results if r.get("ok")]
    peaks = [v / MiB for u, v in hub.samples.items()]
    ok_users = {r["user"] for r in results if r.get("ok")}
    ok_peaks = [v / MiB for u, v in hub.samples.items() if u in ok_users]
    servers = [hub.parts[u]["server"] / MiB for u in ok_users if u in hub.parts]
    kernels = [hub.parts[u]["kernel"] / MiB for u in ok_users if u in hub.parts]
    cpu_per_user: dict[str, float] = {}
    for user, seconds in hub.cpu.values():
        cpu_per_user[user] = cpu_per_user.get(user, 0.0) + seconds
    cpu = [v for u, v in cpu_per_user.items() if u in ok_users]
    with contextlib.suppress(OSError):
        shutil.copyfile(work / "hub.log", HUB_DIR / "hub-last.log")
    shutil.rmtree(work, ignore_errors=True)
    return {
        "students": n,
        "ramp_s": ramp,
        "error": error,
        "succeeded": len(ready),
        "failed": n - len(ready),
        "failures": [{"user": r["user"], "error": r.get("error", "")} for r in results
                     if not r.get("ok")],
        "login_to_lesson_ready_s": {
            "p50": round(_pct(ready, 0.5), 1), "p95": round(_pct(ready, 0.95), 1),
            "max": round(max(ready), 1) if ready else None,
        },
        "widget_update_s_p50": round(statistics.median(
            [r["widget_update_s"] for r in results if r.get("ok")]), 3) if ready else None,
        "per_user_peak_mib": {
            "p50": round(_pct(ok_peaks, 0.5), 1), "p95": round(_pct(ok_peaks, 0.95), 1),
            "max": round(max(peaks), 1) if peaks else None,
        },
        "server_peak_mib": {"p50": round(_pct(servers, 0.5), 1),
                            "p95": round(_pct(servers, 0.95), 1)},
        "kernel_peak_mib": {"p50": round(_pct(kernels, 0.5), 1),
                            "p95": round(_pct(kernels, 0.95), 1)},
        "cpu_s_per_user": {"p50": round(_pct(cpu, 0.5), 1), "p95": round(_pct(cpu, 0.95), 1)},
        "hub_and_proxy_idle_mib": round(idle_hub / MiB, 1),
        "all_processes_peak_mib": round(hub.total_peak / MiB, 1),
        "machine_used_peak_mib": round(hub.machine_peak / MiB, 1),
        "machine_used_before_mib": round(baseline / MiB, 1),
        "total_s": round(time.monotonic() - started, 1),
        "load_average_max": round(hub.load_peak, 1),
        "killed_after_stop": len(killed),
        "left_running": left,
        "machine": machine(),
        "versions": _versions(),
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
        "rows": results,
        "hub_log": str(HUB_DIR / "hub-last.log"),
    }


def _same(pid: int, created: float) -> bool:
    """Is ``pid`` still the process first seen at ``created``, and running? A zombie (dead,
    waiting for its new parent to reap it) holds no memory and runs nothing."""
    try:
        process = psutil.Process(pid)
        return process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--ramp", type=float, default=60.0,
                        help="seconds over which the students arrive (default 60)")
    parser.add_argument("--deadline", type=float, default=2400.0,
                        help="seconds after which waiting stops and everything is stopped")
    parser.add_argument("--cell-timeout", type=float, default=600.0)
    parser.add_argument("--json", type=Path, default=HUB_DIR / "class-load.json")
    parser.add_argument("--docs", type=Path, default=None,
                        help="write the figures and the values derived from them into this "
                             "file (docs/jupyterhub.md), between its class-test markers")
    args = parser.parse_args(argv)
    figures = run_class(args.students, args.ramp, args.deadline, args.cell_timeout)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=1) + "\n")
    if args.docs is not None:
        sys.path.insert(0, str(Path(__file__).parent))
        from hubdocs import update_docs

        update_docs(args.docs, figures)
    summary = {k: v for k, v in figures.items() if k not in ("rows", "versions", "machine")}
    print(json.dumps(summary, indent=1))
    ok = figures["failed"] == 0 and not figures["left_running"] and not figures["error"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
