"""The personal network a learner maps: people, who knows whom, and its measures.

A :class:`PersonalNetwork` holds the people you name (by a nickname or initials, never a
full name), what each is to you, and which of them know each other. It checks every
change and refuses bad input with a message that says what to do, changing nothing.

Measures (see :class:`Measures`) follow the East York study of Wellman, Quan-Haase &
Harper (2020) where the course can: *ties* counts the people in the five categories that
study counted (immediate kin, extended kin, friends, neighbours, workmates); *groups* is
the number of social groups you take part in (you say how many). The study's diversity
score runs from 0 to 12, but its scoring is not reconstructed here: the course's own
*diversity* score also runs from 0 to 12 and adds up the kinds of relation you have (0-7),
the ways you keep in touch (0-3) and the places your people live (0-2). Circles and
density come from :mod:`netind_teach.egonet`; the type and its reasons from
:func:`netind_teach.typology.classify`.

Examples
--------
>>> net = PersonalNetwork(salt="0" * 32)
>>> _ = net.add("Sam", "friend")
>>> _ = net.add("Mum", "immediate kin", closeness="very close", place="distant")
>>> net.link("Sam", "Mum")
>>> m = net.measures()
>>> m.people, m.ties, m.circles, m.density, m.diversity
(2, 2, 1, 1.0, 5)
>>> net.add("sam", "friend")
Traceback (most recent call last):
...
ValueError: You already have someone called 'Sam'. Fix: add an initial or a word to tell ...
"""

from __future__ import annotations

import functools
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

import networkx as nx

from netind_teach import egonet, typology
from netind_teach.errors import NotFound, WrongInput, WrongKind
from netind_teach.quantities import is_whole
from netind_teach.vocab import AGE_GROUPS, EGO, TIE_CATEGORIES
from netind_teach.wording import short

from .fileformat import (
    CHOICES,
    CLOSENESS,
    CONTACT_MODES,
    FILE_FORMAT,
    FILE_VERSION,
    ID_PATTERN,
    MAX_GROUPS,
    MAX_PEOPLE,
    PERSON_FIELDS,
    PLACE_CHOICES,
    SALT_PATTERN,
    check_network_data,
)

__all__ = [
    "CLOSENESS",
    "CONTACT_MODES",
    "MAX_GROUPS",
    "MAX_NICKNAME",
    "MAX_PEOPLE",
    "PLACE_CHOICES",
    "REFERENCES",
    "Measures",
    "Person",
    "PersonalNetwork",
    "check_nickname",
    "diversity_parts",
    "measures_of",
    "network_graph",
    "reference_and_rule",
]

#: Longest nickname, in characters.
MAX_NICKNAME = 40
#: Reference medians a network can be typed against (see :func:`reference_and_rule`).
REFERENCES: tuple[str, ...] = ("published", "synthetic")

_DEFAULTS = {"closeness": "close", "contact": "in person", "place": "local"}
_SELF_WORDS = {"me", "myself", "i", "ego", "moi", "yo", "ich"}
_ZWJ = "\u200d"  # zero-width joiner, part of many emoji: allowed


