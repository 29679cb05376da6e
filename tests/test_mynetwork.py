"""netind_teach.mynetwork: the personal network, its measures and type, saving, export, combine.

Builder-widget tests are in test_mynetwork_builder.py, privacy (no network use, no names in
exports) in test_mynetwork_privacy.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import random
from pathlib import Path

import matplotlib
import networkx as nx
import pytest

from netind_teach import store, typology
from netind_teach.mynetwork import (
    FILENAME,
    MAX_PEOPLE,
    PersonalNetwork,
    SaveError,
    check_export,
    combine,
    delete_saved,
    demo_network,
    export_anonymised,
    export_data,
    export_filename,
    export_text,
    open_network,
    read_export,
    save_network,
    synthetic_class,
    synthetic_network,
    write_synthetic_class,
)
from netind_teach.mynetwork import demo as demo_module
from netind_teach.mynetwork.model import check_nickname, reference_and_rule
from netind_teach.mynetwork.storage import file_text
from netind_teach.vocab import EGO, TIE_CATEGORIES

matplotlib.use("Agg")

SALT = "0123456789abcdef" * 2


def _net(*names: str, salt: str = SALT) -> PersonalNetwork:
    net = PersonalNetwork(salt=salt)
    for name in names:
        net.add(name, "friend")
    return net


# --------------------------------------------------------------------------- model
def test_add_edit_remove_link_and_find() -> None:
    net = _net("Sam", "Ola", "Kit")
    assert [p.id for p in net.people] == ["p1", "p2", "p3"]
    assert net.find("  OLA ").id == "p2"
    assert net.find("p3").nickname == "Kit"
    net.link("Sam", "Ola")
    net.link("Ola", "Sam")  # the same pair again: still one link
    assert net.links == (("p1", "p2"),)
    net.edit("Kit", nickname="Kit B.", category="workmate", place="distant")
    assert net.find("kit b.").category == "workmate"
    net.set_knows("Kit B.", ["Sam", "Ola"])
    assert {p.nickname for p in net.knows("Kit B.")} == {"Sam", "Ola"}
    net.set_knows("Kit B.", [])
    assert net.knows("Kit B.") == ()
    removed = net.remove("Sam")
    assert removed.nickname == "Sam" and net.links == ()
    # ids are never reused: the next person gets p4, not p1
    assert net.add("Sam", "friend").id == "p4"


@pytest.mark.parametrize("twin", ["sam", "SAM", " Sam ", "Ｓａｍ", "s\u0061m"])
def test_duplicate_nicknames_are_refused_whatever_the_case_or_width(twin: str) -> None:
    net = _net("Sam")
    with pytest.raises(ValueError, match="already have someone called 'Sam'"):
        net.add(twin, "friend")
    assert len(net) == 1


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("", "empty"),
        ("   \t ", "empty"),
        ("x" * 10_000, "too long"),
        ("x" * 41, "too long"),
        ("ab\u202ecd", "invisible or control"),  # right-to-left override
        ("a\u200bb", "invisible or control"),  # zero-width space
        ("a\x00b", "invisible or control"),
        ("\ud800", "invisible or control"),  # lone surrogate: cannot even be saved as UTF-8
        ("\u0301\u0301", "no letter"),  # combining accents only
        ("me", "sounds like you"),
        ("EGO", "sounds like you"),
    ],
)
def test_bad_nicknames_get_a_message_and_change_nothing(bad: str, words: str) -> None:
    net = _net("Sam")
    before = net.to_dict()
    with pytest.raises(ValueError, match=words) as info:
        net.add(bad, "friend")
    assert "Fix:" in str(info.value)
    assert len(str(info.value)) < 300  # a 10,000-character name is not echoed back
    assert net.to_dict() == before


def test_odd_but_fine_unicode_is_kept() -> None:
    net = PersonalNetwork(salt=SALT)
    for name in ("Zoë", "李", "🧗\u200d♀️ Ana", "O'Brien-Smith", "<b>x</b>", "$x$", "Noe\u0308l"):
        net.add(name, "friend")
    assert net.find("noël").nickname == "Noël"  # NFC: the combining diaeresis is composed
    assert check_nickname("  many   spaces ") == "many spaces"
    with pytest.raises(TypeError, match="text"):
        net.add(12, "friend")


def test_bad_choices_self_links_and_unknown_people() -> None:
    net = _net("Sam", "Ola")
    with pytest.raises(ValueError, match="not a category"):
        net.add("Kit", "cousin")
    with pytest.raises(ValueError, match="not a closeness"):
        net.add("Kit", "friend", closeness="best")
    with pytest.raises(ValueError, match="cannot know themselves"):
        net.link("Sam", "sam")
    with pytest.raises(KeyError, match="nobody called 'Bob'"):
        net.link("Sam", "Bob")
    with pytest.raises(ValueError, match="has no 'colour'"):
        net.edit("Sam", colour="red")
    with pytest.raises(ValueError, match="already have someone called 'Ola'"):
        net.edit("Sam", nickname="ola")
    with pytest.raises(ValueError, match="age group"):
        net.set_age_group("teen")
    with pytest.raises(ValueError, match="whole number"):
        net.set_groups(2.5)
    with pytest.raises(ValueError, match="between 0 and"):
        net.set_groups(-1)
    assert len(net) == 2 and net.links == ()


def test_the_limit_of_150_people_has_a_clear_message() -> None:
    net = PersonalNetwork(salt=SALT)
    for i in range(MAX_PEOPLE):
        net.add(f"person {i}", "friend")
    with pytest.raises(ValueError, match=f"{MAX_PEOPLE} people, the builder's limit"):
        net.add("one more", "friend")
    assert len(net) == MAX_PEOPLE


def test_demo_measures_match_an_independent_count() -> None:
    net = demo_network()
    m = net.measures()
    people = demo_module._DEMO_PEOPLE
    assert m.people == len(people) == 18
    assert m.ties == sum(category in TIE_CATEGORIES for _, category, *_ in people) == 13
    assert m.links == len(demo_module._DEMO_LINKS) == 19
    assert m.density == pytest.approx(19 / (18 * 17 / 2))
    # circles: connected components of the people-only graph, counted with networkx
    H = nx.Graph()
    H.add_nodes_from(p[0] for p in people)
    H.add_edges_from(demo_module._DEMO_LINKS)
    assert m.circles == nx.number_connected_components(H) == 5
    kinds = len({p[1] for p in people})
    ways = len({p[3] for p in people})
    places = len({p[4] for p in people})
    assert (m.kinds, m.ways, m.places) == (kinds, ways, places) == (7, 3, 2)
    assert m.diversity == 12
    assert m.alone == 0 and m.groups == 2


def test_linking_two_circles_changes_density_and_circles_only() -> None:
    before = demo_network()
    after = demo_network()
    after.link("Kit", "Lee")  # a school friend who also climbs
    b, a = before.measures(), after.measures()
    assert a.circles == b.circles - 1
    assert a.density > b.density
    assert (a.ties, a.groups, a.diversity, a.people) == (b.ties, b.groups, b.diversity, b.people)
    assert after.classify().type == before.classify().type


def test_graph_has_ego_and_the_attributes_plots_use() -> None:
    G = demo_network().to_graph()
    assert G.degree(EGO) == 18
    assert G.nodes["p1"]["category"] == "immediate kin"
    assert G.edges[EGO, "p1"]["kind"] == "strong"  # Mum: very close
    assert G.edges[EGO, "p17"]["kind"] == "online"  # pixelfox: close, online
    assert "nickname" not in G.nodes["p1"]
    assert demo_network().to_graph(names=True).nodes["p1"]["nickname"] == "Mum"


def test_type_against_published_medians_uses_two_measures() -> None:
    result = demo_network().classify("published")
    assert result.type == "bounded"
    assert result.reasons[0] == "ties 13 < median 34 for ages under 35"
    assert result.reasons[1] == "diversity 12 > median 7 for the whole sample"
    assert result.rule.measures == ("ties", "diversity")


def test_type_against_synthetic_medians_uses_the_age_groups_three_medians() -> None:
    ref = typology.reference_medians("synthetic").medians["under 35"]
    result = demo_network().classify("synthetic")
    assert result.thresholds == {m: ref[m] for m in ("ties", "groups", "diversity")}
    assert result.type == "bounded"  # 13 < 34 ties, 2 = 2 groups, 12 > 9 diversity


def test_without_an_age_group_whole_sample_medians_are_used() -> None:
    net = demo_network()
    net.set_age_group(None)
    assert "for the whole sample" in net.classify().reasons[0]
    with pytest.raises(ValueError, match="'published'"):
        reference_and_rule("made up")


def test_equality_copy_and_repr() -> None:
    net = demo_network()
    twin = net.copy()
    assert twin == net and twin is not net
    twin.unlink("Mum", "Dad")
    assert twin != net
    assert repr(net) == "<PersonalNetwork: 18 people, 19 links>"


# --------------------------------------------------------------------------- storage
def test_save_and_reload_round_trip_is_exact(tmp_path: Path) -> None:
    net = demo_network()
    net.edit("Bea", nickname="Bea 🌍 Zoë")
    path = save_network(net, tmp_path)
    assert path == tmp_path / FILENAME
    opened = open_network(tmp_path)
    assert opened.network == net
    assert opened.network.to_dict() == net.to_dict()
    assert opened.network.salt == net.salt
    # saving the reloaded network writes the very same bytes
    first = path.read_bytes()
    save_network(opened.network, path)
    assert path.read_bytes() == first


def test_saved_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = save_network(demo_network(), tmp_path / "mine.json")
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    else:  # Windows: no POSIX modes; the file exists and reloads
        assert open_network(path).network is not None


def test_a_crash_between_write_and_rename_loses_nothing(tmp_path: Path, monkeypatch) -> None:
    net = demo_network()
    path = save_network(net, tmp_path)
    saved = path.read_bytes()
    changed = net.copy()
    changed.add("New friend", "friend")

    def killed(*_args):  # the kernel dies after the temp file is written, before the rename
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_replace", killed)
    with pytest.raises(KeyboardInterrupt):
        save_network(changed, path)
    assert path.read_bytes() == saved
    assert open_network(path).network == net
    assert _names(tmp_path) == [FILENAME]  # the temp file was removed

    def refused(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "_replace", refused)
    with pytest.raises(SaveError, match="Could not save your network") as info:
        save_network(changed, path)
    assert "Permission denied" in str(info.value)
    assert path.read_bytes() == saved


def _names(folder: Path) -> list[str]:
    """Names in ``folder`` but the (empty) lock files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def test_a_temp_file_left_by_a_killed_save_is_removed_at_the_next_open(tmp_path: Path) -> None:
    """Item 4: leftovers held nicknames and the salt for an hour; now gone at next open."""
    net = demo_network()
    path = save_network(net, tmp_path)
    leftover = tmp_path / f".{FILENAME}.abc123.tmp"
    leftover.write_text('{"format": "netind-teach-my-ne')  # cut short by a kill
    assert open_network(path).network == net
    assert not leftover.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "netind-teach-my-network", "vers', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not text"),
        (b'{"format": "netind-teach-my-network", "version": 0}', "not a file version"),
        (b'{"format": "netind-teach-my-network", "version": 1}', "fields are not those"),
    ],
)
def test_a_broken_network_file_is_set_aside_never_replaced(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / FILENAME
    path.write_bytes(content)
    opened = open_network(path)
    assert opened.network is None and opened.can_save
    assert reason in opened.message
    assert opened.set_aside is not None and opened.set_aside.read_bytes() == content
    assert opened.set_aside.name.startswith("my_network.corrupt-")
    assert opened.set_aside.name.endswith(".json")
    assert opened.set_aside.name in opened.message
    assert not path.exists()
    # a second broken file the same second gets another name: nothing is overwritten
    path.write_bytes(content)
    again = open_network(path)
    assert again.set_aside != opened.set_aside
    assert opened.set_aside.read_bytes() == again.set_aside.read_bytes() == content


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"[1, 2, 3]", "it holds a list"),
        (b'{"name": "someone else\'s settings"}', "no 'format' field"),
        (b'{"format": "jupyter"}', "its 'format' is 'jupyter'"),
        (b'{"format": "netind-teach-network-export"}', "anonymised export"),
        (b'{"format": "netind-teach-my-network", "version": 99}', "newer version of the course"),
    ],
)
def test_a_foreign_file_is_left_exactly_as_it_is(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(content)
    opened = open_network(path)
    assert opened.network is None and not opened.can_save and opened.set_aside is None
    assert reason in opened.message and "left as it is" in opened.message
    assert _names(tmp_path) == ["data.json"]
    assert path.read_bytes() == content


def test_a_file_with_bad_people_is_set_aside_with_the_reason(tmp_path: Path) -> None:
    data = demo_network().to_dict()
    data["people"][1]["nickname"] = data["people"][0]["nickname"]  # a duplicate
    (tmp_path / FILENAME).write_text(json.dumps(data))
    opened = open_network(tmp_path)
    assert "person p2: You already have someone called 'Mum'" in opened.message
    data = demo_network().to_dict()
    data["links"].append(["p1", "p1"])
    (tmp_path / FILENAME).write_text(json.dumps(data))
    assert "does not join two different known people" in open_network(tmp_path).message


def test_a_huge_file_is_not_read_into_memory(tmp_path: Path, monkeypatch) -> None:
    from netind_teach.mynetwork import storage

    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 100)
    (tmp_path / FILENAME).write_text(" " * 200)
    opened = open_network(tmp_path)
    assert "far too large" in opened.message and not opened.can_save


