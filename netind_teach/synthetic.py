"""A *synthetic* East York sample: 101 made-up people calibrated to published figures.

The individual interviews behind Wellman, Quan-Haase & Harper (2020), "The networked
question in the digital era", *Network Science* 8(3): 291-312, are not public. The course
therefore ships a synthetic sample of 101 people, generated here by seeded code, whose
medians and type shares match the published ones. Nothing in it describes a real person.

How the sample is calibrated (by construction, then by a seeded local search):

1. **Sizes.** Age groups have the published sizes (6 under 35, 22 aged 35-50, 32 aged
   51-64, 41 aged 65+), 55 women and 46 men, ages 27-93.
2. **Types first.** Each age group gets a fixed number of networked / bounded / limited
   people (:data:`TYPE_COUNTS`), taken from the published shares: under 35 two-thirds
   networked and one-third bounded (4 and 2 of 6); 41% of 35-50 (9 of 22) and 28% of
   51-64 (9 of 32) networked; 65+ 32/32/36% (13/13/15 of 41). The split of the other
   35-50 and 51-64 people between bounded and limited is not published; it is chosen so
   the whole sample has 35 networked, 37 bounded and 29 limited (34.7 / 36.6 / 28.7%,
   against the published 35 / 36 / 29%).
3. **Sides of the median.** For every person and each measure (ties, groups, diversity)
   the generator decides whether the value lies below, at, or above the age group's
   median (:data:`AGE_GROUP_MEDIANS`), consistently with the person's type under the
   course rule (:mod:`netind_teach.typology`): networked = at or above on all three;
   limited = at or below on all three and below on at least one; bounded = above on one
   and below on another. At most half of an age group lies strictly on either side of a
   median, so each age-group median is *exactly* its target. The tie medians by age group
   (34, 21, 15, 14) are published; the group and diversity medians by age group are not,
   and are the generator's choice.
4. **Values.** Values are drawn inside their side (below, at, above), and a seeded local
   search then moves values, or moves a person to another side when their type allows it,
   never breaking steps 2-3, until the medians by type equal Table 2 (ties 31/18/14,
   groups 2/2/0, diversity 9/7/6), the whole-sample medians equal 22 ties and diversity 7,
   and the standard deviation of ties is within 0.2 of the published 13.9.
5. **Ego networks.** Each person's ties are split over the five counted categories
   (immediate kin, extended kin, friends, neighbours, workmates), alters are put in social
   circles (family, neighbourhood, work, friends, and one circle per group the person is
   involved in), and alter-alter ties are drawn with a higher chance inside a circle.
   These details are illustrative only: the paper publishes no per-person networks.

The diversity score (0-12) is drawn to match its published medians; the paper's own
scoring of diversity is not reconstructed.

Examples
--------
>>> sample = generate_east_york()
>>> len(sample.people), int(sample.people["ties"].median())
(101, 22)
>>> sample.people.groupby("age_group", sort=False)["ties"].median().astype(int).tolist()
[34, 21, 15, 14]
"""

from __future__ import annotations

import bisect
import csv
import io
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from netind_teach.errors import NotFound, WrongInput
from netind_teach.quantities import is_whole
from netind_teach.vocab import AGE_GROUPS, EGO, TIE_CATEGORIES, TYPES

__all__ = [
    "AGE_GROUP_MEDIANS",
    "AGE_GROUP_SIZES",
    "ALTER_COLUMNS",
    "EAST_YORK_FILES",
    "EAST_YORK_SEED",
    "PEOPLE_COLUMNS",
    "TIE_COLUMNS",
    "TYPE_COUNTS",
    "EastYorkSample",
    "check_person_id",
    "egonet_of",
    "egonets_from_tables",
    "generate_east_york",
    "person_choices",
    "write_east_york",
]

#: Seed of the shipped sample (``datasets/east_york_synthetic*.csv``).
EAST_YORK_SEED = 2020

#: Published age-group sizes (Wellman, Quan-Haase & Harper 2020).
AGE_GROUP_SIZES: dict[str, int] = {"under 35": 6, "35-50": 22, "51-64": 32, "65+": 41}

