"""Each lesson's run time against its floor, and its kernel's peak memory.

For every ``lessons/*.ipynb``: execute it headless on a fresh kernel (nbclient, in a
scratch copy of ``lessons/``), and execute its *floor*: a notebook that only starts a
kernel and runs the lesson's own import lines (found in its code cells). Each time runs
from asking for a kernel to the end of the last cell (kernel shutdown excluded, for both).
Floor and lesson runs are interleaved and repeated; the medians are compared.

Targets: each lesson <= 2.0x its floor; the whole course <= 1.5x the sum of the floors;
the peak resident memory (VmHWM) of each lesson's kernel < 300 MiB.

Run alone with ``python benchmarks/bench_lessons.py`` (or all benchmarks: ``run.py``).
"""

from __future__ import annotations

import ast
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from harness import ROOT, Result

SECTION = "lessons"
LESSON_LIMIT = 2.0
COURSE_LIMIT = 1.5
RSS_LIMIT_MIB = 300.0
TIMEOUT = 600
#: What the warm-up kernel imports (fills byte-code, font and IPython caches once).
WARM_UP = (
    "import matplotlib.pyplot as plt\nimport ipywidgets\nimport pandas\nimport networkx\n"
    "import netind_teach\nplt.figure(); plt.close('all')"
)


#: Heavy libraries whose loading a lesson may trigger without naming them in its imports.
HEAVY = ("matplotlib", "matplotlib.pyplot", "pandas", "ipywidgets", "networkx", "numpy", "scipy")
PROBE = (
    "import json as _json, sys as _sys\n"
    f"print(_json.dumps([_m for _m in {HEAVY!r} if _m in _sys.modules]))"
)


# -- the floor --------------------------------------------------------------------------
def _top_level_imports(body: Iterable[ast.stmt]) -> Iterable[ast.stmt]:
    """Import statements run when a cell runs: at top level or inside if/try/with blocks."""
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            for part in ("body", "orelse", "finalbody"):
                yield from _top_level_imports(getattr(node, part, []))
            for handler in getattr(node, "handlers", []):
                yield from _top_level_imports(handler.body)


