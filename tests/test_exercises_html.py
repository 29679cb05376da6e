"""No learner text can add a tag or an attribute to a result box (issue 18 item 10).

Before the fix, ``[x](https://a"onmouseover="alert(1))`` in an answer became a link with an
``onmouseover`` attribute, because quotes were not escaped.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netind_teach.exercises import Note, Outcome, Result, to_html

#: Every tag and attribute the renderer itself writes.
ALLOWED = {
    "div": {"class", "style"},
    "strong": set(),
    "em": set(),
    "code": set(),
    "pre": set(),
    "br": set(),
    "p": set(),
    "ul": {"style"},
    "ol": set(),
    "li": set(),
    "a": {"href", "target"},
    **{f"h{level}": set() for level in range(3, 7)},
}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags_of(markup: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser.found


def assert_only_renderer_markup(markup: str, boxes: int) -> None:
    found = tags_of(markup)
    assert sum(tag == "div" for tag, _ in found) == boxes, markup
    for tag, attrs in found:
        assert tag in ALLOWED, (tag, markup)
        names = [name for name, _ in attrs]
        assert set(names) <= ALLOWED[tag] and len(names) == len(set(names)), (tag, attrs)
        if tag == "a":
            href = dict(attrs)["href"] or ""
            assert href.startswith(("http://", "https://")), href
            assert dict(attrs)["target"] == "_blank"


MARKDOWNISH = st.lists(
    st.sampled_from([*'<>"\'=&;/[]()*_`-# \n:.aonmusevrhtp1x', "https://", "](", "onclick="]),
    max_size=60,
).map("".join)
LINKS = st.builds(
    "[{}](http{}://{}){}".format,
    st.text(max_size=10),
    st.sampled_from(["", "s"]),
    MARKDOWNISH,
    MARKDOWNISH,
)
TEXT = st.one_of(st.text(max_size=200), MARKDOWNISH, LINKS)
ATTACKS = [
    '[x](https://a"onmouseover="alert(1))',
    "[x](https://a'onmouseover='alert(1))",
    '[x](https://a"><script>alert(1)</script>)',
    '**<img src=x onerror="alert(1)">**',
    "`</code><script>x</script>`",
    '- [a](https://x" style="color:red)',
]


@pytest.mark.parametrize("text", ATTACKS)
def test_known_attacks_add_nothing(text: str) -> None:
    for outcome in Outcome:
        assert_only_renderer_markup(Result(outcome, text)._repr_html_(), boxes=1)
    assert_only_renderer_markup(Note("Hint", text)._repr_html_(), boxes=1)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(message=TEXT, explanation=st.one_of(st.just(""), TEXT))
def test_no_text_adds_a_tag_or_attribute_to_a_result_box(message: str, explanation: str) -> None:
    if explanation.strip().startswith("<"):
        explanation = "x" + explanation  # author HTML passes through by design; not learner text
    result = Result(Outcome.INCORRECT, message, explanation)
    assert_only_renderer_markup(result._repr_html_(), boxes=1)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(text=TEXT)
def test_markdown_of_any_text_has_only_the_renderers_tags(text: str) -> None:
    if text.strip().startswith("<"):
        text = "x" + text
    assert_only_renderer_markup(to_html(text), boxes=0)
