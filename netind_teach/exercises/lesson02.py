"""Lesson 02 (the typology): classify synthetic people, a median, the rule in code, a reflection.

Every person here is from the *synthetic* East York sample (made-up people calibrated to
Wellman, Quan-Haase & Harper 2020; the interviews are not public). Answers and reasons
are not typed in by hand: they come from :mod:`netind_teach.typology` applied to that
sample, so the exercises always agree with the package.

Examples
--------
>>> from netind_teach.exercises.lesson02 import EXERCISES
>>> [d.kind for d in EXERCISES][:3]
['multiple choice', 'classify this network', 'classify this network']
>>> [d.answer for d in EXERCISES if d.kind == "classify this network"]
['networked', 'limited', 'bounded', 'bounded', 'networked', 'limited']
>>> course_type({"ties": 14, "groups": 1, "diversity": 7}, {"ties": 14, "groups": 1,
...              "diversity": 7})
'networked'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import networkx as nx

from .. import datasets, synthetic, typology
from ..errors import NotFound
from ..quantities import format_number, side
from ..vocab import TYPES
from . import ClassifyNetwork, MultipleChoice, Numeric, Option, Reflection
from .code_exercise import Case, CodeExercise
from .lazy import built_on_first_use

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLASSIFY_PEOPLE",
    "EXERCISES",
    "MEDIAN_AGE_GROUP",
    "TITLE",
    "SyntheticPersonNetwork",
    "course_type",
    "person_network",
]

#: The exercises, built on first use (see the end of this module).
EXERCISES: tuple[Any, ...]

TITLE = "The typology: networked, bounded and limited individuals"

#: Synthetic people of the classify-this-network exercises, in the order shown:
#: two clear cases, two bounded people (many ties but narrow; many groups but fewer ties
#: than their age group), and two borderline people (exactly at every median; at two
#: medians and below one).
CLASSIFY_PEOPLE: tuple[int, ...] = (16, 65, 33, 2, 6, 68)

#: Age group of the numeric exercise (median ties).
MEDIAN_AGE_GROUP = "35-50"

_MEASURES = typology.MEASURES
_NAMES = {"ties": "ties", "groups": "groups", "diversity": "diversity score"}


def _measures_text(values: dict[str, Any]) -> str:
    """E.g. '63 ties, 1 group, diversity score 4'."""
    ties, groups = format_number(values["ties"]), format_number(values["groups"])
    noun = "group" if groups == "1" else "groups"
    return f"{ties} ties, {groups} {noun}, diversity score {format_number(values['diversity'])}"


@dataclass(frozen=True)
class _Sample:
    """The synthetic sample (read only), typed by the package, with its age groups' medians."""

    people: pd.DataFrame
    alters: pd.DataFrame
    ties: pd.DataFrame
    typed: pd.DataFrame
    reference: Any
    group_medians: dict[str, dict[str, float]]


@functools.cache
def _sample() -> _Sample:
    """Load and type the synthetic sample, once, when an exercise or a network needs it."""
    people = datasets.load("east_york_synthetic")
    typed = typology.classify_sample(people).set_index("person_id", drop=False)
    return _Sample(
        people=people,
        alters=datasets.load("east_york_synthetic_alters"),
        ties=datasets.load("east_york_synthetic_ties"),
        typed=typed,
        reference=typology.reference_medians("synthetic"),
        group_medians={
            str(group): {m: float(rows[m].median()) for m in _MEASURES}
            for group, rows in typed.groupby("age_group", sort=False)
        },
    )


