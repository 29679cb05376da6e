"""Collect a class's hand-in files: one report for the instructor, one CSV for the gradebook.

:func:`collect` reads every file of a folder (not its subfolders) and keeps the well-formed
hand-ins (:func:`netind_teach.handin.check_handin`). Every other file is named with the
reason it was left out: not a regular file (a pipe, a link, a folder), too large, not
text, not JSON, nested too deeply, not a hand-in, malformed. Duplicates are set apart too:
a byte-identical copy, and an older hand-in by a learner who handed in again (same name
or student number). Files from another course version are combined; exercises that this
version does not have are left out, and the report says so. Reading is bounded (at most
:data:`MAX_FILE_BYTES` per file, :data:`MAX_FILES` files) and never waits on a pipe.

:func:`report_html` renders the :class:`ClassReport` (completion per exercise and per
lesson with a chart and its text alternative, hints and revealed answers, reflections
grouped by question, and lesson 05's class picture through
:func:`netind_teach.mynetwork.combine` when exports were handed in); :func:`gradebook_csv`
gives one row per learner. :func:`collect_and_write` writes both, atomically.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_synthetic_handins(folder, n=5, seed=1)
>>> _ = (folder / "notes.json").write_text("{not json", encoding="utf-8")
>>> report = collect(folder)
>>> len(report.submissions), report.skipped
(5, (('notes.json', 'it is not valid JSON'),))
"""

from __future__ import annotations

import base64
import contextlib
import csv
import hashlib
import html
import io
import json
import os
import random
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netind_teach import __version__
from netind_teach.handin import STATES, check_handin, handin_data
from netind_teach.progress import Progress
from netind_teach.store import write_text

__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "ClassReport",
    "Submission",
    "collect",
    "collect_and_write",
    "gradebook_csv",
    "read_handin",
    "report_html",
    "write_synthetic_handins",
]

#: Files larger than this are not hand-ins (a full hand-in with an export is ~60 kB).
MAX_FILE_BYTES = 1_000_000
#: At most this many files of a folder are read; the rest are named as not read.
MAX_FILES = 5_000


@dataclass(frozen=True)
class Submission:
    """One hand-in that is combined: its file name, content hash and checked data.

    Parameters
    ----------
    file : str
        The file's name in the collected folder.
    digest : str
        SHA-256 of the file's bytes, in hex (exact copies share it).
    data : dict
        The hand-in as :func:`~netind_teach.handin.check_handin` returns it.
    """

    file: str
    digest: str
    data: dict[str, Any]

    @property
    def learner(self) -> str | None:
        """The name or student number typed, or None."""
        learner: str | None = self.data["learner"]
        return learner

    @property
    def label(self) -> str:
        """How the report names this learner: the name typed, else the file name."""
        return self.learner or f"(no name: {self.file})"

    def exercise(self, lesson: str, name: str) -> dict[str, Any] | None:
        """Return the learner's entry for exercise ``lesson.name`` (None if the file lacks it)."""
        entry: dict[str, Any] | None = (
            self.data["lessons"].get(lesson, {}).get("exercises", {}).get(name))
        return entry


