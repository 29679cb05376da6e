"""`netind-teach collect`: a generated class of 40 with broken, duplicate and hostile files
mixed in; the report's accessibility and escaping; the gradebook CSV."""

from __future__ import annotations

import csv
import io
import json
import os
from html.parser import HTMLParser

import pytest

from netind_teach import __version__, cli
from netind_teach.collect import (
    MAX_FILE_BYTES,
    collect,
    collect_and_write,
    gradebook_csv,
    report_html,
    write_synthetic_handins,
)
from netind_teach.exercises import definitions, lessons

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    written = write_synthetic_handins(folder, n=40, seed=3)
    first = json.loads(written[0].read_text())
    # a resubmission by learner 02 (newer), and a byte-identical copy of learner 03's file
    second = json.loads(written[1].read_text())
    second["created"] = "2026-12-02T09:00:00+00:00"
    second["lessons"]["00"]["exercises"]["coined"]["state"] = "solved"
    (folder / "zz-resubmitted-02.json").write_text(json.dumps(second))
    (folder / "copy-of-03.json").write_bytes(written[2].read_bytes())
    # hostile text in fields a learner controls
    evil = json.loads(written[3].read_text())
    evil["learner"] = "=HYPERLINK(\"x\")" + HOSTILE[:40]
    evil["lessons"]["00"]["reflections"]["my_circles"] = {
        "question": "q", "text": HOSTILE + " & \"quotes\""}
    (folder / "hand-in-04.json").write_text(json.dumps(evil))
    # another course version, with an exercise this version does not have
    old = json.loads(written[4].read_text())
    old["course_version"] = "0.0.9"
    old["learner"] = "Old version learner"
    old["network_export"] = None
    old["lessons"]["00"]["exercises"]["retired_one"] = dict(
        first["lessons"]["00"]["exercises"]["coined"])
    (folder / "older-version.json").write_text(json.dumps(old))
    # broken and hostile files
    (folder / "empty.json").write_text("")
    (folder / "truncated.json").write_text(written[5].read_text()[:500])
    (folder / "deep.json").write_text("[" * 200_000)
    (folder / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 10))
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "nan.json").write_text('{"format": NaN}')
    (folder / "bigint.json").write_text("9" * 100_000)
    (folder / "progress.json").write_text(json.dumps(
        {"format": "netind-teach-progress", "version": 1, "lessons": {}}))
    leaky = json.loads(written[6].read_text())
    leaky["learner"] = "Leaky learner"
    leaky["network_export"] = {"format": "netind-teach-my-network", "people": ["Zephyrine"]}
    (folder / "private-network.json").write_text(json.dumps(leaky))
    (folder / "a-folder.json").mkdir()
    os.mkfifo(folder / "pipe.json")
    os.symlink("/etc/passwd", folder / "link.json")
    (folder / "notes.txt").write_text("not a hand-in")
    return folder


@pytest.fixture(scope="module")
def report(class_folder):
    return collect(class_folder)


def test_forty_learners_combined_and_every_bad_file_named(report):
    # 40 written: learner 04's file replaced by the hostile one, learner 05's older-version
    # file added under another name; the resubmission replaces learner 02's first file
    files = {s.file for s in report.submissions}
    assert len(report.submissions) == 41
    assert "zz-resubmitted-02.json" in files and "hand-in-02.json" not in files
    reasons = dict(report.skipped)
    expected = {
        "hand-in-02.json": "older hand-in by the same learner",
        "empty.json": "not valid JSON",
        "truncated.json": "not valid JSON",
        "deep.json": "nested too deeply",
        "huge.json": "too large",
        "binary.json": "not text",
        "nan.json": "NaN",
        "bigint.json": "not valid JSON",
        "progress.json": "progress file",
        "private-network.json": "own network file with nicknames",
        "a-folder.json": "not a regular file",
        "pipe.json": "not a regular file",
        "link.json": "symbolic link",
        "notes.txt": "not valid JSON",
    }
    for file, why in expected.items():
        assert why in reasons.get(file, ""), (file, reasons.get(file))
    copies = {f: why for f, why in reasons.items() if "exact copy" in why}
    assert copies in ({"copy-of-03.json": "an exact copy of hand-in-03.json"},
                      {"hand-in-03.json": "an exact copy of copy-of-03.json"})
    assert "Leaky learner" not in {s.learner for s in report.submissions}


