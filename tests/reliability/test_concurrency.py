"""Two kernels of one learner writing at once: no update is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)"),
]


def test_two_processes_marking_progress_keep_every_record(
    tmp_path: Path, run_harness, reliability_row, reliability_scale: int
) -> None:
    """Issue 18 item 2: 300 mark_done each used to keep 320-330 of 600."""
    updates = 300 * reliability_scale
    figures = run_harness("progress2", updates, tmp_path)
    reliability_row(
        "concurrency-progress",
        check="Two processes, each marking 300 exercises done at once (one progress file)",
        runs=figures["updates"],
        lost=figures["lost"],
        escaped=sum(1 for code in figures["exit"] if code),
        reproduce="make reliability PYTEST_ARGS='-k progress_keep'",
    )
    assert figures["exit"] == [0, 0]
    assert figures["kept"] == 2 * updates and figures["lost"] == 0


def test_two_builders_adding_at_once_never_both_say_saved_and_lose_one(
    tmp_path: Path, run_harness, reliability_row, reliability_scale: int
) -> None:
    """Issue 18 item 2: in 93 of 100 simultaneous adds both said "Saved." and one was gone."""
    trials = 50 * reliability_scale
    figures = run_harness("builder2", trials, tmp_path)
    reliability_row(
        "concurrency-builder",
        check="Two NetworkBuilders on one file, each adding a person at the same moment",
        runs=figures["trials"],
        lost=figures["lost"],
        escaped=figures["escaped"],
        reproduce="make reliability PYTEST_ARGS='-k two_builders'",
        notes=f"Both said Saved. in {figures['both_saved']} trials (then both changes are in "
        "the file); otherwise one says the file changed and keeps its change in the session.",
    )
    assert figures["lost"] == 0 and figures["escaped"] == 0, figures
