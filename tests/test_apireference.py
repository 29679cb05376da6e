"""The API reference page: every public name, its signature and its docstring, readably."""

from __future__ import annotations

import re
import sys
import types

import pytest

from netind_teach import apireference, sitepages

DOC = '''Return the spread after ``steps`` rounds (see :func:`~netind_teach.simulate.reach`).

Each round, every informed node tells its neighbours::

    informed |= neighbours

Parameters
----------
G : networkx.Graph
    The network.
steps : int, optional
    Rounds to run; *default* 3.

Returns
-------
float
    The share informed, 0 to 1 (``1 < 2`` holds).

Examples
--------
>>> spread(G, steps=1)
0.5

A second example:

>>> spread(G)
1.0
'''


@pytest.fixture
def fake():
    """Two throw-away modules: ``course.tools`` defines, ``course`` re-exports."""
    tools = types.ModuleType("course.tools")

    def spread(G, steps: int = 3) -> float:
        return 0.5

    spread.__doc__ = DOC
    spread.__module__ = tools.__name__

    class Walker:
        """Walks a network.

        Attributes
        ----------
        where : str
            The current node.
        """

        def step(self, n: int = 1) -> str:
            """Take ``n`` steps; return where it is."""
            return "a"

        def _hidden(self) -> None:
            """Not public."""

    Walker.__module__ = tools.__name__
    tools.spread, tools.Walker, tools.LIMIT = spread, Walker, 10
    tools.__all__ = ["LIMIT", "Walker", "spread"]
    package = types.ModuleType("course")
    package.__doc__ = "The course.\n\nExamples\n--------\n>>> 1\n1\n"
    package.spread, package.__all__ = spread, ["spread"]
    sys.modules.update({"course": package, "course.tools": tools})
    try:
        yield package, tools
    finally:
        for name in ("course", "course.tools"):
            sys.modules.pop(name, None)


def test_numpy_sections_render_as_lists_code_and_text(fake):
    page = apireference.reference_html(list(fake))
    entry = page.split("id='course.tools.spread'", 1)[1]
    assert "<code>spread(G, steps: int = 3) -&gt; float</code>" in entry
    # parameters and returns: a definition list, name, type and the description as text
    assert "<h4>Parameters</h4><dl><dt><code>G</code> <span class='type'>(networkx.Graph)" in entry
    assert "<dd><p>Rounds to run; <em>default</em> 3.</p>" in entry
    assert "<h4>Returns</h4><dl><dt><code>float</code></dt>" in entry
    assert "(<code>1 &lt; 2</code> holds)" in entry  # escaped, never raw HTML
    # roles become code, a literal block becomes code
    assert "<code>netind_teach.simulate.reach</code>" in entry and ":func:" not in entry
    assert "<pre><code>informed |= neighbours" in entry
    # examples: two code blocks with the prose between them as text
    examples = entry.split("<h4>Examples</h4>", 1)[1]
    assert examples.count("<pre><code class='language-python'>&gt;&gt;&gt; spread(") == 2
    assert "<p>A second example:</p>" in examples


def test_classes_show_public_methods_and_data_its_value(fake):
    page = apireference.reference_html(list(fake))
    assert "id='course.tools.Walker.step'" in page and "Take <code>n</code> steps" in page
    assert "_hidden" not in page
    assert "<h4>Attributes</h4><dl><dt><code>where</code>" in page
    assert re.search(r"id='course.tools.LIMIT'>.*?<pre><code>10</code></pre>", page)


def test_a_re_export_links_to_its_defining_module_and_module_examples_stay_out(fake):
    page = apireference.reference_html(list(fake))
    assert "See <a href='#course.tools.spread'>" in page.split("id='course.spread'", 1)[1]
    assert page.count("Return the spread after") == 1
    assert "&gt;&gt;&gt; 1" not in page  # a module's own examples are not its summary
    ids = sitepages.heading_ids(page)
    assert len(ids) == len(set(ids))
    assert {link for link in re.findall(r"href='#([^']+)'", page)} <= set(ids)


@pytest.fixture(scope="module")
def reference():
    modules = apireference.public_modules()
    return modules, apireference.reference_html(modules)


def test_every_public_name_of_every_public_module_has_an_entry(reference):
    modules, page = reference
    ids = set(sitepages.heading_ids(page))
    api = apireference.public_api(modules)
    assert {"netind_teach", "netind_teach.egonet", "netind_teach.exercises"} <= set(api)
    missing = [apireference.entry_id(module, name)
               for module, names in api.items() for name in [*names, ""]
               if apireference.entry_id(module, name) not in ids]
    assert not missing, f"not on the reference page: {missing}"
    assert sum(map(len, api.values())) > 400  # the whole package, not a sample


def test_public_modules_leave_out_private_ones(reference):
    names = [module.__name__ for module in reference[0]]
    assert names[0] == "netind_teach" and "netind_teach.egonet" in names
    assert not [name for name in names if re.search(r"\._", name)]
