"""Lesson 06 (living networked): support, skills, disclosure, niches, Castells, two sides.

Answers that depend on data are computed from the shipped tables (``pew_privacy``,
``bakshy_exposure``, ``support_network_synthetic``) and the package's functions
(:mod:`netind_teach.support`, :mod:`netind_teach.niches`, :mod:`netind_teach.audiences`),
so a figure is changed in one place only. Figures and attributions follow the course's
fact sheet (section 7 and earlier). Claims marked as readers' comments come from the
comments under the blog post the course is built on: they are opinions, not findings.

Examples
--------
>>> from netind_teach.exercises.lesson06 import EXERCISES, MOVING_LEFT, NICHE_SHARE, PRIVACY_RISE
>>> [d.name for d in EXERCISES]  # doctest: +NORMALIZE_WHITESPACE
['money_ties', 'moving_left', 'os_features', 'match_skills', 'privacy_rise',
 'paradox', 'nightmare', 'niche_share', 'friends_cross', 'biggest_step',
 'castells_fit', 'sort_sides', 'soda']
>>> MOVING_LEFT, PRIVACY_RISE, round(NICHE_SHARE)
(1, 7, 26)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import audiences, datasets, niches, support
from . import Claim, MultipleChoice, Numeric, Option, Reflection, SortClaims
from .lazy import built_on_first_use

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BIGGEST_STEP",
    "EXERCISES",
    "MOVING_LEFT",
    "NICHE_PREFERENCE",
    "NICHE_SHARE",
    "NIGHTMARE_CIRCLES",
    "NIGHTMARE_POST",
    "PRIVACY_RISE",
    "SIDES",
    "TITLE",
]

#: The exercises, and the figures behind their answers, built on first use (see the end
#: of this module).
EXERCISES: tuple[Any, ...]
MOVING_LEFT: int
PRIVACY_RISE: int
NIGHTMARE_POST: str
NIGHTMARE_CIRCLES: tuple[str, ...]
NICHE_PREFERENCE: float
NICHE_SHARE: float
BIGGEST_STEP: Any

TITLE = "Living networked"

# -- bright side, dark side ------------------------------------------------------------------
#: Categories of the bright side / dark side debate.
SIDES = ("bright side", "dark side", "depends on how it's measured")
_READERS = "readers' comment on the seed blog post, not a finding"
_CLAIMS = (
    Claim(
        "Most relationships give specialized support, and the whole network gives "
        '"stable and adaptive support".',
        "bright side",
        "Wellman & Wortley 1990",
        "Read the second half: what does the whole network give?",
    ),
    Claim(
        "A reader found a genealogy site listing their family's birthdates, put there "
        "without anyone asking them.",
        "dark side",
        _READERS,
        "Who chose to disclose those birthdates?",
    ),
    Claim(
        "Whether people act against their own privacy concerns (the privacy paradox): the "
        "evidence is mixed, and results differ with method, context and definition.",
        "depends on how it's measured",
        "Kokolakis 2017",
        "The review itself says what the answer turns on.",
    ),
    Claim(
        "Networked individuals are free to turn to different parts of their network for "
        "different needs, money from some, help with health from others.",
        "bright side",
        "Rainie & Wellman, Networked blog",
        "Is more freedom to choose whom to ask a gain or a loss?",
    ),
    Claim(
        'On-demand succor satisfies the need for community "about as well as soda '
        'satisfies thirst".',
        "dark side",
        _READERS,
        "What does soda do for thirst, according to the comment?",
    ),
    Claim(
        "23% of friends claim the opposing ideology, while cross-cutting news is 29.5% of "
        "what friends share: one figure counts people, the other counts posts.",
        "depends on how it's measured",
        "Bakshy, Messing & Adamic 2015, Facebook's release",
        "Are the two figures counts of the same thing?",
    ),
    Claim(
        'Accounts and comments that cannot be deleted build a "database version" of you.',
        "dark side",
        _READERS,
        "Who controls that database version?",
    ),
    Claim(
        '"Collaborative individualism": emancipated individuals working with others toward '
        "a shared vision and mission.",
        "bright side",
        "readers' comment, citing Limerick & Cunnington 1993",
        "Is this a picture of isolation, or of working together?",
    ),
    Claim(
        "78% of U.S. adults trust themselves to make the right decisions about their "
        "personal information, yet 61% doubt that anything they do makes much difference.",
        "depends on how it's measured",
        "Pew Research Center 2023",
        "Two questions of one survey point two ways: which one you read decides the story.",
    ),
    Claim(
        'Niches of like-minded people make views "more hardened".',
        "dark side",
        _READERS,
        "Is hardening of views something the commenter welcomes?",
    ),
    Claim(
        "The internet facilitates weak ties and can maintain strong ties at a distance.",
        "bright side",
        "Castells, as reported in secondary sources",
        "What does the internet make possible, in this claim?",
    ),
    Claim(
        "73% of U.S. adults feel little or no control over what companies do with their data.",
        "dark side",
        "Pew Research Center 2023; seen in a secondary source",
        "Is feeling little control over one's data a gain?",
    ),
)


def _all(category: str) -> dict[int, str]:
    return dict.fromkeys(range(1, len(_CLAIMS) + 1), category)


def _comments_as_findings() -> dict[int, str]:
    """Return a plausible wrong sort: every readers' comment put under 'depends...'."""
    return {
        i: ("depends on how it's measured" if "readers'" in c.source else c.category)
        for i, c in enumerate(_CLAIMS, start=1)
    }