def test_an_unreadable_file_is_left_alone_and_saving_is_switched_off(
    tmp_path: Path, monkeypatch
) -> None:
    path = save_network(demo_network(), tmp_path)

    real_open = store.os.open

    def denied(where, flags, *args):
        if Path(where) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(where, flags, *args)

    monkeypatch.setattr(store.os, "open", denied)
    opened = open_network(path)
    assert opened.network is None and not opened.can_save
    assert "Permission denied" in opened.message and "nothing will be saved" in opened.message
    assert path.exists()


def test_delete_saved_asks_for_confirmation(tmp_path: Path) -> None:
    save_network(demo_network(), tmp_path)
    (tmp_path / "my_network.corrupt-20260101-101010.json").write_text("?")
    export_anonymised(demo_network(), tmp_path)
    (tmp_path / "notes.json").write_text("{}")
    listing = delete_saved(tmp_path)
    assert listing.startswith("Would delete 3 files") and "notes.json" not in listing
    assert len(_names(tmp_path)) == 4
    assert delete_saved(tmp_path, confirm=True).startswith("Deleted 3 files")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]
    assert delete_saved(tmp_path).startswith("Nothing to delete")


# --------------------------------------------------------------------------- export
def test_export_ids_are_keyed_hashes_of_the_salt() -> None:
    net = demo_network()
    data = export_data(net)
    key = bytes.fromhex(net.salt)
    expected = {
        hmac.new(key, f"person:{p.id}".encode(), hashlib.sha256).hexdigest()[:12]
        for p in net.people
    }
    assert {p["id"] for p in data["people"]} == expected
    assert data["network"] == hmac.new(key, b"network", hashlib.sha256).hexdigest()[:12]
    assert [p["id"] for p in data["people"]] == sorted(expected)


