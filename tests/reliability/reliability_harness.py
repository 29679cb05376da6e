"""Kill and concurrency runs for the reliability suite, run as a child process.

``python reliability_harness.py kills KIND COUNT FOLDER SEED`` imports the course once, then
for each of COUNT rounds forks a writer that saves in a loop (acknowledging every save that
returned) and kills it with SIGKILL at a random moment; after each kill it opens the file
as a learner would and counts what was lost. ``python reliability_harness.py progress2 ...`` and
``builder2 ...`` run two writers at once. Each prints one JSON line of figures.

Forking from one process that has already imported the package makes a round cost
milliseconds, so hundreds of kills fit in CI. POSIX only (fork, SIGKILL, pipes).
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from netind_teach import store
from netind_teach.mynetwork import (
    NetworkBuilder,
    PersonalNetwork,
    export_anonymised,
    open_network,
    read_export,
    save_network,
)
from netind_teach.progress import Progress

KINDS = ("progress", "network", "builder", "export")


# -- the writers (run in a forked child; they never return) -------------------------------
def _writer(kind: str, path: Path, round_no: int, ack: int) -> None:
    def acknowledge(text: str) -> None:
        os.write(ack, (text + "\n").encode())

    if kind == "progress":
        progress = Progress(path, notify=lambda _m: None)
        acknowledge("ready")
        for i in range(10**6):
            progress.mark_done(f"r{round_no}", f"e{i}")
            acknowledge(f"r{round_no}/e{i}")
    elif kind == "network":
        opened = open_network(path)
        net = opened.network or PersonalNetwork()
        acknowledge("ready")
        for i in range(10**6):
            net.add(f"r{round_no} n{i}", "friend")
            save_network(net, path)
            acknowledge(f"r{round_no} n{i}")
    elif kind == "builder":
        builder = NetworkBuilder(path=path, draw=False)
        acknowledge("ready")
        for i in range(10**6):
            builder.add(f"r{round_no} n{i}", "friend")
            if builder.message.endswith("Saved."):
                acknowledge(f"r{round_no} n{i}")
    elif kind == "export":
        net = PersonalNetwork(salt="ab" * 16)
        acknowledge("ready")
        for i in range(10**6):
            net.add(f"r{round_no} n{i}", "friend")
            export_anonymised(net, path)
            acknowledge(str(len(net)))


def _fork(kind: str, path: Path, round_no: int) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        try:
            _writer(kind, path, round_no, write_end)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


def _read_lines(fd: int, until_ready: bool = False, timeout: float = 30.0) -> list[str]:
    """Read acknowledgements: up to 'ready' (waiting), or everything left (after a kill)."""
    data = b""
    deadline = time.monotonic() + timeout
    while True:
        if until_ready and b"ready\n" in data:
            break
        wait = max(0.0, deadline - time.monotonic()) if until_ready else 0.0
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            if until_ready and time.monotonic() < deadline:
                continue
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
    return [line for line in data.decode().split("\n")[:-1] if line]


# -- checking after a kill -------------------------------------------------------------------
def _saved_records(kind: str, path: Path) -> tuple[set[str], bool]:
    """(what the file holds, whether it was usable) as a learner's next open sees it."""
    if kind == "progress":
        notes: list[str] = []
        data = Progress(path, notify=notes.append).load()
        lessons = data["lessons"].items()
        return {f"{lesson}/{name}" for lesson, rec in lessons for name in rec["done"]}, not notes
    if kind in ("network", "builder"):
        opened = open_network(path)
        if opened.message:
            return set(), False
        names = {p.nickname for p in opened.network.people} if opened.network else set()
        return names, True
    if not path.exists():
        return set(), True
    try:
        return {str(len(read_export(path)["people"]))}, True
    except ValueError as exc:
        print(f"unusable export: {exc}", file=sys.stderr)
        return set(), False


