"""The builder's session without widgets: undo, saving only over the file it opened, the
preview before an export, measures and type, and what the edit controls show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netind_teach import mynetwork, store
from netind_teach.mynetwork import FILENAME, PersonalNetwork, demo_network, export_text
from netind_teach.mynetwork import open_network as open_file
from netind_teach.mynetwork.session import HISTORY, BuilderSession, edit_view
from netind_teach.widget_guard import STRICT_VARIABLE


def _saved(path: Path) -> PersonalNetwork:
    opened = open_file(path)
    assert opened.network is not None, opened.message
    return opened.network


@pytest.fixture
def session(tmp_path: Path) -> BuilderSession:
    return BuilderSession(tmp_path)


def test_the_session_needs_no_widgets() -> None:
    code = (
        "import sys; from netind_teach.mynetwork import session; "
        "import tempfile; s = session.BuilderSession(tempfile.mkdtemp()); s.add('Sam'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('ipywidgets', 'matplotlib')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_a_new_session_writes_nothing_until_a_change(tmp_path: Path) -> None:
    s = BuilderSession(tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert "nothing is saved yet" in s.message and not s.error
    assert s.path == tmp_path / FILENAME and s.can_save
    assert (s.type, s.reasons, s.revision, s.undo_steps) == ("", (), 0, 0)


def test_each_change_is_saved_and_can_be_undone(session: BuilderSession) -> None:
    assert session.add("Sam", "friend") and session.add("Ola", "friend")
    assert session.link("Sam", "Ola") and session.measures.density == 1.0
    assert session.message == "Sam and Ola now know each other. Saved."
    assert _saved(session.path) == session.network
    assert session.revision == 3 and session.undo_steps == 3
    assert session.unlink("Ola", "Sam") and session.measures.links == 0
    assert session.undo() and session.measures.links == 1
    assert _saved(session.path).links == (("p1", "p2"),)
    assert session.delete("Sam") and session.undo()
    assert session.network.find("Sam").id == "p1"
    assert session.undo() and session.undo() and session.undo()
    assert len(session.network) == 0 and _saved(session.path) == session.network
    assert not session.undo() and session.message == "Nothing to undo."


def test_undo_remembers_the_last_hundred_changes(session: BuilderSession) -> None:
    for i in range(HISTORY + 5):
        assert session.set_groups(i % 40 + 1)
    assert session.undo_steps == HISTORY
    while session.undo():
        pass
    assert session.network.groups == 5  # the 5th change is the oldest one kept
    assert session.message == "Nothing to undo."


def test_a_refused_change_leaves_the_network_and_history_alone(session: BuilderSession) -> None:
    session.add("Sam", "friend")
    before, revision = session.network.to_dict(), session.revision
    assert not session.link("Sam", "Sam")
    assert session.error
    assert session.message == "'Sam' cannot know themselves. Fix: choose two different people."
    assert not session.add("sam", "friend") and "already have someone called 'Sam'" in (
        session.message
    )
    assert not session.add("x" * 10_000) and "too long" in session.message
    assert session.network.to_dict() == before and session.revision == revision
    assert session.undo_steps == 1


def test_a_change_that_changes_nothing_is_not_a_step(session: BuilderSession) -> None:
    session.add("Sam", "friend")
    session.add("Ola", "friend")
    session.link("Sam", "Ola")
    assert session.link("Ola", "Sam") and session.undo_steps == 3
    assert session.message == "Ola and Sam now know each other."  # nothing to save


def test_an_unexpected_error_is_reported_and_changes_nothing(
    session: BuilderSession, monkeypatch
) -> None:
    session.add("Sam", "friend")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(PersonalNetwork, "set_groups", broken)
    with pytest.raises(RuntimeError, match="a bug"):  # strict mode (tests): not hidden
        session.set_groups(3)
    assert session.network.groups == 0 and len(session.network) == 1
    monkeypatch.setenv(STRICT_VARIABLE, "")  # a learner: a message, the network kept
    assert not session.set_groups(3)
    assert session.last_error == "RuntimeError: a bug" and session.error
    assert "your network was not changed" in session.message
    assert session.network.groups == 0 and len(session.network) == 1


def test_reopening_reloads_and_a_start_network_is_used_only_once(tmp_path: Path) -> None:
    first = BuilderSession(tmp_path, start=demo_network())
    assert first.network == demo_network() and "Started from the demo" in first.message
    first.delete("Mum")
    again = BuilderSession(tmp_path, start=demo_network())
    assert "Loaded your network (17 people)" in again.message
    assert again.network == first.network


def test_a_corrupt_file_is_set_aside_and_the_demo_does_not_replace_it(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_text('{"format": "netind-teach-my-net', encoding="utf-8")
    s = BuilderSession(tmp_path, start=demo_network())
    assert "could not be read" in s.message and "corrupt" in s.message and s.error
    assert len(s.network) == 0
    spare = [p for p in tmp_path.iterdir() if "corrupt" in p.name]
    assert len(spare) == 1
    assert s.add("Sam", "friend") and "Saved." in s.message
    assert spare[0].read_text(encoding="utf-8") == '{"format": "netind-teach-my-net'


def test_a_foreign_file_is_never_saved_over(tmp_path: Path) -> None:
    foreign = tmp_path / "settings.json"
    foreign.write_text('{"theme": "dark"}', encoding="utf-8")
    s = BuilderSession(foreign)
    assert "not a netind-teach network file" in s.message and not s.can_save
    assert s.add("Sam", "friend") and "Not saved" in s.message and s.error
    assert len(s.network) == 1  # the change is kept in the session
    assert foreign.read_text(encoding="utf-8") == '{"theme": "dark"}'


def test_a_failed_save_keeps_the_change_in_the_session(
    session: BuilderSession, monkeypatch
) -> None:
    session.add("Sam", "friend")

    def refused(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "_replace", refused)
    assert session.add("Ola", "friend")
    assert "Not saved" in session.message and "Permission denied" in session.message
    assert len(session.network) == 2 and len(_saved(session.path)) == 1


def test_a_file_changed_elsewhere_is_never_overwritten(tmp_path: Path) -> None:
    first = BuilderSession(tmp_path, start=demo_network())
    second = BuilderSession(tmp_path)  # e.g. the same lesson open twice
    assert first.add("Zed", "friend") and first.message.endswith("Saved.")
    assert second.add("Yan", "friend")
    assert "was changed since this builder opened it" in second.message and second.error
    names = {p.nickname for p in _saved(tmp_path / FILENAME).people}
    assert "Zed" in names and "Yan" not in names
    assert second.undo() and "Not saved" in second.message  # undo does not slip past it
    assert first.add("Xi", "friend") and first.message.endswith("Saved.")
    again = BuilderSession(tmp_path)
    assert again.network == first.network and again.add("Wu", "friend")
    assert again.message.endswith("Saved.")


def test_a_file_edited_by_hand_is_never_overwritten(tmp_path: Path) -> None:
    s = BuilderSession(tmp_path, start=demo_network())
    path = tmp_path / FILENAME
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert s.add("Zed", "friend") and "was changed since" in s.message


def test_a_deleted_file_is_not_recreated(tmp_path: Path) -> None:
    s = BuilderSession(tmp_path, start=demo_network())
    mynetwork.delete_saved(tmp_path, confirm=True)
    assert s.add("Zed", "friend")
    assert "was deleted since this builder opened it" in s.message
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []


def test_an_export_needs_a_preview_of_exactly_what_is_written(
    session: BuilderSession, tmp_path: Path
) -> None:
    session.add("Sam", "friend")
    assert not session.previewed
    assert session.export_anonymised() is None and "Preview the export first" in session.message
    text = session.export_preview()
    assert session.previewed and text == export_text(session.network)
    session.add("Ola", "friend")  # a change after the preview closes the gate
    assert not session.previewed and session.export_anonymised() is None
    session.undo()
    assert not session.previewed  # so does an undo
    text = session.export_preview()
    session.set_age_group("35-50")  # as does any change that alters the export
    assert session.export_anonymised() is None
    text = session.export_preview()
    written = session.export_anonymised()
    assert written is not None and written.parent == tmp_path and session.last_export == written
    assert written.read_text(encoding="utf-8") == text and not session.error


def test_an_export_that_cannot_be_written_says_why(session: BuilderSession) -> None:
    session.add("Sam", "friend")
    session.export_preview()
    assert session.export_anonymised(42) is None and session.error


def test_the_reference_changes_the_reasons(session: BuilderSession) -> None:
    session.add("Sam", "friend")
    assert "for the whole sample" in session.reasons[0]
    session.set_age_group("35-50")
    assert session.reasons[0] == "ties 1 < median 21 for ages 35-50"
    session.set_groups(3)
    assert not any(r.startswith("groups") for r in session.reasons)
    assert session.set_reference("synthetic")
    assert any(r.startswith("groups 3 > median") for r in session.reasons)
    assert not session.set_reference("made up") and session.reference == "synthetic"
    assert "Fix: choose one of" in session.message
    with pytest.raises(ValueError):
        BuilderSession(session.path.parent / "other", reference="made up")


def test_the_person_is_found_by_id_never_by_nickname(session: BuilderSession) -> None:
    for name in ("Ana", "Ola", "P2"):
        session.add(name, "friend")
    assert session.person("p2").nickname == "Ola"
    assert session.person("P2") is None and session.person(None) is None
    assert session.set_knows_ids("p2", ["p1", "p99"])
    assert {p.nickname for p in session.network.knows(session.person("p2"))} == {"Ana"}
    assert session.network.knows(session.network.find("P2")) == ()
    assert not session.set_knows_ids("p99", ["p1"]) and session.error


def test_the_edit_view_follows_the_chosen_person() -> None:
    net = PersonalNetwork()
    for name in ("Mum", "Dad", "Sam"):
        net.add(name, "friend")
    net.link("Mum", "Dad")
    view = edit_view(net, "p1")
    assert view.chosen.nickname == "Mum" and view.knows == ("p2",)
    assert view.options == (("Mum", "p1"), ("Dad", "p2"), ("Sam", "p3"))
    assert view.knows_options == (("Dad", "p2"), ("Sam", "p3"))
    net.remove("Mum")
    assert edit_view(net, "p1").chosen.nickname == "Dad"  # gone: the first one is chosen
    assert edit_view(PersonalNetwork(), "p1") == edit_view(PersonalNetwork())
    assert edit_view(PersonalNetwork()).chosen is None


def test_the_limit_is_reached_with_a_message(session: BuilderSession) -> None:
    for i in range(mynetwork.MAX_PEOPLE - 1):
        session.network.add(f"p {i}", "friend")
    assert session.add("last one", "friend") and "(0 more can be added.)" in session.message
    assert not session.add("one more", "friend")
    assert "150 people, the builder's limit" in session.message
