"""Exercise kinds as plain calls: check / hint / solution, bad input, progress.

Per kind: the reference answer passes, a known-wrong answer fails with its message, the
starter is "not attempted", the answer is locked before an attempt, and each bad input
gets its one-line message (never an exception).
"""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import threading
import time
import types
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, ClassVar

import networkx as nx
import numpy as np
import pytest

from netind_teach.exercises import (
    BLANK,
    Case,
    Claim,
    ClassifyNetwork,
    CodeExercise,
    Exercise,
    MultipleChoice,
    Note,
    Numeric,
    Option,
    Outcome,
    Reflection,
    Result,
    SortClaims,
    ____,
    is_blank,
)
from netind_teach.exercises.lesson00 import synthetic_limited_person
from netind_teach.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
C, WRONG, N = Outcome.CORRECT, Outcome.INCORRECT, Outcome.NOT_ATTEMPTED


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


def live(definition: Any, store: Progress) -> Exercise:
    return Exercise(dataclasses.replace(definition, lesson="99"), progress=store)


def assert_one_line(result: Result) -> None:
    assert isinstance(result, Result)
    assert "\n" not in result.message and result.message.strip()
    assert "Traceback" not in result.message


# -- definitions used below ------------------------------------------------------------------
SINGLE = MultipleChoice(
    name="single",
    question="Who coined the term?",
    options=(
        Option("Robert Putnam", feedback="Putnam wrote about declining social capital."),
        Option("Barry Wellman", correct=True, feedback="He coined it in 2000."),
        Option("Sherry Turkle"),
    ),
    hints=("Think Toronto.", "His initials are B. W."),
    solution="**b) Barry Wellman**",
    explanation="Wellman coined the term in 2000.",
    wrong_examples=("a",),
)

MULTI = MultipleChoice(
    name="multi",
    question="Which are Wellman's models of community?",
    multiple=True,
    options=(
        Option("little boxes", correct=True),
        Option("glocalization", correct=True),
        Option("bowling alone", feedback="that is Putnam's book title."),
        Option("networked individualism", correct=True),
    ),
    hints=("Three of them.",),
)

NUMERIC = Numeric(
    name="mean",
    question="Mean core discussion network size in 1985 (McPherson et al. 2006)?",
    answer=2.94,
    tolerance=0.005,
    unit="people",
    unit_words=("confidants", "person"),
    mistakes=((2.08, "2.08 is the 2004 figure."),),
    hints=("Before the drop.",),
)

PERCENT = Numeric(name="share", question="Share networked?", answer=35, unit="%", tolerance=0.5)


def _reasons_net() -> nx.Graph:
    return synthetic_limited_person()


CLASSIFY = ClassifyNetwork(
    name="classify",
    question="Which type?",
    graph=_reasons_net,
    answer="limited",
    reasons=("5 ties: below the median of 14", "classed limited: low on all three measures"),
    description="Synthetic ego network with 5 alters.",
    hints=("Compare with the medians.",),
)

SORT = SortClaims(
    name="sort",
    question="Sort the claims.",
    categories=("isolation grew", "artifact of the survey"),
    claims=(
        Claim("Core networks shrank from 2.94 to 2.08.", "isolation grew", "McPherson 2006"),
        Claim(
            "The 2004 data contain serious anomalies.",
            "artifact of the survey",
            "Fischer 2009",
            "Read what the author says about the data.",
        ),
        Claim("Interviewer effects explain it.", "artifact of the survey", "Paik 2013"),
    ),
)


def _count(G):
    return G.degree("ego")


def _star(n: int) -> nx.Graph:
    return nx.star_graph(n).__class__(nx.relabel_nodes(nx.star_graph(n), {0: "ego"}))


CODE = CodeExercise(
    name="count",
    question="Write `count_alters(G)`.",
    function_name="count_alters",
    starter_code="def count_alters(G):\n    return ____\n",
    reference=_count,
    solution_code="def count_alters(G):\n    return G.degree('ego')",
    cases=(
        Case((_star(3),), 3, "a star with 3 alters"),
        Case(
            (nx.relabel_nodes(nx.complete_graph(4), {0: "ego"}),),
            3,
            "4 people who all know each other",
        ),
    ),
    time_limit=0.5,
)