def check_nickname(nickname: object) -> str:
    """Return the nickname as stored (spaces tidied, Unicode normalised), or raise.

    A nickname is 1 to :data:`MAX_NICKNAME` characters of letters, digits, symbols or
    emoji; invisible control and formatting characters are refused, and so is a name for
    yourself (you are the centre of the network, not one of its people).

    Parameters
    ----------
    nickname : object
        What was typed.

    Returns
    -------
    str
        The nickname as stored.

    Raises
    ------
    TypeError, ValueError
        With a sentence that says what to change.

    Examples
    --------
    >>> check_nickname("  Jo   B. ")
    'Jo B.'
    >>> check_nickname("Zoë 🧗")
    'Zoë 🧗'
    >>> check_nickname("")
    Traceback (most recent call last):
    ...
    ValueError: The nickname is empty. Fix: type a nickname or initials, e.g. 'Sam' or 'A.K.'.
    """
    if not isinstance(nickname, str):
        raise TypeError(
            f"A nickname is text, not {type(nickname).__name__}. Fix: put it between quotes, "
            "e.g. 'Sam'."
        )
    bad = [c for c in nickname if _forbidden(c)]
    if bad:
        code = f"U+{ord(bad[0]):04X}"
        raise ValueError(
            f"The nickname contains an invisible or control character ({code}). Fix: type it "
            "again with visible letters, digits or emoji only."
        )
    text = " ".join(unicodedata.normalize("NFC", nickname).split())
    if not text:
        raise ValueError(
            "The nickname is empty. Fix: type a nickname or initials, e.g. 'Sam' or 'A.K.'."
        )
    if len(text) > MAX_NICKNAME:
        raise ValueError(
            f"The nickname {short(text)} is too long. Fix: use a nickname or initials of at "
            f"most {MAX_NICKNAME} characters (no full names needed)."
        )
    if not any(unicodedata.category(c)[0] in "LNSP" for c in text):
        raise ValueError(
            f"The nickname {short(text)} has no letter, digit or symbol. Fix: type a "
            "nickname or initials."
        )
    if _key(text) in _SELF_WORDS:
        raise ValueError(
            f"{short(text)} sounds like you. You are the centre of the network (ego); list "
            "only the other people. Fix: choose another nickname."
        )
    return text


def _forbidden(char: str) -> bool:
    kind = unicodedata.category(char)
    if kind == "Cf":
        return char != _ZWJ
    return kind in ("Cc", "Cs", "Co", "Cn") and char not in " \t\n"


@functools.lru_cache(maxsize=4096)  # find() compares every nickname: lesson 05 made 215,000 keys
def _key(nickname: str) -> str:
    """Return what two nicknames must differ in: case, width and spacing do not count."""
    return " ".join(unicodedata.normalize("NFKC", nickname).casefold().split())


def _check_choice(field: str, value: object) -> str:
    choices = CHOICES[field]
    if not isinstance(value, str) or value not in choices:
        shown = short(value) if isinstance(value, str) else type(value).__name__
        raise ValueError(
            f"{shown} is not a {field} the builder knows. Fix: choose one of "
            + ", ".join(repr(c) for c in choices)
            + "."
        )
    return value


