"""Speed of ``typology.classify_sample`` on 1,000, 10,000 and 100,000 synthetic people.

People are drawn quickly by resampling rows of the synthetic East York sample (seeded), so
the age groups and measures look like the course's data. Each size is timed as the best
of several runs of ``classify_sample`` (medians within age group, reasons included).

Targets: 10,000 people under 1 s; growth per 10x people <= 12x (linear is 10x).

Run alone with ``python benchmarks/bench_typology.py`` (or all benchmarks: ``run.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from harness import Result, best_seconds, growth_results

SIZES = (1_000, 10_000, 100_000)
SEED = 7
TEN_K_LIMIT_S = 1.0
SECTION = "scale-typology"


def resampled_people(n: int, seed: int = SEED):
    """``n`` people drawn with replacement from the synthetic East York sample."""
    import numpy as np

    from netind_teach import datasets

    base = datasets.load("east_york_synthetic")
    rows = np.random.default_rng(seed).integers(0, len(base), size=n)
    people = base.iloc[rows].reset_index(drop=True)
    people["person_id"] = np.arange(1, n + 1)
    return people


def measure(sizes: Sequence[int] = SIZES) -> list[Result]:
    from netind_teach import typology

    samples = {n: resampled_people(n) for n in sizes}
    typology.classify_sample(samples[sizes[0]])  # warm-up
    seconds = {
        n: best_seconds(
            lambda n=n: typology.classify_sample(samples[n]), repeat=15 if n < 100_000 else 9
        )
        for n in sizes
    }
    rows = growth_results(SECTION, "typology.classify_sample", seconds)
    if 10_000 in seconds:
        ten_k = rows[list(sizes).index(10_000)]
        ten_k.target = f"< {TEN_K_LIMIT_S:g} s"
        ten_k.ok = seconds[10_000] < TEN_K_LIMIT_S
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    import run

    return run.main(["--only", SECTION, *(argv or [])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
