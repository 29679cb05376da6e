"""Accessibility of what the course draws, checked from Python (issue 20).

The same properties are checked in a real browser with axe-core by
``tests/browser/test_lessons_in_browser.py``; these tests name the widget at fault
without a browser: every control has an accessible name, no button name starts with an
icon, results go to a live region, every picture has a real text alternative, and every
figure a plotting function draws is shown with that text as its ``alt``.
"""

from __future__ import annotations

import re
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import pytest

from netind_teach import a11y, charts, egodraw, figure_text, models
from netind_teach.exercises import for_lesson, lessons
from netind_teach.progress import Progress

matplotlib.use("Agg")

NAMED_CONTROLS = (
    widgets.Dropdown,
    widgets.Text,
    widgets.Textarea,
    widgets.SelectMultiple,
    widgets.Select,
    widgets.BoundedIntText,
    widgets.BoundedFloatText,
    widgets.Checkbox,
)
# ipywidgets gives a slider's handle no accessible name, and a toggle button no pressed
# state (the chosen one is only shaded): the course shows neither (a11y.number_box, a
# list box from choice_controls.option_list, or a check box instead).
HIDDEN_FROM_SCREEN_READERS = (
    widgets.IntSlider,
    widgets.FloatSlider,
    widgets.IntRangeSlider,
    widgets.FloatRangeSlider,
    widgets.SelectionSlider,
    widgets.ToggleButtons,
    widgets.ToggleButton,
)
PLACEHOLDER = "no description has been provided"


