"""Progress: where it is saved, atomic writes, crashes mid-write, corrupt files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netind_teach import progress as progress_module
from netind_teach.progress import (
    ENV_VAR,
    Progress,
    ProgressError,
    ProgressFileWarning,
    atomic_write_text,
    data_dir,
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
def test_env_var_overrides_everything(tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path), "XDG_DATA_HOME": "/elsewhere", "APPDATA": "C:/x"}
    for platform in ("linux", "darwin", "win32"):
        assert data_dir(env, platform=platform) == tmp_path


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, "/home/ana/.local/share/netind-teach"),
        ("linux", {"XDG_DATA_HOME": "/xdg"}, "/xdg/netind-teach"),
        ("linux", {"XDG_DATA_HOME": "relative/path"}, "/home/ana/.local/share/netind-teach"),
        ("freebsd13", {}, "/home/ana/.local/share/netind-teach"),
        ("darwin", {"XDG_DATA_HOME": "/xdg"}, "/home/ana/Library/Application Support/netind-teach"),
        ("win32", {"APPDATA": "/roaming"}, "/roaming/netind-teach"),
        ("win32", {}, "/home/ana/AppData/Roaming/netind-teach"),
    ],
)
def test_platform_folders(platform: str, env: dict[str, str], expected: str) -> None:
    assert data_dir(env, platform=platform, home="/home/ana").as_posix() == expected


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

    monkeypatch.setattr(progress_module.os, "replace", broken_replace)
    with pytest.raises(ProgressError, match="previous file is unchanged"):
        store.mark_done("01", "after")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert store.done("01") == ("before",)
    assert [p.name for p in store.path.parent.iterdir()] == ["progress.json"]  # no temp left


def test_crash_while_writing_leaves_old_file_intact(store: Progress, monkeypatch) -> None:
    store.mark_done("01", "before")
    before = store.path.read_bytes()

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(progress_module.os, "fsync", broken_fsync)
    with pytest.raises(ProgressError):
        store.mark_done("01", "after")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert len(list(store.path.parent.iterdir())) == 1


def test_killed_process_between_write_and_rename(tmp_path: Path) -> None:
    """A process that dies after writing the temp file but before the rename."""
    target = tmp_path / "progress.json"
    Progress(target).mark_done("01", "before")
    before = target.read_bytes()
    script = textwrap.dedent(
        f"""
        import os
        from netind_teach import progress
        def die(src, dst):
            os._exit(9)  # like a killed kernel: no cleanup, no finally blocks
        progress.os.replace = die
        progress.Progress({str(target)!r}).mark_done("01", "after")
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, check=False)
    assert done.returncode == 9
    assert target.read_bytes() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "progress.json"]
    assert len(leftovers) == 1 and leftovers[0].endswith(".tmp")  # the orphaned temp file
    messages: list[str] = []
    again = Progress(target, notify=messages.append)
    assert again.done("01") == ("before",)
    again.mark_done("01", "after")
    assert again.done("01") == ("after", "before") and messages == []
    orphan = tmp_path / leftovers[0]
    assert orphan.exists()  # a save in progress elsewhere might own it: kept for an hour
    os.utime(orphan, (0, 0))
    again.mark_done("01", "later")
    assert not orphan.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]


def test_atomic_write_reports_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ProgressError, match=ENV_VAR):
        atomic_write_text(blocker / "progress.json", "{}")


# -- corrupt and foreign files -----------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "netind-teach-progress", "version": 1, "less', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not text"),
        (b"[1, 2, 3]", "not a netind-teach progress file"),
        (b'{"theme": "dark"}', "not a netind-teach progress file"),
        (b'{"format": "netind-teach-progress", "version": 99, "lessons": {}}', "version"),
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
    assert reason in message and "kept as progress.json.corrupt-" in message
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
    with pytest.warns(ProgressFileWarning, match="fresh record"):
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
