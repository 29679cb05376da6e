"""netind_teach.presses: a press from the browser waits for one round trip, in order."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pytest

from netind_teach import presses
from netind_teach.presses import FALLBACK_SECONDS, RoundTrips, after_pending_changes, on_press


def make_trips():
    asked: list[int] = []
    timers: list[tuple[float, Any]] = []
    return RoundTrips(asked.append, lambda delay, fn: timers.append((delay, fn))), asked, timers


def test_actions_wait_for_their_counter_and_run_oldest_first():
    trips, asked, _timers = make_trips()
    done: list[str] = []
    for name in ("a", "b", "c"):
        trips.wait(lambda name=name: done.append(name))
    assert asked == [1, 2, 3] and done == []
    trips.answered(2)
    assert done == ["a", "b"] and trips.waiting == 1
    trips.answered(1)  # an older answer arriving late changes nothing
    assert done == ["a", "b"]
    trips.answered(3)
    assert done == ["a", "b", "c"] and trips.waiting == 0


def test_the_fallback_acts_once_and_a_late_answer_does_not_repeat_it():
    trips, _asked, timers = make_trips()
    done: list[int] = []
    trips.wait(lambda: done.append(1))
    trips.wait(lambda: done.append(2))
    assert [delay for delay, _ in timers] == [FALLBACK_SECONDS, FALLBACK_SECONDS]
    timers[1][1]()  # the second press's timer: the first, older press runs first
    assert done == [1, 2]
    timers[0][1]()
    trips.answered(2)
    assert done == [1, 2]


def test_outside_a_kernel_a_press_acts_at_once():
    box, seen = widgets.Text(), []
    button = widgets.Button()
    on_press(button, lambda pressed: seen.append((pressed, box.value)))
    box.value = "12"
    button.click()
    assert seen == [(button, "12")]


class FakeKernel:
    """What presses uses of an ipykernel: the parent message and the IO loop's timer."""

    def __init__(self, msg_type: str):
        self.parent = {"header": {"msg_type": msg_type}}
        self.timers: list[tuple[float, Any]] = []
        self.io_loop = self

    def get_parent(self) -> dict[str, Any]:
        return self.parent

    def add_callback(self, fn: Any, *args: Any) -> None:
        fn(*args)

    def call_later(self, delay: float, fn: Any) -> None:
        self.timers.append((delay, fn))


@pytest.fixture
def kernel(monkeypatch):
    def use(msg_type: str) -> FakeKernel:
        fake = FakeKernel(msg_type)
        monkeypatch.setattr(presses, "_kernel", lambda: fake)
        monkeypatch.setattr(presses, "_browser", None)
        return fake

    return use


def test_a_press_from_the_browser_waits_for_the_linked_widget_to_come_back(kernel):
    fake = kernel("comm_msg")
    done: list[str] = []
    after_pending_changes(lambda: done.append("checked"))
    assert done == []  # waiting for the round trip
    trip = presses._browser
    assert trip is not None and trip.question.value == 1 and trip.answer.value == 0
    source, target = trip.link.source, trip.link.target
    assert (source[0], source[1], target[0], target[1]) == (
        trip.question,
        "value",
        trip.answer,
        "value",
    )
    assert [delay for delay, _ in fake.timers] == [FALLBACK_SECONDS]
    trip.answer.value = trip.question.value  # what the browser's link sends back
    assert done == ["checked"]


def test_a_click_from_a_cell_in_a_kernel_acts_at_once(kernel):
    fake = kernel("execute_request")
    done: list[str] = []
    after_pending_changes(lambda: done.append("checked"))
    assert done == ["checked"] and fake.timers == []


def test_the_course_buttons_are_wired_through_on_press():
    """Every button handler of the package goes through on_press (no bare on_click)."""
    from pathlib import Path

    import netind_teach

    root = Path(netind_teach.__file__).parent
    bare = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.py")
        if path.name != "presses.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".on_click(" in line and not line.lstrip().startswith(("#", ">>>", "..."))
    ]
    assert bare == [], f"use presses.on_press: {bare}"