_SODA_EXAMPLE = (
    "The commenter says on-demand succor satisfies the need for community about as well as "
    "soda satisfies thirst. I partly agree: when my grandmother was ill, the people who "
    "brought meals were two neighbours and my aunt, not my hundreds of online contacts. But "
    "Wellman and Wortley found that different ties give different help, and my online "
    "friends did give me a chat every evening. So on-demand help works for small needs; for "
    "large ones I still need a few strong ties, and I have to maintain them."
)

def _exercises() -> dict[str, Any]:
    """Build the lesson's exercises and the figures they use (data work: on first use)."""
    # -- figures behind the answers ------------------------------------------------------------
    _NETWORK = datasets.load("support_network_synthetic")
    _WHOLE = support.route_needs(_NETWORK)
    _WITHOUT_PARENTS = support.route_needs(support.without_kind(_NETWORK, "parent or adult child"))
    #: Helpers left for "help moving house" once parent-or-adult-child ties are removed.
    MOVING_LEFT = len(_WITHOUT_PARENTS["help moving house"])
    _MOVING_ALL = len(_WHOLE["help moving house"])

    _PEW: pd.DataFrame = datasets.load("pew_privacy")


    def _pew(measure_id: str, year: int) -> int:
        row = _PEW[(_PEW["measure_id"] == measure_id) & (_PEW["year"] == year)]
        return int(row["percent"].iloc[0])


    _GOV = {year: _pew("government_concern", year) for year in (2019, 2023)}
    #: Rise in concern about the government's use of data, 2019 to 2023, in points.
    PRIVACY_RISE = _GOV[2023] - _GOV[2019]

    #: The post and circles of the nightmare-reader exercise.
    NIGHTMARE_POST = audiences.SAMPLE_POSTS[3]
    NIGHTMARE_CIRCLES = ("family", "workmates", "your manager", "public followers")
    _NIGHTMARE = audiences.audience_view(audiences.topics_in(NIGHTMARE_POST), NIGHTMARE_CIRCLES)

    #: The niche explorer's setting in the niche exercise and the share it gives (percent).
    NICHE_PREFERENCE = 0.5
    NICHE_SHARE = 100 * niches.other_side_share(niches.niche_network(preference=NICHE_PREFERENCE))
    _NICHE_RANDOM = 100 * niches.other_side_share(niches.niche_network(preference=0.0))

    bakshy: pd.DataFrame = datasets.load("bakshy_exposure")
    _BAKSHY = bakshy.set_index("stage")
    _FRIENDS = float(_BAKSHY.loc["friends", "percent_cross_cutting"])
    #: (from stage, to stage, points) of the step that removes most cross-cutting content.
    BIGGEST_STEP = niches.largest_drop(datasets.load("bakshy_exposure"))

    EXERCISES = (
        MultipleChoice(
            name="money_ties",
            title="Different strokes from different folks",
            question="In Wellman & Wortley's (1990) East York study, which ties gave "
            "**financial aid**?",
            options=(
                Option(
                    "Neighbours, because they live close by.",
                    feedback="Physically accessible ties gave *services*, not money.",
                ),
                Option(
                    "Any strong tie, whoever it is.",
                    feedback="Strong ties gave emotional aid, small services and companionship; "
                    "the study found that what a tie gives depends more on the relationship.",
                ),
                Option(
                    "Parents and adult children.",
                    correct=True,
                ),
                Option(
                    "Workmates, through their shared job.",
                    feedback="The study singles out another relationship for financial aid.",
                ),
            ),
            hints=(
                "The study's title says it: different strokes from different folks. Which "
                "relationship did it single out for the widest range of help?",
                "That relationship gave financial aid, emotional aid, and large and small "
                "services.",
            ),
            explanation="Parents and adult children gave financial aid, emotional aid, and large "
            "and small services; strong ties gave emotional aid, small services and "
            "companionship; physically accessible ties gave services (Wellman & Wortley 1990, "
            "American Journal of Sociology 96(3), from the abstract). Most relationships give "
            "specialized support.",
            wrong_examples=("a", "b", "d"),
        ),
        Numeric(
            name="moving_left",
            title="Remove a kind of tie",
            question="In the support router, remove the **parent or adult child** ties. How "
            "many people are left to help with **help moving house** in this synthetic network?",
            answer=MOVING_LEFT,
            unit="people",
            unit_words=("person", "helpers", "helper"),
            mistakes=(
                (
                    _MOVING_ALL,
                    "That is the count in the whole network: remove the parent or adult child "
                    "ties first.",
                ),
                (0, "Look again at the router's last column: someone is still there."),
            ),
            hints=(
                "Choose 'parent or adult child' in the router's dropdown and read the row "
                "'help moving house'.",
                "The last column counts the helpers who are left; "
                "`support.route_needs(support.without_kind(network, 'parent or adult child'))` "
                "gives their ids.",
            ),
            explanation=f"{_MOVING_ALL} people help with moving house in the whole (synthetic) "
            f"network; without the parent or adult child ties {MOVING_LEFT} is left, a sibling "
            "with a strong tie. Large services hang on few ties: remove one kind and a need can "
            "be nearly orphaned. Money is the need that loses every helper.",
            wrong_examples=(_MOVING_ALL, 0, "two"),
        ),
        MultipleChoice(
            name="os_features",
            title="The networked operating system",
            question="Rainie & Wellman (2012) describe networked individualism as an operating "
            "system. Which four words describe it (p. 7, as two reviews of the book summarise "
            "it)?",
            options=(
                Option(
                    "local, bounded, hierarchical, household-based",
                    feedback="Those describe little boxes, the model it replaces.",
                ),
                Option(
                    "private, offline, single-tasking, place-bound",
                    feedback="The operating system is about many people, many tasks, many "
                    "threads at once.",
                ),
                Option(
                    "global, anonymous, automatic, algorithmic",
                    feedback="None of these words is among the four the reviews list.",
                ),
                Option(
                    "personal, multiuser, multitasking, multithreaded",
                    correct=True,
                ),
            ),
            hints=(
                "Think of a computer's operating system: who uses it, and how many things it "
                "runs at once.",
                "Each of the four words names the person, or the many users, tasks and threads.",
            ),
            explanation="The networked operating system is personal, multiuser, multitasking and "
            "multithreaded (Rainie & Wellman 2012, p. 7, as summarised by two reviews): the "
            "person is at the centre, many people are connected at once, and a person runs many "
            "tasks and conversations in parallel.",
            wrong_examples=("a", "b", "c"),
        ),
        SortClaims(
            name="match_skills",
            title="Which skill does it take?",
            question="Rainie & Wellman (2012) name eight literacies networked individuals need "
            "(as summarised by a secondary source). Put each situation under the skill it "
            "calls for most.",
            categories=(
                "networking",
                "skepticism",
                "focus",
                "ethical",
                "navigation",
                "context and connections",
            ),
            claims=(
                Claim(
                    "A viral post says a new study proves phones cause loneliness; you check who "
                    "made the claim and how.",
                    "skepticism",
                    feedback="Is this about people, attention, or trusting information?",
                ),
                Claim(
                    "You have a report due tonight and three group chats keep buzzing.",
                    "focus",
                    feedback="What is the report competing with?",
                ),
                Claim(
                    "Before posting a photo of friends at a party, you ask yourself whether they "
                    "would want it online.",
                    "ethical",
                    feedback="Whose interests are at stake besides your own?",
                ),
                Claim(
                    "You need a summer job, so you ask a former teacher to introduce you to "
                    "someone who works in the field.",
                    "networking",
                    feedback="Who are you asking, and through whom?",
                ),
                Claim(
                    "You find your way through a library website's menus and links to the form "
                    "you need.",
                    "navigation",
                    feedback="Is this about people, or about finding a way through pages?",
                ),
                Claim(
                    "You work out how a news story, a friend's comment and an advert are related, "
                    "and who is behind each.",
                    "context and connections",
                    feedback="The task is to see how the pieces relate to each other.",
                ),
            ),
            hints=(
                "Ask of each situation: is the hard part people, attention, trust, right and "
                "wrong, finding the way, or seeing relations?",
                "Each skill is used once.",
            ),
            explanation="Skepticism: checking a claim and its maker. Focus: holding attention "
            "against interruptions. Ethical: weighing others' interests before disclosing. "
            "Networking: reaching people through people. Navigation: finding one's way through "
            "sites and links. Context and connections: seeing how pieces of information relate. "
            "(The eight literacies as summarised by a secondary source: graphic, navigation, "
            "context and connections, focus, multitasking, skepticism, ethical, networking.)",
            wrong_examples=(
                dict.fromkeys(range(1, 7), "networking"),
                {
                    1: "context and connections",
                    2: "focus",
                    3: "ethical",
                    4: "networking",
                    5: "navigation",
                    6: "skepticism",
                },
                {1: "skepticism"},
            ),
        ),
        Numeric(
            name="privacy_rise",
            title="More concerned about government?",
            question="From the `pew_privacy` table: by how many **percentage points** did the "
            "share of U.S. adults concerned about how the government uses their data change "
            "from 2019 to 2023? (A rise is positive.)",
            answer=PRIVACY_RISE,
            tolerance=0.01,
            unit="points",
            unit_words=("point", "percentage points", "pp", "%"),
            mistakes=(
                (_GOV[2023], "That is the 2023 share itself: subtract the 2019 share."),
                (_GOV[2019], "That is the 2019 share: subtract it from the 2023 share."),
                (
                    round(100 * (_GOV[2023] - _GOV[2019]) / _GOV[2019], 1),
                    "That is the change relative to 2019, in percent; the question asks for "
                    "the difference in percentage points.",
                ),
                (-PRIVACY_RISE, "Check the direction: 2023 minus 2019."),
            ),
            hints=(
                "Filter the table to `measure_id == 'government_concern'` and read both years.",
                "Percentage points are a plain difference of two percentages.",
            ),
            explanation=f"{_GOV[2023]}% in 2023 (Pew Research Center, 'How Americans View Data "
            f"Privacy') against {_GOV[2019]}% in 2019 (Auxier et al., 'Americans and "
            f"Privacy'): a rise of {PRIVACY_RISE} points. The relative change, about "
            f"{100 * PRIVACY_RISE / _GOV[2019]:.0f}%, is a different number: say which you mean.",
            wrong_examples=(_GOV[2023], _GOV[2019], 10.9, -PRIVACY_RISE, "seven"),
        ),
        MultipleChoice(
            name="paradox",
            title="Is there a privacy paradox?",
            question="People say they care about privacy, yet disclose a lot. Which reading fits "
            "the research the lesson cites?",
            options=(
                Option(
                    "It is settled: people do not really care about privacy.",
                    feedback="Hargittai & Marwick (2016) found that young adults do care about "
                    "privacy risks.",
                ),
                Option(
                    "The evidence is mixed and varies with method, context and definition.",
                    correct=True,
                ),
                Option(
                    "There is no gap: people disclose exactly as much as they intend.",
                    feedback="Norberg, Horne & Horne (2007) define the paradox as a gap between "
                    "stated intentions and actual disclosure.",
                ),
                Option(
                    "Only teenagers disclose; adults never do.",
                    feedback="Barnes (2006) wrote about teenagers, but Norberg et al. (2007) "
                    "studied consumers in general.",
                ),
            ),
            hints=(
                "What did Kokolakis's (2017) review conclude about the evidence?",
                "Hargittai & Marwick's title asks 'What can I really do?'.",
            ),
            explanation="Barnes (2006) named the privacy paradox; Norberg, Horne & Horne (2007) "
            "defined it as the gap between stated intentions and actual disclosure; Kokolakis "
            "(2017) reviewed the studies and found the evidence mixed, with results that differ "
            "with method, context and definition; Hargittai & Marwick (2016) explain it with "
            "online apathy: young adults care but feel that what they share is out of their "
            "control.",
            wrong_examples=("a", "c", "d"),
        ),
        MultipleChoice(
            name="nightmare",
            title="The nightmare reader",
            question=f'In the audiences widget, pick the post *"{NIGHTMARE_POST}"* and tick '
            f"exactly these circles: {', '.join(NIGHTMARE_CIRCLES)}. Who is the **nightmare "
            "reader**?",
            options=tuple(
                Option(
                    name,
                    correct=name == _NIGHTMARE.nightmare,
                    feedback=""
                    if name == _NIGHTMARE.nightmare
                    else "Read the widget's last line, and count the topics each circle would "
                    "mind.",
                )
                for name in NIGHTMARE_CIRCLES
            ),
            hints=(
                "The widget names the nightmare reader in its last line.",
                "The post touches two topics; one circle minds both.",
            ),
            explanation=f"The post is about {' and '.join(_NIGHTMARE.topics)}. Your manager "
            "would mind the health news, but public followers (strangers) would mind both the "
            "health and the family news: they are the nightmare reader in this synthetic "
            "network. Marwick & boyd (2011) describe how social media collapse audiences into "
            "one context; people then write for the most sensitive reader they imagine (as "
            "secondary sources report).",
            wrong_examples=("a", "b", "c"),
        ),
        Numeric(
            name="niche_share",
            title="How much from the other side?",
            question=f"Set the niche explorer's number to **{NICHE_PREFERENCE}**. On average, "
            "what **percentage** of what a person sees comes from the other side in this "
            "synthetic population?",
            answer=NICHE_SHARE,
            tolerance=1.5,
            unit="%",
            mistakes=(
                (
                    _NICHE_RANDOM,
                    "That is the share when people choose without regard to side (set to 0).",
                ),
                (50, "50% is what choosing at random would give; set the number first."),
            ),
            hints=(
                "Change the number and read the sentence above the picture.",
                "`niches.other_side_share(niches.niche_network(preference=0.5))` computes it.",
            ),
            explanation=f"About {NICHE_SHARE:.0f}%: a preference of 0.5 sends three ties in four "
            "to one's own side, so about a quarter of what each person sees comes from the "
            "other side, and the histogram shows the spread. The numbers are synthetic; the "
            'mechanism is homophily, "similarity breeds connection" (McPherson, Smith-Lovin & '
            "Cook 2001).",
            wrong_examples=(_NICHE_RANDOM, 50, 0.1, "quarter"),
        ),
        Numeric(
            name="friends_cross",
            title="Cross-cutting friends",
            question="Read the `bakshy_exposure` table: what **percentage** of Facebook users' "
            "friends claim the opposing ideology (averaged over liberals and conservatives)?",
            answer=_FRIENDS,
            tolerance=0.05,
            unit="%",
            mistakes=(
                (29.5, "29.5% is cross-cutting *content* among what friends share, not friends."),
                (28.9, "28.9% is cross-cutting content among what is seen in News Feed."),
                (24.9, "24.9% is cross-cutting content among what is clicked."),
            ),
            hints=(
                "Look for the row whose `measured_on` is 'people'.",
                "It is the first stage of the table, `friends`.",
            ),
            explanation="23% of friends claim the opposing ideology (Bakshy, Messing & Adamic "
            "2015, as averaged in Facebook's release of May 2015). It counts people; the other "
            "stages count hard-news posts.",
            wrong_examples=(29.5, 28.9, 24.9, 77),
        ),
        MultipleChoice(
            name="biggest_step",
            title="Which step removes the most?",
            question="In the published figures, cross-cutting hard news is 29.5% of what friends "
            "share, 28.9% of what is seen in News Feed and 24.9% of what is clicked. Which step "
            "removes the **most** cross-cutting content?",
            options=(
                Option(
                    "News Feed's ranking: from what friends share to what is seen.",
                    feedback="Compute the drop of that step, and of the other content step.",
                ),
                Option(
                    "People's own clicks: from what is seen to what is clicked.",
                    correct=BIGGEST_STEP[:2] == ("seen", "clicked"),
                ),
                Option(
                    "Choosing friends: from 23% of friends to 29.5% of what they share.",
                    feedback="Those two figures count different things (people, then posts); "
                    "and the second is larger.",
                ),
                Option(
                    "No step removes any cross-cutting content.",
                    feedback="The share falls from 29.5% to 24.9% between sharing and clicking.",
                ),
            ),
            hints=(
                "Subtract: 29.5 − 28.9, and 28.9 − 24.9.",
                "Only compare figures that count the same thing (posts).",
            ),
            explanation=f"Ranking removes {29.5 - 28.9:.1f} points, clicking "
            f"{BIGGEST_STEP[2]:.1f}. This fits the paper's conclusion: \"compared with "
            "algorithmic ranking, individuals' choices played a stronger role in limiting "
            'exposure to cross-cutting content" (Bakshy, Messing & Adamic 2015). Choosing '
            "friends cannot be put on the same scale here: the 23% counts people.",
            wrong_examples=("a", "c", "d"),
        ),
        MultipleChoice(
            name="castells_fit",
            title="Castells and Wellman's models",
            question="How does Castells's reading of the internet in *The Internet Galaxy* "
            "(2001) fit Wellman's three models of community?",
            options=(
                Option(
                    "It began before the internet; the internet is the material support for its "
                    "spread.",
                    correct=True,
                ),
                Option(
                    "The internet created networked individualism out of little boxes.",
                    feedback="Castells says the internet does not create networked "
                    "individualism; and Wellman dates the shift to the 1960s.",
                ),
                Option(
                    "Castells rejects networks: for him, communities are still places.",
                    feedback="He argues that networks replace spatial communities as the main "
                    "form of sociability.",
                ),
                Option(
                    "The internet brings back little boxes: densely knit local groups.",
                    feedback="Castells sees online communities as mostly ephemeral networks of "
                    "sociability, not dense local groups.",
                ),
            ),
            hints=(
                "Recall the word Castells uses for the internet's role: it *supports*.",
                "When did Wellman date the start of the shift, before or after the internet?",
            ),
            explanation="For Castells (2001, as secondary sources summarise him) the internet does "
            "not create networked individualism but is the material support for its spread; "
            "networks replace spatial communities as the main form of sociability. That fits "
            "Wellman's sequence: the shift from little boxes began in the 1960s, and the "
            'internet "both reflects and facilitates" it (Wellman 2002).',
            wrong_examples=("b", "c", "d"),
        ),
        SortClaims(
            name="sort_sides",
            title="Bright side, dark side",
            question='The blog post this course is built on asks readers for "the bright side '
            'and the dark side" of being a networked individual. Sort each claim: **bright '
            "side**, **dark side**, or **depends on how it's measured** (the answer changes "
            "with the measure, definition or comparison). Claims marked as readers' comments "
            "are opinions, not findings: sort what they say.",
            categories=SIDES,
            claims=_CLAIMS,
            hints=(
                "For each claim ask: does it describe a gain, a loss, or a figure whose reading "
                "turns on what is counted?",
                "A claim's source does not decide its side: readers' comments fall under more "
                "than one heading.",
            ),
            explanation="Bright side: specialized and adaptive support, freedom to turn to "
            "different ties, collaborative individualism, ties kept at a distance. Dark side: "
            "undeletable traces and others' disclosures about you, on-demand succor as 'soda', "
            "hardened niches, feeling no control. Depends on how it's measured: the privacy "
            "paradox (mixed evidence), people versus posts in the Facebook figures, and two "
            "survey questions that point two ways. Readers' comments are opinions: in the "
            "debate, weigh them against the findings.",
            wrong_examples=(_all("bright side"), _comments_as_findings(), {1: "dark side"}),
        ),
        Reflection(
            name="soda",
            title="Soda for thirst?",
            question="A reader of the blog post wrote that on-demand succor satisfies the need "
            'for community "about as well as soda satisfies thirst". Is on-demand help from a '
            "network enough? Answer in three parts:\n\n"
            "1. **Where you agree** with the comment, with an example.\n"
            "2. **Where you disagree**, using one finding from this lesson with its authors.\n"
            "3. **What you would do** about it in your own network.\n\n"
            "Write at least 50 words. Your text is saved on this computer only.",
            example=_SODA_EXAMPLE,
            min_words=50,
            hints=(
                "Think of the last time you needed large help (moving, illness, money): who gave "
                "it?",
                "Wellman & Wortley (1990) and the support router are good evidence for part 2.",
            ),
            explanation="There is no single right answer. A strong reflection separates kinds of "
            "help (a chat versus a lift versus money), uses a finding rather than an impression, "
            "and says what it would take to keep the ties that give large help.",
            wrong_examples=("Soda is bad.", "I agree with the comment, mostly."),
        ),
    )
    return {
        "EXERCISES": EXERCISES,
        "MOVING_LEFT": MOVING_LEFT,
        "PRIVACY_RISE": PRIVACY_RISE,
        "NIGHTMARE_POST": NIGHTMARE_POST,
        "NIGHTMARE_CIRCLES": NIGHTMARE_CIRCLES,
        "NICHE_PREFERENCE": NICHE_PREFERENCE,
        "NICHE_SHARE": NICHE_SHARE,
        "BIGGEST_STEP": BIGGEST_STEP,
    }


__getattr__ = built_on_first_use(
    _exercises,
    __name__,
    (
        "EXERCISES",
        "MOVING_LEFT",
        "PRIVACY_RISE",
        "NIGHTMARE_POST",
        "NIGHTMARE_CIRCLES",
        "NICHE_PREFERENCE",
        "NICHE_SHARE",
        "BIGGEST_STEP",
    ),
)