def test_export_ids_are_stable_but_depend_on_the_secret_salt() -> None:
    net = demo_network()
    first = export_data(net)
    net.edit("Sam", nickname="Samira")  # renaming someone does not change their id
    net.add("Newcomer", "friend")
    second = export_data(net)
    assert {p["id"] for p in first["people"]} < {p["id"] for p in second["people"]}
    assert first["network"] == second["network"]
    other = PersonalNetwork.from_dict({**demo_network().to_dict(), "salt": "f" * 32})
    assert not {p["id"] for p in export_data(other)["people"]} & {p["id"] for p in first["people"]}


def test_export_keeps_structure_categories_and_measures() -> None:
    net = demo_network()
    data = export_data(net)
    assert check_export(data) is data
    assert data["age_group"] == "under 35" and data["groups"] == 2
    assert data["synthetic"] is False
    assert len(data["people"]) == 18 and len(data["links"]) == 19
    m = net.measures()
    assert data["measures"] == {
        "people": 18,
        "ties": 13,
        "groups": 2,
        "diversity": 12,
        "circles": 5,
        "density": round(m.density, 4),
    }
    assert json.loads(export_text(net)) == data


def test_export_writes_exactly_the_previewed_text(tmp_path: Path) -> None:
    net = demo_network()
    written = export_anonymised(net, tmp_path)
    assert written.name == export_filename(net)
    assert written.read_bytes() == export_text(net).encode("ascii")
    assert read_export(written) == export_data(net)
    chosen = export_anonymised(net, tmp_path / "for_teacher.json")
    assert chosen.read_bytes() == written.read_bytes()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["people"][0].__setitem__("nickname", "Sam"), "missing or extra fields"),
        (lambda d: d.__setitem__("notes", "my notes"), "fields are not an export's"),
        (lambda d: d["people"][0].__setitem__("id", "Sam"), "bad or repeated id"),
        (lambda d: d["links"].append([d["people"][0]["id"]] * 2), "two different"),
        (lambda d: d["people"][0].__setitem__("category", "cousin"), "category 'cousin'"),
        (lambda d: d.__setitem__("version", 7), "newer version of the course .* update the"),
        (lambda d: d.__setitem__("version", 0), "not a file version"),
        (lambda d: d.__setitem__("synthetic", "yes"), "'synthetic' flag"),
        (lambda d: d["measures"].pop("ties"), "measures"),
        (lambda d: d.__setitem__("format", "netind-teach-my-network"), "own network file"),
    ],
)
def test_check_export_is_strict(change, reason: str) -> None:
    data = export_data(demo_network())
    change(data)
    with pytest.raises(ValueError, match=reason):
        check_export(data)