def person_network(person_id: int) -> nx.Graph:
    """Return one synthetic person's ego network (alters carry ``category`` and ``circle``).

    Parameters
    ----------
    person_id : int
        Id of a person of the synthetic East York sample (1 to the sample's size).

    Returns
    -------
    networkx.Graph
        Ego and their alters; graph attributes hold the person's row of the sample
        (``age_group``, ``ties``, ``groups``, ``diversity``, ...), ``synthetic`` (True)
        and ``name``.

    Raises
    ------
    ValueError
        If there is no person ``person_id``.

    Examples
    --------
    >>> G = person_network(65)
    >>> G.graph["synthetic"], G.degree("ego") == G.graph["ties"]
    (True, True)
    """
    sample = _sample()
    try:
        G = synthetic.egonet_of(person_id, sample.alters, sample.ties, sample.people)
    except NotFound:
        raise ValueError(
            f"There is no synthetic person {person_id}. Fix: use an id from 1 to "
            f"{len(sample.people)}."
        ) from None
    G.graph["name"] = f"synthetic East York person {person_id}"
    return G


@dataclass(frozen=True, kw_only=True)
class SyntheticPersonNetwork(ClassifyNetwork):
    """A classify-this-network exercise on a synthetic East York person.

    The same as :class:`~netind_teach.exercises.ClassifyNetwork`, drawn with
    :func:`netind_teach.egodraw.draw_person`, which gives each of the
    synthetic sample's circles its own colour and names them in a legend.

    Other Parameters
    ----------------
    graph, answer, reasons, ego, description, drawing_title, choices, noun, seen
        As for :class:`~netind_teach.exercises.ClassifyNetwork`.
    reasons_heading, clues
        As for :class:`~netind_teach.exercises.ClassifyNetwork`.
    name, question, title, hints, solution, explanation, wrong_examples, lesson
        The fields every exercise has (see
        :class:`~netind_teach.exercises.definition.Definition`).

    Examples
    --------
    >>> from netind_teach.exercises.lesson02 import EXERCISES
    >>> d = next(d for d in EXERCISES if d.name == "person_6")
    >>> d.answer, isinstance(d, ClassifyNetwork), d.network().graph["synthetic"]
    ('networked', True, True)
    """

    def draw(self, ax: Any = None, **kwargs: Any) -> Any:
        """Draw the network, circles coloured and named; return the Axes."""
        from ..egodraw import draw_person  # lazy: matplotlib

        kwargs.setdefault("title", self.drawing_title or None)
        return draw_person(self.network(), ax=ax, ego=self.ego, **kwargs)


def course_type(person: dict[str, Any], medians: dict[str, Any]) -> str:
    """Return the course rule for one person, with the package: ``typology.classify``.

    ``person`` and ``medians`` map ``ties``, ``groups`` and ``diversity`` to numbers.

    Parameters
    ----------
    person : dict
        The person's ``ties``, ``groups`` and ``diversity``.
    medians : dict
        The medians to compare with, by the same names (other keys are ignored).

    Returns
    -------
    str
        ``"networked"``, ``"bounded"`` or ``"limited"``.

    Examples
    --------
    >>> course_type({"ties": 30, "groups": 1, "diversity": 9},
    ...             {"ties": 21, "groups": 2, "diversity": 8})
    'bounded'
    """
    return typology.classify(person, {m: medians[m] for m in _MEASURES}).type


_STORIES = {
    "networked": "At or above the median on every measure is the networked type: many ties, "
    "several groups and many kinds of relation, for their age.",
    "limited": "At or below the median on every measure is the limited type: fewer ties than "
    "most people of their age, and few groups or kinds of relation.",
    "bounded": "Above the median on one measure and below on another is the bounded type. "
    "Being high on one measure is not enough to be networked.",
}
_NOTES = {
    33: " This person has a very large network (63 ties, the largest in the sample) but a "
    "narrow one: a low diversity score. Many ties are not the same as many kinds of tie.",
    2: " This person belongs to many groups, and has more ties than the median of the whole "
    "sample (22), but fewer than the median of people under 35 (34): the study compares "
    "people with their own age group.",
    6: " This person is *exactly* at the median on all three measures. The rule as written "
    "makes them both networked (at or above on all three) and limited (at or below on all "
    "three); the course's tie-break checks networked first.",
    68: " Being *at* the median on two measures does not save this person: at or below on "
    "all three, and below on one, is limited.",
}