#: People of each type per age group (networked, bounded, limited); see the module notes.
TYPE_COUNTS: dict[str, dict[str, int]] = {
    "under 35": {"networked": 4, "bounded": 2, "limited": 0},
    "35-50": {"networked": 9, "bounded": 8, "limited": 5},
    "51-64": {"networked": 9, "bounded": 14, "limited": 9},
    "65+": {"networked": 13, "bounded": 13, "limited": 15},
}

#: Medians within each age group. Ties: published. Groups and diversity: the generator's
#: choice (not published).
AGE_GROUP_MEDIANS: dict[str, dict[str, int]] = {
    "ties": {"under 35": 34, "35-50": 21, "51-64": 15, "65+": 14},
    "groups": {"under 35": 2, "35-50": 2, "51-64": 1, "65+": 1},
    "diversity": {"under 35": 9, "35-50": 8, "51-64": 7, "65+": 7},
}

#: File names written by :func:`write_east_york`, by dataset name.
EAST_YORK_FILES: dict[str, str] = {
    "east_york_synthetic": "east_york_synthetic.csv",
    "east_york_synthetic_alters": "east_york_synthetic_alters.csv",
    "east_york_synthetic_ties": "east_york_synthetic_ties.csv",
}

# Published targets the local search reaches (Table 2 and text of the paper).
_TYPE_MEDIANS = {
    "ties": {"networked": 31, "bounded": 18, "limited": 14},
    "groups": {"networked": 2, "bounded": 2, "limited": 0},
    "diversity": {"networked": 9, "bounded": 7, "limited": 6},
}
_SAMPLE_MEDIANS = {"ties": 22, "diversity": 7}
_TIES_SD, _TIES_SD_TOLERANCE = 13.9, 0.2

_MEASURES = ("ties", "groups", "diversity")
_RANGES = {"ties": (5, 80), "groups": (0, 5), "diversity": (1, 12)}
_AGE_RANGES = {"under 35": (27, 34), "35-50": (35, 50), "51-64": (51, 64), "65+": (65, 93)}
_WOMEN, _MEN = 55, 46
_MAX_STEPS, _MAX_RESTARTS = 60_000, 20

# Share of a person's ties in each category (immediate kin, extended kin, friends,
# neighbours, workmates), by type; illustrative, not published.
_CATEGORY_WEIGHTS = {
    "networked": (0.12, 0.18, 0.40, 0.12, 0.18),
    "bounded": (0.20, 0.30, 0.22, 0.18, 0.10),
    "limited": (0.28, 0.30, 0.20, 0.12, 0.10),
}
_MAX_IMMEDIATE_KIN = 12
_COLUMN_OF = dict(
    zip(
        TIE_CATEGORIES,
        ("immediate_kin", "extended_kin", "friends", "neighbours", "workmates"),
        strict=True,
    )
)
_CIRCLE_OF = {
    "immediate kin": "immediate family",
    "extended kin": "extended family",
    "neighbour": "neighbourhood",
    "workmate": "work",
}
# Chance of an alter-alter tie inside one circle; across circles it is _ACROSS.
_WITHIN = {
    "immediate family": 0.9,
    "extended family": 0.5,
    "neighbourhood": 0.4,
    "work": 0.35,
    "friends": 0.15,
    "group": 0.5,
}
_FAMILY_ACROSS, _ACROSS = 0.3, 0.03

PEOPLE_COLUMNS = (
    "person_id",
    "age",
    "age_group",
    "gender",
    "immediate_kin",
    "extended_kin",
    "friends",
    "neighbours",
    "workmates",
    "ties",
    "groups",
    "diversity",
)
ALTER_COLUMNS = ("person_id", "alter_id", "category", "circle")
TIE_COLUMNS = ("person_id", "alter_a", "alter_b")


