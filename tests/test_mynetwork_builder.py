"""NetworkBuilder driven from Python: controls, methods, saving, export, bad input."""

from __future__ import annotations

import json
import string
from pathlib import Path

import matplotlib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netind_teach import mynetwork
from netind_teach.mynetwork import (
    FILENAME,
    MAX_NICKNAME,
    NetworkBuilder,
    PersonalNetwork,
    demo_network,
    export_text,
    open_network,
)
from netind_teach.mynetwork.model import check_nickname

matplotlib.use("Agg")


def _saved(path: Path) -> PersonalNetwork:
    opened = open_network(path)
    assert opened.network is not None, opened.message
    return opened.network


@pytest.fixture
def builder(tmp_path: Path) -> NetworkBuilder:
    return NetworkBuilder(path=tmp_path, draw=False)


def test_a_new_builder_writes_nothing_until_a_change(tmp_path: Path) -> None:
    b = NetworkBuilder(path=tmp_path, draw=False)
    assert list(tmp_path.iterdir()) == []
    assert "nothing is saved yet" in b.message
    assert b.path == tmp_path / FILENAME
    assert str(tmp_path / FILENAME) in b.where.value
    assert b.type == "" and b.reasons == ()


def test_add_through_the_controls_saves_and_clears_the_box(builder: NetworkBuilder) -> None:
    builder.nickname.value = "Sam"
    builder.category.value = "workmate"
    builder.closeness.value = "very close"
    builder.contact.value = "phone"
    builder.place.value = "distant"
    builder.add_button.click()
    person = builder.network.find("Sam")
    assert (person.category, person.closeness, person.contact, person.place) == (
        "workmate",
        "very close",
        "phone",
        "distant",
    )
    assert builder.nickname.value == ""
    assert builder.message == "Added Sam (workmate). Saved."
    assert _saved(builder.path) == builder.network
    assert builder.measures.people == 1 and builder.type in ("networked", "bounded", "limited")
    assert builder.person.value == person.id  # the edit tab shows the first person
    assert builder.last_error == ""


def test_a_refused_add_keeps_the_text_and_says_why(builder: NetworkBuilder) -> None:
    builder.nickname.value = "x" * 10_000
    builder.add_button.click()
    assert len(builder.network) == 0
    assert "too long" in builder.message and "#B00020" in builder.status.value
    assert builder.nickname.value == "x" * 10_000  # nothing lost: the learner can shorten it
    assert not builder.path.exists()


def test_edit_and_delete_through_the_controls(builder: NetworkBuilder) -> None:
    builder.add("Sam", "friend")
    builder.add("Ola", "friend")
    builder.person.value = builder.network.find("Ola").id
    assert builder.new_nickname.value == "Ola"
    builder.new_nickname.value = "Ola K."
    builder.edit_category.value = "neighbour"
    builder.save_button.click()
    assert builder.network.find("Ola K.").category == "neighbour"
    assert _saved(builder.path).find("Ola K.").category == "neighbour"
    builder.new_nickname.value = "sam"  # duplicate: refused, controls show the person again
    builder.save_button.click()
    assert "already have someone called 'Sam'" in builder.message
    assert builder.new_nickname.value == "Ola K."
    builder.delete_button.click()
    assert [p.nickname for p in builder.network.people] == ["Sam"]
    assert builder.person.value == builder.network.find("Sam").id


def test_the_knows_checklist_links_people_and_circles_appear(builder: NetworkBuilder) -> None:
    for name in ("Mum", "Dad", "Sam", "Ola"):
        builder.add(name, "friend")
    assert builder.measures.circles == 4
    builder.person.value = builder.network.find("Mum").id
    assert [label for label, _ in builder.knows.options] == ["Dad", "Sam", "Ola"]
    builder.knows.value = (builder.network.find("Dad").id,)
    assert builder.measures.circles == 3 and builder.measures.links == 1
    builder.person.value = builder.network.find("Sam").id
    assert builder.knows.value == ()
    builder.knows.value = (builder.network.find("Ola").id,)
    assert builder.measures.circles == 2
    builder.person.value = builder.network.find("Dad").id
    assert builder.knows.value == (builder.network.find("Mum").id,)  # links go both ways
    assert _saved(builder.path).links == builder.network.links
    assert builder.last_error == ""


