"""Import cost and the simulations' scale, printed against targets.

1. Import cost: ``import netind_teach`` alone, and with the modules a lesson's first cells
   use (models, egonet, diffusion), against ``import networkx`` alone, each in fresh
   interpreters (seconds spent in the import statement, interpreter start-up excluded;
   median of interleaved runs, after one warm-up run that writes byte-code caches).
   Target: ratio <= 1.2 (heavy imports deferred).
2. ``diffusion.reach`` and ``diffusion.spread`` on networks of groups of 1,000 and 10,000
   people: time at 10,000 (target < 500 ms) and the growth per 10x in size (target
   <= 12x; linear is 10x).

The 150-person widget-sized drawing this module used to time is now the stress row of
``bench_widgets.py``, beside the lessons' real widgets.

Run alone with ``python benchmarks/bench_core.py`` (or all benchmarks: ``run.py``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Sequence

from harness import ROOT, Result, best_seconds, growth_results

IMPORT_RUNS = 15
IMPORT_LIMIT = 1.2
SCALE_SIZES = (1_000, 10_000)
LARGE_LIMIT_S = 0.5
IMPORTS = {
    "import netind_teach": "import netind_teach",
    "import netind_teach + models, egonet, diffusion": (
        "import netind_teach, netind_teach.models, netind_teach.egonet, netind_teach.diffusion"
    ),
}
BASE = "import networkx"


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
    return float(out.stdout.strip().splitlines()[-1])


def measure_imports(runs: int = IMPORT_RUNS) -> list[Result]:
    statements = [BASE, *IMPORTS.values()]
    times: dict[str, list[float]] = {s: [] for s in statements}
    for s in statements:  # warm-up: writes byte-code caches, fills the disk cache
        child_import_seconds(s)
    for _ in range(runs):  # interleaved, so drift in machine load hits all alike
        for s in statements:
            times[s].append(child_import_seconds(s))
    base = statistics.median(times[BASE])
    out = []
    for name, statement in IMPORTS.items():
        ours = statistics.median(times[statement])
        ratio = ours / base
        out.append(
            Result(
                "imports",
                f"{name} / import networkx",
                ratio,
                "x",
                f"<= {IMPORT_LIMIT:g}x",
                ratio <= IMPORT_LIMIT,
                f"{ours * 1e3:.0f} ms vs networkx alone {base * 1e3:.0f} ms (median of {runs} "
                "fresh interpreters each)",
            )
        )
    return out


def measure_scale(sizes: Sequence[int] = SCALE_SIZES, repeat: int = 7) -> list[Result]:
    from netind_teach import diffusion, models

    graphs = {
        n: models.group_network(n // 10, 10, seed=0, weak_share=0.3, online_share=0.1)
        for n in sizes
    }
    availability = {"strong": 0.6, "weak": 0.4, "online": 0.9}
    cases = {
        "reach (10 hops, 200 trials)": lambda G: diffusion.reach(
            G, availability, hops=10, ego=0, trials=200
        ),
        "spread (20 steps, 20 trials)": lambda G: diffusion.spread(G, [0], steps=20, trials=20),
    }
    out: list[Result] = []
    for name, run in cases.items():
        run(graphs[sizes[0]])  # warm-up
        seconds = {n: best_seconds(lambda run=run, n=n: run(graphs[n]), repeat) for n in sizes}
        rows = growth_results("scale-simulate", name, seconds)
        largest = rows[len(sizes) - 1]
        largest.target = f"< {LARGE_LIMIT_S * 1e3:g} ms"
        largest.ok = seconds[sizes[-1]] < LARGE_LIMIT_S
        out += rows
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import run

    return run.main(["--only", "imports,scale-simulate", *(argv or [])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
