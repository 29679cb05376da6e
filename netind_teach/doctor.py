"""``netind-teach doctor``: check that this machine can run the course.

Each check gives one line; every problem is followed by one ``-> fix`` line. In a
terminal, ``netind-teach doctor`` is thorough: it renders a figure offscreen and reads
every table with its column types checked. Lesson 00's set-up cell runs the quick form,
``run_checks(quick=True)``: Python, the packages' versions, the widget extension, that
matplotlib and ipywidgets import, and every data file against its checksum. It
renders nothing and parses no table, so it costs the lesson a few milliseconds.

Examples
--------
>>> results = run_checks()
>>> all(isinstance(r, CheckResult) for r in results)
True
>>> [r.name for r in run_checks(quick=True)][-1].startswith("dataset ")
True
>>> CheckResult("python", False, "Python 3.8", "install Python 3.11 or newer").lines()
['[FAIL] python: Python 3.8', '       -> fix: install Python 3.11 or newer']
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from netind_teach.wording import plural

__all__ = ["CHECKS", "QUICK_CHECKS", "CheckResult", "main", "report", "run_checks"]

DISTRIBUTION = "netind-teach"
MIN_PYTHON = (3, 11)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its name, whether it passed, what was seen, the fix.

    Parameters
    ----------
    name : str
        What was checked, e.g. ``"python"`` or ``"package networkx"``.
    ok : bool
        Whether the check passed.
    detail : str
        What was seen, e.g. the version installed.
    fix : str
        What to do when the check failed (printed only then).
    """

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def lines(self) -> list[str]:
        """Return the line(s) printed for this check."""
        head = f"[{'ok' if self.ok else 'FAIL'}] {self.name}: {self.detail}"
        return [head] if self.ok else [head, f"       -> fix: {self.fix}"]


def _check_python() -> list[CheckResult]:
    found = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= MIN_PYTHON
    need = ".".join(map(str, MIN_PYTHON))
    return [CheckResult("python", ok, f"Python {found}", f"install Python {need} or newer")]


def _runtime_requirements() -> list[str]:
    try:
        declared = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    return [r for r in declared if "extra ==" not in r]


def _check_packages() -> list[CheckResult]:
    from packaging.requirements import Requirement

    declared = _runtime_requirements()
    if not declared:
        return [
            CheckResult(
                "package netind-teach",
                False,
                "not installed (running from a bare checkout?)",
                "pip install . (or `make lab`, which installs it into .venv)",
            )
        ]
    results = []
    for text in declared:
        requirement = Requirement(text)
        name = requirement.name
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            results.append(
                CheckResult(f"package {name}", False, "missing", f'pip install "{requirement}"')
            )
            continue
        ok = requirement.specifier.contains(installed, prereleases=True)
        wanted = str(requirement.specifier) or "any version"
        results.append(
            CheckResult(
                f"package {name}",
                ok,
                f"{installed} (needs {wanted})",
                f'pip install "{requirement}"',
            )
        )
    return results


def _check_widget_extension() -> list[CheckResult]:
    from jupyter_core.paths import jupyter_path

    relative = ("labextensions", "@jupyter-widgets", "jupyterlab-manager", "package.json")
    for folder in jupyter_path(relative[0]):
        candidate = Path(folder, *relative[1:])
        if candidate.is_file():
            version = json.loads(candidate.read_text(encoding="utf-8")).get("version", "?")
            return [
                CheckResult(
                    "JupyterLab widget extension",
                    True,
                    f"@jupyter-widgets/jupyterlab-manager {version}",
                )
            ]
    return [
        CheckResult(
            "JupyterLab widget extension",
            False,
            "@jupyter-widgets/jupyterlab-manager not found; widgets would show "
            "'Error displaying widget'",
            'pip install "jupyterlab_widgets>=3,<4" "ipywidgets>=8,<9", then restart JupyterLab',
        )
    ]


def _check_matplotlib() -> list[CheckResult]:
    try:
        from netind_teach import rendering

        figure = rendering.new_figure((1, 1))
        figure.add_subplot().plot([0, 1], [0, 1])
        ok = rendering.figure_png(figure).startswith(b"\x89PNG")
        detail = "renders offscreen (Agg, PNG)" if ok else "rendered an empty image"
    except Exception as error:  # report any failure as a check result, not a traceback
        ok, detail = False, f"cannot render offscreen: {type(error).__name__}: {error}"
    fix = 'pip install --force-reinstall "matplotlib>=3.7"'
    return [CheckResult("matplotlib", ok, detail, fix)]


