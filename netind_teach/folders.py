r"""Where the course keeps a learner's own files (progress) on this computer.

First match wins:

1. ``$NETIND_TEACH_HOME`` when that environment variable is set (tests and shared
   JupyterHub set-ups use it);
2. otherwise the platform's per-user data folder, as :func:`platformdirs.user_data_dir`
   gives it for ``netind-teach``:

   - Linux and other Unix: ``$XDG_DATA_HOME/netind-teach`` (when it is an absolute path)
     or ``~/.local/share/netind-teach``
   - macOS: ``~/Library/Application Support/netind-teach`` (``$XDG_DATA_HOME/netind-teach``
     when that is set to an absolute path)
   - Windows: the roaming application data folder (``%APPDATA%``) ``\netind-teach``

Examples
--------
>>> data_dir().is_absolute()
True
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["APP", "ENV_VAR", "data_dir"]

#: Environment variable that overrides the folder.
ENV_VAR = "NETIND_TEACH_HOME"
#: The folder's name inside the platform's data folder.
APP = "netind-teach"


def data_dir(platform: str | None = None) -> Path:
    """Return the folder where netind-teach keeps a learner's files (not created).

    Parameters
    ----------
    platform : str, optional
        The ``sys.platform`` value whose rules to follow (default: this computer's), so
        that each platform's folder can be checked anywhere.

    Returns
    -------
    pathlib.Path
        ``$NETIND_TEACH_HOME`` if set, else the platform's per-user data folder.

    Examples
    --------
    >>> data_dir("darwin").name  # or $NETIND_TEACH_HOME when set
    'netind-teach'
    """
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    plat = sys.platform if platform is None else platform
    if plat.startswith("win"):
        from platformdirs.windows import Windows as Dirs
    elif plat == "darwin":
        from platformdirs.macos import MacOS as Dirs  # type: ignore[assignment]
    else:
        from platformdirs.unix import Unix as Dirs  # type: ignore[assignment]
    return Path(Dirs(APP, appauthor=False, roaming=True).user_data_dir)
