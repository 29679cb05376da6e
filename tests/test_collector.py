"""A widget's update does not stall on the garbage collector's full passes (issue 24).

The 150-person stress row's CPU p95 was 225 ms against a median of 83 ms: every few
updates CPython ran a full collection over the whole kernel (about 125 ms here), because
each update's network was promoted while it was alive. Under ``collector.paused`` the
same updates promote nothing, so no full pass runs.
"""

from __future__ import annotations

import gc

import pytest

from netind_teach import collector, egonet, models


def _full_passes(update, times: int) -> int:
    seen = []

    def count(phase, info):
        if phase == "stop" and info["generation"] == 2:
            seen.append(1)

    gc.collect()
    gc.callbacks.append(count)
    try:
        for i in range(times):
            update(i)
    finally:
        gc.callbacks.remove(count)
    return len(seen)


def _ballast():
    """Long-lived objects, as a kernel holds after importing its libraries."""
    return [{"n": i} for i in range(100_000)]


def _update(i: int) -> None:
    G = models.community_continuum((i % 5) / 4, seed=1, n_alters=149)
    egonet.summary(G)


@pytest.fixture
def kernel_like():
    ballast = _ballast()
    yield ballast
    del ballast


def test_without_the_pause_a_network_per_update_triggers_full_passes(kernel_like):
    assert _full_passes(_update, 12) > 0


def test_paused_updates_trigger_no_full_pass(kernel_like):
    def paused_update(i):
        with collector.paused():
            _update(i)

    assert _full_passes(paused_update, 12) == 0


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
