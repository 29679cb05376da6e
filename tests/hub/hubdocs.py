"""Turn the class-load figures (tests/hub/classload.py) into docs/jupyterhub.md's sections.

Two generated blocks, each between ``<!-- class-test:NAME begin -->`` and
``<!-- class-test:NAME end -->``: ``limits`` (the memory guarantee and limit of the recipe)
and ``figures`` (what was measured, and the Zero to JupyterHub values for 40 and 400
learners). Everything else in the file is written by hand and left alone.

The rules that turn measurements into settings (all in :func:`derive`):

- guarantee = the p95 of (single-user server + one lesson kernel), rounded up to 128 MiB:
  what a learner with one lesson open uses;
- limit = server p95 + 4 x kernel p95 (the 90-minute lab's four lessons, no kernel shut
  down), rounded up to 256 MiB;
- CPU guarantee = the p95 CPU time to open and run lesson 02, spread over 5 minutes,
  rounded up to 0.05 core; CPU limit 1 core;
- learners per node = what fits in a node's memory after 1.5 GiB for the system, at the
  guarantee (and in its cores at the CPU guarantee, whichever is fewer).
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

NODE_CORES = 4
NODE_GIB = 16
SYSTEM_GIB = 1.5


def _up(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


def derive(f: dict[str, Any]) -> dict[str, Any]:
    """The settings that follow from the figures (see the module docstring)."""
    server, kernel = f["server_peak_mib"]["p95"], f["kernel_peak_mib"]["p95"]
    one = max(f["per_user_peak_mib"]["p95"], server + kernel)
    guarantee = int(_up(one, 128))
    limit = int(_up(server + 4 * kernel, 256))
    cpu = max(0.05, round(_up(f["cpu_s_per_user"]["p95"] / 300, 0.05), 2))
    per_node_mem = int((NODE_GIB - SYSTEM_GIB) * 1024 // guarantee)
    per_node_cpu = int((NODE_CORES - 0.5) // cpu)
    per_node = max(1, min(per_node_mem, per_node_cpu))
    total_gib = f["machine"]["memory_gib"]
    here = int((total_gib * 1024 - f["machine_used_before_mib"] - f["hub_and_proxy_idle_mib"])
               // one)
    return {
        "one_lesson_mib": round(one),
        "guarantee_mib": guarantee,
        "limit_mib": limit,
        "cpu_guarantee": cpu,
        "per_node": per_node,
        "nodes_40": math.ceil(40 / per_node),
        "nodes_400": math.ceil(400 / per_node) + 1,  # + one node of headroom
        "placeholders_400": 40,
        "fits_here": here,
    }


def limits_block(f: dict[str, Any]) -> str:
    d = derive(f)
    return (
        f"- **The recipe's settings, from the class-load measurement below** (a real hub, "
        f"{f['succeeded']} simulated learners at once): guarantee **{d['guarantee_mib']} MiB** "
        f"per user (a learner with one lesson open peaked at {d['one_lesson_mib']} MiB, p95: "
        f"server plus kernel) and limit **{d['limit_mib']} MiB** (the server plus four lesson "
        f"kernels, the 90-minute lab's four lessons with none shut down). Zero to JupyterHub: "
        f"`singleuser.memory.guarantee: {d['guarantee_mib']}M`, `singleuser.memory.limit: "
        f"{d['limit_mib']}M`. A class of 40 at that guarantee reserves "
        f"{40 * d['guarantee_mib'] / 1024:.1f} GiB. When a user reaches the limit a process is "
        f"killed (usually a kernel: JupyterLab says the kernel restarted); progress on disk "
        f"survives, and re-running a lesson takes seconds."
    )


def figures_block(f: dict[str, Any]) -> str:
    d = derive(f)
    m, v = f["machine"], f["versions"]
    ready, peak = f["login_to_lesson_ready_s"], f["per_user_peak_mib"]
    lines = [
        f"Measured by `make class-test` on {f['date']}: {f['students']} simulated learners "
        f"arriving over {f['ramp_s']:.0f} s on one machine with **{m['cores']} cores and "
        f"{m['memory_gib']} GiB of memory** ({m['cpu']}, {m['system']}, Python "
        f"{m['python']}), JupyterHub {v.get('jupyterhub', '?')}, configurable-http-proxy "
        f"{v.get('configurable-http-proxy', '?')}, JupyterLab {v.get('jupyterlab', '?')}, "
        f"nbgitpuller {v.get('nbgitpuller', '?')}. The hub, the proxy, every learner's server "
        "and kernel, and the test itself shared those two cores"
        + (f" (the machine's 1-minute load average reached {f['load_average_max']}, other "
           "work included)." if f.get("load_average_max") else "."),
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| learners who reached a ready lesson 02 | {f['succeeded']} of {f['students']} |",
        f"| failures | {f['failed']}{_failure_note(f)} |",
        f"| login to lesson ready (every cell of lesson 02 run), p50 | {ready['p50']} s |",
        f"| login to lesson ready, p95 | {ready['p95']} s |",
        f"| login to lesson ready, slowest | {ready['max']} s |",
        f"| one widget update (comm message to new value read back), p50 | "
        f"{f['widget_update_s_p50']} s |",
        f"| peak memory per learner (server + kernel, summed RSS), p50 / p95 / max | "
        f"{peak['p50']} / {peak['p95']} / {peak['max']} MiB |",
        f"| of which the single-user server, p95 | {f['server_peak_mib']['p95']} MiB |",
        f"| of which the lesson 02 kernel, p95 | {f['kernel_peak_mib']['p95']} MiB |",
        f"| CPU time per learner (server + kernel), p50 / p95 | "
        f"{f['cpu_s_per_user']['p50']} / {f['cpu_s_per_user']['p95']} s |",
        f"| hub and proxy, idle | {f['hub_and_proxy_idle_mib']} MiB |",
        f"| every process of the hub, at the peak | {f['all_processes_peak_mib']} MiB |",
        f"| the machine's used memory, before / at the peak | {f['machine_used_before_mib']} / "
        f"{f['machine_used_peak_mib']} MiB |",
        f"| the whole run (start the hub, the class, stop everything) | {f['total_s']} s |",
        f"| processes left running after the stop | {len(f['left_running'])} |",
        "",
        f"At {d['one_lesson_mib']} MiB per learner with one lesson open, this machine's memory "
        f"holds about {d['fits_here']} learners; with 2 cores, time is the limit long before "
        "memory: the p95 above is how long the slowest learners waited.",
        "",
        "### Zero to JupyterHub (Kubernetes) for 40 and for 400 learners",
        "",
        f"Derived from the figures above (rules in `tests/hub/hubdocs.py`): memory guarantee "
        f"{d['guarantee_mib']} MiB and limit {d['limit_mib']} MiB per learner, CPU guarantee "
        f"{d['cpu_guarantee']} core (the p95 CPU time to open lesson 02, spread over five "
        f"minutes) and limit 1 core. On nodes of {NODE_CORES} cores and {NODE_GIB} GiB "
        f"({SYSTEM_GIB} GiB kept for the system), {d['per_node']} learners fit per node: "
        f"{d['nodes_40']} node(s) for 40 learners, {d['nodes_400']} for 400 (one spare).",
        "",
        "```yaml",
        "# config.yaml for a class of 40",
        "singleuser:",
        "  image:",
        "    name: REGISTRY/netind-teach   # the image of section 1",
        "    tag: TERM-TAG",
        "  memory:",
        f"    guarantee: {d['guarantee_mib']}M",
        f"    limit: {d['limit_mib']}M",
        "  cpu:",
        f"    guarantee: {d['cpu_guarantee']}",
        "    limit: 1",
        "  extraEnv:",
        '    NETIND_TEACH_HOME: "~/netind-teach-progress"',
        "  storage:",
        "    capacity: 1Gi",
        "cull:",
        "  enabled: true",
        "  timeout: 3600        # stop a server idle for an hour",
        "prePuller:",
        "  hook:",
        "    enabled: true      # the image is on every node before class",
        "scheduling:",
        "  userScheduler:",
        "    enabled: true      # pack learners onto few nodes",
        "```",
        "",
        "```yaml",
        "# config.yaml for 400 learners: the same, plus",
        "hub:",
        "  concurrentSpawnLimit: 100   # 400 arrive within minutes",
        "  activeServerLimit: 450",
        "  resources:",
        "    requests: {cpu: 1, memory: 1Gi}",
        "proxy:",
        "  chp:",
        "    resources:",
        "      requests: {cpu: 500m, memory: 512Mi}",
        "scheduling:",
        "  userScheduler:",
        "    enabled: true",
        "  podPriority:",
        "    enabled: true",
        "  userPlaceholder:",
        "    enabled: true",
        f"    replicas: {d['placeholders_400']}    # warm room for the next 10% of the class",
        "  userPods:",
        "    nodeAffinity:",
        "      matchNodePurpose: prefer",
        "cull:",
        "  enabled: true",
        "  timeout: 3600",
        "```",
        "",
        f"Size the cluster's user node pool at {d['nodes_40']} node(s) of {NODE_CORES} cores / "
        f"{NODE_GIB} GiB for 40 learners and {d['nodes_400']} for 400, or let the cluster "
        "autoscaler add nodes (the placeholders make room before learners arrive). The "
        "measured CPU is what opening one lesson costs; a class that starts together needs "
        f"about {40 * f['cpu_s_per_user']['p50'] / 60:.0f} core-minutes in its first minutes "
        f"for 40 learners and {400 * f['cpu_s_per_user']['p50'] / 60:.0f} for 400.",
    ]
    return "\n".join(lines)


def _failure_note(f: dict[str, Any]) -> str:
    if f.get("error"):
        return f" (the run stopped: {f['error']})"
    if not f["failures"]:
        return ""
    first = f["failures"][0]
    return f" (first: {first['user']}, {first['error'][:160]})"


def _replace(text: str, name: str, body: str) -> str:
    pattern = re.compile(
        rf"(<!-- class-test:{name} begin[^>]*-->).*?(<!-- class-test:{name} end -->)",
        re.DOTALL,
    )
    if not pattern.search(text):
        raise ValueError(f"docs/jupyterhub.md has no class-test:{name} markers")
    return pattern.sub(lambda m: f"{m.group(1)}\n{body}\n{m.group(2)}", text)


def update_docs(path: str | Path, figures: dict[str, Any]) -> None:
    """Rewrite the two generated blocks of ``path`` from ``figures``."""
    target = Path(path)
    text = target.read_text(encoding="utf-8")
    text = _replace(text, "limits", limits_block(figures))
    text = _replace(text, "figures", figures_block(figures))
    target.write_text(text, encoding="utf-8")
