"""The class picture: combine a folder of anonymised exports into one table and plots.

:func:`combine` reads every ``*.json`` file of a folder, skips (and names, with the reason)
the ones that are not well-formed exports (no file can stop the others: a pipe, a device,
a file nested a million levels deep or a newer version's export is one line in
:attr:`ClassView.skipped`), sets aside as a *conflict* different exports that claim one
network id (exports are anonymous, so nobody can tell which is genuine), recomputes
each network's measures from its people and links (the numbers a file states are not
trusted), types each against the chosen reference medians, and returns a
:class:`ClassView`. Exports marked synthetic keep that label in the table and in every
plot title.

Examples
--------
>>> import tempfile
>>> from netind_teach.mynetwork.demo import write_synthetic_class
>>> folder = tempfile.mkdtemp()
>>> _ = write_synthetic_class(folder, n=6, seed=1)
>>> view = combine(folder)
>>> len(view.table), view.skipped, view.synthetic
(6, (), 'all')
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from netind_teach.vocab import AGE_GROUPS, TYPES
from netind_teach.wording import short

from .export import read_export
from .model import measures_of, network_graph, reference_and_rule

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["COLUMNS", "NOT_GIVEN", "ClassView", "combine"]

#: Columns of :attr:`ClassView.table`.
COLUMNS: tuple[str, ...] = (
    "file",
    "network",
    "synthetic",
    "age_group",
    "people",
    "ties",
    "groups",
    "diversity",
    "circles",
    "density",
    "type",
)
#: Age-group label of exports that gave none.
NOT_GIVEN = "not given"
_PLOTTED = (
    ("ties", "ties (five categories)"),
    ("diversity", "diversity score (0-12)"),
    ("circles", "circles"),
    ("density", "density"),
)


@dataclass(frozen=True)
class ClassView:
    """A class's exports, combined.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per export (columns :data:`COLUMNS`), sorted by file name.
    skipped : tuple of (str, str)
        (file name, why) for every file that was not used.
    reference : str
        ``"published"`` or ``"synthetic"``: the medians the types were computed against.
    conflicts : tuple of (str, tuple of str)
        (network id, file names) for every network id that two or more *different* exports
        claim: none of those files is used (each is also in :attr:`skipped`).
    """

    table: pd.DataFrame
    skipped: tuple[tuple[str, str], ...]
    reference: str
    conflicts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def synthetic(self) -> str:
        """``"all"``, ``"some"`` or ``"none"``: how many exports are synthetic."""
        flags = self.table["synthetic"]
        if len(flags) and flags.all():
            return "all"
        return "some" if flags.any() else "none"

    def _label(self) -> str:
        return {"all": " (synthetic class)", "some": " (includes synthetic exports)"}.get(
            self.synthetic, ""
        )

    def counts(self) -> pd.DataFrame:
        """People of each type per age group, with a total row ``"all"``.

        Examples
        --------
        >>> import pandas as pd
        >>> view = ClassView(pd.DataFrame({"age_group": ["under 35", "65+"],
        ...     "type": ["networked", "limited"], "synthetic": [True, True]}), (), "published")
        >>> view.counts().loc["all"].tolist()
        [1, 0, 1]
        """
        table = self.table
        order = [g for g in (*AGE_GROUPS, NOT_GIVEN) if g in set(table["age_group"])]
        grid = pd.crosstab(table["age_group"], table["type"]).reindex(
            index=order, columns=list(TYPES), fill_value=0
        )
        grid.loc["all"] = grid.sum()
        grid.index.name, grid.columns.name = "age group", "type"
        return grid.astype(int)

    def medians(self) -> pd.Series:
        """Median of each measure over the class."""
        columns = ["people", "ties", "groups", "diversity", "circles", "density"]
        return self.table[columns].median()

    def summary(self) -> str:
        """Return a few lines for the instructor: how many exports, types, and skipped files."""
        n = len(self.table)
        lines = [f"{n} export{'s' if n != 1 else ''} combined{self._label()}."]
        if n:
            total = self.counts().loc["all"]
            lines.append(
                "Types (against the "
                + self.reference
                + " medians): "
                + ", ".join(f"{t} {int(total[t])}" for t in TYPES)
                + "."
            )
        for network, names in self.conflicts:
            lines.append(
                f"Conflict: {len(names)} different exports claim network {network} "
                f"({', '.join(names)}); none was used. Fix: ask whoever handed them in to "
                "export again and hand in one file."
            )
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} file(s):")
            lines += [f"  - {name}: {why}" for name, why in self.skipped]
        return "\n".join(lines)

    def plot_types(self, ax: Axes | None = None) -> Axes:
        """Stacked bars of the types per age group (:func:`netind_teach.charts.plot_typology`)."""
        from netind_teach import charts

        if not len(self.table):
            raise ValueError("There are no exports to plot. Fix: combine a folder of exports.")
        counts = self.counts().drop(index="all")
        sizes = counts.sum(axis=1)
        counts.index = [f"{g} (n={n})" for g, n in zip(counts.index, sizes, strict=True)]
        return charts.plot_typology(
            counts,
            ax=ax,
            title=f"Types in the class{self._label()}",
            source=f"typed against the {self.reference} medians (course rule)",
        )

    def plot_measures(self, axes: Any = None) -> Any:
        """Histograms of ties, diversity, circles and density across the class."""
        import matplotlib.pyplot as plt

        from netind_teach import plotting

        if not len(self.table):
            raise ValueError("There are no exports to plot. Fix: combine a folder of exports.")
        if axes is None:  # margins fixed here: laid out once, not by constrained layout's passes
            figure, axes = plt.subplots(1, len(_PLOTTED), figsize=(14, 3.6))
            figure.subplots_adjust(left=0.045, right=0.995, bottom=0.165, top=0.87, wspace=0.2)
        for ax, (column, label) in zip(list(axes), _PLOTTED, strict=True):
            values = self.table[column]
            if column == "density":
                bins: Any = 10
            else:  # whole numbers: one bar per value when there are few, else about 12
                low, high = int(values.min()), int(values.max())
                step = max(1, -(-(high - low + 1) // 12))
                bins = [x - 0.5 for x in range(low, high + step + 1, step)]
            ax.hist(values, bins=bins, color=plotting.PALETTE[0], edgecolor="#333333")
            ax.axvline(values.median(), color=plotting.PALETTE[5], linestyle="--")
            ax.set_xlabel(label)
        axes[0].set_ylabel("exports")
        axes[0].figure.suptitle(
            f"Measures across the class{self._label()}; dashed line: the median"
        )
        return axes


def _row(name: str, data: dict[str, Any], against: tuple[Any, Any]) -> dict[str, Any]:
    from netind_teach import typology

    G = network_graph(data["people"], [tuple(pair) for pair in data["links"]])
    m = measures_of(G, data["groups"])
    kind = typology.classify(m.for_typology(data["age_group"]), *against).type
    return {
        "file": name,
        "network": data["network"],
        "synthetic": data["synthetic"],
        "age_group": data["age_group"] or NOT_GIVEN,
        "people": m.people,
        "ties": m.ties,
        "groups": m.groups,
        "diversity": m.diversity,
        "circles": m.circles,
        "density": round(m.density, 4),
        "type": kind,
    }


def combine(folder: str | os.PathLike[str], reference: str = "published") -> ClassView:
    """Combine every export (``*.json``) of ``folder`` into a :class:`ClassView`.

    Never stopped by one file: each file that cannot be used is named in
    :attr:`ClassView.skipped` with the reason. Several files with one network id: when
    they hold the same export, the first by name is used (exported twice); when they
    differ, none is used and the id is reported in :attr:`ClassView.conflicts` (exports
    are anonymous, so a file handed in under someone else's id cannot push theirs out).

    Parameters
    ----------
    folder : path
        The folder holding the exports.
    reference : {"published", "synthetic"}
        Medians to type against (see
        :func:`netind_teach.mynetwork.model.reference_and_rule`).

    Returns
    -------
    ClassView
        The combined table, the files skipped and the conflicts.
    """
    if not isinstance(folder, (str, os.PathLike)):
        raise TypeError(f"folder is a path (text or pathlib.Path), not {type(folder).__name__}.")
    where = Path(folder).expanduser()
    if not where.is_dir():
        raise ValueError(
            f"{short(str(where), 60)} is not a folder. Fix: put the exports in one folder and "
            "pass its path."
        )
    against = reference_and_rule(reference)  # a bad reference fails before any file is read
    skipped: list[tuple[str, str]] = []
    by_network: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for path in sorted(where.glob("*.json"), key=lambda p: p.name):
        try:
            data = read_export(path)
        except ValueError as exc:
            skipped.append((path.name, str(exc)))
            continue
        except Exception as exc:  # last resort: one file never stops the class
            skipped.append((path.name, f"it could not be read ({type(exc).__name__})"))
            continue
        by_network.setdefault(data["network"], []).append((path.name, data))
    used: list[tuple[str, dict[str, Any]]] = []
    conflicts: list[tuple[str, tuple[str, ...]]] = []
    for network, files in by_network.items():
        first_name, first = files[0]
        if all(data == first for _, data in files):
            used.append((first_name, first))
            skipped += [(n, f"same export as {first_name} (exported twice?)") for n, _ in files[1:]]
            continue
        names = tuple(n for n, _ in files)
        conflicts.append((network, names))
        skipped += [
            (n, f"conflict: {len(names)} different exports claim network {network}; none used")
            for n in names
        ]
    rows = [_row(name, data, against) for name, data in sorted(used, key=lambda f: f[0])]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return ClassView(
        table=table,
        skipped=tuple(sorted(skipped)),
        reference=reference,
        conflicts=tuple(sorted(conflicts)),
    )
