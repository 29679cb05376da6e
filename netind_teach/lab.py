"""Start the course's JupyterLab on the learner's own copy of the lessons.

``netind-teach lab [DIR]`` and ``make lab`` both come here: the lessons are copied into
``DIR`` (never over a file that is already there, so a learner's edits are kept), then
JupyterLab starts with ``DIR`` as its root folder and opens lesson 00.

The course's settings live in ``netind_teach/_jupyter`` and are installed with the package
(``<prefix>/etc/jupyter/jupyter_lab_config.json``: a read-only extension manager that never
queries the package index, no news feed, no update check;
``<prefix>/share/jupyter/lab/settings/overrides.d/netind-teach.json``: the browser does not
ask about news). This command also puts the server settings on ``JUPYTER_CONFIG_PATH``, so
they hold where Jupyter does not read the install prefix (``pip install --user``).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "course"
>>> report = prepare_folder(folder)
>>> len(report.copied) >= 6, report.edited
(True, [])
>>> prepare_folder(folder).copied  # a second run copies nothing and overwrites nothing
[]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from netind_teach._resources import lesson_files

__all__ = [
    "DEFAULT_FOLDER",
    "FIRST_LESSON",
    "LabFolderError",
    "Prepared",
    "copy_lessons",
    "jupyter_config_dir",
    "lab_command",
    "lab_environment",
    "prepare_folder",
    "run",
]

DEFAULT_FOLDER = "netind-lessons"
FIRST_LESSON = "00_welcome.ipynb"


class LabFolderError(Exception):
    """The lesson folder cannot be used; the message says why and how to fix it."""


@dataclass
class Prepared:
    """What :func:`prepare_folder` did: lessons copied, lessons kept as the learner left them.

    Parameters
    ----------
    folder : pathlib.Path
        The lesson folder, with ``~`` expanded.
    copied : list of pathlib.Path
        Lessons copied in (those that were missing).
    edited : list of str
        File names of lessons already there that differ from the shipped ones (kept).
    """

    folder: Path
    copied: list[Path] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


def copy_lessons(target: str | Path) -> list[Path]:
    """Copy every lesson notebook into ``target``; existing files are left untouched.

    Returns the paths written (empty when every lesson was already there).

    Parameters
    ----------
    target : str or pathlib.Path
        The folder to copy into (created if missing).

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "course"
    >>> "00_welcome.ipynb" in [p.name for p in copy_lessons(target)]
    True
    >>> copy_lessons(target)
    []
    """
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in lesson_files():
        destination = target / lesson.name
        if destination.exists():
            continue
        destination.write_bytes(lesson.read_bytes())
        written.append(destination)
    return written


def prepare_folder(folder: str | Path) -> Prepared:
    """Make ``folder`` ready for JupyterLab: create it, check it is writable, copy the lessons.

    Parameters
    ----------
    folder : str or pathlib.Path
        The lesson folder (``~`` is expanded).

    Returns
    -------
    Prepared
        The folder, the lessons copied, and the lessons the learner had changed (kept).

    Raises
    ------
    LabFolderError
        When ``folder`` is a file, cannot be created, or cannot be written in. Nothing in
        the folder is changed then.
    """
    folder = Path(folder).expanduser()
    fix = f"Fix: name a folder you can write to, e.g. `netind-teach lab ~/{DEFAULT_FOLDER}`."
    if folder.exists() and not folder.is_dir():
        raise LabFolderError(f"{folder} is a file, not a folder. {fix}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".netind-write-check-"):
            pass
    except OSError as exc:
        raise LabFolderError(f"cannot write in {folder} ({exc.strerror or exc}). {fix}") from exc
    shipped = {lesson.name: lesson for lesson in lesson_files()}
    edited = [
        name
        for name, lesson in shipped.items()
        if (folder / name).is_file() and (folder / name).read_bytes() != lesson.read_bytes()
    ]
    try:
        copied = copy_lessons(folder)
    except OSError as exc:
        raise LabFolderError(f"cannot copy the lessons into {folder} ({exc.strerror or exc}). "
                             f"{fix}") from exc
    return Prepared(folder=folder, copied=copied, edited=edited)


def jupyter_config_dir() -> Path:
    """Return the folder holding the course's Jupyter settings (shipped inside the package).

    The same file is installed into ``<prefix>/etc/jupyter`` with the package, where every
    Jupyter server of that environment (Binder, a hub image) reads it.

    Returns
    -------
    pathlib.Path
        The package's Jupyter configuration folder.

    Examples
    --------
    >>> (jupyter_config_dir() / "jupyter_lab_config.json").is_file()
    True
    """
    return Path(__file__).resolve().parent / "_jupyter"


def lab_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return ``base`` (default :data:`os.environ`) with the course's settings on the config path.

    Parameters
    ----------
    base : mapping of str to str or None
        The environment to start from; None uses :data:`os.environ`.

    Returns
    -------
    dict of str to str
        A copy of ``base`` whose ``JUPYTER_CONFIG_PATH`` starts with
        :func:`jupyter_config_dir` (any path already set follows it).

    Examples
    --------
    >>> env = lab_environment({"JUPYTER_CONFIG_PATH": "/etc/mine"})
    >>> env["JUPYTER_CONFIG_PATH"].split(os.pathsep)[1]
    '/etc/mine'
    """
    env = dict(os.environ if base is None else base)
    paths = [str(jupyter_config_dir())]
    if env.get("JUPYTER_CONFIG_PATH"):
        paths.append(env["JUPYTER_CONFIG_PATH"])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return env


