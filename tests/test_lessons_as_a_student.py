"""What a first-year student sees (issue 19): no answer on screen above its exercise, no
hint that hands the answer over.

The reference answer of every numeric and multiple-choice exercise must not appear in the
lesson's markdown or stored outputs above the exercise, nor in the question of any exercise
of the lesson (a learner scrolls). A short list of reviewed exceptions says why each may.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from netind_teach._resources import lessons_dir
from netind_teach.exercises import MultipleChoice, Numeric, definitions

LESSONS = sorted(Path(str(lessons_dir())).glob("0[0-5]_*.ipynb"))
_EXERCISE_CELL = re.compile(r"^ex\.(\w+)\s*$", re.MULTILINE)

#: (lesson, exercise, where) -> why the answer may be on screen there (reviewed).
REVIEWED = {
    ("03", "smartphone_half", "markdown"): "2013 appears only as the start of the range "
    "'2013-2019' of values seen in a secondary copy of Pew's fact sheet; it says nothing "
    "about when smartphone owners passed half",
}


def _number_pattern(value: float) -> re.Pattern[str]:
    forms = {f"{value:g}", f"{value:.1f}", f"{value:.2f}"}
    if float(value).is_integer():
        forms.add(str(int(value)))
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"(?<![\w.,])(?:{alternatives})(?![\w]|[.,]\d)")


def _shown(cell: nbformat.NotebookNode) -> list[tuple[str, str]]:
    if cell.cell_type == "markdown":
        return [("markdown", cell.source)]
    texts = []
    for out in cell.get("outputs", []):
        text = out.get("text") or out.get("data", {}).get("text/plain", "")
        texts.append(("output", "".join(text)))
    return texts


def _answer_text(d) -> list[str]:
    if isinstance(d, MultipleChoice):
        return [o.text for o in d.options if o.correct]
    return []


def _cases():
    for path in LESSONS:
        lesson = path.name[:2]
        nb = nbformat.read(path, as_version=4)
        defs = {d.name: d for d in definitions(lesson)}
        above: list[tuple[str, str]] = []
        for cell in nb.cells:
            if cell.cell_type == "code":
                for name in _EXERCISE_CELL.findall(cell.source):
                    d = defs.get(name)
                    if isinstance(d, (Numeric, MultipleChoice)):
                        yield pytest.param(lesson, d, list(above), id=f"{lesson}.{name}")
            above.extend(_shown(cell))


@pytest.mark.parametrize(("lesson", "d", "above"), list(_cases()))
def test_no_answer_on_screen_above_its_exercise(lesson, d, above) -> None:
    questions = [("question", q.question) for q in definitions(lesson) if q is not d]
    found = []
    for where, text in [*above, *questions, ("own question", d.question)]:
        if (lesson, d.name, where) in REVIEWED:
            continue
        if isinstance(d, Numeric) and _number_pattern(d.answer).search(text):
            found.append((where, _number_pattern(d.answer).search(text).group(0), text[:120]))
        for answer in _answer_text(d):
            if len(answer) > 12 and answer.lower() in text.lower():
                found.append((where, answer, text[:120]))
    assert not found, found


def test_every_lesson_exercise_is_checked_here() -> None:
    names = {p.id for p in _cases()}
    assert {"02.median_ties", "05.demo_ties", "01.when_it_began"} <= names
    assert len(names) >= 15


# ------------------------------------------- item 4: the caption names no model
def _defining_words() -> set[str]:
    """Words the lesson's models table uses to define the models (``wellman_models``)."""
    from netind_teach import datasets

    table = datasets.load("wellman_models")
    text = " ".join(
        " ".join(map(str, table[column])) for column in ("knit", "what_is_connected", "space")
    )
    words = {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 4} - {"people"}
    # "knows everyone" is how a drawing's caption says "densely-knit" without the word.
    return words | {"knit", "everyone"}


def test_which_model_captions_describe_the_drawing_without_defining_a_model() -> None:
    """A "which model?" drawing is the puzzle (WCAG 1.1.1's exception for exercises): its
    text alternative identifies what is drawn and how, never the defining features."""
    defining = _defining_words()
    assert {"densely", "sparsely", "households", "globally"} <= defining
    defs = {d.name: d for d in definitions("01")}
    for name in ("which_model_a", "which_model_b"):
        caption = defs[name].description.lower()
        assert len(caption.split()) >= 8, caption
        used = sorted(w for w in defining if re.search(rf"\b{w}", caption))
        assert not used, (name, used, caption)


# ------------------------------------------------------------- item 7: hints
_SPAN = re.compile(r"`([^`]+)`")
_ARITHMETIC = re.compile(r"\d[\d.,]*(?:\s*[×x*/+−-]\s*\(?\d[\d.,]*\)?)+")
_SIDE = re.compile(r"\b(ties|groups|diversity(?: score)?) (above|at|below)\b")
_TYPE_DEFINITIONS = (
    re.compile(r"\ball (three|3)\b[^.]*\b(above|below)\b", re.IGNORECASE),
    re.compile(r"\bone\b[^.]*\b(above|below)\b[^.]*\bone\b[^.]*\b(above|below)\b", re.I),
)


def _all_exercises():
    for lesson in [p.name[:2] for p in LESSONS]:
        yield from definitions(lesson)


def _namespace() -> dict:
    """What a learner has in the lessons' kernels when they try a hint's code."""
    from netind_teach import confidants, datasets

    gss = datasets.load("gss_numgiven")
    counts = {}
    for year in (1985, 2004):
        rows = gss[(gss["year"] == year) & (gss["response_type"] == "valid")]
        counts[year] = dict(zip(rows["number_named"].astype(int), rows["count"], strict=True))
    people = datasets.load("east_york_synthetic")
    return {"people": people, "counts": counts, "confidants": confidants}


