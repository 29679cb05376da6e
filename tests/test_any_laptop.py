"""Any laptop (issue 17): text files name their encoding, and OS-specific calls fall back.

Students on Windows take the pip route, where a text file opened without an encoding is
decoded with the locale's code page. Two guards: ``make test`` runs Python with
``-X warn_default_encoding`` and pyproject.toml turns the package's own
``EncodingWarning`` into an error (checked here), and a static check finds every text
``open``/``read_text``/``write_text`` call in the package that names no encoding, also on
paths no test happens to run. Calls some systems lack (``os.geteuid``, ``os.execve``,
``os.O_DIRECTORY``, ``os.chmod`` permissions) have a fallback, each tested by removing it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from netind_teach import lab, store

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "netind_teach"


# where each call takes its mode and its encoding as positional arguments
MODE_AT = {"open": 1, "fdopen": 1, "NamedTemporaryFile": 0, "TemporaryFile": 0,
           "SpooledTemporaryFile": 1}
ENCODING_AT = {"open": 3, "fdopen": 3, "read_text": 0, "write_text": 1, "TextIOWrapper": 1,
               "NamedTemporaryFile": 2, "TemporaryFile": 2, "SpooledTemporaryFile": 3}
BINARY_BY_DEFAULT = {"NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"}
BINARY_OPENERS = {"os.open", "tarfile.open", "zipfile.ZipFile"}


def _names_encoding(call: ast.Call) -> bool:
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    if any(keyword.arg in ("encoding", None) for keyword in call.keywords):
        return True  # named, or **kwargs (cannot tell: trust the caller)
    if len(call.args) > ENCODING_AT[name]:
        return True
    mode = call.args[MODE_AT[name]] if len(call.args) > MODE_AT.get(name, 99) else None
    for keyword in call.keywords:
        if keyword.arg == "mode":
            mode = keyword.value
    if mode is None:
        return name in BINARY_BY_DEFAULT
    return isinstance(mode, ast.Constant) and "b" in str(mode.value)


def _text_calls_without_encoding(code: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        low_level = isinstance(func, ast.Attribute) and ast.unparse(func) in BINARY_OPENERS
        if name in ENCODING_AT and not low_level and not _names_encoding(node):
            found.append((node.lineno, ast.unparse(node)[:80]))
    return found


def test_every_text_file_the_package_opens_names_its_encoding():
    missing = [
        f"{path.relative_to(ROOT)}:{line}: {call}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, call in _text_calls_without_encoding(path.read_text(encoding="utf-8"))
    ]
    assert not missing, "name the encoding (encoding='utf-8'):\n" + "\n".join(missing)


def test_the_static_check_finds_a_missing_encoding():
    code = ("from pathlib import Path\nPath('a').read_text()\nopen('b', 'rb')\n"
            "open('c', encoding='utf-8')\nopen('d')\nPath('e').write_text('x', 'utf-8')\n"
            "tempfile.NamedTemporaryFile('w')\nos.open('f', 0)\ntarfile.open('t', 'r:gz')\n")
    assert [line for line, _ in _text_calls_without_encoding(code)] == [2, 5, 7]


def test_package_encoding_warnings_are_errors_in_the_test_run():
    """The filters in pyproject.toml: netind_teach's EncodingWarnings fail, others pass."""
    assert sys.flags.warn_default_encoding or os.environ.get("PYTHONWARNDEFAULTENCODING"), (
        "run the tests as make test does (python -X warn_default_encoding)"
    )
    with pytest.raises(EncodingWarning):
        warnings.warn_explicit("'encoding' argument not specified", EncodingWarning,
                               "netind_teach/lab.py", 1, module="netind_teach.lab")
    with warnings.catch_warnings(record=True):
        warnings.warn_explicit("'encoding' argument not specified", EncodingWarning,
                               "somewhere.py", 1, module="somewhere_else")


def test_make_test_runs_with_encoding_warnings():
    dry = subprocess.run(["make", "-n", "--no-print-directory", "-C", str(ROOT), "test",
                          f"VENV={sys.prefix}", "-o", f"{sys.prefix}/.netind-installed"],
                         capture_output=True, text=True, check=True)
    assert "-X warn_default_encoding -m pytest" in dry.stdout


# --- fallbacks where an operating system lacks a call --------------------------------------


def test_atomic_write_without_folder_fsync(monkeypatch, tmp_path):
    """Windows has no os.O_DIRECTORY: the save still happens, only the folder sync is skipped."""
    monkeypatch.delattr(os, "O_DIRECTORY", raising=False)
    target = tmp_path / "progress.json"
    store.write_text(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"


def test_saving_a_network_where_permissions_cannot_be_set(monkeypatch, tmp_path):
    """Some file systems (FAT on a USB stick, some Windows shares) refuse chmod: the save
    still happens."""
    from netind_teach.mynetwork import PersonalNetwork, storage

    def refuse(*_args, **_kwargs):
        raise PermissionError("chmod not supported here")

    monkeypatch.setattr(os, "chmod", refuse)
    saved = storage.save_network(PersonalNetwork(), tmp_path)
    assert storage.open_network(saved).network is not None


def test_lab_without_geteuid_or_execve(monkeypatch, tmp_path):
    monkeypatch.delattr(os, "geteuid", raising=False)
    monkeypatch.delattr(os, "execve", raising=False)
    assert "--allow-root" not in lab.lab_command(tmp_path)
    code = lab.run([sys.executable, "-c", "import sys; sys.exit(7)"], tmp_path, dict(os.environ))
    assert code == 7