@dataclass(frozen=True)
class EastYorkSample:
    """The synthetic sample as three tables (people, alters, alter-alter ties).

    Parameters
    ----------
    people : pandas.DataFrame
        One row per person: age, age group, gender, ties per category, ``ties`` (their
        sum), ``groups`` and ``diversity``.
    alters : pandas.DataFrame
        One row per alter: ``person_id``, ``alter_id``, ``category``, ``circle``.
    ties : pandas.DataFrame
        One row per tie between two alters of the same person.
    seed : int
        The seed that made it.

    Examples
    --------
    >>> sample = generate_east_york()
    >>> int(sample.people["ties"].sum()) == len(sample.alters)
    True
    """

    people: pd.DataFrame
    alters: pd.DataFrame
    ties: pd.DataFrame
    seed: int

    def egonets(self) -> dict[int, nx.Graph]:
        """Return each person's ego network, keyed by ``person_id``.

        Examples
        --------
        >>> nets = generate_east_york().egonets()
        >>> len(nets)
        101
        """
        return egonets_from_tables(self.alters, self.ties, self.people)


@dataclass
class _Person:
    age_group: str
    type: str
    values: list[int]


def _type_allows(type_: str, sides: list[int]) -> bool:
    """Whether sides (-1 below, 0 at, +1 above the median) fit the type under the course rule."""
    if type_ == "networked":
        return all(s >= 0 for s in sides)
    if type_ == "limited":
        return all(s <= 0 for s in sides) and any(s < 0 for s in sides)
    return any(s > 0 for s in sides) and any(s < 0 for s in sides)


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2


def _group_valid(group: list[_Person]) -> bool:
    """Each age-group median is its target and every person's type follows from the rule."""
    age_group = group[0].age_group
    medians = []
    for k, measure in enumerate(_MEASURES):
        median = _median([p.values[k] for p in group])
        if median != AGE_GROUP_MEDIANS[measure][age_group]:
            return False
        medians.append(median)
    return all(
        _type_allows(p.type, [(v > m) - (v < m) for v, m in zip(p.values, medians, strict=True)])
        for p in group
    )


def _initial_group(rng: random.Random, age_group: str) -> list[_Person]:
    """Place each person below / at / above each median to fit their type (then draw values)."""
    limit = (AGE_GROUP_SIZES[age_group] - 1) // 2  # at most this many strictly on one side
    while True:
        group = []
        for type_ in TYPES:
            for _ in range(TYPE_COUNTS[age_group][type_]):
                while True:
                    if type_ == "networked":
                        sides = [0 if rng.random() < 0.55 else 1 for _ in _MEASURES]
                    elif type_ == "limited":
                        sides = [-1 if rng.random() < 0.7 else 0 for _ in _MEASURES]
                    else:
                        sides = [rng.choice((-1, 0, 1)) for _ in _MEASURES]
                    if _type_allows(type_, sides):
                        break
                values = []
                for measure, side in zip(_MEASURES, sides, strict=True):
                    low, high = _RANGES[measure]
                    median = AGE_GROUP_MEDIANS[measure][age_group]
                    if side < 0:
                        values.append(rng.randint(max(low, median - 6), median - 1))
                    elif side > 0:
                        values.append(rng.randint(median + 1, min(high, median + 12)))
                    else:
                        values.append(median)
                group.append(_Person(age_group, type_, values))
        if all(
            sum(p.values[k] < AGE_GROUP_MEDIANS[m][age_group] for p in group) <= limit
            and sum(p.values[k] > AGE_GROUP_MEDIANS[m][age_group] for p in group) <= limit
            for k, m in enumerate(_MEASURES)
        ) and _group_valid(group):
            return group