# --------------------------------------------------------------------------- class
def test_synthetic_class_is_seeded_and_labelled() -> None:
    assert synthetic_class(5, seed=3) == synthetic_class(5, seed=3)
    assert synthetic_class(5, seed=3) != synthetic_class(5, seed=4)
    exports = synthetic_class(30, seed=0)
    assert all(e["synthetic"] for e in exports)
    assert all(check_export(e) for e in exports)
    assert len({e["network"] for e in exports}) == 30
    assert synthetic_network(11) == synthetic_network(11)
    with pytest.raises(ValueError, match="whole number"):
        synthetic_class(-1)


def test_combine_thirty_synthetic_exports_and_two_malformed_files(tmp_path: Path) -> None:
    paths = write_synthetic_class(tmp_path, n=30, seed=0)
    assert len(paths) == 30
    (tmp_path / "broken.json").write_text('{"format": "netind-teach-network-exp')
    own = demo_network().to_dict()  # a learner's own file, with nicknames, sent by mistake
    (tmp_path / "my_network.json").write_text(json.dumps(own))
    (tmp_path / "readme.txt").write_text("not an export and not *.json: ignored")

    view = combine(tmp_path)
    assert len(view.table) == 30
    assert [name for name, _ in view.skipped] == ["broken.json", "my_network.json"]
    assert "not valid JSON" in view.skipped[0][1]
    assert "nicknames" in view.skipped[1][1]
    counts = view.counts()
    assert int(counts.loc["all"].sum()) == 30
    assert list(counts.columns) == ["networked", "bounded", "limited"]
    assert view.synthetic == "all"
    summary = view.summary()
    assert "30 exports combined (synthetic class)" in summary
    assert "broken.json" in summary and "my_network.json" in summary

    # each row's measures and type equal what the same synthetic network gives directly
    networks = demo_module._class_networks(30, 0)
    for row, net in zip(view.table.itertuples(), networks, strict=True):
        m = net.measures()
        assert (row.people, row.ties, row.groups, row.diversity, row.circles) == (
            m.people,
            m.ties,
            m.groups,
            m.diversity,
            m.circles,
        )
        assert row.density == pytest.approx(m.density, abs=1e-4)
        assert row.type == net.classify("published").type


