"""Speed of the analysis core (models, egonet, simulate, plotting), printed against targets.

Run with ``make bench`` or ``python benchmarks/bench_core.py``. Every figure is measured
in this run; each line gives the target and says "met" or "MISSED".

1. Import cost: ``import netind_teach`` plus its models, egonet and simulate modules,
   against ``import networkx`` alone, each in fresh interpreters (CPU time of the
   imports, median of interleaved runs). Target: ratio <= 1.2.
2. One widget update: a ``community_continuum`` ego network of 150 people regenerated,
   measured with ``egonet.summary`` and drawn with ``plotting.draw_ego`` into an Agg
   figure, over 50 positions of a slider from little boxes to networked individualism.
   Target: p95 < 100 ms, judged on the process's CPU time (the work this code does);
   the wall-clock times printed beside it also include waiting for other programs,
   which on a busy machine can be several times more. Measured again at 30 people, the
   size the lessons use.
3. ``simulate.reach`` and ``simulate.spread`` on networks of groups of 1,000 and 10,000
   people: time at 10,000 (target well under 1 s) and the growth per 10x in size
   (target <= 12x; linear is 10x).

Timings depend on the machine and on what else runs on it; the load average is printed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IMPORT_RUNS = 15
WIDGET_UPDATES = 50
WIDGET_ALTERS = (149, 29)  # 150 people with ego (the target), and a lesson-sized 30
results: list[tuple[str, bool]] = []


def verdict(label: str, ok: bool, text: str) -> None:
    results.append((label, ok))
    print(f"{text}  -> {'met' if ok else 'MISSED'}")


def child_import_seconds(statement: str) -> float:
    """Seconds a fresh interpreter spends executing ``statement`` (startup excluded)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    # Byte-code caches as a learner has them (an environment may switch them off).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(out.stdout.strip())


def bench_imports() -> None:
    ours = "import netind_teach, netind_teach.models, netind_teach.egonet, netind_teach.simulate"
    base = "import networkx"
    ours_t, base_t = [], []
    child_import_seconds(ours)  # warm-up: writes byte-code caches, fills the disk cache
    child_import_seconds(base)
    for _ in range(IMPORT_RUNS):  # interleaved, so drift in machine load hits both
        base_t.append(child_import_seconds(base))
        ours_t.append(child_import_seconds(ours))
    o, b = statistics.median(ours_t), statistics.median(base_t)
    ratio = o / b
    verdict(
        "import",
        ratio <= 1.2,
        f"import netind_teach + models, egonet, simulate: {o * 1e3:.0f} ms vs networkx alone "
        f"{b * 1e3:.0f} ms = {ratio:.2f}x (target <= 1.2x, median of {IMPORT_RUNS})",
    )


def bench_widget(n_alters: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from netind_teach import egonet, models, plotting

    fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
    pos = plotting.stable_layout(models.community_continuum(1.0, seed=1, n_alters=n_alters))

    def update(p: float) -> None:
        nonlocal pos
        G = models.community_continuum(p, seed=1, n_alters=n_alters)
        egonet.summary(G)
        pos = plotting.stable_layout(G, previous=pos)
        ax.clear()
        plotting.draw_ego(G, ax=ax, pos=pos, title=f"p = {p:.2f}")
        fig.canvas.draw()

    update(0.5)  # warm-up: first-use imports and font cache
    wall, cpu = [], []
    for i in range(WIDGET_UPDATES):
        p = i / (WIDGET_UPDATES - 1)
        start, start_cpu = time.perf_counter(), time.process_time()
        update(p)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    plt.close(fig)
    cpu_p50, cpu_p95 = percentile(cpu, 50), percentile(cpu, 95)
    verdict(
        f"widget ({n_alters + 1} people)",
        cpu_p95 < 0.100,
        f"widget update, {n_alters + 1} people (generate + summary + draw_ego, Agg "
        f"600x600 px), {WIDGET_UPDATES} slider positions: CPU p50 {cpu_p50 * 1e3:.0f} ms, "
        f"p95 {cpu_p95 * 1e3:.0f} ms (target p95 < 100 ms); wall clock p50 "
        f"{percentile(wall, 50) * 1e3:.0f} ms, p95 {percentile(wall, 95) * 1e3:.0f} ms",
    )


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def median_seconds(f: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_scaling() -> None:
    from netind_teach import models, simulate

    graphs = {
        n: models.group_network(n // 10, 10, seed=0, weak_share=0.3, online_share=0.1)
        for n in (1_000, 10_000)
    }
    availability = {"strong": 0.6, "weak": 0.4, "online": 0.9}
    cases = {
        "reach (10 hops, 200 trials)": lambda G: simulate.reach(
            G, availability, hops=10, ego=0, trials=200
        ),
        "spread (20 steps, 20 trials)": lambda G: simulate.spread(G, [0], steps=20, trials=20),
    }
    for name, run in cases.items():
        run(graphs[1_000])  # warm-up
        t_small = median_seconds(lambda run=run: run(graphs[1_000]))
        t_large = median_seconds(lambda run=run: run(graphs[10_000]))
        growth = t_large / t_small
        verdict(
            f"{name} time",
            t_large < 0.5,
            f"{name}: 1k people {t_small * 1e3:.1f} ms, 10k people {t_large * 1e3:.1f} ms "
            "(target at 10k < 500 ms)",
        )
        verdict(
            f"{name} growth",
            growth <= 12,
            f"{name}: growth {growth:.1f}x per 10x people (target <= 12x; linear is 10x)",
        )


def main() -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"netind-teach core benchmarks (Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f})"
    )
    bench_imports()
    for n_alters in WIDGET_ALTERS:
        bench_widget(n_alters)
    bench_scaling()
    missed = [label for label, ok in results if not ok]
    print("all targets met" if not missed else f"MISSED: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