def _python_source(source: str) -> str:
    """A cell's source with IPython magics and shell escapes blanked out."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )


def lesson_imports(nb) -> list[str]:
    """The import lines of a notebook's code cells, in order, each once.

    Cells that do not parse as Python are skipped. Imports inside functions and classes
    are not counted: they run only when the lesson calls them, which is lesson work.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("%matplotlib inline\\nimport numpy as np\\nx = 1"),
    ...     nbformat.v4.new_code_cell("from netind_teach import models\\nimport numpy as np"),
    ...     nbformat.v4.new_code_cell("def f():\\n    import json")])
    >>> lesson_imports(nb)
    ['import numpy as np', 'from netind_teach import models']
    """
    seen: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(_python_source(cell.source))
        except SyntaxError:
            continue
        for node in _top_level_imports(tree.body):
            line = ast.unparse(node)
            if line not in seen:
                seen.append(line)
    return seen


def floor_notebook(nb):
    """A notebook with one code cell: the lesson's import lines (nothing else).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import json\\n1")])
    >>> floor_notebook(nb).cells[0].source
    'import json'
    """
    import nbformat

    source = "\n".join(lesson_imports(nb)) or "pass"
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source)], metadata=dict(nb.metadata)
    )


# -- running one notebook ---------------------------------------------------------------
@dataclass
class Run:
    """One headless execution."""

    seconds: float  # from asking for a kernel to the end of the last cell
    kernel_seconds: float  # from asking for a kernel to the kernel answering
    peak_mib: float | None  # the kernel's peak resident memory (VmHWM)
    cpu_seconds: float | None = None  # CPU time the kernel process used, to the last cell
    cell_seconds: dict[int, float] = field(default_factory=dict)  # notebook index -> s
    error: str = ""
    loaded: list[str] = field(default_factory=list)  # which of HEAVY the kernel ended with


def peak_rss_mib(pid: int) -> float | None:
    """Peak resident memory of process ``pid`` in MiB (Linux VmHWM; else psutil's RSS)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil
    except ImportError:
        return None
    try:
        return psutil.Process(pid).memory_info().rss / 2**20
    except psutil.Error:
        return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds process ``pid`` has used (Linux /proc; else psutil)."""
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil

        times = psutil.Process(pid).cpu_times()
        return times.user + times.system
    except Exception:
        return None


def _kernel_pid(client) -> int | None:
    km = client.km
    pid = getattr(getattr(km, "provisioner", None), "pid", None)
    if pid is None:
        pid = getattr(getattr(km, "kernel", None), "pid", None)
    return pid


def execute(nb, workdir: Path, timeout: int = TIMEOUT) -> Run:
    """Execute ``nb`` on a fresh kernel in ``workdir``; time it and read the kernel's peak.

    The time runs from asking for a kernel to the end of the last cell; the kernel's
    shutdown is left out. The peak memory and CPU time are read from the kernel process
    after each cell. After the timed cells, one more cell lists which of :data:`HEAVY`
    the kernel has loaded (``Run.loaded``); it is not timed.
    """
    import copy
    import json

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = copy.deepcopy(nb)
    probe_index = len(nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    marks: list[float] = []
    cells: dict[int, float] = {}
    peaks: list[float] = []
    cpu: list[float] = []

    def ready(**_kwargs) -> None:
        marks.append(time.perf_counter())

    def after_cell(cell_index: int, **_kwargs) -> None:
        if cell_index == probe_index:
            return
        now = time.perf_counter()
        cells[cell_index] = now - marks[-1]
        marks.append(now)
        pid = _kernel_pid(client)
        peak = peak_rss_mib(pid) if pid else None
        if peak is not None:
            peaks.append(peak)
        used = cpu_seconds(pid) if pid else None
        if used is not None:
            cpu.append(used)

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
        on_notebook_start=ready,
        on_cell_executed=after_cell,
        # quiet the kernel's start-up warnings (both floor and lesson get the same)
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    error = ""
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        text = str(exc).strip()
        error = text.splitlines()[-1][:200] if text else "a cell raised an error"
    except Exception as exc:  # a kernel that dies or times out is a result, not a crash
        error = f"{type(exc).__name__}: {exc}"[:200]
    end = marks[-1] if marks else time.perf_counter()
    kernel = marks[0] - start if marks else end - start
    loaded: list[str] = []
    for output in nb.cells[probe_index].get("outputs", []):
        if output.get("name") == "stdout":
            loaded = json.loads(output["text"].strip().splitlines()[-1])
    return Run(
        end - start,
        kernel,
        max(peaks) if peaks else None,
        cpu[-1] if cpu else None,
        cells,
        error,
        loaded,
    )


def warm_up(workdir: Path) -> None:
    """One unmeasured kernel run that fills the caches every later run would find full."""
    import nbformat

    execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(WARM_UP)]), workdir)


# -- the section ------------------------------------------------------------------------
@dataclass
class LessonFigures:
    name: str
    imports: list[str]
    lesson: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)

    @property
    def error(self) -> str:
        return next((r.error for r in self.lesson + self.floor if r.error), "")

    def median(self, runs: list[Run]) -> float:
        return statistics.median(r.seconds for r in runs)

    def implicit(self) -> list[str]:
        """Heavy libraries the lesson ends up loading that its floor (its imports) does not."""
        floor = set().union(*(r.loaded for r in self.floor)) if self.floor else set()
        lesson = set().union(*(r.loaded for r in self.lesson)) if self.lesson else set()
        return [m for m in HEAVY if m in lesson - floor]

    def slowest_cells(self, n: int = 3) -> list[tuple[int, float]]:
        """The ``n`` slowest code cells (notebook index, median seconds)."""
        indexes = set().union(*(r.cell_seconds for r in self.lesson))
        medians = {
            i: statistics.median(r.cell_seconds[i] for r in self.lesson if i in r.cell_seconds)
            for i in indexes
        }
        return sorted(medians.items(), key=lambda kv: kv[1], reverse=True)[:n]

    def peak(self) -> float | None:
        peaks = [r.peak_mib for r in self.lesson if r.peak_mib is not None]
        return max(peaks) if peaks else None


def default_lessons() -> list[Path]:
    return sorted((ROOT / "lessons").glob("*.ipynb"))


def measure(paths: Sequence[Path] | None = None, repeat: int = 3) -> list[Result]:
    """Run every lesson and its floor ``repeat`` times, interleaved; return the results."""
    import nbformat

    paths = list(default_lessons() if paths is None else paths)
    if not paths:
        return [
            Result(
                SECTION,
                "lessons found",
                0,
                "",
                "at least one",
                False,
                "no lessons/*.ipynb to measure",
            )
        ]
    figures: dict[Path, LessonFigures] = {}
    notebooks = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        notebooks[path] = (nb, floor_notebook(nb))
        figures[path] = LessonFigures(path.stem, lesson_imports(nb))
    saved = {k: os.environ.get(k) for k in ("NETIND_TEACH_HOME", "TMPDIR")}
    try:
        with tempfile.TemporaryDirectory(prefix="netind-bench-lessons-") as tmp:
            scratch = Path(tmp)
            warm_up(scratch)
            for round_ in range(repeat):
                for i, path in enumerate(paths):
                    _run_pair(path, notebooks[path], figures[path], scratch, round_, i)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return results_of(list(figures.values()))


def _run_pair(
    path: Path, notebooks, figures: LessonFigures, scratch: Path, round_: int, i: int
) -> None:
    """Run a lesson and its floor once each, in an order that alternates between calls."""
    nb, floor = notebooks
    order = (("floor", floor), ("lesson", nb))
    if (round_ + i) % 2:  # alternate which goes first, so drift in load hits both
        order = order[::-1]
    for kind, notebook in order:
        # a fresh scratch copy of the lessons' folder and a fresh progress folder per
        # run: every run is a first-time learner, no run sees files an earlier run wrote
        workdir = scratch / f"{kind}-{round_}-{path.stem}"
        shutil.copytree(path.parent, workdir)
        os.environ["NETIND_TEACH_HOME"] = str(workdir / ".netind-teach")
        # files a lesson puts in temporary folders go into the scratch copy too
        (workdir / ".tmp").mkdir()
        os.environ["TMPDIR"] = str(workdir / ".tmp")
        getattr(figures, kind).append(execute(notebook, workdir))
        shutil.rmtree(workdir, ignore_errors=True)


def results_of(figures: list[LessonFigures]) -> list[Result]:
    out: list[Result] = []
    total_lesson = total_floor = cpu_lesson_total = cpu_floor_total = 0.0
    all_ok = True
    for f in figures:
        if f.error:
            all_ok = False
            out.append(
                Result(
                    SECTION,
                    f"{f.name}: runs",
                    None,
                    "",
                    "no error",
                    False,
                    f"execution failed: {f.error}",
                )
            )
            continue
        lesson_s, floor_s = f.median(f.lesson), f.median(f.floor)
        total_lesson += lesson_s
        total_floor += floor_s
        ratio = lesson_s / floor_s
        slow_text = ", ".join(
            f"cell {index} {seconds:.2f} s" for index, seconds in f.slowest_cells()
        )
        kernel_s = statistics.median(r.kernel_seconds for r in f.floor)
        cpu_text = ""
        if all(r.cpu_seconds for r in f.lesson + f.floor):
            cpu_lesson = statistics.median(r.cpu_seconds for r in f.lesson)
            cpu_floor = statistics.median(r.cpu_seconds for r in f.floor)
            cpu_lesson_total += cpu_lesson
            cpu_floor_total += cpu_floor
            cpu_text = (
                f"; kernel CPU {cpu_lesson:.2f} s vs {cpu_floor:.2f} s = "
                f"{cpu_lesson / cpu_floor:.2f}x"
            )
        out.append(
            Result(
                SECTION,
                f"{f.name}: run time / floor",
                ratio,
                "x",
                f"<= {LESSON_LIMIT:g}x",
                ratio <= LESSON_LIMIT,
                f"lesson {lesson_s:.2f} s, floor {floor_s:.2f} s (kernel start {kernel_s:.2f} s + "
                f"{len(f.imports)} import lines), median of {len(f.lesson)}{cpu_text}; "
                f"slowest cells: {slow_text or 'n/a'}"
                + (
                    f"; loads {', '.join(f.implicit())} without naming them in its imports "
                    "(their loading counts as lesson time)"
                    if f.implicit()
                    else ""
                ),
            )
        )
        peak = f.peak()
        out.append(
            Result(
                SECTION,
                f"{f.name}: kernel peak memory",
                peak,
                "MiB",
                f"< {RSS_LIMIT_MIB:g} MiB",
                None if peak is None else peak < RSS_LIMIT_MIB,
                "" if peak is not None else "peak memory unreadable on this system",
            )
        )
    if total_floor and all_ok:
        ratio = total_lesson / total_floor
        out.append(
            Result(
                SECTION,
                "whole course: run time / sum of floors",
                ratio,
                "x",
                f"<= {COURSE_LIMIT:g}x",
                ratio <= COURSE_LIMIT,
                f"lessons {total_lesson:.1f} s, floors {total_floor:.1f} s"
                + (
                    f"; kernel CPU {cpu_lesson_total:.1f} s vs {cpu_floor_total:.1f} s = "
                    f"{cpu_lesson_total / cpu_floor_total:.2f}x"
                    if cpu_floor_total
                    else ""
                ),
            )
        )
    elif total_floor:
        out.append(
            Result(
                SECTION,
                "whole course: run time / sum of floors",
                None,
                "",
                f"<= {COURSE_LIMIT:g}x",
                False,
                "not computed: a lesson failed to run (see above)",
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import run

    return run.main(["--only", SECTION, *(argv or [])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
