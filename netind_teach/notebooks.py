"""Keep the lesson notebooks clean: no volatile metadata, outputs only where nbval checks.

A committed lesson stores outputs (with execution counts) only on code cells tagged
``nbval-check-output``; nbval compares those against a fresh run. Every other cell is
stored cleared, and notebook metadata keeps only the kernel and language.

Command line (``make lessons`` and the pre-commit hook use it)::

    netind-teach lessons refresh lessons/*.ipynb   # execute, then strip
    netind-teach lessons check lessons/*.ipynb     # exit 1 if not clean

Examples
--------
>>> import nbformat
>>> nb = nbformat.v4.new_notebook()
>>> cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
>>> cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"},
...                                        execution_count=3)]
>>> nb.cells.append(cell)
>>> strip_notebook(nb).cells[0].outputs
[]
>>> cell.metadata["tags"] = [CHECK_TAG]
>>> strip_notebook(nb).cells[0].outputs[0]["data"]["text/plain"]
'2'
"""

from __future__ import annotations

import copy
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

__all__ = [
    "CHECK_TAG",
    "KERNEL_SPEC",
    "SOLUTION_TAG",
    "clear_notebook",
    "execute_notebook",
    "notebook_problems",
    "refresh_notebook",
    "strip_file",
    "strip_notebook",
]

#: Cells with this tag keep their outputs; nbval compares them with a fresh run.
CHECK_TAG = "nbval-check-output"
#: Cells with this tag hold instructor solutions (removed from student copies).
SOLUTION_TAG = "solution"
#: The only notebook-level metadata a committed lesson keeps.
KERNEL_SPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_KEPT_CELL_METADATA = ("tags",)
_VOLATILE_OUTPUT_KEYS = ("transient",)


def _is_checked(cell: nbformat.NotebookNode) -> bool:
    return CHECK_TAG in cell.get("metadata", {}).get("tags", [])


def _clean_cell_metadata(cell: nbformat.NotebookNode) -> None:
    kept = {key: cell.metadata[key] for key in _KEPT_CELL_METADATA if cell.metadata.get(key)}
    cell.metadata = nbformat.NotebookNode(kept)


def _clean_output(output: nbformat.NotebookNode) -> nbformat.NotebookNode:
    for key in _VOLATILE_OUTPUT_KEYS:
        output.pop(key, None)
    if "metadata" in output:
        output["metadata"] = nbformat.NotebookNode({})
    return output


def strip_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return a copy of ``nb`` as it should be committed.

    Outputs and execution counts stay only on cells tagged :data:`CHECK_TAG`; cell
    metadata keeps only tags; notebook metadata keeps only the kernel and language name.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook (left unchanged).

    Returns
    -------
    nbformat.NotebookNode
        The copy to commit.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(metadata={"widgets": {"state": {}}})
    >>> sorted(strip_notebook(nb).metadata)
    ['kernelspec', 'language_info']
    """
    clean = copy.deepcopy(nb)
    clean.nbformat, clean.nbformat_minor = 4, 5
    clean.metadata = nbformat.NotebookNode(
        {"kernelspec": dict(KERNEL_SPEC), "language_info": {"name": "python"}}
    )
    for cell in clean.cells:
        _clean_cell_metadata(cell)
        if "attachments" in cell and not cell.attachments:
            del cell["attachments"]
        if cell.cell_type != "code":
            continue
        if _is_checked(cell):
            cell.outputs = [_clean_output(output) for output in cell.outputs]
        else:
            cell.outputs = []
            cell.execution_count = None
    return clean


def clear_notebook(nb: nbformat.NotebookNode, drop_tag: str | None = None) -> nbformat.NotebookNode:
    """Return a copy with every output cleared (a student hand-out copy).

    ``drop_tag`` removes cells carrying that tag (e.g. :data:`SOLUTION_TAG`).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook (left unchanged).
    drop_tag : str, optional
        Cells carrying this tag are removed.

    Returns
    -------
    nbformat.NotebookNode
        The cleared copy.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook()
    >>> nb.cells.append(nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["solution"]}))
    >>> len(clear_notebook(nb, drop_tag=SOLUTION_TAG).cells)
    0
    """
    clean = strip_notebook(nb)
    if drop_tag:
        clean.cells = [c for c in clean.cells if drop_tag not in c.metadata.get("tags", [])]
    for cell in clean.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return clean


def _as_text(nb: nbformat.NotebookNode) -> str:
    return str(nbformat.writes(nb)) + "\n"


def strip_file(path: str | Path) -> None:
    """Rewrite the notebook at ``path`` as it should be committed (see :func:`strip_notebook`).

    Parameters
    ----------
    path : str or Path
        The notebook file, rewritten in place.

    Examples
    --------
    >>> import tempfile
    >>> nb = nbformat.v4.new_notebook(metadata={"widgets": {"state": {}}})
    >>> path = Path(tempfile.mkdtemp()) / "lesson.ipynb"
    >>> nbformat.write(nb, path)
    >>> strip_file(path)
    >>> notebook_problems(path)
    []
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    path.write_text(_as_text(strip_notebook(nb)), encoding="utf-8")


def notebook_problems(path: str | Path) -> list[str]:
    """List what keeps a committed notebook from being clean (empty list when clean).

    Parameters
    ----------
    path : str or Path
        The committed notebook.

    Returns
    -------
    list of str
        One line per problem, each naming the fix.

    Examples
    --------
    >>> from netind_teach._resources import lessons_dir
    >>> notebook_problems(lessons_dir() / "00_welcome.ipynb")
    []
    """
    path = Path(str(path))
    text = path.read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    problems = []
    if _as_text(strip_notebook(nb)) != text:
        problems.append(
            f"{path.name}: holds outputs or metadata that should not be committed "
            "(fix: `make lessons`)"
        )
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and _is_checked(cell) and cell.execution_count is None:
            problems.append(
                f"{path.name}: cell {index} is tagged {CHECK_TAG} but was not executed, so "
                "nbval cannot compare it (fix: `make lessons`)"
            )
    return problems


def execute_notebook(
    nb: nbformat.NotebookNode, workdir: str | Path, timeout: int = 120
) -> nbformat.NotebookNode:
    """Execute ``nb`` on a fresh kernel in ``workdir`` and return the executed copy.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook (left unchanged).
    workdir : str or Path
        The kernel's working folder.
    timeout : int
        Seconds a cell may run before the run fails.

    Returns
    -------
    nbformat.NotebookNode
        The executed copy, with its outputs.
    """
    from nbclient import NotebookClient

    executed = copy.deepcopy(nb)
    client = NotebookClient(
        executed,
        timeout=timeout,
        kernel_name=KERNEL_SPEC["name"],
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    return executed


def refresh_notebook(path: str | Path, timeout: int = 120) -> float:
    """Execute the lesson at ``path`` in a scratch copy of its folder, strip it, save it.

    Runs in a temporary copy so files a lesson writes (saved progress, demo data) never
    land in the repository. Returns the execution time in seconds.

    Parameters
    ----------
    path : str or Path
        The lesson, rewritten in place.
    timeout : int
        Seconds a cell may run before the run fails.

    Returns
    -------
    float
        How long the execution took, in seconds.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="netind-refresh-") as scratch:
        workdir = Path(scratch) / path.parent.name
        shutil.copytree(path.parent, workdir)
        start = time.perf_counter()
        executed = execute_notebook(nb, workdir, timeout=timeout)
        elapsed = time.perf_counter() - start
    path.write_text(_as_text(strip_notebook(executed)), encoding="utf-8")
    return elapsed