REFLECTION = Reflection(
    name="me",
    question="Who do you turn to?",
    example="I turn to my brother for money advice and to old school friends for fun ones.",
    min_words=10,
)

ALL = (SINGLE, MULTI, NUMERIC, PERCENT, CLASSIFY, SORT, CODE, REFLECTION)


# -- shared behaviour, every kind --------------------------------------------------------------
@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.name)
def test_reference_passes_wrong_fails_starter_not_attempted(definition, store) -> None:
    q = live(definition, store)
    starter = q.check(definition.starter)
    assert starter.outcome is N, starter
    assert not q.attempted  # a placeholder is not an attempt
    assert q.check(definition.reference_answer).outcome is C
    assert store.is_done("99", definition.name)


@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.name)
@pytest.mark.parametrize("placeholder", [BLANK, None, ..., "", "   ", "____", [], {}, ()])
def test_placeholders_are_not_attempted(definition, placeholder, store) -> None:
    result = live(definition, store).check(placeholder)
    assert result.outcome is N
    assert "Replace ____" in result.message
    assert_one_line(result)


@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.name)
def test_answer_locked_until_one_attempt(definition, store) -> None:
    q = live(definition, store)
    assert q.solution().title == "Answer locked"
    q.check(____)
    assert q.solution().title == "Answer locked"
    q.check(12345)  # a real (wrong or unreadable) attempt
    assert q.attempted
    solution = q.solution()
    assert solution.title == "Solution" and solution.text.strip()
    assert definition.solution_text() in solution.text


@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.name)
def test_no_argument_check_is_not_attempted(definition, store) -> None:
    assert live(definition, store).check().outcome is N


