"""The course's small number rules: how a number is written, placed and recognised."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from netind_teach.quantities import format_number, is_real, is_whole, side


@pytest.mark.parametrize(
    ("value", "spec", "shown"),
    [
        (22.0, "g", "22"),
        (np.float64(63.0), "g", "63"),
        (np.int64(7), ".1f", "7"),
        (2.5, "g", "2.5"),
        (2.25, ".1f", "2.2"),
        (1 / 3, ".4g", "0.3333"),
        (-0.0, "g", "0"),
        (1e20, "g", "100000000000000000000"),
        (math.inf, "g", "inf"),
        (math.nan, ".1f", "nan"),
    ],
)
def test_format_number(value: float, spec: str, shown: str) -> None:
    assert format_number(value, spec) == shown


@pytest.mark.parametrize(
    ("value", "reference", "where"),
    [(11, 10, "above"), (10, 10.0, "at"), (np.float64(9.99), 10, "below"), (-1, -2, "above")],
)
def test_side(value: float, reference: float, where: str) -> None:
    assert side(value, reference) == where


@pytest.mark.parametrize(
    ("value", "real"),
    [
        (3, True),
        (2.5, True),
        (np.int32(4), True),
        (np.float32(0.5), True),
        (Fraction(1, 3), True),
        (True, False),
        (np.bool_(False), False),
        ("3", False),
        (None, False),
        (1 + 0j, False),
    ],
)
def test_is_real(value: object, real: bool) -> None:
    assert is_real(value) is real


@pytest.mark.parametrize(
    ("value", "whole"),
    [
        (0, True),
        (-3, True),
        (10**30, True),
        (3.0, False),
        ("3", False),
        (True, False),
        (None, False),
    ],
)
def test_is_whole(value: object, whole: bool) -> None:
    assert is_whole(value) is whole