def _check_age_group(value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in AGE_GROUPS:
        shown = short(value) if isinstance(value, str) else type(value).__name__
        raise ValueError(
            f"{shown} is not an age group of the East York study. Fix: choose one of "
            + ", ".join(repr(g) for g in AGE_GROUPS)
            + ", or None (prefer not to say)."
        )
    return value


def _check_groups(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not is_whole(value):
        shown = short(value) if isinstance(value, str) else type(value).__name__
        raise ValueError(
            f"Groups is a whole number, not {shown}. Fix: count the clubs, teams, "
            "congregations or associations you take part in (0 if none)."
        )
    if not 0 <= value <= MAX_GROUPS:
        raise ValueError(
            f"Groups must be between 0 and {MAX_GROUPS}, not {value}. Fix: count the social "
            "groups you take part in."
        )
    return value


@dataclass(frozen=True)
class Person:
    """One person of your network.

    Parameters
    ----------
    id : str
        Internal id (``"p1"``, ``"p2"``, ...), fixed for the person's life in the file.
    nickname : str
        How you call them here (kept on your computer, never exported).
    category : str
        One of :data:`netind_teach.vocab.CATEGORIES`.
    closeness, contact, place : str
        One of :data:`CLOSENESS`, :data:`CONTACT_MODES`, :data:`PLACE_CHOICES`.
    """

    id: str
    nickname: str
    category: str
    closeness: str = "close"
    contact: str = "in person"
    place: str = "local"

    def as_dict(self) -> dict[str, str]:
        """Return the person as a plain dict (faster than :func:`dataclasses.asdict`)."""
        return {
            "id": self.id,
            "nickname": self.nickname,
            "category": self.category,
            "closeness": self.closeness,
            "contact": self.contact,
            "place": self.place,
        }

    @property
    def kind(self) -> str:
        """Tie kind for drawings: very close is strong; others weak, or online if online."""
        if self.closeness == "very close":
            return "strong"
        return "online" if self.contact == "online" else "weak"


@dataclass(frozen=True)
class Measures:
    """The measures of one personal network.

    Parameters
    ----------
    people : int
        Everyone you listed.
    ties : int
        People in the five categories the East York study counted (network size).
    groups : int
        Social groups you take part in (as you reported).
    diversity : int
        The course's 0-12 score: ``kinds + ways + places``.
    kinds, ways, places : int
        Distinct categories (0-7), ways of keeping in touch (0-3), places (0-2).
    circles : int
        Groups of your people who know each other, directly or through each other
        (:func:`netind_teach.egonet.circles`); someone who knows none of the others is
        a circle of one.
    alone : int
        People who know none of the others on your list.
    links : int
        Pairs of your people who know each other.
    density : float
        Share of the possible pairs who know each other (0 to 1).
    """

    people: int
    ties: int
    groups: int
    diversity: int
    kinds: int
    ways: int
    places: int
    circles: int
    alone: int
    links: int
    density: float

    def as_dict(self) -> dict[str, Any]:
        """Return the measures as a plain dict."""
        return asdict(self)

    def for_typology(self, age_group: str | None) -> dict[str, Any]:
        """Return the person as :func:`netind_teach.typology.classify` takes it."""
        person: dict[str, Any] = {
            "ties": self.ties,
            "groups": self.groups,
            "diversity": self.diversity,
        }
        if age_group is not None:
            person["age_group"] = age_group
        return person


def network_graph(
    people: Iterable[Mapping[str, Any]], links: Iterable[tuple[str, str]], *, names: bool = False
) -> nx.Graph:
    """Build the ego network: ego, one node per person, ties among people who know each other.

    Parameters
    ----------
    people : iterable of mapping
        Each with ``id``, ``category``, ``closeness``, ``contact``, ``place`` (and
        ``nickname`` when ``names``).
    links : iterable of (id, id)
        Pairs who know each other.
    names : bool
        Put each nickname in a node attribute ``nickname`` (for your own drawing only).

    Returns
    -------
    networkx.Graph
        The ego network.

    Examples
    --------
    >>> G = network_graph([{"id": "p1", "category": "friend", "closeness": "close",
    ...                     "contact": "online", "place": "local"}], [])
    >>> sorted(G.nodes), G.edges["ego", "p1"]["kind"]
    (['ego', 'p1'], 'online')
    """
    G = nx.Graph()
    G.add_node(EGO)
    for p in people:
        attrs = {f: p[f] for f in PERSON_FIELDS}
        if names:
            attrs["nickname"] = p["nickname"]
        G.add_node(p["id"], **attrs)
        kind = Person(id=p["id"], nickname="", **{f: p[f] for f in PERSON_FIELDS}).kind
        G.add_edge(EGO, p["id"], kind=kind)
    G.add_edges_from((a, b) for a, b in links)
    return G


def diversity_parts(G: nx.Graph) -> tuple[int, int, int]:
    """Return (kinds, ways, places): distinct categories, contact modes and places.

    Parameters
    ----------
    G : networkx.Graph
        An ego network from :func:`network_graph`.

    Returns
    -------
    tuple of int
        (kinds, ways, places).

    Examples
    --------
    >>> G = network_graph([{"id": "p1", "category": "friend", "closeness": "close",
    ...                     "contact": "online", "place": "local"}], [])
    >>> diversity_parts(G)
    (1, 1, 1)
    """
    return (
        egonet.diversity(G, attr="category"),
        egonet.diversity(G, attr="contact"),
        egonet.diversity(G, attr="place"),
    )


def measures_of(G: nx.Graph, groups: int) -> Measures:
    """Return the :class:`Measures` of an ego network built by :func:`network_graph`.

    Parameters
    ----------
    G : networkx.Graph
        An ego network from :func:`network_graph`.
    groups : int
        Social groups taken part in.

    Returns
    -------
    Measures
        The measures.

    Examples
    --------
    >>> G = network_graph([], [])
    >>> measures_of(G, 1).as_dict()["people"]
    0
    """
    kinds, ways, places = diversity_parts(G)
    group = egonet.alters(G)
    ties = sum(G.nodes[n].get("category") in TIE_CATEGORIES for n in group)
    links = sum(1 for a, b in G.edges() if EGO not in (a, b))
    alone = sum(1 for n in group if G.degree(n) == 1)
    return Measures(
        people=len(group),
        ties=ties,
        groups=groups,
        diversity=kinds + ways + places,
        kinds=kinds,
        ways=ways,
        places=places,
        circles=len(egonet.circles(G)),
        alone=alone,
        links=links,
        density=egonet.alter_density(G),
    )


def reference_and_rule(source: str) -> tuple[typology.Reference, typology.Rule]:
    """Return the reference medians and rule for typing a personal network.

    ``"published"``: the medians Wellman, Quan-Haase & Harper (2020) print: ties by age
    group (34, 21, 15, 14) and diversity 7 for the whole sample. The paper gives group
    involvement medians only by type (Table 2), not for the sample or an age group, so the
    rule compares two measures (ties, diversity).
    ``"synthetic"``: the synthetic East York sample's medians of all three measures by
    age group (ties medians equal the published ones; the others are synthetic).

    Parameters
    ----------
    source : {"published", "synthetic"}
        Which medians.

    Returns
    -------
    tuple
        The :class:`~netind_teach.typology.Reference` and :class:`~netind_teach.typology.Rule`.

    Examples
    --------
    >>> ref, rule = reference_and_rule("published")
    >>> rule.measures, ref.medians["under 35"]["ties"]
    (('ties', 'diversity'), 34.0)
    """
    if source == "published":
        return (
            typology.reference_medians("published"),
            typology.Rule(measures=("ties", "diversity")),
        )
    if source == "synthetic":
        return typology.reference_medians("synthetic"), typology.COURSE_RULE
    raise ValueError(
        f"Reference {short(source)} is not known. Fix: use 'published' (the paper's medians) "
        "or 'synthetic' (the synthetic sample's medians by age group)."
    )


class PersonalNetwork:
    """Your personal network: people, who knows whom, your age group and groups.

    Every change is checked first and refused with a :class:`ValueError` (or
    :class:`TypeError`) that says what to do; a refused change leaves the network as it
    was. People can be named by nickname (case and spacing do not matter) or by id.

    Parameters
    ----------
    salt : str, optional
        32 hex digits that seed this network's anonymous export ids (kept in your file,
        never exported). Default: fresh random digits from :mod:`secrets`.
    age_group : str, optional
        One of :data:`netind_teach.vocab.AGE_GROUPS`, or None (prefer not to say).
    groups : int
        Social groups you take part in (clubs, teams, congregations, associations).

    Examples
    --------
    >>> net = PersonalNetwork(salt="0" * 32, age_group="under 35")
    >>> net.add("A.K.", "workmate").id
    'p1'
    >>> net.edit("a.k.", closeness="very close").closeness
    'very close'
    >>> net.remove("A.K.").nickname, len(net)
    ('A.K.', 0)
    """

    def __init__(
        self, *, salt: str | None = None, age_group: str | None = None, groups: int = 0
    ) -> None:
        salt = secrets.token_hex(16) if salt is None else salt
        if not isinstance(salt, str) or not SALT_PATTERN.fullmatch(salt):
            raise ValueError("salt must be 32 lowercase hex digits (e.g. secrets.token_hex(16)).")
        self._salt = salt
        self._age_group = _check_age_group(age_group)
        self._groups = _check_groups(groups)
        self._people: dict[str, Person] = {}
        self._links: set[frozenset[str]] = set()
        self._next = 1

    # -- reading --------------------------------------------------------------------
    @property
    def salt(self) -> str:
        """The secret that seeds export ids (never exported)."""
        return self._salt

    @property
    def age_group(self) -> str | None:
        """Your age group, or None."""
        return self._age_group

    @property
    def groups(self) -> int:
        """Social groups you take part in."""
        return self._groups

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone, in the order you added them."""
        return tuple(self._people.values())

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """Pairs of ids who know each other, sorted."""
        ordered = (sorted(pair, key=_id_order) for pair in self._links)
        return tuple(sorted((first, second) for first, second in ordered))

    def __len__(self) -> int:
        return len(self._people)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PersonalNetwork):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return f"<PersonalNetwork: {len(self)} people, {len(self._links)} links>"

    def find(self, who: object) -> Person:
        """Return one person: ``who`` is a :class:`Person` or text.

        What is tried, in this order:

        1. a :class:`Person` is matched by its internal id only (:meth:`by_id`);
        2. text is matched against nicknames, ignoring case, width and spacing;
        3. text that matches no nickname is matched against internal ids (``"p2"``).

        So a nickname always wins over an id that looks like it: with Ola stored as
        ``p2`` and someone nicknamed "P2", ``find("p2")`` is "P2". Code that holds ids
        (the builder's controls) uses :meth:`by_id` or passes the :class:`Person`.

        Examples
        --------
        >>> net = PersonalNetwork(salt="0" * 32)
        >>> ola = net.add("Ola", "friend")
        >>> net.find("OLA").id, net.find("p1").nickname
        ('p1', 'Ola')
        >>> _ = net.add("P1", "friend")
        >>> net.find("p1").nickname, net.find(ola).nickname, net.by_id("p1").nickname
        ('P1', 'Ola', 'Ola')
        """
        if isinstance(who, Person):
            return self.by_id(who.id)
        if not isinstance(who, str):
            raise WrongKind(
                f"Name a person by their nickname, as text: {repr(who)[:20]} is not text. "
                f"Fix: put the nickname in quotes, e.g. 'Kit'."
            )
        wanted = _key(who)
        for person in self._people.values():
            if _key(person.nickname) == wanted:
                return person
        if who in self._people:
            return self._people[who]
        names = ", ".join(repr(p.nickname) for p in list(self._people.values())[:8])
        raise NotFound(
            f"There is nobody called {short(who)} in your network. Fix: check the spelling"
            + (f"; you have {names}{'…' if len(self) > 8 else ''}." if names else "; it is empty.")
        )

    def by_id(self, person_id: object) -> Person:
        """Return the person with internal id ``person_id`` (never matched as a nickname).

        Examples
        --------
        >>> net = PersonalNetwork(salt="0" * 32)
        >>> net.add("Ola", "friend").id, net.by_id("p1").nickname
        ('p1', 'Ola')
        """
        if isinstance(person_id, str) and person_id in self._people:
            return self._people[person_id]
        raise KeyError(
            f"Nobody in your network has the id {short(person_id)} (perhaps they were "
            "deleted). Fix: choose the person again."
        )

    def knows(self, who: object) -> tuple[Person, ...]:
        """Return the people ``who`` knows, in the order they were added."""
        person = self.find(who)
        ids = {i for pair in self._links if person.id in pair for i in pair} - {person.id}
        return tuple(p for p in self._people.values() if p.id in ids)

    # -- changing -------------------------------------------------------------------
    def add(
        self,
        nickname: object,
        category: object,
        *,
        closeness: object = "close",
        contact: object = "in person",
        place: object = "local",
    ) -> Person:
        """Add a person; return them. Refuses duplicates, bad choices and a full network."""
        name = check_nickname(nickname)
        self._check_unique(name)
        values = {
            "category": _check_choice("category", category),
            "closeness": _check_choice("closeness", closeness),
            "contact": _check_choice("contact", contact),
            "place": _check_choice("place", place),
        }
        if len(self) >= MAX_PEOPLE:
            raise ValueError(
                f"Your network has {MAX_PEOPLE} people, the builder's limit. Fix: keep the "
                "people you are in touch with most, or delete someone first."
            )
        person = Person(id=f"p{self._next}", nickname=name, **values)
        self._people[person.id] = person
        self._next += 1
        return person

    def edit(self, who: object, **changes: object) -> Person:
        """Change a person's nickname, category, closeness, contact or place."""
        person = self.find(who)
        unknown = sorted(set(changes) - {"nickname", *PERSON_FIELDS})
        if unknown:
            raise ValueError(
                f"A person has no {unknown[0]!r}. Fix: change nickname, category, closeness, "
                "contact or place."
            )
        values: dict[str, Any] = {}
        if "nickname" in changes:
            name = check_nickname(changes["nickname"])
            self._check_unique(name, except_id=person.id)
            values["nickname"] = name
        for field in PERSON_FIELDS:
            if field in changes:
                values[field] = _check_choice(field, changes[field])
        updated = replace(person, **values)
        self._people[person.id] = updated
        return updated

    def remove(self, who: object) -> Person:
        """Delete a person and every link they had; return them."""
        person = self.find(who)
        del self._people[person.id]
        self._links = {pair for pair in self._links if person.id not in pair}
        return person

    def link(self, a: object, b: object) -> None:
        """Record that ``a`` and ``b`` know each other."""
        self._links.add(self._pair(a, b))

    def unlink(self, a: object, b: object) -> None:
        """Record that ``a`` and ``b`` do not know each other (no error if they were not linked)."""
        self._links.discard(self._pair(a, b))

    def set_knows(self, who: object, others: Iterable[object]) -> None:
        """Make ``others`` exactly the people ``who`` knows (a checklist for one person)."""
        person = self.find(who)
        if isinstance(others, (str, bytes)):
            others = [others]
        wanted = {self._pair(person, other) for other in others}
        self._links = {p for p in self._links if person.id not in p} | wanted

    def set_age_group(self, age_group: object) -> None:
        """Set your age group (one of the East York study's four), or None."""
        self._age_group = _check_age_group(age_group)

    def set_groups(self, groups: object) -> None:
        """Set how many social groups you take part in."""
        self._groups = _check_groups(groups)

    def _check_unique(self, name: str, except_id: str | None = None) -> None:
        for person in self._people.values():
            if person.id != except_id and _key(person.nickname) == _key(name):
                raise ValueError(
                    f"You already have someone called {short(person.nickname)}. Fix: add an "
                    f"initial or a word to tell the two apart (e.g. {short(name + ' B.')})."
                )

    def _pair(self, a: object, b: object) -> frozenset[str]:
        first, second = self.find(a), self.find(b)
        if first.id == second.id:
            raise WrongInput(
                f"{short(first.nickname)} cannot know themselves. Fix: choose two different people."
            )
        return frozenset((first.id, second.id))

    # -- measuring ------------------------------------------------------------------
    def to_graph(self, *, names: bool = False) -> nx.Graph:
        """Return the ego network as a networkx graph (see :func:`network_graph`)."""
        return network_graph((p.as_dict() for p in self._people.values()), self.links, names=names)

    def measures(self) -> Measures:
        """Return the network's :class:`Measures`."""
        return measures_of(self.to_graph(), self._groups)

    def classify(
        self, reference: str = "published", *, measures: Measures | None = None
    ) -> typology.Classification:
        """Return your type with the reasons, against ``"published"`` or ``"synthetic"``.

        See :func:`reference_and_rule`. Without an age group, whole-sample medians are used.

        Examples
        --------
        >>> net = PersonalNetwork(salt="0" * 32, age_group="35-50")
        >>> net.classify().type
        'limited'
        """
        ref, rule = reference_and_rule(reference)
        m = self.measures() if measures is None else measures
        return typology.classify(m.for_typology(self._age_group), ref, rule)

    # -- plain data -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Return everything as plain JSON-ready data (what the saved file holds)."""
        return {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "salt": self._salt,
            "age_group": self._age_group,
            "groups": self._groups,
            "next_id": self._next,
            "people": [p.as_dict() for p in self._people.values()],
            "links": [list(pair) for pair in self.links],
        }

    @classmethod
    def from_dict(cls, data: object) -> PersonalNetwork:
        """Rebuild a network from :meth:`to_dict` data, checking every part.

        Raises
        ------
        ValueError
            Naming the first problem found (the data are not changed).
        """
        clean = check_network_data(data)
        net = cls(salt=clean["salt"], age_group=clean["age_group"], groups=clean["groups"])
        for p in clean["people"]:
            try:
                check_nickname(p["nickname"])
                net._check_unique(p["nickname"])
            except ValueError as exc:
                raise ValueError(f"person {p['id']}: {exc}") from None
            net._people[p["id"]] = Person(**p)
        net._next = clean["next_id"]
        for a, b in clean["links"]:
            net._links.add(frozenset((a, b)))
        return net

    def copy(self) -> PersonalNetwork:
        """Return an independent copy."""
        return PersonalNetwork.from_dict(self.to_dict())


def _id_order(person_id: str) -> tuple[int, str]:
    return (int(person_id[1:]), person_id) if ID_PATTERN.fullmatch(person_id) else (0, person_id)
