"""The exercises package's layers (issue 23 items 1 and 4), read from its source.

- ``netind_teach/exercises/`` imports nothing from ``netind_teach/widgets/``;
- the generic exercise widget and the live exercise name no exercise kind: each kind
  makes its own input (``answer_input``) and acts after an attempt (``after_attempt``);
- whatever input a kind makes, the reference answer written into it reads back as an
  answer ``check`` marks correct.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import netind_teach
from netind_teach.exercises import CodeExercise, Exercise, definitions, lessons

PACKAGE = Path(netind_teach.__file__).parent
EXERCISES = PACKAGE / "exercises"
KIND_MODULES = {"choice", "claims", "classify", "code_exercise", "numeric", "reflection"}
KIND_CLASSES = {
    "ClassifyNetwork", "CodeExercise", "MultipleChoice", "Numeric", "Reflection", "SortClaims"
}


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute, or relative resolved within the package)."""
    package = "netind_teach." + ".".join(path.parent.relative_to(PACKAGE).parts)
    package = package.rstrip(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names)
    return found


def test_exercises_import_nothing_from_widgets() -> None:
    files = sorted(EXERCISES.glob("*.py"))
    assert len(files) > 10
    offenders = {
        path.name: sorted(m for m in imported_modules(path) if m.startswith("netind_teach.widgets"))
        for path in files
    }
    assert {name: found for name, found in offenders.items() if found} == {}


@pytest.mark.parametrize("module", ["_widgets.py", "exercise.py"])
def test_the_generic_widget_and_exercise_name_no_kind(module: str) -> None:
    """No isinstance chain over the kinds: the kind's own adapter and hook are asked."""
    path = EXERCISES / module
    kinds = {f"netind_teach.exercises.{name}" for name in KIND_MODULES}
    assert not imported_modules(path) & kinds
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    named |= {node.name for node in ast.walk(tree) if isinstance(node, ast.alias)}
    assert not named & KIND_CLASSES
    private_calls = [
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in {"d", "definition"}
        and node.attr.startswith("_")
    ]
    assert private_calls == []


def _every_definition() -> list:
    return [d for lesson in lessons() for d in definitions(lesson)]


@pytest.mark.parametrize(
    "definition",
    [d for d in _every_definition() if not isinstance(d, CodeExercise)],
    ids=lambda d: d.id,
)
def test_the_reference_answer_written_into_the_input_reads_back_correct(definition) -> None:
    widget = Exercise(definition).widget()
    assert widget.value is not None
    widget.value = definition.reference_answer
    assert Exercise(definition).check(widget.value).correct, widget.value


@pytest.mark.parametrize(
    "definition", [d for d in _every_definition() if isinstance(d, CodeExercise)], ids=str
)
def test_the_code_input_starts_from_the_starter_code(definition) -> None:
    widget = Exercise(definition).widget()
    assert widget.value == definition.starter_code
    assert not Exercise(definition).check(widget.value).correct


_COUNT_DATA_WORK = """
import importlib, sys
import networkx as nx
import netind_teach.datasets as datasets
import netind_teach.exercises

work = []
graph_init = nx.Graph.__init__
def counting_init(self, *args, **kwargs):
    work.append("network")
    graph_init(self, *args, **kwargs)
nx.Graph.__init__ = counting_init
load = datasets.load
def counting_load(*args, **kwargs):
    work.append("dataset")
    return load(*args, **kwargs)
datasets.load = counting_load

module = importlib.import_module("netind_teach.exercises.lesson" + sys.argv[1])
at_import = len(work)
built = module.EXERCISES
print(at_import, len(work) - at_import, len(built))
"""


@pytest.mark.parametrize("lesson", lessons())
def test_importing_a_lesson_module_does_no_data_work(lesson: str) -> None:
    """No dataset is read and no network built until a lesson's exercises are asked for."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _COUNT_DATA_WORK, lesson],
        capture_output=True, text=True, timeout=120, check=True,
    )
    at_import, _when_built, count = map(int, run.stdout.split())
    assert at_import == 0, f"lesson {lesson}: {at_import} datasets or networks built at import"
    assert count == len(definitions(lesson))