class _Tracker:
    """Sorted value lists kept up to date, so medians and the loss are cheap after a move."""

    def __init__(self, people: list[_Person]) -> None:
        self.lists: dict[tuple[str, int], list[int]] = {}
        for p in people:
            for k, value in enumerate(p.values):
                for key in ((p.age_group, k), (p.type, k), ("all", k)):
                    self.lists.setdefault(key, []).append(value)
        for values in self.lists.values():
            values.sort()
        ties = [p.values[0] for p in people]
        self.n, self.total, self.squares = len(ties), sum(ties), sum(t * t for t in ties)

    def move(self, person: _Person, k: int, value: int) -> None:
        old = person.values[k]
        for key in ((person.age_group, k), (person.type, k), ("all", k)):
            values = self.lists[key]
            del values[bisect.bisect_left(values, old)]
            bisect.insort(values, value)
        if k == 0:
            self.total += value - old
            self.squares += value * value - old * old
        person.values[k] = value

    def median(self, key: tuple[str, int]) -> float:
        values = self.lists[key]
        mid = len(values) // 2
        return float(values[mid]) if len(values) % 2 else (values[mid - 1] + values[mid]) / 2

    def excess(self, key: tuple[str, int], target: int) -> int:
        """How many values must cross ``target`` for it to be the median (0 when it is).

        Used instead of the distance between median and target: it changes with every
        value that crosses, which guides the search (all the lists it is used on have an
        odd length).
        """
        values = self.lists[key]
        half = (len(values) - 1) // 2
        below = bisect.bisect_left(values, target)
        above = len(values) - bisect.bisect_right(values, target)
        return max(0, below - half) + max(0, above - half)

    def loss(self) -> float:
        loss = 0.0
        for k, measure in enumerate(_MEASURES):
            for type_, target in _TYPE_MEDIANS[measure].items():
                loss += self.excess((type_, k), target)
            if measure in _SAMPLE_MEDIANS:
                loss += self.excess(("all", k), _SAMPLE_MEDIANS[measure])
        variance = (self.squares - self.total * self.total / self.n) / (self.n - 1)
        return loss + max(0.0, abs(math.sqrt(variance) - _TIES_SD) - _TIES_SD_TOLERANCE)


def _still_valid(tracker: _Tracker, movers: list[_Person], k: int) -> bool:
    """After moving measure k of ``movers``: age-group median unchanged, movers' types kept.

    The age-group medians are fixed targets, so nobody else's position relative to them
    can change.
    """
    age_group = movers[0].age_group
    if tracker.median((age_group, k)) != AGE_GROUP_MEDIANS[_MEASURES[k]][age_group]:
        return False
    for p in movers:
        sides = [
            (v > AGE_GROUP_MEDIANS[m][age_group]) - (v < AGE_GROUP_MEDIANS[m][age_group])
            for v, m in zip(p.values, _MEASURES, strict=True)
        ]
        if not _type_allows(p.type, sides):
            return False
    return True


def _step(rng: random.Random, value: int, measure: str) -> int:
    low, high = _RANGES[measure]
    if rng.random() < 0.75:
        value += rng.choice((-4, -3, -2, -1, 1, 2, 3, 4) if measure == "ties" else (-1, 1))
    else:
        value = rng.randint(low, high)
    if value < low:  # reflect rather than clip, so no pile of people sits on a bound
        value = 2 * low - value
    elif value > high:
        value = 2 * high - value
    return value


def _calibrated_measures(rng: random.Random) -> list[_Person]:
    for _ in range(_MAX_RESTARTS):
        groups = {g: _initial_group(rng, g) for g in AGE_GROUPS}
        people = [p for g in AGE_GROUPS for p in groups[g]]
        tracker = _Tracker(people)
        loss = tracker.loss()
        for _ in range(_MAX_STEPS):
            if loss == 0:
                return people
            # move one value, or two values of one measure in the same age group
            first = rng.choice(people)
            second = rng.choice(groups[first.age_group])
            movers = [first] if rng.random() < 0.6 or second is first else [first, second]
            k = rng.randrange(len(_MEASURES))
            old = [p.values[k] for p in movers]
            new = [_step(rng, value, _MEASURES[k]) for value in old]
            if new == old:
                continue
            for p, value in zip(movers, new, strict=True):
                tracker.move(p, k, value)
            if _still_valid(tracker, movers, k):
                new_loss = tracker.loss()
                if new_loss <= loss or rng.random() < math.exp((loss - new_loss) / 0.05):
                    loss = new_loss
                    continue
            for p, value in zip(movers, old, strict=True):
                tracker.move(p, k, value)
    raise RuntimeError(
        "generate_east_york could not calibrate the synthetic sample with this seed. "
        "Fix: try another seed (the shipped sample uses EAST_YORK_SEED)."
    )


