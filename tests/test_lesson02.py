"""Lesson 02 (the typology): its exercises against the package, its widgets, its notebook.

The generic registry test already checks that every reference answer passes, every
``wrong_examples`` entry fails and every starter is "not attempted"; here the answers are
checked against what the package computes from the synthetic sample, and the widgets are
driven from Python.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from netind_teach import datasets, typology
from netind_teach.exercises import Exercise, Outcome, definitions
from netind_teach.exercises import lesson02 as L
from netind_teach.progress import Progress
from netind_teach.vocab import AGE_GROUPS, TYPES

NOTEBOOK = Path(__file__).resolve().parents[1] / "lessons" / "02_typology.ipynb"


@pytest.fixture(scope="module")
def people() -> pd.DataFrame:
    return datasets.load("east_york_synthetic")


@pytest.fixture(scope="module")
def typed(people: pd.DataFrame) -> pd.DataFrame:
    return typology.classify_sample(people).set_index("person_id", drop=False)


@pytest.fixture(scope="module")
def group_medians(people: pd.DataFrame) -> pd.DataFrame:
    return people.groupby("age_group")[["ties", "groups", "diversity"]].median()


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


def _definition(name: str):
    return next(d for d in definitions("02") if d.name == name)


def _at_every_median(typed: pd.DataFrame, group_medians: pd.DataFrame) -> pd.Series:
    medians = group_medians.loc[typed["age_group"]].set_index(typed.index)
    return (typed[["ties", "groups", "diversity"]] == medians).all(axis=1)


# ----------------------------------------------------------------- classify this network
def classify_defs():
    return [d for d in definitions("02") if d.kind == "classify this network"]


def test_at_least_five_people_of_every_type(typed: pd.DataFrame) -> None:
    defs = classify_defs()
    assert len(defs) >= 5
    assert {d.answer for d in defs} == set(TYPES)
    assert [d.name for d in defs] == [f"person_{pid}" for pid in L.CLASSIFY_PEOPLE]


@pytest.mark.parametrize("pid", L.CLASSIFY_PEOPLE)
def test_classify_answer_and_reasons_come_from_the_package(
    pid: int, typed: pd.DataFrame, store: Progress
) -> None:
    d = _definition(f"person_{pid}")
    row = typed.loc[pid]
    assert d.answer == row["type"]
    person = {m: int(row[m]) for m in typology.MEASURES} | {"age_group": row["age_group"]}
    expected = typology.classify(person, typology.reference_medians("synthetic"))
    assert d.reasons == expected.reasons
    # the question gives the numbers a learner needs, and says the person is synthetic
    assert "synthetic" in d.question.lower() and "synthetic" in d.description.lower()
    assert f"{int(row['ties'])} ties" in d.question
    q = Exercise(d, progress=store)
    assert q.check(row["type"]).correct
    wrong = next(t for t in TYPES if t != row["type"])
    feedback = q.check(wrong)
    assert feedback.outcome is Outcome.INCORRECT
    # issue 19 item 8: what the rule sees, in plain words, without the type and no riddle
    seen, rule = feedback.message.split("\n", 1)[1].split("- Now go through the rule")
    assert row["type"] not in seen and "…" not in feedback.message
    assert "tie-break" not in feedback.message
    for m in typology.MEASURES:
        assert re.search(rf"{m}[a-z ]* {int(row[m])}: (above|exactly at|below) the median", seen)
    assert "networked" in rule and "limited" in rule and "bounded" in rule  # the rule itself


@pytest.mark.parametrize("pid", L.CLASSIFY_PEOPLE)
def test_classify_network_is_the_persons_synthetic_network(pid: int, typed) -> None:
    G = _definition(f"person_{pid}").network()
    assert G.graph["synthetic"] is True and G.graph["person_id"] == pid
    assert G.degree("ego") == typed.loc[pid, "ties"]
    circles = {G.nodes[a]["circle"] for a in G if a != "ego"}
    assert f"in {len(circles)} circles" in _definition(f"person_{pid}").description


def test_borderline_people_are_included(typed, group_medians) -> None:
    at_all = _at_every_median(typed, group_medians)
    chosen = typed.loc[list(L.CLASSIFY_PEOPLE)]
    exact = chosen[at_all.loc[chosen.index]]
    assert len(exact) >= 1 and set(exact["type"]) == {"networked"}  # decided by the tie-break
    limited_first = replace(typology.COURSE_RULE, order=("limited", "networked"))
    flipped = typology.classify_sample(typed.reset_index(drop=True), limited_first)
    flipped = flipped.set_index("person_id")
    assert (flipped.loc[exact.index, "type"] == "limited").all()
    # someone at the median on some measure but not all, whose type is still clear-cut
    medians = group_medians.loc[chosen["age_group"]].set_index(chosen.index)
    some = (chosen[["ties", "groups", "diversity"]] == medians).any(axis=1) & ~at_all.loc[
        chosen.index
    ]
    assert set(chosen.loc[some, "type"]) >= {"limited", "bounded"}


def test_person_notes_are_true_of_the_data(typed) -> None:
    assert typed.loc[33, "ties"] == typed["ties"].max()
    assert typed.loc[33, "diversity"] < typed[typed["age_group"] == "51-64"]["diversity"].median()
    whole = typed["ties"].median()
    under_35 = typed[typed["age_group"] == "under 35"]["ties"].median()
    assert whole < typed.loc[2, "ties"] < under_35
    assert (whole, under_35) == (22, 34)  # the published medians quoted in the note


def test_classify_drawing_colours_each_circle(store: Progress) -> None:
    import matplotlib

    matplotlib.use("Agg")
    d = _definition("person_16")  # 9 circles: more than the palette's 7 colours
    ax = d.draw()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 9 and labels[0].startswith("immediate family")
    assert ax.get_title(loc="left") == "Synthetic person 16 (35-50)"
    widget = Exercise(d, progress=store).widget()
    assert widget.figure is not None
    assert widget.figure.children[0].value[:8] == b"\x89PNG\r\n\x1a\n"


# --------------------------------------------------------------------------- numeric
def test_median_exercise_equals_pandas_on_the_data(people: pd.DataFrame, store) -> None:
    d = _definition("median_ties")
    computed = people.loc[people["age_group"] == L.MEDIAN_AGE_GROUP, "ties"].median()
    assert d.answer == computed == 21  # 21 is also the published median for ages 35-50
    q = Exercise(d, progress=store)
    assert q.check(f"{computed:g}").correct and q.check(computed).correct
    assert q.check(people["ties"].median()).message.startswith("22 is the median of the whole")
    mean = people.loc[people["age_group"] == L.MEDIAN_AGE_GROUP, "ties"].mean()
    assert "mean" in q.check(round(mean, 1)).message
    # issue 19 item 7: the last hint names the tools, it does not hand over the line
    assert ".median()" not in d.hints[-1] and "`people.loc[rows, column]`" in d.hints[-1]


# ------------------------------------------------------------------------------ code
def _solution_function():
    namespace: dict = {}
    exec(_definition("rule_in_code").solution_code, namespace)
    return namespace["course_type"]


def test_code_cases_are_the_whole_sample(typed, group_medians) -> None:
    d = _definition("rule_in_code")
    assert len(d.cases) == len(typed) == 101
    for case, row in zip(d.cases, typed.itertuples(), strict=True):
        person, medians = case.args
        assert person == {m: getattr(row, m) for m in ("ties", "groups", "diversity")}
        assert medians == group_medians.loc[row.age_group].to_dict()
        assert case.expected == row.type


def test_code_solution_passes_and_known_mistakes_fail(store: Progress) -> None:
    d = _definition("rule_in_code")
    q = Exercise(d, progress=store)
    assert q.check(_solution_function()).correct
    assert q.check(d.solution_code).correct  # as typed into the widget
    limited_first = q.check(L._limited_first)
    assert not limited_first.correct and "synthetic person 6" in limited_first.message
    assert not q.check(L._literal_bounded).correct
    assert not q.check(L._strictly_above_first).correct
    assert q.check(d.starter_code).outcome is Outcome.NOT_ATTEMPTED


def test_package_reference_agrees_with_the_solution(typed, group_medians) -> None:
    mine = _solution_function()
    for row in typed.itertuples():
        person = {m: getattr(row, m) for m in ("ties", "groups", "diversity")}
        medians = group_medians.loc[row.age_group].to_dict()
        assert L.course_type(person, medians) == mine(person, medians) == row.type


# ------------------------------------------------------------------ other exercises
def test_overlap_and_reflection(store: Progress) -> None:
    overlap = Exercise(_definition("overlap"), progress=store)
    assert overlap.check("c").correct and not overlap.check("a").correct
    reflection = _definition("limited_word")
    assert "does not measure density" in reflection.question
    q = Exercise(reflection, progress=store)
    assert q.check(reflection.example).correct
    assert not q.check("It is unfair.").correct
    assert store.reflection("02", "limited_word") == reflection.example  # accepted text kept


# ------------------------------------------------------------------------- widgets
@pytest.fixture(scope="module")
def browser():
    import matplotlib

    matplotlib.use("Agg")
    from netind_teach.widgets.typology_explorer import SampleBrowser

    return SampleBrowser(person_id=6)


@pytest.fixture
def explorer():
    from netind_teach.widgets.typology_explorer import RuleExplorer

    return RuleExplorer(person_id=6)


def test_browser_shows_measures_type_and_reasons(browser, typed) -> None:
    browser.show(6)
    assert browser.type == "networked"
    assert all(word == "at" for *_, word in browser.measures.values())
    assert "tie-break makes this person networked" in " ".join(browser.reasons)
    first_png = browser.image.value
    assert first_png[:8] == b"\x89PNG\r\n\x1a\n"
    browser.person.value = 33  # as a learner picking from the list
    assert browser.person_id == 33 and browser.type == typed.loc[33, "type"] == "bounded"
    assert browser.measures["ties"] == (63, 15.0, "above")
    assert browser.measures["diversity"][2] == "below"
    assert browser.network["alters"] == 63
    assert 0 < browser.network["density"] < 1
    assert browser.image.value != first_png
    assert "Synthetic person 33" in browser.measures_html.value
    assert "<b>Type: bounded</b>" in browser.reasons_html.value


def test_browser_filter_by_type(browser, typed) -> None:
    browser.show(16)  # networked
    browser.type_filter.value = "limited"
    ids = [value for _, value in browser.person.options]
    assert ids == typed.index[typed["type"] == "limited"].tolist()
    assert browser.person_id in ids and browser.type == "limited"
    browser.show(16)  # not in the filtered list: the filter resets to "all"
    assert browser.type_filter.value == "all" and browser.person_id == 16
    assert len(browser.person.options) == 101


@pytest.mark.parametrize("bad", [999, 0, "six", None, 6.5, True])
def test_browser_bad_person_gives_a_message(browser, bad) -> None:
    browser.show(2)
    browser.show(bad)
    assert "There is no person" in browser.message and "1 to 101" in browser.message
    assert browser.person_id == 2
    assert "There is no person" in browser.status.value
    browser.show(2)
    assert browser.message == "" and browser.status.value == ""


def test_explorer_starts_with_the_course_rule(explorer, typed) -> None:
    assert explorer.rule == typology.COURSE_RULE
    counts = typed["type"].value_counts()
    assert explorer.counts == {t: int(counts[t]) for t in TYPES}
    expected = typology.shares(typed.reset_index(drop=True))
    pd.testing.assert_frame_equal(explorer.shares, expected.reindex(["all", *AGE_GROUPS]))
    assert explorer.moved == 0 and explorer.person_type == "networked"
    assert "synthetic" in explorer.chart.value
    assert "34.7% (35)" in explorer.table_html.value


def test_explorer_tie_break_moves_only_people_at_every_median(
    explorer, typed, group_medians
) -> None:
    explorer.order.value = ("limited", "networked")
    at_all = _at_every_median(typed, group_medians)
    assert explorer.moved == int(at_all.sum()) >= 1
    assert explorer.person_type == "limited"
    assert "was networked under the course rule" in explorer.person_html.value
    assert "networked → limited" in explorer.moved_html.value


def test_explorer_sample_medians_and_measures(explorer, people) -> None:
    explorer.scope.value = "sample median"
    expected = typology.classify_sample(people, typology.Rule(thresholds="sample median"))
    assert (explorer.classified["type"] == expected["type"]).all()
    assert explorer.moved > 0
    explorer.use["groups"].value = False
    assert explorer.rule.measures == ("ties", "diversity")
    expected = typology.classify_sample(
        people, typology.Rule(measures=("ties", "diversity"), thresholds="sample median")
    )
    assert explorer.counts == expected["type"].value_counts().reindex(TYPES, fill_value=0).to_dict()


def test_explorer_fixed_thresholds(explorer, people) -> None:
    assert explorer.scope.disabled is False and explorer.fixed["ties"].disabled is True
    explorer.thresholds.value = "fixed"
    assert explorer.scope.disabled is True and explorer.fixed["ties"].disabled is False
    before = explorer.counts["networked"]
    explorer.fixed["ties"].value = 40
    assert explorer.rule.thresholds == {"ties": 40, "groups": 2, "diversity": 7}
    assert explorer.counts["networked"] < before
    expected = typology.classify_sample(
        people, typology.Rule(thresholds={"ties": 40, "groups": 2, "diversity": 7})
    )
    assert (explorer.classified["type"] == expected["type"]).all()


def test_explorer_no_measure_gives_a_message(explorer) -> None:
    explorer.use["ties"].value = False
    explorer.use["groups"].value = False
    kept = explorer.rule
    explorer.use["diversity"].value = False
    assert explorer.message.startswith("Tick at least one measure")
    assert "Tick at least one measure" in explorer.status.value
    assert explorer.rule == kept  # the last good results stay
    explorer.use["groups"].value = True
    assert explorer.message == "" and explorer.rule.measures == ("groups",)


# ------------------------------------------------------------------------ notebook
def _checked_outputs(nb) -> str:
    texts = []
    for cell in nb.cells:
        if "nbval-check-output" in cell.metadata.get("tags", []):
            for output in cell.outputs:
                texts.append(output.get("text", "") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(texts)


def test_notebook_checked_outputs_match_the_package(typed) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    out = _checked_outputs(nb)
    shares = typology.shares(typed.reset_index(drop=True), by=None).loc["all"].round(1)
    counts = typed["type"].value_counts()
    for t in TYPES:
        assert re.search(rf"{t}\s+{counts[t]}\s+{shares[t]}\s+", out), t
    table2 = typed.groupby("type")[["ties", "groups", "diversity"]].median().astype(int)
    published = typology.published_medians()
    for t in TYPES:
        pub = published[published["type"] == t].set_index("measure")["value"].astype(int)
        values = [*table2.loc[t], *(pub[m] for m in ("ties", "groups", "diversity"))]
        pattern = t + "".join(rf"\s+{v}" for v in values)
        assert re.search(pattern, out), t
    by_age = typology.shares(typed.reset_index(drop=True)).round(1)
    for group in AGE_GROUPS:
        values = r"\s+".join(f"{by_age.loc[group, t]}" for t in TYPES)
        assert re.search(rf"{re.escape(group)}\s+{values}", out), group
    assert "Not attempted" in out


def test_notebook_shows_every_exercise_and_the_widgets() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    source = "\n".join(c.source for c in nb.cells)
    for d in definitions("02"):
        assert f"ex.{d.name}" in source, d.name
    assert "SampleBrowser(" in source and "RuleExplorer(" in source
    for heading in (
        "**Questions**",
        "**Time**: about 50 minutes",
        "lesson 01",
        "## Key points",
        "## Discussion",
        "## Further reading",
        "doi.org/10.1017/nws.2019.28",
    ):
        assert heading in source, heading
    assert "synthetic" in source.lower() and "not public" in source


def test_browser_keeps_each_persons_picture(browser) -> None:
    browser.show(65)
    first = browser.image.value
    browser.show(16)
    browser.show(65)
    assert browser.image.value == first


def test_person_network_names_an_unknown_person_and_the_ids_to_use() -> None:
    G = L.person_network(33)
    assert G.graph["name"] == "synthetic East York person 33" and G.graph["person_id"] == 33
    with pytest.raises(ValueError, match=r"There is no synthetic person 0\. Fix: use an id from 1"):
        L.person_network(0)
