"""Run the course's benchmarks and print one table: each figure, its target, met or MISSED.

Usage (``make bench`` runs the first)::

    python benchmarks/run.py                    # everything: 2-4 minutes on 2 cores
    python benchmarks/run.py --quick            # tiny inputs: checks the harness works
    python benchmarks/run.py --only widgets,lessons --lessons lessons/03_*.ipynb

Sections (``--only``):

* ``imports``         ``import netind_teach`` against ``import networkx`` (bench_core.py)
* ``scale-simulate``  reach and spread on 1k and 10k people (bench_core.py)
* ``scale-typology``  the typology of 1k, 10k, 100k synthetic people (bench_typology.py)
* ``widgets``         50 updates of every lesson widget, p50 / p95 (bench_widgets.py)
* ``lessons``         each lesson's run time against its floor, and its kernel's peak
                      memory (bench_lessons.py)
* ``answers``         the slowest check of a 1 MB answer, every exercise (bench_answers.py)

The machine's figures (cores, CPU, Python, library versions, load) are printed above the
table; everything is also written to ``benchmarks/results.json`` (not committed).
Jupyter, IPython, matplotlib and the course's progress files point at a temporary folder
for the run. The exit status is 0 when the benchmarks ran, whatever the verdicts
(``--strict``: 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import glob
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import harness
from harness import Result

SECTIONS = ("imports", "scale-simulate", "scale-typology", "widgets", "lessons", "answers")
DEFAULT_JSON = harness.BENCH_DIR / "results.json"


def _sections(text: str) -> list[str]:
    chosen = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}"
        )
    return chosen


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description="Speed and memory of the course, against their targets.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny inputs and few repeats: checks the harness, not the speed",
    )
    parser.add_argument(
        "--only",
        type=_sections,
        default=list(SECTIONS),
        help=f"comma-separated sections: {','.join(SECTIONS)}",
    )
    parser.add_argument(
        "--lessons",
        nargs="+",
        metavar="NOTEBOOK",
        help="notebooks to measure (default lessons/*.ipynb)",
    )
    parser.add_argument("--repeat", type=int, help="runs of each lesson and floor (3)")
    parser.add_argument("--updates", type=int, help="updates per widget (50)")
    parser.add_argument(
        "--json",
        type=Path,
        default=DEFAULT_JSON,
        help=f"where to write the results (default {DEFAULT_JSON})",
    )
    parser.add_argument("--no-json", action="store_true", help="do not write the JSON file")
    parser.add_argument(
        "--doc",
        type=Path,
        metavar="MARKDOWN",
        help="also write the figures into this file, between its figure markers "
        "(docs/performance.md)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = parser.parse_args(argv)
    if args.doc is not None:
        text = args.doc.read_text(encoding="utf-8") if args.doc.is_file() else ""
        if harness.DOC_START not in text or harness.DOC_END not in text:
            parser.error(
                f"--doc {args.doc}: the file needs the lines {harness.DOC_START} and "
                f"{harness.DOC_END} around where the figures go"
            )
    for name in ("repeat", "updates"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name} must be at least 1, got {value}")
    return args


def plan(args: argparse.Namespace) -> dict[str, Callable[[], list[Result]]]:
    """What each chosen section runs, with the sizes ``--quick`` or the defaults give."""
    import bench_answers
    import bench_core
    import bench_lessons
    import bench_typology
    import bench_widgets

    quick = args.quick
    lessons = None
    if args.lessons:
        lessons = sorted({Path(p) for pattern in args.lessons for p in glob.glob(pattern)})
        if not lessons:
            raise SystemExit(f"no notebook matches {' '.join(args.lessons)}")
    repeat = args.repeat or (1 if quick else 3)
    updates = args.updates or (5 if quick else bench_widgets.UPDATES)
    steps: dict[str, Callable[[], list[Result]]] = {
        "imports": lambda: bench_core.measure_imports(runs=2 if quick else bench_core.IMPORT_RUNS),
        "scale-simulate": lambda: bench_core.measure_scale(
            sizes=(100, 1_000) if quick else bench_core.SCALE_SIZES, repeat=2 if quick else 7
        ),
        "scale-typology": lambda: bench_typology.measure(
            sizes=(100, 1_000) if quick else bench_typology.SIZES
        ),
        "widgets": lambda: bench_widgets.measure(updates=updates, stress=not quick),
        "lessons": lambda: bench_lessons.measure(lessons, repeat=repeat),
        "answers": lambda: bench_answers.measure(
            size=10_000 if quick else bench_answers.MB, repeat=1 if quick else 3
        ),
    }
    return {name: steps[name] for name in SECTIONS if name in args.only}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    info = harness.machine()
    print(
        "netind-teach benchmarks"
        + (" (--quick: tiny inputs, figures not meaningful)" if args.quick else "")
    )
    for line in harness.machine_lines(info):
        print("  " + line)
    results: list[Result] = []
    timings: dict[str, float] = {}
    with harness.scratch_environment():
        for name, step in plan(args).items():
            print(f"  running {name} ...", flush=True)
            t = time.perf_counter()
            results += step()
            timings[name] = round(time.perf_counter() - t, 1)
    elapsed = time.perf_counter() - started
    load = harness.load_average()
    print()
    print(harness.format_table(results))
    print()
    print(harness.summary_line(results))
    print(
        f"benchmarks took {elapsed:.0f} s ("
        + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
        + ")"
        + (f"; load average at end {load:.2f}" if load is not None else "")
    )
    if not args.no_json:
        harness.write_json(
            args.json,
            info,
            results,
            {
                "quick": args.quick,
                "seconds": round(elapsed, 1),
                "section_seconds": timings,
                "load_average_end": load,
            },
        )
        print(f"results written to {args.json}")
    if args.doc:
        harness.update_doc(args.doc, harness.markdown(info, results, elapsed))
        print(f"figures written into {args.doc}")
    missed = any(r.ok is False for r in results)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
