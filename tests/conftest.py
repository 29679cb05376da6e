"""Test-session set-up shared by every test, notebook and doctest.

Jupyter, IPython, matplotlib and the course's progress files all write under the
user's home; the tests point every one of them at a fresh temporary folder so a test
run never reads or changes a developer's own settings or progress, and kernels that
nbval starts inherit the same environment.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_ISOLATED_DIRS = {
    "NETIND_TEACH_HOME": "netind-teach",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}


def pytest_configure(config):
    root = Path(tempfile.mkdtemp(prefix="netind-tests-"))
    for variable, folder in _ISOLATED_DIRS.items():
        path = root / folder
        path.mkdir()
        os.environ[variable] = str(path)
    config.netind_tmp_root = root
