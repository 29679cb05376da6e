"""No lesson cell leaves a pyplot figure open for IPython's post-execute hooks (issue 24).

In a notebook, pyplot redraws every stale open figure when a cell ends (its
``post_execute`` hook; an Agg draw is a full render), and only then does the inline
backend display the figure, rendering it again. Lesson 02's first two drawings and
lesson 05's two class charts were rendered twice that way. A cell that draws with pyplot
ends with ``plt.show()``: the figure is shown, rendered once, and closed inside the cell.

The lessons run here in an IPython shell with the inline backend, as in Jupyter, each
code cell through the shell (so its hooks run), in a scratch working folder.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from netind_teach._resources import lessons_dir

pytestmark = pytest.mark.notebooks  # runs every lesson (about 10 s)

LESSONS = sorted(Path(str(lessons_dir())).glob("0*.ipynb"))


@pytest.fixture
def shell(tmp_path, monkeypatch):
    import matplotlib
    from IPython import get_ipython
    from IPython.testing.globalipapp import start_ipython

    monkeypatch.chdir(tmp_path)
    start_ipython()  # once per test session; later calls return None
    shell = get_ipython()
    backend = matplotlib.get_backend()
    hooks = {event: list(shell.events.callbacks[event]) for event in shell.events.callbacks}
    shell.run_line_magic("matplotlib", "inline")
    shell.reset(new_session=False)
    yield shell
    import matplotlib.pyplot as plt

    plt.close("all")
    for event, before in hooks.items():  # the inline backend's and pyplot's hooks go
        for callback in list(shell.events.callbacks[event]):
            if callback not in before:
                shell.events.unregister(event, callback)
    matplotlib.use(backend)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_cell_leaves_a_figure_for_the_post_execute_redraw(path, shell, monkeypatch):
    from matplotlib.backend_bases import FigureCanvasBase

    redrawn: list[int] = []
    real = FigureCanvasBase.draw_idle
    cell_index = [-1]

    def draw_idle(canvas, *args, **kwargs):
        redrawn.append(cell_index[0])
        return real(canvas, *args, **kwargs)

    monkeypatch.setattr(FigureCanvasBase, "draw_idle", draw_idle)
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        cell_index[0] = index
        result = shell.run_cell(cell.source, store_history=False, silent=False)
        assert result.success, f"cell {index} failed: {result.error_in_exec!r}"
    assert redrawn == [], f"{path.name}: cells {sorted(set(redrawn))} end with a figure open"
