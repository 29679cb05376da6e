"""Dataset cards: what a dataset is, its source and licence, its columns.

A card is read once from ``datapackage.json`` into a :class:`Card`, then written as text
(:func:`card`, :func:`describe`) or as Markdown (``docs/datasets.md``,
:func:`render_cards_markdown`).

Examples
--------
>>> c = card_of("karate_club")
>>> c.kind, c.networkx, c.columns_label
('published', 'karate_club_graph', 'Attributes')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .package import entries, entry, fields, read_package

__all__ = [
    "Card",
    "Column",
    "card",
    "card_markdown",
    "card_of",
    "card_text",
    "describe",
    "render_cards_markdown",
    "write_cards_markdown",
]

_VERIFICATION = {
    "P": "P (every figure seen in the primary or official source)",
    "S": "S (seen only in a secondary source)",
    "per-row": "per row, column 'verification' (P = seen in the primary or official "
    "source; S = seen only in a secondary source)",
    "synthetic": "synthetic (made by seeded code, calibrated to published figures)",
    "external": "external (a classic dataset shipped by networkx; not from the course's "
    "fact sheet)",
}


@dataclass(frozen=True)
class Column:
    """One column of a table (or attribute of a network) as a card lists it.

    Parameters
    ----------
    name, type, description : str
        As in the schema.
    unit : str
        "" when it has none.
    on : str
        For a network's attribute: ``"node"`` or ``"edge"``; "" for a table's column.
    """

    name: str
    type: str
    description: str
    unit: str = ""
    on: str = ""


@dataclass(frozen=True)
class Card:
    """Everything a dataset's card says, in order (see :func:`card_of`).

    Parameters
    ----------
    name, title, kind, verification, description : str
        Who it is and what it holds; ``verification`` in words.
    file, checksum : str
        The shipped file and its checksum ("" when nothing is shipped).
    generator : str
        The seeded call that made synthetic data (``"f(seed=1)"``), or "".
    networkx : str
        The networkx function it loads from, or "".
    derived_from : tuple of str
        The datasets it is built from.
    sources, licences : tuple of str
        Each with its address.
    terms : str
        Terms of use beyond the licences, or "".
    columns_label : str
        ``"Columns"`` (a table) or ``"Attributes"`` (a network).
    columns : tuple of Column
        The columns or attributes.
    """

    name: str
    title: str
    kind: str
    verification: str
    description: str
    file: str
    checksum: str
    generator: str
    networkx: str
    derived_from: tuple[str, ...]
    sources: tuple[str, ...]
    licences: tuple[str, ...]
    terms: str
    columns_label: str
    columns: tuple[Column, ...]


def _with_link(item: dict[str, Any]) -> str:
    """Return a source's or licence's title, with its address unless the title already has it."""
    title, path = item["title"], item.get("path")
    return f"{title} <{path}>" if path and path not in title else str(title)


def card_of(name: str, item: dict[str, Any] | None = None) -> Card:
    """Return what the card of dataset ``name`` says.

    Parameters
    ----------
    name : str
        One of :func:`~netind_teach.datasets.list_datasets`.
    item : dict, optional
        Its entry in ``datapackage.json`` (read when not given).

    Returns
    -------
    Card
        The card's contents.
    """
    item = entry(name) if item is None else item
    gen = item.get("generator")
    tag = item.get("verification", "")
    return Card(
        name=name,
        title=item["title"],
        kind=item["kind"],
        verification=_VERIFICATION.get(tag, tag),
        description=item["description"],
        file=item.get("path", ""),
        checksum=item.get("hash", ""),
        generator=f"{gen['function']}(seed={gen['seed']})" if gen else "",
        networkx=item.get("networkx", ""),
        derived_from=tuple(item.get("derived_from", ())),
        sources=tuple(_with_link(s) for s in item["sources"]),
        licences=tuple(_with_link(lic) for lic in item["licenses"]),
        terms=item.get("terms", ""),
        columns_label="Columns" if "schema" in item else "Attributes",
        columns=tuple(
            Column(f["name"], f["type"], f["description"], f.get("unit", ""), f.get("on", ""))
            for f in fields(item)
        ),
    )


def card_text(c: Card) -> str:
    """Return a card as plain text (what :func:`describe` prints).

    Parameters
    ----------
    c : Card
        The card.

    Returns
    -------
    str
        Lines of text.
    """
    lines = [f"{c.name}: {c.title}", "", f"Kind: {c.kind}", f"Verification: {c.verification}"]
    lines.append(f"What: {c.description}")
    if c.generator:
        lines.append(f"Generator: {c.generator}")
    if c.networkx:
        lines.append(f"Loaded from: networkx.{c.networkx}() (no file is shipped)")
    if c.derived_from:
        lines.append("Built from: " + ", ".join(c.derived_from))
    lines.append("Sources (cite as):")
    lines.extend(f"  - {s}" for s in c.sources)
    lines.append("Licence / terms:")
    lines.extend(f"  - {lic}" for lic in c.licences)
    if c.terms:
        lines.append(f"  {c.terms}")
    lines.append(f"{c.columns_label}:")
    for col in c.columns:
        where = f"{col.on} attribute, " if col.on else ""
        unit = f"; unit: {col.unit}" if col.unit else ""
        lines.append(f"  - {col.name} ({where}{col.type}{unit}): {col.description}")
    lines.append(f'Load: netind_teach.datasets.load("{c.name}")')
    return "\n".join(lines)


def card_markdown(c: Card) -> list[str]:
    """Return a card as Markdown lines (a section of ``docs/datasets.md``).

    Parameters
    ----------
    c : Card
        The card.

    Returns
    -------
    list of str
        Lines, starting with a blank line and the ``## name`` heading.
    """
    out = ["", f"## {c.name}", "", f"**{c.title}**", ""]
    out.append(f"- Kind: {c.kind}")
    out.append(f"- Verification: {c.verification}")
    if c.file:
        out.append(f"- File: `datasets/{c.file}` (`{c.checksum}`)")
    if c.generator:
        out.append(f"- Generator: `{c.generator}`")
    if c.networkx:
        out.append(f"- Loaded from `networkx.{c.networkx}()`; no file is shipped")
    if c.derived_from:
        out.append("- Built from: " + ", ".join(f"`{d}`" for d in c.derived_from))
    out += ["", c.description, "", "**Cite as**", ""]
    out.extend(f"- {s}" for s in c.sources)
    out += ["", "**Licence / terms of use**", ""]
    out.extend(f"- {lic}" for lic in c.licences)
    if c.terms:
        out += ["", c.terms]
    out += ["", f"**{c.columns_label}**", "", "| name | type | unit | description |"]
    out.append("| --- | --- | --- | --- |")
    for col in c.columns:
        kind = f"{col.on} attribute, {col.type}" if col.on else col.type
        description = col.description.replace("|", "\\|")
        out.append(f"| `{col.name}` | {kind} | {col.unit} | {description} |")
    out += ["", f'```python\nfrom netind_teach import datasets\ndatasets.load("{c.name}")\n```']
    return out


def card(name: str) -> str:
    """Return a dataset's card as text (what :func:`describe` prints).

    Parameters
    ----------
    name : str
        One of :func:`~netind_teach.datasets.list_datasets`.

    Returns
    -------
    str
        The card.

    Examples
    --------
    >>> print(card("wellman_models").splitlines()[0])
    wellman_models: Wellman's three models of community
    """
    return card_text(card_of(name))


def describe(name: str) -> str:
    """Print a dataset's card (source, citation, licence, kind, columns) and return it.

    Parameters
    ----------
    name : str
        One of :func:`~netind_teach.datasets.list_datasets`.

    Returns
    -------
    str
        The card printed.

    Examples
    --------
    >>> text = describe("gss_numgiven")
    gss_numgiven: GSS: number of people named to discuss important matters, 1985 and 2004
    ...
    Load: netind_teach.datasets.load("gss_numgiven")
    >>> "cite as" in text and "(integer; unit: respondents (unweighted))" in text
    True
    """
    text = card(name)
    print(text)
    return text


def render_cards_markdown() -> str:
    """Render every card as Markdown: the text of ``docs/datasets.md``.

    Returns
    -------
    str
        The page.

    Examples
    --------
    >>> render_cards_markdown().startswith("# Datasets")
    True
    """
    package = read_package()
    out = [
        "# Datasets",
        "",
        "<!-- Generated from datasets/datapackage.json by "
        "netind_teach.datasets.write_cards_markdown('docs/datasets.md'); do not edit by hand. -->",
        "",
        package.get("description", ""),
        "",
        "Load any of them with `netind_teach.datasets.load(name)`, print a card with "
        "`describe(name)`, get the citation with `citation(name)`.",
        "",
        "**How to cite.** Cite the original source given on each card (and, if you like, "
        "this course). Published figures are restated with attribution under their "
        "sources' terms; the course's own compilation, notes and synthetic data are under "
        "CC BY 4.0. Synthetic data must be called synthetic wherever they are shown.",
        "",
        "| name | kind | title |",
        "| --- | --- | --- |",
    ]
    known = entries(package)
    out.extend(f"| [`{n}`](#{n}) | {e['kind']} | {e['title']} |" for n, e in known.items())
    for name, item in known.items():
        out += card_markdown(card_of(name, item))
    return "\n".join(out) + "\n"


def write_cards_markdown(path: str | Path) -> Path:
    """Write :func:`render_cards_markdown` to ``path`` (e.g. ``docs/datasets.md``).

    Parameters
    ----------
    path : str or pathlib.Path
        The file to write.

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_cards_markdown(pathlib.Path(tmp) / "datasets.md")
    ...     out.read_text(encoding="utf-8") == render_cards_markdown()
    True
    """
    path = Path(path)
    path.write_bytes(render_cards_markdown().encode("utf-8"))
    return path
