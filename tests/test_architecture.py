"""The package's layering, read from its source: no import cycle, no borrowed private names.

Every ``import`` and ``from ... import`` in ``netind_teach/`` counts, wherever it stands: at
the top, inside a function (a lazy import hides a cycle from Python, not from a reader) and
under ``if TYPE_CHECKING:`` (a type that needs the other module is a dependency on it).
Relative imports are resolved against the importing module's package.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = "netind_teach"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE


@dataclass
class Module:
    """One module of the package: its dotted name, its file and what it imports."""

    name: str
    path: Path
    is_package: bool
    imports: dict[str, list[int]] = field(default_factory=dict)  # module -> lines
    private_uses: list[tuple[int, str]] = field(default_factory=list)  # (line, "mod._name")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path, root: Path, package: str) -> tuple[str, bool]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join([package, *parts]), is_package


def _resolve_relative(module: Module, level: int, target: str | None) -> str:
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([target] if target else [])])


def _borrows(importer: str, dotted: str, modules: dict[str, Module]) -> bool:
    """Whether ``importer`` reaching ``dotted`` uses a name private to another module.

    ``a.b._c`` is private to ``a.b``. A private *module* (``pkg._helpers``) belongs to its
    package: modules inside ``pkg`` may import it, modules outside may not.
    """
    parts = dotted.split(".")
    for index in range(1, len(parts)):
        if not _is_private(parts[index]):
            continue
        owner = ".".join(parts[:index])
        if ".".join(parts[: index + 1]) in modules:
            allowed = importer == owner or importer.startswith(owner + ".")
        else:
            allowed = importer == owner
        if not allowed:
            return True
    return False


def _dotted(node: ast.expr, aliases: dict[str, str]) -> str | None:
    """``alias.x.y`` as ``<module>.x.y`` when ``alias`` is bound to one of the modules."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name) and node.id in aliases:
        return ".".join([aliases[node.id], *reversed(names)])
    return None


def scan(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Module]:
    """Parse every module under ``root`` and record its imports within ``package``."""
    modules: dict[str, Module] = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = _module_name(path, root, package)
        modules[name] = Module(name, path, is_package)
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        aliases: dict[str, str] = {}  # local name bound to one of the package's modules

        def depend(target: str, line: int, module: Module = module) -> None:
            # importing a.b.c depends on the deepest of a.b.c, a.b, a that is a module here
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != module.name:
                module.imports.setdefault(target, []).append(line)

        def borrow(dotted: str, line: int, module: Module = module) -> None:
            if _borrows(module.name, dotted, modules):
                module.private_uses.append((line, dotted))

        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] != package:
                        continue
                    depend(alias.name, node.lineno)
                    borrow(alias.name, node.lineno)
                    if alias.asname:
                        aliases[alias.asname] = alias.name
                    else:  # ``import a.b`` binds ``a``
                        aliases[alias.name.split(".")[0]] = package
            elif isinstance(node, ast.ImportFrom):
                source = (_resolve_relative(module, node.level, node.module) if node.level
                          else node.module or "")
                if source.split(".")[0] != package:
                    continue
                for alias in node.names:
                    dotted = f"{source}.{alias.name}"
                    depend(dotted if dotted in modules else source, node.lineno)
                    borrow(dotted, node.lineno)
                    if dotted in modules:
                        aliases[alias.asname or alias.name] = dotted
        for node in ast.walk(tree):  # module._private, through a name bound to a module
            if isinstance(node, ast.Attribute) and _is_private(node.attr):
                dotted = _dotted(node, aliases)
                if dotted:
                    borrow(dotted, node.lineno)
    return modules


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in modules[name].imports:
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return sorted(found)


def _describe(component: list[str], modules: dict[str, Module]) -> str:
    members = set(component)
    edges = [
        f"{name} -> {target} (line {', '.join(map(str, sorted(set(lines))))})"
        for name in component
        for target, lines in sorted(modules[name].imports.items())
        if target in members
    ]
    return "cycle among " + ", ".join(component) + ":\n    " + "\n    ".join(edges)


@pytest.fixture(scope="module")
def package() -> dict[str, Module]:
    return scan()


def test_the_package_has_no_import_cycle(package):
    found = cycles(package)
    assert not found, "\n".join(_describe(component, package) for component in found)


def test_no_module_imports_another_modules_private_name(package):
    found = [
        f"{module.path.relative_to(ROOT.parent)}:{line}: {dotted}"
        for module in package.values()
        for line, dotted in sorted(set(module.private_uses))
    ]
    assert not found, "private names used outside their module:\n" + "\n".join(found)


# -- the checks above can fail: a small package written for the purpose --------------------
def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / "pkg" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_a_cycle_through_a_lazy_relative_import_is_found(tmp_path):
    root = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg import b\n",
        "sub/__init__.py": "",
        "b.py": "def f():\n    from .sub import c\n",
        "sub/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..a import X\n",
    })
    modules = scan(root, "pkg")
    assert cycles(modules) == [["pkg.a", "pkg.b", "pkg.sub.c"]]
    assert "pkg.sub.c -> pkg.a (line 3)" in _describe(cycles(modules)[0], modules)


def test_imports_without_a_cycle_pass(tmp_path):
    root = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "import pkg.b\nfrom . import c\n",
        "b.py": "from pkg.c import thing\n",
        "c.py": "import os\nthing = 1\n",
    })
    modules = scan(root, "pkg")
    assert cycles(modules) == []
    assert set(modules["pkg.a"].imports) == {"pkg.b", "pkg.c"}


def test_private_names_are_found_however_they_are_reached(tmp_path):
    root = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "_SECRET = 1\n__all__ = ['x']\n",
        "b.py": "from .a import _SECRET, __all__\n",
        "c.py": "import pkg.a as a\nprint(a._SECRET)\n",
        "g.py": "import pkg.a\nprint(pkg.a._SECRET, pkg.a.x)\n",
        "d.py": "from pkg import a\ndef f():\n    return a._SECRET\n",
        "sub/__init__.py": "from ._helper import tool\n",
        "sub/_helper.py": "tool = 1\n",
        "sub/user.py": "from pkg.sub._helper import tool\n",
        "e.py": "from pkg.sub._helper import tool\n",
        "_shared.py": "public = 1\n",
        "f.py": "from pkg._shared import public\n",
    })
    found = {(name, dotted) for name, module in scan(root, "pkg").items()
             for _, dotted in module.private_uses}
    assert found == {
        ("pkg.b", "pkg.a._SECRET"),
        ("pkg.c", "pkg.a._SECRET"),
        ("pkg.d", "pkg.a._SECRET"),
        ("pkg.g", "pkg.a._SECRET"),
        ("pkg.e", "pkg.sub._helper.tool"),  # a private module of sub/, used from outside
    }
