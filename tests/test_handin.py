"""Hand-in: the progress record keeps attempts, hints and reveals; the file, its preview
gate, the form under the progress bar and the `netind-teach hand-in` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from netind_teach import cli
from netind_teach.exercises import for_lesson, lessons
from netind_teach.handin import (
    HANDIN_FORMAT,
    HandIn,
    check_handin,
    handin_data,
    handin_text,
    network_export,
)
from netind_teach.handin_widget import HandInForm
from netind_teach.mynetwork import PersonalNetwork, save_network
from netind_teach.progress import Progress


@pytest.fixture
def store(tmp_path):
    return Progress(tmp_path / "progress.json")


def _network(folder):
    net = PersonalNetwork(salt="cd" * 16, age_group="under 35", groups=2)
    net.add("Zephyrine", "immediate kin")
    net.add("Quillon", "friend")
    net.link("Zephyrine", "Quillon")
    save_network(net, folder)
    return net


# -- the record: before this change attempts, hints and reveals lived only in the session --


def test_attempts_hints_and_reveals_outlive_the_session(store):
    ex = for_lesson("00", progress=store)
    ex.share.check(40)
    ex.share.check("0.35")
    ex.share.hint()
    ex.share.hint(2)
    ex.share.solution()
    ex.share.check(35)
    fresh = for_lesson("00", progress=store)  # a new kernel: nothing in memory
    assert fresh.share.attempts == 0
    assert store.activity("00", "share") == {"attempts": 3, "hints": 2, "revealed": True}
    assert store.activity("00", "coined") == {"attempts": 0, "hints": 0, "revealed": False}


def test_placeholders_and_locked_answers_are_not_counted(store):
    ex = for_lesson("00", progress=store)
    ex.coined.check()  # ____: not an attempt
    ex.coined.solution()  # locked: not a reveal
    assert store.activity("00", "coined") == {"attempts": 0, "hints": 0, "revealed": False}


def test_old_progress_files_without_activity_still_load(store):
    store.path.write_text(json.dumps({
        "format": "netind-teach-progress", "version": 1,
        "lessons": {"00": {"done": {"coined": {"at": "x"}}, "reflections": {}}},
    }))
    assert store.done("00") == ("coined",)
    assert store.activity("00", "coined")["attempts"] == 0


# -- the file -------------------------------------------------------------------------


def test_states_counts_and_reflections(store):
    ex = for_lesson("00", progress=store)
    ex.coined.check("a")
    ex.coined.hint()
    ex.coined.check("b")
    ex.share.check(12)
    text = "My family and my climbing club never meet; <b>friends</b> from school online."
    ex.my_circles.check(text)
    data = handin_data(store)
    lesson = data["lessons"]["00"]
    assert lesson["exercises"]["coined"] == {
        "kind": "multiple choice", "title": ex.coined.definition.heading, "state": "solved",
        "attempts": 2, "hints_seen": 1, "answer_revealed": False,
    }
    assert lesson["exercises"]["share"]["state"] == "attempted"
    assert lesson["exercises"]["what_it_is"]["state"] == "not attempted"
    assert lesson["reflections"]["my_circles"]["text"] == text
    assert "circles" in lesson["reflections"]["my_circles"]["question"].lower()
    assert set(data["lessons"]) == set(lessons())
    assert data["learner"] is None  # never guessed
    assert os.environ.get("USER", "\0") not in json.dumps(data["learner"])
    assert check_handin(data) is data


def test_the_name_is_only_what_was_typed(store):
    assert handin_data(store, learner="  Ana  Šimić ")["learner"] == "Ana Šimić"
    assert handin_data(store, learner="   ")["learner"] is None
    with pytest.raises(ValueError, match="at most"):
        handin_data(store, learner="x" * 200)


def test_nothing_from_the_private_network_file(store, tmp_path):
    net = _network(tmp_path)
    private = (tmp_path / "my_network.json").read_text()
    assert "Zephyrine" in private
    without = handin_text(store)
    assert "Zephyrine" not in without and '"network_export": null' in without
    export = network_export(tmp_path)
    text = handin_text(store, network=export)
    assert "Zephyrine" not in text and "Quillon" not in text
    assert net.salt not in text
    data = json.loads(text)
    assert data["network_export"]["measures"]["people"] == 2
    assert data["network_export"]["network"] == export["network"]


def test_preview_gate_and_atomic_write(store, tmp_path):
    handin = HandIn(store, folder=tmp_path)
    with pytest.raises(ValueError, match="Preview"):
        handin.write()
    shown = handin.preview(learner="042")
    written = handin.write()
    assert written.read_text() == shown  # exactly what was previewed
    assert not list(tmp_path.glob(".*.tmp"))
    handin.preview()
    for_lesson("00", progress=store).coined.check("b")  # progress moves on
    with pytest.raises(ValueError, match="changed since the preview"):
        handin.write()


def test_form_needs_a_fresh_preview_after_a_change(store, tmp_path):
    _network(tmp_path)
    form = HandInForm(HandIn(store, folder=tmp_path))
    assert form.write_button.disabled and not form.include_network.disabled
    form.name.value = "S1234"
    form.include_network.value = True
    form.preview_button.click()
    assert "S1234" in form.preview.value and not form.write_button.disabled
    form.name.value = "S12345"
    assert form.write_button.disabled and "Preview again" in form.status_text
    form.preview_button.click()
    form.write_button.click()
    written = tmp_path / "netind-hand-in-S12345.json"
    data = check_handin(json.loads(written.read_text()))
    assert data["learner"] == "S12345" and data["network_export"] is not None
    assert form.status_text.startswith("Written: ")


def test_form_says_why_it_could_not_write(store, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    form = HandInForm(HandIn(store, folder=blocked / "sub"))
    assert form.include_network.disabled  # no network saved there
    form.preview_button.click()
    form.write_button.click()
    assert form.status_text.startswith("Not written: ")
    assert "Traceback" not in form.status.value


def test_hand_in_from_any_lesson_and_from_the_progress_bar(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ex = for_lesson("05", progress=store)
    form = ex.hand_in()
    assert isinstance(form, HandInForm) and isinstance(form.handin, HandIn)
    assert form.handin.target_folder == tmp_path
    assert "netind-hand-in" in form.box._dom_classes
    assert "text/plain" in form._repr_mimebundle_()
    bar = ex.progress_bar()
    assert bar.hand_in_button.description.startswith("Hand in")
    assert bar.hand_in_area.children == ()
    bar.hand_in_button.click()
    (form_box,) = bar.hand_in_area.children
    assert "netind-hand-in" in form_box._dom_classes


def test_check_handin_rejects_malformed_files(store):
    good = handin_data(store)
    bad_cases = {
        "progress": {"format": "netind-teach-progress"},
        "version": {**good, "version": 99},
        "extra": {**good, "nickname": "Zephyrine"},
        "state": {**good, "lessons": {"00": {**good["lessons"]["00"], "exercises": {
            "coined": {**good["lessons"]["00"]["exercises"]["coined"], "state": "great"}}}}},
        "count": {**good, "lessons": {"00": {**good["lessons"]["00"], "exercises": {
            "coined": {**good["lessons"]["00"]["exercises"]["coined"], "attempts": -1}}}}},
        "export": {**good, "network_export": {"format": "netind-teach-my-network"}},
    }
    for label, data in bad_cases.items():
        with pytest.raises(ValueError):
            check_handin(data)
        assert label


# -- the command ------------------------------------------------------------------------


def _run(args, cwd, env_home, stdin=None):
    env = {**os.environ, "NETIND_TEACH_HOME": str(env_home)}
    return subprocess.run([sys.executable, "-m", "netind_teach.cli", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, text=True, timeout=120, check=False)


def test_cli_previews_and_needs_yes_when_not_interactive(tmp_path):
    home = tmp_path / "home"
    Progress(home / "progress.json").mark_done("01", "operating_system")
    _network(tmp_path)
    refused = _run(["hand-in", str(tmp_path), "--name", "S77"], tmp_path, home, stdin="")
    assert refused.returncode == 1 and "--yes" in refused.stdout
    assert HANDIN_FORMAT in refused.stdout  # the preview was shown
    assert not list(tmp_path.glob("netind-hand-in*.json"))
    done = _run(["hand-in", str(tmp_path), "--name", "S77", "--with-network", "--yes"],
                tmp_path, home)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "netind-hand-in-S77.json").read_text())
    assert data["lessons"]["01"]["exercises"]["operating_system"]["state"] == "solved"
    assert data["network_export"] is not None and "Zephyrine" not in json.dumps(data)


def test_cli_lists_the_new_commands():
    help_text = cli._parser().format_help()
    assert "hand-in" in help_text and "collect" in help_text


def test_a_broken_network_file_is_named_and_left_alone(store, tmp_path):
    broken = tmp_path / "my_network.json"
    broken.write_text("{not json")
    form = HandInForm(HandIn(store, folder=tmp_path))
    assert form.include_network.disabled
    with pytest.raises(ValueError, match="cannot be read"):
        HandIn(store, folder=tmp_path).preview(include_network=True)
    assert broken.read_text() == "{not json"  # not renamed, not replaced
