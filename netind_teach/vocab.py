"""Shared vocabulary: the names every module uses for nodes, attributes and categories.

Keeping them in one place lets a generator, a measure and a plot agree without
importing each other.

Examples
--------
>>> from netind_teach.vocab import EGO, CATEGORIES
>>> EGO
'ego'
>>> "friend" in CATEGORIES
True
"""

from __future__ import annotations

__all__ = [
    "AGE_GROUPS",
    "CATEGORIES",
    "EGO",
    "MODEL_NAMES",
    "PLACES",
    "TIE_CATEGORIES",
    "TIE_KINDS",
    "TYPES",
    "model_name",
]

#: Node id of the focal person in every ego network the package builds.
EGO = "ego"

#: Categories of an alter (the person's relation to ego). Node attribute ``category``.
CATEGORIES: tuple[str, ...] = (
    "immediate kin",
    "extended kin",
    "friend",
    "neighbour",
    "workmate",
    "group member",
    "online-only",
)

#: The five tie categories counted as "network size" in the East York study
#: (Wellman, Quan-Haase & Harper 2020).
TIE_CATEGORIES: tuple[str, ...] = CATEGORIES[:5]

#: Edge attribute ``kind``: strength and channel of a tie.
TIE_KINDS: tuple[str, ...] = ("strong", "weak", "online")

#: Node attribute ``place``: where an alter lives relative to ego.
PLACES: tuple[str, ...] = ("local", "distant")

#: The three types of the typology, in the course's display order.
TYPES: tuple[str, ...] = ("networked", "bounded", "limited")

#: Age groups of the East York study, youngest first (labels used in data and plots).
AGE_GROUPS: tuple[str, ...] = ("under 35", "35-50", "51-64", "65+")

#: Wellman's three models of community (2002), each with the names a learner may use for
#: it. The first name is the one the course shows; every exercise accepts all of them.
MODEL_NAMES: dict[str, tuple[str, ...]] = {
    "little boxes": ("little boxes", "little box", "little-boxes", "door to door", "door-to-door"),
    "glocalized networks": (
        "glocalized networks",
        "glocalised networks",
        "glocalization",
        "glocalisation",
        "glocalized",
        "glocalised",
        "glocalized network",
        "glocalised network",
        "glocal networks",
        "glocal network",
        "glocal",
        "place to place",
        "place-to-place",
    ),
    "networked individualism": (
        "networked individualism",
        "networked individuals",
        "networked individual",
        "person to person",
        "person-to-person",
    ),
}


def model_name(text: object) -> str | None:
    """Return the course's name of the model ``text`` names, or None.

    Case, spaces and a final full stop do not matter.

    Parameters
    ----------
    text : object
        What a learner typed; anything but text gives None.

    Returns
    -------
    str or None
        A key of :data:`MODEL_NAMES` (the course's name), or None when ``text`` names
        no model.

    Examples
    --------
    >>> model_name("Glocalization.")
    'glocalized networks'
    >>> model_name("glocalized networks") == model_name("glocal")
    True
    >>> model_name("networked") is None  # a type of the typology, not a model
    True
    """
    if not isinstance(text, str):
        return None
    wanted = " ".join(text.lower().replace("’", "'").split()).rstrip(".!")
    for model, names in MODEL_NAMES.items():
        if wanted in names:
            return model
    return None
