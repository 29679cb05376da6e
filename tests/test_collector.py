"""A widget's update does not stall on the garbage collector's full passes (issue 24).

The 150-person stress row's CPU p95 was 225 ms against a median of 83 ms: every few
updates CPython ran a full collection over the whole kernel (about 125 ms here), because
each update's network was promoted while it was alive. Under ``collector.paused`` the
same updates promote nothing, so no full pass runs.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from netind_teach import collector

REPO = Path(__file__).resolve().parent.parent


# Run in a fresh interpreter: how often CPython starts a full pass depends on how many
# objects survived the last one, which in a long test session is anyone's guess.
SCRIPT = """
import gc, sys
from netind_teach import collector, egonet, models
ballast = [{"n": i} for i in range(100_000)]  # long-lived, as a kernel's libraries are
full = []
gc.callbacks.append(
    lambda phase, info: phase == "stop" and info["generation"] == 2 and full.append(1)
)
gc.collect()
full.clear()
for i in range(12):
    if sys.argv[1] == "paused":
        with collector.paused():
            egonet.summary(models.community_continuum((i % 5) / 4, seed=1, n_alters=149))
    else:
        egonet.summary(models.community_continuum((i % 5) / 4, seed=1, n_alters=149))
print(len(full))
"""


def _full_passes(mode: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True, cwd=REPO
    )
    return int(out.stdout)


def test_without_the_pause_a_network_per_update_triggers_full_passes():
    assert _full_passes("plain") > 0


def test_paused_updates_trigger_no_full_pass():
    assert _full_passes("paused") == 0


def test_the_collector_is_back_on_after_an_error_and_left_off_if_it_was():
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_every_guarded_widget_update_runs_with_the_collector_paused():
    from netind_teach.widget_guard import guard

    with guard(print):
        assert not gc.isenabled()
    assert gc.isenabled()
