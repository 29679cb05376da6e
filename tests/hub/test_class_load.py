"""A real JupyterHub with a small class (N=2) in `make test`; N=40 is `make class-test`.

Builds (once) the hub environment with `make hub-env`: binder/requirements.txt plus
JupyterHub and nbgitpuller in build/hub/venv, configurable-http-proxy from the npm registry
in build/hub/node_modules. Then runs tests/hub/classload.py: log in, follow the nbgitpuller
link, run lesson 02 through the kernel's websocket, change a widget, measure, stop all.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from .hubdocs import derive, figures_block, limits_block, update_docs

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ROOT / "benchmarks" / "class-load.json"


@pytest.fixture(scope="module")
def hub_env():
    # installing needs the package registries (pip, npm); running the hub does not
    env = {**os.environ, "NETIND_ALLOW_NETWORK": "1"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["make", "--no-print-directory", "hub-env"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1500, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return ROOT / "build" / "hub" / "venv" / "bin" / "python"


def test_small_class_on_a_real_hub(hub_env, tmp_path):
    out = tmp_path / "figures.json"
    command = [str(hub_env), str(ROOT / "tests" / "hub" / "classload.py"), "--students", "2",
               "--ramp", "2", "--deadline", "420", "--json", str(out)]
    proc = subprocess.Popen(command, cwd=tmp_path, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        log, _ = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:  # the driver stops its hub itself; this is the last resort
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    figures = json.loads(out.read_text())
    assert figures["error"] is None, log[-3000:]
    assert figures["succeeded"] == 2, figures["failures"]
    assert figures["left_running"] == []
    for row in figures["rows"]:
        assert row["cells"] > 10 and row["widget"]
        assert 0 < row["server_ready_s"] <= row["pulled_s"] <= row["lesson_ready_s"]
    assert figures["per_user_peak_mib"]["p50"] > figures["kernel_peak_mib"]["p50"] > 50
    assert figures["server_peak_mib"]["p50"] > 50
    assert proc.returncode == 0, log[-3000:]


def _figures(server=120.0, kernel=190.0, cpu=12.0):
    return {
        "date": "2026-11-30", "students": 40, "ramp_s": 60, "succeeded": 40, "failed": 0,
        "failures": [], "error": None, "left_running": [],
        "machine": {"cores": 2, "memory_gib": 23.5, "cpu": "x", "system": "Linux",
                    "python": "3.11"},
        "versions": {}, "login_to_lesson_ready_s": {"p50": 60, "p95": 90, "max": 95},
        "widget_update_s_p50": 0.2,
        "per_user_peak_mib": {"p50": server + kernel - 5, "p95": server + kernel, "max": 400},
        "server_peak_mib": {"p50": server, "p95": server},
        "kernel_peak_mib": {"p50": kernel, "p95": kernel},
        "cpu_s_per_user": {"p50": cpu, "p95": cpu},
        "hub_and_proxy_idle_mib": 180, "all_processes_peak_mib": 12000,
        "machine_used_before_mib": 1000, "machine_used_peak_mib": 13000, "total_s": 300,
    }


def test_settings_follow_from_the_measurement():
    small, large = derive(_figures()), derive(_figures(kernel=400.0, cpu=60.0))
    assert small["guarantee_mib"] == 384 and small["limit_mib"] == 1024  # 310 -> 384; 880
    assert large["guarantee_mib"] == 640 and large["limit_mib"] == 1792
    assert large["cpu_guarantee"] == 0.2 and small["cpu_guarantee"] == 0.05
    assert small["nodes_40"] * small["per_node"] >= 40
    assert large["nodes_400"] > small["nodes_400"]
    assert "384M" in limits_block(_figures()) and "guarantee: 384M" in figures_block(_figures())


def test_docs_hold_what_the_last_class_test_measured(tmp_path):
    """docs/jupyterhub.md's generated blocks are what `make class-test` wrote."""
    figures = json.loads(FIGURES.read_text())
    assert figures["students"] == 40
    docs = ROOT / "docs" / "jupyterhub.md"
    copy = tmp_path / "jupyterhub.md"
    copy.write_text(docs.read_text())
    update_docs(copy, figures)
    assert copy.read_text() == docs.read_text(), "run `make class-test` to regenerate"
