"""Where a learner's files go: $NETIND_TEACH_HOME, else platformdirs' per-user data folder,
which is the folder each platform got before platformdirs was used."""

from __future__ import annotations

from pathlib import Path

import pytest

from netind_teach.folders import ENV_VAR, data_dir

_WINDOWS_ROAMING = "WIN_PD_OVERRIDE_APPDATA"  # platformdirs' own override of %APPDATA%


@pytest.fixture
def home(monkeypatch) -> str:
    """A learner's home, with none of the variables that move the folder set."""
    for name in (ENV_VAR, "XDG_DATA_HOME", _WINDOWS_ROAMING):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/ana")
    return "/home/ana"


def test_the_environment_variable_overrides_everything(home, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(ENV_VAR, f"  {tmp_path}  ")
    monkeypatch.setenv("XDG_DATA_HOME", "/elsewhere")
    for platform in ("linux", "darwin", "win32", None):
        assert data_dir(platform) == tmp_path
    monkeypatch.setenv(ENV_VAR, "~/course")
    assert data_dir() == Path("/home/ana/course")
    monkeypatch.setenv(ENV_VAR, "  ")  # blank: as if unset
    assert data_dir("linux").as_posix() == "/elsewhere/netind-teach"


@pytest.mark.parametrize(
    ("platform", "xdg", "expected"),
    [
        ("linux", None, "/home/ana/.local/share/netind-teach"),
        ("linux", "/xdg", "/xdg/netind-teach"),
        ("linux", "relative/path", "/home/ana/.local/share/netind-teach"),
        ("freebsd13", None, "/home/ana/.local/share/netind-teach"),
        ("darwin", None, "/home/ana/Library/Application Support/netind-teach"),
    ],
)
def test_unix_and_macos_folders(home, monkeypatch, platform, xdg, expected) -> None:
    if xdg is not None:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert data_dir(platform).as_posix() == expected


def test_macos_follows_xdg_data_home_when_set(home, monkeypatch) -> None:
    """The one change platformdirs brought: a Mac with $XDG_DATA_HOME set uses it (before,
    ~/Library/Application Support always)."""
    monkeypatch.setenv("XDG_DATA_HOME", "/xdg")
    assert data_dir("darwin").as_posix() == "/xdg/netind-teach"


def test_windows_uses_the_roaming_application_data_folder(home, monkeypatch) -> None:
    monkeypatch.setenv(_WINDOWS_ROAMING, r"C:\Users\ana\AppData\Roaming")
    folder = data_dir("win32")
    assert folder.name == "netind-teach"  # no author folder in between
    assert str(folder.parent) == r"C:\Users\ana\AppData\Roaming"


def test_the_folder_is_not_created(home, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir("linux") == tmp_path / "netind-teach"
    assert list(tmp_path.iterdir()) == []
