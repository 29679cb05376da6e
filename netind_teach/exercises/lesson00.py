"""Lesson 00 (welcome): one exercise of each kind, about the course's subject.

Figures and attributions come from the course's fact sheet; the ego network and the
medians marked "synthetic" are made up for practice.

Examples
--------
>>> from netind_teach.exercises.lesson00 import EXERCISES
>>> [d.kind for d in EXERCISES]  # doctest: +NORMALIZE_WHITESPACE
['multiple choice', 'multiple choice', 'numeric', 'classify this network',
 'sort the claims', 'code', 'reflection']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..vocab import EGO
from . import Claim, ClassifyNetwork, MultipleChoice, Numeric, Option, Reflection, SortClaims
from .code_exercise import Case, CodeExercise
from .lazy import built_on_first_use

__all__ = ["EXERCISES", "TITLE"]

#: The exercises, built on first use (see the end of this module).
EXERCISES: tuple[Any, ...]

TITLE = "Welcome: how the exercises work"


# -- networks used below (small, built by hand) -----------------------------------------
def synthetic_limited_person() -> nx.Graph:
    """Return a synthetic ego network: 4 relatives who all know each other, and 1 neighbour."""
    G = nx.Graph(name="synthetic ego network (lesson 00)")
    G.add_node(EGO)
    relatives = {
        "mother": "immediate kin",
        "son": "immediate kin",
        "daughter": "immediate kin",
        "cousin": "extended kin",
    }
    for person, category in relatives.items():
        G.add_node(person, category=category, circle="family", place="local")
        G.add_edge(EGO, person, kind="strong")
    kin = list(relatives)
    G.add_edges_from((a, b, {"kind": "strong"}) for i, a in enumerate(kin) for b in kin[i + 1 :])
    G.add_node("neighbour", category="neighbour", circle="street", place="local")
    G.add_edge(EGO, "neighbour", kind="weak")
    return G


def _star(n: int) -> nx.Graph:
    G = nx.Graph()
    G.add_node(EGO)
    G.add_edges_from((EGO, f"alter {i}") for i in range(1, n + 1))
    return G


def _clique_around_ego(n: int) -> nx.Graph:
    G = _star(n)
    alters = [f"alter {i}" for i in range(1, n + 1)]
    G.add_edges_from((a, b) for i, a in enumerate(alters) for b in alters[i + 1 :])
    return G


def _with_friend_of_friend() -> nx.Graph:
    G = _star(2)
    G.add_edge("alter 1", "friend of alter 1")
    return G


def count_alters(G: nx.Graph) -> int:
    """Return how many alters (people tied to "ego") the network G has."""
    return len(list(G.neighbors("ego")))


_STARTER = '''def count_alters(G):
    """Return how many alters (people tied to "ego") the network G has."""
    return ____
'''

_SOLUTION = '''def count_alters(G):
    """Return how many alters (people tied to "ego") the network G has."""
    return len(list(G.neighbors("ego")))'''


def _exercises() -> dict[str, Any]:
    """Build the lesson's exercises and the figures they use (data work: on first use)."""
    EXERCISES = (
        MultipleChoice(
            name="coined",
            title="Who coined the term?",
            question="Who coined the term *networked individualism*, and when?",
            options=(
                Option(
                    "Manuel Castells, in 2001",
                    feedback="Castells wrote about networked individualism in *The Internet "
                    "Galaxy* (2001) and published the term with its coiner, but did not coin it.",
                ),
                Option(
                    "Barry Wellman, in 2000",
                    correct=True,
                    feedback="Castells and Wellman then first published it in 2001.",
                ),
                Option(
                    "Robert Putnam, in 2000",
                    feedback="Putnam's *Bowling Alone* (2000) is about declining social capital; "
                    "the term does not come from it.",
                ),
                Option(
                    "Lee Rainie and Barry Wellman, in 2012",
                    feedback="Their book *Networked* (2012) elaborated the idea; the term is "
                    "older.",
                ),
            ),
            hints=(
                "The person who coined it later co-wrote *Networked* (2012).",
                "The term was coined one year before it was first published, in 2001.",
            ),
            explanation="Barry Wellman coined the term in 2000. Manuel Castells and Barry Wellman "
            "first published it in 2001; Lee Rainie and Barry Wellman elaborated it in *Networked: "
            "The New Social Operating System* (MIT Press, 2012).",
            wrong_examples=("a", "Robert Putnam, in 2000", ["d"]),
        ),
        MultipleChoice(
            name="what_it_is",
            title="What networked individualism means",
            question="Which statements describe networked individualism? Choose **every** one "
            "that fits.",
            multiple=True,
            options=(
                Option(
                    "The person, not the household or group, is the primary unit of connectivity.",
                    correct=True,
                ),
                Option(
                    "The shift began before the internet; the internet both reflects and "
                    "facilitates it.",
                    correct=True,
                ),
                Option(
                    "People belong to several, loosely-knit circles and turn to different people "
                    "for different needs.",
                    correct=True,
                ),
                Option(
                    "Only people who use social media can be networked individuals.",
                    feedback='a study of older East Yorkers found digital media use "neither '
                    'necessary nor sufficient" to be a networked individual (Wang, Zhang & '
                    "Wellman 2018).",
                ),
                Option(
                    "Most people live inside one densely-knit, bounded group such as a "
                    "neighbourhood or work group.",
                    feedback="that describes the model networked individualism moves away from.",
                ),
            ),
            hints=(
                "Three of the five statements fit.",
                "Wellman places the start of the shift in the 1960s.",
            ),
            explanation="Networked individuals are connected person to person, in looser, more "
            'fragmented networks; the turn started before the internet, which "both reflects and '
            'facilitates" it (Wellman 2002). Densely-knit, bounded groups are Wellman\'s "little '
            'boxes"; and digital media use is "neither necessary nor sufficient" (Wang, Zhang & '
            "Wellman 2018).",
            wrong_examples=("a, b", ("a", "b", "c", "d"), "e"),
        ),
        Numeric(
            name="share",
            title="How many were networked?",
            question="The East York study (Wellman, Quan-Haase & Harper 2020) interviewed 101 "
            "people and classed each as networked, bounded or limited. What **percentage** were "
            "networked individuals?",
            answer=35,
            unit="%",
            mistakes=(
                (36, "36% is the share of bounded individuals."),
                (29, "29% is the share of limited individuals."),
            ),
            hints=(
                "The three shares add up to 100%.",
                "Bounded individuals were 36% and limited individuals 29%.",
            ),
            explanation="35% networked, 36% bounded and 29% limited (Wellman, Quan-Haase & Harper "
            "2020). Networked individuals were not a majority, even in 2013-2014.",
            wrong_examples=(36, "0.35", "about a third", [35], 50),
        ),
        ClassifyNetwork(
            name="first_type",
            title="Classify a first network",
            question="Below is the ego network of a **synthetic** person aged 70 (made up for "
            "practice). They name 5 active ties, belong to no social groups (clubs, teams, "
            "associations) and have a diversity score of 3 out of 12. For their age group the "
            "medians are 14 ties (the East York figure for ages 65+), 1 group and a diversity "
            "score of 7 (the course's synthetic sample, lesson 02).\n\n"
            "The rule: *networked* = at or above the median on all three measures; *limited* = "
            "at or below the median on all three; *bounded* = in between. Which type is this "
            "person?",
            graph=synthetic_limited_person,
            answer="limited",
            reasons=(
                "5 active ties: below the age group's median of 14",
                "0 social groups: below the age group's median of 1 (synthetic)",
                "diversity score 3: below the age group's median of 7 (synthetic)",
            ),
            drawing_title="A synthetic person's ego network",
            description="Synthetic ego network: ego with 5 alters in two circles, 4 relatives "
            "who all know each other (family) and 1 neighbour (street).",
            hints=(
                "Compare each of the three measures with its median.",
                "Write down above, at or below for each measure, then read the rule's clauses: "
                "which one allows that pattern?",
            ),
            explanation="Below the median on all three measures is the limited type: a small "
            "network, concentrated in one circle. Lesson 02 applies the same rule to a whole "
            "(synthetic) sample.",
            wrong_examples=("networked", "bounded", "Socially bounded"),
        ),
        SortClaims(
            name="sort_models",
            title="Wellman's three models of community",
            question="Put each claim under the model of community it describes (Wellman 2002).",
            categories=("little boxes", "glocalization", "networked individualism"),
            claims=(
                Claim(
                    "People are encapsulated in homogeneous, broadly-embracing, bounded, "
                    "hierarchical groups.",
                    "little boxes",
                    "Wellman 2002",
                    "Ask what is connected: whole groups, households, or single people?",
                ),
                Claim(
                    "Households are connected place to place, locally and globally, in "
                    "sparsely-knit networks with clusters.",
                    "glocalization",
                    "Wellman 2002",
                    "Look at the unit that is connected.",
                ),
                Claim(
                    "Individuals connect person to person, with little regard to space.",
                    "networked individualism",
                    "Wellman 2002",
                ),
                Claim(
                    "Ties are densely knit and run door to door, in the local area.",
                    "little boxes",
                    "Wellman 2002",
                    "How densely knit is each model?",
                ),
                Claim(
                    "People turn to different people for different needs: emotional support "
                    "from some, a good address in a city from others.",
                    "networked individualism",
                    "Rainie & Wellman",
                ),
            ),
            hints=(
                "Ask of each claim: what is connected (groups, households or individuals), and "
                "how densely knit is it?",
                "Two claims belong to little boxes, one to glocalization, two to networked "
                "individualism.",
            ),
            explanation="Little boxes: densely-knit, door-to-door, local groups. Glocalization: "
            "households connected place to place, locally and globally. Networked individualism: "
            "individuals connected person to person, with little regard to space (Wellman 2002).",
            wrong_examples=(
                {
                    1: "little boxes",
                    2: "networked individualism",
                    3: "glocalization",
                    4: "little boxes",
                    5: "networked individualism",
                },
                ["networked individualism"] * 5,
                {1: "little boxes"},
            ),
        ),
        CodeExercise(
            name="count_alters",
            title="Count the alters",
            question='An ego network is a graph around one person, **ego** (node `"ego"`); the '
            "people ego is tied to are the **alters**. Write a function `count_alters(G)` that "
            "returns how many alters the networkx graph `G` has.",
            function_name="count_alters",
            starter_code=_STARTER,
            reference=count_alters,
            solution_code=_SOLUTION,
            cases=(
                Case((_star(3),), 3, "ego with 3 alters who do not know each other"),
                Case((_clique_around_ego(3),), 3, "ego with 3 alters who all know each other"),
                Case(
                    (_with_friend_of_friend(),), 2, "ego with 2 alters, one has a friend of his own"
                ),
                Case((_star(0),), 0, "ego alone"),
            ),
            hints=(
                'The alters are ego\'s neighbours in the graph: `G.neighbors("ego")`.',
                "Every alter is a neighbour of `'ego'`, so count ego's neighbours: networkx "
                "can tell you how many neighbours a node has (look up the graph's `degree`).",
            ),
            explanation="Alters are the people ego is tied to directly: ego's neighbours. Ties "
            "among alters, and people known only through an alter, do not change the count.",
            wrong_examples=(
                lambda G: G.number_of_nodes(),
                lambda G: G.number_of_edges(),
            ),
        ),
        Reflection(
            name="my_circles",
            title="Your own circles",
            question="Think of the people you turned to in the last month: for advice, for "
            "practical help, for fun. Do they form one group who all know each other, or several "
            "circles that rarely meet? Write two or three sentences. Your text stays on this "
            "computer.",
            example="I turn to my sister for advice and to two climbing friends for fun; a "
            "neighbour helped me move a sofa. These people barely know each other, so my network "
            "looks like several small circles rather than one group.",
            min_words=15,
            hints=("Name the kinds of people (no names needed) and whether they know each other.",),
            explanation="Several circles that rarely meet is the pattern networked individualism "
            'describes; one group who all know each other is closer to "little boxes". Lesson 05 '
            "maps your network properly.",
            wrong_examples=("Not sure.", "family"),
        ),
    )
    return {"EXERCISES": EXERCISES}


__getattr__ = built_on_first_use(_exercises, __name__, ("EXERCISES",))