# -- multiple choice -----------------------------------------------------------------------
class TestMultipleChoice:
    def test_right_answer_in_every_form(self, store) -> None:
        q = live(SINGLE, store)
        for answer in ("b", "B", " b) ", "(b)", "Barry Wellman", "  barry   WELLMAN ", ["b"]):
            result = q.check(answer)
            assert result.correct, answer
        assert "He coined it in 2000." in result.message
        assert result.explanation == "Wellman coined the term in 2000."

    def test_wrong_answer_gives_that_options_feedback_not_the_answer(self, store) -> None:
        result = live(SINGLE, store).check("a")
        assert result.outcome is WRONG
        assert result.message == "Not a). Putnam wrote about declining social capital."
        assert "Wellman" not in result.message and "b)" not in result.message

    def test_wrong_option_without_feedback_gets_a_nudge(self, store) -> None:
        assert "hint" in live(SINGLE, store).check("c").message

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            (2, "letter as text ('a' to 'c'), not a number"),
            (2.0, "Answer with the letter of your choice"),
            (True, "Answer with the letter of your choice"),
            ("z", "There is no option 'z'"),
            ("Putnam?", "is not one of the options"),
            ("a, b", "Choose one option only"),
            (["a", "b"], "Choose one option only"),
            ({"a": 1}, "you gave a dict"),
            ([None], "Answer with option letters as text"),
            (object(), "you gave an object of type object"),
        ],
    )
    def test_bad_input(self, answer, expected, store) -> None:
        result = live(SINGLE, store).check(answer)
        assert result.outcome is WRONG
        assert expected in result.message
        assert_one_line(result)

    def test_multiple_right(self, store) -> None:
        q = live(MULTI, store)
        for answer in (["a", "b", "d"], "a, b, d", "d b a", ("little boxes", "glocalization", "d")):
            assert q.check(answer).correct, answer

    def test_multiple_partial_and_wrong_pick(self, store) -> None:
        result = live(MULTI, store).check(["a", "c"])
        assert result.outcome is WRONG
        assert result.message.splitlines() == [
            "You found 1 of 3 right options.",
            "- c) is not right: that is Putnam's book title.",
        ]
        missing = live(MULTI, store).check("a")
        assert missing.message == "You found 1 of 3 right options."  # no names of the others

    def test_definition_errors(self) -> None:
        with pytest.raises(ValueError, match="exactly one option"):
            MultipleChoice(name="x", question="?", options=(Option("a"), Option("b")))
        with pytest.raises(ValueError, match="exactly one option"):
            MultipleChoice(name="x", question="?", options=(Option("a", True), Option("b", True)))
        with pytest.raises(ValueError, match="same text"):
            MultipleChoice(name="x", question="?", options=(Option("a", True), Option(" A")))
        with pytest.raises(ValueError, match="between 2 and 26"):
            MultipleChoice(name="x", question="?", options=(Option("a", True),))
        with pytest.raises(ValueError, match="lowercase"):
            MultipleChoice(name="Bad Name", question="?", options=(Option("a", True), Option("b")))
        with pytest.raises(ValueError, match="needs a question"):
            MultipleChoice(name="x", question=" ", options=(Option("a", True), Option("b")))

    def test_definition_is_immutable(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            SINGLE.question = "changed"  # type: ignore[misc]
        listed = MultipleChoice(
            name="x", question="?", options=[Option("a", True), Option("b")], hints=["h"]
        )
        assert isinstance(listed.options, tuple) and isinstance(listed.hints, tuple)


# -- numeric -------------------------------------------------------------------------------
class TestNumeric:
    @pytest.mark.parametrize(
        "answer",
        [
            2.94,
            2.943,
            "2.94",
            "2,94",
            " 2.94 ",
            "2.94 people",
            "2.94 confidants",
            "+2.94",
            Decimal("2.94"),
            Fraction(294, 100),
            np.float64(2.94),
        ],
    )
    def test_right(self, answer, store) -> None:
        assert live(NUMERIC, store).check(answer).correct

    @pytest.mark.parametrize(
        "answer", [35, "35", "35%", "35 %", "35 percent", "35,2", np.int64(35)]
    )
    def test_percent_right(self, answer, store) -> None:
        assert live(PERCENT, store).check(answer).correct

    def test_wrong_says_direction_not_value(self, store) -> None:
        q = live(NUMERIC, store)
        assert q.check(3.5).message == "3.5 people is too high."
        assert q.check("1").message == "1 person is too low."
        assert "2.94" not in q.check(3.5).message

    def test_common_mistake_has_its_message(self, store) -> None:
        assert live(NUMERIC, store).check("2.08").message == "2.08 is the 2004 figure."

    def test_proportion_for_percent(self, store) -> None:
        assert "proportion" in live(PERCENT, store).check(0.35).message

    def test_no_direction_when_switched_off(self, store) -> None:
        q = live(dataclasses.replace(PERCENT, say_direction=False), store)
        assert q.check(50).message == "50% is not it."

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            ("about three", "is not a number: write digits"),
            ("3 apples", "Write just the number (in people), without 'apples'"),
            ("1,000", "is ambiguous: write it without a comma"),
            ("2.9.4", "is not a number"),
            ([2.94], "Give one number, not a list of 1 item"),
            ((2, 3), "Give one number, not a tuple of 2 items"),
            ({2.94}, "Give one number, not a set"),
            (True, "True/False is not a number"),
            (complex(2, 1), "Give a real number"),
            (math.nan, "not a finite number"),
            (math.inf, "not a finite number"),
            ("1e999", "not a finite number"),
            (Decimal("NaN"), "not a finite number"),
            (Decimal("sNaN"), "cannot be used here"),
            (10**400, "cannot be used here"),
            (b"2.94", "you gave an object of type bytes"),
            (object(), "Write a number, e.g. 12 or 2.5"),
        ],
    )
    def test_bad_input(self, answer, expected, store) -> None:
        result = live(NUMERIC, store).check(answer)
        assert result.outcome is WRONG
        assert expected in result.message, result.message
        assert_one_line(result)

    def test_unicode_minus(self, store) -> None:
        q = live(Numeric(name="t", question="?", answer=-1.5), store)
        assert q.check("\u22121.5").correct

    def test_definition_errors(self) -> None:
        with pytest.raises(ValueError, match="within the tolerance"):
            Numeric(name="x", question="?", answer=1, tolerance=0.5, mistakes=((1.2, "m"),))
        with pytest.raises(ValueError, match="must be numbers"):
            Numeric(name="x", question="?", answer="1")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="finite"):
            Numeric(name="x", question="?", answer=math.nan)


