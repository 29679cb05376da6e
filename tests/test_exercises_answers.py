"""How answers are read and quoted back: forgiving formats, no traps, short echoes.

Each test reproduces a finding of issue 18 (item 6) or issue 19 (items 10, 11, 12, 14, 15)
and failed before its fix.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from netind_teach import typology, wording
from netind_teach.exercises import (
    Case,
    Claim,
    ClassifyNetwork,
    CodeExercise,
    Exercise,
    ExerciseSet,
    MultipleChoice,
    Numeric,
    Option,
    Outcome,
    SortClaims,
    definitions,
    for_lesson,
    lessons,
    numeric,
)
from netind_teach.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
ALL = tuple(d for lesson in lessons() for d in definitions(lesson))


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


def live(definition: Any, store: Progress) -> Exercise:
    return Exercise(definition, progress=store)


# -- issue 18 item 6: numeric parsing is linear and bounded ---------------------------------
def test_numeric_module_reads_text_without_regular_expressions() -> None:
    """No backtracking is possible: the reader is a one-pass scanner, not a regex."""
    tree = ast.parse(Path(numeric.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "re" not in imported and "regex" not in imported


@pytest.mark.parametrize(
    "text",
    [
        "1" * 80_000 + "x\ny",  # took about 40 s before: quadratic backtracking
        "1" * 1_000_000,
        " " * 1_000_000 + "5",
        "1," * 500_000,
        "-" + "9" * (numeric.MAX_TEXT + 1),
    ],
    ids=["crafted-80k", "digits-1MB", "spaces-then-digit-1MB", "commas-1MB", "just-over-cap"],
)
def test_long_text_is_refused_by_its_length_before_reading(text: str, store) -> None:
    result = live(for_lesson("00").share.definition, store).check(text)
    assert result.outcome is Outcome.INCORRECT
    assert "characters long" in result.message and len(result.message) < 200


def test_the_scanner_reads_each_character_at_most_once() -> None:
    """Linear by construction: the scan touches a character at most a fixed number of times."""

    class Counting(str):
        reads = 0

        def __getitem__(self, key):  # type: ignore[override]
            Counting.reads += 1
            return str.__getitem__(self, key)

    for size in (50, 100, 200):
        Counting.reads = 0
        numeric.scan_number(Counting("1" * size + "e" + "5" * size + " ties"))
        assert Counting.reads <= 3 * (2 * size + 6), (size, Counting.reads)


# -- issue 19 item 11: decimal commas, fractions, percentages -------------------------------
DENSITY = for_lesson("01").density_by_hand.definition  # answer 1/3, a share, no unit


@pytest.mark.parametrize("answer", ["0,333", "0,3333", "0,33333333", "1/3", " 1 / 3 ", "33.3%"])
def test_density_accepts_decimal_commas_fractions_and_percent_signs(answer, store) -> None:
    assert live(DENSITY, store).check(answer).correct, answer


@pytest.mark.parametrize("answer", ["33.33", "50", "99.9", "2", "100"])
def test_a_percentage_where_a_share_is_asked_gets_the_percent_hint(answer, store) -> None:
    message = live(DENSITY, store).check(answer).message
    assert "percent" in message and "between 0 and 1" in message, message


def test_the_lessons_own_mistake_messages_come_first(store) -> None:
    assert "share between 0 and 1" in live(DENSITY, store).check(33).message


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("2,9", (2.9,)),
        ("0,333", (0.333,)),
        ("-0,5", (-0.5,)),
        ("1,000", (1.0, 1000.0)),  # ambiguous: two readings
        ("1,000,000", (1_000_000.0,)),
        ("1.234,5", (1234.5,)),
        ("1,234.5", (1234.5,)),
        ("2.9e1", (29.0,)),
    ],
)
def test_scanner_readings(text: str, readings: tuple[float, ...]) -> None:
    assert numeric.scan_number(text) == (readings, "")


def test_ambiguous_comma_is_accepted_when_only_one_reading_is_right(store) -> None:
    thousand = Numeric(name="k", question="?", answer=1000)
    one = Numeric(name="o", question="?", answer=1, tolerance=0.01)
    assert live(thousand, store).check("1,000").correct
    assert live(one, store).check("1,000").correct
    other = Numeric(name="x", question="?", answer=7)
    assert "ambiguous" in live(other, store).check("1,000").message


@pytest.mark.parametrize("answer", ["1/0", "1/x", "1/2/3"])
def test_broken_fractions_get_a_message(answer, store) -> None:
    result = live(DENSITY, store).check(answer)
    assert result.outcome is Outcome.INCORRECT and "\n" not in result.message


# -- issue 19 item 10: the displayed label is accepted --------------------------------------
CHOICES = [d for d in ALL if isinstance(d, MultipleChoice)]


@pytest.mark.parametrize("definition", CHOICES, ids=lambda d: d.id)
def test_every_displayed_label_is_read_as_its_option(definition, store) -> None:
    for index, option in enumerate(definition.options):
        label = definition.label(index)
        answer = [label] if definition.multiple else label
        result = live(definition, store).check(answer)
        assert "is not one of the options" not in result.message, (label, result.message)
        if not definition.multiple:
            assert result.correct is option.correct, (label, result.message)


def test_label_with_the_wrong_letter_is_not_taken_as_either_option(store) -> None:
    q = MultipleChoice(
        name="who", question="?", options=(Option("Putnam"), Option("Wellman", correct=True))
    )
    assert live(q, store).check("b) Wellman").correct
    assert live(q, store).check("B. Wellman").correct
    assert not live(q, store).check("a) Wellman").correct


# -- issue 19 item 12: negated answers are refused -------------------------------------------
CLASSIFY = [d for d in ALL if isinstance(d, ClassifyNetwork)]


@pytest.mark.parametrize("definition", CLASSIFY, ids=lambda d: d.id)
@pytest.mark.parametrize("negation", ["not {}", "NOT {}", "it is not {}", "isn't {}", "non-{}"])
def test_a_negated_type_is_refused_with_a_message(definition, negation, store) -> None:
    result = live(definition, store).check(negation.format(definition.answer))
    assert result.outcome is Outcome.INCORRECT
    assert "not" in result.message and "which" in result.message.casefold(), result.message


def test_words_that_merely_contain_no_are_not_negations(store) -> None:
    q = ClassifyNetwork(name="t", question="?", graph=dict, answer="limited", reasons=("few ties",))
    assert live(q, store).check("Socially limited, I think").correct


# -- issue 19 item 14: one plural helper, every template with 0, 1 and 2 ----------------------
NOUNS = [
    ("hint", "hints"),
    ("person", "people"),
    ("measure", "measures"),
    ("claim", "claims"),
    ("case", "cases"),
    ("option", "options"),
    ("tie", "ties"),
    ("item", "items"),
    ("argument", "arguments"),
    ("exercise", "exercises"),
]


def assert_grammar(text: str) -> None:
    assert "(s)" not in text, text
    for one, many in NOUNS:
        assert not re.search(rf"\b1 (?:\w+ ){{0,2}}{many}\b", text), (many, text)
        assert not re.search(rf"(?<![\d.,])[02] (?:\w+ ){{0,1}}{one}\b(?!s)", text), (one, text)


def _templates(count: int, store: Progress) -> list[str]:
    texts = []
    hints = tuple(f"hint {i}" for i in range(count))
    q = Numeric(name="n", question="?", answer=5, unit="people", hints=hints)
    ex = live(q, store)
    texts += [str(ex.hint(9)), str(ex.hint("x")), str(ex.hint()), str(ex.hint())]
    texts += [ex.check(count).message, ex.check(f"{count} people").message]
    texts.append(live(dataclasses.replace(q, unit="ties"), store).check(count).message)
    options = (*(Option(f"o{i}", correct=True) for i in range(max(count, 1))), Option("w"))
    mc = live(MultipleChoice(name="m", question="?", options=options, multiple=True), store)
    texts += [mc.check(["a"]).message, mc.check(["a", "b", "c"][: max(count, 1)]).message]
    texts.append(mc.check([chr(ord("a") + len(options) - 1)]).message)
    claims = tuple(Claim(f"c{i}", "A") for i in range(max(count, 1)))
    sc = live(SortClaims(name="s", question="?", categories=("A", "B"), claims=claims), store)
    texts += [sc.check(["B"] * len(claims)).message, sc.check(["A"] * len(claims)).message]
    texts.append(sc.check(["A"] * (len(claims) + 1)).message)
    args = tuple(range(max(count, 1)))
    cases = tuple(Case(args, 0) for _ in range(max(count, 1)))
    params = ", ".join(f"a{i}" for i in args)
    reference = eval(f"lambda {params}: 0")
    code = CodeExercise(
        name="c",
        question="?",
        function_name="f",
        starter_code="def f(): ...",
        reference=reference,
        cases=cases,
        time_limit=2.0,
    )
    cx = live(code, store)
    texts += [cx.check(reference).message, cx.check(lambda: 0).message]
    if count:
        measures = ("ties", "groups")[:count]
        rule = typology.Rule(measures=measures, thresholds=dict.fromkeys(measures, 5))
        for value in (4, 5, 6):
            texts += typology.classify(dict.fromkeys(measures, value), rule=rule).reasons
    texts.append(wording.plural(count, "hint"))
    texts.append(repr(ExerciseSet("99", [ex] * count)))
    return texts


@pytest.mark.parametrize("count", [0, 1, 2])
def test_every_counted_message_agrees_in_number(count: int, store) -> None:
    for text in _templates(count, store):
        assert_grammar(text)


def test_the_plot_note_about_sampled_alter_ties_reads_well() -> None:
    from netind_teach.egodraw import sampled_ties_note

    for drawn, total in ((0, 2), (1, 1), (1, 2), (2, 3), (70, 100), (10, 1000)):
        note = sampled_ties_note(drawn, total)
        assert_grammar(note)
        assert not note.startswith("1 in 1 "), note


# -- issue 19 item 15: feedback quotes at most a short prefix of the answer -------------------
LONG_ANSWERS = [
    "x" * 100_000,
    "b" * 50_000,
    "networked " * 10_000,
    "1" * 5_000 + " ties",
    "a) " + "Barry Wellman, in 2000 " * 3000,
    "def f():\n    return " + "1 + " * 5_000 + "1\n",
    "not " + "limited " * 5_000,
]


@pytest.mark.parametrize("definition", ALL, ids=lambda d: d.id)
def test_no_feedback_repeats_more_than_a_short_prefix(definition, store) -> None:
    exercise = live(dataclasses.replace(definition, lesson=""), store)
    for answer in LONG_ANSWERS:
        for shaped in (answer, [answer], {1: answer}):
            message = exercise.check(shaped).message
            assert len(message) < 600, (answer[:20], len(message), message[:200])
            for start in range(0, 200, 7):
                assert answer[start : start + 60] not in message, (answer[:20], message[:300])


def test_the_answer_benchmark_measures_every_text_exercise() -> None:
    """`make bench` times 1 MB answers (target < 50 ms); here only that it measures."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_answers

    rows = bench_answers.measure(size=2_000, repeat=1)
    assert [r.ok is None for r in rows] == [False, True]
    assert all(r.value > 0 and r.section == "answers" for r in rows)
    assert "answers" in __import__("run").SECTIONS