def test_link_unlink_and_undo(builder: NetworkBuilder) -> None:
    builder.add("Sam", "friend")
    builder.add("Ola", "friend")
    assert builder.link("Sam", "Ola") and builder.measures.density == 1.0
    assert not builder.link("Sam", "Sam")
    assert builder.message == "'Sam' cannot know themselves. Fix: choose two different people."
    assert not builder.link("Sam", "Bob")
    assert "nobody called 'Bob'" in builder.message
    assert builder.unlink("Ola", "Sam") and builder.measures.links == 0
    assert builder.undo() and builder.measures.links == 1
    assert _saved(builder.path).links == (("p1", "p2"),)
    builder.delete("Sam")
    assert builder.undo() and builder.network.find("Sam").id == "p1"
    # left to undo: the link, adding Ola, adding Sam (undoing the unlink used one step)
    assert builder.undo() and builder.undo() and builder.undo()
    assert len(builder.network) == 0
    assert not builder.undo() and builder.message == "Nothing to undo."
    assert _saved(builder.path) == builder.network


def test_about_you_controls_and_reference_change_the_reasons(builder: NetworkBuilder) -> None:
    builder.add("Sam", "friend")
    assert "for the whole sample" in builder.reasons[0]
    builder.age_group.value = "35-50"
    assert builder.network.age_group == "35-50"
    assert builder.reasons[0] == "ties 1 < median 21 for ages 35-50"
    builder.groups.value = 3
    assert builder.network.groups == 3 and builder.measures.groups == 3
    assert not any(r.startswith("groups") for r in builder.reasons)  # published: 2 measures
    builder.reference.value = "synthetic"
    assert any(r.startswith("groups 3 > median") for r in builder.reasons)
    assert "synthetic" in builder.type_html.value
    saved = _saved(builder.path)
    assert (saved.age_group, saved.groups) == ("35-50", 3)
    builder.age_group.value = ""
    assert builder.network.age_group is None


def test_reopening_reloads_and_a_start_network_is_used_only_once(tmp_path: Path) -> None:
    first = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    assert first.network == demo_network() and "Started from the demo" in first.message
    assert _saved(tmp_path / FILENAME) == demo_network()
    first.delete("Mum")
    again = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    assert len(again.network) == 17 and "Loaded your network (17 people)" in again.message
    assert again.network == first.network


def test_a_corrupt_file_is_set_aside_and_the_builder_says_so(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_text('{"format": "netind-teach-my-net')
    b = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    assert "could not be read" in b.message and "corrupt" in b.message
    assert len(b.network) == 0  # the demo does not silently replace the learner's data
    spare = [p for p in tmp_path.iterdir() if "corrupt" in p.name]
    assert len(spare) == 1 and spare[0].read_text() == '{"format": "netind-teach-my-net'
    b.add("Sam", "friend")
    assert spare[0].read_text() == '{"format": "netind-teach-my-net'


def test_importing_a_foreign_json_file_changes_nothing(tmp_path: Path) -> None:
    foreign = tmp_path / "settings.json"
    foreign.write_text('{"theme": "dark"}')
    b = NetworkBuilder(path=foreign, draw=False)
    assert "not a netind-teach network file" in b.message and not b.can_save
    assert b.add("Sam", "friend") and "Not saved" in b.message
    assert foreign.read_text() == '{"theme": "dark"}'
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_an_unreadable_file_is_never_saved_over(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / FILENAME
    path.write_text("keep me")
    from netind_teach.mynetwork import storage

    def unreadable(_path):
        return storage.Opened(None, path, "could not be read (Permission denied)", False)

    monkeypatch.setattr("netind_teach.mynetwork.builder.open_network", unreadable)
    b = NetworkBuilder(path=tmp_path, draw=False)
    assert not b.can_save and "Not saving" in b.where.value
    assert b.add("Sam", "friend")
    assert "Not saved" in b.message
    assert path.read_text() == "keep me"


def test_a_failed_save_keeps_the_change_in_the_session(
    builder: NetworkBuilder, monkeypatch
) -> None:
    from netind_teach import store

    builder.add("Sam", "friend")

    def refused(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "_replace", refused)
    assert builder.add("Ola", "friend")
    assert "Not saved" in builder.message and "Permission denied" in builder.message
    assert len(builder.network) == 2
    assert len(_saved(builder.path)) == 1


def test_a_file_changed_elsewhere_is_never_overwritten(tmp_path: Path) -> None:
    first = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    second = NetworkBuilder(path=tmp_path, draw=False)  # e.g. the same lesson open twice
    assert first.add("Zed", "friend") and "Saved." in first.message
    assert second.add("Yan", "friend")  # the change is kept in the session...
    assert "was changed since this builder opened it" in second.message
    saved = _saved(tmp_path / FILENAME)
    assert "Zed" in {p.nickname for p in saved.people}  # ...but never replaces the file
    assert "Yan" not in {p.nickname for p in saved.people}
    assert first.add("Xi", "friend") and "Saved." in first.message
    again = NetworkBuilder(path=tmp_path, draw=False)  # running the cell again reloads
    assert again.network == first.network and again.add("Wu", "friend")
    assert "Saved." in again.message


def test_a_deleted_file_is_not_recreated_behind_the_learners_back(tmp_path: Path) -> None:
    b = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    assert "deleted 1 file" in mynetwork.delete_saved(tmp_path, confirm=True).lower()
    assert b.add("Zed", "friend")
    assert "was deleted since this builder opened it" in b.message
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []


def test_export_needs_a_preview_of_exactly_what_is_written(builder: NetworkBuilder) -> None:
    builder.add("Sam", "friend")
    assert builder.export_button.disabled
    assert builder.export_anonymised() is None and "Preview the export first" in builder.message
    builder.preview_button.click()
    assert not builder.export_button.disabled
    assert "Sam" not in builder.export_html.value
    assert "everything the export file" in builder.export_html.value
    builder.add("Ola", "friend")  # a change after the preview: preview again first
    assert builder.export_button.disabled
    assert builder.export_anonymised() is None
    text = builder.export_preview()
    builder.export_button.click()
    written = builder.last_export
    assert written is not None and written.parent == builder.path.parent
    assert written.read_text() == text == export_text(builder.network)
    assert written.name.startswith("my_network_export_")


def test_the_drawing_updates(tmp_path: Path) -> None:
    b = NetworkBuilder(path=tmp_path, start=demo_network())
    first = bytes(b.image.value)
    assert first.startswith(b"\x89PNG")
    assert "circle 1" in b.legend_html.value
    b.link("Kit", "Lee")
    assert bytes(b.image.value) != first
    b.color_by.value = "category"
    assert "immediate kin" in b.legend_html.value
    b.show_names.value = True
    b.rearrange_button.click()
    b.add("$\\frac{1}{0}$ 🧗", "friend")  # mathtext and a glyph the font lacks: no error
    assert bytes(b.image.value).startswith(b"\x89PNG") and b.last_error == ""


def test_the_builder_displays_as_a_widget(builder: NetworkBuilder) -> None:
    bundle = builder._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_limit_is_reached_with_a_message(builder: NetworkBuilder) -> None:
    for i in range(mynetwork.MAX_PEOPLE):
        builder.network.add(f"p {i}", "friend")
    assert not builder.add("one more", "friend")
    assert "150 people, the builder's limit" in builder.message


# --------------------------------------------------------------------------- properties
_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=string.printable, max_size=12),
    st.sampled_from(["", " ", "Sam", "sam", "me", "\u202e", "\ud800", "x" * 10_000, "p1"]),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=st.lists(st.tuples(st.integers(0, 7), _TEXT, _TEXT), min_size=1, max_size=10))
