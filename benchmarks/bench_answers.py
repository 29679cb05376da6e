"""Time to answer a long or crafted answer, for every exercise that reads text.

Issue 18 item 6: ``Numeric`` parsing was quadratic (``"1" * 80000 + "x\\ny"`` took about
40 s). Each exercise here checks inputs of 10 characters and of 1 MB, including that
crafted shape; the slowest 1 MB check of each exercise is reported against 50 ms, and the
ratio 1 MB / 10 characters shows the cost does not grow with the input (a linear parser
would give about 100,000x; a length cap gives about 1x). Progress files are not written
(the exercises have no lesson), so only reading and judging the answer is timed.

Run alone with ``python benchmarks/bench_answers.py`` (or all benchmarks: ``run.py``).
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence

from harness import Result, best_seconds

SECTION = "answers"
LIMIT_MS = 50.0
MB = 1_000_000
SHAPES = {
    "digits": lambda n: "1" * (n - 3) + "x\ny",
    "commas": lambda n: "1," * (n // 2),
    "spaces": lambda n: " " * (n - 1) + "5",
    "letters": lambda n: "b" * n,
    "label": lambda n: ("b) Barry Wellman " * (n // 17 + 1))[:n],
}


def _exercises(free_text: bool):
    from netind_teach.exercises import CodeExercise, Exercise, Reflection, definitions, lessons

    return [
        Exercise(dataclasses.replace(d, lesson=""))
        for lesson in lessons()
        for d in definitions(lesson)
        # code is compiled and run (timed by its own limit); reflections read all the text
        if not isinstance(d, CodeExercise) and isinstance(d, Reflection) is free_text
    ]


def _slowest(exercise, size: int, repeat: int) -> tuple[float, float]:
    """Seconds of the slowest check at 10 characters and at ``size``, over every shape."""
    check = exercise.check
    short = max(best_seconds(lambda f=f: check(f(10)), repeat) for f in SHAPES.values())
    texts = [f(size) for f in SHAPES.values()]
    long = max(best_seconds(lambda t=t: check(t), repeat) for t in texts)
    return short, long


def measure(size: int = MB, repeat: int = 3) -> list[Result]:
    out = []
    for free_text in (False, True):
        worst_ms, worst_name, ratios = 0.0, "", []
        exercises = _exercises(free_text)
        for exercise in exercises:
            short, long = _slowest(exercise, size, repeat)
            ratios.append(long / max(short, 1e-7))
            if long * 1e3 > worst_ms:
                worst_ms, worst_name = long * 1e3, exercise.definition.id
        what = "reflection (free text, read whole)" if free_text else "answer"
        out.append(
            Result(
                SECTION,
                f"slowest check of a {size / MB:g} MB {what}",
                worst_ms,
                "ms",
                "" if free_text else f"< {LIMIT_MS:g} ms",
                None if free_text else worst_ms < LIMIT_MS,
                f"{worst_name}; {len(exercises)} exercises x {len(SHAPES)} shapes, "
                f"best of {repeat}; largest ratio to a 10-character answer {max(ratios):,.0f}x "
                f"(constant cost: about 1x; linear: about {size // 10:,}x)",
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import run

    return run.main(["--only", SECTION, *(argv or [])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