# -- classify this network -------------------------------------------------------------------
class TestClassify:
    @pytest.mark.parametrize(
        "answer", ["limited", "Limited", " socially limited ", "a limited individual"]
    )
    def test_right_quotes_reasons(self, answer, store) -> None:
        result = live(CLASSIFY, store).check(answer)
        assert result.correct
        assert "5 ties: below the median of 14" in result.message

    def test_wrong_quotes_reasons_with_type_names_masked(self, store) -> None:
        result = live(CLASSIFY, store).check("bounded")
        assert result.outcome is WRONG
        assert result.message.startswith("Not 'bounded'.")
        assert "5 ties: below the median of 14" in result.message
        assert "limited" not in result.message.lower()
        assert "classed …: low on all three measures" in result.message

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            ("networked or bounded", "is not one type"),
            ("isolated", "is not one type"),
            (3, "Answer with one type as text"),
            (["limited"], "Answer with one type as text"),
        ],
    )
    def test_bad_input(self, answer, expected, store) -> None:
        result = live(CLASSIFY, store).check(answer)
        assert result.outcome is WRONG and expected in result.message
        assert_one_line(result)

    def test_network_is_a_fresh_copy(self) -> None:
        G = CLASSIFY.network()
        G.clear()
        assert CLASSIFY.network().number_of_nodes() == 6
        as_graph = dataclasses.replace(CLASSIFY, graph=synthetic_limited_person())
        H = as_graph.network()
        H.remove_node("ego")
        assert "ego" in as_graph.network()

    def test_draw_uses_egodraw_draw_ego_lazily(self, monkeypatch) -> None:
        calls = []
        fake = types.ModuleType("netind_teach.egodraw")
        fake.draw_ego = lambda G, ego, ax=None, **kw: calls.append(
            (G.number_of_nodes(), ego, ax, kw)
        )
        monkeypatch.setitem(sys.modules, "netind_teach.egodraw", fake)
        CLASSIFY.draw(ax="given")
        titled = dataclasses.replace(CLASSIFY, drawing_title="A synthetic network")
        titled.draw(ax="given")
        titled.draw(title="other")
        assert calls == [
            (6, "ego", "given", {}),
            (6, "ego", "given", {"title": "A synthetic network"}),
            (6, "ego", None, {"title": "other"}),
        ]

    def test_definition_errors(self) -> None:
        with pytest.raises(ValueError, match="not in"):
            dataclasses.replace(CLASSIFY, answer="isolated")
        with pytest.raises(ValueError, match="reasons"):
            dataclasses.replace(CLASSIFY, reasons=())