def walk(widget):
    """The widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def real_text(text: str | None) -> bool:
    return bool(text) and len(text.split()) >= 4 and PLACEHOLDER not in text.casefold()


def problems_of(box) -> list[str]:
    """What a screen reader user would miss in ``box``."""
    problems = []
    for w in walk(box):
        if isinstance(w, HIDDEN_FROM_SCREEN_READERS):
            problems.append(f"{type(w).__name__}: no name or no chosen state for screen readers")
        if isinstance(w, NAMED_CONTROLS) and not (w.description or "").strip():
            problems.append(f"{type(w).__name__} with no accessible name ({w!r:.60})")
        if isinstance(w, widgets.Button) and (w.icon or not w.description.strip()):
            problems.append(f"button {w.description!r} has an icon {w.icon!r} or no words")
        if isinstance(w, widgets.Image) and not real_text(w.tooltip):
            problems.append(f"picture without a real text alternative: {w.tooltip!r}")
    return problems


@pytest.fixture
def store(tmp_path: Path) -> Progress:
    return Progress(tmp_path / "progress.json", notify=lambda _m: None)


@pytest.mark.parametrize("lesson", lessons())
def test_every_exercise_widget_is_named_and_announces_its_result(lesson, store):
    for exercise in for_lesson(lesson, progress=store):
        w = exercise.widget()
        assert problems_of(w.box) == [], f"{lesson}.{exercise.name}"
        assert 'role="status"' in w.feedback.value and 'aria-live="polite"' in w.feedback.value
        w.check_button.click()  # unanswered: "Not attempted", still inside the live region
        assert w.feedback.value.startswith(a11y.announce("")[: -len("</div>")])
        assert any(a11y.COURSE_CSS in c.value for c in walk(w.box) if isinstance(c, widgets.HTML))


@pytest.mark.parametrize("name", ["coined", "first_type"])
def test_a_one_answer_question_is_one_list_box_that_exposes_the_chosen_option(name, store):
    """A list box (one Tab stop, the chosen option selected), not ipywidgets' radio
    buttons (no shared name: each option its own Tab stop) or toggle buttons (shading)."""
    w = getattr(for_lesson("00", progress=store), name).widget()
    assert type(w.input) is widgets.Select and a11y.OPTION_LIST_CLASS in w.input._dom_classes
    assert w.input.rows == len(w.input.options) and w.input.value is None
    assert w.input.description.startswith("Your answer to: ")
    assert not [
        c for c in walk(w.box) if isinstance(c, (widgets.RadioButtons, widgets.ToggleButtons))
    ]


def test_progress_bar_buttons_carry_no_icon(store):
    bar = for_lesson("00", progress=store).progress_bar()
    assert problems_of(bar.box) == []


def explorers():
    from netind_teach.exercises import lesson04
    from netind_teach.widgets.artifact import ArtifactExplorer
    from netind_teach.widgets.audiences import AudiencesExplorer
    from netind_teach.widgets.continuum import ContinuumExplorer
    from netind_teach.widgets.niches import NicheExplorer
    from netind_teach.widgets.revolutions import RevolutionsExplorer
    from netind_teach.widgets.typology_explorer import RuleExplorer, SampleBrowser

    counts = lesson04.COUNTS
    return {
        "continuum": lambda: ContinuumExplorer(seed=1),
        "artifact": lambda: ArtifactExplorer(counts[1985], counts[2004]),
        "revolutions": lambda: RevolutionsExplorer(),
        "sample browser": lambda: SampleBrowser(person_id=6),
        "rule": lambda: RuleExplorer(person_id=6),
        "niches": lambda: NicheExplorer(),
        "audiences": lambda: AudiencesExplorer(),
    }


PICTURED = ["continuum", "artifact", "revolutions", "sample browser", "niches"]


@pytest.mark.parametrize("name", [*PICTURED, "audiences", "rule"])
def test_explorers_are_named_and_their_pictures_say_what_they_show(name):
    explorer = explorers()[name]()
    box = explorer.widget() if name == "continuum" else explorer.box
    assert problems_of(box) == []
    pictures = [w for w in walk(box) if isinstance(w, widgets.Image)]
    assert len(pictures) == (name in PICTURED), f"{name}: {len(pictures)} pictures"
    for picture in pictures:
        assert any(ch.isdigit() for ch in picture.tooltip), "the text gives the values drawn"


def test_the_builder_is_named_and_its_picture_described(tmp_path, monkeypatch):
    monkeypatch.setenv("NETIND_TEACH_HOME", str(tmp_path))
    from netind_teach.mynetwork.builder import NetworkBuilder
    from netind_teach.mynetwork.demo import demo_network

    builder = NetworkBuilder(path=tmp_path, start=demo_network())
    assert problems_of(builder.box) == []
    assert "ego in the centre" in builder.image.tooltip


def test_describe_image_needs_a_picture_that_can_carry_it():
    with pytest.raises(TypeError, match=r"a11y\.image"):
        a11y.describe_image(widgets.Image(format="png"), "a drawing of four people")


# -- figures shown as cell outputs ---------------------------------------------------------
def drawn(draw):
    from matplotlib.figure import Figure

    fig = Figure()
    draw(fig.add_subplot())
    return fig


FIGURES = {
    "draw_ego": lambda ax: egodraw.draw_ego(models.little_boxes(seed=0), ax=ax, title="Boxes"),
    "plot_series": lambda ax: charts.plot_series(
        {"adults (synthetic)": {2000: 10, 2010: 40, 2020: 70}}, ax=ax, title="Use"
    ),
    "plot_distribution": lambda ax: charts.plot_distribution(
        {"1985": {0: 10, 1: 30}, "2004": {0: 25, 1: 15}}, ax=ax
    ),
    "plot_typology": lambda ax: charts.plot_typology(
        {"65+": {"networked": 1, "bounded": 1, "limited": 2}}, ax=ax
    ),
}
# What each description must say: the values drawn.
EXPECTED = {
    "draw_ego": r'"Boxes": ego in the centre and \d+ alters; \d+ ties among the alters',
    "plot_series": r"adults \(synthetic\) rises from 10 in 2000 to 70 in 2020",
    "plot_distribution": r"1985: 25% named 0, 75% named 1; 2004: 62% named 0, 38% named 1",
    "plot_typology": r"65\+: networked 25%, bounded 25%, limited 50%",
}


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_each_plotting_function_describes_what_it_draws(name):
    fig = drawn(FIGURES[name])
    text = figure_text.description_of(fig)
    assert re.search(EXPECTED[name], text), text
    page = figure_text.figure_html(fig)
    assert page.startswith('<img class="netind-figure" alt="') and "data:image/png;base64," in page


def test_a_model_panel_describes_every_panel():
    from matplotlib.figure import Figure

    fig = Figure()
    graphs = {"boxes (synthetic)": models.little_boxes(seed=0), "net": models.glocalized(seed=0)}
    egodraw.draw_model_panel(graphs, axes=fig.subplots(1, 2))
    text = figure_text.description_of(fig)
    assert text.startswith("2 network drawings side by side.")
    assert '"boxes (synthetic)"' in text and '"net"' in text


def test_a_figure_no_course_function_drew_is_described_from_its_labels():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([1, 2], label="mine")
    ax.set(title="My own chart", xlabel="year", ylabel="people")
    ax.legend()
    assert figure_text.description_of(fig) == (
        'Chart "My own chart": horizontal axis year; vertical axis people; key: mine.'
    )
    assert figure_text.figure_html(Figure()) is None  # nothing drawn: the PNG alone


def test_in_ipython_figures_are_shown_with_their_alt_text():
    """The inline backend drops figure formatters when it starts; they come back per cell."""
    from IPython import get_ipython
    from IPython.testing.globalipapp import start_ipython

    start_ipython()  # once per test session; later calls return None
    shell = get_ipython()
    assert figure_text.register_figure_html()
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.pop("matplotlib.figure.Figure", None)  # what the inline backend does
    shell.events.trigger("post_execute")
    fig = drawn(FIGURES["plot_distribution"])
    # (the test shell keeps its HTML formatter off: call what it would call)
    assert formatter.lookup(fig)(fig).startswith('<img class="netind-figure" alt="Bar chart')


# -- keys pressed in a widget stay there -----------------------------------------------------
def test_shipped_settings_keep_every_notebook_shortcut_out_of_widgets():
    """The course's overrides match the installed JupyterLab's command-mode shortcuts."""
    import json
    import sys

    schema = Path(sys.prefix, "share/jupyter/lab/schemas/@jupyterlab/notebook-extension")
    bindings = json.loads((schema / "tracker.json").read_text(encoding="utf-8"))
    shipped = Path(a11y.__file__).parent / "_jupyter" / "lab-settings" / "overrides.json"
    settings = json.loads(shipped.read_text(encoding="utf-8"))
    expected = a11y.widget_safe_shortcuts(bindings["jupyter.lab.shortcuts"])
    assert settings["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"] == expected, (
        "JupyterLab's notebook shortcuts changed: rebuild the list in "
        "netind_teach/_jupyter/lab-settings/overrides.json with a11y.widget_safe_shortcuts"
    )
    keys = {tuple(b["keys"]) for b in expected}
    assert {("A",), ("D", "D"), ("X",), ("ArrowDown",), ("ArrowUp",)} <= keys


# -- colours of the course CSS ---------------------------------------------------------------
def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("rule", "text", "background"),
    [
        (".jupyter-button.mod-primary", "#ffffff", "#1565c0"),
        (".jupyter-button.mod-danger", "#ffffff", "#c62828"),
        (".jupyter-widget-TabPanel .lm-TabBar-tab", "#1f2328", "#eeeeee"),  # tab background
        ("::placeholder", "#595959", "#ffffff"),
    ],
)
def test_course_css_text_colours_reach_4_5_to_1(rule, text, background):
    block = a11y.COURSE_CSS[a11y.COURSE_CSS.index(rule) :].split("}")[0]
    assert text in block and (background in block or background in ("#eeeeee", "#ffffff"))
    assert contrast(text, background) >= 4.5


def test_the_focus_ring_reaches_3_to_1_on_any_background():
    """A dark ring inside a white one: one of them contrasts 3:1 with any colour."""
    assert "#1a1a1a" in a11y.COURSE_CSS and "#ffffff" in a11y.COURSE_CSS
    for grey in range(0, 256, 5):
        background = f"#{grey:02x}{grey:02x}{grey:02x}"
        assert max(contrast("#1a1a1a", background), contrast("#ffffff", background)) >= 3
