"""Progress: where it is saved, atomic writes, crashes mid-write, corrupt files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netind_teach import store as store_module
from netind_teach.folders import ENV_VAR
from netind_teach.progress import (
    Progress,
    ProgressError,
    ProgressFileWarning,
    default_path,
    progress_text,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def messages() -> list[str]:
    """Messages the `store` fixture reports (files set aside)."""
    return []


@pytest.fixture
def store(tmp_path: Path, messages: list[str]) -> Progress:
    return Progress(tmp_path / "progress.json", notify=messages.append)


# -- where -----------------------------------------------------------------------------
def test_default_follows_the_environment_at_call_time(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "a"))
    assert default_path() == tmp_path / "a" / "progress.json"
    assert Progress().path == tmp_path / "a" / "progress.json"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "b"))
    assert Progress().path == tmp_path / "b" / "progress.json"


def test_conftest_isolates_progress_from_the_real_home() -> None:
    assert os.environ[ENV_VAR]
    assert not str(default_path()).startswith(str(Path.home() / ".local"))


# -- what ------------------------------------------------------------------------------
def test_mark_done_and_reflections_round_trip(store: Progress, messages: list[str]) -> None:
    assert store.done("01") == ()
    store.mark_done("01", "models")
    store.mark_done("01", "coined")
    store.mark_done("01", "models")  # twice is fine
    store.mark_done("02", "typology")
    assert store.done("01") == ("coined", "models")
    assert store.is_done("02", "typology")
    assert not store.is_done("02", "models")
    store.save_reflection("01", "me", "first")
    store.save_reflection("01", "me", "second, replacing the first")
    assert store.reflection("01", "me") == "second, replacing the first"
    assert store.reflection("01", "other") is None
    assert store.summary("01", ["models", "coined", "x", "x"]) == "2 of 3 done"
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["format"] == "netind-teach-progress"
    assert set(data["lessons"]) == {"01", "02"}
    assert messages == []


def test_two_objects_share_one_file(tmp_path: Path) -> None:
    a = Progress(tmp_path / "p.json")
    b = Progress(tmp_path / "p.json")
    a.mark_done("03", "x")
    b.mark_done("03", "y")
    assert a.done("03") == ("x", "y")


def test_reset_one_lesson_or_all(store: Progress) -> None:
    store.mark_done("01", "a")
    store.mark_done("02", "b")
    store.reset("01")
    assert store.done("01") == () and store.done("02") == ("b",)
    store.reset()
    assert store.done("02") == ()


def test_reflection_must_be_text(store: Progress) -> None:
    with pytest.raises(TypeError, match="text"):
        store.save_reflection("01", "me", 42)  # type: ignore[arg-type]


def test_progress_text() -> None:
    assert progress_text(0, 7) == "0 of 7 done"
    assert progress_text(7, 7) == "all 7 done"
    assert progress_text(0, 0) == "0 of 0 done"


# -- atomic writes and crashes ---------------------------------------------------------
def test_crash_at_replace_leaves_old_file_intact(store: Progress, monkeypatch) -> None:
    store.mark_done("01", "before")
    before = store.path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", broken_replace)
    with pytest.raises(ProgressError, match="previous file is unchanged"):
        store.mark_done("01", "after")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert store.done("01") == ("before",)
    assert _files(store.path.parent) == ["progress.json"]  # no temp left


def test_crash_while_writing_leaves_old_file_intact(store: Progress, monkeypatch) -> None:
    store.mark_done("01", "before")
    before = store.path.read_bytes()

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store_module.os, "fsync", broken_fsync)
    with pytest.raises(ProgressError):
        store.mark_done("01", "after")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert _files(store.path.parent) == ["progress.json"]


def _files(folder: Path) -> list[str]:
    """Files in ``folder`` other than the lock file (which is empty and kept)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_killed_process_between_write_and_rename(tmp_path: Path) -> None:
    """A process that dies after writing the temp file but before the rename: the temp
    file (which holds the learner's reflections) is removed at the next open."""
    target = tmp_path / "progress.json"
    Progress(target).mark_done("01", "before")
    before = target.read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from netind_teach import store
        def die(src, dst):
            os._exit(9)  # like a killed kernel: no cleanup, no finally blocks
        store.os.replace = die
        from netind_teach import progress
        progress.Progress({str(target)!r}).mark_done("01", "after")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, check=False)
    assert done.returncode == 9
    assert target.read_bytes() == before
    leftovers = [n for n in _files(tmp_path) if n != "progress.json" and not n.endswith(".lock")]
    assert len(leftovers) == 1 and leftovers[0].endswith(".tmp")  # the orphaned temp file
    messages: list[str] = []
    again = Progress(target, notify=messages.append)
    assert again.done("01") == ("before",)
    assert not (tmp_path / leftovers[0]).exists()  # removed at the next open, under the lock
    again.mark_done("01", "after")
    assert again.done("01") == ("after", "before") and messages == []
    assert [n for n in _files(tmp_path) if not n.endswith(".lock")] == ["progress.json"]


