"""Lesson 04 (the isolation debate): exercises on the GSS counts, the artifact, the claims.

The numeric answers are computed from the shipped GSS counts (``gss_numgiven``) with the
package's own functions, and the claims to sort come from the ``isolation_claims`` table,
so a figure is changed in one place only. Figures and attributions follow the course's
fact sheet (section 5).

Examples
--------
>>> from netind_teach.exercises.lesson04 import ARTIFACT_RATE, EXERCISES, NO_ONE
>>> [d.name for d in EXERCISES]  # doctest: +NORMALIZE_WHITESPACE
['no_one_1985', 'no_one_2004', 'three_means', 'artifact_rate', 'artifact_fit',
 'pew_cause', 'sort_claims', 'steelman']
>>> round(NO_ONE[1985], 1), round(NO_ONE[2004], 1), round(ARTIFACT_RATE, 1)
(8.9, 25.0, 17.6)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import confidants, datasets
from . import Claim, MultipleChoice, Numeric, Option, Reflection, SortClaims
from .lazy import built_on_first_use

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ARTIFACT_RATE",
    "CLAIM_CATEGORIES",
    "CLAIM_IDS",
    "COUNTS",
    "EXERCISES",
    "NO_ONE",
    "TITLE",
]

#: The exercises, and the figures and claims they use, built on first use (see the end
#: of this module): the GSS counts by year, the percentage naming no one by year, the
#: percentage of false zeros that turns 1985's share into 2004's, the category shown for
#: each stance of the ``isolation_claims`` table, and the ids of the claims to sort.
EXERCISES: tuple[Any, ...]
COUNTS: dict[int, dict[int, int]]
NO_ONE: dict[int, float]
ARTIFACT_RATE: float
CLAIM_CATEGORIES: dict[str, str]
CLAIM_IDS: tuple[str, ...]

TITLE = "The isolation debate"


def _exercises() -> dict[str, Any]:
    """Build the lesson's exercises and the figures they use (data work: on first use)."""
    #: The GSS counts the lesson uses, by year.
    COUNTS = confidants.counts_by_year(datasets.load("gss_numgiven"))
    #: Percentage naming no one, by year (unweighted).
    NO_ONE = {year: 100 * confidants.share_none(counts) for year, counts in COUNTS.items()}
    #: Percentage of false zeros that turns 1985's share naming no one into 2004's.
    ARTIFACT_RATE = 100 * confidants.artifact_rate(COUNTS[1985], COUNTS[2004])
    _MEAN = {year: confidants.mean_confidants(counts) for year, counts in COUNTS.items()}
    _MODEL_MEAN = confidants.mean_confidants(
        confidants.artifact_shift(COUNTS[1985], ARTIFACT_RATE / 100)
    )
    _TOTAL = {year: sum(counts.values()) for year, counts in COUNTS.items()}


    # -- sort the claims: a manageable subset of the isolation_claims table -------------------
    #: Category shown to learners for each stance in the ``isolation_claims`` table.
    CLAIM_CATEGORIES = {
        "supports": "supports",
        "challenges": "challenges",
        "measurement": "about measurement",
    }
    _SHORT_SOURCE = {
        "McPherson, Smith-Lovin & Brashears": "McPherson et al.",
        "Hampton, Sessions, Her & Rainie": "Hampton et al.",
    }
    #: Claims used, in the order shown, each with feedback for a misplaced answer (which
    #: never names the right category).
    _CLAIM_FEEDBACK = (
        ("c03", "Take it at face value: what does it say happened to people?"),
        ("c07", "This is Fischer's conclusion about people's networks themselves."),
        ("c09", "Interviewer effects concern who asked the question, not who answered it."),
        ("c13", "Compare 6% with the 25% naming no one in the 2004 GSS counts."),
        ("c19", "What does Putnam say happened to Americans' ties?"),
        ("c06", "Is this about people's networks, or about the data themselves?"),
        ("c15", "Larger networks among technology users: does that fit the fear?"),
        (
            "c14",
            "Judge the claim, not its authors: the Pew report has findings on more than one "
            "side, and this one says what happened to networks.",
        ),
        ("c12", "Priming changes the answers people give, not the people they know."),
        ("c24", "What are people 'hooked on', according to Rainie and Wellman?"),
        ("c21", "Does 'the illusion of companionship' describe closeness, or being alone?"),
        ("c18", "These are three sets of figures computed from the same survey year."),
    )
    #: Ids of the claims in the sort-the-claims exercise, in the order shown.
    CLAIM_IDS = tuple(claim_id for claim_id, _ in _CLAIM_FEEDBACK)


    def _claims() -> tuple[Claim, ...]:
        loaded: pd.DataFrame = datasets.load("isolation_claims")
        table = loaded.set_index("claim_id")
        claims = []
        for claim_id, feedback in _CLAIM_FEEDBACK:
            row = table.loc[claim_id]
            source = f"{_SHORT_SOURCE.get(row['source'], row['source'])} {row['year']}"
            if row["verification"] == "S":
                source += "; seen in a secondary source"
            claims.append(Claim(row["claim"], CLAIM_CATEGORIES[row["stance"]], source, feedback))
        return tuple(claims)


    _CLAIMS = _claims()


    def _all(category: str) -> dict[int, str]:
        return dict.fromkeys(range(1, len(_CLAIMS) + 1), category)


    def _by_author_not_claim() -> dict[int, str]:
        """Return a plausible wrong sort: everything Pew wrote 'challenges' the thesis."""
        answer = {i: c.category for i, c in enumerate(_CLAIMS, start=1)}
        for i, claim in enumerate(_CLAIMS, start=1):
            if claim.source.startswith("Hampton"):
                answer[i] = "challenges"
        return answer


    def _measurement_as_challenge() -> dict[int, str]:
        """Return a plausible wrong sort: every doubt about the figure 'challenges' the thesis."""
        return {
            i: ("challenges" if c.category == "about measurement" else c.category)
            for i, c in enumerate(_CLAIMS, start=1)
        }


    _STEELMAN_EXAMPLE = (
        "I lean towards the artifact side, so here is the best case for real isolation. "
        "Claim: Americans' core discussion networks really did shrink between 1985 and 2004. "
        "Evidence: in the GSS counts the share naming no one rose from 8.9% to 25.0% and the "
        "mean fell from 2.93 to 2.00; even Hampton et al. (2009), who doubt the isolation story, "
        "report that discussion networks shrank by about a third since 1985. Answer to the "
        "artifact case: false zeros alone leave the 2004 mean far too high (about 2.4), and "
        "people who named someone also named fewer people in 2004, which false zeros cannot "
        "produce."
    )


    EXERCISES = (
        Numeric(
            name="no_one_1985",
            title="Naming no one in 1985",
            question="What **percentage** of the 1985 respondents who answered the question named "
            "no one? Compute it from `counts[1985]` (round to one decimal).",
            answer=NO_ONE[1985],
            tolerance=0.06,
            unit="%",
            mistakes=(
                (
                    10,
                    "About 10% is the rounded figure reported for McPherson et al.; compute the "
                    "exact share from these counts.",
                ),
                (
                    8.1,
                    "8.1% is the figure in Hampton et al.'s (2009) report; compute your own from "
                    "these unweighted counts.",
                ),
                (round(NO_ONE[2004], 1), "That is the 2004 share: use `counts[1985]`."),
            ),
            hints=(
                "Share naming no one = respondents who named 0, divided by everyone who answered "
                "(the categories 0 to 6 together), times 100.",
                f"136 people named no one in 1985, out of {_TOTAL[1985]:,} who answered: in "
                "code, `counts[1985][0]` and `sum(counts[1985].values())`. Turn that into a "
                "percentage.",
            ),
            explanation=f"136 of {_TOTAL[1985]:,} respondents named no one: "
            f"{NO_ONE[1985]:.1f}%. The published figures are close but not the same: about 10% "
            "for McPherson, Smith-Lovin & Brashears (2006, as reported in secondary sources) and "
            "8.1% in Hampton et al. (2009). They were made differently from these raw counts.",
            wrong_examples=(10, "8.1", 0.0888, 25, "136", "about nine"),
        ),
        Numeric(
            name="no_one_2004",
            title="Naming no one in 2004",
            question="And in 2004: what **percentage** of the respondents who answered named no "
            "one? Use `counts[2004]`.",
            answer=NO_ONE[2004],
            tolerance=0.06,
            unit="%",
            mistakes=(
                (
                    100 * 356 / (_TOTAL[2004] + 46 + 1340),
                    "You divided by everyone in the 2004 "
                    "survey, including the 1,340 people who were not asked the question. Use only "
                    "those who answered.",
                ),
                (
                    100 * 356 / (_TOTAL[2004] + 46),
                    "You counted the 46 people who gave no answer. "
                    "Use only those who answered (categories 0 to 6).",
                ),
                (
                    22.5,
                    "22.5% is the figure in Hampton et al.'s (2009) report; compute your own "
                    "from these unweighted counts.",
                ),
                (round(NO_ONE[1985], 1), "That is the 1985 share: use `counts[2004]`."),
            ),
            hints=(
                "The same computation as for 1985, with `counts[2004]`; 'no answer' and 'not "
                "asked' are not in `counts`.",
                f"356 people named no one in 2004, out of {_TOTAL[2004]:,} who answered.",
            ),
            explanation=f"356 of {_TOTAL[2004]:,} respondents named no one: {NO_ONE[2004]:.1f}%, "
            f"about {NO_ONE[2004] / NO_ONE[1985]:.1f} times the 1985 share. McPherson et al. "
            "(2006) report that the number naming no one nearly tripled.",
            wrong_examples=(12.7, "24.2", 22.5, 8.9, 0.25, "a quarter"),
        ),
        MultipleChoice(
            name="three_means",
            title="Three means for one year",
            question="For 2004 our unweighted mean is **2.00**; McPherson et al. (2006) report "
            "**2.08** and Hampton et al. (2009) **2.06**. What is the best reading?",
            options=(
                Option(
                    "Two of the three must be mistakes.",
                    feedback="All three can be computed correctly: they are computed differently.",
                ),
                Option(
                    "They come from the same 2004 survey but were made differently (weights, a "
                    "coding correction, how the top category is counted): say how a figure was "
                    "made, and compare like with like.",
                    correct=True,
                ),
                Option(
                    "Networks kept shrinking between the 2006 paper and the 2009 report.",
                    feedback="All three describe the same 2004 survey, whenever they were "
                    "published.",
                ),
                Option(
                    "Unweighted counts are wrong and should never be used.",
                    feedback="Unweighted counts describe exactly the people asked; weights adjust "
                    "them towards the population. Both are useful if you say which you use.",
                ),
            ),
            hints=(
                "Which survey year do all three figures describe?",
                "Weights, a 2008 erratum and the top category all change the number a little.",
            ),
            explanation="One survey, three figures: ours (2.00, unweighted, top category counted "
            "as 5), the paper's (2.08) and Pew's (2.06). Possible reasons for the gaps are the "
            "weights, the 2008 correction of a coding error affecting 41 cases (as reported in "
            "secondary sources) and how the top category is counted; the sources do not say how "
            "much each one matters. A survey figure is made, not found: read how it was made "
            "before comparing it with another.",
            wrong_examples=("a", "c", "d", ["b", "c"]),
        ),
        Numeric(
            name="artifact_rate",
            title="How many false zeros?",
            question="Suppose 1985's networks did not change at all, but in 2004 a share of the "
            "people who *did* name someone were recorded as naming no one. What **percentage** of "
            "them would have to be recorded wrongly to raise the share naming no one from 1985's "
            "level to 2004's? Find it with the explorer, or compute it.",
            answer=ARTIFACT_RATE,
            tolerance=0.4,
            unit="%",
            mistakes=(
                (
                    NO_ONE[2004] - NO_ONE[1985],
                    "That is the rise in percentage points. But false "
                    "zeros can only come from people who named someone, and they were not "
                    "everyone: "
                    "the rate is a share of them.",
                ),
                (
                    NO_ONE[2004] / NO_ONE[1985],
                    "That is how many times larger the 2004 share is; "
                    "the question asks for a percentage of the people who named someone.",
                ),
                (
                    100 * (1 - _MEAN[2004] / _MEAN[1985]),
                    "That rate matches the 2004 *mean*; the "
                    "question asks for the rate that matches the share naming no one.",
                ),
            ),
            hints=(
                "Change the explorer's rate until the model's share naming no one equals 2004's.",
                "False zeros come only from the people who named someone: with shares as "
                "proportions, s1985 + r × (1 − s1985) = s2004.",
                "Solve that for r: r = (s2004 − s1985) / (1 − s1985), with the shares of "
                "Exercises 1 and 2 as proportions; give r in percent.",
            ),
            explanation=f"r = ({NO_ONE[2004]:.1f}% − {NO_ONE[1985]:.1f}%) / "
            f"(100% − {NO_ONE[1985]:.1f}%) ≈ {ARTIFACT_RATE:.1f}%: about one in "
            f"{100 / ARTIFACT_RATE:.0f} of the people who named someone. Whether that is "
            "plausible is exactly what the artifact debate is about.",
            wrong_examples=(16.1, 2.8, "32", 50, 0.1765),
        ),
        MultipleChoice(
            name="artifact_fit",
            title="How well does the artifact fit?",
            question="Set the explorer to the rate you found. Which statement is true?",
            options=(
                Option(
                    "The model reproduces the whole 2004 distribution: false zeros explain "
                    "everything.",
                    feedback="Look at the bars for 3, 4 and 5 confidants, and at the gap.",
                ),
                Option(
                    f"The model matches 2004's share naming no one, but its mean stays near "
                    f"{_MODEL_MEAN:.1f}, well above 2004's {_MEAN[2004]:.2f}, and too many people "
                    "still name 3 to 5 confidants.",
                    correct=True,
                ),
                Option(
                    "The model matches 2004's mean, but not its share naming no one.",
                    feedback="That happens at a much higher rate: try it in the explorer.",
                ),
                Option(
                    "No rate can raise the share naming no one to 2004's level.",
                    feedback="The explorer shows one that does.",
                ),
            ),
            hints=(
                "Read the explorer's table: mean, share naming no one and gap, model against 2004.",
                "The model only moves people to 0; it never moves anyone from 4 to 2.",
            ),
            explanation=f"Pure false zeros can match the zeros by construction, but they shrink "
            f"every other bar in proportion, so the mean stays near {_MODEL_MEAN:.1f} and the "
            f"shape is wrong: in 2004 people who named someone also named fewer people. Matching "
            f"the mean instead needs about {100 * (1 - _MEAN[2004] / _MEAN[1985]):.0f}% false "
            "zeros, which gives far too many zeros. Either networks did change, or the "
            "measurement problems did more than add zeros.",
            wrong_examples=("a", "c", "d"),
        ),
        MultipleChoice(
            name="pew_cause",
            title="Correlation or cause?",
            question="Hampton et al. (2009) report that mobile phone users' discussion networks "
            "are 12% larger. What can we conclude from that finding alone?",
            options=(
                Option(
                    "Owning a mobile phone makes a person's network 12% larger.",
                    feedback="That is a claim about cause; the finding compares users with "
                    "non-users.",
                ),
                Option(
                    "Mobile phone users have larger networks on average; this alone cannot tell "
                    "whether phones enlarge networks, whether people with larger networks are "
                    "likelier to own phones, or whether something else drives both.",
                    correct=True,
                ),
                Option(
                    "Mobile phones isolate people.",
                    feedback="The users' networks were larger, not smaller.",
                ),
                Option(
                    "It proves that the 2004 GSS figure was an artifact.",
                    feedback="It answers a broader question than the GSS's; it weighs against "
                    "the isolation thesis but proves nothing about how the GSS was run.",
                ),
            ),
            hints=(
                "A difference between two groups is a correlation. What else could produce it?",
                "Think of who buys phones, and of things like age or work that shape both.",
            ),
            explanation="Users of a technology are not a random group: a difference between "
            "users and non-users is consistent with several causal stories. It does challenge the "
            "fear that technology users are the isolated ones.",
            wrong_examples=("a", "c", "d"),
        ),
        SortClaims(
            name="sort_claims",
            title="Sort the claims",
            question="Put each claim under one heading: it **supports** the thesis that Americans "
            "became more socially isolated, it **challenges** that thesis, or it is **about "
            "measurement** (how the figures were made). Judge what each claim says, not who said "
            "it.",
            categories=tuple(CLAIM_CATEGORIES.values()),
            claims=_CLAIMS,
            hints=(
                "Ask of each claim: is it about what happened to people's networks (and in which "
                "direction), or about how a survey figure came about?",
                "Four claims fall under each heading. The Pew report (Hampton et al.) appears "
                "under more than one.",
            ),
            explanation="Supports: the tripling of people naming no one, Putnam, Turkle, and "
            "Pew's networks 'shrunk by about a third'. Challenges: Fischer's conclusion, Pew's 6% "
            "and larger networks among mobile users, Rainie & Wellman. About measurement: "
            "Fischer's "
            "anomalies, interviewer effects, priming, and three sets of figures from one survey. "
            "The same study can appear on more than one side.",
            wrong_examples=(
                _all("supports"),
                _by_author_not_claim(),
                _measurement_as_challenge(),
                {1: "supports"},
            ),
        ),
        Reflection(
            name="steelman",
            title="The strongest case against your own view",
            question="Which do you find more convincing: that Americans became more isolated "
            "between 1985 and 2004, or that the 2004 figure was mostly an artifact? Now write the "
            "**strongest case for the side you disagree with**, in three parts:\n\n"
            "1. **The claim**, in one sentence.\n"
            "2. **The best evidence** for it from this lesson: at least two figures or studies, "
            "with their authors.\n"
            "3. **Its best answer** to the strongest argument of your own side.\n\n"
            "Write at least 60 words. Your text stays on this computer.",
            example=_STEELMAN_EXAMPLE,
            min_words=60,
            hints=(
                "Start from the sorted claims: pick two from the side you disagree with.",
                "For part 3, name your own side's best argument first, then answer it as your "
                "opponent would.",
            ),
            explanation="Stating the other side at its strongest (a *steelman*) is how to test "
            "your own view: if you cannot answer its best case, hold your view less firmly. "
            "Bring this text to the class debate.",
            wrong_examples=("Artifact.", "I think it was an artifact because of the interviewers."),
        ),
    )
    return {
        "EXERCISES": EXERCISES,
        "COUNTS": COUNTS,
        "NO_ONE": NO_ONE,
        "ARTIFACT_RATE": ARTIFACT_RATE,
        "CLAIM_CATEGORIES": CLAIM_CATEGORIES,
        "CLAIM_IDS": CLAIM_IDS,
    }


__getattr__ = built_on_first_use(
    _exercises,
    __name__,
    ("EXERCISES", "COUNTS", "NO_ONE", "ARTIFACT_RATE", "CLAIM_CATEGORIES", "CLAIM_IDS"),
)
