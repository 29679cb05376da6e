"""Hand in: one file for the learning-management system (LMS), previewed before it is written.

A hand-in file holds, for every lesson with exercises: each exercise's state (``solved``,
``attempted`` or ``not attempted``), how many answers were checked, how many hints were seen
and whether the answer was shown; the text of each reflection with its question; the course
version; and, only when the learner asks for it, the anonymised export of their lesson 05
network (random ids and categories, never a nickname: see
:func:`netind_teach.mynetwork.export_data`). A name or student number goes in only when the
learner types one; nothing is guessed from the computer.

Nothing from the private network file (``my_network.json``) is copied: only the export,
which is rebuilt from the network and checked by :func:`netind_teach.mynetwork.check_export`.

See exactly what will be written with :func:`handin_text` (or :meth:`HandIn.preview` in a
notebook); :func:`write_handin` writes that text, atomically.

Examples
--------
>>> import tempfile, pathlib
>>> from netind_teach.progress import Progress
>>> store = Progress(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
>>> store.mark_done("00", "coined"); store.record_attempt("00", "coined")
>>> data = handin_data(store, learner="  Ana 042 ", created="2026-12-01T10:00:00+00:00")
>>> data["learner"], data["lessons"]["00"]["exercises"]["coined"]["state"]
('Ana 042', 'solved')
>>> data["lessons"]["00"]["exercises"]["share"]["state"]
'not attempted'
>>> check_handin(json.loads(handin_text(store)))["format"]
'netind-teach-hand-in'
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeGuard

from netind_teach import __version__, store
from netind_teach.progress import Progress
from netind_teach.quantities import is_whole
from netind_teach.wording import short

__all__ = [
    "HANDIN_FORMAT",
    "HANDIN_VERSION",
    "MAX_LEARNER",
    "MAX_TEXT",
    "STATES",
    "HandIn",
    "check_handin",
    "handin_data",
    "handin_filename",
    "handin_text",
    "network_export",
    "preview_html",
    "write_handin",
]

#: ``format`` field of a hand-in file.
HANDIN_FORMAT = "netind-teach-hand-in"
#: Newest hand-in version written and read.
HANDIN_VERSION = 1
#: The three states of an exercise, as a hand-in names them.
STATES = ("solved", "attempted", "not attempted")
#: Longest name or student number kept (characters).
MAX_LEARNER = 80
#: Longest reflection text kept (characters).
MAX_TEXT = 20_000

_LESSON = re.compile(r"\d\d")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
_KEYS = {"format", "version", "course_version", "created", "learner", "lessons", "network_export"}
_EXERCISE_KEYS = {"kind", "title", "state", "attempts", "hints_seen", "answer_revealed"}
_COUNT_LIMIT = 1_000_000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _clean_learner(learner: Any) -> str | None:
    if learner is None:
        return None
    if not isinstance(learner, str):
        raise TypeError(f"a name or student number is text, not {type(learner).__name__}")
    text = " ".join(learner.split())
    if len(text) > MAX_LEARNER:
        raise ValueError(
            f"a name or student number has at most {MAX_LEARNER} characters; this one has "
            f"{len(text)}. Fix: type a shorter one (or none)."
        )
    return text or None


def network_export(folder: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """Return the anonymised export of the lesson 05 network saved in ``folder``, or None.

    Only the export is returned (random ids, categories, links, measures): the nicknames
    and the secret salt of ``my_network.json`` never leave it. The file is only read: a
    broken one is left as it is (lesson 05's builder deals with it) and a ValueError says
    why it cannot be added.

    Parameters
    ----------
    folder : str or os.PathLike or None
        A folder holding ``my_network.json``, or that ``.json`` file itself; None is the
        working folder.

    Returns
    -------
    dict or None
        The checked anonymised export, or None when there is no saved network.

    Raises
    ------
    ValueError
        If the saved network cannot be read; the message says how to hand in without it.

    Examples
    --------
    >>> import tempfile
    >>> network_export(tempfile.mkdtemp()) is None
    True
    """
    from netind_teach.mynetwork import PersonalNetwork, check_export, export_data
    from netind_teach.mynetwork.storage import MAX_FILE_BYTES, resolve_path

    target = resolve_path(folder)
    if not target.is_file():
        return None
    try:
        if target.stat().st_size > MAX_FILE_BYTES:
            raise ValueError("it is too large")
        network = PersonalNetwork.from_dict(json.loads(target.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise ValueError(
            f"your lesson 05 network ({target.name}) cannot be read ({exc}). Fix: hand in "
            "without it, or open lesson 05, whose builder says how to repair it."
        ) from None
    return check_export(export_data(network))


def handin_data(
    progress: Progress | None = None,
    *,
    learner: str | None = None,
    network: dict[str, Any] | None = None,
    created: str | None = None,
) -> dict[str, Any]:
    """Return the hand-in as plain data (what :func:`handin_text` writes as JSON).

    Parameters
    ----------
    progress : Progress, optional
        The learner's progress record (default: the environment's, see
        :mod:`netind_teach.progress`).
    learner : str, optional
        A name or student number the learner typed; None (the default) leaves it out.
    network : dict, optional
        An anonymised lesson 05 export (:func:`network_export`); checked before use.
    created : str, optional
        The time stamp to record (default: now, UTC).

    Returns
    -------
    dict
        ``format``, ``version``, ``course_version``, ``created``, ``learner``,
        ``network_export``, and ``lessons``: per lesson its title and, per exercise, its
        kind, title, state, attempts, hints seen and whether the answer was revealed, plus
        the reflections written.
    """
    from netind_teach.exercises.catalogue import definitions, lesson_title, lessons

    store = Progress() if progress is None else progress
    record = store.load()["lessons"]
    out: dict[str, Any] = {}
    for number in lessons():
        saved = record.get(number, {})
        done = saved.get("done", {})
        activity = saved.get("activity", {})
        texts = saved.get("reflections", {})
        exercises: dict[str, Any] = {}
        reflections: dict[str, Any] = {}
        for d in definitions(number):
            did = store.activity(number, d.name) if d.name in activity else None
            did = did or {"attempts": 0, "hints": 0, "revealed": False}
            state = (
                "solved"
                if d.name in done
                else "attempted"
                if did["attempts"] or d.name in texts
                else "not attempted"
            )
            exercises[d.name] = {
                "kind": d.kind,
                "title": d.heading,
                "state": state,
                "attempts": did["attempts"],
                "hints_seen": did["hints"],
                "answer_revealed": did["revealed"],
            }
            if d.kind == "reflection" and d.name in texts:
                reflections[d.name] = {
                    "question": " ".join(d.question.split()),
                    "text": texts[d.name]["text"][:MAX_TEXT],
                }
        out[number] = {"title": lesson_title(number), "exercises": exercises,
                       "reflections": reflections}
    if network is not None:
        from netind_teach.mynetwork import check_export

        network = check_export(network)
    return {
        "format": HANDIN_FORMAT,
        "version": HANDIN_VERSION,
        "course_version": __version__,
        "created": created or _now(),
        "learner": _clean_learner(learner),
        "lessons": out,
        "network_export": network,
    }


def handin_text(progress: Progress | None = None, **options: Any) -> str:
    """Return the exact text of a hand-in file (JSON; the options of :func:`handin_data`).

    Parameters
    ----------
    progress : Progress, optional
        The learner's progress record (default: the environment's).
    **options
        ``learner``, ``network`` and ``created``, passed to :func:`handin_data`.

    Returns
    -------
    str
        The hand-in as indented JSON with sorted keys, ending in a newline.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.progress import Progress
    >>> text = handin_text(Progress(pathlib.Path(tempfile.mkdtemp()) / "p.json"))
    >>> text.splitlines()[1]
    ' "course_version": "0.1.0",'
    """
    data = handin_data(progress, **options)
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def handin_filename(learner: str | None = None) -> str:
    """Return a file name for a hand-in: ``netind-hand-in[-<name>].json``.

    Only letters, digits and dashes of the name are kept (the file's content keeps the name
    as typed).

    Parameters
    ----------
    learner : str or None
        The name or student number typed; None gives the plain name.

    Returns
    -------
    str
        The file name.

    Examples
    --------
    >>> handin_filename(), handin_filename("Ana Šimić / 042")
    ('netind-hand-in.json', 'netind-hand-in-Ana-imi-042.json')
    """
    slug = "-".join(re.findall(r"[A-Za-z0-9]+", learner or ""))[:40]
    return f"netind-hand-in-{slug}.json" if slug else "netind-hand-in.json"


def write_handin(text: str, path: str | os.PathLike[str]) -> Path:
    """Write hand-in ``text`` to ``path`` (a file, or a folder for :func:`handin_filename`).

    The text is checked first (:func:`check_handin`) and written atomically: the file is
    either absent, the old one, or complete. Returns the absolute path written.

    Parameters
    ----------
    text : str
        The hand-in's text, as :func:`handin_text` returns it.
    path : str or os.PathLike
        The file to write, or a folder to write :func:`handin_filename` into.

    Returns
    -------
    pathlib.Path
        The absolute path written.

    Raises
    ------
    ValueError
        If ``text`` is not a well-formed hand-in.
    """
    data = check_handin(json.loads(text))
    target = Path(path).expanduser()
    if target.is_dir():
        target = target / handin_filename(data["learner"])
    store.write_text(target, text)
    return target.absolute()


def preview_html(text: str, target: str | None = None) -> str:
    """HTML showing, in full, the text a hand-in file will hold (escaped).

    Parameters
    ----------
    text : str
        The hand-in's text, as :func:`handin_text` returns it.
    target : str or None
        Where the file will be written, named in the heading; None names no place.

    Returns
    -------
    str
        A paragraph of instructions and a scrollable, keyboard-focusable ``<pre>`` with
        the whole text.
    """
    where = f" {html.escape(target)}" if target else ""
    return (
        f"<p><b>This is everything the hand-in file{where} will contain.</b> Check it, then "
        "press <i>Write hand-in file</i>. Upload the file to your course page yourself: "
        "nothing is sent anywhere.</p>"
        "<pre style='max-height:22em;overflow:auto;border:1px solid #ccc;padding:4px;"
        "white-space:pre-wrap' tabindex='0' aria-label='hand-in file preview'>"
        f"{html.escape(text)}</pre>"
    )


# -- checking a hand-in someone else wrote (collect reads these) ------------------------


def _is_count(value: Any) -> TypeGuard[int]:
    return is_whole(value) and 0 <= value <= _COUNT_LIMIT


def check_handin(data: Any) -> dict[str, Any]:
    """Check that ``data`` is a well-formed hand-in; return it or raise ValueError saying why.

    Strict on purpose: unknown fields, wrong types, over-long texts and out-of-range
    counts make a file malformed. Exercises and lessons this course version does not know
    are allowed (a file from another version); :mod:`netind_teach.collect` sets them apart.

    Parameters
    ----------
    data : object
        The parsed JSON of a hand-in file.

    Returns
    -------
    dict
        ``data`` itself, unchanged, once checked.

    Raises
    ------
    ValueError
        If ``data`` is not a well-formed hand-in; the message names the first problem.

    Examples
    --------
    >>> check_handin({"format": "netind-teach-progress"})
    Traceback (most recent call last):
    ...
    ValueError: it is a progress file, not a hand-in: write one with ex.hand_in()
    """
    if not isinstance(data, dict):
        raise ValueError(f"it holds a {type(data).__name__}, not a hand-in")
    if data.get("format") == "netind-teach-progress":
        raise ValueError("it is a progress file, not a hand-in: write one with ex.hand_in()")
    if data.get("format") != HANDIN_FORMAT:
        raise ValueError(f"it is not a netind-teach hand-in (format {short(data.get('format'))})")
    version = data.get("version")
    if not _is_count(version) or not 1 <= version <= HANDIN_VERSION:
        raise ValueError(f"it has an unknown hand-in version {short(version)}")
    if set(data) != _KEYS:
        raise ValueError(f"its fields are not a hand-in's (check {sorted(set(data) ^ _KEYS)[:3]})")
    for key in ("course_version", "created"):
        if not isinstance(data[key], str) or not 0 < len(data[key]) <= 40:
            raise ValueError(f"its {key!r} is not a short text")
    learner = data["learner"]
    if learner is not None and (not isinstance(learner, str) or len(learner) > MAX_LEARNER):
        raise ValueError(f"its 'learner' is not a name of at most {MAX_LEARNER} characters")
    lessons = data["lessons"]
    if not isinstance(lessons, dict) or len(lessons) > 100:
        raise ValueError("its 'lessons' are missing or not a table of lessons")
    for number, lesson in lessons.items():
        _check_lesson(number, lesson)
    if data["network_export"] is not None:
        from netind_teach.mynetwork import check_export

        try:
            check_export(data["network_export"])
        except ValueError as exc:
            raise ValueError(f"its lesson 05 export is malformed: {exc}") from None
    return data


def _check_lesson(number: Any, lesson: Any) -> None:
    if not _LESSON.fullmatch(str(number)):
        raise ValueError(f"it names a lesson {short(number)} (lessons are two digits)")
    if not isinstance(lesson, dict) or set(lesson) != {"title", "exercises", "reflections"}:
        raise ValueError(f"lesson {number} has missing or extra fields")
    if not isinstance(lesson["title"], str) or len(lesson["title"]) > 200:
        raise ValueError(f"lesson {number} has a bad title")
    for part in ("exercises", "reflections"):
        entries = lesson[part]
        if not isinstance(entries, dict) or len(entries) > 200:
            raise ValueError(f"lesson {number}: its {part!r} are not a table")
        if not all(isinstance(n, str) and _NAME.fullmatch(n) for n in entries):
            raise ValueError(f"lesson {number}: an exercise name is not a plain name")
    for name, entry in lesson["exercises"].items():
        if not isinstance(entry, dict) or set(entry) != _EXERCISE_KEYS:
            raise ValueError(f"exercise {number}.{name} has missing or extra fields")
        if entry["state"] not in STATES:
            raise ValueError(f"exercise {number}.{name} has an unknown state")
        if not (_is_count(entry["attempts"]) and _is_count(entry["hints_seen"])):
            raise ValueError(f"exercise {number}.{name}: attempts and hints are not counts")
        if not isinstance(entry["answer_revealed"], bool):
            raise ValueError(f"exercise {number}.{name}: 'answer_revealed' is not true or false")
        for key in ("kind", "title"):
            if not isinstance(entry[key], str) or len(entry[key]) > 200:
                raise ValueError(f"exercise {number}.{name} has a bad {key!r}")
    for name, entry in lesson["reflections"].items():
        if not isinstance(entry, dict) or set(entry) != {"question", "text"}:
            raise ValueError(f"reflection {number}.{name} has missing or extra fields")
        for key, limit in (("question", 2_000), ("text", MAX_TEXT)):
            if not isinstance(entry[key], str) or len(entry[key]) > limit:
                raise ValueError(f"reflection {number}.{name}: its {key} is not text or too long")


# -- the notebook side ----------------------------------------------------------------


@dataclass
class HandIn:
    """Preview, then write, a hand-in file: :meth:`preview`, then :meth:`write`.

    In a lesson, ``ex.hand_in()`` shows it as a small form
    (:class:`netind_teach.handin_widget.HandInForm`): a box for an optional name or
    student number, a tick box to add the lesson 05 export (only when a network is saved
    in ``folder``), *Preview* and *Write hand-in file* (which stays off until a preview
    shows exactly what will be written).

    Parameters
    ----------
    progress : Progress, optional
        The progress record (default: the environment's).
    folder : path, optional
        Where the file is written and where ``my_network.json`` is looked for (default:
        the working folder, i.e. the notebook's).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from netind_teach.progress import Progress
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> h = HandIn(Progress(folder / "p.json"), folder=folder)
    >>> h.write()
    Traceback (most recent call last):
    ...
    ValueError: Preview the hand-in first (h.preview()), so you see what the file holds.
    >>> "course_version" in h.preview(learner="042")
    True
    >>> h.write().name
    'netind-hand-in-042.json'
    """

    progress: Progress | None = None
    folder: str | os.PathLike[str] | None = None

    def __post_init__(self) -> None:
        self._previewed: tuple[str, dict[str, Any]] | None = None

    @property
    def target_folder(self) -> Path:
        """The folder the file is written in."""
        return Path.cwd() if self.folder is None else Path(self.folder).expanduser()

    def has_network(self) -> bool:
        """Return True when a lesson 05 network is saved in :attr:`target_folder`."""
        try:
            return network_export(self.target_folder) is not None
        except Exception:
            return False

    def preview(self, learner: str | None = None, include_network: bool = False) -> str:
        """Return (and remember) the exact text the file will hold."""
        options = {
            "learner": learner,
            "network": network_export(self.target_folder) if include_network else None,
            "created": _now(),
        }
        text = handin_text(self.progress, **options)
        self._previewed = (text, options)
        return text

    def write(self) -> Path:
        """Write the previewed text, if it is still what the file would hold; return the path.

        Raises ValueError when nothing was previewed, or progress changed since the preview
        (then preview again).
        """
        if self._previewed is None:
            raise ValueError(
                "Preview the hand-in first (h.preview()), so you see what the file holds."
            )
        text, options = self._previewed
        if handin_text(self.progress, **options) != text:
            self._previewed = None
            raise ValueError(
                "Your progress changed since the preview. Preview again, then write."
            )
        return write_handin(text, self.target_folder)

    def __repr__(self) -> str:
        return (
            f"Hand-in for the LMS: preview() shows the file, write() writes it into "
            f"{self.target_folder}"
        )
