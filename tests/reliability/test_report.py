"""The reliability table's generator: rows recorded by any test become docs/reliability.md."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _report():
    spec = importlib.util.spec_from_file_location(
        "reliability_report", ROOT / "tools" / "reliability_report.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_recorded_row_appears_in_the_table(tmp_path: Path, monkeypatch, reliability_row) -> None:
    monkeypatch.setenv("NETIND_RELIABILITY_RESULTS", str(tmp_path / "rows"))
    written = reliability_row(
        "answers-generated",
        check="Generated answers across all exercises",
        runs=10_000,
        inputs=10_000,
        lost=0,
        escaped=0,
        reproduce="make reliability",
    )
    assert json.loads(written.read_text())["runs"] == 10_000
    out = tmp_path / "reliability.md"
    assert _report().main(["x", str(tmp_path / "rows"), str(out)]) == 0
    page = out.read_text()
    assert "| Generated answers across all exercises | 10,000 | - | 10,000 | 0 | 0 | - |" in page
    assert "Totals: 0 lost, 0 escaped, 0 leaked, over 1 checks." in page
    assert "`make reliability`" in page


def test_a_row_without_its_figures_is_refused(reliability_row) -> None:
    import pytest

    with pytest.raises(TypeError, match="lost"):
        reliability_row("x", check="c", runs=1, escaped=0, reproduce="r")
