"""Lesson 01 (origins): its exercises' answers, its networks, and the continuum explorer.

The generic registry test already checks that every reference answer passes and every
``wrong_examples`` entry fails; here the answers are tied to what the package computes,
the "which model?" networks are checked against the descriptions the lesson gives, and
the explorer is driven from Python the way a learner drives it in the browser.
"""

from __future__ import annotations

import os
import subprocess
import sys

import matplotlib
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import egonet, models
from netind_teach import model_examples as M
from netind_teach.egonet import measures_table, network_measures
from netind_teach.exercises import Exercise, Outcome, definitions
from netind_teach.exercises import lesson01 as L
from netind_teach.progress import Progress
from netind_teach.widget_guard import STRICT_VARIABLE
from netind_teach.widgets import continuum
from netind_teach.widgets.continuum import ContinuumExplorer

matplotlib.use("Agg")


def _definition(name: str):
    return next(d for d in definitions("01") if d.name == name)


@pytest.fixture
def store(tmp_path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


def _check(name: str, answer, store: Progress):
    return Exercise(_definition(name), progress=store).check(answer)


# -- exercise answers ---------------------------------------------------------------------
def test_lesson_has_every_required_kind() -> None:
    kinds = [d.kind for d in definitions("01")]
    assert kinds.count("multiple choice") >= 1
    assert {"numeric", "code", "classify this network"} <= set(kinds)


def test_density_answer_is_what_the_package_computes(store: Progress) -> None:
    G = M.six_people()
    expected = egonet.alter_density(G)
    assert _definition("density_by_hand").answer == pytest.approx(expected)
    assert expected == pytest.approx(5 / 15)  # 3 family ties + 2 work ties, 6 alters
    for typed in ("0.33", "0,33", "0.333", 1 / 3):
        assert _check("density_by_hand", typed, store).outcome is Outcome.CORRECT, typed
    # Counting ego too is the classic mistake: it gets its own message.
    wrong = _check("density_by_hand", nx.density(G), store)
    assert wrong.outcome is Outcome.INCORRECT and "ego" in wrong.message


def test_code_cases_are_the_package_answers() -> None:
    d = _definition("write_alter_density")
    assert len(d.cases) == 7
    for case in d.cases:
        (G,) = case.args
        assert case.expected == pytest.approx(egonet.alter_density(G))
    # the three model networks of the lesson's panel are among the cases
    panel = M.model_networks()
    for G in panel.values():
        assert any(nx.utils.graphs_equal(G, c.args[0]) for c in d.cases)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 12), p=st.floats(0, 1), seed=st.integers(0, 10_000))
def test_reference_alter_density_agrees_with_egonet(n: int, p: float, seed: int) -> None:
    G = nx.gnp_random_graph(n + 1, p, seed=seed)
    G = nx.relabel_nodes(G, {0: "ego"})
    assert L.alter_density(G) == pytest.approx(egonet.alter_density(G))


def test_code_exercise_accepts_source_text_and_rejects_the_ego_mistake(store: Progress) -> None:
    d = _definition("write_alter_density")
    source = d.solution_text().removeprefix("```python\n").removesuffix("\n```")
    assert _check("write_alter_density", source, store).outcome is Outcome.CORRECT
    mistake = _check("write_alter_density", lambda G: nx.density(G), store)
    assert mistake.outcome is Outcome.INCORRECT and "Case 1" in mistake.message


def test_multiple_choice_answers(store: Progress) -> None:
    assert _check("operating_system", ["a", "b", "c"], store).correct
    assert _check("little_boxes_traits", "a, b, c", store).correct
    assert _check("when_it_began", "b", store).correct
    assert not _check("when_it_began", "c", store).correct  # social media fostered, later
    assert not _check("little_boxes_traits", ["a", "b"], store).correct


def test_which_model_answers_are_the_generators_that_made_them(store: Progress) -> None:
    assert _definition("which_model_a").answer == M.MYSTERY_A[0] == models.MODELS[1]
    assert _definition("which_model_b").answer == M.MYSTERY_B[0] == models.MODELS[2]
    for name, other in (("which_model_a", models.MODELS[2]), ("which_model_b", models.MODELS[1])):
        assert _check(name, _definition(name).answer, store).correct
        assert not _check(name, other, store).correct
        assert not _check(name, models.MODELS[0], store).correct