def test_combine_recomputes_measures_instead_of_trusting_the_file(tmp_path: Path) -> None:
    data = export_data(demo_network())
    data["measures"]["ties"] = 99
    (tmp_path / "a.json").write_text(json.dumps(data))
    assert combine(tmp_path).table.loc[0, "ties"] == 13


def test_combine_reports_a_network_exported_twice(tmp_path: Path) -> None:
    net = demo_network()
    export_anonymised(net, tmp_path / "a.json")
    export_anonymised(net, tmp_path / "b.json")
    view = combine(tmp_path, reference="synthetic")
    assert list(view.table["file"]) == ["a.json"]
    assert view.skipped == (("b.json", "same export as a.json (exported twice?)"),)
    assert view.conflicts == ()
    assert view.synthetic == "none" and view.reference == "synthetic"


def test_combine_bad_folder_and_reference(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="is not a folder"):
        combine(tmp_path / "missing")
    with pytest.raises(ValueError, match="'published'"):
        combine(tmp_path, reference="median")
    empty = combine(tmp_path)
    assert len(empty.table) == 0 and empty.summary() == "0 exports combined."
    with pytest.raises(ValueError, match="no exports to plot"):
        empty.plot_types()


def test_class_plots_say_synthetic(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    write_synthetic_class(tmp_path, n=8, seed=2)
    view = combine(tmp_path)
    ax = view.plot_types()
    assert "synthetic" in ax.get_title()
    axes = view.plot_measures()
    assert len(axes) == 4 and "synthetic" in axes[0].figure._suptitle.get_text()
    export_anonymised(demo_network(), tmp_path)
    mixed = combine(tmp_path)
    assert mixed.synthetic == "some"
    assert "includes synthetic" in mixed.plot_types().get_title()
    plt.close("all")


def test_class_measures_are_laid_out_once_and_fit_their_figure(tmp_path: Path) -> None:
    """Fixed margins, no layout engine (issue 24: constrained layout's passes cost about a
    quarter of lesson 05's histogram cell); every label, tick and title stays inside."""
    import matplotlib.pyplot as plt

    write_synthetic_class(tmp_path, n=30, seed=2026)  # lesson 05's class
    figure = combine(tmp_path).plot_measures()[0].figure
    assert figure.get_layout_engine() is None
    figure.canvas.draw()
    drawn = figure.get_tightbbox(figure.canvas.get_renderer())
    width, height = figure.get_size_inches()
    assert drawn.x0 >= 0 and drawn.x1 <= width and drawn.y0 >= 0 and drawn.y1 <= height
    plt.close("all")


def test_synthetic_networks_are_plausible() -> None:
    rng = random.Random(0)
    for _ in range(20):
        net = synthetic_network(rng.getrandbits(32))
        m = net.measures()
        assert 2 <= m.people <= MAX_PEOPLE
        assert m.ties <= m.people and 0 <= m.diversity <= 12
        assert 0.0 <= m.density <= 1.0
        assert all(p.nickname.startswith("synthetic ") for p in net.people)


# ------------------------------------------------- issue 18: hostile files, paths, conflicts
def test_a_deeply_nested_network_file_is_set_aside(tmp_path: Path) -> None:
    """Item 1: '[' * 1000000 fits under the cap and raised RecursionError."""
    path = tmp_path / FILENAME
    path.write_text("[" * 1_000_000)
    opened = open_network(tmp_path)
    assert opened.can_save and opened.set_aside is not None
    assert "nested too deeply" in opened.message
    assert opened.set_aside.read_text() == "[" * 1_000_000
    assert save_network(demo_network(), tmp_path) == path  # saving works again


def test_a_fifo_named_like_the_network_file_does_not_hang(tmp_path: Path, deadline) -> None:
    """Item 1: a FIFO named my_network.json hung open_network()."""
    os.mkfifo(tmp_path / FILENAME)
    with deadline(10):
        opened = open_network(tmp_path)
    assert not opened.can_save and "not a regular file" in opened.message
    assert (tmp_path / FILENAME).is_fifo()


def test_one_crafted_export_never_stops_the_class(tmp_path: Path, deadline) -> None:
    """Item 1: one deep file crashed combine(); a FIFO hung it. Both are named; the rest used."""
    write_synthetic_class(tmp_path, n=4, seed=1)
    (tmp_path / "deep.json").write_text("[" * 1_000_000)
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "folder.json").mkdir()
    with deadline(10):
        view = combine(tmp_path)
    assert len(view.table) == 4
    reasons = dict(view.skipped)
    assert "nested too deeply" in reasons["deep.json"]
    assert "not a regular file" in reasons["pipe.json"]
    assert "not a regular file" in reasons["folder.json"]
    assert "deep.json" in view.summary()


