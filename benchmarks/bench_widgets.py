"""Update latency of every lesson widget: 50 updates each, p50 and p95, redraw included.

Each widget in :data:`widget_drivers.DRIVERS` is built as a lesson builds it, updated once
to warm up, then updated ``n`` times from Python (a control's value set, the callback and
its redraw to PNG/HTML run synchronously in this process, matplotlib on Agg). The
percentiles of the process's CPU time per update are judged: the work the update does,
which is what a learner waits for on a machine of their own. Wall-clock percentiles are
printed beside them; on a busy machine (a shared lab server, other jobs) they are higher by
the time spent waiting for other programs. The browser's own rendering of the new PNG is
not included.

Targets: p95 < 100 ms when the redraw draws a whole network; < 50 ms otherwise. Widgets
no driver covers are listed as "no driver: add one".

A stress figure is added (the update ``bench_core.py`` timed before): a 150-person
synthetic ego network regenerated, measured, laid out from its previous positions and
drawn, about four times the largest network a lesson widget draws, against the 100 ms
network target.

Run alone with ``python benchmarks/bench_widgets.py`` (or all benchmarks: ``run.py``).
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Sequence
from typing import Any

from harness import Result, percentile
from widget_drivers import DRIVERS, Driver, Skip, uncovered

SECTION = "widgets"
UPDATES = 50
NETWORK_LIMIT_MS = 100.0
OTHER_LIMIT_MS = 50.0
STRESS_ALTERS = 149  # 150 people with ego


class StressNetwork:
    """Not a lesson widget: a 150-person network redrawn on each slider step (stress).

    Built as the lesson widgets that redraw networks are: regenerate, summarise, move the
    layout on from the previous positions, draw on one reused 600x600 px figure
    (:class:`netind_teach.egodraw.EgoPicture`) with the title, key and the note on thinned
    ties as HTML (:func:`netind_teach.egodraw.ties_note`), encode the
    PNG; the garbage collector paused during the update (:func:`netind_teach.collector.paused`).
    The update's network is dropped before the pause ends, so the update's own young
    collection frees it (a networkx graph holds reference cycles through its cached views):
    kept alive past it, each network was promoted and lay uncollected (80 MiB more after 50
    updates), where a full pass would later have had to find it.
    """

    def __init__(self, n_alters: int = STRESS_ALTERS) -> None:
        from netind_teach import collector, egodraw, egonet, models

        self._collector, self._egonet, self._models = collector, egonet, models
        self._egodraw = egodraw
        self.n_alters = n_alters
        self.picture = egodraw.EgoPicture((6, 6), dpi=100)
        end = models.community_continuum(1.0, seed=1, n_alters=n_alters)
        self.pos = egodraw.stable_layout(end)
        self.title = self.key = ""
        self.png = b""

    def show(self, p: float) -> None:
        with self._collector.paused():
            self._redraw(p)  # its network is freed on return, before the young collection

    def _redraw(self, p: float) -> None:
        G = self._models.community_continuum(p, seed=1, n_alters=self.n_alters)
        self._egonet.summary(G)
        self.pos = self._egodraw.stable_layout(G, previous=self.pos)
        ax = self.picture.axes()
        self._egodraw.draw_ego(G, ax=ax, pos=self.pos, title="", legend=False, note=False)
        self.png = self.picture.png()
        self.title = f"p = {p:.2f}"
        colors = self._egodraw.circle_colors(G.nodes[a]["circle"] for a in G if a != "ego")
        self.key = " ".join(
            f"<span style='color:{c}'>&#9679;</span> {n}" for n, c in colors.items()
        ) + f"<br><small>{self._egodraw.ties_note(ax)}</small>"


STRESS = Driver(
    f"stress (not a lesson widget): {STRESS_ALTERS + 1}-person network redrawn",
    (),
    StressNetwork,
    lambda x, i: x.show(round((i % 21) / 20, 2)),
    lambda x: (x.title, x.png),
    network=True,
    note="community_continuum + egonet.summary + stable_layout(previous=) + draw_ego on "
    "one reused 600x600 px figure, PNG; title, key and ties note as HTML; collector paused",
)


def _warm_up() -> None:
    """Import ipywidgets and matplotlib (on Agg) and draw once (font cache), untimed."""
    import io

    import ipywidgets  # noqa: F401
    import matplotlib
    import nbformat  # noqa: F401  (the notebook-built widget's driver reads its cell)

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().plot([0, 1], [0, 1])
    fig.savefig(io.BytesIO(), format="png")


def _fingerprint(value: Any) -> int:
    return hash(value if isinstance(value, (bytes, str)) else repr(value))


def _release() -> None:
    """Close every widget built so far and collect garbage, so the next driver starts clean.

    ipywidgets keeps each widget alive in a registry until it is closed; without this,
    every later driver would pay the garbage collector for all the earlier ones' objects.
    """
    import ipywidgets

    ipywidgets.Widget.close_all()
    gc.collect()


def measure_driver(driver: Driver, updates: int = UPDATES) -> Result:
    """Build the widget, warm it up, time ``updates`` updates; one result row."""
    try:
        return _measure_driver(driver, updates)
    finally:
        _release()


def _measure_driver(driver: Driver, updates: int) -> Result:
    limit = NETWORK_LIMIT_MS if driver.network else OTHER_LIMIT_MS
    target = f"CPU p95 < {limit:g} ms" + (" (network)" if driver.network else "")
    row = Result(SECTION, driver.name, None, "ms", target)
    start = time.perf_counter()
    try:
        widget = driver.build()
    except Skip as why:
        row.detail = f"skipped: {why}"
        return row
    except Exception as exc:
        row.ok, row.detail = False, f"could not build: {type(exc).__name__}: {exc}"
        return row
    build_ms = (time.perf_counter() - start) * 1e3
    wall: list[float] = []
    cpu: list[float] = []
    outputs = set()
    try:
        driver.update(widget, 0)  # warm-up: first-use imports and caches
        outputs.add(_fingerprint(driver.output(widget)))
        gc.collect()  # no collection the set-up left pending lands on the first updates
        for i in range(1, updates + 1):
            t, c = time.perf_counter(), time.process_time()
            driver.update(widget, i)
            wall.append((time.perf_counter() - t) * 1e3)
            cpu.append((time.process_time() - c) * 1e3)
            outputs.add(_fingerprint(driver.output(widget)))
    except Exception as exc:
        row.ok, row.detail = False, f"update failed: {type(exc).__name__}: {exc}"
        return row
    problem = driver.problem(widget)
    p95 = percentile(cpu, 95)
    row.value = p95
    row.ok = p95 < limit
    row.detail = (
        f"CPU p50 {percentile(cpu, 50):.1f} ms, p95 {p95:.1f} ms; wall clock p50 "
        f"{percentile(wall, 50):.1f} ms, p95 {percentile(wall, 95):.1f} ms, max "
        f"{max(wall):.1f} ms; {updates} updates; built in {build_ms:.0f} ms"
        + (f"; {driver.note}" if driver.note else "")
    )
    if len(outputs) < 2:
        row.ok = False
        row.detail += "; the updates never changed the output: the driver is not driving"
    if isinstance(problem, str) and problem:
        row.ok = False
        row.detail += f"; the widget reports: {problem}"
    return row


def measure(
    updates: int = UPDATES, drivers: Sequence[Driver] = DRIVERS, stress: bool = True
) -> list[Result]:
    _warm_up()
    out = [measure_driver(d, updates) for d in drivers]
    if stress:
        out.append(measure_driver(STRESS, updates))
    for what, why in uncovered(drivers):
        out.append(
            Result(
                SECTION,
                f"{what}",
                None,
                "",
                "a driver",
                False,
                f"{why}: add one in benchmarks/widget_drivers.py",
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import run

    return run.main(["--only", SECTION, *(argv or [])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
