"""Checksum upkeep: the sha256 and size of every dataset file, kept in ``datapackage.json``.

Examples
--------
>>> sha256_of(b"")
'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from netind_teach._resources import datasets_dir

__all__ = ["refresh_hashes", "sha256_of"]


def sha256_of(data: bytes) -> str:
    """Return ``data``'s checksum as ``datapackage.json`` writes it (``"sha256:<hex>"``).

    Parameters
    ----------
    data : bytes
        A file's content.

    Returns
    -------
    str
        ``"sha256:"`` and the hex digest.
    """
    return "sha256:" + hashlib.sha256(data).hexdigest()


def refresh_hashes(folder: str | Path | None = None) -> list[str]:
    r"""Record the current sha256 and size of every file in ``datapackage.json``.

    For maintainers, after changing a CSV on purpose (e.g. after
    :func:`netind_teach.synthetic.write_east_york`). Rewrites ``datapackage.json`` only
    if something changed.

    Parameters
    ----------
    folder : str or pathlib.Path, optional
        The datasets folder; default :func:`netind_teach._resources.datasets_dir`.

    Returns
    -------
    list of str
        Names of the resources whose hash changed.

    Examples
    --------
    >>> import shutil, tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     copy = pathlib.Path(shutil.copytree(str(datasets_dir()), pathlib.Path(tmp) / "d"))
    ...     before = refresh_hashes(copy)
    ...     with open(copy / "wellman_models.csv", "a", encoding="utf-8") as f:
    ...         _ = f.write("4,a fourth model,x,x,x,x\n")
    ...     after = refresh_hashes(copy)
    >>> before, after
    ([], ['wellman_models'])
    """
    where = Path(str(datasets_dir())) if folder is None else Path(folder)
    path = where / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    changed = []
    for entry in package["resources"]:
        if "path" not in entry:
            continue
        data = (where / entry["path"]).read_bytes()
        digest = sha256_of(data)
        if entry.get("hash") != digest or entry.get("bytes") != len(data):
            entry["hash"], entry["bytes"] = digest, len(data)
            changed.append(entry["name"])
    if changed:
        path.write_bytes((json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode())
    return changed
