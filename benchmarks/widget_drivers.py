"""The widget driver table: how to build each lesson widget and make it update once.

Each :class:`Driver` builds a widget (as a lesson does) and performs the ``i``-th update:
set a control's value (a value different from the current one, so the observers fire),
which runs the widget's callback and its redraw synchronously in this process.
``output`` returns what the redraw produced (a PNG, an HTML table); the benchmark checks
that it changes across the updates, so a driver that stops driving is noticed.

``network=True`` marks a redraw that draws a whole network (target p95 < 100 ms); other
redraws (charts, tables, text) have the 50 ms target.

Adding a widget: append a Driver to :data:`DRIVERS` naming what it covers
(``"module:Class"``, or ``"lessons/NN_name.ipynb:variable"`` for a widget built inside a
notebook). :func:`uncovered` lists every widget module and class, and every notebook cell
that builds ipywidgets itself, that no driver covers; the benchmark prints them as
"no driver: add one".
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import os
import pkgutil
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness import ROOT

LESSONS = ROOT / "lessons"
#: Packages and modules whose interactive classes need a driver.
WIDGET_PACKAGES = ("netind_teach.widgets", "netind_teach.mynetwork")
WIDGET_MODULES = ("netind_teach.exercises._widgets",)
_WIDGET_NAME = re.compile(r"(Explorer|Browser|Builder|Widget)$")
_NOTEBOOK_WIDGET = re.compile(r"\b(?:widgets|ipywidgets)\.[A-Z]\w*\(")


class Skip(Exception):
    """Raised by a driver's ``build`` when its widget cannot be built here (with why)."""


@dataclass(frozen=True)
class Driver:
    name: str
    covers: tuple[str, ...]
    build: Callable[[], Any]
    update: Callable[[Any, int], None]
    output: Callable[[Any], Any]
    network: bool
    note: str = ""
    #: The widget's own account of a failed update ("" when all is well).
    problem: Callable[[Any], str] = lambda _widget: ""


def step(control: Any, values: Sequence[Any], i: int) -> None:
    """Set ``control.value`` to ``values[i % n]``, or the next value if that is current.

    >>> class C:
    ...     value = 2
    >>> c = C()
    >>> step(c, [1, 2, 3], 1); c.value
    3
    """
    value = values[i % len(values)]
    if value == control.value:
        value = values[(i + 1) % len(values)]
    control.value = value


def scratch_folder() -> Path:
    """A new folder for a widget's files, inside the run's scratch folder when there is one.

    ``run.py`` points ``NETIND_TEACH_HOME`` at a temporary folder it removes at the end.
    """
    return Path(tempfile.mkdtemp(prefix="widget-", dir=os.environ.get("NETIND_TEACH_HOME")))


def _grid(low: float, high: float, n: int) -> list[float]:
    return [round(low + (high - low) * k / (n - 1), 10) for k in range(n)]


# -- lesson 00: the number box built in the notebook itself (a slider before issue 20) --
def notebook_cell(notebook: str, marker: str) -> str:
    """Source of the first code cell of ``lessons/<notebook>`` that contains ``marker``."""
    import nbformat

    path = LESSONS / notebook
    if not path.exists():
        raise Skip(f"lessons/{notebook} is not there")
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code" and marker in cell.source:
            return cell.source
    raise Skip(f"no cell of lessons/{notebook} contains {marker!r} any more")


def build_circles_slider() -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(
        compile(
            notebook_cell("00_welcome.ipynb", "circles = widgets.BoundedIntText"),
            "00_welcome.ipynb",
            "exec",
        ),
        namespace,
    )
    if "circles" not in namespace or "reply" not in namespace:
        raise Skip("lesson 00's 'My circles' cell no longer defines `circles` and `reply`")
    return namespace


# -- package widgets -------------------------------------------------------------------
def build_continuum() -> Any:
    from netind_teach.widgets.continuum import ContinuumExplorer

    return ContinuumExplorer(seed=1)


def build_revolutions() -> Any:
    from netind_teach.widgets.revolutions import RevolutionsExplorer

    return RevolutionsExplorer()


def gss_counts(year: int) -> dict[int, int]:
    """GSS 'number named' counts of one year (valid answers), from the course's data."""
    from netind_teach import confidants, datasets

    return confidants.counts_by_year(datasets.load("gss_numgiven"))[year]


def build_artifact() -> Any:
    from netind_teach.widgets.artifact import ArtifactExplorer

    return ArtifactExplorer(gss_counts(1985), gss_counts(2004))


def build_sample_browser() -> Any:
    from netind_teach.widgets.typology_explorer import SampleBrowser

    return SampleBrowser()


def build_rule_explorer() -> Any:
    from netind_teach.widgets.typology_explorer import RuleExplorer

    explorer = RuleExplorer()
    explorer.thresholds.value = "fixed"  # the fixed-number boxes drive the rule
    return explorer