# -- sort the claims ---------------------------------------------------------------------------
class TestSortClaims:
    right: ClassVar[dict[int, str]] = {
        1: "isolation grew",
        2: "artifact of the survey",
        3: "artifact of the survey",
    }

    @pytest.mark.parametrize(
        "answer",
        [
            right,
            {"1": "Isolation grew", "2": "ARTIFACT OF THE SURVEY", 3: "artifact of the survey"},
            ["isolation grew", "artifact of the survey", "artifact of the survey"],
            {
                "Core networks shrank from 2.94 to 2.08.": "isolation grew",
                "The 2004 data contain serious anomalies.": "artifact of the survey",
                3: "artifact of the survey",
            },
        ],
    )
    def test_right(self, answer, store) -> None:
        assert live(SORT, store).check(answer).correct

    def test_misplaced_claim_is_named_without_its_category(self, store) -> None:
        result = live(SORT, store).check(
            {1: "isolation grew", 2: "isolation grew", 3: "artifact of the survey"}
        )
        assert result.outcome is WRONG
        lines = result.message.splitlines()
        assert lines[0] == "Placed right so far: 2 of 3 claims."
        assert lines[1] == (
            "- claim 2 (Fischer 2009) does not belong under 'isolation grew'. "
            "Read what the author says about the data."
        )
        assert "artifact" not in result.message

    def test_partly_placed(self, store) -> None:
        result = live(SORT, store).check({1: "isolation grew", 2: None})
        assert result.outcome is WRONG
        assert "not placed yet: claim 2, 3." in result.message

    def test_nothing_placed_is_not_attempted(self, store) -> None:
        assert live(SORT, store).check({1: None, 2: "", 3: ____}).outcome is N
        assert live(SORT, store).check([None, None, None]).outcome is N

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            ({1: "growth"}, "'growth' is not a category: use one of"),
            ({9: "isolation grew"}, "There is no claim '9': claims are numbered 1 to 3"),
            ({True: "isolation grew"}, "There is no claim 'True'"),
            ({"nonsense": "isolation grew"}, "There is no claim 'nonsense'"),
            (["isolation grew"], "Give one category for each of the 3 claims (you gave 1)"),
            ("isolation grew", "you gave text"),
            (42, "you gave a number"),
            ({1: 5}, "'5' is not a category"),
        ],
    )
    def test_bad_input(self, answer, expected, store) -> None:
        result = live(SORT, store).check(answer)
        assert result.outcome is WRONG and expected in result.message, result.message
        assert_one_line(result)

    def test_definition_errors(self) -> None:
        with pytest.raises(ValueError, match="is not a category"):
            SortClaims(name="x", question="?", categories=("a", "b"), claims=(Claim("t", "c"),))
        with pytest.raises(ValueError, match="two different"):
            SortClaims(name="x", question="?", categories=("a", "A"), claims=(Claim("t", "a"),))


