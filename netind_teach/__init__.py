"""netind-teach: a Jupyter course on networked individualism.

Importing the package is cheap: submodules (and matplotlib, ipywidgets) load only
when first used.

Examples
--------
>>> import netind_teach
>>> netind_teach.__version__ == netind_teach.version()
True
>>> "egonet" in netind_teach.__all__
True
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBMODULES = (
    "charts",
    "cli",
    "collect",
    "confidants",
    "datasets",
    "diffusion",
    "doctor",
    "egodraw",
    "egonet",
    "exercises",
    "handin",
    "models",
    "mynetwork",
    "notebooks",
    "plotting",
    "progress",
    "site",
    "synthetic",
    "triple_revolution",
    "typology",
    "vocab",
    "widgets",
)

__all__ = ["__version__", "version", *_SUBMODULES]


def version() -> str:
    """Return the installed version of the course package.

    Returns
    -------
    str
        The version string, e.g. ``"0.1.0"``.

    Examples
    --------
    >>> isinstance(version(), str)
    True
    """
    return __version__


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