@dataclass(frozen=True)
class ClassReport:
    """What :func:`collect` found.

    Parameters
    ----------
    submissions : tuple of Submission
        The hand-ins combined, sorted by file name.
    skipped : tuple of (str, str)
        (file name, why it was left out), for every other file.
    notes : tuple of (str, str)
        (file name, note) for files combined with a caveat (another course version).
    exercises : tuple of (str, str, str, str)
        (lesson, name, kind, title) of this course version's exercises, in course order.
    reflections : tuple of (str, str, str)
        (lesson, name, question) of this course version's reflections.
    network : ClassView or None
        Lesson 05's class picture, when hand-ins carried exports.
    """

    submissions: tuple[Submission, ...]
    skipped: tuple[tuple[str, str], ...]
    notes: tuple[tuple[str, str], ...]
    exercises: tuple[tuple[str, str, str, str], ...]
    reflections: tuple[tuple[str, str, str], ...]
    network: Any = None

    def exercise_rows(self) -> list[dict[str, Any]]:
        """Per exercise: how many learners solved, attempted, did not attempt; hints; reveals.

        A learner's file that lacks an exercise counts as *not attempted*.
        """
        rows = []
        for lesson, name, kind, title in self.exercises:
            counts = dict.fromkeys(STATES, 0)
            hints = revealed = 0
            for sub in self.submissions:
                entry = sub.exercise(lesson, name)
                counts[entry["state"] if entry else "not attempted"] += 1
                hints += bool(entry and entry["hints_seen"])
                revealed += bool(entry and entry["answer_revealed"])
            rows.append(
                {
                    "lesson": lesson,
                    "exercise": f"{lesson}.{name}",
                    "kind": kind,
                    "title": title,
                    **counts,
                    "hints": hints,
                    "revealed": revealed,
                }
            )
        return rows

    def lesson_rows(self) -> list[dict[str, Any]]:
        """Per lesson: exercises, and the share of (learner, exercise) pairs solved (%)."""
        by_lesson: dict[str, list[dict[str, Any]]] = {}
        for row in self.exercise_rows():
            by_lesson.setdefault(row["lesson"], []).append(row)
        out = []
        n = len(self.submissions)
        for lesson, rows in by_lesson.items():
            pairs = n * len(rows)
            solved = sum(r["solved"] for r in rows)
            complete = sum(
                all((sub.exercise(lesson, r["exercise"].split(".", 1)[1]) or {}).get("state")
                    == "solved" for r in rows)
                for sub in self.submissions
            )
            out.append(
                {
                    "lesson": lesson,
                    "exercises": len(rows),
                    "solved_percent": round(100 * solved / pairs, 1) if pairs else 0.0,
                    "learners_complete": complete,
                    "hints": sum(r["hints"] for r in rows),
                    "revealed": sum(r["revealed"] for r in rows),
                }
            )
        return out

    def summary(self) -> str:
        """Return a few lines: hand-ins combined, files left out (each with its reason)."""
        n = len(self.submissions)
        lines = [f"{n} hand-in{'s' if n != 1 else ''} combined."]
        if self.network is not None:
            lines.append(f"{len(self.network.table)} lesson 05 export(s) in the class picture.")
        for file, note in self.notes:
            lines.append(f"  note: {file}: {note}")
        if self.skipped:
            lines.append(f"Left out {len(self.skipped)} file(s):")
            lines += [f"  - {file}: {why}" for file, why in self.skipped]
        return "\n".join(lines)


# -- reading ---------------------------------------------------------------------------


def _parse_constant(name: str) -> Any:
    raise ValueError(f"it holds {name}, which is not a JSON number")


