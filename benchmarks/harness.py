"""Shared pieces of the benchmarks: results, timing helpers, machine figures, the table.

Every section module (``bench_*.py``) returns a list of :class:`Result`; ``run.py`` prints
them as one table (figure, target, met / MISSED) under the machine's figures and writes
them to ``benchmarks/results.json``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import itertools
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
for _path in (str(ROOT), str(BENCH_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

MET, MISSED, INFO = "met", "MISSED", "-"

#: Distributions whose versions are printed beside the figures.
VERSIONED = (
    "netind-teach",
    "networkx",
    "numpy",
    "pandas",
    "matplotlib",
    "ipywidgets",
    "ipykernel",
    "jupyter_client",
    "nbclient",
)


@dataclass
class Result:
    """One measured figure.

    ``ok`` is True (target met), False (MISSED) or None (a figure shown for information,
    with no target of its own).
    """

    section: str
    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    detail: str = ""

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return INFO
        return MET if self.ok else MISSED


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``.

    >>> percentile([3.0, 1.0, 2.0, 4.0], 50), percentile(list(range(101)), 95)
    (3.0, 95)
    """
    if not values:
        raise ValueError("percentile of no values: measure at least one.")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def best_seconds(f: Callable[[], object], repeat: int = 7) -> float:
    """Fastest wall-clock seconds of ``repeat`` calls of ``f``.

    The ``timeit`` convention for a function whose work does not vary: other programs and
    the garbage collector can only add time, so the minimum is the steadiest estimate
    (the median of a busy machine moved by 3x between runs).
    """
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def growth_results(
    section: str, what: str, seconds: dict[int, float], limit: float = 12.0
) -> list[Result]:
    """Time at each size (information) and the growth per 10x between neighbours (target)."""
    sizes = sorted(seconds)
    out = [Result(section, f"{what}, {n:,} people", seconds[n] * 1e3, "ms") for n in sizes]
    for small, large in itertools.pairwise(sizes):
        per_10x = (seconds[large] / seconds[small]) ** (1 / math.log10(large / small))
        out.append(
            Result(
                section,
                f"{what}, growth {small:,} -> {large:,}",
                per_10x,
                "x per 10x",
                f"<= {limit:g}x (linear 10x)",
                per_10x <= limit,
            )
        )
    return out


