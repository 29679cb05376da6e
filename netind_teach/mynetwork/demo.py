"""A made-up demo network, and synthetic classes of exports, all from fixed seeds.

* :func:`demo_network`: the network lesson 05 starts from. Its people are invented
  (nicknames only) and it is the same in every run.
* :func:`synthetic_network`: a random, made-up personal network from a seed: circles of
  kin, friends, workmates, club members, neighbours and online contacts, people mostly
  knowing each other within a circle.
* :func:`synthetic_class` / :func:`write_synthetic_class`: a *synthetic* class of
  anonymised exports (marked ``"synthetic": true``) for the instructor section and the
  tests. Nothing in them describes a real person.
* :func:`scratch_folder`: a throw-away folder for a demo, deleted when the notebook's
  kernel exits (lesson 05 leaves nothing behind in the temporary folder).

Examples
--------
>>> demo = demo_network()
>>> len(demo), demo.age_group, demo.groups
(18, 'under 35', 2)
>>> synthetic_network(3) == synthetic_network(3)
True
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from netind_teach.quantities import is_whole
from netind_teach.vocab import AGE_GROUPS

from .export import EXPORT_PREFIX, export_data, export_text
from .model import CONTACT_MODES, MAX_GROUPS, MAX_PEOPLE, PersonalNetwork

__all__ = [
    "DEMO_SEED",
    "demo_network",
    "scratch_folder",
    "synthetic_class",
    "synthetic_network",
    "write_synthetic_class",
]

#: Seed of the demo network's salt (its export ids).
DEMO_SEED = 5

# (nickname, category, closeness, contact, place), one tuple per circle.
_DEMO_PEOPLE = (
    ("Mum", "immediate kin", "very close", "in person", "local"),
    ("Dad", "immediate kin", "very close", "phone", "distant"),
    ("Bea", "immediate kin", "very close", "online", "distant"),
    ("Gran", "extended kin", "close", "phone", "local"),
    ("Uncle T", "extended kin", "not very close", "phone", "distant"),
    ("Mrs P", "neighbour", "not very close", "in person", "local"),
    ("Sam", "friend", "very close", "in person", "local"),
    ("Ola", "friend", "close", "online", "distant"),
    ("Kit", "friend", "close", "in person", "local"),
    ("Ray", "friend", "not very close", "online", "local"),
    ("Lee", "group member", "close", "in person", "local"),
    ("Mo", "group member", "not very close", "in person", "local"),
    ("Pat", "group member", "not very close", "in person", "local"),
    ("Ana", "workmate", "close", "in person", "local"),
    ("Dev", "workmate", "not very close", "in person", "local"),
    ("Ike", "workmate", "not very close", "in person", "local"),
    ("pixelfox", "online-only", "close", "online", "distant"),
    ("Nao", "online-only", "not very close", "online", "distant"),
)
_DEMO_LINKS = (
    ("Mum", "Dad"),
    ("Mum", "Bea"),
    ("Dad", "Bea"),
    ("Mum", "Gran"),
    ("Dad", "Gran"),
    ("Bea", "Gran"),
    ("Gran", "Uncle T"),
    ("Dad", "Uncle T"),
    ("Mum", "Mrs P"),
    ("Sam", "Ola"),
    ("Sam", "Kit"),
    ("Kit", "Ray"),
    ("Ola", "Kit"),
    ("Lee", "Mo"),
    ("Lee", "Pat"),
    ("Mo", "Pat"),
    ("Ana", "Dev"),
    ("Dev", "Ike"),
    ("pixelfox", "Nao"),
)


def _salt(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def demo_network() -> PersonalNetwork:
    """Return the lesson's made-up demo network (18 people in 5 circles, under 35).

    A student's network: family (with a neighbour who knows Mum), school friends, a
    climbing club, workmates at a café and two online-only friends. The nicknames are
    invented. Its salt comes from :data:`DEMO_SEED`, so its export is the same every run.

    Returns
    -------
    PersonalNetwork
        The demo network.

    Examples
    --------
    >>> m = demo_network().measures()
    >>> m.people, m.ties, m.circles, m.diversity
    (18, 13, 5, 12)
    """
    net = PersonalNetwork(salt=_salt(random.Random(DEMO_SEED)), age_group="under 35", groups=2)
    for nickname, category, closeness, contact, place in _DEMO_PEOPLE:
        net.add(nickname, category, closeness=closeness, contact=contact, place=place)
    for a, b in _DEMO_LINKS:
        net.link(a, b)
    return net


# circle theme -> (categories to draw from, chance a member lives at a distance,
#                  ways of keeping in touch with weights)
_THEMES: dict[str, tuple[tuple[str, ...], float, tuple[float, float, float]]] = {
    "family": (("immediate kin", "immediate kin", "extended kin"), 0.35, (0.5, 0.35, 0.15)),
    "friends": (("friend",), 0.25, (0.5, 0.1, 0.4)),
    "work": (("workmate",), 0.05, (0.8, 0.05, 0.15)),
    "club": (("group member", "group member", "friend"), 0.05, (0.85, 0.05, 0.1)),
    "street": (("neighbour",), 0.0, (0.9, 0.1, 0.0)),
    "online": (("online-only",), 0.8, (0.0, 0.0, 1.0)),
}
_AGE_WEIGHTS = (0.7, 0.15, 0.1, 0.05)  # a class of mostly young adults (synthetic choice)


def synthetic_network(seed: int, *, age_group: Any = "random") -> PersonalNetwork:
    """Return a made-up personal network generated from ``seed``.

    Each made-up person gets four traits drawn from the seed: *reach* (how many people per
    circle), *openness* (the chance of each circle beyond family and friends: work, a
    club, neighbours, online contacts), *digital* (how often ties are kept by phone or
    online) and *mobility* (how often people live far away). People in a circle know each
    other with probability 0.6; zero to two ties join people of different circles. The age
    group is drawn (mostly "under 35", a synthetic choice for a class of students) unless
    given. At most :data:`~netind_teach.mynetwork.model.MAX_PEOPLE` people.

    Parameters
    ----------
    seed : int
        Seed of the generator.
    age_group : str or None
        An age group, None, or "random" (drawn).

    Returns
    -------
    PersonalNetwork
        The made-up network.

    Examples
    --------
    >>> net = synthetic_network(1)
    >>> 2 <= net.measures().circles <= len(net) and net.age_group in AGE_GROUPS
    True
    """
    if not is_whole(seed):
        raise TypeError(f"seed must be a whole number, not {type(seed).__name__}.")
    rng = random.Random(seed)
    salt = _salt(rng)
    if age_group == "random":
        age_group = rng.choices(AGE_GROUPS, weights=_AGE_WEIGHTS)[0]
    reach = rng.choice((0.4, 0.7, 1.0, 1.6, 2.4))
    openness, digital, mobility = rng.random(), rng.random(), rng.random()
    themes = ["family", "friends"] + [
        t for t in ("work", "club", "street", "online") if rng.random() < 0.15 + 0.7 * openness
    ]
    clubs = themes.count("club")
    net = PersonalNetwork(
        salt=salt, age_group=age_group, groups=min(MAX_GROUPS, clubs + rng.randint(0, 2))
    )
    members: list[list[str]] = []
    number = 0
    for theme in themes:
        categories, distant, (in_person, phone, online) = _THEMES[theme]
        weights = (in_person, phone * (0.2 + 1.6 * digital), online * (0.2 + 1.6 * digital))
        far = min(0.95, distant * (0.2 + 1.6 * mobility))
        circle = []
        for _ in range(max(1, round(rng.randint(2, 10) * reach))):
            if len(net) == MAX_PEOPLE:
                break
            number += 1
            person = net.add(
                f"synthetic {number}",
                rng.choice(categories),
                closeness=rng.choices(("very close", "close", "not very close"), (2, 4, 4))[0],
                contact=rng.choices(CONTACT_MODES, weights)[0],
                place="distant" if rng.random() < far else "local",
            )
            circle.append(person.id)
        if circle:
            members.append(circle)
    for circle in members:
        for i, a in enumerate(circle):
            for b in circle[i + 1 :]:
                if rng.random() < 0.6:
                    net.link(a, b)
    for _ in range(rng.choice((0, 0, 1, 2)) if len(members) > 1 else 0):
        first, second = rng.sample(members, 2)
        net.link(rng.choice(first), rng.choice(second))
    return net


def synthetic_class(n: int = 30, seed: int = 0) -> list[dict[str, Any]]:
    """Return ``n`` synthetic exports (plain data, each marked ``"synthetic": true``).

    Parameters
    ----------
    n : int
        How many (0 to 1000).
    seed : int
        Seed of the generator.

    Returns
    -------
    list of dict
        The exports' data.

    Examples
    --------
    >>> exports = synthetic_class(3, seed=2)
    >>> [e["synthetic"] for e in exports], len({e["network"] for e in exports})
    ([True, True, True], 3)
    """
    return [export_data(net, synthetic=True) for net in _class_networks(n, seed)]


def _class_networks(n: int, seed: int) -> list[PersonalNetwork]:
    if not is_whole(n) or not 0 <= n <= 1000:
        raise ValueError(f"n must be a whole number from 0 to 1000, not {n!r}.")
    if not is_whole(seed):
        raise TypeError(f"seed must be a whole number, not {type(seed).__name__}.")
    rng = random.Random(seed)
    return [synthetic_network(rng.getrandbits(32)) for _ in range(n)]


def write_synthetic_class(folder: str | os.PathLike[str], n: int = 30, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic exports into ``folder`` (created if needed); return the paths.

    Files are named ``my_network_export_synthetic_<k>.json``, as a class would hand them in.
    They are plain writes, not atomic ones: synthetic data can always be made again.

    Parameters
    ----------
    folder : str or os.PathLike
        Where to write.
    n : int
        How many (0 to 1000).
    seed : int
        Seed of the generator.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in write_synthetic_class(tempfile.mkdtemp(), n=2)]
    ['my_network_export_synthetic_01.json', 'my_network_export_synthetic_02.json']
    """
    where = Path(folder).expanduser()
    where.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, net in enumerate(_class_networks(n, seed), start=1):
        path = where / f"{EXPORT_PREFIX}synthetic_{k:02d}.json"
        path.write_text(export_text(net, synthetic=True), encoding="ascii")
        paths.append(path)
    return paths


_SCRATCH: list[Path] = []


def scratch_folder(prefix: str = "netind-demo-") -> Path:
    """Return a new, empty folder in the system's temporary folder.

    It is deleted (with all it holds) when this Python process or notebook kernel exits
    normally.

    Parameters
    ----------
    prefix : str
        Start of the folder's name.

    Returns
    -------
    pathlib.Path
        The folder.

    Examples
    --------
    >>> folder = scratch_folder("netind-doc-")
    >>> folder.is_dir(), folder.name.startswith("netind-doc-"), list(folder.iterdir())
    (True, True, [])
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if not _SCRATCH:
        atexit.register(_remove_scratch)
    _SCRATCH.append(folder)
    return folder


def _remove_scratch() -> None:
    while _SCRATCH:
        shutil.rmtree(_SCRATCH.pop(), ignore_errors=True)
