"""Loading the datasets: tables as typed DataFrames, networks from networkx, ego networks.

Examples
--------
>>> load("karate_club").number_of_nodes()
34
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx
import pandas as pd

from netind_teach import synthetic
from netind_teach.errors import NotFound

from .package import PACKAGE_FILE, REINSTALL, DatasetError, entries, entry, read_file, read_package
from .tables import typed_table

__all__ = ["check_files", "citation", "list_datasets", "load"]


def list_datasets() -> list[str]:
    """Return the names of all datasets, in the order of ``datapackage.json``.

    Returns
    -------
    list of str
        Resources first, then derived datasets.

    Examples
    --------
    >>> names = list_datasets()
    >>> "east_york_synthetic" in names and "east_york_egonets" in names
    True
    """
    return list(entries(read_package()))


def citation(name: str) -> str:
    """Return how to cite a dataset: the full citation of each source, one per line.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`.

    Returns
    -------
    str
        One line per source.

    Examples
    --------
    >>> print(citation("karate_club"))
    Zachary, W. W. (1977). An Information Flow Model for Conflict and Fission in Small
    Groups. Journal of Anthropological Research, 33(4), 452-473.
    """
    return "\n".join(source["title"] for source in entry(name)["sources"])


def _load_table(name: str, item: dict[str, Any]) -> pd.DataFrame:
    data = read_file(name, item)  # checked against its checksum on every load
    key = (item["path"], item["hash"], repr(item["schema"]["fields"]))
    if key not in _TABLES:  # typing the columns is the slow part: once per file content
        _TABLES[key] = typed_table(name, data, item["schema"]["fields"], item["path"])
    return _TABLES[key].copy()


# Typed tables by (path, checksum, schema): a lesson, its exercises and its widgets load
# the same tables several times (lesson 02: 14 loads of 5 tables). The bytes are read and
# checked each time; equal bytes and schema give an equal table, so each caller gets a
# copy of the one typed the first time.
_TABLES: dict[tuple[str, str, str], pd.DataFrame] = {}


def _network_factory(name: str, item: dict[str, Any]) -> Callable[[], nx.Graph]:
    factory = getattr(nx, item["networkx"], None)
    if not callable(factory):
        raise DatasetError(
            name,
            f"this networkx ({nx.__version__}) has no function {item['networkx']!r}",
            "install a networkx version that has it (pip install 'networkx>=3')",
        )
    made: Callable[[], Any] = factory
    return made


class _EgoNetworks(dict):  # type: ignore[type-arg]
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
    >>> len(load("east_york_egonets"))
    101
    >>> load("gss_numgivn")
    Traceback (most recent call last):
    ...
    netind_teach.datasets.DatasetError: Dataset 'gss_numgivn': ... Did you mean 'gss_numgiven'? ...
    """
    item = entry(name, read_package())
    if "networkx" in item:
        return _network_factory(name, item)()
    if "derived_from" in item:
        people, alters, ties = (load(part) for part in item["derived_from"])
        return _EgoNetworks(name, synthetic.egonets_from_tables(alters, ties, people))
    return _load_table(name, item)


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
    >>> [p for _, p in check_files() if p]
    []
    """
    try:
        package = read_package()
    except DatasetError as exc:
        return [(PACKAGE_FILE, str(exc))]
    results: list[tuple[str, str | None]] = []
    for item in package["resources"]:
        name = item.get("name", "?")
        try:
            if "networkx" in item:
                _network_factory(name, item)
            else:
                _load_table(name, item)
        except DatasetError as exc:
            results.append((name, str(exc)))
        except (KeyError, TypeError) as exc:
            problem = DatasetError(name, f"its metadata is incomplete ({exc})", REINSTALL)
            results.append((name, str(problem)))
        else:
            results.append((name, None))
    return results