#: The last hint of each person: a strong nudge that leaves the comparing to the learner.
_NUDGES = {
    16: "Is any of the three measures below its median? If none is, only one clause of the "
    "rule can fit.",
    65: "Is any of the three measures above its median? If none is, only one clause of the "
    "rule can fit.",
    33: "63 ties is a lot, even for people aged 51-64. Now look at the diversity score: "
    "being high on one measure is not enough for the first clause.",
    2: "Compare the ties with the median of people *under 35*, not with the whole sample's "
    "22; then look for a measure on the other side of its median.",
    6: "'At' the median counts for 'at or above' and for 'at or below'. When two clauses "
    "fit, which one does the course check first?",
    68: "Two measures are exactly at their medians; the third decides which clauses still "
    "fit. 'At or below on every measure' includes 'at'.",
}


def _clues(person: dict[str, Any], medians: dict[str, Any], group: str) -> tuple[str, ...]:
    """Return what the rule sees, in plain words and without the type (after a wrong answer)."""
    lines = []
    for m in _MEASURES:
        where = {"above": "above", "at": "exactly at", "below": "below"}[
            side(person[m], medians[m])
        ]
        lines.append(
            f"{_NAMES[m]} {format_number(person[m])}: {where} the median of "
            f"{format_number(medians[m])} for ages {group}"
        )
    lines.append(
        "Now go through the rule in order: networked (at or above on all three) first, "
        "then limited (at or below on all three); anyone else is bounded."
    )
    return tuple(lines)


def _description(person_id: int) -> str:
    """Text alternative of a person's drawing: circles with their sizes, ties among alters."""
    sample = _sample()
    alters = sample.alters[sample.alters["person_id"] == person_id]
    sizes = alters["circle"].value_counts(sort=False)
    circles = ", ".join(f"{name} ({n})" for name, n in sizes.items())
    among = int((sample.ties["person_id"] == person_id).sum())
    return (
        f"Synthetic ego network of person {person_id}: ego and {len(alters)} alters in "
        f"{len(sizes)} circles: {circles}; {among} ties among the alters."
    )


def _classify_definition(person_id: int) -> SyntheticPersonNetwork:
    sample = _sample()
    row = sample.typed.loc[person_id]
    group = str(row["age_group"])
    medians = sample.group_medians[group]
    person = {m: int(row[m]) for m in _MEASURES} | {"age_group": group}
    result = typology.classify(person, sample.reference)
    if result.type != row["type"]:  # the one-person and whole-sample functions must agree
        raise RuntimeError(f"typology disagrees with itself about synthetic person {person_id}")
    values, median_text = _measures_text(person), _measures_text(medians)
    if group == MEDIAN_AGE_GROUP:  # Exercise 2 asks for this median: do not show it
        median_text = "the ties median you computed in Exercise 2, " + median_text.split(
            " ties, ", 1
        )[1]
    return SyntheticPersonNetwork(
        name=f"person_{person_id}",
        title=f"Classify synthetic person {person_id}",
        question=f"**Synthetic person {person_id}**, aged {row['age']} (age group {group}). "
        f"Measures: {values}. Medians of the {group} age group in the synthetic sample: "
        f"{median_text} (the ties median is also the published one). Circles are coloured; "
        "the drawing shows ties among alters too.\n\n"
        "Which type does the course rule give? (Networked: at or above the median on all "
        "three; limited: at or below on all three; bounded: everyone else. When two clauses "
        "fit, networked is checked first.)",
        graph=partial(person_network, person_id),
        answer=str(row["type"]),
        reasons=result.reasons,
        clues=_clues(person, medians, group),
        drawing_title=f"Synthetic person {person_id} ({group})",
        description=_description(person_id),
        hints=(
            f"Compare each measure with the {group} median: above, at, or below?",
            _NUDGES[person_id],
        ),
        explanation=_STORIES[str(row["type"])] + _NOTES.get(person_id, ""),
        wrong_examples=tuple(t for t in TYPES if t != row["type"]),
    )