# -- code ------------------------------------------------------------------------------------
class TestCode:
    def test_reference_and_equivalent_answers_pass(self, store) -> None:
        q = live(CODE, store)
        assert q.check(_count).correct
        assert q.check(lambda G: len(list(G.neighbors("ego")))).correct
        assert q.check(lambda G: len(list(G.neighbors("ego")))).message == "All 2 test cases pass."

    def test_first_failing_case_in_plain_words(self, store) -> None:
        result = live(CODE, store).check(lambda G: G.number_of_edges())
        assert result.outcome is WRONG
        assert result.message == (
            "Case 2 (4 people who all know each other): your function returned 6, "
            "but it should return 3."
        )

    def test_missing_return(self, store) -> None:
        def forgot(G):
            G.degree("ego")

        result = live(CODE, store).check(forgot)
        assert "returned None" in result.message and "forget to `return`" in result.message

    def test_starter_and_blank_are_not_attempted(self, store) -> None:
        q = live(CODE, store)
        assert q.check(CODE.starter).outcome is N

        def uses_undefined_blank(G):
            return ____undefined  # noqa: F821

        assert q.check(uses_undefined_blank).outcome is WRONG  # other NameErrors are errors
        namespace: dict[str, Any] = {}
        exec("def f(G):\n    return ____\n", namespace)  # ____ not imported by the learner
        result = q.check(namespace["f"])
        assert result.outcome is N and "Replace ____" in result.message
        assert q.check(lambda G: ...).outcome is N

    def test_exception_is_one_line(self, store) -> None:
        def crash(G):
            raise ValueError("no ego here\nsecond line")

        result = live(CODE, store).check(crash)
        assert result.message == (
            "Case 1 (a star with 3 alters): your function raised ValueError: "
            "no ego here second line"
        )
        assert_one_line(result)
        assert (
            "ZeroDivisionError: division by zero"
            in live(CODE, store).check(lambda G: 1 / 0).message
        )

    def test_system_exit_and_base_exceptions_are_reported(self, store) -> None:
        def leave(G):
            raise SystemExit(3)

        result = live(CODE, store).check(leave)
        assert result.outcome is WRONG and "SystemExit: 3" in result.message

    def test_infinite_loop_is_stopped(self, store, deadline) -> None:
        def forever(G):
            n = 0
            while True:
                n += 1

        before = threading.active_count()
        with deadline(30):  # a hang guard: how fast it stops is for `make bench`
            result = live(CODE, store).check(forever)
        assert result.outcome is WRONG
        assert "did not finish within 0.5 s" in result.message and "loop" in result.message
        for _ in range(50):  # the looping thread was stopped, not left running
            if threading.active_count() <= before:
                break
            time.sleep(0.02)
        assert threading.active_count() <= before

    def test_loop_that_swallows_exceptions_is_still_stopped(self, store) -> None:
        def stubborn(G):
            while True:
                try:
                    while True:
                        pass
                except Exception:
                    pass

        result = live(CODE, store).check(stubborn)
        assert "did not finish" in result.message

    def test_default_time_limit_is_two_seconds(self) -> None:
        assert dataclasses.replace(CODE, time_limit=2.0).time_limit == 2.0
        assert CodeExercise.__dataclass_fields__["time_limit"].default == 2.0

    def test_learner_function_gets_copies(self, store) -> None:
        def vandal(G):
            G.clear()
            return 0

        q = live(CODE, store)
        assert q.check(vandal).outcome is WRONG
        assert q.check(_count).correct  # the cases' graphs were not damaged

    @pytest.mark.parametrize(
        ("answer", "expected"),
        [
            (3, "Pass your function itself, e.g. check(count_alters)"),
            ("count_alters", "without quotes: check(count_alters)"),
            (
                lambda: 3,
                "count_alters should accept 1 argument, like count_alters(G); "
                "yours is count_alters()",
            ),
            (lambda G, ego: 3, "yours is count_alters(G, ego)"),
            ("def count_alters(G):\n    return (", "syntax error on line 2"),
            ("x = 1\n", "Define a function called count_alters(...)"),
            ("raise KeyError('k')", "Running your code raised KeyError: 'k'"),
            ("while True:\n    pass\n", "did not finish within 0.5 s"),
            ("def count_alters(G):\n    return '3'\n", "returned '3', but it should return 3"),
            ("\x00", "null bytes."),
        ],
    )
    def test_bad_input(self, answer, expected, store) -> None:
        result = live(CODE, store).check(answer)
        assert result.outcome is WRONG
        assert expected in result.message, result.message
        assert_one_line(result)

    def test_source_text_is_accepted(self, store) -> None:
        source = "def count_alters(G):\n    return len(G['ego'])\n"
        assert live(CODE, store).check(source).correct

    def test_uncomparable_return_value(self, store) -> None:
        class Weird:
            def __eq__(self, other):
                raise RuntimeError("no")

            __hash__ = object.__hash__

            def __repr__(self):
                return "Weird()"

        result = live(CODE, store).check(lambda G: Weird())
        assert "cannot be compared" in result.message
        assert "Weird()" in result.message

    def test_custom_compare(self, store) -> None:
        q = live(dataclasses.replace(CODE, compare=lambda got, exp: str(got) == str(exp)), store)
        assert q.check(lambda G: str(G.degree("ego"))).correct

    def test_definition_errors(self) -> None:
        with pytest.raises(ValueError, match="must define"):
            dataclasses.replace(CODE, starter_code="def other(G):\n    return ____\n")
        with pytest.raises(ValueError, match="test cases"):
            dataclasses.replace(CODE, cases=())
        with pytest.raises(ValueError, match="Python name"):
            dataclasses.replace(CODE, function_name="count alters")