def lab_command(
    folder: str | Path, port: int | None = None, open_browser: bool = True
) -> list[str]:
    """Return the command that starts JupyterLab with ``folder`` as root, on the first lesson.

    Parameters
    ----------
    folder : str or pathlib.Path
        The lesson folder, JupyterLab's root.
    port : int or None
        Port to serve on; None lets JupyterLab choose.
    open_browser : bool
        Whether JupyterLab opens a browser tab.

    Returns
    -------
    list of str
        The argument list: this Python, ``-m jupyterlab``, the root folder, the options
        (``--allow-root`` when run as root) and the first lesson's path.

    Examples
    --------
    >>> command = lab_command("course", port=8899, open_browser=False)
    >>> command[1:3], "--port=8899" in command, "--no-browser" in command
    (['-m', 'jupyterlab'], True, True)
    >>> command[-1] == str(Path("course", FIRST_LESSON).resolve())
    True
    """
    folder = Path(folder).expanduser().resolve()
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}"]
    if port is not None:
        command.append(f"--port={port}")
    if not open_browser:
        command.append("--no-browser")
    if getattr(os, "geteuid", lambda: None)() == 0:  # Windows has no geteuid
        command.append("--allow-root")
    command.append(str(folder / FIRST_LESSON))
    return command


def run(command: Sequence[str], folder: str | Path, env: Mapping[str, str]) -> int:
    """Run JupyterLab in ``folder``: in place of this process where the OS allows it.

    On POSIX the command replaces this process, so Ctrl-C and a stop signal reach
    JupyterLab itself (it then shuts its kernels down). Elsewhere it runs as a child, and a
    Ctrl-C here waits for JupyterLab's own shutdown instead of killing it.

    Parameters
    ----------
    command : sequence of str
        The command, e.g. from :func:`lab_command`.
    folder : str or pathlib.Path
        The working folder.
    env : mapping of str to str
        The environment, e.g. from :func:`lab_environment`.

    Returns
    -------
    int
        JupyterLab's exit status (on POSIX this function does not return: the process is
        replaced).
    """
    if os.name == "posix" and hasattr(os, "execve"):
        sys.stdout.flush()
        os.chdir(folder)
        os.execve(command[0], list(command), dict(env))
    process = subprocess.Popen(list(command), cwd=folder, env=dict(env))
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            continue
