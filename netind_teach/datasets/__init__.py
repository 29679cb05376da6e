"""The course's datasets: list them, read their cards, load them with validation.

Every dataset is described in one Frictionless Data Package, ``datapackage.json``, in the
folder :func:`netind_teach._resources.datasets_dir` returns. Its card gives what the data
are, the source and how to cite it, the licence or terms of use, whether the data are
*published* or *synthetic*, and the columns with their units. Tables load as pandas
DataFrames after their checksum and column types are checked; the two classic networks
(Davis's Southern Women, Zachary's karate club) load from :mod:`networkx`; the synthetic
East York ego networks load as a mapping person id -> graph (``"east_york_egonets"``).

One job a module: :mod:`~netind_teach.datasets.package` reads the metadata and checked
file bytes, :mod:`~netind_teach.datasets.tables` checks and types a table against its
Table Schema, :mod:`~netind_teach.datasets.loading` loads, :mod:`~netind_teach.datasets.cards`
writes the cards (text and ``docs/datasets.md``), :mod:`~netind_teach.datasets.hashes`
keeps the checksums.

Examples
--------
>>> "gss_numgiven" in list_datasets()
True
>>> load("gss_numgiven").query("year == 2004 and response == '0'")["count"].item()
356
"""

from __future__ import annotations

from .cards import card, describe, render_cards_markdown, write_cards_markdown
from .hashes import refresh_hashes
from .loading import check_files, citation, list_datasets, load
from .package import PACKAGE_FILE, DatasetError

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
