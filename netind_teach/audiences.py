"""Audiences: who sees a post, who would be surprised, and the "nightmare reader".

Marwick & boyd (2011) describe how social media "collapse multiple audiences into single
contexts": a post meant for friends also reaches family, workmates and strangers. Users
imagine an audience and write for it; as secondary sources report, people write for the
most sensitive member of that imagined audience, the *nightmare reader*.

This module gives one **synthetic** person's circles (:data:`CIRCLES`), each with the
topics it is used to hearing about from that person and the topics that would upset or
embarrass someone in it (the course's illustrative choices, not data). For a post, given
as topics or as text (:func:`topics_in`), and a choice of circles that see it,
:func:`audience_view` says which circles would be surprised (context collapse) and who the
nightmare reader is. Nothing is stored: the functions take text and return values; they
never write a file or open a connection.

Examples
--------
>>> view = audience_view(topics_in("Great party last night, still hungover"),
...                      ["close friends", "workmates", "your manager"])
>>> view.topics, view.surprised
(('party',), ('workmates', 'your manager'))
>>> view.nightmare
'your manager'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CIRCLES",
    "SAMPLE_POSTS",
    "TOPICS",
    "AudienceView",
    "audience_view",
    "describe",
    "topics_in",
]

#: Topics a post can touch, and words that signal each (lower case; whole words).
TOPICS: dict[str, tuple[str, ...]] = {
    "party": ("party", "partying", "drunk", "hungover", "hangover", "beer", "wine", "clubbing"),
    "work": ("work", "office", "meeting", "project", "deadline", "colleague", "colleagues"),
    "job hunting": ("interview", "applying", "cv", "resume", "quit", "new job", "job offer"),
    "health": ("doctor", "hospital", "sick", "ill", "diagnosis", "therapy", "anxious", "health"),
    "politics": ("vote", "voted", "election", "protest", "politics", "government", "policy"),
    "relationship": ("date", "dating", "breakup", "boyfriend", "girlfriend", "partner", "love"),
    "holiday": ("holiday", "vacation", "beach", "trip", "travel", "flight"),
    "family news": ("mum", "mom", "dad", "sister", "brother", "grandma", "baby", "wedding"),
    "hobby": (
        "climb",
        "climbed",
        "climbing",
        "guitar",
        "running",
        "hike",
        "hiking",
        "football",
        "painting",
    ),
}


@dataclass(frozen=True)
class Circle:
    """One circle: the topics it expects from the person, those that would upset it."""

    name: str
    expects: frozenset[str]
    sensitive: frozenset[str]


def _circle(name: str, expects: str, sensitive: str) -> Circle:
    def split(text: str) -> frozenset[str]:
        return frozenset(t.strip() for t in text.split(",") if t.strip())

    return Circle(name, split(expects), split(sensitive))


#: The synthetic person's circles (illustrative, not data), in display order.
CIRCLES: tuple[Circle, ...] = (
    _circle(
        "close friends",
        "party, relationship, health, holiday, hobby, politics, job hunting, family news, work",
        "",
    ),
    _circle("family", "family news, holiday, health, work", "party, relationship, politics"),
    _circle("climbing club", "hobby, holiday", ""),
    _circle("workmates", "work, holiday, hobby", "politics"),
    _circle("your manager", "work", "job hunting, party, health"),
    _circle("old school friends", "family news, holiday, party, relationship", ""),
    _circle("public followers", "hobby, holiday, politics", "health, family news"),
)
_BY_NAME = {c.name: c for c in CIRCLES}

#: Posts a learner can pick instead of writing one.
SAMPLE_POSTS: tuple[str, ...] = (
    "Great party last night, still hungover",
    "Off to a job interview tomorrow, wish me luck!",
    "Finally climbed my first 6a at the gym",
    "Waiting at the hospital for my sister's test results",
    "Voted today. This government has to go.",
)


def topics_in(text: str) -> tuple[str, ...]:
    """Return the topics a post's text touches, in :data:`TOPICS` order (matched on whole words).

    Parameters
    ----------
    text : str
        The post's text (case and punctuation do not matter).

    Returns
    -------
    tuple of str
        Keys of :data:`TOPICS` whose signal words occur; empty when none does.

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Examples
    --------
    >>> topics_in("Off to a job interview tomorrow")
    ('job hunting',)
    >>> topics_in("")
    ()
    """
    if not isinstance(text, str):
        raise TypeError(f"a post is text between quotes; got {type(text).__name__}")
    words = " ".join(re.findall(r"[a-z0-9']+", text.lower()))
    found = []
    for topic, signals in TOPICS.items():
        if any(re.search(rf"\b{re.escape(s)}\b", words) for s in signals):
            found.append(topic)
    return tuple(found)


@dataclass(frozen=True)
class AudienceView:
    """What happens when a post with ``topics`` reaches the circles ``seen_by``.

    Parameters
    ----------
    topics : tuple of str
        Topics of the post.
    seen_by : tuple of str
        Circles that see it, in :data:`CIRCLES` order.
    surprised : tuple of str
        Circles that see a topic they do not expect from the person (context collapse).
    nightmare : str or None
        The circle the post would upset most (most sensitive topics touched); None when
        it upsets nobody who sees it.
    nightmare_topics : tuple of str
        The topics that would upset the nightmare reader.
    """

    topics: tuple[str, ...]
    seen_by: tuple[str, ...]
    surprised: tuple[str, ...]
    nightmare: str | None
    nightmare_topics: tuple[str, ...]

    @property
    def collapsed(self) -> bool:
        """True when the post reaches a circle that would be surprised by it."""
        return bool(self.surprised)


def _circles(names: Iterable[str]) -> tuple[Circle, ...]:
    if isinstance(names, str):
        names = [names]
    chosen = set()
    for name in names:
        if name not in _BY_NAME:
            raise ValueError(
                f"{name!r} is not a circle: use one of {', '.join(c.name for c in CIRCLES)}"
            )
        chosen.add(name)
    return tuple(c for c in CIRCLES if c.name in chosen)


def audience_view(topics: Iterable[str], circles: Iterable[str]) -> AudienceView:
    """Which of ``circles`` would be surprised by a post on ``topics``, and who minds most.

    Parameters
    ----------
    topics : iterable of str
        Topics of the post (keys of :data:`TOPICS`; :func:`topics_in` finds them in text).
    circles : iterable of str
        Names of the circles that see the post.

    Returns
    -------
    AudienceView
        The post's topics and circles in canonical order, the surprised circles, and the
        nightmare reader with the topics that upset them.

    Raises
    ------
    ValueError
        If a topic is not in :data:`TOPICS` or a circle is not in :data:`CIRCLES`.

    Examples
    --------
    >>> v = audience_view(["hobby"], ["climbing club", "public followers"])
    >>> v.surprised, v.nightmare
    ((), None)
    >>> audience_view(["health"], ["family", "public followers"]).nightmare
    'public followers'
    """
    topics = tuple(topics)
    unknown = [t for t in topics if t not in TOPICS]
    if unknown:
        raise ValueError(f"{unknown[0]!r} is not a topic: use one of {', '.join(TOPICS)}")
    topics = tuple(t for t in TOPICS if t in topics)
    seen = _circles(circles)
    surprised = tuple(c.name for c in seen if any(t not in c.expects for t in topics))
    nightmare: str | None = None
    worst: tuple[str, ...] = ()
    for circle in seen:
        upset = tuple(t for t in topics if t in circle.sensitive)
        if len(upset) > len(worst):
            nightmare, worst = circle.name, upset
    return AudienceView(topics, tuple(c.name for c in seen), surprised, nightmare, worst)


def _names(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe(view: AudienceView) -> str:
    """Return the view in plain sentences (what the widget announces).

    Parameters
    ----------
    view : AudienceView
        A result of :func:`audience_view`.

    Returns
    -------
    str
        Three lines (the topics and who sees the post, who is surprised, the nightmare
        reader), or one line asking for a circle when no circle sees the post.

    Examples
    --------
    >>> print(describe(audience_view(["party"], ["close friends", "your manager"])))
    The post is about party. 2 circles see it: close friends and your manager.
    Surprised (context collapse): your manager.
    Nightmare reader: your manager, for whom a post about party is the worst fit.
    """
    if not view.seen_by:
        return "No circle sees the post: choose at least one circle."
    about = _names(view.topics) if view.topics else "no topic the course recognises"
    count = len(view.seen_by)
    lines = [
        f"The post is about {about}. {count} circle{'s' if count != 1 else ''} "
        f"see{'s' if count == 1 else ''} it: {_names(view.seen_by)}."
    ]
    if view.surprised:
        lines.append(f"Surprised (context collapse): {_names(view.surprised)}.")
    else:
        lines.append("No circle would be surprised: the audience matches the post.")
    if view.nightmare:
        lines.append(
            f"Nightmare reader: {view.nightmare}, for whom a post about "
            f"{_names(view.nightmare_topics)} is the worst fit."
        )
    else:
        lines.append("Nightmare reader: nobody who sees it would mind.")
    return "\n".join(lines)