def _check_imports() -> list[CheckResult]:
    """Quick form of the matplotlib check: the libraries import (nothing is drawn)."""
    results = []
    for module, fix in (
        ("matplotlib", 'pip install --force-reinstall "matplotlib>=3.7"'),
        ("ipywidgets", 'pip install --force-reinstall "ipywidgets>=8,<9"'),
    ):
        try:
            importlib.import_module(module)
            results.append(CheckResult(f"import {module}", True, "imports"))
        except Exception as error:  # report any failure as a check result, not a traceback
            detail = f"does not import: {type(error).__name__}: {error}"
            results.append(CheckResult(f"import {module}", False, detail, fix))
    return results


def _check_checksums() -> list[CheckResult]:
    """Quick form of the dataset check: each file present, its sha256 as recorded."""
    from netind_teach._resources import datasets_dir

    reinstall = "reinstall the course: pip install --force-reinstall netind-teach"
    folder = datasets_dir()
    package = json.loads(folder.joinpath("datapackage.json").read_text(encoding="utf-8"))
    results = []
    for entry in package["resources"]:
        name, path = entry.get("name", "?"), entry.get("path")
        if "networkx" in entry or not path:  # built by networkx: no file to check
            continue
        file = folder.joinpath(path)
        if not file.is_file():
            results.append(CheckResult(f"dataset {name}", False, f"{path} is missing", reinstall))
            continue
        try:
            digest = "sha256:" + hashlib.sha256(file.read_bytes()).hexdigest()
        except OSError as error:
            reason = error.strerror or type(error).__name__
            results.append(
                CheckResult(f"dataset {name}", False, f"{path} cannot be read ({reason})",
                            f"make it readable (chmod a+r), or {reinstall}")
            )
            continue
        ok = digest == entry.get("hash")
        detail = "present, checksum ok" if ok else f"{path} does not match its checksum"
        results.append(CheckResult(f"dataset {name}", ok, detail, reinstall))
    return results or [CheckResult("datasets", False, "no datasets listed", reinstall)]


def _check_datasets() -> list[CheckResult]:
    from netind_teach.datasets import check_files

    reinstall = "reinstall the course: pip install --force-reinstall netind-teach"
    results = []
    for name, problem in check_files():
        detail, _, fix = (problem or "present, checksum and columns ok").partition(" Fix: ")
        results.append(CheckResult(f"dataset {name}", problem is None, detail,
                                   fix.rstrip(".") or reinstall))
    return results or [CheckResult("datasets", False, "no datasets listed", reinstall)]


CHECKS: tuple[Callable[[], list[CheckResult]], ...] = (
    _check_python,
    _check_packages,
    _check_widget_extension,
    _check_matplotlib,
    _check_datasets,
)


#: The quick checks of lesson 00's set-up cell: nothing rendered, no table parsed.
QUICK_CHECKS: tuple[Callable[[], list[CheckResult]], ...] = (
    _check_python,
    _check_packages,
    _check_widget_extension,
    _check_imports,
    _check_checksums,
)


def run_checks(*, quick: bool = False) -> list[CheckResult]:
    """Run every check and return the results (a crashed check becomes a failed result).

    Parameters
    ----------
    quick : bool
        Run :data:`QUICK_CHECKS` (imports and checksums; what a notebook cell should
        run) instead of the thorough :data:`CHECKS` (a figure rendered, every table read).

    Returns
    -------
    list of CheckResult
        One result per thing checked, in order.
    """
    results: list[CheckResult] = []
    for check in QUICK_CHECKS if quick else CHECKS:
        try:
            results.extend(check())
        except Exception as error:  # a broken check must not hide the others
            name = check.__name__.removeprefix("_check_")
            results.append(
                CheckResult(name, False, f"check crashed: {type(error).__name__}: {error}",
                            "reinstall the course and report this message")
            )
    return results


def report(results: list[CheckResult]) -> str:
    """Format results as the lines ``netind-teach doctor`` prints, with a summary.

    Parameters
    ----------
    results : list of CheckResult
        The checks' outcomes, e.g. from :func:`run_checks`.

    Returns
    -------
    str
        One line per check (a failed one followed by its fix), then a summary line
        counting the problems and the checks.
    """
    lines = [line for result in results for line in result.lines()]
    problems = sum(not result.ok for result in results)
    summary = "all checks passed" if not problems else f"{plural(problems, 'problem')} found"
    checks = plural(len(results), "check")
    return "\n".join([*lines, f"netind-teach doctor: {summary} ({checks})"])


def main() -> int:
    """Print the report; return 0 when every check passed, 1 otherwise.

    Returns
    -------
    int
        The exit status: 0 when every check passed, 1 otherwise.
    """
    results = run_checks()
    print(report(results))
    return 0 if all(result.ok for result in results) else 1