def _evaluates_to(text: str, answer: float, namespace: dict) -> bool:
    import math

    expression = text.replace("×", "*").replace("−", "-").replace(" x ", " * ").rstrip(".,")
    try:
        value = eval(expression, {"__builtins__": {"sum": sum, "len": len}}, dict(namespace))
        value = float(value)
    except Exception:
        return False
    return any(  # a share is the answer in percent too
        math.isclose(value * scale, answer, rel_tol=1e-3, abs_tol=1e-3) for scale in (1, 100)
    )


def _tokens(code: str) -> list[str]:
    return re.findall(r"\w+|[^\s\w]", code)


def _like_a_solution_line(span: str, solution_code: str) -> bool:
    import difflib

    mine = _tokens(span)
    if len(mine) < 8:
        return False
    for line in solution_code.splitlines():
        code = re.sub(r"^\s*(if|return|elif)\s+|:\s*(#.*)?$", "", line.split("  #")[0])
        theirs = _tokens(code)
        if len(theirs) >= 8:
            blocks = difflib.SequenceMatcher(None, theirs, mine).get_matching_blocks()
            if sum(b.size for b in blocks) >= 0.8 * len(theirs):
                return True
    return False


@pytest.mark.parametrize("d", list(_all_exercises()), ids=lambda d: d.id)
def test_no_hint_contains_the_reference_answer(d) -> None:
    namespace = _namespace()
    for hint in d.hints:
        spans = _SPAN.findall(hint)
        if isinstance(d, Numeric):
            assert not _number_pattern(d.answer).search(hint), (hint, d.answer)
            for piece in [*spans, *_ARITHMETIC.findall(hint)]:
                assert not _evaluates_to(piece, d.answer, namespace), (hint, piece)
        if isinstance(d, MultipleChoice):
            for option in d.options:
                if option.correct and len(option.text) >= 3:
                    assert option.text.lower() not in hint.lower(), hint
        if isinstance(getattr(d, "answer", None), str) and not isinstance(d, MultipleChoice):
            assert not re.search(rf"\b{re.escape(d.answer)}\b", hint, re.I), hint
        if d.kind == "classify this network":
            assert len(_SIDE.findall(hint)) < 3, hint  # where every measure is: the type
            assert not any(p.search(hint) for p in _TYPE_DEFINITIONS), hint
        if d.kind == "code":
            for span in spans:
                assert not _like_a_solution_line(span, d.solution_code), (hint, span)
                filled = d.starter_code.replace("____", span)
                assert filled == d.starter_code or not d.evaluate(filled).correct, (hint, span)


def test_the_hint_checks_catch_what_gave_answers_away() -> None:
    """The checks above flag the hints a first-year student was handed (issue 19)."""
    assert _evaluates_to(_ARITHMETIC.findall("Here: 4 × 0.3 + 1 × 0.1 + 1 × 0.1.")[0], 1.4, {})
    assert _evaluates_to(
        "people.loc[people['age_group'] == '35-50', 'ties'].median()", 21.0, _namespace()
    )
    assert len(_SIDE.findall("Here: ties above; groups at; diversity score below.")) == 3
    assert _like_a_solution_line(
        "all(person[m] >= medians[m] for m in ['ties', 'groups', 'diversity'])",
        "    if all(person[m] >= medians[m] for m in measures):   # checked first",
    )


# ------------------------------------- item 16: cells that invite edits give one line
EDITED_CELLS = {
    "05 unknown person": (
        "from netind_teach import mynetwork\ntrial = mynetwork.demo_network()",
        'trial.link("Kit", "Bob")',
        "nobody called 'Bob'",
    ),
    "05 the same person twice": (
        "from netind_teach import mynetwork\ntrial = mynetwork.demo_network()",
        'trial.link("Kit", "Kit")',
        "cannot know themselves",
    ),
    "05 a number for a person": (
        "from netind_teach import mynetwork\ntrial = mynetwork.demo_network()",
        'trial.link("Kit", 3)',
        "put the nickname in quotes",
    ),
    "02 rule explorer": (
        "from netind_teach.widgets.typology_explorer import RuleExplorer",
        "explorer = RuleExplorer(person_id=999)",
        "There is no person 999",
    ),
    "02 sample browser": (
        "from netind_teach.widgets.typology_explorer import SampleBrowser",
        "browser = SampleBrowser(person_id=0)",
        "There is no person 0",
    ),
    "02 egonets": (
        'from netind_teach import datasets\negonets = datasets.load("east_york_egonets")',
        "G = egonets[0]",
        "There is no person 0",
    ),
    "01 mystery network": (
        "from netind_teach import model_examples",
        'model_examples.mystery_network("C")',
        "mystery_network(\"A\")",
    ),
    "00 lesson number": (
        "from netind_teach.exercises import for_lesson",
        'ex = for_lesson("9")',
        "lessons with exercises",
    ),
}


@pytest.fixture(scope="module")
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        yield shell
    finally:
        InteractiveShell.clear_instance()


@pytest.mark.parametrize("case", sorted(EDITED_CELLS))
def test_an_edited_cell_shows_one_line_saying_what_to_do(case, shell, capsys) -> None:
    setup, cell, expected = EDITED_CELLS[case]
    assert shell.run_cell(setup).success
    capsys.readouterr()
    result = shell.run_cell(cell)
    shown = capsys.readouterr()
    text = (shown.out + shown.err).strip()
    assert not result.success  # still an error for programmers ...
    assert expected in text  # ... but the learner reads what to do,
    assert len(text.splitlines()) == 1, text  # on one line,
    assert "Traceback" not in text and "File " not in text  # not a traceback
    assert "Fix" in text or "use" in text or "choose" in text
