"""The course's datasets: list them, read their cards, load them with validation.

Every dataset is described in one Frictionless Data Package, ``datapackage.json``, in the
folder :func:`netind_teach._resources.datasets_dir` returns. Its card gives what the data
are, the source and how to cite it, the licence or terms of use, whether the data are
*published* or *synthetic*, and the columns with their units. Tables load as pandas
DataFrames after their checksum and column types are checked; the two classic networks
(Davis's Southern Women, Zachary's karate club) load from :mod:`networkx`; the synthetic
East York ego networks load as a mapping person id -> graph (``"east_york_egonets"``).

Examples
--------
>>> "gss_numgiven" in list_datasets()
True
>>> load("gss_numgiven").query("year == 2004 and response == '0'")["count"].item()
356
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from netind_teach import synthetic
from netind_teach._resources import datasets_dir
from netind_teach.errors import NotFound

__all__ = [
    "PACKAGE_FILE",
    "DatasetError",
    "card",
    "check_files",
    "citation",
    "describe",
    "list_datasets",
    "load",
    "refresh_hashes",
    "render_cards_markdown",
    "write_cards_markdown",
]

#: Name of the metadata file inside the datasets folder.
PACKAGE_FILE = "datapackage.json"

_REINSTALL = (
    "reinstall the course package (pip install --force-reinstall netind-teach), or in a "
    "git checkout restore the file (git checkout -- datasets/); then run "
    "`netind-teach doctor` to check every dataset"
)
_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}
_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DatasetError(ValueError):
    """A dataset is unknown, missing, damaged or malformed.

    Attributes
    ----------
    dataset : str
        The dataset's name (or ``"datapackage.json"``).
    problem : str
        What is wrong.
    fix : str
        What to do about it.

    Examples
    --------
    >>> err = DatasetError("gss_numgiven", "its file is missing", "reinstall")
    >>> str(err)
    "Dataset 'gss_numgiven': its file is missing. Fix: reinstall."
    """

    def __init__(self, dataset: str, problem: str, fix: str) -> None:
        self.dataset, self.problem, self.fix = dataset, problem, fix
        super().__init__(f"Dataset {dataset!r}: {problem}. Fix: {fix}.")


# --------------------------------------------------------------------------- metadata


def _package() -> dict[str, Any]:
    path = datasets_dir() / PACKAGE_FILE
    if not path.is_file():
        raise DatasetError(PACKAGE_FILE, f"the file is missing from {path}", _REINSTALL)
    try:
        package = json.loads(_read_bytes(PACKAGE_FILE, path).decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DatasetError(PACKAGE_FILE, f"the file is not valid JSON ({exc})", _REINSTALL) from exc
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DatasetError(PACKAGE_FILE, "the file has no list of resources", _REINSTALL)
    return package


def _entries(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Resources and derived datasets, by name, in package order."""
    entries = {r["name"]: r for r in package["resources"]}
    for derived in package.get("derived_datasets", []):
        entries[derived["name"]] = derived
    return entries


