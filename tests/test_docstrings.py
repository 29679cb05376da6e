"""Public API docstrings: every parameter in ``Parameters``, a ``Returns`` when there is one.

ruff's D rules (``make lint``) check the docstrings' shape; they do not check that every
parameter is described. This does, for the public functions and classes of each module
(its ``__all__``). A new module is complete from the start; :data:`INCOMPLETE` lists the
modules written before the rule that are not yet, and a module leaves it once complete.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from netind_teach import apireference

#: NOT YET COMPLETE (issue 23 item 9, listed 2026-11-30): modules with a public function or
#: class whose docstring leaves a parameter or the return value out. Take a module off the
#: list when you complete it; never add one.
INCOMPLETE: frozenset[str] = frozenset()  # every module complete since 2026-11-30


def _documented(obj: Any) -> tuple[set[str], set[str]]:
    """The parameter names a docstring describes, and its section titles."""
    sections = apireference.parse_docstring(inspect.getdoc(obj) or "")
    names: set[str] = set()
    for section in sections:
        if section.title in ("Parameters", "Other Parameters"):
            for line in section.lines:
                if line and not line.startswith(" "):
                    names.update(n.strip().lstrip("*") for n in line.split(" : ")[0].split(","))
    return names, {section.title for section in sections}


def gaps(obj: Any) -> list[str]:
    """What ``obj``'s docstring leaves out: undocumented parameters, a missing Returns."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return []
    names, titles = _documented(obj)
    found = []
    missing = [p for p in signature.parameters if p not in ("self", "cls") and p not in names]
    if missing:
        found.append(f"parameters not in Parameters: {', '.join(missing)}")
    returns = signature.return_annotation
    if (inspect.isfunction(obj) and returns not in (None, "None", inspect.Signature.empty)
            and not titles & {"Returns", "Yields"}):
        found.append("no Returns section")
    return found


def _public_api() -> dict[str, dict[str, list[str]]]:
    modules = apireference.public_modules()
    found: dict[str, dict[str, list[str]]] = {}
    for module in modules:
        for name in apireference.public_api([module]).get(module.__name__, []):
            obj = getattr(module, name)
            if ((inspect.isfunction(obj) or inspect.isclass(obj))
                    and obj.__module__ == module.__name__):
                found.setdefault(module.__name__, {})[name] = gaps(obj)
    return found


@pytest.fixture(scope="module")
def api() -> dict[str, dict[str, list[str]]]:
    return _public_api()


def test_public_functions_and_classes_document_every_parameter_and_return(api):
    problems = [f"{module}.{name}: {'; '.join(gap)}"
                for module, names in sorted(api.items()) if module not in INCOMPLETE
                for name, gap in names.items() if gap]
    assert not problems, "\n".join(problems)


def test_a_completed_module_leaves_the_list(api):
    done = {module for module, names in api.items() if not any(names.values())}
    assert not done & INCOMPLETE, f"take off INCOMPLETE: {sorted(done & INCOMPLETE)}"
    assert set(api) >= INCOMPLETE, f"no such module: {sorted(INCOMPLETE - set(api))}"


def test_gaps_are_found():
    def documented(G: Any, ego: str = "ego") -> float:
        """Return a number.

        Parameters
        ----------
        G : networkx.Graph
            A graph.
        ego : str
            A node.

        Returns
        -------
        float
            The number.
        """
        return 0.0

    def undocumented(G: Any, *, attr: str = "x") -> float:
        """Return a number.

        Parameters
        ----------
        G : networkx.Graph
            A graph.
        """
        return 0.0

    assert gaps(documented) == []
    assert gaps(undocumented) == ["parameters not in Parameters: attr", "no Returns section"]
