"""Tests for netind_teach.confidants: distributions of confidants and the survey artifact."""

from __future__ import annotations

import math

import numpy as np
import pandas
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import confidants
from netind_teach.confidants import MAX_RATE, gap_points, parse_rate

# GSS NUMGIVEN, unweighted counts as recorded in the course's facts (section 5: the isolation
# debate); the expected means and shares below are the figures stated there.
GSS_1985 = {0: 136, 1: 228, 2: 235, 3: 321, 4: 233, 5: 294, 6: 84}
GSS_2004 = {0: 356, 1: 281, 2: 263, 3: 232, 4: 128, 5: 96, 6: 70}


def test_gss_figures_match_facts():
    assert round(confidants.mean_confidants(GSS_1985), 2) == 2.93
    assert round(confidants.mean_confidants(GSS_2004), 2) == 2.00
    assert round(confidants.mean_confidants(GSS_1985, top_value=None), 2) == 2.98
    assert round(confidants.mean_confidants(GSS_2004, top_value=None), 2) == 2.04
    assert round(100 * confidants.share_none(GSS_1985), 1) == 8.9
    assert round(100 * confidants.share_none(GSS_2004), 1) == 25.0


def test_artifact_shift_moves_a_share_of_non_zero_answers_to_zero():
    shifted = confidants.artifact_shift(GSS_1985, 0.2)
    assert sum(shifted.values()) == pytest.approx(sum(GSS_1985.values()))
    assert shifted[0] == pytest.approx(136 + 0.2 * (1531 - 136))
    for k in range(1, 7):
        assert shifted[k] == pytest.approx(0.8 * GSS_1985[k])
    assert confidants.artifact_shift(GSS_1985, 0.0) == {k: float(v) for k, v in GSS_1985.items()}
    assert confidants.artifact_shift([0, 10], 1.0) == {0: 10.0, 1: 0.0}
    assert confidants.artifact_shift({2: 10}, 0.5) == {0: 5.0, 2: 5.0}


def test_artifact_rate_inverts_artifact_shift():
    rate = confidants.artifact_rate(GSS_1985, GSS_2004)
    # (s1 - s0) / (1 - s0) with the unweighted GSS shares
    s0, s1 = 136 / 1531, 356 / 1426
    assert rate == pytest.approx((s1 - s0) / (1 - s0))
    assert 0.17 < rate < 0.18
    shifted = confidants.artifact_shift(GSS_1985, rate)
    assert confidants.share_none(shifted) == pytest.approx(confidants.share_none(GSS_2004))
    # the artifact alone leaves the mean well above 2004's: a teaching point
    assert confidants.mean_confidants(shifted) > confidants.mean_confidants(GSS_2004) + 0.3
    assert confidants.artifact_rate(GSS_1985, GSS_1985) == 0.0


@settings(max_examples=100, deadline=None)
@given(
    counts=st.lists(st.integers(0, 500), min_size=2, max_size=8).filter(lambda c: sum(c[1:]) > 0),
    rate=st.floats(0.0, 1.0),
)
def test_artifact_rate_recovers_the_rate(counts, rate):
    if counts[0] == sum(counts):
        return
    shifted = confidants.artifact_shift(counts, rate)
    assert confidants.artifact_rate(counts, shifted) == pytest.approx(rate, abs=1e-9)
    assert confidants.share_none(shifted) >= confidants.share_none(counts) - 1e-12
    assert (
        confidants.mean_confidants(shifted, None) <= confidants.mean_confidants(counts, None) + 1e-9
    )


def test_counts_input_forms_and_errors():
    assert confidants.share_none([1, 1, 2]) == 0.25
    assert confidants.share_none({np.int64(0): 2, np.int64(3): 2}) == 0.5
    assert confidants.share_none(pandas.Series([1, 3], index=[0, 1])) == 0.25
    with pytest.raises(ValueError, match="cannot be negative"):
        confidants.share_none({-1: 3})
    with pytest.raises(ValueError, match="add up to 0"):
        confidants.share_none({0: 0, 1: 0})
    with pytest.raises(TypeError, match="whole numbers"):
        confidants.share_none({"two": 3})
    with pytest.raises(TypeError, match="must be a number"):
        confidants.share_none({0: "many"})
    with pytest.raises(TypeError, match="mapping"):
        confidants.share_none(12)
    with pytest.raises(ValueError, match="fewer people naming no one"):
        confidants.artifact_rate(GSS_2004, GSS_1985)
    with pytest.raises(ValueError, match="Everyone named no one"):
        confidants.artifact_rate({0: 5}, {0: 5})


# -- gap and rate parsing --------------------------------------------------------------------
distributions = st.dictionaries(
    st.integers(0, 6), st.integers(0, 500), min_size=1, max_size=7
).filter(lambda d: sum(d.values()) > 0)


@settings(max_examples=100, deadline=None)
@given(distributions, distributions, st.integers(1, 5))
def test_gap_points_is_a_distance_in_points(a, b, scale) -> None:
    gap = gap_points(a, b)
    assert 0.0 <= gap <= 100.0 + 1e-9
    assert gap == pytest.approx(gap_points(b, a))
    assert gap_points(a, {k: v * scale for k, v in a.items()}) == pytest.approx(0.0, abs=1e-9)


def test_gap_points_of_the_gss_years() -> None:
    assert gap_points(GSS_1985, GSS_2004) == pytest.approx(24.0, abs=0.05)
    assert gap_points({0: 1}, {1: 1}) == 100.0


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        (0.176, 0.176),
        ("0.176", 0.176),
        ("17.6%", 0.176),
        ("17,6 %", 0.176),
        (0, 0.0),
        ("50 percent", 0.5),
        (MAX_RATE, MAX_RATE),
    ],
)
def test_parse_rate_accepts(text, rate) -> None:
    assert parse_rate(text) == pytest.approx(rate)


@pytest.mark.parametrize("bad", [17.6, "lots", None, True, -0.1, "80%", math.nan, [0.1], ""])
def test_parse_rate_explains_bad_input(bad) -> None:
    message = parse_rate(bad)
    assert isinstance(message, str) and "e.g." in message


def test_counts_by_year_takes_the_valid_answers_of_the_course_table():
    from netind_teach import confidants, datasets

    table = datasets.load("gss_numgiven")
    counts = confidants.counts_by_year(table)
    assert sorted(counts) == [1985, 2004]
    assert counts[1985][0] == 136 and sum(counts[2004].values()) == 1426
    valid = table[table["response_type"] == "valid"]
    assert sum(sum(c.values()) for c in counts.values()) == int(valid["count"].sum())
    assert len(table) > len(valid)  # the other answers exist and are left out