def kills(kind: str, count: int, folder: Path, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    name = "my_network_export_x.json" if kind == "export" else f"{kind}.json"
    path = folder / name
    promised: set[str] = set()  # every record a writer was told was saved
    NetworkBuilder(path=folder / "warm-up", draw=False)  # load what every builder shares once
    lost = escaped = broken = leftovers = saves = 0
    for round_no in range(count):
        if kind in ("network", "builder") and len(promised) > 100:  # stay under 150 people
            for copy in store.copies(path):
                copy.unlink()
            promised = set()
        pid, fd = _fork(kind, path, round_no)
        _read_lines(fd, until_ready=True)
        time.sleep(rng.uniform(0.0, 0.03))  # a random moment of the save loop
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acks = _read_lines(fd)
        os.close(fd)
        saves += len(acks)
        try:
            held, usable = _saved_records(kind, path)
        except Exception as exc:  # counted: an exception a learner would have seen
            print(f"escaped: {type(exc).__name__}: {exc}", file=sys.stderr)
            escaped += 1
            continue
        if kind == "export":
            if (acks and not usable) or (acks and held and int(next(iter(held))) < int(acks[-1])):
                lost += 1
            broken += not usable
        else:
            promised |= set(acks)
            missing = promised - held
            lost += len(missing)
            broken += not usable
            if not usable:
                promised = set()
        if kind == "export":  # temp files are cleaned by the learner's next export, not a read
            export_anonymised(PersonalNetwork(salt="cd" * 16), path)
        leftovers += len([p for p in store.copies(path) if p.name.endswith(".tmp")])
    return {
        "kind": kind,
        "kills": count,
        "saves": saves,
        "lost": lost,
        "broken": broken,
        "escaped": escaped,
        "leftover_temps_after_open": leftovers,
    }


# -- two writers at once -----------------------------------------------------------------------
def progress_pair(updates: int, folder: Path) -> dict[str, object]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "progress.json"
    go_read, go_write = os.pipe()
    pids = []
    for who in ("a", "b"):
        pid = os.fork()
        if pid == 0:
            os.close(go_write)
            os.read(go_read, 1)  # both start together
            progress = Progress(path, notify=lambda _m: None)
            for i in range(updates):
                progress.mark_done("01", f"{who}{i}")
            os._exit(0)
        pids.append(pid)
    os.write(go_write, b"xx")
    codes = [os.waitpid(pid, 0)[1] for pid in pids]
    kept = len(Progress(path).done("01"))
    return {"updates": 2 * updates, "kept": kept, "lost": 2 * updates - kept, "exit": codes}


def builder_pair(trials: int, folder: Path) -> dict[str, object]:
    lost = both_saved = escaped = 0
    NetworkBuilder(path=folder / "warm-up", draw=False)  # load what every builder shares once
    for trial in range(trials):
        where = folder / f"t{trial}"
        path = save_network(PersonalNetwork(), where)
        go_read, go_write = os.pipe()
        results = []
        children = []
        for who in ("A", "B"):
            report_read, report_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(go_write)
                os.close(report_read)
                try:
                    builder = NetworkBuilder(path=path, draw=False)
                    os.write(report_write, b"ready\n")
                    os.read(go_read, 1)
                    builder.add(f"{who}{trial}", "friend")
                    os.write(report_write, (builder.message + "\n").encode())
                except BaseException as exc:
                    os.write(report_write, f"ESCAPED {type(exc).__name__}\n".encode())
                finally:
                    os._exit(0)
            os.close(report_write)
            children.append((who, pid, report_read))
        for _, _, fd in children:
            _read_lines(fd, until_ready=True)
        os.write(go_write, b"xx")
        for who, pid, fd in children:
            os.waitpid(pid, 0)
            lines = _read_lines(fd)
            os.close(fd)
            results.append((who, lines[-1] if lines else "ESCAPED nothing"))
        os.close(go_read)
        os.close(go_write)
        opened = open_network(path)
        names = {p.nickname for p in opened.network.people} if opened.network else set()
        saved = [who for who, message in results if message.endswith("Saved.")]
        escaped += sum(message.startswith("ESCAPED") for _, message in results)
        both_saved += len(saved) == 2
        lost += sum(f"{who}{trial}" not in names for who in saved)
    return {"trials": trials, "both_saved": both_saved, "lost": lost, "escaped": escaped}


def main(argv: list[str]) -> None:
    what = argv[1]
    if what == "kills":
        result = kills(argv[2], int(argv[3]), Path(argv[4]), int(argv[5]))
    elif what == "progress2":
        result = progress_pair(int(argv[2]), Path(argv[3]))
    elif what == "builder2":
        result = builder_pair(int(argv[2]), Path(argv[3]))
    else:
        raise SystemExit(f"unknown run {what!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
