"""Lesson 03 (the triple revolution): exercises on revolutions, Pew series and simulations.

Figures come from the course's fact sheet (Rainie & Wellman 2012; Pew Research Center
fact sheets). The network in the simulation exercises is the lesson's *synthetic* network
of groups (:func:`netind_teach.triple_revolution.lesson_network`) and its availabilities
are illustrative; the tests check that the answers below still match what the package
computes from the data and the simulations.

Examples
--------
>>> [d.name for d in EXERCISES]  # doctest: +NORMALIZE_WHITESPACE
['smartphone_half', 'what_data_say', 'halve_weak_ties', 'reach_direct',
 'match_revolutions', 'always_on_costs']
"""

from __future__ import annotations

from . import Claim, MultipleChoice, Numeric, Option, Reflection, SortClaims

__all__ = ["EXERCISES", "TITLE"]

TITLE = "The triple revolution: social networks, the internet and mobile connectivity"

_REVOLUTIONS = ("social network revolution", "internet revolution", "mobile revolution")

EXERCISES = (
    Numeric(
        name="smartphone_half",
        title="When did smartphone owners become a majority?",
        question="Look at the smartphone line of the plot (or at the table "
        '`load("pew_mobile_ownership")`). In which **year** was the first survey in the '
        "table in which more than half of U.S. adults owned a smartphone?",
        answer=2013,
        unit="",
        mistakes=(
            (2012, "In the February 2012 survey 45% owned a smartphone: still under half."),
            (2011, "In the May 2011 survey 35% owned a smartphone: well under half."),
            (
                2014,
                "The January 2014 survey is above half (58%), but it is not the first one that is.",
            ),
            (56, "56% is a share, not a year: give the year of that survey."),
            (50, "50% is the threshold, not a year: give the year of the first survey above it."),
        ),
        hints=(
            "Find where the smartphone line crosses the 50% grid line, then the first "
            "point above it.",
            "The last survey under half was in February 2012 (45%).",
        ),
        explanation="The survey of 19 May 2013 found 56% of adults owned a smartphone (a "
        "value seen only in a secondary copy of Pew's 2021 Mobile Fact Sheet, so it is "
        "drawn hollow); the survey before it in the table, in February 2012, found 45%. "
        "Careful with what this says: smartphone owners became a majority at some point "
        "between those two surveys; the data cannot tell exactly when, and the table holds "
        "a subset of Pew's survey dates, so a survey not shown here could have found it "
        "earlier.",
        wrong_examples=(2012, 2014, "56", "2011", 1.0),
    ),
    MultipleChoice(
        name="what_data_say",
        title="What can the plot say?",
        question="Which statements do the Pew series in the plot support, as they stand? "
        "Choose **every** one that fits.",
        multiple=True,
        options=(
            Option(
                "Smartphone ownership passed half of U.S. adults at some point between the "
                "February 2012 survey (45%) and the May 2013 survey (56%).",
                correct=True,
            ),
            Option(
                "Smartphone ownership passed half of U.S. adults on 1 January 2013.",
                feedback="no survey in the table was fielded then: two surveys bracket the "
                "crossing, they do not date it.",
            ),
            Option(
                "Internet use grew by 2 points between 2021 (93%) and 2023 (95%).",
                feedback="in 2023 the internet survey moved from phone to web and mail: the "
                "two values are not directly comparable, so a change between them may come "
                "from the method.",
            ),
            Option(
                "Social media use rose from 69% (November 2016) to 72% (2021).",
                feedback="the question changed: up to 2016 it asked about social networking "
                "sites, in 2021 about 'social media sites like Facebook, Twitter or "
                "Instagram'. The two values answer different questions.",
            ),
            Option(
                "Asked with the same wording, the share of adults using social networking "
                "sites rose from 5% (March 2005) to 69% (November 2016).",
                correct=True,
            ),
            Option(
                "Pew's pooled annual social-media figures can fill the gaps in this series "
                "(e.g. its 2015 figure).",
                feedback="the pooled annual series is a different series with other numbers; "
                "mixing the two makes wiggles that are not in either.",
            ),
        ),
        hints=(
            "Two statements fit. Look for a method change, a wording change, or a claim "
            "more precise than the survey dates allow.",
            "The dashed line marks a change in how the internet survey was done; the 2021 "
            "social media point was asked with new wording.",
        ),
        explanation="Series built from surveys can only be read at their survey dates and "
        "only compared where the method and the wording stayed the same. The internet "
        "series changed method in 2023 (phone to web/mail), the social media question "
        "changed wording in 2021, and Pew's pooled annual social-media series must not be "
        "mixed with the survey-date series used here (Pew Research Center fact sheets).",
        wrong_examples=("a", ["a", "b", "e"], "a, c, e", ["d", "e"], ("a", "e", "f")),
    ),
    MultipleChoice(
        name="halve_weak_ties",
        title="Predict: remove half the weak ties",
        question="In the lesson's synthetic network with the social network and internet "
        "revolutions on, each person has a weak tie into a neighbouring group with "
        "probability 20%, and an online tie to a distant group with probability 20%; after 15 "
        "steps about 227 of the 300 people know person 0's news. **Predict** before you run "
        "anything: if both shares drop to 10% (about half the weak ties gone, strong ties "
        "unchanged), how many will know the news after 15 steps?",
        options=(
            Option(
                "About the same (around 220): most of the news travels over strong ties anyway.",
                feedback="strong ties stay inside groups; every step out of a group needs a "
                "weak or online tie.",
            ),
            Option(
                "About half as many (around 110): half the weak ties, half the spread.",
                feedback="a cascade is not proportional to its bridges: check with the simulation.",
            ),
            Option(
                "Much fewer than half (under 100): without enough bridges the news often "
                "dies out before it escapes.",
                correct=True,
            ),
            Option(
                "More (over 230): fewer distractions, so news travels faster.",
                feedback="in this model removing ties can only remove paths for the news; it "
                "never adds any.",
            ),
        ),
        hints=(
            "News leaves a group only through a weak or online tie, and each tie passes the "
            "news on only half the time.",
            "When each newly informed group passes the news to less than one new group on "
            "average, the cascade fizzles out.",
        ),
        explanation="With 10% the simulation gives about 74 people after 15 steps, less than "
        "a third of 227. News spreads like a chain reaction: while each informed group "
        "passes it to more than one new group on average, it keeps growing; below that it "
        "fizzles out. Weak ties are the bridges between groups (Granovetter 1973: 'no strong "
        "tie is a bridge'), so losing some of them can cut the spread by far more than their "
        "share. The numbers are from a synthetic model, not a measurement.",
        wrong_examples=("a", "b", "d", "About the same (around 220)"),
    ),
    Numeric(
        name="reach_direct",
        title="Reach for help at a random moment",
        question="In the lesson's synthetic network, person 0 has **4 strong**, **1 weak** and "
        "**1 online** tie. Without mobile phones (place-bound), at a random moment a strong "
        "tie is available with probability 0.3, a weak or an online tie with probability "
        "0.1. On average, how many of person 0's **own contacts** (one step, `hops=1`) can "
        "person 0 reach at a random moment?",
        answer=1.4,
        tolerance=0.02,
        unit="people",
        unit_words=("people", "persons", "contacts"),
        mistakes=(
            (
                6,
                "6 is the number of ties; at a random moment each is available only with "
                "some chance.",
            ),
            (
                1.2,
                "That counts the strong ties only: the weak and the online tie can be "
                "available too.",
            ),
            (1.8, "That uses 0.3 for every tie; weak and online ties are available with 0.1."),
            (0.6, "That uses 0.1 for every tie; strong ties are available with 0.3."),
            (
                5.08,
                "That is the always-on figure (0.86 per strong tie, 0.82 per weak or "
                "online tie); the question asks about place-bound availability.",
            ),
        ),
        hints=(
            "The average number available is the sum, over ties, of each tie's chance of "
            "being available.",
            "Start with the strong ties: each is available with probability 0.3, and there "
            "are four of them. Do the same for the weak and the online tie, then add.",
        ),
        explanation="4 × 0.3 + 1 × 0.1 + 1 × 0.1 = 1.4 people. `diffusion.reach(G, "
        "triple_revolution.PLACE_BOUND, hops=1, ego=0, trials=20000)` gives the same up to "
        "chance. With always-on phones (availability 0.8 added) the same ties give about "
        "4 × 0.86 + 2 × 0.82 ≈ 5.1 people: the mobile revolution more than triples the help "
        "at hand without adding a single tie. The availabilities are illustrative, not "
        "measured.",
        wrong_examples=(6, 1.2, 1.8, 0.6, "5.08", "one"),
    ),
    SortClaims(
        name="match_revolutions",
        title="Match each revolution to its description",
        question="Put each description under the revolution it belongs to. Claims 1-3 come "
        "from descriptions of Rainie & Wellman's *Networked* (2012); claims 4-6 describe "
        "this lesson's (synthetic) simulation.",
        categories=_REVOLUTIONS,
        claims=(
            Claim(
                "It began before the internet, and moved personal relationships beyond "
                "households and neighbourhoods.",
                "social network revolution",
                "book description",
                "Which revolution came first?",
            ),
            Claim(
                "The capacity of the Internet to empower individuals.",
                "internet revolution",
                "publisher's description",
            ),
            Claim(
                "The always-on connectivity of mobile devices.",
                "mobile revolution",
                "publisher's description",
                "Which technology goes everywhere with a person?",
            ),
            Claim(
                "In the simulation: weak ties from one group into a neighbouring group.",
                "social network revolution",
                "this lesson's model",
                "These ties need no technology: people have always had acquaintances next door.",
            ),
            Claim(
                "In the simulation: online ties to people in distant groups.",
                "internet revolution",
                "this lesson's model",
            ),
            Claim(
                "In the simulation: a tie can be used at any moment, not only when the two "
                "people happen to be together.",
                "mobile revolution",
                "this lesson's model",
            ),
        ),
        hints=(
            "The book's three revolutions, in its chapter order: the social network "
            "revolution (chapter 2), the internet revolution (chapter 3), the mobile "
            "revolution (chapter 4).",
            "Two claims belong to each revolution: one from the book, one from the model.",
        ),
        explanation="Rainie & Wellman's triple revolution is 'the turn to social networks, "
        "the personalized internet, and always-available mobile connectivity' (preface). The "
        "social network revolution came first, before the internet (chapter 2, p. 21); the "
        "internet revolution (chapter 3, p. 59) and the mobile revolution (chapter 4, p. 81) "
        "followed. In the model, each revolution is one switch: weak ties between "
        "neighbouring groups, online ties to distant groups, and always-on availability.",
        wrong_examples=(
            ["internet revolution", *_REVOLUTIONS[1:], *_REVOLUTIONS],
            {1: "internet revolution", 2: "internet revolution", 3: "mobile revolution"},
            [*_REVOLUTIONS[::-1], *_REVOLUTIONS[::-1]],
        ),
    ),
    Reflection(
        name="always_on_costs",
        title="The costs of being always on",
        question="Rainie & Wellman describe networked individualism as an 'operating "
        "system' that brings new efficiencies and freedoms but also demands new skills: "
        "actively networking, maintaining ties, and managing the boundaries of "
        "self-presentation and disclosure. Think of your own phone: what does being "
        "reachable at any moment ask of you? Name one skill from that list you use, and one "
        "cost or risk. Write three or four sentences; your text stays on this computer.",
        example="Being reachable all the time means I keep many small conversations going at "
        "once, which is the skill of maintaining ties: I answer my cousin abroad during a "
        "bus ride. The cost is that I rarely switch off, and I have to decide what to share "
        "with whom, because a photo meant for friends can reach my employer. I manage that "
        "with separate groups and by posting less.",
        min_words=30,
        hints=(
            "Think of a day: who reached you, when, and did you want to be reached then?",
            "Disclosure: who sees what you post or share, and how do you control it?",
        ),
        explanation="Always-on connectivity lets people turn to different parts of their "
        "network for different needs at any moment, but it also asks work of them: keeping "
        "ties up, networking actively, and managing what they disclose to whom (Rainie & "
        "Wellman, 'Networked individualism: What in the world is that?', *Networked* blog).",
        wrong_examples=("It is fine.", "Phones are useful and I like mine a lot."),
    ),
)
