"""The ``netind-teach`` command.

``netind-teach doctor``             check this machine can run the course
``netind-teach copy-lessons DIR``   copy the lesson notebooks into DIR (never overwrites)
``netind-teach lab [DIR]``          copy the lessons into DIR (default ./netind-lessons) if
                                    they are not there yet, then open JupyterLab there on
                                    lesson 00 (never overwriting a learner's edits)
``netind-teach build-site DIR``     the learners' static site: executed lessons, README and
                                    docs as HTML, no answer key (``--instructor``: the
                                    instructor edition, with the guide and the key)
``netind-teach student-copy DIR``   lessons with outputs cleared, for handing out
``netind-teach refresh-docs [ROOT]`` regenerate the answer key in docs/instructor-guide.md
                                    and the dataset cards in docs/datasets.md
``netind-teach hand-in [DIR]``      preview, then write, a hand-in file for the LMS into DIR
``netind-teach lessons ACTION [NB...]`` for course authors: ``refresh`` re-executes the
                                    lessons and keeps only checked outputs (``make lessons``),
                                    ``strip`` only cleans them, ``check`` exits 1 if one is
                                    not clean (default: every ``lessons/*.ipynb`` here)
``netind-teach collect FOLDER``     a class report (HTML) and a gradebook CSV from a folder of
                                    hand-in files (``--out report.html``)

Examples
--------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "course"
>>> copied = copy_lessons(target)
>>> "00_welcome.ipynb" in [p.name for p in copied]
True
>>> copy_lessons(target)  # a second copy keeps the learner's edits
[]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from netind_teach.lab import DEFAULT_FOLDER, copy_lessons, lab_command

__all__ = ["copy_lessons", "lab_command", "main"]


def _doctor(_: argparse.Namespace) -> int:
    from netind_teach import doctor

    return doctor.main()


def _copy(args: argparse.Namespace) -> int:
    written = copy_lessons(args.dir)
    kept = "" if written else " (all lessons were already there; nothing overwritten)"
    print(f"copied {len(written)} lesson(s) into {args.dir}{kept}")
    return 0


def _lab(args: argparse.Namespace) -> int:
    from netind_teach import lab

    if not _has_module("jupyterlab"):
        print("JupyterLab is not installed -> fix: pip install netind-teach", file=sys.stderr)
        return 1
    try:
        report = lab.prepare_folder(args.dir)
    except lab.LabFolderError as problem:
        print(f"netind-teach lab: {problem}", file=sys.stderr)
        return 2
    if report.copied:
        print(f"copied {len(report.copied)} lesson(s) into {report.folder}; "
              "your edits stay in this folder")
    if report.edited:
        print(f"kept your own version of {', '.join(report.edited)} in {report.folder} "
              "(never overwritten; for a fresh copy, name another folder)")
    command = lab.lab_command(report.folder, args.port, open_browser=not args.no_browser)
    return lab.run(command, report.folder.resolve(), lab.lab_environment())


def _build_site(args: argparse.Namespace) -> int:
    from netind_teach.site import SiteError, build_site
    from netind_teach.sitewidgets import WidgetsAssetsError

    try:
        build_site(args.dir, instructor=args.instructor)
    except (SiteError, WidgetsAssetsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"open {Path(args.dir) / 'index.html'}")
    return 0


def _student_copy(args: argparse.Namespace) -> int:
    from netind_teach.site import student_copy

    written = student_copy(args.dir)
    print(f"wrote {len(written)} cleared lesson(s) into {args.dir}")
    return 0


def _refresh_docs(args: argparse.Namespace) -> int:
    from netind_teach.datasets import write_cards_markdown
    from netind_teach.site import refresh_answer_key

    docs = Path(args.root) / "docs"
    guide = docs / "instructor-guide.md"
    guide.write_text(refresh_answer_key(guide.read_text(encoding="utf-8")), encoding="utf-8")
    write_cards_markdown(docs / "datasets.md")
    print(f"refreshed {guide} and {docs / 'datasets.md'}")
    from netind_teach.publishing import REPOSITORY, refresh_files

    for path in refresh_files(args.root):
        print(f"links to {REPOSITORY} refreshed in {path}")
    return 0


def _hand_in(args: argparse.Namespace) -> int:
    from netind_teach.handin import HandIn, handin_filename

    interactive = sys.stdin is not None and sys.stdin.isatty()
    learner = args.name
    if learner is None and interactive:
        learner = input("Name or student number (optional, press Enter to skip): ")
    handin = HandIn(folder=args.dir)
    try:
        text = handin.preview(learner=learner, include_network=args.with_network)
    except (TypeError, ValueError) as exc:
        print(f"hand-in: {exc}", file=sys.stderr)
        return 2
    target = Path(args.dir) / handin_filename(" ".join((learner or "").split()) or None)
    print(text, end="")
    print(f"-- This is everything {target} will contain (nothing is sent anywhere).")
    if not args.yes:
        if not interactive:
            print("Not written. Fix: check the text above, then run again with --yes.")
            return 1
        if input("Write it? [y/N] ").strip().lower() not in ("y", "yes"):
            print("Not written.")
            return 1
    try:
        written = handin.write()
    except (OSError, ValueError) as exc:
        print(f"hand-in: not written: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {written}; upload it to your course page")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from netind_teach.collect import collect_and_write

    try:
        report = collect_and_write(args.folder, args.out)
    except (OSError, ValueError) as exc:
        print(f"collect: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def _lessons(args: argparse.Namespace) -> int:
    from netind_teach import notebooks

    paths = args.paths or sorted(Path("lessons").glob("*.ipynb"))
    if not paths:
        print("lessons: no notebook given and none in ./lessons -> fix: name the notebooks "
              "or run from the course's checkout", file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        if args.action == "refresh":
            seconds = notebooks.refresh_notebook(path)
            print(f"refreshed {path} ({seconds:.1f} s)")
        elif args.action == "strip":
            notebooks.strip_file(path)
            print(f"stripped {path}")
        else:
            for problem in notebooks.notebook_problems(path):
                print(problem)
                status = 1
    return status


def _has_module(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netind-teach", description="A Jupyter course on networked individualism."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("doctor", help="check this machine can run the course").set_defaults(
        run=_doctor
    )
    copy = commands.add_parser("copy-lessons", help="copy the lessons into DIR")
    copy.add_argument("dir", type=Path)
    copy.set_defaults(run=_copy)
    lab = commands.add_parser("lab", help="copy the lessons (if needed) and open JupyterLab")
    lab.add_argument("dir", nargs="?", default=DEFAULT_FOLDER, type=Path)
    lab.add_argument("--port", type=int, default=None)
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    lab.set_defaults(run=_lab)
    site = commands.add_parser(
        "build-site", help="render lessons and docs as a static site (learners' edition)")
    site.add_argument("dir", type=Path)
    edition = site.add_mutually_exclusive_group()
    edition.add_argument("--instructor", action="store_true",
                         help="the instructor edition: with the guide and its answer key")
    edition.add_argument("--for-students", action="store_false", dest="instructor",
                         help="the learners' edition, without the key (the default)")
    site.set_defaults(run=_build_site)
    hand_out = commands.add_parser("student-copy", help="lessons with outputs cleared")
    hand_out.add_argument("dir", type=Path)
    hand_out.set_defaults(run=_student_copy)
    docs = commands.add_parser("refresh-docs", help="regenerate the answer key and data cards")
    docs.add_argument("root", nargs="?", default=".", type=Path)
    docs.set_defaults(run=_refresh_docs)
    hand_in = commands.add_parser(
        "hand-in", help="preview, then write, a hand-in file of your progress for the LMS"
    )
    hand_in.add_argument("dir", nargs="?", default=".", type=Path,
                         help="where to write it, and where lesson 05's network is saved")
    hand_in.add_argument("--name", default=None,
                         help="your name or student number (optional; nothing is guessed)")
    hand_in.add_argument("--with-network", action="store_true",
                         help="add the anonymised export of your lesson 05 network")
    hand_in.add_argument("--yes", action="store_true", help="write without asking")
    hand_in.set_defaults(run=_hand_in)
    lessons = commands.add_parser(
        "lessons", help="for course authors: refresh, strip or check the lesson notebooks"
    )
    lessons.add_argument("action", choices=["refresh", "strip", "check"],
                         help="refresh: execute, then keep only checked outputs; strip: "
                         "only clean; check: exit 1 if a notebook is not clean")
    lessons.add_argument("paths", nargs="*", type=Path, metavar="NOTEBOOK",
                         help="the notebooks (default: lessons/*.ipynb in this folder)")
    lessons.set_defaults(run=_lessons)
    collect = commands.add_parser(
        "collect", help="a class report and gradebook CSV from a folder of hand-in files"
    )
    collect.add_argument("folder", type=Path)
    collect.add_argument("--out", type=Path, default=Path("class-report.html"),
                         help="the report (default ./class-report.html); the CSV goes beside it")
    collect.set_defaults(run=_collect)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``netind-teach`` console script.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments (default: the command line's).

    Returns
    -------
    int
        The exit status: 0 on success.
    """
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
