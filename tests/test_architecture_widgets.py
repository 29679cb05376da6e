"""Widgets only wire controls to tested functions (issue 23, item 1).

The rule, checked on the source of every module in ``netind_teach/widgets/``: each function
defined there (top-level, nested or a method) must *touch a widget*. A function touches a
widget when its body

1. names ipywidgets (``import ipywidgets``, ``widgets.HTML(...)``) or one of the course's
   widget helpers (``a11y.image``, ``a11y.describe_image``, ``a11y.name_control``, anything
   in ``widget_parts``, e.g. ``widget_parts.html(...)``);
2. reads or writes a *widget attribute* of ``self``: an attribute that some class in the
   package assigns from an expression naming ipywidgets or a widget helper
   (``self.slider = widgets.FloatSlider(...)``, ``self.use = {m: widgets.Checkbox(...)}``);
3. uses another method or property of ``self`` that touches a widget (so a property that
   reads a slider's value counts, and so does whatever uses that property); or
4. draws the widget's picture: it names matplotlib or the course's drawing modules
   (``plotting``, ``egodraw``, ``charts``)
   (the explorers import them only when they draw; drawings themselves belong in the
   plotting modules, but the code that keeps a widget's figure and redraws it is view
   code); or
5. is a method of a widget class that the notebook calls to show it (``__init__``,
   ``__repr__``, ``_repr_mimebundle_``, ``_ipython_display_``), or a hook a subclass
   fills in (its body only raises ``NotImplementedError``).

Attributes count per class family (a class, its bases and subclasses in the package), so
an attribute that is a widget in one explorer and a table in another is told apart.

Anything else (a computation, a validation, a piece of text made from plain values) is
domain code: it belongs in a module named for what it does, where it is unit-tested
without building a widget. ``PENDING`` may name functions that a restructuring is moving
out (``{"module.py": {"name"}}``); an entry that has moved fails this test until it is
removed from the list, so the list cannot go stale.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

WIDGETS = Path(__file__).resolve().parent.parent / "netind_teach" / "widgets"
WIDGET_HELPERS = {"image", "describe_image", "name_control", "number_box"}  # in netind_teach.a11y
DISPLAY_METHODS = {"__init__", "__repr__", "_repr_mimebundle_", "_ipython_display_"}
PENDING: dict[str, set[str]] = {}


def _names_a_widget(node: ast.AST, modules: tuple[str, ...] = ("ipywidgets",)) -> bool:
    """Rule 1 (and, with ``modules`` naming the drawing libraries, rule 4)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in {"widgets", *modules}:
            return True
        if isinstance(sub, (ast.Import, ast.ImportFrom)):
            names = [sub.module or ""] if isinstance(sub, ast.ImportFrom) else []
            names += [alias.name for alias in sub.names]
            if any(name.split(".")[0] in modules for name in names):
                return True
        if (
            isinstance(sub, ast.Attribute)
            and sub.attr in WIDGET_HELPERS
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "a11y"
        ):
            return True
        if (
            isinstance(sub, ast.Attribute)
            and isinstance(sub.value, ast.Name)
            and sub.value.id == "widget_parts"
        ):
            return True
    return False


def _self_attributes(node: ast.AST) -> set[str]:
    return {
        sub.attr
        for sub in ast.walk(node)
        if isinstance(sub, ast.Attribute)
        and isinstance(sub.value, ast.Name)
        and sub.value.id == "self"
    }


def _trees() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(), str(p)) for p in sorted(WIDGETS.glob("*.py"))}


def _classes(trees: dict[str, ast.Module]) -> dict[str, ast.ClassDef]:
    return {
        node.name: node
        for tree in trees.values()
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    }


def _family(name: str, classes: dict[str, ast.ClassDef]) -> set[str]:
    """The class, its bases and its subclasses among the package's classes."""
    links = {
        c: {b.id for b in node.bases if isinstance(b, ast.Name) and b.id in classes}
        for c, node in classes.items()
    }
    family, grew = {name}, True
    while grew:
        more = {c for c in classes if links[c] & family} | set().union(*(links[c] for c in family))
        grew = not more <= family
        family |= more
    return family


