"""Button presses that act on what the learner sees: every earlier change arrives first.

ipywidgets' browser side sends a control's first change at once but holds the later ones
back until the kernel has answered the first; a button press is sent at once. So a learner
who types while the kernel is busy (a slow cell, a crowded hub) and then presses Check
would have an older answer checked than the one on the screen, e.g. "syntax error on
line 1" under a box that shows the whole, correct code.

:func:`on_press` wires a button so that a press from the browser waits for one *round
trip*: the kernel sets a counter on a hidden widget; a browser-side link
(:func:`ipywidgets.jslink`) copies it onto a second hidden widget, which the browser sends
back. The kernel's answer to a held-back change's predecessor left the kernel before that
question did, and the browser sends the held-back change as soon as the answer arrives; a
browser's messages reach the kernel in the order it sent them. So when the counter comes
back, every change made before the press is in the kernel, and the press is acted on.

A press made from Python (``button.click()`` in a test or a cell) or outside a kernel is
acted on at once. If the browser never answers (a front end without ipywidgets' links, a
tab closed mid-press), the press is acted on after :data:`FALLBACK_SECONDS`, with the
values the kernel has by then.

Examples
--------
>>> import ipywidgets as widgets
>>> button, pressed = widgets.Button(description="Check"), []
>>> on_press(button, pressed.append)
>>> button.click()  # from Python: at once
>>> pressed == [button]
True

The logic of the round trips, without a browser: actions run in order once the counter
they asked for (or a later one) comes back.

>>> asked, timers, done = [], [], []
>>> trips = RoundTrips(asked.append, lambda delay, fn: timers.append(fn))
>>> trips.wait(lambda: done.append("first")); trips.wait(lambda: done.append("second"))
>>> asked, trips.waiting
([1, 2], 2)
>>> trips.answered(2)
>>> done, trips.waiting
(['first', 'second'], 0)
>>> timers[0]()  # a fallback timer after its answer: nothing runs twice
>>> done
['first', 'second']
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

__all__ = ["FALLBACK_SECONDS", "RoundTrips", "after_pending_changes", "on_press"]

#: Seconds a press waits for the browser's round trip before it is acted on anyway.
FALLBACK_SECONDS = 2.0

Action = Callable[[], object]


class RoundTrips:
    """Actions waiting for a round trip through the browser, acted on in order.

    Parameters
    ----------
    ask : callable
        ``ask(counter)`` sends the counter to the browser (the browser sends it back).
    later : callable
        ``later(seconds, fn)`` calls ``fn`` after ``seconds`` (the fallback timer).

    Examples
    --------
    >>> asked, timers, done = [], [], []
    >>> trips = RoundTrips(asked.append, lambda delay, fn: timers.append((delay, fn)))
    >>> trips.wait(lambda: done.append("checked"))
    >>> asked, trips.waiting, timers[0][0] == FALLBACK_SECONDS
    ([1], 1, True)
    >>> timers[0][1]()  # no answer came back: the fallback acts
    >>> done, trips.waiting
    (['checked'], 0)
    >>> trips.answered(1)  # a late answer acts on nothing twice
    >>> done
    ['checked']
    """

    def __init__(self, ask: Callable[[int], object], later: Callable[[float, Action], object]):
        self._ask = ask
        self._later = later
        self._sent = 0
        self._waiting: dict[int, Action] = {}
        self._lock = threading.Lock()  # the fallback timer and the answer may race

    @property
    def waiting(self) -> int:
        """How many actions still wait for their round trip.

        Returns
        -------
        int
            The number of actions not yet run.
        """
        return len(self._waiting)

    def wait(self, action: Action) -> None:
        """Run ``action`` once the browser has answered a new counter (or on the fallback).

        Parameters
        ----------
        action : callable
            Called with no arguments, once.

        Returns
        -------
        None
        """
        with self._lock:
            self._sent += 1
            counter = self._sent
            self._waiting[counter] = action
        self._later(FALLBACK_SECONDS, lambda: self.answered(counter))
        self._ask(counter)

    def answered(self, counter: int) -> None:
        """Run every action up to ``counter`` (the browser sent it back), oldest first.

        Parameters
        ----------
        counter : int
            The counter that came back; actions that asked for it or an earlier one run.

        Returns
        -------
        None
        """
        with self._lock:
            due = [self._waiting.pop(c) for c in sorted(c for c in self._waiting if c <= counter)]
        for action in due:
            action()


class _BrowserRoundTrips:
    """The hidden widgets and the browser-side link of one kernel's round trips."""

    def __init__(self, kernel: Any):
        import ipywidgets as widgets

        self.question = widgets.IntText(0)
        self.answer = widgets.IntText(0)
        self.link = widgets.jslink((self.question, "value"), (self.answer, "value"))
        loop = kernel.io_loop
        # add_callback is the IO loop's thread-safe door: comm messages may be handled
        # off the main thread while a cell runs (ipykernel 7).
        self.trips = RoundTrips(
            self._ask, lambda delay, fn: loop.add_callback(loop.call_later, delay, fn)
        )
        self.answer.observe(self._answered, names="value")

    def _ask(self, counter: int) -> None:
        self.question.value = counter

    def _answered(self, change: dict[str, Any]) -> None:
        self.trips.answered(int(change["new"]))


_browser: _BrowserRoundTrips | None = None


def _kernel() -> Any | None:
    """Return the running ipykernel, or None (plain Python, terminal IPython, a test)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    return getattr(get_ipython(), "kernel", None)


def _pressed_in_the_browser(kernel: Any) -> bool:
    """Whether the message being handled is one the browser sent (a widget's message)."""
    parent = kernel.get_parent()
    header = parent.get("header", {}) if isinstance(parent, dict) else {}
    return bool(header.get("msg_type") == "comm_msg")


def after_pending_changes(action: Action) -> None:
    """Run ``action`` once every control change the browser made before now has arrived.

    Outside a browser's message (from Python, outside a kernel) it runs at once.

    Parameters
    ----------
    action : callable
        Called with no arguments, once.

    Returns
    -------
    None

    Examples
    --------
    >>> after_pending_changes(lambda: print("at once, outside a kernel"))
    at once, outside a kernel
    """
    global _browser
    kernel = _kernel()
    if kernel is None or not _pressed_in_the_browser(kernel):
        action()
        return
    if _browser is None:
        _browser = _BrowserRoundTrips(kernel)
    _browser.trips.wait(action)


def on_press(button: Any, handler: Callable[[Any], object]) -> None:
    """Call ``handler(button)`` on each press, after the changes made before the press.

    Use it instead of ``button.on_click(handler)`` for any button whose handler reads
    other controls (Check reads the answer box, Add reads the nickname).

    Parameters
    ----------
    button : ipywidgets.Button
        The button.
    handler : callable
        Called with the button, as ``on_click`` would.

    Returns
    -------
    None

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> box, seen = widgets.Text(), []
    >>> add = widgets.Button(description="Add")
    >>> on_press(add, lambda _b: seen.append(box.value))
    >>> box.value = "Yasmin"; add.click()
    >>> seen
    ['Yasmin']
    """
    button.on_click(lambda pressed: after_pending_changes(lambda: handler(pressed)))
