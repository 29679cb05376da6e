"""Public API docstrings: every parameter in ``Parameters``, a ``Returns`` when there is one.

ruff's D rules (``make lint``) check the docstrings' shape; they do not check that every
parameter is described. This does, for the public functions and classes of each module
(its ``__all__``), module by module: :data:`COMPLETE` lists the modules done, and a module
that becomes complete must join it, so the list says where the API is documented.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from netind_teach import apireference

#: Modules whose public functions and classes document every parameter and return value.
#: Issue 23 item 9: the rest of the package is still to do (the second test lists it).
COMPLETE = frozenset({
    "netind_teach.apireference",
    "netind_teach.cli",
    "netind_teach.datasets",
    "netind_teach.datasets.hashes",
    "netind_teach.datasets.loading",
    "netind_teach.datasets.package",
    "netind_teach.datasets.tables",
    "netind_teach.display",
    "netind_teach.errors",
    "netind_teach.exercises.definition",
    "netind_teach.exercises.lazy",
    "netind_teach.exercises.markdown_html",
    "netind_teach.explorer_html",
    "netind_teach.folders",
    "netind_teach.mynetwork.builder",
    "netind_teach.notebooks",
    "netind_teach.plotting",
    "netind_teach.publishing",
    "netind_teach.quantities",
    "netind_teach.site",
    "netind_teach.sitepages",
    "netind_teach.sitewidgets",
    "netind_teach.widget_guard",
    "netind_teach.widgets.artifact",
    "netind_teach.widgets.continuum",
    "netind_teach.widgets.niches",
    "netind_teach.widgets.revolutions",
    "netind_teach.widgets.status",
    "netind_teach.widgets.support_router",
})


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


def test_complete_modules_document_every_parameter_and_return(api):
    problems = [f"{module}.{name}: {'; '.join(gap)}"
                for module in sorted(COMPLETE) for name, gap in api.get(module, {}).items() if gap]
    assert not problems, "\n".join(problems)
    assert set(api) >= COMPLETE, f"no such module: {sorted(COMPLETE - set(api))}"


def test_a_module_that_became_complete_joins_the_list(api):
    done = {module for module, names in api.items() if not any(names.values())}
    assert done <= COMPLETE, f"add to COMPLETE: {sorted(done - COMPLETE)}"


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