# -- the networks of the exercises ----------------------------------------------------------
def test_anonymous_network_keeps_the_structure_and_hides_the_model() -> None:
    _model, kwargs = M.MYSTERY_A
    original = models.glocalized(**kwargs)
    H = M.mystery_network("A")
    assert nx.is_isomorphic(original, H)
    assert "model" not in H.graph
    alters = [n for n in H if n != "ego"]
    assert all(n.startswith("p") and n[1:].isdigit() for n in alters)
    assert all("category" not in H.nodes[n] for n in alters)
    assert {H.nodes[n]["circle"] for n in alters} == {f"circle {i}" for i in range(1, 5)}
    assert sorted(H.nodes[n]["place"] for n in alters) == sorted(
        original.nodes[n]["place"] for n in original if n != "ego"
    )
    # the generator's labels cannot be read back from the anonymous copy
    text = repr(H.graph) + repr(list(H.nodes(data=True)))
    assert "household" not in text and "kin" not in text


def test_mystery_network_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="'A' and 'B'"):
        M.mystery_network("C")


def test_mystery_descriptions_match_the_networks() -> None:
    a, b = M.mystery_network("A"), M.mystery_network("B")
    a_alters = [n for n in a if n != "ego"]
    # A: 19 people, 4 circles, every circle completely knit, 2 circles wholly distant
    assert len(a_alters) == 19
    circles = {}
    for n in a_alters:
        circles.setdefault(a.nodes[n]["circle"], []).append(n)
    assert len(circles) == 4
    for members in circles.values():
        assert all(a.has_edge(u, v) for i, u in enumerate(members) for v in members[i + 1 :])
    places = [{a.nodes[n]["place"] for n in members} for members in circles.values()]
    assert sorted(map(sorted, places)) == [["distant"], ["distant"], ["local"], ["local"]]
    # B: 18 people, 3 circles, distant people inside mixed circles, 3 in two circles
    b_alters = [n for n in b if n != "ego"]
    assert len(b_alters) == 18
    assert sum("second_circle" in b.nodes[n] for n in b_alters) == 3
    assert egonet.alter_density(b) < egonet.alter_density(a)


def test_signature_reasons_describe_the_model_without_naming_it() -> None:
    a = M.signature(M.mystery_network("A"))
    b = M.signature(M.mystery_network("B"))
    assert "100% of the pairs" in a[1] and "whole circles live at a distance (2 of 4)" in a[2]
    assert "spread over" in b[2] and b[3] == "3 people belong to two circles"
    for reasons in (a, b):
        text = " ".join(reasons).lower()
        assert not any(word in text for word in ("little boxes", "glocal", "networked"))
    assert _definition("which_model_a").reasons == a


def test_model_panel_shows_each_models_signature() -> None:
    table = measures_table(M.model_networks())
    boxes, glocal, networked = (table.loc[name] for name in models.MODELS)
    assert boxes["density"] > glocal["density"] > networked["density"]
    assert boxes["circles"] == 1 and glocal["circles"] > 1 and networked["circles"] > 1
    assert boxes["bridging ties"] == 0 and networked["bridging ties"] > 0
    assert boxes["share at a distance"] == 0 < networked["share at a distance"]
    assert networked["clustering"] > networked["density"]  # tight circles, sparse whole


# -- helpers of the widgets module -----------------------------------------------------------
def test_network_measures_round_and_count_labelled_circles() -> None:
    G = M.six_people()
    m = network_measures(G)
    assert m == {
        "people": 6,
        "density": 0.33,
        "clustering": round(egonet.alter_clustering(G), 2),
        "circles": 2,
        "bridging ties": 0,
        "share at a distance": 0.0,
    }
    assert [name for name, _ in continuum.MEASURES] == list(m)


def test_measures_table_rejects_empty_input() -> None:
    with pytest.raises(ValueError, match="non-empty mapping"):
        measures_table({})