def test_a_newer_export_says_to_update_the_course(tmp_path: Path) -> None:
    """Item 11: 'unknown export version 2' did not say what to do."""
    data = export_data(demo_network())
    data["version"] = 2
    (tmp_path / "a.json").write_text(json.dumps(data))
    (reason,) = [why for _, why in combine(tmp_path).skipped]
    assert "newer version of the course" in reason and "pip install --upgrade" in reason


def test_delete_saved_deletes_temp_files_of_interrupted_saves(tmp_path: Path) -> None:
    """Item 4: hidden temp files holding nicknames and the salt were not deleted."""
    save_network(demo_network(), tmp_path)
    leftover = tmp_path / f".{FILENAME}.k1ll3d.tmp"
    leftover.write_text(file_text(demo_network()))
    listing = delete_saved(tmp_path)
    assert leftover.name in listing and listing.startswith("Would delete 2 files")
    assert delete_saved(tmp_path, confirm=True).startswith("Deleted 2 files")
    assert list(tmp_path.iterdir()) == []


def test_delete_saved_finds_a_lone_temp_file(tmp_path: Path) -> None:
    leftover = tmp_path / f".{FILENAME}.k1ll3d.tmp"
    leftover.write_text(file_text(demo_network()))
    assert not delete_saved(tmp_path).startswith("Nothing to delete")
    delete_saved(tmp_path, confirm=True)
    assert not leftover.exists()