def _ages(rng: random.Random, people: list[_Person]) -> list[int]:
    """Ages inside each age group, with the published minimum 27 and maximum 93."""
    best: list[int] = []
    best_gap = math.inf
    youngest = next(i for i, p in enumerate(people) if p.age_group == "under 35")
    oldest = next(i for i, p in enumerate(people) if p.age_group == "65+")
    for _ in range(400):
        ages = []
        for person in people:
            low, high = _AGE_RANGES[person.age_group]
            if person.age_group == "65+":
                ages.append(round(rng.triangular(low, high, 68)))
            else:
                ages.append(rng.randint(low, high))
        ages[youngest] = 27
        ages[oldest] = 93
        mean = sum(ages) / len(ages)
        sd = math.sqrt(sum((a - mean) ** 2 for a in ages) / (len(ages) - 1))
        gap = abs(mean - 60) + abs(sd - 15)
        if gap < best_gap:
            best, best_gap = ages, gap
        if gap < 0.3:
            break
    return best


def _split_ties(
    rng: random.Random, total: int, groups: int, type_: str, age_group: str
) -> list[int]:
    weights = list(_CATEGORY_WEIGHTS[type_])
    if age_group == "65+":  # mostly retired: few workmates
        weights[2] += weights[4] * 0.8
        weights[4] *= 0.2
    counts = [0] * len(TIE_CATEGORIES)
    for index in rng.choices(range(len(TIE_CATEGORIES)), weights=weights, k=total):
        counts[index] += 1
    if counts[0] > _MAX_IMMEDIATE_KIN:
        counts[1] += counts[0] - _MAX_IMMEDIATE_KIN
        counts[0] = _MAX_IMMEDIATE_KIN
    while counts[2] < groups:  # at least one friend met in each group
        donor = max((0, 1, 3, 4), key=lambda i: counts[i])
        counts[donor] -= 1
        counts[2] += 1
    return counts


def _ego_network(
    rng: random.Random, person_id: int, counts: list[int], groups: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    total = sum(counts)
    width = max(2, len(str(total)))
    alters: list[tuple[int, str, str, str]] = []
    group_circles = [f"group {g}" for g in range(1, groups + 1)]
    for category, count in zip(TIE_CATEGORIES, counts, strict=True):
        for j in range(count):
            if category != "friend":
                circle = _CIRCLE_OF[category]
            elif j < groups:
                circle = group_circles[j]
            elif group_circles and rng.random() < 0.5:
                circle = rng.choice(group_circles)
            else:
                circle = "friends"
            alters.append((person_id, f"a{len(alters) + 1:0{width}d}", category, circle))
    ties: list[tuple[int, str, str]] = []
    for i, (_, a, _, circle_a) in enumerate(alters):
        for _, b, _, circle_b in alters[i + 1 :]:
            if circle_a == circle_b:
                chance = _WITHIN["group" if circle_a.startswith("group ") else circle_a]
            elif {circle_a, circle_b} == {"immediate family", "extended family"}:
                chance = _FAMILY_ACROSS
            else:
                chance = _ACROSS
            if rng.random() < chance:
                ties.append((person_id, a, b))
    return alters, ties


def _frame(rows: list[tuple[Any, ...]], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].astype("str")
    return frame


def generate_east_york(seed: int = EAST_YORK_SEED) -> EastYorkSample:
    """Generate the synthetic East York sample of 101 people.

    Parameters
    ----------
    seed : int
        Seed of the generator; the shipped files use :data:`EAST_YORK_SEED`. The same
        seed gives the same sample, byte for byte, on every machine.

    Returns
    -------
    EastYorkSample
        People, alters and alter-alter ties. The people table has no ``type`` column:
        classify it with :func:`netind_teach.typology.classify_sample`.

    Examples
    --------
    >>> people = generate_east_york().people
    >>> people["age_group"].value_counts().reindex(list(AGE_GROUP_SIZES)).tolist()
    [6, 22, 32, 41]
    >>> (people["gender"] == "woman").sum(), int(people["age"].min()), int(people["age"].max())
    (np.int64(55), 27, 93)
    """
    if not is_whole(seed):
        raise TypeError(
            f"seed must be an integer, not {type(seed).__name__}. Fix: pass e.g. seed=1."
        )
    rng = random.Random(seed)
    people = _calibrated_measures(rng)
    ages = _ages(rng, people)
    genders = ["woman"] * _WOMEN + ["man"] * _MEN
    rng.shuffle(genders)
    order = list(range(len(people)))
    rng.shuffle(order)
    order.sort(key=lambda i: AGE_GROUPS.index(people[i].age_group))

    person_rows, alter_rows, tie_rows = [], [], []
    for person_id, i in enumerate(order, start=1):
        person = people[i]
        ties, groups, diversity = person.values
        counts = _split_ties(rng, ties, groups, person.type, person.age_group)
        person_rows.append(
            (person_id, ages[i], person.age_group, genders[i], *counts, ties, groups, diversity)
        )
        alters, alter_ties = _ego_network(rng, person_id, counts, groups)
        alter_rows.extend(alters)
        tie_rows.extend(alter_ties)
    return EastYorkSample(
        people=_frame(person_rows, PEOPLE_COLUMNS),
        alters=_frame(alter_rows, ALTER_COLUMNS),
        ties=_frame(tie_rows, TIE_COLUMNS),
        seed=seed,
    )


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False, name=None))
    return buffer.getvalue().encode("utf-8")