def test_importing_the_module_loads_neither_matplotlib_nor_ipywidgets() -> None:
    code = (
        "import sys, netind_teach.widgets.continuum, netind_teach.exercises.lesson01;"
        "print(any(m in sys.modules for m in ('matplotlib', 'ipywidgets')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    assert out.stdout.strip() == "False"


# -- the explorer, driven from Python -----------------------------------------------------------
@pytest.fixture(scope="module")
def explorer() -> ContinuumExplorer:
    return ContinuumExplorer(seed=1)


def test_explorer_starts_at_little_boxes(explorer: ContinuumExplorer) -> None:
    explorer.n_alters.value, explorer.n_circles.value, explorer.p.value = 20, 4, 0.0
    m = explorer.measures
    assert m["circles"] == 1 and m["bridging ties"] == 0 and m["share at a distance"] == 0
    assert m["density"] > 0.7
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert "little boxes" in explorer.status.value.lower()
    assert "local group" in explorer.legend.value


def test_explorer_slider_moves_the_measures(explorer: ContinuumExplorer) -> None:
    explorer.n_alters.value, explorer.n_circles.value = 20, 4
    densities = []
    for p in (0.0, 0.5, 1.0):
        explorer.p.value = p
        assert explorer.graph.graph["p"] == p
        assert explorer.measures == network_measures(models.community_continuum(p, seed=1))
        densities.append(explorer.measures["density"])
    assert densities == sorted(densities, reverse=True) and densities[0] > densities[-1]
    assert explorer.measures["circles"] == 4
    assert "density" in explorer.table.value and str(explorer.measures["density"]) in (
        explorer.table.value
    )
    before = bytes(explorer.image.value)
    explorer.p.value = 0.5
    assert explorer.image.value != before


def test_explorer_second_controls(explorer: ContinuumExplorer) -> None:
    explorer.p.value = 1.0
    explorer.n_alters.value = 20
    explorer.n_circles.value = 6
    assert explorer.measures["circles"] == 6
    explorer.n_alters.value = 30
    assert explorer.measures["people"] == 30
    assert explorer.graph.number_of_nodes() == 31


def test_explorer_impossible_combination_gives_a_message(explorer: ContinuumExplorer) -> None:
    explorer.p.value, explorer.n_circles.value, explorer.n_alters.value = 1.0, 4, 20
    kept = dict(explorer.measures)
    picture = bytes(explorer.image.value)
    explorer.n_alters.value = 6
    explorer.n_circles.value = 8  # more circles than people: no exception, a message
    assert explorer.error.startswith("Too many circles")
    assert "Too many circles" in explorer.status.value
    assert explorer.measures["people"] == 6 and explorer.image.value != picture
    explorer.n_alters.value = 10  # fixed again: the message goes away
    assert explorer.error == "" and explorer.measures["circles"] == 8
    assert kept != explorer.measures


def test_explorer_never_raises_from_a_callback(explorer: ContinuumExplorer, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(continuum.models, "community_continuum", broken)
    with pytest.raises(RuntimeError, match="boom"):  # strict mode: the test sees the bug
        explorer.p.value = 0.35
    monkeypatch.setenv(STRICT_VARIABLE, "")  # a learner: one line, no traceback
    explorer.p.value = 0.4
    assert "Something went wrong" in explorer.error


def test_explorer_rejects_a_bad_seed() -> None:
    with pytest.raises(TypeError, match="seed must be a whole number"):
        ContinuumExplorer(seed="one")


def test_explorer_redraws_once_per_step() -> None:
    # Update latency is measured in benchmarks/ (make bench), not asserted here.
    explorer = ContinuumExplorer(seed=1)
    steps = [0.05, 0.1, 0.15, 0.2, 0.25, 0.2, 0.15, 0.1, 0.05, 0.0]
    explorer.timings_ms.clear()
    for p in steps:
        explorer.p.value = p
    assert len(explorer.timings_ms) == len(steps)
    assert explorer.error == ""


def test_generator_choices_quoted_in_the_lesson() -> None:
    """The notebook explains bridging ties with these two generator settings."""
    import inspect

    assert inspect.signature(models.glocalized).parameters["between"].default == 0.15
    assert models._P_BETWEEN == 0.02


def test_explorer_redraws_on_one_figure_without_leftovers() -> None:
    explorer = ContinuumExplorer(p=1.0, seed=1)
    fresh = bytes(explorer.image.value)
    ax = explorer._picture.figure.axes[0]
    counts = len(ax.collections), len(ax.texts)
    for p in (0.0, 0.5, 1.0):
        explorer.p.value = p
    assert explorer._picture.figure.axes == [ax]
    assert (len(ax.collections), len(ax.texts)) == counts
    assert bytes(explorer.image.value) == fresh  # the same picture as a new explorer's


# --------------------------------- issue 19 item 13: which-model feedback speaks of models
@pytest.mark.parametrize("name", ["which_model_a", "which_model_b"])
@pytest.mark.parametrize(
    "answer", ["little boxes", "glocal", "networked individualism", "banana", 3]
)
def test_which_model_feedback_speaks_of_models_not_types(name: str, answer) -> None:
    q = _definition(name)
    message = q.evaluate(answer).message
    for typology_word in ("rule", "type", "networked'", "bounded", "limited"):
        assert typology_word not in message, (answer, message)
    assert "model" in message or "What the drawing shows" in message, message
