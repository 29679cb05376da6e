"""Speed of ``typology.classify_sample`` on 1,000, 10,000 and 100,000 synthetic people.

Run with ``make bench`` or ``python benchmarks/bench_typology.py``. People are drawn
quickly by resampling rows of the synthetic East York sample (seeded), so the age groups
and measures look like the course's data. Each size is timed as the median of several
runs of ``classify_sample`` (medians within age group, reasons included).

Targets: 10,000 people under 1 s; growth per 10x people <= 12x (linear is 10x). Each line
says "met" or "MISSED". Timings depend on the machine and what else runs on it; the load
average is printed.
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from netind_teach import datasets, typology  # noqa: E402

SIZES = (1_000, 10_000, 100_000)
SEED = 7
results: list[tuple[str, bool]] = []


def verdict(label: str, ok: bool, text: str) -> None:
    results.append((label, ok))
    print(f"{text}  -> {'met' if ok else 'MISSED'}")


def resampled_people(n: int, seed: int = SEED) -> pd.DataFrame:
    """``n`` people drawn with replacement from the synthetic East York sample."""
    base = datasets.load("east_york_synthetic")
    rows = np.random.default_rng(seed).integers(0, len(base), size=n)
    people = base.iloc[rows].reset_index(drop=True)
    people["person_id"] = np.arange(1, n + 1)
    return people


def median_seconds(people: pd.DataFrame, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        typology.classify_sample(people)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"netind-teach typology benchmark (Python {sys.version.split()[0]}, pandas "
        f"{pd.__version__}, {os.cpu_count()} CPUs, load average {load:.1f})"
    )
    samples = {n: resampled_people(n) for n in SIZES}
    typology.classify_sample(samples[SIZES[0]])  # warm-up
    seconds = {n: median_seconds(samples[n], repeat=7 if n < 100_000 else 3) for n in SIZES}
    for n in SIZES:
        print(f"classify_sample, {n:>7,} people: {seconds[n] * 1e3:8.1f} ms")
    verdict(
        "10k time",
        seconds[10_000] < 1.0,
        f"classify_sample at 10,000 people: {seconds[10_000] * 1e3:.0f} ms (target < 1 s)",
    )
    for small, large in itertools.pairwise(SIZES):
        growth = seconds[large] / seconds[small]
        verdict(
            f"growth {small}->{large}",
            growth <= 12,
            f"growth {small:,} -> {large:,} people: {growth:.1f}x per 10x "
            "(target <= 12x; linear is 10x)",
        )
    missed = [label for label, ok in results if not ok]
    print("all targets met" if not missed else f"MISSED: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
