"""Tests for netind_teach.typology: the course rule, its reasons, and the published figures."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach import datasets, typology
from netind_teach.quantities import format_number
from netind_teach.typology import Reference, Rule, classify, classify_sample
from netind_teach.vocab import AGE_GROUPS, TYPES

SETTINGS = settings(max_examples=80, deadline=None, database=None)


@pytest.fixture(scope="module")
def synthetic_typed() -> pd.DataFrame:
    return classify_sample(datasets.load("east_york_synthetic"))


@st.composite
def samples(draw, min_size=1, max_size=30):
    n = draw(st.integers(min_size, max_size))
    ints = st.lists(st.integers(0, 40), min_size=n, max_size=n)
    return pd.DataFrame(
        {
            "age_group": draw(st.lists(st.sampled_from(AGE_GROUPS), min_size=n, max_size=n)),
            "ties": draw(ints),
            "groups": draw(st.lists(st.integers(0, 6), min_size=n, max_size=n)),
            "diversity": draw(st.lists(st.integers(0, 12), min_size=n, max_size=n)),
        }
    )


# ------------------------------------------------------------ the synthetic sample


def test_synthetic_sample_reproduces_published_shares(synthetic_typed):
    counts = synthetic_typed["type"].value_counts()
    published = typology.published_shares().set_index(["age_group", "type"])["percent"]
    for type_ in TYPES:  # within one person of the published overall share
        assert abs(counts[type_] - published[("all", type_)] * 101 / 100) <= 1 + 0.5, type_
    assert (counts["networked"], counts["bounded"], counts["limited"]) == (35, 37, 29)
    by_age = typology.shares(synthetic_typed)
    for (group, type_), percent in published.items():
        n = int((synthetic_typed["age_group"] == group).sum()) if group != "all" else 101
        assert abs(by_age.loc[group, type_] - percent) * n / 100 < 1, (group, type_)
    assert by_age.loc["under 35", "limited"] == 0


def test_synthetic_sample_reproduces_published_medians(synthetic_typed):
    assert synthetic_typed["ties"].median() == 22
    assert synthetic_typed["diversity"].median() == 7
    by_age = synthetic_typed.groupby("age_group")["ties"].median()
    assert [by_age[g] for g in AGE_GROUPS] == [34, 21, 15, 14]
    by_type = synthetic_typed.groupby("type")[["ties", "groups", "diversity"]].median()
    medians = typology.published_medians()
    table2 = medians[medians["type"] != "all"]
    assert len(table2) == 9
    for row in table2.itertuples():
        assert by_type.loc[row.type, row.measure] == row.value, row


def test_classify_agrees_with_classify_sample_for_every_synthetic_person(synthetic_typed):
    reference = typology.reference_medians()
    for person in synthetic_typed.to_dict("records"):
        result = classify(person, reference)
        assert result.type == person["type"], person["person_id"]


# ------------------------------------------------------------------------ the rule


def test_rule_defaults_and_description():
    rule = Rule()
    assert rule == typology.COURSE_RULE
    assert rule.measures == ("ties", "groups", "diversity")
    assert rule.thresholds == "age group median" and rule.order == ("networked", "limited")
    text = rule.describe()
    assert "networked is checked first" in text and "age_group" in text
    fixed = Rule(thresholds={"ties": 20, "groups": 2, "diversity": 7}).describe()
    assert "fixed numbers ties 20, groups 2, diversity 7" in fixed
    assert Rule(measures=["ties", "groups"]).measures == ("ties", "groups")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"measures": "ties"}, TypeError, "tuple of column names"),
        ({"measures": ()}, ValueError, "at least one measure"),
        ({"measures": ("ties", "ties")}, ValueError, "each once"),
        ({"order": ("bounded", "limited")}, ValueError, "checked first"),
        ({"thresholds": "mean"}, ValueError, "not known"),
        ({"thresholds": {"ties": 20}}, ValueError, "no number for"),
        ({"thresholds": {"ties": "x", "groups": 1, "diversity": 2}}, TypeError, "number"),
        ({"thresholds": 5}, TypeError, "string or a mapping"),
    ],
)
def test_bad_rules_are_refused(kwargs, error, message):
    with pytest.raises(error, match=message):
        Rule(**kwargs)


def test_everyone_at_the_median_follows_the_tie_break():
    df = pd.DataFrame(
        {"age_group": ["65+"] * 3, "ties": [14] * 3, "groups": [1] * 3, "diversity": [7] * 3}
    )
    assert set(classify_sample(df)["type"]) == {"networked"}
    swapped = replace(Rule(), order=("limited", "networked"))
    out = classify_sample(df, swapped)
    assert set(out["type"]) == {"limited"}
    assert "the tie-break makes this person limited" in out["reasons"].iloc[0]
    assert "limited is checked first" in out["reasons"].iloc[0]


def test_the_gaps_of_the_published_wording_are_bounded():
    # below on two measures and above on one fits no clause as written: the course says bounded
    df = pd.DataFrame({"ties": [10, 20, 30], "groups": [3, 2, 1], "diversity": [5, 7, 9]})
    out = classify_sample(df, Rule(thresholds="sample median"))
    assert out["type"].tolist() == ["bounded", "networked", "bounded"]


def test_reasons_name_values_medians_and_age_group(synthetic_typed):
    reasons = synthetic_typed["reasons"]
    assert reasons.str.contains("tie-break: networked is checked first").all()
    first = synthetic_typed.iloc[0]
    assert f"ties {first['ties']} " in first["reasons"]
    assert f"for ages {first['age_group']}" in first["reasons"]
    assert synthetic_typed.attrs["rule"] == Rule().describe()
    row = synthetic_typed[synthetic_typed["age_group"] == "35-50"].iloc[0]
    sign = "<" if row["ties"] < 21 else (">" if row["ties"] > 21 else "=")
    assert f"ties {row['ties']} {sign} median 21 for ages 35-50" in row["reasons"]


def test_fixed_and_sample_thresholds():
    df = pd.DataFrame({"ties": [5, 40], "groups": [0, 4], "diversity": [2, 11]})
    fixed = classify_sample(df, Rule(thresholds={"ties": 22, "groups": 2, "diversity": 7}))
    assert fixed["type"].tolist() == ["limited", "networked"]
    assert "ties 5 < threshold 22 (fixed)" in fixed["reasons"].iloc[0]
    sample = classify_sample(df, Rule(thresholds="sample median"))
    assert "median 22.5 in the whole sample" in sample["reasons"].iloc[0]
    one = classify_sample(df, Rule(measures=("ties",), thresholds="sample median"))
    assert one["type"].tolist() == ["limited", "networked"]


def test_learner_can_change_the_rule_and_see_who_moves(synthetic_typed):
    people = datasets.load("east_york_synthetic")
    by_sample = classify_sample(people, Rule(thresholds="sample median"))
    moved = (by_sample["type"] != synthetic_typed["type"]).sum()
    assert moved > 0  # ignoring age changes who is networked
    assert by_sample.index.equals(people.index)
    assert "type" not in people.columns  # input left untouched


def test_classify_sample_errors():
    good = pd.DataFrame({"age_group": ["65+"], "ties": [3], "groups": [1], "diversity": [2]})
    with pytest.raises(TypeError, match="DataFrame"):
        classify_sample(good.to_dict("records"))
    with pytest.raises(ValueError, match="column 'groups'"):
        classify_sample(good.drop(columns="groups"))
    with pytest.raises(TypeError, match=r"must hold numbers.*'many'"):
        classify_sample(good.assign(ties=["many"]))
    with pytest.raises(ValueError, match="empty values"):
        classify_sample(good.assign(ties=[np.nan]))
    with pytest.raises(ValueError, match="needs a column 'age_group'"):
        classify_sample(good.drop(columns="age_group"))
    with pytest.raises(ValueError, match="'age_group' has empty values"):
        classify_sample(good.assign(age_group=[None]))
    with pytest.raises(TypeError, match=r"typology\.Rule"):
        classify_sample(good, rule="networked first")


# ---------------------------------------------------------------- one person


def test_classify_one_person_with_reasons():
    ref = Reference({"35-50": {"ties": 21, "groups": 2, "diversity": 8}}, "example")
    result = classify({"ties": 12, "groups": 3, "diversity": 8, "age_group": "35-50"}, ref)
    assert result.type == "bounded"
    assert result.reasons[:3] == (
        "ties 12 < median 21 for ages 35-50",
        "groups 3 > median 2 for ages 35-50",
        "diversity 8 = median 8 for ages 35-50",
    )
    assert (
        result.reasons[-1] == "tie-break: networked is checked first, then limited; "
        "everyone else is bounded"
    )
    assert "medians from: example" in result.reasons
    assert result.thresholds == {"ties": 21.0, "groups": 2.0, "diversity": 8.0}
    assert str(result).startswith("bounded\n  - ties 12 < median 21")


def test_classify_default_and_published_references():
    person = {"ties": 40, "groups": 4, "diversity": 11, "age_group": "under 35"}
    assert classify(person).type == "networked"
    published = typology.reference_medians("published")
    assert published.medians["all"] == {"ties": 22.0, "diversity": 7.0}
    assert [published.medians[g]["ties"] for g in AGE_GROUPS] == [34, 21, 15, 14]
    with pytest.raises(ValueError, match="no median of 'groups'"):
        classify(person, published)
    rule = Rule(measures=("ties", "diversity"))
    result = classify({"ties": 10, "diversity": 9, "age_group": "65+"}, published, rule)
    assert result.type == "bounded"
    assert result.reasons[:2] == (
        "ties 10 < median 14 for ages 65+",
        "diversity 9 > median 7 for the whole sample",
    )
    no_age = classify(
        {"ties": 22, "groups": 2, "diversity": 7}, rule=Rule(thresholds="sample median")
    )
    assert no_age.type == "networked"  # at the synthetic sample's medians: tie-break
    fixed = Rule(thresholds={"ties": 10, "groups": 1, "diversity": 5})
    assert classify({"ties": 9, "groups": 0, "diversity": 5}, rule=fixed).type == "limited"


def test_classify_errors():
    ref = {"ties": 22, "groups": 2, "diversity": 7}
    with pytest.raises(TypeError, match="mapping"):
        classify([12, 1, 6], ref)
    with pytest.raises(ValueError, match=r"no value for \['diversity'\]"):
        classify({"ties": 12, "groups": 1}, ref)
    with pytest.raises(TypeError, match="must be a number"):
        classify({"ties": "12", "groups": 1, "diversity": 6}, ref)
    with pytest.raises(ValueError, match="unknown age group"):
        classify({"ties": 12, "groups": 1, "diversity": 6, "age_group": "teen"}, ref)
    with pytest.raises(ValueError, match="no threshold"):
        classify({"ties": 12, "groups": 1, "diversity": 6}, {"ties": 3})
    with pytest.raises(TypeError, match="Reference or a mapping"):
        classify({"ties": 12, "groups": 1, "diversity": 6}, 22)
    with pytest.raises(ValueError, match="'synthetic' or 'published'"):
        typology.reference_medians("paper")
    with pytest.raises(ValueError, match="'age group' or 'sample'"):
        typology.reference_medians(by="sex")


# ----------------------------------------------------------------- properties


@SETTINGS
@given(
    samples(),
    st.sampled_from(
        [Rule(), Rule(thresholds="sample median"), Rule(order=("limited", "networked"))]
    ),
)
def test_every_person_gets_exactly_one_type(df, rule):
    out = classify_sample(df, rule)
    assert out["type"].isin(TYPES).all()
    assert len(out) == len(df) and out["reasons"].str.len().gt(0).all()


@SETTINGS
@given(samples(min_size=2), st.randoms(use_true_random=False))
def test_invariant_to_row_order_and_relabelling(df, rnd):
    base = classify_sample(df)["type"]
    order = list(df.index)
    rnd.shuffle(order)
    shuffled = classify_sample(df.loc[order])["type"]
    assert shuffled.loc[df.index].tolist() == base.tolist()
    labels = {g: f"group {i}" for i, g in enumerate(AGE_GROUPS)}
    relabelled = df.assign(age_group=df["age_group"].map(labels))
    relabelled.index = [f"p{i}" for i in range(len(df))]
    assert classify_sample(relabelled)["type"].tolist() == base.tolist()


@SETTINGS
@given(samples(), st.data())
def test_raising_all_measures_never_turns_networked_into_limited(df, data):
    before = classify_sample(df)
    i = data.draw(st.integers(0, len(df) - 1))
    raised = df.copy()
    for measure in ("ties", "groups", "diversity"):
        raised.loc[i, measure] += data.draw(st.integers(0, 10))
    after = classify_sample(raised)
    if before.loc[i, "type"] == "networked":
        assert after.loc[i, "type"] == "networked"
    assert not (before.loc[i, "type"] == "networked" and after.loc[i, "type"] == "limited")


@SETTINGS
@given(
    st.tuples(st.integers(0, 60), st.integers(0, 8), st.integers(0, 12)),
    st.tuples(st.integers(0, 20), st.integers(0, 4), st.integers(0, 6)),
)
def test_fixed_thresholds_monotone_for_one_person(values, bump):
    ref = {"ties": 22, "groups": 2, "diversity": 7}
    person = dict(zip(("ties", "groups", "diversity"), values, strict=True))
    higher = {k: v + b for (k, v), b in zip(person.items(), bump, strict=True)}
    rank = {"limited": 0, "bounded": 1, "networked": 2}
    before, after = classify(person, ref).type, classify(higher, ref).type
    assert not (before == "networked" and after == "limited")
    assert not (before == "networked" and after != "networked")
    assert rank[after] >= rank[before]


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from([0.5, 1.0, 2.5]), st.integers(0, 2)),
        max_size=40,
    )
)
def test_row_codes_give_each_distinct_row_one_code(rows):
    # the grouping behind the reasons: equal rows share a code, different rows never do
    columns = [np.array([row[i] for row in rows], dtype=float) for i in range(3)]
    codes, first = typology._row_codes(columns)
    assert len(codes) == len(rows)
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (codes[i] == codes[j]) == (rows[i] == rows[j])
    assert [rows[k] for k in first] == list(dict.fromkeys(rows))  # first of each, in order
    assert sorted(set(codes.tolist())) == list(range(len(first)))


def test_a_large_sample_gets_each_persons_own_type_and_reasons():
    # 20,000 resampled people with half-point values: each row's reasons quote its own
    # values and medians, and its type is the one classify() gives that person alone
    people = datasets.load("east_york_synthetic")
    rng = np.random.default_rng(3)
    big = people.iloc[rng.integers(0, len(people), 20_000)].reset_index(drop=True)
    big["ties"] = big["ties"] + rng.choice([0.0, 0.5], size=len(big))
    out = classify_sample(big)
    medians = big.groupby("age_group")[list(typology.MEASURES)].median()
    reference = Reference({g: medians.loc[g].to_dict() for g in medians.index}, source="big")
    for k in rng.integers(0, len(big), 40):
        row = big.iloc[k]
        assert classify(row.to_dict(), reference).type == out["type"][k]
        for m in typology.MEASURES:
            value, median = row[m], medians.loc[row["age_group"], m]
            quoted = f"{m} {format_number(value, '.4g')} "
            assert quoted in out["reasons"][k]
            assert (
                f"median {format_number(median, '.4g')} for ages {row['age_group']}"
                in out["reasons"][k]
            )


# -- who moved between two rules (RuleExplorer shows it) -----------------------------------
def test_transitions_count_each_change_most_first() -> None:
    people = datasets.load("east_york_synthetic")
    course = classify_sample(people)
    other = classify_sample(people, Rule(order=("limited", "networked")))
    flows = typology.transitions(course, other)
    moved = int((course["type"] != other["type"]).sum())
    assert moved > 0 and sum(flows.values()) == moved
    assert all(a != b for a, b in flows)
    assert list(flows.values()) == sorted(flows.values(), reverse=True)
    assert typology.transitions(course, course) == {}


def test_transitions_need_the_same_people_twice() -> None:
    table = classify_sample(datasets.load("east_york_synthetic"))
    with pytest.raises(ValueError, match="same people"):
        typology.transitions(table, table.iloc[:5])