# -- reflection ----------------------------------------------------------------------------------
class TestReflection:
    text = "My sister and two friends from the climbing club are the people I turn to most."

    def test_enough_words_is_done_and_saved(self, store) -> None:
        result = live(REFLECTION, store).check(self.text)
        assert result.correct
        assert result.message == (
            "Thank you: 16 words. There is no single right answer. Saved on this computer only."
        )
        assert store.reflection("99", "me") == self.text
        assert store.is_done("99", "me")

    def test_short_text_is_saved_but_not_done(self, store) -> None:
        result = live(REFLECTION, store).check("Family, mostly.")
        assert result.outcome is WRONG
        assert result.message.startswith("2 words so far: write at least 10 words")
        assert store.reflection("99", "me") == "Family, mostly."
        assert not store.is_done("99", "me")

    def test_short_text_never_replaces_an_accepted_one(self, store) -> None:
        q = live(REFLECTION, store)
        assert q.check(self.text).correct
        result = q.check("lol")
        assert result.outcome is WRONG
        assert store.reflection("99", "me") == self.text  # the accepted text stays
        assert store.is_done("99", "me")
        assert "Your accepted reflection (16 words) is still saved" in result.message
        assert "this shorter text was not saved" in result.message
        longer = self.text + " And my neighbour."
        assert q.check(longer).correct  # a new accepted text replaces the old one
        assert store.reflection("99", "me") == longer

    def test_draft_is_said_to_be_a_draft(self, store) -> None:
        result = live(REFLECTION, store).check("Family, mostly.")
        assert "Saved as a draft on this computer only." in result.message

    def test_empty_is_not_attempted_and_not_saved(self, store) -> None:
        assert live(REFLECTION, store).check("  \n ").outcome is N
        assert store.reflection("99", "me") is None

    @pytest.mark.parametrize("answer", [42, ["words"] * 20, b"bytes"])
    def test_bad_input(self, answer, store) -> None:
        result = live(REFLECTION, store).check(answer)
        assert result.outcome is WRONG and "as text between quotes" in result.message
        assert store.reflection("99", "me") is None

    def test_solution_shows_the_example(self, store) -> None:
        q = live(REFLECTION, store)
        q.check("too short")
        assert REFLECTION.example in q.solution().text


# -- hints, solution, results ----------------------------------------------------------------------
def test_hints_are_tiered(store) -> None:
    q = live(SINGLE, store)
    assert q.hint() == Note("Hint 1 of 2", "Think Toronto.")
    assert q.hint() == Note("Hint 2 of 2", "His initials are B. W.")
    last = q.hint()
    assert last.title == "No more hints" and "hint(1) to hint(2)" in last.text
    assert q.hint(1).text == "Think Toronto."
    assert q.hints_seen() == ("Think Toronto.", "His initials are B. W.")


def test_specific_hint_skips_ahead(store) -> None:
    q = live(SINGLE, store)
    assert q.hint(2).title == "Hint 2 of 2"
    assert q.hint().title == "No more hints"


@pytest.mark.parametrize(
    ("n", "title"),
    [
        (0, "No such hint"),
        (3, "No such hint"),
        (-1, "No such hint"),
        ("2", "Which hint?"),
        (True, "Which hint?"),
        (1.5, "Which hint?"),
        (np.int64(1), "Hint 1 of 2"),
    ],
)
def test_bad_hint_numbers(n, title, store) -> None:
    assert live(SINGLE, store).hint(n).title == title


def test_exercise_without_hints(store) -> None:
    assert live(PERCENT, store).hint().title == "No hints"


def test_solution_includes_explanation(store) -> None:
    q = live(SINGLE, store)
    q.check("a")
    note = q.solution()
    assert "**b) Barry Wellman**" in note.text and "**Why:** Wellman coined" in note.text


def test_results_display_as_text_and_coloured_html() -> None:
    right = Result.correct_("Yes.", explanation="Because *reasons*.")
    wrong = Result.incorrect("No <b>bold</b> & co.")
    empty = Result.not_attempted("Fill it in.")
    assert repr(right) == "Correct: Yes.\nBecause *reasons*."
    assert str(wrong) == "Not quite: No <b>bold</b> & co."
    assert repr(empty) == "Not attempted: Fill it in."
    assert "#1a7f37" in right._repr_html_() and "<em>reasons</em>" in right._repr_html_()
    assert (
        "#b42318" in wrong._repr_html_()
        and "&lt;b&gt;bold&lt;/b&gt; &amp; co." in wrong._repr_html_()
    )
    assert "#57606a" in empty._repr_html_()
    for result in (right, wrong, empty):
        assert result.label in result._repr_html_()  # never colour alone
    assert right.correct and not wrong.correct and str(Outcome.NOT_ATTEMPTED) == "not attempted"