# -- the machine ---------------------------------------------------------------------
def cpu_model() -> str:
    """The CPU's model name (Linux /proc/cpuinfo, else the platform's answer)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total_mib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def versions() -> dict[str, str]:
    out = {}
    for name in VERSIONED:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_commit() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        return done.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def load_average() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def machine() -> dict[str, object]:
    """Figures of the machine and environment the benchmarks ran on."""
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "cores_usable": affinity,
        "cpu": cpu_model(),
        "memory_mib": memory_total_mib(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "versions": versions(),
        "git": git_commit(),
        "load_average_start": load_average(),
    }


def machine_lines(info: dict[str, object]) -> list[str]:
    mem = info.get("memory_mib")
    mem_text = f", {float(mem) / 1024:.1f} GiB memory" if mem else ""
    vers = ", ".join(f"{k} {v}" for k, v in dict(info["versions"]).items())  # type: ignore[arg-type]
    load = info.get("load_average_start")
    return [
        f"machine: {info['cores']} cores ({info['cores_usable']} usable), {info['cpu']}"
        f"{mem_text}; {info['os']}",
        f"Python {info['python']}; {vers}",
        f"date {info['date']}; git {info['git']}; load average at start "
        + (f"{load:.2f}" if isinstance(load, float) else "n/a"),
    ]


# -- output ------------------------------------------------------------------------------
def _value_text(r: Result) -> str:
    if r.value is None:
        return "-"
    if r.unit in ("ms", "s") or r.unit.startswith("x") or r.unit.startswith("MiB"):
        digits = 2 if abs(r.value) < 10 else 1 if abs(r.value) < 1000 else 0
        return f"{r.value:.{digits}f} {r.unit}"
    return f"{r.value:g} {r.unit}".strip()


def format_table(results: Sequence[Result]) -> str:
    """The results as one fixed-width table, grouped by section, details underneath."""
    headers = ("figure", "value", "target", "verdict")
    rows = [(r.name, _value_text(r), r.target or "-", r.verdict) for r in results]
    widths = [
        max(len(h), *(len(row[i]) for row in rows)) if rows else len(h)
        for i, h in enumerate(headers)
    ]
    widths[0] = min(widths[0], 64)

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            (c if len(c) <= w else c[: w - 1] + "~").ljust(w) if i == 0 else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    section = None
    for r, row in zip(results, rows, strict=True):
        if r.section != section:
            section = r.section
            out.append(f"[{section}]")
        out.append(line(row))
        if r.detail:
            out.append(f"    {r.detail}")
    return "\n".join(out)


def summary_line(results: Sequence[Result]) -> str:
    missed = [r for r in results if r.ok is False]
    judged = [r for r in results if r.ok is not None]
    if not missed:
        return f"all {len(judged)} targets met"
    names = "; ".join(f"{r.section}: {r.name}" for r in missed)
    return f"{len(missed)} of {len(judged)} targets MISSED: {names}"


def markdown(info: dict[str, object], results: Sequence[Result], seconds: float) -> str:
    """The machine's figures and the results as Markdown (for docs/performance.md)."""
    lines = [f"- {line}" for line in machine_lines(info)]
    lines.append(f"- the whole run took {seconds:.0f} s")
    lines += [
        "",
        "| section | figure | value | target | verdict |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in results:
        name = r.name.replace("|", "/")
        verdict = f"**{r.verdict}**" if r.ok is False else r.verdict
        lines.append(f"| {r.section} | {name} | {_value_text(r)} | {r.target or '-'} | {verdict} |")
    details = [r for r in results if r.detail]
    if details:
        lines += ["", "<details><summary>details of each figure</summary>", ""]
        lines += [f"- *{r.section}: {r.name.replace('|', '/')}*: {r.detail}" for r in details]
        lines += ["", "</details>"]
    return "\n".join(lines)


DOC_START = "<!-- benchmark figures: start (written by benchmarks/run.py --doc) -->"
DOC_END = "<!-- benchmark figures: end -->"


def update_doc(path: Path, block: str) -> None:
    """Replace the text between the figure markers of ``path`` with ``block``."""
    text = path.read_text(encoding="utf-8")
    if DOC_START not in text or DOC_END not in text:
        raise ValueError(
            f"{path} has no figure markers; put {DOC_START!r} and {DOC_END!r} where the figures go."
        )
    head, rest = text.split(DOC_START, 1)
    _, tail = rest.split(DOC_END, 1)
    path.write_text(f"{head}{DOC_START}\n{block}\n{DOC_END}{tail}", encoding="utf-8")


def write_json(
    path: Path, info: dict[str, object], results: Sequence[Result], extra: dict[str, object]
) -> None:
    payload = {
        "machine": info,
        **extra,
        "results": [asdict(r) | {"verdict": r.verdict} for r in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")


# -- a scratch environment ---------------------------------------------------------------
_SCRATCH_VARS = {
    "NETIND_TEACH_HOME": "netind-teach",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}


@contextlib.contextmanager
def scratch_environment() -> Iterator[Path]:
    """Point Jupyter, IPython, matplotlib and course progress at a temporary folder.

    Kernels and subprocesses started inside inherit it, so a benchmark never reads or
    changes the user's own settings or progress. ``MPLBACKEND`` is removed so kernels
    draw with Jupyter's inline backend, as in a classroom.
    """
    saved = {k: os.environ.get(k) for k in (*_SCRATCH_VARS, "MPLBACKEND")}
    with tempfile.TemporaryDirectory(prefix="netind-bench-") as tmp:
        root = Path(tmp)
        for variable, folder in _SCRATCH_VARS.items():
            (root / folder).mkdir()
            os.environ[variable] = str(root / folder)
        os.environ.pop("MPLBACKEND", None)
        try:
            yield root
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
