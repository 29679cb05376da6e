"""Privacy of the capstone: no network access at all; exports carry no names or free text."""

from __future__ import annotations

import ast
import json
import re
import socket
from pathlib import Path

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netind_teach.mynetwork as mynetwork
from netind_teach.mynetwork import (
    CLOSENESS,
    CONTACT_MODES,
    PLACE_CHOICES,
    NetworkBuilder,
    PersonalNetwork,
    combine,
    demo_network,
    export_anonymised,
    export_text,
    write_synthetic_class,
)
from netind_teach.mynetwork import demo as demo_module
from netind_teach.vocab import AGE_GROUPS, CATEGORIES

matplotlib.use("Agg")

PACKAGE = Path(mynetwork.__file__).parent
DISTINCT = ("Zelda-Quark-7", "Ümit Ökzan", "李小龍", "Mx. O'Hara", "🦊fox")


class _NoNetwork(Exception):
    pass


def _refuse(*_args, **_kwargs):
    raise _NoNetwork("the capstone must not use the network")


def test_a_whole_session_runs_with_every_socket_call_refused(tmp_path: Path, monkeypatch) -> None:
    """Builder session, save, reload, export, combine and plots with sockets unusable."""
    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, _refuse)
    monkeypatch.setattr(socket.socket, "connect", _refuse, raising=False)

    b = NetworkBuilder(path=tmp_path / "me", start=demo_network())
    for name in DISTINCT:
        assert b.add(name, "friend", contact="online"), b.message
    b.link(DISTINCT[0], "Sam")
    b.edit(DISTINCT[1], category="workmate")
    b.delete("Mum")
    b.undo()
    b.age_group.value = "35-50"
    b.reference.value = "synthetic"
    b.preview_button.click()
    b.export_button.click()
    assert b.last_error == "" and b.last_export is not None
    again = NetworkBuilder(path=tmp_path / "me")
    assert again.network == b.network

    class_folder = tmp_path / "class"
    write_synthetic_class(class_folder, n=10, seed=4)
    export_anonymised(b.network, class_folder)
    view = combine(class_folder)
    assert len(view.table) == 11 and view.skipped == ()
    view.plot_types()
    view.plot_measures()
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_module_imports_nothing_that_talks_to_the_network() -> None:
    banned = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib", "httpx"}
    for source in PACKAGE.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in banned, f"{source.name} imports {name}"


def test_the_export_bytes_contain_no_nickname(tmp_path: Path) -> None:
    net = demo_network()
    for name in DISTINCT:
        net.add(name, "friend")
    written = export_anonymised(net, tmp_path)
    data = written.read_bytes()
    for person in net.people:
        for form in {person.nickname, person.nickname.lower(), person.nickname.upper()}:
            if len(form) >= 3:  # "Mo" or "Bea" could be hex digits or part of a word
                assert form.encode("utf-8") not in data, form
            assert json.dumps(form).encode() not in data, form  # ASCII-escaped form too
    for name in demo_module._DEMO_PEOPLE:
        assert f'"{name[0]}"'.encode() not in data
    assert net.salt.encode() not in data  # the secret stays in the learner's file


_ALLOWED = (
    set(CATEGORIES)
    | set(CLOSENESS)
    | set(CONTACT_MODES)
    | set(PLACE_CHOICES)
    | set(AGE_GROUPS)
    | {"netind-teach-network-export"}
)
_HEX = re.compile(r"[0-9a-f]{12}")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v)
            assert re.fullmatch(r"[a-z_]+", k), k
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=12, unique=True),
    links=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=15),
)
def test_every_string_in_an_export_is_a_fixed_word_or_a_random_id(names, links) -> None:
    net = PersonalNetwork(salt="1f" * 16, age_group="65+")
    for name in names:
        try:
            net.add(name, "friend")
        except (ValueError, TypeError):
            continue
    people = net.people
    for a, b in links:
        if a < len(people) and b < len(people) and a != b:
            net.link(people[a].id, people[b].id)
    text = export_text(net)
    assert text.isascii()
    for value in _strings(json.loads(text)):
        assert value in _ALLOWED or _HEX.fullmatch(value), value


def test_the_socket_guard_in_this_test_really_blocks(monkeypatch) -> None:
    monkeypatch.setattr(socket, "socket", _refuse)
    with pytest.raises(_NoNetwork):
        socket.socket()