# -- the code exercise: the rule for one person, checked on the whole sample --------------
_STARTER = '''def course_type(person, medians):
    """Return "networked", "bounded" or "limited" for one person.

    person:  their measures, e.g. {"ties": 34, "groups": 2, "diversity": 9}
    medians: the medians of their age group, with the same keys
    """
    return ____
'''

_SOLUTION = '''def course_type(person, medians):
    measures = ["ties", "groups", "diversity"]
    if all(person[m] >= medians[m] for m in measures):   # checked first: the tie-break
        return "networked"
    if all(person[m] <= medians[m] for m in measures):
        return "limited"
    return "bounded"'''


def _sample_cases() -> tuple[Case, ...]:
    cases = []
    sample = _sample()
    for row in sample.typed.itertuples():
        person = {m: int(getattr(row, m)) for m in _MEASURES}
        medians = sample.group_medians[row.age_group]
        shown = ", ".join(f"{m} {person[m]} vs {format_number(medians[m])}" for m in _MEASURES)
        cases.append(
            Case((person, medians), row.type, f"synthetic person {row.person_id}: {shown}")
        )
    return tuple(cases)


def _strictly_above_first(person: dict[str, Any], medians: dict[str, Any]) -> str:
    if all(person[m] > medians[m] for m in _MEASURES):
        return "networked"
    if all(person[m] <= medians[m] for m in _MEASURES):
        return "limited"
    return "bounded"


def _limited_first(person: dict[str, Any], medians: dict[str, Any]) -> str:
    if all(person[m] <= medians[m] for m in _MEASURES):
        return "limited"
    if all(person[m] >= medians[m] for m in _MEASURES):
        return "networked"
    return "bounded"


def _literal_bounded(person: dict[str, Any], medians: dict[str, Any]) -> str:
    below = sum(person[m] < medians[m] for m in _MEASURES)
    if below == 0:
        return "networked"
    return "bounded" if below == 1 else "limited"


