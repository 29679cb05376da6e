"""Kills at random moments of each kind of save: nothing a learner was told is saved is lost.

Each row forks a writer that saves in a loop (progress, the network file, the builder, an
export) and kills it with SIGKILL at a random moment, at least 100 times per kind (times
``NETIND_RELIABILITY_SCALE``), then opens the file as the learner's next session would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

KILLS = 100

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="kill runs need fork and SIGKILL (POSIX)"),
]

SAVES = {
    "progress": "Progress.mark_done",
    "network": "save_network",
    "builder": "NetworkBuilder.add (check and save)",
    "export": "export_anonymised",
}


@pytest.mark.parametrize("kind", list(SAVES))
def test_kills_during_saves_lose_nothing(
    kind: str, tmp_path: Path, run_harness, reliability_row, reliability_scale: int
) -> None:
    count = KILLS * reliability_scale
    figures = run_harness("kills", kind, count, tmp_path, 20261130)
    reliability_row(
        f"kills-{kind}",
        check=f"SIGKILL at a random moment of {SAVES[kind]}, then reopen",
        runs=figures["saves"],
        kills=figures["kills"],
        inputs=None,
        lost=figures["lost"] + figures["broken"],
        escaped=figures["escaped"],
        reproduce=f"make reliability PYTEST_ARGS='-k \"kills and {kind}\"' "
        "NETIND_RELIABILITY_SCALE=10",
        notes=f"Temporary files left after the next open: {figures['leftover_temps_after_open']}.",
    )
    assert figures["kills"] == count
    assert figures["lost"] == 0 and figures["broken"] == 0, figures
    assert figures["escaped"] == 0, figures
    assert figures["leftover_temps_after_open"] == 0, figures