def build_exercise() -> Any:
    from netind_teach.exercises import for_lesson
    from netind_teach.progress import Progress

    progress = Progress(scratch_folder() / "progress.json")
    ex = for_lesson("00", progress=progress)
    bar = ex.progress_bar()
    widget = ex.share.widget()
    widget.progress_bar = bar  # kept alive: it listens to checks
    return widget


def check_exercise(widget: Any, i: int) -> None:
    widget.value = str(20 + i % 10)  # wrong answers: each check says something else
    widget.check_button.click()


def build_network_builder() -> Any:
    from netind_teach import mynetwork

    if not hasattr(mynetwork, "NetworkBuilder"):
        raise Skip("netind_teach.mynetwork has no NetworkBuilder yet")
    return mynetwork.NetworkBuilder(path=scratch_folder(), start=mynetwork.demo_network())


def tick_knows(builder: Any, i: int) -> None:
    """Choose a person, then tick (or untick) one more person they know."""
    ids = [p.id for p in builder.network.people]
    who = ids[i % len(ids)]
    other = ids[(i * 7 + 3) % len(ids)]
    if other == who:
        other = ids[(i % len(ids) + 1) % len(ids)]
    builder.person.value = who
    known = set(builder.knows.value)
    builder.knows.value = tuple(sorted(known ^ {other}, key=ids.index))


def build_support_router() -> Any:
    from netind_teach import datasets
    from netind_teach.widgets.support_router import SupportExplorer

    return SupportExplorer(datasets.load("support_network_synthetic"))


def build_audiences() -> Any:
    from netind_teach.widgets.audiences import AudiencesExplorer

    return AudiencesExplorer()


def tick_circle(explorer: Any, i: int) -> None:
    """Tick or untick one circle in turn (each change re-reads the post and the circles)."""
    boxes = list(explorer.seen.values())
    _toggle(boxes[i % len(boxes)])


def build_niches() -> Any:
    from netind_teach.widgets.niches import NicheExplorer

    return NicheExplorer()


def _toggle(control: Any) -> None:
    control.value = not control.value


DRIVERS: tuple[Driver, ...] = (
    Driver(
        "lesson 00: 'My circles' slider (built in the notebook)",
        ("lessons/00_welcome.ipynb:circles",),
        build_circles_slider,
        lambda ns, i: step(ns["circles"], list(range(1, 9)), i),
        lambda ns: ns["reply"].value,
        network=False,
        note="the notebook's own cell, executed here",
    ),
    Driver(
        "continuum: p slider (little boxes -> networked)",
        ("netind_teach.widgets.continuum:ContinuumExplorer",),
        build_continuum,
        lambda x, i: step(x.p, _grid(0.0, 1.0, 21), i),
        lambda x: x.image.value,
        network=True,
        note="rebuild, measure, draw_ego on cached positions, PNG",
        problem=lambda x: x.error,
    ),
    Driver(
        "continuum: people slider (new sizes laid out)",
        ("netind_teach.widgets.continuum:ContinuumExplorer",),
        build_continuum,
        lambda x, i: step(x.n_alters, [40, 4, 30, 10, 36, 16, 24, 8, 33, 12], i),
        lambda x: x.image.value,
        network=True,
        note="first visit of a size runs the layout; 10 sizes visited in turn",
        problem=lambda x: x.error,
    ),
    Driver(
        "revolutions: weak-ties slider",
        ("netind_teach.widgets.revolutions:RevolutionsExplorer",),
        build_revolutions,
        lambda x, i: step(x.weak_share, _grid(0.0, 0.5, 11), i),
        lambda x: x.image.value,
        network=False,
        note="new network, spread (40 trials) and reach, blitted chart",
        problem=lambda x: x.error,
    ),
    Driver(
        "revolutions: social-network switch",
        ("netind_teach.widgets.revolutions:RevolutionsExplorer",),
        build_revolutions,
        lambda x, i: _toggle(x.social),
        lambda x: x.image.value,
        network=False,
        problem=lambda x: x.error,
    ),
    Driver(
        "artifact: false-zeros slider",
        ("netind_teach.widgets.artifact:ArtifactExplorer",),
        build_artifact,
        lambda x, i: step(x.rate_box, _grid(0.0, 50.0, 51), i),  # percent
        lambda x: x.image.value,
        network=False,
        note="GSS 1985 vs 2004; bar heights moved, PNG",
        problem=lambda x: x.message_text,
    ),
    Driver(
        "living networked: support router, remove a kind of tie",
        (
            "netind_teach.widgets.support_router:SupportExplorer",
            "netind_teach.widgets.status:StatusWidget",
        ),
        build_support_router,
        lambda x, i: step(x.remove, list(x.remove.options), i),
        lambda x: x.table.value + x.status.value,
        network=False,
        note="route five needs without one kind of tie; HTML table",
    ),
    Driver(
        "living networked: audiences, tick a circle",
        (
            "netind_teach.widgets.audiences:AudiencesExplorer",
            "netind_teach.widgets.status:StatusWidget",
        ),
        build_audiences,
        tick_circle,
        lambda x: x.status.value,
        network=False,
        note="topics of the post, who is surprised, the nightmare reader; text only",
    ),
    Driver(
        "living networked: niche slider",
        ("netind_teach.widgets.niches:NicheExplorer", "netind_teach.widgets.status:StatusWidget"),
        build_niches,
        lambda x, i: step(x.preference_box, _grid(0.0, 1.0, 21), i),
        lambda x: x.image.value,
        network=False,
        note="new 200-person synthetic population, shares, small histogram PNG",
    ),
    Driver(
        "typology: sample browser, person by person",
        ("netind_teach.widgets.typology_explorer:SampleBrowser",),
        build_sample_browser,
        lambda x, i: step(x.person, list(range(2, 102)), i),
        lambda x: x.image.value,
        network=True,
        note="each new person: build, lay out and draw their ego network",
        problem=lambda x: x.message,
    ),
    Driver(
        "typology: rule explorer, fixed-threshold slider",
        ("netind_teach.widgets.typology_explorer:RuleExplorer",),
        build_rule_explorer,
        lambda x, i: step(x.fixed["ties"], list(range(10, 60)), i),
        lambda x: x.table_html.value + x.person_html.value,
        network=False,
        note="classify the sample under the new rule; HTML bars and tables",
        problem=lambda x: x.message,
    ),
    Driver(
        "your network: builder, tick who knows whom",
        ("netind_teach.mynetwork.builder:NetworkBuilder",),
        build_network_builder,
        tick_knows,
        lambda b: b.image.value,
        network=True,
        note="demo network (18 people); each tick saves the file and redraws",
        problem=lambda b: b.last_error,
    ),
    Driver(
        "exercise widget: type an answer, Check",
        (
            "netind_teach.exercises._widgets:ExerciseWidget",
            "netind_teach.exercises._widgets:ProgressBar",
        ),
        build_exercise,
        check_exercise,
        lambda w: w.feedback.value,
        network=False,
        note="lesson 00's numeric exercise; saves progress; the progress bar listens",
        problem=lambda w: w.feedback_text if w.feedback_text.startswith("Something") else "",
    ),
)