def read_handin(path: str | os.PathLike[str]) -> tuple[dict[str, Any], str]:
    """Read and check one hand-in file; return (data, sha256) or raise ValueError saying why.

    Never follows a symbolic link, never opens anything but a regular file (a pipe would
    block), and reads at most :data:`MAX_FILE_BYTES` + 1 bytes.

    Parameters
    ----------
    path : str or os.PathLike
        The hand-in file.

    Returns
    -------
    tuple of (dict, str)
        The checked hand-in (see :func:`~netind_teach.handin.check_handin`) and the
        SHA-256 of the file's bytes, in hex.

    Raises
    ------
    ValueError
        If the file cannot be read, is a symbolic link or not a regular file, is too
        large, is not UTF-8 text or valid JSON, or is not a well-formed hand-in; the
        message says which.
    """
    target = Path(path)
    try:
        info = os.lstat(target)
    except OSError as exc:
        raise ValueError(f"it cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISLNK(info.st_mode):
        raise ValueError("it is a symbolic link, not a file (copy the file itself here)")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("it is not a regular file (a folder, a pipe or a device)")
    if info.st_size > MAX_FILE_BYTES:
        raise ValueError(f"it is {info.st_size:,} bytes, too large for a hand-in")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise ValueError(f"it cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ValueError("it is not a regular file (a folder, a pipe or a device)")
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"it is over {MAX_FILE_BYTES:,} bytes, too large for a hand-in")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("it is not text (UTF-8)") from None
    try:
        data = json.loads(text, parse_constant=_parse_constant)
    except RecursionError:
        raise ValueError("it is nested too deeply to be a hand-in") from None
    except ValueError as exc:
        if "not a JSON number" in str(exc):
            raise
        raise ValueError("it is not valid JSON") from None
    try:
        return check_handin(data), hashlib.sha256(raw).hexdigest()
    except RecursionError:
        raise ValueError("it is nested too deeply to be a hand-in") from None


def _course() -> tuple[tuple[tuple[str, str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    from netind_teach.exercises import definitions, lessons

    exercises, reflections = [], []
    for lesson in lessons():
        for d in definitions(lesson):
            exercises.append((lesson, d.name, d.kind, d.heading))
            if d.kind == "reflection":
                reflections.append((lesson, d.name, " ".join(d.question.split())))
    return tuple(exercises), tuple(reflections)


def collect(folder: str | os.PathLike[str]) -> ClassReport:
    """Read a folder of hand-in files into a :class:`ClassReport` (see the module docstring).

    Raises ValueError only when ``folder`` is not a folder; a bad file never stops it.

    Parameters
    ----------
    folder : str or os.PathLike
        The folder holding the hand-in files (names starting with ``.`` are ignored).

    Returns
    -------
    ClassReport
        The hand-ins combined (the latest per learner), and every other file with the
        reason it was left out.
    """
    where = Path(folder).expanduser()
    if not where.is_dir():
        raise ValueError(f"{where} is not a folder. Fix: put the hand-in files in one folder.")
    exercises, reflections = _course()
    known = {(lesson, name) for lesson, name, _, _ in exercises}
    skipped: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    read: list[Submission] = []
    by_digest: dict[str, str] = {}
    names = sorted(entry.name for entry in os.scandir(where))
    for index, name in enumerate(names):
        if name.startswith("."):
            continue
        if index >= MAX_FILES:
            skipped.append((name, f"not read: only the first {MAX_FILES:,} files are read"))
            continue
        try:
            data, digest = read_handin(where / name)
        except ValueError as exc:
            skipped.append((name, str(exc)))
            continue
        if digest in by_digest:
            skipped.append((name, f"an exact copy of {by_digest[digest]}"))
            continue
        by_digest[digest] = name
        read.append(Submission(name, digest, data))
    kept = _latest_per_learner(read, skipped)
    for sub in kept:
        version = sub.data["course_version"]
        extra = sum(
            (lesson, ex) not in known
            for lesson, entry in sub.data["lessons"].items()
            for ex in entry["exercises"]
        )
        if version != __version__ or extra:
            notes.append(
                (sub.file, f"from course version {version} (this is {__version__}); "
                 f"{extra} exercise(s) this version does not have were left out")
            )
    network = _network_view(kept, skipped)
    return ClassReport(
        submissions=tuple(sorted(kept, key=lambda s: s.file)),
        skipped=tuple(sorted(skipped)),
        notes=tuple(notes),
        exercises=exercises,
        reflections=reflections,
        network=network,
    )


def _latest_per_learner(read: list[Submission], skipped: list[tuple[str, str]]) -> list[Submission]:
    """Keep each named learner's newest hand-in; name the older ones as left out."""
    newest: dict[str, Submission] = {}
    kept = []
    for sub in read:
        if not sub.learner:
            kept.append(sub)
            continue
        key = " ".join(sub.learner.split()).casefold()
        other = newest.get(key)
        if other is None:
            newest[key] = sub
            continue
        old, new = sorted((other, sub), key=lambda s: (s.data["created"], s.file))
        newest[key] = new
        skipped.append((old.file, f"an older hand-in by the same learner (newer: {new.file})"))
    return kept + list(newest.values())


def _network_view(kept: list[Submission], skipped: list[tuple[str, str]]) -> Any:
    exports = [(s.file, s.data["network_export"]) for s in kept if s.data["network_export"]]
    if not exports:
        return None
    from netind_teach.mynetwork import combine

    with tempfile.TemporaryDirectory(prefix="netind-collect-") as scratch:
        for file, export in exports:
            stem = file[:-5] if file.endswith(".json") else file
            Path(scratch, f"{stem}.json").write_text(json.dumps(export), encoding="utf-8")
        view = combine(scratch)
    skipped.extend((f"{file} (lesson 05 export)", why) for file, why in view.skipped)
    return view if len(view.table) else None


# -- writing ---------------------------------------------------------------------------

_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """Return a CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_CSV_RISKY) else text


def gradebook_csv(report: ClassReport) -> str:
    """One row per hand-in: who, course version, counts, then each exercise's state.

    Cells a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``) start with ``'``.

    Parameters
    ----------
    report : ClassReport
        What :func:`collect` found.

    Returns
    -------
    str
        CSV text: ``file``, ``learner``, ``course_version``, ``handed_in``, ``solved``,
        ``attempted``, ``hints_seen``, ``answers_revealed``, then one column per exercise
        (``lesson.name``) holding its state.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    ids = [f"{lesson}.{name}" for lesson, name, _, _ in report.exercises]
    writer.writerow(["file", "learner", "course_version", "handed_in", "solved", "attempted",
                     "hints_seen", "answers_revealed", *ids])
    for sub in report.submissions:
        entries = [sub.exercise(lesson, name) for lesson, name, _, _ in report.exercises]
        states = [e["state"] if e else "not attempted" for e in entries]
        writer.writerow(
            [_cell(sub.file), _cell(sub.learner), _cell(sub.data["course_version"]),
             _cell(sub.data["created"]), states.count("solved"), states.count("attempted"),
             sum(e["hints_seen"] for e in entries if e),
             sum(e["answer_revealed"] for e in entries if e), *states]
        )
    return buffer.getvalue()


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _table(caption: str, header: list[str], rows: list[list[Any]], row_header: bool = True) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = []
    for row in rows:
        cells = [
            f'<th scope="row">{_e(v)}</th>' if i == 0 and row_header else f"<td>{_e(v)}</td>"
            for i, v in enumerate(row)
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _bar_chart(lessons: list[dict[str, Any]]) -> str:
    """Return an SVG bar chart of % solved per lesson, with a title and a description."""
    width, bar_h, gap, left = 520, 22, 10, 90
    height = len(lessons) * (bar_h + gap) + gap
    desc = "; ".join(f"lesson {r['lesson']}: {r['solved_percent']}% solved" for r in lessons)
    bars = []
    for i, r in enumerate(lessons):
        y = gap + i * (bar_h + gap)
        w = (width - left - 60) * r["solved_percent"] / 100
        bars.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">lesson {_e(r["lesson"])}</text>'
            f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#0b5cad"/>'
            f'<text x="{left + w + 6:.1f}" y="{y + 16}">{_e(r["solved_percent"])}%</text>'
        )
    return (
        f'<svg role="img" aria-labelledby="chart-title chart-desc" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-size="14" '
        'font-family="sans-serif" fill="#1f2328">'
        '<title id="chart-title">Share of exercises solved, per lesson</title>'
        f'<desc id="chart-desc">{_e(desc)}</desc>{"".join(bars)}</svg>'
    )


def _network_html(view: Any) -> str:
    counts = view.counts()
    rows = [[str(group), *[int(v) for v in counts.loc[group]]] for group in counts.index]
    table = _table("People of each type per age group (lesson 05 exports)",
                   ["age group", *[str(c) for c in counts.columns]], rows)
    total = counts.loc["all"]
    alt = ("Stacked bars of network types per age group: "
           + ", ".join(f"{t} {int(total[t])}" for t in counts.columns) + " in all.")
    image = ""
    with contextlib.suppress(Exception):  # the table above says the same
        from netind_teach import rendering

        fig = rendering.new_figure((7, 3.8), dpi=90)
        fig.set_layout_engine("constrained")
        view.plot_types(ax=fig.add_subplot())
        data = base64.b64encode(rendering.figure_png(fig)).decode("ascii")
        image = f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}">'
    return (f"<h2>Lesson 05: the class picture</h2><p>{_e(view.summary().splitlines()[0])} "
            f"{_e(view.summary().splitlines()[1] if len(view.table) else '')}</p>{image}{table}")


_STYLE = """
body{font-family:system-ui,sans-serif;color:#1f2328;max-width:70em;margin:1em auto;padding:0 1em}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #8c959f;padding:3px 8px;text-align:left}
caption{text-align:left;font-weight:bold;padding:4px 0}
blockquote{white-space:pre-wrap;border-left:4px solid #0b5cad;margin:.4em 0;padding:2px 10px}
"""


def report_html(report: ClassReport) -> str:
    """Return the class report as one self-contained, accessible HTML page (text escaped).

    Parameters
    ----------
    report : ClassReport
        What :func:`collect` found.

    Returns
    -------
    str
        The HTML page: completion per lesson (a chart and its table) and per exercise,
        where learners needed help, reflections by question, lesson 05's class network
        when hand-ins carried exports, and the files noted or left out.
    """
    n = len(report.submissions)
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Class report: {n} hand-ins</title><style>{_STYLE}</style></head><body><main>",
        "<h1>netind-teach class report</h1>",
        f"<p>Course version {_e(__version__)}. {n} hand-in{'s' if n != 1 else ''} combined; "
        f"{len(report.skipped)} file(s) left out (listed at the end).</p>",
    ]
    lessons = report.lesson_rows()
    parts.append("<h2>Completion per lesson</h2>")
    if n:
        parts.append(_bar_chart(lessons))
    parts.append(_table(
        "Completion per lesson (the chart's data)",
        ["lesson", "exercises", "solved (% of learner-exercise pairs)",
         "learners who solved every exercise", "hints seen (learner-exercise pairs)",
         "answers revealed (learner-exercise pairs)"],
        [[r["lesson"], r["exercises"], r["solved_percent"], r["learners_complete"], r["hints"],
          r["revealed"]] for r in lessons],
    ))
    rows = report.exercise_rows()
    parts.append("<h2>Completion per exercise</h2>")
    parts.append(_table(
        "Learners per exercise and state; hints and revealed answers",
        ["exercise", "title", "solved", "attempted", "not attempted",
         "saw a hint", "revealed the answer"],
        [[r["exercise"], r["title"], r["solved"], r["attempted"], r["not attempted"],
          r["hints"], r["revealed"]] for r in rows],
    ))
    needing = sorted(rows, key=lambda r: (-(r["hints"] + r["revealed"]), r["exercise"]))[:5]
    needing = [r for r in needing if r["hints"] + r["revealed"]]
    parts.append("<h2>Where learners needed help</h2>")
    if needing:
        parts.append("<ul>" + "".join(
            f"<li>{_e(r['exercise'])} ({_e(r['title'])}): {r['hints']} saw a hint, "
            f"{r['revealed']} revealed the answer</li>" for r in needing) + "</ul>")
    else:
        parts.append("<p>No hints seen and no answers revealed.</p>")
    parts.append("<h2>Reflections, by question</h2>")
    for lesson, name, question in report.reflections:
        answers = [
            (sub.label, entry["text"])
            for sub in report.submissions
            if (entry := sub.data["lessons"].get(lesson, {}).get("reflections", {}).get(name))
            and entry["text"].strip()
        ]
        parts.append(f"<h3>{_e(lesson)}.{_e(name)}: {_e(question)}</h3>")
        if not answers:
            parts.append("<p>No answers handed in.</p>")
        for who, text in answers:
            parts.append(f"<figure><figcaption>{_e(who)}</figcaption>"
                         f"<blockquote>{_e(text)}</blockquote></figure>")
    if report.network is not None:
        parts.append(_network_html(report.network))
    parts.append("<h2>Files combined with a note</h2>")
    parts.append(_table("Files combined with a note", ["file", "note"],
                        [list(x) for x in report.notes]) if report.notes else "<p>None.</p>")
    parts.append("<h2>Files left out</h2>")
    parts.append(_table("Files left out, with the reason", ["file", "why"],
                        [list(x) for x in report.skipped]) if report.skipped else "<p>None.</p>")
    parts.append("</main></body></html>\n")
    return "".join(parts)


def collect_and_write(
    folder: str | os.PathLike[str], out: str | os.PathLike[str] = "class-report.html"
) -> ClassReport:
    """Collect ``folder``; write the report to ``out`` and the CSV beside it (``.csv``).

    Both files are written atomically. Returns the :class:`ClassReport`.

    Parameters
    ----------
    folder : str or os.PathLike
        The folder holding the hand-in files.
    out : str or os.PathLike
        Path of the HTML report; the CSV gradebook goes to the same path with ``.csv``.

    Returns
    -------
    ClassReport
        What :func:`collect` found.
    """
    report = collect(folder)
    target = Path(out).expanduser()
    write_text(target, report_html(report))
    write_text(target.with_suffix(".csv"), gradebook_csv(report))
    return report


# -- a synthetic class, to try collect on ------------------------------------------------


def write_synthetic_handins(
    folder: str | os.PathLike[str], n: int = 40, seed: int = 0, with_network: bool = True
) -> list[Path]:
    """Write ``n`` made-up hand-ins (learners "Synthetic learner 01" ...) into ``folder``.

    Each is made the real way, through a progress record and :func:`handin_data`;
    about half carry a synthetic lesson 05 export. For practice and tests only.

    Parameters
    ----------
    folder : str or os.PathLike
        Where to write them (created if missing).
    n : int
        Number of hand-ins.
    seed : int
        Seed of all random choices.
    with_network : bool
        Whether some hand-ins carry a synthetic lesson 05 network export.

    Returns
    -------
    list of pathlib.Path
        The files written, ``hand-in-01.json`` onwards.
    """
    from netind_teach.exercises import definitions, lessons
    from netind_teach.mynetwork import export_data, synthetic_network

    rng = random.Random(seed)
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    # the scratch progress records are written often (each fsync-ed): memory-backed if we can
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="netind-synthetic-", dir=shm) as scratch:
        for i in range(1, n + 1):
            store = Progress(Path(scratch) / f"p{i}.json")
            diligence = rng.random()
            for lesson in lessons():
                for d in definitions(lesson):
                    if rng.random() > diligence + 0.2:
                        continue
                    for _ in range(rng.randint(1, 3)):
                        store.record_attempt(lesson, d.name)
                    if rng.random() < 0.3:
                        store.record_hint(lesson, d.name, rng.randint(1, max(1, len(d.hints))))
                    if rng.random() < 0.1:
                        store.record_reveal(lesson, d.name)
                    if d.kind == "reflection":
                        store.save_reflection(lesson, d.name, f"Synthetic reflection {i}: "
                                              + rng.choice(_PHRASES))
                    if rng.random() < 0.8:
                        store.mark_done(lesson, d.name)
            network = None
            if with_network and rng.random() < 0.5:
                network = export_data(synthetic_network(seed=seed * 1000 + i), synthetic=True)
            data = handin_data(store, learner=f"Synthetic learner {i:02d}", network=network,
                               created=f"2026-12-01T10:{i % 60:02d}:00+00:00")
            path = target / f"hand-in-{i:02d}.json"
            write_text(path, json.dumps(data, indent=1, sort_keys=True) + "\n")
            written.append(path)
    return written


_PHRASES = (
    "my family and my climbing club never meet.",
    "most of my ties are online friends from school.",
    "I keep in touch with my cousins through one group chat.",
    "my neighbours and colleagues overlap a lot.",
)
