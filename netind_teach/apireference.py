"""The package's public API as one HTML reference page, rendered from its docstrings.

Every public module (no part of its dotted name starts with ``_``) that declares
``__all__`` gets a section; every name in that ``__all__`` gets an entry with its
signature and its docstring. NumPy-style sections are rendered readably: ``Parameters``,
``Returns`` and the like as definition lists, ``Examples`` as code, the rest as text. A
name a package re-exports from one of its modules (``netind_teach.exercises.Exercise``)
links to the entry of the module that defines it instead of repeating it. The instructor
edition of the static site (:func:`netind_teach.site.build_site`) carries the page.

Examples
--------
>>> import types
>>> module = types.ModuleType("course.tools")
>>> def double(x):
...     '''Twice ``x``.
...
...     Parameters
...     ----------
...     x : float
...         A number.
...     '''
>>> module.double, module.__all__ = double, ["double"]
>>> page = reference_html([module])
>>> "id='course.tools.double'" in page
True
>>> "<dt><code>x</code> <span class='type'>(float)</span></dt><dd><p>A number.</p>" in page
True
"""

from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

__all__ = [
    "PUBLIC_PACKAGE",
    "DocSection",
    "entry_id",
    "parse_docstring",
    "public_api",
    "public_modules",
    "reference_html",
]

#: The package whose public API the page shows.
PUBLIC_PACKAGE = "netind_teach"