def test_other_course_versions_are_combined_with_a_note(report):
    notes = dict(report.notes)
    assert "0.0.9" in notes["older-version.json"] and __version__ in notes["older-version.json"]
    assert "1 exercise(s)" in notes["older-version.json"]
    ids = [row["exercise"] for row in report.exercise_rows()]
    assert "00.retired_one" not in ids
    assert len(ids) == sum(len(definitions(lesson)) for lesson in lessons())


def test_counts_add_up_per_exercise_and_lesson(report):
    n = len(report.submissions)
    for row in report.exercise_rows():
        assert row["solved"] + row["attempted"] + row["not attempted"] == n
        assert 0 <= row["hints"] <= n and 0 <= row["revealed"] <= n
    coined = next(r for r in report.exercise_rows() if r["exercise"] == "00.coined")
    solved = sum(
        s.data["lessons"]["00"]["exercises"]["coined"]["state"] == "solved"
        for s in report.submissions
    )
    assert coined["solved"] == solved
    for row in report.lesson_rows():
        assert 0 <= row["solved_percent"] <= 100


def test_lesson_05_exports_make_the_class_picture(report):
    carried = sum(s.data["network_export"] is not None for s in report.submissions)
    assert carried > 5
    assert len(report.network.table) == carried


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.headings, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in {"h1", "h2", "h3"}:
            self.headings.append(tag)
        self.scripts += tag == "script"


def test_report_is_accessible_and_escapes_learner_text(report):
    page = report_html(report)
    audit = _Audit()
    audit.feed(page)
    tags = audit.tags
    assert tags[0] == ("html", {"lang": "en"})
    assert audit.headings[0] == "h1" and audit.headings.count("h1") == 1
    assert "h2" in audit.headings and "h3" in audit.headings
    images = [a for t, a in tags if t == "img"]
    assert images and all(a.get("alt") for a in images)
    svg = [a for t, a in tags if t == "svg"]
    assert svg and svg[0]["role"] == "img" and "chart-desc" in svg[0]["aria-labelledby"]
    assert "<desc id=\"chart-desc\">lesson 00:" in page
    headers = [a for t, a in tags if t == "th"]
    assert headers and all(a.get("scope") in {"col", "row"} for a in headers)
    assert sum(t == "caption" for t, _ in tags) >= 3
    assert audit.scripts == 0 and HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in page
    for file, _why in report.skipped:  # every left-out file is named in the report
        assert file.replace("&", "&amp;") in page


def test_reflections_grouped_by_question(report):
    page = report_html(report)
    for lesson, name, _question in report.reflections:
        assert f"<h3>{lesson}.{name}: " in page
    circles = page.split("<h3>00.my_circles")[1].split("<h3>")[0]
    assert circles.count("<blockquote>") == sum(
        bool(s.data["lessons"]["00"]["reflections"].get("my_circles")) for s in report.submissions
    )


def test_gradebook_csv_has_one_row_per_learner_and_no_formulas(report):
    rows = list(csv.DictReader(io.StringIO(gradebook_csv(report))))
    assert len(rows) == len(report.submissions)
    hostile = next(r for r in rows if r["file"] == "hand-in-04.json")
    assert hostile["learner"].startswith("'=")
    for row in rows:
        states = [v for k, v in row.items() if k[:2].isdigit()]
        assert int(row["solved"]) == states.count("solved")
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_cli_writes_report_and_csv_atomically(class_folder, tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    assert cli.main(["collect", str(class_folder), "--out", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert out.with_suffix(".csv").read_text().startswith("file,learner,")
    assert "41 hand-ins combined." in capsys.readouterr().out
    assert not list(out.parent.glob(".*.tmp"))


def test_cli_names_a_missing_folder(tmp_path, capsys):
    assert cli.main(["collect", str(tmp_path / "nope")]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_an_empty_folder_gives_an_empty_report(tmp_path):
    report = collect_and_write(tmp_path, tmp_path / "r.html")
    assert report.submissions == () and report.network is None
    assert "0 hand-ins combined" in (tmp_path / "r.html").read_text()