def test_author_markdown_renders_in_html_and_lists_become_lists(store) -> None:
    html = Result.incorrect("Not a). Read *The Internet Galaxy*.\n- one\n- two")._repr_html_()
    assert "<em>The Internet Galaxy</em>" in html
    assert "<li>one</li><li>two</li>" in html


def test_learner_text_is_escaped_in_html(store) -> None:
    result = live(NUMERIC, store).check("<script>alert(1)</script>")
    assert "<script>" not in result._repr_html_()


def test_is_blank() -> None:
    assert all(
        is_blank(x) for x in (BLANK, None, ..., "", " ", "____", "...", "None", [], {}, set())
    )
    assert not any(is_blank(x) for x in (0, False, "0", "a", [None], {1: None}))


def test_blank_is_a_singleton_that_survives_copies() -> None:
    import copy
    import pickle

    assert copy.deepcopy(BLANK) is BLANK and copy.copy(BLANK) is BLANK
    assert pickle.loads(pickle.dumps(BLANK)) is BLANK
    assert repr(BLANK) == "____" and not BLANK


# -- progress integration ----------------------------------------------------------------------
def test_wrong_answers_do_not_mark_done(store) -> None:
    live(SINGLE, store).check("a")
    assert store.done("99") == ()


def test_default_progress_uses_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("NETIND_TEACH_HOME", str(tmp_path))
    q = Exercise(dataclasses.replace(SINGLE, lesson="99"))
    assert q.check("b").correct
    assert Progress(tmp_path / "progress.json").done("99") == ("single",)


def test_unsaveable_progress_is_a_note_not_an_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    q = Exercise(dataclasses.replace(SINGLE, lesson="99"), progress=Progress(blocker / "p.json"))
    result = q.check("b")
    assert result.correct
    assert "(Progress not saved: cannot write in" in result.message


def test_corrupt_progress_file_is_reported_in_the_result(tmp_path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{broken")
    q = Exercise(dataclasses.replace(SINGLE, lesson="99"), progress=Progress(path))
    result = q.check("b")
    assert result.correct
    assert (
        "could not be read" in result.message and "kept as progress.corrupt-" in result.message
    )
    assert Progress(path).done("99") == ("single",)


def test_exercise_without_lesson_saves_nothing(tmp_path) -> None:
    store = Progress(tmp_path / "p.json")
    assert Exercise(SINGLE, progress=store).check("b").correct
    assert not store.path.exists()


def test_broken_listener_does_not_break_check(store) -> None:
    q = live(SINGLE, store)
    q.on_check(lambda exercise, result: 1 / 0)
    assert q.check("b").correct


def test_checker_bug_is_caught(store, monkeypatch) -> None:
    q = live(SINGLE, store)
    monkeypatch.setattr(type(SINGLE), "evaluate", lambda self, answer: 1 / 0)
    result = q.check("b")
    assert result.outcome is WRONG
    assert result.message == (
        "This answer could not be checked (ZeroDivisionError): write it as the letter of your "
        "choice, e.g. 'b'."
    )


def test_exercise_needs_a_definition() -> None:
    with pytest.raises(TypeError, match="exercise definition"):
        Exercise("not a definition")  # type: ignore[arg-type]


def test_exercise_repr_and_display_bundle(store) -> None:
    q = live(SINGLE, store)
    assert repr(q) == "Exercise 99.single (multiple choice): Who coined the term?"
    bundle = q._repr_mimebundle_()
    assert bundle["text/plain"] == repr(q)
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_display_falls_back_to_html_without_widgets(store, monkeypatch) -> None:
    q = live(SINGLE, store)
    monkeypatch.setattr(Exercise, "widget", lambda self: 1 / 0)
    bundle = q._repr_mimebundle_()
    assert "Who coined the term?" in bundle["text/html"] and "check(" in bundle["text/html"]


# -- import cost --------------------------------------------------------------------------------
def test_import_does_not_load_matplotlib_or_ipywidgets() -> None:
    code = (
        "import sys, netind_teach.exercises as e, netind_teach.progress\n"
        "q = e.for_lesson('00')\n"
        "q.coined.check('b'); q.count_alters.check(lambda G: 0)\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert out.stdout.strip() == "[]"
