"""The one store for saved files: locks (and their fallback), reads, writes, the policy."""

from __future__ import annotations

import ast
import errno
import os
import threading
import time
from pathlib import Path

import pytest

from netind_teach import store

PACKAGE = Path(store.__file__).parent


def _count_under_lock(path: Path, threads: int = 4, each: int = 50) -> int:
    def work() -> None:
        for _ in range(each):
            with store.lock(path):
                value = int(path.read_text()) if path.exists() else 0
                time.sleep(0)  # invite a switch inside the critical section
                path.write_text(str(value + 1))

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return int(path.read_text())


def test_the_lock_serialises_threads(tmp_path: Path) -> None:
    assert _count_under_lock(tmp_path / "n.json") == 200


def test_the_lock_file_fallback_serialises_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "lock_method", lambda: "lock file")
    assert _count_under_lock(tmp_path / "n.json") == 200
    assert not (tmp_path / ".n.json.lock-held").exists()  # released


def test_a_file_system_without_locks_falls_back_to_the_lock_file(
    tmp_path: Path, monkeypatch
) -> None:
    def no_locks(_fd, _method):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(store, "_os_lock", no_locks)
    path = tmp_path / "n.json"
    with store.lock(path):
        assert (tmp_path / ".n.json.lock-held").exists()
    assert _count_under_lock(path) == 200


def test_a_stale_fallback_lock_is_taken_over(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "lock_method", lambda: "lock file")
    held = tmp_path / ".n.json.lock-held"
    held.write_text("")
    old = time.time() - store.STALE_SECONDS - 5
    os.utime(held, (old, old))
    with store.lock(tmp_path / "n.json", timeout=1):
        pass


@pytest.mark.parametrize("method", ["os", "lock file"])
def test_a_busy_lock_times_out_with_a_message(tmp_path: Path, monkeypatch, method) -> None:
    if method == "lock file":
        monkeypatch.setattr(store, "lock_method", lambda: "lock file")
    path = tmp_path / "n.json"
    inside, leave = threading.Event(), threading.Event()

    def holder() -> None:
        with store.lock(path):
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    inside.wait(10)
    try:
        with pytest.raises(store.LockTimeout, match="another kernel"), store.lock(path, 0.05):
            pass
    finally:
        leave.set()
        thread.join()


def test_the_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    path = tmp_path / "n.json"
    with store.lock(path), store.lock(path):
        store.write_text(path, "{}")
    assert path.read_text() == "{}"


def test_read_bytes_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    for where in (tmp_path / "pipe.json", tmp_path, Path("/dev/null")):
        with pytest.raises(store.FileProblem, match="not a regular file") as caught:
            store.read_bytes(where, 100)
        assert caught.value.leave_alone


def test_file_path_rule(tmp_path: Path) -> None:
    assert store.file_path(tmp_path / "a.JSON", "d.json") == tmp_path / "a.JSON"
    assert store.file_path(tmp_path / "new", "d.json") == tmp_path / "new" / "d.json"
    (tmp_path / "dir.json").mkdir()
    assert store.file_path(tmp_path / "dir.json", "d.json") == tmp_path / "dir.json" / "d.json"
    with pytest.raises(TypeError):
        store.file_path(3, "d.json")  # type: ignore[arg-type]


# -- one idea per module: no cycle, no private names (issue 23 item 3) ----------------------
_SCOPE = [
    PACKAGE / "store.py",
    PACKAGE / "progress.py",
    *sorted((PACKAGE / "mynetwork").glob("*.py")),
]


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every ``from ... import`` in ``path`` (lazy ones included)."""
    package = "netind_teach.mynetwork" if path.parent.name == "mynetwork" else "netind_teach"
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.append((base, [alias.name for alias in node.names]))
    return found


def test_store_progress_and_mynetwork_import_no_private_names() -> None:
    private = [
        f"{path.name}: {module}.{name}"
        for path in _SCOPE
        for module, names in _imports(path)
        if module.startswith("netind_teach")
        for name in names
        if name.startswith("_")
    ]
    assert private == []


def test_the_model_storage_cycle_is_gone() -> None:
    graph: dict[str, set[str]] = {}
    for path in _SCOPE:
        name = "netind_teach.mynetwork." if path.parent.name == "mynetwork" else "netind_teach."
        name += path.stem
        graph[name.removesuffix(".__init__")] = {
            module for module, _ in _imports(path) if module.startswith("netind_teach")
        }
    assert "netind_teach.mynetwork.storage" not in graph["netind_teach.mynetwork.model"]
    assert "netind_teach.mynetwork.fileformat" in graph["netind_teach.mynetwork.storage"]

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    cycles = [
        m
        for m in graph
        if m.endswith(("model", "storage", "export", "fileformat")) and reaches(m, m, {m})
    ]
    assert cycles == []