def _exercises() -> dict[str, Any]:
    """Build the lesson's exercises and the figures they use (data work: on first use)."""
    _PEOPLE = _sample().people
    _GROUP_TIES = _PEOPLE.loc[_PEOPLE["age_group"] == MEDIAN_AGE_GROUP, "ties"]
    _MEDIAN_ANSWER = float(_GROUP_TIES.median())
    _MEAN = round(float(_GROUP_TIES.mean()), 1)
    _WHOLE = float(_PEOPLE["ties"].median())


    EXERCISES = (
        MultipleChoice(
            name="overlap",
            title="The rule as written",
            question="As written, the study's rule says: networked = at or above the median on "
            "all three measures; bounded = below the median on one; limited = at or below the "
            "median on all three. Someone is **exactly at the median** on all three measures. "
            "Which type does the rule *as written* give them?",
            options=(
                Option("networked only", feedback="Look at the limited clause too: 'at or below'."),
                Option("limited only", feedback="Look at the networked clause too: 'at or above'."),
                Option(
                    "both networked and limited: the clauses overlap",
                    correct=True,
                    feedback="That is why the course adds a tie-break.",
                ),
                Option(
                    "bounded",
                    feedback="Bounded needs a measure below the median; this person has none.",
                ),
            ),
            hints=(
                "Read each clause and ask: does 'at the median' fit it?",
                "'At or above' and 'at or below' both include 'at'.",
            ),
            explanation="Both 'at or above' (networked) and 'at or below' (limited) include people "
            "exactly at the median, so the rule as written overlaps. The course makes it exclusive "
            "with a stated tie-break: networked is checked first, then limited, and everyone else "
            "is "
            "bounded (so the person above is networked).",
            wrong_examples=("a", "b", "d"),
        ),
        *(_classify_definition(pid) for pid in CLASSIFY_PEOPLE),
        Numeric(
            name="median_ties",
            title="Median network size of an age group",
            question=f"In the synthetic sample (`people`), what is the **median** number of ties "
            f"(network size) of the people aged **{MEDIAN_AGE_GROUP}**? Compute it with pandas.",
            answer=_MEDIAN_ANSWER,
            unit="ties",
            unit_words=("tie",),
            mistakes=tuple(
                (value, message)
                for value, message in (
                    (
                        _WHOLE,
                        f"{format_number(_WHOLE)} is the median of the whole sample: keep only the "
                        f"people aged {MEDIAN_AGE_GROUP}.",
                    ),
                    (_MEAN, "That is the mean; the study uses the median (the middle value)."),
                )
                if value != _MEDIAN_ANSWER
            ),
            hints=(
                f"Keep the rows where `people['age_group'] == '{MEDIAN_AGE_GROUP}'`, then take the "
                "median of the `ties` column.",
                "`people.loc[rows, column]` keeps some rows of one column; pandas names the "
                "method that gives the middle value after the statistic itself.",
            ),
            explanation=f"{format_number(_MEDIAN_ANSWER)} ties: the same as the published median "
            f"for ages {MEDIAN_AGE_GROUP} (Wellman, Quan-Haase & Harper 2020). The synthetic "
            f"sample was "
            "built to match the published medians of ties by age group: 34, 21, 15 and 14 from the "
            "youngest group to the oldest.",
            wrong_examples=(_WHOLE, _MEAN, 34, "21 groups"),
        ),
        CodeExercise(
            name="rule_in_code",
            title="The course rule in code",
            question="Write `course_type(person, medians)`: given one person's three measures and "
            "the medians of their age group (two dicts with the keys `ties`, `groups` and "
            "`diversity`), return `'networked'`, `'bounded'` or `'limited'` by the course rule. "
            "The checker compares your function with the package on **every person of the "
            "synthetic sample** (101 cases).",
            function_name="course_type",
            starter_code=_STARTER,
            reference=course_type,
            solution_code=_SOLUTION,
            cases=_sample_cases(),
            hints=(
                "Check networked first: is the person at or above the median on every measure? "
                "Then limited: at or below on every measure? Anyone else is bounded.",
                "Python's `all(...)` is True when a condition holds for every item: "
                "`all(condition for m in measures)`. Write the condition for 'at or above', use "
                "it for networked, then write the one for limited.",
            ),
            explanation="Checking networked first makes the overlapping clauses exclusive: "
            "someone exactly at every median is networked. The 'else' branch closes the gap the "
            "rule as written leaves (e.g. below on two measures and above on one): such people "
            "are bounded.",
            wrong_examples=(_strictly_above_first, _limited_first, _literal_bounded),
        ),
        Reflection(
            name="limited_word",
            title="Is 'limited' a fair word?",
            question="Think of someone with a few, very close ties: a partner, two siblings and an "
            "old friend who all know each other. The rule calls them *limited*. Is that a fair "
            "word? And what would a **density** measure (how many of their alters know each "
            "other) add to the three measures? Note that the study does not measure density. "
            "Write three or four sentences.",
            example="'Limited' describes the size and spread of the network, not the quality of "
            "the ties: a few close, supportive ties may give more help than many weak ones, so "
            "the word can sound like a judgement it is not. A density measure would show whether "
            "those few people form one tight-knit group, which makes support easy to organise but "
            "brings little new information, or are scattered across separate circles. It would "
            "separate 'few ties in one closed group' from 'few ties in several places'.",
            min_words=30,
            hints=(
                "Separate the number and spread of ties (what the rule counts) from how close or "
                "helpful they are (what it does not).",
                "Density among alters: 1 if everyone ego knows knows everyone else, near 0 if "
                "they do not know each other.",
            ),
            explanation="There is no single right answer. The three measures count ties, groups "
            "and "
            "kinds of relation; they do not weigh how close or supportive ties are, and the study "
            "does not measure density: the density shown for the synthetic networks in this "
            "lesson is illustrative, like the networks themselves.",
            wrong_examples=("Yes, it is fair.", "Density is the number of ties."),
        ),
    )
    return {"EXERCISES": EXERCISES}


__getattr__ = built_on_first_use(_exercises, __name__, ("EXERCISES",))
