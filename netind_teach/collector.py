"""The garbage collector around a widget's update: paused during it, young objects after.

A widget that builds a network on every step of a control makes tens of thousands of objects
(a 150-person network has about 9,000 ties, each with its own attribute dict). While
they are alive the collector's young passes promote them, and once enough have been
promoted CPython runs a *full* pass over every object the kernel holds (the imported
libraries: about 200,000 objects, 100+ ms), every few updates: a control that mostly
answers in 70 ms then stalls for 200 ms.

:func:`paused` runs an update with the collector off, then collects the youngest
generation only: what the update made and dropped is freed by reference counting or by
that small pass (a few milliseconds, counted in the update), and nothing is promoted,
so the full passes stop. The collector is on again afterwards, as it was.

Examples
--------
>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the garbage collector off; then collect the youngest objects.

    Nested or with the collector already off (someone turned it off on purpose), it
    changes nothing.

    Yields
    ------
    None

    Examples
    --------
    >>> with paused():
    ...     ties = [{"kind": "weak"} for _ in range(10_000)]
    >>> len(ties)
    10000
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)
