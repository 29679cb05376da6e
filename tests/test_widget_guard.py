"""The one widget error guard and its strict mode (issue 23 items 7 and 8).

Under the test suite strict mode is on (``tests/conftest.py``): a bug in a callback fails
its test. With it off, as for a learner, the same failure is one line in the widget.
"""

from __future__ import annotations

import os

import pytest

from netind_teach import niches, widget_guard
from netind_teach.widget_guard import STRICT_VARIABLE, failure_message, guard, strict


def test_the_suite_runs_strict() -> None:
    assert os.environ.get(STRICT_VARIABLE) == "1" and strict()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("TRUE", True), ("yes", True), ("", False), ("0", False), ("no", False)],
)
def test_strict_reads_the_variable(monkeypatch, value, expected) -> None:
    monkeypatch.setenv(STRICT_VARIABLE, value)
    assert strict() is expected


def test_guard_shows_the_failure_or_re_raises(monkeypatch) -> None:
    shown: list[Exception] = []
    with pytest.raises(KeyError), guard(shown.append):
        raise KeyError("x")
    assert shown == []
    monkeypatch.setenv(STRICT_VARIABLE, "")
    with guard(shown.append):
        raise KeyError("x")
    assert [type(e) for e in shown] == [KeyError]
    with guard(shown.append):
        pass
    assert len(shown) == 1


def test_guard_lets_interrupts_through(monkeypatch) -> None:
    monkeypatch.setenv(STRICT_VARIABLE, "")
    with pytest.raises(KeyboardInterrupt), guard(lambda exc: None):
        raise KeyboardInterrupt


def test_failure_message_is_one_line() -> None:
    text = failure_message(ValueError("a\nb"), "run the cell again.")
    assert text == "Could not update (ValueError): run the cell again." and "\n" not in text


def _break(monkeypatch, module, name):
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, name, broken)


def test_artifact_explorer_guard(monkeypatch) -> None:
    from netind_teach.widgets import artifact

    ex = artifact.ArtifactExplorer({0: 10, 1: 90}, {0: 28, 1: 72}, draw=False)
    _break(monkeypatch, artifact, "artifact_shift")
    with pytest.raises(RuntimeError, match="boom"):
        ex.rate_box.value = 10
    monkeypatch.setenv(STRICT_VARIABLE, "")
    ex.rate_box.value = 20
    assert ex.message_text == ("Could not update the explorer (RuntimeError): run the cell again.")


def test_status_widget_guard(monkeypatch) -> None:
    from netind_teach.widgets.niches import NicheExplorer

    ex = NicheExplorer(draw=False)
    _break(monkeypatch, niches, "niche_network")
    with pytest.raises(RuntimeError, match="boom"):
        ex.preference_box.value = 0.5
    monkeypatch.setenv(STRICT_VARIABLE, "")
    ex.preference_box.value = 0.6
    assert ex.summary == "Could not update (RuntimeError): run the cell again."
    assert "role='status'" in ex.status.value


def test_no_broad_except_left_in_the_widgets() -> None:
    """Every broad guard in netind_teach/widgets/ goes through widget_guard.guard."""
    from pathlib import Path

    folder = Path(widget_guard.__file__).parent / "widgets"
    found = [
        f"{path.name}:{number}"
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if "except Exception" in line or "except BaseException" in line
    ]
    assert found == []


def test_a_button_callback_that_raises_fails_the_test() -> None:
    """ipywidgets swallows a click handler's exception; conftest makes tests see it."""
    import ipywidgets as widgets

    button = widgets.Button()
    button.on_click(lambda _button: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        button.click()
