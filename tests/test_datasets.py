"""Tests for netind_teach.datasets: contents against facts.md, metadata, checksums, errors.

The expected figures below are typed from the course's fact sheet (facts.md, sections 2-5),
not copied from the CSV files.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import shutil
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netind_teach import datasets, synthetic
from netind_teach._resources import datasets_dir
from netind_teach.vocab import EGO, TIE_CATEGORIES

REPO = Path(__file__).resolve().parent.parent
TABLES = [
    "pew_internet_use",
    "pew_mobile_ownership",
    "pew_social_media_use",
    "gss_numgiven",
    "wellman_models",
    "typology_published",
    "isolation_claims",
    "east_york_synthetic",
    "east_york_synthetic_alters",
    "east_york_synthetic_ties",
    "pew_privacy",
    "bakshy_exposure",
    "support_network_synthetic",
]
NETWORKS = ["davis_southern_women", "karate_club"]


def _package() -> dict:
    return json.loads((Path(str(datasets_dir())) / "datapackage.json").read_text("utf-8"))


@pytest.fixture
def copy_dir(tmp_path, monkeypatch):
    """A temporary copy of the datasets folder that the datasets module reads from."""
    folder = tmp_path / "datasets"
    shutil.copytree(str(datasets_dir()), folder)
    monkeypatch.setattr(datasets.package, "datasets_dir", lambda: folder)
    return folder


# ------------------------------------------------------------------ listing and metadata


def test_list_datasets_has_every_table_network_and_the_egonets():
    names = datasets.list_datasets()
    assert names == [*TABLES, *NETWORKS, "east_york_egonets"]


def test_one_resource_per_csv_file_and_paths_relative():
    package = _package()
    paths = sorted(r["path"] for r in package["resources"] if "path" in r)
    files = sorted(p.name for p in Path(str(datasets_dir())).glob("*.csv"))
    assert paths == files
    assert all(r["path"] == f"{r['name']}.csv" for r in package["resources"] if "path" in r)


def test_every_resource_has_card_fields_citation_and_licence():
    package = _package()
    for entry in [*package["resources"], *package["derived_datasets"]]:
        name = entry["name"]
        assert re.fullmatch(r"[a-z0-9_]+", name)
        for key in ("title", "description", "kind", "verification", "sources", "licenses"):
            assert entry.get(key), (name, key)
        assert entry["kind"] in ("published", "synthetic"), name
        assert entry["verification"] in ("P", "S", "per-row", "synthetic", "external"), name
        assert all(s["title"] for s in entry["sources"]), name
        assert all(
            lic.get("title") and (lic.get("name") or lic.get("path")) for lic in entry["licenses"]
        ), name
        assert datasets.citation(name) == "\n".join(s["title"] for s in entry["sources"])


def test_tables_have_typed_schema_hash_and_verification_column_when_mixed():
    for entry in _package()["resources"]:
        if "networkx" in entry:
            assert "path" not in entry and "hash" not in entry
            continue
        for field in entry["schema"]["fields"]:
            assert set(field) >= {"name", "type", "unit", "description"}, field
            assert field["type"] in ("integer", "number", "string", "boolean", "date")
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", entry["hash"])
        if entry["verification"] == "per-row":
            assert "verification" in [f["name"] for f in entry["schema"]["fields"]]


def test_hashes_match_files_and_check_files_reports_no_problem():
    folder = Path(str(datasets_dir()))
    for entry in _package()["resources"]:
        if "path" in entry:
            data = (folder / entry["path"]).read_bytes()
            assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert entry["bytes"] == len(data)
    results = datasets.check_files()
    assert [name for name, _ in results] == [*TABLES, *NETWORKS]
    assert all(problem is None for _, problem in results), results


def test_synthetic_cards_say_synthetic_and_why():
    for name in [
        "east_york_synthetic",
        "east_york_synthetic_alters",
        "east_york_synthetic_ties",
        "east_york_egonets",
    ]:
        text = datasets.card(name)
        assert "SYNTHETIC" in text and "not public" in text
        assert "generate_east_york(seed=2020)" in text
    for name in TABLES[:7]:
        assert "synthetic" not in datasets.card(name).lower().split("what:")[0]


def test_describe_prints_and_returns_the_card(capsys):
    text = datasets.describe("pew_internet_use")
    assert capsys.readouterr().out.strip() == text.strip()
    for part in (
        "Kind: published",
        "Sources (cite as)",
        "Licence / terms",
        "percent (integer; unit: percent of U.S. adults)",
        "terms-and-conditions",
    ):
        assert part in text


def test_docs_datasets_md_is_current():
    committed = (REPO / "docs" / "datasets.md").read_text(encoding="utf-8")
    assert committed == datasets.render_cards_markdown(), (
        "docs/datasets.md is stale: run netind_teach.datasets.write_cards_markdown("
        "'docs/datasets.md')"
    )


def test_load_returns_fresh_objects():
    first = datasets.load("gss_numgiven")
    first.loc[0, "count"] = -1
    assert datasets.load("gss_numgiven").loc[0, "count"] == 136


# ---------------------------------------------------------------- published contents


def test_pew_internet_use_matches_facts():
    df = datasets.load("pew_internet_use")
    expected = {
        2000: 52,
        2001: 55,
        2002: 59,
        2003: 61,
        2004: 63,
        2005: 68,
        2006: 71,
        2007: 74,
        2008: 74,
        2009: 76,
        2010: 76,
        2011: 79,
        2012: 83,
        2013: 84,
        2014: 84,
        2015: 86,
        2016: 88,
        2018: 89,
        2019: 90,
        2021: 93,
        2023: 95,
        2024: 96,
    }
    assert dict(zip(df["year"], df["percent"], strict=True)) == expected
    assert not {2017, 2020, 2022} & set(df["year"])
    assert df.loc[df["after_mode_change"], "year"].tolist() == [2023, 2024]
    assert set(df.loc[df["year"] < 2023, "survey_mode"]) == {"phone"}
    assert df["after_mode_change"].dtype == bool and df["year"].dtype == "int64"


def test_pew_mobile_ownership_matches_facts():
    df = datasets.load("pew_mobile_ownership").set_index("survey_date")
    points = {  # date: (cell, smart or None, tag)
        "2002-10-27": (62, None, "P"),
        "2010-12-21": (81, None, "P"),
        "2011-05-22": (83, 35, "P"),
        "2012-02-19": (88, 45, "P"),
        "2013-05-19": (91, 56, "S"),
        "2016-11-06": (95, 77, "S"),
        "2019-02-07": (96, 81, "S"),
        "2021-02-08": (97, 85, "P"),
    }
    for date, (cell, smart, tag) in points.items():
        row = df.loc[pd.Timestamp(date)]
        assert row["cellphone_percent"] == cell
        assert (
            pd.isna(row["smartphone_percent"])
            if smart is None
            else row["smartphone_percent"] == smart
        )
        assert row["verification"] == tag
    last = df.iloc[-1]
    assert (last["cellphone_percent"], last["smartphone_percent"]) == (98, 91)
    assert "2024-02-01" in last["note"] and "5,626" in last["note"]
    assert len(df) == 15
    tags = df["verification"]
    assert set(tags[(df.index.year >= 2013) & (df.index.year <= 2019)]) == {"S"}


def test_pew_social_media_use_matches_facts():
    df = datasets.load("pew_social_media_use")
    series = dict(zip(df["survey_date"].dt.strftime("%Y-%m-%d"), df["percent"], strict=True))
    for date, value in {
        "2005-03-21": 5,
        "2005-12-08": 8,
        "2008-12-04": 27,
        "2010-05-30": 48,
        "2010-12-21": 47,
        "2012-08-07": 59,
        "2014-01-26": 62,
        "2016-11-06": 69,
    }.items():
        assert series[date] == value
    assert len(df) == 18
    flagged = df[df["after_wording_change"]]
    assert flagged["percent"].tolist() == [72]
    assert flagged["survey_date"].dt.year.tolist() == [2021]
    assert "Facebook, Twitter or Instagram" in flagged["question_wording"].item()
    assert set(df.loc[~df["after_wording_change"], "question_wording"]) == {
        "social networking sites"
    }
    assert 7 not in set(df["percent"])  # the pooled series (7% in 2005) is not mixed in


def test_gss_numgiven_has_every_count_from_facts():
    df = datasets.load("gss_numgiven")
    counts = {(r.year, r.response): r.count for r in df.itertuples()}
    expected = {
        1985: [136, 228, 235, 321, 233, 294, 84],
        2004: [356, 281, 263, 232, 128, 96, 70],
    }
    labels = ["0", "1", "2", "3", "4", "5", "6 (top category)"]
    for year, values in expected.items():
        for label, value in zip(labels, values, strict=True):
            assert counts[(year, label)] == value
    assert counts[(1985, "no answer")] == 3
    assert counts[(2004, "no answer")] == 46
    assert counts[(2004, "not asked")] == 1340
    assert len(df) == 17
    valid = df[df["response_type"] == "valid"]
    assert valid.groupby("year")["count"].sum().to_dict() == {1985: 1531, 2004: 1426}
    assert df.loc[df["response_type"] != "valid", "number_named"].isna().all()


@pytest.mark.parametrize(
    ("year", "top", "mean", "sd", "share_zero"),
    [
        (1985, 5, 2.93, 1.64, 8.9),
        (2004, 5, 2.00, 1.66, 25.0),
        (1985, 6, 2.98, None, None),
        (2004, 6, 2.04, None, None),
    ],
)
def test_gss_numgiven_reproduces_the_unweighted_statistics(year, top, mean, sd, share_zero):
    df = datasets.load("gss_numgiven")
    valid = df[(df["year"] == year) & (df["response_type"] == "valid")]
    named = valid["number_named"].astype(int).clip(upper=top)
    n = valid["count"].sum()
    m = (named * valid["count"]).sum() / n
    assert round(m, 2) == mean
    if sd is not None:
        variance = (((named - m) ** 2) * valid["count"]).sum() / (n - 1)
        assert round(math.sqrt(variance), 2) == sd
        assert round(100 * valid.loc[named == 0, "count"].sum() / n, 1) == share_zero


def test_wellman_models_match_facts():
    df = datasets.load("wellman_models").set_index("order")
    assert df["model"].tolist() == [
        "little boxes",
        "glocalized networks",
        "networked individualism",
    ]
    assert df["also_called"].tolist() == ["door-to-door", "place-to-place", "person-to-person"]
    assert df["knit"].tolist() == [
        "densely-knit",
        "sparsely-knit but with clusters",
        "sparsely-knit",
    ]
    assert df["what_is_connected"].tolist() == [
        "people, door to door",
        "households, locally and globally",
        "individuals",
    ]
    assert df["space"].tolist() == ["local", "local and global", "with little regard to space"]


def test_typology_published_matches_facts():
    df = datasets.load("typology_published")

    def value(statistic, measure, age_group="all", type_="all"):
        rows = df[
            (df["statistic"] == statistic)
            & (df["measure"] == measure)
            & (df["age_group"] == age_group)
            & (df["type"] == type_)
        ]
        assert len(rows) == 1, (statistic, measure, age_group, type_)
        return rows["value"].item()

    assert value("count", "people") == 101
    sizes = {"under 35": 6, "35-50": 22, "51-64": 32, "65+": 41}
    assert {g: value("count", "people", g) for g in sizes} == sizes
    assert (value("count", "women"), value("count", "men")) == (55, 46)
    assert (value("minimum", "age"), value("maximum", "age")) == (27, 93)
    assert (value("mean", "age"), value("sd", "age")) == (60, 15)
    assert value("median", "ties") == 22 and value("sd", "ties") == 13.9
    assert [value("median", "ties", g) for g in sizes] == [34, 21, 15, 14]
    assert value("median", "diversity") == 7
    table2 = {"ties": [31, 18, 14], "groups": [2, 2, 0], "diversity": [9, 7, 6]}
    for measure, values in table2.items():
        got = [value("median", measure, "all", t) for t in ("networked", "bounded", "limited")]
        assert got == values
    assert [value("share", "people", "all", t) for t in ("networked", "bounded", "limited")] == [
        35,
        36,
        29,
    ]
    assert [
        value("share", "people", "under 35", t) for t in ("networked", "bounded", "limited")
    ] == [66.7, 33.3, 0]
    assert value("share", "people", "35-50", "networked") == 41
    assert value("share", "people", "51-64", "networked") == 28
    assert [value("share", "people", "65+", t) for t in ("networked", "bounded", "limited")] == [
        32,
        32,
        36,
    ]
    # the paper does not print these: they must not be here
    for group in ("35-50", "51-64"):
        assert df[(df["age_group"] == group) & (df["type"] == "bounded")].empty
    assert df[(df["statistic"] == "count") & (df["type"] != "all")].empty


def test_isolation_claims_cover_the_sources_and_stances():
    df = datasets.load("isolation_claims")
    assert 15 <= len(df) <= 25
    assert df["claim_id"].is_unique
    assert set(df["stance"]) == {"supports", "challenges", "measurement"}
    assert set(df["source"]) == {
        "McPherson, Smith-Lovin & Brashears",
        "Fischer",
        "Paik & Sanchagrin",
        "Lee & Bearman",
        "Hampton, Sessions, Her & Rainie",
        "Putnam",
        "Turkle",
        "Rainie & Wellman",
    }
    years = df.groupby("source")["year"].first().to_dict()
    assert years["McPherson, Smith-Lovin & Brashears"] == 2006 and years["Fischer"] == 2009
    assert years["Paik & Sanchagrin"] == 2013 and years["Lee & Bearman"] == 2017
    assert years["Hampton, Sessions, Her & Rainie"] == 2009 and years["Putnam"] == 2000
    assert years["Turkle"] == 2011
    # figures seen only in secondary sources are tagged S
    secondary = set(df.loc[df["verification"] == "S", "claim"])
    assert any("41 cases" in c for c in secondary)
    assert any("illusion of companionship" in c for c in secondary)
    assert any("roughly halves" in c for c in secondary)
    # every number in a claim is one facts.md gives for the isolation debate
    allowed = {
        "2006",
        "2.94",
        "1985",
        "2.08",
        "2004",
        "3",
        "0",
        "2008",
        "41",
        "2010",
        "6",
        "12",
        "9",
        "55",
        "38",
        "25",
        "15",
        "2.06",
        "8.1",
        "22.5",
    }
    for claim in df["claim"]:
        assert set(re.findall(r"\d+(?:\.\d+)?", claim)) <= allowed, claim
    mcpherson = df[df["source"].str.startswith("McPherson")]
    assert "supports" in set(mcpherson["stance"])
    assert set(df.loc[df["source"] == "Paik & Sanchagrin", "stance"]) == {"measurement"}


def test_networks_load_from_networkx():
    karate = datasets.load("karate_club")
    assert (karate.number_of_nodes(), karate.number_of_edges()) == (34, 78)
    assert set(nx.get_node_attributes(karate, "club").values()) == {"Mr. Hi", "Officer"}
    davis = datasets.load("davis_southern_women")
    assert nx.is_bipartite(davis)
    assert (len(davis.graph["top"]), len(davis.graph["bottom"])) == (18, 14)
    assert "Zachary" in datasets.citation("karate_club")
    assert "Davis, A., Gardner, B. B., & Gardner, M. R. (1941)" in datasets.citation(
        "davis_southern_women"
    )


# -------------------------------------------------------------------- synthetic files


def test_regenerating_the_synthetic_sample_gives_identical_bytes(tmp_path):
    written = synthetic.write_east_york(tmp_path)
    shipped = Path(str(datasets_dir()))
    for name, path in written.items():
        assert path.read_bytes() == (shipped / f"{name}.csv").read_bytes(), name


def test_synthetic_tables_equal_the_generator_output():
    sample = synthetic.generate_east_york()
    pd.testing.assert_frame_equal(datasets.load("east_york_synthetic"), sample.people)
    pd.testing.assert_frame_equal(datasets.load("east_york_synthetic_alters"), sample.alters)
    pd.testing.assert_frame_equal(datasets.load("east_york_synthetic_ties"), sample.ties)


def test_east_york_egonets_match_their_rows():
    people = datasets.load("east_york_synthetic").set_index("person_id")
    nets = datasets.load("east_york_egonets")
    assert sorted(nets) == list(range(1, 102))
    columns = dict(
        zip(
            TIE_CATEGORIES,
            ["immediate_kin", "extended_kin", "friends", "neighbours", "workmates"],
            strict=True,
        )
    )
    for pid, G in nets.items():
        row = people.loc[pid]
        assert G.graph["synthetic"] is True and G.graph["person_id"] == pid
        alters = [n for n in G if n != EGO]
        assert G.degree(EGO) == len(alters) == row["ties"]
        categories = pd.Series([G.nodes[a]["category"] for a in alters]).value_counts()
        for category, column in columns.items():
            assert categories.get(category, 0) == row[column], (pid, category)
        circles = {G.nodes[a]["circle"] for a in alters}
        assert sum(c.startswith("group ") for c in circles) == row["groups"]
        assert "category" not in G.nodes[EGO]


# ---------------------------------------------------------------------- bad inputs


def test_unknown_name_suggests_close_names():
    with pytest.raises(datasets.DatasetError, match="Did you mean 'gss_numgiven'") as info:
        datasets.load("gss_numgivn")
    assert isinstance(info.value, ValueError)
    assert info.value.dataset == "gss_numgivn" and "list_datasets()" in info.value.fix
    with pytest.raises(datasets.DatasetError, match="no dataset of that name"):
        datasets.describe("nothing_like_it")
    with pytest.raises(TypeError, match="must be a string"):
        datasets.load(3)


def test_missing_file_is_reported(copy_dir):
    (copy_dir / "wellman_models.csv").unlink()
    with pytest.raises(datasets.DatasetError, match=r"'wellman_models'.*missing") as info:
        datasets.load("wellman_models")
    assert "netind-teach doctor" in str(info.value) and "reinstall" in str(info.value)


def test_truncated_file_fails_the_checksum(copy_dir):
    path = copy_dir / "gss_numgiven.csv"
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(datasets.DatasetError, match="does not match the checksum") as info:
        datasets.load("gss_numgiven")
    assert "gss_numgiven" in str(info.value) and "netind-teach doctor" in str(info.value)
    report = dict(datasets.check_files())
    assert "checksum" in report["gss_numgiven"]
    assert report["pew_internet_use"] is None


def test_edited_value_fails_the_checksum(copy_dir):
    path = copy_dir / "pew_internet_use.csv"
    path.write_text(path.read_text("utf-8").replace("2024,96", "2024,99"), "utf-8")
    with pytest.raises(datasets.DatasetError, match=r"'pew_internet_use'.*checksum"):
        datasets.load("pew_internet_use")


def test_wrong_type_is_reported_with_column_and_line(copy_dir):
    path = copy_dir / "gss_numgiven.csv"
    path.write_text(
        path.read_text("utf-8").replace("1985,3,3,valid,321", "1985,3,3,valid,lots"), "utf-8"
    )
    assert datasets.refresh_hashes(copy_dir) == ["gss_numgiven"]  # checksum now agrees
    with pytest.raises(
        datasets.DatasetError,
        match=r"column 'count' should hold integer "
        r"values, but line 5 of the file has 'lots'",
    ):
        datasets.load("gss_numgiven")


def test_bad_boolean_date_enum_and_columns_are_reported(copy_dir):
    cases = {
        "pew_internet_use.csv": (("2024,96,web/mail,true", "2024,96,web/mail,maybe"), "boolean"),
        "pew_social_media_use.csv": (("2005-03-21,5", "2005-13-21,5"), "date"),
        "isolation_claims.csv": ((",supports,", ",agrees,"), "one of"),
        "wellman_models.csv": (("order,model", "rank,model"), "its columns are"),
    }
    for file, ((old, new), _) in cases.items():
        path = copy_dir / file
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
    datasets.refresh_hashes(copy_dir)
    for file, (_, message) in cases.items():
        with pytest.raises(datasets.DatasetError, match=message):
            datasets.load(file.removesuffix(".csv"))


def test_broken_datapackage_is_reported(copy_dir):
    (copy_dir / "datapackage.json").write_text("{not json", "utf-8")
    with pytest.raises(datasets.DatasetError, match="not valid JSON"):
        datasets.list_datasets()
    [(name, problem)] = datasets.check_files()
    assert name == "datapackage.json" and "Fix:" in problem


def test_check_files_reports_a_network_networkx_lacks(copy_dir):
    package = json.loads((copy_dir / "datapackage.json").read_text("utf-8"))
    package["resources"][-1]["networkx"] = "no_such_graph"
    (copy_dir / "datapackage.json").write_text(json.dumps(package), "utf-8")
    report = dict(datasets.check_files())
    assert "no function 'no_such_graph'" in report["karate_club"]
    with pytest.raises(datasets.DatasetError, match="no_such_graph"):
        datasets.load("karate_club")
