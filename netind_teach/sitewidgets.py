"""The Jupyter widgets HTML manager, vendored into the static site so widgets show offline.

A lesson page of the static site holds each widget's saved state (the notebook's
``application/vnd.jupyter.widget-state+json`` metadata and one
``application/vnd.jupyter.widget-view+json`` output per displayed widget). The HTML
manager's ``embed.js`` from ``@jupyter-widgets/html-manager`` turns them back into
controls, images and plots. It is obtained from the npm registry when a site is built
(never from a CDN when a page is read), at a pinned version whose tarball is checked
against a pinned checksum, and copied into the site with its licences. Pages reference it
by a relative path, so the site works from a USB stick, ``file://`` or an LMS.

The tarball's files are cached in ``build/vendor/`` of a checkout (``make vendor``), or
in ``$NETIND_TEACH_CACHE`` or the user cache folder, so only the first build needs npm.

Command line (``make vendor``)::

    python -m netind_teach.sitewidgets     # fetch into the cache, print where

Examples
--------
>>> HTML_MANAGER_VERSION
'1.0.15'
>>> ASSETS
'_static/widgets'
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

__all__ = [
    "ASSETS",
    "HTML_MANAGER",
    "HTML_MANAGER_INTEGRITY",
    "HTML_MANAGER_VERSION",
    "WidgetsAssetsError",
    "cache_folder",
    "fetch_html_manager",
    "main",
    "vendor_html_manager",
]

#: The npm package that renders saved widget state in a plain HTML page.
HTML_MANAGER = "@jupyter-widgets/html-manager"
#: Its version for ipywidgets 8.1 (jupyterlab_widgets 3.0: widgets base 6, controls 5).
HTML_MANAGER_VERSION = "1.0.15"
#: The registry's checksum of that version's tarball (``npm view ... dist.integrity``).
HTML_MANAGER_INTEGRITY = (
    "sha512-5thBIV6ymNgmPVOHvzx+gGy8ZSKmSazhtGw4/c4xJDVzRhG9PTeQsRjF3FUTopvFi//SABeNz1yp47bCrJ3CQA=="
)
#: Where the manager's files go inside a site (pages link them relatively).
ASSETS = "_static/widgets"

# Chromium, Firefox, Safari and Edge read woff2 (or woff): the older formats are left out.
_FONT_SUFFIXES = (".woff2", ".woff")
_STAMP = "netind-vendored.json"
_REPO_ROOT = Path(__file__).resolve().parent.parent


class WidgetsAssetsError(RuntimeError):
    """The widget manager could not be fetched or checked; the message names the fix."""


def cache_folder() -> Path:
    """Return the folder that keeps the fetched manager between builds.

    ``$NETIND_TEACH_CACHE`` if set; else ``build/vendor`` of the checkout this package
    runs from; else ``netind-teach`` in the platform's per-user cache folder
    (:func:`platformdirs.user_cache_dir`: ``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux).

    Returns
    -------
    Path
        The cache folder (not created here).

    Examples
    --------
    >>> cache_folder().name in ("vendor", "netind-teach") or "NETIND_TEACH_CACHE" in os.environ
    True
    """
    if os.environ.get("NETIND_TEACH_CACHE"):
        return Path(os.environ["NETIND_TEACH_CACHE"]).expanduser()
    if (_REPO_ROOT / "pyproject.toml").is_file() and (_REPO_ROOT / "lessons").is_dir():
        return _REPO_ROOT / "build" / "vendor"
    import platformdirs

    return Path(platformdirs.user_cache_dir("netind-teach", appauthor=False))


def _integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode("ascii")


def _npm_pack(scratch: Path) -> Path:
    npm = shutil.which("npm")
    if npm is None:
        raise WidgetsAssetsError(
            f"building the static site needs {HTML_MANAGER}@{HTML_MANAGER_VERSION} from the "
            f"npm registry, and npm is not installed -> fix: install Node.js and npm (Debian: "
            f"apt-get install npm), or copy a fetched {cache_folder()} from another machine"
        )
    spec = f"{HTML_MANAGER}@{HTML_MANAGER_VERSION}"
    done = subprocess.run(
        [npm, "pack", spec, "--pack-destination", str(scratch), "--silent"],
        cwd=scratch, capture_output=True, text=True, encoding="utf-8", timeout=300,
        check=False,
    )
    tarballs = sorted(scratch.glob("*.tgz"))
    if done.returncode != 0 or len(tarballs) != 1:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise WidgetsAssetsError(
            f"npm could not fetch {spec} ({last}) -> fix: check access to the npm registry "
            f"and run `make vendor` again"
        )
    return tarballs[0]


def _extract(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            name = Path(member.name)
            if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
                raise WidgetsAssetsError(f"{tarball.name} holds an unsafe entry: {member.name}")
        if hasattr(tarfile, "data_filter"):  # every entry was checked above
            archive.extractall(into, filter="data")
        else:
            archive.extractall(into)
    return into / "package"


def _project_licence() -> str:
    """Return the BSD-3-Clause licence of the ipywidgets project, which publishes the manager."""
    files = metadata.distribution("ipywidgets").files or []
    for file in files:
        if Path(str(file)).name.upper().startswith("LICENSE"):
            return Path(str(file.locate())).read_text(encoding="utf-8")
    raise WidgetsAssetsError("the installed ipywidgets has no licence file -> fix: reinstall it")


def fetch_html_manager(cache: str | Path | None = None) -> Path:
    """Return a folder holding the manager's ``embed.js``, fonts and licences.

    Uses the cache when it holds the pinned version; otherwise runs ``npm pack`` into a
    temporary folder, checks the tarball against :data:`HTML_MANAGER_INTEGRITY` and fills
    the cache. Raises :class:`WidgetsAssetsError` with a fix when that fails.

    Parameters
    ----------
    cache : str or Path, optional
        The cache folder (default: :func:`cache_folder`).

    Returns
    -------
    Path
        The folder holding the unpacked package.
    """
    target = Path(cache) if cache is not None else cache_folder()
    target = target / f"html-manager-{HTML_MANAGER_VERSION}"
    stamp = target / _STAMP
    if stamp.is_file():
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        if recorded.get("integrity") == HTML_MANAGER_INTEGRITY:
            return target
    with tempfile.TemporaryDirectory(prefix="netind-npm-") as scratch:
        tarball = _npm_pack(Path(scratch))
        found = _integrity(tarball)
        if found != HTML_MANAGER_INTEGRITY:
            raise WidgetsAssetsError(
                f"{tarball.name} does not match its pinned checksum ({found[:24]}...) -> fix: "
                "fetch it again; if it persists, the registry copy changed: do not use it"
            )
        package = _extract(tarball, Path(scratch) / "unpacked")
        staging = Path(tempfile.mkdtemp(prefix=".html-manager-", dir=_parent(target)))
        staging.chmod(0o755)
        dist = package / "dist"
        for path in [dist / "embed.js", dist / "embed.js.LICENSE.txt", package / "package.json",
                     *(p for p in dist.iterdir() if p.suffix in _FONT_SUFFIXES)]:
            shutil.copyfile(path, staging / path.name)
        (staging / "LICENSE").write_text(_project_licence(), encoding="utf-8")
        (staging / "README.txt").write_text(
            f"{HTML_MANAGER} {HTML_MANAGER_VERSION} from the npm registry (tarball "
            f"{HTML_MANAGER_INTEGRITY}).\nIt renders the lessons' saved widget state.\n"
            "LICENSE: BSD-3-Clause, the licence of the ipywidgets project that publishes it "
            "(its package.json says BSD-3-Clause).\nembed.js.LICENSE.txt: the licences of the "
            "libraries bundled into embed.js.\n",
            encoding="utf-8",
        )
        (staging / _STAMP).write_text(
            json.dumps({"package": HTML_MANAGER, "version": HTML_MANAGER_VERSION,
                        "integrity": HTML_MANAGER_INTEGRITY}), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        staging.replace(target)
    return target


def _parent(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.parent


def vendor_html_manager(site: Path, cache: str | Path | None = None) -> list[Path]:
    """Copy the manager's files into ``site``/:data:`ASSETS`; return the files written.

    Parameters
    ----------
    site : Path
        The site's folder.
    cache : str or Path, optional
        The cache folder (default: :func:`cache_folder`).

    Returns
    -------
    list of Path
        The files written.
    """
    source = fetch_html_manager(cache)
    destination = site / ASSETS
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.iterdir()):
        if path.name != _STAMP:
            shutil.copyfile(path, destination / path.name)
            written.append(destination / path.name)
    return written


def main() -> int:
    """Fetch the manager into the cache (``make vendor``); one line on failure.

    Returns
    -------
    int
        The exit status: 0 when the manager is in the cache, 1 otherwise.
    """
    try:
        folder = fetch_html_manager()
    except WidgetsAssetsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{HTML_MANAGER} {HTML_MANAGER_VERSION} is in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