def test_a_path_without_json_is_a_folder_created_when_saving(tmp_path: Path) -> None:
    """Item 15: save_network(net, "new/dir") wrote a file named dir."""
    written = save_network(demo_network(), tmp_path / "new" / "dir")
    assert written == tmp_path / "new" / "dir" / FILENAME
    assert open_network(tmp_path / "new" / "dir").network == demo_network()
    exported = export_anonymised(demo_network(), tmp_path / "exports" / "week5")
    assert exported.parent == tmp_path / "exports" / "week5" and exported.suffix == ".json"
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match=r"not a \.json file"):
        save_network(demo_network(), tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_different_exports_claiming_one_id_are_a_conflict(tmp_path: Path) -> None:
    """Item 16: a file handed in under someone else's id made the real one a 'duplicate'."""
    real = export_data(demo_network())
    forged = export_data(synthetic_network(3))
    forged["network"] = real["network"]
    (tmp_path / "a_real.json").write_text(json.dumps(real))
    (tmp_path / "b_forged.json").write_text(json.dumps(forged))
    write_synthetic_class(tmp_path, n=2, seed=5)
    view = combine(tmp_path)
    assert len(view.table) == 2 and "a_real.json" not in set(view.table["file"])
    assert view.conflicts == ((real["network"], ("a_real.json", "b_forged.json")),)
    reasons = dict(view.skipped)
    assert "conflict" in reasons["a_real.json"] and "conflict" in reasons["b_forged.json"]
    summary = view.summary()
    assert "Conflict" in summary and "a_real.json" in summary and "b_forged.json" in summary


def test_find_tries_nicknames_first_and_by_id_never_does() -> None:
    """Item 5: find() documents its order; by_id and Person objects resolve by id only."""
    net = PersonalNetwork(salt="0" * 32)
    net.add("Ana", "friend")
    ola = net.add("Ola", "friend")
    p2 = net.add("P2", "workmate")
    assert ola.id == "p2"
    assert net.find("p2") == p2  # a nickname wins over an id that looks like it
    assert net.find(ola) == ola and net.by_id("p2") == ola
    assert net.find("p3") == p2  # no nickname 'p3': the id
    with pytest.raises(KeyError, match="id"):
        net.by_id("P2")