#: Sections whose body is a list of ``name : type`` items with indented descriptions.
_ITEM_SECTIONS = frozenset({
    "Parameters", "Other Parameters", "Returns", "Yields", "Receives", "Raises", "Warns",
    "Attributes", "Methods",
})
_UNDERLINE = re.compile(r"^\s*-{3,}\s*$")
_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|data|attr|obj|exc|const):`~?([^`]+)`")
_LONGEST_VALUE = 80


@dataclass(frozen=True)
class DocSection:
    """One section of a NumPy-style docstring.

    Parameters
    ----------
    title : str
        ``""`` for the text before the first section, else the section's name.
    lines : tuple of str
        The section's lines, dedented, without the title and its underline.
    """

    title: str
    lines: tuple[str, ...]


def parse_docstring(doc: str) -> list[DocSection]:
    r"""Split a NumPy-style docstring into its sections, the leading text first.

    Parameters
    ----------
    doc : str
        The docstring, already cleaned (:func:`inspect.getdoc`).

    Returns
    -------
    list of DocSection
        The text before the first section (title ``""``, left out when empty), then each
        section in order.

    Examples
    --------
    >>> doc = "Sum.\n\nParameters\n----------\nx : int\n    A number.\n"
    >>> [(s.title, s.lines) for s in parse_docstring(doc)]
    [('', ('Sum.',)), ('Parameters', ('x : int', '    A number.'))]
    """
    lines = doc.splitlines()
    sections: list[DocSection] = []
    title, body = "", list[str]()
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and not line.startswith(" ") and _UNDERLINE.match(following):
            sections.append(DocSection(title, _trimmed(body)))
            title, body = line.strip(), []
            index += 2
            continue
        body.append(line)
        index += 1
    sections.append(DocSection(title, _trimmed(body)))
    return [section for section in sections if section.lines or section.title]


def _trimmed(lines: list[str]) -> tuple[str, ...]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return tuple(lines)


def _markdown(text: str) -> str:
    """Docstring prose (reStructuredText-flavoured) as HTML, everything escaped."""
    import mistune

    text = _ROLE.sub(lambda match: f"``{match.group(1)}``", text)
    text = re.sub(r"::\n", ":\n", text)  # a literal block is an indented block in markdown
    render = mistune.create_markdown(escape=True, plugins=["table", "strikethrough"])
    return str(render(text))


def _items(lines: Sequence[str]) -> str:
    entries: list[tuple[str, list[str]]] = []
    for line in lines:
        if line and not line.startswith(" "):
            entries.append((line.strip(), []))
        elif entries:
            entries[-1][1].append(line)
        elif line.strip():
            entries.append(("", [line]))
    rows = []
    for head, description in entries:
        name, colon, kind = head.partition(" : ")
        term = f"<code>{html.escape(name)}</code>" if name else ""
        if colon:
            term += f" <span class='type'>({html.escape(kind)})</span>"
        text = inspect.cleandoc("\n".join(description)) if description else ""
        rows.append(f"<dt>{term}</dt><dd>{_markdown(text) if text else ''}</dd>")
    return f"<dl>{''.join(rows)}</dl>"


def _section_html(section: DocSection, level: int) -> str:
    text = "\n".join(section.lines)
    if section.title in _ITEM_SECTIONS:
        body = _items(section.lines)
    elif section.title == "Examples":
        body = _examples(text)
    else:
        body = _markdown(text)
    if not section.title:
        return body
    return f"<h{level}>{html.escape(section.title)}</h{level}>{body}"


def _examples(text: str) -> str:
    """Doctest lines as code blocks, prose between them as text."""
    parts: list[str] = []
    code: list[str] = []
    prose: list[str] = []

    def flush() -> None:
        if code:
            parts.append(f"<pre><code class='language-python'>{html.escape(chr(10).join(code))}"
                         "</code></pre>")
            code.clear()
        if prose:
            parts.append(_markdown("\n".join(prose)))
            prose.clear()

    in_code = False
    for line in text.splitlines():
        starts = line.lstrip().startswith((">>>", "..."))
        if starts or (in_code and line.strip()):
            if prose:
                flush()
            code.append(line)
            in_code = True
        else:
            if code:
                flush()
            in_code = False
            prose.append(line)
    flush()
    return "".join(parts)


def entry_id(module: str, name: str = "") -> str:
    """Return the ``id`` of a module's section or of a name's entry on the page.

    Parameters
    ----------
    module : str
        The module's dotted name.
    name : str
        A public name of it; ``""`` for the module's own section.

    Returns
    -------
    str
        The ``id``.

    Examples
    --------
    >>> entry_id("netind_teach.egonet", "constraint")
    'netind_teach.egonet.constraint'
    """
    return f"{module}.{name}" if name else module


def public_modules(package: str = PUBLIC_PACKAGE) -> list[ModuleType]:
    """Import and return the package and each public module of it, by name.

    Parameters
    ----------
    package : str
        The package's import name.

    Returns
    -------
    list of module
        The package first, then every module and subpackage none of whose name parts
        starts with ``_``, sorted by name.
    """
    root = importlib.import_module(package)
    names = [
        info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.")
        if not any(part.startswith("_") for part in info.name.split("."))
    ]
    return [root, *(importlib.import_module(name) for name in sorted(names))]


def public_api(modules: Iterable[ModuleType]) -> dict[str, list[str]]:
    """Map each module's name to its ``__all__`` (modules without one are left out).

    Parameters
    ----------
    modules : iterable of module
        Typically :func:`public_modules`.

    Returns
    -------
    dict of str to list of str
        Module name to the public names it declares, in declared order.
    """
    return {
        module.__name__: list(module.__all__) for module in modules
        if isinstance(getattr(module, "__all__", None), list | tuple)
    }


def _defined_in(obj: Any, api: dict[str, list[str]], module: str, name: str) -> str | None:
    """Return the other module of ``api`` whose entry documents ``obj``, if there is one."""
    if inspect.ismodule(obj):
        return obj.__name__ if obj.__name__ in api else None
    home = getattr(obj, "__module__", None)
    if (isinstance(home, str) and home != module and home in api and name in api[home]
            and (inspect.isclass(obj) or inspect.isfunction(obj))):
        return home
    return None


class _Annotation:
    """An annotation kept as its source text (``from __future__ import annotations``)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _plain(annotation: Any) -> Any:
    return _Annotation(annotation) if isinstance(annotation, str) else annotation


def _signature(obj: Any) -> str:
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return ""
    parameters = [p.replace(annotation=_plain(p.annotation))
                  for p in signature.parameters.values()]
    returns = (inspect.Signature.empty if inspect.isclass(obj)
               else _plain(signature.return_annotation))
    return str(signature.replace(parameters=parameters, return_annotation=returns))


def _kind(obj: Any) -> str:
    if inspect.isclass(obj):
        return "class"
    if inspect.ismodule(obj):
        return "module"
    if callable(obj):
        return "function"
    return "data"


def _doc_html(obj: Any, level: int) -> str:
    doc = inspect.getdoc(obj)
    if not doc:
        return "<p class='nodoc'>(no docstring)</p>"
    return "".join(_section_html(section, level) for section in parse_docstring(doc))


def _summary_html(module: ModuleType) -> str:
    """Return a module's docstring up to its first section (its examples are for its names)."""
    sections = parse_docstring(inspect.getdoc(module) or "")
    leading = [section for section in sections if not section.title]
    return _section_html(leading[0], 3) if leading else ""


def _value(obj: Any) -> str:
    text = repr(obj)
    if len(text) > _LONGEST_VALUE:
        text = text[: _LONGEST_VALUE - 3] + "..."
    return f"<pre><code>{html.escape(text)}</code></pre>"


def _methods(cls: type, anchor: str) -> str:
    parts = []
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        target = member.fget if isinstance(member, property) else member
        if isinstance(target, staticmethod | classmethod):
            target = target.__func__
        if not (inspect.isfunction(target) or isinstance(member, property)):
            continue
        label = "property" if isinstance(member, property) else "method"
        signature = "" if isinstance(member, property) else _signature(target)
        parts.append(
            f"<h4 id='{html.escape(anchor)}.{html.escape(name)}'><code>{html.escape(name)}"
            f"{html.escape(signature)}</code> <span class='kind'>{label}</span></h4>"
            f"{_doc_html(target, 5)}"
        )
    return "".join(parts)


def _entry(module: str, name: str, obj: Any, api: dict[str, list[str]]) -> str:
    anchor = entry_id(module, name)
    home = _defined_in(obj, api, module, name)
    kind = _kind(obj)
    if home is not None:
        target = entry_id(home) if inspect.ismodule(obj) else entry_id(home, name)
        return (f"<h3 id='{html.escape(anchor)}'><code>{html.escape(name)}</code> "
                f"<span class='kind'>{kind}</span></h3><p>See <a href='#{html.escape(target)}'>"
                f"<code>{html.escape(target)}</code></a>.</p>")
    signature = _signature(obj) if kind in ("class", "function") else ""
    heading = (f"<h3 id='{html.escape(anchor)}'><code>{html.escape(name)}{html.escape(signature)}"
               f"</code> <span class='kind'>{kind}</span></h3>")
    if kind == "data":
        return heading + _value(obj)
    body = _doc_html(obj, 4)
    if kind == "class":
        body += _methods(obj, anchor)
    return heading + body


def reference_html(modules: Sequence[ModuleType] | None = None) -> str:
    """Return the API reference as the HTML body of one page.

    Parameters
    ----------
    modules : sequence of module, optional
        The modules to document (default: :func:`public_modules`).

    Returns
    -------
    str
        An ``<h1>``, a contents list linking each module and name, then a section per
        module (``id`` = the module's name) with an entry per public name (``id`` =
        ``module.name``, see :func:`entry_id`).
    """
    modules = list(public_modules() if modules is None else modules)
    api = public_api(modules)
    contents, sections = [], []
    for module in modules:
        names = api.get(module.__name__)
        if names is None:
            continue
        links = ", ".join(
            f"<a href='#{html.escape(entry_id(module.__name__, name))}'>{html.escape(name)}</a>"
            for name in names
        )
        contents.append(f"<li><a href='#{html.escape(module.__name__)}'><code>"
                        f"{html.escape(module.__name__)}</code></a>: {links}</li>")
        entries = "".join(_entry(module.__name__, name, getattr(module, name), api)
                          for name in names)
        sections.append(
            f"<section aria-labelledby='{html.escape(module.__name__)}'>"
            f"<h2 id='{html.escape(module.__name__)}'><code>{html.escape(module.__name__)}"
            f"</code></h2>{_summary_html(module)}{entries}</section>"
        )
    intro = (
        "<h1>API reference</h1><p>Every public name of the course package, from its "
        "docstring: each module's <code>__all__</code>, in the order it declares. Names a "
        "package re-exports link to the module that defines them.</p>"
    )
    return f"{intro}<nav aria-label='Modules'><ul>{''.join(contents)}</ul></nav>{''.join(sections)}"
