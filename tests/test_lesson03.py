"""Lesson 03 (the triple revolution): exercise answers against the data and the simulations,
and the revolutions explorer driven from Python."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import nbformat
import networkx as nx
import pytest

from netind_teach import datasets, diffusion, triple_revolution
from netind_teach.exercises import BLANK, Outcome, definitions, for_lesson
from netind_teach.progress import Progress
from netind_teach.triple_revolution import Settings, outcome, summarize
from netind_teach.widget_guard import STRICT_VARIABLE
from netind_teach.widgets.revolutions import RevolutionsExplorer

LESSON = "lessons/03_triple_revolution.ipynb"


@pytest.fixture
def ex(tmp_path):
    return for_lesson("03", progress=Progress(tmp_path / "progress.json"))


def _definition(name):
    return next(d for d in definitions("03") if d.name == name)


# -- exercises: every answer checked against the data it is about -----------------------


def test_every_exercise_reference_passes_wrong_fails_starter_not_attempted():
    for d in definitions("03"):
        assert d.evaluate(d.reference_answer).correct, d.name
        for wrong in d.wrong_examples:
            assert d.evaluate(wrong).outcome is Outcome.INCORRECT, (d.name, wrong)
        assert d.hints and d.explanation


def test_smartphone_half_is_the_first_survey_above_half():
    mobile = datasets.load("pew_mobile_ownership").dropna(subset=["smartphone_percent"])
    above = mobile[mobile["smartphone_percent"] > 50]
    first = above.iloc[0]
    before = mobile[mobile["survey_date"] < first["survey_date"]].iloc[-1]
    assert _definition("smartphone_half").answer == first["survey_date"].year == 2013
    assert (first["smartphone_percent"], first["verification"]) == (56, "S")
    assert (before["survey_date"].year, before["smartphone_percent"]) == (2012, 45)
    # the mistakes name the values of the neighbouring surveys
    messages = dict(_definition("smartphone_half").mistakes)
    assert "45%" in messages[2012] and "58%" in messages[2014]


def test_what_data_say_options_match_the_tables():
    internet = datasets.load("pew_internet_use").set_index("year")
    social = datasets.load("pew_social_media_use")
    mobile = datasets.load("pew_mobile_ownership")
    assert internet.loc[2021, "percent"] == 93 and internet.loc[2023, "percent"] == 95
    assert not internet.loc[2021, "after_mode_change"] and internet.loc[2023, "after_mode_change"]
    by_date = social.set_index(social["survey_date"].dt.strftime("%Y-%m"))
    assert by_date.loc["2005-03", "percent"] == 5 and by_date.loc["2016-11", "percent"] == 69
    assert by_date.loc["2021-02", "after_wording_change"]
    assert not by_date.loc["2016-11", "after_wording_change"]
    smart = mobile.set_index(mobile["survey_date"].dt.strftime("%Y-%m"))["smartphone_percent"]
    assert (smart["2012-02"], smart["2013-05"]) == (45, 56)
    # no survey in the table between the two that bracket the crossing
    dates = mobile["survey_date"].dt.strftime("%Y-%m").tolist()
    assert dates.index("2013-05") == dates.index("2012-02") + 1
    q = _definition("what_data_say")
    assert q.evaluate(["a", "e"]).correct
    assert not q.evaluate(["a", "c", "e"]).correct  # the mode-change trap


def test_halve_weak_ties_answer_matches_the_simulation():
    def informed(share):
        G = triple_revolution.lesson_network(weak_share=share)
        return diffusion.spread(G, 0, steps=15, seed=3, trials=100)[-1]

    full, halved = informed(0.2), informed(0.1)
    q = _definition("halve_weak_ties")
    assert f"about {full:.0f}" in q.question
    assert f"about {halved:.0f}" in q.explanation
    right = next(o.text for o in q.options if o.correct)
    assert "under 100" in right and halved < 100 and halved < full / 2


def test_reach_direct_answer_is_the_expected_reach_of_person_0():
    G = triple_revolution.lesson_network()
    kinds = Counter(kind for _, _, kind in G.edges(0, data="kind"))
    q = _definition("reach_direct")
    for kind in ("strong", "weak", "online"):
        assert f"**{kinds[kind]} {kind}**" in q.question
    expected = sum(triple_revolution.PLACE_BOUND[k] * n for k, n in kinds.items())
    assert q.answer == pytest.approx(expected)
    place = triple_revolution.PLACE_BOUND
    simulated = diffusion.reach(G, place, hops=1, ego=0, trials=20000, seed=5)
    assert simulated.mean == pytest.approx(expected, abs=0.05)
    always = triple_revolution.availability(mobile=True)
    always_expected = sum(always[k] * n for k, n in kinds.items())
    assert dict(q.mistakes)[5.08] and round(always_expected, 2) == 5.08
    assert q.evaluate("1,4 people").correct and q.evaluate(1.4).correct


def test_match_revolutions_has_two_claims_per_revolution():
    q = _definition("match_revolutions")
    assert Counter(c.category for c in q.claims) == dict.fromkeys(q.categories, 2)
    assert q.evaluate(q.reference_answer).correct
    partial = q.evaluate({1: "social network revolution"})
    assert not partial.correct and "not placed yet" in partial.message


def test_exercises_in_the_notebook_exist_and_all_are_shown():
    with open(LESSON, encoding="utf-8") as handle:
        nb = json.load(handle)
    source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    shown = set(re.findall(r"\bex\.([a-z_0-9]+)", source)) - {"progress_bar"}
    assert shown == {d.name for d in definitions("03")}


def test_exercise_checks_count_towards_progress(ex):
    assert ex.smartphone_half.check(BLANK).outcome is Outcome.NOT_ATTEMPTED
    assert ex.smartphone_half.check(2013).correct
    assert ex.status() == f"1 of {len(ex)} done"


# -- the helpers ---------------------------------------------------------------------------


def test_with_mobile_adds_a_second_chance_and_never_lowers():
    place = triple_revolution.PLACE_BOUND
    assert triple_revolution.with_mobile(place, 0.0) == place
    assert triple_revolution.with_mobile(place, 1.0) == dict.fromkeys(place, 1.0)
    for a in (0.1, 0.5, 0.9):
        mobile = triple_revolution.with_mobile(place, a)
        assert all(place[k] <= mobile[k] <= 1 for k in place)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: triple_revolution.with_mobile({"strong": 0.3}, 1.5), ValueError, "between 0"),
        (lambda: triple_revolution.with_mobile({"close": 0.3}, 0.5), ValueError, "kinds are"),
        (lambda: triple_revolution.lesson_network(weak_share="lots"), TypeError, "weak_share"),
        (lambda: triple_revolution.availability(True, -0.1), ValueError, "always_on"),
    ],
)
def test_helpers_reject_bad_input_with_a_sentence(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_lesson_network_switches_only_add_ties():
    boxes = triple_revolution.lesson_network(social=False, internet=False)
    social = triple_revolution.lesson_network(social=True, internet=False)
    full = triple_revolution.lesson_network()
    assert set(boxes.edges) <= set(social.edges) <= set(full.edges)
    assert triple_revolution.cross_group_ties(boxes) == {"strong": 0, "weak": 0, "online": 0}
    assert triple_revolution.cross_group_ties(full)["strong"] == 0
    assert nx.number_connected_components(boxes) > nx.number_connected_components(full)


# -- the explorer ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def explorer():
    return RevolutionsExplorer()


# -- the model behind it: one position of the switches -----------------------------------
def test_outcome_is_the_lesson_network_spread_and_reach() -> None:
    s = Settings(mobile=False, weak_share=0.3)
    result = outcome(s, 0, steps=10, trials=20, hops=2, seed=4)
    G = triple_revolution.lesson_network(s.social, s.internet, s.weak_share, 4)
    assert set(result.network.edges) == set(G.edges)
    curve = diffusion.spread(G, 0, steps=10, seed=4, trials=20)
    assert result.curve.tolist() == curve.tolist()
    trials = triple_revolution.REACH_TRIALS
    reach = diffusion.reach(G, triple_revolution.PLACE_BOUND, hops=2, seed=4, ego=0, trials=trials)
    assert result.reach == reach
    assert result.summary == summarize(curve, reach, 300)


def test_summarize_rounds_the_figures_and_finds_the_step_to_30() -> None:
    reach = diffusion.ReachResult(mean=10 / 3, counts=(3, 3, 4), possible=7)
    summary = summarize([1.0, 29.99, 30.0, 61.234], reach, 300)
    assert summary == {
        "informed": 61.2,
        "share_informed": round(61.234 / 300, 3),
        "steps_to_30": 2,
        "reach_mean": 3.33,
        "reach_possible": 7,
        "reach_share": round(10 / 21, 3),
    }
    assert summarize([1.0, 2.0], reach, 300)["steps_to_30"] is None


def test_picture_text_names_both_charts_with_their_values() -> None:
    text = triple_revolution.picture_text(
        [1.0, 2.0], [1.0, 5.0], {"reach_mean": 3.25, "reach_possible": 9}, 2
    )
    assert "only strong ties (little boxes)" in text and "with the switches as set" in text
    assert "3.2 of 9 people within 2 steps" in text


def test_explorer_shows_the_models_outcome(explorer):
    expected = outcome(
        explorer.settings, 0, steps=explorer.steps, trials=explorer.trials, seed=explorer.seed
    )
    assert explorer.summary == expected.summary
    assert explorer.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "synthetic" in explorer.text.value.lower() and explorer.error == ""


def test_switching_revolutions_changes_the_measures(explorer):
    explorer.social.value, explorer.internet.value = True, True
    full = explorer.summary["informed"]
    picture = explorer.image.value
    explorer.internet.value = False
    explorer.social.value = False
    assert explorer.summary["informed"] < 12 < full  # the news stays in one group of 10
    assert explorer.summary["steps_to_30"] is None
    assert explorer.image.value != picture
    assert "little boxes" in explorer.text.value
    explorer.social.value = True
    explorer.internet.value = True
    assert explorer.summary["informed"] == full  # seeded: back to the same figure


def test_mobile_switch_and_slider_change_reach_not_news(explorer):
    explorer.mobile.value = True
    explorer.always_on.value = 0.8
    on = dict(explorer.summary)
    explorer.mobile.value = False
    off = dict(explorer.summary)
    assert explorer.always_on.disabled
    assert off["reach_mean"] < on["reach_mean"] / 2
    assert off["informed"] == on["informed"] and off["reach_possible"] == on["reach_possible"]
    explorer.mobile.value = True
    assert not explorer.always_on.disabled
    means = []
    for value in (0.0, 0.3, 0.6, 0.9):
        explorer.always_on.value = value
        means.append(explorer.summary["reach_mean"])
    assert means == sorted(means) and means[0] < means[-1]
    explorer.always_on.value = 0.8


def test_weak_share_slider_changes_the_news(explorer):
    explorer.social.value, explorer.internet.value = True, True
    explorer.weak_share.value = 0.0
    none = explorer.summary["informed"]
    explorer.weak_share.value = 0.5
    many = explorer.summary["informed"]
    explorer.weak_share.value = triple_revolution.WEAK_SHARE
    assert none < 12 and many > 250


def test_out_of_range_values_are_clamped_not_raised(explorer):
    explorer.weak_share.value = 3.0
    assert explorer.weak_share.value == explorer.weak_share.max and explorer.error == ""
    explorer.always_on.value = -1
    assert explorer.always_on.value == 0.0 and explorer.error == ""
    explorer.weak_share.value = triple_revolution.WEAK_SHARE
    explorer.always_on.value = triple_revolution.ALWAYS_ON


def test_a_failing_update_shows_a_message_not_a_traceback(monkeypatch, capsys):
    x = RevolutionsExplorer(trials=5)

    def broken(*args, **kwargs):
        raise ValueError("simulated failure")

    monkeypatch.setattr(diffusion, "spread", broken)
    with pytest.raises(ValueError, match="simulated failure"):  # strict mode: tests see it
        x.social.value = False
    monkeypatch.setenv(STRICT_VARIABLE, "")  # what a learner has
    x.social.value = True  # must not raise
    assert "simulated failure" in x.error and "Could not update" in x.text.value
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"person": 999}, ValueError, "0 to 299"),
        ({"colour": "red"}, TypeError, "Unknown setting"),
        ({"weak_share": 2}, ValueError, "weak_share"),
        ({"steps": 0}, ValueError, "steps"),
    ],
)
def test_explorer_rejects_bad_arguments_with_a_sentence(kwargs, error, words):
    with pytest.raises(error, match=words):
        RevolutionsExplorer(**kwargs)


def test_explorer_updates_print_nothing(explorer, capsys):
    # Update latency is measured in benchmarks/ (make bench), not asserted here.
    for i in range(10):
        match i % 5:
            case 0:
                explorer.social.value = not explorer.social.value
            case 1:
                explorer.internet.value = not explorer.internet.value
            case 2:
                explorer.mobile.value = not explorer.mobile.value
            case 3:
                explorer.weak_share.value = round(0.05 * (i % 11), 2)
            case _:
                explorer.always_on.value = round(0.05 * (i % 21), 2)
        assert explorer.error == ""
    assert capsys.readouterr().out == ""


def test_importing_the_module_does_not_import_plotting_or_widgets():
    code = (
        "import sys, netind_teach.widgets.revolutions; "
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ----------------------------------------- issue 19 items 20 and 21: explorer and lesson agree
def _stored_outputs(name_part: str) -> str:
    nb = nbformat.read(LESSON, as_version=4)
    cells = [c for c in nb.cells if c.cell_type == "code" and name_part in c.source]
    return "".join(o.get("text", "") for c in cells for o in c.get("outputs", []))


def test_explorer_and_lesson_table_give_the_same_figures() -> None:
    x = RevolutionsExplorer(mobile=False)
    informed = f"{x.summary['informed']:.1f}"
    assert f"with 20% weak ties: {informed} people after 15 steps" in _stored_outputs(
        "with 20% weak ties"
    )
    assert informed in x.text.value
    table = _stored_outputs("diffusion.reach(G, probabilities")
    place_bound_two_hops = re.search(r"place-bound\s+2\s+([\d.]+)", table).group(1)
    assert f"{x.summary['reach_mean']:.2f}" == place_bound_two_hops


def test_match_revolutions_comes_after_the_simulations_are_explained() -> None:
    nb = nbformat.read(LESSON, as_version=4)
    sources = [c.source for c in nb.cells]
    exercise = sources.index("ex.match_revolutions")
    assert exercise > next(i for i, s in enumerate(sources) if "## Simulation 2" in s)
    assert exercise > next(i for i, s in enumerate(sources) if "diffusion.reach(G, prob" in s)
    numbers = [int(n) for n in re.findall(r"### Exercise (\d+)", "\n".join(sources))]
    assert numbers == sorted(numbers) == list(range(1, len(numbers) + 1))


def test_weak_ties_slider_is_off_without_weak_ties_and_says_why() -> None:
    x = RevolutionsExplorer(trials=5)
    assert not x.weak_share.disabled
    x.social.value = False
    assert not x.weak_share.disabled  # online ties still use it
    x.internet.value = False
    assert x.weak_share.disabled
    assert "no weak ties to share out" in x.text.value
    x.internet.value = True
    assert not x.weak_share.disabled and "no weak ties to share out" not in x.text.value