# -- coverage --------------------------------------------------------------------------
def _is_widget_class(cls: type) -> bool:
    return bool(
        _WIDGET_NAME.search(cls.__name__)
        or "_repr_mimebundle_" in vars(cls)
        or "_ipython_display_" in vars(cls)
    )


def widget_modules() -> list[str]:
    """Every module that holds lesson widgets (the widget packages' modules and a few)."""
    names: list[str] = []
    for package in WIDGET_PACKAGES:
        try:
            pkg = importlib.import_module(package)
        except ImportError:
            continue
        names.append(package)
        for info in pkgutil.iter_modules(getattr(pkg, "__path__", [])):
            names.append(f"{package}.{info.name}")
    names += [m for m in WIDGET_MODULES if importlib.util.find_spec(m) is not None]
    return names


def widget_classes(module_name: str) -> list[str]:
    """``module:Class`` for the interactive classes defined in ``module_name``."""
    module = importlib.import_module(module_name)
    return [
        f"{module_name}:{name}"
        for name, obj in vars(module).items()
        if inspect.isclass(obj)
        and obj.__module__ == module_name
        and not name.startswith("_")
        and _is_widget_class(obj)
    ]


def notebook_widget_cells() -> list[str]:
    """``lessons/NN.ipynb:variable`` for each notebook cell that builds ipywidgets itself."""
    import nbformat

    found = []
    for path in sorted(LESSONS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or not _NOTEBOOK_WIDGET.search(cell.source):
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            targets = [
                t.id
                for node in tree.body
                if isinstance(node, ast.Assign) and _NOTEBOOK_WIDGET.search(ast.unparse(node))
                for t in node.targets
                if isinstance(t, ast.Name)
            ]
            found += [f"lessons/{path.name}:{t}" for t in targets[:1] or ["(unnamed)"]]
    return found


def uncovered(drivers: Sequence[Driver] = DRIVERS) -> list[tuple[str, str]]:
    """Widgets without a driver, as (what, why) pairs."""
    covered = {c for d in drivers for c in d.covers}
    covered_modules = {c.split(":", 1)[0] for c in covered}
    gaps: list[tuple[str, str]] = []
    for module in widget_modules():
        try:
            classes = widget_classes(module)
        except Exception as exc:  # a module being written may not import yet
            gaps.append((module, f"does not import ({type(exc).__name__}: {exc})"))
            continue
        if not classes:
            if module.startswith("netind_teach.widgets.") and module not in covered_modules:
                gaps.append((module, "no widget class found and no driver"))
            continue
        for cls in classes:
            if cls not in covered:
                gaps.append((cls, "no driver"))
    gaps += [(cell, "no driver") for cell in notebook_widget_cells() if cell not in covered]
    return gaps
