"""Where a lesson's own work goes: each code cell's kernel CPU time, and a profile of it.

``make bench`` says how a lesson compares with its floor (a kernel start and the
lesson's import lines); this says where the difference goes. The lesson runs headless on
a fresh kernel, as in the benchmark (scratch copy of ``lessons/``, scratch progress,
Jupyter and matplotlib settings, one warm-up kernel first): its import lines run first,
unmeasured, then every code cell as in the lesson, the kernel's CPU time (all its
threads) read before and after each one. ``--profile`` runs cProfile (timer: CPU time)
over the chosen cells, or all of them, and prints the functions that took longest;
``--stats FILE`` keeps the statistics for ``pstats`` or snakeviz.

Usage::

    python benchmarks/profile_lesson.py lessons/05_your_network.ipynb
    python benchmarks/profile_lesson.py lessons/05_*.ipynb --profile 34,35 --top 30

Cells are numbered as in the benchmark's "slowest cells" (notebook index, counting
markdown cells). Under cProfile everything runs slower, many small calls most: compare
profiles with profiles, and CPU times without ``--profile`` with each other.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench_lessons import lesson_imports, warm_up
from harness import scratch_environment

#: The first line of the last cell's output: the measurements, as JSON.
MARK = "netind-profile:"


def instrumented(nb, profile: set[int] | None = None, stats: str | None = None):
    """Return ``nb`` rewritten to time (and optionally profile) each code cell.

    The new notebook runs the lesson's import lines first, then each code cell of the
    lesson between two small cells that read the kernel's CPU time, then one cell that
    prints :data:`MARK` and the times (and writes the profile to ``stats``).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The lesson.
    profile : set of int, optional
        Notebook indexes of the cells to profile; an empty set profiles every code cell,
        None none.
    stats : str, optional
        Where the profile's statistics are written (needed when ``profile`` is given).

    Returns
    -------
    nbformat.NotebookNode

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("# Lesson"),
    ...     nbformat.v4.new_code_cell("import json\\nx = json.dumps(1)")])
    >>> cells = instrumented(nb).cells  # imports; start, the cell, its time; the report
    >>> cells[0].source.splitlines()[-1], cells[2].source
    ('import json', 'import json\\nx = json.dumps(1)')
    >>> "_cpu_[1] = " in cells[3].source, len(cells), cells[-1].source.count(MARK)
    (True, 5, 1)
    """
    import nbformat

    def code(source: str):
        return nbformat.v4.new_code_cell(source)

    chosen = set() if profile is None else profile
    on = profile is not None
    cells = [
        code(
            "import cProfile as _cprofile_, json as _json_, time as _time_\n"
            f"_profile_ = _cprofile_.Profile(_time_.process_time) if {on} else None\n"
            "_cpu_ = {}\n" + "\n".join(lesson_imports(nb))
        )
    ]
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        profiled = on and (not chosen or index in chosen)
        cells.append(
            code("_start_ = _time_.process_time()" + ("\n_profile_.enable()" if profiled else ""))
        )
        cells.append(code(cell.source))
        cells.append(
            code(
                ("_profile_.disable()\n" if profiled else "")
                + f"_cpu_[{index}] = _time_.process_time() - _start_"
            )
        )
    dump = f"_profile_.dump_stats({stats!r})\n" if on else ""
    cells.append(code(dump + f"print({MARK!r} + _json_.dumps(_cpu_))"))
    return nbformat.v4.new_notebook(cells=cells, metadata=dict(nb.metadata))


def run(path: Path, profile: set[int] | None, stats: Path | None) -> dict[int, float]:
    """Run lesson ``path`` instrumented; return its code cells' kernel CPU seconds."""
    import nbformat
    from nbclient import NotebookClient

    nb = instrumented(nbformat.read(path, as_version=4), profile, str(stats) if stats else None)
    with scratch_environment() as scratch:
        warm_up(scratch)
        workdir = scratch / "lessons"
        shutil.copytree(path.parent, workdir)
        (workdir / ".tmp").mkdir()
        saved = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = str(workdir / ".tmp")  # the lesson's temporary files too
        try:
            NotebookClient(
                nb,
                timeout=600,
                kernel_name="python3",
                resources={"metadata": {"path": str(workdir)}},
                extra_arguments=["--IPKernelApp.log_level=ERROR"],
            ).execute()
        finally:
            if saved is None:
                os.environ.pop("TMPDIR", None)
            else:
                os.environ["TMPDIR"] = saved
    text = "".join(out.get("text", "") for out in nb.cells[-1].get("outputs", []))
    line = next(line for line in text.splitlines() if line.startswith(MARK))
    return {int(k): v for k, v in json.loads(line[len(MARK) :]).items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/profile_lesson.py", description=__doc__)
    parser.add_argument("notebook", help="a lesson (a glob pattern is fine)")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="",
        metavar="CELLS",
        help="profile these cells (comma-separated notebook indexes; none given: all)",
    )
    parser.add_argument("--top", type=int, default=25, help="functions printed (25)")
    parser.add_argument("--stats", type=Path, help="write the profile's statistics here")
    args = parser.parse_args(argv)
    matches = sorted(glob.glob(args.notebook)) or [args.notebook]
    path = Path(matches[0]).resolve()
    chosen = None
    if args.profile is not None:
        chosen = {int(part) for part in args.profile.split(",") if part.strip()}
    stats = args.stats
    if chosen is not None and stats is None:
        stats = Path(tempfile.gettempdir()) / f"{path.stem}.pstats"
    cpu = run(path, chosen, stats.resolve() if stats else None)
    total = sum(cpu.values())
    print(f"{path.name}: the lesson's own work, kernel CPU {total:.2f} s in {len(cpu)} cells")
    for index, seconds in sorted(cpu.items(), key=lambda kv: kv[1], reverse=True):
        print(f"  cell {index:>3}: {seconds * 1000:7.1f} ms")
    if stats is not None:
        import pstats

        print(f"\nprofile of cells {args.profile or 'all'} ({stats}):")
        pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
