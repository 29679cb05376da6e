"""The export leak test over generated nicknames: an export never depends on a nickname.

For each generated network the export is written twice: once with generated nicknames
(Latin, accented, Cyrillic, CJK, emoji, digits, punctuation, spaces) and once with the
same people, links and salt but placeholder nicknames. A leak would make the two texts
differ; each nickname is also searched for in the export's bytes (as written and as
JSON escapes it).
"""

from __future__ import annotations

import json
import random

import pytest

from netind_teach.mynetwork import PersonalNetwork, export_text
from netind_teach.mynetwork.model import check_nickname

pytestmark = pytest.mark.reliability

ALPHABETS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áéíóúüñçøåæœßÁÉÍÓÚÜÑÇØÅ",
    "абвгдежзийклмнопрстуфхцчшщыэюя",
    "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗",
    "🦊🐙🌵🎸🚲⚽🧗‍♀️🍜",
    "0123456789",
    " .-'_&!?()",
)
CATEGORIES = ("friend", "workmate", "neighbour", "immediate kin", "online-only")


def _nickname(rng: random.Random) -> str | None:
    length = rng.randint(1, 40)
    pools = rng.sample(ALPHABETS, rng.randint(1, 3))
    text = "".join(rng.choice(rng.choice(pools)) for _ in range(length))
    try:
        return check_nickname(text)
    except ValueError:
        return None


def _pair(rng: random.Random) -> tuple[PersonalNetwork, PersonalNetwork, list[str]]:
    salt = f"{rng.getrandbits(128):032x}"
    named, plain = PersonalNetwork(salt=salt), PersonalNetwork(salt=salt)
    names: list[str] = []
    for _ in range(rng.randint(1, 20)):
        name = _nickname(rng)
        if name is None:
            continue
        category = rng.choice(CATEGORIES)
        try:
            named.add(name, category)
        except ValueError:  # a duplicate nickname: refused, as it should be
            continue
        plain.add(f"placeholder {len(names) + 1}", category)
        names.append(name)
    ids = [p.id for p in named.people]
    for _ in range(rng.randint(0, 2 * len(ids))):
        if len(ids) > 1:
            a, b = rng.sample(ids, 2)
            named.link(named.by_id(a), named.by_id(b))
            plain.link(plain.by_id(a), plain.by_id(b))
    return named, plain, names


def test_no_generated_nickname_reaches_an_export(reliability_row, reliability_scale: int) -> None:
    rng = random.Random(18)
    exports = 500 * reliability_scale
    names_tried = leaked = differing = 0
    for _ in range(exports):
        named, plain, names = _pair(rng)
        text, reference = export_text(named), export_text(plain)
        differing += text != reference
        for name in names:
            names_tried += 1
            forms = {name, json.dumps(name)[1:-1]}
            if len(name) >= 3 and any(f in text and f not in reference for f in forms):
                leaked += 1
    reliability_row(
        "leaks-export",
        check="Exports of generated networks: does any generated nickname reach the file?",
        runs=exports,
        inputs=names_tried,
        lost=0,
        escaped=0,
        leaked=leaked + differing,
        reproduce="make reliability PYTEST_ARGS='-k generated_nickname' "
        "NETIND_RELIABILITY_SCALE=10",
        notes="Leaked counts nicknames found in an export plus exports whose text changes "
        "when only the nicknames change.",
    )
    assert names_tried >= 4000 * reliability_scale
    assert leaked == 0 and differing == 0