def _widget_attributes(cls: ast.ClassDef) -> set[str]:
    """Attributes of ``self`` the class assigns from a widget expression."""
    found = set()
    for node in ast.walk(cls):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if _names_a_widget(node.value):
                for target in targets:
                    found |= _self_attributes(target)
    return found


def _is_hook(f: ast.FunctionDef) -> bool:
    body = [
        n for n in f.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
    ]
    return (
        len(body) == 1
        and isinstance(body[0], ast.Raise)
        and "NotImplementedError" in ast.unparse(body[0])
    )


def _functions(tree: ast.Module) -> list[tuple[str | None, ast.FunctionDef]]:
    out: list[tuple[str | None, ast.FunctionDef]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            out.append((None, node))
        elif isinstance(node, ast.ClassDef):
            out += [(node.name, f) for f in node.body if isinstance(f, ast.FunctionDef)]
    return out


def offenders() -> list[str]:
    """``module:Class.function`` of every function under widgets/ that touches no widget."""
    trees = _trees()
    classes = _classes(trees)
    attrs = {
        c: set().union(*(_widget_attributes(classes[k]) for k in _family(c, classes)))
        for c in classes
    }
    bad = []
    for module, tree in trees.items():
        functions = _functions(tree)
        touching = {
            (cls, f.name)
            for cls, f in functions
            if _names_a_widget(f)
            or _names_a_widget(f, ("matplotlib", "plotting", "egodraw", "charts"))
            or (cls and _self_attributes(f) & attrs[cls])
            or (cls and (f.name in DISPLAY_METHODS or _is_hook(f)))
        }
        grew = True
        while grew:  # rule 3: through the class's own methods and properties
            grew = False
            for cls, f in functions:
                if (cls, f.name) in touching or not cls:
                    continue
                if any((cls, used) in touching for used in _self_attributes(f)):
                    touching.add((cls, f.name))
                    grew = True
        for cls, f in functions:
            if (cls, f.name) not in touching and f.name not in PENDING.get(module, set()):
                bad.append(f"{module}:{cls + '.' if cls else ''}{f.name}")
    return bad


def test_every_function_in_widgets_touches_a_widget() -> None:
    found = offenders()
    assert not found, (
        "Functions in netind_teach/widgets/ that touch no widget (move them to a module named "
        f"for what they do, with unit tests): {found}"
    )


def test_pending_moves_are_still_pending() -> None:
    trees = _trees()
    for module, names in PENDING.items():
        defined = {f.name for _, f in _functions(trees[module])} if module in trees else set()
        assert names <= defined, f"{sorted(names - defined)} left {module}: drop them from PENDING"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f(x):\n    return x + 1\n", ["m.py:f"]),
        ("def f(w):\n    import ipywidgets\n    return ipywidgets.HTML()\n", []),
        (
            "class C:\n"
            "    def __init__(self):\n        self.s = widgets.IntSlider()\n"
            "    @property\n    def v(self):\n        return self.s.value\n"
            "    def twice(self):\n        return 2 * self.v\n"
            "    def pure(self, x):\n        return x * 2\n"
            "    @staticmethod\n    def text(x):\n        return str(x)\n",
            ["m.py:C.pure", "m.py:C.text"],
        ),
        (
            "class C:\n"
            "    def __init__(self):\n        self.t = widget_parts.html()\n"
            "    def show(self, x):\n        self.t.value = str(x)\n",
            [],
        ),
    ],
)
def test_the_rule_on_small_examples(tmp_path, monkeypatch, source, expected) -> None:
    (tmp_path / "m.py").write_text(source)
    monkeypatch.setattr(__import__(__name__), "WIDGETS", tmp_path, raising=False)
    monkeypatch.setitem(globals(), "WIDGETS", tmp_path)
    monkeypatch.setitem(globals(), "PENDING", {})
    assert offenders() == expected
