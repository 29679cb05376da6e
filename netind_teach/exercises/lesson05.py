"""Lesson 05 (capstone: your network): exercises on the demo network and on privacy.

The demo network (:func:`netind_teach.mynetwork.demo_network`) is made up. Medians are the
published ones of Wellman, Quan-Haase & Harper (2020); ``tests/test_lesson05.py`` checks
that every answer below equals what the package computes.

Examples
--------
>>> [d.kind for d in EXERCISES]  # doctest: +NORMALIZE_WHITESPACE
['numeric', 'classify this network', 'multiple choice', 'multiple choice', 'reflection']
"""

from __future__ import annotations

import networkx as nx

from . import ClassifyNetwork, MultipleChoice, Numeric, Option, Reflection

__all__ = ["EXERCISES", "TITLE", "demo_graph"]

TITLE = "Capstone: your own network"


def demo_graph() -> nx.Graph:
    """Return the made-up demo network of lesson 05, as an ego network (no nicknames).

    Returns
    -------
    networkx.Graph
        The demo's 18 people around ego, as
        :meth:`~netind_teach.mynetwork.PersonalNetwork.to_graph` makes it.
    """
    from ..mynetwork import demo_network

    return demo_network().to_graph()


EXERCISES = (
    Numeric(
        name="demo_ties",
        title="Which people count as ties?",
        question="The demo network lists **18** people. The East York study counted a "
        "person's *network size* as their active ties in five categories: immediate kin, "
        "extended kin, friends, neighbours and workmates. Use the demo's table of people: "
        "how many of its 18 people count as **ties**?",
        answer=13,
        unit_words=("ties", "tie", "people"),
        mistakes=(
            (
                18,
                "18 counts everyone. Group members and online-only contacts are not in the "
                "five categories the study counted.",
            ),
            (
                16,
                "You left out the two online-only contacts; the climbing club's group members "
                "are not in the five categories either.",
            ),
            (
                15,
                "You left out the three group members; the two online-only contacts are not "
                "in the five categories either.",
            ),
        ),
        hints=(
            "Count the people whose category is immediate kin, extended kin, friend, "
            "neighbour or workmate.",
            "Leave out the 3 group members and the 2 online-only contacts.",
        ),
        explanation="18 people minus 3 group members and 2 online-only contacts leaves 13 "
        "ties: 3 immediate kin, 2 extended kin, 4 friends, 1 neighbour and 3 workmates. The "
        "others still count in the demo's size, circles and diversity score.",
        wrong_examples=(18, 16, "15", "eighteen"),
    ),
    ClassifyNetwork(
        name="demo_type",
        title="The demo network's type",
        question="The demo person is under 35. Compare the demo with the **published** "
        "medians of Wellman, Quan-Haase & Harper (2020): 34 ties for people under 35, and a "
        "diversity score of 7 for the whole sample. The paper gives medians of group "
        "involvement only by type, not for the sample or an age group, so with the "
        "published medians the course compares two measures. The "
        "demo has as many ties as you counted in Exercise 1, and a diversity score of **12** "
        "(the course's own 0-12 score).\n\n"
        "The rule: *networked* = at or above the median on every measure; *limited* = at or "
        "below on every measure; *bounded* = above on one and below on another. Which type "
        "is the demo?",
        graph=demo_graph,
        answer="bounded",
        reasons=(
            "ties 13: below the published median of 34 for ages under 35",
            "diversity score 12: above the published whole-sample median of 7",
        ),
        drawing_title="The demo network (made up)",
        description="A made-up ego network of 18 people in 5 circles: family with a "
        "neighbour, school friends, a climbing club, workmates and two online-only friends.",
        hints=(
            "Compare the demo's ties (your count in Exercise 1) with 34, then its diversity "
            "score 12 with 7.",
            "Read the rule's clauses in order against what you found: can the demo be at or "
            "above on every measure? At or below on every measure?",
        ),
        explanation="Below the median on ties and above it on diversity is the bounded type "
        "under the course rule: a varied network, but smaller than the published median for "
        "people under 35. With the synthetic sample's medians (which add group "
        "involvement) the demo is also bounded.",
        wrong_examples=("networked", "limited", "Socially limited"),
    ),
    MultipleChoice(
        name="link_measures",
        title="What changes when you link two people?",
        question="In the builder you tick that two people already in your network know each "
        "other (they were not linked before). Which of these **can** change? Choose "
        "**every** one that can.",
        multiple=True,
        options=(
            Option(
                "ties (network size)",
                feedback="a link adds nobody: the number of people in the five categories stays.",
            ),
            Option("density", correct=True),
            Option("the number of circles", correct=True),
            Option(
                "the diversity score",
                feedback="diversity counts kinds of relation, ways of keeping in touch and "
                "places; a link changes none of them.",
            ),
            Option(
                "your type",
                feedback="the rule uses ties, groups and diversity only, and a link changes "
                "none of them.",
            ),
        ),
        hints=(
            "Try it: link two people of the demo (the cell below the exercise) and compare "
            "the measures before and after.",
            "Two answers. One of them changes only when the two people were in different circles.",
        ),
        explanation="A link adds one tie *among* your people: density always rises, and if "
        "the two were in different circles those circles merge into one. Ties, groups and "
        "diversity, the three measures of the typology, do not change, so neither does your "
        "type: the typology does not look at how densely knit a network is (the paper does "
        "not measure density).",
        wrong_examples=("b", ["a", "b"], ["b", "c", "e"], "d"),
    ),
    MultipleChoice(
        name="export_contents",
        title="What leaves your computer?",
        question="Which of these does an **anonymised export** contain? Choose **every** one "
        "that it contains.",
        multiple=True,
        options=(
            Option(
                "the nicknames of your people",
                feedback="nicknames are replaced by random-looking ids.",
            ),
            Option(
                "each person's category, closeness, way of keeping in touch and place", correct=True
            ),
            Option("who knows whom, between those ids", correct=True),
            Option("your age group and number of groups (if you gave them)", correct=True),
            Option(
                "your reflections and notes",
                feedback="an export has no free text at all; reflections stay in your "
                "progress file on this computer.",
            ),
        ),
        hints=(
            "Press **Preview export** in the builder (or run the preview cell) and read it.",
            "Three answers: everything except text you typed.",
        ),
        explanation="An export keeps the structure and the categories, with random ids in "
        "place of nicknames, plus your age group, groups and measures. It carries no "
        "nicknames and no free text, and it is written only when you press **Write export**.",
        wrong_examples=(["a", "b", "c", "d"], ["b", "c"], "e", ["b", "c", "d", "e"]),
    ),
    Reflection(
        name="type_fair",
        title="Does your type fit you?",
        question="Look at your own network's type and its reasons (or the demo's). Does the "
        "label fit how you see your social life? What does the rule miss: how close you "
        "are, how knit your circles are, ties online or far away? Write three or four "
        "sentences. Your text stays on this computer.",
        example="The rule calls me bounded because I have fewer ties than the median young "
        "East Yorker, but my circles are varied and two of my closest friends live abroad. "
        "The rule does not see that my family and my climbing club never meet, so I move "
        "between separate circles, which sounds networked to me.",
        min_words=25,
        hints=(
            "Start from one reason the rule gives, and say whether you agree with it.",
            "Think of something the three measures cannot see, such as density or distance.",
        ),
        explanation="There is no single right answer. The typology compares three counts "
        "with medians; it does not look at closeness, at how densely knit your circles are, "
        "or at where people live. Labels like *limited* summarise a network, not a person.",
        wrong_examples=("It fits.", "bounded"),
    ),
)