def test_arbitrary_strings_never_escape_as_exceptions(tmp_path_factory, actions) -> None:
    folder = tmp_path_factory.mktemp("prop")
    b = NetworkBuilder(path=folder, draw=False)
    b.add("Sam", "friend")
    for kind, first, second in actions:
        if kind == 0:
            b.nickname.value = first
            b.add_button.click()
        elif kind == 1:
            b.add(first, second)
        elif kind == 2:
            b.link(first, second)
        elif kind == 3:
            b.edit(first, nickname=second)
        elif kind == 4:
            b.set_age_group(first)
            b.set_groups(second)
        elif kind == 5:
            b.delete(first)
        elif kind == 6:
            b.new_nickname.value = first
            b.save_button.click()
        else:
            b.set_knows(first, [second])
        assert isinstance(b.message, str) and b.message
        assert b.last_error == ""
    for person in b.network.people:
        assert check_nickname(person.nickname) == person.nickname
        assert len(person.nickname) <= MAX_NICKNAME
    if b.path.exists():
        assert _saved(b.path) == b.network
        json.loads(b.path.read_text(encoding="utf-8"))


def test_controls_act_on_the_chosen_person_even_if_a_nickname_looks_like_an_id(
    builder: NetworkBuilder,
) -> None:
    """Issue 18 item 5: with Ola stored as p2 and someone nicknamed "P2", choosing Ola and
    pressing Delete deleted "P2" (same for Edit, Knows and links)."""
    for name in ("Ana", "Ola", "P2"):
        assert builder.add(name, "friend")
    ola = builder.network.find("Ola")
    assert ola.id == "p2"
    builder.person.value = "p2"  # the dropdown holds ids
    builder.edit_category.value = "workmate"
    builder.save_button.click()
    assert builder.network.by_id("p2").category == "workmate"
    assert builder.network.find("P2").category == "friend"
    builder.person.value = "p2"
    builder.knows.value = ("p1",)
    assert {p.nickname for p in builder.network.knows(ola)} == {"Ana"}
    assert builder.network.knows(builder.network.find("P2")) == ()
    builder.person.value = "p2"
    builder.delete_button.click()
    assert {p.nickname for p in builder.network.people} == {"Ana", "P2"}
    assert "Deleted Ola" in builder.message
