"""Lesson 06 (living networked): support routing, niches, audiences, their widgets, the data.

Expected figures are typed from the course's fact sheet (facts.md, section 7), not copied
from the CSV files; the exercise answers must be what the package computes from the data.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from netind_teach import audiences, datasets, niches, support
from netind_teach._resources import datasets_dir
from netind_teach.exercises import Outcome, definitions, for_lesson
from netind_teach.exercises import lesson06 as L
from netind_teach.progress import Progress

LESSON = Path(__file__).resolve().parents[1] / "lessons" / "06_living_networked.ipynb"


@pytest.fixture
def ex(tmp_path: Path):
    return for_lesson("06", progress=Progress(tmp_path / "p.json", notify=lambda _m: None))


def definition(name: str):
    return next(d for d in definitions("06") if d.name == name)


# -- the data against the fact sheet -------------------------------------------------------
def test_pew_privacy_matches_facts() -> None:
    pew = datasets.load("pew_privacy")
    got = {(r.measure_id, r.year): (r.percent, r.verification) for r in pew.itertuples()}
    expected = {
        ("searched_own_name", 2006): (47, "P"),
        ("searched_own_name", 2009): (57, "P"),
        ("network_profile", 2006): (20, "P"),
        ("network_profile", 2009): (46, "P"),
        ("searched_past", 2006): (36, "P"),
        ("searched_past", 2009): (46, "P"),
        ("limited_settings", 2009): (71, "P"),
        ("companies_concern", 2019): (79, "P"),
        ("government_concern", 2019): (64, "P"),
        ("companies_understand_little", 2019): (59, "P"),
        ("less_secure", 2019): (70, "P"),
        ("companies_risks_outweigh", 2019): (81, "S"),
        ("government_risks_outweigh", 2019): (66, "S"),
        ("government_concern", 2023): (71, "P"),
        ("companies_understand_little", 2023): (67, "P"),
        ("trust_own_decisions", 2023): (78, "P"),
        ("doubt_difference", 2023): (61, "P"),
        ("companies_concern", 2023): (81, "S"),
        ("little_control_companies", 2023): (73, "S"),
        ("little_control_government", 2023): (79, "S"),
        ("agree_without_reading", 2023): (56, "S"),
    }
    assert got == expected


def test_bakshy_exposure_matches_facts() -> None:
    table = datasets.load("bakshy_exposure").sort_values("stage_order")
    assert list(table["stage"]) == ["friends", "shared", "seen", "clicked"]
    assert list(table["percent_cross_cutting"]) == [23.0, 29.5, 28.9, 24.9]
    assert list(table["measured_on"]) == ["people", "content", "content", "content"]
    card = datasets.card("bakshy_exposure")
    assert "release" in card and "not the figures of the paper" in card


def test_support_network_is_the_generators_output_and_labelled_synthetic() -> None:
    data = (Path(str(datasets_dir())) / "support_network_synthetic.csv").read_text("utf-8")
    assert data == support.support_table_csv(support.SUPPORT_SEED)
    card = datasets.card("support_network_synthetic")
    assert "SYNTHETIC" in card and "generate_support_network(seed=1990)" in card
    assert "not public" in card
    package = json.loads((Path(str(datasets_dir())) / "datapackage.json").read_text("utf-8"))
    entry = next(r for r in package["resources"] if r["name"] == "support_network_synthetic")
    assert entry["kind"] == "synthetic" and entry["generator"]["seed"] == support.SUPPORT_SEED


# -- support routing ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def network():
    return datasets.load("support_network_synthetic")


def test_the_synthetic_network_follows_the_direction_of_the_findings(network) -> None:
    kinds = dict(zip(network["alter_id"], network["tie_kind"], strict=True))
    # financial aid only from parents and adult children
    assert {kinds[a] for a in support.helpers(network, "money")} == {"parent or adult child"}
    # every alter gives something, and most give specialized support (at most two kinds)
    gives = network[[c for c in network.columns if c.startswith("gives_")]]
    assert (gives.sum(axis=1) >= 1).all()
    assert (gives.sum(axis=1) <= 2).mean() > 0.5


def test_route_needs_and_needs_lost(network) -> None:
    routed = support.route_needs(network)
    assert list(routed) == list(support.NEEDS)
    assert all(routed.values())
    assert support.needs_lost(network, "parent or adult child") == ("money",)
    for kind in support.TIE_KINDS:
        lost = support.needs_lost(network, kind)
        left = support.route_needs(support.without_kind(network, kind))
        assert all(not left[need] for need in lost)
        assert all(left[need] for need in support.NEEDS if need not in lost)


def test_helpers_by_kind_adds_up(network) -> None:
    table = support.helpers_by_kind(network)
    for need, counts in table.items():
        assert sum(counts.values()) == len(support.helpers(network, need))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda n: support.helpers(n, "a hug"), "is not a need"),
        (lambda n: support.without_kind(n, "cousin"), "is not a kind of tie"),
        (lambda n: support.route_needs("network"), "support_network_synthetic"),
    ],
)
def test_bad_input_gets_a_sentence(network, call, message) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        call(network)


def test_support_router_widget(network) -> None:
    from netind_teach.widgets.support_router import NOTHING, SupportExplorer

    x = SupportExplorer(network)
    assert x.remove.description and x.lost == ()
    assert "role='status'" in x.status.value and "SYNTHETIC" in x.table.value
    x.remove.value = "parent or adult child"
    assert x.lost == ("money",) and "money" in x.summary
    assert "(none left)" in x.table.value
    x.remove.value = "friend"
    assert x.lost == () and "every need still has a helper" in x.summary
    x.remove.value = NOTHING
    assert x.removed is None


# -- niches -----------------------------------------------------------------------------------
def test_more_preference_means_less_from_the_other_side() -> None:
    shares = [niches.other_side_share(niches.niche_network(preference=p / 10)) for p in range(11)]
    assert shares[0] == pytest.approx(0.5, abs=0.05)
    assert shares[-1] == 0.0
    assert all(a > b for a, b in itertools.pairwise(shares))


def test_niche_network_is_seeded_and_checks_its_input() -> None:
    a, b = niches.niche_network(seed=4), niches.niche_network(seed=4)
    assert sorted(a.edges) == sorted(b.edges)
    assert "synthetic" in a.graph["name"]
    for bad in ({"preference": 2}, {"n": 7}, {"ties": 0}):
        with pytest.raises(ValueError, match="must be"):
            niches.niche_network(**bad)
    with pytest.raises(TypeError, match="preference must be a number between 0 and 1"):
        niches.niche_network(preference="high")  # not a number: a TypeError, as in models


def test_seen_share_and_the_published_funnel() -> None:
    assert niches.seen_share(0.3) == pytest.approx(0.3)
    assert niches.seen_share(0.3, 0.0) == 0.0
    assert niches.seen_share(0.5, 0.5) == pytest.approx(1 / 3)
    drops = niches.funnel_drops(datasets.load("bakshy_exposure"))
    assert drops == [
        ("shared", "seen", pytest.approx(0.6)),
        ("seen", "clicked", pytest.approx(4.0)),
    ]
    assert niches.largest_drop(datasets.load("bakshy_exposure"))[:2] == ("seen", "clicked")


def test_niche_explorer_widget() -> None:
    from netind_teach.widgets.niches import NicheExplorer

    x = NicheExplorer()
    assert x.preference_box.description and x.share == pytest.approx(
        niches.other_side_share(niches.niche_network(preference=0.0))
    )
    first = x.image.value
    assert first[:8] == b"\x89PNG\r\n\x1a\n"
    x.preference_box.value = 0.5
    assert x.image.value != first
    assert f"{x.share:.0%}" in x.summary and "role='status'" in x.status.value
    assert "synthetic" in x.caption.value.lower() and "Picture in words" in x.caption.value


def test_niche_plot_title_says_synthetic_and_bars_show_the_people() -> None:
    from netind_teach.widgets.niches import NicheExplorer

    x = NicheExplorer(draw=False)
    x.preference_box.value = 0.3
    assert x._png()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "SYNTHETIC" in x._ax.get_title()
    heights = [bar.get_height() for bar in x._bars]
    assert sum(heights) == len(x.by_person) == 200
    zero = sum(1 for v in x.by_person.values() if v < 0.05)
    assert heights[0] == zero


# -- audiences ----------------------------------------------------------------------------------
def test_topics_and_views() -> None:
    assert audiences.topics_in("Off to a job INTERVIEW!") == ("job hunting",)
    assert audiences.topics_in("nothing here") == ()
    view = audiences.audience_view(["health", "family news"], L.NIGHTMARE_CIRCLES)
    assert view.nightmare == "public followers"
    assert set(view.nightmare_topics) == {"health", "family news"}
    assert view.collapsed
    calm = audiences.audience_view(["hobby"], ["climbing club"])
    assert not calm.collapsed and calm.nightmare is None
    assert "choose at least one circle" in audiences.describe(audiences.audience_view([], []))
    with pytest.raises(ValueError, match="is not a circle"):
        audiences.audience_view(["hobby"], ["aliens"])
    with pytest.raises(ValueError, match="is not a topic"):
        audiences.audience_view(["gossip"], ["family"])


def test_audiences_widget_saves_nothing(tmp_path: Path, monkeypatch) -> None:
    from netind_teach.widgets.audiences import AudiencesExplorer

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETIND_TEACH_HOME", str(tmp_path / "home"))
    before = set(tmp_path.rglob("*"))
    x = AudiencesExplorer()
    assert x.post.description and all(box.description for box in x.seen.values())
    x.post.value = "My secret: I have a doctor's appointment about my anxious thoughts"
    assert x.view.nightmare == "your manager"
    for name, box in x.seen.items():
        box.value = name in ("climbing club",)
    assert "Nightmare reader: nobody" in x.summary and "Surprised" in x.summary
    x.sample.value = audiences.SAMPLE_POSTS[1]
    assert x.post.value == audiences.SAMPLE_POSTS[1]
    assert "role='status'" in x.status.value
    assert set(tmp_path.rglob("*")) == before  # nothing written anywhere here


def test_widget_modules_stay_light() -> None:
    code = (
        "import sys, netind_teach.widgets.audiences, netind_teach.widgets.niches, "
        "netind_teach.widgets.support_router, netind_teach.exercises.lesson06; "
        "print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    )
    env = dict(os.environ)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == ["False", "False"]


# -- exercises ---------------------------------------------------------------------------------
def test_answers_are_computed_from_the_data(network) -> None:
    left = support.route_needs(support.without_kind(network, "parent or adult child"))
    assert definition("moving_left").answer == len(left["help moving house"])
    assert definition("privacy_rise").answer == 71 - 64  # facts.md: 64% (2019), 71% (2023)
    assert definition("friends_cross").answer == 23.0
    share = 100 * niches.other_side_share(niches.niche_network(preference=0.5))
    assert definition("niche_share").answer == pytest.approx(share)
    right = next(o.text for o in definition("nightmare").options if o.correct)
    assert right == "public followers"
    right = next(o.text for o in definition("biggest_step").options if o.correct)
    assert "clicked" in right


@pytest.mark.parametrize(
    ("name", "answer", "says"),
    [
        ("privacy_rise", 71, "2023 share"),
        ("privacy_rise", 10.9, "relative"),
        ("friends_cross", 29.5, "content"),
        ("moving_left", 3, "whole network"),
        ("niche_share", 50, "regard to side"),
    ],
)
def test_common_mistakes_get_their_own_message(ex, name, answer, says) -> None:
    result = getattr(ex, name).check(answer)
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_sort_sides_labels_readers_comments_and_hides_categories(ex) -> None:
    d = definition("sort_sides")
    assert d.categories == L.SIDES
    comments = [c for c in d.claims if "readers' comment" in c.source]
    assert len(comments) >= 4
    assert {c.category for c in comments} >= {"bright side", "dark side"}
    for category in L.SIDES:
        assert sum(c.category == category for c in d.claims) >= 3
    for claim in d.claims:
        assert claim.feedback
        for word in ("bright", "dark side", "depends on how"):
            assert word not in claim.feedback.lower(), claim
    result = ex.sort_sides.check(L._comments_as_findings())
    assert result.outcome is Outcome.INCORRECT
    assert ex.sort_sides.check(d.reference_answer).correct


def test_soda_reflection(ex) -> None:
    assert ex.soda.check(definition("soda").example).correct
    assert ex.soda.check("Soda is bad.").outcome is Outcome.INCORRECT


# -- the notebook ---------------------------------------------------------------------------------
def _cells():
    return json.loads(LESSON.read_text(encoding="utf-8"))["cells"]


def test_notebook_shows_every_exercise_and_the_required_parts() -> None:
    cells = _cells()
    source = "\n".join("".join(c["source"]) for c in cells)
    for d in definitions("06"):
        assert f"ex.{d.name}" in source, d.name
    for needed in (
        "**Questions**",
        "**You will**",
        "**Time**: about 50 minutes",
        "## Key points",
        "## Discussion",
        "## Further reading",
        "SupportExplorer",
        "AudiencesExplorer",
        "NicheExplorer",
        "Nothing you type is saved",
        "readers' comments",
        "microelectronics-based information",
    ):
        assert needed in source, needed
    minutes = re.findall(r"^\| \d\. [^|]+\| (\d+) \|$", "".join(cells[0]["source"]), re.M)
    assert sum(int(m) for m in minutes) == 50


def test_checked_outputs_hold_the_lessons_figures() -> None:
    checked = [c for c in _cells() if "nbval-check-output" in c["metadata"].get("tags", [])]
    outputs = "".join("".join(o.get("text", "")) for c in checked for o in c.get("outputs", []))
    for figure in ("SYNTHETIC", "64    71", "59    67", "23.0%", "29.5%", "24.9%", "4.0 points"):
        assert figure in outputs, figure


def test_every_figure_cell_cites_its_source_and_synthetic_plots_say_so() -> None:
    for cell in _cells():
        text = "".join(cell["source"])
        if cell["cell_type"] == "code" and "plt.subplots" in text:
            assert "Sources:" in text and "set_title" in text
        if cell["cell_type"] == "markdown":
            for figure in ("79%", "64%", "71%", "23%", "29.5%"):
                if figure in text:
                    assert re.search(r"(Pew|Auxier|Bakshy|Madden)", text), (figure, text[:80])