def write_east_york(folder: str | Path, seed: int = EAST_YORK_SEED) -> dict[str, Path]:
    """Write the three CSV files of the synthetic sample into ``folder``.

    Used to regenerate ``datasets/east_york_synthetic*.csv``; after regenerating, run
    :func:`netind_teach.datasets.refresh_hashes` so ``datapackage.json`` records the new
    checksums.

    Parameters
    ----------
    folder : str or pathlib.Path
        An existing folder.
    seed : int
        Generator seed (default :data:`EAST_YORK_SEED`, the shipped sample).

    Returns
    -------
    dict
        Dataset name -> path written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_east_york(tmp)
    ...     sorted(p.name for p in paths.values())
    ['east_york_synthetic.csv', 'east_york_synthetic_alters.csv', 'east_york_synthetic_ties.csv']
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(
            f"write_east_york needs an existing folder; {str(folder)!r} is not one. "
            "Fix: create it first."
        )
    sample = generate_east_york(seed)
    frames = {
        "east_york_synthetic": sample.people,
        "east_york_synthetic_alters": sample.alters,
        "east_york_synthetic_ties": sample.ties,
    }
    written = {}
    for name, frame in frames.items():
        path = folder / EAST_YORK_FILES[name]
        path.write_bytes(_csv_bytes(frame))
        written[name] = path
    return written


def egonets_from_tables(
    alters: pd.DataFrame, ties: pd.DataFrame, people: pd.DataFrame | None = None
) -> dict[int, nx.Graph]:
    """Build one ego network per person from the alters and alter-alter ties tables.

    Each graph has the ego node :data:`netind_teach.vocab.EGO` tied to every alter; alters
    carry the node attributes ``category`` and ``circle``; alter-alter ties come from
    ``ties``. Graph attributes: ``person_id``, ``synthetic=True`` and, when ``people`` is
    given, that person's row (age, age group, gender, ties, groups, diversity, ...).

    Parameters
    ----------
    alters, ties : pandas.DataFrame
        Tables shaped like ``east_york_synthetic_alters`` and ``east_york_synthetic_ties``.
    people : pandas.DataFrame, optional
        Table shaped like ``east_york_synthetic``.

    Returns
    -------
    dict
        ``person_id`` -> :class:`networkx.Graph`, in increasing ``person_id`` order.

    Examples
    --------
    >>> sample = generate_east_york()
    >>> G = egonets_from_tables(sample.alters, sample.ties, sample.people)[1]
    >>> G.degree(EGO) == G.graph["ties"]
    True
    """
    missing = [c for c in ALTER_COLUMNS if c not in alters.columns] + [
        c for c in TIE_COLUMNS if c not in ties.columns
    ]
    if missing:
        raise ValueError(
            f"egonets_from_tables needs the columns {missing}. Fix: pass the "
            "east_york_synthetic_alters and east_york_synthetic_ties tables."
        )
    rows: Mapping[int, dict[str, Any]] = {}
    if people is not None:
        rows = {int(r["person_id"]): r for r in people.to_dict("records")}
    graphs: dict[int, nx.Graph] = {}
    tie_groups = {int(k): g for k, g in ties.groupby("person_id", sort=True)}
    for person_id, group in alters.groupby("person_id", sort=True):
        pid = int(person_id)
        G = nx.Graph(person_id=pid, synthetic=True)
        G.graph.update({k: v for k, v in rows.get(pid, {}).items() if k != "person_id"})
        G.add_node(EGO)
        for alter_id, category, circle in zip(
            group["alter_id"], group["category"], group["circle"], strict=True
        ):
            G.add_node(alter_id, category=category, circle=circle)
            G.add_edge(EGO, alter_id)
        if pid in tie_groups:
            edges = tie_groups[pid]
            G.add_edges_from(zip(edges["alter_a"], edges["alter_b"], strict=True))
        graphs[pid] = G
    return graphs


def egonet_of(
    person_id: int, alters: pd.DataFrame, ties: pd.DataFrame, people: pd.DataFrame | None = None
) -> nx.Graph:
    """Build one person's ego network from the sample's tables.

    :func:`egonets_from_tables` for one person: the tables are filtered on ``person_id``
    first, so one network costs what that person's rows cost.

    Parameters
    ----------
    person_id : int
        Whose network.
    alters, ties : pandas.DataFrame
        Tables shaped like ``east_york_synthetic_alters`` and ``east_york_synthetic_ties``.
    people : pandas.DataFrame, optional
        Table shaped like ``east_york_synthetic``: the person's row becomes graph
        attributes.

    Returns
    -------
    networkx.Graph
        The ego network.

    Raises
    ------
    netind_teach.errors.NotFound
        If the person has no alters in ``alters``.

    Examples
    --------
    >>> sample = generate_east_york()
    >>> G = egonet_of(1, sample.alters, sample.ties, sample.people)
    >>> G.graph["person_id"], G.degree(EGO) == G.graph["ties"]
    (1, True)
    """

    def own(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["person_id"] == person_id]

    graphs = egonets_from_tables(own(alters), own(ties), None if people is None else own(people))
    if person_id not in graphs:
        raise NotFound(f"There is no person {person_id!r} with alters in this sample.")
    return graphs[person_id]


def person_choices(people: pd.DataFrame) -> list[tuple[str, int]]:
    """Label each person of the sample for a list to choose from, in the table's order.

    Parameters
    ----------
    people : pandas.DataFrame
        Rows with ``person_id``, ``age_group`` and ``age`` (``east_york_synthetic``).

    Returns
    -------
    list of (str, int)
        ``("person <id> · <age group> · age <age>", id)`` for each row.

    Examples
    --------
    >>> person_choices(generate_east_york().people)[0][0].startswith("person 1 · ")
    True
    """
    return [
        (f"person {r.person_id} · {r.age_group} · age {r.age}", int(r.person_id))
        for r in people.itertuples()
    ]


def check_person_id(person_id: Any, ids: Any, call: str | None = None) -> int:
    """Return ``person_id`` as an int if it is one of ``ids``, else raise a one-line message.

    Parameters
    ----------
    person_id : object
        What was given (an int, or a whole float such as ``4.0``; not a bool).
    ids : iterable of int
        The sample's ids, 1 to ``len(ids)``.
    call : str, optional
        The function or class called, to show a fix such as ``SampleBrowser(person_id=4)``.

    Returns
    -------
    int
        The id.

    Raises
    ------
    netind_teach.errors.WrongInput
        If ``person_id`` is not one of the ids.

    Examples
    --------
    >>> check_person_id(4.0, range(1, 102))
    4
    >>> check_person_id(999, range(1, 102))
    Traceback (most recent call last):
    ...
    netind_teach.errors.WrongInput: There is no person 999: ... people 1 to 101.
    """
    known = list(ids)
    try:
        pid = int(person_id)
        ok = not isinstance(person_id, bool) and pid == person_id and pid in set(known)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        fix = f" Fix: {call}(person_id=4), or any number from 1 to {len(known)}." if call else ""
        raise WrongInput(
            f"There is no person {person_id!r}: the synthetic sample has people 1 to "
            f"{len(known)}.{fix}"
        )
    return pid
