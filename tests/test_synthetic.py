"""Tests for netind_teach.synthetic: the seeded, calibrated East York sample."""

from __future__ import annotations

import statistics

import pandas as pd
import pytest

from netind_teach import datasets, synthetic, typology
from netind_teach.vocab import AGE_GROUPS, TYPES


@pytest.fixture(scope="module")
def sample() -> synthetic.EastYorkSample:
    return synthetic.generate_east_york()


def test_same_seed_same_sample_other_seed_other_sample(sample):
    again = synthetic.generate_east_york(synthetic.EAST_YORK_SEED)
    pd.testing.assert_frame_equal(sample.people, again.people)
    pd.testing.assert_frame_equal(sample.ties, again.ties)
    other = synthetic.generate_east_york(1)
    assert not other.people.equals(sample.people)


def test_published_composition(sample):
    people = sample.people
    assert len(people) == 101 and people["person_id"].tolist() == list(range(1, 102))
    assert people["age_group"].value_counts().to_dict() == {
        "under 35": 6,
        "35-50": 22,
        "51-64": 32,
        "65+": 41,
    }
    assert people["gender"].value_counts().to_dict() == {"woman": 55, "man": 46}
    assert (people["age"].min(), people["age"].max()) == (27, 93)
    bounds = {"under 35": (27, 34), "35-50": (35, 50), "51-64": (51, 64), "65+": (65, 93)}
    for group, (low, high) in bounds.items():
        ages = people.loc[people["age_group"] == group, "age"]
        assert ages.between(low, high).all(), group
    assert abs(people["age"].mean() - 60) < 1 and abs(people["age"].std() - 15) < 1
    assert people["diversity"].between(0, 12).all()
    categories = ["immediate_kin", "extended_kin", "friends", "neighbours", "workmates"]
    assert (people[categories].sum(axis=1) == people["ties"]).all()
    assert (people["friends"] >= people["groups"]).all()


def test_constants_agree_with_the_published_table():
    published = datasets.load("typology_published")
    sizes = published[
        (published["statistic"] == "count")
        & (published["measure"] == "people")
        & (published["age_group"] != "all")
    ]
    assert dict(zip(sizes["age_group"], sizes["value"], strict=True)) == (synthetic.AGE_GROUP_SIZES)
    ties = published[
        (published["statistic"] == "median")
        & (published["measure"] == "ties")
        & (published["age_group"] != "all")
    ]
    assert (
        dict(zip(ties["age_group"], ties["value"], strict=True))
        == (synthetic.AGE_GROUP_MEDIANS["ties"])
    )
    shares = typology.published_shares()
    for row in shares.itertuples():
        if row.age_group == "all":
            continue
        n = synthetic.AGE_GROUP_SIZES[row.age_group]
        count = synthetic.TYPE_COUNTS[row.age_group][row.type]
        assert abs(count - row.percent * n / 100) < 1, row  # within one person
    for group, counts in synthetic.TYPE_COUNTS.items():
        assert sum(counts.values()) == synthetic.AGE_GROUP_SIZES[group]


@pytest.mark.parametrize("seed", [synthetic.EAST_YORK_SEED, 1, 5])
def test_calibration_holds_for_several_seeds(seed):
    people = synthetic.generate_east_york(seed).people
    typed = typology.classify_sample(people)
    assert people["ties"].median() == 22 and people["diversity"].median() == 7
    assert abs(statistics.stdev(people["ties"]) - 13.9) <= 0.2 + 1e-9
    medians = people.groupby("age_group")["ties"].median()
    assert [medians[g] for g in AGE_GROUPS] == [34, 21, 15, 14]
    by_type = typed.groupby("type")[["ties", "groups", "diversity"]].median()
    assert by_type.loc[list(TYPES)].to_numpy().T.tolist() == [[31, 18, 14], [2, 2, 0], [9, 7, 6]]
    for group in AGE_GROUPS:
        got = typed.loc[typed["age_group"] == group, "type"].value_counts().to_dict()
        want = {t: c for t, c in synthetic.TYPE_COUNTS[group].items() if c}
        assert got == want, (seed, group)


def test_ego_network_tables_are_consistent(sample):
    alters, ties = sample.alters, sample.ties
    assert len(alters) == sample.people["ties"].sum()
    assert not alters.duplicated(["person_id", "alter_id"]).any()
    known = set(zip(alters["person_id"], alters["alter_id"], strict=True))
    for column in ("alter_a", "alter_b"):
        assert set(zip(ties["person_id"], ties[column], strict=True)) <= known
    assert (ties["alter_a"] < ties["alter_b"]).all()
    assert not ties.duplicated().any()


def test_egonets_from_tables_without_people_and_with_bad_tables(sample):
    nets = synthetic.egonets_from_tables(sample.alters, sample.ties)
    assert len(nets) == 101 and "ties" not in nets[1].graph
    with pytest.raises(ValueError, match="needs the columns"):
        synthetic.egonets_from_tables(sample.alters.drop(columns="circle"), sample.ties)


def test_bad_arguments_get_clear_errors(tmp_path):
    with pytest.raises(TypeError, match="seed must be an integer"):
        synthetic.generate_east_york("2020")
    with pytest.raises(ValueError, match="existing folder"):
        synthetic.write_east_york(tmp_path / "absent")
