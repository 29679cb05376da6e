"""NetworkBuilder driven from Python: controls, methods, saving, export, bad input."""

from __future__ import annotations

import json
import string
from pathlib import Path

import matplotlib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from netind_teach.widget_guard import STRICT_VARIABLE

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


def test_the_status_and_undo_button_show_the_session(tmp_path: Path) -> None:
    first = NetworkBuilder(path=tmp_path, start=demo_network(), draw=False)
    second = NetworkBuilder(path=tmp_path, draw=False)
    first.add("Zed", "friend")
    second.nickname.value = "Yan"
    second.add_button.click()
    assert "was changed since this builder opened it" in second.status.value
    assert "#B00020" in second.status.value and second.message == second.session.message
    assert second.measures.people == 19  # the change is shown, though not saved
    second.undo_button.click()
    assert second.measures.people == 18 and "Undone." in second.status.value


def test_a_control_that_fails_unexpectedly_says_so(builder: NetworkBuilder, monkeypatch) -> None:
    builder.add("Sam", "friend")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(builder.session, "person", broken)
    with pytest.raises(RuntimeError, match="a bug"):  # strict mode (tests): not hidden
        builder._guard(builder._on_delete)(builder.delete_button)
    assert len(builder.network) == 1
    monkeypatch.setenv(STRICT_VARIABLE, "")  # a learner: one line
    builder.delete_button.click()
    assert builder.last_error == "RuntimeError: a bug"
    assert "Something unexpected went wrong" in builder.status.value
    assert len(builder.network) == 1


def test_an_unreadable_file_is_never_saved_over(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / FILENAME
    path.write_text("keep me")
    from netind_teach.mynetwork import storage

    def unreadable(_path):
        return storage.Opened(None, path, "could not be read (Permission denied)", False)

    monkeypatch.setattr("netind_teach.mynetwork.session.open_network", unreadable)
    b = NetworkBuilder(path=tmp_path, draw=False)
    assert not b.can_save and "Not saving" in b.where.value
    assert b.add("Sam", "friend")
    assert "Not saved" in b.message
    assert path.read_text() == "keep me"


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