def test_unwritable_folder_is_reported_with_the_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ProgressError, match=ENV_VAR):
        Progress(blocker / "progress.json").mark_done("00", "x")


# -- corrupt and foreign files -----------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "netind-teach-progress", "version": 1, "less', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not text"),
        (b"[" * 1_000_000, "nested too deeply"),
        (b'{"format": "netind-teach-progress", "version": 0, "lessons": {}}', "version"),
        (b'{"format": "netind-teach-progress", "version": 1, "lessons": []}', "lessons"),
        (
            b'{"format": "netind-teach-progress", "version": 1, "lessons": {"01": {"done": 3}}}',
            "'done' entry",
        ),
        (
            b'{"format": "netind-teach-progress", "version": 1, "lessons": '
            b'{"01": {"reflections": {"me": {"at": "x"}}}}}',
            "no text",
        ),
    ],
)
def test_broken_file_is_set_aside_not_deleted(
    store: Progress, messages: list[str], content: bytes, reason: str
) -> None:
    store.path.write_bytes(content)
    assert store.done("01") == ()  # fresh start, no exception
    (message,) = messages
    assert reason in message and "kept as progress.corrupt-" in message
    spares = [p for p in store.path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(spares) == 1 and spares[0].read_bytes() == content
    store.mark_done("01", "fresh")
    assert store.done("01") == ("fresh",)
    assert messages == [message]  # the new file is fine


def test_two_corrupt_files_in_one_second_get_distinct_names(store: Progress) -> None:
    for _ in range(2):
        store.path.write_text("broken")
        store.load()
    spares = [p for p in store.path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(spares) == 2


def test_default_message_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{not json")
    with pytest.warns(ProgressFileWarning, match="fresh start"):
        assert Progress(path).done("00") == ()


def test_unreadable_folder_entry(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.mkdir()  # a folder where the file should be: cannot be read or replaced
    messages: list[str] = []
    p = Progress(path, notify=messages.append)
    assert p.done("00") == ()
    assert messages and "progress.json" in messages[0]
    with pytest.raises(ProgressError):
        p.mark_done("00", "x")


# -- files left alone: saving off, a message, the file untouched (issue 18 items 3, 11) -------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "netind-teach-progress", "version": 2, "lessons": {}}', "update the course"),
        (b"[1, 2, 3]", "not a netind-teach progress file"),
        (b'{"theme": "dark"}', "not a netind-teach progress file"),
    ],
)
def test_a_file_that_is_not_ours_is_left_alone_and_saving_is_off(
    store: Progress, messages: list[str], content: bytes, reason: str
) -> None:
    store.path.write_bytes(content)
    assert store.done("01") == ()
    assert reason in messages[-1] and "left as it is" in messages[-1]
    with pytest.raises(ProgressError, match="Progress not saved") as caught:
        store.mark_done("01", "x")
    assert reason in str(caught.value)
    assert store.path.read_bytes() == content
    assert _files(store.path.parent) == ["progress.json"]  # nothing set aside


def test_an_unreadable_file_is_left_alone_not_overwritten(
    store: Progress, messages: list[str], monkeypatch
) -> None:
    """Item 3: permission denied used to say 'starting without it' and then overwrite."""
    store.mark_done("01", "kept")
    before = store.path.read_bytes()
    real_open = store_module.os.open

    def denied(path, flags, *args):
        if Path(path) == store.path:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(store_module.os, "open", denied)
    assert store.done("01") == ()
    assert "Permission denied" in messages[-1] and "left as it is" in messages[-1]
    with pytest.raises(ProgressError, match="Permission denied"):
        store.mark_done("01", "new")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert store.done("01") == ("kept",)


def test_a_fifo_named_progress_json_does_not_hang(store: Progress, messages: list[str]) -> None:
    os.mkfifo(store.path)
    assert store.done("01") == ()
    assert "not a regular file" in messages[-1]
    with pytest.raises(ProgressError):
        store.mark_done("01", "x")
    assert store.path.is_fifo()


def test_two_processes_marking_at_once_keep_every_record(tmp_path: Path) -> None:
    """Item 2: two kernels doing 300 mark_done each kept only 320-330 of 600."""
    target = tmp_path / "progress.json"
    script = textwrap.dedent(
        f"""
        import sys
        from netind_teach.progress import Progress
        p = Progress({str(target)!r})
        for i in range(300):
            p.mark_done("01", sys.argv[1] + str(i))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen([sys.executable, "-c", script, who], env=env) for who in ("a", "b")
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    assert len(Progress(target).done("01")) == 600