def _entry(name: str, package: dict[str, Any] | None = None) -> dict[str, Any]:
    if not isinstance(name, str):
        raise TypeError(
            f"A dataset name must be a string, not {type(name).__name__}. Fix: see list_datasets()."
        )
    entries = _entries(_package() if package is None else package)
    if name not in entries:
        close = difflib.get_close_matches(name, list(entries), n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise DatasetError(
            name,
            f"there is no dataset of that name.{hint} Known datasets: " + ", ".join(entries),
            "use one of the names list_datasets() returns",
        )
    return entries[name]


def list_datasets() -> list[str]:
    """Return the names of all datasets, in the order of ``datapackage.json``.

    Examples
    --------
    >>> names = list_datasets()
    >>> "east_york_synthetic" in names and "east_york_egonets" in names
    True
    """
    return list(_entries(_package()))


def citation(name: str) -> str:
    """Return how to cite a dataset: the full citation of each source, one per line.

    Examples
    --------
    >>> print(citation("karate_club"))
    Zachary, W. W. (1977). An Information Flow Model for Conflict and Fission in Small
    Groups. Journal of Anthropological Research, 33(4), 452-473.
    """
    return "\n".join(source["title"] for source in _entry(name)["sources"])


# ------------------------------------------------------------------------------ cards


def _fields(entry: dict[str, Any]) -> list[dict[str, Any]]:
    if "schema" in entry:
        return entry["schema"]["fields"]
    return entry.get("attributes", [])


def _verification_text(entry: dict[str, Any]) -> str:
    tag = entry.get("verification", "")
    return {
        "P": "P (every figure seen in the primary or official source)",
        "S": "S (seen only in a secondary source)",
        "per-row": "per row, column 'verification' (P = seen in the primary or official "
        "source; S = seen only in a secondary source)",
        "synthetic": "synthetic (made by seeded code, calibrated to published figures)",
        "external": "external (a classic dataset shipped by networkx; not from the course's "
        "fact sheet)",
    }.get(tag, tag)


def _with_link(item: dict[str, Any]) -> str:
    """A source's or licence's title, with its address unless the title already has it."""
    title, path = item["title"], item.get("path")
    return f"{title} <{path}>" if path and path not in title else title


def card(name: str) -> str:
    """Return a dataset's card as text (what :func:`describe` prints).

    Examples
    --------
    >>> print(card("wellman_models").splitlines()[0])
    wellman_models: Wellman's three models of community
    """
    entry = _entry(name)
    lines = [f"{name}: {entry['title']}", ""]
    lines.append(f"Kind: {entry['kind']}")
    lines.append(f"Verification: {_verification_text(entry)}")
    lines.append(f"What: {entry['description']}")
    if "generator" in entry:
        gen = entry["generator"]
        lines.append(f"Generator: {gen['function']}(seed={gen['seed']})")
    if "networkx" in entry:
        lines.append(f"Loaded from: networkx.{entry['networkx']}() (no file is shipped)")
    if "derived_from" in entry:
        lines.append("Built from: " + ", ".join(entry["derived_from"]))
    lines.append("Sources (cite as):")
    lines.extend(f"  - {_with_link(s)}" for s in entry["sources"])
    lines.append("Licence / terms:")
    lines.extend(f"  - {_with_link(lic)}" for lic in entry["licenses"])
    if "terms" in entry:
        lines.append(f"  {entry['terms']}")
    label = "Columns" if "schema" in entry else "Attributes"
    lines.append(f"{label}:")
    for f in _fields(entry):
        where = f"{f['on']} attribute, " if "on" in f else ""
        unit = f"; unit: {f['unit']}" if f.get("unit") else ""
        lines.append(f"  - {f['name']} ({where}{f['type']}{unit}): {f['description']}")
    lines.append(f'Load: netind_teach.datasets.load("{name}")')
    return "\n".join(lines)


def describe(name: str) -> str:
    """Print a dataset's card (source, citation, licence, kind, columns) and return it.

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

    Examples
    --------
    >>> render_cards_markdown().startswith("# Datasets")
    True
    """
    package = _package()
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
    entries = _entries(package)
    out.extend(f"| [`{n}`](#{n}) | {e['kind']} | {e['title']} |" for n, e in entries.items())
    for name, entry in entries.items():
        out += ["", f"## {name}", "", f"**{entry['title']}**", ""]
        out.append(f"- Kind: {entry['kind']}")
        out.append(f"- Verification: {_verification_text(entry)}")
        if "path" in entry:
            out.append(f"- File: `datasets/{entry['path']}` (`{entry.get('hash', '')}`)")
        if "generator" in entry:
            gen = entry["generator"]
            out.append(f"- Generator: `{gen['function']}(seed={gen['seed']})`")
        if "networkx" in entry:
            out.append(f"- Loaded from `networkx.{entry['networkx']}()`; no file is shipped")
        if "derived_from" in entry:
            out.append("- Built from: " + ", ".join(f"`{d}`" for d in entry["derived_from"]))
        out += ["", entry["description"], "", "**Cite as**", ""]
        out.extend(f"- {_with_link(s)}" for s in entry["sources"])
        out += ["", "**Licence / terms of use**", ""]
        out.extend(f"- {_with_link(lic)}" for lic in entry["licenses"])
        if "terms" in entry:
            out += ["", entry["terms"]]
        label = "Columns" if "schema" in entry else "Attributes"
        out += [
            "",
            f"**{label}**",
            "",
            "| name | type | unit | description |",
            "| --- | --- | --- | --- |",
        ]
        for f in _fields(entry):
            kind = f"{f['on']} attribute, {f['type']}" if "on" in f else f["type"]
            description = f["description"].replace("|", "\\|")
            out.append(f"| `{f['name']}` | {kind} | {f.get('unit', '')} | {description} |")
        out += ["", f'```python\nfrom netind_teach import datasets\ndatasets.load("{name}")\n```']
    return "\n".join(out) + "\n"


def write_cards_markdown(path: str | Path) -> Path:
    """Write :func:`render_cards_markdown` to ``path`` (e.g. ``docs/datasets.md``).

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


# ---------------------------------------------------------------------------- loading


def _read_bytes(name: str, file: Any) -> bytes:
    """The file's bytes, or a DatasetError that says why it cannot be read and what to do."""
    try:
        return file.read_bytes()
    except PermissionError as exc:
        raise DatasetError(
            name,
            f"its file {file} cannot be read (permission denied)",
            f"make it readable (e.g. chmod a+r '{file}'), or {_REINSTALL}",
        ) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DatasetError(name, f"its file {file} cannot be read ({reason})", _REINSTALL) from exc


def _read_checked(name: str, entry: dict[str, Any]) -> bytes:
    file = datasets_dir() / entry["path"]
    if not file.is_file():
        raise DatasetError(
            name, f"its file {entry['path']} is missing from {datasets_dir()}", _REINSTALL
        )
    data = _read_bytes(name, file)
    algorithm, _, expected = entry.get("hash", "").partition(":")
    if algorithm != "sha256" or not expected:
        raise DatasetError(name, "datapackage.json gives no sha256 hash for it", _REINSTALL)
    if hashlib.sha256(data).hexdigest() != expected:
        raise DatasetError(
            name,
            f"its file {entry['path']} does not match the checksum in datapackage.json (it "
            "was changed, truncated or damaged)",
            _REINSTALL + " (if you changed the file on purpose, record the new checksum with "
            "netind_teach.datasets.refresh_hashes())",
        )
    return data


def _bad(name: str, column: str, type_: str, mask: pd.Series, raw: pd.Series) -> DatasetError:
    first = mask.idxmax()
    return DatasetError(
        name,
        f"column {column!r} should hold {type_} values, but line {int(first) + 2} of the file "
        f"has {raw[first]!r}",
        _REINSTALL,
    )


def _convert(name: str, field: dict[str, Any], raw: pd.Series) -> pd.Series:
    column, type_ = field["name"], field["type"]
    missing = raw == ""
    present = ~missing
    if type_ == "string":
        values = raw.where(present)
    elif type_ == "integer":
        bad = present & ~raw.str.fullmatch(_INTEGER.pattern)
        if bad.any():
            raise _bad(name, column, "integer", bad, raw)
        numbers = pd.to_numeric(raw.where(present))
        values = numbers.astype("Int64") if missing.any() else numbers.astype("int64")
    elif type_ == "number":
        bad = present & ~raw.str.fullmatch(_NUMBER.pattern)
        if bad.any():
            raise _bad(name, column, "number", bad, raw)
        values = pd.to_numeric(raw.where(present)).astype("float64")
    elif type_ == "boolean":
        bad = ~raw.isin(_TRUE | _FALSE)
        if bad.any():
            raise _bad(name, column, "boolean (true/false)", bad, raw)
        values = raw.isin(_TRUE)
    elif type_ == "date":
        parsed = pd.to_datetime(raw.where(present), format="%Y-%m-%d", errors="coerce")
        bad = present & (~raw.str.fullmatch(_DATE.pattern) | parsed.isna())
        if bad.any():
            raise _bad(name, column, "date (YYYY-MM-DD)", bad, raw)
        values = parsed
    else:
        raise DatasetError(
            name, f"datapackage.json gives column {column!r} the unknown type {type_!r}", _REINSTALL
        )
    constraints = field.get("constraints", {})
    if constraints.get("required") and missing.any():
        raise _bad(name, column, "non-empty", missing, raw)
    if "enum" in constraints:
        allowed = {str(v) for v in constraints["enum"]}
        bad = present & ~raw.isin(allowed)
        if bad.any():
            raise _bad(name, column, f"one of {sorted(allowed)} as", bad, raw)
    for bound, outside in (("minimum", lambda v, b: v < b), ("maximum", lambda v, b: v > b)):
        if bound in constraints:
            bad = present & outside(pd.to_numeric(raw.where(present)), constraints[bound])
            if bad.any():
                raise _bad(name, column, f"{bound} {constraints[bound]}", bad, raw)
    return values


def _load_table(name: str, entry: dict[str, Any]) -> pd.DataFrame:
    data = _read_checked(name, entry)
    try:
        raw = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DatasetError(
            name, f"its file {entry['path']} cannot be read as CSV ({exc})", _REINSTALL
        ) from exc
    fields = entry["schema"]["fields"]
    expected = [f["name"] for f in fields]
    if list(raw.columns) != expected:
        raise DatasetError(
            name,
            f"its columns are {list(raw.columns)} but datapackage.json expects {expected}",
            _REINSTALL,
        )
    return pd.DataFrame({f["name"]: _convert(name, f, raw[f["name"]]) for f in fields})


def _network_factory(name: str, entry: dict[str, Any]) -> Callable[[], nx.Graph]:
    factory = getattr(nx, entry["networkx"], None)
    if not callable(factory):
        raise DatasetError(
            name,
            f"this networkx ({nx.__version__}) has no function {entry['networkx']!r}",
            "install a networkx version that has it (pip install 'networkx>=3')",
        )
    return factory


class _EgoNetworks(dict):
    """person id -> ego network; an unknown id gets a one-line message naming the ids."""

    def __init__(self, name: str, graphs: dict[int, nx.Graph]) -> None:
        super().__init__(graphs)
        self.name = name

    def __missing__(self, key: Any) -> nx.Graph:
        ids = sorted(self)
        span = f"{ids[0]} to {ids[-1]}" if ids else "none"
        raise NotFound(
            f"There is no person {key!r} in {self.name}: person ids run from {span}. "
            f"Fix: use one of them, e.g. egonets[{ids[0] if ids else 1}]."
        )


def load(name: str) -> pd.DataFrame | nx.Graph | dict[int, nx.Graph]:
    """Load a dataset, after checking its file's checksum and column types.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame, networkx.Graph or dict
        A DataFrame for tables (columns typed as the card says: integers, floats, strings,
        booleans, dates); a graph for ``"karate_club"`` and ``"davis_southern_women"``;
        for ``"east_york_egonets"`` a dict person id -> ego network (ego node
        :data:`netind_teach.vocab.EGO`, alters with ``category`` and ``circle``).

    Raises
    ------
    DatasetError
        Unknown name (with close names suggested), missing or altered file, or a column
        of the wrong type; the message names the dataset, the problem and the fix.

    Examples
    --------
    >>> load("pew_internet_use").set_index("year").loc[2024, "percent"]
    np.int64(96)
    >>> load("karate_club").number_of_nodes()
    34
    >>> len(load("east_york_egonets"))
    101
    >>> load("gss_numgivn")
    Traceback (most recent call last):
    ...
    netind_teach.datasets.DatasetError: Dataset 'gss_numgivn': ... Did you mean 'gss_numgiven'? ...
    """
    package = _package()
    entry = _entry(name, package)
    if "networkx" in entry:
        return _network_factory(name, entry)()
    if "derived_from" in entry:
        people, alters, ties = (load(part) for part in entry["derived_from"])
        return _EgoNetworks(name, synthetic.egonets_from_tables(alters, ties, people))
    return _load_table(name, entry)


# ---------------------------------------------------------------------- maintenance


def check_files() -> list[tuple[str, str | None]]:
    """Check every dataset: file present, checksum right, columns of the right type.

    Returns
    -------
    list of (str, str or None)
        One pair per resource in ``datapackage.json``: its name and ``None`` if it is
        fine, else the problem and its fix in one sentence. If ``datapackage.json``
        itself is broken, a single pair ``("datapackage.json", problem)``.

    Examples
    --------
    >>> problems = [p for _, p in check_files() if p]
    >>> problems
    []
    """
    try:
        package = _package()
    except DatasetError as exc:
        return [(PACKAGE_FILE, str(exc))]
    results: list[tuple[str, str | None]] = []
    for entry in package["resources"]:
        name = entry.get("name", "?")
        try:
            if "networkx" in entry:
                _network_factory(name, entry)
            else:
                _load_table(name, entry)
        except DatasetError as exc:
            results.append((name, str(exc)))
        except (KeyError, TypeError) as exc:
            results.append(
                (name, str(DatasetError(name, f"its metadata is incomplete ({exc})", _REINSTALL)))
            )
        else:
            results.append((name, None))
    return results


def refresh_hashes(folder: str | Path | None = None) -> list[str]:
    """Record the current sha256 and size of every file in ``datapackage.json``.

    For maintainers, after changing a CSV on purpose (e.g. after
    :func:`netind_teach.synthetic.write_east_york`). Rewrites ``datapackage.json`` only
    if something changed.

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        The datasets folder; default :func:`netind_teach._resources.datasets_dir`.

    Returns
    -------
    list of str
        Names of the resources whose hash changed.

    Examples
    --------
    >>> import shutil, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     copy = pathlib.Path(shutil.copytree(str(datasets_dir()), pathlib.Path(tmp) / "d"))
    ...     before = refresh_hashes(copy)
    ...     with open(copy / "wellman_models.csv", "a", encoding="utf-8") as f:
    ...         _ = f.write("4,a fourth model,x,x,x,x\\n")
    ...     after = refresh_hashes(copy)
    >>> before, after
    ([], ['wellman_models'])
    """
    folder = Path(str(datasets_dir())) if folder is None else Path(folder)
    path = folder / PACKAGE_FILE
    package = json.loads(path.read_text(encoding="utf-8"))
    changed = []
    for entry in package["resources"]:
        if "path" not in entry:
            continue
        data = (folder / entry["path"]).read_bytes()
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if entry.get("hash") != digest or entry.get("bytes") != len(data):
            entry["hash"], entry["bytes"] = digest, len(data)
            changed.append(entry["name"])
    if changed:
        path.write_bytes((json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode())
    return changed
